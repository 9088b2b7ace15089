/* textwidth.c — utf8proc's character widths, summed. Rejected: wcswidth()
 * — it depends on the process locale, which a CI job often leaves as C. */
#include "textwidth.h"

#include <utf8proc.h>

/* One character at s: its byte length and its width. */
static size_t step(const unsigned char *s, size_t len, int *width)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate(s, (utf8proc_ssize_t)len, &cp);
	if (n <= 0) {
		*width = 1;
		return 1;
	}
	if (cp < 0x20 || cp == 0x7f) {
		*width = 1;
		return (size_t)n;
	}
	int w = utf8proc_charwidth(cp);
	*width = w < 0 ? 1 : w;
	return (size_t)n;
}

uint32_t textwidth(const char *s, size_t len)
{
	uint32_t cols = 0;
	size_t i = 0;
	while (i < len) {
		int w;
		i += step((const unsigned char *)s + i, len - i, &w);
		cols += (uint32_t)w;
	}
	return cols;
}

size_t textwidth_fit(const char *s, size_t len, uint32_t cols, uint32_t *used)
{
	uint32_t total = 0;
	size_t i = 0;
	while (i < len) {
		int w;
		size_t n = step((const unsigned char *)s + i, len - i, &w);
		if (w > 0 && total + (uint32_t)w > cols)
			break;
		total += (uint32_t)w;
		i += n;
	}
	*used = total;
	return i;
}
