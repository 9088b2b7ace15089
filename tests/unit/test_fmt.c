/* test_fmt.c — the canonical layout: exact outputs for each part of the
 * layout, and the two properties on every sample, every test case and
 * generated variants of them: fmt is idempotent, and parse(fmt(x)) has the
 * records, fields, values and comments of parse(x). Rewrites are checked
 * against injected write, fsync, rename and close failures. */
#include "harness.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fmt.h"
#include "fmt_props.h"
#include "fsio.h"
#include "lex.h"
#include "parse.h"

/* --- helpers --------------------------------------------------------------- */

/* Format a NUL-terminated text; the result stays in `out`. */
static int format_text(const char *in, size_t len, struct buf *out)
{
	buf_init(out, NULL);
	return fmt_format((const unsigned char *)in, len, out);
}

static int check_properties(const char *text, size_t len, struct buf *out, const char *name);

/* The exact output for an input, and the properties on the way. */
static void expect_format(const char *in, const char *want, int outcome)
{
	struct buf out;
	int rc = check_properties(in, strlen(in), &out, in);
	if (rc != outcome || out.len != strlen(want) || memcmp(buf_str(&out), want, out.len)) {
		fprintf(stderr, "input:\n%s\n--- wanted (%d):\n%s\n--- got (%d):\n%.*s\n", in, outcome, want, rc,
			(int)out.len, out.data ? out.data : "");
		fail();
	}
	buf_release(&out);
}

/* The input is canonical as it stands. */
static void expect_canonical(const char *in) { expect_format(in, in, FMT_CANONICAL); }

/* --- the layout, part by part ----------------------------------------------- */

#define CANON \
	"promise ACME-1: Deliver the revised quote\n" \
	"  by:        Jan de Vries\n" \
	"  to:        Petra Jansen (Acme BV)\n" \
	"  made:      2026-11-02\n" \
	"  due:       2026-11-20\n" \
	"  recorded:  email \"Revised quote\", 2026-11-02\n" \
	"  in-return: ACME-2\n" \
	"  status:    kept 2026-11-19\n"

static void canonical_input_is_kept(void **state)
{
	(void)state;
	expect_canonical(CANON);
	expect_canonical("# Acme.\n\n" CANON "\n" CANON);
}

static void header_is_respaced(void **state)
{
	(void)state;
	expect_format("PROMISE   ACME-1  :\tDeliver the quote  \n  by: Jan\n",
		      "promise ACME-1: Deliver the quote\n  by:        Jan\n", FMT_CHANGED);
	expect_format("Promise :  Call back about the card payments\n",
		      "promise: Call back about the card payments\n", FMT_CHANGED);
	/* The text is copied as written, inner blanks and '#' included. */
	expect_canonical("promise T-1: Two  spaces,\ta tab and ticket #4411\n");
}

static void keys_are_lower_case_and_ordered(void **state)
{
	(void)state;
	expect_format("promise A-1: Ship it\n"
		      "  X-Crm: 7\n"
		      "  Note: n1\n"
		      "  STATUS: open\n"
		      "  stauts: typo\n"
		      "  Due: 2026-12-01\n"
		      "  recorded: one\n"
		      "  extra: 2026-11-01 e\n"
		      "  note: n2\n"
		      "  recorded: two\n"
		      "  By: Jan\n"
		      "  x-crm: 8\n"
		      "  in-return: order\n"
		      "  recovery: 2026-11-02 r\n"
		      "  made: 2026-11-02\n"
		      "  to: Petra\n"
		      "  renegotiated: 2026-11-03 moved\n",
		      "promise A-1: Ship it\n"
		      "  by:           Jan\n"
		      "  to:           Petra\n"
		      "  made:         2026-11-02\n"
		      "  due:          2026-12-01\n"
		      "  recorded:     one\n"
		      "  recorded:     two\n"
		      "  in-return:    order\n"
		      "  status:       open\n"
		      "  renegotiated: 2026-11-03 moved\n"
		      "  recovery:     2026-11-02 r\n"
		      "  extra:        2026-11-01 e\n"
		      "  note:         n1\n"
		      "  note:         n2\n"
		      "  x-crm:        7\n"
		      "  stauts:       typo\n"
		      "  x-crm:        8\n",
		      FMT_CHANGED);
	/* A repeated key that may not repeat keeps its order: the first counts. */
	expect_format("promise A-2: Ship it\n  due: 2026-12-01\n  by: Jan\n  due: 2026-12-08\n",
		      "promise A-2: Ship it\n  by:        Jan\n  due:       2026-12-01\n  due:       2026-12-08\n",
		      FMT_CHANGED);
}

