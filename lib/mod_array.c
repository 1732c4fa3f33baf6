// SPDX-License-Identifier: MIT
// The array module (also importable as uarray): compact arrays of C
// numbers, with the type codes b B h H i I l L q Q f d and the sizes of the
// target's C types (on the chip 'l' is 4 bytes, on the 64-bit host 8, as
// MicroPython and CPython have them).
//
// The API is CPython's where it is cheap (slicing with steps, slice
// assignment, +, *, comparisons, pop, insert, remove, index, count,
// reverse, tobytes, frombytes, tolist), and an array is a buffer: bytes(a),
// memoryview(a), struct and file writes read its memory directly.
// Storing an int that does not fit keeps its low bits, as MicroPython
// does (CPython raises OverflowError); storing a non-int into an integer
// array is a TypeError.
#include <string.h>

#include "lib.h"
#include "unicode.h"

typedef struct array_obj {
    obj_t base;
    uint8_t typecode;
    uint8_t itemsize;
    size_t len, alloc;     // items
    uint8_t *items;        // a GC_LEAF block
} array_obj_t;

extern const type_t type_array;

static const char typecodes[] = "bBhHiIlLqQfd";

static size_t size_of(char code) {
    switch (code) {
        case 'b': case 'B': return 1;
        case 'h': case 'H': return sizeof(short);
        case 'i': case 'I': return sizeof(int);
        case 'l': case 'L': return sizeof(long);
        case 'q': case 'Q': return sizeof(long long);
        case 'f': return sizeof(float);
        default: return sizeof(double);
    }
}

static array_obj_t *as_array(value_t v) {
    return obj_native(v, &type_array);
}

// The low 64 bits of an int (two's complement), for any size of int.
static uint64_t int_low_bits(value_t v) {
    if (VAL_IS_SMALL(v)) {
        return (uint64_t)(int64_t)SMALL_VALUE(v);
    }
    if (VAL_IS_BOOL(v)) {
        return v == VAL_TRUE;
    }
    uint64_t bits = 0;
    for (int shift = 0; shift < 64; shift += 16) {
        value_t chunk = int_binary_op(BINOP_AND, v, SMALL(0xFFFF));
        bits |= (uint64_t)SMALL_VALUE(chunk) << shift;
        v = int_binary_op(BINOP_RSHIFT, v, SMALL(16));
    }
    return bits;
}

static value_t get_item(const array_obj_t *a, size_t i) {
    const uint8_t *p = a->items + i * a->itemsize;
    switch (a->typecode) {
        case 'b': return SMALL(*(const int8_t *)p);
        case 'B': return SMALL(*p);
        case 'h': { short v; memcpy(&v, p, sizeof(v)); return SMALL(v); }
        case 'H': { unsigned short v; memcpy(&v, p, sizeof(v)); return SMALL(v); }
        case 'i': { int v; memcpy(&v, p, sizeof(v)); return int_from_intptr(v); }
        case 'I': { unsigned v; memcpy(&v, p, sizeof(v)); return int_from_uintptr(v); }
        case 'l': { long v; memcpy(&v, p, sizeof(v)); return int_from_ll(v); }
        case 'L': { unsigned long v; memcpy(&v, p, sizeof(v)); return int_from_ull(v); }
        case 'q': { long long v; memcpy(&v, p, sizeof(v)); return int_from_ll(v); }
        case 'Q': { unsigned long long v; memcpy(&v, p, sizeof(v)); return int_from_ull(v); }
        case 'f': { float v; memcpy(&v, p, sizeof(v)); return float_new(v); }
        default: { double v; memcpy(&v, p, sizeof(v)); return float_new(v); }
    }
}

static void set_item(array_obj_t *a, size_t i, value_t value) {
    uint8_t *p = a->items + i * a->itemsize;
    if (a->typecode == 'f' || a->typecode == 'd') {
        double d;
        if (!value_get_float_maybe(value, &d)) {
            raise_fmt(&type_TypeError, "must be real number, not %T", value);
        }
        if (a->typecode == 'f') {
            float f = (float)d;
            memcpy(p, &f, sizeof(f));
        } else {
            memcpy(p, &d, sizeof(d));
        }
        return;
    }
    if (!value_is_int(value)) {
        raise_fmt(&type_TypeError, "'%T' object cannot be interpreted as an integer", value);
    }
    uint64_t bits = int_low_bits(value);
    switch (a->itemsize) {
        case 1: *p = (uint8_t)bits; break;
        case 2: { uint16_t v = (uint16_t)bits; memcpy(p, &v, 2); break; }
        case 4: { uint32_t v = (uint32_t)bits; memcpy(p, &v, 4); break; }
        default: memcpy(p, &bits, 8); break;
    }
}

