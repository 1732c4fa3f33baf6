// SPDX-License-Identifier: MIT
// Console input of the host program: a small line editor on a raw terminal,
// plain line reading otherwise, paste mode, and the SIGINT handler.
//
// The editor never redraws the prompt: every change is drawn from the
// cursor onwards and the cursor is moved back with ESC [ n D. So it works
// the same after a prompt it wrote (the REPL's ">>> ") and after one the
// running code wrote (input("name? ")). Lines longer than the terminal is
// wide are not handled specially (as in MicroPython's readline).
//
// SIGINT is handled for the whole run. While Python code runs it calls
// espy_interrupt(), so the code gets KeyboardInterrupt. While the REPL waits
// for a line in plain mode it only interrupts the wait, so the typed line is
// discarded and nothing is left pending for the next statement. The editor
// reads Ctrl-C as a byte (the terminal is raw, ISIG off).
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "espy.h"
#include "hal.h"
#include "readline.h"

#define HISTORY_SIZE 50
#define TAB_SPACES 4

#define KEY_CTRL(c) ((c) & 0x1f)
#define ESC 0x1b

// ---- signals ------------------------------------------------------------

static volatile sig_atomic_t sigint_count;
static volatile sig_atomic_t sigint_to_vm = 1;

static void on_sigint(int sig) {
    (void)sig;
    sigint_count++;
    if (sigint_to_vm) {
        espy_interrupt();
    }
}

unsigned readline_interrupt_count(void) {
    return (unsigned)sigint_count;
}

// ---- the terminal -------------------------------------------------------

static bool stdin_tty;
static bool editing;
static struct termios cooked;            // the mode to go back to
static volatile sig_atomic_t raw_active;

static void raw_begin(void) {
    if (tcgetattr(0, &cooked) != 0) {
        return;
    }
    struct termios raw = cooked;
    raw.c_iflag &= ~(tcflag_t)(ICRNL | INLCR | IGNCR | IXON | ISTRIP | BRKINT | INPCK);
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    // TCSADRAIN, not TCSAFLUSH: keys typed ahead (a paste) must not be lost.
    if (tcsetattr(0, TCSADRAIN, &raw) == 0) {
        raw_active = 1;
    }
}

static void raw_end(void) {
    if (raw_active) {
        tcsetattr(0, TCSADRAIN, &cooked);
        raw_active = 0;
    }
}

void readline_restore_terminal(void) {
    raw_end();
}

static void on_fatal_signal(int sig) {
    if (raw_active) {
        tcsetattr(0, TCSANOW, &cooked);       // async-signal-safe
        raw_active = 0;
    }
    // The handler was reset to the default action: die of the signal.
    raise(sig);
}

void readline_init(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;               // no SA_RESTART: a blocked read returns EINTR
    sigaction(SIGINT, &sa, NULL);

    stdin_tty = isatty(0);
    const char *term = getenv("TERM");
    editing = stdin_tty && isatty(1) && !(term != NULL && strcmp(term, "dumb") == 0);
    if (editing) {
        static const int fatal[] = {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
        sa.sa_handler = on_fatal_signal;
        sa.sa_flags = SA_RESETHAND | SA_NODEFER;
        for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) {
            sigaction(fatal[i], &sa, NULL);
        }
        atexit(readline_restore_terminal);
    }
}

bool readline_is_editing(void) {
    return editing;
}

bool readline_stdin_is_terminal(void) {
    return stdin_tty;
}

// ---- reading stdin --------------------------------------------------------

// One buffer for every reader of fd 0.
static char inbuf[4096];
static size_t in_pos, in_len;
// The last line ended with '\r': a '\n' right after it belongs to it.
static bool after_cr;

