// SPDX-License-Identifier: MIT
// The virtual filesystem: what open(), os and vfs act on.
//
// A filesystem is any object with MicroPython's VFS methods: mount(readonly,
// mkfs), umount(), open(path, mode), ilistdir(path), mkdir(path),
// rmdir(path), remove(path), rename(old, new), stat(path), statvfs(path),
// chdir(path) and getcwd(). It may be a C type (os.VfsPosix, os.VfsLfs2,
// os.VfsFat) or an instance of a Python class: os.mount(obj, '/x')
// works for both, as in MicroPython.
//
// The VFS keeps the mount table (a list of (filesystem, mount point)
// tuples, in MicroPython's order) and the current directory, an absolute
// path. It resolves every path it is given, absolute or relative to the
// current directory, folding '.', '..' and repeated '/', and hands the
// filesystem mounted there the rest of the path: absolute within that
// filesystem ('/' is its root; a final '/' is kept). MicroPython's
// filesystems keep a current directory each and may be given relative
// paths; here they never are, so '..' works across mount points, chdir
// only asks the filesystem whether the directory is there, and getcwd is
// the VFS's. Nothing mounted at '/' leaves a virtual root directory that
// lists the mount points, as in MicroPython; a mount inside another one is
// refused (EPERM), as there.
//
// A filesystem written in C is reached through its vfs_fs_p_t (the
// `protocol` slot of its type, tagged PROTOCOL_VFS): plain C calls with
// C strings, so that littlefs and FAT cost no Python call per operation.
// Any other object is reached by calling its methods. The methods of a C
// filesystem as Python sees them (fs.open(...)) are the vfs_fs_*_obj
// functions below, written once over the protocol.
//
// Files opened on a C filesystem are vfs_file_t objects (vfs_file.c):
// io.FileIO in binary mode, io.TextIOWrapper in text mode, streams of
// lib/stream.h. They are allocated with GC_FINAL: one that becomes garbage
// while open is closed by the collector (its type's __del__), and so is a
// directory listing (os.ilistdir) dropped before its end.
//
// In the host's script mode, vfs_mount_host_root mounts os.VfsPosix at '/'
// over the host's '/' and starts in the host's current directory, so that
// files behave as in MicroPython's unix port. The mount table and the
// current directory are GC roots: vfs_mark_roots marks them.
#ifndef ESPY_VFS_H
#define ESPY_VFS_H

#include "lib.h"
#include "stream.h"

// st_mode and ilistdir types, MicroPython's values.
#define VFS_S_IFDIR 0x4000
#define VFS_S_IFREG 0x8000

// How a file is opened (from the mode string: r w a x + b t).
#define VFS_O_READ 0x01
#define VFS_O_WRITE 0x02
#define VFS_O_CREATE 0x04
#define VFS_O_TRUNCATE 0x08
#define VFS_O_APPEND 0x10
#define VFS_O_EXCLUSIVE 0x20
#define VFS_O_TEXT 0x40

// ---- what a C filesystem implements ------------------------------------------------

typedef struct vfs_stat {
    uint64_t size;
    int64_t mtime;             // seconds since 2000-01-01
    uint32_t mode;             // VFS_S_IFDIR, VFS_S_IFREG, or 0 for another kind
    uint32_t inode;
} vfs_stat_t;

typedef struct vfs_statvfs {
    uint64_t bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax;
} vfs_statvfs_t;

// One entry of a directory listing. `name` stays valid until the next call.
typedef struct vfs_dirent {
    const char *name;
    size_t name_len;
    uint32_t type;             // VFS_S_IFDIR, VFS_S_IFREG, or 0
    uint32_t inode;
    int64_t size;              // -1: the filesystem gives none (a 3-tuple)
} vfs_dirent_t;

// Every function but the listing's returns 0 or a negative ESPY_E* value;
// they may raise MemoryError. Paths are as described above (from a direct
// method call, as the caller wrote them). `self` is the filesystem object.
// A listing's state is `dir_size` bytes that the VFS allocates (zeroed)
// inside the listing object, so that it is freed with it.
typedef struct vfs_fs_p {
    uint8_t kind;              // PROTOCOL_VFS
    uint16_t dir_size;
    int (*mount)(value_t self, bool readonly, bool mkfs);
    int (*umount)(value_t self);
    // Makes the file object (vfs_file_new) for VFS_O_* flags.
    int (*open)(value_t self, const char *path, unsigned flags, value_t *file);
    int (*dir_open)(value_t self, const char *path, void *dir);
    // 1 with *entry filled, 0 at the end, or a negative ESPY_E* value.
    int (*dir_next)(value_t self, void *dir, vfs_dirent_t *entry);
    // Also called by the collector: must not allocate or raise.
    void (*dir_close)(value_t self, void *dir);
    int (*mkdir)(value_t self, const char *path);
    int (*rmdir)(value_t self, const char *path);
    int (*remove)(value_t self, const char *path);
    int (*rename)(value_t self, const char *from, const char *to);
    int (*stat)(value_t self, const char *path, vfs_stat_t *st);
    int (*statvfs)(value_t self, const char *path, vfs_statvfs_t *st);
    int (*chdir)(value_t self, const char *path);
    int (*getcwd)(value_t self, vstr_t *out);
    int (*sync)(value_t self);  // NULL: nothing is held back
} vfs_fs_p_t;

// The protocol of a C filesystem, or NULL for any other object.
const vfs_fs_p_t *vfs_fs_protocol(value_t fs);

