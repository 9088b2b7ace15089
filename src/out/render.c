/* render.c — the table of formats, and rendering a collected list. */
#include "render.h"

#include <string.h>

extern const struct renderer render_text, render_json;

static const struct renderer *const renderers[] = {
	&render_text,
	&render_json,
};

const char *const render_formats[] = { "text", "json", NULL };

const struct renderer *render_lookup(const char *format)
{
	for (size_t i = 0; i < sizeof renderers / sizeof *renderers; i++)
		if (!strcmp(renderers[i]->name, format))
			return renderers[i];
	return NULL;
}

int render_list(const struct renderer *rd, struct render_ctx *r, const struct diag_list *l,
		const char *const *files, size_t nfiles)
{
	if (rd->begin(r))
		return -1;
	for (size_t i = 0; i < l->len; i++) {
		if (rd->diag(r, &l->items[i], files[l->items[i].file]))
			return -1;
		r->count++;
	}
	diag_list_count(l, r->severities);
	return rd->end(r, files, nfiles);
}
