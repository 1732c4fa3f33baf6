// SPDX-License-Identifier: MIT
// espysim.Flash: a simulated NOR flash, a block device (blockdev.h) for
// testing filesystems where there is no chip: on the host, and in QEMU.
//
//     Flash(blocks, block_size=4096, file=None)
//
// behaves as the ESP8266's SPI flash does: an erase sets a whole block to
// 0xff, a program can only clear bits (the flash keeps old & new), so a
// filesystem that programs a byte twice without erasing it, or trusts
// bytes it never erased, shows the bug here. The image is in RAM (on the
// heap), or in a host file given by `file`, created (all 0xff) when
// missing, so that an image can be kept between runs.
//
// Besides the block device methods (readblocks, writeblocks, ioctl: the
// two-argument writeblocks erases the blocks it covers first, as the
// chip's flashbdev does for FAT) it counts what is done to it:
// erase_counts() lists the erases of each block, stats() gives (reads,
// bytes read, programs, bytes programmed, erases). cut_after(n) simulates
// a power cut: the next n programs or erases are made, the one after is
// torn (a program writes only the first half of its bytes, an erase
// erases only the first half of the block) and every later one is lost:
// silently, as the flash of a chip that lost power would, or, with
// cut_after(n, True), failing with OSError(EIO) so that the writer stops
// at once. cut_after(None) restores the power; was_cut() tells whether the
// cut happened.
//
// The C block device of the chip's own flash (flashbdev) will be a type
// like this one, its protocol calling hal flash functions instead.
#include <string.h>

#include "blockdev.h"
#include "exc.h"
#include "stream.h"

typedef struct {
    obj_t base;
    uint32_t block_size, block_count;
    uint8_t *data;              // the image in RAM, or NULL when in a file
    int fd;                     // the host file's handle, or -1
    uint32_t *erase_counts;
    uint32_t reads, programs, erases;
    uint64_t read_bytes, programmed_bytes;
    int32_t cut;                // operations left before the cut; -1 none
    bool cut_raises, is_cut;
} flash_sim_t;

extern const type_t type_flash_sim;

enum { POWER_ON, POWER_TORN, POWER_OFF };

// What happens to the next program or erase.
static int power(flash_sim_t *f) {
    if (f->cut < 0) {
        return POWER_ON;
    }
    if (f->cut > 0) {
        f->cut--;
        return POWER_ON;
    }
    if (!f->is_cut) {
        f->is_cut = true;
        return POWER_TORN;
    }
    return POWER_OFF;
}

static int load(flash_sim_t *f, uint64_t addr, void *buf, size_t len) {
    if (f->data != NULL) {
        memcpy(buf, f->data + addr, len);
        return 0;
    }
    int64_t r = hal_fs_seek(f->fd, (int64_t)addr, 0);
    for (size_t done = 0; r >= 0 && done < len; done += (size_t)r) {
        r = hal_fs_read(f->fd, (uint8_t *)buf + done, len - done);
        r = r == 0 ? -ESPY_EIO : r;
    }
    return r < 0 ? (int)r : 0;
}

static int store(flash_sim_t *f, uint64_t addr, const void *buf, size_t len) {
    if (f->data != NULL) {
        memcpy(f->data + addr, buf, len);
        return 0;
    }
    int64_t r = hal_fs_seek(f->fd, (int64_t)addr, 0);
    for (size_t done = 0; r >= 0 && done < len; done += (size_t)r) {
        r = hal_fs_write(f->fd, (const uint8_t *)buf + done, len - done);
        r = r == 0 ? -ESPY_EIO : r;
    }
    return r < 0 ? (int)r : 0;
}

static int sim_read(value_t self, uint32_t block, uint32_t offset, void *buf, size_t len) {
    flash_sim_t *f = VAL_PTR(self);
    f->reads++;
    f->read_bytes += len;
    return load(f, (uint64_t)block * f->block_size + offset, buf, len);
}

