// SPDX-License-Identifier: MIT
// str/bytes methods on single characters: case mapping (upper, lower,
// swapcase, capitalize, title, casefold), the is* predicates, expandtabs,
// and str.encode. str follows CPython 3.11 with the character database of
// unicode.c: full case mappings (ß -> SS, ﬁ -> Fi), titlecase letters (ǅ),
// and Greek final sigma; bytes and bytearray use ASCII rules only, as
// CPython does.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

// Names made by the macros below (listed for tools/genqstr.py): Q_upper
// Q_lower Q_swapcase Q_capitalize Q_title Q_casefold Q_isdigit Q_isalpha
// Q_isspace Q_isdecimal Q_isnumeric Q_isalnum Q_isprintable Q_isascii

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_CAPITALIZE, CASE_TITLE, CASE_FOLD };

// ASCII text (all of bytes, and str whose charlen == len): one pass over
// the bytes into a buffer of the same length.
static value_t case_ascii(const strarg_t *s, int mode) {
    vstr_t vs;
    vstr_init(&vs, s->len);
    char *out = vstr_extend(&vs, s->len);
    const unsigned char *p = (const unsigned char *)s->data;
    bool prev_cased = false;
    if (mode == CASE_UPPER) {
        for (size_t i = 0; i < s->len; i++) {
            unsigned c = p[i];
            out[i] = (char)(c - ((c - 'a' < 26u) << 5));
        }
    } else if (mode == CASE_LOWER || mode == CASE_FOLD) {
        for (size_t i = 0; i < s->len; i++) {
            unsigned c = p[i];
            out[i] = (char)(c + ((c - 'A' < 26u) << 5));
        }
    }
    for (size_t i = mode <= CASE_LOWER || mode == CASE_FOLD ? s->len : 0; i < s->len; i++) {
        unsigned c = p[i];
        bool is_up = c >= 'A' && c <= 'Z', is_low = c >= 'a' && c <= 'z';
        bool up;
        switch (mode) {
            case CASE_SWAP: up = is_low; break;
            case CASE_CAPITALIZE: up = i == 0; break;
            default: up = !prev_cased; prev_cased = is_up || is_low; break;
        }
        out[i] = (char)(up ? (is_low ? c - 32 : c) : (is_up ? c + 32 : c));
    }
    if (s->type == &type_str) {
        return str_from_vstr_charlen(&vs, s->len);
    }
    return strarg_from_vstr(s->type, &vs);
}

// ---- case mapping of non-ASCII str ------------------------------------------

// Appends the full mapping of c, one to three code points.
static void add_mapped(vstr_t *vs, uint32_t c, unicode_case_t kind) {
    uint32_t out[3];
    size_t n = unicode_case_full(c, kind, out);
    for (size_t i = 0; i < n; i++) {
        vstr_add_utf8(vs, out[i]);
    }
}

// Steps *p back over the code point that ends there (*p > start).
static uint32_t decode_before(const char *start, const char **p) {
    const char *q = *p - 1;
    while (q > start && UTF8_IS_CONT(*q)) {
        q--;
    }
    *p = q;
    return utf8_decode(&q);
}

// A capital sigma (at..after in start..end) lowers to the final ς when a
// cased letter comes before it and none after it, skipping case-ignorable
// characters (accents, apostrophes) both ways: CPython's
// handle_capital_sigma, after Unicode's Final_Sigma condition.
static bool is_final_sigma(const char *start, const char *at, const char *after, const char *end) {
    const char *p = at;
    uint32_t c;
    do {
        if (p == start) {
            return false;
        }
        c = decode_before(start, &p);
    } while (unicode_iscaseignorable(c));
    if (!unicode_iscased(c)) {
        return false;
    }
    p = after;
    while (p < end) {
        c = utf8_decode(&p);
        if (!unicode_iscaseignorable(c)) {
            return !unicode_iscased(c);
        }
    }
    return true;
}

