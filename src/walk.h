/* walk.h — the files a command works on.
 *
 * Paths on the command line are taken as given; directories are searched
 * recursively for `*.promise` files, in name order so output is stable.
 * Hidden directories (.git, ...) are skipped and symbolic links to
 * directories are not followed, so a link loop cannot trap the walk; a
 * `*.promise` link is taken only when it leads to a regular file (or is
 * broken, which is then reported), never to a FIFO or a device.
 * Problems with a path are reported through the callback with errno and the
 * walk goes on. The list owns its strings. */
#ifndef PROMISE_WALK_H
#define PROMISE_WALK_H

#include <stddef.h>

#include "alloc.h"

struct path_list {
	char **items;
	size_t len, cap;
	const struct allocator *alloc;
};

typedef void walk_error_fn(void *ctx, const char *path, int err);

void path_list_init(struct path_list *l, const struct allocator *alloc);
void path_list_release(struct path_list *l);
/* Add `path` as it is (no check): standard input's "-", for instance. */
int path_list_add(struct path_list *l, const char *path);
/* Add `path` (a file, or a directory to search). Returns -1 only when out
 * of memory; unreadable paths go to on_error. */
int walk_add(struct path_list *l, const char *path, walk_error_fn *on_error, void *ctx);

#endif
