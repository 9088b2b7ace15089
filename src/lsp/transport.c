/* transport.c — a byte buffer with a consumed prefix; compacted when the
 * prefix grows past half the buffer, so a long session does not keep every
 * byte it ever received. Rejected: stdio (fgets/fread block and hide what
 * is buffered from poll()). */
#include "transport.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void transport_init(struct transport *t, size_t max_body, const struct allocator *alloc)
{
	memset(t, 0, sizeof *t);
	buf_init(&t->in, alloc);
	t->max_body = max_body ? max_body : TRANSPORT_DEFAULT_MAX_BODY;
}

void transport_release(struct transport *t) { buf_release(&t->in); }

static void compact(struct transport *t)
{
	if (t->pos == 0)
		return;
	if (t->pos >= t->in.len) {
		t->in.len = 0;
		t->pos = 0;
	} else if (t->pos > t->in.len / 2 || t->pos > (1u << 20)) {
		memmove(t->in.data, t->in.data + t->pos, t->in.len - t->pos);
		t->in.len -= t->pos;
		t->pos = 0;
	}
	if (t->in.data)
		t->in.data[t->in.len] = '\0';
}

int transport_feed(struct transport *t, const void *data, size_t len)
{
	const char *p = data;
	if (t->skip) {
		size_t n = len < t->skip ? len : t->skip;
		t->skip -= n;
		p += n;
		len -= n;
	}
	compact(t);
	return len ? buf_add(&t->in, p, len) : 0;
}

/* The end of the header block starting at s (the index just past the empty
 * line), or 0 when it is not complete yet. A bare LF is accepted in place
 * of CR LF: being lenient costs nothing here. */
static size_t header_end(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\n')
			continue;
		if (i + 1 < n && s[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/* Parse the header block [s, s + n); *len gets Content-Length. */
static const char *parse_headers(const char *s, size_t n, size_t max, size_t *len, int *too_big)
{
	int have = 0;
	*too_big = 0;
	while (n > 0) {
		const char *nl = memchr(s, '\n', n);
		size_t ll = nl ? (size_t)(nl - s) : n;
		size_t next = nl ? ll + 1 : n;
		if (ll && s[ll - 1] == '\r')
			ll--;
		if (ll == 0)
			break;
		const char *colon = memchr(s, ':', ll);
		if (!colon)
			return "a header line without a colon";
		size_t nlen = (size_t)(colon - s);
		if (nlen == 14 && !strncasecmp(s, "Content-Length", 14)) {
			const char *v = colon + 1, *end = s + ll;
			while (v < end && (*v == ' ' || *v == '\t'))
				v++;
			while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			if (v == end)
				return "an empty Content-Length";
			size_t val = 0;
			for (; v < end; v++) {
				if (*v < '0' || *v > '9')
					return "a Content-Length that is not a number";
				size_t d = (size_t)(*v - '0');
				val = val > (SIZE_MAX - d) / 10 ? SIZE_MAX : val * 10 + d;
			}
			*too_big = val > max;
			*len = val;
			have = 1;
		}
		s += next;
		n -= next;
	}
	return have ? NULL : "no Content-Length header";
}

enum transport_status transport_next(struct transport *t, const char **body, size_t *len,
				     const char **why)
{
	*why = NULL;
	if (t->skip || t->pos >= t->in.len) /* in.data may still be NULL */
		return TRANSPORT_NEED_MORE;
	const char *s = t->in.data + t->pos;
	size_t n = t->in.len - t->pos;
	/* Blank lines between messages are tolerated. */
	while (n && (*s == '\r' || *s == '\n')) {
		s++, n--, t->pos++;
	}
	if (t->resync) {
		/* After a bad header block, what follows may be its body: drop
		 * bytes up to the next Content-Length header. */
		static const char key[] = "content-length";
		size_t k = sizeof key - 1, i;
		for (i = 0; i + k <= n; i++)
			if (!strncasecmp(s + i, key, k))
				break;
		if (i + k > n) {
			size_t keep = n < k ? n : k - 1;
			t->pos += n - keep;
			return TRANSPORT_NEED_MORE;
		}
		t->resync = 0;
		s += i, n -= i, t->pos += i;
	}
	size_t hend = header_end(s, n);
	if (!hend) {
		if (n > TRANSPORT_MAX_HEADER) {
			t->pos = t->in.len; /* junk with no end in sight: drop it */
			t->resync = 1;
			*why = "a header block longer than 8 KiB";
			return TRANSPORT_BAD_HEADER;
		}
		return TRANSPORT_NEED_MORE;
	}
	size_t blen = 0;
	int too_big;
	const char *bad = parse_headers(s, hend, t->max_body, &blen, &too_big);
	if (bad) {
		t->pos += hend;
		t->resync = 1;
		*why = bad;
		return TRANSPORT_BAD_HEADER;
	}
	if (too_big) {
		t->pos += hend;
		size_t have = t->in.len - t->pos;
		if (blen > have) {
			t->skip = blen - have;
			t->pos = t->in.len;
		} else {
			t->pos += blen;
		}
		*why = "a message larger than the limit";
		return TRANSPORT_TOO_BIG;
	}
	if (n - hend < blen)
		return TRANSPORT_NEED_MORE;
	*body = s + hend;
	*len = blen;
	t->pos += hend + blen;
	return TRANSPORT_MESSAGE;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int transport_write(int fd, const char *body, size_t len)
{
	char head[64];
	int hl = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
	if (write_all(fd, head, (size_t)hl))
		return -1;
	return write_all(fd, body, len);
}
