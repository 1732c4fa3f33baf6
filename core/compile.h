// SPDX-License-Identifier: MIT
// The compiler's internal interface, shared by compile_emit.c (tokens, code
// buffers, scopes and name resolution), compile_expr.c (expressions) and
// compile_stmt.c (statements and the entry points).
//
// There is no parse tree: the compiler emits bytecode as it reads tokens.
// What it keeps is one `scope_t` per function being compiled (the
// enclosing ones stay open while a nested one is compiled), and a few short
// token recordings for the places where Python evaluates text in another
// order than it is written (assignment targets, comprehension elements and
// `for` targets): see tokens_* below.
#ifndef ESPY_COMPILE_H
#define ESPY_COMPILE_H

#include "code.h"
#include "lexer.h"
#include "opcodes.h"
#include "vm.h"

// Marks a parser function with big locals (a scope, parameters) that is not
// on the recursive path of every nested bracket or block: kept out of line,
// so that its locals do not widen the C frames of its callers (the chip's C
// stack is 8 KiB).
#define COMPILE_OUT_OF_LINE __attribute__((noinline))

// ---- tokens ------------------------------------------------------------------

// A token as the compiler keeps it: the lexer's payload turned into a
// value (a qstr for names and keywords, the constant for literals).
typedef struct tok {
    uint8_t kind;
    uint8_t raw;          // FSTRING: r prefix
    uint32_t line;
    value_t value;
} tok_t;

typedef struct tok_array {
    tok_t *toks;
    size_t len, cap;
} tok_array_t;

typedef struct replay {
    tok_t *toks;
    size_t len, pos;
    tok_t saved_cur;      // the input's current token when the replay began
} replay_t;

#define REPLAY_DEPTH 16

// ---- scopes ---------------------------------------------------------------

#define N_ASSIGNED 0x01   // bound in this scope (assignment, def, import, for, with, except ... as)
#define N_PARAM 0x02
#define N_GLOBAL 0x04     // declared global
#define N_NONLOCAL 0x08   // declared nonlocal
#define N_CELL 0x10       // a local that nested functions use
#define N_FREE 0x20       // comes from an enclosing function
#define N_USED 0x40       // loaded, stored or deleted in this scope
#define N_VIA_NONLOCAL 0x80 // free here because a nested scope declared it nonlocal

typedef struct name_entry {
    qstr_t name;
    uint8_t flags;
    uint16_t slot;
} name_entry_t;

// A use of a name in an already finished nested code object whose scope
// (free variable or global) is decided by an enclosing function.
typedef struct deferred_site {
    code_t *code;
    uint32_t offset;
    uint16_t slot;        // the free slot in that code
    uint8_t class_load;   // a load in a class body: namespace first (LOAD_CLASSDEREF / LOAD_NAME)
} deferred_site_t;

// For a name free in a nested scope: which code objects take it from us.
typedef struct deferred_free {
    qstr_t name;
    code_t *code;         // the nested code whose free_from entry ...
    uint16_t index;       // ... at this index names our slot
    uint8_t nonlocal;     // declared nonlocal there: an enclosing function must bind it
} deferred_free_t;

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION } scope_kind_t;

#define LOOP_MAX 32
typedef struct loop {
    uint32_t continue_at;
    uint32_t *breaks;     // offsets of break jump operands
    size_t n_breaks, cap_breaks;
    uint16_t blocks;      // runtime blocks open when the loop started
    bool is_for;
} loop_t;

