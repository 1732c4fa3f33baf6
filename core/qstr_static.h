// SPDX-License-Identifier: MIT
// The layout of the generated static qstr table (build/gen/qstrdata.c).
#ifndef ESPY_QSTR_STATIC_H
#define ESPY_QSTR_STATIC_H

#include <stdint.h>

#include "qstr.h"

typedef struct qstr_static {
    uint32_t hash;
    uint16_t len;
    const char *text;
} qstr_static_t;

extern const qstr_static_t qstr_static[QSTR_STATIC_COUNT];
extern const uint16_t qstr_static_by_hash[QSTR_STATIC_COUNT - 1];

#endif