static void reserve(array_obj_t *a, size_t extra) {
    if (a->len + extra <= a->alloc) {
        return;
    }
    size_t need = a->len + extra;
    if (need < extra || need > SIZE_MAX / 2 / a->itemsize) {
        raise_msg(&type_MemoryError, "array too large");
    }
    size_t alloc = a->alloc * 2 > need ? a->alloc * 2 : need;
    uint8_t *items = gc_alloc(alloc * a->itemsize, GC_LEAF);
    if (a->len > 0) {
        memcpy(items, a->items, a->len * a->itemsize);
    }
    a->items = items;
    a->alloc = alloc;
}

static void append(array_obj_t *a, value_t v) {
    reserve(a, 1);
    set_item(a, a->len, v);
    a->len++;
}

static array_obj_t *array_new(char typecode, size_t n) {
    array_obj_t *a = gc_alloc(sizeof(array_obj_t), 0);
    a->base.type = &type_array;
    a->typecode = (uint8_t)typecode;
    a->itemsize = (uint8_t)size_of(typecode);
    reserve(a, n);
    return a;
}

// Appends the bytes of a buffer, which must be whole items.
static void add_bytes(array_obj_t *a, const uint8_t *data, size_t len) {
    if (len % a->itemsize != 0) {
        raise_msg(&type_ValueError, "bytes length not a multiple of item size");
    }
    reserve(a, len / a->itemsize);
    memmove(a->items + a->len * a->itemsize, data, len);
    a->len += len / a->itemsize;
}

static void extend(array_obj_t *a, value_t iterable) {
    array_obj_t *other = obj_native_maybe(iterable, &type_array);
    if (other != NULL) {
        if (other->typecode != a->typecode) {
            raise_msg(&type_TypeError, "can only extend with array of same kind");
        }
        add_bytes(a, other->items, other->len * other->itemsize);
        return;
    }
    value_t it = obj_getiter(iterable), v;
    while ((v = obj_iternext(it)) != VAL_STOP) {
        append(a, v);
    }
}

static value_t array_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "array.array() takes no keyword arguments");
    }
    if (n_args < 1) {
        raise_msg(&type_TypeError, "array() takes at least 1 argument (0 given)");
    }
    if (n_args > 2) {
        raise_fmt(&type_TypeError, "array() takes at most 2 arguments (%u given)", (unsigned)n_args);
    }
    size_t len;
    const char *code = str_data(args[0], &len);
    if (code == NULL || utf8_charlen(code, len) != 1) {
        raise_fmt(&type_TypeError, "array() argument 1 must be a unicode character, not %T", args[0]);
    }
    if (strchr(typecodes, code[0]) == NULL || code[0] == '\0') {
        raise_msg(&type_ValueError, "bad typecode");
    }
    array_obj_t *a = array_new(code[0], 0);
    if (n_args > 1) {
        // bytes-like: the items' memory; anything else (another array
        // included): the values of its items
        value_t init = args[1];
        buffer_info_t info;
        if (value_is_str(init)) {
            raise_fmt(&type_TypeError, "cannot use a str to initialize an array with typecode '%c'", code[0]);
        }
        if (!obj_native_maybe(init, &type_array) && obj_get_buffer(init, &info, BUFFER_READ)) {
            add_bytes(a, info.buf, info.len);
        } else {
            value_t it = obj_getiter(init), v;
            while ((v = obj_iternext(it)) != VAL_STOP) {
                append(a, v);
            }
        }
    }
    return PTR_VAL(a);
}

static void array_print(const print_t *p, value_t self, print_kind_t kind) {
    array_obj_t *a = VAL_PTR(self);
    print_fmt(p, "array('%c'", a->typecode);
    if (a->len > 0) {
        print_str(p, ", [");
        for (size_t i = 0; i < a->len; i++) {
            print_fmt(p, "%s%R", i > 0 ? ", " : "", get_item(a, i));
        }
        print_str(p, "]");
    }
    print_str(p, ")");
}

static value_t to_list(const array_obj_t *a) {
    value_t l = list_new(a->len, NULL);
    for (size_t i = 0; i < a->len; i++) {
        ((list_obj_t *)VAL_PTR(l))->items[i] = get_item(a, i);
    }
    return l;
}

static value_t array_unary_op(unop_t op, value_t self) {
    array_obj_t *a = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(a->len != 0);
        case UNOP_LEN:
            return SMALL(a->len);
        case UNOP_HASH:
            raise_msg(&type_TypeError, "unhashable type: 'array.array'");
        default:
            return VAL_NULL;
    }
}

