/* gitlab.c — GitLab Code Quality: a JSON array of issues (description,
 * check_name, fingerprint, severity, location with a relative path and the
 * lines), read by the merge request widget from a `codequality` report.
 *
 * GitLab compares reports of the base and the head by fingerprint, so it
 * must be stable and unique: the finding's fingerprint (fingerprint.h) with
 * its occurrence number, hashed again into one hex string. Severities:
 * error is major, warning minor, info info (critical and blocker are left
 * to the team's judgement of its own rules). */
#include <string.h>

#include "../fingerprint.h"
#include "../rules.h"
#include "escape.h"
#include "render.h"

static const char *gitlab_severity(enum severity s)
{
	return s == SEV_ERROR ? "major" : s == SEV_WARNING ? "minor" : "info";
}

int render_gitlab(FILE *out, const struct render_input *in)
{
	struct fingerprint_list fl;
	if (fingerprint_list(&fl, in->diags, in->files, NULL))
		return -1;
	struct buf path, desc;
	buf_init(&path, NULL);
	buf_init(&desc, NULL);
	int rc = 0;
	fputs("[", out);
	for (size_t i = 0; i < in->diags->len && !rc; i++) {
		const struct diag *d = &in->diags->items[i];
		const struct rule *r = rule_table[d->rule];
		buf_clear(&path);
		buf_clear(&desc);
		/* the occurrence number joins the fingerprint, so two equal
		 * findings are two issues */
		char fp[FINGERPRINT_HEX + 16];
		if (fl.occurrence[i])
			snprintf(fp, sizeof fp, "%.*s%08x", FINGERPRINT_HEX - 8, fl.hex[i], fl.occurrence[i]);
		else
			snprintf(fp, sizeof fp, "%s", fl.hex[i]);
		if (esc_relative_path(&path, in->files[d->file], in->cwd) ||
		    buf_printf(&desc, "%s [%s]", d->message, r->name)) {
			rc = -1;
			break;
		}
		json_t *o = json_pack("{s:s, s:o, s:s, s:s, s:s, s:{s:o, s:{s:I, s:I}}}",
				      "type", "issue",
				      "description", esc_json_string(buf_str(&desc)),
				      "check_name", r->name,
				      "fingerprint", fp,
				      "severity", gitlab_severity(d->severity),
				      "location", "path", esc_json_string(buf_str(&path)),
				      "lines", "begin", (json_int_t)d->line, "end", (json_int_t)d->end_line);
		if (!o) {
			rc = -1;
			break;
		}
		fputs(i ? ",\n  " : "\n  ", out);
		rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(o);
	}
	fputs(in->diags->len ? "\n]\n" : "]\n", out);
	buf_release(&path);
	buf_release(&desc);
	fingerprint_list_free(&fl);
	return rc || ferror(out) ? -1 : 0;
}
