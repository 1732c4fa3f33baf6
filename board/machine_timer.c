// SPDX-License-Identifier: MIT
// machine.Timer (virtual timers, spec section 8.9) and machine.WDT (8.10),
// on hal.h's one alarm.
//
// The running timers are a list (machine_state.timers, a GC root) with
// their deadlines on a 64-bit microsecond clock made from hal_ticks_us.
// The alarm is set for the nearest deadline, or 60 s at most so that the
// clock sees every wrap of the 32-bit ticks. When it goes off (board_alarm,
// in the target's interrupt), each timer that is due queues its callback
// on micropython.schedule's queue and a periodic one is set again: callbacks
// run between bytecodes, as the port's soft callbacks do (hard=True is
// taken and runs them the same way). A callback the full queue cannot take
// is lost, as on the port.
//
// The watchdog is a deadline in the same list: 5 s after the last feed it
// resets the board (hal_reset; on the host, which cannot, SystemExit).
#include "machine.h"

#define ALARM_MAX_US 60000000u
#define MIN_PERIOD_US 100u
#define WDT_TIMEOUT_MS 5000

typedef struct timer_obj {
    obj_t base;
    value_t next;                // the next running timer
    value_t callback;
    uint64_t deadline;
    uint64_t period;             // us
    bool periodic, running;
} timer_obj_t;

static struct {
    uint64_t now;                // us, extended from hal_ticks_us
    uint32_t last_ticks;
    bool wdt_on;
    uint64_t wdt_deadline;
} clock;

// With interrupts off.
static uint64_t clock_now(void) {
    uint32_t ticks = hal_ticks_us();
    clock.now += ticks - clock.last_ticks;
    clock.last_ticks = ticks;
    return clock.now;
}

// With interrupts off: the alarm for the nearest deadline; a negative
// ESPY_E* value from a target without an alarm.
static int set_alarm(void) {
    uint64_t now = clock_now(), next = UINT64_MAX;
    for (value_t v = machine_state.timers; v != VAL_NULL; v = ((timer_obj_t *)VAL_PTR(v))->next) {
        timer_obj_t *t = VAL_PTR(v);
        if (t->deadline < next) {
            next = t->deadline;
        }
    }
    if (clock.wdt_on && clock.wdt_deadline < next) {
        next = clock.wdt_deadline;
    }
    if (next == UINT64_MAX) {
        hal_alarm_stop();
        return 0;
    }
    uint64_t wait = next > now ? next - now : 0;
    return hal_alarm_start(wait > ALARM_MAX_US ? ALARM_MAX_US : (uint32_t)wait);
}

// With interrupts off.
static void unlink(timer_obj_t *self) {
    value_t *link = &machine_state.timers;
    while (*link != VAL_NULL) {
        timer_obj_t *t = VAL_PTR(*link);
        if (t == self) {
            *link = t->next;
            break;
        }
        link = &t->next;
    }
    self->next = VAL_NULL;
    self->running = false;
}

// From Python's thread: the reset a target could not do from its interrupt.
static value_t watchdog_reset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hal_reset(HAL_RESET_WDT, 0);
    raise_obj(PTR_VAL(&type_SystemExit));       // a target that cannot restart
}
static BUILTIN_FN(watchdog_reset_obj, Q_reset, 1, 1, false, watchdog_reset_fn);

static void watchdog_fires(void) {
    clock.wdt_on = false;
    hal_reset(HAL_RESET_WDT, 0);
    // Here only where the target cannot reset itself from an interrupt.
    micropython_schedule(PTR_VAL(&watchdog_reset_obj), VAL_NONE);
}

void board_alarm(void) {
    uint64_t now = clock_now();
    value_t v = machine_state.timers;
    while (v != VAL_NULL) {
        timer_obj_t *t = VAL_PTR(v);
        v = t->next;
        if (t->deadline > now) {
            continue;
        }
        if (t->callback != VAL_NONE) {
            micropython_schedule(t->callback, PTR_VAL(t));
        }
        if (t->periodic) {
            t->deadline += t->period;
            if (t->deadline <= now) {
                t->deadline = now + t->period;   // a late alarm does not queue a burst
            }
        } else {
            unlink(t);
        }
    }
    if (clock.wdt_on && clock.wdt_deadline <= now) {
        watchdog_fires();
    }
    set_alarm();
}

void machine_timer_reset(void) {
    uint32_t irq = hal_irq_disable();
    while (machine_state.timers != VAL_NULL) {
        unlink(VAL_PTR(machine_state.timers));
    }
    clock.wdt_on = false;
    hal_alarm_stop();
    hal_irq_restore(irq);
}

// ---- Timer -------------------------------------------------------------------------------------

static timer_obj_t *timer_self(value_t v) {
    return obj_native(v, &machine_timer_type);
}

static void timer_stop(timer_obj_t *self) {
    uint32_t irq = hal_irq_disable();
    if (self->running) {
        unlink(self);
        set_alarm();
    }
    hal_irq_restore(irq);
}

// Timer(id): one positional argument, which is ignored.
static value_t timer_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args != 1) {
        raise_fmt(&type_TypeError, "function takes 1 positional arguments but %d were given", (int)n_args);
    }
    value_get_int(args[0]);
    timer_obj_t *self = gc_alloc(sizeof(timer_obj_t), 0);
    self->base.type = &machine_timer_type;
    self->next = VAL_NULL;
    self->callback = VAL_NONE;
    return PTR_VAL(self);
}

