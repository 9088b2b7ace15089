/* cmd_lint_ci.c — configuration per file, selection, baseline, statistics.
 *
 * Each distinct configuration file is loaded once and turned into one
 * struct lint_options: the command line's options, then the file's
 * settings, then the command line's --lang, --due-soon-days, --select and
 * --ignore again, because what is typed wins over what is committed. Files
 * point to the options of their configuration (analysis.file_opts). The
 * directory of the previous file is remembered, since files come in walk
 * order and most share a directory with the one before. */
#include "cmd_lint_ci.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "fsio.h"
#include "out/render.h"
#include "rules.h"

void lint_ci_init(struct lint_ci *ci)
{
	memset(ci, 0, sizeof *ci);
	baseline_init(&ci->baseline, NULL);
	ci->last_conf = (size_t)-1;
}

void lint_ci_release(struct lint_ci *ci)
{
	for (size_t i = 0; i < ci->nconfs; i++) {
		config_release(&ci->confs[i]->cfg);
		free(ci->confs[i]->path);
		free(ci->confs[i]);
	}
	free(ci->confs);
	free(ci->file_opts);
	free(ci->last_dir);
	baseline_release(&ci->baseline);
	memset(ci, 0, sizeof *ci);
}

void lint_ci_usage(FILE *out)
{
	fputs("\nconfiguration, selection and adoption:\n"
	      "      --config FILE        use FILE as the configuration of every file\n"
	      "      --no-config          use no configuration file (default: the nearest\n"
	      "                           " CONFIG_FILE_NAME " above each file, up to the repository root)\n"
	      "      --select RULES       only these rules (comma-separated names or codes)\n"
	      "      --ignore RULES       not these rules\n"
	      "      --baseline FILE      hide the findings recorded in FILE\n"
	      "      --write-baseline FILE  record today's findings in FILE and exit 0\n"
	      "      --statistics         count the findings per rule (on stderr)\n"
	      "      --help-uri-base URI  where sarif links rule help (default " RENDER_HELP_URI_BASE ")\n"
	      "formats: text, json, sarif (code scanning), github (workflow annotations),\n"
	      "gitlab (Code Quality), junit, checkstyle, gcc (file:line:col: one line each).\n",
	      out);
}

static int rule_list(const char *opt, const char *arg, bool out[RULE_COUNT])
{
	char bad[64];
	if (config_rule_list(arg, out, bad, sizeof bad)) {
		cli_error("%s: no rule named '%s'; 'promise rules' lists them", opt, bad);
		return 2;
	}
	return 0;
}

int lint_ci_option(struct lint_ci *ci, int opt, const char *arg)
{
	switch (opt) {
	case LINT_CI_CONFIG:
		ci->config_path = arg;
		return 0;
	case LINT_CI_NO_CONFIG:
		ci->no_config = true;
		return 0;
	case LINT_CI_SELECT:
		ci->has_select = true;
		return rule_list("--select", arg, ci->select);
	case LINT_CI_IGNORE:
		return rule_list("--ignore", arg, ci->ignore);
	case LINT_CI_BASELINE:
		ci->baseline_path = arg;
		return 0;
	case LINT_CI_WRITE_BASELINE:
		ci->write_baseline_path = arg;
		return 0;
	case LINT_CI_STATISTICS:
		ci->statistics = true;
		return 0;
	case LINT_CI_HELP_URI_BASE:
		ci->help_uri_base = arg;
		return 0;
	default:
		return 2;
	}
}

int lint_ci_prepare(struct lint_ci *ci, const struct lint_options *base)
{
	if (ci->config_path && ci->no_config) {
		cli_error("--config and --no-config exclude each other");
		return 2;
	}
	ci->base = *base;
	if (ci->baseline_path) {
		char why[256];
		enum baseline_status st = baseline_load(&ci->baseline, ci->baseline_path, why, sizeof why);
		if (st == BASELINE_IO) {
			cli_error("cannot read '%s': %s", ci->baseline_path, strerror(errno));
			return 2;
		}
		if (st == BASELINE_NOMEM) {
			cli_error("out of memory");
			return 2;
		}
		if (st == BASELINE_INVALID) {
			cli_error("%s: %s", ci->baseline_path, why);
			return 2;
		}
		ci->has_baseline = true;
	}
	return 0;
}

/* The options of configuration `path` (NULL: none), loaded on first use. */
static int conf_index(struct lint_ci *ci, const char *path, size_t *out)
{
	for (size_t i = 0; i < ci->nconfs; i++) {
		const char *p = ci->confs[i]->path;
		if ((!p && !path) || (p && path && !strcmp(p, path))) {
			*out = i;
			return 0;
		}
	}
	struct lint_ci_conf **nc = realloc(ci->confs, (ci->nconfs + 1) * sizeof *nc);
	struct lint_ci_conf *c = calloc(1, sizeof *c);
	if (nc)
		ci->confs = nc;
	if (!nc || !c || (path && !(c->path = strdup(path)))) {
		free(c);
		cli_error("out of memory");
		return 2;
	}
	config_init(&c->cfg, NULL);
	ci->confs[ci->nconfs] = c;
	*out = ci->nconfs++;
	c->opt = ci->base;
	if (path) {
		struct config_error err;
		enum config_status st = config_load(&c->cfg, path, &err);
		if (st == CONFIG_IO) {
			cli_error("cannot read '%s': %s", path, strerror(errno));
			return 2;
		}
		if (st == CONFIG_NOMEM) {
			cli_error("out of memory");
			return 2;
		}
		if (st == CONFIG_INVALID) {
			if (err.line)
				cli_error("%s:%u: %s", path, err.line, err.message);
			else
				cli_error("%s: %s", path, err.message);
			return 2;
		}
		config_apply(&c->cfg, &c->opt);
		if (ci->lang_set)
			c->opt.language = ci->base.language;
		if (ci->due_set)
			c->opt.due_soon_days = ci->base.due_soon_days;
	}
	for (int r = 0; r < RULE_COUNT; r++) {
		if (ci->has_select && !ci->select[r])
			c->opt.severity[r] = SEV_OFF;
		else if (ci->has_select && c->opt.severity[r] == SEV_OFF)
			c->opt.severity[r] = rule_table[r]->severity; /* asked for by name */
		if (ci->ignore[r])
			c->opt.severity[r] = SEV_OFF;
	}
	return 0;
}

