// SPDX-License-Identifier: MIT
// simboard: the controls of the host's simulated board (hal.h's hal_sim),
// for tests that drive machine's inputs and watch its outputs. On a target
// without a simulation every function raises OSError(ENODEV).
//
//     pin(n)                   the level pin n shows
//     pin(n, level[, after_us])  applies a level from outside (0, 1, None to
//                              let the pin float), now or after_us from now
//     state(n)                 (mode, pull_up, driven, applied): mode 0 IN, 1 OUT,
//                              2 OPEN_DRAIN, None unconfigured; driven and applied
//                              are levels or None
//     wire(src, dst)           dst reads what src shows; wire(dst, dst) cuts it
//     i2c_device(scl, sda, addr=0x50)  a 256-byte EEPROM (24C02) on two pins
//     i2c_memory(addr[, data[, offset]])  its bytes, or writes data into them
//     i2c_log(addr)            its transactions since the last call, as a str:
//                              " w:" or " r:" and the bytes written or read, in hex
//     spi_device(sck, mosi, miso, cs, mode=0)  an SPI peripheral selected by cs low
//     spi_reply(cs, data)      the bytes it sends next (0xFF after them)
//     spi_received(cs)         the bytes it took since the last call
//     adc(channel, value)      what ADC(channel).read() gives
//     pwm(n)                   (freq, duty) of pin n's PWM, or None
//     uart1()                  the bytes written to UART1 since the last call
//     spi()                    the bytes the hardware SPI sent on MOSI since then
//     bitstream(n)             the bytes machine.bitstream sent on pin n since then
//     onewire_device(n, rom)   a DS18x20 thermometer on pin n's 1-wire bus, with the
//                              8-byte ROM (7 bytes: the CRC is added); its family
//                              rom[0] is 0x28 DS18B20, 0x22 DS1822 or 0x10 DS18S20.
//                              Gives the sensor's number
//     dht_device(n, kind)      a DHT11 (kind 11) or DHT22 (22) on pin n: its number
//     sensor(s, *, temperature, humidity, silent, corrupt)  what sensor s
//                              measures next (degrees C, %RH); silent=True: it
//                              answers nothing; corrupt=True: its next scratchpad
//                              or reading has a bit flipped (a CRC or checksum error)
//     onewire_log(n)           the slots on pin n's 1-wire bus since the last call,
//                              as a str: R a reset nobody answered, P one answered
//                              by a presence pulse, 0 and 1 the bits (bytes go least
//                              significant bit first)
//     reset()                  nothing attached, every input floating
//
// `espy --board-io PATH` offers the same from outside (platform/host/board_io.c).
#include <string.h>

#include "machine.h"

static const hal_sim_t *sim(void) {
    const hal_sim_t *s = hal_sim();
    if (s == NULL) {
        raise_os_error(ESPY_ENODEV);
    }
    return s;
}

static unsigned pin_number(value_t v) {
    smallint_t n = value_get_int(v);
    if (n < 0 || n >= HAL_PIN_COUNT) {
        raise_msg(&type_ValueError, "invalid pin");
    }
    return (unsigned)n;
}

static value_t level_or_none(int level) {
    return level < 0 ? VAL_NONE : SMALL(level);
}

static value_t simboard_pin_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const hal_sim_t *s = sim();
    unsigned pin = pin_number(args[0]);
    if (n_args == 1) {
        int mode, driven, applied;
        bool pull_up;
        return SMALL(s->pin_state(pin, &mode, &pull_up, &driven, &applied));
    }
    int level = args[1] == VAL_NONE ? -1 : obj_is_true(args[1]);
    smallint_t after = n_args > 2 ? value_get_int(args[2]) : 0;
    s->pin_apply(pin, level, after < 0 ? 0 : (uint32_t)after);
    return VAL_NONE;
}
static BUILTIN_FN(simboard_pin_obj, Q_pin, 1, 3, false, simboard_pin_fn);

