// SPDX-License-Identifier: MIT
// type and object, the singletons' types (None, Ellipsis, NotImplemented),
// and classes: creating them (C3 MRO, the native base), looking names up
// along the MRO, subtype checks, and __build_class__.
//
// A class made at run time is a class_t (type.h) whose slots are the
// generic functions of instance.c. Those look special methods up only in
// the "user part" of the MRO, the heap classes before the first builtin
// type, and otherwise forward to the native base (the list inside an
// instance of `class L(list)`), so a class derived from a builtin type
// behaves like that type wherever it does not say otherwise. The bits of
// class_t.has record which special methods the user part defines, so a
// class without __eq__ pays nothing for the check.
#include <string.h>

#include "type.h"
#include "vm.h"

// ---- subtype checks ---------------------------------------------------------------------

bool type_is_subtype(const type_t *sub, const type_t *super) {
    if (sub == super || super == &type_object) {
        return true;
    }
    if (sub->flags & TYPE_FLAG_HEAP) {
        const class_t *c = (const class_t *)sub;
        size_t n;
        value_t *mro = seq_items(c->mro, &n);
        for (size_t i = 1; i < n; i++) {
            if (VAL_PTR(mro[i]) == super) {
                return true;
            }
        }
        return false;
    }
    if (super->flags & TYPE_FLAG_HEAP) {
        return false;
    }
    for (const type_t *t = sub->parent; t != NULL; t = t->parent) {
        if (t == super) {
            return true;
        }
    }
    return false;
}

bool obj_is_instance(value_t obj, const type_t *type) {
    return type_is_subtype(value_type(obj), type);
}

// ---- lookups along the MRO ---------------------------------------------------------------

bool qstr_is_dunder(qstr_t name) {
    size_t len;
    const char *s = qstr_data(name, &len);
    return len > 4 && s[0] == '_' && s[1] == '_' && s[len - 1] == '_' && s[len - 2] == '_';
}

// A builtin type's own entry for name (its locals, or a wrapper of a slot).
value_t type_own_attr(const type_t *t, qstr_t name, bool dunder) {
    if (t->locals != NULL) {
        value_t v = map_get_qstr(t->locals, name);
        if (v != VAL_NULL) {
            return v;
        }
    }
    return dunder ? slot_wrapper_lookup(t, name) : VAL_NULL;
}

value_t type_lookup(const type_t *t, qstr_t name, const type_t **owner) {
    int dunder = -1;    // whether name is a special method name, found out when needed
    if (t->flags & TYPE_FLAG_HEAP) {
        const class_t *c = (const class_t *)t;
        size_t n;
        value_t *mro = seq_items(c->mro, &n);
        for (size_t i = 0; i < n; i++) {
            const type_t *m = VAL_PTR(mro[i]);
            value_t v;
            if (m->flags & TYPE_FLAG_HEAP) {
                v = map_get_qstr(m->locals, name);
            } else {
                if (dunder < 0) {
                    dunder = qstr_is_dunder(name);
                }
                v = type_own_attr(m, name, dunder);
            }
            if (v != VAL_NULL) {
                if (owner != NULL) {
                    *owner = m;
                }
                return v;
            }
        }
        return VAL_NULL;
    }
    dunder = qstr_is_dunder(name);
    for (const type_t *m = t;; m = m->parent) {
        if (m == NULL) {
            m = &type_object;
        }
        value_t v = type_own_attr(m, name, dunder);
        if (v != VAL_NULL) {
            if (owner != NULL) {
                *owner = m;
            }
            return v;
        }
        if (m == &type_object) {
            return VAL_NULL;
        }
    }
}

value_t class_lookup_special(const type_t *t, qstr_t name) {
    if (!(t->flags & TYPE_FLAG_HEAP)) {
        return VAL_NULL;
    }
    const class_t *c = (const class_t *)t;
    size_t n;
    value_t *mro = seq_items(c->mro, &n);
    for (size_t i = 0; i < n; i++) {
        const type_t *m = VAL_PTR(mro[i]);
        if (!(m->flags & TYPE_FLAG_HEAP)) {
            break;
        }
        value_t v = map_get_qstr(m->locals, name);
        if (v != VAL_NULL) {
            if (OBJ_TYPE_IS(v, &type_staticmethod)) {
                v = ((staticmethod_obj_t *)VAL_PTR(v))->fn;
            }
            return v;
        }
    }
    return VAL_NULL;
}

