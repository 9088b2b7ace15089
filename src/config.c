/* config.c — libinih calls back once per `name = value` (and once more per
 * continuation line of a multi-line value); the callbacks fill struct
 * config and record the first problem. inih knows no line numbers in this
 * build, so the file is fed through our own line reader, which counts
 * lines and tells whether the line being read is an indented continuation.
 * inih's line buffer is set to grow on the heap so no line is cut at 200
 * bytes. Rejected: a second grammar of our own (two parsers drift) and
 * Python's configparser semantics beyond what inih gives (interpolation). */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "fsio.h"
#include "options.h"

enum { LINT_LANGUAGE, LINT_DUE_SOON, LINT_SELECT, LINT_IGNORE };

void config_init(struct config *c, const struct allocator *alloc)
{
	memset(c, 0, sizeof *c);
	c->alloc = alloc ? alloc : alloc_default();
	arena_init(&c->strings, c->alloc);
	c->due_soon_days = -1;
	for (int l = 0; l < LANG_COUNT; l++)
		wordlist_init(&c->add[l], c->alloc);
}

void config_release(struct config *c)
{
	for (int l = 0; l < LANG_COUNT; l++) {
		wordlist_release(&c->add[l]);
		alloc_free(c->alloc, c->removed[l]);
		c->removed[l] = NULL;
	}
	alloc_free(c->alloc, c->people);
	alloc_free(c->alloc, c->people_folded);
	c->people = c->people_folded = NULL;
	c->npeople = c->cap_people = 0;
	arena_release(&c->strings);
}

struct parse_state {
	struct config *c;
	struct config_error *err;
	const char *p, *end;
	uint32_t line;          /* the line being parsed */
	bool continuation;      /* it is indented: a value's continuation */
	bool at_line_start;     /* the reader's next byte starts a line */
	bool failed;            /* err holds a problem */
	bool nomem;
};

static char *reader(char *str, int num, void *stream)
{
	struct parse_state *st = stream;
	if (st->p >= st->end || num < 2)
		return NULL;
	size_t n = 0, max = (size_t)num - 1;
	bool line_start = st->at_line_start;
	while (n < max && st->p + n < st->end) {
		char ch = st->p[n++];
		if (ch == '\n')
			break;
	}
	if (line_start) {
		st->line++;
		st->continuation = st->p[0] == ' ' || st->p[0] == '\t';
	}
	memcpy(str, st->p, n);
	str[n] = '\0';
	st->p += n;
	st->at_line_start = str[n - 1] == '\n';
	return str;
}

static int problem(struct parse_state *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int problem(struct parse_state *st, const char *fmt, ...)
{
	if (!st->failed) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(st->err->message, sizeof st->err->message, fmt, ap);
		va_end(ap);
		st->err->line = st->line;
		st->failed = true;
	}
	return 1; /* keep going: inih's own syntax errors are still found */
}

/* Call fn on each trimmed, non-empty comma-separated item of value. */
static int each_item(struct parse_state *st, const char *value,
		     int (*fn)(struct parse_state *st, const char *item, size_t len, void *ctx), void *ctx)
{
	const char *p = value;
	while (*p) {
		const char *comma = strchr(p, ',');
		const char *e = comma ? comma : p + strlen(p);
		const char *a = p;
		while (a < e && (*a == ' ' || *a == '\t'))
			a++;
		const char *b = e;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (b > a && fn(st, a, (size_t)(b - a), ctx))
			return -1;
		p = comma ? comma + 1 : e;
	}
	return 0;
}

static int rule_item(struct parse_state *st, const char *item, size_t len, void *ctx)
{
	bool *set = ctx;
	char name[64];
	if (len >= sizeof name) {
		problem(st, "no rule named '%.40s...'; 'promise rules' lists them", item);
		return 0;
	}
	memcpy(name, item, len);
	name[len] = '\0';
	int r = rule_lookup(name);
	if (r < 0)
		problem(st, "no rule named '%s'; 'promise rules' lists them", name);
	else
		set[r] = true;
	return 0;
}

