/* test_facts.c — the ID table: every ID is found again after the table
 * has grown many times, a repeated ID names its first promise, and a
 * table sized ahead by facts_expect() holds that many promises without
 * growing, finds them all, and is left whole when the sizing fails. */
#include "harness.h"

#include <stdio.h>

#include "alloc.h"
#include "facts.h"

static long add(struct facts *f, const char *id, long *first)
{
	return facts_add_promise(f, id, (uint32_t)strlen(id), 1, 1, FACT_NO_DATE, STATUS_NONE, first);
}

/* IDs of varied lengths (1 to 20 bytes), so both of the hash's paths run. */
static void id_of(char *out, size_t size, unsigned i)
{
	static const char pad[] = "xxxxxxxxxxxxxxxx";
	snprintf(out, size, "P%.*s-%u", (int)(i % 17), pad, i);
}

static void every_id_found_after_growth(void **state)
{
	(void)state;
	struct facts f;
	facts_init(&f, NULL);
	char id[40];
	for (unsigned i = 0; i < 20000; i++) {
		id_of(id, sizeof id, i);
		long first;
		assert_int_equal(add(&f, id, &first), (long)i);
		assert_int_equal(first, -1);
	}
	assert_true(f.nslots >= 40000);
	for (unsigned i = 0; i < 20000; i++) {
		id_of(id, sizeof id, i);
		assert_int_equal(facts_find(&f, id, strlen(id)), (long)i);
		assert_string_equal(facts_id(&f, &f.promises[i]), id);
	}
	assert_int_equal(facts_find(&f, "P-20000", 7), -1);
	assert_int_equal(facts_find(&f, "", 0), -1);
	facts_release(&f);
}

static void a_repeated_id_names_the_first(void **state)
{
	(void)state;
	struct facts f;
	facts_init(&f, NULL);
	long first;
	assert_int_equal(add(&f, "A-1", &first), 0);
	assert_int_equal(add(&f, "B-2", &first), 1);
	assert_int_equal(add(&f, "A-1", &first), 2);
	assert_int_equal(first, 0);
	assert_int_equal(facts_find(&f, "A-1", 3), 0);
	/* without an ID: stored, never indexed */
	assert_int_equal(add(&f, "", &first), 3);
	assert_int_equal(first, -1);
	assert_int_equal(facts_find(&f, "", 0), -1);
	facts_release(&f);
}

static void a_table_sized_ahead_does_not_grow(void **state)
{
	(void)state;
	struct facts f;
	facts_init(&f, NULL);
	assert_int_equal(facts_expect(&f, 3000), 0);
	assert_true(f.nslots >= 6000);
	const uint64_t *slots = f.slots;
	size_t nslots = f.nslots;
	char id[40];
	for (unsigned i = 0; i < 3000; i++) {
		id_of(id, sizeof id, i);
		assert_int_equal(add(&f, id, NULL), (long)i);
	}
	assert_ptr_equal(f.slots, slots);
	assert_int_equal(f.nslots, nslots);
	/* a smaller guess later changes nothing; a larger one grows the
	 * table and keeps every ID */
	assert_int_equal(facts_expect(&f, 100), 0);
	assert_int_equal(f.nslots, nslots);
	assert_int_equal(facts_expect(&f, nslots), 0);
	assert_true(f.nslots >= 2 * nslots);
	for (unsigned i = 0; i < 3000; i++) {
		id_of(id, sizeof id, i);
		assert_int_equal(facts_find(&f, id, strlen(id)), (long)i);
	}
	/* past the guess, the table grows as before */
	for (unsigned i = 3000; i < 12000; i++) {
		id_of(id, sizeof id, i);
		assert_int_equal(add(&f, id, NULL), (long)i);
	}
	for (unsigned i = 0; i < 12000; i += 7) {
		id_of(id, sizeof id, i);
		assert_int_equal(facts_find(&f, id, strlen(id)), (long)i);
	}
	facts_release(&f);
}

static void a_failed_sizing_leaves_the_table_whole(void **state)
{
	(void)state;
	struct alloc_faulty fa;
	alloc_faulty_init(&fa, 0);
	struct facts f;
	facts_init(&f, &fa.base);
	char id[40];
	for (unsigned i = 0; i < 100; i++) {
		id_of(id, sizeof id, i);
		assert_int_equal(add(&f, id, NULL), (long)i);
	}
	size_t nslots = f.nslots;
	fa.fail_at = fa.calls + 1;
	assert_int_equal(facts_expect(&f, 100000), -1);
	assert_int_equal(f.nslots, nslots);
	for (unsigned i = 0; i < 100; i++) {
		id_of(id, sizeof id, i);
		assert_int_equal(facts_find(&f, id, strlen(id)), (long)i);
	}
	facts_release(&f);
	assert_int_equal(fa.live, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_id_found_after_growth),
		cmocka_unit_test(a_repeated_id_names_the_first),
		cmocka_unit_test(a_table_sized_ahead_does_not_grow),
		cmocka_unit_test(a_failed_sizing_leaves_the_table_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
