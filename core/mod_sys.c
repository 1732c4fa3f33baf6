// SPDX-License-Identifier: MIT
// The sys module, and the console streams sys.stdin, sys.stdout and
// sys.stderr.
//
// sys is made at start-up (its argv, path and modules change while programs
// run); its constant entries come from a ROM table copied into the module's
// dict. The streams are const objects that write through hal.h.
#include <string.h>

#include "exc.h"
#include "hal.h"
#include "modules.h"
#include "vm.h"

// ---- console streams ---------------------------------------------------------------

const textio_obj_t sys_stdin_obj = {{&type_textio}, 0};
const textio_obj_t sys_stdout_obj = {{&type_textio}, 1};
const textio_obj_t sys_stderr_obj = {{&type_textio}, 2};

static size_t count_chars(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((uint8_t)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static value_t textio_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const textio_obj_t *io = VAL_PTR(args[0]);
    size_t len;
    const char *s = str_data(args[1], &len);
    size_t count;
    if (s != NULL) {
        count = count_chars(s, len);
    } else {
        buffer_info_t info;
        if (!obj_get_buffer(args[1], &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "write() argument must be str, not %T", args[1]);
        }
        s = info.buf;
        len = count = info.len;
    }
    if (io->fd == 2) {
        hal_stderr_write(s, len);
    } else if (io->fd == 1) {
        hal_stdout_write(s, len);
    } else {
        raise_os_error(9);
    }
    return SMALL((smallint_t)count);
}
static BUILTIN_FN(textio_write_obj, Q_write, 2, 2, false, textio_write_fn);

// One line of input with its newline ("" at the end of input).
static value_t read_line(bool keep_newline, bool *eof) {
    vstr_t vs;
    vstr_init(&vs, 64);
    char buf[128];
    *eof = false;
    for (;;) {
        int n = hal_stdin_readline(buf, sizeof(buf));
        if (n == -2) {
            vm_check_interrupt();
            n = -1;
        }
        if (n < 0) {
            *eof = vs.len == 0;
            break;
        }
        vstr_add_strn(&vs, buf, (size_t)n);
        if ((size_t)n < sizeof(buf) - 1) {
            if (keep_newline) {
                vstr_add_char(&vs, '\n');
            }
            break;
        }
    }
    return str_from_vstr(&vs);
}

static value_t textio_readline_fn(size_t n_args, size_t n_kw, const value_t *args) {
    bool eof;
    return read_line(true, &eof);
}
static BUILTIN_FN(textio_readline_obj, Q_readline, 1, 2, false, textio_readline_fn);

static value_t textio_read_fn(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t want = n_args > 1 && args[1] != VAL_NONE ? value_get_int(args[1]) : -1;
    vstr_t vs;
    vstr_init(&vs, 64);
    char buf[128];
    while (want < 0 || (smallint_t)vs.len < want) {
        size_t room = want < 0 || want - (smallint_t)vs.len > (smallint_t)sizeof(buf) ? sizeof(buf) : (size_t)(want - (smallint_t)vs.len);
        int n = hal_stdin_read(buf, room);
        if (n <= 0) {
            vm_check_interrupt();
            break;
        }
        vstr_add_strn(&vs, buf, (size_t)n);
    }
    return str_from_vstr(&vs);
}
static BUILTIN_FN(textio_read_obj, Q_read, 1, 2, false, textio_read_fn);

static value_t textio_flush_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(textio_flush_obj, Q_flush, 1, 1, false, textio_flush_fn);

static value_t textio_fileno_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(((const textio_obj_t *)VAL_PTR(args[0]))->fd);
}
static BUILTIN_FN(textio_fileno_obj, Q_fileno, 1, 1, false, textio_fileno_fn);

static const map_entry_t textio_locals_table[] = {
    {QSTR(Q_fileno), PTR_VAL(&textio_fileno_obj)},
    {QSTR(Q_flush), PTR_VAL(&textio_flush_obj)},
    {QSTR(Q_read), PTR_VAL(&textio_read_obj)},
    {QSTR(Q_readline), PTR_VAL(&textio_readline_obj)},
    {QSTR(Q_write), PTR_VAL(&textio_write_obj)},
};
static const map_t textio_locals = MAP_ROM(textio_locals_table);

static void textio_print(const print_t *p, value_t self, print_kind_t kind) {
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    const textio_obj_t *io = VAL_PTR(self);
    print_fmt(p, "<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", names[io->fd], io->fd == 0 ? "r" : "w");
}

const type_t type_textio = {
    {&type_type}, .name = Q_TextIOWrapper, .print = textio_print, .locals = &textio_locals,
};

// ---- a simple namespace (sys.implementation) ------------------------------------------------

typedef struct namespace_obj {
    obj_t base;
    value_t dict;
} namespace_obj_t;

static void namespace_print(const print_t *p, value_t self, print_kind_t kind) {
    namespace_obj_t *ns = VAL_PTR(self);
    print_str(p, "namespace(");
    size_t pos = 0;
    bool first = true;
    for (map_entry_t *e; (e = map_next(dict_map(ns->dict), &pos)) != NULL; first = false) {
        print_fmt(p, first ? "%S=%R" : ", %S=%R", e->key, e->value);
    }
    print_str(p, ")");
}

static void namespace_attr(value_t self, qstr_t name, value_t *dest) {
    namespace_obj_t *ns = VAL_PTR(self);
    if (dest[0] == VAL_NULL) {
        dest[0] = dict_get(ns->dict, QSTR(name));
    }
}

