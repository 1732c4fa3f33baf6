// SPDX-License-Identifier: MIT
// machine: the chip's hardware (spec: esp8266-port-behaviour.md section 8).
// The module's functions and its table; the classes are in machine_*.c,
// all on hal.h's board part.
#include "machine.h"

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

// ---- resets and sleeping -----------------------------------------------------------------------

// soft_reset(): SystemExit, which the REPL turns into a soft reset. Also what
// the host's watchdog queues (with an argument it ignores).
static value_t machine_soft_reset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    raise_obj(PTR_VAL(&type_SystemExit));
}
BUILTIN_FN(machine_soft_reset_obj, Q_soft_reset, 0, 1, false, machine_soft_reset_fn);

static value_t machine_reset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hal_reset(HAL_RESET_SOFT, 0);
    raise_obj(PTR_VAL(&type_SystemExit));       // a target that cannot restart
}
static BUILTIN_FN(machine_reset_obj, Q_reset, 0, 0, false, machine_reset_fn);

static value_t machine_reset_cause_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(hal_reset_cause());
}
static BUILTIN_FN(machine_reset_cause_obj, Q_reset_cause, 0, 0, false, machine_reset_cause_fn);

void machine_sleep_ms(uint64_t ms) {
    uint32_t last = hal_ticks_ms();
    while (ms > 0) {
        hal_delay_ms(ms > 100 ? 100 : (uint32_t)ms);
        uint32_t now = hal_ticks_ms(), spent = now - last;
        last = now;
        ms = spent >= ms ? 0 : ms - spent;
        vm_check_interrupt();
    }
}

// lightsleep([ms]) and sleep([ms]): waits, running callbacks (about 71
// minutes, 2^32 us, without ms).
static value_t machine_lightsleep_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t ms = n_args > 0 ? value_get_int(args[0]) : 4294967;
    if (ms > 0) {
        machine_sleep_ms((uint64_t)ms);
    }
    return VAL_NONE;
}
static BUILTIN_FN(machine_lightsleep_obj, Q_lightsleep, 0, 1, false, machine_lightsleep_fn);

// deepsleep([ms]): until ms pass, or RTC.ALARM0 if RTC.irq(wake=DEEPSLEEP)
// asked for it, else until reset. Waking is a reset.
static value_t machine_deepsleep_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint64_t sleep_us = 0;
    machine_rtc_wake_alarm(&sleep_us);
    if (n_args > 0) {
        smallint_t ms = value_get_int(args[0]);
        sleep_us = ms <= 0 ? 0 : (uint64_t)ms * 1000u;
    }
    hal_reset(HAL_RESET_DEEPSLEEP, sleep_us);
    raise_obj(PTR_VAL(&type_SystemExit));
}
static BUILTIN_FN(machine_deepsleep_obj, Q_deepsleep, 0, 1, false, machine_deepsleep_fn);

static value_t machine_idle_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hal_wait_for_interrupt();
    vm_check_interrupt();
    return VAL_NONE;
}
static BUILTIN_FN(machine_idle_obj, Q_idle, 0, 0, false, machine_idle_fn);

// ---- interrupts ---------------------------------------------------------------------------------

static value_t machine_disable_irq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_uintptr(hal_irq_disable());
}
static BUILTIN_FN(machine_disable_irq_obj, Q_disable_irq, 0, 0, false, machine_disable_irq_fn);

static value_t machine_enable_irq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t v = args[0];
    if (!value_is_int(v)) {
        raise_fmt(&type_TypeError, "can't convert %T to int", v);
    }
    hal_irq_restore((uint32_t)int_as_double(v));
    return VAL_NONE;
}
static BUILTIN_FN(machine_enable_irq_obj, Q_enable_irq, 1, 1, false, machine_enable_irq_fn);

// ---- the chip -------------------------------------------------------------------------------------

static value_t machine_unique_id_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t id = hal_chip_id();
    uint8_t bytes[4] = {(uint8_t)id, (uint8_t)(id >> 8), (uint8_t)(id >> 16), (uint8_t)(id >> 24)};
    return bytes_new(bytes, 4);
}
static BUILTIN_FN(machine_unique_id_obj, Q_unique_id, 0, 0, false, machine_unique_id_fn);

// time_pulse_us(pin, level, timeout_us=1000000): how long the pin stays at
// `level` once it gets there; -2 if it never does within the timeout, -1
// if the pulse outlasts it.
static value_t machine_time_pulse_us_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    bool level = obj_is_true(args[1]);
    uint32_t timeout = n_args > 2 ? (uint32_t)value_get_int(args[2]) : 1000000u;
    uint32_t start = hal_ticks_us();
    while (hal_pin_read(pin) != level) {
        if (hal_ticks_us() - start >= timeout) {
            return SMALL(-2);
        }
    }
    start = hal_ticks_us();
    while (hal_pin_read(pin) == level) {
        if (hal_ticks_us() - start >= timeout) {
            return SMALL(-1);
        }
    }
    return SMALL(hal_ticks_us() - start);
}
static BUILTIN_FN(machine_time_pulse_us_obj, Q_time_pulse_us, 2, 3, false, machine_time_pulse_us_fn);

