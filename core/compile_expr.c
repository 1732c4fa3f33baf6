// SPDX-License-Identifier: MIT
// Expressions: precedence climbing over the token stream, emitting as it
// goes. An atom with trailers leaves its last step pending (an expdesc:
// a name, attribute or subscript not yet loaded), so that the caller can
// turn it into a load, a store, a delete or a method call.
#include <string.h>

#include "compile.h"

#define NESTING_MAX 400   // two per bracket level: CPython allows 200 brackets


static void nest_enter(compiler_t *c) {
    if (++c->nesting > NESTING_MAX) {
        compile_error(c, "too many nested parentheses");
    }
    // The C stack runs out first on the chip: RecursionError, not a crash.
    vm_check_c_stack();
}

static void nest_leave(compiler_t *c) {
    c->nesting--;
}

void exp_load(compiler_t *c, expdesc_t *e) {
    switch (e->kind) {
        case EXP_NAME:
            emit_name(c, OP_NAME_LOAD, e->name);
            break;
        case EXP_ATTR:
            emit_op_u16(c, OP_LOAD_ATTR, e->name);
            break;
        case EXP_SUBSCR:
            emit_op(c, OP_LOAD_SUBSCR);
            break;
        case EXP_STARRED:
            compile_error(c, "can't use starred expression here");
        case EXP_VALUE:
            break;
    }
    e->kind = EXP_VALUE;
}

void exp_store(compiler_t *c, expdesc_t *e) {
    switch (e->kind) {
        case EXP_NAME:
            emit_name(c, OP_NAME_STORE, e->name);
            break;
        case EXP_ATTR:
            emit_op_u16(c, OP_STORE_ATTR, e->name);
            break;
        case EXP_SUBSCR:
            emit_op(c, OP_STORE_SUBSCR);
            break;
        default:
            compile_error(c, "cannot assign to expression");
    }
}

static void exp_delete(compiler_t *c, expdesc_t *e) {
    switch (e->kind) {
        case EXP_NAME:
            emit_name(c, OP_NAME_DELETE, e->name);
            break;
        case EXP_ATTR:
            emit_op_u16(c, OP_DELETE_ATTR, e->name);
            break;
        case EXP_SUBSCR:
            emit_op(c, OP_DELETE_SUBSCR);
            break;
        default:
            compile_error(c, "cannot delete expression");
    }
}

// For `target op= value`: keeps what the store needs below the loaded value.
void exp_dup_for_augassign(compiler_t *c, expdesc_t *e) {
    if (e->kind == EXP_ATTR) {
        emit_op(c, OP_DUP_TOP);
    } else if (e->kind == EXP_SUBSCR) {
        emit_op(c, OP_DUP_TOP_TWO);
    } else if (e->kind != EXP_NAME) {
        compile_error(c, "illegal expression for augmented assignment");
    }
    expdesc_t load = *e;
    exp_load(c, &load);
}

void exp_store_after_augassign(compiler_t *c, expdesc_t *e) {
    if (e->kind == EXP_ATTR) {
        emit_op(c, OP_ROT_TWO);
    } else if (e->kind == EXP_SUBSCR) {
        emit_op(c, OP_ROT_THREE);
    }
    exp_store(c, e);
}

bool tok_starts_expr(int k) {
    switch (k) {
        case TOK_NAME: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_STRING:
        case TOK_BYTES: case TOK_FSTRING: case TOK_KW_NONE: case TOK_KW_TRUE:
        case TOK_KW_FALSE: case TOK_LPAREN: case TOK_LBRACKET: case TOK_LBRACE:
        case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_KW_NOT:
        case TOK_KW_LAMBDA: case TOK_KW_AWAIT: case TOK_ELLIPSIS: case TOK_STAR:
        case TOK_KW_YIELD:
            return true;
        default:
            return false;
    }
}

// ---- functions and lambdas ---------------------------------------------------

void emit_make_function(compiler_t *c, value_t code, unsigned flags) {
    emit_op_u16u8(c, OP_MAKE_FUNCTION, add_const(c, code), flags);
    emit_stack(c, 1 - ((flags & MAKE_FN_DEFAULTS) ? 1 : 0) - ((flags & MAKE_FN_KWDEFAULTS) ? 1 : 0));
}

static void skip_annotation(compiler_t *c) {
    uint32_t at = emit_here(c);
    int depth = c->scope->depth;
    expr(c);
    emit_truncate(c, at);
    c->scope->depth = depth;
}

static void params_add(compiler_t *c, params_t *p, qstr_t name) {
    for (int i = 0; i < p->n; i++) {
        if (p->names[i] == name) {
            compile_error(c, "duplicate argument in function definition");
        }
    }
    if (p->n == 255) {
        compile_error(c, "too many parameters");
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 8;
        p->names = gc_realloc(p->names, (size_t)p->cap * sizeof(qstr_t));
    }
    p->names[p->n++] = name;
}

void parse_params(compiler_t *c, params_t *p, int end_kind) {
    memset(p, 0, sizeof(*p));
    qstr_t star_name = Q_NULL, dstar_name = Q_NULL;
    int n_defaults = 0, n_kwdefaults = 0;
    bool after_star = false;
    bool lambda = end_kind == TOK_COLON;
    while (c->cur.kind != end_kind) {
        if (tok_accept(c, TOK_DSTAR)) {
            if (after_star && star_name == Q_NULL && p->n_kwonly == 0) {
                compile_error(c, "named arguments must follow bare *");
            }
            if (c->cur.kind != TOK_NAME) {
                compile_error(c, "invalid syntax");
            }
            dstar_name = QSTR_INDEX(c->cur.value);
            tok_advance(c);
            if (!lambda && tok_accept(c, TOK_COLON)) {
                skip_annotation(c);
            }
            tok_accept(c, TOK_COMMA);
            if (c->cur.kind != end_kind) {
                compile_error(c, "arguments cannot follow var-keyword argument");
            }
            break;
        }
        if (tok_accept(c, TOK_STAR)) {
            if (after_star) {
                compile_error(c, "* argument may appear only once");
            }
            after_star = true;
            if (n_defaults > 0) {
                emit_op_u16(c, OP_BUILD_TUPLE, (unsigned)n_defaults);
                emit_stack(c, 1 - n_defaults);
                p->make_flags |= MAKE_FN_DEFAULTS;
                n_defaults = -1;
            }
            if (c->cur.kind == TOK_NAME) {
                star_name = QSTR_INDEX(c->cur.value);
                tok_advance(c);
                if (!lambda && tok_accept(c, TOK_COLON)) {
                    skip_annotation(c);
                }
            } else if (c->cur.kind != TOK_COMMA) {
                compile_error(c, "named arguments must follow bare *");
            }
            if (!tok_accept(c, TOK_COMMA) && c->cur.kind != end_kind) {
                compile_error(c, "invalid syntax");
            }
            continue;
        }
        if (tok_accept(c, TOK_SLASH)) {
            if (after_star || p->n_posonly > 0 || p->n == 0) {
                compile_error(c, "invalid syntax");
            }
            p->n_posonly = p->n_pos;
            if (!tok_accept(c, TOK_COMMA) && c->cur.kind != end_kind) {
                compile_error(c, "invalid syntax");
            }
            continue;
        }
        if (c->cur.kind != TOK_NAME) {
            compile_error(c, "invalid syntax");
        }
        qstr_t name = QSTR_INDEX(c->cur.value);
        tok_advance(c);
        if (!lambda && tok_accept(c, TOK_COLON)) {
            skip_annotation(c);
        }
        params_add(c, p, name);
        if (after_star) {
            p->n_kwonly++;
        } else {
            p->n_pos++;
        }
        if (tok_accept(c, TOK_ASSIGN)) {
            if (after_star) {
                emit_const(c, QSTR(name));
                expr(c);
                n_kwdefaults++;
            } else {
                expr(c);
                n_defaults++;
            }
        } else if (!after_star && n_defaults > 0) {
            compile_error(c, "non-default argument follows default argument");
        }
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
    }
    if (after_star && star_name == Q_NULL && p->n_kwonly == 0) {
        compile_error(c, "named arguments must follow bare *");
    }
    if (n_defaults > 0) {
        emit_op_u16(c, OP_BUILD_TUPLE, (unsigned)n_defaults);
        emit_stack(c, 1 - n_defaults);
        p->make_flags |= MAKE_FN_DEFAULTS;
    }
    if (n_kwdefaults > 0) {
        emit_op_u16(c, OP_BUILD_MAP, (unsigned)n_kwdefaults);
        emit_stack(c, 1 - 2 * n_kwdefaults);
        p->make_flags |= MAKE_FN_KWDEFAULTS;
    }
    if (star_name != Q_NULL) {
        params_add(c, p, star_name);
        p->flags |= CODE_VARARGS;
    }
    if (dstar_name != Q_NULL) {
        params_add(c, p, dstar_name);
        p->flags |= CODE_VARKW;
    }
}

