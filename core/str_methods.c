// SPDX-License-Identifier: MIT
// Methods shared by str, bytes and bytearray: searching, splitting,
// joining, stripping, replacing, padding.
//
// Each method works on the bytes of its self (a strarg_t) and makes results
// of self's type. UTF-8 makes byte-level search correct for str, since a
// code point's encoding never appears inside another's; only the start/end
// arguments and the positions returned are counted in code points, and
// they are converted at the edges (nothing to convert for ASCII text).
// Case mapping and classification are in str_case.c, the method tables in
// str_tables.c.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

void strarg_self(value_t v, strarg_t *out) {
    size_t len;
    const char *s = str_data(v, &len);
    if (s != NULL) {
        out->data = s;
        out->len = len;
        out->charlen = str_charlen_of(v, s, len);
        out->type = &type_str;
        return;
    }
    if (VAL_IS_OBJ(v)) {
        const type_t *t = OBJ(v)->type;
        if (t->flags & TYPE_FLAG_HEAP) {
            void *native = obj_native_maybe(v, &type_bytes);
            if (native == NULL) {
                native = obj_native_maybe(v, &type_bytearray);
            }
            if (native != NULL) {
                v = PTR_VAL(native);
                t = OBJ(v)->type;
            }
        }
        if (t == &type_bytes) {
            bytes_obj_t *b = VAL_PTR(v);
            out->data = b->data;
            out->len = out->charlen = b->len;
            out->type = &type_bytes;
            return;
        }
        if (t == &type_bytearray) {
            bytearray_obj_t *b = VAL_PTR(v);
            out->data = (const char *)b->items;
            out->len = out->charlen = b->len;
            out->type = &type_bytearray;
            return;
        }
    }
    raise_fmt(&type_TypeError, "descriptor requires a 'str' object but received a '%s'",
              qstr_str(value_type_name(v)));
}

// An argument of the same kind as self: str for str, any bytes-like object
// for bytes and bytearray.
// `error` words the TypeError for a str method (a format taking the
// argument's type name; NULL: "must be str, not T"), `bytes_error` for a
// bytes method (NULL: "a bytes-like object is required, not 'T'").
static void strarg_arg_or(const strarg_t *self, value_t v, strarg_t *out, const char *error, const char *bytes_error) {
    out->type = self->type;
    if (self->type == &type_str) {
        out->data = str_data(v, &out->len);
        if (out->data == NULL) {
            raise_fmt(&type_TypeError, error != NULL ? error : "must be str, not %s", qstr_str(value_type_name(v)));
        }
        out->charlen = str_charlen_of(v, out->data, out->len);
        return;
    }
    if (!bytes_get_data(v, &out->data, &out->len)) {
        raise_fmt(&type_TypeError, bytes_error != NULL ? bytes_error : "a bytes-like object is required, not '%s'",
                  qstr_str(value_type_name(v)));
    }
    out->charlen = out->len;
}

static void strarg_arg(const strarg_t *self, value_t v, strarg_t *out) {
    strarg_arg_or(self, v, out, NULL, NULL);
}

value_t strarg_new(const type_t *type, const char *data, size_t len) {
    if (type == &type_str) {
        return str_new(data, len);
    }
    if (type == &type_bytes) {
        return bytes_new((const uint8_t *)data, len);
    }
    return bytearray_new((const uint8_t *)data, len);
}

value_t strarg_from_vstr(const type_t *type, vstr_t *vs) {
    if (type == &type_str) {
        return str_from_vstr(vs);
    }
    if (type == &type_bytes) {
        return bytes_from_vstr(vs);
    }
    return bytearray_new((const uint8_t *)vs->buf, vs->len);
}

// A piece of self's text as a new object of self's type.
static value_t sub_new(const strarg_t *s, const char *p, size_t n) {
    if (s->type == &type_str && s->charlen == s->len) {
        return str_new_len(p, n, n);
    }
    return strarg_new(s->type, p, n);
}

