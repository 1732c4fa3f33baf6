// SPDX-License-Identifier: MIT
// hal.h for the fuzzer: no output, no input, no files, a clock that
// stays at 2000-01-01 and random bytes that are not.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exc.h"
#include "hal.h"

static void *stack_top;

void hal_stdout_write(const char *data, size_t len) {
    (void)data;
    (void)len;
}

void hal_stderr_write(const char *data, size_t len) {
    (void)data;
    (void)len;
}

int hal_stdin_readline(char *buf, size_t size) {
    (void)buf;
    (void)size;
    return -1;
}

int hal_stdin_read(char *buf, size_t size) {
    (void)buf;
    (void)size;
    return 0;
}

uint32_t hal_ticks_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)(ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

uint32_t hal_ticks_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)(ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
}

void hal_delay_ms(uint32_t ms) {
    (void)ms;
}

void hal_fatal(const char *msg) {
    fprintf(stderr, "espy: fatal error: %s\n", msg);
    abort();
}

extern void *__libc_stack_end;

void *hal_stack_top(void) {
    if (stack_top == NULL) {
        stack_top = __libc_stack_end;   // glibc: the top of the main thread's stack
    }
    return stack_top;
}

// The host's files: none, as on the chip (platform/esp8266/hal_fs_none.c,
// linked into the fuzzer too).

int64_t hal_clock_us(void) {
    return 0;
}

void hal_clock_set_us(int64_t us) {
}

uint32_t hal_ticks_cpu(void) {
    return hal_ticks_us();
}

void hal_random_bytes(void *buf, size_t len) {
    memset(buf, 0x5A, len);
}

// The board's clock: remembered, as on the simulated board.
static uint32_t cpu_freq = 80000000;

uint32_t hal_cpu_freq(void) {
    return cpu_freq;
}

bool hal_set_cpu_freq(uint32_t hz) {
    if (hz != 80000000 && hz != 160000000) {
        return false;
    }
    cpu_freq = hz;
    return true;
}

// The board's console: no input, output dropped.
int hal_console_getc(void) {
    return -1;
}

int hal_console_getc_nowait(void) {
    return -1;
}

void hal_console_write(const char *data, size_t len) {
    (void)data;
    (void)len;
}

void hal_console_set_line_mode(bool on) {
    (void)on;
}

const char *hal_board_name(void) {
    return "fuzz";
}

// No flash.
uint32_t hal_flash_size(void) {
    return 0;
}

uint32_t hal_flash_id(void) {
    return 0;
}

uint32_t hal_flash_user_start(void) {
    return 0;
}

int hal_flash_read(uint32_t offset, void *buf, size_t len) {
    return -ESPY_ENODEV;
}

int hal_flash_write(uint32_t offset, const void *buf, size_t len) {
    return -ESPY_ENODEV;
}

int hal_flash_erase(uint32_t sector) {
    return -ESPY_ENODEV;
}

// The board's peripherals: none (machine raises OSError(ENODEV)).
#include "../../platform/qemu/hal_board_none.c"
#include "../../platform/qemu/hal_wifi_none.c"
// No network.
#include "../../platform/qemu/hal_socket_none.c"
