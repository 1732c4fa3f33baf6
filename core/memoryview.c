// SPDX-License-Identifier: MIT
// memoryview: a window on the bytes of another object (bytes, bytearray,
// or anything with a buffer slot), without copying. The view keeps the
// object and an offset rather than a pointer, and asks the object for its
// buffer at each access, because a bytearray's storage moves when it
// grows. Only the unsigned-byte format ('B') is supported.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

typedef struct memoryview_obj {
    obj_t base;
    value_t obj;          // the object whose buffer this views
    size_t start;         // offset of the view in the object's buffer
    size_t len;
    bool readonly;
} memoryview_obj_t;

// The bytes of the view (clamped if the object shrank).
static uint8_t *mv_data(memoryview_obj_t *m, size_t *len) {
    buffer_info_t info;
    if (!obj_get_buffer(m->obj, &info, BUFFER_READ)) {
        raise_msg(&type_TypeError, "memoryview: underlying object lost its buffer");
    }
    size_t start = m->start < info.len ? m->start : info.len;
    size_t n = info.len - start < m->len ? info.len - start : m->len;
    *len = n;
    return (uint8_t *)info.buf + start;
}

static memoryview_obj_t *mv_new(value_t obj, size_t start, size_t len, bool readonly) {
    memoryview_obj_t *m = gc_alloc(sizeof(memoryview_obj_t), 0);
    m->base.type = &type_memoryview;
    m->obj = obj;
    m->start = start;
    m->len = len;
    m->readonly = readonly;
    return m;
}

value_t memoryview_new(value_t obj) {
    if (OBJ_TYPE_IS(obj, &type_memoryview)) {
        memoryview_obj_t *o = VAL_PTR(obj);
        return PTR_VAL(mv_new(o->obj, o->start, o->len, o->readonly));
    }
    buffer_info_t info;
    if (!VAL_IS_OBJ(obj) || !obj_get_buffer(obj, &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "memoryview: a bytes-like object is required, not '%s'",
                  qstr_str(value_type_name(obj)));
    }
    bool writable = obj_get_buffer(obj, &info, BUFFER_READ | BUFFER_WRITE);
    return PTR_VAL(mv_new(obj, 0, info.len, !writable));
}

static value_t memoryview_make_new(const type_t *type, size_t n_args, size_t n_kw,
                                   const value_t *args) {
    value_t obj = n_args > 0 ? args[0] : arg_kw(n_args, n_kw, args, Q_object);
    if (obj == VAL_NULL || n_args > 1) {
        raise_msg(&type_TypeError, "memoryview() takes exactly one argument");
    }
    return memoryview_new(obj);
}

static void memoryview_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "<memory at 0x%lx>", (unsigned long)(uintptr_t)self);
}

static value_t memoryview_subscr(value_t self, value_t index, value_t value) {
    memoryview_obj_t *m = VAL_PTR(self);
    size_t len;
    uint8_t *d = mv_data(m, &len);
    if (OBJ_TYPE_IS(index, &type_slice)) {
        smallint_t start, stop, step;
        slice_indices(index, len, &start, &stop, &step);
        size_t count = 0;
        if (step > 0 && stop > start) {
            count = (size_t)((stop - start + step - 1) / step);
        } else if (step < 0 && start > stop) {
            count = (size_t)((start - stop - step - 1) / (-step));
        }
        if (value == VAL_SENTINEL) {
            if (step == 1) {
                return PTR_VAL(mv_new(m->obj, m->start + (size_t)start, count, m->readonly));
            }
            // a strided view is copied (only 'B' views are supported)
            vstr_t vs;
            vstr_init(&vs, count);
            for (size_t k = 0; k < count; k++, start += step) {
                vstr_add_char(&vs, (char)d[start]);
            }
            value_t b = bytes_from_vstr(&vs);
            return PTR_VAL(mv_new(b, 0, count, true));
        }
        if (value == VAL_NULL) {
            raise_msg(&type_TypeError, "cannot delete memory");
        }
        if (m->readonly) {
            raise_msg(&type_TypeError, "cannot modify read-only memory");
        }
        const char *src;
        size_t srclen;
        if (!bytes_get_data(value, &src, &srclen)) {
            raise_fmt(&type_TypeError, "a bytes-like object is required, not '%s'",
                      qstr_str(value_type_name(value)));
        }
        if (srclen != count) {
            raise_msg(&type_ValueError,
                      "memoryview assignment: lvalue and rvalue have different structures");
        }
        if (step == 1) {
            memmove(d + start, src, count);
        } else {
            for (size_t k = 0; k < count; k++, start += step) {
                d[start] = (uint8_t)src[k];
            }
        }
        return VAL_NONE;
    }
    if (!value_is_int(index)) {
        raise_fmt(&type_TypeError, "memoryview: invalid slice key");
    }
    size_t i;
    if (VAL_IS_SMALL(index)) {
        smallint_t k = SMALL_VALUE(index);
        if (k < 0) {
            k += (smallint_t)len;
        }
        if (k < 0 || (size_t)k >= len) {
            raise_msg(&type_IndexError, "index out of bounds on dimension 1");
        }
        i = (size_t)k;
    } else {
        i = seq_index(index, len, "memoryview");
    }
    if (value == VAL_SENTINEL) {
        return SMALL(d[i]);
    }
    if (value == VAL_NULL) {
        raise_msg(&type_TypeError, "cannot delete memory");
    }
    if (m->readonly) {
        raise_msg(&type_TypeError, "cannot modify read-only memory");
    }
    smallint_t b;
    if (!value_get_int_maybe(value, &b)) {
        raise_msg(&type_TypeError, "memoryview: invalid type for format 'B'");
    }
    if (b < 0 || b > 255) {
        raise_msg(&type_ValueError, "memoryview: invalid value for format 'B'");
    }
    d[i] = (uint8_t)b;
    return VAL_NONE;
}

