/* test_server.c — the editor server driven from a buffer, as its loop
 * drives it (lsp_server_input, then the idle work): every allocation of a
 * scripted session made to fail, and regressions found by fuzz/lsp.c.
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

static const char *rules_uri = "file:///r.md"; /* --rules-uri */

static void client_start(struct client *c, const struct allocator *a)
{
	assert_non_null(realpath("tests/lsp/ws", c->root));
	c->fd = memfd_create("lsp-out", 0);
	assert_true(c->fd >= 0);
	struct lsp_server_config cfg = { .out_fd = c->fd, .debounce_ms = 0, .rules_uri = rules_uri,
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
		json_t *j = json_loadb(body, len, JSON_ALLOW_NUL, NULL);
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

/* Regression (found by fuzz/lsp.c): a document without findings in a
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

/* A NUL inside a document is diagnosed where it stands; a lone surrogate
 * is not JSON: the message is answered with a parse error and the
 * session carries on. */
static void nul_and_lone_surrogate(void **state)
{
	(void)state;
	static const char *const script[] = {
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
		"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
		"{\"uri\":\"file:///n.promise\",\"version\":1,\"text\":\"promise N-1: a\\u0000b\\n\"}}}",
		"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
		"{\"uri\":\"file:///n.promise\\ud800\"},\"position\":{\"line\":0,\"character\":0}}}",
		"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}",
		"{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
	};
	struct session r;
	run_session(script, sizeof script / sizeof *script, NULL, &r);
	assert_int_equal(r.error, LSP_OK);
	assert_int_equal(r.exit_code, 0);
	size_t i, k;
	json_t *m, *g;
	bool nul = false, parse_error = false;
	json_array_foreach(r.out, i, m) {
		json_t *diags = json_object_get(json_object_get(m, "params"), "diagnostics");
		json_array_foreach(diags, k, g) {
			json_t *start = json_object_get(json_object_get(g, "range"), "start");
			if (strstr(json_string_value(json_object_get(g, "message")), "NUL") &&
			    json_integer_value(json_object_get(start, "character")) == 14)
				nul = true;
		}
		json_t *e = json_object_get(m, "error");
		if (e && json_is_null(json_object_get(m, "id")) &&
		    json_integer_value(json_object_get(e, "code")) == -32700)
			parse_error = true;
	}
	assert_true(nul);
	assert_true(parse_error);
	assert_int_equal(responses(&r, 3, NULL), 1);
	json_decref(r.out);
}

/* Regression (found by fuzz/lsp.c): an error message that quoted bytes of
 * the client's message which were not UTF-8 (jansson's "near '...'" on a
 * broken escape, or a method name of two-byte letters cut to length)
 * could not be made into JSON, and the server stopped as if out of
 * memory. Both are now answered, and the session goes on. */
static void error_messages_quoting_broken_bytes(void **state)
{
	(void)state;
	struct buf method;
	buf_init(&method, NULL);
	buf_adds(&method, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"");
	for (int i = 0; i < 200; i++)
		buf_adds(&method, "\xc3\xa9");
	buf_adds(&method, "\"}");
	const char *const script[] = {
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
		"{\"jsonrpc\":\"\\\xdc\xaa\"}",
		method.data,
		"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}",
		"{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
	};
	struct session r;
	run_session(script, sizeof script / sizeof *script, NULL, &r);
	buf_release(&method);
	assert_int_equal(r.error, LSP_OK);
	assert_int_equal(r.exit_code, 0);
	json_t *m = NULL;
	assert_int_equal(responses(&r, 3, &m), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "error"), "code")), -32601);
	assert_int_equal(responses(&r, 4, NULL), 1);
	size_t i, parse_errors = 0;
	json_array_foreach(r.out, i, m)
		parse_errors += json_integer_value(json_object_get(json_object_get(m, "error"), "code")) == -32700;
	assert_int_equal(parse_errors, 1);
	json_decref(r.out);
}

/* Regression: a --rules-uri that is not UTF-8 (it is the user's, any
 * bytes) made every diagnostic fail to build, and the server stopped as
 * if out of memory at its first publish. */
