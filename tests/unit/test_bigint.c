// SPDX-License-Identifier: MIT
// Unit test driver for bigint.c and floatconv.c, without the rest of espy.
// Reads commands on stdin, one a line, and prints results; the checker
// tests/unit/test_bigint.py generates random cases and compares with python3.
//
//   cc -std=gnu11 -Icore -Iplatform/host -Ibuild/host/gen tests/unit/test_bigint.c core/bigint.c core/floatconv.c -lm
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "bigint.h"

// ---- stubs for the parts of the runtime these files use ----
const type_t type_int, type_MemoryError;
nlr_buf_t *nlr_top;
void *gc_alloc(size_t n, unsigned flags) { (void)flags; void *p = calloc(1, n ? n : 1); if (!p) abort(); return p; }
void gc_free(void *p) { free(p); }
_Noreturn void raise_msg(const type_t *t, const char *msg) { (void)t; printf("RAISE %s\n", msg); exit(1); }
void vstr_init(vstr_t *vs, size_t cap) { vs->buf = malloc(cap + 1); vs->len = 0; vs->alloc = cap; }
char *vstr_extend(vstr_t *vs, size_t n) {
    if (vs->len + n > vs->alloc) { vs->alloc = (vs->len + n) * 2; vs->buf = realloc(vs->buf, vs->alloc + 1); }
    char *p = vs->buf + vs->len; vs->len += n; return p;
}
void vstr_add_strn(vstr_t *vs, const char *s, size_t n) { memcpy(vstr_extend(vs, n), s, n); }
void vstr_add_str(vstr_t *vs, const char *s) { vstr_add_strn(vs, s, strlen(s)); }
void vstr_add_char(vstr_t *vs, char c) { *vstr_extend(vs, 1) = c; }

static value_t parse(const char *s) {
    bool neg = *s == '-';
    if (neg) s++;
    return bigint_from_digits(s, strlen(s), 16, neg);
}

static void put(value_t v) {
    vstr_t vs;
    vstr_init(&vs, 16);
    if (bigint_sign(v) < 0) vstr_add_char(&vs, '-');
    bigint_format(&vs, v, 16, false);
    printf("%.*s", (int)vs.len, vs.buf);
}

static void put_float(double d) {
    vstr_t vs;
    vstr_init(&vs, 16);
    fconv_format(&vs, d, 'r', 0, false, false, false);
    printf("%.*s", (int)vs.len, vs.buf);
}

int main(void) {
    char op[32], a[20000], b[20000], c[20000];
    while (scanf("%31s", op) == 1) {
        if (!strcmp(op, "repr")) {      // repr of a double given as hex bits
            unsigned long long bits; double d;
            scanf("%llx", &bits);
#if ESPY_FLOAT_IS_DOUBLE
            memcpy(&d, &bits, 8);
#else
            uint32_t b32 = (uint32_t)bits; float f; memcpy(&f, &b32, 4); d = f;
#endif
            put_float(d);
        } else if (!strcmp(op, "parse")) {
            scanf("%s", a); double d;
            if (!fconv_parse(a, strlen(a), &d)) printf("ERR");
#if ESPY_FLOAT_IS_DOUBLE
            else { unsigned long long bits; memcpy(&bits, &d, 8); printf("%llx", bits); }
#else
            else { float f = (float)d; uint32_t b32; memcpy(&b32, &f, 4); printf("%x", (unsigned)b32); }
#endif
        } else if (!strcmp(op, "fmt")) {   // fmt TYPE PREC ALT BITS
            char t; int prec, alt; unsigned long long bits; double d;
            scanf(" %c %d %d %llx", &t, &prec, &alt, &bits); memcpy(&d, &bits, 8);
            vstr_t vs; vstr_init(&vs, 16);
            bool upper = t >= 'A' && t <= 'Z';
            char lt = upper ? (char)(t + 32) : t;
            bool dot0 = lt == 'n';
            fconv_format(&vs, d, dot0 ? 'g' : lt, prec, alt, dot0, upper);
            printf("%.*s", (int)vs.len, vs.buf);
        } else {
            scanf("%s %s", a, b);
            value_t x = parse(a), y = parse(b);
            if (!strcmp(op, "add")) put(bigint_add(x, y));
            else if (!strcmp(op, "sub")) put(bigint_sub(x, y));
            else if (!strcmp(op, "mul")) put(bigint_mul(x, y));
            else if (!strcmp(op, "divmod")) { value_t q, r; bigint_divmod(x, y, &q, &r); put(q); printf(" "); put(r); }
            else if (!strcmp(op, "pow")) put(bigint_pow(x, y));
            else if (!strcmp(op, "powmod")) { scanf("%s", c); put(bigint_powmod(x, y, parse(c))); }
            else if (!strcmp(op, "lshift")) put(bigint_lshift(x, (size_t)SMALL_VALUE(y)));
            else if (!strcmp(op, "rshift")) put(bigint_rshift(x, (size_t)SMALL_VALUE(y)));
            else if (!strcmp(op, "and")) put(bigint_bitop(BINOP_AND, x, y));
            else if (!strcmp(op, "or")) put(bigint_bitop(BINOP_OR, x, y));
            else if (!strcmp(op, "xor")) put(bigint_bitop(BINOP_XOR, x, y));
            else if (!strcmp(op, "cmp")) printf("%d", bigint_cmp(x, y));
            else if (!strcmp(op, "truediv")) put_float(bigint_truediv(x, y));
            else if (!strcmp(op, "todouble")) put_float(bigint_to_double(x));
            else if (!strcmp(op, "hash")) printf("%lld", (long long)bigint_hash(x));
            else if (!strcmp(op, "dec")) { vstr_t vs; vstr_init(&vs, 16); bigint_format(&vs, x, 10, false); printf("%.*s", (int)vs.len, vs.buf); }
            else if (!strcmp(op, "fromdec")) { put(bigint_from_digits(b, strlen(b), 10, false)); }
            else printf("?");
        }
        printf("\n");
    }
    return 0;
}
