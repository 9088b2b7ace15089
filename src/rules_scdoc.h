/* rules_scdoc.h — the rule reference as an scdoc man page, promise-rules(7).
 *
 * Generated from rule_table so the manual never drifts from the code: the
 * build pipes `promise rules --scdoc` through scdoc(1). The text is the same
 * as `promise explain` and docs/rules.md, marked up for scdoc: `code` spans
 * become bold, scdoc's special characters are escaped, and the examples are
 * literal blocks. */
#ifndef PROMISE_RULES_SCDOC_H
#define PROMISE_RULES_SCDOC_H

#include <stdio.h>

/* Write the whole page to `out`. Returns 0, or -1 with errno set when
 * writing failed. The caller owns `out`. */
int rules_scdoc_write(FILE *out);

#endif
