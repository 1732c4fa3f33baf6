// SPDX-License-Identifier: MIT
// The uctypes module, as MicroPython's: fields of raw memory (hardware
// registers, binary records in a bytearray) read and written by name,
// following a descriptor.
//
// A descriptor is a dict from field names to a scalar field, an int
// `offset | uctypes.UINT16`, or an aggregate, a tuple whose first item is
// `offset | kind`: (off, {fields}) a nested struct, (off | PTR, type) a
// pointer, (off | ARRAY, n | type) an array of n scalars, (off | ARRAY, n,
// {fields}) an array of structs. The encoding is MicroPython's, so that its
// descriptors work unchanged: the constants are small ints of 31 bits
// carrying a 4-bit scalar type in bits 27..30 (offsets below), or a 2-bit
// aggregate kind in bits 29..30; a bitfield adds its bit position and
// length at BF_POS and BF_LEN.
//
// Nothing can tell whether an address is valid: struct(), bytes_at() and
// bytearray_at() use whatever address they are given, as in MicroPython.
// What is checked is the descriptors (TypeError "syntax error in uctypes
// descriptor") and array indices.
#include <string.h>

#include "code.h"
#include "lib.h"
#include "type.h"

enum {
    T_UINT8, T_INT8, T_UINT16, T_INT16, T_UINT32, T_INT32, T_UINT64, T_INT64,
    T_BFUINT8, T_BFINT8, T_BFUINT16, T_BFINT16, T_BFUINT32, T_BFINT32,
    T_FLOAT32, T_FLOAT64,
};
enum { AGG_STRUCT, AGG_PTR, AGG_ARRAY };
enum { LAYOUT_LITTLE_ENDIAN, LAYOUT_BIG_ENDIAN, LAYOUT_NATIVE };

#define SCALAR_BITS 4
#define AGG_BITS 2
#define BF_POS 17
#define BF_LEN 22

// The constant for a scalar type or an aggregate kind: the type in the top
// bits of a 31-bit signed value (MicroPython's TYPE2SMALLINT).
#define SCALAR_CONST(t) SMALL(((t) < 8 ? (smallint_t)(t) : (smallint_t)(t) - 16) * ((smallint_t)1 << 27))
#define AGG_CONST(k) SMALL(((k) < 2 ? (smallint_t)(k) : (smallint_t)(k) - 4) * ((smallint_t)1 << 29))
// The type (or kind) and the offset packed in a descriptor int.
#define TYPE_OF(v, bits) ((unsigned)((v) >> (31 - (bits))) & ((1u << (bits)) - 1))
#define OFFSET_OF(v, bits) ((size_t)((v) & (((smallint_t)1 << (31 - (bits))) - 1)))

typedef struct uctypes_struct {
    obj_t base;
    value_t desc;        // a dict, or the tuple of a PTR or ARRAY field
    uintptr_t addr;
    int layout;
} uctypes_struct_t;

extern const type_t type_uctypes_struct;

static _Noreturn void syntax_error(void) {
    raise_msg(&type_TypeError, "syntax error in uctypes descriptor");
}

// ---- reading and writing scalars ------------------------------------------------------

// Accesses of one size that the compiler may not assume are to uint8_t
// data only (the memory is anybody's).
typedef uint16_t __attribute__((may_alias)) alias16_t;
typedef uint32_t __attribute__((may_alias)) alias32_t;
typedef uint64_t __attribute__((may_alias)) alias64_t;

// The bytes of a scalar: 1, 2, 4 or 8 (a bitfield's: its container's).
static size_t scalar_size(unsigned t) {
    return t == T_FLOAT32 ? 4 : (size_t)1 << ((t & 7) >> 1);
}

static bool big_endian(int layout) {
    if (layout == LAYOUT_NATIVE) {
        return __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
    }
    return layout != LAYOUT_LITTLE_ENDIAN;
}

