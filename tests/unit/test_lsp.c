/* test_lsp.c — the editor server's framing and position conversion, the
 * two places where one byte off means a broken session or a misplaced
 * underline. */
#include "harness.h"

#include "lsp/documents.h"
#include "lsp/transport.h"

static void framing_in_pieces(void **state)
{
	(void)state;
	struct transport t;
	transport_init(&t, 0, NULL);
	const char *msg = "Content-Length: 7\r\nX-Other: 1\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n[]";
	const char *body, *why;
	size_t len;
	/* One byte at a time: a message appears only once it is whole. */
	int seen = 0;
	for (const char *p = msg; *p; p++) {
		assert_int_equal(transport_feed(&t, p, 1), 0);
		enum transport_status st;
		while ((st = transport_next(&t, &body, &len, &why)) == TRANSPORT_MESSAGE) {
			if (seen++ == 0)
				assert_memory_equal(body, "{\"a\":1}", len);
			else
				assert_memory_equal(body, "[]", len);
		}
		assert_int_equal(st, TRANSPORT_NEED_MORE);
	}
	assert_int_equal(seen, 2);
	transport_release(&t);
}

static void framing_recovers(void **state)
{
	(void)state;
	struct transport t;
	transport_init(&t, 16, NULL);
	const char *in = "Content-Lenght: 3\r\n\r\n{x}"
			 "Content-Length: 20\r\n\r\n01234567890123456789"
			 "Content-Length: 2\r\n\r\nok";
	const char *body, *why;
	size_t len;
	assert_int_equal(transport_feed(&t, in, strlen(in)), 0);
	assert_int_equal(transport_next(&t, &body, &len, &why), TRANSPORT_BAD_HEADER);
	assert_int_equal(transport_next(&t, &body, &len, &why), TRANSPORT_TOO_BIG);
	assert_int_equal(transport_next(&t, &body, &len, &why), TRANSPORT_MESSAGE);
	assert_memory_equal(body, "ok", 2);
	transport_release(&t);
}

/* Regression (found by fuzz/lsp.c): asked for a message before any byte
 * was kept (none yet, or all of them a skipped oversized body), the
 * transport computed NULL + 0, undefined behaviour. */
static void framing_before_any_byte(void **state)
{
	(void)state;
	struct transport t;
	transport_init(&t, 1024, NULL);
	const char *body, *why;
	size_t len;
	assert_int_equal(transport_next(&t, &body, &len, &why), TRANSPORT_NEED_MORE);
	transport_release(&t);
	transport_init(&t, 1024, NULL);
	const char *big = "Content-Length: 2000\r\n\r\n";
	assert_int_equal(transport_feed(&t, big, strlen(big)), 0);
	assert_int_equal(transport_next(&t, &body, &len, &why), TRANSPORT_TOO_BIG);
	transport_release(&t);
}

static void positions(void **state)
{
	(void)state;
	struct doc_store s;
	doc_store_init(&s, NULL);
	/* é is 2 bytes and 1 UTF-16 unit; 😀 is 4 bytes and 2 units. */
	const char *text = "a\r\n\té😀x\rz\n";
	struct lsp_doc *d = doc_open(&s, "file:///t%20x.promise", 1, text, strlen(text));
	assert_non_null(d);
	assert_string_equal(d->path, "/t x.promise");
	assert_int_equal(d->nlines, 4); /* CR LF, lone CR and LF all end lines */
	uint32_t x = (uint32_t)(strchr(text, 'x') - text);
	struct lsp_position p = doc_position(d, ENC_UTF16, x);
	assert_int_equal(p.line, 1);
	assert_int_equal(p.character, 4);
	assert_int_equal(doc_position(d, ENC_UTF8, x).character, 7);
	assert_int_equal(doc_offset(d, ENC_UTF16, p), x);
	/* Inside a surrogate pair: before the character. Past the end: clamped. */
	assert_int_equal(doc_offset(d, ENC_UTF16, (struct lsp_position){ 1, 3 }), x - 4);
	assert_int_equal(doc_offset(d, ENC_UTF16, (struct lsp_position){ 1, 99 }), x + 1);
	assert_int_equal(doc_offset(d, ENC_UTF8, (struct lsp_position){ 9, 0 }), strlen(text));
	/* An edit across the emoji, then the parser's line table. */
	assert_int_equal(doc_splice(d, x - 4, x + 1, "y", 1), 0);
	assert_string_equal(d->text.data, "a\r\n\téy\rz\n");
	assert_int_equal(doc_parser_offset(d, 2, 1), 4);
	char *uri = path_to_uri(alloc_default(), "/t x/é.promise");
	assert_string_equal(uri, "file:///t%20x/%C3%A9.promise");
	alloc_free(alloc_default(), uri);
	doc_store_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(framing_in_pieces),
		cmocka_unit_test(framing_recovers),
		cmocka_unit_test(framing_before_any_byte),
		cmocka_unit_test(positions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
