// SPDX-License-Identifier: MIT
// machine.Pin, its IRQ objects and machine.Signal (spec section 8.2), on
// hal.h's GPIO.
//
// Pins are the chip's GPIO numbers. There is one Pin object per pin, in
// flash, as on MicroPython's port (Pin(2) is Pin(2)); GPIO 6..11 drive the
// SPI flash and are refused. What a pin's configuration is lives in the
// hardware (or the simulation); machine keeps only the interrupt handlers
// (machine_state, a GC root) and their triggers.
//
// An edge interrupt (board_pin_interrupt, called by the target in its
// interrupt handler) queues the handler with the pin as argument on
// micropython.schedule's queue: handlers are soft, run between bytecodes.
#include "machine.h"

typedef struct {
    obj_t base;
    uint8_t id;
} pin_obj_t;

typedef struct {
    obj_t base;
    uint8_t id;
} pin_irq_obj_t;

#define PIN(n) {{&machine_pin_type}, n}
static const pin_obj_t pins[HAL_PIN_COUNT] = {
    PIN(0), PIN(1), PIN(2),  PIN(3),  PIN(4),  PIN(5),  PIN(6),  PIN(7), PIN(8),
    PIN(9), PIN(10), PIN(11), PIN(12), PIN(13), PIN(14), PIN(15), PIN(16),
};

extern const type_t machine_pin_irq_type;
#define PIN_IRQ(n) {{&machine_pin_irq_type}, n}
static const pin_irq_obj_t pin_irqs[HAL_PIN_COUNT] = {
    PIN_IRQ(0), PIN_IRQ(1), PIN_IRQ(2),  PIN_IRQ(3),  PIN_IRQ(4),  PIN_IRQ(5),  PIN_IRQ(6),  PIN_IRQ(7), PIN_IRQ(8),
    PIN_IRQ(9), PIN_IRQ(10), PIN_IRQ(11), PIN_IRQ(12), PIN_IRQ(13), PIN_IRQ(14), PIN_IRQ(15), PIN_IRQ(16),
};

static uint8_t pin_trigger[HAL_PIN_COUNT];

unsigned machine_pin_get(value_t v) {
    if (!obj_is_instance(v, &machine_pin_type)) {
        raise_msg(&type_ValueError, "expecting a pin");
    }
    return ((const pin_obj_t *)obj_native(v, &machine_pin_type))->id;
}

static const pin_obj_t *pin_self(value_t v) {
    return obj_native(v, &machine_pin_type);
}

// Pin(id): the pins a program may use.
static const pin_obj_t *pin_from_id(value_t id) {
    smallint_t n = value_get_int(id);
    if (n >= 6 && n <= 11) {
        raise_fmt(&type_ValueError, "Pin(%d) is used by the flash", (int)n);
    }
    if (n < 0 || n >= HAL_PIN_COUNT) {
        raise_msg(&type_ValueError, "invalid pin");
    }
    return &pins[n];
}

void machine_pin_od(unsigned pin) {
    hal_pin_write(pin, 1);
    machine_check(hal_pin_config(pin, HAL_PIN_OPEN_DRAIN, false));
}

// init(mode, pull=None, *, value): mode is required.
static void pin_init(const pin_obj_t *self, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_mode, ARG_REQUIRED}, {Q_pull, 0}, {Q_value, ARG_KW_ONLY},
    };
    value_t a[3];
    machine_parse_args(n_args, n_kw, args, spec, 3, a);
    smallint_t mode = value_get_int(a[0]);
    if (mode != HAL_PIN_IN && mode != HAL_PIN_OUT && mode != HAL_PIN_OPEN_DRAIN) {
        raise_fmt(&type_ValueError, "invalid pin mode: %d", (int)mode);
    }
    smallint_t pull = a[1] == VAL_NULL || a[1] == VAL_NONE ? 0 : value_get_int(a[1]);
    if (pull != 0 && pull != 1) {
        raise_fmt(&type_ValueError, "invalid pull: %d", (int)pull);
    }
    if (pull != 0 && self->id == 16) {
        raise_msg(&type_ValueError, "Pin(16) doesn't support pull");
    }
    if (a[2] != VAL_NULL) {
        hal_pin_write(self->id, obj_is_true(a[2]));
    }
    machine_check(hal_pin_config(self->id, (unsigned)mode, pull != 0));
}

