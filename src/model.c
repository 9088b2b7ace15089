/* model.c — the table of known keys. */
#include "model.h"

#include <stddef.h>

static const struct {
	const char *name;
	bool repeats;
} keys[KEY_COUNT] = {
	[KEY_BY] = { "by", false },
	[KEY_TO] = { "to", false },
	[KEY_MADE] = { "made", false },
	[KEY_DUE] = { "due", false },
	[KEY_RECORDED] = { "recorded", true },
	[KEY_IN_RETURN] = { "in-return", true },
	[KEY_STATUS] = { "status", false },
	[KEY_RENEGOTIATED] = { "renegotiated", true },
	[KEY_RECOVERY] = { "recovery", true },
	[KEY_EXTRA] = { "extra", true },
	[KEY_NOTE] = { "note", true },
	[KEY_USER] = { NULL, true },
	[KEY_UNKNOWN] = { NULL, true },
};

const char *model_key_name(enum field_key key) { return keys[key].name; }

bool model_key_repeats(enum field_key key) { return keys[key].repeats; }

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c; }

enum field_key model_key_lookup(const unsigned char *s, uint32_t len)
{
	if (len >= 2 && lower(s[0]) == 'x' && s[1] == '-')
		return KEY_USER;
	for (int k = 0; k < KEY_USER; k++) {
		const char *n = keys[k].name;
		uint32_t i = 0;
		while (i < len && n[i] && lower(s[i]) == (unsigned char)n[i])
			i++;
		if (i == len && n[i] == '\0')
			return (enum field_key)k;
	}
	return KEY_UNKNOWN;
}
