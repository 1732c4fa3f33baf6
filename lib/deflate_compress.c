// SPDX-License-Identifier: MIT
// Compression to DEFLATE (deflate.h): LZ77, coded in a single block of the
// fixed Huffman codes, as MicroPython's compressor does. Without code
// tables to send, a small write costs little, and the state is small.
//
// Matches are found through hash chains: a table of the latest position of
// each hash of three bytes, and for each of the last positions (at most
// 1024) the previous one with the same hash. At most MAX_CHAIN candidates
// are compared, so the time per byte is bounded. Positions are kept modulo
// 2**16 (the window is at most 32 KiB): a stale or aliased link costs a
// comparison but can do no harm, as every candidate is compared with the
// data before it is used. A match extends at most to the end of the data
// of the current write() (it may start in the data of earlier ones).
#include <string.h>

#include "deflate.h"

#define HASH_BITS 8
#define MAX_CHAIN_SIZE 1024
#define MAX_CHAIN 16
#define MIN_MATCH 3
#define MAX_MATCH 258
#define OUT_SIZE 64

struct deflate {
    uint32_t bits;                   // output bits not written yet, the first in bit 0
    uint32_t nbits;
    uint32_t pos;                    // input bytes seen (modulo 2**32)
    uint32_t window_mask;            // window size - 1
    uint32_t chain_mask;             // chain size - 1
    const deflate_sink_t *sink;      // during a call
    uint32_t out_len;
    uint8_t out[OUT_SIZE];           // output bytes waiting for the sink
    uint16_t head[1 << HASH_BITS];   // the latest position of each hash
    uint16_t chain[];                // the previous position of the same hash; the window follows
};

static size_t chain_size(int wbits) {
    size_t window = (size_t)1 << wbits;
    return window < MAX_CHAIN_SIZE ? window : MAX_CHAIN_SIZE;
}

size_t deflate_size(int wbits) {
    return sizeof(deflate_t) + chain_size(wbits) * sizeof(uint16_t) + ((size_t)1 << wbits);
}

static uint8_t *window_of(deflate_t *s) {
    return (uint8_t *)(s->chain + s->chain_mask + 1);
}

// ---- output ---------------------------------------------------------------------------------

static void flush(deflate_t *s) {
    size_t n = s->out_len;
    s->out_len = 0;
    if (n > 0) {
        s->sink->write(s->sink->ctx, s->out, n);
    }
}

static void put_bits(deflate_t *s, uint32_t value, unsigned n) {
    s->bits |= value << s->nbits;
    s->nbits += n;
    while (s->nbits >= 8) {
        s->out[s->out_len++] = (uint8_t)s->bits;
        s->bits >>= 8;
        s->nbits -= 8;
        if (s->out_len == OUT_SIZE) {
            flush(s);
        }
    }
}

// Huffman codes are sent from their most significant bit.
static void put_code(deflate_t *s, uint32_t code, unsigned n) {
    uint32_t reversed = 0;
    for (unsigned i = 0; i < n; i++, code >>= 1) {
        reversed = reversed << 1 | (code & 1);
    }
    put_bits(s, reversed, n);
}

// A literal/length symbol in the fixed code (RFC 1951, 3.2.6).
static void put_symbol(deflate_t *s, unsigned sym) {
    if (sym < 144) {
        put_code(s, 0x30 + sym, 8);
    } else if (sym < 256) {
        put_code(s, 0x190 + sym - 144, 9);
    } else if (sym < 280) {
        put_code(s, sym - 256, 7);
    } else {
        put_code(s, 0xc0 + sym - 280, 8);
    }
}

static void put_match(deflate_t *s, unsigned len, unsigned dist) {
    unsigned i = 28;
    while (deflate_length_base[i] > len) {
        i--;
    }
    put_symbol(s, 257 + i);
    put_bits(s, len - deflate_length_base[i], deflate_length_extra[i]);
    unsigned d = 29;
    while (deflate_dist_base[d] > dist) {
        d--;
    }
    put_code(s, d, 5);
    put_bits(s, dist - deflate_dist_base[d], deflate_dist_extra[d]);
}

// ---- matching -------------------------------------------------------------------------------

static unsigned hash(const uint8_t *p) {
    uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    return (v * 2654435761u) >> (32 - HASH_BITS);
}

// How many bytes of data match those `dist` bytes back, up to max. The
// bytes back are in the window, or in data itself when the match overlaps
// the bytes it copies.
static unsigned match_length(deflate_t *s, const uint8_t *data, unsigned max, uint32_t dist) {
    const uint8_t *window = window_of(s);
    uint32_t from = s->pos - dist;
    unsigned len = 0;
    while (len < max) {
        uint8_t b = len < dist ? window[(from + len) & s->window_mask] : data[len - dist];
        if (b != data[len]) {
            break;
        }
        len++;
    }
    return len;
}

// The longest match for the data at the current position (0 if shorter
// than MIN_MATCH), its distance in *dist.
static unsigned longest_match(deflate_t *s, const uint8_t *data, size_t avail, uint32_t *dist) {
    if (avail < MIN_MATCH) {
        return 0;
    }
    unsigned max = avail < MAX_MATCH ? (unsigned)avail : MAX_MATCH;
    uint32_t reach = s->pos < s->window_mask + 1 ? s->pos : s->window_mask + 1;
    unsigned best = 0;
    uint32_t last = 0;   // distances grow along a chain; a link that does not is stale
    uint16_t cand = s->head[hash(data)];
    for (int n = 0; n < MAX_CHAIN; n++) {
        uint32_t d = (uint16_t)(s->pos - cand);
        if (d <= last || d > reach) {
            break;
        }
        unsigned len = match_length(s, data, max, d);
        if (len > best) {
            best = len;
            *dist = d;
            if (len == max) {
                break;
            }
        }
        last = d;
        cand = s->chain[cand & s->chain_mask];
    }
    return best >= MIN_MATCH ? best : 0;
}

// Enters the byte at the current position into the window, and its
// position into the chains when the three bytes of its hash are known.
static void insert(deflate_t *s, const uint8_t *data, size_t avail) {
    if (avail >= MIN_MATCH) {
        unsigned h = hash(data);
        s->chain[s->pos & s->chain_mask] = s->head[h];
        s->head[h] = (uint16_t)s->pos;
    }
    window_of(s)[s->pos & s->window_mask] = data[0];
    s->pos++;
}

// ---- the stream ---------------------------------------------------------------------------------

void deflate_init(deflate_t *s, int wbits) {
    s->window_mask = ((uint32_t)1 << wbits) - 1;
    s->chain_mask = (uint32_t)chain_size(wbits) - 1;
    put_bits(s, 1, 1);   // the last block,
    put_bits(s, 1, 2);   // with the fixed codes
}

void deflate_write(deflate_t *s, const uint8_t *data, size_t len, const deflate_sink_t *sink) {
    s->sink = sink;
    while (len > 0) {
        uint32_t dist = 0;
        unsigned n = longest_match(s, data, len, &dist);
        if (n > 0) {
            put_match(s, n, dist);
        } else {
            put_symbol(s, data[0]);
            n = 1;
        }
        for (unsigned i = 0; i < n; i++) {
            insert(s, data + i, len - i);
        }
        data += n;
        len -= n;
    }
    flush(s);
}

void deflate_finish(deflate_t *s, const deflate_sink_t *sink) {
    s->sink = sink;
    put_symbol(s, 256);   // end of block
    if (s->nbits > 0) {
        put_bits(s, 0, 8 - s->nbits);
    }
    flush(s);
}
