// SPDX-License-Identifier: MIT
// Big integers: the arithmetic behind ints that outgrow the value word.
//
// Two layers. The mpn_* functions compute on natural numbers held in plain
// arrays of 32-bit digits (least significant first), with 64-bit
// intermediates: schoolbook add, subtract and multiply, Knuth's long
// division, shifts, and a correctly rounded conversion to float. The
// bigint_* functions take any int values (small, bool or big), read them
// through a view (sign, digits), allocate the result on the GC heap and
// normalise it back to a small int when it fits. Negative numbers are sign
// and magnitude; the bitwise operators convert to two's complement on the
// fly, as CPython does.
#include <math.h>
#include <float.h>
#include <string.h>

#include "bigint.h"

// ---- natural numbers ----------------------------------------------------------

size_t mpn_norm(const digit_t *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

int mpn_cmp(const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    if (an != bn) {
        return an < bn ? -1 : 1;
    }
    while (an-- > 0) {
        if (a[an] != b[an]) {
            return a[an] < b[an] ? -1 : 1;
        }
    }
    return 0;
}

size_t mpn_add(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    if (an < bn) {
        const digit_t *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    ddigit_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (ddigit_t)a[i] + b[i];
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (digit_t)carry;
        carry >>= 32;
    }
    r[i] = (digit_t)carry;
    return mpn_norm(r, an + 1);
}

size_t mpn_sub(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    int64_t borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        borrow += (int64_t)a[i] - b[i];
        r[i] = (digit_t)borrow;
        borrow >>= 32;
    }
    for (; i < an; i++) {
        borrow += a[i];
        r[i] = (digit_t)borrow;
        borrow >>= 32;
    }
    return mpn_norm(r, an);
}

size_t mpn_mul(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    memset(r, 0, (an + bn) * sizeof(digit_t));
    for (size_t i = 0; i < an; i++) {
        ddigit_t carry = 0, ai = a[i];
        if (ai == 0) {
            continue;
        }
        digit_t *ri = r + i;
        for (size_t j = 0; j < bn; j++) {
            carry += ai * b[j] + ri[j];
            ri[j] = (digit_t)carry;
            carry >>= 32;
        }
        ri[bn] = (digit_t)carry;
    }
    return mpn_norm(r, an + bn);
}

size_t mpn_mul_1_add(digit_t *a, size_t n, digit_t mul, digit_t add) {
    ddigit_t carry = add;
    for (size_t i = 0; i < n; i++) {
        carry += (ddigit_t)a[i] * mul;
        a[i] = (digit_t)carry;
        carry >>= 32;
    }
    if (carry) {
        a[n++] = (digit_t)carry;
    }
    return n;
}

digit_t mpn_divmod_1(digit_t *q, const digit_t *a, size_t n, digit_t div) {
    ddigit_t rem = 0;
    while (n-- > 0) {
        rem = (rem << 32) | a[n];
        q[n] = (digit_t)(rem / div);
        rem %= div;
    }
    return (digit_t)rem;
}

