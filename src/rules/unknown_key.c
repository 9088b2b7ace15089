/* unknown-key — a key the format does not define, with a did-you-mean. */
#include <string.h>

#include "../i18n.h"
#include "../rules.h"

/* Optimal string alignment distance (Damerau-Levenshtein without repeated
 * edits of one substring), case-insensitive, for short keys. */
static unsigned edit_distance(const unsigned char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	if (n > 30 || m > 30)
		return 99;
	unsigned d[32][32];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (unsigned)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (unsigned)j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			unsigned char x = a[i - 1] >= 'A' && a[i - 1] <= 'Z' ? (unsigned char)(a[i - 1] | 0x20) : a[i - 1];
			unsigned cost = x == (unsigned char)b[j - 1] ? 0 : 1;
			unsigned v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v) v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && x == (unsigned char)b[j - 2] &&
			    (a[i - 2] | 0x20) == (unsigned char)b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[n][m];
}

static void check(struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	char q[64];
	if (r->first[KEY_UNKNOWN] < 0)
		return;
	for (uint32_t i = (uint32_t)r->first[KEY_UNKNOWN]; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_UNKNOWN)
			continue;
		const char *best = NULL;
		unsigned best_d = 3;
		for (int k = 0; k < KEY_USER; k++) {
			unsigned dist = edit_distance(m->buf + f->key_span.off, f->key_span.len,
						      model_key_name((enum field_key)k));
			if (dist < best_d) {
				best_d = dist;
				best = model_key_name((enum field_key)k);
			}
		}
		if (best)
			rule_report(c, RULE_UNKNOWN_KEY, f->line, f->key_span,
				    _("correct the key; fields of your own start with 'x-'"),
				    _("unknown key '%s' (did you mean '%s'?)"), rule_quote(c, f->key_span, q, 40),
				    best);
		else
			rule_report(c, RULE_UNKNOWN_KEY, f->line, f->key_span,
				    _("known keys: by, to, made, due, recorded, in-return, status, "
				      "renegotiated, recovery, extra, note; your own start with 'x-'"),
				    _("unknown key '%s'"), rule_quote(c, f->key_span, q, 40));
	}
}

const struct rule rule_unknown_key = {
	.name = "unknown-key",
	.code = "P006",
	.severity = SEV_WARNING,
	.step = 0,
	.summary = N_("A field key the format does not define."),
	.explanation =
		"An unknown key is most often a typo, and a typo in `due` or `status` silently\n"
		"changes what the linter knows about the promise. Keys are case-insensitive.\n"
		"Fields of your own start with `x-` and are never flagged.",
	.bad = "  stauts:   kept 2026-11-19\n  ticket:   4411\n",
	.good = "  status:   kept 2026-11-19\n  x-ticket: 4411\n",
	.check_record = check,
	.when = TRAIT_UNKNOWN_KEY,
};
