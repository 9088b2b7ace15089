/* promise.re — the re2c source of the line scanner (see src/lex.h).
 *
 * One block classifies a line by its prefix and marks its parts with tags;
 * the rest of the line is then skipped a word at a time to its end, with
 * UTF-8 checked in place (fast_rest); a line with a problem on it is run
 * again through a second block, which reports embedded NULs, stray carriage
 * returns and bad UTF-8 in order.
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

/* The length of the valid UTF-8 sequence (u2, u3 or u4 above) that starts
 * with the byte >= 0x80 at p, or 0. Reads no further than the first byte
 * that is no continuation, so the NUL sentinel stops it. */
static int utf8_seq(const uchar *p)
{
	uchar c = p[0];
	uchar lo = 0x80, hi = 0xbf;
	int n;
	if (c >= 0xc2 && c <= 0xdf)
		return p[1] >= 0x80 && p[1] <= 0xbf ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (p[1] < lo || p[1] > hi || p[2] < 0x80 || p[2] > 0xbf)
		return 0;
	return n == 3 || (p[3] >= 0x80 && p[3] <= 0xbf) ? n : 0;
}

/* The common line: no NUL, no stray CR, only valid UTF-8 up to its line
 * end. A word-at-a-time loop skips the bytes that need no look (0x0e to
 * 0x7f): it flags every byte below 0x0e or from 0x80 up, and the lowest
 * flag is exact (a borrow only carries upwards from a flagged byte). A
 * flagged byte ends the line (LF, CR LF, the sentinel), is harmless (tab
 * and the other controls), or starts a UTF-8 sequence, checked in place.
 * Anything else (NUL, stray CR, bad UTF-8) returns false before tok is
 * touched, and the careful scan below starts over from cur: the two agree
 * on every line that both accept (test_lex compares them). */
static bool fast_rest(const uchar *buf, uint32_t len, const uchar *cur, struct line_tok *tok)
{
	const uchar *lim = buf + len, *p = cur;
	const uint64_t low = 0x0101010101010101u * 0x0e, highs = 0x8080808080808080u;
	bool ascii = true;
	for (;;) {
		for (; lim - p >= 8; p += 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			uint64_t m = ((w - low) | w) & highs;
			if (m) {
				p += __builtin_ctzll(m) >> 3;
				goto flagged;
			}
		}
		while (*p >= 0x0e && *p < 0x80)
			p++;
	flagged:
		if (*p == '\n') {
			tok->end = (uint32_t)(p - buf);
			tok->next = tok->end + 1;
			break;
		}
		if (*p >= 0x80) {
			int n = utf8_seq(p);
			if (!n)
				return false;
			p += n;
			ascii = false;
			continue;
		}
		if (*p == '\r') {
			if (p[1] != '\n')
				return false;
			tok->end = (uint32_t)(p - buf);
			tok->next = tok->end + 2;
			tok->crlf = true;
			break;
		}
		if (*p == 0) {
			if (p != lim)
				return false;
			tok->end = tok->next = len;
			break;
		}
		p++;
	}
	if (!ascii)
		tok->ascii = false;
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
	const uchar *p = s;
	while (p < e && *p == ' ')
		p++; /* the usual indentation: spaces only */
	uint32_t w = (uint32_t)(p - s);
	for (; p < e && (*p == ' ' || *p == '\t'); p++)
		w = *p == '\t' ? (w / 8 + 1) * 8 : w + 1;
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
	enum field_key key;

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
		ws+ @k0 'by' @k1 ws* ":" { key = KEY_BY; goto field; }
		ws+ @k0 'to' @k1 ws* ":" { key = KEY_TO; goto field; }
		ws+ @k0 'made' @k1 ws* ":" { key = KEY_MADE; goto field; }
		ws+ @k0 'due' @k1 ws* ":" { key = KEY_DUE; goto field; }
		ws+ @k0 'recorded' @k1 ws* ":" { key = KEY_RECORDED; goto field; }
		ws+ @k0 'in-return' @k1 ws* ":" { key = KEY_IN_RETURN; goto field; }
		ws+ @k0 'status' @k1 ws* ":" { key = KEY_STATUS; goto field; }
		ws+ @k0 'renegotiated' @k1 ws* ":" { key = KEY_RENEGOTIATED; goto field; }
		ws+ @k0 'recovery' @k1 ws* ":" { key = KEY_RECOVERY; goto field; }
		ws+ @k0 'extra' @k1 ws* ":" { key = KEY_EXTRA; goto field; }
		ws+ @k0 'note' @k1 ws* ":" { key = KEY_NOTE; goto field; }
		ws+ @k0 'x-' [a-zA-Z0-9_-]* @k1 ws* ":" { key = KEY_USER; goto field; }
		ws+ @k0 key @k1 ws* ":" { key = KEY_UNKNOWN; goto field; }
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
field:
	/* A known key (any letter case) or `x-` wins over the plain `key`
	 * above: of rules that match as long, re2c takes the first. */
	tok->kind = LINE_FIELD;
	tok->key = key;
	tok->indent_width = indent_width(line, k0);
	tok->a = make_span(buf, k0, k1);
	/* The blanks before the value (often a column's padding) are cheaper
	 * to skip here than in the DFA. */
	while (*cur == ' ' || *cur == '\t')
		cur++;
	value = cur;
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
	if (lex_plain_date(s, len, &out->year, &out->month, &out->day)) {
		/* A date alone, or before a byte that is neither a blank nor a
		 * time: with `whole`, only the former. */
		if (whole && len > 10)
			return false;
		out->hour = out->minute = -1;
		out->has_offset = false;
		out->offset_minutes = 0;
		out->offset_minute_part = 0;
		out->len = 10;
		return true;
	}
	uchar copy[SHORT_VALUE_MAX + 1];
	const size_t full = len;
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
		/* to the value's end, not the prefix's: blanks, then a word */
		for (size_t p = out->len; p < full; p++)
			if (s[p] != ' ' && s[p] != '\t')
				return false;
	}
	(void)lim;
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
