// SPDX-License-Identifier: MIT
// The io module: StringIO and BytesIO (streams over a buffer in RAM),
// IOBase (a base class for streams written in Python), the file types
// open() makes (vfs_file.c), and open itself (vfs.c).
//
// StringIO and BytesIO are one implementation: a byte buffer and a
// position, text (UTF-8) for StringIO. As in MicroPython, StringIO's
// positions (seek, tell) count bytes, not characters; StringIO(n) and
// BytesIO(n) with an int n start empty with room for n bytes.
#include <string.h>

#include "exc.h"
#include "strimpl.h"
#include "type.h"
#include "vfs.h"

typedef struct stringio {
    obj_t base;
    char *buf;                  // a GC_LEAF block of `alloc` bytes; NULL when closed or empty
    size_t len, alloc, pos;
    bool closed;
} stringio_t;

static const type_t type_stringio, type_bytesio, type_iobase;

// The StringIO or BytesIO behind self (a subclass's instance holds one).
static stringio_t *open_io(value_t self) {
    stringio_t *io = VAL_PTR(self);
    if (type_is_heap(io->base.type)) {
        io = VAL_PTR(class_native_value(self));
    }
    if (io->closed) {
        raise_msg(&type_ValueError, "I/O operation on closed file");
    }
    return io;
}

static void reserve(stringio_t *io, size_t need) {
    if (need <= io->alloc) {
        return;
    }
    size_t alloc = io->alloc + io->alloc / 2 > need ? io->alloc + io->alloc / 2 : need;
    io->buf = io->buf == NULL ? gc_alloc(alloc, GC_LEAF) : gc_realloc(io->buf, alloc);
    io->alloc = alloc;
}

// ---- the stream protocol --------------------------------------------------------------

static intptr_t io_read(value_t self, void *buf, size_t size, int *err) {
    stringio_t *io = open_io(self);
    size_t left = io->pos < io->len ? io->len - io->pos : 0;
    size_t n = size < left ? size : left;
    if (n > 0) {
        memcpy(buf, io->buf + io->pos, n);
        io->pos += n;
    }
    return (intptr_t)n;
}

// Writes at the position, past the end after a seek there (the gap is
// zeros, as CPython's).
static intptr_t io_write(value_t self, const void *buf, size_t size, int *err) {
    stringio_t *io = open_io(self);
    if (size == 0) {
        return 0;                       // even past the end: nothing grows
    }
    size_t end = io->pos + size;
    if (end < size) {
        raise_msg(&type_MemoryError, "buffer too large");
    }
    reserve(io, end);
    if (io->pos > io->len) {
        memset(io->buf + io->len, 0, io->pos - io->len);
    }
    memcpy(io->buf + io->pos, buf, size);
    io->pos = end;
    if (end > io->len) {
        io->len = end;
    }
    return (intptr_t)size;
}

static intptr_t io_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    stringio_t *io = VAL_PTR(self);
    if (request == STREAM_CLOSE) {
        io->closed = true;
        io->buf = NULL;
        io->len = io->alloc = io->pos = 0;
        return 0;
    }
    open_io(self);
    switch (request) {
        case STREAM_SEEK: {
            stream_seek_t *s = (stream_seek_t *)arg;
            if (s->whence == 0 && s->offset < 0) {
                raise_fmt(&type_ValueError, io->base.type == &type_stringio ? "Negative seek position %ld"
                                                                            : "negative seek value %ld",
                          (long)s->offset);
            }
            // Relative to the position or the end, a place before the start is the start.
            uintptr_t ref = s->whence == 0 ? 0 : s->whence == 1 ? io->pos : io->len;
            uintptr_t pos = s->offset < 0 && (uintptr_t)-s->offset > ref ? 0 : ref + (uintptr_t)s->offset;
            if ((intptr_t)pos < 0) {
                raise_msg(&type_OverflowError, "seek position too large");
            }
            io->pos = pos;
            s->offset = (intptr_t)pos;
            return 0;
        }
        case STREAM_FLUSH:
            return 0;
        case STREAM_POLL:
            return (intptr_t)(arg & (STREAM_POLL_RD | STREAM_POLL_WR));
        default:
            *err = ESPY_EINVAL;
            return STREAM_ERROR;
    }
}

static const stream_p_t text_stream = {
    .kind = PROTOCOL_STREAM, .read = io_read, .write = io_write, .ioctl = io_ioctl, .is_text = true,
};
static const stream_p_t binary_stream = {
    .kind = PROTOCOL_STREAM, .read = io_read, .write = io_write, .ioctl = io_ioctl, .is_text = false,
};

// ---- the types --------------------------------------------------------------------------

