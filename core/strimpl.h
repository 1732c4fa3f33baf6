// SPDX-License-Identifier: MIT
// Private interface shared by the str, bytes, bytearray and memoryview
// files (str.c, str_methods.c, strformat.c, bytes.c, bytearray.c,
// memoryview.c, vstr.c). Not for use outside them.
#ifndef ESPY_STRIMPL_H
#define ESPY_STRIMPL_H

#include "obj.h"
#include "unicode.h"

// A str, bytes or bytearray operand seen as bytes: `type` says which
// kind of result the methods should make.
typedef struct strarg {
    const char *data;
    size_t len;
    size_t charlen;       // code points for str, == len for bytes
    const type_t *type;
} strarg_t;

// vstr.c: turns vs into an object with str's layout (charlen == len).
str_obj_t *vstr_take(vstr_t *vs, const type_t *type);

// str.c
size_t str_charlen_of(value_t v, const char *data, size_t len);
value_t str_new_len(const char *data, size_t len, size_t charlen);
value_t str_from_char(uint32_t c);
value_t str_from_vstr_charlen(vstr_t *vs, size_t charlen);
// Self of a str method (str, qstr or str subclass instance): its text.
const char *str_self(value_t v, size_t *len);
// An argument that must be a str: TypeError "must be str, not X" otherwise.
const char *str_arg(value_t v, size_t *len);
void str_print_quoted(const print_t *p, const char *s, size_t len, bool ascii_only);
size_t check_mul_size(size_t a, size_t b);   // MemoryError on overflow
value_t str_decode_utf8(const char *data, size_t len, value_t errors);
extern const type_t type_str_iterator;
// Pointer to code point i (0 <= i <= charlen) of the text.
const char *str_char_ptr(const char *s, size_t len, size_t charlen, size_t i);
// Byte search: first / last occurrence of needle, or NULL.
const char *str_search(const char *h, size_t hlen, const char *n, size_t nlen);
const char *str_rsearch(const char *h, size_t hlen, const char *n, size_t nlen);
bool str_equal(value_t a, value_t b);

// str_methods.c: methods shared by str, bytes and bytearray.
void strarg_self(value_t v, strarg_t *out);
value_t strarg_new(const type_t *type, const char *data, size_t len);
value_t strarg_from_vstr(const type_t *type, vstr_t *vs);
extern const map_t str_locals, bytes_locals, bytearray_locals;

// str_case.c: 0 utf-8, 1 ascii, 2 latin-1; LookupError for others.
int str_encoding_id(value_t encoding);

// strformat.c
value_t str_format(size_t n_args, size_t n_kw, const value_t *args);
value_t str_modulo(value_t fmt, value_t args, bool is_bytes);
extern const builtin_fun_t str_format_obj;

// bytes.c
void bytes_print_repr(const print_t *p, const char *s, size_t len);
value_t bytes_from_vstr(vstr_t *vs);
// Fills vs from a bytes() constructor argument (int size, buffer, iterable
// of ints, or str with encoding).
void bytes_fill_from(vstr_t *vs, size_t n_args, size_t n_kw, const value_t *args, qstr_t fn);
bool bytes_get_data(value_t v, const char **data, size_t *len);  // bytes/bytearray/buffer
value_t bytes_subscr_common(const type_t *type, const char *data, size_t len, value_t index);
value_t bytes_binary_common(binop_t op, const strarg_t *lhs, value_t rhs);
extern const builtin_fun_t bytes_fromhex_obj, bytearray_fromhex_obj;
uint8_t byte_from_value(value_t v);     // int 0..255 or ValueError
value_t bytes_getiter(value_t self);    // iterator of ints over bytes-like self
extern const builtin_fun_t str_encode_obj, bytes_hex_obj;

// bytearray.c
bytearray_obj_t *bytearray_self(value_t v);

#endif
