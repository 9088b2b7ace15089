/* documents.c — a small array of documents (editors keep few open; a
 * linear search by URI beats a hash table at that size), line tables
 * rebuilt after every edit (one memchr pass; cheaper than patching them),
 * and the UTF-8 walk that converts columns. Rejected: keeping text as lines
 * — the parser and the analysis want one contiguous buffer. */
#include "documents.h"

#include <string.h>

#include "../parse.h"

void doc_store_init(struct doc_store *s, const struct allocator *alloc)
{
	memset(s, 0, sizeof *s);
	s->alloc = alloc ? alloc : alloc_default();
}

static void doc_free(const struct allocator *a, struct lsp_doc *d)
{
	if (!d)
		return;
	alloc_free(a, d->uri);
	alloc_free(a, d->path);
	buf_release(&d->text);
	alloc_free(a, d->lines);
	alloc_free(a, d->plines);
	alloc_free(a, d->published);
	arena_release(&d->model_arena);
	alloc_free(a, d);
}

void doc_store_release(struct doc_store *s)
{
	for (size_t i = 0; i < s->len; i++)
		doc_free(s->alloc, s->items[i]);
	alloc_free(s->alloc, s->items);
	s->items = NULL;
	s->len = s->cap = 0;
}

struct lsp_doc *doc_find(const struct doc_store *s, const char *uri)
{
	for (size_t i = 0; i < s->len; i++)
		if (!strcmp(s->items[i]->uri, uri))
			return s->items[i];
	return NULL;
}

static char *str_dup(const struct allocator *a, const char *s)
{
	size_t n = strlen(s);
	char *c = alloc_mem(a, n + 1);
	if (c)
		memcpy(c, s, n + 1);
	return c;
}

static int push_line(const struct allocator *a, uint32_t **arr, uint32_t *n, uint32_t *cap,
		     uint32_t start)
{
	if (*n == *cap) {
		uint32_t nc = *cap ? *cap * 2 : 64;
		uint32_t *na = alloc_resize(a, *arr, nc * sizeof *na);
		if (!na)
			return -1;
		*arr = na;
		*cap = nc;
	}
	(*arr)[(*n)++] = start;
	return 0;
}

static int index_lines(struct lsp_doc *d)
{
	const struct allocator *a = d->text.alloc;
	const char *s = buf_str(&d->text);
	uint32_t n = (uint32_t)d->text.len;
	d->nlines = d->nplines = 0;
	if (push_line(a, &d->lines, &d->nlines, &d->cap_lines, 0))
		return -1;
	uint32_t bom = n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3) ? 3 : 0;
	if (push_line(a, &d->plines, &d->nplines, &d->cap_plines, bom))
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (s[i] == '\n') {
			if (push_line(a, &d->lines, &d->nlines, &d->cap_lines, i + 1) ||
			    push_line(a, &d->plines, &d->nplines, &d->cap_plines, i + 1))
				return -1;
		} else if (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n')) {
			if (push_line(a, &d->lines, &d->nlines, &d->cap_lines, i + 1))
				return -1;
		}
	}
	return 0;
}

static void text_changed(struct lsp_doc *d)
{
	arena_reset(&d->model_arena);
	d->model_ready = false;
}

int doc_set_text(struct lsp_doc *d, const char *text, size_t len)
{
	if (len > UINT32_MAX - 1)
		return -1;
	struct buf nb;
	buf_init(&nb, d->text.alloc);
	if (buf_add(&nb, text, len) || buf_addc(&nb, '\0')) {
		buf_release(&nb);
		return -1;
	}
	nb.len--;
	buf_release(&d->text);
	d->text = nb;
	text_changed(d);
	return index_lines(d);
}

int doc_splice(struct lsp_doc *d, uint32_t from, uint32_t to, const char *text, size_t len)
{
	size_t old = d->text.len;
	if (from > to || to > old || old - (to - from) + len > UINT32_MAX - 1)
		return -1;
	struct buf nb;
	buf_init(&nb, d->text.alloc);
	if (buf_reserve(&nb, old - (to - from) + len + 1) || buf_add(&nb, d->text.data, from) ||
	    buf_add(&nb, text, len) || buf_add(&nb, d->text.data + to, old - to) ||
	    buf_addc(&nb, '\0')) {
		buf_release(&nb);
		return -1;
	}
	nb.len--;
	buf_release(&d->text);
	d->text = nb;
	text_changed(d);
	return index_lines(d);
}

struct lsp_doc *doc_open(struct doc_store *s, const char *uri, int64_t version, const char *text,
			 size_t len)
{
	doc_close(s, uri);
	if (s->len == s->cap) {
		size_t nc = s->cap ? s->cap * 2 : 8;
		struct lsp_doc **ni = alloc_resize(s->alloc, s->items, nc * sizeof *ni);
		if (!ni)
			return NULL;
		s->items = ni;
		s->cap = nc;
	}
	struct lsp_doc *d = alloc_mem(s->alloc, sizeof *d);
	if (!d)
		return NULL;
	memset(d, 0, sizeof *d);
	buf_init(&d->text, s->alloc);
	arena_init(&d->model_arena, s->alloc);
	d->uri = str_dup(s->alloc, uri);
	d->path = uri_to_path(s->alloc, uri);
	d->version = version;
	d->analysed_version = d->published_version = -1;
	if (!d->uri || doc_set_text(d, text, len)) {
		doc_free(s->alloc, d);
		return NULL;
	}
	s->items[s->len++] = d;
	return d;
}

