// SPDX-License-Identifier: MIT
// Exact conversions between floats and decimal text.
//
// repr(float) must give the shortest digits that read back as the same
// float, format() must round correctly at any precision, and float() must
// read any literal to the nearest float; CPython does all three with David
// Gay's dtoa.c. Here they are done with exact integer arithmetic on the
// mpn layer of bigint.c:
//   - shortest digits: Steele & White / Burger & Dybvig ("Dragon4") on
//     fixed-size arrays on the C stack (no allocation);
//   - fixed precision: round(v * 10**p) exactly, half to even;
//   - parsing: a fast path for short literals (Clinger), else the exact
//     quotient of the decimal by a power of ten, rounded once.
// Everything is parametrised by the format of pyfloat_t, so the chip's
// single-precision build rounds directly to float.
#include <math.h>
#include <float.h>
#include <string.h>

#include "bigint.h"

#if ESPY_FLOAT_IS_DOUBLE
#define F_MANT DBL_MANT_DIG
#define F_MIN_EXP DBL_MIN_EXP
#define FW 40               // digits for Dragon4's numbers
#define STACKW 96           // scratch digits on the stack for fixed precision
#define MAXD 800            // significant digits kept when parsing
#define FAST_DIGITS 15
#define FAST_EXP 22
#define BIG_EXP 312
#define SMALL_EXP (-345)
#else
#define F_MANT FLT_MANT_DIG
#define F_MIN_EXP FLT_MIN_EXP
#define FW 12
#define STACKW 32
#define MAXD 120
#define FAST_DIGITS 7
#define FAST_EXP 10
#define BIG_EXP 42
#define SMALL_EXP (-50)
#endif
#define MIN_E2 (F_MIN_EXP - F_MANT)

// v = f * 2**e2 with f < 2**F_MANT, as the float format stores it.
static uint64_t decompose(double v, long *e2) {
    int e;
    double m = frexp(v, &e);
    uint64_t f = (uint64_t)ldexp(m, F_MANT);
    long x = e - F_MANT;
    if (x < MIN_E2) {
        f >>= (MIN_E2 - x);
        x = MIN_E2;
    }
    *e2 = x;
    return f;
}

// ---- shortest digits (Dragon4 on fixed arrays) -------------------------------

typedef struct fbn {
    size_t n;
    digit_t d[FW];
} fbn_t;

static void fbn_set(fbn_t *a, uint64_t v) {
    a->d[0] = (digit_t)v;
    a->d[1] = (digit_t)(v >> 32);
    a->n = mpn_norm(a->d, 2);
}

static void fbn_shl(fbn_t *a, size_t s) {
    a->n = mpn_lshift(a->d, a->d, a->n, s);
}

static void fbn_mul(fbn_t *a, digit_t m) {
    a->n = mpn_mul_1_add(a->d, a->n, m, 0);
}

static int fbn_cmp(const fbn_t *a, const fbn_t *b) {
    return mpn_cmp(a->d, a->n, b->d, b->n);
}

// compares a + b with c
static int fbn_cmp_sum(const fbn_t *a, const fbn_t *b, const fbn_t *c) {
    fbn_t t;
    t.n = mpn_add(t.d, a->d, a->n, b->d, b->n);
    return fbn_cmp(&t, c);
}

