/* arena.h — bump allocation freed in one call.
 *
 * One arena per parse (per chunk, per document version in the editor
 * server): everything the parser and the rules build for that input lives in
 * it and dies with arena_release(). Blocks come from the arena's allocator.
 * arena_alloc() returns NULL when the allocator fails; the arena remembers
 * the failure in `failed` so a caller can check once after a batch. */
#ifndef PROMISE_ARENA_H
#define PROMISE_ARENA_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

struct arena_block;

struct arena {
	const struct allocator *alloc;
	struct arena_block *head;
	size_t block_size;
	bool failed;
};

void arena_init(struct arena *ar, const struct allocator *alloc);
/* Memory aligned for any scalar type, or NULL. */
void *arena_alloc(struct arena *ar, size_t size);
/* A NUL-terminated copy of (s, len), or NULL. */
char *arena_strndup(struct arena *ar, const char *s, size_t len);
/* Grow an arena array: returns a copy of old (old_n elements) with room for
 * new_n, or NULL. The old storage is simply abandoned to the arena. */
void *arena_grow(struct arena *ar, void *old, size_t elem, size_t old_n, size_t new_n);
/* Empty the arena for reuse, keeping one block as large as all it held
 * (up to 64 MiB), so a loop of similar parses allocates only once. */
void arena_reset(struct arena *ar);
void arena_release(struct arena *ar);

#endif