void type_bind_attr(value_t v, const type_t *owner, value_t self, const type_t *cls, value_t *dest) {
    if (VAL_IS_OBJ(v)) {
        const type_t *vt = OBJ(v)->type;
        if (vt == &type_function || (vt == &type_builtin_function && !(owner->flags & TYPE_FLAG_HEAP))) {
            dest[0] = v;
            dest[1] = self;
            return;
        }
        if (vt == &type_staticmethod) {
            dest[0] = ((staticmethod_obj_t *)VAL_PTR(v))->fn;
            return;
        }
        if (vt == &type_classmethod) {
            dest[0] = ((classmethod_obj_t *)VAL_PTR(v))->fn;
            dest[1] = PTR_VAL(cls);
            return;
        }
        if (vt == &type_property) {
            property_obj_t *p = VAL_PTR(v);
            if (p->fget == VAL_NONE) {
                raise_fmt(&type_AttributeError, "unreadable attribute");
            }
            dest[0] = call_function_1(p->fget, self);
            return;
        }
        if (vt == &type_slot_wrapper) {
            dest[0] = v;
            dest[1] = self;
            return;
        }
        if ((vt->flags & TYPE_FLAG_HEAP) && (((const class_t *)vt)->has & CLASS_HAS_DESCR_GET)) {
            dest[0] = descriptor_get(v, self, cls);
            return;
        }
    }
    dest[0] = v;
}

value_t descriptor_get(value_t descr, value_t self, const type_t *cls) {
    value_t fn = class_lookup_special(OBJ(descr)->type, Q___get__);
    value_t a[3] = {descr, self, PTR_VAL(cls)};
    return call_function(fn, 3, 0, a);
}

bool value_is_data_descriptor(value_t v) {
    if (!VAL_IS_OBJ(v)) {
        return false;
    }
    const type_t *t = OBJ(v)->type;
    return t == &type_property || ((t->flags & TYPE_FLAG_HEAP) && (((const class_t *)t)->has & CLASS_HAS_DESCR_SET));
}

// ---- the native base behind an instance ------------------------------------------------

void *class_native_of(value_t v, const type_t *builtin) {
    if (!VAL_IS_OBJ(v) || !(OBJ(v)->type->flags & TYPE_FLAG_HEAP)) {
        return NULL;
    }
    value_t n = ((instance_t *)VAL_PTR(v))->native;
    if (!VAL_IS_OBJ(n) || !type_is_subtype(OBJ(n)->type, builtin)) {
        return NULL;
    }
    return VAL_PTR(n);
}

value_t class_native_value(value_t v) {
    if (!VAL_IS_OBJ(v) || !(OBJ(v)->type->flags & TYPE_FLAG_HEAP)) {
        return VAL_NULL;
    }
    return ((instance_t *)VAL_PTR(v))->native;
}

// ---- printing -----------------------------------------------------------------------------

static void print_address(const print_t *p, const void *ptr) {
    char buf[2 * sizeof(uintptr_t) + 3];
    size_t i = sizeof(buf);
    uintptr_t a = (uintptr_t)ptr;
    do {
        buf[--i] = "0123456789abcdef"[a & 15];
        a >>= 4;
    } while (a != 0);
    buf[--i] = 'x';
    buf[--i] = '0';
    print_strn(p, buf + i, sizeof(buf) - i);
}

// The module a type belongs to, as a value (a str), or VAL_NULL for builtins.
static value_t type_module_name(const type_t *t) {
    if (!(t->flags & TYPE_FLAG_HEAP)) {
        return VAL_NULL;
    }
    value_t m = map_get_qstr(t->locals, Q___module__);
    return m != VAL_NULL && value_is_str(m) && m != QSTR(Q_builtins) ? m : VAL_NULL;
}

value_t type_qualname(const type_t *t) {
    if (t->flags & TYPE_FLAG_HEAP) {
        value_t q = map_get_qstr(t->locals, Q___qualname__);
        if (q != VAL_NULL && value_is_str(q)) {
            return q;
        }
    }
    return QSTR(t->name);
}

void object_print_default(const print_t *p, value_t self) {
    const type_t *t = value_type(self);
    value_t mod = type_module_name(t);
    print_str(p, "<");
    if (mod != VAL_NULL) {
        print_fmt(p, "%S.", mod);
    }
    print_fmt(p, "%S object at ", type_qualname(t));
    print_address(p, VAL_PTR(self));
    print_str(p, ">");
}

static void type_print(const print_t *p, value_t self, print_kind_t kind) {
    const type_t *t = VAL_PTR(self);
    value_t mod = type_module_name(t);
    print_str(p, "<class '");
    if (mod != VAL_NULL) {
        print_fmt(p, "%S.", mod);
    }
    print_fmt(p, "%S'>", type_qualname(t));
}

// ---- creating classes ---------------------------------------------------------------------

// The MRO of a builtin type: itself, its parents, object.
static value_t builtin_mro(const type_t *t) {
    size_t n = 1;
    for (const type_t *m = t; m != NULL && m != &type_object; m = m->parent) {
        n++;
    }
    value_t mro = tuple_new(n, NULL);
    tuple_obj_t *tup = VAL_PTR(mro);
    size_t i = 0;
    for (const type_t *m = t; m != NULL && m != &type_object; m = m->parent) {
        tup->items[i++] = PTR_VAL(m);
    }
    tup->items[i] = PTR_VAL(&type_object);
    return mro;
}

