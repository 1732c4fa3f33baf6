// SPDX-License-Identifier: MIT
// The boot sequence after the Python state is made (spec: port behaviour,
// sections 1 and 3, steps 6-8): the frozen _boot (mounts the flash
// filesystem or sets one up; Ctrl-C is not allowed while it runs), then
// boot.py from the filesystem, then main.py, only in the friendly REPL and
// only when boot.py ended without an exception (a missing boot.py and a
// SystemExit count as success). Each runs in __main__, so what boot.py
// defines is there at the REPL. An exception prints its traceback and the
// boot goes on: the REPL always starts.
#include "board.h"
#include "board_repl.h"
#include "console.h"
#include "modules.h"
#include "vm.h"


static void error_write(void *ctx, const char *data, size_t len) {
    hal_stderr_write(data, len);
}

static const print_t error_print = {NULL, error_write};

// Runs the file or module; false if it raised (SystemExit is success).
static bool run(const char *path, qstr_t module) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (module != Q_NULL) {
            import_module(module);
        } else {
            import_run_path(path, import_main_module());
        }
        nlr_pop();
        return true;
    }
    if (exc_matches(nlr.value, PTR_VAL(&type_SystemExit))) {
        return true;
    }
    nlr_buf_t nlr2;
    if (nlr_push(&nlr2) == 0) {
        exc_print_traceback(&error_print, nlr.value);
        nlr_pop();
    }
    return false;
}

// A script of the filesystem, if it is there.
static bool run_if_exists(const char *path) {
    return port_path_kind(path) != 1 || run(path, Q_NULL);
}

// What every board has, whatever the program runs on (the host's board
// included): sys.platform 'esp8266' and the port's sys.path.
static void board_sys(void) {
    value_t sys = ((module_obj_t *)VAL_PTR(import_module(Q_sys)))->globals;
    dict_store(sys, QSTR(Q_platform), QSTR(Q_esp8266));
    value_t path = dict_get(sys, QSTR(Q_path));
    value_t entries[4] = {QSTR(Q_empty), str_new_cstr(".frozen"), str_new_cstr("/lib"), QSTR(Q__slash_)};
    list_obj_t *l = VAL_PTR(path);
    l->len = 0;
    for (size_t i = 0; i < 4; i++) {
        list_append(path, entries[i]);
    }
}

void board_boot(void) {
    board_sys();
    exc_port_style = true;              // "KeyboardInterrupt: ", as the port prints it
    console_attach_uart0();             // dupterm slot 1, at every reset
    console_set_line_mode(false);
    int saved = modules_state.kbd_intr_char;
    modules_state.kbd_intr_char = -1;
    run(NULL, Q__boot);
    if (modules_state.kbd_intr_char == -1) {
        modules_state.kbd_intr_char = (int16_t)saved;
    }
    if (run_if_exists("boot.py") && !repl_is_raw()) {
        run_if_exists("main.py");
    }
}
