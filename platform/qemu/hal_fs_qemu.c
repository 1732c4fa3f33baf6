// SPDX-License-Identifier: MIT
// hal.h's host files on QEMU's lx106, through its semihosting (semihost.h):
// files relative to the directory QEMU runs in. QEMU's Xtensa semihosting
// offers open, read, write, lseek and close, so a stat is made from those
// (open, read a byte to tell a directory, seek to the end for the size);
// the rest (listing, making and removing, renaming, the current
// directory) is -ESPY_ENOSYS.
#include "exc.h"
#include "hal.h"
#include "semihost.h"

// The open flags QEMU hands to the host's open() as they are: Linux's.
#define LINUX_O_WRONLY 01
#define LINUX_O_RDWR 02
#define LINUX_O_CREAT 0100
#define LINUX_O_EXCL 0200
#define LINUX_O_TRUNC 01000
#define LINUX_O_APPEND 02000

// Semihosting errno values (newlib's numbering) as ESPY_E* ones.
static int error(int32_t e) {
    switch (e) {
        case 1: case 2: case 5: case 9: case 11: case 12: case 13: case 17: case 19: case 20: case 21:
        case 22: case 28: case 30:
            return -e;                  // the same number in both
        case 88:
            return -ESPY_ENOSYS;
        case 90:
            return -ESPY_ENOTEMPTY;
        case 91:
            return -ESPY_ENAMETOOLONG;
        default:
            return -ESPY_EIO;
    }
}

static int32_t call(int32_t nr, int32_t a, int32_t b, int32_t c) {
    int32_t err;
    int32_t r = semihost_call(nr, a, b, c, &err);
    return r < 0 ? error(err) : r;
}

// Opening a directory for reading succeeds on the host; reading it fails
// with EISDIR. The file is left at its start.
static bool is_directory(int fd) {
    char c;
    int32_t err;
    if (semihost_call(SEMIHOST_READ, fd, (int32_t)&c, 1, &err) < 0) {
        return err == SEMIHOST_EISDIR;
    }
    semihost_call(SEMIHOST_LSEEK, fd, 0, 0, NULL);
    return false;
}

int hal_fs_open(const char *path, unsigned flags) {
    int32_t oflags = (flags & HAL_FS_WRITE) ? ((flags & HAL_FS_READ) ? LINUX_O_RDWR : LINUX_O_WRONLY) : 0;
    oflags |= (flags & HAL_FS_CREATE) ? LINUX_O_CREAT : 0;
    oflags |= (flags & HAL_FS_TRUNCATE) ? LINUX_O_TRUNC : 0;
    oflags |= (flags & HAL_FS_APPEND) ? LINUX_O_APPEND : 0;
    oflags |= (flags & HAL_FS_EXCLUSIVE) ? LINUX_O_EXCL : 0;
    int32_t fd = call(SEMIHOST_OPEN, (int32_t)path, oflags, 0666);
    if (fd >= 0 && !(flags & HAL_FS_WRITE) && is_directory(fd)) {
        semihost_call(SEMIHOST_CLOSE, fd, 0, 0, NULL);
        return -ESPY_EISDIR;
    }
    return fd;
}

int hal_fs_read(int fd, void *buf, size_t len) {
    return call(SEMIHOST_READ, fd, (int32_t)buf, (int32_t)len);
}

int hal_fs_write(int fd, const void *buf, size_t len) {
    return call(SEMIHOST_WRITE, fd, (int32_t)buf, (int32_t)len);
}

// Positions beyond 2 GiB are out of the 32-bit call's reach.
int64_t hal_fs_seek(int fd, int64_t offset, int whence) {
    if (offset < INT32_MIN || offset > INT32_MAX) {
        return -ESPY_EINVAL;
    }
    return call(SEMIHOST_LSEEK, fd, (int32_t)offset, whence);
}

int hal_fs_close(int fd) {
    return call(SEMIHOST_CLOSE, fd, 0, 0) < 0 ? -ESPY_EIO : 0;
}

// The kind and size; the modification time and inode are not to be had (0).
int hal_fs_stat(const char *path, hal_fs_stat_t *st) {
    int32_t fd = call(SEMIHOST_OPEN, (int32_t)path, 0, 0);
    if (fd < 0) {
        return fd;
    }
    bool dir = is_directory(fd);
    int32_t size = dir ? 0 : call(SEMIHOST_LSEEK, fd, 0, 2);
    semihost_call(SEMIHOST_CLOSE, fd, 0, 0, NULL);
    st->kind = dir ? HAL_FS_KIND_DIR : HAL_FS_KIND_FILE;
    st->size = size < 0 ? 0 : (uint64_t)size;
    st->mtime = 0;
    st->inode = 0;
    return 0;
}

int hal_fs_statvfs(const char *path, hal_fs_statvfs_t *st) {
    return -ESPY_ENOSYS;
}

int hal_fs_mkdir(const char *path) {
    return -ESPY_ENOSYS;
}

int hal_fs_rmdir(const char *path) {
    return -ESPY_ENOSYS;
}

int hal_fs_remove(const char *path) {
    return -ESPY_ENOSYS;
}

int hal_fs_rename(const char *from, const char *to) {
    return -ESPY_ENOSYS;
}

int hal_fs_dir_open(const char *path) {
    return -ESPY_ENOSYS;
}

int hal_fs_dir_next(int dir, char *name, size_t size, uint8_t *kind, uint32_t *inode) {
    return -ESPY_ENOSYS;
}

void hal_fs_dir_close(int dir) {
}

int hal_fs_getcwd(char *buf, size_t size) {
    return -ESPY_ENOSYS;
}

int hal_fs_chdir(const char *path) {
    return -ESPY_ENOSYS;
}
