// SPDX-License-Identifier: MIT
// The generic operations: everything the VM and the builtins do to a value
// without knowing its type goes through here, and from here to the type's
// slots. Also the printf-style formatter, keyword-argument helpers, and
// gc_mark_roots, the one place that names every GC root.
#include <string.h>

#include "code.h"
#include "type.h"
#include "vm.h"

// From type.c, iter.c, modules.c and import.c.
void *class_native_of(value_t instance, const type_t *builtin);
value_t iter_new_getitem(value_t seq);
void modules_mark_roots(void);
void import_mark_roots(void);
void port_mark_roots(void);

// ---- types of values --------------------------------------------------------------

const type_t *value_type(value_t v) {
    if (VAL_IS_OBJ(v)) {
        return OBJ(v)->type;
    }
    if (VAL_IS_SMALL(v)) {
        return &type_int;
    }
    if (VAL_IS_QSTR(v)) {
        return &type_str;
    }
    switch (v) {
        case VAL_NONE:
            return &type_NoneType;
        case VAL_TRUE:
        case VAL_FALSE:
            return &type_bool;
        case VAL_ELLIPSIS:
            return &type_ellipsis;
        case VAL_NOTIMPL:
            return &type_NotImplementedType;
        default:
            return &type_NoneType;
    }
}

qstr_t value_type_name(value_t v) {
    return value_type(v)->name;
}

static bool is_heap_instance(value_t v) {
    return VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP);
}

void *obj_native_maybe(value_t v, const type_t *type) {
    if (!VAL_IS_OBJ(v)) {
        return NULL;
    }
    if (OBJ(v)->type == type) {
        return VAL_PTR(v);
    }
    if (is_heap_instance(v)) {
        return class_native_of(v, type);
    }
    if (type_is_subtype(OBJ(v)->type, type)) {
        return VAL_PTR(v);
    }
    return NULL;
}

void *obj_native(value_t v, const type_t *type) {
    void *p = obj_native_maybe(v, type);
    if (p == NULL) {
        raise_fmt(&type_TypeError, "descriptor requires a '%q' object but received a '%T'", type->name, v);
    }
    return p;
}

// ---- truth, hashing, equality ------------------------------------------------------

bool obj_is_true(value_t v) {
    if (v == VAL_TRUE) {
        return true;
    }
    if (v == VAL_FALSE || v == VAL_NONE) {
        return false;
    }
    if (VAL_IS_SMALL(v)) {
        return v != SMALL(0);
    }
    if (VAL_IS_QSTR(v)) {
        return qstr_len(QSTR_INDEX(v)) != 0;
    }
    if (!VAL_IS_OBJ(v)) {
        return true;
    }
    const type_t *t = OBJ(v)->type;
    if (t->unary_op != NULL) {
        value_t r = t->unary_op(UNOP_BOOL, v);
        if (r != VAL_NULL) {
            return r == VAL_TRUE;
        }
        r = t->unary_op(UNOP_LEN, v);
        if (r != VAL_NULL) {
            return r != SMALL(0);
        }
    }
    return true;
}

uint32_t obj_hash(value_t v) {
    if (VAL_IS_SMALL(v)) {
        smallint_t i = SMALL_VALUE(v);
        // Beyond 2**61 - 1 (64-bit hosts) the int type reduces as CPython does.
        if (sizeof(smallint_t) < 8 || (i > -(smallint_t)(INTPTR_MAX >> 3) && i < (smallint_t)(INTPTR_MAX >> 3))) {
            return (uint32_t)(i == -1 ? -2 : i);
        }
    }
    if (VAL_IS_QSTR(v)) {
        return qstr_hash(QSTR_INDEX(v));
    }
    const type_t *t = value_type(v);
    if (t->unary_op != NULL) {
        value_t r = t->unary_op(UNOP_HASH, v);
        if (r != VAL_NULL) {
            if (VAL_IS_SMALL(r)) {
                return (uint32_t)SMALL_VALUE(r);
            }
            return (uint32_t)value_get_int(binary_op(BINOP_AND, r, SMALL(0x7FFFFFFF)));
        }
    }
    if (t == &type_list || t == &type_dict || t == &type_set || t == &type_bytearray) {
        raise_fmt(&type_TypeError, "unhashable type: '%q'", t->name);
    }
    return (uint32_t)((uintptr_t)v >> 3);
}

