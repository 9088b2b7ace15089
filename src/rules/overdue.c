/* overdue — open, and due before today. The one CI fails on. */
#include "../i18n.h"
#include "../options.h"
#include "../rules.h"

static bool is_open(const struct record *r)
{
	return r->status.kind == STATUS_NONE || r->status.kind == STATUS_OPEN;
}

/* Out of line: its frame costs more than the test that nearly every record
 * stops at. */
static __attribute__((noinline)) void report(struct rule_ctx *c, const struct field *due, int32_t today)
{
	char d[11], name[96];
	date_format(due->date.day, d);
	long late = (long)(today - due->date.day);
	rule_report(c, RULE_OVERDUE, due->line, due->value,
		    _("keep it today, or record `status: broken DATE` with a recovery, or agree a new date "
		      "(`renegotiated:`)"),
		    ngettext_("%s is overdue: due %s, %ld day ago", "%s is overdue: due %s, %ld days ago",
			      (unsigned long)late),
		    rule_record_name(c, name, sizeof name), d, late);
}

static void check(struct rule_ctx *c)
{
	const struct field *due = model_field(c->m, c->r, KEY_DUE);
	if (due && due->date.status == DATE_OK && is_open(c->r) && due->date.day < c->opt->today)
		report(c, due, c->opt->today);
}

const struct rule rule_overdue = {
	.name = "overdue",
	.code = "P401",
	.severity = SEV_ERROR,
	.step = 4,
	.summary = N_("An open promise whose due date has passed."),
	.explanation =
		"Keeping promises is what makes a team reliable. A promise due on a day is\n"
		"overdue from the next day on. Keep it, or say honestly that it is broken\n"
		"(`status: broken DATE`) and record what you do to set it right\n"
		"(`recovery:`), or agree a new date with the other party (`renegotiated:`).\n"
		"Today is --today, else PROMISE_TODAY, else the local date.",
	.bad = "  due:    2026-11-20     # today is 2026-11-23, no status\n",
	.good = "  due:    2026-11-20\n  status: kept 2026-11-19\n",
	.check_record = check,
};
