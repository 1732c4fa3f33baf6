// SPDX-License-Identifier: MIT
// littlefs v2 (on-disk version 2.1), written from the format description
// in ../shared/spec/filesystems.md, sections 2 and 3: what MicroPython's
// VfsLfs2 keeps in the ESP8266's flash, byte for byte compatible.
//
// The filesystem lives in metadata pairs (two blocks, one current, holding
// a log of CRC-checked commits) and copy-on-write file data (inline in the
// metadata up to 128 bytes, else CTZ skip-lists of blocks). Every change is
// one commit appended to a pair's log, or a compaction of the pair into its
// other block; anything that touches two pairs is ordered so that a power
// cut leaves either the old or the new state, or a state the next mount
// repairs (the global move state and the orphan flag, spec 2.10).
//
// The code is in three files: lfs2_meta.c (the block cache, CRC, metadata
// pairs: fetch, lookup, commit, compaction, split), lfs2_fs.c (format,
// mount, allocation, paths, directories, rename, repairs) and lfs2_file.c
// (CTZ lists and files). It depends on nothing but the C library, so that
// tests/unit can build it alone. It never allocates: the caller gives every
// buffer (three caches of cache_size bytes and a lookahead bitmap in lfs2_t,
// one cache per open file).
//
// Wear and bad blocks as the reference does: a metadata pair moves to a
// fresh block every block_cycles compactions (the superblock pair {0, 1},
// which cannot move, hands the root over to a new pair instead), and a
// block whose program does not read back (a bad block) is replaced, for
// metadata and file data alike; the pointers to a moved pair follow with
// the orphan flag's protection (spec 2.11, 2.12). Not done (nothing
// visible on disk): file truncate (MicroPython's VfsLfs2 has none; "w"
// truncates at open), custom attributes beyond the one mtime attribute
// the VFS uses, and the reference's lfs2_fs_gc/grow. Errors are negative
// errno values (Linux's numbers, as MicroPython's).
#ifndef ESPY_LFS2_H
#define ESPY_LFS2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LFS2_ERR_IO (-5)
#define LFS2_ERR_CORRUPT (-84)       // no valid filesystem, or a broken structure on it
#define LFS2_ERR_NOENT (-2)
#define LFS2_ERR_EXIST (-17)
#define LFS2_ERR_NOTDIR (-20)
#define LFS2_ERR_ISDIR (-21)
#define LFS2_ERR_NOTEMPTY (-39)
#define LFS2_ERR_BADF (-9)
#define LFS2_ERR_FBIG (-27)
#define LFS2_ERR_INVAL (-22)
#define LFS2_ERR_NOSPC (-28)
#define LFS2_ERR_NAMETOOLONG (-36)

#define LFS2_NAME_MAX 255
#define LFS2_FILE_MAX 2147483647
#define LFS2_ATTR_MAX 1022
#define LFS2_BLOCK_NULL 0xffffffffu

// Open flags, the reference library's values.
#define LFS2_O_RDONLY 1
#define LFS2_O_WRONLY 2
#define LFS2_O_RDWR 3
#define LFS2_O_CREAT 0x0100
#define LFS2_O_EXCL 0x0200
#define LFS2_O_TRUNC 0x0400
#define LFS2_O_APPEND 0x0800

#define LFS2_TYPE_REG 0x001
#define LFS2_TYPE_DIR 0x002

// The block device and the geometry. read/prog/erase/sync return 0 or a
// negative error; prog only clears bits of erased space, erase makes a
// block ready for prog.
typedef struct lfs2_config {
    void *context;
    int (*read)(void *context, uint32_t block, uint32_t off, void *buffer, uint32_t size);
    int (*prog)(void *context, uint32_t block, uint32_t off, const void *buffer, uint32_t size);
    int (*erase)(void *context, uint32_t block);
    int (*sync)(void *context);
    uint32_t read_size, prog_size, block_size, block_count;
    uint32_t cache_size;        // a multiple of read_size and prog_size, dividing block_size
    uint32_t lookahead_size;    // bytes of the allocation bitmap (8 blocks each)
    int32_t block_cycles;
} lfs2_config_t;

typedef struct lfs2_cache {
    uint32_t block, off, size;
    uint8_t *buffer;
} lfs2_cache_t;

// A metadata pair as fetched: pair[0] is the current block, off the end of
// its last valid commit, etag the tag state there (to chain the next one).
typedef struct lfs2_mdir {
    uint32_t pair[2];
    uint32_t rev;
    uint32_t off;
    uint32_t etag;
    uint16_t count;
    bool erased;                // the space after off is proven erased
    bool split;                 // tail is a hard tail: the directory goes on there
    uint32_t tail[2];
} lfs2_mdir_t;