// Reads an n-byte unsigned number. In the native layout an aligned field
// is read with one access of its size, as hardware registers need; any
// other is read byte by byte (the chip cannot load a misaligned word).
static uint64_t load(uintptr_t addr, size_t n, int layout) {
    if (layout == LAYOUT_NATIVE && (addr & (n - 1)) == 0) {
        switch (n) {
            case 1: return *(volatile const uint8_t *)addr;
            case 2: return *(volatile const alias16_t *)addr;
            case 4: return *(volatile const alias32_t *)addr;
            default: return *(volatile const alias64_t *)addr;
        }
    }
    const volatile uint8_t *p = (const volatile uint8_t *)addr;
    bool big = big_endian(layout);
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        v = v << 8 | p[big ? i : n - 1 - i];
    }
    return v;
}

static void store(uintptr_t addr, size_t n, int layout, uint64_t v) {
    if (layout == LAYOUT_NATIVE && (addr & (n - 1)) == 0) {
        switch (n) {
            case 1: *(volatile uint8_t *)addr = (uint8_t)v; return;
            case 2: *(volatile alias16_t *)addr = (uint16_t)v; return;
            case 4: *(volatile alias32_t *)addr = (uint32_t)v; return;
            default: *(volatile alias64_t *)addr = v; return;
        }
    }
    volatile uint8_t *p = (volatile uint8_t *)addr;
    bool big = big_endian(layout);
    for (size_t i = 0; i < n; i++) {
        p[big ? n - 1 - i : i] = (uint8_t)v;
        v >>= 8;
    }
}

// The low 64 bits of an int, two's complement (what a field keeps of a
// value too large for it); TypeError for anything but an int.
static uint64_t int_truncated(value_t v) {
    smallint_t s;
    if (value_get_int_maybe(v, &s)) {
        return (uint64_t)(int64_t)s;
    }
    if (!value_is_int(v)) {
        raise_fmt(&type_TypeError, "can't convert %T to int", v);
    }
    value_t low = binary_op(BINOP_AND, v, int_from_ull(UINT64_MAX));
    value_t args[2] = {SMALL(8), QSTR(Q_little)};
    buffer_info_t info;
    obj_get_buffer(call_method(low, Q_to_bytes, 2, args), &info, BUFFER_READ);
    uint64_t r = 0;
    for (size_t i = 8; i-- > 0;) {
        r = r << 8 | ((const uint8_t *)info.buf)[i];
    }
    return r;
}

// A scalar that is not a bitfield, at addr.
static value_t scalar_get(unsigned t, uintptr_t addr, int layout) {
    uint64_t raw = load(addr, scalar_size(t), layout);
    switch (t) {
        case T_INT8: return SMALL((int8_t)raw);
        case T_INT16: return SMALL((int16_t)raw);
        case T_INT32: return int_from_ll((int32_t)raw);
        case T_INT64: return int_from_ll((int64_t)raw);
        case T_FLOAT32: {
            uint32_t bits = (uint32_t)raw;
            float f;
            memcpy(&f, &bits, sizeof(f));
            return float_new(f);
        }
        case T_FLOAT64: {
            double d;
            memcpy(&d, &raw, sizeof(d));
            return float_new(d);
        }
        default: return int_from_ull(raw);
    }
}

static void scalar_set(unsigned t, uintptr_t addr, int layout, value_t value) {
    uint64_t raw;
    if (t == T_FLOAT32) {
        float f = (float)value_get_float(value);
        uint32_t bits;
        memcpy(&bits, &f, sizeof(bits));
        raw = bits;
    } else if (t == T_FLOAT64) {
        double d = value_get_float(value);
        memcpy(&raw, &d, sizeof(raw));
    } else {
        raw = int_truncated(value);
    }
    store(addr, scalar_size(t), layout, raw);
}

static bool is_bitfield(unsigned t) {
    return t >= T_BFUINT8 && t <= T_BFINT32;
}

