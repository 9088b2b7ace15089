/* cmd_lint_ci.h — the part of `promise lint` that CI and adoption need:
 * configuration files, rule selection, the baseline, statistics, and the
 * SARIF help links. Part of the command layer (it prints its errors and
 * picks exit statuses); cmd_lint.c calls it at fixed points:
 *
 *   lint_ci_init → lint_ci_option (for each option of LINT_CI_LONGOPTS)
 *   → lint_ci_prepare (once options are read) → lint_ci_file (before each
 *   file is linted) → lint_ci_finish (after analysis_finish) → render →
 *   lint_ci_report (statistics) → lint_ci_release.
 *
 * Functions that can fail return 0 or the exit status (2). */
#ifndef PROMISE_CMD_LINT_CI_H
#define PROMISE_CMD_LINT_CI_H

#include <stdbool.h>
#include <stdio.h>

#include "analyze.h"
#include "baseline.h"
#include "config.h"
#include "options.h"

/* getopt_long values of the options below, clear of every character. */
enum {
	LINT_CI_CONFIG = 0x1000,
	LINT_CI_NO_CONFIG,
	LINT_CI_SELECT,
	LINT_CI_IGNORE,
	LINT_CI_BASELINE,
	LINT_CI_WRITE_BASELINE,
	LINT_CI_STATISTICS,
	LINT_CI_HELP_URI_BASE,
};

#define LINT_CI_LONGOPTS                                                       \
	{ "config", required_argument, NULL, LINT_CI_CONFIG },                 \
	{ "no-config", no_argument, NULL, LINT_CI_NO_CONFIG },                 \
	{ "select", required_argument, NULL, LINT_CI_SELECT },                 \
	{ "ignore", required_argument, NULL, LINT_CI_IGNORE },                 \
	{ "baseline", required_argument, NULL, LINT_CI_BASELINE },             \
	{ "write-baseline", required_argument, NULL, LINT_CI_WRITE_BASELINE }, \
	{ "statistics", no_argument, NULL, LINT_CI_STATISTICS },               \
	{ "help-uri-base", required_argument, NULL, LINT_CI_HELP_URI_BASE }

struct lint_ci_conf {
	char *path;                 /* NULL: no configuration */
	struct config cfg;
	struct lint_options opt;
};

struct lint_ci {
	struct lint_options base;   /* the command line's options */
	/* from the command line */
	const char *config_path;
	bool no_config, has_select, statistics, quiet;
	bool lang_set, due_set;     /* --lang / --due-soon-days given */
	bool select[RULE_COUNT], ignore[RULE_COUNT];
	const char *baseline_path, *write_baseline_path, *help_uri_base;
	/* the options of each configuration met, and of each file */
	struct lint_ci_conf **confs;
	size_t nconfs;
	const struct lint_options **file_opts;
	size_t nfile_opts, cap_file_opts;
	char *last_dir;             /* the directory looked up last ... */
	size_t last_conf;           /* ... and its configuration */
	struct baseline baseline;
	bool has_baseline;
	long hidden;                /* findings the baseline hid */
};

void lint_ci_init(struct lint_ci *ci);
void lint_ci_release(struct lint_ci *ci);
/* The help text of these options. */
void lint_ci_usage(FILE *out);
/* Take one option; 2 on a bad value (printed). */
int lint_ci_option(struct lint_ci *ci, int opt, const char *arg);
/* Check the combination and load the baseline. `base` holds the command
 * line's options (kept: each configuration starts from a copy). */
int lint_ci_prepare(struct lint_ci *ci, const struct lint_options *base);
/* Find and load the configuration of a file (stdin: of `name`'s directory,
 * else the current one) and register its options for file index `file`. */
int lint_ci_file(struct lint_ci *ci, struct analysis *a, uint32_t file, const char *path,
		 bool is_stdin, const char *name);
/* Write or apply the baseline. *done is set when the run ends here
 * (--write-baseline: nothing is rendered and the status is 0). */
int lint_ci_finish(struct lint_ci *ci, struct analysis *a, bool *done);
/* --statistics and the baseline note, on stderr. */
void lint_ci_report(const struct lint_ci *ci, const size_t count[RULE_COUNT]);

#endif
