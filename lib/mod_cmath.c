// SPDX-License-Identifier: MIT
// The cmath module: MicroPython's functions and constants (e, pi, phase,
// polar, rect, exp, log, log10, sqrt, cos, sin) plus what CPython has that
// costs little: the other trigonometric and hyperbolic functions and their
// inverses, log with a base, isclose, isfinite, isinf, isnan, tau, inf,
// infj, nan and nanj.
//
// The formulas are CPython's cmathmodule.c, so results on finite numbers
// are CPython's (to the last bit where the libm agrees), with the same
// branch cuts and signs of zero: sqrt(-4) is 2j but sqrt(-4-0j) is -2j.
// CPython's tables of results for infinite and NaN parts are not copied:
// such arguments get what the formulas give, which agrees with them in the
// common cases (exp(-inf) is 0j, log(inf) is inf+0j) but not in all. Errors
// are CPython's: ValueError "math domain error" at the singularities
// (log(0), atanh(1)), OverflowError "math range error" when finite
// arguments give an infinite result.
//
// As in the math module, the work is done in pyfloat_t with the libm
// functions of that precision (sinf... on the chip).
#include <float.h>
#include <math.h>

#include "bigint.h"
#include "lib.h"

#define FN PYFLOAT_FN

// CPython's thresholds: beyond LARGE the formulas switch to forms that do
// not overflow; MIN is the smallest normal number.
#if ESPY_FLOAT_IS_DOUBLE
#define LARGE (DBL_MAX / 4)
#define MIN_NORMAL DBL_MIN
#define MANT_DIG DBL_MANT_DIG
#else
#define LARGE (FLT_MAX / 4)
#define MIN_NORMAL FLT_MIN
#define MANT_DIG FLT_MANT_DIG
#endif
#define LOG_LARGE FN(log)(LARGE)
#define SQRT_LARGE FN(sqrt)(LARGE)
#define SQRT_MIN FN(sqrt)(MIN_NORMAL)
#define SCALE_UP (2 * (MANT_DIG / 2) + 1)
#define SCALE_DOWN (-(SCALE_UP + 1) / 2)
#define LN2 ((pyfloat_t)M_LN2)

static _Noreturn void domain_error(void) {
    raise_msg(&type_ValueError, "math domain error");
}

static cnum_t cnum(pyfloat_t re, pyfloat_t im) {
    cnum_t z = {re, im};
    return z;
}

static cnum_t negate(cnum_t z) {
    return cnum(-z.re, -z.im);
}

// i*z and -i*z: the trigonometric functions are the hyperbolic ones turned.
static cnum_t times_i(cnum_t z) {
    return cnum(-z.im, z.re);
}

static cnum_t times_minus_i(cnum_t z) {
    return cnum(z.im, -z.re);
}

// log(hypot(x, y)) - log(2), for large x or y, without overflow.
static pyfloat_t log_half_hypot(cnum_t z) {
    return FN(log)(FN(hypot)(z.re / 2, z.im / 2));
}

// ---- roots, exponentials, logarithms ----------------------------------------------------

static cnum_t c_sqrt(cnum_t z) {
    if ((z.re == 0 && z.im == 0) || isinf(z.im)) {
        return cnum(z.im == 0 ? 0 : INFINITY, z.im);
    }
    pyfloat_t ax = FN(fabs)(z.re), ay = FN(fabs)(z.im), s;
    if (ax < MIN_NORMAL && ay < MIN_NORMAL) {
        // hypot would be subnormal: scale up, then down
        ax = FN(ldexp)(ax, SCALE_UP);
        s = FN(ldexp)(FN(sqrt)(ax + FN(hypot)(ax, FN(ldexp)(ay, SCALE_UP))), SCALE_DOWN);
    } else {
        ax /= 8;
        s = 2 * FN(sqrt)(ax + FN(hypot)(ax, ay / 8));
    }
    pyfloat_t d = ay / (2 * s);
    return z.re >= 0 ? cnum(s, FN(copysign)(d, z.im)) : cnum(d, FN(copysign)(s, z.im));
}

static cnum_t c_exp(cnum_t z) {
    if (isinf(z.re) && !isfinite(z.im) && z.re < 0) {
        return cnum(0, 0);
    }
    if (!isfinite(z.re) && (z.im == 0 || isnan(z.im))) {
        return cnum(FN(exp)(z.re), z.im);
    }
    pyfloat_t l, e = 1;
    if (z.re > LOG_LARGE) {
        l = FN(exp)(z.re - 1);
        e = (pyfloat_t)M_E;
    } else {
        l = FN(exp)(z.re);
    }
    return cnum(l * FN(cos)(z.im) * e, l * FN(sin)(z.im) * e);
}

