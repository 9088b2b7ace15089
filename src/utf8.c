/* utf8.c — validation by the ranges of RFC 3629 (no overlongs, no
 * surrogates, nothing above U+10FFFF), the same as the scanner's.
 *
 * Most text that leaves the program is printable ASCII already, so
 * utf8_clean_prefix() tests sixteen bytes at a time (SSE2; eight without
 * it, and for short texts) and utf8_clean() copies
 * each clean run with one memcpy; only the bytes after a run are decoded
 * one by one. utf8_vformat() formats the few conversions messages use
 * itself: vsnprintf() cost more than the rest of reporting a finding. */
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "word8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Whether any of the eight bytes in x is not printable ASCII: a high bit
 * set, a byte below 0x20, or 0x7F. */
static uint64_t word_unclean(uint64_t x)
{
	return word8_high(x) | word8_less(x, 0x20) | word8_byte(x, 0x7F);
}

#ifdef __SSE2__
/* Whether the sixteen bytes at s are all printable ASCII. As signed
 * bytes, those from 0x80 up are negative: one comparison finds them and
 * the controls, a second finds DEL. */
static bool block_clean(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
	return _mm_movemask_epi8(bad) == 0;
}
#endif

size_t utf8_clean_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	for (;;) {
#ifdef __SSE2__
		while (i + 16 <= n && block_clean(s + i))
			i += 16;
		/* As below, the last sixteen bytes taken as one block. */
		if (n - i < 16 && i < n && n >= 16 && block_clean(s + n - 16))
			return n;
#endif
		while (i + 8 <= n) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			if (word_unclean(x))
				break;
			i += 8;
		}
		/* The last bytes as the text's last word, when it is clean:
		 * the bytes before them that it takes again are clean too. */
		if (n - i < 8 && i < n && n >= 8 && !word_unclean(word8_load(s + n - 8)))
			return n;
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

/* The continuation bytes (10xxxxxx) among the eight in x: bit 7 set and
 * bit 6 clear (bit 6 shifted onto bit 7), their flags summed by one
 * multiplication into the top byte. */
static size_t word_continuations(uint64_t x)
{
	uint64_t cont = (x & ~(x << 1) & WORD8_HIGH) >> 7;
	return (size_t)((cont * WORD8_ONES) >> 56);
}

#ifdef __SSE2__
/* Sixteen zeros, then sixteen ones: from offset k, a block's last k bytes
 * are kept. */
static const unsigned char tail_ones[32] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					     1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };

/* Sixteen bytes at a time: as signed bytes, continuations (0x80-0xBF)
 * are those below 0xC0; each becomes a 1, summed into two 64-bit
 * halves. The tail is the last sixteen bytes, those counted already
 * masked off. */
static size_t count_chars_sse2(const unsigned char *s, size_t n)
{
	const __m128i lead = _mm_set1_epi8((char)0xC0), one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
	__m128i sum = zero;
	size_t i = 0;
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i cont = _mm_and_si128(_mm_cmplt_epi8(v, lead), one);
		sum = _mm_add_epi64(sum, _mm_sad_epu8(cont, zero));
	}
	if (i < n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
		__m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(tail_ones + (n - i)));
		__m128i cont = _mm_and_si128(_mm_cmplt_epi8(v, lead), keep);
		sum = _mm_add_epi64(sum, _mm_sad_epu8(cont, zero));
	}
	size_t conts = (size_t)(uint32_t)_mm_cvtsi128_si32(sum) +
		       (size_t)(uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
	return n - conts;
}
#endif

