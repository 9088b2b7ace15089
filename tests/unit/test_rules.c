/* test_rules.c — every rule fires on a bad input at the exact position and
 * stays quiet on the good one. */
#include "harness.h"

#include "arena.h"
#include "buf.h"
#include "parse.h"
#include "utf8.h"

/* A record with every field, so only the rule under test has something to
 * say. Fields are substituted per test. */
#define CLEAN_FIELDS \
	"  by:        Jan de Vries\n" \
	"  to:        Petra Jansen (Acme BV)\n" \
	"  made:      2026-11-02\n" \
	"  due:       2026-12-20\n" \
	"  recorded:  email to Petra, 2026-11-02\n" \
	"  in-return: signed purchase order by 2026-11-27\n"

static void clean_record_has_no_findings(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise ACME-1: Deliver the revised quote with line-item pricing\n" CLEAN_FIELDS);
	for (size_t i = 0; i < r.a.diags.len; i++)
		fprintf(stderr, "unexpected: %s\n", r.a.diags.items[i].message);
	assert_int_equal(r.a.diags.len, 0);
	lint_done(&r);
}

static void syntax_error_line(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship it\n" CLEAN_FIELDS "this line is nothing\n");
	expect_at(&r, RULE_SYNTAX_ERROR, 8, 1, 21);
	lint_done(&r);
}

static void syntax_error_unindented_field_and_recovery(void **state)
{
	(void)state;
	struct lint_result r;
	/* The bad line does not end the record: later fields still belong. */
	lint_text(&r, "promise A-1: Ship it\nby: Sara Lind\n  to:        Tom\n  made: 2026-11-01\n"
		      "  due: 2026-12-01\n  recorded: mail\n  in-return: ACME-9x\n"
		      "promise A-2 Missing colon\n  by: Jan\n");
	const struct diag *d = expect_at(&r, RULE_SYNTAX_ERROR, 2, 1, 14);
	assert_non_null(strstr(d->message, "not indented"));
	d = expect_at(&r, RULE_SYNTAX_ERROR, 8, 1, 26);
	assert_non_null(strstr(d->message, "':'"));
	assert_int_equal(count_rule(&r, RULE_MISSING_PROMISER), 1); /* A-1's `by` was lost */
	lint_done(&r);
}

static void syntax_error_bad_bytes(void **state)
{
	(void)state;
	struct lint_result r;
	static const char text[] = "promise A-1: Ship \xff\xfe the pumps\n" CLEAN_FIELDS "# x\r y\n";
	lint_text(&r, text);
	const struct diag *d = expect_at(&r, RULE_SYNTAX_ERROR, 1, 19, 21);
	assert_non_null(strstr(d->message, "0xFF"));
	d = expect_at(&r, RULE_SYNTAX_ERROR, 8, 4, 5);
	assert_non_null(strstr(d->message, "carriage return"));
	lint_done(&r);
}

static void syntax_error_nul(void **state)
{
	(void)state;
	struct lint_result r;
	static const char text[] = "promise A-1: Ship\0it\n";
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	analysis_init(&r.a, &r.opt, NULL);
	analysis_add_name(&r.a, "t");
	assert_int_equal(analysis_add_buffer(&r.a, 0, text, sizeof text - 1), ANALYSIS_OK);
	analysis_finish(&r.a);
	const struct diag *d = expect_at(&r, RULE_SYNTAX_ERROR, 1, 18, 19);
	assert_non_null(strstr(d->message, "NUL"));
	lint_done(&r);
}

