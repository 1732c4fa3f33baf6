// SPDX-License-Identifier: MIT
// hal.h's wall clock, CPU ticks and random bytes for Linux: the real time
// of day (moved by hal_clock_set_us for the rest of the run), the
// monotonic clock in nanoseconds, and the kernel's random bytes.
#include <errno.h>
#include <fcntl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "hal.h"

#define UNIX_TO_2000_US (946684800LL * 1000000)

static int64_t clock_offset_us;      // what hal_clock_set_us added to the real clock

static int64_t real_clock_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000 - UNIX_TO_2000_US;
}

int64_t hal_clock_us(void) {
    return real_clock_us() + clock_offset_us;
}

void hal_clock_set_us(int64_t us) {
    clock_offset_us = us - real_clock_us();
}

uint32_t hal_ticks_cpu(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
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
