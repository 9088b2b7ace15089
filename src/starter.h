/* starter.h — the files `promise init` writes into a new repository of
 * promises: a commented configuration, one example promise, the git
 * attributes that name promises in diff hunk headers, and a CI workflow.
 *
 * Text only, no I/O: the command creates directories and files and never
 * overwrites one. Paths are relative to the target directory and use '/'.
 * The example promise is dated from `today` and marked kept, so it never
 * falls overdue and fails a build. */
#ifndef PROMISE_STARTER_H
#define PROMISE_STARTER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The regular expression (POSIX extended) git uses to find the promise a
 * hunk belongs to, and the arguments of the `git config` that sets it. */
#define STARTER_XFUNCNAME "^promise[[:blank:]:].*"
#define STARTER_GIT_CONFIG "config diff.promise.xfuncname '" STARTER_XFUNCNAME "'"
/* The .gitattributes line that selects that diff driver. */
#define STARTER_ATTRIBUTE "*.promise diff=promise"

struct starter_file {
	const char *path;   /* relative to the target directory */
	const char *what;   /* a few words for the report */
};

extern const struct starter_file starter_files[];
extern const size_t starter_count;

/* Append the content of starter_files[index] to `out`. Returns 0, or -1
 * when memory ran out (`out` then holds a prefix of it). */
int starter_render(size_t index, int32_t today, struct buf *out);

#endif
