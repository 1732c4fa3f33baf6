// SPDX-License-Identifier: MIT
// os.VfsLfs2 (vfs.VfsLfs2): littlefs v2 (lib/lfs2.h) on a block device
// (lib/blockdev.h), as a C filesystem of the VFS (vfs.h), with MicroPython's
// interface and parameters:
//
//     VfsLfs2(bdev, readsize=32, progsize=32, lookahead=32, mtime=True)
//     VfsLfs2.mkfs(bdev, readsize=32, progsize=32, lookahead=32)
//
// The constructor mounts (OSError when the device holds no littlefs: errno
// 84 for a corrupt or foreign image, 22 for one made for another size).
// The caches are min(block size, 4 * max(readsize, progsize)) bytes: two
// for the filesystem and one per open file. With mtime, each file opened
// for writing gets user attribute 1, nanoseconds since 1970 (the VFS clock
// plus 946684800 s), refreshed at open and at each write and committed
// with the data; stat gives it back in seconds since 2000.
//
// As in MicroPython: rmdir and remove both remove a file or an empty
// directory; listings give (name, type, 0, size) with size 0 for
// directories. Mounted read-only (mount(readonly=True)), every change
// is refused with OSError(EROFS).
#include <string.h>

#include "blockdev.h"
#include "exc.h"
#include "lfs2.h"
#include "type.h"
#include "vfs.h"

#define SECONDS_1970_TO_2000 946684800LL

typedef struct {
    obj_t base;
    blockdev_t bdev;
    value_t cwd;                // what chdir was last given (for a direct getcwd)
    bool mtime, readonly;
    lfs2_t lfs;
    uint8_t buffers[];          // rcache, pcache, lookahead bitmap
} vfs_lfs2_t;

typedef struct {
    vfs_file_t file;
    lfs2_file_t f;
    uint8_t mtime[8];
    uint8_t cache[];            // cache_size bytes
} lfs2_vfile_t;

typedef struct {
    lfs2_dir_t d;
    lfs2_info_t info;
} lfs2_vdir_t;

extern const type_t type_vfs_lfs2;

// ---- the block device under littlefs --------------------------------------------------------------

static int dev_read(void *c, uint32_t block, uint32_t off, void *buf, uint32_t size) {
    return blockdev_read(c, block, off, buf, size);
}

static int dev_prog(void *c, uint32_t block, uint32_t off, const void *buf, uint32_t size) {
    return blockdev_prog(c, block, off, buf, size);
}

static int dev_erase(void *c, uint32_t block) {
    return blockdev_erase(c, block);
}

static int dev_sync(void *c) {
    return blockdev_sync(c);
}

static vfs_lfs2_t *fs_of(value_t self) {
    return VAL_PTR(self);
}

// An error code, after raising what a Python block device raised.
static int result(vfs_lfs2_t *fs, int err) {
    blockdev_check(&fs->bdev, 0);
    return err < 0 ? err : 0;
}

static int writable(vfs_lfs2_t *fs) {
    return !fs->lfs.mounted ? -ESPY_ENODEV : fs->readonly ? -ESPY_EROFS : 0;
}

// ---- files ------------------------------------------------------------------------------------

static lfs2_t *lfs_of_file(vfs_file_t *f) {
    return &fs_of(f->fs)->lfs;
}

static void set_mtime(uint8_t *buf) {
    uint64_t ns = (uint64_t)(hal_clock_us() + SECONDS_1970_TO_2000 * 1000000) * 1000;
    for (int i = 0; i < 8; i++) {
        buf[i] = (uint8_t)(ns >> (8 * i));
    }
}

static intptr_t file_read(vfs_file_t *f, void *buf, size_t size) {
    lfs2_vfile_t *lf = (lfs2_vfile_t *)f;
    int32_t n = lfs2_file_read(lfs_of_file(f), &lf->f, buf, size > INT32_MAX ? INT32_MAX : (uint32_t)size);
    result(fs_of(f->fs), 0);
    return n;
}

static intptr_t file_write(vfs_file_t *f, const void *buf, size_t size) {
    lfs2_vfile_t *lf = (lfs2_vfile_t *)f;
    if (lf->f.mtime != NULL) {
        set_mtime(lf->mtime);
    }
    int32_t n = lfs2_file_write(lfs_of_file(f), &lf->f, buf, size > INT32_MAX ? INT32_MAX : (uint32_t)size);
    result(fs_of(f->fs), 0);
    return n;
}

