/* vague.h — which words make a promise text vague, in which language.
 *
 * The text is folded (textnorm.h), its language chosen unless given (a vote
 * of common words; on a tie, letters such as å/ä/ö and "ij"; then the
 * lexicon that knows more of its words; then the fallback), and that
 * language's lexicon (lexicon.h) run at every word start, whole words only.
 * Strong cues are vague wherever they stand; weak cues only when the text
 * holds no evidence of specificity: a token with a digit (a date in any
 * form, a week number, a clock time, a span, an amount, an ID; not a bare
 * "Q1"), a number, month or weekday word, or a quoted name. Quoted text and
 * tokens that mix letters and digits (IDs, codes) are never searched for
 * cues; bounds ("no later than") and promise verbs ("will") are lexicon
 * entries that are never cues. A text with neither cues nor evidence names
 * nothing that can be checked: the rule reports that when the promise has
 * no due date either. Cues come back as source offsets. */
#ifndef PROMISE_VAGUE_H
#define PROMISE_VAGUE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "lexicon.h"

enum lang { LANG_AUTO = -1, LANG_EN, LANG_NL, LANG_SV, LANG_COUNT };

const char *lang_code(enum lang l);        /* "en", "nl", "sv" */
bool lang_parse(const char *s, enum lang *out);

enum { VAGUE_MAX_CUES = 8 };

struct vague_cue {
	uint32_t off, len;         /* in the original text */
	enum cue_class cls;
	bool strong;
	const char *phrase;        /* the lexicon's spelling */
	bool custom;               /* added by a configuration (strong, class
				      CUE_OPEN_ENDED), not from a lexicon */
};

struct vague_result {
	enum lang lang;            /* the language the text was read in */
	bool evidence;             /* something concrete stands in the text (above) */
	unsigned ncues;            /* vague cues that count (after gating) */
	struct vague_cue cues[VAGUE_MAX_CUES];
};

/* Scan a promise text. `lang` forces a language; LANG_AUTO votes, falling
 * back to `fallback` when no stop word decides. -1 when out of memory. */
int vague_scan(struct arena *ar, const unsigned char *s, uint32_t len, enum lang lang,
	       enum lang fallback, struct vague_result *out);

struct wordlist;

/* A configuration's changes to the lexicons, per language: phrases to add
 * (always vague, matched like lexicon phrases) and lexicon entries to
 * ignore (removed[l][i] nonzero: entry i of language l's lexicon). NULL
 * pointers mean no change. */
struct vague_custom {
	const struct wordlist *add[LANG_COUNT];
	const unsigned char *removed[LANG_COUNT];
};

/* vague_scan() with a configuration's changes; custom may be NULL. */
int vague_scan_custom(struct arena *ar, const unsigned char *s, uint32_t len, enum lang lang,
		      enum lang fallback, const struct vague_custom *custom,
		      struct vague_result *out);

/* The lexicon of a language, for configurations that remove entries. */
const struct lexicon_entry *vague_lexicon(enum lang l, unsigned *size);

/* Whether a `by:` value names a group rather than a person ("we", "het
 * team", "vi", "Sales"); an e-mail address or a parenthesised part is
 * ignored. -1 when out of memory, else 0 or 1. */
int vague_is_collective_folded(struct arena *ar, const unsigned char *s, uint32_t len);

/* vague_is_collective_folded(), with most names answered here: a value
 * that begins with three ASCII letters or single spaces that fold alone
 * (no combining mark after them) folds to a value that begins with them,
 * lower-cased (or is the first two, when the rest is blank), and they
 * must begin some collective entry. */
static inline int vague_is_collective(struct arena *ar, const unsigned char *s, uint32_t len)
{
	if (len >= 3 && (len == 3 || s[3] < 0x80 || (s[3] | 1) == 0xC3)) {
		unsigned a = lexicon_prefix3_byte[s[0]], b = lexicon_prefix3_byte[s[1]],
			 c = lexicon_prefix3_byte[s[2]];
		if (a < 26 && b < 27 && c < 27 && (b < 26 || c < 26)) {
			unsigned i = (a * 27 + b) * 27 + c;
			if (!(lexicon_collective_prefix3[i / 32] >> i % 32 & 1))
				return 0;
		}
	}
	return vague_is_collective_folded(ar, s, len);
}

/* The category's name ("time", "effort", ...) and a hint on being specific,
 * in English: pass them through _() (i18n.h) to show them. */
const char *vague_class_name(enum cue_class c);
const char *vague_class_hint(enum cue_class c);

#endif
