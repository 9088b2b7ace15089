# promise — build, test, benchmark, install. GNU make.
#
# CFLAGS is yours (default -O2 -g); the flags the code needs are in
# PROMISE_CFLAGS. Objects and generated code go to $(BUILD) (default build/).
# `make V=1` shows the commands.

CC       ?= cc
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
RE2C     ?= re2c
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build

VERSION  := $(shell cat VERSION)
# A source tarball (make dist) carries the commit in a COMMIT file.
COMMIT   := $(shell cat COMMIT 2>/dev/null || git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

WARN           = -std=c17 -Wall -Wextra -Wpedantic -Werror
PROMISE_CFLAGS = $(WARN) -D_GNU_SOURCE -Isrc -I$(BUILD)/gen -MMD -MP
LIBS           = -ljansson -lutf8proc -linih -ldl -lm -pthread
RE2CFLAGS      = -W -Werror --no-generation-date --no-version

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRC      := $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c))
GEN      := $(BUILD)/gen/lex.c $(BUILD)/gen/lexicon.c $(BUILD)/gen/lexicon_words.c
GENH     := $(BUILD)/gen/lexicon_pairs.h
OBJ      := $(patsubst %.c,$(BUILD)/obj/%.o,$(SRC)) $(patsubst $(BUILD)/gen/%.c,$(BUILD)/obj/gen/%.o,$(GEN))
LEXICONS := $(sort $(wildcard grammar/lexicon/*.tsv))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

FORCE:
.PHONY: FORCE all check unit san bench bench-lsp eval fuzz install uninstall clean deps docs man dist deb
.DEFAULT_GOAL := all

all: $(BUILD)/promise

# --- generated scanners -------------------------------------------------
$(BUILD)/gen/lex.c: grammar/promise.re | $(BUILD)/gen/.dir
	@scripts/need re2c
	@echo "  RE2C    $@"
	$(Q)$(RE2C) $(RE2CFLAGS) $< -o $@

# awk in the C locale: lexicon.awk reads the phrases byte by byte.
$(BUILD)/gen/lexicon.re: grammar/lexicon.awk $(LEXICONS) | $(BUILD)/gen/.dir
	@echo "  AWK     $@"
	$(Q)LC_ALL=C awk -f grammar/lexicon.awk $(LEXICONS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/lexicon_pairs.h: grammar/lexicon.awk $(LEXICONS) | $(BUILD)/gen/.dir
	@echo "  AWK     $@"
	$(Q)LC_ALL=C awk -v pairs=1 -f grammar/lexicon.awk $(LEXICONS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/lexicon_words.re: grammar/lexicon.awk $(LEXICONS) | $(BUILD)/gen/.dir
	@echo "  AWK     $@"
	$(Q)LC_ALL=C awk -v words=1 -f grammar/lexicon.awk $(LEXICONS) > $@.tmp && mv $@.tmp $@

# The word scanner reads bytes (no -8): its classes are byte ranges. It
# reads every byte of every text, with a computed goto a byte (-g, GNU C:
# so not -Wpedantic), a quarter fewer instructions than switches.
$(BUILD)/gen/lexicon_words.c: $(BUILD)/gen/lexicon_words.re
	@scripts/need re2c
	@echo "  RE2C    $@"
	$(Q)$(RE2C) $(RE2CFLAGS) -g $< -o $@

$(BUILD)/obj/gen/lexicon_words.o: WARN += -Wno-pedantic

$(BUILD)/gen/lexicon.c: $(BUILD)/gen/lexicon.re
	@scripts/need re2c
	@echo "  RE2C    $@"
	$(Q)$(RE2C) -8 --input-encoding utf8 $(RE2CFLAGS) $< -o $@

# The build's own dependencies, checked once per build directory, so a
# missing package stops with the command that installs it.
$(BUILD)/deps.ok: scripts/check-build-deps.sh | $(BUILD)/gen/.dir
	@scripts/check-build-deps.sh
	@touch $@

# --- objects ------------------------------------------------------------
$(BUILD)/obj/%.o: %.c $(GEN) $(GENH) | $(BUILD)/deps.ok
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(PROMISE_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/obj/gen/%.o: $(BUILD)/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(PROMISE_CFLAGS) $(CFLAGS) -c $< -o $@

# Rebuilt when the commit changes, so --version never names a stale one.
$(BUILD)/commit.stamp: FORCE | $(BUILD)/gen/.dir
	@echo '$(VERSION) $(COMMIT)' | cmp -s - $@ || echo '$(VERSION) $(COMMIT)' > $@

$(BUILD)/obj/src/main.o: src/main.c VERSION $(BUILD)/commit.stamp $(GEN)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(PROMISE_CFLAGS) $(CFLAGS) -DPROMISE_VERSION='"$(VERSION)"' \
		-DPROMISE_COMMIT='"$(COMMIT)"' -c $< -o $@

$(BUILD)/libpromise.a: $(OBJ)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/promise: $(BUILD)/obj/src/main.o $(BUILD)/libpromise.a
	@echo "  LINK    $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libpromise.a tests/unit/harness.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(PROMISE_CFLAGS) $(CFLAGS) $< $(BUILD)/libpromise.a $(LIBS) -lcmocka $(LDFLAGS) -o $@

%/.dir:
	@mkdir -p $* && touch $@

# --- tests --------------------------------------------------------------
# `make check` runs every test (unit, golden cases, command line, editors,
# formats) and ends with one "N passed, N failed" line.
check: $(BUILD)/promise $(UNIT_BIN)
	@BUILD=$(BUILD) tests/run.sh

unit: $(UNIT_BIN)
	@BUILD=$(BUILD) tests/run.sh unit

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
san:
	$(MAKE) BUILD=build/san CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" check

# Install what the build and the tests need (Debian packages), if missing.
deps:
	@scripts/deps.sh

bench: $(BUILD)/promise
	@BUILD=$(BUILD) bench/run.sh

# didChange -> publishDiagnostics latency of `promise lsp` (p50, p99).
bench-lsp: $(BUILD)/promise
	@python3 bench/lsp-latency.py $(BUILD)/promise

eval: $(BUILD)/promise
	@BUILD=$(BUILD) tests/vague/eval.sh

docs: $(BUILD)/promise
	@$(BUILD)/promise rules --markdown > docs/rules.md

# --- manual pages, completions, install, packages ----------------------
# promise(1) and promise(5) are written in scdoc; promise-rules(7) is
# generated from the rule table by the binary itself, so it never drifts.
# `make install` puts the binary, the pages, the bash, zsh and fish
# completions and the editor plugins found under editor/ (vim*/, emacs/)
# under $(DESTDIR)$(PREFIX); every directory can be overridden (debian/rules
# does, for Debian's locations).
SCDOC       ?= scdoc
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share
MANDIR      ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
EMACSDIR    ?= $(DATADIR)/emacs/site-lisp/promise
VIMPACK     ?= promise
EDITORDIR   ?= editor
MANPAGES    := $(BUILD)/man/promise.1 $(BUILD)/man/promise.5 $(BUILD)/man/promise-rules.7

man: $(MANPAGES)

$(BUILD)/man/%: man/%.scd | $(BUILD)/man/.dir
	@scripts/need $(SCDOC)
	@echo "  SCDOC   $@"
	$(Q)$(SCDOC) < $< > $@.tmp && mv $@.tmp $@

$(BUILD)/man/promise-rules.7: $(BUILD)/promise | $(BUILD)/man/.dir
	@scripts/need $(SCDOC)
	@echo "  SCDOC   $@"
	$(Q)$(BUILD)/promise rules --scdoc > $@.scd && $(SCDOC) < $@.scd > $@.tmp && mv $@.tmp $@

install: $(BUILD)/promise $(MANPAGES)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BUILD)/promise $(DESTDIR)$(BINDIR)/promise
	install -m 644 $(BUILD)/man/promise.1 $(DESTDIR)$(MANDIR)/man1/promise.1
	install -m 644 $(BUILD)/man/promise.5 $(DESTDIR)$(MANDIR)/man5/promise.5
	install -m 644 $(BUILD)/man/promise-rules.7 $(DESTDIR)$(MANDIR)/man7/promise-rules.7
	install -m 644 completions/promise.bash $(DESTDIR)$(BASHCOMPDIR)/promise
	install -m 644 completions/_promise $(DESTDIR)$(ZSHCOMPDIR)/_promise
	install -m 644 completions/promise.fish $(DESTDIR)$(FISHCOMPDIR)/promise.fish
	@DESTDIR='$(DESTDIR)' DATADIR='$(DATADIR)' EMACSDIR='$(EMACSDIR)' VIMPACK='$(VIMPACK)' \
		scripts/install-editors.sh install $(EDITORDIR)
