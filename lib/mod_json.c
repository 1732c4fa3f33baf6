// SPDX-License-Identifier: MIT
// The json module (also ujson): dumps, dump, loads and load, with the
// arguments MicroPython's take (the keyword separators for dumps and dump).
//
// Output follows CPython's, but for one choice MicroPython makes: text
// beyond ASCII is written as UTF-8, not as \uXXXX escapes (CPython's
// ensure_ascii=False). Infinities and NaN are written as CPython writes
// them (Infinity, NaN). Writing does not recurse: nesting is bounded by
// the heap, and a container inside itself is CPython's ValueError.
//
// Reading is CPython's strict grammar, where MicroPython's parser accepts
// much that is not JSON, and errors are ValueErrors with CPython's
// messages and positions ("Expecting value: line 1 column 5 (char 4)";
// CPython raises json.JSONDecodeError, a ValueError). It does not recurse:
// the containers being filled are kept in a list on the heap, so nesting is
// bounded by memory only. load() reads a stream in pieces through a small
// buffer that holds only the token being read. The one place espy differs:
// a \uXXXX escape of an unpaired surrogate is an error, as espy's strings
// hold only well-formed UTF-8.
#include <math.h>
#include <string.h>

#include "bigint.h"
#include "stream.h"
#include "strimpl.h"
#include "type.h"

// ---- writing -------------------------------------------------------------------

typedef struct writer {
    print_t out;
    const char *item_sep, *key_sep;
    size_t item_sep_len, key_sep_len;
} writer_t;

static void put(writer_t *w, const char *s, size_t len) {
    w->out.write(w->out.ctx, s, len);
}

// A str as a JSON string: quotes, backslashes and control characters
// escaped; everything else as it is. Runs are written between escapes,
// so every write holds whole UTF-8 sequences.
static void write_string(writer_t *w, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    put(w, "\"", 1);
    const char *run = s, *end = s + len;
    for (; s < end; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        put(w, run, (size_t)(s - run));
        run = s + 1;
        char esc[6] = {'\\', (char)c, 0, 0, 0, 0};
        size_t n = 2;
        switch (c) {
            case '"': case '\\': break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            default:
                memcpy(esc + 1, "u00", 3);
                esc[4] = hex[c >> 4];
                esc[5] = hex[c & 15];
                n = 6;
                break;
        }
        put(w, esc, n);
    }
    put(w, run, (size_t)(end - run));
    put(w, "\"", 1);
}

static void write_float(writer_t *w, double d) {
    if (isnan(d)) {
        put(w, "NaN", 3);
    } else if (isinf(d)) {
        put(w, d > 0 ? "Infinity" : "-Infinity", d > 0 ? 8 : 9);
    } else {
        obj_print(&w->out, float_new(d), PRINT_REPR);
    }
}

// None, True, False, an int or a float; false for any other value.
static bool write_simple(writer_t *w, value_t v) {
    if (v == VAL_NONE || VAL_IS_BOOL(v)) {
        put(w, v == VAL_NONE ? "null" : v == VAL_TRUE ? "true" : "false", v == VAL_FALSE ? 5 : 4);
    } else if (value_is_int(v)) {
        obj_print(&w->out, v, PRINT_REPR);
    } else if (OBJ_TYPE_IS(v, &type_float)) {
        write_float(w, float_value(v));
    } else {
        return false;
    }
    return true;
}

// A dict key: a str, or a simple value written as a str.
static void write_key(writer_t *w, value_t k) {
    size_t len;
    const char *s = str_data(k, &len);
    if (s != NULL) {
        write_string(w, s, len);
        return;
    }
    put(w, "\"", 1);
    if (!write_simple(w, k)) {
        raise_fmt(&type_TypeError, "keys must be str, int, float, bool or None, not %T", k);
    }
    put(w, "\"", 1);
}

static void write_scalar(writer_t *w, value_t v) {
    size_t len;
    const char *s = str_data(v, &len);
    if (s != NULL) {
        write_string(w, s, len);
    } else if (!write_simple(w, v)) {
        raise_fmt(&type_TypeError, "Object of type %T is not JSON serializable", v);
    }
}

