# SPDX-License-Identifier: MIT
# The lexer's unit test: `make -f tests/unit/lexer.mk` from the repo root
# builds build/unit/test_lexer with the sanitizers and runs it. Can also be
# included from the main Makefile (targets: test-lexer, fuzz-lexer,
# check-lexer-lx106).
#
# fuzz-lexer builds a libFuzzer target with clang (when present) and runs it
# for LEXER_FUZZ_SECONDS; check-lexer-lx106 compiles core/lexer.c with the
# ESP8266 compiler (when present) to check it stays warning-free there.

LEXER_CC ?= cc
LEXER_CFLAGS = -std=c11 -Wall -Wextra -Werror -g -fsanitize=address,undefined \
	-fno-sanitize-recover=all -fno-omit-frame-pointer
# core/gc.h is used when it exists; tests/unit/stub/gc.h only stands in for it.
LEXER_INCLUDES = -Icore -Itests/unit $(if $(wildcard core/gc.h),,-Itests/unit/stub)
LEXER_TEST_SRC = core/lexer.c core/unicode.c tests/unit/test_lexer.c tests/unit/gc_stub.c
LEXER_HEADERS = core/lexer.h tests/unit/gc_stub.h $(wildcard core/gc.h)
LEXER_FUZZ_SECONDS ?= 20

.PHONY: test-lexer fuzz-lexer check-lexer-lx106

test-lexer: build/unit/test_lexer
	./build/unit/test_lexer

build/unit/test_lexer: $(LEXER_TEST_SRC) $(LEXER_HEADERS) tests/unit/lexer.mk
	@mkdir -p build/unit
	$(LEXER_CC) $(LEXER_CFLAGS) $(LEXER_INCLUDES) -o $@ $(LEXER_TEST_SRC)

build/unit/fuzz_lexer: core/lexer.c tests/unit/fuzz_lexer.c tests/unit/gc_stub.c $(LEXER_HEADERS)
	@mkdir -p build/unit
	clang -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
		$(LEXER_INCLUDES) -o $@ core/lexer.c tests/unit/fuzz_lexer.c tests/unit/gc_stub.c

fuzz-lexer:
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) -f tests/unit/lexer.mk build/unit/fuzz_lexer && \
		mkdir -p build/unit/fuzz_lexer_corpus && \
		./build/unit/fuzz_lexer -max_total_time=$(LEXER_FUZZ_SECONDS) -max_len=4096 build/unit/fuzz_lexer_corpus; \
	else echo "fuzz-lexer: clang not found, skipped"; fi

check-lexer-lx106:
	@if command -v xtensa-lx106-elf-gcc >/dev/null 2>&1; then \
		mkdir -p build/unit && \
		xtensa-lx106-elf-gcc -Os -mlongcalls -std=c11 -Wall -Wextra -Werror $(LEXER_INCLUDES) \
			-c core/lexer.c -o build/unit/lexer-lx106.o && \
		xtensa-lx106-elf-size build/unit/lexer-lx106.o; \
	else echo "check-lexer-lx106: xtensa-lx106-elf-gcc not found, skipped"; fi
