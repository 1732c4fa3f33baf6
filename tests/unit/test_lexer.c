// SPDX-License-Identifier: MIT
// Unit test of core/lexer.c.
//
// Table-driven: each case is a snippet and the tokens it must give, rendered
// as text ("NAME(x) ASSIGN INT(1) NEWLINE END"). Every case is lexed from
// memory and through a byte-at-a-time reader, and again with its newlines
// spelt "\r\n" and "\r", and all must render the same. Then come big inputs,
// the interactive (REPL) mode, lex_decode_escapes, out-of-memory, and a
// robustness loop over random bytes and mutated programs that checks
// invariants (no crash, no hang, well-formed payloads) under ASan/UBSan.
// Prints "N passed, N failed" and exits non-zero on any failure.
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gc_stub.h"
#include "lexer.h"

static const char *const kind_names[TOK_COUNT] = {
#define X(n, s) #n,
    LEX_TOKENS(X)
#undef X
};

static int passed, failed;

static void check(bool ok, const char *what, ...) {
    if (ok) {
        passed++;
        return;
    }
    failed++;
    va_list ap;
    va_start(ap, what);
    fprintf(stderr, "FAIL: ");
    vfprintf(stderr, what, ap);
    fprintf(stderr, "\n");
    va_end(ap);
}

// ---------------------------------------------------------------------------
// Rendering tokens as text

typedef struct {
    char *s;
    size_t len, cap;
} buf_t;

static void buf_add(buf_t *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (b->s == NULL) {
            abort();
        }
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_str(buf_t *b, const char *s) {
    buf_add(b, s, strlen(s));
}

static void buf_escaped(buf_t *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char tmp[8];
        if (c == '\\') {
            buf_str(b, "\\\\");
        } else if (c == '\n') {
            buf_str(b, "\\n");
        } else if (c < 0x20 || c >= 0x7F) {
            snprintf(tmp, sizeof(tmp), "\\x%02x", c);
            buf_str(b, tmp);
        } else {
            buf_add(b, (const char *)&c, 1);
        }
    }
}

static bool utf8_valid(const char *s, size_t n);

// Payload checks common to every token (the invariants of the robustness loop).
static void check_token(const lexer_t *lex, const char *src_desc) {
    bool ok = (unsigned)lex->kind < TOK_COUNT && lex->text != NULL && lex->text[lex->len] == '\0' &&
              lex->line >= 1 && lex->col >= 1;
    if (ok && lex->kind == TOK_ERROR) {
        ok = lex->error != NULL && lex->error[0] != '\0';
    }
    if (ok && (lex->kind == TOK_NAME || (lex->kind >= TOK_KW_FALSE && lex->kind <= TOK_KW_YIELD))) {
        ok = lex->len > 0 && strlen(lex->text) == lex->len && utf8_valid(lex->text, lex->len);
    }
    if (ok && (lex->kind == TOK_STRING || lex->kind == TOK_FSTRING)) {
        ok = utf8_valid(lex->text, lex->len);
    }
    if (ok && (lex->kind == TOK_INT || lex->kind == TOK_FLOAT || lex->kind == TOK_IMAG)) {
        ok = lex->len > 0 && strlen(lex->text) == lex->len && strchr(lex->text, '_') == NULL;
    }
    if (!ok) {
        check(false, "bad token %s in %s", kind_names[lex->kind % TOK_COUNT], src_desc);
    }
}

static void render_token(buf_t *out, const lexer_t *lex, bool positions) {
    if (out->len > 0) {
        buf_str(out, " ");
    }
    buf_str(out, kind_names[lex->kind]);
    switch (lex->kind) {
    case TOK_NAME: case TOK_INT: case TOK_FLOAT: case TOK_IMAG: case TOK_STRING: case TOK_BYTES:
    case TOK_FSTRING:
        buf_str(out, lex->raw ? "/r(" : "(");
        buf_escaped(out, lex->text, lex->len);
        buf_str(out, ")");
        break;
    case TOK_ERROR:
        buf_str(out, lex->incomplete ? "+(" : "(");
        buf_str(out, lex->error);
        buf_str(out, ")");
        break;
    default:
        break;
    }
    if (positions) {
        char tmp[32];
        snprintf(tmp, sizeof(tmp), "@%lu:%u", (unsigned long)lex->line, (unsigned)lex->col);
        buf_str(out, tmp);
    }
}

typedef struct {
    const char *src;
    size_t len, pos;
} reader_ctx_t;

static int read_one(void *ctx) {
    reader_ctx_t *r = ctx;
    return r->pos < r->len ? (unsigned char)r->src[r->pos++] : -1;
}

enum { MODE_MEM, MODE_READER };

// Lexes src to the end (or the first error) and renders the tokens; also
// checks the invariants and that END and ERROR stick. The result is
// malloc'd.
static char *lex_all(const char *src, size_t len, int mode, bool interactive, bool positions) {
    lexer_t lex;
    reader_ctx_t ctx = {src, len, 0};
    if (mode == MODE_MEM) {
        lex_init_mem(&lex, src, len);
    } else {
        lex_init(&lex, read_one, &ctx);
    }
    lex_set_interactive(&lex, interactive);
    buf_t out = {0};
    buf_str(&out, "");
    size_t limit = 3 * len + 2 * LEX_MAX_INDENT + 10, count = 0;
    int indents = 0;
    for (;;) {
        tok_kind_t kind = lex_next(&lex);
        check_token(&lex, "lex_all");
        render_token(&out, &lex, positions);
        indents += kind == TOK_INDENT ? 1 : kind == TOK_DEDENT ? -1 : 0;
        if (indents < 0 || ++count > limit) {
            check(false, "runaway tokens or unbalanced DEDENT: %s", out.s);
            break;
        }
        if (kind == TOK_END || kind == TOK_ERROR) {
            const char *error = lex.error;
            check(lex_next(&lex) == kind && lex_next(&lex) == kind && lex.error == error,
                  "END/ERROR does not stick");
            check(kind == TOK_ERROR || indents == 0, "END with open indents");
            break;
        }
    }
    lex_deinit(&lex);
    return out.s;
}

