// SPDX-License-Identifier: MIT
// The struct module: pack, unpack, unpack_from, pack_into and calcsize over
// CPython's format language: a byte order ('@' native sizes and alignment,
// '=' '<' '>' '!' standard sizes, no alignment), then items of an optional
// count and one of x c b B ? h H i I l L q Q e f d s P, with whitespace
// between items.
//
// Errors have CPython's messages. CPython raises them as struct.error;
// MicroPython has no such class and raises ValueError, and so does espy.
// As MicroPython's, unpack accepts a buffer longer than the format (CPython
// wants the exact size).
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "bigint.h"
#include "lib.h"
#include "strimpl.h"

#define NATIVE_LITTLE (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
// Where a C type sits after a char in a struct: its alignment, as CPython
// computes it for the native formats.
#define ALIGN_OF(t) offsetof(struct { char c; t x; }, x)

static _Noreturn void struct_error(const char *msg) {
    raise_msg(&type_ValueError, msg);
}

// ---- the format ------------------------------------------------------------------

typedef struct format {
    const char *p, *end;
    bool native;      // '@': native sizes and alignment
    bool little;      // byte order
} format_t;

typedef struct item {
    char code;
    size_t count;     // the repeat count; the length for 's'
    size_t size;      // bytes of one element
    size_t align;     // alignment before the item (1: none)
} item_t;

static void format_init(format_t *f, value_t fmt) {
    size_t len;
    f->p = str_data(fmt, &len);
    if (f->p == NULL) {
        buffer_info_t info;
        if (!value_is_bytes(fmt) || !obj_get_buffer(fmt, &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "Struct() argument 1 must be a str or bytes object, not %T", fmt);
        }
        f->p = info.buf;
        len = info.len;
    }
    f->end = f->p + len;
    // The byte order, if given: '@' (the default) and '=' are the machine's.
    char order = f->p < f->end ? *f->p : 0;
    if (order == '@' || order == '=' || order == '<' || order == '>' || order == '!') {
        f->p++;
    } else {
        order = '@';
    }
    f->native = order == '@';
    f->little = order == '<' || ((order == '@' || order == '=') && NATIVE_LITTLE);
}

// The format characters: the size of an element with standard sizes (0:
// native mode only), and its size and alignment in native mode.
static const struct {
    char code;
    uint8_t size, native_size, native_align;
} codes[] = {
    {'x', 1, 1, 1},
    {'c', 1, 1, 1},
    {'b', 1, 1, 1},
    {'B', 1, 1, 1},
    {'?', 1, 1, 1},
    {'s', 1, 1, 1},
    {'h', 2, sizeof(short), ALIGN_OF(short)},
    {'H', 2, sizeof(short), ALIGN_OF(short)},
    {'e', 2, 2, ALIGN_OF(short)},
    {'i', 4, sizeof(int), ALIGN_OF(int)},
    {'I', 4, sizeof(int), ALIGN_OF(int)},
    {'l', 4, sizeof(long), ALIGN_OF(long)},
    {'L', 4, sizeof(long), ALIGN_OF(long)},
    {'q', 8, sizeof(long long), ALIGN_OF(long long)},
    {'Q', 8, sizeof(long long), ALIGN_OF(long long)},
    {'f', 4, sizeof(float), ALIGN_OF(float)},
    {'d', 8, sizeof(double), ALIGN_OF(double)},
    {'P', 0, sizeof(void *), ALIGN_OF(void *)},
};

// The size and alignment of one element of code; false for a code the
// format's mode does not have.
static bool element_size(char code, bool native, size_t *size, size_t *align) {
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        if (codes[i].code == code) {
            *size = native ? codes[i].native_size : codes[i].size;
            *align = native ? codes[i].native_align : 1;
            return *size != 0;
        }
    }
    return false;
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// The next item of the format; false at its end.
static bool format_next(format_t *f, item_t *it) {
    while (f->p < f->end && is_space(*f->p)) {
        f->p++;
    }
    if (f->p == f->end) {
        return false;
    }
    it->count = 1;
    if (*f->p >= '0' && *f->p <= '9') {
        size_t n = 0;
        for (; f->p < f->end && *f->p >= '0' && *f->p <= '9'; f->p++) {
            if (n > (SIZE_MAX - 9) / 10) {
                struct_error("total struct size too long");
            }
            n = n * 10 + (size_t)(*f->p - '0');
        }
        if (f->p == f->end) {
            struct_error("repeat count given without format specifier");
        }
        it->count = n;
    }
    it->code = *f->p++;
    if (!element_size(it->code, f->native, &it->size, &it->align)) {
        struct_error("bad char in struct format");
    }
    return true;
}

