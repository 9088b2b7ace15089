/* kept-late — kept, but after the due date. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	const struct field *due = model_field(c->m, r, KEY_DUE);
	if (r->status.kind != STATUS_KEPT || r->status.date.status != DATE_OK || !due ||
	    due->date.status != DATE_OK || r->status.date.day <= due->date.day)
		return;
	const struct field *st = model_field(c->m, r, KEY_STATUS);
	char d[11], name[96];
	date_format(due->date.day, d);
	long late = (long)(r->status.date.day - due->date.day);
	rule_report(c, RULE_KEPT_LATE, st->line, st->value,
		    _("late is better than never; next time renegotiate before the due date"),
		    ngettext_("%s was kept %ld day after its due date %s",
			      "%s was kept %ld days after its due date %s", (unsigned long)late),
		    rule_record_name(c, name, sizeof name), late, d);
}

const struct rule rule_kept_late = {
	.name = "kept-late",
	.code = "P404",
	.severity = SEV_INFO,
	.step = 4,
	.summary = N_("A promise kept after its due date."),
	.explanation =
		"A promise kept late still counts against reliability: the other party waited.\n"
		"This is information for the relationship's balance, not a fault to fix now.\n"
		"When a date cannot be met, agree a new one before it passes and record it\n"
		"with `renegotiated:`.",
	.bad = "  due:    2026-11-20\n  status: kept 2026-11-25\n",
	.good = "  due:          2026-11-27\n  status:       kept 2026-11-25\n  renegotiated: 2026-11-18 moved from 2026-11-20, agreed by Petra\n",
	.check_record = check,
	.when = TRAIT_STATUS(STATUS_KEPT),
};
