/* server.c — lifecycle, text sync, diagnostics and the loop.
 *
 * Messages are dispatched through one {method, handler} table. A handler
 * returns its result (or fills a struct rpc_error); the dispatcher sends
 * the single response a request is owed. Edits only mark the workspace
 * dirty: the loop analyses when the input goes quiet, so a burst of
 * keystrokes that arrives together is analysed once. How long "quiet" is
 * follows the cost of the last analysis: waiting longer than an analysis
 * takes would cost more latency than it can save work. Rejected: a thread per
 * analysis — an analysis of a thousand promises takes about a millisecond,
 * far below what a second thread and its locking would be worth. */
#include "server.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../clock.h"
#include "../rules.h"
#include "../utf8.h"
#include "features.h"

enum { MAX_DELAY_MS = 200, MAX_SLEEP_MS = 60000 };

static time_t now(const struct lsp_server *s)
{
	return s->cfg.now ? s->cfg.now(s->cfg.now_ctx) : time(NULL);
}

enum lsp_error lsp_server_init(struct lsp_server *s, const struct lsp_server_config *cfg)
{
	memset(s, 0, sizeof *s);
	s->cfg = *cfg;
	if (s->cfg.debounce_ms < 0)
		s->cfg.debounce_ms = 50;
	s->alloc = cfg->alloc ? cfg->alloc : alloc_default();
	jsonrpc_set_allocator(s->alloc);
	s->enc = ENC_UTF16;
	doc_store_init(&s->docs, s->alloc);
	ws_init(&s->ws, s->alloc);
	int32_t today;
	if (clock_today(now(s), &today, &s->today_fixed) != CLOCK_OK)
		return LSP_BAD_TODAY;
	lint_options_init(&s->opt, today);
	return LSP_OK;
}

void lsp_server_release(struct lsp_server *s)
{
	doc_store_release(&s->docs);
	ws_release(&s->ws);
	jsonrpc_set_allocator(NULL);
}

enum lsp_error lsp_send(struct lsp_server *s, char *json)
{
	if (!json)
		return s->error = LSP_NOMEM;
	int rc = transport_write(s->cfg.out_fd, json, strlen(json));
	jsonrpc_free(json);
	if (rc)
		return s->error = LSP_WRITE_FAILED;
	return LSP_OK;
}

static void set_error(struct rpc_error *e, int code, const char *msg)
{
	e->code = code;
	snprintf(e->message, sizeof e->message, "%s", msg);
}

/* ---- positions and diagnostics at the JSON boundary ---------------------- */

bool lsp_position_param(json_t *obj, struct lsp_position *p)
{
	json_t *l = json_object_get(obj, "line"), *c = json_object_get(obj, "character");
	if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 ||
	    json_integer_value(c) < 0 || json_integer_value(l) > UINT32_MAX ||
	    json_integer_value(c) > UINT32_MAX)
		return false;
	p->line = (uint32_t)json_integer_value(l);
	p->character = (uint32_t)json_integer_value(c);
	return true;
}

static json_t *position_json(struct lsp_position p)
{
	return json_pack("{s:I, s:I}", "line", (json_int_t)p.line, "character", (json_int_t)p.character);
}

json_t *lsp_range_json(const struct lsp_server *s, const struct lsp_doc *d, uint32_t from, uint32_t to)
{
	return json_pack("{s:o, s:o}", "start", position_json(doc_position(d, s->enc, from)), "end",
			 position_json(doc_position(d, s->enc, to)));
}

void lsp_diag_span(const struct lsp_doc *d, const struct diag *g, uint32_t *from, uint32_t *to)
{
	*from = doc_parser_offset(d, g->line, g->byte_column);
	*to = doc_parser_offset(d, g->end_line, g->byte_end_column);
	if (*to < *from)
		*to = *from;
}

