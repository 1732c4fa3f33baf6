// SPDX-License-Identifier: MIT
// int and bool: the types, their operators and the int entry points.
//
// An int is a small int (an immediate in the value word) when it fits and a
// bigint_t (bigint.c) otherwise; bool's two values are the constants True
// and False, which count as 1 and 0 wherever an int is accepted. Every
// operator tries the small-int case first, with the compiler's overflow
// builtins, and only falls to the big-int code when a result does not fit.
// Mixed int/float operations are computed here by handing both operands to
// float_binop; comparisons between ints and floats are exact.
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "type.h"

// ---- making ints ---------------------------------------------------------------

value_t int_from_intptr(intptr_t i) {
    if (SMALL_FITS(i)) {
        return SMALL(i);
    }
    return int_from_ll(i);
}

value_t int_from_uintptr(uintptr_t u) {
    if (u <= (uintptr_t)SMALL_MAX) {
        return SMALL((smallint_t)u);
    }
    return int_from_ull(u);
}

value_t int_from_ll(long long i) {
    if (i >= SMALL_MIN && i <= SMALL_MAX) {
        return SMALL((smallint_t)i);
    }
    uint64_t m = i < 0 ? -(uint64_t)i : (uint64_t)i;
    bigint_t *b = bigint_alloc(2);
    b->d[0] = (digit_t)m;
    b->d[1] = (digit_t)(m >> 32);
    b->neg = i < 0;
    return bigint_norm(b);
}

value_t int_from_ull(unsigned long long u) {
    if (u <= (unsigned long long)SMALL_MAX) {
        return SMALL((smallint_t)u);
    }
    bigint_t *b = bigint_alloc(2);
    b->d[0] = (digit_t)u;
    b->d[1] = (digit_t)(u >> 32);
    return bigint_norm(b);
}

