/* wordlist.h — phrases added at run time (a configuration's vague words),
 * matched whole-word in folded text.
 *
 * A byte trie over phrases folded with textnorm_fold(), so matching has the
 * lexicons' semantics: case, accents in either composition, ligatures and
 * curly apostrophes do not matter, and a phrase matches only where a word
 * starts and ends ("some" never in "handsome"). The list owns its nodes and
 * phrase copies (from its allocator). Adding returns -1 when memory runs
 * out; the list stays usable. */
#ifndef PROMISE_WORDLIST_H
#define PROMISE_WORDLIST_H

#include <stdbool.h>
#include <stdint.h>

#include "alloc.h"

struct wordlist_node;

struct wordlist {
	const struct allocator *alloc;
	struct wordlist_node *nodes;  /* nodes[0] is the root */
	uint32_t nnodes, cap;
	char **phrases;               /* folded, NUL-terminated */
	uint32_t nphrases, cap_phrases;
};

void wordlist_init(struct wordlist *w, const struct allocator *alloc);
void wordlist_release(struct wordlist *w);

/* Fold `s` and add it. 0 on success (also for a phrase already present and
 * for one that folds to nothing, which is ignored), -1 out of memory. */
int wordlist_add(struct wordlist *w, const char *s, uint32_t len);

/* The longest phrase that starts at folded byte i of t (t[len] == '\0') and
 * ends where a word ends: its length in bytes, and its index in *phrase;
 * 0 when none does. The caller checks that i starts a word. */
uint32_t wordlist_match(const struct wordlist *w, const unsigned char *t, uint32_t len, uint32_t i,
			uint32_t *phrase);

/* Whether the folded phrase is in the list exactly. */
bool wordlist_contains(const struct wordlist *w, const unsigned char *folded, uint32_t len);

#endif