// Values an item takes from the arguments: 's' one, 'x' none.
static size_t item_values(const item_t *it) {
    return it->code == 's' ? 1 : it->code == 'x' ? 0 : it->count;
}

// The offset of an item that starts at offset, after alignment.
static size_t aligned(size_t offset, size_t align) {
    return (offset + align - 1) / align * align;
}

// The total size of the format, and the number of values it packs.
static size_t format_size(value_t fmt, size_t *values) {
    format_t f;
    format_init(&f, fmt);
    item_t it;
    size_t size = 0, n = 0;
    while (format_next(&f, &it)) {
        size = aligned(size, it.align);
        if (it.count > (SIZE_MAX / 2 - size) / it.size) {
            struct_error("total struct size too long");
        }
        size += it.count * it.size;
        n += item_values(&it);
    }
    *values = n;
    return size;
}

// ---- integers ----------------------------------------------------------------------

static void store(uint8_t *p, uint64_t u, size_t size, bool little) {
    for (size_t i = 0; i < size; i++) {
        p[little ? i : size - 1 - i] = (uint8_t)(u >> (8 * i));
    }
}

static uint64_t load(const uint8_t *p, size_t size, bool little) {
    uint64_t u = 0;
    for (size_t i = 0; i < size; i++) {
        u |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
    }
    return u;
}

// The int value of an argument: an int, or an object with __index__.
static value_t int_value(value_t v) {
    if (value_is_int(v)) {
        return int_index(v);
    }
    value_t dest[2];
    if (VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP) && obj_load_method_maybe(v, Q___index__, dest)) {
        return int_index(v);
    }
    struct_error("required argument is not an integer");
}

static _Noreturn void format_range_error(char code, size_t size, long long lo, unsigned long long hi) {
    static const char *const names[] = {"byte", "ubyte", "short", "ushort"};
    if (size <= 2) {
        raise_fmt(&type_ValueError, "%s format requires %ld <= number <= %lu",
                  names[(size - 1) * 2 + (code == 'B' || code == 'H')], (long)lo, (unsigned long)hi);
    }
    raise_fmt(&type_ValueError, "'%c' format requires %ld <= number <= %lu", code, (long)lo, (unsigned long)hi);
}

// An integer argument as the 64 bits to store, checked with CPython's two
// kinds of message: out of the range of the C conversion (an unsigned
// long for I L Q P, a long for the others; 64 bits), then of the format.
static uint64_t int_bits(value_t v, char code, size_t size) {
    v = int_value(v);
    bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q';
    bool as_unsigned = !is_signed && size >= 4;
    long long ll = 0;
    uint64_t u;
    if (VAL_IS_SMALL(v) || bigint_get_ll(v, &ll)) {
        ll = VAL_IS_SMALL(v) ? SMALL_VALUE(v) : ll;
        if (as_unsigned && ll < 0) {
            struct_error("argument out of range");
        }
        u = (uint64_t)ll;
    } else {
        // Beyond a long long: only an unsigned conversion below 2**64 fits.
        uint8_t raw[8];
        if (!as_unsigned || int_is_negative(v) || !bigint_to_bytes(v, raw, 8, true, false)) {
            struct_error("argument out of range");
        }
        u = load(raw, 8, true);
    }
    if (size == 8) {
        return u;
    }
    unsigned bits = (unsigned)(8 * size);
    if (is_signed) {
        long long lo = -(1ll << (bits - 1)), hi = (1ll << (bits - 1)) - 1;
        if (ll < lo || ll > hi) {
            format_range_error(code, size, lo, (unsigned long long)hi);
        }
    } else if (u > (1ull << bits) - 1) {
        format_range_error(code, size, 0, (1ull << bits) - 1);
    }
    return u;
}

