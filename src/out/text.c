/* text.c — for people: location, severity, message, the line, a caret
 * under the span, and a hint. Colour only when asked (the caller decides
 * from the terminal and NO_COLOR / FORCE_COLOR). */
#include <stdint.h>
#include <string.h>

#include "../rules.h"
#include "render.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *sev_color(enum severity s)
{
	return s == SEV_ERROR ? "\033[1;31m" : s == SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

/* The excerpt with control characters shown as spaces (tabs kept, so the
 * caret line below lines up with the same tabs). */
static void put_excerpt(FILE *out, const char *s, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		fputc(c < 0x20 && c != '\t' ? ' ' : c, out);
	}
}

static void put_caret(FILE *out, const struct diag *d, bool color)
{
	const unsigned char *s = (const unsigned char *)d->excerpt;
	for (uint32_t i = 0; i < d->byte_column && i < d->excerpt_len; i++) {
		if ((s[i] & 0xC0) == 0x80)
			continue;
		fputc(s[i] == '\t' ? '\t' : ' ', out);
	}
	if (color)
		fputs(sev_color(d->severity), out);
	fputc('^', out);
	for (uint32_t c = d->column + 1; c < d->end_column; c++)
		fputc('~', out);
	if (color)
		fputs(RESET, out);
}

static int text_begin(struct render_ctx *r)
{
	(void)r;
	return 0;
}

static int text_diag(struct render_ctx *r, const struct diag *d, const char *file)
{
	FILE *out = r->out;
	const struct rule *rule = rule_table[d->rule];
	if (r->color)
		fprintf(out, BOLD "%s:%u:%u:" RESET " %s%s:" RESET " %s " BOLD "[%s]" RESET "\n", file,
			d->line, d->column, sev_color(d->severity), severity_name(d->severity), d->message,
			rule->name);
	else
		fprintf(out, "%s:%u:%u: %s: %s [%s]\n", file, d->line, d->column,
			severity_name(d->severity), d->message, rule->name);
	if (d->excerpt) {
		fprintf(out, "%6u | ", d->line);
		put_excerpt(out, d->excerpt, d->excerpt_len);
		fputs("\n       | ", out);
		put_caret(out, d, r->color);
		fputc('\n', out);
	}
	if (d->hint)
		fprintf(out, "       = hint: %s\n", d->hint);
	return ferror(out) ? -1 : 0;
}

static int text_end(struct render_ctx *r, const char *const *files, size_t nfiles)
{
	(void)files;
	(void)nfiles;
	return fflush(r->out) ? -1 : 0;
}

const struct renderer render_text = { "text", text_begin, text_diag, text_end, NULL };
