/* report_html.c — count, then draw.
 *
 * Promises are grouped by counterparty and by person by sorting pointers on
 * the name keys (no hash table: one sort per grouping is linear enough and
 * keeps the order stable). Every chart is drawn from the same numbers the
 * table beneath it prints, through one function per chart kind: a
 * diverging bar chart for balances, horizontal bars for rates and loads,
 * columns for weeks and months. Coordinates are whole pixels, so the same
 * input always gives the same bytes.
 *
 * Rejected: a charting script (the page must work with scripts off and
 * load nothing), and a chart per counterparty for every counterparty (a
 * 100,000-promise repository has thousands; the page caps them and says
 * so). */
#include "report_html.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "period.h"

enum {
	MAX_PARTIES = 30,  /* rows of the balance chart */
	MAX_CARDS = 12,    /* counterparties with a month-by-month chart */
	MAX_MONTHS = 24,   /* months on those charts */
	MAX_PEOPLE = 30,   /* rows of each person chart */
	WEEKS_BACK = 8,    /* past weeks shown one by one */
	WEEKS_AHEAD = 12,  /* weeks after this one shown one by one */
	MAX_OVERDUE = 100, /* rows of the overdue table */
	SOON_DAYS = 14,    /* "due soon" in the open load */
	LABEL_CHARS = 34   /* a chart label longer than this is cut */
};

static const char *const month_abbr[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

#define C_DEPOSIT "#2e7d32"
#define C_WITHDRAW "#c62828"
#define C_SOON "#e08a00"
#define C_OPEN "#1565c0"
#define C_NODATE "#9e9e9e"

/* --- writing ------------------------------------------------------------ */

struct html {
	struct buf *b;
	int err;
};

static void raw(struct html *h, const char *s)
{
	if (buf_adds(h->b, s))
		h->err = 1;
}

static void __attribute__((format(printf, 2, 3))) put(struct html *h, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (buf_vprintf(h->b, fmt, ap))
		h->err = 1;
	va_end(ap);
}

/* Text escaped for element content and attribute values alike, cut after
 * `max` characters (0: never) with an ellipsis. */
static void text_cut(struct html *h, const char *s, size_t max)
{
	size_t chars = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xC0) != 0x80 && max && ++chars > max) {
			raw(h, "…");
			return;
		}
		switch (c) {
		case '&': raw(h, "&amp;"); break;
		case '<': raw(h, "&lt;"); break;
		case '>': raw(h, "&gt;"); break;
		case '"': raw(h, "&quot;"); break;
		case '\'': raw(h, "&#39;"); break;
		default:
			if (buf_addc(h->b, (char)c))
				h->err = 1;
		}
	}
}

