// SPDX-License-Identifier: MIT
// set.c: set and frozenset.
//
// A set's table is CPython's: open addressing over a power-of-two array of
// (key, hash) entries, probing up to nine neighbours linearly before
// jumping with the perturbed hash, growing fourfold when two fifths full,
// and a removed key leaving a dummy entry. The same layout, the same probe
// sequence and the same resize points give the same iteration order as
// CPython for the same operations, so that printing a set of ints shows
// what python3 shows.
//
// The table lives in the set_obj_t's map_t, whose fields mean here:
//   used    live keys            filled  live keys + dummies (CPython's fill)
//   alloc   slots (mask + 1)     table   entries: key VAL_NULL unused,
//   index   pop()'s finger               VAL_SENTINEL dummy; value SMALL(hash)
// so a set's map must never be passed to the map_* functions.

#include <string.h>

#include "obj.h"

// Small ints below this hash to themselves (obj_hash reduces bigger ones
// modulo 2**61 - 1 on 64-bit hosts, as CPython).
#define HASH_SMALL_LIMIT \
    (sizeof(smallint_t) > 4 ? (smallint_t)1 << (sizeof(smallint_t) * 8 - 4) : (smallint_t)SMALL_MAX)

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY VAL_SENTINEL

typedef intptr_t hash_t;

// CPython's hash of a small int (as obj_hash computes it), inlined.
static inline hash_t set_hash(value_t key) {
    if (VAL_IS_SMALL(key)) {
        smallint_t i = SMALL_VALUE(key);
        if (i > -HASH_SMALL_LIMIT && i < HASH_SMALL_LIMIT) {
            return (hash_t)(int32_t)(uint32_t)(i == -1 ? -2 : i);
        }
    }
    return (hash_t)(int32_t)obj_hash(key);
}

static inline hash_t entry_hash(const map_entry_t *e) {
    return SMALL_VALUE(e->value);
}

static inline set_obj_t *as_set(value_t v) {
    if (VAL_IS_OBJ(v) && (OBJ(v)->type == &type_set || OBJ(v)->type == &type_frozenset)) {
        return VAL_PTR(v);
    }
    set_obj_t *s = obj_native_maybe(v, &type_set);
    return s ? s : obj_native(v, &type_frozenset);
}

static inline bool is_anyset(value_t v) {
    return VAL_IS_OBJ(v) && (OBJ(v)->type == &type_set || OBJ(v)->type == &type_frozenset);
}

// The set behind v when v is a set, a frozenset or an instance of a subclass.
static set_obj_t *anyset_maybe(value_t v) {
    if (is_anyset(v)) {
        return VAL_PTR(v);
    }
    if (VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP)) {
        set_obj_t *s = obj_native_maybe(v, &type_set);
        return s ? s : obj_native_maybe(v, &type_frozenset);
    }
    return NULL;
}

// ---- the table ------------------------------------------------------------------------

static void insert_clean(map_entry_t *table, size_t mask, value_t key, hash_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        map_entry_t *e = &table[i];
        if (e->key == VAL_NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == VAL_NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->value = SMALL(hash);
        return;
    }
}

static void table_resize(set_obj_t *so, size_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    map_entry_t *old = so->map.table;
    size_t oldsize = so->map.alloc;
    map_entry_t *t = gc_alloc(newsize * sizeof(map_entry_t), 0);
    bool no_dummies = so->map.filled == so->map.used;
    for (size_t i = 0; i < oldsize; i++) {
        value_t k = old[i].key;
        if (k != VAL_NULL && (no_dummies || k != DUMMY)) {
            insert_clean(t, newsize - 1, k, entry_hash(&old[i]));
        }
    }
    so->map.table = t;
    so->map.alloc = (uint32_t)newsize;
    so->map.filled = so->map.used;
    if (old != NULL) {
        gc_free(old);
    }
}

// CPython's mask: an empty set without a table counts as the minimum table.
static inline size_t set_mask(const set_obj_t *so) {
    return so->map.alloc ? so->map.alloc - 1 : SET_MINSIZE - 1;
}

static inline bool keys_match(value_t a, value_t b) {
    return a == b || ((VAL_IS_OBJ(a) || VAL_IS_OBJ(b) || VAL_IS_BOOL(a) || VAL_IS_BOOL(b)) && obj_equal(a, b));
}

