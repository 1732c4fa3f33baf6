// SPDX-License-Identifier: MIT
// Unary and binary operators, defined once. The VM's opcodes, the type slots,
// the runtime's dispatch and the dunder names of user classes all derive from
// these lists.
#ifndef ESPY_OPS_H
#define ESPY_OPS_H

// X(NAME, "dunder", "reflected dunder", "in-place dunder", "symbol")
// The first 13 have in-place and reflected forms, in the same order as the
// lexer's augmented-assignment tokens (PLUS_ASSIGN ... AT_ASSIGN) except that
// MATMUL comes last there.
#define BINARY_ARITH_OPS(X)                                   \
    X(ADD, "__add__", "__radd__", "__iadd__", "+")            \
    X(SUB, "__sub__", "__rsub__", "__isub__", "-")            \
    X(MUL, "__mul__", "__rmul__", "__imul__", "*")            \
    X(TRUEDIV, "__truediv__", "__rtruediv__", "__itruediv__", "/") \
    X(FLOORDIV, "__floordiv__", "__rfloordiv__", "__ifloordiv__", "//") \
    X(MOD, "__mod__", "__rmod__", "__imod__", "%")            \
    X(POW, "__pow__", "__rpow__", "__ipow__", "**")           \
    X(AND, "__and__", "__rand__", "__iand__", "&")            \
    X(OR, "__or__", "__ror__", "__ior__", "|")                \
    X(XOR, "__xor__", "__rxor__", "__ixor__", "^")            \
    X(LSHIFT, "__lshift__", "__rlshift__", "__ilshift__", "<<") \
    X(RSHIFT, "__rshift__", "__rrshift__", "__irshift__", ">>") \
    X(MATMUL, "__matmul__", "__rmatmul__", "__imatmul__", "@")

// Comparisons, then membership. Their reflections: LT<->GT, LE<->GE, EQ, NE.
#define BINARY_COMPARE_OPS(X)         \
    X(LT, "__lt__", "__gt__", "", "<")   \
    X(GT, "__gt__", "__lt__", "", ">")   \
    X(EQ, "__eq__", "__eq__", "", "==")  \
    X(NE, "__ne__", "__ne__", "", "!=")  \
    X(LE, "__le__", "__ge__", "", "<=")  \
    X(GE, "__ge__", "__le__", "", ">=")  \
    X(CONTAINS, "__contains__", "", "", "in")

typedef enum {
#define X(n, d, r, i, s) BINOP_##n,
    BINARY_ARITH_OPS(X)
#undef X
#define X(n, d, r, i, s) BINOP_INPLACE_##n,
    BINARY_ARITH_OPS(X)
#undef X
#define X(n, d, r, i, s) BINOP_REFLECTED_##n,
    BINARY_ARITH_OPS(X)
#undef X
#define X(n, d, r, i, s) BINOP_##n,
    BINARY_COMPARE_OPS(X)
#undef X
    BINOP_COUNT
} binop_t;

#define BINOP_ARITH_COUNT (BINOP_INPLACE_ADD - BINOP_ADD)
#define BINOP_INPLACE_FIRST BINOP_INPLACE_ADD
#define BINOP_REFLECTED_FIRST BINOP_REFLECTED_ADD
#define BINOP_COMPARE_FIRST BINOP_LT

// A type's binary_op slot receives the plain op (self on the left), an
// in-place op (self on the left, may mutate and return self), or a
// reflected op (self on the RIGHT: the call is binary_op(REFLECTED_x, rhs, lhs)).
// CONTAINS is called as binary_op(CONTAINS, container, item).
#define BINOP_IS_INPLACE(op) ((op) >= BINOP_INPLACE_FIRST && (op) < BINOP_REFLECTED_FIRST)
#define BINOP_IS_REFLECTED(op) ((op) >= BINOP_REFLECTED_FIRST && (op) < BINOP_COMPARE_FIRST)
#define BINOP_BASE(op) (BINOP_IS_INPLACE(op) ? (op) - BINOP_INPLACE_FIRST : BINOP_IS_REFLECTED(op) ? (op) - BINOP_REFLECTED_FIRST : (op))

// X(NAME, "dunder")
#define UNARY_OPS(X)         \
    X(POS, "__pos__")        \
    X(NEG, "__neg__")        \
    X(INVERT, "__invert__")  \
    X(BOOL, "__bool__")      \
    X(LEN, "__len__")        \
    X(HASH, "__hash__")      \
    X(ABS, "__abs__")        \
    X(INT, "__int__")        \
    X(FLOAT, "__float__")    \
    X(INDEX, "__index__")

typedef enum {
#define X(n, d) UNOP_##n,
    UNARY_OPS(X)
#undef X
    UNOP_COUNT
} unop_t;

#endif
