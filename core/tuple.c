// SPDX-License-Identifier: MIT
// tuple.c: the tuple type, and the helpers that tuples and lists share
// (lexicographic comparison, membership, count, index).
//
// A tuple's items follow its header in the same allocation. The empty tuple
// is one const object. The shared helpers take the sequence itself rather
// than its items and fetch the items again after every call out to Python
// (__eq__, __lt__), which may change a list under them.

#include <string.h>

#include "obj.h"

const tuple_obj_t tuple_empty_obj = {{&type_tuple}, 0};

value_t tuple_new(size_t n, const value_t *items) {
    if (n == 0) {
        return PTR_VAL(&tuple_empty_obj);
    }
    if (n > (SIZE_MAX - sizeof(tuple_obj_t)) / sizeof(value_t)) {
        raise_msg(&type_MemoryError, "tuple too large");
    }
    tuple_obj_t *t = gc_alloc(sizeof(tuple_obj_t) + n * sizeof(value_t), 0);
    t->base.type = &type_tuple;
    t->len = n;
    if (items != NULL) {
        memcpy(t->items, items, n * sizeof(value_t));
    } else {
        for (size_t i = 0; i < n; i++) {
            t->items[i] = VAL_NONE;
        }
    }
    return PTR_VAL(t);
}

value_t *seq_items(value_t v, size_t *len) {
    if (!VAL_IS_OBJ(v)) {
        return NULL;
    }
    const type_t *t = OBJ(v)->type;
    // builtin types derived from tuple share its layout (namedtuple types)
    if (t == &type_tuple || (t->parent == &type_tuple && !(t->flags & TYPE_FLAG_HEAP))) {
        tuple_obj_t *o = VAL_PTR(v);
        *len = o->len;
        return o->items;
    }
    if (t == &type_list) {
        list_obj_t *o = VAL_PTR(v);
        *len = o->len;
        return o->items;
    }
    return NULL;
}

value_t tuple_from_iter(value_t iterable) {
    size_t n;
    value_t *items = seq_items(iterable, &n);
    if (items != NULL) {
        if (OBJ_TYPE_IS(iterable, &type_tuple)) {
            return iterable;
        }
        return tuple_new(n, items);
    }
    value_t l = list_new(0, NULL);
    list_extend_from_iter(l, iterable);
    list_obj_t *lo = VAL_PTR(l);
    return tuple_new(lo->len, lo->items);
}

// ---- helpers shared with list ------------------------------------------------------

// Compares two tuples or two lists as CPython does: the first items that
// differ decide, else the lengths.
value_t seq_compare(binop_t op, value_t a, value_t b) {
    size_t na = 0, nb = 0, i = 0;
    value_t *ia = seq_items(a, &na), *ib = seq_items(b, &nb);
    if (na != nb && (op == BINOP_EQ || op == BINOP_NE)) {
        return VAL_BOOL(op == BINOP_NE);
    }
    for (;; i++) {
        ia = seq_items(a, &na);
        ib = seq_items(b, &nb);
        if (i >= na || i >= nb) {
            break;
        }
        value_t x = ia[i], y = ib[i];
        if (x == y) {
            continue;
        }
        if (VAL_IS_SMALL(x) && VAL_IS_SMALL(y)) {
            // two different small ints: decide here
            if (op == BINOP_EQ || op == BINOP_NE) {
                return VAL_BOOL(op == BINOP_NE);
            }
            smallint_t d = (smallint_t)x - (smallint_t)y;
            switch (op) {
                case BINOP_LT: case BINOP_LE: return VAL_BOOL(d < 0);
                default: return VAL_BOOL(d > 0);
            }
        }
        if (!obj_equal(x, y)) {
            if (op == BINOP_EQ || op == BINOP_NE) {
                return VAL_BOOL(op == BINOP_NE);
            }
            return binary_op(op, x, y);
        }
    }
    switch (op) {
        case BINOP_LT: return VAL_BOOL(na < nb);
        case BINOP_LE: return VAL_BOOL(na <= nb);
        case BINOP_GT: return VAL_BOOL(na > nb);
        case BINOP_GE: return VAL_BOOL(na >= nb);
        case BINOP_EQ: return VAL_BOOL(na == nb);
        default: return VAL_BOOL(na != nb);
    }
}

