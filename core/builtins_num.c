// SPDX-License-Identifier: MIT
// The numeric builtins: abs, divmod, pow, round, bin, oct and hex.
//
// Each handles ints and floats directly and falls back to the dunder
// methods of user classes (__abs__ through the unary_op slot, __divmod__,
// __round__ by method lookup), with CPython's messages when there is none.
// (int() and float() are the types' make_new, in int.c and float.c.)
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "type.h"

static value_t builtin_abs(size_t n_args, size_t n_kw, const value_t *args) {
    value_t x = args[0];
    const type_t *t = value_type(x);
    value_t r = t->unary_op ? t->unary_op(UNOP_ABS, x) : VAL_NULL;
    if (r == VAL_NULL) {
        raise_fmt(&type_TypeError, "bad operand type for abs(): '%q'", value_type_name(x));
    }
    return r;
}
BUILTIN_FN(builtin_abs_obj, Q_abs, 1, 1, false, builtin_abs);

static value_t try_method(value_t obj, qstr_t name, value_t arg) {
    value_t dest[2];
    if (!VAL_IS_OBJ(obj) || !obj_load_method_maybe(obj, name, dest)) {
        return VAL_NULL;
    }
    value_t r = dest[1] ? call_function_2(dest[0], dest[1], arg) : call_function_1(dest[0], arg);
    return r == VAL_NOTIMPL ? VAL_NULL : r;
}

static value_t builtin_divmod(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a = args[0], b = args[1];
    if (bigint_is_int(a) && bigint_is_int(b)) {
        if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
            smallint_t x = SMALL_VALUE(a), y = SMALL_VALUE(b);
            if (y == 0) {
                raise_msg(&type_ZeroDivisionError, "integer division or modulo by zero");
            }
            value_t items[2] = {int_floor_divmod_small(x, y, false), int_floor_divmod_small(x, y, true)};
            return tuple_new(2, items);
        }
        if (bigint_sign(b) == 0) {
            raise_msg(&type_ZeroDivisionError, "integer division or modulo by zero");
        }
        value_t items[2];
        bigint_divmod(a, b, &items[0], &items[1]);
        return tuple_new(2, items);
    }
    bool af = OBJ_TYPE_IS(a, &type_float), bf = OBJ_TYPE_IS(b, &type_float);
    if ((af || bigint_is_int(a)) && (bf || bigint_is_int(b))) {
        double x = af ? float_value(a) : int_as_double(a);
        double y = bf ? float_value(b) : int_as_double(b);
        return float_divmod_value(x, y);
    }
    value_t r = try_method(a, Q___divmod__, b);
    if (r == VAL_NULL) {
        r = try_method(b, Q___rdivmod__, a);
    }
    if (r == VAL_NULL) {
        // instances of classes derived from int or float
        value_t na = class_native_value(a), nb = class_native_value(b);
        if (na != VAL_NULL || nb != VAL_NULL) {
            value_t a2[2] = {na ? na : a, nb ? nb : b};
            return builtin_divmod(2, 0, a2);
        }
    }
    if (r == VAL_NULL) {
        raise_fmt(&type_TypeError, "unsupported operand type(s) for divmod(): '%q' and '%q'",
                  value_type_name(a), value_type_name(b));
    }
    return r;
}
BUILTIN_FN(builtin_divmod_obj, Q_divmod, 2, 2, false, builtin_divmod);

// Modular inverse of a modulo m (m > 0) by the extended Euclidean algorithm.
static value_t mod_inverse(value_t a, value_t m) {
    value_t r0 = m, r1, s0 = SMALL(0), s1 = SMALL(1);
    bigint_divmod(a, m, NULL, &r1);
    while (r1 != SMALL(0)) {
        value_t q, r;
        bigint_divmod(r0, r1, &q, &r);
        value_t s = bigint_sub(s0, bigint_mul(q, s1));
        r0 = r1;
        r1 = r;
        s0 = s1;
        s1 = s;
    }
    if (r0 != SMALL(1)) {
        raise_msg(&type_ValueError, "base is not invertible for the given modulus");
    }
    value_t inv;
    bigint_divmod(s0, m, NULL, &inv);
    return inv;
}