// ---- floats ----------------------------------------------------------------------------

// IEEE half precision ('e'), rounded half to even, as CPython's
// PyFloat_Pack2.
static uint16_t half_from_double(double x) {
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        return sign | 0x7e00;
    }
    if (isinf(x)) {
        return sign | 0x7c00;
    }
    x = fabs(x);
    if (x == 0) {
        return sign;
    }
    int e;
    double f = frexp(x, &e) * 2;   // x = f * 2**(e - 1), 1 <= f < 2
    e--;
    if (e >= 16) {
        raise_msg(&type_OverflowError, "float too large to pack with e format");
    }
    if (e < -25) {
        f = 0;
        e = 0;
    } else if (e < -14) {
        f = ldexp(f, 14 + e);   // a subnormal
        e = 0;
    } else {
        e += 15;
        f -= 1;
    }
    f *= 1024;
    unsigned bits = (unsigned)f;
    if (f - bits > 0.5 || (f - bits == 0.5 && (bits & 1))) {
        if (++bits == 1024) {
            bits = 0;
            if (++e == 31) {
                raise_msg(&type_OverflowError, "float too large to pack with e format");
            }
        }
    }
    return (uint16_t)(sign | (unsigned)e << 10 | bits);
}

static double half_to_double(uint16_t h) {
    int e = (h >> 10) & 0x1f;
    unsigned frac = h & 0x3ff;
    double x;
    if (e == 0x1f) {
        x = frac == 0 ? INFINITY : NAN;
    } else if (e == 0) {
        x = ldexp(frac, -24);
    } else {
        x = ldexp(frac + 1024, e - 25);
    }
    return (h & 0x8000) ? -x : x;
}

// A float argument: a number, or an object with __float__ or __index__.
static double float_arg(value_t v) {
    if (OBJ_TYPE_IS(v, &type_float)) {
        return float_value(v);
    }
    if (value_is_int(v)) {
        double d = bigint_to_double(int_index(v));
        if (isinf(d)) {
            struct_error("required argument is not a float");
        }
        return d;
    }
    if (VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP)) {
        return value_get_float(v);
    }
    struct_error("required argument is not a float");
}

static uint64_t float_bits(value_t v, char code) {
    double d = float_arg(v);
    if (code == 'e') {
        return half_from_double(d);
    }
    if (code == 'f') {
        union {
            float f;
            uint32_t u;
        } b = {(float)d};
        if (isinf(b.f) && !isinf(d)) {
            raise_msg(&type_OverflowError, "float too large to pack with f format");
        }
        return b.u;
    }
    union {
        double d;
        uint64_t u;
    } b = {d};
    return b.u;
}

static value_t float_of_bits(uint64_t u, char code) {
    if (code == 'e') {
        return float_new(half_to_double((uint16_t)u));
    }
    if (code == 'f') {
        union {
            uint32_t u;
            float f;
        } b = {(uint32_t)u};
        return float_new(b.f);
    }
    union {
        uint64_t u;
        double d;
    } b = {u};
    return float_new(b.d);
}

// ---- packing and unpacking ------------------------------------------------------------

