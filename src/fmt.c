/* fmt.c — the canonical layout, written from the parser's model.
 *
 * The whole buffer is parsed as one chunk. Without syntax errors every line
 * is then a header, a field, a continuation, a comment or a blank, and a
 * map from lines to model entries drives the output. Between records there
 * are only comment blocks and blanks. Inside a record each field owns the
 * comments above it and the lines that continue it (comments among them
 * included), so the block moves as one when the fields are put in order.
 * Only the layout is written anew (see fmt.h); IDs, texts, values and
 * comments are copied from the model's spans.
 *
 * Attachment decides the blank lines: a comment block the parser attached
 * to the header or field below it stays directly above it, and one it did
 * not attach keeps one blank line after it, so parsing the output attaches
 * exactly what parsing the input did.
 *
 * Rejected: patching whitespace in the input in place. Putting fields in
 * order needs the model anyway, and a second reading of the bytes would be
 * a second parser, free to drift from the grammar. */
#include "fmt.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "date.h"
#include "lex.h"
#include "model.h"
#include "parse.h"

enum {
	INDENT = 2,          /* fields and the comments of a record */
	KEY_WIDTH_MIN = 10   /* "in-return:", the longest usual key */
};

/* x- and unknown keys share the last place in the order. */
#define RANK_LAST ((uint32_t)KEY_USER)

enum line_role { ROLE_BLANK, ROLE_COMMENT, ROLE_HEADER, ROLE_FIELD, ROLE_CONT };

struct line_ref {
	uint32_t role;   /* enum line_role */
	uint32_t index;  /* into the model's comments, records, fields or conts */
};

struct writer {
	const struct chunk_model *m;
	const struct line_ref *lines;  /* by line number - m->first_line */
	uint32_t *order;               /* scratch: one record's fields in order */
	struct buf *out;
	const char *eol;
	size_t eol_len;
	bool blank_due;                /* a blank line goes before the next line */
	bool started;                  /* a line has been written */
	bool failed;
};

static const unsigned char bom[3] = { 0xEF, 0xBB, 0xBF };

static void put(struct writer *w, const void *s, size_t n)
{
	if (n && !w->failed && buf_add(w->out, s, n))
		w->failed = true;
}

static void put_span(struct writer *w, struct span s) { put(w, w->m->buf + s.off, s.len); }

static void put_spaces(struct writer *w, size_t n)
{
	static const char sp[] = "                                ";
	while (n) {
		size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;
		put(w, sp, k);
		n -= k;
	}
}

/* Every line starts here: the blank line owed before it, if any. A blank
 * is never owed at the start of the output, so none leads the file. */
static void begin_line(struct writer *w)
{
	if (w->blank_due && w->started)
		put(w, w->eol, w->eol_len);
	w->blank_due = false;
	w->started = true;
}

static void end_line(struct writer *w) { put(w, w->eol, w->eol_len); }

static const struct line_ref *ref(const struct writer *w, uint32_t line)
{
	return &w->lines[line - w->m->first_line];
}

static void write_comment(struct writer *w, uint32_t index, size_t indent)
{
	begin_line(w);
	put_spaces(w, indent);
	put(w, "#", 1);
	put_span(w, w->m->comments[index].text);
	end_line(w);
}

static void two_digits(char *p, int v)
{
	p[0] = (char)('0' + v / 10 % 10);
	p[1] = (char)('0' + v % 10);
}

/* A valid date as `YYYY-MM-DD`, then ` HH:MM` and `+HH:MM` when given. The
 * calendar date is copied (the grammar has no other spelling of it); the
 * time and the offset are written from their values, so `T`, `Z`, `+0100`
 * and a space before the offset all come out one way. */
static void write_date(struct writer *w, const unsigned char *text, const struct date_value *d)
{
	char tail[16];
	size_t n = 0;
	put(w, text, 10);
	if (d->minute >= 0) {
		tail[n++] = ' ';
		two_digits(tail + n, d->minute / 60);
		tail[n + 2] = ':';
		two_digits(tail + n + 3, d->minute % 60);
		n += 5;
	}
	if (d->has_offset) {
		int off = d->offset < 0 ? -d->offset : d->offset;
		tail[n++] = d->offset < 0 ? '-' : '+';
		two_digits(tail + n, off / 60);
		tail[n + 2] = ':';
		two_digits(tail + n + 3, off % 60);
		n += 5;
	}
	put(w, tail, n);
}

