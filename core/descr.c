// SPDX-License-Identifier: MIT
// Descriptors and method lookup helpers: property, staticmethod,
// classmethod, super, and slot wrappers.
//
// A slot wrapper exposes a builtin type's slot as a method, so that
// `list.__repr__(self)`, `super().__eq__(other)` or `int.__add__(1, 2)`
// work although the builtin types keep their operators in slots rather
// than in their method tables. Wrappers are made when such a name is looked
// up, which only explicit dunder access does.
#include <string.h>

#include "exc.h"
#include "type.h"
#include "vm.h"

// ---- staticmethod and classmethod ---------------------------------------------------------

static value_t wrapper_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args != 1 || n_kw != 0) {
        raise_fmt(&type_TypeError, "%q expected 1 argument, got %u", type->name, (unsigned)n_args);
    }
    staticmethod_obj_t *o = gc_alloc(sizeof(staticmethod_obj_t), 0);
    o->base.type = type;
    o->fn = args[0];
    return PTR_VAL(o);
}

static void wrapper_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] == VAL_NULL && (name == Q___func__ || name == Q___wrapped__)) {
        dest[0] = ((staticmethod_obj_t *)VAL_PTR(self))->fn;
    }
}

static value_t staticmethod_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    return call_function(((staticmethod_obj_t *)VAL_PTR(self))->fn, n_args, n_kw, args);
}

static void wrapper_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "<%q(%R)>", value_type_name(self), ((staticmethod_obj_t *)VAL_PTR(self))->fn);
}

const type_t type_staticmethod = {
    {&type_type}, .name = Q_staticmethod, .flags = TYPE_FLAG_BASETYPE, .print = wrapper_print,
    .make_new = wrapper_make_new, .call = staticmethod_call, .attr = wrapper_attr,
};

const type_t type_classmethod = {
    {&type_type}, .name = Q_classmethod, .flags = TYPE_FLAG_BASETYPE, .print = wrapper_print,
    .make_new = wrapper_make_new, .attr = wrapper_attr,
};

// ---- property -----------------------------------------------------------------------------

static value_t property_alloc(value_t fget, value_t fset, value_t fdel, value_t doc) {
    property_obj_t *p = gc_alloc(sizeof(property_obj_t), 0);
    p->base.type = &type_property;
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->doc = doc;
    return PTR_VAL(p);
}

static value_t property_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_fget, Q_fset, Q_fdel, Q_doc};
    value_t v[4] = {VAL_NONE, VAL_NONE, VAL_NONE, VAL_NONE};
    if (n_args > 4) {
        raise_fmt(&type_TypeError, "property() takes at most 4 arguments (%u given)", (unsigned)n_args);
    }
    for (size_t i = 0; i < n_args; i++) {
        v[i] = args[i];
    }
    for (size_t i = 0; i < n_kw; i++) {
        value_t k = args[n_args + 2 * i];
        size_t j = 0;
        while (j < 4 && k != QSTR(names[j])) {
            j++;
        }
        if (j == 4) {
            raise_fmt(&type_TypeError, "property() got an unexpected keyword argument '%S'", k);
        }
        v[j] = args[n_args + 2 * i + 1];
    }
    return property_alloc(v[0], v[1], v[2], v[3]);
}

static value_t property_getter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    property_obj_t *p = VAL_PTR(args[0]);
    return property_alloc(args[1], p->fset, p->fdel, p->doc);
}
static BUILTIN_FN(property_getter_obj, Q_getter, 2, 2, false, property_getter_fn);

static value_t property_setter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    property_obj_t *p = VAL_PTR(args[0]);
    return property_alloc(p->fget, args[1], p->fdel, p->doc);
}
static BUILTIN_FN(property_setter_obj, Q_setter, 2, 2, false, property_setter_fn);

static value_t property_deleter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    property_obj_t *p = VAL_PTR(args[0]);
    return property_alloc(p->fget, p->fset, args[1], p->doc);
}
static BUILTIN_FN(property_deleter_obj, Q_deleter, 2, 2, false, property_deleter_fn);

static const map_entry_t property_locals_table[] = {
    {QSTR(Q_deleter), PTR_VAL(&property_deleter_obj)},
    {QSTR(Q_getter), PTR_VAL(&property_getter_obj)},
    {QSTR(Q_setter), PTR_VAL(&property_setter_obj)},
};
static const map_t property_locals = MAP_ROM(property_locals_table);

static void property_attr(value_t self, qstr_t name, value_t *dest) {
    property_obj_t *p = VAL_PTR(self);
    if (dest[0] != VAL_NULL) {
        return;
    }
    switch (name) {
        case Q_fget: dest[0] = p->fget; break;
        case Q_fset: dest[0] = p->fset; break;
        case Q_fdel: dest[0] = p->fdel; break;
        case Q___doc__: {
            // without a doc argument, the getter's docstring
            value_t d = p->doc;
            if (d == VAL_NONE && p->fget != VAL_NONE) {
                d = obj_getattr_maybe(p->fget, Q___doc__);
            }
            dest[0] = d != VAL_NULL ? d : VAL_NONE;
            break;
        }
        default: break;
    }
}

