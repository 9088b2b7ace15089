/* suppress.h — inline suppressions: `# promise-ignore RULE[,RULE...] -- REASON`.
 *
 * A directive is a comment line directly above a record header (it then
 * covers the whole record) or directly above a field line (it covers that
 * field: its key line and its continuation lines). It names rules by name
 * or code and must give a reason after ` -- `. grammar/FORMAT.md,
 * "Suppressions", is the user's reference.
 *
 * Calling order, driven by analyze.c: suppress_scan_chunk() for every chunk
 * before its rules run (it records the directives and reports the invalid
 * ones through the context's sink); suppress_match() for every finding
 * (true: drop it; the directive is then used); suppress_report_unused() once
 * at the end, which reports every listed rule that silenced nothing.
 * Directives are kept as compact scopes (file, lines, rule) with their
 * position copied, so findings of cross-promise rules, made after the
 * chunk is gone, are matched too. The set owns its memory. */
#ifndef PROMISE_SUPPRESS_H
#define PROMISE_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

struct rule_ctx;

struct suppress_entry {
	uint32_t file, record_line;    /* the record the directive belongs to */
	uint32_t first_line, last_line; /* the lines it covers */
	int rule;                      /* enum rule_id */
	bool used;
	struct diag where;             /* the rule's name in the directive */
};

struct suppressions {
	const struct allocator *alloc;
	struct arena strings;
	struct suppress_entry *items;
	size_t len, cap;
	bool unsorted;                 /* appended out of (file, line) order */
};

void suppress_init(struct suppressions *s, const struct allocator *alloc);
void suppress_release(struct suppressions *s);

/* Record the valid directives of the chunk c->m, attached to a record or
 * field, for rules that are on (invalid and detached ones are the rules
 * invalid-suppression and unused-suppression's to report). -1 when out of
 * memory. */
int suppress_scan_chunk(struct suppressions *s, struct rule_ctx *c);

/* Whether a directive covers this finding (its file, line and rule). */
bool suppress_match(struct suppressions *s, const struct diag *d);

/* Report the unused directives through c's sink, in the order found. */
void suppress_report_unused(struct suppressions *s, struct rule_ctx *c);

/* The parts of one comment's text (after '#'), for tests and the editor
 * server: whether it is a directive at all, where the rule list and the
 * reason stand (offsets into text; reason_len 0 when there is none). */
struct suppress_directive {
	uint32_t rules_off, rules_len;
	uint32_t reason_off, reason_len;
};
bool suppress_parse(const unsigned char *text, uint32_t len, struct suppress_directive *out);

/* The next rule name of a directive's list, from *pos on: true with its
 * offsets [*a, *b) in text (trimmed), false at the end of the list. */
bool suppress_next_rule(const unsigned char *text, const struct suppress_directive *d, uint32_t *pos,
			uint32_t *a, uint32_t *b);

/* The rule a name of the list names (by name or code), or -1. */
int suppress_rule_at(const unsigned char *text, uint32_t a, uint32_t b);

/* Call fn for every directive comment of a chunk, in order, with the
 * record and field it stands above (both NULL when it stands above
 * neither; field NULL for a record's). Stops at fn's nonzero return, which
 * it returns; -1 when out of memory. */
struct chunk_model;
struct record;
struct field;
struct comment;
typedef int suppress_visit_fn(void *ctx, const struct comment *cm, const struct record *r,
			      const struct field *f, const struct suppress_directive *d);
int suppress_visit(const struct chunk_model *m, struct arena *scratch, suppress_visit_fn *fn, void *ctx);

#endif
