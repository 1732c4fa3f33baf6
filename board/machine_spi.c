// SPDX-License-Identifier: MIT
// machine.SoftSPI (bit-banged on any pins) and machine.SPI (the hardware
// HSPI, id 1) of spec section 8.4, with the methods both share.
//
//     SoftSPI(baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=MSB, sck, mosi, miso)
//     SPI(1, baudrate=80000000, *, polarity=0, phase=0)
//
// SoftSPI waits half a period of 500000 / baudrate us per clock edge,
// rounded up; as on the port, a rate from cpu_freq / 200 up (400 kHz at
// 80 MHz) means no wait, and the repr shows that rate. SPI(1) runs at
// exactly 80 MHz or at 80 MHz / (prediv x an even count) up to 40 MHz,
// rounded as the port does (its repr shows the rate it gives).
#include "machine.h"
#include "strimpl.h"

#define MSB 0
#define LSB 1

typedef struct {
    obj_t base;
    uint8_t sck, mosi, miso;
    uint8_t polarity, phase, bits, firstbit;
    uint32_t delay_half;         // us; 0 for as fast as it goes
} softspi_obj_t;

typedef struct {
    obj_t base;
    uint32_t baudrate;
    uint8_t polarity, phase;
} hspi_obj_t;

// ---- the transfer ------------------------------------------------------------------------------

static void soft_transfer(softspi_obj_t *spi, const uint8_t *out, uint8_t *in, size_t len) {
    bool idle = spi->polarity, active = !idle;
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = out != NULL ? out[i] : 0, got = 0;
        for (int n = 0; n < 8; n++) {
            int bit = spi->firstbit == MSB ? 7 - n : n;
            hal_pin_write(spi->mosi, (byte >> bit) & 1);
            if (spi->phase == 0) {
                hal_delay_us(spi->delay_half);
                hal_pin_write(spi->sck, active);
            } else {
                hal_pin_write(spi->sck, active);
                hal_delay_us(spi->delay_half);
            }
            got |= (uint8_t)(hal_pin_read(spi->miso) << bit);
            if (spi->phase == 0) {
                hal_delay_us(spi->delay_half);
                hal_pin_write(spi->sck, idle);
            } else {
                hal_pin_write(spi->sck, idle);
                hal_delay_us(spi->delay_half);
            }
        }
        if (in != NULL) {
            in[i] = got;
        }
    }
}

static void transfer(value_t self, const uint8_t *out, uint8_t *in, size_t len) {
    softspi_obj_t *soft = obj_native_maybe(self, &machine_softspi_type);
    if (soft != NULL) {
        soft_transfer(soft, out, in, len);
    } else {
        obj_native(self, &machine_hspi_type);
        hal_spi_transfer(out, in, len);
    }
}

// ---- the methods both have ------------------------------------------------------------------

static void get_buffer(value_t v, buffer_info_t *b, int flags) {
    if (!obj_get_buffer(v, b, flags)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
}

// read(nbytes, write=0): sends `write` nbytes times, returns what came.
static value_t spi_read_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t n = value_get_int(args[1]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative count");
    }
    uint8_t fill = n_args > 2 ? (uint8_t)value_get_int(args[2]) : 0;
    vstr_t vs;
    vstr_init(&vs, (size_t)n);
    uint8_t *buf = (uint8_t *)vstr_extend(&vs, (size_t)n);
    for (smallint_t i = 0; i < n; i++) {
        buf[i] = fill;
    }
    transfer(args[0], buf, buf, (size_t)n);
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(spi_read_obj, Q_read, 2, 3, false, spi_read_fn);

// readinto(buf, write=0)
static value_t spi_readinto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t b;
    get_buffer(args[1], &b, BUFFER_WRITE);
    uint8_t fill = n_args > 2 ? (uint8_t)value_get_int(args[2]) : 0;
    uint8_t *buf = b.buf;
    for (size_t i = 0; i < b.len; i++) {
        buf[i] = fill;
    }
    transfer(args[0], buf, buf, b.len);
    return VAL_NONE;
}
static BUILTIN_FN(spi_readinto_obj, Q_readinto, 2, 3, false, spi_readinto_fn);

static value_t spi_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t b;
    get_buffer(args[1], &b, BUFFER_READ);
    transfer(args[0], b.buf, NULL, b.len);
    return VAL_NONE;
}
static BUILTIN_FN(spi_write_obj, Q_write, 2, 2, false, spi_write_fn);

