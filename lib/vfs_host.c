// SPDX-License-Identifier: MIT
// os.VfsPosix (vfs.VfsPosix): the host's own files as a filesystem, through
// hal.h's hal_fs_* functions. VfsPosix(root=None) serves the host directory
// `root` as its '/' (the host's '/' when None), as MicroPython's unix port
// names and does it. Mounted read-only, it refuses every change with
// OSError(EROFS).
//
// On the chip the hal has no host: every call fails with ENODEV, so the
// type exists there but serves nothing.
#include <string.h>

#include "exc.h"
#include "vfs.h"

typedef struct {
    obj_t base;
    value_t root;               // str: prepended to every path ("" for none)
    bool readonly;
} vfs_posix_t;

typedef struct {
    vfs_file_t file;
    int fd;
} posix_file_t;

typedef struct {
    int handle;
    char name[256];             // the entry dir_next gave last (NAME_MAX is 255)
} posix_dir_t;

// The host's path for a path of this filesystem, NUL-terminated; a
// relative one (from a direct method call) is taken from the root too.
static const char *host_path(value_t self, const char *path, vstr_t *vs) {
    size_t root_len;
    const char *root = str_data(((vfs_posix_t *)VAL_PTR(self))->root, &root_len);
    if (root_len == 0) {
        return path;
    }
    size_t len = strlen(path);
    vstr_init(vs, root_len + len + 2);
    vstr_add_strn(vs, root, root_len);
    if (path[0] != '/') {
        vstr_add_char(vs, '/');
    }
    vstr_add_strn(vs, path, len);
    vs->buf[vs->len] = '\0';
    return vs->buf;
}

static int writable(value_t self) {
    return ((vfs_posix_t *)VAL_PTR(self))->readonly ? -ESPY_EROFS : 0;
}

// The host's current directory, or VAL_NULL when it cannot tell (QEMU).
static value_t host_cwd(void) {
    for (size_t size = 256; size <= 4096; size *= 2) {
        char *buf = gc_alloc(size, GC_LEAF);
        int n = hal_fs_getcwd(buf, size);
        if (n > 0 && buf[0] == '/') {
            return str_new(buf, (size_t)n);
        }
        if (n != -ESPY_ENAMETOOLONG) {
            break;
        }
    }
    return VAL_NULL;
}

// ---- files ----------------------------------------------------------------------------

static intptr_t file_read(vfs_file_t *f, void *buf, size_t size) {
    return hal_fs_read(((posix_file_t *)f)->fd, buf, size);
}

static intptr_t file_write(vfs_file_t *f, const void *buf, size_t size) {
    return hal_fs_write(((posix_file_t *)f)->fd, buf, size);
}

static int file_seek(vfs_file_t *f, int64_t *offset, int whence) {
    int64_t r = hal_fs_seek(((posix_file_t *)f)->fd, *offset, whence);
    if (r < 0) {
        return (int)r;
    }
    *offset = r;
    return 0;
}

// Writes go to the host as they are made: nothing is held back here.
static int file_flush(vfs_file_t *f) {
    return 0;
}

static int file_close(vfs_file_t *f) {
    return hal_fs_close(((posix_file_t *)f)->fd);
}

static const vfs_file_ops_t posix_file_ops = {file_read, file_write, file_seek, file_flush, file_close};

// ---- the filesystem ---------------------------------------------------------------------

static int posix_mount(value_t self, bool readonly, bool mkfs) {
    if (mkfs) {
        return -ESPY_EPERM;            // the host's files are not ours to format
    }
    ((vfs_posix_t *)VAL_PTR(self))->readonly = readonly;
    return 0;
}

static int posix_umount(value_t self) {
    return 0;
}

// The VFS's open flags are the hal's, bit for bit (VFS_O_TEXT aside).
_Static_assert(VFS_O_READ == HAL_FS_READ && VFS_O_WRITE == HAL_FS_WRITE && VFS_O_CREATE == HAL_FS_CREATE
                   && VFS_O_TRUNCATE == HAL_FS_TRUNCATE && VFS_O_APPEND == HAL_FS_APPEND
                   && VFS_O_EXCLUSIVE == HAL_FS_EXCLUSIVE,
               "VFS_O_* and HAL_FS_* differ");

