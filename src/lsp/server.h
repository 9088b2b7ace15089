/* server.h — the language server: lifecycle, document sync, diagnostics,
 * and the request handlers, over a single-threaded loop.
 *
 * Calling order: lsp_server_init(), then either lsp_server_run() (the loop
 * over a file descriptor, as `promise lsp` does) or, in tests, any number
 * of lsp_server_message() / lsp_server_idle() calls; then
 * lsp_server_release(). Messages go out on config.out_fd as they are made.
 *
 * Every request gets exactly one response: before `initialize` an error
 * ServerNotInitialized, after `shutdown` InvalidRequest, for an unknown
 * method MethodNotFound. Notifications never get one; unknown ones are
 * ignored. Edits mark the workspace dirty; the analysis runs once the
 * input has been quiet for a short while (lsp_server_timeout; a burst of
 * keystrokes is analysed once), before any request is answered (so answers and
 * diagnostics agree), and when the day changes. Diagnostics are sent for
 * each open document whose version or findings changed since they were
 * last sent. */
#ifndef PROMISE_LSP_SERVER_H
#define PROMISE_LSP_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "../options.h"
#include "documents.h"
#include "jsonrpc.h"
#include "transport.h"
#include "workspace.h"

struct lsp_server_config {
	int out_fd;
	int debounce_ms;          /* the longest quiet time waited for before
				     analysing (see lsp_server_timeout) */
	const char *rules_uri;    /* base of codeDescription.href; NULL: none */
	size_t max_message;       /* Content-Length cap; 0: the default */
	/* The clock, so tests can move time; NULL: time(). */
	time_t (*now)(void *ctx);
	void *now_ctx;
	const struct allocator *alloc;  /* also jansson's (jsonrpc.h) until release */
	/* Leave the client's workspace folders out (a fuzzer: its input must
	 * not make the server walk the disk); roots added with ws_add_root()
	 * still count. */
	bool ignore_folders;
};

enum lsp_state { LSP_NEW, LSP_RUNNING, LSP_SHUTDOWN };

enum lsp_error {
	LSP_OK = 0,
	LSP_WRITE_FAILED,   /* errno says why: the client is gone */
	LSP_NOMEM,
	LSP_BAD_TODAY       /* PROMISE_TODAY is not a date */
};

struct lsp_server {
	struct lsp_server_config cfg;
	const struct allocator *alloc;
	enum lsp_state state;
	bool exited;
	int exit_code;
	enum lsp_error error;      /* a system failure that ended the loop */
	enum pos_encoding enc;
	bool hierarchical_symbols, markdown;
	struct doc_store docs;
	struct workspace ws;
	struct lint_options opt;
	bool today_fixed;
	bool dirty;
	uint64_t published;        /* publishDiagnostics sent (for tests) */
	long long last_analysis_us; /* how long the last analysis took */
};

enum lsp_error lsp_server_init(struct lsp_server *s, const struct lsp_server_config *cfg);
void lsp_server_release(struct lsp_server *s);

/* Handle one message body. Returns the error that stops the server, if any. */
enum lsp_error lsp_server_message(struct lsp_server *s, const char *body, size_t len);
/* Answer a message the transport could not frame. */
enum lsp_error lsp_server_bad_frame(struct lsp_server *s, const char *why);
/* The input is quiet: check the day, analyse if needed, publish. */
enum lsp_error lsp_server_idle(struct lsp_server *s);
/* How long the loop may sleep before lsp_server_idle() is due, in
 * microseconds (-1: until input comes). With edits pending, that is as long
 * as the last analysis took, at most debounce_ms: a change that arrives
 * within that window joins the burst, and the wait never costs more than
 * the analysis it may save. */
long long lsp_server_timeout(const struct lsp_server *s);

/* The loop: read in_fd until `exit` or end of input. Returns the exit
 * status (0 only after shutdown); s->error tells a system failure. */
int lsp_server_run(struct lsp_server *s, int in_fd);
/* One turn of the loop without the file descriptor: feed received bytes
 * through `t` (transport_init'ed with cfg.max_message and the server's
 * allocator) and handle every whole message in them, until `exit`
 * (s->exited) or a system failure (returned). Fuzzers and tests drive the
 * server from a buffer with it; lsp_server_run() calls it per read. */
enum lsp_error lsp_server_input(struct lsp_server *s, struct transport *t, const void *data, size_t len);

/* Used by the feature handlers (features.c). */
struct rpc_error {
	int code;
	char message[200];
};
enum lsp_error lsp_send(struct lsp_server *s, char *json);
struct lsp_doc *lsp_doc_param(struct lsp_server *s, json_t *params, struct rpc_error *e);
bool lsp_position_param(json_t *obj, struct lsp_position *p);
json_t *lsp_range_json(const struct lsp_server *s, const struct lsp_doc *d, uint32_t from, uint32_t to);
json_t *lsp_diagnostic_json(const struct lsp_server *s, const struct lsp_doc *d, const struct diag *g);
/* The byte range of a diagnostic in its document. */
void lsp_diag_span(const struct lsp_doc *d, const struct diag *g, uint32_t *from, uint32_t *to);

#endif