static int shortest(vstr_t *out, double v) {
    long e2;
    uint64_t f = decompose(v, &e2);
    bool even = (f & 1) == 0;
    bool unequal = f == ((uint64_t)1 << (F_MANT - 1)) && e2 > MIN_E2;
    fbn_t r, s, mp, mm;
    if (e2 >= 0) {
        fbn_set(&r, f);
        fbn_shl(&r, (size_t)e2 + (unequal ? 2 : 1));
        fbn_set(&s, unequal ? 4 : 2);
        fbn_set(&mp, 1);
        fbn_shl(&mp, (size_t)e2 + (unequal ? 1 : 0));
        fbn_set(&mm, 1);
        fbn_shl(&mm, (size_t)e2);
    } else {
        fbn_set(&r, f << (unequal ? 2 : 1));
        fbn_set(&s, 1);
        fbn_shl(&s, (size_t)((unequal ? 2 : 1) - e2));
        fbn_set(&mp, unequal ? 2 : 1);
        fbn_set(&mm, 1);
    }
    int k = (int)ceil(log10(v) - 1e-10);
    if (k >= 0) {
        s.n = mpn_mul_pow10(s.d, s.n, (unsigned)k);
    } else {
        r.n = mpn_mul_pow10(r.d, r.n, (unsigned)-k);
        mp.n = mpn_mul_pow10(mp.d, mp.n, (unsigned)-k);
        mm.n = mpn_mul_pow10(mm.d, mm.n, (unsigned)-k);
    }
    for (;;) {
        int c = fbn_cmp_sum(&r, &mp, &s);
        if (even ? c < 0 : c <= 0) {
            break;
        }
        fbn_mul(&s, 10);
        k++;
    }
    for (;;) {
        fbn_mul(&r, 10);
        fbn_mul(&mp, 10);
        fbn_mul(&mm, 10);
        int d = 0;
        while (fbn_cmp(&r, &s) >= 0) {
            r.n = mpn_sub(r.d, r.d, r.n, s.d, s.n);
            d++;
        }
        int c1 = fbn_cmp(&r, &mm);
        int c2 = fbn_cmp_sum(&r, &mp, &s);
        bool tc1 = even ? c1 <= 0 : c1 < 0;
        bool tc2 = even ? c2 >= 0 : c2 > 0;
        if (!tc1 && !tc2) {
            vstr_add_char(out, (char)('0' + d));
            continue;
        }
        if (tc1 && tc2) {
            fbn_shl(&r, 1);
            int c = fbn_cmp(&r, &s);
            if (c > 0 || (c == 0 && (d & 1))) {
                d++;
            }
        } else if (tc2) {
            d++;
        }
        vstr_add_char(out, (char)('0' + d));
        break;
    }
    return k;
}

// ---- fixed precision ---------------------------------------------------------

static void append_decimal(vstr_t *out, digit_t *q, size_t qn, digit_t *chunks) {
    size_t nc = 0;
    while (qn > 0) {
        chunks[nc++] = mpn_divmod_1(q, q, qn, 1000000000u);
        qn = mpn_norm(q, qn);
    }
    for (size_t c = nc; c-- > 0;) {
        char buf[10];
        digit_t x = chunks[c];
        int k = 0;
        do {
            buf[k++] = (char)('0' + x % 10);
            x /= 10;
        } while (c == nc - 1 ? x != 0 : k < 9);
        char *p = vstr_extend(out, (size_t)k);
        for (int i = 0; i < k; i++) {
            p[i] = buf[k - 1 - i];
        }
    }
}

// Appends the decimal digits of round_half_even(f * 2**e2 * 10**p); returns
// how many (0 when it rounds to 0).
static size_t scaled_round(vstr_t *out, uint64_t f, long e2, long p) {
    size_t up2 = e2 > 0 ? (size_t)e2 : 0, dn2 = e2 < 0 ? (size_t)-e2 : 0;
    size_t up10 = p > 0 ? (size_t)p : 0, dn10 = p < 0 ? (size_t)-p : 0;
    size_t nw = (64 + up2 + up10 * 4) / 32 + 3;
    size_t dw = (dn2 + dn10 * 4) / 32 + 3;
    size_t need = nw * 5 + dw * 3 + 4;
    digit_t stackbuf[STACKW];
    digit_t *mem = need <= STACKW ? stackbuf : gc_alloc(need * sizeof(digit_t), GC_LEAF);
    digit_t *num = mem, *q = num + nw, *chunks = q + nw, *un = chunks + 2 * nw, *den = un + nw + 1,
            *rem = den + dw, *vn = rem + dw;
    size_t start = out->len;
    fbn_t tmp;
    fbn_set(&tmp, f);
    memcpy(num, tmp.d, 2 * sizeof(digit_t));
    size_t nn = tmp.n;
    nn = mpn_mul_pow10(num, nn, (unsigned)up10);
    nn = mpn_lshift(num, num, nn, up2);
    size_t qn;
    bool round_up;
    if (dn10 == 0) {
        // divide by 2**dn2: a shift, the dropped bits decide the rounding
        bool half = false, rest = false;
        if (dn2 > 0) {
            size_t hb = dn2 - 1;
            half = hb / 32 < nn && ((num[hb / 32] >> (hb % 32)) & 1);
            for (size_t i = 0; i < hb / 32 && i < nn && !rest; i++) {
                rest = num[i] != 0;
            }
            if (!rest && hb / 32 < nn && (num[hb / 32] & ((1u << (hb % 32)) - 1))) {
                rest = true;
            }
        }
        qn = mpn_rshift(q, num, nn, dn2);
        round_up = half && (rest || (qn > 0 && (q[0] & 1)));
    } else {
        den[0] = 1;
        size_t dn = mpn_mul_pow10(den, 1, (unsigned)dn10);
        dn = mpn_lshift(den, den, dn, dn2);
        size_t rn;
        if (mpn_cmp(num, nn, den, dn) < 0) {
            qn = 0;
            memcpy(rem, num, nn * sizeof(digit_t));
            rn = nn;
        } else if (dn == 1) {
            rem[0] = mpn_divmod_1(q, num, nn, den[0]);
            qn = mpn_norm(q, nn);
            rn = mpn_norm(rem, 1);
        } else {
            mpn_divmod(q, rem, num, nn, den, dn, un, vn);
            qn = mpn_norm(q, nn - dn + 1);
            rn = mpn_norm(rem, dn);
        }
        rn = mpn_lshift(rem, rem, rn, 1);
        int c = mpn_cmp(rem, rn, den, dn);
        round_up = c > 0 || (c == 0 && qn > 0 && (q[0] & 1));
    }
    if (round_up) {
        q[qn] = 0;
        qn = mpn_mul_1_add(q, qn, 1, 1);
    }
    append_decimal(out, q, qn, chunks);
    if (mem != stackbuf) {
        gc_free(mem);
    }
    return out->len - start;
}

