// SPDX-License-Identifier: MIT
// The arithmetic helpers that the ESP8266 keeps in its boot ROM.
//
// gcc calls helper functions for what the lx106 core cannot do in one
// instruction: integer division, 64-bit multiplication, and all floating
// point. On the chip most of them sit in the boot ROM (the list and the
// addresses are in spec/esp8266-chip.md, section 5), so Debian's libgcc for
// lx106 leaves exactly those out. QEMU has no ROM, so this file provides the
// same set in C: the 32- and 64-bit integer divisions, __muldi3 and
// __umulsidi3, and the IEEE 754 single and double add, subtract, multiply,
// divide and conversions that the ROM has. The helpers the ROM lacks
// (__modsi3, __divsf3, the comparisons) still come from libgcc.
//
// Floating point follows Berkeley SoftFloat's algorithms, round to nearest
// even, with subnormals, infinities and quiet NaNs; no exception flags. The
// single-precision operations compute in double and round once to single,
// which gives the correctly rounded result for +, -, *, / (53 >= 2 * 24 + 2).
// Everything works on bit patterns and calls the helpers below by name, so
// that gcc never turns a helper's body into a call to itself.
#include <stdint.h>

// ---- integers --------------------------------------------------------------

// Shift-and-subtract division, one step per quotient bit that can be set.
static uint32_t udivmod32(uint32_t n, uint32_t d, uint32_t *rem) {
    if (d == 0) {
        __builtin_trap();                // the ROM raises "divide by zero" too
    }
    uint32_t q = 0;
    if (n >= d) {
        int shift = __builtin_clz(d) - __builtin_clz(n);
        d <<= shift;
        for (int i = 0; i <= shift; i++) {
            q <<= 1;
            if (n >= d) {
                n -= d;
                q |= 1;
            }
            d >>= 1;
        }
    }
    *rem = n;
    return q;
}

static uint64_t udivmod64(uint64_t n, uint64_t d, uint64_t *rem) {
    if ((n >> 32) == 0 && (d >> 32) == 0) {
        uint32_t r;
        uint32_t q = udivmod32((uint32_t)n, (uint32_t)d, &r);
        *rem = r;
        return q;
    }
    if (d == 0) {
        __builtin_trap();
    }
    uint64_t q = 0;
    if (n >= d) {
        int shift = __builtin_clzll(d) - __builtin_clzll(n);
        d <<= shift;
        for (int i = 0; i <= shift; i++) {
            q <<= 1;
            if (n >= d) {
                n -= d;
                q |= 1;
            }
            d >>= 1;
        }
    }
    *rem = n;
    return q;
}

uint32_t __udivsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    return udivmod32(n, d, &r);
}

uint32_t __umodsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    udivmod32(n, d, &r);
    return r;
}

int32_t __divsi3(int32_t n, int32_t d) {
    uint32_t r;
    uint32_t un = n < 0 ? -(uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? -(uint32_t)d : (uint32_t)d;
    uint32_t q = udivmod32(un, ud, &r);
    return (int32_t)((n < 0) != (d < 0) ? -q : q);
}

uint64_t __udivdi3(uint64_t n, uint64_t d) {
    uint64_t r;
    return udivmod64(n, d, &r);
}

uint64_t __umoddi3(uint64_t n, uint64_t d) {
    uint64_t r;
    udivmod64(n, d, &r);
    return r;
}

int64_t __divdi3(int64_t n, int64_t d) {
    uint64_t r;
    uint64_t un = n < 0 ? -(uint64_t)n : (uint64_t)n;
    uint64_t ud = d < 0 ? -(uint64_t)d : (uint64_t)d;
    uint64_t q = udivmod64(un, ud, &r);
    return (int64_t)((n < 0) != (d < 0) ? -q : q);
}

// 32 x 32 -> 64 bits from four 16 x 16 products (the core's MULL gives only
// the low half of a 32-bit product).
uint64_t __umulsidi3(uint32_t a, uint32_t b) {
    uint32_t al = a & 0xFFFF, ah = a >> 16, bl = b & 0xFFFF, bh = b >> 16;
    uint32_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint32_t mid = lh + (ll >> 16) + (hl & 0xFFFF);   // at most 0xFFFFFFFE
    uint32_t lo = (mid << 16) | (ll & 0xFFFF);
    uint32_t hi = hh + (hl >> 16) + (mid >> 16);
    return ((uint64_t)hi << 32) | lo;
}

uint64_t __muldi3(uint64_t a, uint64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)(a >> 32);
    uint32_t bl = (uint32_t)b, bh = (uint32_t)(b >> 32);
    uint64_t p = __umulsidi3(al, bl);
    return p + ((uint64_t)(al * bh + ah * bl) << 32);
}

