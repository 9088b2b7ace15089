/* fmt.h — the canonical layout of a promise file (`promise fmt`).
 *
 * fmt_format() is a pure function from the bytes of one file to their
 * canonical form, as grammar/FORMAT.md ("Canonical layout") describes it:
 * the header, keys, field order, value column, continuation indentation,
 * blank lines and dates are written anew; every other byte (IDs, promise
 * texts, values, continuation text, comments, unknown and x- fields) is
 * copied from the input. Comments keep what they were attached to (the
 * header or field directly below them, or nothing). Formatting is
 * idempotent, and parsing the result gives the same records, fields and
 * comments as parsing the input.
 *
 * A buffer with syntax errors is not formatted at all: the caller reports
 * the errors (the syntax-error rule words them) and keeps the input.
 *
 * The command line and the editor server call the same function. Nothing
 * here prints or exits. */
#ifndef PROMISE_FMT_H
#define PROMISE_FMT_H

#include <stddef.h>

#include "buf.h"
#include "fsio.h"

enum fmt_outcome {
	FMT_CANONICAL = 0,  /* the input is already canonical; out holds a copy */
	FMT_CHANGED = 1,    /* out holds the canonical form, which differs */
	FMT_SYNTAX = 2      /* the input has syntax errors; out is untouched */
};

enum fmt_error {
	FMT_ERR_NOMEM = -1,
	FMT_ERR_TOO_BIG = -2,    /* beyond the 4 GiB a parse can address */
	FMT_ERR_NOT_REGULAR = -3 /* fmt_write_file: not a regular file */
};

/* Append the canonical form of src[0, len) to `out` and say whether it
 * differs from the input. The parse and the output use out->alloc.
 * Returns an enum fmt_outcome, or FMT_ERR_NOMEM / FMT_ERR_TOO_BIG (then
 * `out` may hold part of the output; the caller discards it).
 *
 * Contract: src[len] == '\0' (the parser's sentinel; struct buf and
 * fsio_read_file() guarantee it). A leading byte-order mark is kept. */
int fmt_format(const unsigned char *src, size_t len, struct buf *out);

/* Replace the file at `path` with `data` through fsio_write_atomic(): a
 * temporary file beside it, flushed, given the original's permissions and
 * renamed over it, so a failure at any step leaves the original as it
 * was. A symbolic link is followed (the file it names is rewritten and the
 * link stays a link). Returns 0; -1 with errno set when a system call
 * failed; FMT_ERR_NOT_REGULAR for a device, a pipe or a directory.
 * ops NULL means the real system calls. */
int fmt_write_file(const char *path, const void *data, size_t len, const struct fsio_ops *ops);

#endif
