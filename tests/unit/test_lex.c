/* test_lex.c — the line scanner: each kind of line, its parts, byte
 * problems, line ends, the keys, and the value validators. */
#include "harness.h"

#include <ctype.h>

#include "lex.h"
#include "model.h"

struct problem_log {
	int n;
	enum lex_byte_problem what[8];
	uint32_t off[8], len[8];
};

static void log_problem(void *ctx, enum lex_byte_problem what, uint32_t off, uint32_t len)
{
	struct problem_log *p = ctx;
	if (p->n < 8) {
		p->what[p->n] = what;
		p->off[p->n] = off;
		p->len[p->n] = len;
	}
	p->n++;
}

static struct line_tok lex1(const char *s, size_t n, struct problem_log *log)
{
	struct line_tok t;
	memset(log, 0, sizeof *log);
	lex_line((const unsigned char *)s, (uint32_t)n, 0, &t, log_problem, log);
	return t;
}

#define LEX(lit, log) lex1(lit, sizeof lit - 1, log)

static void span_is(const char *buf, struct span s, const char *want)
{
	assert_int_equal(s.len, strlen(want));
	assert_memory_equal(buf + s.off, want, s.len);
}

static void kinds(void **state)
{
	(void)state;
	struct problem_log log;
	static const char h[] = "promise ACME-1:  Deliver it  \nnext";
	struct line_tok t = LEX(h, &log);
	assert_int_equal(t.kind, LINE_HEADER);
	span_is(h, t.a, "ACME-1");
	span_is(h, t.b, "Deliver it");
	span_is(h, t.keyword, "promise");
	assert_int_equal(t.next, 30);
	assert_false(t.crlf);

	static const char noid[] = "Promise: text";
	t = LEX(noid, &log);
	assert_int_equal(t.kind, LINE_HEADER);
	assert_int_equal(t.a.len, 0);
	span_is(noid, t.b, "text");

	static const char bad[] = "promise ACME 1 : text";
	t = LEX(bad, &log);
	assert_int_equal(t.kind, LINE_HEADER_BAD_ID);
	span_is(bad, t.a, "ACME 1");

	static const char nocolon[] = "promise ACME-1 text\n";
	t = LEX(nocolon, &log);
	assert_int_equal(t.kind, LINE_HEADER_NO_COLON);

	static const char word[] = "promised things\n";
	t = LEX(word, &log);
	assert_int_equal(t.kind, LINE_OTHER);

	static const char field[] = "\t In-Return:\tACME-2 \r\n";
	t = LEX(field, &log);
	assert_int_equal(t.kind, LINE_FIELD);
	span_is(field, t.a, "In-Return");
	span_is(field, t.b, "ACME-2");
	assert_true(t.crlf);
	assert_int_equal(t.indent_width, 9); /* tab to 8, then a space */
	assert_int_equal(t.end, 20);

	static const char empty_value[] = "  due:\n";
	t = LEX(empty_value, &log);
	assert_int_equal(t.kind, LINE_FIELD);
	assert_int_equal(t.b.len, 0);

	static const char cont[] = "      more text: with a colon\n";
	t = LEX(cont, &log);
	assert_int_equal(t.kind, LINE_INDENTED);
	span_is(cont, t.a, "more text: with a colon");

	static const char comment[] = "   # a note #2\n";
	t = LEX(comment, &log);
	assert_int_equal(t.kind, LINE_COMMENT);
	span_is(comment, t.a, " a note #2");

	static const char blank[] = " \t \r\nx";
	t = LEX(blank, &log);
	assert_int_equal(t.kind, LINE_BLANK);
	assert_int_equal(t.next, 5);

	static const char eof_blank[] = "   ";
	t = LEX(eof_blank, &log);
	assert_int_equal(t.kind, LINE_BLANK);
	assert_int_equal(t.next, 3);
}