// The containers being written, innermost last, are kept in a list, two
// items each: the list, tuple or dict, and its state: for a sequence the
// index of the next item, for a dict the map position of the next entry
// shifted left once, the low bit set once an entry is written. A
// container already in the list is inside itself.
static value_t open_container(writer_t *w, value_t stack, value_t c, const char *bracket) {
    if (stack == VAL_NULL) {
        stack = list_new(0, NULL);
    }
    list_obj_t *l = VAL_PTR(stack);
    for (size_t i = 0; i < l->len; i += 2) {
        if (l->items[i] == c) {
            raise_msg(&type_ValueError, "Circular reference detected");
        }
    }
    put(w, bracket, 1);
    list_append(stack, c);
    list_append(stack, SMALL(0));
    return stack;
}

// The next value of the innermost open container, after the separator
// (and for a dict the key) before it; containers that have no more are
// closed. VAL_NULL when every container is closed.
static value_t next_item(writer_t *w, value_t stack) {
    list_obj_t *l = VAL_PTR(stack);
    while (l->len > 0) {
        value_t c = l->items[l->len - 2];
        size_t state = (size_t)SMALL_VALUE(l->items[l->len - 1]);
        bool is_seq = OBJ_TYPE_IS(c, &type_list) || OBJ_TYPE_IS(c, &type_tuple);
        value_t item = VAL_NULL, key = VAL_NULL;
        bool first;
        // The items are fetched again each time: writing to a stream may
        // run Python code that changes the container.
        if (is_seq) {
            size_t len;
            value_t *items = seq_items(c, &len);
            if (state < len) {
                item = items[state];
            }
            first = state == 0;
            state++;
        } else {
            size_t pos = state >> 1;
            map_entry_t *e = map_next(dict_map(c), &pos);
            if (e != NULL) {
                key = e->key;
                item = e->value;
            }
            first = (state & 1) == 0;
            state = pos << 1 | 1;
        }
        if (item != VAL_NULL) {
            l->items[l->len - 1] = SMALL(state);
            if (!first) {
                put(w, w->item_sep, w->item_sep_len);
            }
            if (!is_seq) {
                write_key(w, key);
                put(w, w->key_sep, w->key_sep_len);
            }
            return item;
        }
        put(w, is_seq ? "]" : "}", 1);
        l->items[--l->len] = VAL_NULL;
        l->items[--l->len] = VAL_NULL;
    }
    return VAL_NULL;
}

// Writes v without recursion, so nesting is bounded by the heap only.
static void write_value(writer_t *w, value_t v) {
    value_t stack = VAL_NULL;
    do {
        // An instance of a class derived from a builtin type is written as
        // that type's value.
        if (VAL_IS_OBJ(v) && type_is_heap(OBJ(v)->type)) {
            value_t native = class_native_value(v);
            v = native != VAL_NULL ? native : v;
        }
        void *dict = obj_native_maybe(v, &type_dict);
        if (OBJ_TYPE_IS(v, &type_list) || OBJ_TYPE_IS(v, &type_tuple)) {
            stack = open_container(w, stack, v, "[");
        } else if (dict != NULL) {
            stack = open_container(w, stack, PTR_VAL(dict), "{");
        } else {
            write_scalar(w, v);
            if (stack == VAL_NULL) {
                return;
            }
        }
        v = next_item(w, stack);
    } while (v != VAL_NULL);
}

// separators=(item_separator, key_separator), or None for (", ", ": ").
static void writer_init(writer_t *w, print_t out, value_t separators) {
    w->out = out;
    w->item_sep = ", ";
    w->key_sep = ": ";
    w->item_sep_len = w->key_sep_len = 2;
    if (separators == VAL_NULL || separators == VAL_NONE) {
        return;
    }
    size_t n;
    value_t *items = seq_items(tuple_from_iter(separators), &n);
    if (n != 2) {
        raise_fmt(&type_ValueError, n < 2 ? "not enough values to unpack (expected 2, got %u)"
                                          : "too many values to unpack (expected 2)", (unsigned)n);
    }
    w->item_sep = str_arg(items[0], &w->item_sep_len);
    w->key_sep = str_arg(items[1], &w->key_sep_len);
}

static value_t separators_arg(size_t n_args, size_t n_kw, const value_t *args, qstr_t fn) {
    static const qstr_t allowed[] = {Q_separators, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, fn);
    return arg_kw(n_args, n_kw, args, Q_separators);
}

