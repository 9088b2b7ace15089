/* test_model.c — the key table: every known key in any case, and nothing
 * else, is found; checked against a plain character-by-character lookup
 * over many generated strings. And a record's summary of its fields
 * (repeated keys, dates off the calendar), checked against a loop over the
 * fields on generated records. */
#include "harness.h"

#include "arena.h"
#include "buf.h"
#include "model.h"
#include "parse.h"

static const char *const names[] = { "by", "to", "made", "due", "recorded", "in-return", "status",
				     "renegotiated", "recovery", "extra", "note" };

/* The lookup as the format defines it: ASCII case ignored, nothing more. */
static enum field_key reference(const unsigned char *s, uint32_t len)
{
	if (len >= 2 && (s[0] == 'x' || s[0] == 'X') && s[1] == '-')
		return KEY_USER;
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		const char *n = names[k];
		if (strlen(n) != len)
			continue;
		uint32_t i = 0;
		while (i < len && (s[i] >= 'A' && s[i] <= 'Z' ? s[i] | 0x20 : s[i]) == (unsigned char)n[i])
			i++;
		if (i == len) {
			for (int key = 0; key < KEY_COUNT; key++)
				if (model_key_name((enum field_key)key) && !strcmp(model_key_name((enum field_key)key), n))
					return (enum field_key)key;
		}
	}
	return KEY_UNKNOWN;
}

static enum field_key lookup(const char *s)
{
	return model_key_lookup((const unsigned char *)s, (uint32_t)strlen(s));
}

static void known_keys_in_any_case(void **state)
{
	(void)state;
	assert_int_equal(lookup("by"), KEY_BY);
	assert_int_equal(lookup("BY"), KEY_BY);
	assert_int_equal(lookup("To"), KEY_TO);
	assert_int_equal(lookup("In-Return"), KEY_IN_RETURN);
	assert_int_equal(lookup("RENEGOTIATED"), KEY_RENEGOTIATED);
	assert_int_equal(lookup("recovery"), KEY_RECOVERY);
	assert_int_equal(lookup("Recorded"), KEY_RECORDED);
	assert_int_equal(lookup("x-anything-at-all-longer-than-twelve"), KEY_USER);
	assert_int_equal(lookup("X-"), KEY_USER);
}

static void near_misses_are_unknown(void **state)
{
	(void)state;
	static const char *const misses[] = { "", "b", "byy", "dues", "in_return", "in\rreturn", "inreturn",
					      "in-retur", "recorde", "recoverx", "statu\x13", "b\x19",
					      "[y", "due\x80", "x", "xx-", "renegotiatedd", "n@te" };
	for (size_t i = 0; i < sizeof misses / sizeof *misses; i++) {
		if (lookup(misses[i]) != KEY_UNKNOWN)
			fprintf(stderr, "'%s' was taken for a key\n", misses[i]);
		assert_int_equal(lookup(misses[i]), KEY_UNKNOWN);
	}
}

/* Strings made of the keys' letters in both cases, '-', '_', CR, '@', '['
 * and a byte over 0x7f, at every length up to 14: the same answer as the
 * reference. */
static void agrees_with_the_reference(void **state)
{
	(void)state;
	static const unsigned char alphabet[] = "bytomadeurcinsgvxBYTOMADEURCINSGVX-_\r@[\x80";
	uint64_t seed = 12345;
	unsigned char s[16];
	for (int n = 0; n < 400000; n++) {
		uint32_t len = (uint32_t)(n % 15);
		seed = seed * 6364136223846793005u + 1442695040888963407u;
		uint64_t r = seed;
		/* half the time start from a real key, so hits are common */
		const char *base = names[(r >> 8) % (sizeof names / sizeof *names)];
		bool from_key = (r & 1) && strlen(base) <= 14;
		if (from_key)
			len = (uint32_t)strlen(base);
		for (uint32_t i = 0; i < len; i++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			unsigned char c = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
			if (from_key && ((seed >> 20) & 7))
				c = (seed >> 24) & 1 ? (unsigned char)base[i] : (unsigned char)(base[i] & ~0x20 & 0xff);
			if (from_key && base[i] == '-' && ((seed >> 20) & 7))
				c = (seed >> 27) & 1 ? '-' : '\r';
			s[i] = c;
		}
		s[len] = 0;
		assert_int_equal(model_key_lookup(s, len), reference(s, len));
	}
}

/* FORMAT.md: by, to, made, due and status stand once in a promise; the
 * other keys, the user's own and unknown ones may repeat. */
static void which_keys_repeat(void **state)
{
	(void)state;
	for (int k = 0; k < KEY_COUNT; k++) {
		bool once = k == KEY_BY || k == KEY_TO || k == KEY_MADE || k == KEY_DUE || k == KEY_STATUS;
		assert_int_equal(model_key_repeats((enum field_key)k), !once);
	}
}

/* A record's summary as a loop over its fields would find it. */
struct summary {
	unsigned keys, repeated, blank, undated;
};

