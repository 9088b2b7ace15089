/* render.h — diagnostics into the formats people and tools read.
 *
 * One renderer per format, each a pure function of the sorted diagnostic
 * list and the file names. Machine formats never carry colour and are the
 * same bytes for the same input. A renderer returns -1 when writing failed
 * (errno set) or memory ran out, 0 otherwise. */
#ifndef PROMISE_RENDER_H
#define PROMISE_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include "../diag.h"

struct render_input {
	const struct diag_list *diags;
	const char *const *files;   /* display names by file index */
	size_t nfiles;
	bool color;                 /* text only */
	/* For the CI formats (NULL: the defaults below). */
	const char *help_uri_base;  /* sarif: a rule's help is BASE#rule-name */
	const char *version;        /* sarif, checkstyle: the tool's version */
	const char *cwd;            /* file names are made relative to it */
};

/* docs/rules.md of the project, as a reference relative to its repository. */
#define RENDER_HELP_URI_BASE "docs/rules.md"

typedef int render_fn(FILE *out, const struct render_input *in);

render_fn render_text, render_json;
render_fn render_sarif, render_github, render_gitlab, render_junit, render_checkstyle, render_gcc;

/* The renderer for a --format name, or NULL. */
render_fn *render_lookup(const char *format);
/* The names --format accepts, for help and completion. */
extern const char *const render_formats[];

#endif