static void value_column(void **state)
{
	(void)state;
	/* At least `in-return: ` wide; wider for a longer key of the record. */
	expect_format("promise A-1: Ship it\n  by:Jan\n  to:\t\t Petra\n",
		      "promise A-1: Ship it\n  by:        Jan\n  to:        Petra\n", FMT_CHANGED);
	expect_format("promise A-1: Ship it\n  by: Jan\n  x-crm-opportunity: OPP-1\n",
		      "promise A-1: Ship it\n  by:                Jan\n  x-crm-opportunity: OPP-1\n",
		      FMT_CHANGED);
	/* Each record has its own column. */
	expect_format("promise A-1: Ship it\n  renegotiated: 2026-11-03 moved\n\npromise A-2: Ship\n  by: Jan\n",
		      "promise A-1: Ship it\n  renegotiated: 2026-11-03 moved\n\npromise A-2: Ship\n"
		      "  by:        Jan\n",
		      FMT_CHANGED);
	/* An empty value gets no padding. */
	expect_format("promise A-1: Ship it\n  note:   \n      text below\n",
		      "promise A-1: Ship it\n  note:\n             text below\n", FMT_CHANGED);
}

static void continuation_lines_are_reindented(void **state)
{
	(void)state;
	expect_format("promise A-1: Ship it\n"
		      "    note: first\n"
		      "\t\tsecond, with  inner   blanks   \n"
		      "      to: looks like a field but continues\n"
		      "     \n"
		      "        last\n"
		      "  by: Jan\n",
		      "promise A-1: Ship it\n"
		      "  by:        Jan\n"
		      "  note:      first\n"
		      "             second, with  inner   blanks\n"
		      "             to: looks like a field but continues\n"
		      "             last\n",
		      FMT_CHANGED);
	/* The column follows the record's widest key. */
	expect_format("promise A-1: Ship it\n  renegotiated: 2026-11-03 due moved,\n    agreed by Tom\n",
		      "promise A-1: Ship it\n  renegotiated: 2026-11-03 due moved,\n                agreed by Tom\n",
		      FMT_CHANGED);
}

static void comments_keep_their_place(void **state)
{
	(void)state;
	/* Leading comments of the file, then one blank line; a block directly
	 * above a header stays directly above it. */
	expect_format("\n\n# file\n# comment\n\n\n\n# above\npromise A-1: Ship it\n  by: Jan\n",
		      "# file\n# comment\n\n# above\npromise A-1: Ship it\n  by:        Jan\n", FMT_CHANGED);
	/* A block that stood apart stays apart, by one blank line. */
	expect_format("promise A-1: Ship it\n  by: Jan\n\n\n# alone\n\n\n\npromise A-2: Ship\n  by: Jan\n",
		      "promise A-1: Ship it\n  by:        Jan\n\n# alone\n\npromise A-2: Ship\n"
		      "  by:        Jan\n",
		      FMT_CHANGED);
	/* Comments in a record are indented two spaces and travel with the
	 * field below them; a detached one keeps its blank line. */
	expect_format("promise A-1: Ship it\n"
		      "# about the due date\n"
		      "  due: 2026-12-01\n"
		      "\t# about the promiser, detached\n"
		      "\n"
		      "      # and attached\n"
		      "  by: Jan\n"
		      "  note: one\n"
		      "    # among the lines\n"
		      "        two\n",
		      "promise A-1: Ship it\n"
		      "  # about the promiser, detached\n"
		      "\n"
		      "  # and attached\n"
		      "  by:        Jan\n"
		      "  # about the due date\n"
		      "  due:       2026-12-01\n"
		      "  note:      one\n"
		      "  # among the lines\n"
		      "             two\n",
		      FMT_CHANGED);
	/* An indented block right under a record stays with it; one at the
	 * margin stands alone. */
	expect_format("promise A-1: Ship it\n  by: Jan\n    # still about A-1\n\npromise A-2: Ship\n"
		      "  by: Jan\n# about the file\n",
		      "promise A-1: Ship it\n  by:        Jan\n  # still about A-1\n\npromise A-2: Ship\n"
		      "  by:        Jan\n\n# about the file\n",
		      FMT_CHANGED);
	/* A block with no blank line on either side belongs to the header
	 * below it, however it is indented. */
	expect_format("promise A-1: Ship it\n  by: Jan\n  # about A-2\npromise A-2: Ship\n",
		      "promise A-1: Ship it\n  by:        Jan\n\n# about A-2\npromise A-2: Ship\n", FMT_CHANGED);
	/* Comment text is kept as written after the '#'. */
	expect_canonical("#no space\n#   three spaces and a # inside\n#\n\npromise A-1: Ship it\n");
}

static void dates_are_normalised(void **state)
{
	(void)state;
	expect_format("promise A-1: Ship it\n"
		      "  made: 2026-11-02T09:30\n"
		      "  due: 2026-11-20 17:00 +0100\n"
		      "  status: kept\t 2026-11-19t10:00Z\n"
		      "  renegotiated: 2026-11-03T08:00-05:30 due moved\n"
		      "  recovery: 2026-11-21 12:00 +00:00\tcalled every day\n"
		      "  extra: 2026-11-22 a gift\n",
		      "promise A-1: Ship it\n"
		      "  made:         2026-11-02 09:30\n"
		      "  due:          2026-11-20 17:00+01:00\n"
		      "  status:       kept 2026-11-19 10:00+00:00\n"
		      "  renegotiated: 2026-11-03 08:00-05:30 due moved\n"
		      "  recovery:     2026-11-21 12:00+00:00\tcalled every day\n"
		      "  extra:        2026-11-22 a gift\n",
		      FMT_CHANGED);
}

