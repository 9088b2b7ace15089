/* diff.c — line diff: Myers' greedy O(ND) search, bounded, with patience
 * anchoring for what the bound leaves over.
 *
 * Each text is cut into lines (line ends included) with a hash apiece.
 * compare() trims the common head and tail of a stretch, then asks Myers'
 * search (E. Myers, "An O(ND) difference algorithm and its variations",
 * 1986) for a shortest script, keeping the search frontier of every cost so
 * the path can be walked back. When the cost passes DIFF_COST_MAX the
 * search gives up; lines that occur exactly once on each side then anchor
 * the stretch (the longest run of them in the same order on both sides),
 * and the gaps between anchors are compared on their own. Formatted text
 * keeps one unique header line per record, so a file rewritten throughout
 * still splits into small per-record problems. A stretch with no anchor is
 * shown as removed and added whole.
 *
 * Rejected: the plain O(NM) table (quadratic memory on a large file) and
 * the linear-space middle-snake refinement (still O(ND) time, which is
 * quadratic when every line changed). */
#include "diff.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

enum {
	DIFF_COST_MAX = 256, /* edits before Myers' search gives up on a stretch */
	DIFF_DEPTH_MAX = 8   /* nested anchoring passes before a stretch is shown whole */
};

struct line {
	size_t off, len;
	uint64_t hash;
};

struct text {
	const unsigned char *p;
	struct line *lines;
	size_t n;
};

struct differ {
	const struct allocator *alloc;
	struct text a, b;
	unsigned char *del, *ins;  /* per line: removed from a, added in b */
	ptrdiff_t *v, *trace;      /* Myers' frontier and its history */
	bool failed;
};

static uint64_t hash_bytes(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3u;
	return h;
}

static int split_lines(const struct allocator *alloc, const unsigned char *p, size_t len, struct text *t)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += p[i] == '\n';
	if (len && p[len - 1] != '\n')
		n++;
	t->p = p;
	t->n = n;
	t->lines = alloc_mem(alloc, (n ? n : 1) * sizeof *t->lines);
	if (!t->lines)
		return -1;
	size_t start = 0, k = 0;
	for (size_t i = 0; i < len; i++) {
		if (p[i] != '\n' && i + 1 < len)
			continue;
		size_t end = i + 1;
		t->lines[k].off = start;
		t->lines[k].len = end - start;
		t->lines[k].hash = hash_bytes(p + start, end - start);
		k++;
		start = end;
	}
	return 0;
}

static bool same(const struct differ *d, size_t i, size_t j)
{
	const struct line *x = &d->a.lines[i], *y = &d->b.lines[j];
	return x->hash == y->hash && x->len == y->len && !memcmp(d->a.p + x->off, d->b.p + y->off, x->len);
}

static void mark_all(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1)
{
	memset(d->del + a0, 1, a1 - a0);
	memset(d->ins + b0, 1, b1 - b0);
}

/* Myers' greedy search over a[a0, a1) and b[b0, b1). Marks the shortest
 * script and returns 0, or returns -1 when it costs more than
 * DIFF_COST_MAX (nothing marked). The frontier of cost c is saved at
 * trace[c * (c + 2)], covering diagonals -c-1 .. c+1. */
static int myers(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1)
{
	const ptrdiff_t n = (ptrdiff_t)(a1 - a0), m = (ptrdiff_t)(b1 - b0);
	const ptrdiff_t max = n + m < DIFF_COST_MAX ? n + m : DIFF_COST_MAX;
	ptrdiff_t *v = d->v + DIFF_COST_MAX + 1; /* v[k] for k in -max-1 .. max+1 */
	memset(d->v, 0, (2 * DIFF_COST_MAX + 3) * sizeof *d->v);
	ptrdiff_t cost = -1;
	for (ptrdiff_t c = 0; c <= max && cost < 0; c++) {
		memcpy(d->trace + c * (c + 2), v - c - 1, (size_t)(2 * c + 3) * sizeof *v);
		for (ptrdiff_t k = -c; k <= c; k += 2) {
			ptrdiff_t x = k == -c || (k != c && v[k - 1] < v[k + 1]) ? v[k + 1] : v[k - 1] + 1;
			ptrdiff_t y = x - k;
			while (x < n && y < m && same(d, a0 + (size_t)x, b0 + (size_t)y)) {
				x++;
				y++;
			}
			v[k] = x;
			if (x >= n && y >= m) {
				cost = c;
				break;
			}
		}
	}
	if (cost < 0)
		return -1;
	ptrdiff_t x = n, y = m;
	for (ptrdiff_t c = cost; c >= 0; c--) {
		const ptrdiff_t *t = d->trace + c * (c + 2) + c + 1; /* t[k], k in -c-1 .. c+1 */
		ptrdiff_t k = x - y;
		ptrdiff_t pk = k == -c || (k != c && t[k - 1] < t[k + 1]) ? k + 1 : k - 1;
		ptrdiff_t px = t[pk], py = px - pk;
		while (x > px && y > py) {
			x--;
			y--;
		}
		if (c > 0) {
			if (x == px)
				d->ins[b0 + (size_t)py] = 1;
			else
				d->del[a0 + (size_t)px] = 1;
		}
		x = px;
		y = py;
	}
	return 0;
}

