// SPDX-License-Identifier: MIT
// The re module (also importable as ure): compiled patterns, match
// objects, and the functions built on searching (sub, split, findall,
// finditer), over the engine of re.h.
//
// MicroPython's re has compile, match, search, sub and split, match objects
// with group, groups, start, end and span, and raises ValueError for a bad
// pattern. This module has those and CPython's API around them (fullmatch,
// subn, findall, finditer, escape, flags, named groups, pos/endpos), with
// CPython's semantics: empty matches are found next to other matches, and
// a bad pattern raises re.error, which is a ValueError here, so that code
// written for either interpreter catches it. Match objects print as
// MicroPython's do (<match num=N>, N counting group 0).
//
// Positions inside the engine are byte offsets; for str subjects they are
// turned into character indexes at this module's boundary.
#include <string.h>

#include "lib.h"
#include "re.h"
#include "unicode.h"

// ---- re.error --------------------------------------------------------------------------

static void error_print(const print_t *p, value_t self, print_kind_t kind) {
    type_ValueError.print(p, self, kind);
}

static value_t error_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    return type_ValueError.make_new(type, n_args, n_kw, args);
}

static void error_attr(value_t self, qstr_t name, value_t *dest) {
    type_ValueError.attr(self, name, dest);
}

const type_t type_re_error = {
    {&type_type},
    .name = Q_error,
    .flags = TYPE_FLAG_EXCEPTION | TYPE_FLAG_BASETYPE,
    .print = error_print,
    .make_new = error_make_new,
    .attr = error_attr,
    .parent = &type_ValueError,
};

void re_error(intptr_t pos, const char *fmt, ...) {
    vstr_t vs;
    vstr_init(&vs, 48);
    print_t p = vstr_printer(&vs);
    va_list ap;
    va_start(ap, fmt);
    print_vfmt(&p, fmt, ap);
    va_end(ap);
    if (pos >= 0) {
        print_fmt(&p, " at position %u", (unsigned)pos);
    }
    value_t msg = str_from_vstr(&vs);
    raise_obj(exc_new(&type_re_error, 1, &msg));
}

// ---- subjects ------------------------------------------------------------------------------

typedef struct subject {
    const char *data;
    size_t len;          // bytes
    size_t charlen;      // characters (== len for bytes and ASCII text)
    bool is_str;
} subject_t;

// The text of a str (or str subclass) value, or NULL.
static const char *text_of(value_t v, size_t *len, size_t *charlen) {
    const char *s = str_data(v, len);
    if (s != NULL) {
        *charlen = OBJ_TYPE_IS(v, &type_str) ? ((str_obj_t *)VAL_PTR(v))->charlen : utf8_charlen(s, *len);
        return s;
    }
    str_obj_t *o = obj_native_maybe(v, &type_str);
    if (o == NULL) {
        return NULL;
    }
    *len = o->len;
    *charlen = o->charlen;
    return o->data;
}

// Reads the subject; TypeError when it is neither text nor a buffer, or
// not of the pattern's kind.
static void subject_of(value_t v, const re_prog_t *prog, subject_t *s) {
    s->data = text_of(v, &s->len, &s->charlen);
    s->is_str = s->data != NULL;
    if (s->is_str) {
        if (prog->is_bytes) {
            raise_msg(&type_TypeError, "cannot use a bytes pattern on a string-like object");
        }
        return;
    }
    buffer_info_t info;
    if (!obj_get_buffer(v, &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "expected string or bytes-like object, got '%T'", v);
    }
    if (!prog->is_bytes) {
        raise_msg(&type_TypeError, "cannot use a string pattern on a bytes-like object");
    }
    s->data = info.buf;
    s->len = s->charlen = info.len;
}

static size_t byte_offset(const subject_t *s, size_t index) {
    if (s->charlen == s->len) {
        return index;
    }
    return (size_t)(utf8_skip(s->data, s->data + s->len, index) - s->data);
}

static size_t char_index(const subject_t *s, size_t offset) {
    if (s->charlen == s->len) {
        return offset;
    }
    return utf8_charlen(s->data, offset);
}

static value_t slice(const subject_t *s, size_t from, size_t to) {
    if (to > s->len) {
        to = s->len;    // a bytearray that shrank since
    }
    if (from > to) {
        from = to;
    }
    if (s->is_str) {
        return str_new(s->data + from, to - from);
    }
    return bytes_new((const uint8_t *)s->data + from, to - from);
}

// A pos or endpos argument as a character index clamped to [0, len]
// (negative values are 0, not counted from the end).
static size_t position_arg(value_t v, size_t dflt, size_t len) {
    if (v == VAL_NULL) {
        return dflt;
    }
    smallint_t i;
    if (value_is_int(v) && !VAL_IS_BOOL(v) && !value_get_int_maybe(v, &i)) {
        i = int_is_negative(v) ? 0 : SMALL_MAX;
    } else {
        i = index_value(v);
    }
    return i < 0 ? 0 : (size_t)i > len ? len : (size_t)i;
}

// ---- arguments ----------------------------------------------------------------------------

// "f() missing 2 required positional arguments: 'a' and 'b'", for the
// required names from `from` on that were not given.
_Noreturn static void missing_error(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *names, size_t from,
                                    size_t required, qstr_t fn) {
    qstr_t missing[4];
    size_t n = 0;
    for (size_t j = from; j < required; j++) {
        if (j >= n_args && arg_kw(n_args, n_kw, args, names[j]) == VAL_NULL) {
            missing[n++] = names[j];
        }
    }
    vstr_t vs;
    vstr_init(&vs, 64);
    print_t p = vstr_printer(&vs);
    print_fmt(&p, "%q() missing %u required positional argument%s: ", fn, (unsigned)n, n > 1 ? "s" : "");
    for (size_t k = 0; k < n; k++) {
        print_fmt(&p, "%s'%q'", k == 0 ? "" : k + 1 < n ? ", " : n > 2 ? ", and " : " and ", missing[k]);
    }
    value_t msg = str_from_vstr(&vs);
    raise_obj(exc_new(&type_TypeError, 1, &msg));
}

