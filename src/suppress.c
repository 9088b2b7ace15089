/* suppress.c — directives are read from the comments the parser attached
 * to records and fields (model.h), so "directly above" means exactly what
 * it means for the formatter. Scopes are appended in file and line order,
 * which makes matching a binary search plus a short walk over the
 * directives of one record. A directive that is not attached to anything
 * can never silence a finding and is reported at once. Rejected: keeping
 * the comment text and re-reading it per finding (the chunk is gone when
 * cross-promise rules report), and a directive on the same line as the
 * finding (a promise line has no room for a comment: `#` in a value is
 * text). */
#include "suppress.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "options.h"
#include "rules.h"

static const char keyword[] = "promise-ignore";

void suppress_init(struct suppressions *s, const struct allocator *alloc)
{
	memset(s, 0, sizeof *s);
	s->alloc = alloc ? alloc : alloc_default();
	arena_init(&s->strings, s->alloc);
}

void suppress_release(struct suppressions *s)
{
	alloc_free(s->alloc, s->items);
	arena_release(&s->strings);
	s->items = NULL;
	s->len = s->cap = 0;
}

static bool blank(unsigned char ch) { return ch == ' ' || ch == '\t'; }

bool suppress_parse(const unsigned char *t, uint32_t len, struct suppress_directive *out)
{
	uint32_t i = 0;
	while (i < len && blank(t[i]))
		i++;
	uint32_t k = sizeof keyword - 1;
	if (len - i < k || memcmp(t + i, keyword, k) || (i + k < len && !blank(t[i + k])))
		return false;
	i += k;
	while (i < len && blank(t[i]))
		i++;
	memset(out, 0, sizeof *out);
	out->rules_off = i;
	uint32_t dash = i;
	while (dash + 1 < len && !(t[dash] == '-' && t[dash + 1] == '-'))
		dash++;
	bool has_dash = dash + 1 < len;
	uint32_t end = has_dash ? dash : len;
	while (end > i && blank(t[end - 1]))
		end--;
	out->rules_len = end - i;
	if (has_dash) {
		uint32_t r = dash + 2, e = len;
		while (r < e && blank(t[r]))
			r++;
		while (e > r && (blank(t[e - 1]) || t[e - 1] == '\r'))
			e--;
		out->reason_off = r;
		out->reason_len = e - r;
	}
	return true;
}

static int push(struct suppressions *s, const struct suppress_entry *e)
{
	if (s->len == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 32;
		struct suppress_entry *ni = alloc_resize(s->alloc, s->items, nc * sizeof *ni);
		if (!ni)
			return -1;
		s->items = ni;
		s->cap = nc;
	}
	if (s->len) {
		const struct suppress_entry *last = &s->items[s->len - 1];
		if (e->file < last->file || (e->file == last->file && e->record_line < last->record_line))
			s->unsorted = true;
	}
	s->items[s->len++] = *e;
	return 0;
}

/* Copy what a position needs to outlive the chunk. */
static int keep_where(struct suppressions *s, struct diag *d)
{
	if (d->excerpt) {
		d->excerpt = arena_strndup(&s->strings, d->excerpt, d->excerpt_len);
		if (!d->excerpt)
			return -1;
	}
	if (d->promise) {
		d->promise = arena_strndup(&s->strings, d->promise, strlen(d->promise));
		if (!d->promise)
			return -1;
	}
	return 0;
}

bool suppress_next_rule(const unsigned char *t, const struct suppress_directive *d, uint32_t *pos,
			uint32_t *a, uint32_t *b)
{
	uint32_t end = d->rules_off + d->rules_len;
	if (*pos < d->rules_off)
		*pos = d->rules_off;
	while (*pos < end) {
		uint32_t p = *pos, q = p;
		while (q < end && t[q] != ',')
			q++;
		*pos = q + 1;
		while (p < q && blank(t[p]))
			p++;
		while (q > p && blank(t[q - 1]))
			q--;
		if (p < q) {
			*a = p;
			*b = q;
			return true;
		}
	}
	return false;
}

int suppress_rule_at(const unsigned char *t, uint32_t a, uint32_t b)
{
	char name[64];
	if (b - a >= sizeof name)
		return -1;
	memcpy(name, t + a, b - a);
	name[b - a] = '\0';
	return rule_lookup(name);
}

