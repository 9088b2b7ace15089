/* duplicate-field — a field that may appear once appears again. */
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	if (!(r->repeated & ~(unsigned)MODEL_KEYS_REPEAT))
		return; /* no key that stands once was written twice */
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (model_key_repeats(f->key) || r->first[f->key] == (int32_t)i)
			continue;
		const struct field *first = &m->fields[r->first[f->key]];
		rule_report(c, RULE_DUPLICATE_FIELD, f->line, f->key_span,
			    _("keep one; record a changed due date with `renegotiated:`"),
			    _("'%s' appears again; the one on line %u counts"), model_key_name(f->key),
			    first->line);
	}
}

const struct rule rule_duplicate_field = {
	.name = "duplicate-field",
	.code = "P005",
	.severity = SEV_WARNING,
	.step = 0,
	.summary = N_("A field that may appear once appears more than once."),
	.explanation =
		"`by`, `to`, `made`, `due` and `status` hold one value each. When one appears\n"
		"twice, only the first counts, which is rarely what the writer meant. A due\n"
		"date that moved is recorded by changing `due` and adding a `renegotiated:`\n"
		"entry that says what changed and who agreed.",
	.bad = "  due:          2026-11-20\n  due:          2026-12-04\n",
	.good = "  due:          2026-12-04\n  renegotiated: 2026-11-18 due moved from 2026-11-20, agreed by Petra\n",
	.check_record = check,
	.when = TRAIT_KEY_TWICE,
};