static void byte_problems(void **state)
{
	(void)state;
	struct problem_log log;
	/* overlong '/', an encoded surrogate, a lone continuation byte, and a
	 * truncated sequence: four runs, each reported once */
	static const char s[] = "promise A: \xc0\xaf x \xed\xa0\x80 y \x80 z \xe2\x82\n";
	struct line_tok t = LEX(s, &log);
	assert_int_equal(t.kind, LINE_HEADER);
	assert_int_equal(log.n, 4);
	assert_int_equal(log.what[0], LEX_BAD_UTF8);
	assert_int_equal(log.off[0], 11);
	assert_int_equal(log.len[0], 2);
	assert_int_equal(log.off[1], 16);
	assert_int_equal(log.len[1], 3);
	assert_int_equal(log.len[2], 1);
	assert_int_equal(log.len[3], 2);

	static const char nul[] = "a\0b\rc\n";
	t = lex1(nul, sizeof nul - 1, &log);
	assert_int_equal(t.kind, LINE_OTHER);
	assert_int_equal(log.n, 2);
	assert_int_equal(log.what[0], LEX_NUL);
	assert_int_equal(log.off[0], 1);
	assert_int_equal(log.what[1], LEX_STRAY_CR);
	assert_int_equal(log.off[1], 3);
	assert_int_equal(t.next, 6);

	/* valid multi-byte text is not a problem: é, ő, 😀, U+FEFF mid-line */
	static const char ok[] = "promise A: \xc3\xa9 \xc5\x91 \xf0\x9f\x98\x80 \xef\xbb\xbf\n";
	t = LEX(ok, &log);
	assert_int_equal(log.n, 0);
}

/* The line end and the byte problems, restated plainly: one byte at a
 * time, a multi-byte character checked against the ranges of FORMAT.md. */
struct rest_ref {
	uint32_t end, next;
	bool crlf;
	struct problem_log log;
};

static int ref_utf8(const unsigned char *p)
{
	static const struct {
		unsigned char first_lo, first_hi, lo, hi;
		int n;
	} seq[] = {
		{ 0xc2, 0xdf, 0x80, 0xbf, 2 }, { 0xe0, 0xe0, 0xa0, 0xbf, 3 },
		{ 0xe1, 0xec, 0x80, 0xbf, 3 }, { 0xed, 0xed, 0x80, 0x9f, 3 },
		{ 0xee, 0xef, 0x80, 0xbf, 3 }, { 0xf0, 0xf0, 0x90, 0xbf, 4 },
		{ 0xf1, 0xf3, 0x80, 0xbf, 4 }, { 0xf4, 0xf4, 0x80, 0x8f, 4 },
	};
	for (size_t i = 0; i < sizeof seq / sizeof *seq; i++) {
		if (p[0] < seq[i].first_lo || p[0] > seq[i].first_hi)
			continue;
		if (p[1] < seq[i].lo || p[1] > seq[i].hi)
			return 0;
		for (int k = 2; k < seq[i].n; k++)
			if (p[k] < 0x80 || p[k] > 0xbf)
				return 0;
		return seq[i].n;
	}
	return 0;
}

static void rest_reference(const unsigned char *s, uint32_t len, uint32_t from, struct rest_ref *r)
{
	uint32_t bad_at = 0, bad_len = 0;
	memset(r, 0, sizeof *r);
	uint32_t i = from;
	for (;;) {
		unsigned char c = s[i];
		if (i == len || c == '\n' || (c == '\r' && s[i + 1] == '\n'))
			break;
		int n = c >= 0x80 ? ref_utf8(s + i) : 1;
		if (n == 0) {
			if (bad_len && bad_at + bad_len == i) {
				bad_len++;
			} else {
				if (bad_len)
					log_problem(&r->log, LEX_BAD_UTF8, bad_at, bad_len);
				bad_at = i;
				bad_len = 1;
			}
			i++;
			continue;
		}
		if (c == 0 || c == '\r') {
			if (bad_len)
				log_problem(&r->log, LEX_BAD_UTF8, bad_at, bad_len);
			bad_len = 0;
			log_problem(&r->log, c ? LEX_STRAY_CR : LEX_NUL, i, 1);
		}
		i += (uint32_t)n;
	}
	if (bad_len)
		log_problem(&r->log, LEX_BAD_UTF8, bad_at, bad_len);
	r->end = i;
	r->crlf = i < len && s[i] == '\r';
	r->next = i == len ? len : i + (r->crlf ? 2u : 1u);
}

/* Lines of a value after `  note: `, made of the bytes that matter to the
 * line's end (LF, CR, NUL, tab, other controls, every kind of UTF-8 lead
 * and continuation, valid and not) at every length up to 40, each followed
 * by more lines or by the end of the buffer: end, next, CR LF, the ASCII
 * flag and the problems as the reference says. The value is long enough
 * to cross the word-at-a-time loop's boundaries in every position. */