static value_t pow3(value_t base, value_t exp, value_t mod) {
    if (obj_native_maybe(base, &type_complex) || obj_native_maybe(exp, &type_complex)) {
        raise_msg(&type_ValueError, "complex modulo");
    }
    base = value_native_number(base);
    exp = value_native_number(exp);
    mod = value_native_number(mod);
    if (!bigint_is_int(base) || !bigint_is_int(exp) || !bigint_is_int(mod)) {
        raise_msg(&type_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    int ms = bigint_sign(mod);
    if (ms == 0) {
        raise_msg(&type_ValueError, "pow() 3rd argument cannot be 0");
    }
    value_t amod = bigint_abs(mod);
    if (bigint_sign(exp) < 0) {
        base = mod_inverse(base, amod);
        exp = bigint_neg(exp);
    }
    value_t r;
    smallint_t b, e, m;
    if (value_get_int_maybe(base, &b) && value_get_int_maybe(exp, &e) && value_get_int_maybe(amod, &m) &&
        (uint64_t)m <= 0xFFFFFFFFu) {
        uint64_t um = (uint64_t)m, acc = 1 % um;
        int64_t bm = (int64_t)b % (int64_t)um;
        uint64_t ub = (uint64_t)(bm < 0 ? bm + (int64_t)um : bm);
        while (e > 0) {
            if (e & 1) {
                acc = acc * ub % um;
            }
            ub = ub * ub % um;
            e >>= 1;
        }
        r = int_from_ull(acc);
    } else {
        r = bigint_powmod(base, exp, amod);
    }
    if (ms < 0 && r != SMALL(0)) {
        r = bigint_add(r, mod);   // the result takes the sign of the modulus
    }
    return r;
}

static value_t builtin_pow(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_base, Q_exp, Q_mod, Q_NULL};
    value_t a[3] = {VAL_NULL, VAL_NULL, VAL_NULL};
    for (size_t i = 0; i < n_args; i++) {
        a[i] = args[i];
    }
    if (n_kw) {
        arg_kw_check(n_args, n_kw, args, allowed, Q_pow);
        static const qstr_t names[] = {Q_base, Q_exp, Q_mod};
        for (size_t i = 0; i < 3; i++) {
            value_t v = arg_kw(n_args, n_kw, args, names[i]);
            if (v != VAL_NULL) {
                if (a[i] != VAL_NULL) {
                    raise_fmt(&type_TypeError, "argument for pow() given by name ('%q') and position (%u)",
                              names[i], (unsigned)(i + 1));
                }
                a[i] = v;
            }
        }
    }
    if (a[0] == VAL_NULL || a[1] == VAL_NULL) {
        raise_fmt(&type_TypeError, "pow() missing required argument '%s' (pos %u)", a[0] ? "exp" : "base",
                  a[0] ? 2u : 1u);
    }
    if (a[2] == VAL_NULL || a[2] == VAL_NONE) {
        return binary_op(BINOP_POW, a[0], a[1]);
    }
    return pow3(a[0], a[1], a[2]);
}
BUILTIN_FN(builtin_pow_obj, Q_pow, 0, 3, true, builtin_pow);

// round(x, n) for floats: correctly rounded, as CPython's double_round.
static value_t round_float(double x, smallint_t n) {
    if (!isfinite(x) || x == 0 || n > 323) {
        return float_new(x);
    }
    if (n < -308) {
        return float_new(0.0 * x);
    }
    vstr_t dv;
    vstr_init(&dv, 32 + (n > 0 ? (size_t)n : 0));
    int decpt = fconv_digits(&dv, fabs(x), 3, (int)n);
    double r;
    if (dv.len == 0) {
        r = 0.0;
    } else {
        // digits * 10**(decpt - len)
        char tail[24];
        long e = (long)decpt - (long)dv.len;
        int k = 0;
        tail[k++] = 'e';
        if (e < 0) {
            tail[k++] = '-';
            e = -e;
        }
        char rev[20];
        int m = 0;
        do {
            rev[m++] = (char)('0' + e % 10);
            e /= 10;
        } while (e);
        while (m) {
            tail[k++] = rev[--m];
        }
        vstr_add_strn(&dv, tail, (size_t)k);
        fconv_parse(dv.buf, dv.len, &r);
        if (isinf(r)) {
            raise_msg(&type_OverflowError, "rounded value too large to represent");
        }
    }
    return float_new(copysign(r, x));
}

// round(i, n) for ints with n < 0: to a multiple of 10**-n, half to even.
static value_t round_int(value_t x, value_t n) {
    value_t pow10 = bigint_pow(SMALL(10), bigint_neg(n));
    value_t q, r;
    bigint_divmod(x, pow10, &q, &r);
    int c = bigint_cmp(bigint_mul(r, SMALL(2)), pow10);
    if (c > 0 || (c == 0 && bigint_bitop(BINOP_AND, q, SMALL(1)) == SMALL(1))) {
        q = bigint_add(q, SMALL(1));
    }
    return bigint_mul(q, pow10);
}

static value_t builtin_round(size_t n_args, size_t n_kw, const value_t *args) {
    value_t x = args[0];
    value_t nd = n_args > 1 ? args[1] : VAL_NONE;
    if (n_kw) {
        static const qstr_t allowed[] = {Q_number, Q_ndigits, Q_NULL};
        arg_kw_check(n_args, n_kw, args, allowed, Q_round);
        value_t v = arg_kw(n_args, n_kw, args, Q_ndigits);
        if (v) {
            nd = v;
        }
        v = arg_kw(n_args, n_kw, args, Q_number);
        if (v) {
            x = v;
        }
    }
    if (x == VAL_NULL) {
        raise_msg(&type_TypeError, "round() missing required argument 'number' (pos 1)");
    }
    if (bigint_is_int(x)) {
        x = int_index(x);
        if (nd == VAL_NONE) {
            return x;
        }
        nd = int_index(nd);
        if (bigint_sign(nd) >= 0) {
            return x;
        }
        return round_int(x, nd);
    }
    if (OBJ_TYPE_IS(x, &type_float)) {
        double d = float_value(x);
        if (nd == VAL_NONE) {
            double r = round(d);
            if (fabs(d - r) == 0.5) {
                r = 2.0 * round(d / 2.0);
            }
            return int_from_double(r);
        }
        nd = int_index(nd);
        smallint_t n;
        if (!value_get_int_maybe(nd, &n)) {
            n = int_is_negative(nd) ? -100000 : 100000;
        }
        return round_float(d, n);
    }
    value_t dest[2];
    if (VAL_IS_OBJ(x) && obj_load_method_maybe(x, Q___round__, dest)) {
        value_t call_args[2];
        size_t n = 0;
        if (dest[1]) {
            call_args[n++] = dest[1];
        }
        if (n_args > 1 || nd != VAL_NONE) {
            call_args[n++] = nd;
        }
        return call_function(dest[0], n, 0, call_args);
    }
    value_t native = class_native_value(x);
    if (native != VAL_NULL && (bigint_is_int(native) || OBJ_TYPE_IS(native, &type_float))) {
        value_t a[2] = {native, nd};
        return builtin_round(2, 0, a);
    }
    raise_fmt(&type_TypeError, "type %q doesn't define __round__ method", value_type_name(x));
}
BUILTIN_FN(builtin_round_obj, Q_round, 0, 2, true, builtin_round);

static value_t int_to_text(value_t x, int base, const char *prefix) {
    x = int_index(x);
    vstr_t vs;
    vstr_init(&vs, 16);
    if (int_is_negative(x)) {
        vstr_add_char(&vs, '-');
    }
    vstr_add_str(&vs, prefix);
    int_format_digits(&vs, x, base, false);
    return str_from_vstr(&vs);
}

static value_t builtin_bin(size_t n_args, size_t n_kw, const value_t *args) {
    return int_to_text(args[0], 2, "0b");
}
BUILTIN_FN(builtin_bin_obj, Q_bin, 1, 1, false, builtin_bin);

static value_t builtin_oct(size_t n_args, size_t n_kw, const value_t *args) {
    return int_to_text(args[0], 8, "0o");
}
BUILTIN_FN(builtin_oct_obj, Q_oct, 1, 1, false, builtin_oct);

static value_t builtin_hex(size_t n_args, size_t n_kw, const value_t *args) {
    return int_to_text(args[0], 16, "0x");
}
BUILTIN_FN(builtin_hex_obj, Q_hex, 1, 1, false, builtin_hex);