// The next byte of stdin, -1 at the end of input, or READLINE_INTERRUPT when
// a SIGINT arrived (after `seen` were counted) while waiting.
static int next_byte(unsigned seen) {
    if (in_pos < in_len) {
        return (unsigned char)inbuf[in_pos++];
    }
    for (;;) {
        if ((unsigned)sigint_count != seen) {
            return READLINE_INTERRUPT;
        }
        ssize_t n = read(0, inbuf, sizeof inbuf);
        if (n > 0) {
            in_len = (size_t)n;
            in_pos = 1;
            return (unsigned char)inbuf[0];
        }
        if (n == 0 || errno != EINTR) {
            return -1;
        }
    }
}

int readline_read_bytes(char *buf, size_t size) {
    if (size == 0) {
        return 0;
    }
    if (size > 0x40000000) {
        size = 0x40000000;
    }
    if (in_pos < in_len) {
        size_t n = in_len - in_pos;
        if (n > size) {
            n = size;
        }
        memcpy(buf, inbuf + in_pos, n);
        in_pos += n;
        return (int)n;
    }
    unsigned seen = readline_interrupt_count();
    for (;;) {
        ssize_t n = read(0, buf, size);
        if (n >= 0) {
            return (int)n;
        }
        if (errno != EINTR) {
            return 0;
        }
        if ((unsigned)sigint_count != seen) {
            return READLINE_INTERRUPT;
        }
    }
}

// ---- a growable line --------------------------------------------------------

typedef struct {
    char *buf;
    size_t len, cap;
    size_t pos;      // the cursor, a byte offset
} line_t;

static void line_reserve(line_t *l, size_t more) {
    if (l->len + more + 1 > l->cap) {
        size_t cap = l->cap ? l->cap : 64;
        while (cap < l->len + more + 1) {
            cap *= 2;
        }
        char *buf = realloc(l->buf, cap);
        if (buf == NULL) {
            abort();
        }
        l->buf = buf;
        l->cap = cap;
    }
}

static void line_insert(line_t *l, size_t at, const char *s, size_t n) {
    line_reserve(l, n);
    memmove(l->buf + at + n, l->buf + at, l->len - at);
    memcpy(l->buf + at, s, n);
    l->len += n;
    l->buf[l->len] = '\0';
}

static void line_delete(line_t *l, size_t at, size_t n) {
    memmove(l->buf + at, l->buf + at + n, l->len - at - n);
    l->len -= n;
    l->buf[l->len] = '\0';
}

static void line_set(line_t *l, const char *s) {
    l->len = 0;
    line_insert(l, 0, s, strlen(s));
}

// Returns the line as a malloc'd string and its length.
static int line_finish(line_t *l, char **out) {
    line_reserve(l, 0);
    l->buf[l->len] = '\0';
    *out = l->buf;
    return (int)l->len;
}

// ---- history ------------------------------------------------------------

static char *history[HISTORY_SIZE];     // [0] is the newest
static int history_len;

static void history_add(const char *s) {
    if (s[strspn(s, " \t")] == '\0') {
        return;                          // blank
    }
    if (history_len > 0 && strcmp(history[0], s) == 0) {
        return;                          // same as the previous one
    }
    char *copy = strdup(s);
    if (copy == NULL) {
        return;
    }
    if (history_len == HISTORY_SIZE) {
        free(history[--history_len]);
    }
    memmove(history + 1, history, (size_t)history_len * sizeof history[0]);
    history[0] = copy;
    history_len++;
}

// ---- drawing --------------------------------------------------------------

typedef struct {
    char buf[256];
    size_t len;
} out_t;

static void out_flush(out_t *o) {
    if (o->len) {
        hal_stdout_write(o->buf, o->len);
        o->len = 0;
    }
}

static void out_add(out_t *o, const char *s, size_t n) {
    while (n > 0) {
        if (o->len == sizeof o->buf) {
            out_flush(o);
        }
        size_t k = sizeof o->buf - o->len;
        if (k > n) {
            k = n;
        }
        memcpy(o->buf + o->len, s, k);
        o->len += k;
        s += k;
        n -= k;
    }
}

static void out_str(out_t *o, const char *s) {
    out_add(o, s, strlen(s));
}

