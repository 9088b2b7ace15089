/* gitlib.c — dlopen() libgit2 by the soname of the version built against
 * (libgit2.so.MAJOR.MINOR, from git2/version.h), then dlsym() each
 * function. Rejected: linking it (see gitlib.h); a helper process (a
 * second program to install, and a protocol to keep). */
#include "gitlib.h"

#include <dlfcn.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)

struct gitlib gitlib;

static int loaded; /* 1 loaded, -1 failed */
static const char *failure;

int gitlib_load(const char **why)
{
	if (!loaded) {
		static const char *const names[] = {
			"libgit2.so." STR(LIBGIT2_VER_MAJOR) "." STR(LIBGIT2_VER_MINOR), "libgit2.so"
		};
		void *lib = NULL;
		for (size_t i = 0; i < sizeof names / sizeof *names && !lib; i++)
			lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
		loaded = lib ? 1 : -1;
		failure = "libgit2 " LIBGIT2_VERSION " is not installed (Debian: libgit2-"
			  STR(LIBGIT2_VER_MAJOR) "." STR(LIBGIT2_VER_MINOR) ")";
		/* A function pointer cannot be assigned a void * in ISO C;
		 * copying the bytes is the POSIX way. */
#define BIND(name)                                                      \
		if (loaded == 1) {                                      \
			void *sym = dlsym(lib, #name);                  \
			if (sym)                                        \
				memcpy(&gitlib.name, &sym, sizeof sym); \
			else                                            \
				loaded = -1;                            \
		}
		GITLIB_FUNCTIONS(BIND)
#undef BIND
		if (lib && loaded == -1)
			failure = "the installed libgit2 lacks a function this build needs";
	}
	*why = failure;
	return loaded == 1 ? 0 : -1;
}