// self unchanged: itself when immutable, a copy for bytearray.
static value_t self_copy(const strarg_t *s, value_t self) {
    if (s->type == &type_bytearray || !(value_is_str(self) || OBJ_TYPE_IS(self, &type_bytes))) {
        return strarg_new(s->type, s->data, s->len);
    }
    return self;
}

static size_t char_index(const strarg_t *s, const char *p) {
    size_t off = (size_t)(p - s->data);
    return s->charlen == s->len ? off : utf8_charlen(s->data, off);
}

static const char *char_ptr(const strarg_t *s, size_t i) {
    return str_char_ptr(s->data, s->len, s->charlen, i);
}

static smallint_t opt_index(value_t v, smallint_t dflt) {
    if (v == VAL_NULL || v == VAL_NONE) {
        return dflt;
    }
    smallint_t i;
    if (!value_get_int_maybe(v, &i)) {
        if (!value_is_int(v)) {
            raise_msg(&type_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
        }
        i = int_is_negative(v) ? SMALL_MIN : SMALL_MAX;
    }
    return i;
}

// The part of self selected by the optional start/end arguments at
// args[at], args[at + 1] (code point indices, as a slice). False when the
// range is empty because start is past the end or after end: then nothing
// matches, not even the empty string.
static bool sub_range(const strarg_t *s, size_t n_args, const value_t *args, size_t at,
                      const char **lo, const char **hi) {
    smallint_t len = (smallint_t)s->charlen;
    smallint_t start = n_args > at ? opt_index(args[at], 0) : 0;
    smallint_t end = n_args > at + 1 ? opt_index(args[at + 1], len) : len;
    if (start < 0) {
        start += len;
        if (start < 0) {
            start = 0;
        }
    }
    if (end < 0) {
        end += len;
        if (end < 0) {
            end = 0;
        }
    } else if (end > len) {
        end = len;
    }
    if (start > len || start > end) {
        return false;
    }
    *lo = char_ptr(s, (size_t)start);
    *hi = s->charlen == s->len ? s->data + end : utf8_skip(*lo, s->data + s->len, (size_t)(end - start));
    return true;
}

// A needle argument: for bytes, an int is the one-byte needle.
static void needle_arg(const strarg_t *self, value_t v, strarg_t *out, char *byte) {
    if (self->type != &type_str && value_is_int(v)) {
        *byte = (char)byte_from_value(v);
        out->data = byte;
        out->len = out->charlen = 1;
        out->type = self->type;
        return;
    }
    strarg_arg_or(self, v, out, NULL, "argument should be integer or bytes-like object, not '%s'");
}

// ---- find, index, count -----------------------------------------------------

static smallint_t find_common(size_t n_args, const value_t *args, bool reverse) {
    strarg_t s, sub;
    char byte;
    strarg_self(args[0], &s);
    needle_arg(&s, args[1], &sub, &byte);
    const char *lo, *hi;
    if (!sub_range(&s, n_args, args, 2, &lo, &hi)) {
        return -1;
    }
    const char *p = reverse ? str_rsearch(lo, (size_t)(hi - lo), sub.data, sub.len)
                            : str_search(lo, (size_t)(hi - lo), sub.data, sub.len);
    return p == NULL ? -1 : (smallint_t)char_index(&s, p);
}

static value_t str_find(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(find_common(n_args, args, false));
}
BUILTIN_FN(str_find_obj, Q_find, 2, 4, false, str_find);

static value_t str_rfind(size_t n_args, size_t n_kw, const value_t *args) {
    return SMALL(find_common(n_args, args, true));
}
BUILTIN_FN(str_rfind_obj, Q_rfind, 2, 4, false, str_rfind);

static value_t index_result(smallint_t i, const value_t *args) {
    if (i < 0) {
        raise_msg(&type_ValueError, value_is_str(args[0]) || str_data(args[0], &(size_t){0})
                                        ? "substring not found"
                                        : "subsection not found");
    }
    return SMALL(i);
}

static value_t str_index(size_t n_args, size_t n_kw, const value_t *args) {
    return index_result(find_common(n_args, args, false), args);
}
BUILTIN_FN(str_index_obj, Q_index, 2, 4, false, str_index);

static value_t str_rindex(size_t n_args, size_t n_kw, const value_t *args) {
    return index_result(find_common(n_args, args, true), args);
}
BUILTIN_FN(str_rindex_obj, Q_rindex, 2, 4, false, str_rindex);

static value_t str_count(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s, sub;
    char byte;
    strarg_self(args[0], &s);
    needle_arg(&s, args[1], &sub, &byte);
    const char *lo, *hi;
    if (!sub_range(&s, n_args, args, 2, &lo, &hi)) {
        return SMALL(0);
    }
    if (sub.len == 0) {
        size_t n = s.type == &type_str ? utf8_charlen(lo, (size_t)(hi - lo)) : (size_t)(hi - lo);
        return SMALL((smallint_t)n + 1);
    }
    smallint_t count = 0;
    while (lo < hi) {
        const char *p = str_search(lo, (size_t)(hi - lo), sub.data, sub.len);
        if (p == NULL) {
            break;
        }
        count++;
        lo = p + sub.len;
    }
    return SMALL(count);
}
BUILTIN_FN(str_count_obj, Q_count, 2, 4, false, str_count);

// ---- startswith, endswith --------------------------------------------------

static value_t starts_ends(size_t n_args, const value_t *args, bool ends, const char *name) {
    strarg_t s;
    strarg_self(args[0], &s);
    const char *lo, *hi;
    bool in_range = sub_range(&s, n_args, args, 2, &lo, &hi);
    size_t n_items = 1;
    const value_t *items = &args[1];
    if (OBJ_TYPE_IS(args[1], &type_tuple)) {
        items = seq_items(args[1], &n_items);
    }
    for (size_t i = 0; i < n_items; i++) {
        strarg_t sub;
        if (s.type == &type_str ? str_data(items[i], &sub.len) == NULL
                                : !bytes_get_data(items[i], &sub.data, &sub.len)) {
            if (items == &args[1]) {
                raise_fmt(&type_TypeError,
                          s.type == &type_str
                              ? "%s first arg must be str or a tuple of str, not %s"
                              : "%s first arg must be bytes or a tuple of bytes, not %s",
                          name, qstr_str(value_type_name(items[i])));
            }
            raise_fmt(&type_TypeError,
                      s.type == &type_str ? "tuple for %s must only contain str, not %s"
                                          : "tuple for %s must only contain bytes, not %s",
                      name, qstr_str(value_type_name(items[i])));
        }
        strarg_arg(&s, items[i], &sub);
        if (!in_range) {
            continue;
        }
        size_t avail = (size_t)(hi - lo);
        if (sub.len <= avail &&
            memcmp(ends ? hi - sub.len : lo, sub.data, sub.len) == 0) {
            return VAL_TRUE;
        }
    }
    return VAL_FALSE;
}

static value_t str_startswith(size_t n_args, size_t n_kw, const value_t *args) {
    return starts_ends(n_args, args, false, "startswith");
}
BUILTIN_FN(str_startswith_obj, Q_startswith, 2, 4, false, str_startswith);

static value_t str_endswith(size_t n_args, size_t n_kw, const value_t *args) {
    return starts_ends(n_args, args, true, "endswith");
}
BUILTIN_FN(str_endswith_obj, Q_endswith, 2, 4, false, str_endswith);

// ---- split ------------------------------------------------------------------

// Whitespace among the ASCII characters: bit 1 for str, bit 2 for bytes
// (str also counts \x1c-\x1f).
static const uint8_t ascii_space[128] = {
    [9] = 3, [10] = 3, [11] = 3, [12] = 3, [13] = 3, [28] = 1, [29] = 1, [30] = 1, [31] = 1, [32] = 3,
};

// Is there whitespace at p? Sets *n to the length of the character.
static inline bool space_at(const strarg_t *s, const char *p, size_t *n) {
    unsigned char c = *p;
    if (c < 0x80) {
        *n = 1;
        return ascii_space[c] & (s->type == &type_str ? 1 : 2);
    }
    if (s->type != &type_str) {
        *n = 1;
        return false;
    }
    const char *q = p;
    bool sp = unicode_isspace(utf8_decode(&q));
    *n = (size_t)(q - p);
    return sp;
}

// Whitespace ending just before p (for walking backwards)?
static bool space_before(const strarg_t *s, const char *p, size_t *n) {
    const char *q = p - 1;
    if (s->type == &type_str) {
        while (q > s->data && UTF8_IS_CONT(*q)) {
            q--;
        }
    }
    bool sp = space_at(s, q, n);
    *n = (size_t)(p - q);
    return sp;
}

static void split_args(size_t n_args, size_t n_kw, const value_t *args, value_t *sep,
                       smallint_t *maxsplit) {
    *sep = n_args > 1 ? args[1] : VAL_NONE;
    value_t m = n_args > 2 ? args[2] : VAL_NULL;
    if (n_kw > 0) {
        static const qstr_t allowed[] = {Q_sep, Q_maxsplit, Q_NULL};
        arg_kw_check(n_args, n_kw, args, allowed, Q_split);
        value_t v;
        if ((v = arg_kw(n_args, n_kw, args, Q_sep)) != VAL_NULL) {
            *sep = v;
        }
        if ((v = arg_kw(n_args, n_kw, args, Q_maxsplit)) != VAL_NULL) {
            m = v;
        }
    }
    *maxsplit = m == VAL_NULL ? -1 : value_get_int(m);
}

// One pass of split: with items == NULL it only counts the pieces; else it
// stores them (in order, also for rsplit, whose pieces are found from the
// end). Splitting twice costs less than growing the list piece by piece.
static size_t split_scan(const strarg_t *s, const strarg_t *sep, smallint_t maxsplit, bool reverse,
                         value_t *items, size_t count) {
    size_t k = 0;
    const char *p = s->data, *end = s->data + s->len;
    size_t n;
#define EMIT(a, len)                                                            \
    do {                                                                        \
        if (items != NULL) {                                                    \
            items[reverse ? count - 1 - k : k] = sub_new(s, (a), (size_t)(len)); \
        }                                                                       \
        k++;                                                                    \
    } while (0)
    if (sep == NULL) {
        if (!reverse) {
            for (;;) {
                while (p < end && space_at(s, p, &n)) {
                    p += n;
                }
                if (p >= end) {
                    break;
                }
                if (maxsplit == 0) {
                    EMIT(p, end - p);
                    break;
                }
                const char *w = p;
                while (p < end && !space_at(s, p, &n)) {
                    p += n;
                }
                EMIT(w, p - w);
                maxsplit--;
            }
        } else {
            for (;;) {
                while (end > p && space_before(s, end, &n)) {
                    end -= n;
                }
                if (end <= p) {
                    break;
                }
                if (maxsplit == 0) {
                    EMIT(p, end - p);
                    break;
                }
                const char *w = end;
                while (end > p && !space_before(s, end, &n)) {
                    end -= n;
                }
                EMIT(end, w - end);
                maxsplit--;
            }
        }
    } else if (!reverse) {
        for (;;) {
            const char *q = maxsplit == 0 ? NULL : str_search(p, (size_t)(end - p), sep->data, sep->len);
            if (q == NULL) {
                EMIT(p, end - p);
                break;
            }
            EMIT(p, q - p);
            p = q + sep->len;
            maxsplit--;
        }
    } else {
        for (;;) {
            const char *q = maxsplit == 0 ? NULL : str_rsearch(p, (size_t)(end - p), sep->data, sep->len);
            if (q == NULL) {
                EMIT(p, end - p);
                break;
            }
            EMIT(q + sep->len, end - q - sep->len);
            end = q;
            maxsplit--;
        }
    }
#undef EMIT
    return k;
}

static value_t split_common(size_t n_args, size_t n_kw, const value_t *args, bool reverse) {
    strarg_t s, sep, *sepp = NULL;
    strarg_self(args[0], &s);
    value_t sepv;
    smallint_t maxsplit;
    split_args(n_args, n_kw, args, &sepv, &maxsplit);
    if (sepv != VAL_NONE) {
        strarg_arg_or(&s, sepv, &sep, "must be str or None, not %s", NULL);
        if (sep.len == 0) {
            raise_msg(&type_ValueError, "empty separator");
        }
        sepp = &sep;
    }
    size_t count = split_scan(&s, sepp, maxsplit, reverse, NULL, 0);
    value_t list = list_new(count, NULL);
    size_t len;
    value_t *items = seq_items(list, &len);
    split_scan(&s, sepp, maxsplit, reverse, items, count);
    return list;
}

static value_t str_split(size_t n_args, size_t n_kw, const value_t *args) {
    return split_common(n_args, n_kw, args, false);
}
BUILTIN_FN(str_split_obj, Q_split, 1, 3, true, str_split);

static value_t str_rsplit(size_t n_args, size_t n_kw, const value_t *args) {
    return split_common(n_args, n_kw, args, true);
}
BUILTIN_FN(str_rsplit_obj, Q_rsplit, 1, 3, true, str_rsplit);

// Line boundaries: for str also \v \f \x1c-\x1e \x85 \u2028 \u2029.
static size_t line_break_at(const strarg_t *s, const char *p, const char *end) {
    unsigned char c = *p;
    if (c == '\n') {
        return 1;
    }
    if (c == '\r') {
        return (p + 1 < end && p[1] == '\n') ? 2 : 1;
    }
    if (s->type != &type_str) {
        return 0;
    }
    if (c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E)) {
        return 1;
    }
    if (c == 0xC2 && p + 1 < end && (unsigned char)p[1] == 0x85) {
        return 2;
    }
    if (c == 0xE2 && p + 2 < end && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
        return 3;
    }
    return 0;
}