// ---------------------------------------------------------------------------
// The table

typedef struct {
    const char *src;
    size_t len;
    const char *expect;
} case_t;

#define T(src, expect) {src, sizeof(src) - 1, expect}

static const case_t cases[] = {
    // Basics, NEWLINE and END
    T("", "END"),
    T("x = 1\n", "NAME(x) ASSIGN INT(1) NEWLINE END"),
    T("x = 1", "NAME(x) ASSIGN INT(1) NEWLINE END"),
    T("\n\n  \n# only a comment\n", "END"),
    T("x # comment\ny", "NAME(x) NEWLINE NAME(y) NEWLINE END"),
    T("x;y\n", "NAME(x) SEMI NAME(y) NEWLINE END"),
    T("\xef\xbb\xbfx\n", "NAME(x) NEWLINE END"),
    T("\xef\xbbx", "ERROR(invalid UTF-8 in identifier)"),
    // Names and keywords
    T("False None True and as assert async await break class continue def del elif else except",
      "KW_FALSE KW_NONE KW_TRUE KW_AND KW_AS KW_ASSERT KW_ASYNC KW_AWAIT KW_BREAK KW_CLASS "
      "KW_CONTINUE KW_DEF KW_DEL KW_ELIF KW_ELSE KW_EXCEPT NEWLINE END"),
    T("finally for from global if import in is lambda nonlocal not or pass raise return try while with yield",
      "KW_FINALLY KW_FOR KW_FROM KW_GLOBAL KW_IF KW_IMPORT KW_IN KW_IS KW_LAMBDA KW_NONLOCAL KW_NOT "
      "KW_OR KW_PASS KW_RAISE KW_RETURN KW_TRY KW_WHILE KW_WITH KW_YIELD NEWLINE END"),
    T("match case type _ __init__ false none Yield iff", "NAME(match) NAME(case) NAME(type) NAME(_) "
      "NAME(__init__) NAME(false) NAME(none) NAME(Yield) NAME(iff) NEWLINE END"),
    T("caf\xc3\xa9 = \xe5\x90\x8d", "NAME(caf\\xc3\\xa9) ASSIGN NAME(\\xe5\\x90\\x8d) NEWLINE END"),
    T("a\xff", "ERROR(invalid UTF-8 in identifier)"),
    T("\xc3", "ERROR(invalid UTF-8 in identifier)"),
    T("\xed\xa0\x80", "ERROR(invalid UTF-8 in identifier)"),
    T("x\xc2\xa0= 1", "ERROR(invalid non-printable character U+00A0)"),
    T("x1 _9", "NAME(x1) NAME(_9) NEWLINE END"),
    // Integers
    T("0 7 123 1_000_000 00 0_0", "INT(0) INT(7) INT(123) INT(1000000) INT(00) INT(00) NEWLINE END"),
    T("0x1f 0XAB_cd 0o17 0O7_7 0b101 0B_1", "INT(0x1f) INT(0xABcd) INT(0o17) INT(0o77) INT(0b101) INT(0b1) NEWLINE END"),
    T("1abc", "ERROR(invalid decimal literal)"),
    T("09", "ERROR(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)"),
    T("0_7", "ERROR(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)"),
    T("1__0", "ERROR(invalid decimal literal)"),
    T("1_", "ERROR(invalid decimal literal)"),
    T("1_ ", "ERROR(invalid decimal literal)"),
    T("0x", "ERROR(invalid hexadecimal literal)"),
    T("0x1_", "ERROR(invalid hexadecimal literal)"),
    T("0x__1", "ERROR(invalid hexadecimal literal)"),
    T("0x1g", "ERROR(invalid hexadecimal literal)"),
    T("0o", "ERROR(invalid octal literal)"),
    T("0o8", "ERROR(invalid digit '8' in octal literal)"),
    T("0o17_9", "ERROR(invalid digit '9' in octal literal)"),
    T("0b2", "ERROR(invalid digit '2' in binary literal)"),
    T("0b1j", "ERROR(invalid binary literal)"),
    T("0b", "ERROR(invalid binary literal)"),
    // Numbers followed by keywords (CPython 3.11 accepts these)
    T("1if x else y", "INT(1) KW_IF NAME(x) KW_ELSE NAME(y) NEWLINE END"),
    T("0x1for x in y", "INT(0x1f) KW_OR NAME(x) KW_IN NAME(y) NEWLINE END"),
    T("1else", "INT(1) KW_ELSE NEWLINE END"),
    T("1.5else", "FLOAT(1.5) KW_ELSE NEWLINE END"),
    T("1jif", "IMAG(1) KW_IF NEWLINE END"),
    T("1or 2and 3in 4is 5not", "INT(1) KW_OR INT(2) KW_AND INT(3) KW_IN INT(4) KW_IS INT(5) KW_NOT NEWLINE END"),
    T("0b1or", "INT(0b1) KW_OR NEWLINE END"),
    T("1ex", "ERROR(invalid decimal literal)"),
    T("1e+x", "ERROR(invalid decimal literal)"),
    T("1jx", "ERROR(invalid imaginary literal)"),
    // Floats and imaginary numbers
    T("1.5 1. .5 1e10 1E-3 1.5e+3 1_0.0_1e1_0 0.0 00.5 09.5 09e1",
      "FLOAT(1.5) FLOAT(1.) FLOAT(.5) FLOAT(1e10) FLOAT(1E-3) FLOAT(1.5e+3) FLOAT(10.01e10) "
      "FLOAT(0.0) FLOAT(00.5) FLOAT(09.5) FLOAT(09e1) NEWLINE END"),
    T("1j 1.5J 1e3j 09j .5j 1.j", "IMAG(1) IMAG(1.5) IMAG(1e3) IMAG(09) IMAG(.5) IMAG(1.) NEWLINE END"),
    T("1.real", "ERROR(invalid decimal literal)"),
    T("1 .real", "INT(1) DOT NAME(real) NEWLINE END"),
    T("1..real", "FLOAT(1.) DOT NAME(real) NEWLINE END"),
    T("1.e5", "FLOAT(1.e5) NEWLINE END"),
    T("1._5", "ERROR(invalid decimal literal)"),
    T("1.5_", "ERROR(invalid decimal literal)"),
    T("1e", "ERROR(invalid decimal literal)"),
    T("1e_5", "ERROR(invalid decimal literal)"),
    T("1e5_", "ERROR(invalid decimal literal)"),
    T(".5e", "ERROR(invalid decimal literal)"),
    T("x.y", "NAME(x) DOT NAME(y) NEWLINE END"),
    T("...", "ELLIPSIS NEWLINE END"),
    T("....5", "ELLIPSIS FLOAT(.5) NEWLINE END"),
    T("..", "DOT DOT NEWLINE END"),
    // Operators, longest match
    T("( ) [ ] { } : , ; . ... -> @ = :=",
      "LPAREN RPAREN LBRACKET RBRACKET LBRACE RBRACE COLON COMMA SEMI DOT ELLIPSIS ARROW AT ASSIGN "
      "WALRUS NEWLINE END"),
    T("+ - * / // % ** & | ^ ~ << >>",
      "PLUS MINUS STAR SLASH DSLASH PERCENT DSTAR AMP PIPE CARET TILDE LSHIFT RSHIFT NEWLINE END"),
    T("== != < > <= >=", "EQ NE LT GT LE GE NEWLINE END"),
    T("+= -= *= /= //= %= **= &= |= ^= <<= >>= @=",
      "PLUS_ASSIGN MINUS_ASSIGN STAR_ASSIGN SLASH_ASSIGN DSLASH_ASSIGN PERCENT_ASSIGN DSTAR_ASSIGN "
      "AMP_ASSIGN PIPE_ASSIGN CARET_ASSIGN LSHIFT_ASSIGN RSHIFT_ASSIGN AT_ASSIGN NEWLINE END"),
    T("a**=-b", "NAME(a) DSTAR_ASSIGN MINUS NAME(b) NEWLINE END"),
    T("a<<=b>>c", "NAME(a) LSHIFT_ASSIGN NAME(b) RSHIFT NAME(c) NEWLINE END"),
    T("x->y", "NAME(x) ARROW NAME(y) NEWLINE END"),
    T("a===b", "NAME(a) EQ ASSIGN NAME(b) NEWLINE END"),
    T("a<>b", "NAME(a) LT GT NAME(b) NEWLINE END"),
    T("x ! y", "NAME(x) ERROR(invalid character '!' (U+0021))"),
    T("$", "ERROR(invalid character '$' (U+0024))"),
    T("a ? b", "NAME(a) ERROR(invalid character '?' (U+003F))"),
    T("`x`", "ERROR(invalid character '`' (U+0060))"),
    T("x\x01", "NAME(x) ERROR(invalid non-printable character U+0001)"),
    T("x\vy", "NAME(x) ERROR(invalid non-printable character U+000B)"),
    T("x\x7f", "NAME(x) ERROR(invalid non-printable character U+007F)"),
    T("a\0b", "NAME(a) ERROR(source code cannot contain null bytes)"),
    T("# comment \0\n", "ERROR(source code cannot contain null bytes)"),
    T("'a\0b'", "ERROR(source code cannot contain null bytes)"),
    // Brackets
    T("f(a,\n  b)\n", "NAME(f) LPAREN NAME(a) COMMA NAME(b) RPAREN NEWLINE END"),
    T("x = [\n1,\n\n   # c\n 2\n]\ny", "NAME(x) ASSIGN LBRACKET INT(1) COMMA INT(2) RBRACKET NEWLINE NAME(y) NEWLINE END"),
    T("x = )", "NAME(x) ASSIGN ERROR(unmatched ')')"),
    T("]", "ERROR(unmatched ']')"),
    T("}", "ERROR(unmatched '}')"),
    T("x = (]", "NAME(x) ASSIGN LPAREN ERROR(closing parenthesis ']' does not match opening parenthesis '(')"),
    T("{)", "LBRACE ERROR(closing parenthesis ')' does not match opening parenthesis '{')"),
    T("[}", "LBRACKET ERROR(closing parenthesis '}' does not match opening parenthesis '[')"),
    T("f(\n", "NAME(f) LPAREN ERROR+('(' was never closed)"),
    T("{[", "LBRACE LBRACKET ERROR+('[' was never closed)"),
    T("(\n  if x:\n", "LPAREN KW_IF NAME(x) COLON ERROR+('(' was never closed)"),
    // Line continuation
    T("x = 1 + \\\n  2\n", "NAME(x) ASSIGN INT(1) PLUS INT(2) NEWLINE END"),
    T("x = \\\n\\\n1", "NAME(x) ASSIGN INT(1) NEWLINE END"),
    T("x = 1 \\", "NAME(x) ASSIGN INT(1) ERROR+(unexpected EOF while parsing)"),
    T("x = 1 \\\n", "NAME(x) ASSIGN INT(1) ERROR+(unexpected EOF while parsing)"),
    T("x = 1 \\ 2", "NAME(x) ASSIGN INT(1) ERROR(unexpected character after line continuation character)"),
    T("\\\n#c", "END"),
    T("x = 1\\\n\n", "NAME(x) ASSIGN INT(1) NEWLINE END"),
    T("x = 1 + \\\n  ", "NAME(x) ASSIGN INT(1) PLUS NEWLINE END"),
    T("x = (1 + \\\n", "NAME(x) ASSIGN LPAREN INT(1) PLUS ERROR+('(' was never closed)"),
    T("if x:\n    \\\n  y\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT END"),
    // Indentation
    T("if x:\n    y\nz\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE END"),
    T("if x:\n  if y:\n    z\n", "KW_IF NAME(x) COLON NEWLINE INDENT KW_IF NAME(y) COLON NEWLINE INDENT NAME(z) "
      "NEWLINE DEDENT DEDENT END"),
    T("if x:\n  if y:\n    z\nw", "KW_IF NAME(x) COLON NEWLINE INDENT KW_IF NAME(y) COLON NEWLINE INDENT NAME(z) "
      "NEWLINE DEDENT DEDENT NAME(w) NEWLINE END"),
    T("if x:\n  if y:\n    z\n  w", "KW_IF NAME(x) COLON NEWLINE INDENT KW_IF NAME(y) COLON NEWLINE INDENT NAME(z) "
      "NEWLINE DEDENT NAME(w) NEWLINE DEDENT END"),
    T("if x:\n    y\n\n      \n    # c\n  # c\n\tz\n",
      "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE ERROR(inconsistent use of tabs and spaces in indentation)"),
    T("if x:\n        y\n\tz\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE "
      "ERROR(inconsistent use of tabs and spaces in indentation)"),
    T("if x:\n\ty\n\tz\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE NAME(z) NEWLINE DEDENT END"),
    T("if x:\n  \ty\n\tz\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE "
      "ERROR(inconsistent use of tabs and spaces in indentation)"),
    T("if x:\n    y\n  z\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE "
      "ERROR(unindent does not match any outer indentation level)"),
    T("  x\n", "INDENT NAME(x) NEWLINE DEDENT END"),
    T("x\n  y\n", "NAME(x) NEWLINE INDENT NAME(y) NEWLINE DEDENT END"),
    T("if x:\n    y\n\f\fz\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE END"),
    T("if x:\n    y\n  \f    z\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE NAME(z) NEWLINE DEDENT END"),
    T("x = 1 \f+ 2", "NAME(x) ASSIGN INT(1) PLUS INT(2) NEWLINE END"),
    T("if x:\n  y\n  ", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT END"),
    T("if x:\n  y # c", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT END"),
    // Strings
    T("'a' \"b\" '' \"\"", "STRING(a) STRING(b) STRING() STRING() NEWLINE END"),
    T("'a' 'b'", "STRING(a) STRING(b) NEWLINE END"),
    T("'''a\n'b''c'''", "STRING(a\\n'b''c) NEWLINE END"),
    T("\"\"\"x\"\"\"\"", "STRING(x) ERROR(unterminated string literal)"),
    T("'''a''''", "STRING(a) ERROR(unterminated string literal)"),
    T("''''''", "STRING() NEWLINE END"),
    T("'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'", "STRING(\\n\\x09\\\\'\"\\x07\\x08\\x0c\\x0b\\x0d) NEWLINE END"),
    T("'\\x41\\101\\0\\7\\18\\777'", "STRING(AA\\x00\\x07\\x018\\xc7\\xbf) NEWLINE END"),
    T("'\\xff\\u20ac\\U0001F600'", "STRING(\\xc3\\xbf\\xe2\\x82\\xac\\xf0\\x9f\\x98\\x80) NEWLINE END"),
    T("'\\q\\ \\8\\N'", "ERROR((unicode error) \\N escapes not supported)"),
    T("'\\q\\ \\8'", "STRING(\\\\q\\\\ \\\\8) NEWLINE END"),
    T("'a\\\nb'", "STRING(ab) NEWLINE END"),
    T("'''a\\\nb'''", "STRING(ab) NEWLINE END"),
    T("'\\x4'", "ERROR((unicode error) truncated \\xXX escape)"),
    T("'\\x4g'", "ERROR((unicode error) truncated \\xXX escape)"),
    T("'\\u12'", "ERROR((unicode error) truncated \\uXXXX escape)"),
    T("'\\U0000002'", "ERROR((unicode error) truncated \\UXXXXXXXX escape)"),
    T("'\\U00110000'", "ERROR((unicode error) illegal Unicode character)"),
    T("'\\ud800'", "ERROR((unicode error) surrogates not allowed)"),
    T("'\\N{DASH}'", "ERROR((unicode error) \\N escapes not supported)"),
    T("'caf\xc3\xa9 \xf0\x9f\x98\x80'", "STRING(caf\\xc3\\xa9 \\xf0\\x9f\\x98\\x80) NEWLINE END"),
    T("'\xff'", "ERROR((unicode error) invalid UTF-8 in string literal)"),
    T("'\xe0\x80\x80'", "ERROR((unicode error) invalid UTF-8 in string literal)"),
    T("r'\xc3'", "ERROR((unicode error) invalid UTF-8 in string literal)"),
    T("'abc", "ERROR(unterminated string literal)"),
    T("'abc\n'", "ERROR(unterminated string literal)"),
    T("x = 'abc\\", "NAME(x) ASSIGN ERROR+(unterminated string literal)"),
    T("x = 'abc\\\n", "NAME(x) ASSIGN ERROR+(unterminated string literal)"),
    T("x = '''abc\n\n", "NAME(x) ASSIGN ERROR+(unterminated triple-quoted string literal)"),
    T("\"\"\"abc\\\"\"\"", "ERROR+(unterminated triple-quoted string literal)"),
    T("\"\"\"abc\\\"\"\"\"", "STRING(abc\") NEWLINE END"),
    // Prefixes
    T("r'\\n' R'\\'' u'x' U'y'", "STRING(\\\\n) STRING(\\\\') STRING(x) STRING(y) NEWLINE END"),
    T("b'a\\x00\\xff\\777\\u1234' B''", "BYTES(a\\x00\\xff\\xff\\\\u1234) BYTES() NEWLINE END"),
    T("b'\\N{x}'", "BYTES(\\\\N{x}) NEWLINE END"),
    T("rb'\\x' bR'\\x' Rb'a' BR'b'", "BYTES(\\\\x) BYTES(\\\\x) BYTES(a) BYTES(b) NEWLINE END"),
    T("b'\\x4'", "ERROR(invalid \\x escape)"),
    T("b'caf\xc3\xa9'", "ERROR(bytes can only contain ASCII literal characters)"),
    T("rb'\xc3\xa9'", "ERROR(bytes can only contain ASCII literal characters)"),
    T("f'{x}\\n' F\"a\" rf'\\{y}' fR'' Rf'''a\nb'''",
      "FSTRING({x}\\\\n) FSTRING(a) FSTRING/r(\\\\{y}) FSTRING/r() FSTRING/r(a\\nb) NEWLINE END"),
    T("f'\\''", "FSTRING(\\\\') NEWLINE END"),
    T("f'\xc3\xa9'", "FSTRING(\\xc3\\xa9) NEWLINE END"),
    T("f'\xc3'", "ERROR((unicode error) invalid UTF-8 in string literal)"),
    T("ur'x' bu'x' fb'x' rr'x' bb''", "NAME(ur) STRING(x) NAME(bu) STRING(x) NAME(fb) STRING(x) "
      "NAME(rr) STRING(x) NAME(bb) STRING() NEWLINE END"),
    T("rx'a'", "NAME(rx) STRING(a) NEWLINE END"),
    T("br", "NAME(br) NEWLINE END"),
    T("print('a', end='')", "NAME(print) LPAREN STRING(a) COMMA NAME(end) ASSIGN STRING() RPAREN NEWLINE END"),
    // A small program
    T("def f(a, *b, **c) -> int:\n"
      "    '''doc'''\n"
      "    return a @ b\n"
      "\n"
      "class C(Base):\n"
      "    x: int = 0\n"
      "    async def g(self):\n"
      "        await self.h(lambda y: y ** 2, [i for i in range(10) if i % 2])\n",
      "KW_DEF NAME(f) LPAREN NAME(a) COMMA STAR NAME(b) COMMA DSTAR NAME(c) RPAREN ARROW NAME(int) COLON NEWLINE "
      "INDENT STRING(doc) NEWLINE KW_RETURN NAME(a) AT NAME(b) NEWLINE DEDENT "
      "KW_CLASS NAME(C) LPAREN NAME(Base) RPAREN COLON NEWLINE "
      "INDENT NAME(x) COLON NAME(int) ASSIGN INT(0) NEWLINE "
      "KW_ASYNC KW_DEF NAME(g) LPAREN NAME(self) RPAREN COLON NEWLINE "
      "INDENT KW_AWAIT NAME(self) DOT NAME(h) LPAREN KW_LAMBDA NAME(y) COLON NAME(y) DSTAR INT(2) COMMA "
      "LBRACKET NAME(i) KW_FOR NAME(i) KW_IN NAME(range) LPAREN INT(10) RPAREN KW_IF NAME(i) PERCENT INT(2) "
      "RBRACKET RPAREN NEWLINE DEDENT DEDENT END"),
};

// Interactive mode: an open block needs a final blank line.
static const case_t interactive_cases[] = {
    T("x = 1\n", "NAME(x) ASSIGN INT(1) NEWLINE END"),
    T("x = 1", "NAME(x) ASSIGN INT(1) NEWLINE END"),
    T("if x:\n", "KW_IF NAME(x) COLON NEWLINE ERROR+(incomplete input)"),
    T("if x:", "KW_IF NAME(x) COLON NEWLINE ERROR+(incomplete input)"),
    T("if x:\n    y\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE ERROR+(incomplete input)"),
    T("if x:\n    y\n\n", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT END"),
    T("if x:\n    y\n    ", "KW_IF NAME(x) COLON NEWLINE INDENT NAME(y) NEWLINE DEDENT END"),
    T("if x:\n\n", "KW_IF NAME(x) COLON NEWLINE END"),
    T("if x: y\n", "KW_IF NAME(x) COLON NAME(y) NEWLINE ERROR+(incomplete input)"),
    T("if x: y\n\n", "KW_IF NAME(x) COLON NAME(y) NEWLINE END"),
    T("@dec\n", "AT NAME(dec) NEWLINE ERROR+(incomplete input)"),
    T("for i in x:\n  # c\n", "KW_FOR NAME(i) KW_IN NAME(x) COLON NEWLINE ERROR+(incomplete input)"),
    T("match x:\n", "NAME(match) NAME(x) COLON NEWLINE ERROR+(incomplete input)"),
    T("d = {1:\n", "NAME(d) ASSIGN LBRACE INT(1) COLON ERROR+('{' was never closed)"),
    T("d = {1:\n2}\n", "NAME(d) ASSIGN LBRACE INT(1) COLON INT(2) RBRACE NEWLINE END"),
    T("s = '''\n", "NAME(s) ASSIGN ERROR+(unterminated triple-quoted string literal)"),
    T("x = 1 + \\\n", "NAME(x) ASSIGN INT(1) PLUS ERROR+(unexpected EOF while parsing)"),
    T("x = 'a\n", "NAME(x) ASSIGN ERROR(unterminated string literal)"),
};

// Token positions.
static const case_t position_cases[] = {
    T("x = 1\n  y", "NAME(x)@1:1 ASSIGN@1:3 INT(1)@1:5 NEWLINE@1:6 INDENT@2:3 NAME(y)@2:3 NEWLINE@2:4 "
      "DEDENT@2:4 END@2:4"),
    T("\xc3\xa9\xc3\xa9 = '\xc3\xa9'\nf(\n  1)", "NAME(\\xc3\\xa9\\xc3\\xa9)@1:1 ASSIGN@1:4 STRING(\\xc3\\xa9)@1:6 "
      "NEWLINE@1:9 NAME(f)@2:1 LPAREN@2:2 INT(1)@3:3 RPAREN@3:4 NEWLINE@3:5 END@3:5"),
    T("'''a\nb''' x", "STRING(a\\nb)@1:1 NAME(x)@2:6 NEWLINE@2:7 END@2:7"),
    T("\xef\xbb\xbfx", "NAME(x)@1:1 NEWLINE@1:2 END@1:2"),
    T("a \\\n  b", "NAME(a)@1:1 NAME(b)@2:3 NEWLINE@2:4 END@2:4"),
    T("if x:\n  y\n z", "KW_IF@1:1 NAME(x)@1:4 COLON@1:5 NEWLINE@1:6 INDENT@2:3 NAME(y)@2:3 NEWLINE@2:4 "
      "ERROR(unindent does not match any outer indentation level)@3:2"),
    T("x = $", "NAME(x)@1:1 ASSIGN@1:3 ERROR(invalid character '$' (U+0024))@1:5"),
};

// Replaces every '\n' with `newline` (a malloc'd copy).
static char *with_newlines(const char *src, size_t len, const char *newline, size_t *out_len) {
    buf_t b = {0};
    buf_str(&b, "");
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\n') {
            buf_str(&b, newline);
        } else {
            buf_add(&b, src + i, 1);
        }
    }
    *out_len = b.len;
    return b.s;
}

static void run_case(const case_t *c, bool interactive, bool positions) {
    char *got = lex_all(c->src, c->len, MODE_MEM, interactive, positions);
    check(strcmp(got, c->expect) == 0, "lexing \"%s\"\n  expected: %s\n  got:      %s", c->src, c->expect, got);
    char *via_reader = lex_all(c->src, c->len, MODE_READER, interactive, positions);
    check(strcmp(via_reader, got) == 0, "reader differs for \"%s\": %s", c->src, via_reader);
    free(via_reader);
    if (!positions) {
        static const char *const newlines[] = {"\r\n", "\r"};
        for (size_t i = 0; i < 2; i++) {
            size_t len;
            char *src = with_newlines(c->src, c->len, newlines[i], &len);
            char *other = lex_all(src, len, i == 0 ? MODE_MEM : MODE_READER, interactive, positions);
            check(strcmp(other, got) == 0, "newline %s differs for \"%s\": %s", i == 0 ? "\\r\\n" : "\\r",
                  c->src, other);
            free(other);
            free(src);
        }
    }
    free(got);
}

static void test_table(void) {
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        run_case(&cases[i], false, false);
    }
    for (size_t i = 0; i < sizeof(interactive_cases) / sizeof(interactive_cases[0]); i++) {
        run_case(&interactive_cases[i], true, false);
    }
    for (size_t i = 0; i < sizeof(position_cases) / sizeof(position_cases[0]); i++) {
        run_case(&position_cases[i], false, true);
    }
    // A lone '\r' inside a line, and "\r\n" inside a triple-quoted string.
    static const char crlf[] = "x\ry\r\n'''a\r\nb\rc'''";
    char *got = lex_all(crlf, sizeof(crlf) - 1, MODE_MEM, false, false);
    check(strcmp(got, "NAME(x) NEWLINE NAME(y) NEWLINE STRING(a\\nb\\nc) NEWLINE END") == 0, "\\r: %s", got);
    free(got);
}

