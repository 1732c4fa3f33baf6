// SPDX-License-Identifier: MIT
// The garbage-collected heap (see gc.h for the model).
//
// Layout of the region given to gc_init:
//
//     [ allocation table: one nibble per block ][ pad ][ blocks ... ]
//
// A nibble holds the block's state in its low two bits (free, head, tail,
// head-with-finaliser) and two flags: MARK (found live in this collection)
// and LEAF (not scanned). Only head nibbles carry flags.
//
// Free memory is kept in runs of consecutive free blocks. The first block
// of a run holds the run's length and a link, and runs sit in bins by
// length (1..BINS-1 blocks; the last bin holds every longer run). An
// allocation of n blocks takes a run from the first non-empty bin >= n and
// returns the rest to its bin, so allocating is a few pointer moves. The
// sweep frees every unmarked allocation and rebuilds the bins from the
// table, coalescing neighbours.
#include <string.h>

#include "gc.h"
#include "obj.h"
#include "hal.h"

#define STATE_FREE 0
#define STATE_HEAD 1
#define STATE_TAIL 2
#define STATE_HEAD_FINAL 3
#define NIB_STATE 3
#define NIB_MARK 4
#define NIB_LEAF 8

// Conservative scanning reads every word of the stack and of live
// allocations, including padding a sanitizer would flag.
#define NO_SANITIZE __attribute__((no_sanitize_address, no_sanitize("undefined")))

#define BINS 16
#define MARK_STACK_SIZE 128

typedef struct free_run {
    struct free_run *next;
    size_t blocks;
} free_run_t;

static struct {
    uint8_t *table;          // nibbles
    uint8_t *blocks;         // first block
    size_t nblocks;
    free_run_t *bins[BINS];
    size_t bump, bump_end;   // the free run small allocations are carved from
    size_t sweep_at;         // the allocation whose finaliser runs in a sweep
    size_t used_blocks;
    size_t peak_blocks;
    size_t peak_live_blocks;
    size_t collections;
    size_t since_collect;    // bytes allocated since the last collection
    intptr_t threshold;
    int disabled;
    int locked;
    bool collecting;
    bool mark_overflow;
    size_t mark_sp;
    size_t mark_stack[MARK_STACK_SIZE];
} heap;

static inline unsigned nib_get(size_t b) {
    return (heap.table[b >> 1] >> ((b & 1) * 4)) & 0xF;
}

static inline void nib_set(size_t b, unsigned v) {
    uint8_t *p = &heap.table[b >> 1];
    unsigned shift = (b & 1) * 4;
    *p = (uint8_t)((*p & ~(0xF << shift)) | (v << shift));
}

static inline void *block_ptr(size_t b) {
    return heap.blocks + b * GC_BLOCK;
}

static inline size_t block_of(const void *p) {
    return (size_t)((const uint8_t *)p - heap.blocks) / GC_BLOCK;
}

bool gc_is_heap_ptr(const void *p) {
    return (const uint8_t *)p >= heap.blocks && (const uint8_t *)p < heap.blocks + heap.nblocks * GC_BLOCK;
}

// Marks blocks [from, to) as tails: whole bytes of the table at once.
static void set_tails(size_t from, size_t to) {
    size_t b = from;
    if (b < to && (b & 1)) {
        nib_set(b++, STATE_TAIL);
    }
    size_t bytes = (to - b) / 2;
    if (bytes > 0) {
        memset(&heap.table[b >> 1], (STATE_TAIL << 4) | STATE_TAIL, bytes);
        b += bytes * 2;
    }
    if (b < to) {
        nib_set(b, STATE_TAIL);
    }
}

static size_t bin_of(size_t blocks) {
    return blocks < BINS ? blocks : BINS - 1;
}

static void run_push(size_t first, size_t blocks) {
    free_run_t *run = block_ptr(first);
    run->blocks = blocks;
    size_t bin = bin_of(blocks);
    run->next = heap.bins[bin];
    heap.bins[bin] = run;
}