// Pin(id[, mode[, pull]], *, value): with no configuration, the pin as it is.
static value_t pin_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "function missing 1 required positional arguments");
    }
    const pin_obj_t *self = pin_from_id(args[0]);
    if (n_args > 1 || n_kw > 0) {
        pin_init(self, n_args - 1, n_kw, args + 1);
    }
    return PTR_VAL(self);
}

static value_t pin_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    pin_init(pin_self(args[0]), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(pin_init_obj, Q_init, 1, ARGS_MAX, true, pin_init_fn);

static value_t pin_value(const pin_obj_t *self, size_t n_args, const value_t *args) {
    if (n_args == 0) {
        return SMALL(hal_pin_read(self->id));
    }
    hal_pin_write(self->id, obj_is_true(args[0]));
    return VAL_NONE;
}

static value_t pin_value_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pin_value(pin_self(args[0]), n_args - 1, args + 1);
}
static BUILTIN_FN(pin_value_obj, Q_value, 1, 2, false, pin_value_fn);

static value_t pin_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "function takes at most 1 argument (%d given)", (int)n_args);
    }
    return pin_value(pin_self(self), n_args, args);
}

static value_t pin_on_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hal_pin_write(pin_self(args[0])->id, 1);
    return VAL_NONE;
}
static BUILTIN_FN(pin_on_obj, Q_on, 1, 1, false, pin_on_fn);

static value_t pin_off_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hal_pin_write(pin_self(args[0])->id, 0);
    return VAL_NONE;
}
static BUILTIN_FN(pin_off_obj, Q_off, 1, 1, false, pin_off_fn);

static value_t pin_toggle_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned id = pin_self(args[0])->id;
    hal_pin_write(id, !hal_pin_read(id));
    return VAL_NONE;
}
static BUILTIN_FN(pin_toggle_obj, Q_toggle, 1, 1, false, pin_toggle_fn);

// ---- interrupts -----------------------------------------------------------------------

void board_pin_interrupt(unsigned pin) {
    if (pin < HAL_PIN_COUNT && machine_state.pin_handler[pin] != VAL_NULL) {
        // Dropped if the queue is full, as on the port.
        micropython_schedule(machine_state.pin_handler[pin], PTR_VAL(&pins[pin]));
    }
}

static void set_irq(unsigned pin, value_t handler, unsigned trigger) {
    uint32_t irq = hal_irq_disable();
    machine_state.pin_handler[pin] = handler;
    pin_trigger[pin] = (uint8_t)trigger;
    hal_pin_irq(pin, handler == VAL_NULL ? 0 : trigger);
    hal_irq_restore(irq);
}

void machine_pin_reset(void) {
    for (unsigned pin = 0; pin < HAL_PIN_COUNT; pin++) {
        if (machine_state.pin_handler[pin] != VAL_NULL || pin_trigger[pin] != 0) {
            set_irq(pin, VAL_NULL, 0);
        }
    }
}