// The entry holding key, or NULL.
static map_entry_t *set_lookkey(set_obj_t *so, value_t key, hash_t hash) {
restart:;
    map_entry_t *table = so->map.table;
    if (table == NULL) {
        return NULL;
    }
    size_t mask = so->map.alloc - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    value_t h = SMALL(hash);
    for (;;) {
        map_entry_t *e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == VAL_NULL) {
                return NULL;
            }
            if (e->value == h && e->key != DUMMY) {
                value_t k = e->key;
                if (k == key) {
                    return e;
                }
                if (keys_match(k, key)) {
                    if (table != so->map.table || e->key != k) {
                        goto restart;
                    }
                    return e;
                }
                if (table != so->map.table || e->key != k) {
                    goto restart;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_add_entry(set_obj_t *so, value_t key, hash_t hash) {
    if (so->map.table == NULL) {
        table_resize(so, 0);
    }
restart:;
    map_entry_t *table = so->map.table, *freeslot = NULL, *e;
    size_t mask = so->map.alloc - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    value_t h = SMALL(hash);
    for (;;) {
        e = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == VAL_NULL) {
                goto found_unused_or_dummy;
            }
            if (e->key == DUMMY) {
                freeslot = e;    // the last dummy on the way, as CPython
            } else if (e->value == h) {
                value_t k = e->key;
                if (k == key || keys_match(k, key)) {
                    return;
                }
                if (table != so->map.table || e->key != k) {
                    goto restart;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot != NULL) {
        so->map.used++;
        freeslot->key = key;
        freeslot->value = h;
        return;
    }
    so->map.filled++;
    so->map.used++;
    e->key = key;
    e->value = h;
    if ((size_t)so->map.filled * 5 < mask * 3) {
        return;
    }
    table_resize(so, so->map.used > 50000 ? so->map.used * 2 : so->map.used * 4);
}

static bool set_discard_entry(set_obj_t *so, value_t key, hash_t hash) {
    map_entry_t *e = set_lookkey(so, key, hash);
    if (e == NULL) {
        return false;
    }
    e->key = DUMMY;
    e->value = SMALL(-1);
    so->map.used--;
    return true;
}

static void set_clear_internal(set_obj_t *so) {
    so->map.used = so->map.filled = so->map.alloc = 0;
    so->map.table = NULL;
}

// A key for lookup: a set used as a key is looked up as a frozenset.
static value_t lookup_key(value_t key, hash_t *hash) {
    if (OBJ_TYPE_IS(key, &type_set)) {
        value_t f = set_new(&type_frozenset);
        set_update_from_iter(f, key);
        key = f;
    }
    *hash = set_hash(key);
    return key;
}

// Next live entry at or after *pos.
static map_entry_t *set_next(set_obj_t *so, size_t *pos) {
    for (size_t i = *pos; i < so->map.alloc; i++) {
        value_t k = so->map.table[i].key;
        if (k != VAL_NULL && k != DUMMY) {
            *pos = i + 1;
            return &so->map.table[i];
        }
    }
    *pos = so->map.alloc;
    return NULL;
}

// ---- the public entry points ------------------------------------------------------------

value_t set_new(const type_t *type) {
    set_obj_t *s = gc_alloc(sizeof(set_obj_t), 0);
    s->base.type = type;
    return PTR_VAL(s);
}

void set_add(value_t set, value_t item) {
    set_add_entry(as_set(set), item, set_hash(item));
}

bool set_contains(value_t set, value_t item) {
    hash_t h;
    item = lookup_key(item, &h);
    return set_lookkey(as_set(set), item, h) != NULL;
}

static void set_merge(set_obj_t *so, set_obj_t *other) {
    if (other == so || other->map.used == 0) {
        return;
    }
    if ((so->map.filled + other->map.used) * 5 >= set_mask(so) * 3) {
        table_resize(so, (so->map.used + other->map.used) * 2);
    } else if (so->map.table == NULL) {
        table_resize(so, 0);
    }
    map_entry_t *ot = other->map.table;
    if (so->map.filled == 0 && so->map.alloc == other->map.alloc && other->map.filled == other->map.used) {
        for (size_t i = 0; i < other->map.alloc; i++) {
            if (ot[i].key != VAL_NULL) {
                so->map.table[i] = ot[i];
            }
        }
        so->map.filled = other->map.filled;
        so->map.used = other->map.used;
        return;
    }
    if (so->map.filled == 0) {
        so->map.filled = so->map.used = other->map.used;
        for (size_t i = 0; i < other->map.alloc; i++) {
            value_t k = ot[i].key;
            if (k != VAL_NULL && k != DUMMY) {
                insert_clean(so->map.table, so->map.alloc - 1, k, entry_hash(&ot[i]));
            }
        }
        return;
    }
    for (size_t i = 0; i < other->map.alloc; i++) {
        value_t k = ot[i].key;
        if (k != VAL_NULL && k != DUMMY) {
            set_add_entry(so, k, entry_hash(&ot[i]));
        }
    }
}

void set_update_from_iter(value_t set, value_t iterable) {
    set_obj_t *so = as_set(set), *other = anyset_maybe(iterable);
    if (other != NULL) {
        set_merge(so, other);
        return;
    }
    if (OBJ_TYPE_IS(iterable, &type_dict)) {
        map_t *m = dict_map(iterable);
        if ((so->map.filled + m->used) * 5 >= set_mask(so) * 3) {
            table_resize(so, (so->map.used + m->used) * 2);
        }
    }
    size_t n;
    value_t *items = seq_items(iterable, &n);
    if (items != NULL) {
        for (size_t i = 0; i < n; i++) {
            value_t k = items[i];
            set_add_entry(so, k, set_hash(k));
            items = seq_items(iterable, &n);
        }
        return;
    }
    value_t it = obj_getiter(iterable), k;
    while ((k = obj_iternext(it)) != VAL_STOP) {
        set_add_entry(so, k, set_hash(k));
    }
}

// A set display whose items are all constants ({1, 2, 3}): CPython folds
// the items to a frozenset constant and merges it into a new set, which
// gives another order than adding them one by one.
value_t set_from_constants(size_t n, const value_t *items) {
    value_t f = set_new(&type_frozenset), s = set_new(&type_set);
    for (size_t i = 0; i < n; i++) {
        set_add(f, items[i]);
    }
    set_merge(VAL_PTR(s), VAL_PTR(f));
    return s;
}

static value_t set_copy_as(const type_t *type, set_obj_t *so) {
    value_t r = set_new(type);
    set_merge(VAL_PTR(r), so);
    return r;
}

// The type of results of operations on self: set or frozenset.
static const type_t *result_type(value_t self) {
    return OBJ_TYPE_IS(self, &type_frozenset) || (!OBJ_TYPE_IS(self, &type_set) &&
                                                   obj_native_maybe(self, &type_set) == NULL)
               ? &type_frozenset : &type_set;
}

static value_t set_intersection(value_t self, value_t other) {
    set_obj_t *so = as_set(self), *os = anyset_maybe(other);
    if (os == so) {
        return set_copy_as(result_type(self), so);
    }
    value_t r = set_new(result_type(self));
    set_obj_t *rs = VAL_PTR(r);
    if (os != NULL) {
        if (os->map.used > so->map.used) {
            set_obj_t *t = so;
            so = os;
            os = t;
        }
        size_t pos = 0;
        map_entry_t *e;
        while ((e = set_next(os, &pos)) != NULL) {
            value_t k = e->key;
            hash_t h = entry_hash(e);
            if (set_lookkey(so, k, h) != NULL) {
                set_add_entry(rs, k, h);
            }
        }
        return r;
    }
    value_t it = obj_getiter(other), k;
    while ((k = obj_iternext(it)) != VAL_STOP) {
        hash_t h = set_hash(k);
        if (set_lookkey(so, k, h) != NULL) {
            set_add_entry(rs, k, h);
        }
    }
    return r;
}

static void set_difference_update_internal(set_obj_t *so, value_t other) {
    set_obj_t *os = anyset_maybe(other);
    if (os == so) {
        set_clear_internal(so);
        return;
    }
    if (os != NULL) {
        size_t pos = 0;
        map_entry_t *e;
        while ((e = set_next(os, &pos)) != NULL) {
            set_discard_entry(so, e->key, entry_hash(e));
        }
    } else {
        value_t it = obj_getiter(other), k;
        while ((k = obj_iternext(it)) != VAL_STOP) {
            hash_t h;
            k = lookup_key(k, &h);
            set_discard_entry(so, k, h);
        }
    }
    if ((size_t)(so->map.filled - so->map.used) > set_mask(so) / 4) {
        table_resize(so, so->map.used > 50000 ? so->map.used * 2 : so->map.used * 4);
    }
}

static value_t set_difference(value_t self, value_t other) {
    set_obj_t *so = as_set(self), *os = anyset_maybe(other);
    size_t other_size;
    if (os != NULL) {
        other_size = os->map.used;
    } else if (OBJ_TYPE_IS(other, &type_dict)) {
        other_size = dict_map(other)->used;
    } else {
        other_size = (size_t)-1;
    }
    if (other_size == (size_t)-1 || (so->map.used >> 2) > other_size) {
        value_t r = set_copy_as(result_type(self), so);
        set_difference_update_internal(VAL_PTR(r), other);
        return r;
    }
    value_t r = set_new(result_type(self));
    size_t pos = 0;
    map_entry_t *e;
    if (os == NULL) {
        map_t *m = dict_map(other);
        while ((e = set_next(so, &pos)) != NULL) {
            if (map_get(m, e->key) == VAL_NULL) {
                set_add_entry(VAL_PTR(r), e->key, entry_hash(e));
            }
        }
        return r;
    }
    while ((e = set_next(so, &pos)) != NULL) {
        if (set_lookkey(os, e->key, entry_hash(e)) == NULL) {
            set_add_entry(VAL_PTR(r), e->key, entry_hash(e));
        }
    }
    return r;
}

static void set_symmetric_difference_update(set_obj_t *so, value_t other) {
    set_obj_t *os = anyset_maybe(other);
    if (os == so) {
        set_clear_internal(so);
        return;
    }
    if (os == NULL) {
        os = VAL_PTR(set_new(&type_set));
        set_update_from_iter(PTR_VAL(os), other);
    }
    size_t pos = 0;
    map_entry_t *e;
    while ((e = set_next(os, &pos)) != NULL) {
        value_t k = e->key;
        hash_t h = entry_hash(e);
        if (!set_discard_entry(so, k, h)) {
            set_add_entry(so, k, h);
        }
    }
}

static value_t set_symmetric_difference(value_t self, value_t other) {
    value_t r = set_new(result_type(self));
    set_update_from_iter(r, other);
    set_symmetric_difference_update(VAL_PTR(r), self);
    return r;
}

// Swaps the tables of two sets (pop()'s finger stays).
static void set_swap_bodies(set_obj_t *a, set_obj_t *b) {
    map_t t = a->map;
    void *finger = a->map.index;
    a->map = b->map;
    a->map.index = finger;
    b->map = t;
}

static bool set_issubset_set(set_obj_t *so, set_obj_t *os) {
    if (so->map.used > os->map.used) {
        return false;
    }
    size_t pos = 0;
    map_entry_t *e;
    while ((e = set_next(so, &pos)) != NULL) {
        if (set_lookkey(os, e->key, entry_hash(e)) == NULL) {
            return false;
        }
    }
    return true;
}

// In-place operator with any iterable on the right (used by dict views too).
value_t set_inplace_op(binop_t op, value_t set, value_t other) {
    set_obj_t *so = as_set(set);
    switch (op) {
        case BINOP_OR:
            set_update_from_iter(set, other);
            break;
        case BINOP_AND: {
            value_t t = set_intersection(set, other);
            set_swap_bodies(so, VAL_PTR(t));
            break;
        }
        case BINOP_SUB:
            set_difference_update_internal(so, other);
            break;
        case BINOP_XOR:
            set_symmetric_difference_update(so, other);
            break;
        default:
            return VAL_NULL;
    }
    return set;
}

// ---- the types --------------------------------------------------------------------------------

static value_t set_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw) {
        raise_fmt(&type_TypeError, "%q() takes no keyword arguments", (qstr_t)type->name);
    }
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "%q expected at most 1 argument, got %zu", (qstr_t)type->name, n_args);
    }
    if (type != &type_set && type != &type_frozenset) {
        type = type_is_subtype(type, &type_frozenset) ? &type_frozenset : &type_set;
    }
    if (type == &type_frozenset && n_args == 1 && OBJ_TYPE_IS(args[0], &type_frozenset)) {
        return args[0];
    }
    value_t s = set_new(type);
    if (n_args == 1) {
        set_update_from_iter(s, args[0]);
    }
    return s;
}

