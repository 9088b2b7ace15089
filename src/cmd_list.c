/* cmd_list.c — `promise list`: the promises that match the filters, by due
 * date, as an aligned table, JSON or CSV.
 *
 * The table is measured before it is printed (two passes over the rows),
 * by display width, so names with accents line up. On a terminal, long
 * names and texts are cut with an ellipsis to fit the window; piped, every
 * cell is printed whole. JSON goes through jansson, one object at a time;
 * CSV follows RFC 4180 (CRLF, fields quoted when they hold a comma, quote
 * or line break). */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli_ledger.h"
#include "commands.h"
#include "date.h"
#include "period.h"
#include "textwidth.h"

static void usage(FILE *out)
{
	fputs("usage: promise list [OPTIONS] [PATH...]\n\n"
	      "List promises, sorted by due date (promises without one come last).\n"
	      "Directories are searched for *.promise; no PATH means the current\n"
	      "directory; '-' reads standard input.\n\n"
	      "filters (every one given must hold):\n"
	      "      --overdue            open promises whose due date has passed\n"
	      "      --due-within D       open promises due within D from today (7d, 2w),\n"
	      "                           overdue ones included\n"
	      "      --by NAME            whose by: contains NAME (any letter case)\n"
	      "      --to NAME            whose to: contains NAME (any letter case)\n"
	      "      --status S           open, kept, broken or released (or several: kept,broken)\n\n"
	      "options:\n"
	      "  -f, --format FORMAT      table (default), json or csv\n"
	      "      --today YYYY-MM-DD   the day to judge against (else $PROMISE_TODAY,\n"
	      "                           else the local date)\n"
	      "      --stdin-filename NAME  the name standard input is reported under\n"
	      "  -h, --help               show this help\n\n"
	      "exit status: 0 listed (even when nothing matched), 2 a usage error or a\n"
	      "file that could not be read.\n", out);
}

/* What the STATUS cell says: open, overdue N days, kept DATE, kept late DATE... */
static void status_cell(const struct ledger_promise *p, int32_t today, char *out, size_t size)
{
	char d[11] = "";
	if (p->status_day != LEDGER_NO_DATE)
		date_format(p->status_day, d);
	switch (ledger_outcome(p)) {
	case OUTCOME_OPEN:
		if (ledger_is_overdue(p, today)) {
			long late = (long)(today - p->due);
			snprintf(out, size, "overdue %ld day%s", late, late == 1 ? "" : "s");
		} else {
			snprintf(out, size, "open");
		}
		break;
	case OUTCOME_KEPT_LATE:
		snprintf(out, size, "kept late %s", d);
		break;
	case OUTCOME_UNKNOWN:
		snprintf(out, size, "invalid status");
		break;
	default:
		snprintf(out, size, "%s%s%s", ledger_status_name(p->status), *d ? " " : "", d);
		break;
	}
}

static void due_cell(const struct ledger_promise *p, char out[40])
{
	if (p->due == LEDGER_NO_DATE) {
		snprintf(out, 40, "%.38s", p->due_text && *p->due_text ? p->due_text : "-");
		return;
	}
	char iso[32];
	ledger_due_iso(p, iso);
	if (iso[10] == 'T')
		iso[10] = ' ';
	snprintf(out, 40, "%s", iso);
}

enum { COL_DUE, COL_ID, COL_STATUS, COL_BY, COL_TO, COL_TEXT, NCOLS };

struct row {
	const char *cell[NCOLS];
};

/* Print a cell, control characters as spaces, cut to `max` columns with an
 * ellipsis, padded to `pad` columns. */
static void put_cell(FILE *out, const char *s, uint32_t max, uint32_t pad)
{
	size_t len = strlen(s);
	uint32_t w = textwidth(s, len);
	size_t n = len;
	int cut = 0;
	if (w > max) {
		n = textwidth_fit(s, len, max > 0 ? max - 1 : 0, &w);
		cut = 1;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		fputc(c < 0x20 || c == 0x7f ? ' ' : c, out);
	}
	if (cut) {
		fputs("…", out);
		w++;
	}
	for (; w < pad; w++)
		fputc(' ', out);
}

static uint32_t terminal_columns(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	const char *env = getenv("COLUMNS");
	long n = env ? strtol(env, NULL, 10) : 0;
	return n >= 40 && n < 10000 ? (uint32_t)n : 80;
}

