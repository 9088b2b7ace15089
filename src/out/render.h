/* render.h — diagnostics into the formats people and tools read.
 *
 * Rendering streams: render_begin() once, render_diag() for each finding in
 * the order the analysis hands them over (file by file; findings across
 * promises come last), render_end() once with every file that was read.
 * A format whose document needs everything first (counts in a header,
 * results grouped per file) is written as a `whole` function over a sorted
 * list; the stream then collects a copy for it. Renderers are pure
 * functions of what they are given: machine formats never carry colour and
 * are the same bytes for the same input. A streaming format may hold
 * findings and write them a block at a time: a run that stops before
 * render_end() (an error) calls render_stop(), which writes what is held
 * without finishing the document and frees the renderer's state. Each
 * call returns -1 when writing failed (errno set) or memory ran out
 * (errno ENOMEM), 0 otherwise. */
#ifndef PROMISE_RENDER_H
#define PROMISE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "../diag.h"

/* docs/rules.md of the project, as a reference relative to its repository. */
#define RENDER_HELP_URI_BASE "docs/rules.md"

struct render_ctx {
	FILE *out;
	bool color;                 /* text only */
	/* For the CI formats (NULL: the defaults). */
	const char *help_uri_base;  /* sarif: a rule's help is BASE#rule-name */
	const char *version;        /* sarif, checkstyle: the tool's version */
	const char *cwd;            /* file names are made relative to it */
	size_t count;               /* render_diag() calls so far */
	size_t severities[3];       /* render_end(): findings per severity */
	void *state;                /* the renderer's own, freed by its end */
};

/* What a `whole` renderer is given. */
struct render_input {
	const struct diag_list *diags; /* sorted by file, line, column */
	const char *const *files;      /* display names by file index */
	size_t nfiles;
	bool color;
	const char *help_uri_base, *version, *cwd;
};

typedef int render_fn(FILE *out, const struct render_input *in);

struct renderer {
	const char *name;
	/* Streaming formats: */
	int (*begin)(struct render_ctx *r);
	int (*diag)(struct render_ctx *r, const struct diag *d, const char *file);
	int (*end)(struct render_ctx *r, const char *const *files, size_t nfiles);
	int (*stop)(struct render_ctx *r); /* NULL: it holds nothing */
	/* Or a format written in one go (begin/diag/end/stop then NULL): */
	render_fn *whole;
};

/* The renderer for a --format name, or NULL. */
const struct renderer *render_lookup(const char *format);
/* The names --format accepts, NULL-terminated, for help and completion. */
extern const char *const render_formats[];

int render_begin(const struct renderer *rd, struct render_ctx *r);
int render_diag(const struct renderer *rd, struct render_ctx *r, const struct diag *d, const char *file);
int render_end(const struct renderer *rd, struct render_ctx *r, const char *const *files, size_t nfiles);
/* Instead of render_end(), when the run stops early: a `whole` format
 * writes nothing. */
int render_stop(const struct renderer *rd, struct render_ctx *r);

/* Render a whole collected list (sorted) in one go. */
int render_list(const struct renderer *rd, struct render_ctx *r, const struct diag_list *l,
		const char *const *files, size_t nfiles);

render_fn render_sarif, render_github, render_gitlab, render_junit, render_checkstyle, render_gcc;

#endif
