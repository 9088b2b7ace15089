/* vague-due — a due that is not a date: "soon", "next week", "Q1". */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct field *f = model_field(c->m, c->r, KEY_DUE);
	char q[96];
	if (!f || !f->value.len || f->date.status != DATE_NOT_A_DATE)
		return;
	rule_report(c, RULE_VAGUE_DUE, f->line, f->value,
		    _("agree on a calendar date and write it as YYYY-MM-DD"),
		    _("due '%s' is not a date"), rule_quote(c, f->value, q, 60));
}

const struct rule rule_vague_due = {
	.name = "vague-due",
	.code = "P103",
	.severity = SEV_WARNING,
	.step = 1,
	.summary = N_("A due that is not a date, such as 'soon' or 'next week'."),
	.explanation =
		"\"Soon\", \"next week\", \"binnenkort\" or \"snarast\" mean different days to the\n"
		"one who promises and the one who waits. The customer usually hears the\n"
		"earliest reading. A calendar date removes the doubt and makes the promise\n"
		"checkable.",
	.bad = "  due: next week\n",
	.good = "  due: 2026-12-04\n",
	.check_record = check,
	.when = TRAIT_DATE_OFF,
};
