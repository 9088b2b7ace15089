/* render.c — the table of formats, and the stream for `whole` formats:
 * their findings are copied into a list and written at the end. */
#include "render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern const struct renderer render_text, render_json;

static const struct renderer sarif = { "sarif", NULL, NULL, NULL, NULL, render_sarif };
static const struct renderer github = { "github", NULL, NULL, NULL, NULL, render_github };
static const struct renderer gitlab = { "gitlab", NULL, NULL, NULL, NULL, render_gitlab };
static const struct renderer junit = { "junit", NULL, NULL, NULL, NULL, render_junit };
static const struct renderer checkstyle = { "checkstyle", NULL, NULL, NULL, NULL, render_checkstyle };
static const struct renderer gcc = { "gcc", NULL, NULL, NULL, NULL, render_gcc };

static const struct renderer *const renderers[] = {
	&render_text, &render_json, &sarif, &github, &gitlab, &junit, &checkstyle, &gcc,
};

const char *const render_formats[] = { "text", "json", "sarif", "github", "gitlab", "junit",
					"checkstyle", "gcc", NULL };

const struct renderer *render_lookup(const char *format)
{
	for (size_t i = 0; i < sizeof renderers / sizeof *renderers; i++)
		if (!strcmp(renderers[i]->name, format))
			return renderers[i];
	return NULL;
}

int render_begin(const struct renderer *rd, struct render_ctx *r)
{
	if (!rd->whole)
		return rd->begin(r);
	struct diag_list *l = malloc(sizeof *l);
	if (!l) {
		errno = ENOMEM;
		return -1;
	}
	diag_list_init(l, NULL);
	r->state = l;
	return 0;
}

int render_diag(const struct renderer *rd, struct render_ctx *r, const struct diag *d, const char *file)
{
	int rc;
	if (!rd->whole) {
		rc = rd->diag(r, d, file);
	} else {
		rc = diag_list_push(r->state, d);
		if (rc)
			errno = ENOMEM;
	}
	if (rc == 0)
		r->count++;
	return rc;
}

int render_end(const struct renderer *rd, struct render_ctx *r, const char *const *files, size_t nfiles)
{
	if (!rd->whole)
		return rd->end(r, files, nfiles);
	struct diag_list *l = r->state;
	diag_list_sort(l);
	struct render_input in = { l, files, nfiles, r->color, r->help_uri_base, r->version, r->cwd };
	int rc = rd->whole(r->out, &in);
	if (rc == 0 && fflush(r->out))
		rc = -1;
	diag_list_release(l);
	free(l);
	r->state = NULL;
	return rc;
}

int render_stop(const struct renderer *rd, struct render_ctx *r)
{
	if (!rd->whole)
		return rd->stop ? rd->stop(r) : 0;
	if (r->state) {
		diag_list_release(r->state);
		free(r->state);
		r->state = NULL;
	}
	return 0;
}

int render_list(const struct renderer *rd, struct render_ctx *r, const struct diag_list *l,
		const char *const *files, size_t nfiles)
{
	if (render_begin(rd, r))
		return -1;
	for (size_t i = 0; i < l->len; i++)
		if (render_diag(rd, r, &l->items[i], files[l->items[i].file]))
			return -1;
	return render_end(rd, r, files, nfiles);
}
