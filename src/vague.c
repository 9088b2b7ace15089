/* vague.c — lexicon hits plus structural evidence make the verdict.
 *
 * One pass over the folded text finds where words start and whether it
 * holds digits or quote marks; the stop-word vote and the lexicon scans
 * then run their DFAs only at those starts. One DFA per language is
 * cheaper than one merged list, and merging is wrong anyway: "nog" is a
 * hedge in Swedish and means "still" in Dutch. Rejected: skipping starts
 * whose first two letters begin no phrase (lexicon_pairs.h does that for
 * collective names only): common words begin with most pairs, and the
 * test cost more than the DFA runs it saved. */
#include "vague.h"

#include <string.h>

#include "i18n.h"
#include "lexicon_pairs.h"
#include "textnorm.h"
#include "wordlist.h"

typedef int match_fn(const unsigned char *cur, unsigned *len);

static match_fn *const matchers[LANG_COUNT] = { lexicon_match_en, lexicon_match_nl, lexicon_match_sv };
static const struct lexicon_entry *const tables[LANG_COUNT] = { lexicon_en, lexicon_nl, lexicon_sv };

const char *lang_code(enum lang l)
{
	static const char *const codes[LANG_COUNT] = { "en", "nl", "sv" };
	return l >= 0 && l < LANG_COUNT ? codes[l] : "auto";
}

bool lang_parse(const char *s, enum lang *out)
{
	for (int l = 0; l < LANG_COUNT; l++)
		if (!strcmp(s, lang_code((enum lang)l))) {
			*out = (enum lang)l;
			return true;
		}
	if (!strcmp(s, "auto")) {
		*out = LANG_AUTO;
		return true;
	}
	return false;
}

struct hit {
	uint32_t fs, fe;  /* folded span */
	int entry;
};

enum { MAX_HITS = 64 };

/* What a folded byte can be, for the one pass that reads every byte: a
 * word byte (textnorm_is_word), an apostrophe, a digit, the first byte of
 * a double quote mark ('"', and 0xE2 and 0xC2 that begin “ ” „ « »). */
enum { B_WORD = 1, B_APOS = 2, B_DIGIT = 4, B_QUOTE = 8 };