// Knuth's algorithm D (after Hacker's Delight, divmnu64). bn >= 2, an >= bn.
void mpn_divmod(digit_t *q, digit_t *r, const digit_t *u, size_t m, const digit_t *v, size_t n,
                digit_t *un, digit_t *vn) {
    int s = __builtin_clz(v[n - 1]);
    for (size_t i = n - 1; i > 0; i--) {
        vn[i] = (v[i] << s) | (s ? v[i - 1] >> (32 - s) : 0);
    }
    vn[0] = v[0] << s;
    un[m] = s ? u[m - 1] >> (32 - s) : 0;
    for (size_t i = m - 1; i > 0; i--) {
        un[i] = (u[i] << s) | (s ? u[i - 1] >> (32 - s) : 0);
    }
    un[0] = u[0] << s;
    const ddigit_t B = (ddigit_t)1 << 32;
    for (size_t jj = m - n + 1; jj-- > 0;) {
        size_t j = jj;
        ddigit_t num = ((ddigit_t)un[j + n] << 32) | un[j + n - 1];
        ddigit_t qhat = num / vn[n - 1];
        ddigit_t rhat = num - qhat * vn[n - 1];
        while (qhat >= B || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
            qhat--;
            rhat += vn[n - 1];
            if (rhat >= B) {
                break;
            }
        }
        int64_t k = 0, t;
        for (size_t i = 0; i < n; i++) {
            ddigit_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (digit_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + n] - k;
        un[j + n] = (digit_t)t;
        q[j] = (digit_t)qhat;
        if (t < 0) {
            q[j]--;
            ddigit_t c = 0;
            for (size_t i = 0; i < n; i++) {
                c += (ddigit_t)un[i + j] + vn[i];
                un[i + j] = (digit_t)c;
                c >>= 32;
            }
            un[j + n] += (digit_t)c;
        }
    }
    if (r) {
        for (size_t i = 0; i < n; i++) {
            r[i] = (un[i] >> s) | (s ? un[i + 1] << (32 - s) : 0);
        }
    }
}

size_t mpn_lshift(digit_t *r, const digit_t *a, size_t n, size_t shift) {
    size_t w = shift / 32;
    unsigned b = shift % 32;
    if (n == 0) {
        return 0;
    }
    if (b == 0) {
        memmove(r + w, a, n * sizeof(digit_t));
        r[n + w] = 0;
    } else {
        r[n + w] = a[n - 1] >> (32 - b);
        for (size_t i = n - 1; i > 0; i--) {
            r[i + w] = (a[i] << b) | (a[i - 1] >> (32 - b));
        }
        r[w] = a[0] << b;
    }
    memset(r, 0, w * sizeof(digit_t));
    return mpn_norm(r, n + w + 1);
}

size_t mpn_rshift(digit_t *r, const digit_t *a, size_t n, size_t shift) {
    size_t w = shift / 32;
    unsigned b = shift % 32;
    if (w >= n) {
        return 0;
    }
    size_t rn = n - w;
    for (size_t i = 0; i < rn; i++) {
        digit_t lo = a[i + w] >> b;
        digit_t hi = (b && i + w + 1 < n) ? a[i + w + 1] << (32 - b) : 0;
        r[i] = lo | hi;
    }
    return mpn_norm(r, rn);
}

size_t mpn_bitlen(const digit_t *a, size_t n) {
    n = mpn_norm(a, n);
    if (n == 0) {
        return 0;
    }
    return (n - 1) * 32 + (32 - __builtin_clz(a[n - 1]));
}

static const digit_t pow10_table[10] = {1, 10, 100, 1000, 10000, 100000, 1000000,
                                        10000000, 100000000, 1000000000};

size_t mpn_mul_pow10(digit_t *a, size_t n, unsigned k) {
    while (k >= 9) {
        n = mpn_mul_1_add(a, n, 1000000000u, 0);
        k -= 9;
    }
    if (k) {
        n = mpn_mul_1_add(a, n, pow10_table[k], 0);
    }
    return n;
}

#if ESPY_FLOAT_IS_DOUBLE
#define F_MANT DBL_MANT_DIG
#define F_MIN_EXP DBL_MIN_EXP
#define F_MAX_EXP DBL_MAX_EXP
#else
#define F_MANT FLT_MANT_DIG
#define F_MIN_EXP FLT_MIN_EXP
#define F_MAX_EXP FLT_MAX_EXP
#endif

double mpn_to_float(const digit_t *a, size_t n, long exp2, bool sticky) {
    n = mpn_norm(a, n);
    size_t len = mpn_bitlen(a, n);
    if (len == 0) {
        return 0.0;
    }
    // top: the 64 most significant bits, the MSB at bit 63
    uint64_t top;
    if (len <= 64) {
        uint64_t v = a[0] | (n > 1 ? (uint64_t)a[1] << 32 : 0);
        top = v << (64 - len);
    } else {
        size_t lo = len - 64;   // bit position of top's LSB
        size_t w = lo / 32;
        unsigned b = lo % 32;
        uint64_t v = (uint64_t)a[w] >> b;
        v |= (uint64_t)a[w + 1] << (32 - b);
        if (w + 2 < n && b) {
            v |= (uint64_t)a[w + 2] << (64 - b);
        }
        top = v;
        for (size_t i = 0; i < w && !sticky; i++) {
            sticky = a[i] != 0;
        }
        if (b && (a[w] & ((1u << b) - 1))) {
            sticky = true;
        }
    }
    long e = (long)len + exp2;   // value in [2**(e-1), 2**e)
    if (e > F_MAX_EXP) {
        return HUGE_VAL;
    }
    long bits = F_MANT;
    if (e < F_MIN_EXP) {
        bits -= F_MIN_EXP - e;
    }
    if (bits < 0) {
        return 0.0;
    }
    uint64_t m, half, rest;
    if (bits == 0) {
        m = 0;
        half = top >> 63;
        rest = (top << 1) != 0 || sticky;
    } else {
        m = top >> (64 - bits);
        uint64_t dropped = top << bits;
        half = dropped >> 63;
        rest = (dropped << 1) != 0 || sticky;
    }
    if (half && (rest || (m & 1))) {
        m++;
    }
    if (e == F_MAX_EXP && m >> bits) {
        return HUGE_VAL;
    }
    return ldexp((double)m, (int)(e - bits));
}

// ---- views of int values ------------------------------------------------------

typedef struct view {
    const digit_t *d;
    size_t n;
    bool neg;
    digit_t tmp[2];
} view_t;

static void view_of(view_t *v, value_t x) {
    if (VAL_IS_BIGINT(x)) {
        bigint_t *b = BIGINT(x);
        v->d = b->d;
        v->n = b->len;
        v->neg = b->neg;
        return;
    }
    long long i = x == VAL_TRUE ? 1 : x == VAL_FALSE ? 0 : (long long)SMALL_VALUE(x);
    uint64_t m = i < 0 ? -(uint64_t)i : (uint64_t)i;
    v->neg = i < 0;
    v->tmp[0] = (digit_t)m;
    v->tmp[1] = (digit_t)(m >> 32);
    v->n = v->tmp[1] ? 2 : v->tmp[0] ? 1 : 0;
    v->d = v->tmp;
}

bool bigint_is_int(value_t v) {
    return VAL_IS_SMALL(v) || VAL_IS_BOOL(v) || VAL_IS_BIGINT(v);
}

bigint_t *bigint_alloc(size_t ndigits) {
    if (ndigits > (SIZE_MAX - sizeof(bigint_t)) / sizeof(digit_t) / 2 || ndigits > 0x3fffffff) {
        raise_msg(&type_MemoryError, "int too large");
    }
    bigint_t *b = gc_alloc(sizeof(bigint_t) + (ndigits ? ndigits : 1) * sizeof(digit_t), GC_LEAF);
    b->base.type = &type_int;
    b->len = (uint32_t)ndigits;
    return b;
}

static value_t from_mag(const digit_t *d, size_t n, bool neg) {
    n = mpn_norm(d, n);
    if (n <= 2) {
        uint64_t m = d[0];
        if (n == 2) {
            m |= (uint64_t)d[1] << 32;
        }
        if (n == 0) {
            return SMALL(0);
        }
        if (m <= (uint64_t)SMALL_MAX) {
            return SMALL(neg ? -(smallint_t)m : (smallint_t)m);
        }
        if (neg && m == (uint64_t)SMALL_MAX + 1) {
            return SMALL(SMALL_MIN);
        }
    }
    return VAL_NULL;
}

value_t bigint_norm(bigint_t *b) {
    b->len = (uint32_t)mpn_norm(b->d, b->len);
    if (b->len == 0) {
        b->neg = 0;
    }
    value_t s = from_mag(b->d, b->len, b->neg);
    return s ? s : PTR_VAL(b);
}

static value_t make(const digit_t *d, size_t n, bool neg) {
    n = mpn_norm(d, n);
    value_t s = from_mag(d, n, neg);
    if (s) {
        return s;
    }
    bigint_t *b = bigint_alloc(n);
    memcpy(b->d, d, n * sizeof(digit_t));
    b->neg = neg;
    return PTR_VAL(b);
}

// ---- arithmetic ---------------------------------------------------------------

static value_t add_views(const view_t *a, const view_t *b, bool bneg) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    bigint_t *r = bigint_alloc(n);
    if (a->neg == bneg) {
        r->len = (uint32_t)mpn_add(r->d, a->d, a->n, b->d, b->n);
        r->neg = a->neg;
    } else if (mpn_cmp(a->d, a->n, b->d, b->n) >= 0) {
        r->len = (uint32_t)mpn_sub(r->d, a->d, a->n, b->d, b->n);
        r->neg = a->neg;
    } else {
        r->len = (uint32_t)mpn_sub(r->d, b->d, b->n, a->d, a->n);
        r->neg = bneg;
    }
    return bigint_norm(r);
}

