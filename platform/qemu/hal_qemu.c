// SPDX-License-Identifier: MIT
// hal.h for QEMU's lx106 sim machine: the console and files over
// semihosting (semihost.h), time from the CCOUNT cycle counter.
#include <string.h>

#include "exc.h"
#include "console.h"
#include "hal.h"
#include "semihost.h"

// QEMU's lx106 counts CCOUNT at 40 MHz of its virtual clock, which follows
// the host's real time (the chip itself runs at 80 or 160 MHz).
#define CCOUNT_PER_US 40u

extern char _stack_top[];

void *hal_stack_top(void) {
    return _stack_top;
}

_Noreturn void semihost_exit(int status) {
    for (;;) {
        semihost_call(SEMIHOST_EXIT, status, 0, 0, NULL);
    }
}

_Noreturn void hal_fatal(const char *msg) {
    static const char head[] = "espy: fatal error: ";
    hal_stderr_write(head, sizeof head - 1);
    hal_stderr_write(msg, strlen(msg));
    hal_stderr_write("\n", 1);
    semihost_exit(134);
}

// ---- console --------------------------------------------------------------

static void write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        int32_t n = semihost_call(SEMIHOST_WRITE, fd, (int32_t)data, (int32_t)len, NULL);
        if (n <= 0) {
            return;                      // closed: output is lost
        }
        data += n;
        len -= (size_t)n;
    }
}

// Set in board mode (main.c): the console is a UART, where program output
// and errors both go, each '\n' as "\r\n", with the streams os.dupterm
// attached (board/console.c), which also reads input() then.
bool qemu_board_console;

void hal_stdout_write(const char *data, size_t len) {
    if (qemu_board_console) {
        console_write_cooked(data, len);
    } else {
        write_all(1, data, len);
    }
}

void hal_stderr_write(const char *data, size_t len) {
    if (qemu_board_console) {
        console_write_cooked(data, len);
    } else {
        write_all(2, data, len);
    }
}

// Console input goes through one read-ahead buffer, shared by input() and
// sys.stdin.read().
static struct {
    char buf[64];
    uint8_t pos, len;
    bool eof;
} in;

static int stdin_getc(void) {
    if (in.pos == in.len) {
        if (in.eof) {
            return -1;
        }
        int32_t n = semihost_call(SEMIHOST_READ, 0, (int32_t)in.buf, sizeof in.buf, NULL);
        if (n <= 0) {
            in.eof = true;
            return -1;
        }
        in.pos = 0;
        in.len = (uint8_t)n;
    }
    return (unsigned char)in.buf[in.pos++];
}

// As on the host: a piece of at most size - 1 bytes, NUL-terminated; a piece
// that fills the buffer means more of the line follows. -1 at end of input.
int hal_stdin_readline(char *buf, size_t size) {
    if (qemu_board_console) {
        return console_readline(buf, size);
    }
    if (size == 0) {
        return 0;
    }
    size_t n = 0;
    while (n < size - 1) {
        int c = stdin_getc();
        if (c < 0) {
            if (n == 0) {
                return -1;
            }
            break;
        }
        if (c == '\n') {
            break;
        }
        buf[n++] = (char)c;
    }
    buf[n] = '\0';
    return (int)n;
}

int hal_stdin_read(char *buf, size_t size) {
    if (qemu_board_console) {
        return console_read(buf, size);
    }
    size_t n = 0;
    if (size > 0) {
        int c = stdin_getc();            // waits for the first byte only
        if (c < 0) {
            return 0;
        }
        buf[n++] = (char)c;
    }
    while (n < size && in.pos < in.len) {
        buf[n++] = in.buf[in.pos++];
    }
    return (int)n;
}

// ---- time -----------------------------------------------------------------

// CCOUNT wraps every 107 s at 40 MHz; this extends it to 64 bits, as long as
// it is read at least once per wrap.
static uint64_t cycles(void) {
    static uint32_t last, high;
    uint32_t now;
    __asm__ volatile("rsr %0, ccount" : "=r"(now));
    if (now < last) {
        high++;
    }
    last = now;
    return (uint64_t)high << 32 | now;
}

uint32_t hal_ticks_us(void) {
    return (uint32_t)(cycles() / CCOUNT_PER_US);
}

uint32_t hal_ticks_ms(void) {
    return (uint32_t)(cycles() / (CCOUNT_PER_US * 1000u));
}

void hal_delay_ms(uint32_t ms) {
    uint32_t start = hal_ticks_ms();
    while (hal_ticks_ms() - start < ms) {
    }
}

