// SPDX-License-Identifier: MIT
// The deflate module, as MicroPython's (1.21 and later): DeflateIO wraps a
// stream, decompressing what is read from it and compressing what is
// written to it, in the RAW, ZLIB or GZIP format (AUTO: zlib or gzip when
// reading, as the header says; raw when writing). It is a stream itself
// (lib/stream.h), so read(), readinto(), readline() and the rest work.
//
// The stream below may be a native stream or an object written in Python
// with readinto() and write() methods. Reading takes one byte at a time
// from it, so that nothing after the compressed data is consumed. The
// window is allocated at the first read or write: for reading, the window
// the data was compressed with (the header's, or wbits when smaller: data
// that needs more then fails), for writing 2**wbits bytes (256 by
// default). Corrupt data raises OSError(EINVAL), data that ends too soon
// EOFError, and the DeflateIO then stays unusable (OSError(EINVAL)).
#include "deflate.h"
#include "exc.h"
#include "lib.h"
#include "stream.h"

enum { FORMAT_AUTO, FORMAT_RAW, FORMAT_ZLIB, FORMAT_GZIP };

#define DEFAULT_WBITS 8

typedef struct deflateio {
    obj_t base;
    value_t stream;            // VAL_NULL once closed
    inflate_t *reader;         // from the first read
    deflate_t *writer;         // from the first write
    value_t byte_buf;          // a bytearray(1), to read from a stream written in Python
    uint32_t checksum;         // of the data written, for the container's trailer
    uint32_t written;          // bytes written (modulo 2**32)
    uint8_t format;
    uint8_t wbits;             // 0: the default
    bool close_stream;         // close() closes the stream too
    bool read_done;
    bool read_failed;          // a read raised or met corrupt data
    bool write_failed;         // a write raised: output may have been lost
} deflateio_t;

extern const type_t type_deflateio;

// ---- the stream below -------------------------------------------------------------------------

// Checks that the stream can be read (or written): a native stream with
// the operation, or an object with the method.
static void check_stream(value_t stream, int op, qstr_t method) {
    value_t native = stream, dest[2];
    if (stream_get_maybe(&native) != NULL || !obj_load_method_maybe(stream, method, dest)) {
        stream_get(&native, op);
    }
}

static int read_byte(void *ctx) {
    deflateio_t *self = ctx;
    value_t s = self->stream;
    const stream_p_t *p = stream_get_maybe(&s);
    uint8_t b;
    intptr_t n;
    if (p != NULL) {
        int err = 0;
        n = p->read(s, &b, 1, &err);
        if (n == STREAM_ERROR) {
            raise_os_error(err);
        }
    } else {
        value_t r = call_method(self->stream, Q_readinto, 1, &self->byte_buf);
        if (r == VAL_NONE) {
            raise_os_error(ESPY_EAGAIN);
        }
        bytearray_obj_t *buf = VAL_PTR(self->byte_buf);
        n = value_get_int(r) > 0 && buf->len > 0;
        b = buf->items[0];
    }
    if (n == 0) {
        raise_obj(PTR_VAL(&type_EOFError));
    }
    return b;
}

static void write_bytes(void *ctx, const uint8_t *data, size_t len) {
    deflateio_t *self = ctx;
    value_t s = self->stream;
    if (stream_get_maybe(&s) != NULL) {
        stream_write_all(s, data, len);
        return;
    }
    // A Python write() returns the count written, or None for all of it.
    while (len > 0) {
        value_t chunk = bytes_new(data, len);
        smallint_t n;
        if (!value_get_int_maybe(call_method(self->stream, Q_write, 1, &chunk), &n)) {
            return;
        }
        if (n <= 0) {
            raise_os_error(ESPY_EIO);   // no progress
        }
        if ((size_t)n >= len) {
            return;
        }
        data += n;
        len -= (size_t)n;
    }
}

// ---- reading -----------------------------------------------------------------------------------

