# SPDX-License-Identifier: MIT
# The ESP8266 firmware, included by the main Makefile:
#   make firmware                  builds build/esp8266/firmware.bin for a 2 MiB+ flash
#   make firmware FLASH_SIZE=1M    ... for 512K, 1M, 2M, 4M, 8M or 16M
#   make firmware ESP8266_CLOCK_MHZ=52   if the board's console shows up at
#                                  74880 baud instead of 115200 (README.md)
#   make test-firmware-qemu        checks start.S's vectors and exception.c
#                                  on QEMU's lx106 (test/exception_test.c)
# It links build/esp8266/espy.elf with Debian's gcc-xtensa-lx106 and
# picolibc-xtensa-lx106-elf, makes firmware.bin with tools/mkimage, checks it
# with tools/fwcheck, and prints the size of each region of the chip.

FLASH_SIZE ?= 2M
XTENSA_SIZE ?= xtensa-lx106-elf-size
PICOLIBC_SPECS ?= /usr/lib/xtensa-lx106-elf/picolibc.specs
ESP_DIR := build/esp8266
ESP_GOALS := $(filter firmware test-firmware-qemu $(ESP_DIR)/%,$(MAKECMDGOALS))

# Per flash size: the end of the irom0 region (CPU address; the region starts
# at 0x40209000, flash offset 0x9000) and the board name of the banner, as
# MicroPython's FLASH_512K, FLASH_1M and default variants.
ESP_IROM0_END_512K := 0x4027B000
ESP_IROM0_END_1M := 0x40298000
ESP_BOARD_512K := ESP module (512K)
ESP_BOARD_1M := ESP module (1M)
ifneq ($(filter $(FLASH_SIZE),512K 1M 2M 4M 8M 16M),)
ESP_IROM0_END := $(or $(ESP_IROM0_END_$(FLASH_SIZE)),0x40300000)
ESP_BOARD := $(or $(ESP_BOARD_$(FLASH_SIZE)),ESP module)
else ifneq ($(ESP_GOALS),)
$(error FLASH_SIZE=$(FLASH_SIZE): use 512K, 1M, 2M, 4M, 8M or 16M)
endif

