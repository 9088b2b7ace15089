/* cmd_agenda.c — `promise agenda`: per person who promised, what is
 * overdue, what falls due the rest of this week and what next week.
 *
 * Weeks are ISO weeks (Monday to Sunday) around today (--today, else
 * PROMISE_TODAY, else the clock). Only open promises with a due date are
 * on an agenda. People are grouped by the key of their name (party.h), so
 * "Sara Lind" and "sara lind <sara@…>" are one person, and listed in the
 * order of their keys; promises with no `by:` come last. Text for a
 * terminal, Markdown for a weekly digest (a mail, a wiki page, a chat). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_ledger.h"
#include "commands.h"
#include "date.h"
#include "period.h"
#include "textwidth.h"

static void usage(FILE *out)
{
	fputs("usage: promise agenda [OPTIONS] [PATH...]\n\n"
	      "Per person who promised (by:), the open promises that are overdue, due\n"
	      "the rest of this week, and due next week (ISO weeks, Monday to Sunday).\n"
	      "Directories are searched for *.promise; no PATH means the current\n"
	      "directory; '-' reads standard input.\n\n"
	      "options:\n"
	      "  -f, --format FORMAT      text (default) or markdown (a weekly digest)\n"
	      "      --by NAME            only people whose name contains NAME (any letter case)\n"
	      "      --today YYYY-MM-DD   the day the weeks are counted from (else\n"
	      "                           $PROMISE_TODAY, else the local date)\n"
	      "      --stdin-filename NAME  the name standard input is reported under\n"
	      "  -h, --help               show this help\n\n"
	      "exit status: 0 shown (even when nothing is due), 2 a usage error or a\n"
	      "file that could not be read.\n", out);
}

static const char *const weekday[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char *const weekday_long[] = { "Monday", "Tuesday", "Wednesday", "Thursday",
					    "Friday", "Saturday", "Sunday" };

enum section { OVERDUE, THIS_WEEK, NEXT_WEEK, NSECTIONS };

struct agenda {
	FILE *out;
	int markdown;
	int32_t today, monday, next_monday;
};

static enum section section_of(const struct agenda *g, const struct ledger_promise *p)
{
	return p->due < g->today ? OVERDUE : p->due < g->next_monday ? THIS_WEEK : NEXT_WEEK;
}

static int by_person_then_due(const void *pa, const void *pb)
{
	const struct ledger_promise *a = *(const struct ledger_promise *const *)pa;
	const struct ledger_promise *b = *(const struct ledger_promise *const *)pb;
	if (!*a->by_name.key != !*b->by_name.key)
		return *a->by_name.key ? -1 : 1; /* nobody named: last */
	int c = strcmp(a->by_name.key, b->by_name.key);
	if (c)
		return c;
	int ma = a->due_minute < 0 ? 1440 : a->due_minute, mb = b->due_minute < 0 ? 1440 : b->due_minute;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	if (ma != mb)
		return ma < mb ? -1 : 1;
	c = strcmp(a->id, b->id);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

