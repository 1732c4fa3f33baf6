// SPDX-License-Identifier: MIT
// The stream protocol's helpers and the methods every stream type shares
// (see stream.h).
#include <string.h>

#include "exc.h"
#include "strimpl.h"
#include "stream.h"
#include "type.h"
#include "unicode.h"

// ---- finding the protocol -------------------------------------------------------

const stream_p_t *stream_get_maybe(value_t *v) {
    if (!VAL_IS_OBJ(*v)) {
        return NULL;
    }
    const type_t *t = OBJ(*v)->type;
    if (type_is_heap(t)) {
        value_t native = class_native_value(*v);
        if (!VAL_IS_OBJ(native)) {
            return NULL;
        }
        *v = native;
        t = OBJ(native)->type;
    }
    const stream_p_t *s = t->protocol;
    return s != NULL && s->kind == PROTOCOL_STREAM ? s : NULL;
}

const stream_p_t *stream_get(value_t *v, int ops) {
    value_t orig = *v;
    const stream_p_t *s = stream_get_maybe(v);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "'%T' object is not a stream", orig);
    }
    if (((ops & STREAM_OP_READ) && s->read == NULL) || ((ops & STREAM_OP_WRITE) && s->write == NULL)
        || ((ops & STREAM_OP_IOCTL) && s->ioctl == NULL)) {
        raise_os_error(ESPY_EINVAL);
    }
    return s;
}

// ---- C helpers ----------------------------------------------------------------------

intptr_t stream_read_some(value_t s, void *buf, size_t size, int *err) {
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    *err = 0;
    intptr_t n = p->read(s, buf, size, err);
    if (n == STREAM_ERROR && *err != ESPY_EAGAIN) {
        raise_os_error(*err);
    }
    return n;
}

size_t stream_read_full(value_t s, void *buf, size_t size) {
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    size_t done = 0;
    while (done < size) {
        int err = 0;
        intptr_t n = p->read(s, (uint8_t *)buf + done, size - done, &err);
        if (n == STREAM_ERROR) {
            if (err == ESPY_EAGAIN) {
                break;
            }
            raise_os_error(err);
        }
        if (n == 0) {
            break;
        }
        done += (size_t)n;
    }
    return done;
}

void stream_write_all(value_t s, const void *buf, size_t size) {
    const stream_p_t *p = stream_get(&s, STREAM_OP_WRITE);
    while (size > 0) {
        int err = 0;
        intptr_t n = p->write(s, buf, size, &err);
        if (n == STREAM_ERROR) {
            raise_os_error(err);
        }
        if (n == 0) {
            raise_os_error(ESPY_EIO);   // no progress: a full device
        }
        buf = (const uint8_t *)buf + n;
        size -= (size_t)n;
    }
}

uintptr_t stream_poll(value_t s, uintptr_t events) {
    const stream_p_t *p = stream_get_maybe(&s);
    if (p == NULL || p->ioctl == NULL) {
        return 0;
    }
    int err = 0;
    intptr_t r = p->ioctl(s, STREAM_POLL, events, &err);
    if (r == STREAM_ERROR) {
        return STREAM_POLL_ERR;
    }
    return (uintptr_t)r;
}

void stream_close(value_t s) {
    value_t native = s;
    const stream_p_t *p = stream_get_maybe(&native);
    if (p == NULL) {
        call_method(s, Q_close, 0, NULL);   // a stream written in Python
        return;
    }
    if (p->ioctl != NULL) {
        int err = 0;
        if (p->ioctl(native, STREAM_CLOSE, 0, &err) == STREAM_ERROR) {
            raise_os_error(err);
        }
    }
}

void stream_write_to(value_t s, const char *data, size_t len) {
    value_t native = s;
    const stream_p_t *p = stream_get_maybe(&native);
    if (p != NULL && p->write != NULL) {
        stream_write_all(native, data, len);
        return;
    }
    value_t arg = str_new(data, len);
    call_method(s, Q_write, 1, &arg);
}

// ---- reading into objects ------------------------------------------------------------

// The value of bytes read: str for a text stream (checked UTF-8), else bytes.
static value_t result_of(const stream_p_t *p, vstr_t *vs) {
    if (p->is_text) {
        size_t bad, badlen;
        if (!utf8_check(vs->buf, vs->len, &bad, &badlen)) {
            return str_decode_utf8(vs->buf, vs->len, VAL_NULL);   // raises UnicodeError
        }
        return str_from_vstr(vs);
    }
    return bytes_from_vstr(vs);
}

