/* test_vague.c — text folding (with its way back to the source bytes) and
 * the verdict of vague.h: the language vote, whole-word cues, the evidence
 * that gates weak cues, bounds, promise verbs, IDs and quoted text. */
#include "filelang.h"
#include "harness.h"
#include "textnorm.h"
#include "vague.h"

struct fixture {
	struct arena ar;
};

static int setup(void **state)
{
	static struct fixture f;
	arena_init(&f.ar, NULL);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	arena_release(&f->ar);
	return 0;
}

static void fold_is(struct arena *ar, const char *in, const char *want)
{
	struct folded f;
	/* a NUL-terminated copy, as the contract asks of text outside a buffer */
	assert_int_equal(textnorm_fold(ar, (const unsigned char *)in, (uint32_t)strlen(in), &f), 0);
	char got[256];
	assert_true(f.len < sizeof got);
	memcpy(got, f.text, f.len);
	got[f.len] = '\0';
	if (f.from == NULL) /* plain ASCII is matched unfolded, in any case */
		for (char *p = got; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p | 0x20);
	assert_string_equal(got, want);
}

static void folds_case_accents_ligatures_and_spaces(void **state)
{
	struct fixture *fx = *state;
	fold_is(&fx->ar, "Try hard", "try hard");
	fold_is(&fx->ar, "FÖRSÖKA", "försöka");
	fold_is(&fx->ar, "fo\xcc\x88rso\xcc\x88ka", "försöka");     /* o + U+0308 */
	fold_is(&fx->ar, "\xc4\xb2S \xc4\xb3s", "ijs ijs");          /* the ligature Ĳ ĳ */
	fold_is(&fx->ar, "due\xc2\xa0" "course", "due course");      /* NBSP */
	fold_is(&fx->ar, "3\xe2\x80\xaf" "400", "3 400");            /* narrow NBSP */
	fold_is(&fx->ar, "we\xe2\x80\x99ll  try", "we'll try");      /* curly apostrophe, a run of blanks */
	fold_is(&fx->ar, "\xc3\x89\xc3\x89N KEER", "één keer");
}

static void folded_offsets_point_at_the_source(void **state)
{
	struct fixture *fx = *state;
	static const char s[] = "Vi ska fo\xcc\x88rso\xcc\x88ka\xc2\xa0snart";
	struct folded f;
	assert_int_equal(textnorm_fold(&fx->ar, (const unsigned char *)s, sizeof s - 1, &f), 0);
	const char *hit = strstr((const char *)f.text, "snart");
	assert_non_null(hit);
	uint32_t i = (uint32_t)(hit - (const char *)f.text);
	assert_int_equal(textnorm_from(&f, i), strstr(s, "snart") - s);
	assert_int_equal(textnorm_from(&f, f.len), sizeof s - 1);
}

/* Scan `text` in `lang` and return the result. */
static struct vague_result scan(struct arena *ar, const char *text, enum lang lang)
{
	struct vague_result res;
	assert_int_equal(vague_scan(ar, (const unsigned char *)text, (uint32_t)strlen(text), lang, LANG_EN, &res), 0);
	return res;
}

/* The cues of a text, as "phrase,phrase" in text order. */
static const char *cues_of(struct arena *ar, const char *text, enum lang lang)
{
	static char out[256];
	struct vague_result res = scan(ar, text, lang);
	out[0] = '\0';
	for (unsigned i = 0; i < res.ncues; i++) {
		if (i)
			strcat(out, ",");
		strncat(out, text + res.cues[i].off, res.cues[i].len);
	}
	return out;
}

