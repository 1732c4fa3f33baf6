// SPDX-License-Identifier: MIT
// hal.h for Linux: the console on file descriptors 0, 1 and 2, time from
// CLOCK_MONOTONIC, files from the host's file system.
//
// Console input goes through readline.c, which owns fd 0 (its read-ahead
// buffer is shared by input(), sys.stdin and the REPL).
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "board_host.h"
#include "console.h"
#include "espy.h"
#include "hal.h"
#include "hal_board.h"
#include "modules.h"
#include "vm.h"
#include "readline.h"
#include "repl.h"

static void *stack_top;

void hal_host_init(void *top) {
    stack_top = top;
}

void *hal_stack_top(void) {
    return stack_top;
}

// ---- console --------------------------------------------------------------

static void write_all(int fd, const char *data, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue;
            }
            return;                      // closed or broken: output is lost
        }
        data += n;
        len -= (size_t)n;
    }
}

// On the simulated board both go to its console: UART0 and the streams
// os.dupterm attached (board/console.c).
void hal_stdout_write(const char *data, size_t len) {
    if (board_host_active()) {
        console_write_cooked(data, len);
        return;
    }
    write_all(1, data, len);
}

void hal_stderr_write(const char *data, size_t len) {
    if (board_host_active()) {
        console_write_cooked(data, len);
        return;
    }
    write_all(2, data, len);
}

// One line for input(). On a terminal it is read with the line editor.
// Returns the length: at most size - 1 bytes, NUL-terminated; a longer line
// comes in pieces, all but the last exactly size - 1 bytes (so a line of
// size - 1 bytes is followed by an empty piece). -1 at the end of input;
// -2 when Ctrl-C was pressed (espy_interrupt() has been called: the caller
// raises the pending KeyboardInterrupt rather than EOFError).
int hal_stdin_readline(char *buf, size_t size) {
    if (board_host_active()) {
        return console_readline(buf, size);
    }
    static char *rest;                   // the part of a long line not yet returned
    static size_t rest_len, rest_pos;
    if (size == 0) {
        return 0;
    }
    if (rest == NULL) {
        int r = readline_read(&rest, "", NULL, READLINE_FOR_VM);
        if (r < 0) {
            if (r == READLINE_INTERRUPT) {
                espy_interrupt();
                return -2;
            }
            return -1;
        }
        rest_len = (size_t)r;
        rest_pos = 0;
    }
    size_t n = rest_len - rest_pos;
    if (n > size - 1) {
        n = size - 1;
    }
    memcpy(buf, rest + rest_pos, n);
    buf[n] = '\0';
    rest_pos += n;
    // A piece that fills the buffer tells the caller more may follow, so a
    // line of exactly size - 1 bytes ends with an empty piece.
    if (rest_pos == rest_len && n < size - 1) {
        free(rest);
        rest = NULL;
    }
    return (int)n;
}

int hal_stdin_read(char *buf, size_t size) {
    if (board_host_active()) {
        return console_read(buf, size);
    }
    int n = readline_read_bytes(buf, size);
    return n < 0 ? 0 : n;                // interrupted: KeyboardInterrupt is pending
}

// ---- time -----------------------------------------------------------------
// The simulated board's clock (hal_board.c): the monotonic clock, virtual
// while interrupts are off.

uint32_t hal_ticks_ms(void) {
    return (uint32_t)(sim_ticks_us() / 1000u);
}

uint32_t hal_ticks_us(void) {
    return (uint32_t)sim_ticks_us();
}

// Sleeps, but returns early on Ctrl-C so that KeyboardInterrupt comes at
// once, and when a simulated interrupt has queued a callback (the board's
// thread, hal_board.c, wakes this one with SIGUSR2).
void hal_delay_ms(uint32_t ms) {
    sim_delay_ms(ms);
    unsigned seen = readline_interrupt_count();
    struct timespec req = {(time_t)(ms / 1000u), (long)(ms % 1000u) * 1000000L};
    struct timespec rem;
    while (nanosleep(&req, &rem) != 0 && errno == EINTR) {
        if (readline_interrupt_count() != seen || vm_interrupt_pending || micropython_sched_pending) {
            return;
        }
        req = rem;
    }
}

// ---- the board ---------------------------------------------------------------
// The simulated chip keeps the clock machine.freq() sets; time runs the same.
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