// ---- bit patterns ----------------------------------------------------------

typedef union {
    double f;
    uint64_t u;
} f64_t;

typedef union {
    float f;
    uint32_t u;
} f32_t;

#define F64_SIGN(u) ((uint32_t)((u) >> 63))
#define F64_EXP(u) ((int32_t)((u) >> 52) & 0x7FF)
#define F64_FRAC(u) ((u) & 0x000FFFFFFFFFFFFFull)
#define F64_QUIET 0x0008000000000000ull
#define F64_DEFAULT_NAN 0x7FF8000000000000ull
#define F32_SIGN(u) ((u) >> 31)
#define F32_EXP(u) ((int32_t)((u) >> 23) & 0xFF)
#define F32_FRAC(u) ((u) & 0x007FFFFFu)

static uint64_t pack64(uint32_t sign, int32_t exp, uint64_t sig) {
    return ((uint64_t)sign << 63) + ((uint64_t)exp << 52) + sig;
}

static uint32_t pack32(uint32_t sign, int32_t exp, uint32_t sig) {
    return (sign << 31) + ((uint32_t)exp << 23) + sig;
}

static int clz64(uint64_t a) {
    uint32_t hi = (uint32_t)(a >> 32);
    return hi ? __builtin_clz(hi) : 32 + __builtin_clz((uint32_t)a);
}

// Shifts right, ORing every bit shifted out into the lowest bit ("sticky").
static uint64_t shift_right_jam64(uint64_t a, uint32_t dist) {
    if (dist == 0) {
        return a;
    }
    return dist < 63 ? a >> dist | ((a << (64 - dist)) != 0) : (a != 0);
}

static uint32_t shift_right_jam32(uint32_t a, uint32_t dist) {
    if (dist == 0) {
        return a;
    }
    return dist < 31 ? a >> dist | ((a << (32 - dist)) != 0) : (a != 0);
}

static uint64_t propagate_nan64(uint64_t a, uint64_t b) {
    int a_nan = F64_EXP(a) == 0x7FF && F64_FRAC(a) != 0;
    return (a_nan ? a : b) | F64_QUIET;
}

// sig holds the significand with its leading one at bit 62 and 10 bits
// below the double's last one; exp is the biased exponent minus one.
static uint64_t round_pack64(uint32_t sign, int32_t exp, uint64_t sig) {
    uint32_t round_bits = sig & 0x3FF;
    if ((uint32_t)exp >= 0x7FD) {
        if (exp < 0) {
            sig = shift_right_jam64(sig, (uint32_t)-exp);
            exp = 0;
            round_bits = sig & 0x3FF;
        } else if (exp > 0x7FD || sig + 0x200 >= 0x8000000000000000ull) {
            return pack64(sign, 0x7FF, 0);
        }
    }
    sig = (sig + 0x200) >> 10;
    if (round_bits == 0x200) {
        sig &= ~(uint64_t)1;             // a tie: to even
    }
    if (sig == 0) {
        exp = 0;
    }
    return pack64(sign, exp, sig);
}

static uint64_t norm_round_pack64(uint32_t sign, int32_t exp, uint64_t sig) {
    int shift = clz64(sig) - 1;
    exp -= shift;
    if (shift >= 10 && (uint32_t)exp < 0x7FD) {
        return pack64(sign, sig ? exp : 0, sig << (shift - 10));
    }
    return round_pack64(sign, exp, sig << shift);
}

