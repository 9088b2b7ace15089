/* test_ledger.c — what the listing commands copy out of every record
 * (ledger.h), how names are keyed (party.h), and the shared filters. The
 * ledger is filled the way the commands fill it: by a real analysis with
 * the ledger listening to every record. */
#include <stdlib.h>

#include "harness.h"
#include "ledger.h"
#include "party.h"

/* Read `text` into `l` as file "t.promise", in chunks of `chunk` bytes. */
static enum analysis_error load(struct ledger *l, const struct allocator *alloc, const char *text,
				uint32_t chunk)
{
	struct lint_options opt;
	lint_options_init(&opt, 0);
	opt.chunk_size = chunk;
	for (int k = 0; k < RULE_COUNT; k++)
		opt.severity[k] = SEV_OFF;
	struct analysis a;
	analysis_init(&a, &opt, alloc);
	a.on_record = ledger_on_record;
	a.on_record_ctx = l;
	enum analysis_error e = ANALYSIS_NOMEM;
	if (analysis_add_name(&a, "t.promise") == 0) {
		e = analysis_add_buffer(&a, 0, text, strlen(text));
		if (e == ANALYSIS_OK)
			e = analysis_finish(&a);
		if (e == ANALYSIS_OK && ledger_set_files(l, a.file_names, a.nfiles))
			e = ANALYSIS_NOMEM;
	}
	analysis_release(&a);
	return e;
}

static int32_t day(const char *s)
{
	int32_t d;
	assert_true(date_parse_iso(s, &d));
	return d;
}

static const char sample[] =
	"# two promises and a broken one\n"
	"promise ACME-12: Upgrade the handheld scanners at the Leeds depot\n"
	"  by:           Sara Lind <sara.lind@example.se>\n"
	"  to:           Hannah Whitfield\n"
	"                (Acme Ltd)\n"
	"  made:         2026-11-10\n"
	"  due:          2026-11-25 12:00+01:00\n"
	"  renegotiated: 2026-11-12 moved from 2026-11-20,\n"
	"                agreed by Hannah\n"
	"  extra:        2026-11-13 a spare battery per scanner\n"
	"  extra:        someday a coffee\n"
	"\n"
	"promise ACME-13: Book a maintenance window\n"
	"  by:     Hannah Whitfield (Acme Ltd)\n"
	"  due:    soon\n"
	"  status: kept 2026-11-20\n"
	"\n"
	"promise: Ship the \xff cradles\n"
	"  due:    2026-11-13\n"
	"  status: broken 2026-11-14\n";

static void copies_every_record(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, NULL, sample, 0), ANALYSIS_OK);
	assert_int_equal(l.len, 3);
	assert_int_equal(l.nfiles, 1);
	assert_string_equal(l.files[0], "t.promise");

	const struct ledger_promise *p = &l.items[0];
	assert_string_equal(p->id, "ACME-12");
	assert_string_equal(p->text, "Upgrade the handheld scanners at the Leeds depot");
	assert_string_equal(p->by, "Sara Lind <sara.lind@example.se>");
	assert_string_equal(p->by_name.display, "Sara Lind");
	assert_string_equal(p->by_name.key, "sara lind");
	assert_string_equal(p->to, "Hannah Whitfield (Acme Ltd)"); /* continuation joined */
	assert_int_equal(p->made, day("2026-11-10"));
	assert_int_equal(p->due, day("2026-11-25"));
	assert_int_equal(p->due_minute, 12 * 60);
	assert_true(p->due_has_offset);
	assert_int_equal(p->due_offset, 60);
	char iso[32];
	ledger_due_iso(p, iso);
	assert_string_equal(iso, "2026-11-25T12:00+01:00");
	assert_int_equal(p->status, STATUS_NONE);
	assert_int_equal(p->file, 0);
	assert_int_equal(p->line, 2);
	assert_int_equal(p->nrenegotiations, 1);
	assert_int_equal(p->renegotiations[0].day, day("2026-11-12"));
	assert_string_equal(p->renegotiations[0].text, "moved from 2026-11-20, agreed by Hannah");
	assert_int_equal(p->nextras, 2);
	assert_int_equal(p->extras[0].day, day("2026-11-13"));
	assert_string_equal(p->extras[0].text, "a spare battery per scanner");
	assert_int_equal(p->extras[1].day, LEDGER_NO_DATE);
	assert_string_equal(p->extras[1].text, "someday a coffee");

	p = &l.items[1];
	assert_int_equal(p->due, LEDGER_NO_DATE);
	assert_string_equal(p->due_text, "soon");
	ledger_due_iso(p, iso);
	assert_string_equal(iso, "");
	assert_int_equal(p->made, LEDGER_NO_DATE);
	assert_int_equal(p->status, STATUS_KEPT);
	assert_int_equal(p->status_day, day("2026-11-20"));
	assert_int_equal(ledger_outcome(p), OUTCOME_KEPT_ON_TIME); /* no due: not late */

	p = &l.items[2];
	assert_string_equal(p->id, "");
	assert_string_equal(p->text, "Ship the \xef\xbf\xbd cradles"); /* U+FFFD for the bad byte */
	assert_null(p->by);
	assert_string_equal(p->by_name.key, "");
	assert_int_equal(ledger_outcome(p), OUTCOME_BROKEN);
	ledger_release(&l);
}