// irq(handler=None, trigger=IRQ_FALLING | IRQ_RISING, hard=False): with
// arguments it sets the interrupt up (handler None turns it off); it always
// returns the pin's IRQ object.
static value_t pin_irq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {{Q_handler, 0}, {Q_trigger, 0}, {Q_hard, 0}};
    value_t a[3];
    machine_parse_args(n_args - 1, n_kw, args + 1, spec, 3, a);
    unsigned id = pin_self(args[0])->id;
    if (id == 16) {
        raise_msg(&type_OSError, "pin does not have IRQ capabilities");
    }
    if (n_args > 1 || n_kw > 0) {
        if (a[2] != VAL_NULL && obj_is_true(a[2])) {
            raise_msg(&type_ValueError, "hard IRQ not supported");
        }
        smallint_t trigger = machine_int_or(a[1], HAL_PIN_IRQ_RISING | HAL_PIN_IRQ_FALLING);
        if (trigger < 0 || trigger > (HAL_PIN_IRQ_RISING | HAL_PIN_IRQ_FALLING)) {
            raise_fmt(&type_ValueError, "invalid trigger: %d", (int)trigger);
        }
        value_t handler = a[0] == VAL_NULL || a[0] == VAL_NONE ? VAL_NULL : a[0];
        set_irq(id, handler, handler == VAL_NULL ? 0 : (unsigned)trigger);
    }
    return PTR_VAL(&pin_irqs[id]);
}
static BUILTIN_FN(pin_irq_obj, Q_irq, 1, ARGS_MAX, true, pin_irq_fn);

// The IRQ object: trigger([new]) gives the trigger (and sets a new one);
// calling it calls the handler as the interrupt would.
static value_t pin_irq_trigger_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const pin_irq_obj_t *self = obj_native(args[0], &machine_pin_irq_type);
    value_t old = SMALL(pin_trigger[self->id]);
    if (n_args > 1) {
        smallint_t trigger = value_get_int(args[1]);
        if (trigger < 0 || trigger > (HAL_PIN_IRQ_RISING | HAL_PIN_IRQ_FALLING)) {
            raise_fmt(&type_ValueError, "invalid trigger: %d", (int)trigger);
        }
        set_irq(self->id, machine_state.pin_handler[self->id], (unsigned)trigger);
    }
    return old;
}
static BUILTIN_FN(pin_irq_trigger_obj, Q_trigger, 1, 2, false, pin_irq_trigger_fn);

static value_t pin_irq_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    const pin_irq_obj_t *irq = obj_native(self, &machine_pin_irq_type);
    value_t handler = machine_state.pin_handler[irq->id];
    if (handler != VAL_NULL) {
        call_function_1(handler, PTR_VAL(&pins[irq->id]));
    }
    return VAL_NONE;
}

static const map_entry_t pin_irq_locals_table[] = {
    {QSTR(Q_trigger), PTR_VAL(&pin_irq_trigger_obj)},
};
static const map_t pin_irq_locals = MAP_ROM(pin_irq_locals_table);

const type_t machine_pin_irq_type = {
    {&type_type},
    .name = Q_IRQ,
    .call = pin_irq_call,
    .locals = &pin_irq_locals,
};

// ---- the type -----------------------------------------------------------------------------

static void pin_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "Pin(%u)", (unsigned)pin_self(self)->id);
}

static const map_entry_t pin_locals_table[] = {
    {QSTR(Q_IN), SMALL(HAL_PIN_IN)},
    {QSTR(Q_IRQ_FALLING), SMALL(HAL_PIN_IRQ_FALLING)},
    {QSTR(Q_IRQ_RISING), SMALL(HAL_PIN_IRQ_RISING)},
    {QSTR(Q_OPEN_DRAIN), SMALL(HAL_PIN_OPEN_DRAIN)},
    {QSTR(Q_OUT), SMALL(HAL_PIN_OUT)},
    {QSTR(Q_PULL_UP), SMALL(1)},
    {QSTR(Q_init), PTR_VAL(&pin_init_obj)},
    {QSTR(Q_irq), PTR_VAL(&pin_irq_obj)},
    {QSTR(Q_off), PTR_VAL(&pin_off_obj)},
    {QSTR(Q_on), PTR_VAL(&pin_on_obj)},
    {QSTR(Q_toggle), PTR_VAL(&pin_toggle_obj)},
    {QSTR(Q_value), PTR_VAL(&pin_value_obj)},
};
static const map_t pin_locals = MAP_ROM(pin_locals_table);