typedef struct scope {
    struct scope *parent;
    scope_kind_t kind;
    qstr_t name;
    qstr_t prefix;            // __qualname__ before the name (Q_NULL at module level)
    qstr_t child_prefix;      // the prefix of scopes nested in this one, once made
    uint8_t flags;        // CODE_*
    // bytecode
    uint8_t *code;
    size_t code_len, code_cap;
    value_t *consts;
    size_t n_consts, cap_consts;
    uint8_t *lines;
    size_t lines_len, lines_cap;
    size_t last_line_offset;
    uint32_t last_line;
    uint32_t first_line;
    int depth, max_depth;
    int blocks, max_blocks;
    // names
    name_entry_t *names;
    size_t n_names, cap_names;
    deferred_site_t *dsites;      // sites of nested code for names free there
    qstr_t *dsite_names;
    size_t n_dsites, cap_dsites;
    deferred_free_t *dfree;
    size_t n_dfree, cap_dfree;
    uint16_t n_pos, n_kwonly, n_posonly;
    uint32_t n_stmts;             // statements begun, to recognise a docstring
    value_t doc;
    // loops
    loop_t *loops;            // on the heap: scopes stay small on the C stack
    int cap_loops;
    int n_loops;
} scope_t;

typedef struct compiler {
    lexer_t lex;
    tok_t cur;             // the current token
    tok_array_t ahead;     // tokens read from the lexer but not yet current
    size_t ahead_pos;
    replay_t replays[REPLAY_DEPTH];
    int n_replays;
    int replay_base;       // replays below this belong to an outer parse (f-strings)
    scope_t *scope;
    qstr_t filename;
    compile_mode_t mode;
    int nesting;           // C recursion guard
    bool with_async;       // compiling the items of an async with
    bool no_walrus;        // x := v is not allowed here without brackets (statements, keyword values, dict keys)
} compiler_t;

extern bool compile_input_incomplete;   // the last SyntaxError was only an early end of input

// tokens
void tok_advance(compiler_t *c);
const tok_t *tok_peek(compiler_t *c, size_t k);   // k = 1: the token after cur
bool tok_accept(compiler_t *c, int kind);
void tok_expect(compiler_t *c, int kind, const char *what);
// Records the tokens from the current one up to (not including) the first
// token at bracket depth 0 whose kind is in `stops` (ended by -1), or a
// newline, or a closing bracket of an enclosing bracket; removes them from
// the input; the current token becomes the one that stopped the recording.
void tok_record_until(compiler_t *c, const int *stops, tok_array_t *out);
// Makes recorded tokens the input, in front of the current token: once they
// are read, the current token is again the one that was current before.
// tok_replay_end checks that the parse read all of them.
void tok_replay(compiler_t *c, const tok_array_t *toks);
void tok_replay_end(compiler_t *c);
bool tok_replay_active(compiler_t *c, const tok_array_t *toks);
// Tokens left in the innermost replay, counting the current one (0: none).
size_t tok_replay_remaining(compiler_t *c);
// Looks ahead from the current token, without consuming, for an assignment:
// returns TOK_ASSIGN, an augmented-assignment kind or TOK_COLON when a
// target is followed by one at depth 0, else 0.
int tok_scan_assignment(compiler_t *c);
_Noreturn void compile_error(compiler_t *c, const char *msg);
_Noreturn void compile_error_at(compiler_t *c, uint32_t line, const char *msg);
_Noreturn void compile_error_name(compiler_t *c, const char *fmt, qstr_t name);   // fmt has one %q