// A bitfield: `len` bits from bit `pos` of its container, read (value
// VAL_NULL) or written. Signed bitfields read as unsigned, as MicroPython's.
static value_t bitfield_access(smallint_t field, uintptr_t addr, int layout, value_t value) {
    unsigned t = TYPE_OF(field, SCALAR_BITS);
    unsigned pos = (unsigned)(field >> BF_POS) & 31, len = (unsigned)(field >> BF_LEN) & 31;
    size_t size = scalar_size(t);
    addr += OFFSET_OF(field, SCALAR_BITS) & (((size_t)1 << BF_POS) - 1);
    uint64_t container = load(addr, size, layout);
    uint64_t mask = ((uint64_t)1 << len) - 1;
    if (value == VAL_NULL) {
        return int_from_ull((container >> pos) & mask);
    }
    uint64_t bits = (int_truncated(value) & mask) << pos;
    store(addr, size, layout, (container & ~(mask << pos)) | bits);
    return VAL_NONE;
}

// ---- descriptors ------------------------------------------------------------------------

// The fields of a struct descriptor, or NULL when it is not a dict.
static map_t *desc_fields(value_t desc) {
    dict_obj_t *d = obj_native_maybe(desc, &type_dict);
    return d != NULL ? &d->map : NULL;
}

// An aggregate field, checked: (offset | STRUCT, {fields}), (offset | PTR,
// type or desc), (offset | ARRAY, n | type) or (offset | ARRAY, n, desc).
typedef struct agg {
    unsigned kind;
    size_t offset;
    const value_t *items;
    size_t len;
} agg_t;

static void agg_parse(value_t v, agg_t *a) {
    if (!OBJ_TYPE_IS(v, &type_tuple)) {
        syntax_error();
    }
    tuple_obj_t *t = VAL_PTR(v);
    if (t->len < 2 || t->len > 3 || !VAL_IS_SMALL(t->items[0])) {
        syntax_error();
    }
    smallint_t head = SMALL_VALUE(t->items[0]);
    a->kind = TYPE_OF(head, AGG_BITS);
    a->offset = OFFSET_OF(head, AGG_BITS);
    a->items = t->items;
    a->len = t->len;
    bool ok = a->kind == AGG_ARRAY ? VAL_IS_SMALL(t->items[1]) : a->kind <= AGG_PTR && t->len == 2;
    if (!ok) {
        syntax_error();
    }
}

static size_t size_mul(size_t a, size_t b) {
    if (b != 0 && a > SIZE_MAX / b) {
        raise_msg(&type_OverflowError, "uctypes descriptor too large");
    }
    return a * b;
}

static size_t desc_size(value_t desc, int layout, size_t *max_field);

// The bytes of an aggregate; *max_field keeps the largest scalar seen (the
// alignment of the native layout).
static size_t agg_size(const agg_t *a, int layout, size_t *max_field) {
    if (a->kind == AGG_STRUCT) {
        return desc_size(a->items[1], layout, max_field);
    }
    if (a->kind == AGG_PTR) {
        if (sizeof(void *) > *max_field) {
            *max_field = sizeof(void *);
        }
        return sizeof(void *);
    }
    smallint_t n = SMALL_VALUE(a->items[1]);
    size_t item;
    if (a->len == 2) {
        item = scalar_size(TYPE_OF(n, SCALAR_BITS));
        if (item > *max_field) {
            *max_field = item;
        }
    } else {
        item = desc_size(a->items[2], layout, max_field);
    }
    return size_mul(item, OFFSET_OF(n, SCALAR_BITS));
}

