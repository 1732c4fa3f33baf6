// SPDX-License-Identifier: MIT
// See gc_stub.h.
#include "gc_stub.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc.h"

typedef union header {
    struct {
        union header *prev, *next;
        size_t size;
    } h;
    max_align_t align;
} header_t;

static header_t *live;
static size_t live_count;
jmp_buf *gc_stub_out_of_memory;
size_t gc_stub_budget = SIZE_MAX;

static void *allocate(size_t nbytes) {
    if (gc_stub_budget != SIZE_MAX) {
        if (nbytes > gc_stub_budget && gc_stub_out_of_memory != NULL) {
            longjmp(*gc_stub_out_of_memory, 1);
        }
        gc_stub_budget -= nbytes < gc_stub_budget ? nbytes : gc_stub_budget;
    }
    header_t *block = calloc(1, sizeof(header_t) + nbytes);
    if (block == NULL) {
        fprintf(stderr, "gc_stub: out of memory (%zu bytes)\n", nbytes);
        abort();
    }
    block->h.size = nbytes;
    block->h.next = live;
    if (live != NULL) {
        live->h.prev = block;
    }
    live = block;
    live_count++;
    return block + 1;
}

void *gc_alloc(size_t nbytes, unsigned flags) {
    (void)flags;
    return allocate(nbytes);
}

void gc_free(void *ptr) {
    if (ptr == NULL) {
        return;
    }
    header_t *block = (header_t *)ptr - 1;
    if (block->h.prev != NULL) {
        block->h.prev->h.next = block->h.next;
    } else {
        live = block->h.next;
    }
    if (block->h.next != NULL) {
        block->h.next->h.prev = block->h.prev;
    }
    live_count--;
    free(block);
}

void *gc_realloc(void *ptr, size_t nbytes) {
    void *moved = allocate(nbytes);
    if (ptr != NULL) {
        size_t old = ((header_t *)ptr - 1)->h.size;
        memcpy(moved, ptr, old < nbytes ? old : nbytes);
        gc_free(ptr);
    }
    return moved;
}

void gc_stub_free_all(void) {
    while (live != NULL) {
        gc_free(live + 1);
    }
}

size_t gc_stub_live_count(void) {
    return live_count;
}
