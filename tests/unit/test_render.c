/* test_render.c — the streaming renderers (text and json), byte for byte:
 * the caret under tabs and multibyte characters, control characters in
 * the excerpt, colour, framing between findings, and text that must be
 * escaped. Each finding is assembled in memory before it is written, so
 * these pin down what it must add up to. */
#include <stdlib.h>

#include <jansson.h>

#include "harness.h"
#include "out/render.h"

static char *render(const char *format, const struct diag *d, size_t n, bool color)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	assert_non_null(f);
	struct render_ctx r = { 0 };
	r.out = f;
	r.color = color;
	const struct renderer *rd = render_lookup(format);
	assert_non_null(rd);
	assert_int_equal(render_begin(rd, &r), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(render_diag(rd, &r, &d[i], "dir/a.promise"), 0);
	const char *files[] = { "dir/a.promise" };
	assert_int_equal(render_end(rd, &r, files, 1), 0);
	fclose(f);
	return out;
}

/* "\tdue:  sö\x01n, more text here" with the span on "more" */
static struct diag finding(void)
{
	struct diag d = { 0 };
	static const char line[] = "\tdue:  s\xC3\xB6\x01n, more text here and after";
	d.line = d.end_line = 1234567;
	d.byte_column = 14;
	d.byte_end_column = 18;
	d.column = 14;
	d.end_column = 18;
	d.rule = RULE_VAGUE_WORDING;
	d.severity = SEV_WARNING;
	d.message = "vague wording in the text: 'more'";
	d.hint = "say what, exactly";
	d.promise = "P-1";
	d.excerpt = line;
	d.excerpt_len = sizeof line - 1;
	return d;
}

static void text_plain(void **state)
{
	(void)state;
	struct diag d = finding();
	char *s = render("text", &d, 1, false);
	assert_string_equal(s, "dir/a.promise:1234567:14: warning: vague wording in the text: 'more' "
			       "[vague-wording]\n"
			       "1234567 | \tdue:  s\xC3\xB6 n, more text here and after\n"
			       "       | \t            ^~~~\n"
			       "       = hint: say what, exactly\n");
	free(s);
	/* a short line number is right-aligned in six columns; no hint, no excerpt */
	d.line = 7;
	d.hint = NULL;
	d.byte_column = 0;
	d.column = 1;
	d.end_column = 1;
	s = render("text", &d, 1, false);
	assert_string_equal(s, "dir/a.promise:7:1: warning: vague wording in the text: 'more' [vague-wording]\n"
			       "     7 | \tdue:  s\xC3\xB6 n, more text here and after\n"
			       "       | ^\n");
	free(s);
	d.excerpt = NULL;
	s = render("text", &d, 1, false);
	assert_string_equal(s, "dir/a.promise:7:1: warning: vague wording in the text: 'more' [vague-wording]\n");
	free(s);
}

static void text_color(void **state)
{
	(void)state;
	struct diag d = finding();
	d.severity = SEV_ERROR;
	d.byte_column = 1;
	d.column = 2;
	d.end_column = 4;
	char *s = render("text", &d, 1, true);
	assert_string_equal(s, "\033[1mdir/a.promise:1234567:2:\033[0m \033[1;31merror:\033[0m "
			       "vague wording in the text: 'more' \033[1m[vague-wording]\033[0m\n"
			       "1234567 | \tdue:  s\xC3\xB6 n, more text here and after\n"
			       "       | \t\033[1;31m^~\033[0m\n"
			       "       = hint: say what, exactly\n");
	free(s);
}

static void text_long_finding(void **state)
{
	(void)state;
	/* larger than the renderer's stack buffer */
	size_t n = 20000;
	char *line = malloc(n + 1);
	memset(line, 'x', n);
	line[n] = '\0';
	struct diag d = finding();
	d.excerpt = line;
	d.excerpt_len = (uint32_t)n;
	d.byte_column = (uint32_t)n - 2;
	d.column = (uint32_t)n - 1;
	d.end_column = (uint32_t)n + 1;
	char *s = render("text", &d, 1, false);
	const char *caret = strstr(s, "\n       | ");
	assert_non_null(caret);
	caret += strlen("\n       | ");
	for (size_t i = 0; i < n - 2; i++)
		assert_int_equal(caret[i], ' ');
	assert_string_equal(caret + n - 2, "^~\n       = hint: say what, exactly\n");
	free(s);
	free(line);
}

