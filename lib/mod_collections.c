// SPDX-License-Identifier: MIT
// The collections module (also importable as ucollections): namedtuple,
// OrderedDict and deque, with CPython's API (MicroPython's is a subset:
// its deque needs a maxlen and takes a flag that makes a full deque refuse
// appends, which is kept as an optional third argument).
//
// namedtuple makes a new type at run time, as MicroPython does, rather
// than a class: its instances are plain tuples (the tuple layout with the
// new type in front), so a record costs no more memory than a tuple. The
// type's parent is tuple, so the tuple methods and isinstance(p, tuple)
// work, and classes can derive from it.
//
// OrderedDict is a dict whose type says so: espy's dicts keep insertion
// order already. It adds move_to_end, popitem(last=False) and
// order-sensitive equality between OrderedDicts.
//
// deque is a ring buffer that doubles as it fills, up to maxlen.
#include <string.h>

#include "lib.h"
#include "type.h"
#include "unicode.h"

// ---- namedtuple -------------------------------------------------------------------------

typedef struct namedtuple_type {
    type_t type;
    map_t locals;          // _fields, _field_defaults and the shared methods
    value_t defaults;      // tuple of the defaults of the last fields
    size_t n_fields;
    qstr_t fields[];
} namedtuple_type_t;

static const namedtuple_type_t *nt_type(value_t self) {
    return (const namedtuple_type_t *)OBJ(self)->type;
}

static value_t nt_new(const namedtuple_type_t *t, const value_t *items) {
    value_t v = tuple_new(t->n_fields, items);
    if (t->n_fields == 0) {
        // () is one shared object: an empty record needs its own
        tuple_obj_t *o = gc_alloc(sizeof(tuple_obj_t), 0);
        v = PTR_VAL(o);
    }
    OBJ(v)->type = &t->type;
    return v;
}

// "P.__new__() missing 2 required positional arguments: 'x' and 'y'", as CPython.
_Noreturn static void missing_error(const namedtuple_type_t *t, const value_t *items, size_t missing) {
    vstr_t vs;
    vstr_init(&vs, 64);
    print_t p = vstr_printer(&vs);
    print_fmt(&p, "%q.__new__() missing %u required positional argument%s: ", t->type.name, (unsigned)missing,
              missing > 1 ? "s" : "");
    size_t k = 0;
    for (size_t i = 0; i < t->n_fields; i++) {
        if (items[i] == VAL_NULL) {
            k++;
            print_fmt(&p, "%s'%q'", k == 1 ? "" : k < missing ? ", " : missing > 2 ? ", and " : " and ",
                      t->fields[i]);
        }
    }
    value_t msg = str_from_vstr(&vs);
    raise_obj(exc_new(&type_TypeError, 1, &msg));
}

static value_t nt_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    const namedtuple_type_t *t = (const namedtuple_type_t *)type;
    size_t n = t->n_fields;
    if (n_args > n) {
        raise_fmt(&type_TypeError, "%q.__new__() takes %u positional arguments but %u were given", type->name,
                  (unsigned)n + 1, (unsigned)n_args + 1);
    }
    value_t small[8];
    value_t *items = n <= 8 ? small : gc_alloc(n * sizeof(value_t), 0);
    for (size_t i = 0; i < n; i++) {
        items[i] = i < n_args ? args[i] : VAL_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        value_t name = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n && QSTR(t->fields[i]) != name) {
            i++;
        }
        if (i == n) {
            raise_fmt(&type_TypeError, "%q.__new__() got an unexpected keyword argument '%S'", type->name, name);
        }
        if (items[i] != VAL_NULL) {
            raise_fmt(&type_TypeError, "%q.__new__() got multiple values for argument '%S'", type->name, name);
        }
        items[i] = args[n_args + 2 * k + 1];
    }
    size_t n_defaults, missing = 0;
    value_t *defaults = seq_items(t->defaults, &n_defaults);
    for (size_t i = 0; i < n; i++) {
        if (items[i] == VAL_NULL && i + n_defaults >= n) {
            items[i] = defaults[i + n_defaults - n];
        }
        missing += items[i] == VAL_NULL;
    }
    if (missing > 0) {
        missing_error(t, items, missing);
    }
    return nt_new(t, items);
}