static value_t memoryview_unary_op(unop_t op, value_t self) {
    memoryview_obj_t *m = VAL_PTR(self);
    size_t len;
    switch (op) {
        case UNOP_LEN:
            mv_data(m, &len);
            return SMALL((smallint_t)len);
        case UNOP_BOOL:
            mv_data(m, &len);
            return VAL_BOOL(len != 0);
        case UNOP_HASH:
            if (!m->readonly) {
                raise_msg(&type_ValueError, "cannot hash writable memoryview object");
            }
            {
                const uint8_t *d = mv_data(m, &len);
                return SMALL((smallint_t)str_hash((const char *)d, len));
            }
        default:
            return VAL_NULL;
    }
}

static value_t memoryview_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op != BINOP_EQ && op != BINOP_NE) {
        return VAL_NULL;
    }
    size_t len, blen;
    const char *d = (const char *)mv_data(VAL_PTR(lhs), &len), *b;
    if (!bytes_get_data(rhs, &b, &blen)) {
        return VAL_NULL;
    }
    bool eq = len == blen && memcmp(d, b, len) == 0;
    return VAL_BOOL(eq == (op == BINOP_EQ));
}

static bool memoryview_buffer(value_t self, buffer_info_t *info, int flags) {
    memoryview_obj_t *m = VAL_PTR(self);
    if ((flags & BUFFER_WRITE) && m->readonly) {
        return false;
    }
    info->buf = mv_data(m, &info->len);
    info->typecode = 'B';
    return true;
}

static void memoryview_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    memoryview_obj_t *m = VAL_PTR(self);
    size_t len;
    switch (name) {
        case Q_readonly: dest[0] = VAL_BOOL(m->readonly); break;
        case Q_nbytes: mv_data(m, &len); dest[0] = SMALL((smallint_t)len); break;
        case Q_obj: dest[0] = m->obj; break;
        case Q_itemsize: dest[0] = SMALL(1); break;
        case Q_ndim: dest[0] = SMALL(1); break;
        case Q_format: dest[0] = QSTR(Q_B); break;
        default: break;
    }
}

static value_t memoryview_tobytes(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const uint8_t *d = mv_data(obj_native(args[0], &type_memoryview), &len);
    return bytes_new(d, len);
}
static BUILTIN_FN(memoryview_tobytes_obj, Q_tobytes, 1, 1, false, memoryview_tobytes);

static value_t memoryview_tolist(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const uint8_t *d = mv_data(obj_native(args[0], &type_memoryview), &len);
    value_t list = list_new(len, NULL);
    value_t *items = seq_items(list, &len);
    for (size_t i = 0; i < len; i++) {
        items[i] = SMALL(d[i]);
    }
    return list;
}
static BUILTIN_FN(memoryview_tolist_obj, Q_tolist, 1, 1, false, memoryview_tolist);

static value_t memoryview_release(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(memoryview_release_obj, Q_release, 1, 1, false, memoryview_release);

static value_t memoryview_hex(size_t n_args, size_t n_kw, const value_t *args) {
    value_t b = memoryview_tobytes(1, 0, args);
    return call_function(PTR_VAL(&bytes_hex_obj), 1, 0, &b);
}
static BUILTIN_FN(memoryview_hex_obj, Q_hex, 1, 1, false, memoryview_hex);

static const map_entry_t memoryview_locals_table[] = {
    {QSTR(Q_tobytes), PTR_VAL(&memoryview_tobytes_obj)},
    {QSTR(Q_tolist), PTR_VAL(&memoryview_tolist_obj)},
    {QSTR(Q_hex), PTR_VAL(&memoryview_hex_obj)},
    {QSTR(Q_release), PTR_VAL(&memoryview_release_obj)},
};
static const map_t memoryview_locals = MAP_ROM(memoryview_locals_table);

const type_t type_memoryview = {
    {&type_type},
    .name = Q_memoryview,
    .print = memoryview_print,
    .make_new = memoryview_make_new,
    .unary_op = memoryview_unary_op,
    .binary_op = memoryview_binary_op,
    .subscr = memoryview_subscr,
    .getiter = bytes_getiter,
    .attr = memoryview_attr,
    .buffer = memoryview_buffer,
    .locals = &memoryview_locals,
};
