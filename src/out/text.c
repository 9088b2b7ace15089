/* text.c — for people: location, severity, message, the line, a caret
 * under the span, and a hint. Colour only when asked (the caller decides
 * from the terminal and NO_COLOR / FORCE_COLOR).
 *
 * Each finding is assembled in memory (put.h), on the stack unless it is
 * unusually long, and written with one fwrite(); the renderer keeps no
 * state, so a run that stops early has nothing to free. Rejected:
 * fprintf() and a fputc() per byte of the excerpt and the caret line —
 * the stream calls cost more than the text. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../rules.h"
#include "../word8.h"
#include "put.h"
#include "render.h"

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *sev_color(enum severity s)
{
	return s == SEV_ERROR ? "\033[1;31m" : s == SEV_WARNING ? "\033[1;33m" : "\033[1;36m";
}

/* Every sev_color() is this long. */
enum { SEV_COLOR_LEN = 7 };

/* The excerpt with control characters shown as spaces (tabs kept, so the
 * caret line below lines up with the same tabs). Copied at once; only the
 * eight-byte words that hold a byte below 0x20 are then looked at. */
static char *put_excerpt(char *p, const char *s, uint32_t n)
{
	memcpy(p, s, n);
	uint32_t i = 0;
	for (; i + 8 <= n; i += 8) {
		if (!word8_less(word8_load(p + i), 0x20))
			continue;
		for (uint32_t k = i; k < i + 8; k++)
			if ((unsigned char)p[k] < 0x20 && p[k] != '\t')
				p[k] = ' ';
	}
	/* The last bytes as the line's last word: the bytes before them that
	 * it takes again are done, and a done byte is not below 0x20 unless
	 * it is a tab, which stays. */
	if (i < n && n >= 8 && !word8_less(word8_load(p + n - 8), 0x20))
		return p + n;
	for (; i < n; i++)
		if ((unsigned char)p[i] < 0x20 && p[i] != '\t')
			p[i] = ' ';
	return p + n;
}

/* Room put_caret() needs (the colours' room also takes the up to seven
 * bytes put_pad() may write past its spaces). */
static size_t caret_size(const struct diag *d)
{
	size_t spaces = d->byte_column < d->excerpt_len ? d->byte_column : d->excerpt_len;
	size_t tildes = d->end_column > d->column ? d->end_column - d->column : 0;
	return spaces + tildes + 2 * SEV_COLOR_LEN + 1;
}

/* What stands under the first n bytes of the excerpt: a space per
 * character, a tab per tab. Words of plain ASCII without a tab (most of
 * them) become eight spaces at once. */
static char *put_pad(char *p, const unsigned char *s, uint32_t n)
{
	uint32_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x = word8_load(s + i);
		if (!(word8_high(x) | word8_byte(x, '\t'))) {
			p = put_lit(p, "        ");
			continue;
		}
		for (uint32_t k = i; k < i + 8; k++)
			if ((s[k] & 0xC0) != 0x80)
				*p++ = s[k] == '\t' ? '\t' : ' ';
	}
	/* The last bytes as the line's last word, when it is plain ASCII
	 * without a tab: a space each. Eight are written, the rest are room
	 * caret_size() keeps for the caret after them. */
	if (i < n && n >= 8) {
		uint64_t x = word8_load(s + n - 8);
		if (!(word8_high(x) | word8_byte(x, '\t')))
			return (char *)memcpy(p, "        ", 8) + (n - i);
	}
	for (; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			*p++ = s[i] == '\t' ? '\t' : ' ';
	return p;
}

static char *put_caret(char *p, const struct diag *d, bool color)
{
	p = put_pad(p, (const unsigned char *)d->excerpt,
		    d->byte_column < d->excerpt_len ? d->byte_column : d->excerpt_len);
	if (color)
		p = put_mem(p, sev_color(d->severity), SEV_COLOR_LEN);
	*p++ = '^';
	if (d->end_column > (uint64_t)d->column + 1) {
		memset(p, '~', d->end_column - d->column - 1);
		p += d->end_column - d->column - 1;
	}
	if (color)
		p = put_lit(p, RESET);
	return p;
}

static int text_begin(struct render_ctx *r)
{
	(void)r;
	return 0;
}

static int text_diag(struct render_ctx *r, const struct diag *d, const char *file)
{
	const struct rule *rule = rule_table[d->rule];
	const char *sev = severity_name(d->severity);
	size_t file_len = strlen(file), sev_len = strlen(sev), msg_len = diag_message_len(d);
	size_t name_len = strlen(rule->name), hint_len = diag_hint_len(d);
	size_t most = 96 + file_len + 3 * PUT_U32_DIGITS + sev_len + msg_len + name_len + hint_len +
		      SEV_COLOR_LEN;
	if (d->excerpt)
		most += d->excerpt_len + caret_size(d);
	char local[8192];
	char *mem = most <= sizeof local ? local : malloc(most);
	if (!mem) {
		errno = ENOMEM;
		return -1;
	}
	char *p = mem;
	if (r->color) {
		p = put_mem(put_lit(p, BOLD), file, file_len);
		p = put_u32(put_lit(p, ":"), d->line, 0);
		p = put_u32(put_lit(p, ":"), d->column, 0);
		p = put_mem(put_lit(p, ":" RESET " "), sev_color(d->severity), SEV_COLOR_LEN);
		p = put_mem(p, sev, sev_len);
		p = put_mem(put_lit(p, ":" RESET " "), d->message, msg_len);
		p = put_mem(put_lit(p, " " BOLD "["), rule->name, name_len);
		p = put_lit(p, "]" RESET "\n");
	} else {
		p = put_mem(p, file, file_len);
		p = put_u32(put_lit(p, ":"), d->line, 0);
		p = put_u32(put_lit(p, ":"), d->column, 0);
		p = put_mem(put_lit(p, ": "), sev, sev_len);
		p = put_mem(put_lit(p, ": "), d->message, msg_len);
		p = put_mem(put_lit(p, " ["), rule->name, name_len);
		p = put_lit(p, "]\n");
	}
	if (d->excerpt) {
		p = put_lit(put_u32(p, d->line, 6), " | ");
		p = put_excerpt(p, d->excerpt, d->excerpt_len);
		p = put_lit(p, "\n       | ");
		p = put_caret(p, d, r->color);
		*p++ = '\n';
	}
	if (d->hint)
		p = put_lit(put_mem(put_lit(p, "       = hint: "), d->hint, hint_len), "\n");
	size_t len = (size_t)(p - mem);
	int rc = fwrite(mem, 1, len, r->out) != len || ferror(r->out) ? -1 : 0;
	if (mem != local)
		free(mem);
	return rc;
}

static int text_end(struct render_ctx *r, const char *const *files, size_t nfiles)
{
	(void)files;
	(void)nfiles;
	return fflush(r->out) ? -1 : 0;
}

const struct renderer render_text = { "text", text_begin, text_diag, text_end, NULL, NULL };
