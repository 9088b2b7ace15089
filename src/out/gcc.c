/* gcc.c — one line per finding, `file:line:col: severity: message [rule]`,
 * the shape compilers print, so Vim's quickfix ('errorformat'), Emacs'
 * compilation-mode and most editors jump to it without configuration. No
 * source excerpt, no hint, no colour; control characters in a message
 * become spaces so a finding is always exactly one line. */
#include "../rules.h"
#include "render.h"

static void put_clean(FILE *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		fputc(*p < 0x20 || *p == 0x7F ? ' ' : *p, out);
}

int render_gcc(FILE *out, const struct render_input *in)
{
	for (size_t i = 0; i < in->diags->len; i++) {
		const struct diag *d = &in->diags->items[i];
		put_clean(out, in->files[d->file]);
		fprintf(out, ":%u:%u: %s: ", d->line, d->column, severity_name(d->severity));
		put_clean(out, d->message);
		fprintf(out, " [%s]\n", rule_table[d->rule]->name);
	}
	return ferror(out) ? -1 : 0;
}