// Fills out[] from the positional args and then the keywords named in
// names (Q_NULL-ended); the first `required` must be given. The errors are
// worded as CPython's: the module's functions are Python functions there,
// the pattern's methods C functions.
static void get_args(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *names, size_t required,
                     value_t *out, qstr_t fn, bool method) {
    size_t n = 0;
    while (names[n] != Q_NULL) {
        n++;
    }
    if (n_args > n) {
        if (method) {
            raise_fmt(&type_TypeError, "%q() takes at most %u arguments (%u given)", fn, (unsigned)n, (unsigned)n_args);
        }
        raise_fmt(&type_TypeError, "%q() takes from %u to %u positional arguments but %u were given", fn,
                  (unsigned)required, (unsigned)n, (unsigned)n_args);
    }
    for (size_t k = 0; k < n_kw; k++) {
        value_t name = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n && QSTR(names[i]) != name) {
            i++;
        }
        if (i == n) {
            if (method) {
                raise_fmt(&type_TypeError, "'%S' is an invalid keyword argument for %q()", name, fn);
            }
            raise_fmt(&type_TypeError, "%q() got an unexpected keyword argument '%S'", fn, name);
        }
    }
    for (size_t i = 0; i < n; i++) {
        value_t kw = arg_kw(n_args, n_kw, args, names[i]);
        if (i < n_args && kw != VAL_NULL) {
            if (method) {
                raise_fmt(&type_TypeError, "argument for %q() given by name ('%q') and position (%u)", fn, names[i],
                          (unsigned)(i + 1));
            }
            raise_fmt(&type_TypeError, "%q() got multiple values for argument '%q'", fn, names[i]);
        }
        out[i] = i < n_args ? args[i] : kw;
        if (i < required && out[i] == VAL_NULL) {
            if (method) {
                raise_fmt(&type_TypeError, "%q() missing required argument '%q' (pos %u)", fn, names[i],
                          (unsigned)(i + 1));
            }
            missing_error(n_args, n_kw, args, names, i, required, fn);
        }
    }
}

// ---- patterns ----------------------------------------------------------------------------------

typedef struct pattern_obj {
    obj_t base;
    value_t source;        // the pattern as given (str or bytes)
    value_t groupindex;    // dict of group names, or VAL_NULL
    re_prog_t *prog;
    uint32_t flags;
} pattern_obj_t;

extern const type_t type_re_pattern, type_re_match, type_re_scanner;

static value_t compile(value_t pattern, value_t flags_arg) {
    smallint_t flags = flags_arg == VAL_NULL ? 0 : value_get_int(flags_arg);
    if (OBJ_TYPE_IS(pattern, &type_re_pattern)) {
        if (flags != 0) {
            raise_msg(&type_ValueError, "cannot process flags argument with a compiled pattern");
        }
        return pattern;
    }
    size_t len, charlen;
    const char *data = text_of(pattern, &len, &charlen);
    bool is_bytes = data == NULL;
    if (is_bytes) {
        if (!OBJ_TYPE_IS(pattern, &type_bytes)) {
            raise_msg(&type_TypeError, "first argument must be string or compiled pattern");
        }
        data = ((bytes_obj_t *)VAL_PTR(pattern))->data;
        len = ((bytes_obj_t *)VAL_PTR(pattern))->len;
    }
    if (is_bytes && (flags & RE_UNICODE)) {
        raise_msg(&type_ValueError, "cannot use UNICODE flag with a bytes pattern");
    }
    if (!is_bytes && (flags & RE_LOCALE)) {
        raise_msg(&type_ValueError, "cannot use LOCALE flag with a str pattern");
    }
    pattern_obj_t *p = gc_alloc(sizeof(pattern_obj_t), 0);
    p->base.type = &type_re_pattern;
    p->source = pattern;
    p->groupindex = VAL_NULL;
    unsigned f = (unsigned)flags;
    p->prog = re_compile(data, len, is_bytes, &f, &p->groupindex);
    // with the inline flags of the pattern's start
    if ((f & RE_ASCII) && (f & (RE_UNICODE | RE_LOCALE))) {
        raise_msg(&type_ValueError, is_bytes ? "ASCII and LOCALE flags are incompatible"
                                             : "ASCII and UNICODE flags are incompatible");
    }
    if (!is_bytes && !(f & RE_ASCII)) {
        f |= RE_UNICODE;
    }
    p->flags = f;
    return PTR_VAL(p);
}

static pattern_obj_t *as_pattern(value_t v) {
    return obj_native(v, &type_re_pattern);
}

static const struct {
    char name[12];
    uint16_t flag;
} flag_names[] = {
    {"TEMPLATE", RE_TEMPLATE}, {"IGNORECASE", RE_IGNORECASE}, {"LOCALE", RE_LOCALE},
    {"MULTILINE", RE_MULTILINE}, {"DOTALL", RE_DOTALL}, {"UNICODE", RE_UNICODE},
    {"VERBOSE", RE_VERBOSE}, {"DEBUG", RE_DEBUG}, {"ASCII", RE_ASCII},
};

static void pattern_print(const print_t *p, value_t self, print_kind_t kind) {
    pattern_obj_t *pat = VAL_PTR(self);
    print_fmt(p, "re.compile(%R", pat->source);
    unsigned flags = pat->flags;
    if (!pat->prog->is_bytes && (flags & (RE_LOCALE | RE_UNICODE | RE_ASCII)) == RE_UNICODE) {
        flags &= ~(unsigned)RE_UNICODE;
    }
    const char *sep = ", ";
    for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
        if (flags & flag_names[i].flag) {
            print_fmt(p, "%sre.%s", sep, flag_names[i].name);
            sep = "|";
            flags &= ~(unsigned)flag_names[i].flag;
        }
    }
    if (flags != 0) {
        print_fmt(p, "%s0x%x", sep, flags);
    }
    print_str(p, ")");
}

static void pattern_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    pattern_obj_t *pat = VAL_PTR(self);
    switch (name) {
        case Q_pattern:
            dest[0] = pat->source;
            break;
        case Q_flags:
            dest[0] = SMALL(pat->flags);
            break;
        case Q_groups:
            dest[0] = SMALL(pat->prog->n_groups);
            break;
        case Q_groupindex:
            dest[0] = pat->groupindex == VAL_NULL ? dict_new(0) : call_function_1(PTR_VAL(&type_dict), pat->groupindex);
            break;
        default:
            break;
    }
}

