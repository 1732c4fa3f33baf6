// SPDX-License-Identifier: MIT
// The compiler's lower half: the token stream with its lookahead and
// replays, the bytecode buffer of each open scope, and name resolution when
// a scope closes.
//
// Name resolution. While a function is compiled, every use of a name is
// emitted as NAME_LOAD/NAME_STORE/NAME_DELETE with the index of an entry in
// the scope's name table (nothing else is kept per use). When the scope
// closes, everything assigned in it is known: locals get frame slots, and
// the sites are rewritten to LOAD_FAST, LOAD_DEREF (locals that nested
// functions use, and free variables), LOAD_GLOBAL or LOAD_NAME. A name that
// a function uses without binding it may belong to an enclosing function
// that binds it later in its text, so such sites (and the free-variable
// table of the nested code) are handed to the enclosing scope, which
// decides when it closes in turn.
#include <string.h>

#include "compile.h"

// ---- tokens ------------------------------------------------------------------

static const tok_t tok_end = {TOK_END, 0, 0, VAL_NULL};

bool compile_input_incomplete;

// A SyntaxError (IndentationError for indentation) as CPython makes it:
// args (msg, (filename, lineno, offset, text)), so that str(e) names the
// place; the traceback names it too.
_Noreturn void compile_raise(compiler_t *c, const type_t *type, uint32_t line, const char *msg) {
    value_t loc[4] = {QSTR(c->filename), int_from_uintptr(line), VAL_NONE, VAL_NONE};
    value_t args[2] = {str_new_cstr(msg), tuple_new(4, loc)};
    value_t exc = exc_new(type, 2, args);
    exc_add_traceback(exc, c->filename, line, Q_NULL);
    raise_obj(exc);
}

_Noreturn void compile_error_at(compiler_t *c, uint32_t line, const char *msg) {
    compile_raise(c, strstr(msg, "indent") != NULL ? &type_IndentationError : &type_SyntaxError, line, msg);
}

_Noreturn void compile_error(compiler_t *c, const char *msg) {
    compile_error_at(c, c->cur.line, msg);
}

_Noreturn void compile_error_name(compiler_t *c, const char *fmt, qstr_t name) {
    vstr_t vs;
    vstr_init(&vs, 64);
    print_t p = vstr_printer(&vs);
    print_fmt(&p, fmt, name);
    vstr_add_char(&vs, 0);
    compile_error(c, vs.buf);
}

static value_t float_from_text(const char *text, size_t len) {
    return call_function_1(PTR_VAL(&type_float), str_new(text, len));
}

static void read_token(compiler_t *c, tok_t *t) {
    lexer_t *lex = &c->lex;
    tok_kind_t kind = lex_next(lex);
    t->kind = (uint8_t)kind;
    t->line = lex->line;
    t->raw = 0;
    t->value = VAL_NULL;
    switch (kind) {
        case TOK_NAME:
            t->value = QSTR(qstr_from_strn(lex->text, lex->len));
            break;
        case TOK_INT:
            t->value = int_from_str(lex->text, lex->len, 0);
            break;
        case TOK_FLOAT:
            t->value = float_from_text(lex->text, lex->len);
            break;
        case TOK_IMAG:
            t->value = complex_new(0, (pyfloat_t)float_value(float_from_text(lex->text, lex->len)));
            break;
        case TOK_STRING:
            t->value = str_new(lex->text, lex->len);
            break;
        case TOK_FSTRING:
            t->value = str_new(lex->text, lex->len);
            t->raw = lex->raw;
            break;
        case TOK_BYTES:
            t->value = bytes_new((const uint8_t *)lex->text, lex->len);
            break;
        case TOK_ERROR:
            // The REPL asks for another line when the input only ended early.
            compile_input_incomplete = lex->incomplete;
            compile_error_at(c, lex->line, lex->error != NULL ? lex->error : "invalid syntax");
        default:
            break;
    }
}

static void ahead_push(compiler_t *c) {
    tok_array_t *a = &c->ahead;
    if (a->len == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 8;
        a->toks = gc_realloc(a->toks, a->cap * sizeof(tok_t));
    }
    read_token(c, &a->toks[a->len++]);
}

void tok_advance(compiler_t *c) {
    if (c->n_replays > c->replay_base) {
        replay_t *r = &c->replays[c->n_replays - 1];
        if (r->pos < r->len) {
            c->cur = r->toks[r->pos++];
        } else {
            c->cur = r->saved_cur;
            c->n_replays--;
        }
        return;
    }
    if (c->ahead_pos < c->ahead.len) {
        c->cur = c->ahead.toks[c->ahead_pos++];
        if (c->ahead_pos == c->ahead.len) {
            c->ahead_pos = c->ahead.len = 0;
        }
        return;
    }
    read_token(c, &c->cur);
}

