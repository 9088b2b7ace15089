/* parse.c — a line-at-a-time state machine over lex_lines().
 *
 * State is just "the current record" and "the current field": a field line
 * indented deeper than the current field's key continues its value,
 * otherwise it starts a new field. Comments directly above a header or a
 * field (no blank line between) are attached to it, for suppressions and
 * the formatter. A date is parsed when its field is added (it stands on the
 * key's line), whether an in-return names a promise too (a continuation
 * line, which is rare, takes that back), the status once the record is
 * complete: no second pass over the fields and no look back at the field
 * before. Lines come from the scanner in batches, a call per batch
 * rather than per line. Rejected: a recursive-descent parser over tokens —
 * the format has no nesting, and per-line classification keeps recovery
 * trivial (every line is a fresh start). */
#include "parse.h"

#include <string.h>

struct parser {
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

/* arr (n elements of *cap) with room for `more` elements more: the same
 * array or a bigger one; NULL (p->oom set) when out of memory. */
static void *reserve(struct parser *p, void *arr, size_t elem, uint32_t n, uint32_t *cap, uint32_t more)
{
	if (*cap - n >= more)
		return arr;
	uint32_t nc = *cap ? *cap * 2 : 16;
	if (nc - n < more)
		nc = n + more;
	void *na = arena_grow(p->ar, arr, elem, n, nc);
	if (!na) {
		p->oom = true;
		return NULL;
	}
	*cap = nc;
	return na;
}

/* Room for a batch of n lines: each line adds at most one line, record,
 * field, continuation line or comment, so nothing is asked per line (only
 * syntax errors, which are rare, ask for their room each). */
static bool reserve_batch(struct parser *p, uint32_t n)
{
	struct chunk_model *m = p->m;
	void *a;
#define RESERVE(arr, count, cap)                                                           \
	if (!(a = reserve(p, (arr), sizeof *(arr), (count), &(cap), n)))                   \
		return false;                                                              \
	(arr) = a
	RESERVE(m->lines, m->nlines, p->cap_lines);
	RESERVE(m->records, m->nrecords, p->cap_records);
	RESERVE(m->fields, m->nfields, p->cap_fields);
	RESERVE(m->conts, m->nconts, p->cap_conts);
	RESERVE(m->comments, m->ncomments, p->cap_comments);
#undef RESERVE
	return true;
}

static void add_error(struct parser *p, enum syntax_kind kind, uint32_t off, uint32_t len)
{
	struct chunk_model *m = p->m;
	void *a = reserve(p, m->errors, sizeof *m->errors, m->nerrors, &p->cap_errors, 1);
	if (!a)
		return;
	m->errors = a;
	struct syntax_error *e = &m->errors[m->nerrors++];
	e->kind = kind;
	e->at.off = off;
	e->at.len = len;
	e->line = p->line;
	e->record = p->record;
}

static void on_problem(void *ctx, enum lex_byte_problem what, uint32_t off, uint32_t len)
{
	struct parser *p = ctx;
	static const enum syntax_kind kinds[] = {
		[LEX_BAD_UTF8] = SYN_BAD_UTF8, [LEX_NUL] = SYN_NUL, [LEX_STRAY_CR] = SYN_STRAY_CR
	};
	add_error(p, kinds[what], off, len);
}

/* The status of a record that has a status field: out of line, as only
 * some records have one. */
static __attribute__((noinline)) void parse_status(const struct chunk_model *m, const struct field *f,
						   struct status_value *st)
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

/* The record is complete: its status. */
static inline void finish_record(struct parser *p)
{
	if (p->record < 0)
		return;
	struct chunk_model *m = p->m;
	struct record *r = &m->records[p->record];
	if (r->first[KEY_STATUS] >= 0)
		parse_status(m, &m->fields[r->first[KEY_STATUS]], &r->status);
	p->record = -1;
	p->field = -1;
	p->field_indent = UINT32_MAX;
}

static void start_record(struct parser *p, const struct line_tok *t, unsigned flags)
{
	finish_record(p);
	struct chunk_model *m = p->m;
	struct record *r = &m->records[m->nrecords];
	/* Member by member: the struct is large and most of it is set here. */
	r->line = r->last_line = p->line;
	r->keyword = t->keyword;
	r->id = t->kind == LINE_HEADER ? t->a : (struct span){ 0, 0 };
	r->text = t->kind == LINE_HEADER || t->kind == LINE_HEADER_BAD_ID ? t->b : t->a;
	r->flags = flags;
	r->field_first = m->nfields;
	r->field_count = 0;
	r->comment_first = p->pending_first;
	r->comment_count = p->pending_count;
	for (int k = 0; k < KEY_COUNT; k++)
		r->first[k] = -1;
	r->keys = r->repeated = r->blank = r->undated = 0;
	/* That of a record without a status field; finish_record() reads one
	 * if there is. */
	r->status.kind = STATUS_NONE;
	r->status.date = (struct date_value){ .status = DATE_OK };
	r->status.word = r->status.date_span = (struct span){ 0, 0 };
	p->record = (int32_t)m->nrecords++;
	p->field = -1;
	p->field_indent = UINT32_MAX;
	p->orphan_reported = false;
}

/* The keys whose value is or starts with a date. */
enum { DATE_KEYS = 1u << KEY_MADE | 1u << KEY_DUE | 1u << KEY_RENEGOTIATED | 1u << KEY_RECOVERY |
		   1u << KEY_EXTRA };

/* The date of a field with one of DATE_KEYS but the common plain date of
 * `made:` and `due:` (set_field's own), parsed as soon as its line is
 * read (the value of a date is on the key's line). Returns whether it is
 * on the calendar, for the record's summary. */
static __attribute__((noinline)) bool parse_date(const unsigned char *v, struct field *f)
{
	if (f->key == KEY_MADE || f->key == KEY_DUE) {
		f->date = date_parse_full(v, f->value.len, true);
		return f->date.status == DATE_OK;
	}
	f->date = date_parse(v, f->value.len, false);
	if (f->date.len < f->value.len && v[f->date.len] != ' ' && v[f->date.len] != '\t' &&
	    f->date.status != DATE_NOT_A_DATE)
		f->date.status = DATE_NOT_A_DATE; /* "2026-10-17x": no date */
	return f->date.status == DATE_OK;
}

/* The field line t starts field i of record r; the comments directly
 * above it are [pending_first, + pending_count). */
static inline __attribute__((always_inline)) void set_field(const struct chunk_model *m, struct record *r, uint32_t i,
			     const struct line_tok *t, uint32_t line, uint32_t pending_first,
			     uint32_t pending_count)
{
	struct field *f = &m->fields[i];
	/* Member by member, not memset and then again: this runs per line. */
	f->key = t->key;
	f->key_span = t->a;
	f->value = t->b;
	f->line = line;
	f->indent_width = t->indent_width;
	f->cont_first = m->nconts;
	f->cont_count = 0;
	f->comment_first = pending_first;
	f->comment_count = pending_count;
	/* An in-return names a promise if its value is one ID with a digit
	 * and no continuation line follows (add_cont() takes it back). */
	f->ref = t->key == KEY_IN_RETURN && lex_is_ref(m->buf + t->b.off, t->b.len);
	/* The record's summary (model.h) is kept here too: rare cases, out of
	 * the common path. */
	int32_t day;
	if ((1u << KEY_MADE | 1u << KEY_DUE) >> t->key & 1 && t->b.len == 10 &&
	    date_plain_day(m->buf + t->b.off, &day)) {
		f->date = (struct date_value){ DATE_OK, day, -1, 0, false, 10, NULL };
	} else if (DATE_KEYS >> t->key & 1) {
		if (__builtin_expect(!parse_date(m->buf + t->b.off, f), 0))
			r->undated |= (uint16_t)(1u << t->key);
	} else {
		f->date = (struct date_value){ .status = DATE_NOT_A_DATE };
	}
	if (__builtin_expect(r->first[t->key] >= 0, 0)) {
		r->repeated |= (uint16_t)(1u << t->key);
	} else {
		r->first[t->key] = (int32_t)i;
		r->keys |= (uint16_t)(1u << t->key);
	}
	if (__builtin_expect(!t->b.len, 0))
		r->blank |= (uint16_t)(1u << t->key);
	r->field_count++;
	r->last_line = line;
}

static void add_field(struct parser *p, const struct line_tok *t)
{
	struct chunk_model *m = p->m;
	uint32_t i = m->nfields++;
	set_field(m, &m->records[p->record], i, t, p->line, p->pending_first, p->pending_count);
	p->field = (int32_t)i;
	p->field_indent = t->indent_width;
}

static void add_cont(struct parser *p, struct span text)
{
	struct chunk_model *m = p->m;
	m->conts[m->nconts].text = text;
	m->conts[m->nconts].line = p->line;
	m->nconts++;
	m->fields[p->field].cont_count++;
	m->fields[p->field].ref = false; /* a value of more than one line */
	m->records[p->record].last_line = p->line;
}

/* `key:` at the very start of a line: a field that lost its indentation. */
static bool looks_like_field(const unsigned char *s, uint32_t len)
{
	uint32_t i = 0;
	if (len == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return false;
	while (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
			   (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
		i++;
	return i < len && s[i] == ':' && model_key_lookup(s, i) != KEY_UNKNOWN;
}

/* Any line but the common ones parse_lines() takes itself. */
static void on_line(struct parser *p, const struct line_tok *t)
{
	struct chunk_model *m = p->m;
	bool keep_pending = false;

	switch (t->kind) {
	case LINE_BLANK:
		break;
	case LINE_COMMENT:
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
		start_record(p, t, 0);
		if (t->b.len == 0)
			add_error(p, SYN_EMPTY_TEXT, t->b.off, 0);
		break;
	case LINE_HEADER_BAD_ID:
		start_record(p, t, RECORD_BAD_HEADER);
		add_error(p, SYN_BAD_ID, t->a.off, t->a.len);
		break;
	case LINE_HEADER_NO_COLON:
		start_record(p, t, RECORD_BAD_HEADER);
		add_error(p, SYN_HEADER_NO_COLON, t->keyword.off, t->end - t->keyword.off);
		break;
	case LINE_FIELD:
	case LINE_INDENTED:
		if (p->record < 0) {
			if (!p->orphan_reported) {
				uint32_t at = t->a.off; /* the key, or the indented text */
				add_error(p, SYN_FIELD_OUTSIDE, at, t->end - at);
			}
			p->orphan_reported = true;
			break;
		}
		if (t->indent_width > p->field_indent) {
			struct span text = { t->a.off, 0 };
			text.len = (t->kind == LINE_FIELD ? span_end(t->b) : span_end(t->a)) - text.off;
			add_cont(p, text);
			break;
		}
		if (t->kind == LINE_FIELD)
			add_field(p, t);
		else
			add_error(p, SYN_NOT_A_FIELD, t->a.off, t->a.len);
		break;
	case LINE_OTHER:
		add_error(p, looks_like_field(m->buf + t->a.off, t->a.len) ? SYN_UNINDENTED_FIELD
									     : SYN_UNEXPECTED_LINE,
			  t->a.off, t->a.len);
		break;
	}
	if (!keep_pending)
		p->pending_count = 0;
}

/* A batch of lines from the scanner (there is room for each). The common
 * lines, a field of the current record and a blank line, are taken here,
 * with the state in local variables (stores into the model cannot change
 * them, so they stay in registers); the rest by on_line(), with the
 * state handed over and taken back. */
static void parse_lines(struct parser *p, const struct line_tok *toks, uint32_t n)
{
	struct chunk_model *const m = p->m;
	struct line_info *li = m->lines + m->nlines;
	uint32_t line = p->line, nfields = m->nfields, field_indent = p->field_indent;
	int32_t field = p->field;
	struct record *r = p->record >= 0 ? &m->records[p->record] : NULL;
	m->nlines += n;
	for (const struct line_tok *t = toks; t < toks + n; t++, li++, line++) {
		li->start = t->start;
		li->end = t->end;
		if (t->kind == LINE_FIELD && r && t->indent_width <= field_indent) {
			set_field(m, r, nfields, t, line, p->pending_first, p->pending_count);
			field = (int32_t)nfields++;
			field_indent = t->indent_width;
			p->pending_count = 0;
		} else if (t->kind == LINE_BLANK) {
			p->pending_count = 0;
		} else {
			p->line = line;
			p->field = field;
			p->field_indent = field_indent;
			m->nfields = nfields;
			on_line(p, t);
			nfields = m->nfields;
			field = p->field;
			field_indent = p->field_indent;
			r = p->record >= 0 ? &m->records[p->record] : NULL;
		}
	}
	p->line = line;
	p->field = field;
	p->field_indent = field_indent;
	m->nfields = nfields;
}

int parse_chunk(struct arena *ar, const unsigned char *buf, uint32_t len,
		uint32_t first_line, bool at_file_start, struct chunk_model *out)
{
	struct parser p;
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
	 * rarely grow (each growth copies). Typical records are about 300
	 * bytes in 10 lines of 30. */
	{
		uint32_t lines = len / 24 + 64, fields = len / 40 + 64, records = len / 200 + 64;
		out->lines = arena_alloc(ar, (size_t)lines * sizeof *out->lines);
		out->fields = arena_alloc(ar, (size_t)fields * sizeof *out->fields);
		out->records = arena_alloc(ar, (size_t)records * sizeof *out->records);
		if (!out->lines || !out->fields || !out->records)
			return -1;
		p.cap_lines = lines;
		p.cap_fields = fields;
		p.cap_records = records;
	}
	uint32_t pos = 0;
	if (at_file_start && len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
		pos = 3;
	p.line = first_line;
	bool first = true;
	while (pos < len) {
		struct line_tok toks[64];
		uint32_t n = lex_lines(buf, len, pos, toks, 64, on_problem, &p);
		if (p.oom || !reserve_batch(&p, n))
			break;
		for (uint32_t i = 0; first && i < n; i++) {
			if (toks[i].next > toks[i].end) {
				out->crlf = toks[i].crlf;
				first = false;
			}
		}
		parse_lines(&p, toks, n);
		pos = toks[n - 1].next;
	}
	if (!p.oom)
		finish_record(&p);
	return p.oom || ar->failed ? -1 : 0;
}

bool parse_is_header_line(const unsigned char *buf, uint32_t len, uint32_t pos)
{
	static const char kw[] = "promise";
	if (len - pos < 7)
		return false;
	for (int i = 0; i < 7; i++)
		if ((buf[pos + (uint32_t)i] | 0x20) != kw[i])
			return false;
	if (pos + 7 == len)
		return true;
	unsigned char c = buf[pos + 7];
	return c == ' ' || c == '\t' || c == ':' || c == '\n' || c == '\r';
}

static bool is_comment_line(const unsigned char *buf, uint32_t start, uint32_t end)
{
	while (start < end && (buf[start] == ' ' || buf[start] == '\t'))
		start++;
	return start < end && buf[start] == '#';
}

/* Where the line at `start` begins: after the byte-order mark that may
 * stand before a file's first line, at the buffer's start. */
static uint32_t line_body(const unsigned char *buf, uint32_t len, uint32_t start)
{
	return start == 0 && len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : start;
}

uint32_t parse_split_point(const unsigned char *buf, uint32_t len)
{
	/* Walk line starts backwards from the end. */
	uint32_t end = len;
	while (end > 0) {
		uint32_t start = end - 1;
		/* end is a line start (or len); find the start of the line before */
		while (start > 0 && buf[start - 1] != '\n')
			start--;
		if (parse_is_header_line(buf, len, line_body(buf, len, start))) {
			/* Include the comments directly above. */
			uint32_t cut = start;
			while (cut > 0) {
				uint32_t prev = cut - 1;
				while (prev > 0 && buf[prev - 1] != '\n')
					prev--;
				if (!is_comment_line(buf, line_body(buf, len, prev), cut - 1))
					break;
				cut = prev;
			}
			return cut;
		}
		end = start;
	}
	return UINT32_MAX;
}
