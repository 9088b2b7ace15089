/* date.h — calendar dates as day numbers, and the date values of the format.
 *
 * A date is the number of days since 1970-01-01 (negative before), so
 * comparing and subtracting dates is integer arithmetic. Parsing builds on
 * lex_date()'s shape check and adds the calendar check (leap years, month
 * lengths, hours and minutes, offsets). */
#ifndef PROMISE_DATE_H
#define PROMISE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lex.h"

enum date_status {
	DATE_OK,
	DATE_NOT_A_DATE,  /* no date shape at all: "soon", "Q1" */
	DATE_IMPOSSIBLE   /* date-shaped but not on the calendar: 2026-02-30 */
};

struct date_value {
	enum date_status status;
	int32_t day;       /* days since 1970-01-01, valid when DATE_OK */
	int16_t minute;    /* minute of the day, or -1 when no time is given */
	int16_t offset;    /* UTC offset in minutes, when has_offset */
	bool has_offset;
	uint32_t len;      /* bytes the date took at the start of the text */
	const char *why;   /* DATE_IMPOSSIBLE: what is wrong, a static string */
};

bool date_is_leap(int year);
int date_days_in_month(int year, int month);
int32_t date_from_ymd(int year, int month, int day);
void date_to_ymd(int32_t day, int *year, int *month, int *mday);
/* "YYYY-MM-DD" into out (11 bytes with the NUL). */
void date_format(int32_t day, char out[11]);
/* ISO weekday, 1 = Monday ... 7 = Sunday. */
int date_weekday(int32_t day);

/* The day number of a date on the calendar from year 1 on (month 1-12,
 * day 1 up to the month's length): the days of the years before, counted
 * from March so that the leap day comes last, and a table for the months. */
static inline int32_t date_days_from_ymd(unsigned y, unsigned m, unsigned d)
{
	static const uint16_t march_based[13] = { 0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275 };
	y -= m <= 2;
	return (int32_t)(y * 365 + y / 4 - y / 100 + y / 400 + march_based[m] + d - 1) - 719468;
}

/* date_parse() for any shape: a time, an offset, an impossible date. */
struct date_value date_parse_full(const unsigned char *s, size_t len, bool whole);

/* Parse a date at the start of s. With `whole`, only blanks may follow it;
 * otherwise *out.len tells where it ended. Inline for the common value, a
 * plain YYYY-MM-DD on every month's days (1-28) from year 1 on: the
 * parser reads one for every `made:` and `due:`, and the call and the
 * returned struct cost as much as the check. Anything else is
 * date_parse_full()'s, which gives the same answers (test_date). */
static inline __attribute__((always_inline)) struct date_value date_parse(const unsigned char *s, size_t len, bool whole)
{
	int y, m, d;
	if (lex_plain_date(s, len, &y, &m, &d) && (len == 10 || !whole) && y >= 1 &&
	    (unsigned)(m - 1) < 12 && (unsigned)(d - 1) < 28)
		return (struct date_value){ DATE_OK, date_days_from_ymd((unsigned)y, (unsigned)m, (unsigned)d),
					    -1, 0, false, 10, NULL };
	return date_parse_full(s, len, whole);
}

/* The day number of the plain date of exactly ten bytes at s, when it is
 * on every month's calendar (a month 1-12, a day 1-28, from year 1 on),
 * and true: the parser's common `made:` and `due:`, whose date_value is
 * then date_parse()'s plain one. False for anything else, which
 * date_parse() decides. */
static inline bool date_plain_day(const unsigned char *s, int32_t *day)
{
	int y, m, d;
	if (!lex_plain_date(s, 10, &y, &m, &d) || y < 1 || (unsigned)(m - 1) >= 12 || (unsigned)(d - 1) >= 28)
		return false;
	*day = date_days_from_ymd((unsigned)y, (unsigned)m, (unsigned)d);
	return true;
}

/* Parse exactly "YYYY-MM-DD" (a command-line or environment value). */
bool date_parse_iso(const char *s, int32_t *day);

/* Today's date in the local time zone. */
int32_t date_today_local(void);

#endif
