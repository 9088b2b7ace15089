/* features.c — hover, outline, completion and quick fixes.
 *
 * All four work on the document's parsed model (byte spans into its text)
 * and on the workspace's last analysis (diagnostics, facts, people); they
 * only convert to LSP positions when they build their JSON. Quick fixes
 * are computed from the server's own diagnostics for the lines asked
 * about, not from the ones the client echoes back, so a fix always matches
 * the text it edits. Inserted fields copy the indentation and the value
 * column of the record's first field, so a fix reads like hand-written
 * text. */
#include "features.h"

#include <stdio.h>
#include <string.h>

#include "../date.h"
#include "../fmt.h"
#include "../rules.h"

static void set_error(struct rpc_error *e, int code, const char *msg)
{
	e->code = code;
	snprintf(e->message, sizeof e->message, "%s", msg);
}

static const struct chunk_model *model_or_error(struct lsp_doc *d, struct rpc_error *e)
{
	const struct chunk_model *m = doc_model(d);
	if (!m)
		set_error(e, RPC_INTERNAL_ERROR, "out of memory");
	return m;
}

/* The record whose lines hold parser line `line`, or NULL. */
static const struct record *record_at(const struct chunk_model *m, uint32_t line)
{
	const struct record *best = NULL;
	uint32_t lo = 0, hi = m->nrecords;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (m->records[mid].line <= line) {
			best = &m->records[mid];
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return best && line <= best->last_line ? best : NULL;
}

/* The parser line (1-based) of a byte offset. */
static uint32_t parser_line(const struct lsp_doc *d, uint32_t off)
{
	uint32_t lo = 0, hi = d->nplines;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (d->plines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo + 1;
}

static uint32_t field_last_line(const struct chunk_model *m, const struct field *f)
{
	return f->cont_count ? m->conts[f->cont_first + f->cont_count - 1].line : f->line;
}

/* The field whose lines hold `line`, or NULL. */
static const struct field *field_at(const struct chunk_model *m, const struct record *r, uint32_t line)
{
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (f->line <= line && line <= field_last_line(m, f))
			return f;
	}
	return NULL;
}

static json_t *str_json(const struct chunk_model *m, struct span s)
{
	return json_stringn((const char *)m->buf + s.off, s.len);
}

static const char *status_word(enum status_kind k)
{
	switch (k) {
	case STATUS_KEPT: return "kept";
	case STATUS_BROKEN: return "broken";
	case STATUS_RELEASED: return "released";
	case STATUS_INVALID: return "unreadable status";
	default: return "open";
	}
}

/* "due in 3 days", "due today", "overdue by 2 days" (open promises). */
static void due_phrase(char *out, size_t size, int32_t due, int32_t today)
{
	long n = (long)due - today;
	if (n == 0)
		snprintf(out, size, "due today");
	else if (n > 0)
		snprintf(out, size, "due in %ld day%s", n, n == 1 ? "" : "s");
	else
		snprintf(out, size, "overdue by %ld day%s", -n, n == -1 ? "" : "s");
}

/* ---- hover ---------------------------------------------------------------- */

/* -1 when the buffer could not grow (its text is then incomplete). */
static int add_state(struct buf *b, enum status_kind st, int32_t due, int32_t status_day, int32_t today)
{
	char d[11], phrase[64];
	if (st == STATUS_NONE || st == STATUS_OPEN) {
		if (due == FACT_NO_DATE)
			return buf_adds(b, "open, no due date");
		date_format(due, d);
		due_phrase(phrase, sizeof phrase, due, today);
		return buf_printf(b, "open, due %s (%s)", d, phrase);
	}
	if (buf_adds(b, status_word(st)))
		return -1;
	if (status_day != FACT_NO_DATE) {
		date_format(status_day, d);
		return buf_printf(b, " %s", d);
	}
	return 0;
}

json_t *lsp_hover(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	struct lsp_position pos;
	if (!d)
		return NULL;
	if (!lsp_position_param(json_object_get(params, "position"), &pos)) {
		set_error(e, RPC_INVALID_PARAMS, "position is missing");
		return NULL;
	}
	const struct chunk_model *m = model_or_error(d, e);
	if (!m)
		return NULL;
	uint32_t off = doc_offset(d, s->enc, pos);
	const struct record *r = record_at(m, parser_line(d, off));
	if (!r)
		return json_null();

	const char *bold = s->markdown ? "**" : "";
	struct buf b;
	buf_init(&b, s->alloc);
	int bad = buf_printf(&b, "%spromise %.*s%s: %.*s\n\n", bold, (int)r->id.len,
			     (const char *)m->buf + r->id.off, bold, (int)r->text.len,
			     (const char *)m->buf + r->text.off);
	const struct field *due = model_field(m, r, KEY_DUE);
	int32_t due_day = due && due->date.status == DATE_OK ? due->date.day : FACT_NO_DATE;
	int32_t st_day = r->status.date.status == DATE_OK ? r->status.date.day : FACT_NO_DATE;
	bad |= buf_adds(&b, "Status: ");
	bad |= add_state(&b, r->status.kind, due_day, st_day, s->opt.today);
	if (due && due->date.status != DATE_OK && due->value.len)
		bad |= buf_printf(&b, " (due '%.*s' is not a date)", (int)due->value.len,
				  (const char *)m->buf + due->value.off);
	bad |= buf_adds(&b, "\n");
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_IN_RETURN)
			continue;
		const char *v = (const char *)m->buf + f->value.off;
		bad |= buf_printf(&b, "%sIn return: %.*s", s->markdown ? "\n" : "", (int)f->value.len, v);
		if (f->ref) {
			const struct promise_fact *p = ws_promise(&s->ws, v, f->value.len);
			bad |= buf_adds(&b, " — ");
			if (p)
				bad |= add_state(&b, p->status, p->due, FACT_NO_DATE, s->opt.today);
			else
				bad |= buf_adds(&b, "no promise with that ID in the workspace");
		}
		bad |= buf_adds(&b, "\n");
	}
	if (!model_field(m, r, KEY_IN_RETURN))
		bad |= buf_printf(&b, "%sIn return: nothing asked\n", s->markdown ? "\n" : "");
	if (bad) { /* never show half a hover */
		buf_release(&b);
		set_error(e, RPC_INTERNAL_ERROR, "out of memory");
		return NULL;
	}

	struct span head = rule_header_span(r);
	json_t *res = json_pack("{s:{s:s, s:s}, s:o}", "contents", "kind",
				s->markdown ? "markdown" : "plaintext", "value", buf_str(&b), "range",
				lsp_range_json(s, d, head.off, span_end(head)));
	buf_release(&b);
	return res;
}

