// SPDX-License-Identifier: MIT
// The ESP8266 firmware's start-up.
//
// start.S calls firmware_main with the stack, the vectors, .bss and the
// flash cache ready. It starts the clock and the UART, enables interrupts,
// writes the PHY init data on first boot, makes the Python state in the 38
// KiB heap, prints MicroPython's banner and runs the REPL. Ctrl-D on an empty
// line (or SystemExit) is MicroPython's soft reboot: "MPY: soft reboot", then
// start.S runs everything again with every C variable fresh; .data, which the
// boot ROM loaded, is copied again from the image in flash.
//
// The REPL is the board's (board/repl.c): friendly, paste, raw and
// raw-paste, as MicroPython's. boot.py and main.py come with the flash
// filesystem.
#include <string.h>

#include "chip.h"
#include "config.h"
#include "espy.h"
#include "esp8266_board.h"
#include "regs.h"
#include "rom.h"
#include "board_repl.h"

#define PS_RUN 0x20u                    // UM = 1, EXCM = 0, INTLEVEL 0: interrupts on
#define STACK_PAINT 0xA5A5A5A5u
#define IMAGE_MAGIC 0xE9u
#define IMAGE_HEADER_SIZE 8u
#define IMAGE_ROM_PART_END 0x9000u      // the ROM image ends before irom0

// The Python heap, in its own section so that esp8266.ld places it after
// .bss and start-up does not clear it (gc_init does what is needed).
static uint8_t heap[ESPY_DEFAULT_HEAP_SIZE] __attribute__((section(".espy_heap"), aligned(8)));

// Whether the REPL was raw when a soft reboot began: kept, like the heap,
// in a section start-up does not clear (only read after a soft restart).
#define KEEP_RAW 0x52415721u
static uint32_t kept_mode __attribute__((section(".espy_heap")));

extern uint32_t _data_start[], _data_end[], _stack_bottom[], _stack_top[];

static void put(const char *s) {
    uart_write(s, strlen(s), true);
}

// ---- start-up ---------------------------------------------------------------

// Copies .data again from the ROM image at flash offset 0, seen through the
// flash window: the segment holding it is found by walking the segment
// headers. False if it is not there.
static bool reload_data(void) {
    const volatile uint32_t *image = (const volatile uint32_t *)FLASH_WINDOW_START;
    uint32_t start = (uint32_t)_data_start, end = (uint32_t)_data_end;
    if (start == end) {
        return true;
    }
    uint32_t header = image[0];
    if ((header & 0xFFu) != IMAGE_MAGIC) {
        return false;
    }
    uint32_t count = (header >> 8) & 0xFFu;
    uint32_t offset = IMAGE_HEADER_SIZE;
    for (uint32_t i = 0; i < count && offset < IMAGE_ROM_PART_END; i++) {
        uint32_t addr = image[offset / 4], len = image[offset / 4 + 1];
        offset += 8;
        if (addr <= start && end <= addr + len) {
            const volatile uint32_t *from = image + (offset + start - addr) / 4;
            for (uint32_t *to = _data_start; to < _data_end; to++) {
                *to = *from++;
            }
            return true;
        }
        offset += len;
    }
    return false;
}

// Marks the unused C stack, so that an overflow into the ROM's variables
// below it is seen (check_stack).
static void __attribute__((noinline)) paint_stack(void) {
    char *sp;
    __asm__ volatile("mov %0, a1" : "=r"(sp));
    for (uint32_t *p = _stack_bottom; (char *)p < sp - 64; p++) {
        *p = STACK_PAINT;
    }
}

static void check_stack(void) {
    if (*_stack_bottom != STACK_PAINT) {
        chip_fatal("the C stack overflowed its 8 KiB into the ROM's data");
    }
}

// ---- the firmware -----------------------------------------------------------

_Noreturn void firmware_main(bool soft) {
    if (soft && !reload_data()) {
        chip_restart();
    }
    ets_wdt_disable();
    clock_init();
    uart_init();
    irq_restore(PS_RUN);
    if ((uint32_t)((char *)_stack_top - (char *)_stack_bottom) != ESPY_C_STACK_SIZE) {
        chip_fatal("the linker script's C stack is not ESPY_C_STACK_SIZE (config.h)");
    }
    paint_stack();
    if (!soft) {
        put("\n");                      // after the ROM's boot message at 74880 baud
        chip_flash_check_phy_data();
        chip_reset_cause_init();
    }

    espy_options_t options;
    memset(&options, 0, sizeof options);
    options.heap = heap;
    options.heap_size = sizeof heap;
    espy_init(&options);
    uart_set_python_ready(true);
    repl_set_raw(soft && kept_mode == KEEP_RAW);
    board_boot();
    if (!repl_is_raw()) {
        repl_banner();
    }
    repl_run();                         // returns for a soft reboot
    espy_soft_reset();                  // closes the files

    uart_set_python_ready(false);
    check_stack();
    kept_mode = repl_is_raw() ? KEEP_RAW : 0;
    put("MPY: soft reboot\n");
    uart_flush();
    chip_soft_restart();
}
