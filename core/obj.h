// SPDX-License-Identifier: MIT
// Objects and types: the layout every object shares, the type structure with
// its slots, and the layouts and entry points of the builtin types.
//
// Every object starts with a pointer to its type. A type's slots are C
// functions that the runtime (runtime.c) calls for the generic operations;
// a slot left NULL means the type does not support that operation, and the
// runtime raises the TypeError CPython would. Builtin types are `const` and
// live in read-only data (flash on the chip); classes made by `class`
// statements are heap types (type.c) whose slots look up dunder methods.
//
// Who owns what: runtime.c (dispatch), int.c/bigint.c (int), float.c,
// complex.c, format.c (format-spec mini-language), str.c/strformat.c (str,
// %, format), bytes.c (bytes, bytearray, memoryview), tuple.c, list.c,
// dict.c (dict and the map_t used by namespaces), set.c, range.c, iter.c
// (enumerate, zip, map, filter, reversed and the builtins built on
// iteration), func.c, type.c, exc.c, builtins.c, vm.c.
#ifndef ESPY_OBJ_H
#define ESPY_OBJ_H

#include <stdarg.h>

#include "value.h"
#include "ops.h"
#include "qstr.h"
#include "gc.h"
#include "nlr.h"
#include "config.h"

typedef struct type type_t;

typedef struct obj {
    const type_t *type;
} obj_t;

#define OBJ(v) ((obj_t *)VAL_PTR(v))
#define OBJ_TYPE_IS(v, t) (VAL_IS_OBJ(v) && OBJ(v)->type == (t))

// ---- output sinks -------------------------------------------------------

typedef struct print {
    void *ctx;
    void (*write)(void *ctx, const char *data, size_t len);
} print_t;

typedef enum { PRINT_STR, PRINT_REPR } print_kind_t;

// A growable byte buffer on the GC heap, used to build strings.
typedef struct vstr {
    char *buf;
    size_t len;
    size_t alloc;
} vstr_t;

void vstr_init(vstr_t *vs, size_t capacity);
void vstr_add_strn(vstr_t *vs, const char *s, size_t n);
void vstr_add_str(vstr_t *vs, const char *s);
void vstr_add_char(vstr_t *vs, char c);
void vstr_add_utf8(vstr_t *vs, uint32_t codepoint);
char *vstr_extend(vstr_t *vs, size_t n);      // room for n more bytes, len grows by n
const char *vstr_cstr(vstr_t *vs);            // the text NUL-terminated (room is always kept)
print_t vstr_printer(vstr_t *vs);             // a print_t that appends to vs

void print_strn(const print_t *p, const char *s, size_t n);
void print_str(const print_t *p, const char *s);
// printf-like: %s %d %u %ld %lu %zu %x %c, %q (qstr_t), %T (type name of a
// value_t), %R (repr of a value_t), %S (str of a value_t), %%.
void print_fmt(const print_t *p, const char *fmt, ...);
void print_vfmt(const print_t *p, const char *fmt, va_list ap);

// ---- maps: the hash table behind dicts, module globals, class and ---------
// ---- instance namespaces, and the read-only method tables of types --------

typedef struct map_entry {
    value_t key;     // VAL_NULL in an empty or deleted slot
    value_t value;
} map_entry_t;

// Entries are kept in insertion order (dict iteration order). A fixed map is
// a read-only table in ROM (a type's methods, a builtin module's globals),
// searched linearly; its keys are qstrs.
typedef struct map {
    uint32_t used;        // number of live entries
    uint32_t filled;      // entries in use including deleted ones
    uint32_t alloc;       // capacity of table
    uint8_t is_fixed;     // read-only: lookups only
    uint8_t reserved[3];
    map_entry_t *table;
    void *index;          // hash index into table (owned by dict.c), or NULL
} map_t;