static void text(struct html *h, const char *s) { text_cut(h, s, 0); }

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A chart label: cut to fit, with the whole name as a tooltip. */
static void label(struct html *h, int x, int y, const char *anchor, const char *s)
{
	put(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
	if (utf8_chars(s) > LABEL_CHARS) {
		raw(h, "<title>");
		text(h, s);
		raw(h, "</title>");
	}
	text_cut(h, s, LABEL_CHARS);
	raw(h, "</text>");
}

static void date_cell(struct html *h, int32_t day)
{
	char d[11];
	if (day == LEDGER_NO_DATE) {
		raw(h, "<td>–</td>");
		return;
	}
	date_format(day, d);
	put(h, "<td class=\"d\">%s</td>", d);
}

static void note_cap(struct html *h, size_t shown, size_t total, const char *what, const char *which)
{
	if (shown < total)
		put(h, "<p class=\"note\">Showing %zu of %zu %s: %s. The rest are left out to keep the page "
		       "readable.</p>\n",
		    shown, total, what, which);
}

/* --- counting ------------------------------------------------------------ */

struct tally {
	const char *key, *name;
	size_t first, count;    /* members: sorted[first .. first + count) */
	size_t on_time, late, broken, released, unknown;
	size_t open, overdue, soon, later, undated;
};

static long balance(const struct tally *t) { return (long)t->on_time - (long)(t->late + t->broken); }
static size_t closed(const struct tally *t) { return t->on_time + t->late + t->broken; }

static int cmp_to(const void *pa, const void *pb)
{
	const struct ledger_promise *a = *(const struct ledger_promise *const *)pa;
	const struct ledger_promise *b = *(const struct ledger_promise *const *)pb;
	int c = strcmp(a->to_name.key, b->to_name.key);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int cmp_by(const void *pa, const void *pb)
{
	const struct ledger_promise *a = *(const struct ledger_promise *const *)pa;
	const struct ledger_promise *b = *(const struct ledger_promise *const *)pb;
	int c = strcmp(a->by_name.key, b->by_name.key);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static void count(struct tally *t, const struct ledger_promise *p, int32_t today)
{
	switch (ledger_outcome(p)) {
	case OUTCOME_OPEN:
		t->open++;
		if (ledger_is_overdue(p, today))
			t->overdue++;
		else if (p->due == LEDGER_NO_DATE)
			t->undated++;
		else if (p->due <= today + SOON_DAYS)
			t->soon++;
		else
			t->later++;
		break;
	case OUTCOME_KEPT_ON_TIME: t->on_time++; break;
	case OUTCOME_KEPT_LATE: t->late++; break;
	case OUTCOME_BROKEN: t->broken++; break;
	case OUTCOME_RELEASED: t->released++; break;
	default: t->unknown++; break;
	}
	t->count++;
}

struct grouping {
	const struct ledger_promise **sorted; /* promises that name someone */
	size_t nsorted;
	struct tally *t;
	size_t n;
};

/* Group the promises by the key of `to:` (by_person 0) or `by:` (1);
 * promises that name nobody there are left out. */
static int group(const struct ledger *l, int by_person, int32_t today, struct grouping *g)
{
	memset(g, 0, sizeof *g);
	g->sorted = alloc_mem(l->alloc, (l->len ? l->len : 1) * sizeof *g->sorted);
	g->t = alloc_mem(l->alloc, (l->len ? l->len : 1) * sizeof *g->t);
	if (!g->sorted || !g->t)
		return -1;
	for (size_t i = 0; i < l->len; i++) {
		const struct ledger_promise *p = &l->items[i];
		if (*(by_person ? p->by_name.key : p->to_name.key))
			g->sorted[g->nsorted++] = p;
	}
	if (g->nsorted > 1)
		qsort(g->sorted, g->nsorted, sizeof *g->sorted, by_person ? cmp_by : cmp_to);
	for (size_t i = 0; i < g->nsorted; i++) {
		const struct ledger_promise *p = g->sorted[i];
		const struct party_name *name = by_person ? &p->by_name : &p->to_name;
		if (!g->n || strcmp(g->t[g->n - 1].key, name->key)) {
			struct tally *t = &g->t[g->n++];
			memset(t, 0, sizeof *t);
			t->key = name->key;
			t->name = name->display;
			t->first = i;
		}
		count(&g->t[g->n - 1], p, today);
	}
	return 0;
}

static void grouping_release(const struct ledger *l, struct grouping *g)
{
	alloc_free(l->alloc, g->sorted);
	alloc_free(l->alloc, g->t);
}

static int has_closed(const struct tally *t) { return closed(t) > 0; }
static int has_open(const struct tally *t) { return t->open > 0; }

/* Orders of tallies for the charts. */
static int by_balance(const void *pa, const void *pb)
{
	const struct tally *a = *(const struct tally *const *)pa, *b = *(const struct tally *const *)pb;
	long ba = balance(a), bb = balance(b);
	if (ba != bb)
		return ba < bb ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->key, b->key);
}

static int by_activity(const void *pa, const void *pb)
{
	const struct tally *a = *(const struct tally *const *)pa, *b = *(const struct tally *const *)pb;
	if (closed(a) != closed(b))
		return closed(a) > closed(b) ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* On-time rate, lowest first; compared as fractions, without rounding. */
static int by_rate(const void *pa, const void *pb)
{
	const struct tally *a = *(const struct tally *const *)pa, *b = *(const struct tally *const *)pb;
	unsigned long long x = (unsigned long long)a->on_time * closed(b);
	unsigned long long y = (unsigned long long)b->on_time * closed(a);
	if (x != y)
		return x < y ? -1 : 1;
	if (closed(a) != closed(b))
		return closed(a) > closed(b) ? -1 : 1;
	return strcmp(a->key, b->key);
}

static int by_load(const void *pa, const void *pb)
{
	const struct tally *a = *(const struct tally *const *)pa, *b = *(const struct tally *const *)pb;
	if (a->open != b->open)
		return a->open > b->open ? -1 : 1;
	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* Pointers to the tallies that pass `keep`, in `order`; -1 when out of memory. */
static const struct tally **pick(const struct ledger *l, const struct grouping *g,
				 int (*keep)(const struct tally *), int (*order)(const void *, const void *),
				 size_t *n)
{
	const struct tally **v = alloc_mem(l->alloc, (g->n ? g->n : 1) * sizeof *v);
	*n = 0;
	if (!v)
		return NULL;
	for (size_t i = 0; i < g->n; i++)
		if (!keep || keep(&g->t[i]))
			v[(*n)++] = &g->t[i];
	if (*n > 1)
		qsort(v, *n, sizeof *v, order);
	return v;
}

/* Whole percent, rounded half up, from exact integers. */
static unsigned percent(size_t part, size_t whole)
{
	return whole ? (unsigned)((part * 200 + whole) / (whole * 2)) : 0;
}

/* --- page ---------------------------------------------------------------- */

static const char style[] =
	"<style>\n"
	":root{color-scheme:light}\n"
	"body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
	"color:#1d1d1f;background:#f6f6f3;margin:0}\n"
	"main{max-width:1080px;margin:0 auto;padding:24px 28px 48px}\n"
	"h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:40px 0 6px;border-bottom:2px solid #ddd;"
	"padding-bottom:4px}h3{font-size:16px;margin:0 0 4px}\n"
	"p.lead{color:#555;margin:0 0 18px}p.note{color:#6d4c00;background:#fff6dc;padding:6px 10px;"
	"border-radius:4px}\n"
	".tiles{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}\n"
	".tile{background:#fff;border:1px solid #e2e2dc;border-radius:6px;padding:8px 14px;min-width:92px}\n"
	".tile b{display:block;font-size:24px}.tile span{color:#555;font-size:13px}\n"
	".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:16px}\n"
	".card{background:#fff;border:1px solid #e2e2dc;border-radius:6px;padding:12px 14px}\n"
	"figure{margin:10px 0 4px;background:#fff;border:1px solid #e2e2dc;border-radius:6px;padding:10px}\n"
	".card figure{border:0;padding:0;margin:6px 0}\n"
	"figcaption{font-size:13px;color:#555;margin-bottom:4px}\n"
	"summary{font-size:13px;color:#555;cursor:pointer}\n"
	"svg{display:block;max-width:100%;height:auto}\n"
	"svg text{font:12px system-ui,'DejaVu Sans',sans-serif;fill:#1d1d1f}\n"
	"svg text.v{font-weight:600}svg .axis{stroke:#999;stroke-width:1}svg .grid{stroke:#e6e6e6}\n"
	"table{border-collapse:collapse;font-size:13px;margin:6px 0 4px;background:#fff}\n"
	"th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:left;vertical-align:top}\n"
	"td[data-v]{text-align:right;font-variant-numeric:tabular-nums}td.d,tbody th{white-space:nowrap}\n"
	"thead th{border-bottom:2px solid #ccc;font-weight:600}\n"
	".legend{font-size:13px;color:#444}.legend i{display:inline-block;width:11px;height:11px;"
	"margin:0 4px 0 12px;vertical-align:-1px;border-radius:2px}\n"
	".pos{color:" C_DEPOSIT "}.neg{color:" C_WITHDRAW "}\n"
	"</style>\n";

static void legend(struct html *h, const char *const *items)
{
	raw(h, "<div class=\"legend\">");
	for (size_t i = 0; items[i]; i += 2) {
		put(h, "<i style=\"background:%s\"></i>", items[i]);
		text(h, items[i + 1]);
	}
	raw(h, "</div>\n");
}

static void signed_num(struct html *h, long v)
{
	if (v > 0)
		put(h, "+%ld", v);
	else if (v < 0)
		put(h, "−%ld", -v);
	else
		raw(h, "0");
}

static void header(struct html *h, const struct ledger *l, const struct report_options *o,
		   const struct tally *all)
{
	char today[11];
	date_format(o->today, today);
	raw(h, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	       "style-src 'unsafe-inline'\">\n"
	       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	text(h, o->title ? o->title : "Promises: where we stand");
	put(h, " (%s)</title>\n", today);
	raw(h, style);
	raw(h, "</head>\n<body>\n<main>\n<h1>");
	text(h, o->title ? o->title : "Promises: where we stand");
	put(h, "</h1>\n<p class=\"lead\">As of %s: %zu promise%s in %zu file%s. Kept on time is a deposit "
	       "in the relationship; broken or kept late is a withdrawal.</p>\n",
	    today, l->len, l->len == 1 ? "" : "s", l->nfiles, l->nfiles == 1 ? "" : "s");
	static const struct {
		const char *key, *label;
		size_t offset;
	} tiles[] = {
		{ "open", "open", offsetof(struct tally, open) },
		{ "overdue", "overdue", offsetof(struct tally, overdue) },
		{ "kept-on-time", "kept on time", offsetof(struct tally, on_time) },
		{ "kept-late", "kept late", offsetof(struct tally, late) },
		{ "broken", "broken", offsetof(struct tally, broken) },
		{ "released", "released", offsetof(struct tally, released) },
	};
	raw(h, "<div class=\"tiles\" id=\"totals\">");
	for (size_t i = 0; i < sizeof tiles / sizeof *tiles; i++)
		put(h, "<div class=\"tile\"><b data-v=\"%s\">%zu</b><span>%s</span></div>", tiles[i].key,
		    *(const size_t *)((const char *)all + tiles[i].offset), tiles[i].label);
	raw(h, "</div>\n");
}

/* --- per counterparty ----------------------------------------------------- */

static void balance_chart(struct html *h, const struct tally *const *rows, size_t n)
{
	const int row_h = 26, label_w = 250, half = 230, top = 26;
	size_t scale = 1;
	for (size_t i = 0; i < n; i++) {
		scale = rows[i]->on_time > scale ? rows[i]->on_time : scale;
		scale = rows[i]->late + rows[i]->broken > scale ? rows[i]->late + rows[i]->broken : scale;
	}
	int width = label_w + 2 * half + 70, height = top + (int)n * row_h + 10, zero = label_w + half;
	put(h, "<svg id=\"balance-chart\" role=\"img\" aria-label=\"Trust balance per counterparty\" "
	       "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
	    width, height, width, height);
	put(h, "<text x=\"%d\" y=\"14\" text-anchor=\"end\">← withdrawals</text>"
	       "<text x=\"%d\" y=\"14\">deposits →</text>"
	       "<text x=\"%d\" y=\"14\" text-anchor=\"end\">balance</text>\n",
	    zero - 6, zero + 6, width - 4);
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = rows[i];
		int y = top + (int)i * row_h;
		int wd = (int)((long)half * (long)(t->late + t->broken) / (long)scale);
		int wp = (int)((long)half * (long)t->on_time / (long)scale);
		label(h, label_w - 8, y + 16, "end", t->name);
		if (wd)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" C_WITHDRAW
			       "\"><title>%zu withdrawal%s</title></rect>",
			    zero - wd, y + 4, wd, row_h - 8, t->late + t->broken, t->late + t->broken == 1 ? "" : "s");
		if (wp)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" C_DEPOSIT
			       "\"><title>%zu deposit%s</title></rect>",
			    zero, y + 4, wp, row_h - 8, t->on_time, t->on_time == 1 ? "" : "s");
		put(h, "<text class=\"v\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", width - 4, y + 16);
		signed_num(h, balance(t));
		raw(h, "</text>\n");
	}
	put(h, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n</svg>\n", zero, top - 4, zero,
	    height - 6);
}

static void balance_table(struct html *h, const struct tally *const *rows, size_t n)
{
	raw(h, "<table id=\"balance-data\"><thead><tr><th>Counterparty</th><th>Kept on time</th>"
	       "<th>Kept late</th><th>Broken</th><th>Balance</th><th>Released</th><th>Open</th>"
	       "<th>Overdue</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = rows[i];
		raw(h, "<tr><th scope=\"row\">");
		text(h, t->name);
		put(h, "</th><td data-v=\"kept-on-time\">%zu</td><td data-v=\"kept-late\">%zu</td>"
		       "<td data-v=\"broken\">%zu</td><td data-v=\"balance\"%s>",
		    t->on_time, t->late, t->broken,
		    balance(t) > 0 ? " class=\"pos\"" : balance(t) < 0 ? " class=\"neg\"" : "");
		signed_num(h, balance(t));
		put(h, "</td><td data-v=\"released\">%zu</td><td data-v=\"open\">%zu</td>"
		       "<td data-v=\"overdue\">%zu</td></tr>\n",
		    t->released, t->open, t->overdue);
	}
	raw(h, "</tbody></table>\n");
}

struct month_range {
	int first, last; /* year * 12 + month - 1 */
};

static int month_of(int32_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return y * 12 + m - 1;
}

static int is_event(const struct ledger_promise *p)
{
	enum ledger_outcome o = ledger_outcome(p);
	return (o == OUTCOME_KEPT_ON_TIME || o == OUTCOME_KEPT_LATE || o == OUTCOME_BROKEN) &&
	       p->status_day != LEDGER_NO_DATE;
}

/* One card: a month-by-month chart of deposits, withdrawals and the
 * running balance, and its table. */
static int party_card(struct html *h, const struct ledger *l, const struct grouping *g,
		      const struct tally *t, struct month_range r, size_t card)
{
	size_t nm = (size_t)(r.last - r.first + 1);
	long *dep = alloc_mem(l->alloc, nm * 3 * sizeof *dep);
	if (!dep)
		return -1;
	long *wd = dep + nm, *bal = wd + nm, carried = 0;
	memset(dep, 0, nm * 3 * sizeof *dep);
	for (size_t i = t->first; i < t->first + t->count; i++) {
		const struct ledger_promise *p = g->sorted[i];
		if (!is_event(p))
			continue;
		int m = month_of(p->status_day);
		long sign = ledger_outcome(p) == OUTCOME_KEPT_ON_TIME ? 1 : -1;
		if (m < r.first)
			carried += sign;
		else if (m <= r.last)
			(sign > 0 ? dep : wd)[m - r.first]++;
	}
	long run = carried, scale = 1;
	for (size_t i = 0; i < nm; i++) {
		run += dep[i] - wd[i];
		bal[i] = run;
		scale = dep[i] > scale ? dep[i] : scale;
		scale = wd[i] > scale ? wd[i] : scale;
		scale = labs(run) > scale ? labs(run) : scale;
	}
	if (labs(carried) > scale)
		scale = labs(carried);

	raw(h, "<div class=\"card\"><h3>");
	text(h, t->name);
	raw(h, "</h3><div>Balance <b data-v=\"balance\">");
	signed_num(h, balance(t));
	put(h, "</b>: %zu kept on time, %zu kept late, %zu broken; %zu open.</div>\n", t->on_time, t->late,
	    t->broken, t->open);

	const int left = 34, top = 12, half = 62;
	int slot = (int)(400 / nm);
	slot = slot < 16 ? 16 : slot > 90 ? 90 : slot;
	int width = left + (int)nm * slot + 40, zero = top + half, height = top + 2 * half + 34;
	put(h, "<figure><svg id=\"party-%zu\" role=\"img\" aria-label=\"Trust balance by month\" "
	       "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
	    card, width, height, width, height);
	put(h, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
	       "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
	       "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">+%ld</text>"
	       "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">−%ld</text>"
	       "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n",
	    left, top, width - 40, top, left, top + 2 * half, width - 40, top + 2 * half, left - 4, top + 4, scale,
	    left - 4, top + 2 * half + 4, scale, left - 4, zero + 4);
	int step = slot >= 36 ? 1 : slot >= 24 ? 2 : 3;
	for (size_t i = 0; i < nm; i++) {
		int x = left + (int)i * slot;
		int hd = (int)(half * dep[i] / scale), hw = (int)(half * wd[i] / scale);
		if (hd)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" C_DEPOSIT
			       "\"><title>%ld deposit%s</title></rect>",
			    x + 3, zero - hd, slot - 6, hd, dep[i], dep[i] == 1 ? "" : "s");
		if (hw)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" C_WITHDRAW
			       "\"><title>%ld withdrawal%s</title></rect>",
			    x + 3, zero, slot - 6, hw, wd[i], wd[i] == 1 ? "" : "s");
		int m = r.first + (int)i;
		if ((nm - 1 - i) % (size_t)step == 0)
			put(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
			       "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>",
			    x + slot / 2, top + 2 * half + 16, month_abbr[m % 12], x + slot / 2, top + 2 * half + 30,
			    m / 12);
	}
	raw(h, "\n<polyline fill=\"none\" stroke=\"#1d1d1f\" stroke-width=\"2\" points=\"");
	for (size_t i = 0; i < nm; i++)
		put(h, "%s%d,%d", i ? " " : "", left + (int)i * slot + slot / 2, zero - (int)(half * bal[i] / scale));
	raw(h, "\"/>\n");
	int lx = left + (int)(nm - 1) * slot + slot / 2, ly = zero - (int)(half * bal[nm - 1] / scale);
	put(h, "<circle cx=\"%d\" cy=\"%d\" r=\"3.5\" fill=\"#1d1d1f\"/><text class=\"v\" x=\"%d\" y=\"%d\">",
	    lx, ly, left + (int)nm * slot + 4, ly + 4);
	signed_num(h, bal[nm - 1]);
	put(h, "</text>\n<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n</svg></figure>\n", left,
	    zero, width - 40, zero);

	size_t nrows = carried != 0;
	for (size_t i = 0; i < nm; i++)
		nrows += dep[i] || wd[i];
	put(h, "<details><summary>The numbers, month by month (%zu row%s)</summary>\n", nrows,
	    nrows == 1 ? "" : "s");
	raw(h, "<table class=\"months\"><thead><tr><th>Month</th><th>Deposits</th><th>Withdrawals</th>"
	       "<th>Balance</th></tr></thead><tbody>\n");
	if (carried) {
		put(h, "<tr><th scope=\"row\">before %s %d</th><td data-v=\"deposits\"></td>"
		       "<td data-v=\"withdrawals\"></td><td data-v=\"balance\">",
		    month_abbr[r.first % 12], r.first / 12);
		signed_num(h, carried);
		raw(h, "</td></tr>\n");
	}
	for (size_t i = 0; i < nm; i++) {
		if (!dep[i] && !wd[i])
			continue;
		put(h, "<tr><th scope=\"row\">%s %d</th><td data-v=\"deposits\">%ld</td>"
		       "<td data-v=\"withdrawals\">%ld</td><td data-v=\"balance\">",
		    month_abbr[(r.first + (int)i) % 12], (r.first + (int)i) / 12, dep[i], wd[i]);
		signed_num(h, bal[i]);
		raw(h, "</td></tr>\n");
	}
	raw(h, "</tbody></table></details></div>\n");
	alloc_free(l->alloc, dep);
	return 0;
}

