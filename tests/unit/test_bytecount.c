/* test_bytecount.c — both counters agree with a byte loop: every length up
 * to a few hundred bytes at every alignment, every byte value, blocks long
 * enough that the lanes are summed more than once, and blocks in which
 * every byte matches (the lanes' limit). */
#include "harness.h"

#include <stdlib.h>

#include "bytecount.h"

static size_t by_loop(const unsigned char *s, size_t n, unsigned char c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

static void agree(const unsigned char *s, size_t n, unsigned char c)
{
	size_t want = by_loop(s, n, c);
	assert_int_equal(bytecount(s, n, c), want);
	assert_int_equal(bytecount_words(s, n, c), want);
}

static void short_blocks_at_every_alignment(void **state)
{
	(void)state;
	unsigned char buf[600];
	srand(7);
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(rand() % 4 == 0 ? '\n' : rand() % 256);
	for (size_t off = 0; off < 17; off++)
		for (size_t n = 0; n + off <= 300; n++) {
			agree(buf + off, n, '\n');
			agree(buf + off, n, 0x00);
			agree(buf + off, n, 0xff);
		}
}

static void every_byte_value(void **state)
{
	(void)state;
	unsigned char buf[1024];
	for (size_t i = 0; i < sizeof buf; i++)
		buf[i] = (unsigned char)(i * 7 + i / 256);
	for (unsigned c = 0; c < 256; c++)
		agree(buf, sizeof buf, (unsigned char)c);
}

static void long_blocks_and_all_matches(void **state)
{
	(void)state;
	enum { N = 64 * 1024 + 13 };
	unsigned char *buf = malloc(N);
	assert_non_null(buf);
	memset(buf, '\n', N); /* every lane at its limit on every run */
	agree(buf, N, '\n');
	agree(buf, N, 'x');
	for (size_t i = 0; i < N; i++)
		buf[i] = (unsigned char)(i % 37 == 0 ? '\n' : 0x80 | (i & 0x7f));
	agree(buf, N, '\n');
	agree(buf + 1, N - 1, '\n');
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_blocks_at_every_alignment),
		cmocka_unit_test(every_byte_value),
		cmocka_unit_test(long_blocks_and_all_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
