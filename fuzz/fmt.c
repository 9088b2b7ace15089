/* fuzz/fmt.c — libFuzzer target for the formatter and the diff.
 *
 * Each input is formatted; the properties of tests/unit/fmt_props.h must
 * hold (fmt is idempotent and parse(fmt(x)) keeps what parse(x) has), and
 * the diff from the input to its canonical form must be produced without
 * fault. Any violation aborts with the reason. Seeded with samples/ and
 * tests/cases/ (fuzz/corpus/fmt/); `make fuzz FUZZ=fmt` builds it with
 * clang and the sanitizers over the library and runs it (fuzz/fuzz.mk).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "fmt_props.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The parser's contract: a NUL sentinel after the text. */
	unsigned char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	struct buf out, diff;
	buf_init(&out, NULL);
	buf_init(&diff, NULL);
	char why[512];
	int rc = fmt_props_check(text, size, &out, why, sizeof why);
	if (rc < 0) {
		fprintf(stderr, "fmt property broken: %s\n", why);
		abort();
	}
	if (rc == FMT_CHANGED &&
	    diff_unified(&diff, "a/x", "b/x", text, size, (const unsigned char *)buf_str(&out), out.len, 3) != 1) {
		fprintf(stderr, "diff: no diff for a changed text\n");
		abort();
	}
	buf_release(&out);
	buf_release(&diff);
	free(text);
	return 0;
}
