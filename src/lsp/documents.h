/* documents.h — the editor's open documents: URI → {version, text, line
 * tables, last analysis}.
 *
 * Text is kept as the client sent it (UTF-8), NUL-terminated so the parser
 * can read it as one chunk. Positions inside the server are byte offsets;
 * LSP positions (line, character) in the negotiated encoding are converted
 * here and only here. Two line tables are kept: LSP's (lines end at LF, CR
 * LF or a lone CR) for positions, and the parser's (lines end at LF) for
 * mapping diagnostics, which the parser numbers its own way.
 *
 * The store owns its documents and everything in them. A document's parsed
 * model (doc_model) lives in the document's arena until its next edit. */
#ifndef PROMISE_LSP_DOCUMENTS_H
#define PROMISE_LSP_DOCUMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../arena.h"
#include "../buf.h"
#include "../diag.h"
#include "../model.h"

enum pos_encoding { ENC_UTF16, ENC_UTF8, ENC_UTF32 };

struct lsp_doc {
	char *uri;
	char *path;              /* the local file, for file: URIs; else NULL */
	int64_t version;
	struct buf text;
	uint32_t *lines;         /* LSP line starts */
	uint32_t nlines, cap_lines;
	uint32_t *plines;        /* the parser's line starts (1-based line n at [n-1]) */
	uint32_t nplines, cap_plines;
	/* Last analysis: this document's diagnostics, a slice of the
	 * workspace's list (valid until the next analysis). */
	const struct diag *diags;
	size_t ndiags;
	int64_t analysed_version;
	char *published;         /* the diagnostics last sent, as JSON */
	int64_t published_version;
	/* Parsed on demand for hover, symbols, completion and code actions. */
	struct arena model_arena;
	struct chunk_model model;
	bool model_ready;
};

struct doc_store {
	const struct allocator *alloc;
	struct lsp_doc **items;
	size_t len, cap;
};

struct lsp_position {
	uint32_t line, character;
};

void doc_store_init(struct doc_store *s, const struct allocator *alloc);
void doc_store_release(struct doc_store *s);
struct lsp_doc *doc_find(const struct doc_store *s, const char *uri);
/* Open (or reopen, replacing) a document. NULL when out of memory. */
struct lsp_doc *doc_open(struct doc_store *s, const char *uri, int64_t version, const char *text,
			 size_t len);
void doc_close(struct doc_store *s, const char *uri);

/* Replace the whole text (-1 when out of memory; the document is then
 * unchanged). */
int doc_set_text(struct lsp_doc *d, const char *text, size_t len);
/* Replace the bytes [from, to) with (text, len). */
int doc_splice(struct lsp_doc *d, uint32_t from, uint32_t to, const char *text, size_t len);

/* The byte offset of an LSP position; positions past the end of a line or
 * of the text are clamped to it, as LSP asks. */
uint32_t doc_offset(const struct lsp_doc *d, enum pos_encoding enc, struct lsp_position p);
/* The LSP position of a byte offset. */
struct lsp_position doc_position(const struct lsp_doc *d, enum pos_encoding enc, uint32_t off);
/* The byte offset of a parser line (1-based) and byte column (0-based). */
uint32_t doc_parser_offset(const struct lsp_doc *d, uint32_t line, uint32_t byte_column);
/* The LSP line holding byte offset `off`. */
uint32_t doc_line_of(const struct lsp_doc *d, uint32_t off);

/* The document parsed as one chunk (NULL when out of memory). */
const struct chunk_model *doc_model(struct lsp_doc *d);

/* Decode a file: URI into a path (NULL if it is not one, or on failure);
 * free with alloc_free. */
char *uri_to_path(const struct allocator *a, const char *uri);
/* Encode an absolute path as a file: URI; free with alloc_free. */
char *path_to_uri(const struct allocator *a, const char *path);

#endif
