/* fingerprint.h — a finding's identity that survives edits around it.
 *
 * A fingerprint hashes the rule, the promise's ID and the text the finding
 * points at (the span; the whole line for an empty span). Line and column
 * numbers are left out, so a promise that moves within its file, or to
 * another file, keeps the fingerprints of its findings. The file name is
 * hashed only for findings outside any identified promise (a syntax error
 * before the first header, a record without an ID), where nothing else
 * tells two files apart. Identical fingerprints are possible (the same
 * unknown key twice in one record); fingerprint_list() numbers them.
 *
 * Used by the baseline and by the SARIF and GitLab renderers. */
#ifndef PROMISE_FINGERPRINT_H
#define PROMISE_FINGERPRINT_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "diag.h"

enum { FINGERPRINT_HEX = 32 };

/* 32 lower-case hex digits and a NUL into out. `file` is the finding's file
 * name as reported. */
void fingerprint_diag(const struct diag *d, const char *file, char out[FINGERPRINT_HEX + 1]);

/* Fingerprints for a whole list: hex[i] is item i's, and occurrence[i]
 * counts the items before i (in list order) with the same fingerprint, so
 * (fingerprint, occurrence) is unique in the list. Both arrays are
 * allocated from `alloc` and freed with fingerprint_list_free(). -1 when
 * out of memory. */
struct fingerprint_list {
	char (*hex)[FINGERPRINT_HEX + 1];
	uint32_t *occurrence;
	size_t len;
	const struct allocator *alloc;
};

int fingerprint_list(struct fingerprint_list *out, const struct diag_list *l,
		     const char *const *files, const struct allocator *alloc);
void fingerprint_list_free(struct fingerprint_list *fl);

#endif
