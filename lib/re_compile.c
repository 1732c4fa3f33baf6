// SPDX-License-Identifier: MIT
// The regex compiler: pattern text to the bytecode described in re.h, in one
// pass with no parse tree.
//
// Code is emitted as the pattern is read. A quantifier applies to the atom
// emitted last: the atom's code (from atom_start to the end) is moved up to
// make room for the repeat's header, which is why jumps are relative. An
// alternation `A|B` inserts a SPLIT before A's code and emits a JMP after it
// that waits, in a chain threaded through the JMPs' operands, for the end of
// the group. Open groups are frames in an array on the heap, not C
// recursion, so the nesting depth is bounded by the pattern's length and the
// heap, never by the C stack.
//
// Each frame also tracks the width (fewest and most characters) of what it
// matches: look-behind needs a fixed width, and a repeat of an atom that
// cannot match empty can use a plain SPLIT/JMP loop instead of a counted one.
// Error messages and their positions are CPython's.
#include <string.h>

#include "re.h"
#include "unicode.h"

#define NONE UINT32_MAX
#define INF RE_INFINITE
#define CODE_MAX 32767            // jump offsets are signed 16-bit
#define MAX_REPEAT 4294967294u    // as CPython: larger counts are an OverflowError

enum { FRAME_TOP, FRAME_CAPTURE, FRAME_PLAIN, FRAME_LOOK };

typedef struct frame {
    uint32_t start;        // offset of the group's header
    uint32_t alt_start;    // offset where the current alternative begins
    uint32_t pending;      // the last JMP waiting for the group's end, or NONE
    uint32_t min, max;     // width of the current alternative so far
    uint32_t gmin, gmax;   // width over the finished alternatives
    const char *open;      // the '(' (error positions)
    uint16_t group;        // capture group number
    uint16_t flags;        // the flags to restore at ')'
    uint8_t kind;          // FRAME_*
    uint8_t look;          // RE_LOOK_* of a FRAME_LOOK
    uint8_t has_alt;       // an alternative has been finished
    uint8_t alt_empty;     // nothing in the current alternative yet
} frame_t;

// The last atom, which a following quantifier applies to.
enum {
    ATOM_NONE,        // none: a quantifier has nothing to repeat
    ATOM_ASSERT,      // ^ $ \A \Z \b \B: cannot be repeated
    ATOM_ITEM,        // one instruction matching one character
    ATOM_LITERAL,     // one character at the end of a STR run
    ATOM_OTHER,       // a group or back-reference
    ATOM_REPEATED,    // already repeated: another quantifier is an error
};

typedef struct parser {
    const char *pat, *p, *end;
    bool is_bytes;
    unsigned flags;            // the flags in force here
    unsigned global_flags;     // the pattern's flags (inline ones at the start added)
    vstr_t code;
    frame_t *frames;
    size_t depth, frames_alloc;
    uint32_t n_groups, n_loops;
    value_t *groupindex;
    uint32_t atom_start, atom_min, atom_max;
    uint8_t atom, atom_char_len;
    uint32_t run_start;        // a STR the next literal may join, or NONE
} parser_t;

// ---- errors and positions -----------------------------------------------------------

static intptr_t pos_of(const parser_t *ps, const char *at) {
    size_t n = (size_t)(at - ps->pat);
    return (intptr_t)(ps->is_bytes ? n : utf8_charlen(ps->pat, n));
}

// The pattern text between two points, as a str for error messages (the
// bytes of a bytes pattern read as Latin-1, as CPython does).
static value_t text_of(const parser_t *ps, const char *from, const char *to) {
    if (!ps->is_bytes) {
        return str_new(from, (size_t)(to - from));
    }
    vstr_t vs;
    vstr_init(&vs, (size_t)(to - from));
    for (; from < to; from++) {
        vstr_add_utf8(&vs, (uint8_t)*from);
    }
    return str_from_vstr(&vs);
}

_Noreturn static void bad_escape(const parser_t *ps, const char *at) {
    re_error(pos_of(ps, at), "bad escape %S", text_of(ps, at, ps->p));
}

// ---- reading the pattern ----------------------------------------------------------------

static int peek(const parser_t *ps) {
    return ps->p < ps->end ? (uint8_t)*ps->p : -1;
}

