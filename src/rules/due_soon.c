/* due-soon — open and due within the window: a reminder, not a fault. */
#include "../i18n.h"
#include "../options.h"
#include "../rules.h"

/* Out of line: its frame costs more than the test that nearly every record
 * stops at. */
static __attribute__((noinline)) void report(struct rule_ctx *c, const struct field *due, long left)
{
	char d[11], name[96];
	date_format(due->date.day, d);
	if (left == 0)
		rule_report(c, RULE_DUE_SOON, due->line, due->value, _("keep it today"),
			    _("%s is due today (%s)"), rule_record_name(c, name, sizeof name), d);
	else
		rule_report(c, RULE_DUE_SOON, due->line, due->value,
			    _("plan the work now, or renegotiate before the date, not after"),
			    ngettext_("%s is due in %ld day (%s)", "%s is due in %ld days (%s)",
				      (unsigned long)left),
			    rule_record_name(c, name, sizeof name), left, d);
}

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	const struct field *due = model_field(c->m, r, KEY_DUE);
	if (!due || due->date.status != DATE_OK ||
	    (r->status.kind != STATUS_NONE && r->status.kind != STATUS_OPEN))
		return;
	long left = (long)(due->date.day - c->opt->today);
	if (left >= 0 && left <= c->opt->due_soon_days)
		report(c, due, left);
}

const struct rule rule_due_soon = {
	.name = "due-soon",
	.code = "P402",
	.severity = SEV_INFO,
	.step = 4,
	.summary = N_("An open promise due within the next few days (3 by default)."),
	.explanation =
		"A reminder while there is still time: keep it, or talk to the other party\n"
		"now. Renegotiating before the date keeps trust; explaining after it costs\n"
		"trust. The window is 3 days unless configured otherwise.",
	.bad = "  due: 2026-11-25     # today is 2026-11-23\n",
	.good = "  due:    2026-11-25\n  status: kept 2026-11-24\n",
	.check_record = check,
};