typedef struct lfs2_gstate {
    uint32_t tag;
    uint32_t pair[2];
} lfs2_gstate_t;

// What open files and directory listings share: the filesystem keeps them
// in a list to fix their place when a commit moves entries. The links are
// stored complemented, so that a conservative collector does not take them
// for pointers (a dropped file must be collectable, and closed then).
typedef struct lfs2_handle {
    uintptr_t next;             // ~(uintptr_t)next handle
    uint16_t id;
    uint8_t type;
    lfs2_mdir_t m;
} lfs2_handle_t;

typedef struct lfs2_file {
    lfs2_handle_t h;
    uint32_t head, size;        // the file's CTZ list (head LFS2_BLOCK_INLINE: inline)
    uint32_t flags;
    uint32_t pos;
    uint32_t block, off;
    lfs2_cache_t cache;         // cache.buffer: cache_size bytes from the caller
    const uint8_t *mtime;       // 8 bytes committed as user attribute 1, or NULL
} lfs2_file_t;

typedef struct lfs2_dir {
    lfs2_handle_t h;
    uint32_t head[2];
} lfs2_dir_t;

typedef struct lfs2_info {
    uint8_t type;               // LFS2_TYPE_REG or LFS2_TYPE_DIR
    uint32_t size;
    char name[LFS2_NAME_MAX + 1];
} lfs2_info_t;

typedef struct lfs2 {
    lfs2_config_t cfg;
    lfs2_cache_t rcache, pcache;
    uint32_t root[2];
    uintptr_t mlist;            // complemented, as lfs2_handle_t.next
    uint32_t seed;
    lfs2_gstate_t gstate, gdisk, gdelta;
    struct {
        uint32_t start, size, next, ckpoint;
        uint8_t *buffer;
    } lookahead;
    uint32_t name_max, file_max, attr_max, inline_max;
    bool needs_superblock;      // an older minor version: rewritten before the first change
    bool mounted;
} lfs2_t;

// The caller fills lfs->cfg and the buffers (rcache.buffer, pcache.buffer,
// lookahead.buffer) before format or mount.
int lfs2_format(lfs2_t *lfs);
int lfs2_mount(lfs2_t *lfs);
void lfs2_unmount(lfs2_t *lfs);

int lfs2_stat(lfs2_t *lfs, const char *path, lfs2_info_t *info);
// Reads user attribute `type` of path: its size, or a negative error.
int lfs2_getattr(lfs2_t *lfs, const char *path, uint8_t type, void *buffer, uint32_t size);
int lfs2_remove(lfs2_t *lfs, const char *path);
int lfs2_rename(lfs2_t *lfs, const char *oldpath, const char *newpath);
int lfs2_mkdir(lfs2_t *lfs, const char *path);
// Blocks in use (by traversal), or a negative error.
int32_t lfs2_fs_size(lfs2_t *lfs);

int lfs2_dir_open(lfs2_t *lfs, lfs2_dir_t *dir, const char *path);
// 1 with info filled, 0 at the end ("." and ".." are not given).
int lfs2_dir_read(lfs2_t *lfs, lfs2_dir_t *dir, lfs2_info_t *info);
void lfs2_dir_close(lfs2_t *lfs, lfs2_dir_t *dir);

// file->cache.buffer and file->mtime must be set before open.
int lfs2_file_open(lfs2_t *lfs, lfs2_file_t *file, const char *path, int flags);
int lfs2_file_close(lfs2_t *lfs, lfs2_file_t *file);
int lfs2_file_sync(lfs2_t *lfs, lfs2_file_t *file);
int32_t lfs2_file_read(lfs2_t *lfs, lfs2_file_t *file, void *buffer, uint32_t size);
int32_t lfs2_file_write(lfs2_t *lfs, lfs2_file_t *file, const void *buffer, uint32_t size);
// whence 0 start, 1 current, 2 end; the new position.
int32_t lfs2_file_seek(lfs2_t *lfs, lfs2_file_t *file, int32_t off, int whence);
int32_t lfs2_file_size(lfs2_t *lfs, lfs2_file_t *file);

// Checksum of the format: CRC-32 (reflected 0xEDB88320), no final inversion.
uint32_t lfs2_crc(uint32_t crc, const void *buffer, size_t size);

#endif