int config_fold_name(struct arena *ar, const unsigned char *s, uint32_t len, struct folded *out)
{
	unsigned char *clean = arena_alloc(ar, (size_t)len + 1);
	if (!clean)
		return -1;
	uint32_t n = 0;
	int angle = 0, paren = 0;
	for (uint32_t i = 0; i < len; i++) {
		unsigned char ch = s[i];
		if (ch == '<') angle++;
		else if (ch == '>' && angle) angle--;
		else if (ch == '(') paren++;
		else if (ch == ')' && paren) paren--;
		else if (!angle && !paren) clean[n++] = ch;
	}
	return textnorm_fold_copy(ar, clean, n, out);
}

static int person_item(struct parse_state *st, const char *item, size_t len, void *ctx)
{
	(void)ctx;
	struct config *c = st->c;
	struct folded f;
	char *copy = arena_strndup(&c->strings, item, len);
	if (!copy || config_fold_name(&c->strings, (const unsigned char *)item, (uint32_t)len, &f)) {
		st->nomem = true;
		return -1;
	}
	if (f.len == 0) {
		problem(st, "'%s' names nobody", copy);
		return 0;
	}
	if (c->npeople == c->cap_people) {
		size_t nc = c->cap_people ? c->cap_people * 2 : 16;
		const char **a = alloc_resize(c->alloc, c->people, nc * sizeof *a);
		if (a)
			c->people = a;
		const char **b = a ? alloc_resize(c->alloc, c->people_folded, nc * sizeof *b) : NULL;
		if (!b) {
			st->nomem = true;
			return -1;
		}
		c->people_folded = b;
		c->cap_people = nc;
	}
	c->people[c->npeople] = copy;
	c->people_folded[c->npeople] = (const char *)f.text;
	c->npeople++;
	return 0;
}

static int add_item(struct parse_state *st, const char *item, size_t len, void *ctx)
{
	if (wordlist_add(ctx, item, (uint32_t)len)) {
		st->nomem = true;
		return -1;
	}
	st->c->has_vague = true;
	return 0;
}

struct remove_ctx {
	enum lang lang;
};

static int remove_item(struct parse_state *st, const char *item, size_t len, void *ctx)
{
	struct config *c = st->c;
	enum lang l = ((struct remove_ctx *)ctx)->lang;
	unsigned size;
	const struct lexicon_entry *lex = vague_lexicon(l, &size);
	if (!c->removed[l]) {
		c->removed[l] = alloc_mem(c->alloc, size ? size : 1);
		if (!c->removed[l]) {
			st->nomem = true;
			return -1;
		}
		memset(c->removed[l], 0, size ? size : 1);
	}
	struct arena ar;
	arena_init(&ar, c->alloc);
	struct folded want, have;
	bool found = false;
	if (textnorm_fold_copy(&ar, (const unsigned char *)item, (uint32_t)len, &want)) {
		arena_release(&ar);
		st->nomem = true;
		return -1;
	}
	for (unsigned i = 0; i < size; i++) {
		if ((int)lex[i].cls >= CUE_VAGUE_CLASSES)
			continue;
		if (textnorm_fold_copy(&ar, (const unsigned char *)lex[i].phrase,
				  (uint32_t)strlen(lex[i].phrase), &have)) {
			arena_release(&ar);
			st->nomem = true;
			return -1;
		}
		if (have.len == want.len && !memcmp(have.text, want.text, want.len)) {
			c->removed[l][i] = 1;
			found = true;
		}
	}
	arena_release(&ar);
	if (!found)
		problem(st, "'%.*s' is not a vague word of the %s lexicon (grammar/lexicon/%s.tsv)",
			(int)(len > 60 ? 60 : len), item, lang_code(l), lang_code(l));
	c->has_vague = true;
	return 0;
}

/* A setting that takes one value: not on a continuation line, not twice. */
static bool single(struct parse_state *st, const char *name, uint32_t *line)
{
	if (st->continuation) {
		problem(st, "'%s' takes one value, not several lines", name);
		return false;
	}
	if (*line) {
		problem(st, "'%s' is set twice (first on line %u)", name, *line);
		return false;
	}
	*line = st->line;
	return true;
}

