// SPDX-License-Identifier: MIT
// The websocket module, as the port's (MicroPython's extmod/modwebsocket.c):
// websocket(sock, blocking=False) is a stream over sock (a socket after the
// HTTP upgrade, which webrepl.py does with websocket_helper) that reads
// the payloads of RFC 6455 frames and writes each write as one frame
// (shared/spec/webrepl-protocol.md, section 3).
//
// Reading never blocks more than sock does and never buffers a frame: the
// header (at most 8 bytes) is collected across reads, the payload is
// unmasked as it passes, a read returns bytes of one frame only, so that
// ioctl(GET_DATA_OPTS) then says whether they were text or binary. Frames
// may be masked (browsers) or not (webrepl_cli.py); continuation frames
// keep the previous kind; ping, pong and empty frames are skipped; a close
// frame is answered with 0x88 0x00 and ends the stream. Whatever breaks the
// protocol (the 64-bit length, reserved bits or opcodes, a control frame
// longer than 125 bytes or fragmented) ends the stream too (end of file):
// the connection is closed and nothing else is affected.
//
// Writes go out unmasked, as text frames unless ioctl(SET_DATA_OPTS, 2)
// asked for binary, 65535 bytes at most (the 16-bit length); a write waits
// while sock is full, at most WRITE_WAIT_MS without progress (whatever the
// blocking argument, which the port uses to make writes wait on a
// non-blocking socket), so that a client that stops reading cannot hang
// the board.
#include <string.h>

#include "exc.h"
#include "stream.h"
#include "websocket.h"

#define WRITE_WAIT_MS 5000
#define OP_CONTINUATION 0
#define OP_CLOSE 8
#define OP_PING 9
#define OP_PONG 10
#define CONTROL_MAX 125

enum { ST_HEADER, ST_PAYLOAD, ST_END };

typedef struct websocket_obj {
    obj_t base;
    value_t sock;
    uint32_t payload_left;      // of the current frame
    uint8_t state;
    uint8_t opcode;             // of the current frame
    uint8_t hdr_len, hdr_want;  // header bytes received, needed (0: not known yet, 2 at least)
    uint8_t mask_pos;
    uint8_t data_kind;          // of the last data frame: WEBSOCKET_TEXT or _BINARY (0: none yet)
    uint8_t write_kind;
    uint8_t hdr[8];             // 2 bytes, 2 of length, 4 of mask
    uint8_t mask[4];
} websocket_obj_t;

static websocket_obj_t *ws_self(value_t v) {
    return obj_native(v, &type_websocket);
}

// One read of the underlying stream: a count, 0 at its end, STREAM_ERROR.
static intptr_t sock_read(websocket_obj_t *ws, void *buf, size_t size, int *err) {
    value_t s = ws->sock;
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    *err = 0;
    return p->read(s, buf, size, err);
}

// All of data, waiting for room: 0 or an errno value.
static int sock_write_all(websocket_obj_t *ws, const uint8_t *data, size_t len) {
    value_t s = ws->sock;
    const stream_p_t *p = stream_get(&s, STREAM_OP_WRITE);
    uint32_t since = hal_ticks_ms();
    while (len > 0) {
        int err = 0;
        intptr_t n = p->write(s, data, len, &err);
        if (n == STREAM_ERROR && err != ESPY_EAGAIN) {
            return err;
        }
        if (n > 0) {
            data += n;
            len -= (size_t)n;
            since = hal_ticks_ms();
            continue;
        }
        if (hal_ticks_ms() - since >= WRITE_WAIT_MS) {
            return ESPY_ETIMEDOUT;
        }
        hal_delay_ms(1);
    }
    return 0;
}