static value_t simboard_state_fn(size_t n_args, size_t n_kw, const value_t *args) {
    int mode, driven, applied;
    bool pull_up;
    sim()->pin_state(pin_number(args[0]), &mode, &pull_up, &driven, &applied);
    value_t items[4] = {level_or_none(mode), pull_up ? VAL_TRUE : VAL_FALSE, level_or_none(driven),
                        level_or_none(applied)};
    return tuple_new(4, items);
}
static BUILTIN_FN(simboard_state_obj, Q_state, 1, 1, false, simboard_state_fn);

static value_t simboard_wire_fn(size_t n_args, size_t n_kw, const value_t *args) {
    sim()->pin_wire(pin_number(args[0]), pin_number(args[1]));
    return VAL_NONE;
}
static BUILTIN_FN(simboard_wire_obj, Q_wire, 2, 2, false, simboard_wire_fn);

static value_t simboard_i2c_device_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const hal_sim_t *s = sim();
    smallint_t addr = n_args > 2 ? value_get_int(args[2]) : 0x50;
    if (addr < 0 || addr > 0x7F) {
        raise_msg(&type_ValueError, "invalid I2C address");
    }
    if (!s->i2c_attach(pin_number(args[0]), pin_number(args[1]), (unsigned)addr)) {
        raise_msg(&type_ValueError, "I2C address taken, or 4 devices already");
    }
    return VAL_NONE;
}
static BUILTIN_FN(simboard_i2c_device_obj, Q_i2c_device, 2, 3, false, simboard_i2c_device_fn);

static value_t simboard_i2c_memory_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint8_t *mem = sim()->i2c_memory((unsigned)value_get_int(args[0]));
    if (mem == NULL) {
        raise_msg(&type_ValueError, "no I2C device at that address");
    }
    if (n_args == 1) {
        return bytes_new(mem, 256);
    }
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    smallint_t offset = n_args > 2 ? value_get_int(args[2]) : 0;
    if (offset < 0 || (size_t)offset + b.len > 256) {
        raise_msg(&type_ValueError, "past the end of the device's 256 bytes");
    }
    for (size_t i = 0; i < b.len; i++) {
        mem[offset + i] = ((const uint8_t *)b.buf)[i];
    }
    return VAL_NONE;
}
static BUILTIN_FN(simboard_i2c_memory_obj, Q_i2c_memory, 1, 3, false, simboard_i2c_memory_fn);

static value_t simboard_i2c_log_fn(size_t n_args, size_t n_kw, const value_t *args) {
    char buf[2048];
    size_t n = sim()->i2c_log((unsigned)value_get_int(args[0]), buf, sizeof buf);
    return str_new(buf, n);
}
static BUILTIN_FN(simboard_i2c_log_obj, Q_i2c_log, 1, 1, false, simboard_i2c_log_fn);

// spi_device(sck, mosi, miso, cs, mode=0)
static value_t simboard_spi_device_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned sck = pin_number(args[0]), mosi = pin_number(args[1]), miso = pin_number(args[2]), cs = pin_number(args[3]);
    smallint_t mode = n_args > 4 ? value_get_int(args[4]) : 0;
    if (mode < 0 || mode > 3) {
        raise_msg(&type_ValueError, "an SPI mode is 0..3");
    }
    if (!sim()->spi_attach(sck, mosi, miso, cs, (unsigned)mode)) {
        raise_msg(&type_ValueError, "a device on that chip select already, or 4 SPI devices");
    }
    return VAL_NONE;
}
static BUILTIN_FN(simboard_spi_device_obj, Q_spi_device, 4, 5, false, simboard_spi_device_fn);

// spi_reply(cs, data): what the device sends next.
static value_t simboard_spi_reply_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    if (!sim()->spi_reply(pin_number(args[0]), b.buf, b.len)) {
        raise_msg(&type_ValueError, "no SPI device on that chip select, or its queue is full");
    }
    return VAL_NONE;
}
static BUILTIN_FN(simboard_spi_reply_obj, Q_spi_reply, 2, 2, false, simboard_spi_reply_fn);

