// SPDX-License-Identifier: MIT
// GPIO through the registers (spec sections 8 to 10): GPIO 0..15 in the GPIO
// block with their pads in the IO MUX, GPIO16 in the RTC block. What the
// board layer's machine.Pin is built on (through hal_board.c), with the
// pins' edge interrupts.
#include "chip.h"
#include "hal.h"
#include "regs.h"

// The IO MUX pad register of GPIO n (offset from 0x60000800).
static const uint8_t pad_offset[16] = {
    0x34, 0x18, 0x38, 0x14, 0x3C, 0x40, 0x1C, 0x20, 0x24, 0x28, 0x2C, 0x30, 0x04, 0x08, 0x0C, 0x10,
};

// GPIO 0, 2, 4 and 5 are function 0 of their pads; the others function 3.
static uint32_t gpio_function(unsigned pin) {
    return pin == 0 || pin == 2 || pin == 4 || pin == 5 ? 0 : 3;
}

static volatile uint32_t *pad(unsigned pin) {
    return &REG32(IOMUX_BASE + pad_offset[pin]);
}

bool chip_gpio_usable(unsigned pin) {
    return pin < CHIP_GPIO_COUNT && (pin < 6 || pin > 11);
}

void chip_gpio_init(unsigned pin) {
    if (pin == 16) {
        PAD_XPD_DCDC_CONF = (PAD_XPD_DCDC_CONF & 0xFFFFFFBCu) | 1u;   // the pad is RTC GPIO0
        RTC_GPIO_CONF &= ~1u;
        RTC_GPIO_ENABLE &= ~1u;
        return;
    }
    *pad(pin) = (*pad(pin) & ~IOMUX_FUNC_MASK) | IOMUX_FUNC(gpio_function(pin));
    GPIO_PIN(pin) &= ~(GPIO_PIN_OPEN_DRAIN | 1u);                     // GPIO data, push-pull
    GPIO_ENABLE_W1TC = 1u << pin;
}

void chip_gpio_set_output(unsigned pin, bool output) {
    if (pin == 16) {
        RTC_GPIO_ENABLE = (RTC_GPIO_ENABLE & ~1u) | (output ? 1u : 0u);
    } else if (output) {
        GPIO_ENABLE_W1TS = 1u << pin;
    } else {
        GPIO_ENABLE_W1TC = 1u << pin;
    }
}

void chip_gpio_write(unsigned pin, bool level) {
    if (pin == 16) {
        RTC_GPIO_OUT = (RTC_GPIO_OUT & ~1u) | (level ? 1u : 0u);
    } else if (level) {
        GPIO_OUT_W1TS = 1u << pin;
    } else {
        GPIO_OUT_W1TC = 1u << pin;
    }
}

bool chip_gpio_read(unsigned pin) {
    if (pin == 16) {
        return RTC_GPIO_IN_DATA & 1u;
    }
    return (GPIO_IN >> pin) & 1u;
}

bool chip_gpio_set_pull_up(unsigned pin, bool on) {
    if (pin >= 16) {
        return false;
    }
    *pad(pin) = on ? *pad(pin) | IOMUX_PULLUP : *pad(pin) & ~IOMUX_PULLUP;
    return true;
}

bool chip_gpio_set_open_drain(unsigned pin, bool on) {
    if (pin >= 16) {
        return false;
    }
    GPIO_PIN(pin) = on ? GPIO_PIN(pin) | GPIO_PIN_OPEN_DRAIN : GPIO_PIN(pin) & ~GPIO_PIN_OPEN_DRAIN;
    return true;
}

// ---- interrupts -------------------------------------------------------------------

static uint32_t irq_pins;               // the pins with an edge interrupt

void chip_gpio_set_irq(unsigned pin, unsigned edges) {
    if (pin >= 16) {
        return;
    }
    uint32_t ps = irq_disable();
    GPIO_PIN(pin) = (GPIO_PIN(pin) & ~GPIO_PIN_INT_TYPE_MASK) | (edges & 3u) << GPIO_PIN_INT_TYPE_SHIFT;
    GPIO_STATUS_W1TC = 1u << pin;
    irq_pins = edges != 0 ? irq_pins | 1u << pin : irq_pins & ~(1u << pin);
    uint32_t enable = xt_intenable();
    xt_set_intenable(irq_pins != 0 ? enable | 1u << INUM_GPIO : enable & ~(1u << INUM_GPIO));
    irq_restore(ps);
}

// Acknowledges what came, then tells the board pin by pin.
IRAM_CODE void gpio_isr(void) {
    uint32_t status = GPIO_STATUS & 0xFFFFu;
    GPIO_STATUS_W1TC = status;
    for (unsigned pin = 0; status != 0; pin++, status >>= 1) {
        if (status & 1u) {
            board_pin_interrupt(pin);
        }
    }
}