static void set_print(const print_t *p, value_t self, print_kind_t kind) {
    set_obj_t *so = VAL_PTR(self);
    bool frozen = so->base.type == &type_frozenset;
    if (so->map.used == 0) {
        print_str(p, frozen ? "frozenset()" : "set()");
        return;
    }
    if (!repr_enter(self)) {
        print_str(p, frozen ? "frozenset(...)" : "set(...)");
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        print_str(p, frozen ? "frozenset({" : "{");
        size_t pos = 0;
        map_entry_t *e;
        bool first = true;
        while ((e = set_next(so, &pos)) != NULL) {
            if (!first) {
                print_strn(p, ", ", 2);
            }
            first = false;
            obj_print(p, e->key, PRINT_REPR);
        }
        print_str(p, frozen ? "})" : "}");
        nlr_pop();
        repr_leave(self);
    } else {
        repr_leave(self);
        nlr_raise(nlr.value);
    }
}

static uint32_t shuffle_bits(uint32_t h) {
    return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u;
}

static value_t set_unary_op(unop_t op, value_t self) {
    set_obj_t *so = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(so->map.used != 0);
        case UNOP_LEN:
            return SMALL(so->map.used);
        case UNOP_HASH: {
            if (so->base.type != &type_frozenset) {
                raise_msg(&type_TypeError, "unhashable type: 'set'");
            }
            uint32_t h = 0;
            size_t pos = 0;
            map_entry_t *e;
            while ((e = set_next(so, &pos)) != NULL) {
                h ^= shuffle_bits((uint32_t)entry_hash(e));
            }
            h ^= ((uint32_t)so->map.used + 1) * 1927868237u;
            h ^= (h >> 11) ^ (h >> 25);
            h = h * 69069u + 907133923u;
            return SMALL(h & 0x3fffffff);
        }
        default:
            return VAL_NULL;
    }
}

