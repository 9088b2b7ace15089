/* test_fingerprint.c — fingerprints survive moves and stay apart when the
 * findings differ; the baseline hides exactly what it recorded. */
#include <stdlib.h>

#include "baseline.h"
#include "fingerprint.h"
#include "harness.h"

static const char one[] =
	"promise A-1: Try to deliver the pumps\n"
	"  due:       2026-11-10\n";

/* The same promises, moved down five lines and behind another one. */
static const char moved[] =
	"# Moved below a new promise.\n\n"
	"promise A-0: Deliver the valves\n"
	"  due:       2026-12-10\n\n"
	"promise A-1: Try to deliver the pumps\n"
	"  due:       2026-11-10\n";

static const char *find_fp(const struct lint_result *r, int rule, char out[FINGERPRINT_HEX + 1])
{
	const struct diag *d = find_rule(r, rule);
	assert_non_null(d);
	fingerprint_diag(d, "t.promise", out);
	return out;
}

static void survives_moves(void **state)
{
	(void)state;
	struct lint_result a, b;
	char fa[FINGERPRINT_HEX + 1], fb[FINGERPRINT_HEX + 1];
	lint_text(&a, one);
	lint_text(&b, moved);
	assert_string_equal(find_fp(&a, RULE_OVERDUE, fa), find_fp(&b, RULE_OVERDUE, fb));
	assert_string_equal(find_fp(&a, RULE_VAGUE_WORDING, fa), find_fp(&b, RULE_VAGUE_WORDING, fb));
	assert_int_equal(strlen(fa), FINGERPRINT_HEX);
	/* another rule, another promise or another text is another finding */
	assert_string_not_equal(find_fp(&a, RULE_OVERDUE, fa), find_fp(&a, RULE_MISSING_MADE, fb));
	const struct diag *d = find_rule(&a, RULE_OVERDUE);
	struct diag other = *d;
	other.promise = "A-2";
	fingerprint_diag(&other, "t.promise", fb);
	assert_string_not_equal(fa, fb);
	/* with an ID the file does not matter; without one it does */
	fingerprint_diag(d, "elsewhere.promise", fb);
	assert_string_equal(fa, fb);
	other.promise = NULL;
	fingerprint_diag(&other, "t.promise", fa);
	fingerprint_diag(&other, "elsewhere.promise", fb);
	assert_string_not_equal(fa, fb);
	lint_done(&a);
	lint_done(&b);
}

static void equal_findings_are_numbered(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Deliver the pumps\n  colour: red\n  colour: red\n");
	struct fingerprint_list fl;
	const char *files[] = { "t.promise" };
	assert_int_equal(fingerprint_list(&fl, &r.a.diags, files, NULL), 0);
	int seen = 0;
	for (size_t i = 0; i < r.a.diags.len; i++)
		if (r.a.diags.items[i].rule == RULE_UNKNOWN_KEY)
			assert_int_equal(fl.occurrence[i], (uint32_t)seen++);
	assert_int_equal(seen, 2);
	fingerprint_list_free(&fl);
	lint_done(&r);
}

static void baseline_round_trip(void **state)
{
	(void)state;
	struct lint_result a, b;
	const char *files[] = { "t.promise" };
	lint_text(&a, one);
	struct buf text;
	buf_init(&text, NULL);
	assert_int_equal(baseline_format(&text, &a.a.diags, files), 0);
	/* the moved promises, plus one new problem */
	char *more = malloc(strlen(moved) + 64);
	sprintf(more, "%spromise A-2: Send some spare seals\n", moved);
	lint_text(&b, more);
	size_t before = b.a.diags.len;
	struct baseline bl;
	baseline_init(&bl, NULL);
	char why[128];
	assert_int_equal(baseline_parse(&bl, text.data, text.len, why, sizeof why), BASELINE_OK);
	long hidden = baseline_filter(&bl, &b.a.diags, files);
	assert_int_equal(hidden, (long)a.a.diags.len);
	assert_int_equal(baseline_unmatched(&bl), 0);
	for (size_t i = 0; i < b.a.diags.len; i++) {
		const char *p = b.a.diags.items[i].promise;
		assert_true(p && (!strcmp(p, "A-0") || !strcmp(p, "A-2")));
	}
	assert_int_equal(b.a.diags.len, before - (size_t)hidden);
	baseline_release(&bl);
	free(more);
	buf_release(&text);
	lint_done(&a);
	lint_done(&b);
}

static void baseline_refuses_other_files(void **state)
{
	(void)state;
	struct baseline bl;
	char why[200];
	baseline_init(&bl, NULL);
	assert_int_equal(baseline_parse(&bl, "[1, 2", 5, why, sizeof why), BASELINE_INVALID);
	assert_non_null(strstr(why, "line 1"));
	assert_int_equal(baseline_parse(&bl, "{\"version\": 2}", 14, why, sizeof why), BASELINE_INVALID);
	assert_non_null(strstr(why, "not a promise baseline"));
	static const char bad[] = "{\"promise-baseline\": 1, \"findings\": [{\"fingerprint\": \"xyz\"}]}";
	assert_int_equal(baseline_parse(&bl, bad, strlen(bad), why, sizeof why), BASELINE_INVALID);
	assert_non_null(strstr(why, "finding 1"));
	baseline_release(&bl);
	/* counts: recorded once hides one of two equal findings */
	static const char twice[] = "{\"promise-baseline\": 1, \"findings\": ["
				    "{\"fingerprint\": \"0123456789abcdef0123456789abcdef\"},"
				    "{\"fingerprint\": \"0123456789abcdef0123456789abcdef\"}]}";
	baseline_init(&bl, NULL);
	assert_int_equal(baseline_parse(&bl, twice, strlen(twice), why, sizeof why), BASELINE_OK);
	assert_int_equal(bl.len, 1);
	assert_int_equal(bl.items[0].count, 2);
	baseline_release(&bl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(survives_moves),
		cmocka_unit_test(equal_findings_are_numbered),
		cmocka_unit_test(baseline_round_trip),
		cmocka_unit_test(baseline_refuses_other_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