static void chunks_do_not_matter(void **state)
{
	(void)state;
	struct ledger a, b;
	ledger_init(&a, NULL);
	ledger_init(&b, NULL);
	assert_int_equal(load(&a, NULL, sample, 0), ANALYSIS_OK);
	assert_int_equal(load(&b, NULL, sample, 32), ANALYSIS_OK);
	assert_int_equal(a.len, b.len);
	for (size_t i = 0; i < a.len; i++) {
		assert_string_equal(a.items[i].text, b.items[i].text);
		assert_string_equal(a.items[i].id, b.items[i].id);
		assert_int_equal(a.items[i].line, b.items[i].line);
		assert_int_equal(a.items[i].nextras, b.items[i].nextras);
	}
	ledger_release(&a);
	ledger_release(&b);
}

static void outcomes_and_overdue(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, NULL,
			      "promise A: on time\n  due: 2026-11-20\n  status: kept 2026-11-20\n"
			      "promise B: late\n  due: 2026-11-20\n  status: kept 2026-11-21\n"
			      "promise C: released\n  due: 2026-11-20\n  status: released 2026-11-19\n"
			      "promise D: unreadable\n  due: 2026-11-20\n  status: done\n"
			      "promise E: open, due yesterday\n  due: 2026-11-22\n"
			      "promise F: open, due today\n  due: 2026-11-23\n  status: open\n",
			      0),
			 ANALYSIS_OK);
	static const enum ledger_outcome want[] = { OUTCOME_KEPT_ON_TIME, OUTCOME_KEPT_LATE, OUTCOME_RELEASED,
						     OUTCOME_UNKNOWN, OUTCOME_OPEN, OUTCOME_OPEN };
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(ledger_outcome(&l.items[i]), want[i]);
	assert_string_equal(ledger_status_name(l.items[3].status), "invalid");
	assert_false(ledger_is_overdue(&l.items[3], day("2026-11-23")));
	assert_true(ledger_is_overdue(&l.items[4], day("2026-11-23")));
	assert_false(ledger_is_overdue(&l.items[5], day("2026-11-23"))); /* due today is not late */
	assert_true(ledger_is_overdue(&l.items[5], day("2026-11-24")));
	ledger_release(&l);
}

static void sorted_by_due(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, NULL,
			      "promise X-3: none\n"
			      "promise X-2: the end of the day\n  due: 2026-11-25\n"
			      "promise X-1: noon\n  due: 2026-11-25 12:00\n"
			      "promise X-0: vague\n  due: soon\n"
			      "promise B: early\n  due: 2026-11-01\n"
			      "promise A: early too\n  due: 2026-11-01\n",
			      0),
			 ANALYSIS_OK);
	ledger_sort_by_due(&l);
	static const char *const order[] = { "A", "B", "X-1", "X-2", "X-0", "X-3" };
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(l.items[i].id, order[i]);
	ledger_release(&l);
}

