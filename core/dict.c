// SPDX-License-Identifier: MIT
// dict.c: the map_t hash table and the dict type built on it.
//
// A map keeps its entries in an array in insertion order (which is the
// iteration order of a dict); a removed entry keeps its place with key
// VAL_NULL until the array is next resized, when live entries are compacted.
// Small maps (at most LINEAR_MAX slots: most instance and class namespaces)
// have no index and are searched linearly, comparing keys as words first,
// which is all a lookup of an interned name needs. Larger maps get a hash
// index beside the array: an open-addressing table of entry numbers, one,
// two or four bytes per slot depending on its size, probed as CPython does.
// The index stores no hashes: a probe compares keys as words and calls
// obj_equal only when one of the two keys is an object.
//
// Fixed maps are const tables (type methods, builtin module globals) with
// qstr keys; they refuse writes, and are searched by bisection when their
// keys are in order (write them sorted by Q_ name), else linearly.
//
// The second half of the file is the dict type: methods, views
// (dict_keys, dict_values, dict_items) and their iterators.

#include <string.h>

#include "obj.h"

// Small ints below this hash to themselves (obj_hash reduces bigger ones
// modulo 2**61 - 1 on 64-bit hosts, as CPython).
#define HASH_SMALL_LIMIT \
    (sizeof(smallint_t) > 4 ? (smallint_t)1 << (sizeof(smallint_t) * 8 - 4) : (smallint_t)SMALL_MAX)
#include "type.h"

#define LINEAR_MAX 8

// ---- the hash index ---------------------------------------------------------

typedef struct map_index {
    uint32_t mask;    // number of slots - 1 (a power of two minus one)
    uint32_t fill;    // slots not empty: live entries and tombstones
} map_index_t;

// Slot values: 0 empty, TOMB a removed entry, else entry number + 1.
#define SLOTS(ix) ((void *)((ix) + 1))

static inline uint32_t slot_get(const map_index_t *ix, uint32_t i) {
    if (ix->mask <= 0xff) {
        return ((const uint8_t *)SLOTS(ix))[i];
    } else if (ix->mask <= 0xffff) {
        return ((const uint16_t *)SLOTS(ix))[i];
    }
    return ((const uint32_t *)SLOTS(ix))[i];
}

static inline void slot_set(map_index_t *ix, uint32_t i, uint32_t v) {
    if (ix->mask <= 0xff) {
        ((uint8_t *)SLOTS(ix))[i] = (uint8_t)v;
    } else if (ix->mask <= 0xffff) {
        ((uint16_t *)SLOTS(ix))[i] = (uint16_t)v;
    } else {
        ((uint32_t *)SLOTS(ix))[i] = v;
    }
}

static inline uint32_t slot_tomb(const map_index_t *ix) {
    return ix->mask <= 0xff ? 0xffu : ix->mask <= 0xffff ? 0xffffu : 0xffffffffu;
}

static inline uint32_t key_hash(value_t key) {
    if (VAL_IS_SMALL(key)) {
        smallint_t i = SMALL_VALUE(key);    // as obj_hash
        if (i > -HASH_SMALL_LIMIT && i < HASH_SMALL_LIMIT) {
            return (uint32_t)(i == -1 ? -2 : i);
        }
    }
    if (VAL_IS_QSTR(key)) {
        return qstr_hash(QSTR_INDEX(key));
    }
    return obj_hash(key);
}

// Equality of two keys that are not the same word. Two immediates are equal
// only as a bool and the int of the same value (True == 1).
static inline bool keys_equal(value_t a, value_t b) {
    if (VAL_IS_OBJ(a) || VAL_IS_OBJ(b)) {
        if (OBJ_TYPE_IS(a, &type_str) && OBJ_TYPE_IS(b, &type_str)) {
            // two strs: their cached hashes differ on most probes
            const str_obj_t *sa = VAL_PTR(a), *sb = VAL_PTR(b);
            if (sa->hash != 0 && sb->hash != 0 && sa->hash != sb->hash) {
                return false;
            }
            return sa->len == sb->len && memcmp(sa->data, sb->data, sa->len) == 0;
        }
        return obj_equal(a, b);
    }
    if (VAL_IS_BOOL(a)) {
        return b == SMALL(a == VAL_TRUE);
    }
    if (VAL_IS_BOOL(b)) {
        return a == SMALL(b == VAL_TRUE);
    }
    return false;
}

