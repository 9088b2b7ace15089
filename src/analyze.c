/* analyze.c — reader → parser → rules, chunk by chunk.
 *
 * The chunk arena is reset, not freed, between chunks, so a large file runs
 * in the memory of one chunk plus the facts. In streamed mode a finding's
 * message is formatted into the chunk arena and its excerpt points into the
 * chunk, so reporting costs no heap allocation; in collected mode the
 * diagnostic list copies what it shows. */
#include "analyze.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fieldtext.h"
#include "filelang.h"
#include "parse.h"
#include "party.h"
#include "reader.h"
#include "rules.h"

void analysis_init(struct analysis *a, const struct lint_options *opt,
		   const struct allocator *alloc)
{
	memset(a, 0, sizeof *a);
	a->alloc = alloc ? alloc : alloc_default();
	a->opt = opt;
	diag_list_init(&a->diags, a->alloc);
	facts_init(&a->facts, a->alloc);
	arena_init(&a->chunk_arena, a->alloc);
	arena_init(&a->scratch, a->alloc);
	suppress_init(&a->suppress, a->alloc);
	a->file_language = FILELANG_NONE;
}

void analysis_release(struct analysis *a)
{
	diag_list_release(&a->diags);
	facts_release(&a->facts);
	arena_release(&a->chunk_arena);
	arena_release(&a->scratch);
	alloc_free(a->alloc, a->pending);
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

/* Streamed mode: keep the finding with the chunk (strings in its arena). */
static int hold(struct analysis *a, const struct diag *d)
{
	if (a->npending == a->cap_pending) {
		size_t nc = a->cap_pending ? a->cap_pending * 2 : 64;
		struct diag *np = alloc_resize(a->alloc, a->pending, nc * sizeof *np);
		if (!np)
			return -1;
		a->pending = np;
		a->cap_pending = nc;
	}
	struct diag c = *d;
	c.message = arena_strndup(&a->chunk_arena, d->message, strlen(d->message));
	c.promise = d->promise ? arena_strndup(&a->chunk_arena, d->promise, strlen(d->promise)) : NULL;
	c.hint = d->hint ? arena_strndup(&a->chunk_arena, d->hint, strlen(d->hint)) : NULL;
	if (!c.message || (d->promise && !c.promise) || (d->hint && !c.hint))
		return -1;
	c.order = a->npending;
	a->pending[a->npending++] = c;
	return 0;
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

static void sink(struct rule_ctx *c, struct diag *d)
{
	struct analysis *a = c->sink_data;
	/* cross-promise findings are made with the run's options: the file's
	 * own severity decides */
	d->severity = opt_of(a, d->file)->severity[d->rule];
	if (d->severity == SEV_OFF || suppress_match(&a->suppress, d))
		return;
	a->counts[d->severity]++;
	if (a->emit && c->m ? hold(a, d) : diag_list_push(&a->diags, d))
		a->failed = 1;
}

static int by_position(const void *pa, const void *pb)
{
	const struct diag *x = pa, *y = pb;
	if (x->file != y->file) return x->file < y->file ? -1 : 1;
	if (x->line != y->line) return x->line < y->line ? -1 : 1;
	if (x->column != y->column) return x->column < y->column ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Streamed mode: hand the chunk's findings over in order. */
static enum analysis_error flush_pending(struct analysis *a)
{
	if (a->npending > 1)
		qsort(a->pending, a->npending, sizeof *a->pending, by_position);
	for (size_t i = 0; i < a->npending; i++)
		if (a->emit(a->emit_ctx, &a->pending[i])) {
			a->npending = 0;
			return ANALYSIS_EMIT;
		}
	a->npending = 0;
	return ANALYSIS_OK;
}

static void init_ctx(struct analysis *a, struct rule_ctx *c, uint32_t file)
{
	memset(c, 0, sizeof *c);
	c->opt = opt_of(a, file);
	c->facts = &a->facts;
	c->file = file;
	c->file_names = (const char *const *)a->file_names;
	c->sink = sink;
	c->sink_data = a;
	c->scratch = &a->scratch;
	c->duplicate_of = -1;
	c->file_language = a->file_language;
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
				       due->date.day, { 0 } };
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

/* Copy out what the cross-promise rules need about one record: its facts
 * (before its rules run, so they see whether its ID is taken), and the
 * references that name promises not read yet (after: the rules judged the
 * others). */
static int add_facts(struct analysis *a, struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	c->duplicate_of = -1;
	if (r->flags & RECORD_BAD_HEADER)
		return 0;
	const struct field *due = model_field(m, r, KEY_DUE);
	int32_t due_day = due && due->date.status == DATE_OK ? due->date.day : FACT_NO_DATE;
	long idx = facts_add_promise(&a->facts, (const char *)m->buf + r->id.off, r->id.len, c->file,
				     r->line, due_day, r->status.kind, &c->duplicate_of);
	return idx < 0 ? -1 : collect_party_facts(a, c, (uint32_t)idx);
}

static int add_forward_refs(struct analysis *a, struct rule_ctx *c)
{
	const struct chunk_model *m = c->m;
	const struct record *r = c->r;
	for (int32_t i = r->first[KEY_IN_RETURN]; i >= 0 && (uint32_t)i < r->field_first + r->field_count; i++) {
		const struct field *f = &m->fields[i];
		if (f->key != KEY_IN_RETURN || !f->ref ||
		    facts_find(&a->facts, (const char *)m->buf + f->value.off, f->value.len) >= 0)
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

/* What a file's chunks pass on to the next: its first chunks may hold
 * nothing but what comes before its first promise, when that is long. */
struct file_state {
	uint32_t line;          /* the next chunk's first line */
	bool orphans_reported;  /* orphans_once() */
	bool top;               /* no record seen yet */
};

static enum analysis_error run_chunk(struct analysis *a, uint32_t file, const struct chunk *ch,
				     struct file_state *fs)
{
	struct chunk_model m;
	arena_reset(&a->chunk_arena);
	if (parse_chunk(&a->chunk_arena, ch->data, ch->len, fs->line, ch->first, &m))
		return ANALYSIS_NOMEM;
	orphans_once(&m, &fs->orphans_reported);
	fs->line += m.nlines;
	a->bytes += ch->len;
	a->records += m.nrecords;
	if (ch->first)
		a->file_language = FILELANG_NONE;
	if (fs->top && a->file_language == FILELANG_NONE)
		a->file_language = filelang_of_chunk(&m, true);

	struct rule_ctx c;
	init_ctx(a, &c, file);
	c.m = &m;
	c.file_top = fs->top;
	fs->top = fs->top && m.nrecords == 0;
	if (suppress_scan_chunk(&a->suppress, &c))
		return ANALYSIS_NOMEM;
	for (int k = 0; k < RULE_COUNT; k++)
		if (rule_table[k]->check_chunk && c.opt->severity[k] != SEV_OFF)
			rule_table[k]->check_chunk(&c);
	for (uint32_t i = 0; i < m.nrecords; i++) {
		c.r = &m.records[i];
		if (add_facts(a, &c))
			return ANALYSIS_NOMEM;
		for (int k = 0; k < RULE_COUNT; k++)
			if (rule_table[k]->check_record && c.opt->severity[k] != SEV_OFF)
				rule_table[k]->check_record(&c);
		if (a->scratch.failed)
			return ANALYSIS_NOMEM;
		arena_reset(&a->scratch);
		if (add_forward_refs(a, &c))
			return ANALYSIS_NOMEM;
		if (a->on_record && a->on_record(a->on_record_ctx, file, &m, c.r))
			return ANALYSIS_NOMEM;
	}
	if (a->failed)
		return ANALYSIS_NOMEM;
	return a->emit ? flush_pending(a) : ANALYSIS_OK;
}

static enum analysis_error run_reader(struct analysis *a, uint32_t file, struct reader *rd)
{
	struct file_state fs = { 1, false, true };
	enum analysis_error err = ANALYSIS_OK;
	for (;;) {
		struct chunk ch;
		enum reader_status st = reader_next(rd, &ch);
		if (st == READER_DONE)
			break;
		if (st == READER_ERROR) {
			err = ANALYSIS_IO;
			break;
		}
		if (st == READER_NOMEM) {
			err = ANALYSIS_NOMEM;
			break;
		}
		if (st == READER_TOO_BIG) {
			err = ANALYSIS_TOO_BIG;
			break;
		}
		err = run_chunk(a, file, &ch, &fs);
		if (err)
			break;
	}
	reader_release(rd);
	return err;
}

enum analysis_error analysis_add_fd(struct analysis *a, uint32_t file, int fd)
{
	struct stat st;
	bool sized = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
	/* Size the facts from the file: records are rarely under 150 bytes,
	 * so this rarely reserves too little and never much too much. */
	if (sized && facts_reserve(&a->facts, a->facts.npromises + (size_t)st.st_size / 150))
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
	struct rule_ctx c;
	init_ctx(a, &c, 0);
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
