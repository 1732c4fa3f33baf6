// SPDX-License-Identifier: MIT
// The bytecode interpreter.
//
// vm_execute runs a frame and every Python frame it calls, in one C loop:
// a call to a Python function pushes a frame on the frame stack and
// switches to it, and a return switches back, so Python recursion does not
// recurse in C. C code that calls Python (a builtin calling a key function,
// a generator being resumed) enters vm_execute again.
//
// A raise anywhere longjmps to the nlr buffer of the innermost vm_execute,
// which looks for a handler in the block stacks of its frames, newest
// first, popping frames that have none. The frame being executed and its
// instruction pointer are kept in memory (vm.frame and frame->ip, stored
// at each dispatch), so that they are known after the longjmp.
#include <string.h>

#include "code.h"
#include "opcodes.h"
#include "vm.h"
#include "hal.h"
#include "modules.h"

// The frame stack is a chain of chunks from the GC heap: a frame is pushed
// into the newest chunk, and a new chunk is taken when it does not fit. So
// memory goes to frames only while they are used (nothing is reserved at
// start), and deep recursion is bounded by the recursion limit and the heap.
// A chunk left empty is kept as a spare, so that a call sequence swinging
// across a chunk boundary does not allocate on every call.
typedef struct frame_chunk {
    struct frame_chunk *prev;     // the older chunk
    uint8_t *prev_top;            // the top of the older chunk when this one was taken
    uint8_t *end;                 // the end of this chunk
    value_t data[];               // frames
} frame_chunk_t;

typedef struct vm_state {
    frame_t *frame;               // the frame being executed
    value_t handled;              // the exception being handled (bare raise, context)
    uint8_t *stack_top, *stack_end;    // the free part of the newest frame chunk
    frame_chunk_t *chunk;         // the newest frame chunk (NULL: none yet)
    frame_chunk_t *spare;         // an empty chunk kept for the next push
    unsigned depth;               // frames on the frame stack
    size_t chunk_size;            // bytes of frames in a new chunk
    size_t heap_size;
    uintptr_t c_stack_limit;      // lowest allowed C stack address
} vm_state_t;

static vm_state_t vm;
extern const map_t builtins_map;
volatile int vm_interrupt_pending;

// ---- frame stack ---------------------------------------------------------------

static size_t frame_size(const code_t *code) {
    size_t slots = (size_t)code->n_locals + code->n_free + code->stack_size;
    return sizeof(frame_t) + slots * sizeof(value_t) + code->max_blocks * sizeof(block_t);
}

static size_t frame_stack_size(const code_t *code) {
    return (frame_size(code) + sizeof(value_t) - 1) & ~(sizeof(value_t) - 1);
}

static void frame_init(frame_t *f, const code_t *code) {
    f->code = code;
    f->ip = code->bytecode;
    f->sp = f->slots + code->n_locals + code->n_free;
    f->blocks = (block_t *)(f->slots + code->n_locals + code->n_free + code->stack_size);
    f->nblocks = 0;
}

_Noreturn static void raise_recursion(void) {
    raise_msg(&type_RecursionError, "maximum recursion depth exceeded");
}

// Makes room for a frame of `size` bytes in a new chunk. When the heap is
// too full for it: RecursionError if frames fill a quarter of the heap (the
// recursion limit of this heap), else MemoryError (other data fills it).
static void frame_chunk_push(size_t size) {
    frame_chunk_t *c = vm.spare;
    if (c == NULL || (size_t)(c->end - (uint8_t *)c->data) < size) {
        size_t want = sizeof(frame_chunk_t) + (size > vm.chunk_size ? size : vm.chunk_size);
        c = gc_alloc_maybe(want, GC_LEAF);
        if (c == NULL) {
            gc_collect();
            c = gc_alloc_maybe(want, GC_LEAF);
            if (c == NULL) {
                size_t frames = 0;
                for (frame_chunk_t *k = vm.chunk; k != NULL; k = k->prev) {
                    frames += (size_t)(k->end - (uint8_t *)k);
                }
                if (frames * 4 >= vm.heap_size) {
                    raise_recursion();   // while there is still room to make the exception
                }
                // a fragmented heap may still hold this one frame
                want = sizeof(frame_chunk_t) + size;
                c = gc_alloc(want, GC_LEAF);   // or MemoryError
            }
        }
        c->end = (uint8_t *)c + gc_nbytes(c);
    }
    vm.spare = NULL;
    c->prev = vm.chunk;
    c->prev_top = vm.stack_top;
    vm.chunk = c;
    vm.stack_top = (uint8_t *)c->data;
    vm.stack_end = c->end;
}

// Drops every frame from `top` on; `depth` frames remain.
static void frame_stack_reset(uint8_t *top, unsigned depth) {
    while (vm.chunk != NULL && (top < (uint8_t *)vm.chunk->data || top > vm.chunk->end)) {
        frame_chunk_t *c = vm.chunk;
        vm.chunk = c->prev;
        vm.stack_top = c->prev_top;
        vm.stack_end = vm.chunk != NULL ? vm.chunk->end : NULL;
        vm.spare = c;
    }
    vm.stack_top = top;
    vm.depth = depth;
}

frame_t *frame_push(const code_t *code, size_t heap) {
    frame_t *f;
    if (heap) {
        f = gc_alloc(frame_size(code), 0);
        f->is_heap = 1;
    } else {
        size_t size = frame_stack_size(code);
        if (vm.depth >= ESPY_RECURSION_LIMIT) {
            raise_recursion();
        }
        if ((size_t)(vm.stack_end - vm.stack_top) < size) {
            frame_chunk_push(size);
        }
        f = (frame_t *)vm.stack_top;
        vm.stack_top += size;
        // Header and locals start empty; the value stack needs no clearing.
        memset(f, 0, sizeof(frame_t) + ((size_t)code->n_locals + code->n_free) * sizeof(value_t));
        f->depth = ++vm.depth;
    }
    frame_init(f, code);
    return f;
}

void frame_pop(frame_t *f) {
    if (!f->is_heap) {
        uint8_t *top = (uint8_t *)f;
        if (top >= (uint8_t *)vm.chunk->data && top <= vm.stack_end) {
            vm.stack_top = top;       // the common case: the frame is in the newest chunk
            vm.depth = f->depth - 1u;
        } else {
            frame_stack_reset(top, f->depth - 1u);
        }
    }
}

void vm_init(size_t heap_size) {
    memset(&vm, 0, sizeof(vm));
    vm.heap_size = heap_size;
    // Chunks of 1/64 of the heap, at most ESPY_FRAME_CHUNK: a small heap
    // gives frames small pieces.
    vm.chunk_size = heap_size / 64 < ESPY_FRAME_CHUNK ? heap_size / 64 : ESPY_FRAME_CHUNK;
    if (vm.chunk_size < 256) {
        vm.chunk_size = 256;
    }
    uintptr_t top = (uintptr_t)hal_stack_top();
    vm.c_stack_limit = top > ESPY_C_STACK_LIMIT ? top - ESPY_C_STACK_LIMIT : 0;
    vm_interrupt_pending = 0;
}

// The chunks are not scanned as objects (only their used parts hold frames).
void vm_mark_roots(void) {
    uint8_t *top = vm.stack_top;
    for (frame_chunk_t *c = vm.chunk; c != NULL; c = c->prev) {
        gc_mark(c);
        gc_mark_range(c->data, (size_t)(top - (uint8_t *)c->data));
        top = c->prev_top;
    }
    if (vm.spare != NULL) {
        gc_mark(vm.spare);
    }
    gc_mark_range(&vm, sizeof(vm));
}

void vm_check_c_stack(void) {
    char here;
    if ((uintptr_t)&here < vm.c_stack_limit) {
        raise_recursion();
    }
}

void vm_check_interrupt(void) {
    if (vm_interrupt_pending) {
        vm_interrupt_pending = 0;
        raise_obj(PTR_VAL(&type_KeyboardInterrupt));
    }
    if (micropython_sched_pending) {
        micropython_run_scheduled();
    }
}

// ---- helpers of the instructions ------------------------------------------------

static value_t load_global(frame_t *f, qstr_t name) {
    value_t v = map_get_qstr(dict_map(f->globals), name);
    if (v == VAL_NULL) {
        v = map_get_qstr(&builtins_map, name);
        if (v == VAL_NULL) {
            v = map_get_qstr(&port_builtins_map, name);
        }
        if (v == VAL_NULL) {
            raise_fmt(&type_NameError, "name '%q' is not defined", name);
        }
    }
    return v;
}

