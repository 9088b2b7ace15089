/* test_escape.c — the escaping every machine format relies on, on its own
 * and through each renderer, with the characters that break formats:
 * % CR LF : , for GitHub, & < > " ' and control bytes for XML, invalid
 * UTF-8 for JSON and XML. */
#include <stdlib.h>

#include "harness.h"
#include "out/escape.h"
#include "out/render.h"

static char *esc(int (*fn)(struct buf *, const char *, bool), const char *s, bool flag)
{
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(fn(&b, s, flag), 0);
	char *r = strdup(buf_str(&b));
	buf_release(&b);
	return r;
}

static void xml_text_and_attributes(void **state)
{
	(void)state;
	char *t = esc(esc_xml, "a<b & \"c\" 'd'>\te\nf", false);
	assert_string_equal(t, "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\te\nf");
	free(t);
	t = esc(esc_xml, "tab\there\nline\rcr", true);
	assert_string_equal(t, "tab&#9;here&#10;line&#13;cr");
	free(t);
	/* a control byte and invalid UTF-8 cannot appear in XML */
	t = esc(esc_xml, "bell\x07 bad\xff end \xef\xbf\xbe", false);
	assert_string_equal(t, "bell\xef\xbf\xbd bad\xef\xbf\xbd end \xef\xbf\xbd");
	free(t);
	t = esc(esc_xml, "försöka 𝄞", true);
	assert_string_equal(t, "försöka 𝄞");
	free(t);
}

static void github_data_and_properties(void **state)
{
	(void)state;
	const char *s = "100% done:\r\nnext, then";
	char *t = esc(esc_github, s, false);
	assert_string_equal(t, "100%25 done:%0D%0Anext, then");
	free(t);
	t = esc(esc_github, s, true);
	assert_string_equal(t, "100%25 done%3A%0D%0Anext%2C then");
	free(t);
	t = esc(esc_github, "tab\there", false);
	assert_string_equal(t, "tab here");
	free(t);
}

static void utf8_validation(void **state)
{
	(void)state;
	unsigned long cp;
	assert_int_equal(esc_utf8_char((const unsigned char *)"\xc3\xa4", 2, &cp), 2);
	assert_int_equal(cp, 0xE4);
	assert_int_equal(esc_utf8_char((const unsigned char *)"\xc0\xaf", 2, &cp), 0);     /* overlong */
	assert_int_equal(esc_utf8_char((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	assert_int_equal(esc_utf8_char((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(esc_utf8_char((const unsigned char *)"\xe2\x82", 2, &cp), 0);     /* cut */
	json_t *j = esc_json_string("ok \xff");
	assert_non_null(j);
	assert_string_equal(json_string_value(j), "ok \xef\xbf\xbd");
	json_decref(j);
}

static void uri_and_relative_paths(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(esc_uri_path(&b, "a dir/ö#1?.promise"), 0);
	assert_string_equal(buf_str(&b), "a%20dir/%C3%B6%231%3F.promise");
	buf_clear(&b);
	esc_relative_path(&b, "/repo/x/a.promise", "/repo");
	assert_string_equal(buf_str(&b), "x/a.promise");
	buf_clear(&b);
	esc_relative_path(&b, "/repository/a.promise", "/repo");
	assert_string_equal(buf_str(&b), "/repository/a.promise");
	buf_clear(&b);
	esc_relative_path(&b, "././x/a.promise", "/repo");
	assert_string_equal(buf_str(&b), "x/a.promise");
	buf_clear(&b);
	esc_relative_path(&b, "/a.promise", "/");
	assert_string_equal(buf_str(&b), "a.promise");
	buf_release(&b);
}

/* One finding whose message holds every troublesome character. */
static char *render_one(render_fn *fn)
{
	struct diag_list l;
	diag_list_init(&l, NULL);
	struct diag d = { 0 };
	d.line = d.end_line = 3;
	d.column = 5;
	d.end_column = 9;
	d.rule = RULE_VAGUE_WORDING;
	d.severity = SEV_WARNING;
	d.message = "50% <done> & \"x\": a, b\r\nnext \xff";
	d.hint = "say 'when'";
	d.promise = "A-1";
	d.excerpt = "  note: x";
	d.excerpt_len = 9;
	assert_int_equal(diag_list_push(&l, &d), 0);
	const char *files[] = { "dir/a,b:c.promise" };
	struct render_input in = { &l, files, 1, false, NULL, "1.0.0", "/nowhere" };
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	assert_int_equal(fn(f, &in), 0);
	fclose(f);
	diag_list_release(&l);
	return out;
}

static void renderers_escape(void **state)
{
	(void)state;
	char *s = render_one(render_github);
	assert_string_equal(s, "::warning file=dir/a%2Cb%3Ac.promise,line=3,col=5,endLine=3,endColumn=8,"
			       "title=vague-wording (P101)::50%25 <done> & \"x\": a, b%0D%0Anext \xef\xbf\xbd"
			       "%0Asay 'when'\n");
	free(s);
	s = render_one(render_checkstyle);
	assert_non_null(strstr(s, "message=\"50% &lt;done&gt; &amp; &quot;x&quot;: a, b&#13;&#10;next \xef\xbf\xbd\""));
	assert_non_null(strstr(s, "<file name=\"dir/a,b:c.promise\">"));
	free(s);
	s = render_one(render_junit);
	assert_non_null(strstr(s, "tests=\"1\" failures=\"1\" errors=\"0\""));
	assert_non_null(strstr(s, "type=\"vague-wording\""));
	free(s);
	s = render_one(render_gcc);
	assert_string_equal(s, "dir/a,b:c.promise:3:5: warning: 50% <done> & \"x\": a, b  next \xff [vague-wording]\n");
	free(s);
	s = render_one(render_sarif);
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);
	assert_non_null(j);
	json_t *res = json_array_get(json_object_get(json_array_get(json_object_get(j, "runs"), 0), "results"), 0);
	assert_string_equal(json_string_value(json_object_get(json_object_get(res, "message"), "text")),
			    "50% <done> & \"x\": a, b\r\nnext \xef\xbf\xbd");
	json_decref(j);
	free(s);
	s = render_one(render_gitlab);
	j = json_loads(s, 0, &err);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(json_object_get(json_array_get(j, 0), "location"), "path")),
			    "dir/a,b:c.promise");
	json_decref(j);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xml_text_and_attributes),
		cmocka_unit_test(github_data_and_properties),
		cmocka_unit_test(utf8_validation),
		cmocka_unit_test(uri_and_relative_paths),
		cmocka_unit_test(renderers_escape),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