const tok_t *tok_peek(compiler_t *c, size_t k) {
    // Walk the replays from the innermost: each one's remaining tokens, then
    // the token that was current below it.
    for (int i = c->n_replays - 1; i >= c->replay_base; i--) {
        replay_t *r = &c->replays[i];
        size_t remaining = r->len - r->pos;
        if (k <= remaining) {
            return &r->toks[r->pos + k - 1];
        }
        k -= remaining;
        if (k == 1) {
            return &r->saved_cur;
        }
        k--;
    }
    while (c->ahead.len - c->ahead_pos < k) {
        if (c->ahead.len > 0 && c->ahead.toks[c->ahead.len - 1].kind == TOK_END) {
            return &tok_end;
        }
        ahead_push(c);
    }
    return &c->ahead.toks[c->ahead_pos + k - 1];
}

bool tok_accept(compiler_t *c, int kind) {
    if (c->cur.kind == kind) {
        tok_advance(c);
        return true;
    }
    return false;
}

void tok_expect(compiler_t *c, int kind, const char *what) {
    if (c->cur.kind != kind) {
        if (what != NULL) {
            compile_error(c, what);
        }
        if (c->cur.kind == TOK_INDENT) {
            compile_error(c, "unexpected indent");
        }
        if (kind == TOK_INDENT) {
            value_t exc = exc_new_msg(&type_IndentationError, "expected an indented block");
            exc_add_traceback(exc, c->filename, c->cur.line, Q_NULL);
            raise_obj(exc);
        }
        compile_error(c, "invalid syntax");
    }
    tok_advance(c);
}

static bool is_open(int k) {
    return k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE;
}

static bool is_close(int k) {
    return k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE;
}

static void tok_array_push(tok_array_t *a, const tok_t *t) {
    if (a->len == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 8;
        a->toks = gc_realloc(a->toks, a->cap * sizeof(tok_t));
    }
    a->toks[a->len++] = *t;
}

void tok_record_until(compiler_t *c, const int *stops, tok_array_t *out) {
    out->toks = NULL;
    out->len = out->cap = 0;
    int depth = 0;
    int lambdas = 0;      // lambda parameter lists open at depth 0: their commas do not stop
    for (;;) {
        int k = c->cur.kind;
        if (k == TOK_END) {
            break;
        }
        if (depth == 0 && k == TOK_KW_LAMBDA) {
            lambdas++;
        } else if (depth == 0 && lambdas > 0 && k == TOK_COLON) {
            lambdas--;
        } else if (depth == 0 && lambdas > 0 && k == TOK_COMMA) {
            tok_array_push(out, &c->cur);
            tok_advance(c);
            continue;
        }
        if (depth == 0) {
            bool stop = k == TOK_NEWLINE || k == TOK_SEMI || is_close(k);
            for (const int *s = stops; !stop && *s >= 0; s++) {
                stop = k == *s;
            }
            if (stop) {
                break;
            }
        }
        if (is_open(k)) {
            depth++;
        } else if (is_close(k)) {
            depth--;
        }
        tok_array_push(out, &c->cur);
        tok_advance(c);
    }
}

void tok_replay(compiler_t *c, const tok_array_t *toks) {
    if (toks->len == 0) {
        return;
    }
    if (c->n_replays == REPLAY_DEPTH) {
        compile_error(c, "expression too complex");
    }
    replay_t *r = &c->replays[c->n_replays++];
    r->toks = toks->toks;
    r->len = toks->len;
    r->pos = 1;
    r->saved_cur = c->cur;
    c->cur = toks->toks[0];
}

void tok_replay_end(compiler_t *c) {
    (void)c;
}

bool tok_replay_active(compiler_t *c, const tok_array_t *toks) {
    return c->n_replays > c->replay_base && c->replays[c->n_replays - 1].toks == toks->toks;
}

size_t tok_replay_remaining(compiler_t *c) {
    if (c->n_replays <= c->replay_base) {
        return 0;
    }
    replay_t *r = &c->replays[c->n_replays - 1];
    return r->len - r->pos + 1;    // the current token is one of them
}

// What may stand at bracket depth 0 of an assignment target, or inside a
// bracket that is a tuple or list target (not a call or subscript).
static bool target_token(int k) {
    return k == TOK_NAME || k == TOK_DOT || k == TOK_COMMA || k == TOK_STAR || is_open(k) || is_close(k);
}

