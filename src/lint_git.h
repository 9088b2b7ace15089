/* lint_git.h — the git-aware part of `promise lint`.
 *
 * Glue between the lint command and the history module: it decides whether
 * history is read at all (not with --no-git or PROMISE_NO_GIT, not when
 * every rule that needs it is off), prints the one note that says why the
 * checks are skipped, and hooks the history into the analysis. It prints
 * and returns exit statuses, so only a command calls it.
 *
 * Calling order, around the lint command's own steps:
 *   lint_git_init → (options) → lint_git_start, before analysis_init and
 *   with the linted paths in the order their names will be added →
 *   lint_git_attach, after analysis_init → (files added) →
 *   lint_git_bind, before analysis_finish → lint_git_filter, after it →
 *   lint_git_end. */
#ifndef PROMISE_LINT_GIT_H
#define PROMISE_LINT_GIT_H

#include <stdbool.h>

#include "analyze.h"
#include "history.h"
#include "options.h"
#include "walk.h"

struct lint_git {
	struct history_options o;
	bool off;               /* --no-git */
	struct history *h;      /* NULL when the checks do not run */
};

void lint_git_init(struct lint_git *g);
/* Read history for `paths` (the args as given: the scope; none means ".").
 * Sets opt->history when it can. Returns 0, or 2 after printing why. */
int lint_git_start(struct lint_git *g, struct lint_options *opt, char *const *args, int nargs,
		   const struct path_list *paths, bool quiet);
void lint_git_attach(struct lint_git *g, struct analysis *a);
/* Returns 0, or 2 after printing why. */
int lint_git_bind(struct lint_git *g, struct analysis *a);
/* Pull-request mode's filter. Returns 2 (after printing why) when a lazy
 * history read failed during the analysis, else 0. */
int lint_git_filter(struct lint_git *g, struct analysis *a);
/* Whether a finding is shown (pull-request mode keeps only what the change
 * touched; otherwise every finding). For findings streamed during the run;
 * lint_git_filter() does the same to a collected list. */
bool lint_git_keeps(const struct lint_git *g, const struct diag *d);
void lint_git_end(struct lint_git *g);

#endif