static void a_rules_uri_that_is_not_utf8(void **state)
{
	(void)state;
	static const char *const script[] = {
		"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
		("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
		 "{\"uri\":\"file:///u.promise\",\"version\":1,\"text\":\"promise U-1: x\\n\"}}}"),
		"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}",
		"{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
	};
	rules_uri = "file:///docs/r\xff\xfe.md";
	struct session r;
	run_session(script, sizeof script / sizeof *script, NULL, &r);
	rules_uri = "file:///r.md";
	assert_int_equal(r.error, LSP_OK);
	assert_int_equal(r.exit_code, 0);
	size_t i, published = 0;
	json_t *m;
	json_array_foreach(r.out, i, m) {
		json_t *diags = json_object_get(json_object_get(m, "params"), "diagnostics");
		if (json_array_size(diags)) {
			json_t *href = json_object_get(json_object_get(json_array_get(diags, 0), "codeDescription"), "href");
			assert_non_null(strstr(json_string_value(href), "file:///docs/r"));
			published++;
		}
	}
	assert_int_equal(published, 1);
	json_decref(r.out);
}

/* Regression (found by sweeping every allocation of an editor session):
 * when memory ran out while a quick fix padded a new field to the value
 * column, the padding loop waited forever for a buffer that could not
 * grow. Each allocation of a codeAction request fails in turn; every
 * request is answered, and every edit offered is whole lines. */
static void quick_fixes_when_memory_runs_out(void **state)
{
	(void)state;
	static const char open[] =
		"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
		"\"file:///q.promise\",\"version\":1,\"text\":\"promise Q-1: Send the seal kit\\n"
		"  by:        Sara Lind\\n  due:       2026-11-20\\n\"}}}";
	static const char ask[] =
		"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":"
		"{\"uri\":\"file:///q.promise\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":"
		"{\"line\":3,\"character\":0}},\"context\":{\"diagnostics\":[]}}}";
	unsigned long j, errors = 0;
	for (j = 1;; j++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, 0); /* none fails until fail_at is set */
		f.once = true;
		struct client c;
		client_start(&c, &f.base);
		client_send(&c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
		client_send(&c, open);
		f.fail_at = f.calls + j;
		client_send(&c, ask);
		bool hit = f.calls >= f.fail_at;
		struct session r;
		client_stop(&c, &r);
		assert_int_equal(f.live, 0);
		json_t *m = NULL;
		if (r.error == LSP_OK) {
			assert_int_equal(responses(&r, 7, &m), 1);
			size_t i, k;
			json_t *a, *e;
			json_array_foreach(json_object_get(m, "result"), i, a) {
				json_t *edits = json_object_get(json_object_get(json_object_get(a, "edit"), "changes"),
								"file:///q.promise");
				json_array_foreach(edits, k, e) {
					const char *text = json_string_value(json_object_get(e, "newText"));
					assert_non_null(text);
					if (*text && strchr(text, ':'))
						assert_int_equal(text[strlen(text) - 1], '\n');
				}
			}
			errors += json_object_get(m, "error") != NULL;
		}
		json_decref(r.out);
		if (!hit)
			break;
	}
	assert_true(j > 20);
	assert_true(errors > 0);
}

/* A session that touches every part of the server: the workspace walk
 * and its files, an open document and incremental and full edits,
 * diagnostics, each feature (formatting too), a broken message and an
 * unknown request. */
static const char *const session[] = {
	"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"rootUri\":\"file://${ROOT}\","
	"\"capabilities\":{\"general\":{\"positionEncodings\":[\"utf-8\"]},\"textDocument\":{\"hover\":"
	"{\"contentFormat\":[\"markdown\"]},\"documentSymbol\":{\"hierarchicalDocumentSymbolSupport\":true}}}}}",
	"{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}",
	"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
	"\"file://${ROOT}/new.promise\",\"version\":1,\"text\":\"promise NEW-1: Send the seal kit as soon as "
	"possible\\n  by:        Sara Lind\\n  to:        Tom Bakker (Acme BV)\\n  due:       2026-11-20\\n"
	"  in-return: ACME-2\\n\\npromise SUP-7: A second promise under a taken ID\\n  due: soon\\n\"}}}",
	"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":"
	"\"file://${ROOT}/new.promise\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":1,"
	"\"character\":13},\"end\":{\"line\":1,\"character\":17}},\"text\":\"Åsa \\ud83d\\ude00\"}]}}",
	"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":"
	"\"file://${ROOT}/new.promise\"},\"position\":{\"line\":4,\"character\":14}}}",
	"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":"
	"{\"uri\":\"file://${ROOT}/new.promise\"}}}",
	"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/completion\",\"params\":{\"textDocument\":"
	"{\"uri\":\"file://${ROOT}/new.promise\"},\"position\":{\"line\":4,\"character\":13}}}",
	"{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/codeAction\",\"params\":{\"textDocument\":"
	"{\"uri\":\"file://${ROOT}/new.promise\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":"
	"{\"line\":8,\"character\":0}},\"context\":{\"diagnostics\":[]}}}",
	"{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"textDocument/noSuchRequest\",\"params\":{}}",
	"{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":",
	"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":"
	"\"file://${ROOT}/new.promise\",\"version\":3},\"contentChanges\":[{\"text\":\"promise NEW-1: Ship it\\n"
	"  due: 2026-12-01\\n\"}]}}",
	"{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":"
	"\"file://${ROOT}/new.promise\"},\"position\":{\"line\":0,\"character\":9}}}",
	"{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"textDocument/formatting\",\"params\":{\"textDocument\":"
	"{\"uri\":\"file://${ROOT}/new.promise\"},\"options\":{\"tabSize\":2,\"insertSpaces\":true}}}",
	"{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":"
	"\"file://${ROOT}/new.promise\"}}}",
	"{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"shutdown\"}",
	"{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}",
};
enum { NSESSION = sizeof session / sizeof *session };
static const json_int_t request_ids[] = { 1, 2, 3, 4, 5, 6, 8, 9, 10 };

