/* vague-wording — hedges and open-ended words in what is promised, and in
 * what was asked in return or done to recover; and a promise with no due
 * date whose text holds nothing concrete at all. The verdict is vague.h's;
 * this rule only words it, in the language of the file's directive
 * (filelang.h), the run's, or the one recognised per promise. */
#include "../config.h"
#include "../filelang.h"
#include "../i18n.h"
#include "../options.h"
#include "../rules.h"
#include "../vague.h"

/* Report what the scan of one text found: its cues, and, when `undated`,
 * that nothing in it can be checked. */
static void report_text(struct rule_ctx *c, uint32_t line, struct span text, const char *where, bool undated,
			const struct vague_result *res)
{
	char q[96];
	for (unsigned i = 0; i < res->ncues; i++) {
		const struct vague_cue *cue = &res->cues[i];
		struct span at = { text.off + cue->off, cue->len };
		if (cue->custom)
			rule_report(c, RULE_VAGUE_WORDING, line, at,
				    _("say exactly what will be delivered, how much, and by when"),
				    /* TRANSLATORS: where: the promise, what was asked in return, ... */
				    _("vague wording in %s: '%s' (listed as vague in the configuration)"),
				    _(where), rule_quote(c, at, q, 60));
		else if (cue->strong)
			rule_report(c, RULE_VAGUE_WORDING, line, at, _(vague_class_hint(cue->cls)),
				    /* TRANSLATORS: the last %s is a category: time, effort, ... */
				    _("vague wording in %s: '%s' (%s)"), _(where), rule_quote(c, at, q, 60),
				    _(vague_class_name(cue->cls)));
		else
			rule_report(c, RULE_VAGUE_WORDING, line, at, _(vague_class_hint(cue->cls)),
				    _("vague wording in %s: '%s' (%s, and nothing concrete nearby)"), _(where),
				    rule_quote(c, at, q, 60), _(vague_class_name(cue->cls)));
	}
	if (undated && !res->ncues && !res->evidence)
		rule_report(c, RULE_VAGUE_WORDING, line, text,
			    _("name what will be delivered, how many, and by when: a number, a date, an ID "
			      "or a quoted name in the text, or a date in `due:`"),
			    _("nothing in %s can be checked: no number, date, ID or quoted name, and no due date"),
			    _(where));
}

/* Scan one text in `lang` (LANG_AUTO: recognise it); returns the language
 * it was read in. `undated`: the text is the promise's own and the record
 * has no due date, so a text with nothing concrete in it is vague too.
 * `where` is translated only when something is reported. Inline: it runs
 * for every text, and most report nothing. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline enum lang check_text(struct rule_ctx *c, uint32_t line, struct span text, enum lang lang,
				   const char *where, bool undated)
{
	struct vague_result res;
	if (!text.len ||
	    vague_scan_custom(c->scratch, c->m->buf + text.off, text.len, lang, LANG_EN,
			      c->opt->config ? &c->opt->config->vague : NULL, &res))
		return lang == LANG_AUTO ? LANG_EN : lang;
	if (res.ncues || (undated && !res.evidence))
		report_text(c, line, text, where, undated, &res);
	return res.lang;
}

static void check(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	const struct field *due = model_field(m, r, KEY_DUE);
	/* An impossible date was meant as one: invalid-date says what is wrong. */
	bool undated = (!due || !due->value.len || due->date.status == DATE_NOT_A_DATE) &&
		       !(r->flags & RECORD_BAD_HEADER); /* the syntax error comes first */
	enum lang lang = c->file_language != FILELANG_NONE ? (enum lang)c->file_language
							   : (enum lang)c->opt->language;
	/* What was asked in return and the recovery are read in the language
	 * of the promise. */
	lang = check_text(c, r->line, r->text, lang, N_("the promise"), undated);
	/* from the first field that is either (r->first[]), to the end */
	int32_t in_return = r->first[KEY_IN_RETURN], recovery = r->first[KEY_RECOVERY];
	if (in_return < 0 && recovery < 0)
		return;
	uint32_t from = (uint32_t)(in_return < 0 ? recovery : recovery < 0 || in_return < recovery ? in_return : recovery);
	const uint32_t end = r->field_first + r->field_count;
	for (uint32_t i = from; i < end; i++) {
		const struct field *f = &m->fields[i];
		if (f->key == KEY_IN_RETURN && !f->ref) {
			check_text(c, f->line, f->value, lang, N_("what was asked in return"), false);
		} else if (f->key == KEY_RECOVERY && f->date.status == DATE_OK) {
			struct span t = { f->value.off + f->date.len, f->value.len - f->date.len };
			check_text(c, f->line, t, lang, N_("the recovery"), false);
		}
	}
}

/* `# promise-lang:` directives that do nothing: an unknown language, or a
 * place below the first promise. */
static void check_directives(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	char q[64];
	for (uint32_t k = 0; k < m->ncomments; k++) {
		const struct comment *cm = &m->comments[k];
		struct filelang_directive d;
		if (!filelang_parse(m->buf + cm->text.off, cm->text.len, &d))
			continue;
		struct span value = { cm->text.off + d.value_off, d.value_len };
		const char *hint = _("write `# promise-lang: en`, `nl`, `sv` or `auto`");
		if (!d.value_len)
			rule_report(c, RULE_VAGUE_WORDING, cm->line, cm->text, hint,
				    _("promise-lang names no language"));
		else if (!d.valid)
			rule_report(c, RULE_VAGUE_WORDING, cm->line, value, hint,
				    _("promise-lang names '%s', which is not a language promise reads"),
				    rule_quote(c, value, q, 40));
		else if (!filelang_at_top(m, c->file_top, k))
			rule_report(c, RULE_VAGUE_WORDING, cm->line, cm->text,
				    _("move the directive above the first promise of the file"),
				    _("promise-lang below a promise sets nothing: it counts only at the top of a file"));
	}
}

const struct rule rule_vague_wording = {
	.name = "vague-wording",
	.code = "P101",
	.severity = SEV_WARNING,
	.step = 1,
	.summary = N_("Hedges and open-ended words in a promise: 'try', 'some', 'asap', 'improve'."),
	.explanation =
		"Promise consciously and specifically: a concrete deliverable by a concrete\n"
		"date. Words like \"try\", \"as soon as possible\", \"some\", \"improve\", \"etc.\"\n"
		"(Dutch \"proberen\", \"zo snel mogelijk\", \"enz.\"; Swedish \"försöka\",\n"
		"\"snarast\", \"osv.\") let each side read the promise its own way. Strong\n"
		"cues are flagged wherever they stand; weak ones only when nothing concrete\n"
		"stands in the text: a number or date in any form (\"4 December\", \"week 48\",\n"
		"\"within 5 working days\", \"binnen 5 werkdagen\", \"inom 5 arbetsdagar\"), an\n"
		"ID or a quoted name. Precise bounds (\"no later than\", \"uiterlijk\",\n"
		"\"senast\") and promise verbs (\"will\", \"zullen\", \"ska\") are never flagged;\n"
		"quoted text and IDs are not searched. A promise with no due date whose text\n"
		"holds nothing concrete at all is flagged too: nothing in it can be checked.\n"
		"The text's language is recognised from its common words, or set for a file\n"
		"with a `# promise-lang: nl` comment at its top, or in the configuration.\n"
		"The same check runs on `in-return:` and `recovery:`.",
	.bad = "promise ACME-14: Try to improve the quote tool as soon as possible\n",
	.good = "promise ACME-14: Add line-item discounts to the quote tool by 2026-12-04\n",
	.check_chunk = check_directives,
	.check_record = check,
};
