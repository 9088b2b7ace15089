# fuzz.mk — the libFuzzer targets (included by the Makefile).
#
# Each fuzz/NAME.c is built with clang and -fsanitize=fuzzer,address,undefined
# into $(BUILD)/fuzz/fuzz-NAME, linked with a libpromise.a compiled the same
# way (in $(BUILD)/fuzz/). `make fuzz` runs every target for FUZZ_SECONDS
# on its seed corpus fuzz/corpus/NAME/ (new inputs go to
# $(BUILD)/fuzz/corpus/NAME/, so the tree stays clean); a crash, a leak, a
# timeout or a broken invariant fails the run and the input is kept in
# FUZZ_ARTIFACTS. FUZZ=NAME runs one (lint, lsp, config, fmt).

FUZZ_SECONDS   ?= 60
FUZZ_CC        ?= clang
FUZZ_DIR       := $(BUILD)/fuzz
FUZZ_ARTIFACTS ?= $(FUZZ_DIR)/artifacts
FUZZ_SAN       := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRC       := $(wildcard fuzz/*.c)
FUZZ_BIN       := $(patsubst fuzz/%.c,$(FUZZ_DIR)/fuzz-%,$(FUZZ_SRC))
FUZZ_ONLY      := $(if $(FUZZ),$(FUZZ_DIR)/fuzz-$(FUZZ),$(FUZZ_BIN))

.PHONY: fuzz fuzz-build

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_DIR=$(FUZZ_DIR) FUZZ_ARTIFACTS=$(FUZZ_ARTIFACTS) \
		fuzz/run.sh $(FUZZ_ONLY)

fuzz-build: $(FUZZ_BIN)

# The library, instrumented for coverage and the sanitizers, by a make of
# its own (its BUILD is $(FUZZ_DIR)); it decides whether anything changed.
$(FUZZ_DIR)/libpromise.a: FORCE
	@scripts/need $(FUZZ_CC)
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR) CC=$(FUZZ_CC) \
		CFLAGS="-O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link" $@

$(FUZZ_DIR)/fuzz-%: fuzz/%.c $(FUZZ_DIR)/libpromise.a tests/unit/fmt_props.h
	@echo "  FUZZ    $@"
	$(Q)$(FUZZ_CC) $(WARN) -D_GNU_SOURCE -Isrc -Itests/unit -I$(FUZZ_DIR)/gen -O1 -g $(FUZZ_SAN) \
		-fsanitize=fuzzer $< $(FUZZ_DIR)/libpromise.a $(LIBS) -o $@
