// SPDX-License-Identifier: MIT
// The slots of classes: how an instance of a user class answers the
// generic operations.
//
// Each slot looks the matching special method up in the user part of the
// class's MRO (the heap classes before the first builtin type), guarded by
// the class's CLASS_HAS_* bits so that a class without the method pays one
// test; what the class does not define goes to the native base object when
// the class derives from a builtin type, and otherwise returns VAL_NULL so
// that the runtime applies Python's default (identity equality, the
// reflected operation, "object is not iterable" ...).
#include <string.h>

#include "exc.h"
#include "type.h"
#include "vm.h"

static inline class_t *class_of(value_t self) {
    return (class_t *)OBJ(self)->type;
}

static inline instance_t *as_instance(value_t self) {
    return VAL_PTR(self);
}

// ---- names of the operator methods ---------------------------------------------------------

static const uint16_t unop_names[UNOP_COUNT] = {
    [UNOP_POS] = Q___pos__, [UNOP_NEG] = Q___neg__, [UNOP_INVERT] = Q___invert__,
    [UNOP_BOOL] = Q___bool__, [UNOP_LEN] = Q___len__, [UNOP_HASH] = Q___hash__,
    [UNOP_ABS] = Q___abs__, [UNOP_INT] = Q___int__, [UNOP_FLOAT] = Q___float__,
    [UNOP_INDEX] = Q___index__,
};

// Indexed as the runtime computes the operators: BINOP_INPLACE_FIRST + k
// and BINOP_REFLECTED_FIRST + k for the k-th arithmetic operator.
static const uint16_t binop_names[BINOP_COUNT] = {
    [0] = Q___add__, [BINOP_INPLACE_FIRST + 0] = Q___iadd__, [BINOP_REFLECTED_FIRST + 0] = Q___radd__,
    [1] = Q___sub__, [BINOP_INPLACE_FIRST + 1] = Q___isub__, [BINOP_REFLECTED_FIRST + 1] = Q___rsub__,
    [2] = Q___mul__, [BINOP_INPLACE_FIRST + 2] = Q___imul__, [BINOP_REFLECTED_FIRST + 2] = Q___rmul__,
    [3] = Q___truediv__, [BINOP_INPLACE_FIRST + 3] = Q___itruediv__, [BINOP_REFLECTED_FIRST + 3] = Q___rtruediv__,
    [4] = Q___floordiv__, [BINOP_INPLACE_FIRST + 4] = Q___ifloordiv__, [BINOP_REFLECTED_FIRST + 4] = Q___rfloordiv__,
    [5] = Q___mod__, [BINOP_INPLACE_FIRST + 5] = Q___imod__, [BINOP_REFLECTED_FIRST + 5] = Q___rmod__,
    [6] = Q___pow__, [BINOP_INPLACE_FIRST + 6] = Q___ipow__, [BINOP_REFLECTED_FIRST + 6] = Q___rpow__,
    [7] = Q___and__, [BINOP_INPLACE_FIRST + 7] = Q___iand__, [BINOP_REFLECTED_FIRST + 7] = Q___rand__,
    [8] = Q___or__, [BINOP_INPLACE_FIRST + 8] = Q___ior__, [BINOP_REFLECTED_FIRST + 8] = Q___ror__,
    [9] = Q___xor__, [BINOP_INPLACE_FIRST + 9] = Q___ixor__, [BINOP_REFLECTED_FIRST + 9] = Q___rxor__,
    [10] = Q___lshift__, [BINOP_INPLACE_FIRST + 10] = Q___ilshift__, [BINOP_REFLECTED_FIRST + 10] = Q___rlshift__,
    [11] = Q___rshift__, [BINOP_INPLACE_FIRST + 11] = Q___irshift__, [BINOP_REFLECTED_FIRST + 11] = Q___rrshift__,
    [12] = Q___matmul__, [BINOP_INPLACE_FIRST + 12] = Q___imatmul__, [BINOP_REFLECTED_FIRST + 12] = Q___rmatmul__,
    [BINOP_LT] = Q___lt__, [BINOP_GT] = Q___gt__, [BINOP_EQ] = Q___eq__, [BINOP_NE] = Q___ne__,
    [BINOP_LE] = Q___le__, [BINOP_GE] = Q___ge__, [BINOP_CONTAINS] = Q___contains__,
};