static value_t set_compare(binop_t op, set_obj_t *a, set_obj_t *b) {
    switch (op) {
        case BINOP_EQ:
        case BINOP_NE:
            return VAL_BOOL((a->map.used == b->map.used && set_issubset_set(a, b)) == (op == BINOP_EQ));
        case BINOP_LE:
            return VAL_BOOL(set_issubset_set(a, b));
        case BINOP_GE:
            return VAL_BOOL(set_issubset_set(b, a));
        case BINOP_LT:
            return VAL_BOOL(a->map.used < b->map.used && set_issubset_set(a, b));
        case BINOP_GT:
            return VAL_BOOL(a->map.used > b->map.used && set_issubset_set(b, a));
        default:
            return VAL_NULL;
    }
}

static value_t set_binary_op(binop_t op, value_t lhs, value_t rhs) {
    set_obj_t *so = VAL_PTR(lhs);
    if (op == BINOP_CONTAINS) {
        hash_t h;
        value_t k = lookup_key(rhs, &h);
        return VAL_BOOL(set_lookkey(so, k, h) != NULL);
    }
    set_obj_t *os = anyset_maybe(rhs);
    if (os == NULL) {
        return VAL_NULL;
    }
    bool frozen = so->base.type == &type_frozenset;
    if (BINOP_IS_INPLACE(op) && frozen) {
        op = BINOP_BASE(op);
    }
    switch (op) {
        case BINOP_OR: {
            value_t r = set_copy_as(so->base.type, so);
            set_update_from_iter(r, rhs);
            return r;
        }
        case BINOP_AND:
            return set_intersection(lhs, rhs);
        case BINOP_SUB:
            return set_difference(lhs, rhs);
        case BINOP_XOR:
            return set_symmetric_difference(lhs, rhs);
        case BINOP_INPLACE_OR:
        case BINOP_INPLACE_AND:
        case BINOP_INPLACE_SUB:
        case BINOP_INPLACE_XOR:
            return set_inplace_op(BINOP_BASE(op), lhs, rhs);
        case BINOP_REFLECTED_OR:
        case BINOP_REFLECTED_AND:
        case BINOP_REFLECTED_SUB:
        case BINOP_REFLECTED_XOR:
            // rhs OP lhs with rhs a set-like of another kind (a subclass instance)
            return set_binary_op(BINOP_BASE(op), PTR_VAL(os), lhs);
        default:
            return set_compare(op, so, os);
    }
}