// scopes and emission
void scope_open(compiler_t *c, scope_t *s, scope_kind_t kind, qstr_t name);
value_t scope_close(compiler_t *c);      // resolves names, returns the code object
void emit_op(compiler_t *c, int op);
void emit_op_u8(compiler_t *c, int op, unsigned arg);
void emit_op_u16(compiler_t *c, int op, unsigned arg);
void emit_op_u8u8(compiler_t *c, int op, unsigned a, unsigned b);
void emit_op_u16u8(compiler_t *c, int op, unsigned a, unsigned b);
uint32_t emit_jump(compiler_t *c, int op);           // returns the operand's offset
uint32_t emit_jump_at_line(compiler_t *c, int op, uint32_t line);
void patch_jump(compiler_t *c, uint32_t operand_at); // to the current offset
void jump_list_add(compiler_t *c, uint32_t *list, uint32_t operand_at);   // list starts as 0
void jump_list_patch(compiler_t *c, uint32_t list);                       // all to the current offset
void patch_jump_to(compiler_t *c, uint32_t operand_at, uint32_t target);
uint32_t emit_here(compiler_t *c);
value_t const_to_long(value_t v);           // a compile-time constant moved to the long-lived end
void emit_const(compiler_t *c, value_t v);
unsigned add_const(compiler_t *c, value_t v);
void emit_stack(compiler_t *c, int delta);           // adjust the depth count
void emit_name(compiler_t *c, int op, qstr_t name);  // NAME_LOAD/STORE/DELETE
void scope_declare(compiler_t *c, qstr_t name, uint8_t flags);
void scope_walrus_target(compiler_t *c, qstr_t name);
// SyntaxError `what` unless compiling the body of an async def (a
// comprehension inside one counts).
void scope_require_async(compiler_t *c, const char *what);
void emit_set_line(compiler_t *c, uint32_t line);
void emit_truncate(compiler_t *c, uint32_t offset);
void loop_add_break(compiler_t *c, loop_t *loop, uint32_t operand_at);
// Moving a piece of code: code_cut removes the code emitted since `start`
// (and one value from the stack count); code_paste appends it at the
// current offset, relocating its jumps.
typedef struct code_piece {
    uint8_t *code;
    size_t len;
    uint32_t from;
} code_piece_t;
void code_cut(compiler_t *c, uint32_t start, code_piece_t *piece);
void code_paste(compiler_t *c, const code_piece_t *piece);

// expressions (compile_expr.c)
typedef enum {
    EXP_VALUE,        // on the stack
    EXP_NAME,         // a name, not loaded yet
    EXP_ATTR,         // object on the stack, attribute not loaded yet
    EXP_SUBSCR,       // object and index on the stack, not loaded yet
    EXP_STARRED,      // *x in a display or target (value on the stack)
} exp_kind_t;

typedef struct expdesc {
    exp_kind_t kind;
    qstr_t name;
} expdesc_t;

void expr(compiler_t *c);                    // a full expression (test), loaded
void expr_no_cond(compiler_t *c);            // or_test: no conditional expression (comprehension iterables)
void expr_list_as_tuple(compiler_t *c);      // a, b, c (a tuple when there is a comma)
void expr_star_list_as_tuple(compiler_t *c); // the same with *x allowed (return, yield, assignment values)
void expr_target_store(compiler_t *c);       // a target list: stores TOS into it
void expr_target_delete(compiler_t *c);
bool bracket_has_trailer(compiler_t *c);
// The arguments of a call with * or ** up to its ')', after n_before
// positional values already pushed (class bases: the body and the name).
void call_args_unpacking(compiler_t *c, unsigned n_before);   // (a).b, [x][0]: a primary, not a target list
void expr_primary(compiler_t *c, expdesc_t *e);   // atom with trailers, last trailer pending
void exp_load(compiler_t *c, expdesc_t *e);
void exp_store(compiler_t *c, expdesc_t *e);
void exp_dup_for_augassign(compiler_t *c, expdesc_t *e);
void exp_store_after_augassign(compiler_t *c, expdesc_t *e);
bool tok_starts_expr(int kind);
void compile_function_body_lambda(compiler_t *c);
// Parameters of def/lambda: emits defaults into the enclosing scope and
// returns MAKE_FUNCTION flags; the names go into `s` (opened by the caller
// after this returns, so they are passed in the array).
typedef struct params {
    qstr_t *names;        // on the heap (the C stack is small on the chip)
    int n, cap;
    uint16_t n_pos, n_kwonly, n_posonly;
    uint8_t flags;        // CODE_VARARGS, CODE_VARKW
    uint8_t make_flags;   // MAKE_FN_DEFAULTS, MAKE_FN_KWDEFAULTS
} params_t;
void parse_params(compiler_t *c, params_t *p, int end_kind);
void scope_add_params(compiler_t *c, const params_t *p);
void emit_make_function(compiler_t *c, value_t code, unsigned flags);

// statements (compile_stmt.c)
void stmt_block(compiler_t *c);              // ':' then a suite

#endif
