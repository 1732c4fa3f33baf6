// SPDX-License-Identifier: MIT
// float: boxed pyfloat_t values (double on the host, float on the chip).
//
// Arithmetic follows CPython's floatobject.c: floor division and modulo
// take the sign of the divisor, ** has C99's special cases plus Python's
// errors, and the hash of an integral float equals the hash of the equal
// int. Conversions to and from text are in floatconv.c.
#include <math.h>
#include <string.h>

#include "bigint.h"

value_t float_new(double d) {
    float_obj_t *f = gc_alloc(sizeof(float_obj_t), GC_LEAF);
    f->base.type = &type_float;
    f->value = (pyfloat_t)d;
    return PTR_VAL(f);
}

double float_value(value_t v) {
    return ((float_obj_t *)VAL_PTR(v))->value;
}

bool value_get_float_maybe(value_t v, double *out) {
    v = value_native_number(v);
    if (OBJ_TYPE_IS(v, &type_float)) {
        *out = float_value(v);
        return true;
    }
    if (bigint_is_int(v)) {
        *out = int_as_double(v);
        return true;
    }
    return false;
}

double value_get_float(value_t v) {
    double d;
    if (value_get_float_maybe(v, &d)) {
        return d;
    }
    const type_t *t = value_type(v);
    if (t->unary_op) {
        value_t r = t->unary_op(UNOP_FLOAT, v);
        if (r != VAL_NULL && OBJ_TYPE_IS(r, &type_float)) {
            return float_value(r);
        }
        r = t->unary_op(UNOP_INDEX, v);
        if (r != VAL_NULL && bigint_is_int(r)) {
            return int_as_double(r);
        }
    }
    raise_fmt(&type_TypeError, "must be real number, not %q", value_type_name(v));
}

void float_print_repr(vstr_t *out, double d) {
    fconv_format(out, d, 'r', 0, false, false, false);
}

// ---- arithmetic ------------------------------------------------------------------

static void float_divmod(double vx, double wx, double *floordiv, double *mod) {
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m != 0) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div != 0) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

static bool is_odd_integer(double x) {
    return fmod(fabs(x), 2.0) == 1.0;
}