static value_t str_splitlines(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    value_t k = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_keepends);
    bool keepends = k != VAL_NULL && obj_is_true(k);
    value_t list = list_new(0, NULL);
    const char *p = s.data, *end = s.data + s.len, *line = p;
    while (p < end) {
        size_t n = line_break_at(&s, p, end);
        if (n == 0) {
            p++;
            continue;
        }
        list_append(list, sub_new(&s, line, (size_t)(p - line) + (keepends ? n : 0)));
        p += n;
        line = p;
    }
    if (line < end) {
        list_append(list, sub_new(&s, line, (size_t)(end - line)));
    }
    return list;
}
BUILTIN_FN(str_splitlines_obj, Q_splitlines, 1, 2, true, str_splitlines);

// ---- partition --------------------------------------------------------------

static value_t partition_common(const value_t *args, bool reverse) {
    strarg_t s, sep;
    strarg_self(args[0], &s);
    strarg_arg(&s, args[1], &sep);
    if (sep.len == 0) {
        raise_msg(&type_ValueError, "empty separator");
    }
    const char *q = reverse ? str_rsearch(s.data, s.len, sep.data, sep.len)
                            : str_search(s.data, s.len, sep.data, sep.len);
    value_t items[3];
    if (q == NULL) {
        value_t empty = s.type == &type_str ? QSTR(Q_empty) : strarg_new(s.type, "", 0);
        value_t whole = self_copy(&s, args[0]);
        items[0] = reverse ? empty : whole;
        items[1] = s.type == &type_bytearray ? strarg_new(s.type, "", 0) : empty;
        items[2] = reverse ? whole : (s.type == &type_bytearray ? strarg_new(s.type, "", 0) : empty);
    } else {
        items[0] = sub_new(&s, s.data, (size_t)(q - s.data));
        items[1] = s.type == &type_bytearray ? strarg_new(s.type, sep.data, sep.len)
                   : (value_is_str(args[1]) || OBJ_TYPE_IS(args[1], &type_bytes))
                       ? args[1]
                       : sub_new(&s, sep.data, sep.len);
        items[2] = sub_new(&s, q + sep.len, (size_t)(s.data + s.len - q - sep.len));
    }
    return tuple_new(3, items);
}