const type_t type_property = {
    {&type_type}, .name = Q_property, .flags = TYPE_FLAG_BASETYPE, .make_new = property_make_new,
    .attr = property_attr, .locals = &property_locals,
};

// ---- super ---------------------------------------------------------------------------------

static value_t super_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    value_t cls, obj;
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "super() takes no keyword arguments");
    }
    if (n_args == 0) {
        if (!vm_current_method(&cls, &obj)) {
            raise_msg(&type_RuntimeError, "super(): no arguments");
        }
    } else if (n_args == 2) {
        cls = args[0];
        obj = args[1];
    } else {
        raise_msg(&type_TypeError, "super() takes 0 or 2 arguments");
    }
    if (!OBJ_TYPE_IS(cls, &type_type)) {
        raise_fmt(&type_TypeError, "super() argument 1 must be a type, not %T", cls);
    }
    const type_t *t = VAL_PTR(cls);
    bool ok = obj_is_instance(obj, t) || (OBJ_TYPE_IS(obj, &type_type) && type_is_subtype(VAL_PTR(obj), t));
    if (!ok) {
        raise_msg(&type_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    super_obj_t *s = gc_alloc(sizeof(super_obj_t), 0);
    s->base.type = &type_super;
    s->type = cls;
    s->obj = obj;
    return PTR_VAL(s);
}

static void super_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    super_obj_t *s = VAL_PTR(self);
    const type_t *start = VAL_PTR(s->type);
    value_t obj = s->obj;
    bool obj_is_type = OBJ_TYPE_IS(obj, &type_type) && type_is_subtype(VAL_PTR(obj), start);
    const type_t *objtype = obj_is_type ? VAL_PTR(obj) : value_type(obj);
    if (name == Q___thisclass__) {
        dest[0] = s->type;
        return;
    }
    if (name == Q___self__) {
        dest[0] = obj;
        return;
    }
    size_t n;
    value_t *mro = seq_items(type_mro(objtype), &n);
    size_t i = 0;
    while (i < n && VAL_PTR(mro[i]) != start) {
        i++;
    }
    bool dunder = qstr_is_dunder(name);
    for (i++; i < n; i++) {
        const type_t *m = VAL_PTR(mro[i]);
        value_t v = (m->flags & TYPE_FLAG_HEAP) ? map_get_qstr(m->locals, name) : type_own_attr(m, name, dunder);
        if (v == VAL_NULL) {
            continue;
        }
        if (obj_is_type) {
            // super() in a class method or __new__: functions stay unbound.
            if (OBJ_TYPE_IS(v, &type_classmethod)) {
                dest[0] = ((classmethod_obj_t *)VAL_PTR(v))->fn;
                dest[1] = obj;
            } else if (OBJ_TYPE_IS(v, &type_staticmethod)) {
                dest[0] = ((staticmethod_obj_t *)VAL_PTR(v))->fn;
            } else {
                dest[0] = v;
            }
            return;
        }
        type_bind_attr(v, m, obj, objtype, dest);
        return;
    }
}

static void super_print(const print_t *p, value_t self, print_kind_t kind) {
    super_obj_t *s = VAL_PTR(self);
    print_fmt(p, "<super: <class '%q'>, <%T object>>", ((type_t *)VAL_PTR(s->type))->name, s->obj);
}

const type_t type_super = {
    {&type_type}, .name = Q_super, .print = super_print, .make_new = super_make_new, .attr = super_attr,
};

// ---- slot wrappers -----------------------------------------------------------------------

typedef struct slot_wrapper {
    obj_t base;
    const type_t *owner;
    qstr_t name;
} slot_wrapper_t;

enum { SLOT_NONE, SLOT_PRINT, SLOT_UNARY, SLOT_BINARY, SLOT_GETITEM, SLOT_SETITEM, SLOT_DELITEM, SLOT_ITER, SLOT_NEXT, SLOT_CALL };

// Which slot a special method name stands for; *op receives the operator.
static int slot_of(qstr_t name, int *op) {
    switch (name) {
        case Q___repr__: *op = PRINT_REPR; return SLOT_PRINT;
        case Q___str__: *op = PRINT_STR; return SLOT_PRINT;
        case Q___getitem__: return SLOT_GETITEM;
        case Q___setitem__: return SLOT_SETITEM;
        case Q___delitem__: return SLOT_DELITEM;
        case Q___iter__: return SLOT_ITER;
        case Q___next__: return SLOT_NEXT;
        case Q___call__: return SLOT_CALL;
        default: break;
    }
    for (int i = 0; i < UNOP_COUNT; i++) {
        if (unop_dunder((unop_t)i) == name) {
            *op = i;
            return SLOT_UNARY;
        }
    }
    for (int i = 0; i < BINOP_COUNT; i++) {
        if (binop_dunder((binop_t)i) == name) {
            *op = i;
            return SLOT_BINARY;
        }
    }
    return SLOT_NONE;
}

