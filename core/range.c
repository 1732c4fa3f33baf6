// SPDX-License-Identifier: MIT
// range.c: range objects and their iterator, slice objects, and the index
// arithmetic that every sequence shares (seq_index, slice_indices).
//
// A range holds three small ints; its length and items are computed, never
// stored. Arithmetic on the bounds is done in uintptr_t, where wrapping is
// defined, and only results known to lie between start and stop become
// values again. Ranges whose bounds do not fit a small int raise
// OverflowError (CPython would accept them).

#include "obj.h"

// ---- converting index values ----------------------------------------------------

// An int (or an object with __index__) as a C integer. What happens to a
// big int depends on overflow: clamp it to the small-int range, or raise
// OverflowError or IndexError. Returns false for values that are not ints.
typedef enum { BIG_CLAMP, BIG_OVERFLOW, BIG_INDEX } big_mode_t;

static bool index_value_maybe(value_t v, big_mode_t overflow, smallint_t *out) {
    if (VAL_IS_SMALL(v)) {
        *out = SMALL_VALUE(v);
        return true;
    }
    if (VAL_IS_BOOL(v)) {
        *out = v == VAL_TRUE;
        return true;
    }
    if (VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP)) {
        value_t dest[2];
        if (!obj_load_method_maybe(v, Q___index__, dest)) {
            return false;
        }
        v = unary_op(UNOP_INDEX, v);
        if (VAL_IS_SMALL(v)) {
            *out = SMALL_VALUE(v);
            return true;
        }
    }
    if (!value_is_int(v)) {
        return false;
    }
    if (value_get_int_maybe(v, out)) {
        return true;
    }
    if (overflow == BIG_OVERFLOW) {
        raise_msg(&type_OverflowError, "Python int too large to convert to C ssize_t");
    } else if (overflow == BIG_INDEX) {
        raise_fmt(&type_IndexError, "cannot fit '%T' into an index-sized integer", v);
    }
    *out = int_is_negative(v) ? SMALL_MIN : SMALL_MAX;
    return true;
}

smallint_t index_value(value_t v) {
    smallint_t i;
    if (!index_value_maybe(v, BIG_OVERFLOW, &i)) {
        raise_fmt(&type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    return i;
}

size_t seq_index(value_t index, size_t len, const char *type_name) {
    smallint_t i;
    if (VAL_IS_SMALL(index)) {
        i = SMALL_VALUE(index);
    } else if (!index_value_maybe(index, BIG_INDEX, &i)) {
        raise_fmt(&type_TypeError, "%s indices must be integers or slices, not %T", type_name, index);
    }
    if (i < 0) {
        i += (smallint_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        raise_fmt(&type_IndexError, "%s index out of range", type_name);
    }
    return (size_t)i;
}

// ---- slices -------------------------------------------------------------------------

value_t slice_new(value_t start, value_t stop, value_t step) {
    slice_obj_t *s = gc_alloc(sizeof(slice_obj_t), 0);
    s->base.type = &type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return PTR_VAL(s);
}

static smallint_t slice_part(value_t v) {
    smallint_t i;
    if (!index_value_maybe(v, BIG_CLAMP, &i)) {
        raise_msg(&type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    return i;
}

static smallint_t adjust(smallint_t i, smallint_t len, smallint_t step) {
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = step < 0 ? -1 : 0;
        }
    } else if (i >= len) {
        i = step < 0 ? len - 1 : len;
    }
    return i;
}

void slice_indices(value_t slice, size_t len, smallint_t *start, smallint_t *stop, smallint_t *step) {
    slice_obj_t *s = VAL_PTR(slice);
    smallint_t st = 1;
    if (s->step != VAL_NONE) {
        st = slice_part(s->step);
        if (st == 0) {
            raise_msg(&type_ValueError, "slice step cannot be zero");
        }
        if (st < -SMALL_MAX) {
            st = -SMALL_MAX;   // so that -step cannot overflow
        }
    }
    smallint_t n = (smallint_t)len;
    *start = s->start == VAL_NONE ? (st < 0 ? n - 1 : 0) : adjust(slice_part(s->start), n, st);
    *stop = s->stop == VAL_NONE ? (st < 0 ? -1 : n) : adjust(slice_part(s->stop), n, st);
    *step = st;
}

size_t slice_length(smallint_t start, smallint_t stop, smallint_t step) {
    if (step < 0) {
        return stop < start ? (size_t)((uintptr_t)start - (uintptr_t)stop - 1) / (size_t)-step + 1 : 0;
    }
    return start < stop ? (size_t)((uintptr_t)stop - (uintptr_t)start - 1) / (size_t)step + 1 : 0;
}

static value_t slice_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "slice() takes no keyword arguments");
    }
    if (n_args < 1 || n_args > 3) {
        raise_fmt(&type_TypeError, n_args ? "slice expected at most 3 arguments, got %zu"
                                          : "slice expected at least 1 argument, got %zu", n_args);
    }
    if (n_args == 1) {
        return slice_new(VAL_NONE, args[0], VAL_NONE);
    }
    return slice_new(args[0], args[1], n_args == 3 ? args[2] : VAL_NONE);
}

