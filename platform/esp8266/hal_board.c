// SPDX-License-Identifier: MIT
// hal.h's board peripherals on the ESP8266 (spec: shared/spec/esp8266-chip.md):
// GPIO (gpio.c), the alarm (clock.c), PWM (pwm.c), and here UART1, the HSPI,
// bitstream, the RTC memory, resets and the chip's id.
//
// Facts this file relies on that are not verified on hardware (the spec's
// tags C and ?): the HSPI byte order (a byte in W0 bits 0..7 is the one
// sent, without the byte-order bits), the clock-divider fields, the RTC user
// memory's address, RTC_STORE3 being free across resets (it holds the reset
// cause machine.reset() leaves), the ROM's rtc_get_reset_reason codes and
// the deep-sleep register sequence. The ADC has no documented registers:
// ADC reads raise OSError(ENODEV).
#include <string.h>

#include "chip.h"
#include "exc.h"
#include "hal.h"
#include "regs.h"
#include "rom.h"

// ---- GPIO ----------------------------------------------------------------------------------

// GPIO16 has no open-drain driver: its "released" is its output turned off.
static bool gpio16_open_drain;

int hal_pin_config(unsigned pin, unsigned mode, bool pull_up) {
    if (!chip_gpio_usable(pin)) {
        return -ESPY_EINVAL;
    }
    chip_gpio_init(pin);
    chip_gpio_set_pull_up(pin, pull_up);
    if (pin == 16) {
        gpio16_open_drain = mode == HAL_PIN_OPEN_DRAIN;
        bool low = !(RTC_GPIO_OUT & 1u);
        chip_gpio_set_output(16, mode == HAL_PIN_OUT || (gpio16_open_drain && low));
        return 0;
    }
    chip_gpio_set_open_drain(pin, mode == HAL_PIN_OPEN_DRAIN);
    chip_gpio_set_output(pin, mode != HAL_PIN_IN);
    return 0;
}

void hal_pin_write(unsigned pin, bool level) {
    chip_gpio_write(pin, level);
    if (pin == 16 && gpio16_open_drain) {
        chip_gpio_set_output(16, !level);
    }
}

bool hal_pin_read(unsigned pin) {
    return chip_gpio_read(pin);
}

void hal_pin_irq(unsigned pin, unsigned edges) {
    chip_gpio_set_irq(pin, edges);
}

// ---- interrupts, waiting --------------------------------------------------------------------

uint32_t hal_irq_disable(void) {
    return irq_disable();
}

void hal_irq_restore(uint32_t state) {
    irq_restore(state);
}

void hal_wait_for_interrupt(void) {
    __asm__ volatile("waiti 0" : : : "memory");
}

void hal_delay_us(uint32_t us) {
    uint32_t start = xt_ccount(), cycles = us * chip_cpu_freq_mhz();
    while (xt_ccount() - start < cycles) {
    }
}

int hal_alarm_start(uint32_t us) {
    clock_alarm_start(us);
    return 0;
}

void hal_alarm_stop(void) {
    clock_alarm_stop();
}

// ---- bitstream: cycle-timed, from IRAM, with interrupts off ----------------------------

IRAM_CODE static void bitstream_run(uint32_t mask, const uint32_t high[2], const uint32_t low[2],
                                    const uint8_t *buf, size_t len) {
    uint32_t t = xt_ccount();
    for (size_t i = 0; i < len; i++) {
        uint32_t byte = buf[i];
        for (int bit = 7; bit >= 0; bit--) {
            unsigned b = (byte >> bit) & 1u;
            GPIO_OUT_W1TS = mask;
            while (xt_ccount() - t < high[b]) {
            }
            t += high[b];
            GPIO_OUT_W1TC = mask;
            while (xt_ccount() - t < low[b]) {
            }
            t += low[b];
        }
    }
}

void hal_bitstream(unsigned pin, const uint32_t high_ns[2], const uint32_t low_ns[2], const uint8_t *buf,
                   size_t len) {
    if (pin >= 16) {
        return;                          // GPIO16 is too slow to toggle through the RTC block
    }
    uint32_t mhz = chip_cpu_freq_mhz(), high[2], low[2];
    for (int i = 0; i < 2; i++) {
        high[i] = high_ns[i] * mhz / 1000u;
        low[i] = low_ns[i] * mhz / 1000u;
    }
    // The bytes are copied to RAM: the loop must not wait for the flash.
    uint8_t chunk[64];
    for (size_t done = 0; done < len;) {
        size_t n = len - done < sizeof chunk ? len - done : sizeof chunk;
        memcpy(chunk, buf + done, n);
        uint32_t ps = irq_disable();
        bitstream_run(1u << pin, high, low, chunk, n);
        irq_restore(ps);
        done += n;
    }
}

