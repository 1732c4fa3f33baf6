// SPDX-License-Identifier: MIT
// Unit test of the str/bytes files, linked with gc.c and qstr.c only: the
// rest of the runtime is stubbed below (lists and tuples are minimal
// stand-ins). Build and run: make -f tests/unit/test_str.mk
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj.h"
#include "strimpl.h"

// ---- stubs ------------------------------------------------------------------

nlr_buf_t *nlr_top;
static const type_t *last_exc_type;
static char last_exc_msg[256];

_Noreturn void nlr_raise(value_t v) {
    nlr_buf_t *top = nlr_top;
    if (top == NULL) {
        fprintf(stderr, "uncaught: %s\n", last_exc_msg);
        abort();
    }
    nlr_top = top->prev;
    top->value = v;
    longjmp(top->jmp, 1);
}

#define EXC(n) const type_t type_##n = {{&type_type}, .name = Q_##n};  // Q_IndexError Q_KeyError Q_LookupError Q_MemoryError Q_OverflowError Q_TypeError Q_UnicodeError Q_ValueError
EXC(IndexError) EXC(KeyError) EXC(LookupError) EXC(MemoryError) EXC(OverflowError)
EXC(TypeError) EXC(UnicodeError) EXC(ValueError)
const type_t type_type = {{&type_type}, .name = Q_type};
const type_t type_builtin_function = {{&type_type}, .name = Q_function};
const type_t type_dict = {{&type_type}, .name = Q_dict};
const type_t type_float = {{&type_type}, .name = Q_float};
const type_t type_int = {{&type_type}, .name = Q_int};
const type_t type_slice = {{&type_type}, .name = Q_slice};

typedef struct seq {
    obj_t base;
    size_t len;
    value_t items[64];
} seq_t;
static void stub_seq_print(const print_t *p, value_t self, print_kind_t kind);
const type_t type_tuple = {{&type_type}, .name = Q_tuple, .print = stub_seq_print};
static const type_t type_list_stub = {{&type_type}, .name = Q_list, .print = stub_seq_print};

static void stub_seq_print(const print_t *p, value_t self, print_kind_t kind) {
    seq_t *s = VAL_PTR(self);
    bool tuple = s->base.type == &type_tuple;
    print_str(p, tuple ? "(" : "[");
    for (size_t i = 0; i < s->len; i++) {
        if (i) {
            print_str(p, ", ");
        }
        obj_print(p, s->items[i], PRINT_REPR);
    }
    print_str(p, tuple && s->len == 1 ? ",)" : tuple ? ")" : "]");
}

value_t tuple_new(size_t n, const value_t *items) {
    seq_t *s = gc_alloc(sizeof(seq_t), 0);
    s->base.type = &type_tuple;
    s->len = n;
    if (items) {
        memcpy(s->items, items, n * sizeof(value_t));
    }
    return PTR_VAL(s);
}
value_t list_new(size_t n, const value_t *items) {
    value_t v = tuple_new(n, items);
    ((seq_t *)VAL_PTR(v))->base.type = &type_list_stub;
    return v;
}
void list_append(value_t list, value_t item) {
    seq_t *s = VAL_PTR(list);
    s->items[s->len++] = item;
}
value_t *seq_items(value_t v, size_t *len) {
    if (OBJ_TYPE_IS(v, &type_tuple) || OBJ_TYPE_IS(v, &type_list_stub)) {
        seq_t *s = VAL_PTR(v);
        *len = s->len;
        return s->items;
    }
    return NULL;
}
value_t obj_getiter(value_t v) {
    const type_t *t = VAL_IS_QSTR(v) ? &type_str : OBJ(v)->type;
    return t->getiter(v);
}
value_t obj_iternext(value_t it) {
    return OBJ(it)->type->iternext(it);
}
void list_extend_from_iter(value_t list, value_t iterable) {
    value_t it = obj_getiter(iterable), x;
    while ((x = obj_iternext(it)) != VAL_STOP) {
        list_append(list, x);
    }
}