/* ---- document symbols ----------------------------------------------------- */

enum { SYMBOL_EVENT = 24 };

json_t *lsp_document_symbols(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	if (!d)
		return NULL;
	const struct chunk_model *m = model_or_error(d, e);
	if (!m)
		return NULL;
	json_t *arr = json_array();
	for (uint32_t i = 0; arr && i < m->nrecords; i++) {
		const struct record *r = &m->records[i];
		uint32_t from = d->plines[r->line - 1];
		const struct line_info *last = model_line(m, r->last_line);
		struct span sel = r->id.len ? r->id : r->keyword;
		json_t *name = r->id.len ? str_json(m, r->id) : json_string("(no ID)");
		json_t *sym;
		if (s->hierarchical_symbols)
			sym = json_pack("{s:o, s:o, s:i, s:o, s:o}", "name", name, "detail", str_json(m, r->text),
					"kind", SYMBOL_EVENT, "range", lsp_range_json(s, d, from, last->end),
					"selectionRange", lsp_range_json(s, d, sel.off, span_end(sel)));
		else
			sym = json_pack("{s:o, s:i, s:{s:s, s:o}}", "name", name, "kind", SYMBOL_EVENT,
					"location", "uri", d->uri, "range",
					lsp_range_json(s, d, from, last->end));
		if (json_array_append_new(arr, sym)) {
			json_decref(arr);
			arr = NULL;
		}
	}
	if (!arr)
		set_error(e, RPC_INTERNAL_ERROR, "out of memory");
	return arr;
}

