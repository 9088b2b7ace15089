/* collective-promiser — "we" promised, so nobody did. */
#include "../i18n.h"
#include "../rules.h"
#include "../vague.h"

static void check(struct rule_ctx *c)
{
	const struct field *by = model_field(c->m, c->r, KEY_BY);
	if (!by || !by->value.len)
		return;
	char q[96];
	if (vague_is_collective(c->scratch, c->m->buf + by->value.off, by->value.len) == 1)
		rule_report(c, RULE_COLLECTIVE_PROMISER, by->line, by->value,
			    _("name the one person who answers for this promise"),
			    _("'%s' is a group: nobody is personally accountable"),
			    rule_quote(c, by->value, q, 60));
}

const struct rule rule_collective_promiser = {
	.name = "collective-promiser",
	.code = "P203",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promise made by 'we', 'the team' or a department."),
	.explanation =
		"A promise made by \"we\", \"the team\", \"sales\" (\"wij\", \"het team\"; \"vi\",\n"
		"\"teamet\") has nobody who answers for it. Promises kept by everyone are\n"
		"kept by no one. Name the person who made it and who will face the other\n"
		"party if it fails.",
	.bad = "  by: the team\n",
	.good = "  by: Sara Lind\n",
	.check_record = check,
};
