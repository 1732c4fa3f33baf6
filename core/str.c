// SPDX-License-Identifier: MIT
// str: the type, its constructor, operators, indexing and iteration.
//
// A str value is either a qstr immediate (an interned name, text in the
// qstr pools) or a str_obj_t (text inline after the header). Every function
// here accepts both through str_data(). Text is UTF-8; charlen counts code
// points, and when it equals len the string is ASCII and indexing is
// direct. Non-ASCII indexing walks the bytes (strings are short on the
// chip; CPython's fixed-width forms would cost up to 4x the RAM).
//
// The 128 one-character ASCII strings are constant objects in read-only
// data, so iterating over or indexing ASCII text allocates nothing. The
// empty string is the qstr Q_empty. Methods live in str_methods.c,
// formatting in strformat.c.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

// ---- constant one-character strings ---------------------------------------

typedef struct str1 {
    obj_t base;
    uint32_t hash;
    uint32_t len;
    uint32_t charlen;
    char data[2];
} str1_t;

_Static_assert(offsetof(str1_t, data) == offsetof(str_obj_t, data), "str1_t layout");

#define FNV1(c) (((2166136261u ^ (uint32_t)(c)) * 16777619u) ? ((2166136261u ^ (uint32_t)(c)) * 16777619u) : 1u)
#define CH(c) {{&type_str}, FNV1(c), 1, 1, {(char)(c), 0}}
#define CH4(c) CH(c), CH(c + 1), CH(c + 2), CH(c + 3)
#define CH16(c) CH4(c), CH4(c + 4), CH4(c + 8), CH4(c + 12)
static const str1_t ascii_chars[128] = {
    CH16(0), CH16(16), CH16(32), CH16(48), CH16(64), CH16(80), CH16(96), CH16(112),
};

#define ASCII_CHAR(c) PTR_VAL(&ascii_chars[(unsigned char)(c)])

// ---- making strings -------------------------------------------------------

size_t check_mul_size(size_t a, size_t b) {
    if (b != 0 && a > (SIZE_MAX / 2 - 64) / b) {
        raise_msg(&type_MemoryError, "repeated string is too long");
    }
    return a * b;
}

static str_obj_t *str_alloc(size_t len) {
    if (len > UINT32_MAX - 64) {
        raise_msg(&type_MemoryError, "string too large");
    }
    str_obj_t *o = gc_alloc(sizeof(str_obj_t) + len + 1, GC_LEAF);
    o->base.type = &type_str;
    o->len = (uint32_t)len;
    return o;
}

value_t str_new_len(const char *data, size_t len, size_t charlen) {
    if (len <= 1) {
        if (len == 0) {
            return QSTR(Q_empty);
        }
        if ((unsigned char)data[0] < 0x80) {
            return ASCII_CHAR(data[0]);
        }
    }
    str_obj_t *o = str_alloc(len);
    memcpy(o->data, data, len);
    o->charlen = (uint32_t)charlen;
    return PTR_VAL(o);
}

value_t str_new(const char *data, size_t len) {
    return str_new_len(data, len, utf8_charlen(data, len));
}

value_t str_new_cstr(const char *s) {
    return str_new(s, strlen(s));
}

value_t str_from_char(uint32_t c) {
    if (c < 0x80) {
        return ASCII_CHAR(c);
    }
    char buf[4];
    return str_new_len(buf, utf8_encode(buf, c), 1);
}

value_t str_from_vstr(vstr_t *vs) {
    if (vs->len <= 1 && (vs->len == 0 || (unsigned char)vs->buf[0] < 0x80)) {
        value_t v = vs->len ? ASCII_CHAR(vs->buf[0]) : QSTR(Q_empty);
        if (vs->buf != NULL) {
            gc_free(vs->buf - offsetof(str_obj_t, data));
        }
        vs->buf = NULL;
        vs->len = vs->alloc = 0;
        return v;
    }
    str_obj_t *o = vstr_take(vs, &type_str);
    o->charlen = (uint32_t)utf8_charlen(o->data, o->len);
    return PTR_VAL(o);
}

