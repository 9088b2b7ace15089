/* dropped-promise — open at the base, deleted since, never ended. The
 * history module lists the promises that were open at the base and were
 * deleted while still open; this rule keeps those no linted file defines
 * any more (a promise moved to another file is not dropped) and reports
 * each where it stood before it was deleted. */
#include <stdio.h>
#include <string.h>

#include "../facts.h"
#include "../history.h"
#include "../options.h"
#include "../i18n.h"
#include "../rules.h"

static void check(struct rule_ctx *c)
{
	const struct history *h = c->opt->history;
	if (!h)
		return;
	for (size_t i = 0; i < history_drop_count(h); i++) {
		const struct history_drop *d = history_drop_at(h, i);
		size_t len = strlen(d->id);
		if (d->file == UINT32_MAX || facts_find(c->facts, d->id, len) >= 0)
			continue;
		struct diag where;
		memset(&where, 0, sizeof where);
		const unsigned char *line = (const unsigned char *)d->header;
		where.file = d->file;
		where.line = where.end_line = d->line;
		where.byte_column = d->id_off;
		where.byte_end_column = d->id_off + (uint32_t)len;
		where.column = diag_column(line, d->id_off);
		where.end_column = where.column + diag_column(line + d->id_off, (uint32_t)len) - 1;
		where.excerpt = d->header;
		where.excerpt_len = d->header_len;
		where.promise = d->id;
		char by[160];
		if (d->commit)
			snprintf(by, sizeof by, _("commit %s \"%.60s\""), d->commit, d->subject);
		else
			snprintf(by, sizeof by, "%s", _("the uncommitted changes"));
		rule_report_at(c, RULE_DROPPED_PROMISE, &where,
			       _("restore it and say how it ended: `status: kept DATE`, `status: broken DATE` "
				 "(with a recovery) or `status: released DATE`"),
			       _("%s was open at the base %s and was deleted in %s without being kept, broken "
				 "or released"),
			       d->id, d->base ? d->base : "", by);
	}
}

const struct rule rule_dropped_promise = {
	.name = "dropped-promise",
	.code = "P406",
	.severity = SEV_ERROR,
	.step = 4,
	.summary = N_("An open promise deleted from the files instead of being ended."),
	.explanation =
		"A promise that is deleted while open was neither kept nor honestly broken:\n"
		"it just disappeared, and the other party still counts on it. End a promise\n"
		"in the record instead: `status: kept DATE`, `status: broken DATE` with a\n"
		"recovery, or `status: released DATE` when the other party let you off.\n"
		"Ended promises may be deleted later. This rule reads git history: a promise\n"
		"that was open at the base (--base, by default the merge base with the\n"
		"remote's default branch) and that no linted file defines now is reported\n"
		"where it stood, with the commit that deleted it. Moving a promise to\n"
		"another file, or renaming the file, is not dropping it, as long as both\n"
		"files are linted together.",
	.bad = "-promise ACME-3: Replace the two faulty pumps at the Delft site\n"
	       "-  due:       2026-10-15\n",
	.good = "promise ACME-3: Replace the two faulty pumps at the Delft site\n"
		"  due:       2026-10-15\n"
		"  status:    released 2026-10-10\n"
		"  note:      Tom Bakker cancelled the order; replaced by ACME-9\n",
	.check_facts = check,
};
