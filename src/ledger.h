/* ledger.h — what the listing commands know about every promise.
 *
 * `list`, `agenda`, `report` and `export` look at promises, not at
 * findings. The analysis hands each record to ledger_on_record() while its
 * chunk is alive (analyze.h's on_record); the ledger copies what those
 * commands show (IDs, texts, names, dates, status, dated entries, where the
 * record stands) into its own arena, so it outlives the chunks and memory
 * grows with the number of promises, not with the size of the files.
 *
 * Ownership: the ledger owns every string and array it hands out; they stay
 * valid until ledger_release(). Sorting reorders `items` in place. */
#ifndef PROMISE_LEDGER_H
#define PROMISE_LEDGER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "party.h"

enum { LEDGER_NO_DATE = INT32_MIN };

/* A dated entry: `extra:`, `renegotiated:`. */
struct ledger_entry {
	int32_t day;              /* LEDGER_NO_DATE when it has no readable date */
	const char *text;         /* what follows the date */
};

struct ledger_promise {
	const char *id;           /* "" when the header has no usable ID */
	const char *text;         /* what was promised */
	const char *by, *to;      /* as written, continuation lines joined; NULL if absent */
	struct party_name by_name, to_name; /* keys "" when absent */
	int32_t made, due;        /* LEDGER_NO_DATE when absent or not a date */
	int16_t due_minute;       /* minute of the day, -1 without a time */
	int16_t due_offset;       /* minutes east of UTC, when due_has_offset */
	bool due_has_offset;
	const char *due_text;     /* the due as written, NULL if absent ("soon") */
	enum status_kind status;
	int32_t status_day;       /* the kept/broken/released date, or LEDGER_NO_DATE */
	uint32_t file, line;      /* index into `files`, 1-based header line */
	uint32_t order;           /* the order records were read in */
	struct ledger_entry *extras, *renegotiations;
	uint32_t nextras, nrenegotiations;
};

struct ledger {
	const struct allocator *alloc;
	struct arena strings;
	struct arena scratch;     /* reset for every record */
	struct ledger_promise *items;
	size_t len, cap;
	const char **files;       /* display names, by file index (valid UTF-8) */
	size_t nfiles;
};

void ledger_init(struct ledger *l, const struct allocator *alloc);
void ledger_release(struct ledger *l);

/* An analysis_record_fn (analyze.h) with the ledger as ctx: copies one
 * record. Nonzero when out of memory. */
int ledger_on_record(void *ctx, uint32_t file, const struct chunk_model *m, const struct record *r);
/* Copy the analysis' file names (index i names file i), invalid UTF-8
 * shown as U+FFFD. -1 when out of memory. */
int ledger_set_files(struct ledger *l, char *const *names, size_t n);

/* How a promise ended, as the trust balance counts it. */
enum ledger_outcome {
	OUTCOME_OPEN,             /* no status, or `open` */
	OUTCOME_KEPT_ON_TIME,     /* kept on or before the due date, or without one */
	OUTCOME_KEPT_LATE,
	OUTCOME_BROKEN,
	OUTCOME_RELEASED,
	OUTCOME_UNKNOWN           /* a status the parser could not read */
};
enum ledger_outcome ledger_outcome(const struct ledger_promise *p);
/* The status word ("open", "kept", "broken", "released", "invalid"). */
const char *ledger_status_name(enum status_kind s);

static inline bool ledger_is_open(const struct ledger_promise *p)
{
	return p->status == STATUS_NONE || p->status == STATUS_OPEN;
}

/* Open, and due before today (a promise due on a day is overdue from the
 * next day on). */
static inline bool ledger_is_overdue(const struct ledger_promise *p, int32_t today)
{
	return ledger_is_open(p) && p->due != LEDGER_NO_DATE && p->due < today;
}

/* Sort by due date and time (no due date last; a date without a time
 * counts as the end of that day), then ID, then the order read. */
void ledger_sort_by_due(struct ledger *l);

/* The due date in ISO 8601: "2026-11-25", "2026-11-25T12:00",
 * "2026-11-25T12:00+01:00"; "" without a due date. */
void ledger_due_iso(const struct ledger_promise *p, char out[32]);

/* Which promises a command shows; every filter that is set must hold. */
enum ledger_status_set {
	LEDGER_OPEN = 1 << 0,     /* no status, or `open` */
	LEDGER_KEPT = 1 << 1,
	LEDGER_BROKEN = 1 << 2,
	LEDGER_RELEASED = 1 << 3
};

struct ledger_filter {
	int32_t today;
	bool overdue;             /* open and due before today */
	int due_within;           /* open and due by today + N days; -1: off */
	const char *by, *to;      /* folded names (party.h) to find in `by:`/`to:` */
	unsigned statuses;        /* enum ledger_status_set bits; 0: any */
};

void ledger_filter_init(struct ledger_filter *f, int32_t today);
bool ledger_filter_match(const struct ledger_filter *f, const struct ledger_promise *p);
/* Parse "open", "kept,broken", ... into status bits. */
bool ledger_parse_statuses(const char *s, unsigned *bits);

#endif