static bool read_start(deflateio_t *self) {
    check_stream(self->stream, STREAM_OP_READ, Q_readinto);
    if (self->byte_buf == VAL_NULL) {
        self->byte_buf = bytearray_new((const uint8_t *)"", 1);
    }
    int wbits = self->wbits;
    deflate_container_t container = CONTAINER_RAW;
    if (self->format == FORMAT_RAW) {
        wbits = wbits != 0 ? wbits : DEFAULT_WBITS;
    } else {
        inflate_src_t src = {read_byte, self};
        int header_wbits;
        if (!inflate_header(&src, &container, &header_wbits)
            || (self->format == FORMAT_ZLIB && container != CONTAINER_ZLIB)
            || (self->format == FORMAT_GZIP && container != CONTAINER_GZIP)) {
            return false;
        }
        if (wbits == 0 || header_wbits < wbits) {
            wbits = header_wbits;
        }
    }
    inflate_t *reader = gc_alloc(inflate_size(wbits), GC_LEAF);
    inflate_init(reader, wbits, container);
    self->reader = reader;
    return true;
}

static intptr_t deflateio_read(value_t self_in, void *buf, size_t size, int *err) {
    deflateio_t *self = VAL_PTR(self_in);
    if (self->stream == VAL_NULL || self->read_failed) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    if (self->read_done || size == 0) {
        return 0;
    }
    // Left set if anything below raises (the end of the data, an error of
    // the stream): the decompressor may have stopped anywhere.
    self->read_failed = true;
    if (self->reader == NULL && !read_start(self)) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    inflate_src_t src = {read_byte, self};
    size_t produced;
    inflate_status_t status = inflate_run(self->reader, &src, buf, size, &produced);
    if (status != INFLATE_MORE) {
        // the window is needed no more: give it back at once (the chip's
        // heap is small)
        gc_free(self->reader);
        self->reader = NULL;
    }
    if (status == INFLATE_ERROR) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    self->read_failed = false;
    self->read_done = status == INFLATE_DONE;
    return (intptr_t)produced;
}

// ---- writing -----------------------------------------------------------------------------------

static void write_start(deflateio_t *self, const deflate_sink_t *sink) {
    check_stream(self->stream, STREAM_OP_WRITE, Q_write);
    int wbits = self->wbits != 0 ? self->wbits : DEFAULT_WBITS;
    deflate_t *writer = gc_alloc(deflate_size(wbits), GC_LEAF);
    deflate_init(writer, wbits);
    if (self->format == FORMAT_ZLIB) {
        // method 8 and the window (at least 512 bytes, as MicroPython
        // writes it), then the check that makes the two a multiple of 31
        uint8_t header[2] = {(uint8_t)(0x08 | (wbits > 9 ? wbits - 8 : 1) << 4), 0x80};
        header[1] |= 31 - (header[0] * 256 + header[1]) % 31;
        write_bytes(sink->ctx, header, 2);
        self->checksum = 1;
    } else if (self->format == FORMAT_GZIP) {
        // no flags, no time, no extra flags, operating system 3 (Unix)
        static const uint8_t header[10] = {0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03};
        write_bytes(sink->ctx, header, sizeof(header));
        self->checksum = 0;
    }
    self->writer = writer;
}

static intptr_t deflateio_write(value_t self_in, const void *buf, size_t size, int *err) {
    deflateio_t *self = VAL_PTR(self_in);
    if (self->stream == VAL_NULL || self->write_failed) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    // Left set if anything below raises (an error of the stream): output
    // may have been lost, and what follows would not decompress.
    self->write_failed = true;
    deflate_sink_t sink = {write_bytes, self};
    if (self->writer == NULL) {
        write_start(self, &sink);
    }
    self->written += (uint32_t)size;
    if (self->format == FORMAT_ZLIB) {
        self->checksum = deflate_adler32(self->checksum, buf, size);
    } else if (self->format == FORMAT_GZIP) {
        self->checksum = deflate_crc32(self->checksum, buf, size);
    }
    deflate_write(self->writer, buf, size, &sink);
    self->write_failed = false;
    return (intptr_t)size;
}

