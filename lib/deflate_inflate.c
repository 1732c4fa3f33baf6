// SPDX-License-Identifier: MIT
// Decompression of DEFLATE data (RFC 1951), raw or in a zlib or gzip
// container (deflate.h).
//
// Huffman codes are canonical, so a code is decoded bit by bit from the
// number of codes of each length (as Mark Adler's puff does): the tables
// are those counts and the symbols in code order, about 700 bytes for the
// two codes of a block, instead of lookup tables of several KiB.
//
// Every length and distance the data gives is checked: a code that does
// not exist, a distance further back than the output or the window, a
// stored block whose length is not confirmed, or code lengths that do not
// make a code give INFLATE_ERROR, never an access outside the state.
#include <string.h>

#include "deflate.h"

#define MAX_BITS 15
#define LIT_CODES 288      // the fixed code's, with its two unused codes
#define DIST_CODES 32
#define CLEN_CODES 19

typedef enum { ST_BLOCK, ST_STORED, ST_CODES, ST_COPY, ST_TRAILER, ST_DONE, ST_ERROR } state_t;

struct inflate {
    uint32_t bits;              // input bits not used yet, the next one in bit 0
    uint32_t nbits;
    uint8_t state;
    uint8_t last;               // the current block is the last one
    uint8_t container;
    uint32_t remaining;         // bytes left of a stored block, or of a match
    uint32_t distance;          // of the match being copied
    uint32_t window_mask;       // window size - 1
    uint32_t window_fill;       // bytes of the window holding output (up to its size)
    uint32_t out_total;         // bytes produced, modulo 2**32 (gzip's ISIZE)
    uint32_t checksum;          // of the bytes produced: Adler-32 (zlib) or CRC-32 (gzip)
    uint16_t lit_counts[MAX_BITS + 1];   // codes of each length
    uint16_t lit_symbols[LIT_CODES];     // symbols in code order
    uint16_t dist_counts[MAX_BITS + 1];
    uint16_t dist_symbols[DIST_CODES];
    uint8_t lengths[LIT_CODES + DIST_CODES];   // code lengths read from a dynamic block
    uint8_t window[];           // the last output, for matches
};

// ---- containers ---------------------------------------------------------------------------

#define GZIP_FHCRC 0x02
#define GZIP_FEXTRA 0x04
#define GZIP_FNAME 0x08
#define GZIP_FCOMMENT 0x10
#define GZIP_RESERVED 0xe0

static int next_byte(const inflate_src_t *src) {
    return src->byte(src->ctx);
}

bool inflate_header(const inflate_src_t *src, deflate_container_t *container, int *wbits) {
    int cmf = next_byte(src), flg = next_byte(src);
    if (cmf == 0x1f && flg == 0x8b) {
        if (next_byte(src) != 8) {
            return false;   // not deflate
        }
        int flags = next_byte(src);
        if (flags & GZIP_RESERVED) {
            return false;
        }
        for (int i = 0; i < 6; i++) {   // time, extra flags, operating system
            next_byte(src);
        }
        if (flags & GZIP_FEXTRA) {
            unsigned n = (unsigned)next_byte(src);
            n |= (unsigned)next_byte(src) << 8;
            while (n-- > 0) {
                next_byte(src);
            }
        }
        if (flags & GZIP_FNAME) {
            while (next_byte(src) != 0) {
            }
        }
        if (flags & GZIP_FCOMMENT) {
            while (next_byte(src) != 0) {
            }
        }
        if (flags & GZIP_FHCRC) {
            next_byte(src);
            next_byte(src);
        }
        *container = CONTAINER_GZIP;
        *wbits = DEFLATE_MAX_WBITS;
        return true;
    }
    // zlib: deflate (method 8), a window of at most 32 KiB, a header check
    // that makes it a multiple of 31, and no preset dictionary
    if ((cmf * 256 + flg) % 31 != 0 || (cmf & 0x0f) != 8 || (cmf >> 4) > 7 || (flg & 0x20)) {
        return false;
    }
    *container = CONTAINER_ZLIB;
    *wbits = (cmf >> 4) + 8;
    return true;
}

size_t inflate_size(int wbits) {
    return sizeof(inflate_t) + ((size_t)1 << wbits);
}

void inflate_init(inflate_t *s, int wbits, deflate_container_t container) {
    s->state = ST_BLOCK;
    s->container = (uint8_t)container;
    s->window_mask = ((uint32_t)1 << wbits) - 1;
    s->checksum = container == CONTAINER_ZLIB ? 1 : 0;
}

// ---- bits and codes ------------------------------------------------------------------------