static void json_framing_and_escapes(void **state)
{
	(void)state;
	struct diag d[2] = { finding(), finding() };
	d[1].line = d[1].end_line = 0;
	d[1].column = 4294967295u;
	d[1].message = "a \"quoted\" back\\slash";
	d[1].hint = NULL;
	d[1].promise = NULL;
	char *s = render("json", d, 2, false);
	assert_string_equal(s, "[\n"
			       "  {\"file\":\"dir/a.promise\",\"line\":1234567,\"column\":14,\"end_line\":1234567,"
			       "\"end_column\":18,\"severity\":\"warning\",\"rule\":\"vague-wording\",\"code\":\"P101\","
			       "\"message\":\"vague wording in the text: 'more'\",\"hint\":\"say what, exactly\","
			       "\"promise\":\"P-1\"},\n"
			       "  {\"file\":\"dir/a.promise\",\"line\":0,\"column\":4294967295,\"end_line\":0,"
			       "\"end_column\":18,\"severity\":\"warning\",\"rule\":\"vague-wording\",\"code\":\"P101\","
			       "\"message\":\"a \\\"quoted\\\" back\\\\slash\",\"hint\":null,\"promise\":null}\n"
			       "]\n");
	free(s);
	s = render("json", d, 0, false);
	assert_string_equal(s, "[]\n");
	free(s);
}

/* The excerpt and the caret line where the line's last bytes (after its
 * last whole word) hold a tab, a control character or a two-byte
 * character, at every place, for lines of every length up to three
 * words: the renderer takes those bytes as one word again. */
static void text_line_tails(void **state)
{
	(void)state;
	static const char *const odd[] = { "\t", "\x01", "\xC3\xA9" };
	for (size_t o = 0; o < 3; o++)
		for (size_t n = 1; n <= 24; n++)
			for (size_t at = 0; at + strlen(odd[o]) <= n; at++) {
				char line[32], shown[32], pad[32];
				memset(line, 'a', n);
				memcpy(line + at, odd[o], strlen(odd[o]));
				size_t np = 0, chars = 0;
				for (size_t i = 0; i < n; i++) {
					unsigned char c = (unsigned char)line[i];
					shown[i] = c < 0x20 && c != '\t' ? ' ' : line[i];
					if ((c & 0xC0) != 0x80) {
						pad[np++] = c == '\t' ? '\t' : ' ';
						chars++;
					}
				}
				pad[np] = '\0';
				struct diag d = finding();
				d.hint = NULL;
				d.line = 7;
				d.excerpt = line;
				d.excerpt_len = (uint32_t)n;
				d.byte_column = d.byte_end_column = (uint32_t)n;
				d.column = d.end_column = (uint32_t)chars + 1;
				char want[160];
				snprintf(want, sizeof want,
					 "dir/a.promise:7:%zu: warning: vague wording in the text: 'more' "
					 "[vague-wording]\n     7 | %.*s\n       | %s^\n",
					 chars + 1, (int)n, shown, pad);
				char *s = render("text", &d, 1, false);
				assert_string_equal(s, want);
				free(s);
			}
}

/* The frame cached per rule and severity, and hints short and long, each
 * looked up again. */
static void json_cached_pieces(void **state)
{
	(void)state;
	struct diag d[4] = { finding(), finding(), finding(), finding() };
	d[1].severity = SEV_ERROR;
	d[1].hint = "do it";
	d[2].severity = SEV_INFO;
	d[2].rule = RULE_OVERDUE;
	d[3].hint = "do it";
	char *s = render("json", d, 4, false);
	const char *want[4] = {
		"\"severity\":\"warning\",\"rule\":\"vague-wording\",\"code\":\"P101\","
		"\"message\":\"vague wording in the text: 'more'\",\"hint\":\"say what, exactly\"",
		"\"severity\":\"error\",\"rule\":\"vague-wording\",\"code\":\"P101\","
		"\"message\":\"vague wording in the text: 'more'\",\"hint\":\"do it\"",
		"\"severity\":\"info\",\"rule\":\"overdue\",\"code\":\"P401\","
		"\"message\":\"vague wording in the text: 'more'\",\"hint\":\"say what, exactly\"",
		"\"severity\":\"warning\",\"rule\":\"vague-wording\",\"code\":\"P101\","
		"\"message\":\"vague wording in the text: 'more'\",\"hint\":\"do it\"",
	};
	const char *at = s;
	for (int i = 0; i < 4; i++) {
		const char *hit = strstr(at, want[i]);
		assert_non_null(hit);
		at = hit + strlen(want[i]);
	}
	free(s);
}

/* The lengths a finding carries are taken as they are: the bytes past
 * them are not shown. */
static void lengths_as_given(void **state)
{
	(void)state;
	struct diag d = finding();
	char *want_text = render("text", &d, 1, false), *want_json = render("json", &d, 1, false);
	d.message = "vague wording in the text: 'more' and more";
	d.message_len = (uint32_t)strlen("vague wording in the text: 'more'");
	d.hint = "say what, exactly, and when";
	d.hint_len = (uint32_t)strlen("say what, exactly");
	d.promise = "P-12";
	d.promise_len = 3;
	char *s = render("text", &d, 1, false);
	assert_string_equal(s, want_text);
	free(s);
	s = render("json", &d, 1, false);
	assert_string_equal(s, want_json);
	free(s);
	free(want_text);
	free(want_json);
}