// Methods for the locals tables of C filesystem types: VFS_FS_METHODS is
// their rows, which every such table has (mkfs, a static method, is each
// type's own).
extern const builtin_fun_t vfs_fs_mount_obj, vfs_fs_umount_obj, vfs_fs_open_obj, vfs_fs_ilistdir_obj,
    vfs_fs_mkdir_obj, vfs_fs_rmdir_obj, vfs_fs_remove_obj, vfs_fs_rename_obj, vfs_fs_stat_obj,
    vfs_fs_statvfs_obj, vfs_fs_chdir_obj, vfs_fs_getcwd_obj;
#define VFS_FS_METHODS                                                                            \
    {QSTR(Q_chdir), PTR_VAL(&vfs_fs_chdir_obj)}, {QSTR(Q_getcwd), PTR_VAL(&vfs_fs_getcwd_obj)},     \
    {QSTR(Q_ilistdir), PTR_VAL(&vfs_fs_ilistdir_obj)}, {QSTR(Q_mkdir), PTR_VAL(&vfs_fs_mkdir_obj)}, \
    {QSTR(Q_mount), PTR_VAL(&vfs_fs_mount_obj)}, {QSTR(Q_open), PTR_VAL(&vfs_fs_open_obj)},         \
    {QSTR(Q_remove), PTR_VAL(&vfs_fs_remove_obj)}, {QSTR(Q_rename), PTR_VAL(&vfs_fs_rename_obj)},   \
    {QSTR(Q_rmdir), PTR_VAL(&vfs_fs_rmdir_obj)}, {QSTR(Q_stat), PTR_VAL(&vfs_fs_stat_obj)},         \
    {QSTR(Q_statvfs), PTR_VAL(&vfs_fs_statvfs_obj)}, {QSTR(Q_umount), PTR_VAL(&vfs_fs_umount_obj)},

// ---- files of C filesystems (vfs_file.c) --------------------------------------------

typedef struct vfs_file vfs_file_t;

// Each returns a count or 0 (seek: the new position in *offset), or a
// negative ESPY_E* value. close is also called by the collector, for a
// file dropped while open: it must not allocate or raise. It is not called
// when the filesystem object is garbage of the same collection (it is alive
// while mounted: the mount table holds it).
typedef struct vfs_file_ops {
    intptr_t (*read)(vfs_file_t *f, void *buf, size_t size);
    intptr_t (*write)(vfs_file_t *f, const void *buf, size_t size);
    int (*seek)(vfs_file_t *f, int64_t *offset, int whence);
    int (*flush)(vfs_file_t *f);
    int (*close)(vfs_file_t *f);
} vfs_file_ops_t;

// The start of every file object; the filesystem's own state follows.
struct vfs_file {
    obj_t base;                // &type_vfs_fileio or &type_vfs_textio
    const vfs_file_ops_t *ops;
    value_t fs;                // kept alive while the file is
    int number;                // shown by repr (MicroPython shows the host's fd); -1 when closed
    uint8_t flags;             // VFS_O_*
    bool is_open;
};

extern const type_t type_vfs_fileio, type_vfs_textio;

// A file object of `size` bytes (at least sizeof(vfs_file_t)) of the type
// the flags ask for, still closed: it is made before the filesystem opens
// its file, so that running out of memory cannot leave a file open that no
// object will close. vfs_file_opened marks it open.
vfs_file_t *vfs_file_new(size_t size, const vfs_file_ops_t *ops, value_t fs, unsigned flags);
void vfs_file_opened(vfs_file_t *f, int number);

// ---- the VFS ---------------------------------------------------------------------------

// open(file, mode='r', buffering=-1, encoding=None): the builtin and io.open.
extern const builtin_fun_t vfs_open_obj;
// What os and vfs share: os.mount... (vfs.c).
extern const builtin_fun_t vfs_mount_obj, vfs_umount_obj, vfs_listdir_obj, vfs_ilistdir_obj,
    vfs_mkdir_obj, vfs_rmdir_obj, vfs_remove_obj, vfs_rename_obj, vfs_stat_obj, vfs_statvfs_obj,
    vfs_chdir_obj, vfs_getcwd_obj, vfs_sync_obj;
// os.VfsPosix (vfs_host.c), os.VfsLfs2 (vfs_lfs2.c), os.VfsFat (vfs_fat.c).
extern const type_t type_vfs_posix, type_vfs_lfs2, type_vfs_fat;

// Shared by vfs.c and vfs_fs.c: the VFS_O_* flags of a mode string
// (ValueError for a bad one, with CPython's messages); a C filesystem's
// listing of path as an iterator of tuples; stat and statvfs tuples.
unsigned vfs_parse_mode(value_t mode);
value_t vfs_fs_ilistdir_of(value_t fs, const char *path, bool is_bytes);
value_t vfs_stat_tuple(const vfs_stat_t *st);
value_t vfs_statvfs_tuple(const vfs_statvfs_t *st);

// Mounts os.VfsPosix at '/' and makes the host's current directory the
// VFS's (the platform's main calls it after espy_init, in script mode).
// Where the host cannot tell its current directory (QEMU's semihosting),
// '/' is the directory QEMU runs in.
void vfs_mount_host_root(void);

// GC roots, for lib's roots hook: the mount table and the current
// directory (vfs.c). (os.dupterm's streams are the board's console's.)
void vfs_mark_roots(void);
void vfs_reset(void);           // nothing mounted, cwd '/' (start-up, soft reset)

#endif
