// SPDX-License-Identifier: MIT
// The lexer: Python source to tokens, one token per lex_next() call.
//
// Input comes a byte at a time from a reader function (or from memory) and
// goes through two small layers before the scanners see it. read_char()
// turns '\r\n' and a lone '\r' into '\n'; peek()/advance() keep up to four
// characters of lookahead (enough for "...", "**=", and CPython's "1else"
// check), and advance() tracks the line and column of the next character.
// Nothing else reads input, so the scanners never back up.
//
// lex_next() works like CPython's tokenizer. At the start of a physical line
// outside brackets it measures the indentation (tabs to multiples of 8, and
// again with tabs as 1 to catch inconsistent mixes) and compares it with the
// indent stack, giving INDENT, one DEDENT per closed level (the extra ones
// are counted in pending_dedents and handed out on the next calls), or an
// error. Blank and comment-only lines are skipped without NEWLINE. Then it
// skips spaces and comments and dispatches on the first character to the
// scanner for names (which also notices string prefixes like rb"), numbers,
// strings or operators. Operators are found in the token X-macro itself:
// for LPAREN..AT_ASSIGN the display text is the spelling, and the longest
// match wins. At the end of input it gives NEWLINE (if the line had tokens),
// a DEDENT per open level, then END for ever.
//
// Payloads are collected in one growing GC buffer (lex->text). String
// literals are collected raw up to the closing quote and then decoded in
// place: an escape never decodes to more bytes than it is spelt with. str
// payloads are checked to be well-formed UTF-8 (the rest of espy relies on
// it), bytes payloads to be ASCII in the source.
//
// An error makes the lexer stick: every later call returns the same
// TOK_ERROR, so a caller cannot run past it by accident.
#include "lexer.h"
#include "unicode.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "gc.h"

#define END_OF_INPUT (-1)

static const char *const kind_texts[TOK_COUNT] = {
#define X(n, s) s,
    LEX_TOKENS(X)
#undef X
};

const char *lex_kind_text(tok_kind_t kind) {
    return (unsigned)kind < TOK_COUNT ? kind_texts[kind] : "?";
}

