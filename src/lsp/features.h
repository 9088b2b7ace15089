/* features.h — the request handlers beyond the lifecycle and sync: hover,
 * document symbols, completion and code actions. Each reads the document
 * (parsed on demand) and the workspace's last analysis, and returns the
 * JSON result, or NULL with `e` filled in. The server analyses pending
 * edits before calling them, so the document and its diagnostics agree. */
#ifndef PROMISE_LSP_FEATURES_H
#define PROMISE_LSP_FEATURES_H

#include <jansson.h>

#include "server.h"

json_t *lsp_hover(struct lsp_server *s, json_t *params, struct rpc_error *e);
json_t *lsp_document_symbols(struct lsp_server *s, json_t *params, struct rpc_error *e);
json_t *lsp_completion(struct lsp_server *s, json_t *params, struct rpc_error *e);
json_t *lsp_code_actions(struct lsp_server *s, json_t *params, struct rpc_error *e);
/* textDocument/formatting: the canonical layout of `promise fmt`, as one
 * edit over the whole document (none when it is canonical or has syntax
 * errors). */
json_t *lsp_formatting(struct lsp_server *s, json_t *params, struct rpc_error *e);

#endif
