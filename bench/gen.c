/* gen.c — a deterministic corpus of promise-like records for benchmarks.
 *
 * usage: gen N [--all-flawed] > corpus.promise
 * About 300 bytes a record, in English, Dutch and Swedish, with a mix of
 * flaws like a real repository's: most records clean, some vague, some
 * missing fields, some overdue, a few references to other records. The
 * same N gives the same bytes, so runs compare. The mix (per 100 records):
 * 5 vague texts, 3 vague due dates, 2 without a promiser, 6 unrecorded,
 * 8 without anything in return, 3 overdue, 1 without a made date, and 40
 * that name the record above in return. --all-flawed makes every record
 * vague, unrecorded and unreciprocated (an output-bound run). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state = 0x9E3779B97F4A7C15ull;

static unsigned next(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static const char *const texts[3][6] = {
	{ "Deliver the revised quote with line-item pricing for the Delft depot",
	  "Replace the two faulty pumps at the north site and test them under load",
	  "Send the signed maintenance contract with the updated service levels",
	  "Train four operators on the new filling line before the spring season",
	  "We will try to improve the dashboard as soon as possible",
	  "Look into the invoicing problems and fix some of them" },
	{ "De herziene offerte met prijzen per regel voor het depot in Delft sturen",
	  "De twee defecte pompen op de noordlocatie vervangen en onder belasting testen",
	  "Het getekende onderhoudscontract met de nieuwe serviceniveaus opsturen",
	  "Vier operators trainen op de nieuwe vullijn voor het voorjaarsseizoen",
	  "We gaan proberen de laadtijden zo snel mogelijk te verbeteren",
	  "Binnenkort een paar extra chauffeurs inroosteren voor de drukte" },
	{ "Skicka den reviderade offerten med radpriser för depån i Delft",
	  "Byta de två trasiga pumparna på norra anläggningen och provköra dem",
	  "Skicka det signerade serviceavtalet med de nya servicenivåerna",
	  "Utbilda fyra operatörer på den nya fyllningslinjen före vårsäsongen",
	  "Vi ska försöka förbättra larmhanteringen snarast",
	  "Se över faktureringen och rätta några av felen osv." },
};
static const char *const people[] = { "Jan de Vries", "Sara Lind", "Petra Jansen", "Björn Åström",
				      "Anouk Visser", "Tom Bakker", "Maja Eklund", "Daan Smit" };
static const char *const parties[] = { "Acme BV (Petra Jansen)", "Noordzee Logistiek (Bram de Wit)",
				       "Fjällvind Energi AB (Maja Eklund)", "Delta Pumps Ltd (Tom Bakker)" };

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: gen N [--all-flawed]\n", stderr);
		return 2;
	}
	long n = atol(argv[1]);
	int flawed = argc > 2 && !strcmp(argv[2], "--all-flawed");
	static char out[1 << 16];
	setvbuf(stdout, out, _IOFBF, sizeof out);
	printf("# Generated benchmark corpus: %ld promises.\n\n", n);
	for (long i = 0; i < n; i++) {
		int lang = (int)(i % 3);
		unsigned roll = next(100);
		int vague = flawed || roll < 5;
		const char *text = texts[lang][vague ? 4 + next(2) : next(4)];
		int month = 1 + (int)next(12), day = 1 + (int)next(28);
		printf("promise P-%ld: %s\n", i, text);
		if (!(flawed || (roll >= 95 && roll < 97)))
			printf("  by:        %s\n", people[next(8)]);
		printf("  to:        %s\n", parties[next(4)]);
		int late = roll >= 8 && roll < 11; /* due early in 2026: overdue */
		if (!flawed && roll != 50)
			printf("  made:      2026-%02d-%02d\n", late ? 1 : month, late ? 1 : day);
		if (flawed || (roll >= 5 && roll < 8))
			printf("  due:       soon\n");
		else /* due in 2026 before today: overdue unless kept */
			printf("  due:       %d-%02d-%02d\n", late ? 2026 : 2027, late ? 2 + (int)next(9) : month,
			       day);
		if (!flawed && roll < 94)
			printf("  recorded:  email to the customer, ticket %ld\n", 1000 + i);
		if (!flawed && roll < 40 && i > 0)
			printf("  in-return: P-%ld\n", i - 1); /* the promise above: a reference */
		else if (!flawed && roll < 92)
			printf("  in-return: signed order by the due date\n");
		if (!flawed && roll >= 60 && roll < 75)
			printf("  status:    kept 2027-%02d-%02d\n", month, day);
		putchar('\n');
	}
	return 0;
}
