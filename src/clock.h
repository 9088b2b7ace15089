/* clock.h — which day it is, for commands and for the long-running server.
 *
 * The day comes from the environment variable PROMISE_TODAY (YYYY-MM-DD)
 * when it is set and not empty, else from the system clock in the local
 * time zone. A command resolves it once; the editor server asks again
 * whenever it wakes, because a promise falls overdue at midnight without
 * any edit. Nothing here prints: a bad PROMISE_TODAY is returned as
 * CLOCK_BAD_ENV and the command says so. */
#ifndef PROMISE_CLOCK_H
#define PROMISE_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

enum clock_status { CLOCK_OK = 0, CLOCK_BAD_ENV };

/* Today's day number (date.h) at time `now`; *fixed is set when the day is
 * pinned by PROMISE_TODAY (it then never changes). */
enum clock_status clock_today(time_t now, int32_t *day, bool *fixed);

/* Milliseconds from `now` until the next local midnight (at least 1). */
long clock_ms_to_midnight(time_t now);

#endif
