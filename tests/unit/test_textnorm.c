/* test_textnorm.c — the Latin-1 shortcut in folding gives exactly what
 * utf8proc's NFKC case folding gives, for every letter it takes, alone and
 * inside words; and offsets still point at the source bytes. Text that
 * needs no folding is found at every offset and not copied. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>
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

/* Plain text is read eight bytes at a time: a byte that is not plain, or
 * two spaces, must be seen at every offset, across the 8-byte steps too. */
static void plain_text_seen_at_every_offset(void **state)
{
	(void)state;
	static const unsigned char bad[] = { 0x01, 0x09, 0x1F, 0x7F, 0x80, 0xC3, 0xFF };
	struct arena ar;
	arena_init(&ar, NULL);
	unsigned char text[40];
	struct folded f;
	for (uint32_t len = 3; len < 32; len++) {
		for (uint32_t i = 0; i < len; i++)
			text[i] = i % 4 == 3 ? ' ' : 'a';
		text[0] = text[len - 1] = 'b';
		text[len] = '\0';
		assert_int_equal(textnorm_fold(&ar, text, len, &f), 0);
		assert_ptr_equal(f.text, text);
		for (uint32_t at = 1; at + 1 < len; at++) {
			unsigned char keep = text[at], next = text[at + 1];
			for (size_t b = 0; b < sizeof bad; b++) {
				text[at] = bad[b];
				assert_int_equal(textnorm_fold(&ar, text, len, &f), 0);
				assert_ptr_not_equal(f.text, text);
			}
			text[at] = ' ';
			text[at + 1] = ' ';
			if (at + 2 < len) {
				assert_int_equal(textnorm_fold(&ar, text, len, &f), 0);
				assert_ptr_not_equal(f.text, text);
			}
			text[at] = keep;
			text[at + 1] = next;
		}
	}
	arena_release(&ar);
}

/* Text that folding leaves as it is (lower-case Latin-1 letters and
 * printable ASCII, whose case the matchers ignore) is matched where it
 * stands; anything that folding would change is copied. Either way the
 * bytes are those of the folded copy. */
static void folded_text_is_not_copied(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int in_place;
	} cases[] = {
		{ "Vi ska försöka snarast", 1 },
		{ "servicenivåerna är klara", 1 },
		{ "Het café en de één", 1 },
		{ "ÿ and à", 1 },
		{ "Åtgärda felen", 0 },          /* Å folds to å */
		{ "Straße", 0 },                 /* ß folds to ss */
		{ "fo\xCC\x88rso\xCC\x88ka", 0 }, /* o + combining diaeresis */
		{ ("a\xC3\xA5\xCC\x81" "b"), 0 },    /* å + combining acute */
		{ "vi\xC3\xA5\xE2\x80\x99s", 0 }, /* å + a curly apostrophe */
		{ ("non\xC2\xA0" "breaking"), 0 },
		{ "x \xC3\xA5", 1 },
		{ "x \xC3", 0 },                /* a lead byte at the end */
		{ "\xC3\xA5  b", 0 },          /* two spaces */
	};
	struct arena ar;
	arena_init(&ar, NULL);
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		const unsigned char *text = (const unsigned char *)cases[k].text;
		uint32_t len = (uint32_t)strlen(cases[k].text);
		struct folded f, copy;
		assert_int_equal(textnorm_fold(&ar, text, len, &f), 0);
		assert_int_equal(textnorm_fold_copy(&ar, text, len, &copy), 0);
		if ((f.text == text) != cases[k].in_place)
			fprintf(stderr, "'%s': %s\n", cases[k].text, f.text == text ? "in place" : "copied");
		assert_int_equal(f.text == text, cases[k].in_place);
		assert_int_equal(f.len, copy.len);
		for (uint32_t i = 0; i < f.len; i++) {
			unsigned char c = f.text[i];
			assert_int_equal(c >= 'A' && c <= 'Z' ? c | 0x20 : c, copy.text[i]);
		}
		if (f.text == text) {
			assert_null(f.from);
			/* offsets agree at every character start */
			for (uint32_t i = 0; i <= f.len; i++)
				if (i == f.len || (f.text[i] & 0xC0) != 0x80)
					assert_int_equal(textnorm_from(&f, i), textnorm_from(&copy, i));
		}
	}
	arena_release(&ar);
}

/* ASCII folds byte by byte: letters lower-cased, control characters as
 * blanks, runs of blanks as one space, none at either end; each byte keeps
 * its offset. Checked against that description on pseudo-random text,
 * with Latin-1 letters (which do not stop an ASCII letter before them
 * from folding alone) and combining marks (which do). */
static void ascii_folds_byte_by_byte(void **state)
{
	(void)state;
	static const char *const pieces[] = { "a", "B", "z", " ", "  ", "\t", "\x01", "\x7f", "'", "\"",
					      "0", "-", ".", "Q", "\xC3\xA5", "\xC3\x85" };
	struct arena ar;
	arena_init(&ar, NULL);
	uint32_t seed = 12345;
	for (int round = 0; round < 2000; round++) {
		unsigned char text[128];
		uint32_t len = 0;
		int npieces = 1 + round % 40;
		for (int k = 0; k < npieces; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			memcpy(text + len, p, strlen(p));
			len += (uint32_t)strlen(p);
		}
		text[len] = '\0';
		unsigned char want[128];
		uint32_t wfrom[128], n = 0;
		for (uint32_t i = 0; i < len; i++) {
			unsigned char c = text[i];
			if (c >= 0x80) {
				/* Latin-1: Å (C3 85) folds to å (C3 A5), both bytes from i */
				want[n] = 0xC3;
				wfrom[n++] = i;
				want[n] = text[i + 1] == 0x85 ? 0xA5 : text[i + 1];
				wfrom[n++] = i;
				i++;
				continue;
			}
			c = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c < 0x20 || c == 0x7f ? ' ' : c;
			if (c == ' ' && (n == 0 || want[n - 1] == ' '))
				continue;
			want[n] = c;
			wfrom[n++] = i;
		}
		while (n && want[n - 1] == ' ')
			n--;
		struct folded f;
		assert_int_equal(textnorm_fold_copy(&ar, text, len, &f), 0);
		assert_int_equal(f.len, n);
		assert_memory_equal(f.text, want, n);
		for (uint32_t i = 0; i < n; i++)
			assert_int_equal(textnorm_from(&f, i), wfrom[i]);
		arena_reset(&ar);
	}
	arena_release(&ar);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(latin1_shortcut_matches_utf8proc),
		cmocka_unit_test(combining_mark_takes_the_general_path),
		cmocka_unit_test(plain_text_seen_at_every_offset),
		cmocka_unit_test(folded_text_is_not_copied),
		cmocka_unit_test(ascii_folds_byte_by_byte),
	};
	return cmocka_run_group_tests_name("textnorm", tests, NULL, NULL);
}
