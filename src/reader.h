/* reader.h — a file read in chunks of whole records.
 *
 * Each chunk handed out is a run of whole records (parse_split_point) that
 * ends at a line boundary and is followed by a NUL sentinel, so the scanner
 * needs no bounds checks. Comment lines travel with the record below them,
 * also before a file's first record (a run of them longer than 64 MiB
 * excepted). Only the unfinished tail is carried over to the
 * next chunk; a record larger than the buffer makes the buffer grow. Memory
 * is bounded by the chunk size and the largest record, not the file size.
 *
 * The reader owns its buffer; a chunk is valid until the next call. */
#ifndef PROMISE_READER_H
#define PROMISE_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

struct reader {
	const struct allocator *alloc;
	int fd;                 /* -1 for a memory reader */
	const unsigned char *mem;
	size_t mem_len, mem_pos;
	unsigned char *buf;     /* cap + 1 bytes: room for the sentinel */
	size_t cap, len;        /* len: bytes held */
	size_t chunk_len;       /* the chunk handed out last (moved past next time) */
	unsigned char saved;    /* the byte the sentinel replaced */
	bool eof, started;
	uint64_t total;         /* bytes read so far */
	uint64_t limit;         /* fd: stop after this many bytes; 0: at the end */
};

struct chunk {
	const unsigned char *data; /* data[len] == '\0' */
	uint32_t len;
	bool first;                /* the file's first chunk (may hold a BOM) */
};

enum { READER_DEFAULT_CHUNK = 1 << 18 };

enum reader_status { READER_CHUNK = 1, READER_DONE = 0, READER_ERROR = -1, READER_NOMEM = -2,
		     READER_TOO_BIG = -3 };

/* chunk_size 0 means the default (256 KiB: with jobs, several chunks are
 * in flight, each with its model). The reader does not close fd.
 * Set `limit` after init to read no more than that many bytes: a file
 * that grows while it is read then yields the prefix it had. */
void reader_init_fd(struct reader *r, int fd, size_t chunk_size, const struct allocator *alloc);
/* A memory reader hands out one chunk (copied next to a sentinel) per
 * chunk_size, like a file would. */
void reader_init_mem(struct reader *r, const void *data, size_t len, size_t chunk_size,
		     const struct allocator *alloc);
/* The next chunk; READER_ERROR leaves errno set. */
enum reader_status reader_next(struct reader *r, struct chunk *out);
/* Take the buffer that holds the chunk handed out last, so that the chunk
 * outlives the next call without a copy; the reader goes on in `*spare`
 * (grown with the reader's allocator when smaller than it needs; NULL is
 * fine), and *spare, *spare_cap receive the taken buffer (alloc_free() it
 * with the reader's allocator). Only what follows the chunk moves: a part
 * of one record, as a rule. -1 when out of memory (nothing changed). */
int reader_take(struct reader *r, unsigned char **spare, size_t *spare_cap);
void reader_release(struct reader *r);

#endif
