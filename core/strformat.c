// SPDX-License-Identifier: MIT
// String formatting: str.format, the format() builtin, the f-string
// support functions, and printf-style % formatting of str and bytes.
//
// The format-spec mini-language itself (what follows ':' in a field) is
// format.c's format_value, for the builtin int, float, complex, str and
// bool; other objects are asked through their __format__ method. %
// formatting does its own integer conversions (for the precision rules of
// %d) and hands floats to format_value with an equivalent spec.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

static bool is_plain_builtin(value_t v) {
    return !VAL_IS_OBJ(v) || !(OBJ(v)->type->flags & TYPE_FLAG_HEAP);
}

static bool has_format_value(value_t v) {
    if (VAL_IS_SMALL(v) || VAL_IS_QSTR(v) || VAL_IS_BOOL(v)) {
        return true;
    }
    if (!VAL_IS_OBJ(v)) {
        return false;
    }
    const type_t *t = OBJ(v)->type;
    return t == &type_str || t == &type_float || t == &type_int || t == &type_complex;
}

static value_t ascii_of(value_t v) {
    return builtin_ascii_obj.fn(1, 0, &v);
}

static value_t convert(value_t v, int conversion) {
    switch (conversion) {
        case 'r': return obj_repr(v);
        case 's': return obj_str(v);
        case 'a': return ascii_of(v);
        default: return v;
    }
}

// Appends format(v, spec) to out.
static void format_field(vstr_t *out, value_t v, const char *spec, size_t speclen) {
    if (speclen == 0 && value_is_str(v)) {
        size_t len;
        const char *s = str_data(v, &len);
        vstr_add_strn(out, s, len);
        return;
    }
    if (has_format_value(v)) {
        format_value(out, v, spec, speclen);
        return;
    }
    value_t dest[2];
    if (!is_plain_builtin(v) && obj_load_method_maybe(v, Q___format__, dest)) {
        value_t arg = str_new(spec, speclen);
        value_t r = dest[1] == VAL_NULL ? call_function(dest[0], 1, 0, &arg)
                                        : call_function_2(dest[0], dest[1], arg);
        size_t len;
        const char *s = str_data(r, &len);
        if (s == NULL) {
            raise_fmt(&type_TypeError, "__format__ must return a str, not %s",
                      qstr_str(value_type_name(r)));
        }
        vstr_add_strn(out, s, len);
        return;
    }
    if (speclen > 0) {
        raise_fmt(&type_TypeError, "unsupported format string passed to %s.__format__",
                  qstr_str(value_type_name(v)));
    }
    value_t s = obj_str(v);
    size_t len;
    const char *d = str_data(s, &len);
    vstr_add_strn(out, d, len);
}

value_t str_format_field(value_t v, int conversion, value_t spec) {
    v = convert(v, conversion);
    size_t speclen = 0;
    const char *sp = spec == VAL_NULL ? "" : str_arg(spec, &speclen);
    if (speclen == 0) {
        if (value_is_str(v)) {
            return v;
        }
        if (is_plain_builtin(v)) {
            return obj_str(v);
        }
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    format_field(&vs, v, sp, speclen);
    return str_from_vstr(&vs);
}

static value_t builtin_format(size_t n_args, size_t n_kw, const value_t *args) {
    value_t spec = VAL_NULL;
    if (n_args > 1) {
        spec = args[1];
        if (!value_is_str(spec) && str_data(spec, &(size_t){0}) == NULL) {
            raise_fmt(&type_TypeError, "format() argument 2 must be str, not %s",
                      qstr_str(value_type_name(spec)));
        }
    }
    return str_format_field(args[0], 0, spec);
}
BUILTIN_FN(builtin_format_obj, Q_format, 1, 2, false, builtin_format);

// ---- str.format ---------------------------------------------------------------

typedef struct fmt_state {
    size_t n_pos;
    const value_t *pos;
    size_t n_kw;
    const value_t *kw;        // (name, value) pairs
    smallint_t next_auto;     // -1 once a manual index was used
    bool used_manual;
    value_t mapping;          // format_map's argument, or VAL_NULL
} fmt_state_t;

static bool all_digits(const char *s, size_t len) {
    if (len == 0) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    return true;
}

static smallint_t parse_digits(const char *s, size_t len) {
    smallint_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (n > SMALL_MAX / 10 - 10) {
            raise_msg(&type_ValueError, "Too many decimal digits in format string");
        }
        n = n * 10 + (s[i] - '0');
    }
    return n;
}

