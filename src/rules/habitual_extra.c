/* habitual-extra — the same party received extras again and again.
 *
 * The extras (dated `extra:` entries with the party in `to:`, facts.h) are
 * sorted by party and date; a party whose latest extra has at least two
 * more before it in the 90 days up to it gets one finding, on that latest
 * extra. Judging only the window that ends at the latest extra means a
 * habit that stopped long ago is not raised again. Rejected: a finding per
 * extra past the second — a habit is one thing to talk about. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../facts.h"
#include "../i18n.h"
#include "../rules.h"

enum { HABIT_EXTRAS = 3, HABIT_DAYS = 90 };

static int by_party_then_day(const void *pa, const void *pb, void *ctx)
{
	const struct extra_fact *extras = ctx;
	uint32_t ia = *(const uint32_t *)pa, ib = *(const uint32_t *)pb;
	const struct extra_fact *a = &extras[ia], *b = &extras[ib];
	int c = strcmp(a->party, b->party);
	if (c)
		return c;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return ia < ib ? -1 : ia > ib; /* the order they were written in */
}

static void check(struct rule_ctx *c)
{
	const struct facts *f = c->facts;
	if (f->nextras < HABIT_EXTRAS)
		return;
	uint32_t *idx = arena_alloc(c->scratch, f->nextras * sizeof *idx);
	if (!idx)
		return; /* the arena's failure reaches analysis_finish() */
	for (size_t i = 0; i < f->nextras; i++)
		idx[i] = (uint32_t)i;
	qsort_r(idx, f->nextras, sizeof *idx, by_party_then_day, f->extras);
	for (size_t i = 0, j; i < f->nextras; i = j) {
		for (j = i + 1; j < f->nextras && !strcmp(f->extras[idx[j]].party, f->extras[idx[i]].party); j++)
			;
		const struct extra_fact *last = &f->extras[idx[j - 1]];
		size_t first = j - 1;
		while (first > i && last->day - f->extras[idx[first - 1]].day < HABIT_DAYS)
			first--;
		size_t n = j - first;
		if (n < HABIT_EXTRAS)
			continue;
		char from[11], to[11];
		date_format(f->extras[idx[first]].day, from);
		date_format(last->day, to);
		rule_report_at(c, RULE_HABITUAL_EXTRA, &last->where,
			       _("keep extras occasional and unexpected, or make this one part of the "
				 "agreement, with its price"),
			       _("%s received %zu extras in %d days (%s to %s): given this often, an extra "
				 "becomes an expected right"),
			       last->name, n, HABIT_DAYS, from, to);
	}
}

const struct rule rule_habitual_extra = {
	.name = "habitual-extra",
	.code = "P408",
	.severity = SEV_WARNING,
	.step = 4,
	.summary = N_("The same party received extras again and again."),
	.explanation =
		"Doing more than promised pleases when it is occasional and unexpected.\n"
		"Given again and again, an extra stops being noticed and turns into a right\n"
		"the other party expects, while it still costs as much: the paradox of\n"
		"excellent performance. What earns trust first is keeping the promise\n"
		"itself. The rule collects the dated `extra:` entries of all promises by\n"
		"the party in `to:` (names compared ignoring case, spacing and e-mail\n"
		"addresses) and flags a party that received 3 or more extras within the\n"
		"90 days up to its latest one; the finding stands on that latest extra.\n"
		"Talk about it: stop it, or make it part of the agreement and its price.",
	.bad = "promise NZL-3: Deliver the chilled shipment every Tuesday before 10:00\n"
	       "  to:    Marieke Visser (Noordzee Logistiek)\n"
	       "  extra: 2026-09-14 Monday express delivery at no charge\n"
	       "  extra: 2026-10-05 Monday express delivery at no charge\n"
	       "  extra: 2026-10-19 Monday express delivery at no charge\n",
	.good = "promise NZL-3: Deliver the chilled shipment every Tuesday before 10:00\n"
		"  to:    Marieke Visser (Noordzee Logistiek)\n"
		"  extra: 2026-09-14 Monday express delivery at no charge\n"
		"  note:  express deliveries are priced from October on (contract annex C)\n",
	.check_facts = check,
};
