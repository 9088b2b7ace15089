/* party.h — the names in `by:` and `to:`, made comparable.
 *
 * People write the same name in different ways: "Oliver Grant <oliver@…>"
 * in one record, "oliver grant" in the next. A name's *key* is what stays
 * when e-mail addresses in angle brackets are dropped and the rest is folded
 * (textnorm.h: case, accents written either way, runs of blanks), so two
 * names with the same key are the same person or party. Its *display* form
 * is the name as written without the addresses and with blanks collapsed.
 * A parenthesised part ("(Acme BV)") is kept in both: it tells two people
 * of the same name apart. */
#ifndef PROMISE_PARTY_H
#define PROMISE_PARTY_H

#include <stdint.h>

#include "arena.h"

struct party_name {
	const char *key;      /* folded, NUL-terminated; "" for an empty name */
	uint32_t key_len;
	const char *display;  /* as written, without addresses; NUL-terminated */
	uint32_t display_len;
};

/* Both forms of the name in (s, len), in `ar`; the folding works in
 * `scratch` (which may be `ar`; a caller that keeps many names passes an
 * arena it resets, since folding takes several times the name's size).
 * -1 when out of memory. */
int party_name(struct arena *ar, struct arena *scratch, const char *s, uint32_t len,
	       struct party_name *out);

/* Whether `needle` (any spelling) occurs in the name's key: the command
 * line's --by and --to filters. `needle_key` comes from party_name(). */
int party_matches(const struct party_name *name, const char *needle_key);

#endif
