/* model.h — what the parser builds: the records of one chunk of a file.
 *
 * Everything here lives in the arena of the parse and points into the chunk's
 * buffer by offset (struct span), so the model is only valid while both live.
 * Records, fields, continuation lines, comments and syntax errors are kept
 * in chunk-wide arrays in file order; a record names its slice of each.
 * The model holds what was written, never a judgement of it: values are
 * parsed (dates, status words) but whether they are acceptable is for the
 * rules to say. */
#ifndef PROMISE_MODEL_H
#define PROMISE_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "lex.h"
#include "span.h"

/* enum field_key is lex.h's: the scanner tells the keys apart. */

/* The canonical spelling of a known key ("in-return"); NULL for user and
 * unknown keys. */
const char *model_key_name(enum field_key key);
/* Whether a key may appear more than once in a record. Inline: the rules
 * ask for every field. */
enum {
	MODEL_KEYS_REPEAT = 1u << KEY_RECORDED | 1u << KEY_IN_RETURN | 1u << KEY_RENEGOTIATED |
			    1u << KEY_RECOVERY | 1u << KEY_EXTRA | 1u << KEY_NOTE | 1u << KEY_USER |
			    1u << KEY_UNKNOWN
};
static inline bool model_key_repeats(enum field_key key)
{
	return MODEL_KEYS_REPEAT >> key & 1;
}
/* The key for a spelling, compared case-insensitively (the scanner's
 * line_tok.key of a field line is this of its key). */
enum field_key model_key_lookup(const unsigned char *s, uint32_t len);

enum status_kind {
	STATUS_NONE,     /* no status field: open */
	STATUS_OPEN,
	STATUS_KEPT,
	STATUS_BROKEN,
	STATUS_RELEASED,
	STATUS_INVALID   /* a status field the model could not read */
};

struct status_value {
	enum status_kind kind;
	struct date_value date;   /* kept/broken/released DATE */
	struct span word;         /* the status word, when recognised */
	struct span date_span;    /* where the date stands (len 0 if none) */
};

struct field {
	enum field_key key;
	struct span key_span;
	struct span value;        /* the value on the key's line, trimmed */
	uint32_t line;            /* 1-based line of the key */
	uint32_t indent_width;
	uint32_t cont_first, cont_count;   /* continuation lines, chunk-wide */
	uint32_t comment_first, comment_count; /* comments directly above */
	struct date_value date;   /* made/due: the value; dated entries: its
				     leading date (status NOT_A_DATE if none) */
	bool ref;                 /* in-return: the value names a promise ID
				     (one ID-shaped word with a digit in it) */
};

struct cont_line {
	struct span text;         /* the line's text after its indentation */
	uint32_t line;
};

struct comment {
	struct span text;         /* after '#', untrimmed at the left */
	uint32_t line;
	uint32_t indent_width;
};

_Static_assert(KEY_COUNT <= 16, "a record's key masks are 16 bits");

enum record_flags {
	RECORD_BAD_HEADER = 1 << 0  /* the header is broken: no usable ID */
};

struct record {
	uint32_t line;            /* the header's line */
	uint32_t last_line;       /* the last line that belongs to the record */
	struct span keyword, id, text;
	unsigned flags;           /* enum record_flags */
	uint32_t field_first, field_count;
	uint32_t comment_first, comment_count; /* comments directly above */
	int32_t first[KEY_COUNT]; /* chunk-wide index of the first field with
				     each key, or -1 */
	/* A summary of the fields, kept as they are added, so that a rule
	 * sees at a glance that a record has nothing for it; bit k stands for
	 * key k. Facts about what was written, as first[] is. */
	uint16_t keys;            /* a field with the key (first[k] >= 0) */
	uint16_t repeated;        /* more than one field with the key */
	uint16_t blank;           /* a field with the key and nothing after
				     the colon on its line */
	uint16_t undated;         /* a field with the key whose date is not
				     DATE_OK (made, due and the dated
				     entries; other keys carry no date) */
	struct status_value status;
};

enum syntax_kind {
	SYN_BAD_UTF8,        /* span: the bytes */
	SYN_NUL,
	SYN_STRAY_CR,
	SYN_UNEXPECTED_LINE, /* a line that is none of the format's lines */
	SYN_UNINDENTED_FIELD,/* `key: value` at the start of a line */
	SYN_FIELD_OUTSIDE,   /* an indented line before any promise */
	SYN_NOT_A_FIELD,     /* an indented line inside a promise, not `key: value` */
	SYN_HEADER_NO_COLON, /* `promise ID text` without the colon */
	SYN_BAD_ID,          /* span: what stands where the ID should be */
	SYN_EMPTY_TEXT       /* `promise ID:` with nothing promised */
};

struct syntax_error {
	enum syntax_kind kind;
	struct span at;
	uint32_t line;
	int32_t record;      /* chunk-wide record index, or -1 */
};

/* One line of the chunk: where it starts; its content ends before the CR/LF
 * that ends it (or at the chunk's end). */
struct line_info {
	uint32_t start, end;
};

struct chunk_model {
	const unsigned char *buf;
	uint32_t len;
	uint32_t first_line;           /* the line number of buf[0] */
	struct line_info *lines;
	uint32_t nlines;
	struct record *records;
	uint32_t nrecords;
	struct field *fields;
	uint32_t nfields;
	struct cont_line *conts;
	uint32_t nconts;
	struct comment *comments;
	uint32_t ncomments;
	struct syntax_error *errors;
	uint32_t nerrors;
	bool crlf;                     /* the first line end seen was CR LF */
};

/* The field of a record with `key` (the first one), or NULL. */
static inline const struct field *model_field(const struct chunk_model *m,
					      const struct record *r, enum field_key key)
{
	return r->first[key] >= 0 ? &m->fields[r->first[key]] : (const struct field *)0;
}

/* The line_info of a 1-based line number that lies in the chunk. */
static inline const struct line_info *model_line(const struct chunk_model *m, uint32_t line)
{
	return &m->lines[line - m->first_line];
}

#endif
