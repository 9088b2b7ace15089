/* fingerprint.c — two 64-bit FNV-1a hashes with different offset bases over
 * NUL-separated fields. Not cryptographic, and need not be: a collision only
 * makes a baseline hide one more finding of the same rule. Rejected:
 * hashing the message (overdue's says "3 days ago" and changes daily) and
 * the line number (the point of a fingerprint is to survive moves). */
#include "fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

struct fnv {
	uint64_t a, b;
};

static void fnv_add(struct fnv *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h->a = (h->a ^ p[i]) * 0x100000001b3ULL;
		h->b = (h->b ^ p[i]) * 0x100000001b3ULL;
	}
	static const unsigned char sep = 0;
	h->a = (h->a ^ sep) * 0x100000001b3ULL;
	h->b = (h->b ^ 0xFF) * 0x100000001b3ULL;
}

static void fnv_str(struct fnv *h, const char *s) { fnv_add(h, s ? s : "", s ? strlen(s) : 0); }

void fingerprint_diag(const struct diag *d, const char *file, char out[FINGERPRINT_HEX + 1])
{
	struct fnv h = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL };
	fnv_str(&h, "promise-fingerprint-1");
	fnv_str(&h, rule_table[d->rule]->name);
	fnv_str(&h, d->promise);
	fnv_str(&h, d->promise ? "" : file);
	const char *text = "";
	size_t n = 0;
	if (d->excerpt) {
		uint32_t b0 = d->byte_column, b1 = d->byte_end_column;
		if (b1 > d->excerpt_len)
			b1 = d->excerpt_len;
		if (b0 < b1) {
			text = d->excerpt + b0;
			n = b1 - b0;
		} else {
			/* an empty span (a missing colon, an empty value): the line
			 * without its indentation says what is wrong */
			text = d->excerpt;
			n = d->excerpt_len;
			while (n && (*text == ' ' || *text == '\t'))
				text++, n--;
		}
	}
	fnv_add(&h, text, n);
	snprintf(out, FINGERPRINT_HEX + 1, "%016llx%016llx", (unsigned long long)h.a,
		 (unsigned long long)h.b);
}

static const struct fingerprint_list *sort_ctx; /* qsort has no context argument */

static int by_hex(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	int c = strcmp(sort_ctx->hex[a], sort_ctx->hex[b]);
	if (c)
		return c;
	return a < b ? -1 : a > b;
}

int fingerprint_list(struct fingerprint_list *out, const struct diag_list *l,
		     const char *const *files, const struct allocator *alloc)
{
	memset(out, 0, sizeof *out);
	out->alloc = alloc ? alloc : alloc_default();
	out->len = l->len;
	if (l->len == 0)
		return 0;
	out->hex = alloc_mem(out->alloc, l->len * sizeof *out->hex);
	out->occurrence = alloc_mem(out->alloc, l->len * sizeof *out->occurrence);
	uint32_t *order = alloc_mem(out->alloc, l->len * sizeof *order);
	if (!out->hex || !out->occurrence || !order) {
		alloc_free(out->alloc, order);
		fingerprint_list_free(out);
		return -1;
	}
	for (size_t i = 0; i < l->len; i++) {
		fingerprint_diag(&l->items[i], files[l->items[i].file], out->hex[i]);
		order[i] = (uint32_t)i;
	}
	sort_ctx = out;
	qsort(order, l->len, sizeof *order, by_hex);
	sort_ctx = NULL;
	for (size_t i = 0; i < l->len; i++) {
		bool same = i > 0 && !strcmp(out->hex[order[i]], out->hex[order[i - 1]]);
		out->occurrence[order[i]] = same ? out->occurrence[order[i - 1]] + 1 : 0;
	}
	alloc_free(out->alloc, order);
	return 0;
}

void fingerprint_list_free(struct fingerprint_list *fl)
{
	if (fl->alloc) {
		alloc_free(fl->alloc, fl->hex);
		alloc_free(fl->alloc, fl->occurrence);
	}
	fl->hex = NULL;
	fl->occurrence = NULL;
	fl->len = 0;
}
