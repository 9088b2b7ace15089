/* put.h — writing the pieces of a finding into memory, without printf.
 *
 * The streaming renderers build each finding in a struct buf and write it
 * with one fwrite(): fprintf() parses its format and takes the stream's
 * lock on every call, which cost more than everything else a renderer did.
 * A renderer reserves room for a piece with put_begin(), writes through a
 * plain pointer with put_mem(), put_lit() and put_u32(), and closes it
 * with put_end(). The numbers are the bytes printf's "%u" and "%*u" give. */
#ifndef PROMISE_OUT_PUT_H
#define PROMISE_OUT_PUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../buf.h"

/* The most bytes put_u32() writes. */
enum { PUT_U32_DIGITS = 10 };

/* put_begin() when b must grow. */
char *put_grow(struct buf *b, size_t most);

/* Room for `most` more bytes in b: where to write them, or NULL when out
 * of memory (b unchanged). Inline: a reused buffer nearly always has the
 * room, and a renderer asks two or three times a finding. */
static inline char *put_begin(struct buf *b, size_t most)
{
	if (b->len + most + 1 <= b->cap) /* buf_reserve()'s test */
		return b->data + b->len;
	return put_grow(b, most);
}

/* Take the bytes written from put_begin()'s pointer up to `end`. */
static inline void put_end(struct buf *b, char *end)
{
	b->len = (size_t)(end - b->data);
	b->data[b->len] = '\0';
}

static inline char *put_mem(char *p, const void *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

/* A string literal, its length known at compile time. */
#define put_lit(p, lit) put_mem((p), "" lit, sizeof(lit) - 1)

/* v in decimal (no NUL), right-aligned with spaces in `width` columns
 * when it is shorter (0: no padding); returns the end. At most
 * max(width, PUT_U32_DIGITS) bytes. */
/* "00" to "99", two characters each. */
extern const char put_pairs[201];

static inline unsigned put_digits(uint32_t v)
{
	if (v < 10000)
		return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
	if (v < 100000000)
		return v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : 8;
	return v < 1000000000 ? 9 : 10;
}

/* Digits counted with comparisons, then written from the last one back,
 * two at a time from the table of pairs. Inline: four or five numbers go
 * into every finding. */
static inline char *put_u32(char *p, uint32_t v, unsigned width)
{
	unsigned n = put_digits(v);
	for (; width > n; width--)
		*p++ = ' ';
	char *end = p + n;
	char *q = end;
	while (v >= 100) {
		q -= 2;
		memcpy(q, put_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(q - 2, put_pairs + 2 * v, 2);
	else
		q[-1] = (char)('0' + v);
	return end;
}

#endif
