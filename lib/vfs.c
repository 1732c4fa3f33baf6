// SPDX-License-Identifier: MIT
// The VFS (vfs.h): the mount table, the current directory, resolving paths
// to a filesystem, open(), and the functions os and vfs share. The Python
// face of C filesystems (their methods, their directory listings) is in
// vfs_fs.c.
#include <string.h>

#include "exc.h"
#include "strimpl.h"
#include "type.h"
#include "blockdev.h"
#include "vfs.h"

// The roots: a list of (filesystem, mount point) tuples in the order they
// were mounted, but the root's last, so that the first that covers a path
// is the one that serves it (a mount inside another is refused, so only
// the root can cover another's paths); and the current directory, a str
// ("/" while VAL_NULL).
static struct {
    value_t mounts;
    value_t cwd;
} vfs;

void vfs_mark_roots(void) {
    gc_mark_range(&vfs, sizeof(vfs));
}

void vfs_reset(void) {
    vfs.mounts = VAL_NULL;
    vfs.cwd = VAL_NULL;
}

const vfs_fs_p_t *vfs_fs_protocol(value_t fs) {
    if (!VAL_IS_OBJ(fs) || type_is_heap(OBJ(fs)->type)) {
        return NULL;                // a class's instance goes through its methods
    }
    const vfs_fs_p_t *p = OBJ(fs)->type->protocol;
    return p != NULL && p->kind == PROTOCOL_VFS ? p : NULL;
}

static void check(int r) {
    if (r < 0) {
        raise_os_error(-r);
    }
}

static value_t mount_list(void) {
    if (vfs.mounts == VAL_NULL) {
        vfs.mounts = list_new(0, NULL);
    }
    return vfs.mounts;
}

// ---- paths -----------------------------------------------------------------------------

// A path resolved: the filesystem serving it and the path inside it.
typedef struct {
    value_t fs;                 // VAL_NULL: no filesystem (see `root`)
    bool root;                  // the path is "/" and nothing is mounted there
    bool is_bytes;              // given as bytes: names come back as bytes
    vstr_t full;                // the absolute path, NUL-terminated
    const char *path;           // inside fs: a suffix of full, or "/"
} resolved_t;

// The text of a path argument (str or bytes, without NUL bytes).
static const char *path_text(value_t path, size_t *len, bool *is_bytes) {
    const char *s = str_data(path, len);
    *is_bytes = false;
    if (s == NULL && OBJ_TYPE_IS(path, &type_bytes)) {
        str_obj_t *b = VAL_PTR(path);
        s = b->data;
        *len = b->len;
        *is_bytes = true;
    }
    if (s == NULL) {
        raise_fmt(&type_TypeError, "expected str, bytes or os.PathLike object, not %T", path);
    }
    if (memchr(s, 0, *len) != NULL) {
        raise_msg(&type_ValueError, "embedded null byte");
    }
    return s;
}

static const char *cwd_text(size_t *len) {
    if (vfs.cwd == VAL_NULL) {
        *len = 1;
        return "/";
    }
    return str_data(vfs.cwd, len);
}

// Appends the components of s to out (an absolute path without its final
// '/', empty for the root), folding '.', '..' and empty components.
static void add_components(vstr_t *out, const char *s, size_t len) {
    const char *end = s + len;
    while (s < end) {
        const char *slash = memchr(s, '/', (size_t)(end - s));
        size_t n = slash != NULL ? (size_t)(slash - s) : (size_t)(end - s);
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            while (out->len > 0 && out->buf[--out->len] != '/') {
            }
        } else if (n > 0 && !(n == 1 && s[0] == '.')) {
            vstr_add_char(out, '/');
            vstr_add_strn(out, s, n);
        }
        s += n + 1;
    }
}

