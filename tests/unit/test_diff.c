/* test_diff.c — unified diffs: exact output for small cases, and on random
 * texts (small and large, few and many changes) the diff applied to the
 * first text gives the second; while the search stays within its bound the
 * diff is a shortest one (checked against a plain LCS table). */
#include "harness.h"

#include <stdlib.h>

#include "diff.h"

static void expect_diff(const char *a, const char *b, const char *want)
{
	struct buf out;
	buf_init(&out, NULL);
	int rc = diff_unified(&out, "a/x", "b/x", (const unsigned char *)a, strlen(a),
			      (const unsigned char *)b, strlen(b), 3);
	assert_int_equal(rc, *want ? 1 : 0);
	if (strcmp(buf_str(&out), want)) {
		fprintf(stderr, "--- wanted:\n%s--- got:\n%s", want, buf_str(&out));
		fail();
	}
	buf_release(&out);
}

static void equal_texts_give_nothing(void **state)
{
	(void)state;
	expect_diff("", "", "");
	expect_diff("a\nb\n", "a\nb\n", "");
	expect_diff("no newline", "no newline", "");
}

static void small_cases(void **state)
{
	(void)state;
	expect_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
		    "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
	expect_diff("", "a\nb\n", "--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
	expect_diff("a\nb\n", "", "--- a/x\n+++ b/x\n@@ -1,2 +0,0 @@\n-a\n-b\n");
	expect_diff("a\n", "b\n", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
	/* Line ends count: a missing final newline is marked, as GNU diff does. */
	expect_diff("a\nb", "a\nb\n",
		    "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
	expect_diff("a\r\nb\n", "a\nb\n", "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n");
	/* Changes up to 6 unchanged lines apart share a hunk; further apart they
	 * do not. */
	expect_diff("x\n1\n2\n3\n4\n5\n6\ny\n", "X\n1\n2\n3\n4\n5\n6\nY\n",
		    "--- a/x\n+++ b/x\n@@ -1,8 +1,8 @@\n-x\n+X\n 1\n 2\n 3\n 4\n 5\n 6\n-y\n+Y\n");
	expect_diff("x\n1\n2\n3\n4\n5\n6\n7\ny\n", "X\n1\n2\n3\n4\n5\n6\n7\nY\n",
		    "--- a/x\n+++ b/x\n@@ -1,4 +1,4 @@\n-x\n+X\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-y\n+Y\n");
}

/* --- applying a diff ------------------------------------------------------ */

struct lines {
	char **s;
	size_t n, cap;
};

static void lines_add(struct lines *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->s = realloc(l->s, l->cap * sizeof *l->s);
		assert_non_null(l->s);
	}
	l->s[l->n] = malloc(n + 1);
	assert_non_null(l->s[l->n]);
	memcpy(l->s[l->n], s, n);
	l->s[l->n][n] = '\0';
	l->n++;
}

/* Lines with their ends, the last one possibly without. */
static void split(const char *t, size_t len, struct lines *l)
{
	memset(l, 0, sizeof *l);
	size_t start = 0;
	for (size_t i = 0; i < len; i++)
		if (t[i] == '\n' || i + 1 == len) {
			lines_add(l, t + start, i + 1 - start);
			start = i + 1;
		}
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->s[i]);
	free(l->s);
}

/* Apply a unified diff to a; the context and removed lines must match. */
static void apply(const char *a, size_t alen, const char *diff, size_t dlen, struct buf *out)
{
	struct lines al, dl;
	split(a, alen, &al);
	split(diff, dlen, &dl);
	buf_init(out, NULL);
	size_t ai = 0, di = 2;
	assert_true(dl.n >= 3 && !strncmp(dl.s[0], "--- ", 4) && !strncmp(dl.s[1], "+++ ", 4));
	while (di < dl.n) {
		unsigned long as, an = 1, bs, bn = 1;
		const char *h = dl.s[di++];
		assert_true(!strncmp(h, "@@ -", 4));
		char *p;
		as = strtoul(h + 4, &p, 10);
		if (*p == ',')
			an = strtoul(p + 1, &p, 10);
		assert_true(p[0] == ' ' && p[1] == '+');
		bs = strtoul(p + 2, &p, 10);
		if (*p == ',')
			bn = strtoul(p + 1, &p, 10);
		(void)bs;
		size_t first = an ? as - 1 : as;
		assert_true(first >= ai);
		while (ai < first)
			assert_int_equal(buf_adds(out, al.s[ai++]), 0);
		unsigned long seen_a = 0, seen_b = 0;
		while (di < dl.n && strncmp(dl.s[di], "@@ ", 3)) {
			char sign = dl.s[di][0];
			char *text = dl.s[di] + 1;
			di++;
			size_t tl = strlen(text);
			if (di < dl.n && !strcmp(dl.s[di], "\\ No newline at end of file\n")) {
				assert_true(tl > 0 && text[tl - 1] == '\n');
				text[--tl] = '\0';
				di++;
			}
			if (sign == ' ' || sign == '-') {
				assert_true(ai < al.n);
				assert_string_equal(al.s[ai], text);
				ai++;
				seen_a++;
			}
			if (sign == ' ' || sign == '+') {
				assert_int_equal(buf_add(out, text, tl), 0);
				seen_b++;
			}
			assert_true(sign == ' ' || sign == '-' || sign == '+');
		}
		assert_int_equal(seen_a, an);
		assert_int_equal(seen_b, bn);
	}
	while (ai < al.n)
		assert_int_equal(buf_adds(out, al.s[ai++]), 0);
	lines_free(&al);
	lines_free(&dl);
}

/* The fewest changed lines, from the LCS table (small inputs only). */
static size_t min_changes(const struct lines *a, const struct lines *b)
{
	size_t *t = calloc((a->n + 1) * (b->n + 1), sizeof *t);
	assert_non_null(t);
	for (size_t i = a->n; i-- > 0;)
		for (size_t j = b->n; j-- > 0;) {
			size_t *c = &t[i * (b->n + 1) + j];
			if (!strcmp(a->s[i], b->s[j]))
				*c = 1 + t[(i + 1) * (b->n + 1) + j + 1];
			else
				*c = t[(i + 1) * (b->n + 1) + j] > t[i * (b->n + 1) + j + 1] ? t[(i + 1) * (b->n + 1) + j]
											 : t[i * (b->n + 1) + j + 1];
		}
	size_t lcs = t[0];
	free(t);
	return a->n + b->n - 2 * lcs;
}

static size_t changes_in(const char *diff, size_t len)
{
	struct lines l;
	split(diff, len, &l);
	size_t n = 0;
	for (size_t i = 2; i < l.n; i++)
		n += l.s[i][0] == '-' || l.s[i][0] == '+';
	lines_free(&l);
	return n;
}

static uint64_t seed;
static uint32_t rnd(uint32_t n)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (uint32_t)(seed % n);
}