// ---- match objects -----------------------------------------------------------------------------

typedef struct match_obj {
    obj_t base;
    value_t pattern;     // the Pattern
    value_t string;      // the subject as given
    uint32_t pos, endpos;
    uint32_t n_caps;     // 2 * (groups + 1)
    intptr_t caps[];     // byte offsets; -1 for a group that did not take part
} match_obj_t;

static value_t match_new(value_t pattern, value_t string, size_t pos, size_t endpos, const intptr_t *caps) {
    uint32_t n = 2 * ((uint32_t)as_pattern(pattern)->prog->n_groups + 1);
    match_obj_t *m = gc_alloc(sizeof(match_obj_t) + n * sizeof(intptr_t), 0);
    m->base.type = &type_re_match;
    m->pattern = pattern;
    m->string = string;
    m->pos = (uint32_t)pos;
    m->endpos = (uint32_t)endpos;
    m->n_caps = n;
    memcpy(m->caps, caps, n * sizeof(intptr_t));
    return PTR_VAL(m);
}

static match_obj_t *as_match(value_t v) {
    return obj_native(v, &type_re_match);
}

// A group given by number or name: its number, or IndexError.
static size_t group_number(const match_obj_t *m, value_t g) {
    smallint_t i = -1;
    if (value_is_int(g)) {
        if (!value_get_int_maybe(g, &i)) {
            i = -1;
        }
    } else if (value_is_str(g)) {
        value_t gi = as_pattern(m->pattern)->groupindex;
        value_t n = gi == VAL_NULL ? VAL_NULL : dict_get(gi, g);
        i = n == VAL_NULL ? -1 : SMALL_VALUE(n);
    }
    if (i < 0 || (size_t)i >= m->n_caps / 2) {
        raise_msg(&type_IndexError, "no such group");
    }
    return (size_t)i;
}

static value_t group_value(const match_obj_t *m, size_t g, value_t dflt) {
    if (m->caps[2 * g] < 0) {
        return dflt;
    }
    subject_t s;
    subject_of(m->string, as_pattern(m->pattern)->prog, &s);
    return slice(&s, (size_t)m->caps[2 * g], (size_t)m->caps[2 * g + 1]);
}

static void match_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "<match num=%u>", (unsigned)(((match_obj_t *)VAL_PTR(self))->n_caps / 2));
}

static value_t match_group_fn(size_t n_args, size_t n_kw, const value_t *args) {
    match_obj_t *m = as_match(args[0]);
    if (n_args <= 2) {
        return group_value(m, n_args == 1 ? 0 : group_number(m, args[1]), VAL_NONE);
    }
    value_t t = tuple_new(n_args - 1, NULL);
    for (size_t i = 1; i < n_args; i++) {
        ((tuple_obj_t *)VAL_PTR(t))->items[i - 1] = group_value(m, group_number(m, args[i]), VAL_NONE);
    }
    return t;
}
static BUILTIN_FN(match_group_obj, Q_group, 1, ARGS_MAX, false, match_group_fn);

static value_t match_groups_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_default, Q_NULL};
    value_t dflt;
    get_args(n_args - 1, n_kw, args + 1, names, 0, &dflt, Q_groups, true);
    match_obj_t *m = as_match(args[0]);
    size_t n = m->n_caps / 2 - 1;
    value_t t = tuple_new(n, NULL);
    for (size_t i = 0; i < n; i++) {
        ((tuple_obj_t *)VAL_PTR(t))->items[i] = group_value(m, i + 1, dflt == VAL_NULL ? VAL_NONE : dflt);
    }
    return t;
}
static BUILTIN_FN(match_groups_obj, Q_groups, 1, ARGS_MAX, true, match_groups_fn);

static value_t match_groupdict_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_default, Q_NULL};
    value_t dflt;
    get_args(n_args - 1, n_kw, args + 1, names, 0, &dflt, Q_groupdict, true);
    match_obj_t *m = as_match(args[0]);
    value_t gi = as_pattern(m->pattern)->groupindex, d = dict_new(0);
    if (gi != VAL_NULL) {
        size_t pos = 0;
        map_entry_t *e;
        while ((e = map_next(dict_map(gi), &pos)) != NULL) {
            dict_store(d, e->key, group_value(m, (size_t)SMALL_VALUE(e->value), dflt == VAL_NULL ? VAL_NONE : dflt));
        }
    }
    return d;
}
static BUILTIN_FN(match_groupdict_obj, Q_groupdict, 1, ARGS_MAX, true, match_groupdict_fn);

// The character index of a group's start (end 0) or end (end 1), -1 if unset.
static value_t match_bound(const match_obj_t *m, size_t g, int end) {
    intptr_t at = m->caps[2 * g + (size_t)end];
    if (at < 0) {
        return SMALL(-1);
    }
    subject_t s;
    subject_of(m->string, as_pattern(m->pattern)->prog, &s);
    return int_from_uintptr(char_index(&s, (size_t)at < s.len ? (size_t)at : s.len));
}

static value_t match_start_fn(size_t n_args, size_t n_kw, const value_t *args) {
    match_obj_t *m = as_match(args[0]);
    return match_bound(m, n_args > 1 ? group_number(m, args[1]) : 0, 0);
}
static BUILTIN_FN(match_start_obj, Q_start, 1, 2, false, match_start_fn);

static value_t match_end_fn(size_t n_args, size_t n_kw, const value_t *args) {
    match_obj_t *m = as_match(args[0]);
    return match_bound(m, n_args > 1 ? group_number(m, args[1]) : 0, 1);
}
static BUILTIN_FN(match_end_obj, Q_end, 1, 2, false, match_end_fn);

static value_t match_span_fn(size_t n_args, size_t n_kw, const value_t *args) {
    match_obj_t *m = as_match(args[0]);
    size_t g = n_args > 1 ? group_number(m, args[1]) : 0;
    value_t span[2] = {match_bound(m, g, 0), match_bound(m, g, 1)};
    return tuple_new(2, span);
}
static BUILTIN_FN(match_span_obj, Q_span, 1, 2, false, match_span_fn);

// ---- replacement templates -------------------------------------------------------------------

