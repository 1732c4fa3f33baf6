// SPDX-License-Identifier: MIT
// Unit tests of the containers (tuple.c list.c dict.c set.c range.c iter.c)
// against a stub runtime: small ints, qstrs, and the container types only.
// Build and run (from the repository root):
//   python3 tools/genqstr.py build/unit/gen core/qstr_special.txt core/*.c core/*.h
//       tests/unit/test_containers.c
//   cc -std=gnu11 -g -Icore -Iplatform/host -Ibuild/unit/gen tests/unit/test_containers.c
//      core/{tuple,list,dict,set,range,iter,gc,qstr}.c build/unit/gen/qstrdata.c -o /tmp/tc
//   /tmp/tc                                  (add -DHEAP_SIZE=150000 to collect often)
//   python3 tests/unit/setorder.py /tmp/tc   (set iteration order against CPython)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj.h"

#ifndef HEAP_SIZE
#define HEAP_SIZE (64 << 20)
#endif

// ---- stub runtime ------------------------------------------------------------------

nlr_buf_t *nlr_top;
static char last_error[256];
static const type_t *last_error_type;

_Noreturn void nlr_raise(value_t v) {
    nlr_buf_t *top = nlr_top;
    if (top == NULL) {
        fprintf(stderr, "uncaught: %s\n", last_error);
        abort();
    }
    nlr_top = top->prev;
    top->value = v;
    longjmp(top->jmp, 1);
}

#define STUB_TYPE(n) const type_t n = {{&type_type}, .name = Q_object}
STUB_TYPE(type_type);
STUB_TYPE(type_int);
STUB_TYPE(type_bool);
STUB_TYPE(type_float);
STUB_TYPE(type_str);
STUB_TYPE(type_bytes);
STUB_TYPE(type_bytearray);
STUB_TYPE(type_function);
STUB_TYPE(type_builtin_function);
STUB_TYPE(type_bound_method);
STUB_TYPE(type_NoneType);
STUB_TYPE(type_classmethod);
STUB_TYPE(type_IndexError);
STUB_TYPE(type_KeyError);
STUB_TYPE(type_MemoryError);
STUB_TYPE(type_OverflowError);
STUB_TYPE(type_RuntimeError);
STUB_TYPE(type_StopIteration);
STUB_TYPE(type_TypeError);
STUB_TYPE(type_ValueError);

static value_t make_exc(const type_t *t, const char *msg) {
    last_error_type = t;
    snprintf(last_error, sizeof(last_error), "%s", msg);
    return SMALL(1);
}

_Noreturn void raise_msg(const type_t *t, const char *msg) {
    nlr_raise(make_exc(t, msg));
}

void print_vfmt(const print_t *p, const char *fmt, va_list ap);

static void buf_write(void *ctx, const char *s, size_t n) {
    vstr_t *vs = ctx;
    if (vs->len + n + 1 > vs->alloc) {
        vs->alloc = (vs->len + n + 1) * 2;
        vs->buf = realloc(vs->buf, vs->alloc);
    }
    memcpy(vs->buf + vs->len, s, n);
    vs->len += n;
    vs->buf[vs->len] = 0;
}

_Noreturn void raise_fmt(const type_t *t, const char *fmt, ...) {
    vstr_t vs = {0};
    print_t p = {&vs, buf_write};
    va_list ap;
    va_start(ap, fmt);
    print_vfmt(&p, fmt, ap);
    va_end(ap);
    value_t e = make_exc(t, vs.buf);
    free(vs.buf);
    nlr_raise(e);
}

_Noreturn void raise_obj(value_t exc) {
    nlr_raise(exc);
}

value_t exc_new(const type_t *t, size_t n, const value_t *args) {
    return make_exc(t, "exc_new");
}
value_t exc_new_msg(const type_t *t, const char *msg) {
    return make_exc(t, msg);
}
bool exc_matches(value_t exc, value_t type) {
    return PTR_VAL(last_error_type) == type;
}
void exc_raise_memory_error(size_t n) {
    raise_msg(&type_MemoryError, "out of memory");
}

const type_t *value_type(value_t v) {
    if (VAL_IS_SMALL(v)) return &type_int;
    if (VAL_IS_QSTR(v)) return &type_str;
    if (VAL_IS_BOOL(v)) return &type_bool;
    if (VAL_IS_SPECIAL(v)) return &type_NoneType;
    return OBJ(v)->type;
}

uint32_t obj_hash(value_t v) {
    if (VAL_IS_SMALL(v)) return SMALL_VALUE(v) == -1 ? (uint32_t)-2 : (uint32_t)SMALL_VALUE(v);
    if (VAL_IS_BOOL(v)) return v == VAL_TRUE;
    if (VAL_IS_QSTR(v)) return qstr_hash(QSTR_INDEX(v));
    if (VAL_IS_SPECIAL(v)) return (uint32_t)v;
    value_t h = OBJ(v)->type->unary_op(UNOP_HASH, v);
    return (uint32_t)SMALL_VALUE(h);
}

