// SPDX-License-Identifier: MIT
// The board's REPL on the console (board/repl.c, board/readline.c): the
// friendly REPL with its line editor, paste mode, the raw REPL and raw-paste
// mode, byte for byte as MicroPython's (shared/spec/repl-protocols.md), so
// that serial tools (mpremote, pyboard.py, Thonny...) work unchanged.
#ifndef ESPY_BOARD_BOARD_REPL_H
#define ESPY_BOARD_BOARD_REPL_H

#include "board.h"

// What ended the REPL.
#define REPL_SOFT_RESET 1       // Ctrl-D, or SystemExit: soft reset, then the REPL again
#define REPL_EOF 2              // the console's input ended (the host's stdin closed)

// Runs the REPL in its current mode (friendly or raw; the mode survives a
// soft reset, as MicroPython's) until one of the above.
int repl_run(void);
bool repl_is_raw(void);
void repl_set_raw(bool raw);

// The boot sequence after espy_init (boot.c): the frozen _boot, boot.py,
// and main.py unless the REPL is raw or boot.py failed.
void board_boot(void);

// The banner: "MicroPython-compatible espy <version> on <date>; <board> with
// ESP8266" and the help line, each ended by "\r\n".
void repl_banner(void);

// A byte of the console, waiting as long as it takes (-1 when the input has
// ended); callbacks queued meanwhile (micropython.schedule, Timer, IRQs) run
// while it waits.
int repl_getc(void);

// The line editor (readline.c): reads one line after `prompt` into `line`
// (appended to what it holds: earlier lines of the statement, each ended
// by '\n'). Returns 0 for Enter (echoed as "\r\n"), Ctrl-C, Ctrl-A/B/D/E
// typed on an empty line (their byte value), or REPL_INPUT_END.
#define REPL_INPUT_END (-1)
int repl_readline(vstr_t *line, const char *prompt);
void repl_history_mark(void);
void repl_history_clear(void);

#endif