// A template (the repl of sub, the argument of expand) as a list of pieces:
// literal text (str or bytes) and group numbers (small ints).
typedef struct template_parser {
    const char *start, *p, *end;
    bool is_bytes;
    vstr_t text;
    value_t pieces;
} template_parser_t;

static intptr_t template_pos(const template_parser_t *tp, const char *at) {
    size_t n = (size_t)(at - tp->start);
    return (intptr_t)(tp->is_bytes ? n : utf8_charlen(tp->start, n));
}

static void template_flush(template_parser_t *tp) {
    if (tp->text.len > 0) {
        value_t v = tp->is_bytes ? bytes_new((const uint8_t *)tp->text.buf, tp->text.len) : str_new(tp->text.buf, tp->text.len);
        list_append(tp->pieces, v);
        tp->text.len = 0;
    }
}

static void template_char(template_parser_t *tp, uint32_t c) {
    if (tp->is_bytes) {
        vstr_add_char(&tp->text, (char)c);
    } else {
        vstr_add_utf8(&tp->text, c);
    }
}

static void template_group(template_parser_t *tp, uint32_t group, size_t n_groups, const char *at) {
    if (group > n_groups) {
        re_error(template_pos(tp, at), "invalid group reference %u", (unsigned)group);
    }
    template_flush(tp);
    list_append(tp->pieces, SMALL(group));
}

static bool is_octal(const template_parser_t *tp, const char *at) {
    return at < tp->end && *at >= '0' && *at <= '7';
}

// \g<name> or \g<number>, after the 'g'.
static void template_named(template_parser_t *tp, const pattern_obj_t *pat) {
    if (tp->p >= tp->end || *tp->p != '<') {
        re_error(template_pos(tp, tp->p), "missing <");
    }
    const char *name = ++tp->p;
    while (tp->p < tp->end && *tp->p != '>') {
        tp->p++;
    }
    if (tp->p == name) {
        re_error(template_pos(tp, name), "missing group name");
    }
    if (tp->p >= tp->end) {
        re_error(template_pos(tp, name), "missing >, unterminated name");
    }
    size_t len = (size_t)(tp->p++ - name);
    value_t text = str_new(name, len);
    uint64_t group = 0;
    bool digits = true;
    for (size_t i = 0; i < len; i++) {
        digits = digits && name[i] >= '0' && name[i] <= '9';
        group = digits && group < 0x10000 ? group * 10 + (uint64_t)(name[i] - '0') : group;
    }
    if (!digits) {
        value_t n = pat->groupindex == VAL_NULL ? VAL_NULL : dict_get(pat->groupindex, text);
        bool identifier = unicode_isalpha((uint8_t)name[0]) || name[0] == '_' || (uint8_t)name[0] >= 0x80;
        if (n == VAL_NULL && identifier) {
            raise_fmt(&type_IndexError, "unknown group name '%S'", text);
        }
        if (n == VAL_NULL) {
            re_error(template_pos(tp, name), "bad character in group name '%S'", text);
        }
        group = (uint64_t)SMALL_VALUE(n);
    }
    template_group(tp, group > 0xFFFF ? 0xFFFF : (uint32_t)group, pat->prog->n_groups, name);
}

// The escape after a backslash at `at` (the backslash is read).
static void template_escape(template_parser_t *tp, const pattern_obj_t *pat, const char *at) {
    if (tp->p >= tp->end) {
        re_error(template_pos(tp, at), "bad escape (end of pattern)");
    }
    uint32_t c = (uint8_t)*tp->p++;
    static const char simple[] = "a\007b\010f\014n\012r\015t\011v\013\\\\";
    const char *e = c < 0x80 ? strchr(simple, (int)c) : NULL;
    if (c == 'g') {
        template_named(tp, pat);
    } else if (c == '0') {
        uint32_t v = 0;
        for (int i = 0; i < 2 && is_octal(tp, tp->p); i++) {
            v = v * 8 + (uint32_t)(*tp->p++ - '0');
        }
        template_char(tp, v);
    } else if (c >= '1' && c <= '9') {
        uint32_t group = c - '0';
        if (tp->p < tp->end && *tp->p >= '0' && *tp->p <= '9') {
            uint32_t c2 = (uint8_t)*tp->p++;
            if (c <= '7' && c2 <= '7' && is_octal(tp, tp->p)) {
                uint32_t v = ((c - '0') * 8 + (c2 - '0')) * 8 + (uint32_t)(*tp->p++ - '0');
                if (v > 0377) {
                    re_error(template_pos(tp, at), "octal escape value %S outside of range 0-0o377",
                             str_new(at, (size_t)(tp->p - at)));
                }
                template_char(tp, v);
                return;
            }
            group = group * 10 + (c2 - '0');
        }
        template_group(tp, group, pat->prog->n_groups, at + 1);
    } else if (e != NULL && (e - simple) % 2 == 0) {
        template_char(tp, (uint8_t)e[1]);
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
        re_error(template_pos(tp, at), "bad escape \\%c", (int)c);
    } else {
        // any other escape stays as written
        template_char(tp, '\\');
        tp->p--;
        template_char(tp, (uint8_t)*tp->p++);
    }
}

// The pieces of a template, or the template itself when it has no backslash.
static value_t parse_template(const pattern_obj_t *pat, value_t template) {
    template_parser_t tp;
    size_t len, charlen;
    tp.is_bytes = pat->prog->is_bytes;
    if (tp.is_bytes) {
        buffer_info_t info;
        if (text_of(template, &len, &charlen) != NULL || !obj_get_buffer(template, &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "expected a bytes-like object, %T found", template);
        }
        tp.start = info.buf;
        len = info.len;
    } else {
        tp.start = text_of(template, &len, &charlen);
        if (tp.start == NULL) {
            raise_fmt(&type_TypeError, "expected str instance, %T found", template);
        }
    }
    if (memchr(tp.start, '\\', len) == NULL) {
        return tp.is_bytes ? bytes_new((const uint8_t *)tp.start, len) : template;
    }
    tp.p = tp.start;
    tp.end = tp.start + len;
    tp.pieces = list_new(0, NULL);
    vstr_init(&tp.text, len);
    while (tp.p < tp.end) {
        const char *at = tp.p;
        if (*tp.p++ == '\\') {
            template_escape(&tp, pat, at);
        } else {
            vstr_add_char(&tp.text, *at);
        }
    }
    template_flush(&tp);
    return tp.pieces;
}

