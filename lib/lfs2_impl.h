// SPDX-License-Identifier: MIT
// What the three files of littlefs (lfs2_meta.c, lfs2_fs.c, lfs2_file.c)
// share: the tag layout, the block cache and the metadata-pair functions.
//
// A tag, as decoded (spec 2.3):
//
//     31  30..28  27..20  19..10  9..0
//     [v] [type1] [chunk] [  id  ] [size]
//          \_____type3____/
//
// v is 0 for a valid tag; type3 = type1 << 8 | chunk; id 0x3ff is "not an
// entry" (pair-level tags); size 0x3ff marks a deletion (no data follows).
#ifndef ESPY_LFS2_IMPL_H
#define ESPY_LFS2_IMPL_H

#include <string.h>

#include "lfs2.h"

#define LFS2_BLOCK_INLINE 0xfffffffeu

enum {
    TYPE_NAME = 0x000,
    TYPE_REG = 0x001,
    TYPE_DIR = 0x002,
    TYPE_SUPERBLOCK = 0x0ff,
    TYPE_STRUCT = 0x200,
    TYPE_DIRSTRUCT = 0x200,
    TYPE_INLINESTRUCT = 0x201,
    TYPE_CTZSTRUCT = 0x202,
    TYPE_USERATTR = 0x300,
    TYPE_SPLICE = 0x400,
    TYPE_CREATE = 0x401,
    TYPE_DELETE = 0x4ff,
    TYPE_CRC = 0x500,           // CCRC, + 1 for the other valid state
    TYPE_FCRC = 0x5ff,
    TYPE_TAIL = 0x600,
    TYPE_SOFTTAIL = 0x600,
    TYPE_HARDTAIL = 0x601,
    TYPE_MOVESTATE = 0x7ff,
    // Only in a commit's attribute list, never on disk: copy the STRUCT and
    // USERATTR tags of entry `size` of the mdir `buffer` points to.
    TYPE_FROM_MOVE = 0x101,
};

#define TAG(type, id, size) (((uint32_t)(type) << 20) | ((uint32_t)(id) << 10) | (uint32_t)(size))
#define TAG_IS_VALID(t) (!((t)&0x80000000u))
#define TAG_IS_DELETE(t) (((t)&0x3ffu) == 0x3ffu)
#define TAG_TYPE1(t) (((t)&0x70000000u) >> 20)
#define TAG_TYPE2(t) (((t)&0x78000000u) >> 20)
#define TAG_TYPE3(t) (((t)&0x7ff00000u) >> 20)
#define TAG_CHUNK(t) ((uint8_t)(((t)&0x0ff00000u) >> 20))
#define TAG_SPLICE(t) ((int8_t)TAG_CHUNK(t))
#define TAG_ID(t) ((uint16_t)(((t)&0x000ffc00u) >> 10))
#define TAG_SIZE(t) ((t)&0x3ffu)
// Bytes on disk: the tag and its data (a deletion has none).
#define TAG_DSIZE(t) (4 + (TAG_IS_DELETE(t) ? 0 : TAG_SIZE(t)))

// One entry of a commit: a tag and its data in RAM.
typedef struct lfs2_attr {
    uint32_t tag;
    const void *buffer;
} lfs2_attr_t;

static inline uint32_t lfs2_min(uint32_t a, uint32_t b) {
    return a < b ? a : b;
}
static inline uint32_t lfs2_max(uint32_t a, uint32_t b) {
    return a > b ? a : b;
}
static inline uint32_t lfs2_align_down(uint32_t a, uint32_t unit) {
    return a - a % unit;
}
static inline uint32_t lfs2_align_up(uint32_t a, uint32_t unit) {
    return lfs2_align_down(a + unit - 1, unit);
}
static inline uint32_t lfs2_le32(const void *p) {
    const uint8_t *b = p;
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}
static inline void lfs2_put_le32(void *p, uint32_t v) {
    uint8_t *b = p;
    b[0] = (uint8_t)v;
    b[1] = (uint8_t)(v >> 8);
    b[2] = (uint8_t)(v >> 16);
    b[3] = (uint8_t)(v >> 24);
}
// Pairs: the same pair if they share a block; in sync if the same two.
static inline bool lfs2_pair_is_null(const uint32_t p[2]) {
    return p[0] == LFS2_BLOCK_NULL || p[1] == LFS2_BLOCK_NULL;
}
static inline bool lfs2_pair_same(const uint32_t a[2], const uint32_t b[2]) {
    return a[0] == b[0] || a[0] == b[1] || a[1] == b[0] || a[1] == b[1];
}
static inline bool lfs2_pair_sync(const uint32_t a[2], const uint32_t b[2]) {
    return (a[0] == b[0] && a[1] == b[1]) || (a[0] == b[1] && a[1] == b[0]);
}