static void invalid_date(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  by: Jan\n  to: Tom\n  made: 2025-02-29\n  due: 2026-12-01\n"
		      "  recorded: mail\n  in-return: order\n  recovery: called Tom\n");
	const struct diag *d = expect_at(&r, RULE_INVALID_DATE, 4, 9, 19);
	assert_non_null(strstr(d->message, "leap"));
	expect_at(&r, RULE_INVALID_DATE, 8, 13, 23);
	lint_done(&r);
	lint_text(&r, "promise A-1: Ship\n  made: 2024-02-29\n  due: 2026-12-01 17:30+01:00\n");
	assert_int_equal(count_rule(&r, RULE_INVALID_DATE), 0);
	lint_done(&r);
	lint_text(&r, "promise A-1: Ship\n  due: 2026-12-01 24:00\n");
	expect_at(&r, RULE_INVALID_DATE, 2, 8, 24);
	lint_done(&r);
	/* a status date off the calendar in a record whose fields' dates are all good */
	lint_text(&r, "promise A-1: Ship\n  made: 2026-11-02\n  due: 2026-12-01\n  status: kept 2026-02-30\n");
	expect_at(&r, RULE_INVALID_DATE, 4, 16, 26);
	assert_int_equal(count_rule(&r, RULE_INVALID_DATE), 1);
	lint_done(&r);
	/* only the entries are wrong, the second of each kind */
	lint_text(&r, "promise A-1: Ship\n  made: 2026-11-02\n  extra: 2026-11-03 tea\n  extra: biscuits\n"
		      "  recovery: 2026-11-04 called\n  recovery: 2026-04-31 visited\n");
	expect_at(&r, RULE_INVALID_DATE, 4, 10, 18);
	expect_at(&r, RULE_INVALID_DATE, 6, 13, 23);
	assert_int_equal(count_rule(&r, RULE_INVALID_DATE), 2);
	lint_done(&r);
}

static void date_order(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  made: 2026-11-20\n  due: 2026-11-02\n  status: kept 2026-11-10\n");
	expect_at(&r, RULE_DATE_ORDER, 3, 8, 18);
	expect_at(&r, RULE_DATE_ORDER, 4, 11, 26);
	lint_done(&r);
}

static void duplicate_id(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n\npromise A-1: Visit\n");
	const struct diag *d = expect_at(&r, RULE_DUPLICATE_ID, 3, 9, 12);
	assert_non_null(strstr(d->message, "line 1"));
	assert_int_equal(count_rule(&r, RULE_DUPLICATE_ID), 1);
	lint_done(&r);
}

static void duplicate_field(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  due: 2026-12-01\n  note: a\n  DUE: 2026-12-04\n  note: b\n");
	expect_at(&r, RULE_DUPLICATE_FIELD, 4, 3, 6);
	assert_int_equal(count_rule(&r, RULE_DUPLICATE_FIELD), 1); /* note repeats freely */
	lint_done(&r);
	/* keys that may repeat, repeated, and none that may not */
	lint_text(&r, "promise A-1: Ship\n  note: a\n  note: b\n  x-a: 1\n  x-a: 2\n  colour: red\n  colour: red\n");
	assert_int_equal(count_rule(&r, RULE_DUPLICATE_FIELD), 0);
	lint_done(&r);
	/* each of the keys that stand once, twice, after other fields */
	lint_text(&r, "promise A-1: Ship\n  note: a\n  by: Jan\n  to: Tom\n  made: 2026-11-01\n  due: 2026-12-01\n"
		      "  status: open\n  status: open\n  due: 2026-12-02\n  made: 2026-11-02\n  to: Tim\n  by: Jon\n");
	expect_at(&r, RULE_DUPLICATE_FIELD, 8, 3, 9);
	expect_at(&r, RULE_DUPLICATE_FIELD, 12, 3, 5);
	assert_int_equal(count_rule(&r, RULE_DUPLICATE_FIELD), 5);
	lint_done(&r);
}

static void unknown_key(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  stauts: open\n  x-ticket: 4411\n  colour: red\n");
	const struct diag *d = expect_at(&r, RULE_UNKNOWN_KEY, 2, 3, 9);
	assert_non_null(strstr(d->message, "'status'"));
	d = expect_at(&r, RULE_UNKNOWN_KEY, 4, 3, 9);
	assert_null(strstr(d->message, "did you mean"));
	assert_int_equal(count_rule(&r, RULE_UNKNOWN_KEY), 2);
	lint_done(&r);
	/* unknown keys only after known ones */
	lint_text(&r, "promise A-1: Ship\n  by: Jan\n  note: a\n  colour: red\n  due: 2026-12-01\n  colur: blue\n");
	expect_at(&r, RULE_UNKNOWN_KEY, 4, 3, 9);
	expect_at(&r, RULE_UNKNOWN_KEY, 6, 3, 8);
	assert_int_equal(count_rule(&r, RULE_UNKNOWN_KEY), 2);
	lint_done(&r);
}

