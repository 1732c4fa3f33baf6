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
#define ESPY_FRAME_STACK_SHARE 8
// Entries of the cache of lookups in read-only tables (a power of two; 0: none).
#define ESPY_LOOKUP_CACHE 32
#define ESPY_RECURSION_LIMIT 200
#define ESPY_C_STACK_LIMIT (6 * 1024)

#endif
