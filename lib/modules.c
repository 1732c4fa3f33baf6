// SPDX-License-Identifier: MIT
// The modules of lib/ and board/, found by name for `import` (core's own
// modules are looked up first, in core/modules.c). The table is generated
// from the ESPY_MODULE lines of their sources (tools/genmodules.py).
#include "lib.h"
#include "vfs.h"
#include "board.h"

#define MODULE_OBJECT(object) extern const module_obj_t object;
#define MODULE(qname, object)
#define BUILTIN(qname, object) extern const builtin_fun_t object;
#include "moduledefs.h"
#undef MODULE_OBJECT
#undef MODULE
#undef BUILTIN
#define BUILTIN(qname, object)

value_t port_find_module(qstr_t name) {
    switch (name) {
#define MODULE_OBJECT(object)
#define MODULE(qname, object) \
    case qname:               \
        return PTR_VAL(&object);
#include "moduledefs.h"
#undef MODULE_OBJECT
#undef MODULE
        default:
            return VAL_NULL;
    }
}

// Every name `help('modules')` lists from lib/ and board/, ended by Q_NULL.
const qstr_t port_module_names[] = {
#define MODULE_OBJECT(object)
#define MODULE(qname, object) qname,
#include "moduledefs.h"
#undef MODULE_OBJECT
#undef MODULE
    Q_NULL,
};

#undef BUILTIN
// The builtins of lib/ and board/ (open): a ROM map, searched after core's.
static const map_entry_t port_builtins_table[] = {
#define MODULE_OBJECT(object)
#define MODULE(qname, object)
#define BUILTIN(qname, object) {QSTR(qname), PTR_VAL(&object)},
#include "moduledefs.h"
#undef MODULE_OBJECT
#undef MODULE
#undef BUILTIN
    {VAL_NULL, VAL_NULL},   // keeps the table non-empty; not counted
};
const map_t port_builtins_map = {
    sizeof(port_builtins_table) / sizeof(port_builtins_table[0]) - 1,
    sizeof(port_builtins_table) / sizeof(port_builtins_table[0]) - 1,
    sizeof(port_builtins_table) / sizeof(port_builtins_table[0]) - 1,
    1, {0, 0, 0}, (map_entry_t *)port_builtins_table, NULL,
};

// The RAM roots of lib/ and board/ (called from gc_mark_roots): the VFS's
// mount table and current directory; the board's: os.dupterm's streams,
// the REPL's history, machine's handlers.
void port_mark_roots(void) {
    vfs_mark_roots();
    board_mark_roots();
}

// At start-up and soft reset (espy_init), before the new heap is used:
// forgets what pointed into the old one.
void port_reset(void) {
    vfs_reset();
    board_reset();
}