value_t bigint_add(value_t a, value_t b) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    return add_views(&va, &vb, vb.neg);
}

value_t bigint_sub(value_t a, value_t b) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    return add_views(&va, &vb, !vb.neg);
}

// r += t where the sum is known to fit in rn digits.
static void add_in(digit_t *r, size_t rn, const digit_t *t, size_t tn) {
    ddigit_t c = 0;
    size_t i = 0;
    for (; i < tn; i++) {
        c += (ddigit_t)r[i] + t[i];
        r[i] = (digit_t)c;
        c >>= 32;
    }
    for (; c && i < rn; i++) {
        c += r[i];
        r[i] = (digit_t)c;
        c >>= 32;
    }
}

// Karatsuba for large operands: r = a * b, r has an + bn digits.
static size_t mul_mag(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);

#define KARATSUBA_CUTOFF 48

static size_t karatsuba(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    // split at h: a = a1*B^h + a0, b = b1*B^h + b0 (an >= bn > h)
    size_t h = an / 2;
    size_t a0n = mpn_norm(a, h), a1n = an - h;
    size_t b0n = mpn_norm(b, h < bn ? h : bn), b1n = bn > h ? bn - h : 0;
    if (b1n == 0) {
        // b is short: a1*b and a0*b
        digit_t *t = gc_alloc((a1n + bn) * sizeof(digit_t), GC_LEAF);
        memset(r, 0, (an + bn) * sizeof(digit_t));
        mul_mag(r, a, a0n, b, bn);
        size_t tn = mul_mag(t, a + h, a1n, b, bn);
        add_in(r + h, an + bn - h, t, tn);
        gc_free(t);
        return mpn_norm(r, an + bn);
    }
    digit_t *sa = gc_alloc((a1n + 2) * sizeof(digit_t), GC_LEAF);
    digit_t *sb = gc_alloc((a1n + 2) * sizeof(digit_t), GC_LEAF);
    digit_t *z1 = gc_alloc((2 * a1n + 4) * sizeof(digit_t), GC_LEAF);
    size_t san = mpn_add(sa, a, a0n, a + h, a1n);
    size_t sbn = mpn_add(sb, b, b0n, b + h, b1n);
    size_t z1n = (san && sbn) ? mul_mag(z1, sa, san, sb, sbn) : 0;
    memset(r, 0, (an + bn) * sizeof(digit_t));
    size_t z0n = (a0n && b0n) ? mul_mag(r, a, a0n, b, b0n) : 0;
    size_t z2n = mul_mag(r + 2 * h, a + h, a1n, b + h, b1n);
    z1n = mpn_sub(z1, z1, z1n, r, z0n);
    z1n = mpn_sub(z1, z1, z1n, r + 2 * h, z2n);
    add_in(r + h, an + bn - h, z1, z1n);
    gc_free(sa);
    gc_free(sb);
    gc_free(z1);
    return mpn_norm(r, an + bn);
}