// Ends the compressed data: the end of the block, then the container's
// trailer (zlib: Adler-32, big-endian; gzip: CRC-32 and length,
// little-endian).
static void write_end(deflateio_t *self, deflate_t *writer) {
    deflate_sink_t sink = {write_bytes, self};
    deflate_finish(writer, &sink);
    uint8_t trailer[8];
    size_t n = 0;
    if (self->format == FORMAT_ZLIB) {
        for (int i = 3; i >= 0; i--) {
            trailer[n++] = (uint8_t)(self->checksum >> (8 * i));
        }
    } else if (self->format == FORMAT_GZIP) {
        for (int i = 0; i < 4; i++) {
            trailer[n++] = (uint8_t)(self->checksum >> (8 * i));
        }
        for (int i = 0; i < 4; i++) {
            trailer[n++] = (uint8_t)(self->written >> (8 * i));
        }
    }
    if (n > 0) {
        write_bytes(self, trailer, n);
    }
}

// Only closing: the stream below is closed when DeflateIO was made with
// close=True (a BytesIO may be wanted open, for its getvalue()).
static intptr_t deflateio_ioctl(value_t self_in, unsigned request, uintptr_t arg, int *err) {
    deflateio_t *self = VAL_PTR(self_in);
    if (request != STREAM_CLOSE) {
        *err = ESPY_EINVAL;
        return STREAM_ERROR;
    }
    if (self->stream == VAL_NULL) {
        return 0;
    }
    deflate_t *writer = self->writer;
    self->writer = NULL;   // the end is written once, even if writing it fails
    if (writer != NULL && !self->write_failed) {
        write_end(self, writer);
    }
    value_t stream = self->stream;
    self->stream = VAL_NULL;
    gc_free(writer);
    gc_free(self->reader);
    self->reader = NULL;
    if (self->close_stream) {
        stream_close(stream);
    }
    return 0;
}

static const stream_p_t deflateio_stream_p = {
    .read = deflateio_read,
    .write = deflateio_write,
    .ioctl = deflateio_ioctl,
};

// ---- the type --------------------------------------------------------------------------------

// DeflateIO(stream, format=AUTO, wbits=0, close=False, /): positional
// arguments only, as MicroPython's.
static value_t deflateio_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    if (n_kw > 0) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    arg_check_count(n_args, 1, 4, Q_DeflateIO);
    smallint_t format = n_args > 1 ? value_get_int(args[1]) : FORMAT_AUTO;
    smallint_t wbits = n_args > 2 ? value_get_int(args[2]) : 0;
    if (format < FORMAT_AUTO || format > FORMAT_GZIP) {
        raise_msg(&type_ValueError, "format");
    }
    if (wbits != 0 && (wbits < DEFLATE_MIN_WBITS || wbits > DEFLATE_MAX_WBITS)) {
        raise_msg(&type_ValueError, "wbits");
    }
    deflateio_t *self = gc_alloc(sizeof(deflateio_t), 0);
    self->base.type = &type_deflateio;
    self->stream = args[0];
    self->format = (uint8_t)format;
    self->wbits = (uint8_t)wbits;
    self->close_stream = n_args > 3 && obj_is_true(args[3]);
    return PTR_VAL(self);
}

static const map_entry_t deflateio_locals_table[] = {
    {QSTR(Q___enter__), PTR_VAL(&stream_enter_obj)},
    {QSTR(Q___exit__), PTR_VAL(&stream_exit_obj)},
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t deflateio_locals = MAP_ROM(deflateio_locals_table);

const type_t type_deflateio = {
    {&type_type},
    .name = Q_DeflateIO,
    .make_new = deflateio_make_new,
    .locals = &deflateio_locals,
    .protocol = &deflateio_stream_p,
};

static const map_entry_t deflate_table[] = {
    {QSTR(Q_AUTO), SMALL(FORMAT_AUTO)},
    {QSTR(Q_DeflateIO), PTR_VAL(&type_deflateio)},
    {QSTR(Q_GZIP), SMALL(FORMAT_GZIP)},
    {QSTR(Q_RAW), SMALL(FORMAT_RAW)},
    {QSTR(Q_ZLIB), SMALL(FORMAT_ZLIB)},
    {QSTR(Q___name__), QSTR(Q_deflate)},
};
MODULE_ROM(deflate_module, Q_deflate, deflate_table);

ESPY_MODULE(deflate, deflate_module);
