/* syscalls.c — a preload library that makes chosen system calls fail, so
 * the end-to-end tests can show what the real binary does when a disk
 * errs, fills up or refuses a rename. (The unit tests inject the same
 * faults through struct fsio_ops; this reaches the paths that have no
 * such seam, reading above all, and the messages and exit codes.)
 *
 *   LD_PRELOAD=.../libfaults.so FAULT_CALL=read FAULT_PATH=x.promise \
 *       FAULT_AFTER=100 FAULT_ERRNO=EIO promise fmt --write x.promise
 *
 * FAULT_CALL   read: reads of a file whose path ends with FAULT_PATH;
 *              write: writes to any descriptor but standard output and
 *              error (the temporary file of an atomic rewrite);
 *              fsync, close: of a file being written; rename: a rename
 *              onto a path ending with FAULT_PATH.
 * FAULT_AFTER  bytes that get through before read or write fails (0).
 * FAULT_ERRNO  EIO (default), ENOSPC, EXDEV, EDQUOT or EROFS.
 * Nothing else is changed. Rejected: seams in the code for the sake of
 * tests, where the system call is the natural one. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

enum { MAX_FD = 1024 };
static bool watched[MAX_FD];  /* opened on FAULT_PATH (read) */
static bool writing[MAX_FD];  /* written to (fsync, close) */
static size_t passed;          /* bytes let through so far */

static const char *want(const char *call)
{
	const char *c = getenv("FAULT_CALL");
	return c && !strcmp(c, call) ? c : NULL;
}

static bool ends_with(const char *path, const char *suffix)
{
	size_t n = strlen(path), m = strlen(suffix);
	return m && n >= m && !strcmp(path + n - m, suffix);
}

static int fault_errno(void)
{
	const char *e = getenv("FAULT_ERRNO");
	if (!e || !strcmp(e, "EIO"))
		return EIO;
	if (!strcmp(e, "ENOSPC"))
		return ENOSPC;
	if (!strcmp(e, "EXDEV"))
		return EXDEV;
	if (!strcmp(e, "EDQUOT"))
		return EDQUOT;
	if (!strcmp(e, "EROFS"))
		return EROFS;
	return EIO;
}

static size_t after(void)
{
	const char *a = getenv("FAULT_AFTER");
	return a ? strtoul(a, NULL, 10) : 0;
}

static void note_open(int fd, const char *path)
{
	const char *p = getenv("FAULT_PATH");
	if (fd >= 0 && fd < MAX_FD) {
		watched[fd] = p && ends_with(path, p);
		writing[fd] = false;
	}
}

typedef int open_fn(const char *, int, ...);
typedef int openat_fn(int, const char *, int, ...);
typedef ssize_t read_fn(int, void *, size_t);
typedef ssize_t write_fn(int, const void *, size_t);
typedef int fd_fn(int);
typedef int rename_fn(const char *, const char *);

/* The next definition of `name` (libc's), looked up once. */
#define REAL(name, type)                                                 \
	static type *real_##name;                                        \
	if (!real_##name) {                                              \
		void *next_ = dlsym(RTLD_NEXT, #name);                   \
		memcpy(&real_##name, &next_, sizeof next_);              \
	}

int open(const char *path, int flags, ...)
{
	REAL(open, open_fn)
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	int fd = real_open(path, flags, mode);
	note_open(fd, path);
	return fd;
}

int open64(const char *path, int flags, ...)
{
	REAL(open64, open_fn)
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	int fd = real_open64(path, flags, mode);
	note_open(fd, path);
	return fd;
}

int openat(int dir, const char *path, int flags, ...)
{
	REAL(openat, openat_fn)
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	int fd = real_openat(dir, path, flags, mode);
	note_open(fd, path);
	return fd;
}

ssize_t read(int fd, void *buf, size_t n)
{
	REAL(read, read_fn)
	if (want("read") && fd >= 0 && fd < MAX_FD && watched[fd]) {
		size_t left = after() > passed ? after() - passed : 0;
		if (!left) {
			errno = fault_errno();
			return -1;
		}
		ssize_t got = real_read(fd, buf, n < left ? n : left);
		if (got > 0)
			passed += (size_t)got;
		return got;
	}
	return real_read(fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write, write_fn)
	if (fd > 2 && fd < MAX_FD)
		writing[fd] = true;
	if (want("write") && fd > 2) {
		size_t left = after() > passed ? after() - passed : 0;
		if (!left) {
			errno = fault_errno();
			return -1;
		}
		ssize_t w = real_write(fd, buf, n < left ? n : left);
		if (w > 0)
			passed += (size_t)w;
		return w;
	}
	return real_write(fd, buf, n);
}

int fsync(int fd)
{
	REAL(fsync, fd_fn)
	if (want("fsync") && fd > 2 && fd < MAX_FD && writing[fd]) {
		errno = fault_errno();
		return -1;
	}
	return real_fsync(fd);
}

int close(int fd)
{
	REAL(close, fd_fn)
	bool fail = want("close") && fd > 2 && fd < MAX_FD && writing[fd];
	int rc = real_close(fd);
	if (fd >= 0 && fd < MAX_FD)
		watched[fd] = writing[fd] = false;
	if (fail) {
		errno = fault_errno();
		return -1;
	}
	return rc;
}

int rename(const char *from, const char *to)
{
	REAL(rename, rename_fn)
	const char *p = getenv("FAULT_PATH");
	if (want("rename") && p && ends_with(to, p)) {
		errno = fault_errno();
		return -1;
	}
	return real_rename(from, to);
}
