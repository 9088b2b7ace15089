/* alloc.c — system and fault-injecting allocators behind one interface. */
#include "alloc.h"

#include <stdatomic.h>
#include <stdlib.h>

static void *system_realloc(void *ctx, void *ptr, size_t size)
{
	(void)ctx;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	return realloc(ptr, size);
}

static const struct allocator system_allocator = { system_realloc, NULL };
static const struct allocator *current = &system_allocator;

const struct allocator *alloc_default(void) { return current; }

void alloc_set_default(const struct allocator *a)
{
	current = a ? a : &system_allocator;
}

void *alloc_mem(const struct allocator *a, size_t size)
{
	return a->realloc(a->ctx, NULL, size ? size : 1);
}

void *alloc_resize(const struct allocator *a, void *ptr, size_t size)
{
	return a->realloc(a->ctx, ptr, size ? size : 1);
}

void alloc_free(const struct allocator *a, void *ptr)
{
	if (ptr)
		a->realloc(a->ctx, ptr, 0);
}

static void *faulty_realloc(void *ctx, void *ptr, size_t size)
{
	struct alloc_faulty *f = ctx;
	if (size == 0) {
		if (ptr) {
			atomic_fetch_sub(&f->live, 1);
			free(ptr);
		}
		return NULL;
	}
	unsigned long call = atomic_fetch_add(&f->calls, 1) + 1;
	if (f->fail_at && (f->once ? call == f->fail_at : call >= f->fail_at))
		return NULL;
	void *p = realloc(ptr, size);
	if (p && !ptr)
		atomic_fetch_add(&f->live, 1);
	return p;
}

void alloc_faulty_init(struct alloc_faulty *f, unsigned long fail_at)
{
	f->base.realloc = faulty_realloc;
	f->base.ctx = f;
	f->fail_at = fail_at;
	f->once = false;
	atomic_init(&f->calls, 0);
	atomic_init(&f->live, 0);
}