// ---- the board ---------------------------------------------------------------
// QEMU's core has no PLL: the clock machine.freq() sets is only remembered.
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

// ---- the board's console (board/repl.c) ---------------------------------------
// QEMU's console is semihosting's stdin and stdout: no interrupt character
// while code runs (nothing reads the input then).

int hal_console_getc(void) {
    return stdin_getc();
}

// Only what was read ahead: semihosting's read waits.
int hal_console_getc_nowait(void) {
    return in.pos < in.len ? (unsigned char)in.buf[in.pos++] : in.eof ? -1 : HAL_CONSOLE_EMPTY;
}

void hal_console_write(const char *data, size_t len) {
    write_all(1, data, len);
}

void hal_console_set_line_mode(bool on) {
    (void)on;
}

const char *hal_board_name(void) {
    return "ESP module (QEMU lx106)";
}

// ---- flash: an image file over semihosting (`--flash PATH`), with the
// host's NOR semantics (an erase sets 0xFF, a write only clears bits) ---------------

static struct {
    int fd;
    uint32_t size;
} flash = {-1, 0};

int qemu_flash_open(const char *path) {
    int fd = hal_fs_open(path, HAL_FS_READ | HAL_FS_WRITE);
    if (fd < 0) {
        return fd;
    }
    int64_t size = hal_fs_seek(fd, 0, 2);
    if (size < 512 * 1024 || size > 16 * 1024 * 1024 || (size & (HAL_FLASH_SECTOR_SIZE - 1)) != 0) {
        hal_fs_close(fd);
        return -ESPY_EINVAL;
    }
    flash.fd = fd;
    flash.size = (uint32_t)size;
    return 0;
}

uint32_t hal_flash_size(void) {
    return flash.fd >= 0 ? flash.size : 0;
}

uint32_t hal_flash_id(void) {
    uint32_t log2 = 0;
    while (flash.fd >= 0 && (1u << log2) < flash.size) {
        log2++;
    }
    return flash.fd >= 0 ? 0xEFu | 0x40u << 8 | log2 << 16 : 0;
}

uint32_t hal_flash_user_start(void) {
    return flash.size >= (2u << 20) ? 0x100000u : flash.size >= (1u << 20) ? 0x98000u : 0x7B000u;
}

static int flash_at(uint32_t offset, size_t len) {
    if (flash.fd < 0) {
        return -ESPY_ENODEV;
    }
    if (offset > flash.size || len > flash.size - offset) {
        return -ESPY_EINVAL;
    }
    return hal_fs_seek(flash.fd, offset, 0) == (int64_t)offset ? 0 : -ESPY_EIO;
}

int hal_flash_read(uint32_t offset, void *buf, size_t len) {
    int r = flash_at(offset, len);
    return r != 0 ? r : hal_fs_read(flash.fd, buf, len) == (int)len ? 0 : -ESPY_EIO;
}

int hal_flash_write(uint32_t offset, const void *buf, size_t len) {
    if ((offset | len) & 3u) {
        return -ESPY_EINVAL;
    }
    const uint8_t *in = buf;
    uint8_t old[64];
    while (len > 0) {
        size_t n = len < sizeof(old) ? len : sizeof(old);
        int r = hal_flash_read(offset, old, n);
        if (r != 0) {
            return r;
        }
        for (size_t i = 0; i < n; i++) {
            old[i] &= in[i];
        }
        if (flash_at(offset, n) != 0 || hal_fs_write(flash.fd, old, n) != (int)n) {
            return -ESPY_EIO;
        }
        in += n;
        offset += (uint32_t)n;
        len -= n;
    }
    return 0;
}

int hal_flash_erase(uint32_t sector) {
    if (flash.fd >= 0 && sector >= flash.size / HAL_FLASH_SECTOR_SIZE) {
        return -ESPY_EINVAL;
    }
    int r = flash_at(sector * HAL_FLASH_SECTOR_SIZE, HAL_FLASH_SECTOR_SIZE);
    if (r != 0) {
        return r;
    }
    uint8_t blank[256];
    memset(blank, 0xFF, sizeof(blank));
    for (uint32_t k = 0; k < HAL_FLASH_SECTOR_SIZE; k += sizeof(blank)) {
        if (hal_fs_write(flash.fd, blank, sizeof(blank)) != (int)sizeof(blank)) {
            return -ESPY_EIO;
        }
    }
    return 0;
}

// Sockets: none (platform/qemu/hal_socket_none.c).