// The absolute, folded form of a path argument, NUL-terminated. A final
// '/' is kept when asked (for the filesystem: "file/" is not a file).
static void absolute_path(value_t path, vstr_t *out, bool *is_bytes, bool keep_final_slash) {
    size_t len, cwd_len;
    const char *s = path_text(path, &len, is_bytes);
    if (len == 0) {
        raise_os_error(ESPY_ENOENT);
    }
    const char *cwd = cwd_text(&cwd_len);
    vstr_init(out, cwd_len + len + 2);
    if (s[0] != '/') {
        add_components(out, cwd, cwd_len);
    }
    add_components(out, s, len);
    if (out->len == 0 || (keep_final_slash && s[len - 1] == '/')) {
        vstr_add_char(out, '/');
    }
    out->buf[out->len] = '\0';
}

// Whether mount point mp (without a final '/', or "/") covers path, and
// where the rest of the path starts.
static bool covers(value_t mp, const char *path, size_t path_len, size_t *rest) {
    size_t len;
    const char *m = str_data(mp, &len);
    if (len == 1) {
        *rest = 0;                  // "/" covers everything
        return true;
    }
    if (path_len < len || memcmp(path, m, len) != 0 || (path_len > len && path[len] != '/')) {
        return false;
    }
    *rest = len;
    return true;
}

// The mount entry (a tuple) whose mount point covers path, or NULL.
static tuple_obj_t *find_mount(const char *path, size_t len, size_t *rest) {
    list_obj_t *l = VAL_PTR(mount_list());
    for (size_t i = 0; i < l->len; i++) {
        tuple_obj_t *m = VAL_PTR(l->items[i]);
        if (covers(m->items[1], path, len, rest)) {
            return m;
        }
    }
    return NULL;
}

static void resolve(value_t path, resolved_t *r) {
    absolute_path(path, &r->full, &r->is_bytes, true);
    size_t rest;
    tuple_obj_t *m = find_mount(r->full.buf, r->full.len, &rest);
    r->fs = m != NULL ? m->items[0] : VAL_NULL;
    r->root = m == NULL && r->full.len == 1;
    r->path = m == NULL || rest == r->full.len ? "/" : r->full.buf + rest;
}

// The filesystem for an operation on a resolved path: OSError(ENODEV)
// outside every mount, OSError(EPERM) on the virtual root (MicroPython's).
static value_t target(const resolved_t *r) {
    if (r->fs == VAL_NULL) {
        raise_os_error(r->root ? ESPY_EPERM : ESPY_ENODEV);
    }
    return r->fs;
}

// The path inside the filesystem as a value, for a filesystem in Python.
static value_t path_value(const resolved_t *r, const char *path) {
    size_t len = strlen(path);
    return r->is_bytes ? bytes_new((const uint8_t *)path, len) : str_new(path, len);
}

// ---- modes -------------------------------------------------------------------------------

