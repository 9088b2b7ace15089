/* common.c — what every rule shares: turning a span into a positioned,
 * self-contained diagnostic, and small formatting helpers. */
#include <stdarg.h>
#include <string.h>

#include "../facts.h"
#include "../i18n.h"
#include "../options.h"
#include "../rules.h"
#include "../utf8.h"

static void fill_promise(const struct rule_ctx *c, struct diag *d, char *idbuf, size_t size)
{
	d->promise = NULL;
	d->promise_len = 0;
	if (c->r && c->r->id.len && c->m) {
		size_t n = c->r->id.len < size - 1 ? c->r->id.len : size - 1;
		memcpy(idbuf, c->m->buf + c->r->id.off, n);
		idbuf[n] = '\0';
		d->promise = idbuf;
		d->promise_len = (uint32_t)n;
	}
}

void rule_locate(const struct rule_ctx *c, uint32_t line, struct span at, struct diag *d)
{
	const struct line_info *li = model_line(c->m, line);
	const unsigned char *text = c->m->buf + li->start;
	uint32_t llen = li->end - li->start;
	uint32_t b0 = at.off >= li->start ? at.off - li->start : 0;
	uint32_t b1 = span_end(at) >= li->start ? span_end(at) - li->start : b0;
	if (b0 > llen)
		b0 = llen;
	if (b1 > llen)
		b1 = llen; /* a span never runs past its line in a diagnostic */
	if (b1 < b0)
		b1 = b0;
	memset(d, 0, sizeof *d);
	d->file = c->file;
	d->line = d->end_line = line;
	d->byte_column = b0;
	d->byte_end_column = b1;
	/* Characters add up, so the end's column is counted from the line's
	 * start: the span alone is mostly shorter than a word, and
	 * utf8_count_chars() goes by words. When the bytes up to the end are
	 * one character each (most lines), so are those up to the start. */
	d->end_column = diag_column(text, b1);
	d->column = d->end_column == b1 + 1 ? b0 + 1 : diag_column(text, b0);
	d->excerpt = (const char *)text;
	d->excerpt_len = llen;
}

/* A message is valid UTF-8 whatever it quotes: names and texts copied in
 * with %s may hold invalid bytes, and a long one is cut at the buffer's
 * end, perhaps inside a character. Every renderer and the editor server
 * can then take it as it is (utf8_vformat() formats and cleans). */
enum { MSG_SIZE = UTF8_FORMAT_MAX };

void rule_report(struct rule_ctx *c, enum rule_id rule, uint32_t line, struct span at,
		 const char *hint, const char *fmt, ...)
{
	char msg[MSG_SIZE], idbuf[256];
	va_list ap;
	va_start(ap, fmt);
	size_t len = utf8_vformat(msg, sizeof msg, fmt, ap);
	va_end(ap);

	struct diag d;
	rule_locate(c, line, at, &d);
	d.rule = (int)rule;
	d.severity = c->opt->severity[rule];
	d.message = msg;
	d.message_len = (uint32_t)len;
	d.hint = hint;
	d.hint_len = hint ? (uint32_t)strlen(hint) : 0;
	fill_promise(c, &d, idbuf, sizeof idbuf);
	c->sink(c, &d);
}

void rule_report_at(struct rule_ctx *c, enum rule_id rule, const struct diag *where,
		    const char *hint, const char *fmt, ...)
{
	char msg[MSG_SIZE];
	va_list ap;
	va_start(ap, fmt);
	size_t len = utf8_vformat(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct diag d = *where;
	d.rule = (int)rule;
	d.severity = c->opt->severity[rule];
	d.message = msg;
	d.message_len = (uint32_t)len;
	d.hint = hint;
	d.hint_len = hint ? (uint32_t)strlen(hint) : 0;
	c->sink(c, &d);
}

int32_t rule_today(const struct rule_ctx *c) { return c->opt->today; }

const char *rule_record_name(const struct rule_ctx *c, char *out, size_t size)
{
	const struct span id = c->r ? c->r->id : (struct span){ 0, 0 };
	if (!id.len)
		return _("this promise");
	/* An ID is ASCII letters, digits and . _ - (the grammar's `id`), so
	 * it is clean as it stands: rule_quote() without its test. */
	if (id.len + 4 <= size) {
		memcpy(out, c->m->buf + id.off, id.len);
		out[id.len] = '\0';
		return out;
	}
	return rule_quote(c, id, out, size);
}

const char *rule_quote(const struct rule_ctx *c, struct span s, char *out, size_t size)
{
	/* Clean text only: a message goes into JSON, XML and terminals. Most
	 * quotes (IDs, dates, words) are short and clean: then one test and
	 * one copy, the bytes utf8_clean() would give. */
	const unsigned char *from = c->m->buf + s.off;
	if (s.len + 4 <= size && utf8_clean_prefix(from, s.len) == s.len) {
		memcpy(out, from, s.len);
		out[s.len] = '\0';
		return out;
	}
	size_t used = utf8_clean(c->m->buf + s.off, s.len, out, size - 3);
	if (used < s.len)
		strcat(out, "...");
	return out;
}

long rule_ref_fact(const struct rule_ctx *c, uint32_t k, const struct field *f)
{
	if (k < RULE_REF_FACTS)
		return c->ref_facts[k];
	return facts_find(c->facts, (const char *)c->m->buf + f->value.off, f->value.len);
}

struct span rule_header_span(const struct record *r)
{
	return r->id.len ? r->id : r->keyword;
}

const struct field *rule_require_missing(struct rule_ctx *c, enum rule_id rule,
					 enum field_key key, const char *hint, const char *missing,
					 const struct field *f)
{
	char name[96];
	if (c->r->flags & RECORD_BAD_HEADER)
		return f; /* the syntax error said enough; no cascade of warnings */
	if (!f) {
		rule_report(c, rule, c->r->line, rule_header_span(c->r), _(hint), _("%s has no '%s:' %s"),
			    rule_record_name(c, name, sizeof name), model_key_name(key), _(missing));
		return NULL;
	}
	if (!f->value.len && !f->cont_count) {
		rule_report(c, rule, f->line, f->key_span, _(hint), _("'%s:' of %s is empty"),
			    model_key_name(key), rule_record_name(c, name, sizeof name));
		return NULL;
	}
	return f;
}
