/* test_rules_load.c — the rules about load across promises: over-committed
 * (one person holds too many open promises due soon) and habitual-extra
 * (one party keeps receiving extras). Each fires at the exact position on a
 * bad set of promises and stays quiet on the good one next to it. */
#include <stdlib.h>

#include "harness.h"

/* Today is 2026-11-23 in lint_text(); 14 days on is 2026-12-07. */
#define OPEN(id, by, made, due) \
	"promise " id ": Deliver the part numbered " id "\n" \
	"  by:   " by "\n" \
	"  made: " made "\n" \
	"  due:  " due "\n\n"

/* Five promises one person already holds within the window, written with
 * the name in different ways: they are one person. */
#define FIVE_FOR_SARA \
	OPEN("S-1", "Sara Lind", "2026-11-02", "2026-11-24") \
	OPEN("S-2", "sara lind <sara@example.se>", "2026-11-03", "2026-11-30") \
	OPEN("S-3", "SARA  LIND", "2026-11-04", "2026-12-01") \
	OPEN("S-4", "Sara Lind", "2026-11-05", "2026-12-04") \
	OPEN("S-5", "Sara Lind", "2026-11-01", "2026-11-20")

static struct lint_result *lint_with(struct lint_result *r, const char *text, int capacity,
				     int window)
{
	int32_t day;
	assert_true(date_parse_iso("2026-11-23", &day));
	lint_options_init(&r->opt, day);
	if (capacity >= 0)
		r->opt.capacity = capacity;
	if (window >= 0)
		r->opt.capacity_window_days = window;
	analysis_init(&r->a, &r->opt, NULL);
	assert_int_equal(analysis_add_name(&r->a, "t.promise"), 0);
	assert_int_equal(analysis_add_buffer(&r->a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r->a), ANALYSIS_OK);
	return r;
}

static void over_committed_defaults(void **state)
{
	(void)state;
	struct lint_options o;
	lint_options_init(&o, 0);
	assert_int_equal(o.capacity, 5);
	assert_int_equal(o.capacity_window_days, 14);
	assert_int_equal(rule_table[RULE_OVER_COMMITTED]->severity, SEV_WARNING);
	assert_int_equal(rule_lookup("over-committed"), RULE_OVER_COMMITTED);
	assert_int_equal(rule_lookup("P407"), RULE_OVER_COMMITTED);
}

static void over_committed_at_capacity_is_quiet(void **state)
{
	(void)state;
	struct lint_result r;
	/* Five held, plus one kept, one released, one due after the window and
	 * one without a date: none of those four counts. */
	lint_text(&r, FIVE_FOR_SARA
		  "promise S-6: Deliver the sixth part\n  by: Sara Lind\n  due: 2026-11-25\n"
		  "  status: kept 2026-11-22\n\n"
		  "promise S-7: Deliver the seventh part\n  by: Sara Lind\n  due: 2026-11-26\n"
		  "  status: released 2026-11-21\n\n"
		  "promise S-8: Deliver the eighth part\n  by: Sara Lind\n  due: 2026-12-08\n\n"
		  "promise S-9: Deliver the ninth part\n  by: Sara Lind\n  due: soon\n");
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 0);
	lint_done(&r);
}

static void over_committed_one_too_many(void **state)
{
	(void)state;
	struct lint_result r;
	/* S-6 is the sixth by the date it was made (S-7 came later still), so
	 * the finding stands on S-6's `by:` value: line 27, columns 9-18. */
	lint_text(&r, FIVE_FOR_SARA
		  OPEN("S-6", "Sara Lind", "2026-11-20", "2026-12-07")
		  OPEN("S-7", "Sara Lind", "2026-11-21", "2026-11-27")
		  OPEN("T-1", "Tom Hughes", "2026-11-21", "2026-11-27"));
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 1);
	const struct diag *d = expect_at(&r, RULE_OVER_COMMITTED, 27, 9, 18);
	assert_string_equal(d->promise, "S-6");
	assert_non_null(strstr(d->message, "Sara Lind holds 7 open promises due by 2026-12-07"));
	assert_non_null(strstr(d->message, "capacity of 5"));
	/* Listed by due date; the overdue S-5 counts and comes first. */
	assert_non_null(strstr(d->message, ": S-5, S-1, S-7, S-2, S-3, S-4, S-6"));
	assert_int_equal(d->severity, SEV_WARNING);
	lint_done(&r);
}

