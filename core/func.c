// SPDX-License-Identifier: MIT
// Functions, bound methods, cells, generators and code objects.
//
// func_make_frame matches a call's arguments to a function's parameters
// and fills a new frame; the VM calls it for Python-to-Python calls, and
// the function type's call slot for calls from C.
#include <string.h>

#include "code.h"
#include "vm.h"

// ---- arguments ----------------------------------------------------------------------

value_t code_qualname(const code_t *code) {
    if (code->qual_prefix == Q_NULL) {
        return QSTR(code->name);
    }
    vstr_t vs;
    vstr_init(&vs, 32);
    print_t p = vstr_printer(&vs);
    print_fmt(&p, "%q.%q", code->qual_prefix, code->name);
    return str_from_vstr(&vs);
}

_Noreturn static void raise_positional_count(func_obj_t *fn, size_t given) {
    const code_t *code = fn->code;
    size_t n = code->n_pos, n_defaults = 0;
    if (fn->defaults != VAL_NULL) {
        seq_items(fn->defaults, &n_defaults);
    }
    if (n_defaults > 0) {
        raise_fmt(&type_TypeError, "%S() takes from %u to %u positional arguments but %u %s given",
                  code_qualname(code), (unsigned)(n - n_defaults), (unsigned)n, (unsigned)given,
                  given == 1 ? "was" : "were");
    }
    raise_fmt(&type_TypeError, "%S() takes %u positional argument%s but %u %s given", code_qualname(code),
              (unsigned)n, n == 1 ? "" : "s", (unsigned)given, given == 1 ? "was" : "were");
}

_Noreturn static void raise_missing(const code_t *code, qstr_t name, bool kwonly) {
    raise_fmt(&type_TypeError, "%S() missing 1 required %sargument: '%q'", code_qualname(code),
              kwonly ? "keyword-only " : "positional ", name);
}

void func_bind_args(func_obj_t *fn, frame_t *frame, size_t n_args, size_t n_kw, const value_t *args) {
    const code_t *code = fn->code;
    value_t *slots = frame->slots;
    size_t n_pos = code->n_pos;
    size_t n_named = n_pos + code->n_kwonly;
    size_t varargs_slot = n_named;
    size_t varkw_slot = n_named + ((code->flags & CODE_VARARGS) ? 1 : 0);

    if (n_args > n_pos) {
        if (!(code->flags & CODE_VARARGS)) {
            raise_positional_count(fn, n_args);
        }
        slots[varargs_slot] = tuple_new(n_args - n_pos, args + n_pos);
        memcpy(slots, args, n_pos * sizeof(value_t));
    } else {
        memcpy(slots, args, n_args * sizeof(value_t));
        if (code->flags & CODE_VARARGS) {
            slots[varargs_slot] = tuple_new(0, NULL);
        }
    }
    value_t kwdict = VAL_NULL;
    if (code->flags & CODE_VARKW) {
        kwdict = dict_new(n_kw);
        slots[varkw_slot] = kwdict;
    }
    for (size_t i = 0; i < n_kw; i++) {
        value_t name = args[n_args + 2 * i];
        value_t value = args[n_args + 2 * i + 1];
        size_t k = 0;
        if (VAL_IS_QSTR(name)) {
            qstr_t q = QSTR_INDEX(name);
            for (k = code->n_posonly; k < n_named; k++) {
                if (code->slot_names[k] == q) {
                    break;
                }
            }
        } else {
            k = n_named;
        }
        if (k < n_named) {
            if (slots[k] != VAL_NULL) {
                raise_fmt(&type_TypeError, "%S() got multiple values for argument '%q'", code_qualname(code),
                          code->slot_names[k]);
            }
            slots[k] = value;
        } else if (kwdict != VAL_NULL) {
            dict_store(kwdict, name, value);
        } else {
            if (VAL_IS_QSTR(name)) {
                for (k = 0; k < code->n_posonly; k++) {
                    if (code->slot_names[k] == QSTR_INDEX(name)) {
                        raise_fmt(&type_TypeError,
                                  "%S() got some positional-only arguments passed as keyword arguments: '%q'",
                                  code_qualname(code), code->slot_names[k]);
                    }
                }
            }
            raise_fmt(&type_TypeError, "%S() got an unexpected keyword argument '%S'", code_qualname(code), name);
        }
    }
    if (n_args < n_pos || n_kw > 0) {
        size_t n_defaults = 0;
        value_t *defaults = fn->defaults != VAL_NULL ? seq_items(fn->defaults, &n_defaults) : NULL;
        for (size_t i = n_args; i < n_pos; i++) {
            if (slots[i] == VAL_NULL) {
                size_t first_default = n_pos - n_defaults;
                if (i < first_default) {
                    raise_missing(code, code->slot_names[i], false);
                }
                slots[i] = defaults[i - first_default];
            }
        }
    }
    for (size_t i = n_pos; i < n_named; i++) {
        if (slots[i] == VAL_NULL) {
            value_t v = fn->kwdefaults != VAL_NULL ? dict_get(fn->kwdefaults, QSTR(code->slot_names[i])) : VAL_NULL;
            if (v == VAL_NULL) {
                raise_missing(code, code->slot_names[i], true);
            }
            slots[i] = v;
        }
    }
    for (size_t i = 0; i < code->n_cells; i++) {
        uint16_t s = code->cells[i];
        slots[s] = cell_new(slots[s]);
    }
    for (size_t i = 0; i < code->n_free; i++) {
        slots[code->n_locals + i] = fn->closure[i];
    }
}