typedef struct sl {
    obj_t base;
    value_t start, stop, step;
} sl_t;
static value_t mkslice(value_t a, value_t b, value_t c) {
    sl_t *s = gc_alloc(sizeof(sl_t), 0);
    s->base.type = &type_slice;
    s->start = a, s->stop = b, s->step = c;
    return PTR_VAL(s);
}
void slice_indices(value_t slice, size_t len, smallint_t *start, smallint_t *stop, smallint_t *step) {
    sl_t *s = VAL_PTR(slice);
    smallint_t st = s->step == VAL_NONE ? 1 : SMALL_VALUE(s->step), n = (smallint_t)len;
    smallint_t lo = st < 0 ? -1 : 0, hi = st < 0 ? n - 1 : n;
    smallint_t a = s->start == VAL_NONE ? (st < 0 ? hi : lo) : SMALL_VALUE(s->start);
    smallint_t b = s->stop == VAL_NONE ? (st < 0 ? lo : hi) : SMALL_VALUE(s->stop);
    if (s->start != VAL_NONE) {
        if (a < 0) { a += n; if (a < lo) a = lo; } else if (a > hi) a = hi;
    }
    if (s->stop != VAL_NONE) {
        if (b < 0) { b += n; if (b < lo) b = lo; } else if (b > hi) b = hi;
    }
    *start = a, *stop = b, *step = st;
}
size_t seq_index(value_t index, size_t len, const char *type_name) {
    smallint_t i = SMALL_VALUE(index);
    if (i < 0) i += (smallint_t)len;
    if (i < 0 || (size_t)i >= len) raise_fmt(&type_IndexError, "%s index out of range", type_name);
    return (size_t)i;
}