static void index_insert(map_index_t *ix, uint32_t hash, uint32_t entry) {
    uint32_t mask = ix->mask, i = hash & mask, perturb = hash;
    while (slot_get(ix, i) != 0) {
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
    slot_set(ix, i, entry + 1);
    ix->fill++;
}

// Rebuilds the index for the current table (none for small maps).
static void index_build(map_t *map) {
    if (map->index != NULL) {
        gc_free(map->index);
        map->index = NULL;
    }
    if (map->alloc <= LINEAR_MAX) {
        return;
    }
    uint32_t need = map->alloc + map->alloc / 2, slots = 16;
    while (slots < need) {
        slots <<= 1;
    }
    size_t width = slots <= 0x100 ? 1 : slots <= 0x10000 ? 2 : 4;
    map_index_t *ix = gc_alloc(sizeof(map_index_t) + slots * width, GC_LEAF);
    ix->mask = slots - 1;
    for (uint32_t i = 0; i < map->filled; i++) {
        value_t k = map->table[i].key;
        if (k != VAL_NULL) {
            index_insert(ix, key_hash(k), i);
        }
    }
    map->index = ix;
}

// ---- map operations ------------------------------------------------------------

void map_init(map_t *map, size_t capacity) {
    map->used = map->filled = 0;
    map->alloc = (uint32_t)capacity;
    map->is_fixed = 0;
    map->table = capacity ? gc_alloc(capacity * sizeof(map_entry_t), 0) : NULL;
    map->index = NULL;
    index_build(map);
}

void map_clear(map_t *map) {
    if (map->is_fixed) {
        raise_msg(&type_TypeError, "cannot modify a read-only mapping");
    }
    map->used = map->filled = map->alloc = 0;
    map->table = NULL;
    map->index = NULL;
}

// Makes room for at least one more entry, compacting removed entries.
static void map_grow(map_t *map) {
    // The index is rebuilt anyway: freed first, it leaves its room (often
    // just after the table) for the table to grow into in place.
    if (map->index != NULL) {
        gc_free(map->index);
        map->index = NULL;
    }
    uint32_t used = map->used;
    uint32_t new_alloc = used < 4 ? 4 : used + used / 2 + 2;
    if (used == map->filled) {
        if (new_alloc < map->alloc + 4) {
            new_alloc = map->alloc + 4;
        }
        map->table = gc_realloc(map->table, new_alloc * sizeof(map_entry_t));
        memset(map->table + map->alloc, 0, (new_alloc - map->alloc) * sizeof(map_entry_t));
    } else {
        // live entries are fewer: compact them into a new array
        map_entry_t *t = gc_alloc(new_alloc * sizeof(map_entry_t), 0), *old = map->table;
        uint32_t n = 0;
        for (uint32_t i = 0; i < map->filled; i++) {
            if (old[i].key != VAL_NULL) {
                t[n++] = old[i];
            }
        }
        map->table = t;
        map->filled = n;
    }
    map->alloc = new_alloc;
    index_build(map);
}

static map_entry_t removed_entry;

static map_entry_t *remove_entry(map_t *map, map_entry_t *e) {
    removed_entry = *e;
    e->key = VAL_NULL;
    e->value = VAL_NULL;
    map->used--;
    // drop removed entries at the end so that popitem stays O(1)
    while (map->filled > 0 && map->table[map->filled - 1].key == VAL_NULL) {
        map->filled--;
    }
    return &removed_entry;
}

static map_entry_t *append_entry(map_t *map, value_t key, uint32_t hash, bool have_hash) {
    if (map->filled >= map->alloc) {
        map_grow(map);
    }
    uint32_t i = map->filled++;
    map_entry_t *e = &map->table[i];
    e->key = key;
    e->value = VAL_NULL;
    map->used++;
    map_index_t *ix = map->index;
    if (ix != NULL) {
        if ((ix->fill + 1) * 8 > (ix->mask + 1) * 7) {
            index_build(map);   // too many tombstones: includes the new entry
        } else {
            index_insert(ix, have_hash ? hash : key_hash(key), i);
        }
    }
    return e;
}

static map_entry_t *lookup_linear(map_t *map, value_t key, map_op_t op) {
    map_entry_t *t = map->table;
    uint32_t n = map->filled;
    uint32_t hash = 0;
    bool have_hash = false;
    for (uint32_t i = 0; i < n; i++) {
        if (t[i].key == key) {
            return op == MAP_REMOVE ? remove_entry(map, &t[i]) : &t[i];
        }
    }
    if (VAL_IS_OBJ(key)) {
        hash = obj_hash(key);   // raises for unhashable keys
        have_hash = true;
    }
    for (uint32_t i = 0; i < n; i++) {
        value_t k = t[i].key;
        if (k != VAL_NULL && k != key && keys_equal(k, key)) {
            t = map->table;    // __eq__ may have changed the map
            if (i >= map->filled || t[i].key != k) {
                break;
            }
            return op == MAP_REMOVE ? remove_entry(map, &t[i]) : &t[i];
        }
    }
    if (op == MAP_ADD_IF_MISSING) {
        return append_entry(map, key, hash, have_hash);
    }
    return NULL;
}

// Fixed maps whose keys are in increasing order (tables written in the
// order of their Q_ names) are searched by bisection, others linearly. The
// answer for each table is remembered in a small cache.
#define SORTED_CACHE 16
static uintptr_t sorted_cache[SORTED_CACHE];   // map address | 1 if sorted

static bool fixed_is_sorted(const map_t *map) {
    unsigned h = (unsigned)((uintptr_t)map >> 4) % SORTED_CACHE;
    if ((sorted_cache[h] & ~(uintptr_t)1) == (uintptr_t)map) {
        return sorted_cache[h] & 1;
    }
    bool sorted = true;
    for (uint32_t i = 1; i < map->used && sorted; i++) {
        sorted = map->table[i - 1].key < map->table[i].key;
    }
    sorted_cache[h] = (uintptr_t)map | sorted;
    return sorted;
}

// Read-only tables never change, so a lookup's answer (found or not) can
// be remembered: method lookups on builtin types and builtins that are not
// globals hit this small direct-mapped cache.
#if ESPY_LOOKUP_CACHE > 0
static struct {
    const map_t *map;
    value_t key;
    map_entry_t *entry;
} fixed_cache[ESPY_LOOKUP_CACHE];
#endif

static map_entry_t *fixed_find_qstr_uncached(const map_t *map, value_t key);

static map_entry_t *fixed_find_qstr(const map_t *map, value_t key) {
#if ESPY_LOOKUP_CACHE > 0
    if (!gc_is_heap_ptr(map)) {
        size_t h = (((uintptr_t)map >> 3) ^ (key >> 3) ^ (key >> 9)) & (ESPY_LOOKUP_CACHE - 1);
        if (fixed_cache[h].map == map && fixed_cache[h].key == key) {
            return fixed_cache[h].entry;
        }
        map_entry_t *e = fixed_find_qstr_uncached(map, key);
        fixed_cache[h].map = map;
        fixed_cache[h].key = key;
        fixed_cache[h].entry = e;
        return e;
    }
#endif
    return fixed_find_qstr_uncached(map, key);
}

static map_entry_t *fixed_find_qstr_uncached(const map_t *map, value_t key) {
    const map_entry_t *t = map->table;
    uint32_t n = map->used;
    if (n > 8 && !gc_is_heap_ptr(map) && fixed_is_sorted(map)) {
        uint32_t lo = 0, hi = n;
        while (lo < hi) {
            uint32_t mid = (lo + hi) / 2;
            value_t k = t[mid].key;
            if (k == key) {
                return (map_entry_t *)&t[mid];
            }
            if (k < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++) {
        if (t[i].key == key) {
            return (map_entry_t *)&t[i];
        }
    }
    return NULL;
}

static map_entry_t *lookup_fixed(const map_t *map, value_t key) {
    // Small ints compare as words too (errno.errorcode's keys).
    if (VAL_IS_QSTR(key) || VAL_IS_SMALL(key)) {
        return fixed_find_qstr(map, key);
    }
    size_t len;
    const char *s = str_data(key, &len);
    if (s != NULL) {
        qstr_t q = qstr_find_strn(s, len);
        return q == Q_NULL ? NULL : fixed_find_qstr(map, QSTR(q));
    }
    return NULL;
}

map_entry_t *map_lookup(map_t *map, value_t key, map_op_t op) {
    if (map->is_fixed) {
        if (op != MAP_LOOKUP) {
            raise_msg(&type_TypeError, "cannot modify a read-only mapping");
        }
        return lookup_fixed(map, key);
    }
    map_index_t *ix = map->index;
    if (ix == NULL) {
        return lookup_linear(map, key, op);
    }
    uint32_t hash = key_hash(key);
    uint32_t mask = ix->mask, i = hash & mask, perturb = hash, tomb = slot_tomb(ix);
    uint32_t free_slot = 0xffffffffu;
    map_entry_t *t = map->table;
    for (;;) {
        uint32_t s = slot_get(ix, i);
        if (s == 0) {
            break;
        }
        if (s == tomb) {
            if (free_slot == 0xffffffffu) {
                free_slot = i;
            }
        } else {
            value_t k = t[s - 1].key;
            if (k == key || keys_equal(k, key)) {
                if (map->index != ix || map->table != t) {
                    // __eq__ changed the map under us: start again
                    return map_lookup(map, key, op);
                }
                if (op == MAP_REMOVE) {
                    slot_set(ix, i, tomb);
                    return remove_entry(map, &t[s - 1]);
                }
                return &t[s - 1];
            }
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
    if (op != MAP_ADD_IF_MISSING) {
        return NULL;
    }
    if (free_slot == 0xffffffffu || map->filled >= map->alloc || map->index != ix) {
        return append_entry(map, key, hash, true);
    }
    // reuse the tombstone met on the way
    uint32_t n = map->filled++;
    map_entry_t *e = &map->table[n];
    e->key = key;
    e->value = VAL_NULL;
    map->used++;
    slot_set(ix, free_slot, n + 1);
    return e;
}

value_t map_get(const map_t *map, value_t key) {
    map_entry_t *e = map_lookup((map_t *)map, key, MAP_LOOKUP);
    return e ? e->value : VAL_NULL;
}

value_t map_get_qstr(const map_t *map, qstr_t name) {
    value_t key = QSTR(name);
    if (map->is_fixed) {
        map_entry_t *e = fixed_find_qstr(map, key);
        return e ? e->value : VAL_NULL;
    }
    if (map->index == NULL) {
        // the usual case (namespaces): a word compare per entry
        const map_entry_t *t = map->table;
        uint32_t n = map->filled;
        for (uint32_t i = 0; i < n; i++) {
            if (t[i].key == key) {
                return t[i].value;
            }
        }
        for (uint32_t i = 0; i < n; i++) {
            if (VAL_IS_OBJ(t[i].key) && obj_equal(t[i].key, key)) {
                return t[i].value;
            }
        }
        return VAL_NULL;
    }
    return map_get((map_t *)map, key);
}

void map_store(map_t *map, value_t key, value_t value) {
    map_lookup(map, key, MAP_ADD_IF_MISSING)->value = value;
}

map_entry_t *map_next(const map_t *map, size_t *pos) {
    size_t n = map->is_fixed ? map->used : map->filled;
    for (size_t i = *pos; i < n; i++) {
        if (map->table[i].key != VAL_NULL) {
            *pos = i + 1;
            return &map->table[i];
        }
    }
    *pos = n;
    return NULL;
}

// ---- dict ------------------------------------------------------------------------

value_t dict_new(size_t capacity) {
    dict_obj_t *d = gc_alloc(sizeof(dict_obj_t), 0);
    d->base.type = &type_dict;
    map_init(&d->map, capacity);
    return PTR_VAL(d);
}

static inline dict_obj_t *as_dict(value_t v) {
    if (OBJ_TYPE_IS(v, &type_dict)) {
        return VAL_PTR(v);
    }
    return obj_native(v, &type_dict);
}

map_t *dict_map(value_t dict) {
    return &as_dict(dict)->map;
}

value_t dict_get(value_t dict, value_t key) {
    return map_get(&as_dict(dict)->map, key);
}

void dict_store(value_t dict, value_t key, value_t value) {
    map_store(&as_dict(dict)->map, key, value);
}

_Noreturn static void raise_key_error(value_t key) {
    raise_obj(exc_new(&type_KeyError, 1, &key));
}

// Copies the entries of a map into another (for copy and |).
static void map_copy_into(map_t *dst, const map_t *src) {
    size_t pos = 0;
    map_entry_t *e;
    while ((e = map_next(src, &pos)) != NULL) {
        map_store(dst, e->key, e->value);
    }
}

static value_t dict_copy_value(const dict_obj_t *src) {
    dict_obj_t *d = VAL_PTR(dict_new(0));
    const map_t *s = &src->map;
    if (s->used == s->filled && !s->is_fixed) {
        // no holes: copy the arrays as they are
        d->map.alloc = s->used;
        d->map.used = d->map.filled = s->used;
        if (s->used) {
            d->map.table = gc_alloc(s->used * sizeof(map_entry_t), 0);
            memcpy(d->map.table, s->table, s->used * sizeof(map_entry_t));
        }
        index_build(&d->map);
    } else {
        map_copy_into(&d->map, s);
    }
    return PTR_VAL(d);
}

// dict.update / dict(...) from one positional argument: a dict, a mapping
// (has keys()), or an iterable of pairs.
static void dict_update_from(map_t *map, value_t arg) {
    if (OBJ_TYPE_IS(arg, &type_dict)) {
        map_t *src = &((dict_obj_t *)VAL_PTR(arg))->map;
        for (size_t i = 0; i < src->filled; i++) {
            map_entry_t e = src->table[i];
            if (e.key != VAL_NULL) {
                map_store(map, e.key, e.value);
            }
        }
        return;
    }
    value_t dest[2];
    if (obj_load_method_maybe(arg, Q_keys, dest)) {
        value_t keys = call_function(dest[0], dest[1] != VAL_NULL, 0, dest[1] != VAL_NULL ? &dest[1] : NULL);
        value_t it = obj_getiter(keys), k;
        while ((k = obj_iternext(it)) != VAL_STOP) {
            map_store(map, k, obj_subscr(arg, k, VAL_SENTINEL));
        }
        return;
    }
    value_t it = obj_getiter(arg), item;
    size_t n = 0;
    while ((item = obj_iternext(it)) != VAL_STOP) {
        size_t len;
        value_t *items = seq_items(item, &len);
        value_t pair[2];
        if (items == NULL) {
            value_t sub;
            const type_t *t = value_type(item);
            if (t->getiter == NULL && (t->flags & TYPE_FLAG_HEAP) == 0) {
                raise_fmt(&type_TypeError,
                          "cannot convert dictionary update sequence element #%zu to a sequence", n);
            }
            value_t sit = obj_getiter(item);
            len = 0;
            while ((sub = obj_iternext(sit)) != VAL_STOP) {
                if (len < 2) {
                    pair[len] = sub;
                }
                len++;
            }
            items = pair;
        }
        if (len != 2) {
            raise_fmt(&type_ValueError,
                      "dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
        }
        map_store(map, items[0], items[1]);
        n++;
    }
}

static void dict_update_args(map_t *map, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0) {
        dict_update_from(map, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        map_store(map, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
}

static value_t dict_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "dict expected at most 1 argument, got %zu", n_args);
    }
    value_t d = dict_new(n_kw);
    dict_update_args(dict_map(d), n_args, n_kw, args);
    return d;
}

static value_t dict_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 2) {
        raise_fmt(&type_TypeError, "dict expected at most 1 argument, got %zu", n_args - 1);
    }
    dict_update_args(dict_map(args[0]), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}

// The print stack guards reprs against containers that contain themselves.
void dict_print_map(const print_t *p, const map_t *map, bool keys_only) {
    bool first = true;
    for (size_t i = 0; i < map->filled; i++) {
        map_entry_t e = map->table[i];
        if (e.key == VAL_NULL) {
            continue;
        }
        if (!first) {
            print_strn(p, ", ", 2);
        }
        first = false;
        obj_print(p, e.key, PRINT_REPR);
        if (!keys_only) {
            print_strn(p, ": ", 2);
            obj_print(p, e.value, PRINT_REPR);
        }
    }
}

static void dict_print(const print_t *p, value_t self, print_kind_t kind) {
    dict_obj_t *d = VAL_PTR(self);
    if (d->map.used == 0) {
        print_strn(p, "{}", 2);
        return;
    }
    if (!repr_enter(self)) {
        print_strn(p, "{...}", 5);
        return;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        print_strn(p, "{", 1);
        dict_print_map(p, &d->map, false);
        print_strn(p, "}", 1);
        nlr_pop();
        repr_leave(self);
    } else {
        repr_leave(self);
        nlr_raise(nlr.value);
    }
}

static bool dict_equal(dict_obj_t *a, dict_obj_t *b) {
    if (a == b) {
        return true;
    }
    if (a->map.used != b->map.used) {
        return false;
    }
    for (size_t i = 0; i < a->map.filled; i++) {
        map_entry_t e = a->map.table[i];
        if (e.key == VAL_NULL) {
            continue;
        }
        value_t v = map_get(&b->map, e.key);
        if (v == VAL_NULL || (v != e.value && !obj_equal(e.value, v))) {
            return false;
        }
        if (i >= a->map.filled) {
            break;
        }
    }
    return true;
}

static value_t dict_unary_op(unop_t op, value_t self) {
    dict_obj_t *d = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(d->map.used != 0);
        case UNOP_LEN:
            return SMALL(d->map.used);
        case UNOP_HASH:
            raise_fmt(&type_TypeError, "unhashable type: '%T'", self);
        default:
            return VAL_NULL;
    }
}

static value_t dict_binary_op(binop_t op, value_t lhs, value_t rhs) {
    dict_obj_t *d = VAL_PTR(lhs);
    switch (op) {
        case BINOP_CONTAINS:
            return VAL_BOOL(map_lookup(&d->map, rhs, MAP_LOOKUP) != NULL);
        case BINOP_EQ:
        case BINOP_NE: {
            dict_obj_t *o = obj_native_maybe(rhs, &type_dict);
            if (o == NULL) {
                return VAL_NULL;
            }
            return VAL_BOOL(dict_equal(d, o) == (op == BINOP_EQ));
        }
        case BINOP_OR: {
            dict_obj_t *o = obj_native_maybe(rhs, &type_dict);
            if (o == NULL) {
                return VAL_NULL;
            }
            value_t r = dict_copy_value(d);
            map_copy_into(dict_map(r), &o->map);
            return r;
        }
        case BINOP_REFLECTED_OR: {
            // rhs | lhs where lhs is the dict (self on the right)
            dict_obj_t *o = obj_native_maybe(rhs, &type_dict);
            if (o == NULL) {
                return VAL_NULL;
            }
            value_t r = dict_copy_value(o);
            map_copy_into(dict_map(r), &d->map);
            return r;
        }
        case BINOP_INPLACE_OR:
            dict_update_from(&d->map, rhs);
            return lhs;
        default:
            return VAL_NULL;
    }
}

// self is a dict, or an instance of a subclass (when called as a method),
// whose __missing__ is called for absent keys.
static value_t dict_subscr(value_t self, value_t index, value_t value) {
    dict_obj_t *d = as_dict(self);
    if (value == VAL_SENTINEL) {
        map_entry_t *e = map_lookup(&d->map, index, MAP_LOOKUP);
        if (e == NULL) {
            value_t dest[2];
            if (PTR_VAL(d) != self && obj_load_method_maybe(self, Q___missing__, dest)) {
                value_t a[2] = {dest[1], index};
                return dest[1] != VAL_NULL ? call_function(dest[0], 2, 0, a) : call_function_1(dest[0], index);
            }
            raise_key_error(index);
        }
        return e->value;
    }
    if (value == VAL_NULL) {
        if (map_lookup(&d->map, index, MAP_REMOVE) == NULL) {
            raise_key_error(index);
        }
        return VAL_NONE;
    }
    map_store(&d->map, index, value);
    return VAL_NONE;
}

// ---- iterators and views ----------------------------------------------------------

typedef enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS } view_kind_t;

typedef struct dict_iter {
    obj_t base;
    dict_obj_t *dict;
    uint32_t pos;        // next entry (forward) or entries left (reverse)
    uint32_t used;       // the dict's size when iteration began
} dict_iter_t;

extern const type_t type_dict_keyiterator, type_dict_valueiterator, type_dict_itemiterator,
    type_dict_reversekeyiterator, type_dict_reversevalueiterator, type_dict_reverseitemiterator,
    type_dict_keys, type_dict_values, type_dict_items;

static const type_t *const iter_types[2][3] = {
    {&type_dict_keyiterator, &type_dict_valueiterator, &type_dict_itemiterator},
    {&type_dict_reversekeyiterator, &type_dict_reversevalueiterator, &type_dict_reverseitemiterator},
};

static value_t dict_iter_new(dict_obj_t *d, view_kind_t kind, bool reverse) {
    dict_iter_t *it = gc_alloc(sizeof(dict_iter_t), 0);
    it->base.type = iter_types[reverse][kind];
    it->dict = d;
    it->pos = reverse ? d->map.filled : 0;
    it->used = d->map.used;
    return PTR_VAL(it);
}

static inline value_t iter_result(map_entry_t *e, view_kind_t kind) {
    if (kind == KIND_KEYS) {
        return e->key;
    } else if (kind == KIND_VALUES) {
        return e->value;
    }
    return tuple_new(2, &e->key);
}

static value_t dict_iter_next(value_t self, view_kind_t kind) {
    dict_iter_t *it = VAL_PTR(self);
    dict_obj_t *d = it->dict;
    if (d == NULL) {
        return VAL_STOP;
    }
    if (d->map.used != it->used) {
        it->used = (uint32_t)-1;
        raise_msg(&type_RuntimeError, "dictionary changed size during iteration");
    }
    map_entry_t *t = d->map.table;
    while (it->pos < d->map.filled) {
        map_entry_t *e = &t[it->pos++];
        if (e->key != VAL_NULL) {
            return iter_result(e, kind);
        }
    }
    it->dict = NULL;
    return VAL_STOP;
}

static value_t dict_reviter_next(value_t self, view_kind_t kind) {
    dict_iter_t *it = VAL_PTR(self);
    dict_obj_t *d = it->dict;
    if (d == NULL) {
        return VAL_STOP;
    }
    if (d->map.used != it->used) {
        it->used = (uint32_t)-1;
        raise_msg(&type_RuntimeError, "dictionary changed size during iteration");
    }
    if (it->pos > d->map.filled) {
        it->pos = d->map.filled;
    }
    while (it->pos > 0) {
        map_entry_t *e = &d->map.table[--it->pos];
        if (e->key != VAL_NULL) {
            return iter_result(e, kind);
        }
    }
    it->dict = NULL;
    return VAL_STOP;
}

static value_t keyiter_next(value_t self) { return dict_iter_next(self, KIND_KEYS); }
static value_t valueiter_next(value_t self) { return dict_iter_next(self, KIND_VALUES); }
static value_t itemiter_next(value_t self) { return dict_iter_next(self, KIND_ITEMS); }
static value_t rkeyiter_next(value_t self) { return dict_reviter_next(self, KIND_KEYS); }
static value_t rvalueiter_next(value_t self) { return dict_reviter_next(self, KIND_VALUES); }
static value_t ritemiter_next(value_t self) { return dict_reviter_next(self, KIND_ITEMS); }

#define DICT_ITER_TYPE(cname, qname, next_fn) \
    const type_t cname = {{&type_type}, .name = qname, .flags = TYPE_FLAG_ITER_IS_SELF, \
                          .getiter = iter_self, .iternext = next_fn}

DICT_ITER_TYPE(type_dict_keyiterator, Q_dict_keyiterator, keyiter_next);
DICT_ITER_TYPE(type_dict_valueiterator, Q_dict_valueiterator, valueiter_next);
DICT_ITER_TYPE(type_dict_itemiterator, Q_dict_itemiterator, itemiter_next);
DICT_ITER_TYPE(type_dict_reversekeyiterator, Q_dict_reversekeyiterator, rkeyiter_next);
DICT_ITER_TYPE(type_dict_reversevalueiterator, Q_dict_reversevalueiterator, rvalueiter_next);
DICT_ITER_TYPE(type_dict_reverseitemiterator, Q_dict_reverseitemiterator, ritemiter_next);

static value_t dict_getiter(value_t self) {
    return dict_iter_new(VAL_PTR(self), KIND_KEYS, false);
}

typedef struct dict_view {
    obj_t base;
    dict_obj_t *dict;
} dict_view_t;

static view_kind_t view_kind(value_t v) {
    const type_t *t = OBJ(v)->type;
    return t == &type_dict_keys ? KIND_KEYS : t == &type_dict_values ? KIND_VALUES : KIND_ITEMS;
}

static value_t view_new(value_t self, const type_t *type) {
    dict_view_t *v = gc_alloc(sizeof(dict_view_t), 0);
    v->base.type = type;
    v->dict = as_dict(self);
    return PTR_VAL(v);
}

static value_t view_getiter(value_t self) {
    dict_view_t *v = VAL_PTR(self);
    return dict_iter_new(v->dict, view_kind(self), false);
}

static void view_print_items(const print_t *p, value_t self) {
    dict_view_t *v = VAL_PTR(self);
    view_kind_t k = view_kind(self);
    bool first = true;
    for (size_t i = 0; i < v->dict->map.filled; i++) {
        map_entry_t *e = &v->dict->map.table[i];
        if (e->key == VAL_NULL) {
            continue;
        }
        if (!first) {
            print_strn(p, ", ", 2);
        }
        first = false;
        if (k == KIND_ITEMS) {
            print_strn(p, "(", 1);
            obj_print(p, e->key, PRINT_REPR);
            print_strn(p, ", ", 2);
            obj_print(p, e->value, PRINT_REPR);
            print_strn(p, ")", 1);
        } else {
            obj_print(p, k == KIND_KEYS ? e->key : e->value, PRINT_REPR);
        }
    }
}

static void view_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "%q([", (qstr_t)OBJ(self)->type->name);
    if (!repr_enter(self)) {
        print_strn(p, "...", 3);
    } else {
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            view_print_items(p, self);
            nlr_pop();
            repr_leave(self);
        } else {
            repr_leave(self);
            nlr_raise(nlr.value);
        }
    }
    print_strn(p, "])", 2);
}