// The open-handle list (links complemented, see lfs2_handle_t).
static inline lfs2_handle_t *lfs2_handle_first(lfs2_t *lfs) {
    return (lfs2_handle_t *)~lfs->mlist;
}
static inline lfs2_handle_t *lfs2_handle_next(lfs2_handle_t *h) {
    return (lfs2_handle_t *)~h->next;
}
void lfs2_handle_add(lfs2_t *lfs, lfs2_handle_t *h);
void lfs2_handle_remove(lfs2_t *lfs, lfs2_handle_t *h);

// ---- the block device through the caches (lfs2_meta.c) ---------------------------------
// bd_read looks in pcache (may be NULL) first, then in rcache.
int lfs2_bd_read(lfs2_t *lfs, const lfs2_cache_t *pcache, lfs2_cache_t *rcache, uint32_t block, uint32_t off,
                 void *buffer, uint32_t size);
int lfs2_bd_prog(lfs2_t *lfs, lfs2_cache_t *pcache, bool validate, uint32_t block, uint32_t off, const void *buffer,
                 uint32_t size);
int lfs2_bd_flush(lfs2_t *lfs, lfs2_cache_t *pcache, bool validate);
int lfs2_bd_sync(lfs2_t *lfs, lfs2_cache_t *pcache, bool validate);
int lfs2_bd_erase(lfs2_t *lfs, uint32_t block);
void lfs2_cache_zero(lfs2_t *lfs, lfs2_cache_t *cache);
void lfs2_cache_drop(lfs2_cache_t *cache);

// ---- metadata pairs (lfs2_meta.c) --------------------------------------------------------
int lfs2_dir_fetch(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2]);
// Fetches pair and returns the tag of its superblock entry, or 0 (mount).
int32_t lfs2_dir_fetch_superblock(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2]);
// Fetches pair and looks, in one pass, for the REG/DIR entry called name:
// its tag (>= 0, id set) when found; LFS2_ERR_NOENT when a greater name
// shows it is absent (*id: where it would go); 0 when it may be in the
// pair's tail (*id = count).
int32_t lfs2_dir_find_in(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2], const char *name, uint32_t namelen,
                         uint16_t *id);
// The latest tag matching gtag under gmask (id adjusted for splices), its
// data (from byte goff, gsize bytes, zero-filled past its end) in gbuffer:
// the tag, or a negative error (LFS2_ERR_NOENT).
int32_t lfs2_dir_getslice(lfs2_t *lfs, const lfs2_mdir_t *dir, uint32_t gmask, uint32_t gtag, uint32_t goff,
                          void *gbuffer, uint32_t gsize);
static inline int32_t lfs2_dir_get(lfs2_t *lfs, const lfs2_mdir_t *dir, uint32_t gmask, uint32_t gtag, void *buf) {
    return lfs2_dir_getslice(lfs, dir, gmask, gtag, 0, buf, TAG_SIZE(gtag));
}
// Reads bytes [off, off+size) of the data of tag gtag through a cache.
int lfs2_dir_getread(lfs2_t *lfs, const lfs2_mdir_t *dir, lfs2_cache_t *rcache, uint32_t gmask, uint32_t gtag,
                     uint32_t off, void *buffer, uint32_t size);