struct slot {
	size_t a_line;   /* a line of a with this content, plus one; 0: empty */
	size_t b_line;   /* where b has it (the last one seen) */
	uint32_t a_count, b_count;
};

struct anchor {
	size_t a, b;
};

static void compare(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1, int depth);

/* The slot for the content of line i of t: the one holding it, or the empty
 * one where it goes (the table is kept at most half full). */
static size_t slot_of(const struct differ *d, const struct slot *tab, size_t cap,
		      const struct text *t, size_t i)
{
	const struct line *l = &t->lines[i];
	size_t s = (size_t)l->hash & (cap - 1);
	while (tab[s].a_line) {
		const struct line *x = &d->a.lines[tab[s].a_line - 1];
		if (x->hash == l->hash && x->len == l->len && !memcmp(d->a.p + x->off, t->p + l->off, l->len))
			break;
		s = (s + 1) & (cap - 1);
	}
	return s;
}

/* Anchor a[a0, a1) and b[b0, b1) on the lines that occur once on each side,
 * keeping the longest run of them in the same order on both (patience
 * sorting), and compare the gaps. Returns -1 when there is no anchor. */
static int anchor_on_unique(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1, int depth)
{
	size_t na = a1 - a0, nb = b1 - b0, cap = 16;
	while (cap < 2 * (na + nb))
		cap *= 2;
	struct slot *tab = alloc_mem(d->alloc, cap * sizeof *tab);
	struct anchor *pairs = alloc_mem(d->alloc, na * sizeof *pairs);
	size_t *tails = alloc_mem(d->alloc, na * sizeof *tails);
	size_t *prev = alloc_mem(d->alloc, na * sizeof *prev);
	int rc = -1;
	if (!tab || !pairs || !tails || !prev) {
		d->failed = true;
		goto out;
	}
	memset(tab, 0, cap * sizeof *tab);
	for (size_t i = a0; i < a1; i++) {
		size_t s = slot_of(d, tab, cap, &d->a, i);
		tab[s].a_line = i + 1;
		tab[s].a_count++;
	}
	for (size_t j = b0; j < b1; j++) {
		size_t s = slot_of(d, tab, cap, &d->b, j);
		if (tab[s].a_line) {
			tab[s].b_line = j;
			tab[s].b_count++;
		}
	}
	size_t k = 0;
	for (size_t i = a0; i < a1; i++) {
		const struct slot *sl = &tab[slot_of(d, tab, cap, &d->a, i)];
		if (sl->a_count == 1 && sl->b_count == 1)
			pairs[k++] = (struct anchor){ i, sl->b_line };
	}
	/* The longest run with increasing b: tails[n] ends the best run of
	 * length n + 1 found so far; prev links each pair to the one before. */
	size_t len = 0;
	for (size_t i = 0; i < k; i++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (pairs[tails[mid]].b < pairs[i].b)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tails[lo - 1] : SIZE_MAX;
		tails[lo] = i;
		if (lo == len)
			len++;
	}
	if (len == 0)
		goto out;
	/* Walk the run back into tails[0 .. len) as pair indices, in order. */
	for (size_t i = len, at = tails[len - 1]; i-- > 0; at = prev[at])
		tails[i] = at;
	alloc_free(d->alloc, tab);
	tab = NULL;
	size_t pa = a0, pb = b0;
	for (size_t i = 0; i < len && !d->failed; i++) {
		const struct anchor *an = &pairs[tails[i]];
		compare(d, pa, an->a, pb, an->b, depth + 1);
		pa = an->a + 1;
		pb = an->b + 1;
	}
	if (!d->failed)
		compare(d, pa, a1, pb, b1, depth + 1);
	rc = 0;
out:
	alloc_free(d->alloc, tab);
	alloc_free(d->alloc, pairs);
	alloc_free(d->alloc, tails);
	alloc_free(d->alloc, prev);
	return rc;
}

static void compare(struct differ *d, size_t a0, size_t a1, size_t b0, size_t b1, int depth)
{
	while (a0 < a1 && b0 < b1 && same(d, a0, b0)) {
		a0++;
		b0++;
	}
	while (a0 < a1 && b0 < b1 && same(d, a1 - 1, b1 - 1)) {
		a1--;
		b1--;
	}
	if (a0 == a1 || b0 == b1) {
		mark_all(d, a0, a1, b0, b1);
		return;
	}
	if (myers(d, a0, a1, b0, b1) == 0)
		return;
	if (depth < DIFF_DEPTH_MAX && anchor_on_unique(d, a0, a1, b0, b1, depth) == 0)
		return;
	if (!d->failed)
		mark_all(d, a0, a1, b0, b1);
}

/* --- output ------------------------------------------------------------ */

struct change {
	size_t a, an, b, bn; /* a[a, a+an) replaced by b[b, b+bn) */
};