// The bytes a descriptor covers: up to the end of its furthest field,
// rounded up to its largest scalar in the native layout.
static size_t desc_size(value_t desc, int layout, size_t *max_field) {
    vm_check_c_stack();   // a descriptor may contain itself
    map_t *fields = desc_fields(desc);
    if (fields == NULL) {
        if (OBJ_TYPE_IS(desc, &type_tuple)) {
            agg_t a;
            agg_parse(desc, &a);
            return agg_size(&a, layout, max_field);
        }
        if (VAL_IS_SMALL(desc)) {
            raise_msg(&type_TypeError, "can't unambiguously get sizeof scalar");
        }
        syntax_error();
    }
    size_t total = 0, pos = 0;
    map_entry_t *e;
    while ((e = map_next(fields, &pos)) != NULL) {
        size_t end;
        if (VAL_IS_SMALL(e->value)) {
            smallint_t f = SMALL_VALUE(e->value);
            unsigned t = TYPE_OF(f, SCALAR_BITS);
            size_t offset = OFFSET_OF(f, SCALAR_BITS), size = scalar_size(t);
            if (is_bitfield(t)) {
                offset &= ((size_t)1 << BF_POS) - 1;
            }
            if (size > *max_field) {
                *max_field = size;
            }
            end = offset + size;
        } else {
            agg_t a;
            agg_parse(e->value, &a);
            end = a.offset + agg_size(&a, layout, max_field);
            if (end < a.offset) {
                raise_msg(&type_OverflowError, "uctypes descriptor too large");
            }
        }
        total = end > total ? end : total;
    }
    if (layout == LAYOUT_NATIVE && *max_field > 1) {
        total = (total + *max_field - 1) & ~(*max_field - 1);
    }
    return total;
}

static size_t desc_size_of(value_t desc, int layout) {
    size_t max_field = 0;
    return desc_size(desc, layout, &max_field);
}

// ---- struct objects -----------------------------------------------------------------------

static value_t struct_new(value_t desc, uintptr_t addr, int layout) {
    uctypes_struct_t *s = gc_alloc(sizeof(uctypes_struct_t), 0);
    s->base.type = &type_uctypes_struct;
    s->desc = desc;
    s->addr = addr;
    s->layout = layout;
    return PTR_VAL(s);
}

// A bytearray over memory it does not own (MicroPython's bytearray "by
// reference"): its bytes are the memory itself. Its alloc is 0: its
// storage is no heap block of its own, and must never be grown or freed.
static value_t bytearray_over(uintptr_t addr, size_t len) {
    bytearray_obj_t *b = gc_alloc(sizeof(bytearray_obj_t), 0);
    b->base.type = &type_bytearray;
    b->len = len;
    b->items = (uint8_t *)addr;
    return PTR_VAL(b);
}

// struct(addr, descriptor[, layout])
static value_t struct_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    arg_check_count(n_args, 2, 3, Q_struct);
    uintptr_t addr = (uintptr_t)int_truncated(args[0]);
    int layout = n_args > 2 ? (int)value_get_int(args[2]) : LAYOUT_NATIVE;
    return struct_new(args[1], addr, layout);
}

static void struct_print(const print_t *p, value_t self, print_kind_t kind) {
    uctypes_struct_t *s = VAL_PTR(self);
    const char *what = "ERROR";
    if (desc_fields(s->desc) != NULL) {
        what = "STRUCT";
    } else if (OBJ_TYPE_IS(s->desc, &type_tuple)) {
        tuple_obj_t *t = VAL_PTR(s->desc);
        unsigned kind = t->len > 0 && VAL_IS_SMALL(t->items[0]) ? TYPE_OF(SMALL_VALUE(t->items[0]), AGG_BITS) : AGG_STRUCT;
        what = kind == AGG_PTR ? "PTR" : kind == AGG_ARRAY ? "ARRAY" : "unk";
    }
    print_fmt(p, "<struct %s 0x%lx>", what, (unsigned long)s->addr);
}

// A field loaded: a number for a scalar, a struct object (or a bytearray
// for an array of UINT8) for an aggregate.
static value_t field_load(uctypes_struct_t *s, value_t field) {
    if (VAL_IS_SMALL(field)) {
        smallint_t f = SMALL_VALUE(field);
        unsigned t = TYPE_OF(f, SCALAR_BITS);
        if (is_bitfield(t)) {
            return bitfield_access(f, s->addr, s->layout, VAL_NULL);
        }
        return scalar_get(t, s->addr + OFFSET_OF(f, SCALAR_BITS), s->layout);
    }
    agg_t a;
    agg_parse(field, &a);
    uintptr_t addr = s->addr + a.offset;
    if (a.kind == AGG_STRUCT) {
        return struct_new(a.items[1], addr, s->layout);
    }
    if (a.kind == AGG_ARRAY && a.len == 2 && TYPE_OF(SMALL_VALUE(a.items[1]), SCALAR_BITS) == T_UINT8) {
        return bytearray_over(addr, desc_size_of(field, s->layout));
    }
    return struct_new(field, addr, s->layout);
}