static uint32_t get_bits(inflate_t *s, const inflate_src_t *src, unsigned n) {
    while (s->nbits < n) {
        s->bits |= (uint32_t)next_byte(src) << s->nbits;
        s->nbits += 8;
    }
    uint32_t v = s->bits & (((uint32_t)1 << n) - 1);
    s->bits >>= n;
    s->nbits -= n;
    return v;
}

// Drops the bits up to the next byte boundary.
static void align_to_byte(inflate_t *s) {
    s->bits >>= s->nbits & 7;
    s->nbits -= s->nbits & 7;
}

// The canonical code of the given code lengths. False when the lengths
// are over-subscribed, or do not use every code, which is allowed only
// for a single code of one bit (when allow_single, as zlib).
static bool build(uint16_t *counts, uint16_t *symbols, const uint8_t *lengths, unsigned n, bool allow_single) {
    uint16_t offsets[MAX_BITS + 1];
    memset(counts, 0, (MAX_BITS + 1) * sizeof(uint16_t));
    for (unsigned i = 0; i < n; i++) {
        counts[lengths[i]]++;
    }
    int left = 1;
    for (int len = 1; len <= MAX_BITS; len++) {
        left = 2 * left - counts[len];
        if (left < 0) {
            return false;
        }
    }
    offsets[1] = 0;
    for (int len = 1; len < MAX_BITS; len++) {
        offsets[len + 1] = (uint16_t)(offsets[len] + counts[len]);
    }
    for (unsigned i = 0; i < n; i++) {
        if (lengths[i] != 0) {
            symbols[offsets[lengths[i]]++] = (uint16_t)i;
        }
    }
    unsigned used = n - counts[0];
    return left == 0 || used == 0 || (allow_single && counts[1] == used);
}

// The next symbol of a code, or -1 for bits that are no code.
static int decode(inflate_t *s, const inflate_src_t *src, const uint16_t *counts, const uint16_t *symbols) {
    int code = 0, first = 0, index = 0;
    for (int len = 1; len <= MAX_BITS; len++) {
        code |= (int)get_bits(s, src, 1);
        int count = counts[len];
        if (code - first < count) {
            return symbols[index + code - first];
        }
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    return -1;
}

static void build_fixed(inflate_t *s) {
    uint8_t *l = s->lengths;
    memset(l, 8, 144);
    memset(l + 144, 9, 256 - 144);
    memset(l + 256, 7, 280 - 256);
    memset(l + 280, 8, LIT_CODES - 280);
    memset(l + LIT_CODES, 5, DIST_CODES);
    // Complete codes, of which the symbols 286, 287 and distances 30, 31
    // are not used: decode_symbol() rejects them.
    build(s->lit_counts, s->lit_symbols, l, LIT_CODES, true);
    build(s->dist_counts, s->dist_symbols, l + LIT_CODES, DIST_CODES, true);
}

// The codes of a dynamic block: code lengths coded with a code of their
// own, which is kept in the distance tables until the lengths are read.
static bool read_dynamic(inflate_t *s, const inflate_src_t *src) {
    static const uint8_t order[CLEN_CODES] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    unsigned nlen = get_bits(s, src, 5) + 257, ndist = get_bits(s, src, 5) + 1, nclen = get_bits(s, src, 4) + 4;
    if (nlen > 286 || ndist > 30) {
        return false;
    }
    uint8_t *lengths = s->lengths;
    memset(lengths, 0, CLEN_CODES);
    for (unsigned i = 0; i < nclen; i++) {
        lengths[order[i]] = (uint8_t)get_bits(s, src, 3);
    }
    if (!build(s->dist_counts, s->dist_symbols, lengths, CLEN_CODES, false)) {
        return false;
    }
    unsigned i = 0;
    while (i < nlen + ndist) {
        int sym = decode(s, src, s->dist_counts, s->dist_symbols);
        if (sym < 0) {
            return false;
        }
        if (sym < 16) {
            lengths[i++] = (uint8_t)sym;
            continue;
        }
        uint8_t len = 0;
        unsigned repeat;
        if (sym == 16) {   // the previous length, 3 to 6 times
            if (i == 0) {
                return false;
            }
            len = lengths[i - 1];
            repeat = 3 + get_bits(s, src, 2);
        } else if (sym == 17) {   // zeros, 3 to 10 times or 11 to 138
            repeat = 3 + get_bits(s, src, 3);
        } else {
            repeat = 11 + get_bits(s, src, 7);
        }
        if (i + repeat > nlen + ndist) {
            return false;
        }
        memset(lengths + i, len, repeat);
        i += repeat;
    }
    if (lengths[256] == 0) {
        return false;   // no end-of-block code
    }
    return build(s->lit_counts, s->lit_symbols, lengths, nlen, true)
        && build(s->dist_counts, s->dist_symbols, lengths + nlen, ndist, true);
}

// ---- blocks --------------------------------------------------------------------------------

static inline void emit(inflate_t *s, uint8_t *out, size_t *pos, uint8_t b) {
    out[(*pos)++] = b;
    s->window[s->out_total++ & s->window_mask] = b;
    if (s->window_fill <= s->window_mask) {
        s->window_fill++;
    }
}

static void add_to_checksum(inflate_t *s, const uint8_t *data, size_t len) {
    if (s->container == CONTAINER_ZLIB) {
        s->checksum = deflate_adler32(s->checksum, data, len);
    } else if (s->container == CONTAINER_GZIP) {
        s->checksum = deflate_crc32(s->checksum, data, len);
    }
}

static uint32_t get_le32(inflate_t *s, const inflate_src_t *src) {
    uint32_t v = get_bits(s, src, 16);
    return v | get_bits(s, src, 16) << 16;
}

// The container's checksum (and gzip's length) after the last block.
static bool check_trailer(inflate_t *s, const inflate_src_t *src) {
    align_to_byte(s);
    if (s->container == CONTAINER_ZLIB) {
        uint32_t v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | get_bits(s, src, 8);   // big-endian
        }
        return v == s->checksum;
    }
    if (s->container == CONTAINER_GZIP) {
        uint32_t crc = get_le32(s, src);
        uint32_t size = get_le32(s, src);
        return crc == s->checksum && size == s->out_total;
    }
    return true;
}