// StringIO(initial_value=''), BytesIO(initial_bytes=b''); an int is a size to reserve.
static value_t io_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    bool text = type == &type_stringio;
    qstr_t kw = text ? Q_initial_value : Q_initial_bytes;
    qstr_t allowed[] = {kw, Q_NULL};
    arg_kw_check_invalid(n_args, n_kw, args, allowed, qstr_str(type->name));
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "%q() takes at most 1 argument (%u given)", (qstr_t)type->name, (unsigned)n_args);
    }
    value_t init = n_args > 0 ? args[0] : arg_kw(n_args, n_kw, args, kw);
    stringio_t *io = gc_alloc(sizeof(stringio_t), 0);
    io->base.type = type;
    if (init == VAL_NULL || init == VAL_NONE) {
        return PTR_VAL(io);
    }
    smallint_t size;
    if (VAL_IS_SMALL(init) && (size = SMALL_VALUE(init)) >= 0) {
        reserve(io, (size_t)size);
        return PTR_VAL(io);
    }
    const char *data;
    size_t len;
    buffer_info_t info;
    if (text) {
        data = str_data(init, &len);
        if (data == NULL) {
            raise_fmt(&type_TypeError, "initial_value must be str or None, not %T", init);
        }
    } else if (!value_is_str(init) && obj_get_buffer(init, &info, BUFFER_READ)) {
        data = info.buf;
        len = info.len;
    } else {
        raise_fmt(&type_TypeError, "a bytes-like object is required, not '%T'", init);
    }
    reserve(io, len);
    memcpy(io->buf, data, len);
    io->len = len;
    return PTR_VAL(io);
}

static value_t io_getvalue_fn(size_t n_args, size_t n_kw, const value_t *args) {
    stringio_t *io = open_io(args[0]);
    if (io->base.type == &type_stringio) {
        // Checked: a write at a byte position inside a character can break one.
        return str_decode_utf8(io->buf, io->len, VAL_NULL);
    }
    return bytes_new((const uint8_t *)io->buf, io->len);
}
static BUILTIN_FN(io_getvalue_obj, Q_getvalue, 1, 1, false, io_getvalue_fn);

static void io_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "<io.%q 0x%x>", (qstr_t)OBJ(self)->type->name, (unsigned)(uintptr_t)self);
}

static const map_entry_t io_locals_table[] = {
    {QSTR(Q___enter__), PTR_VAL(&stream_enter_obj)},
    {QSTR(Q___exit__), PTR_VAL(&stream_exit_obj)},
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_flush), PTR_VAL(&stream_flush_obj)},
    {QSTR(Q_getvalue), PTR_VAL(&io_getvalue_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_readlines), PTR_VAL(&stream_readlines_obj)},
    {QSTR(Q_seek), PTR_VAL(&stream_seek_obj)},
    {QSTR(Q_tell), PTR_VAL(&stream_tell_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t io_locals = MAP_ROM(io_locals_table);

static const type_t type_stringio = {
    {&type_type}, .name = Q_StringIO, .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_ITER_IS_SELF, .print = io_print,
    .make_new = io_make_new, .getiter = iter_self, .iternext = stream_iternext, .locals = &io_locals,
    .protocol = &text_stream,
};

static const type_t type_bytesio = {
    {&type_type}, .name = Q_BytesIO, .flags = TYPE_FLAG_BASETYPE | TYPE_FLAG_ITER_IS_SELF, .print = io_print,
    .make_new = io_make_new, .getiter = iter_self, .iternext = stream_iternext, .locals = &io_locals,
    .protocol = &binary_stream,
};

// IOBase: a class to derive streams written in Python from (isinstance
// works; lib's stream helpers call such a stream's methods by name).
static value_t iobase_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0 || n_kw > 0) {
        raise_msg(&type_TypeError, "IOBase() takes no arguments");
    }
    obj_t *o = gc_alloc(sizeof(obj_t), 0);
    o->type = &type_iobase;
    return PTR_VAL(o);
}

// Nothing to set up, as object.__init__; its presence makes a subclass's
// instance get its IOBase part without the subclass's arguments.
static value_t iobase_init_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_NONE;
}
static BUILTIN_FN(iobase_init_obj, Q___init__, 1, ARGS_MAX, true, iobase_init_fn);

static const map_entry_t iobase_locals_table[] = {
    {QSTR(Q___init__), PTR_VAL(&iobase_init_obj)},
};
static const map_t iobase_locals = MAP_ROM(iobase_locals_table);

static const type_t type_iobase = {
    {&type_type}, .name = Q_IOBase, .flags = TYPE_FLAG_BASETYPE, .make_new = iobase_make_new,
    .locals = &iobase_locals,
};

static const map_entry_t io_module_table[] = {
    {QSTR(Q_BytesIO), PTR_VAL(&type_bytesio)},
    {QSTR(Q_FileIO), PTR_VAL(&type_vfs_fileio)},
    {QSTR(Q_IOBase), PTR_VAL(&type_iobase)},
    {QSTR(Q_StringIO), PTR_VAL(&type_stringio)},
    {QSTR(Q_TextIOWrapper), PTR_VAL(&type_vfs_textio)},
    {QSTR(Q___name__), QSTR(Q_io)},
    {QSTR(Q_open), PTR_VAL(&vfs_open_obj)},
};
MODULE_ROM(io_module, Q_io, io_module_table);
ESPY_MODULE(io, io_module);
ESPY_MODULE(uio, io_module);
