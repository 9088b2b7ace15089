/* facts.h — the compact per-promise facts that cross-promise rules need.
 *
 * The chunk a record came from is gone by the end of a run, so what rules
 * across promises need (IDs, due dates, states) is copied out here: 24
 * bytes a promise, its ID packed in one array of bytes, and 16 to 32 bytes
 * of hash table. Memory grows with the number of promises, not with the
 * size of the input. IDs are found through the hash table, so duplicate and
 * reference checks stay linear.
 *
 * References (an in-return naming another promise) are judged as soon as
 * the promise they name has been seen; only references forward, to a
 * promise not yet read, are kept here (with the line they stand on) to be
 * judged at the end. */
#ifndef PROMISE_FACTS_H
#define PROMISE_FACTS_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

enum { FACT_NO_DATE = INT32_MIN };

struct promise_fact {
	uint32_t id_off;      /* its ID: facts_id() */
	uint32_t id_len;
	uint32_t file, line;
	int32_t due;          /* day number, or FACT_NO_DATE */
	uint8_t status;       /* enum status_kind */
};

/* A reference forward, judged at the end. */
struct ref_fact {
	const char *target;   /* the ID it names */
	uint32_t target_len;
	struct diag where;    /* its position, with the line copied */
};

/* An open promise due within the over-committed window, by who holds it. */
struct load_fact {
	const char *person;   /* party key of `by:` (party.h) */
	const char *name;     /* its display form */
	uint32_t promise;     /* index into promises */
	int32_t made, due;    /* day numbers; made may be FACT_NO_DATE */
	struct diag where;    /* the `by:` value, with the line copied */
	uint32_t person_id;   /* set by facts_add_load(): the index of the
				 first load with this person, so that loads
				 group by person without comparing strings */
};

/* A dated `extra:` given to the party in `to:` (habitual-extra). */
struct extra_fact {
	const char *party;    /* party key of `to:` */
	const char *name;     /* its display form */
	uint32_t promise;     /* index into promises */
	int32_t day;
	struct diag where;    /* the extra's value, with the line copied */
};

struct facts {
	const struct allocator *alloc;
	struct arena strings;
	char *ids;            /* the promises' IDs, each NUL-terminated */
	size_t ids_len, ids_cap;
	struct promise_fact *promises;
	size_t npromises, cap_promises;
	struct ref_fact *refs;
	size_t nrefs, cap_refs;
	uint64_t *slots;      /* hash table: 0 empty, else (hash high bits |
				 promise index + 1) */
	size_t nslots;
	struct load_fact *loads;
	size_t nloads, cap_loads;
	uint64_t *person_slots; /* the loads' persons: 0 empty, else (hash high
				   bits | person_id + 1) */
	size_t nperson_slots, npersons;
	struct extra_fact *extras;
	size_t nextras, cap_extras;
};

void facts_init(struct facts *f, const struct allocator *alloc);
void facts_release(struct facts *f);
/* Add a promise (id may be empty: it is then stored but not indexed);
 * returns its index, or -1 when out of memory. A later promise with an ID
 * already present does not replace the first in the index; *first (if not
 * NULL) receives the index of the first one, or -1 when the ID is new. */
long facts_add_promise(struct facts *f, const char *id, uint32_t id_len, uint32_t file,
		       uint32_t line, int32_t due, enum status_kind status, long *first);
/* The same with the ID's facts_hash() given: a caller that knows its IDs
 * ahead hashes them early (on another thread, say) and calls
 * facts_prefetch() a few promises ahead, so the table's memory is on its
 * way by the time the promise is added. A table far larger than the caches
 * misses on nearly every promise otherwise. */
long facts_add_hashed(struct facts *f, const char *id, uint32_t id_len, uint64_t hash,
		      uint32_t file, uint32_t line, int32_t due, enum status_kind status, long *first);
uint64_t facts_hash(const char *id, size_t len);
/* The slot where a hash's search begins, in a table of mask + 1 slots:
 * from the hash's high bits, which the slot keeps. */
static inline size_t facts_home(uint64_t hash, size_t mask)
{
	return (size_t)(hash >> 32) & mask;
}

/* A hint: the slot where a promise with this hash would go is about to be
 * read. (Inline: it is one instruction, asked for every promise.) */
static inline void facts_prefetch(const struct facts *f, uint64_t hash)
{
#if defined(__GNUC__) || defined(__clang__)
	if (f->nslots)
		__builtin_prefetch(&f->slots[facts_home(hash, f->nslots - 1)]);
#else
	(void)f;
	(void)hash;
#endif
}
/* Make room for `promises` facts (a hint from the input's size, so the
 * array is not copied as it grows; the ID table grows with the IDs
 * added). -1 when out of memory. */
int facts_reserve(struct facts *f, size_t promises);
/* Size the ID table for about `promises` promises in all (a likely count,
 * guessed from the input's size), so that it need not pass through every
 * smaller size on the way: each size is a table of fresh, zeroed pages,
 * and on large inputs those pages cost more than the moves. A guess too
 * low leaves the rest of the growth to facts_add_*(); one too high costs
 * the table's pages. -1 when out of memory. */
int facts_expect(struct facts *f, size_t promises);
/* Keep a forward reference for the end. -1 when out of memory. */
int facts_add_ref(struct facts *f, const char *target, uint32_t len, const struct diag *where);
/* Copy a load or an extra in (the strings and the excerpt of `where` are
 * copied; its message and hint are dropped). -1 when out of memory. */
int facts_add_load(struct facts *f, const struct load_fact *load);
int facts_add_extra(struct facts *f, const struct extra_fact *extra);
/* A promise's ID, NUL-terminated ("" when it has none); valid until the
 * next facts_add_promise(). */
static inline const char *facts_id(const struct facts *f, const struct promise_fact *p)
{
	return f->ids ? f->ids + p->id_off : "";
}

/* The first promise with this ID, or -1. */
long facts_find(const struct facts *f, const char *id, size_t len);

#endif
