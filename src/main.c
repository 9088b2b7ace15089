/* main.c — the `promise` command: dispatch to a subcommand. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "date.h"
#include "i18n.h"

#ifndef PROMISE_VERSION
#define PROMISE_VERSION "unknown"
#endif
#ifndef PROMISE_COMMIT
#define PROMISE_COMMIT "unknown"
#endif

const char cli_version[] = PROMISE_VERSION;

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{ "lint", cmd_lint, "check promise files and report problems" },
	{ "rules", cmd_rules, "list the rules" },
	{ "explain", cmd_explain, "explain one rule, with a bad and a good example" },
	{ "lsp", cmd_lsp, "run the language server for editors (stdio)" },
	{ "list", cmd_list, "list promises by due date, filtered (table, json, csv)" },
	{ "agenda", cmd_agenda, "per person: overdue, due this week and next week" },
	{ "report", cmd_report, "write an HTML report: trust per relationship, load per person" },
	{ "export", cmd_export, "export open promises as an iCalendar file" },
	{ "init", cmd_init, "start a repository of promises: config, example, git and CI setup" },
	{ "fmt", cmd_fmt, "write promise files in the canonical layout" },
};

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("promise: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_today(const char *arg, int32_t *today)
{
	if (arg) {
		if (!date_parse_iso(arg, today)) {
			cli_error("--today '%s' is not a date YYYY-MM-DD", arg);
			return 2;
		}
		return 0;
	}
	const char *env = getenv("PROMISE_TODAY");
	if (env && *env) {
		if (!date_parse_iso(env, today)) {
			cli_error("PROMISE_TODAY '%s' is not a date YYYY-MM-DD", env);
			return 2;
		}
		return 0;
	}
	*today = date_today_local();
	return 0;
}

static void usage(FILE *out)
{
	fputs("usage: promise COMMAND [OPTIONS] [ARGS]\n\n"
	      "Lint .promise files: flag vague, unrecorded, unreciprocated and overdue promises.\n\n"
	      "commands:\n", out);
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\noptions:\n"
	      "  -h, --help     show this help (COMMAND --help for a command's)\n"
	      "  -V, --version  show the version and the commit it was built from\n", out);
}

int main(int argc, char **argv)
{
	i18n_init();
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
		printf("promise %s (commit %s)\n", PROMISE_VERSION, PROMISE_COMMIT);
		return 0;
	}
	if (!strcmp(cmd, "--list-commands")) {   /* for the shell completions */
		for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
			puts(commands[i].name);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(cmd, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	cli_error("'%s' is not a command; see 'promise --help'", cmd);
	return 2;
}