static void add_buffer(vstr_t *out, value_t v) {
    size_t len, charlen;
    const char *s = text_of(v, &len, &charlen);
    if (s == NULL) {
        buffer_info_t info;
        obj_get_buffer(v, &info, BUFFER_READ);
        s = info.buf;
        len = info.len;
    }
    vstr_add_strn(out, s, len);
}

// Appends a parsed template filled with the groups of a match.
static void expand_into(vstr_t *out, value_t template, const subject_t *s, const intptr_t *caps) {
    size_t n;
    value_t *pieces = seq_items(template, &n);
    if (pieces == NULL || !OBJ_TYPE_IS(template, &type_list)) {
        add_buffer(out, template);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (VAL_IS_SMALL(pieces[i])) {
            smallint_t g = SMALL_VALUE(pieces[i]);
            if (caps[2 * g] >= 0) {
                size_t to = (size_t)caps[2 * g + 1] < s->len ? (size_t)caps[2 * g + 1] : s->len;
                size_t from = (size_t)caps[2 * g] < to ? (size_t)caps[2 * g] : to;
                vstr_add_strn(out, s->data + from, to - from);
            }
        } else {
            add_buffer(out, pieces[i]);
        }
    }
}

static value_t result_of(vstr_t *out, bool is_str) {
    return is_str ? str_from_vstr(out) : bytes_new((const uint8_t *)out->buf, out->len);
}

static value_t match_expand_fn(size_t n_args, size_t n_kw, const value_t *args) {
    match_obj_t *m = as_match(args[0]);
    pattern_obj_t *pat = as_pattern(m->pattern);
    value_t template = parse_template(pat, args[1]);
    subject_t s;
    subject_of(m->string, pat->prog, &s);
    vstr_t out;
    vstr_init(&out, 16);
    expand_into(&out, template, &s, m->caps);
    return result_of(&out, !pat->prog->is_bytes);
}
static BUILTIN_FN(match_expand_obj, Q_expand, 2, 2, false, match_expand_fn);

static value_t match_subscr(value_t self, value_t index, value_t value) {
    if (value != VAL_SENTINEL) {
        return VAL_NULL;
    }
    match_obj_t *m = VAL_PTR(self);
    return group_value(m, group_number(m, index), VAL_NONE);
}

// lastindex: the group that closed last, i.e. with the greatest end (the
// outer one of nested groups ending together).
static smallint_t last_index(const match_obj_t *m) {
    smallint_t best = -1;
    for (size_t g = 1; g < m->n_caps / 2; g++) {
        if (m->caps[2 * g] >= 0 && (best < 0 || m->caps[2 * g + 1] > m->caps[2 * best + 1])) {
            best = (smallint_t)g;
        }
    }
    return best;
}

static void match_attr(value_t self, qstr_t name, value_t *dest) {
    if (dest[0] != VAL_NULL) {
        return;
    }
    match_obj_t *m = VAL_PTR(self);
    switch (name) {
        case Q_string:
            dest[0] = m->string;
            break;
        case Q_re:
            dest[0] = m->pattern;
            break;
        case Q_pos:
            dest[0] = int_from_uintptr(m->pos);
            break;
        case Q_endpos:
            dest[0] = int_from_uintptr(m->endpos);
            break;
        case Q_lastindex: {
            smallint_t g = last_index(m);
            dest[0] = g < 0 ? VAL_NONE : SMALL(g);
            break;
        }
        case Q_lastgroup: {
            smallint_t g = last_index(m);
            value_t gi = as_pattern(m->pattern)->groupindex;
            dest[0] = VAL_NONE;
            size_t pos = 0;
            map_entry_t *e;
            while (g >= 0 && gi != VAL_NULL && (e = map_next(dict_map(gi), &pos)) != NULL) {
                if (e->value == SMALL(g)) {
                    dest[0] = e->key;
                }
            }
            break;
        }
        default:
            break;
    }
}

static const map_entry_t match_locals_table[] = {
    {QSTR(Q_end), PTR_VAL(&match_end_obj)},
    {QSTR(Q_expand), PTR_VAL(&match_expand_obj)},
    {QSTR(Q_group), PTR_VAL(&match_group_obj)},
    {QSTR(Q_groupdict), PTR_VAL(&match_groupdict_obj)},
    {QSTR(Q_groups), PTR_VAL(&match_groups_obj)},
    {QSTR(Q_span), PTR_VAL(&match_span_obj)},
    {QSTR(Q_start), PTR_VAL(&match_start_obj)},
};
static const map_t match_locals = MAP_ROM(match_locals_table);

const type_t type_re_match = {
    {&type_type},
    .name = Q_Match,
    .print = match_print,
    .attr = match_attr,
    .subscr = match_subscr,
    .locals = &match_locals,
};

// ---- matching ----------------------------------------------------------------------------------

// Room for the group offsets of one match: on the C stack for a few groups.
#define LOCAL_CAPS 16

typedef struct caps_buf {
    intptr_t local[LOCAL_CAPS];
    intptr_t *caps;
} caps_buf_t;

static void caps_init(caps_buf_t *cb, const re_prog_t *prog) {
    size_t n = 2 * ((size_t)prog->n_groups + 1);
    cb->caps = n <= LOCAL_CAPS ? cb->local : gc_alloc(n * sizeof(intptr_t), GC_LEAF);
}

// pattern.match/search/fullmatch(string, pos=0, endpos=len).
static value_t match_at(value_t pattern, value_t string, value_t pos_arg, value_t endpos_arg, re_mode_t mode) {
    pattern_obj_t *pat = as_pattern(pattern);
    subject_t s;
    subject_of(string, pat->prog, &s);
    size_t pos = position_arg(pos_arg, 0, s.charlen);
    size_t endpos = position_arg(endpos_arg, s.charlen, s.charlen);
    if (endpos < pos) {
        endpos = pos;
    }
    caps_buf_t cb;
    caps_init(&cb, pat->prog);
    if (!re_exec(pat->prog, s.data, byte_offset(&s, endpos), byte_offset(&s, pos), mode, -1, cb.caps)) {
        return VAL_NONE;
    }
    return match_new(pattern, string, pos, endpos, cb.caps);
}