// ---- ADC: no documented registers ---------------------------------------------------------

int hal_adc_read(unsigned channel) {
    return -ESPY_ENODEV;
}

// ---- UART ------------------------------------------------------------------------------------

int hal_uart_config(unsigned id, uint32_t baudrate, unsigned bits, int parity, unsigned stop) {
    uint32_t base = id == 0 ? UART0_BASE : UART1_BASE;
    if (id > 1 || baudrate == 0) {
        return -ESPY_EINVAL;
    }
    if (id == 1) {
        // U1TXD is function 2 of the GPIO2 pad (section 9).
        volatile uint32_t *pad = &REG32(IOMUX_BASE + 0x38);
        *pad = (*pad & ~(IOMUX_FUNC_MASK | IOMUX_PULLUP)) | IOMUX_FUNC(2);
    }
    uint32_t conf = (bits - 5u) << 2 | (stop == 2 ? 3u : 1u) << 4;
    if (parity >= 0) {
        conf |= 2u | (parity & 1 ? 1u : 0u);
    }
    uart_flush();
    UART_CLKDIV(base) = (ESP8266_APB_HZ / baudrate) & 0xFFFFFu;
    UART_CONF0(base) = conf;
    return 0;
}

void hal_uart_write(unsigned id, const void *data, size_t len) {
    if (id == 0) {
        uart_write(data, len, false);
        return;
    }
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i++) {
        while (UART_TX_COUNT(UART_STATUS(UART1_BASE)) >= UART_TX_FIFO_LIMIT) {
        }
        UART_FIFO(UART1_BASE) = p[i];
    }
}

// ---- HSPI --------------------------------------------------------------------------------------

int hal_spi_config(uint32_t baudrate, unsigned polarity, unsigned phase) {
    // MISO 12, MOSI 13, CLK 14: function 2 of their pads (section 9).
    static const uint8_t pads[3] = {0x04, 0x08, 0x0C};
    for (int i = 0; i < 3; i++) {
        volatile uint32_t *pad = &REG32(IOMUX_BASE + pads[i]);
        *pad = (*pad & ~IOMUX_FUNC_MASK) | IOMUX_FUNC(2);
    }
    if (baudrate == 80000000u) {
        IOMUX_CONF |= IOMUX_CONF_SPI1_SYSTEM_CLOCK;
        HSPI_CLOCK = HSPI_CLOCK_SYSTEM;
    } else {
        // 80 MHz / (prediv x cntdiv), as board/ rounded it: find the pair.
        uint32_t divider = 40000000u / baudrate * 2;            // prediv x cntdiv, cntdiv even
        uint32_t prediv = divider / 2 < 0x2000 ? divider / 2 : 0x2000, cntdiv = divider / prediv;
        IOMUX_CONF &= ~IOMUX_CONF_SPI1_SYSTEM_CLOCK;
        HSPI_CLOCK = (prediv - 1) << 18 | (cntdiv - 1) << 12 | (cntdiv / 2 - 1) << 6 | (cntdiv - 1);
    }
    uint32_t user = HSPI_USER & ~(HSPI_USER_FLASH_MODE | HSPI_USER_MISO | HSPI_USER_ADDR | HSPI_USER_COMMAND |
                                  HSPI_USER_DUMMY | HSPI_USER_CK_OUT_EDGE);
    user |= HSPI_USER_CS_SETUP | HSPI_USER_CS_HOLD | HSPI_USER_MOSI | HSPI_USER_DUPLEX;
    if ((phase != 0) != (polarity != 0)) {
        user |= HSPI_USER_CK_OUT_EDGE;
    }
    HSPI_USER = user;
    HSPI_PIN = polarity ? HSPI_PIN | HSPI_PIN_IDLE_HIGH : HSPI_PIN & ~HSPI_PIN_IDLE_HIGH;
    HSPI_USER1 = 7u << 17 | 7u << 8;                            // 8 bits out, 8 in
    return 0;
}