static void votes_the_language_of_each_text(void **state)
{
	struct fixture *fx = *state;
	assert_int_equal(scan(&fx->ar, "Send the signed order to the Delft office", LANG_AUTO).lang, LANG_EN);
	assert_int_equal(scan(&fx->ar, "De getekende order naar het kantoor sturen", LANG_AUTO).lang, LANG_NL);
	assert_int_equal(scan(&fx->ar, "Skicka den signerade ordern till kontoret", LANG_AUTO).lang, LANG_SV);
	/* "nog" is a hedge in Swedish and means "still" in Dutch */
	assert_string_equal(cues_of(&fx->ar, "De nog ontbrekende onderdelen van de order leveren", LANG_AUTO), "");
	assert_string_equal(cues_of(&fx->ar, "Vi levererar nog delarna till kontoret", LANG_AUTO), "nog");
	/* short texts without common words: frequent verbs, then letters */
	assert_int_equal(scan(&fx->ar, "Offerte zsm sturen", LANG_AUTO).lang, LANG_NL);
	assert_int_equal(scan(&fx->ar, "De nog ontbrekende onderdelen leveren", LANG_AUTO).lang, LANG_NL);
	assert_int_equal(scan(&fx->ar, "Prijslijst bijwerken", LANG_AUTO).lang, LANG_NL);
	assert_int_equal(scan(&fx->ar, "Montera pumparna i V\xc3\xa4ster\xc3\xa5s", LANG_AUTO).lang, LANG_SV);
	assert_int_equal(scan(&fx->ar, "Fix it ASAP", LANG_AUTO).lang, LANG_EN);
	/* the most votes win, whichever language has them; a shared best
	 * vote goes to the letters, then to the fallback */
	assert_int_equal(scan(&fx->ar, "het de van een the", LANG_AUTO).lang, LANG_NL);
	assert_int_equal(scan(&fx->ar, "och den att the", LANG_AUTO).lang, LANG_SV);
	assert_int_equal(scan(&fx->ar, "the och b\xc3\xa4sta order", LANG_AUTO).lang, LANG_SV);
	assert_int_equal(scan(&fx->ar, "the och order", LANG_AUTO).lang, LANG_EN);
	/* a forced language is not second-guessed */
	assert_int_equal(scan(&fx->ar, "Send the order", LANG_SV).lang, LANG_SV);
}

/* Texts of common words of all three languages, some of them phrases
 * ("en", "i", "vi": a word in two languages): where one language has more
 * of them, by the stop-word matcher at each word, the text is read in it,
 * with or without a digit, a quote mark or upper case letters. */
static void the_most_common_words_win(void **state)
{
	struct fixture *fx = *state;
	const char *stops[1024];
	unsigned nstops = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		unsigned size;
		const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
		for (unsigned i = 0; i < size && nstops < 1024; i++)
			if (tab[i].cls == CUE_STOP || tab[i].cls == CUE_PROMISE_VERB)
				stops[nstops++] = tab[i].phrase;
	}
	assert_true(nstops > 100);
	static const char *const others[] = { "pumps", "x", "order", "2026-11-02", "\"Delft\"", "Offerte", "depån" };
	uint32_t seed = 20261123;
	unsigned decided = 0;
	for (int round = 0; round < 4000; round++) {
		char text[512] = "";
		unsigned words = 1 + round % 7;
		for (unsigned k = 0; k < words; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *word = (seed >> 8) % 4 ? stops[(seed >> 12) % nstops]
							 : others[(seed >> 12) % (sizeof others / sizeof others[0])];
			if (k)
				strcat(text, " ");
			strcat(text, word);
		}
		if (round % 5 == 0)
			text[0] = (char)(text[0] >= 'a' && text[0] <= 'z' ? text[0] - 32 : text[0]);
		struct folded f;
		assert_int_equal(textnorm_fold_copy(&fx->ar, (const unsigned char *)text, (uint32_t)strlen(text), &f), 0);
		int votes[LANG_COUNT] = { 0, 0, 0 };
		bool quoted = false;
		for (uint32_t i = 0; i < f.len; i++) {
			quoted |= f.text[i] == '"';
			if (!textnorm_is_word(f.text[i]) || (i && textnorm_is_word(f.text[i - 1])))
				continue;
			unsigned mlen = 0;
			int mask = lexicon_match_stop(f.text + i, &mlen);
			if (mlen && !textnorm_is_word(f.text[i + mlen]))
				for (int l = 0; l < LANG_COUNT; l++)
					votes[l] += mask >> l & 1;
		}
		int want = votes[0] > votes[1] && votes[0] > votes[2]	? LANG_EN
			   : votes[1] > votes[0] && votes[1] > votes[2] ? LANG_NL
			   : votes[2] > votes[0] && votes[2] > votes[1] ? LANG_SV
									: -1;
		if (want < 0 || quoted)
			continue; /* a shared vote, or words in quotes that do not count */
		decided++;
		assert_int_equal(scan(&fx->ar, text, LANG_AUTO).lang, want);
		arena_reset(&fx->ar);
	}
	assert_true(decided > 1000);
}