#define MAP_ROM(entries) \
    { sizeof(entries) / sizeof((entries)[0]), sizeof(entries) / sizeof((entries)[0]), \
      sizeof(entries) / sizeof((entries)[0]), 1, {0, 0, 0}, (map_entry_t *)(entries), NULL }

typedef enum { MAP_LOOKUP, MAP_ADD_IF_MISSING, MAP_REMOVE } map_op_t;

void map_init(map_t *map, size_t capacity);
// Returns the entry for key: with MAP_LOOKUP NULL when absent; with
// MAP_ADD_IF_MISSING a new entry (value VAL_NULL) when absent; with MAP_REMOVE
// the removed entry's value is returned in a static slot (or NULL).
map_entry_t *map_lookup(map_t *map, value_t key, map_op_t op);
value_t map_get(const map_t *map, value_t key);             // VAL_NULL when absent
value_t map_get_qstr(const map_t *map, qstr_t name);        // fast path for names
void map_store(map_t *map, value_t key, value_t value);
void map_clear(map_t *map);

// ---- types ---------------------------------------------------------------

typedef struct buffer_info {
    void *buf;
    size_t len;
    int typecode;    // 'B' for bytes-like
} buffer_info_t;

#define BUFFER_READ 1
#define BUFFER_WRITE 2

typedef value_t (*native_fn_t)(size_t n_args, size_t n_kw, const value_t *args);

struct type {
    obj_t base;             // &type_type
    uint16_t name;          // qstr
    uint16_t flags;         // TYPE_FLAG_*
    // print: write str() or repr() of self
    void (*print)(const print_t *p, value_t self, print_kind_t kind);
    // make_new: called by type(...); args as in native_fn_t (n_kw pairs of
    // name, value follow the positional args)
    value_t (*make_new)(const type_t *type, size_t n_args, size_t n_kw, const value_t *args);
    value_t (*call)(value_t self, size_t n_args, size_t n_kw, const value_t *args);
    // unary_op/binary_op return VAL_NULL when the operation is not supported
    // for these operands (the runtime then tries the reflection or raises).
    value_t (*unary_op)(unop_t op, value_t self);
    value_t (*binary_op)(binop_t op, value_t lhs, value_t rhs);
    // attr: load when dest[0] == VAL_NULL: set dest[0] to the value, or to a
    // function and dest[1] to self for a method (bound lazily); leave
    // dest[0] NULL when absent (the runtime then looks in `locals`).
    // store when dest[0] == VAL_SENTINEL: store dest[1] (VAL_NULL = delete),
    // then set dest[0] = VAL_NULL to say it was done.
    void (*attr)(value_t self, qstr_t name, value_t *dest);
    // subscr: value == VAL_SENTINEL loads, VAL_NULL deletes, else stores.
    // Returns the loaded value (or VAL_NONE), VAL_NULL if unsupported.
    value_t (*subscr)(value_t self, value_t index, value_t value);
    value_t (*getiter)(value_t self);
    value_t (*iternext)(value_t self);   // VAL_STOP when exhausted
    bool (*buffer)(value_t self, buffer_info_t *info, int flags);
    const map_t *locals;    // methods and class attributes; may be NULL
    const type_t *parent;   // single base for builtin types (NULL = object)
    // A protocol defined outside core, for the types that have it: the
    // stream protocol of lib/stream.h (files, sockets, StringIO...).
    const void *protocol;
    // heap types (classes) continue in type.c's class_t
};

#define TYPE_FLAG_BASETYPE 0x0001    // may be subclassed
#define TYPE_FLAG_HEAP 0x0002        // a class made at run time (class_t)
#define TYPE_FLAG_EXCEPTION 0x0004   // BaseException or a subclass
#define TYPE_FLAG_ITER_IS_SELF 0x0008 // getiter returns self