value_t arg_kw(size_t n_args, size_t n_kw, const value_t *args, qstr_t name) {
    for (size_t i = 0; i < n_kw; i++) {
        if (args[n_args + 2 * i] == QSTR(name)) return args[n_args + 2 * i + 1];
    }
    return VAL_NULL;
}
void arg_kw_check(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *allowed, qstr_t fn) {}
value_t call_function(value_t fn, size_t n_args, size_t n_kw, const value_t *args) {
    return ((builtin_fun_t *)VAL_PTR(fn))->fn(n_args, n_kw, args);
}
value_t call_function_2(value_t fn, value_t a, value_t b) {
    value_t args[2] = {a, b};
    return call_function(fn, 2, 0, args);
}
value_t exc_new(const type_t *t, size_t n, const value_t *args) {
    last_exc_type = t;
    size_t len;
    const char *s = str_data(args[0], &len);
    snprintf(last_exc_msg, sizeof last_exc_msg, "%.*s", (int)len, s);
    return SMALL(1);
}
_Noreturn void raise_obj(value_t exc) { nlr_raise(exc); }
_Noreturn void exc_raise_memory_error(size_t request) { raise_msg(&type_MemoryError, "memory"); }
_Noreturn void raise_msg(const type_t *t, const char *msg) {
    last_exc_type = t;
    snprintf(last_exc_msg, sizeof last_exc_msg, "%s", msg);
    nlr_raise(SMALL(1));
}
_Noreturn void raise_fmt(const type_t *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_exc_msg, sizeof last_exc_msg, fmt, ap);
    va_end(ap);
    last_exc_type = t;
    nlr_raise(SMALL(1));
}
void print_fmt(const print_t *p, const char *fmt, ...) {
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    print_str(p, buf);
}
double int_as_double(value_t v) { return (double)SMALL_VALUE(v); }
value_t float_new(double d) { return SMALL((smallint_t)d); }
value_t int_from_double(double d) { return SMALL((smallint_t)d); }
bool value_is_int(value_t v) { return VAL_IS_SMALL(v) || VAL_IS_BOOL(v); }
bool int_is_negative(value_t v) { return SMALL_VALUE(v) < 0; }
bool value_get_int_maybe(value_t v, smallint_t *out) {
    if (VAL_IS_BOOL(v)) { *out = v == VAL_TRUE; return true; }
    if (!VAL_IS_SMALL(v)) return false;
    *out = SMALL_VALUE(v);
    return true;
}
smallint_t value_get_int(value_t v) {
    smallint_t i;
    if (!value_get_int_maybe(v, &i)) raise_msg(&type_TypeError, "not an int");
    return i;
}
bool value_get_float_maybe(value_t v, double *out) {
    smallint_t i;
    if (!value_get_int_maybe(v, &i)) return false;
    *out = (double)i;
    return true;
}
void int_format_digits(vstr_t *out, value_t v, int base, bool upper) {
    char buf[70];
    unsigned long long u = SMALL_VALUE(v) < 0 ? -(unsigned long long)SMALL_VALUE(v) : (unsigned long long)SMALL_VALUE(v);
    int n = 0;
    do { int d = (int)(u % (unsigned)base); buf[n++] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10); u /= (unsigned)base; } while (u);
    while (n) vstr_add_char(out, buf[--n]);
}
void format_value(vstr_t *out, value_t v, const char *spec, size_t speclen) {
    // stand-in: only '>N' and empty specs
    vstr_t t;
    vstr_init(&t, 8);
    print_t p = vstr_printer(&t);
    obj_print(&p, v, PRINT_STR);
    size_t w = speclen > 1 && spec[0] == '>' ? (size_t)atoi(spec + 1) : 0;
    size_t chars = utf8_charlen(t.buf, t.len);
    for (; w > chars; w--) vstr_add_char(out, ' ');
    vstr_add_strn(out, t.buf, t.len);
}
bool obj_get_buffer(value_t v, buffer_info_t *info, int flags) {
    if (!VAL_IS_OBJ(v) || OBJ(v)->type->buffer == NULL) return false;
    return OBJ(v)->type->buffer(v, info, flags);
}
value_t obj_getattr(value_t obj, qstr_t name) { raise_msg(&type_TypeError, "getattr"); }
bool obj_is_true(value_t v) { return v == VAL_TRUE || (VAL_IS_SMALL(v) && v != SMALL(0)); }
bool obj_load_method_maybe(value_t obj, qstr_t name, value_t dest[2]) { return false; }
void *obj_native(value_t v, const type_t *type) { raise_msg(&type_TypeError, "native"); }
void *obj_native_maybe(value_t v, const type_t *type) { return NULL; }
value_t obj_subscr(value_t obj, value_t index, value_t value) {
    return OBJ(obj)->type->subscr(obj, index, value);
}
const type_t *value_type(value_t v) {
    if (VAL_IS_SMALL(v)) return &type_int;
    if (VAL_IS_QSTR(v)) return &type_str;
    if (VAL_IS_OBJ(v)) return OBJ(v)->type;
    return &type_type;
}
qstr_t value_type_name(value_t v) {
    if (VAL_IS_SMALL(v)) return Q_int;
    if (VAL_IS_QSTR(v)) return Q_str;
    if (VAL_IS_OBJ(v)) return OBJ(v)->type->name;
    return Q_NoneType;
}
void obj_print(const print_t *p, value_t v, print_kind_t kind) {
    if (VAL_IS_SMALL(v)) {
        print_fmt(p, "%ld", (long)SMALL_VALUE(v));
    } else if (VAL_IS_QSTR(v)) {
        type_str.print(p, v, kind);
    } else if (v == VAL_NONE) {
        print_str(p, "None");
    } else if (VAL_IS_BOOL(v)) {
        print_str(p, v == VAL_TRUE ? "True" : "False");
    } else {
        OBJ(v)->type->print(p, v, kind);
    }
}
void gc_mark_roots(void) {}
void print_strn(const print_t *p, const char *s, size_t n) {
    if (n > 0) {
        p->write(p->ctx, s, n);
    }
}
void print_str(const print_t *p, const char *s) { print_strn(p, s, strlen(s)); }
value_t dict_new(size_t capacity) { raise_msg(&type_TypeError, "no dict in unit test"); }
map_t *dict_map(value_t dict) { return NULL; }
void dict_store(value_t dict, value_t key, value_t value) {}
value_t dict_get(value_t dict, value_t key) { return VAL_NULL; }
bool exc_matches(value_t exc, value_t t) { return true; }
void gc_finalise(void *obj) {}
static char stack_top_marker;
void *hal_stack_top(void) { return &stack_top_marker + 100000; }

