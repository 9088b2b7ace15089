/* diag.c — the list owns copies, so producers can pass stack strings. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEV_ERROR: return "error";
	case SEV_WARNING: return "warning";
	case SEV_INFO: return "info";
	default: return "off";
	}
}

bool severity_parse(const char *s, enum severity *out)
{
	if (!strcmp(s, "error")) *out = SEV_ERROR;
	else if (!strcmp(s, "warning")) *out = SEV_WARNING;
	else if (!strcmp(s, "info")) *out = SEV_INFO;
	else if (!strcmp(s, "off")) *out = SEV_OFF;
	else return false;
	return true;
}

void diag_list_init(struct diag_list *l, const struct allocator *alloc)
{
	memset(l, 0, sizeof *l);
	l->alloc = alloc ? alloc : alloc_default();
	arena_init(&l->strings, l->alloc);
}

void diag_list_release(struct diag_list *l)
{
	alloc_free(l->alloc, l->items);
	arena_release(&l->strings);
	l->items = NULL;
	l->len = l->cap = 0;
}

static const char *copy(struct arena *ar, const char *s, size_t n, bool *oom)
{
	if (!s)
		return NULL;
	char *c = arena_strndup(ar, s, n);
	if (!c)
		*oom = true;
	return c;
}

int diag_list_push(struct diag_list *l, const struct diag *d)
{
	if (l->len == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		struct diag *ni = alloc_resize(l->alloc, l->items, nc * sizeof *ni);
		if (!ni)
			return -1;
		l->items = ni;
		l->cap = nc;
	}
	bool oom = false;
	struct diag c = *d;
	size_t lm = d->message ? diag_message_len(d) : 0, lh = diag_hint_len(d), lp = diag_promise_len(d);
	c.message = copy(&l->strings, d->message, lm, &oom);
	c.hint = copy(&l->strings, d->hint, lh, &oom);
	c.promise = copy(&l->strings, d->promise, lp, &oom);
	c.message_len = (uint32_t)lm;
	c.hint_len = (uint32_t)lh;
	c.promise_len = (uint32_t)lp;
	c.excerpt = copy(&l->strings, d->excerpt, d->excerpt_len, &oom);
	if (oom)
		return -1;
	c.order = l->next_order++;
	l->items[l->len++] = c;
	return 0;
}

static int by_position(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	if (a->file != b->file) return a->file < b->file ? -1 : 1;
	if (a->line != b->line) return a->line < b->line ? -1 : 1;
	if (a->column != b->column) return a->column < b->column ? -1 : 1;
	if (a->order != b->order) return a->order < b->order ? -1 : 1;
	return 0;
}

void diag_list_sort(struct diag_list *l)
{
	if (l->len > 1)
		qsort(l->items, l->len, sizeof *l->items, by_position);
}

void diag_list_count(const struct diag_list *l, size_t counts[3])
{
	counts[0] = counts[1] = counts[2] = 0;
	for (size_t i = 0; i < l->len; i++)
		if (l->items[i].severity >= SEV_INFO)
			counts[l->items[i].severity]++;
}

uint32_t diag_column(const unsigned char *line, uint32_t byte)
{
	return 1 + (uint32_t)utf8_count_chars(line, byte);
}
