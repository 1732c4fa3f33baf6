// SPDX-License-Identifier: MIT
// Exceptions: the builtin exception types and their hierarchy, raising,
// matching, chaining (__cause__, __context__), and tracebacks.
//
// Every builtin exception type shares one layout (exc_obj_t, exc.h) and one
// set of slots; only the names and the parent links differ, so each type is
// one line of the table at the end. User classes derived from an exception
// type hold an exc_obj_t as their native base (type.c), so every function
// here reaches the exception through exc_get.
//
// A traceback is recorded while the exception unwinds: the VM calls
// exc_add_traceback for each frame it leaves, innermost first. Entries are
// three small integers in a raw GC block, and consecutive identical frames
// (deep recursion) share one entry with a repeat count, so a RecursionError
// costs a few bytes. Raising MemoryError allocates nothing: it is a
// preallocated object in static RAM, whose message is written in place.
#include <string.h>

#include "exc.h"
#include "type.h"

// ---- creating exceptions -----------------------------------------------------------

exc_obj_t *exc_get(value_t v) {
    return obj_native_maybe(v, &type_BaseException);
}

static value_t exc_alloc(const type_t *type, value_t args) {
    exc_obj_t *e = gc_alloc(sizeof(exc_obj_t), 0);
    e->base.type = type;
    e->args = args;
    return PTR_VAL(e);
}

static value_t exc_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_fmt(&type_TypeError, "%q() takes no keyword arguments", type->name);
    }
    if (type == &type_OSError && n_args >= 2 && VAL_IS_SMALL(args[0])) {
        // OSError(errno, text) makes the subclass for that errno, as CPython
        switch (SMALL_VALUE(args[0])) {
            case 1: case 13: type = &type_PermissionError; break;
            case 2: type = &type_FileNotFoundError; break;
            case 17: type = &type_FileExistsError; break;
            case 110: type = &type_TimeoutError; break;
            default: break;
        }
    }
    return exc_alloc(type, tuple_new(n_args, args));
}

value_t exc_new(const type_t *type, size_t n_args, const value_t *args) {
    if (type->flags & TYPE_FLAG_HEAP) {
        return call_function(PTR_VAL(type), n_args, 0, args);
    }
    return exc_alloc(type, tuple_new(n_args, args));
}

value_t exc_new_msg(const type_t *type, const char *msg) {
    value_t s = str_new_cstr(msg);
    return exc_new(type, 1, &s);
}

// ---- str and repr -----------------------------------------------------------------------

static const struct {
    uint8_t num;
    char name[13];
} errno_names[] = {
#define X(name, num) {num, #name},
    ESPY_ERRNOS(X)
#undef X
};

const char *exc_errno_name(int errno_value) {
    for (size_t i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++) {
        if (errno_names[i].num == errno_value) {
            return errno_names[i].name;
        }
    }
    return NULL;
}

static value_t *exc_args(exc_obj_t *e, size_t *n) {
    value_t *items = seq_items(e->args, n);
    if (items == NULL) {
        *n = 0;
    }
    return items;
}

// str(exc): '' without args, str(arg) with one, the args tuple with more.
// KeyError shows its key as repr; OSError(errno, text) as "[Errno N] text".
// The (filename, lineno, offset, text) of a SyntaxError made by the
// compiler (its second argument), or NULL.
static value_t *syntax_location(exc_obj_t *e, size_t *n) {
    size_t n_args;
    value_t *args = exc_args(e, &n_args);
    if (n_args != 2 || !type_is_subtype(e->base.type, &type_SyntaxError) || !OBJ_TYPE_IS(args[1], &type_tuple)) {
        return NULL;
    }
    value_t *loc = seq_items(args[1], n);
    return *n >= 2 ? loc : NULL;
}

