// SPDX-License-Identifier: MIT
// os.VfsFat (vfs.VfsFat): FAT12/16 with long names (lib/fat.h) on a block
// device (lib/blockdev.h), as a C filesystem of the VFS (vfs.h), with
// MicroPython's interface:
//
//     VfsFat(bdev)            a volume on the device; a device with no FAT
//                             on it is accepted, and mount() then fails with
//                             OSError(ENODEV) unless asked to mkfs
//     VfsFat.mkfs(bdev)       formats as VfsFat.mkfs does on the ESP8266
//
// The device is used as FatFs uses it: whole blocks (sectors) through the
// two-argument readblocks and writeblocks. A mounted volume costs this
// object and one sector (4 KiB on the chip); an open file costs its
// object and no buffer.
//
// As in MicroPython: remove() of a directory is EISDIR and rmdir() of a
// file ENOTDIR; a directory that is not empty, or a full directory, is
// EACCES; a write that finds the disk full is ENOSPC; rename() over a
// file removes that file first. Listings give (name, type, 0, size) and
// leave out "." and ".."; stat() gives the modification time. No volume
// label (the ESP8266's FatFs has none). Mounted read-only, every change is
// OSError(EROFS).
#include <string.h>

#include "exc.h"
#include "fat.h"
#include "type.h"
#include "vfs.h"

typedef struct {
    obj_t base;
    fat_t fat;
    value_t cwd;                // what chdir was last given (for a direct getcwd)
    uint8_t win[];              // the sector window
} vfs_fat_t;

typedef struct {
    vfs_file_t file;
    fat_file_t f;
} fat_vfile_t;

typedef struct {
    fat_dir_t d;
    bool started;
    uint8_t entry[32];
    char name[FAT_NAME_MAX + 1];
} fat_vdir_t;

extern const type_t type_vfs_fat;

static fat_t *fat_of(value_t self) {
    return &((vfs_fat_t *)VAL_PTR(self))->fat;
}

// An error code, after raising what a Python block device raised.
static int result(fat_t *fs, int err) {
    blockdev_check(&fs->bdev, 0);
    return err < 0 ? err : 0;
}

// Mounts when needed, as FatFs does at each call: ENODEV with no volume.
static int ready(fat_t *fs) {
    return fs->fat_type != 0 ? 0 : result(fs, fat_mount(fs));
}

// ---- files ---------------------------------------------------------------------------------------

static fat_t *file_fs(vfs_file_t *f) {
    return fat_of(f->fs);
}

static intptr_t file_read(vfs_file_t *f, void *buf, size_t size) {
    fat_t *fs = file_fs(f);
    intptr_t n = fs->fat_type != 0 ? fat_read(fs, &((fat_vfile_t *)f)->f, buf, size) : -ESPY_ENODEV;
    result(fs, 0);
    return n;
}

static intptr_t file_write(vfs_file_t *f, const void *buf, size_t size) {
    fat_t *fs = file_fs(f);
    intptr_t n = fs->fat_type != 0 ? fat_write(fs, &((fat_vfile_t *)f)->f, buf, size) : -ESPY_ENODEV;
    result(fs, 0);
    return n;
}

static int file_seek(vfs_file_t *f, int64_t *offset, int whence) {
    return fat_seek(file_fs(f), &((fat_vfile_t *)f)->f, offset, whence);
}

static int file_flush(vfs_file_t *f) {
    fat_t *fs = file_fs(f);
    return result(fs, fs->fat_type != 0 ? fat_file_sync(fs, &((fat_vfile_t *)f)->f) : 0);
}

// Also the collector's: raises nothing.
static int file_close(vfs_file_t *f) {
    fat_t *fs = file_fs(f);
    int err = fs->fat_type != 0 ? fat_file_sync(fs, &((fat_vfile_t *)f)->f) : 0;
    fs->bdev.error = VAL_NULL;
    return err;
}

static const vfs_file_ops_t fat_file_ops = {file_read, file_write, file_seek, file_flush, file_close};

// ---- the filesystem -----------------------------------------------------------------------------

// MicroPython's VfsFat.mount: makes the filesystem first if asked and
// there is none.
static int fat_vfs_mount(value_t self, bool readonly, bool mkfs) {
    fat_t *fs = fat_of(self);
    int err = ready(fs);
    if (err == -ESPY_ENODEV && mkfs) {
        err = result(fs, fat_mkfs(fs));
        err = err ? err : ready(fs);
    }
    fs->readonly = readonly;
    return err;
}

