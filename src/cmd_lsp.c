/* cmd_lsp.c — `promise lsp`: the language server on standard input and
 * output. A thin shell over lsp/server.h: options, the rules' documentation
 * link, and turning a system failure into a message and exit status 2. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "lsp/documents.h"
#include "lsp/server.h"

static void usage(FILE *out)
{
	fputs("usage: promise lsp [OPTIONS]\n\n"
	      "Run the language server for editors: LSP 3.17 over standard input and\n"
	      "output. Diagnostics follow every edit; hover, outline, completion and\n"
	      "quick fixes work on the open documents and every .promise file under the\n"
	      "workspace folders. Today is $PROMISE_TODAY, else the local date (the\n"
	      "server notices midnight).\n\n"
	      "options:\n"
	      "      --stdio             accepted and ignored: standard I/O is the only transport\n"
	      "      --debounce MS       after an edit, wait for the input to be quiet as long\n"
	      "                          as the last analysis took, but at most MS (default\n"
	      "                          50, 0 to 1000; 0 analyses at once)\n"
	      "      --rules-uri URI     where the rules' documentation lives; diagnostics\n"
	      "                          link to URI#RULE (default: the docs/rules.md found\n"
	      "                          beside the program, as a file: URI)\n"
	      "      --max-message BYTES the largest message accepted (default 67108864)\n"
	      "  -h, --help              show this help\n\n"
	      "exit status: 0 after shutdown and exit, 1 when the client went away or\n"
	      "exited without shutdown, 2 a usage or system error.\n", out);
}

/* docs/rules.md in the source tree the program was built in (the program
 * sits at most three directories below it), or the installed copy. */
static char *default_rules_uri(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	static const char *const tries[] = { "../share/doc/promise/rules.md", "../docs/rules.md",
					     "../../docs/rules.md", "../../../docs/rules.md" };
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++) {
		char path[PATH_MAX + 64], real[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", exe, tries[i]);
		if (realpath(path, real))
			return path_to_uri(alloc_default(), real);
	}
	return NULL;
}

int cmd_lsp(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "stdio", no_argument, NULL, 's' },
		{ "debounce", required_argument, NULL, 'd' },
		{ "rules-uri", required_argument, NULL, 'r' },
		{ "max-message", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct lsp_server_config cfg = { .out_fd = STDOUT_FILENO, .debounce_ms = 50 };
	const char *rules_uri = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		char *end;
		long v;
		switch (c) {
		case 's':
			break;
		case 'd':
			v = strtol(optarg, &end, 10);
			if (*end || v < 0 || v > 1000) {
				cli_error("--debounce takes milliseconds from 0 to 1000, not '%s'", optarg);
				return 2;
			}
			cfg.debounce_ms = (int)v;
			break;
		case 'r':
			rules_uri = optarg;
			break;
		case 'm':
			v = strtol(optarg, &end, 10);
			if (*end || v < 1024 || v > (1L << 30)) {
				cli_error("--max-message takes a number of bytes from 1024 to 1073741824");
				return 2;
			}
			cfg.max_message = (size_t)v;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fputs("see 'promise lsp --help'\n", stderr);
			return 2;
		}
	}
	if (optind < argc) {
		cli_error("lsp takes no arguments; see 'promise lsp --help'");
		return 2;
	}
	char *found = rules_uri ? NULL : default_rules_uri();
	cfg.rules_uri = rules_uri ? rules_uri : found;
	signal(SIGPIPE, SIG_IGN); /* a vanished client is a write error, not a death */

	struct lsp_server s;
	enum lsp_error err = lsp_server_init(&s, &cfg);
	int status;
	if (err == LSP_BAD_TODAY) {
		cli_error("PROMISE_TODAY '%s' is not a date YYYY-MM-DD", getenv("PROMISE_TODAY"));
		status = 2;
	} else {
		status = lsp_server_run(&s, STDIN_FILENO);
		if (s.error == LSP_NOMEM) {
			cli_error("out of memory");
			status = 2;
		} else if (s.error == LSP_WRITE_FAILED && errno != EPIPE) {
			cli_error("cannot write to the client: %s", strerror(errno));
			status = 2;
		}
	}
	lsp_server_release(&s);
	alloc_free(alloc_default(), found);
	return status;
}
