// SPDX-License-Identifier: MIT
// The friendly REPL's line editor, on the console's bytes, as MicroPython's
// (shared/spec/repl-protocols.md, sections 1 and 2.3-2.4): echo, backspace
// (four spaces at once in the indentation), cursor keys and Home/End/Delete
// in their VT100 forms, a history of 8 lines, Tab completion from the
// globals of __main__ and attributes, and automatic indentation.
//
// The line is appended to a vstr that may already hold earlier lines of
// the same statement (each ended by '\n'): auto-indent looks at them. Only
// the part after `start` is edited.
#include <string.h>

#include "board.h"
#include "hal.h"
#include "board_repl.h"
#include "console.h"
#include "vm.h"

#define HISTORY 8
#define CTRL(c) ((c) & 0x1F)
#define ESC 0x1B

// The history: str objects, newest first. A GC root (board_mark_roots).
static value_t history[HISTORY];

void repl_history_mark(void) {
    gc_mark_range(history, sizeof(history));
}

void repl_history_clear(void) {
    memset(history, 0, sizeof(history));
}

static struct {
    vstr_t *line;
    size_t start;           // where this line begins in line->buf
    size_t cursor;          // absolute offset in line->buf
    int hist;               // history entry shown (-1: the line being typed)
    bool just_indented;     // auto-indent added spaces and nothing was typed since
    int last_eol;           // the '\r' or '\n' that ended the last line, else 0
} rl;

static void out(const char *s, size_t n) {
    console_write(s, n);
}

static void outs(const char *s) {
    out(s, strlen(s));
}

static void out_num(const char *pre, unsigned n, char post) {
    char buf[16];
    size_t k = sizeof(buf);
    buf[--k] = post;
    do {
        buf[--k] = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    outs(pre);
    out(buf + k, sizeof(buf) - k);
}

static void cursor_back(size_t n) {
    if (n == 0) {
        return;
    }
    if (n <= 4) {
        out("\b\b\b\b", n);   // shorter than an escape sequence
    } else {
        out_num("\x1b[", (unsigned)n, 'D');
    }
}

static void cursor_forward(size_t n) {
    if (n > 0) {
        out_num("\x1b[", (unsigned)n, 'C');
    }
}

// Redraws from the cursor to the end of the line (after an edit that moved
// the text there), erases what is left of the old text, puts the cursor back.
static void redraw_from_cursor(size_t erase_extra) {
    size_t rest = rl.line->len - rl.cursor;
    out(rl.line->buf + rl.cursor, rest);
    if (erase_extra > 0) {
        outs("\x1b[K");
    }
    cursor_back(rest);
}

static void insert(const char *s, size_t n) {
    vstr_t *l = rl.line;
    size_t tail = l->len - rl.cursor;
    vstr_extend(l, n);
    memmove(l->buf + rl.cursor + n, l->buf + rl.cursor, tail);
    memcpy(l->buf + rl.cursor, s, n);
    out(s, n);
    rl.cursor += n;
    if (tail > 0) {
        redraw_from_cursor(0);
    }
}

// Deletes n bytes before the cursor.
static void delete_back(size_t n) {
    vstr_t *l = rl.line;
    memmove(l->buf + rl.cursor - n, l->buf + rl.cursor, l->len - rl.cursor);
    l->len -= n;
    rl.cursor -= n;
    cursor_back(n);
    redraw_from_cursor(n);
}

// Replaces the line by text (a history entry).
static void replace_line(const char *text, size_t n) {
    cursor_back(rl.cursor - rl.start);
    rl.line->len = rl.start;
    rl.cursor = rl.start;
    outs("\x1b[K");
    insert(text, n);
}

// ---- auto-indent ------------------------------------------------------------

// The indentation of the line that begins at buf[i] (up to end).
static size_t spaces_at(const char *buf, size_t i, size_t end) {
    size_t j = i;
    while (j < end && buf[j] == ' ') {
        j++;
    }
    return j - i;
}

// At the start of a continuation line: the previous line's indentation
// (in steps of 4), one more after a ':'; none after two blank lines.
static void auto_indent(void) {
    vstr_t *l = rl.line;
    size_t end = rl.start;                   // just after the previous line's '\n'
    if (end < 2 || l->buf[end - 1] != '\n') {
        return;
    }
    size_t prev = end - 1;                   // start of the previous line
    while (prev > 0 && l->buf[prev - 1] != '\n') {
        prev--;
    }
    size_t n = spaces_at(l->buf, prev, end - 1);
    if (prev + n == end - 1 && prev > 0) {
        // The previous line is blank: so is the one before it?
        size_t before = prev - 1;
        while (before > 0 && l->buf[before - 1] != '\n') {
            before--;
        }
        if (before + spaces_at(l->buf, before, prev - 1) == prev - 1) {
            return;
        }
    }
    size_t levels = n / 4 + (l->buf[end - 2] == ':' ? 1 : 0);
    for (size_t i = 0; i < levels; i++) {
        insert("    ", 4);
    }
    rl.just_indented = levels > 0;
}

// ---- completion -------------------------------------------------------------

typedef struct {
    const char *word;       // what was typed of the name
    size_t len;
    size_t count;           // names that match
    value_t first;          // the first match (a str)
    size_t common;          // how far all matches agree beyond len
    bool print;             // second pass: print them
    size_t column;
} completion_t;

static void completion_add(completion_t *c, value_t name) {
    size_t n;
    const char *s = str_data(name, &n);
    if (s == NULL || n < c->len || memcmp(s, c->word, c->len) != 0) {
        return;
    }
    if (c->len == 0 && s[0] == '_') {
        return;                                  // private names only when asked for
    }
    if (c->print) {
        // Columns of 16, at most 4 to a line, as MicroPython.
        size_t width = (n / 16 + 1) * 16;
        if (c->column > 0 && c->column + width > 64) {
            outs("\r\n");
            c->column = 0;
        }
        out(s, n);
        c->column += width;
        if (c->column < 64) {
            for (size_t i = n; i < width; i++) {
                out(" ", 1);
            }
        }
        return;
    }
    if (c->count++ == 0) {
        c->first = name;
        c->common = n - c->len;
        return;
    }
    size_t fn;
    const char *f = str_data(c->first, &fn);
    size_t k = 0;
    while (k < c->common && c->len + k < n && f[c->len + k] == s[c->len + k]) {
        k++;
    }
    c->common = k;
}

static void completion_scan(completion_t *c, value_t names) {
    size_t n;
    value_t *items = seq_items(names, &n);
    for (size_t i = 0; items != NULL && i < n; i++) {
        completion_add(c, items[i]);
    }
}

// The names the word could complete to: attributes of the object the
// dotted prefix names, or the globals of __main__ and the builtins.
static void completion_names(completion_t *c, const char *expr, size_t len) {
    value_t main_globals = ((module_obj_t *)VAL_PTR(import_main_module()))->globals;
    value_t dir = PTR_VAL(&builtin_dir_obj);
    const char *dot = NULL;
    for (size_t i = 0; i < len; i++) {
        if (expr[i] == '.') {
            dot = expr + i;
        }
    }
    if (dot == NULL) {
        completion_scan(c, list_from_iter(main_globals));
        completion_scan(c, call_function_1(dir, import_module(Q_builtins)));
        return;
    }
    // Walk the dotted names without calling anything but getattr.
    value_t obj = VAL_NULL;
    const char *p = expr;
    while (p < dot) {
        const char *q = p;
        while (q < dot && *q != '.') {
            q++;
        }
        qstr_t name = qstr_from_strn(p, (size_t)(q - p));
        if (obj == VAL_NULL) {
            obj = dict_get(main_globals, QSTR(name));
            if (obj == VAL_NULL) {
                obj = obj_getattr_maybe(import_module(Q_builtins), name);
            }
        } else {
            obj = obj_getattr_maybe(obj, name);
        }
        if (obj == VAL_NULL) {
            return;
        }
        p = q + 1;
    }
    completion_scan(c, call_function_1(dir, obj));
}

static bool is_name_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_'
           || ch == '.' || (ch & 0x80);
}

