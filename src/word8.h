/* word8.h — tests on eight bytes at once, for the loops that read every
 * byte of the input (scanning, cleaning, escaping).
 *
 * Each test returns a mask with the high bit set in the bytes that may
 * match, zero when none does: exact as a yes/no answer for the whole
 * word (a borrow can only mark a byte above one that matches), so a
 * caller that needs to know which byte looks at them one by one. */
#ifndef PROMISE_WORD8_H
#define PROMISE_WORD8_H

#include <stdint.h>
#include <string.h>

#define WORD8_ONES UINT64_C(0x0101010101010101)
#define WORD8_HIGH UINT64_C(0x8080808080808080)

static inline uint64_t word8_load(const void *p)
{
	uint64_t x;
	memcpy(&x, p, sizeof x);
	return x;
}

/* Bytes below n (n at most 0x80). */
static inline uint64_t word8_less(uint64_t x, unsigned char n)
{
	return (x - WORD8_ONES * n) & ~x & WORD8_HIGH;
}

/* Bytes equal to c. */
static inline uint64_t word8_byte(uint64_t x, unsigned char c)
{
	return word8_less(x ^ (WORD8_ONES * c), 1);
}

/* Bytes from 0x80 up. */
static inline uint64_t word8_high(uint64_t x)
{
	return x & WORD8_HIGH;
}

#endif