# --- message catalogs (gettext) -------------------------------------------
# po/LANG.po compiled into $(BUILD)/locale, where the binary finds them when
# run from the build tree (src/i18n.h); `make po` refreshes po/promise.pot
# from the sources and merges it into every po/LANG.po.
PO        := $(sort $(wildcard po/*.po))
MO        := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/promise.mo,$(PO))
LOCALEDIR ?= $(DATADIR)/locale
.PHONY: po install-mo uninstall-mo
all check: $(MO)

$(BUILD)/locale/%/LC_MESSAGES/promise.mo: po/%.po
	@scripts/need msgfmt
	@mkdir -p $(dir $@)
	@echo "  MSGFMT  $@"
	$(Q)msgfmt --check -o $@.tmp $< && mv $@.tmp $@

$(BUILD)/obj/src/i18n.o: PROMISE_CFLAGS += -DPROMISE_LOCALEDIR='"$(LOCALEDIR)"'

po:
	@scripts/need xgettext
	xgettext --from-code=UTF-8 --language=C -k -k_ -kN_ -kngettext_:1,2 --add-comments=TRANSLATORS: \
		--package-name=promise --package-version=$(VERSION) --msgid-bugs-address="the issue tracker of promise" --add-location=file \
		--sort-by-file -o po/promise.pot $(sort $(wildcard src/*.c src/*/*.c))
	for p in $(PO); do msgmerge --quiet --update --backup=none $$p po/promise.pot; done

