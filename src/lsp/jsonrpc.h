/* jsonrpc.h — JSON-RPC 2.0 messages as LSP uses them, over jansson.
 *
 * jsonrpc_parse() classifies one message body; the returned message owns
 * the parsed document (free it with jsonrpc_msg_release). The builders
 * return a NUL-terminated compact JSON text that the caller frees with
 * jsonrpc_free(), or NULL when out of memory; they take ownership of the
 * json_t they are given. Object keys keep their insertion order, so output
 * is byte-for-byte reproducible.
 *
 * jansson allocates through jsonrpc_set_allocator()'s allocator, so the
 * editor server's JSON is under the same fault injection as the rest of
 * its memory. jansson has one allocator per process: set it only while no
 * JSON value is alive. */
#ifndef PROMISE_LSP_JSONRPC_H
#define PROMISE_LSP_JSONRPC_H

#include <stddef.h>

#include <jansson.h>

#include "../alloc.h"

/* Error codes of JSON-RPC and LSP 3.17. */
enum jsonrpc_code {
	RPC_PARSE_ERROR = -32700,
	RPC_INVALID_REQUEST = -32600,
	RPC_METHOD_NOT_FOUND = -32601,
	RPC_INVALID_PARAMS = -32602,
	RPC_INTERNAL_ERROR = -32603,
	RPC_SERVER_NOT_INITIALIZED = -32002,
	RPC_REQUEST_FAILED = -32803
};

enum jsonrpc_kind {
	RPC_REQUEST,       /* method and id */
	RPC_NOTIFICATION,  /* method, no id */
	RPC_RESPONSE,      /* id, no method: an answer to a request we sent */
	RPC_INVALID,       /* not JSON, or not a JSON-RPC message */
	RPC_NOMEM          /* memory ran out while parsing: nothing is known,
			      not even the id to answer */
};

struct jsonrpc_msg {
	enum jsonrpc_kind kind;
	json_t *root;
	json_t *id;           /* borrowed from root; NULL when absent */
	const char *method;   /* borrowed from root */
	json_t *params;       /* borrowed; NULL when absent */
	int error_code;       /* RPC_INVALID: RPC_PARSE_ERROR or RPC_INVALID_REQUEST */
	char why[160];        /* RPC_INVALID: what was wrong */
};

/* Route jansson's allocations (every json_t, json_dumps() texts) through
 * `a`; NULL: the process-wide default of alloc.h. */
void jsonrpc_set_allocator(const struct allocator *a);
/* Free a text returned by a builder or jsonrpc_dumps(). */
void jsonrpc_free(char *text);
/* json_dumps() (compact, keys in order), or NULL when any allocation
 * failed on the way: jansson ignores some failures while it writes and
 * can hand back broken JSON (a key without its closing quote) when its
 * buffer fails to grow once and then grows again. */
char *jsonrpc_dumps(const json_t *v);

void jsonrpc_parse(const char *body, size_t len, struct jsonrpc_msg *out);
void jsonrpc_msg_release(struct jsonrpc_msg *m);

/* {"jsonrpc":"2.0","id":ID,"result":RESULT}; id NULL means null. */
char *jsonrpc_result(json_t *id, json_t *result);
/* {"jsonrpc":"2.0","id":ID,"error":{"code":CODE,"message":MESSAGE}};
 * MESSAGE may hold any bytes (invalid UTF-8 becomes U+FFFD). */
char *jsonrpc_error(json_t *id, int code, const char *message);
/* {"jsonrpc":"2.0","method":METHOD,"params":PARAMS} */
char *jsonrpc_notification(const char *method, json_t *params);

#endif
