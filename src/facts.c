/* facts.c — an open-addressing hash table (linear probing, load <= 1/2)
 * over an array of facts. Each slot keeps the high 32 bits of the hash
 * beside the index, and the bucket comes from those same bits, so a probe
 * that misses never touches the fact or its ID, and growing the table never
 * rehashes an ID. Rejected: a tree or a sorted array — a lookup happens for
 * every record. */
#include "facts.h"

#include <string.h>
#include <sys/mman.h>

/* Up to seven bytes as one number; overlapping reads, so every byte
 * counts (the length is mixed in by the caller). */
static uint64_t short_word(const unsigned char *p, size_t n)
{
	if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		return (uint64_t)a << 32 | b;
	}
	return n ? (uint64_t)p[0] << 16 | (uint64_t)p[n / 2] << 8 | p[n - 1] : 0;
}

/* Eight bytes a step, each word multiplied in, then a final mix so that
 * the high bits (the slot's home and tag) depend on every byte. IDs are a
 * few bytes long: a byte-at-a-time hash cost more than the table. */
uint64_t facts_hash(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	const uint64_t k = 0x9e3779b97f4a7c15u;
	uint64_t h = 0xcbf29ce484222325u ^ (uint64_t)n * k;
	size_t i = 0;
	for (; n - i > 8; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * k;
		h ^= h >> 32;
	}
	uint64_t last;
	if (n >= 8)
		memcpy(&last, p + n - 8, 8); /* the last eight, overlapping */
	else
		last = short_word(p, n);
	h = (h ^ last) * k;
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93u;
	return h ^ (h >> 32);
}

#define SLOT_TAG(h) ((h) & 0xffffffff00000000u)
#define SLOT_INDEX(s) ((uint32_t)(s) - 1)
#define SLOT_HOME(s, mask) facts_home((s), (mask))

void facts_init(struct facts *f, const struct allocator *alloc)
{
	memset(f, 0, sizeof *f);
	f->alloc = alloc ? alloc : alloc_default();
	arena_init(&f->strings, f->alloc);
}

void facts_release(struct facts *f)
{
	alloc_free(f->alloc, f->promises);
	alloc_free(f->alloc, f->ids);
	alloc_free(f->alloc, f->refs);
	alloc_free(f->alloc, f->slots);
	alloc_free(f->alloc, f->loads);
	alloc_free(f->alloc, f->person_slots);
	alloc_free(f->alloc, f->extras);
	arena_release(&f->strings);
	memset(f, 0, sizeof *f);
}

/* The slot holding `id`, or the empty slot where it would go. */
static size_t probe(const struct facts *f, const char *id, size_t len, uint64_t h)
{
	size_t mask = f->nslots - 1;
	size_t i = SLOT_HOME(h, mask);
	for (;; i = (i + 1) & mask) {
		uint64_t s = f->slots[i];
		if (!s)
			return i;
		if (SLOT_TAG(s) == SLOT_TAG(h)) {
			const struct promise_fact *q = &f->promises[SLOT_INDEX(s)];
			if (q->id_len == len && !memcmp(f->ids + q->id_off, id, len))
				return i;
		}
	}
}

/* Ask for huge pages under a large table: its probes land anywhere in it,
 * and with small pages each would also miss the TLB. Only the whole 2 MiB
 * pages inside the block are marked; a refusal changes nothing. */
static void huge_pages(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1), to = ((uintptr_t)p + size) & ~(huge - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
	(void)p;
	(void)size;
#endif
}

/* Move a table of *nslots slots into one of at least twice as many (and
 * at least `first`), for `at_least` entries at a load of one half. Each
 * slot keeps its hash bits: nothing is rehashed. */
