/* cmd_fmt.c — `promise fmt`: print, check, diff or rewrite in the canonical
 * layout.
 *
 * A thin shell over fmt_format() (the layout), diff_unified() (--diff) and
 * fmt_write_file() (--write). A file with syntax errors is never formatted:
 * its errors are found by the same analysis `promise lint` runs, with only
 * the syntax-error rule switched on, and printed to stderr the way lint
 * prints them, so both commands say the same thing about the same line. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "commands.h"
#include "diff.h"
#include "fmt.h"
#include "fsio.h"
#include "out/render.h"
#include "walk.h"

static void usage(FILE *out)
{
	fputs("usage: promise fmt [--check | --diff | --write] [PATH...]\n\n"
	      "Write .promise files in the canonical layout (grammar/FORMAT.md): keys in\n"
	      "lower case and in one order, values in one column, one blank line between\n"
	      "records, dates as YYYY-MM-DD. Comments, texts and values are kept as written.\n"
	      "Directories are searched recursively for *.promise; no PATH means the\n"
	      "current directory; '-' reads standard input. Without an option the\n"
	      "canonical form is printed to standard output.\n\n"
	      "options:\n"
	      "      --check              list the files that are not canonical; change nothing\n"
	      "      --diff               print a unified diff (a/PATH, b/PATH) of the changes\n"
	      "      --write              rewrite files that are not canonical, in place and\n"
	      "                           atomically; canonical files are left untouched\n"
	      "      --stdin-filename NAME  the name standard input is reported under\n"
	      "  -h, --help               show this help\n\n"
	      "A file with syntax errors is not formatted: its errors are reported as\n"
	      "`promise lint` reports them (printed unchanged without an option).\n"
	      "exit status: 0 all canonical or formatted, 1 not canonical (--check) or\n"
	      "syntax errors, 2 a usage error or a file that could not be read or written.\n", out);
}

enum mode { MODE_PRINT, MODE_CHECK, MODE_DIFF, MODE_CHECK_DIFF, MODE_WRITE };

struct fmt_run {
	enum mode mode;
	int status;          /* the exit status so far */
	struct buf out;      /* the canonical form of the current file */
	struct buf diff;
};

static void raise_status(struct fmt_run *run, int status)
{
	if (status > run->status)
		run->status = status;
}

static void on_walk_error(void *ctx, const char *path, int err)
{
	cli_error("cannot read '%s': %s", path, strerror(err));
	raise_status(ctx, 2);
}

/* The syntax errors of a file, as `promise lint` prints them. */
static int report_syntax(const char *name, const unsigned char *src, size_t len)
{
	struct lint_options opt;
	lint_options_init(&opt, 0);
	for (int k = 0; k < RULE_COUNT; k++)
		if (k != RULE_SYNTAX_ERROR)
			opt.severity[k] = SEV_OFF;
	struct analysis a;
	analysis_init(&a, &opt, NULL);
	int rc = -1;
	if (analysis_add_name(&a, name) == 0 && analysis_add_buffer(&a, 0, src, len) == ANALYSIS_OK &&
	    analysis_finish(&a) == ANALYSIS_OK) {
		struct render_ctx r;
		memset(&r, 0, sizeof r);
		r.out = stderr;
		rc = render_list(render_lookup("text"), &r, &a.diags, (const char *const *)a.file_names,
				 a.nfiles);
	}
	analysis_release(&a);
	return rc;
}

static int put_stdout(const void *data, size_t len)
{
	return len && fwrite(data, 1, len, stdout) != len ? -1 : 0;
}

/* The diff from the file to its canonical form, labelled a/NAME, b/NAME. */
static int write_diff(struct fmt_run *run, const char *name, const unsigned char *text, size_t len)
{
	struct buf labels;
	buf_init(&labels, NULL);
	buf_clear(&run->diff);
	int rc = -1;
	if (!buf_printf(&labels, "a/%s", name) && !buf_addc(&labels, '\0') &&
	    !buf_printf(&labels, "b/%s", name)) {
		const char *a = labels.data, *b = a + strlen(a) + 1;
		if (diff_unified(&run->diff, a, b, text, len, (const unsigned char *)buf_str(&run->out),
				 run->out.len, 3) >= 0)
			rc = put_stdout(run->diff.data, run->diff.len) ? 1 : 0;
	}
	if (rc < 0)
		cli_error("cannot diff '%s': out of memory", name);
	buf_release(&labels);
	return rc;
}