static void complete(const char *prompt) {
    vstr_t *l = rl.line;
    size_t from = rl.cursor;
    while (from > rl.start && is_name_char(l->buf[from - 1])) {
        from--;
    }
    size_t len = rl.cursor - from;
    char *expr = gc_alloc(len + 1, GC_LEAF);
    memcpy(expr, l->buf + from, len);
    const char *word = expr;
    for (size_t i = 0; i < len; i++) {
        if (expr[i] == '.') {
            word = expr + i + 1;
        }
    }
    completion_t c = {word, len - (size_t)(word - expr), 0, VAL_NULL, 0, false, 0};
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        completion_names(&c, expr, len);
        if (c.count == 1 || c.common > 0) {
            size_t n;
            const char *f = str_data(c.first, &n);
            insert(f + c.len, c.common);
        } else if (c.count > 1) {
            outs("\r\n");
            c.print = true;
            completion_names(&c, expr, len);
            outs("\r\n");
            outs(prompt);
            out(l->buf + rl.start, l->len - rl.start);
            cursor_back(l->len - rl.cursor);
        }
        nlr_pop();
    }
    // An error while looking (a property that raises) just completes nothing.
}

// ---- the editor ---------------------------------------------------------------

static void history_push(void) {
    const char *s = rl.line->buf + rl.start;
    size_t n = rl.line->len - rl.start;
    if (n == 0) {
        return;
    }
    size_t hn;
    const char *h = history[0] != VAL_NULL ? str_data(history[0], &hn) : NULL;
    if (h != NULL && hn == n && memcmp(h, s, n) == 0) {
        return;
    }
    value_t entry = str_new(s, n);
    memmove(history + 1, history, (HISTORY - 1) * sizeof(value_t));
    history[0] = entry;
}

