// SPDX-License-Identifier: MIT
// Unit tests of classes, exceptions and the builtin modules (type.c,
// instance.c, descr.c, exc.c, modules.c, builtins.c) through their C entry
// points, on the whole interpreter (everything but the host's main).
// Build and run (from the repository root, after `make`):
//   cc -std=gnu11 -g -Icore -Iplatform/host -Ibuild/host/gen tests/unit/test_objects.c
//      $(ls build/host/obj/core/*.o) build/host/obj/platform/host/{hal_host,readline,fatal,repl}.o
//      build/host/obj/gen/qstrdata.o -lm -o /tmp/test_objects && /tmp/test_objects
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "espy.h"
#include "exc.h"
#include "modules.h"
#include "type.h"
#include "vm.h"

static int failures, checks;

#define CHECK(cond)                                                            \
    do {                                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                      \
    } while (0)

static char out[4096];

static const char *repr_of(value_t v, print_kind_t kind) {
    vstr_t vs;
    vstr_init(&vs, 16);
    print_t p = vstr_printer(&vs);
    obj_print(&p, v, kind);
    size_t n = vs.len < sizeof(out) - 1 ? vs.len : sizeof(out) - 1;
    memcpy(out, vs.buf, n);
    out[n] = 0;
    return out;
}

static const char *traceback_of(value_t exc) {
    vstr_t vs;
    vstr_init(&vs, 16);
    print_t p = vstr_printer(&vs);
    exc_print_traceback(&p, exc);
    size_t n = vs.len < sizeof(out) - 1 ? vs.len : sizeof(out) - 1;
    memcpy(out, vs.buf, n);
    out[n] = 0;
    return out;
}

static void test_subtypes(void) {
    CHECK(type_is_subtype(&type_bool, &type_int));
    CHECK(type_is_subtype(&type_KeyError, &type_LookupError));
    CHECK(type_is_subtype(&type_KeyError, &type_BaseException));
    CHECK(type_is_subtype(&type_list, &type_object));
    CHECK(!type_is_subtype(&type_ValueError, &type_KeyError));
    CHECK(!type_is_subtype(&type_SystemExit, &type_Exception));
    CHECK(type_is_subtype(&type_RecursionError, &type_RuntimeError));
    CHECK(obj_is_instance(SMALL(3), &type_int));
    CHECK(!obj_is_instance(VAL_NONE, &type_int));
}

static value_t make_class(const char *name, size_t n, value_t *bases) {
    return class_new(qstr_from_str(name), tuple_new(n, bases), dict_new(0));
}

static void test_mro(void) {
    value_t a = make_class("A", 0, NULL);
    value_t b = make_class("B", 1, &a);
    value_t c = make_class("C", 1, &a);
    value_t bc[2] = {b, c};
    value_t d = make_class("D", 2, bc);
    size_t n;
    value_t *mro = seq_items(type_mro(VAL_PTR(d)), &n);
    CHECK(n == 5);
    CHECK(n == 5 && mro[0] == d && mro[1] == b && mro[2] == c && mro[3] == a && mro[4] == PTR_VAL(&type_object));
    CHECK(type_is_subtype(VAL_PTR(d), VAL_PTR(a)));
    CHECK(!type_is_subtype(VAL_PTR(a), VAL_PTR(d)));
    value_t ab[2] = {a, b};
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        make_class("E", 2, ab);
        nlr_pop();
        CHECK(!"inconsistent MRO accepted");
    } else {
        CHECK(obj_is_instance(nlr.value, &type_TypeError));
        CHECK(strstr(repr_of(nlr.value, PRINT_STR), "for bases A, B") != NULL);
    }
    // an instance of a class derived from list holds a native list
    value_t lb = PTR_VAL(&type_list);
    value_t l = make_class("L", 1, &lb);
    value_t items[2] = {SMALL(1), SMALL(2)};
    value_t arg = list_new(2, items);
    value_t inst = call_function(l, 1, 0, &arg);
    CHECK(obj_is_instance(inst, &type_list));
    CHECK(class_native_of(inst, &type_list) != NULL);
    CHECK(obj_len_size(inst) == 2);
    CHECK(strcmp(repr_of(inst, PRINT_REPR), "[1, 2]") == 0);
}

