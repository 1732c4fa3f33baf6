// SPDX-License-Identifier: MIT
// list.c: the list type, its sort, and the repr recursion guard that every
// container's repr uses.
//
// A list's items live in a separate array that grows by half again when
// full, so appends are amortised O(1). Sorting is a stable merge sort on a
// copy of the items (so that a comparison that raises leaves the list as it
// was), with fast comparisons for small ints, strs and floats; with key=,
// the keys are computed once and sorted as (key, item) pairs.

#include <string.h>

#include "obj.h"

// ---- repr recursion guard ------------------------------------------------------------

// The containers being printed, outermost first. Deeper nesting than the
// array holds is not guarded (the C stack check stops it).
#define REPR_STACK_MAX 16
static value_t repr_stack[REPR_STACK_MAX];
static size_t repr_depth;

bool repr_enter(value_t v) {
    size_t n = repr_depth < REPR_STACK_MAX ? repr_depth : REPR_STACK_MAX;
    for (size_t i = 0; i < n; i++) {
        if (repr_stack[i] == v) {
            return false;
        }
    }
    if (repr_depth < REPR_STACK_MAX) {
        repr_stack[repr_depth] = v;
    }
    repr_depth++;
    return true;
}

void repr_leave(value_t v) {
    if (repr_depth > 0) {
        repr_depth--;
    }
}

// ---- construction and growth ----------------------------------------------------------

static inline list_obj_t *as_list(value_t v) {
    if (OBJ_TYPE_IS(v, &type_list)) {
        return VAL_PTR(v);
    }
    return obj_native(v, &type_list);
}

value_t list_new(size_t n, const value_t *items) {
    list_obj_t *l = gc_alloc(sizeof(list_obj_t), 0);
    l->base.type = &type_list;
    if (n > 0) {
        if (n > SIZE_MAX / sizeof(value_t) / 2) {
            raise_msg(&type_MemoryError, "list too large");
        }
        l->items = gc_alloc(n * sizeof(value_t), 0);
        l->alloc = l->len = n;
        if (items != NULL) {
            memcpy(l->items, items, n * sizeof(value_t));
        } else {
            for (size_t i = 0; i < n; i++) {
                l->items[i] = VAL_NONE;
            }
        }
    }
    return PTR_VAL(l);
}

// Makes room for `extra` more items.
static void list_reserve(list_obj_t *l, size_t extra) {
    size_t need = l->len + extra;
    if (need <= l->alloc) {
        return;
    }
    if (need < l->len || need > SIZE_MAX / sizeof(value_t) / 2) {
        raise_msg(&type_MemoryError, "list too large");
    }
    size_t grow = l->alloc + (l->alloc >> 1) + 4;
    size_t alloc = need > grow ? need : grow;
    l->items = gc_realloc(l->items, alloc * sizeof(value_t));
    l->alloc = alloc;
}

void list_append(value_t list, value_t item) {
    list_obj_t *l = as_list(list);
    if (l->len >= l->alloc) {
        list_reserve(l, 1);
    }
    l->items[l->len++] = item;
}

void list_extend_from_iter(value_t list, value_t iterable) {
    list_obj_t *l = as_list(list);
    size_t n;
    value_t *src = seq_items(iterable, &n);
    if (src != NULL) {
        list_reserve(l, n);
        src = seq_items(iterable, &n);    // may have moved if it is l
        if (n > 0) {                      // an empty list's items may be NULL
            memmove(l->items + l->len, src, n * sizeof(value_t));
        }
        l->len += n;
        return;
    }
    value_t it = obj_getiter(iterable), x;
    while ((x = obj_iternext(it)) != VAL_STOP) {
        if (l->len >= l->alloc) {
            list_reserve(l, 1);
        }
        l->items[l->len++] = x;
    }
}

value_t list_from_iter(value_t iterable) {
    value_t l = list_new(0, NULL);
    list_extend_from_iter(l, iterable);
    return l;
}

static void list_shrink(list_obj_t *l) {
    if (l->alloc > 16 && l->len < l->alloc / 4) {
        size_t alloc = l->len * 2 + 4;
        l->items = gc_realloc(l->items, alloc * sizeof(value_t));
        l->alloc = alloc;
    }
}