// Programs: each byte becomes old & new.
static int sim_prog(value_t self, uint32_t block, uint32_t offset, const void *buf, size_t len) {
    flash_sim_t *f = VAL_PTR(self);
    int state = power(f);
    size_t n = state == POWER_ON ? len : state == POWER_TORN ? len / 2 : 0;
    uint64_t addr = (uint64_t)block * f->block_size + offset;
    const uint8_t *src = buf;
    f->programs++;
    f->programmed_bytes += len;
    for (size_t done = 0; done < n;) {
        uint8_t chunk[64];
        size_t k = n - done < sizeof(chunk) ? n - done : sizeof(chunk);
        int err = load(f, addr + done, chunk, k);
        for (size_t i = 0; i < k && !err; i++) {
            chunk[i] &= src[done + i];
        }
        err = err ? err : store(f, addr + done, chunk, k);
        if (err) {
            return err;
        }
        done += k;
    }
    return state != POWER_ON && f->cut_raises ? -ESPY_EIO : 0;
}

static int sim_erase(flash_sim_t *f, uint32_t block) {
    int state = power(f);
    size_t n = state == POWER_ON ? f->block_size : state == POWER_TORN ? f->block_size / 2 : 0;
    uint8_t ff[64];
    memset(ff, 0xff, sizeof(ff));
    f->erases++;
    if (n > 0) {
        f->erase_counts[block]++;
    }
    for (size_t done = 0; done < n; done += sizeof(ff)) {
        int err = store(f, (uint64_t)block * f->block_size + done, ff, n - done < sizeof(ff) ? n - done : sizeof(ff));
        if (err) {
            return err;
        }
    }
    return state != POWER_ON && f->cut_raises ? -ESPY_EIO : 0;
}

static int sim_ioctl(value_t self, int op, uint32_t arg, uint32_t *result) {
    flash_sim_t *f = VAL_PTR(self);
    *result = 0;
    switch (op) {
        case BLOCKDEV_IOCTL_BLOCK_COUNT:
            *result = f->block_count;
            return 0;
        case BLOCKDEV_IOCTL_BLOCK_SIZE:
            *result = f->block_size;
            return 0;
        case BLOCKDEV_IOCTL_BLOCK_ERASE:
            return arg < f->block_count ? sim_erase(f, arg) : -ESPY_EINVAL;
        default:
            return 0;
    }
}

static const blockdev_p_t flash_sim_protocol = {PROTOCOL_BLOCKDEV, sim_read, sim_prog, sim_ioctl};

// ---- the Python methods ---------------------------------------------------------------------------

static flash_sim_t *flash_self(value_t v) {
    return obj_native(v, &type_flash_sim);
}

static void check(int err) {
    if (err < 0) {
        raise_os_error(-err);
    }
}

// The byte range (block, buf, offset) covers, checked inside the device.
static uint64_t range(flash_sim_t *f, value_t block, value_t offset, size_t len) {
    smallint_t b = value_get_int(block), o = offset == VAL_NULL || offset == VAL_NONE ? 0 : value_get_int(offset);
    uint64_t size = (uint64_t)f->block_size * f->block_count;
    if (b < 0 || o < 0 || (uint64_t)b * f->block_size + (uint64_t)o + len > size) {
        raise_os_error(ESPY_EINVAL);
    }
    return (uint64_t)b * f->block_size + (uint64_t)o;
}

// readblocks(block, buf, offset=0): may run over into the next blocks.
static value_t flash_readblocks_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = flash_self(args[0]);
    buffer_info_t info;
    if (!obj_get_buffer(args[2], &info, BUFFER_READ | BUFFER_WRITE)) {
        raise_fmt(&type_TypeError, "object with buffer protocol required, not '%T'", args[2]);
    }
    uint64_t addr = range(f, args[1], n_args > 3 ? args[3] : VAL_NULL, info.len);
    f->reads++;
    f->read_bytes += info.len;
    check(load(f, addr, info.buf, info.len));
    return VAL_NONE;
}
static BUILTIN_FN(flash_readblocks_obj, Q_readblocks, 3, 4, false, flash_readblocks_fn);