// ---- test helpers -----------------------------------------------------------

static int passed, failed;

static void expect(const char *what, value_t v, const char *want) {
    value_t r = obj_repr(v);
    size_t len;
    const char *s = str_data(r, &len);
    if (len == strlen(want) && memcmp(s, want, len) == 0) {
        passed++;
    } else {
        failed++;
        printf("FAIL %s: got %.*s want %s\n", what, (int)len, s, want);
    }
}

static void expect_raise(const char *what, const builtin_fun_t *f, size_t n, const value_t *args,
                         const char *want_msg) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t r = f->fn(n, 0, args);
        nlr_pop();
        failed++;
        value_t rr = obj_repr(r);
        printf("FAIL %s: no exception, got %s\n", what, str_data(rr, &(size_t){0}));
    } else if (strcmp(last_exc_msg, want_msg) != 0) {
        failed++;
        printf("FAIL %s: message %s want %s\n", what, last_exc_msg, want_msg);
    } else {
        passed++;
    }
}

#define S(lit) str_new(lit, sizeof(lit) - 1)
static value_t call(const builtin_fun_t *f, size_t n, const value_t *args) {
    return f->fn(n, 0, args);
}
#define CALL(f, ...) call(&f, sizeof((value_t[]){__VA_ARGS__}) / sizeof(value_t), (value_t[]){__VA_ARGS__})
extern const builtin_fun_t str_find_obj, str_rfind_obj, str_count_obj, str_split_obj,
    str_rsplit_obj, str_join_obj, str_strip_obj, str_replace_obj, str_center_obj,
    str_upper_obj, str_title_obj, str_splitlines_obj, str_partition_obj, str_startswith_obj,
    str_zfill_obj, str_isdigit_obj, str_istitle_obj, str_swapcase_obj, str_encode_obj,
    str_expandtabs_obj, bytes_hex_obj, bytes_decode_obj;