void doc_close(struct doc_store *s, const char *uri)
{
	for (size_t i = 0; i < s->len; i++) {
		if (strcmp(s->items[i]->uri, uri))
			continue;
		doc_free(s->alloc, s->items[i]);
		memmove(&s->items[i], &s->items[i + 1], (s->len - i - 1) * sizeof *s->items);
		s->len--;
		return;
	}
}

/* The length in bytes of the UTF-8 sequence starting with byte c, and the
 * code units it counts for in each encoding. Invalid bytes count as one
 * byte and one unit, as editors that show them as U+FFFD do. */
static uint32_t seq_len(const unsigned char *s, uint32_t avail)
{
	unsigned char c = s[0];
	uint32_t n = c < 0x80 ? 1 : c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
	if (c >= 0xF5)
		n = 1;
	if (n > avail)
		return 1;
	for (uint32_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

static uint32_t units(uint32_t seq, enum pos_encoding enc)
{
	switch (enc) {
	case ENC_UTF8: return seq;
	case ENC_UTF32: return 1;
	default: return seq == 4 ? 2 : 1;
	}
}

/* The end of the LSP line that starts at lines[i] (before its line end). */
static uint32_t line_end(const struct lsp_doc *d, uint32_t i)
{
	uint32_t end = i + 1 < d->nlines ? d->lines[i + 1] : (uint32_t)d->text.len;
	const char *s = d->text.data;
	if (end > d->lines[i] && i + 1 < d->nlines && s[end - 1] == '\n')
		end--;
	if (end > d->lines[i] && i + 1 < d->nlines && s[end - 1] == '\r')
		end--;
	return end;
}

uint32_t doc_offset(const struct lsp_doc *d, enum pos_encoding enc, struct lsp_position p)
{
	if (p.line >= d->nlines)
		return (uint32_t)d->text.len;
	const unsigned char *s = (const unsigned char *)d->text.data;
	uint32_t off = d->lines[p.line], end = line_end(d, p.line), col = 0;
	while (off < end && col < p.character) {
		uint32_t n = seq_len(s + off, end - off);
		uint32_t u = units(n, enc);
		if (col + u > p.character)
			break; /* inside a character: stay before it */
		col += u;
		off += n;
	}
	return off;
}

uint32_t doc_line_of(const struct lsp_doc *d, uint32_t off)
{
	uint32_t lo = 0, hi = d->nlines;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (d->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

struct lsp_position doc_position(const struct lsp_doc *d, enum pos_encoding enc, uint32_t off)
{
	struct lsp_position p = { 0, 0 };
	if (off > d->text.len)
		off = (uint32_t)d->text.len;
	p.line = doc_line_of(d, off);
	const unsigned char *s = (const unsigned char *)d->text.data;
	uint32_t i = d->lines[p.line], end = line_end(d, p.line);
	if (off > end)
		off = end;
	while (i < off) {
		uint32_t n = seq_len(s + i, off - i);
		p.character += units(n, enc);
		i += n;
	}
	return p;
}

uint32_t doc_parser_offset(const struct lsp_doc *d, uint32_t line, uint32_t byte_column)
{
	if (line == 0 || line > d->nplines)
		return (uint32_t)d->text.len;
	uint32_t off = d->plines[line - 1] + byte_column;
	return off > d->text.len ? (uint32_t)d->text.len : off;
}

const struct chunk_model *doc_model(struct lsp_doc *d)
{
	if (d->model_ready)
		return &d->model;
	arena_reset(&d->model_arena);
	if (parse_chunk(&d->model_arena, (const unsigned char *)buf_str(&d->text),
			(uint32_t)d->text.len, 1, true, &d->model))
		return NULL;
	d->model_ready = true;
	return &d->model;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *uri_to_path(const struct allocator *a, const char *uri)
{
	if (strncmp(uri, "file://", 7))
		return NULL;
	const char *p = uri + 7;
	if (*p != '/') {
		if (strncmp(p, "localhost/", 10))
			return NULL; /* a remote host: not a local file */
		p += 9;
	}
	size_t n = strlen(p);
	char *out = alloc_mem(a, n + 1), *o = out;
	if (!out)
		return NULL;
	for (; *p && *p != '?' && *p != '#'; p++) {
		int h, l;
		if (*p == '%' && (h = hexval(p[1])) >= 0 && (l = hexval(p[2])) >= 0) {
			*o++ = (char)(h * 16 + l);
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

char *path_to_uri(const struct allocator *a, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *out = alloc_mem(a, 7 + 3 * n + 1), *o = out;
	if (!out)
		return NULL;
	memcpy(o, "file://", 7);
	o += 7;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}