value_t binary_op(binop_t op, value_t a, value_t b) {
    if (VAL_IS_BOOL(a)) a = SMALL(a == VAL_TRUE);
    if (VAL_IS_BOOL(b)) b = SMALL(b == VAL_TRUE);
    if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
        smallint_t x = SMALL_VALUE(a), y = SMALL_VALUE(b);
        switch (op) {
            case BINOP_ADD: return SMALL(x + y);
            case BINOP_SUB: return SMALL(x - y);
            case BINOP_MUL: return SMALL(x * y);
            case BINOP_LT: return VAL_BOOL(x < y);
            case BINOP_GT: return VAL_BOOL(x > y);
            case BINOP_LE: return VAL_BOOL(x <= y);
            case BINOP_GE: return VAL_BOOL(x >= y);
            case BINOP_EQ: return VAL_BOOL(x == y);
            case BINOP_NE: return VAL_BOOL(x != y);
            default: break;
        }
    }
    if (VAL_IS_QSTR(a) && VAL_IS_QSTR(b) && op == BINOP_LT) {
        return VAL_BOOL(strcmp(qstr_str(QSTR_INDEX(a)), qstr_str(QSTR_INDEX(b))) < 0);
    }
    if (VAL_IS_OBJ(a) && OBJ(a)->type->binary_op) {
        value_t r = OBJ(a)->type->binary_op(op, a, b);
        if (r != VAL_NULL) return r;
    }
    if (op == BINOP_EQ) return VAL_BOOL(a == b);
    if (op == BINOP_NE) return VAL_BOOL(a != b);
    raise_fmt(&type_TypeError, "unsupported op %d", (int)op);
}

bool obj_equal(value_t a, value_t b) {
    if (a == b) return true;
    return binary_op(BINOP_EQ, a, b) == VAL_TRUE;
}

bool obj_is_true(value_t v) {
    if (VAL_IS_BOOL(v)) return v == VAL_TRUE;
    if (VAL_IS_SMALL(v)) return v != SMALL(0);
    if (v == VAL_NONE) return false;
    if (VAL_IS_OBJ(v) && OBJ(v)->type->unary_op) return OBJ(v)->type->unary_op(UNOP_BOOL, v) == VAL_TRUE;
    return true;
}

value_t unary_op(unop_t op, value_t v) {
    return OBJ(v)->type->unary_op(op, v);
}

value_t obj_getiter(value_t v) {
    if (!VAL_IS_OBJ(v) || OBJ(v)->type->getiter == NULL) raise_msg(&type_TypeError, "not iterable");
    return OBJ(v)->type->getiter(v);
}
value_t obj_iternext(value_t it) {
    return OBJ(it)->type->iternext(it);
}
size_t obj_len_size(value_t v) {
    return (size_t)SMALL_VALUE(OBJ(v)->type->unary_op(UNOP_LEN, v));
}
value_t obj_subscr(value_t o, value_t i, value_t v) {
    value_t r = OBJ(o)->type->subscr(o, i, v);
    if (r == VAL_NULL) raise_msg(&type_TypeError, "no subscr");
    return r;
}
bool obj_load_method_maybe(value_t obj, qstr_t name, value_t dest[2]) {
    if (!VAL_IS_OBJ(obj) || OBJ(obj)->type->locals == NULL) return false;
    value_t f = map_get_qstr(OBJ(obj)->type->locals, name);
    if (f == VAL_NULL) return false;
    dest[0] = f;
    dest[1] = obj;
    return true;
}
value_t call_function(value_t fn, size_t n_args, size_t n_kw, const value_t *args) {
    const builtin_fun_t *f = VAL_PTR(fn);
    return f->fn(n_args, n_kw, args);
}
value_t call_function_0(value_t fn) { return call_function(fn, 0, 0, NULL); }
value_t call_function_1(value_t fn, value_t a) { return call_function(fn, 1, 0, &a); }
void *obj_native(value_t v, const type_t *t) {
    if (OBJ_TYPE_IS(v, t)) return VAL_PTR(v);
    raise_msg(&type_TypeError, "obj_native");
}
void *obj_native_maybe(value_t v, const type_t *t) {
    return OBJ_TYPE_IS(v, t) ? VAL_PTR(v) : NULL;
}
bool type_is_subtype(const type_t *a, const type_t *b) { return a == b; }

value_t arg_kw(size_t n_args, size_t n_kw, const value_t *args, qstr_t name) {
    for (size_t i = 0; i < n_kw; i++) {
        if (args[n_args + 2 * i] == QSTR(name)) return args[n_args + 2 * i + 1];
    }
    return VAL_NULL;
}
void arg_kw_check(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *allowed, qstr_t fn) {}