static void field_store(uctypes_struct_t *s, value_t field, value_t value) {
    if (!VAL_IS_SMALL(field)) {
        syntax_error();   // an aggregate cannot be assigned
    }
    smallint_t f = SMALL_VALUE(field);
    unsigned t = TYPE_OF(f, SCALAR_BITS);
    if (is_bitfield(t)) {
        bitfield_access(f, s->addr, s->layout, value);
    } else {
        scalar_set(t, s->addr + OFFSET_OF(f, SCALAR_BITS), s->layout, value);
    }
}

// Fields are attributes. A name that is not a field raises KeyError, as
// in MicroPython, except special names, which the runtime may look for.
static void struct_attr(value_t self, qstr_t name, value_t *dest) {
    bool storing = dest[0] == VAL_SENTINEL;
    if ((dest[0] != VAL_NULL && !storing) || (storing && dest[1] == VAL_NULL)) {
        return;
    }
    uctypes_struct_t *s = VAL_PTR(self);
    map_t *fields = desc_fields(s->desc);
    value_t field = fields != NULL ? map_get(fields, QSTR(name)) : VAL_NULL;
    if (field == VAL_NULL) {
        if (qstr_is_dunder(name)) {
            return;
        }
        if (fields == NULL) {
            raise_msg(&type_TypeError, "struct: no fields");
        }
        value_t key = QSTR(name);
        raise_obj(exc_new(&type_KeyError, 1, &key));
    }
    if (storing) {
        field_store(s, field, dest[1]);
        dest[0] = VAL_NULL;
    } else {
        dest[0] = field_load(s, field);
    }
}

// Items of an array, or of the memory a pointer points to.
static value_t struct_subscr(value_t self, value_t index, value_t value) {
    uctypes_struct_t *s = VAL_PTR(self);
    if (value == VAL_NULL) {
        return VAL_NULL;
    }
    if (!OBJ_TYPE_IS(s->desc, &type_tuple)) {
        raise_msg(&type_TypeError, "struct: can't index");
    }
    agg_t a;
    agg_parse(s->desc, &a);
    smallint_t i = index_value(index);
    bool loading = value == VAL_SENTINEL;
    if (a.kind == AGG_ARRAY) {
        smallint_t n = SMALL_VALUE(a.items[1]);
        if (i < 0 || (size_t)i >= OFFSET_OF(n, SCALAR_BITS)) {
            raise_msg(&type_IndexError, "struct: index out of range");
        }
        if (a.len == 2) {
            unsigned t = TYPE_OF(n, SCALAR_BITS);
            if (is_bitfield(t)) {
                syntax_error();
            }
            uintptr_t addr = s->addr + (uintptr_t)i * scalar_size(t);
            if (loading) {
                return scalar_get(t, addr, s->layout);
            }
            scalar_set(t, addr, s->layout, value);
            return VAL_NONE;
        }
        if (loading) {
            return struct_new(a.items[2], s->addr + (uintptr_t)i * desc_size_of(a.items[2], s->layout), s->layout);
        }
        return VAL_NULL;
    }
    if (a.kind != AGG_PTR) {
        raise_msg(&type_TypeError, "struct: can't index");
    }
    // A pointer is native (its address is a word of this machine), and so
    // are the scalars it points to, as in MicroPython.
    uintptr_t target = (uintptr_t)load(s->addr, sizeof(void *), LAYOUT_NATIVE);
    if (VAL_IS_SMALL(a.items[1])) {
        unsigned t = TYPE_OF(SMALL_VALUE(a.items[1]), SCALAR_BITS);
        if (is_bitfield(t)) {
            syntax_error();
        }
        uintptr_t addr = target + (uintptr_t)i * scalar_size(t);
        if (loading) {
            return scalar_get(t, addr, LAYOUT_NATIVE);
        }
        scalar_set(t, addr, LAYOUT_NATIVE, value);
        return VAL_NONE;
    }
    if (loading) {
        return struct_new(a.items[1], target + (uintptr_t)i * desc_size_of(a.items[1], s->layout), s->layout);
    }
    return VAL_NULL;
}

