// SPDX-License-Identifier: MIT
// 1-wire thermometers on the simulated board's pins: the DS18B20 (family
// 0x28), the DS1822 (0x22, the same format) and the DS18S20 (0x10), as
// Maxim's datasheets describe them, several on one bus, each with its
// 4.7 kOhm pull-up.
//
// A device sees only the bus's level and the board's time (hal_board.c
// plays the time in microseconds, virtual while the program bit-bangs with
// interrupts off). A low of 480 us or more is a reset: 30 us after the bus
// rises the device answers with a 120 us presence pulse. Every other fall
// starts a slot: a device sending a 0 holds the bus low for 30 us from the
// fall (the master samples before that), a device receiving takes a 1 if
// the bus rose within 30 us of the fall (its sampling point, in the
// datasheet's 15-60 us window), a 0 otherwise. Bits go least significant
// first. After the reset come a ROM command (SEARCH 0xF0, ALARM SEARCH
// 0xEC, MATCH 0x55, SKIP 0xCC, READ 0x33) and a function command (CONVERT T
// 0x44, WRITE SCRATCHPAD 0x4E, READ SCRATCHPAD 0xBE, COPY SCRATCHPAD 0x48,
// RECALL E2 0xB8, READ POWER SUPPLY 0xB4); a device not selected, or given
// a command it does not know, waits for the next reset. A conversion takes
// 93.75 ms to 750 ms by the resolution (750 ms on a DS18S20); read slots
// during it give 0, then 1; the scratchpad has the old temperature (85 C
// at power-up) until it ends.
//
// Each bus also keeps a record of its slots for tests (sim_onewire_log).
#include <math.h>
#include <string.h>

#include "hal.h"
#include "hal_board.h"

#define LOG_SIZE 2048

#define RESET_US 480             // a low at least this long is a reset
#define PRESENCE_WAIT_US 30      // 15-60 us after the reset's end
#define PRESENCE_US 120          // 60-240 us
#define HOLD_US 30               // a 0 sent: the bus held low from the slot's fall
#define SAMPLE_US 30             // a bit received: the bus's level this long after the fall
#define LOG_SAMPLE_US 15         // the bus record's sampling point (the master's)

enum { IDLE, PRESENCE, ROM_COMMAND, SEARCH, MATCH, READ_ROM, FUNCTION, WRITE_SCRATCH, READ_SCRATCH, BUSY };
enum { SLOT_NONE, SLOT_SEND, SLOT_RECEIVE };

typedef struct {
    bool used, silent, corrupt_next;
    uint8_t pin, rom[8];
    double celsius;              // what the next conversion measures
    double converting;           // what the conversion going on measured
    uint64_t convert_end;        // when it is over (0: none)
    uint8_t temp[2];             // the temperature register, little-endian
    uint8_t count_remain;        // a DS18S20's
    uint8_t th, tl, config;      // the scratchpad's other bytes, and their copy in EEPROM
    uint8_t e2[3];
    uint8_t out[9];              // what READ SCRATCHPAD sends
    // The protocol.
    uint8_t state, slot, phase;  // phase: a SEARCH bit's three slots
    uint8_t byte;
    unsigned bits;               // bits of the transfer so far
    uint64_t fall;               // the bus's last fall
    uint64_t low_from, low_until;  // when the device holds the bus low
} thermo_t;

static thermo_t devices[SIM_ONEWIRE_MAX];

// What each pin's bus last showed, and its record.
static struct {
    uint8_t level;
    bool presence;               // a presence pulse is on
    uint64_t fall, reset_end;
    size_t log_len;
    char log[LOG_SIZE];
} buses[HAL_PIN_COUNT];

static bool is_s20(const thermo_t *d) {
    return d->rom[0] == 0x10;
}