static int file_seek(vfs_file_t *f, int64_t *offset, int whence) {
    lfs2_vfile_t *lf = (lfs2_vfile_t *)f;
    if (*offset < INT32_MIN || *offset > INT32_MAX) {
        return -ESPY_EINVAL;
    }
    int32_t pos = lfs2_file_seek(lfs_of_file(f), &lf->f, (int32_t)*offset, whence);
    result(fs_of(f->fs), 0);
    if (pos < 0) {
        return pos;
    }
    *offset = pos;
    return 0;
}

static int file_flush(vfs_file_t *f) {
    return result(fs_of(f->fs), lfs2_file_sync(lfs_of_file(f), &((lfs2_vfile_t *)f)->f));
}

// Also the collector's: raises nothing (a Python device's exception is
// dropped, the error is EIO).
static int file_close(vfs_file_t *f) {
    vfs_lfs2_t *fs = fs_of(f->fs);
    if (!fs->lfs.mounted) {
        return 0;
    }
    int err = lfs2_file_close(&fs->lfs, &((lfs2_vfile_t *)f)->f);
    fs->bdev.error = VAL_NULL;
    return err;
}

static const vfs_file_ops_t lfs2_file_ops = {file_read, file_write, file_seek, file_flush, file_close};

// ---- the filesystem -----------------------------------------------------------------------------

static int lfs2_vfs_mount(value_t self, bool readonly, bool mkfs) {
    vfs_lfs2_t *fs = fs_of(self);
    fs->readonly = readonly;
    return fs->lfs.mounted ? 0 : result(fs, lfs2_mount(&fs->lfs));
}

static int lfs2_vfs_umount(value_t self) {
    lfs2_unmount(&fs_of(self)->lfs);
    return 0;
}

static int lfs2_vfs_open(value_t self, const char *path, unsigned flags, value_t *file) {
    vfs_lfs2_t *fs = fs_of(self);
    int err = (flags & VFS_O_WRITE) ? writable(fs) : fs->lfs.mounted ? 0 : -ESPY_ENODEV;
    if (err) {
        return err;
    }
    lfs2_vfile_t *f = (lfs2_vfile_t *)vfs_file_new(sizeof(lfs2_vfile_t) + fs->lfs.cfg.cache_size, &lfs2_file_ops,
                                                  self, flags);
    int lflags = (flags & (VFS_O_READ | VFS_O_WRITE)) | ((flags & VFS_O_CREATE) ? LFS2_O_CREAT : 0)
                 | ((flags & VFS_O_TRUNCATE) ? LFS2_O_TRUNC : 0) | ((flags & VFS_O_APPEND) ? LFS2_O_APPEND : 0)
                 | ((flags & VFS_O_EXCLUSIVE) ? LFS2_O_EXCL : 0);
    f->f.cache.buffer = f->cache;
    f->f.mtime = NULL;
    if (fs->mtime && (flags & VFS_O_WRITE)) {
        set_mtime(f->mtime);
        f->f.mtime = f->mtime;
    }
    err = result(fs, lfs2_file_open(&fs->lfs, &f->f, path, lflags));
    if (err) {
        return err;
    }
    vfs_file_opened(&f->file, 0);
    *file = PTR_VAL(f);
    return 0;
}

static int lfs2_vfs_dir_open(value_t self, const char *path, void *dir) {
    vfs_lfs2_t *fs = fs_of(self);
    return fs->lfs.mounted ? result(fs, lfs2_dir_open(&fs->lfs, &((lfs2_vdir_t *)dir)->d, path)) : -ESPY_ENODEV;
}

static int lfs2_vfs_dir_next(value_t self, void *dir, vfs_dirent_t *entry) {
    vfs_lfs2_t *fs = fs_of(self);
    lfs2_vdir_t *d = dir;
    int r = lfs2_dir_read(&fs->lfs, &d->d, &d->info);
    result(fs, 0);
    if (r <= 0) {
        return r;
    }
    entry->name = d->info.name;
    entry->name_len = strlen(d->info.name);
    entry->type = d->info.type == LFS2_TYPE_DIR ? VFS_S_IFDIR : VFS_S_IFREG;
    entry->inode = 0;
    entry->size = d->info.size;
    return 1;
}