// The same when the number of code points is known.
value_t str_from_vstr_charlen(vstr_t *vs, size_t charlen) {
    if (vs->len <= 1) {
        return str_from_vstr(vs);
    }
    str_obj_t *o = vstr_take(vs, &type_str);
    o->charlen = (uint32_t)charlen;
    return PTR_VAL(o);
}

// ---- reading strings ------------------------------------------------------

const char *str_data(value_t v, size_t *len) {
    if (VAL_IS_QSTR(v)) {
        return qstr_data(QSTR_INDEX(v), len);
    }
    if (!VAL_IS_OBJ(v)) {
        return NULL;
    }
    const type_t *t = OBJ(v)->type;
    if (t == &type_str) {
        str_obj_t *o = VAL_PTR(v);
        *len = o->len;
        return o->data;
    }
    if (t->flags & TYPE_FLAG_HEAP) {
        void *native = obj_native_maybe(v, &type_str);
        if (native != NULL && PTR_VAL(native) != v) {
            return str_data(PTR_VAL(native), len);
        }
    }
    return NULL;
}

bool value_is_str(value_t v) {
    return VAL_IS_QSTR(v) || OBJ_TYPE_IS(v, &type_str);
}

size_t str_charlen_of(value_t v, const char *data, size_t len) {
    if (OBJ_TYPE_IS(v, &type_str)) {
        return ((str_obj_t *)VAL_PTR(v))->charlen;
    }
    return utf8_charlen(data, len);
}

const char *str_self(value_t v, size_t *len) {
    const char *s = str_data(v, len);
    if (s == NULL) {
        // raises the "descriptor ... requires a 'str' object" TypeError
        s = str_data(PTR_VAL(obj_native(v, &type_str)), len);
    }
    return s;
}

const char *str_arg(value_t v, size_t *len) {
    const char *s = str_data(v, len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "must be str, not %s", qstr_str(value_type_name(v)));
    }
    return s;
}

uint32_t str_hash(const char *data, size_t len) {
    uint32_t h = 2166136261u;
    const unsigned char *p = (const unsigned char *)data, *end = p + len;
    while (p < end) {
        h = (h ^ *p++) * 16777619u;
    }
    return h ? h : 1;
}

uint32_t str_value_hash(value_t v) {
    if (VAL_IS_QSTR(v)) {
        return qstr_hash(QSTR_INDEX(v));
    }
    str_obj_t *o = VAL_PTR(v);
    if (o->hash == 0) {
        o->hash = str_hash(o->data, o->len);
    }
    return o->hash;
}

// getattr(obj, name) and friends need the name as a qstr: a name already
// interned is found without allocating; a new one is interned (names longer
// than 255 bytes stay str objects).
value_t str_intern_if_name(value_t v) {
    size_t len;
    const char *s = str_data(v, &len);
    if (s == NULL || VAL_IS_QSTR(v)) {
        return v;
    }
    qstr_t q = qstr_find_strn(s, len);
    if (q != Q_NULL) {
        return QSTR(q);
    }
    if (len > 255) {
        return v;
    }
    return QSTR(qstr_from_strn(s, len));
}

// ---- repr and str ---------------------------------------------------------

void str_print_quoted(const print_t *p, const char *s, size_t len, bool ascii_only) {
    bool has_single = memchr(s, '\'', len) != NULL;
    char quote = (has_single && memchr(s, '"', len) == NULL) ? '"' : '\'';
    print_strn(p, &quote, 1);
    const char *end = s + len, *run = s;
    while (s < end) {
        unsigned char c = *s;
        if (c >= 0x20 && c < 0x7F && c != '\\' && c != (unsigned char)quote) {
            s++;
            continue;
        }
        const char *here = s;
        uint32_t cp = c;
        if (c >= 0x80) {
            cp = utf8_decode(&s);
            if (!ascii_only && unicode_isprintable(cp)) {
                continue;
            }
        } else {
            s++;
        }
        print_strn(p, run, (size_t)(here - run));
        run = s;
        char buf[12];
        size_t n = 2;
        buf[0] = '\\';
        switch (cp) {
            case '\\': buf[1] = '\\'; break;
            case '\n': buf[1] = 'n'; break;
            case '\r': buf[1] = 'r'; break;
            case '\t': buf[1] = 't'; break;
            case '\'': case '"': buf[1] = (char)cp; break;
            default: {
                static const char hex[] = "0123456789abcdef";
                int digits = cp <= 0xFF ? 2 : cp <= 0xFFFF ? 4 : 8;
                buf[1] = cp <= 0xFF ? 'x' : cp <= 0xFFFF ? 'u' : 'U';
                for (int i = digits - 1; i >= 0; i--) {
                    buf[n++] = hex[(cp >> (4 * i)) & 15];
                }
            }
        }
        print_strn(p, buf, n);
    }
    print_strn(p, run, (size_t)(end - run));
    print_strn(p, &quote, 1);
}