static value_t compare_slots(binop_t op, value_t a, value_t b) {
    static const uint8_t reflect[] = {BINOP_GT, BINOP_LT, BINOP_EQ, BINOP_NE, BINOP_GE, BINOP_LE};
    const type_t *ta = value_type(a), *tb = value_type(b);
    value_t r = VAL_NULL;
    // A subclass of the left operand's type that overrides the comparison goes first.
    bool right_first = ta != tb && (tb->flags & TYPE_FLAG_HEAP) && type_is_subtype(tb, ta);
    if (right_first && tb->binary_op != NULL) {
        r = tb->binary_op((binop_t)reflect[op - BINOP_LT], b, a);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (ta->binary_op != NULL) {
        r = ta->binary_op(op, a, b);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (!right_first && tb->binary_op != NULL) {
        r = tb->binary_op((binop_t)reflect[op - BINOP_LT], b, a);
    }
    return r;
}

static bool str_like_equal(value_t a, value_t b, bool *decided) {
    size_t la, lb;
    const char *sa = str_data(a, &la);
    const char *sb = str_data(b, &lb);
    if (sa == NULL || sb == NULL) {
        *decided = false;
        return false;
    }
    *decided = true;
    return la == lb && memcmp(sa, sb, la) == 0;
}

bool obj_equal(value_t a, value_t b) {
    if (a == b) {
        return true;
    }
    if (VAL_IS_SMALL(a) && VAL_IS_SMALL(b)) {
        return false;
    }
    if (VAL_IS_QSTR(a) || VAL_IS_QSTR(b)) {
        if (VAL_IS_QSTR(a) && VAL_IS_QSTR(b)) {
            return false;
        }
        bool decided;
        bool eq = str_like_equal(a, b, &decided);
        if (decided) {
            return eq;
        }
    }
    value_t r = compare_slots(BINOP_EQ, a, b);
    return r == VAL_TRUE;
}

// ---- operators ---------------------------------------------------------------------

_Noreturn static void raise_compare(binop_t op, value_t a, value_t b) {
    static const char *const symbols[] = {"<", ">", "==", "!=", "<=", ">="};
    raise_fmt(&type_TypeError, "'%s' not supported between instances of '%T' and '%T'", symbols[op - BINOP_LT], a, b);
}

static value_t contains(value_t container, value_t item) {
    const type_t *t = value_type(container);
    if (t->binary_op != NULL) {
        value_t r = t->binary_op(BINOP_CONTAINS, container, item);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (t->getiter == NULL && t->subscr == NULL && !(t->flags & TYPE_FLAG_HEAP)) {
        raise_fmt(&type_TypeError, "argument of type '%q' is not iterable", t->name);
    }
    value_t iter = obj_getiter(container);
    for (value_t v; (v = obj_iternext(iter)) != VAL_STOP;) {
        if (obj_equal(v, item)) {
            return VAL_TRUE;
        }
    }
    return VAL_FALSE;
}

// ---- numbers behind objects ------------------------------------------------------

value_t value_native_number_of_instance(value_t v) {
    value_t native = class_native_value(v);
    if (native != VAL_NULL && (value_is_int(native) || OBJ_TYPE_IS(native, &type_float))) {
        return native;
    }
    return v;
}

value_t value_index_maybe(value_t v) {
    if (value_is_int(v)) {
        return v;
    }
    value_t native = value_native_number(v);
    if (value_is_int(native)) {
        return native;
    }
    const type_t *t = value_type(v);
    if (t->unary_op != NULL && !OBJ_TYPE_IS(v, &type_float)) {
        value_t r = t->unary_op(UNOP_INDEX, v);
        if (r != VAL_NULL && value_is_int(r)) {
            return r;
        }
    }
    return VAL_NULL;
}

// str, bytes, bytearray, list, tuple and their subclasses: what `*` repeats.
static bool is_repeatable(value_t v) {
    static const type_t *const types[] = {&type_str, &type_bytes, &type_bytearray, &type_list, &type_tuple};
    if (VAL_IS_QSTR(v)) {
        return true;
    }
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (obj_native_maybe(v, types[i]) != NULL) {
            return true;
        }
    }
    return false;
}

// seq * n where n is not an int: an object with __index__ (or an int
// subclass) repeats too; anything else is CPython's error.
static value_t repeat_fallback(binop_t op, value_t lhs, value_t rhs) {
    bool seq_left = is_repeatable(lhs);
    value_t seq = seq_left ? lhs : rhs, count = seq_left ? rhs : lhs;
    value_t n = value_index_maybe(count);
    if (n == VAL_NULL) {
        raise_fmt(&type_TypeError, "can't multiply sequence by non-int of type '%T'", count);
    }
    return seq_left ? binary_op(op, seq, n) : binary_op(op, n, seq);
}

value_t binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op >= BINOP_COMPARE_FIRST) {
        if (op == BINOP_CONTAINS) {
            return contains(lhs, rhs);
        }
        value_t r = compare_slots(op, lhs, rhs);
        if (r != VAL_NULL) {
            return r;
        }
        if (op == BINOP_EQ) {
            return VAL_BOOL(lhs == rhs);
        }
        if (op == BINOP_NE) {
            // Builtin types may answer only ==; a class's != has already
            // tried its __eq__ (object.__ne__), so it is not called twice.
            const type_t *ta = value_type(lhs), *tb = value_type(rhs);
            if (!(ta->flags & TYPE_FLAG_HEAP) && !(tb->flags & TYPE_FLAG_HEAP)) {
                r = compare_slots(BINOP_EQ, lhs, rhs);
                if (r != VAL_NULL) {
                    return VAL_BOOL(r != VAL_TRUE);
                }
            }
            return VAL_BOOL(lhs != rhs);
        }
        raise_compare(op, lhs, rhs);
    }
    const type_t *tl = value_type(lhs), *tr = value_type(rhs);
    if (BINOP_IS_INPLACE(op)) {
        if (tl->binary_op != NULL) {
            value_t r = tl->binary_op(op, lhs, rhs);
            if (r != VAL_NULL) {
                return r;
            }
        }
        op = (binop_t)(op - BINOP_INPLACE_FIRST);
    }
    bool right_first = tl != tr && (tr->flags & TYPE_FLAG_HEAP) && type_is_subtype(tr, tl);
    if (right_first && tr->binary_op != NULL) {
        value_t r = tr->binary_op((binop_t)(BINOP_REFLECTED_FIRST + op), rhs, lhs);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (tl->binary_op != NULL) {
        value_t r = tl->binary_op(op, lhs, rhs);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (!right_first && tr != tl && tr->binary_op != NULL) {
        value_t r = tr->binary_op((binop_t)(BINOP_REFLECTED_FIRST + op), rhs, lhs);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (op == BINOP_MUL && (is_repeatable(lhs) || is_repeatable(rhs))) {
        value_t r = repeat_fallback(op, lhs, rhs);
        if (r != VAL_NULL) {
            return r;
        }
    }
    raise_type_error_unsupported(op, lhs, rhs);
}

value_t unary_op(unop_t op, value_t v) {
    const type_t *t = value_type(v);
    if (t->unary_op != NULL) {
        value_t r = t->unary_op(op, v);
        if (r != VAL_NULL) {
            return r;
        }
    }
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(obj_is_true(v));
        case UNOP_HASH:
            return SMALL((smallint_t)obj_hash(v));
        case UNOP_LEN:
            raise_fmt(&type_TypeError, "object of type '%q' has no len()", t->name);
        case UNOP_NEG:
            raise_fmt(&type_TypeError, "bad operand type for unary -: '%q'", t->name);
        case UNOP_POS:
            raise_fmt(&type_TypeError, "bad operand type for unary +: '%q'", t->name);
        case UNOP_INVERT:
            raise_fmt(&type_TypeError, "bad operand type for unary ~: '%q'", t->name);
        case UNOP_ABS:
            raise_fmt(&type_TypeError, "bad operand type for abs(): '%q'", t->name);
        case UNOP_INDEX:
            raise_fmt(&type_TypeError, "'%q' object cannot be interpreted as an integer", t->name);
        default:
            raise_fmt(&type_TypeError, "unsupported operand type for %q", t->name);
    }
}

value_t obj_len(value_t v) {
    return unary_op(UNOP_LEN, v);
}

size_t obj_len_size(value_t v) {
    value_t n = obj_len(v);
    return VAL_IS_SMALL(n) ? (size_t)SMALL_VALUE(n) : (size_t)value_get_int(n);
}

// ---- attributes ------------------------------------------------------------------------

static bool lookup_in_type(const type_t *t, qstr_t name, value_t *found, const type_t **owner) {
    for (; t != NULL; t = t->parent) {
        if (t->locals != NULL) {
            value_t v = map_get_qstr(t->locals, name);
            if (v != VAL_NULL) {
                *found = v;
                *owner = t;
                return true;
            }
        }
    }
    return false;
}

// object's own attributes, which every type inherits.
static bool lookup_in_object(qstr_t name, value_t *found, const type_t **owner) {
    if (type_object.locals != NULL) {
        value_t v = map_get_qstr(type_object.locals, name);
        if (v != VAL_NULL) {
            *found = v;
            *owner = &type_object;
            return true;
        }
    }
    return false;
}

// ---- dunder methods of builtin types ------------------------------------------------
//
// (10).__add__(5), super().__eq__(other), list.__len__(x): a builtin type's
// operator slots seen as methods. The wrapper remembers the operation and
// the object, and calls the slot; an unsupported operand gives
// NotImplemented, as in CPython.

typedef struct slot_wrapper {
    obj_t base;
    value_t self;
    uint8_t op;
    uint8_t kind;     // 0 binary, 1 unary, 2 len/hash/bool returning from a unary slot
} slot_wrapper_t;

static const char *const binary_dunders[] = {
#define X(n, d, r, i, s) d,
    BINARY_ARITH_OPS(X)
#undef X
#define X(n, d, r, i, s) i,
    BINARY_ARITH_OPS(X)
#undef X
#define X(n, d, r, i, s) r,
    BINARY_ARITH_OPS(X)
#undef X
#define X(n, d, r, i, s) d,
    BINARY_COMPARE_OPS(X)
#undef X
};

static const char *const unary_dunders[] = {
#define X(n, d) d,
    UNARY_OPS(X)
#undef X
};

static value_t slot_wrapper_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    slot_wrapper_t *w = VAL_PTR(self);
    const type_t *t = value_type(w->self);
    if (w->kind == 2) {
        // __iter__ and __next__ of a type with the iterator slots
        arg_check_count(n_args, 0, 0, Q___call__);
        if (w->op == 1) {
            return obj_getiter(w->self);
        }
        value_t v = obj_iternext(w->self);
        if (v == VAL_STOP) {
            value_t ret = generator_return_value(w->self);
            raise_obj(ret == VAL_NONE ? PTR_VAL(&type_StopIteration) : exc_new(&type_StopIteration, 1, &ret));
        }
        return v;
    }
    if (w->kind == 1) {
        arg_check_count(n_args, 0, 0, Q___call__);
        if (w->op == UNOP_HASH) {
            return SMALL((smallint_t)obj_hash(w->self));
        }
        return unary_op((unop_t)w->op, w->self);
    }
    arg_check_count(n_args, 1, 1, Q___call__);
    value_t r = t->binary_op != NULL ? t->binary_op((binop_t)w->op, w->self, args[0]) : VAL_NULL;
    if (r == VAL_NULL && w->op == BINOP_NE) {
        r = t->binary_op != NULL ? t->binary_op(BINOP_EQ, w->self, args[0]) : VAL_NULL;
        if (r != VAL_NULL) {
            r = VAL_BOOL(r != VAL_TRUE);
        }
    }
    if (r == VAL_NULL && w->op == BINOP_EQ) {
        return w->self == args[0] ? VAL_TRUE : VAL_NOTIMPL;
    }
    if (r == VAL_NULL && w->op == BINOP_CONTAINS) {
        return binary_op(BINOP_CONTAINS, w->self, args[0]);
    }
    return r != VAL_NULL ? r : VAL_NOTIMPL;
}

static const type_t type_method_wrapper = {
    {&type_type}, .name = Q_method_wrapper, .call = slot_wrapper_call,
};

static value_t slot_wrapper_for(value_t obj, const type_t *t, qstr_t name) {
    size_t len;
    const char *s = qstr_data(name, &len);
    if (len < 5 || s[0] != '_' || s[1] != '_' || (t->flags & TYPE_FLAG_HEAP)) {
        return VAL_NULL;
    }
    int op = -1, kind = 0;
    for (size_t i = 0; i < sizeof(binary_dunders) / sizeof(binary_dunders[0]) && op < 0; i++) {
        if (strcmp(binary_dunders[i], s) == 0 && t->binary_op != NULL) {
            op = (int)i;
        }
    }
    for (size_t i = 0; i < sizeof(unary_dunders) / sizeof(unary_dunders[0]) && op < 0; i++) {
        if (strcmp(unary_dunders[i], s) == 0 && (t->unary_op != NULL || i == UNOP_HASH)) {
            op = (int)i;
            kind = 1;
        }
    }
    if (op < 0 && strcmp(s, "__next__") == 0 && t->iternext != NULL) {
        op = 0;
        kind = 2;
    } else if (op < 0 && strcmp(s, "__iter__") == 0 && t->getiter != NULL) {
        op = 1;
        kind = 2;
    }
    if (op < 0) {
        return VAL_NULL;
    }
    slot_wrapper_t *w = gc_alloc(sizeof(slot_wrapper_t), 0);
    w->base.type = &type_method_wrapper;
    w->self = obj;
    w->op = (uint8_t)op;
    w->kind = (uint8_t)kind;
    return PTR_VAL(w);
}

// Looks an attribute up; fills dest as the attr slot does.
static void load_attr(value_t obj, qstr_t name, value_t *dest) {
    dest[0] = VAL_NULL;
    dest[1] = VAL_NULL;
    const type_t *t = value_type(obj);
    if (t->attr != NULL) {
        t->attr(obj, name, dest);
        if (dest[0] != VAL_NULL) {
            return;
        }
    }
    value_t v;
    const type_t *owner;
    bool found = lookup_in_type(t, name, &v, &owner);
    if (!found) {
        // The type's operator slots come before object's defaults.
        dest[0] = slot_wrapper_for(obj, t, name);
        if (dest[0] != VAL_NULL) {
            return;
        }
        found = lookup_in_object(name, &v, &owner);
    }
    if (found) {
        if (OBJ_TYPE_IS(v, &type_builtin_function) || OBJ_TYPE_IS(v, &type_function)) {
            dest[0] = v;
            dest[1] = obj;
        } else if (OBJ_TYPE_IS(v, &type_staticmethod)) {
            dest[0] = ((value_t *)VAL_PTR(v))[1];
        } else if (OBJ_TYPE_IS(v, &type_classmethod)) {
            dest[0] = ((value_t *)VAL_PTR(v))[1];
            dest[1] = PTR_VAL(t);
        } else if (OBJ_TYPE_IS(v, &type_property)) {
            dest[0] = call_function_1(((value_t *)VAL_PTR(v))[1], obj);
        } else {
            dest[0] = v;
        }
        return;
    }
    if (name == Q___class__) {
        dest[0] = PTR_VAL(t);
    }
}

value_t obj_getattr_maybe(value_t obj, qstr_t name) {
    value_t dest[2];
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        load_attr(obj, name, dest);
        nlr_pop();
    } else {
        if (exc_matches(nlr.value, PTR_VAL(&type_AttributeError))) {
            return VAL_NULL;
        }
        nlr_raise(nlr.value);
    }
    if (dest[0] == VAL_NULL) {
        return VAL_NULL;
    }
    if (dest[1] != VAL_NULL) {
        return bound_method_new(dest[1], dest[0]);
    }
    return dest[0];
}

