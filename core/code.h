// SPDX-License-Identifier: MIT
// Code objects, functions, frames and generators: what the compiler makes
// and the VM runs.
#ifndef ESPY_CODE_H
#define ESPY_CODE_H

#include "obj.h"

#define CODE_VARARGS 0x01       // has *args
#define CODE_VARKW 0x02         // has **kwargs
#define CODE_GENERATOR 0x04
#define CODE_COROUTINE 0x08     // async def
#define CODE_NAMESPACE 0x10     // module or class body: names live in a dict
#define CODE_ASYNC_GEN 0x20

// A compiled function body. Frame slots: the arguments (positional, then
// keyword-only, then *args, then **kwargs), the other locals, then the free
// variables received from the enclosing function (cells). Slots listed in
// `cells` hold a cell object made when the frame starts.
typedef struct code {
    obj_t base;                 // &type_code
    const uint8_t *bytecode;
    uint32_t code_len;
    uint16_t n_consts;
    uint16_t n_pos;             // positional parameters
    uint16_t n_kwonly;
    uint16_t n_locals;          // slots before the free variables
    uint16_t n_free;
    uint16_t n_cells;
    uint16_t stack_size;
    uint16_t max_blocks;
    uint16_t n_posonly;         // the first n_posonly positional parameters take no keyword
    uint8_t flags;
    qstr_t name;
    qstr_t qual_prefix;         // what __qualname__ puts before the name ("C", "f.<locals>"), or Q_NULL
    qstr_t filename;
    uint32_t first_line;
    const value_t *consts;
    const qstr_t *slot_names;   // names of slots 0 .. n_locals + n_free - 1
    const uint16_t *cells;      // slots that start as cells
    const uint16_t *free_from;        // for each free variable: the slot in the enclosing frame
    const uint8_t *lines;       // pairs (bytecode delta, line delta), see code_line
    uint32_t lines_len;
    value_t doc;                // the docstring, or VAL_NULL
} code_t;

size_t code_line(const code_t *code, size_t offset);
// The qualified name (C.m, f.<locals>.g) as a str.
value_t code_qualname(const code_t *code);

// A function made by `def` or `lambda`.
typedef struct func_obj {
    obj_t base;                 // &type_function
    const code_t *code;
    value_t globals;            // dict
    value_t defaults;           // tuple or VAL_NULL
    value_t kwdefaults;         // dict or VAL_NULL
    value_t owner_class;        // for super(); VAL_NULL outside classes
    value_t dict;               // attributes set on the function, or VAL_NULL
    value_t closure[];          // n_free cells
} func_obj_t;

typedef struct cell_obj {
    obj_t base;                 // &type_closure_cell
    value_t value;              // VAL_NULL when empty
} cell_obj_t;

typedef struct bound_method {
    obj_t base;
    value_t self;
    value_t fn;
} bound_method_t;

// A try/with block on a frame's block stack.
typedef struct block {
    uint16_t handler;           // bytecode offset of the handler
    uint16_t level;             // stack depth when the block was entered
    uint8_t kind;               // BLOCK_*
    value_t saved;              // BLOCK_HANDLER: the previously handled exception
} block_t;

#define BLOCK_EXCEPT 1
#define BLOCK_FINALLY 2
#define BLOCK_HANDLER 3         // inside an except clause: restores the handled exception
#define BLOCK_NONE 4            // an empty block (a try without except or finally part)

typedef struct frame {
    struct frame *prev;         // the caller, on the frame stack
    const code_t *code;
    func_obj_t *func;           // NULL for module code
    value_t globals;            // dict
    value_t locals;             // dict for CODE_NAMESPACE code, else VAL_NULL
    const uint8_t *ip;
    value_t *sp;                // next free stack slot
    block_t *blocks;            // block stack base (after the value stack)
    uint16_t nblocks;
    uint16_t depth;             // frames on the frame stack up to this one
    uint8_t is_heap;            // a generator's frame, in the GC heap
    uint8_t is_inline;          // a generator's frame resumed by the loop itself (yield from,
                                // for): prev is suspended at that instruction, the generator on its stack
    value_t slots[];            // locals, free vars, then the value stack
} frame_t;

typedef struct generator {
    obj_t base;                 // &type_generator or &type_coroutine
    frame_t *frame;             // NULL once finished
    value_t ret;                // the return value once finished
    value_t outer_handled;      // while resumed inline: the resumer's handled exception
    uint8_t running;
    uint8_t started;
} generator_t;

// The frame stack (vm.c).
frame_t *frame_push(const code_t *code, size_t extra_heap);
void frame_pop(frame_t *frame);

// Sets up a frame's arguments from a call (func.c): TypeError on a mismatch.
void func_bind_args(func_obj_t *fn, frame_t *frame, size_t n_args, size_t n_kw, const value_t *args);
frame_t *func_make_frame(func_obj_t *fn, size_t n_args, size_t n_kw, const value_t *args);
value_t cell_new(value_t value);

// Running frames (vm.c). vm_execute runs a frame until it returns; for a
// generator frame it returns at a yield too, with *yielded set.
value_t vm_execute(frame_t *frame, value_t send, value_t throw_exc, bool *yielded);
value_t generator_new(frame_t *frame, const code_t *code);
// Resumes a generator: returns the next yielded value, or VAL_STOP when it
// returned (its return value in *ret when ret is not NULL).
value_t generator_resume(value_t gen, value_t send, value_t throw_exc, value_t *ret);
value_t func_call(value_t func, size_t n_args, size_t n_kw, const value_t *args);
void vm_init(size_t heap_size);
void vm_mark_roots(void);
void vm_check_c_stack(void);

#endif
