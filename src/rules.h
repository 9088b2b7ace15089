/* rules.h — the rule catalogue and the contract every rule follows.
 *
 * A rule reads the model (never bytes) and reports through rule_report();
 * it never parses. Rules about one promise run while its chunk is alive
 * (check_record); rules across promises run on the compact facts (facts.h),
 * either as each record is added (duplicate IDs) or at the end
 * (check_facts). Each rule lives in its own file under src/rules/ with its
 * user-facing documentation next to its code. */
#ifndef PROMISE_RULES_H
#define PROMISE_RULES_H

#include <stdarg.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

enum rule_id {
	RULE_SYNTAX_ERROR,
	RULE_INVALID_DATE,
	RULE_DATE_ORDER,
	RULE_DUPLICATE_ID,
	RULE_DUPLICATE_FIELD,
	RULE_UNKNOWN_KEY,
	RULE_INVALID_STATUS,
	RULE_VAGUE_WORDING,
	RULE_MISSING_DUE,
	RULE_VAGUE_DUE,
	RULE_MISSING_ID,
	RULE_MISSING_PROMISER,
	RULE_COLLECTIVE_PROMISER,
	RULE_MISSING_PROMISEE,
	RULE_MISSING_MADE,
	RULE_NOT_RECORDED,
	RULE_UNRECIPROCATED,
	RULE_DANGLING_REFERENCE,
	RULE_RECIPROCAL_OVERDUE,
	RULE_OVERDUE,
	RULE_DUE_SOON,
	RULE_BROKEN_WITHOUT_RECOVERY,
	RULE_KEPT_LATE,
	RULE_UNKNOWN_PERSON,
	RULE_UNUSED_SUPPRESSION,
	RULE_INVALID_SUPPRESSION,
	RULE_MOVED_DUE,
	RULE_DROPPED_PROMISE,
	RULE_OVER_COMMITTED,
	RULE_HABITUAL_EXTRA,
	RULE_COUNT
};

struct lint_options;
struct facts;
struct rule_ctx;

/* What a record shows at a glance (its summary in model.h, its header and
 * status): a record rule that can find something only in records with one
 * of these names them in `when`, and the others are not put to it. Most
 * records have none. */
enum record_trait {
	TRAIT_KEY_TWICE = 1 << 0,   /* a key that stands once, written twice */
	TRAIT_UNKNOWN_KEY = 1 << 1,
	TRAIT_DATE_OFF = 1 << 2,    /* a field or entry whose date is not
				       DATE_OK, or a status date off the
				       calendar */
	TRAIT_NO_ID = 1 << 3,       /* a header that is whole but has no ID */
	TRAIT_STATUS_SHIFT = 4,     /* then a bit for each enum status_kind */
	TRAIT_LACKS_SHIFT = 10      /* then one for each of the keys in
				       TRAIT_LACKS_KEYS: no field with it, or
				       the first one empty */
};
#define TRAIT_STATUS(kind) (1u << (TRAIT_STATUS_SHIFT + (kind)))
#define TRAIT_LACKS(key) (1u << (TRAIT_LACKS_SHIFT + (key)))
enum { TRAIT_LACKS_KEYS = 1u << KEY_BY | 1u << KEY_TO | 1u << KEY_DUE | 1u << KEY_RECORDED | 1u << KEY_IN_RETURN };

/* Whether a record lacks a key: as rule_require_field() sees it. */
static inline bool rule_lacks(const struct chunk_model *m, const struct record *r, enum field_key key)
{
	return r->first[key] < 0 || (!m->fields[r->first[key]].value.len && !m->fields[r->first[key]].cont_count);
}

/* The record's traits, of those in `wanted` (the judge asks only for
 * those its rules name). */
static inline unsigned rule_record_traits(const struct chunk_model *m, const struct record *r, unsigned wanted)
{
	unsigned t = TRAIT_STATUS(r->status.kind);
	if (r->repeated & ~(unsigned)MODEL_KEYS_REPEAT)
		t |= TRAIT_KEY_TWICE;
	if (r->first[KEY_UNKNOWN] >= 0)
		t |= TRAIT_UNKNOWN_KEY;
	if (r->undated || r->status.date.status == DATE_IMPOSSIBLE)
		t |= TRAIT_DATE_OFF;
	if (!r->id.len && !(r->flags & RECORD_BAD_HEADER))
		t |= TRAIT_NO_ID;
	/* Only a key missing or written blank can be lacking (the summary's
	 * blank bit may be a later field's). */
	unsigned maybe = TRAIT_LACKS_KEYS & wanted >> TRAIT_LACKS_SHIFT & (~(unsigned)r->keys | r->blank);
	for (; maybe; maybe &= maybe - 1) {
		enum field_key k = (enum field_key)__builtin_ctz(maybe);
		if (rule_lacks(m, r, k))
			t |= TRAIT_LACKS(k);
	}
	return t & wanted;
}

