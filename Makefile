# SPDX-License-Identifier: MIT
# espy: `make` builds the host program, `make run` starts it, `make test`
# runs every test, `make bench` prints the speed and memory figures.

CC ?= cc
PYTHON ?= python3
XTENSA_CC ?= xtensa-lx106-elf-gcc

CORE_SRC := $(wildcard core/*.c)
# lib/: the portable modules; board/: the ESP8266 as its users see it.
# Every target links core/, lib/ and board/.
LIB_SRC := $(wildcard lib/*.c)
BOARD_SRC := $(wildcard board/*.c)
PORTABLE_SRC := $(CORE_SRC) $(LIB_SRC) $(BOARD_SRC)
HOST_SRC := $(wildcard platform/host/*.c)
QSTR_SCAN := $(wildcard core/*.c core/*.h lib/*.c lib/*.h board/*.c board/*.h platform/host/*.c platform/host/*.h)
MODULE_SCAN := $(wildcard lib/*.c board/*.c)
# The host's builds also have the simulator's own modules (espysim).
HOST_MODULE_SCAN := $(MODULE_SCAN) $(wildcard platform/host/*.c)
# ssl (lib/ssl/) is built on Debian's mbedTLS, which exists for the 64-bit
# host only: the host and gc-stress builds add its sources, their names and
# their module line (gen_rules' fourth argument) and link the library; the
# others (host32, lx106, QEMU, the chip, fuzzing, the freezer) have no ssl.
SSL_SRC := $(wildcard lib/ssl/*.c)
SSL_SCAN := $(SSL_SRC) $(wildcard lib/ssl/*.h)
SSL_LIBS := -lmbedtls -lmbedx509 -lmbedcrypto

WARN := -Wall -Wextra -Wno-unused-parameter
CFLAGS_COMMON := -std=gnu11 $(WARN) -Icore -Ilib -Iboard -Iplatform/host
OPT ?= -O2 -g

.PHONY: fuzz-fs fuzz-fs-smoke fuzz-lfs2 fuzz-lfs2-smoke fuzz-webrepl fuzz-webrepl-smoke
.PHONY: all run test test-lang test-gc-stress test-host32 test-unit check-lx106 bench host32 fuzz fuzz-smoke clean

all: build/host/espy

# ---- generated names ------------------------------------------------------
# Every build folder gets its own copy of the generated qstr table and of
# the table of lib/'s modules (moduledefs.h, from their ESPY_MODULE lines).
# The names frozen code uses (build/frozen/qstrs.txt) are static names in
# every build but the freezer's own. Arguments: the folder, "nofrozen",
# the module sources (default MODULE_SCAN), and sources scanned for both
# names and modules that only this build has (SSL_SCAN).
define gen_rules
$(1)/gen/qstrdefs.h $(1)/gen/qstrdata.c: $(QSTR_SCAN) $(4) core/qstr_special.txt tools/genqstr.py $(if $(2),,$(FROZEN_QSTRS))
	@mkdir -p $(1)/gen
	@$(PYTHON) tools/genqstr.py $(1)/gen core/qstr_special.txt $(if $(2),,--frozen $(FROZEN_QSTRS)) $(QSTR_SCAN) $(4)
	@$(PYTHON) tools/genmodules.py $(1)/gen/moduledefs.h $(or $(3),$(MODULE_SCAN)) $(filter %.c,$(4))
endef

# ---- frozen modules ---------------------------------------------------------
# Every .py under lib/frozen/ and board/frozen/ is compiled by tools/freeze
# (espy's compiler with tools/freeze/freeze.c as main, built with a qstr table
# of its own) into build/frozen/frozen.c, which every build links.
FROZEN_PY := $(sort $(shell find lib/frozen board/frozen -name '*.py' 2>/dev/null))
FROZEN_C := build/frozen/frozen.c
FROZEN_QSTRS := build/frozen/qstrs.txt
FREEZE_SRC := $(PORTABLE_SRC) $(filter-out platform/host/main.c,$(HOST_SRC)) tools/freeze/freeze.c
FREEZE_OBJ := $(patsubst %.c,build/freeze/obj/%.o,$(FREEZE_SRC)) build/freeze/obj/gen/qstrdata.o
$(eval $(call gen_rules,build/freeze,nofrozen,$(HOST_MODULE_SCAN)))

build/freeze/obj/%.o: %.c build/freeze/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -Ibuild/freeze/gen -O1 -MMD -MP -c $< -o $@

build/freeze/obj/gen/qstrdata.o: build/freeze/gen/qstrdata.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -Ibuild/freeze/gen -O1 -c $< -o $@

build/freeze/espy-freeze: $(FREEZE_OBJ)
	$(CC) -o $@ $^ -lm -pthread

-include $(FREEZE_OBJ:.o=.d)

$(FROZEN_C) $(FROZEN_QSTRS) &: build/freeze/espy-freeze $(FROZEN_PY)
	@mkdir -p build/frozen
	build/freeze/espy-freeze build/frozen $(FROZEN_PY)

$(eval $(call gen_rules,build/host,,$(HOST_MODULE_SCAN),$(SSL_SCAN)))
$(eval $(call gen_rules,build/host32,,$(HOST_MODULE_SCAN)))
$(eval $(call gen_rules,build/lx106))

# ---- host ---------------------------------------------------------------
HOST_OBJ := $(patsubst %.c,build/host/obj/%.o,$(PORTABLE_SRC) $(HOST_SRC) $(SSL_SRC) $(FROZEN_C)) build/host/obj/gen/qstrdata.o

build/host/obj/%.o: %.c build/host/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -Ibuild/host/gen $(OPT) -MMD -MP -c $< -o $@

build/host/obj/gen/qstrdata.o: build/host/gen/qstrdata.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -Ibuild/host/gen $(OPT) -c $< -o $@

build/host/espy: $(HOST_OBJ)
	$(CC) $(OPT) -o $@ $^ $(SSL_LIBS) -lm -pthread

-include $(HOST_OBJ:.o=.d)

# ---- host32: the same program with 4-byte values ----------------------------
HOST32_OBJ := $(patsubst %.c,build/host32/obj/%.o,$(PORTABLE_SRC) $(HOST_SRC) $(FROZEN_C)) build/host32/obj/gen/qstrdata.o

build/host32/obj/%.o: %.c build/host32/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	$(CC) -m32 $(CFLAGS_COMMON) -Ibuild/host32/gen $(OPT) -MMD -MP -c $< -o $@

build/host32/obj/gen/qstrdata.o: build/host32/gen/qstrdata.c
	@mkdir -p $(dir $@)
	$(CC) -m32 $(CFLAGS_COMMON) -Ibuild/host32/gen $(OPT) -c $< -o $@

build/host32/espy: $(HOST32_OBJ)
	$(CC) -m32 $(OPT) -o $@ $^ -lm -pthread

host32: build/host32/espy

-include $(HOST32_OBJ:.o=.d)

# ---- gc-stress: a collection at every allocation ------------------------------
STRESS_OBJ := $(patsubst %.c,build/stress/obj/%.o,$(PORTABLE_SRC) $(HOST_SRC) $(SSL_SRC) $(FROZEN_C)) build/stress/obj/gen/qstrdata.o
$(eval $(call gen_rules,build/stress,,$(HOST_MODULE_SCAN),$(SSL_SCAN)))

build/stress/obj/%.o: %.c build/stress/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	$(CC) -DESPY_GC_STRESS $(CFLAGS_COMMON) -Ibuild/stress/gen -O1 -g -MMD -MP -c $< -o $@

build/stress/obj/gen/qstrdata.o: build/stress/gen/qstrdata.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) -Ibuild/stress/gen -O1 -c $< -o $@

build/stress/espy: $(STRESS_OBJ)
	$(CC) -o $@ $^ $(SSL_LIBS) -lm -pthread

-include $(STRESS_OBJ:.o=.d)

test-gc-stress: build/stress/espy
	@$(PYTHON) tools/run-tests --espy build/stress/espy --timeout 120 tests/lang tests/lib

# ---- lx106: core/, lib/ and board/ must compile for the chip without warnings
LX106_OBJ := $(patsubst %.c,build/lx106/obj/%.o,$(PORTABLE_SRC) $(FROZEN_C))

build/lx106/obj/%.o: %.c build/lx106/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	@$(XTENSA_CC) -std=gnu11 $(WARN) -Werror -Os -mlongcalls -Icore -Ilib -Iboard -Iplatform/qemu -Ibuild/lx106/gen -c $< -o $@

check-lx106: $(LX106_OBJ)
	@echo "lx106: core/, lib/ and board/ compile cleanly ($(words $(LX106_OBJ)) files)"

# ---- fuzzing: libFuzzer over the compiler and the VM ------------------------
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 600
# Fuzzing has generated tables of its own: the host's have ssl, which it does not link.
# The three targets over espy (fuzz_espy, fuzz_fs, fuzz_webrepl) share one set of
# sanitized objects, built in parallel, and differ by their LLVMFuzzerTestOneInput.
FUZZ_COMMON_SRC := $(PORTABLE_SRC) tests/fuzz/hal_fuzz.c platform/esp8266/hal_fs_none.c platform/host/flash_sim.c \
	build/fuzz/gen/qstrdata.c $(FROZEN_C)
FUZZ_COMMON_OBJ := $(patsubst %.c,build/fuzz/obj/%.o,$(FUZZ_COMMON_SRC))
FUZZ_CFLAGS := -std=gnu11 -g -O1 -DESPY_VM_CHECKS -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize=nonnull-attribute,pointer-overflow -fno-sanitize-recover=undefined \
	-Icore -Ilib -Iboard -Iplatform/host -Ibuild/fuzz/gen
FUZZ_LINK := -fsanitize=fuzzer,address,undefined
$(eval $(call gen_rules,build/fuzz,,$(HOST_MODULE_SCAN)))

build/fuzz/obj/%.o: %.c build/fuzz/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

-include $(FUZZ_COMMON_OBJ:.o=.d)

build/fuzz/fuzz_espy: $(FUZZ_COMMON_OBJ) build/fuzz/obj/tests/fuzz/fuzz_espy.o
	$(FUZZ_CC) $(FUZZ_LINK) -o $@ $^ -lm

build/fuzz/corpus/.seeded: $(wildcard tests/lang/*.py)
	@mkdir -p build/fuzz/corpus
	@cp tests/lang/*.py build/fuzz/corpus/
	@touch $@

fuzz: build/fuzz/fuzz_espy build/fuzz/corpus/.seeded
	build/fuzz/fuzz_espy -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 build/fuzz/corpus

# littlefs alone: mount, walk and change damaged images.
LFS2_FUZZ_SRC := tests/fuzz/fuzz_lfs2.c lib/lfs2_meta.c lib/lfs2_fs.c lib/lfs2_file.c
LFS2_FUZZ_RUN := -timeout=10 -rss_limit_mb=2048 -max_len=8193 -artifact_prefix=build/fuzz/

build/fuzz/fuzz_lfs2: $(LFS2_FUZZ_SRC) lib/lfs2.h lib/lfs2_impl.h
	@mkdir -p build/fuzz
	$(FUZZ_CC) -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
		-Ilib -o $@ $(LFS2_FUZZ_SRC)

# The seeds are images the target makes itself, written by a first run.
build/fuzz/lfs2-corpus/.seeded: build/fuzz/fuzz_lfs2
	@mkdir -p build/fuzz/lfs2-corpus
	@FUZZ_LFS2_SEEDS=build/fuzz/lfs2-corpus build/fuzz/fuzz_lfs2 -runs=0 build/fuzz/lfs2-corpus >/dev/null 2>&1
	@touch $@

fuzz-lfs2: build/fuzz/fuzz_lfs2 build/fuzz/lfs2-corpus/.seeded
	build/fuzz/fuzz_lfs2 -max_total_time=$(FUZZ_SECONDS) $(LFS2_FUZZ_RUN) build/fuzz/lfs2-corpus

fuzz-lfs2-smoke: build/fuzz/fuzz_lfs2 build/fuzz/lfs2-corpus/.seeded
	@build/fuzz/fuzz_lfs2 -max_total_time=20 $(LFS2_FUZZ_RUN) build/fuzz/lfs2-corpus 2>build/fuzz/lfs2-smoke.log \
		&& echo "fuzz-lfs2 smoke: no crash in 20 s" || (tail -40 build/fuzz/lfs2-smoke.log; exit 1)

# The flash filesystems: damaged images mounted and walked through the VFS.
build/fuzz/fuzz_fs: $(FUZZ_COMMON_OBJ) build/fuzz/obj/tests/fuzz/fuzz_fs.o
	$(FUZZ_CC) $(FUZZ_LINK) -o $@ $^ -lm

build/fuzz/fs-corpus/.seeded: tests/fuzz/fs_seeds.py build/host/espy
	@mkdir -p build/fuzz/fs-corpus
	@build/host/espy tests/fuzz/fs_seeds.py build/fuzz/fs-corpus
	@touch $@

fuzz-fs: build/fuzz/fuzz_fs build/fuzz/fs-corpus/.seeded
	build/fuzz/fuzz_fs -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=70000 build/fuzz/fs-corpus

fuzz-fs-smoke: build/fuzz/fuzz_fs build/fuzz/fs-corpus/.seeded
	@build/fuzz/fuzz_fs -max_total_time=20 -timeout=10 -rss_limit_mb=2048 -max_len=70000 build/fuzz/fs-corpus 2>build/fuzz/fs-smoke.log \
		&& echo "fuzz-fs smoke: no crash in 20 s" || (tail -40 build/fuzz/fs-smoke.log; exit 1)

# The WebREPL's parsers: websocket_helper's HTTP requests, the WebSocket
# framing and _webrepl's login and file protocol, on a fake socket.
FUZZ_WEBREPL_RUN := -timeout=10 -rss_limit_mb=2048 -max_len=8192 -artifact_prefix=build/fuzz/

build/fuzz/fuzz_webrepl: $(FUZZ_COMMON_OBJ) build/fuzz/obj/tests/fuzz/fuzz_webrepl.o
	$(FUZZ_CC) $(FUZZ_LINK) -o $@ $^ -lm

build/fuzz/webrepl-corpus/.seeded: build/fuzz/fuzz_webrepl
	@mkdir -p build/fuzz/webrepl-corpus
	@FUZZ_WEBREPL_SEEDS=build/fuzz/webrepl-corpus build/fuzz/fuzz_webrepl -runs=0 build/fuzz/webrepl-corpus >/dev/null 2>&1
	@touch $@

fuzz-webrepl: build/fuzz/fuzz_webrepl build/fuzz/webrepl-corpus/.seeded
	build/fuzz/fuzz_webrepl -max_total_time=$(FUZZ_SECONDS) $(FUZZ_WEBREPL_RUN) build/fuzz/webrepl-corpus

fuzz-webrepl-smoke: build/fuzz/fuzz_webrepl build/fuzz/webrepl-corpus/.seeded
	@build/fuzz/fuzz_webrepl -max_total_time=20 $(FUZZ_WEBREPL_RUN) build/fuzz/webrepl-corpus 2>build/fuzz/webrepl-smoke.log \
		&& echo "fuzz-webrepl smoke: no crash in 20 s" || (tail -40 build/fuzz/webrepl-smoke.log; exit 1)

# A short run for make test: finds the shallow crashes.
fuzz-smoke: build/fuzz/fuzz_espy build/fuzz/corpus/.seeded
	@build/fuzz/fuzz_espy -max_total_time=30 -timeout=10 -rss_limit_mb=2048 build/fuzz/corpus 2>build/fuzz/smoke.log \
		&& echo "fuzz smoke: no crash in 30 s" || (tail -40 build/fuzz/smoke.log; exit 1)

# ---- running ------------------------------------------------------------
run: build/host/espy
	build/host/espy

# ---- tests --------------------------------------------------------------
# This kernel may not run 32-bit programs; then qemu-i386 (qemu-user) runs them.
RUN32 = $(shell build/host32/espy -c pass >/dev/null 2>&1 || echo qemu-i386)

test-host32: build/host32/espy
	@$(PYTHON) tools/run-tests --espy build/host32/espy $(if $(RUN32),--runner-prefix $(RUN32)) --skip-file tests/host32-skip.txt tests/lang

# Every suite; tools/test-all prints one closing line that adds them up.
TEST_SUITES = \
	"lx106=$(MAKE) --no-print-directory check-lx106" \
	"lexer=$(MAKE) --no-print-directory -f tests/unit/lexer.mk test-lexer" \
	"lang=$(PYTHON) tools/run-tests --espy build/host/espy tests/lang" \
	"lib=$(PYTHON) tools/run-tests --espy build/host/espy tests/lib" \
	"fs=$(PYTHON) tools/run-tests --espy build/host/espy tests/fs" \
	"lfs2-unit=$(MAKE) --no-print-directory -f tests/unit/lfs2.mk test-lfs2" \
	"fat-interop=$(PYTHON) tests/host/test_fat_interop.py build/host/espy" \
	"lang-32bit=$(PYTHON) tools/run-tests --espy build/host32/espy $(if $(RUN32),--runner-prefix $(RUN32)) --skip-file tests/host32-skip.txt tests/lang tests/lib tests/fs" \
	"cli=$(PYTHON) tests/host/test_cli.py build/host/espy" \
	"board=$(PYTHON) tests/board/test_board.py build/host/espy" \
	"board-io=$(PYTHON) tests/board/test_board_io.py build/host/espy" \
	"net-network=$(PYTHON) tests/net/test_network.py build/host/espy" \
	"net-ntptime=$(PYTHON) tests/net/test_ntptime.py build/host/espy" \
	"net-ssl=$(PYTHON) tests/net/test_ssl.py build/host/espy" \
	"board-dupterm=$(PYTHON) tests/board/test_dupterm.py build/host/espy" \
	"net-webrepl=$(PYTHON) tests/net/test_webrepl.py build/host/espy" \
	"net-webrepl-browser=$(PYTHON) tests/net/test_webrepl_browser.py build/host/espy" \
	"mkimage=$(PYTHON) tests/host/test_mkimage.py" \
	"gc-stress=$(PYTHON) tools/run-tests --espy build/stress/espy --timeout 120 tests/lang tests/lib" \
	"qemu-lx106=$(MAKE) --no-print-directory test-qemu" \
	"qemu-board=$(PYTHON) tests/board/test_qemu_board.py" \
	"firmware=$(MAKE) --no-print-directory -s firmware test-firmware-qemu" \
	"fuzz-smoke=$(MAKE) -j2 --no-print-directory fuzz-smoke" \
	"fuzz-fs-smoke=$(MAKE) -j2 --no-print-directory fuzz-fs-smoke" \
	"fuzz-lfs2-smoke=$(MAKE) --no-print-directory fuzz-lfs2-smoke" \
	"fuzz-webrepl-smoke=$(MAKE) -j2 --no-print-directory fuzz-webrepl-smoke"

test: build/host/espy build/host32/espy build/stress/espy
	@$(PYTHON) tools/test-all $(TEST_SUITES)

bench: build/host/espy build/host32/espy
	@$(PYTHON) tools/bench --espy build/host/espy $(if $(RUN32),--espy32-prefix $(RUN32))
	@$(PYTHON) tools/bench-memory

clean:
	rm -rf build

-include platform/qemu/qemu.mk
-include platform/esp8266/esp8266.mk
