/* reader.c — fill, cut at the last record boundary, hand out, carry over.
 *
 * Rejected: mmap. It cannot read pipes or standard input, it turns an I/O
 * error into SIGBUS, and it keeps no sentinel after the data. */
#include "reader.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"

enum { DEFAULT_CHUNK = READER_DEFAULT_CHUNK, MAX_CHUNK = 0x7ffffff0, MAX_COMMENT_RUN = 64 << 20 };

static void init_common(struct reader *r, size_t chunk_size, const struct allocator *alloc)
{
	memset(r, 0, sizeof *r);
	r->alloc = alloc ? alloc : alloc_default();
	r->cap = chunk_size ? chunk_size : DEFAULT_CHUNK;
	r->fd = -1;
}

void reader_init_fd(struct reader *r, int fd, size_t chunk_size, const struct allocator *alloc)
{
	init_common(r, chunk_size, alloc);
	r->fd = fd;
}

void reader_init_mem(struct reader *r, const void *data, size_t len, size_t chunk_size,
		     const struct allocator *alloc)
{
	init_common(r, chunk_size, alloc);
	r->mem = data;
	r->mem_len = len;
	if (len < r->cap)
		r->cap = len + 1; /* one chunk, in a buffer no larger than it needs */
}

void reader_release(struct reader *r)
{
	alloc_free(r->alloc, r->buf);
	r->buf = NULL;
}

/* Read until the buffer is full or the input ends. */
static enum reader_status fill(struct reader *r)
{
	while (!r->eof && r->len < r->cap) {
		size_t want = r->cap - r->len;
		if (r->fd < 0) {
			size_t n = r->mem_len - r->mem_pos < want ? r->mem_len - r->mem_pos : want;
			memcpy(r->buf + r->len, r->mem + r->mem_pos, n);
			r->mem_pos += n;
			r->len += n;
			r->total += n;
			if (r->mem_pos == r->mem_len)
				r->eof = true;
			continue;
		}
		if (r->limit && r->limit - r->total < want)
			want = (size_t)(r->limit - r->total);
		if (want == 0) {
			r->eof = true;
			break;
		}
		ssize_t n = read(r->fd, r->buf + r->len, want);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return READER_ERROR;
		}
		if (n == 0)
			r->eof = true;
		r->len += (size_t)n;
		r->total += (uint64_t)n;
	}
	return READER_CHUNK;
}

/* Where the comment lines that end buf[0, len) (whole lines) begin; len
 * when the last line is not a comment. A byte-order mark may open the
 * file's first line. */
static size_t trailing_comments(const unsigned char *buf, size_t len, bool file_start)
{
	size_t cut = len;
	while (cut > 0) {
		size_t start = cut - 1, at;
		while (start > 0 && buf[start - 1] != '\n')
			start--;
		at = start == 0 && file_start && len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : start;
		while (at < cut && (buf[at] == ' ' || buf[at] == '\t'))
			at++;
		if (at >= cut || buf[at] != '#')
			break;
		cut = start;
	}
	return cut;
}

enum reader_status reader_next(struct reader *r, struct chunk *out)
{
	if (!r->buf) {
		r->buf = alloc_mem(r->alloc, r->cap + 1);
		if (!r->buf)
			return READER_NOMEM;
	}
	/* Give back the sentinel's byte and drop the chunk handed out last. */
	if (r->started) {
		r->buf[r->chunk_len] = r->saved;
		memmove(r->buf, r->buf + r->chunk_len, r->len - r->chunk_len);
		r->len -= r->chunk_len;
		r->chunk_len = 0;
	}
	for (;;) {
		if (fill(r) != READER_CHUNK)
			return READER_ERROR;
		if (r->len == 0 && r->eof)
			return READER_DONE;
		size_t cut = r->len;
		if (!r->eof) {
			/* Cut after the last full line, then before the last record. */
			while (cut > 0 && r->buf[cut - 1] != '\n')
				cut--;
			if (cut > 0) {
				uint32_t split = parse_split_point(r->buf, (uint32_t)cut);
				size_t notes;
				if (split != UINT32_MAX)
					cut = split;
				/* No record starts here: any line will do, but not
				 * inside the comments that end the buffer, which may
				 * belong to the header that follows (unless they fill
				 * a buffer that is already large). */
				else if ((notes = trailing_comments(r->buf, cut, !r->started)) > 0 ||
					 r->cap < MAX_COMMENT_RUN)
					cut = notes;
			}
		}
		if (cut == 0 && !r->eof) {
			/* One record (or line) fills the buffer: make room. */
			if (r->cap >= MAX_CHUNK / 2)
				return READER_TOO_BIG;
			unsigned char *nb = alloc_resize(r->alloc, r->buf, r->cap * 2 + 1);
			if (!nb)
				return READER_NOMEM;
			r->buf = nb;
			r->cap *= 2;
			continue;
		}
		if (cut > MAX_CHUNK)
			return READER_TOO_BIG;
		r->saved = r->buf[cut];
		r->buf[cut] = '\0';
		r->chunk_len = cut;
		out->data = r->buf;
		out->len = (uint32_t)cut;
		out->first = !r->started;
		r->started = true;
		return READER_CHUNK;
	}
}

int reader_take(struct reader *r, unsigned char **spare, size_t *spare_cap)
{
	unsigned char *nb = *spare;
	if (!nb || *spare_cap < r->cap + 1) {
		nb = alloc_resize(r->alloc, nb, r->cap + 1);
		if (!nb)
			return -1;
	}
	/* What follows the chunk, with the byte the sentinel stands on. */
	size_t rest = r->len - r->chunk_len;
	if (rest) {
		nb[0] = r->saved;
		memcpy(nb + 1, r->buf + r->chunk_len + 1, rest - 1);
	}
	*spare = r->buf;
	*spare_cap = r->cap + 1;
	r->buf = nb;
	r->len = rest;
	r->chunk_len = 0;
	r->saved = rest ? nb[0] : 0;
	return 0;
}