qstr_t unop_dunder(unop_t op) {
    return unop_names[op];
}

qstr_t binop_dunder(binop_t op) {
    return binop_names[op];
}

// ---- calling special methods ----------------------------------------------------------------

// Calls fn (an entry of a class namespace) as a method of self.
static value_t call_special(value_t self, value_t fn, size_t n_args, const value_t *args) {
    value_t dest[2] = {VAL_NULL, VAL_NULL};
    const type_t *t = value_type(self);
    type_bind_attr(fn, t, self, t, dest);
    if (dest[1] == VAL_NULL) {
        return call_function(dest[0], n_args, 0, args);
    }
    value_t all[4];
    all[0] = dest[1];
    for (size_t i = 0; i < n_args; i++) {
        all[i + 1] = args[i];
    }
    return call_function(dest[0], n_args + 1, 0, all);
}

// Calls fn with self prepended to args (keyword pairs included).
static value_t call_with_self(value_t fn, value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    size_t total = n_args + 2 * n_kw;
    value_t small[8];
    value_t *all = total + 1 <= 8 ? small : gc_alloc((total + 1) * sizeof(value_t), 0);
    all[0] = self;
    memcpy(all + 1, args, total * sizeof(value_t));
    return call_function(fn, n_args + 1, n_kw, all);
}

static value_t lookup(value_t self, qstr_t name) {
    return class_lookup_special(OBJ(self)->type, name);
}

// ---- creating instances ---------------------------------------------------------------------

// Whether the native base is made empty and filled by its __init__ (list,
// dict, set) rather than made from the constructor's arguments.
static bool native_has_init(const type_t *nt) {
    if (nt->flags & TYPE_FLAG_EXCEPTION) {
        return false;
    }
    for (const type_t *t = nt; t != NULL && t != &type_object; t = t->parent) {
        if (t->locals != NULL && map_get_qstr(t->locals, Q___init__) != VAL_NULL) {
            return true;
        }
    }
    return false;
}

static value_t instance_alloc(const type_t *type, size_t n_args, size_t n_kw, const value_t *args, bool init_follows) {
    const class_t *cls = (const class_t *)type;
    instance_t *inst = gc_alloc(sizeof(instance_t), 0);
    inst->base.type = type;
    const type_t *nt = cls->native;
    if (nt != NULL) {
        if (nt->make_new == NULL) {
            raise_fmt(&type_TypeError, "cannot create '%q' instances", nt->name);
        }
        value_t native;
        if (init_follows && native_has_init(nt)) {
            native = nt->make_new(nt, 0, 0, NULL);
        } else {
            native = nt->make_new(nt, n_args, n_kw, args);
        }
        if (VAL_IS_QSTR(native)) {
            // str methods reach the native base as an object
            size_t len;
            const char *s = str_data(native, &len);
            native = str_new(s, len);
        }
        inst->native = native;
    }
    return PTR_VAL(inst);
}

value_t instance_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    bool init_follows = (((const class_t *)type)->has & CLASS_HAS_INIT) != 0;
    return instance_alloc(type, n_args, n_kw, args, init_follows);
}

value_t instance_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    const class_t *cls = (const class_t *)type;
    value_t self;
    if (cls->has & CLASS_HAS_NEW) {
        value_t fn = class_lookup_special(type, Q___new__);
        self = call_with_self(fn, PTR_VAL(type), n_args, n_kw, args);
        if (!obj_is_instance(self, type)) {
            return self;
        }
        type = value_type(self);
    } else {
        if (!(cls->has & CLASS_HAS_INIT) && cls->native == NULL && (n_args > 0 || n_kw > 0)) {
            raise_fmt(&type_TypeError, "%q() takes no arguments", type->name);
        }
        self = instance_alloc(type, n_args, n_kw, args, (cls->has & CLASS_HAS_INIT) != 0);
    }
    value_t init = class_lookup_special(type, Q___init__);
    if (init != VAL_NULL) {
        value_t r = call_with_self(init, self, n_args, n_kw, args);
        if (r != VAL_NONE) {
            raise_fmt(&type_TypeError, "__init__() should return None, not '%T'", r);
        }
    }
    return self;
}

// ---- printing --------------------------------------------------------------------------------

static void print_result(const print_t *p, value_t r, const char *what) {
    size_t len;
    const char *s = str_data(r, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "%s returned non-string (type %T)", what, r);
    }
    print_strn(p, s, len);
}