static void str_print(const print_t *p, value_t self, print_kind_t kind) {
    size_t len;
    const char *s = str_data(self, &len);
    if (kind == PRINT_STR) {
        print_strn(p, s, len);
    } else {
        str_print_quoted(p, s, len, false);
    }
}

value_t obj_repr(value_t v) {
    vstr_t vs;
    vstr_init(&vs, 16);
    print_t p = vstr_printer(&vs);
    obj_print(&p, v, PRINT_REPR);
    return str_from_vstr(&vs);
}

value_t obj_str(value_t v) {
    if (value_is_str(v)) {
        return v;
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    print_t p = vstr_printer(&vs);
    obj_print(&p, v, PRINT_STR);
    return str_from_vstr(&vs);
}

// ---- decoding -------------------------------------------------------------

value_t str_decode_utf8(const char *data, size_t len, value_t errors) {
    size_t bad, badlen;
    if (utf8_check(data, len, &bad, &badlen)) {
        return str_new(data, len);
    }
    size_t elen = 0;
    const char *e = errors == VAL_NULL ? "strict" : str_arg(errors, &elen);
    if (errors == VAL_NULL) {
        elen = 6;
    }
    bool replace = elen == 7 && memcmp(e, "replace", 7) == 0;
    bool ignore = elen == 6 && memcmp(e, "ignore", 6) == 0;
    if (!replace && !ignore) {
        unsigned char b = (unsigned char)data[bad];
        const char *why = (b >= 0x80 && b < 0xC0) || b >= 0xF5 || b == 0xC0 || b == 0xC1
                              ? "invalid start byte"
                          : bad + badlen >= len ? "unexpected end of data"
                                                : "invalid continuation byte";
        if (badlen > 1) {
            raise_fmt(&type_UnicodeError, "'utf-8' codec can't decode bytes in position %u-%u: %s",
                      (unsigned)bad, (unsigned)(bad + badlen - 1), why);
        }
        raise_fmt(&type_UnicodeError, "'utf-8' codec can't decode byte 0x%x in position %u: %s",
                  (unsigned)b, (unsigned)bad, why);
    }
    vstr_t vs;
    vstr_init(&vs, len);
    while (len > 0) {
        if (utf8_check(data, len, &bad, &badlen)) {
            vstr_add_strn(&vs, data, len);
            break;
        }
        vstr_add_strn(&vs, data, bad);
        if (replace) {
            vstr_add_utf8(&vs, 0xFFFD);
        }
        data += bad + badlen;
        len -= bad + badlen;
    }
    return str_from_vstr(&vs);
}

// ---- constructor ----------------------------------------------------------

static value_t str_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_object, Q_encoding, Q_errors, Q_NULL};
    value_t obj = n_args > 0 ? args[0] : VAL_NULL;
    value_t encoding = n_args > 1 ? args[1] : VAL_NULL;
    value_t errors = n_args > 2 ? args[2] : VAL_NULL;
    if (n_args > 3) {
        raise_fmt(&type_TypeError, "str() takes at most 3 arguments (%u given)", (unsigned)n_args);
    }
    if (n_kw > 0) {
        arg_kw_check(n_args, n_kw, args, allowed, Q_str);
        value_t v;
        if ((v = arg_kw(n_args, n_kw, args, Q_object)) != VAL_NULL) {
            obj = v;
        }
        if ((v = arg_kw(n_args, n_kw, args, Q_encoding)) != VAL_NULL) {
            encoding = v;
        }
        if ((v = arg_kw(n_args, n_kw, args, Q_errors)) != VAL_NULL) {
            errors = v;
        }
    }
    if (obj == VAL_NULL) {
        return QSTR(Q_empty);
    }
    if (encoding == VAL_NULL && errors == VAL_NULL) {
        return obj_str(obj);
    }
    if (encoding != VAL_NULL) {
        str_arg(encoding, &(size_t){0});
    }
    const char *data;
    size_t len;
    if (!bytes_get_data(obj, &data, &len)) {
        if (value_is_str(obj)) {
            raise_msg(&type_TypeError, "decoding str is not supported");
        }
        raise_fmt(&type_TypeError, "decoding to str: need a bytes-like object, %s found",
                  qstr_str(value_type_name(obj)));
    }
    return str_decode_utf8(data, len, errors);
}

