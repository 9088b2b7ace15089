/* test_put.c — the printf-free writing of the renderers must give
 * printf's bytes: "%u" and "%*u", at the edges and in between. */
#include <stdlib.h>

#include "harness.h"
#include "out/put.h"

static void check(uint32_t v, unsigned width)
{
	char want[32];
	snprintf(want, sizeof want, "%*u", (int)width, (unsigned)v);
	char got[32];
	memset(got, 'x', sizeof got);
	char *end = put_u32(got + 1, v, width);
	assert_int_equal(end - (got + 1), strlen(want));
	assert_memory_equal(got + 1, want, strlen(want));
	assert_int_equal(got[0], 'x');
	assert_int_equal(*end, 'x');
}

static void numbers_like_printf(void **state)
{
	(void)state;
	static const uint32_t edges[] = { 0, 1, 9, 10, 99, 100, 999999, 1000000, 4294967294u, UINT32_MAX };
	for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
		for (unsigned w = 0; w <= 12; w++)
			check(edges[i], w);
	uint32_t v = 1;
	for (int i = 0; i < 100000; i++) {
		v = v * 2654435761u + 7;
		check(v >> (i % 32), (unsigned)(i % 8));
	}
}

static void pieces_into_a_buffer(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	char *p = put_begin(&b, 64);
	assert_non_null(p);
	p = put_lit(p, "line \"");
	p = put_u32(p, 42, 0);
	p = put_lit(p, "");
	p = put_mem(p, "\" of 7", 6);
	put_end(&b, p);
	assert_string_equal(buf_str(&b), "line \"42\" of 7");
	p = put_begin(&b, 8);
	put_end(&b, put_u32(p, 7, 3));
	assert_string_equal(buf_str(&b), "line \"42\" of 7  7");
	assert_int_equal(b.len, strlen("line \"42\" of 7  7"));
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_like_printf),
		cmocka_unit_test(pieces_into_a_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