// The iterator.
typedef struct set_iter {
    obj_t base;
    set_obj_t *set;
    size_t pos;
    uint32_t used;
} set_iter_t;

static value_t set_iter_next(value_t self) {
    set_iter_t *it = VAL_PTR(self);
    set_obj_t *so = it->set;
    if (so == NULL) {
        return VAL_STOP;
    }
    if (so->map.used != it->used) {
        it->used = (uint32_t)-1;
        raise_msg(&type_RuntimeError, "Set changed size during iteration");
    }
    map_entry_t *e = set_next(so, &it->pos);
    if (e == NULL) {
        it->set = NULL;
        return VAL_STOP;
    }
    return e->key;
}

const type_t type_set_iterator = {
    {&type_type},
    .name = Q_set_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = set_iter_next,
};

static value_t set_getiter(value_t self) {
    set_iter_t *it = gc_alloc(sizeof(set_iter_t), 0);
    it->base.type = &type_set_iterator;
    it->set = as_set(self);
    it->used = it->set->map.used;
    return PTR_VAL(it);
}

// ---- methods ---------------------------------------------------------------------------------

static set_obj_t *mutable_set(value_t v) {
    return OBJ_TYPE_IS(v, &type_set) ? VAL_PTR(v) : obj_native(v, &type_set);
}

