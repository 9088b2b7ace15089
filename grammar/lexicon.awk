# lexicon.awk — turn grammar/lexicon/*.tsv into re2c rules (build/gen/lexicon.re).
#
# Usage: awk -f grammar/lexicon.awk grammar/lexicon/en.tsv grammar/lexicon/nl.tsv grammar/lexicon/sv.tsv
# Each file becomes one matcher function, lexicon_match_<lang>(), whose DFA
# recognises every phrase of that language at the cursor (longest match) and
# returns the entry's index in lexicon_<lang>[]; the table gives its class
# and strength. One more matcher, lexicon_match_stop(), knows the common
# words (classes stop and promise-verb) of every language at once and
# returns a bit mask of the languages a word belongs to (bit 0 for the first
# file): one pass over a text then votes for its language.
# The text is case-folded and NFKC-normalised before matching
# (src/textnorm.h), so phrases are plain lower-case UTF-8 (re2c -8).
#
# With -v pairs=1 the output is instead a C header (build/gen/lexicon_pairs.h)
# with the letter pairs in collective entries of any language: in table k,
# bit b of row a is set when an entry has the ASCII letters 'a'+a, 'a'+b
# (in either case) as its letters k+1 and k+2. A `by:` value that begins
# with letters whose bit is clear names no group, and needs no folding.
# (Such tables for the lexicons themselves reject too few words to pay:
# common words begin with most pairs.)
BEGIN {
	letters = "abcdefghijklmnopqrstuvwxyz"
	FS = "\t"
	classes = "time effort condition quantity quality open-ended followup activity bound stop month weekday number unit within promise-verb collective"
	n = split(classes, cls, " ")
	for (i = 1; i <= n; i++) {
		name = toupper(cls[i]); gsub("-", "_", name)
		enumname[cls[i]] = "CUE_" name
	}
	langs = ""
	if (pairs) {
		print "/* Generated from the grammar/lexicon TSV files by grammar/lexicon.awk -v pairs=1. Do not edit.\n * Static tables, for src/vague.c alone. */"
		print "#include <stdint.h>"
	} else {
		print "/* Generated from the grammar/lexicon TSV files by grammar/lexicon.awk. Do not edit. */"
		print "#include \"lexicon.h\""
		print ""
		print "/*!re2c"
		print "\tre2c:define:YYCTYPE = \"unsigned char\";"
		print "\tre2c:define:YYCURSOR = cur;"
		print "\tre2c:define:YYMARKER = mar;"
		print "\tre2c:yyfill:enable = 0;"
		print "*/"
	}
}
FNR == 1 {
	if (lang != "") finish()
	lang = FILENAME; sub(/.*\//, "", lang); sub(/\.tsv$/, "", lang)
	langs = langs " " lang
	nlang++
	count = 0
	delete seen
}
/^#/ || NF == 0 { next }
{
	if (NF != 3) { printf "%s:%d: expected 3 tab-separated columns\n", FILENAME, FNR > "/dev/stderr"; bad = 1; exit 1 }
	if (!($2 in enumname)) { printf "%s:%d: unknown class '%s'\n", FILENAME, FNR, $2 > "/dev/stderr"; bad = 1; exit 1 }
	if ($1 in seen) { printf "%s:%d: '%s' is listed twice\n", FILENAME, FNR, $1 > "/dev/stderr"; bad = 1; exit 1 }
	seen[$1] = 1
	phrase[count] = $1; class[count] = enumname[$2]; strong[count] = ($3 == "strong") ? 1 : 0
	count++
	if ($2 == "collective") {
		pair(0, $1)
		pair(1, $1)
	}
	if ($2 == "stop" || $2 == "promise-verb") {
		if (!($1 in stopmask)) stoporder[nstop++] = $1
		stopmask[$1] = or_bit(stopmask[$1] + 0, nlang - 1)
	}
}
# Note, in table k, the pair of ASCII letters k+1 and k+2 of phrase p.
function pair(k, p,   a, b) {
	a = index(letters, tolower(substr(p, k + 1, 1)))
	b = index(letters, tolower(substr(p, k + 2, 1)))
	if (a && b && !((k, a, b) in paired)) {
		paired[k, a, b] = 1
		row[k, a] += 2 ^ (b - 1)
	}
}
function print_pairs(   k, a) {
	printf "\nstatic const uint32_t lexicon_collective_pairs[2][26] = {\n"
	for (k = 0; k < 2; k++) {
		printf "\t{\n"
		for (a = 1; a <= 26; a++)
			printf "%s0x%07x,%s", a % 4 == 1 ? "\t\t" : " ", row[k, a] + 0, (a % 4 == 0 || a == 26) ? "\n" : ""
		printf "\t},\n"
	}
	printf "};\n"
}
function or_bit(mask, bit,   b) {
	b = 2 ^ bit
	return (int(mask / b) % 2) ? mask : mask + b
}
function esc(s) { gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s); return s }
# A case-insensitive re2c literal ('…'): ASCII letters match either case,
# so plain ASCII text needs no folding before matching.
function lit(s) { gsub(/\\/, "\\\\", s); gsub(/'/, "\\'", s); return "'" s "'" }
function finish(   i) {
	if (pairs)
		return
	printf "\nconst struct lexicon_entry lexicon_%s[] = {\n", lang
	for (i = 0; i < count; i++)
		printf "\t{ \"%s\", %s, %d },\n", esc(phrase[i]), class[i], strong[i]
	printf "};\nconst unsigned lexicon_%s_size = %d;\n\n", lang, count
	printf "int lexicon_match_%s(const unsigned char *cur, unsigned *len)\n{\n", lang
	printf "\tconst unsigned char *const start = cur, *mar;\n\t(void)mar;\n\t/*!re2c\n"
	for (i = 0; i < count; i++)
		printf "\t\t%s { *len = (unsigned)(cur - start); return %d; }\n", lit(phrase[i]), i
	printf "\t\t* { return -1; }\n\t*/\n}\n"
}
END {
	if (bad) exit 1
	if (lang != "") finish()
	if (pairs) {
		print_pairs()
		exit 0
	}
	printf "int lexicon_match_stop(const unsigned char *cur, unsigned *len)\n{\n"
	printf "\tconst unsigned char *const start = cur, *mar;\n\t(void)mar;\n\t/*!re2c\n"
	for (i = 0; i < nstop; i++)
		printf "\t\t%s { *len = (unsigned)(cur - start); return %d; }\n", lit(stoporder[i]), stopmask[stoporder[i]]
	printf "\t\t* { return 0; }\n\t*/\n}\n"
}