_Noreturn static void raise_no_attr(value_t obj, qstr_t name) {
    if (OBJ_TYPE_IS(obj, &type_module)) {
        raise_fmt(&type_AttributeError, "module '%q' has no attribute '%q'", ((module_obj_t *)VAL_PTR(obj))->name, name);
    }
    if (OBJ_TYPE_IS(obj, &type_type)) {
        raise_fmt(&type_AttributeError, "type object '%q' has no attribute '%q'", ((type_t *)VAL_PTR(obj))->name, name);
    }
    raise_fmt(&type_AttributeError, "'%T' object has no attribute '%q'", obj, name);
}

value_t obj_getattr(value_t obj, qstr_t name) {
    value_t dest[2];
    load_attr(obj, name, dest);
    if (dest[0] == VAL_NULL) {
        raise_no_attr(obj, name);
    }
    if (dest[1] != VAL_NULL) {
        return bound_method_new(dest[1], dest[0]);
    }
    return dest[0];
}

bool obj_load_method_maybe(value_t obj, qstr_t name, value_t dest[2]) {
    load_attr(obj, name, dest);
    return dest[0] != VAL_NULL;
}

void obj_load_method(value_t obj, qstr_t name, value_t dest[2]) {
    load_attr(obj, name, dest);
    if (dest[0] == VAL_NULL) {
        raise_no_attr(obj, name);
    }
}

