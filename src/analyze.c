/* analyze.c — reader → parser → rules, chunk by chunk.
 *
 * A chunk goes through two steps. Judging it (parse, orphan fields, the
 * chunk rules and the record rules that read only the chunk) needs nothing
 * from other chunks but a few facts about the file known before it starts
 * (its first line, whether a promise came before, the file's language);
 * with jobs, workers judge chunks side by side. Settling it (the facts,
 * the ordered rules, suppressions, severities, sorting and handing the
 * findings over) happens on the caller's thread, chunk after chunk in input
 * order. A finding's order key is (step, rule, sequence), which is the
 * order a single pass over the chunk would find them in, so the output
 * does not depend on which thread judged what.
 *
 * Each chunk's arenas are reset, not freed, between uses, so a large file
 * runs in the memory of the chunks in flight plus the facts. A finding's
 * message is copied into its chunk's arena and its excerpt points into the
 * chunk; in collected mode the diagnostic list copies what it shows. */
#include "analyze.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytecount.h"
#include "fieldtext.h"
#include "filelang.h"
#include "parse.h"
#include "party.h"
#include "reader.h"
#include "rules.h"
#include "workpool.h"

/* What a file's chunks pass on to the next: its first chunks may hold
 * nothing but what comes before its first promise, when that is long. */
struct file_state {
	uint32_t line;          /* the next chunk's first line */
	bool orphans_reported;  /* orphans_once() */
	bool top;               /* no record seen yet */
	int language;           /* the file's # promise-lang: (filelang.h) */
};

/* One chunk on its way: what judging it needs, what it leaves for
 * settling, and the findings held until then. */
struct chunk_job {
	const struct analysis *a;   /* only its allocator is read off the
				       caller's thread */
	const struct lint_options *opt; /* the file's, taken when queued */
	uint32_t file;
	struct chunk ch;            /* the reader's bytes, or those in `buf` */
	unsigned char *buf;         /* owned: a reader's buffer, taken with the
				       chunk in it (a judge on another thread
				       outlives the reader's next call) */
	size_t buf_cap;
	struct file_state in;       /* the file as the chunk starts */
	bool orphans_seen;          /* out: orphans_once() reported some */
	int language;               /* out: the file's language after it */
	struct arena arena;         /* the model and the findings' strings */
	struct arena scratch;       /* the judge's, reset after every record */
	struct chunk_model m;
	uint64_t *id_hash;          /* facts_hash() of each record's ID, taken
				       by the judge for settle()'s prefetch */
	struct diag *found;         /* held findings, any order */
	size_t nfound, cap_found;
	size_t njudged;             /* found[0, njudged) are the judge's */
	struct sort_key *keys;      /* hand_over()'s, cap_keys of them */
	size_t cap_keys;
	uint64_t key;               /* the step and rule bits of the next
				       finding's order key */
	uint64_t seq;               /* and its sequence number */
	bool failed;                /* out of memory */
};

static void job_init(struct analysis *a, struct chunk_job *j)
{
	memset(j, 0, sizeof *j);
	j->a = a;
	arena_init(&j->arena, a->alloc);
	arena_init(&j->scratch, a->alloc);
}

static void job_release(struct analysis *a, struct chunk_job *j)
{
	arena_release(&j->arena);
	arena_release(&j->scratch);
	alloc_free(a->alloc, j->found);
	alloc_free(a->alloc, j->keys);
	alloc_free(a->alloc, j->buf);
}

static void job_free(struct analysis *a, struct chunk_job *j)
{
	if (!j)
		return;
	job_release(a, j);
	alloc_free(a->alloc, j);
}

void analysis_init(struct analysis *a, const struct lint_options *opt,
		   const struct allocator *alloc)
{
	memset(a, 0, sizeof *a);
	a->alloc = alloc ? alloc : alloc_default();
	a->opt = opt;
	diag_list_init(&a->diags, a->alloc);
	facts_init(&a->facts, a->alloc);
	arena_init(&a->scratch, a->alloc);
	suppress_init(&a->suppress, a->alloc);
}