static void slice_print(const print_t *p, value_t self, print_kind_t kind) {
    slice_obj_t *s = VAL_PTR(self);
    print_fmt(p, "slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static void slice_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    slice_obj_t *s = VAL_PTR(self);
    if (name == Q_start) {
        dest[0] = s->start;
    } else if (name == Q_stop) {
        dest[0] = s->stop;
    } else if (name == Q_step) {
        dest[0] = s->step;
    }
}

static value_t slice_unary_op(unop_t op, value_t self) {
    if (op == UNOP_HASH) {
        raise_msg(&type_TypeError, "unhashable type: 'slice'");
    }
    return VAL_NULL;
}

static value_t slice_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op >= BINOP_LT && op <= BINOP_GE && OBJ_TYPE_IS(rhs, &type_slice)) {
        value_t a = tuple_new(3, &((slice_obj_t *)VAL_PTR(lhs))->start);
        value_t b = tuple_new(3, &((slice_obj_t *)VAL_PTR(rhs))->start);
        return binary_op(op, a, b);
    }
    return VAL_NULL;
}

static value_t slice_indices_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t len = index_value(args[1]);
    if (len < 0) {
        raise_msg(&type_ValueError, "length should not be negative");
    }
    smallint_t r[3];
    slice_indices(args[0], (size_t)len, &r[0], &r[1], &r[2]);
    value_t items[3] = {SMALL(r[0]), SMALL(r[1]), SMALL(r[2])};
    return tuple_new(3, items);
}
static BUILTIN_FN(slice_indices_obj, Q_indices, 2, 2, false, slice_indices_fn);

static const map_entry_t slice_locals_table[] = {
    {QSTR(Q_indices), PTR_VAL(&slice_indices_obj)},
};
static const map_t slice_locals = MAP_ROM(slice_locals_table);

const type_t type_slice = {
    {&type_type},
    .name = Q_slice,
    .print = slice_print,
    .make_new = slice_make_new,
    .unary_op = slice_unary_op,
    .binary_op = slice_binary_op,
    .attr = slice_attr,
    .locals = &slice_locals,
};

// ---- range ----------------------------------------------------------------------------

value_t range_new(smallint_t start, smallint_t stop, smallint_t step) {
    range_obj_t *r = gc_alloc(sizeof(range_obj_t), GC_LEAF);
    r->base.type = &type_range;
    r->start = start;
    r->stop = stop;
    r->step = step;
    return PTR_VAL(r);
}

static size_t range_len(const range_obj_t *r) {
    return slice_length(r->start, r->stop, r->step);
}

static inline smallint_t range_item(const range_obj_t *r, size_t i) {
    return (smallint_t)((uintptr_t)r->start + (uintptr_t)i * (uintptr_t)r->step);
}

static smallint_t range_arg(value_t v) {
    smallint_t i;
    if (!index_value_maybe(v, BIG_OVERFLOW, &i)) {
        raise_fmt(&type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    return i;
}

static value_t range_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "range() takes no keyword arguments");
    }
    if (n_args < 1 || n_args > 3) {
        raise_fmt(&type_TypeError, n_args ? "range expected at most 3 arguments, got %zu"
                                          : "range expected at least 1 argument, got %zu", n_args);
    }
    if (n_args == 1) {
        return range_new(0, range_arg(args[0]), 1);
    }
    smallint_t step = 1;
    if (n_args == 3) {
        step = range_arg(args[2]);
        if (step == 0) {
            raise_msg(&type_ValueError, "range() arg 3 must not be zero");
        }
    }
    return range_new(range_arg(args[0]), range_arg(args[1]), step);
}

