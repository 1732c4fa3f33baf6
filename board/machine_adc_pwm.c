// SPDX-License-Identifier: MIT
// machine.ADC (spec section 8.6) and machine.PWM (8.7).
//
// PWM is the port's software PWM: eight pins (0, 2, 4, 5, 12, 13, 14, 15),
// one frequency for all of them (1..1000 Hz, clamped; 500 by default) and a
// duty of 0..1023 each (clamped). machine keeps that state and hands all of
// it to the target (hal_pwm_config) at each change; a soft reset leaves the
// outputs running, as on the chip.
#include "machine.h"

// ---- ADC -------------------------------------------------------------------------------------

typedef struct {
    obj_t base;
    uint8_t id;
} adc_obj_t;

static const adc_obj_t adcs[2] = {{{&machine_adc_type}, 0}, {{&machine_adc_type}, 1}};

static value_t adc_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_check_count(n_args, 1, 1, Q_ADC);
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    smallint_t id = value_get_int(args[0]);
    if (id != 0 && id != 1) {
        raise_fmt(&type_ValueError, "ADC(%d) doesn't exist", (int)id);
    }
    return PTR_VAL(&adcs[id]);
}

static int adc_read(value_t self) {
    int v = hal_adc_read(((const adc_obj_t *)obj_native(self, &machine_adc_type))->id);
    machine_check(v);
    return v;
}

static value_t adc_read_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(adc_read(args[0]));
}
static BUILTIN_FN(adc_read_obj, Q_read, 1, 1, false, adc_read_fn);

static value_t adc_read_u16_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL((uint32_t)adc_read(args[0]) * 65535u / 1024u);
}
static BUILTIN_FN(adc_read_u16_obj, Q_read_u16, 1, 1, false, adc_read_u16_fn);

static void adc_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "ADC(%u)", (unsigned)((const adc_obj_t *)obj_native(self, &machine_adc_type))->id);
}

static const map_entry_t adc_locals_table[] = {
    {QSTR(Q_read), PTR_VAL(&adc_read_obj)},
    {QSTR(Q_read_u16), PTR_VAL(&adc_read_u16_obj)},
};
static const map_t adc_locals = MAP_ROM(adc_locals_table);

const type_t machine_adc_type = {
    {&type_type},
    .name = Q_ADC,
    .print = adc_print,
    .make_new = adc_make_new,
    .locals = &adc_locals,
};

// ---- PWM ---------------------------------------------------------------------------------------

#define PWM_FREQ_DEFAULT 500
#define PWM_FREQ_MAX 1000
#define PWM_DUTY_MAX 1023
#define PWM_PINS ((1u << 0) | (1u << 2) | (1u << 4) | (1u << 5) | (1u << 12) | (1u << 13) | (1u << 14) | (1u << 15))

typedef struct {
    obj_t base;
    uint8_t pin;
} pwm_obj_t;

static struct {
    bool started;
    uint32_t freq;
    int16_t duty[HAL_PIN_COUNT];     // -1: no PWM on the pin
} pwm;

static void pwm_apply(void) {
    machine_check(hal_pwm_config(pwm.freq, pwm.duty));
}

static void pwm_start_state(void) {
    if (!pwm.started) {
        pwm.started = true;
        pwm.freq = PWM_FREQ_DEFAULT;
        for (unsigned i = 0; i < HAL_PIN_COUNT; i++) {
            pwm.duty[i] = -1;
        }
    }
}

static pwm_obj_t *pwm_self(value_t v) {
    return obj_native(v, &machine_pwm_type);
}

// The pin's channel, added (duty 0, an output) if it has none.
static void pwm_add(unsigned pin) {
    if (pwm.duty[pin] < 0) {
        pwm.duty[pin] = 0;
        hal_pin_write(pin, 0);
        machine_check(hal_pin_config(pin, HAL_PIN_OUT, false));
    }
}

static void set_freq(smallint_t freq) {
    pwm.freq = freq < 1 ? 1 : freq > PWM_FREQ_MAX ? PWM_FREQ_MAX : (uint32_t)freq;
}

static void set_duty(unsigned pin, smallint_t duty) {
    pwm.duty[pin] = (int16_t)(duty < 0 ? 0 : duty > PWM_DUTY_MAX ? PWM_DUTY_MAX : duty);
}

static void set_duty_ns(unsigned pin, smallint_t ns) {
    set_duty(pin, (smallint_t)((int64_t)ns * pwm.freq * 1024 / 1000000000));
}

