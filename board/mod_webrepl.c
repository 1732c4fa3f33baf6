// SPDX-License-Identifier: MIT
// _webrepl, as the port's (MicroPython's extmod/modwebrepl.c): the stream
// webrepl.py attaches to os.dupterm slot 0 for a WebREPL client, over a
// websocket.websocket (lib/mod_websocket.c). Byte for byte as
// shared/spec/webrepl-protocol.md, sections 4 to 6:
//
// - _webrepl(ws) sends "Password: "; what the client types (text or binary
//   frames, 10 bytes kept) up to CR or LF is compared with the password:
//   "\r\nWebREPL connected\r\n>>> " and the session starts, or "\r\nAccess
//   denied\r\n", and the stream ends DENY_MS later (a client cannot try
//   passwords fast). Until then nothing of the REPL goes out and nothing
//   typed reaches it; a client that does not log in within LOGIN_MS is
//   dropped, so that it cannot hold the one WebREPL slot.
// - Then text frames are the terminal: read returns their bytes.
// - Binary frames are the file protocol, handled inside read: 82-byte
//   "WA" records (put, get, version), "WB" answers, the file's data. A
//   file that cannot be opened, a name without its NUL, an unknown request
//   raise, which ends the session (os.dupterm detaches the stream).
//
// Never more than a 256-byte chunk of a file is held (on the C stack);
// a session costs the two small objects and the websocket's.
//
// _webrepl.listen(sock, handler) has handler(sock) called when a
// connection waits on the listening socket, as the port's socket option
// 20 does (board/console.c watches it whenever the console polls).
#include <string.h>

#include "console.h"
#include "exc.h"
#include "stream.h"
#include "unicode.h"
#include "vfs.h"
#include "websocket.h"

#define PASSWORD_MAX 9
#define TYPED_MAX 10                // bytes of the password line kept
#define LOGIN_MS 60000
#define DENY_MS 2000
#define RECORD_SIZE 82              // "WA", type, flags, offset:8, size:4, name length:2, name:64
#define NAME_OFFSET 18
#define NAME_SIZE 64
#define CHUNK 256

enum { PUT_FILE = 1, GET_FILE = 2, GET_VER = 3 };
enum { ST_PASSWORD, ST_DENIED, ST_NORMAL, ST_CLOSED };

typedef struct webrepl_obj {
    obj_t base;
    value_t ws;
    value_t file;                   // the file being transferred, else VAL_NULL
    uint32_t data_left;             // PUT: bytes still to come; GET: 1
    uint32_t since;                 // ticks_ms of the connection, then of a refusal
    uint8_t state;
    uint8_t op;                     // the transfer going on (PUT_FILE, GET_FILE), else 0
    uint8_t record_len;             // bytes of the WA record (while logging in: of the password)
    uint8_t record[RECORD_SIZE];
} webrepl_obj_t;

extern const type_t type_webrepl;

static struct {
    char text[PASSWORD_MAX];
    uint8_t len;                    // 0: not set, nobody logs in
} password;

static webrepl_obj_t *webrepl_self(value_t v) {
    return obj_native(v, &type_webrepl);
}

static void send(webrepl_obj_t *w, const void *data, size_t len, int kind) {
    websocket_send(w->ws, data, len, kind);
}

static void send_text(webrepl_obj_t *w, const char *s) {
    send(w, s, strlen(s), WEBSOCKET_TEXT);
}

static void send_status(webrepl_obj_t *w) {
    static const uint8_t ok[4] = {'W', 'B', 0, 0};
    send(w, ok, sizeof(ok), WEBSOCKET_BINARY);
}

// One read of the websocket (after websocket_next_kind said what comes).
static intptr_t ws_read(webrepl_obj_t *w, void *buf, size_t size, int *err) {
    value_t ws = w->ws;
    const stream_p_t *p = stream_get(&ws, STREAM_OP_READ);
    *err = 0;
    return p->read(ws, buf, size, err);
}

// ---- logging in -------------------------------------------------------------------------

// Compares in a time that does not depend on where the texts differ.
static bool password_matches(const uint8_t *typed, size_t len) {
    if (password.len == 0 || len != password.len) {
        return false;
    }
    uint8_t diff = 0;
    for (size_t i = 0; i < len; i++) {
        diff |= (uint8_t)(typed[i] ^ (uint8_t)password.text[i]);
    }
    return diff == 0;
}

static void login_byte(webrepl_obj_t *w, uint8_t c) {
    if (c != '\r' && c != '\n') {
        if (w->record_len < TYPED_MAX) {
            w->record[w->record_len++] = c;
        }
        return;
    }
    bool ok = password_matches(w->record, w->record_len);
    memset(w->record, 0, sizeof(w->record));
    w->record_len = 0;
    if (ok) {
        w->state = ST_NORMAL;
        send_text(w, "\r\nWebREPL connected\r\n>>> ");
    } else {
        w->state = ST_DENIED;
        w->since = hal_ticks_ms();
        send_text(w, "\r\nAccess denied\r\n");
    }
}

