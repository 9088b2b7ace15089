/* cmd_lint.c — `promise lint`: options, files, analysis, output, exit code.
 *
 * A thin shell: everything that judges is in analyze(); everything that
 * formats is in out/. This file only decides what to read, where output
 * goes and which exit status the findings earn. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "workpool.h"
#include "cmd_lint_ci.h"
#include "commands.h"
#include "lint_git.h"
#include "i18n.h"
#include "out/render.h"
#include "period.h"
#include "vague.h"
#include "walk.h"

static void usage(FILE *out)
{
	fputs("usage: promise lint [OPTIONS] [PATH...]\n\n"
	      "Check .promise files. Directories are searched recursively for *.promise;\n"
	      "no PATH means the current directory; '-' reads standard input.\n\n"
	      "options:\n"
	      "  -f, --format FORMAT      text (default), json, or a CI format (below)\n"
	      "      --today YYYY-MM-DD   the day to judge against (else $PROMISE_TODAY,\n"
	      "                           else the local date)\n"
	      "      --fail-on LEVEL      error (default), warning, info or never: the least\n"
	      "                           severe finding that makes the exit status 1\n"
	      "      --stdin-filename NAME  the name standard input is reported under\n"
	      "      --lang LANG          language of promise texts: auto (default), en, nl, sv;\n"
	      "                           a file's '# promise-lang: LANG' comment wins\n"
	      "      --due-soon-days N    the due-soon window (default 3)\n"
	      "      --capacity N         over-committed: open promises one person may hold\n"
	      "                           due within the window (default 5)\n"
	      "      --capacity-window D  over-committed: the window, as 14d or 2w (default 14d)\n"
	      "      --color WHEN         auto (default), always or never\n"
	      "  -q, --quiet              no summary line\n"
	      "  -j, --jobs N             threads that check chunks of the input side by\n"
	      "                           side (default: the processors online, at most 8)\n"
	      "      --base REF           compare with git history since REF (default: the\n"
	      "                           merge base with origin's default branch, else\n"
	      "                           HEAD's first parent) for moved-due, dropped-promise\n"
	      "      --changed-since REF  pull-request mode: report only promises added or\n"
	      "                           changed since REF (and consistency findings of\n"
	      "                           changed files); REF is also the default base\n"
	      "      --no-git             skip the git-aware checks (also: PROMISE_NO_GIT=1)\n"
	      "  -h, --help               show this help\n\n"
	      "exit status: 0 nothing at the fail level, 1 findings at the fail level,\n"
	      "2 a usage error or a file that could not be read.\n"
	      "Colour follows NO_COLOR and FORCE_COLOR when WHEN is auto.\n", out);
	lint_ci_usage(out);
}

struct lint_run {
	int io_failed;
	const struct renderer *renderer;
	struct render_ctx render;
	struct analysis *analysis;
	const struct lint_git *git;
	int write_errno;
	size_t counts[3];              /* findings shown, per severity */
	size_t per_rule[RULE_COUNT];   /* for --statistics */
};

/* Findings go straight from the analysis to the renderer (in pull-request
 * mode, only those about what the change touched). */
static int emit(void *ctx, const struct diag *d)
{
	struct lint_run *run = ctx;
	if (!lint_git_keeps(run->git, d))
		return 0;
	run->counts[d->severity]++;
	errno = 0;
	if (render_diag(run->renderer, &run->render, d, run->analysis->file_names[d->file])) {
		run->write_errno = errno ? errno : ENOMEM;
		return -1;
	}
	run->per_rule[d->rule]++;
	return 0;
}

static void on_walk_error(void *ctx, const char *path, int err)
{
	struct lint_run *run = ctx;
	cli_error("cannot read '%s': %s", path, strerror(err));
	run->io_failed = 1;
}

static int want_color(const char *when)
{
	if (!strcmp(when, "always"))
		return 1;
	if (!strcmp(when, "never"))
		return 0;
	const char *force = getenv("FORCE_COLOR");
	if (force && *force && strcmp(force, "0"))
		return 1;
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return 0;
	return isatty(STDOUT_FILENO);
}

