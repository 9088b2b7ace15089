/* workpool.c — a ring of slots under one mutex.
 *
 * Items are few and each is a large piece of work (a chunk of a file), so
 * one lock and two condition variables cost nothing measurable; a
 * lock-free queue would buy nothing here. Slot i of the ring holds the
 * i-th submitted item modulo depth; `taken` counts the items a worker has
 * started, `collected` those handed back, `submitted` those queued. */
#include "workpool.h"

#include <pthread.h>
#include <stdint.h>
#include <unistd.h>

struct slot {
	void *item;
	bool done;
};

struct workpool {
	const struct allocator *alloc;
	workpool_fn *fn;
	pthread_mutex_t lock;
	pthread_cond_t work;      /* an item was queued, or stop */
	pthread_cond_t finished;  /* an item was run */
	struct slot *ring;
	size_t depth;
	uint64_t submitted, taken, collected;
	bool stop;
	pthread_t *threads;
	unsigned nthreads;
};

/* Run the next item nobody has taken, outside the lock, which is held on
 * entry and again on return; the item is then marked done. */
static void run_next(struct workpool *p)
{
	struct slot *s = &p->ring[p->taken % p->depth];
	p->taken++;
	pthread_mutex_unlock(&p->lock);
	p->fn(s->item);
	pthread_mutex_lock(&p->lock);
	s->done = true;
}

static void *worker(void *arg)
{
	struct workpool *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->stop && p->taken == p->submitted)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->taken == p->submitted)
			break; /* stopping, and nothing left to run */
		run_next(p);
		pthread_cond_broadcast(&p->finished);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

static void join_all(struct workpool *p)
{
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 0; i < p->nthreads; i++)
		pthread_join(p->threads[i], NULL);
}

struct workpool *workpool_start(const struct allocator *alloc, unsigned threads, size_t depth,
				workpool_fn *fn)
{
	if (!threads || !depth)
		return NULL;
	struct workpool *p = alloc_mem(alloc, sizeof *p);
	if (!p)
		return NULL;
	*p = (struct workpool){ .alloc = alloc, .fn = fn, .depth = depth };
	p->ring = alloc_mem(alloc, depth * sizeof *p->ring);
	p->threads = alloc_mem(alloc, threads * sizeof *p->threads);
	if (!p->ring || !p->threads || pthread_mutex_init(&p->lock, NULL)) {
		alloc_free(alloc, p->ring);
		alloc_free(alloc, p->threads);
		alloc_free(alloc, p);
		return NULL;
	}
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->finished, NULL);
	for (; p->nthreads < threads; p->nthreads++)
		if (pthread_create(&p->threads[p->nthreads], NULL, worker, p))
			break;
	if (p->nthreads < threads) {
		/* A pool short of threads would still work, but the owner asked
		 * for a number; fewer is a resource problem it should see. */
		workpool_stop(p);
		return NULL;
	}
	return p;
}

size_t workpool_outstanding(const struct workpool *p)
{
	return (size_t)(p->submitted - p->collected);
}

bool workpool_full(const struct workpool *p)
{
	return workpool_outstanding(p) >= p->depth;
}

void workpool_submit(struct workpool *p, void *item)
{
	pthread_mutex_lock(&p->lock);
	struct slot *s = &p->ring[p->submitted % p->depth];
	s->item = item;
	s->done = false;
	p->submitted++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
}

void *workpool_collect(struct workpool *p)
{
	if (p->collected == p->submitted)
		return NULL;
	struct slot *s = &p->ring[p->collected % p->depth];
	pthread_mutex_lock(&p->lock);
	while (!s->done) {
		if (p->taken < p->submitted) {
			/* Rather than wait, run the next item no worker took:
			 * the owner's thread is one of the pool's while it waits. */
			run_next(p);
			continue;
		}
		pthread_cond_wait(&p->finished, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	p->collected++;
	return s->item;
}

void workpool_stop(struct workpool *p)
{
	if (!p)
		return;
	while (workpool_collect(p))
		;
	join_all(p);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->finished);
	pthread_mutex_destroy(&p->lock);
	alloc_free(p->alloc, p->ring);
	alloc_free(p->alloc, p->threads);
	alloc_free(p->alloc, p);
}

unsigned workpool_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}
