// SPDX-License-Identifier: MIT
// Choices of the ESP8266 firmware (the same as the QEMU lx106 build's, but
// for the C stack).
#ifndef ESPY_CONFIG_H
#define ESPY_CONFIG_H

#define ESPY_TARGET_NAME "esp8266"
#define ESPY_PLATFORM "esp8266"

// The chip's floats are single precision, as MicroPython's ESP8266 port.
typedef float pyfloat_t;
#define ESPY_FLOAT_IS_DOUBLE 0

// The chip's C stack lies outside the 56 KiB (below), so the heap can be
// bigger than MicroPython's 38 KiB; 6 KiB stay free for the board layer's
// static data (flash filesystem buffers, sockets) to come.
#define ESPY_DEFAULT_HEAP_SIZE (44 * 1024)
// Python frames live in chunks of at most this many bytes (and 1/64 of the
// heap) from the heap (vm.c).
#define ESPY_FRAME_CHUNK 512
// Entries of the cache of lookups in read-only tables (a power of two; 0: none).
#define ESPY_LOOKUP_CACHE 32
#define ESPY_RECURSION_LIMIT 1000   // the heap is the real bound (RecursionError when full)
// The C stack: the top 8 KiB of the ROM's data RAM, 0x3FFFE000-0x3FFFFFFF,
// as in MicroPython's port (esp8266.ld; main.c checks that they agree). It
// is not part of the 56 KiB of DRAM the firmware budgets. Code may use all
// but 2 KiB of it before RuntimeError: the rest is for the C functions that
// // run between two checks and for the exception handler's frame. Compiling
// takes about 250 bytes per nested bracket; calls and generators none.
#define ESPY_C_STACK_SIZE (8 * 1024)
#define ESPY_C_STACK_LIMIT (ESPY_C_STACK_SIZE - 2 * 1024)

#endif
