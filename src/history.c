/* history.c — a walk over the commits between a base and HEAD, with
 * libgit2.
 *
 * For every commit in the range (oldest first, parents before children)
 * the *.promise files it changed against its first parent are read on both
 * sides, parsed with parse_chunk(), and compared promise by promise (by
 * ID, so a promise moved to another file or a renamed file is the same
 * promise). A due date that changes is a "move"; renegotiated entries that
 * appear are "credits"; a move is recorded when a credit pays for it, in
 * order, whether the entry came with the move or later in the range. A
 * promise present on the old side and on no new side was deleted by that
 * commit. The uncommitted changes of the linted paths are the last step,
 * read from the working tree. For a merge, a change that the merge simply
 * took from its other parent is not blamed on the merge: the commits of
 * that side report it themselves.
 *
 * Rejected: running `git log -p` and parsing its output (quoting, locale,
 * config and version differences; a second parser); reading every promise
 * file at the base (work proportional to the repository, not to the
 * change); `git blame` for first-commit dates (per line, not per ID). */
#include "history.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


#include "arena.h"
#include "buf.h"
#include "facts.h"
#include "fsio.h"
#include "gitlib.h"
#include "parse.h"
#include "rules.h"

enum { MAX_BLOB = 0x7ffffff0, NO_COMMIT = -1 };

/* What a comparison needs to know about one version of a promise. */
struct rec_state {
	int32_t due;              /* FACT_NO_DATE unless a valid date */
	uint32_t reneg;           /* renegotiated entries */
	enum status_kind status;
};

/* One promise on one side of a commit's change, while its blob lives. */
struct side_rec {
	struct rec_state st;
	const struct chunk_model *m;
	const struct record *r;
	const char *path;         /* repo-relative, in the commit arena */
};

/* The promises of one side (old, new, or a merge's other parent). The
 * facts' ID index finds a promise by ID; recs is parallel to it. */
struct side {
	struct facts ids;
	struct side_rec *recs;
	size_t cap;
};

/* A blob parsed for the new side of the last commit: the next commit's
 * old side is usually the same blob, and is not parsed again. */
struct parsed {
	git_oid oid;
	const struct chunk_model *m;
};

struct move {
	int32_t commit;           /* commit slot */
	int32_t from, to;
	int32_t next;             /* the promise's next move, or -1 */
};

/* One promise followed through the range. */
struct tracked {
	bool seen, at_base, base_open, present;
	enum status_kind last_status;
	int32_t deleted_in;       /* commit slot, or NO_COMMIT */
	uint32_t added;           /* renegotiated entries added */
	uint32_t nmoves;
	int32_t first_move, last_move;
	/* where it stood just before it was deleted */
	const char *path;
	uint32_t line;
	const char *header;
	uint32_t header_len, id_off;
};

struct commit_slot {
	git_oid oid;
	bool uncommitted;
	const char *short_id, *subject; /* filled when a finding needs them */
};

struct linted {
	uint32_t file;
	char *rel;                /* repo-relative; NULL: not in the repository */
	bool changed;             /* pull-request mode: changed since REF */
};

struct history {
	const struct allocator *alloc;
	struct history_options o;
	bool git_inited, failed, pr_mode, shallow;
	git_repository *repo;
	char *workdir;            /* real path, ends with '/' */
	char *cwd;                /* real path, ends with '/' */
	struct buf why;
	struct arena strings;     /* paths, headers, commit names */
	struct arena commit_ar;   /* blobs and models of one commit */
	struct arena prev_ar;     /* ... and of the commit before it */
	struct parsed *prev, *cur;/* new sides parsed, in prev_ar and commit_ar */
	size_t nprev, ncur, cap_cur;
	char **scope;             /* repo-relative prefixes; "" is everything */
	size_t nscope, cap_scope;
	struct linted *files;
	size_t nfiles, cap_files;
	/* the range */
	const char *base_short;   /* in strings; NULL when there is no base */
	struct commit_slot *commits;
	size_t ncommits, cap_commits;
	struct facts ids;         /* every promise seen in the range */
	struct tracked *tr;
	size_t cap_tr;
	struct move *moves;
	size_t nmoves, cap_moves;
	struct history_drop *drops;
	size_t ndrops;
	/* first-committed dates, read on demand */
	bool first_read;
	struct facts first;       /* due field = the day */
	/* pull-request mode */
	struct facts ref_ids;     /* promises of the changed files at REF */
	uint64_t *ref_hash;
	size_t cap_ref;
	struct facts changed_paths;
	struct facts changed_ids;
};

/* ---- small helpers ------------------------------------------------------ */