static bool view_contains(value_t self, value_t item) {
    dict_view_t *v = VAL_PTR(self);
    switch (view_kind(self)) {
        case KIND_KEYS:
            return map_lookup(&v->dict->map, item, MAP_LOOKUP) != NULL;
        case KIND_ITEMS: {
            size_t len;
            value_t *kv = OBJ_TYPE_IS(item, &type_tuple) ? seq_items(item, &len) : NULL;
            if (kv == NULL || len != 2) {
                return false;
            }
            value_t val = map_get(&v->dict->map, kv[0]);
            return val != VAL_NULL && (val == kv[1] || obj_equal(val, kv[1]));
        }
        default:
            for (size_t i = 0; i < v->dict->map.filled; i++) {
                value_t x = v->dict->map.table[i].value;
                if (v->dict->map.table[i].key != VAL_NULL && (x == item || obj_equal(x, item))) {
                    return true;
                }
            }
            return false;
    }
}

static value_t view_unary_op(unop_t op, value_t self) {
    dict_view_t *v = VAL_PTR(self);
    switch (op) {
        case UNOP_BOOL:
            return VAL_BOOL(v->dict->map.used != 0);
        case UNOP_LEN:
            return SMALL(v->dict->map.used);
        default:
            return VAL_NULL;
    }
}

