/* test_workpool.c — every item is run once, on a worker or on the owner's
 * thread while it waits, and comes back in the order it went in, however
 * long each takes. */
#include "harness.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "workpool.h"

struct item {
	unsigned id;
	unsigned runs;        /* how often the function ran on it */
	pthread_t ran_on;
	unsigned long result; /* work that takes longer for some ids */
};

static void run(void *p)
{
	struct item *it = p;
	it->runs++;
	it->ran_on = pthread_self();
	/* Uneven work, so later items often finish before earlier ones. */
	unsigned long x = it->id;
	unsigned spin = (it->id * 7919u) % 5 == 0 ? 200000 : 100;
	for (unsigned i = 0; i < spin; i++)
		x = x * 6364136223846793005ul + 1442695040888963407ul;
	it->result = x;
	if (it->id % 11 == 0) {
		struct timespec ts = { 0, 200000 };
		nanosleep(&ts, NULL);
	}
}

static void items_come_back_in_order(void **state)
{
	(void)state;
	enum { N = 2000, DEPTH = 6 };
	static struct item items[N];
	for (unsigned threads = 1; threads <= 4; threads++) {
		struct workpool *p = workpool_start(alloc_default(), threads, DEPTH, run);
		assert_non_null(p);
		assert_null(workpool_collect(p)); /* nothing outstanding */
		unsigned next_in = 0, next_out = 0, ran_here = 0;
		while (next_out < N) {
			if (next_in < N && !workpool_full(p)) {
				items[next_in] = (struct item){ .id = next_in };
				workpool_submit(p, &items[next_in++]);
				continue;
			}
			struct item *it = workpool_collect(p);
			assert_non_null(it);
			assert_int_equal(it->id, next_out);
			assert_int_equal(it->runs, 1);
			ran_here += pthread_equal(it->ran_on, pthread_self()) != 0;
			next_out++;
			assert_true(workpool_outstanding(p) <= DEPTH);
		}
		assert_int_equal(workpool_outstanding(p), 0);
		assert_true(ran_here < N); /* the workers ran some */
		workpool_stop(p);
	}
}

/* Stopping with items outstanding waits for them: none is lost or run
 * twice, and nothing is touched after the pool is gone. */
static void stop_waits_for_outstanding_items(void **state)
{
	(void)state;
	enum { N = 5 };
	struct item items[N];
	struct workpool *p = workpool_start(alloc_default(), 3, N, run);
	assert_non_null(p);
	for (unsigned i = 0; i < N; i++) {
		items[i] = (struct item){ .id = i * 5 }; /* the slow kind */
		workpool_submit(p, &items[i]);
	}
	assert_true(workpool_full(p));
	workpool_stop(p);
	for (unsigned i = 0; i < N; i++)
		assert_int_equal(items[i].runs, 1);
}

/* The owner, waiting for an item a worker holds, runs the queued ones
 * itself: here the one worker's item waits for the last item, so without
 * that help it would wait out its five seconds and record it. */
static atomic_int started, released, timed_out;

static void hold_until_released(void *p)
{
	struct item *it = p;
	it->runs++;
	it->ran_on = pthread_self();
	if (it->id != 0) {
		if (it->id == 4)
			atomic_store(&released, 1);
		return;
	}
	atomic_store(&started, 1);
	for (int i = 0; i < 5000 && !atomic_load(&released); i++) {
		struct timespec ts = { 0, 1000000 };
		nanosleep(&ts, NULL);
	}
	if (!atomic_load(&released))
		atomic_store(&timed_out, 1);
}

static void the_owner_helps_while_it_waits(void **state)
{
	(void)state;
	struct item items[5];
	struct workpool *p = workpool_start(alloc_default(), 1, 5, hold_until_released);
	assert_non_null(p);
	items[0] = (struct item){ .id = 0 };
	workpool_submit(p, &items[0]);
	/* let the worker take item 0 first */
	for (int i = 0; i < 50000 && !atomic_load(&started); i++) {
		struct timespec ts = { 0, 100000 };
		nanosleep(&ts, NULL);
	}
	for (unsigned i = 1; i < 5; i++) {
		items[i] = (struct item){ .id = i };
		workpool_submit(p, &items[i]);
	}
	for (unsigned i = 0; i < 5; i++) {
		struct item *it = workpool_collect(p);
		assert_ptr_equal(it, &items[i]);
		assert_int_equal(it->runs, 1);
	}
	assert_false(atomic_load(&timed_out));
	assert_true(pthread_equal(items[4].ran_on, pthread_self()));
	workpool_stop(p);
}

static void no_threads_no_pool(void **state)
{
	(void)state;
	assert_null(workpool_start(alloc_default(), 0, 4, run));
	assert_null(workpool_start(alloc_default(), 2, 0, run));
	workpool_stop(NULL);
	assert_true(workpool_processors() >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(items_come_back_in_order),
		cmocka_unit_test(stop_waits_for_outstanding_items),
		cmocka_unit_test(the_owner_helps_while_it_waits),
		cmocka_unit_test(no_threads_no_pool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
