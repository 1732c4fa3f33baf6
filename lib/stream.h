// SPDX-License-Identifier: MIT
// The stream protocol: what files, sockets, StringIO/BytesIO, the UART and
// DeflateIO have in common, so that one set of methods (read, readinto,
// readline, write, seek, close...) and the C helpers below serve them all,
// and select.poll and asyncio can wait on any of them.
//
// A type has the protocol when its `protocol` slot points to a stream_p_t.
// Each operation returns a count of bytes (0 at end of file for read), or
// STREAM_ERROR with *err set to an errno value: EAGAIN when a non-blocking
// stream has no data or no room now.
#ifndef ESPY_STREAM_H
#define ESPY_STREAM_H

#include "lib.h"

#define STREAM_ERROR ((intptr_t)-1)

// ioctl requests (MicroPython's numbers, which its Python streams also use).
#define STREAM_FLUSH 1
#define STREAM_SEEK 2          // arg: stream_seek_t *, updated to the new position
#define STREAM_POLL 3          // arg: the STREAM_POLL_* flags asked; returns those ready
#define STREAM_CLOSE 4
#define STREAM_TIMEOUT 5
#define STREAM_GET_OPTS 6
#define STREAM_SET_OPTS 7
#define STREAM_GET_DATA_OPTS 8
#define STREAM_SET_DATA_OPTS 9
#define STREAM_GET_FILENO 10

// Poll flags (select.POLLIN ...).
#define STREAM_POLL_RD 0x0001
#define STREAM_POLL_WR 0x0004
#define STREAM_POLL_ERR 0x0008
#define STREAM_POLL_HUP 0x0010

typedef struct stream_seek {
    intptr_t offset;
    int whence;                // 0 start, 1 current, 2 end
} stream_seek_t;

// lib/'s protocols share the type's one `protocol` slot, so each starts
// with its kind: a function asking for one never takes another (a
// filesystem handed to a stream function). A stream's kind is 0, which a
// table that does not name it has.
enum { PROTOCOL_STREAM = 0, PROTOCOL_VFS = 1, PROTOCOL_BLOCKDEV = 2 };

typedef struct stream_p {
    uint8_t kind;              // PROTOCOL_STREAM
    intptr_t (*read)(value_t self, void *buf, size_t size, int *err);
    intptr_t (*write)(value_t self, const void *buf, size_t size, int *err);
    intptr_t (*ioctl)(value_t self, unsigned request, uintptr_t arg, int *err);
    bool is_text;              // read returns str (UTF-8), write takes str
} stream_p_t;

// The operations the helpers need.
#define STREAM_OP_READ 1
#define STREAM_OP_WRITE 2
#define STREAM_OP_IOCTL 4

// The protocol of *v, which must have the operations asked for: else
// OSError(EINVAL) (TypeError when *v is not a stream at all). For an
// instance of a class derived from a stream type, *v becomes the native
// stream object, which the operations take as self.
const stream_p_t *stream_get(value_t *v, int ops);
// The same, NULL instead of raising.
const stream_p_t *stream_get_maybe(value_t *v);

// C helpers; each raises OSError on an error other than EAGAIN.
// Reads up to size bytes: the count, 0 at end of file, STREAM_ERROR with
// EAGAIN in *err for a non-blocking stream with nothing to read.
intptr_t stream_read_some(value_t s, void *buf, size_t size, int *err);
// Reads until size bytes or end of file (or EAGAIN): the count read.
size_t stream_read_full(value_t s, void *buf, size_t size);
// Writes all of buf (retrying partial writes); raises on error.
void stream_write_all(value_t s, const void *buf, size_t size);
// The poll flags of `events` that are ready (0 for a stream without ioctl).
uintptr_t stream_poll(value_t s, uintptr_t events);
// Closes s through its ioctl (no error when already closed).
void stream_close(value_t s);
// Writes data to any object with a write method: through the protocol for
// a stream, else by calling s.write(data) (a stream written in Python).
void stream_write_to(value_t s, const char *data, size_t len);

// The methods, for the locals tables of stream types:
//   read([n]), read1([n]), readinto(buf[, n]), readline([limit]),
//   readlines(), write(buf[, off[, n]]), flush(), close(), seek(off[, whence]),
//   tell(), __enter__(), __exit__(*args), ioctl(request, arg)
extern const builtin_fun_t stream_read_obj, stream_read1_obj, stream_readinto_obj, stream_readline_obj,
    stream_readlines_obj, stream_write_obj, stream_flush_obj, stream_close_obj, stream_seek_obj,
    stream_tell_obj, stream_enter_obj, stream_exit_obj, stream_ioctl_obj;
// iternext for stream types: the next line, VAL_STOP at end of file.
value_t stream_iternext(value_t self);

#endif
