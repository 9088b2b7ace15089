/* i18n.c — choosing the message language and finding the catalogs.
 *
 * Only LC_MESSAGES is taken from the environment: number formats and
 * character classes stay those of C, so output bytes and parsing do not
 * change with the locale. Catalogs are bound with UTF-8 output (the
 * program writes UTF-8 whatever LC_CTYPE says), and so is the C library's
 * own domain, for the system error messages printed after
 * "cannot read". Rejected: compiling the path in only (tests run the
 * binary uninstalled, and an installed tree may be moved), and asking
 * users to generate locales (Debian's images ship only C.UTF-8). */
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef PROMISE_LOCALEDIR
#define PROMISE_LOCALEDIR "/usr/local/share/locale"
#endif

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

static bool is_c_locale(const char *name)
{
	return !strcmp(name, "C") || !strcmp(name, "POSIX");
}

/* The locale the environment asks messages to be in, as gettext reads it. */
static const char *wanted_locale(void)
{
	const char *v = env("LC_ALL");
	if (!v)
		v = env("LC_MESSAGES");
	if (!v)
		v = env("LANG");
	return v;
}

static void choose_language(void)
{
	const char *wanted = wanted_locale();
	const char *got = setlocale(LC_MESSAGES, "");
	if (got && !is_c_locale(got))
		return; /* an installed locale: gettext does the rest */
	if (wanted && is_c_locale(wanted))
		return; /* asked for C: English */
	if (!setlocale(LC_MESSAGES, "C.UTF-8"))
		return;
	/* C.UTF-8 is not "C", so gettext now honours LANGUAGE; where the
	 * wanted locale is not installed, its language goes there. */
	if (wanted && !env("LANGUAGE")) {
		char lang[64];
		size_t n = strcspn(wanted, ".@");
		if (n < sizeof lang) {
			memcpy(lang, wanted, n);
			lang[n] = '\0';
			setenv("LANGUAGE", lang, 1);
		}
	}
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/rel when it is a directory, copied into out. */
static bool try_dir(char *out, size_t size, const char *dir, const char *rel)
{
	size_t n = strlen(dir), m = strlen(rel);
	if (n + m + 2 > size)
		return false;
	memcpy(out, dir, n);
	out[n] = '/';
	memcpy(out + n + 1, rel, m + 1);
	return is_dir(out);
}

static const char *locale_dir(char *buf, size_t size)
{
	const char *v = env("PROMISE_LOCALEDIR");
	if (v)
		return v;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if (try_dir(buf, size, exe, "locale") || try_dir(buf, size, exe, "../share/locale"))
				return buf;
		}
	}
	return PROMISE_LOCALEDIR;
}

/* Whether a catalog of ours serves the chosen language. */
static bool active;

/* Translations by the address of their English: a message costs gettext's
 * lookup (environment, locale, catalog search) once, not per finding. */
enum { CACHE_SIZE = 512 };
static struct {
	const char *msgid, *text;
} cache[CACHE_SIZE];

void i18n_init(void)
{
	choose_language();
	char buf[PATH_MAX + 32];
	bindtextdomain(PROMISE_TEXTDOMAIN, locale_dir(buf, sizeof buf));
	bind_textdomain_codeset(PROMISE_TEXTDOMAIN, "UTF-8");
	bind_textdomain_codeset("libc", "UTF-8");
	/* a loaded catalog translates "" into its header */
	active = *dgettext(PROMISE_TEXTDOMAIN, "") != '\0';
}

const char *i18n_text(const char *msgid)
{
	if (!active || !msgid || !*msgid)
		return msgid;
	size_t k = ((uintptr_t)msgid >> 3) % CACHE_SIZE;
	if (cache[k].msgid != msgid) {
		cache[k].text = dgettext(PROMISE_TEXTDOMAIN, msgid);
		cache[k].msgid = msgid;
	}
	return cache[k].text;
}

const char *i18n_plural(const char *one, const char *many, unsigned long n)
{
	if (!active)
		return n == 1 ? one : many;
	return dngettext(PROMISE_TEXTDOMAIN, one, many, n);
}
