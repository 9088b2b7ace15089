/* workpool.h — threads that run one function over items, handed back in
 * the order they were submitted.
 *
 * The owner submits items and collects them, oldest first, once the
 * function has run on them; any number of items up to `depth` may be
 * outstanding. While the owner waits to collect, it runs items no worker
 * has taken yet itself, so `threads` workers and the owner keep
 * threads + 1 processors busy. The function must touch nothing but its item and what
 * stays read-only while the pool runs. Only the owner's thread calls these
 * functions. Items are the owner's: the pool keeps pointers only. */
#ifndef PROMISE_WORKPOOL_H
#define PROMISE_WORKPOOL_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

struct workpool;

typedef void workpool_fn(void *item);

/* Start `threads` workers running fn, with room for `depth` outstanding
 * items (depth >= 1). NULL when memory or a thread cannot be had: the
 * owner then runs fn itself. */
struct workpool *workpool_start(const struct allocator *alloc, unsigned threads, size_t depth,
				workpool_fn *fn);
/* Items submitted and not yet collected. */
size_t workpool_outstanding(const struct workpool *p);
/* Whether `depth` items are outstanding (collect one before submitting). */
bool workpool_full(const struct workpool *p);
/* Queue an item; the pool must not be full. */
void workpool_submit(struct workpool *p, void *item);
/* Wait until the oldest outstanding item has been run (running queued
 * ones meanwhile) and hand it back; NULL when none is outstanding. */
void *workpool_collect(struct workpool *p);
/* Collect whatever is outstanding, stop the workers and free the pool
 * (p may be NULL). */
void workpool_stop(struct workpool *p);

/* The number of processors online, at least 1: the default for -j. */
unsigned workpool_processors(void);

#endif
