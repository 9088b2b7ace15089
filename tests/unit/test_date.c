/* test_date.c — calendar arithmetic and the date shapes of the format. */
#include "harness.h"

#include "lex.h"

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

/* The date shape restated plainly from FORMAT.md: `YYYY-MM-DD`, then a
 * time `HH:MM` after a blank or `T`, then an offset (`Z`, `+HH:MM`, `+HHMM`)
 * after an optional blank, each taken when it is whole; only the first 96
 * bytes are looked at. */
static bool ref_digits(const unsigned char *s, size_t n, size_t at, size_t count)
{
	for (size_t i = at; i < at + count; i++)
		if (i >= n || s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int ref_two(const unsigned char *p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

static bool ref_date(const unsigned char *s, size_t len, bool whole, struct date_shape *out)
{
	size_t n = len < 96 ? len : 96;
	if (!ref_digits(s, n, 0, 4) || n < 5 || s[4] != '-' || !ref_digits(s, n, 5, 2) || n < 8 ||
	    s[7] != '-' || !ref_digits(s, n, 8, 2))
		return false;
	memset(out, 0, sizeof *out);
	out->year = ref_two(s) * 100 + ref_two(s + 2);
	out->month = ref_two(s + 5);
	out->day = ref_two(s + 8);
	out->hour = out->minute = -1;
	size_t end = 10;
	if (n > 10 && (s[10] == ' ' || s[10] == 'T' || s[10] == 't') && ref_digits(s, n, 11, 2) &&
	    n > 13 && s[13] == ':' && ref_digits(s, n, 14, 2)) {
		out->hour = ref_two(s + 11);
		out->minute = ref_two(s + 14);
		end = 16;
		size_t q = end < n && s[end] == ' ' ? end + 1 : end;
		if (q < n && (s[q] == 'Z' || s[q] == 'z')) {
			out->has_offset = true;
			end = q + 1;
		} else if (q < n && (s[q] == '+' || s[q] == '-') && ref_digits(s, n, q + 1, 2)) {
			size_t m = 0;
			if (q + 3 < n && s[q + 3] == ':' && ref_digits(s, n, q + 4, 2))
				m = q + 4;
			else if (ref_digits(s, n, q + 3, 2))
				m = q + 3;
			if (m) {
				out->has_offset = true;
				out->offset_minute_part = ref_two(s + m);
				out->offset_minutes = (s[q] == '-' ? -1 : 1) *
						      (ref_two(s + q + 1) * 60 + out->offset_minute_part);
				end = m + 2;
			}
		}
	}
	out->len = (uint32_t)end;
	for (size_t i = end; whole && i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Strings near dates (real ones mutated, cut, extended with times,
 * offsets, blanks and words, some past 96 bytes), whole and not:
 * lex_date() says what the reference says. */
static void shapes_agree_with_the_reference(void **state)
{
	(void)state;
	static const char *const seeds[] = {
		"2026-11-20", "2026-11-20 17:30", "2026-11-20T09:05+01:00", "2026-11-20t09:05 -0330",
		"2026-11-20 09:05Z", "2026-11-20 09:05 z", "2026-11-20\t", "2026-11-20x", "0000-00-00",
	};
	static const unsigned char alphabet[] = "0123456789-: \tTtZz+x";
	uint64_t seed = 2026;
	unsigned char s[128];
	for (int n = 0; n < 400000; n++) {
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		uint64_t r = seed >> 16;
		const char *base = seeds[r % (sizeof seeds / sizeof *seeds)];
		size_t len = strlen(base);
		memcpy(s, base, len);
		/* a few mutations, a cut, or a tail */
		for (unsigned k = 0; k < ((r >> 4) & 3); k++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			s[(seed >> 33) % len] = alphabet[(seed >> 20) % (sizeof alphabet - 1)];
		}
		if ((r >> 6) % 5 == 0)
			len = (r >> 9) % (len + 1);
		else if ((r >> 6) % 5 == 1)
			for (size_t k = (r >> 12) % 110; k && len < sizeof s; k--) {
				seed = seed * 6364136223846793005u + 1442695040888963407u;
				s[len++] = (seed >> 40) & 1 ? ' ' : alphabet[(seed >> 33) % (sizeof alphabet - 1)];
			}
		bool whole = (r >> 20) & 1;
		struct date_shape got, want;
		bool ok = lex_date(s, len, whole, &got);
		assert_int_equal(ok, ref_date(s, len, whole, &want));
		if (!ok)
			continue;
		assert_int_equal(got.year, want.year);
		assert_int_equal(got.month, want.month);
		assert_int_equal(got.day, want.day);
		assert_int_equal(got.hour, want.hour);
		assert_int_equal(got.minute, want.minute);
		assert_int_equal(got.has_offset, want.has_offset);
		assert_int_equal(got.offset_minutes, want.offset_minutes);
		assert_int_equal(got.offset_minute_part, want.offset_minute_part);
		assert_int_equal(got.len, want.len);
	}
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

/* A whole value is a date only if nothing but blanks follows it, however
 * many blanks stand between (the scanner reads a short prefix). */
static void words_after_blanks_are_seen(void **state)
{
	(void)state;
	for (int n = 1; n < 300; n++) {
		char v[400];
		int k = snprintf(v, sizeof v, "2026-01-01 12:00%*s", n, "");
		assert_int_equal(parse(v, true).status, DATE_OK);
		snprintf(v + k, sizeof v - (size_t)k, "x");
		if (parse(v, true).status == DATE_OK)
			fprintf(stderr, "a word after %d blanks was not seen\n", n);
		assert_int_equal(parse(v, true).status, DATE_NOT_A_DATE);
		k = snprintf(v, sizeof v, "2026-01-01%*sx", n, "");
		assert_int_equal(parse(v, true).status, DATE_NOT_A_DATE);
		assert_int_equal(parse(v, false).status, DATE_OK); /* a prefix is enough */
	}
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

/* The day count in 400-year eras, as date.c had it before it counted the
 * years directly: the reference for every year the format can write, every
 * month, and days out of range too (period.c asks for day 0, say). */
static int32_t ref_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void day_numbers_agree_with_the_eras(void **state)
{
	(void)state;
	for (int y = -401; y <= 10400; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 0; d <= 32; d++)
				if (date_from_ymd(y, m, d) != ref_from_ymd(y, m, d)) {
					fprintf(stderr, "%d-%d-%d\n", y, m, d);
					fail();
				}
	assert_int_equal(date_from_ymd(1000000, 12, 31), ref_from_ymd(1000000, 12, 31));
	assert_int_equal(date_from_ymd(2026, 13, 1), ref_from_ymd(2026, 13, 1));
	assert_int_equal(date_from_ymd(2026, 0, 1), ref_from_ymd(2026, 0, 1));
}

/* date_parse() as it was before it took plain dates first: lex_date()'s
 * shape, then the calendar. */
static struct date_value ref_parse(const unsigned char *s, size_t len, bool whole)
{
	struct date_value v = { DATE_NOT_A_DATE, 0, -1, 0, false, 0, NULL };
	struct date_shape sh;
	if (!ref_date(s, len, whole, &sh))
		return v;
	v.len = sh.len;
	v.status = DATE_IMPOSSIBLE;
	if (sh.month < 1 || sh.month > 12 || sh.day < 1 ||
	    sh.day > date_days_in_month(sh.year, sh.month) ||
	    (sh.hour >= 0 && (sh.hour > 23 || sh.minute > 59)) ||
	    (sh.has_offset && (sh.offset_minutes > 14 * 60 || sh.offset_minutes < -14 * 60 ||
			       sh.offset_minute_part > 59)))
		return v;
	v.status = DATE_OK;
	v.day = ref_from_ymd(sh.year, sh.month, sh.day);
	v.minute = (int16_t)(sh.hour >= 0 ? sh.hour * 60 + sh.minute : -1);
	v.has_offset = sh.has_offset;
	v.offset = (int16_t)sh.offset_minutes;
	return v;
}

static void check_one(struct date_value got, struct date_value want, const unsigned char *s, size_t len,
		      bool whole)
{
	if (got.status != want.status || got.day != want.day || got.len != want.len ||
	    got.minute != want.minute || got.has_offset != want.has_offset || got.offset != want.offset ||
	    (got.why == NULL) != (want.status != DATE_IMPOSSIBLE)) {
		fprintf(stderr, "'%.*s' whole=%d\n", (int)len, (const char *)s, whole);
		fail();
	}
}

/* The inline date_parse() and date_parse_full() (which the inline one
 * leaves all but the common dates to) both agree with the reference. */
static void check_parse(const unsigned char *s, size_t len, bool whole)
{
	struct date_value want = ref_parse(s, len, whole);
	check_one(date_parse(s, len, whole), want, s, len, whole);
	check_one(date_parse_full(s, len, whole), want, s, len, whole);
	/* The parser's plain `made:` and `due:`: ten bytes, whole. */
	int32_t day;
	if (len == 10 && whole && date_plain_day(s, &day)) {
		assert_int_equal(want.status, DATE_OK);
		assert_int_equal(want.day, day);
		assert_int_equal(want.len, 10);
	}
}

/* Every date of the years 0000-0010, 1896-2104 and 9990-9999, months 00-19
 * and days 00-39, whole and not, with nothing, a blank, a time or a word
 * after it; then each byte of a plain date replaced by every byte value,
 * at every length: date_parse() agrees with the reference (plain dates
 * take the fast path, the rest the full one). */
static void parse_agrees_with_the_reference(void **state)
{
	(void)state;
	static const char *const tails[] = { "", " ", "x", "\t", " 10:00", "T10:00Z", "-", "0" };
	unsigned char s[64];
	for (int y = 0; y <= 10000; y++) {
		if ((y > 10 && y < 1896) || (y > 2104 && y < 9990))
			continue;
		for (int m = 0; m < 20; m++)
			for (int d = 0; d < 40; d++)
				for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
					int n = snprintf((char *)s, sizeof s, "%04d-%02d-%02d%s", y % 10000, m,
							 d, tails[t]);
					check_parse(s, (size_t)n, true);
					check_parse(s, (size_t)n, false);
				}
	}
	static const char *const seeds[] = { "2026-11-20", "2024-02-29", "2026-11-20 ", "2026-11-20x" };
	for (size_t k = 0; k < sizeof seeds / sizeof *seeds; k++) {
		size_t n = strlen(seeds[k]);
		for (size_t at = 0; at < n; at++)
			for (int c = 0; c < 256; c++)
				for (size_t len = 0; len <= n; len++) {
					memcpy(s, seeds[k], n);
					s[n] = '\0';
					s[at] = (unsigned char)c;
					check_parse(s, len, true);
					check_parse(s, len, false);
				}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip_every_day), cmocka_unit_test(leap_years),
		cmocka_unit_test(shapes), cmocka_unit_test(impossible), cmocka_unit_test(iso_only),
		cmocka_unit_test(shapes_agree_with_the_reference),
		cmocka_unit_test(words_after_blanks_are_seen),
		cmocka_unit_test(day_numbers_agree_with_the_eras),
		cmocka_unit_test(parse_agrees_with_the_reference),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
