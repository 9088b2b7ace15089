/* diag.h — diagnostics: what the rules found, ready to render.
 *
 * A diagnostic is self-contained: it copies its message, hint, promise ID
 * and the source line it shows into the list's own arena, so it outlives
 * the chunk it was found in. Positions are 1-based lines and columns counted
 * in Unicode code points; the end column is exclusive (the column after the
 * last character). Byte columns (0-based) are kept too, for the editor
 * server's position encodings. The lengths of the message, the hint and
 * the promise ID travel with them, so no step measures them again; 0
 * stands for "not given" (a diagnostic built with `{ 0 }` sets none), and
 * diag_message_len() and its siblings then measure the string. Whoever
 * points one of these strings elsewhere sets its length or 0. */
#ifndef PROMISE_DIAG_H
#define PROMISE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

enum severity { SEV_OFF = -1, SEV_INFO = 0, SEV_WARNING = 1, SEV_ERROR = 2 };

const char *severity_name(enum severity s);
/* "error", "warning", "info", "off" (and "never" for off when allow_never). */
bool severity_parse(const char *s, enum severity *out);

struct diag {
	uint32_t file;                 /* index into the analysis' file names */
	uint32_t line, column;         /* start, 1-based, code points */
	uint32_t end_line, end_column; /* end, exclusive */
	uint32_t byte_column, byte_end_column; /* 0-based bytes in their lines */
	int rule;                      /* enum rule_id */
	enum severity severity;
	const char *message;
	const char *hint;              /* NULL when there is none */
	const char *promise;           /* the record's ID, NULL when it has none */
	const char *excerpt;           /* the source line of `line`, no newline */
	uint32_t excerpt_len;
	uint32_t message_len, hint_len, promise_len; /* strlen() of each, or 0 */
	uint64_t order;                /* the order the diagnostic was found in */
};

static inline size_t diag_message_len(const struct diag *d)
{
	return d->message_len ? d->message_len : strlen(d->message);
}

/* 0 when there is no hint. */
static inline size_t diag_hint_len(const struct diag *d)
{
	return d->hint_len ? d->hint_len : d->hint ? strlen(d->hint) : 0;
}

/* 0 when there is no promise ID. */
static inline size_t diag_promise_len(const struct diag *d)
{
	return d->promise_len ? d->promise_len : d->promise ? strlen(d->promise) : 0;
}

struct diag_list {
	struct diag *items;
	size_t len, cap;
	struct arena strings;
	const struct allocator *alloc;
	uint64_t next_order;
};

void diag_list_init(struct diag_list *l, const struct allocator *alloc);
void diag_list_release(struct diag_list *l);
/* Append a copy of d (copying its strings); -1 when out of memory. */
int diag_list_push(struct diag_list *l, const struct diag *d);
/* Sort by file, line, column, then the order of discovery. */
void diag_list_sort(struct diag_list *l);
/* The number of diagnostics of each severity. */
void diag_list_count(const struct diag_list *l, size_t counts[3]);

/* The column (1-based, code points) of byte offset `byte` in a line. */
uint32_t diag_column(const unsigned char *line, uint32_t byte);

#endif
