/* fieldtext.h — a field's whole value as one string.
 *
 * A value may go on over continuation lines (model.h); commands and
 * cross-promise facts that copy a value out want it in one piece. The
 * pieces are joined with one space each, in the given arena, NUL-terminated.
 * Valid while the chunk's model is (it reads the chunk's bytes). */
#ifndef PROMISE_FIELDTEXT_H
#define PROMISE_FIELDTEXT_H

#include <stdint.h>

#include "arena.h"
#include "model.h"

/* The value of `f` from byte `skip` of its first line on (a dated entry
 * skips its date), with its continuation lines. -1 when out of memory. */
int fieldtext_join(struct arena *ar, const struct chunk_model *m, const struct field *f,
		   uint32_t skip, const char **out, uint32_t *len);

#endif
