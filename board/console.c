// SPDX-License-Identifier: MIT
// The board's console: what the REPL, input(), print and tracebacks read
// and write, shared by UART0 and the streams os.dupterm attaches, as the
// port's (MicroPython's extmod/os_dupterm.c and the ESP8266 stdin ring;
// spec: port behaviour sections 4 and 14).
//
// Two slots. At every reset slot 1 gets machine.UART(0) (board_boot);
// os.dupterm(None, 1) takes the REPL off UART0, os.dupterm(UART(0), 1)
// gives it back; WebREPL takes slot 0. Output goes to every attached
// stream, slot 0 first; input comes from whichever has some. UART0 is not
// called through its stream: its bytes go to hal_console_write and come
// from hal_console_getc, so with nothing else attached the console is what
// it was without dupterm: no allocation, a blocking wait.
//
// With another stream attached the REPL's wait polls instead: UART0
// without waiting, then each stream's read (a C stream's protocol, or the
// readinto method of one written in Python: None is "nothing now", 0 the
// end), into a 256-byte ring as the port's stdin buffer, every POLL_MS,
// running queued callbacks meanwhile. os.dupterm_notify polls once:
// webrepl.py calls it from a timer, so that Ctrl-C and file transfers get
// through while code runs; then the interrupt character coming from a
// stream raises KeyboardInterrupt instead of being queued.
//
// A stream that ends or fails is detached, with MicroPython's words:
// "dupterm: EOF received, deactivating", or "dupterm: Exception in read()
// method, deactivating: " (write()) and the traceback, printed on what
// remains, and then closed.
#include <stddef.h>
#include <string.h>

#include "console.h"
#include "board_repl.h"
#include "espy.h"
#include "exc.h"
#include "stream.h"
#include "type.h"
#include "vm.h"

#define SLOTS 2
#define RING_SIZE 256               // the port's stdin ring
#define POLL_MS 5
#define PY_READ_SIZE 32             // readinto's buffer for streams written in Python
#define COOK_CHUNK 128

static struct console_state {
    // GC roots, first, for console_mark_roots.
    value_t stream[SLOTS];          // VAL_NULL: empty
    value_t py_buf;                 // a bytearray(PY_READ_SIZE), made when first needed
    value_t watch, watch_handler;   // console_watch
    // The rest.
    bool uart0_off;                 // no slot holds UART(0) (attached until board_boot says)
    bool others;                    // a slot holds another stream: the REPL polls
    bool line_mode;
    bool polling;                   // in poll_streams (no re-entry)
    bool watch_queued;              // the handler is on the schedule queue
    uint8_t writing;                // bit i: slot i's write is running (no re-entry)
    bool peeked;                    // UART(0).any() read a byte ahead:
    uint8_t uart_peek;              // this one
    uint16_t head, tail;            // the ring: empty when equal
    uint8_t ring[RING_SIZE];
} con;                              // zero: bss, not a copy in flash

void console_mark_roots(void) {
    gc_mark_range(&con, offsetof(struct console_state, uart0_off));
}

void console_reset(void) {
    memset(con.stream, 0, sizeof(con.stream));
    con.py_buf = con.watch = con.watch_handler = VAL_NULL;
    con.uart0_off = con.others = con.polling = con.watch_queued = con.peeked = false;
    con.writing = 0;
    con.head = con.tail = 0;
}

static void update_slots(void) {
    value_t uart0 = machine_uart_console();
    con.uart0_off = true;
    con.others = false;
    for (int i = 0; i < SLOTS; i++) {
        if (con.stream[i] == uart0) {
            con.uart0_off = false;
        } else if (con.stream[i] != VAL_NULL) {
            con.others = true;
        }
    }
}

void console_attach_uart0(void) {
    con.stream[1] = machine_uart_console();
    update_slots();
}

bool console_uart0_attached(void) {
    return !con.uart0_off;
}

void console_set_line_mode(bool on) {
    con.line_mode = on;
    hal_console_set_line_mode(on);
}

void console_watch(value_t stream, value_t handler) {
    con.watch = handler == VAL_NULL ? VAL_NULL : stream;
    con.watch_handler = handler;
    con.watch_queued = false;
}

// ---- output ---------------------------------------------------------------------------

static void detach(int i, const char *msg, value_t exc);

static bool is_native(value_t s) {
    return stream_get_maybe(&s) != NULL;
}