static int grow_slots(const struct allocator *alloc, uint64_t **table, size_t *nslots,
		      size_t at_least, size_t first)
{
	size_t n = *nslots ? *nslots * 2 : first;
	while (n < at_least * 2)
		n *= 2;
	uint64_t *slots = alloc_mem(alloc, n * sizeof *slots);
	if (!slots)
		return -1;
	huge_pages(slots, n * sizeof *slots);
	memset(slots, 0, n * sizeof *slots);
	for (size_t i = 0; i < *nslots; i++) {
		uint64_t s = (*table)[i];
		if (!s)
			continue;
		size_t j = SLOT_HOME(s, n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = s;
	}
	alloc_free(alloc, *table);
	*table = slots;
	*nslots = n;
	return 0;
}

static int grow_table(struct facts *f, size_t at_least)
{
	return grow_slots(f->alloc, &f->slots, &f->nslots, at_least, 1024);
}

long facts_add_promise(struct facts *f, const char *id, uint32_t id_len, uint32_t file,
		       uint32_t line, int32_t due, enum status_kind status, long *first)
{
	return facts_add_hashed(f, id, id_len, id_len ? facts_hash(id, id_len) : 0, file, line, due,
				status, first);
}

long facts_add_hashed(struct facts *f, const char *id, uint32_t id_len, uint64_t hash,
		      uint32_t file, uint32_t line, int32_t due, enum status_kind status, long *first)
{
	if (first)
		*first = -1;
	if (f->npromises == f->cap_promises) {
		size_t nc = f->cap_promises ? f->cap_promises * 2 : 256;
		struct promise_fact *np = alloc_resize(f->alloc, f->promises, nc * sizeof *np);
		if (!np)
			return -1;
		f->promises = np;
		f->cap_promises = nc;
	}
	if ((f->npromises + 1) * 2 > f->nslots && grow_table(f, f->npromises + 1))
		return -1;
	if (f->ids_len + id_len + 1 > f->ids_cap) {
		size_t nc = f->ids_cap ? f->ids_cap * 2 : 4096;
		while (nc < f->ids_len + id_len + 1)
			nc *= 2;
		if (nc > UINT32_MAX)
			return -1; /* offsets are 32 bits: 4 GiB of IDs */
		char *ni = alloc_resize(f->alloc, f->ids, nc);
		if (!ni)
			return -1;
		f->ids = ni;
		f->ids_cap = nc;
	}
	struct promise_fact *p = &f->promises[f->npromises];
	p->id_off = (uint32_t)f->ids_len;
	p->id_len = id_len;
	memcpy(f->ids + f->ids_len, id, id_len);
	f->ids[f->ids_len + id_len] = '\0';
	f->ids_len += id_len + 1;
	p->file = file;
	p->line = line;
	p->due = due;
	p->status = (uint8_t)status;
	if (id_len) {
		uint64_t h = hash;
		size_t i = probe(f, id, id_len, h);
		if (f->slots[i]) {
			if (first)
				*first = (long)SLOT_INDEX(f->slots[i]);
		} else {
			f->slots[i] = SLOT_TAG(h) | (uint64_t)(f->npromises + 1);
		}
	}
	return (long)f->npromises++;
}

int facts_reserve(struct facts *f, size_t promises)
{
	if (promises <= f->cap_promises)
		return 0;
	struct promise_fact *np = alloc_resize(f->alloc, f->promises, promises * sizeof *np);
	if (!np)
		return -1;
	f->promises = np;
	f->cap_promises = promises;
	/* The table is not sized from this bound: an estimate twice too high
	 * would cost 16 bytes a promise in pages that all get touched, while
	 * untouched array pages cost nothing. facts_expect() takes a likelier
	 * guess. */
	return 0;
}

int facts_expect(struct facts *f, size_t promises)
{
	if (promises * 2 <= f->nslots)
		return 0;
	return grow_table(f, promises);
}

int facts_add_ref(struct facts *f, const char *target, uint32_t len, const struct diag *where)
{
	if (f->nrefs == f->cap_refs) {
		size_t nc = f->cap_refs ? f->cap_refs * 2 : 256;
		struct ref_fact *nr = alloc_resize(f->alloc, f->refs, nc * sizeof *nr);
		if (!nr)
			return -1;
		f->refs = nr;
		f->cap_refs = nc;
	}
	struct ref_fact *r = &f->refs[f->nrefs];
	r->target = arena_strndup(&f->strings, target, len);
	r->target_len = len;
	r->where = *where;
	r->where.excerpt = arena_strndup(&f->strings, where->excerpt, where->excerpt_len);
	r->where.promise = where->promise ? arena_strndup(&f->strings, where->promise, strlen(where->promise)) : NULL;
	r->where.message = r->where.hint = NULL;
	if (!r->target || !r->where.excerpt || (where->promise && !r->where.promise))
		return -1;
	f->nrefs++;
	return 0;
}

/* A diagnostic position that owns its strings (in the facts' arena). */
static int copy_where(struct facts *f, struct diag *to, const struct diag *from)
{
	*to = *from;
	to->excerpt = arena_strndup(&f->strings, from->excerpt, from->excerpt_len);
	to->promise = from->promise ? arena_strndup(&f->strings, from->promise, strlen(from->promise)) : NULL;
	to->message = to->hint = NULL;
	return !to->excerpt || (from->promise && !to->promise) ? -1 : 0;
}

static void *grow(const struct allocator *a, void *items, size_t *cap, size_t len, size_t size)
{
	if (len < *cap)
		return items;
	size_t nc = *cap ? *cap * 2 : 64;
	void *n = alloc_resize(a, items, nc * size);
	if (n)
		*cap = nc;
	return n;
}

/* The person_id of a load's person: the first load with the same key,
 * found through a second table of the same kind as the IDs' (persons are
 * few; loads may be many). -1 when out of memory. */
static long person_of(struct facts *f, const char *person, uint32_t load)
{
	if ((f->npersons + 1) * 2 > f->nperson_slots &&
	    grow_slots(f->alloc, &f->person_slots, &f->nperson_slots, f->npersons + 1, 64))
		return -1;
	uint64_t h = facts_hash(person, strlen(person));
	size_t mask = f->nperson_slots - 1;
	for (size_t i = SLOT_HOME(h, mask);; i = (i + 1) & mask) {
		uint64_t s = f->person_slots[i];
		if (!s) {
			f->person_slots[i] = SLOT_TAG(h) | ((uint64_t)load + 1);
			f->npersons++;
			return load;
		}
		if (SLOT_TAG(s) == SLOT_TAG(h) && !strcmp(f->loads[SLOT_INDEX(s)].person, person))
			return SLOT_INDEX(s);
	}
}

int facts_add_load(struct facts *f, const struct load_fact *load)
{
	struct load_fact *items = grow(f->alloc, f->loads, &f->cap_loads, f->nloads, sizeof *items);
	if (!items)
		return -1;
	f->loads = items;
	struct load_fact *l = &items[f->nloads];
	*l = *load;
	l->person = arena_strndup(&f->strings, load->person, strlen(load->person));
	l->name = arena_strndup(&f->strings, load->name, strlen(load->name));
	if (!l->person || !l->name || copy_where(f, &l->where, &load->where))
		return -1;
	long person = person_of(f, l->person, (uint32_t)f->nloads);
	if (person < 0)
		return -1;
	l->person_id = (uint32_t)person;
	f->nloads++;
	return 0;
}

int facts_add_extra(struct facts *f, const struct extra_fact *extra)
{
	struct extra_fact *items = grow(f->alloc, f->extras, &f->cap_extras, f->nextras, sizeof *items);
	if (!items)
		return -1;
	f->extras = items;
	struct extra_fact *e = &items[f->nextras];
	*e = *extra;
	e->party = arena_strndup(&f->strings, extra->party, strlen(extra->party));
	e->name = arena_strndup(&f->strings, extra->name, strlen(extra->name));
	if (!e->party || !e->name || copy_where(f, &e->where, &extra->where))
		return -1;
	f->nextras++;
	return 0;
}

long facts_find(const struct facts *f, const char *id, size_t len)
{
	if (!f->nslots || !len)
		return -1;
	size_t i = probe(f, id, len, facts_hash(id, len));
	return f->slots[i] ? (long)SLOT_INDEX(f->slots[i]) : -1;
}
