/* promise.re — the re2c source of the line scanner (see src/lex.h).
 *
 * One block classifies a line by its prefix and marks its parts with tags;
 * a second block runs over the rest of the line to find its end, validating
 * UTF-8 and reporting embedded NULs and stray carriage returns on the way.
 * Small blocks below recognise the shape of dates and status words.
 *
 * The chunk is followed by a NUL sentinel (re2c:eof = 0), so the scanner
 * never reads past the buffer and never needs a length check per byte; a NUL
 * before the limit is an ordinary, diagnosed byte. */
#include "lex.h"

#include <string.h>

typedef unsigned char uchar;

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:yyfill:enable = 0;
	re2c:eof = 0;
	re2c:tags = 1;
	re2c:define:YYCURSOR = cur;
	re2c:define:YYMARKER = mar;
	re2c:define:YYLIMIT = lim;

	ws   = [ \t];
	key  = [a-zA-Z] [a-zA-Z0-9_-]*;
	id   = [a-zA-Z] [a-zA-Z0-9._-]*;
	kw   = 'promise';
	d    = [0-9];

	ascii = [\x01-\x09\x0b\x0c\x0e-\x7f];
	u2   = [\xc2-\xdf] [\x80-\xbf];
	u3   = "\xe0" [\xa0-\xbf] [\x80-\xbf]
	     | [\xe1-\xec\xee\xef] [\x80-\xbf] [\x80-\xbf]
	     | "\xed" [\x80-\x9f] [\x80-\xbf];
	u4   = "\xf0" [\x90-\xbf] [\x80-\xbf] [\x80-\xbf]
	     | [\xf1-\xf3] [\x80-\xbf] [\x80-\xbf] [\x80-\xbf]
	     | "\xf4" [\x80-\x8f] [\x80-\xbf] [\x80-\xbf];
*/

struct bad_run {
	const uchar *start, *end;
};

static void flush_bad(const uchar *buf, struct bad_run *run, lex_problem_fn *cb, void *ctx)
{
	if (run->start && cb)
		cb(ctx, LEX_BAD_UTF8, (uint32_t)(run->start - buf), (uint32_t)(run->end - run->start));
	run->start = run->end = NULL;
}

static void report(const uchar *buf, struct bad_run *run, lex_problem_fn *cb, void *ctx,
		   enum lex_byte_problem what, const uchar *at, uint32_t n)
{
	flush_bad(buf, run, cb, ctx);
	if (cb)
		cb(ctx, what, (uint32_t)(at - buf), n);
}

/* The common line: plain ASCII up to its LF. memchr finds the end, and a
 * word-at-a-time test proves the bytes before it need no look (no NUL, no
 * CR, no byte >= 0x80); only then is the DFA below skipped. Returns false
 * when the line needs the careful scan. */
static bool fast_rest(const uchar *buf, uint32_t len, const uchar *cur, struct line_tok *tok)
{
	const uchar *lim = buf + len;
	const uchar *nl = memchr(cur, '\n', (size_t)(lim - cur));
	if (!nl)
		return false;
	const uchar *end = nl > cur && nl[-1] == '\r' ? nl - 1 : nl;
	const uchar *p = cur;
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	const uint64_t crs = ones * '\r';
	for (; end - p >= 8; p += 8) {
		uint64_t w;
		memcpy(&w, p, 8);
		uint64_t x = w ^ crs;
		if (((w - ones) & ~w & highs) | ((x - ones) & ~x & highs) | (w & highs))
			return false; /* a NUL, a CR or a non-ASCII byte */
	}
	for (; p < end; p++)
		if (*p == 0 || *p == '\r' || *p >= 0x80)
			return false;
	tok->end = (uint32_t)(end - buf);
	tok->crlf = end != nl;
	tok->next = (uint32_t)(nl + 1 - buf);
	return true;
}