value_t int_from_intptr(intptr_t i) { return SMALL(i); }
value_t int_from_uintptr(uintptr_t u) { return SMALL(u); }
bool int_is_negative(value_t v) { return SMALL_VALUE(v) < 0; }
bool value_is_int(value_t v) { return VAL_IS_SMALL(v) || VAL_IS_BOOL(v); }
bool value_get_int_maybe(value_t v, smallint_t *out) {
    if (VAL_IS_SMALL(v)) { *out = SMALL_VALUE(v); return true; }
    if (VAL_IS_BOOL(v)) { *out = v == VAL_TRUE; return true; }
    return false;
}
value_t float_new(double d) { abort(); }
double float_value(value_t v) { abort(); }
const char *str_data(value_t v, size_t *len) {
    if (VAL_IS_QSTR(v)) return qstr_data(QSTR_INDEX(v), len);
    return NULL;
}
bool value_is_str(value_t v) { return VAL_IS_QSTR(v); }
uint32_t str_hash(const char *data, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ (uint8_t)data[i]) * 16777619u;
    return h ? h : 1;
}

void print_strn(const print_t *p, const char *s, size_t n) { p->write(p->ctx, s, n); }
void print_str(const print_t *p, const char *s) { p->write(p->ctx, s, strlen(s)); }

void obj_print(const print_t *p, value_t v, print_kind_t kind) {
    char b[64];
    if (VAL_IS_SMALL(v)) {
        snprintf(b, sizeof b, "%ld", (long)SMALL_VALUE(v));
        print_str(p, b);
    } else if (VAL_IS_QSTR(v)) {
        print_fmt(p, "'%s'", qstr_str(QSTR_INDEX(v)));
    } else if (v == VAL_NONE) {
        print_str(p, "None");
    } else if (VAL_IS_BOOL(v)) {
        print_str(p, v == VAL_TRUE ? "True" : "False");
    } else {
        OBJ(v)->type->print(p, v, kind);
    }
}

void print_vfmt(const print_t *p, const char *fmt, va_list ap) {
    char b[64];
    for (; *fmt; fmt++) {
        if (*fmt != '%') { print_strn(p, fmt, 1); continue; }
        fmt++;
        if (*fmt == 'z') fmt++;
        switch (*fmt) {
            case 's': print_str(p, va_arg(ap, const char *)); break;
            case 'd': snprintf(b, sizeof b, "%d", va_arg(ap, int)); print_str(p, b); break;
            case 'u': snprintf(b, sizeof b, "%zu", va_arg(ap, size_t)); print_str(p, b); break;
            case 'c': b[0] = (char)va_arg(ap, int); print_strn(p, b, 1); break;
            case 'q': print_str(p, qstr_str(va_arg(ap, qstr_t))); break;
            case 'R': obj_print(p, va_arg(ap, value_t), PRINT_REPR); break;
            case 'T': print_str(p, qstr_str(value_type(va_arg(ap, value_t))->name)); break;
            default: print_strn(p, fmt, 1);
        }
    }
}
void print_fmt(const print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    print_vfmt(p, fmt, ap);
    va_end(ap);
}

value_t generator_return_value(value_t gen) { return VAL_NONE; }

static void *stack_top;
void *hal_stack_top(void) { return stack_top; }
void gc_mark_roots(void) {}
void gc_finalise(void *obj) {}

// ---- test helpers --------------------------------------------------------------------

static int failures, checks;

static const char *repr(value_t v) {
    static vstr_t vs;
    vs.len = 0;
    if (vs.buf) vs.buf[0] = 0;
    print_t p = {&vs, buf_write};
    obj_print(&p, v, PRINT_REPR);
    return vs.buf ? vs.buf : "";
}

#define CHECK(cond) do { checks++; if (!(cond)) { failures++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_REPR(v, s) do { const char *r_ = repr(v); checks++; if (strcmp(r_, s) != 0) { failures++; \
    printf("FAIL %s:%d: repr %s != %s\n", __FILE__, __LINE__, r_, s); } } while (0)
// Runs stmt, expects it to raise type t with message m.
#define CHECK_RAISES(stmt, t, m) do { nlr_buf_t nb_; checks++; if (nlr_push(&nb_) == 0) { stmt; nlr_pop(); \
    failures++; printf("FAIL %s:%d: no exception\n", __FILE__, __LINE__); } else if (last_error_type != &t || \
    (m && strcmp(last_error, m ? m : "") != 0)) { failures++; printf("FAIL %s:%d: raised %s\n", __FILE__, __LINE__, last_error); } } while (0)

static value_t ilist(int n, const int *v) {
    value_t l = list_new(0, NULL);
    for (int i = 0; i < n; i++) list_append(l, SMALL(v[i]));
    return l;
}

static value_t call(const builtin_fun_t *f, size_t n, const value_t *args) {
    return f->fn(n, 0, args);
}

static value_t method(value_t obj, qstr_t name, size_t n, const value_t *args) {
    value_t a[8];
    a[0] = obj;
    if (n) memcpy(a + 1, args, n * sizeof(value_t));
    value_t f = map_get_qstr(OBJ(obj)->type->locals, name);
    if (f == VAL_NULL) { printf("no method %s\n", qstr_str(name)); abort(); }
    return call(VAL_PTR(f), n + 1, a);
}

