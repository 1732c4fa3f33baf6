// SPDX-License-Identifier: MIT
// bytearray: a mutable byte string. The object holds a pointer to a
// separate leaf allocation for its bytes, which grows by half again when
// full. Reading operations and the text methods are shared with bytes
// (bytes.c, str_methods.c); this file has what mutates: item and slice
// assignment and deletion, in-place + and *, and the list-like methods.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

bytearray_obj_t *bytearray_self(value_t v) {
    if (OBJ_TYPE_IS(v, &type_bytearray)) {
        return VAL_PTR(v);
    }
    return obj_native(v, &type_bytearray);
}

static void ba_reserve(bytearray_obj_t *b, size_t need) {
    if (need <= b->alloc && b->items != NULL) {
        return;
    }
    if (b->alloc == 0 && b->items != NULL) {
        // memory it does not own (uctypes.bytearray_at): it cannot move
        raise_msg(&type_ValueError, "bytearray over external memory cannot grow");
    }
    size_t alloc = b->alloc + b->alloc / 2 + 8;
    if (alloc < need) {
        alloc = need;
    }
    if (alloc < need || alloc > SIZE_MAX / 2) {
        raise_msg(&type_MemoryError, "bytearray too large");
    }
    b->items = b->items == NULL ? gc_alloc(alloc, GC_LEAF) : gc_realloc(b->items, alloc);
    b->alloc = alloc;
}

static bytearray_obj_t *ba_alloc(size_t len) {
    bytearray_obj_t *b = gc_alloc(sizeof(bytearray_obj_t), 0);
    b->base.type = &type_bytearray;
    ba_reserve(b, len > 0 ? len : 8);
    b->len = len;
    return b;
}

value_t bytearray_new(const uint8_t *data, size_t len) {
    bytearray_obj_t *b = ba_alloc(len);
    if (len > 0) {
        memcpy(b->items, data, len);
    }
    return PTR_VAL(b);
}