static size_t mul_mag(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn) {
    if (an < bn) {
        const digit_t *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if (bn < KARATSUBA_CUTOFF) {
        return mpn_mul(r, a, an, b, bn);
    }
    return karatsuba(r, a, an, b, bn);
}

value_t bigint_mul(value_t a, value_t b) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    if (va.n == 0 || vb.n == 0) {
        return SMALL(0);
    }
    bigint_t *r = bigint_alloc(va.n + vb.n + 1);
    r->len = (uint32_t)mul_mag(r->d, va.d, va.n, vb.d, vb.n);
    r->neg = va.neg != vb.neg;
    return bigint_norm(r);
}

// Truncating division of magnitudes: q (an-bn+1 digits) and r (bn digits).
static void divmod_mag(const view_t *a, const view_t *b, bigint_t *q, bigint_t *r) {
    if (b->n == 1) {
        digit_t rem = mpn_divmod_1(q->d, a->d, a->n, b->d[0]);
        q->len = (uint32_t)a->n;
        r->d[0] = rem;
        r->len = 1;
        return;
    }
    digit_t *un = gc_alloc((a->n + 1 + b->n) * sizeof(digit_t), GC_LEAF);
    mpn_divmod(q->d, r->d, a->d, a->n, b->d, b->n, un, un + a->n + 1);
    gc_free(un);
    q->len = (uint32_t)(a->n - b->n + 1);
    r->len = (uint32_t)b->n;
}