/* Markdown text, with the characters that would start markup escaped. */
static void md_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\`*_[]<>|~#&", *s))
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void day_label(int32_t day, int minute, char out[32])
{
	char d[11];
	date_format(day, d);
	if (minute >= 0)
		snprintf(out, 32, "%s %s %02d:%02d", weekday[date_weekday(day) - 1], d, minute / 60, minute % 60);
	else
		snprintf(out, 32, "%s %s", weekday[date_weekday(day) - 1], d);
}

static void print_item(const struct agenda *g, const struct ledger_promise *p, uint32_t date_w,
		       uint32_t id_w)
{
	char when[32], late[48] = "";
	day_label(p->due, p->due_minute, when);
	if (p->due < g->today) {
		long n = (long)(g->today - p->due);
		snprintf(late, sizeof late, ", %ld day%s overdue", n, n == 1 ? "" : "s");
	}
	const char *id = *p->id ? p->id : "(no ID)";
	const char *to = *p->to_name.display ? p->to_name.display : "nobody named";
	if (g->markdown) {
		fprintf(g->out, "- %s — **", when);
		md_text(g->out, id);
		fputs("** ", g->out);
		md_text(g->out, p->text);
		fputs(" (to ", g->out);
		md_text(g->out, to);
		fprintf(g->out, "%s)\n", late);
		return;
	}
	uint32_t w = textwidth(when, strlen(when)), iw = textwidth(id, strlen(id));
	fprintf(g->out, "    %s%*s  %s%*s  %s (to %s%s)\n", when, (int)(date_w - w), "", id, (int)(id_w - iw), "",
		p->text, to, late);
}

static void print_person(const struct agenda *g, const struct ledger_promise *const *items, size_t n)
{
	size_t count[NSECTIONS] = { 0 };
	uint32_t date_w = 0, id_w = 0;
	for (size_t i = 0; i < n; i++) {
		char when[32];
		count[section_of(g, items[i])]++;
		day_label(items[i]->due, items[i]->due_minute, when);
		uint32_t w = textwidth(when, strlen(when));
		const char *id = *items[i]->id ? items[i]->id : "(no ID)";
		uint32_t iw = textwidth(id, strlen(id));
		date_w = w > date_w ? w : date_w;
		id_w = iw > id_w ? iw : id_w;
	}
	const char *name = *items[0]->by_name.display ? items[0]->by_name.display : "(no one named in by:)";
	char next_sunday[11], next_monday[11];
	date_format(g->next_monday, next_monday);
	date_format(g->next_monday + 6, next_sunday);
	if (g->markdown) {
		fputs("\n## ", g->out);
		md_text(g->out, name);
		fprintf(g->out, "\n\n%zu overdue, %zu due this week, %zu due next week.\n", count[OVERDUE],
			count[THIS_WEEK], count[NEXT_WEEK]);
	} else {
		fprintf(g->out, "\n%s: %zu overdue, %zu this week, %zu next week\n", name, count[OVERDUE],
			count[THIS_WEEK], count[NEXT_WEEK]);
	}
	for (int s = 0; s < NSECTIONS; s++) {
		if (!count[s])
			continue;
		if (g->markdown) {
			if (s == NEXT_WEEK)
				fprintf(g->out, "\n### Next week (%s to %s)\n\n", next_monday, next_sunday);
			else
				fprintf(g->out, "\n### %s\n\n", s == OVERDUE ? "Overdue" : "This week");
		} else {
			if (s == NEXT_WEEK)
				fprintf(g->out, "  next week (%s to %s)\n", next_monday, next_sunday);
			else
				fprintf(g->out, "  %s\n", s == OVERDUE ? "overdue" : "this week");
		}
		for (size_t i = 0; i < n; i++)
			if (section_of(g, items[i]) == (enum section)s)
				print_item(g, items[i], date_w, id_w);
	}
}

static void print_agenda(const struct agenda *g, const struct ledger_promise **sel, size_t n)
{
	int year, week;
	period_iso_week(g->today, &year, &week);
	char mon[11], sun[11], today[11];
	date_format(g->monday, mon);
	date_format(g->monday + 6, sun);
	date_format(g->today, today);
	const char *dow = weekday_long[date_weekday(g->today) - 1];
	if (g->markdown)
		fprintf(g->out, "# Agenda, week %d of %d\n\nMonday %s to Sunday %s; today is %s %s.\n", week,
			year, mon, sun, dow, today);
	else
		fprintf(g->out, "Agenda for week %d of %d, Monday %s to Sunday %s; today is %s %s.\n", week,
			year, mon, sun, dow, today);
	if (!n) {
		fputs("\nNothing is overdue, and nothing falls due this week or next.\n", g->out);
		return;
	}
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(sel[j]->by_name.key, sel[i]->by_name.key); j++)
			;
		print_person(g, sel + i, j - i);
	}
}

int cmd_agenda(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "today", required_argument, NULL, 't' },
		{ "by", required_argument, NULL, 'b' },
		{ "stdin-filename", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *format = "text", *today_arg = NULL, *stdin_name = "<stdin>", *by = NULL;
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
		case 'b':
			by = optarg;
			break;
		case 'n':
			stdin_name = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fputs("see 'promise agenda --help'\n", stderr);
			return 2;
		}
	}
	struct agenda g = { stdout, 0, 0, 0, 0 };
	if (!strcmp(format, "markdown") || !strcmp(format, "md"))
		g.markdown = 1;
	else if (strcmp(format, "text")) {
		cli_error("unknown format '%s'; formats: text, markdown", format);
		return 2;
	}
	if (cli_today(today_arg, &g.today))
		return 2;
	g.monday = period_monday(g.today);
	g.next_monday = g.monday + 7;

	struct ledger l;
	ledger_init(&l, NULL);
	struct ledger_filter filter;
	ledger_filter_init(&filter, g.today);
	filter.statuses = LEDGER_OPEN;
	int status = cli_ledger_load(&l, argv + optind, argc - optind, stdin_name);
	if (status == 2 || (by && !(filter.by = cli_ledger_name(&l, by)))) {
		ledger_release(&l);
		return 2;
	}
	const struct ledger_promise **sel = alloc_mem(l.alloc, (l.len ? l.len : 1) * sizeof *sel);
	if (!sel) {
		cli_error("out of memory");
		ledger_release(&l);
		return 2;
	}
	size_t n = 0;
	for (size_t i = 0; i < l.len; i++) {
		const struct ledger_promise *p = &l.items[i];
		if (p->due != LEDGER_NO_DATE && p->due < g.next_monday + 7 && ledger_filter_match(&filter, p))
			sel[n++] = p;
	}
	if (n > 1)
		qsort(sel, n, sizeof *sel, by_person_then_due);
	print_agenda(&g, sel, n);
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("cannot write the agenda: %s", strerror(errno));
		status = 2;
	}
	alloc_free(l.alloc, sel);
	ledger_release(&l);
	return status ? 2 : 0;
}