// writeblocks(block, buf, offset): programs only; writeblocks(block, buf)
// erases every block it covers first.
static value_t flash_writeblocks_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = flash_self(args[0]);
    buffer_info_t info;
    if (!obj_get_buffer(args[2], &info, BUFFER_READ)) {
        raise_fmt(&type_TypeError, "object with buffer protocol required, not '%T'", args[2]);
    }
    bool erase = n_args < 4 || args[3] == VAL_NONE;
    uint64_t addr = range(f, args[1], erase ? VAL_NULL : args[3], info.len);
    if (erase) {
        for (uint64_t b = addr / f->block_size; b * f->block_size < addr + info.len; b++) {
            check(sim_erase(f, (uint32_t)b));
        }
    }
    // Programs piece by piece within blocks, as sim_prog takes them.
    const uint8_t *src = info.buf;
    for (size_t done = 0; done < info.len;) {
        uint64_t a = addr + done;
        uint32_t block = (uint32_t)(a / f->block_size), off = (uint32_t)(a % f->block_size);
        size_t k = f->block_size - off < info.len - done ? f->block_size - off : info.len - done;
        check(sim_prog(PTR_VAL(f), block, off, src + done, k));
        done += k;
    }
    return VAL_NONE;
}
static BUILTIN_FN(flash_writeblocks_obj, Q_writeblocks, 3, 4, false, flash_writeblocks_fn);

// ioctl(op, arg): MicroPython's operations; None for one it does not know.
static value_t flash_ioctl_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = flash_self(args[0]);
    smallint_t op = value_get_int(args[1]);
    if (op < BLOCKDEV_IOCTL_INIT || op > BLOCKDEV_IOCTL_BLOCK_ERASE) {
        return VAL_NONE;
    }
    smallint_t arg = args[2] == VAL_NONE ? 0 : value_get_int(args[2]);
    uint32_t r;
    check(arg < 0 ? -ESPY_EINVAL : sim_ioctl(PTR_VAL(f), (int)op, (uint32_t)arg, &r));
    return int_from_uintptr(r);
}
static BUILTIN_FN(flash_ioctl_obj, Q_ioctl, 3, 3, false, flash_ioctl_fn);

static value_t flash_erase_counts_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = flash_self(args[0]);
    value_t list = list_new(f->block_count, NULL);
    for (uint32_t i = 0; i < f->block_count; i++) {
        ((list_obj_t *)VAL_PTR(list))->items[i] = int_from_uintptr(f->erase_counts[i]);
    }
    return list;
}
static BUILTIN_FN(flash_erase_counts_obj, Q_erase_counts, 1, 1, false, flash_erase_counts_fn);

static value_t flash_stats_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = flash_self(args[0]);
    value_t items[5] = {int_from_uintptr(f->reads), int_from_ull(f->read_bytes), int_from_uintptr(f->programs),
                        int_from_ull(f->programmed_bytes), int_from_uintptr(f->erases)};
    return tuple_new(5, items);
}
static BUILTIN_FN(flash_stats_obj, Q_stats, 1, 1, false, flash_stats_fn);

// cut_after(n, raise_error=False); cut_after(None) restores the power.
static value_t flash_cut_after_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = flash_self(args[0]);
    f->is_cut = false;
    f->cut = -1;
    if (args[1] != VAL_NONE) {
        smallint_t n = value_get_int(args[1]);
        if (n < 0 || n > INT32_MAX) {
            raise_msg(&type_ValueError, "cut_after: count out of range");
        }
        f->cut = (int32_t)n;
        f->cut_raises = n_args > 2 && obj_is_true(args[2]);
    }
    return VAL_NONE;
}
static BUILTIN_FN(flash_cut_after_obj, Q_cut_after, 2, 3, false, flash_cut_after_fn);

static value_t flash_was_cut_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return VAL_BOOL(flash_self(args[0])->is_cut);
}
static BUILTIN_FN(flash_was_cut_obj, Q_was_cut, 1, 1, false, flash_was_cut_fn);

static value_t flash_del_fn(size_t n_args, size_t n_kw, const value_t *args) {
    flash_sim_t *f = VAL_PTR(args[0]);
    if (f->fd >= 0) {
        hal_fs_close(f->fd);
        f->fd = -1;
    }
    return VAL_NONE;
}
static BUILTIN_FN(flash_del_obj, Q___del__, 1, 1, false, flash_del_fn);

