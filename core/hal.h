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

// ---- board/'s needs: the console as bytes, for the board's REPL -----------
// The console is UART0 on the chip and the terminal (or a pseudo-terminal)
// on the host's simulated board. hal_console_getc waits for a byte and
// returns it, or -1 when the input has ended (the host's stdin closed).
// In line mode (while the REPL or input() reads) the interrupt character
// (micropython.kbd_intr) is a byte like any other; otherwise it is not
// queued and calls espy_interrupt(). hal_console_write sends bytes as they
// are; hal_stdout_write and hal_stderr_write of a board send '\n' as "\r\n".
int hal_console_getc(void);
void hal_console_write(const char *data, size_t len);
void hal_console_set_line_mode(bool on);
// The board's name for the banner ("ESP module", "ESP module (1M)").
const char *hal_board_name(void);

// ---- board/'s needs: the SPI flash (esp.flash_*, flashbdev) ----------------
// NOR flash in 4 KiB sectors: an erase sets a sector to 0xFF, a write can
// only clear bits. Offsets and lengths of writes are multiples of 4 (the
// chip's ROM wants them so). Functions return 0 or a negative ESPY_E*
// value (ESPY_ENODEV: no flash, as on QEMU or in the host's script mode).
#define HAL_FLASH_SECTOR_SIZE 4096u
uint32_t hal_flash_size(void);              // bytes; 0 when there is none
uint32_t hal_flash_id(void);                // the JEDEC id as the ROM reads it
uint32_t hal_flash_user_start(void);        // the first offset after the firmware
int hal_flash_read(uint32_t offset, void *buf, size_t len);
int hal_flash_write(uint32_t offset, const void *buf, size_t len);
int hal_flash_erase(uint32_t sector);

// Time.
uint32_t hal_ticks_ms(void);
uint32_t hal_ticks_us(void);
void hal_delay_ms(uint32_t ms);

// ---- lib/'s needs: the host's files, the wall clock, random bytes ----------
// For os.VfsPosix (lib/vfs_host.c), time (lib/mod_time.c) and os.urandom.
// The file functions return >= 0 on success or a negative ESPY_E* value
// (core/exc.h); paths are NUL-terminated. The host implements them with
// POSIX calls, QEMU with what its semihosting offers (open, read, write,
// seek, close: the rest is -ESPY_ENOSYS), the chip not at all (-ESPY_ENODEV:
// its flash filesystem is a filesystem object of lib/, not a hal service).

// hal_fs_open flags: one or both of READ and WRITE, and any of the rest.
#define HAL_FS_READ 0x01
#define HAL_FS_WRITE 0x02
#define HAL_FS_CREATE 0x04       // create the file if missing
#define HAL_FS_TRUNCATE 0x08
#define HAL_FS_APPEND 0x10       // every write goes to the end
#define HAL_FS_EXCLUSIVE 0x20    // with CREATE: -ESPY_EEXIST if it exists

// What a path names (hal_fs_stat_t.kind, hal_fs_dir_next).
#define HAL_FS_KIND_FILE 1
#define HAL_FS_KIND_DIR 2
#define HAL_FS_KIND_OTHER 3      // a device, socket, fifo...

typedef struct hal_fs_stat {
    uint64_t size;
    int64_t mtime;               // seconds since 2000-01-01 00:00:00 (negative before)
    uint32_t inode;
    uint8_t kind;                // HAL_FS_KIND_*
} hal_fs_stat_t;

typedef struct hal_fs_statvfs {
    uint64_t bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax;
} hal_fs_statvfs_t;

// A handle for read/write/seek/close; -ESPY_EISDIR for a directory.
int hal_fs_open(const char *path, unsigned flags);
int hal_fs_read(int fd, void *buf, size_t len);              // the count, 0 at end
int hal_fs_write(int fd, const void *buf, size_t len);       // the count written
// whence 0 start, 1 current, 2 end; returns the new position.
int64_t hal_fs_seek(int fd, int64_t offset, int whence);
int hal_fs_close(int fd);
int hal_fs_stat(const char *path, hal_fs_stat_t *st);
int hal_fs_statvfs(const char *path, hal_fs_statvfs_t *st);
int hal_fs_mkdir(const char *path);
int hal_fs_rmdir(const char *path);
int hal_fs_remove(const char *path);                         // a file
int hal_fs_rename(const char *from, const char *to);         // replaces `to`
// A directory listing: dir_open gives a handle; each dir_next writes one
// entry's name (NUL-terminated; -ESPY_ENAMETOOLONG if size is too small),
// kind and inode, skipping "." and "..", and returns 1, or 0 at the end.
int hal_fs_dir_open(const char *path);
int hal_fs_dir_next(int dir, char *name, size_t size, uint8_t *kind, uint32_t *inode);
void hal_fs_dir_close(int dir);
// The process's current directory: its length, written to buf with a NUL
// (-ESPY_ENAMETOOLONG when size is too small); chdir changes it.
int hal_fs_getcwd(char *buf, size_t size);
int hal_fs_chdir(const char *path);

// The wall clock, as MicroPython's ESP8266 keeps it: microseconds since
// 2000-01-01 00:00:00. The host starts from its real clock; QEMU and the
// chip from 0 at start-up. Setting it moves it for the rest of the run.
int64_t hal_clock_us(void);
void hal_clock_set_us(int64_t us);
// A fast free-running counter (CPU cycles on the chip), for time.ticks_cpu.
uint32_t hal_ticks_cpu(void);
// Fills buf with random bytes (the chip's hardware generator; the host's
// getrandom; QEMU: a generator seeded from the cycle counter).
void hal_random_bytes(void *buf, size_t len);

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