static cnum_t c_log(cnum_t z) {
    pyfloat_t ax = FN(fabs)(z.re), ay = FN(fabs)(z.im), re;
    if (ax > LARGE || ay > LARGE) {
        re = log_half_hypot(z) + LN2;
    } else if (ax < MIN_NORMAL && ay < MIN_NORMAL) {
        if (ax == 0 && ay == 0) {
            domain_error();
        }
        re = FN(log)(FN(hypot)(FN(ldexp)(ax, MANT_DIG), FN(ldexp)(ay, MANT_DIG))) - MANT_DIG * LN2;
    } else {
        pyfloat_t h = FN(hypot)(ax, ay);
        if ((pyfloat_t)0.71 <= h && h <= (pyfloat_t)1.73) {
            pyfloat_t am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            re = FN(log1p)((am - 1) * (am + 1) + an * an) / 2;
        } else {
            re = FN(log)(h);
        }
    }
    return cnum(re, FN(atan2)(z.im, z.re));
}

static cnum_t c_log10(cnum_t z) {
    z = c_log(z);
    return cnum(z.re / (pyfloat_t)M_LN10, z.im / (pyfloat_t)M_LN10);
}

// ---- hyperbolic and trigonometric functions -----------------------------------------------

// An infinite or NaN real part with a zero or NaN imaginary one, and a
// zero real part with a NaN imaginary one, as CPython's tables have them.
static cnum_t c_cosh(cnum_t z) {
    if (isinf(z.re) && isnan(z.im)) {
        return cnum(INFINITY, z.im);
    }
    if (z.im == 0 && !isfinite(z.re)) {
        return cnum(INFINITY * z.re * z.re, isnan(z.re) ? 0 : FN(copysign)(1, z.re) * z.im);
    }
    if (z.re == 0 && isnan(z.im)) {
        return cnum(z.im, 0);
    }
    pyfloat_t c = FN(cos)(z.im), s = FN(sin)(z.im);
    if (FN(fabs)(z.re) > LOG_LARGE) {
        // cosh(x) overflows where cosh(z) may not
        pyfloat_t x = z.re - FN(copysign)(1, z.re), e = (pyfloat_t)M_E;
        return cnum(c * FN(cosh)(x) * e, s * FN(sinh)(x) * e);
    }
    return cnum(c * FN(cosh)(z.re), s * FN(sinh)(z.re));
}

static cnum_t c_sinh(cnum_t z) {
    if (isinf(z.re) && isnan(z.im)) {
        return cnum(INFINITY, z.im);
    }
    if (z.im == 0 && !isfinite(z.re)) {
        return z;
    }
    if (z.re == 0 && isnan(z.im)) {
        return cnum(0, z.im);
    }
    pyfloat_t c = FN(cos)(z.im), s = FN(sin)(z.im);
    if (FN(fabs)(z.re) > LOG_LARGE) {
        pyfloat_t x = z.re - FN(copysign)(1, z.re), e = (pyfloat_t)M_E;
        return cnum(c * FN(sinh)(x) * e, s * FN(cosh)(x) * e);
    }
    return cnum(c * FN(sinh)(z.re), s * FN(cosh)(z.re));
}

static cnum_t c_tanh(cnum_t z) {
    if (z.im == 0 || (isinf(z.re) && !isfinite(z.im))) {
        return cnum(FN(tanh)(z.re), z.im == 0 ? z.im : 0);
    }
    if (FN(fabs)(z.re) > LOG_LARGE) {
        return cnum(FN(copysign)(1, z.re), 4 * FN(sin)(z.im) * FN(cos)(z.im) * FN(exp)(-2 * FN(fabs)(z.re)));
    }
    pyfloat_t tx = FN(tanh)(z.re), ty = FN(tan)(z.im), cx = 1 / FN(cosh)(z.re);
    pyfloat_t txty = tx * ty, denom = 1 + txty * txty;
    return cnum(tx * (1 + ty * ty) / denom, ((ty / denom) * cx) * cx);
}

static cnum_t c_cos(cnum_t z) {
    return c_cosh(times_i(z));
}

static cnum_t c_sin(cnum_t z) {
    return times_minus_i(c_sinh(times_i(z)));
}