/* Rows of 16 bytes from 0x00. */
static const unsigned char byte_class[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 8, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0,
	5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Where the words of a folded text start, and whether it holds a digit or
 * the first byte of a quote mark. A start is a word byte after a non-word
 * byte (or at 0), or an apostrophe after a word byte ("'s"): the places a
 * lexicon phrase may begin. Found in one pass over the bytes that the vote
 * and every language's scan then share. */
struct words {
	uint32_t *at; /* ascending; room for len (one start a byte at most) */
	uint32_t n;
	bool digit, quote;
};

static void find_words(const struct folded *f, struct words *w)
{
	/* Locals, so the stores into at[] cannot alias the length. The byte
	 * after the text (a NUL or a line end, textnorm.h) is not a word
	 * byte: it ends the last word without a bounds test. */
	const unsigned char *t = f->text;
	const uint32_t len = f->len;
	uint32_t *at = w->at;
	unsigned seen = 0;
	uint32_t n = 0, i = 0;
	while (i < len) {
		unsigned k = byte_class[t[i]];
		if (!(k & B_WORD)) {
			seen |= k;
			i++;
			continue;
		}
		at[n++] = i;
		do {
			seen |= k;
			k = byte_class[t[++i]];
		} while (k & B_WORD);
		if (k & B_APOS)
			at[n++] = i;
	}
	w->n = n;
	w->digit = seen & B_DIGIT;
	w->quote = seen & B_QUOTE;
}

/* Whole-word lexicon hits of one language outside skipped regions (quoted
 * text and IDs). */
static unsigned scan_lang(const struct folded *f, const struct words *w, const unsigned char *skip,
			  enum lang l, const unsigned char *removed, struct hit *hits)
{
	unsigned n = 0;
	const unsigned char *t = f->text;
	uint32_t next = 0;
	for (uint32_t k = 0; k < w->n && n < MAX_HITS; k++) {
		uint32_t i = w->at[k];
		if (i < next || (skip && skip[i]))
			continue;
		unsigned mlen = 0;
		int e = matchers[l](t + i, &mlen);
		if (e >= 0 && mlen > 0 && !(removed && removed[e])) {
			uint32_t end = i + mlen;
			bool ends_word = t[end - 1] == '.' || !textnorm_is_word(t[end]);
			if (ends_word && !(skip && skip[end - 1])) {
				hits[n].fs = i;
				hits[n].fe = end;
				hits[n].entry = e;
				n++;
				next = end;
				continue;
			}
		}
		/* The rest of the word is not read; after an apostrophe that
		 * begins no phrase, neither is the word it joins ("don't" is
		 * tried as "don" and "'t", never "t"). */
		next = t[i] == '\'' ? i + 2 : i + 1;
	}
	return n;
}

/* Count the common words of each language in the text; false if none. */
static bool vote(const struct folded *f, const struct words *w, const unsigned char *skip,
		 int votes[LANG_COUNT])
{
	const unsigned char *t = f->text;
	bool any = false;
	for (uint32_t k = 0; k < w->n; k++) {
		uint32_t i = w->at[k];
		if (t[i] == '\'' || (skip && skip[i]))
			continue;
		unsigned mlen = 0;
		int mask = lexicon_match_stop(t + i, &mlen);
		if (mask && mlen && !textnorm_is_word(t[i + mlen])) {
			for (int l = 0; l < LANG_COUNT; l++)
				if (mask & (1 << l)) {
					votes[l]++;
					any = true;
				}
		}
	}
	return any;
}

/* Whether the best vote is shared (or nobody voted). */
static bool tied(const int votes[LANG_COUNT])
{
	int best = 0, n = 0;
	for (int l = 0; l < LANG_COUNT; l++)
		if (votes[l] > best) {
			best = votes[l];
			n = 1;
		} else if (votes[l] == best) {
			n++;
		}
	return n != 1;
}

/* Letters that give a language away when its common words do not: å, ä
 * and ö are Swedish, "ij" is Dutch. Only read on a tied vote. */
static void letter_hints(const struct folded *f, int letters[LANG_COUNT])
{
	const unsigned char *t = f->text;
	for (uint32_t i = 0; i + 1 < f->len; i++) {
		if (t[i] == 0xC3 && (t[i + 1] == 0xA5 || t[i + 1] == 0xA4 || t[i + 1] == 0xB6))
			letters[LANG_SV]++;
		else if ((t[i] | 0x20) == 'i' && (t[i + 1] | 0x20) == 'j')
			letters[LANG_NL]++;
	}
}

/* Mark bytes inside double quotes ("…", “…”, «…», „…“) in skip (zeroed
 * by the caller); whether any pair of quotes closed. */
static bool mark_quotes(const struct folded *f, unsigned char *skip)
{
	const unsigned char *t = f->text;
	uint32_t open = UINT32_MAX;
	bool any = false;
	for (uint32_t i = 0; i < f->len; i++) {
		unsigned w = 1;
		bool q = false;
		if (t[i] == '"') {
			q = true;
		} else if (t[i] == 0xE2 && t[i + 1] == 0x80 && (t[i + 2] == 0x9C || t[i + 2] == 0x9D || t[i + 2] == 0x9E)) {
			q = true;
			w = 3;
		} else if (t[i] == 0xC2 && (t[i + 1] == 0xAB || t[i + 1] == 0xBB)) {
			q = true;
			w = 2;
		}
		if (!q)
			continue;
		if (open == UINT32_MAX) {
			open = i;
		} else {
			memset(skip + open, 1, i + w - open);
			open = UINT32_MAX;
			any = true;
		}
		i += w - 1;
	}
	return any;
}

/* Whether a folded byte may join the parts of a number, date, time or ID
 * ("2026-11-02", "14:00", "4.2.1", "SUP-3391", "24/7"). */
static bool joins(unsigned char c)
{
	return c == '-' || c == '_' || c == '.' || c == '/' || c == ':';
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* A quarter or half of a year ("Q1", "h2"): a period, not a date. */
static bool is_period(const unsigned char *t, uint32_t len)
{
	unsigned char c = (unsigned char)(t[0] | 0x20);
	return len == 2 && ((c == 'q' && t[1] >= '1' && t[1] <= '4') || (c == 'h' && (t[1] == '1' || t[1] == '2')));
}

/* Tokens with digits: numbers, dates, clock times, week numbers, amounts,
 * versions and IDs, joined by '-', '_', '.', '/', ':' and by ',' between
 * digits ("3,400"). Each one is evidence of specificity, except a quarter
 * or half ("Q1"). A token that mixes letters and digits (an ID such as
 * "SUP-3391" or "TRY-12", a code, "4th", "10am") is marked in skip, so no
 * cue is read inside it. Returns whether any evidence was found; *skip is
 * allocated on the first ID (NULL until then). -1 when out of memory. */
static int scan_digits(struct arena *ar, const struct folded *f, unsigned char **skip)
{
	const unsigned char *t = f->text;
	int evidence = 0;
	uint32_t i = 0;
	while (i < f->len) {
		if (!textnorm_is_word(t[i])) {
			i++;
			continue;
		}
		uint32_t start = i;
		bool digit = false, alpha = false;
		for (;;) {
			while (i < f->len && textnorm_is_word(t[i])) {
				digit |= is_digit(t[i]);
				alpha |= !is_digit(t[i]);
				i++;
			}
			if (i + 1 < f->len && textnorm_is_word(t[i + 1]) &&
			    (joins(t[i]) || (t[i] == ',' && is_digit(t[i - 1]) && is_digit(t[i + 1]))))
				i++;
			else
				break;
		}
		if (!digit || is_period(t + start, i - start))
			continue;
		evidence = 1;
		if (!alpha)
			continue;
		if (!*skip) {
			*skip = arena_alloc(ar, f->len + 1);
			if (!*skip)
				return -1;
			memset(*skip, 0, f->len + 1);
		}
		memset(*skip + start, 1, i - start);
	}
	return evidence;
}

const struct lexicon_entry *vague_lexicon(enum lang l, unsigned *size)
{
	static const unsigned *const sizes[LANG_COUNT] = { &lexicon_en_size, &lexicon_nl_size,
							   &lexicon_sv_size };
	*size = *sizes[l];
	return tables[l];
}

/* Add the configured phrases of language l as strong cues, in text order,
 * where no lexicon cue already stands. */
static void add_custom(const unsigned char *s, const struct folded *f, const unsigned char *skip,
		       const struct wordlist *w, struct vague_result *out)
{
	const unsigned char *t = f->text;
	for (uint32_t i = 0; i < f->len && out->ncues < VAGUE_MAX_CUES; i++) {
		if (!textnorm_is_word(t[i]) || (i > 0 && textnorm_is_word(t[i - 1])) || (skip && skip[i]))
			continue;
		uint32_t phrase, n = wordlist_match(w, t, f->len, i, &phrase);
		if (!n || (skip && skip[i + n - 1]))
			continue;
		struct vague_cue cue = { textnorm_from(f, i), textnorm_from(f, i + n) - textnorm_from(f, i),
					 CUE_OPEN_ENDED, true, w->phrases[phrase], true };
		while (cue.len && (s[cue.off + cue.len - 1] == ' ' || s[cue.off + cue.len - 1] == '\t'))
			cue.len--;
		unsigned k = 0;
		while (k < out->ncues && out->cues[k].off + out->cues[k].len <= cue.off)
			k++;
		if (k < out->ncues && out->cues[k].off < cue.off + cue.len)
			continue; /* overlaps a lexicon cue: that one says more */
		memmove(&out->cues[k + 1], &out->cues[k], (out->ncues - k) * sizeof cue);
		out->cues[k] = cue;
		out->ncues++;
		i += n - 1;
	}
}

int vague_scan(struct arena *ar, const unsigned char *s, uint32_t len, enum lang lang,
	       enum lang fallback, struct vague_result *out)
{
	return vague_scan_custom(ar, s, len, lang, fallback, NULL, out);
}

int vague_scan_custom(struct arena *ar, const unsigned char *s, uint32_t len, enum lang lang,
		      enum lang fallback, const struct vague_custom *custom,
		      struct vague_result *out)
{
	/* Only the counted cues are read, and each is written whole: no
	 * need to clear all eight. */
	out->lang = LANG_EN;
	out->evidence = false;
	out->ncues = 0;
	struct folded f;
	if (textnorm_fold(ar, s, len, &f))
		return -1;
	/* One pass for the word starts and what is cheap to see: digits,
	 * and quote marks. Only then are tokens and quoted regions worth a
	 * closer look. Most texts are short: their starts fit on the stack. */
	uint32_t local[256];
	struct words w = { local, 0, false, false };
	if (f.len >= sizeof local / sizeof local[0]) {
		w.at = arena_alloc(ar, ((size_t)f.len + 1) * sizeof *w.at);
		if (!w.at)
			return -1;
	}
	find_words(&f, &w);
	unsigned char *skip = NULL;
	bool evidence = false;
	if (w.quote) {
		skip = arena_alloc(ar, f.len + 1);
		if (!skip)
			return -1;
		memset(skip, 0, f.len + 1);
		evidence = mark_quotes(&f, skip);
	}
	if (w.digit) {
		int e = scan_digits(ar, &f, &skip);
		if (e < 0)
			return -1;
		evidence |= e > 0;
	}

	struct hit hits[LANG_COUNT][MAX_HITS];
	unsigned nhits[LANG_COUNT] = { 0, 0, 0 };
	enum lang chosen = lang;
	if (chosen == LANG_AUTO) {
		/* Common words vote (one pass for all languages); with no
		 * common word, the language whose lexicon knows more of the
		 * words; with neither, the fallback. */
		int votes[LANG_COUNT] = { 0, 0, 0 }, letters[LANG_COUNT] = { 0, 0, 0 };
		bool any = vote(&f, &w, skip, votes);
		if (tied(votes))
			letter_hints(&f, letters);
		chosen = fallback == LANG_AUTO ? LANG_EN : fallback;
		for (int l = 0; l < LANG_COUNT; l++) {
			if (!any)
				nhits[l] = scan_lang(&f, &w, skip, (enum lang)l, custom ? custom->removed[l] : NULL, hits[l]);
			if (votes[l] != votes[chosen] ? votes[l] > votes[chosen]
			    : letters[l] != letters[chosen] ? letters[l] > letters[chosen]
							    : nhits[l] > nhits[chosen])
				chosen = (enum lang)l;
		}
		if (any)
			nhits[chosen] = scan_lang(&f, &w, skip, chosen, custom ? custom->removed[chosen] : NULL, hits[chosen]);
	} else {
		nhits[chosen] = scan_lang(&f, &w, skip, chosen, custom ? custom->removed[chosen] : NULL, hits[chosen]);
	}
	out->lang = chosen;

	const struct hit *h = hits[chosen];
	const struct lexicon_entry *tab = tables[chosen];
	for (unsigned i = 0; i < nhits[chosen]; i++) {
		enum cue_class c = tab[h[i].entry].cls;
		if (c == CUE_MONTH || c == CUE_WEEKDAY || c == CUE_NUMBER)
			evidence = true;
	}
	out->evidence = evidence;
	for (unsigned i = 0; i < nhits[chosen] && out->ncues < VAGUE_MAX_CUES; i++) {
		const struct lexicon_entry *e = &tab[h[i].entry];
		if ((int)e->cls >= CUE_VAGUE_CLASSES || (!e->strong && evidence))
			continue;
		struct vague_cue *cue = &out->cues[out->ncues++];
		cue->off = textnorm_from(&f, h[i].fs);
		cue->len = textnorm_from(&f, h[i].fe) - cue->off;
		/* the end maps to where the next folded byte came from: step back
		 * over blanks that were folded away */
		while (cue->len && (s[cue->off + cue->len - 1] == ' ' || s[cue->off + cue->len - 1] == '\t'))
			cue->len--;
		cue->cls = e->cls;
		cue->strong = e->strong != 0;
		cue->phrase = e->phrase;
		cue->custom = false;
	}
	if (custom && custom->add[chosen])
		add_custom(s, &f, skip, custom->add[chosen], out);
	return 0;
}

/* Nesting of "<mail>" and "(organisation)" parts in a `by:` value, which
 * the collective check drops. */
struct marks {
	int angle, paren;
};

/* Whether byte b of the value stands outside those parts (the brackets
 * themselves do not). */
static bool outside_marks(struct marks *m, unsigned char b)
{
	if (b == '<') m->angle++;
	else if (b == '>' && m->angle) m->angle--;
	else if (b == '(') m->paren++;
	else if (b == ')' && m->paren) m->paren--;
	else return !m->angle && !m->paren;
	return false;
}

/* Whether a `by:` value may fold to a collective entry, judged from its
 * first bytes outside "<…>" and "(…)" (as vague_is_collective() drops
 * them) after the blanks that folding drops. Where they are ASCII letters,
 * each folding alone to its lower case (no combining mark can follow),
 * their pairs must be pairs of some collective entry (lexicon_pairs.h).
 * Most names stop here. */
static bool may_be_collective(const unsigned char *s, uint32_t len)
{
	unsigned char c[4];
	unsigned n = 0;
	struct marks m = { 0, 0 };
	for (uint32_t i = 0; i < len && n < 4; i++)
		if (outside_marks(&m, s[i]) && (n || (s[i] > ' ' && s[i] != 0x7f)))
			c[n++] = s[i];
	for (unsigned k = 0; k < 2 && k + 2 <= n; k++) {
		/* a letter when below 26: c | 0x20 puts only letters in 'a'..'z' */
		unsigned a = (unsigned)(c[k] | 0x20) - 'a', b = (unsigned)(c[k + 1] | 0x20) - 'a';
		if (a >= 26 || b >= 26 || (k + 2 < n && c[k + 2] >= 0x80 && (c[k + 2] | 1) != 0xC3))
			return true;
		if (!(lexicon_collective_pairs[k][a] >> b & 1))
			return false;
	}
	return true;
}

int vague_is_collective(struct arena *ar, const unsigned char *s, uint32_t len)
{
	if (!may_be_collective(s, len))
		return 0;
	/* Drop "<mail>" and "(organisation)" parts, then trim. */
	unsigned char *clean = arena_alloc(ar, len + 1);
	if (!clean)
		return -1;
	uint32_t n = 0;
	struct marks m = { 0, 0 };
	for (uint32_t i = 0; i < len; i++)
		if (outside_marks(&m, s[i]))
			clean[n++] = s[i];
	clean[n] = '\0';
	struct folded f;
	if (textnorm_fold(ar, clean, n, &f))
		return -1;
	if (f.len == 0)
		return 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		unsigned mlen = 0;
		int e = matchers[l](f.text, &mlen);
		if (e >= 0 && mlen == f.len && tables[l][e].cls == CUE_COLLECTIVE)
			return 1;
	}
	return 0;
}

const char *vague_class_name(enum cue_class c)
{
	static const char *const names[CUE_VAGUE_CLASSES] = {
		N_("time"), N_("effort"), N_("condition"), N_("quantity"), N_("quality"),
		N_("open-ended"), N_("follow-up"), N_("activity"),
	};
	return (int)c < CUE_VAGUE_CLASSES ? names[c] : "";
}

const char *vague_class_hint(enum cue_class c)
{
	switch (c) {
	case CUE_TIME: return N_("name the day: a date in `due:`, or 'by 4 December' in the text");
	case CUE_EFFORT: return N_("promise what you will do, not what you will attempt");
	case CUE_CONDITION: return N_("state the condition plainly, or leave it out and promise less");
	case CUE_QUANTITY: return N_("say how many or how much");
	case CUE_QUALITY: return N_("say what will be better, measured how, and to what level");
	case CUE_OPEN_ENDED: return N_("list everything that is promised; an open list promises anything");
	case CUE_FOLLOWUP: return N_("promise the outcome of the look (an answer, a fix, a report) and its date");
	case CUE_ACTIVITY: return N_("promise what the help will achieve: what will work, or be delivered, and by when");
	default: return "";
	}
}