// keys() and items() behave as sets in operators: the result is a set.
static value_t view_as_set(value_t v) {
    if (OBJ_TYPE_IS(v, &type_set) || OBJ_TYPE_IS(v, &type_frozenset)) {
        return v;
    }
    value_t s = set_new(&type_set);
    set_update_from_iter(s, v);
    return s;
}

static value_t view_binary_op(binop_t op, value_t lhs, value_t rhs) {
    if (op == BINOP_CONTAINS) {
        return VAL_BOOL(view_contains(lhs, rhs));
    }
    view_kind_t kind = view_kind(lhs);
    if (kind == KIND_VALUES) {
        return VAL_NULL;
    }
    bool rhs_is_setlike = OBJ_TYPE_IS(rhs, &type_set) || OBJ_TYPE_IS(rhs, &type_frozenset) ||
                          OBJ_TYPE_IS(rhs, &type_dict_keys) || OBJ_TYPE_IS(rhs, &type_dict_items);
    switch (op) {
        case BINOP_AND:
        case BINOP_OR:
        case BINOP_SUB:
        case BINOP_XOR: {
            value_t s = set_new(&type_set);
            set_update_from_iter(s, lhs);
            return set_inplace_op(op, s, rhs);
        }
        case BINOP_REFLECTED_AND:
        case BINOP_REFLECTED_OR:
        case BINOP_REFLECTED_SUB:
        case BINOP_REFLECTED_XOR: {
            // rhs OP lhs, rhs any iterable
            value_t s = set_new(&type_set);
            set_update_from_iter(s, rhs);
            return set_inplace_op(BINOP_BASE(op), s, lhs);
        }
        case BINOP_EQ:
        case BINOP_NE:
        case BINOP_LT:
        case BINOP_LE:
        case BINOP_GT:
        case BINOP_GE:
            if (!rhs_is_setlike) {
                return VAL_NULL;
            }
            return binary_op(op, view_as_set(lhs), view_as_set(rhs));
        default:
            return VAL_NULL;
    }
}