static value_t concat(const array_obj_t *a, value_t rhs) {
    array_obj_t *b = obj_native_maybe(rhs, &type_array);
    if (b == NULL) {
        raise_fmt(&type_TypeError, "can only append array (not \"%T\") to array", rhs);
    }
    if (b->typecode != a->typecode) {
        raise_msg(&type_TypeError, "bad argument type for built-in operation");
    }
    array_obj_t *r = array_new((char)a->typecode, a->len + b->len);
    add_bytes(r, a->items, a->len * a->itemsize);
    add_bytes(r, b->items, b->len * b->itemsize);
    return PTR_VAL(r);
}

static value_t array_binary_op(binop_t op, value_t lhs, value_t rhs) {
    array_obj_t *a = VAL_PTR(lhs);
    switch (op) {
        case BINOP_ADD:
            return concat(a, rhs);
        case BINOP_INPLACE_ADD: {
            array_obj_t *b = obj_native_maybe(rhs, &type_array);
            if (b == NULL) {
                raise_fmt(&type_TypeError, "can only extend array with array (not \"%T\")", rhs);
            }
            extend(a, rhs);
            return lhs;
        }
        case BINOP_MUL:
        case BINOP_REFLECTED_MUL:
        case BINOP_INPLACE_MUL: {
            if (!value_is_int(rhs)) {
                return VAL_NULL;
            }
            smallint_t n = value_get_int(rhs);
            size_t times = n < 0 ? 0 : (size_t)n;
            if (times > 0 && a->len > SIZE_MAX / 2 / a->itemsize / times) {
                raise_msg(&type_MemoryError, "array too large");
            }
            size_t bytes = a->len * a->itemsize;
            array_obj_t *r = op == BINOP_INPLACE_MUL ? a : array_new((char)a->typecode, 0);
            uint8_t *src = a->items;
            size_t len = a->len;
            if (r == a) {
                a->len = 0;
            }
            reserve(r, len * times);
            for (size_t i = 0; i < times; i++) {
                memmove(r->items + i * bytes, src, bytes);
            }
            r->len = len * times;
            return PTR_VAL(r);
        }
        case BINOP_CONTAINS:
            for (size_t i = 0; i < a->len; i++) {
                if (obj_equal(get_item(a, i), rhs)) {
                    return VAL_TRUE;
                }
            }
            return VAL_FALSE;
        case BINOP_LT:
        case BINOP_LE:
        case BINOP_GT:
        case BINOP_GE:
        case BINOP_EQ:
        case BINOP_NE: {
            array_obj_t *b = obj_native_maybe(rhs, &type_array);
            if (b == NULL) {
                return VAL_NULL;
            }
            return seq_compare(op, to_list(a), to_list(b));
        }
        default:
            return VAL_NULL;
    }
}

// a[slice] = array of the same type code (the lengths may differ when the step is 1).
static void assign_slice(array_obj_t *a, value_t slice, value_t value) {
    array_obj_t *v = obj_native_maybe(value, &type_array);
    if (v == NULL) {
        raise_fmt(&type_TypeError, "can only assign array (not \"%T\") to array slice", value);
    }
    if (v->typecode != a->typecode) {
        raise_msg(&type_TypeError, "bad argument type for built-in operation");
    }
    smallint_t start, stop, step;
    slice_indices(slice, a->len, &start, &stop, &step);
    size_t n = slice_length(start, stop, step), size = a->itemsize;
    if (step == 1) {
        // copy the new items first: value may be a itself
        size_t vbytes = v->len * size;
        uint8_t *copy = gc_alloc(vbytes + 1, GC_LEAF);
        memcpy(copy, v->items, vbytes);
        size_t vlen = v->len;
        if (vlen > n) {
            reserve(a, vlen - n);
        }
        memmove(a->items + (start + vlen) * size, a->items + (start + n) * size, (a->len - start - n) * size);
        memcpy(a->items + start * size, copy, vbytes);
        a->len = a->len - n + vlen;
        return;
    }
    if (v->len != n) {
        raise_fmt(&type_ValueError, "attempt to assign array of size %u to extended slice of size %u",
                  (unsigned)v->len, (unsigned)n);
    }
    for (size_t i = 0; i < n; i++, start += step) {
        memmove(a->items + start * size, v->items + i * size, size);
    }
}

static void delete_items(array_obj_t *a, size_t at, size_t n) {
    size_t size = a->itemsize;
    memmove(a->items + at * size, a->items + (at + n) * size, (a->len - at - n) * size);
    a->len -= n;
}

