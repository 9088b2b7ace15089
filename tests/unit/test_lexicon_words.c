/* test_lexicon_words.c — the word scanner of lexicon.h against byte loops
 * and the lexicons' own matchers, on pseudo-random texts: it lists exactly
 * the words that lead a phrase or common word, and the apostrophes after a
 * word; the lead tables say what each language's matcher would find there
 * (a hit of the whole word, no hit, or "ask the matcher", which then is
 * never wrongly skipped); the votes add up what the stop-word matcher
 * counts; digits and quote marks are seen; and a text it reads as it
 * stands is one that folding would not change. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "textnorm.h"
#include "vague.h"

typedef int match_fn(const unsigned char *cur, unsigned *len);
static match_fn *const matchers[LANG_COUNT] = { lexicon_match_en, lexicon_match_nl, lexicon_match_sv };

/* The leads, from the lexicons' phrases: word bytes up to the first other
 * byte, ASCII lower-cased. */
static char leads[4096][64];
static unsigned nleads;

static bool is_lead(const unsigned char *w, size_t n)
{
	if (n >= sizeof leads[0])
		return false;
	char k[64];
	for (size_t i = 0; i < n; i++)
		k[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 0x20 : w[i]);
	k[n] = '\0';
	for (unsigned i = 0; i < nleads; i++)
		if (!strcmp(leads[i], k))
			return true;
	return false;
}

static void collect_leads(void)
{
	nleads = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		unsigned size;
		const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
		for (unsigned i = 0; i < size; i++) {
			const unsigned char *p = (const unsigned char *)tab[i].phrase;
			size_t n = 0;
			while (p[n] && textnorm_is_word(p[n]))
				n++;
			if (!n || n >= sizeof leads[0] || is_lead(p, n))
				continue;
			assert_true(nleads < sizeof leads / sizeof leads[0]);
			for (size_t k = 0; k < n; k++)
				leads[nleads][k] = (char)(p[k] >= 'A' && p[k] <= 'Z' ? p[k] | 0x20 : p[k]);
			leads[nleads][n] = '\0';
			nleads++;
		}
	}
}

static uint32_t seed = 20261123;

static unsigned rnd(unsigned n)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 8) % n;
}

/* Texts made of phrases, their words, and pieces that test the edges. */
static size_t make_text(unsigned char *out, size_t cap)
{
	static const char *const pieces[] = {
		"I'm", "don't", "we'll", "it's", "dogs'", "'", "'ll", "l'", "Q1", "q3", "SUP-3391", "2026-11-02",
		"14:00", "3,400", "24/7", "4th", "\"quoted\"", "\xE2\x80\x9Cq\xE2\x80\x9D", "\xC2\xABg\xC2\xBB",
		"\xE2\x80\x99s", "\xC2\xA0", "caf\xC3\xA9", "CAF\xC3\x89", "o\xCC\x88", "\xC4\xB2s", "stra\xC3\x9F\x65",
		"\xC3\x85sa", "\xC3\xA5\xC3\xA4\xC3\xB6", "e.g.", "etc.", "a.s.a.p.", "z.s.m.", "osv.", "\t", "  ",
		"\x01", "\x7F", "-", ".", ",", "(x)", "ASAP", "SoOn", "somethings", "handsome", "ij", "IJ",
		"abcdefghijklmnopq", "\xC3\xA9\xC3\xA9n", "\xFF", "\xC3", "\xC3\xA5\xCC\x81",
	};
	size_t n = 0;
	unsigned words = 1 + rnd(24);
	for (unsigned k = 0; k < words; k++) {
		char piece[128];
		unsigned r = rnd(10);
		if (r < 4) {
			unsigned l = rnd(LANG_COUNT), size;
			const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
			snprintf(piece, sizeof piece, "%s", tab[rnd(size)].phrase);
		} else if (r < 6) {
			snprintf(piece, sizeof piece, "%s", leads[rnd(nleads)]);
		} else if (r < 8) {
			snprintf(piece, sizeof piece, "%s", pieces[rnd(sizeof pieces / sizeof pieces[0])]);
		} else {
			static const char letters[] = "abeijklnorstuwyzAT";
			size_t m = 1 + rnd(9);
			for (size_t i = 0; i < m; i++)
				piece[i] = letters[rnd(sizeof letters - 1)];
			piece[m] = '\0';
		}
		if (rnd(6) == 0) /* upper case */
			for (char *p = piece; *p; p++)
				if (*p >= 'a' && *p <= 'z')
					*p = (char)(*p - 32);
		static const char *const seps[] = { " ", " ", " ", " ", ", ", ". ", "'", "-", "  ", "" };
		const char *sep = k + 1 < words ? seps[rnd(sizeof seps / sizeof seps[0])] : "";
		size_t a = strlen(piece), b = strlen(sep);
		if (n + a + b + 1 >= cap)
			break;
		memcpy(out + n, piece, a);
		memcpy(out + n + a, sep, b);
		n += a + b;
	}
	return n;
}

