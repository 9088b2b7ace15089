/* textnorm.h — text folded for matching words, with a way back to the bytes.
 *
 * Folding: Unicode case folding and NFKC (composed and decomposed accents
 * alike, the ĳ ligature as "ij", non-breaking and other spaces as a space),
 * curly apostrophes as "'", every run of white space, control characters
 * and invalid bytes as one space. Each folded byte remembers the offset of
 * the original bytes it came from, so a match in folded text maps back to
 * exact source positions. Both arrays live in the given arena. */
#ifndef PROMISE_TEXTNORM_H
#define PROMISE_TEXTNORM_H

#include <stdint.h>

#include "arena.h"

struct folded {
	unsigned char *text; /* NUL-terminated */
	uint32_t *from;      /* from[i]: original offset folded byte i came from;
				from[len] == the original length */
	uint32_t len;
};

int textnorm_fold(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *out);

/* Whether a folded byte belongs to a word (ASCII letters and digits, and
 * every byte of a non-ASCII character). */
static inline int textnorm_is_word(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || (c >= 'A' && c <= 'Z');
}

#endif