static void range_print(const print_t *p, value_t self, print_kind_t kind) {
    range_obj_t *r = VAL_PTR(self);
    if (r->step == 1) {
        print_fmt(p, "range(%R, %R)", SMALL(r->start), SMALL(r->stop));
    } else {
        print_fmt(p, "range(%R, %R, %R)", SMALL(r->start), SMALL(r->stop), SMALL(r->step));
    }
}

static value_t range_unary_op(unop_t op, value_t self) {
    range_obj_t *r = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(range_len(r) != 0);
        case UNOP_LEN:
            return int_from_uintptr(range_len(r));
        case UNOP_HASH: {
            size_t n = range_len(r);
            uint32_t h = (uint32_t)n * 1000003u;
            if (n > 0) {
                h = (h ^ (uint32_t)r->start) * 1000003u;
                if (n > 1) {
                    h = (h ^ (uint32_t)r->step) * 1000003u;
                }
            }
            return SMALL(h & 0x3fffffff);
        }
        default:
            return VAL_NULL;
    }
}

// Position of x in the range, or -1.
static intptr_t range_find(const range_obj_t *r, value_t x) {
    smallint_t v;
    if (VAL_IS_SMALL(x) || VAL_IS_BOOL(x)) {
        v = VAL_IS_SMALL(x) ? SMALL_VALUE(x) : x == VAL_TRUE;
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) {
            return -1;
        }
        uintptr_t d = r->step > 0 ? (uintptr_t)v - (uintptr_t)r->start : (uintptr_t)r->start - (uintptr_t)v;
        uintptr_t s = r->step > 0 ? (uintptr_t)r->step : (uintptr_t)-r->step;
        return d % s == 0 ? (intptr_t)(d / s) : -1;
    }
    if (value_is_int(x)) {
        return -1;   // a big int is never in a small range
    }
    size_t n = range_len(r);
    for (size_t i = 0; i < n; i++) {
        if (obj_equal(SMALL(range_item(r, i)), x)) {
            return (intptr_t)i;
        }
    }
    return -1;
}

static bool range_equal(const range_obj_t *a, const range_obj_t *b) {
    size_t n = range_len(a);
    if (n != range_len(b)) {
        return false;
    }
    if (n == 0) {
        return true;
    }
    if (a->start != b->start) {
        return false;
    }
    return n == 1 || a->step == b->step;
}

static value_t range_binary_op(binop_t op, value_t lhs, value_t rhs) {
    range_obj_t *r = VAL_PTR(lhs);
    switch (op) {
        case BINOP_CONTAINS:
            return VAL_BOOL(range_find(r, rhs) >= 0);
        case BINOP_EQ:
        case BINOP_NE:
            if (!OBJ_TYPE_IS(rhs, &type_range)) {
                return VAL_NULL;
            }
            return VAL_BOOL(range_equal(r, VAL_PTR(rhs)) == (op == BINOP_EQ));
        default:
            return VAL_NULL;
    }
}

static value_t range_subscr(value_t self, value_t index, value_t value) {
    if (value != VAL_SENTINEL) {
        return VAL_NULL;
    }
    range_obj_t *r = VAL_PTR(self);
    size_t n = range_len(r);
    if (OBJ_TYPE_IS(index, &type_slice)) {
        smallint_t start, stop, step, nstep, nstart, nstop;
        slice_indices(index, n, &start, &stop, &step);
        if (__builtin_mul_overflow(step, r->step, &nstep) || !SMALL_FITS(nstep)) {
            raise_msg(&type_OverflowError, "range too large");
        }
        // start and stop lie in [-1, n]: their items are within one step
        // of the range's bounds
        nstart = (smallint_t)((uintptr_t)r->start + (uintptr_t)start * (uintptr_t)r->step);
        nstop = (smallint_t)((uintptr_t)r->start + (uintptr_t)stop * (uintptr_t)r->step);
        if (!SMALL_FITS(nstart) || !SMALL_FITS(nstop)) {
            raise_msg(&type_OverflowError, "range too large");
        }
        return range_new(nstart, nstop, nstep);
    }
    smallint_t i;
    if (VAL_IS_SMALL(index)) {
        i = SMALL_VALUE(index);
    } else if (!index_value_maybe(index, BIG_CLAMP, &i)) {
        raise_fmt(&type_TypeError, "range indices must be integers or slices, not %T", index);
    }
    if (i < 0) {
        i += (smallint_t)n;
    }
    if (i < 0 || (size_t)i >= n) {
        raise_msg(&type_IndexError, "range object index out of range");
    }
    return SMALL(range_item(r, (size_t)i));
}

