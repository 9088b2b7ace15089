/* json.c — one JSON array, an object per diagnostic, one object per line.
 *
 * Escaping is jansson's: every string that can hold arbitrary text (the
 * message, the file name, the hint) is encoded by json_dumpb(). What is
 * ours is only the frame: the object's fixed keys, numbers, and values that
 * are identifiers by construction (rule names and codes, severities, and
 * promise IDs, which the format limits to letters, digits, '-', '_', '.').
 * File names and hints repeat, so their encoded form is cached (hints by
 * their text: most are the same few dozen sentences). Rejected:
 * json_pack() + json_dumpf() per finding — building a hash table and
 * sorting its keys for every object cost over 2 µs a finding. */
#include <errno.h>
#include <stdbool.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../rules.h"
#include "../utf8.h"
#include "render.h"

enum { HINT_CACHE = 64 };

struct json_state {
	char *file;          /* the last file name, encoded */
	size_t file_len;
	const char *file_raw;
	char *hints[HINT_CACHE]; /* a hint's text -> its encoded form */
	char *hint_json[HINT_CACHE];
	size_t hint_len[HINT_CACHE];
	size_t nhints;
};

/* Encode a string as a JSON string literal into a malloc'd buffer. Text
 * with nothing to escape (no quote, backslash or control character; the
 * text is valid UTF-8 by construction) is framed as it is: the same bytes
 * jansson would write, for a fraction of the cost. */
static char *encode(const char *s, size_t n, size_t *out_len)
{
	size_t i = 0;
	while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
		i++;
	if (i == n) {
		char *buf = malloc(n + 2);
		if (!buf)
			return NULL;
		buf[0] = '"';
		memcpy(buf + 1, s, n);
		buf[n + 1] = '"';
		*out_len = n + 2;
		return buf;
	}
	json_t *j = json_stringn_nocheck(s, n);
	if (!j)
		return NULL;
	size_t need = json_dumpb(j, NULL, 0, JSON_ENCODE_ANY);
	char *buf = need ? malloc(need) : NULL;
	if (buf && json_dumpb(j, buf, need, JSON_ENCODE_ANY) != need) {
		free(buf);
		buf = NULL;
	}
	json_decref(j);
	*out_len = need;
	return buf;
}

static int json_begin(struct render_ctx *r)
{
	r->state = calloc(1, sizeof(struct json_state));
	if (!r->state) {
		errno = ENOMEM;
		return -1;
	}
	return fputs("[", r->out) < 0 ? -1 : 0;
}

/* The encoded hint, from the cache or made now. *owned says whether the
 * caller must free it (the cache is full). */
static const char *hint_json(struct json_state *st, const char *hint, size_t *len, bool *owned)
{
	*owned = false;
	for (size_t i = 0; i < st->nhints; i++)
		if (!strcmp(st->hints[i], hint)) {
			*len = st->hint_len[i];
			return st->hint_json[i];
		}
	char *enc = encode(hint, strlen(hint), len);
	if (!enc)
		return NULL;
	char *key = st->nhints < HINT_CACHE ? strdup(hint) : NULL;
	if (!key) {
		*owned = true;
		return enc;
	}
	st->hints[st->nhints] = key;
	st->hint_json[st->nhints] = enc;
	st->hint_len[st->nhints++] = *len;
	return enc;
}

static int json_diag(struct render_ctx *r, const struct diag *d, const char *file_name)
{
	struct json_state *st = r->state;
	const struct rule *rule = rule_table[d->rule];
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
	size_t msg_len = 0, hint_len = 0;
	bool hint_owned = false;
	char *msg = encode(d->message, strlen(d->message), &msg_len);
	const char *hint = d->hint ? hint_json(st, d->hint, &hint_len, &hint_owned) : "null";
	if (!d->hint)
		hint_len = 4;
	if (!msg || !hint) {
		free(msg);
		errno = ENOMEM;
		return -1;
	}
	FILE *out = r->out;
	fputs(r->count ? ",\n  {\"file\":" : "\n  {\"file\":", out);
	fwrite(st->file, 1, st->file_len, out);
	fprintf(out, ",\"line\":%u,\"column\":%u,\"end_line\":%u,\"end_column\":%u,"
		     "\"severity\":\"%s\",\"rule\":\"%s\",\"code\":\"%s\",\"message\":",
		d->line, d->column, d->end_line, d->end_column, severity_name(d->severity), rule->name,
		rule->code);
	fwrite(msg, 1, msg_len, out);
	fputs(",\"hint\":", out);
	fwrite(hint, 1, hint_len, out);
	if (d->promise)
		fprintf(out, ",\"promise\":\"%s\"}", d->promise);
	else
		fputs(",\"promise\":null}", out);
	free(msg);
	if (hint_owned)
		free((char *)hint);
	return ferror(out) ? -1 : 0;
}

static int json_end(struct render_ctx *r, const char *const *files, size_t nfiles)
{
	(void)files;
	(void)nfiles;
	struct json_state *st = r->state;
	if (st) {
		free(st->file);
		for (size_t i = 0; i < st->nhints; i++) {
			free(st->hints[i]);
			free(st->hint_json[i]);
		}
		free(st);
		r->state = NULL;
	}
	fputs(r->count ? "\n]\n" : "]\n", r->out);
	return ferror(r->out) || fflush(r->out) ? -1 : 0;
}

const struct renderer render_json = { "json", json_begin, json_diag, json_end, NULL };
