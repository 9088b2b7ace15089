/* json.c — one JSON array, an object per diagnostic, one object per line.
 *
 * Escaping is jansson's: every string that can hold arbitrary text (the
 * message, the file name, the hint) is encoded by json_dumpb(). What is
 * ours is only the frame: the object's fixed keys, numbers, and values that
 * are identifiers by construction (rule names and codes, severities, and
 * promise IDs, which the format limits to letters, digits, '-', '_', '.').
 * File names and hints repeat, so their encoded form is cached (hints by
 * their text: most are the same few dozen sentences), and so is the run
 * from the severity to the message's key, per rule and severity (the
 * strlen() and copies of three short strings cost more than the numbers
 * of a finding). The objects are assembled in one buffer and written a
 * block at a time (an fwrite() per finding cost a fifth of the renderer:
 * the stream's lock and bookkeeping). Rejected: json_pack() + json_dumpf()
 * per finding — building a hash table and sorting its keys for every
 * object cost over 2 µs a finding; fprintf() for the frame — its format
 * parsing cost more than all the rest. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../buf.h"
#include "../rules.h"
#include "../utf8.h"
#include "../word8.h"
#include "put.h"
#include "render.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum { HINT_CACHE = 64, SEVERITIES = 4 /* off, info, warning, error */ };

/* The bytes of findings held before they are written. A few KiB take
 * the fwrite() calls from one a finding to one in ten; a larger block
 * would gain nothing more, and glibc copies a block of 4 KiB or more into
 * the stream's buffer with `rep movsb`, which callgrind (the measure in
 * bench/README.md) counts a byte at a time. */
enum { JSON_BLOCK = 3584 };

struct json_state {
	char *file;          /* the last file name, encoded */
	size_t file_len;
	const char *file_raw;
	char *hints[HINT_CACHE]; /* a hint's text -> its encoded form */
	uint64_t hint_key[HINT_CACHE]; /* hint_key() of each, compared first */
	size_t hint_raw_len[HINT_CACHE]; /* and its strlen() */
	char *hint_json[HINT_CACHE];
	size_t hint_len[HINT_CACHE];
	size_t nhints;
	/* ,"severity":"…","rule":"…","code":"…","message": by rule and
	 * severity, made when first needed */
	char *frame[RULE_COUNT][SEVERITIES];
	size_t frame_len[RULE_COUNT][SEVERITIES];
	struct buf held;     /* findings not written yet, under JSON_BLOCK
				bytes between calls */
};

/* Whether no byte of x needs escaping in a JSON string. */
static bool plain_word(uint64_t x)
{
	return !(word8_less(x, 0x20) | word8_byte(x, '"') | word8_byte(x, '\\'));
}

#ifdef __SSE2__
/* The same for sixteen bytes. A byte is below 0x20 when, with its top bit
 * flipped, it is below 0xA0 as a signed byte. */
static bool plain_block(const char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i ctl = _mm_cmplt_epi8(_mm_xor_si128(v, _mm_set1_epi8((char)0x80)), _mm_set1_epi8((char)0xA0));
	__m128i esc = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
	return _mm_movemask_epi8(_mm_or_si128(ctl, esc)) == 0;
}
#endif

/* The length of the prefix of s that a JSON string carries as it is: no
 * quote, backslash or control character. Sixteen bytes at a time (SSE2),
 * then eight (word8.h), then byte by byte from the word that holds one. */
static size_t plain_prefix(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	while (i + 16 <= n && plain_block(s + i))
		i += 16;
	if (n - i < 16 && i < n && n >= 16 && plain_block(s + n - 16))
		return n; /* the tail as the last block, as below */
#endif
	for (; i + 8 <= n; i += 8) {
		if (!plain_word(word8_load(s + i)))
			break;
	}
	/* the tail as the last word, which holds only plain bytes before it */
	if (n - i < 8 && i < n && n >= 8 && plain_word(word8_load(s + n - 8)))
		return n;
	while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
		i++;
	return i;
}

/* Append a string as a JSON string literal. Text with nothing to escape
 * (the text is valid UTF-8 by construction) is framed as it is: the same
 * bytes jansson would write, for a fraction of the cost. -1 when out of
 * memory. */