static int print_table(FILE *out, struct ledger *l, const struct ledger_promise **sel, size_t n,
		       int32_t today, int tty)
{
	static const char *const head[NCOLS] = { "DUE", "ID", "STATUS", "BY", "TO", "PROMISE" };
	struct row *rows = alloc_mem(l->alloc, (n ? n : 1) * sizeof *rows);
	if (!rows)
		return -1;
	uint32_t width[NCOLS];
	for (int c = 0; c < NCOLS; c++)
		width[c] = textwidth(head[c], strlen(head[c]));
	for (size_t i = 0; i < n; i++) {
		const struct ledger_promise *p = sel[i];
		char due[40], status[48];
		due_cell(p, due);
		status_cell(p, today, status, sizeof status);
		rows[i].cell[COL_DUE] = arena_strndup(&l->strings, due, strlen(due));
		rows[i].cell[COL_ID] = *p->id ? p->id : "-";
		rows[i].cell[COL_STATUS] = arena_strndup(&l->strings, status, strlen(status));
		rows[i].cell[COL_BY] = *p->by_name.display ? p->by_name.display : "-";
		rows[i].cell[COL_TO] = *p->to_name.display ? p->to_name.display : "-";
		rows[i].cell[COL_TEXT] = p->text;
		if (!rows[i].cell[COL_DUE] || !rows[i].cell[COL_STATUS]) {
			alloc_free(l->alloc, rows);
			return -1;
		}
		for (int c = 0; c < NCOLS; c++) {
			uint32_t w = textwidth(rows[i].cell[c], strlen(rows[i].cell[c]));
			if (w > width[c])
				width[c] = w;
		}
	}
	/* On a terminal, names are cut at 28 columns and the text fills what
	 * is left of the window (at least 20 columns). */
	uint32_t max[NCOLS];
	for (int c = 0; c < NCOLS; c++)
		max[c] = UINT32_MAX;
	if (tty) {
		for (int c = COL_BY; c <= COL_TO; c++)
			if (width[c] > 28)
				width[c] = max[c] = 28;
		uint32_t used = 0;
		for (int c = 0; c < COL_TEXT; c++)
			used += width[c] + 2;
		uint32_t cols = terminal_columns();
		max[COL_TEXT] = cols > used + 20 ? cols - used : 20;
	}
	for (size_t i = 0; i <= n; i++) {
		const char *const *cells = i == 0 ? head : rows[i - 1].cell;
		for (int c = 0; c < NCOLS; c++) {
			put_cell(out, cells[c], max[c], c + 1 < NCOLS ? width[c] : 0);
			if (c + 1 < NCOLS)
				fputs("  ", out);
		}
		fputc('\n', out);
	}
	alloc_free(l->alloc, rows);
	return 0;
}