/* Loads are grouped by person however they interleave, with enough
 * persons that the table of persons grows: two of fifty persons hold
 * seven promises each (over the capacity of five), written alternately
 * between the others'. */
static void over_committed_groups_interleaved_persons(void **state)
{
	(void)state;
	char *text = malloc(64 * 1024);
	assert_non_null(text);
	size_t n = 0;
	for (int i = 0; i < 50; i++) {
		n += (size_t)sprintf(text + n, OPEN("X-%d", "Person %d", "2026-11-01", "2026-11-30"), i, i, i);
		if (i < 7) {
			n += (size_t)sprintf(text + n, OPEN("A-%d", "Ann Berg", "2026-11-%02d", "2026-12-01"), i, i, 10 + i);
			n += (size_t)sprintf(text + n, OPEN("B-%d", "Bo Dahl", "2026-11-%02d", "2026-12-02"), i, i, 10 + i);
		}
	}
	struct lint_result r;
	lint_text(&r, text);
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 2);
	size_t seen = 0;
	for (size_t i = 0; i < r.a.diags.len; i++) {
		const struct diag *d = &r.a.diags.items[i];
		if (d->rule != RULE_OVER_COMMITTED)
			continue;
		/* the sixth made of each, A-5 and B-5, tips the count */
		if (!strcmp(d->promise, "A-5"))
			assert_non_null(strstr(d->message, "Ann Berg holds 7 open promises")), seen |= 1;
		else if (!strcmp(d->promise, "B-5"))
			assert_non_null(strstr(d->message, "Bo Dahl holds 7 open promises")), seen |= 2;
	}
	assert_int_equal(seen, 3);
	lint_done(&r);
	free(text);
}

