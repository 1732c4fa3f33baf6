// SPDX-License-Identifier: MIT
// complex: boxed pairs of pyfloat_t (doubles on the host, floats on the chip).
//
// Everything follows CPython 3.11's complexobject.c. A mixed operation turns
// the int or float into a complex first, so 1j + 2 is (0+1j) + (2+0j); int
// and float know nothing of complex: their slots decline an operand they do
// not know, and the runtime then hands the operation, reflected, to this
// type's slot. Division divides by the larger part of the divisor (Smith's
// method); ** with a small integral exponent multiplies by squaring, any
// other goes through the polar form. The hash of a complex with a zero
// imaginary part is that of its real part, so 1+0j, 1.0 and 1 are one key.
// repr() writes each part as float's repr does without ".0": (1+2j), 2j.
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "type.h"

#define FN PYFLOAT_FN

value_t complex_new(pyfloat_t re, pyfloat_t im) {
    complex_obj_t *c = gc_alloc(sizeof(complex_obj_t), GC_LEAF);
    c->base.type = &type_complex;
    c->value.re = re;
    c->value.im = im;
    return PTR_VAL(c);
}

static cnum_t value_of(value_t v) {
    return ((complex_obj_t *)VAL_PTR(v))->value;
}

bool complex_get_maybe(value_t v, cnum_t *out) {
    complex_obj_t *c = obj_native_maybe(v, &type_complex);
    if (c != NULL) {
        *out = c->value;
        return true;
    }
    double d;
    if (value_get_float_maybe(v, &d)) {
        out->re = (pyfloat_t)d;
        out->im = 0;
        return true;
    }
    return false;
}

// What obj.__complex__() returns, checked; VAL_NULL when obj has no such method.
static value_t call_complex_method(value_t obj) {
    value_t dest[2];
    if (!VAL_IS_OBJ(obj) || !obj_load_method_maybe(obj, Q___complex__, dest)) {
        return VAL_NULL;
    }
    value_t r = dest[1] ? call_function_1(dest[0], dest[1]) : call_function_0(dest[0]);
    if (obj_native_maybe(r, &type_complex) == NULL) {
        raise_fmt(&type_TypeError, "__complex__ returned non-complex (type %q)", value_type_name(r));
    }
    return r;
}

cnum_t complex_get(value_t v) {
    cnum_t z;
    if (!complex_get_maybe(v, &z)) {
        value_t r = call_complex_method(v);
        if (r != VAL_NULL) {
            complex_get_maybe(r, &z);
        } else {
            z.re = (pyfloat_t)value_get_float(v);
            z.im = 0;
        }
    }
    return z;
}

// ---- arithmetic --------------------------------------------------------------------

static cnum_t product(cnum_t a, cnum_t b) {
    cnum_t r = {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
    return r;
}

bool complex_div(cnum_t a, cnum_t b, cnum_t *out) {
    pyfloat_t abs_re = FN(fabs)(b.re), abs_im = FN(fabs)(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0) {
            return false;
        }
        pyfloat_t ratio = b.im / b.re, denom = b.re + b.im * ratio;
        out->re = (a.re + a.im * ratio) / denom;
        out->im = (a.im - a.re * ratio) / denom;
    } else if (abs_im >= abs_re) {
        pyfloat_t ratio = b.re / b.im, denom = b.re * ratio + b.im;
        out->re = (a.re * ratio + a.im) / denom;
        out->im = (a.im * ratio - a.re) / denom;
    } else {
        out->re = out->im = NAN;   // a part of b is a NaN
    }
    return true;
}

// x ** n for n >= 0 by repeated squaring.
static cnum_t power_unsigned(cnum_t x, long n) {
    cnum_t r = {1, 0};
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = product(r, x);
        }
        x = product(x, x);
    }
    return r;
}