/* Scan from cur to the end of the line; fill end, next, crlf, ascii. */
static void scan_rest(const uchar *buf, uint32_t len, const uchar *cur,
		      struct line_tok *tok, lex_problem_fn *cb, void *ctx)
{
	const uchar *lim = buf + len, *mar;
	struct bad_run run = { NULL, NULL };
	bool ascii = true;
	(void)mar;
	for (;;) {
		const uchar *at = cur;
	/*!re2c
		ascii+            { continue; }
		(u2 | u3 | u4)+   { ascii = false; continue; }
		"\r\n"            { tok->crlf = true; tok->end = (uint32_t)(at - buf); break; }
		"\n"              { tok->end = (uint32_t)(at - buf); break; }
		"\r"              { report(buf, &run, cb, ctx, LEX_STRAY_CR, at, 1); continue; }
		"\x00"            { report(buf, &run, cb, ctx, LEX_NUL, at, 1); continue; }
		$                 { tok->end = (uint32_t)(at - buf); break; }
		*                 {
			ascii = false;
			if (run.start && run.end == at) {
				run.end = cur;
			} else {
				flush_bad(buf, &run, cb, ctx);
				run.start = at;
				run.end = cur;
			}
			continue;
		}
	*/
	}
	flush_bad(buf, &run, cb, ctx);
	tok->next = (uint32_t)(cur - buf);
	tok->ascii = tok->ascii && ascii;
}

static struct span make_span(const uchar *buf, const uchar *s, const uchar *e)
{
	struct span sp = { (uint32_t)(s - buf), (uint32_t)(e - s) };
	return sp;
}

static struct span trim_right(const uchar *buf, struct span s)
{
	while (s.len && (buf[s.off + s.len - 1] == ' ' || buf[s.off + s.len - 1] == '\t'))
		s.len--;
	return s;
}

static uint32_t indent_width(const uchar *s, const uchar *e)
{
	uint32_t w = 0;
	for (; s < e && (*s == ' ' || *s == '\t'); s++)
		w = *s == '\t' ? (w / 8 + 1) * 8 : w + 1;
	return w;
}

void lex_line(const unsigned char *buf, uint32_t len, uint32_t pos,
	      struct line_tok *tok, lex_problem_fn *cb, void *ctx)
{
	const uchar *lim = buf + len, *mar, *cur = buf + pos;
	const uchar *h1, *i0, *i1, *k0, *k1;
	/*!stags:re2c format = 'const uchar *@@ = NULL; (void)@@;\n'; */
	const uchar *const line = cur;
	const uchar *value;

	memset(tok, 0, sizeof *tok);
	tok->start = pos;
	tok->ascii = true;
	(void)mar;
	/*!re2c
		kw @h1 ws* ":" ws* {
			tok->kind = LINE_HEADER;
			tok->keyword = make_span(buf, line, h1);
			tok->a = make_span(buf, h1, h1);
			value = cur;
			goto rest;
		}
		kw @h1 ws+ @i0 id @i1 ws* ":" ws* {
			tok->kind = LINE_HEADER;
			tok->keyword = make_span(buf, line, h1);
			tok->a = make_span(buf, i0, i1);
			value = cur;
			goto rest;
		}
		kw @h1 ws+ @i0 [^:\r\n\x00]* @i1 ":" ws* {
			tok->kind = LINE_HEADER_BAD_ID;
			tok->keyword = make_span(buf, line, h1);
			tok->a = trim_right(buf, make_span(buf, i0, i1));
			value = cur;
			goto rest;
		}
		kw @h1 ws+ {
			tok->kind = LINE_HEADER_NO_COLON;
			tok->keyword = make_span(buf, line, h1);
			value = cur;
			goto rest;
		}
		kw @h1 {
			/* `promise` directly followed by the end of the line, or the
			 * start of a longer word ("promised") that is no header. */
			if (cur == lim || *cur == '\n' || *cur == '\r') {
				tok->kind = LINE_HEADER_NO_COLON;
				tok->keyword = make_span(buf, line, h1);
				value = cur;
			} else {
				tok->kind = LINE_OTHER;
				value = line;
				cur = line;
			}
			goto rest;
		}
		ws* "#" {
			tok->kind = LINE_COMMENT;
			tok->indent_width = indent_width(line, cur);
			value = cur;
			goto rest;
		}
		ws* "\r"? "\n" {
			tok->kind = LINE_BLANK;
			tok->crlf = cur - line >= 2 && cur[-2] == '\r';
			tok->end = (uint32_t)(cur - buf) - (tok->crlf ? 2u : 1u);
			tok->next = (uint32_t)(cur - buf);
			return;
		}
		ws+ @k0 key @k1 ws* ":" ws* {
			tok->kind = LINE_FIELD;
			tok->indent_width = indent_width(line, cur);
			tok->a = make_span(buf, k0, k1);
			value = cur;
			goto rest;
		}
		ws+ {
			tok->kind = LINE_INDENTED;
			tok->indent_width = indent_width(line, cur);
			value = cur;
			goto rest;
		}
		$ {
			tok->kind = LINE_BLANK;
			tok->end = tok->next = len;
			return;
		}
		* {
			tok->kind = LINE_OTHER;
			cur = line;
			value = line;
			goto rest;
		}
	*/
