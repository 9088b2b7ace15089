/* put.c — the buffer's side of put.h, and the table of digit pairs that
 * put_u32() writes from. */
#include "put.h"

char *put_grow(struct buf *b, size_t most)
{
	return buf_reserve(b, most) ? NULL : b->data + b->len;
}

const char put_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
			   "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
			   "8081828384858687888990919293949596979899";