static struct summary summary_by_loop(const struct chunk_model *m, const struct record *r)
{
	struct summary s = { 0, 0, 0, 0 };
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		unsigned bit = 1u << f->key;
		if (s.keys & bit)
			s.repeated |= bit;
		s.keys |= bit;
		if (!f->value.len)
			s.blank |= bit;
		bool dated = f->key == KEY_MADE || f->key == KEY_DUE || f->key == KEY_RENEGOTIATED ||
			     f->key == KEY_RECOVERY || f->key == KEY_EXTRA;
		if (dated && f->date.status != DATE_OK)
			s.undated |= bit;
	}
	return s;
}

static void parse_text(struct arena *ar, const char *text, struct chunk_model *m)
{
	arena_init(ar, NULL);
	assert_int_equal(parse_chunk(ar, (const unsigned char *)text, (uint32_t)strlen(text), 1, true, m), 0);
}

static void summary_of_written_records(void **state)
{
	(void)state;
	struct arena ar;
	struct chunk_model m;
	parse_text(&ar,
		   "promise A-1: Ship\n  by: Jan\n  due: 2026-12-01\n  note: a\n  DUE: 2026-12-04\n  note: b\n"
		   "promise A-2: Visit\n  made: 2025-02-29\n  due: next week\n  extra: 2026-01-01 tea\n"
		   "  recovery: called Tom\n  renegotiated: 2026-02-30 moved\n"
		   "promise A-3: Call\n  made: 2026-11-02\n  due: 2026-12-01 17:30+01:00\n  stauts: open\n"
		   "  status: kept 2026-02-30\n  status: open\n  x-a: 1\n  x-b: 2\n  colour: red\n  colour: blue\n"
		   "promise A-4: Wait\n  by:\n  in-return:\n    B-2\n  made:\n",
		   &m);
	assert_int_equal(m.nrecords, 4);
	assert_int_equal(m.records[0].keys, 1u << KEY_BY | 1u << KEY_DUE | 1u << KEY_NOTE);
	assert_int_equal(m.records[0].repeated, 1u << KEY_DUE | 1u << KEY_NOTE);
	assert_int_equal(m.records[0].blank, 0);
	assert_int_equal(m.records[0].undated, 0);
	assert_int_equal(m.records[1].repeated, 0);
	assert_int_equal(m.records[1].undated,
			 1u << KEY_MADE | 1u << KEY_DUE | 1u << KEY_RECOVERY | 1u << KEY_RENEGOTIATED);
	/* the status's date is the status' own (r->status), not a field's */
	assert_int_equal(m.records[2].repeated, 1u << KEY_STATUS | 1u << KEY_USER | 1u << KEY_UNKNOWN);
	assert_int_equal(m.records[2].undated, 0);
	assert_int_equal(m.records[3].keys, 1u << KEY_BY | 1u << KEY_IN_RETURN | 1u << KEY_MADE);
	assert_int_equal(m.records[3].blank, 1u << KEY_BY | 1u << KEY_IN_RETURN | 1u << KEY_MADE);
	/* a blank made: is no date */
	assert_int_equal(m.records[3].undated, 1u << KEY_MADE);
	arena_release(&ar);
}

/* Records of random fields (known keys in either case, the user's, unknown
 * ones; dates good, impossible, missing, or with text after them;
 * continuation lines; fields before any promise), split into records at
 * random: the summary is what the loop finds, record by record. */
static void summary_agrees_with_a_loop(void **state)
{
	(void)state;
	static const char *const keys[] = { "by", "to", "made", "due", "recorded", "in-return", "status",
					    "renegotiated", "recovery", "extra", "note", "x-ticket", "colour",
					    "DUE", "Made" };
	static const char *const values[] = { "2026-11-02", "2026-02-30", "2025-02-29", "soon", "",
					      "2026-11-02 called", "2026-11-02x", "2026-12-01 24:00",
					      "kept 2026-11-03", "Jan de Vries", "A-7" };
	uint64_t seed = 99;
	struct buf text;
	buf_init(&text, NULL);
	for (int round = 0; round < 300; round++) {
		buf_clear(&text);
		for (int line = 0; line < 60; line++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			uint64_t r = seed >> 16;
			if (r % 9 == 0) {
				buf_printf(&text, "promise R-%d: Something\n", line);
			} else if (r % 9 == 1) {
				buf_adds(&text, "      and more\n");
			} else {
				r /= 9;
				buf_printf(&text, "  %s: %s\n", keys[r % (sizeof keys / sizeof *keys)],
					 values[(r >> 8) % (sizeof values / sizeof *values)]);
			}
		}
		struct arena ar;
		struct chunk_model m;
		parse_text(&ar, text.data, &m);
		for (uint32_t i = 0; i < m.nrecords; i++) {
			const struct record *r = &m.records[i];
			struct summary s = summary_by_loop(&m, r);
			assert_int_equal(r->keys, s.keys);
			assert_int_equal(r->repeated, s.repeated);
			assert_int_equal(r->blank, s.blank);
			assert_int_equal(r->undated, s.undated);
			for (int k = 0; k < KEY_COUNT; k++)
				assert_int_equal(r->first[k] >= 0, (s.keys >> k) & 1);
		}
		arena_release(&ar);
	}
	buf_release(&text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_keys_in_any_case),
		cmocka_unit_test(near_misses_are_unknown),
		cmocka_unit_test(agrees_with_the_reference),
		cmocka_unit_test(which_keys_repeat),
		cmocka_unit_test(summary_of_written_records),
		cmocka_unit_test(summary_agrees_with_a_loop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