// ---------------------------------------------------------------------------
// The token table itself

static void test_kinds(void) {
    check(strcmp(lex_kind_text(TOK_END), "end of input") == 0, "END text");
    check(strcmp(lex_kind_text(TOK_FSTRING), "f-string") == 0, "FSTRING text");
    check(strcmp(lex_kind_text(TOK_KW_NONLOCAL), "nonlocal") == 0, "KW_NONLOCAL text");
    check(strcmp(lex_kind_text(TOK_DSLASH_ASSIGN), "//=") == 0, "DSLASH_ASSIGN text");
    check(strcmp(lex_kind_text(TOK_COUNT), "?") == 0, "out of range text");
    check(strcmp(lex_kind_text((tok_kind_t)-1), "?") == 0, "negative text");
    // The augmented assignments follow PLUS..RSHIFT, without the unary TILDE.
    check(TOK_CARET_ASSIGN - TOK_PLUS_ASSIGN == TOK_CARET - TOK_PLUS, "augmented order");
    check(TOK_RSHIFT_ASSIGN - TOK_LSHIFT_ASSIGN == TOK_RSHIFT - TOK_LSHIFT, "augmented shifts");
    check(TOK_AT_ASSIGN == TOK_RSHIFT_ASSIGN + 1, "AT_ASSIGN last");
    for (int k = TOK_KW_FALSE; k < TOK_KW_YIELD; k++) {
        check(strcmp(lex_kind_text((tok_kind_t)k), lex_kind_text((tok_kind_t)(k + 1))) < 0, "keywords sorted");
    }
    // Every operator's spelling lexes to itself.
    for (int k = TOK_LPAREN; k <= TOK_AT_ASSIGN; k++) {
        const char *s = lex_kind_text((tok_kind_t)k);
        lexer_t lex;
        lex_init_mem(&lex, s, strlen(s));
        lex_next(&lex);
        bool ok = lex.kind == (tok_kind_t)k || (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE);
        check(ok, "operator %s", s);
        lex_deinit(&lex);
    }
}

