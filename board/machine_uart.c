// SPDX-License-Identifier: MIT
// machine.UART (spec section 8.3): UART0, the REPL's console, and UART1,
// which only transmits (on GPIO2). A stream (lib/stream.h), so that
// print(..., file=uart) and the stream methods work.
//
//     UART(id, baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx, rxbuf, timeout, timeout_char)
//
// While UART0 is the REPL's (os.dupterm slot 1, board/console.c), the
// bytes it receives go to sys.stdin: reading it gives None, as on the port;
// after os.dupterm(None, 1) reads get them, waiting `timeout` ms at most
// for the first. Its pins are TX 1 / RX 3, or TX 15 / RX 13 swapped (taken
// but not switched yet: the console stays on 1 and 3). There is one configuration per UART, which every UART object
// for that id shows.
#include "machine.h"
#include "console.h"
#include "stream.h"

typedef struct {
    obj_t base;
    uint8_t id;
} uart_obj_t;

typedef struct {
    uint32_t baudrate;
    uint8_t bits, stop;
    int8_t parity;               // -1 none, 0 even, 1 odd
    uint16_t rxbuf;              // ring size (usable: one less)
    uint32_t timeout, timeout_char;
} uart_config_t;

static const uart_obj_t uarts[2] = {{{&machine_uart_type}, 0}, {{&machine_uart_type}, 1}};

static uart_config_t config[2] = {
    {115200, 8, 1, -1, 16, 0, 1},
    {115200, 8, 1, -1, 16, 0, 1},
};

value_t machine_uart_console(void) {
    return PTR_VAL(&uarts[0]);
}

static const uart_obj_t *uart_self(value_t v) {
    return obj_native(v, &machine_uart_type);
}

static void uart_init(const uart_obj_t *self, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_baudrate, 0},      {Q_bits, 0},           {Q_parity, 0},       {Q_stop, 0},
        {Q_tx, ARG_KW_ONLY},  {Q_rx, ARG_KW_ONLY},   {Q_rxbuf, ARG_KW_ONLY},
        {Q_timeout, ARG_KW_ONLY}, {Q_timeout_char, ARG_KW_ONLY},
    };
    value_t a[9];
    machine_parse_args(n_args, n_kw, args, spec, 9, a);
    uart_config_t c = config[self->id];
    smallint_t baud = machine_int_or(a[0], 0);
    if (baud < 0) {
        raise_msg(&type_ValueError, "invalid baudrate");
    }
    if (baud > 0) {
        c.baudrate = (uint32_t)baud;
    }
    smallint_t bits = machine_int_or(a[1], 0);
    if (bits != 0) {
        if (bits < 5 || bits > 8) {
            raise_msg(&type_ValueError, "invalid data bits");
        }
        c.bits = (uint8_t)bits;
    }
    if (a[2] != VAL_NULL) {
        smallint_t parity = a[2] == VAL_NONE ? -1 : value_get_int(a[2]) & 1;
        c.parity = (int8_t)parity;
    }
    smallint_t stop = machine_int_or(a[3], 0);
    if (stop != 0) {
        if (stop != 1 && stop != 2) {
            raise_msg(&type_ValueError, "invalid stop bits");
        }
        c.stop = (uint8_t)stop;
    }
    if (a[4] != VAL_NULL || a[5] != VAL_NULL) {
        if (a[4] == VAL_NULL || a[5] == VAL_NULL || self->id != 0) {
            raise_msg(&type_ValueError, "invalid tx/rx");
        }
        unsigned tx = machine_pin_get(a[4]), rx = machine_pin_get(a[5]);
        if (!((tx == 1 && rx == 3) || (tx == 15 && rx == 13))) {
            raise_msg(&type_ValueError, "invalid tx/rx");
        }
    }
    if (a[6] != VAL_NULL) {
        smallint_t rxbuf = value_get_int(a[6]);
        if (self->id != 0 || rxbuf < 2 || rxbuf > 4096) {
            raise_msg(&type_ValueError, "invalid rxbuf");
        }
        c.rxbuf = (uint16_t)rxbuf;
    }
    if (a[7] != VAL_NULL) {
        smallint_t t = value_get_int(a[7]);
        c.timeout = t < 0 ? 0 : (uint32_t)t;
    }
    if (a[8] != VAL_NULL) {
        smallint_t t = value_get_int(a[8]);
        c.timeout_char = t < 0 ? 0 : (uint32_t)t;
    }
    // At least one character's time (13 bits, to be safe).
    uint32_t min_char = 13000u / c.baudrate + 1;
    if (c.timeout_char < min_char) {
        c.timeout_char = min_char;
    }
    machine_check(hal_uart_config(self->id, c.baudrate, c.bits, c.parity, c.stop));
    config[self->id] = c;
}