static value_t set_add_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = mutable_set(args[0]);
    set_add_entry(so, args[1], set_hash(args[1]));
    return VAL_NONE;
}
static BUILTIN_FN(set_add_obj, Q_add, 2, 2, false, set_add_fn);

static value_t set_remove_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hash_t h;
    value_t k = lookup_key(args[1], &h);
    if (!set_discard_entry(mutable_set(args[0]), k, h)) {
        raise_obj(exc_new(&type_KeyError, 1, &args[1]));
    }
    return VAL_NONE;
}
static BUILTIN_FN(set_remove_obj, Q_remove, 2, 2, false, set_remove_fn);

static value_t set_discard_fn(size_t n_args, size_t n_kw, const value_t *args) {
    hash_t h;
    value_t k = lookup_key(args[1], &h);
    set_discard_entry(mutable_set(args[0]), k, h);
    return VAL_NONE;
}
static BUILTIN_FN(set_discard_obj, Q_discard, 2, 2, false, set_discard_fn);

static value_t set_pop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = mutable_set(args[0]);
    if (so->map.used == 0) {
        raise_obj(exc_new_msg(&type_KeyError, "pop from an empty set"));
    }
    size_t mask = so->map.alloc - 1, i = (size_t)(uintptr_t)so->map.index & mask;
    map_entry_t *t = so->map.table;
    while (t[i].key == VAL_NULL || t[i].key == DUMMY) {
        i = i + 1 > mask ? 0 : i + 1;
    }
    value_t k = t[i].key;
    t[i].key = DUMMY;
    t[i].value = SMALL(-1);
    so->map.used--;
    so->map.index = (void *)(uintptr_t)(i + 1);
    return k;
}
static BUILTIN_FN(set_pop_obj, Q_pop, 1, 1, false, set_pop_fn);

static value_t set_clear_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_clear_internal(mutable_set(args[0]));
    return VAL_NONE;
}
static BUILTIN_FN(set_clear_obj, Q_clear, 1, 1, false, set_clear_fn);

static value_t set_copy_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (OBJ_TYPE_IS(args[0], &type_frozenset)) {
        return args[0];
    }
    set_obj_t *so = as_set(args[0]);
    return set_copy_as(so->base.type, so);
}
static BUILTIN_FN(set_copy_obj, Q_copy, 1, 1, false, set_copy_fn);

static value_t set_update_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = mutable_set(args[0]);
    for (size_t i = 1; i < n_args; i++) {
        set_update_from_iter(PTR_VAL(so), args[i]);
    }
    return VAL_NONE;
}
static BUILTIN_FN(set_update_obj, Q_update, 1, ARGS_MAX, false, set_update_fn);

static value_t set_union_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = as_set(args[0]);
    value_t r = set_copy_as(result_type(args[0]), so);
    for (size_t i = 1; i < n_args; i++) {
        if (anyset_maybe(args[i]) != so) {
            set_update_from_iter(r, args[i]);
        }
    }
    return r;
}
static BUILTIN_FN(set_union_obj, Q_union, 1, ARGS_MAX, false, set_union_fn);