value_t list_pop(value_t list, smallint_t index) {
    list_obj_t *l = as_list(list);
    if (l->len == 0) {
        raise_msg(&type_IndexError, "pop from empty list");
    }
    if (index < 0) {
        index += (smallint_t)l->len;
    }
    if (index < 0 || (size_t)index >= l->len) {
        raise_msg(&type_IndexError, "pop index out of range");
    }
    value_t v = l->items[index];
    l->len--;
    memmove(l->items + index, l->items + index + 1, (l->len - (size_t)index) * sizeof(value_t));
    l->items[l->len] = VAL_NULL;
    list_shrink(l);
    return v;
}

// ---- sorting ------------------------------------------------------------------------------

static bool sort_lt(value_t a, value_t b) {
    if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
        return (smallint_t)a < (smallint_t)b;
    }
    if ((VAL_IS_QSTR(a) || OBJ_TYPE_IS(a, &type_str)) && (VAL_IS_QSTR(b) || OBJ_TYPE_IS(b, &type_str))) {
        size_t la, lb;
        const char *sa = str_data(a, &la), *sb = str_data(b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        return c < 0 || (c == 0 && la < lb);
    }
    if (OBJ_TYPE_IS(a, &type_float) && OBJ_TYPE_IS(b, &type_float)) {
        return float_value(a) < float_value(b);
    }
    return obj_is_true(binary_op(BINOP_LT, a, b));
}

typedef struct sorter {
    value_t *tmp;
    unsigned stride;     // 1: items; 2: (key, item) pairs
    bool reverse;
} sorter_t;

static inline bool sort_less(const sorter_t *s, value_t a, value_t b) {
    return s->reverse ? sort_lt(b, a) : sort_lt(a, b);
}

static inline void copy_el(value_t *dst, const value_t *src, unsigned stride) {
    dst[0] = src[0];
    if (stride == 2) {
        dst[1] = src[1];
    }
}

static void insertion_sort(const sorter_t *s, value_t *a, size_t n) {
    unsigned w = s->stride;
    for (size_t i = 1; i < n; i++) {
        value_t x[2];
        copy_el(x, a + i * w, w);
        size_t j = i;
        while (j > 0 && sort_less(s, x[0], a[(j - 1) * w])) {
            copy_el(a + j * w, a + (j - 1) * w, w);
            j--;
        }
        copy_el(a + j * w, x, w);
    }
}

static void merge_sort(const sorter_t *s, value_t *a, size_t n) {
    if (n <= 8) {
        insertion_sort(s, a, n);
        return;
    }
    unsigned w = s->stride;
    size_t h = n / 2;
    merge_sort(s, a, h);
    merge_sort(s, a + h * w, n - h);
    if (!sort_less(s, a[h * w], a[(h - 1) * w])) {
        return;    // the halves are already in order
    }
    value_t *tmp = s->tmp;
    memcpy(tmp, a, h * w * sizeof(value_t));
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        if (sort_less(s, a[j * w], tmp[i * w])) {
            copy_el(a + k * w, a + j * w, w);
            j++;
        } else {
            copy_el(a + k * w, tmp + i * w, w);
            i++;
        }
        k++;
    }
    memcpy(a + k * w, tmp + i * w, (h - i) * w * sizeof(value_t));
}

// Sorts a copy of the n items into work (allocated here); returns it.
static value_t *sort_copy(sorter_t *s, const value_t *items, size_t n, value_t key) {
    value_t *work = gc_alloc(n * s->stride * sizeof(value_t), 0);
    if (s->stride == 1) {
        memcpy(work, items, n * sizeof(value_t));
    } else {
        for (size_t i = 0; i < n; i++) {
            work[2 * i] = call_function_1(key, items[i]);
            work[2 * i + 1] = items[i];
        }
    }
    // strictly descending input (reversed data) is reversed in O(n)
    size_t w = s->stride, run = 1;
    while (run < n && sort_less(s, work[run * w], work[(run - 1) * w])) {
        run++;
    }
    if (run == n) {
        for (size_t i = 0, j = n - 1; i < j; i++, j--) {
            value_t t[2];
            copy_el(t, work + i * w, w);
            copy_el(work + i * w, work + j * w, w);
            copy_el(work + j * w, t, w);
        }
        return work;
    }
    s->tmp = gc_alloc((n / 2 + 1) * s->stride * sizeof(value_t), 0);
    merge_sort(s, work, n);
    gc_free(s->tmp);
    return work;
}