value_t int_from_double(double d) {
    if (isnan(d)) {
        raise_msg(&type_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(d)) {
        raise_msg(&type_OverflowError, "cannot convert float infinity to integer");
    }
    d = trunc(d);
    if (d >= (double)SMALL_MIN && d < -(double)SMALL_MIN) {
        return SMALL((smallint_t)d);
    }
    return bigint_from_double(d);
}

// ---- reading ints ----------------------------------------------------------------

static inline value_t unbool(value_t v) {
    return v == VAL_TRUE ? SMALL(1) : v == VAL_FALSE ? SMALL(0) : v;
}

bool value_is_int(value_t v) {
    return bigint_is_int(v);
}

bool int_is_negative(value_t v) {
    if (VAL_IS_SMALL(v)) {
        return SMALL_VALUE(v) < 0;
    }
    return VAL_IS_BIGINT(v) && BIGINT(v)->neg;
}

// The value of a user object's __index__ (or __int__) through its type's
// slot; VAL_NULL when it has none.
static value_t slot_unary(unop_t op, value_t v) {
    const type_t *t = value_type(v);
    if (t->unary_op == NULL) {
        return VAL_NULL;
    }
    value_t r = t->unary_op(op, v);
    if (r != VAL_NULL && !bigint_is_int(r)) {
        raise_fmt(&type_TypeError, "%s returned non-int (type %q)",
                  op == UNOP_INDEX ? "__index__" : "__int__", value_type_name(r));
    }
    return r == VAL_NULL ? VAL_NULL : unbool(r);
}

value_t int_index(value_t v) {
    if (bigint_is_int(v)) {
        return unbool(v);
    }
    value_t r = VAL_NULL;
    if (!OBJ_TYPE_IS(v, &type_float) && !value_is_str(v)) {
        r = slot_unary(UNOP_INDEX, v);
    }
    if (r == VAL_NULL) {
        raise_fmt(&type_TypeError, "'%q' object cannot be interpreted as an integer", value_type_name(v));
    }
    return r;
}

value_t int_self(value_t v) {
    if (bigint_is_int(v)) {
        return unbool(v);
    }
    value_t r = class_native_value(v);
    if (r != VAL_NULL && bigint_is_int(r)) {
        return unbool(r);
    }
    r = slot_unary(UNOP_INDEX, v);
    if (r == VAL_NULL) {
        raise_fmt(&type_TypeError, "descriptor requires a 'int' object but received a '%q'",
                  value_type_name(v));
    }
    return r;
}

smallint_t value_get_int(value_t v) {
    v = int_index(v);
    if (VAL_IS_SMALL(v)) {
        return SMALL_VALUE(v);
    }
    long long ll;
    if (bigint_get_ll(v, &ll) && ll >= INTPTR_MIN && ll <= INTPTR_MAX) {
        return (smallint_t)ll;
    }
    raise_msg(&type_OverflowError, "Python int too large to convert to C ssize_t");
}

bool value_get_int_maybe(value_t v, smallint_t *out) {
    if (!VAL_IS_SMALL(v)) {
        v = value_native_number(v);
    }
    if (VAL_IS_SMALL(v)) {
        *out = SMALL_VALUE(v);
        return true;
    }
    if (VAL_IS_BOOL(v)) {
        *out = v == VAL_TRUE;
        return true;
    }
    long long ll;
    if (VAL_IS_BIGINT(v) && bigint_get_ll(v, &ll) && ll >= INTPTR_MIN && ll <= INTPTR_MAX) {
        *out = (smallint_t)ll;
        return true;
    }
    return false;
}

double int_as_double(value_t v) {
    v = unbool(v);
    if (VAL_IS_SMALL(v)) {
        return (double)(pyfloat_t)SMALL_VALUE(v);
    }
    double d = bigint_to_double(v);
    if (isinf(d)) {
        raise_msg(&type_OverflowError, "int too large to convert to float");
    }
    return d;
}

// CPython 3.11 refuses decimal conversions of ints above 4300 digits
// (sys.get_int_max_str_digits()), and so does espy, to behave the same.
#define INT_MAX_STR_DIGITS 4300

static void check_str_digits(value_t v, size_t ndigits) {
    if (ndigits > INT_MAX_STR_DIGITS || bigint_bitlen(v) > INT_MAX_STR_DIGITS * 3322 / 1000 + 8) {
        raise_fmt(&type_ValueError, "Exceeds the limit (%d digits) for integer string conversion; "
                  "use sys.set_int_max_str_digits() to increase the limit", INT_MAX_STR_DIGITS);
    }
}

void int_format_digits(vstr_t *out, value_t v, int base, bool upper) {
    v = unbool(v);
    if (!VAL_IS_SMALL(v)) {
        size_t start = out->len;
        if (base == 10) {
            check_str_digits(v, 0);
        }
        bigint_format(out, v, base, upper);
        if (base == 10) {
            check_str_digits(SMALL(0), out->len - start);
        }
        return;
    }
    smallint_t i = SMALL_VALUE(v);
    uintptr_t u = i < 0 ? -(uintptr_t)i : (uintptr_t)i;
    char buf[70];
    int k = sizeof(buf);
    const char *chars = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    do {
        buf[--k] = chars[u % (uintptr_t)base];
        u /= (uintptr_t)base;
    } while (u);
    vstr_add_strn(out, buf + k, sizeof(buf) - (size_t)k);
}

// ---- parsing -----------------------------------------------------------------------

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_of(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// Parses; VAL_NULL on a syntax error.
static value_t parse_int(const char *s, size_t len, int base) {
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
    bool prefixed = false;
    if (end - s >= 2 && s[0] == '0') {
        char p = (char)(s[1] | 0x20);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            s += 2;
            prefixed = true;
        }
    }
    bool literal_zero_rule = false;
    if (base == 0) {
        base = 10;
        literal_zero_rule = true;   // "010" is not allowed, "000" is
    }
    char stackbuf[64];
    size_t n = (size_t)(end - s);
    char *clean = n <= sizeof(stackbuf) ? stackbuf : gc_alloc(n, GC_LEAF);
    size_t nd = 0;
    char prev = prefixed ? '_' : 0;   // an '_' may follow the prefix
    bool prev_digit = prefixed;
    for (const char *p = s; p < end; p++) {
        char c = *p;
        if (c == '_') {
            if (!prev_digit || p + 1 >= end || digit_of(p[1]) >= base) {
                return VAL_NULL;
            }
            prev_digit = false;
            continue;
        }
        if (digit_of(c) >= base) {
            return VAL_NULL;
        }
        clean[nd++] = c;
        prev_digit = true;
        (void)prev;
    }
    if (nd == 0) {
        return VAL_NULL;
    }
    if (literal_zero_rule && clean[0] == '0') {
        for (size_t i = 0; i < nd; i++) {
            if (clean[i] != '0') {
                return VAL_NULL;
            }
        }
    }
    if (nd <= 12 || (base <= 10 && nd <= 18)) {
        long long v = 0;
        for (size_t i = 0; i < nd; i++) {
            v = v * base + digit_of(clean[i]);
        }
        return int_from_ll(neg ? -v : v);
    }
    if ((base & (base - 1)) != 0 && nd > INT_MAX_STR_DIGITS) {
        raise_fmt(&type_ValueError, "Exceeds the limit (%d digits) for integer string conversion: "
                  "value has %u digits; use sys.set_int_max_str_digits() to increase the limit",
                  INT_MAX_STR_DIGITS, (unsigned)nd);
    }
    // skip leading zeros
    size_t i = 0;
    while (i + 1 < nd && clean[i] == '0') {
        i++;
    }
    return bigint_from_digits(clean + i, nd - i, base, neg);
}

static _Noreturn void invalid_literal(value_t orig, int base) {
    raise_fmt(&type_ValueError, "invalid literal for int() with base %d: %R", base, orig);
}

value_t int_from_str(const char *s, size_t len, int base) {
    value_t r = parse_int(s, len, base);
    if (r == VAL_NULL) {
        invalid_literal(str_new(s, len), base);
    }
    return r;
}

// The text of a str, bytes or bytearray (NULL if v is none of those).
static const char *text_of(value_t v, size_t *len) {
    const char *s = str_data(v, len);
    if (s) {
        return s;
    }
    if (OBJ_TYPE_IS(v, &type_bytes)) {
        bytes_obj_t *b = VAL_PTR(v);
        *len = b->len;
        return b->data;
    }
    if (OBJ_TYPE_IS(v, &type_bytearray)) {
        bytearray_obj_t *b = VAL_PTR(v);
        *len = b->len;
        return (const char *)b->items;
    }
    return NULL;
}

// ---- operators ----------------------------------------------------------------------

value_t num_cmp_result(binop_t op, int c) {
    if (c == 2) {
        return VAL_BOOL(op == BINOP_NE);
    }
    switch (op) {
        case BINOP_LT: return VAL_BOOL(c < 0);
        case BINOP_GT: return VAL_BOOL(c > 0);
        case BINOP_EQ: return VAL_BOOL(c == 0);
        case BINOP_NE: return VAL_BOOL(c != 0);
        case BINOP_LE: return VAL_BOOL(c <= 0);
        case BINOP_GE: return VAL_BOOL(c >= 0);
        default: return VAL_NULL;
    }
}

value_t int_floor_divmod_small(smallint_t a, smallint_t b, bool want_mod) {
    if (b == 0) {
        raise_msg(&type_ZeroDivisionError, want_mod ? "integer modulo by zero" : "integer division or modulo by zero");
    }
    smallint_t q = a / b, r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        q -= 1;
        r += b;
    }
    return want_mod ? SMALL(r) : int_from_intptr(q);
}

