/* filelang.h — the language a file declares for its promise texts.
 *
 * A comment line `# promise-lang: nl` (en, nl, sv, or auto to recognise
 * each promise's language) above the first promise of a file sets the
 * language vague-wording reads that file's texts in; it wins over the
 * command line's --lang and the configuration's `language`, which speak
 * for many files at once. grammar/FORMAT.md, "Languages", is the user's
 * reference. Only comments count, so the directive is found in the model
 * (model.h); nothing here allocates or reports. */
#ifndef PROMISE_FILELANG_H
#define PROMISE_FILELANG_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "vague.h"

/* No directive: the run's language applies. Never an enum lang value. */
#define FILELANG_NONE (-2)

struct filelang_directive {
	uint32_t value_off, value_len;  /* the language as written, in the comment */
	bool valid;                     /* the value names a language */
	enum lang lang;                 /* when valid (LANG_AUTO for "auto") */
};

/* Whether a comment's text (after '#') is a promise-lang directive, and
 * what it says. */
bool filelang_parse(const unsigned char *text, uint32_t len, struct filelang_directive *out);

/* The language a chunk declares at the top of its file: the first valid
 * directive among its comments above the file's first promise, or
 * FILELANG_NONE. `file_top`: no record of the file came before the chunk
 * (the top of a file may span chunks when it is long). Directives anywhere
 * else are ignored here (vague-wording reports them). */
int filelang_of_chunk(const struct chunk_model *m, bool file_top);

/* Whether comment k of a chunk stands above the file's first promise (the
 * only place a directive counts): no record of the file came before the
 * chunk (`file_top`), and the comment stands above the chunk's first
 * record. */
bool filelang_at_top(const struct chunk_model *m, bool file_top, uint32_t k);

#endif
