// SPDX-License-Identifier: MIT
// Statements, and the compiler's entry points.
#include <string.h>

#include "compile.h"

static void statement(compiler_t *c);

// await TOS: the awaitable's iterator is delegated to.
static void emit_await(compiler_t *c) {
    emit_op(c, OP_GET_AWAITABLE);
    emit_op(c, OP_LOAD_NONE);
    emit_op(c, OP_YIELD_FROM);
    c->scope->flags |= CODE_GENERATOR;
}

static const int stops_assign[] = {TOK_ASSIGN, -1};
static const int stops_colon[] = {TOK_COLON, -1};
static const int stops_in[] = {TOK_KW_IN, -1};

static bool at_stmt_end(compiler_t *c) {
    int k = c->cur.kind;
    return k == TOK_NEWLINE || k == TOK_SEMI || k == TOK_END;
}

// ---- simple statements ---------------------------------------------------------

static void discard_expr(compiler_t *c) {
    uint32_t at = emit_here(c);
    int depth = c->scope->depth;
    expr(c);
    emit_truncate(c, at);
    c->scope->depth = depth;
}

// The value of an assignment or expression statement: an unbracketed
// x := v is not allowed here (as CPython).
static void value_expr(compiler_t *c) {
    bool saved = c->no_walrus;
    c->no_walrus = true;
    if (c->cur.kind == TOK_KW_YIELD) {
        expr(c);
    } else {
        expr_star_list_as_tuple(c);
    }
    c->no_walrus = saved;
}

// One target (a name, attribute or subscript, maybe in redundant
// parentheses) of an augmented or annotated assignment, left unloaded in e.
static void single_target(compiler_t *c, expdesc_t *e, const char *error) {
    int parens = 0;
    // (x) and (x[0]): parentheses around the whole target; in (a).b they
    // belong to the primary
    while (c->cur.kind == TOK_LPAREN && !bracket_has_trailer(c)) {
        tok_advance(c);
        parens++;
    }
    expr_primary(c, e);
    if (e->kind != EXP_NAME && e->kind != EXP_ATTR && e->kind != EXP_SUBSCR) {
        compile_error(c, error);
    }
    while (parens-- > 0) {
        tok_expect(c, TOK_RPAREN, NULL);
    }
}

static void expr_stmt(compiler_t *c) {
    int k = tok_scan_assignment(c);
    if (k == TOK_ASSIGN) {
        // Targets are recorded and stored after the value is computed.
        tok_array_t targets[16];
        int n = 0;
        do {
            if (n == 16) {
                compile_error(c, "too many chained assignments");
            }
            tok_record_until(c, stops_assign, &targets[n++]);
            tok_expect(c, TOK_ASSIGN, NULL);
        } while (tok_scan_assignment(c) == TOK_ASSIGN);
        value_expr(c);
        for (int i = 0; i < n; i++) {
            if (i < n - 1) {
                emit_op(c, OP_DUP_TOP);
            }
            tok_replay(c, &targets[i]);
            expr_target_store(c);
            if (tok_replay_active(c, &targets[i])) {
                compile_error(c, "invalid syntax");
            }
        }
        return;
    }
    if (k == TOK_COLON) {
        // Annotated assignment: the annotation is not evaluated (as in
        // MicroPython). The target is one name, attribute or subscript.
        tok_array_t target;
        tok_record_until(c, stops_colon, &target);
        tok_expect(c, TOK_COLON, NULL);
        discard_expr(c);
        bool has_value = tok_accept(c, TOK_ASSIGN);
        if (has_value) {
            value_expr(c);
        }
        tok_replay(c, &target);
        expdesc_t e;
        single_target(c, &e, "only single target (not tuple) can be annotated");
        if (tok_replay_remaining(c) > 0) {
            compile_error(c, "only single target (not tuple) can be annotated");
        }
        tok_replay_end(c);
        if (has_value) {
            exp_store(c, &e);
        } else if (e.kind == EXP_NAME) {
            scope_declare(c, e.name, N_ASSIGNED);
        } else {
            // x.a: int evaluates x (and x[i]: int evaluates x and i)
            emit_op(c, OP_POP_TOP);
            if (e.kind == EXP_SUBSCR) {
                emit_op(c, OP_POP_TOP);
            }
        }
        return;
    }
    if (k >= TOK_PLUS_ASSIGN && k <= TOK_AT_ASSIGN) {
        expdesc_t e;
        single_target(c, &e, "illegal expression for augmented assignment");
        if (c->cur.kind != k) {
            compile_error(c, "illegal expression for augmented assignment");
        }
        exp_dup_for_augassign(c, &e);
        tok_advance(c);
        value_expr(c);
        emit_op_u8(c, OP_BINARY_OP, (unsigned)(BINOP_INPLACE_FIRST + (k - TOK_PLUS_ASSIGN)));
        exp_store_after_augassign(c, &e);
        return;
    }
    // A lone string does nothing (but at the interactive prompt, where it
    // is shown); as the first statement of a function or class it is the
    // docstring.
    if (c->cur.kind == TOK_STRING && !(c->mode == COMPILE_SINGLE && c->scope->kind == SCOPE_MODULE)) {
        const tok_t *next = tok_peek(c, 1);
        if (next->kind == TOK_NEWLINE || next->kind == TOK_SEMI || next->kind == TOK_END) {
            scope_t *s = c->scope;
            if (s->n_stmts == 1 && s->kind != SCOPE_MODULE) {
                s->doc = const_to_long(c->cur.value);       // kept by the code object
                if (s->kind == SCOPE_CLASS) {
                    emit_const(c, s->doc);
                    emit_name(c, OP_NAME_STORE, Q___doc__);
                }
            }
            tok_advance(c);
            return;
        }
    }
    value_expr(c);
    if (c->mode == COMPILE_SINGLE && c->scope->kind == SCOPE_MODULE) {
        emit_op(c, OP_PRINT_EXPR);
    } else {
        emit_op(c, OP_POP_TOP);
    }
}