int tok_scan_assignment(compiler_t *c) {
    // free_depth > 0: inside a call or subscript, where anything goes.
    int depth = 0, free_depth = 0;
    int prev = 0;
    for (size_t i = 0;; i++) {
        const tok_t *t = i == 0 ? &c->cur : tok_peek(c, i);
        int k = t->kind;
        if (free_depth > 0) {
            if (k == TOK_NEWLINE || k == TOK_END) {
                return 0;
            }
            if (is_open(k)) {
                free_depth++;
            } else if (is_close(k)) {
                free_depth--;
            }
            prev = k;
            continue;
        }
        if (depth == 0) {
            if (k == TOK_ASSIGN || k == TOK_COLON || (k >= TOK_PLUS_ASSIGN && k <= TOK_AT_ASSIGN)) {
                return i == 0 ? 0 : k;
            }
        }
        if (!target_token(k) && depth > 0) {
            // Inside brackets anything may come ([1][0] = 2): skip to their
            // end; the target's own compilation checks it.
            free_depth = depth;
            depth = 0;
            prev = k;
            continue;
        }
        if (!target_token(k)) {
            // A literal can start a target: "abc"[0] = 1 compiles (and fails when run).
            bool literal = k == TOK_STRING || k == TOK_BYTES || k == TOK_INT || k == TOK_FLOAT
                           || k == TOK_KW_NONE || k == TOK_KW_TRUE || k == TOK_KW_FALSE;
            int next = tok_peek(c, i + 1)->kind;
            if (!literal || (next != TOK_LBRACKET && next != TOK_DOT)) {
                return 0;
            }
            k = TOK_NAME;
        }
        if (is_open(k)) {
            bool trailer = prev == TOK_NAME || prev == TOK_RPAREN || prev == TOK_RBRACKET;
            if (k == TOK_LBRACE) {
                return 0;
            }
            if (trailer) {
                free_depth = 1;
            } else {
                depth++;
            }
        } else if (is_close(k)) {
            if (depth == 0) {
                return 0;
            }
            depth--;
        }
        prev = k;
    }
}

// ---- bytecode buffers -----------------------------------------------------------

static const int8_t opcode_lengths[] = {
#define LEN_NONE 1
#define LEN_U8 2
#define LEN_U16 3
#define LEN_U8U8 3
#define LEN_U16U8 4
#define X(name, operands, effect, doc) LEN_##operands,
    OPCODES(X)
#undef X
};

int opcode_length(int op) {
    return op >= 0 && op < OP_COUNT ? opcode_lengths[op] : 1;
}

static const char *const opcode_names[] = {
#define X(name, operands, effect, doc) #name,
    OPCODES(X)
#undef X
};

const char *opcode_name(int op) {
    return op >= 0 && op < OP_COUNT ? opcode_names[op] : "?";
}

static const int8_t opcode_effects[] = {
#define VAR 0
#define X(name, operands, effect, doc) effect,
    OPCODES(X)
#undef X
#undef VAR
};

static uint8_t *code_room(compiler_t *c, size_t n) {
    scope_t *s = c->scope;
    if (s->code_len + n > s->code_cap) {
        size_t cap = s->code_cap ? s->code_cap : 64;
        while (cap < s->code_len + n) {
            cap *= 2;
        }
        s->code = s->code == NULL ? gc_alloc(cap, GC_LEAF) : gc_realloc(s->code, cap);
        s->code_cap = cap;
    }
    if (s->code_len + n > 0xFFFF) {
        compile_error(c, "function too big");
    }
    uint8_t *p = s->code + s->code_len;
    s->code_len += n;
    return p;
}

void emit_stack(compiler_t *c, int delta) {
    scope_t *s = c->scope;
    s->depth += delta;
    if (s->depth > s->max_depth) {
        s->max_depth = s->depth;
    }
}

void emit_set_line(compiler_t *c, uint32_t line) {
    scope_t *s = c->scope;
    if (line == s->last_line || line == 0) {
        return;
    }
    size_t offset_delta = s->code_len - s->last_line_offset;
    int32_t line_delta = (int32_t)line - (int32_t)s->last_line;
    while (offset_delta > 0 || line_delta != 0) {
        unsigned od = offset_delta > 255 ? 255 : (unsigned)offset_delta;
        int ld = line_delta > 127 ? 127 : line_delta < -128 ? -128 : line_delta;
        if (od == 255) {
            ld = 0;    // move the offset first, then the line
        }
        if (s->lines_len + 2 > s->lines_cap) {
            s->lines_cap = !s->lines_cap ? 32 : s->lines_cap < 512 ? s->lines_cap * 2 : s->lines_cap + s->lines_cap / 2;
            s->lines = s->lines == NULL ? gc_alloc(s->lines_cap, GC_LEAF) : gc_realloc(s->lines, s->lines_cap);
        }
        s->lines[s->lines_len++] = (uint8_t)od;
        s->lines[s->lines_len++] = (uint8_t)(int8_t)ld;
        offset_delta -= od;
        line_delta -= ld;
    }
    s->last_line = line;
    s->last_line_offset = s->code_len;
}

static void emit_line_of_cur(compiler_t *c) {
    emit_set_line(c, c->cur.line);
}

void emit_op(compiler_t *c, int op) {
    emit_line_of_cur(c);
    *code_room(c, 1) = (uint8_t)op;
    emit_stack(c, opcode_effects[op]);
}

void emit_op_u8(compiler_t *c, int op, unsigned arg) {
    emit_line_of_cur(c);
    uint8_t *p = code_room(c, 2);
    p[0] = (uint8_t)op;
    p[1] = (uint8_t)arg;
    emit_stack(c, opcode_effects[op]);
}

void emit_op_u16(compiler_t *c, int op, unsigned arg) {
    emit_line_of_cur(c);
    uint8_t *p = code_room(c, 3);
    p[0] = (uint8_t)op;
    p[1] = (uint8_t)arg;
    p[2] = (uint8_t)(arg >> 8);
    emit_stack(c, opcode_effects[op]);
}