static int fat_vfs_umount(value_t self) {
    fat_t *fs = fat_of(self);
    return fs->fat_type != 0 ? result(fs, fat_sync(fs)) : 0;
}

static int fat_vfs_sync(value_t self) {
    return fat_vfs_umount(self);
}

static int fat_vfs_open(value_t self, const char *path, unsigned flags, value_t *file) {
    fat_t *fs = fat_of(self);
    int err = ready(fs);
    if (err) {
        return err;
    }
    fat_vfile_t *f = (fat_vfile_t *)vfs_file_new(sizeof(fat_vfile_t), &fat_file_ops, self, flags);
    err = result(fs, fat_open(fs, &f->f, path, flags));
    if (err) {
        return err;
    }
    vfs_file_opened(&f->file, 0);
    *file = PTR_VAL(f);
    return 0;
}

static int fat_vfs_dir_open(value_t self, const char *path, void *dir) {
    fat_t *fs = fat_of(self);
    fat_vdir_t *d = dir;
    uint32_t sclust;
    int err = ready(fs);
    err = err ? err : result(fs, fat_opendir(fs, path, &sclust));
    return err ? err : result(fs, fat_dir_start(fs, &d->d, sclust));
}

static int fat_vfs_dir_next(value_t self, void *dir, vfs_dirent_t *entry) {
    fat_t *fs = fat_of(self);
    fat_vdir_t *d = dir;
    int r = fs->fat_type != 0 ? 0 : -ESPY_ENODEV;
    if (!r && d->started) {
        r = fat_dir_next(fs, &d->d, false);
    }
    if (!r) {
        r = fat_dir_read(fs, &d->d, d->name, d->entry);
    }
    d->started = true;
    result(fs, 0);
    if (r != 0) {
        return r == FAT_END ? 0 : r;
    }
    entry->name = d->name;
    entry->name_len = strlen(d->name);
    entry->type = d->entry[FAT_DIR_ATTR] & FAT_ATTR_DIR ? VFS_S_IFDIR : VFS_S_IFREG;
    entry->inode = 0;
    entry->size = fat_get32(d->entry + FAT_DIR_SIZE);
    return 1;
}

static void fat_vfs_dir_close(value_t self, void *dir) {
}

static int fat_vfs_mkdir(value_t self, const char *path) {
    fat_t *fs = fat_of(self);
    int err = ready(fs);
    return err ? err : result(fs, fat_mkdir(fs, path));
}

static int fat_vfs_remove(value_t self, const char *path) {
    fat_t *fs = fat_of(self);
    int err = ready(fs);
    return err ? err : result(fs, fat_remove(fs, path, false));
}

static int fat_vfs_rmdir(value_t self, const char *path) {
    fat_t *fs = fat_of(self);
    int err = ready(fs);
    return err ? err : result(fs, fat_remove(fs, path, true));
}

static int fat_vfs_rename(value_t self, const char *from, const char *to) {
    fat_t *fs = fat_of(self);
    int err = ready(fs);
    return err ? err : result(fs, fat_rename(fs, from, to));
}

static int fat_vfs_stat(value_t self, const char *path, vfs_stat_t *st) {
    fat_t *fs = fat_of(self);
    uint8_t e[32];
    int err = ready(fs);
    err = err ? err : result(fs, fat_stat(fs, path, e));
    if (err) {
        return err;
    }
    st->mode = e[FAT_DIR_ATTR] & FAT_ATTR_DIR ? VFS_S_IFDIR : VFS_S_IFREG;
    st->size = fat_get32(e + FAT_DIR_SIZE);
    st->inode = 0;
    st->mtime = fat_time_seconds(fat_get16(e + FAT_DIR_MTIME + 2), fat_get16(e + FAT_DIR_MTIME));
    return 0;
}

// (cluster size, cluster size, clusters, free, free, 0, 0, 0, 0, 255)
static int fat_vfs_statvfs(value_t self, const char *path, vfs_statvfs_t *st) {
    fat_t *fs = fat_of(self);
    uint32_t free = 0;
    int err = ready(fs);
    err = err ? err : result(fs, fat_count_free(fs, &free));
    if (err) {
        return err;
    }
    uint32_t bs = (uint32_t)fs->csize * fs->ss;
    *st = (vfs_statvfs_t){bs, bs, fs->n_fatent - 2, free, free, 0, 0, 0, 0, FAT_NAME_MAX};
    return 0;
}