static value_t intersection_multi(size_t n_args, const value_t *args) {
    set_obj_t *so = as_set(args[0]);
    if (n_args == 1) {
        return set_copy_as(result_type(args[0]), so);
    }
    value_t r = PTR_VAL(so);
    for (size_t i = 1; i < n_args; i++) {
        value_t nr = set_intersection(r, args[i]);
        ((set_obj_t *)VAL_PTR(nr))->base.type = result_type(args[0]);
        r = nr;
    }
    return r;
}

static value_t set_intersection_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return intersection_multi(n_args, args);
}
static BUILTIN_FN(set_intersection_obj, Q_intersection, 1, ARGS_MAX, false, set_intersection_fn);

static value_t set_intersection_update_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = mutable_set(args[0]);
    value_t t = intersection_multi(n_args, args);
    set_swap_bodies(so, VAL_PTR(t));
    return VAL_NONE;
}
static BUILTIN_FN(set_intersection_update_obj, Q_intersection_update, 1, ARGS_MAX, false, set_intersection_update_fn);

static value_t set_difference_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = as_set(args[0]);
    if (n_args == 1) {
        return set_copy_as(result_type(args[0]), so);
    }
    value_t r = set_difference(args[0], args[1]);
    for (size_t i = 2; i < n_args; i++) {
        set_difference_update_internal(VAL_PTR(r), args[i]);
    }
    return r;
}
static BUILTIN_FN(set_difference_obj, Q_difference, 1, ARGS_MAX, false, set_difference_fn);

static value_t set_difference_update_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = mutable_set(args[0]);
    for (size_t i = 1; i < n_args; i++) {
        set_difference_update_internal(so, args[i]);
    }
    return VAL_NONE;
}
static BUILTIN_FN(set_difference_update_obj, Q_difference_update, 1, ARGS_MAX, false, set_difference_update_fn);

static value_t set_symmetric_difference_fn(size_t n_args, size_t n_kw, const value_t *args) {
    as_set(args[0]);
    return set_symmetric_difference(args[0], args[1]);
}
static BUILTIN_FN(set_symmetric_difference_obj, Q_symmetric_difference, 2, 2, false, set_symmetric_difference_fn);

static value_t set_symmetric_difference_update_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_symmetric_difference_update(mutable_set(args[0]), args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(set_symmetric_difference_update_obj, Q_symmetric_difference_update, 2, 2, false,
                  set_symmetric_difference_update_fn);

// The argument as a set: itself if it is one, else a new set of its items.
static set_obj_t *other_as_set(value_t v) {
    set_obj_t *os = anyset_maybe(v);
    if (os == NULL) {
        os = VAL_PTR(set_new(&type_set));
        set_update_from_iter(PTR_VAL(os), v);
    }
    return os;
}

static value_t set_issubset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(set_issubset_set(as_set(args[0]), other_as_set(args[1])));
}
static BUILTIN_FN(set_issubset_obj, Q_issubset, 2, 2, false, set_issubset_fn);

static value_t set_issuperset_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = as_set(args[0]), *os = anyset_maybe(args[1]);
    if (os != NULL) {
        return VAL_BOOL(set_issubset_set(os, so));
    }
    value_t it = obj_getiter(args[1]), k;
    while ((k = obj_iternext(it)) != VAL_STOP) {
        hash_t h;
        k = lookup_key(k, &h);
        if (set_lookkey(so, k, h) == NULL) {
            return VAL_FALSE;
        }
    }
    return VAL_TRUE;
}
static BUILTIN_FN(set_issuperset_obj, Q_issuperset, 2, 2, false, set_issuperset_fn);

static value_t set_isdisjoint_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = as_set(args[0]), *os = anyset_maybe(args[1]);
    if (os != NULL) {
        if (os->map.used < so->map.used) {
            set_obj_t *t = so;
            so = os;
            os = t;
        }
        size_t pos = 0;
        map_entry_t *e;
        while ((e = set_next(so, &pos)) != NULL) {
            if (set_lookkey(os, e->key, entry_hash(e)) != NULL) {
                return VAL_FALSE;
            }
        }
        return VAL_TRUE;
    }
    value_t it = obj_getiter(args[1]), k;
    while ((k = obj_iternext(it)) != VAL_STOP) {
        hash_t h;
        k = lookup_key(k, &h);
        if (set_lookkey(so, k, h) != NULL) {
            return VAL_FALSE;
        }
    }
    return VAL_TRUE;
}
static BUILTIN_FN(set_isdisjoint_obj, Q_isdisjoint, 2, 2, false, set_isdisjoint_fn);