value_t complex_pow(cnum_t a, cnum_t b) {
    cnum_t r = {0, 0};
    bool domain = false;
    if (b.im == 0 && b.re == FN(floor)(b.re) && FN(fabs)(b.re) <= 100) {
        long n = (long)b.re;
        r = power_unsigned(a, n < 0 ? -n : n);
        if (n <= 0) {
            cnum_t one = {1, 0};
            domain = !complex_div(one, r, &r);
        }
    } else if (b.re == 0 && b.im == 0) {
        r.re = 1;
    } else if (a.re == 0 && a.im == 0) {
        domain = b.im != 0 || b.re < 0;
    } else {
        pyfloat_t vabs = FN(hypot)(a.re, a.im), len = FN(pow)(vabs, b.re);
        pyfloat_t at = FN(atan2)(a.im, a.re), phase = at * b.re;
        if (b.im != 0) {
            len /= FN(exp)(at * b.im);
            phase += b.im * FN(log)(vabs);
        }
        r.re = len * FN(cos)(phase);
        r.im = len * FN(sin)(phase);
    }
    if (domain) {
        raise_msg(&type_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    if (isinf(r.re) || isinf(r.im)) {
        raise_msg(&type_OverflowError, "complex exponentiation");
    }
    return complex_new(r.re, r.im);
}

// == and != (the others are not defined): an int is compared exactly with
// the real part, as CPython compares an int with a float.
static value_t complex_equal(binop_t op, cnum_t a, value_t other) {
    cnum_t b;
    bool eq;
    value_t n = value_native_number(other);
    if (bigint_is_int(n)) {
        eq = a.im == 0 && int_float_cmp(n, a.re) == 0;
    } else if (complex_get_maybe(other, &b)) {
        eq = a.re == b.re && a.im == b.im;
    } else {
        return VAL_NULL;
    }
    return VAL_BOOL(eq == (op == BINOP_EQ));
}

static value_t complex_binary_op(binop_t op, value_t lhs, value_t rhs) {
    cnum_t a = value_of(lhs), b;
    if (op >= BINOP_COMPARE_FIRST) {
        return op == BINOP_EQ || op == BINOP_NE ? complex_equal(op, a, rhs) : VAL_NULL;
    }
    binop_t base = (binop_t)BINOP_BASE(op);
    if (base > BINOP_POW || base == BINOP_FLOORDIV || base == BINOP_MOD || !complex_get_maybe(rhs, &b)) {
        return VAL_NULL;
    }
    if (BINOP_IS_REFLECTED(op)) {
        cnum_t t = a;
        a = b;
        b = t;
    }
    switch (base) {
        case BINOP_ADD: return complex_new(a.re + b.re, a.im + b.im);
        case BINOP_SUB: return complex_new(a.re - b.re, a.im - b.im);
        case BINOP_MUL: a = product(a, b); break;
        case BINOP_TRUEDIV:
            if (!complex_div(a, b, &a)) {
                raise_msg(&type_ZeroDivisionError, "complex division by zero");
            }
            break;
        default: return complex_pow(a, b);
    }
    return complex_new(a.re, a.im);
}

// The hash of a part: float's, or for a NaN the object's identity.
static uint64_t part_hash(pyfloat_t d, value_t self) {
    return isnan(d) ? (uint64_t)(self >> 4) : (uint64_t)float_hash(d);
}

static value_t complex_unary_op(unop_t op, value_t v) {
    cnum_t z = value_of(v);
    switch (op) {
        case UNOP_POS: return v;
        case UNOP_NEG: return complex_new(-z.re, -z.im);
        case UNOP_BOOL: return VAL_BOOL(z.re != 0 || z.im != 0);
        case UNOP_ABS: {
            pyfloat_t r = FN(hypot)(z.re, z.im);
            if (isinf(r) && isfinite(z.re) && isfinite(z.im)) {
                raise_msg(&type_OverflowError, "absolute value too large");
            }
            return float_new(r);
        }
        case UNOP_HASH: {
            int64_t h = (int64_t)(part_hash(z.re, v) + 1000003u * part_hash(z.im, v));
            return num_hash_value(h == -1 ? -2 : h);
        }
        default: return VAL_NULL;
    }
}

// ---- repr ---------------------------------------------------------------------------

// A part as float's repr without ".0"; the imaginary part with its sign.
static void print_part(const print_t *p, pyfloat_t d, bool sign) {
    char buf[40];
    vstr_t vs = {buf, 0, sizeof(buf) - 1};
    if (sign && !(signbit(d) && !isnan(d))) {
        vstr_add_char(&vs, '+');
    }
    fconv_format(&vs, d, 'r', 0, false, false, false);
    if (vs.len >= 2 && memcmp(vs.buf + vs.len - 2, ".0", 2) == 0) {
        vs.len -= 2;
    }
    print_strn(p, vs.buf, vs.len);
}

static void complex_print(const print_t *p, value_t v, print_kind_t kind) {
    cnum_t z = value_of(v);
    bool bare = z.re == 0 && !signbit(z.re);   // 2j, else (1+2j) or (-0+2j)
    if (!bare) {
        print_strn(p, "(", 1);
        print_part(p, z.re, false);
    }
    print_part(p, z.im, !bare);
    print_strn(p, bare ? "j" : "j)", bare ? 1 : 2);
}

// ---- complex(...) ---------------------------------------------------------------------

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Digits with single '_' between them, as in float literals.
static const char *skip_digits(const char *p, const char *end, bool *any) {
    while (p < end && (is_digit(*p) || (*p == '_' && *any && is_digit(p[-1]) && p + 1 < end && is_digit(p[1])))) {
        *any = true;
        p++;
    }
    return p;
}

// The length of the float literal that starts at s (as float() reads it,
// with its sign; also inf, infinity and nan), 0 if there is none.
static size_t float_prefix(const char *s, const char *end) {
    static const char *const words[] = {"infinity", "inf", "nan"};
    const char *p = s + (s < end && (*s == '+' || *s == '-'));
    for (size_t w = 0; w < 3; w++) {
        size_t n = strlen(words[w]), i = 0;
        while (i < n && p + i < end && (p[i] | 0x20) == words[w][i]) {
            i++;
        }
        if (i == n) {
            return (size_t)(p + n - s);
        }
    }
    bool any = false;
    p = skip_digits(p, end, &any);
    if (p < end && *p == '.') {
        p = skip_digits(p + 1, end, &any);
    }
    if (!any) {
        return 0;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *q = p + 1;
        q += q < end && (*q == '+' || *q == '-');
        bool exp_digits = false;
        q = skip_digits(q, end, &exp_digits);
        if (exp_digits) {
            p = q;
        }
    }
    return (size_t)(p - s);
}

// Reads a float literal at *s if there is one.
static bool take_float(const char **s, const char *end, pyfloat_t *out) {
    size_t n = float_prefix(*s, end);
    double d;
    if (n == 0 || !fconv_parse(*s, n, &d)) {
        return false;
    }
    *out = (pyfloat_t)d;
    *s += n;
    return true;
}

static bool take_char(const char **s, const char *end, char c) {
    if (*s < end && **s == c) {
        (*s)++;
        return true;
    }
    return false;
}

static bool take_j(const char **s, const char *end) {
    return take_char(s, end, 'j') || take_char(s, end, 'J');
}

static const char *skip_spaces(const char *s, const char *end) {
    while (s < end && is_space(*s)) {
        s++;
    }
    return s;
}

// CPython's forms, in parentheses or not, with spaces around: <float>,
// <float>j, <float><signed float>j, and <float><sign>j, <sign>j, j.
static bool parse_complex(const char *s, size_t len, cnum_t *z) {
    const char *end = s + len;
    z->re = z->im = 0;
    s = skip_spaces(s, end);
    bool bracket = take_char(&s, end, '(');
    s = skip_spaces(s, end);
    pyfloat_t x;
    if (take_float(&s, end, &x)) {
        if (s < end && (*s == '+' || *s == '-')) {
            z->re = x;
            if (!take_float(&s, end, &z->im)) {
                z->im = *s++ == '+' ? 1 : -1;
            }
            if (!take_j(&s, end)) {
                return false;
            }
        } else if (take_j(&s, end)) {
            z->im = x;
        } else {
            z->re = x;
        }
    } else {
        z->im = take_char(&s, end, '-') ? -1 : 1;
        if (z->im > 0) {
            take_char(&s, end, '+');
        }
        if (!take_j(&s, end)) {
            return false;
        }
    }
    s = skip_spaces(s, end);
    if (bracket) {
        if (!take_char(&s, end, ')')) {
            return false;
        }
        s = skip_spaces(s, end);
    }
    return s == end;
}

// Underscores, if any, must each be between two digits (CPython checks
// them, and NULs, before it parses, with another message).
static bool underscores_ok(const char *s, size_t len) {
    if (memchr(s, '_', len) == NULL) {
        return true;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] == 0 || (s[i] == '_' && !(i > 0 && is_digit(s[i - 1]) && i + 1 < len && is_digit(s[i + 1])))) {
            return false;
        }
    }
    return true;
}

