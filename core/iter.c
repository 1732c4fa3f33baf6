// SPDX-License-Identifier: MIT
// iter.c: the iterator types of the builtins (enumerate, zip, map, filter,
// reversed, the __getitem__ iterator and the callable iterator of
// iter(f, sentinel)) and the builtins that consume iterables: iter, next,
// all, any, sum, min, max, sorted.
//
// Every iterator here follows the runtime's protocol: iternext returns
// VAL_STOP at the end instead of raising StopIteration. Loops over lists
// and tuples read the items directly.

#include <string.h>

#include "obj.h"

value_t iter_self(value_t self) {
    return self;
}

// Raises TypeError unless iter is an iterator.
static void check_iterator(value_t it) {
    const type_t *t = value_type(it);
    if (t->iternext == NULL && !(t->flags & TYPE_FLAG_HEAP)) {
        raise_fmt(&type_TypeError, "'%T' object is not an iterator", it);
    }
}

// Calls obj[index]; VAL_STOP when it raises IndexError or StopIteration.
static value_t getitem_or_stop(value_t obj, value_t index) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t v = obj_subscr(obj, index, VAL_SENTINEL);
        nlr_pop();
        return v;
    }
    if (exc_matches(nlr.value, PTR_VAL(&type_IndexError)) ||
        exc_matches(nlr.value, PTR_VAL(&type_StopIteration))) {
        return VAL_STOP;
    }
    nlr_raise(nlr.value);
}

// ---- the __getitem__ iterator (the old sequence protocol) ---------------------------

typedef struct seq_iter {
    obj_t base;
    value_t seq;      // VAL_NULL once exhausted
    size_t index;
} seq_iter_t;

static value_t seq_iter_next(value_t self) {
    seq_iter_t *it = VAL_PTR(self);
    if (it->seq == VAL_NULL) {
        return VAL_STOP;
    }
    value_t v = getitem_or_stop(it->seq, int_from_uintptr(it->index));
    if (v == VAL_STOP) {
        it->seq = VAL_NULL;
    } else {
        it->index++;
    }
    return v;
}

const type_t type_iterator = {
    {&type_type},
    .name = Q_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = seq_iter_next,
};

value_t iter_new_getitem(value_t seq) {
    seq_iter_t *it = gc_alloc(sizeof(seq_iter_t), 0);
    it->base.type = &type_iterator;
    it->seq = seq;
    return PTR_VAL(it);
}

// ---- iter(callable, sentinel) ---------------------------------------------------------

typedef struct callable_iter {
    obj_t base;
    value_t fn;       // VAL_NULL once exhausted
    value_t sentinel;
} callable_iter_t;

static value_t callable_iter_next(value_t self) {
    callable_iter_t *it = VAL_PTR(self);
    if (it->fn == VAL_NULL) {
        return VAL_STOP;
    }
    value_t v;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        v = call_function_0(it->fn);
        nlr_pop();
    } else {
        if (exc_matches(nlr.value, PTR_VAL(&type_StopIteration))) {
            it->fn = VAL_NULL;
            return VAL_STOP;
        }
        nlr_raise(nlr.value);
    }
    if (v == it->sentinel || obj_equal(v, it->sentinel)) {
        it->fn = VAL_NULL;
        return VAL_STOP;
    }
    return v;
}

const type_t type_callable_iterator = {
    {&type_type},
    .name = Q_callable_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = callable_iter_next,
};

static value_t builtin_iter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 1) {
        return obj_getiter(args[0]);
    }
    const type_t *t = value_type(args[0]);
    if (t->call == NULL && t != &type_type && !(t->flags & TYPE_FLAG_HEAP) &&
        t != &type_function && t != &type_builtin_function && t != &type_bound_method) {
        raise_msg(&type_TypeError, "iter(v, w): v must be callable");
    }
    callable_iter_t *it = gc_alloc(sizeof(callable_iter_t), 0);
    it->base.type = &type_callable_iterator;
    it->fn = args[0];
    it->sentinel = args[1];
    return PTR_VAL(it);
}
BUILTIN_FN(builtin_iter_obj, Q_iter, 1, 2, false, builtin_iter_fn);

