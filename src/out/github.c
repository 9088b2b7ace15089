/* github.c — GitHub Actions workflow commands: one annotation per finding,
 *   ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::MESSAGE
 * printed by a step, shown on the pull request's changed lines.
 *
 * Escaping follows the runner: in the message %, CR and LF are
 * percent-encoded; in properties ':' and ',' too. GitHub's endColumn is the
 * last column of the span (inclusive), one less than ours. Info findings
 * become notices. */
#include <string.h>

#include "../rules.h"
#include "escape.h"
#include "render.h"

static const char *command(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "notice";
}

int render_github(FILE *out, const struct render_input *in)
{
	struct buf b, path, title, msg;
	buf_init(&b, NULL);
	buf_init(&path, NULL);
	buf_init(&title, NULL);
	buf_init(&msg, NULL);
	int rc = 0;
	for (size_t i = 0; i < in->diags->len && !rc; i++) {
		const struct diag *d = &in->diags->items[i];
		const struct rule *r = rule_table[d->rule];
		buf_clear(&b);
		buf_clear(&path);
		buf_clear(&title);
		buf_clear(&msg);
		uint32_t end = d->end_column > d->column ? d->end_column - 1 : d->column;
		rc = esc_relative_path(&path, in->files[d->file], in->cwd) ||
		     buf_printf(&title, "%s (%s)", r->name, r->code) ||
		     buf_printf(&msg, "%s%s%s", d->message, d->hint ? "\n" : "", d->hint ? d->hint : "") ||
		     buf_printf(&b, "::%s file=", command(d->severity)) ||
		     esc_github(&b, buf_str(&path), true) ||
		     buf_printf(&b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", d->line, d->column,
				d->end_line, end) ||
		     esc_github(&b, buf_str(&title), true) || buf_adds(&b, "::") ||
		     esc_github(&b, buf_str(&msg), false) || buf_addc(&b, '\n');
		if (!rc)
			fwrite(b.data, 1, b.len, out);
	}
	buf_release(&b);
	buf_release(&path);
	buf_release(&title);
	buf_release(&msg);
	return rc || ferror(out) ? -1 : 0;
}