static void test_exceptions(void) {
    value_t e = exc_new_msg(&type_ValueError, "bad");
    CHECK(strcmp(repr_of(e, PRINT_REPR), "ValueError('bad')") == 0);
    CHECK(strcmp(repr_of(e, PRINT_STR), "bad") == 0);
    value_t k = QSTR(Q_args);
    value_t ke = exc_new(&type_KeyError, 1, &k);
    CHECK(strcmp(repr_of(ke, PRINT_STR), "'args'") == 0);
    CHECK(exc_matches(ke, PTR_VAL(&type_LookupError)));
    value_t both[2] = {PTR_VAL(&type_TypeError), PTR_VAL(&type_KeyError)};
    CHECK(exc_matches(ke, tuple_new(2, both)));
    CHECK(!exc_matches(e, tuple_new(2, both)));

    // consecutive identical frames share one entry
    for (int i = 0; i < 6; i++) {
        exc_add_traceback(e, Q_lt_string_gt, 7, qstr_from_str("f"));
    }
    exc_add_traceback(e, Q_lt_string_gt, 9, Q_lt_module_gt);
    exc_tb_t *tb = VAL_PTR(exc_get(e)->traceback);
    CHECK(tb != NULL && tb->len == 2 && tb->entries[0].repeat == 6);
    const char *text = traceback_of(e);
    CHECK(strstr(text, "Traceback (most recent call last):\n  File \"<string>\", line 9, in <module>\n") == text);
    CHECK(strstr(text, "  [Previous line repeated 3 more times]\nValueError: bad\n") != NULL);

    // chaining
    value_t outer = exc_new_msg(&type_RuntimeError, "outer");
    exc_set_cause(outer, ke);
    text = traceback_of(outer);
    CHECK(strcmp(text, "KeyError: 'args'\n\nThe above exception was the direct cause of the following exception:\n\n"
                       "RuntimeError: outer\n") == 0);
    value_t ctx = exc_new(&type_IndexError, 0, NULL);
    value_t second = exc_new(&type_TypeError, 0, NULL);
    exc_set_context(second, ctx);
    text = traceback_of(second);
    CHECK(strcmp(text, "IndexError\n\nDuring handling of the above exception, another exception occurred:\n\nTypeError\n") == 0);
    exc_set_context(ctx, ctx);             // never its own context
    CHECK(exc_get(ctx)->context == VAL_NULL);
    exc_get(second)->context = VAL_NULL;
    exc_set_context(second, ctx);
    exc_get(ctx)->context = VAL_NULL;
    exc_set_context(ctx, second);          // would make a cycle: second's link is cut, as CPython
    CHECK(exc_get(ctx)->context == second && exc_get(second)->context == VAL_NULL);

    // raise_fmt and the preallocated MemoryError
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        raise_fmt(&type_IndexError, "%s index %d out of %q", "list", 5, Q_range);
    } else {
        CHECK(strcmp(repr_of(nlr.value, PRINT_STR), "list index 5 out of range") == 0);
    }
    gc_stats_t before, after;
    gc_get_stats(&before);
    if (nlr_push(&nlr) == 0) {
        exc_raise_memory_error(100);
    } else {
        gc_get_stats(&after);
        CHECK(after.used == before.used);
        CHECK(OBJ_TYPE_IS(nlr.value, &type_MemoryError));
        CHECK(!gc_is_heap_ptr(VAL_PTR(nlr.value)));
        CHECK(strstr(repr_of(nlr.value, PRINT_STR), "allocating 100 bytes") != NULL);
    }
    value_t oe = SMALL(2);
    CHECK(strcmp(repr_of(exc_new(&type_OSError, 1, &oe), PRINT_STR), "[Errno 2] ENOENT") == 0);
}

static void test_modules(void) {
    CHECK(modules_find_builtin(Q_sys) != VAL_NULL);
    CHECK(modules_find_builtin(Q_usys) == modules_find_builtin(Q_sys));
    CHECK(modules_find_builtin(Q_gc) == PTR_VAL(&gc_module));
    CHECK(modules_find_builtin(qstr_from_str("nonexistent_module")) == VAL_NULL);
    CHECK(dict_get(sys_modules_dict(), QSTR(Q_sys)) == modules_find_builtin(Q_sys));
    // the builtins table is sorted, so lookups can bisect
    for (uint32_t i = 1; i < builtins_map.used; i++) {
        CHECK(builtins_map.table[i - 1].key < builtins_map.table[i].key);
    }
    CHECK(map_get_qstr(&builtins_map, Q_print) != VAL_NULL);
    CHECK(map_get_qstr(&builtins_map, Q_ZeroDivisionError) == PTR_VAL(&type_ZeroDivisionError));
    CHECK(map_get_qstr(&builtins_map, Q___build_class__) == PTR_VAL(&builtin___build_class___obj));
}

int main(void) {
    static char heap[4 << 20];
    char *argv[] = {"test_objects", NULL};
    espy_options_t opt = {heap, sizeof(heap), 1, argv, "", 0, 0};
    espy_init(&opt);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        test_subtypes();
        test_mro();
        test_exceptions();
        test_modules();
        nlr_pop();
    } else {
        fprintf(stderr, "uncaught exception: %s\n", traceback_of(nlr.value));
        failures++;
    }
    printf("test_objects: %d checks, %d failed\n", checks, failures);
    return failures != 0;
}
