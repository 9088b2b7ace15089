/* not-recorded — the other party has nothing in writing. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	rule_require_field(c, RULE_NOT_RECORDED, KEY_RECORDED,
			   N_("confirm it to the other party (mail, ticket, contract) and add `recorded:`"),
			   N_("(where does the other party have it on record?)"));
}

const struct rule rule_not_recorded = {
	.name = "not-recorded",
	.code = "P206",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promise the other party has no record of."),
	.explanation =
		"A promise is recorded twice: here, for the one who promises, and somewhere\n"
		"the other party can see it: a confirming mail, a ticket, the minutes, a\n"
		"contract. Without that, memories drift apart and the promise is worth less\n"
		"to both sides.",
	.bad = "promise ACME-9: Replace the cracked housing\n  by: Sara Lind\n",
	.good = "promise ACME-9: Replace the cracked housing\n  by:       Sara Lind\n  recorded: confirmed in ticket 4502\n",
	.check_record = check,
	.when = TRAIT_LACKS(KEY_RECORDED),
};
