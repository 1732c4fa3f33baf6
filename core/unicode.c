// SPDX-License-Identifier: MIT
// UTF-8 walking and a compact character database (see unicode.h for what
// it covers). Ranges are tested in code rather than tables so that the
// common ASCII case returns after one or two comparisons.
#include "unicode.h"

size_t utf8_charlen(const char *s, size_t len) {
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    // Count bytes that are not continuation bytes, a word at a time would
    // be faster still but this loop is already branch-free.
    while (p < end) {
        n += (*p++ & 0xC0) != 0x80;
    }
    return n;
}

size_t utf8_seq_len(unsigned char c) {
    if (c < 0x80) {
        return 1;
    }
    if (c < 0xE0) {
        return 2;
    }
    if (c < 0xF0) {
        return 3;
    }
    return 4;
}

uint32_t utf8_decode(const char **pp) {
    const unsigned char *p = (const unsigned char *)*pp;
    uint32_t c = *p++;
    if (c >= 0x80) {
        if (c < 0xE0) {
            c = ((c & 0x1F) << 6) | (p[0] & 0x3F);
            p += 1;
        } else if (c < 0xF0) {
            c = ((c & 0x0F) << 12) | ((uint32_t)(p[0] & 0x3F) << 6) | (p[1] & 0x3F);
            p += 2;
        } else {
            c = ((c & 0x07) << 18) | ((uint32_t)(p[0] & 0x3F) << 12) |
                ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            p += 3;
        }
    }
    *pp = (const char *)p;
    return c;
}

