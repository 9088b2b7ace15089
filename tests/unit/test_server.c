/* test_server.c — the editor server driven from a buffer, as its loop
 * drives it (lsp_server_input, then the idle work): every allocation of a
 * scripted session made to fail, and regressions found by fuzz_lsp.
 *
 * A session is a list of JSON bodies, framed and fed one message per read
 * against the real workspace folder tests/lsp/ws; what the server writes
 * goes to a memory file and is read back as frames. */
#include "harness.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "lsp/server.h"
#include "lsp/transport.h"

static time_t fixed_now(void *ctx)
{
	(void)ctx;
	return 1795435200; /* 2026-11-23 12:00 UTC */
}

struct session {
	int exit_code;
	bool exited;
	enum lsp_error error;
	json_t *out;         /* the messages written, in order */
};

/* A client: the server, its transport, and a memory file it writes to. */
struct client {
	struct lsp_server s;
	struct transport t;
	int fd;
	char root[PATH_MAX];
};

static void client_start(struct client *c, const struct allocator *a)
{
	assert_non_null(realpath("tests/lsp/ws", c->root));
	c->fd = memfd_create("lsp-out", 0);
	assert_true(c->fd >= 0);
	struct lsp_server_config cfg = { .out_fd = c->fd, .debounce_ms = 0, .rules_uri = "file:///r.md",
					 .now = fixed_now, .alloc = a };
	assert_int_equal(lsp_server_init(&c->s, &cfg), LSP_OK);
	transport_init(&c->t, 0, c->s.alloc);
}

/* Send one body ("${ROOT}" is tests/lsp/ws), then let the input go quiet
 * (the idle work: analysis and diagnostics). */
static void client_send(struct client *c, const char *body)
{
	if (c->s.exited || c->s.error)
		return;
	struct buf msg;
	buf_init(&msg, NULL);
	const char *p = body, *var;
	while ((var = strstr(p, "${ROOT}"))) {
		buf_add(&msg, p, (size_t)(var - p));
		buf_adds(&msg, c->root);
		p = var + 7;
	}
	buf_adds(&msg, p);
	char head[64];
	int hl = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", msg.len);
	if (!lsp_server_input(&c->s, &c->t, head, (size_t)hl))
		lsp_server_input(&c->s, &c->t, msg.data, msg.len);
	buf_release(&msg);
	if (!c->s.exited && !c->s.error)
		lsp_server_idle(&c->s);
}

/* Stop the server and read back what it wrote: whole frames of JSON. */
static void client_stop(struct client *c, struct session *r)
{
	r->exited = c->s.exited;
	r->exit_code = c->s.exit_code;
	r->error = c->s.error;
	transport_release(&c->t);
	lsp_server_release(&c->s);

	off_t size = lseek(c->fd, 0, SEEK_END);
	char *data = malloc((size_t)size + 1);
	assert_non_null(data);
	assert_int_equal(pread(c->fd, data, (size_t)size, 0), size);
	close(c->fd);
	r->out = json_array();
	struct transport t;
	transport_init(&t, 0, NULL);
	assert_int_equal(transport_feed(&t, data, (size_t)size), 0);
	for (;;) {
		const char *body, *why;
		size_t len;
		enum transport_status st = transport_next(&t, &body, &len, &why);
		if (st == TRANSPORT_NEED_MORE)
			break;
		assert_int_equal(st, TRANSPORT_MESSAGE);
		json_t *j = json_loadb(body, len, 0, NULL);
		assert_non_null(j);
		json_array_append_new(r->out, j);
	}
	assert_int_equal(t.pos, t.in.len);
	transport_release(&t);
	free(data);
}

static void run_session(const char *const *script, size_t n, const struct allocator *a, struct session *r)
{
	struct client c;
	client_start(&c, a);
	for (size_t i = 0; i < n; i++)
		client_send(&c, script[i]);
	client_stop(&c, r);
}

/* The responses to request `id`. */
static size_t responses(const struct session *r, json_int_t id, json_t **last)
{
	size_t n = 0, i;
	json_t *m;
	json_array_foreach(r->out, i, m) {
		json_t *mid = json_object_get(m, "id");
		if (json_is_integer(mid) && json_integer_value(mid) == id && !json_object_get(m, "method")) {
			n++;
			if (last)
				*last = m;
		}
	}
	return n;
}

/* Regression (found by fuzz_lsp): a document without findings in a
 * workspace without any took a slice of an empty diagnostic list,
 * NULL + 0, undefined behaviour. */
static void document_without_findings(void **state)
{
	(void)state;
	static const char *const script[] = {
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}",
		"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
		"{\"uri\":\"file:///empty.promise\",\"version\":1,\"text\":\"\"}}}",
		"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/documentSymbol\",\"params\":"
		"{\"textDocument\":{\"uri\":\"file:///empty.promise\"}}}",
		"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}",
		"{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
	};
	struct session r;
	run_session(script, sizeof script / sizeof *script, NULL, &r);
	assert_int_equal(r.error, LSP_OK);
	assert_true(r.exited);
	assert_int_equal(r.exit_code, 0);
	json_t *m = NULL;
	assert_int_equal(responses(&r, 2, &m), 1);
	assert_int_equal(json_array_size(json_object_get(m, "result")), 0);
	json_decref(r.out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(document_without_findings),
	};
	return cmocka_run_group_tests_name("server", tests, NULL, NULL);
}
