/* put.c — digits counted first, then written from the last one back, in
 * place: no scratch copy. */
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

char *put_u32(char *p, uint32_t v, unsigned width)
{
	unsigned n = 1;
	for (uint32_t t = v; t >= 10; t /= 10)
		n++;
	for (; width > n; width--)
		*p++ = ' ';
	char *end = p + n;
	char *q = end;
	do {
		*--q = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}
