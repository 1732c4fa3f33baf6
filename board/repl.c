// SPDX-License-Identifier: MIT
// The board's REPL (MicroPython's pyexec): the friendly REPL, paste mode,
// the raw REPL and raw-paste mode on the console, byte for byte as
// shared/spec/repl-protocols.md gives them.
//
// Output goes through hal_stdout_write/hal_stderr_write, which on a board
// send every '\n' as "\r\n"; the protocol's own bytes (prompts, "OK", the
// \x04 markers) go through console_write unchanged; both reach UART0 and
// the streams os.dupterm attached (console.c), and repl_getc reads them
// all. While the REPL reads, the console is in line mode (Ctrl-C is a byte
// it reads); while code runs, Ctrl-C raises KeyboardInterrupt.
#include <string.h>

#include "compile.h"
#include "espy.h"
#include "hal.h"
#include "modules.h"
#include "board_repl.h"
#include "console.h"
#include "machine.h"

#define CTRL(c) ((c) & 0x1F)
#define RAW_PASTE_WINDOW 128    // half the 256-byte input buffer, as MicroPython answers

// The raw REPL survives a soft reset: on the host the process goes on; the
// firmware keeps it across its restart with repl_set_raw.
static bool raw_mode;

static void outs(const char *s) {
    console_write(s, strlen(s));
}

void board_mark_roots(void) {
    console_mark_roots();
    repl_history_mark();
    machine_mark_roots();
}

// A soft reset detaches the dupterm streams and clears the history (the
// raw mode stays).
void board_reset(void) {
    console_reset();
    repl_history_clear();
    machine_reset();
}

bool repl_is_raw(void) {
    return raw_mode;
}

void repl_set_raw(bool raw) {
    raw_mode = raw;
}

// ---- the banner ---------------------------------------------------------------

void repl_banner(void) {
    // __DATE__ is "Mmm dd yyyy"; the banner shows yyyy-mm-dd.
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *d = __DATE__;
    int month = 1;
    for (int m = 0; m < 12; m++) {
        if (memcmp(d, months + 3 * m, 3) == 0) {
            month = m + 1;
        }
    }
    char date[11] = {d[7], d[8], d[9], d[10], '-', (char)('0' + month / 10), (char)('0' + month % 10), '-',
                     d[4] == ' ' ? '0' : d[4], d[5], '\0'};
    outs("MicroPython-compatible espy " ESPY_VERSION " on ");
    outs(date);
    outs("; ");
    outs(hal_board_name());
    outs(" with ESP8266\r\nType \"help()\" for more information.\r\n");
}

// ---- running code ---------------------------------------------------------------

#define EXEC_OK 0
#define EXEC_ERROR 1            // an exception: in *exc
#define EXEC_EXIT 2             // SystemExit: a soft reset

typedef struct reader {
    int (*next)(struct reader *r);          // a byte, or -1 at the end
    const char *text;                       // for text readers
    size_t pos, len;
    size_t received;                        // raw-paste: bytes taken in this window
    bool ended;                             // raw-paste: the host's \x04 came
} reader_t;

static int reader_byte(void *ctx) {
    reader_t *r = ctx;
    return r->next(r);
}

static int text_next(reader_t *r) {
    return r->pos < r->len ? (uint8_t)r->text[r->pos++] : -1;
}

// Compiles (from the reader) and runs code in __main__. The exception, if
// any, is left in *exc for the caller to print where the protocol wants it.
static int exec_code(reader_t *r, compile_mode_t mode, value_t *exc, bool *compiled) {
    *compiled = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t code = compile_reader(reader_byte, r, Q_lt_stdin_gt, mode);
        *compiled = true;
        module_obj_t *main = VAL_PTR(import_main_module());
        vm_interrupt_pending = 0;           // a Ctrl-C typed before is not for this code
        console_set_line_mode(false);
        vm_run_code(code, main->globals, VAL_NULL);
        console_set_line_mode(true);
        nlr_pop();
        return EXEC_OK;
    }
    console_set_line_mode(true);
    *exc = nlr.value;
    return exc_matches(nlr.value, PTR_VAL(&type_SystemExit)) ? EXEC_EXIT : EXEC_ERROR;
}

static void error_write(void *ctx, const char *data, size_t len) {
    hal_stderr_write(data, len);
}

static const print_t error_print = {NULL, error_write};

static void print_exception(value_t exc) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        exc_print_traceback(&error_print, exc);
        nlr_pop();
    } else {
        outs("espy: error while printing an exception\r\n");
    }
}

// ---- the raw REPL ---------------------------------------------------------------

static int raw_paste_next(reader_t *r) {
    if (r->ended) {
        return -1;
    }
    if (r->received == RAW_PASTE_WINDOW) {
        console_write("\x01", 1);       // room for another window
        r->received = 0;
    }
    int c = repl_getc();
    if (c < 0 || c == CTRL('D')) {
        r->ended = true;
        console_write("\x04", 1);       // all received
        return -1;
    }
    r->received++;
    return c;
}

// The output part of a raw command: what the code prints, \x04, the error,
// \x04. Returns REPL_SOFT_RESET after SystemExit, else 0.
static int raw_finish(int status, value_t exc) {
    console_write("\x04", 1);
    if (status == EXEC_ERROR) {
        print_exception(exc);
    }
    console_write("\x04", 1);
    return status == EXEC_EXIT ? REPL_SOFT_RESET : 0;
}