static void invalid_status(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  status: done\n\npromise A-2: Go\n  status: kept\n\n"
		      "promise A-3: Go\n  status: kept yesterday\n\npromise A-4: Go\n  status: Kept 2026-11-01\n");
	expect_at(&r, RULE_INVALID_STATUS, 2, 11, 15);
	expect_at(&r, RULE_INVALID_STATUS, 5, 11, 15);
	expect_at(&r, RULE_INVALID_STATUS, 8, 16, 25);
	assert_int_equal(count_rule(&r, RULE_INVALID_STATUS), 3);
	lint_done(&r);
}

static void vague_wording(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: We will try to fix some of the issues ASAP\n"
		      "  in-return: access to the site when possible\n");
	expect_at(&r, RULE_VAGUE_WORDING, 1, 22, 25);   /* try */
	expect_at(&r, RULE_VAGUE_WORDING, 1, 33, 37);   /* some */
	expect_at(&r, RULE_VAGUE_WORDING, 1, 52, 56);   /* ASAP */
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 4);
	lint_done(&r);
	/* "handsome" is not "some"; a number makes a weak cue concrete. (A due
	 * date, so that only the words are judged.) */
	lint_text(&r, "promise A-1: Paint the handsome fence\n  due: 2026-12-20\n\n"
		      "promise A-2: Improve load time to 2 s\n");
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 0);
	lint_done(&r);
}

static void vague_wording_languages(void **state)
{
	(void)state;
	struct lint_result r;
	/* Decomposed ö (o + U+0308) and a capital Ö fold like the composed one. */
	lint_text(&r, "promise S-1: Vi ska FÖRSÖKA fixa det\n\npromise S-2: Vi ska fo\xcc\x88rso\xcc\x88ka fixa det\n\n"
		      "promise N-1: We gaan proberen de planning te halen\n");
	expect_at(&r, RULE_VAGUE_WORDING, 1, 21, 28);
	expect_at(&r, RULE_VAGUE_WORDING, 3, 21, 30);
	expect_at(&r, RULE_VAGUE_WORDING, 5, 22, 30);
	lint_done(&r);
	/* Dutch "nog" means "still": not a hedge, unlike Swedish "nog". */
	lint_text(&r, "promise N-2: De nog ontbrekende onderdelen van de order leveren\n  due: 2026-12-20\n");
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 0);
	lint_done(&r);
}

static void missing_due_and_vague_due(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  by: Jan\n\npromise A-2: Ship\n  due: binnenkort\n\npromise A-3: Go\n  due:\n");
	expect_at(&r, RULE_MISSING_DUE, 1, 9, 12);
	expect_at(&r, RULE_VAGUE_DUE, 5, 8, 18);
	expect_at(&r, RULE_MISSING_DUE, 8, 3, 6);
	assert_int_equal(count_rule(&r, RULE_VAGUE_DUE), 1);
	lint_done(&r);
}

static void step2_rules(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise: Ship\n  by: het team\n");
	expect_at(&r, RULE_MISSING_ID, 1, 1, 8);
	expect_at(&r, RULE_COLLECTIVE_PROMISER, 2, 7, 15);
	expect_at(&r, RULE_MISSING_PROMISEE, 1, 1, 8);
	expect_at(&r, RULE_MISSING_MADE, 1, 1, 8);
	expect_at(&r, RULE_NOT_RECORDED, 1, 1, 8);
	lint_done(&r);
	lint_text(&r, "promise A-1: Ship\n  to: Tom\n");
	expect_at(&r, RULE_MISSING_PROMISER, 1, 9, 12);
	lint_done(&r);
	/* A person's name with a mail address is not a group, even "Team" inside. */
	lint_text(&r, "promise A-1: Ship\n  by: Vi Nguyen <vi@example.se>\n\npromise A-2: Go\n  by: Sales (Acme)\n");
	assert_int_equal(count_rule(&r, RULE_COLLECTIVE_PROMISER), 1);
	expect_at(&r, RULE_COLLECTIVE_PROMISER, 5, 7, 19);
	lint_done(&r);
}

