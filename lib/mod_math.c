// SPDX-License-Identifier: MIT
// The math module: MicroPython's functions and constants (its full set,
// with the special functions, factorial and isclose), plus gcd, hypot and
// log1p from CPython. Results and errors are CPython's: "math domain
// error" (ValueError) for arguments outside a function's domain and "math
// range error" (OverflowError) for results too large, where MicroPython
// raises ValueError for both.
//
// The work is done by the C library's libm in the precision of pyfloat_t:
// the float functions (sqrtf, expf...) where floats are single precision,
// as on the chip, so a result is rounded once, as in MicroPython.
#include <math.h>

#include "bigint.h"
#include "lib.h"
#include "vm.h"

// The libm function for pyfloat_t: F(sqrt) is sqrt or sqrtf.
#if ESPY_FLOAT_IS_DOUBLE
#define F(fn) fn
#else
#define F(fn) fn##f
#endif

typedef pyfloat_t (*math_fn1_t)(pyfloat_t);

static _Noreturn void domain_error(void) {
    raise_msg(&type_ValueError, "math domain error");
}

static _Noreturn void range_error(void) {
    raise_msg(&type_OverflowError, "math range error");
}

static pyfloat_t float_arg(value_t v) {
    return (pyfloat_t)value_get_float(v);
}

// CPython's rule for the functions of one argument: a NaN from a number is
// a domain error; an infinity from a finite number is a range error for
// the functions that can overflow (exp...), a domain error for the others
// (a pole, as atanh(1)).
static value_t math_1(value_t arg, math_fn1_t f, bool can_overflow) {
    pyfloat_t x = float_arg(arg);
    pyfloat_t r = f(x);
    if (isnan(r) && !isnan(x)) {
        domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            range_error();
        }
        domain_error();
    }
    return float_new(r);
}

#define MATH_FN1(name, can_overflow)                                                  \
    static value_t math_##name(size_t n_args, size_t n_kw, const value_t *args) {     \
        return math_1(args[0], F(name), can_overflow);                                \
    }                                                                                 \
    static BUILTIN_FN(math_##name##_obj, Q_##name, 1, 1, false, math_##name)

MATH_FN1(sqrt, false);
MATH_FN1(exp, true);
MATH_FN1(expm1, true);
MATH_FN1(log1p, false);
MATH_FN1(cos, false);
MATH_FN1(sin, false);
MATH_FN1(tan, false);
MATH_FN1(acos, false);
MATH_FN1(asin, false);
MATH_FN1(atan, false);
MATH_FN1(cosh, true);
MATH_FN1(sinh, true);
MATH_FN1(tanh, false);
MATH_FN1(acosh, false);
MATH_FN1(asinh, false);
MATH_FN1(atanh, false);
MATH_FN1(erf, false);
MATH_FN1(erfc, false);
MATH_FN1(fabs, false);

// ---- logarithms -------------------------------------------------------------------

// log, log2 or log10 of a number, as CPython: an int too large for a float
// still has a logarithm: that of its top bits, scaled to [0.5, 1), plus
// the number of bits times f(2).
static pyfloat_t log_of(value_t v, math_fn1_t f) {
    if (value_is_int(v)) {
        value_t n = int_index(v);
        if (n == SMALL(0) || int_is_negative(n)) {
            domain_error();
        }
        pyfloat_t x = (pyfloat_t)bigint_to_double(n);
        if (isfinite(x)) {
            return f(x);
        }
        size_t bits = bigint_bitlen(n);
        x = (pyfloat_t)F(ldexp)((pyfloat_t)int_as_double(bigint_rshift(n, bits - 64)), -64);
        return f(x) + f(2) * (pyfloat_t)bits;
    }
    pyfloat_t x = float_arg(v);
    pyfloat_t r = f(x);
    if ((isnan(r) && !isnan(x)) || (isinf(r) && isfinite(x))) {
        domain_error();
    }
    return r;
}

// log(x[, base])
static value_t math_log(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t r = log_of(args[0], F(log));
    if (n_args > 1) {
        pyfloat_t base = log_of(args[1], F(log));
        if (base == 0) {
            raise_msg(&type_ZeroDivisionError, "float division by zero");
        }
        r /= base;
    }
    return float_new(r);
}
static BUILTIN_FN(math_log_obj, Q_log, 1, 2, false, math_log);

// log2 of a power of two is exact, as CPython promises; picolibc's log2f
// is not (log2f(2**62) gives 61.999996).
static pyfloat_t log2_exact(pyfloat_t x) {
    int e;
    if (isfinite(x) && x > 0 && F(frexp)(x, &e) == (pyfloat_t)0.5) {
        return (pyfloat_t)(e - 1);
    }
    return F(log2)(x);
}

static value_t math_log2(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(log_of(args[0], log2_exact));
}
static BUILTIN_FN(math_log2_obj, Q_log2, 1, 1, false, math_log2);

static value_t math_log10(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(log_of(args[0], F(log10)));
}
static BUILTIN_FN(math_log10_obj, Q_log10, 1, 1, false, math_log10);

// ---- functions of two numbers ----------------------------------------------------------

static value_t math_pow(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]), y = float_arg(args[1]);
    pyfloat_t r = F(pow)(x, y);
    // C99's pow already gives IEEE's answers for infinities and NaNs; from
    // finite numbers a NaN is (-x)**fraction, an infinity 0**-y or overflow.
    if (isfinite(x) && isfinite(y)) {
        if (isnan(r) || (isinf(r) && x == 0)) {
            domain_error();
        }
        if (isinf(r)) {
            range_error();
        }
    }
    return float_new(r);
}
static BUILTIN_FN(math_pow_obj, Q_pow, 2, 2, false, math_pow);

