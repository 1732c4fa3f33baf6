// SPDX-License-Identifier: MIT
// libFuzzer target for core/lexer.c (built by `make -f tests/unit/lexer.mk
// fuzz-lexer` when clang is present). The first byte picks the mode
// (interactive, reader or memory input); the rest is the source. Checks the
// same invariants as the unit test's robustness loop, by aborting.
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gc_stub.h"
#include "lexer.h"

typedef struct {
    const uint8_t *data;
    size_t len, pos;
} input_t;

static int read_one(void *ctx) {
    input_t *in = ctx;
    return in->pos < in->len ? in->data[in->pos++] : -1;
}

static void require(bool ok) {
    if (!ok) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) {
        return 0;
    }
    uint8_t mode = data[0];
    input_t in = {data + 1, size - 1, 0};
    lexer_t lex;
    if (mode & 2) {
        lex_init(&lex, read_one, &in);
    } else {
        lex_init_mem(&lex, (const char *)in.data, in.len);
    }
    lex_set_interactive(&lex, (mode & 1) != 0);
    size_t limit = 3 * in.len + 2 * LEX_MAX_INDENT + 10;
    for (size_t count = 0;; count++) {
        tok_kind_t kind = lex_next(&lex);
        require(count <= limit && (unsigned)kind < TOK_COUNT && lex.text[lex.len] == '\0');
        require(kind != TOK_ERROR || (lex.error != NULL && lex.error[0] != '\0'));
        if (kind == TOK_END || kind == TOK_ERROR) {
            require(lex_next(&lex) == kind);
            break;
        }
    }
    char *out = NULL;
    size_t cap = 0;
    const char *error;
    size_t n = lex_decode_escapes((const char *)in.data, in.len, (mode & 4) != 0, &out, &cap, &error);
    require(n == (size_t)-1 || (n <= in.len && out[n] == '\0'));
    gc_stub_free_all();
    return 0;
}