# core/ and lib/ (PORTABLE_SRC of the main Makefile; core/ alone before lib/ existed)
ESP_C_SRC := $(or $(PORTABLE_SRC),$(CORE_SRC)) $(wildcard platform/esp8266/*.c)
ESP_ASM_SRC := $(wildcard platform/esp8266/*.S)
ESP_OBJ := $(patsubst %.c,$(ESP_DIR)/obj/%.o,$(ESP_C_SRC) $(FROZEN_C)) \
	$(patsubst %.S,$(ESP_DIR)/obj/%.o,$(ESP_ASM_SRC)) $(ESP_DIR)/obj/gen/qstrdata.o
ESP_CFLAGS := -std=gnu11 $(WARN) -Os -g -mlongcalls -ffunction-sections -fdata-sections \
	--specs=$(PICOLIBC_SPECS) -Icore -Ilib -Iboard -Iplatform/esp8266 -I$(ESP_DIR)/gen
ESP_LDFLAGS := --specs=$(PICOLIBC_SPECS) -nostartfiles -T platform/esp8266/esp8266.ld \
	-L$(ESP_DIR)/gen -Wl,--gc-sections

# Flash answers only aligned 32-bit loads, so our code is compiled to read
# bytes and halfwords with l32i (-mforce-l32) and its constants live in flash;
# so does frozen code (core/frozen.h), which vm.c reads. gc.c is not: the
# bytes it reads in its hot loops are the allocation table, in RAM, where
# byte loads are cheaper. The few bytes it reads from flash (hex digits in
# the heap map) go through exception.c's emulation of byte loads;
# platform/esp8266/check-loads lists those it sees.
ESP_FORCE_L32 := -mforce-l32
ESP_PLAIN_LOADS := core/gc.c
$(patsubst %.c,$(ESP_DIR)/obj/%.o,$(ESP_PLAIN_LOADS)): ESP_FORCE_L32 :=

.PHONY: firmware test-firmware-qemu

$(eval $(call gen_rules,$(ESP_DIR)))

# The build choices, written into $(ESP_DIR)/gen when the makefiles are read,
# and only when they have changed, so that a change rebuilds what uses them:
# flash_layout.ld (IROM0_END, for esp8266.ld), esp8266_board.h (the banner's
# board name, for main.c) and esp8266_clock.h (see regs.h).
ESP8266_CLOCK_MHZ ?= 80
ESP_GEN_LD := /* FLASH_SIZE=$(FLASH_SIZE) (esp8266.mk) */\nIROM0_END = $(ESP_IROM0_END);\n
ESP_GEN_BOARD := // FLASH_SIZE=$(FLASH_SIZE) (esp8266.mk)\n\043define ESP8266_BOARD_NAME "$(ESP_BOARD)"\n
ESP_GEN_CLOCK := // ESP8266_CLOCK_MHZ=$(ESP8266_CLOCK_MHZ) (esp8266.mk)\n\043define ESP8266_CLOCK_MHZ $(ESP8266_CLOCK_MHZ)u\n
define esp_write_if_changed
printf '$(2)' > $(1).tmp && { cmp -s $(1).tmp $(1) && rm $(1).tmp || mv $(1).tmp $(1); }
endef
ifneq ($(ESP_GOALS),)
ifneq ($(filter 52 80,$(ESP8266_CLOCK_MHZ)),)
$(shell mkdir -p $(ESP_DIR)/gen && $(call esp_write_if_changed,$(ESP_DIR)/gen/flash_layout.ld,$(ESP_GEN_LD)) \
	&& $(call esp_write_if_changed,$(ESP_DIR)/gen/esp8266_board.h,$(ESP_GEN_BOARD)) \
	&& $(call esp_write_if_changed,$(ESP_DIR)/gen/esp8266_clock.h,$(ESP_GEN_CLOCK)))
else
$(error ESP8266_CLOCK_MHZ=$(ESP8266_CLOCK_MHZ): use 80 (the spec) or 52 (see platform/esp8266/README.md))
endif
endif

$(ESP_DIR)/obj/%.o: %.c $(ESP_DIR)/gen/qstrdefs.h
	@mkdir -p $(dir $@)
	$(XTENSA_CC) $(ESP_CFLAGS) $(ESP_FORCE_L32) -MMD -MP -c $< -o $@

$(ESP_DIR)/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(XTENSA_CC) -c $< -o $@

$(ESP_DIR)/obj/gen/qstrdata.o: $(ESP_DIR)/gen/qstrdata.c
	@mkdir -p $(dir $@)
	$(XTENSA_CC) $(ESP_CFLAGS) $(ESP_FORCE_L32) -c $< -o $@

$(ESP_DIR)/espy.elf: $(ESP_OBJ) platform/esp8266/esp8266.ld $(ESP_DIR)/gen/flash_layout.ld
	$(XTENSA_CC) $(ESP_LDFLAGS) -Wl,-Map=$(ESP_DIR)/espy.map -o $@ $(ESP_OBJ) -lm

# firmware.bin, its check, and the report: each region of the chip and what
# fills it (57344: esp8266.ld's dram0_0_seg).
firmware: $(ESP_DIR)/espy.elf
	@if [ -f tools/mkimage ]; then \
		$(PYTHON) tools/mkimage --flash-size $(FLASH_SIZE) -o $(ESP_DIR)/firmware.bin $(ESP_DIR)/espy.elf || exit 1; \
	else echo "esp8266: tools/mkimage not found: no firmware.bin"; fi
	@if [ -f tools/fwcheck ] && [ -f $(ESP_DIR)/firmware.bin ]; then \
		$(PYTHON) tools/fwcheck --flash-size $(FLASH_SIZE) $(ESP_DIR)/firmware.bin > $(ESP_DIR)/fwcheck.txt \
			|| { cat $(ESP_DIR)/fwcheck.txt; exit 1; }; \
		echo "esp8266: $(ESP_DIR)/firmware.bin checked by tools/fwcheck ($(ESP_DIR)/fwcheck.txt)"; \
	fi
	@$(XTENSA_SIZE) -A $(ESP_DIR)/espy.elf | awk -v irom0=$$(( $(ESP_IROM0_END) - 0x40209000 )) \
		-v flash=$(FLASH_SIZE) ' \
		{ size[$$1] = $$2 } \
		END { \
			iram = size[".iram0.text"]; text = size[".irom0.text"]; rodata = size[".irom0.rodata"]; \
			data = size[".data"]; drodata = size[".dram0.rodata"]; bss = size[".bss"]; heap = size[".heap"]; \
			stack = size[".stack"]; dram = data + drodata + bss + heap; \
			printf "esp8266: iram        %7d B of 32768: vectors, start-up, interrupt and flash code, the bytecode loop\n", iram; \
			printf "esp8266: irom0       %7d B of %d (FLASH_SIZE=%s): text %d, rodata %d\n", \
				text + rodata, irom0, flash, text, rodata; \
			printf "esp8266: dram        %7d B of 57344 (80 KiB less 24 KiB for WiFi): data %d, rodata %d, bss %d, heap %d\n", \
				dram, data, drodata, bss, heap; \
			printf "esp8266: C stack     %7d B at the top of the ROM data RAM (0x3FFFE000-0x3FFFFFFF), outside the 56 KiB\n", stack; \
			printf "esp8266: dram free   %7d B; the Python heap is %d B (it could be %d B)\n", \
				57344 - dram, heap, 57344 - dram + heap; \
		}'

# The exception test: the firmware's own start.o and exception.o, with the
# ROM routines and the other files' functions defined by the test.
ESP_TEST_OBJ := $(ESP_DIR)/obj/platform/esp8266/start.o $(ESP_DIR)/obj/platform/esp8266/exception.o \
	$(ESP_DIR)/test/exception_test.o $(ESP_DIR)/test/exception_test_S.o $(ESP_DIR)/test/romfuncs.o

$(ESP_DIR)/test/exception_test.o: platform/esp8266/test/exception_test.c
	@mkdir -p $(dir $@)
	$(XTENSA_CC) $(ESP_CFLAGS) $(ESP_FORCE_L32) -MMD -MP -c $< -o $@

$(ESP_DIR)/test/exception_test_S.o: platform/esp8266/test/exception_test.S
	@mkdir -p $(dir $@)
	$(XTENSA_CC) -c $< -o $@

$(ESP_DIR)/test/romfuncs.o: platform/qemu/romfuncs.c
	@mkdir -p $(dir $@)
	$(XTENSA_CC) $(ESP_CFLAGS) -c $< -o $@

$(ESP_DIR)/test/exception_test.elf: $(ESP_TEST_OBJ) platform/esp8266/esp8266.ld platform/esp8266/test/qemu.ld
	$(XTENSA_CC) --specs=$(PICOLIBC_SPECS) -nostartfiles -T platform/esp8266/test/qemu.ld -Lplatform/esp8266 \
		-L$(ESP_DIR)/gen -Wl,--gc-sections -o $@ $(ESP_TEST_OBJ)

test-firmware-qemu: $(ESP_DIR)/test/exception_test.elf
	@$(PYTHON) platform/esp8266/test/run-exception-test $<

-include $(ESP_OBJ:.o=.d) $(ESP_DIR)/test/exception_test.d