static value_t spi_write_readinto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t out, in;
    get_buffer(args[1], &out, BUFFER_READ);
    get_buffer(args[2], &in, BUFFER_WRITE);
    if (out.len != in.len) {
        raise_msg(&type_ValueError, "buffers must be the same length");
    }
    transfer(args[0], out.buf, in.buf, out.len);
    return VAL_NONE;
}
static BUILTIN_FN(spi_write_readinto_obj, Q_write_readinto, 3, 3, false, spi_write_readinto_fn);

static value_t spi_deinit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(spi_deinit_obj, Q_deinit, 1, 1, false, spi_deinit_fn);

// ---- SoftSPI ---------------------------------------------------------------------------------

static uint32_t soft_max_baudrate(void) {
    return hal_cpu_freq() / 200;
}

static void softspi_init(softspi_obj_t *self, size_t n_args, size_t n_kw, const value_t *args, bool fresh) {
    static const machine_arg_t spec[] = {
        {Q_baudrate, 0},          {Q_polarity, ARG_KW_ONLY}, {Q_phase, ARG_KW_ONLY}, {Q_bits, ARG_KW_ONLY},
        {Q_firstbit, ARG_KW_ONLY}, {Q_sck, ARG_KW_ONLY},      {Q_mosi, ARG_KW_ONLY},  {Q_miso, ARG_KW_ONLY},
    };
    value_t a[8];
    machine_parse_args(n_args, n_kw, args, spec, 8, a);
    if (fresh && (a[5] == VAL_NULL || a[6] == VAL_NULL || a[7] == VAL_NULL)) {
        raise_msg(&type_ValueError, "must specify all of sck/mosi/miso");
    }
    if (a[0] != VAL_NULL || fresh) {
        smallint_t baud = machine_int_or(a[0], 500000);
        if (baud <= 0) {
            raise_msg(&type_ValueError, "baudrate must be positive");
        }
        if ((uint32_t)baud >= soft_max_baudrate()) {
            self->delay_half = 0;
        } else {
            self->delay_half = 500000u / (uint32_t)baud + (500000u % (uint32_t)baud != 0);
        }
    }
    self->polarity = (uint8_t)(machine_int_or(a[1], fresh ? 0 : self->polarity) != 0);
    self->phase = (uint8_t)(machine_int_or(a[2], fresh ? 0 : self->phase) != 0);
    self->bits = (uint8_t)machine_int_or(a[3], fresh ? 8 : self->bits);
    smallint_t firstbit = machine_int_or(a[4], fresh ? MSB : self->firstbit);
    if (firstbit != MSB && firstbit != LSB) {
        raise_msg(&type_ValueError, "firstbit must be MSB or LSB");
    }
    self->firstbit = (uint8_t)firstbit;
    if (a[5] != VAL_NULL) {
        self->sck = (uint8_t)machine_pin_get(a[5]);
    }
    if (a[6] != VAL_NULL) {
        self->mosi = (uint8_t)machine_pin_get(a[6]);
    }
    if (a[7] != VAL_NULL) {
        self->miso = (uint8_t)machine_pin_get(a[7]);
    }
    hal_pin_write(self->sck, self->polarity);
    machine_check(hal_pin_config(self->sck, HAL_PIN_OUT, false));
    machine_check(hal_pin_config(self->mosi, HAL_PIN_OUT, false));
    machine_check(hal_pin_config(self->miso, HAL_PIN_IN, false));
}

static value_t softspi_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    softspi_obj_t *self = gc_alloc(sizeof(softspi_obj_t), 0);
    self->base.type = &machine_softspi_type;
    softspi_init(self, n_args, n_kw, args, true);
    return PTR_VAL(self);
}

static value_t softspi_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    softspi_init(obj_native(args[0], &machine_softspi_type), n_args - 1, n_kw, args + 1, false);
    return VAL_NONE;
}
static BUILTIN_FN(softspi_init_obj, Q_init, 1, ARGS_MAX, true, softspi_init_fn);

static void softspi_print(const print_t *p, value_t self, print_kind_t kind) {
    softspi_obj_t *spi = obj_native(self, &machine_softspi_type);
    uint32_t baud = spi->delay_half == 0 ? soft_max_baudrate() : 500000u / spi->delay_half;
    print_fmt(p, "SoftSPI(baudrate=%u, polarity=%u, phase=%u, sck=%u, mosi=%u, miso=%u)", (unsigned)baud,
              (unsigned)spi->polarity, (unsigned)spi->phase, (unsigned)spi->sck, (unsigned)spi->mosi,
              (unsigned)spi->miso);
}