install: install-mo
install-mo: $(MO)
	for m in $(MO); do l=$${m#$(BUILD)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $$m $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/promise.mo || exit 1; done

uninstall: uninstall-mo
uninstall-mo:
	rm -f $(patsubst po/%.po,$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/promise.mo,$(PO))

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/promise $(DESTDIR)$(MANDIR)/man1/promise.1 \
		$(DESTDIR)$(MANDIR)/man5/promise.5 $(DESTDIR)$(MANDIR)/man7/promise-rules.7 \
		$(DESTDIR)$(BASHCOMPDIR)/promise $(DESTDIR)$(ZSHCOMPDIR)/_promise \
		$(DESTDIR)$(FISHCOMPDIR)/promise.fish
	@DESTDIR='$(DESTDIR)' DATADIR='$(DATADIR)' EMACSDIR='$(EMACSDIR)' VIMPACK='$(VIMPACK)' \
		scripts/install-editors.sh uninstall $(EDITORDIR)

# A source tarball with the commit in it, and the Debian package built from
# it (in a copy: dpkg-buildpackage writes next to the tree it builds).
dist:
	@scripts/dist.sh $(BUILD)

deb:
	@scripts/deb.sh $(BUILD)

clean:
	rm -rf build

include fuzz/fuzz.mk
include tests/hardening.mk

-include $(OBJ:.o=.d) $(BUILD)/obj/src/main.d

# test_fmt shares its property checks with fuzz/fmt.c.
$(BUILD)/tests/test_fmt: tests/unit/fmt_props.h
