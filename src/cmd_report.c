/* cmd_report.c — `promise report --html FILE`: where each relationship
 * stands, as one page to open in a browser or attach to a mail.
 *
 * The page is built in memory (report_html.h) and written atomically
 * (fsio.h): a browser or a web server reading the file never sees half a
 * report, and a failed run leaves the previous report in place. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli_ledger.h"
#include "commands.h"
#include "fsio.h"
#include "report_html.h"

static void usage(FILE *out)
{
	fputs("usage: promise report --html FILE [OPTIONS] [PATH...]\n\n"
	      "Write one self-contained HTML page (no scripts, fonts or images loaded from\n"
	      "anywhere) with, per counterparty (to:), the trust balance month by month:\n"
	      "kept on time is a deposit, broken or kept late a withdrawal; per person\n"
	      "(by:), the on-time rate and the open load; and the open promises by due\n"
	      "week. Each chart has its numbers in a table beneath it. FILE is replaced\n"
	      "atomically. Directories are searched for *.promise; no PATH means the\n"
	      "current directory; '-' reads standard input.\n\n"
	      "options:\n"
	      "      --html FILE          the page to write (required)\n"
	      "      --title TEXT         the page's heading\n"
	      "      --today YYYY-MM-DD   the day to judge against (else $PROMISE_TODAY,\n"
	      "                           else the local date)\n"
	      "      --stdin-filename NAME  the name standard input is reported under\n"
	      "  -h, --help               show this help\n\n"
	      "exit status: 0 written, 2 a usage error, a file that could not be read, or\n"
	      "a page that could not be written.\n", out);
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "html", required_argument, NULL, 'H' },
		{ "title", required_argument, NULL, 'T' },
		{ "today", required_argument, NULL, 't' },
		{ "stdin-filename", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *html = NULL, *today_arg = NULL, *stdin_name = "<stdin>";
	struct report_options ro = { 0, NULL };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'H':
			html = optarg;
			break;
		case 'T':
			ro.title = optarg;
			break;
		case 't':
			today_arg = optarg;
			break;
		case 'n':
			stdin_name = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fputs("see 'promise report --help'\n", stderr);
			return 2;
		}
	}
	if (!html || !*html) {
		cli_error("report needs the page to write: --html FILE");
		return 2;
	}
	if (cli_today(today_arg, &ro.today))
		return 2;

	struct ledger l;
	ledger_init(&l, NULL);
	int status = cli_ledger_load(&l, argv + optind, argc - optind, stdin_name);
	if (status == 2) {
		ledger_release(&l);
		return 2;
	}
	struct buf page;
	buf_init(&page, l.alloc);
	if (report_html(&page, &l, &ro)) {
		cli_error("out of memory");
		status = 2;
	} else if (fsio_write_atomic(html, page.data, page.len, NULL)) {
		cli_error("cannot write '%s': %s", html, strerror(errno));
		status = 2;
	}
	buf_release(&page);
	ledger_release(&l);
	return status ? 2 : 0;
}