// Flash(blocks, block_size=4096, file=None)
static value_t flash_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_blocks, Q_block_size, Q_file, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_Flash);
    if (n_args < 1 || n_args > 3) {
        raise_fmt(&type_TypeError, "Flash() takes 1 to 3 positional arguments (%u given)", (unsigned)n_args);
    }
    value_t bs = n_args > 1 ? args[1] : arg_kw(n_args, n_kw, args, Q_block_size);
    value_t file = n_args > 2 ? args[2] : arg_kw(n_args, n_kw, args, Q_file);
    smallint_t blocks = value_get_int(args[0]), block_size = bs == VAL_NULL ? 4096 : value_get_int(bs);
    if (blocks < 2 || blocks > 65536 || block_size < 128 || block_size > 65536 || (block_size & (block_size - 1))) {
        raise_msg(&type_ValueError, "Flash: bad geometry");
    }
    flash_sim_t *f = gc_alloc(sizeof(flash_sim_t), GC_FINAL);
    memset(f, 0, sizeof(*f));
    f->base.type = &type_flash_sim;
    f->block_size = (uint32_t)block_size;
    f->block_count = (uint32_t)blocks;
    f->fd = -1;
    f->cut = -1;
    f->erase_counts = gc_alloc((size_t)blocks * sizeof(uint32_t), GC_LEAF);
    memset(f->erase_counts, 0, (size_t)blocks * sizeof(uint32_t));
    uint64_t size = (uint64_t)blocks * (uint64_t)block_size;
    if (file == VAL_NULL || file == VAL_NONE) {
        f->data = gc_alloc((size_t)size, GC_LEAF);
        memset(f->data, 0xff, (size_t)size);
        return PTR_VAL(f);
    }
    size_t path_len;
    const char *path = str_data(file, &path_len);
    if (path == NULL) {
        raise_fmt(&type_TypeError, "Flash() argument 'file' must be str, not %T", file);
    }
    f->fd = hal_fs_open(path, HAL_FS_READ | HAL_FS_WRITE | HAL_FS_CREATE);
    check(f->fd);
    // A file shorter than the device is extended with erased bytes.
    int64_t end = hal_fs_seek(f->fd, 0, 2);
    check(end < 0 ? (int)end : 0);
    uint8_t ff[256];
    memset(ff, 0xff, sizeof(ff));
    for (uint64_t at = (uint64_t)end; at < size; at += sizeof(ff)) {
        check(store(f, at, ff, size - at < sizeof(ff) ? (size_t)(size - at) : sizeof(ff)));
    }
    return PTR_VAL(f);
}

static const map_entry_t flash_locals_table[] = {
    {QSTR(Q___del__), PTR_VAL(&flash_del_obj)},
    {QSTR(Q_cut_after), PTR_VAL(&flash_cut_after_obj)},
    {QSTR(Q_erase_counts), PTR_VAL(&flash_erase_counts_obj)},
    {QSTR(Q_ioctl), PTR_VAL(&flash_ioctl_obj)},
    {QSTR(Q_readblocks), PTR_VAL(&flash_readblocks_obj)},
    {QSTR(Q_stats), PTR_VAL(&flash_stats_obj)},
    {QSTR(Q_was_cut), PTR_VAL(&flash_was_cut_obj)},
    {QSTR(Q_writeblocks), PTR_VAL(&flash_writeblocks_obj)},
};
static const map_t flash_locals = MAP_ROM(flash_locals_table);

const type_t type_flash_sim = {
    {&type_type}, .name = Q_Flash, .flags = TYPE_FLAG_BASETYPE, .make_new = flash_make_new,
    .locals = &flash_locals, .protocol = &flash_sim_protocol,
};

static const map_entry_t espysim_module_table[] = {
    {QSTR(Q_Flash), PTR_VAL(&type_flash_sim)},
    {QSTR(Q___name__), QSTR(Q_espysim)},
};
MODULE_ROM(espysim_module, Q_espysim, espysim_module_table);
ESPY_MODULE(espysim, espysim_module);