static value_t math_atan2(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(F(atan2)(float_arg(args[0]), float_arg(args[1])));
}
static BUILTIN_FN(math_atan2_obj, Q_atan2, 2, 2, false, math_atan2);

static value_t math_copysign(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(F(copysign)(float_arg(args[0]), float_arg(args[1])));
}
static BUILTIN_FN(math_copysign_obj, Q_copysign, 2, 2, false, math_copysign);

static value_t math_fmod(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]), y = float_arg(args[1]);
    if (isinf(y) && isfinite(x)) {
        return float_new(x);
    }
    pyfloat_t r = F(fmod)(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        domain_error();
    }
    return float_new(r);
}
static BUILTIN_FN(math_fmod_obj, Q_fmod, 2, 2, false, math_fmod);

// hypot(*coordinates): the largest magnitude scales the others, so that
// no square overflows or underflows. An infinity wins over a NaN.
static value_t math_hypot(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 2) {
        return float_new(F(hypot)(float_arg(args[0]), float_arg(args[1])));
    }
    pyfloat_t max = 0;
    bool found_nan = false;
    for (size_t i = 0; i < n_args; i++) {
        pyfloat_t x = F(fabs)(float_arg(args[i]));
        found_nan |= isnan(x);
        if (x > max) {
            max = x;
        }
    }
    if (isinf(max)) {
        return float_new(max);
    }
    if (found_nan) {
        return float_new(NAN);
    }
    if (max == 0 || n_args == 1) {
        return float_new(max);
    }
    pyfloat_t sum = 0;
    for (size_t i = 0; i < n_args; i++) {
        pyfloat_t x = float_arg(args[i]) / max;
        sum += x * x;
    }
    return float_new(max * F(sqrt)(sum));
}
static BUILTIN_FN(math_hypot_obj, Q_hypot, 0, ARGS_MAX, false, math_hypot);

// ---- decomposing floats -----------------------------------------------------------------

static value_t math_frexp(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]);
    int e = 0;
    if (isfinite(x) && x != 0) {
        x = F(frexp)(x, &e);
    }
    value_t items[2] = {float_new(x), SMALL(e)};
    return tuple_new(2, items);
}
static BUILTIN_FN(math_frexp_obj, Q_frexp, 1, 1, false, math_frexp);

// ldexp(x, i): i an int of any size; beyond the exponent range the result
// is an overflow or a signed zero.
static value_t math_ldexp(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]);
    if (!value_is_int(args[1])) {
        raise_msg(&type_TypeError, "Expected an int as second argument to ldexp.");
    }
    if (x == 0 || !isfinite(x)) {
        return float_new(x);
    }
    // Beyond a few thousand the exponent leaves the range of any float
    // format, whatever x is.
    smallint_t i;
    if (!value_get_int_maybe(args[1], &i) || i > 100000 || i < -100000) {
        if (!int_is_negative(int_index(args[1]))) {
            range_error();
        }
        return float_new(F(copysign)(0, x));
    }
    pyfloat_t r = F(ldexp)(x, (int)i);
    if (isinf(r)) {
        range_error();
    }
    return float_new(r);
}
static BUILTIN_FN(math_ldexp_obj, Q_ldexp, 2, 2, false, math_ldexp);

