// SPDX-License-Identifier: MIT
// The method tables of str, bytes and bytearray, and str's dunder methods
// (for explicit calls such as "a".__add__("b") and for subclasses that
// call up to str). The methods themselves are in str_methods.c,
// str_case.c, strformat.c, bytes.c and bytearray.c; most are shared by the
// three types.
#include "obj.h"
#include "strimpl.h"

// Names made by the macros below (listed for tools/genqstr.py): Q_find Q_rfind
// Q_index Q_rindex Q_count Q_startswith Q_endswith Q_split Q_rsplit
// Q_splitlines Q_partition Q_rpartition Q_join Q_strip Q_lstrip Q_rstrip
// Q_removeprefix Q_removesuffix Q_replace Q_center Q_ljust Q_rjust Q_zfill
// Q_upper Q_lower Q_swapcase Q_capitalize Q_title Q_isdigit Q_isalpha
// Q_isspace Q_isalnum Q_isascii Q_isupper Q_islower Q_istitle Q_expandtabs
// Q_translate Q_maketrans Q_casefold Q_isdecimal Q_isnumeric Q_isprintable Q_isidentifier Q_encode
// Q___add__ Q___mul__ Q___rmul__ Q___mod__ Q___eq__ Q___ne__ Q___lt__ Q___le__
// Q___gt__ Q___ge__ Q___contains__ Q___len__ Q___hash__ Q___getitem__
// Q___iter__ Q___str__ Q___repr__ Q___format__

#define M(name) extern const builtin_fun_t str_##name##_obj;
#define STR_SHARED(X) X(find) X(rfind) X(index) X(rindex) X(count) X(startswith) \
    X(endswith) X(split) X(rsplit) X(splitlines) X(partition) X(rpartition) X(join) \
    X(strip) X(lstrip) X(rstrip) X(removeprefix) X(removesuffix) X(replace) X(center) \
    X(ljust) X(rjust) X(zfill) X(upper) X(lower) X(swapcase) X(capitalize) X(title) \
    X(isdigit) X(isalpha) X(isspace) X(isalnum) X(isascii) X(isupper) X(islower) \
    X(istitle) X(expandtabs) X(translate)
#define STR_ONLY(X) X(casefold) X(isdecimal) X(isnumeric) X(isprintable) \
    X(isidentifier) X(encode) X(maketrans)
STR_SHARED(M)
STR_ONLY(M)
#undef M

extern const builtin_fun_t str_format_map_obj, bytes_decode_obj, bytes_hex_obj, bytearray_append_obj,
    bytearray_extend_obj, bytearray_pop_obj, bytearray_remove_obj, bytearray_insert_obj,
    bytearray_clear_obj, bytearray_copy_obj, bytearray_reverse_obj;

// ---- str dunder methods -----------------------------------------------------

static value_t native(value_t v) {
    return value_is_str(v) ? v : PTR_VAL(obj_native(v, &type_str));
}

static value_t binop_result(value_t r) {
    return r == VAL_NULL ? VAL_NOTIMPL : r;
}

