/* transport.h — LSP base protocol framing over a byte stream.
 *
 * A message is a header block ("Name: value\r\n" lines, ended by an empty
 * line) and a body of exactly Content-Length bytes. Header names are
 * compared case-insensitively; headers other than Content-Length
 * (Content-Type, anything unknown) are ignored. Bytes are fed in as they
 * arrive (transport_feed) and whole messages taken out (transport_next),
 * so the caller decides when to read and how long to wait.
 *
 * Bad input never stops the stream: a header block without a usable
 * Content-Length is dropped, with whatever follows it up to the next
 * Content-Length header; a body larger than the cap is skipped unread as it
 * streams past. Each is reported once, so the server can answer with an
 * error. The transport owns its buffer; a
 * body handed out is valid until the next call. */
#ifndef PROMISE_LSP_TRANSPORT_H
#define PROMISE_LSP_TRANSPORT_H

#include <stddef.h>
#include <sys/types.h>

#include "../alloc.h"
#include "../buf.h"

enum { TRANSPORT_DEFAULT_MAX_BODY = 64 << 20, TRANSPORT_MAX_HEADER = 8192 };

enum transport_status {
	TRANSPORT_MESSAGE,    /* *body, *len: one whole body */
	TRANSPORT_NEED_MORE,  /* feed more bytes */
	TRANSPORT_BAD_HEADER, /* a header block was dropped; *why says why */
	TRANSPORT_TOO_BIG     /* a body over the cap is being skipped */
};

struct transport {
	struct buf in;        /* bytes received and not yet consumed */
	size_t pos;           /* consumed prefix of `in` */
	size_t max_body;
	size_t skip;          /* body bytes still to throw away */
	int resync;           /* looking for the next Content-Length */
};

void transport_init(struct transport *t, size_t max_body, const struct allocator *alloc);
void transport_release(struct transport *t);
/* Append received bytes; -1 when out of memory. */
int transport_feed(struct transport *t, const void *data, size_t len);
/* Take the next message, or say what happened instead. */
enum transport_status transport_next(struct transport *t, const char **body, size_t *len,
				     const char **why);

/* Write one message (header and body) to fd, whole, retrying on EINTR and
 * short writes. -1 with errno on failure. */
int transport_write(int fd, const char *body, size_t len);

#endif