int suppress_visit(const struct chunk_model *m, struct arena *scratch, suppress_visit_fn *fn, void *ctx)
{
	if (!m->ncomments)
		return 0;
	unsigned char *seen = arena_alloc(scratch, m->ncomments);
	if (!seen)
		return -1;
	memset(seen, 0, m->ncomments);
	struct suppress_directive d;
	int rc = 0;
	for (uint32_t i = 0; i < m->nrecords && !rc; i++) {
		const struct record *r = &m->records[i];
		for (uint32_t k = r->comment_first; k < r->comment_first + r->comment_count && !rc; k++) {
			const struct comment *cm = &m->comments[k];
			seen[k] = 1;
			if (suppress_parse(m->buf + cm->text.off, cm->text.len, &d))
				rc = fn(ctx, cm, r, NULL, &d);
		}
		for (uint32_t j = r->field_first; j < r->field_first + r->field_count && !rc; j++) {
			const struct field *f = &m->fields[j];
			for (uint32_t k = f->comment_first; k < f->comment_first + f->comment_count && !rc; k++) {
				const struct comment *cm = &m->comments[k];
				seen[k] = 1;
				if (suppress_parse(m->buf + cm->text.off, cm->text.len, &d))
					rc = fn(ctx, cm, r, f, &d);
			}
		}
	}
	for (uint32_t k = 0; k < m->ncomments && !rc; k++) {
		const struct comment *cm = &m->comments[k];
		if (!seen[k] && suppress_parse(m->buf + cm->text.off, cm->text.len, &d))
			rc = fn(ctx, cm, NULL, NULL, &d);
	}
	return rc;
}

struct scan {
	struct suppressions *s;
	struct rule_ctx *c;
};

static int record_directive(void *ctx, const struct comment *cm, const struct record *r,
			    const struct field *f, const struct suppress_directive *d)
{
	struct scan *sc = ctx;
	struct rule_ctx *c = sc->c;
	if (!r || !d->rules_len || !d->reason_len)
		return 0; /* the rules invalid-suppression and unused-suppression report these */
	uint32_t first = r->line, last = r->last_line;
	if (f) {
		first = last = f->line;
		for (uint32_t j = f->cont_first; j < f->cont_first + f->cont_count; j++)
			if (c->m->conts[j].line > last)
				last = c->m->conts[j].line;
	}
	const unsigned char *t = c->m->buf + cm->text.off;
	uint32_t pos = 0, a, b;
	while (suppress_next_rule(t, d, &pos, &a, &b)) {
		int rule = suppress_rule_at(t, a, b);
		if (rule < 0 || c->opt->severity[rule] == SEV_OFF)
			continue; /* unknown: reported; off: the configuration silences it */
		struct suppress_entry e = { c->file, r->line, first, last, rule, false, { 0 } };
		struct span at = { cm->text.off + a, b - a };
		char idbuf[256];
		rule_locate(c, cm->line, at, &e.where);
		if (r->id.len) {
			size_t n = r->id.len < sizeof idbuf - 1 ? r->id.len : sizeof idbuf - 1;
			memcpy(idbuf, c->m->buf + r->id.off, n);
			idbuf[n] = '\0';
			e.where.promise = idbuf;
		}
		if (keep_where(sc->s, &e.where) || push(sc->s, &e))
			return -1;
	}
	return 0;
}

int suppress_scan_chunk(struct suppressions *s, struct rule_ctx *c)
{
	struct scan sc = { s, c };
	int rc = suppress_visit(c->m, c->scratch, record_directive, &sc);
	arena_reset(c->scratch);
	return rc;
}

static bool covers(struct suppress_entry *e, const struct diag *d)
{
	if (e->file == d->file && e->rule == d->rule && e->first_line <= d->line && d->line <= e->last_line) {
		e->used = true;
		return true;
	}
	return false;
}

bool suppress_match(struct suppressions *s, const struct diag *d)
{
	if (d->rule == RULE_UNUSED_SUPPRESSION || d->rule == RULE_INVALID_SUPPRESSION || !s->len)
		return false;
	if (s->unsorted) {
		for (size_t i = 0; i < s->len; i++)
			if (covers(&s->items[i], d))
				return true;
		return false;
	}
	/* the last entry at or before (file, line) */
	size_t lo = 0, hi = s->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct suppress_entry *e = &s->items[mid];
		if (e->file < d->file || (e->file == d->file && e->record_line <= d->line))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return false;
	uint32_t record = s->items[lo - 1].record_line;
	for (size_t i = lo; i-- > 0;) {
		struct suppress_entry *e = &s->items[i];
		if (e->file != d->file || e->record_line != record)
			break;
		if (covers(e, d))
			return true;
	}
	return false;
}

void suppress_report_unused(struct suppressions *s, struct rule_ctx *c)
{
	for (size_t i = 0; i < s->len; i++) {
		const struct suppress_entry *e = &s->items[i];
		if (e->used)
			continue;
		c->file = e->file;
		rule_report_at(c, RULE_UNUSED_SUPPRESSION, &e->where,
			       _("remove the directive: what it silenced is gone (or never was here)"),
			       _("promise-ignore %s silences nothing here"), rule_table[e->rule]->name);
	}
}