value_t type_mro(const type_t *t) {
    return (t->flags & TYPE_FLAG_HEAP) ? ((const class_t *)t)->mro : builtin_mro(t);
}

// C3 linearisation of the bases' MROs and the list of bases.
static value_t compute_mro(value_t self, value_t bases) {
    size_t nb;
    value_t *base_items = seq_items(bases, &nb);
    size_t nseq = nb + 1;
    value_t *seqs = gc_alloc(nseq * sizeof(value_t), 0);
    size_t *pos = gc_alloc(nseq * sizeof(size_t), GC_LEAF);
    size_t total = 1;
    for (size_t i = 0; i < nb; i++) {
        seqs[i] = type_mro(VAL_PTR(base_items[i]));
        size_t n;
        seq_items(seqs[i], &n);
        total += n;
    }
    seqs[nb] = bases;
    value_t out = list_new(0, NULL);
    list_append(out, self);
    for (;;) {
        value_t head = VAL_NULL;
        bool any = false;
        for (size_t i = 0; i < nseq && head == VAL_NULL; i++) {
            size_t n;
            value_t *items = seq_items(seqs[i], &n);
            if (pos[i] >= n) {
                continue;
            }
            any = true;
            value_t cand = items[pos[i]];
            bool in_tail = false;
            for (size_t j = 0; j < nseq && !in_tail; j++) {
                size_t m;
                value_t *other = seq_items(seqs[j], &m);
                for (size_t k = pos[j] + 1; k < m; k++) {
                    if (other[k] == cand) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                head = cand;
            }
        }
        if (!any) {
            break;
        }
        if (head == VAL_NULL) {
            vstr_t vs;
            vstr_init(&vs, 32);
            print_t p = vstr_printer(&vs);
            value_t seen = list_new(0, NULL);
            for (size_t i = 0; i < nseq; i++) {
                size_t n;
                value_t *items = seq_items(seqs[i], &n);
                if (pos[i] < n && seq_find(seen, items[pos[i]], 0, SIZE_MAX) < 0) {
                    list_append(seen, items[pos[i]]);
                    print_fmt(&p, vs.len > 0 ? ", %q" : "%q", ((type_t *)VAL_PTR(items[pos[i]]))->name);
                }
            }
            vstr_add_char(&vs, 0);
            raise_fmt(&type_TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", vs.buf);
        }
        list_append(out, head);
        for (size_t i = 0; i < nseq; i++) {
            size_t n;
            value_t *items = seq_items(seqs[i], &n);
            if (pos[i] < n && items[pos[i]] == head) {
                pos[i]++;
            }
        }
    }
    (void)total;
    size_t n;
    value_t *items = seq_items(out, &n);
    return tuple_new(n, items);
}

static const type_t *native_of_base(const type_t *b) {
    if (b->flags & TYPE_FLAG_HEAP) {
        return ((const class_t *)b)->native;
    }
    return b == &type_object ? NULL : b;
}

static uint32_t special_bit(qstr_t name) {
    switch (name) {
        case Q___repr__: return CLASS_HAS_REPR;
        case Q___str__: return CLASS_HAS_STR;
        case Q___call__: return CLASS_HAS_CALL;
        case Q___getitem__: return CLASS_HAS_GETITEM;
        case Q___setitem__: return CLASS_HAS_SETITEM;
        case Q___delitem__: return CLASS_HAS_DELITEM;
        case Q___iter__: return CLASS_HAS_ITER;
        case Q___next__: return CLASS_HAS_NEXT;
        case Q___getattr__: return CLASS_HAS_GETATTR;
        case Q___getattribute__: return CLASS_HAS_GETATTRIBUTE;
        case Q___setattr__:
        case Q___delattr__: return CLASS_HAS_SETATTR;
        case Q___init__: return CLASS_HAS_INIT;
        case Q___new__: return CLASS_HAS_NEW;
        case Q___contains__: return CLASS_HAS_CONTAINS | CLASS_HAS_BINARY;
        case Q___get__: return CLASS_HAS_DESCR_GET;
        case Q___set__:
        case Q___delete__: return CLASS_HAS_DESCR_SET;
        default: break;
    }
    for (int op = 0; op < UNOP_COUNT; op++) {
        if (unop_dunder((unop_t)op) == name) {
            return CLASS_HAS_UNARY;
        }
    }
    for (int op = 0; op < BINOP_COUNT; op++) {
        if (binop_dunder((binop_t)op) == name) {
            return CLASS_HAS_BINARY;
        }
    }
    return 0;
}

void class_update_slots(class_t *cls) {
    uint32_t has = 0;
    size_t n;
    value_t *mro = seq_items(cls->mro, &n);
    bool user = true;
    for (size_t i = 0; i < n; i++) {
        const type_t *m = VAL_PTR(mro[i]);
        if (!(m->flags & TYPE_FLAG_HEAP)) {
            user = false;
            continue;
        }
        size_t pos = 0;
        for (map_entry_t *e; (e = map_next(m->locals, &pos)) != NULL;) {
            if (value_is_data_descriptor(e->value)) {
                has |= CLASS_HAS_PROPERTY;
            }
            if (user && VAL_IS_QSTR(e->key)) {
                has |= special_bit(QSTR_INDEX(e->key));
            }
        }
    }
    cls->has = has;
    const type_t *nt = cls->native;
    type_t *t = &cls->type;
    t->call = (has & CLASS_HAS_CALL) || (nt && nt->call) ? instance_call : NULL;
    t->subscr = (has & (CLASS_HAS_GETITEM | CLASS_HAS_SETITEM | CLASS_HAS_DELITEM)) || (nt && nt->subscr) ? instance_subscr : NULL;
    t->getiter = (has & (CLASS_HAS_ITER | CLASS_HAS_GETITEM)) || (nt && nt->getiter) ? instance_getiter : NULL;
    t->iternext = (has & CLASS_HAS_NEXT) || (nt && nt->iternext) ? instance_iternext : NULL;
    t->buffer = nt && nt->buffer ? instance_buffer : NULL;
}

value_t class_new(qstr_t name, value_t bases, value_t dict) {
    size_t nb;
    value_t *base_items = seq_items(bases, &nb);
    if (base_items == NULL) {
        raise_msg(&type_TypeError, "bases must be a tuple");
    }
    if (nb == 0) {
        value_t obj = PTR_VAL(&type_object);
        bases = tuple_new(1, &obj);
        base_items = seq_items(bases, &nb);
    }
    const type_t *native = NULL;
    for (size_t i = 0; i < nb; i++) {
        if (!OBJ_TYPE_IS(base_items[i], &type_type)) {
            raise_fmt(&type_TypeError, "bases must be types, not '%T'", base_items[i]);
        }
        const type_t *b = VAL_PTR(base_items[i]);
        if (!(b->flags & TYPE_FLAG_BASETYPE)) {
            raise_fmt(&type_TypeError, "type '%q' is not an acceptable base type", b->name);
        }
        for (size_t j = 0; j < i; j++) {
            if (base_items[j] == base_items[i]) {
                raise_fmt(&type_TypeError, "duplicate base class %q", b->name);
            }
        }
        const type_t *nb_native = native_of_base(b);
        if (nb_native != NULL && nb_native != native) {
            if (native == NULL || type_is_subtype(nb_native, native)) {
                native = nb_native;
            } else if (!type_is_subtype(native, nb_native)) {
                raise_msg(&type_TypeError, "multiple bases have instance lay-out conflict");
            }
        }
    }
    class_t *cls = gc_alloc(sizeof(class_t), 0);
    type_t *t = &cls->type;
    t->base.type = &type_type;
    t->name = (uint16_t)name;
    t->flags = TYPE_FLAG_HEAP | TYPE_FLAG_BASETYPE;
    if (native != NULL) {
        t->flags |= native->flags & TYPE_FLAG_EXCEPTION;
    }
    t->print = instance_print;
    t->make_new = instance_make_new;
    t->unary_op = instance_unary_op;
    t->binary_op = instance_binary_op;
    t->attr = instance_attr;
    t->parent = VAL_PTR(base_items[0]);
    cls->dict = dict;
    cls->bases = bases;
    cls->native = native;
    map_t *ns = dict_map(dict);
    t->locals = ns;
    // As CPython: __eq__ without __hash__ makes instances unhashable;
    // __new__ is a static method, __init_subclass__ a class method.
    if (map_get_qstr(ns, Q___eq__) != VAL_NULL && map_get_qstr(ns, Q___hash__) == VAL_NULL) {
        map_store(ns, QSTR(Q___hash__), VAL_NONE);
    }
    value_t v = map_get_qstr(ns, Q___new__);
    if (value_is_function(v)) {
        staticmethod_obj_t *sm = gc_alloc(sizeof(staticmethod_obj_t), 0);
        sm->base.type = &type_staticmethod;
        sm->fn = v;
        map_store(ns, QSTR(Q___new__), PTR_VAL(sm));
    }
    v = map_get_qstr(ns, Q___init_subclass__);
    if (value_is_function(v)) {
        classmethod_obj_t *cm = gc_alloc(sizeof(classmethod_obj_t), 0);
        cm->base.type = &type_classmethod;
        cm->fn = v;
        map_store(ns, QSTR(Q___init_subclass__), PTR_VAL(cm));
    }
    if (map_get_qstr(ns, Q___module__) == VAL_NULL) {
        value_t g = vm_globals();
        value_t mod = g != VAL_NULL ? dict_get(g, QSTR(Q___name__)) : VAL_NULL;
        if (mod != VAL_NULL) {
            map_store(ns, QSTR(Q___module__), mod);
        }
    }
    cls->mro = compute_mro(PTR_VAL(cls), bases);
    class_update_slots(cls);
    return PTR_VAL(cls);
}

// ---- type ---------------------------------------------------------------------------

static value_t type_call(value_t self, size_t n_args, size_t n_kw, const value_t *args) {
    const type_t *t = VAL_PTR(self);
    if (t == &type_type) {
        if (n_args == 1 && n_kw == 0) {
            return PTR_VAL(value_type(args[0]));
        }
        if (n_args == 3) {
            value_t name = str_intern_if_name(args[0]);
            if (!VAL_IS_QSTR(name)) {
                raise_fmt(&type_TypeError, "type.__new__() argument 1 must be str, not %T", args[0]);
            }
            if (!OBJ_TYPE_IS(args[2], &type_dict)) {
                raise_fmt(&type_TypeError, "type.__new__() argument 3 must be dict, not %T", args[2]);
            }
            value_t ns = dict_new(0);
            size_t pos = 0;
            for (map_entry_t *e; (e = map_next(dict_map(args[2]), &pos)) != NULL;) {
                dict_store(ns, str_intern_if_name(e->key), e->value);
            }
            if (!OBJ_TYPE_IS(args[1], &type_tuple)) {
                raise_fmt(&type_TypeError, "type.__new__() argument 2 must be tuple, not %T", args[1]);
            }
            return class_new(QSTR_INDEX(name), args[1], ns);
        }
        raise_msg(&type_TypeError, "type() takes 1 or 3 arguments");
    }
    if (t->make_new == NULL) {
        raise_fmt(&type_TypeError, "cannot create '%q' instances", t->name);
    }
    return t->make_new(t, n_args, n_kw, args);
}

static value_t type_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    return type_call(PTR_VAL(&type_type), n_args, n_kw, args);
}

static value_t type_bases(const type_t *t) {
    if (t->flags & TYPE_FLAG_HEAP) {
        return ((const class_t *)t)->bases;
    }
    if (t == &type_object) {
        return PTR_VAL(&tuple_empty_obj);
    }
    value_t b = PTR_VAL(t->parent != NULL ? t->parent : &type_object);
    return tuple_new(1, &b);
}

static bool type_special_attr(const type_t *t, qstr_t name, value_t *dest) {
    bool heap = (t->flags & TYPE_FLAG_HEAP) != 0;
    switch (name) {
        case Q___name__:
            dest[0] = QSTR(t->name);
            return true;
        case Q___qualname__: {
            value_t q = heap ? map_get_qstr(t->locals, Q___qualname__) : VAL_NULL;
            dest[0] = q != VAL_NULL ? q : QSTR(t->name);
            return true;
        }
        case Q___module__: {
            value_t m = heap ? map_get_qstr(t->locals, Q___module__) : VAL_NULL;
            dest[0] = m != VAL_NULL ? m : QSTR(Q_builtins);
            return true;
        }
        case Q___bases__:
            dest[0] = type_bases(t);
            return true;
        case Q___base__: {
            size_t n;
            value_t *b = seq_items(type_bases(t), &n);
            dest[0] = n > 0 ? b[0] : VAL_NONE;
            return true;
        }
        case Q___mro__:
            dest[0] = type_mro(t);
            return true;
        case Q___dict__:
            if (heap) {
                dest[0] = ((const class_t *)t)->dict;
            } else {
                value_t d = dict_new(0);
                size_t pos = 0;
                for (map_entry_t *e; t->locals != NULL && (e = map_next(t->locals, &pos)) != NULL;) {
                    dict_store(d, e->key, e->value);
                }
                dest[0] = d;
            }
            return true;
        case Q___doc__: {
            value_t d = heap ? map_get_qstr(t->locals, Q___doc__) : VAL_NULL;
            dest[0] = d != VAL_NULL ? d : VAL_NONE;
            return true;
        }
        case Q___class__:
            dest[0] = PTR_VAL(&type_type);
            return true;
        default:
            return false;
    }
}

static void type_attr(value_t self, qstr_t name, value_t *dest) {
    type_t *t = VAL_PTR(self);
    if (dest[0] == VAL_SENTINEL) {
        if (!(t->flags & TYPE_FLAG_HEAP)) {
            raise_fmt(&type_TypeError, "cannot set '%q' attribute of immutable type '%q'", name, t->name);
        }
        class_t *cls = (class_t *)t;
        if (dest[1] == VAL_NULL) {
            if (map_lookup(dict_map(cls->dict), QSTR(name), MAP_REMOVE) == NULL) {
                raise_fmt(&type_AttributeError, "type object '%q' has no attribute '%q'", t->name, name);
            }
        } else {
            dict_store(cls->dict, QSTR(name), dest[1]);
        }
        if (qstr_is_dunder(name) || OBJ_TYPE_IS(dest[1], &type_property)) {
            class_update_slots(cls);
        }
        dest[0] = VAL_NULL;
        return;
    }
    if (name == Q___dict__ || name == Q___name__ || name == Q___bases__ || name == Q___mro__ || name == Q___class__
        || name == Q___base__) {
        type_special_attr(t, name, dest);
        return;
    }
    const type_t *owner;
    value_t v = type_lookup(t, name, &owner);
    if (v == VAL_NULL) {
        type_special_attr(t, name, dest);
        return;
    }
    if (OBJ_TYPE_IS(v, &type_staticmethod)) {
        dest[0] = ((staticmethod_obj_t *)VAL_PTR(v))->fn;
    } else if (OBJ_TYPE_IS(v, &type_classmethod)) {
        dest[0] = ((classmethod_obj_t *)VAL_PTR(v))->fn;
        dest[1] = self;
    } else if (VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP)
               && (((const class_t *)OBJ(v)->type)->has & CLASS_HAS_DESCR_GET)) {
        dest[0] = descriptor_get(v, VAL_NONE, t);
    } else {
        dest[0] = v;
    }
}

