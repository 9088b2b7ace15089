/* fsio.h — whole-file reads and atomic rewrites.
 *
 * fsio_write_atomic() never leaves a half-written file behind: it writes a
 * temporary file in the same directory, flushes it to disk, gives it the
 * original's permissions, and renames it over the original. On any failure
 * the original is untouched, the temporary is removed, and -1 is returned
 * with errno set. The system calls go through `struct fsio_ops` so tests can
 * make any of them fail. */
#ifndef PROMISE_FSIO_H
#define PROMISE_FSIO_H

#include <stddef.h>
#include <sys/types.h>

#include "buf.h"

struct fsio_ops {
	ssize_t (*write)(int fd, const void *buf, size_t n);
	int (*fsync)(int fd);
	int (*rename)(const char *from, const char *to);
	int (*close)(int fd);
};

/* The real system calls. */
extern const struct fsio_ops fsio_system;

/* Read all of `path` into `out` (appended). -1 with errno on failure. */
int fsio_read_file(const char *path, struct buf *out);
/* Read all of an open descriptor into `out`. */
int fsio_read_fd(int fd, struct buf *out);

/* Replace `path` with `data` atomically (see above). A missing `path` is
 * created with mode 0644 less the umask. ops NULL means fsio_system. */
int fsio_write_atomic(const char *path, const void *data, size_t len, const struct fsio_ops *ops);

/* Create `path` with `data`, failing with EEXIST if it exists (O_EXCL):
 * for files that must never be overwritten. */
int fsio_write_new(const char *path, const void *data, size_t len);

#endif
