/* ics.c — build each property's line unfolded in a scratch buffer, then
 * fold it into the output. Folding counts octets and steps back to the
 * start of a UTF-8 character, so a multi-byte letter is never split across
 * lines (RFC 5545 3.1 allows the split, but not every reader mends it).
 * Rejected: libical — a large dependency for writing a few properties. */
#include "ics.h"

#include <stdio.h>
#include <string.h>

#include "date.h"

enum { ICS_LINE_MAX = 75 };

int ics_escape_text(struct buf *out, const char *s)
{
	for (; *s; s++) {
		int rc;
		switch (*s) {
		case '\\': rc = buf_add(out, "\\\\", 2); break;
		case ';': rc = buf_add(out, "\\;", 2); break;
		case ',': rc = buf_add(out, "\\,", 2); break;
		case '\n': rc = buf_add(out, "\\n", 2); break;
		case '\r': rc = 0; break;
		default: rc = buf_addc(out, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s); break;
		}
		if (rc)
			return -1;
	}
	return 0;
}

int ics_fold(struct buf *out, const char *line, size_t len)
{
	size_t room = ICS_LINE_MAX; /* octets the current physical line may take */
	while (len > room) {
		size_t cut = room;
		while (cut > 0 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--; /* line[cut] would continue a character: cut before it */
		if (cut == 0)
			cut = room; /* not UTF-8 at all: cut where the octets say */
		if (buf_add(out, line, cut) || buf_add(out, "\r\n ", 3))
			return -1;
		line += cut;
		len -= cut;
		room = ICS_LINE_MAX - 1; /* the leading space counts */
	}
	return buf_add(out, line, len) || buf_add(out, "\r\n", 2) ? -1 : 0;
}

/* A property whose value is already in iCalendar form. */
static int prop(struct buf *out, struct buf *line, const char *name, const char *value)
{
	buf_clear(line);
	if (buf_adds(line, name) || buf_addc(line, ':') || buf_adds(line, value))
		return -1;
	return ics_fold(out, line->data, line->len);
}

static void ics_date(int32_t day, char out[9])
{
	char d[11];
	date_format(day, d);
	memcpy(out, d, 4);
	memcpy(out + 4, d + 5, 2);
	memcpy(out + 6, d + 8, 2);
	out[8] = '\0';
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3u;
	}
	return h ^ 0xff; /* a separator between the parts hashed */
}

static void uid(const struct ledger_promise *p, char *out, size_t size)
{
	if (*p->id) {
		snprintf(out, size, "%s@promise", p->id);
		return;
	}
	char made[11] = "";
	if (p->made != LEDGER_NO_DATE)
		date_format(p->made, made);
	uint64_t h = fnv1a(fnv1a(fnv1a(0xcbf29ce484222325u, p->by_name.key), p->text), made);
	snprintf(out, size, "noid-%016llx@promise", (unsigned long long)h);
}

static int description(struct buf *d, const struct ledger *l, const struct ledger_promise *p)
{
	char made[11];
	int rc = 0;
	if (*p->by_name.display || *p->to_name.display || p->made != LEDGER_NO_DATE) {
		rc |= buf_adds(d, "Promised");
		if (*p->by_name.display)
			rc |= buf_printf(d, " by %s", p->by_name.display);
		if (*p->to_name.display)
			rc |= buf_printf(d, " to %s", p->to_name.display);
		if (p->made != LEDGER_NO_DATE) {
			date_format(p->made, made);
			rc |= buf_printf(d, " on %s", made);
		}
		rc |= buf_adds(d, ".\n");
	}
	for (uint32_t i = 0; i < p->nrenegotiations; i++) {
		const struct ledger_entry *e = &p->renegotiations[i];
		if (e->day != LEDGER_NO_DATE) {
			date_format(e->day, made);
			rc |= buf_printf(d, "Renegotiated %s: %s\n", made, e->text);
		} else {
			rc |= buf_printf(d, "Renegotiated: %s\n", e->text);
		}
	}
	rc |= buf_printf(d, "Recorded in %s, line %u.", l->files[p->file], p->line);
	return rc ? -1 : 0;
}

static int event(struct buf *out, struct buf *line, struct buf *text, const struct ledger *l,
		 const struct ledger_promise *p, const char *stamp)
{
	char v[64], d[9];
	int rc = buf_add(out, "BEGIN:VEVENT\r\n", 14);
	uid(p, v, sizeof v);
	rc |= prop(out, line, "UID", v);
	rc |= prop(out, line, "DTSTAMP", stamp);
	if (p->due_minute < 0) {
		ics_date(p->due, d);
		rc |= prop(out, line, "DTSTART;VALUE=DATE", d);
		ics_date(p->due + 1, d);
		rc |= prop(out, line, "DTEND;VALUE=DATE", d);
	} else {
		int32_t day = p->due;
		int minute = p->due_minute - (p->due_has_offset ? p->due_offset : 0);
		while (minute < 0) {
			minute += 1440;
			day--;
		}
		while (minute >= 1440) {
			minute -= 1440;
			day++;
		}
		ics_date(day, d);
		snprintf(v, sizeof v, "%sT%02d%02d00%s", d, minute / 60, minute % 60, p->due_has_offset ? "Z" : "");
		rc |= prop(out, line, "DTSTART", v);
	}
	buf_clear(text);
	if (*p->id)
		rc |= buf_printf(text, "%s: ", p->id);
	rc |= buf_adds(text, p->text);
	buf_clear(line);
	rc |= buf_adds(line, "SUMMARY:") || ics_escape_text(line, buf_str(text));
	rc |= ics_fold(out, line->data, line->len);
	buf_clear(text);
	rc |= description(text, l, p);
	buf_clear(line);
	rc |= buf_adds(line, "DESCRIPTION:") || ics_escape_text(line, buf_str(text));
	rc |= ics_fold(out, line->data, line->len);
	snprintf(v, sizeof v, "%u", p->nrenegotiations);
	rc |= prop(out, line, "SEQUENCE", v);
	rc |= prop(out, line, "TRANSP", "TRANSPARENT");
	rc |= buf_adds(out, "END:VEVENT\r\n");
	return rc ? -1 : 0;
}

int ics_calendar(struct buf *out, const struct ledger *l, const struct ledger_promise *const *items,
		 size_t n, int64_t stamp)
{
	int64_t days = stamp >= 0 ? stamp / 86400 : -((-stamp + 86399) / 86400);
	int64_t secs = stamp - days * 86400;
	char d[9], st[20];
	ics_date((int32_t)days, d);
	snprintf(st, sizeof st, "%sT%02d%02d%02dZ", d, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));

	struct buf line, text;
	buf_init(&line, out->alloc);
	buf_init(&text, out->alloc);
	int rc = buf_adds(out, "BEGIN:VCALENDAR\r\n"
			       "VERSION:2.0\r\n"
			       "PRODID:-//promise//promise export//EN\r\n"
			       "CALSCALE:GREGORIAN\r\n"
			       "METHOD:PUBLISH\r\n"
			       "X-WR-CALNAME:Promises\r\n");
	for (size_t i = 0; i < n && !rc; i++)
		rc = event(out, &line, &text, l, items[i], st);
	rc |= buf_adds(out, "END:VCALENDAR\r\n");
	buf_release(&line);
	buf_release(&text);
	return rc ? -1 : 0;
}