/* Whether a hit of class c is one the scan keeps: a vague cue, or
 * evidence. */
static bool kept_class(enum cue_class c)
{
	return (int)c < CUE_VAGUE_CLASSES || c == CUE_MONTH || c == CUE_WEEKDAY || c == CUE_NUMBER;
}

/* The kept hits of language l in folded text t, as vague.c's scan finds
 * them but by its matcher alone: at each place in turn that no hit covers,
 * the longest phrase that ends a word; with `needed`, at the places whose
 * lead lexicon_lead_keep[l] does not drop. Each hit is (start, length,
 * entry); their number is returned. */
static unsigned kept_hits(const unsigned char *t, const struct lexicon_words *w, int l, bool needed,
			  uint32_t hits[][3])
{
	unsigned size, kept = 0;
	const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
	uint32_t next = 0;
	for (uint32_t k = 0; k < w->n; k++) {
		uint32_t i = w->at[k];
		if (i < next || (needed && lexicon_lead_keep[l][w->lead[k]] == LEXICON_LEAD_NONE))
			continue;
		unsigned mlen = 0;
		int m = matchers[l](t + i, &mlen);
		if (m < 0 || !mlen || !(t[i + mlen - 1] == '.' || !textnorm_is_word(t[i + mlen]))) {
			next = t[i] == '\'' ? i + 2 : i + 1;
			continue;
		}
		next = i + mlen;
		if (kept_class(tab[m].cls)) {
			hits[kept][0] = i;
			hits[kept][1] = mlen;
			hits[kept][2] = (uint32_t)m;
			kept++;
		}
	}
	return kept;
}

/* What the words of folded text t say, checked against byte loops and the
 * matchers. */
