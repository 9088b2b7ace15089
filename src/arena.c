/* arena.c — a list of blocks, newest first; big requests get their own
 * block so a 100 MB line does not waste a whole standard block. */
#include "arena.h"

#include <stdint.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[];
};

enum { ARENA_FIRST_BLOCK = 64 * 1024, ARENA_MAX_BLOCK = 4 * 1024 * 1024, ARENA_KEEP_MAX = 64 * 1024 * 1024 };

void arena_init(struct arena *ar, const struct allocator *alloc)
{
	ar->alloc = alloc ? alloc : alloc_default();
	ar->head = NULL;
	ar->block_size = ARENA_FIRST_BLOCK;
	ar->failed = false;
}

static struct arena_block *new_block(struct arena *ar, size_t size)
{
	struct arena_block *b = alloc_mem(ar->alloc, sizeof *b + size);
	if (!b) {
		ar->failed = true;
		return NULL;
	}
	b->used = 0;
	b->size = size;
	return b;
}

void *arena_alloc(struct arena *ar, size_t size)
{
	const size_t align = sizeof(max_align_t);
	size = (size + align - 1) & ~(align - 1);
	if (size == 0)
		size = align;
	struct arena_block *b = ar->head;
	if (b && b->size - b->used >= size) {
		void *p = (char *)b->data + b->used;
		b->used += size;
		return p;
	}
	if (size > ar->block_size / 4) {
		/* A large request: a block of its own, kept behind the head so the
		 * head's free room is not wasted. */
		struct arena_block *big = new_block(ar, size);
		if (!big)
			return NULL;
		big->used = size;
		if (b) {
			big->next = b->next;
			b->next = big;
		} else {
			big->next = NULL;
			ar->head = big;
		}
		return big->data;
	}
	struct arena_block *nb = new_block(ar, ar->block_size);
	if (!nb)
		return NULL;
	if (ar->block_size < ARENA_MAX_BLOCK)
		ar->block_size *= 2;
	nb->next = b;
	ar->head = nb;
	nb->used = size;
	return nb->data;
}

char *arena_strndup(struct arena *ar, const char *s, size_t len)
{
	char *p = arena_alloc(ar, len + 1);
	if (!p)
		return NULL;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void *arena_grow(struct arena *ar, void *old, size_t elem, size_t old_n, size_t new_n)
{
	if (new_n && elem > SIZE_MAX / new_n) {
		ar->failed = true;
		return NULL;
	}
	void *p = arena_alloc(ar, elem * new_n);
	if (p && old_n)
		memcpy(p, old, elem * old_n);
	return p;
}

void arena_reset(struct arena *ar)
{
	ar->failed = false;
	if (ar->head && !ar->head->next) {
		ar->head->used = 0; /* the usual case: once per record */
		return;
	}
	/* Keep one block as large as all of them together: the next parse of
	 * a chunk like this one then fits in it, with no allocation at all. */
	size_t total = 0, blocks = 0;
	for (struct arena_block *b = ar->head; b; b = b->next) {
		total += b->size;
		blocks++;
	}
	ar->failed = false;
	if (blocks == 1) {
		ar->head->used = 0;
		return;
	}
	arena_release(ar);
	if (total > ARENA_KEEP_MAX)
		total = ARENA_KEEP_MAX;
	if (total) {
		struct arena_block *b = new_block(ar, total);
		if (b) {
			b->next = NULL;
			ar->head = b;
		}
		ar->failed = false; /* a failure here only costs speed */
	}
}

void arena_release(struct arena *ar)
{
	struct arena_block *b = ar->head;
	while (b) {
		struct arena_block *next = b->next;
		alloc_free(ar->alloc, b);
		b = next;
	}
	ar->head = NULL;
	ar->failed = false;
}
