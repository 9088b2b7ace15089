/* parse_ref.h — the parser as it was before it kept its state in local
 * variables and took the common lines apart from the rest: one line at a
 * time, every line through one switch. test_parse compares the two on
 * generated files; nothing else uses it. */
#ifndef PROMISE_TEST_PARSE_REF_H
#define PROMISE_TEST_PARSE_REF_H

#include <string.h>

#include "parse.h"

struct ref_parser {
	struct arena *ar;
	struct chunk_model *m;
	uint32_t line;           /* current line number */
	int32_t record;          /* current record, -1 before the first */
	int32_t field;           /* current field of that record, -1 if none */
	uint32_t field_indent;   /* its key's indentation; UINT32_MAX if none */
	uint32_t pending_first;  /* comments directly above the next line */
	uint32_t pending_count;
	bool orphan_reported;    /* a run of fields outside a promise */
	uint32_t cap_lines, cap_records, cap_fields, cap_conts, cap_comments, cap_errors;
	bool oom;
};

/* A bigger array for arr (n == *cap elements): the new one, or the old
 * one with p->oom set. Out of line: it runs a few times per chunk. */
static void *ref_grow(struct ref_parser *p, void *arr, size_t elem, uint32_t n, uint32_t *cap)
{
	uint32_t nc = *cap ? *cap * 2 : 16;
	void *na = arena_grow(p->ar, arr, elem, n, nc);
	if (!na) {
		p->oom = true;
		return arr;
	}
	*cap = nc;
	return na;
}

/* Whether arr (n elements of cap) has room for one more, growing it if
 * not; false only when out of memory. */
#define ROOM(p, arr, n, cap) \
	((n) < (cap) || ((arr) = ref_grow((p), (arr), sizeof *(arr), (n), &(cap)), !(p)->oom))

static void ref_add_error(struct ref_parser *p, enum syntax_kind kind, uint32_t off, uint32_t len)
{
	struct chunk_model *m = p->m;
	if (!ROOM(p, m->errors, m->nerrors, p->cap_errors))
		return;
	struct syntax_error *e = &m->errors[m->nerrors++];
	e->kind = kind;
	e->at.off = off;
	e->at.len = len;
	e->line = p->line;
	e->record = p->record;
}

static void ref_on_problem(void *ctx, enum lex_byte_problem what, uint32_t off, uint32_t len)
{
	struct ref_parser *p = ctx;
	static const enum syntax_kind kinds[] = {
		[LEX_BAD_UTF8] = SYN_BAD_UTF8, [LEX_NUL] = SYN_NUL, [LEX_STRAY_CR] = SYN_STRAY_CR
	};
	ref_add_error(p, kinds[what], off, len);
}

static void ref_parse_status(const struct chunk_model *m, const struct field *f, struct status_value *st)
{
	const unsigned char *v = m->buf + f->value.off;
	size_t wlen = 0;
	enum status_word w = lex_status_word(v, f->value.len, &wlen);
	memset(st, 0, sizeof *st);
	st->date.status = DATE_NOT_A_DATE;
	st->kind = STATUS_INVALID;
	if (w == STATUS_WORD_NONE)
		return;
	st->word.off = f->value.off;
	st->word.len = (uint32_t)wlen;
	size_t rest = wlen;
	while (rest < f->value.len && (v[rest] == ' ' || v[rest] == '\t'))
		rest++;
	if (w == STATUS_WORD_OPEN) {
		if (rest == f->value.len)
			st->kind = STATUS_OPEN;
		return;
	}
	if (rest == f->value.len)
		return; /* kept/broken/released without its date */
	st->date_span.off = f->value.off + (uint32_t)rest;
	st->date_span.len = f->value.len - (uint32_t)rest;
	st->date = date_parse(v + rest, f->value.len - rest, true);
	if (st->date.status == DATE_NOT_A_DATE)
		return;
	st->kind = w == STATUS_WORD_KEPT ? STATUS_KEPT : w == STATUS_WORD_BROKEN ? STATUS_BROKEN : STATUS_RELEASED;
}

/* Whether [s, s + n) has a digit in it. */
static bool ref_has_digit(const unsigned char *s, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return true;
	return false;
}

/* The field before the next one (or the record's end) is complete, with
 * its continuation lines: whether an in-return names a promise. */
static inline void ref_end_field(struct ref_parser *p)
{
	struct field *f = &p->m->fields[p->field];
	if (p->field >= 0 && f->key == KEY_IN_RETURN) {
		const unsigned char *v = p->m->buf + f->value.off;
		f->ref = f->cont_count == 0 && lex_is_id(v, f->value.len) && ref_has_digit(v, f->value.len);
	}
}