static void print_native(const print_t *p, value_t self, print_kind_t kind) {
    value_t n = as_instance(self)->native;
    const type_t *nt = value_type(n);
    if (nt->flags & TYPE_FLAG_EXCEPTION) {
        exc_print_as(p, OBJ(self)->type->name, self, kind);
    } else if (nt == &type_set || nt == &type_frozenset || nt == &type_bytearray) {
        // These show their class: St({1, 2}), BA(b'x'), as CPython does.
        vstr_t vs;
        vstr_init(&vs, 16);
        print_t vp = vstr_printer(&vs);
        obj_print(&vp, n, PRINT_REPR);
        size_t tlen;
        const char *tname = qstr_data(nt->name, &tlen);
        print_fmt(p, "%q", OBJ(self)->type->name);
        if (vs.len > tlen && memcmp(vs.buf, tname, tlen) == 0 && vs.buf[tlen] == '(') {
            print_strn(p, vs.buf + tlen, vs.len - tlen);
        } else {
            print_str(p, "(");
            print_strn(p, vs.buf, vs.len);
            print_str(p, ")");
        }
    } else {
        obj_print(p, n, kind);
    }
}

void instance_print(const print_t *p, value_t self, print_kind_t kind) {
    class_t *cls = class_of(self);
    instance_t *inst = as_instance(self);
    if (kind == PRINT_STR) {
        if (cls->has & CLASS_HAS_STR) {
            value_t fn = lookup(self, Q___str__);
            if (fn != VAL_NULL) {
                print_result(p, call_special(self, fn, 0, NULL), "__str__");
                return;
            }
        }
        // Only str and the exceptions have a str() of their own; the other
        // builtin types show repr(), which a class may have overridden.
        value_t n = inst->native;
        if (n != VAL_NULL && (value_is_str(n) || (value_type(n)->flags & TYPE_FLAG_EXCEPTION))) {
            print_native(p, self, PRINT_STR);
            return;
        }
    }
    if (cls->has & CLASS_HAS_REPR) {
        value_t fn = lookup(self, Q___repr__);
        if (fn != VAL_NULL) {
            print_result(p, call_special(self, fn, 0, NULL), "__repr__");
            return;
        }
    }
    if (inst->native != VAL_NULL) {
        print_native(p, self, PRINT_REPR);
        return;
    }
    object_print_default(p, self);
}

// ---- operators -----------------------------------------------------------------------------

static bool is_unhashable_builtin(const type_t *t) {
    return t == &type_list || t == &type_dict || t == &type_set || t == &type_bytearray;
}

static value_t check_unary_result(unop_t op, value_t r) {
    switch (op) {
        case UNOP_BOOL:
            if (!VAL_IS_BOOL(r)) {
                raise_fmt(&type_TypeError, "__bool__ should return bool, returned %T", r);
            }
            return r;
        case UNOP_LEN:
            if (!value_is_int(r) || VAL_IS_BOOL(r)) {
                if (VAL_IS_BOOL(r)) {
                    return SMALL(r == VAL_TRUE);
                }
                raise_fmt(&type_TypeError, "'%T' object cannot be interpreted as an integer", r);
            }
            if (int_is_negative(r)) {
                raise_msg(&type_ValueError, "__len__() should return >= 0");
            }
            return r;
        case UNOP_HASH:
            if (!value_is_int(r)) {
                raise_msg(&type_TypeError, "__hash__ method should return an integer");
            }
            return r;
        case UNOP_INDEX:
        case UNOP_INT:
            if (!value_is_int(r)) {
                raise_fmt(&type_TypeError, "%s returned non-int (type %T)", op == UNOP_INDEX ? "__index__" : "__int__", r);
            }
            return r;
        case UNOP_FLOAT:
            if (!OBJ_TYPE_IS(r, &type_float)) {
                raise_fmt(&type_TypeError, "%T.__float__ returned non-float (type %T)", r, r);
            }
            return r;
        default:
            return r;
    }
}

