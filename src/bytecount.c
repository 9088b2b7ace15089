/* bytecount.c — per-byte match counts are summed in the lanes of a
 * register, at most 255 steps at a time so that no lane overflows, and the
 * lanes are added up after each run of steps. */
#include "bytecount.h"

#include <stdint.h>

#include "word8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { LANE_MAX = 255 };

size_t bytecount_words(const unsigned char *s, size_t n, unsigned char c)
{
	const uint64_t ones = 0x0101010101010101u, low7 = ones * 0x7f, pairs = 0x00ff00ff00ff00ffu;
	const uint64_t pattern = ones * c;
	size_t total = 0, i = 0;
	while (n - i >= 8) {
		size_t steps = (n - i) / 8;
		if (steps > LANE_MAX)
			steps = LANE_MAX;
		uint64_t lanes = 0;
		for (size_t k = 0; k < steps; k++, i += 8) {
			uint64_t y = word8_load(s + i) ^ pattern; /* zero where c stands */
			/* exact per byte: the high bit is set where the byte is
			 * not zero, with no carry between bytes */
			uint64_t nonzero = ((y & low7) + low7) | y;
			lanes += (~nonzero >> 7) & ones;
		}
		/* eight lanes of up to 255: add them in pairs first, so that
		 * the sum of all eight (up to 2,040) fits the top 16 bits */
		uint64_t wide = (lanes & pairs) + ((lanes >> 8) & pairs);
		total += (size_t)((wide * 0x0001000100010001u) >> 48);
	}
	for (; i < n; i++)
		total += s[i] == c;
	return total;
}

#ifdef __SSE2__
size_t bytecount(const unsigned char *s, size_t n, unsigned char c)
{
	const __m128i needle = _mm_set1_epi8((char)c), zero = _mm_setzero_si128();
	size_t total = 0, i = 0;
	while (n - i >= 16) {
		size_t steps = (n - i) / 16;
		if (steps > LANE_MAX)
			steps = LANE_MAX;
		__m128i lanes = zero;
		for (size_t k = 0; k < steps; k++, i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(v, needle)); /* a match is -1 */
		}
		__m128i sums = _mm_sad_epu8(lanes, zero); /* two sums, one per half */
		total += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_extract_epi16(sums, 4);
	}
	for (; i < n; i++)
		total += s[i] == c;
	return total;
}
#else
size_t bytecount(const unsigned char *s, size_t n, unsigned char c)
{
	return bytecount_words(s, n, c);
}
#endif
