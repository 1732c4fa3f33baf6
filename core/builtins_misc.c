// SPDX-License-Identifier: MIT
// Builtin functions about objects, names and code: print, input, len,
// isinstance, issubclass, getattr and friends, id, hash, dir, globals,
// locals, vars, exec, eval, compile, __import__.
//
// print writes through a small buffer on the C stack, so a print of a few
// values costs one write to the console and no allocation.
#include <string.h>

#include "hal.h"
#include "modules.h"
#include "type.h"
#include "vm.h"

// ---- print and input -------------------------------------------------------------------

typedef struct out_buf {
    value_t file;          // None: stdout
    size_t len;
    char data[200];
} out_buf_t;

static void out_flush(out_buf_t *b) {
    if (b->len == 0) {
        return;
    }
    value_t f = b->file;
    if (f == VAL_NONE || f == PTR_VAL(&sys_stdout_obj)) {
        hal_stdout_write(b->data, b->len);
    } else if (f == PTR_VAL(&sys_stderr_obj)) {
        hal_stderr_write(b->data, b->len);
    } else {
        value_t s = str_new(b->data, b->len);
        b->len = 0;
        call_method(f, Q_write, 1, &s);
    }
    b->len = 0;
}

static void out_write(void *ctx, const char *data, size_t len) {
    out_buf_t *b = ctx;
    while (len > 0) {
        size_t room = sizeof(b->data) - b->len;
        if (room == 0) {
            out_flush(b);
            room = sizeof(b->data);
        }
        size_t n = len < room ? len : room;
        memcpy(b->data + b->len, data, n);
        b->len += n;
        data += n;
        len -= n;
    }
}

static const char *sep_arg(value_t v, const char *dflt, size_t *len, const char *what) {
    if (v == VAL_NULL || v == VAL_NONE) {
        *len = strlen(dflt);
        return dflt;
    }
    const char *s = str_data(v, len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "%s must be None or a string, not %T", what, v);
    }
    return s;
}

static value_t builtin_print(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_sep, Q_end, Q_file, Q_flush, Q_NULL};
    size_t sep_len = 1, end_len = 1;
    const char *sep = " ", *end = "\n";
    out_buf_t b;
    b.file = VAL_NONE;
    b.len = 0;
    if (n_kw > 0) {
        arg_kw_check(n_args, n_kw, args, allowed, Q_print);
        sep = sep_arg(arg_kw(n_args, n_kw, args, Q_sep), " ", &sep_len, "sep");
        end = sep_arg(arg_kw(n_args, n_kw, args, Q_end), "\n", &end_len, "end");
        value_t f = arg_kw(n_args, n_kw, args, Q_file);
        if (f != VAL_NULL) {
            b.file = f;
        }
    }
    print_t p = {&b, out_write};
    // A file object of the program's gets one write per piece, as in CPython.
    bool piecewise = b.file != VAL_NONE && b.file != PTR_VAL(&sys_stdout_obj) && b.file != PTR_VAL(&sys_stderr_obj);
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            out_write(&b, sep, sep_len);
            if (piecewise) {
                out_flush(&b);
            }
        }
        obj_print(&p, args[i], PRINT_STR);
        if (piecewise) {
            out_flush(&b);
        }
    }
    out_write(&b, end, end_len);
    out_flush(&b);
    return VAL_NONE;
}
BUILTIN_FN(builtin_print_obj, Q_print, 0, ARGS_MAX, true, builtin_print);

static value_t builtin_input(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0) {
        out_buf_t b;
        b.file = VAL_NONE;
        b.len = 0;
        print_t p = {&b, out_write};
        obj_print(&p, args[0], PRINT_STR);
        out_flush(&b);
    }
    vstr_t vs;
    vstr_init(&vs, 64);
    char buf[128];
    bool got = false;
    for (;;) {
        int n = hal_stdin_readline(buf, sizeof(buf));
        if (n == -2) {
            vm_check_interrupt();
            n = -1;
        }
        if (n < 0) {
            break;
        }
        got = true;
        vstr_add_strn(&vs, buf, (size_t)n);
        if ((size_t)n < sizeof(buf) - 1) {
            break;
        }
    }
    if (!got) {
        raise_msg(&type_EOFError, "EOF when reading a line");
    }
    return str_from_vstr(&vs);
}
BUILTIN_FN(builtin_input_obj, Q_input, 0, 1, false, builtin_input);

// ---- objects -------------------------------------------------------------------------------

static value_t builtin_len(size_t n_args, size_t n_kw, const value_t *args) {
    return obj_len(args[0]);
}
BUILTIN_FN(builtin_len_obj, Q_len, 1, 1, false, builtin_len);