// The same for single precision: leading one at bit 30, 7 extra bits.
static uint32_t round_pack32(uint32_t sign, int32_t exp, uint32_t sig) {
    uint32_t round_bits = sig & 0x7F;
    if ((uint32_t)exp >= 0xFD) {
        if (exp < 0) {
            sig = shift_right_jam32(sig, (uint32_t)-exp);
            exp = 0;
            round_bits = sig & 0x7F;
        } else if (exp > 0xFD || sig + 0x40 >= 0x80000000u) {
            return pack32(sign, 0xFF, 0);
        }
    }
    sig = (sig + 0x40) >> 7;
    if (round_bits == 0x40) {
        sig &= ~(uint32_t)1;
    }
    if (sig == 0) {
        exp = 0;
    }
    return pack32(sign, exp, sig);
}

static uint32_t norm_round_pack32(uint32_t sign, int32_t exp, uint32_t sig) {
    int shift = __builtin_clz(sig) - 1;
    exp -= shift;
    if (shift >= 7 && (uint32_t)exp < 0xFD) {
        return pack32(sign, sig ? exp : 0, sig << (shift - 7));
    }
    return round_pack32(sign, exp, sig << shift);
}

// A subnormal's significand, normalised: its leading one moves to bit 52.
static uint64_t norm_subnormal64(uint64_t sig, int32_t *exp) {
    int shift = clz64(sig) - 11;
    *exp = 1 - shift;
    return sig << shift;
}

// ---- double: add, subtract, multiply, divide ---------------------------------

static uint64_t add_mags64(uint64_t a, uint64_t b, uint32_t sign) {
    int32_t exp_a = F64_EXP(a), exp_b = F64_EXP(b), exp_z;
    uint64_t sig_a = F64_FRAC(a), sig_b = F64_FRAC(b), sig_z;
    int32_t diff = exp_a - exp_b;
    if (diff == 0) {
        if (exp_a == 0) {
            return a + sig_b;            // two subnormals (or zeros)
        }
        if (exp_a == 0x7FF) {
            return (sig_a | sig_b) ? propagate_nan64(a, b) : a;
        }
        exp_z = exp_a;
        sig_z = (0x0020000000000000ull + sig_a + sig_b) << 9;
        return round_pack64(sign, exp_z, sig_z);
    }
    sig_a <<= 9;
    sig_b <<= 9;
    if (diff < 0) {
        if (exp_b == 0x7FF) {
            return sig_b ? propagate_nan64(a, b) : pack64(sign, 0x7FF, 0);
        }
        exp_z = exp_b;
        sig_a = exp_a ? sig_a + 0x2000000000000000ull : sig_a << 1;
        sig_a = shift_right_jam64(sig_a, (uint32_t)-diff);
    } else {
        if (exp_a == 0x7FF) {
            return sig_a ? propagate_nan64(a, b) : a;
        }
        exp_z = exp_a;
        sig_b = exp_b ? sig_b + 0x2000000000000000ull : sig_b << 1;
        sig_b = shift_right_jam64(sig_b, (uint32_t)diff);
    }
    sig_z = 0x2000000000000000ull + sig_a + sig_b;
    if (sig_z < 0x4000000000000000ull) {
        exp_z--;
        sig_z <<= 1;
    }
    return round_pack64(sign, exp_z, sig_z);
}