static value_t type_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op == BINOP_OR) {
        // int | None: a type union in annotations; kept as a tuple.
        value_t items[2] = {lhs, rhs};
        return tuple_new(2, items);
    }
    return VAL_NULL;
}

static value_t type_mro_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (!OBJ_TYPE_IS(args[0], &type_type)) {
        raise_fmt(&type_TypeError, "descriptor 'mro' requires a 'type' object but received a '%T'", args[0]);
    }
    return list_from_iter(type_mro(VAL_PTR(args[0])));
}
static BUILTIN_FN(type_mro_obj, Q_mro, 1, 1, false, type_mro_fn);

static const map_entry_t type_locals_table[] = {
    {QSTR(Q_mro), PTR_VAL(&type_mro_obj)},
};
static const map_t type_locals = MAP_ROM(type_locals_table);

const type_t type_type = {
    {&type_type}, .name = Q_type, .print = type_print, .make_new = type_make_new, .call = type_call,
    .attr = type_attr, .binary_op = type_binary_op, .locals = &type_locals,
};

// ---- object ---------------------------------------------------------------------------

static void object_print(const print_t *p, value_t self, print_kind_t kind) {
    object_print_default(p, self);
}

static value_t object_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0 || n_kw > 0) {
        raise_msg(&type_TypeError, "object() takes no arguments");
    }
    obj_t *o = gc_alloc(sizeof(obj_t), 0);
    o->type = &type_object;
    return PTR_VAL(o);
}

