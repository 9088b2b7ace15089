/* test_ics.c — iCalendar text (ics.h): TEXT escaping, folding at 75 octets
 * without splitting a UTF-8 character, CRLF line ends, stable UIDs, all-day
 * and timed events. The end-to-end test reads the output back with an
 * independent iCalendar parser; these pin down the bytes. */
#include <stdlib.h>

#include "harness.h"
#include "ics.h"

static enum analysis_error load(struct ledger *l, const char *text)
{
	struct lint_options opt;
	lint_options_init(&opt, 0);
	for (int k = 0; k < RULE_COUNT; k++)
		opt.severity[k] = SEV_OFF;
	struct analysis a;
	analysis_init(&a, &opt, l->alloc);
	a.on_record = ledger_on_record;
	a.on_record_ctx = l;
	enum analysis_error e = ANALYSIS_NOMEM;
	if (analysis_add_name(&a, "a/t.promise") == 0) {
		e = analysis_add_buffer(&a, 0, text, strlen(text));
		if (e == ANALYSIS_OK)
			e = analysis_finish(&a);
		if (e == ANALYSIS_OK && ledger_set_files(l, a.file_names, a.nfiles))
			e = ANALYSIS_NOMEM;
	}
	analysis_release(&a);
	return e;
}

static void escaping(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(ics_escape_text(&b, "a\\b;c,d\ne\r\tf:g\"h"), 0);
	assert_string_equal(buf_str(&b), "a\\\\b\\;c\\,d\\ne f:g\"h");
	buf_release(&b);
}

/* Every physical line: at most 75 octets, CRLF-terminated, valid UTF-8
 * on its own; unfolded, they give back `want`. */
static void check_folded(const char *out, size_t len, const char *want)
{
	char unfolded[4096];
	size_t n = 0;
	const char *p = out, *end = out + len;
	int first = 1;
	while (p < end) {
		const char *crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		size_t line = (size_t)(crlf - p);
		assert_true(line <= 75);
		assert_true(first || p[0] == ' ');
		assert_true(((unsigned char)p[first ? 0 : 1] & 0xC0) != 0x80); /* no split character */
		memcpy(unfolded + n, p + (first ? 0 : 1), line - (first ? 0 : 1));
		n += line - (first ? 0 : 1);
		first = 0;
		p = crlf + 2;
	}
	unfolded[n] = '\0';
	assert_string_equal(unfolded, want);
}

static void folding(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, NULL);
	/* Exactly 75 octets: one line. */
	char line[400];
	memset(line, 'x', 75);
	line[75] = '\0';
	assert_int_equal(ics_fold(&b, line, 75), 0);
	assert_int_equal(b.len, 77);
	check_folded(b.data, b.len, line);
	/* 76 octets: 75, then a space and 1. */
	buf_clear(&b);
	line[75] = 'y';
	line[76] = '\0';
	assert_int_equal(ics_fold(&b, line, 76), 0);
	assert_memory_equal(b.data + 75, "\r\n y\r\n", 6);
	check_folded(b.data, b.len, line);
	/* Two-byte letters straddling every fold point. */
	buf_clear(&b);
	size_t n = 0;
	n += (size_t)sprintf(line, "SUMMARY:");
	for (int i = 0; i < 100; i++) {
		memcpy(line + n, "\xc3\xa4", 2); /* ä */
		n += 2;
	}
	line[n] = '\0';
	assert_int_equal(ics_fold(&b, line, n), 0);
	check_folded(b.data, b.len, line);
	/* A four-byte character too. */
	buf_clear(&b);
	n = (size_t)sprintf(line, "DESCRIPTION:");
	for (int i = 0; i < 40; i++) {
		memcpy(line + n, "a\xf0\x9f\x93\x85", 5);
		n += 5;
	}
	line[n] = '\0';
	assert_int_equal(ics_fold(&b, line, n), 0);
	check_folded(b.data, b.len, line);
	buf_release(&b);
}

static const char two[] =
	"promise ACME-12: Upgrade the scanners; firmware 4.2, then test\n"
	"  by:           Sara Lind\n"
	"  to:           Hannah Whitfield (Acme Ltd)\n"
	"  made:         2026-11-10\n"
	"  due:          2026-11-25 00:30+01:00\n"
	"  renegotiated: 2026-11-12 moved from 2026-11-20\n"
	"\n"
	"promise: Call back about the failed payments\n"
	"  by:   Tom Hughes\n"
	"  due:  2026-11-24\n";

/* The unfolded value of property `name` in event `n` (0-based). */
static const char *prop(const char *ics, int n, const char *name, char *out, size_t size)
{
	const char *p = ics;
	for (int i = 0; i <= n; i++) {
		p = strstr(p, "BEGIN:VEVENT\r\n");
		assert_non_null(p);
		p += 14;
	}
	const char *end = strstr(p, "END:VEVENT");
	size_t k = strlen(name);
	while (p < end) {
		if (!strncmp(p, name, k) && (p[k] == ':' || p[k] == ';')) {
			size_t o = 0;
			const char *v = strchr(p, ':') + 1;
			for (;;) {
				const char *crlf = strstr(v, "\r\n");
				memcpy(out + o, v, (size_t)(crlf - v));
				o += (size_t)(crlf - v);
				if (crlf[2] != ' ')
					break;
				v = crlf + 3;
			}
			out[o] = '\0';
			assert_true(o < size);
			return out;
		}
		p = strstr(p, "\r\n") + 2;
	}
	return NULL;
}

