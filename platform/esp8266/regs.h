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

#define INUM_GPIO 4                        // GPIO 0..15, level
#define INUM_UART 5                        // UART0 and UART1, level
#define INUM_TIMER 6                       // CCOMPARE0
#define INUM_FRC1 9                        // FRC1, edge (DPORT_EDGE_INT_ENABLE bit 1 too)
#define DPORT_EDGE_INT_ENABLE REG32(0x3FF00004)
#define DPORT_EDGE_INT_FRC1 (1u << 1)

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
#define GPIO_STATUS REG32(0x6000031C)
#define GPIO_STATUS_W1TC REG32(0x60000324)
#define GPIO_PIN(n) REG32(0x60000328 + 4u * (n))
#define GPIO_PIN_OPEN_DRAIN (1u << 2)
#define GPIO_PIN_INT_TYPE_SHIFT 7          // bits 7..9: 1 rising, 2 falling, 3 both
#define GPIO_PIN_INT_TYPE_MASK (7u << GPIO_PIN_INT_TYPE_SHIFT)

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

// ---- SPI1, the HSPI (section 12, V from MicroPython's hspi_register.h) --------

#define HSPI_BASE 0x60000100u
#define HSPI_CMD REG32(HSPI_BASE + 0x00)
#define HSPI_CTRL REG32(HSPI_BASE + 0x08)
#define HSPI_CLOCK REG32(HSPI_BASE + 0x18)
#define HSPI_USER REG32(HSPI_BASE + 0x1C)
#define HSPI_USER1 REG32(HSPI_BASE + 0x20)
#define HSPI_USER2 REG32(HSPI_BASE + 0x24)
#define HSPI_PIN REG32(HSPI_BASE + 0x2C)
#define HSPI_W0 REG32(HSPI_BASE + 0x40)
#define HSPI_CMD_USR (1u << 18)
#define HSPI_CLOCK_SYSTEM (1u << 31)
#define HSPI_USER_COMMAND (1u << 31)
#define HSPI_USER_ADDR (1u << 30)
#define HSPI_USER_DUMMY (1u << 29)
#define HSPI_USER_MISO (1u << 28)
#define HSPI_USER_MOSI (1u << 27)
#define HSPI_USER_CK_OUT_EDGE (1u << 7)
#define HSPI_USER_CS_SETUP (1u << 5)
#define HSPI_USER_CS_HOLD (1u << 4)
#define HSPI_USER_FLASH_MODE (1u << 2)
#define HSPI_USER_DUPLEX (1u << 0)
#define HSPI_PIN_IDLE_HIGH (1u << 29)
#define IOMUX_CONF REG32(IOMUX_BASE)
#define IOMUX_CONF_SPI1_SYSTEM_CLOCK (1u << 9)

// ---- FRC1 (section 14): the PWM's timer ---------------------------------------

#define FRC1_LOAD REG32(0x60000600)        // 23 bits, counts down to 0
#define FRC1_CTRL REG32(0x60000608)
#define FRC1_INT REG32(0x6000060C)
#define FRC1_CTRL_DIV16 (1u << 2)          // 5 MHz from the 80 MHz APB clock
#define FRC1_CTRL_ENABLE (1u << 7)

// ---- RTC block (section 16) -------------------------------------------------

#define RTC_STORE3 REG32(0x6000073C)       // kept across resets (V)
#define RTC_USER_MEMORY 0x6000120Cu        // block 67 of the RTC memory (C)
#define DPORT_MAC0 REG32(0x3FF00050)       // section 18 (V, esptool)
#define DPORT_MAC1 REG32(0x3FF00054)

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

// Acknowledges an edge-triggered interrupt.
static inline void xt_intclear(uint32_t mask) {
    __asm__ volatile("wsr %0, intclear; rsync" : : "a"(mask) : "memory");
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