static void over_committed_options(void **state)
{
	(void)state;
	struct lint_result r;
	const char *text = FIVE_FOR_SARA OPEN("S-6", "Sara Lind", "2026-11-20", "2026-12-07");
	lint_with(&r, text, 6, -1);
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 0);
	lint_done(&r);
	/* A 7-day window leaves S-4 (12-04) and S-6 (12-07) out. */
	lint_with(&r, text, -1, 7);
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 0);
	lint_done(&r);
	/* Capacity 3 within 8 days: S-5, S-1, S-2, S-3 are four. S-3 (made
	 * 11-04) is the fourth by date made. */
	lint_with(&r, text, 3, 8);
	const struct diag *d = find_rule(&r, RULE_OVER_COMMITTED);
	assert_non_null(d);
	assert_string_equal(d->promise, "S-3");
	assert_non_null(strstr(d->message, "holds 4 open promises due by 2026-12-01"));
	lint_done(&r);
	/* Capacity 0: every open promise due soon is one too many. */
	lint_with(&r, text, 0, -1);
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 1);
	lint_done(&r);
	/* Switched off, it says nothing and collects nothing. */
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	r.opt.severity[RULE_OVER_COMMITTED] = SEV_OFF;
	analysis_init(&r.a, &r.opt, NULL);
	analysis_add_name(&r.a, "t.promise");
	assert_int_equal(analysis_add_buffer(&r.a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	assert_int_equal(count_rule(&r, RULE_OVER_COMMITTED), 0);
	assert_int_equal(r.a.facts.nloads, 0);
	lint_done(&r);
}

static void over_committed_across_files_and_chunks(void **state)
{
	(void)state;
	/* Three promises in each of two files, read in 64-byte chunks: the
	 * facts outlive every chunk and the person is counted across files. */
	static const char one[] = OPEN("A-1", "Sara Lind", "2026-11-01", "2026-11-24")
		OPEN("A-2", "Sara Lind", "2026-11-02", "2026-11-25")
		OPEN("A-3", "Sara Lind", "2026-11-03", "2026-11-26");
	static const char two[] = OPEN("B-1", "Sara Lind", "2026-11-04", "2026-11-27")
		OPEN("B-2", "Sara Lind", "2026-11-05", "2026-11-28")
		OPEN("B-3", "Sara Lind", "2026-11-06", "2026-11-29");
	struct lint_result r;
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	r.opt.chunk_size = 64;
	analysis_init(&r.a, &r.opt, NULL);
	assert_int_equal(analysis_add_name(&r.a, "one.promise"), 0);
	assert_int_equal(analysis_add_name(&r.a, "two.promise"), 1);
	assert_int_equal(analysis_add_buffer(&r.a, 0, one, sizeof one - 1), ANALYSIS_OK);
	assert_int_equal(analysis_add_buffer(&r.a, 1, two, sizeof two - 1), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	const struct diag *d = find_rule(&r, RULE_OVER_COMMITTED);
	assert_non_null(d);
	assert_int_equal(d->file, 1);
	assert_int_equal(d->line, 12);
	assert_string_equal(d->promise, "B-3");
	assert_memory_equal(d->excerpt, "  by:   Sara Lind", 17);
	lint_done(&r);
}

#define EXTRAS(id, to, e1, e2) \
	"promise " id ": Deliver the chilled shipment every Tuesday before 10:00\n" \
	"  to:    " to "\n" \
	"  extra: " e1 "\n" \
	"  extra: " e2 "\n\n"

static void habitual_extra_fires_on_the_latest(void **state)
{
	(void)state;
	struct lint_result r;
	/* Four extras to one party over two promises (names spelled two ways);
	 * the latest, 2026-11-16, is in N-2 on line 8, and all four fall in
	 * the 90 days up to it. Written out of date order on purpose. The
	 * message names the party as the flagged line writes it. */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser (Noordzee Logistiek)", "2026-10-05 Monday express delivery",
			     "2026-09-14 Monday express delivery")
		      EXTRAS("N-2", "marieke visser  (Noordzee Logistiek)", "2026-11-16 Monday express delivery",
			     "2026-10-19 Monday express delivery"));
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 1);
	const struct diag *d = expect_at(&r, RULE_HABITUAL_EXTRA, 8, 10, 44);
	assert_string_equal(d->promise, "N-2");
	assert_non_null(strstr(d->message, "marieke visser (Noordzee Logistiek) received 4 extras in 90 days "
					   "(2026-09-14 to 2026-11-16)"));
	assert_int_equal(d->severity, SEV_WARNING);
	lint_done(&r);
}

static void habitual_extra_quiet_cases(void **state)
{
	(void)state;
	struct lint_result r;
	/* Two extras: occasional. */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser", "2026-10-05 express", "2026-10-19 express"));
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 0);
	lint_done(&r);
	/* Three, but to three parties. */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser", "2026-10-05 express", "2026-10-19 express")
		      "promise N-2: Ship pallets\n  to: Bram de Wit\n  extra: 2026-10-20 express\n");
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 0);
	lint_done(&r);
	/* Three to one party, but spread over more than 90 days: the 89 days
	 * from 2026-08-19 to 2026-11-16 hold only two. */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser", "2026-08-18 express", "2026-10-19 express")
		      "promise N-2: Ship pallets\n  to: Marieke Visser\n  extra: 2026-11-16 express\n");
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 0);
	lint_done(&r);
	/* Day 89 is still inside: three within 90 days. */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser", "2026-08-19 express", "2026-10-19 express")
		      "promise N-2: Ship pallets\n  to: Marieke Visser\n  extra: 2026-11-16 express\n");
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 1);
	lint_done(&r);
	/* A habit that stopped: three in spring, one in November. */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser", "2026-03-02 express", "2026-03-09 express")
		      "promise N-2: Ship pallets\n  to: Marieke Visser\n  extra: 2026-03-16 express\n"
		      "  extra: 2026-11-16 express\n");
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 0);
	lint_done(&r);
	/* Extras without a readable date, or with nobody in `to:`, are not
	 * counted (invalid-date and missing-promisee say why). */
	lint_text(&r, EXTRAS("N-1", "Marieke Visser", "2026-10-05 express", "2026-10-19 express")
		      "promise N-2: Ship pallets\n  to: Marieke Visser\n  extra: express on Monday\n"
		      "promise N-3: Ship pallets\n  extra: 2026-10-20 express\n");
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 0);
	lint_done(&r);
}

