// SPDX-License-Identifier: MIT
// Module objects and the table of modules built into the interpreter.
//
// A module is its globals dict and its name. The modules whose contents
// never change (builtins, gc, micropython) are const objects whose globals
// are read-only dicts over ROM tables, so they cost no RAM; sys holds
// lists and dicts that programs change, so it is made at start-up. Every
// RAM value these modules keep is in modules_state, marked in one call.
#include <string.h>

#include "exc.h"
#include "hal.h"
#include "modules.h"

modules_state_t modules_state;

// ---- module objects -------------------------------------------------------------------

value_t module_new(qstr_t name) {
    module_obj_t *m = gc_alloc(sizeof(module_obj_t), 0);
    m->base.type = &type_module;
    m->name = name;
    m->globals = dict_new(0);
    dict_store(m->globals, QSTR(Q___name__), QSTR(name));
    return PTR_VAL(m);
}

static void module_print(const print_t *p, value_t self, print_kind_t kind) {
    module_obj_t *m = VAL_PTR(self);
    value_t file = map_get_qstr(dict_map(m->globals), Q___file__);
    if (file != VAL_NULL) {
        print_fmt(p, "<module '%q' from '%S'>", m->name, file);
    } else {
        print_fmt(p, "<module '%q'>", m->name);
    }
}

static void module_attr(value_t self, qstr_t name, value_t *dest) {
    module_obj_t *m = VAL_PTR(self);
    map_t *map = dict_map(m->globals);
    if (dest[0] == VAL_SENTINEL) {
        if (dest[1] == VAL_NULL) {
            if (map_lookup(map, QSTR(name), MAP_REMOVE) == NULL) {
                raise_fmt(&type_AttributeError, "module '%q' has no attribute '%q'", m->name, name);
            }
        } else {
            map_store(map, QSTR(name), dest[1]);
        }
        dest[0] = VAL_NULL;
        return;
    }
    value_t v = map_get_qstr(map, name);
    if (v != VAL_NULL) {
        dest[0] = v;
    } else if (name == Q___dict__) {
        dest[0] = m->globals;
    } else if (name == Q___name__) {
        dest[0] = QSTR(m->name);
    } else if ((v = map_get_qstr(map, Q___getattr__)) != VAL_NULL) {
        // A module-level __getattr__ (PEP 562) answers for names the module
        // lacks: asyncio imports its submodules lazily with it.
        dest[0] = call_function_1(v, QSTR(name));
    }
}

const type_t type_module = {
    {&type_type}, .name = Q_module, .print = module_print, .attr = module_attr,
};

// ---- the builtin modules --------------------------------------------------------------

const module_obj_t builtins_module = {{&type_module}, PTR_VAL(&builtins_dict), Q_builtins};

value_t modules_find_builtin(qstr_t name) {
    switch (name) {
        case Q_builtins:
            return PTR_VAL(&builtins_module);
        case Q_sys:
        case Q_usys:
            return modules_state.sys_module;
        case Q_gc:
        case Q_ugc:
            return PTR_VAL(&gc_module);
        case Q_micropython:
            return PTR_VAL(&micropython_module);
        default:
            return port_find_module(name);
    }
}

void modules_init(int argc, char **argv, const char *path_string) {
    memset(&modules_state, 0, sizeof(modules_state));
    modules_state.kbd_intr_char = 3;
    modules_state.opt_level = 0;
    modules_state.sys_module = sys_module_init(argc, argv, path_string);
}

void modules_mark_roots(void) {
    gc_mark_range(&modules_state, sizeof(modules_state));
    exc_mark_roots();
}

value_t sys_modules_dict(void) {
    return modules_state.sys_modules;
}

value_t sys_path_list(void) {
    return modules_state.sys_path;
}

value_t sys_stdout(void) {
    return PTR_VAL(&sys_stdout_obj);
}

value_t sys_stderr(void) {
    return PTR_VAL(&sys_stderr_obj);
}

// ---- writing to file objects -------------------------------------------------------------

static void file_write(void *ctx, const char *data, size_t len) {
    value_t file = *(value_t *)ctx;
    if (file == VAL_NONE || file == PTR_VAL(&sys_stdout_obj)) {
        hal_stdout_write(data, len);
    } else if (file == PTR_VAL(&sys_stderr_obj)) {
        hal_stderr_write(data, len);
    } else {
        value_t s = str_new(data, len);
        call_method(file, Q_write, 1, &s);
    }
}

print_t modules_file_printer(value_t *file_slot) {
    print_t p = {file_slot, file_write};
    return p;
}
