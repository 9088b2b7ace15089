/* test_lex_portable.c — the scanner as it is built without SSE2: its
 * eight-bytes-at-once loops against plain byte loops, and the whole of it
 * against the library's build (with SSE2 where the compiler has it), line
 * for line, on lines made of the bytes that matter.
 *
 * The generated scanner is compiled a second time into this file, with
 * __SSE2__ undefined and its exported names renamed, so one binary holds
 * both builds. */
#include "harness.h"

#include "lex.h"

#undef __SSE2__
#define lex_line portable_lex_line
#define lex_lines portable_lex_lines
#define lex_date portable_lex_date
#define lex_status_word portable_lex_status_word
#define lex_is_id portable_lex_is_id
#define lex_is_ref portable_lex_is_ref
#include "lex.c"
#undef lex_line
#undef lex_lines
#undef lex_date
#undef lex_status_word
#undef lex_is_id
#undef lex_is_ref

#ifdef __SSE2__
#error "the portable build must not use SSE2"
#endif

static uint64_t seed = 2026;

static uint32_t next_random(void)
{
	seed = seed * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(seed >> 33);
}

/* Bytes that decide where the loops stop, and plain ones around them. */
static const unsigned char special[] = { ' ', '\t', '\n', '\r', 0x00, 0x01, 0x0b, 0x0c, 0x0d,
					 0x0e, 0x1f, 0x20, 0x21, 0x7e, 0x7f, 0x80, 0x8d, 0xa0,
					 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4,
					 0xf5, 0xff, 'a', 'Z', '0', ':', '-' };

/* Each start in a 64-byte buffer, each length to its end, the byte that
 * stops the loop at each place (or none), on a background of blanks or
 * letters: skip_blanks() and next_flagged() stop where a byte loop does,
 * and never past the sentinel. */
static void loops_agree_with_byte_loops(void **state)
{
	(void)state;
	unsigned char buf[65];
	for (int fill = 0; fill < 3; fill++)
		for (size_t k = 0; k <= sizeof special; k++)
			for (uint32_t len = 0; len <= 64; len++)
				for (uint32_t at = 0; at <= len; at++)
					for (uint32_t from = 0; from <= len; from += 1 + (len > 20) * 3) {
						for (uint32_t i = 0; i < len; i++)
							buf[i] = fill == 0   ? ' '
								 : fill == 1 ? (i % 3 ? ' ' : '\t')
									     : (unsigned char)('a' + i % 26);
						if (at < len && k < sizeof special)
							buf[at] = special[k];
						buf[len] = '\0';
						const unsigned char *p = buf + from, *lim = buf + len;
						const unsigned char *want = p;
						while (*want == ' ' || *want == '\t')
							want++;
						assert_ptr_equal(skip_blanks(p, lim), want);
						want = p;
						while (*want >= 0x0e && *want < 0x80)
							want++;
						assert_ptr_equal(next_flagged(p, lim), want);
					}
}

/* Every byte value at every place of a word, with the others set to each
 * special byte: the word tests flag exactly the bytes a byte test does. */
static void words_agree_with_byte_tests(void **state)
{
	(void)state;
	unsigned char w[8];
	for (size_t k = 0; k < sizeof special; k++)
		for (unsigned v = 0; v < 256; v++)
			for (unsigned at = 0; at < 8; at++) {
				memset(w, special[k], sizeof w);
				w[at] = (unsigned char)v;
				w[(at + 5) % 8] = special[(k + v) % sizeof special];
				uint64_t x = load8(w), nz = nonzero8(x), fl = flagged8(x);
				for (unsigned i = 0; i < 8; i++) {
					unsigned char one[8] = { 0 };
					one[i] = 0x80;
					uint64_t bit = load8(one);
					assert_int_equal((nz & bit) != 0, w[i] != 0);
					assert_int_equal((fl & bit) != 0, w[i] < 0x0e || w[i] >= 0x80);
				}
				if (fl)
					assert_true(w[first8(fl)] < 0x0e || w[first8(fl)] >= 0x80);
			}
}