// spi_received(cs): the bytes the device took since the last call.
static value_t simboard_spi_received_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint8_t buf[1024];
    long n = sim()->spi_take(pin_number(args[0]), buf, sizeof buf);
    if (n < 0) {
        raise_msg(&type_ValueError, "no SPI device on that chip select");
    }
    return bytes_new(buf, (size_t)n);
}
static BUILTIN_FN(simboard_spi_received_obj, Q_spi_received, 1, 1, false, simboard_spi_received_fn);

static value_t simboard_adc_fn(size_t n_args, size_t n_kw, const value_t *args) {
    sim()->adc_set((unsigned)value_get_int(args[0]), (int)value_get_int(args[1]));
    return VAL_NONE;
}
static BUILTIN_FN(simboard_adc_obj, Q_adc, 2, 2, false, simboard_adc_fn);

static value_t simboard_pwm_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uint32_t freq, duty;
    if (!sim()->pwm_get(pin_number(args[0]), &freq, &duty)) {
        return VAL_NONE;
    }
    value_t items[2] = {SMALL(freq), SMALL(duty)};
    return tuple_new(2, items);
}
static BUILTIN_FN(simboard_pwm_obj, Q_pwm, 1, 1, false, simboard_pwm_fn);

static value_t take(unsigned which) {
    const hal_sim_t *s = sim();
    uint8_t buf[256];
    vstr_t vs;
    vstr_init(&vs, 16);
    size_t n;
    while ((n = s->take_output(which, buf, sizeof buf)) > 0) {
        vstr_add_strn(&vs, (const char *)buf, n);
    }
    return bytes_new((const uint8_t *)vs.buf, vs.len);
}

static value_t simboard_uart1_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return take(HAL_SIM_OUTPUT_UART1);
}
static BUILTIN_FN(simboard_uart1_obj, Q_uart1, 0, 0, false, simboard_uart1_fn);

static value_t simboard_spi_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return take(HAL_SIM_OUTPUT_SPI);
}
static BUILTIN_FN(simboard_spi_obj, Q_spi, 0, 0, false, simboard_spi_fn);

static value_t simboard_bitstream_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return take(pin_number(args[0]));
}
static BUILTIN_FN(simboard_bitstream_obj, Q_bitstream, 1, 1, false, simboard_bitstream_fn);

static value_t simboard_onewire_device_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const hal_sim_t *s = sim();
    unsigned pin = pin_number(args[0]);
    buffer_info_t b;
    if (!obj_get_buffer(args[1], &b, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    if (b.len != 7 && b.len != 8) {
        raise_fmt(&type_ValueError, "a ROM has 8 bytes (7 without its CRC), not %d", (int)b.len);
    }
    uint8_t rom[8];
    memcpy(rom, b.buf, b.len);
    if (b.len == 7) {
        rom[7] = onewire_crc8(rom, 7);
    }
    if (rom[0] != 0x10 && rom[0] != 0x22 && rom[0] != 0x28) {
        raise_fmt(&type_ValueError, "no simulated 1-wire device of family 0x%x", rom[0]);
    }
    int n = s->sensor_attach(pin, HAL_SIM_DS18X20, rom);
    if (n < 0) {
        raise_msg(&type_ValueError, "8 thermometers already, the ROM on the bus already, or a DHT on the pin");
    }
    return SMALL(n);
}
static BUILTIN_FN(simboard_onewire_device_obj, Q_onewire_device, 2, 2, false, simboard_onewire_device_fn);

static value_t simboard_dht_device_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const hal_sim_t *s = sim();
    unsigned pin = pin_number(args[0]);
    smallint_t kind = value_get_int(args[1]);
    if (kind != 11 && kind != 22) {
        raise_fmt(&type_ValueError, "a DHT is 11 or 22, not %d", (int)kind);
    }
    int n = s->sensor_attach(pin, kind == 11 ? HAL_SIM_DHT11 : HAL_SIM_DHT22, NULL);
    if (n < 0) {
        raise_msg(&type_ValueError, "4 DHTs already, or a sensor on the pin");
    }
    return SMALL(n);
}
static BUILTIN_FN(simboard_dht_device_obj, Q_dht_device, 2, 2, false, simboard_dht_device_fn);

