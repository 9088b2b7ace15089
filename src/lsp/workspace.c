/* workspace.c — folders → file list → cached contents → one analysis.
 *
 * Files are analysed in the order the folders are walked (open documents
 * stand in for their files; documents not on disk come last), so a
 * duplicate ID is reported on the same copy as `promise lint` reports it. The diagnostics come back sorted by file index, so each
 * document's slice is found in one pass. Rejected: analysing each file
 * alone and merging — the cross-file rules need all facts in one run. */
#include "workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../fsio.h"
#include "../walk.h"

static char *str_dup(const struct allocator *a, const char *s)
{
	size_t n = strlen(s);
	char *c = alloc_mem(a, n + 1);
	if (c)
		memcpy(c, s, n + 1);
	return c;
}

static void people_reset(struct ws_people *p)
{
	p->len = 0;
	if (p->slots)
		memset(p->slots, 0, p->nslots * sizeof *p->slots);
	arena_reset(&p->strings);
}

void ws_init(struct workspace *w, const struct allocator *alloc)
{
	memset(w, 0, sizeof *w);
	w->alloc = alloc ? alloc : alloc_default();
	arena_init(&w->people.strings, w->alloc);
}

static void release_files(struct workspace *w)
{
	for (size_t i = 0; i < w->nfiles; i++) {
		alloc_free(w->alloc, w->files[i].path);
		buf_release(&w->files[i].text);
	}
	w->nfiles = 0;
}

void ws_release(struct workspace *w)
{
	if (w->analysed)
		analysis_release(&w->a);
	release_files(w);
	alloc_free(w->alloc, w->files);
	for (size_t i = 0; i < w->nroots; i++)
		alloc_free(w->alloc, w->roots[i]);
	alloc_free(w->alloc, w->roots);
	alloc_free(w->alloc, w->people.items);
	alloc_free(w->alloc, w->people.slots);
	arena_release(&w->people.strings);
	memset(w, 0, sizeof *w);
}

int ws_add_root(struct workspace *w, const char *path)
{
	for (size_t i = 0; i < w->nroots; i++)
		if (!strcmp(w->roots[i], path))
			return 0;
	if (w->nroots == w->cap_roots) {
		size_t nc = w->cap_roots ? w->cap_roots * 2 : 4;
		char **nr = alloc_resize(w->alloc, w->roots, nc * sizeof *nr);
		if (!nr)
			return -1;
		w->roots = nr;
		w->cap_roots = nc;
	}
	char *c = str_dup(w->alloc, path);
	if (!c)
		return -1;
	w->roots[w->nroots++] = c;
	w->stale = true;
	return 0;
}

void ws_remove_root(struct workspace *w, const char *path)
{
	for (size_t i = 0; i < w->nroots; i++) {
		if (strcmp(w->roots[i], path))
			continue;
		alloc_free(w->alloc, w->roots[i]);
		memmove(&w->roots[i], &w->roots[i + 1], (w->nroots - i - 1) * sizeof *w->roots);
		w->nroots--;
		w->stale = true;
		return;
	}
}

static void ignore_error(void *ctx, const char *path, int err)
{
	(void)ctx, (void)path, (void)err; /* an unreadable folder holds nothing we can lint */
}

/* Search the folders again, keeping the contents of files still there. */
static int rescan(struct workspace *w)
{
	struct path_list found;
	path_list_init(&found, w->alloc);
	for (size_t i = 0; i < w->nroots; i++)
		if (walk_add(&found, w->roots[i], ignore_error, NULL)) {
			path_list_release(&found);
			return -1;
		}
	struct ws_file *nf = found.len ? alloc_mem(w->alloc, found.len * sizeof *nf) : NULL;
	if (found.len && !nf) {
		path_list_release(&found);
		return -1;
	}
	size_t n = 0;
	for (size_t i = 0; i < found.len; i++) {
		bool dupe = false;
		for (size_t k = 0; k < n && !dupe; k++)
			dupe = !strcmp(nf[k].path, found.items[i]); /* nested folders */
		if (dupe)
			continue;
		struct ws_file *f = &nf[n++];
		memset(f, 0, sizeof *f);
		buf_init(&f->text, w->alloc);
		for (size_t k = 0; k < w->nfiles; k++) {
			if (w->files[k].path && !strcmp(w->files[k].path, found.items[i])) {
				*f = w->files[k];
				w->files[k].path = NULL;
				w->files[k].text.data = NULL;
				break;
			}
		}
		if (!f->path) {
			f->path = found.items[i];
			found.items[i] = NULL;
		}
	}
	release_files(w);
	alloc_free(w->alloc, w->files);
	w->files = nf;
	w->nfiles = w->cap_files = n;
	path_list_release(&found);
	w->stale = false;
	return 0;
}

/* Read a file again if it changed on disk. -1 when it cannot be read. */
static int refresh(struct ws_file *f)
{
	struct stat st;
	if (stat(f->path, &st))
		return -1;
	if (f->loaded && st.st_size == f->size && st.st_mtim.tv_sec == f->mtime.tv_sec &&
	    st.st_mtim.tv_nsec == f->mtime.tv_nsec)
		return 0;
	buf_clear(&f->text);
	if (fsio_read_file(f->path, &f->text)) {
		f->loaded = false;
		return -1;
	}
	f->size = st.st_size;
	f->mtime = st.st_mtim;
	f->loaded = true;
	return 0;
}

/* The name a file is reported under: relative to its folder if in one. */
static const char *display_name(const struct workspace *w, const char *path)
{
	for (size_t i = 0; i < w->nroots; i++) {
		size_t n = strlen(w->roots[i]);
		while (n > 1 && w->roots[i][n - 1] == '/')
			n--;
		if (!strncmp(path, w->roots[i], n) && path[n] == '/')
			return path + n + 1;
	}
	return path;
}

