/* render.h — diagnostics into the formats people and tools read.
 *
 * One renderer per format. A renderer streams: begin() once, diag() for
 * each finding in order (file by file; findings across promises come last),
 * end() once with every file that was read. Renderers are pure functions of
 * what they are given: machine formats never carry colour and are the same
 * bytes for the same input. Each call returns -1 when writing failed (errno
 * set) or memory ran out (errno ENOMEM), 0 otherwise. A renderer that must
 * see everything before writing (a count in a header) keeps what it needs
 * in `state` and writes in end(). */
#ifndef PROMISE_RENDER_H
#define PROMISE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "../diag.h"

struct render_ctx {
	FILE *out;
	bool color;                 /* text only */
	size_t count;               /* diag() calls so far */
	size_t severities[3];       /* end(): findings per severity */
	void *state;                /* the renderer's own, freed by its end() */
};

struct renderer {
	const char *name;
	int (*begin)(struct render_ctx *r);
	int (*diag)(struct render_ctx *r, const struct diag *d, const char *file);
	int (*end)(struct render_ctx *r, const char *const *files, size_t nfiles);
};

/* The renderer for a --format name, or NULL. */
const struct renderer *render_lookup(const char *format);
/* The names --format accepts, NULL-terminated, for help and completion. */
extern const char *const render_formats[];

/* Render a whole collected list (sorted) in one go. */
int render_list(const struct renderer *rd, struct render_ctx *r, const struct diag_list *l,
		const char *const *files, size_t nfiles);

#endif