static value_t str_partition(size_t n_args, size_t n_kw, const value_t *args) {
    return partition_common(args, false);
}
BUILTIN_FN(str_partition_obj, Q_partition, 2, 2, false, str_partition);

static value_t str_rpartition(size_t n_args, size_t n_kw, const value_t *args) {
    return partition_common(args, true);
}
BUILTIN_FN(str_rpartition_obj, Q_rpartition, 2, 2, false, str_rpartition);

// ---- join -------------------------------------------------------------------

static value_t str_join(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    size_t n;
    value_t *items = seq_items(args[1], &n);
    if (items == NULL) {
        value_t list = list_new(0, NULL);
        value_t iter = obj_getiter_maybe(args[1]);
        if (iter == VAL_NULL) {
            raise_msg(&type_TypeError, "can only join an iterable");
        }
        list_extend_from_iter(list, iter);
        items = seq_items(list, &n);
    }
    if (n == 1 && value_is_str(items[0]) && s.type == &type_str) {
        return items[0];
    }
    size_t total = n > 0 ? check_mul_size(s.len, n - 1) : 0;
    size_t chars = n > 0 ? s.charlen * (n - 1) : 0;
    for (size_t i = 0; i < n; i++) {
        strarg_t it;
        bool ok = s.type == &type_str ? (it.data = str_data(items[i], &it.len)) != NULL
                                      : bytes_get_data(items[i], &it.data, &it.len);
        if (!ok) {
            raise_fmt(&type_TypeError,
                      s.type == &type_str ? "sequence item %u: expected str instance, %s found"
                                          : "sequence item %u: expected a bytes-like object, %s found",
                      (unsigned)i, qstr_str(value_type_name(items[i])));
        }
        total += it.len;
        if (s.type == &type_str) {
            chars += str_charlen_of(items[i], it.data, it.len);
        }
        if (total < it.len) {
            raise_msg(&type_MemoryError, "joined string is too long");
        }
    }
    vstr_t vs;
    vstr_init(&vs, total);
    char *out = vstr_extend(&vs, total);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            memcpy(out, s.data, s.len);
            out += s.len;
        }
        strarg_t it;
        if (s.type == &type_str) {
            it.data = str_data(items[i], &it.len);
        } else {
            bytes_get_data(items[i], &it.data, &it.len);
        }
        memcpy(out, it.data, it.len);
        out += it.len;
    }
    if (s.type == &type_str) {
        return str_from_vstr_charlen(&vs, chars);
    }
    return strarg_from_vstr(s.type, &vs);
}
BUILTIN_FN(str_join_obj, Q_join, 2, 2, false, str_join);

