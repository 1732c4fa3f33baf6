// SPDX-License-Identifier: MIT
// Importing modules: builtin modules first, then `NAME.py` or the package
// `NAME/__init__.py` along sys.path (or the parent package's __path__);
// the entry ".frozen" stands for the frozen modules (core/frozen.h).
// A module is entered into sys.modules before its code runs, so circular
// imports see the partly initialised module, as in CPython; if its code
// raises, the entry is removed again.
#include <string.h>

#include "code.h"
#include "frozen.h"
#include "hal.h"
#include "vm.h"

value_t modules_find_builtin(qstr_t name);
value_t sys_modules_dict(void);
value_t sys_path_list(void);

static struct {
    value_t main_module;
} import_state;

void import_mark_roots(void) {
    gc_mark_range(&import_state, sizeof(import_state));
}

// ---- reading source files -------------------------------------------------------------

typedef struct file_reader {
    value_t stream;
    size_t pos, len;
    uint8_t buf[128];
} file_reader_t;

static int file_read_byte(void *ctx) {
    file_reader_t *r = ctx;
    if (r->pos == r->len) {
        int n = port_source_read(r->stream, r->buf, sizeof(r->buf));
        if (n <= 0) {
            return -1;
        }
        r->len = (size_t)n;
        r->pos = 0;
    }
    return r->buf[r->pos++];
}

// Compiles and runs the file at path in the module's globals.
static void run_file_in(const char *path, value_t globals) {
    file_reader_t *r = gc_alloc(sizeof(file_reader_t), 0);
    r->stream = port_source_open(path);
    value_t code;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        code = compile_reader(file_read_byte, r, qstr_from_str(path), COMPILE_FILE);
        nlr_pop();
    } else {
        port_source_close(r->stream);
        nlr_raise(nlr.value);
    }
    port_source_close(r->stream);
    vm_run_code(code, globals, VAL_NULL);
}

value_t import_run_path(const char *path, value_t module) {
    module_obj_t *m = VAL_PTR(module);
    dict_store(m->globals, QSTR(Q___file__), str_new_cstr(path));
    run_file_in(path, m->globals);
    return module;
}

// ---- finding modules -------------------------------------------------------------------

// Appends dir + "/" + the last component of name to vs.
static void path_join(vstr_t *vs, value_t dir, const char *name, size_t len) {
    vs->len = 0;
    size_t dlen;
    const char *d = str_data(dir, &dlen);
    if (d != NULL && dlen > 0) {
        vstr_add_strn(vs, d, dlen);
        if (d[dlen - 1] != '/') {
            vstr_add_char(vs, '/');
        }
    }
    vstr_add_strn(vs, name, len);
}

const code_t *frozen_find(const char *path, size_t len) {
    size_t lo = 0, hi = frozen_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *p = frozen_modules[mid].path;
        int c = strncmp(p, path, len);
        if (c == 0 && p[len] != 0) {
            c = 1;
        }
        if (c == 0) {
            return frozen_modules[mid].code;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

// vs is ".frozen/a/b": finds the frozen module a/b.py (returns 1) or the
// frozen package a/b/__init__.py (returns 2), its code in *code.
static int find_frozen(vstr_t *vs, const code_t **code) {
    static const char prefix[] = ".frozen/";
    size_t plen = sizeof(prefix) - 1;
    if (vs->len <= plen || memcmp(vs->buf, prefix, plen) != 0) {
        return 0;
    }
    size_t base = vs->len;
    vstr_add_str(vs, "/__init__.py");
    *code = frozen_find(vs->buf + plen, vs->len - plen);
    vs->len = base;
    if (*code != NULL) {
        return 2;
    }
    vstr_add_str(vs, ".py");
    *code = frozen_find(vs->buf + plen, vs->len - plen);
    if (*code != NULL) {
        return 1;
    }
    vs->len = base;
    return 0;
}

// Looks for the module in the directories of `path` (a list). Returns 1 for
// a module file, 2 for a package (vs holds the directory); for a frozen
// one, its code is in *frozen (else NULL).
static int find_module(value_t path, const char *name, size_t len, vstr_t *vs, const code_t **frozen) {
    size_t n;
    value_t *dirs = seq_items(path, &n);
    *frozen = NULL;
    for (size_t i = 0; dirs != NULL && i < n; i++) {
        path_join(vs, dirs[i], name, len);
        size_t base = vs->len;
        int kind = find_frozen(vs, frozen);
        if (kind != 0) {
            return kind;
        }
        if (port_path_kind(vstr_cstr(vs)) == 2) {
            vstr_add_str(vs, "/__init__.py");
            if (port_path_kind(vstr_cstr(vs)) == 1) {
                vs->len = base;
                return 2;
            }
            vs->len = base;
        }
        vstr_add_str(vs, ".py");
        if (port_path_kind(vstr_cstr(vs)) == 1) {
            return 1;
        }
    }
    return 0;
}

// Runs a module's code: the frozen code, or the file at path.
static void run_module(value_t module, const char *path, const code_t *frozen) {
    if (frozen != NULL) {
        vm_run_code(PTR_VAL(frozen), ((module_obj_t *)VAL_PTR(module))->globals, VAL_NULL);
    } else {
        import_run_path(path, module);
    }
}

// Loads the module with the dotted name full[0..len) whose parent (if any)
// is already loaded.
static value_t load_module(const char *full, size_t len, value_t parent) {
    qstr_t qname = qstr_from_strn(full, len);
    value_t modules = sys_modules_dict();
    value_t m = dict_get(modules, QSTR(qname));
    if (m != VAL_NULL) {
        return m;
    }
    const char *dot = NULL;
    for (size_t i = 0; i < len; i++) {
        if (full[i] == '.') {
            dot = full + i;
        }
    }
    const char *last = dot != NULL ? dot + 1 : full;
    size_t last_len = len - (size_t)(last - full);
    if (parent == VAL_NULL) {
        m = modules_find_builtin(qname);
        if (m != VAL_NULL) {
            dict_store(modules, QSTR(qname), m);
            return m;
        }
    }
    value_t path = parent == VAL_NULL ? sys_path_list() : obj_getattr_maybe(parent, Q___path__);
    if (path == VAL_NULL) {
        raise_fmt(&type_ImportError, "No module named '%q'", qstr_from_strn(full, len));
    }
    if (value_is_str(path)) {
        path = list_new(1, &path);
    }
    vstr_t vs;
    vstr_init(&vs, 64);
    const code_t *frozen;
    int kind = find_module(path, last, last_len, &vs, &frozen);
    if (kind == 0) {
        raise_fmt(&type_ImportError, "No module named '%q'", qstr_from_strn(full, len));
    }
    m = module_new(qname);
    module_obj_t *mod = VAL_PTR(m);
    if (kind == 2) {
        dict_store(mod->globals, QSTR(Q___path__), str_new(vs.buf, vs.len));
        vstr_add_str(&vs, "/__init__.py");
    }
    dict_store(modules, QSTR(qname), m);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        run_module(m, vstr_cstr(&vs), frozen);
        nlr_pop();
    } else {
        map_lookup(dict_map(modules), QSTR(qname), MAP_REMOVE);
        nlr_raise(nlr.value);
    }
    if (parent != VAL_NULL) {
        obj_setattr(parent, qstr_from_strn(last, last_len), m);
    }
    return m;
}

value_t import_module(qstr_t name) {
    size_t len;
    const char *s = qstr_data(name, &len);
    value_t parent = VAL_NULL, m = VAL_NULL;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || s[i] == '.') {
            m = load_module(s, i, parent);
            parent = m;
        }
    }
    return m;
}