static int grow(const struct allocator *a, void *pp, size_t *cap, size_t need, size_t elem)
{
	void **p = pp;
	if (need <= *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	while (nc < need)
		nc *= 2;
	void *np = alloc_resize(a, *p, nc * elem);
	if (!np)
		return -1;
	*p = np;
	*cap = nc;
	return 0;
}

static char *dup_str(const struct allocator *a, const char *s)
{
	size_t n = strlen(s);
	char *c = alloc_mem(a, n + 1);
	if (c)
		memcpy(c, s, n + 1);
	return c;
}

static enum history_status set_why(struct history *h, enum history_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum history_status set_why(struct history *h, enum history_status st, const char *fmt, ...)
{
	va_list ap;
	buf_clear(&h->why);
	va_start(ap, fmt);
	int rc = buf_vprintf(&h->why, fmt, ap);
	va_end(ap);
	return rc ? HISTORY_NOMEM : st;
}

static const char *lib_why(void)
{
	const git_error *e = gitlib.git_error_last();
	return e && e->message ? e->message : "unknown error";
}

/* A libgit2 failure while reading. In a shallow clone it is a reason to
 * skip: libgit2 (1.5) does not stop at the clone's boundary, so a walk
 * that reaches it fails. Anything else is a read error. */
static enum history_status read_failed(struct history *h, int rc, const char *what)
{
	(void)rc;
	if (h->shallow)
		return set_why(h, HISTORY_SKIPPED,
			       "this shallow clone lacks the history they need (reading %s: %s); "
			       "fetch more (git fetch --deepen=N, or --unshallow)", what, lib_why());
	return set_why(h, HISTORY_ERROR, "cannot read %s from git history: %s", what, lib_why());
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n > m && !strcmp(s + n - m, suffix);
}

/* The files the lint walk would pick: *.promise, no hidden component. */
static bool promise_path(const char *p)
{
	if (!ends_with(p, ".promise"))
		return false;
	for (const char *c = p; *c; c++)
		if ((c == p || c[-1] == '/') && *c == '.')
			return false;
	return true;
}

static bool in_scope(const struct history *h, const char *p)
{
	for (size_t i = 0; i < h->nscope; i++) {
		size_t n = strlen(h->scope[i]);
		if (!n || (!strncmp(p, h->scope[i], n) && (p[n] == '\0' || p[n] == '/')))
			return true;
	}
	return false;
}

static bool is_open(enum status_kind k) { return k == STATUS_NONE || k == STATUS_OPEN; }

static uint64_t hash_bytes(uint64_t h, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

/* The record's text, line by line without line ends, so CRLF and LF
 * versions of the same record are the same record. */
static uint64_t record_hash(const struct chunk_model *m, const struct record *r)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (uint32_t l = r->line; l <= r->last_line; l++) {
		const struct line_info *li = model_line(m, l);
		h = hash_bytes(h, m->buf + li->start, li->end - li->start);
		h = hash_bytes(h, (const unsigned char *)"\n", 1);
	}
	return h;
}

static struct rec_state record_state(const struct chunk_model *m, const struct record *r)
{
	struct rec_state s;
	const struct field *due = model_field(m, r, KEY_DUE);
	s.due = due && due->date.status == DATE_OK ? due->date.day : FACT_NO_DATE;
	s.reneg = 0;
	for (uint32_t i = r->field_first; i < r->field_first + r->field_count; i++)
		s.reneg += m->fields[i].key == KEY_RENEGOTIATED;
	s.status = r->status.kind;
	return s;
}

/* A path relative to a directory (both real; dir ends with '/'). */
static int relative_to(struct buf *out, const char *dir, const char *abs)
{
	size_t common = 0;
	for (size_t i = 0; dir[i] && dir[i] == abs[i]; i++)
		if (dir[i] == '/')
			common = i + 1;
	for (const char *c = dir + common; *c; c++)
		if (*c == '/' && buf_adds(out, "../"))
			return -1;
	return buf_adds(out, abs + common);
}

/* ---- setup -------------------------------------------------------------- */

struct history *history_new(const struct history_options *o, const struct allocator *alloc)
{
	alloc = alloc ? alloc : alloc_default();
	struct history *h = alloc_mem(alloc, sizeof *h);
	if (!h)
		return NULL;
	memset(h, 0, sizeof *h);
	h->alloc = alloc;
	h->o = *o;
	buf_init(&h->why, alloc);
	arena_init(&h->strings, alloc);
	arena_init(&h->commit_ar, alloc);
	arena_init(&h->prev_ar, alloc);
	facts_init(&h->ids, alloc);
	facts_init(&h->first, alloc);
	facts_init(&h->ref_ids, alloc);
	facts_init(&h->changed_paths, alloc);
	facts_init(&h->changed_ids, alloc);
	return h;
}

void history_free(struct history *h)
{
	if (!h)
		return;
	const struct allocator *a = h->alloc;
	for (size_t i = 0; i < h->nscope; i++)
		alloc_free(a, h->scope[i]);
	alloc_free(a, h->scope);
	for (size_t i = 0; i < h->nfiles; i++)
		alloc_free(a, h->files[i].rel);
	alloc_free(a, h->files);
	alloc_free(a, h->commits);
	alloc_free(a, h->tr);
	alloc_free(a, h->moves);
	alloc_free(a, h->drops);
	alloc_free(a, h->ref_hash);
	alloc_free(a, h->workdir);
	alloc_free(a, h->cwd);
	facts_release(&h->ids);
	facts_release(&h->first);
	facts_release(&h->ref_ids);
	facts_release(&h->changed_paths);
	facts_release(&h->changed_ids);
	arena_release(&h->strings);
	arena_release(&h->commit_ar);
	arena_release(&h->prev_ar);
	buf_release(&h->why);
	if (h->repo)
		gitlib.git_repository_free(h->repo);
	if (h->git_inited)
		gitlib.git_libgit2_shutdown();
	alloc_free(a, h);
}

int history_add_scope(struct history *h, const char *path)
{
	if (grow(h->alloc, &h->scope, &h->cap_scope, h->nscope + 1, sizeof *h->scope))
		return -1;
	char *c = dup_str(h->alloc, path);
	if (!c)
		return -1;
	h->scope[h->nscope++] = c;
	return 0;
}

int history_note_file(struct history *h, uint32_t file, const char *path)
{
	if (grow(h->alloc, &h->files, &h->cap_files, h->nfiles + 1, sizeof *h->files))
		return -1;
	struct linted *l = &h->files[h->nfiles];
	l->file = file;
	l->changed = false;
	l->rel = strcmp(path, "-") ? dup_str(h->alloc, path) : NULL; /* made relative in read */
	if (strcmp(path, "-") && !l->rel)
		return -1;
	h->nfiles++;
	return 0;
}

const char *history_why(const struct history *h) { return buf_str(&h->why); }
bool history_failed(const struct history *h) { return h->failed; }
bool history_pr_mode(const struct history *h) { return h->pr_mode; }

/* The real path of `path` relative to the working directory, or NULL (in
 * *out) when it lies outside. -1 only when out of memory. */
static int repo_relative(struct history *h, const char *path, char **out)
{
	*out = NULL;
	char *real = realpath(path, NULL);
	if (!real)
		return 0;
	size_t wl = strlen(h->workdir), rl = strlen(real);
	int rc = 0;
	if (rl + 1 == wl && !strncmp(real, h->workdir, rl)) {
		*out = dup_str(h->alloc, "");
		rc = *out ? 0 : -1;
	} else if (rl >= wl && !strncmp(real, h->workdir, wl)) {
		*out = dup_str(h->alloc, real + wl);
		rc = *out ? 0 : -1;
	}
	free(real);
	return rc;
}

static char *real_dir(const struct allocator *a, const char *path)
{
	char *real = realpath(path, NULL);
	if (!real)
		return NULL;
	size_t n = strlen(real);
	char *c = alloc_mem(a, n + 2);
	if (c) {
		memcpy(c, real, n);
		c[n] = n && real[n - 1] == '/' ? '\0' : '/';
		c[n + 1] = '\0';
	}
	free(real);
	return c;
}

/* Whether dir[0..n) (a real path) is one of the colon-separated entries of
 * GIT_CEILING_DIRECTORIES, above which git does not look. */
static bool ceiling(const char *ceil, const char *dir, size_t n)
{
	while (ceil && *ceil) {
		const char *end = strchr(ceil, ':');
		size_t len = end ? (size_t)(end - ceil) : strlen(ceil);
		char entry[4096];
		if (len && len < sizeof entry) {
			memcpy(entry, ceil, len);
			entry[len] = '\0';
			char *real = realpath(entry, NULL);
			bool hit = real && strlen(real) == n && !strncmp(real, dir, n);
			free(real);
			if (hit)
				return true;
		}
		ceil = end ? end + 1 : NULL;
	}
	return false;
}

/* Whether git could find a repository from `dir`: GIT_DIR is set, or there
 * is a .git on the way up. A few stat() calls, so that outside any
 * repository libgit2 is never loaded. -1 when out of memory. */
static int maybe_repository(const struct allocator *a, const char *dir)
{
	const char *env = getenv("GIT_DIR");
	if (env && *env)
		return 1;
	char *real = realpath(dir, NULL);
	if (!real)
		return 1; /* let libgit2 say what is wrong */
	const char *ceil = getenv("GIT_CEILING_DIRECTORIES");
	struct buf p;
	buf_init(&p, a);
	int found = 0;
	for (size_t n = strlen(real);;) {
		struct stat sb;
		buf_clear(&p);
		if (buf_add(&p, real, n == 1 ? 0 : n) || buf_adds(&p, "/.git")) {
			found = -1;
			break;
		}
		if (stat(buf_str(&p), &sb) == 0) {
			found = 1;
			break;
		}
		if (n <= 1)
			break;
		while (n > 1 && real[n - 1] != '/')
			n--;
		if (n > 1)
			n--; /* the parent, without its trailing slash */
		if (ceiling(ceil, real, n))
			break;
	}
	buf_release(&p);
	free(real);
	return found;
}

/* Open the repository that holds the first scope path (a file's
 * directory). */
static enum history_status open_repo(struct history *h)
{
	const char *start = h->nscope ? h->scope[0] : "."; /* the caller adds one */
	struct buf dir;
	buf_init(&dir, h->alloc);
	struct stat sb;
	int rc;
	if (stat(start, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		rc = buf_adds(&dir, start);
	} else {
		const char *slash = strrchr(start, '/');
		rc = !slash ? buf_adds(&dir, ".") : slash == start ? buf_adds(&dir, "/")
								  : buf_add(&dir, start, (size_t)(slash - start));
	}
	int maybe = rc ? -1 : maybe_repository(h->alloc, buf_str(&dir));
	const char *why;
	if (maybe <= 0 || gitlib_load(&why)) {
		buf_release(&dir);
		return maybe < 0 ? HISTORY_NOMEM
		       : maybe == 0 ? set_why(h, HISTORY_SKIPPED, "'%s' is not inside a git repository", start)
				    : set_why(h, HISTORY_SKIPPED, "%s", why);
	}
	if (gitlib.git_libgit2_init() < 0) {
		buf_release(&dir);
		return set_why(h, HISTORY_ERROR, "cannot start libgit2: %s", lib_why());
	}
	h->git_inited = true;
	/* Objects are only read here, and every read blob would be hashed
	 * again to check it: a third of the time of a walk. */
	gitlib.git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	int err = gitlib.git_repository_open_ext(&h->repo, buf_str(&dir), GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
	enum history_status st = HISTORY_OK;
	if (err == GIT_ENOTFOUND)
		st = set_why(h, HISTORY_SKIPPED, "'%s' is not inside a git repository", start);
	else if (err)
		st = set_why(h, HISTORY_SKIPPED, "cannot open the git repository of '%s': %s", start, lib_why());
	else if (gitlib.git_repository_is_bare(h->repo))
		st = set_why(h, HISTORY_SKIPPED, "the repository of '%s' has no working tree", start);
	buf_release(&dir);
	return st;
}

/* Scope and linted files as repo-relative paths. */
static enum history_status relate_paths(struct history *h)
{
	h->workdir = real_dir(h->alloc, gitlib.git_repository_workdir(h->repo));
	h->cwd = real_dir(h->alloc, ".");
	if (!h->workdir || !h->cwd)
		return set_why(h, HISTORY_ERROR, "cannot resolve the working directory: %s", strerror(errno));
	size_t kept = 0;
	for (size_t i = 0; i < h->nscope; i++) {
		char *rel;
		if (repo_relative(h, h->scope[i], &rel))
			return HISTORY_NOMEM;
		alloc_free(h->alloc, h->scope[i]);
		if (rel)
			h->scope[kept++] = rel; /* paths outside the repository drop out */
	}
	h->nscope = kept;
	for (size_t i = 0; i < h->nfiles; i++) {
		if (!h->files[i].rel)
			continue;
		char *rel;
		if (repo_relative(h, h->files[i].rel, &rel))
			return HISTORY_NOMEM;
		alloc_free(h->alloc, h->files[i].rel);
		h->files[i].rel = rel;
	}
	if (!h->nscope)
		return set_why(h, HISTORY_SKIPPED, "no linted path is inside the git repository at '%s'",
			       h->workdir);
	return HISTORY_OK;
}

/* ---- reading and parsing one side ---------------------------------------- */

static void side_init(struct side *s, const struct allocator *a)
{
	memset(s, 0, sizeof *s);
	facts_init(&s->ids, a);
}

static void side_release(struct side *s, const struct allocator *a)
{
	facts_release(&s->ids);
	alloc_free(a, s->recs);
}

static const struct side_rec *side_find(const struct side *s, const char *id, size_t len)
{
	long i = facts_find(&s->ids, id, len);
	return i < 0 ? NULL : &s->recs[i];
}

static uint64_t rec_hash(const struct side_rec *s) { return record_hash(s->m, s->r); }

/* The promises of a parsed file into side `s`. */
static enum history_status add_records(struct history *h, struct side *s,
				       const struct chunk_model *m, const char *path)
{
	char *pcopy = arena_strndup(&h->commit_ar, path, strlen(path));
	if (!pcopy)
		return HISTORY_NOMEM;
	for (uint32_t i = 0; i < m->nrecords; i++) {
		const struct record *r = &m->records[i];
		if ((r->flags & RECORD_BAD_HEADER) || !r->id.len)
			continue;
		long k = facts_add_promise(&s->ids, (const char *)m->buf + r->id.off, r->id.len, 0,
					   r->line, FACT_NO_DATE, r->status.kind, NULL);
		if (k < 0 || grow(h->alloc, &s->recs, &s->cap, (size_t)k + 1, sizeof *s->recs))
			return HISTORY_NOMEM;
		s->recs[k].st = record_state(m, r);
		s->recs[k].m = m;
		s->recs[k].r = r;
		s->recs[k].path = pcopy;
	}
	return HISTORY_OK;
}

/* Parse a file's bytes (copied into the commit arena). */
static enum history_status parse_bytes(struct history *h, const char *path, const void *data,
				       size_t len, const struct chunk_model **out)
{
	if (len > MAX_BLOB)
		return set_why(h, HISTORY_ERROR, "'%s' in git history is larger than 2 GiB", path);
	unsigned char *copy = arena_alloc(&h->commit_ar, len + 1);
	struct chunk_model *m = arena_alloc(&h->commit_ar, sizeof *m);
	if (!copy || !m)
		return HISTORY_NOMEM;
	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	if (parse_chunk(&h->commit_ar, copy, (uint32_t)len, 1, true, m))
		return HISTORY_NOMEM;
	*out = m;
	return HISTORY_OK;
}

/* A blob into side `s`: parsed, or taken from the last commit's new side.
 * With `remember`, it is offered to the next commit in turn. */
static enum history_status parse_blob(struct history *h, struct side *s, const char *path,
				      const git_oid *id, bool remember)
{
	const struct chunk_model *m = NULL;
	for (size_t i = 0; i < h->nprev && !m; i++)
		if (gitlib.git_oid_equal(&h->prev[i].oid, id))
			m = h->prev[i].m;
	if (!m) {
		git_blob *blob;
		int rc = gitlib.git_blob_lookup(&blob, h->repo, id);
		if (rc)
			return read_failed(h, rc, path);
		enum history_status st = parse_bytes(h, path, gitlib.git_blob_rawcontent(blob),
						     (size_t)gitlib.git_blob_rawsize(blob), &m);
		gitlib.git_blob_free(blob);
		if (st)
			return st;
	}
	if (remember) {
		if (h->ncur == h->cap_cur) {
			size_t nc = h->cap_cur ? h->cap_cur * 2 : 8;
			struct parsed *np = arena_grow(&h->commit_ar, h->cur, sizeof *np, h->ncur, nc);
			if (!np)
				return HISTORY_NOMEM;
			h->cur = np;
			h->cap_cur = nc;
		}
		gitlib.git_oid_cpy(&h->cur[h->ncur].oid, id);
		h->cur[h->ncur++].m = m;
	}
	return add_records(h, s, m, path);
}

/* The commit is done: its memory becomes the previous commit's, and the
 * one before that is freed. `keep` false forgets both. */
static void next_commit(struct history *h, bool keep)
{
	arena_reset(&h->prev_ar);
	if (keep) {
		struct arena t = h->prev_ar;
		h->prev_ar = h->commit_ar;
		h->commit_ar = t;
		h->prev = h->cur;
		h->nprev = h->ncur;
	} else {
		arena_reset(&h->commit_ar);
		h->prev = NULL;
		h->nprev = 0;
	}
	h->cur = NULL;
	h->ncur = h->cap_cur = 0;
}

static enum history_status parse_workfile(struct history *h, struct side *s, const char *path)
{
	struct buf abs, data;
	buf_init(&abs, h->alloc);
	buf_init(&data, h->alloc);
	enum history_status st = HISTORY_OK;
	if (buf_adds(&abs, h->workdir) || buf_adds(&abs, path)) {
		st = HISTORY_NOMEM;
	} else if (fsio_read_file(buf_str(&abs), &data)) {
		if (errno == ENOMEM)
			st = HISTORY_NOMEM;
		else if (errno != ENOENT) /* gone since the diff: simply absent */
			st = set_why(h, HISTORY_ERROR, "cannot read '%s': %s", buf_str(&abs), strerror(errno));
	} else {
		const struct chunk_model *m;
		st = parse_bytes(h, path, data.data ? data.data : "", data.len, &m);
		if (!st)
			st = add_records(h, s, m, path);
	}
	buf_release(&abs);
	buf_release(&data);
	return st;
}

static bool blob_mode(uint16_t mode)
{
	return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

/* Both sides (and a merge's other parent) of every promise file a diff
 * touches. `other` is the tree of a merge's other parent, or NULL. */
static enum history_status read_sides(struct history *h, git_diff *diff, bool workdir,
				      git_tree *other, struct side *old, struct side *new,
				      struct side *oth)
{
	size_t n = gitlib.git_diff_num_deltas(diff);
	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *d = gitlib.git_diff_get_delta(diff, i);
		enum history_status st = HISTORY_OK;
		const char *op = d->old_file.path, *np = d->new_file.path;
		bool has_old = d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_UNTRACKED &&
			       blob_mode(d->old_file.mode);
		bool has_new = d->status != GIT_DELTA_DELETED && blob_mode(d->new_file.mode);
		if (has_old && promise_path(op))
			st = parse_blob(h, old, op, &d->old_file.id, false);
		if (!st && has_new && promise_path(np))
			st = workdir ? parse_workfile(h, new, np) : parse_blob(h, new, np, &d->new_file.id, true);
		if (!st && other && promise_path(np)) {
			git_tree_entry *e;
			if (gitlib.git_tree_entry_bypath(&e, other, np) == 0) {
				if (blob_mode((uint16_t)gitlib.git_tree_entry_filemode(e)))
					st = parse_blob(h, oth, np, gitlib.git_tree_entry_id(e), false);
				gitlib.git_tree_entry_free(e);
			}
		}
		if (st)
			return st;
	}
	return HISTORY_OK;
}

/* ---- following promises through the range ------------------------------- */

static struct tracked *track(struct history *h, const char *id, size_t len)
{
	long i = facts_find(&h->ids, id, len);
	if (i >= 0)
		return &h->tr[i];
	i = facts_add_promise(&h->ids, id, (uint32_t)len, 0, 0, FACT_NO_DATE, STATUS_NONE, NULL);
	if (i < 0 || grow(h->alloc, &h->tr, &h->cap_tr, (size_t)i + 1, sizeof *h->tr))
		return NULL;
	struct tracked *t = &h->tr[i];
	memset(t, 0, sizeof *t);
	t->deleted_in = NO_COMMIT;
	t->first_move = t->last_move = -1;
	return t;
}

static int add_move(struct history *h, struct tracked *t, int32_t slot, int32_t from, int32_t to)
{
	if (grow(h->alloc, &h->moves, &h->cap_moves, h->nmoves + 1, sizeof *h->moves))
		return -1;
	int32_t k = (int32_t)h->nmoves++;
	h->moves[k] = (struct move){ slot, from, to, -1 };
	if (t->last_move >= 0)
		h->moves[t->last_move].next = k;
	else
		t->first_move = k;
	t->last_move = k;
	t->nmoves++;
	return 0;
}

/* Remember where a promise stood before it was deleted. */
static int note_deleted(struct history *h, struct tracked *t, const struct side_rec *o, int32_t slot)
{
	const struct line_info *li = model_line(o->m, o->r->line);
	t->present = false;
	t->deleted_in = slot;
	t->last_status = o->st.status;
	t->path = arena_strndup(&h->strings, o->path, strlen(o->path));
	t->header = arena_strndup(&h->strings, (const char *)o->m->buf + li->start, li->end - li->start);
	t->header_len = li->end - li->start;
	t->id_off = o->r->id.off - li->start;
	t->line = o->r->line;
	return t->path && t->header ? 0 : -1;
}

static const char *rec_id(const struct side_rec *s, uint32_t *len)
{
	*len = s->r->id.len;
	return (const char *)s->m->buf + s->r->id.off;
}

/* Compare the sides of one commit (slot) promise by promise. */
static enum history_status compare_sides(struct history *h, int32_t slot, const struct side *old,
					 const struct side *new, const struct side *oth, bool merge)
{
	for (size_t i = 0; i < new->ids.npromises; i++) {
		const struct side_rec *n = &new->recs[i];
		uint32_t len;
		const char *id = rec_id(n, &len);
		const struct side_rec *o = side_find(old, id, len);
		struct tracked *t = track(h, id, len);
		if (!t)
			return HISTORY_NOMEM;
		if (!t->seen) {
			t->seen = true;
			t->at_base = o != NULL;
			t->base_open = o && is_open(o->st.status);
		}
		const struct side_rec *x = merge ? side_find(oth, id, len) : NULL;
		bool from_other = x && rec_hash(x) == rec_hash(n);
		if (o && !from_other) {
			if (o->st.due != FACT_NO_DATE && n->st.due != FACT_NO_DATE && o->st.due != n->st.due &&
			    add_move(h, t, slot, o->st.due, n->st.due))
				return HISTORY_NOMEM;
			if (n->st.reneg > o->st.reneg)
				t->added += n->st.reneg - o->st.reneg;
		}
		t->present = true;
		t->deleted_in = NO_COMMIT;
		t->last_status = n->st.status;
	}
	for (size_t i = 0; i < old->ids.npromises; i++) {
		const struct side_rec *o = &old->recs[i];
		uint32_t len;
		const char *id = rec_id(o, &len);
		if (side_find(new, id, len))
			continue;
		struct tracked *t = track(h, id, len);
		if (!t)
			return HISTORY_NOMEM;
		if (!t->seen) {
			t->seen = t->at_base = true;
			t->base_open = is_open(o->st.status);
		}
		/* A deletion the merge took from its other side was reported
		 * there, with the commit that made it. */
		if (merge && !side_find(oth, id, len) && !t->present && t->deleted_in != NO_COMMIT)
			continue;
		if (note_deleted(h, t, o, slot))
			return HISTORY_NOMEM;
	}
	return HISTORY_OK;
}

static enum history_status add_slot(struct history *h, const git_oid *oid, int32_t *slot)
{
	if (grow(h->alloc, &h->commits, &h->cap_commits, h->ncommits + 1, sizeof *h->commits))
		return HISTORY_NOMEM;
	struct commit_slot *c = &h->commits[h->ncommits];
	memset(c, 0, sizeof *c);
	if (oid)
		gitlib.git_oid_cpy(&c->oid, oid);
	else
		c->uncommitted = true;
	*slot = (int32_t)h->ncommits++;
	return HISTORY_OK;
}

static void diff_options(git_diff_options *o, git_strarray *spec, char **one)
{
	static char glob[] = "*.promise";
	gitlib.git_diff_options_init(o, GIT_DIFF_OPTIONS_VERSION);
	o->flags |= GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_SKIP_BINARY_CHECK;
	one[0] = glob;
	spec->strings = one;
	spec->count = 1;
	o->pathspec = *spec;
}

/* Compare two sides read from `diff`, then drop the commit's memory. */
static enum history_status run_diff(struct history *h, git_diff *diff, bool workdir, git_tree *other,
				    int32_t slot)
{
	struct side old, new, oth;
	side_init(&old, h->alloc);
	side_init(&new, h->alloc);
	side_init(&oth, h->alloc);
	enum history_status st = read_sides(h, diff, workdir, other, &old, &new, &oth);
	if (!st)
		st = compare_sides(h, slot, &old, &new, &oth, other != NULL);
	side_release(&old, h->alloc);
	side_release(&new, h->alloc);
	side_release(&oth, h->alloc);
	next_commit(h, true);
	return st;
}

static enum history_status walk_commit(struct history *h, const git_oid *oid)
{
	git_commit *c = NULL, *p = NULL, *q = NULL;
	git_tree *tree = NULL, *ptree = NULL, *qtree = NULL;
	git_diff *diff = NULL;
	enum history_status st = HISTORY_OK;
	int rc = gitlib.git_commit_lookup(&c, h->repo, oid);
	if (!rc)
		rc = gitlib.git_commit_tree(&tree, c);
	unsigned parents = rc ? 0 : gitlib.git_commit_parentcount(c);
	if (!rc && parents > 0 && !(rc = gitlib.git_commit_parent(&p, c, 0)))
		rc = gitlib.git_commit_tree(&ptree, p);
	if (!rc && parents > 1 && !(rc = gitlib.git_commit_parent(&q, c, 1)))
		rc = gitlib.git_commit_tree(&qtree, q);
	if (rc) {
		char hex[GIT_OID_HEXSZ + 1];
		gitlib.git_oid_tostr(hex, sizeof hex, oid);
		struct buf what;
		buf_init(&what, h->alloc);
		st = buf_printf(&what, "commit %.12s or its parents", hex) ? HISTORY_NOMEM
									    : read_failed(h, rc, buf_str(&what));
		buf_release(&what);
		goto out;
	}
	git_diff_options o;
	git_strarray spec;
	char *one[1];
	diff_options(&o, &spec, one);
	if ((rc = gitlib.git_diff_tree_to_tree(&diff, h->repo, ptree, tree, &o))) {
		st = read_failed(h, rc, "a commit's changes");
		goto out;
	}
	if (gitlib.git_diff_num_deltas(diff)) {
		int32_t slot;
		st = add_slot(h, oid, &slot);
		if (!st)
			st = run_diff(h, diff, false, qtree, slot);
	}
out:
	gitlib.git_diff_free(diff);
	gitlib.git_tree_free(tree);
	gitlib.git_tree_free(ptree);
	gitlib.git_tree_free(qtree);
	gitlib.git_commit_free(c);
	gitlib.git_commit_free(p);
	gitlib.git_commit_free(q);
	return st;
}

/* The changes not yet committed, within the linted paths. */
static enum history_status walk_worktree(struct history *h, git_tree *head)
{
	git_diff_options o;
	gitlib.git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION);
	o.flags |= GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_SKIP_BINARY_CHECK | GIT_DIFF_INCLUDE_UNTRACKED |
		   GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_DISABLE_PATHSPEC_MATCH;
	bool all = false;
	for (size_t i = 0; i < h->nscope; i++)
		all |= !h->scope[i][0];
	if (!all) {
		o.pathspec.strings = h->scope;
		o.pathspec.count = h->nscope;
	}
	git_diff *diff;
	int rc = gitlib.git_diff_tree_to_workdir_with_index(&diff, h->repo, head, &o);
	if (rc)
		return read_failed(h, rc, "the uncommitted changes");
	enum history_status st = HISTORY_OK;
	if (gitlib.git_diff_num_deltas(diff)) {
		int32_t slot;
		st = add_slot(h, NULL, &slot);
		if (!st)
			st = run_diff(h, diff, true, NULL, slot);
	}
	gitlib.git_diff_free(diff);
	return st;
}

/* ---- the base ------------------------------------------------------------ */

static enum history_status resolve(struct history *h, const char *ref, const char *opt, git_oid *out)
{
	git_object *obj = NULL, *peeled = NULL;
	int rc = gitlib.git_revparse_single(&obj, h->repo, ref);
	if (!rc)
		rc = gitlib.git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT);
	enum history_status st = HISTORY_OK;
	if (rc == GIT_ENOTFOUND && h->shallow)
		st = set_why(h, HISTORY_SKIPPED,
			     "%s '%s' is not in this shallow clone; fetch more history "
			     "(git fetch --deepen=N, or --unshallow)", opt, ref);
	else if (rc)
		st = set_why(h, HISTORY_BAD_REF, "%s '%s' names no commit in %s: %s", opt, ref, h->workdir,
			     lib_why());
	else
		gitlib.git_oid_cpy(out, gitlib.git_object_id(peeled));
	gitlib.git_object_free(obj);
	gitlib.git_object_free(peeled);
	return st;
}

/* The merge base of HEAD and `other` (itself when it is an ancestor). */
static enum history_status merge_base(struct history *h, const git_oid *head, const git_oid *other,
				      const char *what, git_oid *out)
{
	int rc = gitlib.git_merge_base(out, h->repo, head, other);
	if (rc == GIT_ENOTFOUND && !h->shallow) {
		gitlib.git_oid_cpy(out, other); /* unrelated histories: compare with it as it is */
		return HISTORY_OK;
	}
	return rc ? read_failed(h, rc, what) : HISTORY_OK;
}

/* --base REF, else the merge base with the remote's default branch, else
 * HEAD's first parent; *has_base is false when there is none (a root
 * commit): then every commit up to HEAD is in the range. */
static enum history_status find_base(struct history *h, const git_oid *head, git_oid *base,
				     bool *has_base)
{
	*has_base = true;
	const char *ref = h->o.base ? h->o.base : h->o.changed_since;
	if (ref) {
		git_oid r;
		enum history_status st = resolve(h, ref, h->o.base ? "--base" : "--changed-since", &r);
		return st ? st : merge_base(h, head, &r, "the merge base", base);
	}
	static const char *const remotes[] = { "refs/remotes/origin/HEAD", "refs/remotes/origin/main",
					       "refs/remotes/origin/master" };
	for (size_t i = 0; i < sizeof remotes / sizeof *remotes; i++) {
		git_oid r;
		if (gitlib.git_reference_name_to_id(&r, h->repo, remotes[i]) == 0)
			return merge_base(h, head, &r, "the merge base with the remote's default branch", base);
	}
	git_commit *c;
	int rc = gitlib.git_commit_lookup(&c, h->repo, head);
	if (rc)
		return read_failed(h, rc, "HEAD");
	if (gitlib.git_commit_parentcount(c) == 0)
		*has_base = false;
	else
		gitlib.git_oid_cpy(base, gitlib.git_commit_parent_id(c, 0));
	gitlib.git_commit_free(c);
	if (*has_base && h->shallow) {
		git_commit *p;
		if ((rc = gitlib.git_commit_lookup(&p, h->repo, base)))
			return read_failed(h, rc, "HEAD's parent");
		gitlib.git_commit_free(p);
	}
	return HISTORY_OK;
}

static enum history_status short_name(struct history *h, const git_oid *oid, const char **out,
				      const char **subject)
{
	git_commit *c;
	int rc = gitlib.git_commit_lookup(&c, h->repo, oid);
	if (rc)
		return read_failed(h, rc, "a commit");
	git_buf b = { 0 };
	enum history_status st = HISTORY_OK;
	if ((rc = gitlib.git_object_short_id(&b, (const git_object *)c))) {
		st = read_failed(h, rc, "a commit's name");
	} else {
		*out = arena_strndup(&h->strings, b.ptr, b.size);
		if (subject) {
			const char *s = gitlib.git_commit_summary(c);
			*subject = arena_strndup(&h->strings, s ? s : "", s ? strlen(s) : 0);
			if (!*subject)
				st = HISTORY_NOMEM;
		}
		if (!*out)
			st = HISTORY_NOMEM;
	}
	gitlib.git_buf_dispose(&b);
	gitlib.git_commit_free(c);
	return st;
}

static enum history_status name_slot(struct history *h, int32_t slot)
{
	struct commit_slot *c = &h->commits[slot];
	if (c->uncommitted || c->short_id)
		return HISTORY_OK;
	return short_name(h, &c->oid, &c->short_id, &c->subject);
}

/* Name the commits findings refer to, and list the dropped promises. */
static enum history_status finish_range(struct history *h)
{
	size_t n = 0;
	for (size_t i = 0; i < h->ids.npromises; i++) {
		const struct tracked *t = &h->tr[i];
		n += t->at_base && t->base_open && !t->present && t->deleted_in != NO_COMMIT &&
		     is_open(t->last_status) && in_scope(h, t->path);
	}
	if (n && !(h->drops = alloc_mem(h->alloc, n * sizeof *h->drops)))
		return HISTORY_NOMEM;
	for (size_t i = 0; i < h->ids.npromises; i++) {
		struct tracked *t = &h->tr[i];
		for (int32_t m = t->first_move; m >= 0; m = h->moves[m].next) {
			enum history_status st = name_slot(h, h->moves[m].commit);
			if (st)
				return st;
		}
		if (!(t->at_base && t->base_open && !t->present && t->deleted_in != NO_COMMIT &&
		      is_open(t->last_status) && in_scope(h, t->path)))
			continue;
		enum history_status st = name_slot(h, t->deleted_in);
		if (st)
			return st;
		const struct commit_slot *c = &h->commits[t->deleted_in];
		struct history_drop *d = &h->drops[h->ndrops++];
		d->id = facts_id(&h->ids, &h->ids.promises[i]); /* no ID is added after this */
		d->path = t->path;
		d->base = h->base_short;
		d->commit = c->uncommitted ? NULL : c->short_id;
		d->subject = c->uncommitted ? NULL : c->subject;
		d->file = UINT32_MAX;
		d->line = t->line;
		d->header = t->header;
		d->header_len = t->header_len;
		d->id_off = t->id_off;
	}
	return HISTORY_OK;
}

static enum history_status walk_range(struct history *h, const git_oid *head, const git_oid *base,
				      bool has_base)
{
	git_revwalk *w;
	int rc = gitlib.git_revwalk_new(&w, h->repo);
	if (rc)
		return read_failed(h, rc, "history");
	gitlib.git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	if (has_base && gitlib.git_oid_equal(head, base)) {
		gitlib.git_revwalk_free(w);
		return HISTORY_OK; /* nothing committed since the base */
	}
	rc = gitlib.git_revwalk_push(w, head);
	if (!rc && has_base)
		rc = gitlib.git_revwalk_hide(w, base);
	enum history_status st = rc ? read_failed(h, rc, "the commits since the base") : HISTORY_OK;
	git_oid oid;
	while (!st && (rc = gitlib.git_revwalk_next(&oid, w)) == 0)
		st = walk_commit(h, &oid);
	if (!st && rc != GIT_ITEROVER)
		st = read_failed(h, rc, "the commits since the base");
	gitlib.git_revwalk_free(w);
	return st;
}

/* ---- pull-request mode --------------------------------------------------- */

static enum history_status read_changed_since(struct history *h, const git_oid *head)
{
	git_oid ref, mb;
	enum history_status st = resolve(h, h->o.changed_since, "--changed-since", &ref);
	if (!st)
		st = merge_base(h, head, &ref, "the merge base with --changed-since", &mb);
	if (st)
		return st;
	git_commit *c;
	git_tree *tree = NULL;
	int rc = gitlib.git_commit_lookup(&c, h->repo, &mb);
	if (!rc) {
		rc = gitlib.git_commit_tree(&tree, c);
		gitlib.git_commit_free(c);
	}
	if (rc)
		return read_failed(h, rc, "--changed-since's commit");
	git_diff_options o;
	gitlib.git_diff_options_init(&o, GIT_DIFF_OPTIONS_VERSION);
	o.flags |= GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_SKIP_BINARY_CHECK | GIT_DIFF_INCLUDE_UNTRACKED |
		   GIT_DIFF_RECURSE_UNTRACKED_DIRS;
	git_diff *diff;
	rc = gitlib.git_diff_tree_to_workdir_with_index(&diff, h->repo, tree, &o);
	gitlib.git_tree_free(tree);
	if (rc)
		return read_failed(h, rc, "the changes since --changed-since");
	struct side old;
	side_init(&old, h->alloc);
	size_t n = gitlib.git_diff_num_deltas(diff);
	for (size_t i = 0; i < n && !st; i++) {
		const git_diff_delta *d = gitlib.git_diff_get_delta(diff, i);
		if (d->status != GIT_DELTA_DELETED && promise_path(d->new_file.path) &&
		    facts_add_promise(&h->changed_paths, d->new_file.path, (uint32_t)strlen(d->new_file.path),
				      0, 0, FACT_NO_DATE, STATUS_NONE, NULL) < 0)
			st = HISTORY_NOMEM;
		if (!st && d->status != GIT_DELTA_ADDED && d->status != GIT_DELTA_UNTRACKED &&
		    blob_mode(d->old_file.mode) && promise_path(d->old_file.path))
			st = parse_blob(h, &old, d->old_file.path, &d->old_file.id, false);
	}
	/* Keep only IDs and hashes: the blobs go with the commit arena. */
	for (size_t i = 0; i < old.ids.npromises && !st; i++) {
		uint32_t len;
		const char *id = rec_id(&old.recs[i], &len);
		long k = facts_add_promise(&h->ref_ids, id, len, 0, 0, FACT_NO_DATE, STATUS_NONE, NULL);
		if (k < 0 || grow(h->alloc, &h->ref_hash, &h->cap_ref, (size_t)k + 1, sizeof *h->ref_hash))
			st = HISTORY_NOMEM;
		else
			h->ref_hash[k] = rec_hash(&old.recs[i]);
	}
	side_release(&old, h->alloc);
	next_commit(h, false);
	gitlib.git_diff_free(diff);
	for (size_t i = 0; i < h->nfiles && !st; i++) {
		const char *rel = h->files[i].rel;
		h->files[i].changed = !rel || facts_find(&h->changed_paths, rel, strlen(rel)) >= 0;
	}
	if (!st)
		h->pr_mode = true;
	return st;
}

/* ---- history_read ---------------------------------------------------------- */

enum history_status history_read(struct history *h)
{
	enum history_status st = open_repo(h);
	if (st)
		return st;
	h->shallow = gitlib.git_repository_is_shallow(h->repo) == 1;
	if ((st = relate_paths(h)))
		return st;
	int unborn = gitlib.git_repository_head_unborn(h->repo);
	if (unborn == 1)
		return set_why(h, HISTORY_SKIPPED, "the repository at '%s' has no commits yet", h->workdir);
	git_oid head;
	int rc = gitlib.git_reference_name_to_id(&head, h->repo, "HEAD");
	if (rc)
		return read_failed(h, rc, "HEAD");

	if (h->o.moves || h->o.drops) {
		git_oid base;
		bool has_base;
		if ((st = find_base(h, &head, &base, &has_base)))
			return st;
		if (has_base && (st = short_name(h, &base, &h->base_short, NULL)))
			return st;
		if ((st = walk_range(h, &head, &base, has_base)))
			return st;
		git_commit *c;
		git_tree *tree = NULL;
		if (!(rc = gitlib.git_commit_lookup(&c, h->repo, &head))) {
			rc = gitlib.git_commit_tree(&tree, c);
			gitlib.git_commit_free(c);
		}
		if (rc)
			return read_failed(h, rc, "HEAD's tree");
		st = walk_worktree(h, tree);
		gitlib.git_tree_free(tree);
		if (st || (st = finish_range(h)))
			return st;
	}
	if (h->o.changed_since)
		st = read_changed_since(h, &head);
	return st;
}

/* ---- queries --------------------------------------------------------------- */

bool history_moved_due(const struct history *h, const char *id, size_t len, struct history_move *out)
{
	long i = facts_find(&h->ids, id, len);
	if (i < 0)
		return false;
	const struct tracked *t = &h->tr[i];
	if (t->nmoves <= t->added)
		return false;
	int32_t m = t->first_move;
	for (uint32_t k = 0; k < t->added; k++)
		m = h->moves[m].next;
	const struct commit_slot *c = &h->commits[h->moves[m].commit];
	out->from = h->moves[m].from;
	out->to = h->moves[m].to;
	out->commit = c->uncommitted ? NULL : c->short_id;
	out->subject = c->uncommitted ? NULL : c->subject;
	out->later = t->nmoves - t->added - 1;
	return true;
}

size_t history_drop_count(const struct history *h) { return h->ndrops; }

const struct history_drop *history_drop_at(const struct history *h, size_t i)
{
	return &h->drops[i];
}

int history_bind_names(struct history *h, struct analysis *a)
{
	for (size_t i = 0; i < h->ndrops; i++) {
		struct history_drop *d = &h->drops[i];
		const char *path = d->path;
		for (size_t f = 0; f < h->nfiles; f++)
			if (h->files[f].rel && !strcmp(h->files[f].rel, path))
				d->file = h->files[f].file;
		if (d->file != UINT32_MAX)
			continue;
		struct buf abs, rel;
		buf_init(&abs, h->alloc);
		buf_init(&rel, h->alloc);
		long k = -1;
		if (!buf_adds(&abs, h->workdir) && !buf_adds(&abs, path) &&
		    !relative_to(&rel, h->cwd, buf_str(&abs)))
			k = analysis_add_name(a, buf_str(&rel));
		buf_release(&abs);
		buf_release(&rel);
		if (k < 0)
			return -1;
		d->file = (uint32_t)k;
	}
	return 0;
}

/* The first commit of every ID: oldest commits first, so the first time an
 * ID shows on a new side is the commit that brought it. */
static enum history_status read_first(struct history *h)
{
	git_oid head;
	git_revwalk *w;
	int rc = gitlib.git_reference_name_to_id(&head, h->repo, "HEAD");
	if (rc)
		return read_failed(h, rc, "HEAD");
	if ((rc = gitlib.git_revwalk_new(&w, h->repo)))
		return read_failed(h, rc, "history");
	gitlib.git_revwalk_sorting(w, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
	enum history_status st = HISTORY_OK;
	if ((rc = gitlib.git_revwalk_push(w, &head)))
		st = read_failed(h, rc, "history");
	git_oid oid;
	while (!st && (rc = gitlib.git_revwalk_next(&oid, w)) == 0) {
		git_commit *c = NULL, *p = NULL;
		git_tree *tree = NULL, *ptree = NULL;
		git_diff *diff = NULL;
		if (!(rc = gitlib.git_commit_lookup(&c, h->repo, &oid)) && !(rc = gitlib.git_commit_tree(&tree, c)) &&
		    gitlib.git_commit_parentcount(c) > 0 && !(rc = gitlib.git_commit_parent(&p, c, 0)))
			rc = gitlib.git_commit_tree(&ptree, p);
		git_diff_options o;
		git_strarray spec;
		char *one[1];
		diff_options(&o, &spec, one);
		if (!rc)
			rc = gitlib.git_diff_tree_to_tree(&diff, h->repo, ptree, tree, &o);
		if (rc)
			st = read_failed(h, rc, "history");
		struct side new;
		side_init(&new, h->alloc);
		size_t n = diff ? gitlib.git_diff_num_deltas(diff) : 0;
		for (size_t i = 0; i < n && !st; i++) {
			const git_diff_delta *d = gitlib.git_diff_get_delta(diff, i);
			if (d->status != GIT_DELTA_DELETED && blob_mode(d->new_file.mode) &&
			    promise_path(d->new_file.path))
				st = parse_blob(h, &new, d->new_file.path, &d->new_file.id, false);
		}
		if (!st && n) {
			const git_signature *a = gitlib.git_commit_author(c);
			int64_t secs = (int64_t)a->when.time + (int64_t)a->when.offset * 60;
			int32_t day = (int32_t)(secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400));
			for (size_t i = 0; i < new.ids.npromises && !st; i++) {
				uint32_t len;
				const char *id = rec_id(&new.recs[i], &len);
				if (facts_find(&h->first, id, len) < 0 &&
				    facts_add_promise(&h->first, id, len, 0, 0, day, STATUS_NONE, NULL) < 0)
					st = HISTORY_NOMEM;
			}
		}
		side_release(&new, h->alloc);
		next_commit(h, false);
		gitlib.git_diff_free(diff);
		gitlib.git_tree_free(tree);
		gitlib.git_tree_free(ptree);
		gitlib.git_commit_free(c);
		gitlib.git_commit_free(p);
	}
	if (!st && rc != GIT_ITEROVER)
		st = read_failed(h, rc, "history");
	gitlib.git_revwalk_free(w);
	return st;
}

bool history_first_committed(struct history *h, const char *id, size_t len, int32_t *day)
{
	if (!h->repo || h->shallow || h->failed || !h->o.first_committed)
		return false;
	if (!h->first_read) {
		h->first_read = true;
		enum history_status st = read_first(h);
		if (st == HISTORY_NOMEM)
			set_why(h, HISTORY_ERROR, "out of memory");
		if (st) {
			h->failed = true;
			return false;
		}
	}
	long i = facts_find(&h->first, id, len);
	if (i < 0)
		return false;
	*day = h->first.promises[i].due;
	return true;
}

const char *history_made_hint(struct history *h, const struct chunk_model *m,
			      const struct record *r, const char *fallback, char *out, size_t size)
{
	const struct field *f = model_field(m, r, KEY_MADE);
	int32_t day;
	if (!h || !r->id.len || (f && (f->value.len || f->cont_count)) ||
	    !history_first_committed(h, (const char *)m->buf + r->id.off, r->id.len, &day))
		return fallback;
	char d[11];
	date_format(day, d);
	snprintf(out, size, "add `made: YYYY-MM-DD`, the day the promise was made; it was first "
		 "committed on %s (`made: %s` if it was made that day)", d, d);
	return out;
}

/* A linted file's entry: files are noted in index order, so this is
 * usually a direct hit. */
static const struct linted *linted_file(const struct history *h, uint32_t file)
{
	if (file < h->nfiles && h->files[file].file == file)
		return &h->files[file];
	for (size_t i = 0; i < h->nfiles; i++)
		if (h->files[i].file == file)
			return &h->files[i];
	return NULL;
}

int history_on_record(void *ctx, uint32_t file, const struct chunk_model *m, const struct record *r)
{
	struct history *h = ctx;
	const struct linted *l = linted_file(h, file);
	if (!h->pr_mode || !r->id.len || (r->flags & RECORD_BAD_HEADER) || (l && !l->changed))
		return 0;
	const char *id = (const char *)m->buf + r->id.off;
	long k = facts_find(&h->ref_ids, id, r->id.len);
	if (k >= 0 && h->ref_hash[k] == record_hash(m, r))
		return 0;
	if (facts_find(&h->changed_ids, id, r->id.len) >= 0)
		return 0;
	return facts_add_promise(&h->changed_ids, id, r->id.len, file, r->line, FACT_NO_DATE,
				 STATUS_NONE, NULL) < 0;
}

static bool file_changed(const struct history *h, uint32_t file)
{
	const struct linted *l = linted_file(h, file);
	return !l || l->changed; /* not linted: a dropped promise's old place */
}

bool history_keeps(const struct history *h, const struct diag *d)
{
	if (!h->pr_mode || d->rule == RULE_DROPPED_PROMISE)
		return true;
	if (!file_changed(h, d->file))
		return false;
	return rule_table[d->rule]->step == 0 || !d->promise ||
	       facts_find(&h->changed_ids, d->promise, strlen(d->promise)) >= 0;
}

void history_keep_changed(const struct history *h, struct diag_list *l)
{
	if (!h->pr_mode)
		return;
	size_t kept = 0;
	for (size_t i = 0; i < l->len; i++)
		if (history_keeps(h, &l->items[i]))
			l->items[kept++] = l->items[i];
	l->len = kept;
}
