/* period.c — week and month arithmetic on day numbers.
 *
 * The ISO week comes from the Thursday of the same week: its year is the
 * week-numbering year, and its day of the year divided by seven gives the
 * week. Rejected: strftime("%G-W%V") — it needs a struct tm and the
 * process's time zone for what is pure calendar arithmetic. */
#include "period.h"

#include <stdlib.h>

#include "date.h"

bool period_parse_days(const char *s, int max_days, int *days)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	char *end;
	long n = strtol(s, &end, 10);
	long unit = 1;
	if (*end == 'd')
		end++;
	else if (*end == 'w') {
		unit = 7;
		end++;
	}
	if (*end || n < 0 || n > max_days / unit)
		return false;
	*days = (int)(n * unit);
	return true;
}

int32_t period_monday(int32_t day) { return day - (date_weekday(day) - 1); }

void period_iso_week(int32_t day, int *year, int *week)
{
	int32_t thursday = period_monday(day) + 3;
	int y, m, d;
	date_to_ymd(thursday, &y, &m, &d);
	*year = y;
	*week = (int)((thursday - date_from_ymd(y, 1, 1)) / 7) + 1;
}

int32_t period_month_start(int32_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, 1);
}

int32_t period_next_month(int32_t month_start)
{
	int y, m, d;
	date_to_ymd(month_start, &y, &m, &d);
	return m == 12 ? date_from_ymd(y + 1, 1, 1) : date_from_ymd(y, m + 1, 1);
}
