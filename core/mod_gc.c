// SPDX-License-Identifier: MIT
// The gc module: control of the garbage collector (gc.h).
#include "modules.h"

static value_t gc_collect_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_collect();
    return VAL_NONE;
}
static BUILTIN_FN(gc_collect_obj, Q_collect, 0, 1, false, gc_collect_fn);

static value_t gc_mem_free_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_stats_t st;
    gc_get_stats(&st);
    return int_from_uintptr(st.free);
}
static BUILTIN_FN(gc_mem_free_obj, Q_mem_free, 0, 0, false, gc_mem_free_fn);

static value_t gc_mem_alloc_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_stats_t st;
    gc_get_stats(&st);
    return int_from_uintptr(st.used);
}
static BUILTIN_FN(gc_mem_alloc_obj, Q_mem_alloc, 0, 0, false, gc_mem_alloc_fn);

static value_t gc_enable_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_enable(true);
    return VAL_NONE;
}
static BUILTIN_FN(gc_enable_obj, Q_enable, 0, 0, false, gc_enable_fn);

static value_t gc_disable_fn(size_t n_args, size_t n_kw, const value_t *args) {
    gc_enable(false);
    return VAL_NONE;
}
static BUILTIN_FN(gc_disable_obj, Q_disable, 0, 0, false, gc_disable_fn);

static value_t gc_isenabled_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(gc_is_enabled());
}
static BUILTIN_FN(gc_isenabled_obj, Q_isenabled, 0, 0, false, gc_isenabled_fn);

// threshold() returns the current threshold, threshold(n) sets it (-1: off).
static value_t gc_threshold_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return int_from_intptr(gc_get_threshold());
    }
    smallint_t t = value_get_int(args[0]);
    gc_set_threshold(t < 0 ? -1 : t);
    return VAL_NONE;
}
static BUILTIN_FN(gc_threshold_obj, Q_threshold, 0, 1, false, gc_threshold_fn);

static const map_entry_t gc_table[] = {
    {QSTR(Q___name__), QSTR(Q_gc)},
    {QSTR(Q_collect), PTR_VAL(&gc_collect_obj)},
    {QSTR(Q_disable), PTR_VAL(&gc_disable_obj)},
    {QSTR(Q_enable), PTR_VAL(&gc_enable_obj)},
    {QSTR(Q_isenabled), PTR_VAL(&gc_isenabled_obj)},
    {QSTR(Q_mem_alloc), PTR_VAL(&gc_mem_alloc_obj)},
    {QSTR(Q_mem_free), PTR_VAL(&gc_mem_free_obj)},
    {QSTR(Q_threshold), PTR_VAL(&gc_threshold_obj)},
};
static const dict_obj_t gc_dict = {{&type_dict}, MAP_ROM(gc_table)};
const module_obj_t gc_module = {{&type_module}, PTR_VAL(&gc_dict), Q_gc};