frame_t *func_make_frame(func_obj_t *fn, size_t n_args, size_t n_kw, const value_t *args) {
    const code_t *code = fn->code;
    bool heap = (code->flags & (CODE_GENERATOR | CODE_COROUTINE)) != 0;
    frame_t *f = frame_push(code, heap);
    f->func = fn;
    f->globals = fn->globals;
    if (n_kw == 0 && n_args == code->n_pos && code->n_kwonly == 0 && code->n_cells == 0 && code->n_free == 0
        && !(code->flags & (CODE_VARARGS | CODE_VARKW))) {
        for (size_t i = 0; i < n_args; i++) {
            f->slots[i] = args[i];
        }
        return f;
    }
    // If binding raises, the frame stays on the frame stack until the
    // handler's frame is found: the VM then drops what lies above it.
    func_bind_args(fn, f, n_args, n_kw, args);
    return f;
}

// ---- functions -------------------------------------------------------------------

static void func_print(const print_t *p, value_t self, print_kind_t kind) {
    func_obj_t *fn = VAL_PTR(self);
    print_fmt(p, "<function %S at 0x%x>", code_qualname(fn->code), (unsigned)(uintptr_t)fn);
}

static value_t func_call_slot(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    return func_call(self, n_args, n_kw, args);
}

static void func_attr(value_t self, qstr_t name, value_t *dest) {
    func_obj_t *fn = VAL_PTR(self);
    if (dest[0] == VAL_SENTINEL) {
        // Functions take attributes (decorators count calls on them, say).
        if (fn->dict == VAL_NULL) {
            if (dest[1] == VAL_NULL) {
                return;
            }
            fn->dict = dict_new(1);
        }
        if (dest[1] == VAL_NULL) {
            if (map_lookup(dict_map(fn->dict), QSTR(name), MAP_REMOVE) != NULL) {
                dest[0] = VAL_NULL;
            }
            return;
        }
        dict_store(fn->dict, QSTR(name), dest[1]);
        dest[0] = VAL_NULL;
        return;
    }
    if (dest[0] != VAL_NULL) {
        return;
    }
    if (fn->dict != VAL_NULL) {
        value_t v = dict_get(fn->dict, QSTR(name));
        if (v != VAL_NULL) {
            dest[0] = v;
            return;
        }
    }
    switch (name) {
        case Q___name__:
            dest[0] = QSTR(fn->code->name);
            break;
        case Q___qualname__:
            dest[0] = code_qualname(fn->code);
            break;
        case Q___module__: {
            value_t m = dict_get(fn->globals, QSTR(Q___name__));
            dest[0] = m != VAL_NULL ? m : VAL_NONE;
            break;
        }
        case Q___doc__:
            dest[0] = fn->code->doc != VAL_NULL ? fn->code->doc : VAL_NONE;
            break;
        case Q___dict__:
            if (fn->dict == VAL_NULL) {
                fn->dict = dict_new(0);
            }
            dest[0] = fn->dict;
            break;
        case Q___globals__:
            dest[0] = fn->globals;
            break;
        default:
            break;
    }
}