// Reads n items (bytes, or characters for a text stream; all when n < 0)
// into vs. Returns false when a non-blocking stream had nothing at all.
static bool read_into_vstr(value_t s, const stream_p_t *p, vstr_t *vs, intptr_t n, bool once) {
    bool got_any = false;
    if (n < 0) {
        for (;;) {
            // Into the room the buffer has (all of a file: see
            // remaining_size), else 256 more bytes.
            size_t chunk = vs->alloc > vs->len ? vs->alloc - vs->len : 256;
            char *dst = vstr_extend(vs, chunk);
            int err = 0;
            intptr_t r = p->read(s, dst, chunk, &err);
            if (r == STREAM_ERROR) {
                vs->len -= chunk;
                if (err == ESPY_EAGAIN) {
                    return got_any;
                }
                raise_os_error(err);
            }
            vs->len -= chunk - (size_t)r;
            if (r == 0) {
                return true;
            }
            got_any = true;
            if (once) {
                return true;
            }
        }
    }
    // For text, n characters: read n bytes, then the bytes that the
    // characters begun need, until n characters are complete.
    size_t want = (size_t)n, chars = 0, pending = 0;
    while (want > 0) {
        char *dst = vstr_extend(vs, want);
        int err = 0;
        intptr_t r = p->read(s, dst, want, &err);
        if (r == STREAM_ERROR) {
            vs->len -= want;
            if (err == ESPY_EAGAIN) {
                return got_any || vs->len > 0;
            }
            raise_os_error(err);
        }
        vs->len -= want - (size_t)r;
        if (r == 0) {
            break;
        }
        got_any = true;
        if (!p->is_text) {
            want -= (size_t)r;
            if (once) {
                break;
            }
            continue;
        }
        for (intptr_t i = 0; i < r; i++) {
            uint8_t b = (uint8_t)dst[i];
            if (pending > 0 && (b & 0xC0) == 0x80) {
                pending--;
                continue;
            }
            chars++;
            pending = utf8_seq_len(b) - 1;
        }
        want = chars < (size_t)n ? (size_t)n - chars : pending;
    }
    return true;
}

// A size argument of read and readline: an int, or None for no limit (-1).
static intptr_t size_arg(size_t n_args, const value_t *args) {
    if (n_args < 2 || args[1] == VAL_NONE) {
        return -1;
    }
    if (!value_is_int(args[1])) {
        raise_fmt(&type_TypeError, "argument should be integer or None, not '%T'", args[1]);
    }
    return (intptr_t)index_value(args[1]);
}

// For read() of everything: what is left of a seekable stream (a file), so
// that the buffer is allocated once at its size (a 20 KB file read whole in
// a 38 KB heap needs one 20 KB block, not 8 + 16 KB ones as it grows);
// 256 for a stream that cannot tell.
static size_t remaining_size(value_t s, const stream_p_t *p) {
    if (p->ioctl == NULL) {
        return 256;
    }
    int err = 0;
    stream_seek_t pos = {0, 1}, end = {0, 2};
    if (p->ioctl(s, STREAM_SEEK, (uintptr_t)&pos, &err) == STREAM_ERROR
        || p->ioctl(s, STREAM_SEEK, (uintptr_t)&end, &err) == STREAM_ERROR) {
        return 256;
    }
    stream_seek_t back = {pos.offset, 0};
    if (p->ioctl(s, STREAM_SEEK, (uintptr_t)&back, &err) == STREAM_ERROR) {
        raise_os_error(err);            // the position is lost: say so
    }
    intptr_t left = end.offset - pos.offset;
    return left <= 0 ? 256 : (size_t)left + 1;
}

static value_t stream_read_generic(size_t n_args, const value_t *args, bool once) {
    value_t s = args[0];
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    intptr_t n = size_arg(n_args, args);
    if (n == 0) {
        return p->is_text ? QSTR(Q_empty) : bytes_new(NULL, 0);
    }
    vstr_t vs;
    vstr_init(&vs, n > 0 && n < 4096 ? (size_t)n : n < 0 ? remaining_size(s, p) : 256);
    if (!read_into_vstr(s, p, &vs, n, once)) {
        return VAL_NONE;
    }
    return result_of(p, &vs);
}