// Packs the values into buf, which has room for the format's size and is
// zeroed (the pad bytes stay zero).
static void pack_values(value_t fmt, uint8_t *buf, const value_t *values) {
    format_t f;
    format_init(&f, fmt);
    item_t it;
    size_t offset = 0;
    while (format_next(&f, &it)) {
        offset = aligned(offset, it.align);
        uint8_t *p = buf + offset;
        offset += it.count * it.size;
        if (it.code == 'x') {
            continue;
        }
        if (it.code == 's') {
            value_t v = *values++;
            buffer_info_t info;
            if (!(value_is_bytes(v) || OBJ_TYPE_IS(v, &type_bytearray)) || !obj_get_buffer(v, &info, BUFFER_READ)) {
                struct_error("argument for 's' must be a bytes object");
            }
            memcpy(p, info.buf, info.len < it.count ? info.len : it.count);
            continue;
        }
        for (size_t i = 0; i < it.count; i++, p += it.size) {
            value_t v = *values++;
            buffer_info_t info;
            switch (it.code) {
                case 'c':
                    if (!value_is_bytes(v) || !obj_get_buffer(v, &info, BUFFER_READ) || info.len != 1) {
                        struct_error("char format requires a bytes object of length 1");
                    }
                    *p = *(uint8_t *)info.buf;
                    break;
                case '?':
                    *p = obj_is_true(v);
                    break;
                case 'e':
                case 'f':
                case 'd':
                    store(p, float_bits(v, it.code), it.size, f.little);
                    break;
                default:
                    store(p, int_bits(v, it.code, it.size), it.size, f.little);
                    break;
            }
        }
    }
}

// The values of the format read from buf (at least the format's size).
static value_t unpack_values(value_t fmt, const uint8_t *buf, size_t n_values) {
    value_t result = tuple_new(n_values, NULL);
    value_t *out = ((tuple_obj_t *)VAL_PTR(result))->items;
    format_t f;
    format_init(&f, fmt);
    item_t it;
    size_t offset = 0;
    while (format_next(&f, &it)) {
        offset = aligned(offset, it.align);
        const uint8_t *p = buf + offset;
        offset += it.count * it.size;
        if (it.code == 'x') {
            continue;
        }
        if (it.code == 's') {
            *out++ = bytes_new(p, it.count);
            continue;
        }
        for (size_t i = 0; i < it.count; i++, p += it.size) {
            uint64_t u = load(p, it.size, f.little);
            switch (it.code) {
                case 'c': *out++ = bytes_new(p, 1); break;
                case '?': *out++ = VAL_BOOL(*p != 0); break;
                case 'e':
                case 'f':
                case 'd': *out++ = float_of_bits(u, it.code); break;
                case 'b': case 'h': case 'i': case 'l': case 'q': {
                    // sign-extend from the item's width
                    unsigned shift = (unsigned)(64 - 8 * it.size);
                    *out++ = int_from_ll((long long)(u << shift) >> shift);
                    break;
                }
                default: *out++ = int_from_ull(u); break;
            }
        }
    }
    return result;
}

static void check_count(const char *fn, size_t expected, size_t got) {
    if (expected != got) {
        raise_fmt(&type_ValueError, "%s expected %u items for packing (got %u)", fn, (unsigned)expected,
                  (unsigned)got);
    }
}

// ---- the functions ---------------------------------------------------------------------

static value_t struct_calcsize(size_t n_args, size_t n_kw, const value_t *args) {
    size_t n;
    return int_from_uintptr(format_size(args[0], &n));
}
static BUILTIN_FN(struct_calcsize_obj, Q_calcsize, 1, 1, false, struct_calcsize);