// A str, or the str inside an instance of a class derived from str.
static const char *text_of(value_t v, size_t *len) {
    const char *s = str_data(v, len);
    value_t native = class_native_value(v);
    return s != NULL || native == VAL_NULL ? s : str_data(native, len);
}

// An argument of complex(): a complex as is, any other number (__float__
// and __index__ too) as its real part. false when v is not a number.
static bool number_of(value_t v, cnum_t *z, bool *is_complex) {
    complex_obj_t *c = obj_native_maybe(v, &type_complex);
    *is_complex = c != NULL;
    if (c != NULL) {
        *z = c->value;
        return true;
    }
    double d;
    if (!value_get_float_maybe(v, &d)) {
        const type_t *t = value_type(v);
        value_t r = t->unary_op ? t->unary_op(UNOP_FLOAT, v) : VAL_NULL;
        if (r == VAL_NULL && t->unary_op) {
            r = t->unary_op(UNOP_INDEX, v);
        }
        if (r == VAL_NULL) {
            return false;
        }
        d = value_get_float(r);
    }
    z->re = (pyfloat_t)d;
    z->im = 0;
    return true;
}

static value_t complex_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args + n_kw > 2) {
        raise_fmt(&type_TypeError, "complex() takes at most 2 arguments (%u given)", (unsigned)(n_args + n_kw));
    }
    value_t arg[2] = {n_args > 0 ? args[0] : VAL_NULL, n_args > 1 ? args[1] : VAL_NULL};
    if (n_kw) {
        static const qstr_t names[] = {Q_real, Q_imag, Q_NULL};
        arg_kw_check_invalid(n_args, n_kw, args, names, "complex");
        for (unsigned i = 0; i < 2; i++) {
            value_t v = arg_kw(n_args, n_kw, args, names[i]);
            if (v != VAL_NULL && arg[i] != VAL_NULL) {
                raise_fmt(&type_TypeError, "argument for complex() given by name ('%q') and position (%u)", names[i],
                          i + 1);
            }
            arg[i] = v != VAL_NULL ? v : arg[i];
        }
    }
    value_t r = arg[0] != VAL_NULL ? arg[0] : SMALL(0), i = arg[1];
    if (OBJ_TYPE_IS(r, &type_complex) && i == VAL_NULL) {
        return r;
    }
    size_t len;
    const char *s = text_of(r, &len);
    cnum_t cr, ci = {0, 0};
    if (s != NULL) {
        if (i != VAL_NULL) {
            raise_msg(&type_TypeError, "complex() can't take second arg if first is a string");
        }
        if (!underscores_ok(s, len)) {
            raise_fmt(&type_ValueError, "could not convert string to complex: %R", r);
        }
        if (!parse_complex(s, len, &cr)) {
            raise_msg(&type_ValueError, "complex() arg is a malformed string");
        }
        return complex_new(cr.re, cr.im);
    }
    if (i != VAL_NULL && text_of(i, &len) != NULL) {
        raise_msg(&type_TypeError, "complex() second arg can't be a string");
    }
    value_t special = call_complex_method(r);
    bool r_complex, i_complex = false;
    if (!number_of(special != VAL_NULL ? special : r, &cr, &r_complex)) {
        raise_fmt(&type_TypeError, "complex() first argument must be a string or a number, not '%q'",
                  value_type_name(r));
    }
    if (i == VAL_NULL) {
        return complex_new(cr.re, cr.im);
    }
    if (!number_of(i, &ci, &i_complex)) {
        raise_fmt(&type_TypeError, "complex() second argument must be a number, not '%q'", value_type_name(i));
    }
    // real + imag * 1j, where either may be complex itself
    if (i_complex) {
        cr.re -= ci.im;
    }
    if (r_complex) {
        ci.re += cr.im;
    }
    return complex_new(cr.re, ci.re);
}