/* Where the word scan's shortcuts meet their edges: a longest match that
 * does not end a word (no shorter one is tried), a lead that begins a
 * longer phrase and a word that only begins like one, apostrophes, upper
 * case, no common word at all, 64 hits and no more, a text that folding
 * changes, quoted text, and a text that goes on in its buffer. */
static void the_word_scan_at_its_edges(void **state)
{
	struct fixture *fx = *state;
	assert_string_equal(cues_of(&fx->ar, "As soon as possibles, we'll do it", LANG_AUTO), "soon");
	assert_int_equal(scan(&fx->ar, "Het team zal zo snel mogelijk de offerte sturen", LANG_AUTO).lang, LANG_NL);
	assert_string_equal(cues_of(&fx->ar, "Het team zal zo snel mogelijk de offerte sturen", LANG_AUTO),
			    "zo snel mogelijk");
	assert_string_equal(cues_of(&fx->ar, "the teamwork will be done soon", LANG_AUTO), "soon");
	assert_string_equal(cues_of(&fx->ar, "I'll try to fix it ASAP, don't worry", LANG_AUTO), "try,ASAP");
	assert_string_equal(cues_of(&fx->ar, "asap asap", LANG_AUTO), "asap,asap");
	assert_string_equal(cues_of(&fx->ar, "WE WILL TRY TO IMPROVE IT SOMEHOW", LANG_AUTO), "TRY,IMPROVE");
	assert_string_equal(cues_of(&fx->ar, "We hope to deliver some of the fixes in due course etc.", LANG_AUTO),
			    "hope to,some,in due course,etc.");
	assert_string_equal(cues_of(&fx->ar, "Vi ska F\xc3\x96RS\xc3\x96KA snarast", LANG_AUTO),
			    "F\xc3\x96RS\xc3\x96KA,snarast");
	assert_string_equal(cues_of(&fx->ar, "Send \"the improved quote\" soon", LANG_AUTO), "soon");
	assert_string_equal(cues_of(&fx->ar, "Fix SUP-3391 as soon as possible", LANG_AUTO), "as soon as possible");
	char many[512] = "";
	for (int i = 0; i < 70; i++)
		strcat(many, "the ");
	strcat(many, "asap");
	assert_string_equal(cues_of(&fx->ar, many, LANG_EN), ""); /* 64 hits before it */
	assert_string_equal(cues_of(&fx->ar, many, LANG_NL), "asap");
	for (int n = 60; n < 68; n++) { /* the 64th hit is the last */
		many[0] = '\0';
		for (int i = 0; i < n; i++)
			strcat(many, i % 2 ? "the " : "THE ");
		strcat(many, "try soon");
		assert_string_equal(cues_of(&fx->ar, many, LANG_AUTO), n <= 62 ? "try,soon" : n == 63 ? "try" : "");
	}
	/* the text ends before a comma of its buffer */
	static const char line[] = "try harder, now";
	struct vague_result res;
	assert_int_equal(vague_scan(&fx->ar, (const unsigned char *)line, 10, LANG_EN, LANG_EN, &res), 0);
	assert_int_equal(res.ncues, 1);
	assert_int_equal(res.cues[0].off, 0);
	assert_int_equal(res.cues[0].len, 3);
}

static void matches_whole_words_in_any_spelling(void **state)
{
	struct fixture *fx = *state;
	assert_string_equal(cues_of(&fx->ar, "Paint the handsome fence", LANG_EN), "");
	assert_string_equal(cues_of(&fx->ar, "We\xe2\x80\x99ll TRY to fix it", LANG_EN), "TRY");
	assert_string_equal(cues_of(&fx->ar, "Fix it as\xc2\xa0soon as possible", LANG_EN), "as\xc2\xa0soon as possible");
	assert_string_equal(cues_of(&fx->ar, "Vi ska F\xc3\x96RS\xc3\x96KA fixa det", LANG_SV), "F\xc3\x96RS\xc3\x96KA");
	assert_string_equal(cues_of(&fx->ar, "Offerte z.s.m. sturen", LANG_NL), "z.s.m.");
}