static int parties(struct html *h, const struct ledger *l, const struct report_options *o)
{
	struct grouping g;
	size_t nrows = 0, ncards = 0;
	const struct tally **rows = NULL, **cards = NULL;
	int rc = group(l, 0, o->today, &g);
	if (!rc)
		rows = pick(l, &g, has_closed, by_balance, &nrows);
	if (rows)
		cards = pick(l, &g, has_closed, by_activity, &ncards);
	if (rc || !rows || !cards) {
		alloc_free(l->alloc, rows);
		grouping_release(l, &g);
		return -1;
	}
	raw(h, "<section id=\"parties\">\n<h2>Trust balance per counterparty</h2>\n");
	size_t quiet = 0, quiet_open = 0;
	for (size_t i = 0; i < g.n; i++)
		if (!has_closed(&g.t[i])) {
			quiet++;
			quiet_open += g.t[i].open;
		}
	if (!g.n) {
		raw(h, "<p>No promise names a counterparty (<code>to:</code>) yet.</p>\n");
	} else if (!nrows) {
		put(h, "<p>No promise to any of the %zu counterparties has been kept or broken yet.</p>\n", g.n);
	} else {
		size_t shown = nrows < MAX_PARTIES ? nrows : MAX_PARTIES;
		raw(h, "<figure><figcaption>Deposits (kept on time) to the right, withdrawals (broken or kept "
		       "late) to the left; lowest balance first.</figcaption>\n");
		balance_chart(h, rows, shown);
		raw(h, "</figure>\n");
		balance_table(h, rows, shown);
		note_cap(h, shown, nrows, "counterparties", "those with the lowest balance");
		if (quiet)
			put(h, "<p id=\"balance-quiet\">%zu more counterpart%s no promise kept or broken yet "
			       "(<span data-v=\"open\">%zu</span> open).</p>\n",
			    quiet, quiet == 1 ? "y has" : "ies have", quiet_open);

		size_t nc = ncards < MAX_CARDS ? ncards : MAX_CARDS;
		if (nc) {
			struct month_range r = { 0, 0 };
			int have = 0;
			for (size_t c = 0; c < nc; c++)
				for (size_t i = cards[c]->first; i < cards[c]->first + cards[c]->count; i++) {
					if (!is_event(g.sorted[i]))
						continue;
					int m = month_of(g.sorted[i]->status_day);
					if (!have || m < r.first)
						r.first = m;
					if (!have || m > r.last)
						r.last = m;
					have = 1;
				}
			if (month_of(o->today) > r.last)
				r.last = month_of(o->today);
			if (r.last - r.first + 1 > MAX_MONTHS)
				r.first = r.last - MAX_MONTHS + 1;
			raw(h, "<h3 style=\"margin-top:22px\">Month by month</h3>\n");
			const char *const keys[] = { C_DEPOSIT, "deposits", C_WITHDRAW, "withdrawals", "#1d1d1f",
						     "running balance", NULL };
			legend(h, keys);
			raw(h, "<div class=\"cards\">\n");
			for (size_t c = 0; c < nc && !rc; c++)
				rc = party_card(h, l, &g, cards[c], r, c);
			raw(h, "</div>\n");
			note_cap(h, nc, ncards, "counterparties with kept or broken promises",
				 "those with the most");
		}
	}
	raw(h, "</section>\n");
	alloc_free(l->alloc, rows);
	alloc_free(l->alloc, cards);
	grouping_release(l, &g);
	return rc;
}

