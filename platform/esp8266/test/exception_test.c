// SPDX-License-Identifier: MIT
// The firmware's vectors and exception code (start.S, exception.c, built as
// for the chip) checked on QEMU's lx106 core: make test-firmware-qemu.
//
// QEMU does not fault on a byte load from the flash window, so the test
// enters the user vector the way the chip does for such a load
// (exception_test.S) and checks what exception.c's emulation gives back;
// it takes a real CCOMPARE0 interrupt through the vector while a loop holds
// known values in every register; and it ends in the fatal report, which
// must name the cause and restart (here: leave QEMU with status 0).
//
// The scenario is the semihosting argument: "main" (the above, ending with
// an illegal instruction), "kernel" (an exception through the kernel
// vector), "store" (a byte store to flash: not emulated, fatal).
#include <stdbool.h>
#include <stdint.h>

#include "../../qemu/semihost.h"
#include "chip.h"
#include "regs.h"

uint32_t test_l8ui(const void *addr);
uint32_t test_l16ui(const void *addr);
uint32_t test_l16si(const void *addr);
uint32_t test_l8ui_a9(const void *addr);
uint32_t test_s8i(const void *addr);
uint32_t test_l8ui_pad1(const void *addr);
uint32_t test_l8ui_pad2(const void *addr);
uint32_t test_l8ui_pad3(const void *addr);
uint32_t test_irq_spin(volatile uint32_t *count);
void test_kernel_exception(void);

// Constants in the flash window (irom0), as the chip's would be.
static const uint32_t flash_words[2] = {0x80FF7F01u, 0x12345678u};

static bool expect_fatal;
static int failures;
static volatile uint32_t ticks;
volatile bool chip_flash_cache_off;

// ---- what the firmware's other files and the ROM would provide ---------------

static void write_out(const char *s, size_t n) {
    semihost_call(SEMIHOST_WRITE, 1, (int32_t)s, (int32_t)n, NULL);
}

_Noreturn void semihost_exit(int status) {
    for (;;) {
        semihost_call(SEMIHOST_EXIT, status, 0, 0, NULL);
    }
}

void uart_write(const char *data, size_t len, bool cooked) {
    (void)cooked;
    write_out(data, len);
}

void uart_flush(void) {
}

void uart_isr(void) {
}

void gpio_isr(void) {
}

void pwm_isr(void) {
}

// CCOMPARE0: counts, turns itself off, and disturbs registers and SAR the
// way any C handler may.
void clock_isr(void) {
    volatile uint32_t shift = ticks + 3;
    volatile uint32_t x = 0xF0F0F0F0u >> shift;
    (void)x;
    xt_set_ccompare0(xt_ccount() - 1);
    xt_set_intenable(xt_intenable() & ~(1u << INUM_TIMER));
    ticks++;
}

void Cache_Read_Enable(uint8_t odd_even, uint8_t mb_region, uint8_t cache_size) {
    (void)odd_even;
    (void)mb_region;
    (void)cache_size;
}

void software_reset(void) {
    write_out(expect_fatal ? "restart as expected\n" : "unexpected restart\n", expect_fatal ? 20 : 19);
    semihost_exit(expect_fatal && failures == 0 ? 0 : 1);
}

// ---- the checks -------------------------------------------------------------

// One byte at a time: gcc would make a length loop a call to strlen, which
// is the ROM's (absent in QEMU).
static void put(const char *s) {
    for (; *s != '\0'; s++) {
        write_out(s, 1);
    }
}

static void put_hex(uint32_t v) {
    char buf[10];
    buf[0] = '0';
    buf[1] = 'x';
    for (int i = 0; i < 8; i++) {
        buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xFu];
    }
    write_out(buf, sizeof buf);
}

static void check(const char *what, uint32_t got, uint32_t want) {
    put(got == want ? "ok   " : "FAIL ");
    put(what);
    put(": ");
    put_hex(got);
    if (got != want) {
        put(", expected ");
        put_hex(want);
        failures++;
    }
    put("\n");
}

static void check_loads(void) {
    const uint8_t *p = (const uint8_t *)flash_words;
    check("flash window address", (uint32_t)p >> 20, 0x402);
    check("l8ui +0", test_l8ui(p), 0x01);
    check("l8ui +1", test_l8ui(p + 1), 0x7F);
    check("l8ui +2", test_l8ui(p + 2), 0xFF);
    check("l8ui +3", test_l8ui(p + 3), 0x80);
    check("l8ui +5 into a9", test_l8ui_a9(p + 5), 0x56);
    check("l16ui +0", test_l16ui(p), 0x7F01);
    check("l16ui +2", test_l16ui(p + 2), 0x80FF);
    check("l16si +2", test_l16si(p + 2), 0xFFFF80FFu);
    check("l16si +4", test_l16si(p + 4), 0x5678);
    // The same load at each offset within its instruction word.
    check("l8ui +6, instruction 1 byte further", test_l8ui_pad1(p + 6), 0x34);
    check("l8ui +7, instruction 2 bytes further", test_l8ui_pad2(p + 7), 0x12);
    check("l8ui +4, instruction 3 bytes further", test_l8ui_pad3(p + 4), 0x78);
}

static void check_interrupt(void) {
    // QEMU runs the cycle counter from the host's clock: on a loaded host
    // the interrupt can come before the spin has read the count, so a spin
    // that saw no interrupt (17) is tried again; a register that changed is
    // a failure at once.
    uint32_t bad = 17;
    for (int attempt = 0; attempt < 5 && bad == 17; attempt++) {
        uint32_t ps = irq_disable();
        xt_set_ccompare0(xt_ccount() + 20000);
        xt_set_intenable(xt_intenable() | 1u << INUM_TIMER);
        irq_restore(0x20);                  // UM, INTLEVEL 0: interrupts on
        bad = test_irq_spin(&ticks);
        irq_restore(ps);
    }
    check("registers kept across an interrupt (0 = all)", bad, 0);
    check("an interrupt taken", ticks >= 1, 1);   // more when a try came too early
}

static bool scenario_is(const char *arg, const char *name) {
    for (; *arg == *name; arg++, name++) {
        if (*arg == '\0') {
            return true;
        }
    }
    return false;
}

_Noreturn void firmware_main(bool soft) {
    (void)soft;
    static char args[128] __attribute__((aligned(4)));
    int argc = semihost_call(SEMIHOST_ARGC, 0, 0, 0, NULL);
    const char *scenario = "main";
    if (argc >= 2 && semihost_call(SEMIHOST_ARGV_SIZE, 0, 0, 0, NULL) <= (int32_t)sizeof args) {
        semihost_call(SEMIHOST_ARGV, (int32_t)args, 0, 0, NULL);
        scenario = ((char **)args)[1];
    }
    if (scenario_is(scenario, "main")) {
        check_loads();
        check_interrupt();
        expect_fatal = true;
        put("an illegal instruction:\n");
        __asm__ volatile("ill");
    } else if (scenario_is(scenario, "kernel")) {
        expect_fatal = true;
        test_kernel_exception();
    } else if (scenario_is(scenario, "store")) {
        expect_fatal = true;
        test_s8i(flash_words);
    }
    put("FAIL the scenario did not end in the fatal report\n");
    semihost_exit(1);
}
