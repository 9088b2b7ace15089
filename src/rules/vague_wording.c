/* vague-wording — hedges and open-ended words in what is promised, and in
 * what was asked in return or done to recover. The verdict is vague.h's;
 * this rule only words it. */
#include "../config.h"
#include "../options.h"
#include "../rules.h"
#include "../vague.h"

/* Scan one text in `lang` (LANG_AUTO: recognise it); returns the language
 * it was read in. `undated`: the text is the promise's own and the record
 * has no due date, so a text with nothing concrete in it is vague too. */
static enum lang check_text(struct rule_ctx *c, uint32_t line, struct span text, enum lang lang,
			    const char *where, bool undated)
{
	struct vague_result res;
	if (!text.len ||
	    vague_scan_custom(c->scratch, c->m->buf + text.off, text.len, lang, LANG_EN,
			      c->opt->config ? &c->opt->config->vague : NULL, &res))
		return lang == LANG_AUTO ? LANG_EN : lang;
	char q[96];
	for (unsigned i = 0; i < res.ncues; i++) {
		const struct vague_cue *cue = &res.cues[i];
		struct span at = { text.off + cue->off, cue->len };
		if (cue->custom) {
			rule_report(c, RULE_VAGUE_WORDING, line, at,
				    "say exactly what will be delivered, how much, and by when",
				    "vague wording in %s: '%s' (listed as vague in the configuration)", where,
				    rule_quote(c, at, q, 60));
			continue;
		}
		rule_report(c, RULE_VAGUE_WORDING, line, at, vague_class_hint(cue->cls),
			    "vague wording in %s: '%s' (%s%s)", where, rule_quote(c, at, q, 60),
			    vague_class_name(cue->cls), cue->strong ? "" : ", and nothing concrete nearby");
	}
	if (undated && !res.ncues && !res.evidence)
		rule_report(c, RULE_VAGUE_WORDING, line, text,
			    "name what will be delivered, how many, and by when: a number, a date, an ID "
			    "or a quoted name in the text, or a date in `due:`",
			    "nothing in %s can be checked: no number, date, ID or quoted name, and no due date",
			    where);
	return res.lang;
}

static void check(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	/* What was asked in return and the recovery are read in the language
	 * of the promise. */
	const struct field *due = model_field(m, r, KEY_DUE);
	/* An impossible date was meant as one: invalid-date says what is wrong. */
	bool undated = (!due || !due->value.len || due->date.status == DATE_NOT_A_DATE) &&
		       !(r->flags & RECORD_BAD_HEADER); /* the syntax error comes first */
	enum lang lang = check_text(c, r->line, r->text, (enum lang)c->opt->language, "the promise", undated);
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (f->key == KEY_IN_RETURN && !f->ref) {
			check_text(c, f->line, f->value, lang, "what was asked in return", false);
		} else if (f->key == KEY_RECOVERY && f->date.status == DATE_OK) {
			struct span t = { f->value.off + f->date.len, f->value.len - f->date.len };
			check_text(c, f->line, t, lang, "the recovery", false);
		}
	}
}

const struct rule rule_vague_wording = {
	.name = "vague-wording",
	.code = "P101",
	.severity = SEV_WARNING,
	.step = 1,
	.summary = "Hedges and open-ended words in a promise: 'try', 'some', 'asap', 'improve'.",
	.explanation =
		"Promise consciously and specifically: a concrete deliverable by a concrete\n"
		"date. Words like \"try\", \"as soon as possible\", \"some\", \"improve\", \"etc.\"\n"
		"(Dutch \"proberen\", \"zo snel mogelijk\", \"enz.\"; Swedish \"försöka\",\n"
		"\"snarast\", \"osv.\") let each side read the promise its own way. Strong\n"
		"cues are flagged wherever they stand; weak ones only when nothing concrete\n"
		"(a number, a date, a month or a quoted name) is nearby. Quoted text is not\n"
		"searched. The text's language is recognised from its common words, or set\n"
		"in the configuration. The same check runs on `in-return:` and `recovery:`.",
	.bad = "promise ACME-14: Try to improve the quote tool as soon as possible\n",
	.good = "promise ACME-14: Add line-item discounts to the quote tool by 2026-12-04\n",
	.check_record = check,
};
