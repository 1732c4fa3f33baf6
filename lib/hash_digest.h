// SPDX-License-Identifier: MIT
// Message digests: MD5 (RFC 1321), SHA-1 and SHA-256 (FIPS 180-4), for
// hashlib and for whatever else needs one (the WebREPL handshake's SHA-1).
// Written for espy from the two standards; no library provides them on the
// chip. All three cut the message into 64-byte blocks and end it with the
// same padding, so they share one context and one update function.
#ifndef ESPY_HASH_DIGEST_H
#define ESPY_HASH_DIGEST_H

#include <stddef.h>
#include <stdint.h>

typedef enum { HASH_MD5, HASH_SHA1, HASH_SHA256 } hash_algo_t;

#define HASH_MAX_DIGEST 32

typedef struct hash_ctx {
    uint32_t state[8];      // MD5 uses 4 words, SHA-1 5, SHA-256 8
    uint64_t length;        // bytes hashed so far
    uint8_t block[64];      // the incomplete block
    uint8_t used;           // bytes in block
    uint8_t algo;           // hash_algo_t
} hash_ctx_t;

void hash_init(hash_ctx_t *h, hash_algo_t algo);
void hash_update(hash_ctx_t *h, const void *data, size_t len);
// Writes the digest of what was hashed so far; h is left as it was, so
// hashing can go on.
void hash_final(const hash_ctx_t *h, uint8_t out[HASH_MAX_DIGEST]);
size_t hash_digest_size(hash_algo_t algo);

#endif