static value_t builtin_next_fn(size_t n_args, size_t n_kw, const value_t *args) {
    check_iterator(args[0]);
    value_t v = obj_iternext(args[0]);
    if (v == VAL_STOP) {
        if (n_args > 1) {
            return args[1];
        }
        // A generator's return value travels in the StopIteration.
        value_t ret = generator_return_value(args[0]);
        raise_obj(exc_new(&type_StopIteration, ret != VAL_NONE ? 1 : 0, &ret));
    }
    return v;
}
BUILTIN_FN(builtin_next_obj, Q_next, 1, 2, false, builtin_next_fn);

// ---- enumerate -------------------------------------------------------------------------

typedef struct enumerate_obj {
    obj_t base;
    value_t iter;
    value_t count;
} enumerate_obj_t;

static const qstr_t enumerate_kws[] = {Q_iterable, Q_start, Q_NULL};

static value_t enumerate_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_kw_check_invalid(n_args, n_kw, args, enumerate_kws, "enumerate");
    value_t iterable = n_args > 0 ? args[0] : arg_kw(n_args, n_kw, args, Q_iterable);
    value_t start = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_start);
    if (n_args > 2) {
        raise_fmt(&type_TypeError, "enumerate() takes at most 2 arguments (%zu given)", n_args);
    }
    if (iterable == VAL_NULL) {
        raise_msg(&type_TypeError, "enumerate() missing required argument 'iterable'");
    }
    if (start == VAL_NULL) {
        start = SMALL(0);
    } else if (!value_is_int(start)) {
        raise_fmt(&type_TypeError, "'%T' object cannot be interpreted as an integer", start);
    }
    enumerate_obj_t *e = gc_alloc(sizeof(enumerate_obj_t), 0);
    e->base.type = &type_enumerate;
    e->iter = obj_getiter(iterable);
    e->count = start;
    return PTR_VAL(e);
}

static value_t enumerate_next(value_t self) {
    enumerate_obj_t *e = VAL_PTR(self);
    value_t x = obj_iternext(e->iter);
    if (x == VAL_STOP) {
        return VAL_STOP;
    }
    value_t pair[2] = {e->count, x};
    value_t c = e->count;
    if (VAL_IS_SMALL(c) && c != SMALL(SMALL_MAX)) {
        e->count = c + 2;    // SMALL(n + 1)
    } else {
        e->count = binary_op(BINOP_ADD, c, SMALL(1));
    }
    return tuple_new(2, pair);
}

const type_t type_enumerate = {
    {&type_type},
    .name = Q_enumerate,
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .make_new = enumerate_make_new,
    .getiter = iter_self,
    .iternext = enumerate_next,
};

// ---- zip --------------------------------------------------------------------------------

typedef struct zip_obj {
    obj_t base;
    size_t n;
    bool strict;
    bool done;
    value_t iters[];
} zip_obj_t;

static const qstr_t zip_kws[] = {Q_strict, Q_NULL};

static value_t zip_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_kw_check_invalid(n_args, n_kw, args, zip_kws, "zip");
    value_t strict = arg_kw(n_args, n_kw, args, Q_strict);
    zip_obj_t *z = gc_alloc(sizeof(zip_obj_t) + n_args * sizeof(value_t), 0);
    z->base.type = &type_zip;
    z->n = n_args;
    z->strict = strict != VAL_NULL && obj_is_true(strict);
    for (size_t i = 0; i < n_args; i++) {
        z->iters[i] = obj_getiter(args[i]);
    }
    return PTR_VAL(z);
}

_Noreturn static void zip_length_error(size_t i, const char *what) {
    if (i == 1) {
        raise_fmt(&type_ValueError, "zip() argument 2 is %s than argument 1", what);
    }
    raise_fmt(&type_ValueError, "zip() argument %zu is %s than arguments 1-%zu", i + 1, what, i);
}