static void calendar(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, two), ANALYSIS_OK);
	const struct ledger_promise *items[2] = { &l.items[0], &l.items[1] };
	struct buf b;
	buf_init(&b, NULL);
	/* 2026-11-23 08:09:10 UTC */
	assert_int_equal(ics_calendar(&b, &l, items, 2, 1795421350), 0);
	const char *s = buf_str(&b);
	assert_true(!strncmp(s, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 37));
	assert_non_null(strstr(s, "END:VCALENDAR\r\n"));
	for (const char *p = s; (p = strchr(p, '\n')); p++)
		assert_int_equal(p[-1], '\r');
	char v[512];
	assert_string_equal(prop(s, 0, "UID", v, sizeof v), "ACME-12@promise");
	assert_string_equal(prop(s, 0, "DTSTAMP", v, sizeof v), "20261123T080910Z");
	/* 00:30 at +01:00 is 23:30 UTC the day before. */
	assert_string_equal(prop(s, 0, "DTSTART", v, sizeof v), "20261124T233000Z");
	assert_null(prop(s, 0, "DTEND", v, sizeof v));
	assert_string_equal(prop(s, 0, "SUMMARY", v, sizeof v),
			    "ACME-12: Upgrade the scanners\\; firmware 4.2\\, then test");
	assert_string_equal(prop(s, 0, "SEQUENCE", v, sizeof v), "1");
	assert_non_null(strstr(prop(s, 0, "DESCRIPTION", v, sizeof v),
			       "Promised by Sara Lind to Hannah Whitfield (Acme Ltd) on 2026-11-10.\\n"
			       "Renegotiated 2026-11-12: moved from 2026-11-20\\n"
			       "Recorded in a/t.promise\\, line 1."));
	/* No ID: a UID from the promiser, text and made date. */
	const char *uid = prop(s, 1, "UID", v, sizeof v);
	assert_true(!strncmp(uid, "noid-", 5) && strstr(uid, "@promise"));
	char first_uid[64];
	snprintf(first_uid, sizeof first_uid, "%s", uid);
	assert_string_equal(prop(s, 1, "DTSTART;VALUE=DATE", v, sizeof v), "20261124");
	assert_string_equal(prop(s, 1, "DTEND;VALUE=DATE", v, sizeof v), "20261125");
	assert_string_equal(prop(s, 1, "SEQUENCE", v, sizeof v), "0");

	/* The same promises elsewhere in another file keep their UIDs. */
	struct ledger m;
	ledger_init(&m, NULL);
	char moved[1024];
	snprintf(moved, sizeof moved, "# moved down\n\n%s", two);
	assert_int_equal(load(&m, moved), ANALYSIS_OK);
	const struct ledger_promise *again[2] = { &m.items[1], &m.items[0] };
	struct buf c;
	buf_init(&c, NULL);
	assert_int_equal(ics_calendar(&c, &m, again, 2, 0), 0);
	assert_string_equal(prop(buf_str(&c), 0, "UID", v, sizeof v), first_uid);
	assert_string_equal(prop(buf_str(&c), 1, "UID", v, sizeof v), "ACME-12@promise");
	assert_string_equal(prop(buf_str(&c), 0, "DTSTAMP", v, sizeof v), "19700101T000000Z");
	buf_release(&c);
	ledger_release(&m);
	buf_release(&b);
	ledger_release(&l);
}

static void empty_calendar(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	struct buf b;
	buf_init(&b, NULL);
	assert_int_equal(ics_calendar(&b, &l, NULL, 0, 0), 0);
	assert_null(strstr(buf_str(&b), "VEVENT"));
	assert_non_null(strstr(buf_str(&b), "END:VCALENDAR\r\n"));
	buf_release(&b);
	ledger_release(&l);
}

static void out_of_memory(void **state)
{
	(void)state;
	struct ledger l;
	ledger_init(&l, NULL);
	assert_int_equal(load(&l, two), ANALYSIS_OK);
	const struct ledger_promise *items[2] = { &l.items[0], &l.items[1] };
	int succeeded = 0;
	for (unsigned long fail_at = 1; !succeeded && fail_at < 1000; fail_at++) {
		struct alloc_faulty f;
		alloc_faulty_init(&f, fail_at);
		struct buf b;
		buf_init(&b, &f.base);
		succeeded = ics_calendar(&b, &l, items, 2, 0) == 0;
		buf_release(&b);
		assert_int_equal(f.live, 0);
	}
	assert_true(succeeded);
	ledger_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escaping),
		cmocka_unit_test(folding),
		cmocka_unit_test(calendar),
		cmocka_unit_test(empty_calendar),
		cmocka_unit_test(out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