value_t import_name(qstr_t name, value_t fromlist, int level, value_t globals) {
    size_t len;
    const char *s = qstr_data(name, &len);
    vstr_t full;
    vstr_init(&full, 32);
    if (level > 0) {
        // Relative: start from the importing module's package.
        value_t pkg = dict_get(globals, QSTR(Q___name__));
        bool is_package = dict_get(globals, QSTR(Q___path__)) != VAL_NULL;
        size_t plen;
        const char *p = pkg != VAL_NULL ? str_data(pkg, &plen) : NULL;
        if (p == NULL) {
            raise_msg(&type_ImportError, "attempted relative import with no known parent package");
        }
        int up = level - (is_package ? 1 : 0);
        while (up-- > 0) {
            while (plen > 0 && p[plen - 1] != '.') {
                plen--;
            }
            if (plen == 0) {
                raise_msg(&type_ImportError, "attempted relative import beyond top-level package");
            }
            plen--;
        }
        vstr_add_strn(&full, p, plen);
        if (len > 0) {
            vstr_add_char(&full, '.');
        }
    }
    vstr_add_strn(&full, s, len);
    qstr_t q = qstr_from_strn(full.buf, full.len);
    value_t leaf = import_module(q);
    if (fromlist == VAL_NONE || fromlist == VAL_NULL || fromlist == VAL_FALSE) {
        if (level > 0) {
            return leaf;
        }
        // `import a.b.c` binds a.
        size_t first = 0;
        while (first < full.len && full.buf[first] != '.') {
            first++;
        }
        return dict_get(sys_modules_dict(), QSTR(qstr_from_strn(full.buf, first)));
    }
    return leaf;
}

// ---- __main__ ----------------------------------------------------------------------------

value_t import_main_module(void) {
    if (import_state.main_module == VAL_NULL) {
        import_state.main_module = module_new(Q___main__);
        dict_store(sys_modules_dict(), QSTR(Q___main__), import_state.main_module);
    }
    return import_state.main_module;
}

void import_reset_main_module(void) {
    import_state.main_module = VAL_NULL;
}

// For -m: finds the module's file like an import, runs it as __main__.
void import_run_main_module(const char *name) {
    value_t main = import_main_module();
    size_t len = strlen(name);
    vstr_t vs;
    vstr_init(&vs, 64);
    const code_t *frozen;
    int kind = find_module(sys_path_list(), name, len, &vs, &frozen);
    if (kind == 0) {
        value_t m = modules_find_builtin(qstr_from_str(name));
        if (m != VAL_NULL) {
            return;
        }
        raise_fmt(&type_ImportError, "No module named '%s'", name);
    }
    if (kind == 2) {
        vstr_add_str(&vs, "/__main__.py");
        if (frozen != NULL) {
            frozen = frozen_find(vs.buf + 8, vs.len - 8);
            if (frozen == NULL) {
                raise_fmt(&type_ImportError, "No module named '%s.__main__'", name);
            }
        }
    }
    run_module(main, vstr_cstr(&vs), frozen);
}
