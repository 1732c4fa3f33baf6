// SPDX-License-Identifier: MIT
// bytes: immutable byte strings, with str's object layout (str_obj_t;
// charlen unused). Also what bytes and bytearray share: the constructor
// argument rules, repr, indexing, operators, the int iterator, decode, hex
// and fromhex. The text methods (find, split, ...) are str_methods.c's,
// shared with str.
#include <string.h>

#include "obj.h"
#include "strimpl.h"

typedef struct bytes0 {
    obj_t base;
    uint32_t hash;
    uint32_t len;
    uint32_t charlen;
    char data[4];
} bytes0_t;

static const bytes0_t empty_bytes = {{&type_bytes}, 2166136261u, 0, 0, {0}};

static bytes_obj_t *bytes_alloc(size_t len) {
    if (len > UINT32_MAX - 64) {
        raise_msg(&type_MemoryError, "bytes too large");
    }
    bytes_obj_t *o = gc_alloc(sizeof(bytes_obj_t) + len + 1, GC_LEAF);
    o->base.type = &type_bytes;
    o->len = o->charlen = (uint32_t)len;
    return o;
}

value_t bytes_new(const uint8_t *data, size_t len) {
    if (len == 0) {
        return PTR_VAL(&empty_bytes);
    }
    bytes_obj_t *o = bytes_alloc(len);
    memcpy(o->data, data, len);
    return PTR_VAL(o);
}

value_t bytes_from_vstr(vstr_t *vs) {
    if (vs->len == 0) {
        return PTR_VAL(&empty_bytes);
    }
    return PTR_VAL(vstr_take(vs, &type_bytes));
}

bool value_is_bytes(value_t v) {
    return OBJ_TYPE_IS(v, &type_bytes);
}

bool bytes_get_data(value_t v, const char **data, size_t *len) {
    if (!VAL_IS_OBJ(v)) {
        return false;
    }
    const type_t *t = OBJ(v)->type;
    if (t == &type_bytes) {
        bytes_obj_t *b = VAL_PTR(v);
        *data = b->data;
        *len = b->len;
        return true;
    }
    if (t == &type_bytearray) {
        bytearray_obj_t *b = VAL_PTR(v);
        *data = (const char *)b->items;
        *len = b->len;
        return true;
    }
    if (t == &type_str) {
        return false;
    }
    buffer_info_t info;
    if (obj_get_buffer(v, &info, BUFFER_READ)) {
        *data = info.buf;
        *len = info.len;
        return true;
    }
    return false;
}

static uint8_t byte_checked(value_t v, const char *msg) {
    smallint_t i;
    if (!value_get_int_maybe(v, &i)) {
        if (!value_is_int(v)) {
            raise_fmt(&type_TypeError, "'%s' object cannot be interpreted as an integer",
                      qstr_str(value_type_name(v)));
        }
        i = -1;
    }
    if (i < 0 || i > 255) {
        raise_msg(&type_ValueError, msg);
    }
    return (uint8_t)i;
}

uint8_t byte_from_value(value_t v) {
    return byte_checked(v, "byte must be in range(0, 256)");
}

// CPython words it "bytes must be in range(0, 256)" for bytes() and "byte
// must ..." for bytearray().
static void add_iterable(vstr_t *vs, value_t obj, const char *range_error) {
    size_t n;
    value_t *items = seq_items(obj, &n);
    if (items != NULL) {
        char *out = vstr_extend(vs, n);
        for (size_t i = 0; i < n; i++) {
            smallint_t b;
            if (!value_get_int_maybe(items[i], &b) || b < 0 || b > 255) {
                b = byte_checked(items[i], range_error);
            }
            out[i] = (char)b;
        }
        return;
    }
    value_t it = obj_getiter(obj);
    value_t item;
    while ((item = obj_iternext(it)) != VAL_STOP) {
        vstr_add_char(vs, (char)byte_checked(item, range_error));
    }
}