static void nt_print(const print_t *p, value_t self, print_kind_t kind) {
    const namedtuple_type_t *t = nt_type(self);
    tuple_obj_t *o = VAL_PTR(self);
    if (!repr_enter(self)) {
        print_fmt(p, "%q(...)", t->type.name);
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        print_fmt(p, "%q(", t->type.name);
        for (size_t i = 0; i < o->len; i++) {
            print_fmt(p, "%s%q=%R", i > 0 ? ", " : "", t->fields[i], o->items[i]);
        }
        print_str(p, ")");
        nlr_pop();
        repr_leave(self);
    } else {
        repr_leave(self);
        nlr_raise(nlr.value);
    }
}

static void nt_attr(value_t self, qstr_t name, value_t *dest) {
    const namedtuple_type_t *t = nt_type(self);
    for (size_t i = 0; i < t->n_fields; i++) {
        if (t->fields[i] == name) {
            if (dest[0] == VAL_SENTINEL) {
                raise_msg(&type_AttributeError, "can't set attribute");
            }
            dest[0] = ((tuple_obj_t *)VAL_PTR(self))->items[i];
            return;
        }
    }
}

static value_t nt_unary_op(unop_t op, value_t self) {
    return type_tuple.unary_op(op, self);
}

// A plain tuple with the items of a record: the core's sequence helpers
// (comparison, search) take exact tuples only.
static value_t as_plain_tuple(value_t v) {
    tuple_obj_t *o = obj_native_maybe(v, &type_tuple);
    if (o == NULL || o->base.type == &type_tuple) {
        return v;
    }
    return tuple_new(o->len, o->items);
}

static value_t nt_binary_op(binop_t op, value_t lhs, value_t rhs) {
    return type_tuple.binary_op(op, as_plain_tuple(lhs), as_plain_tuple(rhs));
}

// Slices are plain tuples, as in CPython.
static value_t nt_subscr(value_t self, value_t index, value_t value) {
    if (OBJ_TYPE_IS(index, &type_slice)) {
        tuple_obj_t *o = VAL_PTR(self);
        self = tuple_new(o->len, o->items);
    }
    return type_tuple.subscr(self, index, value);
}

static value_t nt_getiter(value_t self) {
    return type_tuple.getiter(self);
}

static value_t nt_asdict_fn(size_t n_args, size_t n_kw, const value_t *args) {
    tuple_obj_t *o = obj_native(args[0], &type_tuple);
    const namedtuple_type_t *t = nt_type(PTR_VAL(o));
    value_t d = dict_new(t->n_fields);
    for (size_t i = 0; i < t->n_fields && i < o->len; i++) {
        dict_store(d, QSTR(t->fields[i]), o->items[i]);
    }
    return d;
}
static BUILTIN_FN(nt_asdict_obj, Q__asdict, 1, 1, false, nt_asdict_fn);

static value_t nt_replace_fn(size_t n_args, size_t n_kw, const value_t *args) {
    tuple_obj_t *o = obj_native(args[0], &type_tuple);
    const namedtuple_type_t *t = nt_type(PTR_VAL(o));
    value_t r = nt_new(t, o->items);
    tuple_obj_t *ro = VAL_PTR(r);
    value_t unknown = VAL_NULL;
    for (size_t k = 0; k < n_kw; k++) {
        value_t name = args[n_args + 2 * k];
        size_t i = 0;
        while (i < t->n_fields && QSTR(t->fields[i]) != name) {
            i++;
        }
        if (i < t->n_fields) {
            ro->items[i] = args[n_args + 2 * k + 1];
        } else {
            if (unknown == VAL_NULL) {
                unknown = list_new(0, NULL);
            }
            list_append(unknown, name);
        }
    }
    if (unknown != VAL_NULL) {
        raise_fmt(&type_ValueError, "Got unexpected field names: %R", unknown);
    }
    return r;
}
static BUILTIN_FN(nt_replace_obj, Q__replace, 1, 1, true, nt_replace_fn);

// _make(iterable): a class method (args[0] is the type).
static value_t nt_make_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const namedtuple_type_t *t = VAL_PTR(args[0]);
    value_t items = tuple_from_iter(args[1]);
    size_t n;
    value_t *v = seq_items(items, &n);
    if (n != t->n_fields) {
        raise_fmt(&type_TypeError, "Expected %u arguments, got %u", (unsigned)t->n_fields, (unsigned)n);
    }
    return nt_new(t, v);
}
static BUILTIN_FN(nt_make_obj, Q__make, 2, 2, false, nt_make_fn);
static const classmethod_obj_t nt_make_cm = {{&type_classmethod}, PTR_VAL(&nt_make_obj)};