static void history_show(int k) {
    if (k < -1 || k >= HISTORY || (k >= 0 && history[k] == VAL_NULL)) {
        return;
    }
    rl.hist = k;
    if (k < 0) {
        replace_line("", 0);
    } else {
        size_t n;
        const char *s = str_data(history[k], &n);
        replace_line(s, n);
    }
}

// An escape sequence (ESC already read): returns false at the end of input.
static bool escape(void) {
    int c1 = repl_getc();
    if (c1 < 0) {
        return false;
    }
    if (c1 != '[' && c1 != 'O') {
        return true;
    }
    int c2 = repl_getc();
    if (c2 < 0) {
        return false;
    }
    if (c2 >= '0' && c2 <= '9') {
        int c3 = repl_getc();
        if (c3 < 0) {
            return false;
        }
        if (c3 != '~') {
            return true;
        }
        c2 = c2 == '1' || c2 == '7' ? 'H' : c2 == '4' || c2 == '8' ? 'F' : c2 == '3' ? 'X' : 0;
    } else if (c1 == 'O' && c2 != 'H' && c2 != 'F') {
        return true;
    }
    size_t len = rl.line->len;
    switch (c2) {
        case 'A':
            history_show(rl.hist + 1);
            break;
        case 'B':
            history_show(rl.hist - 1);
            break;
        case 'C':
            if (rl.cursor < len) {
                cursor_forward(1);
                rl.cursor++;
            }
            break;
        case 'D':
            if (rl.cursor > rl.start) {
                cursor_back(1);
                rl.cursor--;
            }
            break;
        case 'H':
            cursor_back(rl.cursor - rl.start);
            rl.cursor = rl.start;
            break;
        case 'F':
            cursor_forward(len - rl.cursor);
            rl.cursor = len;
            break;
        case 'X':                                     // Delete
            if (rl.cursor < len) {
                rl.cursor++;
                delete_back(1);
            }
            break;
        default:
            break;
    }
    return true;
}

int repl_readline(vstr_t *line, const char *prompt) {
    outs(prompt);
    rl.line = line;
    rl.start = line->len;
    rl.cursor = line->len;
    rl.hist = -1;
    rl.just_indented = false;
    auto_indent();
    // rl.last_eol carries over from the previous line: only the first byte
    // of this one can be the other half of its "\r\n".
    for (;;) {
        int c = repl_getc();
        if (c < 0) {
            return REPL_INPUT_END;
        }
        bool empty = line->len == rl.start;
        bool was_indented = rl.just_indented;
        rl.just_indented = false;
        int last_eol = rl.last_eol;
        rl.last_eol = 0;
        if ((c == '\r' || c == '\n') && last_eol != 0 && c != last_eol) {
            continue;                           // the second half of "\r\n" or "\n\r"
        }
        if (c == '\r' || c == '\n') {
            rl.last_eol = c;
            history_push();
            outs("\r\n");
            return 0;
        }
        if (c == CTRL('C')) {
            return c;
        }
        if (c == CTRL('A') || c == CTRL('B') || c == CTRL('D') || c == CTRL('E')) {
            if (empty) {
                return c;
            }
            if (c == CTRL('A')) {
                cursor_back(rl.cursor - rl.start);
                rl.cursor = rl.start;
            } else if (c == CTRL('E')) {
                cursor_forward(line->len - rl.cursor);
                rl.cursor = line->len;
            }
            continue;
        }
        if (c == 0x08 || c == 0x7F) {
            if (rl.cursor == rl.start) {
                continue;
            }
            size_t n = 1;
            size_t before = rl.cursor - rl.start;
            if (before >= 4 && spaces_at(line->buf, rl.start, rl.cursor) == before) {
                n = 4;
            } else {
                // A whole UTF-8 character.
                while (n < before && ((uint8_t)line->buf[rl.cursor - n] & 0xC0) == 0x80) {
                    n++;
                }
            }
            delete_back(n);
            continue;
        }
        if (c == '\t') {
            if (was_indented) {
                continue;                       // keeps the indentation, turns it off
            }
            if (rl.cursor == rl.start || line->buf[rl.cursor - 1] == ' ') {
                insert("    ", 4);
            } else {
                complete(prompt);
            }
            continue;
        }
        if (c == ESC) {
            if (!escape()) {
                return REPL_INPUT_END;
            }
            continue;
        }
        if (c == ' ' && was_indented) {
            delete_back(3);                     // one space of the four stays
            continue;
        }
        if (c >= 0x20 && c < 0x7F) {
            char ch = (char)c;
            insert(&ch, 1);
        }
        // Other control bytes and bytes >= 0x80 are ignored (paste or raw
        // mode take any byte).
    }
}