static value_t subscr(value_t o, value_t i) { return OBJ(o)->type->subscr(o, i, VAL_SENTINEL); }

// ---- tests -------------------------------------------------------------------------------

static void test_map(void) {
    map_t m;
    map_init(&m, 0);
    for (int i = 0; i < 2000; i++) map_store(&m, SMALL(i * 7), SMALL(i));
    CHECK(m.used == 2000);
    int ok = 1;
    for (int i = 0; i < 2000; i++) ok &= map_get(&m, SMALL(i * 7)) == SMALL(i);
    CHECK(ok);
    CHECK(map_get(&m, SMALL(3)) == VAL_NULL);
    for (int i = 0; i < 2000; i += 2) CHECK(map_lookup(&m, SMALL(i * 7), MAP_REMOVE) != NULL);
    CHECK(m.used == 1000);
    ok = 1;
    for (int i = 0; i < 2000; i++) ok &= map_get(&m, SMALL(i * 7)) == (i % 2 ? SMALL(i) : VAL_NULL);
    CHECK(ok);
    // churn: insert and delete repeatedly (tombstones)
    for (int r = 0; r < 50; r++) {
        for (int i = 0; i < 100; i++) map_store(&m, SMALL(100000 + i), SMALL(r));
        for (int i = 0; i < 100; i++) map_lookup(&m, SMALL(100000 + i), MAP_REMOVE);
    }
    CHECK(m.used == 1000);
    ok = 1;
    for (int i = 1; i < 2000; i += 2) ok &= map_get(&m, SMALL(i * 7)) == SMALL(i);
    CHECK(ok);
    // order is insertion order
    size_t pos = 0;
    map_entry_t *e = map_next(&m, &pos);
    CHECK(e && e->key == SMALL(7));
    // True and 1 are the same key
    map_t s;
    map_init(&s, 0);
    map_store(&s, SMALL(1), SMALL(10));
    map_store(&s, VAL_TRUE, SMALL(20));
    CHECK(s.used == 1 && map_get(&s, SMALL(1)) == SMALL(20) && s.table[0].key == SMALL(1));
    // qstr keys
    map_store(&s, QSTR(Q_append), SMALL(5));
    CHECK(map_get_qstr(&s, Q_append) == SMALL(5));
    CHECK(map_get_qstr(&s, Q_extend) == VAL_NULL);
    // small maps and growth with qstr keys
    map_t q;
    map_init(&q, 0);
    qstr_t names[] = {Q_append, Q_extend, Q_insert, Q_remove, Q_pop, Q_index, Q_count, Q_clear, Q_copy, Q_reverse, Q_sort, Q_keys};
    for (int i = 0; i < 12; i++) map_store(&q, QSTR(names[i]), SMALL(i));
    ok = 1;
    for (int i = 0; i < 12; i++) ok &= map_get_qstr(&q, names[i]) == SMALL(i);
    CHECK(ok && q.index != NULL);
    // unhashable key
    value_t l = list_new(0, NULL);
    CHECK_RAISES(map_store(&q, l, SMALL(1)), type_TypeError, "unhashable type: 'list'");
    CHECK_RAISES(map_get(&s, l), type_TypeError, "unhashable type: 'list'");
}

static value_t dict_of(int n, const int *kv) {
    value_t d = dict_new(0);
    for (int i = 0; i < n; i++) dict_store(d, SMALL(kv[2 * i]), SMALL(kv[2 * i + 1]));
    return d;
}

