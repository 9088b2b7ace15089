/* party.c — strip the addresses, collapse blanks, fold.
 *
 * The display form is built first (one pass over the bytes), and the key is
 * the folded display form, so both always describe the same text. Rejected:
 * dropping the parenthesised organisation too — "Anna (Fjällvind)" and
 * "Anna (Acme)" are different people. */
#include "party.h"

#include <string.h>

#include "textnorm.h"

static int is_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int party_name(struct arena *ar, struct arena *scratch, const char *s, uint32_t len,
	       struct party_name *out)
{
	char *d = arena_alloc(ar, (size_t)len + 1);
	if (!d)
		return -1;
	uint32_t n = 0;
	for (uint32_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '<') {
			const char *close = memchr(s + i, '>', len - i);
			if (close) {
				i = (uint32_t)(close - s);
				continue;
			}
		}
		if (is_blank(c)) {
			if (n && d[n - 1] != ' ')
				d[n++] = ' ';
			continue;
		}
		d[n++] = (char)c;
	}
	while (n && d[n - 1] == ' ')
		n--;
	d[n] = '\0';

	struct folded f;
	if (textnorm_fold_copy(scratch, (const unsigned char *)d, n, &f))
		return -1;
	out->key = scratch == ar ? (const char *)f.text : arena_strndup(ar, (const char *)f.text, f.len);
	if (!out->key)
		return -1;
	out->display = d;
	out->display_len = n;
	out->key_len = f.len;
	return 0;
}

int party_matches(const struct party_name *name, const char *needle_key)
{
	return strstr(name->key, needle_key) != NULL;
}
