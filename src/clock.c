/* clock.c — PROMISE_TODAY, else localtime_r(). The time is passed in, so
 * the server's day-change logic can be driven from a test with any time. */
#include "clock.h"

#include <stdlib.h>

#include "date.h"

enum clock_status clock_today(time_t now, int32_t *day, bool *fixed)
{
	const char *env = getenv("PROMISE_TODAY");
	if (env && *env) {
		*fixed = true;
		return date_parse_iso(env, day) ? CLOCK_OK : CLOCK_BAD_ENV;
	}
	*fixed = false;
	struct tm tm;
	if (!localtime_r(&now, &tm)) {
		*day = (int32_t)(now / 86400);
		return CLOCK_OK;
	}
	*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return CLOCK_OK;
}

long clock_ms_to_midnight(time_t now)
{
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return 1000L * (86400 - now % 86400);
	long left = 86400L - (tm.tm_hour * 3600L + tm.tm_min * 60L + tm.tm_sec);
	return left > 0 ? left * 1000 : 1;
}