// ---------------------------------------------------------------------------
// Big inputs and limits

static void expect_big(const char *what, const char *src, size_t len, const char *expect_prefix,
                       const char *expect_suffix) {
    char *got = lex_all(src, len, MODE_READER, false, false);
    size_t n = strlen(got), p = strlen(expect_prefix), s = strlen(expect_suffix);
    bool ok = n >= p + s && memcmp(got, expect_prefix, p) == 0 && strcmp(got + n - s, expect_suffix) == 0;
    check(ok, "%s: got %.200s ... %s", what, got, n > 200 ? got + n - 200 : "");
    free(got);
}

static void test_big(void) {
    size_t n = 3u << 20;
    char *src = malloc(n + 16);
    // A 3 MB string literal, read a byte at a time.
    src[0] = '\'';
    memset(src + 1, 'a', n);
    src[n + 1] = '\'';
    lexer_t lex;
    reader_ctx_t ctx = {src, n + 2, 0};
    lex_init(&lex, read_one, &ctx);
    check(lex_next(&lex) == TOK_STRING && lex.len == n && lex.text[n] == '\0' && lex.text[n - 1] == 'a',
          "3 MB string");
    check(lex_next(&lex) == TOK_NEWLINE && lex_next(&lex) == TOK_END, "after 3 MB string");
    lex_deinit(&lex);
    // A 1 MB name, and a 1 MB integer.
    memset(src, 'x', n);
    lex_init_mem(&lex, src, n / 3);
    check(lex_next(&lex) == TOK_NAME && lex.len == n / 3 && strlen(lex.text) == n / 3, "1 MB name");
    lex_deinit(&lex);
    memset(src, '7', n);
    lex_init_mem(&lex, src, n / 3);
    check(lex_next(&lex) == TOK_INT && lex.len == n / 3, "1 MB integer");
    lex_deinit(&lex);
    // A line of 200000 tokens.
    for (size_t i = 0; i < 200000; i++) {
        memcpy(src + 2 * i, "x+", 2);
    }
    src[400000] = 'x';
    expect_big("long line", src, 400001, "NAME(x) PLUS NAME(x) PLUS", "NAME(x) NEWLINE END");
    // 100000 lines: the last token's line number.
    for (size_t i = 0; i < 100000; i++) {
        memcpy(src + 2 * i, "x\n", 2);
    }
    lex_init_mem(&lex, src, 200000);
    tok_kind_t kind;
    uint32_t last_line = 0;
    while ((kind = lex_next(&lex)) != TOK_END && kind != TOK_ERROR) {
        last_line = kind == TOK_NAME ? lex.line : last_line;
    }
    check(kind == TOK_END && last_line == 100000, "100000 lines: last on line %lu", (unsigned long)last_line);
    lex_deinit(&lex);
    // A very wide indentation (columns above 65535) fails cleanly.
    memset(src, ' ', 70000);
    src[70000] = 'x';
    expect_big("wide indentation", src, 70001, "ERROR(indentation is too wide)", "");
    free(src);
}