static value_t zip_next(value_t self) {
    zip_obj_t *z = VAL_PTR(self);
    if (z->n == 0 || z->done) {
        return VAL_STOP;
    }
    value_t r = tuple_new(z->n, NULL);
    tuple_obj_t *t = VAL_PTR(r);
    for (size_t i = 0; i < z->n; i++) {
        value_t x = obj_iternext(z->iters[i]);
        if (x == VAL_STOP) {
            z->done = true;
            if (z->strict) {
                if (i > 0) {
                    zip_length_error(i, "shorter");
                }
                for (size_t j = 1; j < z->n; j++) {
                    if (obj_iternext(z->iters[j]) != VAL_STOP) {
                        zip_length_error(j, "longer");
                    }
                }
            }
            return VAL_STOP;
        }
        t->items[i] = x;
    }
    return r;
}

const type_t type_zip = {
    {&type_type},
    .name = Q_zip,
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .make_new = zip_make_new,
    .getiter = iter_self,
    .iternext = zip_next,
};

// ---- map --------------------------------------------------------------------------------

typedef struct map_obj {
    obj_t base;
    value_t fn;
    size_t n;
    value_t iters[];
} map_obj_t;

static value_t map_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "map() takes no keyword arguments");
    }
    if (n_args < 2) {
        raise_msg(&type_TypeError, "map() must have at least two arguments.");
    }
    map_obj_t *m = gc_alloc(sizeof(map_obj_t) + (n_args - 1) * sizeof(value_t), 0);
    m->base.type = &type_map;
    m->fn = args[0];
    m->n = n_args - 1;
    for (size_t i = 1; i < n_args; i++) {
        m->iters[i - 1] = obj_getiter(args[i]);
    }
    return PTR_VAL(m);
}

static value_t map_iter_next(value_t self) {
    map_obj_t *m = VAL_PTR(self);
    if (m->n == 1) {
        value_t x = obj_iternext(m->iters[0]);
        return x == VAL_STOP ? VAL_STOP : call_function_1(m->fn, x);
    }
    value_t small[4];
    value_t *a = m->n <= 4 ? small : gc_alloc(m->n * sizeof(value_t), 0);
    for (size_t i = 0; i < m->n; i++) {
        a[i] = obj_iternext(m->iters[i]);
        if (a[i] == VAL_STOP) {
            return VAL_STOP;
        }
    }
    return call_function(m->fn, m->n, 0, a);
}

const type_t type_map = {
    {&type_type},
    .name = Q_map,
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .make_new = map_make_new,
    .getiter = iter_self,
    .iternext = map_iter_next,
};

// ---- filter -------------------------------------------------------------------------------

typedef struct filter_obj {
    obj_t base;
    value_t fn;
    value_t iter;
} filter_obj_t;

static value_t filter_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "filter() takes no keyword arguments");
    }
    if (n_args != 2) {
        raise_fmt(&type_TypeError, "filter expected 2 arguments, got %zu", n_args);
    }
    filter_obj_t *f = gc_alloc(sizeof(filter_obj_t), 0);
    f->base.type = &type_filter;
    f->fn = args[0];
    f->iter = obj_getiter(args[1]);
    return PTR_VAL(f);
}

static value_t filter_next(value_t self) {
    filter_obj_t *f = VAL_PTR(self);
    for (;;) {
        value_t x = obj_iternext(f->iter);
        if (x == VAL_STOP) {
            return VAL_STOP;
        }
        bool keep = f->fn == VAL_NONE || f->fn == PTR_VAL(&type_bool)
                        ? obj_is_true(x) : obj_is_true(call_function_1(f->fn, x));
        if (keep) {
            return x;
        }
    }
}

const type_t type_filter = {
    {&type_type},
    .name = Q_filter,
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .make_new = filter_make_new,
    .getiter = iter_self,
    .iternext = filter_next,
};

// ---- reversed -------------------------------------------------------------------------------

typedef struct reversed_obj {
    obj_t base;
    value_t seq;     // VAL_NULL once exhausted
    size_t left;     // items not yet returned: the next is seq[left - 1]
} reversed_obj_t;