static void the_samples_show_both(void **state)
{
	(void)state;
	/* samples/ holds a repeated extra and an over-committed person on
	 * purpose (samples/README.md). */
	static const char *const files[] = { "samples/accounts/noordzee-logistiek.promise",
					     "samples/support/escalations.promise",
					     "samples/internal/release-2026-12.promise",
					     "samples/accounts/acme.promise",
					     "samples/accounts/fjallvind-energi.promise" };
	struct lint_result r;
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	analysis_init(&r.a, &r.opt, NULL);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		FILE *f = fopen(files[i], "rb");
		assert_non_null(f);
		char buf[1 << 15];
		size_t n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		assert_int_equal(analysis_add_name(&r.a, files[i]), (long)i);
		assert_int_equal(analysis_add_buffer(&r.a, (uint32_t)i, buf, n), ANALYSIS_OK);
	}
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	const struct diag *d = find_rule(&r, RULE_HABITUAL_EXTRA);
	assert_non_null(d);
	assert_string_equal(d->promise, "NZL-6");
	d = find_rule(&r, RULE_OVER_COMMITTED);
	assert_non_null(d);
	assert_non_null(strstr(d->message, "Sara Lind holds 7 open promises"));
	lint_done(&r);
}

/* Every allocation failure on the way is an error value, and nothing leaks. */
static void out_of_memory_everywhere(void **state)
{
	(void)state;
	const char *text = FIVE_FOR_SARA OPEN("S-6", "Sara Lind", "2026-11-20", "2026-12-07")
		EXTRAS("N-1", "Marieke Visser", "2026-10-05 express", "2026-10-19 express")
		EXTRAS("N-2", "Marieke Visser", "2026-10-25 express", "2026-11-02 express");
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	struct lint_options opt;
	lint_options_init(&opt, day);
	int succeeded = 0;
	for (unsigned long fail_at = 1; !succeeded && fail_at < 5000; fail_at++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, fail_at);
		struct analysis a;
		analysis_init(&a, &opt, &f.base);
		enum analysis_error e = ANALYSIS_NOMEM;
		if (analysis_add_name(&a, "t.promise") == 0) {
			e = analysis_add_buffer(&a, 0, text, strlen(text));
			if (e == ANALYSIS_OK)
				e = analysis_finish(&a);
		}
		if (e == ANALYSIS_OK) {
			succeeded = 1;
			size_t n = 0;
			for (size_t i = 0; i < a.diags.len; i++)
				n += a.diags.items[i].rule == RULE_OVER_COMMITTED ||
				     a.diags.items[i].rule == RULE_HABITUAL_EXTRA;
			assert_int_equal(n, 2);
		} else {
			assert_int_equal(e, ANALYSIS_NOMEM);
		}
		analysis_release(&a);
		assert_int_equal(f.live, 0);
	}
	assert_true(succeeded);
}

static void both_have_docs(void **state)
{
	(void)state;
	for (int k = RULE_OVER_COMMITTED; k <= RULE_HABITUAL_EXTRA; k++) {
		const struct rule *r = rule_table[k];
		assert_int_equal(r->step, 4);
		assert_non_null(r->check_facts);
		assert_true(strlen(r->explanation) > 200);
		assert_true(strlen(r->bad) > 20 && strlen(r->good) > 20);
	}
	assert_string_equal(rule_table[RULE_HABITUAL_EXTRA]->code, "P408");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(over_committed_defaults),
		cmocka_unit_test(over_committed_at_capacity_is_quiet),
		cmocka_unit_test(over_committed_one_too_many),
		cmocka_unit_test(over_committed_groups_interleaved_persons),
		cmocka_unit_test(over_committed_options),
		cmocka_unit_test(over_committed_across_files_and_chunks),
		cmocka_unit_test(habitual_extra_fires_on_the_latest),
		cmocka_unit_test(habitual_extra_quiet_cases),
		cmocka_unit_test(the_samples_show_both),
		cmocka_unit_test(out_of_memory_everywhere),
		cmocka_unit_test(both_have_docs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