static void exc_print_str(const print_t *p, exc_obj_t *e) {
    size_t n;
    value_t *args = exc_args(e, &n);
    const type_t *t = e->base.type;
    if (type_is_subtype(t, &type_OSError) && n >= 1 && VAL_IS_SMALL(args[0])) {
        if (n == 1) {
            const char *name = exc_errno_name((int)SMALL_VALUE(args[0]));
            if (name != NULL) {
                print_fmt(p, "[Errno %d] %s", (int)SMALL_VALUE(args[0]), name);
                return;
            }
        } else if (n <= 3) {
            print_fmt(p, "[Errno %S] %S", args[0], args[1]);
            if (n == 3) {
                print_fmt(p, ": %R", args[2]);
            }
            return;
        }
    }
    if (n == 0) {
        return;
    }
    if (n == 1) {
        obj_print(p, args[0], t == &type_KeyError ? PRINT_REPR : PRINT_STR);
        return;
    }
    size_t n_loc;
    value_t *loc = syntax_location(e, &n_loc);
    if (loc != NULL) {
        // SyntaxError(msg, (filename, lineno, ...)): "msg (filename, line N)"
        print_fmt(p, "%S (%S, line %S)", args[0], loc[0], loc[1]);
        return;
    }
    obj_print(p, e->args, PRINT_STR);
}

void exc_print_as(const print_t *p, qstr_t name, value_t self, print_kind_t kind) {
    exc_obj_t *e = exc_get(self);
    if (kind == PRINT_STR) {
        exc_print_str(p, e);
        return;
    }
    size_t n;
    value_t *args = exc_args(e, &n);
    print_fmt(p, "%q(", name);
    for (size_t i = 0; i < n; i++) {
        print_fmt(p, i > 0 ? ", %R" : "%R", args[i]);
    }
    print_str(p, ")");
}

static void exc_print(const print_t *p, value_t self, print_kind_t kind) {
    exc_print_as(p, value_type_name(self), self, kind);
}

// ---- attributes ---------------------------------------------------------------------

static value_t first_arg_or_none(exc_obj_t *e) {
    size_t n;
    value_t *args = exc_args(e, &n);
    return n > 0 ? args[0] : VAL_NONE;
}

static void exc_load_attr(exc_obj_t *e, qstr_t name, value_t *dest) {
    const type_t *t = e->base.type;
    switch (name) {
        case Q_args:
            dest[0] = e->args;
            return;
        case Q___cause__:
            dest[0] = e->cause == VAL_NULL ? VAL_NONE : e->cause;
            return;
        case Q___context__:
            dest[0] = e->context == VAL_NULL ? VAL_NONE : e->context;
            return;
        case Q___suppress_context__:
            dest[0] = VAL_BOOL(e->suppress_context);
            return;
        case Q___traceback__:
            dest[0] = VAL_NONE;
            return;
        case Q_value:
            if (type_is_subtype(t, &type_StopIteration)) {
                dest[0] = first_arg_or_none(e);
            }
            return;
        case Q_code:
            if (type_is_subtype(t, &type_SystemExit)) {
                dest[0] = first_arg_or_none(e);
            }
            return;
        case Q_msg:
        case Q_lineno:
        case Q_offset:
        case Q_text:
            if (type_is_subtype(t, &type_SyntaxError)) {
                size_t n, n_loc;
                value_t *args = exc_args(e, &n);
                value_t *loc = syntax_location(e, &n_loc);
                if (name == Q_msg) {
                    dest[0] = n > 0 ? args[0] : VAL_NONE;
                } else {
                    size_t i = name == Q_lineno ? 1 : name == Q_offset ? 2 : 3;
                    dest[0] = loc != NULL && i < n_loc ? loc[i] : VAL_NONE;
                }
            }
            return;
        case Q_errno:
        case Q_strerror:
        case Q_filename:
            if (type_is_subtype(t, &type_SyntaxError) && name == Q_filename) {
                size_t n_loc;
                value_t *loc = syntax_location(e, &n_loc);
                dest[0] = loc != NULL ? loc[0] : VAL_NONE;
                return;
            }
            if (type_is_subtype(t, &type_OSError)) {
                size_t n;
                value_t *args = exc_args(e, &n);
                size_t i = name == Q_errno ? 0 : name == Q_strerror ? 1 : 2;
                dest[0] = i < n && (n >= 2 || name == Q_errno) ? args[i] : VAL_NONE;
            }
            return;
        default:
            return;
    }
}