// ---- strip ------------------------------------------------------------------

// Is the character at p (length *n) one of chars? chars NULL: whitespace.
static bool strip_match(const strarg_t *s, const strarg_t *chars, const char *p, size_t n) {
    if (chars == NULL) {
        size_t m;
        return space_at(s, p, &m);
    }
    if (n == 1) {
        return memchr(chars->data, *p, chars->len) != NULL;
    }
    return str_search(chars->data, chars->len, p, n) != NULL;
}

static value_t strip_common(size_t n_args, const value_t *args, int mode) {
    strarg_t s, charsarg, *chars = NULL;
    strarg_self(args[0], &s);
    if (n_args > 1 && args[1] != VAL_NONE) {
        strarg_arg_or(&s, args[1], &charsarg, mode == 1 ? "lstrip arg must be None or str"
                                              : mode == 2 ? "rstrip arg must be None or str"
                                                          : "strip arg must be None or str",
                      NULL);
        chars = &charsarg;
    }
    const char *p = s.data, *end = s.data + s.len;
    bool utf8 = s.type == &type_str && s.charlen != s.len;
    if (mode & 1) {
        while (p < end) {
            size_t n = utf8 ? utf8_seq_len((unsigned char)*p) : 1;
            if (!strip_match(&s, chars, p, n)) {
                break;
            }
            p += n;
        }
    }
    if (mode & 2) {
        while (end > p) {
            const char *q = end - 1;
            if (utf8) {
                while (q > p && UTF8_IS_CONT(*q)) {
                    q--;
                }
            }
            if (!strip_match(&s, chars, q, (size_t)(end - q))) {
                break;
            }
            end = q;
        }
    }
    if (p == s.data && end == s.data + s.len) {
        return self_copy(&s, args[0]);
    }
    return sub_new(&s, p, (size_t)(end - p));
}