static void test_nesting_limits(void) {
    buf_t b = {0};
    buf_str(&b, "");
    for (int i = 0; i < LEX_MAX_BRACKETS; i++) {
        buf_str(&b, i % 3 == 0 ? "(" : i % 3 == 1 ? "[" : "{");
    }
    for (int i = LEX_MAX_BRACKETS - 1; i >= 0; i--) {
        buf_str(&b, i % 3 == 0 ? ")" : i % 3 == 1 ? "]" : "}");
    }
    expect_big("200 brackets", b.s, b.len, "LPAREN LBRACKET LBRACE", "RBRACKET RPAREN NEWLINE END");
    b.len = 0;
    for (int i = 0; i <= LEX_MAX_BRACKETS; i++) {
        buf_str(&b, "(");
    }
    expect_big("201 brackets", b.s, b.len, "LPAREN", "LPAREN ERROR(too many nested parentheses)");
    // 99 levels of indentation are fine, 100 are too many.
    for (int levels = LEX_MAX_INDENT - 1; levels <= LEX_MAX_INDENT; levels++) {
        b.len = 0;
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < i; j++) {
                buf_str(&b, " ");
            }
            buf_str(&b, "if x:\n");
        }
        for (int j = 0; j < levels; j++) {
            buf_str(&b, " ");
        }
        buf_str(&b, "pass\n");
        buf_t expect = {0};
        buf_str(&expect, "INDENT KW_PASS NEWLINE");
        for (int i = 0; i < levels; i++) {
            buf_str(&expect, " DEDENT");
        }
        buf_str(&expect, " END");
        expect_big("deep indentation", b.s, b.len, "KW_IF NAME(x) COLON NEWLINE INDENT",
                   levels < LEX_MAX_INDENT ? expect.s : "NEWLINE ERROR(too many levels of indentation)");
        free(expect.s);
    }
    free(b.s);
}

