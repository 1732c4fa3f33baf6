// SPDX-License-Identifier: MIT
// The bytecode interpreter, functions, generators, and running code.
#ifndef ESPY_VM_H
#define ESPY_VM_H

#include "obj.h"

// Compiling (compile.c). mode: what the source is.
typedef enum { COMPILE_FILE, COMPILE_EVAL, COMPILE_SINGLE } compile_mode_t;
// Compiles source to a code object (a value of type_code); raises SyntaxError
// (with filename, line and message) on bad input.
value_t compile_string(const char *src, size_t len, qstr_t filename, compile_mode_t mode);
// Same, reading the source through a reader (for files; no copy in RAM).
value_t compile_reader(int (*reader)(void *ctx), void *ctx, qstr_t filename, compile_mode_t mode);

// Runs a module-level code object with globals (a dict) and locals (a dict
// or VAL_NULL = same as globals); returns the value of an eval-mode code.
value_t vm_run_code(value_t code, value_t globals, value_t locals);
// Runs a class body function with the namespace dict as its locals.
value_t vm_run_class_body(value_t func, value_t namespace_dict);

// The innermost running function's class and first argument, for super()
// without arguments; false when there is none.
bool vm_current_method(value_t *cls, value_t *self);
// The exception being handled (by an except clause), or VAL_NULL.
value_t vm_handled_exception(void);
// globals() and locals() of the running code.
value_t vm_globals(void);
value_t vm_locals(void);

// Functions made by `def` and `lambda` (func.c). __build_class__ calls
// func_set_class on every function of a class body so that super() works.
bool value_is_function(value_t v);
void func_set_class(value_t fn, value_t cls);
qstr_t func_name(value_t fn);
// A method bound to an object (used by getattr on instances).
value_t bound_method_new(value_t self, value_t fn);

// Source files for import and scripts: implemented by lib/vfs.c, through
// the VFS, so that modules are found on whatever is mounted (the host's
// files, the board's flash filesystem).
int port_path_kind(const char *path);               // 0 nothing, 1 a file, 2 a directory
value_t port_source_open(const char *path);         // a binary stream; OSError if it can't
int port_source_read(value_t source, uint8_t *buf, size_t size);   // 0 at the end
void port_source_close(value_t source);

// Import (import.c).
value_t import_name(qstr_t name, value_t fromlist, int level, value_t globals);
value_t import_module(qstr_t name);     // import by absolute dotted name
value_t import_main_module(void);       // __main__, made if needed
value_t import_run_path(const char *path, value_t module);   // runs a file in the module

// Ctrl-C: set by espy_interrupt, checked by the VM at backward jumps and calls.
extern volatile int vm_interrupt_pending;
void vm_check_interrupt(void);

#endif