static void values_that_are_not_valid_dates_are_untouched(void **state)
{
	(void)state;
	/* Impossible dates, dates with text glued on, and no dates at all. */
	expect_format("promise A-1: Ship it\n"
		      "  made:   2026-02-30T09:30\n"
		      "  due:  next week\n"
		      "  status:   broken\t2026-13-01\n"
		      "  renegotiated:  2026-11-03x moved\n"
		      "  recovery:  2026-11-21T25:00 late\n"
		      "  extra: a gift on 2026-11-22\n"
		      "  x-when: 2026-11-22T10:00\n"
		      "  note: 2026-11-22T10:00\n",
		      "promise A-1: Ship it\n"
		      "  made:         2026-02-30T09:30\n"
		      "  due:          next week\n"
		      "  status:       broken\t2026-13-01\n"
		      "  renegotiated: 2026-11-03x moved\n"
		      "  recovery:     2026-11-21T25:00 late\n"
		      "  extra:        a gift on 2026-11-22\n"
		      "  note:         2026-11-22T10:00\n"
		      "  x-when:       2026-11-22T10:00\n",
		      FMT_CHANGED);
	/* Status words keep their spelling; open has no date. */
	expect_canonical("promise A-1: Ship it\n  status:    Open\n");
	expect_format("promise A-1: Ship it\n  status: KEPT  2026-11-19\n",
		      "promise A-1: Ship it\n  status:    KEPT 2026-11-19\n", FMT_CHANGED);
}

static void a_date_followed_by_far_text_keeps_the_text(void **state)
{
	(void)state;
	/* A date followed by many blanks and then text: the text must survive
	 * whatever the date reader makes of the prefix. */
	char in[512], want[512];
	char blanks[201];
	memset(blanks, ' ', 200);
	blanks[200] = '\0';
	snprintf(in, sizeof in, "promise A-1: Ship it\n  due: 2026-11-20%sthen more\n", blanks);
	snprintf(want, sizeof want, "promise A-1: Ship it\n  due:       2026-11-20%sthen more\n", blanks);
	expect_format(in, want, FMT_CHANGED);
	snprintf(in, sizeof in, "promise A-1: Ship it\n  status: kept 2026-11-20%sthen more\n", blanks);
	snprintf(want, sizeof want, "promise A-1: Ship it\n  status:    kept 2026-11-20%sthen more\n", blanks);
	expect_format(in, want, FMT_CHANGED);
}

static void line_ends_bom_and_final_newline(void **state)
{
	(void)state;
	/* CRLF from the first line end is kept, and applied to every line. */
	expect_format("promise A-1: Ship it\r\n  by: Jan\n\r\n\r\npromise A-2: Ship\r\n  by: Jan",
		      "promise A-1: Ship it\r\n  by:        Jan\r\n\r\npromise A-2: Ship\r\n"
		      "  by:        Jan\r\n",
		      FMT_CHANGED);
	expect_format("promise A-1: Ship it\n  by: Jan\r\n", "promise A-1: Ship it\n  by:        Jan\n",
		      FMT_CHANGED);
	/* A byte-order mark is kept. */
	expect_format("\xEF\xBB\xBF\n\npromise A-1: Ship it   \n\n\n",
		      "\xEF\xBB\xBFpromise A-1: Ship it\n", FMT_CHANGED);
	expect_canonical("\xEF\xBB\xBF");
	/* Exactly one final newline; nothing at all for a file of blanks. */
	expect_format("promise A-1: Ship it", "promise A-1: Ship it\n", FMT_CHANGED);
	expect_format("promise A-1: Ship it\n\n\n", "promise A-1: Ship it\n", FMT_CHANGED);
	expect_canonical("");
	expect_format("\n \t\n\n", "", FMT_CHANGED);
	expect_format("# only\n\n\n# comments  \n", "# only\n\n# comments\n", FMT_CHANGED);
}

static void syntax_errors_block_formatting(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"promise A-1 Ship it\n  by: Jan\n",      /* no colon */
		"promise A-1: Ship it\nby: Jan\n",       /* unindented field */
		"  by: Jan\npromise A-1: Ship it\n",     /* field before any promise */
		"promise A-1: Ship \xff it\n",           /* invalid UTF-8 */
		"promise A-1: Ship it\n  by: Jan\rx\n",  /* stray CR */
		"promise A-1:\n",                        /* promises nothing */
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct buf out;
		buf_init(&out, NULL);
		assert_int_equal(buf_adds(&out, "kept"), 0);
		assert_int_equal(fmt_format((const unsigned char *)bad[i], strlen(bad[i]), &out), FMT_SYNTAX);
		assert_string_equal(buf_str(&out), "kept");
		buf_release(&out);
	}
	static const char nul[] = "promise A-1: Ship\0it\n";
	struct buf out;
	buf_init(&out, NULL);
	assert_int_equal(fmt_format((const unsigned char *)nul, sizeof nul - 1, &out), FMT_SYNTAX);
	assert_int_equal(out.len, 0);
	buf_release(&out);
}