static void write_slot(int i, const char *data, size_t len) {
    uint8_t bit = (uint8_t)(1u << i);
    if (con.writing & bit) {
        return;                     // the stream's own write printed: not to itself
    }
    value_t s = con.stream[i];
    con.writing |= bit;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (is_native(s)) {
            value_t native = s;
            stream_get_maybe(&native);
            stream_write_all(native, data, len);
        } else {
            value_t arg = bytearray_new((const uint8_t *)data, len);
            call_method(s, Q_write, 1, &arg);
        }
        nlr_pop();
        con.writing &= (uint8_t)~bit;
    } else {
        con.writing &= (uint8_t)~bit;
        detach(i, "dupterm: Exception in write() method, deactivating: ", nlr.value);
    }
}

void console_write(const char *data, size_t len) {
    if (!con.others) {              // the plain UART
        if (!con.uart0_off) {
            hal_console_write(data, len);
        }
        return;
    }
    value_t uart0 = machine_uart_console();
    for (int i = 0; i < SLOTS; i++) {
        value_t s = con.stream[i];
        if (s == uart0) {
            hal_console_write(data, len);
        } else if (s != VAL_NULL) {
            write_slot(i, data, len);
        }
    }
}

// '\n' as "\r\n", in pieces of COOK_CHUNK bytes (one write, one WebSocket
// frame, per piece rather than per line), cut between UTF-8 characters: a
// browser closes a WebSocket whose text frame is not UTF-8.
void console_write_cooked(const char *data, size_t len) {
    char chunk[COOK_CHUNK];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        bool starts_char = ((uint8_t)data[i] & 0xC0) != 0x80;
        if (n >= COOK_CHUNK - 1 || (n >= COOK_CHUNK - 5 && starts_char)) {
            console_write(chunk, n);
            n = 0;
        }
        if (data[i] == '\n') {
            chunk[n++] = '\r';
        }
        chunk[n++] = data[i];
    }
    if (n > 0) {
        console_write(chunk, n);
    }
}

static void write_cooked_print(void *ctx, const char *data, size_t len) {
    console_write_cooked(data, len);
}

static const print_t console_print = {NULL, write_cooked_print};

static void print_exception(value_t exc) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        exc_print_traceback(&console_print, exc);
        nlr_pop();
    }
}

// Empties the slot first, so that the message goes to the others only;
// the stream's close may fail: that is not reported.
static void detach(int i, const char *msg, value_t exc) {
    value_t s = con.stream[i];
    con.stream[i] = VAL_NULL;
    update_slots();
    console_write_cooked(msg, strlen(msg));
    if (exc != VAL_NULL) {
        print_exception(exc);
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        stream_close(s);
        nlr_pop();
    }
}

// ---- input ----------------------------------------------------------------------------

static size_t ring_room(void) {
    return (size_t)(RING_SIZE - 1 - (con.head - con.tail + RING_SIZE) % RING_SIZE);
}

static void ring_put(uint8_t c) {
    if (!con.line_mode && (int)c == micropython_kbd_intr_char()) {
        espy_interrupt();           // while code runs: KeyboardInterrupt
        return;
    }
    con.ring[con.head] = c;
    con.head = (uint16_t)((con.head + 1) % RING_SIZE);
}

static int ring_get(void) {
    if (con.head == con.tail) {
        return -1;
    }
    int c = con.ring[con.tail];
    con.tail = (uint16_t)((con.tail + 1) % RING_SIZE);
    return c;
}

// What one read of stream s gives into buf: a count, 0 at the end, -1
// when it has nothing now. Raises what the stream raises.
static intptr_t read_stream(value_t s, uint8_t *buf, size_t size) {
    value_t native = s;
    const stream_p_t *p = stream_get_maybe(&native);
    if (p != NULL) {
        if (p->read == NULL) {
            raise_os_error(ESPY_EINVAL);
        }
        int err = 0;
        intptr_t n = p->read(native, buf, size, &err);
        if (n == STREAM_ERROR) {
            if (err == ESPY_EAGAIN) {
                return -1;
            }
            raise_os_error(err);
        }
        return n;
    }
    // Written in Python: readinto(a bytearray of PY_READ_SIZE), kept.
    if (size < PY_READ_SIZE) {
        return -1;                  // the ring is nearly full: later
    }
    if (con.py_buf == VAL_NULL) {
        uint8_t zeros[PY_READ_SIZE] = {0};
        con.py_buf = bytearray_new(zeros, PY_READ_SIZE);
    }
    value_t r = call_method(s, Q_readinto, 1, &con.py_buf);
    if (r == VAL_NONE) {
        return -1;
    }
    smallint_t n = value_get_int(r);
    buffer_info_t b;
    obj_get_buffer_raise(con.py_buf, &b, BUFFER_READ);
    if (n < 0 || (size_t)n > b.len) {
        raise_fmt(&type_ValueError, "readinto returned %d", (int)n);
    }
    memcpy(buf, b.buf, (size_t)n);
    return n;
}