static const qstr_t match_names[] = {Q_string, Q_pos, Q_endpos, Q_NULL};

static value_t pattern_match_common(size_t n_args, size_t n_kw, const value_t *args, re_mode_t mode, qstr_t fn) {
    value_t a[3];
    get_args(n_args - 1, n_kw, args + 1, match_names, 1, a, fn, true);
    return match_at(args[0], a[0], a[1], a[2], mode);
}

static value_t pattern_match_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pattern_match_common(n_args, n_kw, args, RE_MATCH, Q_match);
}
static BUILTIN_FN(pattern_match_obj, Q_match, 1, ARGS_MAX, true, pattern_match_fn);

static value_t pattern_search_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pattern_match_common(n_args, n_kw, args, RE_SEARCH, Q_search);
}
static BUILTIN_FN(pattern_search_obj, Q_search, 1, ARGS_MAX, true, pattern_search_fn);

static value_t pattern_fullmatch_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return pattern_match_common(n_args, n_kw, args, RE_FULLMATCH, Q_fullmatch);
}
static BUILTIN_FN(pattern_fullmatch_obj, Q_fullmatch, 1, ARGS_MAX, true, pattern_fullmatch_fn);

// The state of a scan for successive matches (sub, split, findall,
// finditer): where the next search starts, and whether an empty match
// there is refused because the previous match ended there empty.
typedef struct scan {
    size_t at;
    intptr_t not_empty_at;
} scan_t;

static bool scan_next(const pattern_obj_t *pat, const subject_t *s, size_t end, scan_t *sc, intptr_t *caps) {
    if (sc->at > end || !re_exec(pat->prog, s->data, end, sc->at, RE_SEARCH, sc->not_empty_at, caps)) {
        return false;
    }
    sc->not_empty_at = caps[0] == caps[1] ? caps[1] : -1;
    sc->at = (size_t)caps[1];
    return true;
}

static value_t callable_check(value_t repl) {
    value_t callable = map_get_qstr(&builtins_map, Q_callable);
    if (call_function_1(callable, repl) != VAL_TRUE) {
        raise_fmt(&type_TypeError, "decoding to str: need a bytes-like object, %T found", repl);
    }
    return repl;
}

static value_t substitute(value_t pattern, value_t repl, value_t string, value_t count_arg, bool with_count) {
    pattern_obj_t *pat = as_pattern(pattern);
    subject_t s;
    subject_of(string, pat->prog, &s);
    smallint_t count = count_arg == VAL_NULL ? 0 : value_get_int(count_arg);
    size_t len, charlen;
    bool is_template = text_of(repl, &len, &charlen) != NULL || OBJ_TYPE_IS(repl, &type_bytes)
                       || OBJ_TYPE_IS(repl, &type_bytearray);
    value_t template = is_template ? parse_template(pat, repl) : callable_check(repl);
    vstr_t out;
    vstr_init(&out, s.len);
    caps_buf_t cb;
    caps_init(&cb, pat->prog);
    scan_t sc = {0, -1};
    size_t last = 0;
    smallint_t n = 0;
    while ((count == 0 || n < count) && scan_next(pat, &s, s.len, &sc, cb.caps)) {
        vstr_add_strn(&out, s.data + last, (size_t)cb.caps[0] - last);
        last = (size_t)cb.caps[1];
        n++;
        if (is_template) {
            expand_into(&out, template, &s, cb.caps);
            continue;
        }
        value_t m = match_new(pattern, string, 0, s.charlen, cb.caps);
        value_t r = call_function_1(repl, m);
        if (pat->prog->is_bytes ? text_of(r, &len, &charlen) != NULL || !obj_get_buffer(r, &(buffer_info_t){0}, BUFFER_READ)
                                : text_of(r, &len, &charlen) == NULL) {
            raise_fmt(&type_TypeError, pat->prog->is_bytes ? "expected a bytes-like object, %T found"
                                                           : "expected str instance, %T found", r);
        }
        add_buffer(&out, r);
        // the callable may have changed a bytearray subject
        subject_of(string, pat->prog, &s);
        if (last > s.len) {
            last = s.len;
        }
    }
    vstr_add_strn(&out, s.data + last, s.len - last);
    value_t result = result_of(&out, s.is_str);
    if (with_count) {
        value_t pair[2] = {result, SMALL(n)};
        return tuple_new(2, pair);
    }
    return result;
}

static const qstr_t sub_names[] = {Q_repl, Q_string, Q_count, Q_NULL};

static value_t pattern_sub_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[3];
    get_args(n_args - 1, n_kw, args + 1, sub_names, 2, a, Q_sub, true);
    return substitute(args[0], a[0], a[1], a[2], false);
}
static BUILTIN_FN(pattern_sub_obj, Q_sub, 1, ARGS_MAX, true, pattern_sub_fn);

static value_t pattern_subn_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[3];
    get_args(n_args - 1, n_kw, args + 1, sub_names, 2, a, Q_subn, true);
    return substitute(args[0], a[0], a[1], a[2], true);
}
static BUILTIN_FN(pattern_subn_obj, Q_subn, 1, ARGS_MAX, true, pattern_subn_fn);

static value_t split(value_t pattern, value_t string, value_t maxsplit_arg) {
    pattern_obj_t *pat = as_pattern(pattern);
    subject_t s;
    subject_of(string, pat->prog, &s);
    smallint_t maxsplit = maxsplit_arg == VAL_NULL ? 0 : value_get_int(maxsplit_arg);
    value_t list = list_new(0, NULL);
    caps_buf_t cb;
    caps_init(&cb, pat->prog);
    scan_t sc = {0, -1};
    size_t last = 0;
    for (smallint_t n = 0; (maxsplit == 0 || n < maxsplit) && scan_next(pat, &s, s.len, &sc, cb.caps); n++) {
        list_append(list, slice(&s, last, (size_t)cb.caps[0]));
        for (size_t g = 1; g <= pat->prog->n_groups; g++) {
            intptr_t from = cb.caps[2 * g];
            list_append(list, from < 0 ? VAL_NONE : slice(&s, (size_t)from, (size_t)cb.caps[2 * g + 1]));
        }
        last = (size_t)cb.caps[1];
    }
    list_append(list, slice(&s, last, s.len));
    return list;
}