static value_t func_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op == BINOP_EQ) {
        return VAL_BOOL(lhs == rhs);
    }
    return VAL_NULL;
}

static value_t func_unary_op(unop_t op, value_t self) {
    if (op == UNOP_HASH) {
        return SMALL((smallint_t)((uintptr_t)self >> 3));
    }
    return VAL_NULL;
}

const type_t type_function = {
    {&type_type}, .name = Q_function, .print = func_print, .call = func_call_slot, .attr = func_attr,
    .binary_op = func_binary_op, .unary_op = func_unary_op,
};

bool value_is_function(value_t v) {
    return OBJ_TYPE_IS(v, &type_function);
}

void func_set_class(value_t v, value_t cls) {
    if (OBJ_TYPE_IS(v, &type_function)) {
        func_obj_t *fn = VAL_PTR(v);
        if (fn->owner_class == VAL_NULL) {
            fn->owner_class = cls;
        }
    }
}

qstr_t func_name(value_t v) {
    if (OBJ_TYPE_IS(v, &type_function)) {
        return ((func_obj_t *)VAL_PTR(v))->code->name;
    }
    if (OBJ_TYPE_IS(v, &type_builtin_function)) {
        return ((builtin_fun_t *)VAL_PTR(v))->name;
    }
    return Q_NULL;
}

// ---- cells -----------------------------------------------------------------------

const type_t type_closure_cell = {{&type_type}, .name = Q_cell};

value_t cell_new(value_t value) {
    cell_obj_t *c = gc_alloc(sizeof(cell_obj_t), 0);
    c->base.type = &type_closure_cell;
    c->value = value;
    return PTR_VAL(c);
}

// ---- bound methods -------------------------------------------------------------------

value_t bound_method_new(value_t self, value_t fn) {
    bound_method_t *m = gc_alloc(sizeof(bound_method_t), 0);
    m->base.type = &type_bound_method;
    m->self = self;
    m->fn = fn;
    return PTR_VAL(m);
}

static value_t bound_method_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    bound_method_t *m = VAL_PTR(self);
    size_t total = n_args + 2 * n_kw;
    value_t small[8];
    value_t *all = total + 1 <= 8 ? small : gc_alloc((total + 1) * sizeof(value_t), 0);
    all[0] = m->self;
    if (total > 0) {                      // args may be NULL when there are none
        memcpy(all + 1, args, total * sizeof(value_t));
    }
    if (OBJ_TYPE_IS(m->fn, &type_builtin_function)) {
        arg_check_method_count(VAL_PTR(m->fn), m->self, n_args + 1);
    }
    return call_function(m->fn, n_args + 1, n_kw, all);
}

// As CPython: <bound method A.f of <__main__.A object at ...>>, and
// <built-in method append of list object at ...> for a builtin's method.
static void bound_method_print(const print_t *p, value_t self, print_kind_t kind) {
    bound_method_t *m = VAL_PTR(self);
    if (OBJ_TYPE_IS(m->fn, &type_function)) {
        print_fmt(p, "<bound method %S of %R>", code_qualname(((func_obj_t *)VAL_PTR(m->fn))->code), m->self);
    } else if (OBJ_TYPE_IS(m->fn, &type_builtin_function)) {
        print_fmt(p, "<built-in method %q of %T object at 0x%x>", ((const builtin_fun_t *)VAL_PTR(m->fn))->name,
                  m->self, (unsigned)(uintptr_t)VAL_PTR(m->self));
    } else {
        print_fmt(p, "<bound method %R of %R>", m->fn, m->self);
    }
}