/* Weak cues are vague only when nothing concrete stands in the text; every
 * form of date, span and number the three languages use counts. */
static void evidence_gates_weak_cues(void **state)
{
	struct fixture *fx = *state;
	static const char *const concrete_en[] = {
		"Check the meters on 2026-12-04", "Check the meters by 4 December",
		"Check the meters by December 4th", "Check the meters in week 48",
		"Check the meters in wk 48", "Check the meters within 5 working days",
		"Check the meters within two weeks", "Check the meters on Friday",
		"Check the three meters", "Check the meters at 14:00",
		"Check meter \"North\"", "Check the meters in ticket SUP-3391",
	};
	static const char *const concrete_nl[] = {
		"De meters controleren op 4 december", "De meters controleren in week 48",
		"De meters binnen 5 werkdagen controleren", "De meters binnen twee weken controleren",
		"De meters vrijdag controleren", "De drie meters controleren",
		"De meters uiterlijk 2026-12-04 controleren", "De meters om 09:00 uur controleren",
	};
	static const char *const concrete_sv[] = {
		"Kontrollera mätarna den 4 december", "Kontrollera mätarna vecka 48",
		"Kontrollera mätarna v. 48", "Kontrollera mätarna inom 5 arbetsdagar",
		"Kontrollera mätarna inom två veckor", "Kontrollera mätarna på fredag",
		"Kontrollera de tre mätarna", "Kontrollera mätarna senast 4/12",
	};
	for (size_t i = 0; i < sizeof concrete_en / sizeof *concrete_en; i++)
		assert_string_equal(cues_of(&fx->ar, concrete_en[i], LANG_EN), "");
	for (size_t i = 0; i < sizeof concrete_nl / sizeof *concrete_nl; i++)
		assert_string_equal(cues_of(&fx->ar, concrete_nl[i], LANG_NL), "");
	for (size_t i = 0; i < sizeof concrete_sv / sizeof *concrete_sv; i++)
		assert_string_equal(cues_of(&fx->ar, concrete_sv[i], LANG_SV), "");
	assert_string_equal(cues_of(&fx->ar, "Check the meters", LANG_EN), "Check");
	assert_string_equal(cues_of(&fx->ar, "De meters controleren", LANG_NL), "controleren");
	assert_string_equal(cues_of(&fx->ar, "Kontrollera mätarna", LANG_SV), "Kontrollera");
	/* Articles are not numbers; a name is not a quantity; "may" is a verb
	 * more often than a month; a quarter is not a date. */
	assert_string_equal(cues_of(&fx->ar, "Een paar extra chauffeurs inroosteren", LANG_NL), "Een paar,extra");
	assert_string_equal(cues_of(&fx->ar, "Ordna ett par extra chaufförer", LANG_SV), "ett par,extra");
	assert_string_equal(cues_of(&fx->ar, "Send some spare parts to Leeds", LANG_EN), "some");
	assert_string_equal(cues_of(&fx->ar, "We may ship some parts", LANG_EN), "some");
	assert_string_equal(cues_of(&fx->ar, "Deliver the dashboard in Q1", LANG_EN), "Q1");
	assert_string_equal(cues_of(&fx->ar, "Deliver the Q3 report on 7 October", LANG_EN), "");
	/* strong cues stand whatever surrounds them */
	assert_string_equal(cues_of(&fx->ar, "Try to ship the 40 pallets on 4 December", LANG_EN), "Try");
}