// One frame: the header and the payload (in one write when small).
static int send_frame(websocket_obj_t *ws, const uint8_t *data, size_t len, int kind) {
    uint8_t buf[4 + 124];
    size_t hdr = 2;
    buf[0] = (uint8_t)(0x80 | kind);
    if (len < 126) {
        buf[1] = (uint8_t)len;
    } else {
        buf[1] = 126;
        buf[2] = (uint8_t)(len >> 8);
        buf[3] = (uint8_t)len;
        hdr = 4;
    }
    if (hdr + len <= sizeof(buf)) {
        memcpy(buf + hdr, data, len);
        return sock_write_all(ws, buf, hdr + len);
    }
    int r = sock_write_all(ws, buf, hdr);
    return r != 0 ? r : sock_write_all(ws, data, len);
}

void websocket_send(value_t self, const void *data, size_t len, int kind) {
    websocket_obj_t *ws = ws_self(self);
    const uint8_t *p = data;
    do {
        size_t n = len > 0xFFFF ? 0xFFFF : len;
        int r = send_frame(ws, p, n, kind);
        if (r != 0) {
            raise_os_error(r);
        }
        p += n;
        len -= n;
    } while (len > 0);
}

// ---- reading --------------------------------------------------------------------------

// The end of the stream, for good.
static intptr_t end(websocket_obj_t *ws) {
    ws->state = ST_END;
    return 0;
}

static void start_header(websocket_obj_t *ws) {
    ws->state = ST_HEADER;
    ws->hdr_len = ws->hdr_want = 0;
}

// The first two header bytes: how many more; false when they break the protocol.
static bool parse_start(websocket_obj_t *ws) {
    uint8_t b0 = ws->hdr[0], b1 = ws->hdr[1];
    unsigned opcode = b0 & 0x0F, len7 = b1 & 0x7F;
    bool control = opcode >= OP_CLOSE;
    if ((b0 & 0x70) != 0 || len7 == 127) {
        return false;           // reserved bits; the 64-bit length is not supported
    }
    if (opcode != OP_CONTINUATION && opcode != WEBSOCKET_TEXT && opcode != WEBSOCKET_BINARY && opcode != OP_CLOSE
        && opcode != OP_PING && opcode != OP_PONG) {
        return false;
    }
    if (control && (!(b0 & 0x80) || len7 > CONTROL_MAX)) {
        return false;
    }
    ws->opcode = (uint8_t)opcode;
    ws->hdr_want = (uint8_t)(2 + (len7 == 126 ? 2 : 0) + (b1 & 0x80 ? 4 : 0));
    return true;
}

static void parse_rest(websocket_obj_t *ws) {
    unsigned len7 = ws->hdr[1] & 0x7F;
    const uint8_t *p = ws->hdr + 2;
    ws->payload_left = len7;
    if (len7 == 126) {
        ws->payload_left = (uint32_t)p[0] << 8 | p[1];
        p += 2;
    }
    if (ws->hdr[1] & 0x80) {
        memcpy(ws->mask, p, 4);
    } else {
        memset(ws->mask, 0, 4);
    }
    ws->mask_pos = 0;
    if (ws->opcode == WEBSOCKET_TEXT || ws->opcode == WEBSOCKET_BINARY) {
        ws->data_kind = ws->opcode;
    }
    ws->state = ST_PAYLOAD;
}

intptr_t websocket_next_kind(value_t self, int *err) {
    websocket_obj_t *ws = ws_self(self);
    for (;;) {
        if (ws->state == ST_END) {
            return 0;
        }
        if (ws->state == ST_PAYLOAD) {
            if (ws->payload_left > 0 && ws->opcode < OP_CLOSE) {
                return ws->data_kind;
            }
            if (ws->payload_left > 0) {         // a control frame's payload: skipped
                uint8_t junk[32];
                size_t n = ws->payload_left < sizeof(junk) ? ws->payload_left : sizeof(junk);
                intptr_t r = sock_read(ws, junk, n, err);
                if (r <= 0) {
                    return r == 0 ? end(ws) : r;
                }
                ws->payload_left -= (uint32_t)r;
                continue;
            }
            if (ws->opcode == OP_CLOSE) {
                static const uint8_t close_reply[2] = {0x88, 0x00};
                sock_write_all(ws, close_reply, sizeof(close_reply));
                return end(ws);
            }
            start_header(ws);                   // the frame is done
            continue;
        }
        size_t want = ws->hdr_want ? ws->hdr_want : 2;
        intptr_t r = sock_read(ws, ws->hdr + ws->hdr_len, want - ws->hdr_len, err);
        if (r <= 0) {
            return r == 0 ? end(ws) : r;
        }
        ws->hdr_len = (uint8_t)(ws->hdr_len + r);
        if (ws->hdr_want == 0 && ws->hdr_len == 2) {
            if (!parse_start(ws) || (ws->opcode == OP_CONTINUATION && ws->data_kind == 0)) {
                return end(ws);
            }
        }
        if (ws->hdr_want != 0 && ws->hdr_len == ws->hdr_want) {
            parse_rest(ws);
        }
    }
}