static void output_is_appended(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out, NULL);
	assert_int_equal(buf_adds(&out, "before|"), 0);
	static const char in[] = "promise A-1: Ship it\n";
	assert_int_equal(fmt_format((const unsigned char *)in, sizeof in - 1, &out), FMT_CANONICAL);
	assert_string_equal(buf_str(&out), "before|promise A-1: Ship it\n");
	buf_release(&out);
}

/* --- the properties ------------------------------------------------------------- */

struct parsed {
	struct arena ar;
	struct chunk_model m;
};

static void parse_text(struct parsed *p, const char *text, size_t len)
{
	arena_init(&p->ar, NULL);
	assert_int_equal(parse_chunk(&p->ar, (const unsigned char *)text, (uint32_t)len, 1, true, &p->m), 0);
}

/* fmt(text) is canonical and loses nothing (fmt_props.h). Returns the
 * outcome; `out` holds the canonical form unless there were syntax errors. */
static int check_properties(const char *text, size_t len, struct buf *out, const char *name)
{
	char why[512];
	buf_init(out, NULL);
	int rc = fmt_props_check((const unsigned char *)text, len, out, why, sizeof why);
	if (rc < 0) {
		fprintf(stderr, "%s:\n%s\n--- formatted:\n%s\n", name, why, buf_str(out));
		fail();
	}
	return rc;
}

/* The test inputs: every .promise file under samples/ and tests/cases/. */
struct file_list {
	char **names;
	size_t n, cap;
};

static void list_files(struct file_list *l, const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		assert_int_equal(stat(path, &st), 0);
		size_t nl = strlen(e->d_name);
		if (S_ISDIR(st.st_mode)) {
			list_files(l, path);
		} else if (nl > 8 && !strcmp(e->d_name + nl - 8, ".promise")) {
			if (l->n == l->cap) {
				l->cap = l->cap ? l->cap * 2 : 16;
				l->names = realloc(l->names, l->cap * sizeof *l->names);
				assert_non_null(l->names);
			}
			l->names[l->n++] = strdup(path);
		}
	}
	closedir(d);
}

static void free_files(struct file_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->names[i]);
	free(l->names);
}

static void read_whole(const char *path, struct buf *b)
{
	buf_init(b, NULL);
	assert_int_equal(fsio_read_file(path, b), 0);
}

static void every_sample_and_case(void **state)
{
	(void)state;
	struct file_list files = { 0 };
	list_files(&files, "samples");
	list_files(&files, "tests/cases");
	assert_true(files.n >= 10);
	size_t formatted = 0, refused = 0;
	for (size_t i = 0; i < files.n; i++) {
		struct buf src, out;
		read_whole(files.names[i], &src);
		int rc = check_properties(buf_str(&src), src.len, &out, files.names[i]);
		if (rc == FMT_SYNTAX) {
			/* Refused only when the linter finds syntax errors too. */
			struct parsed p;
			parse_text(&p, buf_str(&src), src.len);
			assert_true(p.m.nerrors > 0);
			arena_release(&p.ar);
			refused++;
		} else {
			formatted++;
		}
		/* The samples are written in the canonical layout. */
		if (rc == FMT_CHANGED && !strncmp(files.names[i], "samples/", 8)) {
			fprintf(stderr, "%s is not canonical\n", files.names[i]);
			fail();
		}
		buf_release(&src);
		buf_release(&out);
	}
	assert_true(formatted >= 8);
	assert_true(refused >= 2); /* tests/cases: broken-syntax, recovery-after-bad-lines */
	free_files(&files);
}

/* --- generated variants ---------------------------------------------------------- */

struct rng {
	uint64_t s;
};

static uint32_t rnd(struct rng *r, uint32_t n)
{
	r->s ^= r->s << 13;
	r->s ^= r->s >> 7;
	r->s ^= r->s << 17;
	return (uint32_t)(r->s % n);
}

struct variant {
	struct rng rng;
	struct buf out;
	const struct chunk_model *m;
	uint32_t *role;          /* per line: 0 blank, 1 comment, 2 header, 3 field, 4 cont */
	uint32_t *index;
	bool crlf, first_end_done;
};

static void v_put(struct variant *v, const void *s, size_t n) { assert_int_equal(buf_add(&v->out, s, n), 0); }

static void v_blanks(struct variant *v, uint32_t min, uint32_t max)
{
	uint32_t n = min + rnd(&v->rng, max - min + 1);
	for (uint32_t i = 0; i < n; i++)
		v_put(v, rnd(&v->rng, 3) ? " " : "\t", 1);
}

/* The first line end decides the style; later ones are mixed at random. */
static void v_eol(struct variant *v)
{
	bool crlf = v->first_end_done ? rnd(&v->rng, 2) : v->crlf;
	v->first_end_done = true;
	v_put(v, crlf ? "\r\n" : "\n", crlf ? 2 : 1);
}

static void v_span(struct variant *v, struct span s) { v_put(v, v->m->buf + s.off, s.len); }

static void v_case(struct variant *v, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = (char)s[i];
		if (c >= 'a' && c <= 'z' && rnd(&v->rng, 2))
			c = (char)(c - 32);
		v_put(v, &c, 1);
	}
}