static int put_line(struct buf *out, char sign, const struct text *t, size_t i)
{
	const struct line *l = &t->lines[i];
	if (buf_addc(out, sign) || buf_add(out, t->p + l->off, l->len))
		return -1;
	if (l->len && t->p[l->off + l->len - 1] == '\n')
		return 0;
	return buf_adds(out, "\n\\ No newline at end of file\n");
}

/* GNU's spelling of a range: "start,count", "start" for one line, and the
 * line before for none. */
static int put_range(struct buf *out, char sign, size_t start, size_t count)
{
	if (count == 1)
		return buf_printf(out, "%c%zu", sign, start + 1);
	return buf_printf(out, "%c%zu,%zu", sign, count ? start + 1 : start, count);
}

static int write_hunks(struct differ *d, struct buf *out, const struct change *ch, size_t nch,
		       size_t context)
{
	for (size_t h = 0; h < nch;) {
		size_t e = h;
		while (e + 1 < nch && ch[e + 1].a - (ch[e].a + ch[e].an) <= 2 * context)
			e++;
		size_t as = ch[h].a > context ? ch[h].a - context : 0;
		size_t bs = ch[h].b - (ch[h].a - as);
		size_t tail = d->a.n - (ch[e].a + ch[e].an);
		size_t after = tail < context ? tail : context;
		size_t ae = ch[e].a + ch[e].an + after, be = ch[e].b + ch[e].bn + after;
		if (buf_adds(out, "@@ ") || put_range(out, '-', as, ae - as) || buf_adds(out, " ") ||
		    put_range(out, '+', bs, be - bs) || buf_adds(out, " @@\n"))
			return -1;
		size_t i = as;
		for (size_t c = h; c <= e; c++) {
			for (; i < ch[c].a; i++)
				if (put_line(out, ' ', &d->a, i))
					return -1;
			for (size_t k = 0; k < ch[c].an; k++)
				if (put_line(out, '-', &d->a, ch[c].a + k))
					return -1;
			for (size_t k = 0; k < ch[c].bn; k++)
				if (put_line(out, '+', &d->b, ch[c].b + k))
					return -1;
			i = ch[c].a + ch[c].an;
		}
		for (; i < ae; i++)
			if (put_line(out, ' ', &d->a, i))
				return -1;
		h = e + 1;
	}
	return 0;
}

int diff_unified(struct buf *out, const char *label_a, const char *label_b,
		 const unsigned char *a, size_t alen, const unsigned char *b, size_t blen,
		 unsigned context)
{
	if (alen == blen && (alen == 0 || !memcmp(a, b, alen)))
		return 0;
	struct differ d;
	memset(&d, 0, sizeof d);
	d.alloc = out->alloc;
	struct change *ch = NULL;
	int rc = -1;
	size_t start = out->len;
	if (split_lines(d.alloc, a, alen, &d.a) || split_lines(d.alloc, b, blen, &d.b))
		goto done;
	d.del = alloc_mem(d.alloc, d.a.n + 1);
	d.ins = alloc_mem(d.alloc, d.b.n + 1);
	d.v = alloc_mem(d.alloc, (2 * DIFF_COST_MAX + 3) * sizeof *d.v);
	d.trace = alloc_mem(d.alloc, (size_t)(DIFF_COST_MAX + 1) * (DIFF_COST_MAX + 3) * sizeof *d.trace);
	if (!d.del || !d.ins || !d.v || !d.trace)
		goto done;
	memset(d.del, 0, d.a.n + 1);
	memset(d.ins, 0, d.b.n + 1);
	compare(&d, 0, d.a.n, 0, d.b.n, 0);
	if (d.failed)
		goto done;

	/* The changes in order: runs of removed and added lines between the
	 * lines both texts keep (kept lines pair up in order). */
	size_t nch = 0, cap = 0;
	for (size_t i = 0, j = 0; i < d.a.n || j < d.b.n;) {
		if (i < d.a.n && j < d.b.n && !d.del[i] && !d.ins[j]) {
			i++;
			j++;
			continue;
		}
		struct change c = { i, 0, j, 0 };
		while (i < d.a.n && d.del[i]) {
			i++;
			c.an++;
		}
		while (j < d.b.n && d.ins[j]) {
			j++;
			c.bn++;
		}
		if (nch == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct change *grown = alloc_resize(d.alloc, ch, nc * sizeof *grown);
			if (!grown)
				goto done;
			ch = grown;
			cap = nc;
		}
		ch[nch++] = c;
	}
	if (buf_printf(out, "--- %s\n+++ %s\n", label_a, label_b) || write_hunks(&d, out, ch, nch, context))
		goto done;
	rc = 1;
done:
	if (rc < 0) {
		out->len = start;
		if (out->data)
			out->data[start] = '\0';
	}
	alloc_free(d.alloc, ch);
	alloc_free(d.alloc, d.a.lines);
	alloc_free(d.alloc, d.b.lines);
	alloc_free(d.alloc, d.del);
	alloc_free(d.alloc, d.ins);
	alloc_free(d.alloc, d.v);
	alloc_free(d.alloc, d.trace);
	return rc;
}