// Position of x in seq[start:stop] (a tuple or list), or -1.
intptr_t seq_find(value_t seq, value_t x, size_t start, size_t stop) {
    size_t n = 0;
    bool x_small = VAL_IS_SMALL(x);
    for (size_t i = start;; i++) {
        value_t *items = seq_items(seq, &n);
        if (i >= stop || i >= n) {
            return -1;
        }
        value_t y = items[i];
        if (y == x || (!(x_small && VAL_IS_SMALL(y)) && obj_equal(y, x))) {
            return (intptr_t)i;
        }
    }
}

size_t seq_count(value_t seq, value_t x) {
    size_t n = 0, count = 0;
    for (size_t i = 0;; i++) {
        value_t *items = seq_items(seq, &n);
        if (i >= n) {
            return count;
        }
        value_t y = items[i];
        count += y == x || (!(VAL_IS_SMALL(x) && VAL_IS_SMALL(y)) && obj_equal(y, x));
    }
}

// index(x[, start[, stop]]) for tuple and list: args[0] is the sequence.
value_t seq_index_method(size_t n_args, const value_t *args, const char *what) {
    size_t n = 0;
    seq_items(args[0], &n);
    smallint_t start = 0, stop = (smallint_t)n;
    if (n_args > 2) {
        start = slice_clamp_index(args[2], n);
    }
    if (n_args > 3) {
        stop = slice_clamp_index(args[3], n);
    }
    intptr_t i = start < stop ? seq_find(args[0], args[1], (size_t)start, (size_t)stop) : -1;
    if (i < 0) {
        if (what[0] == 't') {
            raise_msg(&type_ValueError, "tuple.index(x): x not in tuple");
        }
        raise_fmt(&type_ValueError, "%R is not in list", args[1]);
    }
    return SMALL(i);
}

// Converts a start or stop argument (count, index) as a slice bound.
smallint_t slice_clamp_index(value_t v, size_t len) {
    smallint_t i;
    if (VAL_IS_SMALL(v)) {
        i = SMALL_VALUE(v);
    } else if (value_is_int(v) && !value_get_int_maybe(v, &i)) {
        i = int_is_negative(v) ? SMALL_MIN : SMALL_MAX;
    } else {
        i = index_value(v);
    }
    if (i < 0) {
        i += (smallint_t)len;
        if (i < 0) {
            i = 0;
        }
    } else if ((size_t)i > len) {
        i = (smallint_t)len;
    }
    return i;
}

static void print_items(const print_t *p, value_t self, const char *brackets) {
    size_t i = 0, len;
    print_strn(p, brackets, 1);
    for (;; i++) {
        value_t *items = seq_items(self, &len);
        if (items == NULL || i >= len) {
            break;
        }
        if (i > 0) {
            print_strn(p, ", ", 2);
        }
        obj_print(p, items[i], PRINT_REPR);
    }
    if (i == 1 && brackets[0] == '(') {
        print_strn(p, ",", 1);
    }
    print_strn(p, brackets + 1, 1);
}

// Prints items between open and close brackets, guarding recursion.
void seq_print(const print_t *p, value_t self, const value_t *items, size_t n, const char *brackets) {
    if (!repr_enter(self)) {
        print_fmt(p, "%c...%c", brackets[0], brackets[1]);
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        print_items(p, self, brackets);
        nlr_pop();
        repr_leave(self);
    } else {
        repr_leave(self);
        nlr_raise(nlr.value);
    }
}

// Repeats items n times (for * on tuples and lists): the new item array.
value_t *seq_repeat(const value_t *items, size_t len, value_t times, size_t *out_len) {
    smallint_t k;
    if (!value_get_int_maybe(times, &k)) {
        if (int_is_negative(times)) {
            k = 0;
        } else {
            raise_fmt(&type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
    }
    if (k <= 0 || len == 0) {
        *out_len = 0;
        return NULL;
    }
    if ((size_t)k > (SIZE_MAX / sizeof(value_t) - 8) / len) {
        raise_msg(&type_MemoryError, "repeated sequence too large");
    }
    size_t total = len * (size_t)k;
    value_t *out = gc_alloc(total * sizeof(value_t), 0);
    for (size_t i = 0; i < (size_t)k; i++) {
        memcpy(out + i * len, items, len * sizeof(value_t));
    }
    *out_len = total;
    return out;
}

// ---- the tuple type --------------------------------------------------------------------

static value_t tuple_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "tuple() takes no keyword arguments");
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "tuple expected at most 1 argument, got %zu", n_args);
    }
    if (n_args == 0) {
        return PTR_VAL(&tuple_empty_obj);
    }
    return tuple_from_iter(args[0]);
}

