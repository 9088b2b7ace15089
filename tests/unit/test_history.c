/* test_history.c — the history module against a real repository, built
 * once per run with the git command line in a temporary directory:
 * moves and their renegotiations, drops, first-commit dates, pull-request
 * mode's filter, a directory outside any repository, and every allocation
 * failing in turn. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "history.h"

static char dir[256];   /* the temporary directory; the repository is dir/repo */
static char repo[300];

static void sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	if (system(cmd) != 0) {
		fprintf(stderr, "failed: %s\n", cmd);
		fail();
	}
}

static void put(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", repo, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Commit everything on `day` with `message`. */
static void commit(const char *day, const char *message)
{
	sh("cd '%s' && git add -A && GIT_AUTHOR_DATE='%sT12:00:00+02:00' "
	   "GIT_COMMITTER_DATE='%sT12:00:00+02:00' git commit -q -m '%s'",
	   repo, day, day, message);
}

#define REC(id, due, extra) \
	"promise " id ": Replace the pump seals at the Delft site\n" \
	"  by:        Sara Lind\n" \
	"  due:       " due "\n" extra "\n"

static int make_repo(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/promise-history-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(repo, sizeof repo, "%s/repo", dir);
	char home[300];
	snprintf(home, sizeof home, "%s/home", dir);
	mkdir(home, 0700);
	setenv("HOME", home, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("GIT_CEILING_DIRECTORIES", dir, 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	sh("git init -q -b main '%s' && cd '%s' && git config user.name 'Sara Lind' && "
	   "git config user.email sara@example.se", repo, repo);
	put("acme.promise", REC("H-1", "2026-12-01", "") REC("H-2", "2026-12-02", "")
			    REC("H-3", "2026-12-03", "") REC("H-4", "2026-12-04", ""));
	commit("2026-09-01", "Record");
	put("acme.promise", REC("H-1", "2026-12-11", "")
			    REC("H-2", "2026-12-12", "  renegotiated: 2026-09-02 agreed by Tom\n")
			    REC("H-3", "2026-12-03", "  status: kept 2026-09-02\n") REC("H-4", "2026-12-04", ""));
	commit("2026-09-02", "Move two dates");
	put("acme.promise", REC("H-1", "2026-12-11", "") REC("H-2", "2026-12-12",
			    "  renegotiated: 2026-09-02 agreed by Tom\n"));
	commit("2026-09-03", "Tidy up");
	return 0;
}

static int remove_repo(void **state)
{
	(void)state;
	sh("rm -rf '%s'", dir);
	return 0;
}

static struct history *read_history(const char *base, const char *changed_since,
				     const struct allocator *alloc, enum history_status *st)
{
	struct history_options o = { base, changed_since, true, true, true };
	struct history *h = history_new(&o, alloc);
	if (!h)
		return NULL;
	char file[400];
	snprintf(file, sizeof file, "%s/acme.promise", repo);
	if (history_add_scope(h, repo) || history_note_file(h, 0, file)) {
		*st = HISTORY_NOMEM;
		return h;
	}
	*st = history_read(h);
	return h;
}

static void moves_and_renegotiations(void **state)
{
	(void)state;
	enum history_status st;
	struct history *h = read_history("HEAD~2", NULL, NULL, &st);
	assert_int_equal(st, HISTORY_OK);
	struct history_move mv;
	assert_true(history_moved_due(h, "H-1", 3, &mv));
	char from[11], to[11];
	date_format(mv.from, from);
	date_format(mv.to, to);
	assert_string_equal(from, "2026-12-01");
	assert_string_equal(to, "2026-12-11");
	assert_non_null(mv.commit);
	assert_string_equal(mv.subject, "Move two dates");
	assert_int_equal(mv.later, 0);
	assert_false(history_moved_due(h, "H-2", 3, &mv)); /* renegotiated */
	assert_false(history_moved_due(h, "H-4", 3, &mv)); /* never moved */
	assert_false(history_moved_due(h, "nope", 4, &mv));
	history_free(h);
}

static void drops_open_not_kept(void **state)
{
	(void)state;
	enum history_status st;
	struct history *h = read_history("HEAD~2", NULL, NULL, &st);
	assert_int_equal(st, HISTORY_OK);
	assert_int_equal(history_drop_count(h), 1); /* H-4; H-3 was kept first */
	const struct history_drop *d = history_drop_at(h, 0);
	assert_string_equal(d->id, "H-4");
	assert_string_equal(d->path, "acme.promise");
	assert_string_equal(d->subject, "Tidy up");
	assert_int_equal(d->line, 15);
	assert_int_equal(d->id_off, 8);
	assert_memory_equal(d->header, "promise H-4: Replace", 20);
	/* The file is linted as file 0: the drop points there. */
	struct lint_options opt;
	lint_options_init(&opt, 0);
	struct analysis a;
	analysis_init(&a, &opt, NULL);
	assert_int_equal(analysis_add_name(&a, "acme.promise"), 0);
	assert_int_equal(history_bind_names(h, &a), 0);
	assert_int_equal(d->file, 0);
	assert_int_equal(a.nfiles, 1);
	analysis_release(&a);
	history_free(h);
	/* From the commit after the drop on, there is nothing to report. */
	h = read_history("HEAD", NULL, NULL, &st);
	assert_int_equal(st, HISTORY_OK);
	assert_int_equal(history_drop_count(h), 0);
	history_free(h);
}

static void first_committed_dates(void **state)
{
	(void)state;
	enum history_status st;
	struct history *h = read_history("HEAD", NULL, NULL, &st);
	assert_int_equal(st, HISTORY_OK);
	int32_t day;
	char d[11];
	assert_true(history_first_committed(h, "H-2", 3, &day));
	date_format(day, d);
	assert_string_equal(d, "2026-09-01");
	assert_false(history_first_committed(h, "H-9", 3, &day));
	assert_false(history_failed(h));
	history_free(h);
}

/* Lint `text` as acme.promise in pull-request mode and keep what the
 * filter keeps. */
static void pr_lint(struct history *h, const char *text, struct analysis *a, struct lint_options *opt)
{
	int32_t today;
	date_parse_iso("2026-11-23", &today);
	lint_options_init(opt, today);
	opt->history = h;
	analysis_init(a, opt, NULL);
	a->on_record = history_on_record;
	a->on_record_ctx = h;
	assert_int_equal(analysis_add_name(a, "acme.promise"), 0);
	assert_int_equal(analysis_add_buffer(a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(history_bind_names(h, a), 0);
	assert_int_equal(analysis_finish(a), ANALYSIS_OK);
	history_keep_changed(h, &a->diags);
}

static void pr_mode_keeps_changed_promises(void **state)
{
	(void)state;
	/* Change H-2 in the working tree, and write H-1 with CRLF line ends:
	 * a different line end is not a different promise. */
	const char *now = REC("H-1", "2026-12-11", "") REC("H-2", "2026-12-22",
			  "  renegotiated: 2026-09-02 agreed by Tom\n");
	char crlf[1024];
	size_t n = 0;
	for (const char *p = now; *p && n < sizeof crlf - 2; p++) {
		if (*p == '\n' && p < strstr(now, "promise H-2"))
			crlf[n++] = '\r';
		crlf[n++] = *p;
	}
	crlf[n] = '\0';
	put("acme.promise", crlf);
	enum history_status st;
	struct history *h = read_history(NULL, "HEAD", NULL, &st);
	assert_int_equal(st, HISTORY_OK);
	assert_true(history_pr_mode(h));
	struct analysis a;
	struct lint_options opt;
	pr_lint(h, crlf, &a, &opt);
	size_t h1 = 0, h2 = 0, moved = 0;
	for (size_t i = 0; i < a.diags.len; i++) {
		const struct diag *d = &a.diags.items[i];
		h1 += d->promise && !strcmp(d->promise, "H-1");
		h2 += d->promise && !strcmp(d->promise, "H-2");
		moved += d->rule == RULE_MOVED_DUE;
	}
	assert_int_equal(h1, 0);   /* unchanged but for its line ends */
	assert_true(h2 > 0);       /* changed in the working tree */
	assert_int_equal(moved, 1); /* H-2's uncommitted move */
	analysis_release(&a);
	history_free(h);
	sh("cd '%s' && git checkout -q acme.promise", repo);
}

static void outside_a_repository(void **state)
{
	(void)state;
	struct history_options o = { NULL, NULL, true, true, true };
	struct history *h = history_new(&o, NULL);
	assert_non_null(h);
	assert_int_equal(history_add_scope(h, dir), 0);
	assert_int_equal(history_read(h), HISTORY_SKIPPED);
	assert_non_null(strstr(history_why(h), "not inside a git repository"));
	struct history_move mv;
	assert_false(history_moved_due(h, "H-1", 3, &mv));
	assert_int_equal(history_drop_count(h), 0);
	history_free(h);
}

static void unknown_base_is_a_bad_ref(void **state)
{
	(void)state;
	enum history_status st;
	struct history *h = read_history("no-such-ref", NULL, NULL, &st);
	assert_int_equal(st, HISTORY_BAD_REF);
	assert_non_null(strstr(history_why(h), "no-such-ref"));
	history_free(h);
}

/* Every allocation of ours fails in turn: each run ends in NOMEM (or a
 * result) and frees everything it took. */
static void allocation_failures(void **state)
{
	(void)state;
	for (unsigned long n = 1; n < 100000; n++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, n);
		enum history_status st = HISTORY_NOMEM;
		struct history *h = read_history("HEAD~2", NULL, &f.base, &st);
		int32_t day;
		if (h && st == HISTORY_OK)
			(void)history_first_committed(h, "H-1", 3, &day);
		bool done = h && st == HISTORY_OK && !history_failed(h);
		if (h && !done)
			assert_true(st == HISTORY_NOMEM || history_failed(h));
		history_free(h);
		assert_int_equal(f.live, 0);
		if (done) {
			assert_true(n > 5);
			return;
		}
	}
	fail();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(moves_and_renegotiations),
		cmocka_unit_test(drops_open_not_kept),
		cmocka_unit_test(first_committed_dates),
		cmocka_unit_test(pr_mode_keeps_changed_promises),
		cmocka_unit_test(outside_a_repository),
		cmocka_unit_test(unknown_base_is_a_bad_ref),
		cmocka_unit_test(allocation_failures),
	};
	return cmocka_run_group_tests(tests, make_repo, remove_repo);
}