void gc_init(void *start, size_t size) {
    memset(&heap, 0, sizeof(heap));
    uintptr_t lo = ((uintptr_t)start + GC_BLOCK - 1) & ~(uintptr_t)(GC_BLOCK - 1);
    uintptr_t hi = ((uintptr_t)start + size) & ~(uintptr_t)(GC_BLOCK - 1);
    size_t avail = hi > lo ? hi - lo : 0;
    // Each block costs GC_BLOCK bytes plus half a byte of table.
    size_t nblocks = (avail * 2) / (GC_BLOCK * 2 + 1);
    size_t table_bytes = (nblocks + 1) / 2;
    table_bytes = (table_bytes + GC_BLOCK - 1) & ~(size_t)(GC_BLOCK - 1);
    while (nblocks > 0 && table_bytes + nblocks * GC_BLOCK > avail) {
        nblocks--;
    }
    heap.table = (uint8_t *)lo;
    heap.blocks = (uint8_t *)lo + table_bytes;
    heap.nblocks = nblocks;
    heap.threshold = -1;
    memset(heap.table, 0, table_bytes);
    if (nblocks > 0) {
        run_push(0, nblocks);
    }
}

// ---- allocation ------------------------------------------------------------

// Takes n blocks: an exact fit from the bins, else from the bump region
// (the run being carved), else the first run large enough, which becomes
// the new bump region when it is a big one.
static size_t take_blocks(size_t n) {
    if (n < BINS - 1 && heap.bins[n] != NULL) {
        free_run_t *run = heap.bins[n];
        heap.bins[n] = run->next;
        return block_of(run);
    }
    if (heap.bump_end - heap.bump >= n) {
        size_t first = heap.bump;
        heap.bump += n;
        return first;
    }
    for (size_t bin = bin_of(n); bin < BINS; bin++) {
        free_run_t **link = &heap.bins[bin];
        while (*link != NULL && (*link)->blocks < n) {
            link = &(*link)->next;     // only the last bin holds mixed sizes
        }
        if (*link == NULL) {
            continue;
        }
        free_run_t *run = *link;
        *link = run->next;
        size_t first = block_of(run);
        size_t rest = run->blocks - n;
        if (bin == BINS - 1) {
            // Carve further small allocations from what remains.
            if (heap.bump_end > heap.bump) {
                run_push(heap.bump, heap.bump_end - heap.bump);
            }
            heap.bump = first + n;
            heap.bump_end = first + n + rest;
        } else if (rest > 0) {
            run_push(first + n, rest);
        }
        return first;
    }
    return SIZE_MAX;
}

// Long-lived data (code, interned names, a module's functions) goes as high
// in the heap as it fits: the far end of the bump region or of the highest
// free run, whichever is higher, while short-lived data is carved from the
// low end of the bump region and from the lowest runs (the sweep leaves the
// bins in address order). So the long-lived data piles up at the top of
// the heap, filling the holes there first, and the short-lived data churns
// at the bottom: importing module after module leaves the free memory in
// one piece between them, instead of code objects scattered between the
// compiler's freed buffers (CircuitPython's long-lived allocations follow
// the same idea). It costs a look at every free run of n blocks or more:
// long-lived allocations are few, and made while compiling.
static size_t take_blocks_long(size_t n) {
    free_run_t **best = NULL;
    size_t best_first = heap.bump_end - heap.bump >= n ? heap.bump : 0;
    bool bump = heap.bump_end - heap.bump >= n;
    for (size_t bin = bin_of(n); bin < BINS; bin++) {
        for (free_run_t **link = &heap.bins[bin]; *link != NULL; link = &(*link)->next) {
            size_t first = block_of(*link);
            if ((*link)->blocks >= n && (first > best_first || (!bump && best == NULL))) {
                best = link;
                best_first = first;
            }
        }
    }
    if (best == NULL) {
        if (!bump) {
            return SIZE_MAX;
        }
        heap.bump_end -= n;
        return heap.bump_end;
    }
    free_run_t *run = *best;
    *best = run->next;
    size_t rest = run->blocks - n;
    if (rest > 0) {
        run_push(best_first, rest);
    }
    return best_first + rest;
}

static void *alloc_blocks(size_t n, unsigned flags) {
    size_t first = (flags & GC_LONG) ? take_blocks_long(n) : take_blocks(n);
    if (first == SIZE_MAX) {
        return NULL;
    }
    nib_set(first, ((flags & GC_FINAL) ? STATE_HEAD_FINAL : STATE_HEAD) | ((flags & GC_LEAF) ? NIB_LEAF : 0));
    set_tails(first + 1, first + n);
    uintptr_t *p = block_ptr(first);
    if (n == 1) {
        p[0] = 0;
        p[1] = 0;
    } else {
        memset(p, 0, n * GC_BLOCK);
    }
    heap.used_blocks += n;
    if (heap.used_blocks > heap.peak_blocks) {
        heap.peak_blocks = heap.used_blocks;
    }
    heap.since_collect += n * GC_BLOCK;
    return p;
}