void scope_add_params(compiler_t *c, const params_t *p) {
    scope_t *s = c->scope;
    for (int i = 0; i < p->n; i++) {
        scope_declare(c, p->names[i], N_PARAM | N_ASSIGNED);
        s->names[s->n_names - 1].slot = (uint16_t)i;
    }
    s->n_pos = p->n_pos;
    s->n_kwonly = p->n_kwonly;
    s->n_posonly = p->n_posonly;
    s->flags |= p->flags;
}

COMPILE_OUT_OF_LINE static void lambda_expr(compiler_t *c) {
    tok_advance(c);   // lambda
    params_t p;
    parse_params(c, &p, TOK_COLON);
    tok_expect(c, TOK_COLON, NULL);
    scope_t s;
    scope_open(c, &s, SCOPE_FUNCTION, Q_lt_lambda_gt);
    scope_add_params(c, &p);
    gc_free(p.names);
    if (c->cur.kind == TOK_KW_YIELD) {
        compile_error(c, "invalid syntax");   // lambda: (yield) needs the brackets
    }
    expr(c);
    emit_op(c, OP_RETURN_VALUE);
    value_t code = scope_close(c);
    emit_make_function(c, code, p.make_flags);
}

// ---- f-strings -------------------------------------------------------------------

// Compiles the expression text src[0..len) in the current scope.
static void compile_sub_expression(compiler_t *c, const char *src, size_t len, uint32_t line) {
    // The lexer is big: its saved copy goes to the heap, not the C stack.
    lexer_t *saved_lex = gc_alloc(sizeof(lexer_t), 0);
    *saved_lex = c->lex;
    tok_t saved_cur = c->cur;
    tok_array_t saved_ahead = c->ahead;
    size_t saved_ahead_pos = c->ahead_pos;
    int saved_base = c->replay_base;
    c->replay_base = c->n_replays;
    c->ahead.toks = NULL;
    c->ahead.len = c->ahead.cap = 0;
    c->ahead_pos = 0;
    lex_init_mem(&c->lex, src, len);
    c->lex.line = line;
    tok_advance(c);
    if (c->cur.kind == TOK_NEWLINE || c->cur.kind == TOK_END) {
        compile_error(c, "f-string: empty expression not allowed");
    }
    expr_star_list_as_tuple(c);
    if (c->cur.kind != TOK_NEWLINE && c->cur.kind != TOK_END) {
        compile_error(c, "f-string: invalid syntax");
    }
    c->lex = *saved_lex;
    gc_free(saved_lex);
    c->cur = saved_cur;
    c->ahead = saved_ahead;
    c->ahead_pos = saved_ahead_pos;
    c->replay_base = saved_base;
}

static size_t push_literal(compiler_t *c, const char *s, size_t len, bool raw) {
    if (len == 0) {
        return 0;
    }
    if (raw) {
        emit_const(c, str_new(s, len));
        return 1;
    }
    char *out = NULL;
    size_t cap = 0;
    const char *err = NULL;
    size_t n = lex_decode_escapes(s, len, false, &out, &cap, &err);
    if (n == (size_t)-1) {
        compile_error(c, err != NULL ? err : "invalid escape");
    }
    emit_const(c, str_new(out, n));
    return 1;
}