void obj_setattr(value_t obj, qstr_t name, value_t value) {
    const type_t *t = value_type(obj);
    if (t->attr != NULL) {
        value_t dest[2] = {VAL_SENTINEL, value};
        t->attr(obj, name, dest);
        if (dest[0] == VAL_NULL) {
            return;
        }
    }
    if (value == VAL_NULL) {
        raise_no_attr(obj, name);
    }
    value_t v;
    const type_t *owner;
    if (lookup_in_type(t, name, &v, &owner)) {
        raise_fmt(&type_AttributeError, "'%T' object attribute '%q' is read-only", obj, name);
    }
    raise_no_attr(obj, name);
}

// ---- items and iteration ------------------------------------------------------------------

value_t obj_subscr(value_t obj, value_t index, value_t value) {
    const type_t *t = value_type(obj);
    if (t->subscr != NULL) {
        value_t r = t->subscr(obj, index, value);
        if (r != VAL_NULL) {
            return r;
        }
    }
    if (value == VAL_SENTINEL) {
        if (OBJ_TYPE_IS(obj, &type_type)) {
            // list[int] and similar: type hints, returned unchanged.
            return obj;
        }
        raise_fmt(&type_TypeError, "'%q' object is not subscriptable", t->name);
    }
    if (value == VAL_NULL) {
        raise_fmt(&type_TypeError, "'%q' object doesn't support item deletion", t->name);
    }
    raise_fmt(&type_TypeError, "'%q' object does not support item assignment", t->name);
}