static json_t *entries_json(const struct ledger_entry *e, uint32_t n)
{
	json_t *a = json_array();
	for (uint32_t i = 0; a && i < n; i++) {
		char d[11];
		if (e[i].day != LEDGER_NO_DATE)
			date_format(e[i].day, d);
		if (json_array_append_new(a, json_pack("{s:o, s:s}", "date",
						       e[i].day != LEDGER_NO_DATE ? json_string(d) : json_null(),
						       "text", e[i].text))) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *date_json(int32_t day)
{
	if (day == LEDGER_NO_DATE)
		return json_null();
	char d[11];
	date_format(day, d);
	return json_string(d);
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static int print_json(FILE *out, const struct ledger *l, const struct ledger_promise **sel, size_t n,
		      int32_t today)
{
	fputs("[", out);
	for (size_t i = 0; i < n; i++) {
		const struct ledger_promise *p = sel[i];
		char due[32];
		ledger_due_iso(p, due);
		json_t *o = json_pack("{s:o, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:b, s:s, s:I, s:o, s:o}",
				      "id", *p->id ? json_string(p->id) : json_null(),
				      "text", p->text,
				      "by", str_or_null(p->by),
				      "to", str_or_null(p->to),
				      "made", date_json(p->made),
				      "due", *due ? json_string(due) : str_or_null(p->due_text),
				      "status", ledger_status_name(p->status),
				      "status_date", date_json(p->status_day),
				      "overdue", ledger_is_overdue(p, today),
				      "file", l->files[p->file],
				      "line", (json_int_t)p->line,
				      "extras", entries_json(p->extras, p->nextras),
				      "renegotiations", entries_json(p->renegotiations, p->nrenegotiations));
		if (!o)
			return -1;
		fputs(i ? ",\n  " : "\n  ", out);
		int rc = json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(o);
		if (rc)
			return -1;
	}
	fputs(n ? "\n]\n" : "]\n", out);
	return 0;
}

/* One RFC 4180 field: quoted when it holds a comma, a quote or a line
 * break, with quotes doubled. */
static void csv_field(FILE *out, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		fputc('"', out);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', out);
			fputc(*s, out);
		}
		fputc('"', out);
	} else {
		fputs(s, out);
	}
	fputs(last ? "\r\n" : ",", out);
}

static void print_csv(FILE *out, const struct ledger *l, const struct ledger_promise **sel, size_t n,
		      int32_t today)
{
	fputs("id,due,status,status_date,overdue,by,to,made,text,file,line\r\n", out);
	for (size_t i = 0; i < n; i++) {
		const struct ledger_promise *p = sel[i];
		char due[32], made[11] = "", sd[11] = "", line[16];
		ledger_due_iso(p, due);
		if (p->made != LEDGER_NO_DATE)
			date_format(p->made, made);
		if (p->status_day != LEDGER_NO_DATE)
			date_format(p->status_day, sd);
		snprintf(line, sizeof line, "%u", p->line);
		csv_field(out, p->id, 0);
		csv_field(out, *due ? due : p->due_text ? p->due_text : "", 0);
		csv_field(out, ledger_status_name(p->status), 0);
		csv_field(out, sd, 0);
		csv_field(out, ledger_is_overdue(p, today) ? "yes" : "no", 0);
		csv_field(out, p->by ? p->by : "", 0);
		csv_field(out, p->to ? p->to : "", 0);
		csv_field(out, made, 0);
		csv_field(out, p->text, 0);
		csv_field(out, l->files[p->file], 0);
		csv_field(out, line, 1);
	}
}

int cmd_list(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "today", required_argument, NULL, 't' },
		{ "overdue", no_argument, NULL, 'o' },
		{ "due-within", required_argument, NULL, 'w' },
		{ "by", required_argument, NULL, 'b' },
		{ "to", required_argument, NULL, 'r' },
		{ "status", required_argument, NULL, 's' },
		{ "stdin-filename", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "table", *today_arg = NULL, *stdin_name = "<stdin>";
	const char *by = NULL, *to = NULL;
	struct ledger_filter filter;
	ledger_filter_init(&filter, 0);
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			format = optarg;
			break;
		case 't':
			today_arg = optarg;
			break;
		case 'o':
			filter.overdue = true;
			break;
		case 'w':
			if (!period_parse_days(optarg, 36500, &filter.due_within)) {
				cli_error("--due-within takes days (7d) or weeks (2w), not '%s'", optarg);
				return 2;
			}
			break;
		case 'b':
			by = optarg;
			break;
		case 'r':
			to = optarg;
			break;
		case 's':
			if (!ledger_parse_statuses(optarg, &filter.statuses)) {
				cli_error("--status takes open, kept, broken or released, not '%s'", optarg);
				return 2;
			}
			break;
		case 'n':
			stdin_name = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fputs("see 'promise list --help'\n", stderr);
			return 2;
		}
	}
	if (strcmp(format, "table") && strcmp(format, "json") && strcmp(format, "csv")) {
		cli_error("unknown format '%s'; formats: table, json, csv", format);
		return 2;
	}
	if (cli_today(today_arg, &filter.today))
		return 2;

	struct ledger l;
	ledger_init(&l, NULL);
	int status = cli_ledger_load(&l, argv + optind, argc - optind, stdin_name);
	if (status == 2 || (by && !(filter.by = cli_ledger_name(&l, by))) ||
	    (to && !(filter.to = cli_ledger_name(&l, to)))) {
		ledger_release(&l);
		return 2;
	}
	ledger_sort_by_due(&l);
	const struct ledger_promise **sel = alloc_mem(l.alloc, (l.len ? l.len : 1) * sizeof *sel);
	if (!sel) {
		cli_error("out of memory");
		ledger_release(&l);
		return 2;
	}
	size_t n = 0;
	for (size_t i = 0; i < l.len; i++)
		if (ledger_filter_match(&filter, &l.items[i]))
			sel[n++] = &l.items[i];
	int rc = 0;
	if (!strcmp(format, "json"))
		rc = print_json(stdout, &l, sel, n, filter.today);
	else if (!strcmp(format, "csv"))
		print_csv(stdout, &l, sel, n, filter.today);
	else
		rc = print_table(stdout, &l, sel, n, filter.today, isatty(STDOUT_FILENO));
	if (rc) {
		cli_error("out of memory");
		status = 2;
	} else if (fflush(stdout) || ferror(stdout)) {
		cli_error("cannot write the list: %s", strerror(errno));
		status = 2;
	}
	alloc_free(l.alloc, sel);
	ledger_release(&l);
	return status ? 2 : 0;
}
