// SPDX-License-Identifier: MIT
// MD5, SHA-1 and SHA-256, written for espy from RFC 1321 and FIPS 180-4
// (see hash_digest.h). Each algorithm is one compression function over a
// 64-byte block; the buffering and the padding (a 1 bit, zeros, and the
// message length in bits in the last 8 bytes: little-endian for MD5,
// big-endian for the SHAs) are shared. The message schedules keep 16 words
// in a rolling window, so no function needs more than about 100 bytes of
// C stack. SHA-256, the one most used on large data, has
// its rounds unrolled: about 20% faster for 2 KiB more of flash.
#include <stdbool.h>
#include <string.h>

#include "hash_digest.h"

#define ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))
#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static uint32_t load_be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t load_le(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

// ---- SHA-256 (FIPS 180-4, 6.2) -------------------------------------------------

// The first 32 bits of the fractional parts of the cube roots of the
// first 64 primes.
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static inline uint32_t sha256_sigma0(uint32_t x) {
    return ROTR(x, 7) ^ ROTR(x, 18) ^ (x >> 3);
}

static inline uint32_t sha256_sigma1(uint32_t x) {
    return ROTR(x, 17) ^ ROTR(x, 19) ^ (x >> 10);
}

// The message word of round t: the block's own for t < 16, then the
// schedule's, computed in place in a rolling window of 16 words.
#define SHA256_LOADED(t) w[(t) & 15]
#define SHA256_SCHEDULE(t) \
    (w[(t) & 15] += sha256_sigma0(w[((t) - 15) & 15]) + w[((t) - 7) & 15] + sha256_sigma1(w[((t) - 2) & 15]))
// One round. The callers rotate the names of the eight working variables
// instead of moving their values.
#define SHA256_ROUND(a, b, c, d, e, f, g, h, t, wt)                                                          \
    do {                                                                                                    \
        uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[t] + (wt); \
        uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));               \
        d += t1;                                                                                            \
        h = t1 + t2;                                                                                        \
    } while (0)
// Eight rounds from t, with the message words word(t).
#define SHA256_EIGHT(t, word)                                        \
    SHA256_ROUND(a, b, c, d, e, f, g, h, (t), word((t)));           \
    SHA256_ROUND(h, a, b, c, d, e, f, g, (t) + 1, word((t) + 1));   \
    SHA256_ROUND(g, h, a, b, c, d, e, f, (t) + 2, word((t) + 2));   \
    SHA256_ROUND(f, g, h, a, b, c, d, e, (t) + 3, word((t) + 3));   \
    SHA256_ROUND(e, f, g, h, a, b, c, d, (t) + 4, word((t) + 4));   \
    SHA256_ROUND(d, e, f, g, h, a, b, c, (t) + 5, word((t) + 5));   \
    SHA256_ROUND(c, d, e, f, g, h, a, b, (t) + 6, word((t) + 6));   \
    SHA256_ROUND(b, c, d, e, f, g, h, a, (t) + 7, word((t) + 7))

static void sha256_block(uint32_t *s, const uint8_t *p) {
    uint32_t w[16];
    for (int t = 0; t < 16; t++) {
        w[t] = load_be(p + 4 * t);
    }
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    SHA256_EIGHT(0, SHA256_LOADED);
    SHA256_EIGHT(8, SHA256_LOADED);
    for (int t = 16; t < 64; t += 8) {
        SHA256_EIGHT(t, SHA256_SCHEDULE);
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
    s[5] += f;
    s[6] += g;
    s[7] += h;
}

// ---- SHA-1 (FIPS 180-4, 6.1) -----------------------------------------------------

static void sha1_block(uint32_t *s, const uint8_t *p) {
    uint32_t w[16];
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3], e = s[4];
    for (int t = 0; t < 80; t++) {
        uint32_t wt;
        if (t < 16) {
            wt = w[t] = load_be(p + 4 * t);
        } else {
            wt = w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15];
            wt = w[t & 15] = ROTL(wt, 1);
        }
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t temp = ROTL(a, 5) + f + e + k + wt;
        e = d;
        d = c;
        c = ROTL(b, 30);
        b = a;
        a = temp;
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
    s[4] += e;
}