// Finds the end of a replacement field's expression part: returns the
// index of the top-level '!', ':', '=' (debug) or '}' after start.
static size_t fstring_expr_end(compiler_t *c, const char *s, size_t len, size_t i) {
    int depth = 0;
    char quote = 0;
    for (; i < len; i++) {
        char ch = s[i];
        if (quote) {
            if (ch == '\\') {
                i++;
            } else if (ch == quote) {
                quote = 0;
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '#') {
            compile_error(c, "f-string expression part cannot include '#'");
        } else if (ch == '(' || ch == '[' || ch == '{') {
            depth++;
        } else if (ch == ')' || ch == ']' || (ch == '}' && depth > 0)) {
            depth--;
        } else if (depth == 0) {
            if (ch == '}' || ch == ':') {
                return i;
            }
            if (ch == '!' && i + 1 < len && s[i + 1] != '=') {
                return i;
            }
            if (ch == '=' && i + 1 < len && s[i + 1] != '=' && i > 0 && strchr("=!<>", s[i - 1]) == NULL) {
                return i;
            }
        }
    }
    compile_error(c, "f-string: expecting '}'");
}

static size_t fstring_parts(compiler_t *c, const char *s, size_t len, bool raw, uint32_t line, int nesting);

// Compiles one {...} field starting after '{' at s[i]; returns the index after '}'.
static size_t fstring_field(compiler_t *c, const char *s, size_t len, size_t i, bool raw, uint32_t line,
                            int nesting, size_t *pieces) {
    size_t end = fstring_expr_end(c, s, len, i);
    size_t expr_start = i, expr_end = end;
    if (s[end] == '=') {
        // f"{x = }": the text with its spaces, then the repr unless a
        // conversion or spec says otherwise.
        end++;
        while (end < len && (s[end] == ' ' || s[end] == '\t')) {
            end++;
        }
        *pieces += push_literal(c, s + expr_start, end - expr_start, true);
    }
    int conversion = 0;
    bool debug = s[expr_end] == '=';
    if (end < len && s[end] == '!') {
        if (end + 1 >= len) {
            compile_error(c, "f-string: expecting '}'");
        }
        char conv = s[end + 1];
        conversion = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : -1;
        if (conversion < 0) {
            compile_error(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        end += 2;
    } else if (debug && !(end < len && s[end] == ':')) {
        conversion = 2;
    }
    // Spaces before the expression are not an indent (f"{ x }").
    while (expr_start < expr_end && (s[expr_start] == ' ' || s[expr_start] == '\t')) {
        expr_start++;
    }
    compile_sub_expression(c, s + expr_start, expr_end - expr_start, line);
    bool has_spec = false;
    if (end < len && s[end] == ':') {
        // The spec runs to the matching '}' and may hold nested fields.
        size_t spec_start = end + 1, j = spec_start;
        int depth = 0;
        for (; j < len; j++) {
            if (s[j] == '{') {
                depth++;
            } else if (s[j] == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
        }
        if (nesting >= 2) {
            compile_error(c, "f-string: expressions nested too deeply");
        }
        size_t n = fstring_parts(c, s + spec_start, j - spec_start, raw, line, nesting + 1);
        if (n != 1) {
            emit_op_u16(c, OP_BUILD_STRING, (unsigned)n);
            emit_stack(c, 1 - (int)n);
        }
        has_spec = true;
        end = j;
    }
    if (end >= len || s[end] != '}') {
        compile_error(c, "f-string: expecting '}'");
    }
    emit_op_u8(c, OP_FORMAT_VALUE, (unsigned)conversion | (has_spec ? 4 : 0));
    emit_stack(c, has_spec ? -1 : 0);
    (*pieces)++;
    return end + 1;
}

// Pushes the pieces of an f-string body; returns how many.
static size_t fstring_parts(compiler_t *c, const char *s, size_t len, bool raw, uint32_t line, int nesting) {
    size_t pieces = 0;
    size_t lit = 0, i = 0;
    if (len == 0) {
        emit_const(c, QSTR(Q_empty));
        return 1;
    }
    while (i < len) {
        char ch = s[i];
        if (ch == '{' || ch == '}') {
            if (i + 1 < len && s[i + 1] == ch) {
                pieces += push_literal(c, s + lit, i + 1 - lit, raw);
                i += 2;
                lit = i;
                continue;
            }
            if (ch == '}') {
                compile_error(c, "f-string: single '}' is not allowed");
            }
            pieces += push_literal(c, s + lit, i - lit, raw);
            i = fstring_field(c, s, len, i + 1, raw, line, nesting, &pieces);
            lit = i;
            continue;
        }
        if (ch == '\\' && !raw && i + 1 < len) {
            i += 2;
            continue;
        }
        i++;
    }
    pieces += push_literal(c, s + lit, i - lit, raw);
    if (pieces == 0) {
        emit_const(c, QSTR(Q_empty));
        pieces = 1;
    }
    return pieces;
}

// Adjacent string literals, f-strings among them.
COMPILE_OUT_OF_LINE static void string_atom(compiler_t *c) {
    if (c->cur.kind == TOK_BYTES) {
        value_t v = c->cur.value;
        tok_advance(c);
        while (c->cur.kind == TOK_BYTES || c->cur.kind == TOK_STRING || c->cur.kind == TOK_FSTRING) {
            if (c->cur.kind != TOK_BYTES) {
                compile_error(c, "cannot mix bytes and nonbytes literals");
            }
            v = binary_op(BINOP_ADD, v, c->cur.value);
            tok_advance(c);
        }
        emit_const(c, v);
        return;
    }
    size_t pieces = 0;
    value_t pending = VAL_NULL;    // literal text not yet pushed
    while (c->cur.kind == TOK_STRING || c->cur.kind == TOK_FSTRING || c->cur.kind == TOK_BYTES) {
        if (c->cur.kind == TOK_BYTES) {
            compile_error(c, "cannot mix bytes and nonbytes literals");
        }
        if (c->cur.kind == TOK_STRING) {
            pending = pending == VAL_NULL ? c->cur.value : binary_op(BINOP_ADD, pending, c->cur.value);
        } else {
            if (pending != VAL_NULL) {
                emit_const(c, pending);
                pieces++;
                pending = VAL_NULL;
            }
            size_t len;
            const char *s = str_data(c->cur.value, &len);
            pieces += fstring_parts(c, s, len, c->cur.raw, c->cur.line, 0);
        }
        tok_advance(c);
    }
    if (pending != VAL_NULL) {
        emit_const(c, pending);
        pieces++;
    }
    if (pieces != 1) {
        emit_op_u16(c, OP_BUILD_STRING, (unsigned)pieces);
        emit_stack(c, 1 - (int)pieces);
    }
}

// ---- comprehensions ----------------------------------------------------------

typedef enum { COMP_LIST, COMP_SET, COMP_DICT, COMP_GEN } comp_kind_t;

static const int stops_in[] = {TOK_KW_IN, -1};

// Compiles `for target in iter [if cond]* [for ...]*` and then the element
// (recorded tokens), with the comprehension's own scope. The caller has read
// the element's tokens; the current token is `for` (or `async`).
COMPILE_OUT_OF_LINE static void comprehension(compiler_t *c, comp_kind_t kind, const tok_array_t *element, int close) {
    static const qstr_t names[] = {Q_lt_listcomp_gt, Q_lt_setcomp_gt, Q_lt_dictcomp_gt, Q_lt_genexpr_gt};
    bool is_async = tok_accept(c, TOK_KW_ASYNC);
    if (is_async) {
        scope_require_async(c, "asynchronous comprehension outside of an asynchronous function");
    }
    tok_expect(c, TOK_KW_FOR, NULL);
    tok_array_t target;
    tok_record_until(c, stops_in, &target);
    tok_expect(c, TOK_KW_IN, NULL);
    // The first iterable is evaluated in the enclosing scope.
    expr_no_cond(c);
    emit_op(c, is_async ? OP_GET_AITER : OP_GET_ITER);

    scope_t s;
    scope_open(c, &s, SCOPE_FUNCTION, names[kind]);
    s.n_pos = 1;
    scope_declare(c, Q_dot, N_PARAM | N_ASSIGNED);
    s.names[s.n_names - 1].slot = 0;
    if (kind == COMP_GEN) {
        s.flags |= CODE_GENERATOR;
    }
    if (kind == COMP_LIST) {
        emit_op_u16(c, OP_BUILD_LIST, 0);
        emit_stack(c, 1);
    } else if (kind == COMP_SET) {
        emit_op_u16(c, OP_BUILD_SET, 0);
        emit_stack(c, 1);
    } else if (kind == COMP_DICT) {
        emit_op_u16(c, OP_BUILD_MAP, 0);
        emit_stack(c, 1);
    }
    // Where each for clause's loop starts and the operand of its exit jump
    // (on the heap: the C stack is small on the chip).
    uint32_t *loop_starts = gc_alloc(2 * 32 * sizeof(uint32_t), GC_LEAF), *loop_exits = loop_starts + 32;
    int n_loops = 0;
    emit_name(c, OP_NAME_LOAD, Q_dot);
    for (;;) {
        if (n_loops == 32) {
            compile_error(c, "too many nested comprehension clauses");
        }
        loop_starts[n_loops] = emit_here(c);
        loop_exits[n_loops] = emit_jump(c, OP_FOR_ITER);
        n_loops++;
        tok_replay(c, &target);
        expr_target_store(c);
        tok_replay_end(c);
        // if clauses and further for clauses
        for (;;) {
            if (c->cur.kind == TOK_KW_IF) {
                tok_advance(c);
                expr_no_cond(c);
                uint32_t skip = emit_jump(c, OP_POP_JUMP_IF_FALSE);
                patch_jump_to(c, skip, loop_starts[n_loops - 1]);
                continue;
            }
            break;
        }
        if (c->cur.kind == TOK_KW_FOR || c->cur.kind == TOK_KW_ASYNC) {
            bool inner_async = tok_accept(c, TOK_KW_ASYNC);
            (void)inner_async;
            tok_expect(c, TOK_KW_FOR, NULL);
            tok_record_until(c, stops_in, &target);
            tok_expect(c, TOK_KW_IN, NULL);
            expr_no_cond(c);
            emit_op(c, OP_GET_ITER);
            continue;
        }
        break;
    }
    if (c->cur.kind != close) {
        compile_error(c, "invalid syntax");
    }
    // The element, in the innermost loop.
    tok_replay(c, element);
    int depth_to_container = n_loops + 1;   // iterators above the container
    if (kind == COMP_DICT) {
        expr(c);
        tok_expect(c, TOK_COLON, NULL);
        expr(c);
        emit_op_u16(c, OP_MAP_ADD, (unsigned)depth_to_container);
    } else if (kind == COMP_GEN) {
        expr(c);
        emit_op(c, OP_YIELD_VALUE);
        emit_op(c, OP_POP_TOP);
    } else {
        expr(c);
        emit_op_u16(c, kind == COMP_LIST ? OP_LIST_APPEND : OP_SET_ADD, (unsigned)depth_to_container);
    }
    tok_replay_end(c);
    if (c->cur.kind != close) {
        compile_error(c, "invalid syntax");
    }
    while (n_loops > 0) {
        n_loops--;
        uint32_t j = emit_jump(c, OP_JUMP);
        patch_jump_to(c, j, loop_starts[n_loops]);
        patch_jump(c, loop_exits[n_loops]);
        emit_stack(c, -1);    // FOR_ITER popped the iterator at the end
    }
    gc_free(loop_starts);
    if (kind == COMP_GEN) {
        emit_op(c, OP_LOAD_NONE);
    }
    emit_op(c, OP_RETURN_VALUE);
    value_t code = scope_close(c);
    emit_make_function(c, code, 0);
    emit_op(c, OP_ROT_TWO);
    emit_op_u8u8(c, OP_CALL, 1, 0);
    emit_stack(c, -1);
    (void)is_async;
}

// ---- displays -------------------------------------------------------------------

static const int stops_display[] = {TOK_KW_FOR, TOK_KW_ASYNC, TOK_COMMA, -1};

// After '(' '[' or '{': looks ahead over the first element. A comprehension
// (`for` at its bracket depth) has its element recorded, and true is
// returned with `for` current; otherwise nothing is consumed. Looking
// ahead keeps the tokens in the compiler's lookahead buffer, so nested
// brackets do not copy each other's tokens.
static bool first_element(compiler_t *c, tok_array_t *element) {
    int depth = 0, lambdas = 0;
    for (size_t i = 0;; i++) {
        const tok_t *t = i == 0 ? &c->cur : tok_peek(c, i);
        int k = t->kind;
        if (k == TOK_END || k == TOK_NEWLINE) {
            return false;
        }
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
            depth++;
            continue;
        }
        if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
            if (depth == 0) {
                return false;
            }
            depth--;
            continue;
        }
        if (depth > 0) {
            continue;
        }
        if (k == TOK_KW_LAMBDA) {
            lambdas++;
        } else if (k == TOK_COLON && lambdas > 0) {
            lambdas--;
        } else if (k == TOK_COMMA && lambdas == 0) {
            return false;
        } else if (k == TOK_KW_FOR || (k == TOK_KW_ASYNC && tok_peek(c, i + 1)->kind == TOK_KW_FOR)) {
            if (i == 0) {
                return false;
            }
            tok_record_until(c, stops_display, element);
            return true;
        }
    }
}

// A star element in a list/tuple/set display: builds incrementally.
static void display_items(compiler_t *c, int close, int build_op) {
    // Elements are pushed; at the first *x, everything so far becomes a list
    // that is then extended.
    int n = 0;
    bool building = false;
    while (c->cur.kind != close) {
        if (tok_accept(c, TOK_STAR)) {
            if (!building) {
                emit_op_u16(c, build_op == OP_BUILD_SET ? OP_BUILD_SET : OP_BUILD_LIST, (unsigned)n);
                emit_stack(c, 1 - n);
                building = true;
                n = 0;
            }
            expr(c);   // or_expr in CPython's grammar
            emit_op_u16(c, build_op == OP_BUILD_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            expr(c);
            if (building) {
                emit_op_u16(c, build_op == OP_BUILD_SET ? OP_SET_ADD : OP_LIST_APPEND, 1);
            } else {
                n++;
            }
        }
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
    }
    tok_expect(c, close, NULL);
    if (!building) {
        emit_op_u16(c, build_op, (unsigned)n);
        emit_stack(c, 1 - n);
    } else if (build_op == OP_BUILD_TUPLE) {
        emit_op(c, OP_LIST_TO_TUPLE);
    }
}

static void paren_atom(compiler_t *c) {
    tok_advance(c);    // (
    if (tok_accept(c, TOK_RPAREN)) {
        emit_op_u16(c, OP_BUILD_TUPLE, 0);
        emit_stack(c, 1);
        return;
    }
    if (c->cur.kind == TOK_KW_YIELD) {
        expr_star_list_as_tuple(c);   // yield expression
        tok_expect(c, TOK_RPAREN, NULL);
        return;
    }
    tok_array_t element;
    if (first_element(c, &element)) {
        comprehension(c, COMP_GEN, &element, TOK_RPAREN);
        tok_expect(c, TOK_RPAREN, NULL);
        return;
    }
    // A parenthesised expression, or a tuple when a comma or star appears.
    if (c->cur.kind != TOK_STAR) {
        expr(c);
        if (tok_accept(c, TOK_RPAREN)) {
            return;
        }
        if (!tok_accept(c, TOK_COMMA)) {
            compile_error(c, "invalid syntax");
        }
        // A tuple: the first item is on the stack.
        int n = 1;
        bool building = false;
        while (c->cur.kind != TOK_RPAREN) {
            if (tok_accept(c, TOK_STAR)) {
                if (!building) {
                    emit_op_u16(c, OP_BUILD_LIST, (unsigned)n);
                    emit_stack(c, 1 - n);
                    building = true;
                }
                expr(c);
                emit_op_u16(c, OP_LIST_EXTEND, 1);
            } else {
                expr(c);
                if (building) {
                    emit_op_u16(c, OP_LIST_APPEND, 1);
                } else {
                    n++;
                }
            }
            if (!tok_accept(c, TOK_COMMA)) {
                break;
            }
        }
        tok_expect(c, TOK_RPAREN, NULL);
        if (building) {
            emit_op(c, OP_LIST_TO_TUPLE);
        } else {
            emit_op_u16(c, OP_BUILD_TUPLE, (unsigned)n);
            emit_stack(c, 1 - n);
        }
        return;
    }
    display_items(c, TOK_RPAREN, OP_BUILD_TUPLE);
}

static void list_atom(compiler_t *c) {
    tok_advance(c);    // [
    if (tok_accept(c, TOK_RBRACKET)) {
        emit_op_u16(c, OP_BUILD_LIST, 0);
        emit_stack(c, 1);
        return;
    }
    tok_array_t element;
    if (first_element(c, &element)) {
        comprehension(c, COMP_LIST, &element, TOK_RBRACKET);
        tok_expect(c, TOK_RBRACKET, NULL);
        return;
    }
    display_items(c, TOK_RBRACKET, OP_BUILD_LIST);
}

static void dict_or_set_atom(compiler_t *c) {
    tok_advance(c);    // {
    if (tok_accept(c, TOK_RBRACE)) {
        emit_op_u16(c, OP_BUILD_MAP, 0);
        emit_stack(c, 1);
        return;
    }
    tok_array_t element;
    bool comp = first_element(c, &element);
    // Dict if the first element is `k: v` or `**m`.
    bool is_dict = false;
    if (comp) {
        for (size_t i = 0, depth = 0; i < element.len; i++) {
            int k = element.toks[i].kind;
            if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
                depth++;
            } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
                depth--;
            } else if (k == TOK_KW_LAMBDA && depth == 0) {
                break;
            } else if (k == TOK_COLON && depth == 0) {
                is_dict = true;
                break;
            }
        }
        comprehension(c, is_dict ? COMP_DICT : COMP_SET, &element, TOK_RBRACE);
        tok_expect(c, TOK_RBRACE, NULL);
        return;
    }
    if (c->cur.kind == TOK_STAR) {
        display_items(c, TOK_RBRACE, OP_BUILD_SET);
        return;
    }
    if (c->cur.kind == TOK_DSTAR) {
        emit_op_u16(c, OP_BUILD_MAP, 0);
        emit_stack(c, 1);
    } else {
        bool walrus = c->cur.kind == TOK_NAME && tok_peek(c, 1)->kind == TOK_WALRUS;
        expr(c);
        is_dict = c->cur.kind == TOK_COLON;
        if (is_dict && walrus) {
            compile_error(c, "invalid syntax");   // {a := 1: 2}: a key cannot be a named expression
        }
        if (!is_dict) {
            // A set: the first item is on the stack.
            int n = 1;
            bool building = false;
            while (tok_accept(c, TOK_COMMA) && c->cur.kind != TOK_RBRACE) {
                if (tok_accept(c, TOK_STAR)) {
                    if (!building) {
                        emit_op_u16(c, OP_BUILD_SET, (unsigned)n);
                        emit_stack(c, 1 - n);
                        building = true;
                    }
                    expr(c);
                    emit_op_u16(c, OP_SET_UPDATE, 1);
                } else {
                    expr(c);
                    if (building) {
                        emit_op_u16(c, OP_SET_ADD, 1);
                    } else {
                        n++;
                    }
                }
            }
            tok_expect(c, TOK_RBRACE, NULL);
            if (!building) {
                emit_op_u16(c, OP_BUILD_SET, (unsigned)n);
                emit_stack(c, 1 - n);
            }
            return;
        }
        tok_advance(c);   // :
        expr(c);
        emit_op_u16(c, OP_BUILD_MAP, 1);
        emit_stack(c, -1);
        if (!tok_accept(c, TOK_COMMA)) {
            tok_expect(c, TOK_RBRACE, NULL);
            return;
        }
    }
    // The rest of a dict: a set's *item cannot follow.
    while (c->cur.kind != TOK_RBRACE) {
        if (c->cur.kind == TOK_STAR) {
            compile_error(c, "invalid syntax");
        }
        if (tok_accept(c, TOK_DSTAR)) {
            expr(c);
            emit_op_u16(c, OP_DICT_UPDATE, 1);
        } else {
            c->no_walrus = true;
            expr(c);
            c->no_walrus = false;
            tok_expect(c, TOK_COLON, NULL);
            expr(c);
            emit_op_u16(c, OP_MAP_ADD, 1);
        }
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
    }
    tok_expect(c, TOK_RBRACE, NULL);
}

// ---- atoms and trailers ------------------------------------------------------------

static void atom_inner(compiler_t *c, expdesc_t *e);

// Inside brackets a named expression is allowed again.
static void atom(compiler_t *c, expdesc_t *e) {
    bool saved = c->no_walrus;
    int k = c->cur.kind;
    if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
        c->no_walrus = false;
    }
    atom_inner(c, e);
    c->no_walrus = saved;
}