static value_t view_reversed_fn(size_t n_args, size_t n_kw, const value_t *args) {
    dict_view_t *v = VAL_PTR(args[0]);
    return dict_iter_new(v->dict, view_kind(args[0]), true);
}
static BUILTIN_FN(view_reversed_obj, Q___reversed__, 1, 1, false, view_reversed_fn);

static value_t view_isdisjoint_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t it = obj_getiter(args[1]), x;
    while ((x = obj_iternext(it)) != VAL_STOP) {
        if (view_contains(args[0], x)) {
            return VAL_FALSE;
        }
    }
    return VAL_TRUE;
}
static BUILTIN_FN(view_isdisjoint_obj, Q_isdisjoint, 2, 2, false, view_isdisjoint_fn);

static const map_entry_t view_locals_table[] = {
    {QSTR(Q___reversed__), PTR_VAL(&view_reversed_obj)},
    {QSTR(Q_isdisjoint), PTR_VAL(&view_isdisjoint_obj)},
};
static const map_t view_locals = MAP_ROM(view_locals_table);

#define DICT_VIEW_TYPE(cname, qname) \
    const type_t cname = {{&type_type}, .name = qname, .print = view_print, \
                          .unary_op = view_unary_op, .binary_op = view_binary_op, \
                          .getiter = view_getiter, .locals = &view_locals}