void bytes_fill_from(vstr_t *vs, size_t n_args, size_t n_kw, const value_t *args, qstr_t fn) {
    value_t src = n_args > 0 ? args[0] : VAL_NULL;
    value_t encoding = n_args > 1 ? args[1] : VAL_NULL;
    value_t errors = n_args > 2 ? args[2] : VAL_NULL;
    if (n_args > 3) {
        raise_fmt(&type_TypeError, "%s() takes at most 3 arguments (%u given)", qstr_str(fn),
                  (unsigned)n_args);
    }
    if (n_kw > 0) {
        static const qstr_t allowed[] = {Q_source, Q_encoding, Q_errors, Q_NULL};
        arg_kw_check(n_args, n_kw, args, allowed, fn);
        value_t v;
        if ((v = arg_kw(n_args, n_kw, args, Q_source)) != VAL_NULL) {
            src = v;
        }
        if ((v = arg_kw(n_args, n_kw, args, Q_encoding)) != VAL_NULL) {
            encoding = v;
        }
        if ((v = arg_kw(n_args, n_kw, args, Q_errors)) != VAL_NULL) {
            errors = v;
        }
    }
    if (src == VAL_NULL) {
        if (encoding != VAL_NULL || errors != VAL_NULL) {
            raise_msg(&type_TypeError, encoding != VAL_NULL ? "encoding without a string argument"
                                                            : "errors without a string argument");
        }
        return;
    }
    size_t len;
    const char *s = str_data(src, &len);
    if (s != NULL) {
        if (encoding == VAL_NULL) {
            raise_msg(&type_TypeError, "string argument without an encoding");
        }
        value_t enc_args[3] = {src, encoding, errors == VAL_NULL ? QSTR(Q_strict) : errors};
        value_t b = call_function(PTR_VAL(&str_encode_obj), 3, 0, enc_args);
        const char *d;
        bytes_get_data(b, &d, &len);
        vstr_add_strn(vs, d, len);
        return;
    }
    if (encoding != VAL_NULL || errors != VAL_NULL) {
        raise_msg(&type_TypeError, encoding != VAL_NULL ? "encoding without a string argument"
                                                        : "errors without a string argument");
    }
    src = value_native_number(src);
    if (value_is_int(src)) {
        smallint_t n;
        if (!value_get_int_maybe(src, &n)) {
            raise_msg(&type_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        if (n < 0) {
            raise_msg(&type_ValueError, "negative count");
        }
        memset(vstr_extend(vs, (size_t)n), 0, (size_t)n);
        return;
    }
    const char *d;
    if (bytes_get_data(src, &d, &len)) {
        vstr_add_strn(vs, d, len);
        return;
    }
    if (!VAL_IS_OBJ(src) ||
        (OBJ(src)->type->getiter == NULL && !(OBJ(src)->type->flags & TYPE_FLAG_HEAP))) {
        raise_fmt(&type_TypeError, "cannot convert '%s' object to %s",
                  qstr_str(value_type_name(src)), qstr_str(fn));
    }
    add_iterable(vs, src, fn == Q_bytes ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
}

static value_t bytes_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 1 && n_kw == 0 && OBJ_TYPE_IS(args[0], &type_bytes)) {
        return args[0];
    }
    vstr_t vs;
    vstr_init(&vs, 16);
    bytes_fill_from(&vs, n_args, n_kw, args, Q_bytes);
    return bytes_from_vstr(&vs);
}

// ---- repr ---------------------------------------------------------------------

void bytes_print_repr(const print_t *p, const char *s, size_t len) {
    bool has_single = memchr(s, '\'', len) != NULL;
    char quote = (has_single && memchr(s, '"', len) == NULL) ? '"' : '\'';
    char head[2] = {'b', quote};
    print_strn(p, head, 2);
    const char *end = s + len, *run = s;
    static const char hex[] = "0123456789abcdef";
    for (; s < end; s++) {
        unsigned char c = *s;
        if (c >= 0x20 && c < 0x7F && c != '\\' && c != (unsigned char)quote) {
            continue;
        }
        print_strn(p, run, (size_t)(s - run));
        run = s + 1;
        char buf[4] = {'\\', 0, 0, 0};
        size_t n = 2;
        switch (c) {
            case '\\': buf[1] = '\\'; break;
            case '\n': buf[1] = 'n'; break;
            case '\r': buf[1] = 'r'; break;
            case '\t': buf[1] = 't'; break;
            case '\'': case '"': buf[1] = (char)c; break;
            default:
                buf[1] = 'x';
                buf[2] = hex[c >> 4];
                buf[3] = hex[c & 15];
                n = 4;
        }
        print_strn(p, buf, n);
    }
    print_strn(p, run, (size_t)(end - run));
    print_strn(p, &quote, 1);
}

static void bytes_print(const print_t *p, value_t self, print_kind_t kind) {
    bytes_obj_t *b = VAL_PTR(self);
    bytes_print_repr(p, b->data, b->len);
}

// ---- indexing and operators -----------------------------------------------------

value_t bytes_subscr_common(const type_t *type, const char *data, size_t len, value_t index) {
    smallint_t i;
    if (value_get_int_maybe(index, &i)) {
        if (i < 0) {
            i += (smallint_t)len;
        }
        if (i < 0 || (size_t)i >= len) {
            raise_msg(&type_IndexError, type == &type_bytes ? "index out of range"
                                                            : "bytearray index out of range");
        }
        return SMALL((unsigned char)data[i]);
    }
    if (OBJ_TYPE_IS(index, &type_slice)) {
        smallint_t start, stop, step;
        slice_indices(index, len, &start, &stop, &step);
        if (step == 1) {
            return strarg_new(type, data + start, stop > start ? (size_t)(stop - start) : 0);
        }
        vstr_t vs;
        vstr_init(&vs, 16);
        for (smallint_t i = start; step > 0 ? i < stop : i > stop; i += step) {
            vstr_add_char(&vs, data[i]);
        }
        return strarg_from_vstr(type, &vs);
    }
    if (!value_is_int(index)) {
        raise_fmt(&type_TypeError, "%s indices must be integers or slices, not %s",
                  type == &type_bytes ? "byte" : qstr_str(type->name), qstr_str(value_type_name(index)));
    }
    raise_msg(&type_IndexError, "cannot fit 'int' into an index-sized integer");
}

static value_t bytes_subscr(value_t self, value_t index, value_t value) {
    if (value != VAL_SENTINEL) {
        return VAL_NULL;
    }
    bytes_obj_t *b = VAL_PTR(self);
    return bytes_subscr_common(&type_bytes, b->data, b->len, index);
}

static int mem_compare(const char *a, size_t alen, const char *b, size_t blen) {
    int c = memcmp(a, b, alen < blen ? alen : blen);
    if (c != 0) {
        return c;
    }
    return alen < blen ? -1 : alen > blen;
}

value_t bytes_binary_common(binop_t op, const strarg_t *lhs, value_t rhs) {
    const char *b;
    size_t blen;
    switch (op) {
        case BINOP_ADD:
        case BINOP_INPLACE_ADD: {
            if (!bytes_get_data(rhs, &b, &blen)) {
                if (VAL_IS_OBJ(rhs) && (OBJ(rhs)->type->flags & TYPE_FLAG_HEAP)) {
                    return VAL_NULL;
                }
                raise_fmt(&type_TypeError, "can't concat %s to %s", qstr_str(value_type_name(rhs)),
                          qstr_str(lhs->type->name));
            }
            vstr_t vs;
            vstr_init(&vs, lhs->len + blen);
            vstr_add_strn(&vs, lhs->data, lhs->len);
            vstr_add_strn(&vs, b, blen);
            return strarg_from_vstr(lhs->type, &vs);
        }
        case BINOP_MUL:
        case BINOP_INPLACE_MUL:
        case BINOP_REFLECTED_MUL: {
            if (!value_is_int(rhs)) {
                return VAL_NULL;   // the runtime tries __index__, or raises naming rhs
            }
            smallint_t n;
            if (!value_get_int_maybe(rhs, &n)) {
                double d = int_as_double(rhs);
                if (d >= 9.2e18 || d <= -9.2e18) {
                    raise_msg(&type_OverflowError, "cannot fit 'int' into an index-sized integer");
                }
                n = int_is_negative(rhs) ? 0 : SMALL_MAX;
            }
            if (n <= 0 || lhs->len == 0) {
                return strarg_new(lhs->type, "", 0);
            }
            size_t total = check_mul_size(lhs->len, (size_t)n);
            vstr_t vs;
            vstr_init(&vs, total);
            char *out = vstr_extend(&vs, total);
            for (smallint_t i = 0; i < n; i++) {
                memcpy(out + (size_t)i * lhs->len, lhs->data, lhs->len);
            }
            return strarg_from_vstr(lhs->type, &vs);
        }
        case BINOP_EQ:
        case BINOP_NE:
        case BINOP_LT:
        case BINOP_GT:
        case BINOP_LE:
        case BINOP_GE: {
            if (!(OBJ_TYPE_IS(rhs, &type_bytes) || OBJ_TYPE_IS(rhs, &type_bytearray) ||
                  OBJ_TYPE_IS(rhs, &type_memoryview))) {
                return VAL_NULL;
            }
            bytes_get_data(rhs, &b, &blen);
            if (op == BINOP_EQ || op == BINOP_NE) {
                bool eq = lhs->len == blen && memcmp(lhs->data, b, blen) == 0;
                return VAL_BOOL(eq == (op == BINOP_EQ));
            }
            int c = mem_compare(lhs->data, lhs->len, b, blen);
            bool r = op == BINOP_LT ? c < 0 : op == BINOP_GT ? c > 0 : op == BINOP_LE ? c <= 0 : c >= 0;
            return VAL_BOOL(r);
        }
        case BINOP_CONTAINS: {
            char byte;
            if (value_is_int(rhs)) {
                byte = (char)byte_from_value(rhs);
                return VAL_BOOL(memchr(lhs->data, byte, lhs->len) != NULL);
            }
            if (!bytes_get_data(rhs, &b, &blen)) {
                raise_fmt(&type_TypeError, "a bytes-like object is required, not '%s'",
                          qstr_str(value_type_name(rhs)));
            }
            return VAL_BOOL(str_search(lhs->data, lhs->len, b, blen) != NULL);
        }
        default:
            return VAL_NULL;
    }
}

static value_t bytes_binary_op(binop_t op, value_t lhs, value_t rhs) {
    bytes_obj_t *b = VAL_PTR(lhs);
    if (op == BINOP_MOD || op == BINOP_INPLACE_MOD) {
        return str_modulo(lhs, rhs, true);
    }
    strarg_t s = {b->data, b->len, b->len, &type_bytes};
    return bytes_binary_common(op, &s, rhs);
}

static value_t bytes_unary_op(unop_t op, value_t self) {
    bytes_obj_t *b = VAL_PTR(self);
    switch (op) {
        case UNOP_HASH:
            if (b->hash == 0) {
                b->hash = str_hash(b->data, b->len);
            }
            return SMALL((smallint_t)b->hash);
        case UNOP_LEN:
            return SMALL((smallint_t)b->len);
        case UNOP_BOOL:
            return VAL_BOOL(b->len != 0);
        default:
            return VAL_NULL;
    }
}

static bool bytes_buffer(value_t self, buffer_info_t *info, int flags) {
    if (flags & BUFFER_WRITE) {
        return false;
    }
    bytes_obj_t *b = VAL_PTR(self);
    info->buf = b->data;
    info->len = b->len;
    info->typecode = 'B';
    return true;
}

// ---- iteration (bytes, bytearray, memoryview) -------------------------------------

typedef struct bytes_iter {
    obj_t base;
    value_t seq;
    size_t index;
} bytes_iter_t;

static value_t bytes_iter_self(value_t self) {
    return self;
}

static value_t bytes_iternext(value_t self) {
    bytes_iter_t *it = VAL_PTR(self);
    const char *d = NULL;
    size_t len = 0;
    bytes_get_data(it->seq, &d, &len);
    if (it->index >= len) {
        return VAL_STOP;
    }
    return SMALL((unsigned char)d[it->index++]);
}

static const type_t type_bytes_iterator = {
    {&type_type},
    .name = Q_bytes_iterator,
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .getiter = bytes_iter_self,
    .iternext = bytes_iternext,
};

value_t bytes_getiter(value_t self) {
    bytes_iter_t *it = gc_alloc(sizeof(bytes_iter_t), 0);
    it->base.type = &type_bytes_iterator;
    it->seq = self;
    return PTR_VAL(it);
}

const type_t type_bytes = {
    {&type_type},
    .name = Q_bytes,
    .flags = TYPE_FLAG_BASETYPE,
    .print = bytes_print,
    .make_new = bytes_make_new,
    .unary_op = bytes_unary_op,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .getiter = bytes_getiter,
    .buffer = bytes_buffer,
    .locals = &bytes_locals,
};

// ---- decode, hex, fromhex ------------------------------------------------------------

static value_t bytes_decode(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    value_t encoding = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_encoding);
    value_t errors = n_args > 2 ? args[2] : arg_kw(n_args, n_kw, args, Q_errors);
    int id = str_encoding_id(encoding);
    if (id == 0) {
        return str_decode_utf8(s.data, s.len, errors);
    }
    vstr_t vs;
    vstr_init(&vs, s.len);
    for (size_t i = 0; i < s.len; i++) {
        unsigned char c = s.data[i];
        if (c < 0x80 || id == 2) {
            vstr_add_utf8(&vs, c);
            continue;
        }
        size_t elen = 0;
        const char *e = errors == VAL_NULL ? "" : str_arg(errors, &elen);
        if (elen == 7 && !memcmp(e, "replace", 7)) {
            vstr_add_utf8(&vs, 0xFFFD);
        } else if (!(elen == 6 && !memcmp(e, "ignore", 6))) {
            raise_fmt(&type_UnicodeError,
                      "'ascii' codec can't decode byte 0x%x in position %u: ordinal not in range(128)",
                      (unsigned)c, (unsigned)i);
        }
    }
    return str_from_vstr(&vs);
}
BUILTIN_FN(bytes_decode_obj, Q_decode, 1, 3, true, bytes_decode);