static void tuple_print(const print_t *p, value_t self, print_kind_t kind) {
    tuple_obj_t *t = VAL_PTR(self);
    if (t->len == 0) {
        print_strn(p, "()", 2);
        return;
    }
    seq_print(p, self, t->items, t->len, "()");
}

// CPython's tuple hash (xxHash-like, on the word size), so that sets of
// tuples of ints iterate in CPython's order. Item hashes are widened as
// CPython's are: a small int hashes to itself (-1 to -2).
#if UINTPTR_MAX > 0xFFFFFFFFu
#define XXPRIME_1 ((uintptr_t)11400714785074694791ULL)
#define XXPRIME_2 ((uintptr_t)14029467366897019727ULL)
#define XXPRIME_5 ((uintptr_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))
#else
#define XXPRIME_1 ((uintptr_t)2654435761UL)
#define XXPRIME_2 ((uintptr_t)2246822519UL)
#define XXPRIME_5 ((uintptr_t)374761393UL)
#define XXROTATE(x) (((x) << 13) | ((x) >> 19))
#endif

static uintptr_t tuple_hash(const tuple_obj_t *t) {
    uintptr_t acc = XXPRIME_5;
    for (size_t i = 0; i < t->len; i++) {
        value_t v = t->items[i];
        uintptr_t lane;
        smallint_t n = VAL_IS_SMALL(v) ? SMALL_VALUE(v) : 0;
        if (VAL_IS_SMALL(v) && n > -(SMALL_MAX >> 2) && n < (SMALL_MAX >> 2)) {
            lane = (uintptr_t)(n == -1 ? -2 : n);    // as obj_hash, in full width
        } else {
            lane = (uintptr_t)(intptr_t)(int32_t)obj_hash(v);
        }
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += t->len ^ (XXPRIME_5 ^ 3527539UL);
    return acc == (uintptr_t)-1 ? 1546275796u : acc;
}

static value_t tuple_unary_op(unop_t op, value_t self) {
    tuple_obj_t *t = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(t->len != 0);
        case UNOP_LEN:
            return SMALL(t->len);
        case UNOP_HASH:
            return SMALL(tuple_hash(t) & 0x3fffffff);
        default:
            return VAL_NULL;
    }
}

static value_t tuple_binary_op(binop_t op, value_t lhs, value_t rhs) {
    tuple_obj_t *t = VAL_PTR(lhs);
    switch (op) {
        case BINOP_ADD: {
            if (!OBJ_TYPE_IS(rhs, &type_tuple)) {
                tuple_obj_t *o = obj_native_maybe(rhs, &type_tuple);
                if (o == NULL) {
                    if (VAL_IS_OBJ(rhs) && (OBJ(rhs)->type->flags & TYPE_FLAG_HEAP)) {
                        return VAL_NULL;   // let the runtime try rhs.__radd__
                    }
                    raise_fmt(&type_TypeError, "can only concatenate tuple (not \"%T\") to tuple", rhs);
                }
                rhs = PTR_VAL(o);
            }
            tuple_obj_t *o = VAL_PTR(rhs);
            if (o->len == 0) {
                return lhs;
            }
            if (t->len == 0) {
                return rhs;
            }
            value_t r = tuple_new(t->len + o->len, NULL);
            tuple_obj_t *ro = VAL_PTR(r);
            memcpy(ro->items, t->items, t->len * sizeof(value_t));
            memcpy(ro->items + t->len, o->items, o->len * sizeof(value_t));
            return r;
        }
        case BINOP_MUL:
        case BINOP_REFLECTED_MUL: {
            if (!value_is_int(rhs)) {
                return VAL_NULL;
            }
            if (rhs == SMALL(1)) {
                return lhs;
            }
            size_t n;
            value_t *items = seq_repeat(t->items, t->len, rhs, &n);
            value_t r = tuple_new(n, items);
            return r;
        }
        case BINOP_CONTAINS:
            return VAL_BOOL(seq_find(lhs, rhs, 0, t->len) >= 0);
        case BINOP_LT:
        case BINOP_GT:
        case BINOP_LE:
        case BINOP_GE:
        case BINOP_EQ:
        case BINOP_NE:
            if (!OBJ_TYPE_IS(rhs, &type_tuple)) {
                tuple_obj_t *o = obj_native_maybe(rhs, &type_tuple);
                if (o == NULL) {
                    return VAL_NULL;
                }
                rhs = PTR_VAL(o);
            }
            return seq_compare(op, lhs, rhs);
        default:
            return VAL_NULL;
    }
}