static uint32_t next_char(parser_t *ps) {
    if (ps->is_bytes) {
        return (uint8_t)*ps->p++;
    }
    return utf8_decode(&ps->p);
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_ascii_letter(uint32_t c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int hex_value(int c) {
    if (is_digit(c)) {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

static bool ascii_mode(const parser_t *ps) {
    return ps->is_bytes || (ps->flags & RE_ASCII);
}

// ---- emitting code ---------------------------------------------------------------------

static uint8_t *code_at(parser_t *ps, uint32_t offset) {
    return (uint8_t *)ps->code.buf + offset;
}

static void check_room(parser_t *ps, size_t n) {
    if (ps->code.len + n > CODE_MAX) {
        raise_msg(&type_OverflowError, "regular expression code size limit exceeded");
    }
}

// n more bytes at the end; literals that follow start a new STR.
static uint8_t *emit(parser_t *ps, size_t n) {
    check_room(ps, n);
    ps->run_start = NONE;
    return (uint8_t *)vstr_extend(&ps->code, n);
}

// n bytes inserted at offset at, moving what follows up.
static uint8_t *insert(parser_t *ps, uint32_t at, size_t n) {
    check_room(ps, n);
    size_t old = ps->code.len;
    vstr_extend(&ps->code, n);
    uint8_t *p = code_at(ps, at);
    memmove(p + n, p, old - at);
    ps->run_start = NONE;
    return p;
}

static void put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
    put16(p, v);
    put16(p + 2, v >> 16);
}

static void put_char(uint8_t *p, uint32_t c) {
    p[0] = (uint8_t)c;
    p[1] = (uint8_t)(c >> 8);
    p[2] = (uint8_t)(c >> 16);
}

// Writes the jump operand of the instruction at `from` (at from + at) to
// reach `to`.
static void put_jump(parser_t *ps, uint32_t from, size_t at, uint32_t to) {
    put16(code_at(ps, from) + at, (uint16_t)(int16_t)((int32_t)to - (int32_t)from));
}

static void emit_jump(parser_t *ps, uint8_t op, uint32_t to) {
    uint32_t at = ps->code.len;
    emit(ps, RE_SIZE_JUMP)[0] = op;
    put_jump(ps, at, 1, to);
}

static void emit_save(parser_t *ps, uint32_t reg) {
    uint8_t *p = emit(ps, RE_SIZE_SAVE);
    p[0] = RE_OP_SAVE;
    put16(p + 1, reg);
}

// ---- widths ------------------------------------------------------------------------------

static uint32_t width_add(uint32_t a, uint32_t b) {
    return a >= INF - b ? INF : a + b;
}

static uint32_t width_mul(uint32_t a, uint32_t b) {
    if (a == 0 || b == 0) {
        return 0;
    }
    if (a == INF || b == INF || a > (INF - 1) / b) {
        return INF;
    }
    return a * b;
}

static frame_t *top(parser_t *ps) {
    return &ps->frames[ps->depth - 1];
}

// Adds the finished last atom to its alternative's width.
static void commit_atom(parser_t *ps) {
    if (ps->atom != ATOM_NONE) {
        frame_t *f = top(ps);
        f->min = width_add(f->min, ps->atom_min);
        f->max = width_add(f->max, ps->atom_max);
        ps->atom = ATOM_NONE;
    }
}

// Starts a new atom at the end of the code.
static void begin_atom(parser_t *ps, uint8_t kind, uint32_t min, uint32_t max) {
    commit_atom(ps);
    top(ps)->alt_empty = 0;
    ps->atom = kind;
    ps->atom_start = (uint32_t)ps->code.len;
    ps->atom_min = min;
    ps->atom_max = max;
}

// ---- atoms -------------------------------------------------------------------------------

static bool has_case(uint32_t c, bool ascii) {
    return re_lower(c, ascii) != c || re_upper(c, ascii) != c;
}

// The ASCII characters of \d, \w and \s (\s also has \x1c-\x1f in str patterns).
static const uint8_t digit_map[16] = {0, 0, 0, 0, 0, 0, 0xff, 0x03};
static const uint8_t word_map[16] = {0, 0, 0, 0, 0, 0, 0xff, 0x03, 0xfe, 0xff, 0xff, 0x87, 0xfe, 0xff, 0xff, 0x07};
static const uint8_t space_map[16] = {0x00, 0x3e, 0x00, 0x00, 0x01};
static const uint8_t unicode_space_map[16] = {0x00, 0x3e, 0x00, 0xf0, 0x01};

static void add_map(uint8_t *map, const uint8_t *add, bool negate) {
    for (int i = 0; i < 16; i++) {
        map[i] |= negate ? (uint8_t)~add[i] : add[i];
    }
}

// The answer of a set for each ASCII character, as re_class_match gives it.
static void class_map(uint8_t *map, uint8_t flags, uint32_t n_ranges, uint8_t escapes, const uint8_t *ranges) {
    for (uint32_t i = 0; i < n_ranges; i++, ranges += 2 * RE_CHAR_SIZE) {
        uint32_t lo = ranges[0] | (uint32_t)ranges[1] << 8 | (uint32_t)ranges[2] << 16;
        uint32_t hi = ranges[3] | (uint32_t)ranges[4] << 8 | (uint32_t)ranges[5] << 16;
        for (uint32_t c = lo; c <= hi && c < 128; c++) {
            map[c / 8] |= (uint8_t)(1 << (c % 8));
        }
    }
    static const struct {
        uint8_t escape;
        bool negate;
        const uint8_t *map;
    } categories[] = {
        {RE_ESC_DIGIT, false, digit_map}, {RE_ESC_NDIGIT, true, digit_map}, {RE_ESC_WORD, false, word_map},
        {RE_ESC_NWORD, true, word_map}, {RE_ESC_SPACE, false, NULL}, {RE_ESC_NSPACE, true, NULL},
    };
    for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++) {
        if (escapes & categories[i].escape) {
            const uint8_t *add = categories[i].map;
            if (add == NULL) {
                add = (flags & RE_CLASS_ASCII) ? space_map : unicode_space_map;
            }
            add_map(map, add, categories[i].negate);
        }
    }
    if (flags & RE_CLASS_ICASE) {
        for (uint32_t c = 'a'; c <= 'z'; c++) {
            uint32_t u = c - 32;
            if ((map[c / 8] >> (c % 8) | map[u / 8] >> (u % 8)) & 1) {
                map[c / 8] |= (uint8_t)(1 << (c % 8));
                map[u / 8] |= (uint8_t)(1 << (u % 8));
            }
        }
    }
    if (flags & RE_CLASS_NEGATE) {
        for (int i = 0; i < 16; i++) {
            map[i] = (uint8_t)~map[i];
        }
    }
}

// A CLASS with its ranges (n pairs of 3-byte characters) and its ASCII map.
static void emit_class(parser_t *ps, uint8_t flags, uint32_t n_ranges, uint8_t escapes, const void *ranges) {
    uint8_t *p = emit(ps, RE_SIZE_CLASS + 2 * RE_CHAR_SIZE * n_ranges);
    p[0] = RE_OP_CLASS;
    p[1] = flags;
    put16(p + 2, n_ranges);
    p[4] = escapes;
    memcpy(p + RE_SIZE_CLASS, ranges, 2 * RE_CHAR_SIZE * n_ranges);
    memset(p + RE_CLASS_MAP, 0, 16);    // the code buffer may hold cut code
    class_map(p + RE_CLASS_MAP, flags, n_ranges, escapes, p + RE_SIZE_CLASS);
}

static void literal(parser_t *ps, uint32_t c) {
    bool ascii = ascii_mode(ps);
    if ((ps->flags & RE_IGNORECASE) && has_case(c, ascii)) {
        begin_atom(ps, ATOM_ITEM, 1, 1);
        if (ascii) {
            // [xX]: the VM need not fold
            uint8_t r[4 * RE_CHAR_SIZE];
            put_char(r, re_lower(c, true));
            put_char(r + 3, re_lower(c, true));
            put_char(r + 6, re_upper(c, true));
            put_char(r + 9, re_upper(c, true));
            emit_class(ps, 0, 2, 0, r);
        } else {
            uint8_t *p = emit(ps, RE_SIZE_CHAR_I);
            p[0] = RE_OP_CHAR_I;
            put_char(p + 1, c);
        }
        return;
    }
    char buf[4];
    size_t n = 1;
    if (ps->is_bytes) {
        buf[0] = (char)c;
    } else {
        n = utf8_encode(buf, c);
    }
    uint32_t run = ps->run_start;
    if (run != NONE && code_at(ps, run)[1] + n <= 255) {
        // the run is the last code emitted (any other emit ends it)
        begin_atom(ps, ATOM_LITERAL, 1, 1);
        check_room(ps, n);
        memcpy(vstr_extend(&ps->code, n), buf, n);
        code_at(ps, run)[1] += (uint8_t)n;
        ps->atom_char_len = (uint8_t)n;
        return;
    }
    begin_atom(ps, ATOM_ITEM, 1, 1);
    uint8_t *p = emit(ps, RE_SIZE_STR + n);
    p[0] = RE_OP_STR;
    p[1] = (uint8_t)n;
    memcpy(p + 2, buf, n);
    ps->run_start = ps->atom_start;
}

static void assertion(parser_t *ps, uint8_t op) {
    begin_atom(ps, ATOM_ASSERT, 0, 0);
    bool word = op == RE_OP_WORDB || op == RE_OP_NWORDB;
    uint8_t *p = emit(ps, word ? RE_SIZE_WORDB : 1);
    p[0] = op;
    if (word) {
        p[1] = ascii_mode(ps);
    }
}

static void category(parser_t *ps, uint8_t escape) {
    begin_atom(ps, ATOM_ITEM, 1, 1);
    emit_class(ps, ascii_mode(ps) ? RE_CLASS_ASCII : 0, 0, escape, NULL);
}

static bool is_open_group(parser_t *ps, uint32_t group) {
    for (size_t i = 0; i < ps->depth; i++) {
        if (ps->frames[i].kind == FRAME_CAPTURE && ps->frames[i].group == group) {
            return true;
        }
    }
    return false;
}

static void backref(parser_t *ps, uint32_t group, const char *at) {
    if (is_open_group(ps, group)) {
        re_error(pos_of(ps, at), "cannot refer to an open group");
    }
    // the width of the group is not tracked: any width
    begin_atom(ps, ATOM_OTHER, 0, INF);
    uint8_t *p = emit(ps, RE_SIZE_BACKREF);
    p[0] = RE_OP_BACKREF;
    put16(p + 1, group);
    p[3] = (uint8_t)(((ps->flags & RE_IGNORECASE) ? RE_CLASS_ICASE : 0) | (ascii_mode(ps) ? RE_CLASS_ASCII : 0));
}

// ---- escapes ----------------------------------------------------------------------------

// Reads exactly n hex digits after \x, \u or \U (at is the backslash).
static uint32_t hex_escape(parser_t *ps, const char *at, int n) {
    uint32_t v = 0;
    for (int i = 0; i < n; i++) {
        int d = hex_value(peek(ps));
        if (d < 0) {
            re_error(pos_of(ps, at), "incomplete escape %S", text_of(ps, at, ps->p));
        }
        ps->p++;
        v = v * 16 + (uint32_t)d;
    }
    if (v > 0x10FFFF) {
        bad_escape(ps, at);
    }
    return v;
}

// Reads up to max more octal digits after the first (value so far v).
static uint32_t octal_escape(parser_t *ps, const char *at, uint32_t v, int max) {
    for (int i = 0; i < max && peek(ps) >= '0' && peek(ps) <= '7'; i++) {
        v = v * 8 + (uint32_t)(*ps->p++ - '0');
    }
    if (v > 0377) {
        re_error(pos_of(ps, at), "octal escape value %S outside of range 0-0o377", text_of(ps, at, ps->p));
    }
    return v;
}

// The character an escape stands for, c being the character after the
// backslash (already read): the escapes common to sets and the rest of the
// pattern, and any non-alphanumeric character as itself.
static uint32_t escaped_char(parser_t *ps, uint32_t c, const char *at) {
    switch (c) {
        case 'a': return 7;
        case 'f': return 12;
        case 'n': return 10;
        case 'r': return 13;
        case 't': return 9;
        case 'v': return 11;
        case 'x': return hex_escape(ps, at, 2);
        case 'u':
        case 'U':
            if (ps->is_bytes) {
                bad_escape(ps, at);
            }
            return hex_escape(ps, at, c == 'u' ? 4 : 8);
        case 'N':
            if (!ps->is_bytes) {
                re_error(pos_of(ps, at), "named Unicode escapes are not supported");
            }
            bad_escape(ps, at);
        default:
            if (c < 0x80 && (is_ascii_letter(c) || is_digit((int)c))) {
                bad_escape(ps, at);
            }
            return c;
    }
}

static uint8_t category_bit(uint32_t c) {
    switch (c) {
        case 'd': return RE_ESC_DIGIT;
        case 'D': return RE_ESC_NDIGIT;
        case 'w': return RE_ESC_WORD;
        case 'W': return RE_ESC_NWORD;
        case 's': return RE_ESC_SPACE;
        case 'S': return RE_ESC_NSPACE;
        default: return 0;
    }
}

// \1 .. \99 (a group) or an octal escape of three digits.
static void number_escape(parser_t *ps, uint32_t c, const char *at) {
    uint32_t group = c - '0';
    if (is_digit(peek(ps))) {
        uint32_t c2 = (uint32_t)*ps->p++;
        if (c <= '7' && c2 <= '7' && peek(ps) >= '0' && peek(ps) <= '7') {
            uint32_t v = octal_escape(ps, at, (c - '0') * 8 + (c2 - '0'), 1);
            literal(ps, v);
            return;
        }
        group = group * 10 + (c2 - '0');
    }
    if (group > ps->n_groups) {
        re_error(pos_of(ps, at) + 1, "invalid group reference %u", (unsigned)group);
    }
    backref(ps, group, at);
}

static void escape(parser_t *ps, const char *at) {
    if (ps->p >= ps->end) {
        re_error(pos_of(ps, at), "bad escape (end of pattern)");
    }
    uint32_t c = next_char(ps);
    switch (c) {
        case 'A': assertion(ps, RE_OP_BOS); return;
        case 'Z': assertion(ps, RE_OP_EOS); return;
        case 'b': assertion(ps, RE_OP_WORDB); return;
        case 'B': assertion(ps, RE_OP_NWORDB); return;
        case '0': literal(ps, octal_escape(ps, at, 0, 2)); return;
        default:
            if (c >= '1' && c <= '9') {
                number_escape(ps, c, at);
            } else if (category_bit(c)) {
                category(ps, category_bit(c));
            } else {
                literal(ps, escaped_char(ps, c, at));
            }
    }
}

// ---- character sets -------------------------------------------------------------------

// One member of a set: a character (returns true, *c set) or a category
// such as \d (returns false, its bit added to *bits).
static bool set_member(parser_t *ps, uint32_t *c, uint8_t *bits) {
    const char *at = ps->p;
    uint32_t ch = next_char(ps);
    if (ch != '\\') {
        *c = ch;
        return true;
    }
    if (ps->p >= ps->end) {
        return false;    // the caller reports the unterminated set
    }
    ch = next_char(ps);
    if (category_bit(ch)) {
        *bits |= category_bit(ch);
        return false;
    }
    if (ch == 'b') {
        *c = 8;
    } else if (ch >= '0' && ch <= '7') {
        *c = octal_escape(ps, at, ch - '0', 2);
    } else {
        *c = escaped_char(ps, ch, at);
    }
    return true;
}

static void char_set(parser_t *ps, const char *at) {
    bool negate = peek(ps) == '^';
    if (negate) {
        ps->p++;
    }
    // Ranges go in a buffer first: their count is known at the ']'.
    vstr_t ranges;
    vstr_init(&ranges, 6 * RE_CHAR_SIZE);
    uint8_t bits = 0;
    uint32_t n = 0, single = 0;
    for (bool first = true;; first = false) {
        if (ps->p >= ps->end) {
            re_error(pos_of(ps, at), "unterminated character set");
        }
        const char *item = ps->p;
        if (*item == ']' && !first) {
            ps->p++;
            break;
        }
        uint32_t lo = 0, hi;
        uint8_t cat = 0;
        bool is_char = set_member(ps, &lo, &cat);
        if (!is_char && cat == 0) {
            re_error(pos_of(ps, at), "unterminated character set");
        }
        hi = lo;
        if (peek(ps) == '-') {
            const char *dash = ps->p++;
            if (ps->p >= ps->end) {
                re_error(pos_of(ps, at), "unterminated character set");
            }
            if (*ps->p == ']') {
                ps->p = dash;     // '-' before ']' is itself
            } else {
                uint8_t cat2 = 0;
                const char *item2 = ps->p;
                bool is_char2 = set_member(ps, &hi, &cat2);
                if (!is_char || !is_char2 || hi < lo) {
                    re_error(pos_of(ps, item), "bad character range %S-%S", text_of(ps, item, dash),
                             text_of(ps, item2, ps->p));
                }
            }
        }
        bits |= cat;
        if (is_char) {
            uint8_t *r = (uint8_t *)vstr_extend(&ranges, 2 * RE_CHAR_SIZE);
            put_char(r, lo);
            put_char(r + RE_CHAR_SIZE, hi);
            single = lo;
            n++;
        }
    }
    if (!negate && bits == 0 && n == 1 && ranges.buf[0] == ranges.buf[3] && ranges.buf[1] == ranges.buf[4]
        && ranges.buf[2] == ranges.buf[5]) {
        literal(ps, single);    // [.] is a plain '.'
        return;
    }
    if (n > 0xFFFF) {
        raise_msg(&type_OverflowError, "regular expression code size limit exceeded");
    }
    begin_atom(ps, ATOM_ITEM, 1, 1);
    uint8_t flags = (uint8_t)((negate ? RE_CLASS_NEGATE : 0) | ((ps->flags & RE_IGNORECASE) ? RE_CLASS_ICASE : 0)
                              | (ascii_mode(ps) ? RE_CLASS_ASCII : 0));
    emit_class(ps, flags, n, bits, ranges.buf);
}

// ---- repeats ----------------------------------------------------------------------------

// Reads the digits of a repeat count; false when there are none.
static bool repeat_count(parser_t *ps, uint32_t *out) {
    if (!is_digit(peek(ps))) {
        return false;
    }
    uint64_t v = 0;
    while (is_digit(peek(ps))) {
        v = v * 10 + (uint64_t)(*ps->p++ - '0');
        if (v > MAX_REPEAT) {
            raise_msg(&type_OverflowError, "the repetition number is too large");
        }
    }
    *out = (uint32_t)v;
    return true;
}

// {m,n} after the '{': false (nothing read) when the text is not a repeat,
// in which case the '{' is a literal.
static bool braces(parser_t *ps, uint32_t *min, uint32_t *max) {
    const char *save = ps->p;
    if (peek(ps) == '}') {
        return false;
    }
    *min = 0;
    *max = INF;
    bool has_min = repeat_count(ps, min);
    if (peek(ps) == ',') {
        ps->p++;
        repeat_count(ps, max);
    } else if (has_min) {
        *max = *min;
    } else {
        ps->p = save;
        return false;
    }
    if (peek(ps) != '}') {
        ps->p = save;
        return false;
    }
    ps->p++;
    if (*max < *min) {
        re_error(pos_of(ps, save), "min repeat greater than max repeat");
    }
    return true;
}

// A literal that joined a STR run becomes a STR of its own, to be repeated.
static void split_literal(parser_t *ps) {
    uint32_t run = ps->run_start;
    code_at(ps, run)[1] -= ps->atom_char_len;
    uint8_t *p = insert(ps, ps->atom_start, RE_SIZE_STR);
    p[0] = RE_OP_STR;
    p[1] = ps->atom_char_len;
    ps->atom = ATOM_ITEM;
}

// The atom made atomic: (?>X).
static void wrap_atomic(parser_t *ps, uint32_t start) {
    uint8_t *p = insert(ps, start, RE_SIZE_LOOK);
    p[0] = RE_OP_LOOK;
    p[1] = RE_LOOK_ATOMIC;
    put16(p + 2, 0);
    emit(ps, 1)[0] = RE_OP_LOOK_END;
    put_jump(ps, start, 4, (uint32_t)ps->code.len);
}

// Repeats an atom that is not a single-character item.
static void repeat_group(parser_t *ps, uint32_t start, uint32_t min, uint32_t max, bool lazy) {
    if (min == 0 && max == 1) {
        insert(ps, start, RE_SIZE_JUMP)[0] = lazy ? RE_OP_SPLIT_LAZY : RE_OP_SPLIT;
        put_jump(ps, start, 1, (uint32_t)ps->code.len);
    } else if (ps->atom_min > 0 && max == INF && min <= 1) {
        // X cannot match empty: no count, no check for empty iterations
        if (min == 0) {
            // L: SPLIT exit; X; JMP L; exit:
            insert(ps, start, RE_SIZE_JUMP)[0] = lazy ? RE_OP_SPLIT_LAZY : RE_OP_SPLIT;
            emit_jump(ps, RE_OP_JMP, start);
            put_jump(ps, start, 1, (uint32_t)ps->code.len);
        } else {
            // L: X; SPLIT_LAZY L (greedy: back to L first)
            emit_jump(ps, lazy ? RE_OP_SPLIT : RE_OP_SPLIT_LAZY, start);
        }
    } else {
        if (ps->n_loops > 0xFFFF) {
            raise_msg(&type_OverflowError, "regular expression code size limit exceeded");
        }
        uint32_t loop = ps->n_loops++;
        uint8_t *p = insert(ps, start, RE_SIZE_REP_INIT + RE_SIZE_REP_LOOP + RE_SIZE_REP_MARK);
        p[0] = RE_OP_REP_INIT;
        put16(p + 1, loop);
        p += RE_SIZE_REP_INIT;
        p[0] = RE_OP_REP_LOOP;
        put16(p + 1, loop);
        put32(p + 3, min);
        put32(p + 7, max);
        p[11] = lazy ? RE_REPEAT_LAZY : RE_REPEAT_GREEDY;
        p += RE_SIZE_REP_LOOP;
        p[0] = RE_OP_REP_MARK;
        put16(p + 1, loop);
        uint32_t at_loop = start + RE_SIZE_REP_INIT;
        uint32_t at_end = (uint32_t)ps->code.len;
        p = emit(ps, RE_SIZE_REP_END);
        p[0] = RE_OP_REP_END;
        put16(p + 1, loop);
        put_jump(ps, at_end, 3, at_loop);
        put_jump(ps, at_loop, 12, (uint32_t)ps->code.len);
    }
}

static void repeat(parser_t *ps, const char *at, uint32_t min, uint32_t max) {
    uint8_t mode = RE_REPEAT_GREEDY;
    if (peek(ps) == '?') {
        ps->p++;
        mode = RE_REPEAT_LAZY;
    } else if (peek(ps) == '+') {
        ps->p++;
        mode = RE_REPEAT_POSSESSIVE;
    }
    if (ps->atom == ATOM_NONE || ps->atom == ATOM_ASSERT) {
        re_error(pos_of(ps, at), "nothing to repeat");
    }
    if (ps->atom == ATOM_REPEATED) {
        re_error(pos_of(ps, at), "multiple repeat");
    }
    if (ps->atom == ATOM_LITERAL) {
        split_literal(ps);
    }
    uint32_t start = ps->atom_start;
    if (max == 0) {
        ps->code.len = start;    // the atom can never take part
    } else if (ps->atom == ATOM_ITEM) {
        if (min != 1 || max != 1) {
            uint8_t *p = insert(ps, start, RE_SIZE_SIMPLE);
            p[0] = RE_OP_SIMPLE;
            put32(p + 1, min);
            put32(p + 5, max);
            p[9] = mode;
        }
    } else {
        if (min != 1 || max != 1) {
            repeat_group(ps, start, min, max, mode == RE_REPEAT_LAZY);
        }
        if (mode == RE_REPEAT_POSSESSIVE) {
            wrap_atomic(ps, start);
        }
    }
    ps->atom_min = width_mul(ps->atom_min, min);
    ps->atom_max = width_mul(ps->atom_max, max);
    ps->atom = ATOM_REPEATED;
    ps->run_start = NONE;
}

// ---- groups --------------------------------------------------------------------------------

static void push_frame(parser_t *ps, uint8_t kind, const char *open) {
    commit_atom(ps);
    if (ps->depth > 0) {
        top(ps)->alt_empty = 0;
    }
    if (ps->depth == ps->frames_alloc) {
        ps->frames_alloc *= 2;
        ps->frames = gc_realloc(ps->frames, ps->frames_alloc * sizeof(frame_t));
    }
    frame_t *f = &ps->frames[ps->depth++];
    memset(f, 0, sizeof(*f));
    f->start = f->alt_start = (uint32_t)ps->code.len;
    f->pending = NONE;
    f->gmin = INF;
    f->open = open;
    f->flags = (uint16_t)ps->flags;
    f->kind = kind;
    f->alt_empty = 1;
    ps->run_start = NONE;
}

// The code of the frame's header is emitted: its alternatives start here.
static void frame_body(parser_t *ps) {
    top(ps)->alt_start = (uint32_t)ps->code.len;
}

static void end_alternative(parser_t *ps) {
    commit_atom(ps);
    frame_t *f = top(ps);
    if (f->min < f->gmin) {
        f->gmin = f->min;
    }
    if (f->max > f->gmax) {
        f->gmax = f->max;
    }
    f->min = f->max = 0;
}

static void alternative(parser_t *ps) {
    end_alternative(ps);
    frame_t *f = top(ps);
    uint32_t split = f->alt_start;
    insert(ps, split, RE_SIZE_JUMP)[0] = RE_OP_SPLIT;
    uint32_t jmp = (uint32_t)ps->code.len;
    uint8_t *p = emit(ps, RE_SIZE_JUMP);
    p[0] = RE_OP_JMP;
    put16(p + 1, f->pending == NONE ? 0xFFFF : f->pending);
    f->pending = jmp;
    put_jump(ps, split, 1, (uint32_t)ps->code.len);
    f->alt_start = (uint32_t)ps->code.len;
    f->has_alt = 1;
    f->alt_empty = 1;
}

// Ends the alternatives of the top frame: their JMPs reach here.
static void patch_pending(parser_t *ps) {
    end_alternative(ps);
    frame_t *f = top(ps);
    uint32_t here = (uint32_t)ps->code.len;
    for (uint32_t at = f->pending; at != NONE;) {
        const uint8_t *p = code_at(ps, at);
        uint32_t prev = p[1] | (uint32_t)p[2] << 8;
        put_jump(ps, at, 1, here);
        at = prev == 0xFFFF ? NONE : prev;
    }
}

static void close_group(parser_t *ps, const char *at) {
    if (ps->depth == 1) {
        re_error(pos_of(ps, at), "unbalanced parenthesis");
    }
    patch_pending(ps);
    frame_t f = *top(ps);
    uint32_t min = f.gmin, max = f.gmax;
    if (f.kind == FRAME_CAPTURE) {
        emit_save(ps, 2 * (uint32_t)f.group + 1);
    } else if (f.kind == FRAME_LOOK) {
        if (f.look == RE_LOOK_BEHIND || f.look == RE_LOOK_NOT_BEHIND) {
            if (min != max || max > 0xFFFF) {
                re_error(-1, "look-behind requires fixed-width pattern");
            }
            put16(code_at(ps, f.start) + 2, max);
        }
        emit(ps, 1)[0] = RE_OP_LOOK_END;
        put_jump(ps, f.start, 4, (uint32_t)ps->code.len);
        if (f.look != RE_LOOK_ATOMIC) {
            min = max = 0;
        }
    }
    ps->flags = f.flags;
    ps->depth--;
    begin_atom(ps, ATOM_OTHER, min, max);
    ps->atom_start = f.start;
}

static void open_look(parser_t *ps, const char *at, uint8_t kind) {
    push_frame(ps, FRAME_LOOK, at);
    top(ps)->look = kind;
    uint8_t *p = emit(ps, RE_SIZE_LOOK);
    p[0] = RE_OP_LOOK;
    p[1] = kind;
    put16(p + 2, 0);
    frame_body(ps);
}

static bool is_name_char(uint32_t c, bool first) {
    return c == '_' || unicode_isalpha(c) || (!first && unicode_isdigit(c));
}

// A group name up to the terminator; returns it as a str.
static value_t group_name(parser_t *ps, char terminator) {
    const char *start = ps->p;
    bool ok = true;
    for (bool first = true;; first = false) {
        if (ps->p >= ps->end) {
            if (first) {
                re_error(pos_of(ps, start), "missing group name");
            }
            re_error(pos_of(ps, start), "missing %c, unterminated name", terminator);
        }
        if (*ps->p == terminator) {
            if (first) {
                re_error(pos_of(ps, start), "missing group name");
            }
            break;
        }
        uint32_t c = next_char(ps);
        ok = ok && is_name_char(c, first) && (!ps->is_bytes || c < 0x80);
    }
    value_t name = text_of(ps, start, ps->p);
    ps->p++;
    if (!ok) {
        re_error(pos_of(ps, start), "bad character in group name %R", name);
    }
    return name;
}

static void open_capture(parser_t *ps, const char *at, const char *name_at, value_t name) {
    if (ps->n_groups >= 0x7FFE) {
        raise_msg(&type_OverflowError, "regular expression code size limit exceeded");
    }
    uint32_t group = ++ps->n_groups;
    if (name != VAL_NULL) {
        if (*ps->groupindex == VAL_NULL) {
            *ps->groupindex = dict_new(1);
        }
        value_t was = dict_get(*ps->groupindex, name);
        if (was != VAL_NULL) {
            re_error(pos_of(ps, name_at), "redefinition of group name %R as group %u; was group %d", name,
                     (unsigned)group, (int)SMALL_VALUE(was));
        }
        dict_store(*ps->groupindex, name, SMALL(group));
    }
    push_frame(ps, FRAME_CAPTURE, at);
    top(ps)->group = (uint16_t)group;
    emit_save(ps, 2 * group);
    frame_body(ps);
}

static unsigned flag_of(uint32_t c) {
    switch (c) {
        case 'a': return RE_ASCII;
        case 'i': return RE_IGNORECASE;
        case 'L': return RE_LOCALE;
        case 'm': return RE_MULTILINE;
        case 's': return RE_DOTALL;
        case 'u': return RE_UNICODE;
        case 'x': return RE_VERBOSE;
        default: return 0;
    }
}

#define TYPE_FLAGS (RE_ASCII | RE_LOCALE | RE_UNICODE)

// (?aiLmsux) and (?aiLmsux-imsx:...) after the '(?'; at is the '('.
static void inline_flags(parser_t *ps, const char *at) {
    unsigned on = 0, off = 0;
    int c = peek(ps);
    while (flag_of((uint32_t)c)) {
        ps->p++;
        if (c == 'L' && !ps->is_bytes) {
            re_error(pos_of(ps, ps->p), "bad inline flags: cannot use 'L' flag with a str pattern");
        }
        if (c == 'u' && ps->is_bytes) {
            re_error(pos_of(ps, ps->p), "bad inline flags: cannot use 'u' flag with a bytes pattern");
        }
        on |= flag_of((uint32_t)c);
        if ((on & TYPE_FLAGS) && (on & TYPE_FLAGS) != flag_of((uint32_t)c)) {
            re_error(pos_of(ps, ps->p), "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        }
        c = peek(ps);
    }
    if (c == ')') {
        ps->p++;
        frame_t *f = top(ps);
        if (ps->depth != 1 || f->has_alt || !f->alt_empty) {
            re_error(pos_of(ps, at), "global flags not at the start of the expression");
        }
        ps->flags |= on;
        ps->global_flags |= on;
        return;
    }
    if (c == '-') {
        ps->p++;
        c = peek(ps);
        if (!flag_of((uint32_t)c)) {
            re_error(pos_of(ps, ps->p), c >= 0 && c < 0x80 && is_ascii_letter((uint32_t)c) ? "unknown flag" : "missing flag");
        }
        while (flag_of((uint32_t)c)) {
            ps->p++;
            if (flag_of((uint32_t)c) & TYPE_FLAGS) {
                re_error(pos_of(ps, ps->p), "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
            }
            off |= flag_of((uint32_t)c);
            c = peek(ps);
        }
        if (c != ':') {
            re_error(pos_of(ps, ps->p), c >= 0 && c < 0x80 && is_ascii_letter((uint32_t)c) ? "unknown flag" : "missing :");
        }
    } else if (c != ':') {
        re_error(pos_of(ps, ps->p), c >= 0 && c < 0x80 && is_ascii_letter((uint32_t)c) ? "unknown flag" : "missing -, : or )");
    }
    if (on & off) {
        re_error(pos_of(ps, ps->p), "bad inline flags: flag turned on and off");
    }
    ps->p++;
    push_frame(ps, FRAME_PLAIN, at);
    frame_body(ps);
    if (on & TYPE_FLAGS) {
        ps->flags &= ~(unsigned)TYPE_FLAGS;
    }
    ps->flags = (ps->flags | on) & ~off;
}

// After '(' (at): a group, or one of the (?...) extensions.
static void open_paren(parser_t *ps, const char *at) {
    if (peek(ps) != '?') {
        open_capture(ps, at, NULL, VAL_NULL);
        return;
    }
    ps->p++;
    if (ps->p >= ps->end) {
        re_error(pos_of(ps, ps->p), "unexpected end of pattern");
    }
    const char *ext = ps->p;
    uint32_t c = next_char(ps);
    switch (c) {
        case ':':
            push_frame(ps, FRAME_PLAIN, at);
            frame_body(ps);
            return;
        case '=': open_look(ps, at, RE_LOOK_AHEAD); return;
        case '!': open_look(ps, at, RE_LOOK_NOT_AHEAD); return;
        case '>': open_look(ps, at, RE_LOOK_ATOMIC); return;
        case '<':
            if (peek(ps) == '=' || peek(ps) == '!') {
                open_look(ps, at, *ps->p++ == '=' ? RE_LOOK_BEHIND : RE_LOOK_NOT_BEHIND);
                return;
            }
            if (ps->p < ps->end) {
                next_char(ps);
            }
            break;
        case '#':
            while (ps->p < ps->end && *ps->p != ')') {
                ps->p++;
            }
            if (ps->p >= ps->end) {
                re_error(pos_of(ps, at), "missing ), unterminated comment");
            }
            ps->p++;
            return;
        case 'P': {
            if (ps->p >= ps->end) {
                re_error(pos_of(ps, ps->p), "unexpected end of pattern");
            }
            const char *name_at = ps->p + 1;
            if (*ps->p == '<') {
                ps->p++;
                open_capture(ps, at, name_at, group_name(ps, '>'));
                return;
            }
            if (*ps->p == '=') {
                ps->p++;
                value_t name = group_name(ps, ')');
                value_t group = *ps->groupindex != VAL_NULL ? dict_get(*ps->groupindex, name) : VAL_NULL;
                if (group == VAL_NULL) {
                    re_error(pos_of(ps, name_at), "unknown group name %R", name);
                }
                backref(ps, (uint32_t)SMALL_VALUE(group), name_at);
                return;
            }
            next_char(ps);
            break;
        }
        default:
            if (flag_of(c) || c == '-') {
                ps->p = ext;
                inline_flags(ps, at);
                return;
            }
    }
    re_error(pos_of(ps, at) + 1, "unknown extension %S", text_of(ps, ext - 1, ps->p));
}

// ---- the pattern ------------------------------------------------------------------------------

static bool is_verbose_space(uint32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static void parse(parser_t *ps) {
    while (ps->p < ps->end) {
        const char *at = ps->p;
        uint32_t c = next_char(ps), min, max;
        if (ps->flags & RE_VERBOSE) {
            if (is_verbose_space(c)) {
                continue;
            }
            if (c == '#') {
                while (ps->p < ps->end && *ps->p++ != '\n') {
                }
                continue;
            }
        }
        switch (c) {
            case '*': repeat(ps, at, 0, INF); break;
            case '+': repeat(ps, at, 1, INF); break;
            case '?': repeat(ps, at, 0, 1); break;
            case '{':
                if (braces(ps, &min, &max)) {
                    repeat(ps, at, min, max);
                } else {
                    literal(ps, c);
                }
                break;
            case '|': alternative(ps); break;
            case '(': open_paren(ps, at); break;
            case ')': close_group(ps, at); break;
            case '[': char_set(ps, at); break;
            case '.':
                begin_atom(ps, ATOM_ITEM, 1, 1);
                emit(ps, 1)[0] = (ps->flags & RE_DOTALL) ? RE_OP_ANY_NL : RE_OP_ANY;
                break;
            case '^': assertion(ps, (ps->flags & RE_MULTILINE) ? RE_OP_MBOL : RE_OP_BOL); break;
            case '$': assertion(ps, (ps->flags & RE_MULTILINE) ? RE_OP_MEOL : RE_OP_EOL); break;
            case '\\': escape(ps, at); break;
            default: literal(ps, c); break;
        }
    }
    if (ps->depth > 1) {
        re_error(pos_of(ps, top(ps)->open), "missing ), unterminated subpattern");
    }
}

// Whether the program can only match where it starts: it begins (after
// SAVEs) with \A, or ^ without MULTILINE.
static bool is_anchored(const uint8_t *code) {
    while (*code == RE_OP_SAVE) {
        code += RE_SIZE_SAVE;
    }
    return *code == RE_OP_BOS || *code == RE_OP_BOL;
}

re_prog_t *re_compile(const char *pattern, size_t len, bool is_bytes, unsigned *flags, value_t *groupindex) {
    parser_t ps;
    memset(&ps, 0, sizeof(ps));
    ps.pat = ps.p = pattern;
    ps.end = pattern + len;
    ps.is_bytes = is_bytes;
    ps.flags = ps.global_flags = *flags;
    ps.groupindex = groupindex;
    ps.run_start = NONE;
    vstr_init(&ps.code, 16 + len * 2);
    ps.frames_alloc = 4;
    ps.frames = gc_alloc(ps.frames_alloc * sizeof(frame_t), 0);
    push_frame(&ps, FRAME_TOP, pattern);
    emit_save(&ps, 0);
    frame_body(&ps);
    parse(&ps);
    patch_pending(&ps);
    emit_save(&ps, 1);
    emit(&ps, 1)[0] = RE_OP_MATCH;

    re_prog_t *prog = gc_alloc(sizeof(re_prog_t) + ps.code.len, GC_LEAF);
    prog->n_groups = (uint16_t)ps.n_groups;
    prog->n_loops = (uint16_t)ps.n_loops;
    prog->len = (uint16_t)ps.code.len;
    prog->is_bytes = is_bytes;
    memcpy(prog->code, ps.code.buf, ps.code.len);
    prog->anchored = is_anchored(prog->code);
    *flags = ps.global_flags;
    return prog;
}