static void bounds_verbs_ids_and_quotes_are_never_cues(void **state)
{
	struct fixture *fx = *state;
	assert_string_equal(cues_of(&fx->ar, "Send it no later than 4 May", LANG_EN), "");
	assert_string_equal(cues_of(&fx->ar, "Uiterlijk vrijdag de offerte sturen", LANG_NL), "");
	assert_string_equal(cues_of(&fx->ar, "Skicka offerten inte senare än fredag", LANG_SV), "");
	assert_string_equal(cues_of(&fx->ar, "Staff the helpdesk around the clock", LANG_EN), "");
	assert_string_equal(cues_of(&fx->ar, "Bemanna kundtjänst dygnet runt", LANG_SV), "");
	assert_string_equal(cues_of(&fx->ar, "We will deliver the order", LANG_EN), "");
	assert_string_equal(cues_of(&fx->ar, "Wij zullen de order leveren", LANG_NL), "");
	assert_string_equal(cues_of(&fx->ar, "Vi ska leverera ordern", LANG_SV), "");
	assert_string_equal(cues_of(&fx->ar, "Vi kommer att leverera ordern", LANG_SV), "");
	/* IDs and codes hold no words */
	assert_string_equal(cues_of(&fx->ar, "Close TRY-12 and SOME-4", LANG_EN), "");
	assert_true(scan(&fx->ar, "Close TRY-12", LANG_EN).evidence);
	/* quoted text is a name, not a hedge, in any quote marks */
	assert_string_equal(cues_of(&fx->ar, "Rename the \"Try it soon\" button", LANG_EN), "");
	assert_string_equal(cues_of(&fx->ar, "De knop \xe2\x80\x9ezo snel mogelijk\xe2\x80\x9c hernoemen", LANG_NL), "");
	assert_string_equal(cues_of(&fx->ar, "Byt namn p\xc3\xa5 knappen \xc2\xab" "f\xc3\xb6rs\xc3\xb6k igen\xc2\xbb", LANG_SV), "");
	/* ... but an unclosed quote protects nothing */
	assert_string_equal(cues_of(&fx->ar, "Try \"again", LANG_EN), "Try");
}

static void help_and_presence_without_a_result(void **state)
{
	struct fixture *fx = *state;
	assert_string_equal(cues_of(&fx->ar, "Help out with the rollout", LANG_EN), "Help out");
	assert_string_equal(cues_of(&fx->ar, "De klant op de hoogte houden", LANG_NL), "op de hoogte houden");
	assert_string_equal(cues_of(&fx->ar, "Finnas tillg\xc3\xa4nglig f\xc3\xb6r fr\xc3\xa5gor", LANG_SV),
			    "Finnas tillg\xc3\xa4nglig");
	assert_string_equal(cues_of(&fx->ar, "Help 3 planners move 40 routes by 4 May", LANG_EN), "");
}

/* The rule: a promise with no due date whose text holds nothing concrete
 * is vague even without a cue word; with a due date only words count. */
static void nothing_concrete_without_a_due_date(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Send over the figures from the pilot\n\n"
		      "promise A-2: Send over the figures from the pilot\n  due: 2026-12-01\n\n"
		      "promise A-3: Send over the figures from the pilot\n  due: soon\n\n"
		      "promise A-4: Send over the figures from the pilot\n  due: 2026-02-30\n\n"
		      "promise A-5: Send over the figures from pilot 7\n");
	const struct diag *d = expect_at(&r, RULE_VAGUE_WORDING, 1, 14, 50);
	assert_non_null(strstr(d->message, "nothing in the promise can be checked"));
	expect_at(&r, RULE_VAGUE_WORDING, 6, 14, 50);
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 2);
	lint_done(&r);
	/* a cue is the better message: no second finding */
	lint_text(&r, "promise A-1: Send some figures\n");
	expect_at(&r, RULE_VAGUE_WORDING, 1, 19, 23);
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 1);
	lint_done(&r);
}

static void reads_the_file_language_directive(void **state)
{
	(void)state;
	struct filelang_directive d;
	static const char *const good[] = { " promise-lang: nl", "promise-lang:nl", "\tpromise-lang :  NL \r" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		assert_true(filelang_parse((const unsigned char *)good[i], (uint32_t)strlen(good[i]), &d));
		assert_true(d.valid);
		assert_int_equal(d.lang, LANG_NL);
	}
	assert_true(filelang_parse((const unsigned char *)" promise-lang: auto", 19, &d));
	assert_true(d.valid && d.lang == LANG_AUTO);
	assert_true(filelang_parse((const unsigned char *)" promise-lang: de", 17, &d));
	assert_false(d.valid);
	assert_int_equal(d.value_off, 15);
	assert_int_equal(d.value_len, 2);
	assert_false(filelang_parse((const unsigned char *)" promise-language: nl", 21, &d));
	assert_false(filelang_parse((const unsigned char *)" promise-lang nl", 16, &d));
	assert_false(filelang_parse((const unsigned char *)" a note", 7, &d));
}

