// SPDX-License-Identifier: MIT
// machine.SoftI2C (also machine.I2C on this port, spec section 8.5): an I2C
// master bit-banged on two open-drain pins, as MicroPython's
// extmod/machine_i2c.c does it.
//
//     SoftI2C(scl, sda, *, freq=400000, timeout=50000)
//
// The half period is 500000 / freq microseconds (at least 1), so the
// repr's freq is what that gives (400 kHz shows as 500000). A slave may
// stretch the clock: the master waits up to `timeout` us for SCL to rise,
// then OSError(ETIMEDOUT). An address nobody acknowledges is
// OSError(ENODEV); a data byte without ACK ends a write, which returns the
// number of bytes acknowledged.
#include "machine.h"
#include "strimpl.h"

typedef struct {
    obj_t base;
    uint8_t scl, sda;
    uint32_t delay_us;           // half a clock period
    uint32_t timeout_us;         // for clock stretching
} i2c_obj_t;

// ---- the bus ----------------------------------------------------------------------------------

static void delay(i2c_obj_t *i2c) {
    hal_delay_us(i2c->delay_us);
}

static void scl_low(i2c_obj_t *i2c) {
    hal_pin_write(i2c->scl, 0);
}

static void sda_low(i2c_obj_t *i2c) {
    hal_pin_write(i2c->sda, 0);
}

static void sda_release(i2c_obj_t *i2c) {
    hal_pin_write(i2c->sda, 1);
}

// Lets SCL go and waits for it to be high: -ETIMEDOUT if a slave holds it.
static int scl_release(i2c_obj_t *i2c) {
    hal_pin_write(i2c->scl, 1);
    delay(i2c);
    uint32_t start = hal_ticks_us();
    while (!hal_pin_read(i2c->scl)) {
        if (hal_ticks_us() - start >= i2c->timeout_us) {
            return -ESPY_ETIMEDOUT;
        }
    }
    return 0;
}

static int bus_start(i2c_obj_t *i2c) {
    sda_release(i2c);
    delay(i2c);
    int r = scl_release(i2c);
    if (r < 0) {
        return r;
    }
    sda_low(i2c);
    delay(i2c);
    return 0;
}

static int bus_stop(i2c_obj_t *i2c) {
    delay(i2c);
    sda_low(i2c);
    delay(i2c);
    int r = scl_release(i2c);
    sda_release(i2c);
    delay(i2c);
    return r;
}

// Sends a byte: 1 when it was acknowledged, 0 when not, or -ETIMEDOUT.
static int write_byte(i2c_obj_t *i2c, uint8_t byte) {
    delay(i2c);
    scl_low(i2c);
    for (int bit = 7; bit >= 0; bit--) {
        hal_pin_write(i2c->sda, (byte >> bit) & 1);
        delay(i2c);
        int r = scl_release(i2c);
        if (r < 0) {
            return r;
        }
        scl_low(i2c);
    }
    sda_release(i2c);
    delay(i2c);
    int r = scl_release(i2c);
    if (r < 0) {
        return r;
    }
    int ack = !hal_pin_read(i2c->sda);
    delay(i2c);
    scl_low(i2c);
    return ack;
}

// Reads a byte, answering ACK, or NACK for the last byte of a read.
static int read_byte(i2c_obj_t *i2c, uint8_t *out, bool nack) {
    delay(i2c);
    scl_low(i2c);
    delay(i2c);
    uint8_t byte = 0;
    for (int bit = 7; bit >= 0; bit--) {
        int r = scl_release(i2c);
        if (r < 0) {
            return r;
        }
        byte = (uint8_t)(byte << 1 | hal_pin_read(i2c->sda));
        scl_low(i2c);
        delay(i2c);
    }
    *out = byte;
    if (!nack) {
        sda_low(i2c);
    }
    delay(i2c);
    int r = scl_release(i2c);
    if (r < 0) {
        return r;
    }
    scl_low(i2c);
    sda_release(i2c);
    return 0;
}