#if ESPY_FLOAT_IS_DOUBLE
#define EXACT_FLOAT_INT ((long long)1 << 53)
#else
#define EXACT_FLOAT_INT ((long long)1 << 24)
#endif

static inline bool within(long long x, long long limit) {
    return x <= limit && x >= -limit;
}

static value_t shift_count_error(void) {
    raise_msg(&type_ValueError, "negative shift count");
}

static double truediv_checked(value_t a, value_t b) {
    double d = bigint_truediv(a, b);
    if (isinf(d)) {
        raise_msg(&type_OverflowError, "integer division result too large for a float");
    }
    return d;
}

static value_t big_binary_op(binop_t op, value_t a, value_t b) {
    switch (op) {
        case BINOP_ADD: return bigint_add(a, b);
        case BINOP_SUB: return bigint_sub(a, b);
        case BINOP_MUL: return bigint_mul(a, b);
        case BINOP_FLOORDIV:
        case BINOP_MOD: {
            if (bigint_sign(b) == 0) {
                raise_msg(&type_ZeroDivisionError, op == BINOP_MOD ? "integer modulo by zero" : "integer division or modulo by zero");
            }
            value_t r;
            if (op == BINOP_MOD) {
                bigint_divmod(a, b, NULL, &r);
            } else {
                bigint_divmod(a, b, &r, NULL);
            }
            return r;
        }
        case BINOP_TRUEDIV:
            if (bigint_sign(b) == 0) {
                raise_msg(&type_ZeroDivisionError, "division by zero");
            }
            return float_new(truediv_checked(a, b));
        case BINOP_POW:
            if (bigint_sign(b) < 0) {
                return float_binop(BINOP_POW, int_as_double(a), int_as_double(b));
            }
            if (!VAL_IS_SMALL(b)) {
                if (a == SMALL(0) || a == SMALL(1)) {
                    return a;
                }
                if (a == SMALL(-1)) {
                    return bigint_bitop(BINOP_AND, b, SMALL(1)) == SMALL(1) ? a : SMALL(1);
                }
                raise_msg(&type_MemoryError, "exponent too large");
            }
            return bigint_pow(a, b);
        case BINOP_AND:
        case BINOP_OR:
        case BINOP_XOR:
            return bigint_bitop(op, a, b);
        case BINOP_LSHIFT:
        case BINOP_RSHIFT: {
            int s = bigint_sign(b);
            if (s < 0) {
                shift_count_error();
            }
            if (bigint_sign(a) == 0) {
                return SMALL(0);
            }
            if (!VAL_IS_SMALL(b) || SMALL_VALUE(b) > (smallint_t)0x3fffffff) {
                if (op == BINOP_RSHIFT) {
                    return bigint_sign(a) < 0 ? SMALL(-1) : SMALL(0);
                }
                raise_msg(&type_OverflowError, "too many digits in integer");
            }
            size_t n = (size_t)SMALL_VALUE(b);
            return op == BINOP_LSHIFT ? bigint_lshift(a, n) : bigint_rshift(a, n);
        }
        case BINOP_LT: case BINOP_GT: case BINOP_EQ: case BINOP_NE: case BINOP_LE: case BINOP_GE:
            return num_cmp_result(op, bigint_cmp(a, b));
        default:
            return VAL_NULL;
    }
}

