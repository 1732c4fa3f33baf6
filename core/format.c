// SPDX-License-Identifier: MIT
// The format-spec mini-language: format(value, spec), str.format and
// f-strings call format_value for the builtin int, bool, float, complex
// and str.
//
//     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
//
// The spec is parsed once into a spec_t; each kind of value then produces
// its pieces (sign, prefix such as "0x", the digits of the integer part,
// and the rest: fraction, exponent, '%'), and one function lays them out
// with the padding, so alignment, zero padding and digit grouping work the
// same for ints and floats. Error messages are CPython's.
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "type.h"

typedef struct spec {
    const char *fill;       // UTF-8 bytes of the fill character
    size_t fill_len;
    char align;             // 0 (default), '<', '>', '=', '^'
    char sign;              // 0, '+', '-', ' '
    bool z, alt, zero;
    size_t width;
    char grouping;          // 0, ',', '_'
    long prec;              // -1: none
    char type;              // 0: none
} spec_t;

static size_t utf8_char_len(const char *s, size_t avail) {
    unsigned char c = (unsigned char)s[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return n > avail ? avail : n;
}

static size_t utf8_count(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static size_t parse_number(const char *s, size_t i, size_t len, size_t *out) {
    size_t v = 0;
    int digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9') {
        if (++digits > 18) {
            raise_msg(&type_ValueError, "Too many decimal digits in format string");
        }
        v = v * 10 + (size_t)(s[i] - '0');
        i++;
    }
    *out = v;
    return i;
}

static void parse_spec(spec_t *sp, const char *s, size_t len, value_t v, char default_align) {
    memset(sp, 0, sizeof(*sp));
    sp->fill = " ";
    sp->fill_len = 1;
    sp->prec = -1;
    size_t i = 0;
    bool fill_given = false;
    if (len > 0) {
        size_t cl = utf8_char_len(s, len);
        if (cl < len && is_align(s[cl])) {
            sp->fill = s;
            sp->fill_len = cl;
            sp->align = s[cl];
            fill_given = true;
            i = cl + 1;
        } else if (is_align(s[0])) {
            sp->align = s[0];
            i = 1;
        }
    }
    if (i < len && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        sp->sign = s[i++];
    }
    if (i < len && s[i] == 'z') {
        sp->z = true;
        i++;
    }
    if (i < len && s[i] == '#') {
        sp->alt = true;
        i++;
    }
    if (i < len && s[i] == '0') {
        sp->zero = true;
        if (!fill_given) {
            sp->fill = "0";
            sp->fill_len = 1;
        }
        if (sp->align == 0 && default_align == '>') {
            sp->align = '=';
        }
        i++;
    }
    i = parse_number(s, i, len, &sp->width);
    if (i < len && (s[i] == ',' || s[i] == '_')) {
        sp->grouping = s[i++];
        if (i < len && (s[i] == ',' || s[i] == '_')) {
            raise_msg(&type_ValueError, "Cannot specify both ',' and '_'.");
        }
    }
    if (i < len && s[i] == '.') {
        i++;
        if (i >= len || s[i] < '0' || s[i] > '9') {
            raise_msg(&type_ValueError, "Format specifier missing precision");
        }
        size_t p;
        i = parse_number(s, i, len, &p);
        sp->prec = (long)p;
    }
    if (i < len) {
        sp->type = s[i++];
    }
    if (i < len) {
        raise_fmt(&type_ValueError, "Invalid format specifier '%S' for object of type '%q'", str_new(s, len),
                  value_type_name(v));
    }
    if (sp->grouping) {
        char t = sp->type ? sp->type : default_align == '<' ? 's' : 0;   // str's default type is 's'
        bool ok = strchr("defgEFG%", t) != NULL;   // includes the empty type (NUL)
        if (sp->grouping == '_' && t && strchr("boxX", t)) {
            ok = true;
        }
        if (!ok) {
            raise_fmt(&type_ValueError, "Cannot specify '%c' with '%c'.", sp->grouping, t);
        }
    }
}

static _Noreturn void unknown_code(const spec_t *sp, value_t v) {
    raise_fmt(&type_ValueError, "Unknown format code '%c' for object of type '%q'", sp->type, value_type_name(v));
}

static void add_fill(vstr_t *out, const spec_t *sp, size_t n) {
    if (n == 0) {
        return;
    }
    if (sp->fill_len == 1) {
        memset(vstr_extend(out, n), sp->fill[0], n);
        return;
    }
    if (n > SIZE_MAX / sp->fill_len) {
        raise_msg(&type_MemoryError, "format width too large");
    }
    char *p = vstr_extend(out, n * sp->fill_len);
    for (size_t i = 0; i < n; i++) {
        memcpy(p + i * sp->fill_len, sp->fill, sp->fill_len);
    }
}

// Lays out a value made of sign, prefix, integer digits (grouped here) and
// the rest, padded to the width. Lengths in bytes; all ASCII but the rest of
// a str (text) which is counted in code points by the caller (text_chars).
static void layout(vstr_t *out, const spec_t *sp, char default_align, const char *sign, const char *prefix,
                   const char *digits, size_t ndigits, const char *rest, size_t nrest, size_t rest_chars) {
    size_t nsign = strlen(sign), nprefix = strlen(prefix);
    char align = sp->align ? sp->align : default_align;
    int group = sp->grouping ? (sp->type == 'b' || sp->type == 'o' || sp->type == 'x' || sp->type == 'X' ? 4 : 3) : 0;
    size_t padded_digits = ndigits;
    bool zero_group = group && ndigits > 0 && align == '=' && sp->fill_len == 1 && sp->fill[0] == '0';
    if (zero_group) {
        size_t fixed = nsign + nprefix + rest_chars;
        size_t min = sp->width > fixed ? sp->width - fixed : 0;
        while (padded_digits + (padded_digits - 1) / (size_t)group < min) {
            padded_digits++;
        }
    }
    size_t body_digits = group && padded_digits ? padded_digits + (padded_digits - 1) / (size_t)group : padded_digits;
    size_t total = nsign + nprefix + body_digits + rest_chars;
    size_t pad = sp->width > total ? sp->width - total : 0;
    size_t left = 0, right = 0, mid = 0;
    switch (align) {
        case '<': right = pad; break;
        case '^': left = pad / 2; right = pad - left; break;
        case '=': mid = pad; break;
        default: left = pad; break;
    }
    // reserve the whole result at once (a huge width must not double the buffer)
    size_t bytes = pad * sp->fill_len + nsign + nprefix + body_digits + nrest;
    vstr_extend(out, bytes);
    out->len -= bytes;
    add_fill(out, sp, left);
    vstr_add_strn(out, sign, nsign);
    vstr_add_strn(out, prefix, nprefix);
    add_fill(out, sp, mid);
    if (group && body_digits) {
        char *p = vstr_extend(out, body_digits);
        size_t zeros = padded_digits - ndigits, k = body_digits, count = 0;
        for (size_t i = padded_digits; i-- > 0;) {
            if (count == (size_t)group) {
                p[--k] = sp->grouping;
                count = 0;
            }
            p[--k] = i >= zeros ? digits[i - zeros] : '0';
            count++;
        }
    } else {
        vstr_add_strn(out, digits, ndigits);
    }
    vstr_add_strn(out, rest, nrest);
    add_fill(out, sp, right);
}

static void format_str(vstr_t *out, const spec_t *sp, value_t v) {
    if (sp->type && sp->type != 's') {
        unknown_code(sp, v);
    }
    if (sp->sign) {
        raise_msg(&type_ValueError, sp->sign == ' ' ? "Space not allowed in string format specifier"
                                                    : "Sign not allowed in string format specifier");
    }
    if (sp->z) {
        raise_msg(&type_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (sp->alt) {
        raise_msg(&type_ValueError, "Alternate form (#) not allowed in string format specifier");
    }
    if (sp->align == '=') {
        raise_msg(&type_ValueError, "'=' alignment not allowed in string format specifier");
    }
    if (sp->grouping) {
        raise_fmt(&type_ValueError, "Cannot specify '%c' with 's'.", sp->grouping);
    }
    size_t len;
    const char *s = str_data(v, &len);
    size_t chars = utf8_count(s, len);
    if (sp->prec >= 0 && (size_t)sp->prec < chars) {
        // cut after prec code points
        size_t i = 0, n = 0;
        while (i < len && n < (size_t)sp->prec) {
            i += utf8_char_len(s + i, len - i);
            n++;
        }
        len = i;
        chars = n;
    }
    spec_t tsp = *sp;
    tsp.grouping = 0;
    layout(out, &tsp, '<', "", "", "", 0, s, len, chars);
}

static const char *sign_str(const spec_t *sp, bool neg) {
    if (neg) {
        return "-";
    }
    return sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
}

static void format_float(vstr_t *out, const spec_t *sp, double d, value_t v);

static void format_int(vstr_t *out, const spec_t *sp, value_t v) {
    char type = sp->type;
    switch (type) {
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
            format_float(out, sp, int_as_double(v), v);
            return;
        case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
            break;
        default:
            unknown_code(sp, v);
    }
    if (sp->prec >= 0) {
        raise_msg(&type_ValueError, "Precision not allowed in integer format specifier");
    }
    if (sp->z) {
        raise_msg(&type_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (sp->grouping && (type == 'c' || type == 'n' || (sp->grouping == ',' && (type == 'b' || type == 'o' || type == 'x' || type == 'X')))) {
        raise_fmt(&type_ValueError, "Cannot specify '%c' with '%c'.", sp->grouping, type);
    }
    if (type == 'c') {
        if (sp->sign) {
            raise_msg(&type_ValueError, "Sign not allowed with integer format specifier 'c'");
        }
        if (sp->alt) {
            raise_msg(&type_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        }
        smallint_t c;
        if (!value_get_int_maybe(v, &c) || c < 0 || c > 0x10FFFF) {
            raise_msg(&type_OverflowError, "%c arg not in range(0x110000)");
        }
        vstr_t cv;
        vstr_init(&cv, 4);
        vstr_add_utf8(&cv, (uint32_t)c);
        layout(out, sp, '>', "", "", "", 0, cv.buf, cv.len, 1);
        return;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    const char *prefix = "";
    if (sp->alt) {
        prefix = type == 'b' ? "0b" : type == 'o' ? "0o" : type == 'x' ? "0x" : type == 'X' ? "0X" : "";
    }
    char buf[72];
    vstr_t dv = {buf, 0, sizeof(buf) - 1};
    vstr_t *dp = &dv;
    vstr_t heapv;
    if (!VAL_IS_SMALL(v) && !VAL_IS_BOOL(v)) {
        vstr_init(&heapv, bigint_bitlen(v) / (base == 10 ? 3 : 1) + 8);
        dp = &heapv;
    }
    int_format_digits(dp, v, base, type == 'X');
    layout(out, sp, '>', sign_str(sp, int_is_negative(v)), prefix, dp->buf, dp->len, "", 0, 0);
}

// A float, or a part of a complex (v): then no type gives repr's digits
// without ".0", and a precision without type 'g' without ".0" either.
static void format_float(vstr_t *out, const spec_t *sp, double d, value_t v) {
    char type = sp->type;
    long prec = sp->prec;
    bool is_complex = OBJ_TYPE_IS(v, &type_complex);
    bool add_dot0 = false, upper = false, percent = false;
    switch (type) {
        case 0:
            if (prec < 0) {
                type = 'r';
            } else {
                type = 'g';
                add_dot0 = !is_complex;
            }
            break;
        case 'n':
            if (sp->grouping) {
                raise_fmt(&type_ValueError, "Cannot specify '%c' with 'n'.", sp->grouping);
            }
            type = 'g';
            break;
        case 'E': case 'F': case 'G':
            upper = true;
            type = (char)(type + 32);
            break;
        case '%':
            percent = true;
            type = 'f';
            d *= 100;
            break;
        case 'e': case 'f': case 'g':
            break;
        default:
            unknown_code(sp, v);
    }
    if (prec < 0 && type != 'r') {
        prec = 6;
    }
    if (prec > 0x7fffffff / 2) {
        raise_msg(&type_ValueError, "precision too big");
    }
    bool neg = signbit(d) && !isnan(d);
    vstr_t dv;
    vstr_init(&dv, type == 'f' ? (size_t)prec + 24 : (size_t)prec + 16);
    fconv_format(&dv, neg ? -d : d, type, (int)prec, sp->alt, add_dot0, upper);
    if (is_complex && type == 'r' && dv.len >= 2 && memcmp(dv.buf + dv.len - 2, ".0", 2) == 0) {
        dv.len -= sp->alt ? 1 : 2;   // (1+2j), or (1.+2.j) with '#'
    }
    if (percent) {
        vstr_add_char(&dv, '%');
    }
    if (neg && sp->z && isfinite(d)) {
        bool nonzero = false;
        for (size_t i = 0; i < dv.len && !nonzero; i++) {
            if (dv.buf[i] == 'e' || dv.buf[i] == 'E') {
                break;
            }
            nonzero = dv.buf[i] >= '1' && dv.buf[i] <= '9';
        }
        neg = nonzero;
    }
    // integer digits: up to '.', 'e' or the end (not for inf/nan)
    size_t nint = 0;
    if (isfinite(d)) {
        while (nint < dv.len && dv.buf[nint] >= '0' && dv.buf[nint] <= '9') {
            nint++;
        }
    }
    layout(out, sp, '>', sign_str(sp, neg), "", dv.buf, nint, dv.buf + nint, dv.len - nint, dv.len - nint);
}

// complex: each part formatted as a float, the imaginary one always with
// its sign unless it stands alone, then the whole padded. With no type the
// form is repr's: (1+2j), or 2j when the real part is +0.
static void format_complex(vstr_t *out, const spec_t *sp, value_t v) {
    if (sp->fill_len == 1 && sp->fill[0] == '0') {
        raise_msg(&type_ValueError, "Zero padding is not allowed in complex format specifier");
    }
    if (sp->align == '=') {
        raise_msg(&type_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    }
    if (sp->type && !strchr("eEfFgGn", sp->type)) {
        unknown_code(sp, v);
    }
    cnum_t z = ((complex_obj_t *)VAL_PTR(v))->value;
    bool bare = !sp->type && z.re == 0 && !signbit(z.re), parens = !sp->type && !bare;
    spec_t part = *sp, whole = *sp;
    part.align = '<';
    part.width = 0;
    whole.grouping = 0;
    vstr_t body;
    vstr_init(&body, 32);
    if (parens) {
        vstr_add_char(&body, '(');
    }
    if (!bare) {
        format_float(&body, &part, z.re, v);
        part.sign = '+';
    }
    format_float(&body, &part, z.im, v);
    vstr_add_str(&body, parens ? "j)" : "j");
    layout(out, &whole, '>', "", "", "", 0, body.buf, body.len, body.len);
}

void format_value(vstr_t *out, value_t v, const char *spec, size_t speclen) {
    if (speclen == 0) {
        print_t p = vstr_printer(out);
        obj_print(&p, v, PRINT_STR);
        return;
    }
    if (!value_is_str(v) && !bigint_is_int(v) && !OBJ_TYPE_IS(v, &type_float)) {
        // an instance of a class derived from int, float or str
        value_t native = class_native_value(v);
        if (native != VAL_NULL) {
            v = native;
        }
    }
    spec_t sp;
    parse_spec(&sp, spec, speclen, v, value_is_str(v) ? '<' : '>');
    if (value_is_str(v)) {
        format_str(out, &sp, v);
    } else if (bigint_is_int(v)) {
        format_int(out, &sp, v);
    } else if (OBJ_TYPE_IS(v, &type_float)) {
        format_float(out, &sp, float_value(v), v);
    } else if (OBJ_TYPE_IS(v, &type_complex)) {
        format_complex(out, &sp, v);
    } else {
        raise_fmt(&type_TypeError, "unsupported format string passed to %q.__format__", value_type_name(v));
    }
}