static value_t object_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 1 || n_kw > 0) {
        const type_t *t = value_type(args[0]);
        if (class_lookup_special(t, Q___init__) != VAL_NULL) {
            raise_msg(&type_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        }
        if (class_lookup_special(t, Q___new__) == VAL_NULL) {
            raise_fmt(&type_TypeError, "%q() takes no arguments", t->name);
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(object_init_obj, Q___init__, 1, ARGS_MAX, true, object_init_fn);

// object.__new__(cls, *args): a new instance of cls (a builtin type makes
// its own objects).
static value_t object_new_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (!OBJ_TYPE_IS(args[0], &type_type)) {
        raise_fmt(&type_TypeError, "object.__new__(X): X is not a type object (%T)", args[0]);
    }
    const type_t *t = VAL_PTR(args[0]);
    if (t->flags & TYPE_FLAG_HEAP) {
        return instance_new(t, n_args - 1, n_kw, args + 1);
    }
    if (t == &type_object) {
        return object_make_new(t, 0, 0, NULL);
    }
    if (t->make_new == NULL) {
        raise_fmt(&type_TypeError, "cannot create '%q' instances", t->name);
    }
    return t->make_new(t, n_args - 1, n_kw, args + 1);
}
static BUILTIN_FN(object_new_fn_obj, Q___new__, 1, ARGS_MAX, true, object_new_fn);
static const staticmethod_obj_t object_new_obj = {{&type_staticmethod}, PTR_VAL(&object_new_fn_obj)};

static value_t object_eq_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return args[0] == args[1] ? VAL_TRUE : VAL_NOTIMPL;
}
static BUILTIN_FN(object_eq_obj, Q___eq__, 2, 2, false, object_eq_fn);

static value_t object_ne_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t r = binary_op(BINOP_EQ, args[0], args[1]);
    return VAL_BOOL(!obj_is_true(r));
}
static BUILTIN_FN(object_ne_obj, Q___ne__, 2, 2, false, object_ne_fn);