static int blocks_since(compiler_t *c, const loop_t *loop) {
    return c->scope->blocks - loop->blocks;
}

static loop_t *current_loop(compiler_t *c, const char *what) {
    if (c->scope->n_loops == 0) {
        compile_error(c, what);
    }
    return &c->scope->loops[c->scope->n_loops - 1];
}

static void break_stmt(compiler_t *c) {
    loop_t *loop = current_loop(c, "'break' outside loop");
    tok_advance(c);
    int n = blocks_since(c, loop);
    if (n == 0) {
        loop_add_break(c, loop, emit_jump(c, OP_JUMP));
    } else {
        emit_op_u16u8(c, OP_UNWIND_JUMP, 0, (unsigned)n);
        loop_add_break(c, loop, emit_here(c) - 3);
    }
}

static void continue_stmt(compiler_t *c) {
    loop_t *loop = current_loop(c, "'continue' not properly in loop");
    tok_advance(c);
    int n = blocks_since(c, loop);
    if (n == 0) {
        patch_jump_to(c, emit_jump(c, OP_JUMP), loop->continue_at);
    } else {
        emit_op_u16u8(c, OP_UNWIND_JUMP, loop->continue_at, (unsigned)n);
    }
}

static void return_stmt(compiler_t *c) {
    if (c->scope->kind != SCOPE_FUNCTION) {
        compile_error(c, "'return' outside function");
    }
    tok_advance(c);
    if (at_stmt_end(c)) {
        emit_op(c, OP_LOAD_NONE);
    } else {
        expr_star_list_as_tuple(c);
    }
    emit_op(c, OP_RETURN_VALUE);
}

static void raise_stmt(compiler_t *c) {
    tok_advance(c);
    if (at_stmt_end(c)) {
        emit_op_u8(c, OP_RAISE, 0);
        return;
    }
    expr(c);
    if (tok_accept(c, TOK_KW_FROM)) {
        expr(c);
        emit_op_u8(c, OP_RAISE, 2);
        emit_stack(c, -2);
        return;
    }
    emit_op_u8(c, OP_RAISE, 1);
    emit_stack(c, -1);
}

static void assert_stmt(compiler_t *c) {
    tok_advance(c);
    expr(c);
    uint32_t ok = emit_jump(c, OP_POP_JUMP_IF_TRUE);
    emit_const(c, PTR_VAL(&type_AssertionError));
    if (tok_accept(c, TOK_COMMA)) {
        expr(c);
        emit_op_u8u8(c, OP_CALL, 1, 0);
        emit_stack(c, -1);
    }
    emit_op_u8(c, OP_RAISE, 1);
    emit_stack(c, -1);
    patch_jump(c, ok);
}

static void global_stmt(compiler_t *c, uint8_t flag) {
    tok_advance(c);
    if (flag == N_NONLOCAL && c->scope->kind != SCOPE_FUNCTION) {
        compile_error(c, "nonlocal declaration not allowed at module level");
    }
    do {
        if (c->cur.kind != TOK_NAME) {
            compile_error(c, "invalid syntax");
        }
        scope_declare(c, QSTR_INDEX(c->cur.value), flag);
        tok_advance(c);
    } while (tok_accept(c, TOK_COMMA));
}

