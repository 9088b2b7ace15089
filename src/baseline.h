/* baseline.h — findings a team has accepted for now, so that adopting the
 * linter on old promises fails only on new problems.
 *
 * A baseline is a JSON file (written by --write-baseline, read by
 * --baseline) listing findings by fingerprint (fingerprint.h), with the
 * rule, file and promise for people reading it in review. Matching uses
 * the fingerprint alone and counts: a fingerprint recorded twice hides at
 * most two findings. Since fingerprints ignore line numbers, edits that move
 * promises do not bring old findings back. Entries are written sorted, so
 * the file changes only when the findings do.
 *
 * Nothing here prints. Loading returns BASELINE_INVALID with a message for
 * a file that is not a baseline; BASELINE_IO leaves errno set. */
#ifndef PROMISE_BASELINE_H
#define PROMISE_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "fingerprint.h"

enum baseline_status { BASELINE_OK = 0, BASELINE_INVALID = 1, BASELINE_NOMEM = -1, BASELINE_IO = -2 };

struct baseline_entry {
	char fingerprint[FINGERPRINT_HEX + 1];
	uint32_t count;     /* how many findings it may still hide */
	uint32_t total;     /* how many it was recorded for */
};

struct baseline {
	const struct allocator *alloc;
	struct baseline_entry *items; /* sorted by fingerprint, unique */
	size_t len, cap;
};

void baseline_init(struct baseline *b, const struct allocator *alloc);
void baseline_release(struct baseline *b);

enum baseline_status baseline_load(struct baseline *b, const char *path, char *why, size_t why_size);
/* Parse a baseline from memory (for tests). */
enum baseline_status baseline_parse(struct baseline *b, const char *text, size_t len, char *why,
				    size_t why_size);

/* Remove the findings the baseline holds from the list (which keeps its
 * order). Returns how many were removed. Call once per loaded baseline:
 * matching uses up the counts. -1 when out of memory. */
long baseline_filter(struct baseline *b, struct diag_list *l, const char *const *files);

/* Entries that matched nothing in baseline_filter(): problems since fixed. */
size_t baseline_unmatched(const struct baseline *b);

/* The baseline text for a list of findings. */
int baseline_format(struct buf *out, const struct diag_list *l, const char *const *files);

#endif