static const type_t type_namespace = {
    {&type_type}, .name = Q_SimpleNamespace, .print = namespace_print, .attr = namespace_attr,
};

// ---- functions ---------------------------------------------------------------------------

static value_t sys_exit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    raise_obj(exc_new(&type_SystemExit, n_args, args));
}
static BUILTIN_FN(sys_exit_obj, Q_exit, 0, 1, false, sys_exit_fn);

static value_t sys_print_exception_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t file = n_args > 1 ? args[1] : VAL_NONE;
    if (exc_get(args[0]) == NULL) {
        raise_msg(&type_TypeError, "print_exception() argument must be an exception");
    }
    print_t p = modules_file_printer(&file);
    exc_print_traceback(&p, args[0]);
    return VAL_NONE;
}
static BUILTIN_FN(sys_print_exception_obj, Q_print_exception, 1, 2, false, sys_print_exception_fn);

static value_t sys_getrecursionlimit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(ESPY_RECURSION_LIMIT);
}
static BUILTIN_FN(sys_getrecursionlimit_obj, Q_getrecursionlimit, 0, 0, false, sys_getrecursionlimit_fn);

static value_t sys_intern_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_data(args[0], &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "intern() argument must be str, not %T", args[0]);
    }
    return QSTR(qstr_from_strn(s, len));
}
static BUILTIN_FN(sys_intern_obj, Q_intern, 1, 1, false, sys_intern_fn);

static value_t sys_exc_info_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t exc = vm_handled_exception();
    value_t items[3] = {VAL_NONE, VAL_NONE, VAL_NONE};
    if (exc != VAL_NULL) {
        items[0] = PTR_VAL(value_type(exc));
        items[1] = exc;
    }
    return tuple_new(3, items);
}
static BUILTIN_FN(sys_exc_info_obj, Q_exc_info, 0, 0, false, sys_exc_info_fn);

// The constant entries, copied into sys's dict at start-up.
static const map_entry_t sys_table[] = {
    {QSTR(Q___name__), QSTR(Q_sys)},
    {QSTR(Q_byteorder), QSTR(Q_little)},
    {QSTR(Q_exc_info), PTR_VAL(&sys_exc_info_obj)},
    {QSTR(Q_exit), PTR_VAL(&sys_exit_obj)},
    {QSTR(Q_getrecursionlimit), PTR_VAL(&sys_getrecursionlimit_obj)},
    {QSTR(Q_intern), PTR_VAL(&sys_intern_obj)},
    {QSTR(Q_print_exception), PTR_VAL(&sys_print_exception_obj)},
    {QSTR(Q_stderr), PTR_VAL(&sys_stderr_obj)},
    {QSTR(Q_stdin), PTR_VAL(&sys_stdin_obj)},
    {QSTR(Q_stdout), PTR_VAL(&sys_stdout_obj)},
};

static value_t int_tuple3(int a, int b, int c) {
    value_t items[3] = {SMALL(a), SMALL(b), SMALL(c)};
    return tuple_new(3, items);
}

static value_t make_path(const char *path_string) {
    value_t path = list_new(0, NULL);
    if (path_string == NULL) {
        path_string = ":.frozen:/lib";
    }
    for (const char *s = path_string;;) {
        const char *colon = strchr(s, ':');
        size_t n = colon != NULL ? (size_t)(colon - s) : strlen(s);
        list_append(path, str_new(s, n));
        if (colon == NULL) {
            break;
        }
        s = colon + 1;
    }
    return path;
}

value_t sys_module_init(int argc, char **argv, const char *path_string) {
    value_t m = module_new(Q_sys);
    value_t g = ((module_obj_t *)VAL_PTR(m))->globals;
    for (size_t i = 0; i < sizeof(sys_table) / sizeof(sys_table[0]); i++) {
        dict_store(g, sys_table[i].key, sys_table[i].value);
    }
    value_t argv_list = list_new(0, NULL);
    for (int i = 0; i < argc; i++) {
        list_append(argv_list, str_new_cstr(argv[i]));
    }
    modules_state.sys_argv = argv_list;
    modules_state.sys_path = make_path(path_string);
    modules_state.sys_modules = dict_new(0);
    dict_store(modules_state.sys_modules, QSTR(Q_sys), m);
    dict_store(g, QSTR(Q_argv), argv_list);
    dict_store(g, QSTR(Q_path), modules_state.sys_path);
    dict_store(g, QSTR(Q_modules), modules_state.sys_modules);
    dict_store(g, QSTR(Q_platform), str_new_cstr(ESPY_PLATFORM));
    dict_store(g, QSTR(Q_version), str_new_cstr("3.4.0; espy 0.1"));
    dict_store(g, QSTR(Q_version_info), int_tuple3(3, 4, 0));
    dict_store(g, QSTR(Q_maxsize), int_from_intptr(INTPTR_MAX));
    dict_store(g, QSTR(Q_executable), str_new_cstr(""));
    namespace_obj_t *impl = gc_alloc(sizeof(namespace_obj_t), 0);
    impl->base.type = &type_namespace;
    impl->dict = dict_new(3);
    dict_store(impl->dict, QSTR(Q_name), QSTR(Q_micropython));
    dict_store(impl->dict, QSTR(Q_version), int_tuple3(1, 24, 0));
    dict_store(impl->dict, QSTR(Q__machine), QSTR(Q_espy));
    dict_store(g, QSTR(Q_implementation), PTR_VAL(impl));
    return m;
}