/* A valid date spelled one of the ways the grammar allows. */
static void v_date(struct variant *v, const unsigned char *text, const struct date_value *d)
{
	char b[32];
	v_put(v, text, 10);
	if (d->minute >= 0) {
		b[0] = "Tt "[rnd(&v->rng, 3)];
		snprintf(b + 1, sizeof b - 1, "%02d:%02d", d->minute / 60, d->minute % 60);
		v_put(v, b, 6);
	}
	if (d->has_offset) {
		if (rnd(&v->rng, 2))
			v_put(v, " ", 1);
		int off = d->offset < 0 ? -d->offset : d->offset;
		if (off == 0 && rnd(&v->rng, 2)) {
			v_put(v, rnd(&v->rng, 2) ? "Z" : "z", 1);
		} else {
			int n = snprintf(b, sizeof b, rnd(&v->rng, 2) ? "%c%02d:%02d" : "%c%02d%02d",
					 d->offset < 0 ? '-' : '+', off / 60, off % 60);
			v_put(v, b, (size_t)n);
		}
	}
}

static void v_value(struct variant *v, const struct field *f)
{
	const struct chunk_model *m = v->m;
	const unsigned char *t = m->buf + f->value.off;
	struct span word;
	struct date_value d;
	switch (f->key) {
	case KEY_MADE:
	case KEY_DUE:
		if (f->date.status == DATE_OK && f->date.len == f->value.len) {
			v_date(v, t, &f->date);
			return;
		}
		break;
	case KEY_RENEGOTIATED:
	case KEY_RECOVERY:
	case KEY_EXTRA:
		if (f->date.status == DATE_OK) {
			v_date(v, t, &f->date);
			v_put(v, t + f->date.len, f->value.len - f->date.len);
			return;
		}
		break;
	case KEY_STATUS:
		if (status_parts(m, f, &word, &d)) {
			v_span(v, word);
			v_blanks(v, 1, 3);
			v_date(v, t + f->value.len - d.len, &d);
			return;
		}
		break;
	default:
		break;
	}
	v_span(v, f->value);
}

static void v_comment(struct variant *v, uint32_t line)
{
	const struct comment *c = &v->m->comments[v->index[line]];
	if (c->indent_width > 0) /* keep a comment indented or at the margin */
		v_blanks(v, 1, 5);
	v_put(v, "#", 1);
	v_span(v, c->text);
	v_blanks(v, 0, 2);
	v_eol(v);
}

/* Blank lines after a line that is no comment and before one that is no
 * comment never change what a comment is attached to. */
static void v_maybe_blank(struct variant *v, uint32_t line, uint32_t end)
{
	if (v->role[line] == 1 || line + 1 >= end || v->role[line + 1] == 1 || rnd(&v->rng, 3))
		return;
	v_blanks(v, 0, 3);
	v_eol(v);
}

static uint32_t v_last_line(const struct chunk_model *m, const struct field *f)
{
	return f->cont_count ? m->conts[f->cont_first + f->cont_count - 1].line : f->line;
}

/* Lines [from, to] with noise; `tail` allows a blank line after the last
 * one (the caller knows what comes next when it does not). */
static void v_lines(struct variant *v, uint32_t from, uint32_t to, const char *indent, size_t iw,
		    uint32_t end, bool tail)
{
	const struct chunk_model *m = v->m;
	for (uint32_t line = from; line <= to; line++) {
		switch (v->role[line]) {
		case 0:
			v_blanks(v, 0, 3);
			v_eol(v);
			break;
		case 1:
			v_comment(v, line);
			break;
		case 3: {
			const struct field *f = &m->fields[v->index[line]];
			v_put(v, indent, iw);
			v_case(v, m->buf + f->key_span.off, f->key_span.len);
			v_blanks(v, 0, 2);
			v_put(v, ":", 1);
			v_blanks(v, 0, 4);
			v_value(v, f);
			v_blanks(v, 0, 2);
			v_eol(v);
			break;
		}
		case 4:
			v_put(v, indent, iw); /* deeper than the field: its indent and more */
			v_put(v, "  ", 1 + rnd(&v->rng, 2));
			v_blanks(v, 0, 4);
			v_span(v, m->conts[v->index[line]].text);
			v_blanks(v, 0, 2);
			v_eol(v);
			break;
		default:
			fail();
		}
		if (line < to || tail)
			v_maybe_blank(v, line, end);
	}
}

/* One record: a noisy header, then its field blocks in a random order
 * that keeps fields of the same rank in their order. */
