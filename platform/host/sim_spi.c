// SPDX-License-Identifier: MIT
// SPI devices on the simulated board's pins: a generic peripheral that, while
// its chip select is low, takes a byte from MOSI and gives one on MISO for
// every 8 clocks, in the SPI mode it was attached with. What it received is
// kept for the test to take; what it sends comes from a queue the test fills
// (0xFF once it is empty, as a bus with nobody driving it reads). Like the
// I2C devices it sees only the levels of its pins, so it checks machine.SPI
// and SoftSPI as hardware would: a bit is taken on the sampling edge of the
// mode (the first edge of the clock from idle for phase 0, the second for
// phase 1) and the next one shown on the other.
#include <string.h>

#include "hal_board.h"

#define SPI_DEVICES_MAX 4
#define QUEUE_SIZE 1024

typedef struct {
    bool used, selected;
    uint8_t sck, mosi, miso, cs, polarity, phase;
    uint8_t last_sck, last_cs;
    uint8_t in_byte, in_bits, out_byte, out_bits;
    int8_t drive;                    // the level on MISO, -1 none
    uint8_t reply[QUEUE_SIZE];
    size_t reply_len;
    uint8_t got[QUEUE_SIZE];
    size_t got_len;
} spi_device_t;

static spi_device_t devices[SPI_DEVICES_MAX];

static spi_device_t *by_cs(unsigned cs) {
    for (unsigned i = 0; i < SPI_DEVICES_MAX; i++) {
        if (devices[i].used && devices[i].cs == cs) {
            return &devices[i];
        }
    }
    return NULL;
}

bool sim_spi_attach(unsigned sck, unsigned mosi, unsigned miso, unsigned cs, unsigned mode) {
    if (by_cs(cs) != NULL) {
        return false;
    }
    for (unsigned i = 0; i < SPI_DEVICES_MAX; i++) {
        spi_device_t *d = &devices[i];
        if (!d->used) {
            memset(d, 0, sizeof *d);
            d->used = true;
            d->sck = (uint8_t)sck;
            d->mosi = (uint8_t)mosi;
            d->miso = (uint8_t)miso;
            d->cs = (uint8_t)cs;
            d->polarity = (uint8_t)(mode >> 1 & 1);
            d->phase = (uint8_t)(mode & 1);
            d->last_sck = d->polarity;
            d->last_cs = 1;
            d->drive = -1;
            return true;
        }
    }
    return false;
}

void sim_spi_detach_all(void) {
    memset(devices, 0, sizeof devices);
}

bool sim_spi_reply(unsigned cs, const uint8_t *data, size_t len) {
    spi_device_t *d = by_cs(cs);
    if (d == NULL || len > QUEUE_SIZE - d->reply_len) {
        return false;
    }
    memcpy(d->reply + d->reply_len, data, len);
    d->reply_len += len;
    return true;
}

// The bytes the device received since the last call (-1: no such device).
long sim_spi_take(unsigned cs, uint8_t *buf, size_t size) {
    spi_device_t *d = by_cs(cs);
    if (d == NULL) {
        return -1;
    }
    size_t n = d->got_len < size ? d->got_len : size;
    memcpy(buf, d->got, n);
    memmove(d->got, d->got + n, d->got_len - n);
    d->got_len -= n;
    return (long)n;
}

int sim_spi_drives(unsigned pin) {
    for (unsigned i = 0; i < SPI_DEVICES_MAX; i++) {
        if (devices[i].used && devices[i].miso == pin && devices[i].drive >= 0) {
            return devices[i].drive;
        }
    }
    return -1;
}

// The next byte to send, from the queue.
static void next_out(spi_device_t *d) {
    if (d->reply_len > 0) {
        d->out_byte = d->reply[0];
        memmove(d->reply, d->reply + 1, --d->reply_len);
    } else {
        d->out_byte = 0xFF;
    }
    d->out_bits = 0;
}

// Shows the next bit on MISO (out_bits: how many of the byte are shown).
static void show_next(spi_device_t *d) {
    if (d->out_bits == 8) {
        next_out(d);
    }
    d->drive = (int8_t)(d->out_byte >> (7 - d->out_bits) & 1);
    d->out_bits++;
}

static void sample(spi_device_t *d, int mosi) {
    d->in_byte = (uint8_t)(d->in_byte << 1 | (mosi & 1));
    if (++d->in_bits == 8) {
        if (d->got_len < QUEUE_SIZE) {
            d->got[d->got_len++] = d->in_byte;
        }
        d->in_bits = 0;
        d->in_byte = 0;
    }
}

// Phase 0: the first bit is out when the device is selected, a bit is taken
// on each leading edge (away from the idle level) and the next shown on the
// trailing one. Phase 1: shown on the leading edge, taken on the trailing.
static void step(spi_device_t *d, int sck, int mosi, int cs) {
    int last_sck = d->last_sck, last_cs = d->last_cs;
    d->last_sck = (uint8_t)sck;
    d->last_cs = (uint8_t)cs;
    if (cs != last_cs) {
        d->selected = cs == 0;
        d->in_bits = d->in_byte = 0;
        d->drive = -1;
        if (d->selected) {
            next_out(d);
            if (d->phase == 0) {
                show_next(d);
            }
        }
        return;
    }
    if (!d->selected || sck == last_sck) {
        return;
    }
    bool leading = sck != d->polarity;
    if (leading == (d->phase == 0)) {
        sample(d, mosi);
    } else {
        show_next(d);
    }
}

bool sim_spi_bus_changed(int (*level_of)(unsigned pin)) {
    bool changed = false;
    for (unsigned i = 0; i < SPI_DEVICES_MAX; i++) {
        spi_device_t *d = &devices[i];
        if (!d->used) {
            continue;
        }
        int before = d->drive;
        step(d, level_of(d->sck), level_of(d->mosi), level_of(d->cs));
        changed |= d->drive != before;
    }
    return changed;
}