// ---------------------------------------------------------------------------
// lex_decode_escapes

static void test_decode_escapes(void) {
    char *out = NULL;
    size_t cap = 0;
    const char *error = NULL;
    size_t n = lex_decode_escapes("a\\n\\x41\\u00e9{", 14, false, &out, &cap, &error);
    check(n == 6 && memcmp(out, "a\nA\xc3\xa9{", 7) == 0 && cap >= 15, "decode str");
    n = lex_decode_escapes("\\xff\\u00e9", 10, true, &out, &cap, &error);
    check(n == 7 && memcmp(out, "\xff\\u00e9", 8) == 0, "decode bytes");
    n = lex_decode_escapes("\\x4", 3, false, &out, &cap, &error);
    check(n == (size_t)-1 && strstr(error, "truncated") != NULL, "decode error");
    n = lex_decode_escapes("abc\\", 4, false, &out, &cap, &error);
    check(n == 4 && strcmp(out, "abc\\") == 0, "trailing backslash kept");
    n = lex_decode_escapes("\xc3", 1, false, &out, &cap, &error);
    check(n == (size_t)-1, "decode bad UTF-8");
    // Growing a small buffer.
    char big[1000];
    memset(big, 'z', sizeof(big));
    n = lex_decode_escapes(big, sizeof(big), false, &out, &cap, &error);
    check(n == sizeof(big) && cap >= sizeof(big) + 1 && out[n] == '\0', "decode grows");
    n = lex_decode_escapes("", 0, false, &out, &cap, &error);
    check(n == 0 && out[0] == '\0', "decode empty");
}