static value_t object_hash_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL((smallint_t)((uintptr_t)args[0] >> 3));
}
static BUILTIN_FN(object_hash_obj, Q___hash__, 1, 1, false, object_hash_fn);

static value_t object_repr_fn(size_t n_args, size_t n_kw, const value_t *args) {
    vstr_t vs;
    vstr_init(&vs, 40);
    print_t p = vstr_printer(&vs);
    object_print_default(&p, args[0]);
    return str_from_vstr(&vs);
}
static BUILTIN_FN(object_repr_obj, Q___repr__, 1, 1, false, object_repr_fn);

static value_t object_str_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return obj_repr(args[0]);
}
static BUILTIN_FN(object_str_obj, Q___str__, 1, 1, false, object_str_fn);

static qstr_t attr_name(value_t v) {
    value_t q = str_intern_if_name(v);
    if (!VAL_IS_QSTR(q)) {
        raise_fmt(&type_TypeError, "attribute name must be string, not '%T'", v);
    }
    return QSTR_INDEX(q);
}

static value_t object_setattr_fn(size_t n_args, size_t n_kw, const value_t *args) {
    instance_store_attr(args[0], attr_name(args[1]), args[2]);
    return VAL_NONE;
}
static BUILTIN_FN(object_setattr_obj, Q___setattr__, 3, 3, false, object_setattr_fn);