static value_t str_strip(size_t n_args, size_t n_kw, const value_t *args) {
    return strip_common(n_args, args, 3);
}
BUILTIN_FN(str_strip_obj, Q_strip, 1, 2, false, str_strip);

static value_t str_lstrip(size_t n_args, size_t n_kw, const value_t *args) {
    return strip_common(n_args, args, 1);
}
BUILTIN_FN(str_lstrip_obj, Q_lstrip, 1, 2, false, str_lstrip);

static value_t str_rstrip(size_t n_args, size_t n_kw, const value_t *args) {
    return strip_common(n_args, args, 2);
}
BUILTIN_FN(str_rstrip_obj, Q_rstrip, 1, 2, false, str_rstrip);

static value_t str_removeprefix(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s, a;
    strarg_self(args[0], &s);
    strarg_arg(&s, args[1], &a);
    if (a.len > 0 && a.len <= s.len && memcmp(s.data, a.data, a.len) == 0) {
        return sub_new(&s, s.data + a.len, s.len - a.len);
    }
    return self_copy(&s, args[0]);
}
BUILTIN_FN(str_removeprefix_obj, Q_removeprefix, 2, 2, false, str_removeprefix);

static value_t str_removesuffix(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s, a;
    strarg_self(args[0], &s);
    strarg_arg(&s, args[1], &a);
    if (a.len > 0 && a.len <= s.len && memcmp(s.data + s.len - a.len, a.data, a.len) == 0) {
        return sub_new(&s, s.data, s.len - a.len);
    }
    return self_copy(&s, args[0]);
}
BUILTIN_FN(str_removesuffix_obj, Q_removesuffix, 2, 2, false, str_removesuffix);

