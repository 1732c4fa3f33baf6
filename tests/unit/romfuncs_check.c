// SPDX-License-Identifier: MIT
// Runs platform/qemu/romfuncs.c (the chip's ROM arithmetic helpers) on
// QEMU's lx106 for romfuncs_check.py: reads records (op, a, b) on stdin over
// semihosting, and writes each result as 8 bytes to stdout. The operations
// are written as C operators, so that gcc calls the helpers as it does in
// espy.
#include <stdint.h>

#include "semihost.h"

typedef struct {
    uint32_t op;
    uint64_t a, b;
} __attribute__((packed)) record_t;

typedef union {
    double f;
    uint64_t u;
} f64_t;

typedef union {
    float f;
    uint32_t u;
} f32_t;

_Noreturn void semihost_exit(int status) {
    for (;;) {
        semihost_call(SEMIHOST_EXIT, status, 0, 0, NULL);
    }
}

_Noreturn void qemu_exception(uint32_t cause, uint32_t pc, uint32_t vaddr, uint32_t vector) {
    semihost_exit(134);
}

static uint64_t apply(const record_t *r) {
    volatile f64_t a = {.u = r->a}, b = {.u = r->b};
    volatile f32_t fa = {.u = (uint32_t)r->a}, fb = {.u = (uint32_t)r->b};
    volatile uint32_t ia = (uint32_t)r->a, ib = (uint32_t)r->b;
    volatile uint64_t la = r->a, lb = r->b;
    f64_t d;
    f32_t f;
    switch (r->op) {
        case 0: d.f = a.f + b.f; return d.u;
        case 1: d.f = a.f - b.f; return d.u;
        case 2: d.f = a.f * b.f; return d.u;
        case 3: d.f = a.f / b.f; return d.u;
        case 4: f.f = fa.f + fb.f; return f.u;
        case 5: f.f = fa.f - fb.f; return f.u;
        case 6: f.f = fa.f * fb.f; return f.u;
        case 7: f.f = fa.f / fb.f; return f.u;
        case 8: d.f = fa.f; return d.u;
        case 9: f.f = (float)a.f; return f.u;
        case 10: return (uint32_t)(int32_t)a.f;
        case 11: return (uint32_t)a.f;
        case 12: d.f = (int32_t)ia; return d.u;
        case 13: d.f = ia; return d.u;
        case 14: f.f = (float)(int32_t)ia; return f.u;
        case 15: f.f = (float)ia; return f.u;
        case 16: return (uint32_t)fa.f;
        case 17: return ia / ib;
        case 18: return ia % ib;
        case 19: return (uint32_t)((int32_t)ia / (int32_t)ib);
        case 20: return (uint32_t)((int32_t)ia % (int32_t)ib);
        case 21: return la / lb;
        case 22: return la % lb;
        case 23: return (uint64_t)((int64_t)la / (int64_t)lb);
        case 24: return (uint64_t)ia * ib;
        case 25: return la * lb;
        default: return 0;
    }
}

static void read_all(void *buf, int32_t len) {
    char *p = buf;
    while (len > 0) {
        int32_t n = semihost_call(SEMIHOST_READ, 0, (int32_t)p, len, NULL);
        if (n <= 0) {
            semihost_exit(n == 0 && p == (char *)buf ? 0 : 3);
        }
        p += n;
        len -= n;
    }
}

_Noreturn void qemu_start(void) {
    static record_t in[64];
    static uint64_t out[64];
    for (;;) {
        uint32_t count;
        read_all(&count, sizeof count);
        read_all(in, (int32_t)(count * sizeof in[0]));
        for (uint32_t i = 0; i < count; i++) {
            out[i] = apply(&in[i]);
        }
        semihost_call(SEMIHOST_WRITE, 1, (int32_t)out, (int32_t)(count * sizeof out[0]), NULL);
    }
}