static void step3_rules(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  in-return: B-2\n\npromise A-2: Go\n  in-return: C-9\n\n"
		      "promise B-2: Sign\n  due: 2026-11-20\n\npromise A-3: Go\n");
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 2, 14, 17);
	expect_at(&r, RULE_DANGLING_REFERENCE, 5, 14, 17);
	expect_at(&r, RULE_UNRECIPROCATED, 10, 9, 12);
	assert_int_equal(count_rule(&r, RULE_DANGLING_REFERENCE), 1);
	lint_done(&r);
	/* Free text is not a reference, and a kept promise owes nothing. */
	lint_text(&r, "promise A-1: Ship\n  in-return: site access\n  in-return: B-2\n\n"
		      "promise B-2: Sign\n  due: 2026-11-20\n  status: kept 2026-11-19\n");
	assert_int_equal(count_rule(&r, RULE_DANGLING_REFERENCE), 0);
	assert_int_equal(count_rule(&r, RULE_RECIPROCAL_OVERDUE), 0);
	lint_done(&r);
	/* More references in one record than the analysis looks up for its
	 * rules ahead (RULE_REF_FACTS), between text and notes, in a record
	 * with a broken header too: each is judged once, as read (B-2 and
	 * B-4 overdue, B-3 kept, the record itself open and not yet due),
	 * or at the end (C-1 and C-3 overdue, C-2 and C-4 nobody's). */
	lint_text(&r, "promise B-2: Sign\n  due: 2026-11-20\n\npromise B-3: Sign\n  due: 2026-11-20\n"
		      "  status: kept 2026-11-19\n\npromise B-4: Pay\n  due: 2026-11-01\n\n"
		      "promise A-1: Ship\n  due: 2026-12-01\n  in-return: C-1\n  in-return: B-2\n  note: x\n"
		      "  in-return: site access\n  in-return: A-1\n  in-return: C-2\n  in-return: B-3\n"
		      "  in-return: C-3\n  in-return: B-4\n  in-return: C-4\n\n"
		      "promise A-2 Ship\n  in-return: B-4\n  in-return: C-1\n\n"
		      "promise C-1: Sign\n  due: 2026-11-10\n\npromise C-3: Sign\n  due: 2026-11-11\n");
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 13, 14, 17);
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 14, 14, 17);
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 20, 14, 17);
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 21, 14, 17);
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 25, 14, 17);
	expect_at(&r, RULE_RECIPROCAL_OVERDUE, 26, 14, 17);
	assert_int_equal(count_rule(&r, RULE_RECIPROCAL_OVERDUE), 6);
	expect_at(&r, RULE_DANGLING_REFERENCE, 18, 14, 17);
	expect_at(&r, RULE_DANGLING_REFERENCE, 22, 14, 17);
	assert_int_equal(count_rule(&r, RULE_DANGLING_REFERENCE), 2);
	lint_done(&r);
}

