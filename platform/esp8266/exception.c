// SPDX-License-Identifier: MIT
// Exceptions and interrupts of the ESP8266 firmware: what the user vector of
// start.S calls, and the fatal-error report.
//
// Level-1 interrupts (EXCCAUSE 4) go to the UART, clock, GPIO and PWM
// handlers.
//
// A load/store error (EXCCAUSE 3) is what the chip raises for a byte or
// halfword load from memory that only answers 32-bit loads: the flash window,
// IRAM and the ROM. Our own code is compiled with -mforce-l32 so that its
// constants can live in flash, but the C library, the ROM's string routines
// and the files built without that option (esp8266.mk) still use l8ui, l16ui
// and l16si. For those this handler is the safety net: it reads the
// instruction at EPC1, loads the aligned word holding the address EXCVADDR,
// extracts the byte or halfword into the saved target register and resumes
// after the instruction. It costs a few hundred cycles per byte, so hot code
// must not depend on it. Any other cause, and a store to such memory, is a
// fatal exception: reported on the UART as the vendor SDK words it
// ("Fatal exception 28(LoadProhibitedCause):"), then the chip restarts.
//
// Everything that runs inside the exception is in IRAM. The report runs from
// flash: if the fault came while flash.c had the cache off, the cache is
// turned on first.
#include <stdint.h>

#include "chip.h"
#include "regs.h"
#include "rom.h"

#define EXCCAUSE_LOAD_STORE_ERROR 3
#define EXCCAUSE_LEVEL1_INTERRUPT 4
#define PS_REPORT 0x2Fu                 // UM = 1, EXCM = 0 (exceptions handled again), INTLEVEL 15

// ---- byte loads from 32-bit memory ------------------------------------------------

// The 24-bit instruction at pc, read with aligned 32-bit loads.
IRAM_CODE static uint32_t read_instruction(uint32_t pc) {
    const volatile uint32_t *p = (const volatile uint32_t *)(pc & ~3u);
    unsigned shift = (pc & 3u) * 8;
    uint32_t insn = p[0] >> shift;
    if (shift > 8) {
        insn |= p[1] << (32 - shift);
    }
    return insn & 0xFFFFFFu;
}

// L8UI, L16UI, L16SI: op0 = 2 (bits 0..3), t = target (4..7), r = 8-bit
// immediate's neighbour selecting the load (12..15): 0, 1, 9.
IRAM_CODE static bool emulate_narrow_load(exception_frame_t *f) {
    uint32_t addr = xt_excvaddr();
    if (addr < INSN_BUS_START || addr >= FLASH_WINDOW_END) {
        return false;
    }
    uint32_t insn = read_instruction(f->pc);
    if ((insn & 0xFu) != 2) {
        return false;
    }
    unsigned kind = (insn >> 12) & 0xFu;
    unsigned target = (insn >> 4) & 0xFu;
    uint32_t word = *(const volatile uint32_t *)(addr & ~3u) >> ((addr & 3u) * 8);
    uint32_t value;
    if (kind == 0) {
        value = word & 0xFFu;
    } else if ((addr & 1u) != 0) {
        return false;                   // a misaligned halfword is a real error
    } else if (kind == 1) {
        value = word & 0xFFFFu;
    } else if (kind == 9) {
        value = (uint32_t)(int32_t)(int16_t)(word & 0xFFFFu);
    } else {
        return false;
    }
    f->a[target] = value;
    f->pc += 3;
    return true;
}

// ---- the fatal report (from flash) ----------------------------------------------

static const char *const cause_names[] = {
    [0] = "IllegalInstructionCause",
    [1] = "SyscallCause",
    [2] = "InstructionFetchErrorCause",
    [3] = "LoadStoreErrorCause",
    [4] = "Level1InterruptCause",
    [5] = "AllocaCause",
    [6] = "IntegerDivideByZeroCause",
    [8] = "PrivilegedCause",
    [9] = "LoadStoreAlignmentCause",
    [12] = "InstrPIFDataErrorCause",
    [13] = "LoadStorePIFDataErrorCause",
    [14] = "InstrPIFAddrErrorCause",
    [15] = "LoadStorePIFAddrErrorCause",
    [20] = "InstFetchProhibitedCause",
    [28] = "LoadProhibitedCause",
    [29] = "StoreProhibitedCause",
};