size_t utf8_count_chars(const unsigned char *s, size_t n)
{
#ifdef __SSE2__
	if (n >= 16)
		return count_chars_sse2(s, n);
#endif
	size_t conts = 0, i = 0;
	for (; i + 8 <= n; i += 8)
		conts += word_continuations(word8_load(s + i));
	if (i == n)
		return n - conts;
#if defined(__BYTE_ORDER__) && (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ || \
				__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
	if (n >= 8) {
		/* The tail as the last eight bytes, those counted already
		 * zeroed (a zero byte continues nothing): a column's prefix
		 * rarely ends on a word, and a loop over its last bytes cost
		 * as much as the words before them. */
		unsigned counted = (unsigned)(8 - (n - i)) * 8;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		uint64_t keep = ~UINT64_C(0) << counted; /* the first bytes are low */
#else
		uint64_t keep = ~UINT64_C(0) >> counted;
#endif
		return n - conts - word_continuations(word8_load(s + n - 8) & keep);
	}
#endif
	for (; i < n; i++)
		conts += (s[i] & 0xC0) == 0x80;
	return n - conts;
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

/* Text appended to a buffer that keeps at most `cap` bytes, as vsnprintf
 * cuts: byte-exact, even inside a character. */
struct cut {
	char *out;
	size_t len, cap;
};

static inline void cut_add(struct cut *c, const char *s, size_t n)
{
	if (n > c->cap - c->len)
		n = c->cap - c->len;
	char *p = c->out + c->len;
	c->len += n;
	/* Most pieces of a message are a few bytes: two overlapping moves
	 * of a fixed size cost less than a call to memcpy(). */
	if (n >= 8 && n <= 16) {
		memcpy(p, s, 8);
		memcpy(p + n - 8, s + n - 8, 8);
	} else if (n >= 4 && n < 8) {
		memcpy(p, s, 4);
		memcpy(p + n - 4, s + n - 4, 4);
	} else if (n > 16) {
		memcpy(p, s, n);
	} else if (n) {
		p[0] = s[0];
		p[n / 2] = s[n / 2];
		p[n - 1] = s[n - 1];
	}
}

static void cut_number(struct cut *c, unsigned long v, bool minus)
{
	char tmp[24];
	size_t i = sizeof tmp;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (minus)
		tmp[--i] = '-';
	cut_add(c, tmp + i, sizeof tmp - i);
}

static void cut_signed(struct cut *c, long v)
{
	/* the magnitude in unsigned arithmetic: LONG_MIN has no positive twin */
	cut_number(c, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v, v < 0);
}

/* Format the simple conversions into c; false (ap partly used) at the
 * first conversion that is not one of them. */
static bool format_simple(struct cut *c, const char *fmt, va_list ap)
{
	const char *f = fmt;
	for (;;) {
		const char *pct = strchrnul(f, '%');
		cut_add(c, f, (size_t)(pct - f));
		if (!*pct)
			return true;
		f = pct + 1;
		switch (*f++) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (!s)
				s = "(null)"; /* as glibc's printf shows it */
			cut_add(c, s, strlen(s));
			break;
		}
		case 'd': cut_signed(c, va_arg(ap, int)); break;
		case 'u': cut_number(c, va_arg(ap, unsigned), false); break;
		case '%': cut_add(c, "%", 1); break;
		case 'l':
			if (*f == 'd')
				cut_signed(c, va_arg(ap, long));
			else if (*f == 'u')
				cut_number(c, va_arg(ap, unsigned long), false);
			else
				return false;
			f++;
			break;
		case 'z':
			if (*f != 'u')
				return false;
			cut_number(c, va_arg(ap, size_t), false);
			f++;
			break;
		default: return false;
		}
	}
}

size_t utf8_vformat(char *out, size_t size, const char *fmt, va_list ap)
{
	if (size == 0)
		return 0;
	if (size > UTF8_FORMAT_MAX)
		size = UTF8_FORMAT_MAX;
	va_list again;
	va_copy(again, ap);
	struct cut c = { out, 0, size - 1 };
	bool done = format_simple(&c, fmt, ap);
	size_t len = c.len;
	if (!done) {
		int n = vsnprintf(out, size, fmt, again);
		/* on a bad format, what vsnprintf wrote before it stopped */
		len = n >= 0 && (size_t)n < size ? (size_t)n : strnlen(out, size - 1);
	}
	va_end(again);
	out[len] = '\0';
	/* Almost every message is clean as formatted: then it is the result,
	 * as utf8_clean() would copy it unchanged. */
	if (utf8_clean_prefix((const unsigned char *)out, len) == len)
		return len;
	char raw[UTF8_FORMAT_MAX];
	memcpy(raw, out, len + 1);
	utf8_clean((const unsigned char *)raw, strlen(raw), out, size);
	return strlen(out);
}