/* ---- completion ----------------------------------------------------------- */

enum { KIND_PROPERTY = 10, KIND_VALUE = 12, KIND_REFERENCE = 18, KIND_CONSTANT = 21 };

static int add_item(json_t *items, const struct lsp_server *s, const struct lsp_doc *d, uint32_t from,
		    uint32_t to, const char *label, const char *insert, int kind, const char *detail)
{
	json_t *it = json_pack("{s:s, s:i, s:{s:o, s:s}}", "label", label, "kind", kind, "textEdit",
			       "range", lsp_range_json(s, d, from, to), "newText", insert);
	if (it && detail)
		json_object_set_new(it, "detail", json_string(detail));
	return json_array_append_new(items, it);
}

static bool is_key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '_';
}

json_t *lsp_completion(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	struct lsp_position pos;
	if (!d)
		return NULL;
	if (!lsp_position_param(json_object_get(params, "position"), &pos)) {
		set_error(e, RPC_INVALID_PARAMS, "position is missing");
		return NULL;
	}
	const struct chunk_model *m = model_or_error(d, e);
	if (!m)
		return NULL;
	uint32_t cur = doc_offset(d, s->enc, pos);
	uint32_t pl = parser_line(d, cur);
	const unsigned char *t = (const unsigned char *)d->text.data;
	uint32_t start = d->plines[pl - 1], i = start;
	json_t *items = json_array();
	if (!items)
		return NULL;
	while (i < cur && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i == start) /* not indented: no field here */
		return items;
	uint32_t key = i;
	while (i < cur && is_key_char(t[i]))
		i++;
	const struct record *r = record_at(m, pl > 1 ? pl - 1 : pl);
	if (!r)
		r = record_at(m, pl);
	char today[11];
	date_format(s->opt.today, today);

	if (i == cur) { /* typing a key */
		for (int k = 0; k < KEY_USER; k++) {
			if (r && !model_key_repeats((enum field_key)k) && model_field(m, r, (enum field_key)k) &&
			    model_field(m, r, (enum field_key)k)->line != pl)
				continue;
			char ins[32];
			snprintf(ins, sizeof ins, "%s: ", model_key_name((enum field_key)k));
			add_item(items, s, d, key, cur, model_key_name((enum field_key)k), ins, KIND_PROPERTY, NULL);
		}
		return items;
	}
	if (t[i] != ':')
		return items;
	enum field_key fk = model_key_lookup(t + key, i - key);
	i++;
	while (i < cur && (t[i] == ' ' || t[i] == '\t'))
		i++;
	uint32_t vfrom = i;
	char label[64], detail[160];
	switch (fk) {
	case KEY_STATUS: {
		static const char *const words[] = { "open", "kept", "broken", "released" };
		for (int w = 0; w < 4; w++) {
			if (w)
				snprintf(label, sizeof label, "%s %s", words[w], today);
			else
				snprintf(label, sizeof label, "open");
			add_item(items, s, d, vfrom, cur, label, label, KIND_CONSTANT, NULL);
		}
		break;
	}
	case KEY_BY:
	case KEY_TO:
		for (size_t k = 0; k < s->ws.people.len; k++)
			add_item(items, s, d, vfrom, cur, s->ws.people.items[k], s->ws.people.items[k], KIND_VALUE,
				 NULL);
		break;
	case KEY_IN_RETURN:
		if (!s->ws.analysed)
			break;
		for (size_t k = 0; k < s->ws.a.facts.npromises; k++) {
			const struct promise_fact *p = &s->ws.a.facts.promises[k];
			const char *id = facts_id(&s->ws.a.facts, p);
			if (!p->id_len || (r && r->id.len == p->id_len && !memcmp(m->buf + r->id.off, id, p->id_len)))
				continue;
			if (ws_promise(&s->ws, id, p->id_len) != p)
				continue; /* a duplicate: offer the first */
			struct buf b;
			buf_init(&b, s->alloc);
			bool whole = add_state(&b, p->status, p->due, FACT_NO_DATE, s->opt.today) == 0;
			snprintf(detail, sizeof detail, "%s — %s", buf_str(&b), ws_file_name(&s->ws, p->file));
			buf_release(&b);
			add_item(items, s, d, vfrom, cur, id, id, KIND_REFERENCE, whole ? detail : NULL);
		}
		break;
	case KEY_MADE:
	case KEY_DUE:
	case KEY_RENEGOTIATED:
	case KEY_RECOVERY:
	case KEY_EXTRA:
		add_item(items, s, d, vfrom, cur, today, today, KIND_VALUE, "today");
		break;
	default:
		break;
	}
	return items;
}