// Whether t is cls or one of a (nested) tuple of classes.
static bool subclass_of(const type_t *t, value_t cls, const char *fn) {
    if (OBJ_TYPE_IS(cls, &type_type)) {
        return type_is_subtype(t, VAL_PTR(cls));
    }
    size_t n;
    value_t *items = OBJ_TYPE_IS(cls, &type_tuple) ? seq_items(cls, &n) : NULL;
    if (items == NULL) {
        raise_fmt(&type_TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fn);
    }
    for (size_t i = 0; i < n; i++) {
        if (subclass_of(t, items[i], fn)) {
            return true;
        }
    }
    return false;
}

static value_t builtin_isinstance(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(subclass_of(value_type(args[0]), args[1], "isinstance"));
}
BUILTIN_FN(builtin_isinstance_obj, Q_isinstance, 2, 2, false, builtin_isinstance);

static value_t builtin_issubclass(size_t n_args, size_t n_kw, const value_t *args) {
    if (!OBJ_TYPE_IS(args[0], &type_type)) {
        raise_msg(&type_TypeError, "issubclass() arg 1 must be a class");
    }
    return VAL_BOOL(subclass_of(VAL_PTR(args[0]), args[1], "issubclass"));
}
BUILTIN_FN(builtin_issubclass_obj, Q_issubclass, 2, 2, false, builtin_issubclass);

static qstr_t attr_name_arg(value_t v) {
    if (VAL_IS_QSTR(v)) {
        return QSTR_INDEX(v);
    }
    size_t len;
    const char *s = str_data(v, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "attribute name must be string, not '%T'", v);
    }
    return qstr_from_strn(s, len);
}

static value_t builtin_getattr(size_t n_args, size_t n_kw, const value_t *args) {
    qstr_t name = attr_name_arg(args[1]);
    if (n_args > 2) {
        value_t v = obj_getattr_maybe(args[0], name);
        return v != VAL_NULL ? v : args[2];
    }
    return obj_getattr(args[0], name);
}
BUILTIN_FN(builtin_getattr_obj, Q_getattr, 2, 3, false, builtin_getattr);

static value_t builtin_setattr(size_t n_args, size_t n_kw, const value_t *args) {
    obj_setattr(args[0], attr_name_arg(args[1]), args[2]);
    return VAL_NONE;
}
BUILTIN_FN(builtin_setattr_obj, Q_setattr, 3, 3, false, builtin_setattr);

static value_t builtin_delattr(size_t n_args, size_t n_kw, const value_t *args) {
    obj_setattr(args[0], attr_name_arg(args[1]), VAL_NULL);
    return VAL_NONE;
}
BUILTIN_FN(builtin_delattr_obj, Q_delattr, 2, 2, false, builtin_delattr);

static value_t builtin_hasattr(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(obj_getattr_maybe(args[0], attr_name_arg(args[1])) != VAL_NULL);
}
BUILTIN_FN(builtin_hasattr_obj, Q_hasattr, 2, 2, false, builtin_hasattr);

static value_t builtin_callable(size_t n_args, size_t n_kw, const value_t *args) {
    const type_t *t = value_type(args[0]);
    return VAL_BOOL(t == &type_builtin_function || t == &type_function || t->call != NULL);
}
BUILTIN_FN(builtin_callable_obj, Q_callable, 1, 1, false, builtin_callable);

static value_t builtin_id(size_t n_args, size_t n_kw, const value_t *args) {
    return int_from_uintptr((uintptr_t)args[0]);
}
BUILTIN_FN(builtin_id_obj, Q_id, 1, 1, false, builtin_id);

static value_t builtin_hash(size_t n_args, size_t n_kw, const value_t *args) {
    value_t v = args[0];
    if (VAL_IS_SMALL(v)) {
        return v == SMALL(-1) ? SMALL(-2) : v;
    }
    return unary_op(UNOP_HASH, v);
}
BUILTIN_FN(builtin_hash_obj, Q_hash, 1, 1, false, builtin_hash);

// ---- dir, globals, locals, vars ---------------------------------------------------------------

static void add_names(value_t set, const map_t *map) {
    size_t pos = 0;
    for (map_entry_t *e; map != NULL && (e = map_next(map, &pos)) != NULL;) {
        if (value_is_str(e->key)) {
            set_add(set, e->key);
        }
    }
}

static void add_type_names(value_t set, const type_t *t) {
    size_t n;
    value_t *mro = seq_items(type_mro(t), &n);
    for (size_t i = 0; i < n; i++) {
        add_names(set, ((const type_t *)VAL_PTR(mro[i]))->locals);
    }
}

static value_t builtin_dir(size_t n_args, size_t n_kw, const value_t *args) {
    value_t set = set_new(&type_set);
    if (n_args == 0) {
        value_t l = vm_locals();
        if (l != VAL_NULL) {
            add_names(set, dict_map(l));
        }
    } else {
        value_t v = args[0];
        const type_t *t = value_type(v);
        if (t == &type_module) {
            add_names(set, dict_map(((module_obj_t *)VAL_PTR(v))->globals));
        } else if (t == &type_type) {
            add_type_names(set, VAL_PTR(v));
        } else {
            if (t->flags & TYPE_FLAG_HEAP) {
                add_names(set, instance_map(VAL_PTR(v)));
                set_add(set, QSTR(Q___class__));
                set_add(set, QSTR(Q___dict__));
            }
            add_type_names(set, t);
        }
    }
    value_t list = list_from_iter(set);
    list_sort(list, VAL_NONE, false);
    return list;
}
BUILTIN_FN(builtin_dir_obj, Q_dir, 0, 1, false, builtin_dir);

