/* options.h — what a lint run is configured with. */
#ifndef PROMISE_OPTIONS_H
#define PROMISE_OPTIONS_H

#include <stdint.h>

#include "diag.h"
#include "rules.h"

struct config;
struct history;

struct lint_options {
	int32_t today;                        /* day number (date.h) */
	int due_soon_days;                    /* the due-soon window */
	enum severity severity[RULE_COUNT];   /* SEV_OFF disables a rule */
	uint32_t chunk_size;                  /* bytes read at a time; 0: default */
	int language;                         /* enum lang of promise texts; -1 auto */
	const struct config *config;          /* people, vague words (config.h); NULL none */
	struct history *history;              /* git history facts; NULL: none */
	int capacity;                         /* over-committed: open promises a person
						 may hold within the window */
	int capacity_window_days;             /* over-committed: the window, in days */
};

/* Defaults: every rule at its default severity, a 3-day window, a capacity
 * of 5 promises due within 14 days. */
void lint_options_init(struct lint_options *o, int32_t today);

#endif