/* `WORD DATE` for a status whose date is valid; false to copy it as is. */
static bool write_status(struct writer *w, const unsigned char *v, uint32_t n)
{
	size_t wlen = 0;
	enum status_word word = lex_status_word(v, n, &wlen);
	if (word == STATUS_WORD_NONE || word == STATUS_WORD_OPEN)
		return false;
	size_t at = wlen;
	while (at < n && (v[at] == ' ' || v[at] == '\t'))
		at++;
	if (at == n)
		return false;
	struct date_value d = date_parse(v + at, n - at, true);
	if (d.status != DATE_OK || d.len != n - at)
		return false;
	put(w, v, wlen);
	put(w, " ", 1);
	write_date(w, v + at, &d);
	return true;
}

/* A value with its date normalised when the value holds a valid one;
 * anything else, invalid dates included, is copied byte for byte. The
 * length checks make sure no byte after a date is ever dropped. */
static void write_value(struct writer *w, const struct field *f)
{
	const unsigned char *v = w->m->buf + f->value.off;
	uint32_t n = f->value.len;
	switch (f->key) {
	case KEY_MADE:
	case KEY_DUE:
		if (f->date.status == DATE_OK && f->date.len == n) {
			write_date(w, v, &f->date);
			return;
		}
		break;
	case KEY_RENEGOTIATED:
	case KEY_RECOVERY:
	case KEY_EXTRA:
		if (f->date.status == DATE_OK && f->date.len <= n) {
			write_date(w, v, &f->date);
			put(w, v + f->date.len, n - f->date.len);
			return;
		}
		break;
	case KEY_STATUS:
		if (write_status(w, v, n))
			return;
		break;
	default:
		break;
	}
	put(w, v, n);
}

static void write_field_line(struct writer *w, const struct field *f, size_t column)
{
	char key[64];
	const unsigned char *k = w->m->buf + f->key_span.off;
	begin_line(w);
	put_spaces(w, INDENT);
	for (uint32_t i = 0; i < f->key_span.len; i += sizeof key) {
		size_t n = f->key_span.len - i < sizeof key ? f->key_span.len - i : sizeof key;
		for (size_t j = 0; j < n; j++) {
			unsigned char c = k[i + j];
			key[j] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
		}
		put(w, key, n);
	}
	put(w, ":", 1);
	if (f->value.len) {
		put_spaces(w, column - INDENT - f->key_span.len - 1);
		write_value(w, f);
	}
	end_line(w);
}

static uint32_t last_line_of(const struct chunk_model *m, const struct field *f)
{
	return f->cont_count ? m->conts[f->cont_first + f->cont_count - 1].line : f->line;
}

/* One field and what travels with it: the comment blocks above it (from
 * the end of the field before), its line, and its continuation lines with
 * any comments among them. Blank lines go, except the one that keeps a
 * comment block detached from the field below it. */
static void write_field_block(struct writer *w, const struct field *f, uint32_t from, size_t column)
{
	const struct chunk_model *m = w->m;
	uint32_t line = from;
	while (line < f->line) {
		if (ref(w, line)->role != ROLE_COMMENT) {
			line++;
			continue;
		}
		for (; line < f->line && ref(w, line)->role == ROLE_COMMENT; line++)
			write_comment(w, ref(w, line)->index, INDENT);
		if (line < f->line)
			w->blank_due = true; /* the block was detached: keep it so */
	}
	write_field_line(w, f, column);
	uint32_t last = last_line_of(m, f);
	for (line = f->line + 1; line <= last; line++) {
		const struct line_ref *lr = ref(w, line);
		if (lr->role == ROLE_COMMENT) {
			write_comment(w, lr->index, INDENT);
		} else if (lr->role == ROLE_CONT) {
			begin_line(w);
			put_spaces(w, column);
			put_span(w, m->conts[lr->index].text);
			end_line(w);
		}
	}
}

static uint32_t rank(enum field_key key) { return (uint32_t)key < RANK_LAST ? (uint32_t)key : RANK_LAST; }

static void write_record(struct writer *w, const struct record *r)
{
	const struct chunk_model *m = w->m;
	begin_line(w);
	put(w, "promise", 7);
	if (r->id.len) {
		put(w, " ", 1);
		put_span(w, r->id);
	}
	put(w, ":", 1);
	if (r->text.len) {
		put(w, " ", 1);
		put_span(w, r->text);
	}
	end_line(w);

	/* The value column: past the longest key of the record and its colon,
	 * and never left of where `in-return: ` puts it. */
	uint32_t widest = KEY_WIDTH_MIN - 1;
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++)
		if (m->fields[i].key_span.len > widest)
			widest = m->fields[i].key_span.len;
	size_t column = INDENT + (size_t)widest + 1 + 1;

	/* A stable counting sort by rank keeps repeated keys, and x- and
	 * unknown keys, in the order they were written. */
	uint32_t start[RANK_LAST + 2] = { 0 };
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++)
		start[rank(m->fields[i].key) + 1]++;
	for (uint32_t k = 1; k < RANK_LAST + 2; k++)
		start[k] += start[k - 1];
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++)
		w->order[start[rank(m->fields[i].key)]++] = i;

	for (uint32_t k = 0; k < r->field_count; k++) {
		uint32_t i = w->order[k];
		uint32_t from = i == r->field_first ? r->line + 1 : last_line_of(m, &m->fields[i - 1]) + 1;
		write_field_block(w, &m->fields[i], from, column);
	}
}

