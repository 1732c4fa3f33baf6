// SPDX-License-Identifier: MIT
// _onewire: the 1-wire bus's time slots, bit-banged on a pin, as the port's
// C module (MicroPython's extmod/modonewire.c, with its timings); the
// frozen onewire.py builds the OneWire class on it. The pin is an
// open-drain output with a pull-up (OneWire sets it up so): writing 0
// pulls the bus low, 1 lets it go.
//
// The parts of a slot that must be exact run with interrupts off, and
// measure time only with hal_delay_us, so that the host's simulated board
// runs them in virtual time as the chip would (core/hal.h). The waits that
// may last longer (the reset's low, the recovery after a read slot) run
// with interrupts on: 1-wire devices accept any longer gap.
#include "machine.h"

// In microseconds: the reset's low, the wait for the presence pulse, the
// rest of the reset; a read slot's low, the wait before sampling, the
// recovery; a write slot's low, the rest of the slot, the recovery.
#define RESET_LOW 480
#define RESET_SAMPLE 70
#define RESET_REST 410
#define READ_LOW 5
#define READ_SAMPLE 5
#define READ_REST 40
#define WRITE_LOW 10
#define WRITE_SLOT 50
#define WRITE_REST 10

// True when a device answered with a presence pulse.
static bool bus_reset(unsigned pin) {
    hal_pin_write(pin, 0);
    hal_delay_us(RESET_LOW);
    uint32_t irq = hal_irq_disable();
    hal_pin_write(pin, 1);
    hal_delay_us(RESET_SAMPLE);
    bool presence = !hal_pin_read(pin);
    hal_irq_restore(irq);
    hal_delay_us(RESET_REST);
    return presence;
}

static int bus_readbit(unsigned pin) {
    hal_pin_write(pin, 1);
    uint32_t irq = hal_irq_disable();
    hal_pin_write(pin, 0);
    hal_delay_us(READ_LOW);
    hal_pin_write(pin, 1);
    hal_delay_us(READ_SAMPLE);
    int bit = hal_pin_read(pin);
    hal_irq_restore(irq);
    hal_delay_us(READ_REST);
    return bit;
}

static void bus_writebit(unsigned pin, int bit) {
    uint32_t irq = hal_irq_disable();
    hal_pin_write(pin, 0);
    hal_delay_us(WRITE_LOW);
    if (bit) {
        hal_pin_write(pin, 1);
    }
    hal_delay_us(WRITE_SLOT);
    hal_pin_write(pin, 1);
    hal_delay_us(WRITE_REST);
    hal_irq_restore(irq);
}

static value_t onewire_reset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return bus_reset(machine_pin_get(args[0])) ? VAL_TRUE : VAL_FALSE;
}
static BUILTIN_FN(onewire_reset_obj, Q_reset, 1, 1, false, onewire_reset_fn);

static value_t onewire_readbit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(bus_readbit(machine_pin_get(args[0])));
}
static BUILTIN_FN(onewire_readbit_obj, Q_readbit, 1, 1, false, onewire_readbit_fn);

// A byte, least significant bit first.
static value_t onewire_readbyte_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    int byte = 0;
    for (int i = 0; i < 8; i++) {
        byte |= bus_readbit(pin) << i;
    }
    return SMALL(byte);
}
static BUILTIN_FN(onewire_readbyte_obj, Q_readbyte, 1, 1, false, onewire_readbyte_fn);

static value_t onewire_writebit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    bus_writebit(pin, value_get_int(args[1]) != 0);
    return VAL_NONE;
}
static BUILTIN_FN(onewire_writebit_obj, Q_writebit, 2, 2, false, onewire_writebit_fn);

static value_t onewire_writebyte_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned pin = machine_pin_get(args[0]);
    smallint_t byte = value_get_int(args[1]);
    for (int i = 0; i < 8; i++) {
        bus_writebit(pin, (byte >> i) & 1);
    }
    return VAL_NONE;
}
static BUILTIN_FN(onewire_writebyte_obj, Q_writebyte, 2, 2, false, onewire_writebyte_fn);

// Maxim's CRC-8 (x^8 + x^5 + x^4 + 1, least significant bit first): 0
// over data followed by its CRC.
uint8_t onewire_crc8(const uint8_t *data, size_t len) {
    uint8_t crc = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = data[i];
        for (int bit = 0; bit < 8; bit++) {
            bool mix = (crc ^ byte) & 1;
            crc >>= 1;
            if (mix) {
                crc ^= 0x8C;
            }
            byte >>= 1;
        }
    }
    return crc;
}

static value_t onewire_crc8_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t b;
    if (!obj_get_buffer(args[0], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    return SMALL(onewire_crc8(b.buf, b.len));
}
static BUILTIN_FN(onewire_crc8_obj, Q_crc8, 1, 1, false, onewire_crc8_fn);

static const map_entry_t onewire_table[] = {
    {QSTR(Q___name__), QSTR(Q__onewire)},
    {QSTR(Q_crc8), PTR_VAL(&onewire_crc8_obj)},
    {QSTR(Q_readbit), PTR_VAL(&onewire_readbit_obj)},
    {QSTR(Q_readbyte), PTR_VAL(&onewire_readbyte_obj)},
    {QSTR(Q_reset), PTR_VAL(&onewire_reset_obj)},
    {QSTR(Q_writebit), PTR_VAL(&onewire_writebit_obj)},
    {QSTR(Q_writebyte), PTR_VAL(&onewire_writebyte_obj)},
};
MODULE_ROM(onewire_module, Q__onewire, onewire_table);

ESPY_MODULE(_onewire, onewire_module);