static void exc_store_attr(exc_obj_t *e, qstr_t name, value_t *dest) {
    value_t v = dest[1];
    switch (name) {
        case Q_args:
            e->args = v == VAL_NULL ? PTR_VAL(&tuple_empty_obj) : tuple_from_iter(v);
            break;
        case Q___cause__:
            if (v != VAL_NULL && v != VAL_NONE && exc_get(v) == NULL) {
                raise_msg(&type_TypeError, "exception cause must be None or derive from BaseException");
            }
            e->cause = v == VAL_NULL ? VAL_NONE : v;
            e->suppress_context = 1;
            break;
        case Q___context__:
            if (v != VAL_NULL && v != VAL_NONE && exc_get(v) == NULL) {
                raise_msg(&type_TypeError, "exception context must be None or derive from BaseException");
            }
            e->context = v == VAL_NONE ? VAL_NULL : v;
            break;
        case Q___suppress_context__:
            e->suppress_context = v != VAL_NULL && obj_is_true(v);
            break;
        case Q___traceback__:
            if (v == VAL_NONE || v == VAL_NULL) {
                e->traceback = VAL_NULL;
            }
            break;
        default:
            return;
    }
    dest[0] = VAL_NULL;
}

static void exc_attr(value_t self, qstr_t name, value_t *dest) {
    exc_obj_t *e = exc_get(self);
    if (dest[0] == VAL_SENTINEL) {
        exc_store_attr(e, name, dest);
    } else {
        exc_load_attr(e, name, dest);
    }
}

static value_t exc_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    exc_obj_t *e = obj_native(args[0], &type_BaseException);
    if (n_kw > 0) {
        raise_fmt(&type_TypeError, "%T() takes no keyword arguments", args[0]);
    }
    e->args = tuple_new(n_args - 1, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(exc_init_obj, Q___init__, 1, ARGS_MAX, true, exc_init_fn);

static value_t exc_with_traceback_fn(size_t n_args, size_t n_kw, const value_t *args) {
    exc_obj_t *e = obj_native(args[0], &type_BaseException);
    if (args[1] == VAL_NONE) {
        e->traceback = VAL_NULL;
    }
    return args[0];
}
static BUILTIN_FN(exc_with_traceback_obj, Q_with_traceback, 2, 2, false, exc_with_traceback_fn);

static const map_entry_t exc_locals_table[] = {
    {QSTR(Q___init__), PTR_VAL(&exc_init_obj)},
    {QSTR(Q_with_traceback), PTR_VAL(&exc_with_traceback_obj)},
};
static const map_t exc_locals = MAP_ROM(exc_locals_table);

// ---- the types ------------------------------------------------------------------------

#define EXC_TYPE(n, qname, parent_)                                                                     \
    const type_t type_##n = {{&type_type}, .name = qname,                                        \
                             .flags = TYPE_FLAG_EXCEPTION | TYPE_FLAG_BASETYPE, .print = exc_print, \
                             .make_new = exc_make_new, .attr = exc_attr, .parent = parent_}