static void step4_rules(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise A-1: Ship\n  due: 2026-11-22\n\n"            /* overdue by 1 */
		      "promise A-2: Ship\n  due: 2026-11-23\n\n"            /* due today */
		      "promise A-3: Ship\n  due: 2026-11-26\n\n"            /* due in 3 */
		      "promise A-4: Ship\n  due: 2026-11-27\n\n"            /* outside the window */
		      "promise A-5: Ship\n  due: 2026-11-01\n  status: broken 2026-11-02\n\n"
		      "promise A-6: Ship\n  due: 2026-11-01\n  status: kept 2026-11-04\n\n"
		      "promise A-7: Ship\n  due: 2026-11-01\n  status: released 2026-11-04\n");
	const struct diag *d = expect_at(&r, RULE_OVERDUE, 2, 8, 18);
	assert_non_null(strstr(d->message, "1 day ago"));
	assert_int_equal(count_rule(&r, RULE_OVERDUE), 1);
	expect_at(&r, RULE_DUE_SOON, 5, 8, 18);
	expect_at(&r, RULE_DUE_SOON, 8, 8, 18);
	assert_int_equal(count_rule(&r, RULE_DUE_SOON), 2);
	expect_at(&r, RULE_BROKEN_WITHOUT_RECOVERY, 15, 11, 28);
	d = expect_at(&r, RULE_KEPT_LATE, 19, 11, 26);
	assert_non_null(strstr(d->message, "3 days"));
	assert_int_equal(count_rule(&r, RULE_KEPT_LATE), 1);
	assert_int_equal(r.opt.severity[RULE_OVERDUE], SEV_ERROR);
	assert_int_equal(r.opt.severity[RULE_DUE_SOON], SEV_INFO);
	lint_done(&r);
}

static void every_rule_has_docs(void **state)
{
	(void)state;
	for (int i = 0; i < RULE_COUNT; i++) {
		const struct rule *r = rule_table[i];
		assert_non_null(r);
		assert_non_null(r->summary);
		assert_true(strlen(r->explanation) > 40);
		assert_non_null(r->bad);
		assert_non_null(r->good);
		assert_int_equal(rule_lookup(r->name), i);
		assert_int_equal(rule_lookup(r->code), i);
		for (const char *p = r->name; *p; p++)
			assert_true((*p >= 'a' && *p <= 'z') || *p == '-');
		assert_true(r->check_chunk || r->check_record || r->check_facts);
	}
}

static void count_finding(struct rule_ctx *c, struct diag *d)
{
	(void)d;
	++*(size_t *)c->sink_data;
}

/* The judge puts a rule that names record traits (struct rule's `when`)
 * only to records with one of them. Every such rule is run here on every
 * record of generated files, with the traits or without: it finds nothing
 * in a record without, and each finds something somewhere. */
static void rules_find_nothing_outside_their_traits(void **state)
{
	(void)state;
	static const char *const headers[] = { "promise R-%d: Something", "promise: Something",
					       "promise 9x%d: Something", "promise R-%d Something" };
	static const char *const keys[] = { "by", "to", "made", "due", "recorded", "in-return", "status",
					    "renegotiated", "recovery", "extra", "note", "x-ticket", "colour",
					    "DUE", "Made" };
	static const char *const values[] = { "2026-11-02", "2026-02-30", "2025-02-29", "soon", "",
					      "2026-11-02 called", "2026-11-02x", "2026-12-01 24:00",
					      "kept 2026-11-03", "broken 2026-11-20", "kept 2027-01-05",
					      "released 2026-02-30", "open", "done", "kept", "Jan de Vries" };
	struct lint_options opt;
	int32_t today;
	date_parse_iso("2026-11-23", &today);
	lint_options_init(&opt, today);
	struct arena scratch;
	arena_init(&scratch, NULL);
	size_t found[RULE_COUNT] = { 0 };
	uint64_t seed = 7;
	struct buf text;
	buf_init(&text, NULL);
	for (int round = 0; round < 200; round++) {
		buf_clear(&text);
		for (int line = 0; line < 80; line++) {
			seed = seed * 6364136223846793005u + 1442695040888963407u;
			uint64_t r = seed >> 16;
			if (r % 7 == 0) {
				buf_printf(&text, headers[(r >> 8) % 4], line);
				buf_adds(&text, "\n");
			} else {
				r /= 7;
				buf_printf(&text, "  %s: %s\n", keys[r % (sizeof keys / sizeof *keys)],
					   values[(r >> 8) % (sizeof values / sizeof *values)]);
			}
		}
		struct arena ar;
		struct chunk_model m;
		arena_init(&ar, NULL);
		assert_int_equal(parse_chunk(&ar, (const unsigned char *)text.data, (uint32_t)text.len, 1, true, &m), 0);
		for (uint32_t i = 0; i < m.nrecords; i++) {
			unsigned traits = rule_record_traits(&m, &m.records[i], ~0u);
			for (int k = 0; k < RULE_COUNT; k++) {
				const struct rule *rule = rule_table[k];
				if (!rule->when)
					continue;
				size_t n = 0;
				struct rule_ctx c = { 0 };
				c.m = &m;
				c.r = &m.records[i];
				c.opt = &opt;
				c.scratch = &scratch;
				c.duplicate_of = -1;
				c.sink = count_finding;
				c.sink_data = &n;
				rule->check_record(&c);
				arena_reset(&scratch);
				if (n && !(traits & rule->when))
					fprintf(stderr, "%s found something in record %u of round %d\n", rule->name, i, round);
				assert_true(!n || (traits & rule->when));
				found[k] += n;
			}
		}
		arena_release(&ar);
	}
	for (int k = 0; k < RULE_COUNT; k++)
		if (rule_table[k]->when) {
			assert_false(rule_table[k]->ordered);
			assert_true(found[k] > 0);
		}
	buf_release(&text);
	arena_release(&scratch);
}