static intptr_t ws_read(value_t self, void *buf, size_t size, int *err) {
    websocket_obj_t *ws = ws_self(self);
    if (size == 0) {
        return 0;
    }
    intptr_t kind = websocket_next_kind(self, err);
    if (kind <= 0) {
        return kind;
    }
    size_t n = size < ws->payload_left ? size : ws->payload_left;
    intptr_t r = sock_read(ws, buf, n, err);
    if (r <= 0) {
        return r == 0 ? end(ws) : r;
    }
    uint8_t *p = buf;
    for (intptr_t i = 0; i < r; i++) {
        p[i] ^= ws->mask[ws->mask_pos++ & 3];
    }
    ws->payload_left -= (uint32_t)r;
    return r;
}

static intptr_t ws_write(value_t self, const void *buf, size_t size, int *err) {
    websocket_obj_t *ws = ws_self(self);
    if (size > 0xFFFF) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    int r = send_frame(ws, buf, size, ws->write_kind);
    if (r != 0) {
        *err = r;
        return STREAM_ERROR;
    }
    return (intptr_t)size;
}

static intptr_t ws_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    websocket_obj_t *ws = ws_self(self);
    switch (request) {
        case STREAM_CLOSE:
            ws->state = ST_END;
            stream_close(ws->sock);
            return 0;
        case STREAM_FLUSH:
            return 0;
        case STREAM_POLL:
            return (intptr_t)stream_poll(ws->sock, arg);
        case STREAM_GET_DATA_OPTS:
            return ws->data_kind;
        case STREAM_SET_DATA_OPTS:
            if (arg == WEBSOCKET_TEXT || arg == WEBSOCKET_BINARY) {
                ws->write_kind = (uint8_t)arg;
                return 0;
            }
            break;
    }
    *err = ESPY_EINVAL;
    return STREAM_ERROR;
}

static const stream_p_t websocket_stream = {
    .kind = PROTOCOL_STREAM, .read = ws_read, .write = ws_write, .ioctl = ws_ioctl,
};

// websocket(sock, blocking=False)
static value_t websocket_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    arg_check_count(n_args, 1, 2, Q_websocket);
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    value_t s = args[0];
    stream_get(&s, STREAM_OP_READ | STREAM_OP_WRITE);
    websocket_obj_t *ws = gc_alloc(sizeof(websocket_obj_t), 0);
    memset(ws, 0, sizeof(*ws));
    ws->base.type = &type_websocket;
    ws->sock = s;
    ws->write_kind = WEBSOCKET_TEXT;
    start_header(ws);
    return PTR_VAL(ws);
}

static const map_entry_t websocket_locals_table[] = {
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_ioctl), PTR_VAL(&stream_ioctl_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t websocket_locals = MAP_ROM(websocket_locals_table);

const type_t type_websocket = {
    {&type_type},
    .name = Q_websocket,
    .make_new = websocket_make_new,
    .locals = &websocket_locals,
    .protocol = &websocket_stream,
};

static const map_entry_t websocket_module_table[] = {
    {QSTR(Q___name__), QSTR(Q_websocket)},
    {QSTR(Q_websocket), PTR_VAL(&type_websocket)},
};
MODULE_ROM(websocket_module, Q_websocket, websocket_module_table);
ESPY_MODULE(websocket, websocket_module);