// Terminal columns taken by s[0..n): one per UTF-8 character.
static size_t columns(const char *s, size_t n) {
    size_t cols = 0;
    for (size_t i = 0; i < n; i++) {
        cols += ((unsigned char)s[i] & 0xc0) != 0x80;
    }
    return cols;
}

static void out_left(out_t *o, size_t cols) {
    if (cols > 0) {
        char seq[32];
        int k = 0;
        seq[k++] = ESC;
        seq[k++] = '[';
        char digits[20];
        int nd = 0;
        do {
            digits[nd++] = (char)('0' + cols % 10);
            cols /= 10;
        } while (cols);
        while (nd) {
            seq[k++] = digits[--nd];
        }
        seq[k++] = 'D';
        out_add(o, seq, (size_t)k);
    }
}

// Draws the line from `from` to its end, clears what was after it, and
// puts the cursor at `to` (to >= from).
static void draw_tail(out_t *o, line_t *l, size_t from, size_t to) {
    out_add(o, l->buf + from, l->len - from);
    out_str(o, "\x1b[K");
    out_left(o, columns(l->buf + to, l->len - to));
    l->pos = to;
}

// Moves the cursor to byte offset `to`.
static void move_to(out_t *o, line_t *l, size_t to) {
    if (to < l->pos) {
        out_left(o, columns(l->buf + to, l->pos - to));
    } else {
        out_add(o, l->buf + l->pos, to - l->pos);
    }
    l->pos = to;
}

static size_t prev_char(const line_t *l, size_t pos) {
    while (pos > 0 && ((unsigned char)l->buf[--pos] & 0xc0) == 0x80) {
    }
    return pos;
}

static size_t next_char(const line_t *l, size_t pos) {
    if (pos < l->len) {
        pos++;
        while (pos < l->len && ((unsigned char)l->buf[pos] & 0xc0) == 0x80) {
            pos++;
        }
    }
    return pos;
}

// Replaces the whole line (history).
static void replace_line(out_t *o, line_t *l, const char *s) {
    move_to(o, l, 0);
    line_set(l, s);
    draw_tail(o, l, 0, l->len);
}

// ---- the editor ----------------------------------------------------------

enum {
    KEY_NONE = 0x100, KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_DELETE,
};

// Reads the rest of an escape sequence and names the key.
static int read_escape(unsigned seen) {
    int c = next_byte(seen);
    if (c != '[' && c != 'O') {
        return c < 0 ? c : KEY_NONE;     // Alt+key: ignored
    }
    int param = 0;
    for (;;) {
        int b = next_byte(seen);
        if (b < 0) {
            return b;
        }
        if (b >= '0' && b <= '9') {
            if (param < 1000) {
                param = param * 10 + (b - '0');
            }
            continue;
        }
        if (b == ';') {
            continue;                    // modifiers (Ctrl+arrow): ignored
        }
        switch (b) {
            case 'A': return KEY_UP;
            case 'B': return KEY_DOWN;
            case 'C': return KEY_RIGHT;
            case 'D': return KEY_LEFT;
            case 'H': return KEY_HOME;
            case 'F': return KEY_END;
            case '~':
                switch (param) {
                    case 1: case 7: return KEY_HOME;
                    case 4: case 8: return KEY_END;
                    case 3: return KEY_DELETE;
                    default: return KEY_NONE;
                }
            default:
                return KEY_NONE;
        }
    }
}

// How many bytes Backspace removes: after nothing but spaces (the
// auto-indentation) it goes back to the previous multiple of 4, as
// MicroPython's REPL does.
static size_t backspace_width(const line_t *l) {
    size_t i = 0;
    while (i < l->pos && l->buf[i] == ' ') {
        i++;
    }
    if (i == l->pos && l->pos >= TAB_SPACES) {
        size_t n = l->pos % TAB_SPACES;
        return n ? n : TAB_SPACES;
    }
    return l->pos - prev_char(l, l->pos);
}

