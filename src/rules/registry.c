/* registry.c — the catalogue, in the order `promise rules` lists it. */
#include <string.h>
#include <strings.h>

#include "../options.h"
#include "../rules.h"

extern const struct rule rule_syntax_error, rule_invalid_date, rule_date_order,
	rule_duplicate_id, rule_duplicate_field, rule_unknown_key, rule_invalid_status,
	rule_vague_wording, rule_missing_due, rule_vague_due, rule_missing_id,
	rule_missing_promiser, rule_collective_promiser, rule_missing_promisee,
	rule_missing_made, rule_not_recorded, rule_unreciprocated, rule_dangling_reference,
	rule_reciprocal_overdue, rule_overdue, rule_due_soon, rule_broken_without_recovery,
	rule_kept_late;
extern const struct rule rule_unknown_person, rule_unused_suppression, rule_invalid_suppression;
extern const struct rule rule_moved_due, rule_dropped_promise;
extern const struct rule rule_over_committed, rule_habitual_extra;

const struct rule *const rule_table[RULE_COUNT] = {
	[RULE_SYNTAX_ERROR] = &rule_syntax_error,
	[RULE_INVALID_DATE] = &rule_invalid_date,
	[RULE_DATE_ORDER] = &rule_date_order,
	[RULE_DUPLICATE_ID] = &rule_duplicate_id,
	[RULE_DUPLICATE_FIELD] = &rule_duplicate_field,
	[RULE_UNKNOWN_KEY] = &rule_unknown_key,
	[RULE_INVALID_STATUS] = &rule_invalid_status,
	[RULE_VAGUE_WORDING] = &rule_vague_wording,
	[RULE_MISSING_DUE] = &rule_missing_due,
	[RULE_VAGUE_DUE] = &rule_vague_due,
	[RULE_MISSING_ID] = &rule_missing_id,
	[RULE_MISSING_PROMISER] = &rule_missing_promiser,
	[RULE_COLLECTIVE_PROMISER] = &rule_collective_promiser,
	[RULE_MISSING_PROMISEE] = &rule_missing_promisee,
	[RULE_MISSING_MADE] = &rule_missing_made,
	[RULE_NOT_RECORDED] = &rule_not_recorded,
	[RULE_UNRECIPROCATED] = &rule_unreciprocated,
	[RULE_DANGLING_REFERENCE] = &rule_dangling_reference,
	[RULE_RECIPROCAL_OVERDUE] = &rule_reciprocal_overdue,
	[RULE_OVERDUE] = &rule_overdue,
	[RULE_DUE_SOON] = &rule_due_soon,
	[RULE_BROKEN_WITHOUT_RECOVERY] = &rule_broken_without_recovery,
	[RULE_KEPT_LATE] = &rule_kept_late,
	[RULE_UNKNOWN_PERSON] = &rule_unknown_person,
	[RULE_UNUSED_SUPPRESSION] = &rule_unused_suppression,
	[RULE_INVALID_SUPPRESSION] = &rule_invalid_suppression,
	[RULE_MOVED_DUE] = &rule_moved_due,
	[RULE_DROPPED_PROMISE] = &rule_dropped_promise,
	[RULE_OVER_COMMITTED] = &rule_over_committed,
	[RULE_HABITUAL_EXTRA] = &rule_habitual_extra,
};

int rule_lookup(const char *s)
{
	for (int i = 0; i < RULE_COUNT; i++)
		if (!strcmp(rule_table[i]->name, s) || !strcasecmp(rule_table[i]->code, s))
			return i;
	return -1;
}

const char *rule_step_title(int step)
{
	static const char *const titles[] = {
		"consistency", "step 1: promise specifically", "step 2: record it",
		"step 3: ask something in return", "step 4: keep it",
	};
	return step >= 0 && step <= 4 ? titles[step] : "";
}

void lint_options_init(struct lint_options *o, int32_t today)
{
	memset(o, 0, sizeof *o);
	o->today = today;
	o->due_soon_days = 3;
	o->language = -1;
	o->capacity = 5;
	o->capacity_window_days = 14;
	for (int i = 0; i < RULE_COUNT; i++)
		o->severity[i] = rule_table[i]->severity;
}