value_t instance_unary_op(unop_t op, value_t self) {
    class_t *cls = class_of(self);
    if (cls->has & CLASS_HAS_UNARY) {
        value_t fn = lookup(self, unop_names[op]);
        if (fn != VAL_NULL) {
            if (fn == VAL_NONE && op == UNOP_HASH) {
                raise_fmt(&type_TypeError, "unhashable type: '%q'", cls->type.name);
            }
            return check_unary_result(op, call_special(self, fn, 0, NULL));
        }
    }
    value_t n = as_instance(self)->native;
    if (n != VAL_NULL) {
        const type_t *nt = value_type(n);
        if (op == UNOP_HASH && is_unhashable_builtin(nt)) {
            raise_fmt(&type_TypeError, "unhashable type: '%q'", cls->type.name);
        }
        value_t r = nt->unary_op != NULL ? nt->unary_op(op, n) : VAL_NULL;
        if (r == VAL_NULL && op == UNOP_INT) {
            r = nt->unary_op != NULL ? nt->unary_op(UNOP_INDEX, n) : VAL_NULL;
        }
        return r;
    }
    return VAL_NULL;
}

value_t instance_binary_op(binop_t op, value_t lhs, value_t rhs) {
    class_t *cls = class_of(lhs);
    if (cls->has & CLASS_HAS_BINARY) {
        value_t fn = lookup(lhs, binop_names[op]);
        if (fn != VAL_NULL) {
            value_t r = call_special(lhs, fn, 1, &rhs);
            if (r == VAL_NOTIMPL) {
                return VAL_NULL;
            }
            if (op == BINOP_CONTAINS) {
                return VAL_BOOL(obj_is_true(r));
            }
            return r;
        }
        if (op == BINOP_NE) {
            fn = lookup(lhs, Q___eq__);
            if (fn != VAL_NULL) {
                value_t r = call_special(lhs, fn, 1, &rhs);
                return r == VAL_NOTIMPL ? VAL_NULL : VAL_BOOL(!obj_is_true(r));
            }
        }
    }
    value_t n = as_instance(lhs)->native;
    if (n != VAL_NULL) {
        const type_t *nt = value_type(n);
        if (nt->binary_op == NULL) {
            return VAL_NULL;
        }
        value_t other = rhs;
        if (op != BINOP_CONTAINS) {
            value_t rn = class_native_value(rhs);
            if (rn != VAL_NULL) {
                other = rn;
            }
        }
        value_t r = nt->binary_op(op, n, other);
        return r == n && BINOP_IS_INPLACE(op) ? lhs : r;
    }
    if (op == BINOP_CONTAINS && !(cls->has & (CLASS_HAS_ITER | CLASS_HAS_GETITEM))) {
        raise_fmt(&type_TypeError, "argument of type '%q' is not iterable", cls->type.name);
    }
    return VAL_NULL;
}

// ---- attributes ------------------------------------------------------------------------------

static value_t instance_dict_object(instance_t *inst) {
    if (!inst->dict.reserved[0]) {
        value_t d = dict_new(0);
        *dict_map(d) = inst->dict;
        memset(&inst->dict, 0, sizeof(inst->dict));
        inst->dict.reserved[0] = 1;
        inst->dict.table = VAL_PTR(d);
    }
    return PTR_VAL(inst->dict.table);
}

static void load_attr(value_t self, qstr_t name, value_t *dest) {
    class_t *cls = class_of(self);
    instance_t *inst = as_instance(self);
    value_t v = map_get_qstr(instance_map(inst), name);
    if (v != VAL_NULL && !(cls->has & CLASS_HAS_PROPERTY)) {
        dest[0] = v;
        return;
    }
    if (name == Q___class__) {
        dest[0] = PTR_VAL(cls);
        return;
    }
    if (name == Q___dict__) {
        dest[0] = instance_dict_object(inst);
        return;
    }
    const type_t *owner;
    value_t cv = type_lookup(&cls->type, name, &owner);
    if (cv != VAL_NULL) {
        if (v != VAL_NULL && !value_is_data_descriptor(cv)) {
            dest[0] = v;
            return;
        }
        type_bind_attr(cv, owner, self, &cls->type, dest);
        return;
    }
    if (v != VAL_NULL) {
        dest[0] = v;
        return;
    }
    value_t n = inst->native;
    if (n != VAL_NULL) {
        const type_t *nt = value_type(n);
        if (nt->attr != NULL) {
            nt->attr(nt->flags & TYPE_FLAG_EXCEPTION ? self : n, name, dest);
            if (dest[0] != VAL_NULL) {
                if (dest[1] == n) {
                    dest[1] = self;
                }
                return;
            }
        }
    }
    if (name == Q___doc__) {
        dest[0] = VAL_NONE;
    }
}