static void names_and_keys(void **state)
{
	(void)state;
	struct arena ar;
	arena_init(&ar, NULL);
	struct party_name a, b, c, d;
	static const char composed[] = "Maja Sj\xc3\xb6" "berg";
	static const char decomposed[] = "MAJA  SJO\xcc\x88" "BERG <maja@example.se> ";
	assert_int_equal(party_name(&ar, &ar, composed, (uint32_t)strlen(composed), &a), 0);
	assert_int_equal(party_name(&ar, &ar, decomposed, (uint32_t)strlen(decomposed), &b), 0);
	assert_string_equal(a.key, b.key);
	assert_string_equal(b.display, "MAJA SJO\xcc\x88" "BERG");
	assert_int_equal(party_name(&ar, &ar, "Anna (Acme)", 11, &c), 0);
	assert_int_equal(party_name(&ar, &ar, "Anna (Fjallvind)", 16, &d), 0);
	assert_string_not_equal(c.key, d.key);
	assert_true(party_matches(&a, "sjö"));
	assert_true(party_matches(&c, "acme"));
	assert_false(party_matches(&c, "fjall"));
	assert_int_equal(party_name(&ar, &ar, "<only@mail>", 11, &d), 0);
	assert_string_equal(d.key, "");
	/* An unclosed bracket is text, not an address. */
	assert_int_equal(party_name(&ar, &ar, "A <b", 4, &d), 0);
	assert_string_equal(d.display, "A <b");
	arena_release(&ar);
}

static void filters(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, NULL,
			      "promise A: late\n  by: Sara Lind\n  to: Acme Ltd\n  due: 2026-11-20\n"
			      "promise B: soon\n  by: Tom Hughes\n  to: Acme Ltd\n  due: 2026-11-30\n"
			      "promise C: later\n  by: Sara Lind\n  to: Bakker BV\n  due: 2026-12-31\n"
			      "promise D: kept\n  by: Sara Lind\n  to: Bakker BV\n  due: 2026-11-21\n"
			      "  status: kept 2026-11-20\n"
			      "promise E: undated\n  by: Sara Lind\n",
			      0),
			 ANALYSIS_OK);
	struct ledger_filter f;
	char got[16];
#define MATCHES(f, out)                                                       \
	do {                                                                  \
		size_t n = 0;                                                 \
		for (size_t i = 0; i < l.len; i++)                            \
			if (ledger_filter_match(&(f), &l.items[i]))           \
				got[n++] = l.items[i].id[0];                  \
		got[n] = '\0';                                                \
		assert_string_equal(got, out);                                \
	} while (0)
	ledger_filter_init(&f, day("2026-11-23"));
	MATCHES(f, "ABCDE");
	f.overdue = true;
	MATCHES(f, "A");
	ledger_filter_init(&f, day("2026-11-23"));
	f.due_within = 7; /* through 2026-11-30, overdue included, open only */
	MATCHES(f, "AB");
	f.by = "sara";
	MATCHES(f, "A");
	ledger_filter_init(&f, day("2026-11-23"));
	f.to = "bakker";
	MATCHES(f, "CD");
	assert_true(ledger_parse_statuses("kept,open", &f.statuses));
	MATCHES(f, "CD");
	assert_true(ledger_parse_statuses("broken", &f.statuses));
	MATCHES(f, "");
	unsigned bits;
	assert_false(ledger_parse_statuses("done", &bits));
	assert_false(ledger_parse_statuses("", &bits));
	assert_true(ledger_parse_statuses("open,", &bits));
	assert_int_equal(bits, LEDGER_OPEN);
	assert_true(ledger_parse_statuses("released", &bits));
	assert_int_equal(bits, LEDGER_RELEASED);
	ledger_release(&l);
}

static void empty_input(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, NULL, "", 0), ANALYSIS_OK);
	assert_int_equal(l.len, 0);
	ledger_sort_by_due(&l);
	ledger_release(&l);
}

static void out_of_memory_everywhere(void **state)
{
	(void)state;
	int succeeded = 0;
	for (unsigned long fail_at = 1; !succeeded && fail_at < 5000; fail_at++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, fail_at);
		struct ledger l;
		ledger_init(&l, &f.base);
		enum analysis_error e = load(&l, &f.base, sample, 0);
		if (e == ANALYSIS_OK) {
			succeeded = 1;
			assert_int_equal(l.len, 3);
		} else {
			assert_int_equal(e, ANALYSIS_NOMEM);
		}
		ledger_release(&l);
		assert_int_equal(f.live, 0);
	}
	assert_true(succeeded);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(copies_every_record),
		cmocka_unit_test(chunks_do_not_matter),
		cmocka_unit_test(outcomes_and_overdue),
		cmocka_unit_test(sorted_by_due),
		cmocka_unit_test(names_and_keys),
		cmocka_unit_test(filters),
		cmocka_unit_test(empty_input),
		cmocka_unit_test(out_of_memory_everywhere),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