// ---- indexing -------------------------------------------------------------

// Pointer to code point i (0 <= i <= charlen) of non-ASCII text.
const char *str_char_ptr(const char *s, size_t len, size_t charlen, size_t i) {
    if (charlen == len) {
        return s + i;
    }
    if (i > charlen / 2) {
        // walk back from the end
        const char *p = s + len;
        size_t back = charlen - i;
        while (back > 0) {
            p--;
            while (UTF8_IS_CONT(*p)) {
                p--;
            }
            back--;
        }
        return p;
    }
    return utf8_skip(s, s + len, i);
}

static value_t str_slice(const char *s, size_t len, size_t charlen, value_t index) {
    smallint_t start, stop, step;
    slice_indices(index, charlen, &start, &stop, &step);
    if (step == 1) {
        if (stop <= start) {
            return QSTR(Q_empty);
        }
        const char *a = str_char_ptr(s, len, charlen, (size_t)start);
        const char *b = charlen == len ? s + stop : utf8_skip(a, s + len, (size_t)(stop - start));
        return str_new_len(a, (size_t)(b - a), (size_t)(stop - start));
    }
    size_t count;
    if (step > 0) {
        count = stop > start ? (size_t)((stop - start + step - 1) / step) : 0;
    } else {
        count = start > stop ? (size_t)((start - stop - step - 1) / (-step)) : 0;
    }
    if (count == 0) {
        return QSTR(Q_empty);
    }
    vstr_t vs;
    if (charlen == len) {
        vstr_init(&vs, count);
        char *out = vstr_extend(&vs, count);
        for (size_t k = 0; k < count; k++, start += step) {
            out[k] = s[start];
        }
    } else {
        vstr_init(&vs, count * 2);
        const char *p = str_char_ptr(s, len, charlen, (size_t)start), *end = s + len;
        for (size_t k = 0;;) {
            vstr_add_strn(&vs, p, utf8_seq_len((unsigned char)*p));
            if (++k == count) {
                break;
            }
            if (step > 0) {
                p = utf8_skip(p, end, (size_t)step);
            } else {
                for (smallint_t b = step; b < 0; b++) {
                    p--;
                    while (UTF8_IS_CONT(*p)) {
                        p--;
                    }
                }
            }
        }
    }
    return str_from_vstr(&vs);
}

static value_t str_subscr(value_t self, value_t index, value_t value) {
    if (value != VAL_SENTINEL) {
        return VAL_NULL;
    }
    size_t len;
    const char *s = str_data(self, &len);
    size_t charlen = str_charlen_of(self, s, len);
    if (VAL_IS_SMALL(index)) {
        smallint_t i = SMALL_VALUE(index);
        if (i < 0) {
            i += (smallint_t)charlen;
        }
        if (i < 0 || (size_t)i >= charlen) {
            raise_msg(&type_IndexError, "string index out of range");
        }
        if (charlen == len) {
            return ASCII_CHAR(s[i]);
        }
        const char *p = str_char_ptr(s, len, charlen, (size_t)i);
        return str_new_len(p, utf8_seq_len((unsigned char)*p), 1);
    }
    if (OBJ_TYPE_IS(index, &type_slice)) {
        return str_slice(s, len, charlen, index);
    }
    if (!value_is_int(index) && !(value_type(index)->flags & TYPE_FLAG_HEAP)) {
        raise_fmt(&type_TypeError, "string indices must be integers, not '%s'",
                  qstr_str(value_type_name(index)));
    }
    size_t i = seq_index(index, charlen, "string");
    const char *p = str_char_ptr(s, len, charlen, i);
    return str_new_len(p, utf8_seq_len((unsigned char)*p), 1);
}