static cnum_t c_tan(cnum_t z) {
    return times_minus_i(c_tanh(times_i(z)));
}

// ---- inverse functions ----------------------------------------------------------------------

static bool is_large(cnum_t z) {
    return FN(fabs)(z.re) > LARGE || FN(fabs)(z.im) > LARGE;
}

static cnum_t c_acos(cnum_t z) {
    if (isnan(z.im) && (z.re == 0 || isinf(z.re))) {
        return z.re == 0 ? cnum((pyfloat_t)M_PI_2, z.im) : cnum(z.im, INFINITY);
    }
    if (is_large(z)) {
        pyfloat_t l = log_half_hypot(z) + LN2 * 2;
        return cnum(FN(atan2)(FN(fabs)(z.im), z.re), z.re < 0 ? -FN(copysign)(l, z.im) : FN(copysign)(l, -z.im));
    }
    cnum_t s1 = c_sqrt(cnum(1 - z.re, -z.im)), s2 = c_sqrt(cnum(1 + z.re, z.im));
    return cnum(2 * FN(atan2)(s1.re, s2.re), FN(asinh)(s2.re * s1.im - s2.im * s1.re));
}

static cnum_t c_acosh(cnum_t z) {
    if (is_large(z)) {
        return cnum(log_half_hypot(z) + LN2 * 2, FN(atan2)(z.im, z.re));
    }
    cnum_t s1 = c_sqrt(cnum(z.re - 1, z.im)), s2 = c_sqrt(cnum(z.re + 1, z.im));
    return cnum(FN(asinh)(s1.re * s2.re + s1.im * s2.im), 2 * FN(atan2)(s1.im, s2.re));
}

static cnum_t c_asinh(cnum_t z) {
    if (isnan(z.re) && (z.im == 0 || isinf(z.im))) {
        return z.im == 0 ? z : cnum(INFINITY, z.re);
    }
    if (is_large(z)) {
        pyfloat_t l = log_half_hypot(z) + LN2 * 2;
        return cnum(z.im >= 0 ? FN(copysign)(l, z.re) : -FN(copysign)(l, -z.re), FN(atan2)(z.im, FN(fabs)(z.re)));
    }
    cnum_t s1 = c_sqrt(cnum(1 + z.im, -z.re)), s2 = c_sqrt(cnum(1 - z.im, z.re));
    return cnum(FN(asinh)(s1.re * s2.im - s2.re * s1.im), FN(atan2)(z.im, s1.re * s2.re - s1.im * s2.im));
}

static cnum_t c_asin(cnum_t z) {
    return times_minus_i(c_asinh(times_i(z)));
}

static cnum_t c_atanh(cnum_t z) {
    if (z.re == 0 && isnan(z.im)) {
        return z;
    }
    if (z.re < 0) {
        return negate(c_atanh(negate(z)));   // atanh(z) = -atanh(-z)
    }
    pyfloat_t ay = FN(fabs)(z.im);
    if (z.re > SQRT_LARGE || ay > SQRT_LARGE) {
        // atanh(z) is about 1/z +/- i*pi/2
        pyfloat_t h = FN(hypot)(z.re / 2, z.im / 2);
        return cnum(isinf(h) ? FN(copysign)(0, isnan(z.re) ? 1 : z.re) : z.re / 4 / h / h, isnan(z.im) ? z.im : -FN(copysign)((pyfloat_t)M_PI_2, -z.im));
    }
    if (z.re == 1 && ay < SQRT_MIN) {
        if (ay == 0) {
            domain_error();
        }
        return cnum(-FN(log)(FN(sqrt)(ay) / FN(sqrt)(FN(hypot)(ay, 2))), FN(copysign)(FN(atan2)(2, -ay) / 2, z.im));
    }
    return cnum(FN(log1p)(4 * z.re / ((1 - z.re) * (1 - z.re) + ay * ay)) / 4,
                -FN(atan2)(-2 * z.im, (1 - z.re) * (1 + z.re) - ay * ay) / 2);
}

static cnum_t c_atan(cnum_t z) {
    return times_minus_i(c_atanh(times_i(z)));
}

// ---- the functions of one complex ----------------------------------------------------------