extern const type_t type_type, type_object, type_NoneType, type_bool, type_int,
    type_float, type_complex, type_str, type_bytes, type_bytearray, type_memoryview,
    type_tuple, type_list, type_dict, type_set, type_frozenset, type_range,
    type_slice, type_ellipsis, type_NotImplementedType, type_function, type_builtin_function,
    type_bound_method, type_closure_cell, type_generator, type_coroutine, type_module,
    type_property, type_staticmethod, type_classmethod, type_super, type_code,
    type_enumerate, type_zip, type_map, type_filter, type_reversed, type_iterator;

// ---- builtin functions -----------------------------------------------------

// A C function callable from Python. args: n_args positional values, then
// n_kw (qstr name, value) pairs. The call machinery checks n_args against
// min/max and rejects keywords when takes_kw is false, so fn need not.
typedef struct builtin_fun {
    obj_t base;              // &type_builtin_function
    uint16_t name;           // qstr
    uint8_t min_args;
    uint8_t max_args;        // 255 = no limit
    uint8_t takes_kw;
    native_fn_t fn;
} builtin_fun_t;

#define ARGS_MAX 255
#define BUILTIN_FN(cname, qname, min, max, kw, fnptr) \
    const builtin_fun_t cname = {{&type_builtin_function}, qname, min, max, kw, fnptr}

// Keyword-argument helper for builtins that take them: finds name among
// the n_kw pairs after the positional args; VAL_NULL when not given.
value_t arg_kw(size_t n_args, size_t n_kw, const value_t *args, qstr_t name);
// Raises TypeError for any keyword not in the allowed list (Q_NULL-ended).
void arg_kw_check(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *allowed, qstr_t fn_name);
// The same with the wording CPython uses for some C builtins (sort, min,
// enumerate...): "'x' is an invalid keyword argument for f()".
void arg_kw_check_invalid(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *allowed, const char *fn);

// ---- layouts of the builtin types -------------------------------------------

typedef struct float_obj {
    obj_t base;
    pyfloat_t value;
} float_obj_t;

// complex: two pyfloat_t, as CPython's Py_complex is two doubles.
typedef struct cnum {
    pyfloat_t re, im;
} cnum_t;

typedef struct complex_obj {
    obj_t base;
    cnum_t value;
} complex_obj_t;

// str: immutable UTF-8; data follows the header, NUL-terminated.
// hash == 0 means not computed yet.
typedef struct str_obj {
    obj_t base;
    uint32_t hash;
    uint32_t len;         // bytes
    uint32_t charlen;     // code points (== len for ASCII)
    char data[];
} str_obj_t;

// bytes: same layout as str (hash, len, data); charlen unused (== len).
typedef str_obj_t bytes_obj_t;

// alloc 0 with items set: a bytearray over memory it does not own
// (uctypes.bytearray_at), which never grows nor frees it.
typedef struct bytearray_obj {
    obj_t base;
    size_t len;
    size_t alloc;
    uint8_t *items;
} bytearray_obj_t;

typedef struct tuple_obj {
    obj_t base;
    size_t len;
    value_t items[];
} tuple_obj_t;

typedef struct list_obj {
    obj_t base;
    size_t len;
    size_t alloc;
    value_t *items;
} list_obj_t;

typedef struct dict_obj {
    obj_t base;
    map_t map;
} dict_obj_t;

typedef struct set_obj {
    obj_t base;
    map_t map;       // keys only; values VAL_TRUE
} set_obj_t;

// A range whose bounds and items are all small ints keeps them as C
// integers; any other (bounds beyond a small int) has step 0 and keeps its
// bounds as int values in a tuple (start, stop, step), computed on with the
// int operations. range.c hides the difference.
typedef struct range_obj {
    obj_t base;
    smallint_t step;          // 0: a big range
    union {
        struct {
            smallint_t start, stop;
        };
        value_t big;          // (start, stop, step) of a big range
    };
} range_obj_t;

typedef struct slice_obj {
    obj_t base;
    value_t start, stop, step;
} slice_obj_t;

