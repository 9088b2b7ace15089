/* missing-promisee — the promise is made to nobody in particular. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	rule_require_field(c, RULE_MISSING_PROMISEE, KEY_TO,
			   N_("add `to:` with the person or party the promise was made to"),
			   N_("(who was it made to?)"));
}

const struct rule rule_missing_promisee = {
	.name = "missing-promisee",
	.code = "P204",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promise that does not say whom it was made to."),
	.explanation =
		"A promise is made to someone, and that someone is who will notice when it is\n"
		"kept or broken. Name the person (and their organisation) so the team knows\n"
		"whom to inform.",
	.bad = "promise ACME-6: Deliver the spare seals\n  by: Sara Lind\n",
	.good = "promise ACME-6: Deliver the spare seals\n  by: Sara Lind\n  to: Tom Bakker (Acme BV)\n",
	.check_record = check,
	.when = TRAIT_LACKS(KEY_TO),
};