// One transfer: the address, then writes of each buffer in turn, or a read
// into the first. The count of bytes written and acknowledged (a write
// stops at the first NACK), the count read, or a negative ESPY_E* value.
static int transfer(i2c_obj_t *i2c, unsigned addr, size_t n, const buffer_info_t *bufs, bool read, bool stop) {
    int r = bus_start(i2c);
    if (r < 0) {
        return r;
    }
    r = write_byte(i2c, (uint8_t)(addr << 1 | (read ? 1 : 0)));
    if (r <= 0) {
        bus_stop(i2c);
        return r < 0 ? r : -ESPY_ENODEV;
    }
    int count = 0;
    if (read) {
        uint8_t *buf = bufs[0].buf;
        for (size_t i = 0; i < bufs[0].len; i++) {
            r = read_byte(i2c, &buf[i], i + 1 == bufs[0].len);
            if (r < 0) {
                return r;
            }
            count++;
        }
    } else {
        for (size_t b = 0; b < n; b++) {
            const uint8_t *buf = bufs[b].buf;
            for (size_t i = 0; i < bufs[b].len; i++) {
                r = write_byte(i2c, buf[i]);
                if (r < 0) {
                    return r;
                }
                if (r == 0) {
                    goto done;
                }
                count++;
            }
        }
    }
done:
    if (stop) {
        r = bus_stop(i2c);
        if (r < 0) {
            return r;
        }
    }
    return count;
}

static int checked(int r) {
    machine_check(r);
    return r;
}

// ---- construction -----------------------------------------------------------------------

static i2c_obj_t *i2c_self(value_t v) {
    return obj_native(v, &machine_softi2c_type);
}

static void i2c_init(i2c_obj_t *self, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_scl, ARG_REQUIRED}, {Q_sda, ARG_REQUIRED}, {Q_freq, 0}, {Q_timeout, ARG_KW_ONLY},
    };
    value_t a[4];
    machine_parse_args(n_args, n_kw, args, spec, 4, a);
    self->scl = (uint8_t)machine_pin_get(a[0]);
    self->sda = (uint8_t)machine_pin_get(a[1]);
    smallint_t freq = machine_int_or(a[2], 400000);
    if (freq <= 0) {
        raise_msg(&type_ValueError, "freq must be positive");
    }
    self->delay_us = freq > 500000 ? 1 : (uint32_t)(500000 / freq);
    smallint_t timeout = machine_int_or(a[3], 50000);
    self->timeout_us = timeout < 0 ? 0 : (uint32_t)timeout;
    machine_pin_od(self->scl);
    machine_pin_od(self->sda);
    bus_stop(self);              // a bus a previous user left in the middle of a byte
}

static value_t i2c_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    i2c_obj_t *self = gc_alloc(sizeof(i2c_obj_t), 0);
    self->base.type = &machine_softi2c_type;
    i2c_init(self, n_args, n_kw, args);
    return PTR_VAL(self);
}

static value_t i2c_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    i2c_init(i2c_self(args[0]), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(i2c_init_obj, Q_init, 1, ARGS_MAX, true, i2c_init_fn);

static void i2c_print(const print_t *p, value_t self, print_kind_t kind) {
    i2c_obj_t *i2c = i2c_self(self);
    print_fmt(p, "SoftI2C(scl=%u, sda=%u, freq=%u)", (unsigned)i2c->scl, (unsigned)i2c->sda,
              (unsigned)(500000 / i2c->delay_us));
}

// ---- the methods ---------------------------------------------------------------------------

static value_t i2c_scan_fn(size_t n_args, size_t n_kw, const value_t *args) {
    i2c_obj_t *i2c = i2c_self(args[0]);
    value_t list = list_new(0, NULL);
    for (unsigned addr = 0x08; addr < 0x78; addr++) {
        int r = transfer(i2c, addr, 0, NULL, false, true);
        if (r == 0) {
            list_append(list, SMALL(addr));
        } else if (r != -ESPY_ENODEV) {
            machine_check(r);
        }
        vm_check_interrupt();
    }
    return list;
}
static BUILTIN_FN(i2c_scan_obj, Q_scan, 1, 1, false, i2c_scan_fn);

static value_t i2c_start_fn(size_t n_args, size_t n_kw, const value_t *args) {
    checked(bus_start(i2c_self(args[0])));
    return VAL_NONE;
}
static BUILTIN_FN(i2c_start_obj, Q_start, 1, 1, false, i2c_start_fn);

static value_t i2c_stop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    checked(bus_stop(i2c_self(args[0])));
    return VAL_NONE;
}
static BUILTIN_FN(i2c_stop_obj, Q_stop, 1, 1, false, i2c_stop_fn);

