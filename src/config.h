/* config.h — the project configuration, `.promise.ini`.
 *
 * INI syntax, read with libinih (grammar/FORMAT.md, "Configuration", is
 * the reference). A configuration sets rule severities and off switches,
 * a rule selection, the due-soon window, the language of promise texts,
 * the people who may make promises, and words added to or removed from the
 * vague-word lexicons. config_apply() lays it over a run's options; the
 * command line then has the last word.
 *
 * Discovery: config_find() walks up from a directory to the first one that
 * holds `.promise.ini`, stopping after the repository root (the directory
 * holding `.git`) or at the file system root.
 *
 * Errors: a configuration that is not valid fills struct config_error
 * (line and message) and config_parse() returns CONFIG_INVALID; nothing
 * here prints. A struct config owns everything it holds; release it with
 * config_release(), after every lint_options that points to it. */
#ifndef PROMISE_CONFIG_H
#define PROMISE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "rules.h"
#include "textnorm.h"
#include "vague.h"
#include "wordlist.h"

#define CONFIG_FILE_NAME ".promise.ini"

struct lint_options;

enum config_status { CONFIG_OK = 0, CONFIG_INVALID = 1, CONFIG_NOMEM = -1, CONFIG_IO = -2 };

struct config_error {
	uint32_t line;        /* 1-based; 0 when the whole file is at fault */
	char message[256];
};

struct config {
	const struct allocator *alloc;
	struct arena strings;
	/* [rules] */
	enum severity severity[RULE_COUNT];
	bool severity_set[RULE_COUNT];
	/* [lint] */
	bool has_select;
	bool select[RULE_COUNT];
	bool ignore[RULE_COUNT];
	int due_soon_days;    /* -1: not set */
	bool has_language;
	enum lang language;
	/* [people] known: as written, and folded for comparison */
	const char **people;
	const char **people_folded;
	size_t npeople, cap_people;
	/* [vague.LANG] add and remove */
	struct wordlist add[LANG_COUNT];
	unsigned char *removed[LANG_COUNT];
	struct vague_custom vague;    /* points into add and removed */
	bool has_vague;
	/* where each setting was made, for "set twice" errors */
	uint32_t lint_line[4];
	uint32_t rule_line[RULE_COUNT];
};

void config_init(struct config *c, const struct allocator *alloc);
void config_release(struct config *c);

/* Parse a configuration held in memory (it need not end in a NUL). */
enum config_status config_parse(struct config *c, const char *text, size_t len,
				struct config_error *err);
/* Read and parse a file; CONFIG_IO leaves errno set. */
enum config_status config_load(struct config *c, const char *path, struct config_error *err);

/* Lay the configuration over `o` (severities, selection, window, language,
 * and pointers to its people and vague-word changes). */
void config_apply(const struct config *c, struct lint_options *o);

/* Parse a comma-separated list of rule names or codes into `out` (set, not
 * cleared). Returns 0, or -1 with the first unknown name copied to `bad`. */
int config_rule_list(const char *list, bool out[RULE_COUNT], char *bad, size_t bad_size);

/* Search `dir` and its parents for CONFIG_FILE_NAME (see above). Returns 1
 * with the file's path in `out`, 0 when there is none, -1 with errno when
 * a directory could not be examined. */
int config_find(const char *dir, struct buf *out);

/* A `by:` value or a configured name reduced to what identifies a person:
 * without "<mail>" and "(organisation)" parts, folded (textnorm.h). */
int config_fold_name(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *out);

#endif