static value_t load_name(frame_t *f, qstr_t name) {
    if (f->locals != VAL_NULL && f->locals != f->globals) {
        value_t v = map_get_qstr(dict_map(f->locals), name);
        if (v != VAL_NULL) {
            return v;
        }
    }
    return load_global(f, name);
}

static value_t namespace_of(frame_t *f) {
    return f->locals != VAL_NULL ? f->locals : f->globals;
}

_Noreturn static void raise_unbound_local(const code_t *code, unsigned slot) {
    raise_fmt(&type_UnboundLocalError, "local variable '%q' referenced before assignment", code->slot_names[slot]);
}

_Noreturn static void raise_unbound_free(const code_t *code, unsigned slot) {
    raise_fmt(&type_NameError, "cannot access free variable '%q' where it is not associated with a value in enclosing scope",
              code->slot_names[slot]);
}

static value_t unpack_iter(value_t seq) {
    value_t iter = obj_getiter_maybe(seq);
    if (iter == VAL_NULL) {
        raise_fmt(&type_TypeError, "cannot unpack non-iterable %T object", seq);
    }
    return iter;
}

static void unpack_sequence(value_t seq, size_t n, value_t *dest) {
    // dest[0] receives the last item: the first item ends on top.
    size_t len;
    value_t *items = seq_items(seq, &len);
    if (items != NULL) {
        if (len != n) {
            if (len < n) {
                raise_fmt(&type_ValueError, "not enough values to unpack (expected %u, got %u)", (unsigned)n, (unsigned)len);
            }
            raise_fmt(&type_ValueError, "too many values to unpack (expected %u)", (unsigned)n);
        }
        for (size_t i = 0; i < n; i++) {
            dest[n - 1 - i] = items[i];
        }
        return;
    }
    value_t iter = unpack_iter(seq);
    for (size_t i = 0; i < n; i++) {
        value_t v = obj_iternext(iter);
        if (v == VAL_STOP) {
            raise_fmt(&type_ValueError, "not enough values to unpack (expected %u, got %u)", (unsigned)n, (unsigned)i);
        }
        dest[n - 1 - i] = v;
    }
    if (obj_iternext(iter) != VAL_STOP) {
        raise_fmt(&type_ValueError, "too many values to unpack (expected %u)", (unsigned)n);
    }
}

static void unpack_ex(value_t seq, unsigned before, unsigned after, value_t *dest) {
    value_t list = list_new(0, NULL);
    list_extend_from_iter(list, unpack_iter(seq));
    size_t len;
    value_t *items = seq_items(list, &len);
    if (len < before + after) {
        raise_fmt(&type_ValueError, "not enough values to unpack (expected at least %u, got %u)",
                  before + after, (unsigned)len);
    }
    size_t n = before + after + 1;
    for (size_t i = 0; i < before; i++) {
        dest[n - 1 - i] = items[i];
    }
    value_t middle = list_new(len - before - after, items + before);
    dest[n - 1 - before] = middle;
    for (size_t i = 0; i < after; i++) {
        dest[after - 1 - i] = items[len - after + i];
    }
}

static value_t import_from(value_t module, qstr_t name) {
    value_t v = obj_getattr_maybe(module, name);
    if (v == VAL_NULL) {
        // A submodule not imported yet: from package import submodule.
        value_t pkg_name = obj_getattr_maybe(module, Q___name__);
        if (pkg_name != VAL_NULL) {
            vstr_t vs;
            vstr_init(&vs, 32);
            size_t len;
            const char *s = str_data(pkg_name, &len);
            vstr_add_strn(&vs, s, len);
            vstr_add_char(&vs, '.');
            vstr_add_str(&vs, qstr_str(name));
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                v = import_module(qstr_from_strn(vs.buf, vs.len));
                nlr_pop();
                return v;
            }
        }
        raise_fmt(&type_ImportError, "cannot import name '%q'", name);
    }
    return v;
}

static void import_star(frame_t *f, value_t module) {
    value_t globals = obj_getattr_maybe(module, Q___dict__);
    if (globals == VAL_NULL) {
        return;
    }
    map_t *m = dict_map(globals);
    value_t ns = namespace_of(f);
    for (size_t i = 0; i < m->filled; i++) {
        value_t k = m->table[i].key;
        if (k == VAL_NULL) {
            continue;
        }
        size_t len;
        const char *s = str_data(k, &len);
        if (s != NULL && len > 0 && s[0] == '_') {
            continue;
        }
        dict_store(ns, k, m->table[i].value);
    }
}

static value_t make_function(frame_t *f, const code_t *code, unsigned flags, value_t *sp) {
    // Functions made by module and class code live as long as their module.
    unsigned flags_gc = (f->code->flags & CODE_NAMESPACE) ? GC_LONG : 0;
    func_obj_t *fn = gc_alloc(sizeof(func_obj_t) + code->n_free * sizeof(value_t), flags_gc);
    fn->base.type = &type_function;
    fn->code = code;
    fn->globals = f->globals;
    if (flags & MAKE_FN_KWDEFAULTS) {
        fn->kwdefaults = *--sp;
    }
    if (flags & MAKE_FN_DEFAULTS) {
        fn->defaults = *--sp;
    }
    for (unsigned i = 0; i < code->n_free; i++) {
        uint16_t from = code->free_from[i];
        fn->closure[i] = from != 0xFFFF ? f->slots[from] : VAL_NULL;
    }
    return PTR_VAL(fn);
}

// The REPL's echo of an expression statement: its repr, kept in the
// global _ as in MicroPython and CPython's interactive mode.
static void print_expr(value_t v, value_t globals) {
    if (v == VAL_NONE) {
        return;
    }
    dict_store(globals, QSTR(Q__), v);
    value_t r = obj_repr(v);
    size_t len;
    const char *s = str_data(r, &len);
    hal_stdout_write(s, len);
    hal_stdout_write("\n", 1);
}

// The exception instance for a raise statement (a class is instantiated).
static value_t make_exception(value_t v) {
    if (OBJ_TYPE_IS(v, &type_type)) {
        if (!type_is_subtype((const type_t *)VAL_PTR(v), &type_BaseException)) {
            raise_msg(&type_TypeError, "exceptions must derive from BaseException");
        }
        return call_function_0(v);
    }
    if (!obj_is_instance(v, &type_BaseException)) {
        raise_msg(&type_TypeError, "exceptions must derive from BaseException");
    }
    return v;
}

// iter.send(value), iter.throw(exc) or iter.__next__() (arg VAL_NULL) for
// `yield from` over a non-generator: VAL_STOP with the StopIteration's
// value in *ret when it ends.
static value_t __attribute__((noinline)) delegate_call(value_t iter, qstr_t method, value_t arg, value_t *ret) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t v = call_method(iter, method, arg != VAL_NULL ? 1 : 0, &arg);
        nlr_pop();
        return v;
    }
    if (!exc_matches(nlr.value, PTR_VAL(&type_StopIteration))) {
        nlr_raise(nlr.value);
    }
    value_t args = obj_getattr(nlr.value, Q_args);
    size_t n;
    value_t *items = seq_items(args, &n);
    *ret = n > 0 ? items[0] : VAL_NONE;
    return VAL_STOP;
}

// gen.throw(exc) while gen delegates with `yield from` to sub.
static value_t __attribute__((noinline)) throw_to_delegate(value_t sub, value_t exc, value_t *ret) {
    if (OBJ_TYPE_IS(sub, &type_generator) || OBJ_TYPE_IS(sub, &type_coroutine)) {
        return generator_resume(sub, VAL_NONE, exc, ret);
    }
    value_t method[2];
    if (exc_matches(exc, PTR_VAL(&type_GeneratorExit))) {
        if (obj_load_method_maybe(sub, Q_close, method)) {
            call_method(sub, Q_close, 0, NULL);
        }
        raise_obj(exc);
    }
    if (!obj_load_method_maybe(sub, Q_throw, method)) {
        raise_obj(exc);
    }
    return delegate_call(sub, Q_throw, exc, ret);
}

// ---- calls ----------------------------------------------------------------------

