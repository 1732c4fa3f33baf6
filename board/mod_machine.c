// SPDX-License-Identifier: MIT
// machine: the chip's hardware (spec: esp8266-port-behaviour.md section 8).
// So far the CPU clock; pins, buses, timers and resets come with the board.
#include "board.h"

// machine.freq([hz]): 80000000 or 160000000.
static value_t machine_freq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return int_from_uintptr(hal_cpu_freq());
    }
    smallint_t hz = index_value(args[0]);
    if (hz < 0 || (uint64_t)hz > UINT32_MAX || !hal_set_cpu_freq((uint32_t)hz)) {
        raise_msg(&type_ValueError, "frequency can only be either 80Mhz or 160MHz");
    }
    return VAL_NONE;
}
static BUILTIN_FN(machine_freq_obj, Q_freq, 0, 1, false, machine_freq_fn);

static const map_entry_t machine_table[] = {
    {QSTR(Q___name__), QSTR(Q_machine)},
    {QSTR(Q_freq), PTR_VAL(&machine_freq_obj)},
};
MODULE_ROM(machine_module, Q_machine, machine_table);

ESPY_MODULE(machine, machine_module);
ESPY_MODULE(umachine, machine_module);
