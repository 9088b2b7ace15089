/* cmd_rules.c — `promise rules` and `promise explain RULE`. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "rules.h"

int cmd_rules(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "names", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	int names_only = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "hn", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			puts("usage: promise rules [--names]\n\n"
			     "List every rule: code, name, default severity and what it flags,\n"
			     "grouped by the step of the four-step rule it belongs to.\n\n"
			     "  --names  print only the rule names, one per line");
			return 0;
		case 'n':
			names_only = 1;
			break;
		default:
			return 2;
		}
	}
	if (optind < argc) {
		cli_error("rules takes no arguments; did you mean 'promise explain %s'?", argv[optind]);
		return 2;
	}
	for (int step = 0; step <= 4; step++) {
		if (!names_only)
			printf("%s%s:\n", step ? "\n" : "", rule_step_title(step));
		for (int i = 0; i < RULE_COUNT; i++) {
			const struct rule *r = rule_table[i];
			if (r->step != step)
				continue;
			if (names_only)
				puts(r->name);
			else
				printf("  %s  %-24s %-7s  %s\n", r->code, r->name, severity_name(r->severity),
				       r->summary);
		}
	}
	return 0;
}

static void indent(const char *text, const char *prefix)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		printf("%s%.*s\n", prefix, (int)n, p);
		p += n + (nl ? 1 : 0);
	}
}

int cmd_explain(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		puts("usage: promise explain RULE\n\n"
		     "Explain a rule (by name or code): why it matters, how to fix what it\n"
		     "flags, and a bad and a good example. 'promise rules' lists them.");
		return argc < 2 ? 2 : 0;
	}
	int status = 0;
	for (int a = 1; a < argc; a++) {
		int id = rule_lookup(argv[a]);
		if (id < 0) {
			cli_error("no rule named '%s'; 'promise rules' lists them", argv[a]);
			status = 2;
			continue;
		}
		const struct rule *r = rule_table[id];
		printf("%s%s (%s) — %s, %s\n\n", a > 1 ? "\n" : "", r->name, r->code,
		       severity_name(r->severity), rule_step_title(r->step));
		printf("%s\n\n", r->summary);
		indent(r->explanation, "");
		puts("\nBad:");
		indent(r->bad, "    ");
		puts("\nGood:");
		indent(r->good, "    ");
	}
	return status;
}
