/* ics.h — iCalendar (RFC 5545) for promises with a due date.
 *
 * One VEVENT per promise given: all-day on the due date, or at the due
 * time when it has one (in UTC when the due has an offset, floating local
 * time when not). UIDs are derived from the promise ID ("ACME-12@promise"),
 * so a promise keeps its UID from one export to the next and a calendar
 * that imports the file again updates the event instead of adding one; a
 * promise without an ID gets one derived from its promiser, text and date
 * made. SEQUENCE counts the renegotiations, so a moved due date supersedes
 * the old one.
 *
 * Content lines end in CR LF and are folded before 75 octets (a folded
 * line goes on after CR LF and one space), never inside a UTF-8 character.
 * TEXT values escape backslash, semicolon, comma and line breaks. Output is
 * appended to a buf; functions return -1 when out of memory. */
#ifndef PROMISE_ICS_H
#define PROMISE_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "ledger.h"

/* Append `s` escaped as an iCalendar TEXT value (unfolded). */
int ics_escape_text(struct buf *out, const char *s);
/* Append one content line (without its line end), folded, with CR LF. */
int ics_fold(struct buf *out, const char *line, size_t len);

/* The whole calendar for `items` (in the order given). `stamp` is the
 * DTSTAMP, in seconds since 1970 UTC. */
int ics_calendar(struct buf *out, const struct ledger *l, const struct ledger_promise *const *items,
		 size_t n, int64_t stamp);

#endif
