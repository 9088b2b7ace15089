/* test_report_html.c — the trust report's page (report_html.h) for an
 * empty, a one-promise and a many-party input: it is whole, it escapes
 * every text, it loads nothing, it counts right and it caps its charts.
 * The end-to-end test opens the page in a real browser. */
#include <stdlib.h>

#include "harness.h"
#include "report_html.h"

static enum analysis_error load(struct ledger *l, const char *text)
{
	struct lint_options opt;
	lint_options_init(&opt, 0);
	for (int k = 0; k < RULE_COUNT; k++)
		opt.severity[k] = SEV_OFF;
	struct analysis a;
	analysis_init(&a, &opt, l->alloc);
	a.on_record = ledger_on_record;
	a.on_record_ctx = l;
	enum analysis_error e = ANALYSIS_NOMEM;
	if (analysis_add_name(&a, "t.promise") == 0) {
		e = analysis_add_buffer(&a, 0, text, strlen(text));
		if (e == ANALYSIS_OK)
			e = analysis_finish(&a);
		if (e == ANALYSIS_OK && ledger_set_files(l, a.file_names, a.nfiles))
			e = ANALYSIS_NOMEM;
	}
	analysis_release(&a);
	return e;
}

static struct report_options options(void)
{
	struct report_options o = { 0, NULL };
	assert_true(date_parse_iso("2026-11-23", &o.today));
	return o;
}

static size_t occurrences(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

/* What every page must be: whole, and self-contained. */
static void check_page(const char *s)
{
	assert_true(!strncmp(s, "<!DOCTYPE html>\n", 16));
	assert_non_null(strstr(s, "</html>\n"));
	assert_non_null(strstr(s, "Content-Security-Policy"));
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "<link"));
	assert_null(strstr(s, "<img"));
	assert_null(strstr(s, "http://"));
	assert_null(strstr(s, "https://"));
	assert_null(strstr(s, "url("));
	assert_null(strstr(s, "@import"));
	assert_int_equal(occurrences(s, "<svg"), occurrences(s, "</svg>"));
	assert_int_equal(occurrences(s, "<table"), occurrences(s, "</table>"));
}

static void empty(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, ""), ANALYSIS_OK);
	struct report_options o = options();
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(report_html(&b, &l, &o), 0);
	const char *s = buf_str(&b);
	check_page(s);
	assert_non_null(strstr(s, "0 promises in 1 file"));
	assert_non_null(strstr(s, "No promise names a counterparty"));
	assert_non_null(strstr(s, "No promise has been kept or broken yet."));
	assert_non_null(strstr(s, "Nobody holds an open promise."));
	assert_non_null(strstr(s, "No promise is open."));
	assert_non_null(strstr(s, "Nothing is overdue."));
	buf_release(&b);
	ledger_release(&l);
}

static void one_promise_escaped(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, "promise X-1: Ship <script>alert('x')</script> & \"more\"\n"
				  "  by:     Jan <b>de</b> Vries <jan@example.nl>\n"
				  "  to:     R&D <team> (Acme)\n"
				  "  due:    2026-11-20\n"),
			 ANALYSIS_OK);
	struct report_options o = options();
	o.title = "Acme & <Co>";
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(report_html(&b, &l, &o), 0);
	const char *s = buf_str(&b);
	check_page(s);
	assert_non_null(strstr(s, "<h1>Acme &amp; &lt;Co&gt;</h1>"));
	assert_non_null(strstr(s, "Ship &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"));
	/* "<b>de</b>" looks like an address and is dropped from the name; "<team>" too. */
	assert_non_null(strstr(s, "Jan de Vries"));
	assert_non_null(strstr(s, "R&amp;D (Acme)"));
	assert_non_null(strstr(s, "1 promise in 1 file"));
	assert_non_null(strstr(s, "<b data-v=\"overdue\">1</b>"));
	assert_non_null(strstr(s, "<td data-v=\"days\">3</td>"));
	/* The open load of the one person: one overdue. */
	assert_non_null(strstr(s, "<td data-v=\"open\">1</td><td data-v=\"overdue\">1</td>"));
	/* Its week, 2026-W47, is overdue. */
	assert_non_null(strstr(s, "<tr><th scope=\"row\">2026-W47</th><td class=\"d\">2026-11-16</td>"
				  "<td data-v=\"open\">1</td><td data-v=\"overdue\">1</td></tr>"));
	buf_release(&b);
	ledger_release(&l);
}

