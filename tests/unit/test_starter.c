/* test_starter.c — the texts `promise init` writes (starter.h). */
#include "harness.h"

#include "starter.h"

static const char *render(struct buf *b, size_t index, int32_t today)
{
	buf_clear(b);
	assert_int_equal(starter_render(index, today, b), 0);
	return buf_str(b);
}

static size_t find_file(const char *path)
{
	for (size_t i = 0; i < starter_count; i++)
		if (!strcmp(starter_files[i].path, path))
			return i;
	fail_msg("no starter file %s", path);
	return 0;
}

/* Whatever day init runs on, the example it writes has no finding that day,
 * nor long after: it is kept, so it never falls overdue. */
static void example_is_clean_on_any_day(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	size_t ex = find_file("promises/example.promise");
	const char *days[] = { "2024-02-29", "2026-11-23", "2026-12-31", "2027-02-28", "2099-12-25" };
	for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
		int32_t today;
		assert_true(date_parse_iso(days[i], &today));
		const char *text = render(&b, ex, today);
		for (int later = 0; later <= 400; later += 100) {
			char judged[11];
			date_format(today + later, judged);
			struct lint_result res;
			lint_text_opt(&res, text, judged, 0);
			if (res.a.diags.len)
				fail_msg("made on %s, judged on %s: %s [%s]", days[i], judged,
					 res.a.diags.items[0].message, rule_table[res.a.diags.items[0].rule]->name);
			assert_int_equal(res.a.records, 1);
			lint_done(&res);
		}
	}
	buf_release(&b);
}

static void example_is_dated_today(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	int32_t today;
	assert_true(date_parse_iso("2026-02-27", &today));
	const char *text = render(&b, find_file("promises/example.promise"), today);
	assert_non_null(strstr(text, "\n  made:      2026-02-27\n"));
	assert_non_null(strstr(text, "\n  due:       2026-03-13\n"));
	assert_non_null(strstr(text, "\n  status:    kept 2026-02-27\n"));
	buf_release(&b);
}

/* Valid INI that changes nothing: every line a comment or blank. */
static void config_is_all_comments(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	const char *text = render(&b, find_file(".promise.ini"), 0);
	int sections = 0;
	for (const char *line = text; *line;) {
		const char *nl = strchr(line, '\n');
		assert_non_null(nl);
		assert_true(line == nl || line[0] == '#');
		sections += line[0] == '#' && line[1] == '[';
		line = nl + 1;
	}
	assert_int_equal(sections, 3);
	buf_release(&b);
}

static void attributes_name_the_driver(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	const char *text = render(&b, find_file(".gitattributes"), 0);
	assert_non_null(strstr(text, "\n" STARTER_ATTRIBUTE "\n"));
	assert_non_null(strstr(text, "git " STARTER_GIT_CONFIG));
	buf_release(&b);
}

/* Every file renders, ends with a newline, and its path is relative. */
static void every_file_renders(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	for (size_t i = 0; i < starter_count; i++) {
		const char *text = render(&b, i, 20000);
		assert_true(b.len > 0 && text[b.len - 1] == '\n');
		assert_true(starter_files[i].path[0] != '/' && !strstr(starter_files[i].path, ".."));
	}
	assert_int_equal(starter_render(starter_count, 0, &b), -1);
	buf_release(&b);
}

/* Out of memory at any allocation is an error value, not a crash. */
static void out_of_memory_is_reported(void **state)
{
	(void)state;
	for (size_t i = 0; i < starter_count; i++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, 1);
		struct buf b;
		buf_init(&b, &f.base);
		assert_int_equal(starter_render(i, 20000, &b), -1);
		buf_release(&b);
		assert_int_equal(f.live, 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(example_is_clean_on_any_day),
		cmocka_unit_test(example_is_dated_today),
		cmocka_unit_test(config_is_all_comments),
		cmocka_unit_test(attributes_name_the_driver),
		cmocka_unit_test(every_file_renders),
		cmocka_unit_test(out_of_memory_is_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
