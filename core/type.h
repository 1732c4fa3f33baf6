// SPDX-License-Identifier: MIT
// Classes made by `class` statements (heap types), their instances, and the
// descriptor objects (staticmethod, classmethod, property, super).
//
// A class is a class_t: a type_t (so the runtime dispatches on it like on
// any builtin type) whose slots are generic functions that look up dunder
// methods along the class's MRO (instance.c), followed by the namespace
// dict, the bases and the MRO. An instance is an instance_t: its attribute
// map, and when the class derives from a builtin type other than object,
// the native object of that type (the list inside an instance of
// `class L(list)`), to which the slots forward what the class does not
// define.
#ifndef ESPY_TYPE_H
#define ESPY_TYPE_H

#include "obj.h"

// Which special methods the user part of a class's MRO (the heap classes
// before the first builtin type) defines, so that the slots can skip the
// lookups for those it does not.
#define CLASS_HAS_BINARY 0x0001      // any arithmetic or comparison dunder
#define CLASS_HAS_UNARY 0x0002       // __neg__ ... __index__, __bool__, __len__, __hash__
#define CLASS_HAS_REPR 0x0004
#define CLASS_HAS_STR 0x0008
#define CLASS_HAS_CALL 0x0010
#define CLASS_HAS_GETITEM 0x0020
#define CLASS_HAS_SETITEM 0x0040
#define CLASS_HAS_DELITEM 0x0080
#define CLASS_HAS_ITER 0x0100
#define CLASS_HAS_NEXT 0x0200
#define CLASS_HAS_GETATTR 0x0400
#define CLASS_HAS_SETATTR 0x0800     // __setattr__ or __delattr__
#define CLASS_HAS_INIT 0x1000
#define CLASS_HAS_NEW 0x2000
#define CLASS_HAS_PROPERTY 0x4000    // a data descriptor (property, ...) somewhere in the MRO
#define CLASS_HAS_CONTAINS 0x8000
#define CLASS_HAS_GETATTRIBUTE 0x10000
#define CLASS_HAS_DESCR_GET 0x20000  // __get__: instances are descriptors
#define CLASS_HAS_DESCR_SET 0x40000  // __set__ or __delete__: data descriptors

typedef struct class_obj {
    type_t type;               // base.type = &type_type, flags TYPE_FLAG_HEAP | ...
    value_t dict;              // the namespace, a dict; type.locals is its map
    value_t bases;             // tuple of types
    value_t mro;               // tuple of types: this class first, object last
    const type_t *native;      // the builtin base other than object, or NULL
    uint32_t has;              // CLASS_HAS_*
} class_t;

// The attribute map of an instance is inline; when __dict__ is asked for,
// the map moves into a dict object (so that the dict and the instance stay
// in step) and `dict.reserved[0]` is set, with `dict.table` pointing at
// that dict object. instance_map() hides the difference.
typedef struct instance {
    obj_t base;
    map_t dict;
    value_t native;            // VAL_NULL, or the builtin base object (may be a small int)
} instance_t;

static inline map_t *instance_map(instance_t *inst) {
    if (inst->dict.reserved[0]) {
        return dict_map(PTR_VAL(inst->dict.table));
    }
    return &inst->dict;
}

// staticmethod and classmethod: one wrapped callable. Builtin types mark
// their class methods with a const one: `{{&type_classmethod}, PTR_VAL(&fn_obj)}`.
typedef struct staticmethod_obj {
    obj_t base;
    value_t fn;
} staticmethod_obj_t;
typedef staticmethod_obj_t classmethod_obj_t;

typedef struct property_obj {
    obj_t base;
    value_t fget, fset, fdel;  // VAL_NONE when absent
    value_t doc;
} property_obj_t;

typedef struct super_obj {
    obj_t base;
    value_t type;              // the class whose successors in the MRO are searched
    value_t obj;               // the instance (or class) methods bind to
} super_obj_t;

static inline bool type_is_heap(const type_t *t) {
    return (t->flags & TYPE_FLAG_HEAP) != 0;
}

// ---- type.c
// The native builtin object behind an instance of a class derived from
// `builtin` (obj_native's helper); NULL when there is none or it is not an
// object (a small int).
void *class_native_of(value_t instance, const type_t *builtin);
// The native value behind v (any value kind), or VAL_NULL.
value_t class_native_value(value_t v);
// type(name, bases, dict): a new class (dict is used as the namespace).
value_t class_new(qstr_t name, value_t bases, value_t dict);
// Looks name up along the MRO of t (builtin locals included); VAL_NULL when
// absent. *owner (if not NULL) receives the type where it was found.
value_t type_lookup(const type_t *t, qstr_t name, const type_t **owner);
// The MRO of a type as a tuple (built for builtin types).
value_t type_mro(const type_t *t);
// A type's own entry for name (for a builtin type: its locals, or, for a
// special method name (dunder true), a wrapper of the slot); VAL_NULL if none.
value_t type_own_attr(const type_t *t, qstr_t name, bool dunder);
bool qstr_is_dunder(qstr_t name);
// Whether v is a data descriptor (a property, or an object whose class
// defines __set__ or __delete__): it wins over the instance's own attribute.
bool value_is_data_descriptor(value_t v);
// descr.__get__(self, cls) for an object whose class defines __get__.
value_t descriptor_get(value_t descr, value_t self, const type_t *cls);
// Looks a special method up in the user part of the class's MRO only.
value_t class_lookup_special(const type_t *t, qstr_t name);
// Recomputes a class's CLASS_HAS_* bits and slots (after a class attribute changed).
void class_update_slots(class_t *cls);
// Loads an attribute found in a class on behalf of `self` (binds functions,
// unwraps staticmethod, binds classmethod to cls, calls property getters).
void type_bind_attr(value_t found, const type_t *owner, value_t self, const type_t *cls, value_t *dest);
// A class's __qualname__ (Outer.Inner), or its name.
value_t type_qualname(const type_t *t);
// Writes repr(self) the way object does: <__main__.C object at 0x...>.
void object_print_default(const print_t *p, value_t self);
// Makes a new instance of the class type (its native base made from args
// when the class derives from a builtin type).
value_t instance_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args);
// Sets an attribute on an instance bypassing __setattr__ (object.__setattr__);
// value VAL_NULL deletes.
void instance_store_attr(value_t self, qstr_t name, value_t value);

// ---- instance.c: the slots of classes
void instance_print(const print_t *p, value_t self, print_kind_t kind);
value_t instance_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args);
value_t instance_call(value_t self, size_t n_args, size_t n_kw, const value_t *args);
value_t instance_unary_op(unop_t op, value_t self);
value_t instance_binary_op(binop_t op, value_t lhs, value_t rhs);
void instance_attr(value_t self, qstr_t name, value_t *dest);
value_t instance_subscr(value_t self, value_t index, value_t value);
value_t instance_getiter(value_t self);
value_t instance_iternext(value_t self);
bool instance_buffer(value_t self, buffer_info_t *info, int flags);
// The special-method name (qstr) of a unary or binary operator.
qstr_t unop_dunder(unop_t op);
qstr_t binop_dunder(binop_t op);

// ---- descr.c: property, staticmethod, classmethod, super, and the
// wrappers that expose a builtin type's slots as methods (list.__repr__).
value_t slot_wrapper_lookup(const type_t *t, qstr_t name);
extern const type_t type_slot_wrapper;
extern const builtin_fun_t builtin___build_class___obj;

#endif
