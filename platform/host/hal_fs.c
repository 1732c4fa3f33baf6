// SPDX-License-Identifier: MIT
// hal.h's host files for Linux (os.VfsPosix, lib/vfs_host.c): POSIX calls,
// their errno values turned into espy's (ESPY_E*, MicroPython's numbers).
//
// A directory being listed is a DIR * from opendir; the handle given out is
// its index in a small table, so that the interface stays in ints.
// 64-bit sizes, offsets and inodes in the 32-bit build too (readdir fails
// with EOVERFLOW on an inode that does not fit).
#define _FILE_OFFSET_BITS 64

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "exc.h"
#include "hal.h"

#define MAX_DIRS 32
#define UNIX_TO_2000 946684800   // seconds from 1970-01-01 to 2000-01-01

static DIR *dirs[MAX_DIRS];

// errno as a negative ESPY_E* value. Linux numbers them as MicroPython
// does, so the known ones pass through; the rest become the nearest one.
static int error(void) {
    switch (errno) {
        case EPERM: case ENOENT: case EIO: case EBADF: case EAGAIN: case ENOMEM: case EACCES:
        case EEXIST: case ENODEV: case ENOTDIR: case EISDIR: case EINVAL: case ENOSPC:
        case ENAMETOOLONG: case ENOSYS: case ENOTEMPTY: case EOPNOTSUPP: case EROFS:
            return -errno;
        case EXDEV: case EBUSY: case ETXTBSY:
            return -ESPY_EPERM;      // a rename across devices, a busy mount point
        case EFBIG: case EDQUOT:
            return -ESPY_ENOSPC;
        case ENFILE: case EMFILE:
            return -ESPY_ENOMEM;
        case ELOOP:
            return -ESPY_ENOENT;
        default:
            return -ESPY_EIO;
    }
}

// ---- files ----------------------------------------------------------------

int hal_fs_open(const char *path, unsigned flags) {
    int oflags = O_CLOEXEC;
    if ((flags & HAL_FS_READ) && (flags & HAL_FS_WRITE)) {
        oflags |= O_RDWR;
    } else {
        oflags |= (flags & HAL_FS_WRITE) ? O_WRONLY : O_RDONLY;
    }
    oflags |= (flags & HAL_FS_CREATE) ? O_CREAT : 0;
    oflags |= (flags & HAL_FS_TRUNCATE) ? O_TRUNC : 0;
    oflags |= (flags & HAL_FS_APPEND) ? O_APPEND : 0;
    oflags |= (flags & HAL_FS_EXCLUSIVE) ? O_EXCL : 0;
    int fd;
    do {
        fd = open(path, oflags, 0666);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        return error();
    }
    // Linux opens a directory for reading; Python calls that EISDIR.
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return -ESPY_EISDIR;
    }
    return fd;
}

// At most 1 GiB per call, so that the count fits the int returned.
static size_t clamp(size_t len) {
    return len > 0x40000000 ? 0x40000000 : len;
}

int hal_fs_read(int fd, void *buf, size_t len) {
    for (;;) {
        ssize_t n = read(fd, buf, clamp(len));
        if (n >= 0) {
            return (int)n;
        }
        if (errno != EINTR) {
            return error();
        }
    }
}

int hal_fs_write(int fd, const void *buf, size_t len) {
    for (;;) {
        ssize_t n = write(fd, buf, clamp(len));
        if (n >= 0) {
            return (int)n;
        }
        if (errno != EINTR) {
            return error();
        }
    }
}

int64_t hal_fs_seek(int fd, int64_t offset, int whence) {
    off_t r = lseek(fd, (off_t)offset, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    return r < 0 ? error() : (int64_t)r;
}

int hal_fs_close(int fd) {
    // The descriptor is released even when close reports an error.
    return close(fd) == 0 || errno == EINTR ? 0 : error();
}

// ---- paths ------------------------------------------------------------------

static uint8_t kind_of(mode_t mode) {
    return S_ISREG(mode) ? HAL_FS_KIND_FILE : S_ISDIR(mode) ? HAL_FS_KIND_DIR : HAL_FS_KIND_OTHER;
}

int hal_fs_stat(const char *path, hal_fs_stat_t *st) {
    struct stat s;
    if (stat(path, &s) != 0) {
        return error();
    }
    st->size = (uint64_t)s.st_size;
    st->mtime = (int64_t)s.st_mtime - UNIX_TO_2000;
    st->inode = (uint32_t)s.st_ino;
    st->kind = kind_of(s.st_mode);
    return 0;
}

int hal_fs_statvfs(const char *path, hal_fs_statvfs_t *st) {
    struct statvfs s;
    if (statvfs(path, &s) != 0) {
        return error();
    }
    st->bsize = s.f_bsize;
    st->frsize = s.f_frsize;
    st->blocks = s.f_blocks;
    st->bfree = s.f_bfree;
    st->bavail = s.f_bavail;
    st->files = s.f_files;
    st->ffree = s.f_ffree;
    st->favail = s.f_favail;
    st->flag = s.f_flag;
    st->namemax = s.f_namemax;
    return 0;
}

int hal_fs_mkdir(const char *path) {
    return mkdir(path, 0777) == 0 ? 0 : error();
}

int hal_fs_rmdir(const char *path) {
    return rmdir(path) == 0 ? 0 : error();
}

int hal_fs_remove(const char *path) {
    return unlink(path) == 0 ? 0 : error();
}

int hal_fs_rename(const char *from, const char *to) {
    return rename(from, to) == 0 ? 0 : error();
}

// ---- directory listings -------------------------------------------------------

int hal_fs_dir_open(const char *path) {
    int slot = 0;
    while (slot < MAX_DIRS && dirs[slot] != NULL) {
        slot++;
    }
    if (slot == MAX_DIRS) {
        return -ESPY_ENOMEM;
    }
    DIR *d = opendir(path);
    if (d == NULL) {
        return error();
    }
    dirs[slot] = d;
    return slot;
}

int hal_fs_dir_next(int dir, char *name, size_t size, uint8_t *kind, uint32_t *inode) {
    if (dir < 0 || dir >= MAX_DIRS || dirs[dir] == NULL) {
        return -ESPY_EBADF;
    }
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(dirs[dir]);
        if (e == NULL) {
            return errno == 0 ? 0 : error();
        }
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        size_t len = strlen(e->d_name);
        if (len >= size) {
            return -ESPY_ENAMETOOLONG;
        }
        memcpy(name, e->d_name, len + 1);
        *inode = (uint32_t)e->d_ino;
        if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            // Some filesystems do not say, and a link is what it points to.
            struct stat s;
            *kind = fstatat(dirfd(dirs[dir]), e->d_name, &s, 0) == 0 ? kind_of(s.st_mode) : HAL_FS_KIND_OTHER;
        } else {
            *kind = e->d_type == DT_REG ? HAL_FS_KIND_FILE : e->d_type == DT_DIR ? HAL_FS_KIND_DIR : HAL_FS_KIND_OTHER;
        }
        return 1;
    }
}

void hal_fs_dir_close(int dir) {
    if (dir >= 0 && dir < MAX_DIRS && dirs[dir] != NULL) {
        closedir(dirs[dir]);
        dirs[dir] = NULL;
    }
}

// ---- the current directory ------------------------------------------------------

int hal_fs_getcwd(char *buf, size_t size) {
    if (getcwd(buf, size) == NULL) {
        return errno == ERANGE ? -ESPY_ENAMETOOLONG : error();
    }
    return (int)strlen(buf);
}

int hal_fs_chdir(const char *path) {
    return chdir(path) == 0 ? 0 : error();
}
