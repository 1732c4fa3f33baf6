// SPDX-License-Identifier: MIT
// The binascii module: hexlify/unhexlify, base64 and crc32, with
// MicroPython's functions and CPython's rules and messages. CPython raises
// binascii.Error, a subclass of ValueError; MicroPython has no such class,
// so these raise ValueError with CPython's text.
#include "bigint.h"
#include "lib.h"
#include "strimpl.h"

// The bytes of an argument that must be bytes-like (data to encode).
static void buffer_arg(value_t v, buffer_info_t *info) {
    obj_get_buffer_raise(v, info, BUFFER_READ);
}

// The bytes of an argument to decode: bytes-like or an ASCII str.
static const char *ascii_arg(value_t v, size_t *len) {
    const char *s = str_data(v, len);
    if (s != NULL) {
        for (size_t i = 0; i < *len; i++) {
            if ((unsigned char)s[i] >= 0x80) {
                raise_msg(&type_ValueError, "string argument should contain only ASCII characters");
            }
        }
        return s;
    }
    buffer_info_t info;
    if (!obj_get_buffer(v, &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'", v);
    }
    *len = info.len;
    return info.buf;
}

// ---- hex ----------------------------------------------------------------------

static const char hex_digits[] = "0123456789abcdef";

// hexlify(data[, sep]): two hex digits per byte, sep (one ASCII character,
// str or bytes) between bytes.
static value_t binascii_hexlify(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t info;
    buffer_arg(args[0], &info);
    const char *sep = NULL;
    if (n_args > 1) {
        size_t seplen;
        sep = str_data(args[1], &seplen);
        if (sep != NULL) {
            seplen = utf8_charlen(sep, seplen);   // a str's length is in characters
        } else {
            buffer_info_t s;
            if (!obj_get_buffer(args[1], &s, BUFFER_READ)) {
                raise_msg(&type_TypeError, "sep must be str or bytes.");
            }
            sep = s.buf;
            seplen = s.len;
        }
        if (seplen != 1) {
            raise_msg(&type_ValueError, "sep must be length 1.");
        }
        if ((unsigned char)sep[0] >= 0x80) {
            raise_msg(&type_ValueError, "sep must be ASCII.");
        }
    }
    const uint8_t *data = info.buf;
    vstr_t vs;
    vstr_init(&vs, info.len * 3);
    for (size_t i = 0; i < info.len; i++) {
        if (sep != NULL && i > 0) {
            vstr_add_char(&vs, sep[0]);
        }
        vstr_add_char(&vs, hex_digits[data[i] >> 4]);
        vstr_add_char(&vs, hex_digits[data[i] & 15]);
    }
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(binascii_hexlify_obj, Q_hexlify, 1, 2, false, binascii_hexlify);

static int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static value_t binascii_unhexlify(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = ascii_arg(args[0], &len);
    if (len % 2 != 0) {
        raise_msg(&type_ValueError, "Odd-length string");
    }
    vstr_t vs;
    vstr_init(&vs, len / 2);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_value((unsigned char)s[i]), lo = hex_value((unsigned char)s[i + 1]);
        if (hi < 0 || lo < 0) {
            raise_msg(&type_ValueError, "Non-hexadecimal digit found");
        }
        vstr_add_char(&vs, (char)(hi << 4 | lo));
    }
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(binascii_unhexlify_obj, Q_unhexlify, 1, 1, false, binascii_unhexlify);

// ---- base64 (RFC 4648) -------------------------------------------------------------

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// The 6-bit value of a base64 character; -1 for any other.
static int b64_value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
}

// a2b_base64(data): CPython's non-strict decoder: characters outside the
// alphabet are skipped, and a quad ends at its padding; whatever follows
// a complete padding is ignored.
static value_t binascii_a2b_base64(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = ascii_arg(args[0], &len);
    vstr_t vs;
    vstr_init(&vs, len / 4 * 3 + 3);
    unsigned quad_pos = 0, pads = 0, left = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '=') {
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                quad_pos = 0;
                break;
            }
            continue;
        }
        int v = b64_value(c);
        if (v < 0) {
            continue;
        }
        pads = 0;
        switch (quad_pos) {
            case 0:
                left = (unsigned)v;
                break;
            case 1:
                vstr_add_char(&vs, (char)(left << 2 | (unsigned)v >> 4));
                left = (unsigned)v & 0x0f;
                break;
            case 2:
                vstr_add_char(&vs, (char)(left << 4 | (unsigned)v >> 2));
                left = (unsigned)v & 0x03;
                break;
            default:
                vstr_add_char(&vs, (char)(left << 6 | (unsigned)v));
                break;
        }
        quad_pos = (quad_pos + 1) & 3;
    }
    if (quad_pos == 1) {
        raise_fmt(&type_ValueError,
                  "Invalid base64-encoded string: number of data characters (%u) cannot be 1 more than a "
                  "multiple of 4",
                  (unsigned)(vs.len / 3 * 4 + 1));
    }
    if (quad_pos != 0) {
        raise_msg(&type_ValueError, "Incorrect padding");
    }
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(binascii_a2b_base64_obj, Q_a2b_base64, 1, 1, false, binascii_a2b_base64);

