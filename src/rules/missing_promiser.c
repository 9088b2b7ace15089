/* missing-promiser — nobody answers for the promise. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	rule_require_field(c, RULE_MISSING_PROMISER, KEY_BY,
			   N_("add `by:` with the name of the person who made the promise"),
			   N_("(who answers for it?)"));
}

const struct rule rule_missing_promiser = {
	.name = "missing-promiser",
	.code = "P202",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promise that does not say who made it."),
	.explanation =
		"The person who made a promise is the one who answers for it, and the one who\n"
		"faces the customer if it fails. Without a name, nobody is accountable and the\n"
		"promise is easy to drop.",
	.bad = "promise ACME-5: Call back about the invoice\n  to: Petra Jansen\n",
	.good = "promise ACME-5: Call back about the invoice\n  by: Jan de Vries\n  to: Petra Jansen\n",
	.check_record = check,
	.when = TRAIT_LACKS(KEY_BY),
};
