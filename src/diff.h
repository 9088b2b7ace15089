/* diff.h — a unified diff of two texts, line by line (`promise fmt --diff`).
 *
 * Lines are compared with their line ends, so a changed line end or a
 * missing final newline shows as a change (with GNU diff's "\ No newline
 * at end of file" marker), and `git apply` or `patch -p1` turns the first
 * text into the second. The edit script is a shortest one while the texts
 * differ in a bounded number of lines; beyond that, lines that occur once
 * in each text anchor the two and the stretches between anchors are
 * diffed alone, so the time stays near-linear and the diff stays correct,
 * if not always minimal. Memory comes from out->alloc. */
#ifndef PROMISE_DIFF_H
#define PROMISE_DIFF_H

#include <stddef.h>

#include "buf.h"

/* Append to `out` the diff from a[0, alen) to b[0, blen), headed
 * `--- label_a` and `+++ label_b`, with `context` unchanged lines around
 * each change. Returns 1 when the texts differ, 0 when they are equal
 * (nothing is appended), -1 when memory ran out. */
int diff_unified(struct buf *out, const char *label_a, const char *label_b,
		 const unsigned char *a, size_t alen, const unsigned char *b, size_t blen,
		 unsigned context);

#endif
