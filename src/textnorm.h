/* textnorm.h — text folded for matching words, with a way back to the bytes.
 *
 * Plain text — printable ASCII and lower-case Latin-1 letters (à-ÿ, with
 * no combining mark) with single spaces — is not copied: the lexicon's
 * matchers ignore ASCII case and folding keeps those letters, so the text
 * is matched where it stands (`text` then points into the caller's
 * buffer, whose line ends stop every match; callers outside a parsed
 * buffer must pass text that ends in a NUL or a line end). Everything
 * else is copied folded:
 * Unicode case folding and NFKC (composed and decomposed accents
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
	const unsigned char *text; /* ends in a NUL, or (plain text) in the
				      line end of the buffer it came from */
	uint32_t *from;      /* from[i]: original offset folded byte i came from;
				from[len] == the original length. NULL for
				plain text (above): then byte i came from i
				(a copy maps every byte of a character to its
				first; the two agree at character starts) */
	uint32_t len;
};

int textnorm_fold(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *out);
/* Always a folded copy (lower-cased ASCII too): for text that is stored
 * and compared, such as configured words. */
int textnorm_fold_copy(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *out);

/* The original offset folded byte i (0 <= i <= len) came from. */
static inline uint32_t textnorm_from(const struct folded *f, uint32_t i)
{
	return f->from ? f->from[i] : i;
}

/* textnorm_word[c] is 1 when byte c belongs to a word (ASCII letters and
 * digits, and every byte of a non-ASCII character), else 0. */
extern const unsigned char textnorm_word[256];

/* Whether a folded byte belongs to a word. A table: the word loops of the
 * lexicon scan test every byte of every text. */
static inline int textnorm_is_word(unsigned char c)
{
	return textnorm_word[c];
}

#endif
