/* promise.re — the re2c source of the line scanner (see src/lex.h).
 *
 * One block classifies a line by its prefix and marks its parts with tags;
 * the rest of the line is then skipped sixteen bytes (SSE2) or eight at a
 * time to its end, with UTF-8 checked in place (fast_rest); a line with a
 * problem on it is run again through a second block, which reports
 * embedded NULs, stray carriage returns and bad UTF-8 in order.
 * Lines are scanned in batches (lex_lines), the DFA inside the loop over
 * them: a call and its set-up per line cost as much as a short line's
 * prefix.
 * Small blocks below recognise the shape of dates and status words.
 *
 * The chunk is followed by a NUL sentinel (re2c:eof = 0), so the scanner
 * never reads past the buffer and never needs a length check per byte; a NUL
 * before the limit is an ordinary, diagnosed byte. */
#include "lex.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Blocks of bytes at once. A mask from SSE2 (16 bytes) or from a 64-bit
 * word (8) has a bit or the top bit of a byte set for each byte that
 * matches; the word tests below are exact in every byte (no borrow or
 * carry crosses into the next), so the first match is the first set byte
 * in memory order, on either byte order. Without SSE2 the words alone do
 * the work; test_lex_portable runs that build against this one. */
#define ONES UINT64_C(0x0101010101010101)
#define LOW7 UINT64_C(0x7f7f7f7f7f7f7f7f)
#define HIGH UINT64_C(0x8080808080808080)

static uint64_t load8(const uchar *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

/* The bytes of x that are not zero. */
static uint64_t nonzero8(uint64_t x)
{
	return (((x & LOW7) + LOW7) | x) & HIGH;
}

/* The bytes of x below 0x0e or from 0x80 up: the bytes fast_rest looks at. */
static uint64_t flagged8(uint64_t x)
{
	return (~((x & LOW7) + ONES * (0x80 - 0x0e)) | x) & HIGH;
}

/* The index in memory of the first byte set in m (m != 0). */
static unsigned first8(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (unsigned)__builtin_clzll(m) >> 3;
#else
	return (unsigned)__builtin_ctzll(m) >> 3;
#endif
}

/* The first byte from p on that is no blank (the sentinel is none). */
static const uchar *skip_blanks(const uchar *p, const uchar *lim)
{
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
	for (; lim - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, sp), _mm_cmpeq_epi8(x, tab)));
		if (m != 0xffff)
			return p + __builtin_ctz(~m);
	}
#endif
	for (; lim - p >= 8; p += 8) {
		uint64_t x = load8(p);
		uint64_t m = nonzero8(x ^ (ONES * ' ')) & nonzero8(x ^ (ONES * '\t'));
		if (m)
			return p + first8(m);
	}
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* The first byte from p on that fast_rest must look at: below 0x0e or from
 * 0x80 up (SSE2 finds the first byte that is not from 0x0e to 0x7f with
 * one signed compare). */
static const uchar *next_flagged(const uchar *p, const uchar *lim)
{
#ifdef __SSE2__
	const __m128i plain = _mm_set1_epi8(0x0d);
	for (; lim - p >= 16; p += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpgt_epi8(x, plain));
		if (m != 0xffff)
			return p + __builtin_ctz(~m);
	}
#endif
	for (; lim - p >= 8; p += 8) {
		uint64_t m = flagged8(load8(p));
		if (m)
			return p + first8(m);
	}
	while (*p >= 0x0e && *p < 0x80)
		p++;
	return p;
}

/* The common line: no NUL, no stray CR, only valid UTF-8 up to its line
 * end. next_flagged() skips the bytes that need no look; a flagged byte
 * ends the line (LF, CR LF, the sentinel), is harmless (tab and the other
 * controls), or starts a UTF-8 sequence, checked in place. Anything else
 * (NUL, stray CR, bad UTF-8) returns false before tok is touched, and the
 * careful scan below starts over from cur: the two agree on every line
 * that both accept (test_lex compares them). */
