/* cmd_init.c — `promise init [DIR]`: lay out a new repository of promises.
 *
 * Writes the starter files (starter.h) into DIR, creating directories as
 * needed, and never replaces a file that exists: each one is created with
 * O_EXCL (fsio_write_new) and reported as created or skipped. It does not
 * touch git's configuration: the diff driver's pattern is one command the
 * user runs, printed at the end. Rejected: appending to an existing
 * .gitattributes, which edits a file the user owns without being asked. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "commands.h"
#include "fsio.h"
#include "starter.h"

static void usage(FILE *out)
{
	fputs("usage: promise init [DIR]\n\n"
	      "Start a repository of promises in DIR (default: the current directory,\n"
	      "created if missing): a commented .promise.ini, promises/example.promise,\n"
	      "a .gitattributes line so that git diff names the promise a change is in,\n"
	      "and a CI workflow (.github/workflows/promises.yml). Files that exist are\n"
	      "skipped, never overwritten.\n\n"
	      "The example promise is dated today: $PROMISE_TODAY, else the local date.\n\n"
	      "options:\n"
	      "  -h, --help  show this help\n", out);
}

/* mkdir -p: create `path` and its missing parents (mode 0777 less umask).
 * Returns 0, or -1 with errno set. `path` is modified while it runs and
 * restored before it returns. */
static int make_dirs(char *path)
{
	for (char *p = path + 1;; p++) {
		if (*p != '/' && *p)
			continue;
		char saved = *p;
		*p = '\0';
		struct stat st;
		if (mkdir(path, 0777) && (errno != EEXIST || stat(path, &st) || !S_ISDIR(st.st_mode))) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			*p = saved;
			return -1;
		}
		*p = saved;
		if (!saved)
			return 0;
	}
}

/* Is `dir` inside a git work tree? Looks for .git upwards, as git does
 * (without GIT_DIR and the like, which only a git command sees). */
static int in_git_repository(const char *dir)
{
	char path[PATH_MAX];
	if (!realpath(dir, path))
		return 0;
	for (;;) {
		size_t n = strlen(path);
		if (n + sizeof "/.git" > sizeof path)
			return 0;
		memcpy(path + n, "/.git", sizeof "/.git");
		if (access(path, F_OK) == 0)
			return 1;
		path[n] = '\0';
		char *slash = strrchr(path, '/');
		if (!slash || slash == path)
			return 0;
		*slash = '\0';
	}
}

/* Print the path `s` for a POSIX shell: as it is when that is plainly safe,
 * else in single quotes (a quote inside becomes '\''); ./ keeps a leading
 * dash from reading as an option. */
static void put_quoted(const char *s)
{
	if (*s == '-')
		fputs("./", stdout);
	if (s[strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+,:@%")] == '\0') {
		fputs(s, stdout);
		return;
	}
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

/* DIR/rel, or rel alone when DIR is "." (for messages and for opening). */
static int join(struct buf *out, const char *dir, const char *rel)
{
	buf_clear(out);
	if (strcmp(dir, "."))
		return buf_printf(out, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", rel);
	return buf_adds(out, rel);
}

int cmd_init(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		fputs("see 'promise init --help'\n", stderr);
		return 2;
	}
	if (argc - optind > 1) {
		cli_error("init takes one directory, not %d", argc - optind);
		return 2;
	}
	const char *dir = optind < argc ? argv[optind] : ".";
	if (!*dir) {
		cli_error("init: the directory name is empty");
		return 2;
	}
	int32_t today;
	if (cli_today(NULL, &today))
		return 2;

	struct buf path, text;
	buf_init(&path, NULL);
	buf_init(&text, NULL);
	int status = 0, created = 0, nomem = 0;
	if (buf_adds(&path, dir)) {
		nomem = 1;
	} else if (make_dirs(path.data)) {
		cli_error("cannot create '%s': %s", dir, strerror(errno));
		buf_release(&path);
		return 2;
	}
	for (size_t i = 0; i < starter_count && !nomem; i++) {
		buf_clear(&text);
		if (join(&path, dir, starter_files[i].path) || starter_render(i, today, &text)) {
			nomem = 1;
			break;
		}
		char *slash = strrchr(path.data, '/');
		if (slash && slash != path.data) {
			*slash = '\0';
			if (make_dirs(path.data)) {
				cli_error("cannot create '%s': %s", path.data, strerror(errno));
				status = 2;
				continue;
			}
			*slash = '/';
		}
		if (fsio_write_new(path.data, text.data, text.len) == 0) {
			printf("created  %s  (%s)\n", path.data, starter_files[i].what);
			created++;
		} else if (errno == EEXIST) {
			printf("skipped  %s  (it exists; left as it is)\n", path.data);
		} else {
			cli_error("cannot write '%s': %s", path.data, strerror(errno));
			status = 2;
		}
	}
	if (nomem) {
		cli_error("out of memory");
		status = 2;
	} else {
		fputs(in_git_repository(dir)
			      ? "\nTo have git diff name the promise each change is in, run once:\n  git "
			      : "\nOnce this is a git repository, have git diff name the promise each\n"
				"change is in by running once:\n  git ",
		      stdout);
		if (strcmp(dir, ".")) {
			fputs("-C ", stdout);
			put_quoted(dir);
			putchar(' ');
		}
		puts(STARTER_GIT_CONFIG);
		if (created) {
			fputs("Then lint it: promise lint", stdout);
			if (strcmp(dir, ".")) {
				putchar(' ');
				put_quoted(dir);
			}
			putchar('\n');
		}
	}
	buf_release(&text);
	buf_release(&path);
	if (fflush(stdout) && !status) {
		cli_error("cannot write the report: %s", strerror(errno));
		status = 2;
	}
	return status;
}