rest:
	if (!fast_rest(buf, len, cur, tok))
		scan_rest(buf, len, cur, tok, cb, ctx);
	{
		struct span v = trim_right(buf, make_span(buf, value, buf + tok->end));
		switch (tok->kind) {
		case LINE_HEADER:
		case LINE_HEADER_BAD_ID:
		case LINE_FIELD:
			tok->b = v;
			break;
		case LINE_INDENTED:
			tok->a = v;
			if (v.len == 0)
				tok->kind = LINE_BLANK;
			break;
		default:
			tok->a = v;
			break;
		}
	}
}

/* The validators copy their (short) input next to a NUL sentinel so the same
 * bounds-free scanning applies; anything longer is no date or status. */
enum { SHORT_VALUE_MAX = 96 };

static int two(const uchar *p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

bool lex_date(const unsigned char *s, size_t len, bool whole, struct date_shape *out)
{
	uchar copy[SHORT_VALUE_MAX + 1];
	if (len > SHORT_VALUE_MAX)
		len = SHORT_VALUE_MAX; /* a date is short: the prefix decides */
	memcpy(copy, s, len);
	copy[len] = '\0';
	const uchar *cur = copy, *lim = copy + len, *mar;
	const uchar *hh, *oz;
	/*!stags:re2c format = 'const uchar *@@ = NULL; (void)@@;\n'; */
	(void)mar;
	/*!re2c
		d{4} "-" d{2} "-" d{2} ([ Tt] @hh d{2} ":" d{2} (" "? @oz ([Zz] | [+-] d{2} ":"? d{2}))?)? {
			goto matched;
		}
		$ { return false; }
		* { return false; }
	*/
matched:
	out->year = (copy[0] - '0') * 1000 + (copy[1] - '0') * 100 + two(copy + 2);
	out->month = two(copy + 5);
	out->day = two(copy + 8);
	out->hour = out->minute = -1;
	out->has_offset = false;
	out->offset_minutes = 0;
	out->offset_minute_part = 0;
	if (hh) {
		out->hour = two(hh);
		out->minute = two(hh + 3);
	}
	if (oz) {
		out->has_offset = true;
		if (*oz == 'Z' || *oz == 'z') {
			out->offset_minutes = 0;
		} else {
			int h = two(oz + 1);
			int m = oz[3] == ':' ? two(oz + 4) : two(oz + 3);
			out->offset_minute_part = m;
			out->offset_minutes = (*oz == '-' ? -1 : 1) * (h * 60 + m);
		}
	}
	out->len = (uint32_t)(cur - copy);
	if (whole) {
		for (const uchar *p = cur; p < lim; p++)
			if (*p != ' ' && *p != '\t')
				return false;
	}
	return true;
}

enum status_word lex_status_word(const unsigned char *s, size_t len, size_t *word_len)
{
	uchar copy[16];
	if (len > sizeof copy - 1)
		len = sizeof copy - 1;
	memcpy(copy, s, len);
	copy[len] = '\0';
	const uchar *cur = copy, *lim = copy + len, *mar;
	enum status_word w;
	(void)mar;
	/*!re2c
		'open'     { w = STATUS_WORD_OPEN; goto found; }
		'kept'     { w = STATUS_WORD_KEPT; goto found; }
		'broken'   { w = STATUS_WORD_BROKEN; goto found; }
		'released' { w = STATUS_WORD_RELEASED; goto found; }
		$          { return STATUS_WORD_NONE; }
		*          { return STATUS_WORD_NONE; }
	*/
found:
	if (cur < lim && *cur != ' ' && *cur != '\t')
		return STATUS_WORD_NONE; /* "opened", "kept-ish": not the word */
	*word_len = (size_t)(cur - copy);
	return w;
}

bool lex_is_id(const unsigned char *s, size_t len)
{
	if (len == 0 || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
		return false;
	for (size_t i = 1; i < len; i++) {
		uchar c = s[i];
		bool ok = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') ||
			  c == '-' || c == '_' || c == '.';
		if (!ok)
			return false;
	}
	return true;
}
