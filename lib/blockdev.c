// SPDX-License-Identifier: MIT
// Block devices (blockdev.h): the C view of a device, calling a C device's
// protocol directly and a Python one's methods. A Python method gets the
// filesystem's buffer itself, as a memoryview over a small window object
// (no copy), as MicroPython passes a bytearray by reference.
//
// Calls into Python can raise; here they are caught and kept, so that the
// C code above (littlefs) sees an error code and unwinds normally. While
// the collector runs finalisers (a file dropped without close) nothing can
// be allocated: a Python device then fails with EIO, and the file's last
// writes are lost, as a device that raised would lose them.
#include "blockdev.h"
#include "exc.h"
#include "stream.h"
#include "type.h"

// A window on C memory with a buffer, for memoryview.
typedef struct {
    obj_t base;
    uint8_t *data;
    size_t len;
    bool readonly;
} window_t;

static bool window_buffer(value_t self, buffer_info_t *info, int flags) {
    window_t *w = VAL_PTR(self);
    if ((flags & BUFFER_WRITE) && w->readonly) {
        return false;
    }
    info->buf = w->data;
    info->len = w->len;
    info->typecode = 'B';
    return true;
}

static const type_t type_window = {{&type_type}, .name = Q_memoryview, .buffer = window_buffer};

// Calls method(args...), where args[1] is replaced by a view of buf when
// buf is given; 0 with *result, or -ESPY_EIO with the exception kept.
static int call_python(blockdev_t *bd, qstr_t method, size_t n_args, value_t *args, const void *buf, size_t len,
                       bool readonly, value_t *result) {
    window_t *volatile w = NULL;
    if (buf != NULL) {
        w = gc_alloc_maybe(sizeof(window_t), 0);
        if (w == NULL) {
            return -ESPY_EIO;        // no memory, or inside a collection
        }
        *w = (window_t){{&type_window}, (uint8_t *)buf, len, readonly};
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (w != NULL) {
            args[1] = memoryview_new(PTR_VAL(w));
        }
        *result = call_method(bd->obj, method, n_args, args);
        nlr_pop();
        return 0;
    }
    if (bd->error == VAL_NULL) {
        bd->error = nlr.value;
    }
    return -ESPY_EIO;
}

// A method's answer: None is 0, an int is itself, anything else an error.
static int int_result(value_t r, int32_t *out) {
    smallint_t v = 0;
    if (r != VAL_NONE && !value_get_int_maybe(r, &v)) {
        return -ESPY_EIO;
    }
    *out = (int32_t)v;
    return 0;
}

static int python_ioctl(blockdev_t *bd, int op, uint32_t arg, int32_t *out) {
    value_t args[2] = {SMALL(op), int_from_uintptr(arg)}, r;
    int err = call_python(bd, Q_ioctl, 2, args, NULL, 0, false, &r);
    return err ? err : int_result(r, out);
}

// A device's status answer: 0 is success; a negative errno is passed on.
static int status(int err, int32_t r) {
    return err ? err : r == 0 ? 0 : r < 0 && r > -4096 ? (int)r : -ESPY_EIO;
}

static int dev_ioctl(blockdev_t *bd, int op, uint32_t arg, int32_t *out) {
    *out = 0;
    if (bd->p != NULL) {
        uint32_t r = 0;
        int err = bd->p->ioctl(bd->obj, op, arg, &r);
        *out = (int32_t)r;
        return err;
    }
    return python_ioctl(bd, op, arg, out);
}

static bool in_range(blockdev_t *bd, uint32_t block, uint32_t offset, size_t len) {
    return block < bd->block_count && offset <= bd->block_size && len <= bd->block_size - offset;
}

int blockdev_read(blockdev_t *bd, uint32_t block, uint32_t offset, void *buf, size_t len) {
    if (!in_range(bd, block, offset, len)) {
        return -ESPY_EIO;
    }
    if (bd->p != NULL) {
        return bd->p->read(bd->obj, block, offset, buf, len);
    }
    value_t args[3] = {int_from_uintptr(block), VAL_NONE, int_from_uintptr(offset)}, r;
    int32_t v = 0;
    int err = call_python(bd, Q_readblocks, 3, args, buf, len, false, &r);
    return status(err ? err : int_result(r, &v), v);
}

