// SPDX-License-Identifier: MIT
// Inside the machine module (board/machine_*.c): what its files share.
#ifndef ESPY_BOARD_MACHINE_H
#define ESPY_BOARD_MACHINE_H

#include "board.h"
#include "exc.h"
#include "vm.h"

// ---- arguments as MicroPython's mp_arg_parse_all takes them ----------------

#define ARG_REQUIRED 1          // an error when missing
#define ARG_KW_ONLY 2           // keyword only

typedef struct machine_arg {
    qstr_t name;
    uint8_t flags;
} machine_arg_t;

// Fills out[i] with argument i of spec (positional first, then keywords),
// VAL_NULL when not given. Raises TypeError for extra arguments, unknown
// keywords and missing required ones, in MicroPython's words.
void machine_parse_args(size_t n_args, size_t n_kw, const value_t *args, const machine_arg_t *spec, size_t n_spec,
                        value_t *out);
// An int argument or a default when not given (VAL_NULL) .
smallint_t machine_int_or(value_t v, smallint_t dflt);
// The items of a tuple or list (TypeError for anything else).
value_t *machine_items(value_t v, size_t *n);
// Raises OSError for a negative result of a hal function.
void machine_check(int result);

// ---- pins (machine_pin.c) ---------------------------------------------------

extern const type_t machine_pin_type, machine_signal_type;
// The GPIO number of a Pin object ("expecting a pin" otherwise).
unsigned machine_pin_get(value_t v);
// Sets a pin up as an open-drain output (SoftI2C) or as an output/input.
void machine_pin_od(unsigned pin);

// ---- the other classes ---------------------------------------------------------

extern const type_t machine_softi2c_type, machine_softspi_type, machine_hspi_type, machine_timer_type,
    machine_wdt_type, machine_rtc_type, machine_adc_type, machine_pwm_type, machine_uart_type;

// Whether deepsleep() should wake at RTC.ALARM0, and when (machine_rtc.c).
bool machine_rtc_wake_alarm(uint64_t *sleep_us);
// Waits ms milliseconds, running scheduled callbacks, Ctrl-C ends it.
void machine_sleep_ms(uint64_t ms);

// The Python values machine keeps in RAM (GC roots): the pin interrupt
// handlers and the running timers.
typedef struct machine_state {
    value_t pin_handler[HAL_PIN_COUNT];
    value_t timers;              // the first running Timer (a list through their `next`)
} machine_state_t;
extern machine_state_t machine_state;

// Called by board_mark_roots and board_reset (repl.c).
void machine_mark_roots(void);
void machine_reset(void);
// machine_timer.c's part of the soft reset: every timer stopped.
void machine_timer_reset(void);
void machine_pin_reset(void);
// The watchdog went off on the host: the timer's code asks for SystemExit.
extern const builtin_fun_t machine_soft_reset_obj;
// dht_readinto(pin, buf), in machine and in esp (machine_dht.c).
extern const builtin_fun_t machine_dht_readinto_obj;
// The 1-wire CRC-8 of len bytes (mod_onewire.c).
uint8_t onewire_crc8(const uint8_t *data, size_t len);

#endif