static value_t tuple_subscr(value_t self, value_t index, value_t value) {
    if (value != VAL_SENTINEL) {
        return VAL_NULL;
    }
    tuple_obj_t *t = VAL_PTR(self);
    if (VAL_IS_SMALL(index)) {
        smallint_t i = SMALL_VALUE(index);
        if (i < 0) {
            i += (smallint_t)t->len;
        }
        if (i < 0 || (size_t)i >= t->len) {
            raise_msg(&type_IndexError, "tuple index out of range");
        }
        return t->items[i];
    }
    if (OBJ_TYPE_IS(index, &type_slice)) {
        smallint_t start, stop, step;
        slice_indices(index, t->len, &start, &stop, &step);
        size_t n = slice_length(start, stop, step);
        if (step == 1) {
            if (n == t->len) {
                return self;
            }
            return tuple_new(n, t->items + start);
        }
        value_t r = tuple_new(n, NULL);
        tuple_obj_t *ro = VAL_PTR(r);
        for (size_t i = 0; i < n; i++, start += step) {
            ro->items[i] = t->items[start];
        }
        return r;
    }
    return t->items[seq_index(index, t->len, "tuple")];
}

// The iterator: shared with lists, which may change length while iterated.
typedef struct tuple_iter {
    obj_t base;
    value_t seq;
    size_t pos;
} tuple_iter_t;

static value_t tuple_iter_next(value_t self) {
    tuple_iter_t *it = VAL_PTR(self);
    tuple_obj_t *t = VAL_PTR(it->seq);
    if (it->pos < t->len) {
        return t->items[it->pos++];
    }
    return VAL_STOP;
}

const type_t type_tuple_iterator = {
    {&type_type},
    .name = Q_tuple_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = tuple_iter_next,
};

static value_t tuple_getiter(value_t self) {
    tuple_iter_t *it = gc_alloc(sizeof(tuple_iter_t), 0);
    it->base.type = &type_tuple_iterator;
    it->seq = self;
    return PTR_VAL(it);
}

static value_t tuple_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    tuple_obj_t *t = obj_native(args[0], &type_tuple);
    return SMALL(seq_count(PTR_VAL(t), args[1]));
}
static BUILTIN_FN(tuple_count_obj, Q_count, 2, 2, false, tuple_count_fn);

static value_t tuple_index_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[4];
    memcpy(a, args, n_args * sizeof(value_t));
    a[0] = PTR_VAL(obj_native(args[0], &type_tuple));
    return seq_index_method(n_args, a, "tuple");
}
static BUILTIN_FN(tuple_index_obj, Q_index, 2, 4, false, tuple_index_fn);

static value_t tuple_getitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return tuple_subscr(PTR_VAL(obj_native(args[0], &type_tuple)), args[1], VAL_SENTINEL);
}
static BUILTIN_FN(tuple_getitem_obj, Q___getitem__, 2, 2, false, tuple_getitem_fn);

static value_t tuple_len_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(((tuple_obj_t *)obj_native(args[0], &type_tuple))->len);
}
static BUILTIN_FN(tuple_len_obj, Q___len__, 1, 1, false, tuple_len_fn);

static const map_entry_t tuple_locals_table[] = {
    {QSTR(Q___getitem__), PTR_VAL(&tuple_getitem_obj)},
    {QSTR(Q___len__), PTR_VAL(&tuple_len_obj)},
    {QSTR(Q_count), PTR_VAL(&tuple_count_obj)},
    {QSTR(Q_index), PTR_VAL(&tuple_index_obj)},
};
static const map_t tuple_locals = MAP_ROM(tuple_locals_table);

const type_t type_tuple = {
    {&type_type},
    .name = Q_tuple,
    .flags = TYPE_FLAG_BASETYPE,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary_op = tuple_unary_op,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
    .locals = &tuple_locals,
};