/* The record is complete: its status. */
static void ref_finish_record(struct ref_parser *p)
{
	if (p->record < 0)
		return;
	ref_end_field(p);
	struct chunk_model *m = p->m;
	struct record *r = &m->records[p->record];
	if (r->first[KEY_STATUS] >= 0)
		ref_parse_status(m, &m->fields[r->first[KEY_STATUS]], &r->status);
	else
		r->status.kind = STATUS_NONE;
	p->record = -1;
	p->field = -1;
	p->field_indent = UINT32_MAX;
}

static void ref_start_record(struct ref_parser *p, const struct line_tok *t, unsigned flags)
{
	ref_finish_record(p);
	struct chunk_model *m = p->m;
	if (!ROOM(p, m->records, m->nrecords, p->cap_records))
		return;
	struct record *r = &m->records[m->nrecords];
	memset(r, 0, sizeof *r);
	r->line = r->last_line = p->line;
	r->keyword = t->keyword;
	r->flags = flags;
	if (t->kind == LINE_HEADER) {
		r->id = t->a;
		r->text = t->b;
	} else if (t->kind == LINE_HEADER_BAD_ID) {
		r->text = t->b;
	} else {
		r->text = t->a;
	}
	r->field_first = m->nfields;
	r->comment_first = p->pending_first;
	r->comment_count = p->pending_count;
	for (int k = 0; k < KEY_COUNT; k++)
		r->first[k] = -1;
	p->record = (int32_t)m->nrecords++;
	p->field = -1;
	p->field_indent = UINT32_MAX;
	p->orphan_reported = false;
}

/* A field's date, parsed as soon as its line is read (the value of a
 * date is on the key's line). */
static void ref_parse_date(const struct chunk_model *m, struct field *f)
{
	const unsigned char *v = m->buf + f->value.off;
	switch (f->key) {
	case KEY_MADE:
	case KEY_DUE:
		f->date = date_parse(v, f->value.len, true);
		break;
	case KEY_RENEGOTIATED:
	case KEY_RECOVERY:
	case KEY_EXTRA:
		f->date = date_parse(v, f->value.len, false);
		if (f->date.len < f->value.len && v[f->date.len] != ' ' && v[f->date.len] != '\t' &&
		    f->date.status != DATE_NOT_A_DATE)
			f->date.status = DATE_NOT_A_DATE; /* "2026-10-17x": no date */
		break;
	default:
		break;
	}
}

static void ref_add_field(struct ref_parser *p, const struct line_tok *t)
{
	struct chunk_model *m = p->m;
	if (!ROOM(p, m->fields, m->nfields, p->cap_fields))
		return;
	ref_end_field(p);
	struct record *r = &m->records[p->record];
	struct field *f = &m->fields[m->nfields];
	/* Member by member, not memset and then again: this runs per line. */
	f->key = t->key;
	f->key_span = t->a;
	f->value = t->b;
	f->line = p->line;
	f->indent_width = t->indent_width;
	f->cont_first = m->nconts;
	f->cont_count = 0;
	f->comment_first = p->pending_first;
	f->comment_count = p->pending_count;
	f->date = (struct date_value){ .status = DATE_NOT_A_DATE };
	f->ref = false;
	ref_parse_date(m, f);
	if (r->first[f->key] < 0)
		r->first[f->key] = (int32_t)m->nfields;
	p->field = (int32_t)m->nfields++;
	p->field_indent = t->indent_width;
	r->field_count++;
	r->last_line = p->line;
}

static void ref_add_cont(struct ref_parser *p, struct span text)
{
	struct chunk_model *m = p->m;
	if (!ROOM(p, m->conts, m->nconts, p->cap_conts))
		return;
	m->conts[m->nconts].text = text;
	m->conts[m->nconts].line = p->line;
	m->nconts++;
	m->fields[p->field].cont_count++;
	m->records[p->record].last_line = p->line;
}