bool gc_is_live(const void *p) {
    if (!gc_is_heap_ptr(p)) {
        return true;
    }
    size_t b = block_of(p);
    unsigned nib = nib_get(b);
    if ((nib & NIB_STATE) == STATE_FREE || (nib & NIB_STATE) == STATE_TAIL) {
        return false;
    }
    // In a sweep, what it has passed is kept (the rest is free by now);
    // what it has yet to reach is live if it was marked.
    return !heap.collecting || b < heap.sweep_at || (nib & NIB_MARK);
}

void *gc_move_long(void *p) {
    if (!gc_is_heap_ptr(p) || heap.locked || heap.collecting) {
        return p;
    }
    size_t head = block_of(p);
    unsigned nib = nib_get(head);
    size_t n = gc_nbytes(p) / GC_BLOCK;
    if ((nib & NIB_STATE) == STATE_FREE || head >= heap.bump_end || heap.bump_end - heap.bump < n) {
        return p;   // already at the far end, or no room there
    }
    unsigned flags = GC_LONG | ((nib & NIB_LEAF) ? GC_LEAF : 0) | ((nib & NIB_STATE) == STATE_HEAD_FINAL ? GC_FINAL : 0);
    void *q = alloc_blocks(n, flags);
    memcpy(q, p, n * GC_BLOCK);
    return q;
}

void *gc_alloc_maybe(size_t nbytes, unsigned flags) {
    if (heap.locked || heap.collecting) {
        return NULL;
    }
    size_t n = nbytes == 0 ? 1 : (nbytes + GC_BLOCK - 1) / GC_BLOCK;
    if (n > heap.nblocks || nbytes > SIZE_MAX - GC_BLOCK) {
        return NULL;
    }
    if (heap.threshold >= 0 && heap.since_collect >= (size_t)heap.threshold && !heap.disabled) {
        gc_collect();
    }
#ifdef ESPY_GC_STRESS
    // The test build that collects at every allocation, to find values the
    // collector cannot see.
    if (!heap.disabled) {
        gc_collect();
    }
#endif
    void *p = alloc_blocks(n, flags);
    if (p == NULL && !heap.disabled) {
        gc_collect();
        p = alloc_blocks(n, flags);
    }
    return p;
}

void *gc_alloc(size_t nbytes, unsigned flags) {
    void *p = gc_alloc_maybe(nbytes, flags);
    if (p == NULL) {
        exc_raise_memory_error(nbytes);
    }
    return p;
}

// The length in blocks of the allocation at head (tails carry no flags,
// so a table byte of two tails is 0x22 and is skipped whole).
static size_t alloc_blocks_of(size_t head) {
    size_t b = head + 1;
    if (b < heap.nblocks && (b & 1) && nib_get(b) == STATE_TAIL) {
        b++;
    }
    if (!(b & 1)) {
        while (b + 2 <= heap.nblocks && heap.table[b >> 1] == ((STATE_TAIL << 4) | STATE_TAIL)) {
            b += 2;
        }
    }
    while (b < heap.nblocks && nib_get(b) == STATE_TAIL) {
        b++;
    }
    return b - head;
}

size_t gc_nbytes(const void *ptr) {
    if (!gc_is_heap_ptr(ptr)) {
        return 0;
    }
    return alloc_blocks_of(block_of(ptr)) * GC_BLOCK;
}

void gc_free(void *ptr) {
    if (ptr == NULL || !gc_is_heap_ptr(ptr) || heap.collecting) {
        return;
    }
    size_t head = block_of(ptr);
    unsigned state = nib_get(head) & NIB_STATE;
    if (block_ptr(head) != ptr || (state != STATE_HEAD && state != STATE_HEAD_FINAL)) {
        return;
    }
    size_t n = alloc_blocks_of(head);
    for (size_t b = head; b < head + n; b++) {
        nib_set(b, STATE_FREE);
    }
    heap.used_blocks -= n;
    run_push(head, n);
}