static int lint_setting(struct parse_state *st, const char *name, const char *value)
{
	struct config *c = st->c;
	if (!strcasecmp(name, "language")) {
		if (single(st, name, &c->lint_line[LINT_LANGUAGE])) {
			if (!lang_parse(value, &c->language))
				return problem(st, "language takes auto, en, nl or sv, not '%s'", value);
			c->has_language = true;
		}
	} else if (!strcasecmp(name, "due-soon-days")) {
		if (single(st, name, &c->lint_line[LINT_DUE_SOON])) {
			char *end;
			errno = 0;
			long n = strtol(value, &end, 10);
			if (!*value || *end || errno || n < 0 || n > 3650)
				return problem(st, "due-soon-days takes a number of days from 0 to 3650, not '%s'",
					       value);
			c->due_soon_days = (int)n;
		}
	} else if (!strcasecmp(name, "select")) {
		if (!st->continuation && c->lint_line[LINT_SELECT])
			return problem(st, "'select' is set twice (first on line %u)", c->lint_line[LINT_SELECT]);
		if (!c->lint_line[LINT_SELECT])
			c->lint_line[LINT_SELECT] = st->line;
		c->has_select = true;
		each_item(st, value, rule_item, c->select);
	} else if (!strcasecmp(name, "ignore")) {
		if (!st->continuation && c->lint_line[LINT_IGNORE])
			return problem(st, "'ignore' is set twice (first on line %u)", c->lint_line[LINT_IGNORE]);
		if (!c->lint_line[LINT_IGNORE])
			c->lint_line[LINT_IGNORE] = st->line;
		each_item(st, value, rule_item, c->ignore);
	} else {
		return problem(st, "unknown setting '%s' in [lint]; settings: language, due-soon-days, select, ignore",
			       name);
	}
	return 1;
}

static int rule_setting(struct parse_state *st, const char *name, const char *value)
{
	struct config *c = st->c;
	int r = rule_lookup(name);
	if (r < 0)
		return problem(st, "no rule named '%s'; 'promise rules' lists them", name);
	if (!single(st, name, &c->rule_line[r]))
		return 1;
	enum severity sev;
	if (!severity_parse(value, &sev))
		return problem(st, "'%s' takes error, warning, info or off, not '%s'", name, value);
	c->severity[r] = sev;
	c->severity_set[r] = true;
	return 1;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	struct parse_state *st = user;
	if (st->nomem)
		return 1;
	if (!strcasecmp(section, "lint"))
		return lint_setting(st, name, value);
	if (!strcasecmp(section, "rules"))
		return rule_setting(st, name, value);
	if (!strcasecmp(section, "people")) {
		if (strcasecmp(name, "known"))
			return problem(st, "unknown setting '%s' in [people]; the setting is 'known'", name);
		each_item(st, value, person_item, NULL);
		return 1;
	}
	if (!strncasecmp(section, "vague.", 6)) {
		enum lang l;
		if (!lang_parse(section + 6, &l) || l == LANG_AUTO)
			return problem(st, "unknown section [%s]; vague words are set in [vague.en], [vague.nl] or [vague.sv]",
				       section);
		if (!strcasecmp(name, "add")) {
			each_item(st, value, add_item, &st->c->add[l]);
		} else if (!strcasecmp(name, "remove")) {
			struct remove_ctx rc = { l };
			each_item(st, value, remove_item, &rc);
		} else {
			return problem(st, "unknown setting '%s' in [%s]; settings: add, remove", name, section);
		}
		return 1;
	}
	if (!*section)
		return problem(st, "'%s' stands before any [section]", name);
	return problem(st, "unknown section [%s]; sections: lint, rules, people, vague.en, vague.nl, vague.sv",
		       section);
}

enum config_status config_parse(struct config *c, const char *text, size_t len, struct config_error *err)
{
	memset(err, 0, sizeof *err);
	const char *nul = memchr(text, '\0', len);
	if (nul) {
		uint32_t line = 1;
		for (const char *p = text; p < nul; p++)
			line += *p == '\n';
		err->line = line;
		snprintf(err->message, sizeof err->message, "a NUL byte; a configuration is text");
		return CONFIG_INVALID;
	}
	/* inih's run-time switches (Debian builds them as variables): a line
	 * buffer on the heap that grows, so long lines are read whole. */
	ini_use_stack = false;
	ini_allow_realloc = true;
	ini_max_line = 1 << 20;
	struct parse_state st = { c, err, text, text + len, 0, false, true, false, false };
	int rc = ini_parse_stream(reader, &st, handler, &st);
	if (st.nomem || rc == -2)
		return CONFIG_NOMEM;
	if (rc > 0 && (!st.failed || (uint32_t)rc < err->line)) {
		err->line = (uint32_t)rc;
		snprintf(err->message, sizeof err->message,
			 "not a [section], a 'name = value' line or a comment");
		return CONFIG_INVALID;
	}
	if (st.failed)
		return CONFIG_INVALID;
	for (int l = 0; l < LANG_COUNT; l++) {
		c->vague.add[l] = c->add[l].nphrases ? &c->add[l] : NULL;
		c->vague.removed[l] = c->removed[l];
	}
	return CONFIG_OK;
}