static void bound_method_attr(value_t self, qstr_t name, value_t *dest) {
    bound_method_t *m = VAL_PTR(self);
    if (dest[0] != VAL_NULL) {
        return;
    }
    if (name == Q___self__) {
        dest[0] = m->self;
    } else if (name == Q___func__) {
        dest[0] = m->fn;
    } else {
        dest[0] = obj_getattr_maybe(m->fn, name);
    }
}

static value_t bound_method_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op == BINOP_EQ) {
        if (!OBJ_TYPE_IS(rhs, &type_bound_method)) {
            return VAL_FALSE;
        }
        bound_method_t *a = VAL_PTR(lhs), *b = VAL_PTR(rhs);
        return VAL_BOOL(a->self == b->self && a->fn == b->fn);
    }
    return VAL_NULL;
}

const type_t type_bound_method = {
    {&type_type}, .name = Q_bound_method, .print = bound_method_print, .call = bound_method_call,
    .attr = bound_method_attr, .binary_op = bound_method_binary_op,
};

// ---- generators ------------------------------------------------------------------------

value_t generator_new(frame_t *frame, const code_t *code) {
    generator_t *g = gc_alloc(sizeof(generator_t), 0);
    g->base.type = (code->flags & CODE_COROUTINE) ? &type_coroutine : &type_generator;
    g->frame = frame;
    return PTR_VAL(g);
}

value_t generator_resume(value_t gen, value_t send, value_t throw_exc, value_t *ret) {
    generator_t *g = VAL_PTR(gen);
    if (g->frame == NULL) {
        if (throw_exc != VAL_NULL) {
            raise_obj(throw_exc);
        }
        if (ret != NULL) {
            *ret = VAL_NONE;
        }
        return VAL_STOP;
    }
    if (g->running) {
        raise_msg(&type_ValueError, "generator already executing");
    }
    if (!g->started && send != VAL_NONE && throw_exc == VAL_NULL) {
        raise_msg(&type_TypeError, "can't send non-None value to a just-started generator");
    }
    g->started = 1;
    g->running = 1;
    bool yielded = false;
    nlr_buf_t nlr;
    value_t v;
    if (nlr_push(&nlr) == 0) {
        v = vm_execute(g->frame, send, throw_exc, &yielded);
        nlr_pop();
    } else {
        g->running = 0;
        g->frame = NULL;
        value_t exc = nlr.value;
        if (exc_matches(exc, PTR_VAL(&type_StopIteration))) {
            // PEP 479: a StopIteration escaping a generator is an error.
            value_t e = exc_new_msg(&type_RuntimeError, "generator raised StopIteration");
            exc_set_cause(e, exc);
            raise_obj(e);
        }
        nlr_raise(exc);
    }
    g->running = 0;
    if (yielded) {
        return v;
    }
    g->frame = NULL;
    // The return value is for the caller, or for the next() that finds the
    // generator finished (generator_return_value); once only.
    if (ret != NULL) {
        *ret = v;
    } else {
        g->ret = v;
    }
    return VAL_STOP;
}

value_t generator_return_value(value_t gen) {
    if (OBJ_TYPE_IS(gen, &type_generator) || OBJ_TYPE_IS(gen, &type_coroutine)) {
        generator_t *g = VAL_PTR(gen);
        value_t v = g->ret;
        g->ret = VAL_NONE;
        return v != VAL_NULL ? v : VAL_NONE;
    }
    return VAL_NONE;
}

static value_t stop_iteration_with(value_t value) {
    if (value == VAL_NONE) {
        raise_obj(PTR_VAL(&type_StopIteration));
    }
    raise_obj(exc_new(&type_StopIteration, 1, &value));
}

static value_t gen_iternext(value_t self) {
    return generator_resume(self, VAL_NONE, VAL_NULL, NULL);
}

static value_t gen_getiter(value_t self) {
    return self;
}

static value_t gen_send(size_t n_args, size_t n_kw, const value_t *args) {
    value_t ret = VAL_NONE;
    value_t v = generator_resume(args[0], args[1], VAL_NULL, &ret);
    if (v == VAL_STOP) {
        stop_iteration_with(ret);
    }
    return v;
}