static int find_for(struct lint_ci *ci, const char *dir, size_t *out)
{
	if (ci->last_dir && !strcmp(ci->last_dir, dir)) {
		*out = ci->last_conf;
		return 0;
	}
	struct buf found;
	buf_init(&found, NULL);
	int rc = config_find(dir, &found);
	if (rc < 0) {
		cli_error("cannot read '%s': %s", dir, strerror(errno));
		buf_release(&found);
		return 2;
	}
	int status = conf_index(ci, rc ? found.data : NULL, out);
	buf_release(&found);
	if (status)
		return status;
	free(ci->last_dir);
	ci->last_dir = strdup(dir);
	ci->last_conf = *out;
	return 0;
}

int lint_ci_file(struct lint_ci *ci, struct analysis *a, uint32_t file, const char *path,
		 bool is_stdin, const char *name)
{
	size_t idx;
	int status;
	if (ci->no_config) {
		status = conf_index(ci, NULL, &idx);
	} else if (ci->config_path) {
		status = conf_index(ci, ci->config_path, &idx);
	} else {
		char *copy = strdup(is_stdin ? name : path);
		if (!copy) {
			cli_error("out of memory");
			return 2;
		}
		const char *dir = dirname(copy);
		struct stat st;
		if (is_stdin && (stat(dir, &st) || !S_ISDIR(st.st_mode)))
			dir = ".";
		status = find_for(ci, dir, &idx);
		free(copy);
	}
	if (status)
		return status;
	if (file >= ci->cap_file_opts) {
		size_t nc = ci->cap_file_opts ? ci->cap_file_opts * 2 : 64;
		while (nc <= file)
			nc *= 2;
		const struct lint_options **n = realloc(ci->file_opts, nc * sizeof *n);
		if (!n) {
			cli_error("out of memory");
			return 2;
		}
		memset(n + ci->cap_file_opts, 0, (nc - ci->cap_file_opts) * sizeof *n);
		ci->file_opts = n;
		ci->cap_file_opts = nc;
	}
	ci->file_opts[file] = &ci->confs[idx]->opt;
	if (file >= ci->nfile_opts)
		ci->nfile_opts = file + 1;
	a->file_opts = ci->file_opts;
	a->nfile_opts = ci->nfile_opts;
	return 0;
}

int lint_ci_finish(struct lint_ci *ci, struct analysis *a, bool *done)
{
	*done = false;
	const char *const *files = (const char *const *)a->file_names;
	if (ci->write_baseline_path) {
		struct buf text;
		buf_init(&text, NULL);
		if (baseline_format(&text, &a->diags, files)) {
			buf_release(&text);
			cli_error("out of memory");
			return 2;
		}
		int rc = fsio_write_atomic(ci->write_baseline_path, text.data, text.len, NULL);
		buf_release(&text);
		if (rc) {
			cli_error("cannot write '%s': %s", ci->write_baseline_path, strerror(errno));
			return 2;
		}
		if (!ci->quiet)
			fprintf(stderr, "promise: recorded %zu finding%s in %s\n", a->diags.len,
				a->diags.len == 1 ? "" : "s", ci->write_baseline_path);
		*done = true;
		return 0;
	}
	if (ci->has_baseline) {
		ci->hidden = baseline_filter(&ci->baseline, &a->diags, files);
		if (ci->hidden < 0) {
			cli_error("out of memory");
			return 2;
		}
	}
	return 0;
}

void lint_ci_report(const struct lint_ci *ci, const size_t count[RULE_COUNT])
{
	if (ci->has_baseline && !ci->quiet) {
		size_t stale = baseline_unmatched(&ci->baseline);
		fprintf(stderr, "promise: the baseline hid %ld finding%s", ci->hidden, ci->hidden == 1 ? "" : "s");
		if (stale)
			fprintf(stderr, "; %zu of its entries match nothing any more (fixed: refresh it with --write-baseline)",
				stale);
		fputc('\n', stderr);
	}
	if (!ci->statistics)
		return;
	size_t total = 0;
	for (int r = 0; r < RULE_COUNT; r++)
		total += count[r];
	int order[RULE_COUNT];
	int n = 0;
	for (int r = 0; r < RULE_COUNT; r++)
		if (count[r])
			order[n++] = r;
	/* most frequent first; the catalogue's order breaks ties (stable) */
	for (int i = 1; i < n; i++) {
		int v = order[i], j = i;
		while (j > 0 && count[order[j - 1]] < count[v]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = v;
	}
	for (int i = 0; i < n; i++)
		fprintf(stderr, "%6zu  %s  %s\n", count[order[i]], rule_table[order[i]]->code,
			rule_table[order[i]]->name);
	fprintf(stderr, "%6zu  total\n", total);
}