/* Regression (found by fuzz/lint.c): a message that quoted a name with
 * invalid UTF-8 (habitual-extra's party), or one cut at its buffer's end
 * inside a character, was handed on as it was, and the JSON report held
 * bytes no JSON reader takes. Every message is valid UTF-8 now. */
static void messages_are_utf8_whatever_they_quote(void **state)
{
	(void)state;
	struct buf text;
	buf_init(&text, NULL);
	buf_adds(&text, "promise H-1: Spare parts\n  by: Jan de Vries\n  to: Marieke \xef\x9anders\n"
			"  extra: 2026-09-14 express delivery\n  extra: 2026-10-05 express delivery\n"
			"  extra: 2026-10-19 express delivery\n\npromise H-2: More parts\n  by: Jan de Vries\n  to: ");
	for (int i = 0; i < 600; i++)
		buf_adds(&text, "\xc3\xa9");
	buf_adds(&text, "\n  extra: 2026-09-14 a\n  extra: 2026-10-05 b\n  extra: 2026-10-19 c\n");
	struct lint_result r;
	lint_text(&r, text.data);
	assert_int_equal(count_rule(&r, RULE_HABITUAL_EXTRA), 2);
	for (size_t i = 0; i < r.a.diags.len; i++) {
		const unsigned char *m = (const unsigned char *)r.a.diags.items[i].message;
		size_t n = strlen((const char *)m), k;
		for (size_t at = 0; at < n; at += k) {
			k = utf8_valid_len(m + at, n - at);
			if (!k)
				fprintf(stderr, "not UTF-8 at byte %zu of: %s\n", at, (const char *)m);
			assert_true(k > 0);
		}
	}
	lint_done(&r);
	buf_release(&text);
}

/* rule_quote() at the edge of its buffer: what fits is copied as it is,
 * a text one byte longer is cut with an ellipsis, unclean text cleaned. */
static void quote_fits_or_is_cut(void **state)
{
	(void)state;
	static const unsigned char text[] = "ACME-12 r\xC3\xA4tt\x01 tail";
	struct chunk_model m = { 0 };
	m.buf = text;
	struct rule_ctx c = { 0 };
	c.m = &m;
	char out[11]; /* seven bytes and an ellipsis fit */
	assert_string_equal(rule_quote(&c, (struct span){ 0, 7 }, out, sizeof out), "ACME-12");
	assert_string_equal(rule_quote(&c, (struct span){ 0, 8 }, out, sizeof out), "ACME-12...");
	assert_string_equal(rule_quote(&c, (struct span){ 8, 5 }, out, sizeof out), "r\xC3\xA4tt");
	/* the replacement character does not fit after the five bytes */
	assert_string_equal(rule_quote(&c, (struct span){ 8, 6 }, out, sizeof out), "r\xC3\xA4tt...");
	assert_string_equal(rule_quote(&c, (struct span){ 13, 2 }, out, sizeof out), "\xEF\xBF\xBD ");
	assert_string_equal(rule_quote(&c, (struct span){ 0, 0 }, out, sizeof out), "");
}

