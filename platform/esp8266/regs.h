// SPDX-License-Identifier: MIT
// The ESP8266's registers as the firmware uses them, and the lx106 special
// registers (CCOUNT, INTENABLE, PS...) through inline assembly. Addresses and
// bits are from shared/spec/esp8266-chip.md; the section is given beside each
// group, with the spec's tag where it is not V.
#ifndef ESPY_ESP8266_REGS_H
#define ESPY_ESP8266_REGS_H

#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(addr))

// Code that must be in IRAM: it runs while the flash cache is off, or in the
// exception handler. Literal pools follow it there (.iram.literal).
#define IRAM_CODE __attribute__((section(".iram.text"), noinline))

// ---- memory map (section 2) -------------------------------------------------

#define FLASH_WINDOW_START 0x40200000u     // flash offset 0 once the cache maps it
#define FLASH_WINDOW_END 0x40300000u
#define INSN_BUS_START 0x40000000u         // ROM, IRAM and the flash window: 32-bit loads only

// ---- clocks (section 3) -----------------------------------------------------

// The peripheral (APB) clock, which the UART's divisor counts, and the CPU's
// normal speed: 80 MHz per the spec (V, the SDK's APB_CLK_FREQ), the CPU at
// twice that with DPORT_CPU_CLOCK bit 0. The vendor's start-up code sets the
// PLL up; whether the chip runs at 80 MHz without it is not verified: if it
// stays at the boot ROM's 52 MHz (26 MHz crystal), build with
// ESP8266_CLOCK_MHZ=52 (esp8266.mk writes esp8266_clock.h; see README.md).
#include "esp8266_clock.h"
#define ESP8266_APB_HZ (ESP8266_CLOCK_MHZ * 1000000u)
#define DPORT_CPU_CLOCK REG32(0x3FF00014)  // bit 0: CPU at 160 MHz (C)

// ---- interrupts (section 7) -------------------------------------------------

#define INUM_UART 5                        // UART0 and UART1, level
#define INUM_TIMER 6                       // CCOMPARE0

// ---- UART (section 11) ------------------------------------------------------

#define UART0_BASE 0x60000000u
#define UART1_BASE 0x60000F00u
#define UART_FIFO(b) REG32((b) + 0x00)
#define UART_INT_ST(b) REG32((b) + 0x08)
#define UART_INT_ENA(b) REG32((b) + 0x0C)
#define UART_INT_CLR(b) REG32((b) + 0x10)
#define UART_CLKDIV(b) REG32((b) + 0x14)
#define UART_STATUS(b) REG32((b) + 0x1C)
#define UART_CONF0(b) REG32((b) + 0x20)
#define UART_CONF1(b) REG32((b) + 0x24)

#define UART_INT_RXFIFO_FULL (1u << 0)
#define UART_INT_RXFIFO_OVF (1u << 4)
#define UART_INT_RXFIFO_TOUT (1u << 8)
#define UART_INT_ALL 0x1FFu

#define UART_RX_COUNT(status) ((status) & 0xFFu)
#define UART_TX_COUNT(status) (((status) >> 16) & 0xFFu)
#define UART_TX_FIFO_LIMIT 126u            // MicroPython's limit of the 128-byte FIFO

#define UART_CONF0_8N1 0x1Cu               // 8 data bits, no parity, 1 stop bit
#define UART_CONF0_RXFIFO_RST (1u << 17)
#define UART_CONF0_TXFIFO_RST (1u << 18)
#define UART_CONF1_RX_FULL_SHIFT 0
#define UART_CONF1_RX_TOUT_SHIFT 24
#define UART_CONF1_RX_TOUT_EN (1u << 31)

// ---- GPIO 0..15 (section 8), IO MUX (section 9), GPIO16 (section 10) ------

#define GPIO_OUT_W1TS REG32(0x60000304)
#define GPIO_OUT_W1TC REG32(0x60000308)
#define GPIO_ENABLE_W1TS REG32(0x60000310)
#define GPIO_ENABLE_W1TC REG32(0x60000314)
#define GPIO_IN REG32(0x60000318)
#define GPIO_PIN(n) REG32(0x60000328 + 4u * (n))
#define GPIO_PIN_OPEN_DRAIN (1u << 2)

#define IOMUX_BASE 0x60000800u
#define IOMUX_PULLUP (1u << 7)
#define IOMUX_FUNC_MASK ((3u << 4) | (1u << 8))
#define IOMUX_FUNC(f) ((((f) & 3u) << 4) | (((f) & 4u) << 6))
#define IOMUX_UART0_TX (IOMUX_BASE + 0x18)  // pad U0TXD = GPIO1, function 0
#define IOMUX_UART0_RX (IOMUX_BASE + 0x14)  // pad U0RXD = GPIO3, function 0

#define RTC_GPIO_OUT REG32(0x60000768)
#define RTC_GPIO_ENABLE REG32(0x60000774)
#define RTC_GPIO_IN_DATA REG32(0x6000078C)
#define RTC_GPIO_CONF REG32(0x60000790)
#define PAD_XPD_DCDC_CONF REG32(0x600007A0)

// ---- watchdog (section 15, C) -----------------------------------------------

#define WDT_FEED REG32(0x60000914)
#define WDT_FEED_MAGIC 0x73u

// ---- lx106 special registers --------------------------------------------------

static inline uint32_t xt_ccount(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, ccount" : "=a"(v));
    return v;
}

static inline void xt_set_ccompare0(uint32_t v) {
    __asm__ volatile("wsr %0, ccompare0; esync" : : "a"(v));
}

static inline uint32_t xt_interrupt(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, interrupt" : "=a"(v));
    return v;
}

static inline uint32_t xt_intenable(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, intenable" : "=a"(v));
    return v;
}

static inline void xt_set_intenable(uint32_t v) {
    __asm__ volatile("wsr %0, intenable; rsync" : : "a"(v) : "memory");
}

static inline uint32_t xt_exccause(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, exccause" : "=a"(v));
    return v;
}

static inline uint32_t xt_excvaddr(void) {
    uint32_t v;
    __asm__ volatile("rsr %0, excvaddr" : "=a"(v));
    return v;
}

// Masks every interrupt; returns the PS to give back to irq_restore.
static inline uint32_t irq_disable(void) {
    uint32_t ps;
    __asm__ volatile("rsil %0, 15" : "=a"(ps) : : "memory");
    return ps;
}

static inline void irq_restore(uint32_t ps) {
    __asm__ volatile("wsr %0, ps; rsync" : : "a"(ps) : "memory");
}

#endif