unsigned vfs_parse_mode(value_t mode) {
    size_t len;
    const char *m = str_data(mode, &len);
    if (m == NULL) {
        raise_fmt(&type_TypeError, "open() argument 'mode' must be str, not %T", mode);
    }
    static const char letters[] = "rwax+tb";
    unsigned seen = 0;
    for (size_t i = 0; i < len; i++) {
        const char *at = m[i] != '\0' ? strchr(letters, m[i]) : NULL;
        unsigned bit = at != NULL ? 1u << (at - letters) : 0;
        if (bit == 0 || (seen & bit)) {
            raise_fmt(&type_ValueError, "invalid mode: '%S'", mode);
        }
        seen |= bit;
    }
    unsigned r = seen & 1, w = (seen >> 1) & 1, a = (seen >> 2) & 1, x = (seen >> 3) & 1;
    bool plus = seen & 16, text = seen & 32, binary = seen & 64;
    if (text && binary) {
        raise_msg(&type_ValueError, "can't have text and binary mode at once");
    }
    if (r + w + a + x > 1) {
        raise_msg(&type_ValueError, "must have exactly one of create/read/write/append mode");
    }
    if (r + w + a + x == 0) {
        raise_msg(&type_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    unsigned flags = r ? VFS_O_READ
                     : w ? VFS_O_WRITE | VFS_O_CREATE | VFS_O_TRUNCATE
                     : a ? VFS_O_WRITE | VFS_O_CREATE | VFS_O_APPEND
                         : VFS_O_WRITE | VFS_O_CREATE | VFS_O_EXCLUSIVE;
    if (plus) {
        flags |= VFS_O_READ | VFS_O_WRITE;
    }
    return binary ? flags : flags | VFS_O_TEXT;
}

// ---- open ----------------------------------------------------------------------------------

// Positional and keyword arguments into out[0..n) (VAL_NULL when not
// given), with CPython's errors for unknown and repeated names.
static void gather_args(size_t n_args, size_t n_kw, const value_t *args, const qstr_t *names, size_t n,
                        value_t *out, const char *fn) {
    for (size_t i = 0; i < n; i++) {
        out[i] = i < n_args ? args[i] : VAL_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        value_t key = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n && key != QSTR(names[i])) {
            i++;
        }
        if (i == n) {
            raise_fmt(&type_TypeError, "'%S' is an invalid keyword argument for %s()", key, fn);
        }
        if (i < n_args) {
            raise_fmt(&type_TypeError, "argument for %s() given by name ('%q') and position (%u)", fn, names[i],
                      (unsigned)i + 1);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
}

// open(file, mode='r', buffering=-1, encoding=None)
static value_t vfs_open_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t names[] = {Q_file, Q_mode, Q_buffering, Q_encoding};
    value_t a[4];
    gather_args(n_args, n_kw, args, names, 4, a, "open");
    if (a[0] == VAL_NULL) {
        raise_msg(&type_TypeError, "open() missing required argument 'file' (pos 1)");
    }
    value_t mode = a[1] != VAL_NULL ? a[1] : QSTR(Q_r);
    unsigned flags = vfs_parse_mode(mode);
    smallint_t buffering = a[2] != VAL_NULL ? index_value(a[2]) : -1;
    value_t encoding = a[3] != VAL_NULL ? a[3] : VAL_NONE;
    if (!(flags & VFS_O_TEXT) && encoding != VAL_NONE) {
        raise_msg(&type_ValueError, "binary mode doesn't take an encoding argument");
    }
    if ((flags & VFS_O_TEXT) && buffering == 0) {
        raise_msg(&type_ValueError, "can't have unbuffered text I/O");
    }
    if (encoding != VAL_NONE) {
        if (!value_is_str(encoding)) {
            raise_fmt(&type_TypeError, "open() argument 'encoding' must be str or None, not %T", encoding);
        }
        if (str_encoding_id(encoding) != 0) {
            raise_fmt(&type_ValueError, "text files are UTF-8: encoding '%S' is not supported", encoding);
        }
    }
    resolved_t r;
    resolve(a[0], &r);
    value_t fs = target(&r);
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    if (p == NULL) {
        value_t call_args[2] = {path_value(&r, r.path), mode};
        return call_method(fs, Q_open, 2, call_args);
    }
    value_t file;
    check(p->open(fs, r.path, flags, &file));
    return file;
}
BUILTIN_FN(vfs_open_obj, Q_open, 0, 4, true, vfs_open_fn);

// ---- mount and umount ------------------------------------------------------------------------

static value_t mounts_copy(void) {
    list_obj_t *l = VAL_PTR(mount_list());
    return list_new(l->len, l->items);
}

// Asks the filesystem to mount itself. An object without a mount method
// would be a block device to auto-detect (a later issue): ENODEV until then.
static void fs_mount(value_t fs, bool readonly, bool mkfs) {
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    if (p != NULL) {
        check(p->mount(fs, readonly, mkfs));
        return;
    }
    value_t dest[2];
    if (!obj_load_method_maybe(fs, Q_mount, dest)) {
        raise_os_error(ESPY_ENODEV);
    }
    value_t call_args[2] = {VAL_BOOL(readonly), VAL_BOOL(mkfs)};
    call_method(fs, Q_mount, 2, call_args);
}

// mount(fs, mount_point, *, readonly=False, mkfs=False); mount() lists
// the mounts as (fs, mount_point) tuples.
// mount(bdev, ...) with a block device rather than a filesystem: littlefs
// when block 0 or 1 has "littlefs" at offset 8, else FAT (whose mount then
// refuses what is not FAT with ENODEV), as MicroPython's _boot.py relies on
// (spec: filesystems, 1.5).
static value_t autodetect(value_t bdev) {
    blockdev_t bd;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        blockdev_open(&bd, bdev);
        nlr_pop();
    } else if (exc_matches(nlr.value, PTR_VAL(&type_AttributeError))) {
        raise_os_error(ESPY_ENODEV);        // not a block device either
    } else {
        nlr_raise(nlr.value);
    }
    uint8_t buf[8];
    for (uint32_t block = 0; block < 2 && block < bd.block_count; block++) {
        int r = blockdev_read(&bd, block, 8, buf, sizeof(buf));
        blockdev_check(&bd, 0);          // what a Python method raised
        if (r == 0 && memcmp(buf, "littlefs", 8) == 0) {
            return call_function(PTR_VAL(&type_vfs_lfs2), 1, 0, &bdev);
        }
    }
    return call_function(PTR_VAL(&type_vfs_fat), 1, 0, &bdev);   // its mount says ENODEV if not FAT
}

static value_t vfs_mount_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const qstr_t allowed[] = {Q_readonly, Q_mkfs, Q_NULL};
    arg_kw_check(n_args, n_kw, args, allowed, Q_mount);
    if (n_args == 0 && n_kw == 0) {
        return mounts_copy();
    }
    if (n_args != 2) {
        raise_fmt(&type_TypeError, "mount() takes 2 positional arguments but %u were given", (unsigned)n_args);
    }
    vstr_t point;
    bool is_bytes;
    absolute_path(args[1], &point, &is_bytes, false);
    value_t readonly = arg_kw(n_args, n_kw, args, Q_readonly), mkfs = arg_kw(n_args, n_kw, args, Q_mkfs);
    value_t fs = args[0];
    if (vfs_fs_protocol(fs) == NULL && obj_getattr_maybe(fs, Q_mount) == VAL_NULL) {
        fs = autodetect(fs);
    }
    // As MicroPython, the filesystem is asked first, then the mount point
    // checked: in use if a mount other than the root one covers it.
    fs_mount(fs, readonly != VAL_NULL && obj_is_true(readonly), mkfs != VAL_NULL && obj_is_true(mkfs));
    size_t rest, in_use_len = 0;
    tuple_obj_t *in_use = find_mount(point.buf, point.len, &rest);
    if (in_use != NULL) {
        str_data(in_use->items[1], &in_use_len);
    }
    if (in_use != NULL && (in_use_len > 1 || point.len == 1)) {
        raise_os_error(ESPY_EPERM);
    }
    value_t entry[2] = {fs, str_new(point.buf, point.len)};
    list_obj_t *l = VAL_PTR(mount_list());
    size_t i = l->len, len;
    if (i > 0 && str_data(((tuple_obj_t *)VAL_PTR(l->items[i - 1]))->items[1], &len) != NULL && len == 1) {
        i--;                            // before the root's
    }
    list_append(vfs.mounts, VAL_NONE);
    memmove(&l->items[i + 1], &l->items[i], (l->len - 1 - i) * sizeof(value_t));
    l->items[i] = tuple_new(2, entry);
    return VAL_NONE;
}
BUILTIN_FN(vfs_mount_obj, Q_mount, 0, 2, true, vfs_mount_fn);

