/* span.h — a byte range inside the buffer being parsed.
 *
 * Spans are offsets, not pointers, so a model stays small and can be
 * rebased; they are only meaningful together with the buffer they came from. */
#ifndef PROMISE_SPAN_H
#define PROMISE_SPAN_H

#include <stdint.h>

struct span {
	uint32_t off, len;
};

static inline uint32_t span_end(struct span s) { return s.off + s.len; }

#endif
