/* test_suppress.c — promise-ignore directives: parsing, record and field
 * scope, reasons, unknown rules, unused and detached directives, findings
 * of cross-promise rules, and rules the configuration turns off. */
#include "harness.h"
#include "suppress.h"

#define FIELDS \
	"  by:        Jan de Vries\n" \
	"  to:        Petra Jansen (Acme BV)\n" \
	"  made:      2026-11-02\n" \
	"  recorded:  email to Petra, 2026-11-02\n"

static void parse_directive(void **state)
{
	(void)state;
	struct suppress_directive d;
	const unsigned char *t = (const unsigned char *)" promise-ignore overdue, P101 -- waiting on legal ";
	assert_true(suppress_parse(t, (uint32_t)strlen((const char *)t), &d));
	assert_memory_equal(t + d.rules_off, "overdue, P101", d.rules_len);
	assert_memory_equal(t + d.reason_off, "waiting on legal", d.reason_len);
	uint32_t pos = 0, a, b;
	assert_true(suppress_next_rule(t, &d, &pos, &a, &b));
	assert_int_equal(suppress_rule_at(t, a, b), RULE_OVERDUE);
	assert_true(suppress_next_rule(t, &d, &pos, &a, &b));
	assert_int_equal(suppress_rule_at(t, a, b), RULE_VAGUE_WORDING);
	assert_false(suppress_next_rule(t, &d, &pos, &a, &b));
	t = (const unsigned char *)" promise-ignore overdue";
	assert_true(suppress_parse(t, (uint32_t)strlen((const char *)t), &d));
	assert_int_equal(d.reason_len, 0);
	t = (const unsigned char *)" promise-ignored overdue -- x";
	assert_false(suppress_parse(t, (uint32_t)strlen((const char *)t), &d));
	t = (const unsigned char *)" see promise-ignore in the docs";
	assert_false(suppress_parse(t, (uint32_t)strlen((const char *)t), &d));
}

static void record_scope(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "# promise-ignore overdue, unreciprocated -- the customer moved the date by phone\n"
		      "promise A-1: Deliver the pumps\n" FIELDS "  due:       2026-11-10\n");
	assert_int_equal(count_rule(&r, RULE_OVERDUE), 0);
	assert_int_equal(count_rule(&r, RULE_UNRECIPROCATED), 0);
	assert_int_equal(count_rule(&r, RULE_UNUSED_SUPPRESSION), 0);
	assert_int_equal(r.a.diags.len, 0);
	lint_done(&r);
}

static void field_scope(void **state)
{
	(void)state;
	struct lint_result r;
	/* the field directive covers the in-return field and its continuation,
	 * not the promise text */
	lint_text(&r, "promise A-1: Try to deliver the pumps\n" FIELDS "  due:       2026-12-10\n"
		      "  # promise-ignore vague-wording -- their wording, quoted from the order\n"
		      "  in-return: some feedback\n"
		      "             and maybe more\n");
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 1);
	expect_at(&r, RULE_VAGUE_WORDING, 1, 14, 17);
	assert_int_equal(count_rule(&r, RULE_UNUSED_SUPPRESSION), 0);
	lint_done(&r);
}

static void reason_required_and_unknown_rules(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "# promise-ignore overdue\n"
		      "promise A-1: Deliver the pumps\n" FIELDS "  due:       2026-11-10\n  in-return: PO 7\n"
		      "# promise-ignore overdu, overdue -- moved by phone\n"
		      "promise A-2: Deliver the seals\n" FIELDS "  due:       2026-11-10\n  in-return: PO 8\n");
	expect_at(&r, RULE_INVALID_SUPPRESSION, 1, 2, 25);
	expect_at(&r, RULE_OVERDUE, 7, 14, 24);   /* without a reason it silences nothing */
	const struct diag *d = expect_at(&r, RULE_INVALID_SUPPRESSION, 9, 18, 24);
	assert_non_null(strstr(d->message, "'overdu'"));
	assert_int_equal(count_rule(&r, RULE_OVERDUE), 1); /* A-2's is silenced */
	lint_done(&r);
}

static void unused_and_detached(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "# promise-ignore overdue, missing-due -- was late once\n"
		      "promise A-1: Deliver the pumps\n" FIELDS "  due:       2026-11-10\n  in-return: PO 7\n"
		      "\n# promise-ignore overdue -- floating\n\n"
		      "promise A-2: Deliver the seals\n" FIELDS "  due:       2026-12-10\n  in-return: PO 8\n");
	assert_int_equal(count_rule(&r, RULE_OVERDUE), 0);
	const struct diag *d = expect_at(&r, RULE_UNUSED_SUPPRESSION, 1, 27, 38);
	assert_non_null(strstr(d->message, "missing-due silences nothing"));
	assert_string_equal(d->promise, "A-1");
	d = expect_at(&r, RULE_UNUSED_SUPPRESSION, 10, 18, 25);
	assert_non_null(strstr(d->message, "not directly above"));
	assert_int_equal(count_rule(&r, RULE_UNUSED_SUPPRESSION), 2);
	lint_done(&r);
}

static void cross_promise_findings(void **state)
{
	(void)state;
	struct lint_result r;
	/* dangling-reference is found at the end, after the chunk is gone */
	lint_text_opt(&r, "promise A-1: Deliver the pumps\n" FIELDS "  due:       2026-12-10\n"
			  "  # promise-ignore dangling-reference -- their promise lives in their own repository\n"
			  "  in-return: ACME-99\n"
			  "promise A-2: Deliver the seals\n" FIELDS "  due:       2026-12-10\n"
			  "  in-return: ACME-98\n",
		      "2026-11-23", 64);
	assert_int_equal(count_rule(&r, RULE_DANGLING_REFERENCE), 1);
	expect_at(&r, RULE_DANGLING_REFERENCE, 15, 14, 21);
	assert_int_equal(count_rule(&r, RULE_UNUSED_SUPPRESSION), 0);
	lint_done(&r);
}

static void rules_turned_off_are_not_unused(void **state)
{
	(void)state;
	struct lint_result r;
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	r.opt.severity[RULE_OVERDUE] = SEV_OFF;
	analysis_init(&r.a, &r.opt, NULL);
	analysis_add_name(&r.a, "t.promise");
	static const char text[] = "# promise-ignore overdue -- moved by phone\n"
				   "promise A-1: Deliver the pumps\n" FIELDS "  due: 2026-11-10\n  in-return: PO 7\n";
	assert_int_equal(analysis_add_buffer(&r.a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	assert_int_equal(r.a.diags.len, 0);
	lint_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_directive),
		cmocka_unit_test(record_scope),
		cmocka_unit_test(field_scope),
		cmocka_unit_test(reason_required_and_unknown_rules),
		cmocka_unit_test(unused_and_detached),
		cmocka_unit_test(cross_promise_findings),
		cmocka_unit_test(rules_turned_off_are_not_unused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