static value_t object_delattr_fn(size_t n_args, size_t n_kw, const value_t *args) {
    instance_store_attr(args[0], attr_name(args[1]), VAL_NULL);
    return VAL_NONE;
}
static BUILTIN_FN(object_delattr_obj, Q___delattr__, 2, 2, false, object_delattr_fn);

static value_t object_getattribute_fn(size_t n_args, size_t n_kw, const value_t *args) {
    qstr_t name = attr_name(args[1]);
    value_t self = args[0];
    const type_t *t = value_type(self);
    if (t->flags & TYPE_FLAG_HEAP) {
        instance_t *inst = VAL_PTR(self);
        value_t v = map_get_qstr(instance_map(inst), name);
        if (v != VAL_NULL) {
            return v;
        }
        const type_t *owner;
        v = type_lookup(t, name, &owner);
        if (v != VAL_NULL) {
            value_t dest[2] = {VAL_NULL, VAL_NULL};
            type_bind_attr(v, owner, self, t, dest);
            return dest[1] != VAL_NULL ? bound_method_new(dest[1], dest[0]) : dest[0];
        }
        raise_fmt(&type_AttributeError, "'%q' object has no attribute '%q'", t->name, name);
    }
    return obj_getattr(self, name);
}
static BUILTIN_FN(object_getattribute_obj, Q___getattribute__, 2, 2, false, object_getattribute_fn);

static value_t object_init_subclass_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(object_init_subclass_fn_obj, Q___init_subclass__, 1, 1, false, object_init_subclass_fn);
static const classmethod_obj_t object_init_subclass_obj = {{&type_classmethod}, PTR_VAL(&object_init_subclass_fn_obj)};

static value_t object_format_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *spec = str_data(args[1], &len);
    if (spec == NULL) {
        raise_fmt(&type_TypeError, "format() argument 2 must be str, not %T", args[1]);
    }
    if (len > 0) {
        raise_fmt(&type_TypeError, "unsupported format string passed to %T.__format__", args[0]);
    }
    return obj_str(args[0]);
}
static BUILTIN_FN(object_format_obj, Q___format__, 2, 2, false, object_format_fn);

// Sorted by qstr (the names' ASCII order), so lookups can bisect.
static const map_entry_t object_locals_table[] = {
    {QSTR(Q___delattr__), PTR_VAL(&object_delattr_obj)},
    {QSTR(Q___eq__), PTR_VAL(&object_eq_obj)},
    {QSTR(Q___format__), PTR_VAL(&object_format_obj)},
    {QSTR(Q___getattribute__), PTR_VAL(&object_getattribute_obj)},
    {QSTR(Q___hash__), PTR_VAL(&object_hash_obj)},
    {QSTR(Q___init__), PTR_VAL(&object_init_obj)},
    {QSTR(Q___init_subclass__), PTR_VAL(&object_init_subclass_obj)},
    {QSTR(Q___ne__), PTR_VAL(&object_ne_obj)},
    {QSTR(Q___new__), PTR_VAL(&object_new_obj)},
    {QSTR(Q___repr__), PTR_VAL(&object_repr_obj)},
    {QSTR(Q___setattr__), PTR_VAL(&object_setattr_obj)},
    {QSTR(Q___str__), PTR_VAL(&object_str_obj)},
};
static const map_t object_locals = MAP_ROM(object_locals_table);

const type_t type_object = {
    {&type_type}, .name = Q_object, .flags = TYPE_FLAG_BASETYPE, .print = object_print,
    .make_new = object_make_new, .locals = &object_locals,
};

// ---- None, Ellipsis, NotImplemented ------------------------------------------------------

static void singleton_print(const print_t *p, value_t self, print_kind_t kind) {
    print_str(p, self == VAL_NONE ? "None" : self == VAL_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static value_t none_unary_op(unop_t op, value_t self) {
    if (op == UNOP_BOOL) {
        return VAL_FALSE;
    }
    if (op == UNOP_HASH) {
        return SMALL(0x5f3759);
    }
    return VAL_NULL;
}

static value_t singleton_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0 || n_kw > 0) {
        raise_fmt(&type_TypeError, "%q takes no arguments", type->name);
    }
    return type == &type_NoneType ? VAL_NONE : type == &type_ellipsis ? VAL_ELLIPSIS : VAL_NOTIMPL;
}