static void test_dict(void) {
    value_t d = dict_new(0);
    CHECK_REPR(d, "{}");
    dict_store(d, QSTR(Q_keys), SMALL(1));
    dict_store(d, SMALL(2), list_new(0, NULL));
    CHECK_REPR(d, "{'keys': 1, 2: []}");
    dict_store(d, SMALL(3), d);
    CHECK_REPR(d, "{'keys': 1, 2: [], 3: {...}}");
    value_t k = SMALL(2);
    CHECK_REPR(method(d, Q_pop, 1, &k), "[]");
    CHECK_REPR(method(d, Q_popitem, 0, NULL), "(3, {'keys': 1})");
    CHECK_RAISES(subscr(d, SMALL(9)), type_KeyError, NULL);
    CHECK_REPR(method(d, Q_keys, 0, NULL), "dict_keys(['keys'])");
    CHECK_REPR(method(d, Q_items, 0, NULL), "dict_items([('keys', 1)])");
    int kv[] = {1, 2, 3, 4, 5, 6};
    value_t a = dict_of(3, kv), b = dict_of(3, kv);
    CHECK(binary_op(BINOP_EQ, a, b) == VAL_TRUE);
    dict_store(b, SMALL(1), SMALL(0));
    CHECK(binary_op(BINOP_EQ, a, b) == VAL_FALSE);
    CHECK_REPR(binary_op(BINOP_OR, a, dict_of(1, (int[]){7, 8})), "{1: 2, 3: 4, 5: 6, 7: 8}");
    // iteration with a size change
    value_t it = obj_getiter(a);
    obj_iternext(it);
    dict_store(a, SMALL(100), SMALL(1));
    CHECK_RAISES(obj_iternext(it), type_RuntimeError, "dictionary changed size during iteration");
    // dict from pairs
    value_t pairs = list_new(0, NULL);
    value_t p1[2] = {SMALL(1), SMALL(2)};
    list_append(pairs, tuple_new(2, p1));
    list_append(pairs, list_new(2, p1));
    CHECK_REPR(type_dict.make_new(&type_dict, 1, 0, &pairs), "{1: 2}");
    list_append(pairs, tuple_new(1, p1));
    CHECK_RAISES(type_dict.make_new(&type_dict, 1, 0, &pairs), type_ValueError,
                 "dictionary update sequence element #2 has length 1; 2 is required");
    // keys view set ops
    value_t ks = method(dict_of(3, kv), Q_keys, 0, NULL);
    CHECK_REPR(binary_op(BINOP_AND, ks, ilist(2, (int[]){3, 9})), "{3}");
    CHECK_REPR(binary_op(BINOP_SUB, ks, ilist(1, (int[]){3})), "{1, 5}");
    // big dict with deletes keeps order
    value_t big = dict_new(0);
    for (int i = 0; i < 100; i++) dict_store(big, SMALL(i), SMALL(i));
    for (int i = 0; i < 100; i++) if (i % 10) map_lookup(dict_map(big), SMALL(i), MAP_REMOVE);
    CHECK_REPR(big, "{0: 0, 10: 10, 20: 20, 30: 30, 40: 40, 50: 50, 60: 60, 70: 70, 80: 80, 90: 90}");
    value_t rit = call(VAL_PTR(map_get_qstr(type_dict.locals, Q___reversed__)), 1, &big);
    CHECK(obj_iternext(rit) == SMALL(90));
    CHECK(obj_iternext(rit) == SMALL(80));
}