value_t int_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (BINOP_IS_INPLACE(op)) {
        op = (binop_t)(op - BINOP_INPLACE_FIRST);
    } else if (BINOP_IS_REFLECTED(op)) {
        op = (binop_t)(op - BINOP_REFLECTED_FIRST);
        value_t t = lhs;
        lhs = rhs;
        rhs = t;
    }
    lhs = unbool(lhs);
    rhs = unbool(rhs);
    if (VAL_IS_SMALL(lhs) && VAL_IS_SMALL(rhs)) {
        smallint_t a = SMALL_VALUE(lhs), b = SMALL_VALUE(rhs), r;
        switch (op) {
            case BINOP_ADD: return int_from_intptr(a + b);
            case BINOP_SUB: return int_from_intptr(a - b);
            case BINOP_MUL:
                if (__builtin_mul_overflow(a, b, &r)) {
                    break;
                }
                return int_from_intptr(r);
            case BINOP_FLOORDIV: return int_floor_divmod_small(a, b, false);
            case BINOP_MOD: return int_floor_divmod_small(a, b, true);
            case BINOP_TRUEDIV:
                if (b == 0) {
                    raise_msg(&type_ZeroDivisionError, "division by zero");
                }
                if (within(a, EXACT_FLOAT_INT) && within(b, EXACT_FLOAT_INT)) {
                    return float_new((pyfloat_t)a / (pyfloat_t)b);
                }
                return float_new(truediv_checked(lhs, rhs));
            case BINOP_POW: {
                if (b < 0) {
                    return float_binop(BINOP_POW, int_as_double(lhs), int_as_double(rhs));
                }
                smallint_t base = a, acc = 1;
                smallint_t e = b;
                bool ovf = false;
                while (e > 0) {
                    if (e & 1) {
                        ovf |= __builtin_mul_overflow(acc, base, &acc);
                    }
                    e >>= 1;
                    if (e) {
                        ovf |= __builtin_mul_overflow(base, base, &base);
                    }
                    if (ovf) {
                        break;
                    }
                }
                if (!ovf) {
                    return int_from_intptr(acc);
                }
                break;
            }
            case BINOP_AND: return SMALL(a & b);
            case BINOP_OR: return SMALL(a | b);
            case BINOP_XOR: return SMALL(a ^ b);
            case BINOP_LSHIFT:
                if (b < 0) {
                    shift_count_error();
                }
                if (b < (smallint_t)(sizeof(smallint_t) * 8 - 1)) {
                    r = (smallint_t)((uintptr_t)a << b);
                    if ((r >> b) == a && SMALL_FITS(r)) {
                        return SMALL(r);
                    }
                }
                if (a == 0) {
                    return SMALL(0);
                }
                break;
            case BINOP_RSHIFT:
                if (b < 0) {
                    shift_count_error();
                }
                if (b >= (smallint_t)(sizeof(smallint_t) * 8)) {
                    return SMALL(a < 0 ? -1 : 0);
                }
                return SMALL(a >> b);
            case BINOP_LT: return VAL_BOOL(a < b);
            case BINOP_GT: return VAL_BOOL(a > b);
            case BINOP_EQ: return VAL_BOOL(a == b);
            case BINOP_NE: return VAL_BOOL(a != b);
            case BINOP_LE: return VAL_BOOL(a <= b);
            case BINOP_GE: return VAL_BOOL(a >= b);
            default: return VAL_NULL;
        }
    }
    return big_binary_op(op, lhs, rhs);
}