DICT_VIEW_TYPE(type_dict_keys, Q_dict_keys);
DICT_VIEW_TYPE(type_dict_values, Q_dict_values);
DICT_VIEW_TYPE(type_dict_items, Q_dict_items);

// ---- methods ------------------------------------------------------------------------

static value_t dict_keys_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return view_new(args[0], &type_dict_keys);
}
static BUILTIN_FN(dict_keys_obj, Q_keys, 1, 1, false, dict_keys_fn);

static value_t dict_values_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return view_new(args[0], &type_dict_values);
}
static BUILTIN_FN(dict_values_obj, Q_values, 1, 1, false, dict_values_fn);

static value_t dict_items_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return view_new(args[0], &type_dict_items);
}
static BUILTIN_FN(dict_items_obj, Q_items, 1, 1, false, dict_items_fn);

static value_t dict_get_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t v = map_get(dict_map(args[0]), args[1]);
    return v != VAL_NULL ? v : n_args > 2 ? args[2] : VAL_NONE;
}
static BUILTIN_FN(dict_get_obj, Q_get, 2, 3, false, dict_get_fn);

static value_t dict_setdefault_fn(size_t n_args, size_t n_kw, const value_t *args) {
    map_entry_t *e = map_lookup(dict_map(args[0]), args[1], MAP_ADD_IF_MISSING);
    if (e->value == VAL_NULL) {
        e->value = n_args > 2 ? args[2] : VAL_NONE;
    }
    return e->value;
}
static BUILTIN_FN(dict_setdefault_obj, Q_setdefault, 2, 3, false, dict_setdefault_fn);