static value_t array_subscr(value_t self, value_t index, value_t value) {
    array_obj_t *a = VAL_PTR(self);
    if (!OBJ_TYPE_IS(index, &type_slice)) {
        if (!value_is_int(index)) {
            raise_msg(&type_TypeError, "array indices must be integers");
        }
        size_t i = seq_index(index, a->len, "array");
        if (value == VAL_SENTINEL) {
            return get_item(a, i);
        }
        if (value == VAL_NULL) {
            delete_items(a, i, 1);
        } else {
            set_item(a, i, value);
        }
        return VAL_NONE;
    }
    if (value != VAL_SENTINEL && value != VAL_NULL) {
        assign_slice(a, index, value);
        return VAL_NONE;
    }
    smallint_t start, stop, step;
    slice_indices(index, a->len, &start, &stop, &step);
    size_t n = slice_length(start, stop, step);
    if (value == VAL_NULL) {
        // del a[slice]: from the highest index down, so the others stay put
        smallint_t last = start + (smallint_t)(n > 0 ? n - 1 : 0) * step;
        for (size_t i = 0; i < n; i++) {
            delete_items(a, (size_t)(step > 0 ? last - (smallint_t)i * step : start + (smallint_t)i * step), 1);
        }
        return VAL_NONE;
    }
    array_obj_t *r = array_new((char)a->typecode, n);
    for (size_t i = 0; i < n; i++, start += step) {
        memcpy(r->items + i * a->itemsize, a->items + (size_t)start * a->itemsize, a->itemsize);
    }
    r->len = n;
    return PTR_VAL(r);
}

typedef struct array_iter {
    obj_t base;
    array_obj_t *array;
    size_t pos;
} array_iter_t;

static value_t array_iter_next(value_t self) {
    array_iter_t *it = VAL_PTR(self);
    if (it->pos >= it->array->len) {
        return VAL_STOP;
    }
    return get_item(it->array, it->pos++);
}

static const type_t type_array_iterator = {
    {&type_type},
    .name = Q_arrayiterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = array_iter_next,
};

static value_t array_getiter(value_t self) {
    array_iter_t *it = gc_alloc(sizeof(array_iter_t), 0);
    it->base.type = &type_array_iterator;
    it->array = VAL_PTR(self);
    return PTR_VAL(it);
}

static bool array_buffer(value_t self, buffer_info_t *info, int flags) {
    array_obj_t *a = VAL_PTR(self);
    info->buf = a->items;
    info->len = a->len * a->itemsize;
    info->typecode = a->typecode;
    return true;
}

static void array_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    array_obj_t *a = VAL_PTR(self);
    if (name == Q_typecode) {
        char c = (char)a->typecode;
        dest[0] = str_new(&c, 1);
    } else if (name == Q_itemsize) {
        dest[0] = SMALL(a->itemsize);
    }
}