static void atom_inner(compiler_t *c, expdesc_t *e) {
    e->kind = EXP_VALUE;
    switch (c->cur.kind) {
        case TOK_NAME:
            e->kind = EXP_NAME;
            e->name = QSTR_INDEX(c->cur.value);
            tok_advance(c);
            return;
        case TOK_INT:
        case TOK_FLOAT:
        case TOK_IMAG:
            emit_const(c, c->cur.value);
            tok_advance(c);
            return;
        case TOK_STRING:
        case TOK_FSTRING:
        case TOK_BYTES:
            string_atom(c);
            return;
        case TOK_KW_NONE:
            tok_advance(c);
            emit_op(c, OP_LOAD_NONE);
            return;
        case TOK_KW_TRUE:
            tok_advance(c);
            emit_op(c, OP_LOAD_TRUE);
            return;
        case TOK_KW_FALSE:
            tok_advance(c);
            emit_op(c, OP_LOAD_FALSE);
            return;
        case TOK_ELLIPSIS:
            tok_advance(c);
            emit_const(c, VAL_ELLIPSIS);
            return;
        case TOK_LPAREN:
            nest_enter(c);
            paren_atom(c);
            nest_leave(c);
            return;
        case TOK_LBRACKET:
            nest_enter(c);
            list_atom(c);
            nest_leave(c);
            return;
        case TOK_LBRACE:
            nest_enter(c);
            dict_or_set_atom(c);
            nest_leave(c);
            return;
        default:
            if (c->cur.kind == TOK_NEWLINE || c->cur.kind == TOK_END) {
                compile_error(c, "invalid syntax");
            }
            compile_error(c, "invalid syntax");
    }
}


