/* cmd_export.c — `promise export --ics`: the open promises with a due date
 * as an iCalendar file, for a team or personal calendar.
 *
 * The file goes to standard output, or with --output to a file written
 * atomically (fsio.h), so a calendar that polls it never reads half a
 * file. Two open promises with the same ID would give two events one UID;
 * the first one read is exported and the others are named on stderr
 * (`promise lint` reports them as duplicate-id). DTSTAMP is the time of the
 * export, or SOURCE_DATE_EPOCH when set (reproducible output). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_ledger.h"
#include "commands.h"
#include "fsio.h"
#include "ics.h"

static void usage(FILE *out)
{
	fputs("usage: promise export --ics [OPTIONS] [PATH...]\n\n"
	      "Write an iCalendar (RFC 5545) file with one event per open promise that\n"
	      "has a due date: all-day on the due date, or at its time. Each event's UID\n"
	      "is the promise ID + \"@promise\", so importing a newer export updates the\n"
	      "events. Directories are searched for *.promise; no PATH means the current\n"
	      "directory; '-' reads standard input.\n\n"
	      "options:\n"
	      "      --ics                iCalendar, the one format (required)\n"
	      "  -o, --output FILE        write FILE (replaced atomically) instead of\n"
	      "                           standard output\n"
	      "      --by NAME            only promises whose by: contains NAME\n"
	      "      --to NAME            only promises whose to: contains NAME\n"
	      "      --stdin-filename NAME  the name standard input is reported under\n"
	      "  -h, --help               show this help\n\n"
	      "DTSTAMP is the current time, or $SOURCE_DATE_EPOCH when it is set.\n"
	      "exit status: 0 written, 2 a usage error, a file that could not be read,\n"
	      "or an output that could not be written.\n", out);
}

static int by_id_then_order(const void *pa, const void *pb)
{
	const struct ledger_promise *a = *(const struct ledger_promise *const *)pa;
	const struct ledger_promise *b = *(const struct ledger_promise *const *)pb;
	int c = strcmp(a->id, b->id);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int by_due(const void *pa, const void *pb)
{
	const struct ledger_promise *a = *(const struct ledger_promise *const *)pa;
	const struct ledger_promise *b = *(const struct ledger_promise *const *)pb;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	int c = strcmp(a->id, b->id);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int stamp_now(int64_t *stamp)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (*end || v < 0 || v > 253402300799LL) {
			cli_error("SOURCE_DATE_EPOCH '%s' is not a number of seconds since 1970", sde);
			return 2;
		}
		*stamp = v;
		return 0;
	}
	*stamp = (int64_t)time(NULL);
	return 0;
}

/* Keep the first of each ID (in the order read); name the others. */
static size_t drop_duplicates(const struct ledger *l, const struct ledger_promise **sel, size_t n)
{
	qsort(sel, n, sizeof *sel, by_id_then_order);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept && *sel[i]->id && !strcmp(sel[i]->id, sel[kept - 1]->id)) {
			cli_error("%s:%u: %s is defined more than once; exported the one in %s:%u",
				  l->files[sel[i]->file], sel[i]->line, sel[i]->id, l->files[sel[kept - 1]->file],
				  sel[kept - 1]->line);
			continue;
		}
		sel[kept++] = sel[i];
	}
	return kept;
}

int cmd_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ics", no_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "by", required_argument, NULL, 'b' },
		{ "to", required_argument, NULL, 'r' },
		{ "stdin-filename", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *output = NULL, *stdin_name = "<stdin>", *by = NULL, *to = NULL;
	int ics = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			ics = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case 'b':
			by = optarg;
			break;
		case 'r':
			to = optarg;
			break;
		case 'n':
			stdin_name = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fputs("see 'promise export --help'\n", stderr);
			return 2;
		}
	}
	if (!ics) {
		cli_error("export needs a format: --ics");
		return 2;
	}
	int64_t stamp;
	if (stamp_now(&stamp))
		return 2;

	struct ledger l;
	ledger_init(&l, NULL);
	struct ledger_filter filter;
	ledger_filter_init(&filter, 0);
	filter.statuses = LEDGER_OPEN;
	int status = cli_ledger_load(&l, argv + optind, argc - optind, stdin_name);
	if (status == 2 || (by && !(filter.by = cli_ledger_name(&l, by))) ||
	    (to && !(filter.to = cli_ledger_name(&l, to)))) {
		ledger_release(&l);
		return 2;
	}
	const struct ledger_promise **sel = alloc_mem(l.alloc, (l.len ? l.len : 1) * sizeof *sel);
	struct buf out;
	buf_init(&out, l.alloc);
	int rc = !sel;
	size_t n = 0;
	for (size_t i = 0; sel && i < l.len; i++)
		if (l.items[i].due != LEDGER_NO_DATE && ledger_filter_match(&filter, &l.items[i]))
			sel[n++] = &l.items[i];
	if (!rc) {
		n = drop_duplicates(&l, sel, n);
		qsort(sel, n, sizeof *sel, by_due);
		rc = ics_calendar(&out, &l, sel, n, stamp);
	}
	if (rc) {
		cli_error("out of memory");
		status = 2;
	} else if (output) {
		if (fsio_write_atomic(output, out.data, out.len, NULL)) {
			cli_error("cannot write '%s': %s", output, strerror(errno));
			status = 2;
		}
	} else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout)) {
		cli_error("cannot write the calendar: %s", strerror(errno));
		status = 2;
	}
	buf_release(&out);
	alloc_free(l.alloc, sel);
	ledger_release(&l);
	return status ? 2 : 0;
}