// The lower case of the character c at..after: only sigma looks around.
static void add_lower(vstr_t *vs, uint32_t c, const strarg_t *s, const char *at, const char *after) {
    if (c == 0x3A3) {
        bool final = is_final_sigma(s->data, at, after, s->data + s->len);
        vstr_add_utf8(vs, final ? 0x3C2 : 0x3C3);
    } else {
        add_mapped(vs, c, UNICODE_TO_LOWER);
    }
}

// Any str, a code point at a time, as CPython's do_upper, do_lower,
// do_swapcase, do_capitalize (titlecase first since 3.8), do_title and
// do_casefold.
static value_t case_unicode(const strarg_t *s, int mode) {
    vstr_t vs;
    vstr_init(&vs, s->len);
    const char *p = s->data, *end = s->data + s->len;
    bool prev_cased = false;
    while (p < end) {
        const char *at = p;
        uint32_t c = utf8_decode(&p);
        switch (mode) {
            case CASE_UPPER:
                add_mapped(&vs, c, UNICODE_TO_UPPER);
                break;
            case CASE_LOWER:
                add_lower(&vs, c, s, at, p);
                break;
            case CASE_FOLD:
                add_mapped(&vs, c, UNICODE_TO_FOLD);
                break;
            case CASE_SWAP:
                if (unicode_isupper(c)) {
                    add_lower(&vs, c, s, at, p);
                } else if (unicode_islower(c)) {
                    add_mapped(&vs, c, UNICODE_TO_UPPER);
                } else {
                    vstr_add_strn(&vs, at, (size_t)(p - at));
                }
                break;
            case CASE_CAPITALIZE:
                if (at == s->data) {
                    add_mapped(&vs, c, UNICODE_TO_TITLE);
                } else {
                    add_lower(&vs, c, s, at, p);
                }
                break;
            default:  // CASE_TITLE
                if (prev_cased) {
                    add_lower(&vs, c, s, at, p);
                } else {
                    add_mapped(&vs, c, UNICODE_TO_TITLE);
                }
                prev_cased = unicode_iscased(c);
                break;
        }
    }
    return str_from_vstr(&vs);
}

static value_t case_common(value_t self, int mode) {
    strarg_t s;
    strarg_self(self, &s);
    if (s.type != &type_str || s.charlen == s.len) {
        return case_ascii(&s, mode);
    }
    return case_unicode(&s, mode);
}

