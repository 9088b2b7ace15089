/* period.h — stretches of days: durations given on the command line and
 * the ISO 8601 calendar week.
 *
 * Durations are whole days: "14" or "14d" (days), "2w" (weeks). Weeks
 * start on Monday; week 1 of a year is the week that holds its first
 * Thursday, so 2026-12-31 and 2027-01-01 both lie in 2026-W53. Day numbers
 * are date.h's. */
#ifndef PROMISE_PERIOD_H
#define PROMISE_PERIOD_H

#include <stdbool.h>
#include <stdint.h>

/* Parse a duration into days, 0 to max_days. False when it is not one. */
bool period_parse_days(const char *s, int max_days, int *days);

/* The Monday of the week `day` lies in. */
int32_t period_monday(int32_t day);

/* The ISO week-numbering year and week (1-53) of `day`. */
void period_iso_week(int32_t day, int *year, int *week);

/* The first day of the month `day` lies in, and of the month after it. */
int32_t period_month_start(int32_t day);
int32_t period_next_month(int32_t month_start);

#endif