/* A random text over `alphabet` distinct lines (few: many repeats). */
static void random_text(struct buf *t, size_t lines, uint32_t alphabet, bool final_newline)
{
	buf_init(t, NULL);
	for (size_t i = 0; i < lines; i++)
		assert_int_equal(buf_printf(t, "line %u\n", rnd(alphabet)), 0);
	if (!final_newline && t->len)
		t->len--;
}

/* b from a: each line kept, dropped, replaced, or preceded by a new one. */
static void mutate(const struct buf *a, struct buf *b, uint32_t rate, uint32_t alphabet)
{
	struct lines l;
	split(a->data ? a->data : "", a->len, &l);
	buf_init(b, NULL);
	for (size_t i = 0; i < l.n; i++) {
		uint32_t r = rnd(100);
		if (r < rate / 3)
			continue;
		if (r < 2 * rate / 3)
			assert_int_equal(buf_printf(b, "new %u\n", rnd(alphabet)), 0);
		else if (r < rate)
			assert_int_equal(buf_printf(b, "added %u\n", rnd(alphabet)), 0);
		assert_int_equal(buf_adds(b, l.s[i]), 0);
	}
	if (rnd(4) == 0 && b->len && b->data[b->len - 1] == '\n')
		b->len--;
	lines_free(&l);
}