static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

static int people_add(struct ws_people *p, const struct allocator *a, const char *s, size_t n)
{
	if (!n)
		return 0;
	if ((p->len + 1) * 2 > p->nslots) {
		size_t ns = p->nslots ? p->nslots * 2 : 64;
		uint32_t *sl = alloc_mem(a, ns * sizeof *sl);
		if (!sl)
			return -1;
		memset(sl, 0, ns * sizeof *sl);
		for (size_t i = 0; i < p->len; i++) {
			size_t k = (size_t)hash_str(p->items[i], strlen(p->items[i])) & (ns - 1);
			while (sl[k])
				k = (k + 1) & (ns - 1);
			sl[k] = (uint32_t)i + 1;
		}
		alloc_free(a, p->slots);
		p->slots = sl;
		p->nslots = ns;
	}
	size_t k = (size_t)hash_str(s, n) & (p->nslots - 1);
	while (p->slots[k]) {
		const char *q = p->items[p->slots[k] - 1];
		if (!strncmp(q, s, n) && q[n] == '\0')
			return 0;
		k = (k + 1) & (p->nslots - 1);
	}
	if (p->len == p->cap) {
		size_t nc = p->cap ? p->cap * 2 : 32;
		const char **ni = alloc_resize(a, p->items, nc * sizeof *ni);
		if (!ni)
			return -1;
		p->items = ni;
		p->cap = nc;
	}
	char *c = arena_strndup(&p->strings, s, n);
	if (!c)
		return -1;
	p->items[p->len] = c;
	p->slots[k] = (uint32_t)++p->len;
	return 0;
}

static int on_record(void *ctx, uint32_t file, const struct chunk_model *m, const struct record *r)
{
	struct workspace *w = ctx;
	(void)file;
	static const enum field_key keys[] = { KEY_BY, KEY_TO };
	for (size_t i = 0; i < 2; i++) {
		const struct field *f = model_field(m, r, keys[i]);
		if (f && people_add(&w->people, w->alloc, (const char *)m->buf + f->value.off, f->value.len))
			return -1;
	}
	return 0;
}

enum analysis_error ws_analyze(struct workspace *w, struct doc_store *docs,
			       const struct lint_options *opt)
{
	if (w->stale && rescan(w))
		return ANALYSIS_NOMEM;
	if (w->analysed)
		analysis_release(&w->a);
	w->opt = *opt;
	analysis_init(&w->a, &w->opt, w->alloc);
	w->analysed = true;
	w->a.on_record = on_record;
	w->a.on_record_ctx = w;
	people_reset(&w->people);
	w->analyses++;

	/* The folders' files in walk order, each open one from its buffer,
	 * then open documents that are not on disk: the order `promise lint`
	 * would see after a save, so a duplicate ID is flagged on the same
	 * copy as in CI. */
	enum analysis_error err = ANALYSIS_OK;
	long *file_of = docs->len ? alloc_mem(w->alloc, docs->len * sizeof *file_of) : NULL;
	if (docs->len && !file_of)
		return ANALYSIS_NOMEM;
	for (size_t k = 0; k < docs->len; k++)
		file_of[k] = -1;
	for (size_t i = 0; i < w->nfiles && !err; i++) {
		struct ws_file *f = &w->files[i];
		size_t k = 0;
		while (k < docs->len && !(docs->items[k]->path && !strcmp(docs->items[k]->path, f->path)))
			k++;
		if (k == docs->len && refresh(f))
			continue;
		long idx = analysis_add_name(&w->a, display_name(w, f->path));
		if (idx < 0) {
			err = ANALYSIS_NOMEM;
			break;
		}
		if (k < docs->len) {
			file_of[k] = idx;
			err = analysis_add_buffer(&w->a, (uint32_t)idx, docs->items[k]->text.data,
						  docs->items[k]->text.len);
		} else {
			err = analysis_add_buffer(&w->a, (uint32_t)idx, f->text.data, f->text.len);
		}
	}
	for (size_t k = 0; k < docs->len && !err; k++) {
		struct lsp_doc *d = docs->items[k];
		if (file_of[k] >= 0)
			continue;
		long idx = analysis_add_name(&w->a, d->path ? display_name(w, d->path) : d->uri);
		if (idx < 0) {
			err = ANALYSIS_NOMEM;
			break;
		}
		file_of[k] = idx;
		err = analysis_add_buffer(&w->a, (uint32_t)idx, d->text.data, d->text.len);
	}
	if (!err)
		err = analysis_finish(&w->a);

	/* Hand each document its slice: the list is sorted by file index. */
	for (size_t k = 0; k < docs->len; k++) {
		struct lsp_doc *d = docs->items[k];
		size_t lo = 0, hi = w->a.diags.len;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if ((long)w->a.diags.items[mid].file < file_of[k])
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = lo;
		while (end < w->a.diags.len && (long)w->a.diags.items[end].file == file_of[k])
			end++;
		bool none = err || file_of[k] < 0 || lo == end; /* items may be NULL */
		d->diags = none ? NULL : w->a.diags.items + lo;
		d->ndiags = none ? 0 : end - lo;
		d->analysed_version = d->version;
	}
	alloc_free(w->alloc, file_of);
	return err;
}

const struct promise_fact *ws_promise(const struct workspace *w, const char *id, size_t len)
{
	if (!w->analysed)
		return NULL;
	long i = facts_find(&w->a.facts, id, len);
	return i < 0 ? NULL : &w->a.facts.promises[i];
}

const char *ws_file_name(const struct workspace *w, uint32_t file)
{
	return w->analysed && file < w->a.nfiles ? w->a.file_names[file] : "";
}