// A dotted name: returns it interned, and its first component in *first.
static qstr_t dotted_name(compiler_t *c, qstr_t *first) {
    if (c->cur.kind != TOK_NAME) {
        compile_error(c, "invalid syntax");
    }
    qstr_t q = QSTR_INDEX(c->cur.value);
    *first = q;
    tok_advance(c);
    if (c->cur.kind != TOK_DOT) {
        return q;
    }
    vstr_t vs;
    vstr_init(&vs, 32);
    vstr_add_str(&vs, qstr_str(q));
    while (tok_accept(c, TOK_DOT)) {
        if (c->cur.kind != TOK_NAME) {
            compile_error(c, "invalid syntax");
        }
        vstr_add_char(&vs, '.');
        vstr_add_str(&vs, qstr_str(QSTR_INDEX(c->cur.value)));
        tok_advance(c);
    }
    return qstr_from_strn(vs.buf, vs.len);
}

static void import_stmt(compiler_t *c) {
    tok_advance(c);
    do {
        qstr_t first;
        qstr_t name = dotted_name(c, &first);
        emit_const(c, SMALL(0));
        if (c->cur.kind == TOK_KW_AS) {
            tok_advance(c);
            emit_op(c, OP_LOAD_TRUE);      // the leaf module, not the top package
            emit_op_u16(c, OP_IMPORT_NAME, name);
            if (c->cur.kind != TOK_NAME) {
                compile_error(c, "invalid syntax");
            }
            emit_name(c, OP_NAME_STORE, QSTR_INDEX(c->cur.value));
            tok_advance(c);
        } else {
            emit_op(c, OP_LOAD_NONE);
            emit_op_u16(c, OP_IMPORT_NAME, name);
            emit_name(c, OP_NAME_STORE, first);
        }
    } while (tok_accept(c, TOK_COMMA));
}