// init(*, mode=PERIODIC, callback=None, period=0xffffffff, tick_hz=1000, freq=None, hard=False)
static value_t timer_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_mode, 0}, {Q_callback, 0}, {Q_period, 0}, {Q_tick_hz, 0}, {Q_freq, 0}, {Q_hard, 0},
    };
    value_t a[6];
    machine_parse_args(n_args - 1, n_kw, args + 1, spec, 6, a);
    timer_obj_t *self = timer_self(args[0]);
    smallint_t mode = machine_int_or(a[0], 1);
    if (mode != 0 && mode != 1) {
        raise_fmt(&type_ValueError, "invalid mode: %d", (int)mode);
    }
    uint64_t period_us;
    if (a[4] != VAL_NULL && a[4] != VAL_NONE) {
        double freq = value_get_float(a[4]);
        if (!(freq > 0)) {
            raise_msg(&type_ValueError, "freq must be positive");
        }
        period_us = freq < 0.001 ? 1000000000u : (uint64_t)(1000000.0 / freq);
    } else {
        smallint_t tick_hz = machine_int_or(a[3], 1000);
        if (tick_hz <= 0) {
            raise_msg(&type_ValueError, "tick_hz must be positive");
        }
        value_t pv = a[2] == VAL_NULL ? int_from_uintptr(0xffffffffu) : a[2];
        if (!value_is_int(pv)) {
            raise_fmt(&type_TypeError, "can't convert %T to int", pv);
        }
        double period = int_as_double(pv);
        if (period < 0) {
            raise_msg(&type_ValueError, "period must be positive");
        }
        period_us = (uint64_t)(period * 1000000.0 / (double)tick_hz);
    }
    if (period_us < MIN_PERIOD_US) {
        period_us = MIN_PERIOD_US;
    }
    timer_stop(self);
    self->callback = a[1] == VAL_NULL ? VAL_NONE : a[1];
    self->period = period_us;
    self->periodic = mode == 1;
    uint32_t irq = hal_irq_disable();
    self->deadline = clock_now() + period_us;
    self->next = machine_state.timers;
    machine_state.timers = PTR_VAL(self);
    self->running = true;
    int r = set_alarm();
    if (r < 0) {
        unlink(self);
    }
    hal_irq_restore(irq);
    machine_check(r);
    return VAL_NONE;
}
static BUILTIN_FN(timer_init_obj, Q_init, 1, ARGS_MAX, true, timer_init_fn);

static value_t timer_deinit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    timer_stop(timer_self(args[0]));
    return VAL_NONE;
}
static BUILTIN_FN(timer_deinit_obj, Q_deinit, 1, 1, false, timer_deinit_fn);

static void timer_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "Timer(%lx)", (unsigned long)(uintptr_t)timer_self(self));
}

static const map_entry_t timer_locals_table[] = {
    {QSTR(Q_ONE_SHOT), SMALL(0)},
    {QSTR(Q_PERIODIC), SMALL(1)},
    {QSTR(Q_deinit), PTR_VAL(&timer_deinit_obj)},
    {QSTR(Q_init), PTR_VAL(&timer_init_obj)},
};
static const map_t timer_locals = MAP_ROM(timer_locals_table);

const type_t machine_timer_type = {
    {&type_type},
    .name = Q_Timer,
    .print = timer_print,
    .make_new = timer_make_new,
    .locals = &timer_locals,
};

// ---- WDT ---------------------------------------------------------------------------------------

static const obj_t wdt_obj = {&machine_wdt_type};

static void wdt_feed(void) {
    uint32_t irq = hal_irq_disable();
    clock.wdt_on = true;
    clock.wdt_deadline = clock_now() + WDT_TIMEOUT_MS * 1000u;
    int r = set_alarm();
    clock.wdt_on = r >= 0;
    hal_irq_restore(irq);
    machine_check(r);
}

// WDT(id=0, timeout=5000): the port's watchdog has one timeout.
static value_t wdt_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {{Q_id, 0}, {Q_timeout, 0}};
    value_t a[2];
    machine_parse_args(n_args, n_kw, args, spec, 2, a);
    smallint_t id = machine_int_or(a[0], 0);
    if (id != 0) {
        raise_fmt(&type_ValueError, "WDT(%d) doesn't exist", (int)id);
    }
    if (machine_int_or(a[1], WDT_TIMEOUT_MS) != WDT_TIMEOUT_MS) {
        raise_msg(&type_ValueError, "WDT timeout is fixed at 5000 ms");
    }
    wdt_feed();
    return PTR_VAL(&wdt_obj);
}

static value_t wdt_feed_fn(size_t n_args, size_t n_kw, const value_t *args) {
    wdt_feed();
    return VAL_NONE;
}
static BUILTIN_FN(wdt_feed_obj, Q_feed, 1, 1, false, wdt_feed_fn);

static const map_entry_t wdt_locals_table[] = {
    {QSTR(Q_feed), PTR_VAL(&wdt_feed_obj)},
};
static const map_t wdt_locals = MAP_ROM(wdt_locals_table);

const type_t machine_wdt_type = {
    {&type_type},
    .name = Q_WDT,
    .make_new = wdt_make_new,
    .locals = &wdt_locals,
};