// b2a_base64(data, *, newline=True)
static value_t binascii_b2a_base64(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_newline, Q_NULL};
    arg_kw_check_invalid(n_args, n_kw, args, allowed, "b2a_base64");
    value_t newline = arg_kw(n_args, n_kw, args, Q_newline);
    buffer_info_t info;
    buffer_arg(args[0], &info);
    const uint8_t *d = info.buf;
    size_t n = info.len;
    vstr_t vs;
    vstr_init(&vs, (n + 2) / 3 * 4 + 1);
    for (; n >= 3; n -= 3, d += 3) {
        char *out = vstr_extend(&vs, 4);
        out[0] = b64_alphabet[d[0] >> 2];
        out[1] = b64_alphabet[(d[0] & 3) << 4 | d[1] >> 4];
        out[2] = b64_alphabet[(d[1] & 15) << 2 | d[2] >> 6];
        out[3] = b64_alphabet[d[2] & 63];
    }
    if (n > 0) {
        char *out = vstr_extend(&vs, 4);
        unsigned b1 = n > 1 ? d[1] : 0;
        out[0] = b64_alphabet[d[0] >> 2];
        out[1] = b64_alphabet[(d[0] & 3) << 4 | b1 >> 4];
        out[2] = n > 1 ? b64_alphabet[(b1 & 15) << 2] : '=';
        out[3] = '=';
    }
    if (newline == VAL_NULL || obj_is_true(newline)) {
        vstr_add_char(&vs, '\n');
    }
    return bytes_from_vstr(&vs);
}
static BUILTIN_FN(binascii_b2a_base64_obj, Q_b2a_base64, 1, 1, true, binascii_b2a_base64);

// ---- crc32 ----------------------------------------------------------------------------

// CRC-32 (the zlib and Ethernet polynomial, reflected) four bits at a
// time: a 64-byte table instead of the usual 1 KiB.
static const uint32_t crc_nibble[16] = {
    0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
    0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
};

// The low 32 bits of an int of any size or sign, as CPython takes a CRC.
static uint32_t low_32_bits(value_t v) {
    value_t low = int_binary_op(BINOP_AND, int_index(v), int_from_ull(0xffffffffu));
    long long ll = 0;
    if (VAL_IS_SMALL(low)) {
        return (uint32_t)SMALL_VALUE(low);
    }
    bigint_get_ll(low, &ll);
    return (uint32_t)ll;
}

// crc32(data[, value]): value is the CRC of the data before, to continue it.
static value_t binascii_crc32(size_t n_args, size_t n_kw, const value_t *args) {
    buffer_info_t info;
    buffer_arg(args[0], &info);
    uint32_t crc = n_args > 1 ? low_32_bits(args[1]) : 0;
    crc = ~crc;
    const uint8_t *d = info.buf;
    for (size_t i = 0; i < info.len; i++) {
        crc ^= d[i];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
        crc = (crc >> 4) ^ crc_nibble[crc & 15];
    }
    return int_from_uintptr(~crc);
}
static BUILTIN_FN(binascii_crc32_obj, Q_crc32, 1, 2, false, binascii_crc32);

static const map_entry_t binascii_table[] = {
    {QSTR(Q___name__), QSTR(Q_binascii)},
    {QSTR(Q_a2b_base64), PTR_VAL(&binascii_a2b_base64_obj)},
    {QSTR(Q_b2a_base64), PTR_VAL(&binascii_b2a_base64_obj)},
    {QSTR(Q_crc32), PTR_VAL(&binascii_crc32_obj)},
    {QSTR(Q_hexlify), PTR_VAL(&binascii_hexlify_obj)},
    {QSTR(Q_unhexlify), PTR_VAL(&binascii_unhexlify_obj)},
};
MODULE_ROM(binascii_module, Q_binascii, binascii_table);
ESPY_MODULE(binascii, binascii_module);
ESPY_MODULE(ubinascii, binascii_module);