int blockdev_prog(blockdev_t *bd, uint32_t block, uint32_t offset, const void *buf, size_t len) {
    if (!in_range(bd, block, offset, len)) {
        return -ESPY_EIO;
    }
    if (bd->p != NULL) {
        return bd->p->prog(bd->obj, block, offset, buf, len);
    }
    value_t args[3] = {int_from_uintptr(block), VAL_NONE, int_from_uintptr(offset)}, r;
    int32_t v = 0;
    int err = call_python(bd, Q_writeblocks, 3, args, buf, len, true, &r);
    return status(err ? err : int_result(r, &v), v);
}

int blockdev_erase(blockdev_t *bd, uint32_t block) {
    if (block >= bd->block_count) {
        return -ESPY_EIO;
    }
    int32_t r;
    int err = dev_ioctl(bd, BLOCKDEV_IOCTL_BLOCK_ERASE, block, &r);
    return status(err, r);
}

int blockdev_read_block(blockdev_t *bd, uint32_t block, void *buf) {
    if (bd->p != NULL || block >= bd->block_count) {
        return blockdev_read(bd, block, 0, buf, bd->block_size);
    }
    value_t args[2] = {int_from_uintptr(block), VAL_NONE}, r;
    int32_t v = 0;
    int err = call_python(bd, Q_readblocks, 2, args, buf, bd->block_size, false, &r);
    return status(err ? err : int_result(r, &v), v);
}

int blockdev_write_block(blockdev_t *bd, uint32_t block, const void *buf) {
    if (bd->p != NULL || block >= bd->block_count) {
        int err = blockdev_erase(bd, block);
        return err ? err : blockdev_prog(bd, block, 0, buf, bd->block_size);
    }
    value_t args[2] = {int_from_uintptr(block), VAL_NONE}, r;
    int32_t v = 0;
    int err = call_python(bd, Q_writeblocks, 2, args, buf, bd->block_size, true, &r);
    return status(err ? err : int_result(r, &v), v);
}

int blockdev_sync(blockdev_t *bd) {
    int32_t r;
    int err = dev_ioctl(bd, BLOCKDEV_IOCTL_SYNC, 0, &r);
    return status(err, r);
}

void blockdev_check(blockdev_t *bd, int err) {
    if (bd->error != VAL_NULL) {
        value_t e = bd->error;
        bd->error = VAL_NULL;
        raise_obj(e);
    }
    if (err < 0) {
        raise_os_error(-err);
    }
}

void blockdev_open(blockdev_t *bd, value_t obj) {
    bd->obj = obj;
    bd->error = VAL_NULL;
    bd->p = NULL;
    if (VAL_IS_OBJ(obj) && !type_is_heap(OBJ(obj)->type)) {
        const blockdev_p_t *p = OBJ(obj)->type->protocol;
        bd->p = p != NULL && p->kind == PROTOCOL_BLOCKDEV ? p : NULL;
    }
    if (bd->p == NULL) {
        value_t dest[2];            // AttributeError without them, as MicroPython
        obj_load_method(obj, Q_readblocks, dest);
        obj_load_method(obj, Q_ioctl, dest);
    }
    int32_t init, size, count;
    int err = dev_ioctl(bd, BLOCKDEV_IOCTL_INIT, 0, &init);
    if (!err) {
        err = status(0, init);
    }
    if (!err) {
        err = dev_ioctl(bd, BLOCKDEV_IOCTL_BLOCK_SIZE, 0, &size);
    }
    if (!err) {
        err = dev_ioctl(bd, BLOCKDEV_IOCTL_BLOCK_COUNT, 0, &count);
    }
    blockdev_check(bd, err);
    bd->block_size = size > 0 ? (uint32_t)size : 512;      // MicroPython's default
    bd->block_count = count > 0 ? (uint32_t)count : 0;
}