void analysis_release(struct analysis *a)
{
	diag_list_release(&a->diags);
	facts_release(&a->facts);
	arena_release(&a->scratch);
	workpool_stop(a->pool);
	a->pool = NULL;
	job_free(a, a->solo);
	a->solo = NULL;
	for (size_t i = 0; i < a->nring; i++)
		job_release(a, &a->ring[i]);
	alloc_free(a->alloc, a->ring);
	a->ring = NULL;
	a->nring = 0;
	suppress_release(&a->suppress);
	for (size_t i = 0; i < a->nfiles; i++)
		alloc_free(a->alloc, a->file_names[i]);
	alloc_free(a->alloc, a->file_names);
	a->file_names = NULL;
	a->nfiles = 0;
}

long analysis_add_name(struct analysis *a, const char *name)
{
	if (a->nfiles == a->cap_files) {
		size_t nc = a->cap_files ? a->cap_files * 2 : 16;
		char **nn = alloc_resize(a->alloc, a->file_names, nc * sizeof *nn);
		if (!nn)
			return -1;
		a->file_names = nn;
		a->cap_files = nc;
	}
	size_t len = strlen(name);
	char *copy = alloc_mem(a->alloc, len + 1);
	if (!copy)
		return -1;
	memcpy(copy, name, len + 1);
	a->file_names[a->nfiles] = copy;
	return (long)a->nfiles++;
}

/* A finding's order key: the step that found it (2 bits), the rule (8
 * bits) and a sequence number within the chunk. Chunk rules run before
 * record rules, and a record's rules in table order; findings of one
 * position come from one record, so this is the order of discovery. */
enum { KEY_STEP_SHIFT = 62, KEY_RULE_SHIFT = 54, STEP_CHUNK = 1, STEP_RECORD = 2 };

/* The step and rule bits of a key; the findings that follow get them
 * (hold() adds the sequence number). */
static uint64_t key_for(int step, int rule)
{
	return (uint64_t)step << KEY_STEP_SHIFT | (uint64_t)rule << KEY_RULE_SHIFT;
}

/* Keep a finding with its chunk (strings in the chunk's arena). */
static void hold(struct rule_ctx *c, struct diag *d)
{
	struct chunk_job *j = c->sink_data;
	if (j->nfound == j->cap_found) {
		size_t nc = j->cap_found ? j->cap_found * 2 : 64;
		struct diag *nf = alloc_resize(j->a->alloc, j->found, nc * sizeof *nf);
		if (!nf) {
			j->failed = true;
			return;
		}
		j->found = nf;
		j->cap_found = nc;
	}
	/* The three strings in one block of the chunk's arena; the finding
	 * is built in its slot, which counts only once it is complete. */
	struct diag *h = &j->found[j->nfound];
	*h = *d;
	size_t lm = diag_message_len(d), lp = diag_promise_len(d), lh = diag_hint_len(d);
	size_t nm = lm + 1, np = d->promise ? lp + 1 : 0, nh = d->hint ? lh + 1 : 0;
	char *to = arena_alloc(&j->arena, nm + np + nh);
	if (!to) {
		j->failed = true;
		return;
	}
	h->message = memcpy(to, d->message, nm);
	h->promise = np ? memcpy(to + nm, d->promise, np) : NULL;
	h->hint = nh ? memcpy(to + nm + np, d->hint, nh) : NULL;
	h->message_len = (uint32_t)lm;
	h->promise_len = (uint32_t)lp;
	h->hint_len = (uint32_t)lh;
	h->order = j->key | j->seq++;
	j->nfound++;
}

static const struct lint_options *opt_of(const struct analysis *a, uint32_t file)
{
	return file < a->nfile_opts && a->file_opts[file] ? a->file_opts[file] : a->opt;
}

/* Whether a cross-promise rule is on for at least one file. */
static bool rule_on_somewhere(const struct analysis *a, int k)
{
	if (a->opt->severity[k] != SEV_OFF)
		return true;
	for (size_t i = 0; i < a->nfile_opts; i++)
		if (a->file_opts[i] && a->file_opts[i]->severity[k] != SEV_OFF)
			return true;
	return false;
}

