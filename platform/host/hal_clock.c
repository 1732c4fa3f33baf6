// SPDX-License-Identifier: MIT
// hal.h's wall clock, CPU ticks and random bytes for Linux.
//
// A script's wall clock is the real time of day (moved by hal_clock_set_us
// for the rest of the run). The simulated board's is the chip's RTC, as
// MicroPython keeps it (esp8266-chip.md section 16): a 32-bit counter of
// slow-clock ticks of about 6.5 us, which overflows every 7 h 45 min, and a
// wall time of ticks x cal / 4096 + delta. Each reading that finds the
// counter smaller than the last one adds one period to delta, so the time
// stays right across overflows as long as something reads it at least once
// a period, and loses a whole period otherwise, as on the chip. The counter
// runs `speed` times faster than real time (`--clock-speed N`) so that a
// test crosses overflows in seconds. It starts at the host's time of day,
// where the chip's starts at 2000-01-01: the one liberty taken.
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "clock_host.h"
#include "hal.h"

#define UNIX_TO_2000_US (946684800LL * 1000000)
// Microseconds per tick in fixed point with 12 fraction bits: 6.496 us, so
// that 2^32 ticks last 27,901 s (7 h 45 min).
#define RTC_CAL 26608u

static int64_t clock_offset_us;      // what hal_clock_set_us added to the real clock

static struct {
    bool on;                         // the board's RTC, not the time of day
    double speed;
    uint64_t origin_ns;              // the monotonic clock when the counter was 0
    int64_t delta;                   // wall time = ticks x cal / 4096 + delta
    uint32_t last;                   // the counter at the last reading
} rtc = {.speed = 1};

static int64_t real_clock_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 - UNIX_TO_2000_US;
}

static uint64_t monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t clock_host_board_us(void) {
    return (uint64_t)((double)(monotonic_ns() - rtc.origin_ns) / 1000.0 * rtc.speed);
}

static uint32_t rtc_counter(void) {
    return (uint32_t)((clock_host_board_us() << 12) / RTC_CAL);
}

static int64_t ticks_to_us(uint32_t ticks) {
    return (int64_t)(((uint64_t)ticks * RTC_CAL) >> 12);
}

void clock_host_simulate_rtc(double speed) {
    rtc.on = true;
    rtc.speed = speed;
    rtc.origin_ns = monotonic_ns();
    rtc.last = 0;
    rtc.delta = real_clock_us();
}

double clock_host_speed(void) {
    return rtc.speed;
}

void clock_host_counter_restart(int64_t wall_us) {
    rtc.origin_ns = monotonic_ns();
    rtc.last = 0;
    rtc.delta = wall_us;
}

uint64_t clock_host_rtc_period_us(void) {
    return (uint64_t)RTC_CAL << 20;
}

int64_t hal_clock_us(void) {
    if (!rtc.on) {
        return real_clock_us() + clock_offset_us;
    }
    uint32_t ticks = rtc_counter();
    if (ticks < rtc.last) {
        rtc.delta += (int64_t)RTC_CAL << 20;     // one overflow: 2^32 ticks x cal / 4096
    }
    rtc.last = ticks;
    return ticks_to_us(ticks) + rtc.delta;
}

void hal_clock_set_us(int64_t us) {
    if (!rtc.on) {
        clock_offset_us = us - real_clock_us();
        return;
    }
    uint32_t ticks = rtc_counter();
    rtc.last = ticks;
    rtc.delta = us - ticks_to_us(ticks);
}

uint32_t hal_ticks_cpu(void) {
    return (uint32_t)monotonic_ns();
}

// getrandom, or /dev/urandom where the kernel (or qemu-user) lacks it.
void hal_random_bytes(void *buf, size_t len) {
    unsigned char *p = buf;
    int fd = -1;
    while (len > 0) {
        ssize_t n = fd < 0 ? getrandom(p, len, 0) : read(fd, p, len);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (fd >= 0 || (fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) < 0) {
                hal_fatal("no random bytes from getrandom or /dev/urandom");
            }
            continue;
        }
        p += n;
        len -= (size_t)n;
    }
    if (fd >= 0) {
        close(fd);
    }
}