static value_t set_contains_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(set_contains(PTR_VAL(as_set(args[0])), args[1]));
}
static BUILTIN_FN(set_contains_obj, Q___contains__, 2, 2, false, set_contains_fn);

static value_t set_len_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(as_set(args[0])->map.used);
}
static BUILTIN_FN(set_len_obj, Q___len__, 1, 1, false, set_len_fn);

static value_t set_iter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return set_getiter(PTR_VAL(as_set(args[0])));
}
static BUILTIN_FN(set_iter_obj, Q___iter__, 1, 1, false, set_iter_fn);

static value_t set_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    set_obj_t *so = as_set(args[0]);
    if (so->base.type == &type_set) {
        set_clear_internal(so);
        if (n_args > 1) {
            set_update_from_iter(PTR_VAL(so), args[1]);
        }
    }
    return VAL_NONE;
}
static BUILTIN_FN(set_init_obj, Q___init__, 1, 2, false, set_init_fn);


static const map_entry_t set_locals_table[] = {
    {QSTR(Q___contains__), PTR_VAL(&set_contains_obj)},
    {QSTR(Q___init__), PTR_VAL(&set_init_obj)},
    {QSTR(Q___iter__), PTR_VAL(&set_iter_obj)},
    {QSTR(Q___len__), PTR_VAL(&set_len_obj)},
    {QSTR(Q_add), PTR_VAL(&set_add_obj)},
    {QSTR(Q_clear), PTR_VAL(&set_clear_obj)},
    {QSTR(Q_copy), PTR_VAL(&set_copy_obj)},
    {QSTR(Q_difference), PTR_VAL(&set_difference_obj)},
    {QSTR(Q_difference_update), PTR_VAL(&set_difference_update_obj)},
    {QSTR(Q_discard), PTR_VAL(&set_discard_obj)},
    {QSTR(Q_intersection), PTR_VAL(&set_intersection_obj)},
    {QSTR(Q_intersection_update), PTR_VAL(&set_intersection_update_obj)},
    {QSTR(Q_isdisjoint), PTR_VAL(&set_isdisjoint_obj)},
    {QSTR(Q_issubset), PTR_VAL(&set_issubset_obj)},
    {QSTR(Q_issuperset), PTR_VAL(&set_issuperset_obj)},
    {QSTR(Q_pop), PTR_VAL(&set_pop_obj)},
    {QSTR(Q_remove), PTR_VAL(&set_remove_obj)},
    {QSTR(Q_symmetric_difference), PTR_VAL(&set_symmetric_difference_obj)},
    {QSTR(Q_symmetric_difference_update), PTR_VAL(&set_symmetric_difference_update_obj)},
    {QSTR(Q_union), PTR_VAL(&set_union_obj)},
    {QSTR(Q_update), PTR_VAL(&set_update_obj)},
};
static const map_t set_locals = MAP_ROM(set_locals_table);

static const map_entry_t frozenset_locals_table[] = {
    {QSTR(Q___contains__), PTR_VAL(&set_contains_obj)},
    {QSTR(Q___iter__), PTR_VAL(&set_iter_obj)},
    {QSTR(Q___len__), PTR_VAL(&set_len_obj)},
    {QSTR(Q_copy), PTR_VAL(&set_copy_obj)},
    {QSTR(Q_difference), PTR_VAL(&set_difference_obj)},
    {QSTR(Q_intersection), PTR_VAL(&set_intersection_obj)},
    {QSTR(Q_isdisjoint), PTR_VAL(&set_isdisjoint_obj)},
    {QSTR(Q_issubset), PTR_VAL(&set_issubset_obj)},
    {QSTR(Q_issuperset), PTR_VAL(&set_issuperset_obj)},
    {QSTR(Q_symmetric_difference), PTR_VAL(&set_symmetric_difference_obj)},
    {QSTR(Q_union), PTR_VAL(&set_union_obj)},
};
static const map_t frozenset_locals = MAP_ROM(frozenset_locals_table);

const type_t type_set = {
    {&type_type},
    .name = Q_set,
    .flags = TYPE_FLAG_BASETYPE,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals = &set_locals,
};

const type_t type_frozenset = {
    {&type_type},
    .name = Q_frozenset,
    .flags = TYPE_FLAG_BASETYPE,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals = &frozenset_locals,
};
