/* fmt_props.h — what formatting must keep, checked by test_fmt and by the
 * fuzz target fuzz/fmt.c (header-only test code, no cmocka).
 *
 * fmt_props_check(x) formats x and verifies that fmt(x) is canonical
 * (formatting it again changes nothing) and that parse(fmt(x)) holds what
 * parse(x) holds: the records with their IDs and texts, the fields in the
 * canonical order with the same keys (up to case), values (up to the
 * spelling of a valid date), continuation lines and attached comments, the
 * comments attached to headers, and every comment of the file. */
#ifndef PROMISE_FMT_PROPS_H
#define PROMISE_FMT_PROPS_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "date.h"
#include "fmt.h"
#include "lex.h"
#include "model.h"
#include "parse.h"

static inline bool props_span_eq(const struct chunk_model *x, struct span a, const struct chunk_model *y,
				 struct span b)
{
	return a.len == b.len && !memcmp(x->buf + a.off, y->buf + b.off, a.len);
}

static inline bool props_span_eq_nocase(const struct chunk_model *x, struct span a,
					const struct chunk_model *y, struct span b)
{
	if (a.len != b.len)
		return false;
	for (uint32_t i = 0; i < a.len; i++) {
		unsigned char c = x->buf[a.off + i], d = y->buf[b.off + i];
		if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != (d >= 'A' && d <= 'Z' ? d | 0x20 : d))
			return false;
	}
	return true;
}

static inline bool date_eq(const struct date_value *a, const struct date_value *b)
{
	return a->status == DATE_OK && b->status == DATE_OK && a->day == b->day && a->minute == b->minute &&
	       a->has_offset == b->has_offset && (!a->has_offset || a->offset == b->offset);
}

/* A status value as its word and a valid date; false when it has none. */
static inline bool status_parts(const struct chunk_model *m, const struct field *f, struct span *word,
				struct date_value *date)
{
	const unsigned char *v = m->buf + f->value.off;
	size_t wlen = 0;
	if (lex_status_word(v, f->value.len, &wlen) == STATUS_WORD_NONE)
		return false;
	size_t at = wlen;
	while (at < f->value.len && (v[at] == ' ' || v[at] == '\t'))
		at++;
	*word = (struct span){ f->value.off, (uint32_t)wlen };
	*date = date_parse(v + at, f->value.len - at, true);
	return date->status == DATE_OK && date->len == f->value.len - at;
}

/* Two values are the same when their bytes are, or when the only
 * difference is the spelling of a valid date. */
static inline bool props_value_eq(const struct chunk_model *x, const struct field *a,
				  const struct chunk_model *y, const struct field *b)
{
	if (props_span_eq(x, a->value, y, b->value))
		return true;
	switch (a->key) {
	case KEY_MADE:
	case KEY_DUE:
		return date_eq(&a->date, &b->date) && a->date.len == a->value.len && b->date.len == b->value.len;
	case KEY_RENEGOTIATED:
	case KEY_RECOVERY:
	case KEY_EXTRA: {
		struct span ra = { a->value.off + a->date.len, a->value.len - a->date.len };
		struct span rb = { b->value.off + b->date.len, b->value.len - b->date.len };
		return date_eq(&a->date, &b->date) && props_span_eq(x, ra, y, rb);
	}
	case KEY_STATUS: {
		struct span wa, wb;
		struct date_value da, db;
		return status_parts(x, a, &wa, &da) && status_parts(y, b, &wb, &db) &&
		       props_span_eq(x, wa, y, wb) && date_eq(&da, &db);
	}
	default:
		return false;
	}
}

static inline uint32_t key_rank(enum field_key k) { return k < KEY_USER ? (uint32_t)k : (uint32_t)KEY_USER; }

static inline int props_cmp_comment(const void *a, const void *b, void *ctx)
{
	const struct chunk_model *m = ctx;
	const struct comment *x = a, *y = b;
	uint32_t n = x->text.len < y->text.len ? x->text.len : y->text.len;
	int c = n ? memcmp(m->buf + x->text.off, m->buf + y->text.off, n) : 0;
	return c ? c : (x->text.len > y->text.len) - (x->text.len < y->text.len);
}

static inline bool props_comments_eq(const struct chunk_model *x, uint32_t xf, uint32_t xn,
				     const struct chunk_model *y, uint32_t yf, uint32_t yn)
{
	if (xn != yn)
		return false;
	for (uint32_t i = 0; i < xn; i++)
		if (!props_span_eq(x, x->comments[xf + i].text, y, y->comments[yf + i].text))
			return false;
	return true;
}

#define PROPS_FAIL(...)                                  \
	do {                                             \
		snprintf(why, size, __VA_ARGS__);        \
		goto out;                                \
	} while (0)

