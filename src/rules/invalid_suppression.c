/* invalid-suppression — a `# promise-ignore` directive that cannot be
 * obeyed: no reason, no rule, or a rule that does not exist. The directive
 * syntax is suppress.h's; this rule only reports what does not fit it. */
#include "../i18n.h"
#include "../rules.h"
#include "../suppress.h"

static int visit(void *ctx, const struct comment *cm, const struct record *r, const struct field *f,
		 const struct suppress_directive *d)
{
	(void)f;
	struct rule_ctx *c = ctx;
	c->r = r;
	struct span whole = cm->text;
	if (!d->rules_len) {
		rule_report(c, RULE_INVALID_SUPPRESSION, cm->line, whole,
			    _("write `# promise-ignore RULE -- REASON`; 'promise rules' lists the rules"),
			    _("promise-ignore names no rule"));
	} else if (!d->reason_len) {
		rule_report(c, RULE_INVALID_SUPPRESSION, cm->line, whole,
			    _("add ` -- ` and why the rule does not apply here"),
			    _("promise-ignore needs a reason after ' -- '; it silences nothing without one"));
	}
	const unsigned char *t = c->m->buf + cm->text.off;
	uint32_t pos = 0, a, b;
	char q[80];
	while (suppress_next_rule(t, d, &pos, &a, &b)) {
		if (suppress_rule_at(t, a, b) >= 0)
			continue;
		struct span at = { cm->text.off + a, b - a };
		rule_report(c, RULE_INVALID_SUPPRESSION, cm->line, at,
			    _("'promise rules' lists the rules by name and code"),
			    _("promise-ignore names '%s', which is not a rule"), rule_quote(c, at, q, 60));
	}
	c->r = NULL;
	return 0;
}

static void check(struct rule_ctx *c)
{
	suppress_visit(c->m, c->scratch, visit, c);
	arena_reset(c->scratch);
}

const struct rule rule_invalid_suppression = {
	.name = "invalid-suppression",
	.code = "P009",
	.severity = SEV_WARNING,
	.step = 0,
	.summary = N_("A promise-ignore directive without a reason or with an unknown rule."),
	.explanation =
		"The directive is `# promise-ignore RULE[,RULE...] -- REASON`, on a comment\n"
		"line directly above a promise (for the whole promise) or a field (for that\n"
		"field). Rules are named as `promise rules` lists them, by name or code. The\n"
		"reason after ` -- ` is required: whoever reads the file next must know why\n"
		"the rule does not apply. A directive without a reason silences nothing; an\n"
		"unknown rule name is reported and the other names still apply.",
	.bad = "# promise-ignore overdue\npromise ACME-7: Replace the pumps\n",
	.good = "# promise-ignore overdue -- the customer moved the date by phone; recorded Monday\n"
		"promise ACME-7: Replace the pumps\n",
	.check_chunk = check,
};
