/* model.c — the table of known keys. */
#include "model.h"

#include <stddef.h>

static const char *const keys[KEY_COUNT] = {
	[KEY_BY] = "by",
	[KEY_TO] = "to",
	[KEY_MADE] = "made",
	[KEY_DUE] = "due",
	[KEY_RECORDED] = "recorded",
	[KEY_IN_RETURN] = "in-return",
	[KEY_STATUS] = "status",
	[KEY_RENEGOTIATED] = "renegotiated",
	[KEY_RECOVERY] = "recovery",
	[KEY_EXTRA] = "extra",
	[KEY_NOTE] = "note",
	[KEY_USER] = NULL,
	[KEY_UNKNOWN] = NULL,
};

const char *model_key_name(enum field_key key) { return keys[key]; }

static unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c; }

enum field_key model_key_lookup(const unsigned char *s, uint32_t len)
{
	if (len >= 2 && lower(s[0]) == 'x' && s[1] == '-')
		return KEY_USER;
	/* At most two known keys share a length, so a length switch and one
	 * or two compares decide (this runs for every field line). */
	static const signed char by_len[13][2] = {
		[2] = { KEY_BY, KEY_TO },          [3] = { KEY_DUE, -1 },
		[4] = { KEY_MADE, KEY_NOTE },      [5] = { KEY_EXTRA, -1 },
		[6] = { KEY_STATUS, -1 },          [8] = { KEY_RECORDED, KEY_RECOVERY },
		[9] = { KEY_IN_RETURN, -1 },       [12] = { KEY_RENEGOTIATED, -1 },
	};
	if (len < 2 || len > 12 || (by_len[len][0] == 0 && len != 2))
		return KEY_UNKNOWN;
	for (int j = 0; j < 2 && by_len[len][j] >= 0; j++) {
		const char *n = keys[by_len[len][j]];
		uint32_t i = 0;
		while (i < len && lower(s[i]) == (unsigned char)n[i])
			i++;
		if (i == len)
			return (enum field_key)by_len[len][j];
	}
	return KEY_UNKNOWN;
}