static void format_one(struct fmt_run *run, const char *path, const char *name)
{
	bool is_stdin = !strcmp(path, "-");
	struct buf src;
	buf_init(&src, NULL);
	if (is_stdin ? fsio_read_fd(STDIN_FILENO, &src) : fsio_read_file(path, &src)) {
		on_walk_error(run, name, errno);
		buf_release(&src);
		return;
	}
	const unsigned char *text = (const unsigned char *)buf_str(&src);
	buf_clear(&run->out);
	int rc = fmt_format(text, src.len, &run->out);
	if (rc == FMT_ERR_NOMEM || rc == FMT_ERR_TOO_BIG) {
		cli_error("cannot format '%s': %s", name,
			  rc == FMT_ERR_NOMEM ? "out of memory" : "the file is larger than 4 GiB");
		raise_status(run, 2);
	} else if (rc == FMT_SYNTAX) {
		if (report_syntax(name, text, src.len)) {
			cli_error("cannot report the syntax errors of '%s': out of memory", name);
			raise_status(run, 2);
		}
		raise_status(run, 1);
		if (run->mode == MODE_PRINT && put_stdout(text, src.len))
			raise_status(run, 2);
	} else if (run->mode == MODE_PRINT) {
		if (put_stdout(run->out.data, run->out.len))
			raise_status(run, 2);
	} else if (rc == FMT_CHANGED) {
		switch (run->mode) {
		case MODE_CHECK:
			if (printf("%s\n", name) < 0)
				raise_status(run, 2);
			raise_status(run, 1);
			break;
		case MODE_CHECK_DIFF:
			raise_status(run, 1);
			/* fall through */
		case MODE_DIFF:
			if (write_diff(run, name, text, src.len))
				raise_status(run, 2);
			break;
		case MODE_WRITE: {
			int wrc = fmt_write_file(path, run->out.data, run->out.len, NULL);
			if (wrc == FMT_ERR_NOT_REGULAR) {
				cli_error("cannot write '%s': not a regular file", name);
				raise_status(run, 2);
			} else if (wrc) {
				cli_error("cannot write '%s': %s; the file is unchanged", name, strerror(errno));
				raise_status(run, 2);
			}
			break;
		}
		default:
			break;
		}
	}
	buf_release(&src);
}

int cmd_fmt(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "diff", no_argument, NULL, 'd' },
		{ "write", no_argument, NULL, 'w' },
		{ "stdin-filename", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool check = false, diff = false, write = false;
	const char *stdin_name = "<stdin>";
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			check = true;
			break;
		case 'd':
			diff = true;
			break;
		case 'w':
			write = true;
			break;
		case 's':
			stdin_name = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			fputs("see 'promise fmt --help'\n", stderr);
			return 2;
		}
	}
	if (write && (check || diff)) {
		cli_error("--write cannot be combined with --check or --diff");
		return 2;
	}
	if (write)
		for (int i = optind; i < argc; i++)
			if (!strcmp(argv[i], "-")) {
				cli_error("--write cannot rewrite standard input; leave out --write to print");
				return 2;
			}

	struct fmt_run run;
	memset(&run, 0, sizeof run);
	run.mode = write ? MODE_WRITE : check && diff ? MODE_CHECK_DIFF : check ? MODE_CHECK
		 : diff ? MODE_DIFF : MODE_PRINT;
	buf_init(&run.out, NULL);
	buf_init(&run.diff, NULL);

	struct path_list paths;
	path_list_init(&paths, NULL);
	int rc = 0;
	if (optind == argc)
		rc = walk_add(&paths, ".", on_walk_error, &run);
	for (int i = optind; i < argc && rc == 0; i++)
		rc = strcmp(argv[i], "-") ? walk_add(&paths, argv[i], on_walk_error, &run)
					  : path_list_add(&paths, "-");
	if (rc) {
		cli_error("out of memory");
		raise_status(&run, 2);
	}
	for (size_t i = 0; i < paths.len && !rc; i++) {
		const char *path = paths.items[i];
		format_one(&run, path, strcmp(path, "-") ? path : stdin_name);
	}
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("cannot write to standard output: %s", strerror(errno));
		raise_status(&run, 2);
	}
	path_list_release(&paths);
	buf_release(&run.out);
	buf_release(&run.diff);
	return run.status;
}