static value_t reversed_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "reversed() takes no keyword arguments");
    }
    if (n_args != 1) {
        raise_fmt(&type_TypeError, "reversed expected 1 argument, got %zu", n_args);
    }
    value_t seq = args[0];
    value_t dest[2];
    if (!OBJ_TYPE_IS(seq, &type_tuple) && obj_load_method_maybe(seq, Q___reversed__, dest)) {
        if (dest[0] == VAL_NONE) {
            raise_fmt(&type_TypeError, "'%T' object is not reversible", seq);
        }
        return dest[1] != VAL_NULL ? call_function(dest[0], 1, 0, &dest[1]) : call_function_0(dest[0]);
    }
    const type_t *t = value_type(seq);
    bool is_seq = t != &type_dict && (t->flags & TYPE_FLAG_HEAP ? obj_load_method_maybe(seq, Q___getitem__, dest)
                                                                 : t->subscr != NULL);
    if (!is_seq) {
        raise_fmt(&type_TypeError, "'%T' object is not reversible", seq);
    }
    reversed_obj_t *r = gc_alloc(sizeof(reversed_obj_t), 0);
    r->base.type = &type_reversed;
    r->seq = seq;
    r->left = obj_len_size(seq);
    return PTR_VAL(r);
}

static value_t reversed_next(value_t self) {
    reversed_obj_t *r = VAL_PTR(self);
    if (r->seq == VAL_NULL || r->left == 0) {
        r->seq = VAL_NULL;
        return VAL_STOP;
    }
    r->left--;
    if (OBJ_TYPE_IS(r->seq, &type_tuple)) {
        return ((tuple_obj_t *)VAL_PTR(r->seq))->items[r->left];
    }
    value_t v = getitem_or_stop(r->seq, int_from_uintptr(r->left));
    if (v == VAL_STOP) {
        r->seq = VAL_NULL;
    }
    return v;
}

const type_t type_reversed = {
    {&type_type},
    .name = Q_reversed,
    .flags = TYPE_FLAG_ITER_IS_SELF | TYPE_FLAG_BASETYPE,
    .make_new = reversed_make_new,
    .getiter = iter_self,
    .iternext = reversed_next,
};

// ---- all, any, sum --------------------------------------------------------------------------

static value_t all_any(value_t iterable, bool want) {
    size_t n;
    value_t *items = seq_items(iterable, &n);
    if (items != NULL) {
        for (size_t i = 0; i < n; i++) {
            if (obj_is_true(items[i]) == want) {
                return VAL_BOOL(want);
            }
            items = seq_items(iterable, &n);
        }
        return VAL_BOOL(!want);
    }
    value_t it = obj_getiter(iterable), x;
    while ((x = obj_iternext(it)) != VAL_STOP) {
        if (obj_is_true(x) == want) {
            return VAL_BOOL(want);
        }
    }
    return VAL_BOOL(!want);
}

static value_t builtin_all_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return all_any(args[0], false);
}
BUILTIN_FN(builtin_all_obj, Q_all, 1, 1, false, builtin_all_fn);

static value_t builtin_any_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return all_any(args[0], true);
}
BUILTIN_FN(builtin_any_obj, Q_any, 1, 1, false, builtin_any_fn);

static const qstr_t sum_kws[] = {Q_start, Q_NULL};