static value_t bytes_hex(size_t n_args, size_t n_kw, const value_t *args) {
    strarg_t s;
    strarg_self(args[0], &s);
    value_t sepv = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_sep);
    value_t perv = n_args > 2 ? args[2] : arg_kw(n_args, n_kw, args, Q_bytes_per_sep);
    const char *sep = NULL;
    size_t seplen = 0;
    if (sepv != VAL_NULL) {
        sep = str_data(sepv, &seplen);
        if (sep == NULL && !bytes_get_data(sepv, &sep, &seplen)) {
            raise_msg(&type_TypeError, "sep must be str or bytes.");
        }
        if (seplen != 1) {
            raise_msg(&type_ValueError, "sep must be length 1.");
        }
    }
    smallint_t per = perv == VAL_NULL ? 1 : value_get_int(perv);
    size_t group = (size_t)(per < 0 ? -per : per);
    vstr_t vs;
    vstr_init(&vs, s.len * 3);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < s.len; i++) {
        if (sep != NULL && i > 0 && group > 0) {
            // groups are counted from the right for per > 0, from the left otherwise
            size_t pos = per > 0 ? s.len - i : i;
            if (pos % group == 0) {
                vstr_add_char(&vs, sep[0]);
            }
        }
        unsigned char c = s.data[i];
        vstr_add_char(&vs, hex[c >> 4]);
        vstr_add_char(&vs, hex[c & 15]);
    }
    return str_from_vstr(&vs);
}
BUILTIN_FN(bytes_hex_obj, Q_hex, 1, 3, true, bytes_hex);

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