// A block header: the state that decodes the block.
static state_t start_block(inflate_t *s, const inflate_src_t *src) {
    s->last = (uint8_t)get_bits(s, src, 1);
    switch (get_bits(s, src, 2)) {
        case 0: {
            align_to_byte(s);
            uint32_t len = get_bits(s, src, 16), check = get_bits(s, src, 16);
            if (len != (~check & 0xffff)) {
                return ST_ERROR;
            }
            s->remaining = len;
            return ST_STORED;
        }
        case 1:
            build_fixed(s);
            return ST_CODES;
        case 2:
            return read_dynamic(s, src) ? ST_CODES : ST_ERROR;
        default:
            return ST_ERROR;
    }
}

// One symbol of a Huffman block: a literal is output; a length and
// distance start a copy from the window.
static state_t decode_symbol(inflate_t *s, const inflate_src_t *src, uint8_t *out, size_t *pos) {
    int sym = decode(s, src, s->lit_counts, s->lit_symbols);
    if (sym < 0 || sym > 285) {
        return ST_ERROR;
    }
    if (sym < 256) {
        emit(s, out, pos, (uint8_t)sym);
        return ST_CODES;
    }
    if (sym == 256) {
        return ST_BLOCK;
    }
    sym -= 257;
    s->remaining = deflate_length_base[sym] + get_bits(s, src, deflate_length_extra[sym]);
    int d = decode(s, src, s->dist_counts, s->dist_symbols);
    if (d < 0 || d >= 30) {
        return ST_ERROR;
    }
    uint32_t distance = deflate_dist_base[d] + get_bits(s, src, deflate_dist_extra[d]);
    if (distance > s->window_fill) {
        return ST_ERROR;   // before the start of the output, or out of the window
    }
    s->distance = distance;
    return ST_COPY;
}

inflate_status_t inflate_run(inflate_t *s, const inflate_src_t *src, uint8_t *out, size_t len, size_t *produced) {
    size_t pos = 0, summed = 0;
    inflate_status_t status = INFLATE_MORE;
    while (status == INFLATE_MORE) {
        switch (s->state) {
            case ST_BLOCK:
                s->state = s->last ? ST_TRAILER : start_block(s, src);
                break;
            case ST_STORED:
                while (s->remaining > 0 && pos < len) {
                    emit(s, out, &pos, (uint8_t)get_bits(s, src, 8));
                    s->remaining--;
                }
                if (s->remaining > 0) {
                    goto out_full;
                }
                s->state = ST_BLOCK;
                break;
            case ST_CODES:
                if (pos == len) {
                    goto out_full;
                }
                s->state = decode_symbol(s, src, out, &pos);
                break;
            case ST_COPY:
                while (s->remaining > 0 && pos < len) {
                    emit(s, out, &pos, s->window[(s->out_total - s->distance) & s->window_mask]);
                    s->remaining--;
                }
                if (s->remaining > 0) {
                    goto out_full;
                }
                s->state = ST_CODES;
                break;
            case ST_TRAILER:
                add_to_checksum(s, out + summed, pos - summed);
                summed = pos;
                s->state = check_trailer(s, src) ? ST_DONE : ST_ERROR;
                break;
            case ST_DONE:
                status = INFLATE_DONE;
                break;
            default:
                status = INFLATE_ERROR;
                break;
        }
    }
out_full:
    add_to_checksum(s, out + summed, pos - summed);
    *produced = pos;
    return status;
}