static int edit_line(char **result, const char *initial, unsigned flags) {
    line_t l = {NULL, 0, 0, 0};
    out_t o = {{0}, 0};
    unsigned seen = readline_interrupt_count();
    line_set(&l, initial ? initial : "");
    draw_tail(&o, &l, 0, l.len);
    out_flush(&o);

    int hist_index = -1;                 // -1: the line being typed
    char *typed = NULL;                  // that line while browsing history
    int status;
    for (;;) {
        int c = next_byte(seen);
        if (after_cr) {
            after_cr = false;
            if (c == '\n') {
                continue;
            }
        }
        if (c == ESC) {
            c = read_escape(seen);
        }
        if (c == -1) {
            status = READLINE_EOF;
            break;
        }
        if (c == READLINE_INTERRUPT || c == KEY_CTRL('C')) {
            move_to(&o, &l, l.len);
            status = READLINE_INTERRUPT;
            break;
        }
        if (c == '\r' || c == '\n') {
            after_cr = c == '\r';
            move_to(&o, &l, l.len);
            status = (int)l.len;
            break;
        }
        switch (c) {
            case KEY_CTRL('D'):
                // On an empty line (or one with only the offered
                // indentation) it ends the input; elsewhere it deletes.
                if (l.buf[strspn(l.buf, " ")] == '\0') {
                    status = READLINE_EOF;
                    goto done;
                }
                __attribute__((fallthrough));     // delete the character under the cursor
            case KEY_DELETE:
                if (l.pos < l.len) {
                    line_delete(&l, l.pos, next_char(&l, l.pos) - l.pos);
                    draw_tail(&o, &l, l.pos, l.pos);
                }
                break;
            case KEY_CTRL('E'):
                if (l.len == 0 && (flags & READLINE_ALLOW_PASTE)) {
                    status = READLINE_PASTE;
                    goto done;
                }
                __attribute__((fallthrough));     // end of line
            case KEY_END:
                move_to(&o, &l, l.len);
                break;
            case KEY_CTRL('A'):
            case KEY_HOME:
                move_to(&o, &l, 0);
                break;
            case KEY_CTRL('B'):
            case KEY_LEFT:
                move_to(&o, &l, prev_char(&l, l.pos));
                break;
            case KEY_CTRL('F'):
            case KEY_RIGHT:
                move_to(&o, &l, next_char(&l, l.pos));
                break;
            case KEY_CTRL('H'):
            case 0x7f:
                if (l.pos > 0) {
                    size_t n = backspace_width(&l);
                    move_to(&o, &l, l.pos - n);
                    line_delete(&l, l.pos, n);
                    draw_tail(&o, &l, l.pos, l.pos);
                }
                break;
            case KEY_CTRL('K'):
                l.len = l.pos;
                l.buf[l.len] = '\0';
                out_str(&o, "\x1b[K");
                break;
            case KEY_CTRL('U'): {
                size_t n = l.pos;
                move_to(&o, &l, 0);
                line_delete(&l, 0, n);
                draw_tail(&o, &l, 0, 0);
                break;
            }
            case KEY_CTRL('W'): {
                size_t start = l.pos;
                while (start > 0 && l.buf[start - 1] == ' ') {
                    start--;
                }
                while (start > 0 && l.buf[start - 1] != ' ') {
                    start--;
                }
                size_t n = l.pos - start;
                move_to(&o, &l, start);
                line_delete(&l, start, n);
                draw_tail(&o, &l, start, start);
                break;
            }
            case KEY_CTRL('I'):
                line_insert(&l, l.pos, "    ", TAB_SPACES);
                draw_tail(&o, &l, l.pos, l.pos + TAB_SPACES);
                break;
            case KEY_CTRL('P'):
            case KEY_UP:
                if (hist_index + 1 < history_len) {
                    if (hist_index < 0) {
                        free(typed);
                        typed = strdup(l.buf);
                    }
                    hist_index++;
                    replace_line(&o, &l, history[hist_index]);
                }
                break;
            case KEY_CTRL('N'):
            case KEY_DOWN:
                if (hist_index >= 0) {
                    hist_index--;
                    replace_line(&o, &l, hist_index >= 0 ? history[hist_index] : typed ? typed : "");
                }
                break;
            default:
                if (c >= 0x20 && c < 0x100 && c != 0x7f) {
                    // A whole UTF-8 character is inserted at once, so that
                    // the redrawn tail is never split inside a character.
                    char ch[4] = {(char)c};
                    size_t n = 1;
                    size_t want = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
                    while (n < want) {
                        int b = next_byte(seen);
                        if (b < 0x80 || b > 0xbf) {
                            break;                 // malformed: dropped
                        }
                        ch[n++] = (char)b;
                    }
                    line_insert(&l, l.pos, ch, n);
                    draw_tail(&o, &l, l.pos, l.pos + n);
                }
                break;
        }
        out_flush(&o);
    }
done:
    out_str(&o, "\r\n");
    out_flush(&o);
    free(typed);
    if (status >= 0) {
        if (flags & READLINE_HISTORY) {
            history_add(l.buf);
        }
        return line_finish(&l, result);
    }
    free(l.buf);
    return status;
}