// ---- replace ----------------------------------------------------------------

static value_t str_replace(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s, old, new;
    strarg_self(args[0], &s);
    strarg_arg_or(&s, args[1], &old, "replace() argument 1 must be str, not %s", NULL);
    strarg_arg_or(&s, args[2], &new, "replace() argument 2 must be str, not %s", NULL);
    smallint_t count = n_args > 3 ? value_get_int(args[3]) : -1;
    if (count < 0) {
        count = SMALL_MAX;
    }
    const char *p = s.data, *end = s.data + s.len;
    vstr_t vs;
    if (old.len == 0) {
        // insert new before every character and at the end
        bool utf8 = s.type == &type_str && s.charlen != s.len;
        vstr_init(&vs, s.len + new.len * (s.charlen + 1));
        while (count > 0) {
            vstr_add_strn(&vs, new.data, new.len);
            count--;
            if (p >= end) {
                break;
            }
            size_t n = utf8 ? utf8_seq_len((unsigned char)*p) : 1;
            vstr_add_strn(&vs, p, n);
            p += n;
        }
        vstr_add_strn(&vs, p, (size_t)(end - p));
    } else {
        const char *q = str_search(p, s.len, old.data, old.len);
        if (q == NULL || count == 0) {
            return self_copy(&s, args[0]);
        }
        vstr_init(&vs, s.len + (new.len > old.len ? new.len - old.len : 0) * 4);
        size_t done = 0;
        while (q != NULL && count > 0) {
            vstr_add_strn(&vs, p, (size_t)(q - p));
            vstr_add_strn(&vs, new.data, new.len);
            p = q + old.len;
            count--;
            done++;
            q = str_search(p, (size_t)(end - p), old.data, old.len);
        }
        vstr_add_strn(&vs, p, (size_t)(end - p));
        if (s.type == &type_str) {
            return str_from_vstr_charlen(&vs, s.charlen + done * new.charlen - done * old.charlen);
        }
    }
    return strarg_from_vstr(s.type, &vs);
}
BUILTIN_FN(str_replace_obj, Q_replace, 3, 4, false, str_replace);

