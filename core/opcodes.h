// SPDX-License-Identifier: MIT
// The bytecode, defined once.
//
// X(NAME, operands, stack effect, description). Operands: NONE (1 byte
// instruction), U8 (one byte), U16 (two bytes, little-endian), U8U8 (two
// single bytes), U16U8 (two bytes then one). The stack effect is the
// change in depth for the compiler's stack-size count; VAR means the
// compiler computes it from the operand. Jump operands are absolute offsets
// into the function's bytecode. Name operands are qstr numbers; fast/deref
// operands are slot numbers of the frame.
//
// The NAME_* instructions exist only while a function is being compiled:
// they hold an index into the compiler's name table and are rewritten to
// FAST, DEREF, GLOBAL or NAME forms (all three bytes long) when the scope
// of the name is known.
#ifndef ESPY_OPCODES_H
#define ESPY_OPCODES_H

#define OPCODES(X)                                                                  \
    X(NOP, NONE, 0, "do nothing")                                                   \
    X(LOAD_CONST, U16, 1, "push consts[n]")                                         \
    X(LOAD_NONE, NONE, 1, "push None")                                              \
    X(LOAD_TRUE, NONE, 1, "push True")                                              \
    X(LOAD_FALSE, NONE, 1, "push False")                                            \
    X(LOAD_SMALL, U16, 1, "push the small int n - 32768")                           \
    X(LOAD_FAST, U16, 1, "push local n (UnboundLocalError if unset)")               \
    X(STORE_FAST, U16, -1, "pop into local n")                                      \
    X(DELETE_FAST, U16, 0, "unset local n")                                         \
    X(LOAD_DEREF, U16, 1, "push the contents of the cell in slot n")                \
    X(STORE_DEREF, U16, -1, "pop into the cell in slot n")                          \
    X(DELETE_DEREF, U16, 0, "empty the cell in slot n")                             \
    X(LOAD_CLASSDEREF, U16, 1, "class body: push name of slot n from the namespace, else its cell") \
    X(LOAD_GLOBAL, U16, 1, "push global or builtin name n")                         \
    X(STORE_GLOBAL, U16, -1, "pop into global n")                                   \
    X(DELETE_GLOBAL, U16, 0, "delete global n")                                     \
    X(LOAD_NAME, U16, 1, "push name n from locals, globals, builtins")              \
    X(STORE_NAME, U16, -1, "pop into local-namespace name n")                       \
    X(DELETE_NAME, U16, 0, "delete local-namespace name n")                         \
    X(NAME_LOAD, U16, 1, "(compile time) load of name-table entry n")               \
    X(NAME_STORE, U16, -1, "(compile time) store to name-table entry n")            \
    X(NAME_DELETE, U16, 0, "(compile time) delete of name-table entry n")           \
    X(LOAD_ATTR, U16, 0, "replace TOS with TOS.name")                               \
    X(STORE_ATTR, U16, -2, "TOS.name = TOS1; pop both")                             \
    X(DELETE_ATTR, U16, -1, "del TOS.name")                                         \
    X(LOAD_METHOD, U16, 1, "replace TOS with method, self (or fn, NULL)")           \
    X(LOAD_SUBSCR, NONE, -1, "TOS1[TOS]")                                           \
    X(STORE_SUBSCR, NONE, -3, "TOS1[TOS] = TOS2")                                   \
    X(DELETE_SUBSCR, NONE, -2, "del TOS1[TOS]")                                     \
    X(POP_TOP, NONE, -1, "pop")                                                     \
    X(DUP_TOP, NONE, 1, "duplicate TOS")                                            \
    X(DUP_TOP_TWO, NONE, 2, "duplicate TOS1, TOS")                                  \
    X(ROT_TWO, NONE, 0, "swap TOS, TOS1")                                           \
    X(ROT_THREE, NONE, 0, "TOS to third place")                                     \
    X(ROT_FOUR, NONE, 0, "TOS to fourth place")                                     \
    X(UNARY_OP, U8, 0, "unary operator n on TOS")                                   \
    X(UNARY_NOT, NONE, 0, "logical not")                                            \
    X(BINARY_OP, U8, -1, "binary operator n (ops.h) on TOS1, TOS")                  \
    X(IS_OP, U8, -1, "TOS1 is TOS (n = 1: is not)")                                 \
    X(IN_OP, U8, -1, "TOS1 in TOS (n = 1: not in)")                                 \
    X(JUMP, U16, 0, "jump to n")                                                    \
    X(POP_JUMP_IF_FALSE, U16, -1, "pop; jump if false")                             \
    X(POP_JUMP_IF_TRUE, U16, -1, "pop; jump if true")                               \
    X(JUMP_IF_FALSE_OR_POP, U16, -1, "jump keeping TOS if false, else pop")         \
    X(JUMP_IF_TRUE_OR_POP, U16, -1, "jump keeping TOS if true, else pop")           \
    X(GET_ITER, NONE, 0, "replace TOS with iter(TOS)")                              \
    X(FOR_ITER, U16, 1, "push next(TOS), or pop TOS and jump at the end")           \
    X(BUILD_TUPLE, U16, VAR, "tuple of n items")                                    \
    X(BUILD_LIST, U16, VAR, "list of n items")                                      \
    X(BUILD_SET, U16, VAR, "set of n items")                                        \
    X(BUILD_MAP, U16, VAR, "dict of n key, value pairs")                            \
    X(BUILD_SLICE, U8, VAR, "slice of 2 or 3 items")                                \
    X(BUILD_STRING, U16, VAR, "join n strings")                                     \
    X(FORMAT_VALUE, U8, VAR, "format TOS (bits 0-1 conversion, bit 2 spec on TOS)") \
    X(LIST_APPEND, U16, -1, "append TOS to the list n deep")                        \
    X(SET_ADD, U16, -1, "add TOS to the set n deep")                                \
    X(MAP_ADD, U16, -2, "add TOS1: TOS to the dict n deep")                         \
    X(LIST_EXTEND, U16, -1, "extend the list n deep by TOS")                        \
    X(SET_UPDATE, U16, -1, "update the set n deep with TOS")                        \
    X(DICT_UPDATE, U16, -1, "update the dict n deep with TOS")                      \
    X(DICT_MERGE, U16, -1, "merge TOS into the keyword dict n deep (duplicates: TypeError)") \
    X(LIST_TO_TUPLE, NONE, 0, "replace a list by a tuple")                          \
    X(UNPACK_SEQUENCE, U16, VAR, "unpack TOS into n values")                        \
    X(UNPACK_EX, U16, VAR, "unpack with a star: low byte before, high after")       \
    X(CALL, U8U8, VAR, "call with n positional args, m keyword pairs")              \
    X(CALL_METHOD, U8U8, VAR, "call a LOAD_METHOD pair")                            \
    X(CALL_EX, U8, VAR, "call fn(*TOS1, **TOS) (bit 0: has kwargs)")                \
    X(MAKE_FUNCTION, U16U8, VAR, "function of code consts[n], flags m")             \
    X(RETURN_VALUE, NONE, -1, "return TOS")                                         \
    X(YIELD_VALUE, NONE, 0, "yield TOS; push the sent value")                       \
    X(YIELD_FROM, NONE, -1, "delegate to the iterator TOS1 with TOS sent")          \
    X(GET_YIELD_FROM_ITER, NONE, 0, "iter() for yield from")                        \
    X(GET_AWAITABLE, NONE, 0, "the iterator of an awaitable")                       \
    X(GET_AITER, NONE, 0, "__aiter__")                                              \
    X(GET_ANEXT, NONE, 1, "awaitable of __anext__")                                 \
    X(LOAD_BUILD_CLASS, NONE, 1, "push __build_class__")                            \
    X(SETUP_EXCEPT, U16, 0, "push an except block with handler n")                  \
    X(SETUP_FINALLY, U16, 0, "push a finally block with handler n")                 \
    X(SETUP_BLOCK, U16, 0, "push an empty block (a try without except or finally part)") \
    X(SETUP_WITH, U16, 1, "enter a context manager, push __exit__ and a block")     \
    X(WITH_CLEANUP, NONE, -1, "call __exit__ for the (value, kind) on the stack")  \
    X(POP_BLOCK, NONE, 0, "pop a block")                                            \
    X(POP_EXCEPT, NONE, 0, "leave an except handler")                               \
    X(END_FINALLY, NONE, -2, "resume what a finally block interrupted")             \
    X(JUMP_IF_NOT_EXC_MATCH, U16, -1, "pop a type; jump unless TOS matches it")     \
    X(RAISE, U8, VAR, "raise (0: the handled one, 1: TOS, 2: TOS1 from TOS, 3: re-raise TOS)")              \
    X(UNWIND_JUMP, U16U8, 0, "leave m blocks (running finally) and jump to n")      \
    X(END_ASYNC_FOR, NONE, -2, "end async for on StopAsyncIteration, else re-raise") \
    X(BEFORE_ASYNC_WITH, NONE, 1, "replace a manager by __aexit__, __aenter__()")     \
    X(SETUP_ASYNC_WITH, U16, 0, "push the finally block of an async with")           \
    X(WITH_CLEANUP_START, NONE, 1, "call __aexit__ for (value, kind): push awaitable") \
    X(WITH_CLEANUP_FINISH, NONE, -2, "apply __aexit__'s result, drop it and __aexit__") \
    X(IMPORT_NAME, U16, -1, "import name n (TOS1 level, TOS fromlist)")             \
    X(IMPORT_FROM, U16, 1, "push TOS.n for from-import")                            \
    X(IMPORT_STAR, NONE, -1, "import * from TOS")                                   \
    X(PRINT_EXPR, NONE, -1, "REPL: print repr(TOS) unless None")

typedef enum {
#define X(name, operands, effect, doc) OP_##name,
    OPCODES(X)
#undef X
    OP_COUNT
} opcode_t;

// MAKE_FUNCTION flags.
#define MAKE_FN_DEFAULTS 1
#define MAKE_FN_KWDEFAULTS 2

// Kinds of the (value, kind) pair a finally handler receives.
#define UNWIND_NORMAL 0
#define UNWIND_EXCEPTION 1
#define UNWIND_RETURN 2
#define UNWIND_JUMP_TO 3

const char *opcode_name(int op);
int opcode_length(int op);

#endif
