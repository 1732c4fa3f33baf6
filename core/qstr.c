// SPDX-License-Identifier: MIT
// Interned names (see qstr.h).
//
// Static names are in the generated read-only table, with an index sorted
// by hash for finding a name's number from its text. Names interned at run
// time get the following numbers: their entries are in blocks of
// ENTRY_BLOCK on the heap, their text is packed into chunks, and an
// open-addressing table finds them by hash. The compiler interns every
// identifier it reads; nothing else does, so the pools grow with the
// program's names, not with its data. Everything here lives as long as the
// program, so it is allocated long-lived (GC_LONG) and in pieces of at most
// a few hundred bytes but for the index, which is 2 bytes a slot: a module
// of 300 names must not need kilobytes in one piece of a 38 KiB heap.
#include <string.h>

#include "obj.h"
#include "qstr_static.h"

typedef struct dyn_qstr {
    uint32_t hash;
    uint32_t len;
    const char *text;
} dyn_qstr_t;

#define CHUNK_MIN 256
#define ENTRY_BLOCK 32           // entries per block (384 bytes on the chip)

static struct {
    dyn_qstr_t **blocks;      // count / ENTRY_BLOCK + 1 blocks, blocks_alloc pointers
    size_t count, blocks_alloc;
    // Slot i holds 1 + the dynamic number of a name (0: empty), in 2 bytes
    // while index_size <= 65536 (it stays under 3/4 full), else 4.
    void *index;
    size_t index_size;
    char *chunk;              // text pool being filled
    size_t chunk_used, chunk_size;
} pool;

void qstr_init(void) {
    memset(&pool, 0, sizeof(pool));
}

static inline dyn_qstr_t *entry(size_t i) {
    return &pool.blocks[i / ENTRY_BLOCK][i % ENTRY_BLOCK];
}

static inline size_t index_get(size_t slot) {
    return pool.index_size <= 65536 ? ((uint16_t *)pool.index)[slot] : ((uint32_t *)pool.index)[slot];
}

void qstr_mark_roots(void) {
    gc_mark(pool.blocks);
    for (size_t b = 0; b * ENTRY_BLOCK < pool.count; b++) {
        gc_mark(pool.blocks[b]);
    }
    gc_mark(pool.index);
    gc_mark(pool.chunk);
    for (size_t i = 0; i < pool.count; i++) {
        gc_mark(entry(i)->text);
    }
}

size_t qstr_count(void) {
    return QSTR_STATIC_COUNT + pool.count;
}

static qstr_t find_static(const char *s, size_t len, uint32_t hash) {
    size_t lo = 0, hi = QSTR_STATIC_COUNT - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (qstr_static[qstr_static_by_hash[mid]].hash < hash) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (size_t i = lo; i < QSTR_STATIC_COUNT - 1; i++) {
        const qstr_static_t *e = &qstr_static[qstr_static_by_hash[i]];
        if (e->hash != hash) {
            break;
        }
        if (e->len == len && memcmp(e->text, s, len) == 0) {
            return qstr_static_by_hash[i];
        }
    }
    return Q_NULL;
}

static qstr_t find_dynamic(const char *s, size_t len, uint32_t hash) {
    if (pool.index_size == 0) {
        return Q_NULL;
    }
    size_t mask = pool.index_size - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        size_t n = index_get(i);
        if (n == 0) {
            return Q_NULL;
        }
        const dyn_qstr_t *e = entry(n - 1);
        if (e->hash == hash && e->len == len && memcmp(e->text, s, len) == 0) {
            return (qstr_t)(QSTR_STATIC_COUNT + n - 1);
        }
    }
}

qstr_t qstr_find_strn(const char *s, size_t len) {
    uint32_t hash = str_hash(s, len);
    if (len == 0) {
        return Q_empty;
    }
    qstr_t q = find_static(s, len, hash);
    return q != Q_NULL ? q : find_dynamic(s, len, hash);
}

static void index_insert(void *index, size_t size, uint32_t hash, size_t n) {
    size_t mask = size - 1;
    size_t i = hash & mask;
    if (size <= 65536) {
        uint16_t *slots = index;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = (uint16_t)(n + 1);
    } else {
        uint32_t *slots = index;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = (uint32_t)(n + 1);
    }
}

static const char *store_text(const char *s, size_t len) {
    if (pool.chunk == NULL || pool.chunk_used + len + 1 > pool.chunk_size) {
        size_t size = len + 1 > CHUNK_MIN ? len + 1 : CHUNK_MIN;
        pool.chunk = gc_alloc(size, GC_LEAF | GC_LONG);
        pool.chunk_size = size;
        pool.chunk_used = 0;
    }
    char *text = pool.chunk + pool.chunk_used;
    memcpy(text, s, len);
    text[len] = 0;
    pool.chunk_used += len + 1;
    return text;
}

qstr_t qstr_from_strn(const char *s, size_t len) {
    qstr_t q = qstr_find_strn(s, len);
    if (q != Q_NULL) {
        return q;
    }
    uint32_t hash = str_hash(s, len);
    if (pool.count % ENTRY_BLOCK == 0) {
        size_t b = pool.count / ENTRY_BLOCK;
        if (b == pool.blocks_alloc) {
            size_t alloc = pool.blocks_alloc + 8;
            pool.blocks = gc_realloc(pool.blocks, alloc * sizeof(dyn_qstr_t *));
            pool.blocks_alloc = alloc;
        }
        pool.blocks[b] = gc_alloc(ENTRY_BLOCK * sizeof(dyn_qstr_t), GC_LONG);
    }
    if ((pool.count + 1) * 4 > pool.index_size * 3) {
        size_t size = pool.index_size ? pool.index_size * 2 : 64;
        void *index = gc_alloc(size * (size <= 65536 ? 2 : 4), GC_LEAF | GC_LONG);
        for (size_t i = 0; i < pool.count; i++) {
            index_insert(index, size, entry(i)->hash, i);
        }
        gc_free(pool.index);
        pool.index = index;
        pool.index_size = size;
    }
    const char *text = store_text(s, len);
    dyn_qstr_t *e = entry(pool.count);
    e->hash = hash;
    e->len = (uint32_t)len;
    e->text = text;
    index_insert(pool.index, pool.index_size, hash, pool.count);
    q = (qstr_t)(QSTR_STATIC_COUNT + pool.count);
    pool.count++;
    return q;
}

qstr_t qstr_from_str(const char *s) {
    return qstr_from_strn(s, strlen(s));
}

const char *qstr_data(qstr_t q, size_t *len) {
    if (q < QSTR_STATIC_COUNT) {
        *len = qstr_static[q].len;
        return qstr_static[q].text;
    }
    const dyn_qstr_t *e = entry(q - QSTR_STATIC_COUNT);
    *len = e->len;
    return e->text;
}

const char *qstr_str(qstr_t q) {
    size_t len;
    return qstr_data(q, &len);
}

size_t qstr_len(qstr_t q) {
    size_t len;
    qstr_data(q, &len);
    return len;
}

uint32_t qstr_hash(qstr_t q) {
    if (q < QSTR_STATIC_COUNT) {
        return qstr_static[q].hash;
    }
    return entry(q - QSTR_STATIC_COUNT)->hash;
}
