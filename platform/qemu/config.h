// SPDX-License-Identifier: MIT
// Choices of the chip targets (esp8266 firmware and the QEMU lx106 build).
#ifndef ESPY_CONFIG_H
#define ESPY_CONFIG_H

#define ESPY_TARGET_NAME "qemu"
#define ESPY_PLATFORM "esp8266"

// The chip's floats are single precision, as MicroPython's ESP8266 port.
typedef float pyfloat_t;
#define ESPY_FLOAT_IS_DOUBLE 0

#define ESPY_DEFAULT_HEAP_SIZE (38 * 1024)
// Python frames live in chunks of at most this many bytes (and 1/64 of the
// heap) from the heap (vm.c).
#define ESPY_FRAME_CHUNK 512
// Entries of the cache of lookups in read-only tables (a power of two; 0: none).
#define ESPY_LOOKUP_CACHE 32
#define ESPY_RECURSION_LIMIT 1000   // the heap is the real bound (RecursionError when full)
// The C stack (platform/qemu/qemu.ld makes it this size; main.c checks):
// 8 KiB, as MicroPython gives itself on the chip. Code may use all but
// 2 KiB of it before RuntimeError: the rest is for the C functions that run
// between two checks (formatting a number, printing a traceback). Compiling
// takes about 250 bytes per nested bracket and 330 per nested def; Python
// calls, generators and awaits take none.
#define ESPY_C_STACK_SIZE (8 * 1024)
#define ESPY_C_STACK_LIMIT (ESPY_C_STACK_SIZE - 2 * 1024)

#endif