static int encode_to(struct buf *b, const char *s, size_t n)
{
	if (plain_prefix(s, n) == n) {
		char *p = put_begin(b, n + 2);
		if (!p)
			return -1;
		*p++ = '"';
		p = put_mem(p, s, n);
		*p++ = '"';
		put_end(b, p);
		return 0;
	}
	json_t *j = json_stringn_nocheck(s, n);
	if (!j)
		return -1;
	size_t need = json_dumpb(j, NULL, 0, JSON_ENCODE_ANY);
	char *p = need ? put_begin(b, need) : NULL;
	int rc = -1;
	if (p && json_dumpb(j, p, need, JSON_ENCODE_ANY) == need) {
		put_end(b, p + need);
		rc = 0;
	}
	json_decref(j);
	return rc;
}

/* The same into a malloc'd buffer, for the caches. */
static char *encode(const char *s, size_t n, size_t *out_len)
{
	struct buf b;
	buf_init(&b, NULL);
	char *copy = encode_to(&b, s, n) ? NULL : malloc(b.len);
	if (copy) {
		memcpy(copy, b.data, b.len);
		*out_len = b.len;
	}
	buf_release(&b);
	return copy;
}

static int json_begin(struct render_ctx *r)
{
	struct json_state *st = calloc(1, sizeof *st);
	if (!st) {
		errno = ENOMEM;
		return -1;
	}
	buf_init(&st->held, NULL);
	r->state = st;
	return fputs("[", r->out) < 0 ? -1 : 0;
}

/* A hint's first eight bytes as a number (fewer when it is shorter): the
 * hints of one run differ there, so a lookup compares numbers and calls
 * memcmp() about once. */
static uint64_t hint_key(const char *s, size_t n)
{
	if (n >= 8)
		return word8_load(s); /* byte order does not matter to equality */
	uint64_t key = 0;
	for (size_t i = 0; i < n; i++)
		key = key << 8 | (unsigned char)s[i];
	return key;
}

/* The encoded hint, from the cache or made now. *owned says whether the
 * caller must free it (the cache is full). */
static const char *hint_json(struct json_state *st, const char *hint, size_t n, size_t *len,
			     bool *owned)
{
	*owned = false;
	uint64_t key = hint_key(hint, n);
	for (size_t i = 0; i < st->nhints; i++)
		if (st->hint_key[i] == key && st->hint_raw_len[i] == n && !memcmp(st->hints[i], hint, n)) {
			*len = st->hint_len[i];
			return st->hint_json[i];
		}
	char *enc = encode(hint, n, len);
	if (!enc)
		return NULL;
	char *copy = st->nhints < HINT_CACHE ? strdup(hint) : NULL;
	if (!copy) {
		*owned = true;
		return enc;
	}
	st->hints[st->nhints] = copy;
	st->hint_key[st->nhints] = key;
	st->hint_raw_len[st->nhints] = n;
	st->hint_json[st->nhints] = enc;
	st->hint_len[st->nhints++] = *len;
	return enc;
}

/* The frame from the severity to the message's key for d's rule and
 * severity, from the cache or made now; NULL when out of memory. */
static const char *frame(struct json_state *st, const struct diag *d, size_t *len)
{
	unsigned sev = (unsigned)(d->severity - SEV_OFF);
	char **slot = &st->frame[d->rule][sev];
	if (!*slot) {
		const struct rule *rule = rule_table[d->rule];
		const char *name = severity_name(d->severity);
		size_t sev_len = strlen(name), name_len = strlen(rule->name), code_len = strlen(rule->code);
		char *p = malloc(64 + sev_len + name_len + code_len);
		if (!p)
			return NULL;
		*slot = p;
		p = put_mem(put_lit(p, ",\"severity\":\""), name, sev_len);
		p = put_mem(put_lit(p, "\",\"rule\":\""), rule->name, name_len);
		p = put_mem(put_lit(p, "\",\"code\":\""), rule->code, code_len);
		p = put_lit(p, "\",\"message\":");
		st->frame_len[d->rule][sev] = (size_t)(p - *slot);
	}
	*len = st->frame_len[d->rule][sev];
	return *slot;
}

