// SPDX-License-Identifier: MIT
// The host's simulated board (board_host.c): its console and its life.
#ifndef ESPY_HOST_BOARD_HOST_H
#define ESPY_HOST_BOARD_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "espy.h"

// Runs the board (boot, REPL, soft resets) on the terminal or the process's
// stdin/stdout, or on a new pseudo-terminal; returns the exit status.
int board_host_run(espy_options_t *options, bool pty);

// While the board runs, the console serves the hal's stdout, stderr and stdin.
bool board_host_active(void);
// True on the board's (Python's) thread, not on a thread playing an interrupt.
bool board_host_on_main_thread(void);
// The console's input has ended and every byte of it was read.
bool board_host_input_ended(void);
// Ends a sleep of the board's thread early (callbacks were queued).
void board_host_wake(void);
// Starts the board again as the chip's reset does: from the Python thread only.
_Noreturn void board_host_restart(void);

#endif