static void range_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    range_obj_t *r = VAL_PTR(self);
    if (name == Q_start) {
        dest[0] = SMALL(r->start);
    } else if (name == Q_stop) {
        dest[0] = SMALL(r->stop);
    } else if (name == Q_step) {
        dest[0] = SMALL(r->step);
    }
}

// The iterator: the next value, the step and the count left.
typedef struct range_iter {
    obj_t base;
    smallint_t cur, step;
    size_t left;
} range_iter_t;

static value_t range_iter_next(value_t self) {
    range_iter_t *it = VAL_PTR(self);
    if (it->left == 0) {
        return VAL_STOP;
    }
    it->left--;
    smallint_t v = it->cur;
    it->cur = (smallint_t)((uintptr_t)v + (uintptr_t)it->step);
    return SMALL(v);
}

const type_t type_range_iterator = {
    {&type_type},
    .name = Q_range_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = range_iter_next,
};

static value_t range_iter_new(smallint_t cur, smallint_t step, size_t n) {
    range_iter_t *it = gc_alloc(sizeof(range_iter_t), GC_LEAF);
    it->base.type = &type_range_iterator;
    it->cur = cur;
    it->step = step;
    it->left = n;
    return PTR_VAL(it);
}

static value_t range_getiter(value_t self) {
    range_obj_t *r = VAL_PTR(self);
    return range_iter_new(r->start, r->step, range_len(r));
}

static value_t range_reversed_fn(size_t n_args, size_t n_kw, const value_t *args) {
    range_obj_t *r = obj_native(args[0], &type_range);
    size_t n = range_len(r);
    return range_iter_new(n ? range_item(r, n - 1) : 0, (smallint_t)(0 - (uintptr_t)r->step), n);
}
static BUILTIN_FN(range_reversed_obj, Q___reversed__, 1, 1, false, range_reversed_fn);

static value_t range_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    range_obj_t *r = obj_native(args[0], &type_range);
    value_t x = args[1];
    if (VAL_IS_SMALL(x) || VAL_IS_BOOL(x) || value_is_int(x)) {
        return SMALL(range_find(r, x) >= 0);
    }
    size_t n = range_len(r), count = 0;
    for (size_t i = 0; i < n; i++) {
        count += obj_equal(SMALL(range_item(r, i)), x);
    }
    return int_from_uintptr(count);
}
static BUILTIN_FN(range_count_obj, Q_count, 2, 2, false, range_count_fn);

static value_t range_index_fn(size_t n_args, size_t n_kw, const value_t *args) {
    intptr_t i = range_find(obj_native(args[0], &type_range), args[1]);
    if (i < 0) {
        raise_fmt(&type_ValueError, "%R is not in range", args[1]);
    }
    return int_from_intptr(i);
}
static BUILTIN_FN(range_index_obj, Q_index, 2, 2, false, range_index_fn);

static const map_entry_t range_locals_table[] = {
    {QSTR(Q___reversed__), PTR_VAL(&range_reversed_obj)},
    {QSTR(Q_count), PTR_VAL(&range_count_obj)},
    {QSTR(Q_index), PTR_VAL(&range_index_obj)},
};
static const map_t range_locals = MAP_ROM(range_locals_table);

const type_t type_range = {
    {&type_type},
    .name = Q_range,
    .print = range_print,
    .make_new = range_make_new,
    .unary_op = range_unary_op,
    .binary_op = range_binary_op,
    .attr = range_attr,
    .subscr = range_subscr,
    .getiter = range_getiter,
    .locals = &range_locals,
};