// Call arguments after '('; the function (and self for a method) is on the
// stack. Emits the call.
// Keyword names of one call, to refuse f(a=1, a=2) as CPython does.
typedef struct kw_names {
    qstr_t *names;
    size_t n, cap;
} kw_names_t;

static void kw_names_add(compiler_t *c, kw_names_t *k, qstr_t name) {
    for (size_t i = 0; i < k->n; i++) {
        if (k->names[i] == name) {
            compile_error_name(c, "keyword argument repeated: %q", name);
        }
    }
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 8;
        k->names = gc_realloc(k->names, k->cap * sizeof(qstr_t));
    }
    k->names[k->n++] = name;
}

// A call with * or ** arguments: the positional arguments go into a list
// (BUILD_LIST, LIST_APPEND, LIST_EXTEND), then the keywords into a dict
// (BUILD_MAP, DICT_MERGE); CALL_EX takes both. As in CPython, every
// positional argument is evaluated before any keyword one, also a *args
// written after keywords (f(k=1, *a)): the keyword items are recorded and
// compiled after the positional ones.
void call_args_unpacking(compiler_t *c, unsigned n_before) {
    static const int stops_comma[] = {TOK_COMMA, -1};
    emit_op_u16(c, OP_BUILD_LIST, n_before);
    emit_stack(c, 1 - (int)n_before);
    bool kw_seen = false;      // a keyword argument came
    bool dstar_seen = false;   // a ** came
    tok_array_t *keywords = NULL;
    size_t n_keywords = 0, cap = 0;
    while (c->cur.kind != TOK_RPAREN) {
        if (c->cur.kind == TOK_STAR) {
            tok_advance(c);
            if (dstar_seen) {
                compile_error(c, "iterable argument unpacking follows keyword argument unpacking");
            }
            expr(c);
            emit_op_u16(c, OP_LIST_EXTEND, 1);
        } else if (c->cur.kind == TOK_DSTAR || (c->cur.kind == TOK_NAME && tok_peek(c, 1)->kind == TOK_ASSIGN)) {
            dstar_seen |= c->cur.kind == TOK_DSTAR;
            kw_seen |= c->cur.kind == TOK_NAME;
            if (n_keywords == cap) {
                cap = cap ? 2 * cap : 4;
                keywords = gc_realloc(keywords, cap * sizeof(tok_array_t));
            }
            tok_record_until(c, stops_comma, &keywords[n_keywords++]);
        } else {
            if (dstar_seen) {
                compile_error(c, "positional argument follows keyword argument unpacking");
            }
            if (kw_seen) {
                compile_error(c, "positional argument follows keyword argument");
            }
            expr(c);
            emit_op_u16(c, OP_LIST_APPEND, 1);
        }
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
    }
    if (n_keywords > 0) {
        emit_op_u16(c, OP_BUILD_MAP, 0);
        emit_stack(c, 1);
    }
    kw_names_t kw = {NULL, 0, 0};
    for (size_t i = 0; i < n_keywords; i++) {
        tok_replay(c, &keywords[i]);
        if (tok_accept(c, TOK_DSTAR)) {
            expr(c);
        } else {
            qstr_t name = QSTR_INDEX(c->cur.value);
            kw_names_add(c, &kw, name);
            tok_advance(c);
            tok_advance(c);
            emit_const(c, QSTR(name));
            c->no_walrus = true;
            expr(c);
            c->no_walrus = false;
            emit_op_u16(c, OP_BUILD_MAP, 1);
            emit_stack(c, -1);
        }
        tok_replay_end(c);
        emit_op_u16(c, OP_DICT_MERGE, 1);
    }
    gc_free(kw.names);
    gc_free(keywords);
    tok_expect(c, TOK_RPAREN, NULL);
    emit_op_u8(c, OP_CALL_EX, n_keywords > 0 ? 1 : 0);
    emit_stack(c, n_keywords > 0 ? -2 : -1);
}