const char *str_search(const char *h, size_t hlen, const char *n, size_t nlen) {
    if (nlen == 0) {
        return h;
    }
    if (nlen > hlen) {
        return NULL;
    }
    if (nlen == 1) {
        return memchr(h, n[0], hlen);
    }
    const char *last = h + (hlen - nlen);
    char first = n[0];
    while (h <= last) {
        h = memchr(h, first, (size_t)(last - h) + 1);
        if (h == NULL) {
            return NULL;
        }
        if (memcmp(h + 1, n + 1, nlen - 1) == 0) {
            return h;
        }
        h++;
    }
    return NULL;
}

const char *str_rsearch(const char *h, size_t hlen, const char *n, size_t nlen) {
    if (nlen == 0) {
        return h + hlen;
    }
    if (nlen > hlen) {
        return NULL;
    }
    for (const char *p = h + (hlen - nlen);; p--) {
        if (p[0] == n[0] && memcmp(p, n, nlen) == 0) {
            return p;
        }
        if (p == h) {
            return NULL;
        }
    }
}

// ---- operators ------------------------------------------------------------

static value_t str_repeat(const char *s, size_t len, size_t charlen, value_t times) {
    smallint_t n;
    if (!value_get_int_maybe(times, &n)) {
        // as a 64-bit CPython: not an index beyond 2**63, else too much memory
        double d = int_as_double(times);
        if (d >= 9.2e18 || d <= -9.2e18) {
            raise_msg(&type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        if (d < 0 || len == 0) {
            return QSTR(Q_empty);
        }
        raise_msg(&type_MemoryError, "repeated string is too long");
    }
    if (n <= 0 || len == 0) {
        return QSTR(Q_empty);
    }
    if (n == 1) {
        return str_new_len(s, len, charlen);
    }
    size_t total = check_mul_size(len, (size_t)n);
    str_obj_t *o = str_alloc(total);
    memcpy(o->data, s, len);
    size_t done = len;
    while (done < total) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(o->data + done, o->data, chunk);
        done += chunk;
    }
    o->charlen = (uint32_t)(charlen * (size_t)n);
    return PTR_VAL(o);
}

bool str_equal(value_t a, value_t b) {
    if (a == b) {
        return true;
    }
    if (VAL_IS_QSTR(a) && VAL_IS_QSTR(b)) {
        return false;
    }
    size_t alen, blen;
    const char *as = str_data(a, &alen), *bs = str_data(b, &blen);
    if (as == NULL || bs == NULL || alen != blen) {
        return false;
    }
    if (OBJ_TYPE_IS(a, &type_str) && OBJ_TYPE_IS(b, &type_str)) {
        uint32_t ha = ((str_obj_t *)VAL_PTR(a))->hash, hb = ((str_obj_t *)VAL_PTR(b))->hash;
        if (ha != 0 && hb != 0 && ha != hb) {
            return false;
        }
    }
    return memcmp(as, bs, alen) == 0;
}

static int str_compare(const char *a, size_t alen, const char *b, size_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c != 0) {
        return c;
    }
    return alen < blen ? -1 : alen > blen;
}

static bool is_user_object(value_t v) {
    return VAL_IS_OBJ(v) && (OBJ(v)->type->flags & TYPE_FLAG_HEAP);
}