// dumps(obj, *, separators=None)
static value_t json_dumps(size_t n_args, size_t n_kw, const value_t *args) {
    value_t separators = separators_arg(n_args, n_kw, args, Q_dumps);
    vstr_t vs;
    vstr_init(&vs, 16);
    writer_t w;
    writer_init(&w, vstr_printer(&vs), separators);
    write_value(&w, args[0]);
    return str_from_vstr(&vs);
}
static BUILTIN_FN(json_dumps_obj, Q_dumps, 1, 1, true, json_dumps);

// dump() collects the text in a small buffer and writes it to the stream
// when the buffer is full.
typedef struct dump_buffer {
    value_t stream;
    size_t len;
    char data[128];
} dump_buffer_t;

static void dump_flush(dump_buffer_t *b) {
    if (b->len > 0) {
        stream_write_to(b->stream, b->data, b->len);
        b->len = 0;
    }
}

static void dump_write(void *ctx, const char *data, size_t len) {
    dump_buffer_t *b = ctx;
    if (b->len + len > sizeof(b->data)) {
        dump_flush(b);
        if (len > sizeof(b->data)) {
            stream_write_to(b->stream, data, len);
            return;
        }
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
}

// dump(obj, stream, *, separators=None)
static value_t json_dump(size_t n_args, size_t n_kw, const value_t *args) {
    value_t separators = separators_arg(n_args, n_kw, args, Q_dump);
    dump_buffer_t b = {args[1], 0, {0}};
    writer_t w;
    writer_init(&w, (print_t){&b, dump_write}, separators);
    write_value(&w, args[0]);
    dump_flush(&b);
    return VAL_NONE;
}
static BUILTIN_FN(json_dump_obj, Q_dump, 2, 2, true, json_dump);

// ---- reading: the input --------------------------------------------------------------

// A position in the text, for messages: code points before it, and the
// lines before it with the index of the first code point of its line.
typedef struct text_pos {
    size_t chars, lines, line_start;
} text_pos_t;

// The input is a window of bytes: the whole text for loads(), or for a
// stream a buffer that is refilled as the parser asks for bytes, keeping
// those of the token being read (from `mark` on).
typedef struct reader {
    const uint8_t *p, *end;      // the unread bytes of the window
    const uint8_t *mark;         // the start of the token being read
    value_t stream;              // VAL_NULL when the window is the whole text
    uint8_t *buf;                // the stream's window
    size_t alloc;
    bool eof;
    bool check_utf8;             // strings must be checked (the text was not)
    const uint8_t *counted;      // the bytes before this are counted in `pos`
    text_pos_t pos;
} reader_t;

// Counts the text up to q (at or after r->counted) into r->pos.
static text_pos_t pos_at(reader_t *r, const uint8_t *q) {
    for (const uint8_t *s = r->counted; s < q; s++) {
        if (UTF8_IS_CONT(*s)) {
            continue;
        }
        if (*s == '\n') {
            r->pos.lines++;
            r->pos.line_start = r->pos.chars + 1;
        }
        r->pos.chars++;
    }
    r->counted = q;
    return r->pos;
}

static _Noreturn void error_at_pos(const char *msg, text_pos_t pos) {
    raise_fmt(&type_ValueError, "%s: line %u column %u (char %u)", msg, (unsigned)(pos.lines + 1),
              (unsigned)(pos.chars - pos.line_start + 1), (unsigned)pos.chars);
}

static _Noreturn void error_at(reader_t *r, const char *msg, const uint8_t *at) {
    error_at_pos(msg, pos_at(r, at));
}

// Reads more of the stream into the window, keeping the bytes from mark
// on; false at the end of the stream.
static bool fill(reader_t *r) {
    if (r->stream == VAL_NULL || r->eof) {
        return false;
    }
    pos_at(r, r->mark);
    size_t keep = (size_t)(r->end - r->mark), done = (size_t)(r->p - r->mark);
    memmove(r->buf, r->mark, keep);
    if (r->alloc - keep < 64) {
        r->alloc *= 2;
        r->buf = gc_realloc(r->buf, r->alloc);
    }
    r->mark = r->counted = r->buf;
    r->p = r->buf + done;
    r->end = r->buf + keep;
    int err;
    intptr_t n = stream_read_some(r->stream, r->buf + keep, r->alloc - keep, &err);
    if (n == STREAM_ERROR) {
        raise_os_error(err);
    }
    if (n == 0) {
        r->eof = true;
        return false;
    }
    r->end += n;
    return true;
}

// The byte i places after r->p, or -1 past the end of the text. The window
// may move, so the token is addressed from r->p.
static inline int peek(reader_t *r, size_t i) {
    while ((size_t)(r->end - r->p) <= i) {
        if (!fill(r)) {
            return -1;
        }
    }
    return r->p[i];
}

// Skips whitespace and starts a token: its first byte, or -1 at the end.
static int next_token(reader_t *r) {
    for (;;) {
        while (r->p < r->end) {
            uint8_t c = *r->p;
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                r->mark = r->p;
                return c;
            }
            r->p++;
        }
        r->mark = r->p;
        if (!fill(r)) {
            return -1;
        }
    }
}