/* ---- code actions --------------------------------------------------------- */

/* Where a record's fields stand: indentation and the byte column of values. */
struct layout {
	const char *indent;
	uint32_t indent_len;
	uint32_t value_col;   /* 0: one space after the colon */
};

static struct layout record_layout(const struct lsp_doc *d, const struct chunk_model *m,
				   const struct record *r)
{
	struct layout l = { "  ", 2, 0 };
	if (!r->field_count)
		return l;
	const struct field *f = &m->fields[r->field_first];
	uint32_t ls = model_line(m, f->line)->start;
	l.indent = d->text.data + ls;
	l.indent_len = f->key_span.off - ls;
	if (f->value.len)
		l.value_col = f->value.off - ls;
	return l;
}

/* -1 when the buffer could not grow: the line is then incomplete (and
 * padding to the value column must not spin on a buffer that stays put). */
static int field_line(struct buf *b, const struct layout *l, const char *key, const char *value)
{
	size_t before = b->len;
	if (buf_add(b, l->indent, l->indent_len) || buf_printf(b, "%s:", key))
		return -1;
	size_t col = b->len - before;
	do
		if (buf_addc(b, ' '))
			return -1;
	while (b->len - before < l->value_col && col < l->value_col);
	return buf_printf(b, "%s\n", value);
}

static json_t *text_edit(const struct lsp_server *s, const struct lsp_doc *d, uint32_t from, uint32_t to,
			 const char *text)
{
	return json_pack("{s:o, s:s}", "range", lsp_range_json(s, d, from, to), "newText", text);
}

/* A quick fix, whole or not at all (NULL); it owns diag and edits from
 * the call on, as json_pack() owns its "o" values even when it fails. */
static json_t *action(const struct lsp_doc *d, const char *title, json_t *diag, json_t *edits, bool preferred)
{
	json_t *diags = NULL;
	if (diag && !(diags = json_pack("[o]", diag))) {
		json_decref(edits);
		return NULL;
	}
	return json_pack("{s:s, s:s, s:o*, s:o*, s:{s:{s:o}}}", "title", title, "kind", "quickfix",
			 "diagnostics", diags, "isPreferred", preferred ? json_true() : NULL, "edit",
			 "changes", d->uri, edits);
}

/* Where a new field line goes: after the record's last line. Returns the
 * offset, and whether a line break must come first (no newline at the end
 * of the file). */
static uint32_t insert_point(const struct lsp_doc *d, const struct chunk_model *m, const struct record *r,
			     bool *need_nl)
{
	*need_nl = false;
	if (r->last_line < d->nplines)
		return d->plines[r->last_line];
	*need_nl = true;
	(void)m;
	return (uint32_t)d->text.len;
}

static const struct {
	int rule;
	enum field_key key;
	const char *template;
} missing[] = {
	{ RULE_MISSING_PROMISER, KEY_BY, "NAME" },
	{ RULE_MISSING_PROMISEE, KEY_TO, "NAME (ORGANISATION)" },
	{ RULE_MISSING_MADE, KEY_MADE, "YYYY-MM-DD" },
	{ RULE_MISSING_DUE, KEY_DUE, "YYYY-MM-DD" },
	{ RULE_NOT_RECORDED, KEY_RECORDED, "WHERE THE OTHER PARTY HAS IT (mail, ticket, contract)" },
	{ RULE_UNRECIPROCATED, KEY_IN_RETURN, "WHAT WAS ASKED IN RETURN, or the other party's promise ID" },
};