/* Dutch "nog" means "still"; read as Swedish it is a hedge. The file's
 * directive decides, over the run's language, in every chunk of the file. */
static void the_file_directive_sets_the_language(void **state)
{
	(void)state;
	static const char dutch[] = "promise N-1: De nog ontbrekende onderdelen leveren\n  due: 2026-12-20\n";
	struct lint_result r;
	lint_text(&r, dutch);
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 0);
	lint_done(&r);

	char text[4096] = "# Leveringen aan Bergström\n\n# promise-lang: sv\n\n";
	for (int i = 0; i < 20; i++)
		strcat(text, dutch);
	lint_text_opt(&r, text, "2026-11-23", 256); /* many chunks */
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 20);
	expect_at(&r, RULE_VAGUE_WORDING, 5, 17, 20);
	lint_done(&r);

	/* over the run's language, too */
	int32_t day;
	assert_true(date_parse_iso("2026-11-23", &day));
	lint_options_init(&r.opt, day);
	r.opt.language = LANG_NL;
	analysis_init(&r.a, &r.opt, NULL);
	assert_int_equal(analysis_add_name(&r.a, "a.promise"), 0);
	assert_int_equal(analysis_add_name(&r.a, "b.promise"), 1);
	static const char sv[] = "# promise-lang: sv\npromise N-1: De nog ontbrekende onderdelen leveren\n  due: 2026-12-20\n";
	assert_int_equal(analysis_add_buffer(&r.a, 0, sv, sizeof sv - 1), ANALYSIS_OK);
	/* ... and only for its own file */
	assert_int_equal(analysis_add_buffer(&r.a, 1, dutch, sizeof dutch - 1), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 1);
	assert_int_equal(find_rule(&r, RULE_VAGUE_WORDING)->file, 0);
	lint_done(&r);
}

static void directives_that_set_nothing_are_reported(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "# promise-lang: de\n#promise-lang:\n"
		      "promise A-1: Ship the 4 pumps\n  due: 2026-12-20\n# promise-lang: nl\n");
	const struct diag *d = expect_at(&r, RULE_VAGUE_WORDING, 1, 17, 19);
	assert_non_null(strstr(d->message, "'de'"));
	d = expect_at(&r, RULE_VAGUE_WORDING, 2, 2, 15);
	assert_non_null(strstr(d->message, "no language"));
	d = expect_at(&r, RULE_VAGUE_WORDING, 5, 2, 19);
	assert_non_null(strstr(d->message, "top of a file"));
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 3);
	lint_done(&r);
}

/* A `by:` value is judged from its first letters when no collective entry
 * has them; everything else is folded and matched. */
static void collective_by_values(void **state)
{
	struct fixture *f = *state;
	static const char *const groups[] = {
		"we", "We", "  the team", "THE TEAM", "the\tteam", "the  team", "(Acme) sales",
		"<a@b.se> vi alla", "s(x)ales", "Sales (Acme)", "\x01we", "Säljavdelningen",
		"SÄLJAVDELNINGEN", "sa\xCC\x88ljarna", "\xEF\xBC\xB7\xEF\xBD\x85", "de  afdeling",
		"kundtjänst", "Het team", "everyone <all@x.com>", "WIJ", "us", "Vi", "the s(x)ales team",
		"Wij <w@x.nl>", "The Sales Team", "Our team", "ons team", "De Helpdesk", "vi ", "We  ", "Us\t",
	};
	static const char *const people[] = {
		"Maja Eklund", "Jan de Vries", "Björn Åström", "Anouk", "wex", "w", "", "(we)", "<we>",
		"Tom (the team)", "Sara", "Petra Jansen", "Daan Smit", ("te\xCC\x81" "am"), "x\xCC\x81",
		"Tea", "Team Lead", "Mark", "Anna", "usa", "weg", "Theo de Boer", "We x", "Ons Bakker", "Usain",
		"Vi Nguyen", "The", "de", "v i", "we\xCC\x81",
	};
	for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		if (vague_is_collective(&f->ar, (const unsigned char *)groups[i], (uint32_t)strlen(groups[i])) != 1)
			fprintf(stderr, "not a group: '%s'\n", groups[i]);
		assert_int_equal(vague_is_collective(&f->ar, (const unsigned char *)groups[i],
						     (uint32_t)strlen(groups[i])),
				 1);
	}
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		if (vague_is_collective(&f->ar, (const unsigned char *)people[i], (uint32_t)strlen(people[i])) != 0)
			fprintf(stderr, "a group: '%s'\n", people[i]);
		assert_int_equal(vague_is_collective(&f->ar, (const unsigned char *)people[i],
						     (uint32_t)strlen(people[i])),
				 0);
	}
}

