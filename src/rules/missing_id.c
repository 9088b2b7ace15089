/* missing-id — `promise: text` parses, but nothing can refer to it. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	if (r->id.len || (r->flags & RECORD_BAD_HEADER))
		return;
	rule_report(c, RULE_MISSING_ID, r->line, r->keyword,
		    _("write `promise ID: text` with an ID such as ACME-12"),
		    _("promise without an ID"));
}

const struct rule rule_missing_id = {
	.name = "missing-id",
	.code = "P201",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promise header without an ID."),
	.explanation =
		"An ID lets the other party's promise point at this one (`in-return:`), lets\n"
		"history follow the promise through edits, and gives people a short name to\n"
		"use in mail and tickets. IDs are letters, digits, '-', '_' and '.', starting\n"
		"with a letter.",
	.bad = "promise: Replace the faulty pump\n",
	.good = "promise ACME-3: Replace the faulty pump\n",
	.check_record = check,
	.when = TRAIT_NO_ID,
};