static const qstr_t split_names[] = {Q_string, Q_maxsplit, Q_NULL};

static value_t pattern_split_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[2];
    get_args(n_args - 1, n_kw, args + 1, split_names, 1, a, Q_split, true);
    return split(args[0], a[0], a[1]);
}
static BUILTIN_FN(pattern_split_obj, Q_split, 1, ARGS_MAX, true, pattern_split_fn);

// The item findall gives for a match: the whole match, the one group, or
// a tuple of the groups ('' for those that did not take part).
static value_t findall_item(const pattern_obj_t *pat, const subject_t *s, const intptr_t *caps) {
    size_t n = pat->prog->n_groups;
    value_t empty = s->is_str ? QSTR(Q_empty) : bytes_new(NULL, 0);
    if (n <= 1) {
        return caps[2 * n] < 0 ? empty : slice(s, (size_t)caps[2 * n], (size_t)caps[2 * n + 1]);
    }
    value_t t = tuple_new(n, NULL);
    for (size_t g = 1; g <= n; g++) {
        ((tuple_obj_t *)VAL_PTR(t))->items[g - 1] =
            caps[2 * g] < 0 ? empty : slice(s, (size_t)caps[2 * g], (size_t)caps[2 * g + 1]);
    }
    return t;
}

static value_t findall(value_t pattern, value_t string, value_t pos_arg, value_t endpos_arg) {
    pattern_obj_t *pat = as_pattern(pattern);
    subject_t s;
    subject_of(string, pat->prog, &s);
    size_t pos = position_arg(pos_arg, 0, s.charlen);
    size_t endpos = position_arg(endpos_arg, s.charlen, s.charlen);
    value_t list = list_new(0, NULL);
    caps_buf_t cb;
    caps_init(&cb, pat->prog);
    scan_t sc = {byte_offset(&s, pos), -1};
    size_t end = byte_offset(&s, endpos);
    while (scan_next(pat, &s, end, &sc, cb.caps)) {
        list_append(list, findall_item(pat, &s, cb.caps));
    }
    return list;
}

static value_t pattern_findall_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[3];
    get_args(n_args - 1, n_kw, args + 1, match_names, 1, a, Q_findall, true);
    return findall(args[0], a[0], a[1], a[2]);
}
static BUILTIN_FN(pattern_findall_obj, Q_findall, 1, ARGS_MAX, true, pattern_findall_fn);

// The iterator of finditer: it reads the subject again at each step, since
// Python code runs between steps.
typedef struct scanner_obj {
    obj_t base;
    value_t pattern, string;
    uint32_t pos, endpos;    // character indexes, for the match objects
    scan_t scan;
    bool done;
} scanner_obj_t;

static value_t scanner_next(value_t self) {
    scanner_obj_t *it = VAL_PTR(self);
    if (it->done) {
        return VAL_STOP;
    }
    pattern_obj_t *pat = as_pattern(it->pattern);
    subject_t s;
    subject_of(it->string, pat->prog, &s);
    size_t endpos = it->endpos < s.charlen ? it->endpos : s.charlen;
    caps_buf_t cb;
    caps_init(&cb, pat->prog);
    if (!scan_next(pat, &s, byte_offset(&s, endpos), &it->scan, cb.caps)) {
        it->done = true;
        return VAL_STOP;
    }
    return match_new(it->pattern, it->string, it->pos, it->endpos, cb.caps);
}

const type_t type_re_scanner = {
    {&type_type},
    .name = Q_callable_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = iter_self,
    .iternext = scanner_next,
};

static value_t finditer(value_t pattern, value_t string, value_t pos_arg, value_t endpos_arg) {
    pattern_obj_t *pat = as_pattern(pattern);
    subject_t s;
    subject_of(string, pat->prog, &s);
    scanner_obj_t *it = gc_alloc(sizeof(scanner_obj_t), 0);
    it->base.type = &type_re_scanner;
    it->pattern = pattern;
    it->string = string;
    it->pos = (uint32_t)position_arg(pos_arg, 0, s.charlen);
    it->endpos = (uint32_t)position_arg(endpos_arg, s.charlen, s.charlen);
    it->scan.at = byte_offset(&s, it->pos);
    it->scan.not_empty_at = -1;
    return PTR_VAL(it);
}

static value_t pattern_finditer_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[3];
    get_args(n_args - 1, n_kw, args + 1, match_names, 1, a, Q_finditer, true);
    return finditer(args[0], a[0], a[1], a[2]);
}
static BUILTIN_FN(pattern_finditer_obj, Q_finditer, 1, ARGS_MAX, true, pattern_finditer_fn);

static const map_entry_t pattern_locals_table[] = {
    {QSTR(Q_findall), PTR_VAL(&pattern_findall_obj)},
    {QSTR(Q_finditer), PTR_VAL(&pattern_finditer_obj)},
    {QSTR(Q_fullmatch), PTR_VAL(&pattern_fullmatch_obj)},
    {QSTR(Q_match), PTR_VAL(&pattern_match_obj)},
    {QSTR(Q_search), PTR_VAL(&pattern_search_obj)},
    {QSTR(Q_split), PTR_VAL(&pattern_split_obj)},
    {QSTR(Q_sub), PTR_VAL(&pattern_sub_obj)},
    {QSTR(Q_subn), PTR_VAL(&pattern_subn_obj)},
};
static const map_t pattern_locals = MAP_ROM(pattern_locals_table);

const type_t type_re_pattern = {
    {&type_type},
    .name = Q_Pattern,
    .print = pattern_print,
    .attr = pattern_attr,
    .locals = &pattern_locals,
};

// ---- the module's functions --------------------------------------------------------------------

static value_t re_compile_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_pattern, Q_flags, Q_NULL};
    value_t a[2];
    get_args(n_args, n_kw, args, names, 1, a, Q_compile, false);
    return compile(a[0], a[1]);
}
static BUILTIN_FN(re_compile_obj, Q_compile, 0, ARGS_MAX, true, re_compile_fn);