// modf(x): (fraction, integer part), both with x's sign.
static value_t math_modf(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]), whole, frac;
    if (isinf(x)) {
        whole = x;
        frac = F(copysign)(0, x);
    } else {
        frac = F(modf)(x, &whole);
    }
    value_t items[2] = {float_new(frac), float_new(whole)};
    return tuple_new(2, items);
}
static BUILTIN_FN(math_modf_obj, Q_modf, 1, 1, false, math_modf);

// ---- rounding to ints -------------------------------------------------------------------

// floor, ceil and trunc return ints; an int argument is its own answer,
// exact at any size.
static value_t round_to_int(value_t v, math_fn1_t f) {
    if (value_is_int(v)) {
        return int_index(v);
    }
    return int_from_double(f(float_arg(v)));
}

static value_t math_floor(size_t n_args, size_t n_kw, const value_t *args) {
    return round_to_int(args[0], F(floor));
}
static BUILTIN_FN(math_floor_obj, Q_floor, 1, 1, false, math_floor);

static value_t math_ceil(size_t n_args, size_t n_kw, const value_t *args) {
    return round_to_int(args[0], F(ceil));
}
static BUILTIN_FN(math_ceil_obj, Q_ceil, 1, 1, false, math_ceil);

// Only numbers truncate: CPython looks for __trunc__, which objects that
// merely convert to float do not have.
static value_t math_trunc(size_t n_args, size_t n_kw, const value_t *args) {
    if (!value_is_int(args[0]) && !obj_is_instance(args[0], &type_float)) {
        raise_fmt(&type_TypeError, "type %q doesn't define __trunc__ method", value_type_name(args[0]));
    }
    return round_to_int(args[0], F(trunc));
}
static BUILTIN_FN(math_trunc_obj, Q_trunc, 1, 1, false, math_trunc);

// ---- classification -----------------------------------------------------------------------

static value_t math_isfinite(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(isfinite(float_arg(args[0])));
}
static BUILTIN_FN(math_isfinite_obj, Q_isfinite, 1, 1, false, math_isfinite);

static value_t math_isinf(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(isinf(float_arg(args[0])));
}
static BUILTIN_FN(math_isinf_obj, Q_isinf, 1, 1, false, math_isinf);

static value_t math_isnan(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(isnan(float_arg(args[0])));
}
static BUILTIN_FN(math_isnan_obj, Q_isnan, 1, 1, false, math_isnan);

void isclose_args(size_t n_args, size_t n_kw, const value_t *args, value_t *a, value_t *b, pyfloat_t *rel_tol,
                  pyfloat_t *abs_tol) {
    static const qstr_t allowed[] = {Q_a, Q_b, Q_rel_tol, Q_abs_tol, Q_NULL};
    arg_kw_check_invalid(n_args, n_kw, args, allowed, "isclose");
    if (n_args > 2) {
        raise_fmt(&type_TypeError, "isclose() takes exactly 2 positional arguments (%u given)", (unsigned)n_args);
    }
    *a = n_args > 0 ? args[0] : arg_kw(n_args, n_kw, args, Q_a);
    *b = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_b);
    if (*a == VAL_NULL || *b == VAL_NULL) {
        raise_fmt(&type_TypeError, "isclose() missing required argument '%s' (pos %u)", *a == VAL_NULL ? "a" : "b",
                  *a == VAL_NULL ? 1u : 2u);
    }
    value_t rel = arg_kw(n_args, n_kw, args, Q_rel_tol), abs = arg_kw(n_args, n_kw, args, Q_abs_tol);
    *rel_tol = rel == VAL_NULL ? (pyfloat_t)1e-9 : float_arg(rel);
    *abs_tol = abs == VAL_NULL ? 0 : float_arg(abs);
    if (*rel_tol < 0 || *abs_tol < 0) {
        raise_msg(&type_ValueError, "tolerances must be non-negative");
    }
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
static value_t math_isclose(size_t n_args, size_t n_kw, const value_t *args) {
    value_t av, bv;
    pyfloat_t rel_tol, abs_tol;
    isclose_args(n_args, n_kw, args, &av, &bv, &rel_tol, &abs_tol);
    pyfloat_t a = float_arg(av), b = float_arg(bv);
    if (a == b) {
        return VAL_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        return VAL_FALSE;
    }
    pyfloat_t diff = F(fabs)(b - a);
    return VAL_BOOL(diff <= F(fabs)(rel_tol * b) || diff <= F(fabs)(rel_tol * a) || diff <= abs_tol);
}
static BUILTIN_FN(math_isclose_obj, Q_isclose, 0, ARGS_MAX, true, math_isclose);