struct problem_log {
	int n;
	enum lex_byte_problem what[64];
	uint32_t off[64], len[64];
};

static void log_problem(void *ctx, enum lex_byte_problem what, uint32_t off, uint32_t len)
{
	struct problem_log *p = ctx;
	if (p->n < 64) {
		p->what[p->n] = what;
		p->off[p->n] = off;
		p->len[p->n] = len;
	}
	p->n++;
}

static const char *const pieces[] = {
	"promise ACME-1: Deliver the pumps\n", "promise: no id\n", "promise A B: bad id\n",
	"promise no colon\n", "promised\n", "  by:        Anouk Visser\n", "\tdue:\t2026-11-20\n",
	"  recorded:  email to the customer, ticket 1000\n", "  status: kept 2027-08-15\r\n",
	"  x-team: ops\n", "  Note : spaced key\n", "    continued text\n", "  # a comment\n",
	"# top comment\n", "\n", "   \n", "\r\n", "not part of it\n", "  in-return: ACME-2\n",
	"  by: Åsa Öberg\n", "  to: \xe2\x82\xac 12\n", "  note: \xf0\x9f\x98\x80\n",
};

/* A buffer of lines from the pieces, some bytes replaced by special ones,
 * cut anywhere: the portable build and the library's agree on every
 * token, on where each batch ends, and on every problem reported. */
static void builds_agree(void **state)
{
	(void)state;
	unsigned char buf[1024];
	for (int round = 0; round < 20000; round++) {
		uint32_t len = 0;
		while (len < 600) {
			const char *pc = pieces[next_random() % (sizeof pieces / sizeof *pieces)];
			size_t n = strlen(pc);
			memcpy(buf + len, pc, n);
			len += (uint32_t)n;
		}
		for (uint32_t k = next_random() % 6; k; k--)
			buf[next_random() % len] = special[next_random() % sizeof special];
		len = len - next_random() % 64;
		buf[len] = '\0';

		struct line_tok a[16], b[16];
		struct problem_log la, lb;
		memset(&la, 0, sizeof la);
		memset(&lb, 0, sizeof lb);
		uint32_t pos = 0;
		while (pos < len) {
			uint32_t max = 1 + next_random() % 16;
			uint32_t na = lex_lines(buf, len, pos, a, max, log_problem, &la);
			uint32_t nb = portable_lex_lines(buf, len, pos, b, max, log_problem, &lb);
			assert_int_equal(na, nb);
			assert_true(na >= 1);
			for (uint32_t i = 0; i < na; i++) {
				assert_int_equal(a[i].kind, b[i].kind);
				assert_int_equal(a[i].key, b[i].key);
				assert_int_equal(a[i].start, b[i].start);
				assert_int_equal(a[i].end, b[i].end);
				assert_int_equal(a[i].next, b[i].next);
				assert_int_equal(a[i].indent_width, b[i].indent_width);
				assert_memory_equal(&a[i].keyword, &b[i].keyword, sizeof a[i].keyword);
				assert_memory_equal(&a[i].a, &b[i].a, sizeof a[i].a);
				assert_memory_equal(&a[i].b, &b[i].b, sizeof a[i].b);
				assert_int_equal(a[i].crlf, b[i].crlf);
			}
			pos = a[na - 1].next;
		}
		assert_int_equal(la.n, lb.n);
		for (int i = 0; i < la.n && i < 64; i++) {
			assert_int_equal(la.what[i], lb.what[i]);
			assert_int_equal(la.off[i], lb.off[i]);
			assert_int_equal(la.len[i], lb.len[i]);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(loops_agree_with_byte_loops),
		cmocka_unit_test(words_agree_with_byte_tests),
		cmocka_unit_test(builds_agree),
	};
	return cmocka_run_group_tests_name("lex_portable", tests, NULL, NULL);
}