void bigint_divmod(value_t a, value_t b, value_t *qp, value_t *rp) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    if (mpn_cmp(va.d, va.n, vb.d, vb.n) < 0) {
        // |a| < |b|: q is 0 or -1
        if (va.n == 0 || va.neg == vb.neg) {
            if (qp) *qp = SMALL(0);
            if (rp) *rp = a == VAL_TRUE ? SMALL(1) : a == VAL_FALSE ? SMALL(0) : a;
        } else {
            if (qp) *qp = SMALL(-1);
            if (rp) *rp = bigint_add(a, b);
        }
        return;
    }
    bigint_t *q = bigint_alloc(va.n + 1);
    bigint_t *r = bigint_alloc(vb.n + 1);
    divmod_mag(&va, &vb, q, r);
    q->neg = va.neg != vb.neg;
    r->neg = va.neg;
    value_t qv = bigint_norm(q), rv = bigint_norm(r);
    if (va.neg != vb.neg && rv != SMALL(0)) {
        // floor: q -= 1, r += b
        qv = bigint_sub(qv, SMALL(1));
        rv = bigint_add(rv, b);
    }
    if (qp) *qp = qv;
    if (rp) *rp = rv;
}

int bigint_sign(value_t a) {
    view_t v;
    view_of(&v, a);
    return v.n == 0 ? 0 : v.neg ? -1 : 1;
}

int bigint_cmp(value_t a, value_t b) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    if (va.n == 0 && vb.n == 0) {
        return 0;
    }
    if (va.neg != vb.neg) {
        return va.neg ? -1 : 1;
    }
    int c = mpn_cmp(va.d, va.n, vb.d, vb.n);
    return va.neg ? -c : c;
}

value_t bigint_neg(value_t a) {
    view_t v;
    view_of(&v, a);
    return make(v.d, v.n, !v.neg);
}

value_t bigint_abs(value_t a) {
    view_t v;
    view_of(&v, a);
    return make(v.d, v.n, false);
}

value_t bigint_pow(value_t base, value_t exp) {
    view_t ve;
    view_of(&ve, exp);
    value_t result = SMALL(1);
    size_t bits = mpn_bitlen(ve.d, ve.n);
    for (size_t i = bits; i-- > 0;) {
        result = bigint_mul(result, result);
        if ((ve.d[i / 32] >> (i % 32)) & 1) {
            result = bigint_mul(result, base);
        }
    }
    return result;
}

static value_t mod_floor(value_t a, value_t m) {
    value_t r;
    bigint_divmod(a, m, NULL, &r);
    return r;
}

value_t bigint_powmod(value_t base, value_t exp, value_t mod) {
    view_t ve;
    view_of(&ve, exp);
    value_t result = mod_floor(SMALL(1), mod);
    base = mod_floor(base, mod);
    size_t bits = mpn_bitlen(ve.d, ve.n);
    for (size_t i = bits; i-- > 0;) {
        result = mod_floor(bigint_mul(result, result), mod);
        if ((ve.d[i / 32] >> (i % 32)) & 1) {
            result = mod_floor(bigint_mul(result, base), mod);
        }
    }
    return result;
}