static int missing_index(int rule)
{
	for (size_t i = 0; i < sizeof missing / sizeof *missing; i++)
		if (missing[i].rule == rule)
			return (int)i;
	return -1;
}

/* The diagnostic is about an absent field (not an empty one). */
static bool field_absent(const struct chunk_model *m, const struct record *r, int mi)
{
	return mi >= 0 && !model_field(m, r, missing[mi].key);
}

static int push(json_t *arr, json_t *a)
{
	return a ? json_array_append_new(arr, a) : -1;
}

static void add_missing_fields(struct lsp_server *s, struct lsp_doc *d, const struct chunk_model *m,
			       const struct record *r, const struct diag *g, json_t *out,
			       const struct record **all_offered)
{
	int mi = missing_index(g->rule);
	if (!field_absent(m, r, mi) || g->line != r->line)
		return;
	struct layout l = record_layout(d, m, r);
	bool nl;
	uint32_t at = insert_point(d, m, r, &nl);
	struct buf b;
	buf_init(&b, s->alloc);
	char title[96];
	snprintf(title, sizeof title, "Add '%s:'", model_key_name(missing[mi].key));
	if (!(nl && buf_addc(&b, '\n')) &&
	    !field_line(&b, &l, model_key_name(missing[mi].key), missing[mi].template))
		push(out, action(d, title, lsp_diagnostic_json(s, d, g),
				 json_pack("[o]", text_edit(s, d, at, at, buf_str(&b))), true));
	buf_release(&b);

	/* Every missing field at once, when more than this one is missing. */
	size_t n = 0;
	buf_init(&b, s->alloc);
	int bad = nl ? buf_addc(&b, '\n') : 0;
	for (size_t i = 0; i < sizeof missing / sizeof *missing && !bad; i++) {
		if (model_field(m, r, missing[i].key) || s->opt.severity[missing[i].rule] == SEV_OFF)
			continue;
		bad = field_line(&b, &l, model_key_name(missing[i].key), missing[i].template);
		n++;
	}
	if (n > 1 && *all_offered != r && !bad)
		push(out, action(d, "Add every missing field", NULL,
				 json_pack("[o]", text_edit(s, d, at, at, buf_str(&b))), false));
	buf_release(&b);
	*all_offered = r;
}

static void add_due_dates(struct lsp_server *s, struct lsp_doc *d, const struct diag *g, json_t *out)
{
	uint32_t from, to;
	lsp_diag_span(d, g, &from, &to);
	int32_t today = s->opt.today;
	int y, mo, dd;
	date_to_ymd(today, &y, &mo, &dd);
	const struct {
		int32_t day;
		const char *what;
	} choices[] = {
		{ today + 7, "in a week" },
		{ today + 14, "in two weeks" },
		{ date_from_ymd(y, mo, date_days_in_month(y, mo)), "the end of this month" },
	};
	for (size_t i = 0; i < 3; i++) {
		if (i == 2 && (choices[2].day == choices[0].day || choices[2].day == choices[1].day))
			continue;
		char date[11], title[96];
		date_format(choices[i].day, date);
		snprintf(title, sizeof title, "Set due to %s (%s)", date, choices[i].what);
		push(out, action(d, title, lsp_diagnostic_json(s, d, g),
				 json_pack("[o]", text_edit(s, d, from, to, date)), i == 0));
	}
}

static void add_mark_kept(struct lsp_server *s, struct lsp_doc *d, const struct chunk_model *m,
			  const struct record *r, const struct diag *g, json_t *out)
{
	if (r->status.kind != STATUS_NONE && r->status.kind != STATUS_OPEN)
		return;
	char value[32], title[128];
	date_format(s->opt.today, value + 5);
	memcpy(value, "kept ", 5);
	snprintf(title, sizeof title, "Mark %.*s kept today (%s)", (int)(r->id.len ? r->id.len : 4),
		 r->id.len ? (const char *)m->buf + r->id.off : "this", value + 5);
	json_t *edit;
	const struct field *st = model_field(m, r, KEY_STATUS);
	if (st) {
		edit = text_edit(s, d, st->value.off, span_end(st->value), value);
	} else {
		struct layout l = record_layout(d, m, r);
		bool nl;
		uint32_t at = insert_point(d, m, r, &nl);
		struct buf b;
		buf_init(&b, s->alloc);
		bool whole = !(nl && buf_addc(&b, '\n')) && !field_line(&b, &l, "status", value);
		edit = whole ? text_edit(s, d, at, at, buf_str(&b)) : NULL;
		buf_release(&b);
		if (!edit)
			return;
	}
	push(out, action(d, title, g ? lsp_diagnostic_json(s, d, g) : NULL, json_pack("[o]", edit), false));
}

