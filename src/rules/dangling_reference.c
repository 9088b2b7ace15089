/* dangling-reference — an in-return that names a promise nobody defined.
 * Only references forward are kept for the end (facts.h): a reference to a
 * promise already read cannot dangle. */
#include "../facts.h"
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct facts *f = c->facts;
	for (size_t i = 0; i < f->nrefs; i++) {
		const struct ref_fact *ref = &f->refs[i];
		if (facts_find(f, ref->target, ref->target_len) >= 0)
			continue;
		rule_report_at(c, RULE_DANGLING_REFERENCE, &ref->where,
			       _("record the other party's promise under that ID, or correct the ID"),
			       _("in-return names promise '%s', which no linted file defines"), ref->target);
	}
}

const struct rule rule_dangling_reference = {
	.name = "dangling-reference",
	.code = "P302",
	.severity = SEV_ERROR,
	.step = 3,
	.summary = N_("An in-return that names a promise ID nobody defines."),
	.explanation =
		"When `in-return:` holds a single ID-shaped word with a digit in it (such as\n"
		"ACME-2), it refers to the promise the other party made in exchange. That\n"
		"promise must exist among the files linted together, or what you asked in\n"
		"return is recorded nowhere. Lint the whole repository, not one file, when\n"
		"promises refer across files.",
	.bad = "  in-return: ACME-22\n",
	.good = "  in-return: ACME-2\n\npromise ACME-2: Return the signed order\n",
	.check_facts = check,
};
