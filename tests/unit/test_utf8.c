/* test_utf8.c — utf8_clean() and its fast path: the clean prefix found
 * eight bytes at a time must end exactly where the byte-by-byte rules say,
 * and the cleaned text must equal what a plain one-character-at-a-time
 * copy makes, for every buffer size (cuts inside characters included).
 * utf8_vformat() must equal vsnprintf() followed by utf8_clean(). */
#include <limits.h>
#include <stdlib.h>

#include "diag.h"
#include "harness.h"
#include "utf8.h"

/* The definition, one character at a time: what utf8_clean() was before
 * it copied clean runs at once. */
static size_t clean_slow(const unsigned char *s, size_t n, char *out, size_t size)
{
	size_t i = 0, o = 0;
	while (i < n) {
		size_t k = utf8_valid_len(s + i, n - i);
		const char *piece = (const char *)s + i;
		size_t plen = k, step = k;
		if (k == 0) {
			step = 1;
			while (i + step < n && utf8_valid_len(s + i + step, n - i - step) == 0)
				step++;
			piece = "\xEF\xBF\xBD";
			plen = 3;
		} else if (k == 1 && s[i] == '\t') {
			piece = " ";
		} else if (k == 1 && (s[i] < 0x20 || s[i] == 0x7F)) {
			piece = "\xEF\xBF\xBD";
			plen = 3;
		}
		if (o + plen + 1 > size)
			break;
		memcpy(out + o, piece, plen);
		o += plen;
		i += step;
	}
	out[o] = '\0';
	return i;
}

static size_t prefix_slow(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = utf8_valid_len(s + i, n - i);
		if (k == 0 || (k == 1 && (s[i] < 0x20 || s[i] == 0x7F)))
			break;
		i += k;
	}
	return i;
}

static void check(const unsigned char *s, size_t n)
{
	assert_int_equal(utf8_clean_prefix(s, n), prefix_slow(s, n));
	char fast[160], slow[160];
	for (size_t size = 1; size <= sizeof fast; size++) {
		memset(fast, 'x', sizeof fast);
		memset(slow, 'x', sizeof slow);
		assert_int_equal(utf8_clean(s, n, fast, size), clean_slow(s, n, slow, size));
		assert_memory_equal(fast, slow, size);
	}
}

static void clean_prefix_examples(void **state)
{
	(void)state;
	const char *clean = "a plain sentence, long enough for several words";
	assert_int_equal(utf8_clean_prefix((const unsigned char *)clean, strlen(clean)), strlen(clean));
	const char *mixed = "Jag lovar att försöka 𝄞 igen";
	assert_int_equal(utf8_clean_prefix((const unsigned char *)mixed, strlen(mixed)), strlen(mixed));
	/* each unclean byte, at each place in a word and after it */
	const unsigned char bad[] = { '\t', '\n', 0x01, 0x1F, 0x7F, 0x80, 0xC0, 0xFF };
	for (size_t b = 0; b < sizeof bad; b++)
		for (size_t at = 0; at < 20; at++) {
			unsigned char s[24];
			memset(s, 'a', sizeof s);
			s[at] = bad[b];
			assert_int_equal(utf8_clean_prefix(s, sizeof s), at);
		}
	/* a character cut by the end of the text is not clean */
	assert_int_equal(utf8_clean_prefix((const unsigned char *)"abc\xC3", 4), 3);
	assert_int_equal(utf8_clean_prefix((const unsigned char *)"abcdefgh\xF0\x9D\x84", 11), 8);
	/* overlong forms and surrogates */
	assert_int_equal(utf8_clean_prefix((const unsigned char *)"ab\xC0\xAF", 4), 2);
	assert_int_equal(utf8_clean_prefix((const unsigned char *)"ab\xED\xA0\x80", 5), 2);
}

