// SPDX-License-Identifier: MIT
// range.c: range objects and their iterator, slice objects, and the index
// arithmetic that every sequence shares (seq_index, slice_indices).
//
// A range's length and items are computed, never stored. A range whose
// bounds are small ints keeps them as C integers: arithmetic on them is done
// in uintptr_t, where wrapping is defined, and only results known to lie
// between start and stop become values again. Any other range (bounds of any
// size, as CPython allows) computes with the int operations.

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
        v = value_index_maybe(v);   // an int subclass, or __index__
        if (v == VAL_NULL) {
            return false;
        }
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

// A range from int values: small when all three are (its items then lie
// between start and stop, so they are small too), big otherwise.
static value_t range_from_values(value_t start, value_t stop, value_t step) {
    if (VAL_IS_SMALL(start) && VAL_IS_SMALL(stop) && VAL_IS_SMALL(step)) {
        return range_new(SMALL_VALUE(start), SMALL_VALUE(stop), SMALL_VALUE(step));
    }
    range_obj_t *r = gc_alloc(sizeof(range_obj_t), 0);
    r->base.type = &type_range;
    r->step = 0;
    value_t items[3] = {start, stop, step};
    r->big = tuple_new(3, items);
    return PTR_VAL(r);
}

#define RANGE_IS_BIG(r) ((r)->step == 0)

// The bounds of any range as values.
static void range_values(const range_obj_t *r, value_t out[3]) {
    if (RANGE_IS_BIG(r)) {
        const value_t *items = ((tuple_obj_t *)VAL_PTR(r->big))->items;
        out[0] = items[0];
        out[1] = items[1];
        out[2] = items[2];
    } else {
        out[0] = SMALL(r->start);
        out[1] = SMALL(r->stop);
        out[2] = SMALL(r->step);
    }
}

static size_t range_len(const range_obj_t *r) {
    return slice_length(r->start, r->stop, r->step);
}

static inline smallint_t range_item(const range_obj_t *r, size_t i) {
    return (smallint_t)((uintptr_t)r->start + (uintptr_t)i * (uintptr_t)r->step);
}

static bool int_less(value_t a, value_t b) {
    return binary_op(BINOP_LT, a, b) == VAL_TRUE;
}

// The length of a big range, as an int value (it may not fit a size_t).
static value_t big_len(const value_t v[3]) {
    value_t start = v[0], stop = v[1], step = v[2];
    if (int_is_negative(step)) {
        if (!int_less(stop, start)) {
            return SMALL(0);
        }
        value_t span = binary_op(BINOP_SUB, binary_op(BINOP_SUB, start, stop), SMALL(1));
        return binary_op(BINOP_ADD, binary_op(BINOP_FLOORDIV, span, unary_op(UNOP_NEG, step)), SMALL(1));
    }
    if (!int_less(start, stop)) {
        return SMALL(0);
    }
    value_t span = binary_op(BINOP_SUB, binary_op(BINOP_SUB, stop, start), SMALL(1));
    return binary_op(BINOP_ADD, binary_op(BINOP_FLOORDIV, span, step), SMALL(1));
}

// Item i (an int value, 0 <= i < length) of a big range.
static value_t big_item(const value_t v[3], value_t i) {
    return binary_op(BINOP_ADD, v[0], binary_op(BINOP_MUL, i, v[2]));
}