void emit_op_u8u8(compiler_t *c, int op, unsigned a, unsigned b) {
    emit_line_of_cur(c);
    uint8_t *p = code_room(c, 3);
    p[0] = (uint8_t)op;
    p[1] = (uint8_t)a;
    p[2] = (uint8_t)b;
    emit_stack(c, opcode_effects[op]);
}

void emit_op_u16u8(compiler_t *c, int op, unsigned a, unsigned b) {
    emit_line_of_cur(c);
    uint8_t *p = code_room(c, 4);
    p[0] = (uint8_t)op;
    p[1] = (uint8_t)a;
    p[2] = (uint8_t)(a >> 8);
    p[3] = (uint8_t)b;
    emit_stack(c, opcode_effects[op]);
}

uint32_t emit_here(compiler_t *c) {
    return (uint32_t)c->scope->code_len;
}

uint32_t emit_jump(compiler_t *c, int op) {
    emit_op_u16(c, op, 0);
    return (uint32_t)c->scope->code_len - 2;
}

// A jump attributed to another line than the current token's (a loop's
// jump back to its header).
uint32_t emit_jump_at_line(compiler_t *c, int op, uint32_t line) {
    emit_set_line(c, line);
    uint32_t saved = c->cur.line;
    c->cur.line = line;
    uint32_t at = emit_jump(c, op);
    c->cur.line = saved;
    return at;
}

void patch_jump_to(compiler_t *c, uint32_t at, uint32_t target) {
    c->scope->code[at] = (uint8_t)target;
    c->scope->code[at + 1] = (uint8_t)(target >> 8);
}

void patch_jump(compiler_t *c, uint32_t at) {
    patch_jump_to(c, at, emit_here(c));
}

// Jumps waiting for the same target are chained through their own operands
// (as Lua does): a list is the operand offset + 1 of the newest jump, whose
// operand holds the next one's. No array of sites lives on the C stack.
void jump_list_add(compiler_t *c, uint32_t *list, uint32_t operand_at) {
    patch_jump_to(c, operand_at, *list);
    *list = operand_at + 1;
}

void jump_list_patch(compiler_t *c, uint32_t list) {
    while (list != 0) {
        uint32_t at = list - 1;
        list = (uint32_t)(c->scope->code[at] | (c->scope->code[at + 1] << 8));
        patch_jump(c, at);
    }
}

void emit_truncate(compiler_t *c, uint32_t offset) {
    scope_t *s = c->scope;
    s->code_len = offset;
    if (s->last_line_offset > offset) {
        // The line table may now point past the end; that is harmless.
        s->last_line_offset = offset;
    }
}

// A str or bytes constant equal to another can share it.
static bool same_string_const(value_t a, value_t b) {
    if (!VAL_IS_OBJ(a) || !VAL_IS_OBJ(b) || OBJ(a)->type != OBJ(b)->type
        || (OBJ(a)->type != &type_str && OBJ(a)->type != &type_bytes)) {
        return false;
    }
    const str_obj_t *x = VAL_PTR(a), *y = VAL_PTR(b);
    return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
}

// Constants made while compiling (the lexer's strings, numbers) live as
// long as the code: they move to the long-lived end of the heap, so that
// they do not split the free memory the compiler's buffers leave.
value_t const_to_long(value_t v) {
    if (VAL_IS_OBJ(v)) {
        const type_t *t = OBJ(v)->type;
        if (t == &type_str || t == &type_bytes || t == &type_float || t == &type_int || t == &type_complex) {
            v = PTR_VAL(gc_move_long(VAL_PTR(v)));
        }
    }
    return v;
}

unsigned add_const(compiler_t *c, value_t v) {
    scope_t *s = c->scope;
    // Reuse an identical constant (same object or same immediate).
    for (size_t i = 0; i < s->n_consts; i++) {
        if (s->consts[i] == v || same_string_const(s->consts[i], v)) {
            return (unsigned)i;
        }
    }
    v = const_to_long(v);
    if (s->n_consts == s->cap_consts) {
        s->cap_consts = s->cap_consts ? s->cap_consts * 2 : 8;
        s->consts = gc_realloc(s->consts, s->cap_consts * sizeof(value_t));
    }
    if (s->n_consts >= 0xFFFF) {
        compile_error(c, "too many constants");
    }
    s->consts[s->n_consts] = v;
    return (unsigned)s->n_consts++;
}

void emit_const(compiler_t *c, value_t v) {
    if (v == VAL_NONE) {
        emit_op(c, OP_LOAD_NONE);
    } else if (v == VAL_TRUE) {
        emit_op(c, OP_LOAD_TRUE);
    } else if (v == VAL_FALSE) {
        emit_op(c, OP_LOAD_FALSE);
    } else if (VAL_IS_SMALL(v) && SMALL_VALUE(v) >= -32768 && SMALL_VALUE(v) < 32768) {
        emit_op_u16(c, OP_LOAD_SMALL, (unsigned)(SMALL_VALUE(v) + 32768));
    } else {
        emit_op_u16(c, OP_LOAD_CONST, add_const(c, v));
    }
}