static value_t nt_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(seq_count(as_plain_tuple(args[0]), args[1]));
}
static BUILTIN_FN(nt_count_obj, Q_count, 2, 2, false, nt_count_fn);

static value_t nt_index_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[4];
    memcpy(a, args, n_args * sizeof(value_t));
    a[0] = as_plain_tuple(args[0]);
    return seq_index_method(n_args, a, "tuple");
}
static BUILTIN_FN(nt_index_obj, Q_index, 2, 4, false, nt_index_fn);

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static bool is_identifier(const char *s, size_t len) {
    const char *end = s + len;
    for (bool first = true; s < end; first = false) {
        uint32_t c = utf8_decode(&s);
        if (!(c == '_' || unicode_isalpha(c) || (!first && unicode_isdigit(c)))) {
            return false;
        }
    }
    return len > 0;
}

static bool is_keyword(const char *s, size_t len) {
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
        if (strlen(keywords[i]) == len && memcmp(keywords[i], s, len) == 0) {
            return true;
        }
    }
    return false;
}

// Checks a type or field name as CPython does; with rename, a bad field
// name (or a duplicate) becomes _index instead. Returns the name.
static value_t check_name(value_t name, bool is_field, size_t index, bool rename, value_t seen) {
    size_t len;
    const char *s = str_data(name, &len);
    if (s == NULL) {
        name = obj_str(name);
        s = str_data(name, &len);
    }
    bool bad_field = is_field && (len == 0 || s[0] == '_' || set_contains(seen, name));
    if (rename && is_field && (bad_field || !is_identifier(s, len) || is_keyword(s, len))) {
        vstr_t vs;
        vstr_init(&vs, 8);
        print_t p = vstr_printer(&vs);
        print_fmt(&p, "_%u", (unsigned)index);
        return str_from_vstr(&vs);
    }
    if (!is_identifier(s, len)) {
        raise_fmt(&type_ValueError, "Type names and field names must be valid identifiers: %R", name);
    }
    if (is_keyword(s, len)) {
        raise_fmt(&type_ValueError, "Type names and field names cannot be a keyword: %R", name);
    }
    if (is_field && s[0] == '_') {
        raise_fmt(&type_ValueError, "Field names cannot start with an underscore: %R", name);
    }
    if (is_field && set_contains(seen, name)) {
        raise_fmt(&type_ValueError, "Encountered duplicate field name: %R", name);
    }
    return name;
}

// The field names: a sequence, or a str of names separated by spaces or commas.
static value_t field_list(value_t fields) {
    size_t len;
    const char *s = str_data(fields, &len);
    if (s == NULL) {
        return list_from_iter(fields);
    }
    value_t list = list_new(0, NULL);
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ',' || unicode_isspace((uint8_t)s[i]))) {
            i++;
        }
        size_t start = i;
        while (i < len && s[i] != ',' && !unicode_isspace((uint8_t)s[i])) {
            i++;
        }
        if (i > start) {
            list_append(list, str_new(s + start, i - start));
        }
    }
    return list;
}

