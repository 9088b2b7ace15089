/* jsonrpc.c — classification and the three message shapes. Parsing is
 * jansson's; this file only checks the envelope (jsonrpc, id, method). */
#include "jsonrpc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../utf8.h"

static const struct allocator *json_alloc;

static unsigned long json_failures; /* jansson's allocations that failed */

/* jansson 2.14 cannot survive a failed allocation while it lexes a string:
 * lex_save() drops the byte when its buffer cannot grow, and the string is
 * then copied past its end. So while json_loadb() runs, a failed
 * allocation is counted (the message is then treated as out of memory and
 * dropped: jsonrpc_parse) but answered from the C library's reserve, and
 * the block is remembered so it goes back there. Rejected: letting the
 * failure through (heap corruption) and copying the parser. */
static bool parsing;
static void *rescued[4096];
static size_t nrescued;

static void *json_mem(size_t size)
{
	void *p = alloc_mem(json_alloc ? json_alloc : alloc_default(), size);
	if (!p) {
		json_failures++;
		if (parsing && nrescued < sizeof rescued / sizeof *rescued && (p = malloc(size ? size : 1)))
			rescued[nrescued++] = p;
	}
	return p;
}

static void json_mem_free(void *p)
{
	for (size_t i = nrescued; i-- > 0;)
		if (rescued[i] == p) {
			rescued[i] = rescued[--nrescued];
			free(p);
			return;
		}
	alloc_free(json_alloc ? json_alloc : alloc_default(), p);
}

void jsonrpc_set_allocator(const struct allocator *a)
{
	json_alloc = a;
	json_set_alloc_funcs(json_mem, json_mem_free);
}

void jsonrpc_free(char *text) { json_mem_free(text); }

static void invalid(struct jsonrpc_msg *m, int code, const char *why)
{
	m->kind = RPC_INVALID;
	m->error_code = code;
	snprintf(m->why, sizeof m->why, "%s", why);
}

void jsonrpc_parse(const char *body, size_t len, struct jsonrpc_msg *m)
{
	memset(m, 0, sizeof *m);
	json_error_t err;
	unsigned long failures = json_failures;
	parsing = true;
	m->root = json_loadb(body, len, JSON_ALLOW_NUL, &err);
	parsing = false;
	/* Counted here, not read from jansson's error: it reports some
	 * failed allocations as syntax errors, others with no message. */
	if (json_failures != failures) {
		json_decref(m->root); /* built with rescued memory: not to be used */
		m->root = NULL;
		m->kind = RPC_NOMEM;
		return;
	}
	if (!m->root) {
		char why[160];
		snprintf(why, sizeof why, "not JSON: %.100s at byte %d", err.text, err.position);
		invalid(m, RPC_PARSE_ERROR, why);
		return;
	}
	if (!json_is_object(m->root)) {
		invalid(m, RPC_INVALID_REQUEST, "a message must be a JSON object");
		return;
	}
	json_t *id = json_object_get(m->root, "id");
	json_t *method = json_object_get(m->root, "method");
	if (id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id)) {
		invalid(m, RPC_INVALID_REQUEST, "an id must be a number or a string");
		return;
	}
	m->id = id;
	if (!method) {
		if (id) {
			m->kind = RPC_RESPONSE;
			return;
		}
		invalid(m, RPC_INVALID_REQUEST, "a message needs a method or an id");
		return;
	}
	if (!json_is_string(method)) {
		invalid(m, RPC_INVALID_REQUEST, "method must be a string");
		return;
	}
	m->method = json_string_value(method);
	m->params = json_object_get(m->root, "params");
	m->kind = id ? RPC_REQUEST : RPC_NOTIFICATION;
}

void jsonrpc_msg_release(struct jsonrpc_msg *m)
{
	json_decref(m->root);
	m->root = NULL;
}

char *jsonrpc_dumps(const json_t *v)
{
	unsigned long failures = json_failures;
	char *s = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
	if (s && json_failures != failures) {
		jsonrpc_free(s);
		return NULL;
	}
	return s;
}

static char *dump(json_t *o)
{
	if (!o)
		return NULL;
	char *s = jsonrpc_dumps(o);
	json_decref(o);
	return s;
}

static json_t *envelope(void)
{
	json_t *o = json_object();
	if (o && json_object_set_new(o, "jsonrpc", json_string("2.0"))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* The builders own what they are given from the start, so every way out
 * releases it: json_object_set_new() does on success and on failure, the
 * early exits here do the rest. */
char *jsonrpc_result(json_t *id, json_t *result)
{
	json_t *o = envelope();
	if (!o || json_object_set(o, "id", id ? id : json_null())) {
		json_decref(o);
		json_decref(result);
		return NULL;
	}
	if (json_object_set_new(o, "result", result ? result : json_null())) {
		json_decref(o);
		return NULL;
	}
	return dump(o);
}

char *jsonrpc_error(json_t *id, int code, const char *message)
{
	/* Messages quote what the client sent (jansson's "near '...'", a
	 * method name cut to length): make them UTF-8, or jansson refuses. */
	char clean[320];
	utf8_clean((const unsigned char *)message, strlen(message), clean, sizeof clean);
	json_t *o = envelope();
	json_t *e = json_pack("{s:i, s:s}", "code", code, "message", clean);
	if (!o || !e || json_object_set(o, "id", id ? id : json_null())) {
		json_decref(o);
		json_decref(e);
		return NULL;
	}
	if (json_object_set_new(o, "error", e)) {
		json_decref(o);
		return NULL;
	}
	return dump(o);
}

char *jsonrpc_notification(const char *method, json_t *params)
{
	json_t *o = envelope();
	if (!o || json_object_set_new(o, "method", json_string(method))) {
		json_decref(o);
		json_decref(params);
		return NULL;
	}
	if (json_object_set_new(o, "params", params ? params : json_null())) {
		json_decref(o);
		return NULL;
	}
	return dump(o);
}