// int(p) of a pointer field: the address it holds.
static value_t struct_unary_op(unop_t op, value_t self) {
    uctypes_struct_t *s = VAL_PTR(self);
    if (op != UNOP_INT || !OBJ_TYPE_IS(s->desc, &type_tuple)) {
        return VAL_NULL;
    }
    agg_t a;
    agg_parse(s->desc, &a);
    if (a.kind != AGG_PTR) {
        return VAL_NULL;
    }
    return int_from_uintptr((uintptr_t)load(s->addr, sizeof(void *), LAYOUT_NATIVE));
}

static bool struct_buffer(value_t self, buffer_info_t *info, int flags) {
    uctypes_struct_t *s = VAL_PTR(self);
    info->buf = (void *)s->addr;
    info->len = desc_size_of(s->desc, s->layout);
    info->typecode = 'B';
    return true;
}

const type_t type_uctypes_struct = {
    {&type_type},
    .name = Q_struct,
    .print = struct_print,
    .make_new = struct_make_new,
    .unary_op = struct_unary_op,
    .attr = struct_attr,
    .subscr = struct_subscr,
    .buffer = struct_buffer,
};

// ---- module functions ---------------------------------------------------------------------

// sizeof(struct) or sizeof(descriptor[, layout]); a bytearray's length.
static value_t uctypes_sizeof_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t desc = args[0];
    if (OBJ_TYPE_IS(desc, &type_bytearray)) {
        return obj_len(desc);
    }
    int layout = LAYOUT_NATIVE;
    if (OBJ_TYPE_IS(desc, &type_uctypes_struct)) {
        if (n_args > 1) {
            raise_obj(PTR_VAL(&type_TypeError));
        }
        uctypes_struct_t *s = VAL_PTR(desc);
        desc = s->desc;
        layout = s->layout;
    } else if (n_args > 1) {
        layout = (int)value_get_int(args[1]);
    }
    return int_from_uintptr(desc_size_of(desc, layout));
}
static BUILTIN_FN(uctypes_sizeof_obj, Q_sizeof, 1, 2, false, uctypes_sizeof_fn);

static value_t uctypes_addressof_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t info;
    if (!obj_get_buffer(args[0], &info, BUFFER_READ)) {
        raise_msg(&type_TypeError, "object with buffer protocol required");
    }
    return int_from_uintptr((uintptr_t)info.buf);
}
static BUILTIN_FN(uctypes_addressof_obj, Q_addressof, 1, 1, false, uctypes_addressof_fn);

static size_t size_arg(value_t v) {
    smallint_t n = value_get_int(v);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative size");
    }
    return (size_t)n;
}

// bytes_at(addr, size): a copy of the memory.
static value_t uctypes_bytes_at_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t size = size_arg(args[1]);
    return bytes_new((const uint8_t *)(uintptr_t)int_truncated(args[0]), size);
}
static BUILTIN_FN(uctypes_bytes_at_obj, Q_bytes_at, 2, 2, false, uctypes_bytes_at_fn);

// bytearray_at(addr, size): the memory itself, as a bytearray.
static value_t uctypes_bytearray_at_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t size = size_arg(args[1]);
    return bytearray_over((uintptr_t)int_truncated(args[0]), size);
}
static BUILTIN_FN(uctypes_bytearray_at_obj, Q_bytearray_at, 2, 2, false, uctypes_bytearray_at_fn);

