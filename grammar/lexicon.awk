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
# With -v words=1 the output is instead the word scanner
# (build/gen/lexicon_words.re, for re2c in its byte mode): one DFA,
# lexicon_words() (src/lexicon.h), that reads a text once. Its rules are
# the leads (a phrase's word bytes up to its first other byte: "as" of "as
# soon as possible", "etc" of "etc."), and words in general, each with the
# space before it; a word that is a lead is listed with the lead's index.
# On the way it gives up where folding would change the text (when it
# reads a text as it stands), and notes digits and quote marks. Tables go
# with it: what each language makes of a lead (the entry that is the whole
# lead, whether longer phrases begin with it and how they go on: the two
# letters after the space, in a bit set), what it counts in the language
# vote, and whether a scan for kept hits (vague cues, evidence) needs it.
# Run in the C locale, so that awk reads bytes.
# With -v pairs=1 the output is instead a C header (build/gen/lexicon_pairs.h)
# with the letter pairs in collective entries of any language: in table k,
# bit b of row a is set when an entry has the ASCII letters 'a'+a, 'a'+b
# (in either case) as its letters k+1 and k+2. A `by:` value that begins
# with letters whose bit is clear names no group, and needs no folding.
# (Such tables for the lexicons themselves reject too few words to pay:
# common words begin with most pairs.) And a bit set of the first three
# bytes of collective entries, where those are ASCII letters and spaces.
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
	# bytes: ord[] of each, and the ASCII bytes that are not word bytes
	# (textnorm.h: letters, digits and every byte from 0x80 up are)
	nonword = ""
	for (i = 1; i < 256; i++) {
		c = sprintf("%c", i)
		ord[c] = i
		if (i < 128 && c !~ /[0-9A-Za-z]/)
			nonword = nonword c
	}
	nleads = 0
	# the classes whose hits the scan keeps: vague cues, and evidence
	keepclasses = "^(time|effort|condition|quantity|quality|open-ended|followup|activity|month|weekday|number)$"
	if (words) {
		print "/* Generated from the grammar/lexicon TSV files by grammar/lexicon.awk -v words=1. Do not edit. */"
		print "#include \"lexicon.h\""
	} else if (pairs) {
		print "/* Generated from the grammar/lexicon TSV files by grammar/lexicon.awk -v pairs=1. Do not edit.\n * Included by src/vague.c alone; lexicon.h declares what others read. */"
		print "#include \"lexicon.h\""
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
		prefix3($1)
	}
	if ($2 == "stop" || $2 == "promise-verb") {
		if (!($1 in stopmask)) stoporder[nstop++] = $1
		stopmask[$1] = or_bit(stopmask[$1] + 0, nlang - 1)
	}
	if (words && count > 32767) { printf "%s:%d: more entries than lexicon_words' tables hold\n", FILENAME, FNR > "/dev/stderr"; bad = 1; exit 1 }
	if (words)
		add_lead($1, count - 1, $2 == "stop" || $2 == "promise-verb", $2)
}
# The lead of phrase p (entry i of the current language), and what the
# language makes of it: entry i itself when p is all lead, else (a longer
# phrase begins with it) "the matcher must say"; the same for common words.
function add_lead(p, i, stop, cls,   n, k, id, c) {
	n = 0
	while (n < length(p) && !index(nonword, substr(p, n + 1, 1)))
		n++
	if (!n)
		return  # begins with an apostrophe: matched where one stands
	k = tolower(substr(p, 1, n))
	if (!(k in leadid)) {
		id = nleads++
		leadid[k] = id
		leadtext[id] = k
	}
	id = leadid[k]
	if (length(p) > n) {
		entry[nlang, id] = "LEXICON_LEAD_MATCH"
		nlonger[nlang, id]++
		longer[nlang, id, nlonger[nlang, id]] = tolower(p)
		if (cls ~ keepclasses)
			longerkept[nlang, id] = 1
		# how it goes on: the next three bytes at most
		c = tolower(substr(p, n + 1, 3))
		if (!((nlang, id, c) in goeson)) {
			goeson[nlang, id, c] = 1
			ngoeson[nlang, id]++
			goesontext[nlang, id, ngoeson[nlang, id]] = c
		}
	} else if (!((nlang, id) in self)) {
		# a vague cue, or evidence: the scan keeps its hits
		if (cls ~ keepclasses)
			i += 32768
		self[nlang, id] = i
		if (!((nlang, id) in entry))
			entry[nlang, id] = i
	}
	if (stop) {
		if (length(p) > n)
			votedfa[id] = 1
		else
			vote[id] = or_bit(vote[id] + 0, nlang - 1)
	}
}
# Whether the bytes of k from 0x80 up are lower-case Latin-1 letters (C3
# A0-BF) with no byte from 0x80 up after them but C3: what folding leaves
# as it is (textnorm.h).
function plain(k,   i, b) {
	for (i = 1; i <= length(k); i++) {
		b = ord[substr(k, i, 1)]
		if (b < 128)
			continue
		if (b != 195 || i == length(k) || ord[substr(k, i + 1, 1)] < 160 || ord[substr(k, i + 1, 1)] > 191)
			return 0
		i++
		if (i < length(k) && ord[substr(k, i + 1, 1)] >= 128 && ord[substr(k, i + 1, 1)] != 195)
			return 0
	}
	return 1
}
# A byte-mode re2c literal, case-insensitive ('…'), bytes from 0x80 up
# escaped.
function blit(k,   i, c, s) {
	s = ""
	for (i = 1; i <= length(k); i++) {
		c = substr(k, i, 1)
		if (ord[c] >= 128)
			s = s sprintf("\\x%02x", ord[c])
		else if (c == "\\" || c == "'")
			s = s "\\" c
		else
			s = s c
	}
	return "'" s "'"
}
# What lead id counts in the language vote (lexicon.h).
function votevalue(id,   l, v) {
	if (id in votedfa)
		return 2 ^ 48
	v = 0
	for (l = 0; l < nlang; l++)
		if (int(vote[id] / 2 ^ l) % 2)
			v += 2 ^ (16 * l)
	return v
}
# A byte as an index of lexicon_ways[]: 0-25 for a letter, 26 for another.
function letterof(c,   i) {
	i = index(letters, tolower(c))
	return i ? i - 1 : 26
}
# Whether phrase p (lower case) holds, after its lead, a place where a
# lead that keeps hits in language l may stand: an apostrophe after a
# word byte (there every language's matcher looks), or a word that is
# such a lead.
function inner_keeps(l, p,   i, j, w) {
	for (i = 2; i <= length(p); i++) {
		if (!index(nonword, substr(p, i - 1, 1))) {
			if (substr(p, i, 1) == "'")
				return 1
			continue
		}
		if (index(nonword, substr(p, i, 1)))
			continue
		for (j = i; j <= length(p) && !index(nonword, substr(p, j, 1)); j++)
			;
		w = substr(p, i, j - i)
		if ((w in leadid) && keeps[l, leadid[w]])
			return 1
		i = j - 1
	}
	return 0
}
# Which leads may give language l a hit its scan keeps (keeps[l, id], and
# their entries in keeptab[]): a lead that is such a phrase, or begins
# one, or begins a longer phrase that covers a place where such a lead
# may stand. The others change nothing that is kept: their own hits are
# dropped, and what those cover holds no lead that keeps one.
function find_keeps(   l, id, k, changed) {
	for (l = 1; l <= nlang; l++)
		for (id = 0; id < nleads; id++)
			keeps[l, id] = (((l, id) in self) && self[l, id] >= 32768) || ((l, id) in longerkept)
	do {
		changed = 0
		for (l = 1; l <= nlang; l++)
			for (id = 0; id < nleads; id++)
				for (k = 1; !keeps[l, id] && k <= nlonger[l, id]; k++)
					if (inner_keeps(l, longer[l, id, k]))
						keeps[l, id] = changed = 1
	} while (changed)
	for (l = 1; l <= nlang; l++)
		for (id = 0; id < nleads; id++)
			if (keeps[l, id])
				keeptab[l, id] = entry[l, id]
}
# The languages in which lead id may keep a hit, as a bit mask.
function keepmask(id,   l, m) {
	m = 0
	for (l = 1; l <= nlang; l++)
		if (keeps[l, id])
			m += 2 ^ (l - 1)
	return m
}
# One language's row of a per-lead table, NONE where the lead has no
# value, then the apostrophe's entry.
function print_lead_table(name, l, table, apostrophe,   id) {
	printf "\nstatic const uint16_t %s_%d[] = {", name, l
	for (id = 0; id < nleads; id++)
		printf "%s%s,", id % 8 ? " " : "\n\t", ((l, id) in table) ? table[l, id] : "LEXICON_LEAD_NONE"
	printf "\n\t%s, /* APOSTROPHE */\n};\n", apostrophe
}
# Each language's table, then lexicon_<name>[], one pointer a language.
function print_lead_tables(name, table, apostrophe,   l) {
	for (l = 1; l <= nlang; l++)
		print_lead_table(name, l, table, apostrophe)
	printf "\nconst uint16_t *const lexicon_%s[%d] = {", name, nlang
	for (l = 1; l <= nlang; l++)
		printf " %s_%d,", name, l
	printf " };\n"
}
function print_words(   l, id, v, act, k, c, w, h, j, c1, other) {
	find_keeps()
	print_lead_tables("lead_entry", entry, "LEXICON_LEAD_MATCH")
	print_lead_tables("lead_keep", keeptab, "LEXICON_LEAD_MATCH")
	for (l = 1; l <= nlang; l++) {
		print_lead_table("lead_self", l, self, "LEXICON_LEAD_NONE")
		printf "\nstatic const uint32_t lead_way_%d[] = {", l
		for (id = 0; id < nleads; id++) {
			w = 0
			if (ngoeson[l, id]) {
				w = nways++
				other = 0
				for (k = 1; k <= ngoeson[l, id]; k++) {
					c = goesontext[l, id, k]
					if (substr(c, 1, 1) != " " || length(c) < 2) {
						other = 1 # goes on otherwise: the matcher says
						continue
					}
					c1 = letterof(substr(c, 2, 1))
					for (j = 0; j < 27; j++)
						if (length(c) < 3 || j == letterof(substr(c, 3, 1))) {
							h = w * 729 + c1 * 27 + j
							if (!(h in waybit)) {
								waybit[h] = 1
								waybits[int(h / 32)] += 2 ^ (h % 32)
							}
						}
				}
				w = w * 729 + other * 2 ^ 31
			}
			printf "%s%.0fu,", id % 8 ? " " : "\n\t", w
		}
		printf "\n\t2147483648u, /* APOSTROPHE: the matcher says */\n};\n"
	}
	printf "\nconst uint32_t *const lexicon_lead_way[%d] = {", nlang
	for (l = 1; l <= nlang; l++)
		printf " lead_way_%d,", l
	printf " };\n\nconst uint16_t lexicon_way_row[256] = {"
	for (k = 0; k < 256; k++)
		printf "%s%d,", k % 16 ? " " : "\n\t", k < 32 || k == 127 ? 65535 : letterof(sprintf("%c", k)) * 27
	printf "\n};\n\nconst uint8_t lexicon_way_column[256] = {"
	for (k = 0; k < 256; k++)
		printf "%s%d,", k % 16 ? " " : "\n\t", k ? letterof(sprintf("%c", k)) : 26
	printf "\n};\n\nconst uint32_t lexicon_ways[] = {"
	for (k = 0; k <= int(nways * 729 / 32); k++)
		printf "%s%.0fu,", k % 8 ? " " : "\n\t", waybits[k] + 0
	printf "\n};\n"
	printf "\nconst uint16_t *const lexicon_lead_self[%d] = {", nlang
	for (l = 1; l <= nlang; l++)
		printf " lead_self_%d,", l
	printf " };\n"
	printf "\nconst uint64_t lexicon_lead_vote[] = {"
	for (id = 0; id < nleads; id++)
		printf "%sUINT64_C(%.0f),", id % 4 ? " " : "\n\t", votevalue(id)
	printf "\n\t0, /* APOSTROPHE */\n};\n\nconst uint8_t lexicon_lead_len[] = {"
	for (id = 0; id < nleads; id++) {
		if (length(leadtext[id]) > 255) { printf "lexicon.awk: a lead of more than 255 bytes: %s\n", leadtext[id] > "/dev/stderr"; exit 1 }
		printf "%s%d,", id % 16 ? " " : "\n\t", length(leadtext[id])
	}
	printf "\n\t0, /* APOSTROPHE */\n};\n\n"
	printf "/* The lead of an apostrophe after a word: its matcher says. */\n#define APOSTROPHE %d\n\n", nleads
	print "/* Whether byte c belongs to a word (textnorm_is_word()). */"
	print "static int word_byte(unsigned char c)"
	print "{"
	print "\treturn (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;"
	print "}"
	print ""
	print "/* What a word that is neither a lead nor plain holds (digits, the first"
	print " * byte of a quote mark). */"
	print "static unsigned word_seen(const unsigned char *p, const unsigned char *end)"
	print "{"
	print "\tunsigned seen = 0;"
	print "\tfor (; p < end; p++)"
	print "\t\tseen |= *p >= '0' && *p <= '9' ? LEXICON_DIGIT : *p == 0xC2 || *p == 0xE2 ? LEXICON_QUOTE : 0;"
	print "\treturn seen;"
	print "}"
	print ""
	print "int lexicon_words(const unsigned char *t, uint32_t len, int plain, struct lexicon_words *w)"
	print "{"
	print "\tconst unsigned char *cur = t, *const end = t + len, *tok, *mar;"
	print "\tuint32_t *at = w->at, n = 0;"
	print "\tuint16_t *lead = w->lead;"
	print "\tuint64_t votes = 0;"
	print "\tunsigned seen = 0, keeps = 0;"
	print "\t(void)mar;"
	print "\t(void)plain;"
	print "next:"
	print "\ttok = cur;"
	print "\t/*!re2c"
	print "\t\tre2c:define:YYCTYPE = \"unsigned char\";"
	print "\t\tre2c:define:YYCURSOR = cur;"
	print "\t\tre2c:define:YYMARKER = mar;"
	print "\t\tre2c:yyfill:enable = 0;"
	print "\t\tword = [0-9A-Za-z\\x80-\\xff];"
	print "\t\tletter = [A-Za-z] | \"\\xc3\" [\\xa0-\\xbf];"
	for (id = 0; id < nleads; id++) {
		act = ""
		if (leadtext[id] ~ /[0-9]/)
			act = act " seen |= LEXICON_DIGIT;"
		if (index(leadtext[id], sprintf("%c", 194)) || index(leadtext[id], sprintf("%c", 226)))
			act = act " seen |= LEXICON_QUOTE;"
		if (!plain(leadtext[id]))
			act = " if (plain) return -1;" act
		act = act sprintf(" at[n] = (uint32_t)(cur - t) - %d; lead[n++] = %d;", length(leadtext[id]), id)
		if (votevalue(id))
			act = act sprintf(" votes += UINT64_C(%.0f);", votevalue(id))
		if (keepmask(id))
			act = act sprintf(" keeps |= %d;", keepmask(id))
		printf "\t\t\" \"? %s {%s goto next; }\n", blit(leadtext[id]), act
	}
	print "\t\t\" \"? letter+ { goto next; }"
	print "\t\t\" \"? (letter | [0-9])+ { seen |= LEXICON_DIGIT; goto next; }"
	print "\t\t\" \"? word+ { if (plain) return -1; seen |= word_seen(tok, cur); goto next; }"
	print "\t\t\"'\" {"
	print "\t\t\tif (tok > t && word_byte(tok[-1])) {"
	print "\t\t\t\tat[n] = (uint32_t)(tok - t);"
	print "\t\t\t\tlead[n++] = APOSTROPHE;"
	printf "\t\t\t\tkeeps |= %d;\n", 2 ^ nlang - 1
	print "\t\t\t}"
	print "\t\t\tgoto next;"
	print "\t\t}"
	print "\t\t'\"' { seen |= LEXICON_QUOTE; goto next; }"
	print "\t\t\" \" { goto next; }"
	print "\t\t\"  \" { if (plain) return -1; goto next; }"
	print "\t\t[\\x00-\\x1f\\x7f] { if (tok >= end) goto done; if (plain) return -1; goto next; }"
	print "\t\t* { goto next; }"
	print "\t*/"
	print "done:"
	print "\tw->n = n;"
	print "\tw->votes = votes;"
	print "\tw->seen = seen;"
	print "\tw->keeps = keeps;"
	print "\treturn 0;"
	print "}"
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
# Note the first three bytes of collective phrase p, where they are ASCII
# letters and spaces (a two-letter phrase and a space: the first three
# bytes of a value that folds to it, trimmed), in the bit set of such
# prefixes: index ((c0 * 27) + c1) * 27 + c2, with a-z 0-25 and space 26.
function prefix3(p,   k, i, c, idx) {
	k = tolower(p)
	if (length(k) == 2)
		k = k " "
	if (length(k) < 3 || substr(k, 1, 1) == " " || substr(k, 2, 2) == "  ")
		return
	idx = 0
	for (i = 1; i <= 3; i++) {
		c = substr(k, i, 1)
		if (c == " ")
			idx = idx * 27 + 26
		else if (index(letters, c))
			idx = idx * 27 + index(letters, c) - 1
		else
			return
	}
	if (!(idx in prefixed)) {
		prefixed[idx] = 1
		prefixbits[int(idx / 32)] += 2 ^ (idx % 32)
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
	printf "\n/* The first three bytes of collective phrases (lexicon.awk's prefix3()). */\n"
	printf "const uint32_t lexicon_collective_prefix3[%d] = {", 27 * 27 * 27 / 32 + 1
	for (k = 0; k <= int(27 * 27 * 27 / 32); k++)
		printf "%s%.0fu,", k % 8 ? " " : "\n\t", prefixbits[k] + 0
	printf "\n};\n"
	printf "\n/* A byte as an index of lexicon_collective_prefix3[]. */\n"
	printf "const uint8_t lexicon_prefix3_byte[256] = {"
	for (k = 0; k < 256; k++)
		printf "%s%d,", k % 16 ? " " : "\n\t", (k == 32 ? 26 : k >= 65 && k <= 90 ? k - 65 : k >= 97 && k <= 122 ? k - 97 : 27)
	printf "\n};\n"
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
	if (pairs || words)
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
	if (words) {
		print_words()
		exit 0
	}
	printf "int lexicon_match_stop(const unsigned char *cur, unsigned *len)\n{\n"
	printf "\tconst unsigned char *const start = cur, *mar;\n\t(void)mar;\n\t/*!re2c\n"
	for (i = 0; i < nstop; i++)
		printf "\t\t%s { *len = (unsigned)(cur - start); return %d; }\n", lit(stoporder[i]), stopmask[stoporder[i]]
	printf "\t\t* { return 0; }\n\t*/\n}\n"
}