static void check_words(const unsigned char *t, uint32_t len, const struct lexicon_words *w)
{
	/* the places, in order: each word that is a lead, each apostrophe
	 * after a word byte */
	uint32_t k = 0;
	unsigned digit = 0, quote = 0;
	int votes[LANG_COUNT] = { 0, 0, 0 };
	for (uint32_t i = 0; i < len; i++) {
		digit |= t[i] >= '0' && t[i] <= '9';
		quote |= t[i] == '"' || t[i] == 0xC2 || t[i] == 0xE2;
		bool start = textnorm_is_word(t[i]) && (i == 0 || !textnorm_is_word(t[i - 1]));
		bool apos = t[i] == '\'' && i > 0 && textnorm_is_word(t[i - 1]);
		uint32_t end = i;
		while (start && textnorm_is_word(t[end]))
			end++;
		if (start) {
			/* the common words' vote, as the stop matcher counts */
			unsigned mlen = 0;
			int mask = lexicon_match_stop(t + i, &mlen);
			if (mask && mlen && !textnorm_is_word(t[i + mlen]))
				for (int l = 0; l < LANG_COUNT; l++)
					votes[l] += mask >> l & 1;
		}
		if ((start && is_lead(t + i, end - i)) || apos) {
			assert_true(k < w->n);
			assert_int_equal(w->at[k], i);
			if (start)
				assert_int_equal(lexicon_lead_len[w->lead[k]], end - i);
			k++;
		} else if (start) {
			/* a word that leads nothing: no phrase matches there */
			for (int l = 0; l < LANG_COUNT; l++) {
				unsigned mlen = 0;
				int e = matchers[l](t + i, &mlen);
				assert_false(e >= 0 && mlen && (t[i + mlen - 1] == '.' || !textnorm_is_word(t[i + mlen])));
			}
		}
	}
	assert_int_equal(k, w->n);
	assert_int_equal((w->seen & LEXICON_DIGIT) != 0, digit);
	assert_int_equal((w->seen & LEXICON_QUOTE) != 0, quote);

	/* the votes: added up, and where the stop matcher must say */
	int got[LANG_COUNT];
	for (int l = 0; l < LANG_COUNT; l++)
		got[l] = (int)(w->votes >> 16 * l & 0xffff);
	unsigned asked = 0;
	for (k = 0; k < w->n; k++)
		if (lexicon_lead_vote[w->lead[k]] & LEXICON_VOTE_MATCH) {
			asked++;
			if (t[w->at[k]] == '\'')
				continue;
			unsigned mlen = 0;
			int mask = lexicon_match_stop(t + w->at[k], &mlen);
			if (mask && mlen && !textnorm_is_word(t[w->at[k] + mlen]))
				for (int l = 0; l < LANG_COUNT; l++)
					got[l] += mask >> l & 1;
		}
	assert_int_equal(w->votes >> 48, asked);
	for (int l = 0; l < LANG_COUNT; l++)
		assert_int_equal(got[l], votes[l]);

	/* what each language's tables say, against its matcher */
	for (k = 0; k < w->n; k++) {
		uint32_t i = w->at[k];
		unsigned lead = w->lead[k];
		for (int l = 0; l < LANG_COUNT; l++) {
			unsigned mlen = 0;
			int m = matchers[l](t + i, &mlen);
			bool hit = m >= 0 && mlen && (t[i + mlen - 1] == '.' || !textnorm_is_word(t[i + mlen]));
			unsigned e = lexicon_lead_entry[l][lead];
			if (e == LEXICON_LEAD_MATCH) {
				if (lexicon_goes_on((unsigned)l, lead, t + i + lexicon_lead_len[lead]))
					continue; /* the matcher says */
				e = lexicon_lead_self[l][lead];
			}
			if (e == LEXICON_LEAD_NONE) {
				assert_false(hit);
				continue;
			}
			assert_true(hit);
			assert_int_equal(m, e & ~LEXICON_LEAD_KEEP);
			assert_int_equal(mlen, lexicon_lead_len[lead]);
			unsigned size;
			enum cue_class c = vague_lexicon((enum lang)l, &size)[m].cls;
			assert_int_equal((e & LEXICON_LEAD_KEEP) != 0, kept_class(c));
		}
	}

	/* the leads a scan for kept hits needs: the others change nothing
	 * kept, and a text without any has no kept hit */
	for (int l = 0; l < LANG_COUNT; l++) {
		static uint32_t all[1024][3], needed[1024][3];
		assert_true(w->n < 1024);
		unsigned n = kept_hits(t, w, l, false, all);
		assert_int_equal(kept_hits(t, w, l, true, needed), n);
		assert_memory_equal(needed, all, n * sizeof all[0]);
		bool any = false;
		for (k = 0; k < w->n; k++) {
			unsigned e = lexicon_lead_keep[l][w->lead[k]];
			assert_true(e == LEXICON_LEAD_NONE || e == lexicon_lead_entry[l][w->lead[k]]);
			any |= e != LEXICON_LEAD_NONE;
		}
		assert_int_equal((w->keeps >> l & 1) != 0, any);
		if (!any)
			assert_int_equal(n, 0);
	}
}

static void words_leads_votes_and_tables_agree_with_the_matchers(void **state)
{
	(void)state;
	collect_leads();
	assert_true(nleads > 100);
	struct arena ar;
	arena_init(&ar, NULL);
	unsigned plain = 0, copied = 0;
	for (int round = 0; round < 6000; round++) {
		unsigned char buf[512];
		size_t n = make_text(buf, sizeof buf);
		/* as in a parsed buffer: a line end after the text, nothing
		 * readable past it */
		unsigned char *text = malloc(n + 1);
		assert_non_null(text);
		memcpy(text, buf, n);
		text[n] = '\n';

		struct folded f;
		assert_int_equal(textnorm_fold_copy(&ar, text, (uint32_t)n, &f), 0);
		uint32_t *at = malloc(((size_t)f.len + 1) * sizeof *at);
		uint16_t *lead = malloc(((size_t)f.len + 1) * sizeof *lead);
		assert_true(at && lead);
		struct lexicon_words w = { at, lead, 0, 0, 0, 0 };
		assert_int_equal(lexicon_words(f.text, f.len, 0, &w), 0);
		check_words(f.text, f.len, &w);

		/* read as it stands only where folding would change nothing:
		 * then the places are the same */
		uint32_t *at2 = malloc((n + 1) * sizeof *at2);
		uint16_t *lead2 = malloc((n + 1) * sizeof *lead2);
		assert_true(at2 && lead2);
		struct lexicon_words w2 = { at2, lead2, 0, 0, 0, 0 };
		if (n && text[0] != ' ' && text[n - 1] != ' ' && !lexicon_words(text, (uint32_t)n, 1, &w2)) {
			plain++;
			struct folded g;
			assert_int_equal(textnorm_fold(&ar, text, (uint32_t)n, &g), 0);
			assert_ptr_equal(g.text, text);
			assert_int_equal(w2.n, w.n);
			assert_memory_equal(w2.at, w.at, w.n * sizeof *w.at);
			assert_memory_equal(w2.lead, w.lead, w.n * sizeof *w.lead);
			assert_int_equal(w2.votes, w.votes);
			assert_int_equal(w2.seen, w.seen);
		} else {
			copied++;
		}
		free(at2);
		free(lead2);
		free(at);
		free(lead);
		free(text);
		arena_reset(&ar);
	}
	/* both kinds were tried */
	assert_true(plain > 500 && copied > 500);
	arena_release(&ar);
}