static const map_entry_t softspi_locals_table[] = {
    {QSTR(Q_LSB), SMALL(LSB)},
    {QSTR(Q_MSB), SMALL(MSB)},
    {QSTR(Q_deinit), PTR_VAL(&spi_deinit_obj)},
    {QSTR(Q_init), PTR_VAL(&softspi_init_obj)},
    {QSTR(Q_read), PTR_VAL(&spi_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&spi_readinto_obj)},
    {QSTR(Q_write), PTR_VAL(&spi_write_obj)},
    {QSTR(Q_write_readinto), PTR_VAL(&spi_write_readinto_obj)},
};
static const map_t softspi_locals = MAP_ROM(softspi_locals_table);

const type_t machine_softspi_type = {
    {&type_type},
    .name = Q_SoftSPI,
    .print = softspi_print,
    .make_new = softspi_make_new,
    .locals = &softspi_locals,
};

// ---- SPI(1): HSPI ------------------------------------------------------------------------------

static void hspi_init(hspi_obj_t *self, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_baudrate, 0}, {Q_polarity, ARG_KW_ONLY}, {Q_phase, ARG_KW_ONLY}, {Q_bits, ARG_KW_ONLY},
        {Q_firstbit, ARG_KW_ONLY}, {Q_sck, ARG_KW_ONLY}, {Q_mosi, ARG_KW_ONLY}, {Q_miso, ARG_KW_ONLY},
    };
    value_t a[8];
    machine_parse_args(n_args, n_kw, args, spec, 8, a);
    smallint_t baud = machine_int_or(a[0], self->baudrate);
    self->polarity = (uint8_t)(machine_int_or(a[1], self->polarity) != 0);
    self->phase = (uint8_t)(machine_int_or(a[2], self->phase) != 0);
    if (baud == 80000000) {
        self->baudrate = 80000000;
    } else if (baud <= 0 || baud > 40000000) {
        raise_msg(&type_ValueError, "impossible baudrate");
    } else {
        // 80 MHz / (prediv x cntdiv), cntdiv even: the port's rounding.
        uint32_t divider = 40000000u / (uint32_t)baud;
        uint32_t prediv = divider < 0x2000 ? divider : 0x2000;
        uint32_t cntdiv = prediv == 0 ? 0 : (divider / prediv) * 2;
        if (cntdiv == 0 || cntdiv > 0x40 || prediv == 0) {
            raise_msg(&type_ValueError, "impossible baudrate");
        }
        self->baudrate = 80000000u / (prediv * cntdiv);
    }
    machine_check(hal_spi_config(self->baudrate, self->polarity, self->phase));
}

// SPI(1, ...): id 0 is the flash's; SPI(-1, ...) is the old way to a SoftSPI.
static value_t hspi_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "function missing 1 required positional arguments");
    }
    smallint_t id = value_get_int(args[0]);
    if (id == -1) {
        static const char warning[] = "Warning: SPI(-1, ...) is deprecated, use SoftSPI(...) instead\n";
        hal_stdout_write(warning, sizeof warning - 1);
        return softspi_make_new(&machine_softspi_type, n_args - 1, n_kw, args + 1);
    }
    if (id != 1) {
        raise_fmt(&type_ValueError, "SPI(%d) doesn't exist", (int)id);
    }
    hspi_obj_t *self = gc_alloc(sizeof(hspi_obj_t), 0);
    self->base.type = &machine_hspi_type;
    self->baudrate = 80000000;
    hspi_init(self, n_args - 1, n_kw, args + 1);
    return PTR_VAL(self);
}

static value_t hspi_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hspi_init(obj_native(args[0], &machine_hspi_type), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(hspi_init_obj, Q_init, 1, ARGS_MAX, true, hspi_init_fn);

static void hspi_print(const print_t *p, value_t self, print_kind_t kind) {
    hspi_obj_t *spi = obj_native(self, &machine_hspi_type);
    print_fmt(p, "HSPI(id=1, baudrate=%u, polarity=%u, phase=%u)", (unsigned)spi->baudrate,
              (unsigned)spi->polarity, (unsigned)spi->phase);
}

static const map_entry_t hspi_locals_table[] = {
    {QSTR(Q_LSB), SMALL(LSB)},
    {QSTR(Q_MSB), SMALL(MSB)},
    {QSTR(Q_deinit), PTR_VAL(&spi_deinit_obj)},
    {QSTR(Q_init), PTR_VAL(&hspi_init_obj)},
    {QSTR(Q_read), PTR_VAL(&spi_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&spi_readinto_obj)},
    {QSTR(Q_write), PTR_VAL(&spi_write_obj)},
    {QSTR(Q_write_readinto), PTR_VAL(&spi_write_readinto_obj)},
};
static const map_t hspi_locals = MAP_ROM(hspi_locals_table);

const type_t machine_hspi_type = {
    {&type_type},
    .name = Q_SPI,
    .print = hspi_print,
    .make_new = hspi_make_new,
    .locals = &hspi_locals,
};