// Grows the allocation at `head` from `have` to `want` blocks over the free
// blocks that follow it, if there are enough: a buffer that grows (the
// compiler's bytecode, a list) then needs no second copy while it is copied,
// and leaves no hole behind.
static bool grow_in_place(size_t head, size_t have, size_t want) {
    size_t end = head + have, need = want - have;
    if (heap.locked || heap.collecting || end >= heap.nblocks || nib_get(end) != STATE_FREE) {
        return false;
    }
    if (end == heap.bump) {
        if (heap.bump_end - heap.bump < need) {
            return false;
        }
        heap.bump += need;
    } else {
        // A free block after an allocation starts a run in a bin.
        free_run_t *run = block_ptr(end);
        size_t blocks = run->blocks;
        if (blocks < need) {
            return false;
        }
        free_run_t **link = &heap.bins[bin_of(blocks)];
        while (*link != NULL && *link != run) {
            link = &(*link)->next;
        }
        if (*link == NULL) {
            return false;   // not a run head after all: leave it alone
        }
        *link = run->next;
        if (blocks > need) {
            run_push(end + need, blocks - need);
        }
    }
    set_tails(end, end + need);
    memset(block_ptr(end), 0, need * GC_BLOCK);
    heap.used_blocks += need;
    if (heap.used_blocks > heap.peak_blocks) {
        heap.peak_blocks = heap.used_blocks;
    }
    heap.since_collect += need * GC_BLOCK;
    return true;
}

void *gc_realloc(void *ptr, size_t nbytes) {
    if (ptr == NULL) {
        return gc_alloc(nbytes, 0);
    }
    size_t old = gc_nbytes(ptr);
    if (nbytes <= old) {
        // Shrinking: whole blocks at the end are given back; the rest of
        // the last block is zeroed, so stale pointers keep nothing alive.
        size_t keep = nbytes == 0 ? 1 : (nbytes + GC_BLOCK - 1) / GC_BLOCK;
        size_t have = old / GC_BLOCK;
        size_t head = block_of(ptr);
        if (keep < have && gc_is_heap_ptr(ptr) && !heap.collecting) {
            for (size_t b = head + keep; b < head + have; b++) {
                nib_set(b, STATE_FREE);
            }
            heap.used_blocks -= have - keep;
            run_push(head + keep, have - keep);
            old = keep * GC_BLOCK;
        }
        memset((uint8_t *)ptr + nbytes, 0, old - nbytes);
        return ptr;
    }
    if (gc_is_heap_ptr(ptr) && grow_in_place(block_of(ptr), old / GC_BLOCK, (nbytes + GC_BLOCK - 1) / GC_BLOCK)) {
        return ptr;
    }
    unsigned flags = (nib_get(block_of(ptr)) & NIB_LEAF) ? GC_LEAF : 0;
    void *p = gc_alloc(nbytes, flags);
    memcpy(p, ptr, old);
    gc_free(ptr);
    return p;
}

// ---- marking ---------------------------------------------------------------

// Finds the head of the allocation containing address p, or SIZE_MAX.
static size_t head_of(uintptr_t p) {
    if (p < (uintptr_t)heap.blocks || p >= (uintptr_t)(heap.blocks + heap.nblocks * GC_BLOCK)) {
        return SIZE_MAX;
    }
    size_t b = block_of((const void *)p);
    unsigned state;
    while ((state = nib_get(b) & NIB_STATE) == STATE_TAIL) {
        b--;
    }
    return state == STATE_FREE ? SIZE_MAX : b;
}

static void mark_block(size_t head) {
    unsigned nib = nib_get(head);
    if (nib & NIB_MARK) {
        return;
    }
    nib_set(head, nib | NIB_MARK);
    if (nib & NIB_LEAF) {
        return;
    }
    if (heap.mark_sp < MARK_STACK_SIZE) {
        heap.mark_stack[heap.mark_sp++] = head;
    } else {
        heap.mark_overflow = true;
    }
}

NO_SANITIZE static void scan_block(size_t head) {
    size_t n = alloc_blocks_of(head);
    const uintptr_t *w = block_ptr(head);
    const uintptr_t *end = w + n * GC_BLOCK / sizeof(uintptr_t);
    for (; w < end; w++) {
        uintptr_t v = *w;
        if ((v & (sizeof(void *) - 1)) == 0) {
            size_t h = head_of(v);
            if (h != SIZE_MAX) {
                mark_block(h);
            }
        }
    }
}

static void drain_mark_stack(void) {
    for (;;) {
        while (heap.mark_sp > 0) {
            scan_block(heap.mark_stack[--heap.mark_sp]);
        }
        if (!heap.mark_overflow) {
            return;
        }
        // The stack overflowed: rescan every marked allocation.
        heap.mark_overflow = false;
        for (size_t b = 0; b < heap.nblocks; b++) {
            unsigned nib = nib_get(b);
            if ((nib & NIB_MARK) && !(nib & NIB_LEAF) && (nib & NIB_STATE) != STATE_TAIL) {
                scan_block(b);
                while (heap.mark_sp > 0) {
                    scan_block(heap.mark_stack[--heap.mark_sp]);
                }
            }
        }
    }
}