// ---- gamma functions ------------------------------------------------------------------------

// 0, -1, -2...: where gamma has its poles.
static bool is_pole(pyfloat_t x) {
    return isfinite(x) && x <= 0 && x == F(floor)(x);
}

static value_t math_gamma(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]);
    if (is_pole(x) || x == -INFINITY) {
        domain_error();
    }
    pyfloat_t r = F(tgamma)(x);
    if (isinf(r) && isfinite(x)) {
        range_error();
    }
    return float_new(r);
}
static BUILTIN_FN(math_gamma_obj, Q_gamma, 1, 1, false, math_gamma);

static value_t math_lgamma(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t x = float_arg(args[0]);
    if (is_pole(x)) {
        domain_error();
    }
    pyfloat_t r = F(lgamma)(x);
    if (isinf(r) && isfinite(x)) {
        range_error();
    }
    return float_new(r);
}
static BUILTIN_FN(math_lgamma_obj, Q_lgamma, 1, 1, false, math_lgamma);

// ---- angles -------------------------------------------------------------------------------

static value_t math_degrees(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(float_arg(args[0]) * (pyfloat_t)(180.0 / M_PI));
}
static BUILTIN_FN(math_degrees_obj, Q_degrees, 1, 1, false, math_degrees);

static value_t math_radians(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(float_arg(args[0]) * (pyfloat_t)(M_PI / 180.0));
}
static BUILTIN_FN(math_radians_obj, Q_radians, 1, 1, false, math_radians);

// ---- integer functions -------------------------------------------------------------------------

// factorial(n): the factors are multiplied in a machine word until it
// would overflow, so the big-int multiplications are few.
static value_t math_factorial(size_t n_args, size_t n_kw, const value_t *args) {
    value_t nv = int_index(args[0]);
    smallint_t n;
    if (!value_get_int_maybe(nv, &n)) {
        if (int_is_negative(nv)) {
            raise_msg(&type_ValueError, "factorial() not defined for negative values");
        }
        raise_fmt(&type_OverflowError, "factorial() argument should not exceed %ld", (long)INTPTR_MAX);
    }
    if (n < 0) {
        raise_msg(&type_ValueError, "factorial() not defined for negative values");
    }
    value_t result = SMALL(1);
    smallint_t word = 1;
    for (smallint_t i = 2; i <= n; i++) {
        if (word > SMALL_MAX / i) {
            result = bigint_mul(result, SMALL(word));
            word = 1;
            vm_check_interrupt();   // a huge n takes long: Ctrl-C stops it
        }
        word *= i;
    }
    return bigint_mul(result, SMALL(word));
}
static BUILTIN_FN(math_factorial_obj, Q_factorial, 1, 1, false, math_factorial);

static value_t gcd_of(value_t a, value_t b) {
    while (b != SMALL(0)) {
        if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
            uintptr_t x = (uintptr_t)SMALL_VALUE(a), y = (uintptr_t)SMALL_VALUE(b);
            while (y != 0) {
                uintptr_t t = x % y;
                x = y;
                y = t;
            }
            return int_from_uintptr(x);
        }
        value_t r;
        bigint_divmod(a, b, NULL, &r);
        a = b;
        b = r;
    }
    return a;
}

// gcd(*integers): 0 for none.
static value_t math_gcd(size_t n_args, size_t n_kw, const value_t *args) {
    value_t g = SMALL(0);
    for (size_t i = 0; i < n_args; i++) {
        g = gcd_of(g, bigint_abs(int_index(args[i])));
    }
    return g;
}
static BUILTIN_FN(math_gcd_obj, Q_gcd, 0, ARGS_MAX, false, math_gcd);

// ---- the module ---------------------------------------------------------------------------

static const float_obj_t math_e_obj = {{&type_float}, (pyfloat_t)M_E};
static const float_obj_t math_pi_obj = {{&type_float}, (pyfloat_t)M_PI};
static const float_obj_t math_tau_obj = {{&type_float}, (pyfloat_t)(2 * M_PI)};
static const float_obj_t math_inf_obj = {{&type_float}, (pyfloat_t)INFINITY};
static const float_obj_t math_nan_obj = {{&type_float}, (pyfloat_t)NAN};

