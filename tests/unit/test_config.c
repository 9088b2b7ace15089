/* test_config.c — .promise.ini parsing (every setting, every kind of
 * mistake with its line), applying it to a run, discovery up to the
 * repository root, and the run-time vague-word list. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "harness.h"
#include "wordlist.h"

static const char full[] =
	"; the Acme team\n"
	"[lint]\n"
	"language = nl\n"
	"due-soon-days = 7\n"
	"select = overdue, vague-wording, P207, unknown-person, missing-made\n"
	"ignore = kept-late\n"
	"\n"
	"[rules]\n"
	"overdue = warning\n"
	"P205 = off\n"
	"\n"
	"[people]\n"
	"known = Jan de Vries <jan@example.nl>, Sara Lind\n"
	"  Petra Jansen (Acme BV)\n"
	"\n"
	"[vague.en]\n"
	"add = ballpark, In The Pipeline\n"
	"remove = some\n";

static void parses_every_setting(void **state)
{
	(void)state;
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	assert_int_equal(config_parse(&c, full, strlen(full), &err), CONFIG_OK);
	struct lint_options o;
	lint_options_init(&o, 0);
	config_apply(&c, &o);
	assert_int_equal(o.language, LANG_NL);
	assert_int_equal(o.due_soon_days, 7);
	assert_int_equal(o.severity[RULE_OVERDUE], SEV_WARNING);
	assert_int_equal(o.severity[RULE_MISSING_MADE], SEV_OFF);   /* P205 = off wins */
	assert_int_equal(o.severity[RULE_VAGUE_WORDING], SEV_WARNING);
	assert_int_equal(o.severity[RULE_KEPT_LATE], SEV_OFF);
	assert_int_equal(o.severity[RULE_SYNTAX_ERROR], SEV_OFF);   /* not selected */
	assert_ptr_equal(o.config, &c);
	assert_int_equal(c.npeople, 3);
	assert_string_equal(c.people[2], "Petra Jansen (Acme BV)");
	assert_string_equal(c.people_folded[0], "jan de vries");
	assert_string_equal(c.people_folded[2], "petra jansen");
	assert_non_null(c.vague.add[LANG_EN]);
	assert_null(c.vague.add[LANG_NL]);
	assert_true(wordlist_contains(&c.add[LANG_EN], (const unsigned char *)"in the pipeline", 15));
	config_release(&c);
}

/* Each broken configuration is refused with the right line. */
static void expect_invalid(const char *text, uint32_t line, const char *fragment)
{
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	assert_int_equal(config_parse(&c, text, strlen(text), &err), CONFIG_INVALID);
	if (err.line != line || !strstr(err.message, fragment)) {
		fprintf(stderr, "for:\n%s\ngot line %u: %s\n", text, err.line, err.message);
		fail();
	}
	config_release(&c);
}

static void mistakes_name_their_line(void **state)
{
	(void)state;
	expect_invalid("[rules]\noverdue = sometimes\n", 2, "error, warning, info or off");
	expect_invalid("[rules]\noverdew = off\n", 2, "no rule named 'overdew'");
	expect_invalid("[lint]\n\nlanguage = de\n", 3, "auto, en, nl or sv");
	expect_invalid("[lint]\ndue-soon-days = soon\n", 2, "number of days");
	expect_invalid("[lint]\ndue-soon-days = -1\n", 2, "number of days");
	expect_invalid("[lint]\nselect = overdue, nonsense\n", 2, "'nonsense'");
	expect_invalid("[lint]\nlanguage = en\nlanguage = sv\n", 3, "set twice (first on line 2)");
	expect_invalid("[lint]\ncolour = red\n", 2, "unknown setting 'colour'");
	expect_invalid("[lint]\nthis line has no equals sign\n", 2, "not a [section]");
	expect_invalid("[lint\nlanguage = en\n", 1, "not a [section]");
	expect_invalid("language = en\n", 1, "before any [section]");
	expect_invalid("[rulez]\noverdue = off\n", 2, "unknown section [rulez]");
	expect_invalid("[vague.de]\nadd = vielleicht\n", 2, "[vague.en]");
	expect_invalid("[vague.en]\nremove = pumpkin\n", 2, "not a vague word of the en lexicon");
	expect_invalid("[vague.en]\ndrop = some\n", 2, "settings: add, remove");
	expect_invalid("[people]\nknown = Jan, (Acme)\n", 2, "names nobody");
	expect_invalid("[people]\nmembers = Jan\n", 2, "'known'");
	expect_invalid("[lint]\nlanguage = en\n  sv\n", 3, "one value");
	static const char nul[] = "[lint]\nlanguage = en\0\n";
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	assert_int_equal(config_parse(&c, nul, sizeof nul - 1, &err), CONFIG_INVALID);
	assert_int_equal(err.line, 2);
	config_release(&c);
}

