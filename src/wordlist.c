/* wordlist.c — a first-child/next-sibling trie: a node per folded byte,
 * children in a linked list. Configured lists are a handful of phrases, so
 * the linear sibling scan costs nothing, and the trie keeps matching one
 * pass per word start however many phrases there are. Rejected: compiling
 * additions with re2c at run time (no code generation in the linter), and
 * comparing every phrase at every word start (quadratic in the list). */
#include "wordlist.h"

#include <string.h>

#include "arena.h"
#include "textnorm.h"

struct wordlist_node {
	uint32_t child, sibling;   /* node indices; 0 means none */
	uint32_t phrase;           /* phrase index + 1 ending here; 0 none */
	unsigned char byte;
};

void wordlist_init(struct wordlist *w, const struct allocator *alloc)
{
	memset(w, 0, sizeof *w);
	w->alloc = alloc ? alloc : alloc_default();
}

void wordlist_release(struct wordlist *w)
{
	for (uint32_t i = 0; i < w->nphrases; i++)
		alloc_free(w->alloc, w->phrases[i]);
	alloc_free(w->alloc, w->phrases);
	alloc_free(w->alloc, w->nodes);
	w->phrases = NULL;
	w->nodes = NULL;
	w->nnodes = w->cap = w->nphrases = w->cap_phrases = 0;
}

static int new_node(struct wordlist *w, unsigned char byte, uint32_t *out)
{
	if (w->nnodes == w->cap) {
		uint32_t nc = w->cap ? w->cap * 2 : 64;
		struct wordlist_node *nn = alloc_resize(w->alloc, w->nodes, nc * sizeof *nn);
		if (!nn)
			return -1;
		w->nodes = nn;
		w->cap = nc;
	}
	struct wordlist_node *n = &w->nodes[w->nnodes];
	memset(n, 0, sizeof *n);
	n->byte = byte;
	*out = w->nnodes++;
	return 0;
}

static uint32_t find_child(const struct wordlist *w, uint32_t node, unsigned char byte)
{
	for (uint32_t c = w->nodes[node].child; c; c = w->nodes[c].sibling)
		if (w->nodes[c].byte == byte)
			return c;
	return 0;
}

int wordlist_add(struct wordlist *w, const char *s, uint32_t len)
{
	struct arena ar;
	arena_init(&ar, w->alloc);
	struct folded f;
	int rc = -1;
	if (textnorm_fold_copy(&ar, (const unsigned char *)s, len, &f))
		goto out;
	rc = 0;
	if (f.len == 0 || wordlist_contains(w, f.text, f.len))
		goto out;
	rc = -1;
	if (w->nnodes == 0) {
		uint32_t root;
		if (new_node(w, 0, &root))
			goto out;
	}
	if (w->nphrases == w->cap_phrases) {
		uint32_t nc = w->cap_phrases ? w->cap_phrases * 2 : 8;
		char **np = alloc_resize(w->alloc, w->phrases, nc * sizeof *np);
		if (!np)
			goto out;
		w->phrases = np;
		w->cap_phrases = nc;
	}
	char *copy = alloc_mem(w->alloc, f.len + 1);
	if (!copy)
		goto out;
	memcpy(copy, f.text, f.len + 1);
	uint32_t node = 0;
	for (uint32_t i = 0; i < f.len; i++) {
		uint32_t c = find_child(w, node, f.text[i]);
		if (!c) {
			if (new_node(w, f.text[i], &c)) {
				alloc_free(w->alloc, copy);
				goto out;
			}
			/* new_node may have moved the array: index, never pointer */
			w->nodes[c].sibling = w->nodes[node].child;
			w->nodes[node].child = c;
		}
		node = c;
	}
	w->phrases[w->nphrases] = copy;
	w->nodes[node].phrase = ++w->nphrases;
	rc = 0;
out:
	arena_release(&ar);
	return rc;
}

uint32_t wordlist_match(const struct wordlist *w, const unsigned char *t, uint32_t len, uint32_t i,
			uint32_t *phrase)
{
	if (w->nnodes == 0)
		return 0;
	uint32_t node = 0, best = 0;
	for (uint32_t j = i; j < len; j++) {
		/* plain ASCII text reaches us unfolded (textnorm.h): fold its case */
		unsigned char c = t[j] >= 'A' && t[j] <= 'Z' ? (unsigned char)(t[j] | 0x20) : t[j];
		node = find_child(w, node, c);
		if (!node)
			break;
		uint32_t end = j + 1;
		bool ends_word = t[end - 1] == '.' || !textnorm_is_word(t[end - 1]) ||
				 end == len || !textnorm_is_word(t[end]);
		if (w->nodes[node].phrase && ends_word) {
			best = end - i;
			*phrase = w->nodes[node].phrase - 1;
		}
	}
	return best;
}

bool wordlist_contains(const struct wordlist *w, const unsigned char *folded, uint32_t len)
{
	if (w->nnodes == 0)
		return false;
	uint32_t node = 0;
	for (uint32_t i = 0; i < len; i++) {
		node = find_child(w, node, folded[i]);
		if (!node)
			return false;
	}
	return w->nodes[node].phrase != 0;
}