static value_t dict_pop_fn(size_t n_args, size_t n_kw, const value_t *args) {
    map_entry_t *e = map_lookup(dict_map(args[0]), args[1], MAP_REMOVE);
    if (e == NULL) {
        if (n_args > 2) {
            return args[2];
        }
        raise_key_error(args[1]);
    }
    return e->value;
}
static BUILTIN_FN(dict_pop_obj, Q_pop, 2, 3, false, dict_pop_fn);

static value_t dict_popitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    map_t *map = dict_map(args[0]);
    if (map->used == 0) {
        raise_obj(exc_new_msg(&type_KeyError, "popitem(): dictionary is empty"));
    }
    // removed entries at the end are always dropped, so the last is live
    map_entry_t *e = &map->table[map->filled - 1];
    value_t kv[2] = {e->key, e->value};
    if (map->index != NULL) {
        map_lookup(map, kv[0], MAP_REMOVE);
    } else {
        remove_entry(map, e);
    }
    return tuple_new(2, kv);
}
static BUILTIN_FN(dict_popitem_obj, Q_popitem, 1, 1, false, dict_popitem_fn);

static value_t dict_update_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 2) {
        raise_fmt(&type_TypeError, "update expected at most 1 argument, got %zu", n_args - 1);
    }
    dict_update_args(dict_map(args[0]), n_args - 1, n_kw, args + 1);
    return VAL_NONE;
}
static BUILTIN_FN(dict_update_obj, Q_update, 1, ARGS_MAX, true, dict_update_fn);