static value_t str_binary_op(binop_t op, value_t lhs, value_t rhs) {
    size_t alen, blen;
    const char *a = str_data(lhs, &alen);
    if (op == BINOP_EQ || op == BINOP_NE) {
        if (str_data(rhs, &blen) == NULL) {
            return VAL_NULL;
        }
        return VAL_BOOL(str_equal(lhs, rhs) == (op == BINOP_EQ));
    }
    switch (op) {
        case BINOP_ADD:
        case BINOP_INPLACE_ADD: {
            const char *b = str_data(rhs, &blen);
            if (b == NULL) {
                if (is_user_object(rhs)) {
                    return VAL_NULL;
                }
                raise_fmt(&type_TypeError, "can only concatenate str (not \"%s\") to str",
                          qstr_str(value_type_name(rhs)));
            }
            if (blen == 0 && value_is_str(lhs)) {
                return lhs;
            }
            if (alen == 0 && value_is_str(rhs)) {
                return rhs;
            }
            str_obj_t *o = str_alloc(alen + blen);
            memcpy(o->data, a, alen);
            memcpy(o->data + alen, b, blen);
            o->charlen = (uint32_t)(str_charlen_of(lhs, a, alen) + str_charlen_of(rhs, b, blen));
            return PTR_VAL(o);
        }
        case BINOP_MUL:
        case BINOP_INPLACE_MUL:
        case BINOP_REFLECTED_MUL:
            if (!value_is_int(rhs)) {
                return VAL_NULL;   // the runtime tries __index__, or raises naming rhs
            }
            return str_repeat(a, alen, str_charlen_of(lhs, a, alen), rhs);
        case BINOP_MOD:
        case BINOP_INPLACE_MOD:
            return str_modulo(lhs, rhs, false);
        case BINOP_LT:
        case BINOP_GT:
        case BINOP_LE:
        case BINOP_GE: {
            const char *b = str_data(rhs, &blen);
            if (b == NULL) {
                return VAL_NULL;
            }
            int c = str_compare(a, alen, b, blen);
            bool r = op == BINOP_LT ? c < 0 : op == BINOP_GT ? c > 0 : op == BINOP_LE ? c <= 0 : c >= 0;
            return VAL_BOOL(r);
        }
        case BINOP_CONTAINS: {
            const char *b = str_data(rhs, &blen);
            if (b == NULL) {
                raise_fmt(&type_TypeError, "'in <string>' requires string as left operand, not %s",
                          qstr_str(value_type_name(rhs)));
            }
            return VAL_BOOL(str_search(a, alen, b, blen) != NULL);
        }
        default:
            return VAL_NULL;
    }
}

static value_t str_unary_op(unop_t op, value_t self) {
    switch (op) {
        case UNOP_HASH:
            return SMALL((smallint_t)str_value_hash(self));
        case UNOP_LEN: {
            size_t len;
            const char *s = str_data(self, &len);
            return SMALL((smallint_t)str_charlen_of(self, s, len));
        }
        case UNOP_BOOL: {
            size_t len;
            str_data(self, &len);
            return VAL_BOOL(len != 0);
        }
        default:
            return VAL_NULL;
    }
}

// ---- iteration ------------------------------------------------------------

typedef struct str_iter {
    obj_t base;
    value_t str;          // keeps the text alive
    const char *cur, *end;
} str_iter_t;

static value_t str_getiter(value_t self) {
    size_t len;
    const char *s = str_data(self, &len);
    str_iter_t *it = gc_alloc(sizeof(str_iter_t), 0);
    it->base.type = &type_str_iterator;
    it->str = self;
    it->cur = s;
    it->end = s + len;
    return PTR_VAL(it);
}

static value_t str_iter_self(value_t self) {
    return self;
}

static value_t str_iternext(value_t self) {
    str_iter_t *it = VAL_PTR(self);
    const char *p = it->cur;
    if (p >= it->end) {
        return VAL_STOP;
    }
    unsigned char c = *p;
    if (c < 0x80) {
        it->cur = p + 1;
        return ASCII_CHAR(c);
    }
    size_t n = utf8_seq_len(c);
    it->cur = p + n;
    return str_new_len(p, n, 1);
}

const type_t type_str_iterator = {
    {&type_type},
    .name = Q_str_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = str_iter_self,
    .iternext = str_iternext,
};

const type_t type_str = {
    {&type_type},
    .name = Q_str,
    .flags = TYPE_FLAG_BASETYPE,
    .print = str_print,
    .make_new = str_make_new,
    .unary_op = str_unary_op,
    .binary_op = str_binary_op,
    .subscr = str_subscr,
    .getiter = str_getiter,
    .locals = &str_locals,
};

// ---- f-string support -----------------------------------------------------

