/* history.h — what git history says about the promises being linted.
 *
 * The rules about history (moved-due, dropped-promise), the made-date hint
 * and pull-request mode read facts that only the repository knows. This
 * module opens the repository that holds the linted paths, walks the
 * commits between a base and HEAD (then the uncommitted changes), reads the
 * *.promise blobs those commits touched, parses them with parse_chunk() and
 * keeps compact per-ID facts: how each promise's due moved and whether
 * renegotiated entries were added, and which promises disappeared and in
 * what state. Work is proportional to the commits between the base and
 * HEAD and to the files they touched; nothing is read when the range is
 * empty and the working tree is clean.
 *
 * Calling order: history_new(); history_add_scope() for every path given on
 * the command line; history_note_file() for every linted file; then
 * history_read() once, before the linted files are analysed. The facts are
 * then read by the rules through lint_options.history; in pull-request mode
 * history_on_record() is the analysis' on_record hook and
 * history_keep_changed() filters the diagnostics after analysis_finish().
 *
 * Nothing here prints or exits. history_read() returns HISTORY_SKIPPED with
 * a reason (history_why()) when the checks cannot run (no repository, a
 * shallow clone without the base, ...): the rest of the lint goes on. A
 * repository that cannot be read is HISTORY_ERROR, also with a reason.
 * history_first_committed() reads history lazily; when that fails it
 * answers "unknown" and history_failed() reports it afterwards.
 *
 * Ownership: the history owns every string it hands out; they live until
 * history_free(). */
#ifndef PROMISE_HISTORY_H
#define PROMISE_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "analyze.h"

struct history;

struct history_options {
	const char *base;           /* --base REF; NULL: the default base */
	const char *changed_since;  /* --changed-since REF; NULL: every promise */
	bool moves, drops;          /* gather the facts of these rules */
	bool first_committed;       /* answer history_first_committed() */
};

enum history_status {
	HISTORY_OK = 0,
	HISTORY_SKIPPED,   /* the checks cannot run here; history_why() says why */
	HISTORY_NOMEM,
	HISTORY_ERROR,     /* the repository could not be read; history_why() */
	HISTORY_BAD_REF    /* --base or --changed-since names no commit */
};

struct history *history_new(const struct history_options *o, const struct allocator *alloc);
void history_free(struct history *h);

/* A path named on the command line ("." when none; never "-"): its
 * *.promise files are what the history checks look at. -1 when out of
 * memory. */
int history_add_scope(struct history *h, const char *path);
/* A linted file and its index in the analysis ("-" for standard input).
 * -1 when out of memory. */
int history_note_file(struct history *h, uint32_t file, const char *path);

/* Open the repository and gather the facts. */
enum history_status history_read(struct history *h);
/* Why history_read() skipped or failed, for a note or an error message. */
const char *history_why(const struct history *h);

/* An unrecorded change of a promise's due date. */
struct history_move {
	int32_t from, to;       /* day numbers: the due before and after it */
	const char *commit;     /* short hash; NULL: the uncommitted changes */
	const char *subject;    /* the commit's summary line */
	uint32_t later;         /* further unrecorded moves after this one */
};

/* Whether the promise `id` had its due moved without a renegotiated entry
 * for the move; fills *out with the first such move. */
bool history_moved_due(const struct history *h, const char *id, size_t len,
		       struct history_move *out);

/* A promise that was open at the base and has since been deleted, in the
 * state it was in just before it went. Whether it is still defined in a
 * linted file is for the rule to check against the facts. */
struct history_drop {
	const char *id;
	const char *base;       /* the base commit's short hash */
	const char *commit;     /* the commit that deleted it; NULL: uncommitted */
	const char *subject;
	const char *path;       /* repo-relative, where it stood before */
	uint32_t file;          /* analysis file index (history_bind_names) */
	uint32_t line;          /* where its header stood before */
	const char *header;     /* that header line, without its line end */
	uint32_t header_len;
	uint32_t id_off;        /* where the ID starts in the header line */
};

size_t history_drop_count(const struct history *h);
const struct history_drop *history_drop_at(const struct history *h, size_t i);

/* Give every dropped promise a file index in the analysis: the linted
 * file's when its old path is linted, else a name added with
 * analysis_add_name() (relative to the current directory). -1 when out of
 * memory. */
int history_bind_names(struct history *h, struct analysis *a);

/* The author date (day number, in the author's time zone) of the first
 * commit that held the promise `id`. Walks the whole history once, on the
 * first call. False when unknown: never committed, a shallow clone, or a
 * read failure (then history_failed() is true). */
bool history_first_committed(struct history *h, const char *id, size_t len, int32_t *day);
/* The missing-made hint for record r of chunk m: it names the day the
 * promise was first committed when h (may be NULL) knows it, else it is
 * `fallback`. Asks history only when the record lacks a made date. */
const char *history_made_hint(struct history *h, const struct chunk_model *m,
			      const struct record *r, const char *fallback, char *out, size_t size);
/* A lazy read failed: history_why() says what. */
bool history_failed(const struct history *h);

/* Pull-request mode: whether a REF was given and could be read. */
bool history_pr_mode(const struct history *h);
/* The analysis' on_record hook in pull-request mode (ctx: the history):
 * notes which promises of the changed files differ from REF. */
analysis_record_fn history_on_record;
/* Drop the diagnostics pull-request mode does not report: keep those of
 * promises added or changed since REF (and of promises without an ID in a
 * changed file), every consistency finding of a changed file, and every
 * dropped-promise. Keeps the order. */
void history_keep_changed(const struct history *h, struct diag_list *l);
/* The same for one finding: whether pull-request mode shows it. */
bool history_keeps(const struct history *h, const struct diag *d);

#endif
