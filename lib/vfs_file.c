// SPDX-License-Identifier: MIT
// The files of C filesystems (vfs.h): io.FileIO in binary mode and
// io.TextIOWrapper in text mode, streams (stream.h) over the operations a
// filesystem gives each file it opens (vfs_file_ops_t).
//
// As in MicroPython, using a closed file is ValueError("I/O operation on
// closed file"), and reading a file not opened for reading (or writing one
// not opened for writing) is OSError(EBADF), whatever the filesystem. A
// file is closed by close(), by leaving a `with` block, or by the
// collector when it becomes garbage (__del__, which gc_finalise calls).
#include "exc.h"
#include "gc.h"
#include "vfs.h"

vfs_file_t *vfs_file_new(size_t size, const vfs_file_ops_t *ops, value_t fs, unsigned flags) {
    vfs_file_t *f = gc_alloc(size, GC_FINAL);
    f->base.type = (flags & VFS_O_TEXT) ? &type_vfs_textio : &type_vfs_fileio;
    f->ops = ops;
    f->fs = fs;
    f->number = -1;
    f->flags = (uint8_t)flags;
    return f;
}

void vfs_file_opened(vfs_file_t *f, int number) {
    f->number = number;
    f->is_open = true;
}

static vfs_file_t *open_file(value_t self) {
    vfs_file_t *f = VAL_PTR(self);
    if (!f->is_open) {
        raise_msg(&type_ValueError, "I/O operation on closed file");
    }
    return f;
}

// Closes f once: later calls do nothing.
static int close_file(vfs_file_t *f) {
    if (!f->is_open) {
        return 0;
    }
    f->is_open = false;
    f->number = -1;
    // From the collector, a filesystem that is garbage too (unmounted and
    // dropped) may be gone already: its file can no longer be written.
    if (VAL_IS_OBJ(f->fs) && !gc_is_live(VAL_PTR(f->fs))) {
        return 0;
    }
    return f->ops->close(f);
}

// ---- the stream protocol ----------------------------------------------------------------

static intptr_t result(intptr_t r, int *err) {
    if (r < 0) {
        *err = (int)-r;
        return STREAM_ERROR;
    }
    return r;
}

static intptr_t file_read(value_t self, void *buf, size_t size, int *err) {
    vfs_file_t *f = open_file(self);
    return result((f->flags & VFS_O_READ) ? f->ops->read(f, buf, size) : -ESPY_EBADF, err);
}

static intptr_t file_write(value_t self, const void *buf, size_t size, int *err) {
    vfs_file_t *f = open_file(self);
    return result((f->flags & VFS_O_WRITE) ? f->ops->write(f, buf, size) : -ESPY_EBADF, err);
}

static intptr_t file_ioctl(value_t self, unsigned request, uintptr_t arg, int *err) {
    if (request == STREAM_CLOSE) {
        return result(close_file(VAL_PTR(self)), err);
    }
    vfs_file_t *f = open_file(self);
    switch (request) {
        case STREAM_SEEK: {
            stream_seek_t *s = (stream_seek_t *)arg;
            int64_t offset = s->offset;
            int r = f->ops->seek(f, &offset, s->whence);
            if (r == 0 && (offset < INTPTR_MIN || offset > INTPTR_MAX)) {
                r = -ESPY_EINVAL;        // a position this build's ints cannot hold
            }
            s->offset = (intptr_t)offset;
            return result(r, err);
        }
        case STREAM_FLUSH:
            return result(f->ops->flush(f), err);
        case STREAM_POLL:
            return (intptr_t)(arg & (STREAM_POLL_RD | STREAM_POLL_WR));   // a file never waits
        default:
            return result(-ESPY_EINVAL, err);
    }
}

static const stream_p_t binary_stream = {
    .kind = PROTOCOL_STREAM, .read = file_read, .write = file_write, .ioctl = file_ioctl, .is_text = false,
};
static const stream_p_t text_stream = {
    .kind = PROTOCOL_STREAM, .read = file_read, .write = file_write, .ioctl = file_ioctl, .is_text = true,
};

// ---- the types ----------------------------------------------------------------------------

static void file_print(const print_t *p, value_t self, print_kind_t kind) {
    vfs_file_t *f = VAL_PTR(self);
    print_fmt(p, "<io.%q %d>", (qstr_t)f->base.type->name, f->number);
}

// The collector's finaliser (and f.__del__()): closes without raising.
static value_t file_del_fn(size_t n_args, size_t n_kw, const value_t *args) {
    close_file(VAL_PTR(args[0]));
    return VAL_NONE;
}
static BUILTIN_FN(file_del_obj, Q___del__, 1, 1, false, file_del_fn);

static const map_entry_t file_locals_table[] = {
    {QSTR(Q___del__), PTR_VAL(&file_del_obj)},
    {QSTR(Q___enter__), PTR_VAL(&stream_enter_obj)},
    {QSTR(Q___exit__), PTR_VAL(&stream_exit_obj)},
    {QSTR(Q_close), PTR_VAL(&stream_close_obj)},
    {QSTR(Q_flush), PTR_VAL(&stream_flush_obj)},
    {QSTR(Q_read), PTR_VAL(&stream_read_obj)},
    {QSTR(Q_readinto), PTR_VAL(&stream_readinto_obj)},
    {QSTR(Q_readline), PTR_VAL(&stream_readline_obj)},
    {QSTR(Q_readlines), PTR_VAL(&stream_readlines_obj)},
    {QSTR(Q_seek), PTR_VAL(&stream_seek_obj)},
    {QSTR(Q_tell), PTR_VAL(&stream_tell_obj)},
    {QSTR(Q_write), PTR_VAL(&stream_write_obj)},
};
static const map_t file_locals = MAP_ROM(file_locals_table);

const type_t type_vfs_fileio = {
    {&type_type}, .name = Q_FileIO, .flags = TYPE_FLAG_ITER_IS_SELF, .print = file_print, .getiter = iter_self,
    .iternext = stream_iternext, .locals = &file_locals, .protocol = &binary_stream,
};

const type_t type_vfs_textio = {
    {&type_type}, .name = Q_TextIOWrapper, .flags = TYPE_FLAG_ITER_IS_SELF, .print = file_print,
    .getiter = iter_self, .iternext = stream_iternext, .locals = &file_locals, .protocol = &text_stream,
};
