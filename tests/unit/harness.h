/* harness.h — what the unit tests share: cmocka, and linting a string. */
#ifndef PROMISE_TEST_HARNESS_H
#define PROMISE_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "analyze.h"
#include "date.h"
#include "options.h"
#include "rules.h"

struct lint_result {
	struct lint_options opt;
	struct analysis a;
};

/* Lint one text as file "t.promise" (today fixed, default options). */
static inline struct lint_result *lint_text_opt(struct lint_result *res, const char *text,
						const char *today, uint32_t chunk_size)
{
	int32_t day;
	assert_true(date_parse_iso(today, &day));
	lint_options_init(&res->opt, day);
	res->opt.chunk_size = chunk_size;
	analysis_init(&res->a, &res->opt, NULL);
	assert_int_equal(analysis_add_name(&res->a, "t.promise"), 0);
	assert_int_equal(analysis_add_buffer(&res->a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&res->a), ANALYSIS_OK);
	return res;
}

static inline struct lint_result *lint_text(struct lint_result *res, const char *text)
{
	return lint_text_opt(res, text, "2026-11-23", 0);
}

static inline void lint_done(struct lint_result *res) { analysis_release(&res->a); }

static inline size_t count_rule(const struct lint_result *res, int rule)
{
	size_t n = 0;
	for (size_t i = 0; i < res->a.diags.len; i++)
		n += res->a.diags.items[i].rule == rule;
	return n;
}

static inline const struct diag *find_rule(const struct lint_result *res, int rule)
{
	for (size_t i = 0; i < res->a.diags.len; i++)
		if (res->a.diags.items[i].rule == rule)
			return &res->a.diags.items[i];
	return NULL;
}

/* The diagnostic of `rule` must exist at line:col-end_col (1-based). */
static inline const struct diag *expect_at(const struct lint_result *res, int rule, uint32_t line,
					   uint32_t col, uint32_t end_col)
{
	for (size_t i = 0; i < res->a.diags.len; i++) {
		const struct diag *d = &res->a.diags.items[i];
		if (d->rule == rule && d->line == line && d->column == col && d->end_column == end_col)
			return d;
	}
	fprintf(stderr, "no %s at %u:%u-%u; found:\n", rule_table[rule]->name, line, col, end_col);
	for (size_t i = 0; i < res->a.diags.len; i++) {
		const struct diag *d = &res->a.diags.items[i];
		fprintf(stderr, "  %u:%u-%u %s: %s\n", d->line, d->column, d->end_column,
			rule_table[d->rule]->name, d->message);
	}
	fail();
	return NULL;
}

#endif