/* Whether a finding is shown: the file's own severity for its rule (cross-
 * promise findings are made with the run's options), and no suppression.
 * Counts it when it is. */
static bool keep(struct analysis *a, struct diag *d)
{
	d->severity = opt_of(a, d->file)->severity[d->rule];
	if (d->severity == SEV_OFF || suppress_match(&a->suppress, d))
		return false;
	a->counts[d->severity]++;
	return true;
}

/* The cross-promise rules' sink, at the end of the run. */
static void sink_facts(struct rule_ctx *c, struct diag *d)
{
	struct analysis *a = c->sink_data;
	if (keep(a, d) && diag_list_push(&a->diags, d))
		a->failed = 1;
}

/* Where a finding sorts within its chunk (one file): line and column,
 * then the order found. */
struct sort_key {
	uint64_t pos, order;
	size_t index;
};

static int by_key(const void *pa, const void *pb)
{
	const struct sort_key *x = pa, *y = pb;
	if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Findings arrive nearly in order (record after record, each record's by
 * rule), so an insertion sort of small keys costs about one step a
 * finding; past a budget of moves (findings far out of order, such as a
 * chunk full of syntax errors) qsort takes over. */
static void sort_keys(struct sort_key *k, size_t n)
{
	size_t budget = 8 * n + 64;
	for (size_t i = 1; i < n; i++) {
		struct sort_key t = k[i];
		size_t j = i;
		while (j > 0 && by_key(&k[j - 1], &t) > 0) {
			k[j] = k[j - 1];
			j--;
			if (!--budget) {
				k[j] = t;
				qsort(k, n, sizeof *k, by_key);
				return;
			}
		}
		k[j] = t;
	}
}

/* A chunk's findings that are shown, in order: handed to emit (streamed)
 * or copied into the list (collected). The judge's and the ordered rules'
 * findings are two runs, each nearly in order: sorted apart, then merged. */
static enum analysis_error hand_over(struct analysis *a, struct chunk_job *j)
{
	if (j->cap_keys < j->nfound) {
		struct sort_key *nk = alloc_resize(a->alloc, j->keys, j->cap_found * sizeof *nk);
		if (!nk)
			return ANALYSIS_NOMEM;
		j->keys = nk;
		j->cap_keys = j->cap_found;
	}
	size_t n = 0, judged = 0; /* keys[0, judged) are the judge's */
	for (size_t i = 0; i < j->nfound; i++) {
		if (!keep(a, &j->found[i]))
			continue;
		judged += i < j->njudged;
		j->keys[n++] = (struct sort_key){ (uint64_t)j->found[i].line << 32 | j->found[i].column,
						  j->found[i].order, i };
	}
	if (n > judged) /* keys is NULL while nothing was found: no NULL + 0 */
		sort_keys(j->keys + judged, n - judged);
	sort_keys(j->keys, judged);
	for (size_t x = 0, y = judged; x < judged || y < n;) {
		bool first = y == n || (x < judged && by_key(&j->keys[x], &j->keys[y]) < 0);
		const struct diag *d = &j->found[j->keys[first ? x++ : y++].index];
		if (!a->emit) {
			if (diag_list_push(&a->diags, d))
				return ANALYSIS_NOMEM;
		} else if (a->emit(a->emit_ctx, d)) {
			return ANALYSIS_EMIT;
		}
	}
	return ANALYSIS_OK;
}

static void init_ctx(const struct analysis *a, struct rule_ctx *c, uint32_t file)
{
	memset(c, 0, sizeof *c);
	c->opt = opt_of(a, file);
	c->file = file;
	c->file_names = (const char *const *)a->file_names;
	c->duplicate_of = -1;
	c->file_language = FILELANG_NONE;
}

static bool is_open(const struct record *r)
{
	return r->status.kind == STATUS_NONE || r->status.kind == STATUS_OPEN;
}

/* A record field's position, owned by the caller's id buffer. */
static void locate_field(const struct rule_ctx *c, const struct field *f, char *id, size_t size,
			 struct diag *where)
{
	rule_locate(c, f->line, f->value, where);
	size_t n = c->r->id.len < size - 1 ? c->r->id.len : size - 1;
	memcpy(id, c->m->buf + c->r->id.off, n);
	id[n] = '\0';
	where->promise = n ? id : NULL;
}

/* Who holds an open promise due within the over-committed window, and who
 * received which extra: copied only while the rule that reads it is on. */
static int collect_party_facts(struct analysis *a, struct rule_ctx *c, uint32_t idx)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	const struct lint_options *o = a->opt;
	struct party_name who;
	const char *s;
	uint32_t n;
	char id[256];
	const struct field *by = model_field(m, r, KEY_BY), *due = model_field(m, r, KEY_DUE);
	if (o->severity[RULE_OVER_COMMITTED] != SEV_OFF && by && due && is_open(r) &&
	    due->date.status == DATE_OK && due->date.day <= o->today + o->capacity_window_days) {
		if (fieldtext_join(&a->scratch, m, by, 0, &s, &n) ||
		    party_name(&a->scratch, &a->scratch, s, n, &who))
			return -1;
		const struct field *made = model_field(m, r, KEY_MADE);
		struct load_fact l = { who.key, who.display, idx,
				       made && made->date.status == DATE_OK ? made->date.day : FACT_NO_DATE,
				       due->date.day, { 0 }, 0 };
		locate_field(c, by, id, sizeof id, &l.where);
		if (who.key_len && facts_add_load(&a->facts, &l))
			return -1;
	}
	const struct field *to = model_field(m, r, KEY_TO);
	if (o->severity[RULE_HABITUAL_EXTRA] == SEV_OFF || !to || r->first[KEY_EXTRA] < 0)
		return 0;
	if (fieldtext_join(&a->scratch, m, to, 0, &s, &n) ||
	    party_name(&a->scratch, &a->scratch, s, n, &who))
		return -1;
	for (uint32_t i = (uint32_t)r->first[KEY_EXTRA]; i < r->field_first + r->field_count && who.key_len; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_EXTRA || f->date.status != DATE_OK)
			continue;
		struct extra_fact e = { who.key, who.display, idx, f->date.day, { 0 } };
		locate_field(c, f, id, sizeof id, &e.where);
		if (facts_add_extra(&a->facts, &e))
			return -1;
	}
	return 0;
}