static void call_args(compiler_t *c, bool method) {
    int n_pos = 0, n_kw = 0;
    bool first = true;
    kw_names_t kw = {NULL, 0, 0};
    while (c->cur.kind != TOK_RPAREN) {
        if (c->cur.kind == TOK_NAME && tok_peek(c, 1)->kind == TOK_ASSIGN) {
            qstr_t name = QSTR_INDEX(c->cur.value);
            kw_names_add(c, &kw, name);
            tok_advance(c);
            tok_advance(c);
            emit_const(c, QSTR(name));
            c->no_walrus = true;    // f(a=b := 1) is not allowed
            expr(c);
            c->no_walrus = false;
            n_kw++;
        } else {
            if (n_kw > 0) {
                compile_error(c, "positional argument follows keyword argument");
            }
            if (first) {
                tok_array_t element;
                if (first_element(c, &element)) {
                    comprehension(c, COMP_GEN, &element, TOK_RPAREN);
                    n_pos++;
                    if (c->cur.kind != TOK_RPAREN) {
                        compile_error(c, "Generator expression must be parenthesized");
                    }
                    break;
                }
            }
            expr(c);
            n_pos++;
        }
        first = false;
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
    }
    tok_expect(c, TOK_RPAREN, NULL);
    gc_free(kw.names);
    if (n_pos > 255 || n_kw > 255) {
        compile_error(c, "too many arguments");
    }
    emit_op_u8u8(c, method ? OP_CALL_METHOD : OP_CALL, (unsigned)n_pos, (unsigned)n_kw);
    emit_stack(c, -(n_pos + 2 * n_kw) - (method ? 1 : 0));
}

// Whether the call starting at the current '(' has * or ** arguments.
static bool call_has_unpacking(compiler_t *c) {
    int depth = 0, prev = c->cur.kind;
    for (size_t i = 1;; i++) {
        int k = tok_peek(c, i)->kind;
        if (k == TOK_END || k == TOK_NEWLINE) {
            return false;
        }
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
            depth++;
        } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
            if (depth == 0) {
                return false;
            }
            depth--;
        } else if (depth == 0 && (k == TOK_STAR || k == TOK_DSTAR) && (prev == TOK_LPAREN || prev == TOK_COMMA)) {
            return true;
        }
        prev = k;
    }
}

static void subscript(compiler_t *c) {
    // One index, a slice, or a tuple of them.
    int n = 0;
    bool tuple = false;
    while (c->cur.kind != TOK_RBRACKET) {
        if (c->cur.kind == TOK_COLON || tok_starts_expr(c->cur.kind)) {
            int parts = 1;
            if (c->cur.kind != TOK_COLON) {
                if (c->cur.kind == TOK_STAR) {
                    compile_error(c, "invalid syntax");
                }
                expr(c);
            } else {
                emit_op(c, OP_LOAD_NONE);
            }
            if (tok_accept(c, TOK_COLON)) {
                parts = 2;
                if (c->cur.kind != TOK_COLON && c->cur.kind != TOK_COMMA && c->cur.kind != TOK_RBRACKET) {
                    expr(c);
                } else {
                    emit_op(c, OP_LOAD_NONE);
                }
                if (tok_accept(c, TOK_COLON)) {
                    parts = 3;
                    if (c->cur.kind != TOK_COMMA && c->cur.kind != TOK_RBRACKET) {
                        expr(c);
                    } else {
                        emit_op(c, OP_LOAD_NONE);
                    }
                }
                emit_op_u8(c, OP_BUILD_SLICE, (unsigned)parts);
                emit_stack(c, 1 - parts);
            }
        } else {
            compile_error(c, "invalid syntax");
        }
        n++;
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
        tuple = true;
    }
    if (n == 0) {
        compile_error(c, "invalid syntax");
    }
    tok_expect(c, TOK_RBRACKET, NULL);
    if (tuple) {
        emit_op_u16(c, OP_BUILD_TUPLE, (unsigned)n);
        emit_stack(c, 1 - n);
    }
}

void expr_primary(compiler_t *c, expdesc_t *e) {
    atom(c, e);
    for (;;) {
        switch (c->cur.kind) {
            case TOK_DOT: {
                tok_advance(c);
                if (c->cur.kind != TOK_NAME) {
                    compile_error(c, "invalid syntax");
                }
                qstr_t name = QSTR_INDEX(c->cur.value);
                tok_advance(c);
                exp_load(c, e);
                e->kind = EXP_ATTR;
                e->name = name;
                break;
            }
            case TOK_LBRACKET: {
                exp_load(c, e);
                tok_advance(c);
                nest_enter(c);
                bool saved = c->no_walrus;
                c->no_walrus = false;
                subscript(c);
                c->no_walrus = saved;
                nest_leave(c);
                e->kind = EXP_SUBSCR;
                break;
            }
            case TOK_LPAREN: {
                bool saved = c->no_walrus;
                c->no_walrus = false;
                nest_enter(c);
                if (call_has_unpacking(c)) {
                    exp_load(c, e);
                    tok_advance(c);
                    call_args_unpacking(c, 0);
                } else if (e->kind == EXP_ATTR) {
                    emit_op_u16(c, OP_LOAD_METHOD, e->name);
                    tok_advance(c);
                    call_args(c, true);
                } else {
                    exp_load(c, e);
                    tok_advance(c);
                    call_args(c, false);
                }
                nest_leave(c);
                c->no_walrus = saved;
                e->kind = EXP_VALUE;
                break;
            }
            default:
                return;
        }
    }
}

// ---- operators ----------------------------------------------------------------
//
// One function parses every operator level by precedence climbing, so that
// an operand nested in brackets costs one C frame for all the levels (the
// chip's C stack is 8 KiB). Levels, loosest first:

enum {
    LEVEL_OR = 1, LEVEL_AND, LEVEL_NOT, LEVEL_COMPARE, LEVEL_BITOR, LEVEL_XOR, LEVEL_BITAND,
    LEVEL_SHIFT, LEVEL_ARITH, LEVEL_TERM, LEVEL_UNARY, LEVEL_POWER,
};

// The level of the current token as an infix operator (0: it is not one),
// and its BINOP_* for the binary operators.
static int infix_level(compiler_t *c, int *op) {
    switch (c->cur.kind) {
        case TOK_KW_OR: return LEVEL_OR;
        case TOK_KW_AND: return LEVEL_AND;
        case TOK_LT: case TOK_GT: case TOK_EQ: case TOK_NE: case TOK_LE: case TOK_GE:
        case TOK_KW_IN: case TOK_KW_IS:
            return LEVEL_COMPARE;
        case TOK_KW_NOT: return tok_peek(c, 1)->kind == TOK_KW_IN ? LEVEL_COMPARE : 0;
        case TOK_PIPE: *op = BINOP_OR; return LEVEL_BITOR;
        case TOK_CARET: *op = BINOP_XOR; return LEVEL_XOR;
        case TOK_AMP: *op = BINOP_AND; return LEVEL_BITAND;
        case TOK_LSHIFT: *op = BINOP_LSHIFT; return LEVEL_SHIFT;
        case TOK_RSHIFT: *op = BINOP_RSHIFT; return LEVEL_SHIFT;
        case TOK_PLUS: *op = BINOP_ADD; return LEVEL_ARITH;
        case TOK_MINUS: *op = BINOP_SUB; return LEVEL_ARITH;
        case TOK_STAR: *op = BINOP_MUL; return LEVEL_TERM;
        case TOK_SLASH: *op = BINOP_TRUEDIV; return LEVEL_TERM;
        case TOK_DSLASH: *op = BINOP_FLOORDIV; return LEVEL_TERM;
        case TOK_PERCENT: *op = BINOP_MOD; return LEVEL_TERM;
        case TOK_AT: *op = BINOP_MATMUL; return LEVEL_TERM;
        default: return 0;
    }
}