int int_float_cmp(value_t i, double f) {
    if (isnan(f)) {
        return 2;
    }
    if (isinf(f)) {
        return f > 0 ? -1 : 1;
    }
    i = unbool(i);
    if (VAL_IS_SMALL(i)) {
        smallint_t a = SMALL_VALUE(i);
        if (within(a, (long long)1 << 53)) {
            double d = (double)a;
            return d < f ? -1 : d > f ? 1 : 0;
        }
    }
    double fl = floor(f);
    int c = bigint_cmp(i, int_from_double(fl));
    if (c != 0) {
        return c;
    }
    return f > fl ? -1 : 0;
}

// The binary_op slot of int: the other operand may be an int, a bool or a float.
static value_t int_binary_op_slot(binop_t op, value_t lhs, value_t rhs) {
    if (bigint_is_int(rhs)) {
        return int_binary_op(op, lhs, rhs);
    }
    if (OBJ_TYPE_IS(rhs, &type_float)) {
        double f = float_value(rhs);
        if (op >= BINOP_COMPARE_FIRST) {
            return num_cmp_result(op, int_float_cmp(lhs, f));
        }
        binop_t base = (binop_t)BINOP_BASE(op);
        double a = int_as_double(lhs);
        return BINOP_IS_REFLECTED(op) ? float_binop(base, f, a) : float_binop(base, a, f);
    }
    return VAL_NULL;
}

value_t num_hash_value(int64_t h) {
    if (h >= SMALL_MIN && h <= SMALL_MAX) {
        return SMALL((smallint_t)h);
    }
    uint64_t u = (uint64_t)h;
    return SMALL((smallint_t)((u ^ (u >> 32)) & (uint64_t)SMALL_MAX));
}

static value_t int_unary_op(unop_t op, value_t v) {
    v = unbool(v);
    if (VAL_IS_SMALL(v)) {
        smallint_t a = SMALL_VALUE(v);
        switch (op) {
            case UNOP_POS: case UNOP_INT: case UNOP_INDEX: return v;
            case UNOP_NEG: return int_from_intptr(-a);
            case UNOP_INVERT: return SMALL(~a);
            case UNOP_BOOL: return VAL_BOOL(a != 0);
            case UNOP_ABS: return int_from_intptr(a < 0 ? -a : a);
            case UNOP_FLOAT: return float_new(int_as_double(v));
            case UNOP_HASH: {
                int64_t h = a;
                if (h >= (int64_t)(((uint64_t)1 << 61) - 1) || h <= -(int64_t)(((uint64_t)1 << 61) - 1)) {
                    h = bigint_hash(v);
                }
                return num_hash_value(h == -1 ? -2 : h);
            }
            default: return VAL_NULL;
        }
    }
    switch (op) {
        case UNOP_POS: case UNOP_INT: case UNOP_INDEX: return v;
        case UNOP_NEG: return bigint_neg(v);
        case UNOP_INVERT: return bigint_sub(bigint_neg(v), SMALL(1));
        case UNOP_BOOL: return VAL_TRUE;
        case UNOP_ABS: return bigint_abs(v);
        case UNOP_FLOAT: return float_new(int_as_double(v));
        case UNOP_HASH: return num_hash_value(bigint_hash(v));
        default: return VAL_NULL;
    }
}