void gc_mark(const void *ptr) {
    size_t h = head_of((uintptr_t)ptr);
    if (h != SIZE_MAX) {
        mark_block(h);
        drain_mark_stack();
    }
}

NO_SANITIZE void gc_mark_range(const void *start, size_t nbytes) {
    uintptr_t a = ((uintptr_t)start + sizeof(void *) - 1) & ~(uintptr_t)(sizeof(void *) - 1);
    const uintptr_t *w = (const uintptr_t *)a;
    const uintptr_t *end = (const uintptr_t *)((uintptr_t)start + nbytes);
    for (; w < end; w++) {
        size_t h = head_of(*w);
        if (h != SIZE_MAX) {
            mark_block(h);
            drain_mark_stack();
        }
    }
}

// ---- sweeping ---------------------------------------------------------------

static void sweep(void) {
    for (size_t i = 0; i < BINS; i++) {
        heap.bins[i] = NULL;
    }
    heap.bump = heap.bump_end = 0;
    size_t used = 0;
    size_t run_start = SIZE_MAX;
    for (size_t b = 0; b < heap.nblocks;) {
        unsigned nib = nib_get(b);
        unsigned state = nib & NIB_STATE;
        if (state == STATE_FREE) {
            if (run_start == SIZE_MAX) {
                run_start = b;
            }
            b++;
            // Free blocks carry no flags: skip whole zero bytes of the table.
            if (!(b & 1)) {
                while (b + 2 <= heap.nblocks && heap.table[b >> 1] == 0) {
                    b += 2;
                }
            }
            continue;
        }
        // A head: its tails follow.
        size_t n = alloc_blocks_of(b);
        if (nib & NIB_MARK) {
            nib_set(b, nib & ~NIB_MARK);
            used += n;
            if (run_start != SIZE_MAX) {
                run_push(run_start, b - run_start);
                run_start = SIZE_MAX;
            }
        } else {
            if (state == STATE_HEAD_FINAL) {
                heap.sweep_at = b;
                gc_finalise(block_ptr(b));
            }
            for (size_t k = b; k < b + n; k++) {
                nib_set(k, STATE_FREE);
            }
            if (run_start == SIZE_MAX) {
                run_start = b;
            }
        }
        b += n;
    }
    if (run_start != SIZE_MAX) {
        run_push(run_start, heap.nblocks - run_start);
    }
    // The runs were pushed lowest first: turn the bins round so that the
    // lowest comes first, where short-lived allocations are taken from.
    for (size_t i = 0; i < BINS; i++) {
        free_run_t *reversed = NULL;
        while (heap.bins[i] != NULL) {
            free_run_t *run = heap.bins[i];
            heap.bins[i] = run->next;
            run->next = reversed;
            reversed = run;
        }
        heap.bins[i] = reversed;
    }
    heap.used_blocks = used;
    if (used > heap.peak_live_blocks) {
        heap.peak_live_blocks = used;
    }
}

// Before a soft reset: every object with a finaliser gets it (files are
// closed, their data written), as if all were garbage. Nothing is freed.
void gc_finalise_all(void) {
    if (heap.table == NULL) {
        return;
    }
    for (size_t b = 0; b < heap.nblocks;) {
        unsigned state = nib_get(b) & NIB_STATE;
        if (state == STATE_FREE) {
            b++;
            continue;
        }
        size_t n = alloc_blocks_of(b);
        if (state == STATE_HEAD_FINAL) {
            nib_set(b, (nib_get(b) & ~NIB_STATE) | STATE_HEAD);    // once only
            gc_finalise(block_ptr(b));
        }
        b += n;
    }
}

static void __attribute__((noinline)) collect_with_registers_spilled(void) {
    jmp_buf regs;           // setjmp stores the callee-saved registers here
    if (setjmp(regs) == 0) {
        void *sp = &regs;
        void *top = hal_stack_top();
        if ((uintptr_t)sp < (uintptr_t)top) {
            gc_mark_range(sp, (uintptr_t)top - (uintptr_t)sp);
        } else {
            gc_mark_range(top, (uintptr_t)sp - (uintptr_t)top);
        }
        gc_mark_range(&regs, sizeof(regs));
        gc_mark_roots();
    }
}

