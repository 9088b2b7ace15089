/* syntax-error — lines the parser could not read, reported where they are.
 * The parser records them (it never judges); this rule words them. */
#include <stdio.h>

#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	char q[96];
	for (uint32_t i = 0; i < m->nerrors; i++) {
		const struct syntax_error *e = &m->errors[i];
		const struct record *saved = c->r;
		c->r = e->record >= 0 ? &m->records[e->record] : NULL;
		switch (e->kind) {
		case SYN_BAD_UTF8:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("save the file as UTF-8"),
				    _("invalid UTF-8: byte 0x%02X does not start a valid character"),
				    m->buf[e->at.off]);
			break;
		case SYN_NUL:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("a promise file is text; remove the NUL byte"),
				    _("embedded NUL byte"));
			break;
		case SYN_STRAY_CR:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("end lines with LF or CR LF"),
				    _("carriage return without a line feed"));
			break;
		case SYN_UNEXPECTED_LINE:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("start a record with `promise ID: text`; indent its fields"),
				    _("'%s' is not a promise header, a comment or an indented field"),
				    rule_quote(c, e->at, q, 40));
			break;
		case SYN_UNINDENTED_FIELD:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("indent the field with spaces or a tab"),
				    _("field '%s' is not indented under its promise"),
				    rule_quote(c, e->at, q, 40));
			break;
		case SYN_FIELD_OUTSIDE:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("start a record with `promise ID: text` above it"),
				    _("field '%s' stands before any promise"), rule_quote(c, e->at, q, 40));
			break;
		case SYN_NOT_A_FIELD:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("write `key: value`, or indent deeper to continue the field above"),
				    _("'%s' is neither a field nor the continuation of one"),
				    rule_quote(c, e->at, q, 40));
			break;
		case SYN_HEADER_NO_COLON:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("write `promise ID: text`"),
				    _("the promise header '%s' lacks the ':' after the ID"),
				    rule_quote(c, e->at, q, 40));
			break;
		case SYN_BAD_ID:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("an ID is letters, digits, '-', '_' and '.', starting with a letter"),
				    _("'%s' is not a valid promise ID"), rule_quote(c, e->at, q, 40));
			break;
		case SYN_EMPTY_TEXT:
			rule_report(c, RULE_SYNTAX_ERROR, e->line, e->at,
				    _("say what is promised after the colon"),
				    _("the header of %s promises nothing"),
				    c->r && c->r->id.len ? rule_quote(c, c->r->id, q, 40) : _("this promise"));
			break;
		}
		c->r = saved;
	}
}

const struct rule rule_syntax_error = {
	.name = "syntax-error",
	.code = "P001",
	.severity = SEV_ERROR,
	.step = 0,
	.summary = N_("A line that is not part of the promise format."),
	.explanation =
		"A promise file holds headers (`promise ID: text` at the start of a line),\n"
		"indented `key: value` fields, deeper-indented continuation lines, comments\n"
		"and blank lines, in UTF-8. Anything else is reported with its exact position;\n"
		"the rest of the file is still read, so one bad line never hides the others.",
	.bad = "promise ACME-7 Deliver the pumps\nby: Sara Lind\n",
	.good = "promise ACME-7: Deliver the pumps\n  by: Sara Lind\n",
	.check_chunk = check,
};
