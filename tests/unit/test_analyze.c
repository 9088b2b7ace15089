/* test_analyze.c — the pipeline as a whole: the same findings whatever the
 * chunk size, and every allocation failure ends cleanly (no crash, no
 * leak, an error value). */
#include "harness.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "fsio.h"
#include "walk.h"

static char *slurp_samples(size_t *len)
{
	struct path_list paths;
	path_list_init(&paths, NULL);
	assert_int_equal(walk_add(&paths, "samples", NULL, NULL), 0);
	struct buf all;
	buf_init(&all, NULL);
	for (size_t i = 0; i < paths.len; i++) {
		assert_int_equal(fsio_read_file(paths.items[i], &all), 0);
		buf_adds(&all, "\n");
	}
	path_list_release(&paths);
	*len = all.len;
	return all.data;
}

static void report_of(struct lint_result *r, struct buf *out)
{
	for (size_t i = 0; i < r->a.diags.len; i++) {
		const struct diag *d = &r->a.diags.items[i];
		buf_printf(out, "%u:%u-%u:%u %s %s\n", d->line, d->column, d->end_line, d->end_column,
			   rule_table[d->rule]->name, d->message);
	}
}

static void chunk_size_never_matters(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp_samples(&len);
	struct lint_result r;
	struct buf want, got;
	buf_init(&want, NULL);
	lint_text_opt(&r, text, "2026-11-23", 0);
	report_of(&r, &want);
	size_t n = r.a.diags.len;
	lint_done(&r);
	assert_true(n > 40);
	static const uint32_t sizes[] = { 16, 17, 31, 64, 100, 257, 1000, 4096 };
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		buf_init(&got, NULL);
		lint_text_opt(&r, text, "2026-11-23", sizes[i]);
		report_of(&r, &got);
		lint_done(&r);
		if (strcmp(buf_str(&want), buf_str(&got)))
			fprintf(stderr, "chunk size %u differs\n", sizes[i]);
		assert_string_equal(buf_str(&want), buf_str(&got));
		buf_release(&got);
	}
	buf_release(&want);
	free(text);
}

/* Every finding carries the lengths of its strings (the renderers take
 * them as they are), in every chunk size: whether held with its chunk,
 * copied into the list or made across promises. */
static void findings_carry_their_lengths(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp_samples(&len);
	static const uint32_t sizes[] = { 0, 64, 4096 };
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		struct lint_result r;
		lint_text_opt(&r, text, "2026-11-23", sizes[k]);
		assert_true(r.a.diags.len > 40);
		for (size_t i = 0; i < r.a.diags.len; i++) {
			const struct diag *d = &r.a.diags.items[i];
			assert_int_equal(d->message_len, strlen(d->message));
			assert_int_equal(d->hint_len, d->hint ? strlen(d->hint) : 0);
			assert_int_equal(d->promise_len, d->promise ? strlen(d->promise) : 0);
		}
		lint_done(&r);
	}
	free(text);
}

/* Threads judging chunks change nothing: the same findings, in the same
 * order, as one thread, for every chunk size and number of threads; and
 * the workers did run (the pool started). */
static void threads_never_matter(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp_samples(&len);
	/* Many copies, so there are many chunks past the first promise. */
	struct buf big;
	buf_init(&big, NULL);
	for (int i = 0; i < 20; i++)
		buf_add(&big, text, len);
	struct lint_result r;
	struct buf want, got;
	buf_init(&want, NULL);
	lint_text_opt(&r, buf_str(&big), "2026-11-23", 0);
	report_of(&r, &want);
	assert_true(r.a.diags.len > 800);
	lint_done(&r);
	static const uint32_t sizes[] = { 64, 300, 4096 };
	static const unsigned jobs[] = { 2, 3, 7 };
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++)
		for (size_t k = 0; k < sizeof jobs / sizeof *jobs; k++) {
			int32_t day;
			assert_true(date_parse_iso("2026-11-23", &day));
			lint_options_init(&r.opt, day);
			r.opt.chunk_size = sizes[i];
			analysis_init(&r.a, &r.opt, NULL);
			r.a.jobs = jobs[k];
			assert_int_equal(analysis_add_name(&r.a, "t.promise"), 0);
			assert_int_equal(analysis_add_buffer(&r.a, 0, buf_str(&big), big.len), ANALYSIS_OK);
			assert_non_null(r.a.pool);
			assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
			buf_init(&got, NULL);
			report_of(&r, &got);
			lint_done(&r);
			if (strcmp(buf_str(&want), buf_str(&got)))
				fprintf(stderr, "chunk size %u, %u threads differ\n", sizes[i], jobs[k]);
			assert_string_equal(buf_str(&want), buf_str(&got));
			buf_release(&got);
		}
	buf_release(&want);
	buf_release(&big);
	free(text);
}