static void lfs2_vfs_dir_close(value_t self, void *dir) {
    lfs2_dir_close(&fs_of(self)->lfs, &((lfs2_vdir_t *)dir)->d);
}

static int lfs2_vfs_mkdir(value_t self, const char *path) {
    vfs_lfs2_t *fs = fs_of(self);
    int err = writable(fs);
    return err ? err : result(fs, lfs2_mkdir(&fs->lfs, path));
}

static int lfs2_vfs_remove(value_t self, const char *path) {
    vfs_lfs2_t *fs = fs_of(self);
    int err = writable(fs);
    return err ? err : result(fs, lfs2_remove(&fs->lfs, path));
}

static int lfs2_vfs_rename(value_t self, const char *from, const char *to) {
    vfs_lfs2_t *fs = fs_of(self);
    int err = writable(fs);
    return err ? err : result(fs, lfs2_rename(&fs->lfs, from, to));
}

static int lfs2_vfs_stat(value_t self, const char *path, vfs_stat_t *st) {
    vfs_lfs2_t *fs = fs_of(self);
    lfs2_info_t *info = gc_alloc(sizeof(lfs2_info_t), GC_LEAF);
    int err = fs->lfs.mounted ? result(fs, lfs2_stat(&fs->lfs, path, info)) : -ESPY_ENODEV;
    if (err) {
        return err;
    }
    st->size = info->size;
    st->mode = info->type == LFS2_TYPE_DIR ? VFS_S_IFDIR : VFS_S_IFREG;
    st->inode = 0;
    st->mtime = 0;
    uint8_t t[8];
    if (lfs2_getattr(&fs->lfs, path, 1, t, 8) == 8) {
        uint64_t ns = 0;
        for (int i = 7; i >= 0; i--) {
            ns = ns << 8 | t[i];
        }
        st->mtime = (int64_t)(ns / 1000000000u) - SECONDS_1970_TO_2000;
    }
    return result(fs, 0);
}

static int lfs2_vfs_statvfs(value_t self, const char *path, vfs_statvfs_t *st) {
    vfs_lfs2_t *fs = fs_of(self);
    int32_t used = fs->lfs.mounted ? lfs2_fs_size(&fs->lfs) : -ESPY_ENODEV;
    int err = result(fs, used);
    if (err) {
        return err;
    }
    uint32_t bs = fs->lfs.cfg.block_size, free = fs->lfs.cfg.block_count - (uint32_t)used;
    *st = (vfs_statvfs_t){bs, bs, fs->lfs.cfg.block_count, free, free, 0, 0, 0, 0, fs->lfs.name_max};
    return 0;
}

// Anything but a directory is ENOENT, as MicroPython's says.
static int lfs2_vfs_chdir(value_t self, const char *path) {
    vfs_lfs2_t *fs = fs_of(self);
    vfs_stat_t st;
    if (lfs2_vfs_stat(self, path, &st) != 0 || st.mode != VFS_S_IFDIR) {
        return -ESPY_ENOENT;
    }
    fs->cwd = str_new_cstr(path);
    return 0;
}

static int lfs2_vfs_getcwd(value_t self, vstr_t *out) {
    size_t len;
    const char *s = str_data(fs_of(self)->cwd, &len);
    vstr_add_strn(out, s, len);
    return 0;
}

static const vfs_fs_p_t lfs2_protocol = {
    .kind = PROTOCOL_VFS,
    .dir_size = sizeof(lfs2_vdir_t),
    .mount = lfs2_vfs_mount,
    .umount = lfs2_vfs_umount,
    .open = lfs2_vfs_open,
    .dir_open = lfs2_vfs_dir_open,
    .dir_next = lfs2_vfs_dir_next,
    .dir_close = lfs2_vfs_dir_close,
    .mkdir = lfs2_vfs_mkdir,
    .rmdir = lfs2_vfs_remove,
    .remove = lfs2_vfs_remove,
    .rename = lfs2_vfs_rename,
    .stat = lfs2_vfs_stat,
    .statvfs = lfs2_vfs_statvfs,
    .chdir = lfs2_vfs_chdir,
    .getcwd = lfs2_vfs_getcwd,
};

// ---- construction -------------------------------------------------------------------------------

