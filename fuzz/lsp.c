/* lsp.c — the editor server fed arbitrary byte streams: framing,
 * JSON, and requests in any order, through lsp_server_input() as the loop
 * would call it, with the idle work (analysis, diagnostics) in between.
 *
 * Byte 0 says how. Bit 0 clear: the rest is lines, each framed here as one
 * message (so mutations reach the handlers instead of dying in the
 * framing); set: the rest is the raw stream. Bits 1-3 pick how many bytes
 * arrive per read; bit 4 runs the idle work after every read. `${ROOT}` in
 * the input stands for a real folder of promises (tests/lsp/ws), the one
 * workspace folder; the folders the input names are ignored, so no input
 * walks the disk.
 *
 * Invariants beyond the sanitizers': memory never runs out here, so the
 * server never stops with an error and never answers InternalError; what it
 * writes is well-framed JSON. */
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "lsp/server.h"
#include "lsp/transport.h"

static char root[PATH_MAX];
static int out_fd = -1;

static time_t fixed_now(void *ctx)
{
	(void)ctx;
	return 1795435200; /* 2026-11-23 12:00 UTC */
}

static void check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-lsp: invariant broken: %s\n", what);
		abort();
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	unsetenv("PROMISE_TODAY");
	setenv("TZ", "UTC", 1);
	if (!realpath("tests/lsp/ws", root))
		root[0] = '\0';
	out_fd = memfd_create("lsp-out", 0);
	return out_fd < 0;
}

/* The input with ${ROOT} replaced, framed line by line or as it is. */
static void build_stream(const uint8_t *p, size_t n, bool lines, struct buf *out)
{
	struct buf text;
	buf_init(&text, NULL);
	static const char var[] = "${ROOT}";
	for (size_t i = 0; i < n; i++) {
		if (n - i >= sizeof var - 1 && !memcmp(p + i, var, sizeof var - 1)) {
			buf_adds(&text, root);
			i += sizeof var - 2;
		} else {
			buf_addc(&text, (char)p[i]);
		}
	}
	if (!lines) {
		buf_add(out, text.data, text.len);
	} else {
		const char *s = buf_str(&text), *end = s + text.len;
		while (s < end) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			size_t len = nl ? (size_t)(nl - s) : (size_t)(end - s);
			buf_printf(out, "Content-Length: %zu\r\n\r\n", len);
			buf_add(out, s, len);
			s += len + 1;
		}
	}
	buf_release(&text);
}

/* What the server wrote must be whole frames of JSON, none InternalError. */
static void check_output(void)
{
	off_t size = lseek(out_fd, 0, SEEK_END);
	check(size >= 0, "the output can be measured");
	char *data = malloc((size_t)size + 1);
	check(data && pread(out_fd, data, (size_t)size, 0) == size, "the output can be read back");
	struct transport t;
	transport_init(&t, 0, NULL);
	check(transport_feed(&t, data, (size_t)size) == 0, "the output is fed");
	for (;;) {
		const char *body, *why;
		size_t len;
		enum transport_status st = transport_next(&t, &body, &len, &why);
		if (st == TRANSPORT_NEED_MORE)
			break;
		check(st == TRANSPORT_MESSAGE, "the server frames what it writes");
		json_error_t err;
		json_t *j = json_loadb(body, len, JSON_ALLOW_NUL, &err); /* \u0000 is JSON */
		if (!j)
			fprintf(stderr, "not JSON (%s): %.*s\n", err.text, (int)(len < 2000 ? len : 2000), body);
		check(j != NULL, "the server writes JSON");
		json_t *code = json_object_get(json_object_get(j, "error"), "code");
		if (json_integer_value(code) == -32603)
			fprintf(stderr, "%.*s\n", (int)len, body);
		check(json_integer_value(code) != -32603, "no InternalError while memory lasts");
		json_decref(j);
	}
	check(t.pos == t.in.len, "the output ends with a whole frame");
	transport_release(&t);
	free(data);
	check(ftruncate(out_fd, 0) == 0 && lseek(out_fd, 0, SEEK_SET) == 0, "the output is reset");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t pieces[] = { 1, 2, 7, 64, 1000, 4096, 65536, SIZE_MAX };
	if (size < 1)
		return 0;
	uint8_t how = data[0];
	struct buf stream;
	buf_init(&stream, NULL);
	build_stream(data + 1, size - 1, !(how & 1), &stream);
	size_t piece = pieces[(how >> 1) & 7];
	bool idle = how & 16;

	struct lsp_server_config cfg = { .out_fd = out_fd, .debounce_ms = 0, .rules_uri = "file:///rules.md",
					 .max_message = 1 << 16, .now = fixed_now, .ignore_folders = true };
	struct lsp_server s;
	check(lsp_server_init(&s, &cfg) == LSP_OK, "the server starts");
	if (root[0])
		check(ws_add_root(&s.ws, root) == 0, "the workspace folder is added");
	struct transport t;
	transport_init(&t, cfg.max_message, s.alloc);
	for (size_t at = 0; at < stream.len && !s.exited && !s.error;) {
		size_t n = stream.len - at < piece ? stream.len - at : piece;
		lsp_server_input(&s, &t, stream.data + at, n);
		at += n;
		if (idle && !s.exited && !s.error)
			lsp_server_idle(&s);
	}
	if (!s.exited && !s.error)
		lsp_server_idle(&s); /* end of input: say what is pending */
	check(s.error == LSP_OK, "the server never stops with an error while memory lasts");
	transport_release(&t);
	lsp_server_release(&s);
	buf_release(&stream);
	check_output();
	return 0;
}
