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
COMMIT   := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

WARN           = -std=c17 -Wall -Wextra -Wpedantic -Werror
PROMISE_CFLAGS = $(WARN) -D_GNU_SOURCE -Isrc -I$(BUILD)/gen -MMD -MP
LIBS           = -ljansson -lutf8proc -linih -lm
RE2CFLAGS      = -W -Werror --no-generation-date --no-version

ifeq ($(V),1)
Q :=
else
Q := @
endif

SRC      := $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c))
GEN      := $(BUILD)/gen/lex.c $(BUILD)/gen/lexicon.c
OBJ      := $(patsubst %.c,$(BUILD)/obj/%.o,$(SRC)) $(patsubst $(BUILD)/gen/%.c,$(BUILD)/obj/gen/%.o,$(GEN))
LEXICONS := $(sort $(wildcard grammar/lexicon/*.tsv))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

FORCE:
.PHONY: FORCE all check unit san bench bench-lsp eval fuzz install uninstall clean deps docs
.DEFAULT_GOAL := all

all: $(BUILD)/promise

# --- generated scanners -------------------------------------------------
$(BUILD)/gen/lex.c: grammar/promise.re | $(BUILD)/gen/.dir
	@scripts/need re2c
	@echo "  RE2C    $@"
	$(Q)$(RE2C) $(RE2CFLAGS) $< -o $@

$(BUILD)/gen/lexicon.re: grammar/lexicon.awk $(LEXICONS) | $(BUILD)/gen/.dir
	@echo "  AWK     $@"
	$(Q)awk -f grammar/lexicon.awk $(LEXICONS) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/lexicon.c: $(BUILD)/gen/lexicon.re
	@scripts/need re2c
	@echo "  RE2C    $@"
	$(Q)$(RE2C) -8 --input-encoding utf8 $(RE2CFLAGS) $< -o $@

# --- objects ------------------------------------------------------------
$(BUILD)/obj/%.o: %.c $(GEN)
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

# --- message catalogs (gettext) -------------------------------------------
# po/LANG.po compiled into $(BUILD)/locale, where the binary finds them when
# run from the build tree (src/i18n.h); `make po` refreshes po/promise.pot
# from the sources and merges it into every po/LANG.po.
PO        := $(sort $(wildcard po/*.po))
MO        := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/promise.mo,$(PO))
LOCALEDIR ?= $(PREFIX)/share/locale
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

install: $(BUILD)/promise
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BUILD)/promise $(DESTDIR)$(PREFIX)/bin/promise

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/promise

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(BUILD)/obj/src/main.d
