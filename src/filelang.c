/* filelang.c — reading `# promise-lang: LANG` from the comments at the top
 * of a file. The directive is a comment, not a field, so files stay valid
 * for readers that know nothing of it; it is read from the chunks before
 * the file's first promise, and analyze.c carries the answer to the
 * file's later chunks.
 * Rejected: a directive per promise (a file mixing languages can say
 * `auto`, and the vote then decides per promise) and a language field in
 * the header (it would change the format for one rule). */
#include "filelang.h"

#include <string.h>

static const char keyword[] = "promise-lang";

static bool blank(unsigned char c) { return c == ' ' || c == '\t'; }

bool filelang_parse(const unsigned char *t, uint32_t len, struct filelang_directive *out)
{
	uint32_t i = 0, k = sizeof keyword - 1;
	while (i < len && blank(t[i]))
		i++;
	if (len - i < k || memcmp(t + i, keyword, k))
		return false;
	i += k;
	while (i < len && blank(t[i]))
		i++;
	if (i == len || t[i] != ':')
		return false;
	i++;
	while (i < len && blank(t[i]))
		i++;
	uint32_t end = len;
	while (end > i && (blank(t[end - 1]) || t[end - 1] == '\r'))
		end--;
	memset(out, 0, sizeof *out);
	out->value_off = i;
	out->value_len = end - i;
	char v[8];
	if (out->value_len < sizeof v) {
		for (uint32_t j = 0; j < out->value_len; j++) {
			unsigned char c = t[i + j];
			v[j] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
		}
		v[out->value_len] = '\0';
		out->valid = lang_parse(v, &out->lang);
	}
	return true;
}

bool filelang_at_top(const struct chunk_model *m, bool file_top, uint32_t k)
{
	return file_top && (m->nrecords == 0 || m->comments[k].line < m->records[0].line);
}

int filelang_of_chunk(const struct chunk_model *m, bool file_top)
{
	for (uint32_t k = 0; k < m->ncomments && filelang_at_top(m, file_top, k); k++) {
		struct filelang_directive d;
		const struct comment *cm = &m->comments[k];
		if (filelang_parse(m->buf + cm->text.off, cm->text.len, &d) && d.valid)
			return d.lang;
	}
	return FILELANG_NONE;
}