// Moves what slot i's stream has into the ring; true if bytes came.
static bool read_slot(int i) {
    volatile bool got = false;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        for (;;) {
            uint8_t buf[64];
            size_t room = ring_room();
            intptr_t n = read_stream(con.stream[i], buf, room < sizeof(buf) ? room : sizeof(buf));
            if (n < 0) {
                break;
            }
            if (n == 0) {
                nlr_pop();
                detach(i, "dupterm: EOF received, deactivating\n", VAL_NULL);
                return got;
            }
            for (intptr_t k = 0; k < n; k++) {
                ring_put(buf[k]);
            }
            got = true;
            if (con.stream[i] == VAL_NULL) {
                break;              // detached meanwhile
            }
        }
        nlr_pop();
    } else {
        detach(i, "dupterm: Exception in read() method, deactivating: ", nlr.value);
    }
    return got;
}

static value_t watch_fire_fn(size_t n_args, size_t n_kw, const value_t *args) {
    con.watch_queued = false;
    if (con.watch_handler != VAL_NULL && con.watch == args[0]) {
        call_function_1(con.watch_handler, args[0]);
    }
    return VAL_NONE;
}
static BUILTIN_FN(watch_fire_obj, Q_listen, 1, 1, false, watch_fire_fn);

// One look at every attached stream but UART0, and at the watched one;
// true if bytes came into the ring.
static bool poll_streams(void) {
    if (con.polling) {
        return false;
    }
    con.polling = true;
    if (con.watch != VAL_NULL && !con.watch_queued && (stream_poll(con.watch, STREAM_POLL_RD) & STREAM_POLL_RD)
        && micropython_schedule(PTR_VAL(&watch_fire_obj), con.watch)) {
        con.watch_queued = true;
    }
    bool got = false;
    value_t uart0 = machine_uart_console();
    for (int i = 0; i < SLOTS; i++) {
        if (con.stream[i] != VAL_NULL && con.stream[i] != uart0) {
            got |= read_slot(i);
        }
    }
    con.polling = false;
    return got;
}

static void run_scheduled(void) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        micropython_run_scheduled();
        nlr_pop();
    } else {
        print_exception(nlr.value);
    }
}

// A byte for the REPL, waiting as long as it takes (-1 when UART0's input
// has ended); callbacks queued meanwhile run (one that raises has its
// traceback printed), as at the chip's prompt.
int repl_getc(void) {
    for (;;) {
        int c = ring_get();
        if (c >= 0) {
            return c;
        }
        if (!con.uart0_off && con.peeked) {
            con.peeked = false;
            return con.uart_peek;
        }
        if (!con.others && con.watch == VAL_NULL && !con.uart0_off) {
            c = hal_console_getc();             // the plain UART: wait there
            if (c != HAL_CONSOLE_PENDING) {
                return c;
            }
            run_scheduled();
            continue;
        }
        if (!con.uart0_off) {
            c = hal_console_getc_nowait();
            if (c != HAL_CONSOLE_EMPTY) {
                return c;
            }
        }
        if (poll_streams()) {
            continue;
        }
        if (micropython_sched_pending) {
            run_scheduled();
            continue;
        }
        hal_delay_ms(POLL_MS);
    }
}

// os.dupterm_notify(obj): the streams have input (obj is not used).
static value_t os_dupterm_notify_fn(size_t n_args, size_t n_kw, const value_t *args) {
    poll_streams();
    return VAL_NONE;
}
BUILTIN_FN(os_dupterm_notify_obj, Q_dupterm_notify, 1, 1, false, os_dupterm_notify_fn);

// ---- input() and sys.stdin.read() ---------------------------------------------------------

