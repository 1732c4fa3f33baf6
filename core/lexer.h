// SPDX-License-Identifier: MIT
// The lexer: turns Python source, read a byte at a time, into tokens.
//
// One token at a time, on demand: lex_next() advances and leaves the current
// token's kind, position and payload in the lexer_t. It follows CPython 3.11's
// tokenizer (INDENT/DEDENT, implicit line joining inside brackets, number
// and string literal rules, error messages); see lexer.c for the details.
//
//     lexer_t lex;
//     lex_init_mem(&lex, src, len);
//     while (lex_next(&lex) != TOK_END && lex.kind != TOK_ERROR) { ... }
//
// The payload buffer (lex.text) comes from the GC heap and is referenced only
// from the lexer_t, so the lexer_t must be where the collector looks: on the
// C stack, or inside a scanned (non-leaf) allocation.
#ifndef ESPY_LEXER_H
#define ESPY_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// Token kinds: X(NAME_SUFFIX, "display text"). For the operators and
// delimiters (LPAREN .. AT_ASSIGN) the display text is the token's spelling,
// which is how the lexer recognises them.
#define LEX_TOKENS(X) \
    X(END, "end of input") X(ERROR, "error") X(NEWLINE, "newline") X(INDENT, "indent") X(DEDENT, "dedent") \
    X(NAME, "name") X(INT, "integer") X(FLOAT, "float") X(IMAG, "imaginary") X(STRING, "string") \
    X(BYTES, "bytes") X(FSTRING, "f-string") \
    /* keywords, in this (sorted) order */ \
    X(KW_FALSE, "False") X(KW_NONE, "None") X(KW_TRUE, "True") X(KW_AND, "and") X(KW_AS, "as") \
    X(KW_ASSERT, "assert") X(KW_ASYNC, "async") X(KW_AWAIT, "await") X(KW_BREAK, "break") \
    X(KW_CLASS, "class") X(KW_CONTINUE, "continue") X(KW_DEF, "def") X(KW_DEL, "del") \
    X(KW_ELIF, "elif") X(KW_ELSE, "else") X(KW_EXCEPT, "except") X(KW_FINALLY, "finally") \
    X(KW_FOR, "for") X(KW_FROM, "from") X(KW_GLOBAL, "global") X(KW_IF, "if") \
    X(KW_IMPORT, "import") X(KW_IN, "in") X(KW_IS, "is") X(KW_LAMBDA, "lambda") \
    X(KW_NONLOCAL, "nonlocal") X(KW_NOT, "not") X(KW_OR, "or") X(KW_PASS, "pass") \
    X(KW_RAISE, "raise") X(KW_RETURN, "return") X(KW_TRY, "try") X(KW_WHILE, "while") \
    X(KW_WITH, "with") X(KW_YIELD, "yield") \
    X(LPAREN, "(") X(RPAREN, ")") X(LBRACKET, "[") X(RBRACKET, "]") X(LBRACE, "{") X(RBRACE, "}") \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(DOT, ".") X(ELLIPSIS, "...") X(ARROW, "->") \
    X(AT, "@") X(ASSIGN, "=") X(WALRUS, ":=") \
    X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(SLASH, "/") X(DSLASH, "//") X(PERCENT, "%") \
    X(DSTAR, "**") X(AMP, "&") X(PIPE, "|") X(CARET, "^") X(TILDE, "~") X(LSHIFT, "<<") \
    X(RSHIFT, ">>") \
    X(EQ, "==") X(NE, "!=") X(LT, "<") X(GT, ">") X(LE, "<=") X(GE, ">=") \
    /* augmented assignment: same order as the binary operators PLUS..RSHIFT then AT */ \
    X(PLUS_ASSIGN, "+=") X(MINUS_ASSIGN, "-=") X(STAR_ASSIGN, "*=") X(SLASH_ASSIGN, "/=") \
    X(DSLASH_ASSIGN, "//=") X(PERCENT_ASSIGN, "%=") X(DSTAR_ASSIGN, "**=") X(AMP_ASSIGN, "&=") \
    X(PIPE_ASSIGN, "|=") X(CARET_ASSIGN, "^=") X(LSHIFT_ASSIGN, "<<=") X(RSHIFT_ASSIGN, ">>=") \
    X(AT_ASSIGN, "@=")