static value_t uart_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "function missing 1 required positional arguments");
    }
    smallint_t id = value_get_int(args[0]);
    if (id != 0 && id != 1) {
        raise_fmt(&type_ValueError, "UART(%d) does not exist", (int)id);
    }
    const uart_obj_t *self = &uarts[id];
    uart_init(self, n_args - 1, n_kw, args + 1);
    return PTR_VAL(self);
}

static value_t uart_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uart_init(uart_self(args[0]), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(uart_init_obj, Q_init, 1, ARGS_MAX, true, uart_init_fn);

static void uart_print(const print_t *p, value_t self, print_kind_t kind) {
    unsigned id = uart_self(self)->id;
    const uart_config_t *c = &config[id];
    print_fmt(p, "UART(%u, baudrate=%u, bits=%u, parity=", id, (unsigned)c->baudrate, (unsigned)c->bits);
    if (c->parity < 0) {
        print_str(p, "None");
    } else {
        print_fmt(p, "%u", (unsigned)c->parity);
    }
    print_fmt(p, ", stop=%u, rxbuf=%u, timeout=%u, timeout_char=%u)", (unsigned)c->stop, (unsigned)c->rxbuf - 1,
              (unsigned)c->timeout, (unsigned)c->timeout_char);
}

// ---- the stream ----------------------------------------------------------------------------------

static void check_readable(value_t self) {
    if (uart_self(self)->id == 1) {
        raise_msg(&type_OSError, "UART(1) can't read");
    }
}

static intptr_t uart_read(value_t self, void *buf, size_t size, int *err) {
    check_readable(self);
    size_t n = size == 0 || console_uart0_attached() ? 0 : console_uart0_read(buf, size, config[0].timeout);
    if (n == 0) {
        *err = ESPY_EAGAIN;       // nothing, or the REPL's bytes (sys.stdin)
        return STREAM_ERROR;
    }
    return (intptr_t)n;
}

static intptr_t uart_write(value_t self, const void *buf, size_t size, int *err) {
    hal_uart_write(uart_self(self)->id, buf, size);
    return (intptr_t)size;
}

static intptr_t uart_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    if (request == STREAM_POLL) {
        uintptr_t ready = STREAM_POLL_WR;
        if (uart_self(self)->id == 0 && !console_uart0_attached() && console_uart0_any()) {
            ready |= STREAM_POLL_RD;
        }
        return (intptr_t)(arg & ready);
    }
    if (request == STREAM_FLUSH || request == STREAM_CLOSE) {
        return 0;
    }
    *err = ESPY_EINVAL;
    return STREAM_ERROR;
}

static const stream_p_t uart_stream_p = {
    .kind = PROTOCOL_STREAM,
    .read = uart_read,
    .write = uart_write,
    .ioctl = uart_ioctl,
};

static value_t uart_any_fn(size_t n_args, size_t n_kw, const value_t *args) {
    check_readable(args[0]);
    return SMALL(!console_uart0_attached() && console_uart0_any() ? 1 : 0);
}
static BUILTIN_FN(uart_any_obj, Q_any, 1, 1, false, uart_any_fn);

// write(buf): bytes-like objects and str alike, as on the port.
static value_t uart_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *data = str_data(args[1], &len);
    buffer_info_t b;
    if (data == NULL) {
        if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
            raise_msg(&type_TypeError, "object with buffer protocol required");
        }
        data = b.buf;
        len = b.len;
    }
    hal_uart_write(uart_self(args[0])->id, data, len);
    return SMALL(len);
}
static BUILTIN_FN(uart_write_obj, Q_write, 2, 2, false, uart_write_fn);

static value_t uart_txdone_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_TRUE;
}
static BUILTIN_FN(uart_txdone_obj, Q_txdone, 1, 1, false, uart_txdone_fn);

static value_t uart_deinit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(uart_deinit_obj, Q_deinit, 1, 1, false, uart_deinit_fn);

static const map_entry_t uart_locals_table[] = {
    {QSTR(Q_any), PTR_VAL(&uart_any_obj)},
    {QSTR(Q_deinit), PTR_VAL(&uart_deinit_obj)},
    {QSTR(Q_flush), PTR_VAL(&stream_flush_obj)},
    {QSTR(Q_init), PTR_VAL(&uart_init_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_txdone), PTR_VAL(&uart_txdone_obj)},
    {QSTR(Q_write), PTR_VAL(&uart_write_obj)},
};
static const map_t uart_locals = MAP_ROM(uart_locals_table);

const type_t machine_uart_type = {
    {&type_type},
    .name = Q_UART,
    .print = uart_print,
    .make_new = uart_make_new,
    .locals = &uart_locals,
    .protocol = &uart_stream_p,
};