static value_t array_append_fn(size_t n_args, size_t n_kw, const value_t *args) {
    append(as_array(args[0]), args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(array_append_obj, Q_append, 2, 2, false, array_append_fn);

static value_t array_extend_fn(size_t n_args, size_t n_kw, const value_t *args) {
    extend(as_array(args[0]), args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(array_extend_obj, Q_extend, 2, 2, false, array_extend_fn);

static value_t array_insert_fn(size_t n_args, size_t n_kw, const value_t *args) {
    array_obj_t *a = as_array(args[0]);
    size_t at = (size_t)slice_clamp_index(args[1], a->len);
    append(a, args[2]);    // checks the value and makes room
    size_t size = a->itemsize;
    uint8_t item[8];
    memcpy(item, a->items + (a->len - 1) * size, size);
    memmove(a->items + (at + 1) * size, a->items + at * size, (a->len - 1 - at) * size);
    memcpy(a->items + at * size, item, size);
    return VAL_NONE;
}
static BUILTIN_FN(array_insert_obj, Q_insert, 3, 3, false, array_insert_fn);

static value_t array_pop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    array_obj_t *a = as_array(args[0]);
    if (a->len == 0) {
        raise_msg(&type_IndexError, "pop from empty array");
    }
    smallint_t i = n_args > 1 ? value_get_int(args[1]) : -1;
    if (i < 0) {
        i += (smallint_t)a->len;
    }
    if (i < 0 || (size_t)i >= a->len) {
        raise_msg(&type_IndexError, "pop index out of range");
    }
    value_t v = get_item(a, (size_t)i);
    delete_items(a, (size_t)i, 1);
    return v;
}
static BUILTIN_FN(array_pop_obj, Q_pop, 1, 2, false, array_pop_fn);

static intptr_t find(const array_obj_t *a, value_t x) {
    for (size_t i = 0; i < a->len; i++) {
        if (obj_equal(get_item(a, i), x)) {
            return (intptr_t)i;
        }
    }
    return -1;
}

static value_t array_remove_fn(size_t n_args, size_t n_kw, const value_t *args) {
    array_obj_t *a = as_array(args[0]);
    intptr_t i = find(a, args[1]);
    if (i < 0) {
        raise_msg(&type_ValueError, "array.remove(x): x not in array");
    }
    delete_items(a, (size_t)i, 1);
    return VAL_NONE;
}
static BUILTIN_FN(array_remove_obj, Q_remove, 2, 2, false, array_remove_fn);

static value_t array_index_fn(size_t n_args, size_t n_kw, const value_t *args) {
    intptr_t i = find(as_array(args[0]), args[1]);
    if (i < 0) {
        raise_msg(&type_ValueError, "array.index(x): x not in array");
    }
    return SMALL(i);
}
static BUILTIN_FN(array_index_obj, Q_index, 2, 2, false, array_index_fn);

static value_t array_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    array_obj_t *a = as_array(args[0]);
    size_t n = 0;
    for (size_t i = 0; i < a->len; i++) {
        n += obj_equal(get_item(a, i), args[1]);
    }
    return SMALL(n);
}
static BUILTIN_FN(array_count_obj, Q_count, 2, 2, false, array_count_fn);

static value_t array_reverse_fn(size_t n_args, size_t n_kw, const value_t *args) {
    array_obj_t *a = as_array(args[0]);
    size_t size = a->itemsize;
    uint8_t t[8];
    for (size_t i = 0, j = a->len; i + 1 < j; i++, j--) {
        memcpy(t, a->items + i * size, size);
        memcpy(a->items + i * size, a->items + (j - 1) * size, size);
        memcpy(a->items + (j - 1) * size, t, size);
    }
    return VAL_NONE;
}
static BUILTIN_FN(array_reverse_obj, Q_reverse, 1, 1, false, array_reverse_fn);

static value_t array_tobytes_fn(size_t n_args, size_t n_kw, const value_t *args) {
    array_obj_t *a = as_array(args[0]);
    return bytes_new(a->items, a->len * a->itemsize);
}
static BUILTIN_FN(array_tobytes_obj, Q_tobytes, 1, 1, false, array_tobytes_fn);

static value_t array_frombytes_fn(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t info;
    if (!obj_get_buffer(args[1], &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    }
    add_bytes(as_array(args[0]), info.buf, info.len);
    return VAL_NONE;
}
static BUILTIN_FN(array_frombytes_obj, Q_frombytes, 2, 2, false, array_frombytes_fn);

static value_t array_tolist_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return to_list(as_array(args[0]));
}
static BUILTIN_FN(array_tolist_obj, Q_tolist, 1, 1, false, array_tolist_fn);

static const map_entry_t array_locals_table[] = {
    {QSTR(Q_append), PTR_VAL(&array_append_obj)},
    {QSTR(Q_count), PTR_VAL(&array_count_obj)},
    {QSTR(Q_extend), PTR_VAL(&array_extend_obj)},
    {QSTR(Q_frombytes), PTR_VAL(&array_frombytes_obj)},
    {QSTR(Q_index), PTR_VAL(&array_index_obj)},
    {QSTR(Q_insert), PTR_VAL(&array_insert_obj)},
    {QSTR(Q_pop), PTR_VAL(&array_pop_obj)},
    {QSTR(Q_remove), PTR_VAL(&array_remove_obj)},
    {QSTR(Q_reverse), PTR_VAL(&array_reverse_obj)},
    {QSTR(Q_tobytes), PTR_VAL(&array_tobytes_obj)},
    {QSTR(Q_tolist), PTR_VAL(&array_tolist_obj)},
};
static const map_t array_locals = MAP_ROM(array_locals_table);

const type_t type_array = {
    {&type_type},
    .name = Q_array,
    .flags = TYPE_FLAG_BASETYPE,
    .print = array_print,
    .make_new = array_make_new,
    .unary_op = array_unary_op,
    .binary_op = array_binary_op,
    .attr = array_attr,
    .subscr = array_subscr,
    .getiter = array_getiter,
    .buffer = array_buffer,
    .locals = &array_locals,
};

static const map_entry_t array_table[] = {
    {QSTR(Q___name__), QSTR(Q_array)},
    {QSTR(Q_array), PTR_VAL(&type_array)},
};
MODULE_ROM(array_module, Q_array, array_table);

ESPY_MODULE(array, array_module);
ESPY_MODULE(uarray, array_module);