value_t obj_getiter_maybe(value_t v) {
    const type_t *t = value_type(v);
    if (t->getiter != NULL) {
        value_t it = t->getiter(v);
        if (it != VAL_NULL) {
            return it;
        }
    }
    if (t->subscr != NULL && !(t->flags & TYPE_FLAG_HEAP)) {
        return iter_new_getitem(v);
    }
    return VAL_NULL;
}

value_t obj_getiter(value_t v) {
    value_t it = obj_getiter_maybe(v);
    if (it == VAL_NULL) {
        raise_fmt(&type_TypeError, "'%T' object is not iterable", v);
    }
    return it;
}

value_t obj_iternext(value_t iter) {
    const type_t *t = value_type(iter);
    if (t->iternext == NULL) {
        raise_fmt(&type_TypeError, "'%q' object is not an iterator", t->name);
    }
    return t->iternext(iter);
}

void obj_get_buffer_raise(value_t v, buffer_info_t *info, int flags) {
    if (!obj_get_buffer(v, info, flags)) {
        raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", v);
    }
}

bool obj_get_buffer(value_t v, buffer_info_t *info, int flags) {
    const type_t *t = value_type(v);
    if (t->buffer == NULL) {
        return false;
    }
    return t->buffer(v, info, flags);
}

// ---- calls ------------------------------------------------------------------------------

