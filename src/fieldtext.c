/* fieldtext.c — measure, then copy once. */
#include "fieldtext.h"

#include <string.h>

static struct span trim(const unsigned char *buf, struct span s)
{
	while (s.len && (buf[s.off] == ' ' || buf[s.off] == '\t')) {
		s.off++;
		s.len--;
	}
	while (s.len && (buf[s.off + s.len - 1] == ' ' || buf[s.off + s.len - 1] == '\t'))
		s.len--;
	return s;
}

int fieldtext_join(struct arena *ar, const struct chunk_model *m, const struct field *f,
		   uint32_t skip, const char **out, uint32_t *len)
{
	struct span first = f->value;
	if (skip > first.len)
		skip = first.len;
	first.off += skip;
	first.len -= skip;
	first = trim(m->buf, first);
	size_t total = first.len;
	for (uint32_t i = 0; i < f->cont_count; i++)
		total += 1 + trim(m->buf, m->conts[f->cont_first + i].text).len;
	char *s = arena_alloc(ar, total + 1);
	if (!s)
		return -1;
	size_t n = 0;
	memcpy(s, m->buf + first.off, first.len);
	n = first.len;
	for (uint32_t i = 0; i < f->cont_count; i++) {
		struct span t = trim(m->buf, m->conts[f->cont_first + i].text);
		if (!t.len)
			continue;
		if (n)
			s[n++] = ' ';
		memcpy(s + n, m->buf + t.off, t.len);
		n += t.len;
	}
	s[n] = '\0';
	*out = s;
	*len = (uint32_t)n;
	return 0;
}
