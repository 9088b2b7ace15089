/* invalid-status — a status the format does not know. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	if (r->status.kind != STATUS_INVALID)
		return;
	const struct field *f = model_field(c->m, r, KEY_STATUS);
	const char *hint = _("use open, kept YYYY-MM-DD, broken YYYY-MM-DD or released YYYY-MM-DD");
	char q[64], w[32];
	if (!f->value.len) {
		rule_report(c, RULE_INVALID_STATUS, f->line, f->key_span, hint, _("status is empty"));
	} else if (!r->status.word.len) {
		rule_report(c, RULE_INVALID_STATUS, f->line, f->value, hint, _("unknown status '%s'"),
			    rule_quote(c, f->value, q, 40));
	} else if (!r->status.date_span.len) {
		rule_report(c, RULE_INVALID_STATUS, f->line, f->value, hint,
			    _("status '%s' needs the date it happened"), rule_quote(c, f->value, q, 40));
	} else {
		rule_report(c, RULE_INVALID_STATUS, f->line, r->status.date_span.len ? r->status.date_span : f->value,
			    hint, _("status '%s' must be followed by a date, not '%s'"),
			    rule_quote(c, r->status.word, w, sizeof w),
			    rule_quote(c, r->status.date_span, q, 40));
	}
}

const struct rule rule_invalid_status = {
	.name = "invalid-status",
	.code = "P007",
	.severity = SEV_ERROR,
	.step = 0,
	.summary = N_("A status other than open, kept DATE, broken DATE or released DATE."),
	.explanation =
		"The status says where a promise stands: `open` (the default when there is no\n"
		"status), `kept DATE`, `broken DATE`, or `released DATE` when the other party\n"
		"let you off. The date is what makes a kept promise checkable against its due\n"
		"date. An unreadable status is not guessed at: the promise is not judged\n"
		"overdue either way until it is fixed.",
	.bad = "  status:   done\n",
	.good = "  status:   kept 2026-11-19\n",
	.check_record = check,
	.when = TRAIT_STATUS(STATUS_INVALID),
};