// A module: its globals are a dict (so that globals() can return it).
typedef struct module_obj {
    obj_t base;
    value_t globals;     // dict
    qstr_t name;
} module_obj_t;

value_t module_new(qstr_t name);                   // empty globals with __name__ set

// ---- entry points --------------------------------------------------------

// int (int.c): a small int when it fits, else a big int object.
value_t int_from_intptr(intptr_t i);
value_t int_from_uintptr(uintptr_t u);
value_t int_from_ll(long long i);
value_t int_from_ull(unsigned long long u);
value_t int_from_double(double d);    // truncates; raises for inf/nan
// Parses text as int() does (base 0 = literal rules with prefixes and _);
// raises ValueError "invalid literal for int() with base N: '...'".
value_t int_from_str(const char *s, size_t len, int base);
bool value_is_int(value_t v);          // int or bool (not float)
// The value as a C integer: TypeError if not an int, OverflowError if out of range.
smallint_t value_get_int(value_t v);
bool value_get_int_maybe(value_t v, smallint_t *out);   // false if not an int that fits
// The int or float behind an instance of a class derived from int or float
// (else v itself): where CPython accepts a subclass as its base type.
value_t value_native_number_of_instance(value_t v);
static inline value_t value_native_number(value_t v) {
    return ((v & 3) == 0 && v != 0 && (((const obj_t *)v)->type->flags & TYPE_FLAG_HEAP))
               ? value_native_number_of_instance(v) : v;
}
// v as an int for indexing and repetition: an int, an int subclass's value,
// or what __index__ returns; VAL_NULL when v has none.
value_t value_index_maybe(value_t v);
double int_as_double(value_t v);
// Appends the digits of abs(v) in base 2..36 (lower case) to out.
void int_format_digits(vstr_t *out, value_t v, int base, bool upper);
bool int_is_negative(value_t v);
value_t int_binary_op(binop_t op, value_t lhs, value_t rhs);   // both ints (small or big)

// float (float.c)
value_t float_new(double d);
double float_value(value_t v);          // v must be a float object
bool value_get_float_maybe(value_t v, double *out);   // int, bool or float
double value_get_float(value_t v);      // TypeError "must be real number, not X"
void float_print_repr(vstr_t *out, double d);  // shortest round-trip repr, as CPython

// The libm function for pyfloat_t: PYFLOAT_FN(sin) is sin, or sinf where
// floats are single precision (one rounding, and no double code on the chip).
#if ESPY_FLOAT_IS_DOUBLE
#define PYFLOAT_FN(fn) fn
#else
#define PYFLOAT_FN(fn) fn##f
#endif

// complex (complex.c)
value_t complex_new(pyfloat_t re, pyfloat_t im);
// The value of a complex, int, bool or float (or of an instance of a class
// derived from one) as a complex; false for anything else. OverflowError
// for an int too large for a float, as CPython's mixed arithmetic.
bool complex_get_maybe(value_t v, cnum_t *out);
// Any number as a complex, as cmath's functions take it: also an object
// with __complex__, __float__ or __index__; else TypeError "must be real
// number, not X".
cnum_t complex_get(value_t v);
// a / b by Smith's method, as CPython; false when b is 0.
bool complex_div(cnum_t a, cnum_t b, cnum_t *out);
// a ** b, as CPython (ZeroDivisionError for 0 to a negative or complex
// power, OverflowError when the result is infinite); also what a negative
// float to a fractional power gives.
value_t complex_pow(cnum_t a, cnum_t b);

// format.c: format(value, spec) for the builtin int, float, complex, str and bool
void format_value(vstr_t *out, value_t v, const char *spec, size_t speclen);