/* The record's references, and the promises the first of them name
 * (rule_ctx.ref_facts): looked up once, after the record's own promise
 * was added, for the ordered rules and for add_forward_refs(). */
static void find_refs(const struct analysis *a, struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	c->nrefs = 0;
	for (int32_t i = r->first[KEY_IN_RETURN]; i >= 0 && (uint32_t)i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_IN_RETURN || !f->ref)
			continue;
		if (c->nrefs < RULE_REF_FACTS)
			c->ref_facts[c->nrefs] = facts_find(&a->facts, (const char *)m->buf + f->value.off, f->value.len);
		c->nrefs++;
	}
}

/* Copy out what the cross-promise rules need about one record: its facts
 * (before its rules run, so they see whether its ID is taken), and the
 * references that name promises not read yet (after: the rules judged the
 * others). */
static int add_facts(struct analysis *a, struct rule_ctx *c, uint64_t id_hash)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	c->duplicate_of = -1;
	if (r->flags & RECORD_BAD_HEADER) {
		find_refs(a, c);
		return 0;
	}
	const struct field *due = model_field(m, r, KEY_DUE);
	int32_t due_day = due && due->date.status == DATE_OK ? due->date.day : FACT_NO_DATE;
	long idx = facts_add_hashed(&a->facts, (const char *)m->buf + r->id.off, r->id.len, id_hash,
				    c->file, r->line, due_day, r->status.kind, &c->duplicate_of);
	if (idx < 0)
		return -1;
	find_refs(a, c);
	return collect_party_facts(a, c, (uint32_t)idx);
}