// XORs the pair's gstate delta into *g.
int lfs2_dir_getgstate(lfs2_t *lfs, const lfs2_mdir_t *dir, lfs2_gstate_t *g);
int lfs2_dir_alloc(lfs2_t *lfs, lfs2_mdir_t *dir);

// What a commit to one pair leaves for the caller to do to other pairs.
enum {
    LFS2_OK_RELOCATED = 1,      // the pair moved: its parent and predecessor must point to it
    LFS2_OK_DROPPED = 2,        // the pair lost its last entry: *pdir is to take its tail instead
};
// Commits attrs to dir (appending, or compacting, splitting and moving
// it), and fixes the open handles on it; owner is the caller's handle (its
// id is not shifted by the commit), or NULL. With pdir given, an emptied
// pair that is not the first of its directory is not written: *pdir is
// its predecessor. 0, an LFS2_OK_* state, or a negative error.
int lfs2_dir_relocatingcommit(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_mdir_t *owner, const lfs2_attr_t *attrs,
                              int n, lfs2_mdir_t *pdir);
// lfs2_dir_relocatingcommit and all it leaves to do: a dropped pair is
// unlinked, a moved one relinked in its parent and predecessor (spec
// 2.11, 2.12), repairing what moving those leaves (lfs2_fs.c).
int lfs2_dir_commit(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int count);

// ---- gstate -------------------------------------------------------------------------------
static inline bool lfs2_gstate_has_orphans(const lfs2_gstate_t *g) {
    return TAG_SIZE(g->tag) != 0;
}
static inline bool lfs2_gstate_has_move(const lfs2_gstate_t *g) {
    return TAG_TYPE1(g->tag) != 0;
}
static inline bool lfs2_gstate_has_move_here(const lfs2_gstate_t *g, const uint32_t pair[2]) {
    return TAG_TYPE1(g->tag) != 0 && lfs2_pair_same(g->pair, pair);
}

// State bits of an open file, above the LFS2_O_* flags.
#define LFS2_F_DIRTY 0x010000      // to be committed
#define LFS2_F_WRITING 0x020000    // cache holds data not yet programmed
#define LFS2_F_READING 0x040000    // cache holds data read
#define LFS2_F_ERRED 0x080000      // a write failed: close commits nothing
#define LFS2_F_INLINE 0x100000     // the data is inline in the metadata
#define LFS2_F_MOVED 0x200000      // the block being written moved (lfs->pcache's buffer was used)

// ---- lfs2_fs.c, lfs2_file.c ---------------------------------------------------------------
int lfs2_alloc(lfs2_t *lfs, uint32_t *block);
void lfs2_alloc_ckpoint(lfs2_t *lfs);
// The pair whose tail is pair (LFS2_ERR_NOENT for the first).
int lfs2_fs_pred(lfs2_t *lfs, const uint32_t pair[2], lfs2_mdir_t *pdir);
// Calls cb for every block in use (metadata, files, open files' new blocks).
int lfs2_fs_traverse(lfs2_t *lfs, int (*cb)(lfs2_t *lfs, void *data, uint32_t block), void *data,
                     bool include_orphans);
int lfs2_ctz_traverse(lfs2_t *lfs, const lfs2_cache_t *pcache, lfs2_cache_t *rcache, uint32_t head, uint32_t size,
                      int (*cb)(lfs2_t *lfs, void *data, uint32_t block), void *data);
// Completes a pending move, repairs orphans, upgrades the superblock:
// before the first change after mount.
int lfs2_fs_force_consistency(lfs2_t *lfs);
void lfs2_fs_prep_orphans(lfs2_t *lfs, int orphans);
void lfs2_fs_prep_move(lfs2_t *lfs, uint16_t id, const uint32_t pair[2]);
// Follows path from the root: the entry's tag (id 0x3ff for the root
// itself), *dir its pair; *path is left at the last name looked at.
int32_t lfs2_dir_find(lfs2_t *lfs, lfs2_mdir_t *dir, const char **path, uint16_t *id);
uint32_t lfs2_path_namelen(const char *path);
bool lfs2_path_is_last(const char *path);

#endif