#define DUNDER_BINOP(name, op)                                                     \
    static value_t str_##name(size_t n_args, size_t n_kw, const value_t *args) {  \
        return binop_result(type_str.binary_op(op, native(args[0]), args[1]));     \
    }                                                                              \
    static BUILTIN_FN(str_##name##_obj, Q_##name, 2, 2, false, str_##name)

DUNDER_BINOP(__add__, BINOP_ADD);
DUNDER_BINOP(__mul__, BINOP_MUL);
DUNDER_BINOP(__rmul__, BINOP_REFLECTED_MUL);
DUNDER_BINOP(__mod__, BINOP_MOD);
DUNDER_BINOP(__eq__, BINOP_EQ);
DUNDER_BINOP(__ne__, BINOP_NE);
DUNDER_BINOP(__lt__, BINOP_LT);
DUNDER_BINOP(__le__, BINOP_LE);
DUNDER_BINOP(__gt__, BINOP_GT);
DUNDER_BINOP(__ge__, BINOP_GE);
DUNDER_BINOP(__contains__, BINOP_CONTAINS);

static value_t str___len__(size_t n_args, size_t n_kw, const value_t *args) {
    return type_str.unary_op(UNOP_LEN, native(args[0]));
}
static BUILTIN_FN(str___len___obj, Q___len__, 1, 1, false, str___len__);

static value_t str___hash__(size_t n_args, size_t n_kw, const value_t *args) {
    return type_str.unary_op(UNOP_HASH, native(args[0]));
}
static BUILTIN_FN(str___hash___obj, Q___hash__, 1, 1, false, str___hash__);

static value_t str___getitem__(size_t n_args, size_t n_kw, const value_t *args) {
    return type_str.subscr(native(args[0]), args[1], VAL_SENTINEL);
}
static BUILTIN_FN(str___getitem___obj, Q___getitem__, 2, 2, false, str___getitem__);

static value_t str___iter__(size_t n_args, size_t n_kw, const value_t *args) {
    return type_str.getiter(native(args[0]));
}
static BUILTIN_FN(str___iter___obj, Q___iter__, 1, 1, false, str___iter__);

static value_t str___str__(size_t n_args, size_t n_kw, const value_t *args) {
    return native(args[0]);
}
static BUILTIN_FN(str___str___obj, Q___str__, 1, 1, false, str___str__);

static value_t str___repr__(size_t n_args, size_t n_kw, const value_t *args) {
    return obj_repr(native(args[0]));
}
static BUILTIN_FN(str___repr___obj, Q___repr__, 1, 1, false, str___repr__);

static value_t str___format__(size_t n_args, size_t n_kw, const value_t *args) {
    return str_format_field(native(args[0]), 0, args[1]);
}
static BUILTIN_FN(str___format___obj, Q___format__, 2, 2, false, str___format__);

// ---- the tables -------------------------------------------------------------

#define ENTRY(name) {QSTR(Q_##name), PTR_VAL(&str_##name##_obj)},

// Method tables are searched linearly: the most used methods come first.
#define STR_FIRST(X) X(join) X(split) X(strip) X(replace) X(startswith) X(endswith) \
    X(find) X(lower) X(upper) X(rstrip) X(encode) X(lstrip) X(count) X(isdigit) X(index) \
    X(rsplit) X(partition) X(splitlines) X(center) X(ljust) X(rjust) X(zfill) X(isalpha) \
    X(isspace) X(rfind) X(title) X(capitalize) X(isupper) X(islower) X(isalnum)
#define STR_REST(X) X(rindex) X(rpartition) X(removeprefix) X(removesuffix) X(swapcase) \
    X(isascii) X(istitle) X(expandtabs) X(translate) X(casefold) X(isdecimal) X(isnumeric) \
    X(isprintable) X(isidentifier) X(maketrans)

static const map_entry_t str_locals_table[] = {
    {QSTR(Q_format), PTR_VAL(&str_format_obj)},
    STR_FIRST(ENTRY)
    STR_REST(ENTRY)
    {QSTR(Q_format_map), PTR_VAL(&str_format_map_obj)},
    ENTRY(__add__) ENTRY(__mul__) ENTRY(__rmul__) ENTRY(__mod__) ENTRY(__eq__) ENTRY(__ne__)
    ENTRY(__lt__) ENTRY(__le__) ENTRY(__gt__) ENTRY(__ge__) ENTRY(__contains__) ENTRY(__len__)
    ENTRY(__hash__) ENTRY(__getitem__) ENTRY(__iter__) ENTRY(__str__) ENTRY(__repr__)
    ENTRY(__format__)
};
const map_t str_locals = MAP_ROM(str_locals_table);

static const map_entry_t bytes_locals_table[] = {
    STR_SHARED(ENTRY)
    {QSTR(Q_decode), PTR_VAL(&bytes_decode_obj)},
    {QSTR(Q_hex), PTR_VAL(&bytes_hex_obj)},
    {QSTR(Q_fromhex), PTR_VAL(&bytes_fromhex_obj)},
};
const map_t bytes_locals = MAP_ROM(bytes_locals_table);

static const map_entry_t bytearray_locals_table[] = {
    {QSTR(Q_append), PTR_VAL(&bytearray_append_obj)},
    {QSTR(Q_extend), PTR_VAL(&bytearray_extend_obj)},
    {QSTR(Q_pop), PTR_VAL(&bytearray_pop_obj)},
    {QSTR(Q_remove), PTR_VAL(&bytearray_remove_obj)},
    {QSTR(Q_insert), PTR_VAL(&bytearray_insert_obj)},
    {QSTR(Q_clear), PTR_VAL(&bytearray_clear_obj)},
    {QSTR(Q_copy), PTR_VAL(&bytearray_copy_obj)},
    {QSTR(Q_reverse), PTR_VAL(&bytearray_reverse_obj)},
    STR_SHARED(ENTRY)
    {QSTR(Q_decode), PTR_VAL(&bytes_decode_obj)},
    {QSTR(Q_hex), PTR_VAL(&bytes_hex_obj)},
    {QSTR(Q_fromhex), PTR_VAL(&bytearray_fromhex_obj)},
};
const map_t bytearray_locals = MAP_ROM(bytearray_locals_table);