typedef enum {
#define X(n, s) TOK_##n,
    LEX_TOKENS(X)
#undef X
    TOK_COUNT
} tok_kind_t;

// Next byte of the source, 0..255, or -1 at the end of input (it is not
// called again after returning -1).
typedef int (*lex_reader_fn)(void *ctx);

#define LEX_MAX_INDENT 100    // indentation levels (CPython's MAXINDENT)
#define LEX_MAX_BRACKETS 200  // nested brackets (CPython's MAXLEVEL)

typedef struct lexer {
    // Read-only for the user:
    tok_kind_t kind;     // kind of the current token (after lex_next)
    uint32_t line;       // 1-based line of the current token's first character
    uint16_t col;        // 1-based column, in code points (saturates at 65535)
    char *text;          // payload, NUL-terminated, owned by the lexer, valid until the next lex_next
    size_t len;          // payload length in bytes (may contain NULs for strings/bytes)
    bool raw;            // FSTRING: the f-string had an r prefix
    bool incomplete;     // ERROR: only due to end of input (the REPL asks for more)
    const char *error;   // ERROR: the message, as CPython words it

    // Private:
    lex_reader_fn reader;  // NULL: read from mem
    void *reader_ctx;
    const char *mem;
    size_t mem_len, mem_pos;
    size_t cap;                // capacity of text
    uint32_t pos_line;         // position of lookahead[0]
    uint16_t pos_col;
    int16_t pushback;          // a byte read after '\r' that was not '\n', or -1
    int16_t lookahead[4];      // decoded characters not consumed yet ('\r\n' -> '\n'; -1: end)
    uint8_t lookahead_count;
    uint8_t indent_depth;      // index of the current level in indents[]
    uint8_t pending_dedents;
    uint8_t bracket_depth;
    uint8_t brackets[LEX_MAX_BRACKETS / 4];  // open bracket kinds, 2 bits each
    uint16_t indents[LEX_MAX_INDENT];        // columns with tabs to multiples of 8
    uint16_t alt_indents[LEX_MAX_INDENT];    // the same with tabs counted as 1
    uint8_t prev_kind;         // last token returned (for interactive mode)
    bool at_eof, started, at_bol, line_has_tokens, failed;
    bool interactive, block_seen, last_line_blank;
    char message[72];          // formatted error messages
} lexer_t;

void lex_init(lexer_t *lex, lex_reader_fn reader, void *ctx);
// Reads from memory (f-string sub-expressions, exec of strings). src must stay valid.
void lex_init_mem(lexer_t *lex, const char *src, size_t len);
// Interactive (REPL) mode: at the end of input, an input that opened a block
// (a line starting with a compound-statement keyword or '@', or ending with
// ':') and does not end with a blank line gives TOK_ERROR with incomplete set.
void lex_set_interactive(lexer_t *lex, bool interactive);
// Advances; returns lex->kind. After TOK_END it keeps returning TOK_END, and
// after TOK_ERROR it keeps returning the same error.
tok_kind_t lex_next(lexer_t *lex);
// Optional: frees the payload buffer early (lex->text becomes NULL).
void lex_deinit(lexer_t *lex);
const char *lex_kind_text(tok_kind_t kind);
// Decodes the escapes of a string literal body (the compiler uses it on the
// literal parts of f-strings): src/len is the source text, which must not
// point into *out. Writes into *out (gc-allocated, NUL-terminated, allocated
// when NULL or grown when *out_cap is too small) and returns the decoded
// length, or (size_t)-1 with *error set on a bad escape or bad UTF-8.
size_t lex_decode_escapes(const char *src, size_t len, bool is_bytes, char **out, size_t *out_cap,
                          const char **error);

#endif