static const char *analysis_error_text(enum analysis_error e)
{
	switch (e) {
	case ANALYSIS_NOMEM: return "out of memory";
	case ANALYSIS_TOO_BIG: return "a single record or line is larger than 1 GiB";
	case ANALYSIS_IO: return strerror(errno);
	default: return "";
	}
}

/* The summary line on stderr: "2 errors, 1 warning, 0 info in 3 files
 * (12 promises)", in the reader's language. */
static void lint_summary(const size_t counts[3], size_t nfiles, uint64_t records)
{
	char e[64], w[64], i[64], f[64], p[64];
	snprintf(e, sizeof e, ngettext_("%zu error", "%zu errors", counts[SEV_ERROR]), counts[SEV_ERROR]);
	snprintf(w, sizeof w, ngettext_("%zu warning", "%zu warnings", counts[SEV_WARNING]),
		 counts[SEV_WARNING]);
	snprintf(i, sizeof i, ngettext_("%zu info", "%zu info", counts[SEV_INFO]), counts[SEV_INFO]);
	snprintf(f, sizeof f, ngettext_("%zu file", "%zu files", nfiles), nfiles);
	snprintf(p, sizeof p, ngettext_("%llu promise", "%llu promises", (unsigned long)records),
		 (unsigned long long)records);
	/* TRANSLATORS: errors, warnings, info, files, promises, each counted */
	fprintf(stderr, _("%s, %s, %s in %s (%s)\n"), e, w, i, f, p);
}

/* Say why the end of a run failed (writing the report, or memory): 2, or
 * 0 when it did not. */
static int run_failed(const struct lint_run *run, enum analysis_error err)
{
	if (err == ANALYSIS_EMIT)
		cli_error("cannot write the report: %s", strerror(run->write_errno));
	else if (err)
		cli_error("out of memory");
	return err ? 2 : 0;
}

