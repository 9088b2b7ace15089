/* test_reader.c — chunks cover the input exactly, in order, each followed
 * by its NUL, whether the caller takes the reader's buffer after a chunk
 * (reader_take) or leaves it; a taken chunk stays intact while the reader
 * goes on. */
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

#include "reader.h"

/* Promises of varied lengths, with comments, blank lines and long texts. */
static char *make_input(size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	char *s = malloc(cap);
	assert_non_null(s);
	for (int i = 0; n + 600 < cap && i < 1500; i++) {
		n += (size_t)snprintf(s + n, cap - n, "%spromise R-%d: %.*s\n  by: Pat\n  due: 2027-01-%02d\n\n",
				      i % 7 == 0 ? "# a note above\n" : "", i, 10 + (i * 37) % 400,
				      "deliver the parts in the order agreed, with the papers that go with them, "
				      "and call ahead of the truck so that the dock is free; the forklift must be "
				      "there as well, and the cold store at the right temperature, which means "
				      "starting it the day before; nothing of this is new but all of it is easy "
				      "to forget when the week is busy, so write it down and tick it off one by "
				      "one until the last box is in and the receipt is signed by the warehouse",
				      1 + i % 28);
	}
	*len = n;
	return s;
}

/* Read it all; take the buffer after every chunk whose index has bit
 * `take_bit` set (0: never). Every taken chunk is checked again at the
 * end, against the input. */
static void read_all(struct reader *r, const char *in, size_t len, unsigned take_mask)
{
	size_t at = 0;
	unsigned k = 0;
	unsigned char *spare = NULL;
	size_t spare_cap = 0;
	struct kept { unsigned char *buf; size_t cap, from; uint32_t len; } kept[4096];
	size_t nkept = 0;
	struct chunk ch;
	enum reader_status st;
	while ((st = reader_next(r, &ch)) == READER_CHUNK) {
		assert_true(ch.len > 0);
		assert_true(at + ch.len <= len);
		assert_memory_equal(ch.data, in + at, ch.len);
		assert_int_equal(ch.data[ch.len], 0);
		assert_int_equal(ch.first, at == 0);
		if (take_mask & (1u << (k % 8))) {
			assert_int_equal(reader_take(r, &spare, &spare_cap), 0);
			assert_ptr_equal(spare, ch.data); /* the chunk's own buffer */
			assert_true(nkept < sizeof kept / sizeof kept[0]);
			kept[nkept++] = (struct kept){ spare, spare_cap, at, ch.len };
			spare = NULL; /* kept: the reader gets a fresh one next time */
			spare_cap = 0;
		}
		at += ch.len;
		k++;
	}
	assert_int_equal(st, READER_DONE);
	assert_int_equal(at, len);
	for (size_t i = 0; i < nkept; i++) {
		assert_memory_equal(kept[i].buf, in + kept[i].from, kept[i].len);
		assert_int_equal(kept[i].buf[kept[i].len], 0);
		assert_true(kept[i].cap > kept[i].len);
		free(kept[i].buf);
	}
	reader_release(r);
}

static void chunks_cover_the_input_taken_or_not(void **state)
{
	(void)state;
	size_t len;
	char *in = make_input(&len);
	static const size_t sizes[] = { 256, 1000, 4096, 65536, 1 << 18 };
	static const unsigned masks[] = { 0x00, 0xff, 0x55, 0x0f, 0x01 };
	for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
		for (size_t m = 0; m < sizeof masks / sizeof masks[0]; m++) {
			struct reader r;
			reader_init_mem(&r, in, len, sizes[s], NULL);
			read_all(&r, in, len, masks[m]);

			char path[] = "/tmp/test_reader.XXXXXX";
			int fd = mkstemp(path);
			assert_true(fd >= 0);
			assert_int_equal(write(fd, in, len), (ssize_t)len);
			assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
			reader_init_fd(&r, fd, sizes[s], NULL);
			read_all(&r, in, len, masks[m]);
			close(fd);
			unlink(path);
		}
	free(in);
}

/* A spare that is too small is grown; one that is large enough is used
 * as it is. */
static void spare_buffers_of_any_size(void **state)
{
	(void)state;
	size_t len;
	char *in = make_input(&len);
	struct reader r;
	reader_init_mem(&r, in, len, 4096, NULL);
	struct chunk ch;
	size_t at = 0;
	unsigned char *spare = malloc(16);
	size_t spare_cap = 16;
	assert_non_null(spare);
	for (int round = 0; reader_next(&r, &ch) == READER_CHUNK; round++) {
		assert_memory_equal(ch.data, in + at, ch.len);
		at += ch.len;
		if (round % 3 == 2) {
			/* hand back a large buffer that came from an earlier take */
			assert_int_equal(reader_take(&r, &spare, &spare_cap), 0);
			assert_ptr_equal(spare, ch.data);
			assert_true(spare_cap >= 4097);
		}
	}
	assert_int_equal(at, len);
	free(spare);
	reader_release(&r);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(chunks_cover_the_input_taken_or_not),
		cmocka_unit_test(spare_buffers_of_any_size),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