// ---- the types ---------------------------------------------------------------------

static void int_print(const print_t *p, value_t v, print_kind_t kind) {
    v = unbool(v);
    if (VAL_IS_SMALL(v)) {
        char buf[24];
        int k = sizeof(buf);
        smallint_t i = SMALL_VALUE(v);
        uintptr_t u = i < 0 ? -(uintptr_t)i : (uintptr_t)i;
        do {
            buf[--k] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (i < 0) {
            buf[--k] = '-';
        }
        print_strn(p, buf + k, sizeof(buf) - (size_t)k);
        return;
    }
    vstr_t vs;
    vstr_init(&vs, bigint_bitlen(v) / 3 + 4);
    if (BIGINT(v)->neg) {
        vstr_add_char(&vs, '-');
    }
    int_format_digits(&vs, v, 10, false);
    print_strn(p, vs.buf, vs.len);
}

static value_t int_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    value_t base_v = arg_kw(n_args, n_kw, args, Q_base);
    if (n_kw > (base_v ? 1u : 0u)) {
        static const qstr_t allowed[] = {Q_base, Q_NULL};
        arg_kw_check_invalid(n_args, n_kw, args, allowed, "int");
    }
    if (n_args > 2 || (n_args == 2 && base_v)) {
        raise_fmt(&type_TypeError, "int() takes at most 2 arguments (%u given)", (unsigned)(n_args + n_kw));
    }
    if (n_args == 2) {
        base_v = args[1];
    }
    if (n_args == 0) {
        if (base_v) {
            raise_msg(&type_TypeError, "int() missing string argument");
        }
        return SMALL(0);
    }
    value_t x = args[0];
    size_t len;
    const char *s;
    if (base_v) {
        smallint_t base = value_get_int(base_v);
        if (base != 0 && (base < 2 || base > 36)) {
            raise_msg(&type_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        s = text_of(x, &len);
        if (s == NULL) {
            raise_msg(&type_TypeError, "int() can't convert non-string with explicit base");
        }
        value_t r = parse_int(s, len, (int)base);
        if (r == VAL_NULL) {
            invalid_literal(x, (int)base);
        }
        return r;
    }
    if (bigint_is_int(x)) {
        return unbool(x);
    }
    if (OBJ_TYPE_IS(x, &type_float)) {
        return int_from_double(float_value(x));
    }
    s = text_of(x, &len);
    if (s) {
        value_t r = parse_int(s, len, 10);
        if (r == VAL_NULL) {
            invalid_literal(x, 10);
        }
        return r;
    }
    value_t r = slot_unary(UNOP_INT, x);
    if (r == VAL_NULL) {
        r = slot_unary(UNOP_INDEX, x);
    }
    if (r == VAL_NULL) {
        raise_fmt(&type_TypeError, "int() argument must be a string, a bytes-like object or a real number, not '%q'",
                  value_type_name(x));
    }
    return r;
}

static void int_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    if (name == Q_real || name == Q_numerator) {
        dest[0] = unbool(self);
    } else if (name == Q_imag) {
        dest[0] = SMALL(0);
    } else if (name == Q_denominator) {
        dest[0] = SMALL(1);
    }
}

// ---- methods ------------------------------------------------------------------------

static value_t int_bit_length(size_t n_args, size_t n_kw, const value_t *args) {
    value_t v = int_self(args[0]);
    if (VAL_IS_SMALL(v)) {
        smallint_t a = SMALL_VALUE(v);
        uintptr_t u = a < 0 ? -(uintptr_t)a : (uintptr_t)a;
        return SMALL(u ? 64 - __builtin_clzll((unsigned long long)u) : 0);
    }
    return int_from_uintptr(bigint_bitlen(v));
}
static BUILTIN_FN(int_bit_length_obj, Q_bit_length, 1, 1, false, int_bit_length);

static value_t int_bit_count(size_t n_args, size_t n_kw, const value_t *args) {
    value_t v = int_self(args[0]);
    if (VAL_IS_SMALL(v)) {
        smallint_t a = SMALL_VALUE(v);
        uintptr_t u = a < 0 ? -(uintptr_t)a : (uintptr_t)a;
        return SMALL(__builtin_popcountll((unsigned long long)u));
    }
    vstr_t vs;
    vstr_init(&vs, bigint_bitlen(v) + 1);
    bigint_format(&vs, v, 2, false);
    smallint_t c = 0;
    for (size_t i = 0; i < vs.len; i++) {
        c += vs.buf[i] == '1';
    }
    return SMALL(c);
}
static BUILTIN_FN(int_bit_count_obj, Q_bit_count, 1, 1, false, int_bit_count);

static value_t int_conjugate(size_t n_args, size_t n_kw, const value_t *args) {
    return int_self(args[0]);
}
static BUILTIN_FN(int_conjugate_obj, Q_conjugate, 1, 1, false, int_conjugate);

static value_t int_as_integer_ratio(size_t n_args, size_t n_kw, const value_t *args) {
    value_t items[2] = {int_self(args[0]), SMALL(1)};
    return tuple_new(2, items);
}
static BUILTIN_FN(int_as_integer_ratio_obj, Q_as_integer_ratio, 1, 1, false, int_as_integer_ratio);

static bool byteorder_little(value_t v) {
    if (v == VAL_NULL) {
        return false;
    }
    size_t len;
    const char *s = str_data(v, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "to_bytes() argument 'byteorder' must be str, not %q", value_type_name(v));
    }
    if (len == 3 && memcmp(s, "big", 3) == 0) {
        return false;
    }
    if (len == 6 && memcmp(s, "little", 6) == 0) {
        return true;
    }
    raise_msg(&type_ValueError, "byteorder must be either 'little' or 'big'");
}