// Anything but a directory is ENOENT, as FatFs's f_chdir says.
static int fat_vfs_chdir(value_t self, const char *path) {
    vfs_stat_t st;
    int err = fat_vfs_stat(self, path, &st);
    if (err || st.mode != VFS_S_IFDIR) {
        return err && err != -ESPY_ENOENT ? err : -ESPY_ENOENT;
    }
    ((vfs_fat_t *)VAL_PTR(self))->cwd = str_new_cstr(path);
    return 0;
}

static int fat_vfs_getcwd(value_t self, vstr_t *out) {
    size_t len;
    const char *s = str_data(((vfs_fat_t *)VAL_PTR(self))->cwd, &len);
    vstr_add_strn(out, s, len);
    return 0;
}

static const vfs_fs_p_t fat_protocol = {
    .kind = PROTOCOL_VFS,
    .dir_size = sizeof(fat_vdir_t),
    .mount = fat_vfs_mount,
    .umount = fat_vfs_umount,
    .open = fat_vfs_open,
    .dir_open = fat_vfs_dir_open,
    .dir_next = fat_vfs_dir_next,
    .dir_close = fat_vfs_dir_close,
    .mkdir = fat_vfs_mkdir,
    .rmdir = fat_vfs_rmdir,
    .remove = fat_vfs_remove,
    .rename = fat_vfs_rename,
    .stat = fat_vfs_stat,
    .statvfs = fat_vfs_statvfs,
    .chdir = fat_vfs_chdir,
    .getcwd = fat_vfs_getcwd,
    .sync = fat_vfs_sync,
};

// ---- construction -------------------------------------------------------------------------------

// A volume object for bdev, not mounted. A sector size FatFs cannot use
// (other than 512..4096, a power of two) is EIO, as FatFs's disk error.
static vfs_fat_t *make(value_t bdev_obj) {
    blockdev_t bdev;
    blockdev_open(&bdev, bdev_obj);
    uint32_t ss = bdev.block_size;
    if (ss < 512 || ss > 4096 || (ss & (ss - 1))) {
        raise_os_error(ESPY_EIO);
    }
    vfs_fat_t *fs = gc_alloc(sizeof(vfs_fat_t) + ss, 0);
    fs->base.type = &type_vfs_fat;
    fs->fat.bdev = bdev;
    fs->fat.win = fs->win;
    fs->fat.win_sect = FAT_NO_SECTOR;
    fs->cwd = QSTR(Q__slash_);
    return fs;
}

// VfsFat(bdev): a device without a volume is accepted (mount says ENODEV).
static value_t fat_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t no_keywords[] = {Q_NULL};
    arg_kw_check(n_args, n_kw, args, no_keywords, Q_VfsFat);
    arg_check_count(n_args, 1, 1, Q_VfsFat);
    vfs_fat_t *fs = make(args[0]);
    int err = fat_mount(&fs->fat);
    blockdev_check(&fs->fat.bdev, err == -ESPY_ENODEV ? 0 : err);
    return PTR_VAL(fs);
}

// mkfs(bdev)
static value_t fat_mkfs_fn(size_t n_args, size_t n_kw, const value_t *args) {
    vfs_fat_t *fs = make(args[0]);
    int err = fat_mkfs(&fs->fat);
    blockdev_check(&fs->fat.bdev, err);
    return VAL_NONE;
}
static BUILTIN_FN(fat_mkfs_obj, Q_mkfs, 1, 1, false, fat_mkfs_fn);
static const staticmethod_obj_t fat_mkfs_sm = {{&type_staticmethod}, PTR_VAL(&fat_mkfs_obj)};

static const map_entry_t fat_locals_table[] = {
    {QSTR(Q_mkfs), PTR_VAL(&fat_mkfs_sm)},
    VFS_FS_METHODS
};
static const map_t fat_locals = MAP_ROM(fat_locals_table);

const type_t type_vfs_fat = {
    {&type_type}, .name = Q_VfsFat, .flags = TYPE_FLAG_BASETYPE, .make_new = fat_make_new,
    .locals = &fat_locals, .protocol = &fat_protocol,
};
