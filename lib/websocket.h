// SPDX-License-Identifier: MIT
// The websocket module's stream (mod_websocket.c), as the port's: RFC 6455
// framing over another stream (a socket), after the HTTP handshake, which
// the Python side does (websocket_helper). What _webrepl needs of it from C.
#ifndef ESPY_WEBSOCKET_H
#define ESPY_WEBSOCKET_H

#include "lib.h"

// Frame kinds (the opcodes), also the values of ioctl's data options.
#define WEBSOCKET_TEXT 1
#define WEBSOCKET_BINARY 2

extern const type_t type_websocket;

// The kind of the next payload bytes, reading frame headers (and skipping
// control frames and empty ones) without waiting: WEBSOCKET_TEXT or
// WEBSOCKET_BINARY; 0 at the end (the stream ended, a close frame came,
// or the input broke the protocol); STREAM_ERROR with *err (EAGAIN when
// nothing has come). A read after it gets bytes of that kind only.
intptr_t websocket_next_kind(value_t ws, int *err);
// Sends data as frames of a kind (at most 65535 bytes each); raises
// OSError when the stream fails or stays full too long.
void websocket_send(value_t ws, const void *data, size_t len, int kind);

#endif
