/* fsio.c — temporary file + fsync + rename, the one portable way to replace
 * a file so that a crash or a full disk leaves either the old or the new
 * content, never a mix. Rejected: writing in place (a failed write truncates
 * the user's file) and copying the original aside (two writes to fail). */
#include "fsio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static ssize_t sys_write(int fd, const void *b, size_t n) { return write(fd, b, n); }
static int sys_fsync(int fd) { return fsync(fd); }
static int sys_rename(const char *a, const char *b) { return rename(a, b); }
static int sys_close(int fd) { return close(fd); }

const struct fsio_ops fsio_system = { sys_write, sys_fsync, sys_rename, sys_close };

int fsio_read_fd(int fd, struct buf *out)
{
	for (;;) {
		if (buf_reserve(out, 65536)) {
			errno = ENOMEM;
			return -1;
		}
		ssize_t n = read(fd, out->data + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
	}
	return 0;
}

int fsio_read_file(const char *path, struct buf *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsio_read_fd(fd, out);
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

static int write_all(const struct fsio_ops *ops, int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = ops->write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int fsio_write_atomic(const char *path, const void *data, size_t len, const struct fsio_ops *ops)
{
	if (!ops)
		ops = &fsio_system;
	size_t plen = strlen(path);
	char *tmp = malloc(plen + 16);
	if (!tmp) {
		errno = ENOMEM;
		return -1;
	}
	/* The temporary sits beside the original: rename() is only atomic
	 * within one file system. The name hides it from directory walks. */
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
	memcpy(tmp, path, dir);
	snprintf(tmp + dir, plen - dir + 16, ".%s.XXXXXX", path + dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	struct stat st;
	mode_t mode = 0;
	if (stat(path, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0644 & ~mask;
	}
	int rc = -1, saved = 0;
	if (fchmod(fd, mode) == 0 && write_all(ops, fd, data, len) == 0 && ops->fsync(fd) == 0) {
		int c = ops->close(fd);
		fd = -1;
		if (c == 0 && ops->rename(tmp, path) == 0)
			rc = 0;
	}
	if (rc) {
		saved = errno;
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		errno = saved;
	}
	free(tmp);
	return rc;
}

int fsio_write_new(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0)
		return -1;
	if (write_all(&fsio_system, fd, data, len) || fsync(fd)) {
		int saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	return close(fd);
}