static void clean_examples(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(utf8_clean((const unsigned char *)"tab\there\x01!", 10, out, sizeof out), 10);
	assert_string_equal(out, "tab here\xEF\xBF\xBD!");
	/* a cut never splits a character: "ö" does not fit in the last byte */
	assert_int_equal(utf8_clean((const unsigned char *)"abcö", 5, out, 5), 3);
	assert_string_equal(out, "abc");
	assert_int_equal(utf8_clean((const unsigned char *)"a\xFF\xFE" "b", 4, out, sizeof out), 4);
	assert_string_equal(out, "a\xEF\xBF\xBD" "b");
}

static void clean_equals_definition(void **state)
{
	(void)state;
	/* pieces that exercise every branch, joined at random */
	static const char *const pieces[] = {
		"a", "word ", "abcdefgh", "\t", "\n", "\x7F", "\x01", "\xC3\xB6", "\xE2\x82\xAC",
		"\xF0\x9D\x84\x9E", "\xC3", "\xE2\x82", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
		"\xC2\x80", "0123456789abcdef",
	};
	unsigned seed = 12345;
	for (int round = 0; round < 3000; round++) {
		unsigned char s[128];
		size_t n = 0;
		for (;;) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			size_t len = strlen(p);
			if (n + len > sizeof s)
				break;
			memcpy(s + n, p, len);
			n += len;
		}
		check(s, n);
		check(s, n / 3);
	}
}

/* The count as the format states it: every byte that does not continue
 * a character (10xxxxxx), one at a time. */
static size_t count_by_bytes(const unsigned char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += (s[i] & 0xC0) != 0x80;
	return count;
}

/* Counting characters a word at a time gives the byte-by-byte count, and
 * diag_column() (which counts with it) the column after them. */
static void count_chars_like_diag_column(void **state)
{
	(void)state;
	assert_int_equal(utf8_count_chars((const unsigned char *)"", 0), 0);
	const char *sv = "Skicka fakturaunderlagen för oktober till Fjällvind Energi AB";
	assert_int_equal(utf8_count_chars((const unsigned char *)sv, strlen(sv)), strlen(sv) - 2);
	/* every byte value at every place in a word, and short tails */
	for (unsigned b = 0; b < 256; b++)
		for (size_t at = 0; at < 19; at++) {
			unsigned char s[19];
			memset(s, 'a', sizeof s);
			s[at] = (unsigned char)b;
			s[(at * 7) % sizeof s] = (unsigned char)(0xFF - b);
			for (size_t n = 0; n <= sizeof s; n++)
				assert_int_equal(utf8_count_chars(s, n), count_by_bytes(s, n));
		}
	unsigned seed = 99;
	for (int round = 0; round < 2000; round++) {
		unsigned char s[80];
		for (size_t i = 0; i < sizeof s; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (unsigned char)(seed >> 16);
		}
		size_t n = round % (sizeof s + 1);
		assert_int_equal(utf8_count_chars(s, n), count_by_bytes(s, n));
		assert_int_equal(diag_column(s, (uint32_t)n), count_by_bytes(s, n) + 1);
	}
}

/* What utf8_vformat() replaces: vsnprintf into a scratch buffer, then
 * utf8_clean() of it. */
static size_t vformat_slow(char *out, size_t size, const char *fmt, va_list ap)
{
	char raw[UTF8_FORMAT_MAX];
	vsnprintf(raw, size, fmt, ap);
	utf8_clean((const unsigned char *)raw, strlen(raw), out, size);
	return strlen(out);
}

/* The text's length as returned must be its length. */
static void call(size_t (*fn)(char *, size_t, const char *, va_list), char *out, size_t size,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t len = fn(out, size, fmt, ap);
	va_end(ap);
	assert_int_equal(len, strlen(out));
}