const type_t type_BaseException = {
    {&type_type}, .name = Q_BaseException, .flags = TYPE_FLAG_EXCEPTION | TYPE_FLAG_BASETYPE,
    .print = exc_print, .make_new = exc_make_new, .attr = exc_attr, .locals = &exc_locals,
};
EXC_TYPE(SystemExit, Q_SystemExit, &type_BaseException);
EXC_TYPE(KeyboardInterrupt, Q_KeyboardInterrupt, &type_BaseException);
EXC_TYPE(GeneratorExit, Q_GeneratorExit, &type_BaseException);
EXC_TYPE(Exception, Q_Exception, &type_BaseException);
EXC_TYPE(ArithmeticError, Q_ArithmeticError, &type_Exception);
EXC_TYPE(OverflowError, Q_OverflowError, &type_ArithmeticError);
EXC_TYPE(ZeroDivisionError, Q_ZeroDivisionError, &type_ArithmeticError);
EXC_TYPE(AssertionError, Q_AssertionError, &type_Exception);
EXC_TYPE(AttributeError, Q_AttributeError, &type_Exception);
EXC_TYPE(EOFError, Q_EOFError, &type_Exception);
EXC_TYPE(ImportError, Q_ImportError, &type_Exception);
EXC_TYPE(ModuleNotFoundError, Q_ModuleNotFoundError, &type_ImportError);
EXC_TYPE(LookupError, Q_LookupError, &type_Exception);
EXC_TYPE(IndexError, Q_IndexError, &type_LookupError);
EXC_TYPE(KeyError, Q_KeyError, &type_LookupError);
EXC_TYPE(MemoryError, Q_MemoryError, &type_Exception);
EXC_TYPE(NameError, Q_NameError, &type_Exception);
EXC_TYPE(UnboundLocalError, Q_UnboundLocalError, &type_NameError);
EXC_TYPE(OSError, Q_OSError, &type_Exception);
EXC_TYPE(FileExistsError, Q_FileExistsError, &type_OSError);
EXC_TYPE(FileNotFoundError, Q_FileNotFoundError, &type_OSError);
EXC_TYPE(PermissionError, Q_PermissionError, &type_OSError);
EXC_TYPE(TimeoutError, Q_TimeoutError, &type_OSError);
EXC_TYPE(RuntimeError, Q_RuntimeError, &type_Exception);
EXC_TYPE(NotImplementedError, Q_NotImplementedError, &type_RuntimeError);
EXC_TYPE(RecursionError, Q_RecursionError, &type_RuntimeError);
EXC_TYPE(StopIteration, Q_StopIteration, &type_Exception);
EXC_TYPE(StopAsyncIteration, Q_StopAsyncIteration, &type_Exception);
EXC_TYPE(SyntaxError, Q_SyntaxError, &type_Exception);
EXC_TYPE(IndentationError, Q_IndentationError, &type_SyntaxError);
EXC_TYPE(TypeError, Q_TypeError, &type_Exception);
EXC_TYPE(ValueError, Q_ValueError, &type_Exception);
EXC_TYPE(UnicodeError, Q_UnicodeError, &type_ValueError);

// ---- raising ---------------------------------------------------------------------------

_Noreturn void raise_obj(value_t v) {
    if (OBJ_TYPE_IS(v, &type_type)) {
        const type_t *t = VAL_PTR(v);
        if (!type_is_subtype(t, &type_BaseException)) {
            raise_msg(&type_TypeError, "exceptions must derive from BaseException");
        }
        v = (t->flags & TYPE_FLAG_HEAP) ? call_function(v, 0, 0, NULL) : exc_alloc(t, PTR_VAL(&tuple_empty_obj));
    }
    if (exc_get(v) == NULL) {
        raise_msg(&type_TypeError, "exceptions must derive from BaseException");
    }
    nlr_raise(v);
}

_Noreturn void exc_reraise(value_t exc) {
    exc_obj_t *e = exc_get(exc);
    if (e != NULL && e->traceback != VAL_NULL) {
        e->skip_traceback = 1;
    }
    raise_obj(exc);
}

_Noreturn void raise_msg(const type_t *type, const char *msg) {
    raise_obj(exc_new_msg(type, msg));
}

_Noreturn void raise_fmt(const type_t *type, const char *fmt, ...) {
    vstr_t vs;
    vstr_init(&vs, 32);
    print_t p = vstr_printer(&vs);
    va_list ap;
    va_start(ap, fmt);
    print_vfmt(&p, fmt, ap);
    va_end(ap);
    value_t s = str_from_vstr(&vs);
    raise_obj(exc_new(type, 1, &s));
}

_Noreturn void raise_type_error_unsupported(binop_t op, value_t lhs, value_t rhs) {
    static const char *const symbols[] = {
#define X(n, d, r, i, s) s,
        BINARY_ARITH_OPS(X)
#undef X
    };
    const char *sym = "?";
    bool inplace = BINOP_IS_INPLACE(op);
    binop_t base = (binop_t)BINOP_BASE(op);
    if (base < BINOP_ARITH_COUNT) {
        sym = symbols[base];
    }
    raise_fmt(&type_TypeError, "unsupported operand type(s) for %s%s: '%T' and '%T'",
              base == BINOP_POW && !inplace ? "** or pow()" : sym, inplace ? "=" : "", lhs, rhs);
}

