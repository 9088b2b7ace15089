/* workspace.h — every .promise file the editor's session covers, analysed
 * together.
 *
 * The workspace is the open documents plus every `*.promise` file under the
 * workspace folders (found with walk.h). One analysis (analyze.h) runs over
 * all of them, so IDs referenced across files resolve and duplicate IDs
 * across files are found; an open document is analysed from its unsaved
 * text and the file on disk with the same path is left out. Files on disk
 * are read once and read again when their size or modification time
 * changes; the folders are searched again when marked stale (a file was
 * created, deleted or saved).
 *
 * After ws_analyze(), each open document's `diags` is its slice of the
 * workspace's diagnostics, and the workspace holds the facts (IDs, due
 * dates, states) and the known people (distinct `by` and `to` values)
 * until the next analysis. The workspace owns all of it. */
#ifndef PROMISE_LSP_WORKSPACE_H
#define PROMISE_LSP_WORKSPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "../analyze.h"
#include "../buf.h"
#include "documents.h"

struct ws_file {
	char *path;
	struct buf text;
	struct timespec mtime;
	off_t size;
	bool loaded;
};

struct ws_people {
	const char **items;   /* distinct values, in the order first seen */
	size_t len, cap;
	uint32_t *slots;      /* hash table of item indices + 1 */
	size_t nslots;
	struct arena strings;
};

struct workspace {
	const struct allocator *alloc;
	char **roots;          /* absolute folder paths */
	size_t nroots, cap_roots;
	struct ws_file *files;
	size_t nfiles, cap_files;
	bool stale;            /* search the folders again before analysing */
	struct analysis a;     /* the last analysis */
	bool analysed;
	struct ws_people people;
	struct lint_options opt;
	uint64_t analyses;     /* how many have run (for tests and the benchmark) */
};

void ws_init(struct workspace *w, const struct allocator *alloc);
void ws_release(struct workspace *w);
/* Add or remove a folder (marks the workspace stale). -1 when out of memory. */
int ws_add_root(struct workspace *w, const char *path);
void ws_remove_root(struct workspace *w, const char *path);

/* Analyse the open documents and the workspace's files with `opt` (copied).
 * Unreadable files are left out. */
enum analysis_error ws_analyze(struct workspace *w, struct doc_store *docs,
			       const struct lint_options *opt);

/* What the last analysis knows about a promise ID, or NULL. */
const struct promise_fact *ws_promise(const struct workspace *w, const char *id, size_t len);
/* The name a file index of the last analysis was reported under. */
const char *ws_file_name(const struct workspace *w, uint32_t file);

#endif
