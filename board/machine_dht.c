// SPDX-License-Identifier: MIT
// dht_readinto(pin, buf): one reading of a DHT11 or DHT22 into the first 5
// bytes of buf, as the port's C helper (MicroPython's drivers/dht/dht.c):
// machine.dht_readinto and esp.dht_readinto, used by the frozen dht.py,
// which checks the checksum and decodes the bytes.
//
// The line is an open-drain output, held high by the sensor's pull-up. The
// start signal holds it low for 18 ms after 250 ms high; then, with
// interrupts off, the pin is let go and the sensor's answer timed: its
// 80 us low and 80 us high, then 40 bits, each a 50 us low and a high of
// 26-28 us (0) or 70 us (1). A high longer than 48 us is a 1. A sensor that
// does not answer within 100 us, or a pulse longer than 150 us, is
// OSError(ETIMEDOUT). Time is read only with hal_ticks_us and hal_delay_us,
// so that the host's simulated board runs the timed part in virtual time
// (core/hal.h).
#include "machine.h"

#define ANSWER_TIMEOUT_US 100
#define PULSE_TIMEOUT_US 150
#define ONE_LONGER_THAN_US 48

// Waits ms milliseconds on the microsecond ticks, running scheduled
// callbacks (Ctrl-C raises).
static void wait_ms(uint32_t ms) {
    uint32_t start = hal_ticks_us(), total = ms * 1000u;
    for (;;) {
        uint32_t spent = hal_ticks_us() - start;
        if (spent >= total) {
            return;
        }
        uint32_t left = total - spent;
        if (left >= 1000) {
            hal_delay_ms(left / 1000);
        } else {
            hal_delay_us(left);
        }
        vm_check_interrupt();
    }
}

// How long the pin stays at `level` once it gets there, or -1 when it does
// not get there or stays longer than timeout_us (time_pulse_us's loop).
static int32_t pulse_us(unsigned pin, bool level, uint32_t timeout_us) {
    uint32_t start = hal_ticks_us();
    while (hal_pin_read(pin) != level) {
        if (hal_ticks_us() - start >= timeout_us) {
            return -1;
        }
    }
    start = hal_ticks_us();
    while (hal_pin_read(pin) == level) {
        if (hal_ticks_us() - start >= timeout_us) {
            return -1;
        }
    }
    return (int32_t)(hal_ticks_us() - start);
}

// With interrupts off: the answer into buf; false on a timeout.
static bool read_answer(unsigned pin, uint8_t *buf) {
    hal_pin_write(pin, 1);
    hal_delay_us(10);
    uint32_t start = hal_ticks_us();
    while (hal_pin_read(pin)) {
        if (hal_ticks_us() - start > ANSWER_TIMEOUT_US) {
            return false;
        }
    }
    if (pulse_us(pin, 1, PULSE_TIMEOUT_US) < 0) {     // the 80 us low, then the 80 us high
        return false;
    }
    for (int i = 0; i < 40; i++) {
        int32_t high = pulse_us(pin, 1, PULSE_TIMEOUT_US);
        if (high < 0) {
            return false;
        }
        buf[i / 8] = (uint8_t)(buf[i / 8] << 1 | (high > ONE_LONGER_THAN_US));
    }
    return true;
}

static value_t machine_dht_readinto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_WRITE)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    if (b.len < 5) {
        raise_msg(&type_ValueError, "buffer too small");
    }
    machine_pin_od(pin);
    hal_pin_write(pin, 1);
    wait_ms(250);
    hal_pin_write(pin, 0);
    wait_ms(18);
    uint32_t irq = hal_irq_disable();
    bool ok = read_answer(pin, b.buf);
    hal_irq_restore(irq);
    if (!ok) {
        raise_os_error(ESPY_ETIMEDOUT);
    }
    return VAL_NONE;
}
BUILTIN_FN(machine_dht_readinto_obj, Q_dht_readinto, 2, 2, false, machine_dht_readinto_fn);