_Noreturn void raise_os_error(int errno_value) {
    value_t e = SMALL(errno_value);
    raise_obj(exc_new(&type_OSError, 1, &e));
}

// The MemoryError raised when the heap is full: every part of it is in
// static RAM, so raising it needs no allocation.
static struct {
    exc_obj_t exc;
    struct {                 // a 1-tuple laid out as tuple_obj_t
        obj_t base;
        size_t len;
        value_t items[1];
    } args;
} memory_error;

static union {
    str_obj_t str;
    char raw[sizeof(str_obj_t) + 112];
} memory_error_msg;

static void msg_write(void *ctx, const char *data, size_t len) {
    size_t *pos = ctx;
    size_t room = sizeof(memory_error_msg.raw) - sizeof(str_obj_t) - 1;
    for (size_t i = 0; i < len && *pos < room; i++) {
        memory_error_msg.str.data[(*pos)++] = data[i];
    }
}

_Noreturn void exc_raise_memory_error(size_t request) {
    size_t pos = 0;
    print_t p = {&pos, msg_write};
    if (gc_is_locked()) {
        print_str(&p, "memory allocation failed, heap is locked");
    } else if (request > 0) {
        gc_stats_t st;
        gc_get_stats(&st);
        print_fmt(&p, "memory allocation failed, allocating %u bytes (%u free, largest free block %u)",
                  (unsigned)request, (unsigned)st.free, (unsigned)st.max_free_block);
    } else {
        print_str(&p, "memory allocation failed");
    }
    str_obj_t *s = &memory_error_msg.str;
    s->base.type = &type_str;
    s->hash = 0;
    s->len = s->charlen = (uint32_t)pos;
    s->data[pos] = 0;
    memory_error.args.base.type = &type_tuple;
    memory_error.args.len = 1;
    memory_error.args.items[0] = PTR_VAL(s);
    exc_obj_t *e = &memory_error.exc;
    memset(e, 0, sizeof(*e));
    e->base.type = &type_MemoryError;
    e->args = PTR_VAL(&memory_error.args);
    nlr_raise(PTR_VAL(e));
}

void exc_mark_roots(void) {
    gc_mark_range(&memory_error, sizeof(memory_error));
}

// ---- matching and chaining --------------------------------------------------------------

static bool is_exception_class(value_t t) {
    return OBJ_TYPE_IS(t, &type_type) && type_is_subtype(VAL_PTR(t), &type_BaseException);
}

bool exc_matches(value_t exc, value_t match) {
    size_t n;
    value_t *items = OBJ_TYPE_IS(match, &type_tuple) ? seq_items(match, &n) : NULL;
    if (items == NULL) {
        items = &match;
        n = 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_exception_class(items[i])) {
            raise_msg(&type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        }
        if (obj_is_instance(exc, VAL_PTR(items[i]))) {
            return true;
        }
    }
    return false;
}

void exc_set_cause(value_t exc, value_t cause) {
    exc_obj_t *e = exc_get(exc);
    if (e == NULL) {
        return;
    }
    if (cause != VAL_NONE && exc_get(cause) == NULL) {
        raise_msg(&type_TypeError, "exception causes must derive from BaseException");
    }
    e->cause = cause;
    e->suppress_context = 1;
}

void exc_set_context(value_t exc, value_t context) {
    exc_obj_t *e = exc_get(exc);
    if (e == NULL || e->context != VAL_NULL || context == exc || context == VAL_NULL) {
        return;
    }
    // Break a cycle as CPython does: exc must not appear in the new chain.
    for (value_t c = context; c != VAL_NULL;) {
        exc_obj_t *ce = exc_get(c);
        if (ce == NULL) {
            break;
        }
        if (ce->context == exc) {
            ce->context = VAL_NULL;
            break;
        }
        c = ce->context;
    }
    e->context = context;
}

// ---- tracebacks ------------------------------------------------------------------------