/* rule_record_name() copies an ID as it is while it fits, and is
 * rule_quote() for every length of every kind of ID character. */
static void record_name_like_quote(void **state)
{
	(void)state;
	static const unsigned char text[] = "Az09._-bZ.9_-x.A-0123456789abcdefghij";
	struct chunk_model m = { 0 };
	m.buf = text;
	struct record r = { 0 };
	struct rule_ctx c = { 0 };
	c.m = &m;
	c.r = &r;
	for (size_t size = 5; size <= 16; size++)
		for (uint32_t len = 1; len < sizeof text - 1; len++) {
			char quoted[32], named[32];
			r.id = (struct span){ 0, len };
			rule_quote(&c, r.id, quoted, size);
			assert_string_equal(rule_record_name(&c, named, size), quoted);
		}
	r.id = (struct span){ 0, 0 };
	char out[16];
	assert_string_equal(rule_record_name(&c, out, sizeof out), "this promise");
	c.r = NULL;
	assert_string_equal(rule_record_name(&c, out, sizeof out), "this promise");
}

/* rule_locate()'s columns are the characters before each byte column,
 * plus one, for spans before, over and after multibyte characters, in
 * lines with and without them. */
static void locate_counts_characters(void **state)
{
	(void)state;
	static const char *const lines[] = { "  due:  2026-12-01 plain ASCII, long enough for sixteen",
					     "  to:   Fj\xC3\xA4llvind Energi AB, s\xC3\xB6r och mer", "\xE2\x82\xAC\xE2\x82\xAC x" };
	for (size_t l = 0; l < sizeof lines / sizeof *lines; l++) {
		const unsigned char *text = (const unsigned char *)lines[l];
		uint32_t n = (uint32_t)strlen(lines[l]);
		struct line_info li = { 0, n };
		struct chunk_model m = { 0 };
		m.buf = text;
		m.len = n;
		m.lines = &li;
		m.nlines = 1;
		m.first_line = 1;
		struct rule_ctx c = { 0 };
		c.m = &m;
		for (uint32_t b0 = 0; b0 <= n; b0++)
			for (uint32_t b1 = b0; b1 <= n; b1++) {
				struct diag d;
				rule_locate(&c, 1, (struct span){ b0, b1 - b0 }, &d);
				uint32_t c0 = 1, c1 = 1;
				for (uint32_t i = 0; i < b1; i++) {
					bool starts = (text[i] & 0xC0) != 0x80;
					c0 += starts && i < b0;
					c1 += starts;
				}
				assert_int_equal(d.column, c0);
				assert_int_equal(d.end_column, c1);
				assert_int_equal(d.byte_column, b0);
				assert_int_equal(d.byte_end_column, b1);
			}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clean_record_has_no_findings),
		cmocka_unit_test(record_name_like_quote),
		cmocka_unit_test(locate_counts_characters),
		cmocka_unit_test(syntax_error_line),
		cmocka_unit_test(syntax_error_unindented_field_and_recovery),
		cmocka_unit_test(syntax_error_bad_bytes),
		cmocka_unit_test(syntax_error_nul),
		cmocka_unit_test(invalid_date),
		cmocka_unit_test(date_order),
		cmocka_unit_test(duplicate_id),
		cmocka_unit_test(duplicate_field),
		cmocka_unit_test(unknown_key),
		cmocka_unit_test(invalid_status),
		cmocka_unit_test(vague_wording),
		cmocka_unit_test(vague_wording_languages),
		cmocka_unit_test(missing_due_and_vague_due),
		cmocka_unit_test(step2_rules),
		cmocka_unit_test(step3_rules),
		cmocka_unit_test(step4_rules),
		cmocka_unit_test(every_rule_has_docs),
		cmocka_unit_test(rules_find_nothing_outside_their_traits),
		cmocka_unit_test(messages_are_utf8_whatever_they_quote),
		cmocka_unit_test(quote_fits_or_is_cut),
	};
	return cmocka_run_group_tests_name("rules", tests, NULL, NULL);
}