static value_t positional(fmt_state_t *st, smallint_t i) {
    if (i < 0 || (size_t)i >= st->n_pos) {
        raise_fmt(&type_IndexError, "Replacement index %d out of range for positional args tuple",
                  (int)i);
    }
    return st->pos[i];
}

static value_t field_value(fmt_state_t *st, const char *name, size_t len) {
    size_t first = 0;
    while (first < len && name[first] != '.' && name[first] != '[') {
        first++;
    }
    value_t v;
    if (first == 0) {
        if (st->used_manual) {
            raise_msg(&type_ValueError,
                      "cannot switch from manual field specification to automatic field numbering");
        }
        v = positional(st, st->next_auto++);
    } else if (all_digits(name, first)) {
        if (st->next_auto > 0) {
            raise_msg(&type_ValueError,
                      "cannot switch from automatic field numbering to manual field specification");
        }
        st->used_manual = true;
        v = positional(st, parse_digits(name, first));
    } else if (st->mapping != VAL_NULL) {
        v = obj_subscr(st->mapping, str_new(name, first), VAL_SENTINEL);
    } else {
        v = VAL_NULL;
        for (size_t i = 0; i < st->n_kw; i++) {
            size_t klen;
            const char *k = str_data(st->kw[2 * i], &klen);
            if (k != NULL && klen == first && memcmp(k, name, first) == 0) {
                v = st->kw[2 * i + 1];
                break;
            }
        }
        if (v == VAL_NULL) {
            value_t key = str_new(name, first);
            raise_obj(exc_new(&type_KeyError, 1, &key));
        }
    }
    const char *p = name + first, *end = name + len;
    while (p < end) {
        if (*p == '.') {
            const char *a = ++p;
            while (p < end && *p != '.' && *p != '[') {
                p++;
            }
            if (p == a) {
                raise_msg(&type_ValueError, "Empty attribute in format string");
            }
            v = obj_getattr(v, qstr_from_strn(a, (size_t)(p - a)));
        } else if (*p == '[') {
            const char *a = ++p;
            while (p < end && *p != ']') {
                p++;
            }
            if (p >= end) {
                raise_msg(&type_ValueError, "Missing ']' in format string");
            }
            if (p == a) {
                raise_msg(&type_ValueError, "Empty attribute in format string");
            }
            value_t key = all_digits(a, (size_t)(p - a)) ? SMALL(parse_digits(a, (size_t)(p - a)))
                                                         : str_new(a, (size_t)(p - a));
            v = obj_subscr(v, key, VAL_SENTINEL);
            p++;
        } else {
            raise_msg(&type_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return v;
}

static void format_into(vstr_t *out, fmt_state_t *st, const char *s, size_t len, int depth) {
    const char *p = s, *end = s + len;
    while (p < end) {
        const char *lit = p;
        while (p < end && *p != '{' && *p != '}') {
            p++;
        }
        vstr_add_strn(out, lit, (size_t)(p - lit));
        if (p >= end) {
            break;
        }
        if (*p == '}') {
            if (p + 1 < end && p[1] == '}') {
                vstr_add_char(out, '}');
                p += 2;
                continue;
            }
            raise_msg(&type_ValueError, "Single '}' encountered in format string");
        }
        if (p + 1 < end && p[1] == '{') {
            vstr_add_char(out, '{');
            p += 2;
            continue;
        }
        // a replacement field: find its closing brace
        const char *f = ++p;
        int nest = 1, brackets = 0;
        const char *name_end = NULL;
        while (p < end) {
            char c = *p;
            if (name_end == NULL) {
                if (c == '[') {
                    brackets++;
                } else if (c == ']' && brackets > 0) {
                    brackets--;
                } else if (brackets == 0 && (c == '!' || c == ':')) {
                    name_end = p;
                }
            }
            if (brackets == 0 || name_end != NULL) {
                if (c == '{') {
                    nest++;
                } else if (c == '}' && --nest == 0) {
                    break;
                }
            }
            p++;
        }
        if (p >= end) {
            raise_msg(&type_ValueError, f == end                      ? "Single '{' encountered in format string"
                                        : name_end && *name_end == '!' ? "unmatched '{' in format spec"
                                                                       : "expected '}' before end of string");
        }
        if (name_end == NULL) {
            name_end = p;
        }
        int conversion = 0;
        const char *spec = p, *q = name_end;
        if (q < p && *q == '!') {
            if (q + 1 >= p) {
                raise_msg(&type_ValueError, "unmatched '{' in format spec");
            }
            conversion = (unsigned char)q[1];
            if (conversion != 'r' && conversion != 's' && conversion != 'a') {
                size_t clen = utf8_seq_len((unsigned char)q[1]);
                raise_fmt(&type_ValueError, "Unknown conversion specifier %s",
                          str_data(str_new(q + 1, clen), &(size_t){0}));
            }
            q += 2;
            if (q < p && *q != ':') {
                raise_msg(&type_ValueError, "expected ':' after conversion specifier");
            }
        }
        if (q < p && *q == ':') {
            spec = q + 1;
        }
        value_t v = field_value(st, f, (size_t)(name_end - f));
        v = convert(v, conversion);
        size_t speclen = (size_t)(p - spec);
        if (memchr(spec, '{', speclen) != NULL) {
            if (depth >= 1) {
                raise_msg(&type_ValueError, "Max string recursion exceeded");
            }
            vstr_t sv;
            vstr_init(&sv, speclen + 8);
            format_into(&sv, st, spec, speclen, depth + 1);
            format_field(out, v, sv.buf, sv.len);
        } else {
            format_field(out, v, spec, speclen);
        }
        p++;
    }
}

value_t str_format(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_self(args[0], &len);
    fmt_state_t st = {n_args - 1, args + 1, n_kw, args + n_args, 0, false, VAL_NULL};
    vstr_t vs;
    vstr_init(&vs, len + 16);
    format_into(&vs, &st, s, len, 0);
    return str_from_vstr(&vs);
}
BUILTIN_FN(str_format_obj, Q_format, 1, ARGS_MAX, true, str_format);

static value_t str_format_map(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_self(args[0], &len);
    fmt_state_t st = {0, NULL, 0, NULL, 0, false, args[1]};
    vstr_t vs;
    vstr_init(&vs, len + 16);
    format_into(&vs, &st, s, len, 0);
    return str_from_vstr(&vs);
}
BUILTIN_FN(str_format_map_obj, Q_format_map, 2, 2, false, str_format_map);

// ---- % formatting -------------------------------------------------------------

typedef struct pct {
    bool left, plus, space, alt, zero;
    smallint_t width, prec;      // -1: none
} pct_t;

static void pad_to(vstr_t *out, const char *s, size_t len, size_t chars, const pct_t *f) {
    size_t pad = f->width > 0 && (size_t)f->width > chars ? (size_t)f->width - chars : 0;
    if (!f->left && pad) {
        memset(vstr_extend(out, pad), ' ', pad);
    }
    vstr_add_strn(out, s, len);
    if (f->left && pad) {
        memset(vstr_extend(out, pad), ' ', pad);
    }
}

static void pct_int(vstr_t *out, value_t v, int conv, const pct_t *f) {
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    // small ints (and bools) are converted here, big ones by int.c
    char small[8 * sizeof(smallint_t) / 3 + 4];
    vstr_t digits = {small, 0, sizeof(small)};
    smallint_t i;
    bool neg;
    if (value_get_int_maybe(v, &i)) {
        neg = i < 0;
        uintptr_t u = neg ? -(uintptr_t)i : (uintptr_t)i;
        const char *dig = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        size_t n = sizeof(small);
        do {
            small[--n] = dig[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u != 0);
        digits.buf = small + n;
        digits.len = sizeof(small) - n;
    } else {
        vstr_init(&digits, 24);
        int_format_digits(&digits, v, base, conv == 'X');
        neg = int_is_negative(v);
    }
    char head[4];
    size_t hn = 0;
    if (neg) {
        head[hn++] = '-';
    } else if (f->plus) {
        head[hn++] = '+';
    } else if (f->space) {
        head[hn++] = ' ';
    }
    if (f->alt && base != 10) {
        head[hn++] = '0';
        head[hn++] = (char)(base == 8 ? 'o' : conv);
    }
    size_t zeros = f->prec > 0 && (size_t)f->prec > digits.len ? (size_t)f->prec - digits.len : 0;
    size_t body = hn + zeros + digits.len;
    if (f->zero && !f->left && f->width > 0 && (size_t)f->width > body) {
        zeros += (size_t)f->width - body;
        body = (size_t)f->width;
    }
    size_t pad = f->width > 0 && (size_t)f->width > body ? (size_t)f->width - body : 0;
    if (!f->left && pad) {
        memset(vstr_extend(out, pad), ' ', pad);
    }
    vstr_add_strn(out, head, hn);
    if (zeros) {
        memset(vstr_extend(out, zeros), '0', zeros);
    }
    vstr_add_strn(out, digits.buf, digits.len);
    if (f->left && pad) {
        memset(vstr_extend(out, pad), ' ', pad);
    }
}

static void pct_float(vstr_t *out, double d, int conv, const pct_t *f) {
    char spec[48];
    size_t n = 0;
    if (f->left) {
        spec[n++] = '<';
    }
    if (f->plus) {
        spec[n++] = '+';
    } else if (f->space) {
        spec[n++] = ' ';
    }
    if (f->alt) {
        spec[n++] = '#';
    }
    if (f->zero && !f->left) {
        spec[n++] = '0';
    }
    char num[24];
    size_t k = 0;
    if (f->width > 0) {
        smallint_t w = f->width;
        char rev[24];
        size_t r = 0;
        while (w > 0 && r < sizeof(rev)) {
            rev[r++] = (char)('0' + w % 10);
            w /= 10;
        }
        while (r > 0) {
            num[k++] = rev[--r];
        }
    }
    memcpy(spec + n, num, k);
    n += k;
    spec[n++] = '.';
    smallint_t p = f->prec < 0 ? 6 : f->prec;
    if (p > 999) {
        p = 999;
    }
    k = 0;
    char rev[8];
    do {
        rev[k++] = (char)('0' + p % 10);
        p /= 10;
    } while (p > 0);
    while (k > 0) {
        spec[n++] = rev[--k];
    }
    spec[n++] = (char)conv;
    format_value(out, float_new(d), spec, n);
}

static value_t pct_next(size_t n, const value_t *items, size_t *i) {
    if (*i >= n) {
        raise_msg(&type_TypeError, "not enough arguments for format string");
    }
    return items[(*i)++];
}

static smallint_t pct_star(size_t n, const value_t *items, size_t *i) {
    value_t v = pct_next(n, items, i);
    if (!value_is_int(v)) {
        raise_msg(&type_TypeError, "* wants int");
    }
    return value_get_int(v);
}

static void pct_bytes_of(vstr_t *out, value_t v, const pct_t *f, int conv) {
    const char *d;
    size_t len;
    if (!bytes_get_data(v, &d, &len)) {
        raise_fmt(&type_TypeError,
                  "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
                  qstr_str(value_type_name(v)));
    }
    if (f->prec >= 0 && (size_t)f->prec < len) {
        len = (size_t)f->prec;
    }
    pad_to(out, d, len, len, f);
}

value_t str_modulo(value_t fmt, value_t args, bool is_bytes) {
    const char *s;
    size_t len;
    if (is_bytes) {
        bytes_get_data(fmt, &s, &len);
    } else {
        s = str_data(fmt, &len);
    }
    size_t n_items = 1;
    const value_t *items = &args;
    // a tuple, or an instance of a subclass of tuple (its native tuple)
    tuple_obj_t *tuple = obj_native_maybe(args, &type_tuple);
    if (tuple != NULL) {
        items = tuple->items;
        n_items = tuple->len;
    }
    value_t mapping = VAL_NULL;
    // As CPython: any object with __getitem__ but a tuple or string can
    // be a mapping for %(key)s, and then extra arguments are no error.
    if (tuple == NULL && !value_is_str(args) && !value_is_bytes(args) &&
        !OBJ_TYPE_IS(args, &type_bytearray) && VAL_IS_OBJ(args) && OBJ(args)->type->subscr != NULL) {
        mapping = args;
    }
    bool keyed_used = false;
    size_t argi = 0;
    vstr_t vs;
    vstr_init(&vs, len + 16);
    const char *p = s, *end = s + len;
    while (p < end) {
        const char *lit = p;
        while (p < end && *p != '%') {
            p++;
        }
        vstr_add_strn(&vs, lit, (size_t)(p - lit));
        if (p >= end) {
            break;
        }
        p++;
        if (p >= end) {
            raise_msg(&type_ValueError, "incomplete format");
        }
        value_t keyed = VAL_NULL;
        if (*p == '(') {
            if (mapping == VAL_NULL) {
                raise_msg(&type_TypeError, "format requires a mapping");
            }
            const char *k = ++p;
            int depth = 1;
            while (p < end) {
                if (*p == '(') {
                    depth++;
                } else if (*p == ')' && --depth == 0) {
                    break;
                }
                p++;
            }
            if (p >= end) {
                raise_msg(&type_ValueError, "incomplete format key");
            }
            value_t key = is_bytes ? bytes_new((const uint8_t *)k, (size_t)(p - k))
                                   : str_new(k, (size_t)(p - k));
            keyed = obj_subscr(mapping, key, VAL_SENTINEL);
            keyed_used = true;
            p++;
        }
        pct_t f = {false, false, false, false, false, -1, -1};
        for (; p < end; p++) {
            char c = *p;
            if (c == '-') {
                f.left = true;
            } else if (c == '+') {
                f.plus = true;
            } else if (c == ' ') {
                f.space = true;
            } else if (c == '#') {
                f.alt = true;
            } else if (c == '0') {
                f.zero = true;
            } else {
                break;
            }
        }
        if (p < end && *p == '*') {
            f.width = pct_star(n_items, items, &argi);
            if (f.width < 0) {
                f.left = true;
                f.width = -f.width;
            }
            p++;
        } else {
            const char *d = p;
            while (p < end && *p >= '0' && *p <= '9') {
                p++;
            }
            if (p > d) {
                f.width = parse_digits(d, (size_t)(p - d));
            }
        }
        if (p < end && *p == '.') {
            p++;
            if (p < end && *p == '*') {
                f.prec = pct_star(n_items, items, &argi);
                if (f.prec < 0) {
                    f.prec = 0;
                }
                p++;
            } else {
                const char *d = p;
                while (p < end && *p >= '0' && *p <= '9') {
                    p++;
                }
                f.prec = parse_digits(d, (size_t)(p - d));
            }
        }
        while (p < end && (*p == 'h' || *p == 'l' || *p == 'L')) {
            p++;
        }
        if (p >= end) {
            raise_msg(&type_ValueError, "incomplete format");
        }
        int conv = (unsigned char)*p++;
        if (conv == '%') {
            vstr_add_char(&vs, '%');
            continue;
        }
        if (keyed == VAL_NULL && keyed_used) {
            raise_msg(&type_TypeError, "not enough arguments for format string");
        }
        value_t v = keyed != VAL_NULL ? keyed : pct_next(n_items, items, &argi);
        switch (conv) {
            case 's':
            case 'r':
            case 'a':
            case 'b': {
                if (is_bytes && (conv == 's' || conv == 'b')) {
                    pct_bytes_of(&vs, v, &f, conv);
                    break;
                }
                if (conv == 'b') {
                    goto bad_conv;
                }
                value_t t = conv == 's' ? obj_str(v) : conv == 'a' || is_bytes ? ascii_of(v) : obj_repr(v);
                size_t tlen;
                const char *ts = str_data(t, &tlen);
                size_t chars = str_charlen_of(t, ts, tlen);
                if (f.prec >= 0 && (size_t)f.prec < chars) {
                    const char *cut = str_char_ptr(ts, tlen, chars, (size_t)f.prec);
                    tlen = (size_t)(cut - ts);
                    chars = (size_t)f.prec;
                }
                pad_to(&vs, ts, tlen, chars, &f);
                break;
            }
            case 'c': {
                char buf[4];
                size_t blen, chars = 1;
                v = value_native_number(v);
                if (value_is_int(v)) {
                    smallint_t c = value_get_int(v);
                    if (is_bytes) {
                        if (c < 0 || c > 255) {
                            raise_msg(&type_OverflowError, "%c arg not in range(256)");
                        }
                        buf[0] = (char)c;
                        blen = 1;
                    } else {
                        if (c < 0 || c > 0x10FFFF) {
                            raise_msg(&type_OverflowError, "%c arg not in range(0x110000)");
                        }
                        blen = utf8_encode(buf, (uint32_t)c);
                    }
                } else {
                    const char *d;
                    size_t dlen;
                    bool ok = is_bytes ? bytes_get_data(v, &d, &dlen) && dlen == 1
                                       : (d = str_data(v, &dlen)) != NULL &&
                                             str_charlen_of(v, d, dlen) == 1;
                    if (!ok) {
                        raise_msg(&type_TypeError,
                                  is_bytes ? "%c requires an integer in range(256) or a single byte"
                                           : "%c requires int or char");
                    }
                    memcpy(buf, d, dlen);
                    blen = dlen;
                }
                pad_to(&vs, buf, blen, chars, &f);
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                v = value_native_number(v);
                if (!value_is_int(v)) {
                    double d;
                    if ((conv == 'd' || conv == 'i' || conv == 'u') && value_get_float_maybe(v, &d)) {
                        v = int_from_double(d);
                    } else if (conv == 'd' || conv == 'i' || conv == 'u') {
                        raise_fmt(&type_TypeError, "%%%c format: a real number is required, not %s",
                                  conv, qstr_str(value_type_name(v)));
                    } else {
                        raise_fmt(&type_TypeError, "%%%c format: an integer is required, not %s",
                                  conv, qstr_str(value_type_name(v)));
                    }
                }
                pct_int(&vs, v, conv, &f);
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                double d;
                if (!value_get_float_maybe(v, &d)) {
                    raise_fmt(&type_TypeError, "must be real number, not %s",
                              qstr_str(value_type_name(v)));
                }
                pct_float(&vs, d, conv, &f);
                break;
            }
            default:
            bad_conv:
                raise_fmt(&type_ValueError, "unsupported format character '%c' (0x%x) at index %u",
                          conv, (unsigned)conv, (unsigned)(p - 1 - s));
        }
    }
    if (mapping == VAL_NULL && argi < n_items) {
        raise_fmt(&type_TypeError, "not all arguments converted during %s formatting",
                  is_bytes ? "bytes" : "string");
    }
    if (is_bytes) {
        return bytes_from_vstr(&vs);
    }
    return str_from_vstr(&vs);
}