/* Both ways, at every size up to one past the whole text, must agree. */
#define SAME(fmt, ...)                                                                          \
	do {                                                                                    \
		char fast_[UTF8_FORMAT_MAX], slow_[UTF8_FORMAT_MAX];                            \
		for (size_t size_ = 1; size_ <= 90; size_++) {                                  \
			memset(fast_, 'x', sizeof fast_);                                       \
			memset(slow_, 'y', sizeof slow_);                                       \
			call(utf8_vformat, fast_, size_, fmt, __VA_ARGS__);                     \
			call(vformat_slow, slow_, size_, fmt, __VA_ARGS__);                     \
			assert_string_equal(fast_, slow_);                                      \
		}                                                                               \
		call(utf8_vformat, fast_, sizeof fast_, fmt, __VA_ARGS__);                      \
		call(vformat_slow, slow_, sizeof slow_, fmt, __VA_ARGS__);                      \
		assert_string_equal(fast_, slow_);                                              \
	} while (0)

static void vformat_like_vsnprintf(void **state)
{
	(void)state;
	SAME("%s has no '%s:' %s", "P-17", "due", "date");
	SAME("duplicate promise ID '%s': first defined on line %u of %s", "A-1", 4294967295u, "f.promise");
	SAME("%s was kept %ld day after its due date %s", "promise 'X'", -1L, "2026-11-23");
	SAME("%ld %ld %lu %d %d %zu %%", LONG_MIN, LONG_MAX, ULONG_MAX, INT_MIN, INT_MAX, (size_t)-1);
	SAME("%d%u%%%s", 0, 0u, "");
	SAME("no conversions at all, and long enough to be cut several times over", 0);
	/* quoted text that is not clean: invalid bytes, controls, a tab */
	SAME("vague wording in %s: '%s'", "f\xC3\xB6r", "bad\xFF\xFE byte, \x01 control,\ttab, \x7F");
	SAME("'%s' cut inside a character", "\xC3\xA5\xC3\xA5\xC3\xA5\xC3\xA5\xC3\xA5\xC3\xA5\xC3\xA5\xC3\xA5");
	/* conversions it leaves to vsnprintf */
	SAME("invalid UTF-8: byte 0x%02X does not start a valid character", 0xE2);
	SAME("'%.32s' and %5d and %-4s|", "a text longer than thirty-two bytes, cut", 42, "ab");
	SAME("%s and then %x", "one", 255u);
	SAME("a lone percent at the end %", 0);
	/* a message longer than the buffer */
	char big[3000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[1022] = '\xC3';
	big[1023] = '\xB6';
	SAME("%s%s", "x", big);
	SAME("%s", big);
}

/* The scans that take sixteen bytes at once (and the last sixteen as the
 * tail) against the definitions, for texts of up to several blocks with
 * an odd byte or character at every place: a control, DEL, a tab, a
 * lone continuation, a two- and a three-byte character, invalid bytes. */
static void blocks_like_definitions(void **state)
{
	(void)state;
	static const char *const odd[] = { "\x01", "\x1F", "\x7F", "\t", "\x80", "\xBF", "\xC3\xA9",
					   "\xE2\x82\xAC", "\xFF", "\xC3", " " };
	for (size_t o = 0; o < sizeof odd / sizeof *odd; o++)
		for (size_t n = 1; n <= 70; n++)
			for (size_t at = 0; at + strlen(odd[o]) <= n; at++) {
				unsigned char s[72];
				memset(s, 'a', sizeof s);
				memcpy(s + at, odd[o], strlen(odd[o]));
				assert_int_equal(utf8_clean_prefix(s, n), prefix_slow(s, n));
				assert_int_equal(utf8_count_chars(s, n), count_by_bytes(s, n));
				/* and with continuations all over, from a place on */
				for (size_t k = at % 5; k < n; k += 5)
					s[k] = 0xA9;
				assert_int_equal(utf8_count_chars(s, n), count_by_bytes(s, n));
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_prefix_examples),
		cmocka_unit_test(clean_examples),
		cmocka_unit_test(clean_equals_definition),
		cmocka_unit_test(vformat_like_vsnprintf),
		cmocka_unit_test(count_chars_like_diag_column),
		cmocka_unit_test(blocks_like_definitions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