// Maxim's CRC-8 (x^8 + x^5 + x^4 + 1), least significant bit first.
static uint8_t crc8(const uint8_t *data, size_t len) {
    uint8_t crc = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = data[i];
        for (int b = 0; b < 8; b++) {
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

// ---- the thermometer ----------------------------------------------------------------

static long clamp(long v, long lo, long hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

static unsigned resolution(const thermo_t *d) {
    return 9 + ((d->config >> 5) & 3);
}

static uint64_t conversion_us(const thermo_t *d) {
    return is_s20(d) ? 750000 : 750000u >> (12 - resolution(d));
}

// The temperature register as a conversion of c leaves it: 1/16 degree
// with the bits below the resolution cleared, or for a DS18S20 half
// degrees, with COUNT_REMAIN for the extended resolution (T = TEMP_READ -
// 0.25 + (16 - COUNT_REMAIN) / 16, TEMP_READ the half degrees truncated).
static void convert(thermo_t *d, double c) {
    long raw;
    if (is_s20(d)) {
        raw = clamp(lround(c * 2), -110, 250);
        double whole = floor(raw / 2.0);
        d->count_remain = (uint8_t)clamp(12 - lround(16 * (c - whole)), 0, 16);
    } else {
        raw = clamp(lround(c * 16), -55 * 16, 125 * 16);
        raw &= ~((1L << (12 - resolution(d))) - 1);
    }
    d->temp[0] = (uint8_t)(raw & 0xFF);
    d->temp[1] = (uint8_t)((raw >> 8) & 0xFF);
}

// A conversion that has ended by time t is in the register.
static void settle(thermo_t *d, uint64_t t) {
    if (d->convert_end != 0 && t >= d->convert_end) {
        convert(d, d->converting);
        d->convert_end = 0;
    }
}

// The alarm condition (ALARM SEARCH): the whole degrees at or above TH, or
// at or below TL.
static bool alarm(thermo_t *d, uint64_t t) {
    settle(d, t);
    int16_t raw = (int16_t)(d->temp[0] | d->temp[1] << 8);
    int whole = is_s20(d) ? (int)floor(raw / 2.0) : (int)floor(raw / 16.0);
    return whole >= (int8_t)d->th || whole <= (int8_t)d->tl;
}

static void read_scratch(thermo_t *d, uint64_t t) {
    settle(d, t);
    uint8_t *o = d->out;
    o[0] = d->temp[0];
    o[1] = d->temp[1];
    o[2] = d->th;
    o[3] = d->tl;
    if (is_s20(d)) {
        o[4] = o[5] = 0xFF;
        o[6] = d->count_remain;
    } else {
        o[4] = d->config;
        o[5] = 0xFF;
        o[6] = 0x0C;
    }
    o[7] = 0x10;
    o[8] = crc8(o, 8);
    if (d->corrupt_next) {
        o[0] ^= 1;                       // a bit lost on the way: the CRC no longer matches
        d->corrupt_next = false;
    }
}

static void write_scratch(thermo_t *d, uint8_t byte) {
    unsigned i = d->bits / 8 - 1;        // TH, TL, then the DS18B20's configuration
    if (i == 0) {
        d->th = byte;
    } else if (i == 1) {
        d->tl = byte;
    } else if (i == 2 && !is_s20(d)) {
        d->config = (uint8_t)((byte & 0x60) | 0x1F);
    }
}

static void function_command(thermo_t *d, uint8_t cmd, uint64_t t) {
    d->bits = 0;
    switch (cmd) {
        case 0x44:                       // CONVERT T
            settle(d, t);
            d->converting = d->celsius;
            d->convert_end = t + conversion_us(d);
            d->state = BUSY;
            return;
        case 0x4E:
            d->state = WRITE_SCRATCH;
            return;
        case 0xBE:
            read_scratch(d, t);
            d->state = READ_SCRATCH;
            return;
        case 0x48:                       // COPY SCRATCHPAD (done at once: read slots give 1)
            d->e2[0] = d->th;
            d->e2[1] = d->tl;
            d->e2[2] = d->config;
            break;
        case 0xB8:                       // RECALL E2
            d->th = d->e2[0];
            d->tl = d->e2[1];
            d->config = d->e2[2];
            break;
    }
    d->state = IDLE;                     // READ POWER SUPPLY: 1, external power; others: unknown
}

static void rom_command(thermo_t *d, uint8_t cmd, uint64_t t) {
    d->bits = 0;
    d->phase = 0;
    switch (cmd) {
        case 0xEC:                       // ALARM SEARCH: those in alarm only
            d->state = alarm(d, t) ? SEARCH : IDLE;
            break;
        case 0xF0:
            d->state = SEARCH;
            break;
        case 0x55:
            d->state = MATCH;
            break;
        case 0xCC:
            d->state = FUNCTION;
            break;
        case 0x33:
            d->state = READ_ROM;
            break;
        default:
            d->state = IDLE;
    }
}

static int rom_bit(const thermo_t *d, unsigned i) {
    return (d->rom[i / 8] >> (i % 8)) & 1;
}

// A slot began at time t: what the device does in it, and the bit it sends.
static int slot_begins(thermo_t *d, uint64_t t, int *bit) {
    switch (d->state) {
        case SEARCH:
            if (d->phase == 2) {
                return SLOT_RECEIVE;
            }
            *bit = rom_bit(d, d->bits) ^ d->phase++;
            return SLOT_SEND;
        case READ_ROM:
            *bit = rom_bit(d, d->bits++);
            if (d->bits == 64) {
                d->state = FUNCTION;
                d->bits = 0;
            }
            return SLOT_SEND;
        case READ_SCRATCH:
            *bit = d->bits < 72 ? (d->out[d->bits / 8] >> (d->bits % 8)) & 1 : 1;
            d->bits++;
            return SLOT_SEND;
        case BUSY:
            *bit = t >= d->convert_end;
            return SLOT_SEND;
        case ROM_COMMAND:
        case MATCH:
        case FUNCTION:
        case WRITE_SCRATCH:
            return SLOT_RECEIVE;
    }
    return SLOT_NONE;
}

static void received(thermo_t *d, int bit, uint64_t t) {
    switch (d->state) {
        case SEARCH:                     // the master's choice: ours, or we drop out
            d->phase = 0;
            if (bit != rom_bit(d, d->bits)) {
                d->state = IDLE;
            } else if (++d->bits == 64) {
                d->state = FUNCTION;
                d->bits = 0;
            }
            return;
        case MATCH:
            if (bit != rom_bit(d, d->bits)) {
                d->state = IDLE;
            } else if (++d->bits == 64) {
                d->state = FUNCTION;
                d->bits = 0;
            }
            return;
    }
    d->byte = (uint8_t)(d->byte >> 1 | bit << 7);
    if (++d->bits % 8 != 0) {
        return;
    }
    if (d->state == ROM_COMMAND) {
        rom_command(d, d->byte, t);
    } else if (d->state == FUNCTION) {
        function_command(d, d->byte, t);
    } else if (d->state == WRITE_SCRATCH) {
        write_scratch(d, d->byte);
    }
}

static void bus_falls(thermo_t *d, uint64_t t) {
    if (d->state == PRESENCE) {
        if (t < d->low_until) {
            return;                      // its own presence pulse, or a neighbour's
        }
        d->state = ROM_COMMAND;
        d->bits = 0;
    }
    d->fall = t;
    int bit = 1;
    d->slot = (uint8_t)slot_begins(d, t, &bit);
    if (d->slot == SLOT_SEND && bit == 0) {
        d->low_from = t;
        d->low_until = t + HOLD_US;
    }
}

static void bus_rises(thermo_t *d, uint64_t t) {
    if (d->state == PRESENCE && t <= d->low_until) {
        return;
    }
    uint64_t low = t - d->fall;
    if (low >= RESET_US) {
        d->state = PRESENCE;
        d->low_from = t + PRESENCE_WAIT_US;
        d->low_until = d->low_from + PRESENCE_US;
        d->slot = SLOT_NONE;
        return;
    }
    if (d->slot == SLOT_RECEIVE) {
        d->slot = SLOT_NONE;
        received(d, low < SAMPLE_US, t);
    }
}

// ---- the bus's record ------------------------------------------------------------

static void log_add(unsigned pin, char c) {
    if (buses[pin].log_len == LOG_SIZE) {
        memmove(buses[pin].log, buses[pin].log + 1, LOG_SIZE - 1);
        buses[pin].log_len--;
    }
    buses[pin].log[buses[pin].log_len++] = c;
}

static void log_edge(unsigned pin, int level, uint64_t t) {
    if (!level) {
        if (buses[pin].log_len > 0 && buses[pin].log[buses[pin].log_len - 1] == 'R' &&
            t - buses[pin].reset_end < PRESENCE_WAIT_US + 30) {
            buses[pin].log[buses[pin].log_len - 1] = 'P';
            buses[pin].presence = true;
        }
        buses[pin].fall = t;
        return;
    }
    if (buses[pin].presence) {
        buses[pin].presence = false;     // the presence pulse's end
        return;
    }
    uint64_t low = t - buses[pin].fall;
    if (low >= RESET_US) {
        log_add(pin, 'R');
        buses[pin].reset_end = t;
    } else {
        log_add(pin, low < LOG_SAMPLE_US ? '1' : '0');
    }
}

size_t sim_onewire_log(unsigned pin, char *buf, size_t size) {
    size_t n = buses[pin].log_len < size ? buses[pin].log_len : size;
    memcpy(buf, buses[pin].log, n);
    memmove(buses[pin].log, buses[pin].log + n, buses[pin].log_len - n);
    buses[pin].log_len -= n;
    return n;
}

// ---- what the board asks --------------------------------------------------------------

int sim_onewire_attach(unsigned pin, const uint8_t rom[8]) {
    int free_slot = -1;
    for (int i = 0; i < SIM_ONEWIRE_MAX; i++) {
        if (devices[i].used && devices[i].pin == pin && memcmp(devices[i].rom, rom, 8) == 0) {
            return -1;
        }
        if (!devices[i].used && free_slot < 0) {
            free_slot = i;
        }
    }
    if (free_slot < 0) {
        return -1;
    }
    if (!sim_onewire_on_pin(pin)) {
        memset(&buses[pin], 0, sizeof buses[pin]);
        buses[pin].level = 1;
    }
    thermo_t *d = &devices[free_slot];
    memset(d, 0, sizeof *d);
    d->used = true;
    d->pin = (uint8_t)pin;
    memcpy(d->rom, rom, 8);
    d->celsius = 25;
    d->th = d->e2[0] = 75;               // the power-up scratchpad
    d->tl = d->e2[1] = 70;
    d->config = d->e2[2] = 0x7F;
    convert(d, 85);
    return free_slot;
}

bool sim_onewire_set(int n, unsigned what, double value) {
    if (n >= SIM_ONEWIRE_MAX || !devices[n].used) {
        return false;
    }
    thermo_t *d = &devices[n];
    switch (what) {
        case HAL_SIM_SET_TEMPERATURE:
            d->celsius = value;
            return true;
        case HAL_SIM_SET_SILENT:
            d->silent = value != 0;
            d->state = IDLE;
            d->low_until = 0;
            return true;
        case HAL_SIM_SET_CORRUPT:
            d->corrupt_next = value != 0;
            return true;
    }
    return false;
}

void sim_onewire_detach_all(void) {
    memset(devices, 0, sizeof devices);
}

bool sim_onewire_on_pin(unsigned pin) {
    for (int i = 0; i < SIM_ONEWIRE_MAX; i++) {
        if (devices[i].used && devices[i].pin == pin) {
            return true;
        }
    }
    return false;
}

bool sim_onewire_pulls_low(unsigned pin, uint64_t t) {
    for (int i = 0; i < SIM_ONEWIRE_MAX; i++) {
        const thermo_t *d = &devices[i];
        if (d->used && d->pin == pin && t >= d->low_from && t < d->low_until) {
            return true;
        }
    }
    return false;
}

uint64_t sim_onewire_next_change(uint64_t after) {
    uint64_t next = UINT64_MAX;
    for (int i = 0; i < SIM_ONEWIRE_MAX; i++) {
        const thermo_t *d = &devices[i];
        if (!d->used) {
            continue;
        }
        uint64_t t = d->low_from > after ? d->low_from : d->low_until > after ? d->low_until : UINT64_MAX;
        if (t < next) {
            next = t;
        }
    }
    return next;
}

bool sim_onewire_bus_changed(int (*level_of)(unsigned pin), uint64_t t) {
    bool changed = false;
    for (unsigned pin = 0; pin < HAL_PIN_COUNT; pin++) {
        if (!sim_onewire_on_pin(pin)) {
            continue;
        }
        int level = level_of(pin);
        if (level == buses[pin].level) {
            continue;
        }
        buses[pin].level = (uint8_t)level;
        log_edge(pin, level, t);
        bool before = sim_onewire_pulls_low(pin, t);
        for (int i = 0; i < SIM_ONEWIRE_MAX; i++) {
            thermo_t *d = &devices[i];
            if (d->used && d->pin == pin && !d->silent) {
                if (level) {
                    bus_rises(d, t);
                } else {
                    bus_falls(d, t);
                }
            }
        }
        changed |= sim_onewire_pulls_low(pin, t) != before;
    }
    return changed;
}