// namedtuple(typename, field_names, *, rename=False, defaults=None)
static value_t namedtuple_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_rename, Q_defaults, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_namedtuple);
    value_t rename_arg = arg_kw(n_args, n_kw, args, Q_rename);
    value_t defaults_arg = arg_kw(n_args, n_kw, args, Q_defaults);
    bool rename = rename_arg != VAL_NULL && obj_is_true(rename_arg);
    value_t name = check_name(args[0], false, 0, false, VAL_NULL);
    value_t fields = field_list(args[1]);
    size_t n;
    value_t *names = seq_items(fields, &n);
    value_t seen = set_new(&type_set);
    for (size_t i = 0; i < n; i++) {
        names[i] = check_name(names[i], true, i, rename, seen);
        set_add(seen, names[i]);
    }
    value_t defaults = defaults_arg == VAL_NULL || defaults_arg == VAL_NONE ? PTR_VAL(&tuple_empty_obj)
                                                                            : tuple_from_iter(defaults_arg);
    size_t n_defaults;
    value_t *dv = seq_items(defaults, &n_defaults);
    if (n_defaults > n) {
        raise_msg(&type_TypeError, "Got more default values than field names");
    }

    namedtuple_type_t *t = gc_alloc(sizeof(namedtuple_type_t) + n * sizeof(qstr_t), 0);
    size_t len;
    const char *s = str_data(name, &len);
    t->type.base.type = &type_type;
    t->type.name = (uint16_t)qstr_from_strn(s, len);
    t->type.flags = TYPE_FLAG_BASETYPE;
    t->type.print = nt_print;
    t->type.make_new = nt_make_new;
    t->type.unary_op = nt_unary_op;
    t->type.binary_op = nt_binary_op;
    t->type.attr = nt_attr;
    t->type.subscr = nt_subscr;
    t->type.getiter = nt_getiter;
    t->type.parent = &type_tuple;
    t->type.locals = &t->locals;
    t->defaults = defaults;
    t->n_fields = n;
    value_t field_tuple = tuple_new(n, NULL), field_defaults = dict_new(n_defaults);
    for (size_t i = 0; i < n; i++) {
        s = str_data(names[i], &len);
        t->fields[i] = qstr_from_strn(s, len);
        ((tuple_obj_t *)VAL_PTR(field_tuple))->items[i] = QSTR(t->fields[i]);
        if (i + n_defaults >= n) {
            dict_store(field_defaults, QSTR(t->fields[i]), dv[i + n_defaults - n]);
        }
    }
    map_init(&t->locals, 7);
    map_store(&t->locals, QSTR(Q__fields), field_tuple);
    map_store(&t->locals, QSTR(Q__field_defaults), field_defaults);
    map_store(&t->locals, QSTR(Q__make), PTR_VAL(&nt_make_cm));
    map_store(&t->locals, QSTR(Q__asdict), PTR_VAL(&nt_asdict_obj));
    map_store(&t->locals, QSTR(Q__replace), PTR_VAL(&nt_replace_obj));
    map_store(&t->locals, QSTR(Q_count), PTR_VAL(&nt_count_obj));
    map_store(&t->locals, QSTR(Q_index), PTR_VAL(&nt_index_obj));
    return PTR_VAL(t);
}
static BUILTIN_FN(namedtuple_obj, Q_namedtuple, 2, 2, true, namedtuple_fn);

// ---- OrderedDict ----------------------------------------------------------------------

extern const type_t type_ordereddict;

static value_t od_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    value_t d = type_dict.make_new(&type_dict, n_args, n_kw, args);
    OBJ(d)->type = &type_ordereddict;
    return d;
}

static void od_print(const print_t *p, value_t self, print_kind_t kind) {
    if (dict_map(self)->used == 0) {
        print_str(p, "OrderedDict()");
        return;
    }
    print_str(p, "OrderedDict(");
    type_dict.print(p, self, kind);
    print_str(p, ")");
}

static value_t od_unary_op(unop_t op, value_t self) {
    return type_dict.unary_op(op, self);
}

// Two OrderedDicts are equal only with their items in the same order.
static bool od_equal(map_t *a, map_t *b) {
    if (a->used != b->used) {
        return false;
    }
    size_t pa = 0, pb = 0;
    map_entry_t *ea, *eb;
    while ((ea = map_next(a, &pa)) != NULL && (eb = map_next(b, &pb)) != NULL) {
        value_t ka = ea->key, va = ea->value, kb = eb->key, vb = eb->value;
        if (!obj_equal(ka, kb) || !obj_equal(va, vb)) {
            return false;
        }
    }
    return true;
}

static value_t od_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if ((op == BINOP_EQ || op == BINOP_NE) && OBJ_TYPE_IS(rhs, &type_ordereddict)) {
        return VAL_BOOL(od_equal(dict_map(lhs), dict_map(rhs)) == (op == BINOP_EQ));
    }
    value_t r = type_dict.binary_op(op, lhs, rhs);
    if ((op == BINOP_OR || op == BINOP_REFLECTED_OR) && r != VAL_NULL) {
        OBJ(r)->type = &type_ordereddict;
    }
    return r;
}

static value_t od_subscr(value_t self, value_t index, value_t value) {
    return type_dict.subscr(self, index, value);
}

static value_t od_getiter(value_t self) {
    return type_dict.getiter(self);
}

static bool last_arg(size_t n_args, size_t n_kw, const value_t *args, size_t at, const char *fn) {
    static const qstr_t allowed[] = {Q_last, Q_NULL};
    arg_kw_check_invalid(n_args, n_kw, args, allowed, fn);
    value_t last = n_args > at ? args[at] : arg_kw(n_args, n_kw, args, Q_last);
    return last == VAL_NULL || obj_is_true(last);
}

