/* missing-due — a promise without a due date cannot be kept on time. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	rule_require_field(c, RULE_MISSING_DUE, KEY_DUE, N_("add `due: YYYY-MM-DD`: the day it must be kept by"),
			   N_("(when must it be kept?)"));
}

const struct rule rule_missing_due = {
	.name = "missing-due",
	.code = "P102",
	.severity = SEV_WARNING,
	.step = 1,
	.summary = N_("A promise without a due date."),
	.explanation =
		"A promise without a date is a promise that can never be late, and so one\n"
		"that is easy to forget. Agree on a concrete date when you promise, and write\n"
		"it down; if it later moves, record a `renegotiated:` entry.",
	.bad = "promise ACME-4: Send the commissioning report\n  by: Jan de Vries\n",
	.good = "promise ACME-4: Send the commissioning report\n  by:  Jan de Vries\n  due: 2026-12-04\n",
	.check_record = check,
	.when = TRAIT_LACKS(KEY_DUE),
};