static void sort_list(list_obj_t *l, const value_t key, const bool reverse) {
    size_t n = l->len, alloc = l->alloc;
    value_t *items = l->items;
    if (n == 0 || (n < 2 && key == VAL_NONE)) {
        return;
    }
    // the list looks empty while sorting, as in CPython
    l->items = NULL;
    l->len = l->alloc = 0;
    sorter_t s = {NULL, key == VAL_NONE ? 1 : 2, reverse};
    value_t *work;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        work = sort_copy(&s, items, n, key);
        nlr_pop();
    } else {
        l->items = items;
        l->len = n;
        l->alloc = alloc;
        nlr_raise(nlr.value);
    }
    bool modified = l->items != NULL || l->len != 0;
    for (size_t i = 0; i < n; i++) {
        items[i] = work[i * s.stride + s.stride - 1];
    }
    l->items = items;
    l->len = n;
    l->alloc = alloc;
    gc_free(work);
    if (modified) {
        raise_msg(&type_ValueError, "list modified during sort");
    }
}

void list_sort(value_t list, value_t key, bool reverse) {
    sort_list(as_list(list), key == VAL_NULL ? VAL_NONE : key, reverse);
}

// ---- the list type ---------------------------------------------------------------------------

static value_t list_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_msg(&type_TypeError, "list() takes no keyword arguments");
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "list expected at most 1 argument, got %zu", n_args);
    }
    value_t l = list_new(0, NULL);
    if (n_args == 1) {
        list_extend_from_iter(l, args[0]);
    }
    return l;
}

static void list_print(const print_t *p, value_t self, print_kind_t kind) {
    list_obj_t *l = VAL_PTR(self);
    if (l->len == 0) {
        print_strn(p, "[]", 2);
        return;
    }
    seq_print(p, self, l->items, l->len, "[]");
}

static value_t list_unary_op(unop_t op, value_t self) {
    list_obj_t *l = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(l->len != 0);
        case UNOP_LEN:
            return SMALL(l->len);
        case UNOP_HASH:
            raise_msg(&type_TypeError, "unhashable type: 'list'");
        default:
            return VAL_NULL;
    }
}

static value_t list_repeat(list_obj_t *l, value_t times) {
    size_t n;
    value_t *items = seq_repeat(l->items, l->len, times, &n);
    list_obj_t *r = VAL_PTR(list_new(0, NULL));
    r->items = items;
    r->len = r->alloc = n;
    return PTR_VAL(r);
}

