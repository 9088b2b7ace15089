/* report_html.h — the trust report: one self-contained HTML page.
 *
 * The page holds, per counterparty (`to:`), the trust balance: promises
 * kept on time are deposits, promises broken or kept late are withdrawals,
 * shown month by month; per person (`by:`), the on-time rate and the open
 * load; and the open promises by the ISO week they fall due in. Each chart
 * is inline SVG with its numbers written on it and the same numbers in a
 * table beneath it. Nothing is loaded from anywhere: no scripts, fonts or
 * images, and a Content-Security-Policy that forbids them; every text from
 * the promise files is HTML-escaped.
 *
 * Large inputs stay readable: charts and tables show at most a fixed number
 * of rows (the page says how many were left out), so the page's size grows
 * with those limits, not with the number of promises.
 *
 * Names are grouped by their keys (party.h). The page is appended to `out`;
 * -1 when out of memory. */
#ifndef PROMISE_REPORT_HTML_H
#define PROMISE_REPORT_HTML_H

#include <stdint.h>

#include "buf.h"
#include "ledger.h"

struct report_options {
	int32_t today;
	const char *title;      /* the page's heading; NULL for the default */
};

/* The tables' data cells carry `data-v` attributes naming what they count
 * ("kept-on-time", "withdrawals", "balance", ...), and each chart's value
 * labels carry the class "v", so a test can compare them with the data. */
int report_html(struct buf *out, const struct ledger *l, const struct report_options *o);

#endif