/* A chunk with nothing to report: its findings' sort keys were never
 * allocated, and sorting them must not compute NULL + 0 (clang's
 * sanitizer stops there; make san-clang runs this). */
static void a_chunk_without_findings(void **state)
{
	(void)state;
	struct lint_result r;
	lint_text(&r, "promise ACME-1: Deliver the 2027 price list as PDF\n"
		      "  by:        Jan de Vries\n"
		      "  to:        Petra Jansen (Acme BV)\n"
		      "  made:      2026-11-02\n"
		      "  due:       2026-12-04\n"
		      "  recorded:  mail to Petra, 2026-11-02\n"
		      "  in-return: the signed order by 2026-11-30\n");
	assert_int_equal(r.a.diags.len, 0);
	lint_done(&r);
}

/* Lint the samples with an allocator that fails at allocation k, for every
 * k until a run succeeds: each failing run must report ANALYSIS_NOMEM and
 * free everything it took. */
static void every_allocation_failure_is_clean(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp_samples(&len);
	int32_t today;
	date_parse_iso("2026-11-23", &today);
	unsigned long k;
	unsigned long failures = 0;
	for (k = 1;; k++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, k);
		struct lint_options opt;
		lint_options_init(&opt, today);
		opt.chunk_size = 512; /* many chunks: many allocation sites */
		struct analysis a;
		analysis_init(&a, &opt, &f.base);
		enum analysis_error err = ANALYSIS_OK;
		if (analysis_add_name(&a, "t") < 0)
			err = ANALYSIS_NOMEM;
		if (!err)
			err = analysis_add_buffer(&a, 0, text, len);
		if (!err)
			err = analysis_finish(&a);
		analysis_release(&a);
		assert_int_equal(f.live, 0); /* no leak, success or not */
		if (err == ANALYSIS_OK)
			break;
		assert_int_equal(err, ANALYSIS_NOMEM);
		failures++;
	}
	assert_true(failures > 10);
	fprintf(stderr, "%lu allocation failures injected, each ended cleanly\n", failures);
	free(text);
}

/* The same sweep with three threads judging chunks: whichever allocation
 * fails, on whichever thread (the ring, the pool, a chunk's copy, a
 * worker's parse or findings), the run ends in ANALYSIS_NOMEM with every
 * thread joined and nothing leaked. Which allocation is the k-th differs
 * from run to run; every run must still end cleanly. */
static void every_allocation_failure_with_threads_is_clean(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp_samples(&len);
	int32_t today;
	date_parse_iso("2026-11-23", &today);
	unsigned long failures = 0;
	bool pooled = false;
	for (unsigned long k = 1;; k++) {
		struct alloc_faulty f; /* its counters are atomic */
		alloc_faulty_init(&f, k);
		struct lint_options opt;
		lint_options_init(&opt, today);
		opt.chunk_size = 512;
		struct analysis a;
		analysis_init(&a, &opt, &f.base);
		a.jobs = 3;
		enum analysis_error err = ANALYSIS_OK;
		if (analysis_add_name(&a, "t") < 0)
			err = ANALYSIS_NOMEM;
		if (!err)
			err = analysis_add_buffer(&a, 0, text, len);
		pooled |= a.pool != NULL;
		if (!err)
			err = analysis_finish(&a);
		analysis_release(&a);
		assert_int_equal(f.live, 0);
		if (err == ANALYSIS_OK)
			break;
		assert_int_equal(err, ANALYSIS_NOMEM);
		failures++;
	}
	assert_true(pooled);
	assert_true(failures > 10);
	fprintf(stderr, "%lu allocation failures injected with threads, each ended cleanly\n", failures);
	free(text);
}

/* The findings of a run over the samples (512-byte chunks), one line each
 * (NULL when there are none or the run failed). */
