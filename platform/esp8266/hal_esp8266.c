// SPDX-License-Identifier: MIT
// hal.h on the ESP8266: the console on UART0 (uart.c) with a small line
// reader, time from clock.c, and no files yet (the flash filesystem is a
// later issue: hal_file_* will read it through flash.c).
#include "chip.h"
#include "espy.h"
#include "exc.h"
#include "modules.h"
#include "console.h"
#include "hal.h"
#include "esp8266_board.h"

#define CTRL_C 0x03
#define CTRL_D 0x04
#define BACKSPACE 0x08
#define ESC 0x1B
#define DEL 0x7F

extern char _stack_top[];

void *hal_stack_top(void) {
    return _stack_top;
}

_Noreturn void hal_fatal(const char *msg) {
    chip_fatal(msg);
}

// ---- console --------------------------------------------------------------

// UART0 and the streams os.dupterm attached (board/console.c).
void hal_stdout_write(const char *data, size_t len) {
    console_write_cooked(data, len);
}

void hal_stderr_write(const char *data, size_t len) {
    console_write_cooked(data, len);
}

// Drops a terminal's escape sequence (arrow keys: ESC [ A, ESC O H...),
// which this reader does not act on.
static void skip_escape_sequence(void) {
    int c = uart_wait_byte();
    if (c != '[' && c != 'O') {
        return;
    }
    do {
        c = uart_wait_byte();
    } while (c >= 0 && !(c >= 0x40 && c <= 0x7E));
}

int console_read_line(char *buf, size_t size) {
    static bool after_cr;               // an LF right after a CR ends nothing
    if (size == 0) {
        return 0;
    }
    size_t n = 0;
    int result = 0;
    uart_set_line_mode(true);
    while (n < size - 1) {
        int c = uart_wait_byte();
        bool lf_of_crlf = c == '\n' && after_cr;
        after_cr = c == '\r';
        if (lf_of_crlf) {
            continue;
        }
        if (c == '\r' || c == '\n') {
            uart_write("\r\n", 2, false);
            break;
        }
        if (c == CTRL_C) {
            uart_write("\r\n", 2, false);
            result = CONSOLE_INTERRUPT;
            break;
        }
        if (c == CTRL_D) {
            if (n == 0) {
                result = CONSOLE_EOF;
                break;
            }
        } else if (c == BACKSPACE || c == DEL) {
            if (n > 0) {
                do {                    // one UTF-8 character
                    n--;
                } while (n > 0 && ((uint8_t)buf[n] & 0xC0) == 0x80);
                uart_write("\b \b", 3, false);
            }
        } else if (c == ESC) {
            skip_escape_sequence();
        } else if (c >= 0x20 || c == '\t') {
            buf[n++] = (char)c;
            uart_write(buf + n - 1, 1, false);
        }
    }
    uart_set_line_mode(false);
    buf[result == 0 ? n : 0] = '\0';
    return result == 0 ? (int)n : result;
}

// input(): Ctrl-C gives KeyboardInterrupt, Ctrl-D on an empty line EOFError.
int hal_stdin_readline(char *buf, size_t size) {
    return console_readline(buf, size);
}

// sys.stdin.read(): raw bytes; the interrupt character raises as usual.
int hal_stdin_read(char *buf, size_t size) {
    size_t n = 0;
    if (size > 0) {
        int c = uart_wait_byte();       // waits for the first byte only
        if (c < 0) {
            return 0;                   // interrupted: KeyboardInterrupt is pending
        }
        buf[n++] = (char)c;
    }
    int c;
    while (n < size && (c = uart_read_byte()) >= 0) {
        buf[n++] = (char)c;
    }
    return (int)n;
}

// ---- time -----------------------------------------------------------------

uint32_t hal_ticks_ms(void) {
    return (uint32_t)(chip_ticks_us64() / 1000u);
}

uint32_t hal_ticks_us(void) {
    return (uint32_t)chip_ticks_us64();
}

// Busy, feeding the watchdog; returns early on Ctrl-C so that
// KeyboardInterrupt comes at once.
void hal_delay_ms(uint32_t ms) {
    uint32_t seen = uart_interrupt_count();
    uint64_t end = chip_ticks_us64() + (uint64_t)ms * 1000u;
    while (chip_ticks_us64() < end && uart_interrupt_count() == seen) {
        chip_wdt_feed();
    }
}

// ---- the board ---------------------------------------------------------------

uint32_t hal_cpu_freq(void) {
    return chip_cpu_freq_mhz() * 1000000u;
}

bool hal_set_cpu_freq(uint32_t hz) {
    return hz % 1000000u == 0 && chip_set_cpu_freq_mhz(hz / 1000000u);
}

// ---- the board's console (board/repl.c) ---------------------------------------

// Callbacks queued while the REPL waits (a Timer, a pin's IRQ) run at the
// prompt: HAL_CONSOLE_PENDING says so.
int hal_console_getc(void) {
    for (;;) {
        int c = uart_read_byte();
        if (c >= 0) {
            return c;
        }
        if (micropython_sched_pending) {
            return HAL_CONSOLE_PENDING;
        }
    }
}

int hal_console_getc_nowait(void) {
    int c = uart_read_byte();
    return c >= 0 ? c : HAL_CONSOLE_EMPTY;
}

void hal_console_write(const char *data, size_t len) {
    uart_write(data, len, false);
}

void hal_console_set_line_mode(bool on) {
    uart_set_line_mode(on);
}

const char *hal_board_name(void) {
    return ESP8266_BOARD_NAME;
}

// ---- the SPI flash (flash.c) -----------------------------------------------------

extern char _flash_user_start[];        // esp8266.ld: the end of irom0, as a flash offset

static int flash_result(int r) {
    return r == CHIP_FLASH_OK ? 0 : r == CHIP_FLASH_TIMEOUT ? -ESPY_ETIMEDOUT
           : r == CHIP_FLASH_BAD_ARG ? -ESPY_EINVAL : -ESPY_EIO;
}

uint32_t hal_flash_size(void) {
    return chip_flash_size();
}

uint32_t hal_flash_id(void) {
    return chip_flash_id();
}

uint32_t hal_flash_user_start(void) {
    return (uint32_t)_flash_user_start;
}

int hal_flash_read(uint32_t offset, void *buf, size_t len) {
    return flash_result(chip_flash_read(offset, buf, (uint32_t)len));
}

int hal_flash_write(uint32_t offset, const void *buf, size_t len) {
    return flash_result(chip_flash_write(offset, buf, (uint32_t)len));
}

int hal_flash_erase(uint32_t sector) {
    return flash_result(chip_flash_erase_sector(sector));
}

// Sockets: none yet (platform/esp8266/hal_socket_none.c).