// ---------------------------------------------------------------------------
// Character classes (ASCII only: the C library's depend on the locale)

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static bool is_hex_digit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int hex_value(int c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static bool is_name_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_name_char(int c) {
    return is_name_start(c) || is_digit(c);
}

static bool is_continuation_byte(int c) {
    return (c & 0xC0) == 0x80;
}

// ---------------------------------------------------------------------------
// Input: bytes, newline translation, lookahead and position

static int read_byte(lexer_t *lex) {
    if (lex->at_eof) {
        return END_OF_INPUT;
    }
    int c;
    if (lex->reader != NULL) {
        c = lex->reader(lex->reader_ctx);
    } else {
        c = lex->mem_pos < lex->mem_len ? (uint8_t)lex->mem[lex->mem_pos++] : END_OF_INPUT;
    }
    if (c < 0) {
        lex->at_eof = true;
        return END_OF_INPUT;
    }
    return c & 0xFF;
}

static int read_char(lexer_t *lex) {
    int c;
    if (lex->pushback >= 0) {
        c = lex->pushback;
        lex->pushback = -1;
    } else {
        c = read_byte(lex);
    }
    if (c == '\r') {
        int next = read_byte(lex);
        if (next != '\n') {
            lex->pushback = (int16_t)next;  // -1 at end of input: nothing pushed back
        }
        c = '\n';
    }
    return c;
}

// The character n places ahead (0: the next one, at most 3), without
// consuming it.
static int peek(lexer_t *lex, unsigned n) {
    if (n >= sizeof(lex->lookahead) / sizeof(lex->lookahead[0])) {
        return END_OF_INPUT;  // never asked for: the scanners look 4 ahead at most
    }
    while (lex->lookahead_count <= n) {
        lex->lookahead[lex->lookahead_count++] = (int16_t)read_char(lex);
    }
    return lex->lookahead[n];
}

// Consumes and returns the next character. Columns count code points, so
// UTF-8 continuation bytes do not move them.
static int advance(lexer_t *lex) {
    int c = peek(lex, 0);
    lex->lookahead_count--;
    memmove(&lex->lookahead[0], &lex->lookahead[1], lex->lookahead_count * sizeof(lex->lookahead[0]));
    if (c == '\n') {
        lex->pos_line++;
        lex->pos_col = 1;
    } else if (c != END_OF_INPUT && !is_continuation_byte(c) && lex->pos_col < UINT16_MAX) {
        lex->pos_col++;
    }
    return c;
}

// ---------------------------------------------------------------------------
// The payload buffer

static void reserve(lexer_t *lex, size_t extra) {
    if (lex->len + extra < lex->cap) {
        return;
    }
    size_t cap = lex->cap;
    while (lex->len + extra >= cap) {
        cap = cap <= SIZE_MAX / 2 ? cap * 2 : SIZE_MAX;  // SIZE_MAX fails in gc_realloc
    }
    lex->text = gc_realloc(lex->text, cap);
    lex->cap = cap;
}

static void append(lexer_t *lex, int c) {
    reserve(lex, 1);
    lex->text[lex->len++] = (char)c;
}

// Consumes the next character into the payload.
static void take(lexer_t *lex) {
    append(lex, advance(lex));
}

static void finish_text(lexer_t *lex) {
    lex->text[lex->len] = '\0';
}

// ---------------------------------------------------------------------------
// Results

// Whether a logical line starting with this token opens a block (for the
// REPL, which then waits for a blank line, as CPython's does).
static bool starts_compound_statement(tok_kind_t kind) {
    switch (kind) {
    case TOK_KW_ASYNC: case TOK_KW_CLASS: case TOK_KW_DEF: case TOK_KW_ELIF: case TOK_KW_ELSE:
    case TOK_KW_EXCEPT: case TOK_KW_FINALLY: case TOK_KW_FOR: case TOK_KW_IF: case TOK_KW_TRY:
    case TOK_KW_WHILE: case TOK_KW_WITH: case TOK_AT:
        return true;
    default:
        return false;
    }
}

// Every token other than ERROR goes out through here.
static tok_kind_t token(lexer_t *lex, tok_kind_t kind) {
    finish_text(lex);
    lex->kind = kind;
    if (kind >= TOK_NAME) {
        if (!lex->line_has_tokens && starts_compound_statement(kind)) {
            lex->block_seen = true;
        }
        lex->line_has_tokens = true;
        lex->last_line_blank = false;
    } else if (kind == TOK_NEWLINE) {
        lex->block_seen |= lex->prev_kind == TOK_COLON;
        lex->line_has_tokens = false;
    }
    lex->prev_kind = (uint8_t)kind;
    return kind;
}

static tok_kind_t fail(lexer_t *lex, const char *message) {
    lex->len = 0;
    finish_text(lex);
    lex->kind = TOK_ERROR;
    lex->error = message;
    lex->failed = true;
    return TOK_ERROR;
}

static tok_kind_t fail_incomplete(lexer_t *lex, const char *message) {
    lex->incomplete = true;
    return fail(lex, message);
}

// A tiny formatter for messages that quote a character: up to five pieces
// are concatenated into lex->message (truncating if need be).
static tok_kind_t fail_format(lexer_t *lex, const char *a, const char *b, const char *c, const char *d,
                              const char *e) {
    const char *pieces[] = {a, b, c, d, e};
    size_t used = 0;
    for (size_t i = 0; i < 5; i++) {
        for (const char *s = pieces[i]; *s != '\0' && used + 1 < sizeof(lex->message); s++) {
            lex->message[used++] = *s;
        }
    }
    lex->message[used] = '\0';
    return fail(lex, lex->message);
}

static tok_kind_t fail_quoting(lexer_t *lex, const char *before, char c, const char *after) {
    char quoted[2] = {c, '\0'};
    return fail_format(lex, before, quoted, after, "", "");
}

// Writes cp as upper-case hex digits, at least four ("U+00A0", "U+1F600"),
// as CPython's "%04X".
static const char *hex_code_point(char out[8], uint32_t cp) {
    int n = cp > 0xFFFFF ? 6 : cp > 0xFFFF ? 5 : 4;
    for (int i = 0; i < n; i++) {
        out[i] = "0123456789ABCDEF"[(cp >> (4 * (n - 1 - i))) & 0xF];
    }
    out[n] = '\0';
    return out;
}

static tok_kind_t fail_non_printable(lexer_t *lex, uint32_t cp) {
    char hex[8];
    return fail_format(lex, "invalid non-printable character U+", hex_code_point(hex, cp), "", "", "");
}

static tok_kind_t fail_invalid_character(lexer_t *lex, int c) {
    if (c == 0) {
        return fail(lex, "source code cannot contain null bytes");
    }
    if (c < 0x20 || c == 0x7F) {
        return fail_non_printable(lex, (uint32_t)c);
    }
    char quoted[] = {'\'', (char)c, '\'', '\0'}, hex[8];
    return fail_format(lex, "invalid character ", quoted, " (U+", hex_code_point(hex, (uint32_t)c), ")");
}

// ---------------------------------------------------------------------------
// UTF-8 and escapes

// Length of the well-formed UTF-8 sequence at s (at most n bytes), or 0.
static size_t utf8_sequence(const uint8_t *s, size_t n) {
    uint8_t c = s[0];
    size_t need;
    uint8_t low = 0x80, high = 0xBF;  // the range of the second byte
    if (c < 0x80) {
        return 1;
    } else if (c < 0xC2) {
        return 0;
    } else if (c < 0xE0) {
        need = 1;
    } else if (c < 0xF0) {
        need = 2;
        low = c == 0xE0 ? 0xA0 : 0x80;   // overlong
        high = c == 0xED ? 0x9F : 0xBF;  // surrogates
    } else if (c < 0xF5) {
        need = 3;
        low = c == 0xF0 ? 0x90 : 0x80;   // overlong
        high = c == 0xF4 ? 0x8F : 0xBF;  // above U+10FFFF
    } else {
        return 0;
    }
    if (n <= need || s[1] < low || s[1] > high) {
        return 0;
    }
    for (size_t i = 2; i <= need; i++) {
        if (!is_continuation_byte(s[i])) {
            return 0;
        }
    }
    return need + 1;
}

static size_t utf8_encode_into(char *out, uint32_t cp) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

// Reads exactly `digits` hex digits at src[*r]; false if there are fewer.
static bool read_hex(const char *src, size_t len, size_t *r, int digits, uint32_t *value) {
    *value = 0;
    for (int i = 0; i < digits; i++, (*r)++) {
        if (*r >= len || !is_hex_digit((uint8_t)src[*r])) {
            return false;
        }
        *value = *value << 4 | (uint32_t)hex_value((uint8_t)src[*r]);
    }
    return true;
}

// Decodes one escape; src[*r] is the character after the backslash. Writes
// at most as many bytes as it consumes (counting the backslash), so decoding
// in place is safe. Returns the number of bytes written, or -1 with *error.
static int decode_escape(const char *src, size_t len, size_t *r, bool is_bytes, char *out,
                         const char **error) {
    static const char simple_from[] = "\n\\'\"abfnrtv";
    static const char simple_to[] = "\0\\'\"\a\b\f\n\r\t\v";
    int c = (uint8_t)src[(*r)++];
    const char *simple = c != '\0' ? strchr(simple_from, c) : NULL;
    if (simple != NULL) {
        if (c == '\n') {
            return 0;  // backslash-newline: line continuation
        }
        out[0] = simple_to[simple - simple_from];
        return 1;
    }
    uint32_t value = 0;
    if (c >= '0' && c <= '7') {
        value = (uint32_t)(c - '0');
        for (int i = 0; i < 2 && *r < len && src[*r] >= '0' && src[*r] <= '7'; i++) {
            value = value * 8 + (uint32_t)(src[(*r)++] - '0');
        }
        if (is_bytes) {
            out[0] = (char)(value & 0xFF);  // CPython: b'\777' == b'\xff'
            return 1;
        }
    } else if (c == 'x') {
        if (!read_hex(src, len, r, 2, &value)) {
            *error = is_bytes ? "invalid \\x escape" : "(unicode error) truncated \\xXX escape";
            return -1;
        }
        if (is_bytes) {
            out[0] = (char)value;
            return 1;
        }
    } else if ((c == 'u' || c == 'U' || c == 'N') && !is_bytes) {
        if (c == 'N') {
            *error = "(unicode error) \\N escapes not supported";
            return -1;
        }
        if (!read_hex(src, len, r, c == 'u' ? 4 : 8, &value)) {
            *error = c == 'u' ? "(unicode error) truncated \\uXXXX escape"
                              : "(unicode error) truncated \\UXXXXXXXX escape";
            return -1;
        }
        if (value > 0x10FFFF) {
            *error = "(unicode error) illegal Unicode character";
            return -1;
        }
        if (value >= 0xD800 && value <= 0xDFFF) {
            *error = "(unicode error) surrogates not allowed";
            return -1;
        }
    } else {
        (*r)--;  // unknown escapes stay as they are: the character is copied next
        out[0] = '\\';
        return 1;
    }
    return (int)utf8_encode_into(out, value);
}

// Copies a literal body from src to dst (which may be src itself), decoding
// escapes unless raw, and checks the characters: ASCII for bytes, UTF-8 for
// str. dst must have room for len + 1 bytes.
static size_t decode_body(const char *src, size_t len, bool is_bytes, bool raw, char *dst,
                          const char **error) {
    size_t r = 0, w = 0;
    while (r < len) {
        uint8_t c = (uint8_t)src[r];
        if (c >= 0x80) {
            size_t n = utf8_sequence((const uint8_t *)src + r, len - r);
            if (is_bytes || n == 0) {
                *error = is_bytes ? "bytes can only contain ASCII literal characters"
                                  : "(unicode error) invalid UTF-8 in string literal";
                return (size_t)-1;
            }
            memmove(dst + w, src + r, n);
            r += n;
            w += n;
        } else if (c == '\\' && !raw && r + 1 < len) {
            r++;
            int n = decode_escape(src, len, &r, is_bytes, dst + w, error);
            if (n < 0) {
                return (size_t)-1;
            }
            w += (size_t)n;
        } else {
            dst[w++] = (char)c;
            r++;
        }
    }
    dst[w] = '\0';
    return w;
}

size_t lex_decode_escapes(const char *src, size_t len, bool is_bytes, char **out, size_t *out_cap,
                          const char **error) {
    if (*out == NULL || *out_cap < len + 1) {
        *out = *out == NULL ? gc_alloc(len + 1, GC_LEAF) : gc_realloc(*out, len + 1);
        *out_cap = len + 1;
    }
    return decode_body(src, len, is_bytes, false, *out, error);
}

// ---------------------------------------------------------------------------
// Names, keywords and string literals

enum { PREFIX_RAW = 1, PREFIX_BYTES = 2, PREFIX_FORMAT = 4 };

// Whether s (1 or 2 characters) is a string prefix: b, r, u, f, br, rb, fr,
// rf in any case. Returns the PREFIX_ flags, or -1.
static int string_prefix(const char *s, size_t n) {
    int flags = 0;
    for (size_t i = 0; i < n; i++) {
        int f;
        switch (s[i] | 0x20) {
        case 'r': f = PREFIX_RAW; break;
        case 'b': f = PREFIX_BYTES; break;
        case 'f': f = PREFIX_FORMAT; break;
        case 'u': f = n == 1 ? 0 : -1; break;
        default: f = -1; break;
        }
        if (f < 0 || (flags & f) != 0) {
            return -1;
        }
        flags |= f;
    }
    return (flags & PREFIX_BYTES) && (flags & PREFIX_FORMAT) ? -1 : flags;
}

static tok_kind_t keyword_or_name(const char *s) {
    size_t low = TOK_KW_FALSE, high = TOK_KW_YIELD + 1;  // keywords are sorted
    while (low < high) {
        size_t mid = (low + high) / 2;
        int cmp = strcmp(s, kind_texts[mid]);
        if (cmp == 0) {
            return (tok_kind_t)mid;
        }
        if (cmp < 0) {
            high = mid;
        } else {
            low = mid + 1;
        }
    }
    return TOK_NAME;
}

// Reads the body up to the closing quote(s) into the payload; the opening
// quotes are consumed. False after an error.
static bool scan_string_body(lexer_t *lex, int quote, bool triple) {
    bool continued = false;  // just after a backslash-newline, or a backslash at the end
    for (;;) {
        int c = peek(lex, 0);
        if (c == END_OF_INPUT) {
            if (triple) {
                fail_incomplete(lex, "unterminated triple-quoted string literal");
            } else {
                lex->incomplete = continued;  // the REPL reads a continuation line
                fail(lex, "unterminated string literal");
            }
            return false;
        }
        if (c == '\0' || (c == '\n' && !triple)) {
            fail(lex, c == '\0' ? "source code cannot contain null bytes" : "unterminated string literal");
            return false;
        }
        if (c == quote && (!triple || (peek(lex, 1) == quote && peek(lex, 2) == quote))) {
            advance(lex);
            if (triple) {
                advance(lex);
                advance(lex);
            }
            return true;
        }
        take(lex);
        continued = false;
        if (c == '\\') {
            // The escaped character never ends the string (even when raw).
            c = peek(lex, 0);
            continued = c == '\n' || c == END_OF_INPUT;
            if (c != END_OF_INPUT && c != '\0') {
                take(lex);
            }
        }
    }
}

// The next character is the opening quote; flags come from the prefix.
static tok_kind_t scan_string(lexer_t *lex, int flags) {
    bool is_bytes = (flags & PREFIX_BYTES) != 0, is_format = (flags & PREFIX_FORMAT) != 0;
    tok_kind_t kind = is_bytes ? TOK_BYTES : is_format ? TOK_FSTRING : TOK_STRING;
    int quote = advance(lex);
    bool triple = false;
    lex->len = 0;
    lex->raw = is_format && (flags & PREFIX_RAW);
    if (peek(lex, 0) == quote) {
        advance(lex);
        if (peek(lex, 0) != quote) {
            return token(lex, kind);  // the empty string
        }
        advance(lex);
        triple = true;
    }
    if (!scan_string_body(lex, quote, triple)) {
        return TOK_ERROR;
    }
    // Decode in place; f-strings are decoded by the compiler, part by part.
    bool keep_raw = (flags & PREFIX_RAW) || is_format;
    const char *error = NULL;
    size_t n = decode_body(lex->text, lex->len, is_bytes, keep_raw, lex->text, &error);
    if (n == (size_t)-1) {
        return fail(lex, error);
    }
    lex->len = n;
    return token(lex, kind);
}

// A name, keyword, or a string literal with a prefix.
static tok_kind_t scan_name(lexer_t *lex) {
    do {
        take(lex);
        int c = peek(lex, 0);
        if ((c == '"' || c == '\'') && lex->len <= 2) {
            int flags = string_prefix(lex->text, lex->len);
            if (flags >= 0) {
                lex->len = 0;
                return scan_string(lex, flags);
            }
        }
    } while (is_name_char(peek(lex, 0)));
    finish_text(lex);
    for (size_t i = 0; i < lex->len;) {
        const uint8_t *s = (const uint8_t *)lex->text + i;
        size_t n = utf8_sequence(s, lex->len - i);
        if (n == 0) {
            return fail(lex, "invalid UTF-8 in identifier");
        }
        if (s[0] >= 0x80) {
            // Names are made of Unicode's identifier characters (XID_Start,
            // then XID_Continue), as CPython checks them.
            const char *p = (const char *)s;
            uint32_t cp = utf8_decode(&p);
            if (i == 0 ? !unicode_isidstart(cp) : !unicode_isidcontinue(cp)) {
                if (!unicode_isprintable(cp)) {
                    return fail_non_printable(lex, cp);
                }
                char quoted[8] = {'\''}, hex[8];
                memcpy(quoted + 1, s, n);
                quoted[n + 1] = '\'';
                quoted[n + 2] = '\0';
                return fail_format(lex, "invalid character ", quoted, " (U+", hex_code_point(hex, cp), ")");
            }
        }
        i += n;
    }
    return token(lex, keyword_or_name(lex->text));
}

// ---------------------------------------------------------------------------
// Numbers

// CPython 3.11 accepts a number directly followed by a keyword that can
// follow one in valid code ("1if x else y", "0x1for"), so this accepts when
// the next characters start one of those; any other name character after a
// number makes it invalid.
static bool number_end_ok(lexer_t *lex) {
    static const char *const keywords[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    int c = peek(lex, 0);
    if (!is_name_char(c)) {
        return true;
    }
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++) {
        const char *k = keywords[i];
        unsigned j = 0;
        while (k[j] != '\0' && peek(lex, j) == k[j]) {
            j++;
        }
        if (k[j] == '\0') {
            return true;
        }
    }
    return false;
}

static tok_kind_t invalid_literal(lexer_t *lex, const char *kind) {
    return fail_format(lex, "invalid ", kind, " literal", "", "");
}

// Digits with single underscores between them; the first is a digit.
static bool scan_digits(lexer_t *lex) {
    for (;;) {
        while (is_digit(peek(lex, 0))) {
            take(lex);
        }
        if (peek(lex, 0) != '_') {
            return true;
        }
        advance(lex);
        if (!is_digit(peek(lex, 0))) {
            return false;
        }
    }
}

static bool is_digit_in_base(int c, int base) {
    return base == 16 ? is_hex_digit(c) : c >= '0' && c < '0' + base;
}

// 0x, 0o, 0b: the prefix is the next two characters.
static tok_kind_t scan_radix_number(lexer_t *lex, int base, const char *kind) {
    take(lex);
    append(lex, advance(lex) | 0x20);
    bool ok = true;  // false: no digits, or no digit after an underscore
    do {
        if (peek(lex, 0) == '_') {
            advance(lex);
        }
        if (!is_digit_in_base(peek(lex, 0), base)) {
            ok = false;
            break;
        }
        while (is_digit_in_base(peek(lex, 0), base)) {
            take(lex);
        }
    } while (peek(lex, 0) == '_');
    int c = peek(lex, 0);
    if (base < 10 && is_digit(c)) {
        const char *between = base == 8 ? "' in octal literal" : "' in binary literal";
        return fail_quoting(lex, "invalid digit '", (char)c, between);
    }
    if (!ok || !number_end_ok(lex)) {
        return invalid_literal(lex, kind);
    }
    return token(lex, TOK_INT);
}

// Decimal integers, floats and imaginary numbers (also ".5").
static tok_kind_t scan_decimal_number(lexer_t *lex) {
    tok_kind_t kind = TOK_INT;
    bool leading_zero = peek(lex, 0) == '0', nonzero = false;
    if (peek(lex, 0) != '.' && !scan_digits(lex)) {
        return invalid_literal(lex, "decimal");
    }
    for (size_t i = 0; i < lex->len; i++) {
        nonzero |= lex->text[i] != '0';
    }
    if (peek(lex, 0) == '.') {
        kind = TOK_FLOAT;
        take(lex);
        if (is_digit(peek(lex, 0)) && !scan_digits(lex)) {
            return invalid_literal(lex, "decimal");
        }
    }
    int e = peek(lex, 0);
    if (e == 'e' || e == 'E') {
        int sign = peek(lex, 1);
        if (is_digit(sign) || ((sign == '+' || sign == '-') && is_digit(peek(lex, 2)))) {
            kind = TOK_FLOAT;
            take(lex);
            if (!is_digit(sign)) {
                take(lex);
            }
            if (!scan_digits(lex)) {
                return invalid_literal(lex, "decimal");
            }
        } else if (sign == '+' || sign == '-' || !number_end_ok(lex)) {
            return invalid_literal(lex, "decimal");
        }
        // else "1else": the number ends before the keyword
    }
    int j = peek(lex, 0);
    if (j == 'j' || j == 'J') {
        advance(lex);
        return number_end_ok(lex) ? token(lex, TOK_IMAG) : invalid_literal(lex, "imaginary");
    }
    if (kind == TOK_INT && leading_zero && nonzero) {
        return fail(lex, "leading zeros in decimal integer literals are not permitted; "
                         "use an 0o prefix for octal integers");
    }
    return number_end_ok(lex) ? token(lex, kind) : invalid_literal(lex, "decimal");
}

static tok_kind_t scan_number(lexer_t *lex) {
    if (peek(lex, 0) == '0') {
        switch (peek(lex, 1) | 0x20) {
        case 'x': return scan_radix_number(lex, 16, "hexadecimal");
        case 'o': return scan_radix_number(lex, 8, "octal");
        case 'b': return scan_radix_number(lex, 2, "binary");
        default: break;
        }
    }
    return scan_decimal_number(lex);
}

// ---------------------------------------------------------------------------
// Operators and brackets

static int bracket_at(const lexer_t *lex, unsigned level) {
    return (lex->brackets[level / 4] >> (2 * (level % 4))) & 3;
}

static const char bracket_open[] = "([{", bracket_close[] = ")]}";

// Pushes bracket `which` (0: '(', 1: '[', 2: '{'); false after an error.
static bool open_bracket(lexer_t *lex, int which) {
    if (lex->bracket_depth >= LEX_MAX_BRACKETS) {
        fail(lex, "too many nested parentheses");
        return false;
    }
    unsigned level = lex->bracket_depth++, shift = 2 * (level % 4);
    uint8_t *slot = &lex->brackets[level / 4];
    *slot = (uint8_t)((*slot & ~(3u << shift)) | (unsigned)which << shift);
    return true;
}

// Pops bracket `which` if it matches the innermost open one; false after an error.
static bool close_bracket(lexer_t *lex, int which) {
    if (lex->bracket_depth == 0) {
        fail_quoting(lex, "unmatched '", bracket_close[which], "'");
        return false;
    }
    int open = bracket_at(lex, lex->bracket_depth - 1u);
    if (open != which) {
        char closing[2] = {bracket_close[which], '\0'}, opening[2] = {bracket_open[open], '\0'};
        fail_format(lex, "closing parenthesis '", closing, "' does not match opening parenthesis '", opening, "'");
        return false;
    }
    lex->bracket_depth--;
    return true;
}

// The longest operator spelled by the next characters, from the X-macro.
static tok_kind_t scan_operator(lexer_t *lex) {
    tok_kind_t best = TOK_ERROR;
    size_t best_len = 0;
    for (int k = TOK_LPAREN; k <= TOK_AT_ASSIGN; k++) {
        const char *s = kind_texts[k];
        size_t n = 0;
        while (s[n] != '\0' && peek(lex, (unsigned)n) == (uint8_t)s[n]) {
            n++;
        }
        if (s[n] == '\0' && n > best_len) {
            best = (tok_kind_t)k;
            best_len = n;
        }
    }
    if (best == TOK_ERROR) {
        return fail_invalid_character(lex, peek(lex, 0));
    }
    for (size_t i = 0; i < best_len; i++) {
        advance(lex);
    }
    bool ok = true;
    if (best == TOK_LPAREN || best == TOK_LBRACKET || best == TOK_LBRACE) {
        ok = open_bracket(lex, (best - TOK_LPAREN) / 2);
    } else if (best == TOK_RPAREN || best == TOK_RBRACKET || best == TOK_RBRACE) {
        ok = close_bracket(lex, (best - TOK_RPAREN) / 2);
    }
    return ok ? token(lex, best) : TOK_ERROR;
}

// ---------------------------------------------------------------------------
// Lines: indentation, continuation, end of input

// At the start of a line outside brackets: measures the indentation and
// returns INDENT, DEDENT or ERROR, or TOK_END when the level is unchanged or
// the line is blank.
static tok_kind_t scan_indentation(lexer_t *lex) {
    uint32_t col = 0, alt_col = 0;
    lex->line = lex->pos_line;
    lex->col = lex->pos_col;
    bool any = false;
    for (;; any = true) {
        int c = peek(lex, 0);
        if (c == ' ') {
            col++;
            alt_col++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            alt_col++;
        } else if (c == '\f') {
            col = alt_col = 0;
        } else {
            break;
        }
        advance(lex);
        if (col > UINT16_MAX || alt_col > UINT16_MAX) {
            return fail(lex, "indentation is too wide");
        }
    }
    int c = peek(lex, 0);
    if (c == '#' || c == '\n' || c == END_OF_INPUT) {
        if (c == '\n' || (c == END_OF_INPUT && any)) {
            lex->last_line_blank = true;  // ends a block in interactive mode
        } else if (c == '#') {
            lex->last_line_blank = false;
        }
        return TOK_END;
    }
    lex->line = lex->pos_line;
    lex->col = lex->pos_col;
    unsigned depth = lex->indent_depth;
    if (col == lex->indents[depth]) {
        return alt_col == lex->alt_indents[depth] ? TOK_END : fail(lex, "inconsistent use of tabs and spaces in indentation");
    }
    if (col > lex->indents[depth]) {
        if (depth + 1 >= LEX_MAX_INDENT) {
            return fail(lex, "too many levels of indentation");
        }
        if (alt_col <= lex->alt_indents[depth]) {
            return fail(lex, "inconsistent use of tabs and spaces in indentation");
        }
        lex->indent_depth++;
        lex->indents[depth + 1] = (uint16_t)col;
        lex->alt_indents[depth + 1] = (uint16_t)alt_col;
        return token(lex, TOK_INDENT);
    }
    while (depth > 0 && col < lex->indents[depth]) {
        depth--;
    }
    if (col != lex->indents[depth]) {
        return fail(lex, "unindent does not match any outer indentation level");
    }
    if (alt_col != lex->alt_indents[depth]) {
        return fail(lex, "inconsistent use of tabs and spaces in indentation");
    }
    lex->pending_dedents = (uint8_t)(lex->indent_depth - depth - 1);
    lex->indent_depth = (uint8_t)depth;
    return token(lex, TOK_DEDENT);
}

static tok_kind_t end_of_input(lexer_t *lex) {
    if (lex->bracket_depth > 0) {
        int open = bracket_at(lex, lex->bracket_depth - 1u);
        lex->incomplete = true;
        return fail_quoting(lex, "'", bracket_open[open], "' was never closed");
    }
    if (lex->line_has_tokens) {
        return token(lex, TOK_NEWLINE);
    }
    if (lex->interactive && lex->block_seen && !lex->last_line_blank) {
        return fail_incomplete(lex, "incomplete input");
    }
    if (lex->indent_depth > 0) {
        lex->pending_dedents = (uint8_t)(lex->indent_depth - 1);
        lex->indent_depth = 0;
        return token(lex, TOK_DEDENT);
    }
    return token(lex, TOK_END);
}

static void skip_spaces_and_comment(lexer_t *lex) {
    int c;
    while ((c = peek(lex, 0)) == ' ' || c == '\t' || c == '\f') {
        advance(lex);
    }
    if (c == '#') {
        while ((c = peek(lex, 0)) != '\n' && c != END_OF_INPUT && c != '\0') {
            advance(lex);
        }
    }
}

static tok_kind_t scan_token(lexer_t *lex) {
    int c = peek(lex, 0);
    if (is_name_start(c)) {
        return scan_name(lex);
    }
    if (c == '"' || c == '\'') {
        return scan_string(lex, 0);
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(lex, 1)))) {
        return scan_number(lex);
    }
    return scan_operator(lex);
}