int main(void) {
    static char heap[1 << 20] __attribute__((aligned(16)));
    setvbuf(stdout, NULL, _IONBF, 0);
    gc_init(heap, sizeof heap);
    qstr_init();
    nlr_buf_t top;
    if (nlr_push(&top) != 0) {
        printf("FAIL uncaught exception: %s\n", last_exc_msg);
        return 1;
    }
    value_t u = S("h\xc3\xa9llo w\xc3\xb6rld \xe2\x82\xac" "5 \xf0\x9f\x98\x80!");
    expect("len", type_str.unary_op(UNOP_LEN, u), "17");
    expect("index", type_str.subscr(u, SMALL(1), VAL_SENTINEL), "'\xc3\xa9'");
    expect("index-2", type_str.subscr(u, SMALL(-2), VAL_SENTINEL), "'\xf0\x9f\x98\x80'");
    expect("slice", type_str.subscr(u, mkslice(SMALL(1), SMALL(5), VAL_NONE), VAL_SENTINEL), "'\xc3\xa9llo'");
    expect("revslice", type_str.subscr(S("x\xe2\x82\xacy"), mkslice(VAL_NONE, VAL_NONE, SMALL(-1)), VAL_SENTINEL), "'y\xe2\x82\xacx'");
    expect("step2", type_str.subscr(u, mkslice(VAL_NONE, VAL_NONE, SMALL(2)), VAL_SENTINEL), "'hlowrd\xe2\x82\xac !'");
    expect("find", CALL(str_find_obj, u, S("\xe2\x82\xac")), "12");
    expect("find2", CALL(str_find_obj, u, S("\xf0\x9f\x98\x80")), "15");
    expect("rfind", CALL(str_rfind_obj, S("abcabc"), S("b")), "4");
    expect("count", CALL(str_count_obj, S("Hello, World"), S("")), "13");
    expect("split", CALL(str_split_obj, S(" a b  c ")), "['a', 'b', 'c']");
    expect("split2", CALL(str_split_obj, S("a,b,,c"), S(",")), "['a', 'b', '', 'c']");
    expect("rsplit", CALL(str_rsplit_obj, S("a b c d"), S(" "), SMALL(2)), "['a b', 'c', 'd']");
    expect("rsplitws", CALL(str_rsplit_obj, S("  a b c  "), VAL_NONE, SMALL(1)), "['  a b', 'c']");
    expect("join", CALL(str_join_obj, S("-"), list_new(3, (value_t[]){S("a"), S("b"), S("c")})), "'a-b-c'");
    expect("strip", CALL(str_strip_obj, S("xxhixx"), S("x")), "'hi'");
    expect("stripws", CALL(str_strip_obj, S("\t\n a \r\n")), "'a'");
    expect("replace", CALL(str_replace_obj, S("Hello"), S(""), S("-")), "'-H-e-l-l-o-'");
    expect("replace2", CALL(str_replace_obj, S("aaa"), S("a"), S("bb"), SMALL(2)), "'bbbba'");
    expect("center", CALL(str_center_obj, S("caf\xc3\xa9"), SMALL(10), S("*")), "'***caf\xc3\xa9***'");
    expect("center2", CALL(str_center_obj, S("abc"), SMALL(8), S("*")), "'**abc***'");
    expect("upper", CALL(str_upper_obj, S("h\xc3\xa9llo \xc3\x9f")), "'H\xc3\x89LLO SS'");
    expect("title", CALL(str_title_obj, S("they're bill's friends")), "\"They'Re Bill'S Friends\"");
    expect("swapcase", CALL(str_swapcase_obj, S("\xc3\x89" "cOlE")), "'\xc3\xa9" "CoLe'");
    expect("splitlines", CALL(str_splitlines_obj, S("a\nb\r\nc")), "['a', 'b', 'c']");
    expect("partition", CALL(str_partition_obj, S("a-b-c"), S("-")), "('a', '-', 'b-c')");
    expect("partition2", CALL(str_partition_obj, S("abc"), S("z")), "('abc', '', '')");
    expect("startswith", CALL(str_startswith_obj, S("Hello"), tuple_new(2, (value_t[]){S("x"), S("He")})), "True");
    expect("zfill", CALL(str_zfill_obj, S("-42"), SMALL(6)), "'-00042'");
    expect("isdigit", CALL(str_isdigit_obj, S("")), "False");
    expect("istitle", CALL(str_istitle_obj, S("Hello World")), "True");
    expect("expandtabs", CALL(str_expandtabs_obj, S("a\tb"), SMALL(4)), "'a   b'");
    expect("repr quote", S("it's"), "\"it's\"");
    expect("repr both", S("both ' and \""), "'both \\' and \"'");
    expect("repr ctl", S("\x00\x01\x7f\n"), "'\\x00\\x01\\x7f\\n'");
    expect("repr nbsp", S("\xc2\xa0\xc3\xa9\xe2\x80\xa8"), "'\\xa0\xc3\xa9\\u2028'");
    expect("ascii", builtin_ascii_obj.fn(1, 0, (value_t[]){S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80")}), "\"'\\\\xe9\\\\u20ac\\\\U0001f600'\"");
    expect("chr", builtin_chr_obj.fn(1, 0, (value_t[]){SMALL(8364)}), "'\xe2\x82\xac'");
    expect("ord", builtin_ord_obj.fn(1, 0, (value_t[]){S("\xf0\x9f\x98\x80")}), "128512");
    expect("mul", type_str.binary_op(BINOP_MUL, S("ab"), SMALL(3)), "'ababab'");
    expect("mulneg", type_str.binary_op(BINOP_MUL, S("ab"), SMALL(-3)), "''");
    expect("add", type_str.binary_op(BINOP_ADD, S("ab"), S("\xc3\xa9")), "'ab\xc3\xa9'");
    expect("lt", type_str.binary_op(BINOP_LT, S("\xc3\xa9"), S("f")), "False");
    expect("in", type_str.binary_op(BINOP_CONTAINS, S("caf\xc3\xa9"), S("f\xc3\xa9")), "True");
    expect("eq", type_str.binary_op(BINOP_EQ, S("abc"), QSTR(Q_join)), "False");
    expect("eqq", type_str.binary_op(BINOP_EQ, S("join"), QSTR(Q_join)), "True");
    expect("hash", SMALL(type_str.unary_op(UNOP_HASH, S("join")) == SMALL(qstr_hash(Q_join))), "1");
    expect("encode", CALL(str_encode_obj, S("\xe2\x82\xac")), "b'\\xe2\\x82\\xac'");
    expect("bytes repr", bytes_new((const uint8_t *)"\x00\xff\n'", 4), "b\"\\x00\\xff\\n'\"");
    expect("hex", CALL(bytes_hex_obj, bytes_new((const uint8_t *)"\x01\x02\x03", 3), S(":"), SMALL(2)), "'01:0203'");
    expect("decode", CALL(bytes_decode_obj, bytes_new((const uint8_t *)"\xc3\xa9", 2)), "'\xc3\xa9'");
    expect("pct", str_modulo(S("%5d|%-5d|%05d|%x|%#o|%s|%r|%c"), tuple_new(8, (value_t[]){SMALL(42), SMALL(42), SMALL(-42), SMALL(255), SMALL(8), S("x"), S("y"), SMALL(8364)}), false), "\"   42|42   |-0042|ff|0o10|x|'y'|\xe2\x82\xac\"");
    expect("format", CALL(str_format_obj, S("{0}{1}{0} {{x}} {0:>3}"), S("a"), S("b")), "'aba {x}   a'");
    expect_raise("format bad", &str_format_obj, 2, (value_t[]){S("{} {0}"), SMALL(1)}, "cannot switch from automatic field numbering to manual field specification");
    expect_raise("format idx", &str_format_obj, 2, (value_t[]){S("{} {}"), SMALL(1)}, "Replacement index 1 out of range for positional args tuple");
    expect_raise("format }", &str_format_obj, 1, (value_t[]){S("}")}, "Single '}' encountered in format string");
    expect_raise("chr", &builtin_chr_obj, 1, (value_t[]){SMALL(0x110000)}, "chr() arg not in range(0x110000)");
    expect_raise("split empty", &str_split_obj, 2, (value_t[]){S("a"), S("")}, "empty separator");
    value_t it = type_str.getiter(S("a\xc3\xa9"));
    expect("iter1", obj_iternext(it), "'a'");
    expect("iter2", obj_iternext(it), "'\xc3\xa9'");
    expect("iter3", SMALL(obj_iternext(it) == VAL_STOP), "1");
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        type_str.binary_op(BINOP_MUL, S("ab"), SMALL(SMALL_MAX / 2));
        nlr_pop();
        failed++;
        printf("FAIL huge repeat did not raise\n");
    } else {
        passed += last_exc_type == &type_MemoryError;
        failed += last_exc_type != &type_MemoryError;
    }
    nlr_pop();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
