/* unreciprocated — a promise given away for nothing. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	rule_require_field(c, RULE_UNRECIPROCATED, KEY_IN_RETURN,
			   N_("ask something in return (an order, access, a decision by a date) and add `in-return:`"),
			   N_("(what was asked in return?)"));
}

const struct rule rule_unreciprocated = {
	.name = "unreciprocated",
	.code = "P301",
	.severity = SEV_WARNING,
	.step = 3,
	.summary = N_("A promise for which nothing was asked in return."),
	.explanation =
		"A promise has value for the one who receives it. A promise handed out for\n"
		"free because it costs nothing today is still a debt tomorrow. Ask for what\n"
		"you need to keep it, or something of value: a signed order, site access, a\n"
		"decision by a date. Write it in `in-return:`, as text or as the ID of the\n"
		"promise the other party made.",
	.bad = "promise ACME-1: Deliver the revised quote\n  by: Jan de Vries\n",
	.good = "promise ACME-1: Deliver the revised quote\n  by:        Jan de Vries\n  in-return: ACME-2\n",
	.check_record = check,
	.when = TRAIT_LACKS(KEY_IN_RETURN),
};