static const qstr_t module_match_names[] = {Q_pattern, Q_string, Q_flags, Q_NULL};

static value_t module_match_common(size_t n_args, size_t n_kw, const value_t *args, re_mode_t mode, qstr_t fn) {
    value_t a[3];
    get_args(n_args, n_kw, args, module_match_names, 2, a, fn, false);
    return match_at(compile(a[0], a[2]), a[1], VAL_NULL, VAL_NULL, mode);
}

static value_t re_match_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return module_match_common(n_args, n_kw, args, RE_MATCH, Q_match);
}
static BUILTIN_FN(re_match_obj, Q_match, 0, ARGS_MAX, true, re_match_fn);

static value_t re_search_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return module_match_common(n_args, n_kw, args, RE_SEARCH, Q_search);
}
static BUILTIN_FN(re_search_obj, Q_search, 0, ARGS_MAX, true, re_search_fn);

static value_t re_fullmatch_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return module_match_common(n_args, n_kw, args, RE_FULLMATCH, Q_fullmatch);
}
static BUILTIN_FN(re_fullmatch_obj, Q_fullmatch, 0, ARGS_MAX, true, re_fullmatch_fn);

static const qstr_t module_sub_names[] = {Q_pattern, Q_repl, Q_string, Q_count, Q_flags, Q_NULL};

static value_t re_sub_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[5];
    get_args(n_args, n_kw, args, module_sub_names, 3, a, Q_sub, false);
    return substitute(compile(a[0], a[4]), a[1], a[2], a[3], false);
}
static BUILTIN_FN(re_sub_obj, Q_sub, 0, ARGS_MAX, true, re_sub_fn);

static value_t re_subn_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[5];
    get_args(n_args, n_kw, args, module_sub_names, 3, a, Q_subn, false);
    return substitute(compile(a[0], a[4]), a[1], a[2], a[3], true);
}
static BUILTIN_FN(re_subn_obj, Q_subn, 0, ARGS_MAX, true, re_subn_fn);

static value_t re_split_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_pattern, Q_string, Q_maxsplit, Q_flags, Q_NULL};
    value_t a[4];
    get_args(n_args, n_kw, args, names, 2, a, Q_split, false);
    return split(compile(a[0], a[3]), a[1], a[2]);
}
static BUILTIN_FN(re_split_obj, Q_split, 0, ARGS_MAX, true, re_split_fn);

static value_t re_findall_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[3];
    get_args(n_args, n_kw, args, module_match_names, 2, a, Q_findall, false);
    return findall(compile(a[0], a[2]), a[1], VAL_NULL, VAL_NULL);
}
static BUILTIN_FN(re_findall_obj, Q_findall, 0, ARGS_MAX, true, re_findall_fn);

static value_t re_finditer_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t a[3];
    get_args(n_args, n_kw, args, module_match_names, 2, a, Q_finditer, false);
    return finditer(compile(a[0], a[2]), a[1], VAL_NULL, VAL_NULL);
}
static BUILTIN_FN(re_finditer_obj, Q_finditer, 0, ARGS_MAX, true, re_finditer_fn);

// re.escape: a backslash before every character that is special in a pattern.
static value_t re_escape_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    size_t len, charlen;
    const char *s = text_of(args[0], &len, &charlen);
    bool is_str = s != NULL;
    if (!is_str) {
        buffer_info_t info;
        if (!obj_get_buffer(args[0], &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "expected str or bytes-like object, got '%T'", args[0]);
        }
        s = info.buf;
        len = info.len;
    }
    vstr_t out;
    vstr_init(&out, len + 8);
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\0' && strchr(special, s[i]) != NULL) {
            vstr_add_char(&out, '\\');
        }
        vstr_add_char(&out, s[i]);
    }
    return result_of(&out, is_str);
}
static BUILTIN_FN(re_escape_obj, Q_escape, 1, 1, false, re_escape_fn);

static const map_entry_t re_table[] = {
    {QSTR(Q_A), SMALL(RE_ASCII)},
    {QSTR(Q_ASCII), SMALL(RE_ASCII)},
    {QSTR(Q_DOTALL), SMALL(RE_DOTALL)},
    {QSTR(Q_I), SMALL(RE_IGNORECASE)},
    {QSTR(Q_IGNORECASE), SMALL(RE_IGNORECASE)},
    {QSTR(Q_L), SMALL(RE_LOCALE)},
    {QSTR(Q_LOCALE), SMALL(RE_LOCALE)},
    {QSTR(Q_M), SMALL(RE_MULTILINE)},
    {QSTR(Q_MULTILINE), SMALL(RE_MULTILINE)},
    {QSTR(Q_Match), PTR_VAL(&type_re_match)},
    {QSTR(Q_Pattern), PTR_VAL(&type_re_pattern)},
    {QSTR(Q_S), SMALL(RE_DOTALL)},
    {QSTR(Q_U), SMALL(RE_UNICODE)},
    {QSTR(Q_UNICODE), SMALL(RE_UNICODE)},
    {QSTR(Q_VERBOSE), SMALL(RE_VERBOSE)},
    {QSTR(Q_X), SMALL(RE_VERBOSE)},
    {QSTR(Q___name__), QSTR(Q_re)},
    {QSTR(Q_compile), PTR_VAL(&re_compile_obj)},
    {QSTR(Q_error), PTR_VAL(&type_re_error)},
    {QSTR(Q_escape), PTR_VAL(&re_escape_obj)},
    {QSTR(Q_findall), PTR_VAL(&re_findall_obj)},
    {QSTR(Q_finditer), PTR_VAL(&re_finditer_obj)},
    {QSTR(Q_fullmatch), PTR_VAL(&re_fullmatch_obj)},
    {QSTR(Q_match), PTR_VAL(&re_match_obj)},
    {QSTR(Q_search), PTR_VAL(&re_search_obj)},
    {QSTR(Q_split), PTR_VAL(&re_split_obj)},
    {QSTR(Q_sub), PTR_VAL(&re_sub_obj)},
    {QSTR(Q_subn), PTR_VAL(&re_subn_obj)},
};
MODULE_ROM(re_module, Q_re, re_table);

ESPY_MODULE(re, re_module);
ESPY_MODULE(ure, re_module);
