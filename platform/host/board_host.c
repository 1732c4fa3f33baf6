// SPDX-License-Identifier: MIT
// The simulated board's console: UART0 is the terminal (in raw mode, the
// board echoes), the process's stdin and stdout when they are pipes
// (`espy --board`, for tools and tests), or a pseudo-terminal (`espy --pty`
// prints its path; serial tools open it like a USB serial port).
//
// A receiver thread plays the UART's receive interrupt: it moves the bytes
// that arrive into a ring and, while Python code runs (not in line mode),
// turns the interrupt character into KeyboardInterrupt instead; SIGUSR1
// wakes the main thread from a sleep so that the interrupt comes at once.
// Unlike the chip's 512-byte ring it never drops a byte: a full ring makes
// the thread wait (a pipe or pty then holds the rest).
//
// board_host_run is the board's life: boot, the REPL, soft resets, until
// the input ends or Ctrl-] (a byte serial tools do not send) quits.
#define _GNU_SOURCE 1          // posix_openpt, ptsname
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "board_host.h"
#include "espy.h"
#include "hal.h"
#include "modules.h"
#include "board_repl.h"
#include "hal_board.h"
#include "nlr.h"
#include "vfs.h"

#define RING_SIZE 4096
#define QUIT_BYTE 0x1D           // Ctrl-]

static struct {
    bool active;                 // board mode: hal_stdout_write goes to the console
    int in_fd, out_fd;
    pthread_t main_thread, rx_thread;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    uint8_t ring[RING_SIZE];
    size_t head, tail;           // tail == head: empty
    bool ended;                  // no more input
    volatile bool line_mode;
    bool raw_terminal;
    struct termios saved;
} con = {.lock = PTHREAD_MUTEX_INITIALIZER, .changed = PTHREAD_COND_INITIALIZER, .line_mode = true};

bool board_host_active(void) {
    return con.active;
}

bool board_host_input_ended(void) {
    pthread_mutex_lock(&con.lock);
    bool ended = con.ended && con.head == con.tail;
    pthread_mutex_unlock(&con.lock);
    return ended;
}

void board_host_wake(void) {
    if (con.active) {
        pthread_kill(con.main_thread, SIGUSR1);
    }
}

bool board_host_on_main_thread(void) {
    return con.active && pthread_equal(pthread_self(), con.main_thread);
}

static void write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return;
        }
        data += n;
        len -= (size_t)n;
    }
}

// ---- receiving ------------------------------------------------------------------

static void on_wake(int sig) {
    (void)sig;                   // only interrupts a sleep
}

static void *receiver(void *arg) {
    (void)arg;
    uint8_t buf[256];
    for (;;) {
        ssize_t n = read(con.in_fd, buf, sizeof(buf));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        pthread_mutex_lock(&con.lock);
        if (n <= 0) {
            con.ended = true;
            pthread_cond_broadcast(&con.changed);
            pthread_mutex_unlock(&con.lock);
            return NULL;
        }
        for (ssize_t i = 0; i < n; i++) {
            int c = buf[i];
            if (c == QUIT_BYTE && con.raw_terminal) {
                con.ended = true;
                espy_interrupt();
                pthread_kill(con.main_thread, SIGUSR1);
                break;
            }
            if (!con.line_mode && c == micropython_kbd_intr_char()) {
                espy_interrupt();
                pthread_kill(con.main_thread, SIGUSR1);
                continue;
            }
            while ((con.head + 1) % RING_SIZE == con.tail) {
                pthread_cond_wait(&con.changed, &con.lock);      // full: wait for the reader
            }
            con.ring[con.head] = (uint8_t)c;
            con.head = (con.head + 1) % RING_SIZE;
        }
        pthread_cond_broadcast(&con.changed);
        bool ended = con.ended;
        pthread_mutex_unlock(&con.lock);
        if (ended) {
            return NULL;
        }
    }
}

// With the lock held: the next byte of the ring, or `none` when it is empty.
static int ring_take(int none) {
    if (con.head == con.tail) {
        return none;
    }
    int c = con.ring[con.tail];
    con.tail = (con.tail + 1) % RING_SIZE;
    pthread_cond_broadcast(&con.changed);
    return c;
}

