/* test_textnorm.c — the Latin-1 shortcut in folding gives exactly what
 * utf8proc's NFKC case folding gives, for every letter it takes, alone and
 * inside words; and offsets still point at the source bytes. */
#include "harness.h"

#include <stdlib.h>
#include <utf8proc.h>

#include "textnorm.h"

static void latin1_shortcut_matches_utf8proc(void **state)
{
	(void)state;
	for (unsigned d = 0x80; d <= 0xBF; d++) {
		unsigned char text[8] = { 'x', 0xC3, (unsigned char)d, 'y', 0 };
		struct arena ar;
		arena_init(&ar, NULL);
		struct folded f;
		assert_int_equal(textnorm_fold_copy(&ar, text, 4, &f), 0);
		utf8proc_uint8_t *want = NULL;
		utf8proc_ssize_t n = utf8proc_map(text, 4, &want,
						  UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
							  UTF8PROC_CASEFOLD);
		assert_true(n > 0);
		if ((size_t)n != f.len || memcmp(want, f.text, (size_t)n))
			fprintf(stderr, "U+00%02X: got '%s', utf8proc '%s'\n", d + 0x40, f.text, want);
		assert_int_equal((size_t)n, f.len);
		assert_memory_equal(want, f.text, (size_t)n);
		/* the letter's bytes come from offset 1; 'y' from offset 3 */
		assert_int_equal(textnorm_from(&f, 1), 1);
		assert_int_equal(textnorm_from(&f, f.len - 1), 3);
		free(want);
		arena_release(&ar);
	}
}

static void combining_mark_takes_the_general_path(void **state)
{
	(void)state;
	/* A + U+030A (combining ring) composes to å; Ä + U+0301 stays two. */
	static const unsigned char a_ring[] = "A\xCC\x8A";
	static const unsigned char a_acute[] = "\xC3\x84\xCC\x81";
	struct arena ar;
	arena_init(&ar, NULL);
	struct folded f;
	assert_int_equal(textnorm_fold_copy(&ar, a_ring, 3, &f), 0);
	assert_int_equal(f.len, 2);
	assert_memory_equal(f.text, "\xC3\xA5", 2);
	assert_int_equal(textnorm_fold_copy(&ar, a_acute, 4, &f), 0);
	assert_int_equal(f.len, 4);
	assert_memory_equal(f.text, "\xC3\xA4\xCC\x81", 4);
	arena_release(&ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(latin1_shortcut_matches_utf8proc),
		cmocka_unit_test(combining_mark_takes_the_general_path),
	};
	return cmocka_run_group_tests_name("textnorm", tests, NULL, NULL);
}