static char *samples_report(const struct allocator *alloc, const char *text, size_t len,
			    enum analysis_error *err)
{
	int32_t today;
	date_parse_iso("2026-11-23", &today);
	struct lint_options opt;
	lint_options_init(&opt, today);
	opt.chunk_size = 512;
	struct analysis a;
	analysis_init(&a, &opt, alloc);
	*err = analysis_add_name(&a, "t") < 0 ? ANALYSIS_NOMEM : ANALYSIS_OK;
	if (!*err)
		*err = analysis_add_buffer(&a, 0, text, len);
	if (!*err)
		*err = analysis_finish(&a);
	struct buf out;
	buf_init(&out, NULL);
	for (size_t i = 0; !*err && i < a.diags.len; i++) {
		const struct diag *d = &a.diags.items[i];
		buf_printf(&out, "%u:%u-%u:%u %s %s\n", d->line, d->column, d->end_line, d->end_column,
			   rule_table[d->rule]->name, d->message);
	}
	analysis_release(&a);
	return out.data;
}

/* Only allocation k fails, for every k of a run: the analysis either says
 * it ran out of memory, or its findings are exactly those of a run
 * without faults. Nothing is lost without a word. */
static void a_single_allocation_failure_loses_nothing_silently(void **state)
{
	(void)state;
	size_t len;
	char *text = slurp_samples(&len);
	struct alloc_faulty none;
	alloc_faulty_init(&none, 0);
	enum analysis_error err;
	char *want = samples_report(&none.base, text, len, &err);
	assert_int_equal(err, ANALYSIS_OK);
	assert_non_null(want);
	unsigned long total = none.calls, reported = 0;
	for (unsigned long k = 1; k <= total; k++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, k);
		f.once = true;
		char *got = samples_report(&f.base, text, len, &err);
		assert_int_equal(f.live, 0);
		if (err) {
			assert_int_equal(err, ANALYSIS_NOMEM);
			reported++;
		} else {
			assert_string_equal(got ? got : "", want);
		}
		free(got);
	}
	fprintf(stderr, "lint of the samples: %lu allocations, each failed once: %lu reported, "
		"the rest without a finding lost\n", total, reported);
	free(want);
	free(text);
}

/* Regression (found by fuzz/lint.c): with a byte-order mark before the
 * first record and a chunk smaller than that record, its fields were
 * reported as standing before any promise. */
static void bom_record_larger_than_a_chunk(void **state)
{
	(void)state;
	const char *text = "\xEF\xBB\xBFpromise BOM-1: Send the signed maintenance contract\n"
			   "  by:   Jan de Vries\n  to:   Petra Jansen\n  due:  2026-11-21\n";
	struct lint_result r;
	for (uint32_t size = 1; size <= 64; size *= 2) {
		lint_text_opt(&r, text, "2026-11-23", size);
		assert_int_equal(count_rule(&r, RULE_SYNTAX_ERROR), 0);
		assert_int_equal(count_rule(&r, RULE_OVERDUE), 1);
		lint_done(&r);
	}
}

/* Regression (found by fuzz/lint.c): fields before the first promise are
 * reported once, but when their run was longer than a chunk each chunk
 * reported it again. */
static void fields_before_the_first_promise_reported_once(void **state)
{
	(void)state;
	const char *text = "# stray fields from a half-deleted promise\n"
			   "  by:        Sara Lind\n  to:        Tom Bakker\n  made:      2026-11-10\n"
			   "  recorded:  service ticket 4502\n\n"
			   "promise A-1: Replace the pump\n  by: Sara Lind\n";
	struct lint_result r;
	for (uint32_t size = 0; size <= 64; size = size ? size * 2 : 1) {
		lint_text_opt(&r, text, "2026-11-23", size);
		assert_int_equal(count_rule(&r, RULE_SYNTAX_ERROR), 1);
		expect_at(&r, RULE_SYNTAX_ERROR, 2, 3, 23);
		lint_done(&r);
	}
}

/* Regression (found by fuzz/lint.c): before a file's first record, the
 * reader cut at any line, so with a chunk shorter than a comment and its
 * header, a suppression was parted from the promise below it. */
static void comments_stay_with_the_first_record(void **state)
{
	(void)state;
	const char *text = "# promise-ignore overdue -- Petra moved the date by phone on 2026-11-19\n"
			   "promise A-1: Deliver the spare impellers for pump P-7 at the Delft site, boxed\n"
			   "  due:       2026-11-20\n";
	struct lint_result r;
	for (uint32_t size = 0; size <= 128; size = size ? size * 2 : 1) {
		lint_text_opt(&r, text, "2026-11-23", size);
		assert_int_equal(count_rule(&r, RULE_OVERDUE), 0);
		assert_int_equal(count_rule(&r, RULE_UNUSED_SUPPRESSION), 0);
		lint_done(&r);
	}
}

