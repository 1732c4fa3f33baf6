// SPDX-License-Identifier: MIT
// The garbage-collected heap: one fixed region given at start-up.
//
// The heap is an array of blocks (GC_BLOCK bytes: two value words) and an
// allocation table with four bits per block: the block is free, the head of
// an allocation, or a tail block of one; the head carries a mark bit, a
// "leaf" bit (contents hold no pointers and are not scanned) and a
// "finaliser" bit. Memory returned by gc_alloc is zeroed.
//
// Collection is mark-sweep and conservative: every word of a reachable
// allocation, of the C stack and of the registers is treated as a possible
// pointer, and a word that points anywhere inside an allocation keeps it
// alive. Roots: the C stack and registers (spilled by setjmp), and the
// root areas listed in gc_collect's caller hook gc_mark_roots (runtime.c),
// which is the one function that names every root.
//
// Allocation never returns NULL from gc_alloc: when the heap is full after a
// collection it raises MemoryError. gc_alloc_maybe returns NULL instead.
#ifndef ESPY_GC_H
#define ESPY_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GC_BLOCK (2 * sizeof(void *))

#define GC_LEAF 1       // contents hold no pointers
#define GC_FINAL 2      // call the type's finaliser before freeing (objects only)
#define GC_LONG 4       // long-lived (compiled code, interned names): placed apart from short-lived data

typedef struct gc_stats {
    size_t total;           // bytes of the heap (blocks)
    size_t used;            // bytes in live or not yet collected allocations
    size_t free;            // bytes free
    size_t peak;            // highest `used` seen at any allocation (garbage included)
    size_t peak_live;       // most bytes found live by a collection
    size_t max_free_block;  // largest allocation that would succeed now
    size_t collections;
    size_t one_blocks, two_blocks, max_block;
} gc_stats_t;

void gc_init(void *start, size_t size);
void *gc_alloc(size_t nbytes, unsigned flags);
void *gc_alloc_maybe(size_t nbytes, unsigned flags);
void *gc_realloc(void *ptr, size_t nbytes);     // ptr may be NULL
void gc_free(void *ptr);                        // optional early free
// A copy of the allocation at the long-lived end of the heap, when there is
// room there (else ptr itself). The original is left for the collector.
void *gc_move_long(void *ptr);
size_t gc_nbytes(const void *ptr);              // usable size of an allocation
void gc_collect(void);
// For finalisers: whether the allocation p points to (the start of it) is
// still there and stays. A finaliser runs while the sweep frees garbage in
// any order, so an object it refers to may be gone already, or about to
// be: it must touch only those that are live (objects outside the heap are).
bool gc_is_live(const void *p);
void gc_get_stats(gc_stats_t *stats);
struct print;
void gc_dump_map(const struct print *p);   // micropython.mem_info(1)
bool gc_is_heap_ptr(const void *ptr);

// Collections are disabled while the count is non-zero (gc.disable()).
void gc_enable(bool enable);
bool gc_is_enabled(void);
void gc_set_threshold(intptr_t bytes);          // -1: no threshold
intptr_t gc_get_threshold(void);
void gc_lock(void);                             // micropython.heap_lock
void gc_unlock(void);
bool gc_is_locked(void);

// Marking interface for roots (called from gc_mark_roots).
void gc_mark_range(const void *start, size_t nbytes);  // conservative
void gc_mark(const void *ptr);

// Provided by the runtime: marks every root other than the C stack.
void gc_mark_roots(void);
// Provided by the runtime: called for a GC_FINAL object about to be freed.
void gc_finalise(void *obj);
void gc_finalise_all(void);                     // before a soft reset: close every file

#endif
