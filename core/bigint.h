// SPDX-License-Identifier: MIT
// Big integers, and the interface the number files (int.c, bigint.c,
// float.c, floatconv.c, format.c, builtins_num.c) share among themselves.
//
// An int that does not fit the small-int range of the value word is a
// bigint_t: sign and magnitude, the magnitude in 32-bit digits, least
// significant first, without leading zero digits. A big int is never zero
// and never a value that fits a small int: every operation normalises its
// result (bigint_norm), so "is it small?" is one bit test.
//
// The mpn_* functions are the natural-number layer under both the int
// operations and the exact float conversions (floatconv.c): they work on
// plain digit arrays the caller provides, so floatconv can use the C stack
// for the common sizes.
#ifndef ESPY_BIGINT_H
#define ESPY_BIGINT_H

#include "obj.h"

typedef uint32_t digit_t;
typedef uint64_t ddigit_t;
#define DIGIT_BITS 32

typedef struct bigint {
    obj_t base;          // &type_int
    uint32_t len;        // digits in use
    uint32_t neg;        // 1 if negative
    digit_t d[];
} bigint_t;

#define BIGINT(v) ((bigint_t *)VAL_PTR(v))
#define VAL_IS_BIGINT(v) OBJ_TYPE_IS(v, &type_int)

// ---- natural numbers on digit arrays (bigint.c) ------------------------------
// Lengths are normalised (no leading zero digit) on return unless noted.
size_t mpn_norm(const digit_t *a, size_t n);
int mpn_cmp(const digit_t *a, size_t an, const digit_t *b, size_t bn);
size_t mpn_add(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);  // r: max+1
size_t mpn_sub(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);  // a >= b
size_t mpn_mul(digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn);  // r: an+bn, not aliased
size_t mpn_mul_1_add(digit_t *a, size_t n, digit_t mul, digit_t add);   // in place, a has n+1 room
digit_t mpn_divmod_1(digit_t *q, const digit_t *a, size_t n, digit_t div); // q may be a
// q gets an-bn+1 digits, r (may be NULL) gets bn digits; un: an+1 words, vn: bn words.
void mpn_divmod(digit_t *q, digit_t *r, const digit_t *a, size_t an, const digit_t *b, size_t bn,
                digit_t *un, digit_t *vn);
size_t mpn_lshift(digit_t *r, const digit_t *a, size_t n, size_t shift);   // r: n + shift/32 + 1
size_t mpn_rshift(digit_t *r, const digit_t *a, size_t n, size_t shift);
size_t mpn_bitlen(const digit_t *a, size_t n);
size_t mpn_mul_pow10(digit_t *a, size_t n, unsigned k);   // in place, a has room
// a * 2**exp2 (plus a sticky non-zero fraction below it), correctly rounded
// to the float format of pyfloat_t; inf on overflow.
double mpn_to_float(const digit_t *a, size_t n, long exp2, bool sticky);

// ---- big ints (bigint.c): arguments are any ints (small, big or bool) ---------
bigint_t *bigint_alloc(size_t ndigits);
value_t bigint_norm(bigint_t *b);
value_t bigint_add(value_t a, value_t b);
value_t bigint_sub(value_t a, value_t b);
value_t bigint_mul(value_t a, value_t b);
// floor division and modulo; either of q, r may be NULL. b != 0.
void bigint_divmod(value_t a, value_t b, value_t *q, value_t *r);
value_t bigint_pow(value_t base, value_t exp);              // exp >= 0
value_t bigint_powmod(value_t base, value_t exp, value_t mod);   // exp >= 0, mod != 0
value_t bigint_lshift(value_t a, size_t n);
value_t bigint_rshift(value_t a, size_t n);
value_t bigint_bitop(binop_t op, value_t a, value_t b);    // AND, OR, XOR
value_t bigint_neg(value_t a);
value_t bigint_abs(value_t a);
int bigint_cmp(value_t a, value_t b);
int bigint_sign(value_t a);
double bigint_to_double(value_t a);                          // inf if too large
double bigint_truediv(value_t a, value_t b);                 // correctly rounded, b != 0
value_t bigint_from_double(double d);                        // d finite and integral
int64_t bigint_hash(value_t a);                              // CPython's, mod 2**61-1
size_t bigint_bitlen(value_t a);                             // of abs(a)
void bigint_format(vstr_t *out, value_t a, int base, bool upper);   // digits of abs(a)
value_t bigint_from_digits(const char *s, size_t len, int base, bool neg);   // valid digits only, no '_'
bool bigint_get_ll(value_t a, long long *out);               // false if it does not fit
bool bigint_is_int(value_t v);                               // small, bool or big
// Bytes conversions for int.to_bytes/from_bytes: two's complement when signed.
bool bigint_to_bytes(value_t a, uint8_t *buf, size_t len, bool little, bool is_signed);
value_t bigint_from_bytes(const uint8_t *buf, size_t len, bool little, bool is_signed);

// ---- float internals (float.c, floatconv.c) -----------------------------------
// Decimal digits of v > 0 (finite): the shortest that read back as v
// (mode 0), n significant digits (mode 2) or n digits after the point
// (mode 3), correctly rounded (half to even). Appends the digits to out
// and returns decpt: the value is 0.DIGITS * 10**decpt. In mode 3 the
// digits may be empty when v rounds to 0.
int fconv_digits(vstr_t *out, double v, int mode, int n);
// Parses a float literal as float() does (whitespace around, '_' between
// digits, inf/nan); false on a syntax error.
bool fconv_parse(const char *s, size_t len, double *out);
// Writes v as repr() does ('r'), or with format type e, f, g (precision
// prec; '#' keeps trailing zeros and point; add_dot0 forces ".0" for the
// empty format type). upper for E/F/G. No sign handling beyond '-'.
void fconv_format(vstr_t *out, double v, char type, int prec, bool alt, bool add_dot0, bool upper);

value_t float_binop(binop_t op, double a, double b);         // arithmetic and comparisons
int int_float_cmp(value_t i, double f);                      // -1, 0, 1; 2 if f is nan
int64_t float_hash(double d);
value_t float_divmod_value(double a, double b);              // divmod() of two floats
value_t num_hash_value(int64_t h);
value_t num_cmp_result(binop_t op, int c);                   // c from a comparison; 2 = unordered                           // the UNOP_HASH result
value_t int_self(value_t v);                                 // int value of v (TypeError)
value_t int_index(value_t v);                                // __index__: an int or TypeError
value_t int_floor_divmod_small(smallint_t a, smallint_t b, bool want_mod);

#endif
