// SPDX-License-Identifier: MIT
// help(): the welcome text of the board's REPL, help(obj) listing an
// object's attributes, and help('modules') listing the built-in modules in
// MicroPython's layout (spec: esp8266-port-behaviour.md sections 5 and 7).
#include <string.h>

#include "board.h"
#include "frozen.h"

static const char welcome[] =
    "Welcome to espy, a Python 3 for the ESP8266!\n"
    "\n"
    "For the documentation see README.md and docs/ in espy's sources.\n"
    "\n"
    "Basic WiFi configuration:\n"
    "\n"
    "import network\n"
    "sta_if = network.WLAN(network.STA_IF); sta_if.active(True)\n"
    "sta_if.scan()                             # Scan for available access points\n"
    "sta_if.connect(\"<AP_name>\", \"<password>\") # Connect to an AP\n"
    "sta_if.isconnected()                      # Check for successful connection\n"
    "# Change name/password of ESP8266's AP:\n"
    "ap_if = network.WLAN(network.AP_IF)\n"
    "ap_if.config(ssid=\"<AP_NAME>\", security=network.AUTH_WPA_WPA2_PSK, key=\"<password>\")\n"
    "\n"
    "Control commands:\n"
    "  CTRL-A        -- on a blank line, enter raw REPL mode\n"
    "  CTRL-B        -- on a blank line, enter normal REPL mode\n"
    "  CTRL-C        -- interrupt a running program\n"
    "  CTRL-D        -- on a blank line, do a soft reset of the board\n"
    "  CTRL-E        -- on a blank line, enter paste mode\n"
    "\n"
    "For further help on a specific object, type help(obj)\n"
    "For a list of available modules, type help('modules')\n";

// The modules core/ builds in, before those of lib/ and board/.
static const qstr_t core_modules[] = {Q___main__, Q_builtins, Q_gc, Q_micropython, Q_sys};

// Whether name is a u-prefixed alias (ujson for json) of another module.
static bool is_alias(qstr_t name) {
    size_t len;
    const char *s = qstr_data(name, &len);
    if (len < 2 || s[0] != 'u') {
        return false;
    }
    qstr_t plain = qstr_find_strn(s + 1, len - 1);
    return plain != Q_NULL && modules_find_builtin(plain) != VAL_NULL;
}

// MicroPython's layout: the built-in and the frozen modules, sorted, in 4 columns of width 18 filled column by
// column, then a line about modules on the filesystem.
static void print_modules(const print_t *p) {
    value_t names = list_new(0, NULL);
    for (size_t i = 0; i < sizeof(core_modules) / sizeof(core_modules[0]); i++) {
        list_append(names, QSTR(core_modules[i]));
    }
    for (const qstr_t *q = port_module_names; *q != Q_NULL; q++) {
        if (!is_alias(*q)) {
            list_append(names, QSTR(*q));
        }
    }
    // The frozen modules by their paths, as MicroPython lists them
    // ("asyncio/core", "upysh").
    for (size_t i = 0; i < frozen_count; i++) {
        const char *path = frozen_modules[i].path;
        size_t len = strlen(path);
        list_append(names, str_new(path, len > 3 ? len - 3 : len));
    }
    call_method(names, Q_sort, 0, NULL);
    size_t n;
    value_t *items = seq_items(names, &n);
    size_t rows = (n + 3) / 4;
    for (size_t r = 0; r < rows; r++) {
        for (size_t col = 0; col < 4; col++) {
            size_t i = col * rows + r;
            if (i >= n) {
                break;
            }
            size_t len;
            const char *s = str_data(items[i], &len);
            print_strn(p, s, len);
            bool last = col == 3 || (col + 1) * rows + r >= n;
            for (size_t k = len; !last && k < 18; k++) {
                print_str(p, " ");
            }
        }
        print_str(p, "\n");
    }
    print_str(p, "Plus any modules on the filesystem\n");
}

// help(obj): what MicroPython prints: the object and its type, then its
// attributes (for a module, class or instance) one per line.
static void print_object_help(const print_t *p, value_t obj) {
    print_fmt(p, "object %R is of type %T\n", obj, obj);
    value_t dict = VAL_NULL;
    if (OBJ_TYPE_IS(obj, &type_module)) {
        dict = obj_getattr(obj, Q___dict__);
    } else {
        value_t dest[2];
        obj_load_method_maybe(obj, Q___dict__, dest);
        dict = dest[0] != VAL_NULL && OBJ_TYPE_IS(dest[0], &type_dict) ? dest[0] : VAL_NULL;
    }
    if (dict == VAL_NULL) {
        // a builtin type or instance: its type's methods
        const type_t *t = OBJ_TYPE_IS(obj, &type_type) ? VAL_PTR(obj) : value_type(obj);
        if (t->locals == NULL) {
            return;
        }
        size_t pos = 0;
        map_entry_t *e;
        while ((e = map_next(t->locals, &pos)) != NULL) {
            print_fmt(p, "  %S -- %R\n", e->key, e->value);
        }
        return;
    }
    size_t pos = 0;
    map_entry_t *e;
    while ((e = map_next(dict_map(dict), &pos)) != NULL) {
        print_fmt(p, "  %S -- %R\n", e->key, e->value);
    }
}

static value_t builtin_help_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t out = sys_stdout();
    print_t p = modules_file_printer(&out);
    if (n_args == 0) {
        print_str(&p, welcome);
    } else if (value_is_str(args[0]) && obj_equal(args[0], QSTR(Q_modules))) {
        print_modules(&p);
    } else {
        print_object_help(&p, args[0]);
    }
    return VAL_NONE;
}
BUILTIN_FN(builtin_help_obj, Q_help, 0, 1, false, builtin_help_fn);

ESPY_BUILTIN(help, builtin_help_obj);