void loop_add_break(compiler_t *c, loop_t *loop, uint32_t operand_at) {
    if (loop->n_breaks == loop->cap_breaks) {
        loop->cap_breaks = loop->cap_breaks ? loop->cap_breaks * 2 : 4;
        loop->breaks = gc_realloc(loop->breaks, loop->cap_breaks * sizeof(uint32_t));
    }
    loop->breaks[loop->n_breaks++] = operand_at;
}

// ---- names ----------------------------------------------------------------

static size_t name_find_or_add(compiler_t *c, scope_t *s, qstr_t name) {
    for (size_t i = 0; i < s->n_names; i++) {
        if (s->names[i].name == name) {
            return i;
        }
    }
    if (s->n_names == s->cap_names) {
        s->cap_names = !s->cap_names ? 8 : s->cap_names < 64 ? s->cap_names * 2 : s->cap_names + s->cap_names / 2;
        s->names = gc_realloc(s->names, s->cap_names * sizeof(name_entry_t));
    }
    if (s->n_names >= 0xFFFF) {
        compile_error(c, "too many names");
    }
    name_entry_t *e = &s->names[s->n_names];
    e->name = name;
    e->flags = 0;
    e->slot = 0xFFFF;
    return s->n_names++;
}

void scope_declare(compiler_t *c, qstr_t name, uint8_t flags) {
    scope_t *s = c->scope;
    size_t index = name_find_or_add(c, s, name);
    name_entry_t *e = &s->names[index];
    if ((flags & (N_GLOBAL | N_NONLOCAL)) && (e->flags & (N_USED | N_ASSIGNED | N_PARAM))) {
        if (e->flags & N_PARAM) {
            compile_error(c, "name is parameter and global");
        }
        compile_error(c, flags & N_GLOBAL ? "name used prior to global declaration"
                                          : "name used prior to nonlocal declaration");
    }
    e->flags |= flags;
}

static bool is_comprehension(const scope_t *s) {
    return s->kind == SCOPE_FUNCTION && (s->name == Q_lt_listcomp_gt || s->name == Q_lt_setcomp_gt
                                         || s->name == Q_lt_dictcomp_gt || s->name == Q_lt_genexpr_gt);
}

void scope_require_async(compiler_t *c, const char *what) {
    const scope_t *s = c->scope;
    while (s != NULL && is_comprehension(s)) {
        s = s->parent;
    }
    if (s == NULL || s->kind != SCOPE_FUNCTION || !(s->flags & CODE_COROUTINE)) {
        compile_error(c, what);
    }
}

// `name := value` inside a comprehension binds name in the scope that
// contains the comprehension (PEP 572).
void scope_walrus_target(compiler_t *c, qstr_t name) {
    scope_t *s = c->scope;
    if (!is_comprehension(s)) {
        return;
    }
    for (const scope_t *comp = s; is_comprehension(comp); comp = comp->parent) {
        // the comprehension's own names so far are its iteration variables
        for (size_t i = 0; i < comp->n_names; i++) {
            if (comp->names[i].name == name && (comp->names[i].flags & N_ASSIGNED)) {
                compile_error_name(c, "assignment expression cannot rebind comprehension iteration variable '%q'",
                                   name);
            }
        }
        if (comp->parent != NULL && comp->parent->kind == SCOPE_CLASS) {
            compile_error(c, "assignment expression within a comprehension cannot be used in a class body");
        }
    }
    scope_t *target = s->parent;
    while (target != NULL && is_comprehension(target)) {
        target = target->parent;
    }
    if (target == NULL) {
        return;
    }
    size_t i = name_find_or_add(c, s, name);
    if (target->kind == SCOPE_FUNCTION) {
        s->names[i].flags |= N_NONLOCAL;
        for (scope_t *mid = s->parent; mid != target; mid = mid->parent) {
            size_t k = name_find_or_add(c, mid, name);
            mid->names[k].flags |= N_NONLOCAL;
        }
        size_t t = name_find_or_add(c, target, name);
        target->names[t].flags |= N_ASSIGNED;
    } else {
        s->names[i].flags |= N_GLOBAL;
        for (scope_t *mid = s->parent; mid != target; mid = mid->parent) {
            size_t k = name_find_or_add(c, mid, name);
            mid->names[k].flags |= N_GLOBAL;
        }
    }
}

void emit_name(compiler_t *c, int op, qstr_t name) {
    scope_t *s = c->scope;
    size_t i = name_find_or_add(c, s, name);
    s->names[i].flags |= N_USED | (op != OP_NAME_LOAD ? N_ASSIGNED : 0);
    emit_op_u16(c, op, (unsigned)i);
}

// ---- scopes ---------------------------------------------------------------