// CPython's wordings: "list.append() takes exactly one argument (0 given)"
// for one argument, "insert expected 2 arguments, got 1" otherwise. The
// counts leave out self; owner names the type of a method.
_Noreturn void raise_arg_count(size_t n, size_t min, size_t max, qstr_t name, const type_t *owner) {
    if (min == max && min <= 1) {
        const char *what = min == 1 ? "exactly one argument" : "no arguments";
        if (owner != NULL) {
            raise_fmt(&type_TypeError, "%q.%q() takes %s (%u given)", owner->name, name, what, (unsigned)n);
        }
        raise_fmt(&type_TypeError, "%q() takes %s (%u given)", name, what, (unsigned)n);
    }
    if (min == max) {
        raise_fmt(&type_TypeError, "%q expected %u arguments, got %u", name, (unsigned)min, (unsigned)n);
    }
    bool few = n < min;
    size_t limit = few ? min : max;
    raise_fmt(&type_TypeError, "%q expected %s %u argument%s, got %u", name, few ? "at least" : "at most",
              (unsigned)limit, limit == 1 ? "" : "s", (unsigned)n);
}

void arg_check_count(size_t n_args, size_t min, size_t max, qstr_t fn_name) {
    if (n_args < min || n_args > max) {
        raise_arg_count(n_args, min, max, fn_name, NULL);
    }
}