static value_t builtin_globals(size_t n_args, size_t n_kw, const value_t *args) {
    return vm_globals();
}
BUILTIN_FN(builtin_globals_obj, Q_globals, 0, 0, false, builtin_globals);

static value_t builtin_locals(size_t n_args, size_t n_kw, const value_t *args) {
    return vm_locals();
}
BUILTIN_FN(builtin_locals_obj, Q_locals, 0, 0, false, builtin_locals);

static value_t builtin_vars(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return vm_locals();
    }
    value_t d = obj_getattr_maybe(args[0], Q___dict__);
    if (d == VAL_NULL) {
        raise_msg(&type_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}
BUILTIN_FN(builtin_vars_obj, Q_vars, 0, 1, false, builtin_vars);

// ---- running code ------------------------------------------------------------------------------

static value_t source_to_code(value_t src, compile_mode_t mode, qstr_t filename, const char *fn) {
    if (OBJ_TYPE_IS(src, &type_code)) {
        return src;
    }
    size_t len;
    const char *s = str_data(src, &len);
    if (s == NULL) {
        buffer_info_t info;
        if (!obj_get_buffer(src, &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "%s() arg 1 must be a string, bytes or code object", fn);
        }
        s = info.buf;
        len = info.len;
    }
    if (mode == COMPILE_EVAL) {
        // eval ignores leading spaces and tabs, as CPython does
        while (len > 0 && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
    }
    return compile_string(s, len, filename, mode);
}

static value_t run(size_t n_args, const value_t *args, compile_mode_t mode, const char *fn) {
    value_t globals = n_args > 1 && args[1] != VAL_NONE ? args[1] : VAL_NULL;
    value_t locals = n_args > 2 && args[2] != VAL_NONE ? args[2] : VAL_NULL;
    if (globals != VAL_NULL && !obj_native_maybe(globals, &type_dict)) {
        raise_fmt(&type_TypeError, "%s() globals must be a dict, not %T", fn, globals);
    }
    if (globals == VAL_NULL) {
        globals = vm_globals();
        if (locals == VAL_NULL) {
            locals = vm_locals();
        }
    }
    if (locals == VAL_NULL) {
        locals = globals;
    }
    value_t code = source_to_code(args[0], mode, Q_lt_string_gt, fn);
    return vm_run_code(code, globals, locals);
}

static value_t builtin_exec(size_t n_args, size_t n_kw, const value_t *args) {
    run(n_args, args, COMPILE_FILE, "exec");
    return VAL_NONE;
}
BUILTIN_FN(builtin_exec_obj, Q_exec, 1, 3, false, builtin_exec);

static value_t builtin_eval(size_t n_args, size_t n_kw, const value_t *args) {
    return run(n_args, args, COMPILE_EVAL, "eval");
}
BUILTIN_FN(builtin_eval_obj, Q_eval, 1, 3, false, builtin_eval);

static value_t builtin_compile(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *mode = str_data(args[2], &len);
    compile_mode_t m;
    if (mode != NULL && len == 4 && memcmp(mode, "exec", 4) == 0) {
        m = COMPILE_FILE;
    } else if (mode != NULL && len == 4 && memcmp(mode, "eval", 4) == 0) {
        m = COMPILE_EVAL;
    } else if (mode != NULL && len == 6 && memcmp(mode, "single", 6) == 0) {
        m = COMPILE_SINGLE;
    } else {
        raise_msg(&type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    const char *fname = str_data(args[1], &len);
    if (fname == NULL) {
        raise_fmt(&type_TypeError, "compile() argument 'filename' must be str, not %T", args[1]);
    }
    return source_to_code(args[0], m, qstr_from_strn(fname, len), "compile");
}
BUILTIN_FN(builtin_compile_obj, Q_compile, 3, 6, true, builtin_compile);

static value_t builtin___import__(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *name = str_data(args[0], &len);
    if (name == NULL) {
        raise_fmt(&type_TypeError, "__import__() argument 1 must be str, not %T", args[0]);
    }
    value_t globals = n_args > 1 && args[1] != VAL_NONE ? args[1] : vm_globals();
    value_t fromlist = n_args > 3 ? args[3] : VAL_NONE;
    int level = n_args > 4 ? (int)value_get_int(args[4]) : 0;
    return import_name(qstr_from_strn(name, len), fromlist, level, globals);
}
BUILTIN_FN(builtin___import___obj, Q___import__, 1, 5, false, builtin___import__);