static value_t list_binary_op(binop_t op, value_t lhs, value_t rhs) {
    list_obj_t *l = VAL_PTR(lhs);
    switch (op) {
        case BINOP_ADD: {
            list_obj_t *o = OBJ_TYPE_IS(rhs, &type_list) ? VAL_PTR(rhs) : obj_native_maybe(rhs, &type_list);
            if (o == NULL) {
                if (VAL_IS_OBJ(rhs) && (OBJ(rhs)->type->flags & TYPE_FLAG_HEAP)) {
                    return VAL_NULL;   // let the runtime try rhs.__radd__
                }
                raise_fmt(&type_TypeError, "can only concatenate list (not \"%T\") to list", rhs);
            }
            value_t r = list_new(l->len + o->len, NULL);
            list_obj_t *ro = VAL_PTR(r);
            memcpy(ro->items, l->items, l->len * sizeof(value_t));
            memcpy(ro->items + l->len, o->items, o->len * sizeof(value_t));
            return r;
        }
        case BINOP_INPLACE_ADD:
            list_extend_from_iter(lhs, rhs);
            return lhs;
        case BINOP_MUL:
        case BINOP_REFLECTED_MUL:
            if (!value_is_int(rhs)) {
                return VAL_NULL;
            }
            return list_repeat(l, rhs);
        case BINOP_INPLACE_MUL: {
            if (!value_is_int(rhs)) {
                return VAL_NULL;
            }
            list_obj_t *r = VAL_PTR(list_repeat(l, rhs));
            l->items = r->items;
            l->len = l->alloc = r->len;
            return lhs;
        }
        case BINOP_CONTAINS:
            return VAL_BOOL(seq_find(lhs, rhs, 0, SIZE_MAX) >= 0);
        case BINOP_LT:
        case BINOP_GT:
        case BINOP_LE:
        case BINOP_GE:
        case BINOP_EQ:
        case BINOP_NE:
            if (!OBJ_TYPE_IS(rhs, &type_list)) {
                list_obj_t *o = obj_native_maybe(rhs, &type_list);
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

// The items of value as an array that is safe to read while l changes.
static value_t *items_for_assign(list_obj_t *l, value_t value, size_t *n) {
    value_t *items = seq_items(value, n);
    if (items == NULL) {
        value_t iter = obj_getiter_maybe(value);
        if (iter == VAL_NULL) {
            raise_msg(&type_TypeError, "can only assign an iterable");
        }
        list_obj_t *tmp = VAL_PTR(list_from_iter(iter));
        *n = tmp->len;
        return tmp->items;
    }
    if (items == l->items && *n > 0) {
        value_t *copy = gc_alloc(*n * sizeof(value_t), 0);
        memcpy(copy, items, *n * sizeof(value_t));
        return copy;
    }
    return items;
}

static void list_assign_slice(list_obj_t *l, value_t slice, value_t value) {
    smallint_t start, stop, step;
    slice_indices(slice, l->len, &start, &stop, &step);
    size_t n;
    value_t *items;
    if (step == 1) {
        items = items_for_assign(l, value, &n);
        if (stop < start) {
            stop = start;
        }
        size_t old = (size_t)(stop - start);
        if (n > old) {
            list_reserve(l, n - old);
        }
        memmove(l->items + start + n, l->items + stop, (l->len - (size_t)stop) * sizeof(value_t));
        memcpy(l->items + start, items, n * sizeof(value_t));
        l->len = l->len - old + n;
        if (n < old) {
            memset(l->items + l->len, 0, (old - n) * sizeof(value_t));
        }
        return;
    }
    size_t slen = slice_length(start, stop, step);
    items = items_for_assign(l, value, &n);
    if (n != slen) {
        raise_fmt(&type_ValueError, "attempt to assign sequence of size %zu to extended slice of size %zu", n, slen);
    }
    for (size_t i = 0; i < n; i++, start += step) {
        l->items[start] = items[i];
    }
}

static void list_delete_slice(list_obj_t *l, value_t slice) {
    smallint_t start, stop, step;
    slice_indices(slice, l->len, &start, &stop, &step);
    size_t slen = slice_length(start, stop, step);
    if (slen == 0) {
        return;
    }
    if (step < 0) {
        // the same items, walked forwards
        start = start + (smallint_t)(slen - 1) * step;
        step = -step;
    }
    size_t dst = (size_t)start, del = 0;
    for (size_t src = (size_t)start; src < l->len; src++) {
        if (del < slen && src == (size_t)start + del * (size_t)step) {
            del++;
            continue;
        }
        l->items[dst++] = l->items[src];
    }
    memset(l->items + dst, 0, (l->len - dst) * sizeof(value_t));
    l->len = dst;
    list_shrink(l);
}

static size_t list_store_index(list_obj_t *l, value_t index) {
    if (!VAL_IS_SMALL(index) && !value_is_int(index) &&
        !(VAL_IS_OBJ(index) && (OBJ(index)->type->flags & TYPE_FLAG_HEAP))) {
        raise_fmt(&type_TypeError, "list indices must be integers or slices, not %T", index);
    }
    return seq_index(index, l->len, "list assignment");
}

static value_t list_subscr(value_t self, value_t index, value_t value) {
    list_obj_t *l = VAL_PTR(self);
    if (value == VAL_SENTINEL) {
        if (VAL_IS_SMALL(index)) {
            smallint_t i = SMALL_VALUE(index);
            if (i < 0) {
                i += (smallint_t)l->len;
            }
            if (i < 0 || (size_t)i >= l->len) {
                raise_msg(&type_IndexError, "list index out of range");
            }
            return l->items[i];
        }
        if (OBJ_TYPE_IS(index, &type_slice)) {
            smallint_t start, stop, step;
            slice_indices(index, l->len, &start, &stop, &step);
            size_t n = slice_length(start, stop, step);
            if (step == 1) {
                return list_new(n, l->items + start);
            }
            value_t r = list_new(n, NULL);
            list_obj_t *ro = VAL_PTR(r);
            for (size_t i = 0; i < n; i++, start += step) {
                ro->items[i] = l->items[start];
            }
            return r;
        }
        return l->items[seq_index(index, l->len, "list")];
    }
    if (OBJ_TYPE_IS(index, &type_slice)) {
        if (value == VAL_NULL) {
            list_delete_slice(l, index);
        } else {
            list_assign_slice(l, index, value);
        }
        return VAL_NONE;
    }
    size_t i = list_store_index(l, index);
    if (value == VAL_NULL) {
        list_pop(self, (smallint_t)i);
    } else {
        l->items[i] = value;
    }
    return VAL_NONE;
}

// Iterators: forwards (list_iterator) and backwards (list_reverseiterator).
typedef struct list_iter {
    obj_t base;
    list_obj_t *list;
    size_t pos;       // next index; backwards: one past it
} list_iter_t;

static value_t list_iter_next(value_t self) {
    list_iter_t *it = VAL_PTR(self);
    list_obj_t *l = it->list;
    if (l != NULL && it->pos < l->len) {
        return l->items[it->pos++];
    }
    it->list = NULL;
    return VAL_STOP;
}

static value_t list_reviter_next(value_t self) {
    list_iter_t *it = VAL_PTR(self);
    list_obj_t *l = it->list;
    if (l != NULL && it->pos > 0 && it->pos <= l->len) {
        return l->items[--it->pos];
    }
    it->list = NULL;
    return VAL_STOP;
}

const type_t type_list_iterator = {
    {&type_type},
    .name = Q_list_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = list_iter_next,
};

const type_t type_list_reverseiterator = {
    {&type_type},
    .name = Q_list_reverseiterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = list_reviter_next,
};

static value_t list_getiter(value_t self) {
    list_iter_t *it = gc_alloc(sizeof(list_iter_t), 0);
    it->base.type = &type_list_iterator;
    it->list = VAL_PTR(self);
    return PTR_VAL(it);
}

// ---- methods ---------------------------------------------------------------------------------

static value_t list_append_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_append(args[0], args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(list_append_obj, Q_append, 2, 2, false, list_append_fn);

static value_t list_extend_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_extend_from_iter(args[0], args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(list_extend_obj, Q_extend, 2, 2, false, list_extend_fn);

static value_t list_insert_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = as_list(args[0]);
    smallint_t i = VAL_IS_SMALL(args[1]) ? SMALL_VALUE(args[1]) : index_value(args[1]);
    if (i < 0) {
        i += (smallint_t)l->len;
        if (i < 0) {
            i = 0;
        }
    } else if ((size_t)i > l->len) {
        i = (smallint_t)l->len;
    }
    list_reserve(l, 1);
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(value_t));
    l->items[i] = args[2];
    l->len++;
    return VAL_NONE;
}
static BUILTIN_FN(list_insert_obj, Q_insert, 3, 3, false, list_insert_fn);

static value_t list_remove_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = as_list(args[0]);
    intptr_t i = seq_find(PTR_VAL(l), args[1], 0, SIZE_MAX);
    if (i < 0) {
        raise_msg(&type_ValueError, "list.remove(x): x not in list");
    }
    list_pop(PTR_VAL(l), i);
    return VAL_NONE;
}
static BUILTIN_FN(list_remove_obj, Q_remove, 2, 2, false, list_remove_fn);

static value_t list_pop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t i = -1;
    if (n_args > 1) {
        i = VAL_IS_SMALL(args[1]) ? SMALL_VALUE(args[1]) : index_value(args[1]);
    }
    return list_pop(args[0], i);
}
static BUILTIN_FN(list_pop_obj, Q_pop, 1, 2, false, list_pop_fn);

static value_t list_index_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[4];
    memcpy(a, args, n_args * sizeof(value_t));
    a[0] = PTR_VAL(as_list(args[0]));
    return seq_index_method(n_args, a, "list");
}
static BUILTIN_FN(list_index_obj, Q_index, 2, 4, false, list_index_fn);