size_t utf8_encode(char *out, uint32_t c) {
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

const char *utf8_skip(const char *s, const char *end, size_t n) {
    while (n > 0 && s < end) {
        s++;
        while (s < end && UTF8_IS_CONT(*s)) {
            s++;
        }
        n--;
    }
    return s;
}

bool utf8_check(const char *s, size_t len, size_t *bad, size_t *badlen) {
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t need;
        uint32_t min, cp;
        if (c >= 0xC2 && c < 0xE0) {
            need = 1, min = 0x80, cp = c & 0x1F;
        } else if (c >= 0xE0 && c < 0xF0) {
            need = 2, min = 0x800, cp = c & 0x0F;
        } else if (c >= 0xF0 && c < 0xF5) {
            need = 3, min = 0x10000, cp = c & 0x07;
        } else {
            *bad = (size_t)(p - (const unsigned char *)s);
            *badlen = 1;
            return false;
        }
        size_t i;
        for (i = 1; i <= need; i++) {
            if (p + i >= end || (p[i] & 0xC0) != 0x80) {
                break;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
            // CPython reports the longest valid prefix: detect overlong,
            // surrogate and out-of-range sequences at the second byte.
            if (i == 1) {
                uint32_t top = cp << (6 * (need - 1));
                if (top < min || (top >= 0xD800 && top <= 0xDFFF) || top > 0x10FFFF) {
                    break;
                }
            }
        }
        if (i <= need) {
            *bad = (size_t)(p - (const unsigned char *)s);
            *badlen = i;
            return false;
        }
        p += need + 1;
    }
    return true;
}

bool unicode_isspace_nonascii(uint32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool unicode_isalpha(uint32_t c) {
    if (c < 0x80) {
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    if (c < 0x100) {
        return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    }
    if (c < 0x2B0) {
        return true;
    }
    if (c >= 0x370 && c < 0x400) {
        return !(c == 0x375 || c == 0x37E || c == 0x384 || c == 0x385 || c == 0x387 ||
                 c == 0x3F6 || (c >= 0x378 && c <= 0x379) || (c >= 0x380 && c <= 0x383) ||
                 c == 0x38B || c == 0x38D || c == 0x3A2);
    }
    return (c >= 0x400 && c <= 0x481) || (c >= 0x48A && c <= 0x52F) ||
           (c >= 0x531 && c <= 0x556) || (c >= 0x561 && c <= 0x587) ||
           (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x620 && c <= 0x64A) ||
           (c >= 0x904 && c <= 0x939) || (c >= 0xE01 && c <= 0xE30) ||
           (c >= 0x1E00 && c <= 0x1FBC) || (c >= 0x3041 && c <= 0x3096) ||
           (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

bool unicode_isdecimal(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) ||
           (c >= 0x966 && c <= 0x96F) || (c >= 0xFF10 && c <= 0xFF19) ||
           (c >= 0x1D7CE && c <= 0x1D7FF);
}

bool unicode_isdigit(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    return unicode_isdecimal(c) || c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070 ||
           (c >= 0x2074 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089) ||
           (c >= 0x2460 && c <= 0x2468);
}

bool unicode_isnumeric(uint32_t c) {
    if (c < 0x80) {
        return c >= '0' && c <= '9';
    }
    if (unicode_isdigit(c) || (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2182) ||
        c == 0x3007) {
        return true;
    }
    switch (c) {
        case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:
        case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
            return true;
    }
    return false;
}

uint32_t unicode_tolower(uint32_t c) {
    if (c < 0x80) {
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
    if (c < 0x100) {
        return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    }
    if (c < 0x180) {
        if (c == 0x130) {
            return 'i';
        }
        if ((c < 0x138 || (c >= 0x14A && c < 0x178)) && !(c & 1)) {
            return c + 1;
        }
        if (((c >= 0x139 && c < 0x149) || (c >= 0x179 && c < 0x17F)) && (c & 1)) {
            return c + 1;
        }
        return c == 0x178 ? 0xFF : c;
    }
    if (c >= 0x386 && c < 0x3B0) {
        if ((c >= 0x391 && c <= 0x3A1) || (c >= 0x3A3 && c <= 0x3AB)) {
            return c + 32;
        }
        if (c == 0x386) {
            return 0x3AC;
        }
        if (c >= 0x388 && c <= 0x38A) {
            return c + 0x25;
        }
        if (c == 0x38C) {
            return 0x3CC;
        }
        if (c == 0x38E || c == 0x38F) {
            return c + 0x3F;
        }
        return c;
    }
    if (c >= 0x400 && c < 0x530) {
        if (c < 0x410) {
            return c + 0x50;
        }
        if (c < 0x430) {
            return c + 32;
        }
        if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) || (c >= 0x4D0)) &&
            !(c & 1)) {
            return c + 1;
        }
        return c;
    }
    if (c >= 0x531 && c <= 0x556) {
        return c + 0x30;
    }
    // Latin Extended-B (part) and Latin Extended Additional: pairs
    if (((c >= 0x200 && c <= 0x233 && c != 0x220) || (c >= 0x1E00 && c <= 0x1E94) ||
         (c >= 0x1EA0 && c <= 0x1EFF)) && !(c & 1)) {
        return c + 1;
    }
    if (c == 0x1E9E) {
        return 0xDF;
    }
    if (c >= 0xFF21 && c <= 0xFF3A) {
        return c + 32;
    }
    return c;
}

uint32_t unicode_toupper(uint32_t c) {
    if (c < 0x80) {
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    }
    if (c < 0x100) {
        if (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
            return c - 32;
        }
        return c == 0xFF ? 0x178 : c == 0xB5 ? 0x39C : c;
    }
    if (c < 0x180) {
        if (c == 0x131) {
            return 'I';
        }
        if (c == 0x17F) {
            return 'S';
        }
        if ((c < 0x138 || (c >= 0x14A && c < 0x178)) && (c & 1)) {
            return c - 1;
        }
        if (((c >= 0x139 && c < 0x149) || (c >= 0x179 && c < 0x17F)) && !(c & 1)) {
            return c - 1;
        }
        return c;
    }
    if (c >= 0x3AC && c < 0x3D0) {
        if ((c >= 0x3B1 && c <= 0x3C1) || (c >= 0x3C3 && c <= 0x3CB)) {
            return c - 32;
        }
        if (c == 0x3C2) {
            return 0x3A3;
        }
        if (c == 0x3AC) {
            return 0x386;
        }
        if (c >= 0x3AD && c <= 0x3AF) {
            return c - 0x25;
        }
        if (c == 0x3CC) {
            return 0x38C;
        }
        if (c == 0x3CD || c == 0x3CE) {
            return c - 0x3F;
        }
        return c;
    }
    if (c >= 0x430 && c < 0x530) {
        if (c < 0x450) {
            return c - 32;
        }
        if (c < 0x460) {
            return c - 0x50;
        }
        if (((c >= 0x461 && c <= 0x481) || (c >= 0x48B && c <= 0x4BF) || (c >= 0x4D1)) &&
            (c & 1)) {
            return c - 1;
        }
        return c;
    }
    if (c >= 0x561 && c <= 0x586) {
        return c - 0x30;
    }
    if (((c >= 0x201 && c <= 0x233 && c != 0x221) || (c >= 0x1E01 && c <= 0x1E95) ||
         (c >= 0x1EA1 && c <= 0x1EFF)) && (c & 1)) {
        return c - 1;
    }
    if (c >= 0xFF41 && c <= 0xFF5A) {
        return c - 32;
    }
    return c;
}

bool unicode_isupper(uint32_t c) {
    if (c < 0x80) {
        return c >= 'A' && c <= 'Z';
    }
    return unicode_tolower(c) != c || c == 0x130;
}

bool unicode_islower(uint32_t c) {
    if (c < 0x80) {
        return c >= 'a' && c <= 'z';
    }
    return unicode_toupper(c) != c || c == 0xDF || c == 0xAA || c == 0xBA || c == 0x138 ||
           c == 0x149;
}

bool unicode_isprintable(uint32_t c) {
    if (c < 0x80) {
        return c >= 0x20 && c < 0x7F;
    }
    if (c <= 0xA0 || c == 0xAD) {
        return false;
    }
    if (c < 0x600) {
        return !(c == 0x378 || c == 0x379 || (c >= 0x380 && c <= 0x383) || c == 0x38B ||
                 c == 0x38D || c == 0x3A2 || c == 0x530);
    }
    if (c <= 0x605 || c == 0x61C || c == 0x6DD || c == 0x70F || c == 0x180E) {
        return false;
    }
    if (c >= 0x2000 && c <= 0x206F) {
        // spaces, zero-width and direction marks, separators, invisible operators
        return !(c <= 0x200F || (c >= 0x2028 && c <= 0x202F) || c >= 0x205F);
    }
    if (c == 0x1680 || c == 0x3000 || (c >= 0xD800 && c <= 0xF8FF) || c == 0xFEFF ||
        (c >= 0xFFF0 && c <= 0xFFFB) || c == 0xFFFE || c == 0xFFFF) {
        return false;
    }
    if (c >= 0x110BD && (c == 0x110BD || c == 0x110CD || (c >= 0x1D173 && c <= 0x1D17A) ||
                         (c >= 0xE0000 && c <= 0xE00FF) || c >= 0xF0000 ||
                         (c & 0xFFFE) == 0xFFFE)) {
        return false;
    }
    return true;
}