json_t *lsp_diagnostic_json(const struct lsp_server *s, const struct lsp_doc *d, const struct diag *g)
{
	static const int severity[] = { [SEV_ERROR] = 1, [SEV_WARNING] = 2, [SEV_INFO] = 3 };
	const struct rule *r = rule_table[g->rule];
	uint32_t from, to;
	lsp_diag_span(d, g, &from, &to);
	json_t *o = json_pack("{s:o, s:i, s:s}", "range", lsp_range_json(s, d, from, to), "severity",
			      severity[g->severity], "code", r->name);
	if (!o)
		return NULL;
	int bad = 0;
	if (s->cfg.rules_uri) {
		char raw[512], href[600]; /* --rules-uri is the user's: any bytes */
		snprintf(raw, sizeof raw, "%s#%s", s->cfg.rules_uri, r->name);
		utf8_clean((const unsigned char *)raw, strlen(raw), href, sizeof href);
		bad |= json_object_set_new(o, "codeDescription", json_pack("{s:s}", "href", href));
	}
	bad |= json_object_set_new(o, "source", json_string("promise"));
	bad |= json_object_set_new(o, "message", json_string(g->message ? g->message : ""));
	if (bad) { /* never half a diagnostic */
		json_decref(o);
		return NULL;
	}
	return o;
}

/* ---- publishing ----------------------------------------------------------- */

static enum lsp_error publish(struct lsp_server *s, struct lsp_doc *d)
{
	json_t *arr = json_array();
	for (size_t i = 0; arr && i < d->ndiags; i++)
		if (json_array_append_new(arr, lsp_diagnostic_json(s, d, &d->diags[i]))) {
			json_decref(arr);
			arr = NULL;
		}
	if (!arr)
		return s->error = LSP_NOMEM;
	char *text = jsonrpc_dumps(arr);
	if (!text) {
		json_decref(arr);
		return s->error = LSP_NOMEM;
	}
	if (d->published && d->published_version == d->analysed_version && !strcmp(d->published, text)) {
		jsonrpc_free(text);
		json_decref(arr);
		return LSP_OK;
	}
	size_t n = strlen(text);
	char *keep = alloc_mem(s->alloc, n + 1);
	if (keep)
		memcpy(keep, text, n + 1);
	jsonrpc_free(text);
	alloc_free(s->alloc, d->published);
	d->published = keep;
	d->published_version = d->analysed_version;
	json_t *params = json_pack("{s:s, s:I, s:o}", "uri", d->uri, "version",
				   (json_int_t)d->analysed_version, "diagnostics", arr);
	s->published++;
	return lsp_send(s, jsonrpc_notification("textDocument/publishDiagnostics", params));
}

static long long mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static enum lsp_error analyse_and_publish(struct lsp_server *s)
{
	if (!s->dirty)
		return LSP_OK;
	s->dirty = false;
	long long t0 = mono_us();
	enum analysis_error err = ws_analyze(&s->ws, &s->docs, &s->opt);
	s->last_analysis_us = mono_us() - t0;
	if (err == ANALYSIS_NOMEM)
		return s->error = LSP_NOMEM;
	/* ANALYSIS_TOO_BIG or a read error leaves what could be found. */
	for (size_t i = 0; i < s->docs.len; i++)
		if (publish(s, s->docs.items[i]))
			return s->error;
	return LSP_OK;
}

static void check_day(struct lsp_server *s)
{
	if (s->today_fixed)
		return;
	int32_t today;
	bool fixed;
	if (clock_today(now(s), &today, &fixed) == CLOCK_OK && today != s->opt.today) {
		s->opt.today = today;
		s->dirty = true;
	}
}

enum lsp_error lsp_server_idle(struct lsp_server *s)
{
	if (s->state != LSP_RUNNING)
		return LSP_OK;
	check_day(s);
	return analyse_and_publish(s);
}

long long lsp_server_timeout(const struct lsp_server *s)
{
	if (s->dirty) {
		long long cap = 1000LL * s->cfg.debounce_ms;
		return s->last_analysis_us < cap ? s->last_analysis_us : cap;
	}
	if (s->today_fixed || s->state != LSP_RUNNING)
		return -1;
	long ms = clock_ms_to_midnight(now(s));
	return 1000LL * (ms < MAX_SLEEP_MS ? ms : MAX_SLEEP_MS);
}

/* ---- lifecycle ------------------------------------------------------------ */

static bool offers(json_t *arr, const char *what)
{
	size_t i;
	json_t *v;
	json_array_foreach(arr, i, v)
		if (json_is_string(v) && !strcmp(json_string_value(v), what))
			return true;
	return false;
}

static void add_folder(struct lsp_server *s, const char *path)
{
	if (!s->cfg.ignore_folders)
		ws_add_root(&s->ws, path);
}

static void add_folder_uri(struct lsp_server *s, const char *uri)
{
	char *path = uri_to_path(s->alloc, uri);
	if (path) {
		add_folder(s, path);
		alloc_free(s->alloc, path);
	}
}