static value_t list_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(seq_count(PTR_VAL(as_list(args[0])), args[1]));
}
static BUILTIN_FN(list_count_obj, Q_count, 2, 2, false, list_count_fn);

static value_t list_clear_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = as_list(args[0]);
    l->items = NULL;
    l->len = l->alloc = 0;
    return VAL_NONE;
}
static BUILTIN_FN(list_clear_obj, Q_clear, 1, 1, false, list_clear_fn);

static value_t list_copy_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = as_list(args[0]);
    return list_new(l->len, l->items);
}
static BUILTIN_FN(list_copy_obj, Q_copy, 1, 1, false, list_copy_fn);

static value_t list_reverse_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = as_list(args[0]);
    if (l->len > 1) {
        for (value_t *a = l->items, *b = l->items + l->len - 1; a < b; a++, b--) {
            value_t t = *a;
            *a = *b;
            *b = t;
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(list_reverse_obj, Q_reverse, 1, 1, false, list_reverse_fn);

static const qstr_t sort_kws[] = {Q_key, Q_reverse, Q_NULL};

static value_t list_sort_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 1) {
        raise_msg(&type_TypeError, "sort() takes no positional arguments");
    }
    arg_kw_check_invalid(n_args, n_kw, args, sort_kws, "sort");
    value_t key = arg_kw(n_args, n_kw, args, Q_key);
    value_t rev = arg_kw(n_args, n_kw, args, Q_reverse);
    list_sort(args[0], key, rev != VAL_NULL && obj_is_true(rev));
    return VAL_NONE;
}
static BUILTIN_FN(list_sort_obj, Q_sort, 1, ARGS_MAX, true, list_sort_fn);