// The __qualname__ prefix of scopes nested in p: "C" in class C,
// "f.<locals>" in function f, made (and interned) once per scope that has
// nested ones.
static qstr_t child_prefix(scope_t *p) {
    if (p == NULL || p->kind == SCOPE_MODULE) {
        return Q_NULL;
    }
    if (p->child_prefix == Q_NULL) {
        vstr_t vs;
        vstr_init(&vs, 32);
        size_t len;
        const char *text;
        if (p->prefix != Q_NULL) {
            text = qstr_data(p->prefix, &len);
            vstr_add_strn(&vs, text, len);
            vstr_add_char(&vs, '.');
        }
        text = qstr_data(p->name, &len);
        vstr_add_strn(&vs, text, len);
        if (p->kind == SCOPE_FUNCTION) {
            vstr_add_str(&vs, ".<locals>");
        }
        p->child_prefix = qstr_from_strn(vs.buf, vs.len);
    }
    return p->child_prefix;
}

void scope_open(compiler_t *c, scope_t *s, scope_kind_t kind, qstr_t name) {
    vm_check_c_stack();
    memset(s, 0, sizeof(*s));
    s->prefix = child_prefix(c->scope);
    s->parent = c->scope;
    s->kind = kind;
    s->name = name;
    s->first_line = c->cur.line;
    s->last_line = c->cur.line;
    if (kind != SCOPE_FUNCTION) {
        s->flags |= CODE_NAMESPACE;
    }
    c->scope = s;
}

