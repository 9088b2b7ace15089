/* unknown-person — a `by:` that names nobody on the configured list of
 * people, with the closest name as a suggestion. Quiet without a list.
 *
 * Names compare folded (case, accents, spacing) and without their
 * "<mail>" and "(organisation)" parts, so "Jan de Vries <jan@example.nl>"
 * is "jan de vries". The suggestion is the configured name with the least
 * edit distance over folded bytes, when that is small against the name's
 * length: a typo, not a different person. */
#include <stdio.h>
#include <string.h>

#include "../config.h"
#include "../options.h"
#include "../i18n.h"
#include "../rules.h"
#include "../vague.h"

/* Levenshtein distance of two short strings; 99 when either is too long. */
static unsigned distance(const char *a, size_t n, const char *b, size_t m)
{
	enum { MAX = 64 };
	if (n > MAX || m > MAX)
		return 99;
	unsigned row[MAX + 1];
	for (size_t j = 0; j <= m; j++)
		row[j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		unsigned diag = row[0];
		row[0] = (unsigned)i;
		for (size_t j = 1; j <= m; j++) {
			unsigned up = row[j];
			unsigned v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v) v = up + 1;
			if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
		}
	}
	return row[m];
}

/* Out of line: its frame costs more than the test for a list of people,
 * which most runs stop at. */
static __attribute__((noinline)) void check_people(struct rule_ctx *c, const struct config *cfg)
{
	const struct field *by = model_field(c->m, c->r, KEY_BY);
	if (!by || !by->value.len)
		return;
	const unsigned char *s = c->m->buf + by->value.off;
	if (vague_is_collective(c->scratch, s, by->value.len) == 1)
		return; /* collective-promiser says it better */
	struct folded f;
	if (config_fold_name(c->scratch, s, by->value.len, &f) || f.len == 0)
		return;
	size_t best = 0;
	unsigned best_d = 99;
	for (size_t i = 0; i < cfg->npeople; i++) {
		const char *p = cfg->people_folded[i];
		size_t n = strlen(p);
		if (n == f.len && !memcmp(p, f.text, n))
			return;
		unsigned d = distance((const char *)f.text, f.len, p, n);
		if (d < best_d) {
			best_d = d;
			best = i;
		}
	}
	char q[96], hint[160];
	bool close = best_d <= 2 || best_d * 4 <= f.len;
	if (close)
		snprintf(hint, sizeof hint, _("did you mean '%s'? Or add the name to [people] in %s"),
			 cfg->people[best], CONFIG_FILE_NAME);
	else
		snprintf(hint, sizeof hint, _("name someone on the list, or add them to [people] in %s"),
			 CONFIG_FILE_NAME);
	if (close)
		rule_report(c, RULE_UNKNOWN_PERSON, by->line, by->value, hint,
			    _("'%s' is not on the configured list of people (did you mean '%s'?)"),
			    rule_quote(c, by->value, q, 60), cfg->people[best]);
	else
		rule_report(c, RULE_UNKNOWN_PERSON, by->line, by->value, hint,
			    _("'%s' is not on the configured list of people"), rule_quote(c, by->value, q, 60));
}

static void check(struct rule_ctx *c)
{
	const struct config *cfg = c->opt->config;
	if (cfg && cfg->npeople)
		check_people(c, cfg);
}

const struct rule rule_unknown_person = {
	.name = "unknown-person",
	.code = "P207",
	.severity = SEV_WARNING,
	.step = 2,
	.summary = N_("A promiser who is not on the configured list of people."),
	.explanation =
		"When the configuration lists the people who make promises ([people] known =\n"
		"... in .promise.ini), every `by:` must name one of them, so a promise always\n"
		"has someone who answers for it and reports can count promises per person.\n"
		"A misspelt name (\"Jan de Vris\") gets the closest listed name as a\n"
		"suggestion. Names compare without case, accents or the <mail> and\n"
		"(organisation) parts. Without a list the rule is quiet.",
	.bad = "  by: Jan de Vris        # [people] known = Jan de Vries, Sara Lind\n",
	.good = "  by: Jan de Vries <jan@example.nl>\n",
	.check_record = check,
};
