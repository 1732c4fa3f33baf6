// SPDX-License-Identifier: MIT
// The heapq module (also importable as uheapq): a binary min-heap kept in a
// list, heap[k] <= heap[2k+1] and heap[2k+2]. MicroPython has heappush,
// heappop and heapify; heapreplace and heappushpop are CPython's too. The
// sifting is CPython's step for step, so that lists end up in the same
// order as under CPython.
//
// Items are compared with <, which may run Python code that changes the
// list: the items are fetched again after every comparison, and a change
// of length is a RuntimeError, as in CPython.
#include "lib.h"

// The heap argument: a list (CPython's wording for the error).
static list_obj_t *heap_arg(value_t v, qstr_t fn, bool only_arg) {
    list_obj_t *l = obj_native_maybe(v, &type_list);
    if (l == NULL) {
        if (v == VAL_NONE) {
            raise_fmt(&type_TypeError, "%q() argument%s must be list, not None", fn, only_arg ? "" : " 1");
        }
        raise_fmt(&type_TypeError, "%q() argument%s must be list, not %T", fn, only_arg ? "" : " 1", v);
    }
    return l;
}

static bool less(list_obj_t *heap, size_t len, value_t a, value_t b) {
    bool lt = obj_is_true(binary_op(BINOP_LT, a, b));
    if (heap->len != len) {
        raise_msg(&type_RuntimeError, "list changed size during iteration");
    }
    return lt;
}

// Moves the item at pos up towards startpos while it is smaller than its parent.
static void sift_down(list_obj_t *heap, size_t startpos, size_t pos) {
    size_t len = heap->len;
    while (pos > startpos) {
        size_t parent = (pos - 1) >> 1;
        if (!less(heap, len, heap->items[pos], heap->items[parent])) {
            break;
        }
        value_t t = heap->items[parent];
        heap->items[parent] = heap->items[pos];
        heap->items[pos] = t;
        pos = parent;
    }
}

// Moves the smaller child up until pos is a leaf, then sifts the item
// that was at pos down to its place.
static void sift_up(list_obj_t *heap, size_t pos) {
    size_t len = heap->len, start = pos, limit = len >> 1;
    while (pos < limit) {
        size_t child = 2 * pos + 1;
        if (child + 1 < len && !less(heap, len, heap->items[child], heap->items[child + 1])) {
            child++;
        }
        value_t t = heap->items[child];
        heap->items[child] = heap->items[pos];
        heap->items[pos] = t;
        pos = child;
    }
    sift_down(heap, start, pos);
}

static value_t heappush_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *heap = heap_arg(args[0], Q_heappush, false);
    list_append(PTR_VAL(heap), args[1]);
    sift_down(heap, 0, heap->len - 1);
    return VAL_NONE;
}
static BUILTIN_FN(heappush_obj, Q_heappush, 2, 2, false, heappush_fn);

static value_t heappop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *heap = heap_arg(args[0], Q_heappop, true);
    if (heap->len == 0) {
        raise_msg(&type_IndexError, "index out of range");
    }
    value_t last = list_pop(PTR_VAL(heap), -1);
    if (heap->len == 0) {
        return last;
    }
    value_t top = heap->items[0];
    heap->items[0] = last;
    sift_up(heap, 0);
    return top;
}
static BUILTIN_FN(heappop_obj, Q_heappop, 1, 1, false, heappop_fn);

static value_t heapreplace_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *heap = heap_arg(args[0], Q_heapreplace, false);
    if (heap->len == 0) {
        raise_msg(&type_IndexError, "index out of range");
    }
    value_t top = heap->items[0];
    heap->items[0] = args[1];
    sift_up(heap, 0);
    return top;
}
static BUILTIN_FN(heapreplace_obj, Q_heapreplace, 2, 2, false, heapreplace_fn);

static value_t heappushpop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *heap = heap_arg(args[0], Q_heappushpop, false);
    value_t item = args[1];
    if (heap->len == 0 || !less(heap, heap->len, heap->items[0], item)) {
        return item;
    }
    value_t top = heap->items[0];
    heap->items[0] = item;
    sift_up(heap, 0);
    return top;
}
static BUILTIN_FN(heappushpop_obj, Q_heappushpop, 2, 2, false, heappushpop_fn);

static value_t heapify_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *heap = heap_arg(args[0], Q_heapify, true);
    for (size_t i = heap->len / 2; i > 0; i--) {
        sift_up(heap, i - 1);
    }
    return VAL_NONE;
}
static BUILTIN_FN(heapify_obj, Q_heapify, 1, 1, false, heapify_fn);

static const map_entry_t heapq_table[] = {
    {QSTR(Q___name__), QSTR(Q_heapq)},
    {QSTR(Q_heapify), PTR_VAL(&heapify_obj)},
    {QSTR(Q_heappop), PTR_VAL(&heappop_obj)},
    {QSTR(Q_heappush), PTR_VAL(&heappush_obj)},
    {QSTR(Q_heappushpop), PTR_VAL(&heappushpop_obj)},
    {QSTR(Q_heapreplace), PTR_VAL(&heapreplace_obj)},
};
MODULE_ROM(heapq_module, Q_heapq, heapq_table);

ESPY_MODULE(heapq, heapq_module);
ESPY_MODULE(uheapq, heapq_module);
