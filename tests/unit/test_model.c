/* test_model.c — the key table: every known key in any case, and nothing
 * else, is found; checked against a plain character-by-character lookup
 * over many generated strings. */
#include "harness.h"

#include "model.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_keys_in_any_case),
		cmocka_unit_test(near_misses_are_unknown),
		cmocka_unit_test(agrees_with_the_reference),
		cmocka_unit_test(which_keys_repeat),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
