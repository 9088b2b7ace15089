/* date-order — dates that contradict each other within one promise. */
#include "../i18n.h"
#include "../rules.h"

/* The reports out of line: their frames cost more than the tests that
 * nearly every record stops at. */
static __attribute__((noinline)) void report_due(struct rule_ctx *c, const struct field *made,
						 const struct field *due)
{
	char a[11], b[11];
	date_format(made->date.day, a);
	date_format(due->date.day, b);
	rule_report(c, RULE_DATE_ORDER, due->line, due->value,
		    _("check both dates: a promise falls due after it is made"),
		    _("due %s is before made %s"), b, a);
}

static __attribute__((noinline)) void report_status(struct rule_ctx *c, const struct field *made)
{
	const struct record *r = c->r;
	const struct field *st = model_field(c->m, r, KEY_STATUS);
	char a[11], b[11];
	date_format(made->date.day, a);
	date_format(r->status.date.day, b);
	rule_report(c, RULE_DATE_ORDER, st->line, st->value,
		    _("a promise is kept, broken or released after it is made"),
		    _("status date %s is before made %s"), b, a);
}

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	const struct field *made = model_field(c->m, r, KEY_MADE);
	const struct field *due = model_field(c->m, r, KEY_DUE);
	if (!made || made->date.status != DATE_OK)
		return;
	if (due && due->date.status == DATE_OK && due->date.day < made->date.day)
		report_due(c, made, due);
	if ((r->status.kind == STATUS_KEPT || r->status.kind == STATUS_BROKEN ||
	     r->status.kind == STATUS_RELEASED) &&
	    r->status.date.status == DATE_OK && r->status.date.day < made->date.day)
		report_status(c, made);
}

const struct rule rule_date_order = {
	.name = "date-order",
	.code = "P003",
	.severity = SEV_ERROR,
	.step = 0,
	.summary = N_("Dates in one promise contradict each other."),
	.explanation =
		"A promise is made before it falls due, and kept, broken or released after it\n"
		"was made. Dates in the wrong order are usually a typo in the year or month,\n"
		"and they make overdue checks meaningless.",
	.bad = "  made:   2026-11-20\n  due:    2026-11-02\n",
	.good = "  made:   2026-11-02\n  due:    2026-11-20\n",
	.check_record = check,
};
