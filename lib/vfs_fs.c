// SPDX-License-Identifier: MIT
// The Python face of C filesystems (vfs.h): the methods their types list
// (fs.open(path, mode), fs.ilistdir(path)...), written once over the
// vfs_fs_p_t protocol; the directory listings they return; and the tuples
// of stat and statvfs.
#include <string.h>

#include "exc.h"
#include "strimpl.h"
#include "type.h"
#include "vfs.h"

static void check(int r) {
    if (r < 0) {
        raise_os_error(-r);
    }
}

// ---- tuples -----------------------------------------------------------------------------

static value_t int_from_u64(uint64_t v) {
    return int_from_ull((unsigned long long)v);
}

// (mode, inode, dev, nlink, uid, gid, size, atime, mtime, ctime): the
// three times are the modification time, as MicroPython's filesystems give.
value_t vfs_stat_tuple(const vfs_stat_t *st) {
    value_t mtime = int_from_ll(st->mtime);
    value_t items[10] = {SMALL(st->mode), int_from_uintptr(st->inode), SMALL(0), SMALL(0), SMALL(0), SMALL(0),
                         int_from_u64(st->size), mtime, mtime, mtime};
    return tuple_new(10, items);
}

value_t vfs_statvfs_tuple(const vfs_statvfs_t *st) {
    value_t items[10] = {int_from_u64(st->bsize), int_from_u64(st->frsize), int_from_u64(st->blocks),
                         int_from_u64(st->bfree), int_from_u64(st->bavail), int_from_u64(st->files),
                         int_from_u64(st->ffree), int_from_u64(st->favail), int_from_u64(st->flag),
                         int_from_u64(st->namemax)};
    return tuple_new(10, items);
}

// ---- directory listings --------------------------------------------------------------------

// The iterator os.ilistdir returns for a C filesystem: the filesystem's
// listing state follows the header. It is closed at the end of the
// listing, on an error, or by the collector if dropped before.
typedef struct dir_iter {
    obj_t base;
    value_t fs;
    const vfs_fs_p_t *p;
    bool is_bytes;
    bool open;
    uint64_t state[];           // p->dir_size bytes, aligned for any use
} dir_iter_t;

static void dir_iter_close(dir_iter_t *it) {
    if (it->open) {
        it->open = false;
        it->p->dir_close(it->fs, it->state);
    }
}

static value_t dir_iter_next(value_t self) {
    dir_iter_t *it = VAL_PTR(self);
    if (!it->open) {
        return VAL_STOP;
    }
    vfs_dirent_t e;
    int r = it->p->dir_next(it->fs, it->state, &e);
    if (r <= 0) {
        dir_iter_close(it);
        check(r);
        return VAL_STOP;
    }
    // A name that is not UTF-8 (from the host) is shown with U+FFFD.
    value_t name = it->is_bytes ? bytes_new((const uint8_t *)e.name, e.name_len)
                                : str_decode_utf8(e.name, e.name_len, QSTR(Q_replace));
    value_t items[4] = {name, SMALL(e.type), int_from_uintptr(e.inode), int_from_ll(e.size)};
    return tuple_new(e.size < 0 ? 3 : 4, items);
}

static value_t dir_iter_del_fn(size_t n_args, size_t n_kw, const value_t *args) {
    dir_iter_close(VAL_PTR(args[0]));
    return VAL_NONE;
}
static BUILTIN_FN(dir_iter_del_obj, Q___del__, 1, 1, false, dir_iter_del_fn);

static const map_entry_t dir_iter_locals_table[] = {
    {QSTR(Q___del__), PTR_VAL(&dir_iter_del_obj)},
};
static const map_t dir_iter_locals = MAP_ROM(dir_iter_locals_table);

static const type_t type_dir_iter = {
    {&type_type}, .name = Q_iterator, .flags = TYPE_FLAG_ITER_IS_SELF, .getiter = iter_self,
    .iternext = dir_iter_next, .locals = &dir_iter_locals,
};

value_t vfs_fs_ilistdir_of(value_t fs, const char *path, bool is_bytes) {
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    dir_iter_t *it = gc_alloc(sizeof(dir_iter_t) + p->dir_size, GC_FINAL);
    it->base.type = &type_dir_iter;
    it->fs = fs;
    it->p = p;
    it->is_bytes = is_bytes;
    check(p->dir_open(fs, path, it->state));
    it->open = true;
    return PTR_VAL(it);
}

// ---- the methods ------------------------------------------------------------------------------

// The C filesystem behind a method's self (a subclass's instance holds one).
static value_t fs_self(value_t self, const vfs_fs_p_t **p) {
    value_t native = VAL_IS_OBJ(self) && type_is_heap(OBJ(self)->type) ? class_native_value(self) : self;
    *p = vfs_fs_protocol(native);
    if (*p == NULL) {
        raise_fmt(&type_TypeError, "'%T' object is not a filesystem", self);
    }
    return native;
}