// Positional-or-keyword argument i (0 = first after self) named name.
static value_t arg_at(size_t n_args, size_t n_kw, const value_t *args, size_t i, qstr_t name) {
    if (1 + i < n_args) {
        return args[1 + i];
    }
    return n_kw ? arg_kw(n_args, n_kw, args, name) : VAL_NULL;
}

static value_t int_to_bytes(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_length, Q_byteorder, Q_signed, Q_NULL};
    if (n_kw) {
        arg_kw_check_invalid(n_args, n_kw, args, allowed, "to_bytes");
    }
    value_t v = int_self(args[0]);
    value_t lv = arg_at(n_args, n_kw, args, 0, Q_length);
    bool little = byteorder_little(arg_at(n_args, n_kw, args, 1, Q_byteorder));
    value_t sv = n_kw ? arg_kw(n_args, n_kw, args, Q_signed) : VAL_NULL;
    bool is_signed = sv != VAL_NULL && obj_is_true(sv);
    smallint_t length = lv ? value_get_int(lv) : 1;
    if (length < 0) {
        raise_msg(&type_ValueError, "length argument must be non-negative");
    }
    if (!is_signed && int_is_negative(v)) {
        raise_msg(&type_OverflowError, "can't convert negative int to unsigned");
    }
    uint8_t *buf = gc_alloc((size_t)length + 1, GC_LEAF);
    if (!bigint_to_bytes(v, buf, (size_t)length, little, is_signed)) {
        raise_msg(&type_OverflowError, "int too big to convert");
    }
    return bytes_new(buf, (size_t)length);
}
static BUILTIN_FN(int_to_bytes_obj, Q_to_bytes, 1, 3, true, int_to_bytes);

