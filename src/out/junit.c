/* junit.c — JUnit XML, for CI systems that show test reports (Jenkins,
 * GitLab's test report, Azure Pipelines).
 *
 * A file is a test suite; each finding is a failed test case named after
 * its position and rule; a file without findings holds one passing case,
 * so every linted file shows up. `tests` and `failures` count exactly the
 * cases written. No times and no host names: the same input gives the same
 * bytes. Valid against the strict schema of Jenkins' xUnit plugin. */
#include <string.h>

#include "../rules.h"
#include "escape.h"
#include "render.h"

int render_junit(FILE *out, const struct render_input *in)
{
	const struct diag_list *l = in->diags;
	struct buf b, path, s;
	buf_init(&b, NULL);
	buf_init(&path, NULL);
	buf_init(&s, NULL);
	/* the list is sorted by file: count the files that have findings */
	size_t with = 0;
	for (size_t i = 0; i < l->len; i++)
		with += i == 0 || l->items[i].file != l->items[i - 1].file;
	size_t total = l->len + (in->nfiles - with);
	int rc = buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				"<testsuites name=\"promise\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n",
			    total, l->len);
	size_t i = 0;
	for (size_t f = 0; f < in->nfiles && !rc; f++) {
		size_t first = i;
		while (i < l->len && l->items[i].file == f)
			i++;
		size_t n = i - first;
		buf_clear(&path);
		rc = esc_relative_path(&path, in->files[f], in->cwd) || buf_adds(&b, "  <testsuite") ||
		     esc_xml_attr(&b, "name", buf_str(&path)) ||
		     buf_printf(&b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", n ? n : 1, n);
		if (!rc && n == 0)
			rc = buf_adds(&b, "    <testcase") || esc_xml_attr(&b, "name", "no findings") ||
			     esc_xml_attr(&b, "classname", buf_str(&path)) || buf_adds(&b, "/>\n");
		for (size_t k = first; k < i && !rc; k++) {
			const struct diag *d = &l->items[k];
			const struct rule *r = rule_table[d->rule];
			buf_clear(&s);
			rc = buf_printf(&s, "%u:%u %s", d->line, d->column, r->name) ||
			     buf_adds(&b, "    <testcase") || esc_xml_attr(&b, "name", buf_str(&s)) ||
			     esc_xml_attr(&b, "classname", buf_str(&path)) || buf_adds(&b, ">\n      <failure") ||
			     esc_xml_attr(&b, "type", r->name) || esc_xml_attr(&b, "message", d->message) || buf_adds(&b, ">");
			buf_clear(&s);
			rc = rc || buf_printf(&s, "%s:%u:%u: %s: %s [%s]%s%s%s", buf_str(&path), d->line,
					      d->column, severity_name(d->severity), d->message, r->name,
					      d->promise ? "\npromise: " : "", d->promise ? d->promise : "",
					      d->hint ? "\nhint: " : "") ||
			     (d->hint && buf_adds(&s, d->hint)) || esc_xml(&b, buf_str(&s), false) ||
			     buf_adds(&b, "</failure>\n    </testcase>\n");
		}
		rc = rc || buf_adds(&b, "  </testsuite>\n");
		if (!rc && b.len > 65536) {
			fwrite(b.data, 1, b.len, out);
			buf_clear(&b);
		}
	}
	rc = rc || buf_adds(&b, "</testsuites>\n");
	if (!rc)
		fwrite(b.data, 1, b.len, out);
	buf_release(&b);
	buf_release(&path);
	buf_release(&s);
	return rc || ferror(out) ? -1 : 0;
}