// str (str.c)
value_t str_new(const char *data, size_t len);          // copies, validates nothing
value_t str_new_cstr(const char *s);
value_t str_from_vstr(vstr_t *vs);                      // takes the buffer
const char *str_data(value_t v, size_t *len);           // str or qstr; NULL if neither
bool value_is_str(value_t v);
uint32_t str_hash(const char *data, size_t len);        // FNV-1a, never 0
value_t obj_repr(value_t v);
value_t obj_str(value_t v);
value_t str_intern_if_name(value_t v);                  // for getattr(obj, "name")
value_t bytes_new(const uint8_t *data, size_t len);
bool value_is_bytes(value_t v);

// tuple, list (tuple.c, list.c)
value_t tuple_new(size_t n, const value_t *items);      // items may be NULL: filled with None
value_t list_new(size_t n, const value_t *items);       // items may be NULL
void list_append(value_t list, value_t item);
void list_extend_from_iter(value_t list, value_t iterable);
value_t list_pop(value_t list, smallint_t index);
void list_sort(value_t list, value_t key, bool reverse);
// Items of a tuple or list (no copy), else NULL.
value_t *seq_items(value_t v, size_t *len);
// Converts any index value to a C index for a sequence of length len,
// with negative indices counted from the end; IndexError if out of range
// ("<type name> index out of range").
size_t seq_index(value_t index, size_t len, const char *type_name);
// Resolves a slice against a length: start, stop, step (step != 0).
void slice_indices(value_t slice, size_t len, smallint_t *start, smallint_t *stop, smallint_t *step);
value_t slice_new(value_t start, value_t stop, value_t step);

// dict, set (dict.c, set.c)
value_t dict_new(size_t capacity);
value_t dict_get(value_t dict, value_t key);            // VAL_NULL when absent
void dict_store(value_t dict, value_t key, value_t value);
map_t *dict_map(value_t dict);
value_t set_new(const type_t *type);                     // set or frozenset
void set_add(value_t set, value_t item);
bool set_contains(value_t set, value_t item);

// range (range.c)
value_t range_new(smallint_t start, smallint_t stop, smallint_t step);

// runtime.c: the generic operations
const type_t *value_type(value_t v);
qstr_t value_type_name(value_t v);
bool obj_is_true(value_t v);
uint32_t obj_hash(value_t v);              // TypeError "unhashable type: 'list'"
bool obj_equal(value_t a, value_t b);
value_t obj_len(value_t v);                // TypeError "object of type 'X' has no len()"
size_t obj_len_size(value_t v);
value_t binary_op(binop_t op, value_t lhs, value_t rhs);
value_t unary_op(unop_t op, value_t v);
bool obj_is_instance(value_t obj, const type_t *type);
bool type_is_subtype(const type_t *sub, const type_t *super);
value_t obj_getattr(value_t obj, qstr_t name);              // AttributeError
value_t obj_getattr_maybe(value_t obj, qstr_t name);        // VAL_NULL when absent
void obj_setattr(value_t obj, qstr_t name, value_t value);  // value VAL_NULL deletes
// Loads a method for a call: dest[0] = function, dest[1] = self (or
// VAL_NULL when dest[0] is already callable without self).
void obj_load_method(value_t obj, qstr_t name, value_t dest[2]);
bool obj_load_method_maybe(value_t obj, qstr_t name, value_t dest[2]);
value_t obj_subscr(value_t obj, value_t index, value_t value);  // VAL_SENTINEL load, VAL_NULL delete
value_t obj_getiter(value_t v);
value_t obj_getiter_maybe(value_t v);       // VAL_NULL when v is not iterable
value_t obj_iternext(value_t iter);        // VAL_STOP when exhausted
value_t call_function(value_t fn, size_t n_args, size_t n_kw, const value_t *args);
// The value a finished generator returned (None for anything else), for next().
value_t generator_return_value(value_t gen);
value_t call_function_0(value_t fn);
value_t call_function_1(value_t fn, value_t a);
value_t call_function_2(value_t fn, value_t a, value_t b);
value_t call_method(value_t obj, qstr_t name, size_t n_args, const value_t *args);
void obj_print(const print_t *p, value_t v, print_kind_t kind);
bool obj_get_buffer(value_t v, buffer_info_t *info, int flags);    // false if no buffer
void obj_get_buffer_raise(value_t v, buffer_info_t *info, int flags);  // TypeError if none
// The object of the given builtin type behind v: v itself, or the native
// base object inside an instance of a class derived from that type. Raises
// TypeError ("descriptor 'NAME' ... doesn't apply to a 'X' object" style:
// "expected 'list', got 'int'") when v is neither. Builtin methods use it on
// their self argument.
void *obj_native(value_t v, const type_t *type);
void *obj_native_maybe(value_t v, const type_t *type);    // NULL instead of raising
// Checks the number of positional args of a builtin: TypeError otherwise.
void arg_check_count(size_t n_args, size_t min, size_t max, qstr_t fn_name);
// The same for a builtin function called as a method of self (n_args
// counts self; the message does not).
void arg_check_method_count(const builtin_fun_t *b, value_t self, size_t n_args);
_Noreturn void raise_arg_count(size_t n, size_t min, size_t max, qstr_t name, const type_t *owner);