// umount(mount_point or fs)
static value_t vfs_umount_fn(size_t n_args, size_t n_kw, const value_t *args) {
    vstr_t point = {NULL, 0, 0};
    bool is_bytes;
    if (value_is_str(args[0]) || OBJ_TYPE_IS(args[0], &type_bytes)) {
        absolute_path(args[0], &point, &is_bytes, false);
    }
    list_obj_t *l = VAL_PTR(mount_list());
    for (size_t i = 0; i < l->len; i++) {
        tuple_obj_t *m = VAL_PTR(l->items[i]);
        size_t len, cwd_len, rest;
        const char *mp = str_data(m->items[1], &len);
        if (m->items[0] != args[0] && !(point.buf != NULL && len == point.len && memcmp(mp, point.buf, len) == 0)) {
            continue;
        }
        // A current directory it served goes back to the root.
        const char *cwd = cwd_text(&cwd_len);
        if (find_mount(cwd, cwd_len, &rest) == m) {
            vfs.cwd = VAL_NULL;
        }
        list_pop(vfs.mounts, (smallint_t)i);
        const vfs_fs_p_t *p = vfs_fs_protocol(m->items[0]);
        if (p != NULL) {
            check(p->umount(m->items[0]));
        } else {
            call_method(m->items[0], Q_umount, 0, NULL);
        }
        return VAL_NONE;
    }
    raise_os_error(ESPY_EINVAL);
}
BUILTIN_FN(vfs_umount_obj, Q_umount, 1, 1, false, vfs_umount_fn);

