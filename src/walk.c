/* walk.c — opendir/readdir with lstat; entries sorted per directory. */
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void path_list_init(struct path_list *l, const struct allocator *alloc)
{
	memset(l, 0, sizeof *l);
	l->alloc = alloc ? alloc : alloc_default();
}

void path_list_release(struct path_list *l)
{
	for (size_t i = 0; i < l->len; i++)
		alloc_free(l->alloc, l->items[i]);
	alloc_free(l->alloc, l->items);
	memset(l, 0, sizeof *l);
}

int path_list_add(struct path_list *l, const char *path)
{
	if (l->len == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		char **ni = alloc_resize(l->alloc, l->items, nc * sizeof *ni);
		if (!ni)
			return -1;
		l->items = ni;
		l->cap = nc;
	}
	size_t n = strlen(path);
	char *c = alloc_mem(l->alloc, n + 1);
	if (!c)
		return -1;
	memcpy(c, path, n + 1);
	l->items[l->len++] = c;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && !strcmp(s + n - m, suffix);
}

static int walk_dir(struct path_list *l, const char *dir, walk_error_fn *on_error, void *ctx)
{
	DIR *d = opendir(dir);
	if (!d) {
		on_error(ctx, dir, errno);
		return 0;
	}
	struct path_list names;
	path_list_init(&names, l->alloc);
	struct dirent *e;
	int rc = 0;
	errno = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (path_list_add(&names, e->d_name)) {
			rc = -1;
			break;
		}
	}
	if (!e && errno && rc == 0)
		on_error(ctx, dir, errno);
	closedir(d);
	if (names.len)
		qsort(names.items, names.len, sizeof *names.items, cmp_str);
	size_t dlen = strlen(dir);
	for (size_t i = 0; i < names.len && rc == 0; i++) {
		size_t n = dlen + 1 + strlen(names.items[i]) + 1;
		char *p = alloc_mem(l->alloc, n);
		if (!p) {
			rc = -1;
			break;
		}
		if (dlen && dir[dlen - 1] == '/')
			snprintf(p, n, "%s%s", dir, names.items[i]);
		else
			snprintf(p, n, "%s/%s", dir, names.items[i]);
		struct stat st;
		if (lstat(p, &st)) {
			on_error(ctx, p, errno);
		} else if (S_ISDIR(st.st_mode)) {
			rc = walk_dir(l, p, on_error, ctx);
		} else if (ends_with(names.items[i], ".promise") && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))) {
			/* A link is read when it leads to a regular file (or
			 * nowhere: that is reported when it is opened), never
			 * to a FIFO or a device, whose open() or read() need
			 * never end, nor to a directory (no loops). */
			struct stat to;
			if (!S_ISLNK(st.st_mode) || stat(p, &to) || S_ISREG(to.st_mode))
				rc = path_list_add(l, p);
		}
		alloc_free(l->alloc, p);
	}
	path_list_release(&names);
	return rc;
}

int walk_add(struct path_list *l, const char *path, walk_error_fn *on_error, void *ctx)
{
	struct stat st;
	if (stat(path, &st)) {
		on_error(ctx, path, errno);
		return 0;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(l, path, on_error, ctx);
	return path_list_add(l, path);
}
