/* ledger.c — copying records out, and the judgements the listing commands
 * share.
 *
 * A record is copied field by field into the ledger's arena; the dated
 * entries are counted first so each list is one arena array. Rejected:
 * keeping the files in memory and pointing into them — a 100,000-promise
 * repository would then be held whole, twice over with the parse. */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "fieldtext.h"

void ledger_init(struct ledger *l, const struct allocator *alloc)
{
	memset(l, 0, sizeof *l);
	l->alloc = alloc ? alloc : alloc_default();
	arena_init(&l->strings, l->alloc);
	arena_init(&l->scratch, l->alloc);
}

void ledger_release(struct ledger *l)
{
	alloc_free(l->alloc, l->items);
	alloc_free(l->alloc, l->files);
	arena_release(&l->strings);
	arena_release(&l->scratch);
	memset(l, 0, sizeof *l);
}

static const char *clean(struct ledger *l, const char *s, size_t n);

int ledger_set_files(struct ledger *l, char *const *names, size_t n)
{
	const char **files = alloc_mem(l->alloc, (n ? n : 1) * sizeof *files);
	if (!files)
		return -1;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		const char *copy = arena_strndup(&l->strings, names[i], len);
		/* A path is bytes; what is shown of it must be text. */
		if (!copy || !(files[i] = clean(l, copy, len))) {
			alloc_free(l->alloc, files);
			return -1;
		}
	}
	alloc_free(l->alloc, l->files);
	l->files = files;
	l->nfiles = n;
	return 0;
}

/* Text every output can carry: invalid UTF-8 becomes U+FFFD and control
 * characters a space (a file with a stray byte still lists; `lint` is
 * where the byte is reported). Returns s itself when it is clean. */
static const char *clean(struct ledger *l, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0 || cp < 0x20 || cp == 0x7f)
			break;
		i += (size_t)k;
	}
	if (i == n)
		return s;
	char *d = arena_alloc(&l->strings, n * 3 + 1);
	if (!d)
		return NULL;
	size_t o = 0;
	for (i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0) {
			memcpy(d + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
		} else if (cp < 0x20 || cp == 0x7f) {
			d[o++] = ' ';
			i += (size_t)k;
		} else {
			memcpy(d + o, s + i, (size_t)k);
			o += (size_t)k;
			i += (size_t)k;
		}
	}
	d[o] = '\0';
	return d;
}

static const char *copy_span(struct ledger *l, const struct chunk_model *m, struct span s)
{
	const char *t = arena_strndup(&l->strings, (const char *)m->buf + s.off, s.len);
	return t ? clean(l, t, s.len) : NULL;
}

/* A field's whole value, cleaned. */
static int join(struct ledger *l, const struct chunk_model *m, const struct field *f, uint32_t skip,
		const char **out, uint32_t *len)
{
	if (fieldtext_join(&l->strings, m, f, skip, out, len))
		return -1;
	const char *c = clean(l, *out, *len);
	if (!c)
		return -1;
	if (c != *out)
		*len = (uint32_t)strlen(c);
	*out = c;
	return 0;
}

/* A by/to name: the text as written and both forms of the name. */
static int copy_name(struct ledger *l, const struct chunk_model *m, const struct field *f,
		     const char **text, struct party_name *name)
{
	static const struct party_name nobody = { "", 0, "", 0 };
	*name = nobody;
	*text = NULL;
	if (!f)
		return 0;
	uint32_t n;
	if (join(l, m, f, 0, text, &n))
		return -1;
	return party_name(&l->strings, &l->scratch, *text, n, name);
}

static int copy_entries(struct ledger *l, const struct chunk_model *m, const struct record *r,
			enum field_key key, struct ledger_entry **out, uint32_t *count)
{
	uint32_t n = 0, end = r->field_first + r->field_count;
	*out = NULL;
	*count = 0;
	if (r->first[key] < 0)
		return 0;
	for (uint32_t i = (uint32_t)r->first[key]; i < end; i++)
		n += m->fields[i].key == key;
	struct ledger_entry *e = arena_alloc(&l->strings, n * sizeof *e);
	if (!e)
		return -1;
	n = 0;
	for (uint32_t i = (uint32_t)r->first[key]; i < end; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != key)
			continue;
		uint32_t len;
		e[n].day = f->date.status == DATE_OK ? f->date.day : LEDGER_NO_DATE;
		if (join(l, m, f, f->date.status == DATE_OK ? f->date.len : 0, &e[n].text, &len))
			return -1;
		n++;
	}
	*out = e;
	*count = n;
	return 0;
}