// bitstream(pin, encoding, timing, buf): encoding 0 is high then low for
// each bit, timing (t0h, t0l, t1h, t1l) in nanoseconds.
static value_t machine_bitstream_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    if (value_get_int(args[1]) != 0) {
        raise_msg(&type_ValueError, "encoding");
    }
    size_t n;
    value_t *timing = machine_items(args[2], &n);
    if (n != 4) {
        raise_fmt(&type_ValueError, "requested length 4 but object has length %d", (int)n);
    }
    uint32_t high[2] = {(uint32_t)value_get_int(timing[0]), (uint32_t)value_get_int(timing[2])};
    uint32_t low[2] = {(uint32_t)value_get_int(timing[1]), (uint32_t)value_get_int(timing[3])};
    buffer_info_t b;
    if (!obj_get_buffer(args[3], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    hal_bitstream(pin, high, low, b.buf, b.len);
    return VAL_NONE;
}
static BUILTIN_FN(machine_bitstream_obj, Q_bitstream, 4, 4, false, machine_bitstream_fn);

static const map_entry_t machine_table[] = {
    {QSTR(Q_ADC), PTR_VAL(&machine_adc_type)},
    {QSTR(Q_DEEPSLEEP), SMALL(4)},
    {QSTR(Q_DEEPSLEEP_RESET), SMALL(HAL_RESET_DEEPSLEEP)},
    {QSTR(Q_HARD_RESET), SMALL(HAL_RESET_HARD)},
    {QSTR(Q_I2C), PTR_VAL(&machine_softi2c_type)},
    {QSTR(Q_PWM), PTR_VAL(&machine_pwm_type)},
    {QSTR(Q_PWRON_RESET), SMALL(HAL_RESET_POWER_ON)},
    {QSTR(Q_Pin), PTR_VAL(&machine_pin_type)},
    {QSTR(Q_RTC), PTR_VAL(&machine_rtc_type)},
    {QSTR(Q_SOFT_RESET), SMALL(HAL_RESET_SOFT)},
    {QSTR(Q_SPI), PTR_VAL(&machine_hspi_type)},
    {QSTR(Q_Signal), PTR_VAL(&machine_signal_type)},
    {QSTR(Q_SoftI2C), PTR_VAL(&machine_softi2c_type)},
    {QSTR(Q_SoftSPI), PTR_VAL(&machine_softspi_type)},
    {QSTR(Q_Timer), PTR_VAL(&machine_timer_type)},
    {QSTR(Q_UART), PTR_VAL(&machine_uart_type)},
    {QSTR(Q_WDT), PTR_VAL(&machine_wdt_type)},
    {QSTR(Q_WDT_RESET), SMALL(HAL_RESET_WDT)},
    {QSTR(Q___name__), QSTR(Q_machine)},
    {QSTR(Q_bitstream), PTR_VAL(&machine_bitstream_obj)},
    {QSTR(Q_deepsleep), PTR_VAL(&machine_deepsleep_obj)},
    {QSTR(Q_dht_readinto), PTR_VAL(&machine_dht_readinto_obj)},
    {QSTR(Q_disable_irq), PTR_VAL(&machine_disable_irq_obj)},
    {QSTR(Q_enable_irq), PTR_VAL(&machine_enable_irq_obj)},
    {QSTR(Q_freq), PTR_VAL(&machine_freq_obj)},
    {QSTR(Q_idle), PTR_VAL(&machine_idle_obj)},
    {QSTR(Q_lightsleep), PTR_VAL(&machine_lightsleep_obj)},
    {QSTR(Q_reset), PTR_VAL(&machine_reset_obj)},
    {QSTR(Q_reset_cause), PTR_VAL(&machine_reset_cause_obj)},
    {QSTR(Q_sleep), PTR_VAL(&machine_lightsleep_obj)},
    {QSTR(Q_soft_reset), PTR_VAL(&machine_soft_reset_obj)},
    {QSTR(Q_time_pulse_us), PTR_VAL(&machine_time_pulse_us_obj)},
    {QSTR(Q_unique_id), PTR_VAL(&machine_unique_id_obj)},
};
MODULE_ROM(machine_module, Q_machine, machine_table);

ESPY_MODULE(machine, machine_module);
ESPY_MODULE(umachine, machine_module);