value_t str_join_n(size_t n, const value_t *pieces) {
    size_t total = 0, chars = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = str_arg(pieces[i], &len);
        total += len;
        chars += str_charlen_of(pieces[i], s, len);
    }
    if (total == 0) {
        return QSTR(Q_empty);
    }
    str_obj_t *o = str_alloc(total);
    char *out = o->data;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = str_data(pieces[i], &len);
        memcpy(out, s, len);
        out += len;
    }
    o->charlen = (uint32_t)chars;
    if (total == 1) {
        return ASCII_CHAR(o->data[0]);
    }
    return PTR_VAL(o);
}

// ---- builtins: chr, ord, repr, ascii --------------------------------------

static value_t builtin_chr(size_t n_args, size_t n_kw, const value_t *args) {
    smallint_t c;
    if (!value_get_int_maybe(args[0], &c)) {
        if (!value_is_int(args[0])) {
            raise_fmt(&type_TypeError, "'%s' object cannot be interpreted as an integer",
                      qstr_str(value_type_name(args[0])));
        }
        raise_msg(&type_OverflowError, "Python int too large to convert to C int");
    }
    if (c < INT32_MIN || c > INT32_MAX) {
        raise_msg(&type_OverflowError, "Python int too large to convert to C int");   // as a C int would be
    }
    if (c < 0 || c > 0x10FFFF) {
        raise_msg(&type_ValueError, "chr() arg not in range(0x110000)");
    }
    return str_from_char((uint32_t)c);
}
BUILTIN_FN(builtin_chr_obj, Q_chr, 1, 1, false, builtin_chr);

static value_t builtin_ord(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_data(args[0], &len);
    if (s != NULL) {
        size_t charlen = str_charlen_of(args[0], s, len);
        if (charlen != 1) {
            raise_fmt(&type_TypeError, "ord() expected a character, but string of length %u found",
                      (unsigned)charlen);
        }
        return SMALL(utf8_decode(&s));
    }
    if (OBJ_TYPE_IS(args[0], &type_bytes) || OBJ_TYPE_IS(args[0], &type_bytearray)) {
        bytes_get_data(args[0], &s, &len);
        if (len != 1) {
            raise_fmt(&type_TypeError, "ord() expected a character, but string of length %u found",
                      (unsigned)len);
        }
        return SMALL((unsigned char)s[0]);
    }
    raise_fmt(&type_TypeError, "ord() expected string of length 1, but %s found",
              qstr_str(value_type_name(args[0])));
}
BUILTIN_FN(builtin_ord_obj, Q_ord, 1, 1, false, builtin_ord);

static value_t builtin_repr(size_t n_args, size_t n_kw, const value_t *args) {
    return obj_repr(args[0]);
}
BUILTIN_FN(builtin_repr_obj, Q_repr, 1, 1, false, builtin_repr);

static value_t builtin_ascii(size_t n_args, size_t n_kw, const value_t *args) {
    value_t r = obj_repr(args[0]);
    size_t len;
    const char *s = str_data(r, &len);
    if (str_charlen_of(r, s, len) == len) {
        return r;
    }
    vstr_t vs;
    vstr_init(&vs, len + 16);
    const char *end = s + len;
    while (s < end) {
        const char *run = s;
        while (s < end && (unsigned char)*s < 0x80) {
            s++;
        }
        vstr_add_strn(&vs, run, (size_t)(s - run));
        if (s < end) {
            uint32_t c = utf8_decode(&s);
            char buf[12];
            static const char hex[] = "0123456789abcdef";
            int digits = c <= 0xFF ? 2 : c <= 0xFFFF ? 4 : 8;
            size_t n = 0;
            buf[n++] = '\\';
            buf[n++] = c <= 0xFF ? 'x' : c <= 0xFFFF ? 'u' : 'U';
            for (int i = digits - 1; i >= 0; i--) {
                buf[n++] = hex[(c >> (4 * i)) & 15];
            }
            vstr_add_strn(&vs, buf, n);
        }
    }
    return str_from_vstr(&vs);
}
BUILTIN_FN(builtin_ascii_obj, Q_ascii, 1, 1, false, builtin_ascii);
