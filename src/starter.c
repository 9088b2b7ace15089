/* starter.c — the texts of `promise init`.
 *
 * Fixed texts, except the example promise, whose dates are today and two
 * weeks ahead so it reads as a real promise on the day it is created. The
 * configuration has every setting commented out, so it is valid INI and
 * changes nothing until someone opts in. Rejected: copying files from an
 * installed template directory, which would make `init` depend on where
 * the package put its data and break a binary run from the build tree. */
#include "starter.h"

#include "date.h"

const struct starter_file starter_files[] = {
	{ ".promise.ini", "configuration, every setting commented out" },
	{ "promises/example.promise", "an example promise" },
	{ ".gitattributes", "git diff names the promise a change is in" },
	{ ".github/workflows/promises.yml", "CI: lint on push, pull requests and every morning" },
};
const size_t starter_count = sizeof starter_files / sizeof *starter_files;

static const char config_text[] =
	"# .promise.ini — how `promise lint` judges the promises in this repository.\n"
	"#\n"
	"# Every setting is switched off, so the built-in defaults apply. Lines that\n"
	"# start with `# ` explain; lines that start with `#` and no space are\n"
	"# settings: remove that `#` from a section's header and from the lines you\n"
	"# want to use them.\n"
	"\n"
	"# A rule's severity: error, warning or info, or off to silence the rule.\n"
	"# `promise rules` lists the rule names.\n"
	"#[rules]\n"
	"#due-soon = warning\n"
	"#collective-promiser = error\n"
	"\n"
	"# The people who make promises here. A `by:` naming someone who is not on\n"
	"# the list is reported, with the closest name as a suggestion.\n"
	"#[people]\n"
	"#Jan de Vries = jan@example.com\n"
	"#Sara Lind = sara@example.com\n"
	"\n"
	"# Vague words of your own for English promise texts, and built-in ones to\n"
	"# let pass; [vague.nl] and [vague.sv] do the same for Dutch and Swedish.\n"
	"#[vague.en]\n"
	"#add = circa, roughly\n"
	"#allow = asap\n";

static const char attributes_text[] =
	"# `git diff` names the promise each change is in (the hunk header shows its\n"
	"# `promise ID: text` line). Git needs the pattern once per clone:\n"
	"#   git " STARTER_GIT_CONFIG "\n" STARTER_ATTRIBUTE "\n";

static const char workflow_text[] =
	"# Lint the promises on every push and pull request, and every morning:\n"
	"# a promise falls overdue on a day nobody commits anything.\n"
	"name: promises\n"
	"\n"
	"on:\n"
	"  push:\n"
	"  pull_request:\n"
	"  schedule:\n"
	"    - cron: \"0 6 * * *\"\n"
	"  workflow_dispatch:\n"
	"\n"
	"jobs:\n"
	"  lint:\n"
	"    runs-on: ubuntu-latest\n"
	"    steps:\n"
	"      - uses: actions/checkout@v4\n"
	"      # promise is built from its source. Set the repository variable\n"
	"      # PROMISE_SOURCE to the git URL your team gets promise from.\n"
	"      - name: Install promise\n"
	"        env:\n"
	"          PROMISE_SOURCE: ${{ vars.PROMISE_SOURCE }}\n"
	"        run: |\n"
	"          if [ -z \"$PROMISE_SOURCE\" ]; then\n"
	"            echo \"::error::set the repository variable PROMISE_SOURCE to the git URL of promise\"\n"
	"            exit 1\n"
	"          fi\n"
	"          sudo apt-get update\n"
	"          sudo apt-get install -y --no-install-recommends re2c scdoc libjansson-dev libutf8proc-dev\n"
	"          git clone --depth 1 \"$PROMISE_SOURCE\" \"$RUNNER_TEMP/promise\"\n"
	"          make -C \"$RUNNER_TEMP/promise\"\n"
	"          sudo make -C \"$RUNNER_TEMP/promise\" install PREFIX=/usr/local\n"
	"      - name: Lint the promises\n"
	"        run: promise lint .\n";

static int render_example(int32_t today, struct buf *out)
{
	char made[11], due[11];
	date_format(today, made);
	date_format(today + 14, due);
	return buf_printf(out,
		"# An example promise, written the way `promise lint` wants it. Replace it\n"
		"# with your own, or delete this file. `promise explain RULE` tells why a\n"
		"# rule matters; `man 5 promise` describes the format.\n"
		"#\n"
		"# It is marked kept, so it never falls overdue: a kept promise stays in\n"
		"# the file as the record that the team keeps its word.\n"
		"\n"
		"promise EXAMPLE-1: Send the written quote for the spring maintenance visit\n"
		"  by:        Your Name <you@example.com>\n"
		"  to:        Customer Name (Customer Ltd)\n"
		"  made:      %s\n"
		"  due:       %s\n"
		"  recorded:  email \"Quote for the spring visit\" to the customer, %s\n"
		"  in-return: the customer confirms the visit date by %s\n"
		"  status:    kept %s\n",
		made, due, made, due, made);
}

int starter_render(size_t index, int32_t today, struct buf *out)
{
	switch (index) {
	case 0: return buf_adds(out, config_text);
	case 1: return render_example(today, out);
	case 2: return buf_adds(out, attributes_text);
	case 3: return buf_adds(out, workflow_text);
	default: return -1;
	}
}