static json_t *h_initialize(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	if (s->state != LSP_NEW) {
		set_error(e, RPC_INVALID_REQUEST, "initialize may only be sent once");
		return NULL;
	}
	json_t *caps = json_object_get(params, "capabilities");
	json_t *general = json_object_get(caps, "general");
	json_t *td = json_object_get(caps, "textDocument");
	s->enc = offers(json_object_get(general, "positionEncodings"), "utf-8") ? ENC_UTF8 : ENC_UTF16;
	s->hierarchical_symbols = json_is_true(json_object_get(
		json_object_get(td, "documentSymbol"), "hierarchicalDocumentSymbolSupport"));
	s->markdown = offers(json_object_get(json_object_get(td, "hover"), "contentFormat"), "markdown");

	json_t *folders = json_object_get(params, "workspaceFolders");
	size_t i;
	json_t *f;
	if (json_array_size(folders)) {
		json_array_foreach(folders, i, f)
			if (json_is_string(json_object_get(f, "uri")))
				add_folder_uri(s, json_string_value(json_object_get(f, "uri")));
	} else if (json_is_string(json_object_get(params, "rootUri"))) {
		add_folder_uri(s, json_string_value(json_object_get(params, "rootUri")));
	} else if (json_is_string(json_object_get(params, "rootPath"))) {
		add_folder(s, json_string_value(json_object_get(params, "rootPath")));
	}
	s->state = LSP_RUNNING;
	s->dirty = s->ws.nroots > 0;

	return json_pack(
		"{s:{s:s, s:{s:b, s:i, s:{s:b}}, s:b, s:b, s:{s:[s]}, s:{s:[s]}, s:b, s:{s:{s:b, s:b}}},"
		" s:{s:s}}",
		"capabilities",
		"positionEncoding", s->enc == ENC_UTF8 ? "utf-8" : "utf-16",
		"textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
		"hoverProvider", 1,
		"documentSymbolProvider", 1,
		"completionProvider", "triggerCharacters", ":",
		"codeActionProvider", "codeActionKinds", "quickfix",
		"documentFormattingProvider", 1,
		"workspace", "workspaceFolders", "supported", 1, "changeNotifications", 1,
		"serverInfo", "name", "promise");
}

static json_t *h_shutdown(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	(void)params, (void)e;
	s->state = LSP_SHUTDOWN;
	return json_null();
}

static json_t *h_exit(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	(void)params, (void)e;
	s->exited = true;
	s->exit_code = s->state == LSP_SHUTDOWN ? 0 : 1;
	return NULL;
}

static json_t *h_ignore(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	(void)s, (void)params, (void)e;
	return NULL;
}

/* ---- text sync ------------------------------------------------------------ */

struct lsp_doc *lsp_doc_param(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	json_t *uri = json_object_get(json_object_get(params, "textDocument"), "uri");
	if (!json_is_string(uri)) {
		set_error(e, RPC_INVALID_PARAMS, "textDocument.uri is missing");
		return NULL;
	}
	struct lsp_doc *d = doc_find(&s->docs, json_string_value(uri));
	if (!d)
		set_error(e, RPC_INVALID_PARAMS, "the document is not open");
	return d;
}

static json_t *h_did_open(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	json_t *td = json_object_get(params, "textDocument");
	json_t *uri = json_object_get(td, "uri"), *text = json_object_get(td, "text");
	json_t *version = json_object_get(td, "version");
	if (!json_is_string(uri) || !json_is_string(text))
		return NULL;
	if (!doc_open(&s->docs, json_string_value(uri),
		      json_is_integer(version) ? json_integer_value(version) : 0, json_string_value(text),
		      json_string_length(text)))
		set_error(e, RPC_INTERNAL_ERROR, "out of memory");
	s->dirty = true;
	return NULL;
}

