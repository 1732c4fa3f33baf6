// SPDX-License-Identifier: MIT
// The modules built into the interpreter (builtins, sys, gc, micropython),
// module objects, and the RAM state those modules keep.
#ifndef ESPY_MODULES_H
#define ESPY_MODULES_H

#include "obj.h"

// The builtins module's names (builtins.c): a ROM map sorted by qstr.
extern const map_t builtins_map;
extern const dict_obj_t builtins_dict;     // the same table, as the module's dict

// A builtin module by name ("sys", "usys", "gc", ...; then those of lib/
// and board/), or VAL_NULL.
value_t modules_find_builtin(qstr_t name);

// The modules outside core/ (lib/ and board/): lib/modules.c, generated
// from their ESPY_MODULE lines, provides these.
value_t port_find_module(qstr_t name);     // VAL_NULL if none
extern const qstr_t port_module_names[];  // ended by Q_NULL
extern const map_t port_builtins_map;     // builtins outside core (open)
// Called once by espy_init after the heap and qstrs are ready: makes sys
// (argv from argc/argv, path from the ':'-separated path_string).
void modules_init(int argc, char **argv, const char *path_string);
// Marks every RAM value these modules hold (called from gc_mark_roots).
void modules_mark_roots(void);

value_t sys_modules_dict(void);
value_t sys_path_list(void);
value_t sys_stdout(void);
value_t sys_stderr(void);

// micropython.kbd_intr: the interrupt character (3 = Ctrl-C, -1 none).
int micropython_kbd_intr_char(void);
// Runs the functions queued by micropython.schedule; the VM calls it at
// safe points (between bytecodes) when micropython_sched_pending is set.
void micropython_run_scheduled(void);
// Queues fn(arg) to run at the next safe point (interrupt handlers may call
// it); false when the queue is full.
bool micropython_schedule(value_t fn, value_t arg);
extern volatile uint8_t micropython_sched_pending;

// ---- inside the modules --------------------------------------------------------------

#define SCHED_QUEUE 4

// Every RAM root of the builtin modules, in one place (modules.c).
typedef struct modules_state {
    value_t sys_module;
    value_t sys_modules;       // dict
    value_t sys_path;          // list
    value_t sys_argv;          // list
    value_t sched_fn[SCHED_QUEUE];
    value_t sched_arg[SCHED_QUEUE];
    uint8_t sched_head, sched_len;
    int16_t kbd_intr_char;
    int8_t opt_level;
} modules_state_t;

extern modules_state_t modules_state;

extern const module_obj_t builtins_module, gc_module, micropython_module;
extern const type_t type_textio;
// sys.stdin, sys.stdout, sys.stderr: fd 0, 1, 2.
typedef struct textio_obj {
    obj_t base;
    int fd;
} textio_obj_t;
extern const textio_obj_t sys_stdin_obj, sys_stdout_obj, sys_stderr_obj;
// A print_t writing to a file object (sys.stdout, sys.stderr, or any object
// with a write method; VAL_NONE means stdout).
print_t modules_file_printer(value_t *file_slot);
// Makes the sys module (mod_sys.c).
value_t sys_module_init(int argc, char **argv, const char *path_string);

#endif