// ---- attributes and methods -----------------------------------------------------------------

static void complex_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    if (name == Q_real) {
        dest[0] = float_new(value_of(self).re);
    } else if (name == Q_imag) {
        dest[0] = float_new(value_of(self).im);
    }
}

static value_t complex_conjugate(size_t n_args, size_t n_kw, const value_t *args) {
    cnum_t z = ((complex_obj_t *)obj_native(args[0], &type_complex))->value;
    return complex_new(z.re, -z.im);
}
static BUILTIN_FN(complex_conjugate_obj, Q_conjugate, 1, 1, false, complex_conjugate);

static value_t complex_complex(size_t n_args, size_t n_kw, const value_t *args) {
    return PTR_VAL(obj_native(args[0], &type_complex));
}
static BUILTIN_FN(complex_complex_obj, Q___complex__, 1, 1, false, complex_complex);

static value_t complex_format_method(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *spec = str_data(args[1], &len);
    if (spec == NULL) {
        raise_fmt(&type_TypeError, "format() argument 2 must be str, not %q", value_type_name(args[1]));
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    format_value(&vs, PTR_VAL(obj_native(args[0], &type_complex)), spec, len);
    return str_from_vstr(&vs);
}
static BUILTIN_FN(complex_format_method_obj, Q___format__, 2, 2, false, complex_format_method);

static const map_entry_t complex_locals_table[] = {
    {QSTR(Q___complex__), PTR_VAL(&complex_complex_obj)},
    {QSTR(Q___format__), PTR_VAL(&complex_format_method_obj)},
    {QSTR(Q_conjugate), PTR_VAL(&complex_conjugate_obj)},
};
static const map_t complex_locals = MAP_ROM(complex_locals_table);

const type_t type_complex = {
    {&type_type},
    .name = Q_complex,
    .flags = TYPE_FLAG_BASETYPE,
    .print = complex_print,
    .make_new = complex_make_new,
    .unary_op = complex_unary_op,
    .binary_op = complex_binary_op,
    .attr = complex_attr,
    .locals = &complex_locals,
};
