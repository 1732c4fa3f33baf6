// SPDX-License-Identifier: MIT
// The board's console (console.c): UART0 and the streams os.dupterm
// attaches share the REPL, input(), print and tracebacks, as on the port
// (spec: port behaviour sections 4 and 14). repl_getc (board_repl.h) is
// its input side.
#ifndef ESPY_BOARD_CONSOLE_H
#define ESPY_BOARD_CONSOLE_H

#include "board.h"

// Bytes to every attached stream: as they are (the REPL's protocol bytes),
// or cooked, '\n' sent as "\r\n" (program output: the targets' hal_stdout_write
// and hal_stderr_write call it while the board runs).
void console_write(const char *data, size_t len);
void console_write_cooked(const char *data, size_t len);
// Line mode: while the REPL or input() reads, the interrupt character is a
// byte of input; otherwise one coming from a dupterm stream raises
// KeyboardInterrupt (UART0's is the target's business, hal_console_*).
void console_set_line_mode(bool on);

// input() and sys.stdin.read() on the board, as hal_stdin_readline and
// hal_stdin_read want them (the targets call these while the board runs).
int console_readline(char *buf, size_t size);
int console_read(char *buf, size_t size);

// machine.UART(0) (machine_uart.c): the object, whether the REPL holds it
// (then reading it gives None), and reading it once the REPL let go: up to
// size bytes, waiting at most timeout_ms for the first; 0 when none came.
value_t machine_uart_console(void);
bool console_uart0_attached(void);
size_t console_uart0_read(uint8_t *buf, size_t size, uint32_t timeout_ms);
bool console_uart0_any(void);

// board_boot: UART(0) goes into slot 1, at every reset.
void console_attach_uart0(void);
// _webrepl.listen: handler(stream) is scheduled whenever stream is readable
// (a connection waits on a listening socket), checked when the console
// polls; the port's lwIP accept callback (socket option 20) in its place.
// VAL_NULL stops it.
void console_watch(value_t stream, value_t handler);

void console_mark_roots(void);
void console_reset(void);

// os.dupterm(stream, index=0) and os.dupterm_notify(obj), in lib/mod_os.c's table.
extern const builtin_fun_t os_dupterm_obj, os_dupterm_notify_obj;

#endif
