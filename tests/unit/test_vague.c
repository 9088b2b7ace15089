/* test_vague.c — text folding (with its way back to the source bytes) and
 * the verdict of vague.h: the language vote, whole-word cues, the evidence
 * that gates weak cues, bounds, promise verbs, IDs and quoted text. */
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(folds_case_accents_ligatures_and_spaces, setup, teardown),
		cmocka_unit_test_setup_teardown(folded_offsets_point_at_the_source, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
