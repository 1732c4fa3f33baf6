// SPDX-License-Identifier: MIT
// hal.h's board peripherals on a target that has none: QEMU's sim machine
// (and the fuzzing build, tests/fuzz/hal_fuzz.c, which includes this file).
// Configuring a pin, the alarm, the ADC, PWM, UART1 and SPI give ENODEV,
// which machine raises as OSError; what cannot fail does nothing. Plain C:
// nothing here needs an interrupt, since nothing here raises one.
#include <string.h>

#include "exc.h"
#include "hal.h"

int hal_pin_config(unsigned pin, unsigned mode, bool pull_up) {
    return -ESPY_ENODEV;
}

void hal_pin_write(unsigned pin, bool level) {
}

bool hal_pin_read(unsigned pin) {
    return false;
}

void hal_pin_irq(unsigned pin, unsigned edges) {
}

uint32_t hal_irq_disable(void) {
    return 0;
}

void hal_irq_restore(uint32_t state) {
}

void hal_wait_for_interrupt(void) {
}

void hal_delay_us(uint32_t us) {
    uint32_t start = hal_ticks_us();
    while (hal_ticks_us() - start < us) {
    }
}

int hal_alarm_start(uint32_t us) {
    return -ESPY_ENODEV;
}

void hal_alarm_stop(void) {
}

void hal_bitstream(unsigned pin, const uint32_t high_ns[2], const uint32_t low_ns[2], const uint8_t *buf,
                   size_t len) {
}

int hal_adc_read(unsigned channel) {
    return -ESPY_ENODEV;
}

int hal_pwm_config(uint32_t freq, const int16_t duty[HAL_PIN_COUNT]) {
    for (unsigned i = 0; i < HAL_PIN_COUNT; i++) {
        if (duty[i] >= 0) {
            return -ESPY_ENODEV;
        }
    }
    return 0;
}

// UART0 is the console (stdout); there is no UART1.
int hal_uart_config(unsigned id, uint32_t baudrate, unsigned bits, int parity, unsigned stop) {
    return id == 0 ? 0 : -ESPY_ENODEV;
}

void hal_uart_write(unsigned id, const void *data, size_t len) {
    if (id == 0) {
        hal_stdout_write(data, len);
    }
}

int hal_spi_config(uint32_t baudrate, unsigned polarity, unsigned phase) {
    return -ESPY_ENODEV;
}

void hal_spi_transfer(const uint8_t *out, uint8_t *in, size_t len) {
    if (in != NULL) {
        memset(in, 0, len);
    }
}

// RTC memory: RAM, kept while the program runs.
static uint8_t rtc_memory[HAL_RTC_MEMORY_SIZE];

void hal_rtc_memory_read(uint32_t offset, void *buf, size_t len) {
    memcpy(buf, rtc_memory + offset, len);
}

void hal_rtc_memory_write(uint32_t offset, const void *buf, size_t len) {
    memcpy(rtc_memory + offset, buf, len);
}

static int reset_cause;

int hal_reset_cause(void) {
    return reset_cause;
}

// No restart: board/ raises SystemExit; a deep sleep does not wait.
void hal_reset(unsigned kind, uint64_t sleep_us) {
    reset_cause = (int)kind;
}

uint32_t hal_chip_id(void) {
    return 0;
}

const hal_sim_t *hal_sim(void) {
    return NULL;
}
