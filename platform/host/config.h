// SPDX-License-Identifier: MIT
// Choices of the host target (the simulated board and the test build).
#ifndef ESPY_CONFIG_H
#define ESPY_CONFIG_H

#define ESPY_TARGET_NAME "host"
#define ESPY_PLATFORM "linux"

// Floats are C doubles on the host (CPython's precision), single precision
// on the chip.
typedef double pyfloat_t;
#define ESPY_FLOAT_IS_DOUBLE 1

#ifdef ESPY_GC_STRESS
#define ESPY_DEFAULT_HEAP_SIZE (256 * 1024)   // every allocation collects: keep sweeps short
#else
#define ESPY_DEFAULT_HEAP_SIZE (2 * 1024 * 1024)
#endif
// Python frames live in chunks of at most this many bytes (and 1/64 of the
// heap) from the heap (vm.c).
#define ESPY_FRAME_CHUNK 4096
// Entries of the cache of lookups in read-only tables (a power of two; 0: none).
#define ESPY_LOOKUP_CACHE 256
#define ESPY_RECURSION_LIMIT 1000
// Bytes of C stack the interpreter may use before RuntimeError.
#define ESPY_C_STACK_LIMIT (6 * 1024 * 1024)

#endif