static value_t stream_read_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return stream_read_generic(n_args, args, false);
}
BUILTIN_FN(stream_read_obj, Q_read, 1, 2, false, stream_read_fn);

static value_t stream_read1_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return stream_read_generic(n_args, args, true);
}
BUILTIN_FN(stream_read1_obj, Q_read1, 1, 2, false, stream_read1_fn);

static value_t stream_readinto_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t s = args[0];
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    buffer_info_t info;
    if (!obj_get_buffer(args[1], &info, BUFFER_WRITE)) {
        raise_fmt(&type_TypeError, "readinto() argument must be read-write bytes-like object, not %T", args[1]);
    }
    size_t len = info.len;
    if (n_args > 2) {
        smallint_t want = index_value(args[2]);
        if (want >= 0 && (size_t)want < len) {
            len = (size_t)want;
        }
    }
    int err = 0;
    intptr_t r = p->read(s, info.buf, len, &err);
    if (r == STREAM_ERROR) {
        if (err == ESPY_EAGAIN) {
            return VAL_NONE;
        }
        raise_os_error(err);
    }
    return int_from_intptr(r);
}
BUILTIN_FN(stream_readinto_obj, Q_readinto, 2, 3, false, stream_readinto_fn);

// One line (with its '\n') of at most `limit` bytes (no limit when < 0);
// VAL_NULL when a non-blocking stream had nothing.
static value_t read_line(value_t s, const stream_p_t *p, intptr_t limit) {
    vstr_t vs;
    vstr_init(&vs, 32);
    while (limit < 0 || (intptr_t)vs.len < limit) {
        char *dst = vstr_extend(&vs, 1);
        int err = 0;
        intptr_t r = p->read(s, dst, 1, &err);
        if (r == STREAM_ERROR) {
            vs.len--;
            if (err == ESPY_EAGAIN) {
                if (vs.len == 0) {
                    return VAL_NULL;
                }
                break;
            }
            raise_os_error(err);
        }
        if (r == 0) {
            vs.len--;
            break;
        }
        if (*dst == '\n') {
            break;
        }
    }
    return result_of(p, &vs);
}

static value_t stream_readline_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t s = args[0];
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    value_t line = read_line(s, p, size_arg(n_args, args));
    return line == VAL_NULL ? VAL_NONE : line;
}
BUILTIN_FN(stream_readline_obj, Q_readline, 1, 2, false, stream_readline_fn);

static bool is_empty(value_t v) {
    if (v == QSTR(Q_empty)) {
        return true;
    }
    size_t len;
    return str_data(v, &len) != NULL ? len == 0 : OBJ_TYPE_IS(v, &type_bytes) && ((str_obj_t *)VAL_PTR(v))->len == 0;
}

static value_t stream_readlines_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t s = args[0];
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    value_t list = list_new(0, NULL);
    for (;;) {
        value_t line = read_line(s, p, -1);
        if (line == VAL_NULL || is_empty(line)) {
            break;
        }
        list_append(list, line);
    }
    return list;
}
BUILTIN_FN(stream_readlines_obj, Q_readlines, 1, 1, false, stream_readlines_fn);

value_t stream_iternext(value_t self) {
    value_t s = self;
    const stream_p_t *p = stream_get(&s, STREAM_OP_READ);
    value_t line = read_line(s, p, -1);
    if (line == VAL_NULL || is_empty(line)) {
        return VAL_STOP;
    }
    return line;
}

// ---- writing and the rest ----------------------------------------------------------------