value_t bigint_lshift(value_t a, size_t n) {
    view_t v;
    view_of(&v, a);
    if (v.n == 0) {
        return SMALL(0);
    }
    bigint_t *r = bigint_alloc(v.n + n / 32 + 1);
    r->len = (uint32_t)mpn_lshift(r->d, v.d, v.n, n);
    r->neg = v.neg;
    return bigint_norm(r);
}

value_t bigint_rshift(value_t a, size_t n) {
    view_t v;
    view_of(&v, a);
    if (!v.neg) {
        if (n / 32 >= v.n) {
            return SMALL(0);
        }
        bigint_t *r = bigint_alloc(v.n);
        r->len = (uint32_t)mpn_rshift(r->d, v.d, v.n, n);
        return bigint_norm(r);
    }
    // floor for negatives: -(((|a| - 1) >> n) + 1)
    value_t m1 = bigint_sub(bigint_abs(a), SMALL(1));
    return bigint_neg(bigint_add(bigint_rshift(m1, n), SMALL(1)));
}

// Two's complement of a view into n digits (n > v->n).
static void twos(digit_t *out, const view_t *v, size_t n) {
    memset(out, 0, n * sizeof(digit_t));
    memcpy(out, v->d, v->n * sizeof(digit_t));
    if (v->neg) {
        ddigit_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (digit_t)~out[i];
            out[i] = (digit_t)carry;
            carry >>= 32;
        }
    }
}

value_t bigint_bitop(binop_t op, value_t a, value_t b) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    size_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    bigint_t *r = bigint_alloc(n);
    digit_t *tb = gc_alloc(n * sizeof(digit_t), GC_LEAF);
    twos(r->d, &va, n);
    twos(tb, &vb, n);
    for (size_t i = 0; i < n; i++) {
        r->d[i] = op == BINOP_AND ? r->d[i] & tb[i] : op == BINOP_OR ? r->d[i] | tb[i] : r->d[i] ^ tb[i];
    }
    gc_free(tb);
    bool neg = r->d[n - 1] >> 31;
    if (neg) {
        ddigit_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (digit_t)~r->d[i];
            r->d[i] = (digit_t)carry;
            carry >>= 32;
        }
    }
    r->neg = neg;
    return bigint_norm(r);
}

// ---- conversions --------------------------------------------------------------

double bigint_to_double(value_t a) {
    view_t v;
    view_of(&v, a);
    double d = mpn_to_float(v.d, v.n, 0, false);
    return v.neg ? -d : d;
}

double bigint_truediv(value_t a, value_t b) {
    view_t va, vb;
    view_of(&va, a);
    view_of(&vb, b);
    bool neg = va.neg != vb.neg;
    if (va.n == 0) {
        return neg ? -0.0 : 0.0;
    }
    // q = (a << s) / b with at least F_MANT + 3 bits, the remainder as sticky
    long la = (long)mpn_bitlen(va.d, va.n), lb = (long)mpn_bitlen(vb.d, vb.n);
    long s = lb - la + F_MANT + 3;
    if (s < 0) {
        s = 0;
    }
    size_t an = va.n + (size_t)s / 32 + 2;
    digit_t *num = gc_alloc((an + 1) * sizeof(digit_t), GC_LEAF);
    an = mpn_lshift(num, va.d, va.n, (size_t)s);
    double d;
    if (mpn_cmp(num, an, vb.d, vb.n) < 0) {
        d = 0.0;
    } else if (vb.n == 1) {
        digit_t rem = mpn_divmod_1(num, num, an, vb.d[0]);
        d = mpn_to_float(num, an, -s, rem != 0);
    } else {
        digit_t *q = gc_alloc((an - vb.n + 1 + vb.n + an + 1 + vb.n) * sizeof(digit_t), GC_LEAF);
        digit_t *r = q + an - vb.n + 1;
        mpn_divmod(q, r, num, an, vb.d, vb.n, r + vb.n, r + vb.n + an + 1);
        d = mpn_to_float(q, an - vb.n + 1, -s, mpn_norm(r, vb.n) != 0);
        gc_free(q);
    }
    gc_free(num);
    return neg ? -d : d;
}

