/* textnorm.c — folding one character cluster at a time.
 *
 * A cluster is a starter and the combining marks after it; each is folded
 * with utf8proc's decompose + re-encode into a caller buffer (no hidden
 * allocation), so the offset of every output byte is the cluster's. ASCII
 * takes a fast path: most promise text is ASCII. Rejected: utf8proc_map()
 * over the whole text — it allocates with malloc behind our allocator and
 * loses the mapping to source offsets. */
#include "textnorm.h"

#include <stdbool.h>
#include <string.h>
#include <utf8proc.h>

enum { CLUSTER_MAX = 32 };

/* Rows of 16 bytes: 0x30-0x39 digits, 0x41-0x5a and 0x61-0x7a letters,
 * 0x80-0xff non-ASCII. */
const unsigned char textnorm_word[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

struct out {
	unsigned char *text;
	uint32_t *from;
	uint32_t len;
};

static void put(struct out *o, unsigned char c, uint32_t from)
{
	if (c == ' ' && (o->len == 0 || o->text[o->len - 1] == ' '))
		return; /* runs of space fold to one; none at the start */
	o->text[o->len] = c;
	o->from[o->len] = from;
	o->len++;
}

static int is_apostrophe(int32_t cp)
{
	return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x2032;
}

/* The common case: printable ASCII, single spaces, no leading or trailing
 * blank, and the byte after the text cannot continue a word. Nothing to
 * fold: the matchers ignore ASCII case, and offsets do not move. */
static bool plain_ascii(const unsigned char *s, uint32_t len)
{
	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' || textnorm_is_word(s[len]) ||
	    s[len] == ' ' || s[len] == '.' || s[len] == '\'')
		return false;
	unsigned char prev = 0;
	for (uint32_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (c < 0x20 || c >= 0x7f || (c == ' ' && prev == ' '))
			return false;
		prev = c;
	}
	return true;
}

int textnorm_fold(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *f)
{
	if (plain_ascii(s, len)) {
		f->text = s;
		f->from = NULL;
		f->len = len;
		return 0;
	}
	return textnorm_fold_copy(ar, s, len, f);
}

int textnorm_fold_copy(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *f)
{
	/* NFKC with case folding expands a character to at most 18 bytes
	 * (U+FDFA); reserve for the worst case of short texts, and 4x plus a
	 * margin otherwise (clusters that would not fit are copied raw). */
	uint64_t cap = (uint64_t)len * 4 + 64;
	struct out o;
	o.text = arena_alloc(ar, (size_t)cap + 1);
	o.from = arena_alloc(ar, ((size_t)cap + 1) * sizeof *o.from);
	o.len = 0;
	if (!o.text || !o.from)
		return -1;

	uint32_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80 && (i + 1 == len || s[i + 1] < 0x80)) {
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c | 0x20);
			else if (c < 0x20 || c == 0x7f)
				c = ' ';
			put(&o, c, i);
			i++;
			continue;
		}
		/* Latin-1 letters (å, Ä, é, ö…) without a combining mark after
		 * them, the bulk of Dutch and Swedish text: NFKC leaves them
		 * as they are and case folding moves À-Þ (but ×) up by 0x20.
		 * ß folds to "ss": the general path below does that. */
		if (c == 0xC3 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0xBF && s[i + 1] != 0x9F &&
		    (i + 2 >= len || !(s[i + 2] == 0xCC || (s[i + 2] == 0xCD && i + 3 < len && s[i + 3] <= 0xAF)))) {
			unsigned char d = s[i + 1];
			if (d <= 0x9E && d != 0x97)
				d = (unsigned char)(d + 0x20);
			put(&o, 0xC3, i);
			put(&o, d, i);
			i += 2;
			continue;
		}
		/* A cluster: one character and the combining marks after it
		 * (an ASCII letter may carry them too: "o" + U+0308). */
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(s + i, len - i, &cp);
		if (n <= 0) {
			put(&o, ' ', i); /* invalid bytes separate words */
			i++;
			continue;
		}
		uint32_t end = i + (uint32_t)n;
		while (end < len) {
			utf8proc_int32_t next;
			utf8proc_ssize_t m = utf8proc_iterate(s + end, len - end, &next);
			if (m <= 0 || utf8proc_get_property(next)->combining_class == 0)
				break;
			end += (uint32_t)m;
		}
		if (cp < 0x80 && end == i + 1) {
			put(&o, (unsigned char)(cp >= 'A' && cp <= 'Z' ? cp | 0x20 : cp < 0x20 || cp == 0x7f ? ' ' : cp), i);
			i = end;
			continue;
		}
		if (is_apostrophe(cp) && end == i + (uint32_t)n) {
			put(&o, '\'', i);
			i = end;
			continue;
		}
		utf8proc_int32_t buf[CLUSTER_MAX * 2];
		/* COMPAT only takes effect with DECOMPOSE (or COMPOSE): without
		 * it, NBSP and the ij ligature would pass unchanged. */
		utf8proc_ssize_t k = utf8proc_decompose(s + i, end - i, buf, CLUSTER_MAX,
							UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
								UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
		if (k > 0 && k <= CLUSTER_MAX)
			k = utf8proc_reencode(buf, k, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STABLE |
							      UTF8PROC_COMPOSE);
		if (k > 0 && k <= CLUSTER_MAX && o.len + (uint64_t)k * 4 <= cap) {
			const unsigned char *enc = (const unsigned char *)buf;
			for (utf8proc_ssize_t j = 0; j < k; j++) {
				/* utf8proc_reencode leaves UTF-8 bytes in buf's memory */
				unsigned char b = enc[j];
				if (b < 0x80 && (b < 0x20 || b == ' '))
					b = ' ';
				put(&o, b, i);
			}
			/* NFKC can yield a space (NBSP): white space is a space */
		} else if (o.len + (end - i) <= cap) {
			for (uint32_t j = i; j < end; j++)
				put(&o, s[j], i);
		}
		i = end;
	}
	while (o.len && o.text[o.len - 1] == ' ')
		o.len--;
	o.text[o.len] = '\0';
	o.from[o.len] = len;
	f->text = o.text;
	f->from = o.from;
	f->len = o.len;
	return 0;
}