// A builtin function called as a method of self (n_args counts self).
void arg_check_method_count(const builtin_fun_t *b, value_t self, size_t n_args) {
    if (n_args < b->min_args || (b->max_args != ARGS_MAX && n_args > b->max_args)) {
        size_t max = b->max_args == ARGS_MAX ? SIZE_MAX : (size_t)b->max_args - 1;
        raise_arg_count(n_args - 1, b->min_args > 0 ? b->min_args - 1u : 0, max, b->name, value_type(self));
    }
}

value_t call_function(value_t fn, size_t n_args, size_t n_kw, const value_t *args) {
    if (VAL_IS_OBJ(fn)) {
        const type_t *t = OBJ(fn)->type;
        if (t == &type_builtin_function) {
            const builtin_fun_t *b = VAL_PTR(fn);
            if (n_kw > 0 && !b->takes_kw) {
                raise_fmt(&type_TypeError, "%q() takes no keyword arguments", b->name);
            }
            if (n_args < b->min_args || (b->max_args != ARGS_MAX && n_args > b->max_args)) {
                arg_check_count(n_args, b->min_args, b->max_args == ARGS_MAX ? SIZE_MAX : b->max_args, b->name);
            }
            return b->fn(n_args, n_kw, args);
        }
        if (t == &type_function) {
            return func_call(fn, n_args, n_kw, args);
        }
        if (t->call != NULL) {
            return t->call(fn, n_args, n_kw, args);
        }
    }
    raise_fmt(&type_TypeError, "'%T' object is not callable", fn);
}

value_t call_function_0(value_t fn) {
    return call_function(fn, 0, 0, NULL);
}

value_t call_function_1(value_t fn, value_t a) {
    return call_function(fn, 1, 0, &a);
}

value_t call_function_2(value_t fn, value_t a, value_t b) {
    value_t args[2] = {a, b};
    return call_function(fn, 2, 0, args);
}

value_t call_method(value_t obj, qstr_t name, size_t n_args, const value_t *args) {
    value_t dest[2];
    obj_load_method(obj, name, dest);
    value_t small[8];
    value_t *all = n_args + 1 <= 8 ? small : gc_alloc((n_args + 1) * sizeof(value_t), 0);
    if (dest[1] != VAL_NULL) {
        all[0] = dest[1];
        if (n_args > 0) {
            memcpy(all + 1, args, n_args * sizeof(value_t));
        }
        return call_function(dest[0], n_args + 1, 0, all);
    }
    return call_function(dest[0], n_args, 0, args);
}

value_t arg_kw(size_t n_args, size_t n_kw, const value_t *args, qstr_t name) {
    for (size_t i = 0; i < n_kw; i++) {
        value_t k = args[n_args + 2 * i];
        if (k == QSTR(name)) {
            return args[n_args + 2 * i + 1];
        }
    }
    return VAL_NULL;
}

void arg_kw_check(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *allowed, qstr_t fn_name) {
    for (size_t i = 0; i < n_kw; i++) {
        value_t k = args[n_args + 2 * i];
        bool ok = false;
        for (const qstr_t *a = allowed; *a != Q_NULL && !ok; a++) {
            ok = k == QSTR(*a);
        }
        if (!ok) {
            raise_fmt(&type_TypeError, "%q() got an unexpected keyword argument '%S'", fn_name, k);
        }
    }
}

void arg_kw_check_invalid(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *allowed, const char *fn) {
    for (size_t i = 0; i < n_kw; i++) {
        value_t name = args[n_args + 2 * i];
        const qstr_t *a = allowed;
        while (*a != Q_NULL && QSTR(*a) != name) {
            a++;
        }
        if (*a == Q_NULL) {
            raise_fmt(&type_TypeError, "'%S' is an invalid keyword argument for %s()", name, fn);
        }
    }
}

