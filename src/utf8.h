/* utf8.h — small UTF-8 helpers for text that leaves the program.
 *
 * Messages quote the user's text, and the user's text may hold invalid
 * UTF-8 or control characters; JSON, XML and terminals all need valid,
 * harmless text. utf8_clean() copies while replacing each invalid byte run
 * and each control character with U+FFFD (a tab becomes a space);
 * utf8_vformat() formats a message and cleans it in one step. */
#ifndef PROMISE_UTF8_H
#define PROMISE_UTF8_H

#include <stdarg.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when s[0..n) does not
 * start with one. */
size_t utf8_valid_len(const unsigned char *s, size_t n);

/* Length of the longest prefix of s[0..n) that utf8_clean() would copy
 * unchanged: valid UTF-8 with no control character, tab or DEL. It never
 * ends inside a character; n means the whole text is clean. */
size_t utf8_clean_prefix(const unsigned char *s, size_t n);

/* The characters in s[0..n): the bytes that do not continue a character
 * (10xxxxxx), counted eight at a time; any other byte counts as one, valid
 * or not (diag_column() counts columns with it). */
size_t utf8_count_chars(const unsigned char *s, size_t n);

/* Copy at most `size - 1` bytes of clean text into out (always
 * NUL-terminated, never cutting a character); returns the bytes of `s`
 * consumed. */
size_t utf8_clean(const unsigned char *s, size_t n, char *out, size_t size);

/* The longest text utf8_vformat() writes, its NUL included. */
enum { UTF8_FORMAT_MAX = 1024 };

/* vsnprintf(out, size, fmt, ap), then utf8_clean() of the result, in one
 * step: out is always NUL-terminated clean text (size is at least 1, and
 * capped at UTF8_FORMAT_MAX); returns its length. The conversions
 * messages use (%s %d %u %ld %lu %zu %%) are done here; a format with any
 * other goes to vsnprintf. */
size_t utf8_vformat(char *out, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