// A Python function called from the loop: returns a new frame to switch to,
// or NULL when the result was computed some other way (generators).
static frame_t *python_call(func_obj_t *fn, size_t n_args, size_t n_kw, const value_t *args, value_t *result) {
    const code_t *code = fn->code;
    if (code->flags & (CODE_GENERATOR | CODE_COROUTINE)) {
        frame_t *gf = func_make_frame(fn, n_args, n_kw, args);
        *result = generator_new(gf, code);
        return NULL;
    }
    return func_make_frame(fn, n_args, n_kw, args);
}

// ---- generators resumed inline ---------------------------------------------------
//
// `yield from` (and await) over a generator or coroutine, and `for` over a
// generator, resume it in this loop instead of through generator_resume: the
// generator's frame runs with prev pointing to the resumer, which stays
// suspended at its YIELD_FROM or FOR_ITER with the generator on top of its
// stack. A yield goes back to the resumer: FOR_ITER takes the value, and
// YIELD_FROM yields it in turn (each resume walks down the chain again, as
// CPython's SEND does). So nested generators and awaits take no C stack.

// Marks g running for a resume with `send` and returns its frame.
static frame_t *gen_enter(generator_t *g, value_t send) {
    if (g->running) {
        raise_msg(&type_ValueError, "generator already executing");
    }
    if (!g->started && send != VAL_NONE) {
        raise_msg(&type_TypeError, "can't send non-None value to a just-started generator");
    }
    frame_t *gf = g->frame;
    if (g->started) {
        *gf->sp++ = send;
    }
    g->started = 1;
    g->running = 1;
    g->outer_handled = vm.handled;
    gf->is_inline = 1;
    return gf;
}

// An inline frame's generator stops running (and is finished when `ret` is
// not NULL: it returned, and the resumer takes the value). The exception state returns to the
// resumer's, which is returned. The frame forgets its resumer, so that a
// stale pointer to a finished frame (the GC is conservative) does not keep
// the chain of its resumers alive.
static frame_t *gen_leave(frame_t *gf, value_t ret) {
    frame_t *resumer = gf->prev;
    generator_t *g = VAL_PTR(resumer->sp[-1]);
    g->running = 0;
    gf->is_inline = 0;
    gf->prev = NULL;
    vm.handled = g->outer_handled;
    if (ret != VAL_NULL) {
        g->frame = NULL;   // its return value goes to the resumer, not to a later next()
    }
    return resumer;
}

static bool is_native_generator(value_t v) {
    return OBJ_TYPE_IS(v, &type_generator) || OBJ_TYPE_IS(v, &type_coroutine);
}

// ---- the loop -------------------------------------------------------------------

#define READ_U8() (*ip++)
#define READ_U16() (ip += 2, (unsigned)(ip[-2] | (ip[-1] << 8)))

#if defined(__GNUC__)
#if defined(ESPY_GC_STRESS) || defined(ESPY_VM_CHECKS)
// The test builds check at every instruction that the value stack stays
// within what the compiler computed (code->stack_size) and the blocks
// within max_blocks, so that the frame sizes need no safety margin.
#define CHECK_FRAME()                                                                              \
    do {                                                                                           \
        const code_t *c_ = frame->code;                                                            \
        if (sp < frame->slots + c_->n_locals + c_->n_free                                          \
            || sp > frame->slots + c_->n_locals + c_->n_free + c_->stack_size                      \
            || frame->nblocks > c_->max_blocks) {                                                  \
            hal_fatal("value stack or block stack out of its frame");                              \
        }                                                                                          \
    } while (0)
#else
#define CHECK_FRAME() ((void)0)
#endif
#define DISPATCH() do { CHECK_FRAME(); frame->ip = ip; goto *dispatch_table[*ip++]; } while (0)
#define CASE(op) L_##op
#else
#error "espy's VM needs computed goto (GCC or clang)"
#endif

// Switches the loop's registers to frame f.
#define LOAD_FRAME(f)                          \
    do {                                       \
        frame = (f);                           \
        vm.frame = frame;                      \
        ip = frame->ip;                        \
        sp = frame->sp;                        \
        slots = frame->slots;                  \
        consts = frame->code->consts;          \
    } while (0)

// A small int that converts to a float exactly (the mantissa's width).
#define FLOAT_EXACT_INT(v) (SMALL_VALUE(v) >= -((smallint_t)1 << 24) && SMALL_VALUE(v) <= ((smallint_t)1 << 24))

#define TOP() (sp[-1])
#define POP() (*--sp)
#define PUSH(v) (*sp++ = (v))

