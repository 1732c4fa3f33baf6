// SPDX-License-Identifier: MIT
// DHT11 and DHT22 (AM2302) humidity and temperature sensors on the
// simulated board's pins, one per pin, each with its pull-up resistor.
//
// The host starts a reading by holding the line low (at least 18 ms for a
// DHT11, 1 ms for a DHT22) and letting it go. 30 us later the sensor
// answers, driving the line itself: 80 us low, 80 us high, then 40 bits,
// most significant first, each 50 us low and then 26 us high for a 0 or
// 70 us high for a 1, and a last 50 us low before it lets go. The five
// bytes are the humidity, the temperature and their sum's low byte: a
// DHT11 sends whole numbers (humidity, 0, temperature, 0; it measures
// 0..50 C), a DHT22 tenths in 16 bits, big-endian, the temperature's top
// bit its sign (-40..80 C). The sensor sees only the line's level and the
// board's time (hal_board.c), so the answer's timing is exact however the
// host is loaded.
#include <math.h>
#include <string.h>

#include "hal.h"
#include "hal_board.h"

#define ANSWER_WAIT_US 30        // 20-40 us after the host lets go
#define SEGMENTS 83              // 80 low, 80 high, 40 bits of two, the last low

typedef struct {
    bool used, silent, corrupt_next;
    uint8_t pin, kind, level;
    double humidity, celsius;
    uint64_t fall;               // the line's last fall
    uint64_t start, end;         // the answer's first low and its end (0: none)
    uint8_t data[5];
} dht_t;

static dht_t sensors[SIM_DHT_MAX];

// How long segment j of the answer lasts; even segments are low.
static unsigned segment_us(const dht_t *s, unsigned j) {
    if (j < 2) {
        return 80;
    }
    if (j % 2 == 0) {
        return 50;
    }
    unsigned bit = (j - 3) / 2;
    return (s->data[bit / 8] >> (7 - bit % 8)) & 1 ? 70 : 26;
}

static long clamp(long v, long lo, long hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

static void measure(dht_t *s) {
    uint8_t *d = s->data;
    if (s->kind == HAL_SIM_DHT11) {
        d[0] = (uint8_t)clamp(lround(s->humidity), 0, 100);
        d[1] = 0;
        d[2] = (uint8_t)clamp(lround(s->celsius), 0, 50);
        d[3] = 0;
    } else {
        long h = clamp(lround(s->humidity * 10), 0, 1000), t = clamp(lround(s->celsius * 10), -400, 800);
        long mag = t < 0 ? -t : t;
        d[0] = (uint8_t)(h >> 8);
        d[1] = (uint8_t)(h & 0xFF);
        d[2] = (uint8_t)((mag >> 8) | (t < 0 ? 0x80 : 0));
        d[3] = (uint8_t)(mag & 0xFF);
    }
    d[4] = (uint8_t)(d[0] + d[1] + d[2] + d[3]);
    if (s->corrupt_next) {
        d[1] ^= 1;                       // a bit lost on the way: the sum no longer matches
        s->corrupt_next = false;
    }
}

// Whether the sensor holds the line low at time t.
static bool holds_low(const dht_t *s, uint64_t t) {
    if (s->end == 0 || t < s->start || t >= s->end) {
        return false;
    }
    uint64_t at = s->start;
    for (unsigned j = 0; j < SEGMENTS; j++) {
        at += segment_us(s, j);
        if (t < at) {
            return j % 2 == 0;
        }
    }
    return false;
}

static void line_changed(dht_t *s, int level, uint64_t t) {
    if (s->end != 0 && t <= s->end) {
        return;                          // its own edges, up to letting go at the end
    }
    s->end = 0;
    if (!level) {
        s->fall = t;
        return;
    }
    uint64_t least = s->kind == HAL_SIM_DHT11 ? 18000 : 1000;
    if (!s->silent && t - s->fall >= least) {
        measure(s);
        s->start = t + ANSWER_WAIT_US;
        s->end = s->start;
        for (unsigned j = 0; j < SEGMENTS; j++) {
            s->end += segment_us(s, j);
        }
    }
}

int sim_dht_attach(unsigned pin, unsigned kind) {
    for (int i = 0; i < SIM_DHT_MAX; i++) {
        if (sensors[i].used && sensors[i].pin == pin) {
            return -1;
        }
    }
    for (int i = 0; i < SIM_DHT_MAX; i++) {
        dht_t *s = &sensors[i];
        if (!s->used) {
            memset(s, 0, sizeof *s);
            s->used = true;
            s->pin = (uint8_t)pin;
            s->kind = (uint8_t)kind;
            s->level = 1;
            s->humidity = 50;
            s->celsius = 20;
            return i;
        }
    }
    return -1;
}

bool sim_dht_set(int n, unsigned what, double value) {
    if (n >= SIM_DHT_MAX || !sensors[n].used) {
        return false;
    }
    dht_t *s = &sensors[n];
    switch (what) {
        case HAL_SIM_SET_TEMPERATURE:
            s->celsius = value;
            return true;
        case HAL_SIM_SET_HUMIDITY:
            s->humidity = value;
            return true;
        case HAL_SIM_SET_SILENT:
            s->silent = value != 0;
            return true;
        case HAL_SIM_SET_CORRUPT:
            s->corrupt_next = value != 0;
            return true;
    }
    return false;
}

void sim_dht_detach_all(void) {
    memset(sensors, 0, sizeof sensors);
}

bool sim_dht_on_pin(unsigned pin) {
    for (int i = 0; i < SIM_DHT_MAX; i++) {
        if (sensors[i].used && sensors[i].pin == pin) {
            return true;
        }
    }
    return false;
}

bool sim_dht_pulls_low(unsigned pin, uint64_t t) {
    for (int i = 0; i < SIM_DHT_MAX; i++) {
        if (sensors[i].used && sensors[i].pin == pin && holds_low(&sensors[i], t)) {
            return true;
        }
    }
    return false;
}

uint64_t sim_dht_next_change(uint64_t after) {
    uint64_t next = UINT64_MAX;
    for (int i = 0; i < SIM_DHT_MAX; i++) {
        const dht_t *s = &sensors[i];
        if (!s->used || s->end <= after) {
            continue;
        }
        uint64_t at = s->start;
        for (unsigned j = 0; at <= after && j < SEGMENTS; j++) {
            at += segment_us(s, j);
        }
        if (at > after && at < next) {
            next = at;
        }
    }
    return next;
}

bool sim_dht_bus_changed(int (*level_of)(unsigned pin), uint64_t t) {
    bool changed = false;
    for (int i = 0; i < SIM_DHT_MAX; i++) {
        dht_t *s = &sensors[i];
        if (!s->used) {
            continue;
        }
        int level = level_of(s->pin);
        if (level == s->level) {
            continue;
        }
        s->level = (uint8_t)level;
        bool before = holds_low(s, t);
        line_changed(s, level, t);
        changed |= holds_low(s, t) != before;
    }
    return changed;
}
