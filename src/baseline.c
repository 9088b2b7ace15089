/* baseline.c — the file is JSON read and written with jansson; in memory a
 * sorted array of (fingerprint, count), searched by bisection. The text is
 * written by hand, one entry per line, so that a review diff shows one line
 * per finding accepted or fixed. Rejected: line numbers in the baseline
 * (every edit above a promise would revive its findings) and the message
 * (overdue's changes every day). */
#include "baseline.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsio.h"
#include "rules.h"

void baseline_init(struct baseline *b, const struct allocator *alloc)
{
	memset(b, 0, sizeof *b);
	b->alloc = alloc ? alloc : alloc_default();
}

void baseline_release(struct baseline *b)
{
	alloc_free(b->alloc, b->items);
	b->items = NULL;
	b->len = b->cap = 0;
}

static int by_fingerprint(const void *pa, const void *pb)
{
	return strcmp(((const struct baseline_entry *)pa)->fingerprint,
		      ((const struct baseline_entry *)pb)->fingerprint);
}

static bool is_hex(const char *s)
{
	if (strlen(s) != FINGERPRINT_HEX)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

enum baseline_status baseline_parse(struct baseline *b, const char *text, size_t len, char *why,
				    size_t why_size)
{
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root) {
		snprintf(why, why_size, "line %d: %s", err.line, err.text);
		return BASELINE_INVALID;
	}
	enum baseline_status st = BASELINE_INVALID;
	json_t *version = json_object_get(root, "promise-baseline");
	json_t *items = json_object_get(root, "findings");
	if (!json_is_integer(version) || json_integer_value(version) != 1 || !json_is_array(items)) {
		snprintf(why, why_size, "not a promise baseline (version 1: {\"promise-baseline\": 1, "
					"\"findings\": [...]})");
		goto out;
	}
	size_t n = json_array_size(items);
	b->items = alloc_mem(b->alloc, (n ? n : 1) * sizeof *b->items);
	if (!b->items) {
		st = BASELINE_NOMEM;
		goto out;
	}
	b->cap = n;
	b->len = 0;
	for (size_t i = 0; i < n; i++) {
		const char *fp = json_string_value(json_object_get(json_array_get(items, i), "fingerprint"));
		if (!fp || !is_hex(fp)) {
			snprintf(why, why_size, "finding %zu has no fingerprint of %d hex digits", i + 1,
				 FINGERPRINT_HEX);
			goto out;
		}
		struct baseline_entry *e = &b->items[b->len++];
		memcpy(e->fingerprint, fp, FINGERPRINT_HEX + 1);
		e->count = e->total = 1;
	}
	qsort(b->items, b->len, sizeof *b->items, by_fingerprint);
	size_t w = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (w && !strcmp(b->items[w - 1].fingerprint, b->items[i].fingerprint)) {
			b->items[w - 1].count++;
			b->items[w - 1].total++;
		} else {
			b->items[w++] = b->items[i];
		}
	}
	b->len = w;
	st = BASELINE_OK;
out:
	json_decref(root);
	return st;
}

enum baseline_status baseline_load(struct baseline *b, const char *path, char *why, size_t why_size)
{
	struct buf text;
	buf_init(&text, b->alloc);
	if (fsio_read_file(path, &text)) {
		int saved = errno;
		buf_release(&text);
		errno = saved;
		return saved == ENOMEM ? BASELINE_NOMEM : BASELINE_IO;
	}
	enum baseline_status st = baseline_parse(b, text.len ? text.data : "", text.len, why, why_size);
	buf_release(&text);
	return st;
}

long baseline_filter(struct baseline *b, struct diag_list *l, const char *const *files)
{
	long removed = 0;
	size_t w = 0;
	for (size_t i = 0; i < l->len; i++) {
		struct baseline_entry key;
		fingerprint_diag(&l->items[i], files[l->items[i].file], key.fingerprint);
		struct baseline_entry *e = b->len ? bsearch(&key, b->items, b->len, sizeof *b->items,
							    by_fingerprint)
						  : NULL;
		if (e && e->count) {
			e->count--;
			removed++;
			continue;
		}
		l->items[w++] = l->items[i];
	}
	l->len = w;
	return removed;
}

size_t baseline_unmatched(const struct baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += b->items[i].count;
	return n;
}

struct row {
	const char *file, *promise, *rule;
	char fingerprint[FINGERPRINT_HEX + 1];
};

static int by_row(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);
	if (!c)
		c = strcmp(a->promise ? a->promise : "", b->promise ? b->promise : "");
	if (!c)
		c = strcmp(a->rule, b->rule);
	if (!c)
		c = strcmp(a->fingerprint, b->fingerprint);
	return c;
}

static int add_json(struct buf *out, json_t *j)
{
	if (!j)
		return -1;
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	if (!s)
		return -1;
	int rc = buf_adds(out, s);
	free(s);
	return rc;
}

int baseline_format(struct buf *out, const struct diag_list *l, const char *const *files)
{
	struct row *rows = alloc_mem(out->alloc, (l->len ? l->len : 1) * sizeof *rows);
	if (!rows)
		return -1;
	for (size_t i = 0; i < l->len; i++) {
		const struct diag *d = &l->items[i];
		rows[i].file = files[d->file];
		rows[i].promise = d->promise;
		rows[i].rule = rule_table[d->rule]->name;
		fingerprint_diag(d, files[d->file], rows[i].fingerprint);
	}
	qsort(rows, l->len, sizeof *rows, by_row);
	int rc = buf_adds(out, "{\n  \"promise-baseline\": 1,\n  \"findings\": [");
	for (size_t i = 0; i < l->len && !rc; i++) {
		json_t *file = json_string(rows[i].file);
		json_t *promise = rows[i].promise ? json_string(rows[i].promise) : json_null();
		rc = buf_adds(out, i ? ",\n    " : "\n    ") ||
		     add_json(out, json_pack("{s:s, s:o?, s:o?, s:s}", "rule", rows[i].rule, "file", file,
					     "promise", promise, "fingerprint", rows[i].fingerprint));
	}
	rc = rc || buf_adds(out, l->len ? "\n  ]\n}\n" : "]\n}\n");
	alloc_free(out->alloc, rows);
	return rc;
}