/* 0 when y, the model of fmt(x), keeps what x has; -1 with the reason. */
static inline int fmt_props_same(const struct chunk_model *x, const struct chunk_model *y, char *why,
				 size_t size)
{
	int rc = -1;
	uint32_t *order = malloc((x->nfields + 1) * sizeof *order);
	struct comment *cx = malloc((x->ncomments + 1) * sizeof *cx);
	struct comment *cy = malloc((y->ncomments + 1) * sizeof *cy);
	if (!order || !cx || !cy)
		PROPS_FAIL("out of memory");
	if (y->nerrors)
		PROPS_FAIL("the formatted text has %u syntax errors", y->nerrors);
	if (x->nrecords != y->nrecords || x->nfields != y->nfields || x->nconts != y->nconts ||
	    x->ncomments != y->ncomments)
		PROPS_FAIL("records/fields/continuations/comments: %u/%u/%u/%u, then %u/%u/%u/%u", x->nrecords,
			   x->nfields, x->nconts, x->ncomments, y->nrecords, y->nfields, y->nconts, y->ncomments);
	if (y->nlines && x->crlf != y->crlf) /* an empty result has no line ends */
		PROPS_FAIL("the line ends changed");
	for (uint32_t k = 0; k < x->nrecords; k++) {
		const struct record *rx = &x->records[k], *ry = &y->records[k];
		if (!props_span_eq(x, rx->id, y, ry->id) || !props_span_eq(x, rx->text, y, ry->text) ||
		    !props_span_eq_nocase(x, rx->keyword, y, ry->keyword) || rx->field_count != ry->field_count ||
		    rx->status.kind != ry->status.kind)
			PROPS_FAIL("record %u (line %u) differs", k, rx->line);
		if (!props_comments_eq(x, rx->comment_first, rx->comment_count, y, ry->comment_first,
				       ry->comment_count))
			PROPS_FAIL("the comments above record %u (line %u) differ", k, rx->line);
		uint32_t n = 0;
		for (uint32_t rank = 0; rank <= KEY_USER; rank++)
			for (uint32_t i = rx->field_first; i < rx->field_first + rx->field_count; i++)
				if (key_rank(x->fields[i].key) == rank)
					order[n++] = i;
		for (uint32_t j = 0; j < n; j++) {
			const struct field *fx = &x->fields[order[j]], *fy = &y->fields[ry->field_first + j];
			if (fx->key != fy->key || !props_span_eq_nocase(x, fx->key_span, y, fy->key_span) ||
			    !props_value_eq(x, fx, y, fy) || fx->cont_count != fy->cont_count)
				PROPS_FAIL("the field on line %u ('%.*s') became line %u ('%.*s')", fx->line,
					   (int)fx->value.len, (const char *)x->buf + fx->value.off, fy->line,
					   (int)fy->value.len, (const char *)y->buf + fy->value.off);
			for (uint32_t c = 0; c < fx->cont_count; c++)
				if (!props_span_eq(x, x->conts[fx->cont_first + c].text, y,
						   y->conts[fy->cont_first + c].text))
					PROPS_FAIL("continuation %u of the field on line %u differs", c, fx->line);
			if (!props_comments_eq(x, fx->comment_first, fx->comment_count, y, fy->comment_first,
					       fy->comment_count))
				PROPS_FAIL("the comments above the field on line %u differ", fx->line);
		}
	}
	/* Every comment, attached or not, is still there. */
	if (x->ncomments) {
		memcpy(cx, x->comments, x->ncomments * sizeof *cx);
		memcpy(cy, y->comments, y->ncomments * sizeof *cy);
	}
	qsort_r(cx, x->ncomments, sizeof *cx, props_cmp_comment, (void *)x);
	qsort_r(cy, y->ncomments, sizeof *cy, props_cmp_comment, (void *)y);
	for (uint32_t i = 0; i < x->ncomments; i++)
		if (!props_span_eq(x, cx[i].text, y, cy[i].text))
			PROPS_FAIL("the set of comments changed");
	rc = 0;
out:
	free(order);
	free(cx);
	free(cy);
	return rc;
}

#undef PROPS_FAIL

/* Format text into `out` (initialised by the caller) and check the
 * properties. Returns the enum fmt_outcome when they hold (FMT_SYNTAX only
 * when the parser finds syntax errors too), -1 with the reason when not. */
static inline int fmt_props_check(const unsigned char *text, size_t len, struct buf *out, char *why,
				  size_t size)
{
	int rc = fmt_format(text, len, out);
	if (rc < 0) {
		snprintf(why, size, "fmt_format failed: %d", rc);
		return -1;
	}
	struct arena ax, ay;
	struct chunk_model mx, my;
	arena_init(&ax, NULL);
	arena_init(&ay, NULL);
	int result = -1;
	if (parse_chunk(&ax, text, (uint32_t)len, 1, true, &mx)) {
		snprintf(why, size, "out of memory");
		goto done;
	}
	if (rc == FMT_SYNTAX) {
		result = mx.nerrors ? rc : -1;
		if (result < 0)
			snprintf(why, size, "refused a text without syntax errors");
		goto done;
	}
	struct buf again;
	buf_init(&again, NULL);
	int rc2 = fmt_format((const unsigned char *)buf_str(out), out->len, &again);
	buf_release(&again);
	if (rc2 != FMT_CANONICAL) {
		snprintf(why, size, "not idempotent: formatting the output again gives %d", rc2);
		goto done;
	}
	if (parse_chunk(&ay, (const unsigned char *)buf_str(out), (uint32_t)out->len, 1, true, &my)) {
		snprintf(why, size, "out of memory");
		goto done;
	}
	if (fmt_props_same(&mx, &my, why, size) == 0)
		result = rc;
done:
	arena_release(&ax);
	arena_release(&ay);
	return result;
}

#endif