static int add_forward_refs(struct analysis *a, struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	uint32_t k = 0;
	for (int32_t i = r->first[KEY_IN_RETURN]; k < c->nrefs; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_IN_RETURN || !f->ref || rule_ref_fact(c, k++, f) >= 0)
			continue;
		struct diag where;
		rule_locate(c, f->line, f->value, &where);
		char id[256];
		size_t n = r->id.len < sizeof id - 1 ? r->id.len : sizeof id - 1;
		memcpy(id, m->buf + r->id.off, n);
		id[n] = '\0';
		where.promise = n ? id : NULL;
		if (facts_add_ref(&a->facts, (const char *)m->buf + f->value.off, f->value.len, &where))
			return -1;
	}
	return 0;
}

/* Fields before a file's first promise are one run, reported once (the
 * parser's rule). A run longer than a chunk gives the reader no record
 * start to cut at, so it cuts between two of its lines: the next chunk
 * must not report the run again. */
static void orphans_once(struct chunk_model *m, bool *reported)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < m->nerrors; i++) {
		bool orphan = m->errors[i].kind == SYN_FIELD_OUTSIDE;
		if (orphan && *reported)
			continue;
		*reported |= orphan;
		m->errors[n++] = m->errors[i];
	}
	m->nerrors = n;
}

/* A record rule to run, with its findings' key bits: looked up once a
 * chunk, since every record runs them all. */
struct record_rule {
	void (*check)(struct rule_ctx *c);
	uint64_t key;
	unsigned when;   /* the rule's record traits, 0 for every record */
};

/* The record rules that are on, ordered or not, in table order. */
static int record_rules(const struct lint_options *opt, bool ordered, struct record_rule todo[RULE_COUNT])
{
	int n = 0;
	for (int k = 0; k < RULE_COUNT; k++)
		if (rule_table[k]->check_record && rule_table[k]->ordered == ordered &&
		    opt->severity[k] != SEV_OFF)
			todo[n++] = (struct record_rule){ rule_table[k]->check_record, key_for(STEP_RECORD, k),
							  rule_table[k]->when };
	return n;
}

/* The rules for every record first, in table order, then those for records
 * with certain traits (struct rule's `when`), in table order; returns how
 * many are for every record, and in *wanted the traits the others name. A
 * record's findings sort by rule, not by the order its rules ran in
 * (key_for()), so the output is the same. */
static int every_record_first(struct record_rule *todo, int n, unsigned *wanted)
{
	struct record_rule some[RULE_COUNT];
	int every = 0, nsome = 0;
	*wanted = 0;
	for (int t = 0; t < n; t++) {
		*wanted |= todo[t].when;
		if (todo[t].when)
			some[nsome++] = todo[t];
		else
			todo[every++] = todo[t];
	}
	memcpy(todo + every, some, (size_t)nsome * sizeof *some);
	return every;
}

/* Step one, on any thread: parse the chunk and run every check that reads
 * only the chunk. Touches nothing but the job (and reads the analysis'
 * options). */