static void rest_agrees_with_the_reference(void **state)
{
	(void)state;
	static const unsigned char alphabet[] = {
		'a', ' ', 'z', '~', '\t', 0x01, 0x0b, 0x0d, 0x0a, 0x00, 0x0e, 0x7f, 0x80, 0x8f,
		0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee,
		0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff, 0xc3, 0xa9, 0xe2, 0x82, 0xac,
	};
	uint64_t seed = 99;
	unsigned char s[64];
	for (int n = 0; n < 300000; n++) {
		uint32_t vlen = (uint32_t)(n % 41);
		memcpy(s, "  note: ", 8);
		for (uint32_t i = 0; i < vlen; i++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			uint64_t r = seed >> 33;
			/* mostly plain letters, so long clean runs are common */
			s[8 + i] = r % 3 ? (unsigned char)('a' + r % 26) : alphabet[(r >> 8) % sizeof alphabet];
		}
		uint32_t len = 8 + vlen;
		if (n & 1) {
			memcpy(s + len, "\nnext\n", 6);
			len += 6;
		}
		s[len] = '\0';
		struct line_tok t;
		struct problem_log log;
		struct rest_ref want;
		memset(&log, 0, sizeof log);
		lex_line(s, len, 0, &t, log_problem, &log);
		/* the scanner sees `note:` only when the value does not end the line
		 * before it starts; compare the rest from where the value starts */
		if (t.kind != LINE_FIELD)
			continue;
		rest_reference(s, len, 8, &want);
		assert_int_equal(t.end, want.end);
		assert_int_equal(t.next, want.next);
		assert_int_equal(t.crlf, want.crlf);
		assert_int_equal(log.n, want.log.n);
		for (int k = 0; k < log.n && k < 8; k++) {
			assert_int_equal(log.what[k], want.log.what[k]);
			assert_int_equal(log.off[k], want.log.off[k]);
			assert_int_equal(log.len[k], want.log.len[k]);
		}
	}
}

/* Indented `key: value` lines whose keys are made of the known keys'
 * letters in both cases, '-', '_', digits and a few bytes no key has: a
 * line of that shape is a field whose key is model_key_lookup()'s answer
 * for its spelling; any other is no field. */
static void keys_agree_with_the_lookup(void **state)
{
	(void)state;
	static const char *const names[] = { "by", "to", "made", "due", "recorded", "in-return",
					     "status", "renegotiated", "recovery", "extra", "note", "x-a" };
	static const unsigned char alphabet[] = "bytomadeurcinsgvxBYTOMADEURCINSGVX-_09.\r@[\x80";
	uint64_t seed = 7;
	unsigned char s[40];
	int fields = 0;
	for (int n = 0; n < 300000; n++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		uint64_t r = seed >> 16;
		uint32_t len = 0;
		for (uint32_t i = 0; i <= r % 3; i++)
			s[len++] = (r >> 2) & 1 ? '\t' : ' ';
		uint32_t k0 = len;
		const char *base = names[(r >> 4) % (sizeof names / sizeof *names)];
		uint32_t klen = (r >> 8) & 1 ? (uint32_t)strlen(base) : (uint32_t)((r >> 9) % 14);
		for (uint32_t i = 0; i < klen; i++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			unsigned char c = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
			if ((r >> 8) & 1 && (seed >> 20) & 7)
				c = (seed >> 24) & 1 ? (unsigned char)base[i] : (unsigned char)toupper(base[i]);
			s[len++] = c;
		}
		uint32_t k1 = len;
		if ((r >> 14) & 1)
			s[len++] = ' ';
		if ((r >> 15) % 8)
			s[len++] = ':';
		memcpy(s + len, " v\n", 3);
		len += 3;
		s[len] = '\0';

		bool shaped = k1 > k0 && isalpha(s[k0]);
		for (uint32_t i = k0; i < k1; i++)
			shaped = shaped && (isalnum(s[i]) || s[i] == '-' || s[i] == '_');
		uint32_t i = k1;
		while (s[i] == ' ')
			i++;
		shaped = shaped && s[i] == ':';

		struct line_tok t;
		struct problem_log log;
		memset(&log, 0, sizeof log);
		lex_line(s, len, 0, &t, log_problem, &log);
		if (!shaped) {
			assert_int_not_equal(t.kind, LINE_FIELD);
			continue;
		}
		fields++;
		assert_int_equal(t.kind, LINE_FIELD);
		assert_int_equal(t.a.off, k0);
		assert_int_equal(t.a.len, k1 - k0);
		assert_int_equal(t.key, model_key_lookup(s + k0, k1 - k0));
	}
	assert_true(fields > 100000);
}

