// SPDX-License-Identifier: MIT
// hal.h's host files on the ESP8266: there is no host. Its filesystem in
// flash is a filesystem object of lib/ (a later issue), not a hal service,
// so every call fails with ENODEV and os.VfsPosix serves nothing.
#include "exc.h"
#include "hal.h"

int hal_fs_open(const char *path, unsigned flags) {
    return -ESPY_ENODEV;
}

int hal_fs_read(int fd, void *buf, size_t len) {
    return -ESPY_ENODEV;
}

int hal_fs_write(int fd, const void *buf, size_t len) {
    return -ESPY_ENODEV;
}

int64_t hal_fs_seek(int fd, int64_t offset, int whence) {
    return -ESPY_ENODEV;
}

int hal_fs_close(int fd) {
    return -ESPY_ENODEV;
}

int hal_fs_stat(const char *path, hal_fs_stat_t *st) {
    return -ESPY_ENODEV;
}

int hal_fs_statvfs(const char *path, hal_fs_statvfs_t *st) {
    return -ESPY_ENODEV;
}

int hal_fs_mkdir(const char *path) {
    return -ESPY_ENODEV;
}

int hal_fs_rmdir(const char *path) {
    return -ESPY_ENODEV;
}

int hal_fs_remove(const char *path) {
    return -ESPY_ENODEV;
}

int hal_fs_rename(const char *from, const char *to) {
    return -ESPY_ENODEV;
}

int hal_fs_dir_open(const char *path) {
    return -ESPY_ENODEV;
}

int hal_fs_dir_next(int dir, char *name, size_t size, uint8_t *kind, uint32_t *inode) {
    return -ESPY_ENODEV;
}

void hal_fs_dir_close(int dir) {
}

int hal_fs_getcwd(char *buf, size_t size) {
    return -ESPY_ENODEV;
}

int hal_fs_chdir(const char *path) {
    return -ESPY_ENODEV;
}