// The length of any range as a size_t, or OverflowError as CPython's len().
static size_t range_len_checked(const range_obj_t *r) {
    if (!RANGE_IS_BIG(r)) {
        return range_len(r);
    }
    value_t v[3];
    range_values(r, v);
    smallint_t n;
    if (!value_get_int_maybe(big_len(v), &n)) {
        raise_msg(&type_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return (size_t)n;
}

// A bound given to range(): an int (any size) or an object with __index__.
static value_t range_bound(value_t v) {
    if (VAL_IS_SMALL(v)) {
        return v;
    }
    if (VAL_IS_BOOL(v)) {
        return SMALL(v == VAL_TRUE);
    }
    if (VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP)) {
        value_t dest[2];
        if (obj_load_method_maybe(v, Q___index__, dest)) {
            v = unary_op(UNOP_INDEX, v);
        }
    }
    if (!value_is_int(v)) {
        raise_fmt(&type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    return v;
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
        return range_from_values(SMALL(0), range_bound(args[0]), SMALL(1));
    }
    value_t step = SMALL(1);
    if (n_args == 3) {
        step = range_bound(args[2]);
        if (step == SMALL(0)) {
            raise_msg(&type_ValueError, "range() arg 3 must not be zero");
        }
    }
    return range_from_values(range_bound(args[0]), range_bound(args[1]), step);
}

static void range_print(const print_t *p, value_t self, print_kind_t kind) {
    value_t v[3];
    range_values(VAL_PTR(self), v);
    if (v[2] == SMALL(1)) {
        print_fmt(p, "range(%R, %R)", v[0], v[1]);
    } else {
        print_fmt(p, "range(%R, %R, %R)", v[0], v[1], v[2]);
    }
}

static value_t range_unary_op(unop_t op, value_t self) {
    range_obj_t *r = VAL_PTR(self);
    if (RANGE_IS_BIG(r)) {
        value_t v[3];
        range_values(r, v);
        switch (op) {
            case UNOP_BOOL:
                return VAL_BOOL(big_len(v) != SMALL(0));
            case UNOP_LEN:
                return int_from_uintptr(range_len_checked(r));
            case UNOP_HASH: {
                // as CPython: the hash of (len, start, step), with None
                // for the parts an empty or one-item range does not have
                value_t len = big_len(v);
                value_t key[3] = {len, len == SMALL(0) ? VAL_NONE : v[0], len == SMALL(0) || len == SMALL(1) ? VAL_NONE : v[2]};
                return SMALL(obj_hash(tuple_new(3, key)) & 0x3fffffff);
            }
            default:
                return VAL_NULL;
        }
    }
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(range_len(r) != 0);
        case UNOP_LEN:
            return int_from_uintptr(range_len(r));
        case UNOP_HASH: {
            size_t n = range_len(r);
            value_t key[3] = {int_from_uintptr(n), n == 0 ? VAL_NONE : SMALL(r->start), n <= 1 ? VAL_NONE : SMALL(r->step)};
            return SMALL(obj_hash(tuple_new(3, key)) & 0x3fffffff);
        }
        default:
            return VAL_NULL;
    }
}

// Position of the int x in a big range, or None.
static value_t big_find(const value_t v[3], value_t x) {
    value_t start = v[0], stop = v[1], step = v[2];
    bool inside = int_is_negative(step) ? int_less(stop, x) && !int_less(start, x)
                                        : !int_less(x, start) && int_less(x, stop);
    if (!inside) {
        return VAL_NONE;
    }
    value_t d = binary_op(BINOP_SUB, x, start);
    if (binary_op(BINOP_MOD, d, step) != SMALL(0)) {
        return VAL_NONE;
    }
    return binary_op(BINOP_FLOORDIV, d, step);
}

// Position of x in the range (an int value), or None.
static value_t range_find(const range_obj_t *r, value_t x) {
    if (VAL_IS_BOOL(x)) {
        x = SMALL(x == VAL_TRUE);
    }
    if (RANGE_IS_BIG(r) && value_is_int(x)) {
        value_t v[3];
        range_values(r, v);
        return big_find(v, x);
    }
    if (VAL_IS_SMALL(x)) {
        smallint_t v = SMALL_VALUE(x);
        if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) {
            return VAL_NONE;
        }
        uintptr_t d = r->step > 0 ? (uintptr_t)v - (uintptr_t)r->start : (uintptr_t)r->start - (uintptr_t)v;
        uintptr_t s = r->step > 0 ? (uintptr_t)r->step : (uintptr_t)-r->step;
        return d % s == 0 ? int_from_uintptr(d / s) : VAL_NONE;
    }
    if (value_is_int(x)) {
        return VAL_NONE;   // a big int is never in a small range
    }
    // anything else: compare with each item, as CPython does
    value_t iter = obj_getiter(PTR_VAL(r)), item;
    for (size_t i = 0; (item = obj_iternext(iter)) != VAL_STOP; i++) {
        if (obj_equal(item, x)) {
            return int_from_uintptr(i);
        }
    }
    return VAL_NONE;
}

static bool range_equal(const range_obj_t *a, const range_obj_t *b) {
    value_t va[3], vb[3];
    range_values(a, va);
    range_values(b, vb);
    value_t n = RANGE_IS_BIG(a) ? big_len(va) : int_from_uintptr(range_len(a));
    value_t m = RANGE_IS_BIG(b) ? big_len(vb) : int_from_uintptr(range_len(b));
    if (!obj_equal(n, m)) {
        return false;
    }
    if (n == SMALL(0)) {
        return true;
    }
    if (!obj_equal(va[0], vb[0])) {
        return false;
    }
    return n == SMALL(1) || obj_equal(va[2], vb[2]);
}

