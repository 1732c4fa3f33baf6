// SPDX-License-Identifier: MIT
// hal.h's wall clock, CPU ticks and random bytes on QEMU's lx106: the clock
// counts from 0 (2000-01-01) at start-up, CCOUNT is the CPU counter, and
// the random bytes come from a xorshift generator seeded from CCOUNT (the
// machine has no random source; what runs here is tests, not secrets).
#include "hal.h"

static int64_t clock_offset_us;      // what hal_clock_set_us added to the ticks

static uint32_t ccount(void) {
    uint32_t now;
    __asm__ volatile("rsr %0, ccount" : "=r"(now));
    return now;
}

// hal_ticks_us extended to 64 bits, read at least once per wrap (71 minutes).
static uint64_t us_since_start(void) {
    static uint32_t last, high;
    uint32_t now = hal_ticks_us();
    if (now < last) {
        high++;
    }
    last = now;
    return (uint64_t)high << 32 | now;
}

int64_t hal_clock_us(void) {
    return (int64_t)us_since_start() + clock_offset_us;
}

void hal_clock_set_us(int64_t us) {
    clock_offset_us = us - (int64_t)us_since_start();
}

uint32_t hal_ticks_cpu(void) {
    return ccount();
}

void hal_random_bytes(void *buf, size_t len) {
    static uint32_t state;
    if (state == 0) {
        state = ccount() | 1;
    }
    uint8_t *p = buf;
    for (size_t i = 0; i < len; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        p[i] = (uint8_t)(state >> 24);
    }
}