// int.from_bytes(bytes, byteorder='big', *, signed=False): args[0] is the class.
static value_t int_from_bytes(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_bytes, Q_byteorder, Q_signed, Q_NULL};
    if (n_kw) {
        arg_kw_check_invalid(n_args, n_kw, args, allowed, "from_bytes");
    }
    value_t src = arg_at(n_args, n_kw, args, 0, Q_bytes);
    if (src == VAL_NULL) {
        raise_msg(&type_TypeError, "from_bytes() missing required argument 'bytes' (pos 1)");
    }
    bool little = byteorder_little(arg_at(n_args, n_kw, args, 1, Q_byteorder));
    value_t sv = n_kw ? arg_kw(n_args, n_kw, args, Q_signed) : VAL_NULL;
    bool is_signed = sv != VAL_NULL && obj_is_true(sv);
    buffer_info_t info;
    const uint8_t *data;
    size_t len;
    if (obj_get_buffer(src, &info, BUFFER_READ)) {
        data = info.buf;
        len = info.len;
    } else {
        value_t list = list_new(0, NULL);
        list_extend_from_iter(list, src);
        value_t *items = seq_items(list, &len);
        uint8_t *buf = gc_alloc(len + 1, GC_LEAF);
        for (size_t i = 0; i < len; i++) {
            smallint_t b = value_get_int(items[i]);
            if (b < 0 || b > 255) {
                raise_msg(&type_ValueError, "bytes must be in range(0, 256)");
            }
            buf[i] = (uint8_t)b;
        }
        data = buf;
    }
    value_t r = bigint_from_bytes(data, len, little, is_signed);
    value_t cls = args[0];
    if (cls == PTR_VAL(&type_bool)) {
        return VAL_BOOL(r != SMALL(0));
    }
    if (cls != PTR_VAL(&type_int) && VAL_IS_OBJ(cls)) {
        return call_function_1(cls, r);
    }
    return r;
}
BUILTIN_FN(int_from_bytes_obj, Q_from_bytes, 1, 3, true, int_from_bytes);
static const classmethod_obj_t int_from_bytes_classmethod = {{&type_classmethod}, PTR_VAL(&int_from_bytes_obj)};

static value_t int_format_method(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *spec = str_data(args[1], &len);
    if (spec == NULL) {
        raise_fmt(&type_TypeError, "format() argument 2 must be str, not %q", value_type_name(args[1]));
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    format_value(&vs, int_self(args[0]), spec, len);
    return str_from_vstr(&vs);
}
static BUILTIN_FN(int_format_method_obj, Q___format__, 2, 2, false, int_format_method);

static const map_entry_t int_locals_table[] = {
    {QSTR(Q___format__), PTR_VAL(&int_format_method_obj)},
    {QSTR(Q_bit_length), PTR_VAL(&int_bit_length_obj)},
    {QSTR(Q_bit_count), PTR_VAL(&int_bit_count_obj)},
    {QSTR(Q_to_bytes), PTR_VAL(&int_to_bytes_obj)},
    {QSTR(Q_from_bytes), PTR_VAL(&int_from_bytes_classmethod)},
    {QSTR(Q_conjugate), PTR_VAL(&int_conjugate_obj)},
    {QSTR(Q_as_integer_ratio), PTR_VAL(&int_as_integer_ratio_obj)},
};
static const map_t int_locals = MAP_ROM(int_locals_table);

const type_t type_int = {
    {&type_type},
    .name = Q_int,
    .flags = TYPE_FLAG_BASETYPE,
    .print = int_print,
    .make_new = int_make_new,
    .unary_op = int_unary_op,
    .binary_op = int_binary_op_slot,
    .attr = int_attr,
    .locals = &int_locals,
};

// ---- bool ------------------------------------------------------------------------------

static void bool_print(const print_t *p, value_t v, print_kind_t kind) {
    if (v == VAL_TRUE) {
        print_strn(p, "True", 4);
    } else {
        print_strn(p, "False", 5);
    }
}

static value_t bool_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "bool() takes no keyword arguments");
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "bool expected at most 1 argument, got %u", (unsigned)n_args);
    }
    return n_args == 0 ? VAL_FALSE : VAL_BOOL(obj_is_true(args[0]));
}

static value_t bool_unary_op(unop_t op, value_t v) {
    if (op == UNOP_BOOL) {
        return v;
    }
    return int_unary_op(op, v);
}

static value_t bool_binary_op(binop_t op, value_t lhs, value_t rhs) {
    binop_t base = op < BINOP_COMPARE_FIRST ? (binop_t)BINOP_BASE(op) : op;
    if (VAL_IS_BOOL(rhs) && (base == BINOP_AND || base == BINOP_OR || base == BINOP_XOR)) {
        bool a = lhs == VAL_TRUE, b = rhs == VAL_TRUE;
        return VAL_BOOL(base == BINOP_AND ? (a & b) : base == BINOP_OR ? (a | b) : (a ^ b));
    }
    return int_binary_op_slot(op, unbool(lhs), rhs);
}

const type_t type_bool = {
    {&type_type},
    .name = Q_bool,
    .print = bool_print,
    .make_new = bool_make_new,
    .unary_op = bool_unary_op,
    .binary_op = bool_binary_op,
    .attr = int_attr,
    .parent = &type_int,
};