static void v_record(struct variant *v, const struct record *r, uint32_t end)
{
	const struct chunk_model *m = v->m;
	static const char *const kw[] = { "promise", "PROMISE", "Promise" };
	v_put(v, kw[rnd(&v->rng, 3)], 7);
	if (r->id.len) {
		v_blanks(v, 1, 3);
		v_span(v, r->id);
	}
	v_blanks(v, 0, 2);
	v_put(v, ":", 1);
	v_blanks(v, 0, 3);
	v_span(v, r->text);
	v_blanks(v, 0, 2);
	v_eol(v);
	v_maybe_blank(v, r->line, end);

	static const char *const indents[] = { " ", "  ", "    ", "\t", " \t" };
	const char *indent = indents[rnd(&v->rng, 5)];
	uint32_t next[KEY_USER + 1];
	for (uint32_t k = 0; k <= KEY_USER; k++)
		next[k] = r->field_first;
	for (uint32_t left = r->field_count; left > 0; left--) {
		uint32_t i, rank;
		do { /* a random rank that still has a field, then its next field */
			rank = rnd(&v->rng, KEY_USER + 1);
			for (i = next[rank]; i < r->field_first + r->field_count && key_rank(m->fields[i].key) != rank; i++)
				;
		} while (i == r->field_first + r->field_count);
		next[rank] = i + 1;
		uint32_t from = i == r->field_first ? r->line + 1 : v_last_line(m, &m->fields[i - 1]) + 1;
		v_lines(v, from, v_last_line(m, &m->fields[i]), indent, strlen(indent), end, false);
		/* Between blocks a blank line is harmless; after the last one, only
		 * if no comment follows the record (it would stand apart then). */
		bool last = left == 1;
		if (!rnd(&v->rng, 3) &&
		    (!last || r->last_line + 1 >= end || v->role[r->last_line + 1] != 1)) {
			v_blanks(v, 0, 2);
			v_eol(v);
		}
	}
}

/* A variant of a parsed text with the same content and another layout:
 * fields shuffled, blanks and tabs, key and keyword case, date spellings,
 * blank lines, line ends. */
static void make_variant(struct variant *v, const struct chunk_model *m, uint64_t seed, bool bom)
{
	memset(v, 0, sizeof *v);
	v->rng.s = seed * 0x9E3779B97F4A7C15u + 1;
	v->m = m;
	v->crlf = rnd(&v->rng, 2);
	buf_init(&v->out, NULL);
	uint32_t end = m->first_line + m->nlines;
	v->role = calloc(end + 1, sizeof *v->role);
	v->index = calloc(end + 1, sizeof *v->index);
	assert_true(v->role && v->index);
	for (uint32_t i = 0; i < m->ncomments; i++)
		v->role[m->comments[i].line] = 1, v->index[m->comments[i].line] = i;
	for (uint32_t i = 0; i < m->nrecords; i++)
		v->role[m->records[i].line] = 2, v->index[m->records[i].line] = i;
	for (uint32_t i = 0; i < m->nfields; i++)
		v->role[m->fields[i].line] = 3, v->index[m->fields[i].line] = i;
	for (uint32_t i = 0; i < m->nconts; i++)
		v->role[m->conts[i].line] = 4, v->index[m->conts[i].line] = i;
	if (bom)
		v_put(v, "\xEF\xBB\xBF", 3);
	uint32_t line = m->first_line;
	for (uint32_t k = 0; k < m->nrecords; k++) {
		const struct record *r = &m->records[k];
		if (line < r->line)
			v_lines(v, line, r->line - 1, "", 0, end, true);
		v_record(v, r, end);
		line = r->last_line + 1;
	}
	if (line < end)
		v_lines(v, line, end - 1, "", 0, end, true);
	free(v->role);
	free(v->index);
}

static void to_crlf(const struct buf *in, struct buf *out)
{
	buf_init(out, NULL);
	for (size_t i = 0; i < in->len; i++) {
		if (in->data[i] == '\n')
			assert_int_equal(buf_addc(out, '\r'), 0);
		assert_int_equal(buf_addc(out, in->data[i]), 0);
	}
}

/* Texts with every place a comment, a blank line or a continuation can
 * stand, besides the samples' plainer layout. */
static const char *const tricky[] = {
	"# lead\n\n# lead two\n\n\n# above\npromise T-1: Ship it\n"
	"# margin comment in the record\n  due: 2026-12-01T10:00Z\n"
	"  # detached from by\n\n  # attached to by\n  by: Jan\n"
	"  note: one\n    # among continuation lines\n\n        two\n"
	"  x-b: 1\n  status:  kept\t2026-11-30 09:00 -0130\n  x-a: 2\n"
	"    # trailing, indented\n# and at the margin\n\n# alone\n\n"
	"promise T-2: No fields\n  # only a comment\npromise: No ID\n  to: Petra\n# last\n",
	"promise T-3: Header only\n# right below, at the margin\n\npromise T-4: Next\n",
	"\xEF\xBB\xBF# bom\r\npromise T-5: Ship it\r\n  renegotiated: 2026-11-03t08:00+0200 moved\r\n"
	"      agreed by Tom\r\n  recovery: 2026-11-02 fixed\r\n  extra: 2026-11-02T10:00 flowers\r\n",
	"promise T-6: Values\n  made: 2026-02-30\n  due: soon\n  status: broken\n"
	"  extra: 2026-11-0x x\n  X-Long-Key-Of-Mine: value\n  note:\n     only below\n",
};

/* The canonical form of a text, and variants of it that must format to
 * the same bytes (in their own line-end style). Returns the variants
 * checked, 0 for a text with syntax errors. */
