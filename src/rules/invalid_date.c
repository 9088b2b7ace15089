/* invalid-date — a date field that is not a calendar date. */
#include "../i18n.h"
#include "../rules.h"

static void check_one(struct rule_ctx *c, const struct field *f, const char *what)
{
	char q[64];
	struct span at = f->value;
	if (f->date.status == DATE_IMPOSSIBLE) {
		at.len = f->date.len;
		rule_report(c, RULE_INVALID_DATE, f->line, at, _("write a real date as YYYY-MM-DD"),
			    _("%s date '%s' does not exist: %s"), what, rule_quote(c, at, q, 40),
			    _(f->date.why));
	}
}

static void check(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	char q[64];
	if (!r->undated && r->status.date.status != DATE_IMPOSSIBLE)
		return; /* every date the record has is on the calendar */
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		switch (f->key) {
		case KEY_MADE:
			if (f->date.status == DATE_NOT_A_DATE && f->value.len)
				rule_report(c, RULE_INVALID_DATE, f->line, f->value,
					    _("write the day the promise was made as YYYY-MM-DD"),
					    _("made '%s' is not a date"), rule_quote(c, f->value, q, 40));
			else
				check_one(c, f, "made");
			break;
		case KEY_DUE:
			check_one(c, f, "due"); /* not a date at all: vague-due */
			break;
		case KEY_RENEGOTIATED:
		case KEY_RECOVERY:
		case KEY_EXTRA:
			if (f->date.status == DATE_NOT_A_DATE)
				rule_report(c, RULE_INVALID_DATE, f->line, f->value.len ? f->value : f->key_span,
					    _("start the entry with its date: YYYY-MM-DD, then what happened"),
					    _("%s entry does not start with a date"), model_key_name(f->key));
			else
				check_one(c, f, model_key_name(f->key));
			break;
		default:
			break;
		}
	}
	if (r->status.date.status == DATE_IMPOSSIBLE) {
		struct span at = r->status.date_span;
		at.len = r->status.date.len;
		rule_report(c, RULE_INVALID_DATE, (uint32_t)m->fields[r->first[KEY_STATUS]].line, at,
			    _("write a real date as YYYY-MM-DD"), _("status date '%s' does not exist: %s"),
			    rule_quote(c, at, q, 40), _(r->status.date.why));
	}
}

const struct rule rule_invalid_date = {
	.name = "invalid-date",
	.code = "P002",
	.severity = SEV_ERROR,
	.step = 0,
	.summary = N_("A date that is not on the calendar, or a dated entry without its date."),
	.explanation =
		"Dates are ISO 8601 calendar dates, YYYY-MM-DD, optionally followed by a time\n"
		"HH:MM and a UTC offset. A date that does not exist (February 30th, the 29th of\n"
		"February outside a leap year, month 13) cannot be checked against today.\n"
		"`made` must be a date; `renegotiated`, `recovery` and `extra` entries start\n"
		"with the date they happened.",
	.bad = "  due:      2026-02-30\n  recovery: called the customer\n",
	.good = "  due:      2026-02-27\n  recovery: 2026-03-02 called the customer every day\n",
	.check_record = check,
	.when = TRAIT_DATE_OFF,
};