// A path argument as the C string it holds (str and bytes keep a NUL after
// their data).
static const char *path_arg(value_t v, bool *is_bytes) {
    size_t len;
    const char *s = str_data(v, &len);
    *is_bytes = false;
    if (s == NULL && OBJ_TYPE_IS(v, &type_bytes)) {
        s = ((str_obj_t *)VAL_PTR(v))->data;
        len = ((str_obj_t *)VAL_PTR(v))->len;
        *is_bytes = true;
    }
    if (s == NULL) {
        raise_fmt(&type_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
    }
    if (memchr(s, 0, len) != NULL) {
        raise_msg(&type_ValueError, "embedded null byte");
    }
    return s;
}

static value_t vfs_fs_mount_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    check(p->mount(fs, obj_is_true(args[1]), obj_is_true(args[2])));
    return VAL_NONE;
}
BUILTIN_FN(vfs_fs_mount_obj, Q_mount, 3, 3, false, vfs_fs_mount_fn);

static value_t vfs_fs_umount_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    check(p->umount(fs));
    return VAL_NONE;
}
BUILTIN_FN(vfs_fs_umount_obj, Q_umount, 1, 1, false, vfs_fs_umount_fn);

// open(path, mode='r')
static value_t vfs_fs_open_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    bool is_bytes;
    const char *path = path_arg(args[1], &is_bytes);
    unsigned flags = vfs_parse_mode(n_args > 2 ? args[2] : QSTR(Q_r));
    value_t file;
    check(p->open(fs, path, flags, &file));
    return file;
}
BUILTIN_FN(vfs_fs_open_obj, Q_open, 2, 3, false, vfs_fs_open_fn);

static value_t vfs_fs_ilistdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    bool is_bytes;
    const char *path = path_arg(args[1], &is_bytes);
    return vfs_fs_ilistdir_of(fs, path, is_bytes);
}
BUILTIN_FN(vfs_fs_ilistdir_obj, Q_ilistdir, 2, 2, false, vfs_fs_ilistdir_fn);

// The methods of one path that return nothing.
static value_t path_method(const value_t *args, qstr_t method) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    bool is_bytes;
    const char *path = path_arg(args[1], &is_bytes);
    int (*op)(value_t, const char *) = method == Q_mkdir ? p->mkdir
                                       : method == Q_rmdir ? p->rmdir
                                       : method == Q_remove ? p->remove
                                                            : p->chdir;
    check(op(fs, path));
    return VAL_NONE;
}

static value_t vfs_fs_mkdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_method(args, Q_mkdir);
}
BUILTIN_FN(vfs_fs_mkdir_obj, Q_mkdir, 2, 2, false, vfs_fs_mkdir_fn);

static value_t vfs_fs_rmdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_method(args, Q_rmdir);
}
BUILTIN_FN(vfs_fs_rmdir_obj, Q_rmdir, 2, 2, false, vfs_fs_rmdir_fn);

static value_t vfs_fs_remove_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_method(args, Q_remove);
}
BUILTIN_FN(vfs_fs_remove_obj, Q_remove, 2, 2, false, vfs_fs_remove_fn);

static value_t vfs_fs_chdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_method(args, Q_chdir);
}
BUILTIN_FN(vfs_fs_chdir_obj, Q_chdir, 2, 2, false, vfs_fs_chdir_fn);

static value_t vfs_fs_rename_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    bool is_bytes;
    const char *from = path_arg(args[1], &is_bytes);
    const char *to = path_arg(args[2], &is_bytes);
    check(p->rename(fs, from, to));
    return VAL_NONE;
}
BUILTIN_FN(vfs_fs_rename_obj, Q_rename, 3, 3, false, vfs_fs_rename_fn);

static value_t vfs_fs_stat_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    bool is_bytes;
    vfs_stat_t st;
    check(p->stat(fs, path_arg(args[1], &is_bytes), &st));
    return vfs_stat_tuple(&st);
}
BUILTIN_FN(vfs_fs_stat_obj, Q_stat, 2, 2, false, vfs_fs_stat_fn);

static value_t vfs_fs_statvfs_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    bool is_bytes;
    vfs_statvfs_t st;
    check(p->statvfs(fs, path_arg(args[1], &is_bytes), &st));
    return vfs_statvfs_tuple(&st);
}
BUILTIN_FN(vfs_fs_statvfs_obj, Q_statvfs, 2, 2, false, vfs_fs_statvfs_fn);

static value_t vfs_fs_getcwd_fn(size_t n_args, size_t n_kw, const value_t *args) {
    const vfs_fs_p_t *p;
    value_t fs = fs_self(args[0], &p);
    vstr_t out;
    vstr_init(&out, 64);
    check(p->getcwd(fs, &out));
    return str_from_vstr(&out);
}
BUILTIN_FN(vfs_fs_getcwd_obj, Q_getcwd, 1, 1, false, vfs_fs_getcwd_fn);
