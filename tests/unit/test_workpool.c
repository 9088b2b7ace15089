/* test_workpool.c — every item is run once, on a worker, and comes back
 * in the order it went in, however long each takes. */
#include "harness.h"

#include <pthread.h>
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
		unsigned next_in = 0, next_out = 0;
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
			assert_false(pthread_equal(it->ran_on, pthread_self()));
			next_out++;
			assert_true(workpool_outstanding(p) <= DEPTH);
		}
		assert_int_equal(workpool_outstanding(p), 0);
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
		cmocka_unit_test(no_threads_no_pool),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
