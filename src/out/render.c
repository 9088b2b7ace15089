/* render.c — the table of formats. */
#include "render.h"

#include <string.h>

static const struct {
	const char *name;
	render_fn *fn;
} formats[] = {
	{ "text", render_text },
	{ "json", render_json },
	{ "sarif", render_sarif },
	{ "github", render_github },
	{ "gitlab", render_gitlab },
	{ "junit", render_junit },
	{ "checkstyle", render_checkstyle },
	{ "gcc", render_gcc },
};

const char *const render_formats[] = { "text", "json", "sarif", "github", "gitlab", "junit",
					"checkstyle", "gcc", NULL };

render_fn *render_lookup(const char *format)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (!strcmp(formats[i].name, format))
			return formats[i].fn;
	return NULL;
}
