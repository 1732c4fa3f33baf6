// SPDX-License-Identifier: MIT
// What every module of lib/ includes: the core's object model and the
// hardware boundary, and the macro that registers a module.
#ifndef ESPY_LIB_H
#define ESPY_LIB_H

#include "obj.h"
#include "hal.h"
#include "modules.h"

// Registers a module under a name: tools/genmodules.py finds these lines
// (at the start of a line, outside any function) and builds the table that
// `import` searches after core's modules. A module importable under two
// names (json and ujson) has two lines naming the same object.
#define ESPY_MODULE(name, object) extern const module_obj_t object
// Adds a builtin (found after core's, as `open`) the same way.
#define ESPY_BUILTIN(name, object) extern const builtin_fun_t object

// A module whose globals never change: a read-only dict over a ROM table
// sorted by qstr, costing no RAM.
#define MODULE_ROM(object, qname, table) \
    static const dict_obj_t object##_dict = {{&type_dict}, MAP_ROM(table)}; \
    const module_obj_t object = {{&type_module}, PTR_VAL(&object##_dict), qname}

// math.isclose's and cmath.isclose's arguments (mod_math.c): a and b as
// given, the tolerances checked (ValueError when negative).
void isclose_args(size_t n_args, size_t n_kw, const value_t *args, value_t *a, value_t *b, pyfloat_t *rel_tol,
                  pyfloat_t *abs_tol);

#endif