// ---- reading: tokens ---------------------------------------------------------------------

static int hex4(reader_t *r, size_t i) {
    int v = 0;
    for (size_t k = i; k < i + 4; k++) {
        int c = peek(r, k), d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            d = (c | 0x20) - 'a' + 10;
        } else {
            return -1;
        }
        v = v << 4 | d;
    }
    return v;
}

// An escape at r->p (a backslash), appended to vs. CPython's rules: \u
// needs its four digits and one more character; a high surrogate joins
// a following \u escape of a low one.
static void read_escape(reader_t *r, vstr_t *vs, text_pos_t start) {
    r->mark = r->p;
    int c = peek(r, 1);
    if (c < 0) {
        error_at_pos("Unterminated string starting at", start);
    }
    if (c != 'u') {
        static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
        const char *at = memchr(from, c, 8);
        if (at == NULL) {
            error_at(r, "Invalid \\escape", r->p);
        }
        vstr_add_char(vs, to[at - from]);
        r->p += 2;
        return;
    }
    int cp;
    if (peek(r, 6) < 0 || (cp = hex4(r, 2)) < 0) {
        error_at(r, "Invalid \\uXXXX escape", r->p + 1);
    }
    size_t used = 6;
    if (cp >= 0xD800 && cp < 0xDC00 && peek(r, 12) >= 0 && peek(r, 6) == '\\' && peek(r, 7) == 'u') {
        int low = hex4(r, 8);
        if (low < 0) {
            error_at(r, "Invalid \\uXXXX escape", r->p + 7);
        }
        if (low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            used = 12;
        }
    }
    if (cp >= 0xD800 && cp < 0xE000) {
        error_at(r, "Unpaired surrogate in \\uXXXX escape", r->p + 1);
    }
    vstr_add_utf8(vs, (uint32_t)cp);
    r->p += used;
}

static text_pos_t string_start(reader_t *r, const uint8_t *quote, text_pos_t counted) {
    return r->stream != VAL_NULL ? counted : pos_at(r, quote);
}