static void long_lines_are_read_whole(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	buf_adds(&b, "[people]\nknown = ");
	for (int i = 0; i < 400; i++)
		buf_printf(&b, "%sPerson Number%d", i ? ", " : "", i);
	buf_adds(&b, "\n");
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	assert_int_equal(config_parse(&c, b.data, b.len, &err), CONFIG_OK);
	assert_int_equal(c.npeople, 400);
	assert_string_equal(c.people[399], "Person Number399");
	config_release(&c);
	buf_release(&b);
}

static void rule_lists(void **state)
{
	(void)state;
	bool set[RULE_COUNT] = { false };
	char bad[64];
	assert_int_equal(config_rule_list(" overdue ,P101,,due-soon", set, bad, sizeof bad), 0);
	assert_true(set[RULE_OVERDUE] && set[RULE_VAGUE_WORDING] && set[RULE_DUE_SOON]);
	assert_false(set[RULE_SYNTAX_ERROR]);
	assert_int_equal(config_rule_list("overdue,overdo", set, bad, sizeof bad), -1);
	assert_string_equal(bad, "overdo");
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void discovery_stops_at_the_repository(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/promise-config-XXXXXX";
	char *root = mkdtemp(tmpl);
	assert_non_null(root);
	char p[512];
	struct buf out;
	buf_init(&out, NULL);
	snprintf(p, sizeof p, "%s/outer.ini", root);
	/* outside/.promise.ini above the repository must not be found */
	snprintf(p, sizeof p, "%s/%s", root, CONFIG_FILE_NAME);
	write_file(p, "[lint]\n");
	snprintf(p, sizeof p, "%s/repo", root);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/repo/.git", root);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/repo/a", root);
	mkdir(p, 0755);
	snprintf(p, sizeof p, "%s/repo/a/b", root);
	mkdir(p, 0755);
	assert_int_equal(config_find(p, &out), 0);
	snprintf(p, sizeof p, "%s/repo/%s", root, CONFIG_FILE_NAME);
	write_file(p, "[lint]\n");
	snprintf(p, sizeof p, "%s/repo/a/b", root);
	assert_int_equal(config_find(p, &out), 1);
	assert_non_null(strstr(buf_str(&out), "/repo/" CONFIG_FILE_NAME));
	/* the nearest wins */
	snprintf(p, sizeof p, "%s/repo/a/%s", root, CONFIG_FILE_NAME);
	write_file(p, "[lint]\n");
	snprintf(p, sizeof p, "%s/repo/a/b", root);
	assert_int_equal(config_find(p, &out), 1);
	assert_non_null(strstr(buf_str(&out), "/repo/a/" CONFIG_FILE_NAME));
	/* without a repository the walk reaches the top: the outer file */
	snprintf(p, sizeof p, "%s/plain", root);
	mkdir(p, 0755);
	assert_int_equal(config_find(p, &out), 1);
	char want[512];
	snprintf(want, sizeof want, "%s/%s", root, CONFIG_FILE_NAME);
	char *real = realpath(root, NULL);
	snprintf(want, sizeof want, "%s/%s", real, CONFIG_FILE_NAME);
	assert_string_equal(buf_str(&out), want);
	free(real);
	buf_release(&out);
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

static void wordlist_whole_words_folded(void **state)
{
	(void)state;
	struct wordlist w;
	wordlist_init(&w, NULL);
	assert_int_equal(wordlist_add(&w, "Ballpark", 8), 0);
	assert_int_equal(wordlist_add(&w, "in the pipeline", 15), 0);
	assert_int_equal(wordlist_add(&w, "in the", 6), 0);
	assert_int_equal(wordlist_add(&w, "  ", 2), 0); /* folds to nothing: ignored */
	assert_int_equal(w.nphrases, 3);
	const unsigned char *t = (const unsigned char *)"in the pipeline ballparks ballpark.";
	uint32_t len = (uint32_t)strlen((const char *)t), ph;
	assert_int_equal(wordlist_match(&w, t, len, 0, &ph), 15); /* longest */
	assert_string_equal(w.phrases[ph], "in the pipeline");
	assert_int_equal(wordlist_match(&w, t, len, 16, &ph), 0); /* "ballparks" is another word */
	assert_int_equal(wordlist_match(&w, t, len, 26, &ph), 8);
	wordlist_release(&w);
}

static void configured_words_in_promises(void **state)
{
	(void)state;
	static const char ini[] = "[vague.en]\nadd = ballpark\nremove = some\n[vague.sv]\nadd = hyfsat\n";
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	assert_int_equal(config_parse(&c, ini, strlen(ini), &err), CONFIG_OK);
	struct lint_result r;
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	config_apply(&c, &r.opt);
	analysis_init(&r.a, &r.opt, NULL);
	analysis_add_name(&r.a, "t.promise");
	static const char text[] =
		"promise A-1: Send a BALLPARK quote and some samples\n"
		"promise A-2: Skicka ett HYFSAT pris till kunden\n"
		"promise A-3: Send \"ballpark\" quotes\n";
	assert_int_equal(analysis_add_buffer(&r.a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	const struct diag *d = expect_at(&r, RULE_VAGUE_WORDING, 1, 21, 29);
	assert_non_null(strstr(d->message, "configuration"));
	expect_at(&r, RULE_VAGUE_WORDING, 2, 25, 31);
	assert_int_equal(count_rule(&r, RULE_VAGUE_WORDING), 2); /* "some" removed, quotes skipped */
	lint_done(&r);
	config_release(&c);
}

static void unknown_person(void **state)
{
	(void)state;
	static const char ini[] = "[people]\nknown = Jan de Vries, Åsa Lindqvist, Sara Lind\n";
	struct config c;
	struct config_error err;
	config_init(&c, NULL);
	assert_int_equal(config_parse(&c, ini, strlen(ini), &err), CONFIG_OK);
	struct lint_result r;
	int32_t day;
	date_parse_iso("2026-11-23", &day);
	lint_options_init(&r.opt, day);
	config_apply(&c, &r.opt);
	analysis_init(&r.a, &r.opt, NULL);
	analysis_add_name(&r.a, "t.promise");
	static const char text[] =
		"promise A-1: Ship it\n  by: JAN DE VRIES <jan@example.nl>\n"
		"promise A-2: Ship it\n  by: Asa Lindqvist (Acme)\n"
		"promise A-3: Ship it\n  by: Åsa Lindqvist\n"
		"promise A-4: Ship it\n  by: Bertil Nobody\n"
		"promise A-5: Ship it\n  by: the team\n";
	assert_int_equal(analysis_add_buffer(&r.a, 0, text, strlen(text)), ANALYSIS_OK);
	assert_int_equal(analysis_finish(&r.a), ANALYSIS_OK);
	const struct diag *d = expect_at(&r, RULE_UNKNOWN_PERSON, 4, 7, 27);
	assert_non_null(strstr(d->message, "did you mean 'Åsa Lindqvist'"));
	d = expect_at(&r, RULE_UNKNOWN_PERSON, 8, 7, 20);
	assert_null(strstr(d->message, "did you mean"));
	assert_int_equal(count_rule(&r, RULE_UNKNOWN_PERSON), 2);
	lint_done(&r);
	config_release(&c);
	/* without a list the rule is quiet */
	lint_text(&r, text);
	assert_int_equal(count_rule(&r, RULE_UNKNOWN_PERSON), 0);
	lint_done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_every_setting),
		cmocka_unit_test(mistakes_name_their_line),
		cmocka_unit_test(long_lines_are_read_whole),
		cmocka_unit_test(rule_lists),
		cmocka_unit_test(discovery_stops_at_the_repository),
		cmocka_unit_test(wordlist_whole_words_folded),
		cmocka_unit_test(configured_words_in_promises),
		cmocka_unit_test(unknown_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