int ledger_on_record(void *ctx, uint32_t file, const struct chunk_model *m, const struct record *r)
{
	struct ledger *l = ctx;
	arena_reset(&l->scratch);
	if (l->len == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 256;
		struct ledger_promise *items = alloc_resize(l->alloc, l->items, nc * sizeof *items);
		if (!items)
			return -1;
		l->items = items;
		l->cap = nc;
	}
	struct ledger_promise *p = &l->items[l->len];
	memset(p, 0, sizeof *p);
	p->id = r->flags & RECORD_BAD_HEADER ? "" : copy_span(l, m, r->id);
	p->text = copy_span(l, m, r->text);
	if (!p->id || !p->text)
		return -1;
	if (copy_name(l, m, model_field(m, r, KEY_BY), &p->by, &p->by_name) ||
	    copy_name(l, m, model_field(m, r, KEY_TO), &p->to, &p->to_name))
		return -1;
	const struct field *made = model_field(m, r, KEY_MADE), *due = model_field(m, r, KEY_DUE);
	p->made = made && made->date.status == DATE_OK ? made->date.day : LEDGER_NO_DATE;
	p->due = LEDGER_NO_DATE;
	p->due_minute = -1;
	if (due) {
		uint32_t n;
		if (join(l, m, due, 0, &p->due_text, &n))
			return -1;
		if (due->date.status == DATE_OK) {
			p->due = due->date.day;
			p->due_minute = due->date.minute;
			p->due_offset = due->date.offset;
			p->due_has_offset = due->date.has_offset;
		}
	}
	p->status = r->status.kind;
	p->status_day = r->status.date.status == DATE_OK && p->status != STATUS_INVALID ? r->status.date.day
											  : LEDGER_NO_DATE;
	p->file = file;
	p->line = r->line;
	p->order = (uint32_t)l->len;
	if (copy_entries(l, m, r, KEY_EXTRA, &p->extras, &p->nextras) ||
	    copy_entries(l, m, r, KEY_RENEGOTIATED, &p->renegotiations, &p->nrenegotiations))
		return -1;
	l->len++;
	return 0;
}

enum ledger_outcome ledger_outcome(const struct ledger_promise *p)
{
	switch (p->status) {
	case STATUS_NONE:
	case STATUS_OPEN:
		return OUTCOME_OPEN;
	case STATUS_KEPT:
		return p->due != LEDGER_NO_DATE && p->status_day != LEDGER_NO_DATE && p->status_day > p->due
			       ? OUTCOME_KEPT_LATE
			       : OUTCOME_KEPT_ON_TIME;
	case STATUS_BROKEN:
		return OUTCOME_BROKEN;
	case STATUS_RELEASED:
		return OUTCOME_RELEASED;
	default:
		return OUTCOME_UNKNOWN;
	}
}

const char *ledger_status_name(enum status_kind s)
{
	switch (s) {
	case STATUS_NONE:
	case STATUS_OPEN: return "open";
	case STATUS_KEPT: return "kept";
	case STATUS_BROKEN: return "broken";
	case STATUS_RELEASED: return "released";
	default: return "invalid";
	}
}

/* A due as minutes; a date without a time counts as the end of its day. */
static int64_t due_key(const struct ledger_promise *p)
{
	if (p->due == LEDGER_NO_DATE)
		return INT64_MAX;
	return (int64_t)p->due * 1441 + (p->due_minute < 0 ? 1440 : p->due_minute);
}

static int by_due(const void *pa, const void *pb)
{
	const struct ledger_promise *a = pa, *b = pb;
	int64_t ka = due_key(a), kb = due_key(b);
	if (ka != kb)
		return ka < kb ? -1 : 1;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

void ledger_sort_by_due(struct ledger *l)
{
	if (l->len > 1)
		qsort(l->items, l->len, sizeof *l->items, by_due);
}

void ledger_due_iso(const struct ledger_promise *p, char out[32])
{
	if (p->due == LEDGER_NO_DATE) {
		out[0] = '\0';
		return;
	}
	char d[11];
	date_format(p->due, d);
	if (p->due_minute < 0) {
		memcpy(out, d, 11);
		return;
	}
	int off = p->due_offset < 0 ? -p->due_offset : p->due_offset;
	if (p->due_has_offset)
		snprintf(out, 32, "%sT%02d:%02d%c%02d:%02d", d, p->due_minute / 60, p->due_minute % 60,
			 p->due_offset < 0 ? '-' : '+', off / 60, off % 60);
	else
		snprintf(out, 32, "%sT%02d:%02d", d, p->due_minute / 60, p->due_minute % 60);
}

void ledger_filter_init(struct ledger_filter *f, int32_t today)
{
	memset(f, 0, sizeof *f);
	f->today = today;
	f->due_within = -1;
}

static unsigned status_bit(enum status_kind s)
{
	switch (s) {
	case STATUS_NONE:
	case STATUS_OPEN: return LEDGER_OPEN;
	case STATUS_KEPT: return LEDGER_KEPT;
	case STATUS_BROKEN: return LEDGER_BROKEN;
	case STATUS_RELEASED: return LEDGER_RELEASED;
	default: return 0;
	}
}

bool ledger_filter_match(const struct ledger_filter *f, const struct ledger_promise *p)
{
	if (f->statuses && !(f->statuses & status_bit(p->status)))
		return false;
	if (f->overdue && !ledger_is_overdue(p, f->today))
		return false;
	if (f->due_within >= 0 &&
	    (!ledger_is_open(p) || p->due == LEDGER_NO_DATE || p->due > f->today + f->due_within))
		return false;
	if (f->by && !party_matches(&p->by_name, f->by))
		return false;
	if (f->to && !party_matches(&p->to_name, f->to))
		return false;
	return true;
}

bool ledger_parse_statuses(const char *s, unsigned *bits)
{
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = { { "open", LEDGER_OPEN }, { "kept", LEDGER_KEPT }, { "broken", LEDGER_BROKEN },
		      { "released", LEDGER_RELEASED } };
	*bits = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		unsigned bit = 0;
		for (size_t i = 0; i < sizeof names / sizeof *names; i++)
			if (strlen(names[i].name) == n && !strncmp(names[i].name, s, n))
				bit = names[i].bit;
		if (!bit)
			return false;
		*bits |= bit;
		s += n;
		if (*s == ',')
			s++;
	}
	return *bits != 0;
}