// ---- file transfer ------------------------------------------------------------------------

static uint32_t le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void finish_transfer(webrepl_obj_t *w) {
    value_t file = w->file;
    w->file = VAL_NULL;
    w->op = 0;
    stream_close(file);
    send_status(w);
}

// A complete WA record: starts what it asks for.
static void start_request(webrepl_obj_t *w) {
    const uint8_t *r = w->record;
    w->record_len = 0;
    if (r[2] == GET_VER) {
        static const uint8_t version[3] = {1, 24, 0};       // sys.implementation.version
        send(w, version, sizeof(version), WEBSOCKET_BINARY);
        return;
    }
    if (r[2] != PUT_FILE && r[2] != GET_FILE) {
        raise_fmt(&type_ValueError, "WebREPL: unknown request %d", (int)r[2]);
    }
    const uint8_t *end = memchr(r + NAME_OFFSET, 0, NAME_SIZE);
    if (end == NULL) {
        raise_os_error(ESPY_ENAMETOOLONG);
    }
    value_t open_args[2] = {str_new((const char *)r + NAME_OFFSET, (size_t)(end - (r + NAME_OFFSET))),
                            r[2] == PUT_FILE ? QSTR(Q_wb) : QSTR(Q_rb)};
    w->file = call_function(PTR_VAL(&vfs_open_obj), 2, 0, open_args);
    w->op = r[2];
    w->data_left = r[2] == PUT_FILE ? le32(r + 12) : 1;
    send_status(w);
    if (w->op == PUT_FILE && w->data_left == 0) {
        finish_transfer(w);
    }
}

// Some binary bytes: part of a record, a file's data, a chunk request.
// Returns what the websocket's read gave (> 0 progress, 0 end, STREAM_ERROR).
static intptr_t transfer(webrepl_obj_t *w, int *err) {
    if (w->op == 0) {
        intptr_t n = ws_read(w, w->record + w->record_len, RECORD_SIZE - w->record_len, err);
        if (n > 0) {
            w->record_len = (uint8_t)(w->record_len + n);
            if (w->record_len == RECORD_SIZE) {
                start_request(w);
            }
        }
        return n;
    }
    uint8_t chunk[2 + CHUNK];
    if (w->op == PUT_FILE) {
        intptr_t n = ws_read(w, chunk, w->data_left < CHUNK ? w->data_left : CHUNK, err);
        if (n > 0) {
            stream_write_all(w->file, chunk, (size_t)n);
            w->data_left -= (uint32_t)n;
            if (w->data_left == 0) {
                finish_transfer(w);
            }
        }
        return n;
    }
    // GET: each byte asks for the next chunk (uint16 length, then the data).
    intptr_t n = ws_read(w, chunk, 1, err);
    if (n <= 0) {
        return n;
    }
    size_t got = stream_read_full(w->file, chunk + 2, CHUNK);
    chunk[0] = (uint8_t)got;
    chunk[1] = (uint8_t)(got >> 8);
    send(w, chunk, 2 + got, WEBSOCKET_BINARY);
    if (got == 0) {
        finish_transfer(w);
    }
    return n;
}

// ---- the stream ---------------------------------------------------------------------------

static intptr_t webrepl_read(value_t self, void *buf, size_t size, int *err) {
    webrepl_obj_t *w = webrepl_self(self);
    for (;;) {
        if (w->state == ST_CLOSED) {
            return 0;
        }
        if (w->state != ST_NORMAL && hal_ticks_ms() - w->since >= (w->state == ST_DENIED ? DENY_MS : LOGIN_MS)) {
            w->state = ST_CLOSED;
            return 0;
        }
        if (w->state == ST_DENIED) {
            *err = ESPY_EAGAIN;
            return STREAM_ERROR;
        }
        intptr_t kind = websocket_next_kind(w->ws, err);
        if (kind <= 0) {
            return kind;
        }
        if (w->state == ST_PASSWORD) {
            uint8_t c;
            intptr_t n = ws_read(w, &c, 1, err);
            if (n <= 0) {
                return n;
            }
            login_byte(w, c);
            continue;
        }
        if (kind == WEBSOCKET_TEXT) {
            return ws_read(w, buf, size, err);
        }
        intptr_t n = transfer(w, err);
        if (n <= 0) {
            return n;
        }
    }
}

