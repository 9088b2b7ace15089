/* i18n.h — messages in the reader's language, with gettext.
 *
 * Code writes what people read in English, inside _() where it is used or
 * N_() where it sits in a table (then _() where it is shown); plurals go
 * through ngettext(). The catalogs po/nl.po and po/sv.po hold the Dutch
 * and Swedish; `make` compiles them with msgfmt into $(BUILD)/locale, and
 * `make install` installs them. Explanations (`promise explain`) stay in
 * English. Until i18n_init() has run, and for any language without a
 * catalog, _() returns the English: the library and its tests are English
 * whatever the environment says.
 *
 * The strings returned live as long as the process (they point into the
 * loaded catalog or are the literals themselves). */
#ifndef PROMISE_I18N_H
#define PROMISE_I18N_H

#include <libintl.h>

#define PROMISE_TEXTDOMAIN "promise"

#define _(s) i18n_text(s)
#define N_(s) s
#define ngettext_(one, many, n) i18n_plural(one, many, n)

/* The translation of an English message (a string with static storage, as
 * every literal is), or the message itself. Cheap when no catalog is in use
 * (the English case: a test of one flag), and cached by address otherwise,
 * so rules may translate eagerly. */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));
/* The form of a message for the count n, in the reader's language. */
const char *i18n_plural(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1), format_arg(2)));

/* Pick the language of messages from the environment and find the
 * catalogs. The language follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG as
 * gettext reads them; where the named locale is not installed (a Debian
 * system without generated locales), its language is still used, through
 * the built-in C.UTF-8 locale. An explicit C or POSIX locale means English.
 * The catalogs are looked up in $PROMISE_LOCALEDIR, else in `locale/` next
 * to the executable (the build tree), else in `../share/locale` from it
 * (an installed tree under any prefix), else in the directory the build
 * was configured with. Call once, first thing in main(). */
void i18n_init(void);

#endif