static double float_pow(double iv, double iw) {
    if (iw == 0) {
        return 1.0;
    }
    if (isnan(iv)) {
        return iv;
    }
    if (isnan(iw)) {
        return iv == 1.0 ? 1.0 : iw;
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) {
            return 1.0;
        }
        return (iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0;
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) {
            return odd ? iv : fabs(iv);
        }
        return odd ? copysign(0.0, iv) : 0.0;
    }
    if (iv == 0.0) {
        if (iw < 0.0) {
            raise_msg(&type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        return is_odd_integer(iw) ? iv : 0.0;
    }
    bool negate = false;
    if (iv < 0.0) {   // iw is integral: float_binop made a fraction complex
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) {
        return negate ? -1.0 : 1.0;
    }
    pyfloat_t r = (pyfloat_t)pow(iv, iw);
    if (isinf(r)) {
        raise_msg(&type_OverflowError, "(34, 'Numerical result out of range')");
    }
    return negate ? -r : r;
}

value_t float_binop(binop_t op, double a, double b) {
    double q, m;
    switch (op) {
        case BINOP_ADD: return float_new(a + b);
        case BINOP_SUB: return float_new(a - b);
        case BINOP_MUL: return float_new(a * b);
        case BINOP_TRUEDIV:
            if (b == 0) {
                raise_msg(&type_ZeroDivisionError, "float division by zero");
            }
            return float_new(a / b);
        case BINOP_FLOORDIV:
            if (b == 0) {
                raise_msg(&type_ZeroDivisionError, "float floor division by zero");
            }
            float_divmod(a, b, &q, &m);
            return float_new(q);
        case BINOP_MOD:
            if (b == 0) {
                raise_msg(&type_ZeroDivisionError, "float modulo");
            }
            float_divmod(a, b, &q, &m);
            return float_new(m);
        case BINOP_POW:
            if (a < 0 && isfinite(a) && isfinite(b) && b != floor(b)) {
                // a negative number to a fractional power is complex
                return complex_pow((cnum_t){(pyfloat_t)a, 0}, (cnum_t){(pyfloat_t)b, 0});
            }
            return float_new(float_pow(a, b));
        case BINOP_LT: return VAL_BOOL(a < b);
        case BINOP_GT: return VAL_BOOL(a > b);
        case BINOP_EQ: return VAL_BOOL(a == b);
        case BINOP_NE: return VAL_BOOL(a != b);
        case BINOP_LE: return VAL_BOOL(a <= b);
        case BINOP_GE: return VAL_BOOL(a >= b);
        default: return VAL_NULL;
    }
}

// divmod(a, b) for floats, used by builtins_num.c
value_t float_divmod_value(double a, double b) {
    if (b == 0) {
        raise_msg(&type_ZeroDivisionError, "float divmod()");
    }
    double q, m;
    float_divmod(a, b, &q, &m);
    value_t items[2] = {float_new(q), float_new(m)};
    return tuple_new(2, items);
}

static value_t float_binary_op(binop_t op, value_t lhs, value_t rhs) {
    double a = float_value(lhs), b;
    if (OBJ_TYPE_IS(rhs, &type_float)) {
        b = float_value(rhs);
    } else if (bigint_is_int(rhs)) {
        if (op >= BINOP_COMPARE_FIRST) {
            int c = int_float_cmp(rhs, a);
            return num_cmp_result(op, c == 2 ? 2 : -c);
        }
        b = int_as_double(rhs);
    } else {
        return VAL_NULL;
    }
    if (op >= BINOP_COMPARE_FIRST) {
        return float_binop(op, a, b);
    }
    binop_t base = (binop_t)BINOP_BASE(op);
    return BINOP_IS_REFLECTED(op) ? float_binop(base, b, a) : float_binop(base, a, b);
}

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

int64_t float_hash(double v) {
    if (isinf(v)) {
        return v > 0 ? 314159 : -314159;
    }
    if (isnan(v)) {
        return 0;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) {
            x -= HASH_MOD;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static value_t float_unary_op(unop_t op, value_t v) {
    double d = float_value(v);
    switch (op) {
        case UNOP_POS: return v;
        case UNOP_NEG: return float_new(-d);
        case UNOP_ABS: return float_new(fabs(d));
        case UNOP_BOOL: return VAL_BOOL(d != 0);
        case UNOP_INT: return int_from_double(d);
        case UNOP_FLOAT: return v;
        case UNOP_HASH:
            if (isnan(d)) {
                return SMALL((smallint_t)(v >> 4));
            }
            return num_hash_value(float_hash(d));
        default: return VAL_NULL;
    }
}

static void float_print(const print_t *p, value_t v, print_kind_t kind) {
    char buf[40];
    vstr_t vs = {buf, 0, sizeof(buf) - 1};
    fconv_format(&vs, float_value(v), 'r', 0, false, false, false);
    print_strn(p, vs.buf, vs.len);
}

static value_t float_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "float() takes no keyword arguments");
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "float expected at most 1 argument, got %u", (unsigned)n_args);
    }
    if (n_args == 0) {
        return float_new(0.0);
    }
    value_t x = args[0];
    if (OBJ_TYPE_IS(x, &type_float)) {
        return x;
    }
    if (bigint_is_int(x)) {
        return float_new(int_as_double(x));
    }
    size_t len;
    const char *s = str_data(x, &len);
    if (s == NULL && OBJ_TYPE_IS(x, &type_bytes)) {
        s = ((bytes_obj_t *)VAL_PTR(x))->data;
        len = ((bytes_obj_t *)VAL_PTR(x))->len;
    } else if (s == NULL && OBJ_TYPE_IS(x, &type_bytearray)) {
        s = (const char *)((bytearray_obj_t *)VAL_PTR(x))->items;
        len = ((bytearray_obj_t *)VAL_PTR(x))->len;
    }
    if (s) {
        double d;
        if (!fconv_parse(s, len, &d)) {
            raise_fmt(&type_ValueError, "could not convert string to float: %R", x);
        }
        return float_new(d);
    }
    const type_t *t = value_type(x);
    if (t->unary_op) {
        value_t r = t->unary_op(UNOP_FLOAT, x);
        if (r != VAL_NULL) {
            if (!OBJ_TYPE_IS(r, &type_float)) {
                raise_fmt(&type_TypeError, "%q.__float__ returned non-float (type %q)", value_type_name(x),
                          value_type_name(r));
            }
            return r;
        }
        r = t->unary_op(UNOP_INDEX, x);
        if (r != VAL_NULL && bigint_is_int(r)) {
            return float_new(int_as_double(r));
        }
    }
    raise_fmt(&type_TypeError, "float() argument must be a string or a real number, not '%q'",
              value_type_name(x));
}

