# hardening.mk — robustness runs beyond `make check` (included by the
# Makefile; docs/robustness.md says what each shows).
#
# make memcheck   the unit binaries and a set of command runs under
#                 valgrind's memcheck (tests/memcheck.sh; about 5 minutes)
# make soak       the editor server soak alone (tests/soak/lsp-soak.py),
#                 SOAK_MESSAGES long (default 100,000, about 15 s; `make
#                 check` runs it too)
# make san-clang  the unit tests under clang's AddressSanitizer and
#                 UndefinedBehaviorSanitizer, which also stops on NULL + 0
# make tsan       the threaded paths (lint -j) under ThreadSanitizer: the
#                 pool's test, the analysis with threads, the -j parity
#                 checks of tests/e2e/jobs.sh and a 100,000-promise lint

.PHONY: memcheck soak san-clang tsan

memcheck: $(BUILD)/promise $(UNIT_BIN)
	@scripts/need valgrind
	@BUILD=$(BUILD) tests/memcheck.sh

SOAK_MESSAGES ?= 100000
soak: $(BUILD)/promise
	@SOAK_MESSAGES=$(SOAK_MESSAGES) python3 tests/soak/lsp-soak.py $(BUILD)/promise

SAN_CLANG_BUILD ?= build/san-clang
san-clang:
	@scripts/need clang
	$(MAKE) BUILD=$(SAN_CLANG_BUILD) CC=clang CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" unit

TSAN_BUILD ?= build/tsan
TSAN_FLAGS = -O1 -g -fsanitize=thread
tsan:
	@scripts/need clang
	$(MAKE) BUILD=$(TSAN_BUILD) CC=clang CFLAGS="$(TSAN_FLAGS)" LDFLAGS="$(TSAN_FLAGS)" \
		$(TSAN_BUILD)/promise $(TSAN_BUILD)/tests/test_workpool $(TSAN_BUILD)/tests/test_analyze
	@TSAN_BUILD=$(TSAN_BUILD) tests/tsan.sh

# The preload library of tests/e2e/io-faults.sh: chosen system calls fail.
# Built without the user's CFLAGS, so never with a sanitizer in it.
check: $(BUILD)/tests/libfaults.so
$(BUILD)/tests/libfaults.so: tests/faults/syscalls.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(WARN) -O2 -g -shared -fPIC $< -ldl -o $@