value_t bigint_from_double(double d) {
    bool neg = d < 0;
    if (neg) {
        d = -d;
    }
    int e;
    double m = frexp(d, &e);   // d = m * 2**e, 0.5 <= m < 1
    if (e <= 0) {
        return SMALL(0);
    }
    uint64_t mant = (uint64_t)ldexp(m, 64 > e ? e : 64);
    digit_t tmp[2] = {(digit_t)mant, (digit_t)(mant >> 32)};
    if (e <= 64) {
        return make(tmp, 2, neg);
    }
    bigint_t *r = bigint_alloc((size_t)e / 32 + 3);
    r->len = (uint32_t)mpn_lshift(r->d, tmp, mpn_norm(tmp, 2), (size_t)(e - 64));
    r->neg = neg;
    return bigint_norm(r);
}

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

int64_t bigint_hash(value_t a) {
    view_t v;
    view_of(&v, a);
    uint64_t h = 0;
    for (size_t i = v.n; i-- > 0;) {
        h = ((h << 32) & HASH_MOD) | (h >> (HASH_BITS - 32));
        h += v.d[i];
        if (h >= HASH_MOD) {
            h -= HASH_MOD;
        }
    }
    int64_t s = v.neg ? -(int64_t)h : (int64_t)h;
    return s == -1 ? -2 : s;
}

size_t bigint_bitlen(value_t a) {
    view_t v;
    view_of(&v, a);
    return mpn_bitlen(v.d, v.n);
}

