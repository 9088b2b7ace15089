/* cli_ledger.h — what the listing commands (list, agenda, report, export)
 * share on the command line: reading PATHs into a ledger, and turning a
 * --by/--to NAME into the folded form the ledger's filter compares.
 *
 * This is command-level code: unlike the modules below it, it prints
 * `promise: cannot read 'x': reason` itself, the way `promise lint` does. */
#ifndef PROMISE_CLI_LEDGER_H
#define PROMISE_CLI_LEDGER_H

#include "ledger.h"

/* Read every path (a file, a directory searched for *.promise, or "-" for
 * standard input, reported as stdin_name) into `l`; no paths means the
 * current directory. Returns 0 when all were read, 1 when some could not
 * be (each named on stderr; the rest is in the ledger), 2 when nothing
 * useful can follow (out of memory, a record too large; printed). */
int cli_ledger_load(struct ledger *l, char **paths, int npaths, const char *stdin_name);

/* The folded form of a NAME given on the command line, in the ledger's
 * arena; NULL (after printing why) when out of memory. */
const char *cli_ledger_name(struct ledger *l, const char *name);

#endif
