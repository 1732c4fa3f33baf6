// SPDX-License-Identifier: MIT
// A malloc-backed stand-in for core/gc.c in unit tests: gc_alloc, gc_realloc
// and gc_free only. Every live allocation is tracked so that a test can free
// them all (LeakSanitizer stays quiet), gc_realloc always moves the block
// (catching stale pointers under ASan), and an allocation can be made to
// fail by longjmp, as MemoryError does.
#ifndef ESPY_GC_STUB_H
#define ESPY_GC_STUB_H

#include <setjmp.h>
#include <stddef.h>

// When non-NULL and the byte budget runs out, allocation longjmps here.
extern jmp_buf *gc_stub_out_of_memory;
extern size_t gc_stub_budget;        // bytes allowed before failing (SIZE_MAX: no limit)

void gc_stub_free_all(void);
size_t gc_stub_live_count(void);

#endif