// A byte at a time, full duplex.
void hal_spi_transfer(const uint8_t *out, uint8_t *in, size_t len) {
    for (size_t i = 0; i < len; i++) {
        while (HSPI_CMD & HSPI_CMD_USR) {
        }
        HSPI_W0 = out != NULL ? out[i] : 0;
        HSPI_CMD = HSPI_CMD_USR;
        while (HSPI_CMD & HSPI_CMD_USR) {
        }
        if (in != NULL) {
            in[i] = (uint8_t)HSPI_W0;
        }
    }
}

// ---- RTC memory: 32-bit words only ----------------------------------------------------------

void hal_rtc_memory_read(uint32_t offset, void *buf, size_t len) {
    uint8_t *out = buf;
    for (size_t i = 0; i < len; i++) {
        uint32_t at = offset + i;
        out[i] = (uint8_t)(REG32(RTC_USER_MEMORY + (at & ~3u)) >> (8 * (at & 3u)));
    }
}

void hal_rtc_memory_write(uint32_t offset, const void *buf, size_t len) {
    const uint8_t *in = buf;
    for (size_t i = 0; i < len; i++) {
        uint32_t at = offset + i, shift = 8 * (at & 3u);
        volatile uint32_t *word = &REG32(RTC_USER_MEMORY + (at & ~3u));
        *word = (*word & ~(0xFFu << shift)) | (uint32_t)in[i] << shift;
    }
}

// ---- resets ----------------------------------------------------------------------------------------

// RTC_STORE3: 0xE5B0 in the high half, then whether the cause is the one of
// this start (1) or one left for the next (0), then the cause.
#define CAUSE_MAGIC 0xE5B00000u
#define CAUSE_MAGIC_MASK 0xFFFF0000u
#define CAUSE_CURRENT 0x100u

void chip_reset_cause_init(void) {
    uint32_t store = RTC_STORE3;
    int cause;
    if ((store & CAUSE_MAGIC_MASK) == CAUSE_MAGIC && !(store & CAUSE_CURRENT)) {
        cause = (int)(store & 0xFFu);
    } else {
        // The ROM's codes (section 17): 1 power-on, 2 the reset pin (also a
        // deep-sleep wake without our marker), 4 the hardware watchdog.
        uint32_t rom = rtc_get_reset_reason();
        cause = rom == 4 ? HAL_RESET_WDT : rom == 2 ? HAL_RESET_HARD : HAL_RESET_POWER_ON;
    }
    RTC_STORE3 = CAUSE_MAGIC | CAUSE_CURRENT | (uint32_t)cause;
}

int hal_reset_cause(void) {
    uint32_t store = RTC_STORE3;
    return (store & CAUSE_MAGIC_MASK) == CAUSE_MAGIC ? (int)(store & 0xFFu) : HAL_RESET_POWER_ON;
}

// The deep-sleep sequence the community published (spec section 16, "?"),
// offsets from the RTC block at 0x60000700.
#define RTC_REG(offset) REG32(0x60000700u + (offset))

static _Noreturn void deep_sleep(uint64_t us) {
    uart_flush();
    irq_disable();
    RTC_REG(0x10) = 0;
    RTC_REG(0x00) = 0;
    RTC_REG(0x04) = 100;
    RTC_REG(0x0C) = 0x10010;
    RTC_REG(0x18) = 8;
    RTC_REG(0x44) = 4;
    RTC_REG(0x08) = 1u << 20;
    hal_delay_us(10);
    if (us != 0) {
        RTC_REG(0x04) = RTC_REG(0x1C) + 45u * (uint32_t)(us >> 8);
    }
    RTC_REG(0x0C) = 0x640C8;
    RTC_REG(0x10) = 0;
    RTC_REG(0x18) = 0x18;
    RTC_REG(0x40) = 0x7F;
    RTC_REG(0x44) = 0x20;
    RTC_REG(0x9C) = 0x11;
    RTC_REG(0xA0) = 0x03;
    RTC_REG(0x08) |= 1u << 20;
    for (;;) {
        __asm__ volatile("waiti 0" : : : "memory");
    }
}

void hal_reset(unsigned kind, uint64_t sleep_us) {
    RTC_STORE3 = CAUSE_MAGIC | (kind & 0xFFu);
    if (kind == HAL_RESET_DEEPSLEEP) {
        deep_sleep(sleep_us);
    }
    chip_restart();
}

uint32_t hal_chip_id(void) {
    return (DPORT_MAC0 >> 24) | (DPORT_MAC1 & 0xFFFFFFu) << 8;
}

const hal_sim_t *hal_sim(void) {
    return NULL;
}
