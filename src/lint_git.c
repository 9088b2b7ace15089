/* lint_git.c — when to read history, what to say when it cannot be read. */
#include "lint_git.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

void lint_git_init(struct lint_git *g)
{
	memset(g, 0, sizeof *g);
	const char *env = getenv("PROMISE_NO_GIT");
	g->off = env && *env && strcmp(env, "0");
}

int lint_git_start(struct lint_git *g, struct lint_options *opt, char *const *args, int nargs,
		   const struct path_list *paths, bool quiet)
{
	g->o.moves = opt->severity[RULE_MOVED_DUE] != SEV_OFF;
	g->o.drops = opt->severity[RULE_DROPPED_PROMISE] != SEV_OFF;
	g->o.first_committed = opt->severity[RULE_MISSING_MADE] != SEV_OFF;
	/* Standard input has no place in the repository's history. */
	int files = nargs == 0;
	for (int i = 0; i < nargs; i++)
		files += strcmp(args[i], "-") != 0;
	if (g->off || !files ||
	    (!g->o.moves && !g->o.drops && !g->o.first_committed && !g->o.changed_since))
		return 0;
	struct history *h = history_new(&g->o, NULL);
	int rc = !h;
	for (int i = 0; i < nargs && !rc; i++)
		if (strcmp(args[i], "-"))
			rc = history_add_scope(h, args[i]);
	if (!rc && nargs == 0)
		rc = history_add_scope(h, ".");
	for (size_t i = 0; i < paths->len && !rc; i++)
		rc = history_note_file(h, (uint32_t)i, paths->items[i]);
	if (rc) {
		history_free(h);
		cli_error("out of memory");
		return 2;
	}
	switch (history_read(h)) {
	case HISTORY_OK:
		g->h = h;
		opt->history = h;
		return 0;
	case HISTORY_SKIPPED:
		if (!quiet)
			fprintf(stderr, "promise: note: git-aware checks skipped: %s%s\n", history_why(h),
				g->o.changed_since ? "; every promise is reported" : "");
		history_free(h);
		return 0;
	case HISTORY_NOMEM:
		cli_error("out of memory");
		break;
	case HISTORY_ERROR:
	case HISTORY_BAD_REF:
		cli_error("%s", history_why(h));
		break;
	}
	history_free(h);
	return 2;
}

void lint_git_attach(struct lint_git *g, struct analysis *a)
{
	if (g->h && history_pr_mode(g->h)) {
		a->on_record = history_on_record;
		a->on_record_ctx = g->h;
	}
}

int lint_git_bind(struct lint_git *g, struct analysis *a)
{
	if (g->h && history_bind_names(g->h, a)) {
		cli_error("out of memory");
		return 2;
	}
	return 0;
}

int lint_git_filter(struct lint_git *g, struct analysis *a)
{
	if (!g->h)
		return 0;
	if (history_failed(g->h)) {
		cli_error("%s", history_why(g->h));
		return 2;
	}
	history_keep_changed(g->h, &a->diags);
	return 0;
}

bool lint_git_keeps(const struct lint_git *g, const struct diag *d)
{
	return !g || !g->h || history_keeps(g->h, d);
}

void lint_git_end(struct lint_git *g)
{
	history_free(g->h);
	g->h = NULL;
}