// init(freq=, duty=, duty_u16=, duty_ns=)
static void pwm_init(pwm_obj_t *self, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {{Q_freq, 0}, {Q_duty, 0}, {Q_duty_u16, 0}, {Q_duty_ns, 0}};
    value_t a[4];
    machine_parse_args(n_args, n_kw, args, spec, 4, a);
    pwm_add(self->pin);
    if (a[0] != VAL_NULL) {
        set_freq(value_get_int(a[0]));
    }
    if (a[1] != VAL_NULL) {
        set_duty(self->pin, value_get_int(a[1]));
    }
    if (a[2] != VAL_NULL) {
        set_duty(self->pin, value_get_int(a[2]) * 1024 / 65536);
    }
    if (a[3] != VAL_NULL) {
        set_duty_ns(self->pin, value_get_int(a[3]));
    }
    pwm_apply();
}

static value_t pwm_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "function missing 1 required positional arguments");
    }
    unsigned pin = machine_pin_get(args[0]);
    if (!(PWM_PINS & (1u << pin))) {
        raise_fmt(&type_ValueError, "PWM not supported on pin %d", (int)pin);
    }
    pwm_start_state();
    pwm_obj_t *self = gc_alloc(sizeof(pwm_obj_t), 0);
    self->base.type = &machine_pwm_type;
    self->pin = (uint8_t)pin;
    pwm_init(self, n_args - 1, n_kw, args + 1);
    return PTR_VAL(self);
}

static value_t pwm_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    pwm_init(pwm_self(args[0]), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(pwm_init_obj, Q_init, 1, ARGS_MAX, true, pwm_init_fn);

static value_t pwm_deinit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    pwm_obj_t *self = pwm_self(args[0]);
    if (pwm.duty[self->pin] >= 0) {
        pwm.duty[self->pin] = -1;
        pwm_apply();
    }
    return VAL_NONE;
}
static BUILTIN_FN(pwm_deinit_obj, Q_deinit, 1, 1, false, pwm_deinit_fn);

static value_t pwm_freq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 1) {
        return SMALL(pwm.freq);
    }
    set_freq(value_get_int(args[1]));
    pwm_apply();
    return VAL_NONE;
}
static BUILTIN_FN(pwm_freq_obj, Q_freq, 1, 2, false, pwm_freq_fn);

// duty([d]), duty_u16([v]), duty_ns([ns]): a deinit'ed pin gets its channel back.
static value_t pwm_duty_as(size_t n_args, const value_t *args, int kind) {
    pwm_obj_t *self = pwm_self(args[0]);
    bool added = pwm.duty[self->pin] < 0;
    pwm_add(self->pin);
    if (n_args == 1) {
        if (added) {
            pwm_apply();
        }
        uint32_t duty = (uint32_t)pwm.duty[self->pin];
        return kind == 0 ? SMALL(duty) : kind == 1 ? SMALL(duty * 65536u / 1024u)
                                                   : int_from_ll((int64_t)duty * 1000000000 / 1024 / pwm.freq);
    }
    smallint_t v = value_get_int(args[1]);
    if (kind == 0) {
        set_duty(self->pin, v);
    } else if (kind == 1) {
        set_duty(self->pin, v * 1024 / 65536);
    } else {
        set_duty_ns(self->pin, v);
    }
    pwm_apply();
    return VAL_NONE;
}

static value_t pwm_duty_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pwm_duty_as(n_args, args, 0);
}
static BUILTIN_FN(pwm_duty_obj, Q_duty, 1, 2, false, pwm_duty_fn);

static value_t pwm_duty_u16_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pwm_duty_as(n_args, args, 1);
}
static BUILTIN_FN(pwm_duty_u16_obj, Q_duty_u16, 1, 2, false, pwm_duty_u16_fn);

static value_t pwm_duty_ns_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pwm_duty_as(n_args, args, 2);
}
static BUILTIN_FN(pwm_duty_ns_obj, Q_duty_ns, 1, 2, false, pwm_duty_ns_fn);

static void pwm_print(const print_t *p, value_t self, print_kind_t kind) {
    unsigned pin = pwm_self(self)->pin;
    if (pwm.duty[pin] < 0) {
        print_fmt(p, "PWM(%u)", pin);
    } else {
        print_fmt(p, "PWM(%u, freq=%u, duty=%u)", pin, (unsigned)pwm.freq, (unsigned)pwm.duty[pin]);
    }
}

static const map_entry_t pwm_locals_table[] = {
    {QSTR(Q_deinit), PTR_VAL(&pwm_deinit_obj)},
    {QSTR(Q_duty), PTR_VAL(&pwm_duty_obj)},
    {QSTR(Q_duty_ns), PTR_VAL(&pwm_duty_ns_obj)},
    {QSTR(Q_duty_u16), PTR_VAL(&pwm_duty_u16_obj)},
    {QSTR(Q_freq), PTR_VAL(&pwm_freq_obj)},
    {QSTR(Q_init), PTR_VAL(&pwm_init_obj)},
};
static const map_t pwm_locals = MAP_ROM(pwm_locals_table);

const type_t machine_pwm_type = {
    {&type_type},
    .name = Q_PWM,
    .print = pwm_print,
    .make_new = pwm_make_new,
    .locals = &pwm_locals,
};