// ---- the functions of os and vfs --------------------------------------------------------------

// A path argument, or the current directory when absent.
static void resolve_arg(size_t n_args, const value_t *args, resolved_t *r) {
    size_t len;
    const char *cwd = cwd_text(&len);
    resolve(n_args > 0 ? args[0] : str_new(cwd, len), r);
}

// ilistdir of the virtual root or of a root filesystem's '/': the other
// mount points first, as directories, then what the root filesystem lists
// (asked for only then, as MicroPython does).
typedef struct {
    obj_t base;
    value_t points;             // list of (name, type, inode) tuples
    size_t next;
    value_t root_fs;            // the filesystem at '/', or VAL_NULL
    value_t rest;               // its listing once begun, or VAL_NULL
    bool is_bytes;
} root_iter_t;

static value_t root_iter_next(value_t self) {
    root_iter_t *it = VAL_PTR(self);
    list_obj_t *l = VAL_PTR(it->points);
    if (it->next < l->len) {
        return l->items[it->next++];
    }
    if (it->root_fs == VAL_NULL) {
        return VAL_STOP;
    }
    if (it->rest == VAL_NULL) {
        value_t fs = it->root_fs, path = it->is_bytes ? bytes_new((const uint8_t *)"/", 1) : QSTR(Q__slash_);
        it->rest = obj_getiter(vfs_fs_protocol(fs) != NULL ? vfs_fs_ilistdir_of(fs, "/", it->is_bytes)
                                                           : call_method(fs, Q_ilistdir, 1, &path));
    }
    return obj_iternext(it->rest);
}

static const type_t type_root_iter = {
    {&type_type}, .name = Q_iterator, .flags = TYPE_FLAG_ITER_IS_SELF, .getiter = iter_self,
    .iternext = root_iter_next,
};

static value_t ilistdir_root(const resolved_t *r) {
    root_iter_t *it = gc_alloc(sizeof(root_iter_t), 0);
    it->base.type = &type_root_iter;
    it->points = list_new(0, NULL);
    list_obj_t *l = VAL_PTR(mount_list());
    for (size_t i = 0; i < l->len; i++) {
        size_t len;
        const char *mp = str_data(((tuple_obj_t *)VAL_PTR(l->items[i]))->items[1], &len);
        if (len > 1) {
            value_t t[3] = {r->is_bytes ? bytes_new((const uint8_t *)mp + 1, len - 1) : str_new(mp + 1, len - 1),
                            SMALL(VFS_S_IFDIR), SMALL(0)};
            list_append(it->points, tuple_new(3, t));
        }
    }
    it->root_fs = r->fs;
    it->is_bytes = r->is_bytes;
    return PTR_VAL(it);
}

static value_t vfs_ilistdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    resolved_t r;
    resolve_arg(n_args, args, &r);
    if (r.full.len == 1) {
        return ilistdir_root(&r);
    }
    value_t fs = target(&r);
    if (vfs_fs_protocol(fs) != NULL) {
        return vfs_fs_ilistdir_of(fs, r.path, r.is_bytes);
    }
    value_t path = path_value(&r, r.path);
    return call_method(fs, Q_ilistdir, 1, &path);
}
BUILTIN_FN(vfs_ilistdir_obj, Q_ilistdir, 0, 1, false, vfs_ilistdir_fn);