/* --- per person ------------------------------------------------------------ */

static void rate_chart(struct html *h, const struct tally *const *rows, size_t n)
{
	const int row_h = 24, label_w = 230, bar = 420, top = 8;
	int width = label_w + bar + 130, height = top + (int)n * row_h + 24;
	put(h, "<svg id=\"rate-chart\" role=\"img\" aria-label=\"On-time rate per person\" "
	       "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
	    width, height, width, height);
	for (int pct = 0; pct <= 100; pct += 25)
		put(h, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
		       "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d%%</text>",
		    label_w + bar * pct / 100, top, label_w + bar * pct / 100, height - 20,
		    label_w + bar * pct / 100, height - 6, pct);
	raw(h, "\n");
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = rows[i];
		int y = top + (int)i * row_h;
		unsigned pct = percent(t->on_time, closed(t));
		int w = (int)((long)bar * (long)t->on_time / (long)closed(t));
		label(h, label_w - 8, y + 16, "end", t->name);
		if (w)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>", label_w, y + 4, w,
			    row_h - 8, pct >= 80 ? C_DEPOSIT : pct >= 50 ? C_SOON : C_WITHDRAW);
		put(h, "<text class=\"v\" x=\"%d\" y=\"%d\">%u%%</text><text x=\"%d\" y=\"%d\">(%zu of %zu)</text>\n",
		    label_w + w + 6, y + 16, pct, label_w + w + 50, y + 16, t->on_time, closed(t));
	}
	raw(h, "</svg>\n");
}