// ---- MD5 (RFC 1321, 3.4) -----------------------------------------------------------

// floor(abs(sin(i + 1)) * 2**32)
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

// The rotation of each step: four per round, repeated four times.
static const uint8_t md5_shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_block(uint32_t *s, const uint8_t *p) {
    uint32_t a = s[0], b = s[1], c = s[2], d = s[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i >> 4) {
            case 0:
                f = (b & c) | (~b & d);
                g = i;
                break;
            case 1:
                f = (d & b) | (~d & c);
                g = (5 * i + 1) & 15;
                break;
            case 2:
                f = b ^ c ^ d;
                g = (3 * i + 5) & 15;
                break;
            default:
                f = c ^ (b | ~d);
                g = (7 * i) & 15;
                break;
        }
        uint32_t sum = a + f + md5_k[i] + load_le(p + 4 * g);
        unsigned r = md5_shift[(i >> 4) * 4 + (i & 3)];
        a = d;
        d = c;
        c = b;
        b += ROTL(sum, r);
    }
    s[0] += a;
    s[1] += b;
    s[2] += c;
    s[3] += d;
}

// ---- the shared part ------------------------------------------------------------------

// The initial values: MD5's (RFC 1321, 3.3) and SHA-1's start alike;
// SHA-256's are the fractional parts of the square roots of the first
// eight primes.
static const uint32_t init_md5_sha1[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
static const uint32_t init_sha256[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

size_t hash_digest_size(hash_algo_t algo) {
    return algo == HASH_MD5 ? 16 : algo == HASH_SHA1 ? 20 : 32;
}

void hash_init(hash_ctx_t *h, hash_algo_t algo) {
    memset(h, 0, sizeof(*h));
    h->algo = (uint8_t)algo;
    if (algo == HASH_SHA256) {
        memcpy(h->state, init_sha256, sizeof(init_sha256));
    } else {
        memcpy(h->state, init_md5_sha1, sizeof(init_md5_sha1));
    }
}

static void compress(hash_ctx_t *h, const uint8_t *block) {
    switch (h->algo) {
        case HASH_MD5:
            md5_block(h->state, block);
            break;
        case HASH_SHA1:
            sha1_block(h->state, block);
            break;
        default:
            sha256_block(h->state, block);
            break;
    }
}

void hash_update(hash_ctx_t *h, const void *data, size_t len) {
    const uint8_t *p = data;
    h->length += len;
    if (h->used > 0) {
        size_t room = 64u - h->used;
        size_t take = room < len ? room : len;
        memcpy(h->block + h->used, p, take);
        h->used += (uint8_t)take;
        p += take;
        len -= take;
        if (h->used < 64) {
            return;
        }
        compress(h, h->block);
        h->used = 0;
    }
    // Whole blocks straight from the caller's data: no copy.
    for (; len >= 64; p += 64, len -= 64) {
        compress(h, p);
    }
    memcpy(h->block, p, len);
    h->used = (uint8_t)len;
}

void hash_final(const hash_ctx_t *h, uint8_t out[HASH_MAX_DIGEST]) {
    hash_ctx_t c = *h;
    uint64_t bits = c.length * 8;
    c.block[c.used++] = 0x80;
    if (c.used > 56) {
        memset(c.block + c.used, 0, 64 - c.used);
        compress(&c, c.block);
        c.used = 0;
    }
    memset(c.block + c.used, 0, 56 - c.used);
    bool little = c.algo == HASH_MD5;
    for (int i = 0; i < 8; i++) {
        c.block[little ? 56 + i : 63 - i] = (uint8_t)(bits >> (8 * i));
    }
    compress(&c, c.block);
    size_t words = hash_digest_size(c.algo) / 4;
    for (size_t i = 0; i < words; i++) {
        uint32_t v = c.state[i];
        for (int j = 0; j < 4; j++) {
            out[4 * i + j] = (uint8_t)(little ? v >> (8 * j) : v >> (24 - 8 * j));
        }
    }
}