/* `key:` at the very start of a line: a field that lost its indentation. */
static bool ref_looks_like_field(const unsigned char *s, uint32_t len)
{
	uint32_t i = 0;
	if (len == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return false;
	while (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
			   (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
		i++;
	return i < len && s[i] == ':' && model_key_lookup(s, i) != KEY_UNKNOWN;
}

static void ref_on_line(struct ref_parser *p, const struct line_tok *t)
{
	struct chunk_model *m = p->m;
	bool keep_pending = false;

	switch (t->kind) {
	case LINE_BLANK:
		break;
	case LINE_COMMENT:
		if (!ROOM(p, m->comments, m->ncomments, p->cap_comments))
			return;
		m->comments[m->ncomments].text = t->a;
		m->comments[m->ncomments].line = p->line;
		m->comments[m->ncomments].indent_width = t->indent_width;
		if (p->pending_count == 0)
			p->pending_first = m->ncomments;
		p->pending_count++;
		m->ncomments++;
		keep_pending = true;
		break;
	case LINE_HEADER:
		ref_start_record(p, t, 0);
		if (!p->oom && t->b.len == 0)
			ref_add_error(p, SYN_EMPTY_TEXT, t->b.off, 0);
		break;
	case LINE_HEADER_BAD_ID:
		ref_start_record(p, t, RECORD_BAD_HEADER);
		ref_add_error(p, SYN_BAD_ID, t->a.off, t->a.len);
		break;
	case LINE_HEADER_NO_COLON:
		ref_start_record(p, t, RECORD_BAD_HEADER);
		ref_add_error(p, SYN_HEADER_NO_COLON, t->keyword.off, t->end - t->keyword.off);
		break;
	case LINE_FIELD:
	case LINE_INDENTED:
		if (p->record < 0) {
			if (!p->orphan_reported) {
				uint32_t at = t->a.off; /* the key, or the indented text */
				ref_add_error(p, SYN_FIELD_OUTSIDE, at, t->end - at);
			}
			p->orphan_reported = true;
			break;
		}
		if (t->indent_width > p->field_indent) {
			struct span text = { t->kind == LINE_FIELD ? t->a.off : t->a.off, 0 };
			text.len = (t->kind == LINE_FIELD ? span_end(t->b) : span_end(t->a)) - text.off;
			ref_add_cont(p, text);
			break;
		}
		if (t->kind == LINE_FIELD)
			ref_add_field(p, t);
		else
			ref_add_error(p, SYN_NOT_A_FIELD, t->a.off, t->a.len);
		break;
	case LINE_OTHER:
		ref_add_error(p, ref_looks_like_field(m->buf + t->a.off, t->a.len) ? SYN_UNINDENTED_FIELD
									     : SYN_UNEXPECTED_LINE,
			  t->a.off, t->a.len);
		break;
	}
	if (!keep_pending)
		p->pending_count = 0;
}

static int ref_parse_chunk(struct arena *ar, const unsigned char *buf, uint32_t len,
		uint32_t first_line, bool at_file_start, struct chunk_model *out)
{
	struct ref_parser p;
	memset(&p, 0, sizeof p);
	memset(out, 0, sizeof *out);
	p.ar = ar;
	p.m = out;
	p.record = p.field = -1;
	p.field_indent = UINT32_MAX;
	out->buf = buf;
	out->len = len;
	out->first_line = first_line;

	/* Room for what a chunk of this size usually holds, so the arrays
	 * rarely ref_grow (each growth copies). Typical records are about 300
	 * bytes in 10 lines of 30. */
	{
		uint32_t lines = len / 24 + 16;
		out->lines = arena_alloc(ar, (size_t)lines * sizeof *out->lines);
		out->fields = arena_alloc(ar, (size_t)(len / 40 + 16) * sizeof *out->fields);
		out->records = arena_alloc(ar, (size_t)(len / 200 + 4) * sizeof *out->records);
		if (!out->lines || !out->fields || !out->records)
			return -1;
		p.cap_lines = lines;
		p.cap_fields = len / 40 + 16;
		p.cap_records = len / 200 + 4;
	}
	uint32_t pos = 0;
	if (at_file_start && len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
		pos = 3;
	p.line = first_line;
	bool first = true;
	while (pos < len && !p.oom) {
		struct line_tok toks[1];
		uint32_t n = 1;
		lex_line(buf, len, pos, toks, ref_on_problem, &p);
		/* Room for the whole batch, so the loop need not ask per line. */
		while (p.cap_lines - out->nlines < n && !p.oom)
			out->lines = ref_grow(&p, out->lines, sizeof *out->lines, out->nlines, &p.cap_lines);
		if (p.oom)
			break;
		for (const struct line_tok *t = toks; t < toks + n; t++) {
			out->lines[out->nlines].start = t->start;
			out->lines[out->nlines].end = t->end;
			out->nlines++;
			if (first && t->next > t->end) {
				out->crlf = t->crlf;
				first = false;
			}
			ref_on_line(&p, t);
			p.line++;
		}
		pos = toks[n - 1].next;
	}
	if (!p.oom)
		ref_finish_record(&p);
	return p.oom || ar->failed ? -1 : 0;
}

#endif
