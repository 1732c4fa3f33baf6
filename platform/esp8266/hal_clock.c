// SPDX-License-Identifier: MIT
// hal.h's wall clock, CPU ticks and random bytes on the ESP8266: the clock
// counts from 0 (2000-01-01) at start-up on clock.c's 64-bit microseconds,
// and the random bytes come from the hardware generator.
#include "chip.h"
#include "hal.h"
#include "regs.h"

// The hardware random number register among the WiFi MAC's (esp8266-chip.md
// section 2, the address MicroPython reads; truly random while the radio runs).
#define WDEV_RANDOM REG32(0x3FF20E44)

static int64_t clock_offset_us;         // what hal_clock_set_us added to the ticks

int64_t hal_clock_us(void) {
    return (int64_t)chip_ticks_us64() + clock_offset_us;
}

void hal_clock_set_us(int64_t us) {
    clock_offset_us = us - (int64_t)chip_ticks_us64();
}

uint32_t hal_ticks_cpu(void) {
    return chip_ticks_cpu();
}

void hal_random_bytes(void *buf, size_t len) {
    uint8_t *p = buf;
    while (len > 0) {
        uint32_t r = WDEV_RANDOM;
        for (int i = 0; i < 4 && len > 0; i++, len--) {
            *p++ = (uint8_t)(r >> (8 * i));
        }
    }
}