const type_t type_NoneType = {
    {&type_type}, .name = Q_NoneType, .print = singleton_print, .make_new = singleton_make_new,
    .unary_op = none_unary_op,
};
const type_t type_ellipsis = {
    {&type_type}, .name = Q_ellipsis, .print = singleton_print, .make_new = singleton_make_new,
};
const type_t type_NotImplementedType = {
    {&type_type}, .name = Q_NotImplementedType, .print = singleton_print, .make_new = singleton_make_new,
};

// ---- __build_class__ -------------------------------------------------------------------

static void set_owner(value_t v, value_t cls) {
    if (OBJ_TYPE_IS(v, &type_staticmethod) || OBJ_TYPE_IS(v, &type_classmethod)) {
        v = ((staticmethod_obj_t *)VAL_PTR(v))->fn;
    } else if (OBJ_TYPE_IS(v, &type_property)) {
        property_obj_t *p = VAL_PTR(v);
        func_set_class(p->fget, cls);
        func_set_class(p->fset, cls);
        func_set_class(p->fdel, cls);
        return;
    }
    func_set_class(v, cls);
}

// Calls the nearest __init_subclass__ of a base class with the class
// statement's keywords (metaclass excepted).
static void init_subclass(value_t cls, size_t n_args, size_t n_kw, const value_t *args) {
    size_t n;
    value_t *mro = seq_items(((class_t *)VAL_PTR(cls))->mro, &n);
    value_t fn = VAL_NULL;
    for (size_t i = 1; i < n && fn == VAL_NULL; i++) {
        const type_t *m = VAL_PTR(mro[i]);
        if (!type_is_heap(m)) {
            break;
        }
        fn = map_get_qstr(m->locals, Q___init_subclass__);
    }
    value_t *kw = gc_alloc((1 + 2 * n_kw) * sizeof(value_t), 0);
    kw[0] = cls;
    size_t nk = 0;
    for (size_t i = 0; i < n_kw; i++) {
        if (args[n_args + 2 * i] != QSTR(Q_metaclass)) {
            kw[1 + 2 * nk] = args[n_args + 2 * i];
            kw[2 + 2 * nk] = args[n_args + 2 * i + 1];
            nk++;
        }
    }
    if (fn == VAL_NULL) {
        if (nk > 0) {
            raise_fmt(&type_TypeError, "%q.__init_subclass__() takes no keyword arguments", ((type_t *)VAL_PTR(cls))->name);
        }
        return;
    }
    if (OBJ_TYPE_IS(fn, &type_classmethod) || OBJ_TYPE_IS(fn, &type_staticmethod)) {
        fn = ((classmethod_obj_t *)VAL_PTR(fn))->fn;
    }
    call_function(fn, 1, nk, kw);
}

// __build_class__(func, name, *bases, metaclass=None): runs the class body
// with a fresh namespace, then makes the class.
static value_t build_class_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t body = args[0];
    value_t name = str_intern_if_name(args[1]);
    if (!VAL_IS_QSTR(name)) {
        raise_msg(&type_TypeError, "__build_class__: name is not a string");
    }
    value_t meta = arg_kw(n_args, n_kw, args, Q_metaclass);
    value_t bases = tuple_new(n_args - 2, args + 2);
    value_t ns = dict_new(0);
    vm_run_class_body(body, ns);
    value_t cls;
    if (meta != VAL_NULL && meta != PTR_VAL(&type_type)) {
        value_t margs[3] = {name, bases, ns};
        cls = call_function(meta, 3, 0, margs);
    } else {
        cls = class_new(QSTR_INDEX(name), bases, ns);
    }
    size_t pos = 0;
    for (map_entry_t *e; (e = map_next(dict_map(ns), &pos)) != NULL;) {
        set_owner(e->value, cls);
    }
    if (OBJ_TYPE_IS(cls, &type_type) && type_is_heap(VAL_PTR(cls))) {
        // Descriptors learn their names, then the parent's __init_subclass__ runs.
        pos = 0;
        for (map_entry_t *e; (e = map_next(dict_map(ns), &pos)) != NULL;) {
            value_t v = e->value, key = e->key;
            if (VAL_IS_OBJ(v) && class_lookup_special(OBJ(v)->type, Q___set_name__) != VAL_NULL) {
                value_t a[2] = {cls, key};
                call_method(v, Q___set_name__, 2, a);
            }
        }
        init_subclass(cls, n_args, n_kw, args);
    }
    return cls;
}
BUILTIN_FN(builtin___build_class___obj, Q___build_class__, 2, ARGS_MAX, true, build_class_fn);