static value_t stream_write_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t s = args[0];
    const stream_p_t *p = stream_get(&s, STREAM_OP_WRITE);
    const char *data;
    size_t len;
    if (p->is_text) {
        data = str_data(args[1], &len);
        if (data == NULL) {
            raise_fmt(&type_TypeError, "write() argument must be str, not %T", args[1]);
        }
    } else {
        buffer_info_t info;
        if (!obj_get_buffer(args[1], &info, BUFFER_READ)) {
            raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", args[1]);
        }
        data = info.buf;
        len = info.len;
    }
    // write(buf, off, n) as MicroPython's streams
    size_t off = 0;
    if (n_args > 2) {
        smallint_t o = index_value(args[2]);
        off = o < 0 ? 0 : (size_t)o > len ? len : (size_t)o;
    }
    size_t n = len - off;
    if (n_args > 3) {
        smallint_t m = index_value(args[3]);
        if (m >= 0 && (size_t)m < n) {
            n = (size_t)m;
        }
    }
    int err = 0;
    intptr_t r = p->write(s, data + off, n, &err);
    if (r == STREAM_ERROR) {
        if (err == ESPY_EAGAIN) {
            return VAL_NONE;
        }
        raise_os_error(err);
    }
    // A text write returns the characters written, as CPython's.
    if (p->is_text && (size_t)r == len) {
        return int_from_uintptr(utf8_charlen(data, len));
    }
    return int_from_intptr(r);
}
BUILTIN_FN(stream_write_obj, Q_write, 2, 4, false, stream_write_fn);

// An ioctl that only signals failure; ignored when the stream has no ioctl.
static intptr_t ioctl_or_raise(value_t s, unsigned request, uintptr_t arg) {
    const stream_p_t *p = stream_get(&s, 0);
    if (p->ioctl == NULL) {
        return 0;
    }
    int err = 0;
    intptr_t r = p->ioctl(s, request, arg, &err);
    if (r == STREAM_ERROR) {
        raise_os_error(err);
    }
    return r;
}

static value_t stream_flush_fn(size_t n_args, size_t n_kw, const value_t *args) {
    ioctl_or_raise(args[0], STREAM_FLUSH, 0);
    return VAL_NONE;
}
BUILTIN_FN(stream_flush_obj, Q_flush, 1, 1, false, stream_flush_fn);

static value_t stream_close_fn(size_t n_args, size_t n_kw, const value_t *args) {
    ioctl_or_raise(args[0], STREAM_CLOSE, 0);
    return VAL_NONE;
}
BUILTIN_FN(stream_close_obj, Q_close, 1, 1, false, stream_close_fn);

static value_t stream_seek_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stream_seek_t seek = {(intptr_t)index_value(args[1]), n_args > 2 ? (int)index_value(args[2]) : 0};
    if (seek.whence < 0 || seek.whence > 2) {
        raise_os_error(ESPY_EINVAL);
    }
    value_t s = args[0];
    stream_get(&s, STREAM_OP_IOCTL);
    ioctl_or_raise(s, STREAM_SEEK, (uintptr_t)&seek);
    return int_from_intptr(seek.offset);
}
BUILTIN_FN(stream_seek_obj, Q_seek, 2, 3, false, stream_seek_fn);

static value_t stream_tell_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stream_seek_t seek = {0, 1};
    value_t s = args[0];
    stream_get(&s, STREAM_OP_IOCTL);
    ioctl_or_raise(s, STREAM_SEEK, (uintptr_t)&seek);
    return int_from_intptr(seek.offset);
}
BUILTIN_FN(stream_tell_obj, Q_tell, 1, 1, false, stream_tell_fn);

static value_t stream_enter_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return args[0];
}
BUILTIN_FN(stream_enter_obj, Q___enter__, 1, 1, false, stream_enter_fn);

static value_t stream_exit_fn(size_t n_args, size_t n_kw, const value_t *args) {
    ioctl_or_raise(args[0], STREAM_CLOSE, 0);
    return VAL_NONE;
}
BUILTIN_FN(stream_exit_obj, Q___exit__, 1, 4, false, stream_exit_fn);

// stream.ioctl(request, arg): arg an int or a writable buffer.
static value_t stream_ioctl_fn(size_t n_args, size_t n_kw, const value_t *args) {
    uintptr_t arg = 0;
    if (n_args > 2) {
        buffer_info_t info;
        if (VAL_IS_SMALL(args[2]) || value_is_int(args[2])) {
            arg = (uintptr_t)index_value(args[2]);
        } else if (obj_get_buffer(args[2], &info, BUFFER_WRITE)) {
            arg = (uintptr_t)info.buf;
        } else {
            raise_fmt(&type_TypeError, "ioctl argument must be an int or a buffer, not '%T'", args[2]);
        }
    }
    return int_from_intptr(ioctl_or_raise(args[0], (unsigned)index_value(args[1]), arg));
}
BUILTIN_FN(stream_ioctl_obj, Q_ioctl, 2, 3, false, stream_ioctl_fn);