static void test_list(void) {
    int v[] = {5, 3, 9, 1, 7};
    value_t l = ilist(5, v);
    CHECK_REPR(l, "[5, 3, 9, 1, 7]");
    list_sort(l, VAL_NULL, false);
    CHECK_REPR(l, "[1, 3, 5, 7, 9]");
    list_sort(l, VAL_NULL, true);
    CHECK_REPR(l, "[9, 7, 5, 3, 1]");
    // slices
    CHECK_REPR(subscr(l, slice_new(SMALL(1), SMALL(3), VAL_NONE)), "[7, 5]");
    CHECK_REPR(subscr(l, slice_new(VAL_NONE, VAL_NONE, SMALL(-2))), "[1, 5, 9]");
    CHECK_REPR(subscr(l, slice_new(SMALL(-100), SMALL(100), SMALL(3))), "[9, 3]");
    CHECK_REPR(subscr(l, slice_new(SMALL(4), SMALL(1), VAL_NONE)), "[]");
    value_t l2 = ilist(5, v);
    OBJ(l2)->type->subscr(l2, slice_new(SMALL(1), SMALL(3), VAL_NONE), ilist(3, (int[]){0, 0, 0}));
    CHECK_REPR(l2, "[5, 0, 0, 0, 1, 7]");
    OBJ(l2)->type->subscr(l2, slice_new(VAL_NONE, VAL_NONE, SMALL(2)), ilist(3, (int[]){8, 8, 8}));
    CHECK_REPR(l2, "[8, 0, 8, 0, 8, 7]");
    CHECK_RAISES(OBJ(l2)->type->subscr(l2, slice_new(VAL_NONE, VAL_NONE, SMALL(2)), ilist(2, v)), type_ValueError,
                 "attempt to assign sequence of size 2 to extended slice of size 3");
    OBJ(l2)->type->subscr(l2, slice_new(VAL_NONE, VAL_NONE, SMALL(-2)), VAL_NULL);
    CHECK_REPR(l2, "[8, 8, 8]");
    OBJ(l2)->type->subscr(l2, slice_new(VAL_NONE, VAL_NONE, VAL_NONE), l2);
    CHECK_REPR(l2, "[8, 8, 8]");
    OBJ(l2)->type->subscr(l2, slice_new(SMALL(1), SMALL(1), VAL_NONE), l2);
    CHECK_REPR(l2, "[8, 8, 8, 8, 8, 8]");
    CHECK_RAISES(subscr(l2, SMALL(6)), type_IndexError, "list index out of range");
    CHECK_RAISES(OBJ(l2)->type->subscr(l2, SMALL(-7), SMALL(1)), type_IndexError, "list assignment index out of range");
    CHECK_RAISES(subscr(l2, QSTR(Q_a)), type_TypeError, "list indices must be integers or slices, not object");
    // self-containing
    value_t s = list_new(0, NULL);
    list_append(s, s);
    CHECK_REPR(s, "[[...]]");
    // comparisons
    CHECK(binary_op(BINOP_LT, ilist(2, (int[]){1, 2}), ilist(3, (int[]){1, 2, 0})) == VAL_TRUE);
    CHECK(binary_op(BINOP_GT, ilist(2, (int[]){1, 3}), ilist(3, (int[]){1, 2, 0})) == VAL_TRUE);
    CHECK(binary_op(BINOP_EQ, ilist(2, (int[]){1, 3}), ilist(2, (int[]){1, 3})) == VAL_TRUE);
    // big sort, stability with reverse via key
    srand(1);
    value_t big = list_new(0, NULL);
    for (int i = 0; i < 5000; i++) list_append(big, SMALL(rand() % 1000));
    list_sort(big, VAL_NULL, false);
    int ok = 1;
    list_obj_t *bl = VAL_PTR(big);
    for (size_t i = 1; i < bl->len; i++) ok &= SMALL_VALUE(bl->items[i - 1]) <= SMALL_VALUE(bl->items[i]);
    CHECK(ok && bl->len == 5000);
    // stability: sort pairs (k, i) by key k via tuple-key function... use sort on tuples
    value_t tl = list_new(0, NULL);
    for (int i = 0; i < 300; i++) {
        value_t t[2] = {SMALL(rand() % 10), SMALL(i)};
        list_append(tl, tuple_new(2, t));
    }
    list_sort(tl, VAL_NULL, true);
    list_obj_t *tlo = VAL_PTR(tl);
    ok = 1;
    for (size_t i = 1; i < tlo->len; i++) {
        tuple_obj_t *a = VAL_PTR(tlo->items[i - 1]), *b = VAL_PTR(tlo->items[i]);
        ok &= a->items[0] > b->items[0] || (a->items[0] == b->items[0] && a->items[1] > b->items[1]);
    }
    CHECK(ok);
    // pop / insert / remove / index
    value_t l3 = ilist(3, (int[]){1, 2, 3});
    value_t args[2] = {SMALL(-100), SMALL(0)};
    method(l3, Q_insert, 2, args);
    args[0] = SMALL(100);
    args[1] = SMALL(4);
    method(l3, Q_insert, 2, args);
    CHECK_REPR(l3, "[0, 1, 2, 3, 4]");
    args[0] = SMALL(2);
    CHECK_REPR(method(l3, Q_index, 1, args), "2");
    args[0] = SMALL(9);
    CHECK_RAISES(method(l3, Q_index, 1, args), type_ValueError, "9 is not in list");
    CHECK_RAISES(method(l3, Q_remove, 1, args), type_ValueError, "list.remove(x): x not in list");
    CHECK_REPR(method(l3, Q_pop, 0, NULL), "4");
    CHECK_REPR(binary_op(BINOP_MUL, l3, SMALL(2)), "[0, 1, 2, 3, 0, 1, 2, 3]");
    CHECK_REPR(binary_op(BINOP_MUL, l3, SMALL(-2)), "[]");
    CHECK_RAISES(list_pop(list_new(0, NULL), -1), type_IndexError, "pop from empty list");
}

static void test_tuple(void) {
    CHECK(tuple_new(0, NULL) == PTR_VAL(&tuple_empty_obj));
    CHECK_REPR(tuple_new(0, NULL), "()");
    value_t one = SMALL(1);
    CHECK_REPR(tuple_new(1, &one), "(1,)");
    value_t t3[3] = {SMALL(1), QSTR(Q_a), VAL_NONE};
    value_t t = tuple_new(3, t3);
    CHECK_REPR(t, "(1, 'a', None)");
    CHECK_REPR(subscr(t, slice_new(VAL_NONE, VAL_NONE, SMALL(-1))), "(None, 'a', 1)");
    CHECK_REPR(binary_op(BINOP_ADD, t, tuple_new(1, &one)), "(1, 'a', None, 1)");
    CHECK(obj_hash(t) == obj_hash(tuple_new(3, t3)));
    CHECK(binary_op(BINOP_CONTAINS, t, QSTR(Q_a)) == VAL_TRUE);
    CHECK_RAISES(subscr(t, SMALL(3)), type_IndexError, "tuple index out of range");
    value_t l = list_new(0, NULL);
    value_t tl = tuple_new(1, &l);
    list_append(l, tl);
    CHECK_REPR(tl, "([(...)],)");
}