static uint64_t sub_mags64(uint64_t a, uint64_t b, uint32_t sign) {
    int32_t exp_a = F64_EXP(a), exp_b = F64_EXP(b), exp_z;
    uint64_t sig_a = F64_FRAC(a), sig_b = F64_FRAC(b), sig_z;
    int32_t diff = exp_a - exp_b;
    if (diff == 0) {
        if (exp_a == 0x7FF) {
            return (sig_a | sig_b) ? propagate_nan64(a, b) : F64_DEFAULT_NAN;
        }
        int64_t sig_diff = (int64_t)(sig_a - sig_b);
        if (sig_diff == 0) {
            return 0;                    // x - x is +0
        }
        if (exp_a) {
            exp_a--;
        }
        if (sig_diff < 0) {
            sign ^= 1;
            sig_diff = -sig_diff;
        }
        int shift = clz64((uint64_t)sig_diff) - 11;
        exp_z = exp_a - shift;
        if (exp_z < 0) {
            shift = exp_a;
            exp_z = 0;
        }
        return pack64(sign, exp_z, (uint64_t)sig_diff << shift);
    }
    sig_a <<= 10;
    sig_b <<= 10;
    if (diff < 0) {
        sign ^= 1;
        if (exp_b == 0x7FF) {
            return sig_b ? propagate_nan64(a, b) : pack64(sign, 0x7FF, 0);
        }
        sig_a += exp_a ? 0x4000000000000000ull : sig_a;
        sig_a = shift_right_jam64(sig_a, (uint32_t)-diff);
        sig_b |= 0x4000000000000000ull;
        exp_z = exp_b;
        sig_z = sig_b - sig_a;
    } else {
        if (exp_a == 0x7FF) {
            return sig_a ? propagate_nan64(a, b) : a;
        }
        sig_b += exp_b ? 0x4000000000000000ull : sig_b;
        sig_b = shift_right_jam64(sig_b, (uint32_t)diff);
        sig_a |= 0x4000000000000000ull;
        exp_z = exp_a;
        sig_z = sig_a - sig_b;
    }
    return norm_round_pack64(sign, exp_z - 1, sig_z);
}

static uint64_t add64(uint64_t a, uint64_t b) {
    uint32_t sa = F64_SIGN(a);
    return sa == F64_SIGN(b) ? add_mags64(a, b, sa) : sub_mags64(a, b, sa);
}

static uint64_t sub64(uint64_t a, uint64_t b) {
    uint32_t sa = F64_SIGN(a);
    return sa == F64_SIGN(b) ? sub_mags64(a, b, sa) : add_mags64(a, b, sa);
}

// The high 64 bits of a 128-bit product, with the low half as a sticky bit.
static uint64_t mul64_high_jam(uint64_t a, uint64_t b) {
    uint32_t a0 = (uint32_t)a, a1 = (uint32_t)(a >> 32);
    uint32_t b0 = (uint32_t)b, b1 = (uint32_t)(b >> 32);
    uint64_t p00 = __umulsidi3(a0, b0), p01 = __umulsidi3(a0, b1);
    uint64_t p10 = __umulsidi3(a1, b0), p11 = __umulsidi3(a1, b1);
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;   // < 3 * 2^32
    uint64_t low = (mid << 32) | (uint32_t)p00;
    uint64_t high = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return high | (low != 0);
}

static uint64_t mul64(uint64_t a, uint64_t b) {
    int32_t exp_a = F64_EXP(a), exp_b = F64_EXP(b);
    uint64_t sig_a = F64_FRAC(a), sig_b = F64_FRAC(b);
    uint32_t sign = F64_SIGN(a) ^ F64_SIGN(b);
    if (exp_a == 0x7FF) {
        if (sig_a || (exp_b == 0x7FF && sig_b)) {
            return propagate_nan64(a, b);
        }
        return (exp_b | sig_b) ? pack64(sign, 0x7FF, 0) : F64_DEFAULT_NAN;
    }
    if (exp_b == 0x7FF) {
        if (sig_b) {
            return propagate_nan64(a, b);
        }
        return (exp_a | sig_a) ? pack64(sign, 0x7FF, 0) : F64_DEFAULT_NAN;
    }
    if (exp_a == 0) {
        if (sig_a == 0) {
            return pack64(sign, 0, 0);
        }
        sig_a = norm_subnormal64(sig_a, &exp_a);
    }
    if (exp_b == 0) {
        if (sig_b == 0) {
            return pack64(sign, 0, 0);
        }
        sig_b = norm_subnormal64(sig_b, &exp_b);
    }
    int32_t exp_z = exp_a + exp_b - 0x3FF;
    sig_a = (sig_a | 0x0010000000000000ull) << 10;
    sig_b = (sig_b | 0x0010000000000000ull) << 11;
    uint64_t sig_z = mul64_high_jam(sig_a, sig_b);
    if (sig_z < 0x4000000000000000ull) {
        exp_z--;
        sig_z <<= 1;
    }
    return round_pack64(sign, exp_z, sig_z);
}