#define CASE_METHOD(name, mode)                                                 \
    static value_t str_##name(size_t n_args, size_t n_kw, const value_t *args) { \
        return case_common(args[0], mode);                                      \
    }                                                                           \
    BUILTIN_FN(str_##name##_obj, Q_##name, 1, 1, false, str_##name)

CASE_METHOD(upper, CASE_UPPER);
CASE_METHOD(lower, CASE_LOWER);
CASE_METHOD(swapcase, CASE_SWAP);
CASE_METHOD(capitalize, CASE_CAPITALIZE);
CASE_METHOD(title, CASE_TITLE);
CASE_METHOD(casefold, CASE_FOLD);

// ---- predicates -------------------------------------------------------------

static bool byte_isspace(uint32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

static bool is_alnum(uint32_t c) {
    return unicode_isalpha(c) || unicode_isnumeric(c);
}

static bool is_ascii(uint32_t c) {
    return c < 0x80;
}

// True when every character satisfies pred (and, unless empty_ok, there is
// at least one).
static value_t all_chars(value_t self, bool (*pred)(uint32_t), bool empty_ok) {
    strarg_t s;
    strarg_self(self, &s);
    if (s.len == 0) {
        return VAL_BOOL(empty_ok);
    }
    bool is_str = s.type == &type_str;
    if (pred == unicode_isspace && !is_str) {
        pred = byte_isspace;
    }
    const char *p = s.data, *end = s.data + s.len;
    while (p < end) {
        uint32_t c;
        if ((unsigned char)*p < 0x80 || !is_str) {
            c = (unsigned char)*p++;
            if (c >= 0x80 && pred != is_ascii) {
                return VAL_FALSE;
            }
        } else {
            c = utf8_decode(&p);
        }
        if (!pred(c)) {
            return VAL_FALSE;
        }
    }
    return VAL_TRUE;
}

#define PRED_METHOD(name, pred, empty_ok)                                       \
    static value_t str_##name(size_t n_args, size_t n_kw, const value_t *args) { \
        return all_chars(args[0], pred, empty_ok);                              \
    }                                                                           \
    BUILTIN_FN(str_##name##_obj, Q_##name, 1, 1, false, str_##name)

PRED_METHOD(isdigit, unicode_isdigit, false);
PRED_METHOD(isalpha, unicode_isalpha, false);
PRED_METHOD(isspace, unicode_isspace, false);
PRED_METHOD(isdecimal, unicode_isdecimal, false);
PRED_METHOD(isnumeric, unicode_isnumeric, false);
PRED_METHOD(isalnum, is_alnum, false);
PRED_METHOD(isprintable, unicode_isprintable, true);
PRED_METHOD(isascii, is_ascii, true);

// isupper, islower, istitle (which = 'u', 'l', 't') as CPython's: a
// titlecase letter (ǅ) is neither upper nor lower case, and in istitle()
// it starts a word as a capital does.
static value_t case_pred(value_t self, char which) {
    strarg_t s;
    strarg_self(self, &s);
    bool is_str = s.type == &type_str;
    bool cased = false, prev_cased = false;
    const char *p = s.data, *end = s.data + s.len;
    while (p < end) {
        unsigned props;
        if ((unsigned char)*p < 0x80 || !is_str) {
            unsigned c = (unsigned char)*p++;
            props = c - 'A' < 26u ? UNICODE_UPPER : c - 'a' < 26u ? UNICODE_LOWER : 0;
        } else {
            props = unicode_props(utf8_decode(&p));
        }
        bool up = props & UNICODE_UPPER, low = props & UNICODE_LOWER, title = props & UNICODE_TITLE;
        if (which == 'u') {
            if (low || title) {
                return VAL_FALSE;
            }
            cased |= up;
        } else if (which == 'l') {
            if (up || title) {
                return VAL_FALSE;
            }
            cased |= low;
        } else if (up || title || low) {
            // A capital or titlecase letter starts a word, a small one goes on.
            if (low != prev_cased) {
                return VAL_FALSE;
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return VAL_BOOL(cased);
}

static value_t str_isupper(size_t n_args, size_t n_kw, const value_t *args) {
    return case_pred(args[0], 'u');
}
BUILTIN_FN(str_isupper_obj, Q_isupper, 1, 1, false, str_isupper);

static value_t str_islower(size_t n_args, size_t n_kw, const value_t *args) {
    return case_pred(args[0], 'l');
}
BUILTIN_FN(str_islower_obj, Q_islower, 1, 1, false, str_islower);

static value_t str_istitle(size_t n_args, size_t n_kw, const value_t *args) {
    return case_pred(args[0], 't');
}
BUILTIN_FN(str_istitle_obj, Q_istitle, 1, 1, false, str_istitle);

static value_t str_isidentifier(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *p = str_self(args[0], &len), *end = p + len;
    if (len == 0) {
        return VAL_FALSE;
    }
    bool first = true;
    while (p < end) {
        uint32_t c = utf8_decode(&p);
        bool ok = first ? c == '_' || unicode_isidstart(c) : unicode_isidcontinue(c);
        if (!ok) {
            return VAL_FALSE;
        }
        first = false;
    }
    return VAL_TRUE;
}
BUILTIN_FN(str_isidentifier_obj, Q_isidentifier, 1, 1, false, str_isidentifier);

// ---- expandtabs -------------------------------------------------------------

static value_t str_expandtabs(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    value_t t = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_tabsize);
    smallint_t tabsize = t == VAL_NULL ? 8 : value_get_int(t);
    vstr_t vs;
    vstr_init(&vs, s.len + 8);
    size_t column = 0;
    const char *p = s.data, *end = s.data + s.len;
    while (p < end) {
        char c = *p++;
        if (c == '\t') {
            if (tabsize > 0) {
                size_t n = (size_t)tabsize - column % (size_t)tabsize;
                memset(vstr_extend(&vs, n), ' ', n);
                column += n;
            }
            continue;
        }
        vstr_add_char(&vs, c);
        if (c == '\n' || c == '\r') {
            column = 0;
        } else if (!UTF8_IS_CONT(c) || s.type != &type_str) {
            column++;
        }
    }
    return strarg_from_vstr(s.type, &vs);
}
BUILTIN_FN(str_expandtabs_obj, Q_expandtabs, 1, 2, true, str_expandtabs);

// ---- encode -----------------------------------------------------------------

// Encodings known by name: 0 utf-8, 1 ascii, 2 latin-1.
int str_encoding_id(value_t encoding) {
    if (encoding == VAL_NULL) {
        return 0;
    }
    size_t len;
    const char *e = str_arg(encoding, &len);
    char norm[16];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof(norm) - 1; i++) {
        char c = e[i];
        if (c == '-' || c == ' ') {
            c = '_';
        }
        norm[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    norm[n] = 0;
    if (len < sizeof(norm)) {
        if (!strcmp(norm, "utf_8") || !strcmp(norm, "utf8")) {
            return 0;
        }
        if (!strcmp(norm, "ascii") || !strcmp(norm, "us_ascii")) {
            return 1;
        }
        if (!strcmp(norm, "latin_1") || !strcmp(norm, "latin1") || !strcmp(norm, "iso_8859_1") ||
            !strcmp(norm, "iso8859_1") || !strcmp(norm, "l1")) {
            return 2;
        }
    }
    raise_fmt(&type_LookupError, "unknown encoding: %s", e);
}

static value_t str_encode(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_self(args[0], &len);
    value_t encoding = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_encoding);
    value_t errors = n_args > 2 ? args[2] : arg_kw(n_args, n_kw, args, Q_errors);
    int id = str_encoding_id(encoding);
    if (id == 0 || str_charlen_of(args[0], s, len) == len) {
        return bytes_new((const uint8_t *)s, len);
    }
    size_t elen = 0;
    const char *err = errors == VAL_NULL ? "strict" : str_arg(errors, &elen);
    if (errors == VAL_NULL) {
        elen = 6;
    }
    uint32_t limit = id == 1 ? 0x80 : 0x100;
    vstr_t vs;
    vstr_init(&vs, len);
    const char *p = s, *end = s + len;
    size_t pos = 0;
    for (; p < end; pos++) {
        uint32_t c = utf8_decode(&p);
        if (c < limit) {
            vstr_add_char(&vs, (char)c);
        } else if (elen == 7 && !memcmp(err, "replace", 7)) {
            vstr_add_char(&vs, '?');
        } else if (!(elen == 6 && !memcmp(err, "ignore", 6))) {
            raise_fmt(&type_UnicodeError,
                      "'%s' codec can't encode character '\\x%x' in position %u: ordinal not in range(%u)",
                      id == 1 ? "ascii" : "latin-1", (unsigned)c, (unsigned)pos, (unsigned)limit);
        }
    }
    return bytes_from_vstr(&vs);
}
BUILTIN_FN(str_encode_obj, Q_encode, 1, 3, true, str_encode);

// ---- maketrans, translate ---------------------------------------------------

// str.maketrans(x[, y[, z]]): called through the class, so args are the
// user's arguments only.
static value_t str_maketrans(size_t n_args, size_t n_kw, const value_t *args) {
    value_t d = dict_new(8);
    if (n_args == 1) {
        if (!OBJ_TYPE_IS(args[0], &type_dict)) {
            raise_msg(&type_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        map_t *m = dict_map(args[0]);
        for (size_t i = 0; i < m->filled; i++) {
            value_t k = m->table[i].key;
            if (k == VAL_NULL) {
                continue;
            }
            size_t len;
            const char *s = str_data(k, &len);
            if (s != NULL) {
                if (str_charlen_of(k, s, len) != 1) {
                    raise_msg(&type_ValueError, "string keys in translate table must be of length 1");
                }
                k = SMALL(utf8_decode(&s));
            } else if (!value_is_int(k)) {
                raise_msg(&type_TypeError, "keys in translate table must be strings or integers");
            }
            dict_store(d, k, m->table[i].value);
        }
        return d;
    }
    size_t xl, yl;
    const char *x = str_arg(args[0], &xl), *y = str_arg(args[1], &yl);
    if (utf8_charlen(x, xl) != utf8_charlen(y, yl)) {
        raise_msg(&type_ValueError, "the first two maketrans arguments must have equal length");
    }
    const char *xe = x + xl;
    while (x < xe) {
        uint32_t a = utf8_decode(&x), b = utf8_decode(&y);
        dict_store(d, SMALL(a), SMALL(b));
    }
    if (n_args > 2) {
        size_t zl;
        const char *z = str_arg(args[2], &zl), *ze = z + zl;
        while (z < ze) {
            dict_store(d, SMALL(utf8_decode(&z)), VAL_NONE);
        }
    }
    return d;
}
BUILTIN_FN(str_maketrans_obj, Q_maketrans, 1, 3, false, str_maketrans);

static value_t translate_lookup(value_t table, uint32_t c) {
    if (OBJ_TYPE_IS(table, &type_dict)) {
        return dict_get(table, SMALL(c));
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t r = obj_subscr(table, SMALL(c), VAL_SENTINEL);
        nlr_pop();
        return r;
    }
    if (exc_matches(nlr.value, PTR_VAL(&type_LookupError))) {
        return VAL_NULL;
    }
    nlr_raise(nlr.value);
}

static value_t str_translate(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    vstr_t vs;
    vstr_init(&vs, s.len);
    const char *p = s.data, *end = s.data + s.len;
    if (s.type != &type_str) {
        // bytes.translate(table, delete=b'')
        const char *tab = NULL, *del = "";
        size_t tlen = 256, dlen = 0;
        if (args[1] != VAL_NONE && (!bytes_get_data(args[1], &tab, &tlen) || tlen != 256)) {
            raise_msg(&type_ValueError, "translation table must be 256 characters long");
        }
        if (n_args > 2 && !bytes_get_data(args[2], &del, &dlen)) {
            raise_fmt(&type_TypeError, "a bytes-like object is required, not '%s'",
                      qstr_str(value_type_name(args[2])));
        }
        for (; p < end; p++) {
            if (memchr(del, *p, dlen) == NULL) {
                vstr_add_char(&vs, tab ? tab[(unsigned char)*p] : *p);
            }
        }
        return strarg_from_vstr(s.type, &vs);
    }
    while (p < end) {
        const char *start = p;
        uint32_t c = utf8_decode(&p);
        value_t r = translate_lookup(args[1], c);
        if (r == VAL_NULL) {
            vstr_add_strn(&vs, start, (size_t)(p - start));
        } else if (r == VAL_NONE) {
            continue;
        } else if (value_is_int(r)) {
            smallint_t cp = value_get_int(r);
            if (cp < 0 || cp > 0x10FFFF) {
                raise_msg(&type_ValueError, "character mapping must be in range(0x110000)");
            }
            vstr_add_utf8(&vs, (uint32_t)cp);
        } else {
            size_t len;
            const char *t = str_data(r, &len);
            if (t == NULL) {
                raise_msg(&type_TypeError, "character mapping must return integer, None or str");
            }
            vstr_add_strn(&vs, t, len);
        }
    }
    return str_from_vstr(&vs);
}
BUILTIN_FN(str_translate_obj, Q_translate, 2, 3, false, str_translate);