static const char *const vector_names[] = {
    [1] = "debug exception", [3] = "kernel exception", [5] = "double exception",
};

// The report calls no ROM string routine (gcc would turn a strlen loop or a
// buffer's initialiser into one): it may be reporting a fault in them.
static void put(const char *s) {
    for (; *s != '\0'; s++) {
        uart_write(s, 1, true);
    }
}

static void put_hex(const char *name, uint32_t v) {
    char buf[11];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    buf[10] = '\0';
    put(name);
    put(buf);
}

static void put_decimal(uint32_t v) {
    char buf[11];
    int i = sizeof buf - 1;
    buf[i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put(buf + i);
}

static uint32_t read_epc2(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, epc2" : "=a"(v));
    return v;
}

static uint32_t read_epc3(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, epc3" : "=a"(v));
    return v;
}

static uint32_t read_depc(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, depc" : "=a"(v));
    return v;
}

static uint32_t read_epc1(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, epc1" : "=a"(v));
    return v;
}

// vector 0: an exception the user vector could not handle; frame is then set.
static _Noreturn void report(uint32_t vector, const exception_frame_t *frame) {
    static bool reporting;
    if (reporting) {
        chip_restart();                 // a fault while reporting one
    }
    reporting = true;
    // Read before printing: an exception on the way would change them.
    uint32_t cause = xt_exccause(), vaddr = xt_excvaddr();
    uint32_t epc1 = frame != NULL ? frame->pc : read_epc1();
    uint32_t epc2 = read_epc2(), epc3 = read_epc3(), depc = read_depc();
    put("\nFatal exception ");
    put_decimal(cause);
    const char *name = cause < sizeof cause_names / sizeof cause_names[0] ? cause_names[cause] : NULL;
    put("(");
    put(name != NULL ? name : "?");
    put(")");
    if (vector < sizeof vector_names / sizeof vector_names[0] && vector_names[vector] != NULL) {
        put(" in the ");
        put(vector_names[vector]);
        put(" vector");
    }
    put(":\n");
    put_hex("epc1=", epc1);
    put_hex(", epc2=", epc2);
    put_hex(", epc3=", epc3);
    put_hex(", excvaddr=", vaddr);
    put_hex(", depc=", depc);
    if (frame != NULL) {
        put_hex("\na0=", frame->a[0]);
        put_hex(", a1=", frame->a[1]);
    }
    put("\nespy: restarting\n");
    chip_restart();
}

// ---- inside the exception (IRAM) ----------------------------------------------------

// Leaves exception mode with interrupts masked, so that a byte load from
// flash in the report is emulated instead of being a double exception, and
// makes the flash readable again.
IRAM_CODE static void prepare_report(void) {
    irq_restore(PS_REPORT);
    if (chip_flash_cache_off) {
        Cache_Read_Enable(0, 0, 1);
        chip_flash_cache_off = false;
    }
}

IRAM_CODE static void dispatch_interrupts(void) {
    uint32_t pending = xt_interrupt() & xt_intenable();
    if (pending & (1u << INUM_UART)) {
        uart_isr();
    }
    if (pending & (1u << INUM_TIMER)) {
        clock_isr();
    }
    if (pending & (1u << INUM_GPIO)) {
        gpio_isr();
    }
    if (pending & (1u << INUM_FRC1)) {
        xt_intclear(1u << INUM_FRC1);   // an edge interrupt: cleared here
        pwm_isr();
    }
}

IRAM_CODE void chip_exception_dispatch(exception_frame_t *frame) {
    uint32_t cause = xt_exccause();
    if (cause == EXCCAUSE_LEVEL1_INTERRUPT) {
        dispatch_interrupts();
        return;
    }
    if (cause == EXCCAUSE_LOAD_STORE_ERROR && emulate_narrow_load(frame)) {
        return;
    }
    // The frame keeps the interrupted state; the report may be long.
    prepare_report();
    report(0, frame);
}

IRAM_CODE _Noreturn void chip_fatal_vector(uint32_t vector) {
    prepare_report();
    report(vector, NULL);
}

// ---- restarting ---------------------------------------------------------------

_Noreturn void chip_restart(void) {
    uart_flush();
    irq_disable();
    software_reset();
    chip_soft_restart();                // if the ROM call came back
}

_Noreturn void chip_fatal(const char *msg) {
    put("\nespy: fatal error: ");
    put(msg);
    put("\n");
    chip_restart();
}