static void load_chart(struct html *h, const struct tally *const *rows, size_t n)
{
	const int row_h = 24, label_w = 230, bar = 420, top = 8;
	size_t scale = 1;
	for (size_t i = 0; i < n; i++)
		scale = rows[i]->open > scale ? rows[i]->open : scale;
	int width = label_w + bar + 60, height = top + (int)n * row_h + 6;
	put(h, "<svg id=\"load-chart\" role=\"img\" aria-label=\"Open promises per person\" "
	       "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
	    width, height, width, height);
	for (size_t i = 0; i < n; i++) {
		const struct tally *t = rows[i];
		int y = top + (int)i * row_h, x = label_w;
		const size_t part[4] = { t->overdue, t->soon, t->later, t->undated };
		static const char *const color[4] = { C_WITHDRAW, C_SOON, C_OPEN, C_NODATE };
		static const char *const what[4] = { "overdue", "due within 14 days", "due later", "no due date" };
		label(h, label_w - 8, y + 16, "end", t->name);
		size_t sum = 0;
		for (int k = 0; k < 4; k++) {
			int x1 = label_w + (int)((long)bar * (long)(sum + part[k]) / (long)scale);
			sum += part[k];
			if (x1 > x)
				put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%zu %s</title></rect>",
				    x, y + 4, x1 - x, row_h - 8, color[k], part[k], what[k]);
			x = x1;
		}
		put(h, "<text class=\"v\" x=\"%d\" y=\"%d\">%zu</text>\n", x + 6, y + 16, t->open);
	}
	raw(h, "</svg>\n");
}

