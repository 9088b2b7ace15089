/* test_date.c — calendar arithmetic and the date shapes of the format. */
#include "harness.h"

static void round_trip_every_day(void **state)
{
	(void)state;
	/* Every day from 1600 to 2400 converts to Y-M-D and back. */
	int32_t first = date_from_ymd(1600, 1, 1), last = date_from_ymd(2400, 12, 31);
	int py = 1599, pm = 12, pd = 31;
	for (int32_t d = first; d <= last; d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		assert_int_equal(date_from_ymd(y, m, dd), d);
		/* consecutive days are consecutive calendar dates */
		if (dd != 1)
			assert_true(y == py && m == pm && dd == pd + 1);
		else
			assert_int_equal(pd, date_days_in_month(py, pm));
		py = y, pm = m, pd = dd;
	}
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_weekday(date_from_ymd(2026, 11, 23)), 1); /* a Monday */
}

static void leap_years(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2026));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
}

static struct date_value parse(const char *s, bool whole)
{
	return date_parse((const unsigned char *)s, strlen(s), whole);
}

static void shapes(void **state)
{
	(void)state;
	struct date_value v = parse("2026-11-20", true);
	assert_int_equal(v.status, DATE_OK);
	assert_int_equal(v.minute, -1);
	assert_int_equal(v.len, 10);
	v = parse("2026-11-20 17:30", true);
	assert_int_equal(v.status, DATE_OK);
	assert_int_equal(v.minute, 17 * 60 + 30);
	assert_false(v.has_offset);
	v = parse("2026-11-20T09:05+01:00", true);
	assert_int_equal(v.status, DATE_OK);
	assert_true(v.has_offset);
	assert_int_equal(v.offset, 60);
	v = parse("2026-11-20 09:05 -0330", true);
	assert_int_equal(v.status, DATE_OK);
	assert_int_equal(v.offset, -(3 * 60 + 30));
	v = parse("2026-11-20 09:05Z", true);
	assert_int_equal(v.status, DATE_OK);
	assert_int_equal(v.offset, 0);
	assert_int_equal(parse("2026-11-20   ", true).status, DATE_OK);
	/* not dates */
	assert_int_equal(parse("soon", true).status, DATE_NOT_A_DATE);
	assert_int_equal(parse("2026-11", true).status, DATE_NOT_A_DATE);
	assert_int_equal(parse("20-11-2026", true).status, DATE_NOT_A_DATE);
	assert_int_equal(parse("2026-11-20 and more", true).status, DATE_NOT_A_DATE);
	assert_int_equal(parse("", true).status, DATE_NOT_A_DATE);
	/* a leading date with text after it, when not whole */
	v = parse("2026-10-17 both pumps replaced", false);
	assert_int_equal(v.status, DATE_OK);
	assert_int_equal(v.len, 10);
	v = parse("2026-10-17 10:00 called Tom", false);
	assert_int_equal(v.len, 16);
}

static void impossible(void **state)
{
	(void)state;
	const char *bad[] = { "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10",
			      "2026-01-00", "2026-01-01 24:00", "2026-01-01 12:60", "2026-01-01 12:00+15:00",
			      "2026-01-01 12:00+01:75" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct date_value v = parse(bad[i], true);
		if (v.status != DATE_IMPOSSIBLE)
			fprintf(stderr, "%s\n", bad[i]);
		assert_int_equal(v.status, DATE_IMPOSSIBLE);
		assert_non_null(v.why);
	}
	assert_int_equal(parse("2024-02-29", true).status, DATE_OK);
	assert_int_equal(parse("2026-01-01 23:59-14:00", true).status, DATE_OK);
}

static void iso_only(void **state)
{
	(void)state;
	int32_t d;
	assert_true(date_parse_iso("2026-11-23", &d));
	char out[11];
	date_format(d, out);
	assert_string_equal(out, "2026-11-23");
	assert_false(date_parse_iso("2026-11-23 10:00", &d));
	assert_false(date_parse_iso("2026-02-30", &d));
	assert_false(date_parse_iso("tomorrow", &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_every_day), cmocka_unit_test(leap_years),
		cmocka_unit_test(shapes), cmocka_unit_test(impossible), cmocka_unit_test(iso_only),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