static uint64_t div64(uint64_t a, uint64_t b) {
    int32_t exp_a = F64_EXP(a), exp_b = F64_EXP(b);
    uint64_t sig_a = F64_FRAC(a), sig_b = F64_FRAC(b);
    uint32_t sign = F64_SIGN(a) ^ F64_SIGN(b);
    if (exp_a == 0x7FF) {
        if (sig_a) {
            return propagate_nan64(a, b);
        }
        if (exp_b == 0x7FF) {
            return sig_b ? propagate_nan64(a, b) : F64_DEFAULT_NAN;
        }
        return pack64(sign, 0x7FF, 0);
    }
    if (exp_b == 0x7FF) {
        return sig_b ? propagate_nan64(a, b) : pack64(sign, 0, 0);
    }
    if (exp_b == 0) {
        if (sig_b == 0) {
            return (exp_a | sig_a) ? pack64(sign, 0x7FF, 0) : F64_DEFAULT_NAN;
        }
        sig_b = norm_subnormal64(sig_b, &exp_b);
    }
    if (exp_a == 0) {
        if (sig_a == 0) {
            return pack64(sign, 0, 0);
        }
        sig_a = norm_subnormal64(sig_a, &exp_a);
    }
    int32_t exp_z = exp_a - exp_b + 0x3FE;
    sig_a |= 0x0010000000000000ull;
    sig_b |= 0x0010000000000000ull;
    if (sig_a < sig_b) {
        exp_z--;
        sig_a <<= 1;
    }
    // Long division: 63 quotient bits, the leading one at bit 62, and the
    // remainder as a sticky bit.
    uint64_t q = 0;
    for (int i = 0; i < 63; i++) {
        q <<= 1;
        if (sig_a >= sig_b) {
            sig_a -= sig_b;
            q |= 1;
        }
        sig_a <<= 1;
    }
    return round_pack64(sign, exp_z, q | (sig_a != 0));
}

// ---- conversions -----------------------------------------------------------

static uint64_t f32_to_f64(uint32_t a) {
    uint32_t sign = F32_SIGN(a);
    int32_t exp = F32_EXP(a);
    uint32_t frac = F32_FRAC(a);
    if (exp == 0xFF) {
        return frac ? pack64(sign, 0x7FF, F64_QUIET | (uint64_t)frac << 29) : pack64(sign, 0x7FF, 0);
    }
    if (exp == 0) {
        if (frac == 0) {
            return pack64(sign, 0, 0);
        }
        int shift = __builtin_clz(frac) - 8;
        exp = 1 - shift;
        frac <<= shift;                  // the leading one (bit 23) adds
        exp--;                           // one to the exponent when packed
    }
    return pack64(sign, exp + 0x380, (uint64_t)frac << 29);
}

static uint32_t f64_to_f32(uint64_t a) {
    uint32_t sign = F64_SIGN(a);
    int32_t exp = F64_EXP(a);
    uint64_t frac = F64_FRAC(a);
    if (exp == 0x7FF) {
        return frac ? pack32(sign, 0xFF, 0x00400000u | (uint32_t)(frac >> 29)) : pack32(sign, 0xFF, 0);
    }
    uint32_t frac32 = (uint32_t)(frac >> 22) | ((frac & 0x3FFFFF) != 0);
    if ((exp | frac32) == 0) {
        return pack32(sign, 0, 0);
    }
    return round_pack32(sign, exp - 0x381, frac32 | 0x40000000u);
}

// |value| of a double as an unsigned integer, truncated; *big when it does
// not fit in 32 bits.
static uint32_t f64_trunc_u32(uint64_t a, int *big) {
    int32_t exp = F64_EXP(a);
    *big = 0;
    if (exp < 0x3FF) {
        return 0;
    }
    if (exp > 0x3FF + 31) {
        *big = 1;
        return 0xFFFFFFFFu;
    }
    uint64_t sig = F64_FRAC(a) | 0x0010000000000000ull;
    return (uint32_t)(sig >> (52 - (exp - 0x3FF)));
}