static int posix_open(value_t self, const char *path, unsigned flags, value_t *file) {
    if (flags & VFS_O_WRITE) {
        int r = writable(self);
        if (r < 0) {
            return r;
        }
    }
    posix_file_t *f = (posix_file_t *)vfs_file_new(sizeof(posix_file_t), &posix_file_ops, self, flags);
    vstr_t vs;
    int fd = hal_fs_open(host_path(self, path, &vs), flags & ~VFS_O_TEXT);
    if (fd < 0) {
        return fd;
    }
    f->fd = fd;
    vfs_file_opened(&f->file, fd);
    *file = PTR_VAL(f);
    return 0;
}

static int posix_dir_open(value_t self, const char *path, void *dir) {
    vstr_t vs;
    int handle = hal_fs_dir_open(host_path(self, path, &vs));
    ((posix_dir_t *)dir)->handle = handle;
    return handle < 0 ? handle : 0;
}

static uint32_t mode_of(uint8_t kind) {
    return kind == HAL_FS_KIND_DIR ? VFS_S_IFDIR : kind == HAL_FS_KIND_FILE ? VFS_S_IFREG : 0;
}

static int posix_dir_next(value_t self, void *dir, vfs_dirent_t *entry) {
    posix_dir_t *d = dir;
    uint8_t kind;
    int r = hal_fs_dir_next(d->handle, d->name, sizeof(d->name), &kind, &entry->inode);
    if (r <= 0) {
        return r;
    }
    entry->name = d->name;
    entry->name_len = strlen(d->name);
    entry->type = mode_of(kind);
    entry->size = -1;                  // (name, type, inode), as MicroPython's VfsPosix
    return 1;
}

static void posix_dir_close(value_t self, void *dir) {
    hal_fs_dir_close(((posix_dir_t *)dir)->handle);
}

static int posix_mkdir(value_t self, const char *path) {
    vstr_t vs;
    int r = writable(self);
    return r < 0 ? r : hal_fs_mkdir(host_path(self, path, &vs));
}

static int posix_rmdir(value_t self, const char *path) {
    vstr_t vs;
    int r = writable(self);
    return r < 0 ? r : hal_fs_rmdir(host_path(self, path, &vs));
}

static int posix_remove(value_t self, const char *path) {
    vstr_t vs;
    int r = writable(self);
    return r < 0 ? r : hal_fs_remove(host_path(self, path, &vs));
}

static int posix_rename(value_t self, const char *from, const char *to) {
    vstr_t vs_from, vs_to;
    int r = writable(self);
    return r < 0 ? r : hal_fs_rename(host_path(self, from, &vs_from), host_path(self, to, &vs_to));
}

static int posix_stat(value_t self, const char *path, vfs_stat_t *st) {
    vstr_t vs;
    hal_fs_stat_t hs;
    int r = hal_fs_stat(host_path(self, path, &vs), &hs);
    if (r < 0) {
        return r;
    }
    st->size = hs.size;
    st->mtime = hs.mtime;
    st->mode = mode_of(hs.kind);
    st->inode = hs.inode;
    return 0;
}

static int posix_statvfs(value_t self, const char *path, vfs_statvfs_t *st) {
    vstr_t vs;
    hal_fs_statvfs_t hs;
    int r = hal_fs_statvfs(host_path(self, path, &vs), &hs);
    if (r < 0) {
        return r;
    }
    *st = (vfs_statvfs_t){hs.bsize, hs.frsize, hs.blocks, hs.bfree, hs.bavail, hs.files, hs.ffree, hs.favail,
                          hs.flag, hs.namemax};
    return 0;
}

// Moves the host's current directory too, so that imports of relative
// paths follow; where the host has none to move (QEMU), the directory is
// only checked: the VFS's current directory is what paths resolve against.
static int posix_chdir(value_t self, const char *path) {
    vstr_t vs;
    const char *hp = host_path(self, path, &vs);
    int r = hal_fs_chdir(hp);
    if (r != -ESPY_ENOSYS) {
        return r;
    }
    hal_fs_stat_t hs;
    r = hal_fs_stat(hp, &hs);
    return r < 0 ? r : hs.kind == HAL_FS_KIND_DIR ? 0 : -ESPY_ENOTDIR;
}