static value_t od_popitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    bool last = last_arg(n_args, n_kw, args, 1, "popitem");
    map_t *map = dict_map(args[0]);
    if (map->used == 0) {
        raise_obj(exc_new_msg(&type_KeyError, "dictionary is empty"));
    }
    map_entry_t *e = NULL;
    if (last) {
        for (size_t i = map->filled; e == NULL; i--) {
            e = map->table[i - 1].key != VAL_NULL ? &map->table[i - 1] : NULL;
        }
    } else {
        size_t pos = 0;
        e = map_next(map, &pos);
    }
    value_t kv[2] = {e->key, e->value};
    map_lookup(map, kv[0], MAP_REMOVE);
    return tuple_new(2, kv);
}
static BUILTIN_FN(od_popitem_obj, Q_popitem, 1, 2, true, od_popitem_fn);

static value_t od_move_to_end_fn(size_t n_args, size_t n_kw, const value_t *args) {
    bool last = last_arg(n_args, n_kw, args, 2, "move_to_end");
    map_t *map = dict_map(args[0]);
    map_entry_t *e = map_lookup(map, args[1], MAP_LOOKUP);
    if (e == NULL) {
        raise_obj(exc_new(&type_KeyError, 1, &args[1]));
    }
    value_t key = e->key, value = e->value;
    if (last) {
        map_lookup(map, key, MAP_REMOVE);
        map_store(map, key, value);
        return VAL_NONE;
    }
    // to the front: the map is rebuilt with this key first
    size_t n = map->used, pos = 0, i = 0;
    map_entry_t *old = gc_alloc(n * sizeof(map_entry_t), 0);
    while ((e = map_next(map, &pos)) != NULL) {
        old[i++] = *e;
    }
    map_clear(map);
    map_store(map, key, value);
    for (i = 0; i < n; i++) {
        if (old[i].key != key) {
            map_store(map, old[i].key, old[i].value);
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(od_move_to_end_obj, Q_move_to_end, 2, 3, true, od_move_to_end_fn);

static value_t od_copy_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t d = dict_new(0);
    size_t pos = 0;
    map_entry_t *e;
    while ((e = map_next(dict_map(args[0]), &pos)) != NULL) {
        dict_store(d, e->key, e->value);
    }
    OBJ(d)->type = &type_ordereddict;
    return d;
}
static BUILTIN_FN(od_copy_obj, Q_copy, 1, 1, false, od_copy_fn);

static const map_entry_t od_locals_table[] = {
    {QSTR(Q_copy), PTR_VAL(&od_copy_obj)},
    {QSTR(Q_move_to_end), PTR_VAL(&od_move_to_end_obj)},
    {QSTR(Q_popitem), PTR_VAL(&od_popitem_obj)},
};
static const map_t od_locals = MAP_ROM(od_locals_table);

const type_t type_ordereddict = {
    {&type_type},
    .name = Q_OrderedDict,
    .flags = TYPE_FLAG_BASETYPE,
    .print = od_print,
    .make_new = od_make_new,
    .unary_op = od_unary_op,
    .binary_op = od_binary_op,
    .subscr = od_subscr,
    .getiter = od_getiter,
    .locals = &od_locals,
    .parent = &type_dict,
};

// ---- deque ------------------------------------------------------------------------------

typedef struct deque_obj {
    obj_t base;
    value_t *items;      // ring of `alloc` slots
    size_t alloc, head, len;
    size_t maxlen;       // SIZE_MAX: unbounded
    uint32_t version;    // changes with the length, for iterators
    uint8_t refuse_full; // MicroPython's flag 1: appending to a full deque raises
} deque_obj_t;

extern const type_t type_deque;

static deque_obj_t *as_deque(value_t v) {
    return obj_native(v, &type_deque);
}

static value_t *slot(deque_obj_t *d, size_t i) {
    return &d->items[(d->head + i) % d->alloc];
}

static void grow(deque_obj_t *d) {
    size_t alloc = d->alloc < 4 ? 4 : d->alloc * 2;
    if (alloc > d->maxlen) {
        alloc = d->maxlen;
    }
    if (alloc > SIZE_MAX / sizeof(value_t) / 2) {
        raise_msg(&type_MemoryError, "deque too large");
    }
    value_t *items = gc_alloc(alloc * sizeof(value_t), 0);
    for (size_t i = 0; i < d->len; i++) {
        items[i] = *slot(d, i);
    }
    d->items = items;
    d->alloc = alloc;
    d->head = 0;
}

// Room for one more item: false when the deque is at its maxlen.
static bool make_room(deque_obj_t *d) {
    d->version++;
    if (d->len < d->maxlen) {
        if (d->len == d->alloc) {
            grow(d);
        }
        return true;
    }
    if (d->refuse_full) {
        raise_msg(&type_IndexError, "full");
    }
    return false;
}

static void deque_append(deque_obj_t *d, value_t v) {
    if (!make_room(d)) {
        if (d->maxlen == 0) {
            return;
        }
        d->head = (d->head + 1) % d->alloc;    // the oldest goes
        d->len--;
    }
    d->len++;
    *slot(d, d->len - 1) = v;
}

static void deque_appendleft(deque_obj_t *d, value_t v) {
    if (!make_room(d)) {
        if (d->maxlen == 0) {
            return;
        }
        d->len--;    // the newest at the right goes
    }
    d->head = (d->head + d->alloc - 1) % d->alloc;
    d->len++;
    *slot(d, 0) = v;
}

static value_t deque_take(deque_obj_t *d, bool left) {
    if (d->len == 0) {
        raise_msg(&type_IndexError, "pop from an empty deque");
    }
    d->version++;
    value_t *s = slot(d, left ? 0 : d->len - 1);
    value_t v = *s;
    *s = VAL_NULL;
    if (left) {
        d->head = (d->head + 1) % d->alloc;
    }
    d->len--;
    return v;
}

static void deque_extend(deque_obj_t *d, value_t iterable, bool left) {
    if (PTR_VAL(d) == iterable) {
        iterable = list_from_iter(iterable);    // d.extend(d)
    }
    value_t it = obj_getiter(iterable), v;
    while ((v = obj_iternext(it)) != VAL_STOP) {
        if (left) {
            deque_appendleft(d, v);
        } else {
            deque_append(d, v);
        }
    }
}

// deque(iterable=(), maxlen=None[, flags]): flags is MicroPython's.
static value_t deque_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_iterable, Q_maxlen, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_deque);
    if (n_args > 3) {
        raise_fmt(&type_TypeError, "deque() takes at most 3 arguments (%u given)", (unsigned)n_args);
    }
    value_t iterable = n_args > 0 ? args[0] : arg_kw(n_args, n_kw, args, Q_iterable);
    value_t maxlen = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_maxlen);
    deque_obj_t *d = gc_alloc(sizeof(deque_obj_t), 0);
    d->base.type = &type_deque;
    d->maxlen = SIZE_MAX;
    if (maxlen != VAL_NULL && maxlen != VAL_NONE) {
        if (!value_is_int(maxlen)) {
            raise_msg(&type_TypeError, "an integer is required");
        }
        smallint_t m = value_get_int(maxlen);
        if (m < 0) {
            raise_msg(&type_ValueError, "maxlen must be non-negative");
        }
        d->maxlen = (size_t)m;
    }
    d->refuse_full = n_args > 2 && (value_get_int(args[2]) & 1);
    if (iterable != VAL_NULL) {
        deque_extend(d, iterable, false);
    }
    return PTR_VAL(d);
}