static value_t run(frame_t *entry, bool *yielded) {
    static const void *const dispatch_table[] = {
#define X(name, operands, effect, doc) &&L_##name,
        OPCODES(X)
#undef X
    };
    frame_t *frame;
    const uint8_t *ip;
    value_t *sp;
    value_t *slots;
    const value_t *consts;
    unsigned uw_target, uw_remaining;
    value_t call_fn;
    value_t yield_v;
    value_t *call_args;
    unsigned call_pos, call_kw;
    LOAD_FRAME(vm.frame);
    DISPATCH();

    CASE(NOP):
        DISPATCH();
    CASE(LOAD_CONST):
        PUSH(consts[READ_U16()]);
        DISPATCH();
    CASE(LOAD_NONE):
        PUSH(VAL_NONE);
        DISPATCH();
    CASE(LOAD_TRUE):
        PUSH(VAL_TRUE);
        DISPATCH();
    CASE(LOAD_FALSE):
        PUSH(VAL_FALSE);
        DISPATCH();
    CASE(LOAD_SMALL):
        PUSH(SMALL((smallint_t)READ_U16() - 32768));
        DISPATCH();
    CASE(LOAD_FAST): {
        unsigned n = READ_U16();
        value_t v = slots[n];
        if (v == VAL_NULL) {
            raise_unbound_local(frame->code, n);
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST):
        slots[READ_U16()] = POP();
        DISPATCH();
    CASE(DELETE_FAST): {
        unsigned n = READ_U16();
        if (slots[n] == VAL_NULL) {
            raise_unbound_local(frame->code, n);
        }
        slots[n] = VAL_NULL;
        DISPATCH();
    }
    CASE(LOAD_DEREF): {
        unsigned n = READ_U16();
        cell_obj_t *cell = VAL_PTR(slots[n]);
        if (cell == NULL || cell->value == VAL_NULL) {
            if (n < frame->code->n_locals) {
                raise_unbound_local(frame->code, n);
            }
            raise_unbound_free(frame->code, n);
        }
        PUSH(cell->value);
        DISPATCH();
    }
    CASE(STORE_DEREF): {
        cell_obj_t *cell = VAL_PTR(slots[READ_U16()]);
        cell->value = POP();
        DISPATCH();
    }
    CASE(DELETE_DEREF): {
        cell_obj_t *cell = VAL_PTR(slots[READ_U16()]);
        cell->value = VAL_NULL;
        DISPATCH();
    }
    CASE(LOAD_CLASSDEREF): {
        unsigned n = READ_U16();
        value_t v = dict_get(namespace_of(frame), QSTR(frame->code->slot_names[n]));
        if (v == VAL_NULL) {
            cell_obj_t *cell = VAL_PTR(slots[n]);
            if (cell == NULL || cell->value == VAL_NULL) {
                raise_unbound_free(frame->code, n);
            }
            v = cell->value;
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL):
        PUSH(load_global(frame, READ_U16()));
        DISPATCH();
    CASE(STORE_GLOBAL): {
        qstr_t q = READ_U16();
        dict_store(frame->globals, QSTR(q), TOP());
        sp--;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL): {
        qstr_t q = READ_U16();
        if (map_lookup(dict_map(frame->globals), QSTR(q), MAP_REMOVE) == NULL) {
            raise_fmt(&type_NameError, "name '%q' is not defined", q);
        }
        DISPATCH();
    }
    CASE(LOAD_NAME):
        PUSH(load_name(frame, READ_U16()));
        DISPATCH();
    CASE(STORE_NAME): {
        qstr_t q = READ_U16();
        dict_store(namespace_of(frame), QSTR(q), TOP());
        sp--;
        DISPATCH();
    }
    CASE(DELETE_NAME): {
        qstr_t q = READ_U16();
        if (map_lookup(dict_map(namespace_of(frame)), QSTR(q), MAP_REMOVE) == NULL) {
            raise_fmt(&type_NameError, "name '%q' is not defined", q);
        }
        DISPATCH();
    }
    CASE(NAME_LOAD):
    CASE(NAME_STORE):
    CASE(NAME_DELETE):
        raise_msg(&type_RuntimeError, "bad bytecode");
    CASE(LOAD_ATTR):
        TOP() = obj_getattr(TOP(), READ_U16());
        DISPATCH();
    CASE(STORE_ATTR): {
        qstr_t q = READ_U16();
        obj_setattr(sp[-1], q, sp[-2]);
        sp -= 2;
        DISPATCH();
    }
    CASE(DELETE_ATTR): {
        qstr_t q = READ_U16();
        obj_setattr(sp[-1], q, VAL_NULL);
        sp--;
        DISPATCH();
    }
    CASE(LOAD_METHOD): {
        qstr_t q = READ_U16();
        obj_load_method(sp[-1], q, sp - 1);
        sp++;
        DISPATCH();
    }
    CASE(LOAD_SUBSCR): {
        value_t index = POP();
        value_t obj = TOP();
        if (OBJ_TYPE_IS(obj, &type_list) && VAL_IS_SMALL(index)) {
            list_obj_t *l = VAL_PTR(obj);
            smallint_t i = SMALL_VALUE(index);
            if (i < 0) {
                i += (smallint_t)l->len;
            }
            if (i >= 0 && (size_t)i < l->len) {
                TOP() = l->items[i];
                DISPATCH();
            }
        }
        TOP() = obj_subscr(obj, index, VAL_SENTINEL);
        DISPATCH();
    }
    CASE(STORE_SUBSCR): {
        value_t index = sp[-1], obj = sp[-2], value = sp[-3];
        if (OBJ_TYPE_IS(obj, &type_list) && VAL_IS_SMALL(index)) {
            list_obj_t *l = VAL_PTR(obj);
            smallint_t i = SMALL_VALUE(index);
            if (i < 0) {
                i += (smallint_t)l->len;
            }
            if (i >= 0 && (size_t)i < l->len) {
                l->items[i] = value;
                sp -= 3;
                DISPATCH();
            }
        }
        obj_subscr(obj, index, value);
        sp -= 3;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR):
        obj_subscr(sp[-2], sp[-1], VAL_NULL);
        sp -= 2;
        DISPATCH();
    CASE(POP_TOP):
        sp--;
        DISPATCH();
    CASE(DUP_TOP):
        sp[0] = sp[-1];
        sp++;
        DISPATCH();
    CASE(DUP_TOP_TWO):
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        DISPATCH();
    CASE(ROT_TWO): {
        value_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    CASE(ROT_THREE): {
        value_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        DISPATCH();
    }
    CASE(ROT_FOUR): {
        value_t t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = t;
        DISPATCH();
    }
    CASE(UNARY_OP): {
        unsigned op = READ_U8();
        value_t v = TOP();
        if (VAL_IS_SMALL(v) && op == UNOP_NEG && v != SMALL(SMALL_MIN)) {
            TOP() = SMALL(-SMALL_VALUE(v));
            DISPATCH();
        }
        TOP() = unary_op((unop_t)op, v);
        DISPATCH();
    }
    CASE(UNARY_NOT): {
        value_t v = TOP();
        TOP() = v == VAL_TRUE ? VAL_FALSE : v == VAL_FALSE ? VAL_TRUE : VAL_BOOL(!obj_is_true(v));
        DISPATCH();
    }
    CASE(BINARY_OP): {
        unsigned op = READ_U8();
        value_t b = POP();
        value_t a = TOP();
        if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
            smallint_t x = SMALL_VALUE(a), y = SMALL_VALUE(b), r;
            switch (op) {
                case BINOP_ADD:
                case BINOP_INPLACE_ADD:
                    r = x + y;    // two 31/63-bit values: cannot overflow the word
                    if (SMALL_FITS(r)) {
                        TOP() = SMALL(r);
                        DISPATCH();
                    }
                    break;
                case BINOP_SUB:
                case BINOP_INPLACE_SUB:
                    r = x - y;
                    if (SMALL_FITS(r)) {
                        TOP() = SMALL(r);
                        DISPATCH();
                    }
                    break;
                case BINOP_MUL:
                case BINOP_INPLACE_MUL:
                    if (!__builtin_mul_overflow(x, y, &r) && SMALL_FITS(r)) {
                        TOP() = SMALL(r);
                        DISPATCH();
                    }
                    break;
                case BINOP_LT: TOP() = VAL_BOOL(x < y); DISPATCH();
                case BINOP_GT: TOP() = VAL_BOOL(x > y); DISPATCH();
                case BINOP_EQ: TOP() = VAL_BOOL(x == y); DISPATCH();
                case BINOP_NE: TOP() = VAL_BOOL(x != y); DISPATCH();
                case BINOP_LE: TOP() = VAL_BOOL(x <= y); DISPATCH();
                case BINOP_GE: TOP() = VAL_BOOL(x >= y); DISPATCH();
                case BINOP_FLOORDIV:
                case BINOP_INPLACE_FLOORDIV:
                    if (y != 0 && !(x == SMALL_MIN && y == -1)) {
                        r = x / y;
                        if ((x % y != 0) && ((x < 0) != (y < 0))) {
                            r--;
                        }
                        TOP() = SMALL(r);
                        DISPATCH();
                    }
                    break;
                case BINOP_MOD:
                case BINOP_INPLACE_MOD:
                    if (y != 0) {
                        r = x % y;
                        if (r != 0 && ((r < 0) != (y < 0))) {
                            r += y;
                        }
                        TOP() = SMALL(r);
                        DISPATCH();
                    }
                    break;
                case BINOP_AND:
                case BINOP_INPLACE_AND:
                    TOP() = SMALL(x & y);
                    DISPATCH();
                case BINOP_OR:
                case BINOP_INPLACE_OR:
                    TOP() = SMALL(x | y);
                    DISPATCH();
                case BINOP_XOR:
                case BINOP_INPLACE_XOR:
                    TOP() = SMALL(x ^ y);
                    DISPATCH();
                default:
                    break;
            }
        }
        if (OBJ_TYPE_IS(a, &type_float) && (OBJ_TYPE_IS(b, &type_float) || (VAL_IS_SMALL(b) && FLOAT_EXACT_INT(b)))) {
            // Float arithmetic without the generic dispatch.
            pyfloat_t x = ((float_obj_t *)VAL_PTR(a))->value;
            pyfloat_t y = VAL_IS_SMALL(b) ? (pyfloat_t)SMALL_VALUE(b) : ((float_obj_t *)VAL_PTR(b))->value;
            switch (op) {
                case BINOP_ADD: case BINOP_INPLACE_ADD: TOP() = float_new(x + y); DISPATCH();
                case BINOP_SUB: case BINOP_INPLACE_SUB: TOP() = float_new(x - y); DISPATCH();
                case BINOP_MUL: case BINOP_INPLACE_MUL: TOP() = float_new(x * y); DISPATCH();
                case BINOP_TRUEDIV: case BINOP_INPLACE_TRUEDIV:
                    if (y != 0) {
                        TOP() = float_new(x / y);
                        DISPATCH();
                    }
                    break;
                case BINOP_LT: TOP() = VAL_BOOL(x < y); DISPATCH();
                case BINOP_GT: TOP() = VAL_BOOL(x > y); DISPATCH();
                case BINOP_LE: TOP() = VAL_BOOL(x <= y); DISPATCH();
                case BINOP_GE: TOP() = VAL_BOOL(x >= y); DISPATCH();
                default:
                    break;
            }
        } else if (VAL_IS_SMALL(a) && FLOAT_EXACT_INT(a) && OBJ_TYPE_IS(b, &type_float)) {
            pyfloat_t x = (pyfloat_t)SMALL_VALUE(a), y = ((float_obj_t *)VAL_PTR(b))->value;
            switch (op) {
                case BINOP_ADD: case BINOP_INPLACE_ADD: TOP() = float_new(x + y); DISPATCH();
                case BINOP_SUB: case BINOP_INPLACE_SUB: TOP() = float_new(x - y); DISPATCH();
                case BINOP_MUL: case BINOP_INPLACE_MUL: TOP() = float_new(x * y); DISPATCH();
                default:
                    break;
            }
        }
        TOP() = binary_op((binop_t)op, a, b);
        DISPATCH();
    }
    CASE(IS_OP): {
        unsigned invert = READ_U8();
        value_t b = POP();
        TOP() = VAL_BOOL((TOP() == b) != invert);
        DISPATCH();
    }
    CASE(IN_OP): {
        unsigned invert = READ_U8();
        value_t container = POP();
        value_t r = binary_op(BINOP_CONTAINS, container, TOP());
        TOP() = VAL_BOOL((r == VAL_TRUE) != invert);
        DISPATCH();
    }
    CASE(JUMP): {
        unsigned target = READ_U16();
        if (frame->code->bytecode + target < ip) {
            if (vm_interrupt_pending | micropython_sched_pending) {
                vm_check_interrupt();     // frame->ip still names this instruction
            }
        }
        ip = frame->code->bytecode + target;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE): {
        unsigned target = READ_U16();
        value_t v = POP();
        if (v == VAL_FALSE || (v != VAL_TRUE && !obj_is_true(v))) {
            ip = frame->code->bytecode + target;
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE): {
        unsigned target = READ_U16();
        value_t v = POP();
        if (v == VAL_TRUE || (v != VAL_FALSE && obj_is_true(v))) {
            ip = frame->code->bytecode + target;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP): {
        unsigned target = READ_U16();
        value_t v = TOP();
        if (v == VAL_FALSE || (v != VAL_TRUE && !obj_is_true(v))) {
            ip = frame->code->bytecode + target;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP): {
        unsigned target = READ_U16();
        value_t v = TOP();
        if (v == VAL_TRUE || (v != VAL_FALSE && obj_is_true(v))) {
            ip = frame->code->bytecode + target;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(GET_ITER):
        TOP() = obj_getiter(TOP());
        DISPATCH();
    CASE(FOR_ITER): {
        unsigned target = READ_U16();
        value_t iter = TOP();
        const type_t *t = OBJ(iter)->type;
        if (t == &type_generator && ((generator_t *)VAL_PTR(iter))->frame != NULL) {
            frame_t *gf = gen_enter(VAL_PTR(iter), VAL_NONE);
            frame->sp = sp;          // frame->ip is this instruction
            gf->prev = frame;
            LOAD_FRAME(gf);
            DISPATCH();
        }
        value_t v = t->iternext != NULL && !(t->flags & TYPE_FLAG_HEAP) ? t->iternext(iter) : obj_iternext(iter);
        if (v == VAL_STOP) {
            sp--;
            ip = frame->code->bytecode + target;
            if (vm_interrupt_pending | micropython_sched_pending) {
                vm_check_interrupt();     // frame->ip still names this instruction
            }
        } else {
            PUSH(v);
        }
        DISPATCH();
    }
    CASE(BUILD_TUPLE): {
        unsigned n = READ_U16();
        sp -= n;
        *sp = tuple_new(n, sp);
        sp++;
        DISPATCH();
    }
    CASE(BUILD_LIST): {
        unsigned n = READ_U16();
        sp -= n;
        *sp = list_new(n, sp);
        sp++;
        DISPATCH();
    }
    CASE(BUILD_SET): {
        unsigned n = READ_U16();
        value_t set = set_new(&type_set);
        for (unsigned i = 0; i < n; i++) {
            set_add(set, sp[(int)i - (int)n]);
        }
        sp -= n;
        PUSH(set);
        DISPATCH();
    }
    CASE(BUILD_MAP): {
        unsigned n = READ_U16();
        value_t d = dict_new(n);
        for (unsigned i = 0; i < n; i++) {
            value_t *pair = sp - 2 * (n - i);
            dict_store(d, pair[0], pair[1]);
        }
        sp -= 2 * n;
        PUSH(d);
        DISPATCH();
    }
    CASE(BUILD_SLICE): {
        unsigned n = READ_U8();
        value_t step = n == 3 ? POP() : VAL_NONE;
        value_t stop = POP();
        TOP() = slice_new(TOP(), stop, step);
        DISPATCH();
    }
    CASE(BUILD_STRING): {
        unsigned n = READ_U16();
        sp -= n;
        *sp = str_join_n(n, sp);
        sp++;
        DISPATCH();
    }
    CASE(FORMAT_VALUE): {
        unsigned flags = READ_U8();
        value_t spec = (flags & 4) ? POP() : VAL_NULL;
        static const int conversions[4] = {0, 's', 'r', 'a'};
        TOP() = str_format_field(TOP(), conversions[flags & 3], spec);
        DISPATCH();
    }
    CASE(LIST_APPEND): {
        unsigned n = READ_U16();
        value_t v = POP();
        list_append(sp[-(int)n], v);
        DISPATCH();
    }
    CASE(SET_ADD): {
        unsigned n = READ_U16();
        value_t v = POP();
        set_add(sp[-(int)n], v);
        DISPATCH();
    }
    CASE(MAP_ADD): {
        unsigned n = READ_U16();
        value_t v = POP();
        value_t k = POP();
        dict_store(sp[-(int)n], k, v);
        DISPATCH();
    }
    CASE(LIST_EXTEND): {
        unsigned n = READ_U16();
        value_t v = POP();
        list_extend_from_iter(sp[-(int)n], v);
        DISPATCH();
    }
    CASE(SET_UPDATE): {
        unsigned n = READ_U16();
        value_t v = POP();
        value_t set = sp[-(int)n];
        value_t iter = obj_getiter(v);
        for (value_t item; (item = obj_iternext(iter)) != VAL_STOP;) {
            set_add(set, item);
        }
        DISPATCH();
    }
    CASE(DICT_UPDATE): {
        unsigned n = READ_U16();
        value_t v = POP();
        value_t d = sp[-(int)n];
        if (OBJ_TYPE_IS(v, &type_dict)) {
            map_t *m = dict_map(v);
            for (size_t i = 0; i < m->filled; i++) {
                if (m->table[i].key != VAL_NULL) {
                    dict_store(d, m->table[i].key, m->table[i].value);
                }
            }
        } else {
            value_t keys = call_method(v, Q_keys, 0, NULL);
            value_t iter = obj_getiter(keys);
            for (value_t k; (k = obj_iternext(iter)) != VAL_STOP;) {
                dict_store(d, k, obj_subscr(v, k, VAL_SENTINEL));
            }
        }
        DISPATCH();
    }
    CASE(DICT_MERGE): {
        unsigned n = READ_U16();
        value_t v = POP();
        value_t d = sp[-(int)n];
        value_t fn = sp[-(int)n - 2];
        if (!OBJ_TYPE_IS(v, &type_dict)) {
            value_t copy = dict_new(0), method[2];
            if (!obj_load_method_maybe(v, Q_keys, method)) {
                qstr_t name = func_name(fn);
                raise_fmt(&type_TypeError, "%q() argument after ** must be a mapping, not %T",
                          name != Q_NULL ? name : Q_function, v);
            }
            value_t keys = call_method(v, Q_keys, 0, NULL);
            value_t iter = obj_getiter(keys);
            for (value_t k; (k = obj_iternext(iter)) != VAL_STOP;) {
                dict_store(copy, k, obj_subscr(v, k, VAL_SENTINEL));
            }
            v = copy;
        }
        map_t *m = dict_map(v);
        for (size_t i = 0; i < m->filled; i++) {
            value_t k = m->table[i].key;
            if (k == VAL_NULL) {
                continue;
            }
            if (dict_get(d, k) != VAL_NULL) {
                qstr_t name = func_name(fn);
                raise_fmt(&type_TypeError, "%q() got multiple values for keyword argument '%S'",
                          name != Q_NULL ? name : Q_function, k);
            }
            dict_store(d, k, m->table[i].value);
        }
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE): {
        size_t len;
        value_t *items = seq_items(TOP(), &len);
        TOP() = tuple_new(len, items);
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE): {
        unsigned n = READ_U16();
        value_t seq = POP();
        if (OBJ_TYPE_IS(seq, &type_tuple) && ((tuple_obj_t *)VAL_PTR(seq))->len == n) {
            tuple_obj_t *t = VAL_PTR(seq);
            for (unsigned i = 0; i < n; i++) {
                sp[n - 1 - i] = t->items[i];
            }
        } else {
            unpack_sequence(seq, n, sp);
        }
        sp += n;
        DISPATCH();
    }
    CASE(UNPACK_EX): {
        unsigned arg = READ_U16();
        unsigned before = arg & 0xFF, after = arg >> 8;
        value_t seq = POP();
        unpack_ex(seq, before, after, sp);
        sp += before + after + 1;
        DISPATCH();
    }
    CASE(CALL_METHOD): {
        unsigned n_pos = READ_U8();
        call_kw = READ_U8();
        value_t *base = sp - n_pos - 2 * call_kw - 2;
        call_fn = base[0];
        if (base[1] != VAL_NULL) {
            call_args = base + 1;    // self is the first argument
            n_pos++;
            if (OBJ_TYPE_IS(call_fn, &type_builtin_function)) {
                const builtin_fun_t *b = VAL_PTR(call_fn);
                if (n_pos < b->min_args || (b->max_args != ARGS_MAX && n_pos > b->max_args)) {
                    arg_check_method_count(b, base[1], n_pos);   // the error, worded for a method
                }
            }
        } else {
            call_args = base + 2;
        }
        call_pos = n_pos;
        sp = base;
        goto do_call;
    }
    CASE(CALL): {
        call_pos = READ_U8();
        call_kw = READ_U8();
        value_t *base = sp - call_pos - 2 * call_kw - 1;
        call_fn = base[0];
        call_args = base + 1;
        sp = base;
        if (OBJ_TYPE_IS(call_fn, &type_bound_method)) {
            // The bound method's self takes the function's slot.
            bound_method_t *bm = VAL_PTR(call_fn);
            if (OBJ_TYPE_IS(bm->fn, &type_function)) {
                base[0] = bm->self;
                call_fn = bm->fn;
                call_args = base;
                call_pos++;
            }
        }
        goto do_call;
    }
    do_call:
        // The result replaces the callable at sp. A Python function runs in
        // this loop: its frame is pushed and becomes the current one.
        if (OBJ_TYPE_IS(call_fn, &type_function)) {
            value_t result = VAL_NONE;
            frame->sp = sp;
            frame->ip = ip;
            frame_t *callee = python_call(VAL_PTR(call_fn), call_pos, call_kw, call_args, &result);
            if (callee != NULL) {
                callee->prev = frame;
                LOAD_FRAME(callee);
                if (vm_interrupt_pending | micropython_sched_pending) {
                    vm_check_interrupt();
                }
                DISPATCH();
            }
            PUSH(result);
            DISPATCH();
        }
        PUSH(call_function(call_fn, call_pos, call_kw, call_args));
        DISPATCH();
    CASE(CALL_EX): {
        unsigned has_kw = READ_U8();
        value_t kwargs = has_kw ? POP() : VAL_NULL;
        value_t args = POP();
        value_t fn = POP();
        size_t n_args;
        value_t *items = seq_items(args, &n_args);
        size_t n_kw = 0;
        value_t *all = items;
        if (kwargs != VAL_NULL) {
            map_t *m = dict_map(kwargs);
            all = gc_alloc((n_args + 2 * m->used + 1) * sizeof(value_t), 0);
            memcpy(all, items, n_args * sizeof(value_t));
            for (size_t i = 0; i < m->filled; i++) {
                value_t k = m->table[i].key;
                if (k == VAL_NULL) {
                    continue;
                }
                if (!value_is_str(k)) {
                    raise_msg(&type_TypeError, "keywords must be strings");
                }
                all[n_args + 2 * n_kw] = str_intern_if_name(k);
                all[n_args + 2 * n_kw + 1] = m->table[i].value;
                n_kw++;
            }
        }
        frame->sp = sp;
        PUSH(call_function(fn, n_args, n_kw, all));
        DISPATCH();
    }
    CASE(MAKE_FUNCTION): {
        unsigned index = READ_U16();
        unsigned flags = READ_U8();
        const code_t *code = VAL_PTR(consts[index]);
        value_t fn = make_function(frame, code, flags, sp);
        sp -= ((flags & MAKE_FN_DEFAULTS) ? 1 : 0) + ((flags & MAKE_FN_KWDEFAULTS) ? 1 : 0);
        PUSH(fn);
        DISPATCH();
    }
    CASE(RETURN_VALUE): {
        value_t result = POP();
        if (frame->nblocks > 0) {
            // Run the finally blocks on the way out.
            while (frame->nblocks > 0) {
                block_t *b = &frame->blocks[--frame->nblocks];
                if (b->kind == BLOCK_HANDLER) {
                    vm.handled = b->saved;
                } else if (b->kind == BLOCK_FINALLY) {
                    sp = frame->slots + frame->code->n_locals + frame->code->n_free + b->level;
                    PUSH(result);
                    PUSH(SMALL(UNWIND_RETURN));
                    ip = frame->code->bytecode + b->handler;
                    DISPATCH();
                }
            }
        }
        if (frame->is_inline) {
            LOAD_FRAME(gen_leave(frame, result));
            if (*ip == OP_FOR_ITER) {
                unsigned target = ip[1] | (ip[2] << 8);
                *--sp = VAL_NULL;    // the GC scans heap frames whole: no stale generator
                ip = frame->code->bytecode + target;
                DISPATCH();
            }
            TOP() = result;          // YIELD_FROM's result
            ip++;
            DISPATCH();
        }
        if (frame == entry) {
            frame->sp = sp;
            *yielded = false;
            return result;
        }
        frame_t *caller = frame->prev;
        frame_pop(frame);
        LOAD_FRAME(caller);
        PUSH(result);
        DISPATCH();
    }
    CASE(YIELD_VALUE): {
        yield_v = POP();
        frame->sp = sp;
        frame->ip = ip;
    yield_from_frame:
        // yield_v goes to the frame's resumer (frame->ip and sp are stored).
        while (frame->is_inline) {
            LOAD_FRAME(gen_leave(frame, VAL_NULL));
            if (*ip == OP_FOR_ITER) {
                ip += 3;
                PUSH(yield_v);
                DISPATCH();
            }
            // At YIELD_FROM: the resumer yields the value in turn, staying there.
        }
        *yielded = true;
        return yield_v;
    }
    CASE(YIELD_FROM): {
        value_t send = POP();
        value_t iter = TOP();
        value_t ret = VAL_NONE;
        value_t v;
        if (is_native_generator(iter)) {
            generator_t *g = VAL_PTR(iter);
            if (g->frame != NULL) {
                frame_t *gf = gen_enter(g, send);
                frame->sp = sp;      // frame->ip is this instruction
                gf->prev = frame;
                LOAD_FRAME(gf);
                DISPATCH();
            }
            v = VAL_STOP;            // finished: the result is None
        } else if (send == VAL_NONE && !(OBJ(iter)->type->flags & TYPE_FLAG_HEAP)) {
            v = obj_iternext(iter);
            if (v == VAL_STOP) {
                ret = VAL_NONE;
            }
        } else if (send == VAL_NONE) {
            v = delegate_call(iter, Q___next__, VAL_NULL, &ret);   // keeps StopIteration's value
        } else {
            v = delegate_call(iter, Q_send, send, &ret);
        }
        if (v == VAL_STOP) {
            TOP() = ret;
            DISPATCH();
        }
        // Suspend here; on resume the sent value is pushed and this
        // instruction runs again.
        frame->sp = sp;
        frame->ip = ip - 1;
        yield_v = v;
        goto yield_from_frame;
    }
    CASE(GET_YIELD_FROM_ITER): {
        value_t v = TOP();
        if (!OBJ_TYPE_IS(v, &type_generator) && !OBJ_TYPE_IS(v, &type_coroutine)) {
            TOP() = obj_getiter(v);
        }
        DISPATCH();
    }
    CASE(GET_AWAITABLE): {
        value_t v = TOP();
        if (!OBJ_TYPE_IS(v, &type_coroutine) && !OBJ_TYPE_IS(v, &type_generator)) {
            value_t dest[2];
            if (!obj_load_method_maybe(v, Q___await__, dest)) {
                raise_fmt(&type_TypeError, "object %T can't be used in 'await' expression", v);
            }
            TOP() = dest[1] != VAL_NULL ? call_function_1(dest[0], dest[1]) : call_function_0(dest[0]);
        }
        DISPATCH();
    }
    CASE(GET_AITER):
        TOP() = call_method(TOP(), Q___aiter__, 0, NULL);
        DISPATCH();
    CASE(GET_ANEXT): {
        value_t awaitable = call_method(TOP(), Q___anext__, 0, NULL);
        PUSH(awaitable);
        DISPATCH();
    }
    CASE(END_ASYNC_FOR): {
        // [aiter, exc] with a handler block: the loop ends at StopAsyncIteration.
        value_t exc = POP();
        if (!exc_matches(exc, PTR_VAL(&type_StopAsyncIteration))) {
            raise_obj(exc);
        }
        block_t *b = &frame->blocks[--frame->nblocks];
        vm.handled = b->saved;
        sp--;
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH): {
        value_t mgr = TOP();
        value_t exit_method[2], enter_method[2];
        if (!obj_load_method_maybe(mgr, Q___aexit__, exit_method) || !obj_load_method_maybe(mgr, Q___aenter__, enter_method)) {
            raise_fmt(&type_TypeError, "'%T' object does not support the asynchronous context manager protocol", mgr);
        }
        TOP() = exit_method[1] != VAL_NULL ? bound_method_new(exit_method[1], exit_method[0]) : exit_method[0];
        PUSH(enter_method[1] != VAL_NULL ? call_function_1(enter_method[0], enter_method[1]) : call_function_0(enter_method[0]));
        DISPATCH();
    }
    CASE(SETUP_ASYNC_WITH): {
        unsigned handler = READ_U16();
        block_t *b = &frame->blocks[frame->nblocks++];
        b->handler = (uint16_t)handler;
        b->level = (uint16_t)(sp - 1 - (frame->slots + frame->code->n_locals + frame->code->n_free));
        b->kind = BLOCK_FINALLY;
        DISPATCH();
    }
    CASE(WITH_CLEANUP_START): {
        value_t kind = sp[-1], value = sp[-2], exit_fn = sp[-3];
        value_t args[3] = {VAL_NONE, VAL_NONE, VAL_NONE};
        if (kind == SMALL(UNWIND_EXCEPTION)) {
            args[0] = PTR_VAL(value_type(value));
            args[1] = value;
        }
        PUSH(call_function(exit_fn, 3, 0, args));
        DISPATCH();
    }
    CASE(WITH_CLEANUP_FINISH): {
        value_t result = POP();
        value_t kind = sp[-1], value = sp[-2];
        if (kind == SMALL(UNWIND_EXCEPTION) && obj_is_true(result)) {
            value = VAL_NONE;
            kind = SMALL(UNWIND_NORMAL);
        }
        sp[-3] = value;
        sp[-2] = kind;
        sp--;
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS):
        PUSH(map_get_qstr(&builtins_map, Q___build_class__));
        DISPATCH();
    CASE(SETUP_EXCEPT):
    CASE(SETUP_FINALLY):
    CASE(SETUP_BLOCK): {
        unsigned kind = ip[-1] == OP_SETUP_EXCEPT ? BLOCK_EXCEPT : ip[-1] == OP_SETUP_FINALLY ? BLOCK_FINALLY : BLOCK_NONE;
        unsigned handler = READ_U16();
        block_t *b = &frame->blocks[frame->nblocks++];
        b->handler = (uint16_t)handler;
        b->level = (uint16_t)(sp - (frame->slots + frame->code->n_locals + frame->code->n_free));
        b->kind = (uint8_t)kind;
        DISPATCH();
    }
    CASE(SETUP_WITH): {
        unsigned handler = READ_U16();
        value_t mgr = TOP();
        value_t exit_method[2], enter_method[2];
        if (!obj_load_method_maybe(mgr, Q___exit__, exit_method) || !obj_load_method_maybe(mgr, Q___enter__, enter_method)) {
            raise_fmt(&type_TypeError, "'%T' object does not support the context manager protocol", mgr);
        }
        value_t exit_fn = exit_method[1] != VAL_NULL ? bound_method_new(exit_method[1], exit_method[0]) : exit_method[0];
        TOP() = exit_fn;
        value_t r = enter_method[1] != VAL_NULL ? call_function_1(enter_method[0], enter_method[1])
                                                : call_function_0(enter_method[0]);
        block_t *b = &frame->blocks[frame->nblocks++];
        b->handler = (uint16_t)handler;
        b->level = (uint16_t)(sp - (frame->slots + frame->code->n_locals + frame->code->n_free));
        b->kind = BLOCK_FINALLY;
        PUSH(r);
        DISPATCH();
    }
    CASE(WITH_CLEANUP): {
        // [exit, value, kind] -> [value, kind]
        value_t kind = sp[-1], value = sp[-2], exit_fn = sp[-3];
        if (kind == SMALL(UNWIND_EXCEPTION)) {
            value_t args[3] = {PTR_VAL(value_type(value)), value, VAL_NONE};
            // While __exit__ runs, the exception is the one being handled.
            value_t outer = vm.handled;
            vm.handled = value;
            value_t r = call_function(exit_fn, 3, 0, args);
            vm.handled = outer;
            if (obj_is_true(r)) {
                value = VAL_NONE;
                kind = SMALL(UNWIND_NORMAL);
            }
        } else {
            value_t args[3] = {VAL_NONE, VAL_NONE, VAL_NONE};
            call_function(exit_fn, 3, 0, args);
        }
        sp[-3] = value;
        sp[-2] = kind;
        sp--;
        DISPATCH();
    }
    CASE(POP_BLOCK):
        frame->nblocks--;
        DISPATCH();
    CASE(POP_EXCEPT): {
        block_t *b = &frame->blocks[--frame->nblocks];
        vm.handled = b->saved;
        DISPATCH();
    }
    CASE(END_FINALLY): {
        value_t kind = POP();
        value_t value = POP();
        if (kind == SMALL(UNWIND_NORMAL)) {
            DISPATCH();
        }
        if (kind == SMALL(UNWIND_EXCEPTION)) {
            exc_reraise(value);
        }
        if (kind == SMALL(UNWIND_RETURN)) {
            // Continue the return through the remaining blocks.
            PUSH(value);
            goto L_RETURN_VALUE;
        }
        // UNWIND_JUMP_TO: target and remaining block count.
        smallint_t packed = SMALL_VALUE(value);
        uw_target = (unsigned)(packed & 0xFFFF);
        uw_remaining = (unsigned)(packed >> 16);
        goto unwind_jump;
    }
    CASE(UNWIND_JUMP):
        uw_target = READ_U16();
        uw_remaining = READ_U8();
    unwind_jump:
        while (uw_remaining > 0) {
            block_t *b = &frame->blocks[--frame->nblocks];
            uw_remaining--;
            if (b->kind == BLOCK_HANDLER) {
                vm.handled = b->saved;
            } else if (b->kind == BLOCK_FINALLY) {
                sp = frame->slots + frame->code->n_locals + frame->code->n_free + b->level;
                PUSH(SMALL((smallint_t)(uw_target | (uw_remaining << 16))));
                PUSH(SMALL(UNWIND_JUMP_TO));
                ip = frame->code->bytecode + b->handler;
                DISPATCH();
            }
            sp = frame->slots + frame->code->n_locals + frame->code->n_free + b->level;
        }
        ip = frame->code->bytecode + uw_target;
        DISPATCH();
    CASE(JUMP_IF_NOT_EXC_MATCH): {
        unsigned target = READ_U16();
        value_t type = POP();
        if (!exc_matches(TOP(), type)) {
            ip = frame->code->bytecode + target;
        }
        DISPATCH();
    }
    CASE(RAISE): {
        unsigned kind = READ_U8();
        if (kind == 0) {
            if (vm.handled == VAL_NULL) {
                raise_msg(&type_RuntimeError, "No active exception to reraise");
            }
            exc_reraise(vm.handled);
        }
        if (kind == 3) {
            exc_reraise(POP());
        }
        value_t cause = kind == 2 ? POP() : VAL_NULL;
        value_t exc = make_exception(POP());
        if (cause != VAL_NULL) {
            if (cause != VAL_NONE) {
                cause = make_exception(cause);
            }
            exc_set_cause(exc, cause);
        }
        raise_obj(exc);
    }
    CASE(IMPORT_NAME): {
        qstr_t name = READ_U16();
        value_t fromlist = POP();
        value_t level = TOP();
        TOP() = import_name(name, fromlist, (int)SMALL_VALUE(level), frame->globals);
        DISPATCH();
    }
    CASE(IMPORT_FROM): {
        qstr_t name = READ_U16();
        value_t v = import_from(TOP(), name);
        PUSH(v);
        DISPATCH();
    }
    CASE(IMPORT_STAR):
        import_star(frame, POP());
        DISPATCH();
    CASE(PRINT_EXPR): {
        value_t v = POP();
        print_expr(v, frame->globals);
        DISPATCH();
    }
}


// Finds a handler for exc starting at vm.frame; returns false when the
// exception leaves `entry` (the frames above it have been popped). When a
// handler is found, frames that a failed call left above it are dropped.
static void add_traceback(frame_t *frame, value_t exc) {
    const code_t *code = frame->code;
    exc_add_traceback(exc, code->filename, code_line(code, (size_t)(frame->ip - code->bytecode)), code->name);
}

// After a handler was found in `frame`: drops the frames that a failed call
// left above it (a heap frame runs with its vm_execute's frame stack above).
static void drop_frames_above(frame_t *frame, uint8_t *entry_top, unsigned entry_depth) {
    while (frame->is_inline) {
        frame = frame->prev;   // a generator resumed inline: its resumer's top
    }
    if (frame->is_heap) {
        frame_stack_reset(entry_top, entry_depth);
    } else {
        frame_stack_reset((uint8_t *)frame + frame_stack_size(frame->code), frame->depth);
    }
}

static bool unwind(frame_t *entry, value_t *exc_io, uint8_t *entry_top, unsigned entry_depth) {
    value_t exc = *exc_io;
    frame_t *frame = vm.frame;
    for (;;) {
        // Every frame the exception reaches is in its traceback, the one
        // that handles it included.
        add_traceback(frame, exc);
        while (frame->nblocks > 0) {
            block_t *b = &frame->blocks[--frame->nblocks];
            value_t *stack = frame->slots + frame->code->n_locals + frame->code->n_free;
            if (b->kind == BLOCK_EXCEPT || b->kind == BLOCK_FINALLY) {
                // The values the exception dropped would stay visible to
                // the conservative GC above the handler's level: forget them
                // (a caught MemoryError must free what the failed code held).
                memset(stack + b->level, 0, (frame->code->stack_size - b->level) * sizeof(value_t));
            }
            if (b->kind == BLOCK_HANDLER) {
                vm.handled = b->saved;
            } else if (b->kind == BLOCK_EXCEPT) {
                frame->sp = stack + b->level;
                *frame->sp++ = exc;
                block_t *h = &frame->blocks[frame->nblocks++];
                h->kind = BLOCK_HANDLER;
                h->level = b->level;
                h->saved = vm.handled;
                vm.handled = exc;
                frame->ip = frame->code->bytecode + b->handler;
                drop_frames_above(frame, entry_top, entry_depth);
                return true;
            } else if (b->kind == BLOCK_FINALLY) {
                frame->sp = stack + b->level;
                *frame->sp++ = exc;
                *frame->sp++ = SMALL(UNWIND_EXCEPTION);
                frame->ip = frame->code->bytecode + b->handler;
                drop_frames_above(frame, entry_top, entry_depth);
                return true;
            }
        }
        if (frame == entry) {
            return false;
        }
        frame_t *caller = frame->prev;
        if (frame->is_inline) {
            // The exception ends the generator and is raised in its resumer.
            caller = gen_leave(frame, VAL_NONE);
            if (exc_matches(exc, PTR_VAL(&type_StopIteration))) {
                // PEP 479: a StopIteration escaping a generator is an error.
                value_t e = exc_new_msg(&type_RuntimeError, "generator raised StopIteration");
                exc_set_cause(e, exc);
                exc = *exc_io = e;
            }
        } else {
            frame_pop(frame);
        }
        frame = caller;
        vm.frame = frame;
    }
}

value_t vm_execute(frame_t *entry, value_t send, value_t throw_exc, bool *yielded) {
    vm_check_c_stack();
    frame_t *saved_frame = vm.frame;
    uint8_t *saved_top = vm.stack_top;
    unsigned saved_depth = vm.depth;
    value_t saved_handled = vm.handled;
    if (entry->ip != entry->code->bytecode && throw_exc == VAL_NULL) {
        // A generator resumed after a yield receives the sent value.
        *entry->sp++ = send;
    }
    vm.frame = entry;
    // Changed between setjmp and longjmp: must live in memory.
    volatile value_t pending_throw = throw_exc;
    for (;;) {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            value_t result;
            if (pending_throw != VAL_NULL) {
                value_t exc = pending_throw;
                pending_throw = VAL_NULL;
                if (*entry->ip != OP_YIELD_FROM || entry->ip == entry->code->bytecode) {
                    raise_obj(exc);
                }
                // Suspended in `yield from`: the delegate gets the exception first.
                value_t ret = VAL_NONE;
                value_t v = throw_to_delegate(entry->sp[-1], exc, &ret);
                if (v != VAL_STOP) {
                    *yielded = true;
                    result = v;
                    goto done;
                }
                entry->sp[-1] = ret;
                entry->ip++;
            }
            result = run(entry, yielded);
        done:
            nlr_pop();
            vm.frame = saved_frame;
            if (!entry->is_heap) {
                frame_pop(entry);
            } else {
                frame_stack_reset(saved_top, saved_depth);
            }
            vm.handled = saved_handled;
            return result;
        }
        value_t exc = nlr.value;
        if (vm.handled != VAL_NULL && exc != vm.handled) {
            exc_set_context(exc, vm.handled);
        }
        if (!unwind(entry, &exc, saved_top, saved_depth)) {
            vm.frame = saved_frame;
            if (!entry->is_heap) {
                frame_pop(entry);
            } else {
                frame_stack_reset(saved_top, saved_depth);
            }
            vm.handled = saved_handled;
            nlr_raise(exc);
        }
    }
}

// ---- running code ------------------------------------------------------------------

value_t vm_run_code(value_t code_v, value_t globals, value_t locals) {
    const code_t *code = VAL_PTR(code_v);
    frame_t *f = frame_push(code, 0);
    f->globals = globals;
    f->locals = locals != VAL_NULL ? locals : globals;
    f->prev = vm.frame;
    bool yielded;
    return vm_execute(f, VAL_NONE, VAL_NULL, &yielded);
}

value_t vm_run_class_body(value_t func, value_t namespace_dict) {
    func_obj_t *fn = VAL_PTR(func);
    frame_t *f = func_make_frame(fn, 0, 0, NULL);
    f->locals = namespace_dict;
    f->prev = vm.frame;
    bool yielded;
    return vm_execute(f, VAL_NONE, VAL_NULL, &yielded);
}

value_t func_call(value_t func, size_t n_args, size_t n_kw, const value_t *args) {
    func_obj_t *fn = VAL_PTR(func);
    const code_t *code = fn->code;
    frame_t *f = func_make_frame(fn, n_args, n_kw, args);
    if (code->flags & (CODE_GENERATOR | CODE_COROUTINE)) {
        return generator_new(f, code);
    }
    f->prev = vm.frame;
    bool yielded;
    return vm_execute(f, VAL_NONE, VAL_NULL, &yielded);
}

bool vm_current_method(value_t *cls, value_t *self) {
    for (frame_t *f = vm.frame; f != NULL; f = f->prev) {
        if (f->func == NULL) {
            return false;
        }
        if (f->func->owner_class != VAL_NULL) {
            *cls = f->func->owner_class;
            value_t first = f->code->n_pos > 0 ? f->slots[0] : VAL_NULL;
            if (first != VAL_NULL && f->code->n_cells > 0 && f->code->cells[0] == 0) {
                first = ((cell_obj_t *)VAL_PTR(first))->value;
            }
            *self = first;
            return first != VAL_NULL;
        }
        return false;
    }
    return false;
}

value_t vm_handled_exception(void) {
    return vm.handled;
}

value_t vm_globals(void) {
    return vm.frame != NULL ? vm.frame->globals : VAL_NULL;
}

value_t vm_locals(void) {
    frame_t *f = vm.frame;
    if (f == NULL) {
        return VAL_NULL;
    }
    if (f->code->flags & CODE_NAMESPACE) {
        return namespace_of(f);
    }
    value_t d = dict_new(f->code->n_locals);
    for (unsigned i = 0; i < f->code->n_locals; i++) {
        value_t v = f->slots[i];
        for (unsigned k = 0; k < f->code->n_cells; k++) {
            if (f->code->cells[k] == i && v != VAL_NULL) {
                v = ((cell_obj_t *)VAL_PTR(v))->value;
            }
        }
        if (v != VAL_NULL) {
            dict_store(d, QSTR(f->code->slot_names[i]), v);
        }
    }
    return d;
}