// The str of a string token at r->p (its opening quote). A string without
// escapes inside the window is made straight from it.
static value_t read_string(reader_t *r) {
    const uint8_t *quote = r->p;
    // Where the string starts, for messages: a stream's window moves on,
    // so its position is counted now; a whole text's only if needed.
    text_pos_t start = r->stream != VAL_NULL ? pos_at(r, quote) : (text_pos_t){0, 0, 0};
    r->p++;
    // vs collects the string once an escape or the end of the window
    // interrupts it.
    vstr_t vs = {NULL, 0, 0};
    for (;;) {
        const uint8_t *s = r->p, *end = r->end;
        size_t chars = 0;
        while (s < end && *s != '"' && *s != '\\' && *s >= 0x20) {
            chars += !UTF8_IS_CONT(*s);
            s++;
        }
        if (s < end && *s == '"' && vs.buf == NULL) {
            size_t len = (size_t)(s - r->p);
            if (r->check_utf8) {
                size_t bad, badlen;
                if (!utf8_check((const char *)r->p, len, &bad, &badlen)) {
                    str_decode_utf8((const char *)r->p, len, VAL_NULL);   // raises UnicodeError
                }
            }
            value_t v = str_new_len((const char *)r->p, len, chars);
            r->p = s + 1;
            return v;
        }
        if (vs.buf == NULL) {
            vstr_init(&vs, (size_t)(s - r->p) + 16);
        }
        vstr_add_strn(&vs, (const char *)r->p, (size_t)(s - r->p));
        r->p = s;
        if (s == end) {
            r->mark = r->p;
            if (!fill(r)) {
                error_at_pos("Unterminated string starting at", string_start(r, quote, start));
            }
        } else if (*s == '"') {
            break;
        } else if (*s == '\\') {
            read_escape(r, &vs, string_start(r, quote, start));
        } else {
            error_at(r, "Invalid control character at", s);
        }
    }
    r->p++;
    if (r->check_utf8) {
        size_t bad, badlen;
        if (!utf8_check(vs.buf, vs.len, &bad, &badlen)) {
            str_decode_utf8(vs.buf, vs.len, VAL_NULL);
        }
    }
    return str_from_vstr(&vs);
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

// A number at r->p, or VAL_NULL when there is none (CPython's grammar:
// no leading zeros or '+', digits on both sides of a point; an 'e' not
// followed by digits ends the number before it).
static value_t read_number(reader_t *r) {
    size_t i = peek(r, 0) == '-' ? 1 : 0;
    int c = peek(r, i);
    if (c == '0') {
        i++;
    } else if (c >= '1' && c <= '9') {
        while (is_digit(peek(r, ++i))) {
        }
    } else {
        return VAL_NULL;
    }
    bool is_float = false;
    if (peek(r, i) == '.' && is_digit(peek(r, i + 1))) {
        is_float = true;
        for (i += 2; is_digit(peek(r, i)); i++) {
        }
    }
    if ((peek(r, i) | 0x20) == 'e') {
        size_t j = i + 1;
        if (peek(r, j) == '+' || peek(r, j) == '-') {
            j++;
        }
        if (is_digit(peek(r, j))) {
            is_float = true;
            for (i = j + 1; is_digit(peek(r, i)); i++) {
            }
        }
    }
    const char *text = (const char *)r->p;
    r->p += i;
    if (!is_float) {
        return int_from_str(text, i, 10);
    }
    double d;
    fconv_parse(text, i, &d);
    return float_new(d);
}

// Whether the text at r->p starts with word (which is then skipped).
static bool read_word(reader_t *r, const char *word) {
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++) {
        if (peek(r, i) != (unsigned char)word[i]) {
            return false;
        }
    }
    r->p += n;
    return true;
}

// A value other than a container at r->p: VAL_NULL when there is none.
static value_t read_scalar(reader_t *r, int c) {
    switch (c) {
        case '"': return read_string(r);
        case 'n': return read_word(r, "null") ? VAL_NONE : VAL_NULL;
        case 't': return read_word(r, "true") ? VAL_TRUE : VAL_NULL;
        case 'f': return read_word(r, "false") ? VAL_FALSE : VAL_NULL;
        case 'N': return read_word(r, "NaN") ? float_new(NAN) : VAL_NULL;
        case 'I': return read_word(r, "Infinity") ? float_new(INFINITY) : VAL_NULL;
        case '-':
            if (read_word(r, "-Infinity")) {
                return float_new(-INFINITY);
            }
            return read_number(r);
        default: return read_number(r);
    }
}

// ---- reading: the grammar --------------------------------------------------------------

// The containers being filled, innermost last, are kept in a list; a
// dict is followed by the key waiting for its value (None until it is
// read). Keys are strs, so the last item tells which kind is innermost.
static void push(value_t stack, value_t container) {
    list_append(stack, container);
    if (!OBJ_TYPE_IS(container, &type_list)) {
        list_append(stack, VAL_NONE);
    }
}

static value_t pop(value_t stack) {
    list_obj_t *l = VAL_PTR(stack);
    if (!OBJ_TYPE_IS(l->items[l->len - 1], &type_list)) {
        l->items[--l->len] = VAL_NULL;
    }
    value_t container = l->items[--l->len];
    l->items[l->len] = VAL_NULL;
    return container;
}

// After a '{' or a ',' in an object: the key, and the ':' after it.
static void read_key(reader_t *r, value_t stack) {
    if (next_token(r) != '"') {
        error_at(r, "Expecting property name enclosed in double quotes", r->p);
    }
    value_t key = read_string(r);
    list_obj_t *l = VAL_PTR(stack);
    l->items[l->len - 1] = key;
    if (next_token(r) != ':') {
        error_at(r, "Expecting ':' delimiter", r->p);
    }
    r->p++;
}

