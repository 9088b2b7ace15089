/* missing-made — when was it promised? */
#include "../history.h"
#include "../i18n.h"
#include "../options.h"
#include "../rules.h"

/* Out of line, and only for a record that lacks the field: the hint may
 * ask git history, and its frame costs more than the test. */
static __attribute__((noinline)) void report(struct rule_ctx *c)
{
	char hint[200];
	rule_require_field(c, RULE_MISSING_MADE, KEY_MADE,
			   history_made_hint(c->opt->history, c->m, c->r,
					     N_("add `made: YYYY-MM-DD`, the day the promise was made"),
					     hint, sizeof hint),
			   N_("(when was it promised?)"));
}

static void check(struct rule_ctx *c)
{
	if (rule_lacks(c->m, c->r, KEY_MADE))
		report(c);
}

const struct rule rule_missing_made = {
	.name = "missing-made",
	.code = "P205",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promise that does not say when it was made."),
	.explanation =
		"The day a promise was made dates the record: it shows how much time was\n"
		"promised, and settles disagreements about what was agreed when. In a git\n"
		"repository the hint names the day the promise was first committed (the\n"
		"author date of that commit), a good first guess.",
	.bad = "promise ACME-8: Train two operators\n  due: 2026-12-10\n",
	.good = "promise ACME-8: Train two operators\n  made: 2026-11-12\n  due:  2026-12-10\n",
	.check_record = check,
	.ordered = true,
};
