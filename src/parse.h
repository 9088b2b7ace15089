/* parse.h — lines to records.
 *
 * parse_chunk() reads one chunk (whole records; see parse_split_point) and
 * builds its chunk_model in the given arena. It never stops at a bad line:
 * every syntax problem becomes a struct syntax_error in the model and the
 * parser carries on with the next line. The only failure is running out of
 * memory (-1; the arena's content is then undefined but still releasable).
 *
 * Contract: buf[len] == '\0'. The model points into buf. */
#ifndef PROMISE_PARSE_H
#define PROMISE_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"

int parse_chunk(struct arena *ar, const unsigned char *buf, uint32_t len,
		uint32_t first_line, bool at_file_start, struct chunk_model *out);

/* Where a buffer of whole lines may be cut so that the part before holds
 * only whole records: the start of the last record's header, or of the
 * comments directly above it: 0 when that is the start of the buffer, and
 * UINT32_MAX when no record starts in the buffer at all. */
uint32_t parse_split_point(const unsigned char *buf, uint32_t len);

/* Whether the line starting at buf[pos] is a record header (the keyword,
 * then a blank, a colon or the end of the line). */
bool parse_is_header_line(const unsigned char *buf, uint32_t len, uint32_t pos);

#endif