bool bigint_get_ll(value_t a, long long *out) {
    view_t v;
    view_of(&v, a);
    if (v.n > 2) {
        return false;
    }
    uint64_t m = v.n ? v.d[0] | (v.n > 1 ? (uint64_t)v.d[1] << 32 : 0) : 0;
    if (v.neg ? m > (uint64_t)INT64_MAX + 1 : m > (uint64_t)INT64_MAX) {
        return false;
    }
    *out = v.neg ? (long long)(0 - m) : (long long)m;
    return true;
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Largest power of base in a digit, and its exponent.
static digit_t chunk_of(int base, int *count) {
    digit_t p = (digit_t)base;
    int k = 1;
    while ((ddigit_t)p * (digit_t)base <= 0xFFFFFFFFu) {
        p *= (digit_t)base;
        k++;
    }
    *count = k;
    return p;
}

void bigint_format(vstr_t *out, value_t a, int base, bool upper) {
    view_t v;
    view_of(&v, a);
    if (v.n == 0) {
        vstr_add_char(out, '0');
        return;
    }
    int per;
    digit_t chunk = chunk_of(base, &per);
    if ((base & (base - 1)) == 0) {
        // power of two: read bits directly
        int shift = __builtin_ctz((unsigned)base);
        size_t bits = mpn_bitlen(v.d, v.n);
        size_t nd = (bits + (size_t)shift - 1) / (size_t)shift;
        char *p = vstr_extend(out, nd);
        for (size_t i = 0; i < nd; i++) {
            size_t bit = i * (size_t)shift;
            uint64_t w = v.d[bit / 32];
            if (bit / 32 + 1 < v.n) {
                w |= (uint64_t)v.d[bit / 32 + 1] << 32;
            }
            unsigned dg = (unsigned)(w >> (bit % 32)) & (unsigned)(base - 1);
            char c = digit_chars[dg];
            p[nd - 1 - i] = upper && c >= 'a' ? (char)(c - 32) : c;
        }
        return;
    }
    // repeated division by the largest power of base in a digit
    digit_t *t = gc_alloc(v.n * sizeof(digit_t), GC_LEAF);
    memcpy(t, v.d, v.n * sizeof(digit_t));
    size_t maxchunks = v.n * 32 / (size_t)(31 - __builtin_clz(chunk)) + 2;
    digit_t *chunks = gc_alloc(maxchunks * sizeof(digit_t), GC_LEAF);
    size_t nc = 0, n = v.n;
    while (n > 0) {
        chunks[nc++] = mpn_divmod_1(t, t, n, chunk);
        n = mpn_norm(t, n);
    }
    // first chunk without leading zeros
    char buf[34];
    for (size_t c = nc; c-- > 0;) {
        digit_t x = chunks[c];
        int k = 0;
        do {
            char ch = digit_chars[x % (digit_t)base];
            buf[k++] = upper && ch >= 'a' ? (char)(ch - 32) : ch;
            x /= (digit_t)base;
        } while (c == nc - 1 ? x != 0 : k < per);
        char *p = vstr_extend(out, (size_t)k);
        for (int i = 0; i < k; i++) {
            p[i] = buf[k - 1 - i];
        }
    }
    gc_free(chunks);
    gc_free(t);
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

value_t bigint_from_digits(const char *s, size_t len, int base, bool neg) {
    int per;
    digit_t chunk = chunk_of(base, &per);
    // bits per digit, rounded up
    size_t bpd = 1;
    while ((1 << bpd) < base) {
        bpd++;
    }
    bigint_t *r = bigint_alloc(len * bpd / 32 + 2);
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        digit_t acc = 0, mul = 1;
        int k = 0;
        while (k < per && i < len) {
            acc = acc * (digit_t)base + (digit_t)digit_value(s[i]);
            mul *= (digit_t)base;
            i++;
            k++;
        }
        n = mpn_mul_1_add(r->d, n, k == per ? chunk : mul, acc);
        n = mpn_norm(r->d, n);
    }
    r->len = (uint32_t)n;
    r->neg = neg;
    return bigint_norm(r);
}

bool bigint_to_bytes(value_t a, uint8_t *buf, size_t len, bool little, bool is_signed) {
    view_t v;
    view_of(&v, a);
    size_t n = len / 4 + 2;
    if (v.n + 1 > n) {
        return false;
    }
    digit_t *t = gc_alloc(n * sizeof(digit_t), GC_LEAF);
    twos(t, &v, n);
    bool ok = true;
    // the bytes beyond len must be the sign extension
    uint8_t ext = v.neg ? 0xFF : 0;
    for (size_t i = len; i < n * 4; i++) {
        if ((uint8_t)(t[i / 4] >> (8 * (i % 4))) != ext) {
            ok = false;
        }
    }
    if (ok && is_signed && len > 0) {
        uint8_t msb = (uint8_t)(t[(len - 1) / 4] >> (8 * ((len - 1) % 4)));
        if ((msb >> 7) != (v.neg ? 1 : 0)) {
            ok = false;
        }
    }
    if (ok && is_signed && len == 0 && v.n != 0) {
        ok = false;
    }
    for (size_t i = 0; ok && i < len; i++) {
        uint8_t byte = (uint8_t)(t[i / 4] >> (8 * (i % 4)));
        buf[little ? i : len - 1 - i] = byte;
    }
    gc_free(t);
    return ok;
}

value_t bigint_from_bytes(const uint8_t *buf, size_t len, bool little, bool is_signed) {
    size_t n = len / 4 + 1;
    bigint_t *r = bigint_alloc(n);
    memset(r->d, 0, n * sizeof(digit_t));
    for (size_t i = 0; i < len; i++) {
        uint8_t byte = buf[little ? i : len - 1 - i];
        r->d[i / 4] |= (digit_t)byte << (8 * (i % 4));
    }
    bool neg = is_signed && len > 0 && (buf[little ? len - 1 : 0] & 0x80);
    if (neg) {
        // value - 2**(8*len): magnitude is the two's complement within len bytes
        for (size_t i = len; i < n * 4; i++) {
            r->d[i / 4] |= (digit_t)0xFF << (8 * (i % 4));
        }
        ddigit_t carry = 1;
        for (size_t i = 0; i < n; i++) {
            carry += (digit_t)~r->d[i];
            r->d[i] = (digit_t)carry;
            carry >>= 32;
        }
        r->neg = 1;
    }
    r->len = (uint32_t)n;
    return bigint_norm(r);
}