// ---------------------------------------------------------------------------
// Out of memory: gc_alloc longjmps (MemoryError) and nothing breaks.

static void test_out_of_memory(void) {
    static char src[100000];
    memset(src, 'a', sizeof(src));
    src[0] = '\'';
    src[sizeof(src) - 1] = '\'';
    jmp_buf on_error;
    volatile bool raised = false;
    lexer_t lex;
    lex_init_mem(&lex, src, sizeof(src));
    gc_stub_out_of_memory = &on_error;
    gc_stub_budget = 10000;
    if (setjmp(on_error) == 0) {
        lex_next(&lex);
    } else {
        raised = true;
    }
    gc_stub_out_of_memory = NULL;
    gc_stub_budget = SIZE_MAX;
    check(raised, "MemoryError raised");
    gc_stub_free_all();
}

// ---------------------------------------------------------------------------
// Robustness: random and mutated inputs

static uint32_t rng_state = 12345;

static uint32_t rng(void) {  // xorshift32
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static bool utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i], need, cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c < 0xE0) {
            need = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c < 0xF0) {
            need = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c < 0xF5) {
            need = 3, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + need >= n) {
            return false;
        }
        for (unsigned j = 1; j <= need; j++) {
            if ((p[i + j] & 0xC0) != 0x80) {
                return false;
            }
            cp = cp << 6 | (p[i + j] & 0x3F);
        }
        static const unsigned minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += need + 1;
    }
    return true;
}