tok_kind_t lex_next(lexer_t *lex) {
    if (lex->text == NULL) {
        lex->cap = 32;
        lex->text = gc_alloc(lex->cap, GC_LEAF);
    }
    lex->len = 0;
    lex->raw = false;
    finish_text(lex);
    if (lex->failed) {
        return TOK_ERROR;
    }
    if (!lex->started) {
        lex->started = true;
        if (peek(lex, 0) == 0xEF && peek(lex, 1) == 0xBB && peek(lex, 2) == 0xBF) {
            advance(lex);
            advance(lex);
            advance(lex);
            lex->pos_col = 1;
        }
    }
    if (lex->pending_dedents > 0) {
        lex->pending_dedents--;
        return token(lex, TOK_DEDENT);
    }
    for (;;) {
        if (lex->at_bol) {
            lex->at_bol = false;
            tok_kind_t kind = scan_indentation(lex);
            if (kind != TOK_END) {
                return kind;
            }
        }
        skip_spaces_and_comment(lex);
        lex->line = lex->pos_line;
        lex->col = lex->pos_col;
        int c = peek(lex, 0);
        if (c == '\n') {
            advance(lex);
            if (lex->bracket_depth == 0) {
                lex->at_bol = true;
                if (lex->line_has_tokens) {
                    return token(lex, TOK_NEWLINE);
                }
            }
        } else if (c == '\\') {
            int next = peek(lex, 1);
            if (next == END_OF_INPUT) {
                return fail_incomplete(lex, "unexpected EOF while parsing");
            }
            if (next != '\n') {
                return fail(lex, "unexpected character after line continuation character");
            }
            advance(lex);
            advance(lex);
            if (peek(lex, 0) == END_OF_INPUT && lex->bracket_depth == 0) {
                return fail_incomplete(lex, "unexpected EOF while parsing");
            }
        } else if (c == END_OF_INPUT) {
            return end_of_input(lex);
        } else {
            return scan_token(lex);
        }
    }
}

// ---------------------------------------------------------------------------
// Set-up

void lex_init(lexer_t *lex, lex_reader_fn reader, void *ctx) {
    memset(lex, 0, sizeof(*lex));
    lex->reader = reader;
    lex->reader_ctx = ctx;
    lex->kind = TOK_END;
    lex->pos_line = 1;
    lex->pos_col = 1;
    lex->line = 1;
    lex->col = 1;
    lex->pushback = -1;
    lex->at_bol = true;
    lex->prev_kind = TOK_NEWLINE;
}

void lex_init_mem(lexer_t *lex, const char *src, size_t len) {
    lex_init(lex, NULL, NULL);
    lex->mem = src;
    lex->mem_len = len;
}

void lex_set_interactive(lexer_t *lex, bool interactive) {
    lex->interactive = interactive;
}

void lex_deinit(lexer_t *lex) {
    if (lex->text != NULL) {
        gc_free(lex->text);
    }
    lex->text = NULL;
    lex->cap = 0;
    lex->len = 0;
}