/* The answer from the first three bytes (vague_is_collective()) is the
 * one folding and matching give, for every collective entry in any case
 * and with something after it, and for short values of letters, spaces,
 * brackets and accented bytes in every order. */
static void collective_first_bytes_agree_with_folding(void **state)
{
	struct fixture *f = *state;
	static const char *const after[] = { "", " ", "s", " x", "  ", "\xCC\x88", " <a@b.se>", "(x)", "\xC3\xA4" };
	unsigned groups = 0;
	for (int l = 0; l < LANG_COUNT; l++) {
		unsigned size;
		const struct lexicon_entry *tab = vague_lexicon((enum lang)l, &size);
		for (unsigned i = 0; i < size; i++)
			for (size_t a = 0; a < sizeof after / sizeof after[0]; a++)
				for (int upper = 0; upper < 3; upper++) {
					char v[128];
					snprintf(v, sizeof v, "%s%s", tab[i].phrase, after[a]);
					for (char *p = v; *p && upper; p++)
						if (*p >= 'a' && *p <= 'z' && (upper == 1 || p == v))
							*p = (char)(*p - 32);
					uint32_t n = (uint32_t)strlen(v);
					int want = vague_is_collective_folded(&f->ar, (const unsigned char *)v, n);
					assert_int_equal(vague_is_collective(&f->ar, (const unsigned char *)v, n), want);
					groups += want == 1;
					arena_reset(&f->ar);
				}
	}
	assert_true(groups > 100);
	static const char bytes[] = "aeiostuvwAEW (<>)\xC3\xA4";
	char v[5];
	for (size_t a = 0; a < sizeof bytes - 1; a++)
		for (size_t b = 0; b < sizeof bytes - 1; b++)
			for (size_t c = 0; c < sizeof bytes - 1; c++)
				for (size_t d = 0; d < sizeof bytes; d++) {
					v[0] = bytes[a], v[1] = bytes[b], v[2] = bytes[c], v[3] = bytes[d], v[4] = '\0';
					uint32_t n = d < sizeof bytes - 1 ? 4 : 3;
					assert_int_equal(vague_is_collective(&f->ar, (const unsigned char *)v, n),
							 vague_is_collective_folded(&f->ar, (const unsigned char *)v, n));
					arena_reset(&f->ar);
				}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(folds_case_accents_ligatures_and_spaces, setup, teardown),
		cmocka_unit_test_setup_teardown(folded_offsets_point_at_the_source, setup, teardown),
		cmocka_unit_test_setup_teardown(votes_the_language_of_each_text, setup, teardown),
		cmocka_unit_test_setup_teardown(the_most_common_words_win, setup, teardown),
		cmocka_unit_test_setup_teardown(matches_whole_words_in_any_spelling, setup, teardown),
		cmocka_unit_test_setup_teardown(the_word_scan_at_its_edges, setup, teardown),
		cmocka_unit_test_setup_teardown(evidence_gates_weak_cues, setup, teardown),
		cmocka_unit_test_setup_teardown(bounds_verbs_ids_and_quotes_are_never_cues, setup, teardown),
		cmocka_unit_test_setup_teardown(help_and_presence_without_a_result, setup, teardown),
		cmocka_unit_test(nothing_concrete_without_a_due_date),
		cmocka_unit_test(reads_the_file_language_directive),
		cmocka_unit_test(the_file_directive_sets_the_language),
		cmocka_unit_test(directives_that_set_nothing_are_reported),
		cmocka_unit_test_setup_teardown(collective_by_values, setup, teardown),
		cmocka_unit_test_setup_teardown(collective_first_bytes_agree_with_folding, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
