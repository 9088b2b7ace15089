/* test_word8.c — each eight-byte test answers yes exactly when one of the
 * eight bytes, tested alone, would: every byte value at every place, with
 * every other byte of the word set to values just around the limits. */
#include "harness.h"

#include "word8.h"

static const unsigned char around[] = { 0x00, 0x01, 0x08, 0x09, 0x0a, 0x1f, 0x20, 0x21, '"', '\\',
					0x7e, 0x7f, 0x80, 0x81, 0xc3, 0xfe, 0xff, 'a' };

static void each_test_agrees_with_a_byte_loop(void **state)
{
	(void)state;
	static const unsigned char limits[] = { 1, 0x09, 0x20, 0x21, 0x7f, 0x80 };
	static const unsigned char bytes[] = { 0x00, '\t', '"', '\\', 0x7f, 0xff };
	for (size_t fill = 0; fill < sizeof around; fill++)
		for (unsigned v = 0; v < 256; v++)
			for (unsigned at = 0; at < 8; at++) {
				unsigned char w[8];
				memset(w, around[fill], sizeof w);
				w[at] = (unsigned char)v;
				w[(at + 3) % 8] = around[(fill + v) % sizeof around];
				uint64_t x = word8_load(w);
				for (size_t k = 0; k < sizeof limits; k++) {
					bool any = false;
					for (unsigned i = 0; i < 8; i++)
						any |= w[i] < limits[k];
					assert_int_equal(word8_less(x, limits[k]) != 0, any);
				}
				for (size_t k = 0; k < sizeof bytes; k++) {
					bool any = false;
					for (unsigned i = 0; i < 8; i++)
						any |= w[i] == bytes[k];
					assert_int_equal(word8_byte(x, bytes[k]) != 0, any);
				}
				bool high = false;
				for (unsigned i = 0; i < 8; i++)
					high |= w[i] >= 0x80;
				assert_int_equal(word8_high(x) != 0, high);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_test_agrees_with_a_byte_loop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