// One comparison operator at the current token: returns the opcode kind
// (1 binary op, 2 is, 3 in) and its argument; consumes it.
static int compare_op(compiler_t *c, unsigned *arg) {
    switch (c->cur.kind) {
        case TOK_LT: *arg = BINOP_LT; break;
        case TOK_GT: *arg = BINOP_GT; break;
        case TOK_EQ: *arg = BINOP_EQ; break;
        case TOK_NE: *arg = BINOP_NE; break;
        case TOK_LE: *arg = BINOP_LE; break;
        case TOK_GE: *arg = BINOP_GE; break;
        case TOK_KW_IN:
            tok_advance(c);
            *arg = 0;
            return 3;
        case TOK_KW_IS:
            tok_advance(c);
            *arg = tok_accept(c, TOK_KW_NOT) ? 1 : 0;
            return 2;
        default:   // not in
            tok_advance(c);
            tok_advance(c);
            *arg = 1;
            return 3;
    }
    tok_advance(c);
    return 1;
}

static void emit_compare(compiler_t *c, int kind, unsigned arg) {
    emit_op_u8(c, kind == 1 ? OP_BINARY_OP : kind == 2 ? OP_IS_OP : OP_IN_OP, arg);
}

static void operators(compiler_t *c, int min);

// The operands and operators of a comparison after its first operand:
// a < b < c keeps b for the next comparison, and a false result skips the rest.
static void comparison_rest(compiler_t *c) {
    unsigned arg;
    int kind = compare_op(c, &arg);
    operators(c, LEVEL_COMPARE + 1);
    int dummy;
    if (infix_level(c, &dummy) != LEVEL_COMPARE) {
        emit_compare(c, kind, arg);
        return;
    }
    uint32_t cleanups = 0;
    do {
        emit_op(c, OP_DUP_TOP);
        emit_op(c, OP_ROT_THREE);
        emit_compare(c, kind, arg);
        jump_list_add(c, &cleanups, emit_jump(c, OP_JUMP_IF_FALSE_OR_POP));
        kind = compare_op(c, &arg);
        operators(c, LEVEL_COMPARE + 1);
    } while (infix_level(c, &dummy) == LEVEL_COMPARE);
    emit_compare(c, kind, arg);
    uint32_t end = emit_jump(c, OP_JUMP);
    jump_list_patch(c, cleanups);
    // Here: [b, False]: drop b.
    emit_stack(c, 1);
    emit_op(c, OP_ROT_TWO);
    emit_op(c, OP_POP_TOP);
    patch_jump(c, end);
}

// Parses an expression without a conditional, made of the operators of
// level `min` and tighter, and loads its value.
static void operators(compiler_t *c, int min) {
    nest_enter(c);
    // The prefix operators and the first operand.
    int k = c->cur.kind;
    if (k == TOK_KW_NOT && min <= LEVEL_NOT) {
        tok_advance(c);
        operators(c, LEVEL_NOT);
        emit_op(c, OP_UNARY_NOT);
    } else if ((k == TOK_MINUS || k == TOK_PLUS || k == TOK_TILDE) && min <= LEVEL_UNARY) {
        tok_advance(c);
        // Fold -literal so that -5 is one constant.
        int next = tok_peek(c, 1)->kind;
        int kind = c->cur.kind;
        if (k == TOK_MINUS && (kind == TOK_INT || kind == TOK_FLOAT || kind == TOK_IMAG) && next != TOK_DSTAR
            && next != TOK_DOT && next != TOK_LBRACKET && next != TOK_LPAREN) {
            value_t v = unary_op(UNOP_NEG, c->cur.value);
            tok_advance(c);
            emit_const(c, v);
        } else {
            operators(c, LEVEL_UNARY);
            emit_op_u8(c, OP_UNARY_OP, k == TOK_MINUS ? UNOP_NEG : k == TOK_PLUS ? UNOP_POS : UNOP_INVERT);
        }
    } else {
        if (tok_accept(c, TOK_KW_AWAIT)) {
            scope_require_async(c, "'await' outside async function");
            // await binds to a primary: await x ** 2 is (await x) ** 2
            expdesc_t e;
            expr_primary(c, &e);
            exp_load(c, &e);
            emit_op(c, OP_GET_AWAITABLE);
            emit_op(c, OP_LOAD_NONE);
            emit_op(c, OP_YIELD_FROM);
            c->scope->flags |= CODE_GENERATOR;
        } else {
            expdesc_t e;
            expr_primary(c, &e);
            exp_load(c, &e);
        }
        if (tok_accept(c, TOK_DSTAR)) {
            // Right-associative; its right operand may have a unary sign.
            operators(c, LEVEL_UNARY);
            emit_op_u8(c, OP_BINARY_OP, BINOP_POW);
        }
    }
    // The infix operators: each takes a right operand of the next tighter
    // level, so that operators of one level associate to the left. The
    // jumps of an `and` chain end where an `or` follows; both end at the end.
    uint32_t and_jumps = 0, or_jumps = 0;
    for (;;) {
        int op = 0;
        int level = infix_level(c, &op);
        if (level == 0 || level < min) {
            break;
        }
        if (level == LEVEL_OR) {
            jump_list_patch(c, and_jumps);
            and_jumps = 0;
            tok_advance(c);
            jump_list_add(c, &or_jumps, emit_jump(c, OP_JUMP_IF_TRUE_OR_POP));
            operators(c, LEVEL_AND);
        } else if (level == LEVEL_AND) {
            tok_advance(c);
            jump_list_add(c, &and_jumps, emit_jump(c, OP_JUMP_IF_FALSE_OR_POP));
            operators(c, LEVEL_NOT);
        } else if (level == LEVEL_COMPARE) {
            comparison_rest(c);
        } else {
            tok_advance(c);
            operators(c, level + 1);
            emit_op_u8(c, OP_BINARY_OP, (unsigned)op);
        }
    }
    jump_list_patch(c, and_jumps);
    jump_list_patch(c, or_jumps);
    nest_leave(c);
}

void expr_no_cond(compiler_t *c) {
    operators(c, LEVEL_OR);
}

COMPILE_OUT_OF_LINE static void yield_expr(compiler_t *c) {
    tok_advance(c);    // yield
    if (c->scope->kind != SCOPE_FUNCTION) {
        compile_error(c, "'yield' outside function");
    }
    qstr_t n = c->scope->name;
    if (n == Q_lt_listcomp_gt || n == Q_lt_setcomp_gt || n == Q_lt_dictcomp_gt || n == Q_lt_genexpr_gt) {
        compile_error(c, n == Q_lt_genexpr_gt ? "'yield' inside generator expression"
                         : n == Q_lt_listcomp_gt ? "'yield' inside list comprehension"
                         : n == Q_lt_setcomp_gt ? "'yield' inside set comprehension"
                                                : "'yield' inside dict comprehension");
    }
    c->scope->flags |= CODE_GENERATOR;
    if (tok_accept(c, TOK_KW_FROM)) {
        if (c->scope->flags & CODE_COROUTINE) {
            compile_error(c, "'yield from' inside async function");
        }
        expr(c);
        emit_op(c, OP_GET_YIELD_FROM_ITER);
        emit_op(c, OP_LOAD_NONE);
        emit_op(c, OP_YIELD_FROM);
        return;
    }
    if (tok_starts_expr(c->cur.kind) && c->cur.kind != TOK_KW_YIELD) {
        expr_star_list_as_tuple(c);
    } else {
        emit_op(c, OP_LOAD_NONE);
    }
    emit_op(c, OP_YIELD_VALUE);
}