static size_t check_variants(const char *text, size_t len, const char *label, uint64_t salt)
{
	struct buf canon;
	buf_init(&canon, NULL);
	if (fmt_format((const unsigned char *)text, len, &canon) == FMT_SYNTAX) {
		buf_release(&canon);
		return 0;
	}
	/* The LF form of the canonical text, to compare variants against. */
	struct buf lf, lf_crlf;
	buf_init(&lf, NULL);
	for (size_t k = 0; k < canon.len; k++)
		if (canon.data[k] != '\r')
			assert_int_equal(buf_addc(&lf, canon.data[k]), 0);
	to_crlf(&lf, &lf_crlf);
	struct parsed p;
	parse_text(&p, text, len);
	bool bom = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3);
	size_t checked = 0;
	for (uint64_t seed = 1; seed <= 40; seed++) {
		struct variant v;
		make_variant(&v, &p.m, seed * 1000 + salt, bom);
		char name[1200];
		snprintf(name, sizeof name, "%s (variant %llu)", label, (unsigned long long)seed);
		struct buf out;
		int rc = check_properties(buf_str(&v.out), v.out.len, &out, name);
		assert_int_not_equal(rc, FMT_SYNTAX);
		const struct buf *want = v.crlf ? &lf_crlf : &lf;
		if (out.len != want->len || memcmp(buf_str(&out), buf_str(want), out.len)) {
			fprintf(stderr, "%s formats differently:\n--- variant:\n%s\n--- got:\n%s\n--- wanted:\n%s\n",
				name, buf_str(&v.out), buf_str(&out), buf_str(want));
			fail();
		}
		buf_release(&out);
		buf_release(&v.out);
		checked++;
	}
	arena_release(&p.ar);
	buf_release(&lf);
	buf_release(&lf_crlf);
	buf_release(&canon);
	return checked;
}

static void tricky_texts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		struct buf out;
		assert_int_equal(check_properties(tricky[i], strlen(tricky[i]), &out, tricky[i]), FMT_CHANGED);
		buf_release(&out);
		assert_int_equal(check_variants(tricky[i], strlen(tricky[i]), tricky[i], i), 40);
	}
}

/* fmt(variant(x)) == fmt(x), in the variant's line-end style; and the
 * properties hold for the variant itself. */
static void generated_variants(void **state)
{
	(void)state;
	struct file_list files = { 0 };
	list_files(&files, "samples");
	list_files(&files, "tests/cases");
	size_t checked = 0;
	for (size_t i = 0; i < files.n; i++) {
		struct buf src;
		read_whole(files.names[i], &src);
		checked += check_variants(buf_str(&src), src.len, files.names[i], i);
		buf_release(&src);
	}
	assert_true(checked >= 8 * 40);
	free_files(&files);
}

/* --- memory and size ---------------------------------------------------------------- */

static void every_allocation_failure_is_reported(void **state)
{
	(void)state;
	struct buf src, want;
	read_whole("samples/accounts/acme.promise", &src);
	/* Something to change, so the whole path runs. */
	assert_int_equal(buf_adds(&src, "promise X-1: Extra\n  DUE:  2026-12-01T10:00\n  by: Jan\n"), 0);
	assert_int_equal(format_text(buf_str(&src), src.len, &want), FMT_CHANGED);
	bool done = false;
	for (unsigned long n = 1; n < 10000 && !done; n++) {
		struct alloc_faulty fa;
		alloc_faulty_init(&fa, n);
		struct buf out;
		buf_init(&out, &fa.base);
		int rc = fmt_format((const unsigned char *)buf_str(&src), src.len, &out);
		if (rc == FMT_ERR_NOMEM) {
			assert_true(out.len == 0);
		} else {
			assert_int_equal(rc, FMT_CHANGED);
			assert_int_equal(out.len, want.len);
			assert_memory_equal(out.data, want.data, want.len);
			done = true;
		}
		buf_release(&out);
		assert_int_equal(fa.live, 0);
	}
	assert_true(done);
	buf_release(&src);
	buf_release(&want);
}

static void pathological_inputs(void **state)
{
	(void)state;
	/* A very long text line, many fields, deep continuation, no newline. */
	struct buf in, out;
	buf_init(&in, NULL);
	assert_int_equal(buf_adds(&in, "promise P-1: "), 0);
	for (int i = 0; i < 200000; i++)
		assert_int_equal(buf_adds(&in, "word "), 0);
	assert_int_equal(buf_adds(&in, "end\n"), 0);
	for (int i = 0; i < 50000; i++)
		assert_int_equal(buf_printf(&in, "\tX-F%d:value %d\n", i % 7, i), 0);
	assert_int_equal(buf_adds(&in, "  note: start\n"), 0);
	for (int i = 0; i < 50000; i++)
		assert_int_equal(buf_printf(&in, "%*s%d\n", 3 + i % 40, "", i), 0);
	assert_int_equal(buf_adds(&in, "  by: Jan"), 0);
	assert_int_equal(check_properties(buf_str(&in), in.len, &out, "pathological"), FMT_CHANGED);
	buf_release(&in);
	buf_release(&out);
}

/* --- rewriting files ---------------------------------------------------------------- */

struct fault {
	int step; /* 1 write, 2 fsync, 3 close, 4 rename */
	int err;
};
static struct fault fault;

