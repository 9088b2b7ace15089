/* duplicate-id — an ID defined twice among all files linted together. The
 * facts hold every record seen before this one, so the check is a lookup. */
#include "../facts.h"
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	if (c->duplicate_of < 0)
		return;
	const struct promise_fact *first = &c->facts->promises[c->duplicate_of];
	char q[96];
	const char *hint = _("give each promise its own ID; references by ID must be unambiguous");
	if (first->file == c->file)
		rule_report(c, RULE_DUPLICATE_ID, r->line, r->id, hint,
			    _("duplicate promise ID '%s': first defined on line %u"),
			    rule_quote(c, r->id, q, 64), first->line);
	else
		rule_report(c, RULE_DUPLICATE_ID, r->line, r->id, hint,
			    _("duplicate promise ID '%s': first defined on line %u of %s"),
			    rule_quote(c, r->id, q, 64), first->line, c->file_names[first->file]);
}

const struct rule rule_duplicate_id = {
	.name = "duplicate-id",
	.code = "P004",
	.severity = SEV_ERROR,
	.step = 0,
	.summary = N_("Two promises share an ID."),
	.explanation =
		"IDs are how promises refer to each other (`in-return: ACME-2`) and how\n"
		"history follows a promise. They must be unique across all files linted\n"
		"together.",
	.bad = "promise ACME-2: Send the quote\n...\npromise ACME-2: Visit the site\n",
	.good = "promise ACME-2: Send the quote\n...\npromise ACME-3: Visit the site\n",
	.check_record = check,
	.ordered = true,
};