static value_t gen_throw(size_t n_args, size_t n_kw, const value_t *args) {
    value_t exc = args[1];
    if (n_args >= 3 && args[2] != VAL_NONE) {
        exc = call_function_1(args[1], args[2]);
    } else if (OBJ_TYPE_IS(exc, &type_type)) {
        exc = call_function_0(exc);
    }
    value_t ret = VAL_NONE;
    value_t v = generator_resume(args[0], VAL_NONE, exc, &ret);
    if (v == VAL_STOP) {
        stop_iteration_with(ret);
    }
    return v;
}

static value_t gen_close(size_t n_args, size_t n_kw, const value_t *args) {
    generator_t *g = VAL_PTR(args[0]);
    if (g->frame == NULL) {
        return VAL_NONE;
    }
    if (!g->started) {
        g->frame = NULL;
        return VAL_NONE;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t v = generator_resume(args[0], VAL_NONE, exc_new(&type_GeneratorExit, 0, NULL), NULL);
        nlr_pop();
        if (v != VAL_STOP) {
            raise_msg(&type_RuntimeError, "generator ignored GeneratorExit");
        }
    } else {
        if (!exc_matches(nlr.value, PTR_VAL(&type_GeneratorExit)) && !exc_matches(nlr.value, PTR_VAL(&type_StopIteration))) {
            nlr_raise(nlr.value);
        }
    }
    return VAL_NONE;
}

static BUILTIN_FN(gen_send_obj, Q_send, 2, 2, false, gen_send);
static BUILTIN_FN(gen_throw_obj, Q_throw, 2, 4, false, gen_throw);
static BUILTIN_FN(gen_close_obj, Q_close, 1, 1, false, gen_close);

static const map_entry_t gen_locals_table[] = {
    {QSTR(Q_close), PTR_VAL(&gen_close_obj)},
    {QSTR(Q_send), PTR_VAL(&gen_send_obj)},
    {QSTR(Q_throw), PTR_VAL(&gen_throw_obj)},
};
static const map_t gen_locals = MAP_ROM(gen_locals_table);

static void gen_print(const print_t *p, value_t self, print_kind_t kind) {
    generator_t *g = VAL_PTR(self);
    const char *what = g->base.type == &type_coroutine ? "coroutine" : "generator";
    print_fmt(p, "<%s object at 0x%x>", what, (unsigned)(uintptr_t)g);
}

const type_t type_generator = {
    {&type_type}, .name = Q_generator, .flags = TYPE_FLAG_ITER_IS_SELF, .print = gen_print,
    .getiter = gen_getiter, .iternext = gen_iternext, .locals = &gen_locals,
};

const type_t type_coroutine = {
    {&type_type}, .name = Q_coroutine, .print = gen_print, .getiter = gen_getiter, .iternext = gen_iternext,
    .locals = &gen_locals,
};

// ---- code objects -------------------------------------------------------------------

static void code_print(const print_t *p, value_t self, print_kind_t kind) {
    const code_t *code = VAL_PTR(self);
    print_fmt(p, "<code object %q, file \"%q\", line %u>", code->name, code->filename, (unsigned)code->first_line);
}

const type_t type_code = {{&type_type}, .name = Q_code, .print = code_print};

// ---- builtin functions ----------------------------------------------------------------

static void builtin_print(const print_t *p, value_t self, print_kind_t kind) {
    const builtin_fun_t *b = VAL_PTR(self);
    print_fmt(p, "<built-in function %q>", b->name);
}

static value_t builtin_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    return call_function(self, n_args, n_kw, args);
}

static void builtin_attr(value_t self, qstr_t name, value_t *dest) {
    const builtin_fun_t *b = VAL_PTR(self);
    if (dest[0] == VAL_NULL && (name == Q___name__ || name == Q___qualname__)) {
        dest[0] = QSTR(b->name);
    }
}

const type_t type_builtin_function = {
    {&type_type}, .name = Q_builtin_function_or_method, .print = builtin_print, .call = builtin_call,
    .attr = builtin_attr,
};
