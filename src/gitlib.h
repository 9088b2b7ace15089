/* gitlib.h — libgit2, loaded when it is needed.
 *
 * Linking libgit2 makes every run of the linter load it and its
 * dependencies (TLS, SSH, Kerberos) and its initialisation reads the
 * system's certificate bundle: together several times the cost of linting
 * a small repository. So the history module reaches libgit2 only through
 * this table, filled by gitlib_load() from dlopen(), which it calls only
 * once it has seen a repository. The declarations (and types) are
 * libgit2's own headers; only the binding is late.
 *
 * Contract: call gitlib_load() before any member; it is idempotent and
 * never unloads. A failure (libgit2 not installed) is a value: the reason
 * is a static string. */
#ifndef PROMISE_GITLIB_H
#define PROMISE_GITLIB_H

#include <git2.h>

/* Every libgit2 function the project calls. */
#define GITLIB_FUNCTIONS(X)                                                                     \
	X(git_libgit2_init) X(git_libgit2_shutdown) X(git_libgit2_opts) X(git_error_last)       \
	X(git_repository_open_ext) X(git_repository_free) X(git_repository_workdir)             \
	X(git_repository_is_bare) X(git_repository_is_shallow) X(git_repository_head_unborn)   \
	X(git_reference_name_to_id) X(git_revparse_single) X(git_merge_base)                    \
	X(git_object_peel) X(git_object_id) X(git_object_free) X(git_object_short_id)           \
	X(git_buf_dispose) X(git_oid_cpy) X(git_oid_equal) X(git_oid_tostr)                     \
	X(git_commit_lookup) X(git_commit_free) X(git_commit_tree) X(git_commit_parentcount)    \
	X(git_commit_parent) X(git_commit_parent_id) X(git_commit_author) X(git_commit_summary) \
	X(git_tree_free) X(git_tree_entry_bypath) X(git_tree_entry_free) X(git_tree_entry_id)   \
	X(git_tree_entry_filemode) X(git_blob_lookup) X(git_blob_free) X(git_blob_rawcontent)   \
	X(git_blob_rawsize) X(git_revwalk_new) X(git_revwalk_free) X(git_revwalk_sorting)       \
	X(git_revwalk_push) X(git_revwalk_hide) X(git_revwalk_next) X(git_diff_options_init)    \
	X(git_diff_tree_to_tree) X(git_diff_tree_to_workdir_with_index) X(git_diff_free)        \
	X(git_diff_num_deltas) X(git_diff_get_delta)

#define GITLIB_MEMBER(name) __typeof__(name) *name;
struct gitlib {
	GITLIB_FUNCTIONS(GITLIB_MEMBER)
};
#undef GITLIB_MEMBER

extern struct gitlib gitlib;

/* Load libgit2 and bind every function: 0, or -1 with *why set. */
int gitlib_load(const char **why);

#endif
