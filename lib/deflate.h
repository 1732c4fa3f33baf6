// SPDX-License-Identifier: MIT
// The DEFLATE format (RFC 1951) and its zlib (RFC 1950) and gzip (RFC
// 1952) containers, for the deflate module (mod_deflate.c).
//
// Decompression (deflate_inflate.c) pulls compressed bytes one at a time
// from a callback, so that it never reads past the end of the compressed
// data in the stream below, and stops when its output buffer is full, to
// resume there at the next call. Compression (deflate_compress.c) is LZ77
// over a window of the chosen size, with hash chains of bounded length,
// coded in one block of the fixed Huffman codes; output goes to a callback
// in chunks. Each keeps its whole state, window included, in one heap
// block without pointers to other blocks (GC_LEAF).
#ifndef ESPY_DEFLATE_H
#define ESPY_DEFLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// The lengths and distances of matches: code i stands for base[i] plus
// extra[i] more bits (RFC 1951, 3.2.5).
extern const uint16_t deflate_length_base[29];
extern const uint8_t deflate_length_extra[29];
extern const uint16_t deflate_dist_base[30];
extern const uint8_t deflate_dist_extra[30];

// The checksums of the containers, updated over more data (start with 1
// for Adler-32, 0 for CRC-32).
uint32_t deflate_adler32(uint32_t adler, const uint8_t *data, size_t len);
uint32_t deflate_crc32(uint32_t crc, const uint8_t *data, size_t len);

#define DEFLATE_MIN_WBITS 5
#define DEFLATE_MAX_WBITS 15

typedef enum { CONTAINER_RAW, CONTAINER_ZLIB, CONTAINER_GZIP } deflate_container_t;

// ---- decompression (deflate_inflate.c) ------------------------------------------------

// Where compressed bytes come from: byte() returns the next one; at the
// end of the data, or on an error of the stream, it raises.
typedef struct inflate_src {
    int (*byte)(void *ctx);
    void *ctx;
} inflate_src_t;

typedef struct inflate inflate_t;

typedef enum { INFLATE_MORE, INFLATE_DONE, INFLATE_ERROR } inflate_status_t;

// Reads a zlib or gzip header, whichever it is: the container found and
// the window it needs (*wbits); false when the header is not valid.
bool inflate_header(const inflate_src_t *src, deflate_container_t *container, int *wbits);
// The bytes of a decompressor with a window of 2**wbits bytes.
size_t inflate_size(int wbits);
// Prepares a zeroed block of inflate_size(wbits) bytes for data in the
// container (after its header).
void inflate_init(inflate_t *s, int wbits, deflate_container_t container);
// Decompresses into out[0..len): *produced bytes. INFLATE_MORE when out is
// full, INFLATE_DONE at the end of the data (trailer checked),
// INFLATE_ERROR on corrupt data (the state is then unusable).
inflate_status_t inflate_run(inflate_t *s, const inflate_src_t *src, uint8_t *out, size_t len, size_t *produced);

// ---- compression (deflate_compress.c) ---------------------------------------------------

// Where compressed bytes go.
typedef struct deflate_sink {
    void (*write)(void *ctx, const uint8_t *data, size_t len);
    void *ctx;
} deflate_sink_t;

typedef struct deflate deflate_t;

// The bytes of a compressor with a window of 2**wbits bytes.
size_t deflate_size(int wbits);
// Prepares a zeroed block of deflate_size(wbits) bytes and starts a block.
void deflate_init(deflate_t *s, int wbits);
// Compresses data; the whole bytes of output so far go to the sink.
void deflate_write(deflate_t *s, const uint8_t *data, size_t len, const deflate_sink_t *sink);
// Ends the block (the last of the stream) and writes the rest of the output.
void deflate_finish(deflate_t *s, const deflate_sink_t *sink);

#endif
