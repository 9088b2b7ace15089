/* config.c — the configuration reader on arbitrary bytes.
 *
 * Whatever the bytes, config_parse() must end with CONFIG_OK or
 * CONFIG_INVALID (memory never runs out here), an invalid one must say
 * where (a line within the input, a message), and a valid one must be
 * usable: laid over the options, it lints a small file of promises whose
 * people and vague words it may change. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "config.h"
#include "date.h"

static const char sample[] =
	"promise A-1: Deliver the quote as soon as possible\n"
	"  by:        Jan de Vries <jan@example.nl>\n"
	"  to:        Petra Jansen (Acme BV)\n"
	"  made:      2026-11-02\n"
	"  due:       soon\n"
	"  in-return: A-2\n"
	"\n"
	"# promise-ignore missing-made -- agreed on the phone\n"
	"promise A-2: Vi försöker skicka offerten snart\n"
	"  by:        Åsa Öberg\n"
	"  due:       2026-11-20\n"
	"\n"
	"promise A-3: We proberen de pomp ergens volgende week te vervangen\n"
	"  by:        the team\n"
	"  status:    kept 2026-11-19\n";

static void check(bool ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "fuzz-config: invariant broken: %s\n", what);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	enum config_status st = config_parse(&c, (const char *)data, size, &err);
	check(st == CONFIG_OK || st == CONFIG_INVALID, "a configuration is valid or not");
	if (st == CONFIG_INVALID) {
		uint32_t lines = 1;
		for (size_t i = 0; i < size; i++)
			lines += data[i] == '\n';
		check(err.line <= lines, "an error's line lies in the input");
		check(err.message[0] != '\0', "an error says what is wrong");
		check(memchr(err.message, '\0', sizeof err.message) != NULL, "the message is a string");
	} else {
		int32_t today;
		date_parse_iso("2026-11-23", &today);
		struct lint_options opt;
		lint_options_init(&opt, today);
		config_apply(&c, &opt);
		struct analysis a;
		analysis_init(&a, &opt, NULL);
		check(analysis_add_name(&a, "t.promise") == 0, "a name is registered");
		check(analysis_add_buffer(&a, 0, sample, sizeof sample - 1) == ANALYSIS_OK, "the sample is analysed");
		check(analysis_finish(&a) == ANALYSIS_OK, "the analysis finishes");
		analysis_release(&a);
	}
	config_release(&c);
	return 0;
}