static void getattr_fallback(value_t self, qstr_t name, value_t *dest) {
    value_t fn = lookup(self, Q___getattr__);
    if (fn != VAL_NULL) {
        value_t arg = QSTR(name);
        dest[0] = call_special(self, fn, 1, &arg);
        dest[1] = VAL_NULL;
    }
}

void instance_store_attr(value_t self, qstr_t name, value_t value) {
    if (!VAL_IS_OBJ(self) || !(OBJ(self)->type->flags & TYPE_FLAG_HEAP)) {
        obj_setattr(self, name, value);
        return;
    }
    instance_t *inst = as_instance(self);
    value_t n = inst->native;
    if (n != VAL_NULL) {
        const type_t *nt = value_type(n);
        if (nt->attr != NULL) {
            value_t dest[2] = {VAL_SENTINEL, value};
            nt->attr(nt->flags & TYPE_FLAG_EXCEPTION ? self : n, name, dest);
            if (dest[0] == VAL_NULL) {
                return;
            }
        }
    }
    map_t *map = instance_map(inst);
    if (value == VAL_NULL) {
        if (map_lookup(map, QSTR(name), MAP_REMOVE) == NULL) {
            raise_fmt(&type_AttributeError, "'%T' object has no attribute '%q'", self, name);
        }
        return;
    }
    map_store(map, QSTR(name), value);
}

static void store_attr(value_t self, qstr_t name, value_t value) {
    class_t *cls = class_of(self);
    if (cls->has & CLASS_HAS_PROPERTY) {
        value_t cv = type_lookup(&cls->type, name, NULL);
        if (OBJ_TYPE_IS(cv, &type_property)) {
            property_obj_t *p = VAL_PTR(cv);
            value_t fn = value == VAL_NULL ? p->fdel : p->fset;
            if (fn == VAL_NONE) {
                raise_fmt(&type_AttributeError, "property '%q' of '%q' object has no %s", name, cls->type.name,
                          value == VAL_NULL ? "deleter" : "setter");
            }
            if (value == VAL_NULL) {
                call_function_1(fn, self);
            } else {
                call_function_2(fn, self, value);
            }
            return;
        }
        if (value_is_data_descriptor(cv)) {
            value_t fn = class_lookup_special(OBJ(cv)->type, value == VAL_NULL ? Q___delete__ : Q___set__);
            if (fn == VAL_NULL) {
                raise_fmt(&type_AttributeError, "__%s__", value == VAL_NULL ? "delete" : "set");
            }
            value_t a[3] = {cv, self, value};
            call_function(fn, value == VAL_NULL ? 2 : 3, 0, a);
            return;
        }
    }
    if (cls->has & CLASS_HAS_SETATTR) {
        value_t fn = lookup(self, value == VAL_NULL ? Q___delattr__ : Q___setattr__);
        if (fn != VAL_NULL) {
            value_t args[2] = {QSTR(name), value};
            call_special(self, fn, value == VAL_NULL ? 1 : 2, args);
            return;
        }
    }
    instance_store_attr(self, name, value);
}

void instance_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] == VAL_SENTINEL) {
        store_attr(self, name, dest[1]);
        dest[0] = VAL_NULL;
        return;
    }
    class_t *cls = class_of(self);
    if (cls->has & CLASS_HAS_GETATTRIBUTE) {
        value_t fn = lookup(self, Q___getattribute__);
        if (fn != VAL_NULL) {
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                value_t arg = QSTR(name);
                dest[0] = call_special(self, fn, 1, &arg);
                dest[1] = VAL_NULL;
                nlr_pop();
                return;
            }
            if (!(cls->has & CLASS_HAS_GETATTR) || !exc_matches(nlr.value, PTR_VAL(&type_AttributeError))) {
                nlr_raise(nlr.value);
            }
            getattr_fallback(self, name, dest);
            return;
        }
    }
    if (!(cls->has & CLASS_HAS_GETATTR)) {
        load_attr(self, name, dest);
        return;
    }
    // With __getattr__, an AttributeError from a property also falls back.
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        load_attr(self, name, dest);
        nlr_pop();
    } else {
        if (!exc_matches(nlr.value, PTR_VAL(&type_AttributeError))) {
            nlr_raise(nlr.value);
        }
        dest[0] = dest[1] = VAL_NULL;
    }
    if (dest[0] == VAL_NULL) {
        getattr_fallback(self, name, dest);
    }
}

