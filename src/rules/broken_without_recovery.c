/* broken-without-recovery — a broken promise and nothing done about it. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct record *r = c->r;
	if (r->status.kind != STATUS_BROKEN || r->first[KEY_RECOVERY] >= 0)
		return;
	const struct field *st = model_field(c->m, r, KEY_STATUS);
	char name[96];
	rule_report(c, RULE_BROKEN_WITHOUT_RECOVERY, st->line, st->value,
		    _("fix the problem first, keep the other party informed, and record it: "
		      "`recovery: DATE what was done`"),
		    _("%s is broken and has no recovery"), rule_record_name(c, name, sizeof name));
}

const struct rule rule_broken_without_recovery = {
	.name = "broken-without-recovery",
	.code = "P403",
	.severity = SEV_WARNING,
	.step = 4,
	.summary = N_("A broken promise with no recorded recovery."),
	.explanation =
		"When a promise fails, arguing about why does not help the other party.\n"
		"Fix the problem first, inform them at every step, and do something beyond\n"
		"what they expect to restore trust. Record each step as a dated `recovery:`\n"
		"entry.",
	.bad = "  status:   broken 2026-10-16\n",
	.good = "  status:   broken 2026-10-16\n  recovery: 2026-10-17 replaced both pumps; called daily until done\n",
	.check_record = check,
	.when = TRAIT_STATUS(STATUS_BROKEN),
};
