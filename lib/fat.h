// SPDX-License-Identifier: MIT
// FAT12/16 with VFAT long names, as MicroPython's VfsFat (FatFs R0.13c,
// "tiny" configuration, code page 437) makes and uses it on the ESP8266:
// the format of ../shared/spec/filesystems.md section 4. os.VfsFat
// (vfs_fat.c) is the Python face; this header is what its three C files
// share:
//
//   fat_disk.c   the sector window, FAT entries and cluster chains,
//                mount (with every field of the boot sector checked) and
//                mkfs, and the FAT timestamps
//   fat_dir.c    directories: entries, long and short names, lookup of
//                paths, creating and removing entries
//   fat_file.c   files (read, write, seek, sync) and the operations of
//                the filesystem (mkdir, remove, rename, stat, statvfs)
//
// As in FatFs's tiny mode, a volume has one buffer: a window of one
// sector through which every FAT, directory and partial data sector
// passes. A dirty window is written back (the sector erased, then
// programmed, as FAT on the chip's flash does) when another sector is
// needed, at every sync and close, and after every operation that changes
// a directory, in FatFs's order: that order decides what a power cut
// leaves behind (spec section 5). An open file costs a few words and no
// buffer of its own.
//
// Nothing read from the disk is trusted: cluster numbers out of range,
// chains that end early or run into a loop, and impossible boot sectors
// are OSError(EIO) or, at mount, OSError(ENODEV), never a wild access.
// Every function returns 0 or a negative ESPY_E* value; none allocates or
// raises (a Python block device's exception is kept in bdev, see
// blockdev.h).
#ifndef ESPY_FAT_H
#define ESPY_FAT_H

#include "blockdev.h"
#include "exc.h"

#define FAT_NO_SECTOR 0xffffffffu
#define FAT_END 1               // "no more entries" from the directory functions
#define FAT_NAME_MAX 255
#define FAT_NS_DOT 0x20         // in fat_path_t.sfn[11]: the name is "." or ".."

// Attributes of a directory entry.
#define FAT_ATTR_READONLY 0x01
#define FAT_ATTR_VOLUME 0x08
#define FAT_ATTR_DIR 0x10
#define FAT_ATTR_ARCHIVE 0x20
#define FAT_ATTR_LFN 0x0f

// Offsets in a 32-byte directory entry.
#define FAT_DIR_ATTR 11
#define FAT_DIR_NTRES 12
#define FAT_DIR_CTIME 14
#define FAT_DIR_ADATE 18
#define FAT_DIR_MTIME 22
#define FAT_DIR_CLUST 26
#define FAT_DIR_SIZE 28

typedef struct fat {
    blockdev_t bdev;
    uint8_t *win;               // one sector
    uint32_t win_sect;          // the sector in win, or FAT_NO_SECTOR
    uint32_t n_sects;           // the volume's size
    uint32_t n_fatent;          // clusters + 2
    uint32_t fat_base, fat_size, root_base, data_base;
    uint32_t last_clust;        // where the search for a free cluster starts
    uint16_t ss;                // bytes per sector (512..4096)
    uint16_t root_entries;
    uint8_t csize;              // sectors per cluster
    uint8_t n_fats;
    uint8_t fat_type;           // 12 or 16; 0 while not mounted
    bool win_dirty;
    bool readonly;
} fat_t;

// A position in a directory: the root's fixed area (sclust 0) or a chain.
typedef struct fat_dir {
    uint32_t sclust;            // first cluster, 0 for the root
    uint32_t clust;             // cluster of the current entry (0 in the root)
    uint32_t sect;              // sector of the current entry
    uint32_t index;             // number of the current entry
} fat_dir_t;

// A path looked up: the directory its last name is in, and the entry once
// found.
typedef struct fat_path {
    fat_dir_t dir;              // at the short-name entry once found
    uint32_t lfn_index;         // the entry's first long-name entry (dir.index if none)
    uint32_t avoid;             // a directory the path must not pass through (rename)
    const char *name;           // the last name, len bytes
    size_t len;
    uint8_t sfn[12];            // its short name and FAT_NS_* flags
    uint8_t entry[32];          // the short-name entry found
    bool is_root;               // the path names the root directory
} fat_path_t;