// Text frames of at most 65535 bytes, cut between characters: 0 or an errno value.
static int send_terminal(webrepl_obj_t *w, const char *data, size_t len) {
    value_t ws = w->ws;
    const stream_p_t *p = stream_get(&ws, STREAM_OP_WRITE);
    while (len > 0) {
        size_t n = len;
        if (n > 0xFFFF) {
            n = 0xFFFF;
            while (n > 0xFFF0 && UTF8_IS_CONT(data[n])) {
                n--;
            }
        }
        int err = 0;
        if (p->write(ws, data, n, &err) == STREAM_ERROR) {
            return err;
        }
        data += n;
        len -= n;
    }
    return 0;
}

// The REPL's output, once logged in; before, it is dropped. A text frame
// must be UTF-8 (a browser closes the connection otherwise): bytes that
// are not (the raw-paste window size, a cut character) go as U+FFFD.
static intptr_t webrepl_write(value_t self, const void *buf, size_t size, int *err) {
    webrepl_obj_t *w = webrepl_self(self);
    if (w->state != ST_NORMAL) {
        return (intptr_t)size;
    }
    const char *p = buf;
    size_t left = size, bad, badlen;
    int r = 0;
    while (r == 0 && left > 0 && !utf8_check(p, left, &bad, &badlen)) {
        r = send_terminal(w, p, bad);
        if (r == 0) {
            r = send_terminal(w, "\xEF\xBF\xBD", 3);
        }
        p += bad + badlen;
        left -= bad + badlen;
    }
    if (r == 0) {
        r = send_terminal(w, p, left);
    }
    if (r != 0) {
        *err = r;
        return STREAM_ERROR;
    }
    return (intptr_t)size;
}

static intptr_t webrepl_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    webrepl_obj_t *w = webrepl_self(self);
    if (request == STREAM_CLOSE) {
        w->state = ST_CLOSED;
        value_t file = w->file;
        w->file = VAL_NULL;
        w->op = 0;
        if (file != VAL_NULL) {
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                stream_close(file);
                nlr_pop();
            }
        }
        stream_close(w->ws);
        return 0;
    }
    if (request == STREAM_POLL) {
        return (intptr_t)stream_poll(w->ws, arg);
    }
    *err = ESPY_EINVAL;
    return STREAM_ERROR;
}

static const stream_p_t webrepl_stream = {
    .kind = PROTOCOL_STREAM, .read = webrepl_read, .write = webrepl_write, .ioctl = webrepl_ioctl,
};

// _webrepl(ws): a session over a websocket.websocket; sends the prompt.
static value_t webrepl_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_check_count(n_args, 1, 2, Q__webrepl);
    obj_native(args[0], &type_websocket);
    webrepl_obj_t *w = gc_alloc(sizeof(webrepl_obj_t), 0);
    memset(w, 0, sizeof(*w));
    w->base.type = &type_webrepl;
    w->ws = args[0];
    w->file = VAL_NULL;
    w->state = ST_PASSWORD;
    w->since = hal_ticks_ms();
    send_text(w, "Password: ");
    return PTR_VAL(w);
}

static const map_entry_t webrepl_locals_table[] = {
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t webrepl_locals = MAP_ROM(webrepl_locals_table);

const type_t type_webrepl = {
    {&type_type},
    .name = Q__webrepl,
    .make_new = webrepl_make_new,
    .locals = &webrepl_locals,
    .protocol = &webrepl_stream,
};

// ---- the module ---------------------------------------------------------------------------

// password(str): what clients must type, at most 9 characters.
static value_t webrepl_password_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *s = str_data(args[0], &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "can't convert '%T' object to str implicitly", args[0]);
    }
    if (len > PASSWORD_MAX) {
        raise_msg(&type_ValueError, "password too long (at most 9 characters)");
    }
    memcpy(password.text, s, len);
    password.len = (uint8_t)len;
    return VAL_NONE;
}
static BUILTIN_FN(webrepl_password_obj, Q_password, 1, 1, false, webrepl_password_fn);

// listen(sock, handler): handler(sock) is called (scheduled) when a
// connection waits on sock; listen(None) stops.
static value_t webrepl_listen_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (args[0] == VAL_NONE || n_args < 2 || args[1] == VAL_NONE) {
        console_watch(VAL_NULL, VAL_NULL);
        return VAL_NONE;
    }
    value_t s = args[0];
    stream_get(&s, STREAM_OP_IOCTL);
    console_watch(args[0], args[1]);
    return VAL_NONE;
}
static BUILTIN_FN(webrepl_listen_obj, Q_listen, 1, 2, false, webrepl_listen_fn);

static const map_entry_t webrepl_module_table[] = {
    {QSTR(Q___name__), QSTR(Q__webrepl)},
    {QSTR(Q__webrepl), PTR_VAL(&type_webrepl)},
    {QSTR(Q_listen), PTR_VAL(&webrepl_listen_obj)},
    {QSTR(Q_password), PTR_VAL(&webrepl_password_obj)},
};
MODULE_ROM(webrepl_module, Q__webrepl, webrepl_module_table);
ESPY_MODULE(_webrepl, webrepl_module);
