/* rules_scdoc.c — promise-rules(7) in scdoc, from the rule table.
 *
 * Prose is copied line by line: a Markdown code span (`x`) becomes bold,
 * backslashes, asterisks and underscores are escaped, and a line that
 * starts with a character scdoc reads as markup (a list dash, a table bar,
 * a heading hash, a tab) gets a leading escape. Examples go into literal
 * blocks, where only the backslash still needs escaping. Rejected: writing
 * roff directly, which would mean owning roff's escaping rules for every
 * character; scdoc is the one tool the project already uses for its pages. */
#include "rules_scdoc.h"

#include <string.h>

#include "rules.h"

static void put_escaped(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' || s[i] == '*' || s[i] == '_')
			fputc('\\', out);
		fputc(s[i], out);
	}
}

/* One line of prose; `code` spans become bold. An unmatched backtick is
 * kept as it is. */
static void put_prose_line(FILE *out, const char *s, size_t n)
{
	if (n && strchr("-.#|:[]\t ;", s[0]))
		fputc('\\', out);
	size_t i = 0;
	while (i < n) {
		const char *tick = memchr(s + i, '`', n - i);
		const char *close = tick ? memchr(tick + 1, '`', n - (size_t)(tick + 1 - s)) : NULL;
		if (!close || close == tick + 1) {
			put_escaped(out, s + i, n - i);
			break;
		}
		put_escaped(out, s + i, (size_t)(tick - (s + i)));
		fputc('*', out);
		put_escaped(out, tick + 1, (size_t)(close - tick - 1));
		fputc('*', out);
		i = (size_t)(close + 1 - s);
	}
	fputc('\n', out);
}

/* Prose is written one paragraph a line: roff reflows it anyway, and a
 * wrapped line that happens to start with a dot ("... in .promise.ini")
 * would otherwise be read as a roff request. */
static void put_prose(FILE *out, const char *text)
{
	char para[4096];
	size_t n = 0;
	for (const char *p = text;; p++) {
		if (*p == '\n' && p[1] != '\n' && p[1] != '\0' && n) {
			if (n < sizeof para - 1)
				para[n++] = ' ';
			continue;
		}
		if (*p == '\0' || *p == '\n') {
			if (n)
				put_prose_line(out, para, n);
			n = 0;
			if (*p == '\0')
				break;
			continue;
		}
		if (n < sizeof para - 1)
			para[n++] = *p;
	}
}

static void put_literal(FILE *out, const char *text)
{
	fputs("```\n", out);
	for (const char *p = text; *p; p++) {
		if (*p == '\\' || (*p == '`' && (p == text || p[-1] == '\n')))
			fputc('\\', out);
		fputc(*p, out);
	}
	if (*text && text[strlen(text) - 1] != '\n')
		fputc('\n', out);
	fputs("```\n", out);
}

static void put_upper(FILE *out, const char *s)
{
	for (; *s; s++)
		fputc(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s, out);
}

int rules_scdoc_write(FILE *out)
{
	fputs("promise-rules(7)\n\n"
	      "# NAME\n\n"
	      "promise-rules - what *promise lint* checks, rule by rule\n\n"
	      "# DESCRIPTION\n\n"
	      "Each rule has a stable name, a short code and a default severity. The rules\n"
	      "follow the four steps of a valuable promise: promise specifically, record it,\n"
	      "ask something in return, and keep it; a fifth group checks that the file is\n"
	      "consistent. *promise explain* _RULE_ prints the same text as this page, and\n"
	      "*promise rules* lists them all. Every finding names its rule in square\n"
	      "brackets, so the rule to look up is always at hand.\n\n"
	      "An error makes *promise lint* exit with status 1; warnings and info do not,\n"
	      "unless *--fail-on* asks for it.\n",
	      out);
	for (int step = 0; step <= 4; step++) {
		fputs("\n# ", out);
		put_upper(out, rule_step_title(step));
		fputs("\n\n", out);
		for (int i = 0; i < RULE_COUNT; i++) {
			const struct rule *r = rule_table[i];
			if (r->step != step)
				continue;
			fprintf(out, "## %s\n\n*%s*, %s by default. ", r->name, r->code,
				severity_name(r->severity));
			put_prose(out, r->summary);
			fputc('\n', out);
			put_prose(out, r->explanation);
			fputs("\nBad:\n\n", out);
			put_literal(out, r->bad);
			fputs("\nGood:\n\n", out);
			put_literal(out, r->good);
			fputc('\n', out);
		}
	}
	fputs("# SEE ALSO\n\n*promise*(1), *promise*(5)\n", out);
	return ferror(out) ? -1 : 0;
}
