// SPDX-License-Identifier: MIT
// machine's argument parsing (MicroPython's mp_arg_parse_all, with its
// messages), and the GC roots and soft reset of the machine module.
#include "machine.h"
#include "gc.h"

machine_state_t machine_state;

void machine_parse_args(size_t n_args, size_t n_kw, const value_t *args, const machine_arg_t *spec, size_t n_spec,
                        value_t *out) {
    size_t used_kw = 0;
    for (size_t i = 0; i < n_spec; i++) {
        out[i] = VAL_NULL;
        if (i < n_args) {
            if (spec[i].flags & ARG_KW_ONLY) {
                raise_msg(&type_TypeError, "extra positional arguments given");
            }
            out[i] = args[i];
        } else {
            value_t v = arg_kw(n_args, n_kw, args, spec[i].name);
            if (v != VAL_NULL) {
                out[i] = v;
                used_kw++;
            }
        }
        if (out[i] == VAL_NULL && (spec[i].flags & ARG_REQUIRED)) {
            raise_fmt(&type_TypeError, "'%q' argument required", spec[i].name);
        }
    }
    if (n_args > n_spec) {
        raise_msg(&type_TypeError, "extra positional arguments given");
    }
    if (used_kw < n_kw) {
        raise_msg(&type_TypeError, "extra keyword arguments given");
    }
}

smallint_t machine_int_or(value_t v, smallint_t dflt) {
    return v == VAL_NULL ? dflt : value_get_int(v);
}

value_t *machine_items(value_t v, size_t *n) {
    value_t *items = seq_items(v, n);
    if (items == NULL) {
        raise_fmt(&type_TypeError, "object '%T' isn't a tuple or list", v);
    }
    return items;
}

void machine_check(int result) {
    if (result < 0) {
        raise_os_error(-result);
    }
}

void machine_mark_roots(void) {
    gc_mark_range(&machine_state, sizeof machine_state);
}

// A soft reset stops what would call into the old heap: pin interrupts and
// timers. Pin levels, PWM and the RTC stay, as on the chip.
void machine_reset(void) {
    machine_pin_reset();
    machine_timer_reset();
}