static int people(struct html *h, const struct ledger *l, const struct report_options *o)
{
	struct grouping g;
	size_t nrate = 0, nload = 0;
	const struct tally **rate = NULL, **load = NULL;
	int rc = group(l, 1, o->today, &g);
	if (!rc)
		rate = pick(l, &g, has_closed, by_rate, &nrate);
	if (rate)
		load = pick(l, &g, has_open, by_load, &nload);
	if (rc || !rate || !load) {
		alloc_free(l->alloc, rate);
		grouping_release(l, &g);
		return -1;
	}
	raw(h, "<section id=\"people\">\n<h2>Per person</h2>\n<h3>On-time rate</h3>\n");
	size_t shown = nrate < MAX_PEOPLE ? nrate : MAX_PEOPLE;
	if (!shown) {
		raw(h, "<p>No promise has been kept or broken yet.</p>\n");
	} else {
		raw(h, "<figure><figcaption>Promises kept on time out of all kept or broken ones, lowest rate "
		       "first.</figcaption>\n");
		rate_chart(h, rate, shown);
		raw(h, "</figure>\n<table id=\"rate-data\"><thead><tr><th>Person</th><th>Kept on time</th>"
		       "<th>Kept late</th><th>Broken</th><th>On-time rate</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < shown; i++) {
			raw(h, "<tr><th scope=\"row\">");
			text(h, rate[i]->name);
			put(h, "</th><td data-v=\"kept-on-time\">%zu</td><td data-v=\"kept-late\">%zu</td>"
			       "<td data-v=\"broken\">%zu</td><td data-v=\"rate\">%u%%</td></tr>\n",
			    rate[i]->on_time, rate[i]->late, rate[i]->broken, percent(rate[i]->on_time, closed(rate[i])));
		}
		raw(h, "</tbody></table>\n");
		note_cap(h, shown, nrate, "people", "those with the lowest rate");
	}
	raw(h, "<h3 style=\"margin-top:22px\">Open load</h3>\n");
	shown = nload < MAX_PEOPLE ? nload : MAX_PEOPLE;
	if (!shown) {
		raw(h, "<p>Nobody holds an open promise.</p>\n");
	} else {
		char soon[64];
		snprintf(soon, sizeof soon, "due within %d days", SOON_DAYS);
		const char *const keys[] = { C_WITHDRAW, "overdue", C_SOON, soon, C_OPEN, "due later",
					     C_NODATE, "no due date", NULL };
		raw(h, "<figure><figcaption>Open promises each person holds, most first.</figcaption>\n");
		legend(h, keys);
		load_chart(h, load, shown);
		put(h, "</figure>\n<table id=\"load-data\"><thead><tr><th>Person</th><th>Open</th><th>Overdue</th>"
		       "<th>Due within %d days</th><th>Due later</th><th>No due date</th></tr></thead><tbody>\n",
		    SOON_DAYS);
		for (size_t i = 0; i < shown; i++) {
			const struct tally *t = load[i];
			raw(h, "<tr><th scope=\"row\">");
			text(h, t->name);
			put(h, "</th><td data-v=\"open\">%zu</td><td data-v=\"overdue\">%zu</td>"
			       "<td data-v=\"soon\">%zu</td><td data-v=\"later\">%zu</td>"
			       "<td data-v=\"undated\">%zu</td></tr>\n",
			    t->open, t->overdue, t->soon, t->later, t->undated);
		}
		raw(h, "</tbody></table>\n");
		note_cap(h, shown, nload, "people", "those with the most open promises");
	}
	raw(h, "</section>\n");
	alloc_free(l->alloc, rate);
	alloc_free(l->alloc, load);
	grouping_release(l, &g);
	return 0;
}

