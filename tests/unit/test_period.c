/* test_period.c — durations from the command line, ISO weeks and months
 * (period.h), and display widths for aligned tables (textwidth.h). */
#include "harness.h"
#include "period.h"
#include "textwidth.h"

static int32_t day(const char *s)
{
	int32_t d;
	assert_true(date_parse_iso(s, &d));
	return d;
}

static void durations(void **state)
{
	(void)state;
	int d;
	assert_true(period_parse_days("7", 100, &d));
	assert_int_equal(d, 7);
	assert_true(period_parse_days("7d", 100, &d));
	assert_int_equal(d, 7);
	assert_true(period_parse_days("2w", 100, &d));
	assert_int_equal(d, 14);
	assert_true(period_parse_days("0d", 100, &d));
	assert_int_equal(d, 0);
	assert_true(period_parse_days("14w", 98, &d));
	assert_false(period_parse_days("15w", 100, &d));
	assert_false(period_parse_days("101", 100, &d));
	assert_false(period_parse_days("-1d", 100, &d));
	assert_false(period_parse_days("d", 100, &d));
	assert_false(period_parse_days("2x", 100, &d));
	assert_false(period_parse_days("2 w", 100, &d));
	assert_false(period_parse_days("", 100, &d));
	assert_false(period_parse_days("99999999999999999999", 100, &d));
}

static void iso_weeks(void **state)
{
	(void)state;
	static const struct {
		const char *date;
		int year, week;
		const char *monday;
	} cases[] = {
		{ "2026-11-23", 2026, 48, "2026-11-23" }, /* a Monday */
		{ "2026-11-29", 2026, 48, "2026-11-23" }, /* its Sunday */
		{ "2026-12-31", 2026, 53, "2026-12-28" }, /* 2026 has 53 weeks */
		{ "2027-01-03", 2026, 53, "2026-12-28" }, /* early January, last year's week */
		{ "2027-01-04", 2027, 1, "2027-01-04" },
		{ "2024-12-30", 2025, 1, "2024-12-30" },  /* late December, next year's week */
		{ "2021-01-01", 2020, 53, "2020-12-28" },
		{ "2024-02-29", 2024, 9, "2024-02-26" },
		{ "1969-12-31", 1970, 1, "1969-12-29" },  /* before day 0 */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int y, w;
		period_iso_week(day(cases[i].date), &y, &w);
		assert_int_equal(y, cases[i].year);
		assert_int_equal(w, cases[i].week);
		assert_int_equal(period_monday(day(cases[i].date)), day(cases[i].monday));
	}
}

static void months(void **state)
{
	(void)state;
	assert_int_equal(period_month_start(day("2026-11-23")), day("2026-11-01"));
	assert_int_equal(period_next_month(day("2026-11-01")), day("2026-12-01"));
	assert_int_equal(period_next_month(day("2026-12-01")), day("2027-01-01"));
	assert_int_equal(period_month_start(day("2024-02-29")), day("2024-02-01"));
}

static void widths(void **state)
{
	(void)state;
	static const char composed[] = "Sj\xc3\xb6" "berg";        /* ö as one code point */
	static const char decomposed[] = "Sjo\xcc\x88" "berg";     /* o + combining diaeresis */
	static const char wide[] = "\xe6\x9d\xb1\xe4\xba\xac";     /* two CJK ideographs */
	assert_int_equal(textwidth("Sjoberg", 7), 7);
	assert_int_equal(textwidth(composed, strlen(composed)), 7);
	assert_int_equal(textwidth(decomposed, strlen(decomposed)), 7);
	assert_int_equal(textwidth(wide, strlen(wide)), 4);
	assert_int_equal(textwidth("\xff" "a", 2), 2); /* an invalid byte is one column */

	uint32_t used;
	/* Three columns of "Sjo" + diaeresis keep the mark with its letter. */
	assert_int_equal(textwidth_fit(decomposed, strlen(decomposed), 3, &used), 5);
	assert_int_equal(used, 3);
	assert_int_equal(textwidth_fit(composed, strlen(composed), 3, &used), 4);
	/* A wide character that does not fit is left out whole. */
	assert_int_equal(textwidth_fit(wide, strlen(wide), 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(textwidth_fit("abc", 3, 10, &used), 3);
	assert_int_equal(used, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(durations),
		cmocka_unit_test(iso_weeks),
		cmocka_unit_test(months),
		cmocka_unit_test(widths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
