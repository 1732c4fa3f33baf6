// SPDX-License-Identifier: MIT
// Console input of the host program: the terminal, the line editor and the
// SIGINT handler.
//
// Everything that reads file descriptor 0 goes through this module, so that
// bytes read ahead by one reader (the line editor, input(), sys.stdin.read)
// are seen by the next. When stdin and stdout are terminals (and TERM is not
// "dumb") lines are read with a small editor on a raw terminal; otherwise
// they are read as plain lines. The terminal is raw only while a line is
// being read, so Python code always runs with the terminal as the user had
// it ('\n' renders as a new line, Ctrl-C sends SIGINT).
#ifndef ESPY_HOST_READLINE_H
#define ESPY_HOST_READLINE_H

#include <stdbool.h>
#include <stddef.h>

// Results of readline_read and readline_paste besides a length >= 0.
#define READLINE_EOF (-1)        // Ctrl-D on an empty line, or end of input
#define READLINE_INTERRUPT (-2)  // Ctrl-C: the line is discarded
#define READLINE_PASTE (-3)      // Ctrl-E on an empty line (READLINE_ALLOW_PASTE)

// Flags of readline_read.
#define READLINE_ALLOW_PASTE 1   // Ctrl-E on an empty line returns READLINE_PASTE
#define READLINE_HISTORY 2       // remember the line for the up/down arrows
#define READLINE_FOR_VM 4        // reading for running code: SIGINT interrupts it

// Checks the terminal and installs the signal handlers (SIGINT calls
// espy_interrupt(); fatal signals restore the terminal). Call once.
void readline_init(void);
// True when lines are read with the editor (stdin and stdout are terminals).
bool readline_is_editing(void);
// True when stdin is a terminal.
bool readline_stdin_is_terminal(void);

// Writes prompt, then reads a line; with the editor, `initial` (may be NULL)
// is already in the line (auto-indentation). On success *line is a malloc'd
// NUL-terminated string without the newline (the caller frees it) and the
// result is its length; otherwise *line is NULL.
int readline_read(char **line, const char *prompt, const char *initial, unsigned flags);

// Paste mode (editor only): writes banner, then echoes everything typed,
// "=== " after each new line, until Ctrl-D (returns the length of *text,
// malloc'd) or Ctrl-C (READLINE_INTERRUPT).
int readline_paste(char **text, const char *banner);

// Reads up to size bytes of stdin (0 at end of input, READLINE_INTERRUPT if
// SIGINT arrived while waiting).
int readline_read_bytes(char *buf, size_t size);

// Number of SIGINTs received so far.
unsigned readline_interrupt_count(void);

// Puts the terminal back as it was (called at exit and on fatal signals).
void readline_restore_terminal(void);

#endif
