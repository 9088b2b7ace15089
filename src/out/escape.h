/* escape.h — making our strings safe for the formats CI systems read.
 *
 * Diagnostic text may quote the user's bytes, invalid UTF-8 included, so
 * every machine format goes through one of these: XML text and attributes,
 * JSON strings (jansson refuses invalid UTF-8), GitHub workflow-command
 * data and properties, and URI paths. Each appends to a struct buf and
 * returns -1 when memory runs out (the buffer then holds a prefix). Invalid
 * UTF-8, and characters a format cannot carry, become U+FFFD. */
#ifndef PROMISE_OUT_ESCAPE_H
#define PROMISE_OUT_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "../buf.h"

/* The length of the valid UTF-8 sequence at s[0..n) (1-4), or 0 when the
 * bytes there are not one (overlong forms, surrogates and values beyond
 * U+10FFFF are invalid); the code point goes to *cp. */
size_t esc_utf8_char(const unsigned char *s, size_t n, unsigned long *cp);

/* s with every invalid sequence replaced by U+FFFD. */
int esc_utf8(struct buf *out, const char *s);

/* XML character data (attr false) or an attribute value in double quotes
 * (attr true): & < > " ' as entities; in attributes also tab, CR and LF as
 * character references so they survive attribute normalisation. Characters
 * XML 1.0 does not allow (other C0 controls, U+FFFE, U+FFFF) become U+FFFD. */
int esc_xml(struct buf *out, const char *s, bool attr);

/* ` NAME="VALUE"`, the value escaped with esc_xml(). */
int esc_xml_attr(struct buf *out, const char *name, const char *value);

/* GitHub workflow commands: in data (after "::"), % CR LF as %25 %0D %0A;
 * in a property value also ':' and ',' as %3A and %2C. Other control
 * characters become spaces, so one finding is always one line. */
int esc_github(struct buf *out, const char *s, bool property);

/* A path as a URI reference: '/' and the unreserved characters stay,
 * every other byte is percent-encoded (RFC 3986). */
int esc_uri_path(struct buf *out, const char *path);

/* A file name as CI systems want it, relative to the directory the command
 * runs in: "./" prefixes dropped, an absolute path under `cwd` made
 * relative. Other absolute paths stay as they are. */
int esc_relative_path(struct buf *out, const char *path, const char *cwd);

/* A jansson string of s made valid UTF-8 first; NULL when out of memory. */
json_t *esc_json_string(const char *s);

#endif