// exc.c: raising. All of these unwind with nlr_raise and never return.
_Noreturn void raise_msg(const type_t *exc_type, const char *msg);
_Noreturn void raise_fmt(const type_t *exc_type, const char *fmt, ...);
_Noreturn void raise_obj(value_t exc);       // an exception instance or class
_Noreturn void raise_type_error_unsupported(binop_t op, value_t lhs, value_t rhs);
_Noreturn void raise_os_error(int errno_value);
_Noreturn void exc_raise_memory_error(size_t request);   // raises a preallocated MemoryError
value_t exc_new(const type_t *exc_type, size_t n_args, const value_t *args);
value_t exc_new_msg(const type_t *exc_type, const char *msg);
bool exc_matches(value_t exc, value_t exc_type_or_tuple);
// Traceback entries, added by the VM innermost first; block Q_NULL means no
// function name (a SyntaxError's location).
void exc_add_traceback(value_t exc, qstr_t file, size_t line, qstr_t block);
void exc_print_traceback(const print_t *p, value_t exc);
// The board's tracebacks end as MicroPython's do: "Type: " even with no
// message (KeyboardInterrupt: ), where CPython's (a script's) end "Type".
extern bool exc_port_style;
void exc_set_cause(value_t exc, value_t cause);       // raise ... from cause (None suppresses context)
void exc_set_context(value_t exc, value_t context);   // only if no context is set yet

extern const type_t type_BaseException, type_Exception, type_ArithmeticError,
    type_AssertionError, type_AttributeError, type_EOFError, type_GeneratorExit,
    type_ImportError, type_IndentationError, type_IndexError, type_KeyError,
    type_KeyboardInterrupt, type_LookupError, type_MemoryError, type_NameError,
    type_NotImplementedError, type_OSError, type_OverflowError, type_RuntimeError,
    type_StopIteration, type_StopAsyncIteration, type_SyntaxError, type_SystemExit,
    type_TypeError, type_UnboundLocalError, type_ValueError, type_ZeroDivisionError,
    type_UnicodeError, type_RecursionError;

// ---- str.c, str_*.c, strformat.c, vstr.c, bytes.c, bytearray.c, memoryview.c additions
// f-strings: f"{x!r:>{w}}" compiles to str_format_field(x, 'r', spec) for
// each field (conversion 0, 'r', 's' or 'a'; spec a str or VAL_NULL), and
// the pieces are joined with str_join_n.
value_t str_format_field(value_t v, int conversion, value_t spec);
value_t str_join_n(size_t n, const value_t *pieces);
// The hash of a str object or qstr (cached in the object): obj_hash must use
// it for str objects, since on 32-bit targets a 32-bit hash does not fit in
// the small int that the UNOP_HASH slot returns.
uint32_t str_value_hash(value_t v);
value_t bytearray_new(const uint8_t *data, size_t len);
value_t memoryview_new(value_t obj);
// Builtins for the builtins module: chr, ord, repr, ascii, format.
extern const builtin_fun_t builtin_chr_obj, builtin_ord_obj, builtin_repr_obj,
    builtin_ascii_obj, builtin_format_obj, builtin_dir_obj;

