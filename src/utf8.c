/* utf8.c — validation by the ranges of RFC 3629 (no overlongs, no
 * surrogates, nothing above U+10FFFF), the same as the scanner's.
 *
 * Most text that leaves the program is printable ASCII already, so
 * utf8_clean_prefix() tests eight bytes at a time and utf8_clean() copies
 * each clean run with one memcpy; only the bytes after a run are decoded
 * one by one. */
#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t utf8_valid_len(const unsigned char *s, size_t n)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
			return 0;
		return 4;
	}
	return 0;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* Whether any of the eight bytes in x is not printable ASCII: a high bit
 * set, a byte below 0x20, or 0x7F (the classic "has a byte less than n"
 * and "has a zero byte" tests, exact as a yes/no answer). */
static uint64_t word_unclean(uint64_t x)
{
	uint64_t del = x ^ (ONES * 0x7F);
	return (x | ((x - ONES * 0x20) & ~x) | ((del - ONES) & ~del)) & HIGH;
}

size_t utf8_clean_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
		while (i + 8 <= n) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (word_unclean(x))
				break;
			i += 8;
		}
		while (i < n && s[i] >= 0x20 && s[i] < 0x7F)
			i++;
		if (i == n || s[i] < 0x80)
			return i; /* the end, or a control character */
		size_t k = utf8_valid_len(s + i, n - i);
		if (k < 2)
			return i;
		i += k; /* a valid multibyte character is copied as it is */
	}
}

size_t utf8_clean(const unsigned char *s, size_t n, char *out, size_t size)
{
	static const char repl[] = "\xEF\xBF\xBD";
	size_t i = 0, o = 0;
	while (i < n) {
		size_t run = utf8_clean_prefix(s + i, n - i);
		if (run) {
			size_t room = size - 1 - o;
			size_t take = run;
			if (take > room) {
				take = room; /* as much as fits, ending on a character */
				while (take && (s[i + take] & 0xC0) == 0x80)
					take--;
			}
			memcpy(out + o, s + i, take);
			o += take;
			i += take;
			if (take < run)
				break;
			continue;
		}
		size_t k = utf8_valid_len(s + i, n - i);
		const char *piece = (const char *)s + i;
		size_t plen = k;
		size_t step = k;
		if (k == 0) {
			/* one replacement for a whole run of bad bytes */
			step = 1;
			while (i + step < n && utf8_valid_len(s + i + step, n - i - step) == 0)
				step++;
			piece = repl;
			plen = 3;
		} else if (k == 1 && s[i] == '\t') {
			piece = " ";
		} else if (k == 1 && (s[i] < 0x20 || s[i] == 0x7F)) {
			piece = repl;
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
