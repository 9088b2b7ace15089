/* bytecount.h — how many times a byte occurs in a block of memory.
 *
 * The reader hands chunks to other threads before they are parsed, and the
 * next chunk's first line number is the count of newlines before it: that
 * count is on the main thread's path for every byte of the input. memchr()
 * per line pays a call for every 30-odd bytes; this counts 16 bytes a step
 * (SSE2) or 8 (any other machine). */
#ifndef PROMISE_BYTECOUNT_H
#define PROMISE_BYTECOUNT_H

#include <stddef.h>

size_t bytecount(const unsigned char *s, size_t n, unsigned char c);

/* The eight-bytes-a-step form, which bytecount() is where SSE2 is not;
 * public so that the tests check it on every machine. */
size_t bytecount_words(const unsigned char *s, size_t n, unsigned char c);

#endif