COMPILE_OUT_OF_LINE static void from_stmt(compiler_t *c) {
    tok_advance(c);
    int level = 0;
    for (;;) {
        if (tok_accept(c, TOK_DOT)) {
            level++;
        } else if (tok_accept(c, TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    qstr_t name = Q_empty, first;
    if (c->cur.kind == TOK_NAME) {
        name = dotted_name(c, &first);
    } else if (level == 0) {
        compile_error(c, "invalid syntax");
    }
    tok_expect(c, TOK_KW_IMPORT, NULL);
    emit_const(c, SMALL(level));
    if (tok_accept(c, TOK_STAR)) {
        emit_const(c, QSTR(Q_star));
        emit_op_u16(c, OP_IMPORT_NAME, name);
        if (c->scope->kind != SCOPE_MODULE) {
            compile_error(c, "import * only allowed at module level");
        }
        emit_op(c, OP_IMPORT_STAR);
        return;
    }
    bool paren = tok_accept(c, TOK_LPAREN);
    // The names are read once to build the fromlist, then imported:
    // names[2 * i] is imported as names[2 * i + 1].
    qstr_t *names = NULL;
    int n = 0, cap = 0;
    do {
        if (paren && c->cur.kind == TOK_RPAREN) {
            break;
        }
        if (c->cur.kind != TOK_NAME) {
            compile_error(c, "invalid syntax");
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 8;
            names = gc_realloc(names, (size_t)cap * 2 * sizeof(qstr_t));
        }
        names[2 * n] = names[2 * n + 1] = QSTR_INDEX(c->cur.value);
        tok_advance(c);
        if (tok_accept(c, TOK_KW_AS)) {
            if (c->cur.kind != TOK_NAME) {
                compile_error(c, "invalid syntax");
            }
            names[2 * n + 1] = QSTR_INDEX(c->cur.value);
            tok_advance(c);
        }
        n++;
    } while (tok_accept(c, TOK_COMMA));
    if (paren) {
        tok_expect(c, TOK_RPAREN, NULL);
    }
    value_t fromlist = tuple_new((size_t)n, NULL);
    for (int i = 0; i < n; i++) {
        ((tuple_obj_t *)VAL_PTR(fromlist))->items[i] = QSTR(names[2 * i]);
    }
    emit_const(c, fromlist);
    emit_op_u16(c, OP_IMPORT_NAME, name);
    for (int i = 0; i < n; i++) {
        emit_op_u16(c, OP_IMPORT_FROM, names[2 * i]);
        emit_name(c, OP_NAME_STORE, names[2 * i + 1]);
    }
    gc_free(names);
    emit_op(c, OP_POP_TOP);
}

static void simple_statement(compiler_t *c) {
    switch (c->cur.kind) {
        case TOK_KW_PASS:
            tok_advance(c);
            break;
        case TOK_KW_BREAK:
            break_stmt(c);
            break;
        case TOK_KW_CONTINUE:
            continue_stmt(c);
            break;
        case TOK_KW_RETURN:
            return_stmt(c);
            break;
        case TOK_KW_RAISE:
            raise_stmt(c);
            break;
        case TOK_KW_ASSERT:
            assert_stmt(c);
            break;
        case TOK_KW_GLOBAL:
            global_stmt(c, N_GLOBAL);
            break;
        case TOK_KW_NONLOCAL:
            global_stmt(c, N_NONLOCAL);
            break;
        case TOK_KW_DEL:
            tok_advance(c);
            expr_target_delete(c);
            break;
        case TOK_KW_IMPORT:
            import_stmt(c);
            break;
        case TOK_KW_FROM:
            from_stmt(c);
            break;
        default:
            expr_stmt(c);
            break;
    }
}

static void simple_statements(compiler_t *c) {
    for (;;) {
        emit_set_line(c, c->cur.line);
        simple_statement(c);
        if (!tok_accept(c, TOK_SEMI)) {
            break;
        }
        if (c->cur.kind == TOK_NEWLINE || c->cur.kind == TOK_END) {
            break;
        }
    }
    if (c->cur.kind == TOK_END) {
        return;
    }
    tok_expect(c, TOK_NEWLINE, NULL);
}

// ---- blocks and compound statements ---------------------------------------------

void stmt_block(compiler_t *c) {
    tok_expect(c, TOK_COLON, NULL);
    if (!tok_accept(c, TOK_NEWLINE)) {
        simple_statements(c);
        return;
    }
    tok_expect(c, TOK_INDENT, NULL);
    while (c->cur.kind != TOK_DEDENT && c->cur.kind != TOK_END) {
        statement(c);
    }
    tok_accept(c, TOK_DEDENT);
}

static void block_enter(compiler_t *c) {
    scope_t *s = c->scope;
    if (++s->blocks > s->max_blocks) {
        s->max_blocks = s->blocks;
    }
}

static void block_leave(compiler_t *c) {
    c->scope->blocks--;
}

static void if_stmt(compiler_t *c) {
    uint32_t ends = 0;
    do {
        tok_advance(c);   // if / elif
        expr(c);
        uint32_t next = emit_jump(c, OP_POP_JUMP_IF_FALSE);
        stmt_block(c);
        if (c->cur.kind == TOK_KW_ELIF || c->cur.kind == TOK_KW_ELSE) {
            jump_list_add(c, &ends, emit_jump(c, OP_JUMP));
        }
        patch_jump(c, next);
    } while (c->cur.kind == TOK_KW_ELIF);
    if (tok_accept(c, TOK_KW_ELSE)) {
        stmt_block(c);
    }
    jump_list_patch(c, ends);
}

static loop_t *loop_push(compiler_t *c, bool is_for) {
    scope_t *s = c->scope;
    if (s->n_loops == LOOP_MAX) {
        compile_error(c, "too many statically nested blocks");
    }
    if (s->n_loops == s->cap_loops) {
        s->cap_loops = s->cap_loops ? s->cap_loops * 2 : 4;
        s->loops = gc_realloc(s->loops, (size_t)s->cap_loops * sizeof(loop_t));
    }
    loop_t *loop = &s->loops[s->n_loops++];
    memset(loop, 0, sizeof(*loop));
    loop->blocks = (uint16_t)s->blocks;
    loop->is_for = is_for;
    loop->continue_at = emit_here(c);
    return loop;
}

static void while_stmt(compiler_t *c) {
    uint32_t header_line = c->cur.line;
    tok_advance(c);
    loop_t *loop = loop_push(c, false);
    uint32_t exit = 0;
    bool forever = c->cur.kind == TOK_KW_TRUE && tok_peek(c, 1)->kind == TOK_COLON;
    if (forever) {
        tok_advance(c);
    } else {
        expr(c);
        exit = emit_jump(c, OP_POP_JUMP_IF_FALSE);
    }
    uint32_t top = loop->continue_at;
    stmt_block(c);
    // The jump back belongs to the loop's header line.
    patch_jump_to(c, emit_jump_at_line(c, OP_JUMP, header_line), top);
    if (!forever) {
        patch_jump(c, exit);
    }
    // The else clause is outside the loop: break and continue there belong
    // to an enclosing loop.
    loop_t done = c->scope->loops[--c->scope->n_loops];
    if (tok_accept(c, TOK_KW_ELSE)) {
        stmt_block(c);
    }
    for (size_t i = 0; i < done.n_breaks; i++) {
        patch_jump(c, done.breaks[i]);
    }
}

static void for_stmt(compiler_t *c, bool is_async) {
    uint32_t header_line = c->cur.line;
    tok_advance(c);   // for
    tok_array_t target;
    tok_record_until(c, stops_in, &target);
    tok_expect(c, TOK_KW_IN, NULL);
    expr_star_list_as_tuple(c);
    emit_op(c, is_async ? OP_GET_AITER : OP_GET_ITER);
    loop_push(c, true);
    uint32_t top = emit_here(c);
    uint32_t exit;
    if (is_async) {
        // await it.__anext__(), ending at StopAsyncIteration.
        exit = emit_jump(c, OP_SETUP_EXCEPT);
        block_enter(c);
        emit_op(c, OP_GET_ANEXT);
        emit_await(c);
        emit_op(c, OP_POP_BLOCK);
        block_leave(c);
    } else {
        exit = emit_jump(c, OP_FOR_ITER);
    }
    tok_replay(c, &target);
    expr_target_store(c);
    stmt_block(c);
    patch_jump_to(c, emit_jump_at_line(c, OP_JUMP, header_line), top);
    patch_jump(c, exit);
    if (is_async) {
        emit_stack(c, 1);     // the exception
        emit_op(c, OP_END_ASYNC_FOR);
    } else {
        emit_stack(c, -1);    // FOR_ITER popped the iterator
    }
    loop_t done = c->scope->loops[--c->scope->n_loops];
    if (tok_accept(c, TOK_KW_ELSE)) {
        stmt_block(c);
    }
    if (done.n_breaks > 0) {
        // break leaves the iterator on the stack: pop it here.
        uint32_t over = emit_jump(c, OP_JUMP);
        for (size_t i = 0; i < done.n_breaks; i++) {
            patch_jump(c, done.breaks[i]);
        }
        emit_stack(c, 1);
        emit_op(c, OP_POP_TOP);
        patch_jump(c, over);
    }
}

static void try_stmt(compiler_t *c) {
    tok_advance(c);   // try
    scope_t *s = c->scope;
    int base_depth = s->depth;
    // Peek over the body later: we must know whether there is a finally.
    // Emit SETUP_FINALLY optimistically and remove it if unused.
    uint32_t setup_finally_at = emit_here(c);
    uint32_t finally_handler = emit_jump(c, OP_SETUP_FINALLY);
    block_enter(c);
    uint32_t except_handler = emit_jump(c, OP_SETUP_EXCEPT);
    block_enter(c);
    stmt_block(c);
    bool has_except = c->cur.kind == TOK_KW_EXCEPT;
    uint32_t to_else = 0;
    uint32_t ends = 0;
    if (has_except) {
        emit_op(c, OP_POP_BLOCK);
        block_leave(c);
        to_else = emit_jump(c, OP_JUMP);
        patch_jump(c, except_handler);
        // The exception is on the stack; the VM pushed a handler block.
        block_enter(c);
        bool bare_seen = false;
        while (c->cur.kind == TOK_KW_EXCEPT) {
            tok_advance(c);
            s->depth = base_depth + 1;
            if (s->depth > s->max_depth) {
                s->max_depth = s->depth;
            }
            uint32_t next = 0;
            qstr_t as_name = Q_NULL;
            if (bare_seen) {
                compile_error(c, "default 'except:' must be last");
            }
            if (c->cur.kind != TOK_COLON) {
                expr(c);
                next = emit_jump(c, OP_JUMP_IF_NOT_EXC_MATCH);
                if (tok_accept(c, TOK_KW_AS)) {
                    if (c->cur.kind != TOK_NAME) {
                        compile_error(c, "invalid syntax");
                    }
                    as_name = QSTR_INDEX(c->cur.value);
                    tok_advance(c);
                }
            } else {
                bare_seen = true;
            }
            if (as_name != Q_NULL) {
                emit_name(c, OP_NAME_STORE, as_name);
            } else {
                emit_op(c, OP_POP_TOP);
            }
            stmt_block(c);
            emit_op(c, OP_POP_EXCEPT);
            if (as_name != Q_NULL) {
                emit_op(c, OP_LOAD_NONE);
                emit_name(c, OP_NAME_STORE, as_name);
                emit_name(c, OP_NAME_DELETE, as_name);
            }
            jump_list_add(c, &ends, emit_jump(c, OP_JUMP));
            if (next) {
                patch_jump(c, next);
                s->depth = base_depth + 1;
            }
        }
        if (!bare_seen) {
            emit_op_u8(c, OP_RAISE, 3);    // no clause matched: re-raise
            emit_stack(c, -1);
        }
        block_leave(c);
        s->depth = base_depth;
        patch_jump(c, to_else);
        if (tok_accept(c, TOK_KW_ELSE)) {
            stmt_block(c);
        }
        jump_list_patch(c, ends);
    } else {
        // No except clause: its block becomes an empty one.
        s->code[except_handler - 1] = OP_SETUP_BLOCK;
        emit_op(c, OP_POP_BLOCK);
        block_leave(c);
    }
    if (tok_accept(c, TOK_KW_FINALLY)) {
        emit_op(c, OP_POP_BLOCK);
        block_leave(c);
        emit_op(c, OP_LOAD_NONE);
        emit_const(c, SMALL(UNWIND_NORMAL));
        patch_jump(c, finally_handler);
        stmt_block(c);
        emit_op(c, OP_END_FINALLY);
    } else {
        if (!has_except) {
            compile_error(c, "expected 'except' or 'finally' block");
        }
        // No finally: its block (emitted before we knew) becomes an empty one.
        s->code[setup_finally_at] = OP_SETUP_BLOCK;
        emit_op(c, OP_POP_BLOCK);
        block_leave(c);
    }
}

static void with_item(compiler_t *c, bool is_async);

static void with_stmt(compiler_t *c, bool is_async) {
    tok_advance(c);   // with
    c->with_async = is_async;
    bool paren = false;
    if (c->cur.kind == TOK_LPAREN) {
        // with (a as b, c as d): — only when the parenthesis holds `as`.
        int depth = 0;
        for (size_t i = 1;; i++) {
            int k = tok_peek(c, i)->kind;
            if (k == TOK_END || k == TOK_NEWLINE) {
                break;
            }
            if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE) {
                depth++;
            } else if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) {
                if (depth == 0) {
                    paren = tok_peek(c, i + 1)->kind == TOK_COLON;
                    break;
                }
                depth--;
            } else if (depth == 0 && k == TOK_KW_AS) {
                paren = true;
            }
        }
        if (paren) {
            tok_advance(c);
        }
    }
    with_item(c, paren);
    c->with_async = false;
}

// One item, then the rest of the items and the body nested inside it.
static void with_item(compiler_t *c, bool paren) {
    bool is_async = c->with_async;
    expr(c);
    uint32_t cleanup;
    if (is_async) {
        emit_op(c, OP_BEFORE_ASYNC_WITH);
        emit_await(c);
        cleanup = emit_jump(c, OP_SETUP_ASYNC_WITH);
    } else {
        cleanup = emit_jump(c, OP_SETUP_WITH);
    }
    block_enter(c);
    if (tok_accept(c, TOK_KW_AS)) {
        static const int stops[] = {TOK_COMMA, TOK_COLON, -1};
        tok_array_t target;
        tok_record_until(c, stops, &target);
        tok_replay(c, &target);
        expr_target_store(c);
    } else {
        emit_op(c, OP_POP_TOP);
    }
    if (tok_accept(c, TOK_COMMA) && !(paren && c->cur.kind == TOK_RPAREN)) {
        with_item(c, paren);
    } else {
        if (paren) {
            tok_expect(c, TOK_RPAREN, NULL);
        }
        stmt_block(c);
    }
    emit_op(c, OP_POP_BLOCK);
    block_leave(c);
    emit_op(c, OP_LOAD_NONE);
    emit_const(c, SMALL(UNWIND_NORMAL));
    patch_jump(c, cleanup);
    if (is_async) {
        emit_op(c, OP_WITH_CLEANUP_START);
        emit_await(c);
        emit_op(c, OP_WITH_CLEANUP_FINISH);
    } else {
        emit_op(c, OP_WITH_CLEANUP);
    }
    emit_op(c, OP_END_FINALLY);
}

COMPILE_OUT_OF_LINE static void def_stmt(compiler_t *c, int n_decorators, bool is_async) {
    tok_advance(c);   // def
    if (c->cur.kind != TOK_NAME) {
        compile_error(c, "invalid syntax");
    }
    qstr_t name = QSTR_INDEX(c->cur.value);
    tok_advance(c);
    tok_expect(c, TOK_LPAREN, NULL);
    params_t p;
    parse_params(c, &p, TOK_RPAREN);
    tok_expect(c, TOK_RPAREN, NULL);
    if (tok_accept(c, TOK_ARROW)) {
        discard_expr(c);
    }
    scope_t s;
    scope_open(c, &s, SCOPE_FUNCTION, name);
    scope_add_params(c, &p);
    gc_free(p.names);
    if (is_async) {
        s.flags |= CODE_COROUTINE;
    }
    stmt_block(c);
    emit_op(c, OP_LOAD_NONE);
    emit_op(c, OP_RETURN_VALUE);
    value_t code = scope_close(c);
    emit_make_function(c, code, p.make_flags);
    while (n_decorators-- > 0) {
        emit_op_u8u8(c, OP_CALL, 1, 0);
        emit_stack(c, -1);
    }
    emit_name(c, OP_NAME_STORE, name);
}

COMPILE_OUT_OF_LINE static void class_stmt(compiler_t *c, int n_decorators) {
    tok_advance(c);   // class
    if (c->cur.kind != TOK_NAME) {
        compile_error(c, "invalid syntax");
    }
    qstr_t name = QSTR_INDEX(c->cur.value);
    tok_advance(c);
    emit_op(c, OP_LOAD_BUILD_CLASS);
    // The body, compiled first: the bases follow it in the call.
    tok_array_t bases;
    bases.len = 0;
    bases.toks = NULL;
    if (c->cur.kind == TOK_LPAREN) {
        tok_advance(c);
        static const int stops[] = {-1};
        tok_record_until(c, stops, &bases);
        tok_expect(c, TOK_RPAREN, NULL);
    }
    scope_t s;
    scope_open(c, &s, SCOPE_CLASS, name);
    emit_name(c, OP_NAME_LOAD, Q___name__);
    emit_name(c, OP_NAME_STORE, Q___module__);
    emit_const(c, QSTR(name));
    emit_name(c, OP_NAME_STORE, Q___qualname__);
    // __name__ inside a class body means the module's: make it global.
    scope_declare(c, Q___name__, 0);
    s.names[0].flags |= N_GLOBAL;
    stmt_block(c);
    emit_op(c, OP_LOAD_NONE);
    emit_op(c, OP_RETURN_VALUE);
    value_t code = scope_close(c);
    emit_make_function(c, code, 0);
    emit_const(c, QSTR(name));
    // Bases and keywords, as call arguments after (function, name).
    int n_pos = 2, n_kw = 0;
    bool unpacking = false;
    for (size_t i = 0, depth = 0; i < bases.len; i++) {
        int k = bases.toks[i].kind;
        depth += k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE;
        depth -= k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE;
        unpacking |= depth == 0 && (k == TOK_STAR || k == TOK_DSTAR) && (i == 0 || bases.toks[i - 1].kind == TOK_COMMA);
    }
    if (unpacking) {
        // class C(*bases, **kw): a call with unpacking, up to a ')' added here
        bases.toks = gc_realloc(bases.toks, (bases.len + 1) * sizeof(tok_t));
        bases.toks[bases.len].kind = TOK_RPAREN;
        bases.toks[bases.len].line = bases.toks[bases.len - 1].line;
        bases.toks[bases.len].value = VAL_NULL;
        bases.len++;
        tok_replay(c, &bases);
        call_args_unpacking(c, 2);
        tok_replay_end(c);
    } else if (bases.len > 0) {
        tok_replay(c, &bases);
        while (tok_replay_active(c, &bases)) {
            if (c->cur.kind == TOK_NAME && tok_peek(c, 1)->kind == TOK_ASSIGN) {
                emit_const(c, c->cur.value);
                tok_advance(c);
                tok_advance(c);
                expr(c);
                n_kw++;
            } else {
                if (n_kw > 0) {
                    compile_error(c, "positional argument follows keyword argument");
                }
                expr(c);
                n_pos++;
            }
            if (c->cur.kind != TOK_COMMA) {
                break;
            }
            tok_advance(c);
        }
        if (tok_replay_active(c, &bases)) {
            compile_error(c, "invalid syntax");
        }
    }
    if (!unpacking) {
        emit_op_u8u8(c, OP_CALL, (unsigned)n_pos, (unsigned)n_kw);
        emit_stack(c, -(n_pos + 2 * n_kw));
    }
    while (n_decorators-- > 0) {
        emit_op_u8u8(c, OP_CALL, 1, 0);
        emit_stack(c, -1);
    }
    emit_name(c, OP_NAME_STORE, name);
}

static void decorated(compiler_t *c) {
    int n = 0;
    while (c->cur.kind == TOK_AT) {
        tok_advance(c);
        expr(c);
        tok_expect(c, TOK_NEWLINE, NULL);
        n++;
    }
    bool is_async = tok_accept(c, TOK_KW_ASYNC);
    if (c->cur.kind == TOK_KW_DEF) {
        def_stmt(c, n, is_async);
    } else if (c->cur.kind == TOK_KW_CLASS && !is_async) {
        class_stmt(c, n);
    } else {
        compile_error(c, "invalid syntax");
    }
}

static void statement(compiler_t *c) {
    emit_set_line(c, c->cur.line);
    c->scope->n_stmts++;
    switch (c->cur.kind) {
        case TOK_KW_IF:
            if_stmt(c);
            return;
        case TOK_KW_WHILE:
            while_stmt(c);
            return;
        case TOK_KW_FOR:
            for_stmt(c, false);
            return;
        case TOK_KW_TRY:
            try_stmt(c);
            return;
        case TOK_KW_WITH:
            with_stmt(c, false);
            return;
        case TOK_KW_DEF:
            def_stmt(c, 0, false);
            return;
        case TOK_KW_CLASS:
            class_stmt(c, 0);
            return;
        case TOK_AT:
            decorated(c);
            return;
        case TOK_KW_ASYNC:
            tok_advance(c);
            if (c->cur.kind == TOK_KW_DEF) {
                def_stmt(c, 0, true);
            } else if (c->cur.kind == TOK_KW_FOR) {
                scope_require_async(c, "'async for' outside async function");
                for_stmt(c, true);
            } else if (c->cur.kind == TOK_KW_WITH) {
                scope_require_async(c, "'async with' outside async function");
                with_stmt(c, true);
            } else {
                compile_error(c, "invalid syntax");
            }
            return;
        case TOK_INDENT:
            compile_error(c, "unexpected indent");
        case TOK_NEWLINE:
            tok_advance(c);
            return;
        default:
            simple_statements(c);
    }
}

// ---- entry points ---------------------------------------------------------------

static value_t compile_main(compiler_t *c, qstr_t filename, compile_mode_t mode) {
    c->filename = filename;
    c->mode = mode;
    compile_input_incomplete = false;
    scope_t s;
    scope_open(c, &s, SCOPE_MODULE, Q_lt_module_gt);
    tok_advance(c);
    s.first_line = c->cur.line;
    s.last_line = c->cur.line;
    if (mode == COMPILE_EVAL) {
        while (tok_accept(c, TOK_NEWLINE)) {
        }
        expr_star_list_as_tuple(c);
        while (tok_accept(c, TOK_NEWLINE)) {
        }
        if (c->cur.kind != TOK_END) {
            compile_error(c, "invalid syntax");
        }
        emit_op(c, OP_RETURN_VALUE);
    } else {
        while (c->cur.kind != TOK_END) {
            if (c->cur.kind == TOK_DEDENT) {
                compile_error(c, "unindent does not match any outer indentation level");
            }
            statement(c);
        }
        emit_op(c, OP_LOAD_NONE);
        emit_op(c, OP_RETURN_VALUE);
    }
    return scope_close(c);
}

// The compiler's state (1 KiB with the lexer's) lives on the heap: the chip's
// C stack is 8 KiB.
value_t compile_string(const char *src, size_t len, qstr_t filename, compile_mode_t mode) {
    compiler_t *c = gc_alloc(sizeof(compiler_t), 0);
    lex_init_mem(&c->lex, src, len);
    if (mode == COMPILE_SINGLE) {
        lex_set_interactive(&c->lex, true);
    }
    value_t code = compile_main(c, filename, mode);
    gc_free(c);
    return code;
}

value_t compile_reader(int (*reader)(void *ctx), void *ctx, qstr_t filename, compile_mode_t mode) {
    compiler_t *c = gc_alloc(sizeof(compiler_t), 0);
    lex_init(&c->lex, reader, ctx);
    value_t code = compile_main(c, filename, mode);
    gc_free(c);
    return code;
}