void gc_collect(void) {
    if (heap.collecting || heap.locked) {
        return;
    }
    heap.collecting = true;
    heap.mark_sp = 0;
    heap.mark_overflow = false;
    collect_with_registers_spilled();
    sweep();
    heap.collections++;
    heap.since_collect = 0;
    heap.collecting = false;
}

// ---- control and statistics ---------------------------------------------------

void gc_enable(bool enable) {
    heap.disabled = enable ? 0 : 1;
}

bool gc_is_enabled(void) {
    return !heap.disabled;
}

void gc_set_threshold(intptr_t bytes) {
    heap.threshold = bytes;
}

intptr_t gc_get_threshold(void) {
    return heap.threshold;
}

void gc_lock(void) {
    heap.locked++;
}

void gc_unlock(void) {
    if (heap.locked > 0) {
        heap.locked--;
    }
}

bool gc_is_locked(void) {
    return heap.locked != 0;
}

// The letter for an allocation in the heap map: its type for the common
// objects, else h (scanned) or b (leaf: bytes, buffers).
static char head_letter(size_t b) {
    unsigned nib = nib_get(b);
    if (nib & NIB_LEAF) {
        return 'b';
    }
    const type_t *t = ((const obj_t *)block_ptr(b))->type;
    if (t == &type_str) return 'S';
    if (t == &type_tuple) return 'T';
    if (t == &type_list) return 'L';
    if (t == &type_dict) return 'D';
    if (t == &type_function) return 'F';
    if (t == &type_code) return 'C';
    return 'h';
}

// micropython.mem_info(1): one character per block, 64 to a line, as
// MicroPython prints it: '.' free, '=' the rest of an allocation.
void gc_dump_map(const print_t *p) {
    print_fmt(p, "GC memory layout; from %x:", (unsigned)(uintptr_t)heap.blocks);
    size_t free_lines = 0;
    for (size_t line = 0; line < heap.nblocks; line += 64) {
        size_t end = line + 64 < heap.nblocks ? line + 64 : heap.nblocks;
        bool all_free = true;
        for (size_t b = line; b < end && all_free; b++) {
            all_free = (nib_get(b) & NIB_STATE) == STATE_FREE;
        }
        if (all_free && end - line == 64) {
            free_lines++;
            continue;
        }
        if (free_lines > 0) {
            print_fmt(p, "\n       (%u lines all free)", (unsigned)free_lines);
            free_lines = 0;
        }
        char buf[64];
        for (size_t b = line; b < end; b++) {
            unsigned state = nib_get(b) & NIB_STATE;
            buf[b - line] = state == STATE_FREE ? '.' : state == STATE_TAIL ? '=' : head_letter(b);
        }
        char at[8];
        unsigned off = (unsigned)(line * GC_BLOCK);
        for (int i = 4; i >= 0; i--, off >>= 4) {
            at[i] = "0123456789abcdef"[off & 15];
        }
        print_str(p, "\n");
        print_strn(p, at, 5);
        print_str(p, ": ");
        print_strn(p, buf, end - line);
    }
    if (free_lines > 0) {
        print_fmt(p, "\n       (%u lines all free)", (unsigned)free_lines);
    }
    print_str(p, "\n");
}

void gc_get_stats(gc_stats_t *st) {
    memset(st, 0, sizeof(*st));
    st->total = heap.nblocks * GC_BLOCK;
    st->used = heap.used_blocks * GC_BLOCK;
    st->free = st->total - st->used;
    st->peak = heap.peak_blocks * GC_BLOCK;
    st->peak_live = heap.peak_live_blocks * GC_BLOCK;
    st->collections = heap.collections;
    size_t run = 0;
    for (size_t b = 0; b <= heap.nblocks; b++) {
        unsigned state = b < heap.nblocks ? nib_get(b) & NIB_STATE : STATE_HEAD;
        if (state == STATE_FREE) {
            run++;
            continue;
        }
        if (run * GC_BLOCK > st->max_free_block) {
            st->max_free_block = run * GC_BLOCK;
        }
        run = 0;
        if (b < heap.nblocks && state != STATE_TAIL) {
            size_t n = alloc_blocks_of(b);
            if (n == 1) {
                st->one_blocks++;
            } else if (n == 2) {
                st->two_blocks++;
            }
            if (n > st->max_block) {
                st->max_block = n;
            }
        }
    }
}