/* What every faulty session must show: either the server stopped on
 * LSP_NOMEM (`promise lsp` then says "out of memory" and exits 2), or it
 * went through to a clean exit; never two answers to one request. */
static void judge(const struct session *r, bool must_answer_all)
{
	for (size_t i = 0; i < sizeof request_ids / sizeof *request_ids; i++) {
		size_t n = responses(r, request_ids[i], NULL);
		assert_true(n <= 1);
		if (must_answer_all && r->error == LSP_OK)
			assert_int_equal(n, 1);
	}
	if (r->error == LSP_OK) {
		assert_true(r->exited);
		assert_int_equal(r->exit_code, 0);
	} else {
		assert_int_equal(r->error, LSP_NOMEM);
	}
}

static void session_without_faults(void **state)
{
	(void)state;
	struct session r;
	run_session(session, NSESSION, NULL, &r);
	judge(&r, true);
	json_t *m = NULL;
	assert_int_equal(responses(&r, 6, &m), 1); /* unknown: MethodNotFound */
	assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "error"), "code")), -32601);
	assert_int_equal(responses(&r, 2, &m), 1);
	assert_non_null(strstr(json_string_value(json_object_get(json_object_get(json_object_get(m, "result"),
										  "contents"), "value")),
			       "ACME-2"));
	json_decref(r.out);
}

/* Allocation k and every later one fail, for every k until the session
 * needs fewer: each run stops cleanly and frees everything. */
static void every_allocation_failure_in_a_session(void **state)
{
	(void)state;
	unsigned long k, stopped = 0;
	for (k = 1;; k++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, k);
		struct session r;
		run_session(session, NSESSION, &f.base, &r);
		assert_int_equal(f.live, 0);
		judge(&r, false);
		stopped += r.error != LSP_OK;
		json_decref(r.out);
		if (f.calls < k)
			break;
	}
	assert_true(stopped > 100);
	fprintf(stderr, "lsp session: %lu allocations, each made to fail for good: %lu stops, no leak\n",
		k - 1, stopped);
}

/* Only allocation k fails: the server answers every request (an error
 * where the failure hit) and exits cleanly, or stops on LSP_NOMEM. */
static void each_single_allocation_failure_in_a_session(void **state)
{
	(void)state;
	unsigned long k, stopped = 0, errors = 0;
	for (k = 1;; k++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, k);
		f.once = true; /* the server must carry on after it */
		struct session r;
		run_session(session, NSESSION, &f.base, &r);
		assert_int_equal(f.live, 0);
		judge(&r, true);
		stopped += r.error != LSP_OK;
		size_t i;
		json_t *m;
		json_array_foreach(r.out, i, m)
			errors += json_object_get(m, "error") != NULL;
		json_decref(r.out);
		if (f.calls < k)
			break;
	}
	fprintf(stderr, "lsp session: %lu allocations, each made to fail once: %lu stops, "
		"the others carried on (%lu error responses)\n", k - 1, stopped, errors);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(document_without_findings),
		cmocka_unit_test(nul_and_lone_surrogate),
		cmocka_unit_test(error_messages_quoting_broken_bytes),
		cmocka_unit_test(a_rules_uri_that_is_not_utf8),
		cmocka_unit_test(session_without_faults),
		cmocka_unit_test(quick_fixes_when_memory_runs_out),
		cmocka_unit_test(every_allocation_failure_in_a_session),
		cmocka_unit_test(each_single_allocation_failure_in_a_session),
	};
	return cmocka_run_group_tests_name("server", tests, NULL, NULL);
}