/* One finding's object as json writes it, after the first. */
static int json_object_text(char *out, size_t size, const struct diag *d)
{
	return snprintf(out, size,
			",\n  {\"file\":\"dir/a.promise\",\"line\":%u,\"column\":%u,\"end_line\":%u,"
			"\"end_column\":%u,\"severity\":\"warning\",\"rule\":\"vague-wording\",\"code\":\"P101\","
			"\"message\":\"%s\",\"hint\":\"%s\",\"promise\":\"%s\"}",
			d->line, d->column, d->end_line, d->end_column, d->message, d->hint, d->promise);
}

/* Findings are written a block at a time: many blocks' worth come out
 * whole and in order, and so do those held when the run stops early
 * (render_stop(), without the closing bracket). */
static void json_blocks_and_stop(void **state)
{
	(void)state;
	enum { N = 2000 };
	struct diag *d = calloc(N, sizeof *d);
	char (*ids)[16] = calloc(N, sizeof *ids);
	assert_true(d && ids);
	size_t cap = (size_t)N * 400, len = 0;
	char *want = malloc(cap);
	assert_non_null(want);
	len += (size_t)snprintf(want, cap, "[");
	for (size_t i = 0; i < N; i++) {
		d[i] = finding();
		d[i].line = d[i].end_line = (uint32_t)(i + 1);
		snprintf(ids[i], sizeof ids[i], "P-%zu", i);
		d[i].promise = ids[i];
		len += (size_t)json_object_text(want + len, cap - len, &d[i]);
	}
	want[1] = '\n'; /* the first object has no comma before it */
	char *s = render("json", d, N, false);
	assert_int_equal(strlen(s), len + 2);
	assert_memory_equal(s, want, 1);
	assert_memory_equal(s + 1, want + 2, len - 2);
	assert_string_equal(s + len - 1, "\n]\n");
	free(s);

	for (size_t n = 0; n <= N; n += N / 4) {
		char *out = NULL;
		size_t out_len = 0;
		FILE *f = open_memstream(&out, &out_len);
		assert_non_null(f);
		struct render_ctx r = { 0 };
		r.out = f;
		const struct renderer *rd = render_lookup("json");
		assert_int_equal(render_begin(rd, &r), 0);
		for (size_t i = 0; i < n; i++)
			assert_int_equal(render_diag(rd, &r, &d[i], "dir/a.promise"), 0);
		assert_int_equal(render_stop(rd, &r), 0);
		assert_null(r.state);
		fclose(f);
		size_t upto = 1; /* "[" and the first n objects */
		for (size_t i = 0; i < n; i++)
			upto += (size_t)json_object_text(NULL, 0, &d[i]);
		assert_int_equal(out_len, n ? upto - 1 : 1);
		if (n)
			assert_memory_equal(out + 1, want + 2, upto - 2);
		free(out);
	}
	free(want);
	free(ids);
	free(d);
}

/* Messages are framed as they are when nothing needs escaping, which the
 * renderer finds sixteen bytes at a time: for messages of up to several
 * blocks with a quote, a backslash, a control character or a two-byte
 * character at every place, the object holds jansson's own encoding. */
static void json_messages_like_jansson(void **state)
{
	(void)state;
	static const char *const odd[] = { "\"", "\\", "\x01", "\x1F", "\x7F", "\xC3\xA9", " " };
	for (size_t o = 0; o < sizeof odd / sizeof *odd; o++)
		for (size_t n = 1; n <= 70; n++)
			for (size_t at = 0; at + strlen(odd[o]) <= n; at++) {
				char msg[72];
				memset(msg, 'a', n);
				memcpy(msg + at, odd[o], strlen(odd[o]));
				msg[n] = '\0';
				json_t *j = json_string(msg);
				char *enc = json_dumps(j, JSON_ENCODE_ANY);
				assert_non_null(enc);
				char want[256];
				snprintf(want, sizeof want, "\"message\":%s,\"hint\":", enc);
				struct diag d = finding();
				d.message = msg;
				char *s = render("json", &d, 1, false);
				assert_non_null(strstr(s, want));
				free(s);
				free(enc);
				json_decref(j);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_plain),
		cmocka_unit_test(text_color),
		cmocka_unit_test(text_long_finding),
		cmocka_unit_test(json_framing_and_escapes),
		cmocka_unit_test(text_line_tails),
		cmocka_unit_test(json_cached_pieces),
		cmocka_unit_test(json_blocks_and_stop),
		cmocka_unit_test(lengths_as_given),
		cmocka_unit_test(json_messages_like_jansson),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
