/* moved-due — a due date moved in git history with no renegotiated entry
 * to account for it. The history module (history.h) has followed the
 * promise through the commits since the base; this rule only asks it and
 * points at the due field as it stands now. */
#include <stdio.h>
#include <string.h>

#include "../history.h"
#include "../options.h"
#include "../i18n.h"
#include "../rules.h"

/* A commit subject for a message: at most `max` bytes, cut at a character. */
static const char *subject_of(const char *s, char *out, size_t size)
{
	size_t n = strlen(s);
	if (n < size) {
		memcpy(out, s, n + 1);
		return out;
	}
	n = size - 4;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, s, n);
	memcpy(out + n, "...", 4);
	return out;
}

/* Out of line: its frame costs more than the test for history, which most
 * runs stop at. */
static __attribute__((noinline)) void check_history(struct rule_ctx *c)
{
	const struct record *r = c->r;
	struct history_move mv;
	if (!r->id.len || (r->flags & RECORD_BAD_HEADER) ||
	    !history_moved_due(c->opt->history, (const char *)c->m->buf + r->id.off, r->id.len, &mv))
		return;
	const struct field *due = model_field(c->m, r, KEY_DUE);
	char from[11], to[11], name[96], where[160], subj[72], later[48] = "", hint[200];
	date_format(mv.from, from);
	date_format(mv.to, to);
	if (mv.commit)
		snprintf(where, sizeof where, _("commit %s \"%s\""), mv.commit,
			 subject_of(mv.subject, subj, sizeof subj));
	else
		snprintf(where, sizeof where, "%s", _("the uncommitted changes"));
	if (mv.later)
		snprintf(later, sizeof later, ngettext_(" (and %u later move)", " (and %u later moves)", mv.later), mv.later);
	snprintf(hint, sizeof hint,
		 _("agree the new date with the other party and record it (`renegotiated: DATE due moved "
		   "from %s to %s, agreed by NAME`), or put the due date back"),
		 from, to);
	rule_report(c, RULE_MOVED_DUE, due ? due->line : r->line, due ? due->value : rule_header_span(r),
		    hint, _("the due date of %s was moved from %s to %s in %s without a renegotiated entry%s"),
		    rule_record_name(c, name, sizeof name), from, to, where, later);
}

static void check(struct rule_ctx *c)
{
	if (c->opt->history)
		check_history(c);
}

const struct rule rule_moved_due = {
	.name = "moved-due",
	.code = "P405",
	.severity = SEV_WARNING,
	.step = 4,
	.summary = N_("A due date moved in git history without a renegotiated entry."),
	.explanation =
		"Quietly pushing a deadline back is breaking a promise without saying so.\n"
		"A new date is fine when the other party agreed to it; then the record says\n"
		"so with a `renegotiated:` entry (the date, what changed, who agreed). This\n"
		"rule reads git history: every commit between the base (--base, by default\n"
		"the merge base with the remote's default branch) and HEAD, then the\n"
		"uncommitted changes. Each change of a valid due date needs one new\n"
		"renegotiated entry, in the same commit or a later one. The message names\n"
		"the date before the move and the commit that made it.",
	.bad = "  due: 2026-12-04     # was 2026-11-20 in the base; no renegotiated entry\n",
	.good = "  due:          2026-12-04\n"
		"  renegotiated: 2026-11-18 due moved from 2026-11-20 to 2026-12-04,\n"
		"                agreed by Petra Jansen on the phone\n",
	.check_record = check,
	.ordered = true,
};
