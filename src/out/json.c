/* json.c — one JSON array, an object per diagnostic, built with jansson so
 * escaping is the library's job. Objects are written one at a time so a
 * large result never exists twice in memory. */
#include <jansson.h>
#include <string.h>

#include "../rules.h"
#include "../utf8.h"
#include "render.h"

int render_json(FILE *out, const struct render_input *in)
{
	const struct diag_list *l = in->diags;
	fputs("[", out);
	for (size_t i = 0; i < l->len; i++) {
		const struct diag *d = &l->items[i];
		const struct rule *r = rule_table[d->rule];
		char file[4096];
		utf8_clean((const unsigned char *)in->files[d->file], strlen(in->files[d->file]), file,
			   sizeof file); /* a file name need not be UTF-8; JSON must be */
		json_t *o = json_pack("{s:s, s:I, s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:o, s:o}",
				      "file", file,
				      "line", (json_int_t)d->line,
				      "column", (json_int_t)d->column,
				      "end_line", (json_int_t)d->end_line,
				      "end_column", (json_int_t)d->end_column,
				      "severity", severity_name(d->severity),
				      "rule", r->name,
				      "code", r->code,
				      "message", d->message,
				      "hint", d->hint ? json_string(d->hint) : json_null(),
				      "promise", d->promise ? json_string(d->promise) : json_null());
		if (!o)
			return -1;
		fputs(i ? ",\n  " : "\n  ", out);
		int rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII * 0);
		json_decref(o);
		if (rc)
			return -1;
	}
	fputs(l->len ? "\n]\n" : "]\n", out);
	return ferror(out) ? -1 : 0;
}