static bool fast_rest(const uchar *buf, uint32_t len, const uchar *cur, struct line_tok *tok)
{
	const uchar *lim = buf + len, *p = cur;
	for (;;) {
		p = next_flagged(p, lim);
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
	return true;
}

/* Scan from cur to the end of the line; fill end, next, crlf.
 * Out of line: only a line with a byte problem comes here, and inlined
 * its DFA would crowd the registers of lex_lines' loop. */
static __attribute__((noinline, cold)) void scan_rest(const uchar *buf, uint32_t len, const uchar *cur,
		      struct line_tok *tok, lex_problem_fn *cb, void *ctx)
{
	const uchar *lim = buf + len, *mar;
	struct bad_run run = { NULL, NULL };
	(void)mar;
	for (;;) {
		const uchar *at = cur;
	/*!re2c
		ascii+            { continue; }
		(u2 | u3 | u4)+   { continue; }
		"\r\n"            { tok->crlf = true; tok->end = (uint32_t)(at - buf); break; }
		"\n"              { tok->end = (uint32_t)(at - buf); break; }
		"\r"              { report(buf, &run, cb, ctx, LEX_STRAY_CR, at, 1); continue; }
		"\x00"            { report(buf, &run, cb, ctx, LEX_NUL, at, 1); continue; }
		$                 { tok->end = (uint32_t)(at - buf); break; }
		*                 {
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

/* [v, buf + end) without the blanks that end it. */
static struct span value_span(const uchar *buf, const uchar *v, uint32_t end)
{
	const uchar *e = buf + end;
	while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return make_span(buf, v, e);
}

/* The width of an indentation [p, e) with a tab in it, w columns before
 * it: tabs to the next multiple of 8. */
static uint32_t tab_width(uint32_t w, const uchar *p, const uchar *e)
{
	for (; p < e && (*p == ' ' || *p == '\t'); p++)
		w = *p == '\t' ? (w / 8 + 1) * 8 : w + 1;
	return w;
}

/* One loop over the lines, the DFA inside it, so that nothing is set up
 * again per line. The indentation is skipped in C, a few instructions a
 * byte where a DFA state costs three times that, and it gives the width
 * at once; then one block reads a line that starts at its first column
 * (a header, a comment, a stray line), the other what follows an
 * indentation (a field's key, a comment, a continuation). A line with a
 * byte problem on it is scanned (and its problems reported) only when it
 * comes first in the batch; otherwise the batch ends before it. */
uint32_t lex_lines(const unsigned char *buf, uint32_t len, uint32_t pos, struct line_tok *toks,
		   uint32_t max, lex_problem_fn *cb, void *ctx)
{
	const uchar *const lim = buf + len;
	const uchar *mar;
	struct line_tok *tok = toks, *const end = toks + max;
	(void)mar;
	for (; tok < end && pos < len; pos = tok->next, tok++) {
		const uchar *cur = buf + pos;
		const uchar *h1, *i0, *i1, *k1;
		/*!stags:re2c format = 'const uchar *@@ = NULL; (void)@@;\n'; */
		const uchar *const line = cur;
		const uchar *value;
		enum field_key key;

		/* The members that not every line sets, one by one: cheaper
		 * than clearing the whole token first. */
		tok->key = KEY_BY;
		tok->keyword = tok->a = tok->b = (struct span){ 0, 0 };
		tok->crlf = false;
		tok->start = pos;
		while (*cur == ' ')
			cur++;
		if (*cur == '\t') {
			while (*cur == ' ' || *cur == '\t')
				cur++;
			tok->indent_width = tab_width(0, line, cur);
		} else {
			tok->indent_width = (uint32_t)(cur - line);
		}
		if (cur > line)
			goto indented;
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
			"#" {
				tok->kind = LINE_COMMENT;
				value = cur;
				goto rest;
			}
			"\r"? "\n" {
				tok->kind = LINE_BLANK;
				tok->crlf = cur - line >= 2 && cur[-2] == '\r';
				tok->end = (uint32_t)(cur - buf) - (tok->crlf ? 2u : 1u);
				tok->next = (uint32_t)(cur - buf);
				continue;
			}
			$ {
				tok->kind = LINE_BLANK;
				tok->end = tok->next = len;
				continue;
			}
			* {
				tok->kind = LINE_OTHER;
				cur = line;
				value = line;
				goto rest;
			}
		*/
	indented:
		/* After the indentation: a known key (any letter case) or `x-`
		 * wins over the plain `key`: of rules that match as long, re2c
		 * takes the first. */
		tok->a.off = (uint32_t)(cur - buf);
		/*!re2c
			'by' @k1 ws* ":" { key = KEY_BY; goto field; }
			'to' @k1 ws* ":" { key = KEY_TO; goto field; }
			'made' @k1 ws* ":" { key = KEY_MADE; goto field; }
			'due' @k1 ws* ":" { key = KEY_DUE; goto field; }
			'recorded' @k1 ws* ":" { key = KEY_RECORDED; goto field; }
			'in-return' @k1 ws* ":" { key = KEY_IN_RETURN; goto field; }
			'status' @k1 ws* ":" { key = KEY_STATUS; goto field; }
			'renegotiated' @k1 ws* ":" { key = KEY_RENEGOTIATED; goto field; }
			'recovery' @k1 ws* ":" { key = KEY_RECOVERY; goto field; }
			'extra' @k1 ws* ":" { key = KEY_EXTRA; goto field; }
			'note' @k1 ws* ":" { key = KEY_NOTE; goto field; }
			'x-' [a-zA-Z0-9_-]* @k1 ws* ":" { key = KEY_USER; goto field; }
			key @k1 ws* ":" { key = KEY_UNKNOWN; goto field; }
			"#" {
				tok->kind = LINE_COMMENT;
				value = cur;
				goto rest;
			}
			"\r"? "\n" {
				tok->kind = LINE_BLANK;
				tok->indent_width = 0; /* as at the first column */
				tok->a.off = 0;
				tok->crlf = cur - line >= 2 && cur[-2] == '\r';
				tok->end = (uint32_t)(cur - buf) - (tok->crlf ? 2u : 1u);
				tok->next = (uint32_t)(cur - buf);
				continue;
			}
			$ { goto text; }
			* { goto text; }
		*/
	text:
		tok->kind = LINE_INDENTED;
		cur = buf + tok->a.off;
		value = cur;
		goto rest;
	field:
		tok->kind = LINE_FIELD;
		tok->key = key;
		tok->a.len = (uint32_t)(k1 - buf) - tok->a.off;
		/* The blanks before the value (often a column's padding) are cheaper
		 * to skip here, a block at a time, than in the DFA. */
		cur = skip_blanks(cur, lim);
		value = cur;
	rest:
		if (!fast_rest(buf, len, cur, tok)) {
			if (tok > toks)
				break;
			scan_rest(buf, len, cur, tok, cb, ctx);
		}
		if (1u << tok->kind & (1u << LINE_FIELD | 1u << LINE_HEADER | 1u << LINE_HEADER_BAD_ID)) {
			tok->b = value_span(buf, value, tok->end);
		} else {
			tok->a = value_span(buf, value, tok->end);
			if (tok->kind == LINE_INDENTED && tok->a.len == 0)
				tok->kind = LINE_BLANK;
		}
	}
	return (uint32_t)(tok - toks);
}

void lex_line(const unsigned char *buf, uint32_t len, uint32_t pos,
	      struct line_tok *tok, lex_problem_fn *on_problem, void *ctx)
{
	lex_lines(buf, len, pos, tok, 1, on_problem, ctx);
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

/* 1: may start an ID (a letter), 2: may follow (a letter, a digit,
 * '-', '_', '.'), 4: a digit. */
static const unsigned char id_class[256] = {
	['-'] = 2, ['.'] = 2, ['_'] = 2,
	['0'] = 6, ['1'] = 6, ['2'] = 6, ['3'] = 6, ['4'] = 6,
	['5'] = 6, ['6'] = 6, ['7'] = 6, ['8'] = 6, ['9'] = 6,
	['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3, ['G'] = 3,
	['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3, ['M'] = 3, ['N'] = 3,
	['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3, ['S'] = 3, ['T'] = 3, ['U'] = 3,
	['V'] = 3, ['W'] = 3, ['X'] = 3, ['Y'] = 3, ['Z'] = 3,
	['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3, ['g'] = 3,
	['h'] = 3, ['i'] = 3, ['j'] = 3, ['k'] = 3, ['l'] = 3, ['m'] = 3, ['n'] = 3,
	['o'] = 3, ['p'] = 3, ['q'] = 3, ['r'] = 3, ['s'] = 3, ['t'] = 3, ['u'] = 3,
	['v'] = 3, ['w'] = 3, ['x'] = 3, ['y'] = 3, ['z'] = 3,
};

bool lex_is_id(const unsigned char *s, size_t len)
{
	if (len == 0 || !(id_class[s[0]] & 1))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!(id_class[s[i]] & 2))
			return false;
	return true;
}

/* Most in-return values are prose: a blank (or any byte below '-', where
 * no ID byte is) among the first eight bytes says no at once. */
bool lex_is_ref(const unsigned char *s, size_t len)
{
	unsigned seen = 0;
	if (len == 0 || !(id_class[s[0]] & 1))
		return false;
	if (len >= 8 && (load8(s) - ONES * '-') & ~load8(s) & HIGH)
		return false;
	for (size_t i = 1; i < len; i++) {
		unsigned c = id_class[s[i]];
		if (!(c & 2))
			return false;
		seen |= c;
	}
	return seen & 4;
}