static json_t *h_did_change(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	if (!d)
		return NULL;
	json_t *version = json_object_get(json_object_get(params, "textDocument"), "version");
	json_t *changes = json_object_get(params, "contentChanges");
	size_t i;
	json_t *c;
	json_array_foreach(changes, i, c) {
		json_t *text = json_object_get(c, "text"), *range = json_object_get(c, "range");
		if (!json_is_string(text))
			continue;
		int rc;
		struct lsp_position a, b;
		if (range && lsp_position_param(json_object_get(range, "start"), &a) &&
		    lsp_position_param(json_object_get(range, "end"), &b)) {
			uint32_t from = doc_offset(d, s->enc, a), to = doc_offset(d, s->enc, b);
			if (to < from) {
				uint32_t t = from;
				from = to;
				to = t;
			}
			rc = doc_splice(d, from, to, json_string_value(text), json_string_length(text));
		} else {
			rc = doc_set_text(d, json_string_value(text), json_string_length(text));
		}
		if (rc)
			set_error(e, RPC_INTERNAL_ERROR, "out of memory");
	}
	if (json_is_integer(version))
		d->version = json_integer_value(version);
	s->dirty = true;
	return NULL;
}

static json_t *h_did_close(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	struct lsp_doc *d = lsp_doc_param(s, params, e);
	if (!d)
		return NULL;
	if (d->published && lsp_send(s, jsonrpc_notification("textDocument/publishDiagnostics",
							   json_pack("{s:s, s:[]}", "uri", d->uri,
								     "diagnostics"))))
		set_error(e, RPC_INTERNAL_ERROR, "cannot write");
	doc_close(&s->docs, d->uri);
	s->dirty = true; /* the file on disk now stands in for the buffer */
	return NULL;
}

static json_t *h_did_save(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	(void)params, (void)e;
	s->ws.stale = true; /* a new file may have appeared */
	s->dirty = true;
	return NULL;
}

static json_t *h_files_changed(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	(void)params, (void)e;
	s->ws.stale = true;
	s->dirty = true;
	return NULL;
}

static json_t *h_folders_changed(struct lsp_server *s, json_t *params, struct rpc_error *e)
{
	(void)e;
	json_t *ev = json_object_get(params, "event");
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(ev, "removed"), i, f) {
		char *path = uri_to_path(s->alloc, json_string_value(json_object_get(f, "uri")) ?
							   json_string_value(json_object_get(f, "uri")) : "");
		if (path && !s->cfg.ignore_folders)
			ws_remove_root(&s->ws, path);
		alloc_free(s->alloc, path);
	}
	json_array_foreach(json_object_get(ev, "added"), i, f)
		if (json_is_string(json_object_get(f, "uri")))
			add_folder_uri(s, json_string_value(json_object_get(f, "uri")));
	s->dirty = true;
	return NULL;
}

/* ---- dispatch ------------------------------------------------------------- */

typedef json_t *handler_fn(struct lsp_server *s, json_t *params, struct rpc_error *e);

static const struct method {
	const char *name;
	handler_fn *fn;
	bool request;
} methods[] = {
	{ "initialize", h_initialize, true },
	{ "initialized", h_ignore, false },
	{ "shutdown", h_shutdown, true },
	{ "exit", h_exit, false },
	{ "textDocument/didOpen", h_did_open, false },
	{ "textDocument/didChange", h_did_change, false },
	{ "textDocument/didClose", h_did_close, false },
	{ "textDocument/didSave", h_did_save, false },
	{ "workspace/didChangeWatchedFiles", h_files_changed, false },
	{ "workspace/didChangeWorkspaceFolders", h_folders_changed, false },
	{ "textDocument/hover", lsp_hover, true },
	{ "textDocument/documentSymbol", lsp_document_symbols, true },
	{ "textDocument/completion", lsp_completion, true },
	{ "textDocument/codeAction", lsp_code_actions, true },
	{ "textDocument/formatting", lsp_formatting, true },
};

enum lsp_error lsp_server_bad_frame(struct lsp_server *s, const char *why)
{
	char msg[200];
	snprintf(msg, sizeof msg, "message skipped: %s", why);
	return lsp_send(s, jsonrpc_error(NULL, RPC_PARSE_ERROR, msg));
}

static enum lsp_error dispatch(struct lsp_server *s, struct jsonrpc_msg *m)
{
	const struct method *h = NULL;
	for (size_t i = 0; i < sizeof methods / sizeof *methods && !h; i++)
		if (!strcmp(methods[i].name, m->method))
			h = &methods[i];
	bool request = m->kind == RPC_REQUEST;

	if (!request) {
		/* Notifications: before initialize only `exit` counts; after
		 * shutdown likewise. Unknown ones ($/cancelRequest, ...) are
		 * ignored, as are ones that come as requests' names. */
		if (!h || h->request)
			return LSP_OK;
		if (s->state != LSP_RUNNING && h->fn != h_exit)
			return LSP_OK;
		struct rpc_error e = { 0, "" };
		h->fn(s, m->params, &e);
		return s->error;
	}

