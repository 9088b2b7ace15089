/* reciprocal-overdue — what was asked in return is itself overdue. */
#include "../facts.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct facts *f = c->facts;
	int32_t today = rule_today(c);
	char due[11];
	for (size_t i = 0; i < f->nrefs; i++) {
		const struct ref_fact *ref = &f->refs[i];
		long t = facts_find(f, ref->target, ref->target_len);
		if (t < 0)
			continue;
		const struct promise_fact *p = &f->promises[t];
		if ((p->status != STATUS_NONE && p->status != STATUS_OPEN) || p->due == FACT_NO_DATE ||
		    p->due >= today)
			continue;
		date_format(p->due, due);
		rule_report_at(c, RULE_RECIPROCAL_OVERDUE, &ref->where,
			       "remind the other party: they owe you, and your promise may depend on it",
			       "%s, asked in return, is overdue since %s (%ld days)", ref->target, due,
			       (long)(today - p->due));
	}
}

const struct rule rule_reciprocal_overdue = {
	.name = "reciprocal-overdue",
	.code = "P303",
	.severity = SEV_WARNING,
	.step = 3,
	.summary = "The promise asked in return is overdue: they owe you.",
	.explanation =
		"Reciprocity works both ways. When the promise the other party made in return\n"
		"is overdue, your own promise may be at risk, and it is the moment to remind\n"
		"them, before your side slips too.",
	.bad = "  in-return: ACME-2     # ACME-2 was due 2026-11-10 and is still open\n",
	.good = "  in-return: ACME-2     # ACME-2 kept 2026-11-09\n",
	.check_facts = check,
};