static void balances_count_right(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, "promise A: on time\n  by: Sara\n  to: Acme\n  due: 2026-09-10\n"
				  "  status: kept 2026-09-09\n"
				  "promise B: late\n  by: Sara\n  to: acme\n  due: 2026-10-10\n"
				  "  status: kept 2026-10-12\n"
				  "promise C: broken\n  by: Tom\n  to: Acme\n  due: 2026-10-20\n"
				  "  status: broken 2026-10-21\n"
				  "promise D: released\n  by: Tom\n  to: Acme\n  due: 2026-10-20\n"
				  "  status: released 2026-10-01\n"
				  "promise E: on time\n  by: Tom\n  to: Acme\n  due: 2026-11-20\n"
				  "  status: kept 2026-11-02\n"
				  "promise F: open\n  by: Tom\n  to: Bakker\n  due: 2026-11-30\n"),
			 ANALYSIS_OK);
	struct report_options o = options();
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(report_html(&b, &l, &o), 0);
	const char *s = buf_str(&b);
	check_page(s);
	/* Acme: 2 deposits (A, E), 2 withdrawals (B late, C broken). */
	assert_non_null(strstr(s, "<tr><th scope=\"row\">Acme</th><td data-v=\"kept-on-time\">2</td>"
				  "<td data-v=\"kept-late\">1</td><td data-v=\"broken\">1</td>"
				  "<td data-v=\"balance\">0</td><td data-v=\"released\">1</td>"));
	/* Month by month: Sep +1, Oct -2 (B and C), Nov +1. */
	assert_non_null(strstr(s, "<tr><th scope=\"row\">Oct 2026</th><td data-v=\"deposits\">0</td>"
				  "<td data-v=\"withdrawals\">2</td><td data-v=\"balance\">−1</td></tr>"));
	/* Bakker has only an open promise: not charted, but counted. */
	assert_non_null(strstr(s, "1 more counterparty has no promise kept or broken yet"));
	/* Sara 1 of 2 on time: 50%; Tom 1 of 2: 50%. */
	assert_int_equal(occurrences(s, "<td data-v=\"rate\">50%</td>"), 2);
	buf_release(&b);
	ledger_release(&l);
}

static void many_parties_are_capped(void **state)
{
	(void)state;
	struct buf text;
	buf_init(&text, NULL);
	for (int i = 0; i < 45; i++)
		assert_int_equal(buf_printf(&text, "promise P-%d: Deliver\n  by: Person %d\n  to: Party %02d\n"
						   "  due: 2026-10-%02d\n  status: kept 2026-10-01\n",
					    i, i, i, 1 + i % 28),
				 0);
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, buf_str(&text)), ANALYSIS_OK);
	struct report_options o = options();
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(report_html(&b, &l, &o), 0);
	const char *s = buf_str(&b);
	check_page(s);
	assert_non_null(strstr(s, "Showing 30 of 45 counterparties"));
	assert_non_null(strstr(s, "Showing 12 of 45 counterparties with kept or broken promises"));
	assert_non_null(strstr(s, "Showing 30 of 45 people"));
	const char *table = strstr(s, "<table id=\"balance-data\">");
	assert_non_null(table);
	assert_int_equal(occurrences(table, "<td data-v=\"kept-on-time\">") -
				 occurrences(strstr(table, "</table>"), "<td data-v=\"kept-on-time\">"),
			 30);
	buf_release(&b);
	ledger_release(&l);
	buf_release(&text);
}

static void out_of_memory(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, "promise A: on time\n  by: Sara\n  to: Acme\n  due: 2026-09-10\n"
				  "  status: kept 2026-09-09\n"
				  "promise F: open\n  by: Tom\n  to: Bakker\n  due: 2026-11-20\n"),
			 ANALYSIS_OK);
	struct report_options o = options();
	int succeeded = 0;
	for (unsigned long fail_at = 1; !succeeded && fail_at < 2000; fail_at++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, fail_at);
		struct ledger view = l;
		view.alloc = &f.base;
		struct buf b;
		buf_init(&b, &f.base);
		succeeded = report_html(&b, &view, &o) == 0;
		buf_release(&b);
		assert_int_equal(f.live, 0);
	}
	assert_true(succeeded);
	ledger_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty),
		cmocka_unit_test(one_promise_escaped),
		cmocka_unit_test(balances_count_right),
		cmocka_unit_test(many_parties_are_capped),
		cmocka_unit_test(out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