static ssize_t f_write(int fd, const void *b, size_t n)
{
	if (fault.step == 1) {
		/* Half of it lands, then the disk is full. */
		if (n > 1) {
			ssize_t w = write(fd, b, n / 2);
			if (w > 0)
				return w;
		}
		errno = fault.err;
		return -1;
	}
	return write(fd, b, n);
}

static int f_fsync(int fd)
{
	if (fault.step == 2) {
		errno = fault.err;
		return -1;
	}
	return fsync(fd);
}

static int f_close(int fd)
{
	int rc = close(fd);
	if (fault.step == 3) {
		errno = fault.err;
		return -1;
	}
	return rc;
}

static int f_rename(const char *a, const char *b)
{
	if (fault.step == 4) {
		errno = fault.err;
		return -1;
	}
	return rename(a, b);
}

static const struct fsio_ops faulty_ops = { f_write, f_fsync, f_rename, f_close };

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/promise-fmt-XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char p[400];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	if (d)
		closedir(d);
	return rmdir(dir);
}

static size_t count_entries(void)
{
	size_t n = 0;
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static const char messy[] = "promise W-1: Write me\n   due: 2026-12-01T10:00\n  BY:  Jan\n";
static const char tidy[] = "promise W-1: Write me\n  by:        Jan\n  due:       2026-12-01 10:00\n";

static void put_file(const char *path, const char *text, mode_t mode)
{
	unlink(path);
	assert_int_equal(fsio_write_new(path, text, strlen(text)), 0);
	assert_int_equal(chmod(path, mode), 0);
}

static void expect_file(const char *path, const char *text, mode_t mode)
{
	struct buf b;
	read_whole(path, &b);
	assert_int_equal(b.len, strlen(text));
	assert_memory_equal(b.data, text, b.len);
	buf_release(&b);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, mode);
}

static void rewrite_keeps_the_original_on_failure(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/w.promise", dir);
	static const struct fault faults[] = { { 1, ENOSPC }, { 2, EIO }, { 3, EIO }, { 4, EXDEV } };
	for (size_t i = 0; i < sizeof faults / sizeof *faults; i++) {
		put_file(path, messy, 0640);
		struct buf out;
		assert_int_equal(format_text(messy, strlen(messy), &out), FMT_CHANGED);
		assert_string_equal(buf_str(&out), tidy);
		fault = faults[i];
		errno = 0;
		assert_int_equal(fmt_write_file(path, out.data, out.len, &faulty_ops), -1);
		assert_int_equal(errno, faults[i].err);
		expect_file(path, messy, 0640);        /* byte for byte, mode too */
		assert_int_equal(count_entries(), 1);  /* no temporary left behind */
		buf_release(&out);
	}
	fault.step = 0;
}

static void rewrite_replaces_and_keeps_mode_and_links(void **state)
{
	(void)state;
	char path[128], link[128];
	snprintf(path, sizeof path, "%s/w.promise", dir);
	snprintf(link, sizeof link, "%s/link.promise", dir);
	put_file(path, messy, 0604);
	assert_int_equal(fmt_write_file(path, tidy, strlen(tidy), NULL), 0);
	expect_file(path, tidy, 0604);
	assert_int_equal(count_entries(), 1);

	/* Through a symbolic link: the file changes, the link stays a link. */
	put_file(path, messy, 0600);
	unlink(link);
	assert_int_equal(symlink("w.promise", link), 0);
	assert_int_equal(fmt_write_file(link, tidy, strlen(tidy), NULL), 0);
	struct stat st;
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	expect_file(path, tidy, 0600);
	unlink(link);

	/* Never over a device or a directory; a missing file is an error. */
	assert_int_equal(fmt_write_file("/dev/null", tidy, strlen(tidy), NULL), FMT_ERR_NOT_REGULAR);
	assert_int_equal(fmt_write_file(dir, tidy, strlen(tidy), NULL), FMT_ERR_NOT_REGULAR);
	char missing[160];
	snprintf(missing, sizeof missing, "%s/missing.promise", dir);
	errno = 0;
	assert_int_equal(fmt_write_file(missing, tidy, strlen(tidy), NULL), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical_input_is_kept),
		cmocka_unit_test(header_is_respaced),
		cmocka_unit_test(keys_are_lower_case_and_ordered),
		cmocka_unit_test(value_column),
		cmocka_unit_test(continuation_lines_are_reindented),
		cmocka_unit_test(comments_keep_their_place),
		cmocka_unit_test(dates_are_normalised),
		cmocka_unit_test(values_that_are_not_valid_dates_are_untouched),
		cmocka_unit_test(a_date_followed_by_far_text_keeps_the_text),
		cmocka_unit_test(line_ends_bom_and_final_newline),
		cmocka_unit_test(syntax_errors_block_formatting),
		cmocka_unit_test(output_is_appended),
		cmocka_unit_test(every_sample_and_case),
		cmocka_unit_test(generated_variants),
		cmocka_unit_test(tricky_texts),
		cmocka_unit_test(every_allocation_failure_is_reported),
		cmocka_unit_test(pathological_inputs),
		cmocka_unit_test_setup_teardown(rewrite_keeps_the_original_on_failure, make_dir, remove_dir),
		cmocka_unit_test_setup_teardown(rewrite_replaces_and_keeps_mode_and_links, make_dir, remove_dir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