/* --- by due week ---------------------------------------------------------- */

enum { BUCKETS = 1 + WEEKS_BACK + 1 + WEEKS_AHEAD + 2 };

struct bucket {
	size_t open, overdue;
};

/* Bucket 0: earlier weeks; 1..WEEKS_BACK: past weeks; then this week and
 * WEEKS_AHEAD more; then later; then no due date. */
static size_t bucket_of(const struct ledger_promise *p, int32_t this_monday)
{
	if (p->due == LEDGER_NO_DATE)
		return BUCKETS - 1;
	long w = ((long)period_monday(p->due) - this_monday) / 7;
	if (w < -WEEKS_BACK)
		return 0;
	if (w > WEEKS_AHEAD)
		return BUCKETS - 2;
	return (size_t)(w + WEEKS_BACK + 1);
}

static void bucket_name(size_t b, int32_t this_monday, char *out, size_t size, int32_t *monday)
{
	*monday = LEDGER_NO_DATE;
	if (b == 0) {
		snprintf(out, size, "earlier");
	} else if (b == BUCKETS - 2) {
		snprintf(out, size, "later");
	} else if (b == BUCKETS - 1) {
		snprintf(out, size, "no date");
	} else {
		int year, week;
		*monday = this_monday + ((int32_t)b - WEEKS_BACK - 1) * 7;
		period_iso_week(*monday, &year, &week);
		snprintf(out, size, "%d-W%02d", year, week);
	}
}