/* The lines [lo, hi) between two records (or before the first, or after
 * the last): comment blocks and blanks. A block directly above the next
 * header stays there; an indented block directly below a record's last
 * line stays with that record, indented; every other block stands alone at
 * the left margin, with one blank line around it. */
static void write_between(struct writer *w, uint32_t lo, uint32_t hi, bool after_record,
			  bool header_follows)
{
	uint32_t line = lo;
	while (line < hi) {
		if (ref(w, line)->role != ROLE_COMMENT) {
			line++;
			continue;
		}
		uint32_t end = line;
		while (end < hi && ref(w, end)->role == ROLE_COMMENT)
			end++;
		bool attached = end == hi && header_follows;
		bool trailing = after_record && line == lo && !attached &&
				w->m->comments[ref(w, line)->index].indent_width > 0;
		w->blank_due = !trailing;
		for (; line < end; line++)
			write_comment(w, ref(w, line)->index, trailing ? INDENT : 0);
	}
	w->blank_due = !(header_follows && lo < hi && ref(w, hi - 1)->role == ROLE_COMMENT);
}

static void write_all(struct writer *w)
{
	const struct chunk_model *m = w->m;
	uint32_t line = m->first_line, end = m->first_line + m->nlines;
	for (uint32_t k = 0; k < m->nrecords; k++) {
		const struct record *r = &m->records[k];
		write_between(w, line, r->line, k > 0, true);
		write_record(w, r);
		line = r->last_line + 1;
	}
	write_between(w, line, end, m->nrecords > 0, false);
}

static int map_lines(struct arena *ar, const struct chunk_model *m, struct line_ref **out)
{
	struct line_ref *lines = arena_alloc(ar, (size_t)m->nlines * sizeof *lines);
	if (!lines)
		return -1;
	memset(lines, 0, (size_t)m->nlines * sizeof *lines);
	uint32_t base = m->first_line;
	for (uint32_t i = 0; i < m->ncomments; i++)
		lines[m->comments[i].line - base] = (struct line_ref){ ROLE_COMMENT, i };
	for (uint32_t i = 0; i < m->nrecords; i++)
		lines[m->records[i].line - base] = (struct line_ref){ ROLE_HEADER, i };
	for (uint32_t i = 0; i < m->nfields; i++)
		lines[m->fields[i].line - base] = (struct line_ref){ ROLE_FIELD, i };
	for (uint32_t i = 0; i < m->nconts; i++)
		lines[m->conts[i].line - base] = (struct line_ref){ ROLE_CONT, i };
	*out = lines;
	return 0;
}

int fmt_format(const unsigned char *src, size_t len, struct buf *out)
{
	if (len >= UINT32_MAX)
		return FMT_ERR_TOO_BIG;
	struct arena ar;
	arena_init(&ar, out->alloc);
	struct chunk_model m;
	struct line_ref *lines = NULL;
	uint32_t *order = NULL;
	int rc = FMT_ERR_NOMEM;
	if (parse_chunk(&ar, src, (uint32_t)len, 1, true, &m))
		goto done;
	if (m.nerrors) {
		rc = FMT_SYNTAX;
		goto done;
	}
	if (map_lines(&ar, &m, &lines))
		goto done;
	order = arena_alloc(&ar, (size_t)m.nfields * sizeof *order);
	if (!order)
		goto done;

	size_t start = out->len;
	struct writer w = { &m, lines, order, out, m.crlf ? "\r\n" : "\n", m.crlf ? 2 : 1,
			    false, false, false };
	if (len >= 3 && !memcmp(src, bom, 3))
		put(&w, bom, 3);
	write_all(&w);
	if (w.failed) {
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
		goto done;
	}
	size_t n = out->len - start;
	rc = n == len && (len == 0 || !memcmp(out->data + start, src, len)) ? FMT_CANONICAL : FMT_CHANGED;
done:
	arena_release(&ar);
	return rc;
}

int fmt_write_file(const char *path, const void *data, size_t len, const struct fsio_ops *ops)
{
	char real[PATH_MAX];
	struct stat st;
	if (!realpath(path, real) || stat(real, &st))
		return -1;
	if (!S_ISREG(st.st_mode))
		return FMT_ERR_NOT_REGULAR;
	return fsio_write_atomic(real, data, len, ops);
}