static void judge(void *item)
{
	struct chunk_job *j = item;
	arena_reset(&j->arena);
	j->nfound = 0;
	j->key = 0;
	j->seq = 0;
	j->failed = false;
	if (parse_chunk(&j->arena, j->ch.data, j->ch.len, j->in.line, j->ch.first, &j->m)) {
		j->failed = true;
		return;
	}
	struct chunk_model *m = &j->m;
	j->id_hash = arena_alloc(&j->arena, ((size_t)m->nrecords + 1) * sizeof *j->id_hash);
	if (!j->id_hash) {
		j->failed = true;
		return;
	}
	for (uint32_t i = 0; i < m->nrecords; i++) {
		const struct record *r = &m->records[i];
		j->id_hash[i] = r->id.len ? facts_hash((const char *)m->buf + r->id.off, r->id.len) : 0;
	}
	bool orphans = j->in.orphans_reported;
	orphans_once(m, &orphans);
	j->orphans_seen = orphans;
	j->language = j->in.language;
	if (j->in.top && j->language == FILELANG_NONE)
		j->language = filelang_of_chunk(m, true);

	/* No init_ctx(): the analysis is the caller's thread's to change
	 * meanwhile (file names, options); the job has what the checks read. */
	struct rule_ctx c;
	memset(&c, 0, sizeof c);
	c.opt = j->opt;
	c.file = j->file;
	c.duplicate_of = -1;
	c.m = m;
	c.file_top = j->in.top;
	c.file_language = j->language;
	c.scratch = &j->scratch;
	c.sink = hold;
	c.sink_data = j;
	for (int k = 0; k < RULE_COUNT; k++)
		if (rule_table[k]->check_chunk && c.opt->severity[k] != SEV_OFF) {
			j->key = key_for(STEP_CHUNK, k);
			rule_table[k]->check_chunk(&c);
		}
	struct record_rule todo[RULE_COUNT];
	int ntodo = record_rules(c.opt, false, todo);
	unsigned wanted;
	int every = every_record_first(todo, ntodo, &wanted);
	for (uint32_t i = 0; i < m->nrecords && !j->failed; i++) {
		c.r = &m->records[i];
		for (int t = 0; t < every; t++) {
			j->key = todo[t].key;
			todo[t].check(&c);
		}
		unsigned traits = wanted ? rule_record_traits(m, c.r, wanted) : 0;
		for (int t = every; t < ntodo && traits; t++) {
			if (!(todo[t].when & traits))
				continue;
			j->key = todo[t].key;
			todo[t].check(&c);
		}
		j->failed |= j->scratch.failed;
		arena_reset(&j->scratch);
	}
}

/* Step two, in input order on the caller's thread: the facts, the ordered
 * rules, the suppressions, and the findings handed over. */
static enum analysis_error settle(struct analysis *a, struct chunk_job *j)
{
	if (j->failed)
		return ANALYSIS_NOMEM;
	struct chunk_model *m = &j->m;
	j->njudged = j->nfound;
	a->bytes += j->ch.len;
	a->records += m->nrecords;

	struct rule_ctx c;
	init_ctx(a, &c, j->file);
	c.m = m;
	c.file_top = j->in.top;
	c.file_language = j->language;
	c.facts = &a->facts;
	c.scratch = &a->scratch;
	c.sink = hold;
	c.sink_data = j;
	if (suppress_scan_chunk(&a->suppress, &c))
		return ANALYSIS_NOMEM;
	struct record_rule todo[RULE_COUNT];
	int ntodo = record_rules(c.opt, true, todo);
	/* Far enough ahead that the slot arrives in time, near enough that
	 * it is still cached when used. */
	enum { PREFETCH_AHEAD = 4 };
	for (uint32_t i = 0; i < PREFETCH_AHEAD && i < m->nrecords; i++)
		facts_prefetch(&a->facts, j->id_hash[i]);
	for (uint32_t i = 0; i < m->nrecords; i++) {
		c.r = &m->records[i];
		if (i + PREFETCH_AHEAD < m->nrecords)
			facts_prefetch(&a->facts, j->id_hash[i + PREFETCH_AHEAD]);
		if (add_facts(a, &c, j->id_hash[i]))
			return ANALYSIS_NOMEM;
		for (int t = 0; t < ntodo; t++) {
			j->key = todo[t].key;
			todo[t].check(&c);
		}
		if (a->scratch.failed || j->failed)
			return ANALYSIS_NOMEM;
		arena_reset(&a->scratch);
		if (add_forward_refs(a, &c))
			return ANALYSIS_NOMEM;
		if (a->on_record && a->on_record(a->on_record_ctx, j->file, m, c.r))
			return ANALYSIS_NOMEM;
	}
	return hand_over(a, j);
}

/* The newlines in a chunk: its lines, as the parser counts them, when it
 * ends in one (every chunk but a file's last does). */
static uint32_t count_lines(const unsigned char *s, uint32_t len)
{
	return (uint32_t)bytecount(s, len, '\n');
}

