/* textwidth.h — how many terminal columns a UTF-8 text takes.
 *
 * An accented letter takes one column whether it is written composed or
 * as a letter plus a combining mark (the mark takes none); East Asian wide
 * characters take two; control characters and invalid bytes count as one
 * (they are shown as a replacement when printed). Used to align tables. */
#ifndef PROMISE_TEXTWIDTH_H
#define PROMISE_TEXTWIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns taken by (s, len). */
uint32_t textwidth(const char *s, size_t len);

/* The length in bytes of the longest start of (s, len) that takes at most
 * `cols` columns, never cutting a character or separating a combining mark
 * from the letter before it; *used gets its width. */
size_t textwidth_fit(const char *s, size_t len, uint32_t cols, uint32_t *used);

#endif