void expr(compiler_t *c) {
    nest_enter(c);
    if (c->cur.kind == TOK_KW_LAMBDA) {
        lambda_expr(c);
        nest_leave(c);
        return;
    }
    if (c->cur.kind == TOK_KW_YIELD) {
        yield_expr(c);
        nest_leave(c);
        return;
    }
    if (c->cur.kind == TOK_NAME && tok_peek(c, 1)->kind == TOK_WALRUS) {
        if (c->no_walrus) {
            compile_error(c, "invalid syntax");   // CPython allows it only in brackets here
        }
        qstr_t name = QSTR_INDEX(c->cur.value);
        tok_advance(c);
        tok_advance(c);
        expr(c);
        emit_op(c, OP_DUP_TOP);
        scope_walrus_target(c, name);
        emit_name(c, OP_NAME_STORE, name);
        nest_leave(c);
        return;
    }
    uint32_t start = emit_here(c);
    expr_no_cond(c);
    if (c->cur.kind == TOK_KW_IF) {
        // a if cond else b: the code of `a` moves after the test.
        tok_advance(c);
        code_piece_t a;
        code_cut(c, start, &a);
        expr_no_cond(c);
        uint32_t to_else = emit_jump(c, OP_POP_JUMP_IF_FALSE);
        code_paste(c, &a);
        uint32_t to_end = emit_jump(c, OP_JUMP);
        patch_jump(c, to_else);
        emit_stack(c, -1);
        tok_expect(c, TOK_KW_ELSE, NULL);
        expr(c);
        patch_jump(c, to_end);
    }
    nest_leave(c);
}

void expr_list_as_tuple(compiler_t *c) {
    expr(c);
    if (c->cur.kind != TOK_COMMA) {
        return;
    }
    int n = 1;
    while (tok_accept(c, TOK_COMMA)) {
        if (!tok_starts_expr(c->cur.kind)) {
            break;
        }
        expr(c);
        n++;
    }
    emit_op_u16(c, OP_BUILD_TUPLE, (unsigned)n);
    emit_stack(c, 1 - n);
}

void expr_star_list_as_tuple(compiler_t *c) {
    if (c->cur.kind != TOK_STAR) {
        expr(c);
        if (c->cur.kind != TOK_COMMA) {
            return;
        }
    }
    int n = 0;
    bool building = false, comma = false;
    if (c->cur.kind != TOK_STAR) {
        n = 1;
        tok_advance(c);   // the comma after the first item
        comma = true;
    }
    while (tok_starts_expr(c->cur.kind)) {
        if (tok_accept(c, TOK_STAR)) {
            if (!building) {
                emit_op_u16(c, OP_BUILD_LIST, (unsigned)n);
                emit_stack(c, 1 - n);
                building = true;
            }
            expr(c);
            emit_op_u16(c, OP_LIST_EXTEND, 1);
        } else {
            expr(c);
            if (building) {
                emit_op_u16(c, OP_LIST_APPEND, 1);
            } else {
                n++;
            }
        }
        if (!tok_accept(c, TOK_COMMA)) {
            break;
        }
        comma = true;
    }
    if (!comma) {
        compile_error(c, "can't use starred expression here");   // *a alone: no tuple to unpack into
    }
    if (building) {
        emit_op(c, OP_LIST_TO_TUPLE);
    } else {
        emit_op_u16(c, OP_BUILD_TUPLE, (unsigned)n);
        emit_stack(c, 1 - n);
    }
}

// ---- targets ----------------------------------------------------------------------

// One target (no top-level comma): a name, attribute, subscript, or a
// parenthesised/bracketed target list. Stores TOS.
static void target_list_store(compiler_t *c, int close);

// Whether the bracket group that starts at the current token is followed by
// a trailer (.x, [i] or a call): then it is the start of a primary, as in
// (a).b = 1 or [x][0] = 1, not a target list.
bool bracket_has_trailer(compiler_t *c) {
    int depth = 0;
    size_t i = 1;
    for (;; i++) {
        int k = tok_peek(c, i)->kind;
        if (k == TOK_END || k == TOK_NEWLINE) {
            return false;
        }
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
            depth++;
        } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
            if (depth-- == 0) {
                break;
            }
        }
    }
    int after = tok_peek(c, i + 1)->kind;
    return after == TOK_DOT || after == TOK_LBRACKET || after == TOK_LPAREN;
}

static void target_store_one(compiler_t *c) {
    if (c->cur.kind == TOK_LPAREN || c->cur.kind == TOK_LBRACKET) {
        // Could be (a, b) = ... or (a).b = ...: decide by what follows the bracket.
        int close = c->cur.kind == TOK_LPAREN ? TOK_RPAREN : TOK_RBRACKET;
        if (!bracket_has_trailer(c)) {
            tok_advance(c);
            nest_enter(c);
            target_list_store(c, close);
            nest_leave(c);
            tok_expect(c, close, NULL);
            return;
        }
    }
    expdesc_t e;
    expr_primary(c, &e);
    if (e.kind == EXP_ATTR) {
        // value is below the object: STORE_ATTR takes TOS1 as the value.
    } else if (e.kind == EXP_SUBSCR) {
    } else if (e.kind != EXP_NAME) {
        compile_error(c, "cannot assign to expression");
    }
    exp_store(c, &e);
}

// A comma-separated list of targets up to `close` (or, when close is -1,
// to the end of the recorded tokens being replayed). One target without a
// comma stores directly; otherwise the value is unpacked.
static void target_list_store(compiler_t *c, int close) {
    size_t limit = close == -1 ? tok_replay_remaining(c) : SIZE_MAX;
    int n = 0, star_at = -1, depth = 0;
    bool comma = false, item = false;
    for (size_t i = 0; i < limit; i++) {
        int k = (i == 0 ? &c->cur : tok_peek(c, i))->kind;
        if (depth == 0 && (k == close || k == TOK_NEWLINE || k == TOK_END)) {
            break;
        }
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
            depth++;
        } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
            depth--;
        } else if (depth == 0 && k == TOK_COMMA) {
            if (!item) {
                compile_error(c, "invalid syntax");
            }
            n++;
            item = false;
            comma = true;
            continue;
        } else if (depth == 0 && k == TOK_STAR && !item) {
            if (star_at >= 0) {
                compile_error(c, "multiple starred expressions in assignment");
            }
            star_at = n;
        }
        item = true;
    }
    if (item) {
        n++;
    }
    if (n == 0) {
        compile_error(c, "invalid syntax");
    }
    if (!comma && star_at < 0 && close != TOK_RBRACKET) {
        target_store_one(c);
        return;
    }
    if (!comma && star_at >= 0 && close != TOK_RBRACKET) {
        compile_error(c, "starred assignment target must be in a list or tuple");
    }
    if (star_at >= 0) {
        if (n - 1 > 255 || star_at > 255) {
            compile_error(c, "too many expressions in star-unpacking assignment");
        }
        unsigned after = (unsigned)(n - 1 - star_at);
        emit_op_u16(c, OP_UNPACK_EX, (unsigned)star_at | (after << 8));
    } else {
        emit_op_u16(c, OP_UNPACK_SEQUENCE, (unsigned)n);
    }
    emit_stack(c, n - 1);
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            tok_expect(c, TOK_COMMA, NULL);
        }
        if (tok_accept(c, TOK_STAR)) {
            target_store_one(c);
        } else {
            target_store_one(c);
        }
    }
    if (c->cur.kind == TOK_COMMA && (close != -1 || tok_replay_remaining(c) >= 1)) {
        tok_advance(c);
    }
}

void expr_target_store(compiler_t *c) {
    target_list_store(c, -1);
}

void expr_target_delete(compiler_t *c) {
    for (;;) {
        if ((c->cur.kind == TOK_LPAREN || c->cur.kind == TOK_LBRACKET) && !bracket_has_trailer(c)) {
            int close = c->cur.kind == TOK_LPAREN ? TOK_RPAREN : TOK_RBRACKET;
            tok_advance(c);
            nest_enter(c);
            expr_target_delete(c);
            nest_leave(c);
            tok_expect(c, close, NULL);
        } else {
            expdesc_t e;
            expr_primary(c, &e);
            exp_delete(c, &e);
        }
        if (!tok_accept(c, TOK_COMMA)) {
            return;
        }
        if (c->cur.kind == TOK_NEWLINE || c->cur.kind == TOK_RPAREN || c->cur.kind == TOK_RBRACKET
            || c->cur.kind == TOK_SEMI || c->cur.kind == TOK_END) {
            return;
        }
    }
}
