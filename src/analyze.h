/* analyze.h — the one entry point from bytes to diagnostics.
 *
 * The command line and the editor server are thin shells over this: add
 * sources (files or buffers), then finish. Per-promise rules run while each
 * chunk is alive; cross-promise rules run in analysis_finish() on the facts
 * copied out. Nothing here prints or exits: system failures come back as
 * enum analysis_error values (with errno).
 *
 * Two ways to receive diagnostics:
 * - collected (emit == NULL): every diagnostic is copied into `diags`, and
 *   analysis_finish() sorts them by file, line and column (the editor
 *   server, tests);
 * - streamed (emit set): each chunk's diagnostics are sorted and handed to
 *   emit() while the chunk is alive, pointing into it (copy what you keep);
 *   the cross-promise ones (dangling and overdue references) follow, sorted,
 *   in analysis_finish(). Memory then stays bounded by the chunk and the
 *   facts, however many findings there are (the command line). */
#ifndef PROMISE_ANALYZE_H
#define PROMISE_ANALYZE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "facts.h"
#include "options.h"
#include "suppress.h"

enum analysis_error {
	ANALYSIS_OK = 0,
	ANALYSIS_NOMEM,
	ANALYSIS_IO,        /* errno says why */
	ANALYSIS_TOO_BIG,   /* one record or line beyond what a chunk can hold */
	ANALYSIS_EMIT       /* the emit callback failed */
};

struct chunk_model;
struct record;

/* Called for every record while its chunk is alive (listing commands use
 * this to copy what they need). Return nonzero to stop with ANALYSIS_NOMEM. */
typedef int analysis_record_fn(void *ctx, uint32_t file, const struct chunk_model *m,
			       const struct record *r);

/* Receives each diagnostic in streamed mode; nonzero stops the analysis
 * with ANALYSIS_EMIT (the callback keeps its own reason, e.g. errno). */
typedef int analysis_emit_fn(void *ctx, const struct diag *d);

struct workpool;
struct chunk_job;

struct analysis {
	const struct allocator *alloc;
	const struct lint_options *opt;
	struct diag_list diags;
	struct facts facts;
	char **file_names;
	size_t nfiles, cap_files;
	struct arena scratch;         /* the ordered work's, reused for every record */
	uint64_t bytes, records;
	analysis_record_fn *on_record;
	void *on_record_ctx;
	analysis_emit_fn *emit;       /* NULL: collect into diags */
	void *emit_ctx;
	size_t counts[3];             /* findings per severity (both modes) */
	int failed;                   /* an allocation failed in a sink */
	/* Options per file index, for callers with a configuration per file
	 * (config.h): entries beyond nfile_opts, and NULL ones, mean `opt`.
	 * The caller owns the array and keeps it alive during the run. */
	const struct lint_options *const *file_opts;
	size_t nfile_opts;
	struct suppressions suppress; /* # promise-ignore directives seen */
	/* Threads that judge chunks (parse them and run the rules that read
	 * only their chunk), the caller's included: jobs - 1 workers, while
	 * the caller's reads, keeps the facts, runs the ordered rules, hands
	 * findings over in input order, and judges too while it waits. The
	 * output is the same for any number. 0 or 1: no worker. Set
	 * before the first source; the allocator must then be thread-safe.
	 * The run's first chunk is judged on the caller's thread; the
	 * workers take the rest, of whichever file. */
	unsigned jobs;
	struct chunk_job *solo;       /* the chunk judged on the caller's thread */
	struct chunk_job *ring;       /* jobs * 2 chunks in flight */
	size_t nring, next_slot;
	struct workpool *pool;        /* started at the run's second chunk */
	uint64_t chunks_seen;
	bool pool_failed;             /* ... and not again once that failed */
};

void analysis_init(struct analysis *a, const struct lint_options *opt,
		   const struct allocator *alloc);
void analysis_release(struct analysis *a);

/* Register a file name; returns its index or -1 when out of memory. */
long analysis_add_name(struct analysis *a, const char *name);
/* Lint what `fd` reads, reported under file index `file`. A regular file
 * is read up to the size it had when this was called: bytes appended
 * meanwhile are left for the next run. */
enum analysis_error analysis_add_fd(struct analysis *a, uint32_t file, int fd);
/* Lint a buffer (an editor's document, a test's string). */
enum analysis_error analysis_add_buffer(struct analysis *a, uint32_t file,
					const void *data, size_t len);
/* With jobs, a source's chunks may still be in flight when
 * analysis_add_fd() or _buffer() returns, their findings not yet handed
 * over, while the next source's are read. Settle them all: after this
 * every finding of the sources added is out. analysis_finish() begins
 * with it; call it before changing what settling uses (on_record, emit).
 * Errors as analysis_add_fd(), but never ANALYSIS_IO. */
enum analysis_error analysis_wait(struct analysis *a);
/* Run the cross-promise rules and sort the diagnostics. */
enum analysis_error analysis_finish(struct analysis *a);

#endif
