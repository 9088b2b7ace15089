/* over-committed — one person holds more open promises due soon than the
 * capacity allows.
 *
 * The loads (open promises due by today + window, facts.h) are sorted by
 * person, then by the date each promise was made; the promise that took a
 * person past the capacity is where the finding stands, since it is the
 * one that should not have been made (or should be handed over). Promises
 * already overdue count: they are still owed. Rejected: one finding per
 * promise over the capacity — one person, one finding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../facts.h"
#include "../options.h"
#include "../i18n.h"
#include "../rules.h"

enum { LIST_MAX = 10 };

/* What the loads are sorted by, copied out of them: a sort that reached
 * into the loads and compared person strings spent its time waiting for
 * memory. Persons come in the order first seen (person_id); only grouping
 * matters there, and each finding stands at its own `by:`. */
struct load_key {
	uint32_t person;
	int32_t made, due;
	uint32_t promise, load;
};

static int by_person_then_made(const void *pa, const void *pb)
{
	const struct load_key *a = pa, *b = pb;
	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	if (a->made != b->made)
		return a->made < b->made ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return a->promise < b->promise ? -1 : a->promise > b->promise;
}

static int by_due(const void *pa, const void *pb, void *ctx)
{
	const struct load_fact *loads = ctx;
	const struct load_fact *a = &loads[*(const uint32_t *)pa], *b = &loads[*(const uint32_t *)pb];
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return a->promise < b->promise ? -1 : a->promise > b->promise;
}

static void report(struct rule_ctx *c, const uint32_t *run, size_t n)
{
	const struct facts *f = c->facts;
	const struct load_fact *tip = &f->loads[run[c->opt->capacity]];
	uint32_t *order = arena_alloc(c->scratch, n * sizeof *order);
	if (!order)
		return;
	memcpy(order, run, n * sizeof *order);
	qsort_r(order, n, sizeof *order, by_due, f->loads);

	char ids[LIST_MAX * 40 + 32], until[11];
	size_t len = 0;
	for (size_t i = 0; i < n && i < LIST_MAX; i++) {
		const char *id = facts_id(f, &f->promises[f->loads[order[i]].promise]);
		len += (size_t)snprintf(ids + len, sizeof ids - len, "%s%.32s", i ? ", " : "", *id ? id : "(no ID)");
	}
	if (n > LIST_MAX)
		snprintf(ids + len, sizeof ids - len, _(" and %zu more"), n - LIST_MAX);
	date_format(c->opt->today + c->opt->capacity_window_days, until);
	rule_report_at(c, RULE_OVER_COMMITTED, &tip->where,
		       _("hand a promise over, agree a later date with its promisee, or say no to the next "
			 "one (--capacity and --capacity-window set the limit)"),
		       _("%s holds %zu open promises due by %s, more than the capacity of %d: %s"), tip->name, n,
		       until, c->opt->capacity, ids);
}

static void check(struct rule_ctx *c)
{
	const struct facts *f = c->facts;
	if (f->nloads <= (size_t)c->opt->capacity)
		return;
	struct load_key *keys = arena_alloc(c->scratch, f->nloads * sizeof *keys);
	uint32_t *idx = arena_alloc(c->scratch, f->nloads * sizeof *idx);
	if (!keys || !idx)
		return; /* the arena's failure reaches analysis_finish() */
	for (size_t i = 0; i < f->nloads; i++) {
		const struct load_fact *l = &f->loads[i];
		keys[i] = (struct load_key){ l->person_id, l->made, l->due, l->promise, (uint32_t)i };
	}
	qsort(keys, f->nloads, sizeof *keys, by_person_then_made);
	for (size_t i = 0; i < f->nloads; i++)
		idx[i] = keys[i].load;
	for (size_t i = 0, j; i < f->nloads; i = j) {
		for (j = i + 1; j < f->nloads && keys[j].person == keys[i].person; j++)
			;
		if (j - i > (size_t)c->opt->capacity)
			report(c, idx + i, j - i);
	}
}

const struct rule rule_over_committed = {
	.name = "over-committed",
	.code = "P407",
	.severity = SEV_WARNING,
	.step = 4,
	.summary = N_("One person holds more open promises due soon than a set capacity."),
	.explanation =
		"Promise less, keep more. Every promise made feels good on the day and is\n"
		"work on the day it falls due, often for a colleague who inherits it. When\n"
		"one person holds more open promises due within the window than they can\n"
		"keep, the next one to break is already written. The rule counts, per person\n"
		"in `by:`, the open promises due on or before today plus the window\n"
		"(overdue ones included: they are still owed) and flags more than the\n"
		"capacity: 5 promises within 14 days unless `--capacity N` and\n"
		"`--capacity-window DAYS` (`14d`, `2w`) say otherwise. Names are compared\n"
		"ignoring case, spacing and e-mail addresses. The finding stands on the\n"
		"promise that went over the capacity, by the date it was made. Hand work\n"
		"over, agree later dates while there is time, or decline the next request.",
	.bad = "# Sara Lind already holds five promises due within two weeks.\n"
	       "promise SUP-110: Restore the Bristol export and send a sample file\n"
	       "  by:   Sara Lind\n"
	       "  made: 2026-11-21\n"
	       "  due:  2026-11-27\n",
	.good = "promise SUP-110: Restore the Bristol export and send a sample file\n"
		"  by:   Tom Hughes\n"
		"  made: 2026-11-21\n"
		"  due:  2026-11-27\n"
		"  note: Sara's week was full; Tom took this one over\n",
	.check_facts = check,
};