static void float_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    if (name == Q_real) {
        dest[0] = self;
    } else if (name == Q_imag) {
        dest[0] = float_new(0.0);
    }
}

static double float_self(value_t v) {
    float_obj_t *f = obj_native(v, &type_float);
    return f->value;
}

static value_t float_is_integer(size_t n_args, size_t n_kw, const value_t *args) {
    double d = float_self(args[0]);
    return VAL_BOOL(isfinite(d) && floor(d) == d);
}
static BUILTIN_FN(float_is_integer_obj, Q_is_integer, 1, 1, false, float_is_integer);

static value_t float_as_integer_ratio(size_t n_args, size_t n_kw, const value_t *args) {
    double d = float_self(args[0]);
    if (isinf(d)) {
        raise_msg(&type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(d)) {
        raise_msg(&type_ValueError, "cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp(d, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    value_t num = int_from_double(m), den = SMALL(1);
    if (e > 0) {
        num = bigint_lshift(num, (size_t)e);
    } else {
        den = bigint_lshift(den, (size_t)-e);
    }
    value_t items[2] = {num, den};
    return tuple_new(2, items);
}
static BUILTIN_FN(float_as_integer_ratio_obj, Q_as_integer_ratio, 1, 1, false, float_as_integer_ratio);

static value_t float_conjugate(size_t n_args, size_t n_kw, const value_t *args) {
    return float_new(float_self(args[0]));
}
static BUILTIN_FN(float_conjugate_obj, Q_conjugate, 1, 1, false, float_conjugate);

static value_t float_format_method(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *spec = str_data(args[1], &len);
    if (spec == NULL) {
        raise_fmt(&type_TypeError, "format() argument 2 must be str, not %q", value_type_name(args[1]));
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    format_value(&vs, float_new(float_self(args[0])), spec, len);
    return str_from_vstr(&vs);
}
static BUILTIN_FN(float_format_method_obj, Q___format__, 2, 2, false, float_format_method);

static const map_entry_t float_locals_table[] = {
    {QSTR(Q___format__), PTR_VAL(&float_format_method_obj)},
    {QSTR(Q_is_integer), PTR_VAL(&float_is_integer_obj)},
    {QSTR(Q_as_integer_ratio), PTR_VAL(&float_as_integer_ratio_obj)},
    {QSTR(Q_conjugate), PTR_VAL(&float_conjugate_obj)},
};
static const map_t float_locals = MAP_ROM(float_locals_table);

const type_t type_float = {
    {&type_type},
    .name = Q_float,
    .flags = TYPE_FLAG_BASETYPE,
    .print = float_print,
    .make_new = float_make_new,
    .unary_op = float_unary_op,
    .binary_op = float_binary_op,
    .attr = float_attr,
    .locals = &float_locals,
};