const type_t machine_pin_type = {
    {&type_type},
    .name = Q_Pin,
    .print = pin_print,
    .make_new = pin_make_new,
    .call = pin_call,
    .locals = &pin_locals,
};

// ---- Signal ---------------------------------------------------------------------------------
// Signal(pin, *, invert=False), or Signal(id, mode, ..., invert=False)
// making the Pin: value(), on() and off() with the logic inverted if asked.

typedef struct {
    obj_t base;
    value_t pin;                 // a Pin, or any object with value()
    bool invert;
} signal_obj_t;

static value_t signal_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args < 1) {
        raise_msg(&type_TypeError, "function missing 1 required positional arguments");
    }
    bool invert = false;
    size_t kw_kept = 0;
    value_t kw[2 * 4];
    for (size_t i = 0; i < n_kw; i++) {
        value_t k = args[n_args + 2 * i], v = args[n_args + 2 * i + 1];
        if (k == QSTR(Q_invert)) {
            invert = obj_is_true(v);
        } else if (kw_kept < 4) {
            kw[2 * kw_kept] = k;
            kw[2 * kw_kept + 1] = v;
            kw_kept++;
        } else {
            raise_msg(&type_TypeError, "extra keyword arguments given");
        }
    }
    value_t pin = args[0];
    if (n_args > 1 || kw_kept > 0 || value_is_int(pin)) {
        value_t all[8 + 2 * 4];
        if (n_args > 8) {
            raise_msg(&type_TypeError, "extra positional arguments given");
        }
        for (size_t i = 0; i < n_args; i++) {
            all[i] = args[i];
        }
        for (size_t i = 0; i < 2 * kw_kept; i++) {
            all[n_args + i] = kw[i];
        }
        pin = pin_make_new(&machine_pin_type, n_args, kw_kept, all);
    }
    signal_obj_t *self = gc_alloc(sizeof(signal_obj_t), 0);
    self->base.type = &machine_signal_type;
    self->pin = pin;
    self->invert = invert;
    return PTR_VAL(self);
}

static value_t signal_value(signal_obj_t *self, size_t n_args, const value_t *args) {
    if (n_args == 0) {
        value_t v = call_method(self->pin, Q_value, 0, NULL);
        return SMALL(obj_is_true(v) != self->invert);
    }
    value_t level = SMALL(obj_is_true(args[0]) != self->invert);
    call_method(self->pin, Q_value, 1, &level);
    return VAL_NONE;
}

static value_t signal_value_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return signal_value(obj_native(args[0], &machine_signal_type), n_args - 1, args + 1);
}
static BUILTIN_FN(signal_value_obj, Q_value, 1, 2, false, signal_value_fn);

static value_t signal_on_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t one = SMALL(1);
    return signal_value(obj_native(args[0], &machine_signal_type), 1, &one);
}
static BUILTIN_FN(signal_on_obj, Q_on, 1, 1, false, signal_on_fn);

static value_t signal_off_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t zero = SMALL(0);
    return signal_value(obj_native(args[0], &machine_signal_type), 1, &zero);
}
static BUILTIN_FN(signal_off_obj, Q_off, 1, 1, false, signal_off_fn);

static value_t signal_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "function takes at most 1 argument (%d given)", (int)n_args);
    }
    return signal_value(obj_native(self, &machine_signal_type), n_args, args);
}

static const map_entry_t signal_locals_table[] = {
    {QSTR(Q_off), PTR_VAL(&signal_off_obj)},
    {QSTR(Q_on), PTR_VAL(&signal_on_obj)},
    {QSTR(Q_value), PTR_VAL(&signal_value_obj)},
};
static const map_t signal_locals = MAP_ROM(signal_locals_table);

const type_t machine_signal_type = {
    {&type_type},
    .name = Q_Signal,
    .make_new = signal_make_new,
    .call = signal_call,
    .locals = &signal_locals,
};