static void add_suppression(struct lsp_server *s, struct lsp_doc *d, const struct chunk_model *m,
			    const struct record *r, const struct diag *g, json_t *out)
{
	const char *name = rule_table[g->rule]->name;
	uint32_t line = r->line, indent = 0;
	const struct field *f = g->line != r->line ? field_at(m, r, g->line) : NULL;
	if (f) {
		line = f->line;
		indent = f->key_span.off - model_line(m, f->line)->start;
	}
	uint32_t at = d->plines[line - 1];
	struct buf b;
	buf_init(&b, s->alloc);
	char title[128];
	snprintf(title, sizeof title, "Suppress '%s' here (with a reason)", name);
	if (!buf_add(&b, d->text.data + at, indent) && !buf_printf(&b, "# promise-ignore %s -- REASON\n", name))
		push(out, action(d, title, lsp_diagnostic_json(s, d, g),
				 json_pack("[o]", text_edit(s, d, at, at, buf_str(&b))), false));
	buf_release(&b);
}

json_t *lsp_code_actions(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	struct lsp_position a, b;
	if (!d)
		return NULL;
	json_t *range = json_object_get(params, "range");
	if (!lsp_position_param(json_object_get(range, "start"), &a) ||
	    !lsp_position_param(json_object_get(range, "end"), &b)) {
		set_error(e, RPC_INVALID_PARAMS, "range is missing");
		return NULL;
	}
	const struct chunk_model *m = model_or_error(d, e);
	if (!m)
		return NULL;
	uint32_t l0 = parser_line(d, doc_offset(d, s->enc, a));
	uint32_t l1 = parser_line(d, doc_offset(d, s->enc, b));
	json_t *out = json_array();
	if (!out)
		return NULL;
	bool kept_offered = false;
	const struct record *all_offered = NULL;
	for (size_t i = 0; i < d->ndiags; i++) {
		const struct diag *g = &d->diags[i];
		if (g->line < l0 || g->line > l1)
			continue;
		const struct record *r = record_at(m, g->line);
		if (!r)
			continue;
		if (missing_index(g->rule) >= 0)
			add_missing_fields(s, d, m, r, g, out, &all_offered);
		if (g->rule == RULE_VAGUE_DUE)
			add_due_dates(s, d, g, out);
		if ((g->rule == RULE_OVERDUE || g->rule == RULE_DUE_SOON) && !kept_offered) {
			add_mark_kept(s, d, m, r, g, out);
			kept_offered = true;
		}
		if (g->rule != RULE_SYNTAX_ERROR)
			add_suppression(s, d, m, r, g, out);
	}
	return out;
}

json_t *lsp_formatting(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	if (!d)
		return NULL;
	/* The same formatter as `promise fmt`; a document with syntax errors
	 * is left alone (its diagnostics say why). */
	struct buf out;
	buf_init(&out, s->alloc);
	int rc = fmt_format((const unsigned char *)buf_str(&d->text), d->text.len, &out);
	json_t *edits;
	if (rc == FMT_CHANGED) {
		json_t *one = text_edit(s, d, 0, (uint32_t)d->text.len, buf_str(&out));
		edits = one ? json_pack("[o]", one) : NULL;
	} else if (rc >= 0) {
		edits = json_array();
	} else {
		set_error(e, RPC_INTERNAL_ERROR, rc == FMT_ERR_NOMEM ? "out of memory" : "the document is too large");
		buf_release(&out);
		return NULL;
	}
	buf_release(&out);
	if (!edits)
		set_error(e, RPC_INTERNAL_ERROR, "out of memory");
	return edits;
}