// ---- padding ----------------------------------------------------------------

static value_t pad_common(size_t n_args, const value_t *args, int align, const char *name) {
    strarg_t s;
    strarg_self(args[0], &s);
    smallint_t width = value_get_int(args[1]);
    char fillbuf[4] = {' '};
    const char *fill = fillbuf;
    size_t filllen = 1;
    if (n_args > 2) {
        strarg_t f;
        if (s.type == &type_str) {
            f.data = str_data(args[2], &f.len);
            if (f.data == NULL) {
                raise_fmt(&type_TypeError, "The fill character must be a unicode character, not %s",
                          qstr_str(value_type_name(args[2])));
            }
            if (str_charlen_of(args[2], f.data, f.len) != 1) {
                raise_msg(&type_TypeError, "The fill character must be exactly one character long");
            }
        } else if (!bytes_get_data(args[2], &f.data, &f.len) || f.len != 1) {
            raise_fmt(&type_TypeError, "%s() argument 2 must be a byte string of length 1, not %s",
                      name, qstr_str(value_type_name(args[2])));
        }
        fill = f.data;
        filllen = f.len;
    }
    if (width <= (smallint_t)s.charlen) {
        return self_copy(&s, args[0]);
    }
    size_t marg = (size_t)width - s.charlen, left;
    if (align < 0) {
        left = 0;
    } else if (align > 0) {
        left = marg;
    } else {
        left = marg / 2 + (marg & (size_t)width & 1);
    }
    vstr_t vs;
    vstr_init(&vs, s.len + check_mul_size(marg, filllen));
    for (size_t i = 0; i < left; i++) {
        vstr_add_strn(&vs, fill, filllen);
    }
    vstr_add_strn(&vs, s.data, s.len);
    for (size_t i = left; i < marg; i++) {
        vstr_add_strn(&vs, fill, filllen);
    }
    if (s.type == &type_str) {
        return str_from_vstr_charlen(&vs, (size_t)width);
    }
    return strarg_from_vstr(s.type, &vs);
}

static value_t str_center(size_t n_args, size_t n_kw, const value_t *args) {
    return pad_common(n_args, args, 0, "center");
}
BUILTIN_FN(str_center_obj, Q_center, 2, 3, false, str_center);

static value_t str_ljust(size_t n_args, size_t n_kw, const value_t *args) {
    return pad_common(n_args, args, -1, "ljust");
}
BUILTIN_FN(str_ljust_obj, Q_ljust, 2, 3, false, str_ljust);

static value_t str_rjust(size_t n_args, size_t n_kw, const value_t *args) {
    return pad_common(n_args, args, 1, "rjust");
}
BUILTIN_FN(str_rjust_obj, Q_rjust, 2, 3, false, str_rjust);

static value_t str_zfill(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    smallint_t width = value_get_int(args[1]);
    if (width <= (smallint_t)s.charlen) {
        return self_copy(&s, args[0]);
    }
    size_t fill = (size_t)width - s.charlen;
    vstr_t vs;
    vstr_init(&vs, s.len + fill);
    const char *p = s.data;
    size_t len = s.len;
    if (len > 0 && (*p == '+' || *p == '-')) {
        vstr_add_char(&vs, *p);
        p++;
        len--;
    }
    memset(vstr_extend(&vs, fill), '0', fill);
    vstr_add_strn(&vs, p, len);
    return strarg_from_vstr(s.type, &vs);
}
BUILTIN_FN(str_zfill_obj, Q_zfill, 2, 2, false, str_zfill);