static value_t fromhex(size_t n_args, const value_t *args, const type_t *type) {
    value_t arg = args[n_args - 1];
    size_t len;
    const char *s = str_data(arg, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "fromhex() argument must be str, not %s",
                  qstr_str(value_type_name(arg)));
    }
    vstr_t vs;
    vstr_init(&vs, len / 2);
    size_t i = 0;
    while (i < len) {
        if (s[i] == ' ' || (s[i] >= 0x09 && s[i] <= 0x0D)) {
            i++;
            continue;
        }
        int hi = hex_digit(s[i]);
        int lo = i + 1 < len ? hex_digit(s[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            raise_fmt(&type_ValueError,
                      "non-hexadecimal number found in fromhex() arg at position %u",
                      (unsigned)(hi < 0 ? i : i + 1));
        }
        vstr_add_char(&vs, (char)(hi * 16 + lo));
        i += 2;
    }
    return strarg_from_vstr(type, &vs);
}

static value_t bytes_fromhex(size_t n_args, size_t n_kw, const value_t *args) {
    return fromhex(n_args, args, &type_bytes);
}
BUILTIN_FN(bytes_fromhex_obj, Q_fromhex, 1, 2, false, bytes_fromhex);

static value_t bytearray_fromhex(size_t n_args, size_t n_kw, const value_t *args) {
    return fromhex(n_args, args, &type_bytearray);
}
BUILTIN_FN(bytearray_fromhex_obj, Q_fromhex, 1, 2, false, bytearray_fromhex);