/* Write the findings held; -1 when writing failed. */
static int write_held(struct render_ctx *r, struct json_state *st)
{
	struct buf *b = &st->held;
	if (!b->len)
		return 0; /* and b->data may be NULL, which fwrite() must not see */
	int rc = fwrite(b->data, 1, b->len, r->out) != b->len || ferror(r->out) ? -1 : 0;
	buf_clear(b);
	return rc;
}

static int json_diag(struct render_ctx *r, const struct diag *d, const char *file_name)
{
	struct json_state *st = r->state;
	if (st->file_raw != file_name) {
		char clean[4096]; /* a file name need not be UTF-8; JSON must be */
		utf8_clean((const unsigned char *)file_name, strlen(file_name), clean, sizeof clean);
		free(st->file);
		st->file = encode(clean, strlen(clean), &st->file_len);
		st->file_raw = st->file ? file_name : NULL;
		if (!st->file) {
			errno = ENOMEM;
			return -1;
		}
	}
	size_t frame_len;
	const char *fr = frame(st, d, &frame_len);
	if (!fr) {
		errno = ENOMEM;
		return -1;
	}
	size_t hint_len = 4;
	bool hint_owned = false;
	const char *hint = d->hint ? hint_json(st, d->hint, diag_hint_len(d), &hint_len, &hint_owned) : "null";
	if (!hint) {
		errno = ENOMEM;
		return -1;
	}
	struct buf *b = &st->held;
	size_t start = b->len; /* what a failure below leaves held */
	char *p = put_begin(b, 64 + st->file_len + 4 * PUT_U32_DIGITS + frame_len);
	int rc = -1;
	if (p) {
		p = r->count ? put_lit(p, ",\n  {\"file\":") : put_lit(p, "\n  {\"file\":");
		p = put_mem(p, st->file, st->file_len);
		p = put_u32(put_lit(p, ",\"line\":"), d->line, 0);
		p = put_u32(put_lit(p, ",\"column\":"), d->column, 0);
		p = put_u32(put_lit(p, ",\"end_line\":"), d->end_line, 0);
		p = put_u32(put_lit(p, ",\"end_column\":"), d->end_column, 0);
		put_end(b, put_mem(p, fr, frame_len));
		rc = encode_to(b, d->message, diag_message_len(d));
	}
	size_t id_len = diag_promise_len(d);
	p = rc ? NULL : put_begin(b, 32 + hint_len + id_len);
	if (p) {
		p = put_mem(put_lit(p, ",\"hint\":"), hint, hint_len);
		if (d->promise)
			p = put_lit(put_mem(put_lit(p, ",\"promise\":\""), d->promise, id_len), "\"}");
		else
			p = put_lit(p, ",\"promise\":null}");
		put_end(b, p);
	}
	if (hint_owned)
		free((char *)hint);
	if (!p) {
		if (b->data) {
			b->len = start;
			b->data[start] = '\0';
		}
		errno = ENOMEM;
		return -1;
	}
	return b->len < JSON_BLOCK ? 0 : write_held(r, st);
}

static void json_free(struct render_ctx *r)
{
	struct json_state *st = r->state;
	free(st->file);
	buf_release(&st->held);
	for (size_t i = 0; i < st->nhints; i++) {
		free(st->hints[i]);
		free(st->hint_json[i]);
	}
	for (size_t k = 0; k < RULE_COUNT; k++)
		for (size_t v = 0; v < SEVERITIES; v++)
			free(st->frame[k][v]);
	free(st);
	r->state = NULL;
}

static int json_stop(struct render_ctx *r)
{
	int rc = 0;
	if (r->state) {
		rc = write_held(r, r->state);
		json_free(r);
	}
	return rc;
}

static int json_end(struct render_ctx *r, const char *const *files, size_t nfiles)
{
	(void)files;
	(void)nfiles;
	int rc = json_stop(r);
	fputs(r->count ? "\n]\n" : "]\n", r->out);
	return rc || ferror(r->out) || fflush(r->out) ? -1 : 0;
}

const struct renderer render_json = { "json", json_begin, json_diag, json_end, json_stop, NULL };