/* A job slot of the ring for the next chunk, which takes the reader's
 * buffer with the chunk in it and leaves its own to the reader (the job
 * that had it is settled). NULL when out of memory. */
static struct chunk_job *ring_slot(struct analysis *a, struct reader *rd, const struct chunk *ch)
{
	struct chunk_job *j = &a->ring[a->next_slot];
	if (reader_take(rd, &j->buf, &j->buf_cap))
		return NULL;
	a->next_slot = (a->next_slot + 1) % a->nring;
	j->ch = *ch; /* its data now in j->buf */
	return j;
}

/* Start the workers at the run's second chunk: a run of one small file
 * never pays for threads. */
static bool pool_ready(struct analysis *a)
{
	if (a->pool)
		return true;
	if (a->jobs < 2 || a->pool_failed || !a->chunks_seen)
		return false;
	size_t n = (size_t)a->jobs * 2;
	a->ring = alloc_mem(a->alloc, n * sizeof *a->ring);
	if (a->ring) {
		a->nring = n;
		for (size_t i = 0; i < n; i++)
			job_init(a, &a->ring[i]);
		/* jobs - 1 workers: this thread judges too, while it waits */
		a->pool = workpool_start(a->alloc, a->jobs - 1, n, judge);
	}
	if (!a->pool) {
		for (size_t i = 0; i < a->nring; i++)
			job_release(a, &a->ring[i]);
		alloc_free(a->alloc, a->ring);
		a->ring = NULL;
		a->nring = 0;
		a->pool_failed = true; /* judged here, one by one, instead */
		return false;
	}
	return true;
}

/* Settle the oldest chunk in flight, and hand it back (NULL: none). After
 * an error the chunk is only waited for. */
static struct chunk_job *settle_oldest(struct analysis *a, enum analysis_error *err)
{
	struct chunk_job *j = a->pool ? workpool_collect(a->pool) : NULL;
	if (j && !*err)
		*err = settle(a, j);
	return j;
}

/* Settle every chunk in flight (after an error: wait for them). */
static enum analysis_error drain(struct analysis *a, enum analysis_error err)
{
	while (settle_oldest(a, &err))
		;
	return err;
}

enum analysis_error analysis_wait(struct analysis *a)
{
	return drain(a, ANALYSIS_OK);
}

/* What a settled chunk leaves for the next chunk of its file. */
static void pass_on(struct file_state *fs, const struct chunk_job *j)
{
	fs->orphans_reported = j->orphans_seen;
	fs->language = j->language;
	fs->top = fs->top && j->m.nrecords == 0;
}

/* A file's chunks go to the workers as they are read, the file's first
 * too, and the next file's follow without waiting: settling keeps input
 * order. Chunks under a sixteenth of the chunk size are judged here. Only
 * while a file has shown no promise yet does the next chunk need what the
 * one above found (where the first promise is, the file's language, orphan
 * fields reported): it waits for that chunk to settle. */