static value_t parse(reader_t *r) {
    value_t stack = VAL_NULL;
    for (;;) {
        // A value is expected.
        int c = next_token(r);
        value_t v;
        if (c == '[' || c == '{') {
            r->p++;
            if (stack == VAL_NULL) {
                stack = list_new(0, NULL);
            }
            push(stack, c == '[' ? list_new(0, NULL) : dict_new(0));
            if (next_token(r) != (c == '[' ? ']' : '}')) {
                if (c == '{') {
                    read_key(r, stack);
                }
                continue;
            }
            r->p++;
            v = pop(stack);
        } else if ((v = read_scalar(r, c)) == VAL_NULL) {
            error_at(r, "Expecting value", r->mark);
        }
        // A value was read: it goes into the innermost container, and
        // every container it closes goes into the one around it.
        for (;;) {
            if (stack == VAL_NULL || ((list_obj_t *)VAL_PTR(stack))->len == 0) {
                if (next_token(r) >= 0) {
                    error_at(r, "Extra data", r->p);
                }
                return v;
            }
            list_obj_t *l = VAL_PTR(stack);
            value_t top = l->items[l->len - 1];
            bool is_list = OBJ_TYPE_IS(top, &type_list);
            if (is_list) {
                list_append(top, v);
            } else {
                dict_store(l->items[l->len - 2], top, v);
            }
            c = next_token(r);
            if (c == ',') {
                r->p++;
                if (!is_list) {
                    read_key(r, stack);
                }
                break;
            }
            if (c != (is_list ? ']' : '}')) {
                error_at(r, "Expecting ',' delimiter", r->p);
            }
            r->p++;
            v = pop(stack);
        }
    }
}

// A UTF-8 byte order mark: skipped at the start of bytes, an error at the
// start of a str, as in CPython.
static void skip_bom(reader_t *r, bool is_text) {
    if (peek(r, 0) != 0xEF || peek(r, 1) != 0xBB || peek(r, 2) != 0xBF) {
        return;
    }
    if (is_text) {
        raise_msg(&type_ValueError, "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
    }
    r->p += 3;
    r->mark = r->counted = r->p;
}

// loads(text): text is a str, bytes or bytearray.
static value_t json_loads(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_data(args[0], &len);
    bool is_text = s != NULL;
    if (!is_text) {
        buffer_info_t info;
        if (!(value_is_bytes(args[0]) || OBJ_TYPE_IS(args[0], &type_bytearray))
            || !obj_get_buffer(args[0], &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "the JSON object must be str, bytes or bytearray, not %T", args[0]);
        }
        s = info.buf;
        len = info.len;
        size_t bad, badlen;
        if (!utf8_check(s, len, &bad, &badlen)) {
            str_decode_utf8(s, len, VAL_NULL);   // raises UnicodeError
        }
    }
    reader_t r = {0};
    r.p = r.mark = r.counted = (const uint8_t *)s;
    r.end = r.p + len;
    r.stream = VAL_NULL;
    skip_bom(&r, is_text);
    return parse(&r);
}
static BUILTIN_FN(json_loads_obj, Q_loads, 1, 1, false, json_loads);

// load(stream): a stream is read in pieces; any other object with a read()
// method is read at once, as CPython does.
static value_t json_load(size_t n_args, size_t n_kw, const value_t *args) {
    value_t s = args[0];
    const stream_p_t *p = stream_get_maybe(&s);
    if (p == NULL || p->read == NULL) {
        value_t text = call_method(args[0], Q_read, 0, NULL);
        return json_loads(1, 0, &text);
    }
    reader_t r = {0};
    r.stream = s;
    r.check_utf8 = true;
    r.alloc = 128;
    r.buf = gc_alloc(r.alloc, GC_LEAF);
    r.p = r.end = r.mark = r.counted = r.buf;
    skip_bom(&r, p->is_text);
    return parse(&r);
}
static BUILTIN_FN(json_load_obj, Q_load, 1, 1, false, json_load);

static const map_entry_t json_table[] = {
    {QSTR(Q___name__), QSTR(Q_json)},
    {QSTR(Q_dump), PTR_VAL(&json_dump_obj)},
    {QSTR(Q_dumps), PTR_VAL(&json_dumps_obj)},
    {QSTR(Q_load), PTR_VAL(&json_load_obj)},
    {QSTR(Q_loads), PTR_VAL(&json_loads_obj)},
};
MODULE_ROM(json_module, Q_json, json_table);
ESPY_MODULE(json, json_module);
ESPY_MODULE(ujson, json_module);