static value_t bytearray_make_new(const type_t *type, size_t n_args, size_t n_kw,
                                  const value_t *args) {
    smallint_t n;
    if (n_args == 1 && n_kw == 0 && VAL_IS_SMALL(args[0]) && (n = SMALL_VALUE(args[0])) >= 0) {
        bytearray_obj_t *b = ba_alloc((size_t)n);
        memset(b->items, 0, (size_t)n);
        return PTR_VAL(b);
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    bytes_fill_from(&vs, n_args, n_kw, args, Q_bytearray);
    return bytearray_new((const uint8_t *)vs.buf, vs.len);
}

static void bytearray_print(const print_t *p, value_t self, print_kind_t kind) {
    bytearray_obj_t *b = VAL_PTR(self);
    print_str(p, "bytearray(");
    bytes_print_repr(p, (const char *)b->items, b->len);
    print_str(p, ")");
}

// Replaces items [start, stop) by n bytes of data (data may be NULL: the
// caller fills them in).
static void ba_splice(bytearray_obj_t *b, size_t start, size_t stop, const char *data, size_t n) {
    size_t tail = b->len - stop;
    size_t newlen = start + n + tail;
    if (newlen > b->len) {
        ba_reserve(b, newlen);
    }
    memmove(b->items + start + n, b->items + stop, tail);
    if (data != NULL) {
        memcpy(b->items + start, data, n);
    }
    b->len = newlen;
}

// The bytes of a value assigned to a slice, copied (it may be self).
static void slice_source(vstr_t *vs, value_t value) {
    if (value_is_int(value) || value_is_str(value)) {
        raise_msg(&type_TypeError,
                  "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    bytes_fill_from(vs, 1, 0, &value, Q_bytearray);
}

static value_t bytearray_subscr(value_t self, value_t index, value_t value) {
    bytearray_obj_t *b = VAL_PTR(self);
    if (value == VAL_SENTINEL) {
        return bytes_subscr_common(&type_bytearray, (const char *)b->items, b->len, index);
    }
    if (!OBJ_TYPE_IS(index, &type_slice)) {
        if (!value_is_int(index)) {
            raise_fmt(&type_TypeError, "bytearray indices must be integers or slices, not %s",
                      qstr_str(value_type_name(index)));
        }
        size_t i = seq_index(index, b->len, "bytearray");
        if (value == VAL_NULL) {
            ba_splice(b, i, i + 1, NULL, 0);
        } else {
            b->items[i] = byte_from_value(value);
        }
        return VAL_NONE;
    }
    smallint_t start, stop, step;
    slice_indices(index, b->len, &start, &stop, &step);
    size_t count;
    if (step > 0) {
        count = stop > start ? (size_t)((stop - start + step - 1) / step) : 0;
    } else {
        count = start > stop ? (size_t)((start - stop - step - 1) / (-step)) : 0;
    }
    if (value == VAL_NULL) {
        if (step == 1) {
            if (count > 0) {
                ba_splice(b, (size_t)start, (size_t)stop, NULL, 0);
            }
            return VAL_NONE;
        }
        // delete the selected items: mark, then compact
        if (step < 0) {
            start = start + step * (smallint_t)(count - 1);
            step = -step;
        }
        size_t out = (size_t)start;
        for (size_t i = (size_t)start, k = 0; i < b->len; i++) {
            if (k < count && i == (size_t)start + k * (size_t)step) {
                k++;
                continue;
            }
            b->items[out++] = b->items[i];
        }
        b->len = out;
        return VAL_NONE;
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    slice_source(&vs, value);
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        ba_splice(b, (size_t)start, (size_t)stop, vs.buf, vs.len);
        return VAL_NONE;
    }
    if (vs.len != count) {
        raise_fmt(&type_ValueError, "attempt to assign bytes of size %u to extended slice of size %u",
                  (unsigned)vs.len, (unsigned)count);
    }
    for (size_t k = 0; k < count; k++, start += step) {
        b->items[start] = (uint8_t)vs.buf[k];
    }
    return VAL_NONE;
}

static value_t bytearray_binary_op(binop_t op, value_t lhs, value_t rhs) {
    bytearray_obj_t *b = VAL_PTR(lhs);
    if (op == BINOP_INPLACE_ADD) {
        const char *d;
        size_t len;
        if (!bytes_get_data(rhs, &d, &len)) {
            raise_fmt(&type_TypeError, "can't concat %s to bytearray", qstr_str(value_type_name(rhs)));
        }
        size_t off = (const uint8_t *)d == b->items ? 0 : SIZE_MAX;
        ba_reserve(b, b->len + len);
        if (off == 0) {
            d = (const char *)b->items;
        }
        memmove(b->items + b->len, d, len);
        b->len += len;
        return lhs;
    }
    if (op == BINOP_INPLACE_MUL && value_is_int(rhs)) {
        smallint_t n;
        if (!value_get_int_maybe(rhs, &n)) {
            double d = int_as_double(rhs);
            if (d >= 9.2e18 || d <= -9.2e18) {
                raise_msg(&type_OverflowError, "cannot fit 'int' into an index-sized integer");
            }
            n = d < 0 ? 0 : SMALL_MAX;
        }
        if (n <= 0 || b->len == 0) {
            b->len = 0;
            return lhs;
        }
        size_t total = check_mul_size(b->len, (size_t)n);
        ba_reserve(b, total);
        for (size_t i = 1; i < (size_t)n; i++) {
            memcpy(b->items + i * b->len, b->items, b->len);
        }
        b->len = total;
        return lhs;
    }
    if (op == BINOP_MOD || op == BINOP_INPLACE_MOD) {
        value_t r = str_modulo(lhs, rhs, true);
        const char *d;
        size_t len;
        bytes_get_data(r, &d, &len);
        return bytearray_new((const uint8_t *)d, len);
    }
    strarg_t s = {(const char *)b->items, b->len, b->len, &type_bytearray};
    return bytes_binary_common(op, &s, rhs);
}

static value_t bytearray_unary_op(unop_t op, value_t self) {
    bytearray_obj_t *b = VAL_PTR(self);
    switch (op) {
        case UNOP_LEN:
            return SMALL((smallint_t)b->len);
        case UNOP_BOOL:
            return VAL_BOOL(b->len != 0);
        default:
            return VAL_NULL;
    }
}

static bool bytearray_buffer(value_t self, buffer_info_t *info, int flags) {
    bytearray_obj_t *b = VAL_PTR(self);
    info->buf = b->items;
    info->len = b->len;
    info->typecode = 'B';
    return true;
}

const type_t type_bytearray = {
    {&type_type},
    .name = Q_bytearray,
    .flags = TYPE_FLAG_BASETYPE,
    .print = bytearray_print,
    .make_new = bytearray_make_new,
    .unary_op = bytearray_unary_op,
    .binary_op = bytearray_binary_op,
    .subscr = bytearray_subscr,
    .getiter = bytes_getiter,
    .buffer = bytearray_buffer,
    .locals = &bytearray_locals,
};

// ---- methods --------------------------------------------------------------------

static value_t bytearray_append(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    uint8_t c = byte_from_value(args[1]);
    ba_reserve(b, b->len + 1);
    b->items[b->len++] = c;
    return VAL_NONE;
}
BUILTIN_FN(bytearray_append_obj, Q_append, 2, 2, false, bytearray_append);

static value_t bytearray_extend(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    if (value_is_int(args[1]) || value_is_str(args[1])) {
        raise_fmt(&type_TypeError, value_is_str(args[1]) ? "expected iterable of integers; got: '%s'"
                                                         : "can't extend bytearray with %s",
                  qstr_str(value_type_name(args[1])));
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    bytes_fill_from(&vs, 1, 0, &args[1], Q_bytearray);
    ba_splice(b, b->len, b->len, vs.buf, vs.len);
    return VAL_NONE;
}
BUILTIN_FN(bytearray_extend_obj, Q_extend, 2, 2, false, bytearray_extend);

static value_t bytearray_pop(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    if (b->len == 0) {
        raise_msg(&type_IndexError, "pop from empty bytearray");
    }
    smallint_t i = n_args > 1 ? value_get_int(args[1]) : -1;
    if (i < 0) {
        i += (smallint_t)b->len;
    }
    if (i < 0 || (size_t)i >= b->len) {
        raise_msg(&type_IndexError, "pop index out of range");
    }
    uint8_t c = b->items[i];
    ba_splice(b, (size_t)i, (size_t)i + 1, NULL, 0);
    return SMALL(c);
}
BUILTIN_FN(bytearray_pop_obj, Q_pop, 1, 2, false, bytearray_pop);

static value_t bytearray_remove(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    uint8_t c = byte_from_value(args[1]);
    uint8_t *p = memchr(b->items, c, b->len);
    if (p == NULL) {
        raise_msg(&type_ValueError, "value not found in bytearray");
    }
    size_t i = (size_t)(p - b->items);
    ba_splice(b, i, i + 1, NULL, 0);
    return VAL_NONE;
}
BUILTIN_FN(bytearray_remove_obj, Q_remove, 2, 2, false, bytearray_remove);

static value_t bytearray_insert(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    smallint_t i = value_get_int(args[1]);
    uint8_t c = byte_from_value(args[2]);
    smallint_t len = (smallint_t)b->len;
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = 0;
        }
    } else if (i > len) {
        i = len;
    }
    char ch = (char)c;
    ba_splice(b, (size_t)i, (size_t)i, &ch, 1);
    return VAL_NONE;
}
BUILTIN_FN(bytearray_insert_obj, Q_insert, 3, 3, false, bytearray_insert);

static value_t bytearray_clear(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_self(args[0])->len = 0;
    return VAL_NONE;
}
BUILTIN_FN(bytearray_clear_obj, Q_clear, 1, 1, false, bytearray_clear);

static value_t bytearray_copy(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    return bytearray_new(b->items, b->len);
}
BUILTIN_FN(bytearray_copy_obj, Q_copy, 1, 1, false, bytearray_copy);

static value_t bytearray_reverse(size_t n_args, size_t n_kw, const value_t *args) {
    bytearray_obj_t *b = bytearray_self(args[0]);
    for (size_t i = 0, j = b->len; i + 1 < j; i++, j--) {
        uint8_t t = b->items[i];
        b->items[i] = b->items[j - 1];
        b->items[j - 1] = t;
    }
    return VAL_NONE;
}
BUILTIN_FN(bytearray_reverse_obj, Q_reverse, 1, 1, false, bytearray_reverse);
