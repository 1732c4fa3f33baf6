// SPDX-License-Identifier: MIT
// I2C devices on the simulated board's pins: memories that answer as a
// 24C02 EEPROM does (256 bytes, an 8-bit address). A write sets the address
// with its first byte and stores the rest there, the address going up (and
// round); a read sends from the address, going up, until the master answers
// a byte with NACK. A device sees nothing but the levels of its two pins,
// so it checks the bit-banging of machine.SoftI2C as real hardware would:
// START and STOP (SDA falling or rising while SCL is high), a bit read on
// each rising edge of SCL, SDA changed by the device only while SCL is low,
// ACK driven for the ninth clock.
#include <string.h>

#include "hal_board.h"

#define DEVICES_MAX 4
#define LOG_SIZE 2048

enum { IDLE, ADDRESS, WRITE, READ };           // where the transaction is
enum { RECEIVE, ACK_OUT, SEND, ACK_IN, WAIT };  // where the byte is

typedef struct {
    bool used;
    uint8_t scl, sda, addr;
    uint8_t state, phase, bits, byte, pointer;
    bool have_pointer, master_ack, pulls_low;
    uint8_t last_scl, last_sda;
    uint8_t memory[256];
    // The transactions since the test last asked: " w:" or " r:" and the
    // bytes written to the device or read from it, in hex.
    char log[LOG_SIZE];
    size_t log_len;
} device_t;

static device_t devices[DEVICES_MAX];

bool sim_i2c_attach(unsigned scl, unsigned sda, unsigned addr) {
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        device_t *d = &devices[i];
        if (d->used && d->addr == addr) {
            return false;
        }
    }
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        device_t *d = &devices[i];
        if (!d->used) {
            memset(d, 0, sizeof *d);
            memset(d->memory, 0xFF, sizeof d->memory);   // an erased EEPROM
            d->used = true;
            d->scl = (uint8_t)scl;
            d->sda = (uint8_t)sda;
            d->addr = (uint8_t)addr;
            d->last_scl = d->last_sda = 1;
            return true;
        }
    }
    return false;
}

void sim_i2c_detach_all(void) {
    memset(devices, 0, sizeof devices);
}

uint8_t *sim_i2c_memory(unsigned addr) {
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        if (devices[i].used && devices[i].addr == addr) {
            return devices[i].memory;
        }
    }
    return NULL;
}

bool sim_i2c_on_pin(unsigned pin) {
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        if (devices[i].used && (devices[i].scl == pin || devices[i].sda == pin)) {
            return true;
        }
    }
    return false;
}

bool sim_i2c_pulls_low(unsigned pin) {
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        if (devices[i].used && devices[i].sda == pin && devices[i].pulls_low) {
            return true;
        }
    }
    return false;
}

// Puts bit `bits` of the byte being sent on SDA (a 0 pulls it low).
static void send_bit(device_t *d) {
    d->pulls_low = !((d->byte << d->bits) & 0x80);
}

static void log_add(device_t *d, const char *text) {
    size_t n = strlen(text);
    if (n <= LOG_SIZE - 1 - d->log_len) {
        memcpy(d->log + d->log_len, text, n);
        d->log_len += n;
    }
}

static void log_byte(device_t *d, uint8_t byte) {
    char hex[3] = {"0123456789abcdef"[byte >> 4], "0123456789abcdef"[byte & 15], 0};
    log_add(d, hex);
}

size_t sim_i2c_log(unsigned addr, char *buf, size_t size) {
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        device_t *d = &devices[i];
        if (d->used && d->addr == addr) {
            size_t n = d->log_len < size ? d->log_len : size;
            memcpy(buf, d->log, n);
            memmove(d->log, d->log + n, d->log_len - n);
            d->log_len -= n;
            return n;
        }
    }
    return 0;
}

static void start_sending(device_t *d) {
    d->byte = d->memory[d->pointer++];
    log_byte(d, d->byte);
    d->bits = 0;
    d->phase = SEND;
    send_bit(d);
}

// A whole byte came in (at the falling edge after its eighth bit).
static void received(device_t *d) {
    if (d->state == ADDRESS) {
        if ((d->byte >> 1) != d->addr) {
            d->state = IDLE;             // not us: no ACK
            return;
        }
        d->state = (d->byte & 1) ? READ : WRITE;
        d->have_pointer = false;
        log_add(d, d->state == READ ? " r:" : " w:");
    } else if (!d->have_pointer) {
        d->pointer = d->byte;
        d->have_pointer = true;
        log_byte(d, d->byte);
    } else {
        d->memory[d->pointer++] = d->byte;
        log_byte(d, d->byte);
    }
    d->phase = ACK_OUT;
    d->pulls_low = true;
}

static void clock_rises(device_t *d, int sda) {
    if (d->phase == RECEIVE) {
        d->byte = (uint8_t)(d->byte << 1 | sda);
        d->bits++;
    } else if (d->phase == SEND) {
        d->bits++;
    } else if (d->phase == ACK_IN) {
        d->master_ack = sda == 0;
    }
}

static void clock_falls(device_t *d) {
    switch (d->phase) {
        case RECEIVE:
            if (d->bits == 8) {
                received(d);
            }
            break;
        case ACK_OUT:
            d->pulls_low = false;
            if (d->state == READ) {
                start_sending(d);
            } else {
                d->phase = RECEIVE;
                d->bits = 0;
                d->byte = 0;
            }
            break;
        case SEND:
            if (d->bits < 8) {
                send_bit(d);
            } else {
                d->pulls_low = false;
                d->phase = ACK_IN;
            }
            break;
        case ACK_IN:
            if (d->master_ack) {
                start_sending(d);
            } else {
                d->phase = WAIT;         // until STOP or a repeated START
            }
            break;
    }
}

static void step(device_t *d, int scl, int sda) {
    int last_scl = d->last_scl, last_sda = d->last_sda;
    d->last_scl = (uint8_t)scl;
    d->last_sda = (uint8_t)sda;
    if (scl && last_scl && sda != last_sda) {
        d->pulls_low = false;
        if (!sda) {                      // START, or a repeated START
            d->state = ADDRESS;
            d->phase = RECEIVE;
            d->bits = 0;
            d->byte = 0;
        } else {                         // STOP
            d->state = IDLE;
        }
        return;
    }
    if (d->state == IDLE || scl == last_scl) {
        return;
    }
    if (scl) {
        clock_rises(d, sda);
    } else {
        clock_falls(d);
    }
}

bool sim_i2c_bus_changed(int (*level_of)(unsigned pin)) {
    bool changed = false;
    for (unsigned i = 0; i < DEVICES_MAX; i++) {
        device_t *d = &devices[i];
        if (!d->used) {
            continue;
        }
        bool before = d->pulls_low;
        step(d, level_of(d->scl), level_of(d->sda));
        changed |= d->pulls_low != before;
    }
    return changed;
}