// A filesystem object for bdev with MicroPython's parameters (args:
// bdev, readsize, progsize, lookahead, mtime; keywords allowed).
static vfs_lfs2_t *make(size_t n_args, size_t n_kw, const value_t *args, qstr_t fn, bool with_mtime) {
    static const qstr_t names[] = {Q_bdev, Q_readsize, Q_progsize, Q_lookahead, Q_mtime, Q_NULL};
    static const qstr_t names_mkfs[] = {Q_bdev, Q_readsize, Q_progsize, Q_lookahead, Q_NULL};
    size_t max = with_mtime ? 5 : 4;
    arg_kw_check(n_args, n_kw, args, with_mtime ? names : names_mkfs, fn);
    if (n_args > max) {
        raise_fmt(&type_TypeError, "function takes at most %u positional arguments (%u given)", (unsigned)max,
                  (unsigned)n_args);
    }
    value_t v[5];
    for (size_t i = 0; i < max; i++) {
        v[i] = i < n_args ? args[i] : arg_kw(n_args, n_kw, args, names[i]);
    }
    if (v[0] == VAL_NULL) {
        raise_msg(&type_TypeError, "function missing required argument 'bdev'");
    }
    smallint_t read = v[1] == VAL_NULL ? 32 : value_get_int(v[1]), prog = v[2] == VAL_NULL ? 32 : value_get_int(v[2]),
               lookahead = v[3] == VAL_NULL ? 32 : value_get_int(v[3]);
    if (read <= 0 || prog <= 0 || lookahead <= 0 || read > 4096 || prog > 4096 || lookahead > 4096) {
        raise_os_error(ESPY_EINVAL);
    }
    blockdev_t bdev;
    blockdev_open(&bdev, v[0]);
    uint32_t cache = (uint32_t)(read > prog ? read : prog) * 4;
    cache = cache < bdev.block_size ? cache : bdev.block_size;
    uint32_t look = ((uint32_t)lookahead + 7) & ~7u;
    vfs_lfs2_t *fs = gc_alloc(sizeof(vfs_lfs2_t) + 2 * cache + look, 0);
    fs->base.type = &type_vfs_lfs2;
    fs->bdev = bdev;
    fs->cwd = QSTR(Q__slash_);
    fs->mtime = with_mtime && (v[4] == VAL_NULL || obj_is_true(v[4]));
    fs->readonly = false;
    fs->lfs.cfg = (lfs2_config_t){&fs->bdev, dev_read, dev_prog, dev_erase, dev_sync, (uint32_t)read, (uint32_t)prog,
                                  bdev.block_size, bdev.block_count, cache, look, 100};
    fs->lfs.rcache.buffer = fs->buffers;
    fs->lfs.pcache.buffer = fs->buffers + cache;
    fs->lfs.lookahead.buffer = fs->buffers + 2 * cache;
    fs->lfs.mounted = false;
    return fs;
}

static value_t lfs2_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    vfs_lfs2_t *fs = make(n_args, n_kw, args, Q_VfsLfs2, true);
    int err = lfs2_mount(&fs->lfs);
    blockdev_check(&fs->bdev, err);
    return PTR_VAL(fs);
}

// mkfs(bdev, readsize=32, progsize=32, lookahead=32)
static value_t lfs2_mkfs_fn(size_t n_args, size_t n_kw, const value_t *args) {
    vfs_lfs2_t *fs = make(n_args, n_kw, args, Q_mkfs, false);
    int err = lfs2_format(&fs->lfs);
    blockdev_check(&fs->bdev, err);
    return VAL_NONE;
}
static BUILTIN_FN(lfs2_mkfs_obj, Q_mkfs, 1, 4, true, lfs2_mkfs_fn);
static const staticmethod_obj_t lfs2_mkfs_sm = {{&type_staticmethod}, PTR_VAL(&lfs2_mkfs_obj)};

static const map_entry_t lfs2_locals_table[] = {
    {QSTR(Q_mkfs), PTR_VAL(&lfs2_mkfs_sm)},
    VFS_FS_METHODS
};
static const map_t lfs2_locals = MAP_ROM(lfs2_locals_table);

const type_t type_vfs_lfs2 = {
    {&type_type}, .name = Q_VfsLfs2, .flags = TYPE_FLAG_BASETYPE, .make_new = lfs2_make_new,
    .locals = &lfs2_locals, .protocol = &lfs2_protocol,
};