// ---- tuple.c, list.c, dict.c, set.c, range.c, iter.c additions
extern const tuple_obj_t tuple_empty_obj;              // () is this one object
value_t tuple_from_iter(value_t iterable);             // a tuple is returned as is
value_t list_from_iter(value_t iterable);
// Sequence helpers shared by tuple and list (a and b the same kind):
// lexicographic comparison (op one of LT..GE), find (-1 when absent), count.
value_t seq_compare(binop_t op, value_t a, value_t b);
intptr_t seq_find(value_t seq, value_t x, size_t start, size_t stop);
size_t seq_count(value_t seq, value_t x);
value_t seq_index_method(size_t n_args, const value_t *args, const char *what);
void seq_print(const print_t *p, value_t self, const value_t *items, size_t n, const char *brackets);
value_t *seq_repeat(const value_t *items, size_t len, value_t times, size_t *out_len);
// Guard for reprs of containers that contain themselves: repr_enter is
// false when v is already being printed (print "[...]"); else call
// repr_leave(v) when done, also when unwinding.
bool repr_enter(value_t v);
void repr_leave(value_t v);
// Index arithmetic (range.c): an int or __index__ object as a C integer
// (TypeError "'X' object cannot be interpreted as an integer", OverflowError
// for big ints); a start/stop argument clamped to [0, len] as slices do;
// the number of items of a resolved slice.
smallint_t index_value(value_t v);
smallint_t slice_clamp_index(value_t v, size_t len);
size_t slice_length(smallint_t start, smallint_t stop, smallint_t step);
// Map iteration: the next live entry at or after *pos (NULL at the end).
map_entry_t *map_next(const map_t *map, size_t *pos);
void dict_print_map(const print_t *p, const map_t *map, bool keys_only);
// Sets: add every item of an iterable; in-place |, &, -, ^ with any
// iterable on the right (op the plain BINOP_OR...); returns set.
void set_update_from_iter(value_t set, value_t iterable);
// {a, b, c} with more than two items that are all constants: CPython builds
// it by merging a folded frozenset, in another order than one by one.
value_t set_from_constants(size_t n, const value_t *items);
value_t set_inplace_op(binop_t op, value_t set, value_t other);
// Iterators (iter.c): getiter of types whose iterator is themselves; the
// iterator over an object with __getitem__ only (for obj_getiter).
value_t iter_self(value_t self);
value_t iter_new_getitem(value_t seq);
extern const type_t type_tuple_iterator, type_list_iterator, type_list_reverseiterator,
    type_range_iterator, type_set_iterator, type_callable_iterator, type_dict_keys,
    type_dict_values, type_dict_items, type_dict_keyiterator, type_dict_valueiterator,
    type_dict_itemiterator;
// Builtins for the builtins module (the types enumerate, zip, map, filter,
// reversed, range, slice, tuple, list, dict, set, frozenset are in too).
extern const builtin_fun_t builtin_iter_obj, builtin_next_obj, builtin_all_obj,
    builtin_any_obj, builtin_sum_obj, builtin_min_obj, builtin_max_obj, builtin_sorted_obj;

// ---- type.c, exc.c, builtins*.c, modules.c, mod_*.c additions
// More exception types (CPython's; import raises ModuleNotFoundError).
extern const type_t type_ModuleNotFoundError, type_FileExistsError, type_FileNotFoundError,
    type_PermissionError, type_TimeoutError;
// A bare `raise` (and a finally block re-raising): raises exc without
// recording the current frame in its traceback a second time.
_Noreturn void exc_reraise(value_t exc);

#endif