// A line with echo and backspace (one UTF-8 character at a time); a CR LF
// pair ends one line; Ctrl-C gives -2 (KeyboardInterrupt), Ctrl-D on an
// empty line -1 (EOFError). A longer line comes in pieces of size - 1.
int console_readline(char *buf, size_t size) {
    static bool after_cr;
    if (size == 0) {
        return 0;
    }
    size_t n = 0;
    int result = 0;
    bool was_line_mode = con.line_mode;
    console_set_line_mode(true);
    while (n < size - 1) {
        int c = repl_getc();
        bool lf_of_crlf = c == '\n' && after_cr;
        after_cr = c == '\r';
        if (lf_of_crlf) {
            continue;
        }
        if (c < 0 || (c == 0x04 && n == 0)) {
            result = -1;
            break;
        }
        if (c == 0x03) {
            espy_interrupt();
            result = -2;
            break;
        }
        if (c == '\r' || c == '\n') {
            console_write("\r\n", 2);
            break;
        }
        if (c == 0x08 || c == 0x7F) {
            if (n > 0) {
                do {
                    n--;
                } while (n > 0 && ((uint8_t)buf[n] & 0xC0) == 0x80);
                console_write("\b \b", 3);
            }
            continue;
        }
        if (c >= 0x20 || c == '\t') {
            buf[n++] = (char)c;
            console_write(buf + n - 1, 1);
        }
    }
    console_set_line_mode(was_line_mode);
    buf[result == 0 ? n : 0] = '\0';
    return result == 0 ? (int)n : result;
}

// Raw bytes: waits for the first only.
int console_read(char *buf, size_t size) {
    if (size == 0) {
        return 0;
    }
    int c = repl_getc();
    if (c < 0) {
        return 0;
    }
    size_t n = 0;
    buf[n++] = (char)c;
    while (n < size) {
        c = ring_get();
        if (c < 0 && !con.uart0_off) {
            c = hal_console_getc_nowait();
        }
        if (c < 0) {
            break;
        }
        buf[n++] = (char)c;
    }
    return (int)n;
}

// ---- UART(0) when the REPL does not hold it ---------------------------------------------

static int uart0_take(void) {
    if (con.peeked) {
        con.peeked = false;
        return con.uart_peek;
    }
    return hal_console_getc_nowait();
}

size_t console_uart0_read(uint8_t *buf, size_t size, uint32_t timeout_ms) {
    size_t n = 0;
    uint32_t start = hal_ticks_ms();
    while (n < size) {
        int c = uart0_take();
        if (c >= 0) {
            buf[n++] = (uint8_t)c;
            continue;
        }
        if (c == -1 || n > 0 || hal_ticks_ms() - start >= timeout_ms) {
            break;
        }
        hal_delay_ms(1);
        vm_check_interrupt();
    }
    return n;
}

bool console_uart0_any(void) {
    if (!con.peeked) {
        int c = hal_console_getc_nowait();
        if (c >= 0) {
            con.uart_peek = (uint8_t)c;
            con.peeked = true;
        }
    }
    return con.peeked;
}

// ---- os.dupterm ---------------------------------------------------------------------------

// dupterm(stream, index=0): attaches a stream (None detaches) and returns
// the previous one. A stream is a C stream that reads and writes, or an
// object of a class with readinto and write methods (io.IOBase's way).
static value_t os_dupterm_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t index = n_args > 1 ? index_value(args[1]) : 0;
    if (index < 0 || index >= SLOTS) {
        raise_msg(&type_ValueError, "invalid dupterm index");
    }
    value_t stream = args[0];
    if (stream != VAL_NONE) {
        value_t dest[2];
        bool python_stream = VAL_IS_OBJ(stream) && type_is_heap(OBJ(stream)->type) && !is_native(stream)
                             && obj_load_method_maybe(stream, Q_readinto, dest)
                             && obj_load_method_maybe(stream, Q_write, dest);
        if (!python_stream) {
            value_t s = stream;
            stream_get(&s, STREAM_OP_READ | STREAM_OP_WRITE);
        }
    }
    value_t previous = con.stream[index];
    con.stream[index] = stream == VAL_NONE ? VAL_NULL : stream;
    update_slots();
    return previous == VAL_NULL ? VAL_NONE : previous;
}
BUILTIN_FN(os_dupterm_obj, Q_dupterm, 1, 2, false, os_dupterm_fn);