static const char *const corpus[] = {
    "def f(a, b=1, *c, d, **e):\n    \"\"\"Doc.\"\"\"\n    return a + b  # sum\n",
    "class A(B, metaclass=M):\n    x = [1, 2.5, 3j, 0x1f, 0o7, 0b1]\n    def m(self): pass\n",
    "for i in range(10):\n\tif i % 2 == 0:\n\t\tcontinue\n\telse:\n\t\tbreak\n",
    "s = 'a\\n' \"b\" r'\\d+' b'\\x00' f'{x!r:>10}' rb'x' '''multi\nline'''\n",
    "try:\n    x = {1: 'a', **d}\nexcept (E, F) as e:\n    raise\nfinally:\n    del x\n",
    "x = (1 +\n     2) \\\n    + 3\nif x >= 3 and not y or z is None: x //= 2; y **= -1\n",
    "@decorator(arg)\nasync def g():\n    async with a as b:\n        await c\n    yield from d\n",
    "lambda *args, **kw: (yield)\nwhile True:\n    if x := f(): break\n",
    "caf\xc3\xa9 = '\xe2\x82\xac' # \xf0\x9f\x98\x80\nprint(caf\xc3\xa9, end='')\n",
    "x = 1if y else 2\nz = 0x1for_ = 3\nw = 1_000.000_1e-1_0j\n",
};

static const char fragments[] = "abcxyz_019 .()[]{}:'\"#\\\n\n\t\f\r=+-*/%<>!@&|^~,;$?`rbfuRBFUjJeExXoO_\xc3\xa9";

static void lex_checked(const char *src, size_t len) {
    char *a = lex_all(src, len, MODE_MEM, false, false);
    char *b = lex_all(src, len, MODE_READER, false, false);
    if (strcmp(a, b) != 0) {
        check(false, "reader and memory differ on a random input");
    }
    free(a);
    free(b);
    free(lex_all(src, len, MODE_MEM, true, false));
    char *out = NULL;
    size_t cap = 0;
    const char *error;
    size_t n = lex_decode_escapes(src, len, (len & 1) != 0, &out, &cap, &error);
    if (n != (size_t)-1 && (len & 1) == 0 && !utf8_valid(out, n)) {
        check(false, "lex_decode_escapes gave bad UTF-8");
    }
    gc_stub_free_all();
}

static void test_random(void) {
    int before = failed;
    char src[512];
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = rng() % 200;
        bool any_byte = iter % 4 == 0;
        for (size_t i = 0; i < len; i++) {
            src[i] = any_byte ? (char)rng() : fragments[rng() % (sizeof(fragments) - 1)];
        }
        lex_checked(src, len);
    }
    for (int iter = 0; iter < 20000; iter++) {
        const char *base = corpus[rng() % (sizeof(corpus) / sizeof(corpus[0]))];
        size_t len = strlen(base);
        memcpy(src, base, len);
        for (int m = 1 + (int)(rng() % 4); m > 0; m--) {
            size_t at = len > 0 ? rng() % len : 0;
            switch (rng() % 4) {
            case 0:  // replace a byte
                if (len > 0) {
                    src[at] = rng() % 2 ? (char)rng() : fragments[rng() % (sizeof(fragments) - 1)];
                }
                break;
            case 1:  // delete a byte
                if (len > 0) {
                    memmove(src + at, src + at + 1, len - at - 1);
                    len--;
                }
                break;
            case 2:  // insert a byte
                if (len < sizeof(src) - 1) {
                    memmove(src + at + 1, src + at, len - at);
                    src[at] = fragments[rng() % (sizeof(fragments) - 1)];
                    len++;
                }
                break;
            default:  // cut the end
                len = at;
                break;
            }
        }
        lex_checked(src, len);
    }
    check(failed == before, "robustness loop");
}

static void all_freed(void) {
    gc_stub_free_all();
    check(gc_stub_live_count() == 0, "all freed");
}

int main(void) {
    // The closing line counts test groups (each makes hundreds of checks).
    void (*groups[])(void) = {test_kinds, test_table, test_decode_escapes, test_big, test_nesting_limits,
                              test_out_of_memory, test_random, all_freed};
    int groups_passed = 0, groups_failed = 0;
    for (size_t i = 0; i < sizeof(groups) / sizeof(groups[0]); i++) {
        int before = failed;
        groups[i]();
        if (failed == before) {
            groups_passed++;
        } else {
            groups_failed++;
        }
    }
    printf("lexer: %d checks passed, %d failed\n", passed, failed);
    printf("lexer: %d passed, %d failed\n", groups_passed, groups_failed);
    return failed == 0 ? 0 : 1;
}