static const map_entry_t math_table[] = {
    {QSTR(Q___name__), QSTR(Q_math)},
    {QSTR(Q_acos), PTR_VAL(&math_acos_obj)},
    {QSTR(Q_acosh), PTR_VAL(&math_acosh_obj)},
    {QSTR(Q_asin), PTR_VAL(&math_asin_obj)},
    {QSTR(Q_asinh), PTR_VAL(&math_asinh_obj)},
    {QSTR(Q_atan), PTR_VAL(&math_atan_obj)},
    {QSTR(Q_atan2), PTR_VAL(&math_atan2_obj)},
    {QSTR(Q_atanh), PTR_VAL(&math_atanh_obj)},
    {QSTR(Q_ceil), PTR_VAL(&math_ceil_obj)},
    {QSTR(Q_copysign), PTR_VAL(&math_copysign_obj)},
    {QSTR(Q_cos), PTR_VAL(&math_cos_obj)},
    {QSTR(Q_cosh), PTR_VAL(&math_cosh_obj)},
    {QSTR(Q_degrees), PTR_VAL(&math_degrees_obj)},
    {QSTR(Q_e), PTR_VAL(&math_e_obj)},
    {QSTR(Q_erf), PTR_VAL(&math_erf_obj)},
    {QSTR(Q_erfc), PTR_VAL(&math_erfc_obj)},
    {QSTR(Q_exp), PTR_VAL(&math_exp_obj)},
    {QSTR(Q_expm1), PTR_VAL(&math_expm1_obj)},
    {QSTR(Q_fabs), PTR_VAL(&math_fabs_obj)},
    {QSTR(Q_factorial), PTR_VAL(&math_factorial_obj)},
    {QSTR(Q_floor), PTR_VAL(&math_floor_obj)},
    {QSTR(Q_fmod), PTR_VAL(&math_fmod_obj)},
    {QSTR(Q_frexp), PTR_VAL(&math_frexp_obj)},
    {QSTR(Q_gamma), PTR_VAL(&math_gamma_obj)},
    {QSTR(Q_gcd), PTR_VAL(&math_gcd_obj)},
    {QSTR(Q_hypot), PTR_VAL(&math_hypot_obj)},
    {QSTR(Q_inf), PTR_VAL(&math_inf_obj)},
    {QSTR(Q_isclose), PTR_VAL(&math_isclose_obj)},
    {QSTR(Q_isfinite), PTR_VAL(&math_isfinite_obj)},
    {QSTR(Q_isinf), PTR_VAL(&math_isinf_obj)},
    {QSTR(Q_isnan), PTR_VAL(&math_isnan_obj)},
    {QSTR(Q_ldexp), PTR_VAL(&math_ldexp_obj)},
    {QSTR(Q_lgamma), PTR_VAL(&math_lgamma_obj)},
    {QSTR(Q_log), PTR_VAL(&math_log_obj)},
    {QSTR(Q_log10), PTR_VAL(&math_log10_obj)},
    {QSTR(Q_log1p), PTR_VAL(&math_log1p_obj)},
    {QSTR(Q_log2), PTR_VAL(&math_log2_obj)},
    {QSTR(Q_modf), PTR_VAL(&math_modf_obj)},
    {QSTR(Q_nan), PTR_VAL(&math_nan_obj)},
    {QSTR(Q_pi), PTR_VAL(&math_pi_obj)},
    {QSTR(Q_pow), PTR_VAL(&math_pow_obj)},
    {QSTR(Q_radians), PTR_VAL(&math_radians_obj)},
    {QSTR(Q_sin), PTR_VAL(&math_sin_obj)},
    {QSTR(Q_sinh), PTR_VAL(&math_sinh_obj)},
    {QSTR(Q_sqrt), PTR_VAL(&math_sqrt_obj)},
    {QSTR(Q_tan), PTR_VAL(&math_tan_obj)},
    {QSTR(Q_tanh), PTR_VAL(&math_tanh_obj)},
    {QSTR(Q_tau), PTR_VAL(&math_tau_obj)},
    {QSTR(Q_trunc), PTR_VAL(&math_trunc_obj)},
};
MODULE_ROM(math_module, Q_math, math_table);
ESPY_MODULE(math, math_module);
