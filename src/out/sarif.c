/* sarif.c — SARIF 2.1.0 for code-scanning upload (GitHub, Azure DevOps,
 * any SARIF viewer).
 *
 * One run: the driver lists every rule (not only those that fired, so a
 * viewer can explain a rule that a later run reports), then one result per
 * finding. Columns count code points, as ours do (columnKind
 * "unicodeCodePoints"), and SARIF's endColumn is exclusive like ours, so
 * positions are copied unchanged. partialFingerprints come from
 * fingerprint.h and do not change when a promise moves. File names are made
 * relative to the working directory and given against %SRCROOT%.
 *
 * The run object is written piece by piece (each piece with jansson, so
 * escaping is the library's), so a large report never exists twice in
 * memory. No timestamps, no absolute paths of the machine: the same input
 * gives the same bytes. */
#include <ctype.h>
#include <string.h>

#include "../fingerprint.h"
#include "../i18n.h"
#include "../rules.h"
#include "escape.h"
#include "render.h"

static const char *sarif_level(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* "vague-wording" -> "VagueWording": SARIF's rule name is a readable word. */
static void pascal_name(const char *kebab, char *out, size_t size)
{
	size_t n = 0;
	bool up = true;
	for (const char *p = kebab; *p && n + 1 < size; p++) {
		if (*p == '-') {
			up = true;
			continue;
		}
		out[n++] = up ? (char)toupper((unsigned char)*p) : *p;
		up = false;
	}
	out[n] = '\0';
}

static json_t *text_obj(const char *s)
{
	json_t *t = esc_json_string(s);
	return t ? json_pack("{s:o}", "text", t) : NULL;
}

static json_t *rule_descriptor(const struct rule *r, const char *base)
{
	char name[64];
	pascal_name(r->name, name, sizeof name);
	struct buf help, md, uri;
	buf_init(&help, NULL);
	buf_init(&md, NULL);
	buf_init(&uri, NULL);
	json_t *o = NULL;
	if (!buf_printf(&help, "%s\n\nBad:\n%s\nGood:\n%s", r->explanation, r->bad, r->good) &&
	    !buf_printf(&md, "%s\n\nBad:\n\n```\n%s```\n\nGood:\n\n```\n%s```\n", r->explanation, r->bad,
			r->good) &&
	    !buf_printf(&uri, "%s#%s", base, r->name)) {
		json_t *helpj = esc_json_string(buf_str(&help)), *mdj = esc_json_string(buf_str(&md));
		o = json_pack("{s:s, s:s, s:o, s:o, s:{s:o*, s:o*}, s:s, s:{s:s}, s:{s:s, s:i, s:[s]}}",
			      "id", r->name, "name", name,
			      "shortDescription", text_obj(_(r->summary)),
			      "fullDescription", text_obj(r->explanation),
			      "help", "text", helpj, "markdown", mdj,
			      "helpUri", buf_str(&uri),
			      "defaultConfiguration", "level", sarif_level(r->severity),
			      "properties", "code", r->code, "step", r->step,
			      "tags", r->step ? "promise-step" : "consistency");
	}
	buf_release(&help);
	buf_release(&md);
	buf_release(&uri);
	return o;
}

static int dump(FILE *out, json_t *j)
{
	if (!j)
		return -1;
	int rc = json_dumpf(j, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return rc;
}

static json_t *location(const struct render_input *in, const struct diag *d)
{
	struct buf rel, uri;
	buf_init(&rel, NULL);
	buf_init(&uri, NULL);
	json_t *o = NULL;
	if (!esc_relative_path(&rel, in->files[d->file], in->cwd)) {
		bool absolute = rel.data[0] == '/';
		if (!(absolute && buf_adds(&uri, "file://")) && !esc_uri_path(&uri, buf_str(&rel))) {
			json_t *art = absolute ? json_pack("{s:s}", "uri", buf_str(&uri))
					       : json_pack("{s:s, s:s}", "uri", buf_str(&uri), "uriBaseId",
							   "%SRCROOT%");
			o = json_pack("{s:{s:o, s:{s:I, s:I, s:I, s:I}}}", "physicalLocation",
				      "artifactLocation", art, "region",
				      "startLine", (json_int_t)d->line, "startColumn", (json_int_t)d->column,
				      "endLine", (json_int_t)d->end_line, "endColumn", (json_int_t)d->end_column);
		}
	}
	buf_release(&rel);
	buf_release(&uri);
	return o;
}

int render_sarif(FILE *out, const struct render_input *in)
{
	const char *base = in->help_uri_base ? in->help_uri_base : RENDER_HELP_URI_BASE;
	json_t *rules = json_array();
	if (!rules)
		return -1;
	for (int i = 0; i < RULE_COUNT; i++)
		if (json_array_append_new(rules, rule_descriptor(rule_table[i], base))) {
			json_decref(rules);
			return -1;
		}
	json_t *driver = json_pack("{s:s, s:s*, s:s, s:o}", "name", "promise", "semanticVersion",
				   in->version, "informationUri", base, "rules", rules);
	fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
	      "\"runs\":[{\"tool\":{\"driver\":", out);
	if (dump(out, driver))
		return -1;
	fputs("},\"columnKind\":\"unicodeCodePoints\",\"results\":[", out);

	struct fingerprint_list fl;
	if (fingerprint_list(&fl, in->diags, in->files, NULL))
		return -1;
	int rc = 0;
	for (size_t i = 0; i < in->diags->len && !rc; i++) {
		const struct diag *d = &in->diags->items[i];
		const struct rule *r = rule_table[d->rule];
		char fp[FINGERPRINT_HEX + 16];
		snprintf(fp, sizeof fp, "%s:%u", fl.hex[i], fl.occurrence[i]);
		json_t *props = json_pack("{s:s, s:o*, s:o*}", "code", r->code,
					  "promise", d->promise ? esc_json_string(d->promise) : NULL,
					  "hint", d->hint ? esc_json_string(d->hint) : NULL);
		json_t *res = json_pack("{s:s, s:i, s:s, s:o, s:[o], s:{s:s}, s:o}",
					"ruleId", r->name, "ruleIndex", d->rule,
					"level", sarif_level(d->severity),
					"message", text_obj(d->message),
					"locations", location(in, d),
					"partialFingerprints", "promiseFinding/v1", fp,
					"properties", props);
		fputs(i ? ",\n" : "\n", out);
		rc = dump(out, res);
	}
	fingerprint_list_free(&fl);
	if (rc)
		return -1;
	fputs(in->diags->len ? "\n]}]}\n" : "]}]}\n", out);
	return ferror(out) ? -1 : 0;
}
