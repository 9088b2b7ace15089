/* unused-suppression — a `# promise-ignore` directive that silenced
 * nothing. A directive standing above neither a promise nor a field is
 * found here, per chunk; one that is attached but matched no finding is
 * only known at the end of the run, and the suppression module
 * (suppress.h) reports it under this rule. */
#include "../i18n.h"
#include "../rules.h"
#include "../suppress.h"

static int visit(void *ctx, const struct comment *cm, const struct record *r, const struct field *f,
		 const struct suppress_directive *d)
{
	(void)f;
	struct rule_ctx *c = ctx;
	if (r || !d->reason_len)
		return 0; /* attached: judged at the end; no reason: invalid */
	const unsigned char *t = c->m->buf + cm->text.off;
	uint32_t pos = 0, a, b;
	while (suppress_next_rule(t, d, &pos, &a, &b)) {
		int rule = suppress_rule_at(t, a, b);
		if (rule < 0)
			continue;
		struct span at = { cm->text.off + a, b - a };
		rule_report(c, RULE_UNUSED_SUPPRESSION, cm->line, at,
			    _("put the directive directly above the promise or the field, with no blank line between"),
			    _("promise-ignore %s is not directly above a promise or a field, so it silences nothing"),
			    rule_table[rule]->name);
	}
	return 0;
}

static void check(struct rule_ctx *c)
{
	suppress_visit(c->m, c->scratch, visit, c);
	arena_reset(c->scratch);
}

const struct rule rule_unused_suppression = {
	.name = "unused-suppression",
	.code = "P008",
	.severity = SEV_WARNING,
	.step = 0,
	.summary = N_("A promise-ignore directive that silences nothing."),
	.explanation =
		"A comment `# promise-ignore RULE -- REASON` directly above a promise or a\n"
		"field silences RULE there. Once the problem is fixed the directive is dead\n"
		"weight, and worse: it would hide the problem if it came back. Each listed\n"
		"rule that silenced nothing is reported, and so is a directive that stands\n"
		"above neither a promise nor a field (a blank line in between detaches it).\n"
		"A directive for a rule the configuration turns off is not reported.",
	.bad = "# promise-ignore overdue -- waiting for the customer's site access\n"
	       "promise ACME-7: Replace the pumps\n  status: kept 2026-11-19\n",
	.good = "promise ACME-7: Replace the pumps\n  status: kept 2026-11-19\n",
	.check_chunk = check,
};