static void weeks(struct html *h, const struct ledger *l, const struct report_options *o)
{
	struct bucket b[BUCKETS];
	memset(b, 0, sizeof b);
	int32_t this_monday = period_monday(o->today);
	size_t total = 0;
	for (size_t i = 0; i < l->len; i++) {
		const struct ledger_promise *p = &l->items[i];
		if (!ledger_is_open(p))
			continue;
		size_t k = bucket_of(p, this_monday);
		b[k].open++;
		b[k].overdue += ledger_is_overdue(p, o->today);
		total++;
	}
	raw(h, "<section id=\"weeks\">\n<h2>Open promises by due week</h2>\n");
	if (!total) {
		raw(h, "<p>No promise is open.</p>\n</section>\n");
		return;
	}
	/* Past weeks are shown from the first one that holds a promise. */
	size_t first = 0;
	while (first <= WEEKS_BACK && !b[first].open)
		first++;
	size_t shown[BUCKETS], n = 0;
	for (size_t k = first; k < BUCKETS; k++)
		if (k > WEEKS_BACK || b[k].open)
			shown[n++] = k;
	size_t scale = 1;
	for (size_t i = 0; i < n; i++)
		scale = b[shown[i]].open > scale ? b[shown[i]].open : scale;

	const int slot = 52, left = 10, top = 20, plot = 170;
	int width = left + (int)n * slot + 10, height = top + plot + 40;
	char today[11];
	date_format(o->today, today);
	put(h, "<figure><figcaption>ISO weeks, Monday to Sunday; this week starts on the Monday before or "
	       "on %s. Weeks before it are overdue.</figcaption>\n",
	    today);
	const char *const keys[] = { C_WITHDRAW, "overdue", C_OPEN, "not yet due", NULL };
	legend(h, keys);
	put(h, "<svg id=\"weeks-chart\" role=\"img\" aria-label=\"Open promises by due week\" "
	       "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
	    width, height, width, height);
	for (size_t i = 0; i < n; i++) {
		size_t k = shown[i];
		int x = left + (int)i * slot, base = top + plot;
		int ho = (int)((long)plot * (long)b[k].overdue / (long)scale);
		int ht = (int)((long)plot * (long)b[k].open / (long)scale);
		char name[32], md[11];
		int32_t monday;
		bucket_name(k, this_monday, name, sizeof name, &monday);
		if (ht > ho)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" C_OPEN "\"/>", x + 6,
			    base - ht, slot - 12, ht - ho);
		if (ho)
			put(h, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"" C_WITHDRAW "\"/>", x + 6,
			    base - ho, slot - 12, ho);
		put(h, "<text class=\"v\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%zu</text>", x + slot / 2,
		    base - ht - 5, b[k].open);
		if (monday != LEDGER_NO_DATE) {
			int y, m, d;
			date_to_ymd(monday, &y, &m, &d);
			snprintf(md, sizeof md, "%d %s", d, month_abbr[m - 1]);
			put(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\"%s>W%s</text>"
			       "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
			    x + slot / 2, base + 16, monday == this_monday ? " font-weight=\"700\"" : "", name + 6,
			    x + slot / 2, base + 30, md);
		} else {
			put(h, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>", x + slot / 2, base + 16, name);
		}
		raw(h, "\n");
	}
	put(h, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n</svg></figure>\n", left,
	    top + plot, width - 10, top + plot);
	raw(h, "<table id=\"weeks-data\"><thead><tr><th>Week</th><th>Monday</th><th>Open</th>"
	       "<th>Of which overdue</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < n; i++) {
		size_t k = shown[i];
		char name[32];
		int32_t monday;
		bucket_name(k, this_monday, name, sizeof name, &monday);
		put(h, "<tr><th scope=\"row\">%s</th>", name);
		date_cell(h, monday);
		put(h, "<td data-v=\"open\">%zu</td><td data-v=\"overdue\">%zu</td></tr>\n", b[k].open, b[k].overdue);
	}
	raw(h, "</tbody></table>\n");
	if (b[0].open || b[BUCKETS - 2].open)
		put(h, "<p class=\"note\">Weeks more than %d before this one are summed as “earlier”, weeks more "
		       "than %d after it as “later”.</p>\n",
		    WEEKS_BACK, WEEKS_AHEAD);
	raw(h, "</section>\n");
}

/* --- overdue ------------------------------------------------------------ */

static int by_due_asc(const void *pa, const void *pb)
{
	const struct ledger_promise *a = *(const struct ledger_promise *const *)pa;
	const struct ledger_promise *b = *(const struct ledger_promise *const *)pb;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	int c = strcmp(a->id, b->id);
	return c ? c : (a->order > b->order) - (a->order < b->order);
}

static int overdue(struct html *h, const struct ledger *l, const struct report_options *o)
{
	const struct ledger_promise **v = alloc_mem(l->alloc, (l->len ? l->len : 1) * sizeof *v);
	if (!v)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < l->len; i++)
		if (ledger_is_overdue(&l->items[i], o->today))
			v[n++] = &l->items[i];
	if (n > 1)
		qsort(v, n, sizeof *v, by_due_asc);
	raw(h, "<section id=\"overdue\">\n<h2>Overdue promises</h2>\n");
	if (!n) {
		raw(h, "<p>Nothing is overdue.</p>\n");
	} else {
		size_t shown = n < MAX_OVERDUE ? n : MAX_OVERDUE;
		raw(h, "<table id=\"overdue-data\"><thead><tr><th>ID</th><th>Due</th><th>Days late</th>"
		       "<th>By</th><th>To</th><th>Promise</th><th>Where</th></tr></thead><tbody>\n");
		for (size_t i = 0; i < shown; i++) {
			const struct ledger_promise *p = v[i];
			raw(h, "<tr><th scope=\"row\">");
			text(h, *p->id ? p->id : "(no ID)");
			raw(h, "</th>");
			date_cell(h, p->due);
			put(h, "<td data-v=\"days\">%ld</td><td>", (long)(o->today - p->due));
			text(h, *p->by_name.display ? p->by_name.display : "–");
			raw(h, "</td><td>");
			text(h, *p->to_name.display ? p->to_name.display : "–");
			raw(h, "</td><td>");
			text(h, p->text);
			raw(h, "</td><td>");
			text(h, l->files[p->file]);
			put(h, ":%u</td></tr>\n", p->line);
		}
		raw(h, "</tbody></table>\n");
		note_cap(h, shown, n, "overdue promises", "the longest overdue");
	}
	raw(h, "</section>\n");
	alloc_free(l->alloc, v);
	return 0;
}

int report_html(struct buf *out, const struct ledger *l, const struct report_options *o)
{
	struct html h = { out, 0 };
	struct tally all;
	memset(&all, 0, sizeof all);
	for (size_t i = 0; i < l->len; i++)
		count(&all, &l->items[i], o->today);
	header(&h, l, o, &all);
	if (parties(&h, l, o) || people(&h, l, o))
		return -1;
	weeks(&h, l, o);
	if (overdue(&h, l, o))
		return -1;
	raw(&h, "<p class=\"lead\" style=\"margin-top:32px\">Made by <code>promise report</code>. Names are "
		"grouped ignoring letter case, spacing and e-mail addresses.</p>\n</main>\n</body>\n</html>\n");
	return h.err ? -1 : 0;
}