// Waits in steps of 10 ms, so that callbacks queued meanwhile (a Timer, a
// pin's IRQ) run at the prompt, as on the chip: HAL_CONSOLE_PENDING says so.
int hal_console_getc(void) {
    pthread_mutex_lock(&con.lock);
    while (con.head == con.tail && !con.ended) {
        if (micropython_sched_pending) {
            pthread_mutex_unlock(&con.lock);
            return HAL_CONSOLE_PENDING;
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 10 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&con.changed, &con.lock, &until);
    }
    int c = ring_take(-1);
    pthread_mutex_unlock(&con.lock);
    return c;
}

int hal_console_getc_nowait(void) {
    pthread_mutex_lock(&con.lock);
    int c = ring_take(con.ended ? -1 : HAL_CONSOLE_EMPTY);
    pthread_mutex_unlock(&con.lock);
    return c;
}

void hal_console_write(const char *data, size_t len) {
    write_all(con.out_fd, data, len);
}

void hal_console_set_line_mode(bool on) {
    con.line_mode = on;
}

const char *hal_board_name(void) {
    return "ESP module (simulated)";
}

// ---- the terminal -----------------------------------------------------------------

static void restore_terminal(void) {
    if (con.raw_terminal) {
        tcsetattr(con.in_fd, TCSAFLUSH, &con.saved);
        con.raw_terminal = false;
    }
}

// The terminal sends every byte as typed and shows only what the board
// echoes, as a serial terminal program does.
static void raw_terminal(void) {
    if (!isatty(con.in_fd) || tcgetattr(con.in_fd, &con.saved) != 0) {
        return;
    }
    struct termios t = con.saved;
    cfmakeraw(&t);
    if (tcsetattr(con.in_fd, TCSAFLUSH, &t) == 0) {
        con.raw_terminal = true;
        atexit(restore_terminal);
    }
}

// A pseudo-terminal for serial tools: its other end is the board's UART.
static int open_pty(void) {
    int fd = posix_openpt(O_RDWR | O_NOCTTY);
    if (fd < 0 || grantpt(fd) != 0 || unlockpt(fd) != 0) {
        perror("espy: can't make a pseudo-terminal");
        return -1;
    }
    // Raw on the device side too, so that tools see the bytes as sent.
    const char *name = ptsname(fd);
    int slave = open(name, O_RDWR | O_NOCTTY);
    if (slave >= 0) {
        struct termios t;
        if (tcgetattr(slave, &t) == 0) {
            cfmakeraw(&t);
            tcsetattr(slave, TCSANOW, &t);
        }
        // Kept open so that the pty stays usable between clients.
    }
    printf("espy: the board's UART is on %s (Ctrl-C here quits)\n", name);
    fflush(stdout);
    return fd;
}

// ---- the board ----------------------------------------------------------------------

static jmp_buf restart;

void board_host_restart(void) {
    longjmp(restart, 1);
}

int board_host_run(espy_options_t *options, bool pty) {
    con.in_fd = 0;
    con.out_fd = 1;
    if (pty) {
        int fd = open_pty();
        if (fd < 0) {
            return 1;
        }
        con.in_fd = con.out_fd = fd;
    } else {
        raw_terminal();
        if (con.raw_terminal) {
            fprintf(stderr, "espy: simulated ESP8266 board; Ctrl-] quits\r\n");
        }
    }
    con.active = true;
    con.main_thread = pthread_self();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_wake;
    sigaction(SIGUSR1, &sa, NULL);       // no SA_RESTART: a sleep returns early
    if (pthread_create(&con.rx_thread, NULL, receiver, NULL) != 0) {
        fprintf(stderr, "espy: can't start the console's receiver\n");
        return 1;
    }
    // machine.reset(), the watchdog and the end of a deep sleep come back
    // here (board_host_restart): the chip starts again, the world around it
    // (levels applied, devices), the flash, the RTC and its memory stay.
    if (setjmp(restart) != 0) {
        nlr_top = NULL;              // the frames of the program that reset are gone
        espy_soft_reset();           // files written, sockets closed: kinder than the chip
        hal_sim_chip_reset();
        repl_set_raw(false);
        hal_console_write("\r\n", 2);
    }
    for (;;) {
        espy_init(options);
        board_boot();
        if (!repl_is_raw()) {
            repl_banner();
        }
        int r = repl_run();
        if (r != REPL_SOFT_RESET) {
            break;
        }
        espy_soft_reset();
        hal_console_write("MPY: soft reboot\r\n", 18);
    }
    restore_terminal();
    return 0;
}
