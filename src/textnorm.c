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

/* ASCII folded: A-Z lower-cased, control characters and DEL as a space. */
static const unsigned char ascii_fold[128] = {
	0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
	0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
	0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
	0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
	0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x20,
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

/* Whether the character at i, when ASCII, folds by itself: no combining
 * mark follows it. ASCII and U+0080-U+00FF (lead bytes C2, C3; Swedish
 * and Dutch letters) have none; without this, the letter before every
 * "å" would go through utf8proc. */
static inline bool alone(const unsigned char *s, uint32_t i, uint32_t len)
{
	return i + 1 == len || s[i + 1] < 0x80 || (s[i + 1] | 1) == 0xC3;
}

/* Whether the bytes from *p up to end (reading on to len) that are not
 * ASCII are lower-case Latin-1 letters that nothing can combine with;
 * *p moves past the last one read. */
static bool latin1_lower(const unsigned char *s, uint32_t *p, uint32_t end, uint32_t len)
{
	uint32_t i = *p;
	for (; i < end; i++) {
		if (s[i] < 0x80)
			continue;
		if (s[i] != 0xC3 || i + 1 == len || s[i + 1] < 0xA0 || s[i + 1] > 0xBF)
			return false;
		i++;
		if (i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] != 0xC3)
			return false; /* perhaps a combining mark */
	}
	*p = i;
	return true;
}

/* The common case: text that folding would leave as it is. Printable
 * ASCII (the matchers ignore ASCII case) and lower-case Latin-1 letters
 * (à-ÿ: C3 A0-BF, which NFKC and case folding keep; the bulk of Dutch and
 * Swedish text) not followed by anything that could combine with them,
 * single spaces, no leading or trailing blank, and the byte after the text
 * cannot continue a word. Offsets do not move: each byte comes from where
 * it stands (a copy would say both bytes of "å" come from its first, but
 * matches start and end only at whole characters). */
static bool in_place(const unsigned char *s, uint32_t len)
{
	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' || textnorm_is_word(s[len]) ||
	    s[len] == ' ' || s[len] == '.' || s[len] == '\'')
		return false;
	if (len < 8) {
		for (uint32_t i = 0; i < len; i++)
			if (s[i] < 0x20 || s[i] == 0x7f || (s[i] == ' ' && i && s[i - 1] == ' '))
				return false;
		uint32_t p = 0;
		return latin1_lower(s, &p, len, len);
	}
	/* Eight bytes at a time (every promise text is read here), the last
	 * eight overlapping the others: a byte whose low seven bits are below
	 * 0x20 or 0x7f (a control character, DEL, or a byte no Latin-1 letter
	 * has), or two spaces in a row, and the text is not plain. No test
	 * carries from byte to byte. Bytes from 0x80 up are read one by one,
	 * in the words that hold them. */
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80, low7 = ones * 0x7f;
	uint64_t bad = 0;
	uint32_t p = 0; /* the first byte not read as Latin-1 */
	for (uint32_t i = 0;; i += 8) {
		if (i + 8 > len)
			i = len - 8;
		uint64_t x, y;
		memcpy(&x, s + i, sizeof x);
		y = x & low7;
		bad |= ~(y + ones * 0x60) | (y + ones);
		y = x ^ (ones * ' ');                    /* spaces are zero bytes */
		y = ~(((y & low7) + low7) | y) & high;   /* exactly the spaces */
		bad |= y & (y >> 8);                     /* two in the word */
		bad |= (uint64_t)(i && s[i] == ' ' && s[i - 1] == ' ') << 7;
		if (x & high) {
			if (p < i)
				p = i;
			if (!latin1_lower(s, &p, i + 8, len))
				return false;
		}
		if (i + 8 == len)
			break;
	}
	return !(bad & high);
}

int textnorm_fold(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *f)
{
	if (in_place(s, len)) {
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
		if (c < 0x80 && alone(s, i, len)) {
			/* A run of ASCII, each byte folded alone, as put() would
			 * (it stays for the rare paths): in locals, because
			 * the byte stores could alias o's fields. A space after
			 * a space is written but not kept. */
			unsigned char *text = o.text, last = o.len ? text[o.len - 1] : ' ';
			uint32_t *from = o.from, n = o.len;
			do {
				unsigned char d = ascii_fold[c];
				text[n] = d;
				from[n] = i;
				n += (d != ' ') | (last != ' ');
				last = d;
				if (++i == len)
					break;
				c = s[i];
			} while (c < 0x80 && alone(s, i, len));
			o.len = n;
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