static void validators(void **state)
{
	(void)state;
	size_t n = 0;
	assert_int_equal(lex_status_word((const unsigned char *)"KEPT 2026", 9, &n), STATUS_WORD_KEPT);
	assert_int_equal(n, 4);
	assert_int_equal(lex_status_word((const unsigned char *)"opened", 6, &n), STATUS_WORD_NONE);
	assert_int_equal(lex_status_word((const unsigned char *)"released", 8, &n), STATUS_WORD_RELEASED);
	assert_true(lex_is_id((const unsigned char *)"ACME-1.b_2", 10));
	assert_false(lex_is_id((const unsigned char *)"1ACME", 5));
	assert_false(lex_is_id((const unsigned char *)"AC ME", 5));
	assert_false(lex_is_id((const unsigned char *)"", 0));
	struct date_shape d;
	assert_true(lex_date((const unsigned char *)"2026-11-20T10:00+0130", 21, true, &d));
	assert_int_equal(d.hour, 10);
	assert_int_equal(d.offset_minutes, 90);
	assert_false(lex_date((const unsigned char *)"2026-11-2", 9, true, &d));
}

/* Short strings of letters, digits, the ID's punctuation, a blank and a
 * byte >= 0x80, every length to 6: lex_is_ref() is lex_is_id() and a digit
 * somewhere. */
static void refs_are_ids_with_a_digit(void **state)
{
	(void)state;
	static const unsigned char alphabet[] = { 'a', 'Z', '0', '9', '-', '.', '_', ' ', 0xc3, '/' };
	const unsigned k = sizeof alphabet;
	unsigned char s[6];
	for (size_t len = 0; len <= sizeof s; len++) {
		unsigned long total = 1;
		for (size_t i = 0; i < len; i++)
			total *= k;
		for (unsigned long x = 0; x < total; x++) {
			unsigned long y = x;
			bool digit = false;
			for (size_t i = 0; i < len; i++, y /= k) {
				s[i] = alphabet[y % k];
				digit = digit || (s[i] >= '0' && s[i] <= '9');
			}
			assert_int_equal(lex_is_ref(s, len), lex_is_id(s, len) && digit);
		}
	}
}

/* Longer strings of the same bytes, where lex_is_ref() looks at eight
 * bytes at once for a blank before its loop: a blank or another byte
 * below '-' anywhere in them, or none. */
static void long_refs_are_ids_with_a_digit(void **state)
{
	(void)state;
	static const unsigned char alphabet[] = { 'a', 'Z', '0', '9', '-', '.', '_', ' ', '\t', 0xc3, '/', ',' };
	uint64_t seed = 7;
	unsigned char s[24];
	for (int n = 0; n < 200000; n++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		uint64_t y = seed >> 11;
		size_t len = 7 + (size_t)(y % 18);
		y /= 18;
		unsigned odd = (unsigned)(y % 4); /* 0: one odd byte at most */
		y /= 4;
		bool digit = false;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			unsigned r = (unsigned)(seed >> 33);
			s[i] = odd ? alphabet[r % sizeof alphabet] : alphabet[r % 7];
			digit = digit || (s[i] >= '0' && s[i] <= '9');
		}
		if (n & 1)
			s[0] = 'P'; /* an ID's start, half of the time */
		if (!odd && y % 3 == 0)
			s[y / 3 % len] = alphabet[7 + y / 3 / len % 5];
		digit = false;
		for (size_t i = 0; i < len; i++)
			digit = digit || (s[i] >= '0' && s[i] <= '9');
		assert_int_equal(lex_is_ref(s, len), lex_is_id(s, len) && digit);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds), cmocka_unit_test(byte_problems), cmocka_unit_test(validators),
		cmocka_unit_test(rest_agrees_with_the_reference),
		cmocka_unit_test(keys_agree_with_the_lookup),
		cmocka_unit_test(refs_are_ids_with_a_digit),
		cmocka_unit_test(long_refs_are_ids_with_a_digit),
	};
	return cmocka_run_group_tests_name("lex", tests, NULL, NULL);
}
