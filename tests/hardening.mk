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

.PHONY: memcheck soak san-clang

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

# The preload library of tests/e2e/io-faults.sh: chosen system calls fail.
# Built without the user's CFLAGS, so never with a sanitizer in it.
check: $(BUILD)/tests/libfaults.so
$(BUILD)/tests/libfaults.so: tests/faults/syscalls.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(WARN) -O2 -g -shared -fPIC $< -ldl -o $@