static value_t vfs_listdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    value_t it = obj_getiter(vfs_ilistdir_fn(n_args, n_kw, args));
    value_t names = list_new(0, NULL);
    value_t entry;
    while ((entry = obj_iternext(it)) != VAL_STOP) {
        list_append(names, obj_subscr(entry, SMALL(0), VAL_SENTINEL));
    }
    return names;
}
BUILTIN_FN(vfs_listdir_obj, Q_listdir, 0, 1, false, vfs_listdir_fn);

// The operations of one path that return nothing: mkdir, rmdir, remove.
static value_t path_op(value_t path_in, qstr_t method) {
    resolved_t r;
    resolve(path_in, &r);
    value_t fs = target(&r);
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    if (p == NULL) {
        value_t path = path_value(&r, r.path);
        call_method(fs, method, 1, &path);
        return VAL_NONE;
    }
    int (*op)(value_t, const char *) = method == Q_mkdir ? p->mkdir : method == Q_rmdir ? p->rmdir : p->remove;
    check(op(fs, r.path));
    return VAL_NONE;
}

static value_t vfs_mkdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_op(args[0], Q_mkdir);
}
BUILTIN_FN(vfs_mkdir_obj, Q_mkdir, 1, 1, false, vfs_mkdir_fn);

static value_t vfs_rmdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_op(args[0], Q_rmdir);
}
BUILTIN_FN(vfs_rmdir_obj, Q_rmdir, 1, 1, false, vfs_rmdir_fn);

static value_t vfs_remove_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return path_op(args[0], Q_remove);
}
BUILTIN_FN(vfs_remove_obj, Q_remove, 1, 1, false, vfs_remove_fn);

static value_t vfs_rename_fn(size_t n_args, size_t n_kw, const value_t *args) {
    resolved_t from, to;
    resolve(args[0], &from);
    resolve(args[1], &to);
    value_t fs = target(&from);
    if (to.fs != fs) {
        raise_os_error(ESPY_EPERM);       // across filesystems, as MicroPython
    }
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    if (p == NULL) {
        value_t call_args[2] = {path_value(&from, from.path), path_value(&to, to.path)};
        call_method(fs, Q_rename, 2, call_args);
        return VAL_NONE;
    }
    check(p->rename(fs, from.path, to.path));
    return VAL_NONE;
}
BUILTIN_FN(vfs_rename_obj, Q_rename, 2, 2, false, vfs_rename_fn);

static value_t vfs_stat_fn(size_t n_args, size_t n_kw, const value_t *args) {
    resolved_t r;
    resolve(args[0], &r);
    vfs_stat_t st = {.mode = VFS_S_IFDIR};
    if (r.root) {
        return vfs_stat_tuple(&st);       // the virtual root: a directory of zeros
    }
    value_t fs = target(&r);
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    if (p == NULL) {
        value_t path = path_value(&r, r.path);
        return call_method(fs, Q_stat, 1, &path);
    }
    check(p->stat(fs, r.path, &st));
    return vfs_stat_tuple(&st);
}
BUILTIN_FN(vfs_stat_obj, Q_stat, 1, 1, false, vfs_stat_fn);

static value_t vfs_statvfs_fn(size_t n_args, size_t n_kw, const value_t *args) {
    resolved_t r;
    resolve(args[0], &r);
    vfs_statvfs_t st;
    memset(&st, 0, sizeof(st));
    if (r.root) {
        st.namemax = 255;                 // the virtual root: nothing but a name length
        return vfs_statvfs_tuple(&st);
    }
    value_t fs = target(&r);
    const vfs_fs_p_t *p = vfs_fs_protocol(fs);
    if (p == NULL) {
        value_t path = path_value(&r, r.path);
        return call_method(fs, Q_statvfs, 1, &path);
    }
    check(p->statvfs(fs, r.path, &st));
    return vfs_statvfs_tuple(&st);
}
BUILTIN_FN(vfs_statvfs_obj, Q_statvfs, 1, 1, false, vfs_statvfs_fn);