// readinto(buf, nack=True): reads len(buf) bytes, the last answered NACK.
static value_t i2c_readinto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    i2c_obj_t *i2c = i2c_self(args[0]);
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_WRITE)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    bool nack = n_args > 2 ? obj_is_true(args[2]) : true;
    uint8_t *buf = b.buf;
    for (size_t i = 0; i < b.len; i++) {
        checked(read_byte(i2c, &buf[i], nack && i + 1 == b.len));
    }
    return VAL_NONE;
}
static BUILTIN_FN(i2c_readinto_obj, Q_readinto, 2, 3, false, i2c_readinto_fn);

// write(buf): the number of bytes acknowledged (stops at a NACK).
static value_t i2c_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    i2c_obj_t *i2c = i2c_self(args[0]);
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    const uint8_t *buf = b.buf;
    size_t count = 0;
    for (; count < b.len; count++) {
        if (checked(write_byte(i2c, buf[count])) == 0) {
            break;
        }
    }
    return SMALL(count);
}
static BUILTIN_FN(i2c_write_obj, Q_write, 2, 2, false, i2c_write_fn);

static bool stop_arg(size_t n_args, size_t n_kw, const value_t *args, size_t position) {
    value_t v = n_args > position ? args[position] : arg_kw(n_args, n_kw, args, Q_stop);
    return v == VAL_NULL || obj_is_true(v);
}

static void stop_only(size_t n_args, size_t n_kw, const value_t *args, size_t max_positional) {
    static const qstr_t allowed[] = {Q_stop, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_NULL);
    if (n_args > max_positional) {
        raise_msg(&type_TypeError, "extra positional arguments given");
    }
}

// readfrom(addr, nbytes, stop=True) -> bytes
static value_t i2c_readfrom_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stop_only(n_args, n_kw, args, 4);
    i2c_obj_t *i2c = i2c_self(args[0]);
    smallint_t n = value_get_int(args[2]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative count");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n);
    buffer_info_t b = {vstr_extend(&vs, (size_t)n), (size_t)n, 'B'};
    checked(transfer(i2c, (unsigned)value_get_int(args[1]), 1, &b, true, stop_arg(n_args, n_kw, args, 3)));
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(i2c_readfrom_obj, Q_readfrom, 3, 4, true, i2c_readfrom_fn);

// readfrom_into(addr, buf, stop=True)
static value_t i2c_readfrom_into_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stop_only(n_args, n_kw, args, 4);
    buffer_info_t b;
    if (!obj_get_buffer(args[2], &b, BUFFER_WRITE)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    checked(transfer(i2c_self(args[0]), (unsigned)value_get_int(args[1]), 1, &b, true,
                     stop_arg(n_args, n_kw, args, 3)));
    return VAL_NONE;
}
static BUILTIN_FN(i2c_readfrom_into_obj, Q_readfrom_into, 3, 4, true, i2c_readfrom_into_fn);

// writeto(addr, buf, stop=True): the number of bytes acknowledged.
static value_t i2c_writeto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stop_only(n_args, n_kw, args, 4);
    buffer_info_t b;
    if (!obj_get_buffer(args[2], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    return SMALL(checked(transfer(i2c_self(args[0]), (unsigned)value_get_int(args[1]), 1, &b, false,
                                  stop_arg(n_args, n_kw, args, 3))));
}
static BUILTIN_FN(i2c_writeto_obj, Q_writeto, 3, 4, true, i2c_writeto_fn);

// writevto(addr, vector, stop=True): the buffers of vector in one write.
static value_t i2c_writevto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stop_only(n_args, n_kw, args, 4);
    size_t n;
    value_t *items = machine_items(args[2], &n);
    if (n > 8) {
        raise_msg(&type_ValueError, "too many buffers (at most 8)");
    }
    buffer_info_t bufs[8];
    for (size_t i = 0; i < n; i++) {
        if (!obj_get_buffer(items[i], &bufs[i], BUFFER_READ)) {
            raise_msg(&type_TypeError, "object with buffer protocol required");
        }
    }
    return SMALL(checked(transfer(i2c_self(args[0]), (unsigned)value_get_int(args[1]), n, bufs, false,
                                  stop_arg(n_args, n_kw, args, 3))));
}
static BUILTIN_FN(i2c_writevto_obj, Q_writevto, 3, 4, true, i2c_writevto_fn);

// The memory address as addrsize / 8 bytes, most significant first.
static size_t mem_address(size_t n_args, size_t n_kw, const value_t *args, uint8_t out[4]) {
    static const qstr_t allowed[] = {Q_addrsize, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_NULL);
    smallint_t bits = machine_int_or(arg_kw(n_args, n_kw, args, Q_addrsize), 8);
    if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
        raise_msg(&type_ValueError, "invalid addrsize");
    }
    uint32_t memaddr = (uint32_t)value_get_int(args[2]);
    size_t n = (size_t)bits / 8;
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint8_t)(memaddr >> (8 * (n - 1 - i)));
    }
    return n;
}