static void test_set(void) {
    // CPython: print(set([3, 1, 2, 100, 8, 16, -1, 33]))
    value_t s = set_new(&type_set);
    int v[] = {3, 1, 2, 100, 8, 16, -1, 33};
    for (int i = 0; i < 8; i++) set_add(s, SMALL(v[i]));
    CHECK_REPR(s, "{1, 2, 3, 100, 33, 8, 16, -1}");
    // CPython: print({1, 9, 17, 3, 8}) (a folded constant) and with a variable
    value_t c5[5] = {SMALL(1), SMALL(9), SMALL(17), SMALL(3), SMALL(8)};
    CHECK_REPR(set_from_constants(5, c5), "{1, 17, 3, 8, 9}");
    value_t v5 = set_new(&type_set);
    for (int i = 0; i < 5; i++) set_add(v5, c5[i]);
    CHECK_REPR(v5, "{1, 3, 8, 9, 17}");
    value_t e = set_new(&type_set);
    CHECK_REPR(e, "set()");
    CHECK_REPR(set_new(&type_frozenset), "frozenset()");
    value_t a = set_new(&type_set), b = set_new(&type_set);
    for (int i = 0; i < 20; i++) set_add(a, SMALL(i * 3));
    for (int i = 0; i < 20; i++) set_add(b, SMALL(i * 2));
    // CPython: a = {i*3 for i in range(20)}; b = {i*2 for i in range(20)}
    CHECK_REPR(a, "{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57}");
    CHECK_REPR(binary_op(BINOP_AND, a, b), "{0, 36, 6, 12, 18, 24, 30}");
    CHECK_REPR(binary_op(BINOP_SUB, a, b), "{33, 3, 39, 9, 42, 45, 15, 48, 51, 21, 54, 57, 27}");
    CHECK_REPR(binary_op(BINOP_XOR, a, b),
               "{2, 3, 4, 8, 9, 10, 14, 15, 16, 20, 21, 22, 26, 27, 28, 32, 33, 34, 38, 39, 42, 45, 48, 51, 54, 57}");
    CHECK_REPR(binary_op(BINOP_OR, a, b),
               "{0, 2, 3, 4, 6, 8, 9, 10, 12, 14, 15, 16, 18, 20, 21, 22, 24, 26, 27, 28, 30, 32, 33, 34, 36, 38, 39, 42, 45, 48, 51, 54, 57}");
    CHECK(set_contains(a, SMALL(57)) && !set_contains(a, SMALL(2)));
    CHECK(binary_op(BINOP_LT, binary_op(BINOP_AND, a, b), a) == VAL_TRUE);
    value_t x = SMALL(1000);
    CHECK_RAISES(method(a, Q_remove, 1, &x), type_KeyError, NULL);
    // pop order as CPython: s = {5, 1, 9}; s.pop() -> 1
    value_t p = set_new(&type_set);
    set_add(p, SMALL(5));
    set_add(p, SMALL(1));
    set_add(p, SMALL(9));
    CHECK_REPR(method(p, Q_pop, 0, NULL), "1");
    CHECK_REPR(method(p, Q_pop, 0, NULL), "5");
    CHECK_REPR(p, "{9}");
    value_t f = set_new(&type_frozenset);
    set_update_from_iter(f, a);
    CHECK(obj_hash(f) == obj_hash(binary_op(BINOP_OR, f, f)));
    CHECK_REPR(binary_op(BINOP_AND, f, set_new(&type_set)), "frozenset()");
}

static void test_range(void) {
    value_t args[3] = {SMALL(0), SMALL(10), SMALL(3)};
    value_t r = type_range.make_new(&type_range, 3, 0, args);
    CHECK_REPR(r, "range(0, 10, 3)");
    CHECK_REPR(list_from_iter(r), "[0, 3, 6, 9]");
    CHECK_REPR(subscr(r, SMALL(-1)), "9");
    CHECK_REPR(subscr(r, slice_new(VAL_NONE, VAL_NONE, SMALL(-1))), "range(9, -3, -3)");
    CHECK(binary_op(BINOP_CONTAINS, r, SMALL(6)) == VAL_TRUE);
    CHECK(binary_op(BINOP_CONTAINS, r, SMALL(7)) == VAL_FALSE);
    args[2] = SMALL(0);
    CHECK_RAISES(type_range.make_new(&type_range, 3, 0, args), type_ValueError, "range() arg 3 must not be zero");
    value_t r2 = range_new(10, 0, -2);
    CHECK_REPR(list_from_iter(r2), "[10, 8, 6, 4, 2]");
    CHECK_RAISES(subscr(r2, SMALL(5)), type_IndexError, "range object index out of range");
    value_t rv = call(VAL_PTR(map_get_qstr(type_range.locals, Q___reversed__)), 1, &r2);
    CHECK_REPR(list_from_iter(rv), "[2, 4, 6, 8, 10]");
    CHECK(binary_op(BINOP_EQ, range_new(0, 0, 1), range_new(5, 2, 3)) == VAL_TRUE);
    CHECK_REPR(slice_new(SMALL(1), VAL_NONE, VAL_NONE), "slice(1, None, None)");
}