static uint64_t u32_to_f64(uint32_t sign, uint32_t mag) {
    if (mag == 0) {
        return pack64(sign, 0, 0);
    }
    int shift = __builtin_clz(mag) + 21;        // leading one to bit 52
    return pack64(sign, 0x432 - shift, (uint64_t)mag << shift);
}

static uint32_t u32_to_f32(uint32_t sign, uint32_t mag) {
    if (mag & 0x80000000u) {
        return round_pack32(sign, 0x9D, mag >> 1 | (mag & 1));
    }
    return norm_round_pack32(sign, 0x9C, mag);
}

// ---- the ABI -----------------------------------------------------------------

double __adddf3(double a, double b) {
    f64_t x = {a}, y = {b}, z;
    z.u = add64(x.u, y.u);
    return z.f;
}

double __subdf3(double a, double b) {
    f64_t x = {a}, y = {b}, z;
    z.u = sub64(x.u, y.u);
    return z.f;
}

double __muldf3(double a, double b) {
    f64_t x = {a}, y = {b}, z;
    z.u = mul64(x.u, y.u);
    return z.f;
}

double __divdf3(double a, double b) {
    f64_t x = {a}, y = {b}, z;
    z.u = div64(x.u, y.u);
    return z.f;
}

float __addsf3(float a, float b) {
    f32_t x = {a}, y = {b}, z;
    z.u = f64_to_f32(add64(f32_to_f64(x.u), f32_to_f64(y.u)));
    return z.f;
}

float __subsf3(float a, float b) {
    f32_t x = {a}, y = {b}, z;
    z.u = f64_to_f32(sub64(f32_to_f64(x.u), f32_to_f64(y.u)));
    return z.f;
}

float __mulsf3(float a, float b) {
    f32_t x = {a}, y = {b}, z;
    z.u = f64_to_f32(mul64(f32_to_f64(x.u), f32_to_f64(y.u)));
    return z.f;
}

double __extendsfdf2(float a) {
    f32_t x = {a};
    f64_t z;
    z.u = f32_to_f64(x.u);
    return z.f;
}

float __truncdfsf2(double a) {
    f64_t x = {a};
    f32_t z;
    z.u = f64_to_f32(x.u);
    return z.f;
}

// Out of range: saturated, NaN gives 0 (C leaves both undefined).
int32_t __fixdfsi(double a) {
    f64_t x = {a};
    if (F64_EXP(x.u) == 0x7FF && F64_FRAC(x.u)) {
        return 0;
    }
    int big;
    uint32_t mag = f64_trunc_u32(x.u, &big);
    if (F64_SIGN(x.u)) {
        return big || mag > 0x80000000u ? INT32_MIN : (int32_t)-mag;
    }
    return big || mag > 0x7FFFFFFFu ? INT32_MAX : (int32_t)mag;
}

uint32_t __fixunsdfsi(double a) {
    f64_t x = {a};
    if (F64_SIGN(x.u) || (F64_EXP(x.u) == 0x7FF && F64_FRAC(x.u))) {
        return 0;
    }
    int big;
    return f64_trunc_u32(x.u, &big);
}

uint32_t __fixunssfsi(float a) {
    return __fixunsdfsi(__extendsfdf2(a));
}

double __floatsidf(int32_t a) {
    f64_t z;
    z.u = u32_to_f64(a < 0, a < 0 ? -(uint32_t)a : (uint32_t)a);
    return z.f;
}

double __floatunsidf(uint32_t a) {
    f64_t z;
    z.u = u32_to_f64(0, a);
    return z.f;
}

float __floatsisf(int32_t a) {
    f32_t z;
    z.u = u32_to_f32(a < 0, a < 0 ? -(uint32_t)a : (uint32_t)a);
    return z.f;
}

float __floatunsisf(uint32_t a) {
    f32_t z;
    z.u = u32_to_f32(0, a);
    return z.f;
}
