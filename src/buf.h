/* buf.h — a growable byte string (output text, messages, file contents).
 *
 * The buffer owns its bytes and keeps them NUL-terminated. Appending returns
 * -1 when the allocator fails; the buffer stays valid (unchanged) then. */
#ifndef PROMISE_BUF_H
#define PROMISE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "alloc.h"

struct buf {
	char *data; /* NUL-terminated when len > 0 or after any append */
	size_t len, cap;
	const struct allocator *alloc;
};

void buf_init(struct buf *b, const struct allocator *alloc);
void buf_release(struct buf *b);
int buf_reserve(struct buf *b, size_t extra);
int buf_add(struct buf *b, const void *data, size_t len);
int buf_adds(struct buf *b, const char *s);
int buf_addc(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_clear(struct buf *b);
/* The bytes as a C string ("" for an empty buffer). */
const char *buf_str(const struct buf *b);

#endif