// sensor(s, *, temperature, humidity, silent, corrupt)
static value_t simboard_sensor_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {
        {Q_sensor, ARG_REQUIRED}, {Q_temperature, ARG_KW_ONLY}, {Q_humidity, ARG_KW_ONLY},
        {Q_silent, ARG_KW_ONLY},  {Q_corrupt, ARG_KW_ONLY},
    };
    static const uint8_t what[] = {0, HAL_SIM_SET_TEMPERATURE, HAL_SIM_SET_HUMIDITY, HAL_SIM_SET_SILENT,
                                   HAL_SIM_SET_CORRUPT};
    value_t a[5];
    machine_parse_args(n_args, n_kw, args, spec, 5, a);
    const hal_sim_t *s = sim();
    smallint_t n = value_get_int(a[0]);
    for (int i = 1; i < 5; i++) {
        if (a[i] == VAL_NULL) {
            continue;
        }
        double v = i <= 2 ? value_get_float(a[i]) : obj_is_true(a[i]);
        if (n < 0 || n > 255 || !s->sensor_set((int)n, what[i], v)) {
            raise_fmt(&type_ValueError, "no sensor %d, or it has no such setting", (int)n);
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(simboard_sensor_obj, Q_sensor, 1, 1, true, simboard_sensor_fn);

static value_t simboard_onewire_log_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const hal_sim_t *s = sim();
    unsigned pin = pin_number(args[0]);
    char buf[256];
    vstr_t vs;
    vstr_init(&vs, 16);
    size_t n;
    while ((n = s->onewire_log(pin, buf, sizeof buf)) > 0) {
        vstr_add_strn(&vs, buf, n);
    }
    return str_from_vstr(&vs);
}
static BUILTIN_FN(simboard_onewire_log_obj, Q_onewire_log, 1, 1, false, simboard_onewire_log_fn);

static value_t simboard_reset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    sim()->reset();
    return VAL_NONE;
}
static BUILTIN_FN(simboard_reset_obj, Q_reset, 0, 0, false, simboard_reset_fn);

static const map_entry_t simboard_table[] = {
    {QSTR(Q___name__), QSTR(Q_simboard)},
    {QSTR(Q_adc), PTR_VAL(&simboard_adc_obj)},
    {QSTR(Q_bitstream), PTR_VAL(&simboard_bitstream_obj)},
    {QSTR(Q_dht_device), PTR_VAL(&simboard_dht_device_obj)},
    {QSTR(Q_i2c_device), PTR_VAL(&simboard_i2c_device_obj)},
    {QSTR(Q_i2c_log), PTR_VAL(&simboard_i2c_log_obj)},
    {QSTR(Q_i2c_memory), PTR_VAL(&simboard_i2c_memory_obj)},
    {QSTR(Q_onewire_device), PTR_VAL(&simboard_onewire_device_obj)},
    {QSTR(Q_onewire_log), PTR_VAL(&simboard_onewire_log_obj)},
    {QSTR(Q_pin), PTR_VAL(&simboard_pin_obj)},
    {QSTR(Q_pwm), PTR_VAL(&simboard_pwm_obj)},
    {QSTR(Q_reset), PTR_VAL(&simboard_reset_obj)},
    {QSTR(Q_sensor), PTR_VAL(&simboard_sensor_obj)},
    {QSTR(Q_spi), PTR_VAL(&simboard_spi_obj)},
    {QSTR(Q_spi_device), PTR_VAL(&simboard_spi_device_obj)},
    {QSTR(Q_spi_received), PTR_VAL(&simboard_spi_received_obj)},
    {QSTR(Q_spi_reply), PTR_VAL(&simboard_spi_reply_obj)},
    {QSTR(Q_state), PTR_VAL(&simboard_state_obj)},
    {QSTR(Q_uart1), PTR_VAL(&simboard_uart1_obj)},
    {QSTR(Q_wire), PTR_VAL(&simboard_wire_obj)},
};
MODULE_ROM(simboard_module, Q_simboard, simboard_table);

ESPY_MODULE(simboard, simboard_module);