enum config_status config_load(struct config *c, const char *path, struct config_error *err)
{
	struct buf b;
	buf_init(&b, c->alloc);
	if (fsio_read_file(path, &b)) {
		int saved = errno;
		buf_release(&b);
		errno = saved;
		return saved == ENOMEM ? CONFIG_NOMEM : CONFIG_IO;
	}
	enum config_status st = config_parse(c, b.len ? b.data : "", b.len, err);
	buf_release(&b);
	return st;
}

void config_apply(const struct config *c, struct lint_options *o)
{
	for (int r = 0; r < RULE_COUNT; r++) {
		if (c->severity_set[r])
			o->severity[r] = c->severity[r];
		if ((c->has_select && !c->select[r]) || c->ignore[r])
			o->severity[r] = SEV_OFF;
	}
	if (c->due_soon_days >= 0)
		o->due_soon_days = c->due_soon_days;
	if (c->has_language)
		o->language = c->language;
	o->config = c;
}

int config_rule_list(const char *list, bool out[RULE_COUNT], char *bad, size_t bad_size)
{
	const char *p = list;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char name[64];
		const char *a = p;
		while (n && (*a == ' ' || *a == '\t'))
			a++, n--;
		while (n && (a[n - 1] == ' ' || a[n - 1] == '\t'))
			n--;
		if (n) {
			int r = -1;
			if (n < sizeof name) {
				memcpy(name, a, n);
				name[n] = '\0';
				r = rule_lookup(name);
			}
			if (r < 0) {
				snprintf(bad, bad_size, "%.*s", (int)n, a);
				return -1;
			}
			out[r] = true;
		}
		p = comma ? comma + 1 : p + strlen(p);
	}
	return 0;
}

static int exists(const char *path, bool want_dir, bool *yes)
{
	struct stat st;
	if (stat(path, &st) == 0) {
		*yes = want_dir ? true : S_ISREG(st.st_mode);
		return 0;
	}
	*yes = false;
	return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
}

int config_find(const char *dir, struct buf *out)
{
	struct buf d;
	buf_init(&d, out->alloc);
	char *abs = realpath(*dir ? dir : ".", NULL);
	if (!abs || buf_adds(&d, abs)) {
		int saved = abs ? ENOMEM : errno;
		free(abs);
		buf_release(&d);
		errno = saved;
		return -1;
	}
	free(abs);
	int result = 0;
	for (;;) {
		size_t base = d.len;
		bool found, repo;
		if (buf_printf(&d, "%s%s", base == 1 ? "" : "/", CONFIG_FILE_NAME)) {
			errno = ENOMEM;
			result = -1;
			break;
		}
		if (exists(d.data, false, &found)) {
			result = -1;
			break;
		}
		if (found) {
			buf_clear(out);
			result = buf_add(out, d.data, d.len) ? -1 : 1;
			if (result < 0)
				errno = ENOMEM;
			break;
		}
		d.len = base;
		d.data[base] = '\0';
		if (buf_printf(&d, "%s.git", base == 1 ? "" : "/")) {
			errno = ENOMEM;
			result = -1;
			break;
		}
		if (exists(d.data, true, &repo)) {
			result = -1;
			break;
		}
		d.len = base;
		d.data[base] = '\0';
		if (repo || base <= 1)
			break;
		char *slash = strrchr(d.data, '/');
		d.len = slash == d.data ? 1 : (size_t)(slash - d.data);
		d.data[d.len] = '\0';
	}
	int saved = errno;
	buf_release(&d);
	errno = saved;
	return result;
}