static value_t dict_clear_fn(size_t n_args, size_t n_kw, const value_t *args) {
    map_clear(dict_map(args[0]));
    return VAL_NONE;
}
static BUILTIN_FN(dict_clear_obj, Q_clear, 1, 1, false, dict_clear_fn);

static value_t dict_copy_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return dict_copy_value(as_dict(args[0]));
}
static BUILTIN_FN(dict_copy_obj, Q_copy, 1, 1, false, dict_copy_fn);

// dict.fromkeys(iterable, value=None). When the runtime passes the class
// (classmethod style) args[0] is a type; called on an instance, args[0] is
// the dict; called through the type without a class argument, the
// arguments start with the iterable.
static value_t dict_fromkeys_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t cls, d;
    if (value_type(args[0]) == &type_type) {
        cls = args[0];
    } else if (n_args == 1 || !obj_native_maybe(args[0], &type_dict)) {
        cls = PTR_VAL(&type_dict);
        args--;
        n_args++;
    } else {
        cls = PTR_VAL(value_type(args[0]));
    }
    if (n_args < 2 || n_args > 3) {
        raise_fmt(&type_TypeError, "fromkeys expected at most 2 arguments, got %zu", n_args - 1);
    }
    value_t value = n_args > 2 ? args[2] : VAL_NONE;
    d = cls == PTR_VAL(&type_dict) ? dict_new(0) : call_function(cls, 0, 0, NULL);
    value_t it = obj_getiter(args[1]), k;
    if (OBJ_TYPE_IS(d, &type_dict)) {
        map_t *map = dict_map(d);
        while ((k = obj_iternext(it)) != VAL_STOP) {
            map_store(map, k, value);
        }
    } else {
        while ((k = obj_iternext(it)) != VAL_STOP) {
            obj_subscr(d, k, value);
        }
    }
    return d;
}
static BUILTIN_FN(dict_fromkeys_obj, Q_fromkeys, 1, 3, false, dict_fromkeys_fn);
static const classmethod_obj_t dict_fromkeys_cm = {{&type_classmethod}, PTR_VAL(&dict_fromkeys_obj)};

static value_t dict_getitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return dict_subscr(args[0], args[1], VAL_SENTINEL);
}
static BUILTIN_FN(dict_getitem_obj, Q___getitem__, 2, 2, false, dict_getitem_fn);

static value_t dict_setitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return dict_subscr(args[0], args[1], args[2]);
}
static BUILTIN_FN(dict_setitem_obj, Q___setitem__, 3, 3, false, dict_setitem_fn);

static value_t dict_delitem_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return dict_subscr(args[0], args[1], VAL_NULL);
}
static BUILTIN_FN(dict_delitem_obj, Q___delitem__, 2, 2, false, dict_delitem_fn);

static value_t dict_contains_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(map_lookup(dict_map(args[0]), args[1], MAP_LOOKUP) != NULL);
}
static BUILTIN_FN(dict_contains_obj, Q___contains__, 2, 2, false, dict_contains_fn);

static value_t dict_len_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(dict_map(args[0])->used);
}
static BUILTIN_FN(dict_len_obj, Q___len__, 1, 1, false, dict_len_fn);

static value_t dict_iter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return dict_iter_new(as_dict(args[0]), KIND_KEYS, false);
}
static BUILTIN_FN(dict_iter_obj, Q___iter__, 1, 1, false, dict_iter_fn);

static value_t dict_reversed_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return dict_iter_new(as_dict(args[0]), KIND_KEYS, true);
}
static BUILTIN_FN(dict_reversed_obj, Q___reversed__, 1, 1, false, dict_reversed_fn);

static BUILTIN_FN(dict_init_obj, Q___init__, 1, ARGS_MAX, true, dict_init_fn);

static const map_entry_t dict_locals_table[] = {
    {QSTR(Q___contains__), PTR_VAL(&dict_contains_obj)},
    {QSTR(Q___delitem__), PTR_VAL(&dict_delitem_obj)},
    {QSTR(Q___getitem__), PTR_VAL(&dict_getitem_obj)},
    {QSTR(Q___init__), PTR_VAL(&dict_init_obj)},
    {QSTR(Q___iter__), PTR_VAL(&dict_iter_obj)},
    {QSTR(Q___len__), PTR_VAL(&dict_len_obj)},
    {QSTR(Q___reversed__), PTR_VAL(&dict_reversed_obj)},
    {QSTR(Q___setitem__), PTR_VAL(&dict_setitem_obj)},
    {QSTR(Q_clear), PTR_VAL(&dict_clear_obj)},
    {QSTR(Q_copy), PTR_VAL(&dict_copy_obj)},
    {QSTR(Q_fromkeys), PTR_VAL(&dict_fromkeys_cm)},
    {QSTR(Q_get), PTR_VAL(&dict_get_obj)},
    {QSTR(Q_items), PTR_VAL(&dict_items_obj)},
    {QSTR(Q_keys), PTR_VAL(&dict_keys_obj)},
    {QSTR(Q_pop), PTR_VAL(&dict_pop_obj)},
    {QSTR(Q_popitem), PTR_VAL(&dict_popitem_obj)},
    {QSTR(Q_setdefault), PTR_VAL(&dict_setdefault_obj)},
    {QSTR(Q_update), PTR_VAL(&dict_update_obj)},
    {QSTR(Q_values), PTR_VAL(&dict_values_obj)},
};
static const map_t dict_locals = MAP_ROM(dict_locals_table);

const type_t type_dict = {
    {&type_type},
    .name = Q_dict,
    .flags = TYPE_FLAG_BASETYPE,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .locals = &dict_locals,
};