static void deque_print(const print_t *p, value_t self, print_kind_t kind) {
    deque_obj_t *d = VAL_PTR(self);
    if (!repr_enter(self)) {
        print_str(p, "[...]");
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        print_str(p, "deque([");
        for (size_t i = 0; i < d->len; i++) {
            print_fmt(p, "%s%R", i > 0 ? ", " : "", *slot(d, i));
        }
        print_str(p, "]");
        if (d->maxlen != SIZE_MAX) {
            print_fmt(p, ", maxlen=%u", (unsigned)d->maxlen);
        }
        print_str(p, ")");
        nlr_pop();
        repr_leave(self);
    } else {
        repr_leave(self);
        nlr_raise(nlr.value);
    }
}

static value_t deque_to_list(deque_obj_t *d) {
    value_t l = list_new(d->len, NULL);
    list_obj_t *lo = VAL_PTR(l);
    for (size_t i = 0; i < d->len; i++) {
        lo->items[i] = *slot(d, i);
    }
    return l;
}

static value_t deque_unary_op(unop_t op, value_t self) {
    deque_obj_t *d = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(d->len != 0);
        case UNOP_LEN:
            return SMALL(d->len);
        case UNOP_HASH:
            raise_msg(&type_TypeError, "unhashable type: 'collections.deque'");
        default:
            return VAL_NULL;
    }
}