static enum analysis_error run_reader(struct analysis *a, uint32_t file, struct reader *rd)
{
	struct file_state fs = { 1, false, true, FILELANG_NONE };
	struct chunk_job *above = NULL; /* in flight, and the file still at its top */
	const size_t small = (a->opt->chunk_size ? a->opt->chunk_size : READER_DEFAULT_CHUNK) / 16;
	enum analysis_error err = ANALYSIS_OK;
	if (!a->solo) {
		a->solo = alloc_mem(a->alloc, sizeof *a->solo);
		if (!a->solo) {
			reader_release(rd);
			return ANALYSIS_NOMEM;
		}
		job_init(a, a->solo);
	}
	for (;;) {
		struct chunk ch;
		enum reader_status st = reader_next(rd, &ch);
		if (st == READER_DONE)
			break;
		if (st != READER_CHUNK) {
			err = st == READER_ERROR ? ANALYSIS_IO : st == READER_NOMEM ? ANALYSIS_NOMEM : ANALYSIS_TOO_BIG;
			break;
		}
		if (above) {
			struct chunk_job *j;
			do
				j = settle_oldest(a, &err);
			while (j && j != above);
			if (err)
				break;
			pass_on(&fs, above);
			above = NULL;
		}
		/* A small chunk (a small file, mostly) is judged here: handing
		 * it to a worker and back costs more than judging it. */
		if (ch.len >= small && pool_ready(a)) {
			if (workpool_full(a->pool) && (settle_oldest(a, &err), err))
				break;
			struct chunk_job *j = ring_slot(a, rd, &ch);
			if (!j) {
				err = ANALYSIS_NOMEM;
				break;
			}
			j->file = file;
			j->opt = opt_of(a, file);
			j->in = fs;
			fs.line += count_lines(ch.data, ch.len);
			if (fs.top)
				above = j;
			a->chunks_seen++;
			workpool_submit(a->pool, j);
			continue;
		}
		if ((err = drain(a, err))) /* what is in flight comes first */
			break;
		struct chunk_job *j = a->solo;
		j->file = file;
		j->opt = opt_of(a, file);
		j->ch = ch;
		j->in = fs;
		a->chunks_seen++;
		judge(j);
		if ((err = settle(a, j)))
			break;
		fs.line += j->m.nlines;
		pass_on(&fs, j);
	}
	/* What was read before a read error is reported, as without threads;
	 * after any other error nothing more is. */
	if (err == ANALYSIS_IO || err == ANALYSIS_TOO_BIG) {
		int saved = errno;
		enum analysis_error e = drain(a, ANALYSIS_OK);
		errno = saved;
		if (e)
			err = e;
	} else if (err) {
		drain(a, err);
	}
	reader_release(rd);
	return err;
}

enum analysis_error analysis_add_fd(struct analysis *a, uint32_t file, int fd)
{
	struct stat st;
	bool sized = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
	/* Size the facts from the file: records are rarely under 150 bytes,
	 * so this rarely reserves too little and never much too much. The
	 * ID table, whose pages all get touched, is sized for the likely
	 * count instead: a record every 384 bytes, about the average of the
	 * bundled samples (their comments included). */
	if (sized && (facts_reserve(&a->facts, a->facts.npromises + (size_t)st.st_size / 150) ||
		      facts_expect(&a->facts, a->facts.npromises + (size_t)st.st_size / 384)))
		return ANALYSIS_NOMEM;
	struct reader rd;
	reader_init_fd(&rd, fd, a->opt->chunk_size, a->alloc);
	/* A regular file is read as long as it was when we started: one that
	 * grows while it is read (a writer appending) yields the prefix it
	 * had, instead of a chase that need never end. */
	if (sized)
		rd.limit = (uint64_t)st.st_size;
	return run_reader(a, file, &rd);
}

enum analysis_error analysis_add_buffer(struct analysis *a, uint32_t file, const void *data, size_t len)
{
	struct reader rd;
	reader_init_mem(&rd, data, len, a->opt->chunk_size, a->alloc);
	return run_reader(a, file, &rd);
}

enum analysis_error analysis_finish(struct analysis *a)
{
	enum analysis_error err = analysis_wait(a);
	if (err)
		return err;
	struct rule_ctx c;
	init_ctx(a, &c, 0);
	c.facts = &a->facts;
	c.scratch = &a->scratch;
	c.sink = sink_facts;
	c.sink_data = a;
	arena_reset(&a->scratch);
	for (int k = 0; k < RULE_COUNT; k++)
		if (rule_table[k]->check_facts && rule_on_somewhere(a, k))
			rule_table[k]->check_facts(&c);
	suppress_report_unused(&a->suppress, &c);
	if (a->failed || a->scratch.failed)
		return ANALYSIS_NOMEM;
	diag_list_sort(&a->diags);
	if (a->emit)
		for (size_t i = 0; i < a->diags.len; i++)
			if (a->emit(a->emit_ctx, &a->diags.items[i]))
				return ANALYSIS_EMIT;
	return ANALYSIS_OK;
}
