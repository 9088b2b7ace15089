/* vague.c — lexicon hits plus structural evidence make the verdict.
 *
 * A generated scanner (lexicon_words(), lexicon.h) reads each text once:
 * it finds the words, checks on the way that folding would leave the text
 * as it stands (most texts: then nothing is copied, else it reads a folded
 * copy), notes digits and quote marks, and names each word that begins a
 * phrase or is a common word (its lead), adding up the language vote as it
 * goes; a word that leads nothing is dropped there. The scan of the chosen
 * language then takes each lead's verdict from generated tables: a word
 * that is a whole phrase is a hit without a matcher, and the language's
 * matcher (its DFA: longest match) runs only where a longer phrase begins
 * with the word and the text goes on as one does (the two letters after
 * the space). Exact: a phrase can only end a word where the word is its
 * lead, so the tables say what the matchers would. The scan looks only at
 * the leads that may give a kept hit, and a text with none is not
 * scanned. One DFA per language,
 * as merging is wrong anyway: "nog" is a hedge in Swedish and means
 * "still" in Dutch.
 * Why so: folding, finding the words byte by byte and then running the
 * stop-word DFA and the language's DFA at every word start took two and a
 * half times the instructions; word bitmaps 16 bytes at a time (SSE2)
 * with a hash lookup a word (tried) about twice. Rejected also:
 * letter-pair tables for the lexicons (common words begin with most
 * pairs; lexicon_pairs.h keeps them for collective names), and leaving
 * the DFA where a word stops being a lead to skip the rest of it eight
 * bytes at a time (tried: more instructions, not fewer; the rest of a
 * word is a few bytes, and each lead must then check the byte after
 * it). */
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

/* The lexicon's word for what vote() counts: 16 bits a language. */
static inline uint64_t spread(unsigned mask)
{
	return (uint64_t)(mask & 1) | (uint64_t)(mask & 2) << 15 | (uint64_t)(mask & 4) << 30;
}

/* What the common words (stop-word matcher) at t count, as
 * lexicon_lead_vote[] does. */
static uint64_t stop_votes(const unsigned char *t)
{
	unsigned mlen = 0;
	int mask = lexicon_match_stop(t, &mlen);
	return mlen && !textnorm_is_word(t[mlen]) ? spread((unsigned)mask) : 0;
}

/* The classes whose hits make the verdict: the vague cues, and month,
 * weekday and number words (evidence). */
#define KEEP_CLASSES (((1u << CUE_VAGUE_CLASSES) - 1) | 1u << CUE_MONTH | 1u << CUE_WEEKDAY | 1u << CUE_NUMBER)

/* Whole-word lexicon hits of one language outside skipped regions (quoted
 * text and IDs), at the places lexicon_words() found: their count in
 * *count (at most MAX_HITS) when count is not NULL, and those of
 * KEEP_CLASSES in hits (their number returned). Other hits (common words,
 * bounds...) matter only as hits: in the count, and where a longer one
 * covers words. A one-word hit covers nothing that follows it; so without
 * a count, and with fewer places than MAX_HITS, such hits are passed. */
/* Inlined where the compiler lets us say so: its setup is a good part of
 * its cost on short texts, and it is called once a text. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline unsigned scan_lang(const unsigned char *t, const struct lexicon_words *w, const unsigned char *skip,
			  enum lang l, const unsigned char *removed, struct hit *hits, unsigned *count)
{
	const uint32_t *const at = w->at, nw = w->n;
	const unsigned pass = count || nw >= MAX_HITS ? 0 : LEXICON_LEAD_KEEP;
	/* Where only kept hits matter, so do only the leads that may give one
	 * (lexicon.h). */
	const uint16_t *const lead = w->lead, *const entry = pass ? lexicon_lead_keep[l] : lexicon_lead_entry[l],
		       *const self = lexicon_lead_self[l];
	unsigned n = 0, kept = 0;
	uint32_t next = 0;
	for (uint32_t k = 0; k < nw; k++) {
		/* A word that leads no phrase changes nothing: not even
		 * `next` (the next place is past it). Most places are such. */
		unsigned e = entry[lead[k]];
		if (e == LEXICON_LEAD_NONE)
			continue;
		uint32_t i = at[k];
		if (i < next)
			continue;
		if (e < pass)
			continue; /* a one-word hit that does not count */
		if (skip && skip[i])
			continue;
		if (e == LEXICON_LEAD_MATCH) {
			/* unless the text goes on as a longer phrase does, the
			 * matcher would find the word itself (or no phrase) */
			if (!lexicon_goes_on(l, lead[k], t + i + lexicon_lead_len[lead[k]]) &&
			    ((e = self[lead[k]]) == LEXICON_LEAD_NONE || e < pass))
				continue;
		}
		uint32_t end;
		if (e != LEXICON_LEAD_MATCH) {
			/* the whole word is the phrase */
			end = i + lexicon_lead_len[lead[k]];
			if ((removed && removed[e & ~LEXICON_LEAD_KEEP]) || (skip && skip[end - 1])) {
				next = i + 1;
				continue;
			}
		} else {
			unsigned mlen = 0;
			int m = matchers[l](t + i, &mlen);
			end = i + mlen;
			if (m < 0 || !mlen || (removed && removed[m]) ||
			    !(t[end - 1] == '.' || !textnorm_is_word(t[end])) || (skip && skip[end - 1])) {
				/* The rest of the word is not read; after an
				 * apostrophe that begins no phrase, neither is
				 * the word it joins ("don't" is tried as "don"
				 * and "'t", never "t"). */
				next = t[i] == '\'' ? i + 2 : i + 1;
				continue;
			}
			e = (unsigned)m | (KEEP_CLASSES >> tables[l][m].cls & 1 ? LEXICON_LEAD_KEEP : 0);
		}
		if (e & LEXICON_LEAD_KEEP) {
			hits[kept].fs = i;
			hits[kept].fe = end;
			hits[kept].entry = (int)(e & ~LEXICON_LEAD_KEEP);
			kept++;
		}
		next = end;
		if (++n == MAX_HITS)
			break;
	}
	if (count)
		*count = n;
	return kept;
}