	struct rpc_error e = { 0, "" };
	json_t *result = NULL;
	if (s->state == LSP_NEW && (!h || h->fn != h_initialize)) {
		set_error(&e, RPC_SERVER_NOT_INITIALIZED, "the server is not initialized");
	} else if (s->state == LSP_SHUTDOWN) {
		set_error(&e, RPC_INVALID_REQUEST, "the server is shut down");
	} else if (!h || !h->request) {
		char msg[200];
		snprintf(msg, sizeof msg, "unknown method '%.150s'", m->method);
		set_error(&e, RPC_METHOD_NOT_FOUND, msg);
	} else {
		/* Answer from an analysis of what the client sees now. */
		if (h->fn != h_shutdown && h->fn != h_initialize && analyse_and_publish(s))
			return s->error;
		result = h->fn(s, m->params, &e);
		if (!result && !e.code)
			set_error(&e, RPC_INTERNAL_ERROR, "out of memory");
	}
	if (e.code) {
		json_decref(result);
		return lsp_send(s, jsonrpc_error(m->id, e.code, e.message));
	}
	return lsp_send(s, jsonrpc_result(m->id, result));
}

enum lsp_error lsp_server_message(struct lsp_server *s, const char *body, size_t len)
{
	struct jsonrpc_msg m;
	jsonrpc_parse(body, len, &m);
	enum lsp_error err = LSP_OK;
	if (m.kind == RPC_NOMEM) /* a request would go unanswered: stop instead */
		err = s->error = LSP_NOMEM;
	else if (m.kind == RPC_INVALID)
		err = lsp_send(s, jsonrpc_error(m.id, m.error_code, m.why));
	else if (m.kind != RPC_RESPONSE) /* we send no requests, so expect no answers */
		err = dispatch(s, &m);
	jsonrpc_msg_release(&m);
	return err;
}

/* ---- the loop ------------------------------------------------------------- */

enum lsp_error lsp_server_input(struct lsp_server *s, struct transport *t, const void *data, size_t len)
{
	if (transport_feed(t, data, len))
		return s->error = LSP_NOMEM;
	while (!s->exited && !s->error) {
		const char *body, *why;
		size_t blen;
		enum transport_status st = transport_next(t, &body, &blen, &why);
		if (st == TRANSPORT_NEED_MORE)
			break;
		if (st == TRANSPORT_MESSAGE)
			lsp_server_message(s, body, blen);
		else
			lsp_server_bad_frame(s, why);
	}
	return s->error;
}

int lsp_server_run(struct lsp_server *s, int in_fd)
{
	struct transport t;
	transport_init(&t, s->cfg.max_message, s->alloc);
	char chunk[65536];
	long long dirty_since = 0;
	bool was_dirty = false;
	for (;;) {
		if (s->dirty && !was_dirty)
			dirty_since = mono_us();
		was_dirty = s->dirty;
		long long timeout = lsp_server_timeout(s);
		if (s->dirty) {
			/* A steady stream of edits still gets analysed now and then. */
			long long left = 1000LL * MAX_DELAY_MS - (mono_us() - dirty_since);
			if (left < timeout)
				timeout = left < 0 ? 0 : left;
		}
		struct timespec ts = { (time_t)(timeout / 1000000), (long)(timeout % 1000000) * 1000 };
		struct pollfd p = { in_fd, POLLIN, 0 };
		int n = ppoll(&p, 1, timeout < 0 ? NULL : &ts, NULL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0 || (s->dirty && mono_us() - dirty_since >= 1000LL * MAX_DELAY_MS)) {
			if (lsp_server_idle(s))
				break;
			was_dirty = s->dirty;
			if (n == 0)
				continue;
		}
		ssize_t got = read(in_fd, chunk, sizeof chunk);
		if (got < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (got <= 0) {
			/* End of input: the client is gone. Say what is pending,
			 * then stop. */
			lsp_server_idle(s);
			s->exit_code = s->state == LSP_SHUTDOWN ? 0 : 1;
			break;
		}
		if (lsp_server_input(s, &t, chunk, (size_t)got) || s->exited)
			break;
	}
	transport_release(&t);
	if (s->error)
		return 1;
	return s->exit_code;
}