struct rule {
	const char *name;         /* stable kebab-case identifier */
	const char *code;         /* short code, e.g. "P401" */
	enum severity severity;   /* the default */
	int step;                 /* 1-4 of the four-step rule; 0 consistency */
	const char *summary;      /* one line */
	const char *explanation;  /* why it matters and how to fix it */
	const char *bad, *good;   /* examples in the format */
	void (*check_chunk)(struct rule_ctx *c);   /* once per chunk */
	void (*check_record)(struct rule_ctx *c);  /* once per record */
	void (*check_facts)(struct rule_ctx *c);   /* once, at the end */
	/* check_record reads what earlier records left (the facts, git
	 * history): it runs in input order on the analysis' own thread.
	 * Every other check reads only its chunk, and may run on any thread
	 * beside other chunks' (analyze.h, jobs). */
	bool ordered;
	/* check_record finds nothing in a record without one of these traits
	 * (enum record_trait), so it runs only for those that have one; 0:
	 * for every record. An unordered rule's only. */
	unsigned when;
};

extern const struct rule *const rule_table[RULE_COUNT];

/* The rule named by its name or code, or -1. */
int rule_lookup(const char *name_or_code);
/* The step's title: "consistency", "1 vague", ... */
const char *rule_step_title(int step);

/* How many references of a record the analysis finds for its ordered
 * rules (rule_ctx.ref_facts). */
enum { RULE_REF_FACTS = 4 };

/* What a rule sees. check_chunk: the chunk (r is NULL); check_record: the
 * chunk and one record of it, and, for an ordered rule only, the facts of
 * the records read so far (this one included; `facts` is NULL for the
 * others); check_facts: only `facts` (m and r are NULL). */
struct rule_ctx {
	const struct chunk_model *m;
	const struct record *r;
	const struct lint_options *opt;
	const struct facts *facts;
	uint32_t file;
	const char *const *file_names;   /* indexed by file number */
	struct arena *scratch;           /* emptied after every record */
	long duplicate_of;               /* check_record: the fact of an earlier
					    promise with this record's ID, or -1 */
	int file_language;               /* the file's `# promise-lang:` (enum
					    lang), or FILELANG_NONE (filelang.h) */
	bool file_top;                   /* no record of the file came before
					    this chunk (filelang_at_top) */
	/* check_record, ordered: the record's references (in-return fields
	 * with field.ref), and the facts of the promises the first
	 * RULE_REF_FACTS of them name (-1: not read yet), found once for
	 * the rules and for the analysis' own bookkeeping. Read them through
	 * rule_ref_fact(). */
	uint32_t nrefs;
	long ref_facts[RULE_REF_FACTS];
	/* Where reports go: the analysis supplies this. */
	void (*sink)(struct rule_ctx *c, struct diag *d);
	void *sink_data;
};

/* Report a finding at span `at` on line `line` of the chunk. `hint` may be
 * NULL. The message is formatted printf-style; both are copied. */
void rule_report(struct rule_ctx *c, enum rule_id rule, uint32_t line, struct span at,
		 const char *hint, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Resolve a span of the chunk into a positioned diagnostic (no message). */
void rule_locate(const struct rule_ctx *c, uint32_t line, struct span at, struct diag *out);

/* Report at a position already resolved (cross-promise rules). */
void rule_report_at(struct rule_ctx *c, enum rule_id rule, const struct diag *where,
		    const char *hint, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Helpers shared by rules. */
int32_t rule_today(const struct rule_ctx *c);
/* The record's ID as a C string in `out` ("this promise" without one). */
const char *rule_record_name(const struct rule_ctx *c, char *out, size_t size);
/* rule_require_field()'s report, for a field f that is missing (NULL) or
 * empty. */
const struct field *rule_require_missing(struct rule_ctx *c, enum rule_id rule,
					 enum field_key key, const char *hint, const char *missing,
					 const struct field *f);
/* Report `rule` when the record has no `key` field, or only an empty one
 * (not for a record whose header is broken: the syntax error comes first);
 * returns the field when it is present and not empty. `hint` and `missing`
 * are English (N_() in i18n.h), translated when reported. Inline: nearly
 * every record has the field, and six rules ask for one each. */
static inline const struct field *rule_require_field(struct rule_ctx *c, enum rule_id rule,
						     enum field_key key, const char *hint,
						     const char *missing)
{
	if (!rule_lacks(c->m, c->r, key))
		return model_field(c->m, c->r, key);
	return rule_require_missing(c, rule, key, hint, missing, model_field(c->m, c->r, key));
}
/* The fact of the promise that f, the record's k-th reference (from 0),
 * names, or -1 when it has not been read (ordered check_record only). */
long rule_ref_fact(const struct rule_ctx *c, uint32_t k, const struct field *f);
/* Where a finding about the whole record points: its ID, or the keyword. */
struct span rule_header_span(const struct record *r);
/* Quote at most `max` bytes of a span for a message (ellipsis if cut). */
const char *rule_quote(const struct rule_ctx *c, struct span s, char *out, size_t size);

#endif