static void check_pair(const struct buf *a, const struct buf *b, bool minimal)
{
	struct buf d, back;
	buf_init(&d, NULL);
	const char *at = a->data ? a->data : "", *bt = b->data ? b->data : "";
	int rc = diff_unified(&d, "a/x", "b/x", (const unsigned char *)at, a->len, (const unsigned char *)bt,
			      b->len, 3);
	assert_true(rc >= 0);
	if (rc == 0) {
		assert_true(a->len == b->len && !memcmp(at, bt, a->len));
	} else {
		apply(at, a->len, d.data, d.len, &back);
		assert_int_equal(back.len, b->len);
		assert_memory_equal(buf_str(&back), bt, b->len);
		buf_release(&back);
		if (minimal) {
			struct lines al, bl;
			split(at, a->len, &al);
			split(bt, b->len, &bl);
			assert_int_equal(changes_in(d.data, d.len), min_changes(&al, &bl));
			lines_free(&al);
			lines_free(&bl);
		}
	}
	buf_release(&d);
}

static void random_small_pairs_are_minimal_and_apply(void **state)
{
	(void)state;
	seed = 42;
	for (int i = 0; i < 400; i++) {
		struct buf a, b;
		random_text(&a, rnd(40), 1 + rnd(8), rnd(3) != 0);
		mutate(&a, &b, rnd(60), 8);
		check_pair(&a, &b, true);
		check_pair(&b, &a, true);
		buf_release(&a);
		buf_release(&b);
	}
}

static void random_large_pairs_apply(void **state)
{
	(void)state;
	seed = 7;
	/* Many changes: past the search bound, through the anchors and the
	 * whole-stretch fallback, with repeated and unique lines alike. */
	static const struct { size_t lines; uint32_t alphabet, rate; } shapes[] = {
		{ 3000, 20, 50 }, { 3000, 100000, 90 }, { 20000, 1000000, 100 }, { 5000, 3, 70 },
	};
	for (size_t i = 0; i < sizeof shapes / sizeof *shapes; i++) {
		struct buf a, b;
		random_text(&a, shapes[i].lines, shapes[i].alphabet, true);
		mutate(&a, &b, shapes[i].rate, shapes[i].alphabet);
		check_pair(&a, &b, false);
		buf_release(&a);
		buf_release(&b);
	}
}

static void every_allocation_failure_is_reported(void **state)
{
	(void)state;
	seed = 3;
	struct buf a, b, want;
	random_text(&a, 2000, 500, true);
	mutate(&a, &b, 95, 500);
	buf_init(&want, NULL);
	assert_int_equal(diff_unified(&want, "a", "b", (const unsigned char *)a.data, a.len,
				      (const unsigned char *)b.data, b.len, 3), 1);
	bool done = false;
	for (unsigned long n = 1; n < 100000 && !done; n++) {
		struct alloc_faulty fa;
		alloc_faulty_init(&fa, n);
		struct buf out;
		buf_init(&out, &fa.base);
		int rc = diff_unified(&out, "a", "b", (const unsigned char *)a.data, a.len,
				      (const unsigned char *)b.data, b.len, 3);
		if (rc < 0) {
			assert_int_equal(out.len, 0);
		} else {
			assert_int_equal(rc, 1);
			assert_int_equal(out.len, want.len);
			assert_memory_equal(out.data, want.data, want.len);
			done = true;
		}
		buf_release(&out);
		assert_int_equal(fa.live, 0);
	}
	assert_true(done);
	buf_release(&a);
	buf_release(&b);
	buf_release(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(equal_texts_give_nothing),
		cmocka_unit_test(small_cases),
		cmocka_unit_test(random_small_pairs_are_minimal_and_apply),
		cmocka_unit_test(random_large_pairs_apply),
		cmocka_unit_test(every_allocation_failure_is_reported),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