static value_t range_binary_op(binop_t op, value_t lhs, value_t rhs) {
    range_obj_t *r = VAL_PTR(lhs);
    switch (op) {
        case BINOP_CONTAINS:
            return VAL_BOOL(range_find(r, rhs) != VAL_NONE);
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
    value_t v[3];
    range_values(r, v);
    if (OBJ_TYPE_IS(index, &type_slice)) {
        smallint_t start, stop, step;
        slice_indices(index, range_len_checked(r), &start, &stop, &step);
        // the new bounds are items of the range extended by one step each way
        return range_from_values(big_item(v, SMALL(start)), big_item(v, SMALL(stop)),
                                 binary_op(BINOP_MUL, v[2], SMALL(step)));
    }
    if (!RANGE_IS_BIG(r)) {
        size_t n = range_len(r);
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
    if (VAL_IS_BOOL(index)) {
        index = SMALL(index == VAL_TRUE);
    } else if (!value_is_int(index)) {
        smallint_t i;
        if (!index_value_maybe(index, BIG_CLAMP, &i)) {
            raise_fmt(&type_TypeError, "range indices must be integers or slices, not %T", index);
        }
        index = SMALL(i);
    }
    value_t n = big_len(v);
    if (int_is_negative(index)) {
        index = binary_op(BINOP_ADD, index, n);
    }
    if (int_is_negative(index) || !int_less(index, n)) {
        raise_msg(&type_IndexError, "range object index out of range");
    }
    return big_item(v, index);
}

static void range_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    value_t v[3];
    range_values(VAL_PTR(self), v);
    if (name == Q_start) {
        dest[0] = v[0];
    } else if (name == Q_stop) {
        dest[0] = v[1];
    } else if (name == Q_step) {
        dest[0] = v[2];
    }
}

// The iterator of a small range: the next value, the step and the count left.
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

// The iterator of a big range (CPython's longrange_iterator): int values.
typedef struct big_range_iter {
    obj_t base;
    value_t cur, step, left;
} big_range_iter_t;

static value_t big_range_iter_next(value_t self) {
    big_range_iter_t *it = VAL_PTR(self);
    if (it->left == SMALL(0)) {
        return VAL_STOP;
    }
    it->left = binary_op(BINOP_SUB, it->left, SMALL(1));
    value_t v = it->cur;
    it->cur = binary_op(BINOP_ADD, v, it->step);
    return v;
}

static const type_t type_big_range_iterator = {
    {&type_type},
    .name = Q_range_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = big_range_iter_next,
};

static value_t big_range_iter_new(value_t cur, value_t step, value_t n) {
    big_range_iter_t *it = gc_alloc(sizeof(big_range_iter_t), 0);
    it->base.type = &type_big_range_iterator;
    it->cur = cur;
    it->step = step;
    it->left = n;
    return PTR_VAL(it);
}

static value_t range_getiter(value_t self) {
    range_obj_t *r = VAL_PTR(self);
    if (RANGE_IS_BIG(r)) {
        value_t v[3];
        range_values(r, v);
        return big_range_iter_new(v[0], v[2], big_len(v));
    }
    return range_iter_new(r->start, r->step, range_len(r));
}

static value_t range_reversed_fn(size_t n_args, size_t n_kw, const value_t *args) {
    range_obj_t *r = obj_native(args[0], &type_range);
    if (RANGE_IS_BIG(r)) {
        value_t v[3];
        range_values(r, v);
        value_t n = big_len(v);
        value_t last = n == SMALL(0) ? v[0] : big_item(v, binary_op(BINOP_SUB, n, SMALL(1)));
        return big_range_iter_new(last, unary_op(UNOP_NEG, v[2]), n);
    }
    size_t n = range_len(r);
    return range_iter_new(n ? range_item(r, n - 1) : 0, (smallint_t)(0 - (uintptr_t)r->step), n);
}
static BUILTIN_FN(range_reversed_obj, Q___reversed__, 1, 1, false, range_reversed_fn);

static value_t range_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    range_obj_t *r = obj_native(args[0], &type_range);
    value_t x = args[1];
    if (VAL_IS_SMALL(x) || VAL_IS_BOOL(x) || value_is_int(x)) {
        return SMALL(range_find(r, x) != VAL_NONE);
    }
    value_t iter = obj_getiter(args[0]), item;
    size_t count = 0;
    while ((item = obj_iternext(iter)) != VAL_STOP) {
        count += obj_equal(item, x);
    }
    return int_from_uintptr(count);
}
static BUILTIN_FN(range_count_obj, Q_count, 2, 2, false, range_count_fn);

static value_t range_index_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t i = range_find(obj_native(args[0], &type_range), args[1]);
    if (i == VAL_NONE) {
        raise_fmt(&type_ValueError, "%R is not in range", args[1]);
    }
    return i;
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