// The C types of this machine, by size (SHORT, INT, LONG, LONGLONG).
#define C_INT_CONST(bytes, is_signed) \
    SCALAR_CONST((bytes) == 2 ? T_UINT16 + (is_signed) : (bytes) == 4 ? T_UINT32 + (is_signed) : T_UINT64 + (is_signed))

static const map_entry_t uctypes_table[] = {
    {QSTR(Q_ARRAY), AGG_CONST(AGG_ARRAY)},
    {QSTR(Q_BFINT16), SCALAR_CONST(T_BFINT16)},
    {QSTR(Q_BFINT32), SCALAR_CONST(T_BFINT32)},
    {QSTR(Q_BFINT8), SCALAR_CONST(T_BFINT8)},
    {QSTR(Q_BFUINT16), SCALAR_CONST(T_BFUINT16)},
    {QSTR(Q_BFUINT32), SCALAR_CONST(T_BFUINT32)},
    {QSTR(Q_BFUINT8), SCALAR_CONST(T_BFUINT8)},
    {QSTR(Q_BF_LEN), SMALL(BF_LEN)},
    {QSTR(Q_BF_POS), SMALL(BF_POS)},
    {QSTR(Q_BIG_ENDIAN), SMALL(LAYOUT_BIG_ENDIAN)},
    {QSTR(Q_FLOAT32), SCALAR_CONST(T_FLOAT32)},
    {QSTR(Q_FLOAT64), SCALAR_CONST(T_FLOAT64)},
    {QSTR(Q_INT), C_INT_CONST(sizeof(int), 1)},
    {QSTR(Q_INT16), SCALAR_CONST(T_INT16)},
    {QSTR(Q_INT32), SCALAR_CONST(T_INT32)},
    {QSTR(Q_INT64), SCALAR_CONST(T_INT64)},
    {QSTR(Q_INT8), SCALAR_CONST(T_INT8)},
    {QSTR(Q_LITTLE_ENDIAN), SMALL(LAYOUT_LITTLE_ENDIAN)},
    {QSTR(Q_LONG), C_INT_CONST(sizeof(long), 1)},
    {QSTR(Q_LONGLONG), C_INT_CONST(sizeof(long long), 1)},
    {QSTR(Q_NATIVE), SMALL(LAYOUT_NATIVE)},
    {QSTR(Q_PTR), AGG_CONST(AGG_PTR)},
    {QSTR(Q_SHORT), C_INT_CONST(sizeof(short), 1)},
    {QSTR(Q_UINT), C_INT_CONST(sizeof(int), 0)},
    {QSTR(Q_UINT16), SCALAR_CONST(T_UINT16)},
    {QSTR(Q_UINT32), SCALAR_CONST(T_UINT32)},
    {QSTR(Q_UINT64), SCALAR_CONST(T_UINT64)},
    {QSTR(Q_UINT8), SCALAR_CONST(T_UINT8)},
    {QSTR(Q_ULONG), C_INT_CONST(sizeof(long), 0)},
    {QSTR(Q_ULONGLONG), C_INT_CONST(sizeof(long long), 0)},
    {QSTR(Q_USHORT), C_INT_CONST(sizeof(short), 0)},
    {QSTR(Q_VOID), SCALAR_CONST(T_UINT8)},
    {QSTR(Q___name__), QSTR(Q_uctypes)},
    {QSTR(Q_addressof), PTR_VAL(&uctypes_addressof_obj)},
    {QSTR(Q_bytearray_at), PTR_VAL(&uctypes_bytearray_at_obj)},
    {QSTR(Q_bytes_at), PTR_VAL(&uctypes_bytes_at_obj)},
    {QSTR(Q_sizeof), PTR_VAL(&uctypes_sizeof_obj)},
    {QSTR(Q_struct), PTR_VAL(&type_uctypes_struct)},
};
MODULE_ROM(uctypes_module, Q_uctypes, uctypes_table);

ESPY_MODULE(uctypes, uctypes_module);
