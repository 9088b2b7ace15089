/* lint.c — the parser, every rule and every renderer on arbitrary
 * bytes, through the same analysis_add_buffer() the editor server uses.
 *
 * The first two bytes say how to run; the rest is the file. Byte 0 picks
 * the chunk size (small ones make records straddle chunk boundaries and the
 * reader grow its buffer) and the threads that judge chunks (none, 2 or 3),
 * byte 1 the language of the texts, streamed or collected delivery, the
 * output format and the file's name. Beyond what the sanitizers catch,
 * three invariants are checked, and a breach aborts:
 * - the findings are the same whatever the chunk size and the threads
 *   (compared with one default-sized run on one thread);
 * - every finding lies inside the input: lines within the file, a start
 *   before its end;
 * - what the json, sarif and gitlab formats write parses as JSON. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "buf.h"
#include "date.h"
#include "out/render.h"
#include "rules.h"

static const uint32_t chunk_sizes[] = { 0, 1, 2, 3, 7, 16, 31, 64, 100, 257, 1000, 4096 };
static const char *const file_names[] = { "t.promise", "dir/\xc3\xa9 \"q\" <&>\\.promise",
					  "%0A:1:2,\n::error.promise", "" };
static const char *const formats[] = { "text", "json", "sarif", "github", "gitlab", "junit",
				       "checkstyle", "gcc" };

struct run {
	struct buf report;         /* one line per finding, for comparison */
	uint32_t nlines;           /* lines in the input */
	const struct renderer *rd; /* streamed mode: where findings go */
	struct render_ctx render;
	struct analysis *a;
};

static void check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-lint: invariant broken: %s\n", what);
		abort();
	}
}

static void note(struct run *run, const struct diag *d)
{
	check(d->line >= 1 && d->line <= run->nlines, "a finding's line lies in the file");
	check(d->end_line >= d->line && d->end_line <= run->nlines, "a finding ends in the file, after its start");
	check(d->column >= 1 && (d->end_line > d->line || d->end_column >= d->column),
	      "a finding's columns are in order");
	check(d->rule >= 0 && d->rule < RULE_COUNT && d->message, "a finding names its rule and says what");
	buf_printf(&run->report, "%u %u:%u-%u:%u %s %s\n", d->file, d->line, d->column, d->end_line,
		   d->end_column, rule_table[d->rule]->name, d->message);
}

static int emit(void *ctx, const struct diag *d)
{
	struct run *run = ctx;
	note(run, d);
	return render_diag(run->rd, &run->render, d, run->a->file_names[d->file]) ? -1 : 0;
}

static int by_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The report's lines sorted: streamed mode hands findings over per chunk,
 * so only the set can be compared. */
static void sort_report(struct buf *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += b->data[i] == '\n';
	if (n < 2)
		return;
	char **lines = malloc(n * sizeof *lines);
	char *copy = malloc(b->len + 1);
	if (!lines || !copy)
		abort();
	memcpy(copy, b->data, b->len + 1);
	size_t k = 0;
	for (char *p = copy, *nl; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		lines[k++] = p;
	}
	qsort(lines, n, sizeof *lines, by_line);
	buf_clear(b);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s\n", lines[i]);
	free(lines);
	free(copy);
}

static void expect_json(const char *format, const char *out, size_t len)
{
	if (strcmp(format, "json") && strcmp(format, "sarif") && strcmp(format, "gitlab"))
		return;
	json_error_t err;
	json_t *j = json_loadb(out, len, 0, &err);
	if (!j)
		fprintf(stderr, "fuzz-lint: %s output is not JSON: %s at %d\n", format, err.text, err.position);
	check(j != NULL, "the JSON formats write JSON");
	json_decref(j);
}

static void lint(const uint8_t *text, size_t len, struct lint_options *opt, const char *name,
		 const char *format, bool streamed, unsigned jobs, struct run *run)
{
	struct analysis a;
	analysis_init(&a, opt, NULL);
	a.jobs = jobs;
	run->a = &a;
	check(analysis_add_name(&a, name) == 0, "a name is registered");
	char *out = NULL;
	size_t out_len = 0;
	FILE *f = open_memstream(&out, &out_len);
	check(f != NULL, "open_memstream works");
	memset(&run->render, 0, sizeof run->render);
	run->render.out = f;
	run->render.color = true;
	run->render.version = "0";
	run->render.cwd = "/";
	run->rd = format ? render_lookup(format) : NULL;
	if (streamed) {
		a.emit = emit;
		a.emit_ctx = run;
		check(render_begin(run->rd, &run->render) == 0, "rendering begins");
	}
	enum analysis_error err = analysis_add_buffer(&a, 0, text, len);
	check(err == ANALYSIS_OK, "a buffer is analysed");
	err = analysis_finish(&a);
	check(err == ANALYSIS_OK, "an analysis finishes");
	const char *const *names = (const char *const *)a.file_names;
	if (streamed) {
		check(render_end(run->rd, &run->render, names, a.nfiles) == 0, "rendering ends");
	} else {
		for (size_t i = 0; i < a.diags.len; i++)
			note(run, &a.diags.items[i]);
		if (format) /* the reference run only collects */
			check(render_list(run->rd, &run->render, &a.diags, names, a.nfiles) == 0,
			      "a list renders");
	}
	fclose(f);
	if (format)
		expect_json(format, out, out_len);
	free(out);
	analysis_release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	uint8_t how = data[0], what = data[1];
	const uint8_t *text = data + 2;
	size_t len = size - 2;

	int32_t today;
	date_parse_iso("2026-11-23", &today);
	struct lint_options opt;
	lint_options_init(&opt, today);
	opt.language = (int)(what & 3) - 1; /* auto, en, nl, sv */
	bool streamed = what & 4;
	const char *format = formats[(what >> 3) & 7];
	const char *name = file_names[(what >> 6) & 3];

	uint32_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';

	struct run want = { .nlines = lines }, got = { .nlines = lines };
	buf_init(&want.report, NULL);
	buf_init(&got.report, NULL);
	opt.chunk_size = 0;
	lint(text, len, &opt, name, NULL, false, 0, &want);
	const size_t nsizes = sizeof chunk_sizes / sizeof *chunk_sizes;
	opt.chunk_size = chunk_sizes[how % nsizes];
	unsigned jobs = (how / nsizes) % 4; /* 0 and 1: none */
	lint(text, len, &opt, name, format, streamed, jobs, &got);
	sort_report(&want.report);
	sort_report(&got.report);
	if (strcmp(buf_str(&want.report), buf_str(&got.report)))
		fprintf(stderr, "chunk size %u, %u threads; default:\n%s\nsmall:\n%s\n", opt.chunk_size,
			jobs, buf_str(&want.report), buf_str(&got.report));
	check(!strcmp(buf_str(&want.report), buf_str(&got.report)),
	      "the findings do not depend on the chunk size or the threads");
	buf_release(&want.report);
	buf_release(&got.report);
	return 0;
}
