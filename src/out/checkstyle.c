/* checkstyle.c — Checkstyle's XML report, which many CI tools and review
 * bots read (Jenkins warnings-ng, reviewdog, Bitbucket and others): a
 * <file> per linted file, an <error> per finding with line, column,
 * severity (error, warning, info), message and source (the rule, as
 * "promise.RULE"). Files without findings are listed empty, the way
 * Checkstyle itself does. */
#include <string.h>

#include "../rules.h"
#include "escape.h"
#include "render.h"

int render_checkstyle(FILE *out, const struct render_input *in)
{
	const struct diag_list *l = in->diags;
	struct buf b, path, src;
	buf_init(&b, NULL);
	buf_init(&path, NULL);
	buf_init(&src, NULL);
	int rc = buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle") ||
		 (in->version && esc_xml_attr(&b, "version", in->version)) || buf_adds(&b, ">\n");
	size_t i = 0;
	for (size_t f = 0; f < in->nfiles && !rc; f++) {
		buf_clear(&path);
		rc = esc_relative_path(&path, in->files[f], in->cwd) || buf_adds(&b, "  <file") ||
		     esc_xml_attr(&b, "name", buf_str(&path)) || buf_adds(&b, ">\n");
		for (; i < l->len && l->items[i].file == f && !rc; i++) {
			const struct diag *d = &l->items[i];
			buf_clear(&src);
			rc = buf_printf(&src, "promise.%s", rule_table[d->rule]->name) ||
			     buf_printf(&b, "    <error line=\"%u\" column=\"%u\" severity=\"%s\"", d->line,
					d->column, severity_name(d->severity)) ||
			     esc_xml_attr(&b, "message", d->message) || esc_xml_attr(&b, "source", buf_str(&src)) ||
			     buf_adds(&b, "/>\n");
		}
		rc = rc || buf_adds(&b, "  </file>\n");
		if (!rc && b.len > 65536) {
			fwrite(b.data, 1, b.len, out);
			buf_clear(&b);
		}
	}
	rc = rc || buf_adds(&b, "</checkstyle>\n");
	if (!rc)
		fwrite(b.data, 1, b.len, out);
	buf_release(&b);
	buf_release(&path);
	buf_release(&src);
	return rc || ferror(out) ? -1 : 0;
}