int cmd_lint(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "today", required_argument, NULL, 't' },
		{ "fail-on", required_argument, NULL, 'F' },
		{ "stdin-filename", required_argument, NULL, 's' },
		{ "lang", required_argument, NULL, 'l' },
		{ "due-soon-days", required_argument, NULL, 'd' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "chunk-size", required_argument, NULL, 'k' },
		{ "capacity", required_argument, NULL, 'C' },
		{ "capacity-window", required_argument, NULL, 'W' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		LINT_CI_LONGOPTS,
		{ "base", required_argument, NULL, 'B' },
		{ "changed-since", required_argument, NULL, 'S' },
		{ "no-git", no_argument, NULL, 'G' },
		{ "list-formats", no_argument, NULL, 'L' },   /* for the shell completions */
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *today_arg = NULL, *stdin_name = "<stdin>", *color = "auto";
	enum severity fail_on = SEV_ERROR;
	int quiet = 0, c;
	/* Past eight threads the main thread's share (facts, order, output)
	 * caps the gain, while every thread keeps two chunks in flight. */
	unsigned jobs = workpool_processors() < 8 ? workpool_processors() : 8;
	struct lint_options opt;
	lint_options_init(&opt, 0);
	struct lint_ci ci;
	lint_ci_init(&ci);
	struct lint_git git;
	lint_git_init(&git);

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:qhj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 't':
			today_arg = optarg;
			break;
		case 'F':
			if (!strcmp(optarg, "never")) {
				fail_on = SEV_OFF;
			} else if (!severity_parse(optarg, &fail_on) || fail_on == SEV_OFF) {
				cli_error("--fail-on takes error, warning, info or never, not '%s'", optarg);
				return 2;
			}
			break;
		case 's':
			stdin_name = optarg;
			break;
		case 'l': {
			enum lang l;
			if (!lang_parse(optarg, &l)) {
				cli_error("--lang takes auto, en, nl or sv, not '%s'", optarg);
				return 2;
			}
			opt.language = l;
			ci.lang_set = true;
			break;
		}
		case 'd': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 0 || n > 3650) {
				cli_error("--due-soon-days takes a number of days from 0 to 3650, not '%s'", optarg);
				return 2;
			}
			opt.due_soon_days = (int)n;
			ci.due_set = true;
			break;
		}
		case 'c':
			if (strcmp(optarg, "auto") && strcmp(optarg, "always") && strcmp(optarg, "never")) {
				cli_error("--color takes auto, always or never, not '%s'", optarg);
				return 2;
			}
			color = optarg;
			break;
		case 'k': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 16 || n > (1L << 30)) {
				cli_error("--chunk-size takes a number of bytes from 16 to 1073741824");
				return 2;
			}
			opt.chunk_size = (uint32_t)n;
			break;
		}
		case 'C': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || end == optarg || n < 0 || n > 100000) {
				cli_error("--capacity takes a number of promises from 0 to 100000, not '%s'", optarg);
				return 2;
			}
			opt.capacity = (int)n;
			break;
		}
		case 'W':
			if (!period_parse_days(optarg, 3650, &opt.capacity_window_days)) {
				cli_error("--capacity-window takes days (14d) or weeks (2w), up to 3650 days, not '%s'",
					  optarg);
				return 2;
			}
			break;
		case 'q':
			quiet = 1;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || end == optarg || n < 1 || n > 256) {
				cli_error("--jobs takes a number of threads from 1 to 256, not '%s'", optarg);
				return 2;
			}
			jobs = (unsigned)n;
			break;
		}
		case 'B':
			git.o.base = optarg;
			break;
		case 'S':
			git.o.changed_since = optarg;
			break;
		case 'G':
			git.off = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'L':
			for (const char *const *f = render_formats; *f; f++)
				puts(*f);
			return 0;
		default:
			if (c >= LINT_CI_CONFIG) {
				if (lint_ci_option(&ci, c, optarg)) {
					lint_ci_release(&ci);
					return 2;
				}
				break;
			}
			lint_ci_release(&ci);
			fputs("see 'promise lint --help'\n", stderr);
			return 2;
		}
	}
	const struct renderer *renderer = render_lookup(format);
	if (!renderer) {
		cli_error("unknown format '%s'; formats: text, json, sarif, github, gitlab, junit, "
			  "checkstyle, gcc", format);
		lint_ci_release(&ci);
		return 2;
	}
	ci.quiet = quiet;
	if (cli_today(today_arg, &opt.today) || lint_ci_prepare(&ci, &opt)) {
		lint_ci_release(&ci);
		return 2;
	}

	/* Redirected, a report is written in larger blocks than stdio's 4 KiB:
	 * a million findings would otherwise cost some 30,000 write calls. A
	 * terminal keeps its line buffering, so findings show as they come. */
	static char out_block[1 << 16]; /* glibc sizes its own by st_blksize */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out_block, _IOFBF, sizeof out_block);
	struct lint_run run;
	memset(&run, 0, sizeof run);
	run.renderer = renderer;
	run.render.out = stdout;
	run.render.color = !strcmp(renderer->name, "text") && want_color(color);
	struct path_list paths;
	path_list_init(&paths, NULL);
	int rc = 0;
	if (optind == argc) {
		rc = walk_add(&paths, ".", on_walk_error, &run);
	} else {
		for (int i = optind; i < argc && rc == 0; i++)
			rc = strcmp(argv[i], "-") ? walk_add(&paths, argv[i], on_walk_error, &run)
						  : path_list_add(&paths, "-");
	}
	if (rc) {
		cli_error("out of memory");
		path_list_release(&paths);
		lint_ci_release(&ci);
		return 2;
	}

	char cwd[4096];
	run.render.help_uri_base = ci.help_uri_base;
	run.render.version = cli_version;
	run.render.cwd = getcwd(cwd, sizeof cwd);

	if (lint_git_start(&git, &opt, argv + optind, argc - optind, &paths, quiet)) {
		path_list_release(&paths);
		lint_ci_release(&ci);
		return 2;
	}
	run.git = &git;
	ci.base.history = opt.history; /* each file's configuration starts from ci.base */
	/* Findings stream to the output as they are found, unless a baseline
	 * has to see them all first. */
	bool collect = ci.baseline_path || ci.write_baseline_path;
	struct analysis a;
	analysis_init(&a, &opt, NULL);
	a.jobs = jobs;
	lint_git_attach(&git, &a);
	if (!collect) {
		a.emit = emit;
		a.emit_ctx = &run;
	}
	run.analysis = &a;
	int status = 0;
	errno = 0;
	bool streaming = false; /* render_begin() done, render_end() not yet */
	if (!collect && render_begin(renderer, &run.render)) {
		cli_error("cannot write the report: %s", strerror(errno ? errno : ENOMEM));
		status = 2;
	} else {
		streaming = !collect;
	}
	for (size_t i = 0; i < paths.len && !status; i++) {
		const char *path = paths.items[i];
		int is_stdin = !strcmp(path, "-");
		long file = analysis_add_name(&a, is_stdin ? stdin_name : path);
		if (file < 0) {
			status = 2;
			cli_error("out of memory");
			break;
		}
		if ((status = lint_ci_file(&ci, &a, (uint32_t)file, path, is_stdin, stdin_name)))
			break;
		int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			on_walk_error(&run, path, errno);
			continue;
		}
		enum analysis_error err = analysis_add_fd(&a, (uint32_t)file, fd);
		int saved = errno;
		if (!is_stdin)
			close(fd);
		if (err == ANALYSIS_IO) {
			on_walk_error(&run, is_stdin ? stdin_name : path, saved);
		} else if (err == ANALYSIS_EMIT) {
			cli_error("cannot write the report: %s", strerror(run.write_errno));
			status = 2;
		} else if (err) {
			cli_error("%s: %s", is_stdin ? stdin_name : path, analysis_error_text(err));
			status = 2;
		}
	}
	size_t nlinted = a.nfiles;
	/* Chunks still in flight are settled before the history is bound to
	 * the file names. */
	if (!status)
		status = run_failed(&run, analysis_wait(&a));
	if (!status)
		status = lint_git_bind(&git, &a);
	if (!status)
		status = run_failed(&run, analysis_finish(&a));
	if (!status)
		status = lint_git_filter(&git, &a);
	bool done = false;
	size_t *counts = run.counts;
	if (!status && collect) {
		status = lint_ci_finish(&ci, &a, &done);
		if (!status && !done) {
			diag_list_count(&a.diags, counts);
			for (size_t i = 0; i < a.diags.len; i++)
				run.per_rule[a.diags.items[i].rule]++;
			memcpy(run.render.severities, run.counts, sizeof run.counts);
			errno = 0;
			if (render_list(renderer, &run.render, &a.diags, (const char *const *)a.file_names,
					a.nfiles)) {
				cli_error("cannot write the report: %s", strerror(errno ? errno : ENOMEM));
				status = 2;
			}
		}
	} else if (!status) {
		memcpy(run.render.severities, run.counts, sizeof run.counts);
		errno = 0;
		if (render_end(renderer, &run.render, (const char *const *)a.file_names, a.nfiles)) {
			cli_error("cannot write the report: %s", strerror(errno ? errno : ENOMEM));
			status = 2;
		}
	} else if (streaming) {
		/* What was found before the error is written, as it came. */
		render_stop(renderer, &run.render);
	}
	if (!status && !done) {
		lint_ci_report(&ci, run.per_rule);
		if (!quiet && !strcmp(renderer->name, "text"))
			lint_summary(counts, nlinted, a.records);
		if (fail_on != SEV_OFF)
			for (int s = fail_on; s <= SEV_ERROR; s++)
				if (counts[s])
					status = 1;
	}
	if (run.io_failed)
		status = 2;
	lint_git_end(&git);
	analysis_release(&a);
	path_list_release(&paths);
	lint_ci_release(&ci);
	return status;
}
