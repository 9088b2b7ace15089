/* escape.c — one UTF-8 decoder, several encoders.
 *
 * The decoder follows the Unicode "best practice" of replacing each maximal
 * invalid subpart by one U+FFFD; here each invalid byte is replaced, which
 * is simpler and just as safe for output. Rejected: a Debian XML library
 * for escaping alone — libxml2 would pull in a whole DOM to write entities. */
#include "escape.h"

#include <string.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

size_t esc_utf8_char(const unsigned char *s, size_t n, unsigned long *cp)
{
	if (n == 0)
		return 0;
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	unsigned long v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

int esc_utf8(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	size_t i = 0;
	while (i < n) {
		unsigned long cp;
		size_t k = esc_utf8_char(p + i, n - i, &cp);
		if (k == 0) {
			if (buf_add(out, replacement, 3))
				return -1;
			i++;
			continue;
		}
		if (buf_add(out, p + i, k))
			return -1;
		i += k;
	}
	return 0;
}

int esc_xml(struct buf *out, const char *s, bool attr)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	size_t i = 0;
	while (i < n) {
		unsigned long cp;
		size_t k = esc_utf8_char(p + i, n - i, &cp);
		int rc;
		if (k == 0) {
			rc = buf_add(out, replacement, 3);
			k = 1;
		} else if (cp == '&') {
			rc = buf_adds(out, "&amp;");
		} else if (cp == '<') {
			rc = buf_adds(out, "&lt;");
		} else if (cp == '>') {
			rc = buf_adds(out, "&gt;");
		} else if (cp == '"') {
			rc = buf_adds(out, "&quot;");
		} else if (cp == '\'') {
			rc = buf_adds(out, "&apos;");
		} else if (cp == '\t' || cp == '\n' || cp == '\r') {
			rc = attr ? buf_printf(out, "&#%lu;", cp) : buf_addc(out, (char)cp);
		} else if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
			rc = buf_add(out, replacement, 3);
		} else {
			rc = buf_add(out, p + i, k);
		}
		if (rc)
			return -1;
		i += k;
	}
	return 0;
}

int esc_xml_attr(struct buf *out, const char *name, const char *value)
{
	return buf_printf(out, " %s=\"", name) || esc_xml(out, value, true) || buf_addc(out, '"');
}

int esc_github(struct buf *out, const char *s, bool property)
{
	struct buf valid;
	buf_init(&valid, out->alloc);
	if (esc_utf8(&valid, s)) {
		buf_release(&valid);
		return -1;
	}
	int rc = 0;
	const unsigned char *p = (const unsigned char *)buf_str(&valid);
	for (size_t i = 0; i < valid.len && !rc; i++) {
		unsigned char c = p[i];
		if (c == '%')
			rc = buf_adds(out, "%25");
		else if (c == '\r')
			rc = buf_adds(out, "%0D");
		else if (c == '\n')
			rc = buf_adds(out, "%0A");
		else if (property && c == ':')
			rc = buf_adds(out, "%3A");
		else if (property && c == ',')
			rc = buf_adds(out, "%2C");
		else if (c < 0x20 || c == 0x7F)
			rc = buf_addc(out, ' ');
		else
			rc = buf_addc(out, (char)c);
	}
	buf_release(&valid);
	return rc;
}

int esc_uri_path(struct buf *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			    c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
		int rc = keep ? buf_addc(out, (char)c)
			      : buf_printf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
		if (rc)
			return -1;
	}
	return 0;
}

int esc_relative_path(struct buf *out, const char *path, const char *cwd)
{
	if (path[0] == '/' && cwd && cwd[0] == '/') {
		size_t n = strlen(cwd);
		while (n > 1 && cwd[n - 1] == '/')
			n--;
		if (n == 1)
			n = 0; /* cwd is "/": every absolute path is under it */
		if (!strncmp(path, cwd, n) && path[n] == '/' && path[n + 1])
			path += n + 1;
	}
	while (path[0] == '.' && path[1] == '/') {
		path += 2;
		while (*path == '/')
			path++;
	}
	return buf_adds(out, *path ? path : ".");
}

json_t *esc_json_string(const char *s)
{
	struct buf b;
	buf_init(&b, NULL);
	json_t *j = NULL;
	if (esc_utf8(&b, s) == 0)
		j = json_stringn(b.len ? b.data : "", b.len);
	buf_release(&b);
	return j;
}