void exc_add_traceback(value_t exc, qstr_t file, size_t line, qstr_t block) {
    exc_obj_t *e = exc_get(exc);
    if (e == NULL) {
        return;
    }
    if (e->skip_traceback) {
        e->skip_traceback = 0;
        return;
    }
    exc_tb_t *tb = VAL_PTR(e->traceback);
    if (tb != NULL && tb->len > 0) {
        exc_tb_entry_t *last = &tb->entries[tb->len - 1];
        if (last->line == line && last->file == file && last->block == block) {
            last->repeat++;
            return;
        }
    }
    if (tb == NULL || tb->len == tb->alloc) {
        uint32_t alloc = tb == NULL ? 4 : tb->alloc * 2;
        exc_tb_t *bigger = gc_alloc_maybe(sizeof(exc_tb_t) + alloc * sizeof(exc_tb_entry_t), GC_LEAF);
        if (bigger == NULL) {
            return;
        }
        if (tb != NULL) {
            memcpy(bigger->entries, tb->entries, tb->len * sizeof(exc_tb_entry_t));
            bigger->len = tb->len;
        }
        bigger->alloc = alloc;
        tb = bigger;
        e->traceback = PTR_VAL(tb);
    }
    exc_tb_entry_t *en = &tb->entries[tb->len++];
    en->line = (uint32_t)line;
    en->file = (uint16_t)file;
    en->block = (uint16_t)block;
    en->repeat = 1;
}

static void print_entry(const print_t *p, const exc_tb_entry_t *en) {
    print_fmt(p, "  File \"%q\", line %u", en->file, (unsigned)en->line);
    if (en->block != Q_NULL) {
        print_fmt(p, ", in %q", en->block);
    }
    print_str(p, "\n");
}

// "Type: message": the class name, qualified by its module for classes of
// modules other than __main__.
static void print_exception_line(const print_t *p, value_t exc) {
    const type_t *t = value_type(exc);
    if (t->flags & TYPE_FLAG_HEAP) {
        value_t mod = map_get_qstr(t->locals, Q___module__);
        if (mod != VAL_NULL && mod != QSTR(Q___main__) && mod != QSTR(Q_builtins) && value_is_str(mod)) {
            print_fmt(p, "%S.", mod);
        }
    }
    print_fmt(p, "%S", type_qualname(t));
    vstr_t vs;
    vstr_init(&vs, 16);
    print_t vp = vstr_printer(&vs);
    nlr_buf_t nlr;
    exc_obj_t *e = exc_get(exc);
    size_t n_loc;
    if (e != NULL && syntax_location(e, &n_loc) != NULL) {
        // the location is in the traceback's File line already
        obj_print(&vp, exc_args(e, &n_loc)[0], PRINT_STR);
    } else if (nlr_push(&nlr) == 0) {
        obj_print(&vp, exc, PRINT_STR);
        nlr_pop();
    } else {
        vs.len = 0;
        vstr_add_str(&vs, "<exception str() failed>");
    }
    if (vs.len > 0 || exc_port_style) {
        print_str(p, ": ");
        print_strn(p, vs.buf, vs.len);
    }
    print_str(p, "\n");
}

bool exc_port_style;

static void print_chain(const print_t *p, value_t exc, int depth) {
    exc_obj_t *e = exc_get(exc);
    if (e == NULL) {
        print_fmt(p, "%R\n", exc);
        return;
    }
    if (depth < 32) {
        if (e->cause != VAL_NULL && e->cause != VAL_NONE) {
            print_chain(p, e->cause, depth + 1);
            print_str(p, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context != VAL_NULL && !e->suppress_context) {
            print_chain(p, e->context, depth + 1);
            print_str(p, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    exc_tb_t *tb = VAL_PTR(e->traceback);
    if (tb != NULL && tb->len > 0) {
        print_str(p, "Traceback (most recent call last):\n");
        for (uint32_t i = tb->len; i-- > 0;) {
            const exc_tb_entry_t *en = &tb->entries[i];
            uint32_t shown = en->repeat < 3 ? en->repeat : 3;
            for (uint32_t k = 0; k < shown; k++) {
                print_entry(p, en);
            }
            if (en->repeat > 3) {
                uint32_t more = en->repeat - 3;
                print_fmt(p, "  [Previous line repeated %u more time%s]\n", (unsigned)more, more == 1 ? "" : "s");
            }
        }
    }
    print_exception_line(p, exc);
}

void exc_print_traceback(const print_t *p, value_t exc) {
    print_chain(p, exc, 0);
}