// Plain reading: the terminal (if any) edits the line itself.
static int plain_line(char **result) {
    line_t l = {NULL, 0, 0, 0};
    line_reserve(&l, 0);
    unsigned seen = readline_interrupt_count();
    int c;
    while ((c = next_byte(seen)) >= 0 && c != '\n') {
        char ch = (char)c;
        line_insert(&l, l.len, &ch, 1);
    }
    if (c == READLINE_INTERRUPT || (c == -1 && l.len == 0)) {
        free(l.buf);
        return c;
    }
    if (l.len > 0 && l.buf[l.len - 1] == '\r') {
        line_delete(&l, l.len - 1, 1);
    }
    return line_finish(&l, result);
}

int readline_read(char **line, const char *prompt, const char *initial, unsigned flags) {
    *line = NULL;
    sigint_to_vm = (flags & READLINE_FOR_VM) != 0;
    int r;
    if (editing) {
        // Raw before the prompt shows: a key pressed as soon as the prompt
        // is seen must reach the editor, not the terminal's line discipline.
        raw_begin();
        hal_stdout_write(prompt, strlen(prompt));
        r = edit_line(line, initial, flags);
        raw_end();
    } else {
        hal_stdout_write(prompt, strlen(prompt));
        r = plain_line(line);
        if (r == READLINE_INTERRUPT) {
            hal_stdout_write("\n", 1);
        }
    }
    sigint_to_vm = 1;
    return r;
}

int readline_paste(char **text, const char *banner) {
    *text = NULL;
    line_t l = {NULL, 0, 0, 0};
    line_reserve(&l, 0);
    unsigned seen = readline_interrupt_count();
    sigint_to_vm = 0;
    raw_begin();
    hal_stdout_write(banner, strlen(banner));
    int status;
    out_t o = {{0}, 0};
    for (;;) {
        out_flush(&o);
        int c = next_byte(seen);
        if (c == KEY_CTRL('C') || c == READLINE_INTERRUPT) {
            status = READLINE_INTERRUPT;
            break;
        }
        if (c == KEY_CTRL('D') || c < 0) {
            status = 0;
            break;
        }
        if (c == '\n' && after_cr) {
            after_cr = false;            // the second half of "\r\n"
            continue;
        }
        after_cr = c == '\r';
        if (c == '\r' || c == '\n') {
            line_insert(&l, l.len, "\n", 1);
            out_str(&o, "\r\n=== ");
        } else {
            char ch = (char)c;
            line_insert(&l, l.len, &ch, 1);
            out_add(&o, &ch, 1);
        }
    }
    out_str(&o, "\r\n");
    out_flush(&o);
    raw_end();
    sigint_to_vm = 1;
    if (status == READLINE_INTERRUPT) {
        free(l.buf);
        return status;
    }
    return line_finish(&l, text);
}