static bool has_slot(const type_t *t, int slot) {
    switch (slot) {
        case SLOT_PRINT: return t->print != NULL;
        case SLOT_UNARY: return t->unary_op != NULL;
        case SLOT_BINARY: return t->binary_op != NULL;
        case SLOT_GETITEM:
        case SLOT_SETITEM:
        case SLOT_DELITEM: return t->subscr != NULL;
        case SLOT_ITER: return t->getiter != NULL;
        case SLOT_NEXT: return t->iternext != NULL;
        case SLOT_CALL: return t->call != NULL;
        default: return false;
    }
}

value_t slot_wrapper_lookup(const type_t *t, qstr_t name) {
    int op = 0;
    int slot = slot_of(name, &op);
    if (slot == SLOT_NONE || !has_slot(t, slot) || (t->flags & TYPE_FLAG_HEAP)) {
        return VAL_NULL;
    }
    slot_wrapper_t *w = gc_alloc(sizeof(slot_wrapper_t), 0);
    w->base.type = &type_slot_wrapper;
    w->owner = t;
    w->name = name;
    return PTR_VAL(w);
}

// The value of the wrapper's type behind self (self, or the native base of
// an instance of a class derived from it).
static value_t wrapper_self(const slot_wrapper_t *w, value_t self) {
    if (type_is_subtype(value_type(self), w->owner) && !(value_type(self)->flags & TYPE_FLAG_HEAP)) {
        return self;
    }
    value_t n = class_native_value(self);
    if (n != VAL_NULL && type_is_subtype(value_type(n), w->owner)) {
        return n;
    }
    if (w->owner->flags & TYPE_FLAG_EXCEPTION && obj_is_instance(self, w->owner)) {
        return self;
    }
    raise_fmt(&type_TypeError, "descriptor '%q' requires a '%q' object but received a '%T'", w->name, w->owner->name, self);
}

static value_t slot_wrapper_call(value_t fn, size_t n_args, size_t n_kw, const value_t *args) {
    const slot_wrapper_t *w = VAL_PTR(fn);
    const type_t *t = w->owner;
    int op = 0;
    int slot = slot_of(w->name, &op);
    static const uint8_t want[] = {0, 0, 0, 1, 1, 2, 1, 0, 0, 0};
    if (n_args < 1) {
        raise_fmt(&type_TypeError, "descriptor '%q' of '%q' object needs an argument", w->name, t->name);
    }
    if (slot != SLOT_CALL && (n_kw > 0 || n_args - 1 != want[slot])) {
        raise_fmt(&type_TypeError, "expected %u argument%s, got %u", (unsigned)want[slot], want[slot] == 1 ? "" : "s",
                  (unsigned)(n_args - 1));
    }
    value_t self = wrapper_self(w, args[0]);
    value_t r;
    switch (slot) {
        case SLOT_PRINT: {
            vstr_t vs;
            vstr_init(&vs, 16);
            print_t p = vstr_printer(&vs);
            if (t->flags & TYPE_FLAG_EXCEPTION) {
                exc_print_as(&p, value_type_name(args[0]), self, (print_kind_t)op);
            } else {
                t->print(&p, self, (print_kind_t)op);
            }
            return str_from_vstr(&vs);
        }
        case SLOT_UNARY:
            r = t->unary_op((unop_t)op, self);
            if (r == VAL_NULL) {
                if (op == UNOP_HASH) {
                    return SMALL((smallint_t)((uintptr_t)self >> 3));
                }
                return unary_op((unop_t)op, self);
            }
            return r;
        case SLOT_BINARY: {
            value_t other = args[1];
            value_t on = class_native_value(other);
            if (on != VAL_NULL && op != BINOP_CONTAINS) {
                other = on;
            }
            r = t->binary_op((binop_t)op, self, other);
            return r == VAL_NULL ? VAL_NOTIMPL : r;
        }
        case SLOT_GETITEM:
            r = t->subscr(self, args[1], VAL_SENTINEL);
            break;
        case SLOT_SETITEM:
            r = t->subscr(self, args[1], args[2]);
            break;
        case SLOT_DELITEM:
            r = t->subscr(self, args[1], VAL_NULL);
            break;
        case SLOT_ITER:
            return t->getiter(self);
        case SLOT_NEXT:
            r = t->iternext(self);
            if (r == VAL_STOP) {
                raise_obj(PTR_VAL(&type_StopIteration));
            }
            return r;
        case SLOT_CALL:
            return t->call(self, n_args - 1, n_kw, args + 1);
        default:
            return VAL_NONE;
    }
    if (r == VAL_NULL) {
        return obj_subscr(self, args[1], slot == SLOT_GETITEM ? VAL_SENTINEL : slot == SLOT_SETITEM ? args[2] : VAL_NULL);
    }
    return r;
}

static void slot_wrapper_print(const print_t *p, value_t self, print_kind_t kind) {
    const slot_wrapper_t *w = VAL_PTR(self);
    print_fmt(p, "<slot wrapper '%q' of '%q' objects>", w->name, w->owner->name);
}

const type_t type_slot_wrapper = {
    {&type_type}, .name = Q_wrapper_descriptor, .print = slot_wrapper_print, .call = slot_wrapper_call,
};