static int raw_paste(void) {
    // "R\x01", the window as uint16 little-endian, and a second window.
    const char answer[] = {'R', 1, RAW_PASTE_WINDOW & 0xFF, RAW_PASTE_WINDOW >> 8, 1};
    console_write(answer, sizeof(answer));
    reader_t r = {raw_paste_next, NULL, 0, 0, 0, false};
    value_t exc = VAL_NULL;
    bool compiled;
    int status = exec_code(&r, COMPILE_FILE, &exc, &compiled);
    if (!compiled && !r.ended) {
        // Compiling stopped early: ask the host to stop, take what it still sends.
        console_write("\x04", 1);
        int c;
        while ((c = repl_getc()) >= 0 && c != CTRL('D')) {
        }
    }
    return raw_finish(status, exc);
}

static int raw_repl(void) {
    vstr_t buf;
    vstr_init(&buf, 64);
restart:
    outs("raw REPL; CTRL-B to exit\r\n");
    for (;;) {
        outs(">");
        buf.len = 0;
        for (;;) {
            int c = repl_getc();
            if (c < 0) {
                return REPL_EOF;
            }
            if (c == CTRL('A')) {
                if (buf.len == 2 && buf.buf[0] == CTRL('E')) {
                    if (buf.buf[1] == 'A') {
                        int r = raw_paste();
                        if (r != 0) {
                            return r;
                        }
                    } else {
                        console_write("R\x00", 2);      // not supported
                    }
                    break;
                }
                goto restart;
            }
            if (c == CTRL('B')) {
                outs("\r\n");
                raw_mode = false;
                repl_banner();
                return 0;
            }
            if (c == CTRL('C')) {
                buf.len = 0;
                continue;
            }
            if (c == CTRL('D')) {
                outs("OK");
                if (buf.len == 0) {
                    outs("\r\n");
                    return REPL_SOFT_RESET;
                }
                reader_t r = {text_next, buf.buf, 0, buf.len, 0, false};
                value_t exc = VAL_NULL;
                bool compiled;
                int status = exec_code(&r, COMPILE_FILE, &exc, &compiled);
                if (raw_finish(status, exc) != 0) {
                    return REPL_SOFT_RESET;
                }
                break;
            }
            vstr_add_char(&buf, (char)c);
        }
    }
}

// ---- the friendly REPL ------------------------------------------------------------

static int paste_mode(void) {
    outs("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    vstr_t text;
    vstr_init(&text, 64);
    for (;;) {
        int c = repl_getc();
        if (c < 0) {
            return REPL_EOF;
        }
        if (c == CTRL('C')) {
            outs("\r\n");
            return 0;
        }
        if (c == CTRL('D')) {
            outs("\r\n");
            break;
        }
        char ch = (char)c;
        vstr_add_char(&text, ch);
        if (c == '\r') {
            outs("\r\n=== ");
        } else {
            console_write(&ch, 1);
        }
    }
    reader_t r = {text_next, text.buf, 0, text.len, 0, false};
    value_t exc = VAL_NULL;
    bool compiled;
    int status = exec_code(&r, COMPILE_FILE, &exc, &compiled);
    if (status == EXEC_ERROR) {
        print_exception(exc);
    }
    return status == EXEC_EXIT ? REPL_SOFT_RESET : 0;
}

static int friendly_repl(void) {
    vstr_t line;
    for (;;) {
        vstr_init(&line, 32);
        int r = repl_readline(&line, ">>> ");
        if (r == REPL_INPUT_END) {
            return REPL_EOF;
        }
        if (r == CTRL('A')) {
            outs("\r\n");
            raw_mode = true;
            return 0;
        }
        if (r == CTRL('B')) {
            outs("\r\n");
            repl_banner();
            continue;
        }
        if (r == CTRL('C')) {
            outs("\r\n");
            continue;
        }
        if (r == CTRL('D')) {
            outs("\r\n");
            return REPL_SOFT_RESET;
        }
        if (r == CTRL('E')) {
            r = paste_mode();
            if (r != 0) {
                return r;
            }
            continue;
        }
        if (line.len == 0) {
            continue;
        }
        // More lines while the statement is incomplete.
        bool cancelled = false;
        for (;;) {
            vstr_add_char(&line, '\n');
            if (espy_repl_input_complete(line.buf, line.len)) {
                break;
            }
            r = repl_readline(&line, "... ");
            if (r == REPL_INPUT_END) {
                return REPL_EOF;
            }
            if (r == CTRL('C')) {
                outs("\r\n");
                cancelled = true;
                break;
            }
            if (r == CTRL('D')) {
                outs("\r\n");
                break;          // runs what was typed
            }
        }
        if (cancelled) {
            continue;
        }
        reader_t rd = {text_next, line.buf, 0, line.len, 0, false};
        value_t exc = VAL_NULL;
        bool compiled;
        int status = exec_code(&rd, COMPILE_SINGLE, &exc, &compiled);
        if (status == EXEC_ERROR) {
            print_exception(exc);
        } else if (status == EXEC_EXIT) {
            return REPL_SOFT_RESET;
        }
    }
}

int repl_run(void) {
    console_set_line_mode(true);
    int r = 0;
    while (r == 0) {
        r = raw_mode ? raw_repl() : friendly_repl();
    }
    console_set_line_mode(false);
    return r;
}