// The host's current directory, seen from the root.
static int posix_getcwd(value_t self, vstr_t *out) {
    value_t cwd = host_cwd();
    if (cwd == VAL_NULL) {
        return -ESPY_ENOSYS;
    }
    size_t len, root_len;
    const char *s = str_data(cwd, &len);
    const char *root = str_data(((vfs_posix_t *)VAL_PTR(self))->root, &root_len);
    if (root_len > 0 && len >= root_len && memcmp(s, root, root_len) == 0 && (len == root_len || s[root_len] == '/')) {
        s += root_len;
        len -= root_len;
    }
    vstr_add_strn(out, len > 0 ? s : "/", len > 0 ? len : 1);
    return 0;
}

static const vfs_fs_p_t posix_protocol = {
    .kind = PROTOCOL_VFS,
    .dir_size = sizeof(posix_dir_t),
    .mount = posix_mount,
    .umount = posix_umount,
    .open = posix_open,
    .dir_open = posix_dir_open,
    .dir_next = posix_dir_next,
    .dir_close = posix_dir_close,
    .mkdir = posix_mkdir,
    .rmdir = posix_rmdir,
    .remove = posix_remove,
    .rename = posix_rename,
    .stat = posix_stat,
    .statvfs = posix_statvfs,
    .chdir = posix_chdir,
    .getcwd = posix_getcwd,
};

// VfsPosix(root=None). A relative root is taken from the host's current
// directory now, so that later changes of directory do not move it; its
// final '/' is dropped ("/" is no root).
static value_t posix_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_root, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_VfsPosix);
    if (n_args > 1) {
        raise_fmt(&type_TypeError, "VfsPosix() takes at most 1 argument (%u given)", (unsigned)n_args);
    }
    value_t root = n_args > 0 ? args[0] : arg_kw(n_args, n_kw, args, Q_root);
    size_t len = 0;
    const char *s = "";
    if (root != VAL_NULL && root != VAL_NONE) {
        s = str_data(root, &len);
        if (s == NULL) {
            raise_fmt(&type_TypeError, "VfsPosix() argument 'root' must be str, not %T", root);
        }
        while (len > 0 && s[len - 1] == '/') {
            len--;
        }
    }
    vfs_posix_t *fs = gc_alloc(sizeof(vfs_posix_t), 0);
    fs->base.type = &type_vfs_posix;
    fs->root = str_new(s, len);
    value_t cwd = len > 0 && s[0] != '/' ? host_cwd() : VAL_NULL;
    if (cwd != VAL_NULL) {
        vstr_t vs;
        size_t cwd_len;
        const char *c = str_data(cwd, &cwd_len);
        vstr_init(&vs, cwd_len + len + 1);
        vstr_add_strn(&vs, c, cwd_len > 1 ? cwd_len : 0);
        vstr_add_char(&vs, '/');
        vstr_add_strn(&vs, s, len);
        fs->root = str_from_vstr(&vs);
    }
    return PTR_VAL(fs);
}

void vfs_mount_host_root(void) {
    value_t cwd = host_cwd();
    // Without a current directory (QEMU), '/' is the directory QEMU runs in.
    value_t dot = str_new_cstr(".");
    value_t args[2] = {call_function(PTR_VAL(&type_vfs_posix), cwd == VAL_NULL, 0, &dot), QSTR(Q__slash_)};
    call_function(PTR_VAL(&vfs_mount_obj), 2, 0, args);
    if (cwd != VAL_NULL) {
        call_function(PTR_VAL(&vfs_chdir_obj), 1, 0, &cwd);
    }
}

static const map_entry_t posix_locals_table[] = {
    VFS_FS_METHODS
};
static const map_t posix_locals = MAP_ROM(posix_locals_table);

const type_t type_vfs_posix = {
    {&type_type}, .name = Q_VfsPosix, .flags = TYPE_FLAG_BASETYPE, .make_new = posix_make_new,
    .locals = &posix_locals, .protocol = &posix_protocol,
};
