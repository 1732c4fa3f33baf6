# SPDX-License-Identifier: MIT
# The QEMU lx106 build, included by the main Makefile:
#   make qemu        builds build/qemu/espy.elf and prints its region sizes
#   make test-qemu   checks the ROM arithmetic helpers (tests/unit/romfuncs_check.*)
#                    and runs tests/lang through the build (tools/espy-qemu),
#                    skipping what tests/qemu-skip.txt lists
# Needs Debian's gcc-xtensa-lx106, binutils-xtensa-lx106,
# picolibc-xtensa-lx106-elf and qemu-system-misc.

XTENSA_SIZE ?= xtensa-lx106-elf-size
PICOLIBC_SPECS ?= /usr/lib/xtensa-lx106-elf/picolibc.specs
QEMU_DIR := build/qemu
QEMU_C_SRC := $(PORTABLE_SRC) $(wildcard platform/qemu/*.c)
QEMU_ASM_SRC := $(wildcard platform/qemu/*.S)
QEMU_OBJ := $(patsubst %.c,$(QEMU_DIR)/obj/%.o,$(QEMU_C_SRC) $(FROZEN_C)) \
	$(patsubst %.S,$(QEMU_DIR)/obj/%.o,$(QEMU_ASM_SRC)) $(QEMU_DIR)/obj/gen/qstrdata.o
QEMU_CFLAGS := -std=gnu11 $(WARN) -Os -g -mlongcalls -ffunction-sections -fdata-sections \
	--specs=$(PICOLIBC_SPECS) -Icore -Ilib -Iboard -Iplatform/qemu -I$(QEMU_DIR)/gen
QEMU_LDFLAGS := --specs=$(PICOLIBC_SPECS) -nostartfiles -T platform/qemu/qemu.ld -Wl,--gc-sections
QEMU_JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: qemu test-qemu

$(eval $(call gen_rules,$(QEMU_DIR)))

$(QEMU_DIR)/obj/%.o: %.c $(QEMU_DIR)/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	$(XTENSA_CC) $(QEMU_CFLAGS) -MMD -MP -c $< -o $@

$(QEMU_DIR)/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(XTENSA_CC) -c $< -o $@

$(QEMU_DIR)/obj/gen/qstrdata.o: $(QEMU_DIR)/gen/qstrdata.c
	@mkdir -p $(dir $@)
	$(XTENSA_CC) $(QEMU_CFLAGS) -c $< -o $@

# The report: each region of the chip and what fills it (57344: qemu.ld's dram0_0_seg).
$(QEMU_DIR)/espy.elf: $(QEMU_OBJ) platform/qemu/qemu.ld
	$(XTENSA_CC) $(QEMU_LDFLAGS) -Wl,-Map=$(QEMU_DIR)/espy.map -o $@ $(QEMU_OBJ) -lm
	@$(XTENSA_SIZE) -A $@ | awk ' \
		{ size[$$1] = $$2 } \
		END { \
			text = size[".irom0.text"]; rodata = size[".irom0.rodata"]; iram = size[".iram0.text"]; \
			data = size[".data"]; bss = size[".bss"]; heap = size[".heap"]; stack = size[".stack"]; \
			dram = data + bss + heap + stack; \
			printf "qemu: irom0 (flash) %7d B: text %d, rodata %d\n", text + rodata, text, rodata; \
			printf "qemu: iram          %7d B of 32768 (vectors)\n", iram; \
			printf "qemu: dram          %7d B of 57344 (80 KiB less 24 KiB for WiFi): data %d, bss %d, heap %d, C stack %d\n", \
				dram, data, bss, heap, stack; \
			printf "qemu: dram free     %7d B\n", 57344 - dram; \
		}'

qemu: $(QEMU_DIR)/espy.elf

# The ROM helpers checked against the host's arithmetic.
QEMU_ROMFUNCS_OBJ := $(QEMU_DIR)/obj/tests/unit/romfuncs_check.o $(QEMU_DIR)/obj/platform/qemu/romfuncs.o \
	$(QEMU_DIR)/obj/platform/qemu/start.o

$(QEMU_DIR)/romfuncs_check.elf: $(QEMU_ROMFUNCS_OBJ) platform/qemu/qemu.ld
	$(XTENSA_CC) $(QEMU_LDFLAGS) -o $@ $(QEMU_ROMFUNCS_OBJ)

test-qemu: $(QEMU_DIR)/espy.elf $(QEMU_DIR)/romfuncs_check.elf
	@$(PYTHON) tests/unit/romfuncs_check.py $(QEMU_DIR)/romfuncs_check.elf
	@$(PYTHON) tools/run-tests --espy tools/espy-qemu --jobs $(QEMU_JOBS) \
		--skip-file tests/qemu-skip.txt tests/lang tests/lib

-include $(QEMU_OBJ:.o=.d)
