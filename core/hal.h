// SPDX-License-Identifier: MIT
// The hardware boundary: everything core/ needs from a target.
//
// Each target (platform/host, platform/qemu, platform/esp8266) implements
// these functions; core/ calls nothing else outside itself. Board features
// (gpio, flash, network) are added here by later layers.
#ifndef ESPY_HAL_H
#define ESPY_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Console: stdout and stderr of Python programs (print, tracebacks).
void hal_stdout_write(const char *data, size_t len);
void hal_stderr_write(const char *data, size_t len);
// Reads one line of input for input() (without the newline) into buf;
// returns the length, -1 at end of input, or -2 when Ctrl-C was typed (the
// target has then called espy_interrupt()). A line longer than size - 1
// bytes comes in pieces of size - 1 bytes; a line of exactly size - 1 bytes
// is followed by an empty piece.
int hal_stdin_readline(char *buf, size_t size);
// Reads up to size bytes from stdin; returns the count, 0 at end of input.
int hal_stdin_read(char *buf, size_t size);

// Time.
uint32_t hal_ticks_ms(void);
uint32_t hal_ticks_us(void);
void hal_delay_ms(uint32_t ms);

// Files, for importing modules and running scripts (the host's own files
// on the host; the flash filesystem on the board). Return -1 on error.
int hal_file_open(const char *path);                 // read-only
int hal_file_read(int fd, void *buf, size_t len);    // 0 at end
void hal_file_close(int fd);
// 0 no such path, 1 a file, 2 a directory.
int hal_path_kind(const char *path);

// The interrupt character (Ctrl-C): the target calls espy_interrupt()
// (espy.h) from its signal handler or UART interrupt.

// Stops the program after an internal error that cannot be raised.
_Noreturn void hal_fatal(const char *msg);

// Where the C stack starts (for the conservative GC and stack-depth checks).
void *hal_stack_top(void);

// ---- the board (board/: machine, esp) -----------------------------------------
// The CPU clock in Hz; setting accepts 80 and 160 MHz (false for any other
// value). The simulated board keeps the value; the chip switches its PLL.
uint32_t hal_cpu_freq(void);
bool hal_set_cpu_freq(uint32_t hz);

#endif
