/* alloc.h — the allocator every module allocates through.
 *
 * Heap memory is never taken with malloc() directly: it goes through a
 * `struct allocator`, so a test can plug in one that fails on the Nth call
 * and prove that every caller turns the failure into an error value.
 * Allocation functions return NULL on failure; they never abort. */
#ifndef PROMISE_ALLOC_H
#define PROMISE_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

struct allocator {
	void *(*realloc)(void *ctx, void *ptr, size_t size); /* size 0 frees */
	void *ctx;
};

/* The process-wide allocator: the system's, unless a test replaced it. */
const struct allocator *alloc_default(void);
void alloc_set_default(const struct allocator *a);

void *alloc_mem(const struct allocator *a, size_t size);
void *alloc_resize(const struct allocator *a, void *ptr, size_t size);
void alloc_free(const struct allocator *a, void *ptr);

/* A failing allocator for fault-injection tests: the `fail_at`-th call
 * (1-based) and every later one fail, or with `once` set that call only;
 * 0 never fails. `calls` counts the allocations made (frees are not
 * counted). The counters are atomic: threads may share it. */
struct alloc_faulty {
	struct allocator base;
	unsigned long fail_at;
	bool once;
	_Atomic unsigned long calls;
	_Atomic long live; /* allocations not yet freed: a leak check */
};
void alloc_faulty_init(struct alloc_faulty *f, unsigned long fail_at);

#endif
