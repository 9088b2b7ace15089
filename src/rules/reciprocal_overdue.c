/* reciprocal-overdue — what was asked in return is itself overdue. */
#include "../facts.h"
#include "../i18n.h"
#include "../rules.h"

static const char hint[] = N_("remind the other party: they owe you, and your promise may depend on it");
static const char message[] = N_("%s, asked in return, is overdue since %s (%ld days)");

static bool owes(const struct promise_fact *p, int32_t today)
{
	return (p->status == STATUS_NONE || p->status == STATUS_OPEN) && p->due != FACT_NO_DATE &&
	       p->due < today;
}

/* References to a promise already read are judged at once. */
static void check_record(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	if (!c->nrefs)
		return;
	int32_t today = rule_today(c);
	char due[11], id[128];
	uint32_t k = 0;
	for (int32_t i = r->first[KEY_IN_RETURN]; k < c->nrefs; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_IN_RETURN || !f->ref)
			continue;
		long t = rule_ref_fact(c, k++, f);
		if (t < 0 || !owes(&c->facts->promises[t], today))
			continue;
		const struct promise_fact *p = &c->facts->promises[t];
		date_format(p->due, due);
		rule_report(c, RULE_RECIPROCAL_OVERDUE, f->line, f->value, _(hint), _(message),
			    rule_quote(c, f->value, id, sizeof id), due, (long)(today - p->due));
	}
}

/* References forward, kept until every promise was read. */
static void check_facts(struct rule_ctx *c)
{
	const struct facts *f = c->facts;
	int32_t today = rule_today(c);
	char due[11];
	for (size_t i = 0; i < f->nrefs; i++) {
		const struct ref_fact *ref = &f->refs[i];
		long t = facts_find(f, ref->target, ref->target_len);
		if (t < 0 || !owes(&f->promises[t], today))
			continue;
		date_format(f->promises[t].due, due);
		rule_report_at(c, RULE_RECIPROCAL_OVERDUE, &ref->where, _(hint), _(message), ref->target, due,
			       (long)(today - f->promises[t].due));
	}
}

const struct rule rule_reciprocal_overdue = {
	.name = "reciprocal-overdue",
	.code = "P303",
	.severity = SEV_WARNING,
	.step = 3,
	.summary = N_("The promise asked in return is overdue: they owe you."),
	.explanation =
		"Reciprocity works both ways. When the promise the other party made in return\n"
		"is overdue, your own promise may be at risk, and it is the moment to remind\n"
		"them, before your side slips too.",
	.bad = "  in-return: ACME-2     # ACME-2 was due 2026-11-10 and is still open\n",
	.good = "  in-return: ACME-2     # ACME-2 kept 2026-11-09\n",
	.check_record = check_record,
	.ordered = true,
	.check_facts = check_facts,
};
