// SPDX-License-Identifier: MIT
// UTF-8 walking and the character database (see unicode.h for what it
// answers).
//
// The database is generated from CPython 3.11 by tools/genunicode.py
// (unicode_tables.h). Each code point has a record: its property bits and,
// for each of the four case mappings, an index into unicode_deltas (the
// mapping is the code point plus that delta), or UNICODE_SPECIAL when the
// mapping is several code points, listed then in unicode_special. A
// pattern is a pair of records, one for even and one for odd code points,
// so that Latin's Ā ā Ă ă ... is one pattern. The code points 0..0x10FFFF
// are cut into runs of one pattern, each a uint16: pattern << 8 | length
// code, where a code n below UNICODE_LONG_RUN means n + 1 code points and
// a larger one 2 ** (8 + n - UNICODE_LONG_RUN) (long stretches of
// unassigned code points take a few runs). unicode_checkpoints holds the
// first code point of every UNICODE_RUNS_PER_CHECKPOINT-th run, so a lookup
// bisects the checkpoints and then adds up at most 15 run lengths.
//
// The 3,000 runs with their checkpoints make 6.7 KB, the records, patterns
// and deltas 2.5 KB, the 255 multi-code-point mappings 1.7 KB. All of it
// is const, so on the chip it stays in flash (read with 32-bit loads: the
// firmware is compiled with -mforce-l32).
#include "unicode.h"

typedef struct {
    uint16_t props;    // UNICODE_ALPHA ...
    uint8_t delta[4];  // by unicode_case_t: index into unicode_deltas, or UNICODE_SPECIAL
} unicode_record_t;

#include "unicode_tables.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

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

// ---- the database -----------------------------------------------------------

static uint32_t run_length(uint16_t run) {
    unsigned code = run & 0xFF;
    return code < UNICODE_LONG_RUN ? code + 1 : (uint32_t)1 << (8 + code - UNICODE_LONG_RUN);
}

static const unicode_record_t *record_of(uint32_t c) {
    if (c > 0x10FFFF) {
        return &unicode_records[0];
    }
    // The last checkpoint at or before c, then the run that holds c.
    size_t lo = 0, hi = COUNT(unicode_checkpoints);
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (unicode_checkpoints[mid] <= c) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    const uint16_t *run = unicode_runs + lo * UNICODE_RUNS_PER_CHECKPOINT;
    uint32_t end = unicode_checkpoints[lo] + run_length(*run);
    while (c >= end) {
        run++;
        end += run_length(*run);
    }
    return &unicode_records[unicode_patterns[*run >> 8][c & 1]];
}

unsigned unicode_props(uint32_t c) {
    return record_of(c)->props;
}

// ---- properties -------------------------------------------------------------

static bool ascii_isalpha(uint32_t c) {
    return (c | 0x20) - 'a' < 26u;
}

static bool ascii_isdigit(uint32_t c) {
    return c - '0' < 10u;
}

bool unicode_isspace_nonascii(uint32_t c) {
    // tools/genunicode.py checks that these are all of them.
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool unicode_isalpha(uint32_t c) {
    return c < 0x80 ? ascii_isalpha(c) : (unicode_props(c) & UNICODE_ALPHA) != 0;
}

bool unicode_isdecimal(uint32_t c) {
    return c < 0x80 ? ascii_isdigit(c) : (unicode_props(c) & UNICODE_DECIMAL) != 0;
}

bool unicode_isdigit(uint32_t c) {
    return c < 0x80 ? ascii_isdigit(c) : (unicode_props(c) & UNICODE_DIGIT) != 0;
}

bool unicode_isnumeric(uint32_t c) {
    return c < 0x80 ? ascii_isdigit(c) : (unicode_props(c) & UNICODE_NUMERIC) != 0;
}

bool unicode_isupper(uint32_t c) {
    return c < 0x80 ? c - 'A' < 26u : (unicode_props(c) & UNICODE_UPPER) != 0;
}

bool unicode_islower(uint32_t c) {
    return c < 0x80 ? c - 'a' < 26u : (unicode_props(c) & UNICODE_LOWER) != 0;
}

bool unicode_istitle(uint32_t c) {
    return c >= 0x80 && (unicode_props(c) & UNICODE_TITLE) != 0;
}

bool unicode_iscased(uint32_t c) {
    if (c < 0x80) {
        return ascii_isalpha(c);
    }
    return (unicode_props(c) & (UNICODE_UPPER | UNICODE_LOWER | UNICODE_TITLE)) != 0;
}

bool unicode_iscaseignorable(uint32_t c) {
    return (unicode_props(c) & UNICODE_CASE_IGNORABLE) != 0;
}

bool unicode_isprintable(uint32_t c) {
    return c < 0x80 ? c - 0x20 < 0x5Fu : (unicode_props(c) & UNICODE_PRINTABLE) != 0;
}

bool unicode_isidstart(uint32_t c) {
    return c < 0x80 ? ascii_isalpha(c) : (unicode_props(c) & UNICODE_ID_START) != 0;
}

bool unicode_isidcontinue(uint32_t c) {
    if (c < 0x80) {
        return ascii_isalpha(c) || ascii_isdigit(c) || c == '_';
    }
    return (unicode_props(c) & UNICODE_ID_CONTINUE) != 0;
}

// ---- case mappings ----------------------------------------------------------

// The multi-code-point mapping of c: entries are c << 16 | kind << 14 |
// offset in the pool << 2 | length - 1, sorted, so bisect on the top bits.
static size_t special_case(uint32_t c, unicode_case_t kind, uint32_t out[3]) {
    uint32_t key = c << 2 | kind;
    size_t lo = 0, hi = COUNT(unicode_special);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t entry = unicode_special[mid];
        if (entry >> 14 < key) {
            lo = mid + 1;
        } else if (entry >> 14 > key) {
            hi = mid;
        } else {
            const uint16_t *pool = unicode_special_pool + ((entry >> 2) & 0xFFF);
            size_t n = (entry & 3) + 1;
            for (size_t i = 0; i < n; i++) {
                out[i] = pool[i];
            }
            return n;
        }
    }
    out[0] = c;  // not reached: the generator lists every UNICODE_SPECIAL
    return 1;
}

size_t unicode_case_full(uint32_t c, unicode_case_t kind, uint32_t out[3]) {
    if (c < 0x80) {
        bool to_upper = kind == UNICODE_TO_UPPER || kind == UNICODE_TO_TITLE;
        out[0] = to_upper ? (c - 'a' < 26u ? c - 32 : c) : (c - 'A' < 26u ? c + 32 : c);
        return 1;
    }
    unsigned index = record_of(c)->delta[kind];
    if (index == UNICODE_SPECIAL) {
        return special_case(c, kind, out);
    }
    out[0] = (uint32_t)((int32_t)c + unicode_deltas[index]);
    return 1;
}

uint32_t unicode_toupper(uint32_t c) {
    uint32_t out[3];
    unicode_case_full(c, UNICODE_TO_UPPER, out);
    return out[0];
}

uint32_t unicode_tolower(uint32_t c) {
    uint32_t out[3];
    unicode_case_full(c, UNICODE_TO_LOWER, out);
    return out[0];
}

uint32_t unicode_totitle(uint32_t c) {
    uint32_t out[3];
    unicode_case_full(c, UNICODE_TO_TITLE, out);
    return out[0];
}