// An open file: where its entry is, its chain, and a position in it.
typedef struct fat_file {
    uint32_t dir_sect;          // the sector of its directory entry
    uint16_t dir_offset;        // the entry's offset in it
    bool modified;              // the entry needs updating at sync
    bool writable;
    uint32_t sclust, size, pos;
    uint32_t clust, clust_index;  // a cluster of the chain and its number there (clust 0: none)
} fat_file_t;

// ---- fat_disk.c ----
int fat_win_load(fat_t *fs, uint32_t sect);
int fat_win_flush(fat_t *fs);
int fat_sync(fat_t *fs);                       // window, then the device
int fat_read_sectors(fat_t *fs, uint32_t sect, uint8_t *buf, uint32_t n);
int fat_write_sectors(fat_t *fs, uint32_t sect, const uint8_t *buf, uint32_t n);
uint32_t fat_clust_sect(const fat_t *fs, uint32_t clust);
// The cluster after clust: *next is 0 at the end of the chain; EIO for a
// link out of range.
int fat_next(fat_t *fs, uint32_t clust, uint32_t *next);
// A free cluster, marked as a chain's end and linked after prev (0: a new
// chain); ENOSPC when none is free.
int fat_alloc(fat_t *fs, uint32_t prev, uint32_t *clust);
int fat_free_chain(fat_t *fs, uint32_t clust);
int fat_count_free(fat_t *fs, uint32_t *n);
// Fills a cluster with zeros (the first sector is left dirty in the window).
int fat_clear_cluster(fat_t *fs, uint32_t clust);
int fat_mount(fat_t *fs);
int fat_mkfs(fat_t *fs);
uint32_t fat_time_now(void);                   // date << 16 | time
int64_t fat_time_seconds(uint16_t date, uint16_t time);  // since 2000

// ---- fat_dir.c ----
int fat_dir_start(fat_t *fs, fat_dir_t *d, uint32_t sclust);
int fat_dir_next(fat_t *fs, fat_dir_t *d, bool stretch);
int fat_dir_entry(fat_t *fs, fat_dir_t *d, uint8_t **entry);
// The next entry of a listing (not . and ..): 0 with its name (NUL
// terminated, in name[FAT_NAME_MAX + 1]) and a copy of its entry, FAT_END.
int fat_dir_read(fat_t *fs, fat_dir_t *d, char *name, uint8_t *entry);
// 0 found; FAT_END: the last name is missing but its directory exists;
// ENOENT: a directory on the way is missing; EINVAL: a bad name.
int fat_path_find(fat_t *fs, const char *path, fat_path_t *p);
// Makes an entry for p's name in p->dir, its short name entry zeroed but
// for the name: p->dir is left at it.
int fat_path_register(fat_t *fs, fat_path_t *p);
int fat_path_remove(fat_t *fs, fat_path_t *p);
uint32_t fat_entry_clust(const fat_t *fs, const uint8_t *entry);

// ---- fat_file.c: flags are vfs.h's VFS_O_* ----
int fat_open(fat_t *fs, fat_file_t *f, const char *path, unsigned flags);
intptr_t fat_read(fat_t *fs, fat_file_t *f, uint8_t *buf, size_t size);
intptr_t fat_write(fat_t *fs, fat_file_t *f, const uint8_t *buf, size_t size);
int fat_seek(fat_t *fs, fat_file_t *f, int64_t *offset, int whence);
int fat_file_sync(fat_t *fs, fat_file_t *f);
int fat_mkdir(fat_t *fs, const char *path);
int fat_remove(fat_t *fs, const char *path, bool dir);
int fat_rename(fat_t *fs, const char *from, const char *to);
// The entry of path (the root: a directory entry made up, as MicroPython's).
int fat_stat(fat_t *fs, const char *path, uint8_t *entry);
// For the glue: the directory's first cluster, after checking it is one.
int fat_opendir(fat_t *fs, const char *path, uint32_t *sclust);

uint16_t fat_get16(const uint8_t *p);
uint32_t fat_get32(const uint8_t *p);
void fat_put16(uint8_t *p, uint32_t v);
void fat_put32(uint8_t *p, uint32_t v);

#endif