// ---- printing ---------------------------------------------------------------------------

void obj_print(const print_t *p, value_t v, print_kind_t kind) {
    vm_check_c_stack();
    const type_t *t = value_type(v);
    if (t->print != NULL) {
        t->print(p, v, kind);
        return;
    }
    print_fmt(p, "<%q object at 0x%x>", t->name, (unsigned)(uintptr_t)v);
}

void print_strn(const print_t *p, const char *s, size_t n) {
    p->write(p->ctx, s, n);
}

void print_str(const print_t *p, const char *s) {
    p->write(p->ctx, s, strlen(s));
}

static void print_unsigned(const print_t *p, unsigned long long u, int base, bool negative) {
    char buf[24];
    size_t i = sizeof(buf);
    do {
        buf[--i] = "0123456789abcdef"[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u != 0);
    if (negative) {
        buf[--i] = '-';
    }
    print_strn(p, buf + i, sizeof(buf) - i);
}

void print_vfmt(const print_t *p, const char *fmt, va_list ap) {
    const char *start = fmt;
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            continue;
        }
        print_strn(p, start, (size_t)(fmt - start));
        fmt++;
        int longness = 0;
        while (*fmt == 'l' || *fmt == 'z') {
            longness = *fmt == 'z' ? 3 : longness + 1;
            fmt++;
        }
        switch (*fmt) {
            case 's': {
                const char *s = va_arg(ap, const char *);
                print_str(p, s != NULL ? s : "(null)");
                break;
            }
            case 'd': {
                long long v = longness == 0 ? va_arg(ap, int) : longness == 1 ? va_arg(ap, long)
                              : longness == 3 ? (long long)va_arg(ap, size_t) : va_arg(ap, long long);
                print_unsigned(p, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, 10, v < 0);
                break;
            }
            case 'u':
            case 'x': {
                unsigned long long v = longness == 0 ? va_arg(ap, unsigned) : longness == 1 ? va_arg(ap, unsigned long)
                                       : longness == 3 ? va_arg(ap, size_t) : va_arg(ap, unsigned long long);
                print_unsigned(p, v, *fmt == 'x' ? 16 : 10, false);
                break;
            }
            case 'c': {
                char c = (char)va_arg(ap, int);
                print_strn(p, &c, 1);
                break;
            }
            case 'q': {
                size_t len;
                const char *s = qstr_data((qstr_t)va_arg(ap, unsigned), &len);
                print_strn(p, s, len);
                break;
            }
            case 'T': {
                size_t len;
                const char *s = qstr_data(value_type_name(va_arg(ap, value_t)), &len);
                print_strn(p, s, len);
                break;
            }
            case 'R':
                obj_print(p, va_arg(ap, value_t), PRINT_REPR);
                break;
            case 'S':
                obj_print(p, va_arg(ap, value_t), PRINT_STR);
                break;
            case '%':
                print_strn(p, "%", 1);
                break;
            default:
                print_strn(p, fmt - 1, 2);
                break;
        }
        start = fmt + 1;
    }
    print_strn(p, start, (size_t)(fmt - start));
}

void print_fmt(const print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    print_vfmt(p, fmt, ap);
    va_end(ap);
}

// ---- GC roots ---------------------------------------------------------------------------

void gc_mark_roots(void) {
    vm_mark_roots();
    qstr_mark_roots();
    modules_mark_roots();
    import_mark_roots();
    port_mark_roots();
}

// An object allocated with GC_FINAL (a file, a directory listing of lib/)
// is a builtin object whose type's locals have a __del__ in C that releases
// what it holds outside the heap. It runs during the sweep: it must neither
// allocate nor raise.
void gc_finalise(void *obj) {
    const type_t *t = ((obj_t *)obj)->type;
    if (t == NULL || t->locals == NULL) {
        return;                      // allocated but never made an object
    }
    value_t del = map_get_qstr(t->locals, Q___del__);
    if (OBJ_TYPE_IS(del, &type_builtin_function)) {
        value_t self = PTR_VAL(obj);
        ((const builtin_fun_t *)VAL_PTR(del))->fn(1, 0, &self);
    }
}