static value_t vfs_chdir_fn(size_t n_args, size_t n_kw, const value_t *args) {
    resolved_t r;
    resolve(args[0], &r);
    if (!r.root) {
        value_t fs = target(&r);
        const vfs_fs_p_t *p = vfs_fs_protocol(fs);
        if (p == NULL) {
            value_t path = path_value(&r, r.path);
            call_method(fs, Q_chdir, 1, &path);
        } else {
            check(p->chdir(fs, r.path));
        }
    }
    size_t len = r.full.len;
    vfs.cwd = str_new(r.full.buf, len > 1 && r.full.buf[len - 1] == '/' ? len - 1 : len);
    return VAL_NONE;
}
BUILTIN_FN(vfs_chdir_obj, Q_chdir, 1, 1, false, vfs_chdir_fn);

static value_t vfs_getcwd_fn(size_t n_args, size_t n_kw, const value_t *args) {
    size_t len;
    const char *cwd = cwd_text(&len);
    return str_new(cwd, len);
}
BUILTIN_FN(vfs_getcwd_obj, Q_getcwd, 0, 0, false, vfs_getcwd_fn);

static value_t vfs_sync_fn(size_t n_args, size_t n_kw, const value_t *args) {
    list_obj_t *l = VAL_PTR(mount_list());
    for (size_t i = 0; i < l->len; i++) {
        value_t fs = ((tuple_obj_t *)VAL_PTR(l->items[i]))->items[0];
        const vfs_fs_p_t *p = vfs_fs_protocol(fs);
        if (p != NULL && p->sync != NULL) {
            check(p->sync(fs));
        }
    }
    return VAL_NONE;
}
BUILTIN_FN(vfs_sync_obj, Q_sync, 0, 0, false, vfs_sync_fn);

// ---- the vfs module -------------------------------------------------------------------------------

static const map_entry_t vfs_module_table[] = {
    {QSTR(Q___name__), QSTR(Q_vfs)},
    {QSTR(Q_VfsFat), PTR_VAL(&type_vfs_fat)},
    {QSTR(Q_VfsLfs2), PTR_VAL(&type_vfs_lfs2)},
    {QSTR(Q_VfsPosix), PTR_VAL(&type_vfs_posix)},
    {QSTR(Q_mount), PTR_VAL(&vfs_mount_obj)},
    {QSTR(Q_umount), PTR_VAL(&vfs_umount_obj)},
};
MODULE_ROM(vfs_module, Q_vfs, vfs_module_table);
ESPY_MODULE(vfs, vfs_module);
ESPY_BUILTIN(open, vfs_open_obj);

// ---- source files for import (core/vm.h) -----------------------------------------------

int port_path_kind(const char *path) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        value_t p = str_new_cstr(path);
        value_t st = call_function(PTR_VAL(&vfs_stat_obj), 1, 0, &p);
        nlr_pop();
        size_t n;
        value_t *items = seq_items(st, &n);
        smallint_t mode = items != NULL && n > 0 && VAL_IS_SMALL(items[0]) ? SMALL_VALUE(items[0]) : 0;
        return (mode & VFS_S_IFDIR) ? 2 : 1;
    }
    if (!exc_matches(nlr.value, PTR_VAL(&type_OSError))) {
        nlr_raise(nlr.value);                // MemoryError, KeyboardInterrupt
    }
    return 0;
}

value_t port_source_open(const char *path) {
    value_t args[2] = {str_new_cstr(path), QSTR(Q_rb)};
    return call_function(PTR_VAL(&vfs_open_obj), 2, 0, args);
}

int port_source_read(value_t source, uint8_t *buf, size_t size) {
    int err;
    intptr_t n = stream_read_some(source, buf, size, &err);
    return n > 0 ? (int)n : 0;
}

void port_source_close(value_t source) {
    stream_close(source);
}