// Rewrites one NAME_* instruction at p to the final form.
static void patch_site(uint8_t *p, int final_kind, unsigned arg) {
    // final_kind: 0 fast, 1 deref, 2 global, 3 name
    static const uint8_t ops[4][3] = {
        {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
    };
    int which = p[0] == OP_NAME_LOAD ? 0 : p[0] == OP_NAME_STORE ? 1 : 2;
    p[0] = ops[final_kind][which];
    p[1] = (uint8_t)arg;
    p[2] = (uint8_t)(arg >> 8);
}

static void qstr_operand_check(compiler_t *c, qstr_t q) {
    if (q > 0xFFFF) {
        compile_error(c, "too many names in program");
    }
}

static bool has_enclosing_function(const scope_t *s) {
    for (const scope_t *p = s->parent; p != NULL; p = p->parent) {
        if (p->kind == SCOPE_FUNCTION) {
            return true;
        }
    }
    return false;
}

static void add_dsite(compiler_t *c, scope_t *s, qstr_t name, code_t *code, uint32_t offset, uint16_t slot,
                      uint8_t class_load) {
    if (s->n_dsites == s->cap_dsites) {
        s->cap_dsites = s->cap_dsites ? s->cap_dsites * 2 : 8;
        s->dsites = gc_realloc(s->dsites, s->cap_dsites * sizeof(deferred_site_t));
        s->dsite_names = gc_realloc(s->dsite_names, s->cap_dsites * sizeof(qstr_t));
    }
    s->dsites[s->n_dsites].code = code;
    s->dsites[s->n_dsites].offset = offset;
    s->dsites[s->n_dsites].slot = slot;
    s->dsites[s->n_dsites].class_load = class_load;
    s->dsite_names[s->n_dsites] = name;
    s->n_dsites++;
    name_find_or_add(c, s, name);
}

static void add_dfree(compiler_t *c, scope_t *s, qstr_t name, code_t *code, uint16_t index, bool nonlocal) {
    if (s->n_dfree == s->cap_dfree) {
        s->cap_dfree = s->cap_dfree ? s->cap_dfree * 2 : 8;
        s->dfree = gc_realloc(s->dfree, s->cap_dfree * sizeof(deferred_free_t));
    }
    s->dfree[s->n_dfree].name = name;
    s->dfree[s->n_dfree].code = code;
    s->dfree[s->n_dfree].index = index;
    s->dfree[s->n_dfree].nonlocal = nonlocal;
    s->n_dfree++;
    name_find_or_add(c, s, name);
}

static bool name_nonlocal_in_nested(const scope_t *s, qstr_t name) {
    for (size_t i = 0; i < s->n_dfree; i++) {
        if (s->dfree[i].name == name && s->dfree[i].nonlocal) {
            return true;
        }
    }
    return false;
}

static bool name_needed_by_nested(const scope_t *s, qstr_t name) {
    for (size_t i = 0; i < s->n_dfree; i++) {
        if (s->dfree[i].name == name) {
            return true;
        }
    }
    for (size_t i = 0; i < s->n_dsites; i++) {
        if (s->dsite_names[i] == name) {
            return true;
        }
    }
    return false;
}

#define SHRINK_IN_PLACE 4096

static void *take_buffer(void *buf, size_t len, unsigned flags) {
    if (buf != NULL && len >= SHRINK_IN_PLACE) {
        return gc_realloc(buf, len);
    }
    void *p = gc_alloc(len + 1, flags | GC_LONG);
    if (len > 0) {
        memcpy(p, buf, len);
    }
    gc_free(buf);   // the next function's buffers can take its place
    return p;
}

value_t scope_close(compiler_t *c) {
    scope_t *s = c->scope;
    bool enclosed = has_enclosing_function(s);
    // 1. Slots. Parameters already have theirs.
    uint16_t n_locals = 0;
    for (size_t i = 0; i < s->n_names; i++) {
        if (s->names[i].flags & N_PARAM) {
            n_locals++;
        }
    }
    if (s->kind == SCOPE_FUNCTION) {
        for (size_t i = 0; i < s->n_names; i++) {
            name_entry_t *e = &s->names[i];
            if ((e->flags & N_ASSIGNED) && !(e->flags & (N_GLOBAL | N_NONLOCAL | N_PARAM))) {
                e->slot = n_locals++;
            }
        }
    }
    uint16_t n_free = 0, n_cells = 0;
    for (size_t i = 0; i < s->n_names; i++) {
        name_entry_t *e = &s->names[i];
        bool local = s->kind == SCOPE_FUNCTION && e->slot != 0xFFFF && !(e->flags & (N_GLOBAL | N_NONLOCAL));
        bool nested = name_needed_by_nested(s, e->name);
        if (local) {
            if (nested) {
                e->flags |= N_CELL;
                n_cells++;
            }
        } else if (e->flags & N_GLOBAL) {
            // global
        } else if ((e->flags & N_NONLOCAL) || name_nonlocal_in_nested(s, e->name)) {
            // an enclosing function must bind it (a class's names do not count)
            if (!enclosed) {
                compile_error_name(c, "no binding for nonlocal '%q' found", e->name);
            }
            e->flags |= N_FREE | N_VIA_NONLOCAL;
        } else if (enclosed && (nested || (s->kind == SCOPE_FUNCTION && (e->flags & N_USED))
                                || (s->kind == SCOPE_CLASS && (e->flags & N_USED) && !(e->flags & N_ASSIGNED)))) {
            e->flags |= N_FREE;
        }
        if (e->flags & N_FREE) {
            e->slot = (uint16_t)(n_locals + n_free++);
        }
    }

    // 2. The code object.
    code_t *code = gc_alloc(sizeof(code_t), GC_LONG);
    code->base.type = &type_code;
    // A big function's compile buffers become its code's arrays, shrunk in
    // place, so that no second copy of its bytecode is needed; a small one's
    // are copied to the long-lived end of the heap (see gc.c).
    uint8_t *bytecode = take_buffer(s->code, s->code_len, GC_LEAF);
    s->code = NULL;
    code->bytecode = bytecode;
    code->code_len = (uint32_t)s->code_len;
    value_t *consts = take_buffer(s->consts, s->n_consts * sizeof(value_t), 0);
    s->consts = NULL;
    code->consts = consts;
    code->n_consts = (uint16_t)s->n_consts;
    code->n_pos = s->n_pos;
    code->n_kwonly = s->n_kwonly;
    code->n_posonly = s->n_posonly;
    code->n_locals = n_locals;
    code->n_free = n_free;
    code->n_cells = n_cells;
    code->stack_size = (uint16_t)(s->max_depth + 1);
    code->max_blocks = (uint16_t)s->max_blocks;
    code->flags = s->flags;
    code->name = s->name;
    code->qual_prefix = s->prefix;
    code->filename = c->filename;
    code->first_line = s->first_line;
    code->doc = s->doc;
    uint8_t *lines = take_buffer(s->lines, s->lines_len, GC_LEAF);
    s->lines = NULL;
    code->lines = lines;
    code->lines_len = (uint32_t)s->lines_len;
    // The slots' names, the cells and where free variables come from: one
    // allocation (each ends with a spare entry).
    size_t n_slot_names = (size_t)n_locals + n_free + 1;
    qstr_t *slot_names = gc_alloc(n_slot_names * sizeof(qstr_t) + ((size_t)n_cells + 1 + n_free + 1) * sizeof(uint16_t),
                                  GC_LEAF | GC_LONG);
    uint16_t *cells = (uint16_t *)(slot_names + n_slot_names);
    uint16_t *free_from = cells + n_cells + 1;
    memset(free_from, 0xFF, (n_free + 1) * sizeof(uint16_t));
    code->cells = cells;
    code->free_from = free_from;
    n_cells = 0;
    for (size_t i = 0; i < s->n_names; i++) {
        name_entry_t *e = &s->names[i];
        if (e->slot != 0xFFFF && (s->kind == SCOPE_FUNCTION || (e->flags & N_FREE))) {
            slot_names[e->slot] = e->name;
        }
        if (e->flags & N_CELL) {
            cells[n_cells++] = e->slot;
        }
    }
    code->slot_names = slot_names;

    // 3. Our own sites.
    scope_t *parent = s->parent;
    // The NAME_* instructions are found by walking the bytecode: no list of
    // them is kept while compiling.
    for (size_t at = 0; at < s->code_len; at += (size_t)opcode_length(bytecode[at])) {
        uint8_t op = bytecode[at];
        if (op != OP_NAME_LOAD && op != OP_NAME_STORE && op != OP_NAME_DELETE) {
            continue;
        }
        uint8_t *p = bytecode + at;
        name_entry_t *e = &s->names[p[1] | (p[2] << 8)];
        if (s->kind == SCOPE_CLASS && (e->flags & N_FREE) && !(e->flags & N_ASSIGNED) && p[0] == OP_NAME_LOAD) {
            // A class body reading a variable of an enclosing function:
            // its namespace first, then the cell (or globals).
            add_dsite(c, parent, e->name, code, (uint32_t)at, e->slot, 1);
        } else if (s->kind == SCOPE_CLASS && !(e->flags & (N_GLOBAL | N_NONLOCAL))) {
            // A class body's own names live in its namespace; the free
            // variable of the same name only passes through to methods.
            qstr_operand_check(c, e->name);
            patch_site(p, 3, e->name);
        } else if (e->flags & N_FREE) {
            // Decided by the enclosing scope: deref, or global after all.
            add_dsite(c, parent, e->name, code, (uint32_t)at, e->slot, 0);
        } else if (e->flags & N_CELL) {
            patch_site(p, 1, e->slot);
        } else if (s->kind == SCOPE_FUNCTION && e->slot != 0xFFFF && !(e->flags & N_GLOBAL)) {
            patch_site(p, 0, e->slot);
        } else if (s->kind != SCOPE_FUNCTION && !(e->flags & N_GLOBAL)) {
            qstr_operand_check(c, e->name);
            patch_site(p, 3, e->name);
        } else {
            qstr_operand_check(c, e->name);
            patch_site(p, 2, e->name);
        }
    }
    // Our free variables come from the enclosing scope's slots.
    for (size_t i = 0; i < s->n_names; i++) {
        name_entry_t *e = &s->names[i];
        if (e->flags & N_FREE) {
            add_dfree(c, parent, e->name, code, (uint16_t)(e->slot - n_locals), (e->flags & N_VIA_NONLOCAL) != 0);
        }
    }

    // 4. Sites and free tables of nested code that waited for us.
    for (size_t i = 0; i < s->n_dsites; i++) {
        qstr_t name = s->dsite_names[i];
        deferred_site_t *d = &s->dsites[i];
        size_t index = name_find_or_add(c, s, name);
        name_entry_t *e = &s->names[index];
        uint8_t *p = (uint8_t *)d->code->bytecode + d->offset;
        if ((e->flags & N_CELL) || (e->flags & N_FREE)) {
            if (e->flags & N_FREE) {
                add_dsite(c, parent, name, d->code, d->offset, d->slot, d->class_load);
            } else if (d->class_load) {
                p[0] = OP_LOAD_CLASSDEREF;
                p[1] = (uint8_t)d->slot;
                p[2] = (uint8_t)(d->slot >> 8);
            } else {
                patch_site(p, 1, d->slot);
            }
        } else {
            qstr_operand_check(c, name);
            patch_site(p, d->class_load ? 3 : 2, name);
        }
    }
    for (size_t i = 0; i < s->n_dfree; i++) {
        deferred_free_t *d = &s->dfree[i];
        size_t index = name_find_or_add(c, s, d->name);
        name_entry_t *e = &s->names[index];
        if ((e->flags & N_CELL) || (e->flags & N_FREE)) {
            ((uint16_t *)d->code->free_from)[d->index] = e->slot;   // a code object of this compilation
        }
    }

    // The compile buffers are freed now rather than at the next collection,
    // so that the next function's buffers can take their place (less
    // fragmentation in a small heap).
    gc_free(s->names);
    gc_free(s->dsites);
    gc_free(s->dsite_names);
    gc_free(s->dfree);
    gc_free(s->loops);
    c->scope = parent;
    return PTR_VAL(code);
}

size_t code_line(const code_t *code, size_t offset) {
    size_t line = code->first_line;
    size_t at = 0;
    for (size_t i = 0; i + 1 < code->lines_len; i += 2) {
        at += code->lines[i];
        if (at > offset) {
            break;
        }
        line += (int8_t)code->lines[i + 1];
    }
    return line;
}

// ---- moving code -----------------------------------------------------------------

static bool op_has_jump(int op) {
    switch (op) {
        case OP_JUMP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
        case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER:
        case OP_SETUP_EXCEPT: case OP_SETUP_FINALLY: case OP_SETUP_WITH:
        case OP_JUMP_IF_NOT_EXC_MATCH: case OP_UNWIND_JUMP:
            return true;
        default:
            return false;
    }
}

void code_cut(compiler_t *c, uint32_t start, code_piece_t *piece) {
    scope_t *s = c->scope;
    piece->len = s->code_len - start;
    piece->from = start;
    piece->code = gc_alloc(piece->len + 1, GC_LEAF);
    memcpy(piece->code, s->code + start, piece->len);
    emit_truncate(c, start);
    emit_stack(c, -1);
}

void code_paste(compiler_t *c, const code_piece_t *piece) {
    uint32_t at = emit_here(c);
    uint8_t *p = code_room(c, piece->len);
    memcpy(p, piece->code, piece->len);
    int32_t delta = (int32_t)at - (int32_t)piece->from;
    for (size_t i = 0; i < piece->len; i += (size_t)opcode_length(p[i])) {
        if (op_has_jump(p[i])) {
            unsigned target = (unsigned)(p[i + 1] | (p[i + 2] << 8));
            target = (unsigned)((int32_t)target + delta);
            p[i + 1] = (uint8_t)target;
            p[i + 2] = (uint8_t)(target >> 8);
        }
    }
    emit_stack(c, 1);
}