static value_t builtin_sum_fn(size_t n_args, size_t n_kw, const value_t *args) {
    arg_kw_check(n_args, n_kw, args, sum_kws, Q_sum);
    value_t acc = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_start);
    if (acc == VAL_NULL) {
        acc = SMALL(0);
    } else if (value_is_str(acc)) {
        raise_msg(&type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    } else if (OBJ_TYPE_IS(acc, &type_bytes)) {
        raise_msg(&type_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    } else if (OBJ_TYPE_IS(acc, &type_bytearray)) {
        raise_msg(&type_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    value_t it = obj_getiter(args[0]), x;
    // small ints: add in C until the sum leaves the small range
    while (VAL_IS_SMALL(acc)) {
        x = obj_iternext(it);
        if (x == VAL_STOP) {
            return acc;
        }
        smallint_t s;
        if (VAL_IS_SMALL(x) && !__builtin_add_overflow(SMALL_VALUE(acc), SMALL_VALUE(x), &s) && SMALL_FITS(s)) {
            acc = SMALL(s);
        } else {
            acc = binary_op(BINOP_ADD, acc, x);
        }
    }
    // floats: add in C in the float width of the target
    if (OBJ_TYPE_IS(acc, &type_float)) {
        pyfloat_t f = (pyfloat_t)float_value(acc);
        while ((x = obj_iternext(it)) != VAL_STOP) {
            if (OBJ_TYPE_IS(x, &type_float)) {
                f += (pyfloat_t)float_value(x);
            } else if (VAL_IS_SMALL(x)) {
                f += (pyfloat_t)SMALL_VALUE(x);
            } else {
                acc = binary_op(BINOP_ADD, float_new(f), x);
                goto generic;
            }
        }
        return float_new(f);
    }
generic:
    while ((x = obj_iternext(it)) != VAL_STOP) {
        acc = binary_op(BINOP_ADD, acc, x);
    }
    return acc;
}
BUILTIN_FN(builtin_sum_obj, Q_sum, 1, 2, true, builtin_sum_fn);

// ---- min, max -----------------------------------------------------------------------------

static const qstr_t minmax_kws[] = {Q_key, Q_default, Q_NULL};

static inline bool better(value_t a, value_t b, binop_t op) {
    if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
        return op == BINOP_GT ? (smallint_t)a > (smallint_t)b : (smallint_t)a < (smallint_t)b;
    }
    return obj_is_true(binary_op(op, a, b));
}

static value_t min_max(size_t n_args, size_t n_kw, const value_t *args, binop_t op, qstr_t name) {
    arg_kw_check_invalid(n_args, n_kw, args, minmax_kws, qstr_str(name));
    if (n_args == 0) {
        raise_fmt(&type_TypeError, "%q expected at least 1 argument, got 0", name);
    }
    value_t key = arg_kw(n_args, n_kw, args, Q_key);
    value_t dflt = arg_kw(n_args, n_kw, args, Q_default);
    if (key == VAL_NONE) {
        key = VAL_NULL;
    }
    if (dflt != VAL_NULL && n_args > 1) {
        raise_fmt(&type_TypeError, "Cannot specify a default for %q() with multiple positional arguments", name);
    }
    // Several arguments are compared where they are: no tuple, no iterator.
    value_t best = VAL_NULL, best_key = VAL_NULL, x;
    value_t it = n_args == 1 ? obj_getiter(args[0]) : VAL_NULL;
    for (size_t i = 0; (x = it != VAL_NULL ? obj_iternext(it) : i < n_args ? args[i] : VAL_STOP) != VAL_STOP; i++) {
        value_t k = key != VAL_NULL ? call_function_1(key, x) : x;
        if (best == VAL_NULL || better(k, best_key, op)) {
            best = x;
            best_key = k;
        }
    }
    if (best == VAL_NULL) {
        if (dflt != VAL_NULL) {
            return dflt;
        }
        raise_fmt(&type_ValueError, "%q() arg is an empty sequence", name);
    }
    return best;
}

static value_t builtin_min_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return min_max(n_args, n_kw, args, BINOP_LT, Q_min);
}
BUILTIN_FN(builtin_min_obj, Q_min, 0, ARGS_MAX, true, builtin_min_fn);

static value_t builtin_max_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return min_max(n_args, n_kw, args, BINOP_GT, Q_max);
}
BUILTIN_FN(builtin_max_obj, Q_max, 0, ARGS_MAX, true, builtin_max_fn);

// ---- sorted ----------------------------------------------------------------------------------

static const qstr_t sorted_kws[] = {Q_key, Q_reverse, Q_NULL};

static value_t builtin_sorted_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args != 1) {
        raise_fmt(&type_TypeError, "sorted expected 1 argument, got %zu", n_args);
    }
    arg_kw_check_invalid(n_args, n_kw, args, sorted_kws, "sort");
    value_t key = arg_kw(n_args, n_kw, args, Q_key);
    value_t rev = arg_kw(n_args, n_kw, args, Q_reverse);
    value_t l = list_from_iter(args[0]);
    list_sort(l, key, rev != VAL_NULL && obj_is_true(rev));
    return l;
}
BUILTIN_FN(builtin_sorted_obj, Q_sorted, 0, ARGS_MAX, true, builtin_sorted_fn);