static void read_mem(size_t n_args, size_t n_kw, const value_t *args, buffer_info_t *into) {
    uint8_t addr_bytes[4];
    buffer_info_t a = {addr_bytes, mem_address(n_args, n_kw, args, addr_bytes), 'B'};
    i2c_obj_t *i2c = i2c_self(args[0]);
    unsigned addr = (unsigned)value_get_int(args[1]);
    checked(transfer(i2c, addr, 1, &a, false, false));
    checked(transfer(i2c, addr, 1, into, true, true));
}

// readfrom_mem(addr, memaddr, nbytes, *, addrsize=8) -> bytes
static value_t i2c_readfrom_mem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t n = value_get_int(args[3]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative count");
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)n);
    buffer_info_t b = {vstr_extend(&vs, (size_t)n), (size_t)n, 'B'};
    read_mem(n_args, n_kw, args, &b);
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(i2c_readfrom_mem_obj, Q_readfrom_mem, 4, 4, true, i2c_readfrom_mem_fn);

// readfrom_mem_into(addr, memaddr, buf, *, addrsize=8)
static value_t i2c_readfrom_mem_into_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t b;
    if (!obj_get_buffer(args[3], &b, BUFFER_WRITE)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    read_mem(n_args, n_kw, args, &b);
    return VAL_NONE;
}
static BUILTIN_FN(i2c_readfrom_mem_into_obj, Q_readfrom_mem_into, 4, 4, true, i2c_readfrom_mem_into_fn);

// writeto_mem(addr, memaddr, buf, *, addrsize=8)
static value_t i2c_writeto_mem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint8_t addr_bytes[4];
    buffer_info_t bufs[2] = {{addr_bytes, mem_address(n_args, n_kw, args, addr_bytes), 'B'}};
    if (!obj_get_buffer(args[3], &bufs[1], BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    checked(transfer(i2c_self(args[0]), (unsigned)value_get_int(args[1]), 2, bufs, false, true));
    return VAL_NONE;
}
static BUILTIN_FN(i2c_writeto_mem_obj, Q_writeto_mem, 4, 4, true, i2c_writeto_mem_fn);

static const map_entry_t i2c_locals_table[] = {
    {QSTR(Q_init), PTR_VAL(&i2c_init_obj)},
    {QSTR(Q_readfrom), PTR_VAL(&i2c_readfrom_obj)},
    {QSTR(Q_readfrom_into), PTR_VAL(&i2c_readfrom_into_obj)},
    {QSTR(Q_readfrom_mem), PTR_VAL(&i2c_readfrom_mem_obj)},
    {QSTR(Q_readfrom_mem_into), PTR_VAL(&i2c_readfrom_mem_into_obj)},
    {QSTR(Q_readinto), PTR_VAL(&i2c_readinto_obj)},
    {QSTR(Q_scan), PTR_VAL(&i2c_scan_obj)},
    {QSTR(Q_start), PTR_VAL(&i2c_start_obj)},
    {QSTR(Q_stop), PTR_VAL(&i2c_stop_obj)},
    {QSTR(Q_write), PTR_VAL(&i2c_write_obj)},
    {QSTR(Q_writeto), PTR_VAL(&i2c_writeto_obj)},
    {QSTR(Q_writeto_mem), PTR_VAL(&i2c_writeto_mem_obj)},
    {QSTR(Q_writevto), PTR_VAL(&i2c_writevto_obj)},
};
static const map_t i2c_locals = MAP_ROM(i2c_locals_table);

const type_t machine_softi2c_type = {
    {&type_type},
    .name = Q_SoftI2C,
    .print = i2c_print,
    .make_new = i2c_make_new,
    .locals = &i2c_locals,
};