/* Regression (found by fuzz/lint.c): a `# promise-lang:` directive above
 * the first promise, but in a later chunk than the file's first (a long
 * top of the file, or small chunks), was taken for one below a promise:
 * reported as setting nothing, and the file read in the wrong language. */
static void a_language_directive_after_a_long_top(void **state)
{
	(void)state;
	const char *text = "# Fjällvind Energi AB — service promises, in Swedish.\n"
			   "# Kept by the support team; reviewed every Monday.\n\n"
			   "# promise-lang: sv\n\n"
			   "promise FJV-1: Vi byter pumpen snart\n  by: Sara Lind\n";
	struct lint_result r;
	struct buf want, got;
	buf_init(&want, NULL);
	lint_text_opt(&r, text, "2026-11-23", 0);
	report_of(&r, &want);
	lint_done(&r);
	assert_non_null(strstr(buf_str(&want), "snart"));
	for (uint32_t size = 1; size <= 128; size *= 2) {
		buf_init(&got, NULL);
		lint_text_opt(&r, text, "2026-11-23", size);
		report_of(&r, &got);
		lint_done(&r);
		assert_string_equal(buf_str(&got), buf_str(&want));
		buf_release(&got);
	}
	buf_release(&want);
}

struct appender {
	int fd;            /* the same file, opened for appending */
	unsigned appended;
};

/* Every record read makes a writer append four more while the file is
 * read: faster than the reader reads (it stops at 20,000). */
static int append_more(void *ctx, uint32_t file, const struct chunk_model *m, const struct record *r)
{
	(void)file, (void)m, (void)r;
	struct appender *w = ctx;
	for (int i = 0; i < 4 && w->appended < 20000; i++) {
		char line[64];
		int n = snprintf(line, sizeof line, "promise G-%u: appended while read\n", w->appended);
		if (write(w->fd, line, (size_t)n) == n)
			w->appended++;
	}
	return 0;
}

/* Regression: a file that grew while it was read was read until the
 * writer stopped, which a fast writer never need do. It is now read as
 * long as it was when the analysis opened it: a consistent prefix. */
static void a_file_that_grows_while_read(void **state)
{
	(void)state;
	char path[] = "/tmp/promise-grow-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (int i = 0; i < 100; i++) {
		char line[64];
		int n = snprintf(line, sizeof line, "promise F-%d: there from the start\n", i);
		assert_int_equal(write(fd, line, (size_t)n), n);
	}
	struct appender w = { open(path, O_WRONLY | O_APPEND), 0 };
	assert_true(w.fd >= 0);
	lseek(fd, 0, SEEK_SET);
	int32_t today;
	date_parse_iso("2026-11-23", &today);
	struct lint_options opt;
	lint_options_init(&opt, today);
	opt.chunk_size = 64; /* read a little at a time */
	struct analysis a;
	analysis_init(&a, &opt, NULL);
	a.on_record = append_more;
	a.on_record_ctx = &w;
	assert_int_equal(analysis_add_name(&a, path), 0);
	assert_int_equal(analysis_add_fd(&a, 0, fd), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&a), ANALYSIS_OK);
	assert_int_equal(a.records, 100);
	assert_true(w.appended >= 100);
	analysis_release(&a);
	close(w.fd);
	close(fd);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chunk_size_never_matters),
		cmocka_unit_test(findings_carry_their_lengths),
		cmocka_unit_test(threads_never_matter),
		cmocka_unit_test(a_chunk_without_findings),
		cmocka_unit_test(every_allocation_failure_is_clean),
		cmocka_unit_test(every_allocation_failure_with_threads_is_clean),
		cmocka_unit_test(a_single_allocation_failure_loses_nothing_silently),
		cmocka_unit_test(bom_record_larger_than_a_chunk),
		cmocka_unit_test(fields_before_the_first_promise_reported_once),
		cmocka_unit_test(comments_stay_with_the_first_record),
		cmocka_unit_test(a_language_directive_after_a_long_top),
		cmocka_unit_test(a_file_that_grows_while_read),
	};
	return cmocka_run_group_tests_name("analyze", tests, NULL, NULL);
}