// ---- items, iteration, calls, buffers -----------------------------------------------------------

value_t instance_subscr(value_t self, value_t index, value_t value) {
    class_t *cls = class_of(self);
    if (value == VAL_SENTINEL) {
        if (cls->has & CLASS_HAS_GETITEM) {
            value_t fn = lookup(self, Q___getitem__);
            if (fn != VAL_NULL) {
                return call_special(self, fn, 1, &index);
            }
        }
    } else if (value == VAL_NULL) {
        if (cls->has & CLASS_HAS_DELITEM) {
            value_t fn = lookup(self, Q___delitem__);
            if (fn != VAL_NULL) {
                call_special(self, fn, 1, &index);
                return VAL_NONE;
            }
        }
    } else if (cls->has & CLASS_HAS_SETITEM) {
        value_t fn = lookup(self, Q___setitem__);
        if (fn != VAL_NULL) {
            value_t args[2] = {index, value};
            call_special(self, fn, 2, args);
            return VAL_NONE;
        }
    }
    value_t n = as_instance(self)->native;
    if (n != VAL_NULL) {
        const type_t *nt = value_type(n);
        if (value == VAL_SENTINEL && nt == &type_dict) {
            value_t missing = lookup(self, Q___missing__);
            if (missing != VAL_NULL) {
                value_t v = dict_get(n, index);
                return v != VAL_NULL ? v : call_special(self, missing, 1, &index);
            }
        }
        if (nt->subscr != NULL) {
            return nt->subscr(n, index, value);
        }
    }
    return VAL_NULL;
}

value_t instance_getiter(value_t self) {
    class_t *cls = class_of(self);
    if (cls->has & CLASS_HAS_ITER) {
        value_t fn = lookup(self, Q___iter__);
        if (fn != VAL_NULL) {
            value_t it = call_special(self, fn, 0, NULL);
            if (value_type(it)->iternext == NULL) {
                raise_fmt(&type_TypeError, "iter() returned non-iterator of type '%T'", it);
            }
            return it;
        }
    }
    value_t n = as_instance(self)->native;
    if (n != VAL_NULL && value_type(n)->getiter != NULL) {
        return value_type(n)->getiter(n);
    }
    if (cls->has & CLASS_HAS_GETITEM) {
        return iter_new_getitem(self);
    }
    return VAL_NULL;
}

value_t instance_iternext(value_t self) {
    class_t *cls = class_of(self);
    if (cls->has & CLASS_HAS_NEXT) {
        value_t fn = lookup(self, Q___next__);
        if (fn != VAL_NULL) {
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                value_t v = call_special(self, fn, 0, NULL);
                nlr_pop();
                return v;
            }
            if (exc_matches(nlr.value, PTR_VAL(&type_StopIteration))) {
                return VAL_STOP;
            }
            nlr_raise(nlr.value);
        }
    }
    value_t n = as_instance(self)->native;
    if (n != VAL_NULL && value_type(n)->iternext != NULL) {
        return value_type(n)->iternext(n);
    }
    raise_fmt(&type_TypeError, "'%T' object is not an iterator", self);
}

value_t instance_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    class_t *cls = class_of(self);
    if (cls->has & CLASS_HAS_CALL) {
        value_t fn = lookup(self, Q___call__);
        if (fn != VAL_NULL) {
            value_t dest[2] = {VAL_NULL, VAL_NULL};
            type_bind_attr(fn, &cls->type, self, &cls->type, dest);
            if (dest[1] != VAL_NULL) {
                return call_with_self(dest[0], dest[1], n_args, n_kw, args);
            }
            return call_function(dest[0], n_args, n_kw, args);
        }
    }
    value_t n = as_instance(self)->native;
    if (n != VAL_NULL && value_type(n)->call != NULL) {
        return value_type(n)->call(n, n_args, n_kw, args);
    }
    raise_fmt(&type_TypeError, "'%T' object is not callable", self);
}

bool instance_buffer(value_t self, buffer_info_t *info, int flags) {
    value_t n = as_instance(self)->native;
    return n != VAL_NULL && obj_get_buffer(n, info, flags);
}