static value_t deque_binary_op(binop_t op, value_t lhs, value_t rhs) {
    deque_obj_t *d = VAL_PTR(lhs);
    switch (op) {
        case BINOP_CONTAINS:
            for (size_t i = 0; i < d->len; i++) {
                if (obj_equal(*slot(d, i), rhs)) {
                    return VAL_TRUE;
                }
            }
            return VAL_FALSE;
        case BINOP_INPLACE_ADD:
            deque_extend(d, rhs, false);
            return lhs;
        case BINOP_LT:
        case BINOP_LE:
        case BINOP_GT:
        case BINOP_GE:
        case BINOP_EQ:
        case BINOP_NE: {
            deque_obj_t *o = obj_native_maybe(rhs, &type_deque);
            if (o == NULL) {
                return VAL_NULL;
            }
            return seq_compare(op, deque_to_list(d), deque_to_list(o));
        }
        default:
            return VAL_NULL;
    }
}

static size_t deque_index(deque_obj_t *d, value_t index) {
    return seq_index(index, d->len, "deque");
}

static value_t deque_subscr(value_t self, value_t index, value_t value) {
    deque_obj_t *d = VAL_PTR(self);
    if (!value_is_int(index)) {
        raise_fmt(&type_TypeError, "sequence index must be integer, not '%T'", index);
    }
    size_t i = deque_index(d, index);
    if (value == VAL_SENTINEL) {
        return *slot(d, i);
    }
    if (value != VAL_NULL) {
        *slot(d, i) = value;
        return VAL_NONE;
    }
    // del d[i]: the items after it move left
    d->version++;
    for (; i + 1 < d->len; i++) {
        *slot(d, i) = *slot(d, i + 1);
    }
    *slot(d, d->len - 1) = VAL_NULL;
    d->len--;
    return VAL_NONE;
}

typedef struct deque_iter {
    obj_t base;
    deque_obj_t *deque;
    size_t pos;
    uint32_t version;
} deque_iter_t;

static value_t deque_iter_next(value_t self) {
    deque_iter_t *it = VAL_PTR(self);
    deque_obj_t *d = it->deque;
    if (d->version != it->version) {
        raise_msg(&type_RuntimeError, "deque mutated during iteration");
    }
    if (it->pos >= d->len) {
        return VAL_STOP;
    }
    return *slot(d, it->pos++);
}

static const type_t type_deque_iterator = {
    {&type_type},
    .name = Q__deque_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = deque_iter_next,
};

static value_t deque_getiter(value_t self) {
    deque_iter_t *it = gc_alloc(sizeof(deque_iter_t), 0);
    it->base.type = &type_deque_iterator;
    it->deque = VAL_PTR(self);
    it->version = it->deque->version;
    return PTR_VAL(it);
}

static void deque_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] == VAL_NULL && name == Q_maxlen) {
        deque_obj_t *d = VAL_PTR(self);
        dest[0] = d->maxlen == SIZE_MAX ? VAL_NONE : int_from_uintptr(d->maxlen);
    }
}

static value_t deque_append_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_append(as_deque(args[0]), args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(deque_append_obj, Q_append, 2, 2, false, deque_append_fn);

static value_t deque_appendleft_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_appendleft(as_deque(args[0]), args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(deque_appendleft_obj, Q_appendleft, 2, 2, false, deque_appendleft_fn);

static value_t deque_pop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return deque_take(as_deque(args[0]), false);
}
static BUILTIN_FN(deque_pop_obj, Q_pop, 1, 1, false, deque_pop_fn);

static value_t deque_popleft_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return deque_take(as_deque(args[0]), true);
}
static BUILTIN_FN(deque_popleft_obj, Q_popleft, 1, 1, false, deque_popleft_fn);

static value_t deque_extend_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_extend(as_deque(args[0]), args[1], false);
    return VAL_NONE;
}
static BUILTIN_FN(deque_extend_obj, Q_extend, 2, 2, false, deque_extend_fn);

static value_t deque_extendleft_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_extend(as_deque(args[0]), args[1], true);
    return VAL_NONE;
}
static BUILTIN_FN(deque_extendleft_obj, Q_extendleft, 2, 2, false, deque_extendleft_fn);

static value_t deque_clear_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_obj_t *d = as_deque(args[0]);
    d->items = NULL;
    d->alloc = d->head = d->len = 0;
    d->version++;
    return VAL_NONE;
}
static BUILTIN_FN(deque_clear_obj, Q_clear, 1, 1, false, deque_clear_fn);