/* Every phrase, alone and in company, in any case: where the tables decide
 * without the matcher, they decide as it does. */
static void every_phrase_in_company(void **state)
{
	(void)state;
	collect_leads();
	static const char *const around[][2] = {
		{ "", "" }, { "we ", " soon" }, { "The ", "s" }, { "x", "" }, { "", "x" }, { "", "'s" },
		{ "'", "" }, { "\"", "\"" }, { "", " team" }, { "", " TEAMS" }, { "", "." },
	};
	struct arena ar;
	arena_init(&ar, NULL);
	for (int l = 0; l < LANG_COUNT; l++) {
		unsigned size;
		const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
		for (unsigned i = 0; i < size; i++)
			for (size_t a = 0; a < sizeof around / sizeof around[0]; a++)
				for (int upper = 0; upper < 2; upper++) {
					char text[256];
					snprintf(text, sizeof text, "%s%s%s", around[a][0], tab[i].phrase, around[a][1]);
					if (upper)
						for (char *p = text; *p; p++)
							if (*p >= 'a' && *p <= 'z')
								*p = (char)(*p - 32);
					struct folded f;
					assert_int_equal(textnorm_fold_copy(&ar, (const unsigned char *)text,
									    (uint32_t)strlen(text), &f), 0);
					uint32_t at[256];
					uint16_t lead[256];
					struct lexicon_words w = { at, lead, 0, 0, 0, 0 };
					assert_true(f.len < 256);
					assert_int_equal(lexicon_words(f.text, f.len, 0, &w), 0);
					check_words(f.text, f.len, &w);
					arena_reset(&ar);
				}
	}
	arena_release(&ar);
}

/* Phrases that run on into others: from each word after the lead of a
 * phrase, the text goes on as another phrase that begins with that word
 * does ("on or before" and "before long": "on or before long"), twice
 * over. Where a phrase that is not kept covers a word that would begin
 * one that is, the leads a scan for kept hits needs must still find the
 * same hits. */
static void append_run_ons(struct arena *ar, const char *text, int depth, unsigned *count)
{
	struct folded f;
	assert_int_equal(textnorm_fold_copy(ar, (const unsigned char *)text, (uint32_t)strlen(text), &f), 0);
	uint32_t at[512];
	uint16_t lead[512];
	struct lexicon_words w = { at, lead, 0, 0, 0, 0 };
	assert_true(f.len < 512);
	assert_int_equal(lexicon_words(f.text, f.len, 0, &w), 0);
	check_words(f.text, f.len, &w);
	++*count;
	if (!depth)
		return;
	size_t len = strlen(text);
	for (size_t i = 1; i < len; i++) {
		if (textnorm_is_word((unsigned char)text[i - 1]) || !textnorm_is_word((unsigned char)text[i]))
			continue;
		size_t n = 0;
		while (textnorm_is_word((unsigned char)text[i + n]))
			n++;
		for (int l = 0; l < LANG_COUNT; l++) {
			unsigned size;
			const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
			for (unsigned e = 0; e < size; e++) {
				const char *p = tab[e].phrase;
				if (strncmp(p, text + i, n) || textnorm_is_word((unsigned char)p[n]) || !p[n] ||
				    !strncmp(p, text + i, strlen(p)))
					continue; /* not a longer phrase of this word that goes on otherwise */
				char next[512];
				if (i + strlen(p) + 1 > sizeof next)
					continue;
				memcpy(next, text, i);
				strcpy(next + i, p);
				append_run_ons(ar, next, depth - 1, count);
			}
		}
	}
}

static void phrases_that_run_on_into_others(void **state)
{
	(void)state;
	collect_leads();
	struct arena ar;
	arena_init(&ar, NULL);
	unsigned count = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		unsigned size;
		const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
		for (unsigned i = 0; i < size; i++) {
			append_run_ons(&ar, tab[i].phrase, 2, &count);
			arena_reset(&ar);
		}
	}
	assert_true(count > 2500);
	arena_release(&ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(words_leads_votes_and_tables_agree_with_the_matchers),
		cmocka_unit_test(every_phrase_in_company),
		cmocka_unit_test(phrases_that_run_on_into_others),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