// f(z) for any number z. An infinity from finite parts is an overflow, a
// NaN from parts that are not is outside the domain (C99's "invalid").
static value_t apply(value_t arg, cnum_t (*f)(cnum_t)) {
    cnum_t z = complex_get(arg), r = f(z);
    if (isfinite(z.re) && isfinite(z.im) && (isinf(r.re) || isinf(r.im))) {
        raise_msg(&type_OverflowError, "math range error");
    }
    if (!isnan(z.re) && !isnan(z.im) && (isnan(r.re) || isnan(r.im))) {
        domain_error();
    }
    return complex_new(r.re, r.im);
}

#define CMATH_FN1(name)                                                               \
    static value_t cmath_##name(size_t n_args, size_t n_kw, const value_t *args) {    \
        return apply(args[0], c_##name);                                              \
    }                                                                                 \
    static BUILTIN_FN(cmath_##name##_obj, Q_##name, 1, 1, false, cmath_##name)

CMATH_FN1(sqrt);
CMATH_FN1(exp);
CMATH_FN1(log10);
CMATH_FN1(cos);
CMATH_FN1(sin);
CMATH_FN1(tan);
CMATH_FN1(cosh);
CMATH_FN1(sinh);
CMATH_FN1(tanh);
CMATH_FN1(acos);
CMATH_FN1(asin);
CMATH_FN1(atan);
CMATH_FN1(acosh);
CMATH_FN1(asinh);
CMATH_FN1(atanh);

// log(z[, base])
static value_t cmath_log(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = complex_get(args[0]);
    cnum_t base = n_args > 1 ? complex_get(args[1]) : z;
    z = c_log(z);
    if (n_args > 1 && !complex_div(z, c_log(base), &z)) {
        domain_error();
    }
    return complex_new(z.re, z.im);
}
static BUILTIN_FN(cmath_log_obj, Q_log, 1, 2, false, cmath_log);

// ---- polar coordinates -------------------------------------------------------------------------

static value_t cmath_phase(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = complex_get(args[0]);
    return float_new(FN(atan2)(z.im, z.re));
}
static BUILTIN_FN(cmath_phase_obj, Q_phase, 1, 1, false, cmath_phase);

static value_t cmath_polar(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = complex_get(args[0]);
    pyfloat_t r = FN(hypot)(z.re, z.im);
    if (isinf(r) && isfinite(z.re) && isfinite(z.im)) {
        raise_msg(&type_OverflowError, "math range error");
    }
    value_t items[2] = {float_new(r), float_new(FN(atan2)(z.im, z.re))};
    return tuple_new(2, items);
}
static BUILTIN_FN(cmath_polar_obj, Q_polar, 1, 1, false, cmath_polar);

static value_t cmath_rect(size_t n_args, size_t n_kw, const value_t *args) {
    pyfloat_t r = (pyfloat_t)value_get_float(args[0]), phi = (pyfloat_t)value_get_float(args[1]);
    if (isinf(phi) && r != 0 && !isnan(r)) {
        domain_error();
    }
    if (phi == 0) {   // exact, and the signs of zero right for r = +-inf
        return complex_new(r, (isfinite(r) ? r : FN(copysign)(0, r)) * phi);
    }
    if (r == 0 && !isfinite(phi)) {
        return complex_new(0, 0);
    }
    return complex_new(r * FN(cos)(phi), r * FN(sin)(phi));
}
static BUILTIN_FN(cmath_rect_obj, Q_rect, 2, 2, false, cmath_rect);

// ---- classification ------------------------------------------------------------------------------

static value_t cmath_isfinite(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = complex_get(args[0]);
    return VAL_BOOL(isfinite(z.re) && isfinite(z.im));
}
static BUILTIN_FN(cmath_isfinite_obj, Q_isfinite, 1, 1, false, cmath_isfinite);

static value_t cmath_isinf(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = complex_get(args[0]);
    return VAL_BOOL(isinf(z.re) || isinf(z.im));
}
static BUILTIN_FN(cmath_isinf_obj, Q_isinf, 1, 1, false, cmath_isinf);

static value_t cmath_isnan(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = complex_get(args[0]);
    return VAL_BOOL(isnan(z.re) || isnan(z.im));
}
static BUILTIN_FN(cmath_isnan_obj, Q_isnan, 1, 1, false, cmath_isnan);

static pyfloat_t distance(cnum_t a, cnum_t b) {
    return FN(hypot)(a.re - b.re, a.im - b.im);
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): math's arguments
static value_t cmath_isclose(size_t n_args, size_t n_kw, const value_t *args) {
    value_t av, bv;
    pyfloat_t rel_tol, abs_tol;
    isclose_args(n_args, n_kw, args, &av, &bv, &rel_tol, &abs_tol);
    cnum_t a = complex_get(av), b = complex_get(bv), zero = {0, 0};
    if (a.re == b.re && a.im == b.im) {
        return VAL_TRUE;
    }
    if (isinf(a.re) || isinf(a.im) || isinf(b.re) || isinf(b.im)) {
        return VAL_FALSE;
    }
    pyfloat_t diff = distance(a, b);
    return VAL_BOOL(diff <= rel_tol * distance(b, zero) || diff <= rel_tol * distance(a, zero) || diff <= abs_tol);
}
static BUILTIN_FN(cmath_isclose_obj, Q_isclose, 0, ARGS_MAX, true, cmath_isclose);

// ---- the module ---------------------------------------------------------------------------------

static const float_obj_t cmath_e_obj = {{&type_float}, (pyfloat_t)M_E};
static const float_obj_t cmath_pi_obj = {{&type_float}, (pyfloat_t)M_PI};
static const float_obj_t cmath_tau_obj = {{&type_float}, (pyfloat_t)(2 * M_PI)};
static const float_obj_t cmath_inf_obj = {{&type_float}, (pyfloat_t)INFINITY};
static const float_obj_t cmath_nan_obj = {{&type_float}, (pyfloat_t)NAN};
static const complex_obj_t cmath_infj_obj = {{&type_complex}, {0, (pyfloat_t)INFINITY}};
static const complex_obj_t cmath_nanj_obj = {{&type_complex}, {0, (pyfloat_t)NAN}};

static const map_entry_t cmath_table[] = {
    {QSTR(Q___name__), QSTR(Q_cmath)},
    {QSTR(Q_acos), PTR_VAL(&cmath_acos_obj)},
    {QSTR(Q_acosh), PTR_VAL(&cmath_acosh_obj)},
    {QSTR(Q_asin), PTR_VAL(&cmath_asin_obj)},
    {QSTR(Q_asinh), PTR_VAL(&cmath_asinh_obj)},
    {QSTR(Q_atan), PTR_VAL(&cmath_atan_obj)},
    {QSTR(Q_atanh), PTR_VAL(&cmath_atanh_obj)},
    {QSTR(Q_cos), PTR_VAL(&cmath_cos_obj)},
    {QSTR(Q_cosh), PTR_VAL(&cmath_cosh_obj)},
    {QSTR(Q_e), PTR_VAL(&cmath_e_obj)},
    {QSTR(Q_exp), PTR_VAL(&cmath_exp_obj)},
    {QSTR(Q_inf), PTR_VAL(&cmath_inf_obj)},
    {QSTR(Q_infj), PTR_VAL(&cmath_infj_obj)},
    {QSTR(Q_isclose), PTR_VAL(&cmath_isclose_obj)},
    {QSTR(Q_isfinite), PTR_VAL(&cmath_isfinite_obj)},
    {QSTR(Q_isinf), PTR_VAL(&cmath_isinf_obj)},
    {QSTR(Q_isnan), PTR_VAL(&cmath_isnan_obj)},
    {QSTR(Q_log), PTR_VAL(&cmath_log_obj)},
    {QSTR(Q_log10), PTR_VAL(&cmath_log10_obj)},
    {QSTR(Q_nan), PTR_VAL(&cmath_nan_obj)},
    {QSTR(Q_nanj), PTR_VAL(&cmath_nanj_obj)},
    {QSTR(Q_phase), PTR_VAL(&cmath_phase_obj)},
    {QSTR(Q_pi), PTR_VAL(&cmath_pi_obj)},
    {QSTR(Q_polar), PTR_VAL(&cmath_polar_obj)},
    {QSTR(Q_rect), PTR_VAL(&cmath_rect_obj)},
    {QSTR(Q_sin), PTR_VAL(&cmath_sin_obj)},
    {QSTR(Q_sinh), PTR_VAL(&cmath_sinh_obj)},
    {QSTR(Q_sqrt), PTR_VAL(&cmath_sqrt_obj)},
    {QSTR(Q_tan), PTR_VAL(&cmath_tan_obj)},
    {QSTR(Q_tanh), PTR_VAL(&cmath_tanh_obj)},
    {QSTR(Q_tau), PTR_VAL(&cmath_tau_obj)},
};
MODULE_ROM(cmath_module, Q_cmath, cmath_table);
ESPY_MODULE(cmath, cmath_module);