static value_t deque_copy_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_obj_t *d = as_deque(args[0]);
    value_t a[2] = {deque_to_list(d), d->maxlen == SIZE_MAX ? VAL_NONE : int_from_uintptr(d->maxlen)};
    return deque_make_new(&type_deque, 2, 0, a);
}
static BUILTIN_FN(deque_copy_obj, Q_copy, 1, 1, false, deque_copy_fn);

static value_t deque_count_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(seq_count(deque_to_list(as_deque(args[0])), args[1]));
}
static BUILTIN_FN(deque_count_obj, Q_count, 2, 2, false, deque_count_fn);

static value_t deque_remove_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_obj_t *d = as_deque(args[0]);
    for (size_t i = 0; i < d->len; i++) {
        if (obj_equal(*slot(d, i), args[1])) {
            deque_subscr(PTR_VAL(d), SMALL(i), VAL_NULL);
            return VAL_NONE;
        }
    }
    raise_fmt(&type_ValueError, "%R is not in deque", args[1]);
}
static BUILTIN_FN(deque_remove_obj, Q_remove, 2, 2, false, deque_remove_fn);

static value_t deque_reverse_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_obj_t *d = as_deque(args[0]);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        value_t t = *slot(d, i);
        *slot(d, i) = *slot(d, j - 1);
        *slot(d, j - 1) = t;
    }
    return VAL_NONE;
}
static BUILTIN_FN(deque_reverse_obj, Q_reverse, 1, 1, false, deque_reverse_fn);

// rotate(n): n steps to the right (left when negative).
static value_t deque_rotate_fn(size_t n_args, size_t n_kw, const value_t *args) {
    deque_obj_t *d = as_deque(args[0]);
    smallint_t n = n_args > 1 ? value_get_int(args[1]) : 1;
    if (d->len < 2) {
        return VAL_NONE;
    }
    smallint_t len = (smallint_t)d->len;
    n %= len;
    if (n < 0) {
        n += len;
    }
    for (; n > 0; n--) {
        value_t v = deque_take(d, false);
        deque_appendleft(d, v);
    }
    return VAL_NONE;
}
static BUILTIN_FN(deque_rotate_obj, Q_rotate, 1, 2, false, deque_rotate_fn);

static const map_entry_t deque_locals_table[] = {
    {QSTR(Q_append), PTR_VAL(&deque_append_obj)},
    {QSTR(Q_appendleft), PTR_VAL(&deque_appendleft_obj)},
    {QSTR(Q_clear), PTR_VAL(&deque_clear_obj)},
    {QSTR(Q_copy), PTR_VAL(&deque_copy_obj)},
    {QSTR(Q_count), PTR_VAL(&deque_count_obj)},
    {QSTR(Q_extend), PTR_VAL(&deque_extend_obj)},
    {QSTR(Q_extendleft), PTR_VAL(&deque_extendleft_obj)},
    {QSTR(Q_pop), PTR_VAL(&deque_pop_obj)},
    {QSTR(Q_popleft), PTR_VAL(&deque_popleft_obj)},
    {QSTR(Q_remove), PTR_VAL(&deque_remove_obj)},
    {QSTR(Q_reverse), PTR_VAL(&deque_reverse_obj)},
    {QSTR(Q_rotate), PTR_VAL(&deque_rotate_obj)},
};
static const map_t deque_locals = MAP_ROM(deque_locals_table);

const type_t type_deque = {
    {&type_type},
    .name = Q_deque,
    .flags = TYPE_FLAG_BASETYPE,
    .print = deque_print,
    .make_new = deque_make_new,
    .unary_op = deque_unary_op,
    .binary_op = deque_binary_op,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
    .locals = &deque_locals,
};

// ---- the module ------------------------------------------------------------------------------

static const map_entry_t collections_table[] = {
    {QSTR(Q_OrderedDict), PTR_VAL(&type_ordereddict)},
    {QSTR(Q___name__), QSTR(Q_collections)},
    {QSTR(Q_deque), PTR_VAL(&type_deque)},
    {QSTR(Q_namedtuple), PTR_VAL(&namedtuple_obj)},
};
MODULE_ROM(collections_module, Q_collections, collections_table);

ESPY_MODULE(collections, collections_module);
ESPY_MODULE(ucollections, collections_module);
