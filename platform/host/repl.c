// SPDX-License-Identifier: MIT
// The interactive REPL of the host program, modelled on MicroPython's unix
// port: ">>> " and "... " prompts, automatic indentation after a line that
// ends with ':', Ctrl-D to leave, Ctrl-C to drop the statement being typed,
// Ctrl-E for paste mode.
//
// A statement is read line by line until the core says it is complete
// (espy_repl_input_complete: brackets closed, and a compound statement
// ended by an empty line). Every line is passed with its '\n', so an empty
// line shows as "\n\n" at the end. It is then run by espy_repl_run,
// which prints the value of an expression statement. The terminal is back
// in its normal mode while code runs (readline.c), so Ctrl-C then sends
// SIGINT and the code gets KeyboardInterrupt.
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "espy.h"
#include "hal.h"
#include "readline.h"
#include "repl.h"

#define INDENT_STEP 4

#if defined(__clang__)
#define COMPILER_NAME "Clang " __clang_version__
#elif defined(__GNUC__)
#define COMPILER_NAME "GCC " __VERSION__
#else
#define COMPILER_NAME "C compiler"
#endif

static void put(const char *s) {
    hal_stdout_write(s, strlen(s));
}

const char *repl_version_line(void) {
    // __DATE__ is "Mmm dd yyyy"; MicroPython's banner shows yyyy-mm-dd.
    static char line[200];
    if (line[0] == '\0') {
        static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
        const char *d = __DATE__;
        int month = 1;
        for (int m = 0; m < 12; m++) {
            if (strncmp(d, months + 3 * m, 3) == 0) {
                month = m + 1;
            }
        }
        char date[11] = {d[7], d[8], d[9], d[10], '-', (char)('0' + month / 10),
                         (char)('0' + month % 10), '-', d[4] == ' ' ? '0' : d[4], d[5], '\0'};
        const char *parts[] = {"MicroPython-compatible espy ", ESPY_VERSION, " on ", date,
                               "; " ESPY_PLATFORM " [" COMPILER_NAME "] version"};
        size_t len = 0;
        for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
            size_t n = strlen(parts[i]);
            if (len + n >= sizeof line) {
                n = sizeof line - 1 - len;
            }
            memcpy(line + len, parts[i], n);
            len += n;
        }
        line[len] = '\0';
    }
    return line;
}

// ---- the text of a statement ---------------------------------------------

typedef struct {
    char *buf;
    size_t len, cap;
} text_t;

static void text_add(text_t *t, const char *s, size_t n) {
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        while (cap < t->len + n + 1) {
            cap *= 2;
        }
        char *buf = realloc(t->buf, cap);
        if (buf == NULL) {
            abort();
        }
        t->buf = buf;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = '\0';
}

static bool is_blank(const char *s) {
    return s[strspn(s, " \t\f")] == '\0';
}

// Whether a line ends with ':' once a comment is removed; quotes are
// followed so that a '#' or ':' inside a string does not count.
static bool ends_with_colon(const char *s) {
    char quote = 0;
    char last = 0;
    for (; *s; s++) {
        char c = *s;
        if (quote) {
            if (c == '\\' && s[1]) {
                s++;
            } else if (c == quote) {
                quote = 0;
            }
            last = c;
            continue;
        }
        if (c == '#') {
            break;
        }
        if (c == '\'' || c == '"') {
            quote = c;
        }
        if (c != ' ' && c != '\t' && c != '\f' && c != '\r') {
            last = c;
        }
    }
    return quote == 0 && last == ':';
}

// The indentation to offer on the line after `line`: the same as it, one
// step more after a line ending with ':'.
static size_t next_indent(const char *line) {
    size_t n = 0;
    while (line[n] == ' ') {
        n++;
    }
    if (is_blank(line)) {
        n = 0;
    }
    if (ends_with_colon(line)) {
        n += INDENT_STEP;
    }
    return n;
}

// ---- the loop ---------------------------------------------------------------

enum { STATEMENT_READY, STATEMENT_NONE };

// Reads the continuation lines of a statement whose first line is in *t.
static int read_continuation(text_t *t, const char *first) {
    static const char spaces[] = "                                                                ";
    char indent[sizeof spaces];
    const char *last = first;
    char *line = NULL;
    while (!espy_repl_input_complete(t->buf, t->len)) {
        size_t n = next_indent(last);
        if (n > sizeof spaces - 1) {
            n = sizeof spaces - 1;
        }
        memcpy(indent, spaces, n);
        indent[n] = '\0';
        free(line);
        int r = readline_read(&line, "... ", indent, READLINE_HISTORY);
        if (r == READLINE_INTERRUPT) {
            return STATEMENT_NONE;
        }
        if (r == READLINE_EOF) {
            // Ctrl-D: run what was typed (as MicroPython), as if the
            // statement had been ended by an empty line.
            text_add(t, "\n", 1);
            break;
        }
        if (is_blank(line)) {
            line[0] = '\0';         // the offered indentation only: an empty line
        }
        text_add(t, line, strlen(line));
        text_add(t, "\n", 1);
        last = line;
    }
    free(line);
    return STATEMENT_READY;
}

// Paste mode: the text is run as a program (no values printed), as in
// MicroPython. Returns the exit status when the code raised SystemExit
// with a status other than 0 or 1, else -1.
static int paste_mode(void) {
    char *text;
    int r = readline_paste(&text, "paste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
    if (r < 0) {
        return -1;
    }
    int status = espy_run_string(text, (size_t)r, "<stdin>");
    free(text);
    return status == 0 || status == 1 ? -1 : status;
}

int host_repl_run(void) {
    put(repl_version_line());
    put("\nUse Ctrl-D to exit, Ctrl-E for paste mode\n");
    text_t t = {NULL, 0, 0};
    for (;;) {
        char *line;
        int r = readline_read(&line, ">>> ", NULL, READLINE_ALLOW_PASTE | READLINE_HISTORY);
        if (r == READLINE_EOF) {
            if (!readline_is_editing()) {
                put("\n");
            }
            free(t.buf);
            return 0;
        }
        if (r == READLINE_PASTE) {
            int status = paste_mode();
            if (status >= 0) {
                free(t.buf);
                return status;
            }
            continue;
        }
        if (r == READLINE_INTERRUPT) {
            continue;
        }
        if (is_blank(line)) {
            free(line);
            continue;
        }
        t.len = 0;
        text_add(&t, line, (size_t)r);
        text_add(&t, "\n", 1);
        int got = read_continuation(&t, line);
        free(line);
        if (got != STATEMENT_READY) {
            continue;
        }
        int status = espy_repl_run(t.buf, t.len);
        if (status >= 0) {
            free(t.buf);
            return status;
        }
    }
}