static value_t list_getitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return list_subscr(PTR_VAL(as_list(args[0])), args[1], VAL_SENTINEL);
}
static BUILTIN_FN(list_getitem_obj, Q___getitem__, 2, 2, false, list_getitem_fn);

static value_t list_setitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return list_subscr(PTR_VAL(as_list(args[0])), args[1], args[2]);
}
static BUILTIN_FN(list_setitem_obj, Q___setitem__, 3, 3, false, list_setitem_fn);

static value_t list_delitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return list_subscr(PTR_VAL(as_list(args[0])), args[1], VAL_NULL);
}
static BUILTIN_FN(list_delitem_obj, Q___delitem__, 2, 2, false, list_delitem_fn);

static value_t list_len_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(as_list(args[0])->len);
}
static BUILTIN_FN(list_len_obj, Q___len__, 1, 1, false, list_len_fn);

static value_t list_contains_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(seq_find(PTR_VAL(as_list(args[0])), args[1], 0, SIZE_MAX) >= 0);
}
static BUILTIN_FN(list_contains_obj, Q___contains__, 2, 2, false, list_contains_fn);

static value_t list_iter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return list_getiter(PTR_VAL(as_list(args[0])));
}
static BUILTIN_FN(list_iter_obj, Q___iter__, 1, 1, false, list_iter_fn);

static value_t list_reversed_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_iter_t *it = gc_alloc(sizeof(list_iter_t), 0);
    it->base.type = &type_list_reverseiterator;
    it->list = as_list(args[0]);
    it->pos = it->list->len;
    return PTR_VAL(it);
}
static BUILTIN_FN(list_reversed_obj, Q___reversed__, 1, 1, false, list_reversed_fn);

static value_t list_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = as_list(args[0]);
    l->items = NULL;
    l->len = l->alloc = 0;
    if (n_args > 1) {
        list_extend_from_iter(PTR_VAL(l), args[1]);
    }
    return VAL_NONE;
}
static BUILTIN_FN(list_init_obj, Q___init__, 1, 2, false, list_init_fn);

static const map_entry_t list_locals_table[] = {
    {QSTR(Q___contains__), PTR_VAL(&list_contains_obj)},
    {QSTR(Q___delitem__), PTR_VAL(&list_delitem_obj)},
    {QSTR(Q___getitem__), PTR_VAL(&list_getitem_obj)},
    {QSTR(Q___init__), PTR_VAL(&list_init_obj)},
    {QSTR(Q___iter__), PTR_VAL(&list_iter_obj)},
    {QSTR(Q___len__), PTR_VAL(&list_len_obj)},
    {QSTR(Q___reversed__), PTR_VAL(&list_reversed_obj)},
    {QSTR(Q___setitem__), PTR_VAL(&list_setitem_obj)},
    {QSTR(Q_append), PTR_VAL(&list_append_obj)},
    {QSTR(Q_clear), PTR_VAL(&list_clear_obj)},
    {QSTR(Q_copy), PTR_VAL(&list_copy_obj)},
    {QSTR(Q_count), PTR_VAL(&list_count_obj)},
    {QSTR(Q_extend), PTR_VAL(&list_extend_obj)},
    {QSTR(Q_index), PTR_VAL(&list_index_obj)},
    {QSTR(Q_insert), PTR_VAL(&list_insert_obj)},
    {QSTR(Q_pop), PTR_VAL(&list_pop_obj)},
    {QSTR(Q_remove), PTR_VAL(&list_remove_obj)},
    {QSTR(Q_reverse), PTR_VAL(&list_reverse_obj)},
    {QSTR(Q_sort), PTR_VAL(&list_sort_obj)},
};
static const map_t list_locals = MAP_ROM(list_locals_table);

const type_t type_list = {
    {&type_type},
    .name = Q_list,
    .flags = TYPE_FLAG_BASETYPE,
    .print = list_print,
    .make_new = list_make_new,
    .unary_op = list_unary_op,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .getiter = list_getiter,
    .locals = &list_locals,
};
