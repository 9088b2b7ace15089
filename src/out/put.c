/* put.c — digits counted with comparisons, then written from the last one
 * back in place, two at a time from a table of the hundred pairs: line
 * numbers are written four or five times per finding. */
#include "put.h"

char *put_begin(struct buf *b, size_t most)
{
	return buf_reserve(b, most) ? NULL : b->data + b->len;
}

void put_end(struct buf *b, char *end)
{
	b->len = (size_t)(end - b->data);
	b->data[b->len] = '\0';
}

static const char pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
			    "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
			    "8081828384858687888990919293949596979899";

static unsigned digits(uint32_t v)
{
	if (v < 10000)
		return v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : 4;
	if (v < 100000000)
		return v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : 8;
	return v < 1000000000 ? 9 : 10;
}

char *put_u32(char *p, uint32_t v, unsigned width)
{
	unsigned n = digits(v);
	for (; width > n; width--)
		*p++ = ' ';
	char *end = p + n;
	char *q = end;
	while (v >= 100) {
		q -= 2;
		memcpy(q, pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10)
		memcpy(q - 2, pairs + 2 * v, 2);
	else
		q[-1] = (char)('0' + v);
	return end;
}