static void test_iter(void) {
    value_t l = ilist(4, (int[]){4, 2, 8, 6});
    CHECK_REPR(call(&builtin_max_obj, 1, &l), "8");
    CHECK_REPR(call(&builtin_min_obj, 1, &l), "2");
    CHECK_REPR(call(&builtin_sum_obj, 1, &l), "20");
    value_t two[2] = {SMALL(3), SMALL(9)};
    CHECK_REPR(call(&builtin_max_obj, 2, two), "9");
    value_t empty = list_new(0, NULL);
    CHECK_RAISES(call(&builtin_max_obj, 1, &empty), type_ValueError, "max() arg is an empty sequence");
    value_t kw[3] = {empty, QSTR(Q_default), SMALL(7)};
    CHECK_REPR(builtin_min_obj.fn(1, 1, kw), "7");
    CHECK_REPR(call(&builtin_sorted_obj, 1, &l), "[2, 4, 6, 8]");
    value_t e = type_enumerate.make_new(&type_enumerate, 1, 0, &l);
    CHECK_REPR(list_from_iter(e), "[(0, 4), (1, 2), (2, 8), (3, 6)]");
    value_t zargs[2] = {l, ilist(2, (int[]){1, 2})};
    CHECK_REPR(list_from_iter(type_zip.make_new(&type_zip, 2, 0, zargs)), "[(4, 1), (2, 2)]");
    value_t zkw[4] = {l, ilist(2, (int[]){1, 2}), QSTR(Q_strict), VAL_TRUE};
    value_t z = type_zip.make_new(&type_zip, 2, 1, zkw);
    CHECK_RAISES(list_from_iter(z), type_ValueError, "zip() argument 2 is shorter than argument 1");
    CHECK_REPR(list_from_iter(type_reversed.make_new(&type_reversed, 1, 0, &l)), "[6, 8, 2, 4]");
    value_t t = tuple_from_iter(l);
    CHECK_REPR(list_from_iter(type_reversed.make_new(&type_reversed, 1, 0, &t)), "[6, 8, 2, 4]");
    CHECK(call(&builtin_all_obj, 1, &l) == VAL_TRUE);
    CHECK(call(&builtin_any_obj, 1, &empty) == VAL_FALSE);
    value_t fargs[2] = {VAL_NONE, ilist(4, (int[]){0, 1, 0, 2})};
    CHECK_REPR(list_from_iter(type_filter.make_new(&type_filter, 2, 0, fargs)), "[1, 2]");
    value_t it = obj_getiter(empty);
    value_t nargs[2] = {it, SMALL(5)};
    CHECK_REPR(call(&builtin_next_obj, 2, nargs), "5");
}

// Reads set operations from stdin ("a N" add, "d N" discard, "p" pop,
// "r" print, "n" new set, "c" copy, "u N..." update from a list, "s"
// symmetric difference with the copy) and prints what CPython would; used
// to compare the set table with CPython's (tests/unit/setorder.py).
static void set_ops_from_stdin(void) {
    char line[4096];
    value_t s = set_new(&type_set), saved = set_new(&type_set);
    while (fgets(line, sizeof line, stdin)) {
        char *p = line + 1;
        switch (line[0]) {
            case 'a': set_add(s, SMALL(strtol(p, NULL, 10))); break;
            case 'd': { value_t k = SMALL(strtol(p, NULL, 10)); method(s, Q_discard, 1, &k); break; }
            case 'p': printf("%s\n", repr(method(s, Q_pop, 0, NULL))); break;
            case 'r': printf("%s\n", repr(s)); break;
            case 'n': s = set_new(&type_set); break;
            case 'c': saved = method(s, Q_copy, 0, NULL); break;
            case 'u': case 'i': case 'x': case 'o': {
                value_t l = list_new(0, NULL);
                char *end;
                for (long v = strtol(p, &end, 10); end != p; v = strtol(p, &end, 10)) { list_append(l, SMALL(v)); p = end; }
                qstr_t m = line[0] == 'u' ? Q_update : line[0] == 'i' ? Q_intersection_update
                         : line[0] == 'x' ? Q_symmetric_difference_update : Q_difference_update;
                method(s, m, 1, &l);
                break;
            }
            case 'S':
                printf("%s ", repr(binary_op(BINOP_OR, s, saved)));
                printf("%s ", repr(binary_op(BINOP_AND, s, saved)));
                printf("%s ", repr(binary_op(BINOP_SUB, s, saved)));
                printf("%s\n", repr(binary_op(BINOP_XOR, s, saved)));
                break;
        }
    }
}

int main(int argc, char **argv) {
    int here;
    stack_top = &here;
    static char heap[HEAP_SIZE];
    gc_init(heap, sizeof heap);
    qstr_init();
    if (argc > 1 && strcmp(argv[1], "setops") == 0) {
        set_ops_from_stdin();
        return 0;
    }
    test_map();
    test_dict();
    test_list();
    test_tuple();
    test_set();
    test_range();
    test_iter();
    gc_stats_t st;
    gc_get_stats(&st);
    printf("%d checks, %d failed (%zu collections)\n", checks, failures, st.collections);
    return failures != 0;
}