int fconv_digits(vstr_t *out, double v, int mode, int n) {
    if (mode == 0) {
        return shortest(out, v);
    }
    long e2;
    uint64_t f = decompose(v, &e2);
    if (mode == 3) {
        size_t len = scaled_round(out, f, e2, n);
        return (int)len - n;
    }
    // n significant digits: round at the estimated position, adjust once or twice
    long k = (long)floor(log10(v));
    long p = n - 1 - k;
    size_t start = out->len;
    for (;;) {
        size_t len = scaled_round(out, f, e2, p);
        if (len == (size_t)n) {
            return (int)((long)len - p);
        }
        if (len == (size_t)n + 1) {
            bool pow10 = out->buf[start] == '1';
            for (size_t i = start + 1; i < out->len && pow10; i++) {
                pow10 = out->buf[i] == '0';
            }
            if (pow10) {
                out->len--;
                return (int)((long)len - p);
            }
        }
        out->len = start;
        p += len > (size_t)n ? -1 : 1;
    }
}

// ---- formatting --------------------------------------------------------------

static void add_exp(vstr_t *out, int e, bool upper) {
    char buf[8];
    int k = 0;
    vstr_add_char(out, upper ? 'E' : 'e');
    vstr_add_char(out, e < 0 ? '-' : '+');
    unsigned u = e < 0 ? (unsigned)-e : (unsigned)e;
    do {
        buf[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (k < 2) {
        buf[k++] = '0';
    }
    while (k > 0) {
        vstr_add_char(out, buf[--k]);
    }
}

static void add_zeros(vstr_t *out, long n) {
    if (n > 0) {
        memset(vstr_extend(out, (size_t)n), '0', (size_t)n);
    }
}

// Writes the digits d (len nd, value 0.d * 10**decpt) in fixed notation with
// frac digits after the point.
static void put_fixed(vstr_t *out, const char *d, size_t nd, long decpt, long frac, bool point) {
    if (decpt <= 0) {
        vstr_add_char(out, '0');
    } else if ((size_t)decpt <= nd) {
        vstr_add_strn(out, d, (size_t)decpt);
    } else {
        vstr_add_strn(out, d, nd);
        add_zeros(out, decpt - (long)nd);
    }
    if (frac > 0 || point) {
        vstr_add_char(out, '.');
    }
    // fraction digits: positions decpt .. decpt + frac - 1
    for (long i = decpt; i < decpt + frac;) {
        if (i < 0) {
            long z = -i < decpt + frac - i ? -i : decpt + frac - i;
            add_zeros(out, z);
            i += z;
        } else if ((size_t)i < nd) {
            long take = (long)nd - i;
            if (take > decpt + frac - i) {
                take = decpt + frac - i;
            }
            vstr_add_strn(out, d + i, (size_t)take);
            i += take;
        } else {
            add_zeros(out, decpt + frac - i);
            break;
        }
    }
}

static void put_exp(vstr_t *out, const char *d, size_t nd, int exp, long frac, bool point, bool upper) {
    vstr_add_char(out, d[0]);
    if (frac > 0 || point) {
        vstr_add_char(out, '.');
    }
    long have = (long)nd - 1 < frac ? (long)nd - 1 : frac;
    if (have > 0) {
        vstr_add_strn(out, d + 1, (size_t)have);
    }
    add_zeros(out, frac - (have > 0 ? have : 0));
    add_exp(out, exp, upper);
}

void fconv_format(vstr_t *out, double v, char type, int prec, bool alt, bool add_dot0, bool upper) {
    if (isnan(v)) {
        vstr_add_str(out, upper ? "NAN" : "nan");
        return;
    }
    if (signbit(v)) {
        vstr_add_char(out, '-');
        v = -v;
    }
    if (isinf(v)) {
        vstr_add_str(out, isinf(v) ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan"));
        return;
    }
    // digits go into a scratch vstr, then are laid out into out
    vstr_t dv;
    char sbuf[40];
    dv.buf = sbuf;
    dv.len = 0;
    dv.alloc = sizeof(sbuf);
    vstr_t *dp = &dv;
    vstr_t heapv;
    long need = (type == 'f' ? prec + 330 : prec + 2);
    if (type == 'r' || need < (long)sizeof(sbuf) - 2) {
        dp = &dv;
    } else {
        vstr_init(&heapv, (size_t)need + 16);
        dp = &heapv;
    }
    int decpt;
    if (v == 0) {
        vstr_add_char(dp, '0');
        decpt = 1;
    } else if (type == 'r') {
        decpt = fconv_digits(dp, v, 0, 0);
    } else if (type == 'f') {
        decpt = fconv_digits(dp, v, 3, prec);
    } else if (type == 'e') {
        decpt = fconv_digits(dp, v, 2, prec + 1);
    } else {
        decpt = fconv_digits(dp, v, 2, prec == 0 ? 1 : prec);
    }
    const char *d = dp->buf;
    size_t nd = dp->len;
    switch (type) {
        case 'r':
            if (decpt > -4 && decpt <= 16) {
                long frac = (long)nd - decpt;
                put_fixed(out, d, nd, decpt, frac > 0 ? frac : 1, true);
            } else {
                put_exp(out, d, nd, decpt - 1, (long)nd - 1, alt, upper);
            }
            break;
        case 'f':
            put_fixed(out, d, nd, nd == 0 ? -prec : decpt, prec, alt);
            break;
        case 'e':
            put_exp(out, d, nd, decpt - 1, prec, alt, upper);
            break;
        default: {   // 'g'
            int p = prec == 0 ? 1 : prec;
            int exp = decpt - 1;
            if (!alt) {
                while (nd > 1 && d[nd - 1] == '0') {
                    nd--;
                }
            }
            if (exp >= -4 && exp < (add_dot0 ? p - 1 : p)) {
                long frac = alt ? p - 1 - exp : (long)nd - decpt;
                if (frac < 0) {
                    frac = 0;
                }
                bool dot0 = add_dot0 && frac == 0;
                put_fixed(out, d, nd, decpt, dot0 ? 1 : frac, alt);
            } else {
                put_exp(out, d, nd, exp, alt ? p - 1 : (long)nd - 1, alt, upper);
            }
            break;
        }
    }
}

// ---- parsing -----------------------------------------------------------------

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool match_word(const char *s, const char *end, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(end - s) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        if (c != word[i]) {
            return false;
        }
    }
    return true;
}

static const double pow10_exact[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                     1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
                                     1e20, 1e21, 1e22};

// The slow path: digits d (nd of them, value D * 10**e) to the nearest float.
static double decimal_to_float(const char *d, size_t nd, long e) {
    size_t dw = nd / 9 + 2;
    size_t ew = (size_t)(e < 0 ? -e : e) * 4 / 32 + 3;
    size_t nw = dw + ew + (size_t)F_MANT / 32 + 4;
    digit_t *mem = gc_alloc((nw * 3 + ew * 3 + 4) * sizeof(digit_t), GC_LEAF);
    digit_t *num = mem, *den = num + nw, *q = den + ew, *un = q + nw, *vn = un + nw + 1;
    size_t nn = 0;
    for (size_t i = 0; i < nd;) {
        digit_t acc = 0, mul = 1;
        for (int k = 0; k < 9 && i < nd; k++, i++) {
            acc = acc * 10 + (digit_t)(d[i] - '0');
            mul *= 10;
        }
        nn = mpn_mul_1_add(num, nn, mul, acc);
        nn = mpn_norm(num, nn);
    }
    double r;
    if (e >= 0) {
        nn = mpn_mul_pow10(num, nn, (unsigned)e);
        r = mpn_to_float(num, nn, 0, false);
    } else {
        den[0] = 1;
        size_t dn = mpn_mul_pow10(den, 1, (unsigned)-e);
        long s = (long)mpn_bitlen(den, dn) - (long)mpn_bitlen(num, nn) + F_MANT + 3;
        if (s < 0) {
            s = 0;
        }
        nn = mpn_lshift(num, num, nn, (size_t)s);
        bool sticky;
        size_t qn;
        if (dn == 1) {
            sticky = mpn_divmod_1(q, num, nn, den[0]) != 0;
            qn = nn;
        } else {
            digit_t *rem = vn + dn;
            mpn_divmod(q, rem, num, nn, den, dn, un, vn);
            qn = nn - dn + 1;
            sticky = mpn_norm(rem, dn) != 0;
        }
        r = mpn_to_float(q, qn, -s, sticky);
    }
    gc_free(mem);
    return r;
}

bool fconv_parse(const char *s, size_t len, double *out) {
    const char *end = s + len;
    while (s < end && is_space(*s)) {
        s++;
    }
    while (end > s && is_space(end[-1])) {
        end--;
    }
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) {
        neg = *s++ == '-';
    }
    if (match_word(s, end, "inf") || match_word(s, end, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return true;
    }
    if (match_word(s, end, "nan")) {
        *out = neg ? -NAN : NAN;
        return true;
    }
    char digits[MAXD + 1];
    size_t nsig = 0, stored = 0;
    long dp = 0;
    bool seen_point = false, seen_digit = false, tail_nonzero = false;
    char prev = 0;
    for (; s < end; prev = *s++) {
        char c = *s;
        if (c >= '0' && c <= '9') {
            seen_digit = true;
            if (c == '0' && nsig == 0) {
                if (seen_point) {
                    dp--;
                }
                continue;
            }
            if (stored < MAXD) {
                digits[stored++] = c;
            } else if (c != '0') {
                tail_nonzero = true;
            }
            nsig++;
            if (!seen_point) {
                dp++;
            }
        } else if (c == '_') {
            if (!(prev >= '0' && prev <= '9') || s + 1 >= end || !(s[1] >= '0' && s[1] <= '9')) {
                return false;
            }
        } else if (c == '.') {
            if (seen_point) {
                return false;
            }
            seen_point = true;
        } else {
            break;
        }
    }
    if (!seen_digit) {
        return false;
    }
    long exp = 0;
    if (s < end) {
        if (*s != 'e' && *s != 'E') {
            return false;
        }
        s++;
        bool eneg = false;
        if (s < end && (*s == '+' || *s == '-')) {
            eneg = *s++ == '-';
        }
        if (s == end) {
            return false;
        }
        for (prev = 0; s < end; prev = *s++) {
            char c = *s;
            if (c >= '0' && c <= '9') {
                if (exp < 100000000) {
                    exp = exp * 10 + (c - '0');
                }
            } else if (c == '_' && prev >= '0' && prev <= '9' && s + 1 < end && s[1] >= '0' && s[1] <= '9') {
                continue;
            } else {
                return false;
            }
        }
        if (eneg) {
            exp = -exp;
        }
    }
    while (!tail_nonzero && stored > 0 && digits[stored - 1] == '0') {
        stored--;
    }
    if (tail_nonzero) {
        digits[stored++] = '1';
    }
    double r;
    long dexp = dp + exp;   // value = 0.DIGITS * 10**dexp
    if (stored == 0 || dexp < SMALL_EXP) {
        r = 0.0;
    } else if (dexp > BIG_EXP) {
        r = HUGE_VAL;
    } else {
        long e = dexp - (long)stored;   // value = DIGITS * 10**e
        if (stored <= FAST_DIGITS && e >= -FAST_EXP && e <= FAST_EXP) {
            uint64_t v = 0;
            for (size_t i = 0; i < stored; i++) {
                v = v * 10 + (uint64_t)(digits[i] - '0');
            }
            pyfloat_t fv = (pyfloat_t)v;
            pyfloat_t p10 = (pyfloat_t)pow10_exact[e < 0 ? -e : e];
            fv = e < 0 ? fv / p10 : fv * p10;
            r = fv;
        } else {
            r = decimal_to_float(digits, stored, e);
        }
    }
    *out = neg ? -r : r;
    return true;
}