/* Count the common words of each language in the text outside skipped
 * regions: all of them, or only those lexicon_words() left to the
 * matcher. */
static void vote(const unsigned char *t, const struct lexicon_words *w, const unsigned char *skip, bool all,
		 int votes[LANG_COUNT])
{
	for (uint32_t k = 0; k < w->n; k++) {
		uint32_t i = w->at[k];
		if (t[i] == '\'' || (skip && skip[i]))
			continue;
		uint64_t v = lexicon_lead_vote[w->lead[k]];
		if (v & LEXICON_VOTE_MATCH)
			v = stop_votes(t + i);
		else if (!all)
			continue;
		for (int l = 0; l < LANG_COUNT; l++)
			votes[l] += (int)(v >> 16 * l & 0xffff);
	}
}

/* The language with the most votes, or LANG_AUTO when the best vote is
 * shared (or nobody voted). */
static inline enum lang best_vote(const int votes[LANG_COUNT])
{
	int a = votes[LANG_EN], b = votes[LANG_NL], c = votes[LANG_SV];
	int best = a > b ? a : b;
	best = best > c ? best : c;
	if (!best || (a == best) + (b == best) + (c == best) != 1)
		return LANG_AUTO;
	return a == best ? LANG_EN : b == best ? LANG_NL : LANG_SV;
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

/* Room in w for the places of a text of len bytes (one a byte at most),
 * past the `local` it has. */
static int room(struct arena *ar, struct lexicon_words *w, uint32_t len, uint32_t local)
{
	if (len < local)
		return 0;
	w->at = arena_alloc(ar, ((size_t)len + 1) * sizeof *w->at);
	w->lead = arena_alloc(ar, ((size_t)len + 1) * sizeof *w->lead);
	return w->at && w->lead ? 0 : -1;
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
	/* One pass over the text (lexicon_words()) finds the words that may
	 * begin a phrase, and what is cheap to see: digits and quote marks;
	 * only then are tokens and quoted regions worth a closer look. It
	 * reads the text where it stands when folding would leave it as it
	 * is, and a folded copy when it finds that folding would not. Most
	 * texts are short: their words fit on the stack. */
	enum { LOCAL = 256 };
	uint32_t local_at[LOCAL];
	uint16_t local_lead[LOCAL];
	struct lexicon_words w = { local_at, local_lead, 0, 0, 0, 0 };
	struct folded f = { s, NULL, len };
	/* the ends that folding keeps, and a terminator that ends the scan */
	bool plain = len && s[0] != ' ' && s[len - 1] != ' ' && (s[len] < 0x20 || s[len] == 0x7f);
	if (plain && room(ar, &w, len, LOCAL))
		return -1;
	if (!plain || lexicon_words(s, len, 1, &w)) {
		if (textnorm_fold_copy(ar, s, len, &f) || room(ar, &w, f.len, LOCAL))
			return -1;
		lexicon_words(f.text, f.len, 0, &w);
	}
	const unsigned char *t = f.text;
	unsigned char *skip = NULL;
	bool evidence = false;
	if (w.seen & LEXICON_QUOTE) {
		skip = arena_alloc(ar, f.len + 1);
		if (!skip)
			return -1;
		memset(skip, 0, f.len + 1);
		evidence = mark_quotes(&f, skip);
	}
	if (w.seen & LEXICON_DIGIT) {
		int e = scan_digits(ar, &f, &skip);
		if (e < 0)
			return -1;
		evidence |= e > 0;
	}

	struct hit hits[LANG_COUNT][MAX_HITS];
	unsigned nhits[LANG_COUNT] = { 0, 0, 0 }, nkept[LANG_COUNT] = { 0, 0, 0 };
	enum lang chosen = lang;
	if (chosen == LANG_AUTO && !skip && !(w.votes >> 48) && f.len < 2 * 0xffff) {
		/* The usual text: lexicon_words() counted every vote (nothing
		 * is skipped, no common phrase is left to the matcher, the
		 * counts fit in 16 bits), and one language has the most. A
		 * shared best vote goes the long way below. */
		uint32_t a = (uint32_t)(w.votes & 0xffff), b = (uint32_t)(w.votes >> 16 & 0xffff),
			 c = (uint32_t)(w.votes >> 32 & 0xffff);
		chosen = a > b && a > c ? LANG_EN : b > a && b > c ? LANG_NL : c > a && c > b ? LANG_SV : LANG_AUTO;
	}
	bool scanned = false; /* all three languages, to count their hits */
	if (chosen == LANG_AUTO) {
		/* Common words vote (one pass for all languages); with no
		 * common word, the language whose lexicon knows more of the
		 * words; with neither, the fallback. */
		int letters[LANG_COUNT] = { 0, 0, 0 };
		int votes[LANG_COUNT] = { 0, 0, 0 };
		/* what lexicon_words() counted, where nothing is skipped
		 * and the counts fit in 16 bits (a word takes two bytes) */
		bool counts = !skip && f.len < 2 * 0xffff;
		if (counts)
			for (int l = 0; l < LANG_COUNT; l++)
				votes[l] = (int)(w.votes >> 16 * l & 0xffff);
		if (!counts || w.votes >> 48)
			vote(t, &w, skip, !counts, votes);
		bool any = votes[0] || votes[1] || votes[2];
		enum lang best = best_vote(votes);
		if (best != LANG_AUTO) {
			chosen = best; /* the usual case: the votes decide */
		} else {
			letter_hints(&f, letters);
			chosen = fallback == LANG_AUTO ? LANG_EN : fallback;
			for (int l = 0; l < LANG_COUNT; l++) {
				if (!any)
					nkept[l] = scan_lang(t, &w, skip, (enum lang)l,
							     custom ? custom->removed[l] : NULL, hits[l], &nhits[l]);
				if (votes[l] != votes[chosen] ? votes[l] > votes[chosen]
				    : letters[l] != letters[chosen] ? letters[l] > letters[chosen]
								    : nhits[l] > nhits[chosen])
					chosen = (enum lang)l;
			}
		}
		scanned = !any;
	}
	/* A text with no lead that the chosen language needs for a kept hit
	 * (lexicon.h) has none: it is not scanned. */
	if (!scanned && ((w.keeps >> chosen & 1) || w.n >= MAX_HITS)) {
		/* Most texts have nothing skipped and no words removed: the
		 * scan without those tests is worth its copy. */
		const unsigned char *removed = custom ? custom->removed[chosen] : NULL;
		nkept[chosen] = !skip && !removed ? scan_lang(t, &w, NULL, chosen, NULL, hits[chosen], NULL)
						  : scan_lang(t, &w, skip, chosen, removed, hits[chosen], NULL);
	}
	out->lang = chosen;

	/* Month, weekday and number words are evidence too; the cues are the
	 * hits of vague classes, weak ones only without evidence. */
	const struct hit *h = hits[chosen];
	const struct lexicon_entry *tab = tables[chosen];
	unsigned vague[MAX_HITS], nvague = 0;
	for (unsigned i = 0; i < nkept[chosen]; i++) {
		enum cue_class c = tab[h[i].entry].cls;
		if ((int)c < CUE_VAGUE_CLASSES)
			vague[nvague++] = i;
		else
			evidence = true; /* month, weekday, number */
	}
	out->evidence = evidence;
	for (unsigned k = 0; k < nvague && out->ncues < VAGUE_MAX_CUES; k++) {
		unsigned i = vague[k];
		const struct lexicon_entry *e = &tab[h[i].entry];
		if (!e->strong && evidence)
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

/* Whether byte b opens or closes one of those parts. */
static inline bool is_mark(unsigned char b)
{
	return b == '<' || b == '>' || b == '(' || b == ')';
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
	if (len >= 4 && s[0] > ' ' && s[0] != 0x7f && !is_mark(s[0]) && !is_mark(s[1]) && !is_mark(s[2]) &&
	    !is_mark(s[3])) {
		/* the common case: the first four bytes are those */
		memcpy(c, s, 4);
		n = 4;
	} else {
		struct marks m = { 0, 0 };
		for (uint32_t i = 0; i < len && n < 4; i++)
			if (outside_marks(&m, s[i]) && (n || (s[i] > ' ' && s[i] != 0x7f)))
				c[n++] = s[i];
	}
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

int vague_is_collective_folded(struct arena *ar, const unsigned char *s, uint32_t len)
{
	/* Values that vague_is_collective() did not answer from their first
	 * three bytes go by their letter pairs. */
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