static value_t struct_pack(size_t n_args, size_t n_kw, const value_t *args) {
    size_t n;
    size_t size = format_size(args[0], &n);
    check_count("pack", n, n_args - 1);
    vstr_t vs;
    vstr_init(&vs, size);
    memset(vstr_extend(&vs, size), 0, size);
    pack_values(args[0], (uint8_t *)vs.buf, args + 1);
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(struct_pack_obj, Q_pack, 1, ARGS_MAX, false, struct_pack);

static void read_buffer(value_t v, buffer_info_t *info) {
    if (!obj_get_buffer(v, info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", v);
    }
}

static value_t struct_unpack(size_t n_args, size_t n_kw, const value_t *args) {
    size_t n;
    size_t size = format_size(args[0], &n);
    buffer_info_t info;
    read_buffer(args[1], &info);
    if (info.len < size) {
        raise_fmt(&type_ValueError, "unpack requires a buffer of %u bytes", (unsigned)size);
    }
    return unpack_values(args[0], info.buf, n);
}
static BUILTIN_FN(struct_unpack_obj, Q_unpack, 2, 2, false, struct_unpack);

// unpack_from(fmt, buffer, offset=0): a negative offset counts from the end.
static value_t struct_unpack_from(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_offset, Q_NULL};
    arg_kw_check_invalid(n_args, n_kw, args, allowed, "unpack_from");
    value_t offset_arg = n_args > 2 ? args[2] : arg_kw(n_args, n_kw, args, Q_offset);
    size_t n;
    size_t size = format_size(args[0], &n);
    buffer_info_t info;
    read_buffer(args[1], &info);
    smallint_t given = offset_arg == VAL_NULL ? 0 : value_get_int(offset_arg), offset = given;
    if (offset < 0) {
        if (offset + (smallint_t)info.len < 0) {
            raise_fmt(&type_ValueError, "offset %d out of range for %u-byte buffer", (int)offset, (unsigned)info.len);
        }
        offset += (smallint_t)info.len;
    }
    if ((size_t)offset > info.len || info.len - (size_t)offset < size) {
        if (given < 0) {
            raise_fmt(&type_ValueError, "not enough data to unpack %u bytes at offset %d", (unsigned)size, (int)given);
        }
        raise_fmt(&type_ValueError,
                  "unpack_from requires a buffer of at least %u bytes for unpacking %u bytes at offset %u "
                  "(actual buffer size is %u)",
                  (unsigned)(size + (size_t)offset), (unsigned)size, (unsigned)offset, (unsigned)info.len);
    }
    return unpack_values(args[0], (const uint8_t *)info.buf + offset, n);
}
static BUILTIN_FN(struct_unpack_from_obj, Q_unpack_from, 2, 3, true, struct_unpack_from);

// pack_into(fmt, buffer, offset, *values)
static value_t struct_pack_into(size_t n_args, size_t n_kw, const value_t *args) {
    size_t n;
    size_t size = format_size(args[0], &n);
    check_count("pack_into", n, n_args - 3);
    buffer_info_t info;
    if (!obj_get_buffer(args[1], &info, BUFFER_WRITE)) {
        raise_fmt(&type_TypeError, "argument must be read-write bytes-like object, not %T", args[1]);
    }
    smallint_t offset = value_get_int(args[2]);
    if (offset < 0) {
        if (offset + (smallint_t)size > 0) {
            raise_fmt(&type_ValueError, "no space to pack %u bytes at offset %d", (unsigned)size, (int)offset);
        }
        if (offset + (smallint_t)info.len < 0) {
            raise_fmt(&type_ValueError, "offset %d out of range for %u-byte buffer", (int)offset,
                      (unsigned)info.len);
        }
        offset += (smallint_t)info.len;
    }
    if ((size_t)offset > info.len || info.len - (size_t)offset < size) {
        raise_fmt(&type_ValueError,
                  "pack_into requires a buffer of at least %u bytes for packing %u bytes at offset %u "
                  "(actual buffer size is %u)",
                  (unsigned)(size + (size_t)offset), (unsigned)size, (unsigned)offset, (unsigned)info.len);
    }
    uint8_t *p = (uint8_t *)info.buf + offset;
    memset(p, 0, size);
    pack_values(args[0], p, args + 3);
    return VAL_NONE;
}
static BUILTIN_FN(struct_pack_into_obj, Q_pack_into, 3, ARGS_MAX, false, struct_pack_into);

static const map_entry_t struct_table[] = {
    {QSTR(Q___name__), QSTR(Q_struct)},
    {QSTR(Q_calcsize), PTR_VAL(&struct_calcsize_obj)},
    {QSTR(Q_pack), PTR_VAL(&struct_pack_obj)},
    {QSTR(Q_pack_into), PTR_VAL(&struct_pack_into_obj)},
    {QSTR(Q_unpack), PTR_VAL(&struct_unpack_obj)},
    {QSTR(Q_unpack_from), PTR_VAL(&struct_unpack_from_obj)},
};
MODULE_ROM(struct_module, Q_struct, struct_table);
ESPY_MODULE(struct, struct_module);
ESPY_MODULE(ustruct, struct_module);
