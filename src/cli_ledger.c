/* cli_ledger.c — walk, read, copy: `promise lint`'s reading loop with the
 * rules switched off and the ledger listening to every record.
 *
 * Every rule is set to off, so the analysis only parses; what the listing
 * commands show comes from the records, not from findings. */
#include "cli_ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "commands.h"
#include "walk.h"

struct load_run {
	int failed;
};

static void on_walk_error(void *ctx, const char *path, int err)
{
	struct load_run *run = ctx;
	cli_error("cannot read '%s': %s", path, strerror(err));
	run->failed = 1;
}

static int read_all(struct analysis *a, struct path_list *paths, const char *stdin_name,
		    struct load_run *run)
{
	for (size_t i = 0; i < paths->len; i++) {
		const char *path = paths->items[i];
		int is_stdin = !strcmp(path, "-");
		const char *name = is_stdin ? stdin_name : path;
		long file = analysis_add_name(a, name);
		if (file < 0) {
			cli_error("out of memory");
			return 2;
		}
		int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			on_walk_error(run, path, errno);
			continue;
		}
		enum analysis_error err = analysis_add_fd(a, (uint32_t)file, fd);
		int saved = errno;
		if (!is_stdin)
			close(fd);
		if (err == ANALYSIS_IO) {
			on_walk_error(run, name, saved);
		} else if (err == ANALYSIS_NOMEM) {
			cli_error("out of memory");
			return 2;
		} else if (err == ANALYSIS_TOO_BIG) {
			cli_error("%s: a single record or line is larger than 1 GiB", name);
			return 2;
		}
	}
	return 0;
}

int cli_ledger_load(struct ledger *l, char **argv, int argc, const char *stdin_name)
{
	struct load_run run = { 0 };
	struct path_list paths;
	path_list_init(&paths, l->alloc);
	int rc = 0;
	if (argc == 0)
		rc = walk_add(&paths, ".", on_walk_error, &run);
	for (int i = 0; i < argc && rc == 0; i++)
		rc = strcmp(argv[i], "-") ? walk_add(&paths, argv[i], on_walk_error, &run)
					  : path_list_add(&paths, "-");
	if (rc) {
		cli_error("out of memory");
		path_list_release(&paths);
		return 2;
	}

	struct lint_options opt;
	lint_options_init(&opt, 0);
	for (int k = 0; k < RULE_COUNT; k++)
		opt.severity[k] = SEV_OFF;
	struct analysis a;
	analysis_init(&a, &opt, l->alloc);
	a.on_record = ledger_on_record;
	a.on_record_ctx = l;
	int status = read_all(&a, &paths, stdin_name, &run);
	if (!status && analysis_finish(&a)) {
		cli_error("out of memory");
		status = 2;
	}
	if (!status && ledger_set_files(l, a.file_names, a.nfiles)) {
		cli_error("out of memory");
		status = 2;
	}
	analysis_release(&a);
	path_list_release(&paths);
	return status ? status : run.failed;
}

const char *cli_ledger_name(struct ledger *l, const char *name)
{
	struct party_name n;
	if (party_name(&l->strings, &l->scratch, name, (uint32_t)strlen(name), &n)) {
		cli_error("out of memory");
		return NULL;
	}
	return n.key;
}
