// SPDX-License-Identifier: MIT
// littlefs: the filesystem as a whole (spec 2.7, 2.8, 2.10, 2.11): format
// and mount, the block allocator, walks of the global list of metadata
// pairs, paths, directories, remove and rename, committing with all that
// a commit entails for other pairs (a dropped pair unlinked, a moved one
// relinked), and the repairs made before the first change after a mount
// (a pending move completed, orphaned pairs unlinked or relinked, an
// older superblock version rewritten).
//
// The allocator follows the reference: a bitmap of lookahead_size * 8
// blocks from a window start; a traversal of everything in use fills it
// when the window is used up; blocks are handed out from it in order. A
// checkpoint (lfs2_alloc_ckpoint) is taken at moments when everything
// allocated is reachable by the traversal (committed, or held by an open
// file); having looked at every block since the last one means the device
// is full.
#include "lfs2_impl.h"

void lfs2_handle_add(lfs2_t *lfs, lfs2_handle_t *h) {
    h->next = lfs->mlist;
    lfs->mlist = ~(uintptr_t)h;
}

void lfs2_handle_remove(lfs2_t *lfs, lfs2_handle_t *h) {
    uintptr_t *link = &lfs->mlist;
    while (*link != ~(uintptr_t)0) {
        lfs2_handle_t *p = (lfs2_handle_t *)~*link;
        if (p == h) {
            *link = h->next;
            return;
        }
        link = &p->next;
    }
}

// ---- block allocation ---------------------------------------------------------------------

void lfs2_alloc_ckpoint(lfs2_t *lfs) {
    lfs->lookahead.ckpoint = lfs->cfg.block_count;
}

static void alloc_drop(lfs2_t *lfs) {
    lfs->lookahead.size = 0;
    lfs->lookahead.next = 0;
    lfs2_alloc_ckpoint(lfs);
}

static int alloc_mark(lfs2_t *lfs, void *data, uint32_t block) {
    if (block < lfs->cfg.block_count) {
        uint32_t off = (block + lfs->cfg.block_count - lfs->lookahead.start) % lfs->cfg.block_count;
        if (off < lfs->lookahead.size) {
            lfs->lookahead.buffer[off / 8] |= (uint8_t)(1u << (off % 8));
        }
    }
    return 0;
}

int lfs2_alloc(lfs2_t *lfs, uint32_t *block) {
    while (true) {
        while (lfs->lookahead.next < lfs->lookahead.size) {
            uint32_t next = lfs->lookahead.next++;
            lfs->lookahead.ckpoint--;
            if (!(lfs->lookahead.buffer[next / 8] & (1u << (next % 8)))) {
                *block = (lfs->lookahead.start + next) % lfs->cfg.block_count;
                return 0;
            }
        }
        if (lfs->lookahead.ckpoint == 0 || lfs->lookahead.ckpoint > lfs->cfg.block_count) {
            return LFS2_ERR_NOSPC;
        }
        // The next window: never past what was checkpointed, so that the
        // windows since the checkpoint do not overlap.
        lfs->lookahead.start = (lfs->lookahead.start + lfs->lookahead.next) % lfs->cfg.block_count;
        lfs->lookahead.next = 0;
        lfs->lookahead.size = lfs2_min(8 * lfs->cfg.lookahead_size, lfs->lookahead.ckpoint);
        memset(lfs->lookahead.buffer, 0, lfs->cfg.lookahead_size);
        int err = lfs2_fs_traverse(lfs, alloc_mark, NULL, true);
        if (err) {
            alloc_drop(lfs);
            return err;
        }
    }
}

// ---- walks of the global list -----------------------------------------------------------------

// Brent's cycle detection over tail pointers: a corrupted list must not
// make a walk loop forever.
typedef struct {
    uint32_t tortoise[2];
    uint32_t i, period;
} cycle_t;

static bool cycle_seen(cycle_t *c, const uint32_t tail[2]) {
    if (lfs2_pair_sync(tail, c->tortoise)) {
        return true;
    }
    if (c->i == c->period) {
        c->tortoise[0] = tail[0];
        c->tortoise[1] = tail[1];
        c->i = 0;
        c->period *= 2;
    }
    c->i++;
    return false;
}

#define CYCLE_INIT {{LFS2_BLOCK_NULL, LFS2_BLOCK_NULL}, 1, 1}

int lfs2_fs_traverse(lfs2_t *lfs, int (*cb)(lfs2_t *lfs, void *data, uint32_t block), void *data,
                     bool include_orphans) {
    lfs2_mdir_t dir = {.tail = {0, 1}};
    cycle_t cycle = CYCLE_INIT;
    while (!lfs2_pair_is_null(dir.tail)) {
        if (cycle_seen(&cycle, dir.tail)) {
            return LFS2_ERR_CORRUPT;
        }
        for (int i = 0; i < 2; i++) {
            int err = cb(lfs, data, dir.tail[i]);
            if (err) {
                return err;
            }
        }
        int err = lfs2_dir_fetch(lfs, &dir, dir.tail);
        if (err) {
            return err;
        }
        for (uint16_t id = 0; id < dir.count; id++) {
            uint8_t s[8];
            int32_t tag = lfs2_dir_get(lfs, &dir, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, id, 8), s);
            if (tag == LFS2_ERR_NOENT) {
                continue;
            }
            if (tag < 0) {
                return tag;
            }
            if (TAG_TYPE3(tag) == TYPE_CTZSTRUCT) {
                err = lfs2_ctz_traverse(lfs, NULL, &lfs->rcache, lfs2_le32(s), lfs2_le32(s + 4), cb, data);
            } else if (include_orphans && TAG_TYPE3(tag) == TYPE_DIRSTRUCT) {
                err = cb(lfs, data, lfs2_le32(s));
                if (!err) {
                    err = cb(lfs, data, lfs2_le32(s + 4));
                }
            }
            if (err) {
                return err;
            }
        }
    }
    // The blocks open files have written and not committed yet.
    for (lfs2_handle_t *h = lfs2_handle_first(lfs); h != NULL; h = lfs2_handle_next(h)) {
        lfs2_file_t *f = (lfs2_file_t *)h;
        if (h->type != LFS2_TYPE_REG || (f->flags & LFS2_F_INLINE)) {
            continue;
        }
        int err = 0;
        if (f->flags & LFS2_F_DIRTY) {
            err = lfs2_ctz_traverse(lfs, &f->cache, &lfs->rcache, f->head, f->size, cb, data);
        }
        if (!err && (f->flags & LFS2_F_WRITING)) {
            err = lfs2_ctz_traverse(lfs, &f->cache, &lfs->rcache, f->block, f->pos, cb, data);
        }
        if (err) {
            return err;
        }
    }
    return 0;
}

int lfs2_fs_pred(lfs2_t *lfs, const uint32_t pair[2], lfs2_mdir_t *pdir) {
    static const uint32_t first[2] = {0, 1};
    cycle_t cycle = CYCLE_INIT;
    int err = lfs2_dir_fetch(lfs, pdir, first);
    while (!err && !lfs2_pair_is_null(pdir->tail)) {
        if (lfs2_pair_same(pdir->tail, pair)) {
            return 0;
        }
        if (cycle_seen(&cycle, pdir->tail)) {
            return LFS2_ERR_CORRUPT;
        }
        err = lfs2_dir_fetch(lfs, pdir, pdir->tail);
    }
    return err ? err : LFS2_ERR_NOENT;
}

// The entry whose DIRSTRUCT points at pair (shares a block with it).
static int32_t fs_parent(lfs2_t *lfs, const uint32_t pair[2], lfs2_mdir_t *parent) {
    cycle_t cycle = CYCLE_INIT;
    parent->tail[0] = 0;
    parent->tail[1] = 1;
    while (!lfs2_pair_is_null(parent->tail)) {
        if (cycle_seen(&cycle, parent->tail)) {
            return LFS2_ERR_CORRUPT;
        }
        int err = lfs2_dir_fetch(lfs, parent, parent->tail);
        if (err) {
            return err;
        }
        for (uint16_t id = 0; id < parent->count; id++) {
            uint8_t s[8];
            int32_t tag = lfs2_dir_get(lfs, parent, TAG(0x7ff, 0x3ff, 0), TAG(TYPE_DIRSTRUCT, id, 8), s);
            if (tag >= 0) {
                uint32_t p[2] = {lfs2_le32(s), lfs2_le32(s + 4)};
                if (lfs2_pair_same(p, pair)) {
                    return tag;
                }
            } else if (tag != LFS2_ERR_NOENT) {
                return tag;
            }
        }
    }
    return LFS2_ERR_NOENT;
}

// ---- global state ------------------------------------------------------------------------------

void lfs2_fs_prep_orphans(lfs2_t *lfs, int orphans) {
    uint32_t count = TAG_SIZE(lfs->gstate.tag) + (uint32_t)orphans;
    lfs->gstate.tag = (lfs->gstate.tag & ~(TAG(0x800, 0, 0x3ff))) | (count & 0x3ff)
                      | ((uint32_t)(count != 0) << 31);
}

void lfs2_fs_prep_move(lfs2_t *lfs, uint16_t id, const uint32_t pair[2]) {
    lfs->gstate.tag = (lfs->gstate.tag & ~TAG(0x7ff, 0x3ff, 0)) | (id != 0x3ff ? TAG(TYPE_DELETE, id, 0) : 0);
    lfs->gstate.pair[0] = id != 0x3ff ? pair[0] : 0;
    lfs->gstate.pair[1] = id != 0x3ff ? pair[1] : 0;
}

static void put_pair(uint8_t *b, const uint32_t pair[2]) {
    lfs2_put_le32(b, pair[0]);
    lfs2_put_le32(b + 4, pair[1]);
}

// The deletion of a pending move's source when it is in pdir, for the
// commit about to be made there (a pair that moves would leave the move
// naming blocks it no longer has): 1 attribute in *a, or 0.
static int fix_move(lfs2_t *lfs, const lfs2_mdir_t *pdir, lfs2_attr_t *a) {
    if (!lfs2_gstate_has_move_here(&lfs->gstate, pdir->pair)) {
        return 0;
    }
    uint16_t moveid = TAG_ID(lfs->gstate.tag);
    lfs2_fs_prep_move(lfs, 0x3ff, NULL);
    *a = (lfs2_attr_t){TAG(TYPE_DELETE, moveid, 0), NULL};
    return 1;
}

// Commits attrs to dir, then what that leaves to do elsewhere (spec 2.11,
// 2.12). A dropped pair: its predecessor takes its tail and delta. A pair
// that moved to new blocks (worn, or a bad block): first its parent's
// DIRSTRUCT names the new pair, with the orphan flag set, then its
// predecessor's tail, clearing the flag; until then the list still leads
// to the old blocks, which hold the state before this commit. The parent
// or the predecessor may move in turn, and so on up. When a parent moved
// before its child's predecessor was fixed, that predecessor is left
// pointing at the old blocks (a half-orphan): the count of those, for
// fs_deorphan, is the result.
static int dir_orphaning_commit(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n) {
    uint32_t lpair[2] = {dir->pair[0], dir->pair[1]};
    lfs2_mdir_t ldir = *dir, pdir;
    int state = lfs2_dir_relocatingcommit(lfs, &ldir, dir, attrs, n, &pdir);
    if (state < 0) {
        return state;
    }
    if (lfs2_pair_same(dir->pair, lpair)) {
        *dir = ldir;        // (unless the handle list moved it on to a split-off pair)
    }
    if (state == LFS2_OK_DROPPED) {
        int err = lfs2_dir_getgstate(lfs, &ldir, &lfs->gdelta);
        if (err) {
            return err;
        }
        uint8_t t[8];
        put_pair(t, ldir.tail);
        lfs2_attr_t a = {TAG(TYPE_TAIL + ldir.split, 0x3ff, 8), t};
        lpair[0] = pdir.pair[0];
        lpair[1] = pdir.pair[1];
        state = lfs2_dir_relocatingcommit(lfs, &pdir, NULL, &a, 1, NULL);
        if (state < 0) {
            return state;
        }
        ldir = pdir;
    }
    int orphans = 0;
    while (state == LFS2_OK_RELOCATED) {
        state = 0;
        if (lfs2_pair_same(lpair, lfs->root)) {
            lfs->root[0] = ldir.pair[0];
            lfs->root[1] = ldir.pair[1];
        }
        uint8_t p[8];
        put_pair(p, ldir.pair);
        lfs2_attr_t a[2];
        int32_t tag = fs_parent(lfs, lpair, &pdir);
        if (tag < 0 && tag != LFS2_ERR_NOENT) {
            return tag;
        }
        bool has_parent = tag >= 0;
        if (has_parent) {
            lfs2_fs_prep_orphans(lfs, 1);
            int k = fix_move(lfs, &pdir, a);
            if (k > 0 && TAG_ID(a[0].tag) < TAG_ID(tag)) {
                tag -= (int32_t)TAG(0, 1, 0);
            }
            a[k++] = (lfs2_attr_t){(uint32_t)tag, p};
            uint32_t ppair[2] = {pdir.pair[0], pdir.pair[1]};
            state = lfs2_dir_relocatingcommit(lfs, &pdir, NULL, a, k, NULL);
            if (state < 0) {
                return state;
            }
            if (state == LFS2_OK_RELOCATED) {
                lpair[0] = ppair[0];
                lpair[1] = ppair[1];
                ldir = pdir;
                orphans++;
                continue;
            }
        }
        int err = lfs2_fs_pred(lfs, lpair, &pdir);
        if (err && err != LFS2_ERR_NOENT) {
            return err;
        }
        if (err) {
            orphans += has_parent;    // (a parent but no predecessor: a broken list)
            break;                    // a new pair, not linked yet
        }
        if (has_parent) {
            lfs2_fs_prep_orphans(lfs, -1);
        }
        int k = fix_move(lfs, &pdir, a);
        a[k++] = (lfs2_attr_t){TAG(TYPE_TAIL + pdir.split, 0x3ff, 8), p};
        lpair[0] = pdir.pair[0];
        lpair[1] = pdir.pair[1];
        state = lfs2_dir_relocatingcommit(lfs, &pdir, NULL, a, k, NULL);
        if (state < 0) {
            return state;
        }
        ldir = pdir;
    }
    return orphans;
}

// Orphans (spec 2.10). Pass 0: a directory head in the list whose parent
// names a different pair sharing a block with it (a relocation cut, or
// one whose parent moved first) is relinked to that pair. Pass 1, only
// after a power loss: a directory head no parent names (a removal or
// mkdir cut) is unlinked; without a power loss those are operations in
// progress. The repairs' own commits may make more; then again. orphans:
// how many of the counted ones this call repairs (all after a power loss).
static int fs_deorphan(lfs2_t *lfs, bool powerloss, int orphans) {
    if (!lfs2_gstate_has_orphans(&lfs->gstate)) {
        return 0;
    }
    for (int pass = 0; pass < (powerloss ? 2 : 1);) {
        static const uint32_t first[2] = {0, 1};
        lfs2_mdir_t pdir, dir;
        cycle_t cycle = CYCLE_INIT;
        bool more = false;
        int err = lfs2_dir_fetch(lfs, &pdir, first);
        while (!err && !lfs2_pair_is_null(pdir.tail)) {
            if (cycle_seen(&cycle, pdir.tail)) {
                return LFS2_ERR_CORRUPT;
            }
            err = lfs2_dir_fetch(lfs, &dir, pdir.tail);
            if (err) {
                return err;
            }
            int made = 0;
            bool fixed = false;
            if (!pdir.split) {
                lfs2_mdir_t parent;
                int32_t tag = fs_parent(lfs, pdir.tail, &parent);
                if (tag < 0 && tag != LFS2_ERR_NOENT) {
                    return tag;
                }
                uint8_t s[8];
                lfs2_attr_t a[2];
                if (pass == 0 && tag >= 0) {
                    int32_t res = lfs2_dir_get(lfs, &parent, TAG(0x7ff, 0x3ff, 0), (uint32_t)tag, s);
                    if (res < 0) {
                        return res;
                    }
                    uint32_t pair[2] = {lfs2_le32(s), lfs2_le32(s + 4)};
                    if (!lfs2_pair_sync(pair, pdir.tail)) {
                        int k = fix_move(lfs, &pdir, a);
                        a[k++] = (lfs2_attr_t){TAG(TYPE_SOFTTAIL, 0x3ff, 8), s};
                        made = dir_orphaning_commit(lfs, &pdir, a, k);
                        fixed = true;
                    }
                }
                if (pass == 1 && tag == LFS2_ERR_NOENT) {
                    err = lfs2_dir_getgstate(lfs, &dir, &lfs->gdelta);
                    if (err) {
                        return err;
                    }
                    put_pair(s, dir.tail);
                    a[0] = (lfs2_attr_t){TAG(TYPE_TAIL + dir.split, 0x3ff, 8), s};
                    made = dir_orphaning_commit(lfs, &pdir, a, 1);
                    fixed = true;
                }
            }
            if (made < 0) {
                return made;
            }
            if (fixed) {
                orphans += made;
                more = more || made > 0;
                continue;             // pdir has a new tail: look at it again
            }
            pdir = dir;
        }
        if (err) {
            return err;
        }
        pass = more ? 0 : pass + 1;
    }
    lfs2_fs_prep_orphans(lfs, -(powerloss ? (int)TAG_SIZE(lfs->gstate.tag) : orphans));
    return 0;
}

int lfs2_dir_commit(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n) {
    int orphans = dir_orphaning_commit(lfs, dir, attrs, n);
    return orphans > 0 ? fs_deorphan(lfs, false, orphans) : orphans;
}

// Unlinks `dir` from the list: its predecessor pdir takes its tail and
// folds in its gstate delta.
static int dir_drop(lfs2_t *lfs, lfs2_mdir_t *pdir, const lfs2_mdir_t *dir) {
    int err = lfs2_dir_getgstate(lfs, dir, &lfs->gdelta);
    if (err) {
        return err;
    }
    uint8_t t[8];
    put_pair(t, dir->tail);
    lfs2_attr_t a = {TAG(TYPE_TAIL + dir->split, 0x3ff, 8), t};
    return lfs2_dir_commit(lfs, pdir, &a, 1);
}

static int fs_desuperblock(lfs2_t *lfs) {
    if (!lfs->needs_superblock) {
        return 0;
    }
    lfs2_mdir_t root;
    int err = lfs2_dir_fetch(lfs, &root, lfs->root);
    if (err) {
        return err;
    }
    uint8_t sb[24];
    uint32_t fields[6] = {0x00020001, lfs->cfg.block_size, lfs->cfg.block_count, lfs->name_max, lfs->file_max,
                          lfs->attr_max};
    for (int i = 0; i < 6; i++) {
        lfs2_put_le32(sb + 4 * i, fields[i]);
    }
    lfs2_attr_t a = {TAG(TYPE_INLINESTRUCT, 0, 24), sb};
    err = lfs2_dir_commit(lfs, &root, &a, 1);
    if (!err) {
        lfs->needs_superblock = false;
    }
    return err;
}

// A rename cut between its two commits: delete the source now.
static int fs_demove(lfs2_t *lfs) {
    if (!lfs2_gstate_has_move(&lfs->gdisk)) {
        return 0;
    }
    lfs2_mdir_t movedir;
    int err = lfs2_dir_fetch(lfs, &movedir, lfs->gdisk.pair);
    if (err) {
        return err;
    }
    uint16_t moveid = TAG_ID(lfs->gdisk.tag);
    lfs2_fs_prep_move(lfs, 0x3ff, NULL);
    lfs2_attr_t a = {TAG(TYPE_DELETE, moveid, 0), NULL};
    return lfs2_dir_commit(lfs, &movedir, &a, 1);
}

int lfs2_fs_force_consistency(lfs2_t *lfs) {
    int err = fs_desuperblock(lfs);
    if (!err) {
        err = fs_demove(lfs);
    }
    if (!err) {
        err = fs_deorphan(lfs, true, 0);
    }
    return err;
}

// ---- format and mount -----------------------------------------------------------------------------

static int fs_init(lfs2_t *lfs) {
    const lfs2_config_t *c = &lfs->cfg;
    if (c->read_size == 0 || c->prog_size == 0 || c->cache_size == 0 || c->cache_size % c->read_size != 0
        || c->cache_size % c->prog_size != 0 || c->block_size < 128 || c->block_size % c->cache_size != 0
        || c->lookahead_size == 0 || c->block_count < 2) {
        return LFS2_ERR_INVAL;
    }
    lfs2_cache_drop(&lfs->rcache);
    lfs2_cache_zero(lfs, &lfs->pcache);
    lfs->root[0] = lfs->root[1] = LFS2_BLOCK_NULL;
    lfs->mlist = ~(uintptr_t)0;
    lfs->seed = 0;
    lfs->gstate = lfs->gdisk = lfs->gdelta = (lfs2_gstate_t){0, {0, 0}};
    lfs->name_max = LFS2_NAME_MAX;
    lfs->file_max = LFS2_FILE_MAX;
    lfs->attr_max = LFS2_ATTR_MAX;
    lfs->inline_max = lfs2_min(lfs2_min(c->cache_size, LFS2_ATTR_MAX), c->block_size / 8);
    lfs->needs_superblock = false;
    lfs->mounted = false;
    return 0;
}

// mkfs (spec 2.13): the pair {0, 1} holding the superblock entry, written
// twice so that both blocks have it.
int lfs2_format(lfs2_t *lfs) {
    int err = fs_init(lfs);
    if (err) {
        return err;
    }
    memset(lfs->lookahead.buffer, 0, lfs->cfg.lookahead_size);
    lfs->lookahead.start = 0;
    lfs->lookahead.size = lfs2_min(8 * lfs->cfg.lookahead_size, lfs->cfg.block_count);
    lfs->lookahead.next = 0;
    lfs2_alloc_ckpoint(lfs);
    lfs2_mdir_t root;
    err = lfs2_dir_alloc(lfs, &root);
    if (err) {
        return err;
    }
    uint8_t sb[24];
    uint32_t fields[6] = {0x00020001, lfs->cfg.block_size, lfs->cfg.block_count, lfs->name_max, lfs->file_max,
                          lfs->attr_max};
    for (int i = 0; i < 6; i++) {
        lfs2_put_le32(sb + 4 * i, fields[i]);
    }
    lfs2_attr_t attrs[3] = {
        {TAG(TYPE_CREATE, 0, 0), NULL},
        {TAG(TYPE_SUPERBLOCK, 0, 8), "littlefs"},
        {TAG(TYPE_INLINESTRUCT, 0, 24), sb},
    };
    err = lfs2_dir_commit(lfs, &root, attrs, 3);
    if (!err) {
        root.erased = false;      // a second compaction: both blocks hold it
        err = lfs2_dir_commit(lfs, &root, NULL, 0);
    }
    if (!err) {
        static const uint32_t first[2] = {0, 1};
        err = lfs2_dir_fetch(lfs, &root, first);
    }
    return err;
}

int lfs2_mount(lfs2_t *lfs) {
    int err = fs_init(lfs);
    if (err) {
        return err;
    }
    lfs2_mdir_t dir = {.tail = {0, 1}};
    cycle_t cycle = CYCLE_INIT;
    while (!lfs2_pair_is_null(dir.tail)) {
        if (cycle_seen(&cycle, dir.tail)) {
            return LFS2_ERR_CORRUPT;
        }
        int32_t tag = lfs2_dir_fetch_superblock(lfs, &dir, dir.tail);
        if (tag < 0) {
            return tag;
        }
        if (tag > 0 && !TAG_IS_DELETE(tag)) {
            lfs->root[0] = dir.pair[0];
            lfs->root[1] = dir.pair[1];
            uint8_t sb[24];
            tag = lfs2_dir_get(lfs, &dir, TAG(0x7ff, 0x3ff, 0), TAG(TYPE_INLINESTRUCT, 0, 24), sb);
            if (tag < 0) {
                return tag;
            }
            uint32_t version = lfs2_le32(sb), name_max = lfs2_le32(sb + 12), file_max = lfs2_le32(sb + 16),
                     attr_max = lfs2_le32(sb + 20);
            if (version >> 16 != 2 || (version & 0xffff) > 1 || lfs2_le32(sb + 4) != lfs->cfg.block_size
                || lfs2_le32(sb + 8) != lfs->cfg.block_count || name_max > LFS2_NAME_MAX
                || file_max > LFS2_FILE_MAX || attr_max > LFS2_ATTR_MAX) {
                return LFS2_ERR_INVAL;
            }
            lfs->needs_superblock = (version & 0xffff) < 1;
            lfs->name_max = name_max ? name_max : lfs->name_max;
            lfs->file_max = file_max ? file_max : lfs->file_max;
            lfs->attr_max = attr_max ? attr_max : lfs->attr_max;
            lfs->inline_max = lfs2_min(lfs->inline_max, lfs->attr_max);
        }
        err = lfs2_dir_getgstate(lfs, &dir, &lfs->gstate);
        if (err) {
            return err;
        }
    }
    if (lfs2_pair_is_null(lfs->root)) {
        return LFS2_ERR_INVAL;
    }
    // The orphan flag on disk counts as one orphan here.
    lfs->gstate.tag += !TAG_IS_VALID(lfs->gstate.tag);
    lfs->gdisk = lfs->gstate;
    lfs->lookahead.start = lfs->seed % lfs->cfg.block_count;
    alloc_drop(lfs);
    lfs->mounted = true;
    return 0;
}

void lfs2_unmount(lfs2_t *lfs) {
    lfs->mounted = false;
    lfs->mlist = ~(uintptr_t)0;
}

static int count_block(lfs2_t *lfs, void *data, uint32_t block) {
    (*(uint32_t *)data)++;
    return 0;
}

int32_t lfs2_fs_size(lfs2_t *lfs) {
    uint32_t size = 0;
    int err = lfs2_fs_traverse(lfs, count_block, &size, false);
    return err ? err : (int32_t)lfs2_min(size, lfs->cfg.block_count);
}

// ---- paths ----------------------------------------------------------------------------------------

uint32_t lfs2_path_namelen(const char *path) {
    return (uint32_t)strcspn(path, "/");
}

bool lfs2_path_is_last(const char *path) {
    size_t n = strcspn(path, "/");
    return path[n + strspn(path + n, "/")] == '\0';
}

static bool path_is_dir(const char *path) {
    return path[strcspn(path, "/")] != '\0';
}

int32_t lfs2_dir_find(lfs2_t *lfs, lfs2_mdir_t *dir, const char **path, uint16_t *id) {
    const char *name = *path;
    uint16_t local_id;
    id = id != NULL ? id : &local_id;
    *id = 0x3ff;
    int32_t tag = (int32_t)TAG(TYPE_DIR, 0x3ff, 0);
    dir->tail[0] = lfs->root[0];
    dir->tail[1] = lfs->root[1];
    while (true) {
    nextname:
        name += strspn(name, "/");
        uint32_t namelen = lfs2_path_namelen(name);
        if ((namelen == 1 && name[0] == '.') || (namelen == 2 && name[0] == '.' && name[1] == '.')) {
            name += namelen;
            goto nextname;
        }
        // "a/.." cancels out
        const char *suffix = name + namelen;
        int depth = 1;
        while (true) {
            suffix += strspn(suffix, "/");
            uint32_t sufflen = lfs2_path_namelen(suffix);
            if (sufflen == 0) {
                break;
            }
            if (sufflen == 2 && suffix[0] == '.' && suffix[1] == '.') {
                if (--depth == 0) {
                    name = suffix + sufflen;
                    goto nextname;
                }
            } else if (!(sufflen == 1 && suffix[0] == '.')) {
                depth++;
            }
            suffix += sufflen;
        }
        if (name[0] == '\0') {
            return tag;
        }
        *path = name;
        if (TAG_TYPE3(tag) != TYPE_DIR) {
            return LFS2_ERR_NOTDIR;
        }
        if (TAG_ID(tag) != 0x3ff) {
            uint8_t s[8];
            int32_t res = lfs2_dir_get(lfs, dir, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, TAG_ID(tag), 8), s);
            if (res < 0) {
                return res;
            }
            dir->tail[0] = lfs2_le32(s);
            dir->tail[1] = lfs2_le32(s + 4);
        }
        cycle_t cycle = CYCLE_INIT;
        while (true) {
            if (cycle_seen(&cycle, dir->tail)) {
                return LFS2_ERR_CORRUPT;
            }
            tag = lfs2_dir_find_in(lfs, dir, dir->tail, name, namelen, id);
            if (tag < 0) {
                return tag;
            }
            if (tag) {
                break;
            }
            if (!dir->split) {
                return LFS2_ERR_NOENT;
            }
        }
        name += namelen;
    }
}

// ---- entries --------------------------------------------------------------------------------------

static int dir_getinfo(lfs2_t *lfs, lfs2_mdir_t *dir, uint16_t id, lfs2_info_t *info) {
    if (id == 0x3ff) {
        strcpy(info->name, "/");
        info->type = LFS2_TYPE_DIR;
        info->size = 0;
        return 0;
    }
    int32_t tag = lfs2_dir_get(lfs, dir, TAG(0x780, 0x3ff, 0), TAG(TYPE_NAME, id, lfs->name_max + 1), info->name);
    if (tag < 0) {
        return tag;
    }
    if (TAG_SIZE(tag) > lfs->name_max || TAG_SIZE(tag) == 0) {
        return LFS2_ERR_CORRUPT;
    }
    info->name[TAG_SIZE(tag)] = '\0';
    info->type = (uint8_t)TAG_TYPE3(tag);
    uint8_t s[8];
    tag = lfs2_dir_get(lfs, dir, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, id, 8), s);
    if (tag < 0) {
        return tag;
    }
    info->size = TAG_TYPE3(tag) == TYPE_CTZSTRUCT ? lfs2_le32(s + 4)
                 : TAG_TYPE3(tag) == TYPE_INLINESTRUCT ? TAG_SIZE(tag) : 0;
    return 0;
}

int lfs2_stat(lfs2_t *lfs, const char *path, lfs2_info_t *info) {
    lfs2_mdir_t cwd;
    int32_t tag = lfs2_dir_find(lfs, &cwd, &path, NULL);
    return tag < 0 ? tag : dir_getinfo(lfs, &cwd, TAG_ID(tag), info);
}

int lfs2_getattr(lfs2_t *lfs, const char *path, uint8_t type, void *buffer, uint32_t size) {
    lfs2_mdir_t cwd;
    int32_t tag = lfs2_dir_find(lfs, &cwd, &path, NULL);
    if (tag < 0 || TAG_ID(tag) == 0x3ff) {
        return tag < 0 ? tag : LFS2_ERR_NOENT;
    }
    tag = lfs2_dir_get(lfs, &cwd, TAG(0x7ff, 0x3ff, 0), TAG(TYPE_USERATTR + type, TAG_ID(tag), lfs2_min(size, 0x3fe)),
                       buffer);
    return tag < 0 ? tag : (int)TAG_SIZE(tag);
}

int lfs2_mkdir(lfs2_t *lfs, const char *path) {
    int err = lfs2_fs_force_consistency(lfs);
    if (err) {
        return err;
    }
    lfs2_mdir_t cwd;
    uint16_t id;
    const char *fullpath = path;
    int32_t tag = lfs2_dir_find(lfs, &cwd, &path, &id);
    if (!(tag == LFS2_ERR_NOENT && lfs2_path_is_last(path))) {
        return tag < 0 ? tag : LFS2_ERR_EXIST;
    }
    uint32_t nlen = lfs2_path_namelen(path);
    if (nlen > lfs->name_max) {
        return LFS2_ERR_NAMETOOLONG;
    }
    // The new pair comes in the list after the directory's last pair.
    lfs2_alloc_ckpoint(lfs);
    lfs2_mdir_t dir, pred = cwd;
    err = lfs2_dir_alloc(lfs, &dir);
    for (int guard = 0; !err && pred.split; guard++) {
        err = guard > (int)lfs->cfg.block_count ? LFS2_ERR_CORRUPT : lfs2_dir_fetch(lfs, &pred, pred.tail);
    }
    uint8_t t[8], p[8];
    put_pair(t, pred.tail);
    lfs2_attr_t tail = {TAG(TYPE_SOFTTAIL, 0x3ff, 8), t};
    if (!err) {
        err = lfs2_dir_commit(lfs, &dir, &tail, 1);
    }
    if (err) {
        return err;
    }
    put_pair(p, dir.pair);
    bool linked = cwd.split;
    if (linked) {
        // Linked before its parent names it: an orphan until the next commit.
        lfs2_fs_prep_orphans(lfs, 1);
        lfs2_attr_t link = {TAG(TYPE_SOFTTAIL, 0x3ff, 8), p};
        err = lfs2_dir_commit(lfs, &pred, &link, 1);
        if (err) {
            return err;
        }
        lfs2_fs_prep_orphans(lfs, -1);
        // If pred moved, the pointers to it did, and cwd may be one of them.
        path = fullpath;
        tag = lfs2_dir_find(lfs, &cwd, &path, &id);
        if (tag != LFS2_ERR_NOENT) {
            return tag < 0 ? tag : LFS2_ERR_CORRUPT;
        }
    }
    lfs2_attr_t attrs[4] = {
        {TAG(TYPE_CREATE, id, 0), NULL},
        {TAG(TYPE_DIR, id, nlen), path},
        {TAG(TYPE_DIRSTRUCT, id, 8), p},
        {TAG(TYPE_SOFTTAIL, 0x3ff, 8), p},
    };
    return lfs2_dir_commit(lfs, &cwd, attrs, linked ? 3 : 4);
}

// The first pair of the directory entry id of cwd names, checked empty.
static int dir_check_empty(lfs2_t *lfs, lfs2_mdir_t *cwd, uint16_t id, lfs2_mdir_t *dir) {
    uint8_t s[8];
    int32_t res = lfs2_dir_get(lfs, cwd, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, id, 8), s);
    if (res < 0) {
        return res;
    }
    uint32_t pair[2] = {lfs2_le32(s), lfs2_le32(s + 4)};
    int err = lfs2_dir_fetch(lfs, dir, pair);
    if (err) {
        return err;
    }
    return dir->count > 0 || dir->split ? LFS2_ERR_NOTEMPTY : 0;
}

int lfs2_remove(lfs2_t *lfs, const char *path) {
    int err = lfs2_fs_force_consistency(lfs);
    if (err) {
        return err;
    }
    lfs2_mdir_t cwd, dir;
    int32_t tag = lfs2_dir_find(lfs, &cwd, &path, NULL);
    if (tag < 0 || TAG_ID(tag) == 0x3ff) {
        return tag < 0 ? tag : LFS2_ERR_INVAL;
    }
    bool is_dir = TAG_TYPE3(tag) == TYPE_DIR;
    if (is_dir) {
        err = dir_check_empty(lfs, &cwd, TAG_ID(tag), &dir);
        if (err) {
            return err;
        }
        lfs2_fs_prep_orphans(lfs, 1);
    }
    lfs2_attr_t del = {TAG(TYPE_DELETE, TAG_ID(tag), 0), NULL};
    err = lfs2_dir_commit(lfs, &cwd, &del, 1);
    if (err || !is_dir) {
        return err;
    }
    // The removed directory's pair is still in the list: unlink it (as
    // the predecessor of a pair the commit moved, it may have changed).
    lfs2_fs_prep_orphans(lfs, -1);
    err = lfs2_fs_pred(lfs, dir.pair, &cwd);
    err = err ? err : lfs2_dir_fetch(lfs, &dir, cwd.tail);
    return err ? err : dir_drop(lfs, &cwd, &dir);
}

int lfs2_rename(lfs2_t *lfs, const char *oldpath, const char *newpath) {
    int err = lfs2_fs_force_consistency(lfs);
    if (err) {
        return err;
    }
    const char *oldname = oldpath, *newname = newpath;
    lfs2_mdir_t oldcwd, newcwd, prevdir;
    int32_t oldtag = lfs2_dir_find(lfs, &oldcwd, &oldname, NULL);
    if (oldtag < 0 || TAG_ID(oldtag) == 0x3ff) {
        return oldtag < 0 ? oldtag : LFS2_ERR_INVAL;
    }
    uint16_t newid;
    int32_t prevtag = lfs2_dir_find(lfs, &newcwd, &newname, &newid);
    if ((prevtag < 0 || TAG_ID(prevtag) == 0x3ff) && !(prevtag == LFS2_ERR_NOENT && lfs2_path_is_last(newname))) {
        return prevtag < 0 ? prevtag : LFS2_ERR_INVAL;
    }
    // A directory cannot move into itself.
    size_t oldlen = strlen(oldpath);
    while (oldlen > 0 && oldpath[oldlen - 1] == '/') {
        oldlen--;
    }
    if (TAG_TYPE3(oldtag) == TYPE_DIR && strncmp(newpath, oldpath, oldlen) == 0 && newpath[oldlen] == '/'
        && newpath[oldlen + strspn(newpath + oldlen, "/")] != '\0') {
        return LFS2_ERR_INVAL;
    }
    bool samepair = lfs2_pair_same(oldcwd.pair, newcwd.pair);
    uint16_t newoldid = TAG_ID(oldtag);
    bool replaces_dir = false;
    if (prevtag == LFS2_ERR_NOENT) {
        if (path_is_dir(newname) && TAG_TYPE3(oldtag) != TYPE_DIR) {
            return LFS2_ERR_NOTDIR;
        }
        if (lfs2_path_namelen(newname) > lfs->name_max) {
            return LFS2_ERR_NAMETOOLONG;
        }
        if (samepair && newid <= newoldid) {
            newoldid++;
        }
    } else if (TAG_TYPE3(prevtag) != TAG_TYPE3(oldtag)) {
        return TAG_TYPE3(prevtag) == TYPE_DIR ? LFS2_ERR_ISDIR : LFS2_ERR_NOTDIR;
    } else if (samepair && newid == newoldid) {
        return 0;
    } else if (TAG_TYPE3(prevtag) == TYPE_DIR) {
        err = dir_check_empty(lfs, &newcwd, newid, &prevdir);
        if (err) {
            return err;
        }
        lfs2_fs_prep_orphans(lfs, 1);
        replaces_dir = true;
    }
    if (!samepair) {
        lfs2_fs_prep_move(lfs, newoldid, oldcwd.pair);
    }
    lfs2_attr_t attrs[5];
    int n = 0;
    if (prevtag != LFS2_ERR_NOENT) {
        attrs[n++] = (lfs2_attr_t){TAG(TYPE_DELETE, newid, 0), NULL};
    }
    attrs[n++] = (lfs2_attr_t){TAG(TYPE_CREATE, newid, 0), NULL};
    attrs[n++] = (lfs2_attr_t){TAG(TAG_TYPE3(oldtag), newid, lfs2_path_namelen(newname)), newname};
    attrs[n++] = (lfs2_attr_t){TAG(TYPE_FROM_MOVE, newid, TAG_ID(oldtag)), &oldcwd};
    if (samepair) {
        attrs[n++] = (lfs2_attr_t){TAG(TYPE_DELETE, newoldid, 0), NULL};
    }
    err = lfs2_dir_commit(lfs, &newcwd, attrs, n);
    if (err) {
        return err;
    }
    if (!samepair && lfs2_gstate_has_move(&lfs->gstate)) {
        lfs2_fs_prep_move(lfs, 0x3ff, NULL);
        lfs2_attr_t del = {TAG(TYPE_DELETE, TAG_ID(oldtag), 0), NULL};
        err = lfs2_dir_commit(lfs, &oldcwd, &del, 1);
        if (err) {
            return err;
        }
    }
    if (replaces_dir) {
        lfs2_fs_prep_orphans(lfs, -1);
        err = lfs2_fs_pred(lfs, prevdir.pair, &newcwd);
        err = err ? err : lfs2_dir_fetch(lfs, &prevdir, newcwd.tail);
        err = err ? err : dir_drop(lfs, &newcwd, &prevdir);
    }
    return err;
}

// ---- directory listings ---------------------------------------------------------------------------

int lfs2_dir_open(lfs2_t *lfs, lfs2_dir_t *dir, const char *path) {
    int32_t tag = lfs2_dir_find(lfs, &dir->h.m, &path, NULL);
    if (tag < 0) {
        return tag;
    }
    if (TAG_TYPE3(tag) != TYPE_DIR) {
        return LFS2_ERR_NOTDIR;
    }
    uint32_t pair[2] = {lfs->root[0], lfs->root[1]};
    if (TAG_ID(tag) != 0x3ff) {
        uint8_t s[8];
        int32_t res = lfs2_dir_get(lfs, &dir->h.m, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, TAG_ID(tag), 8), s);
        if (res < 0) {
            return res;
        }
        pair[0] = lfs2_le32(s);
        pair[1] = lfs2_le32(s + 4);
    }
    int err = lfs2_dir_fetch(lfs, &dir->h.m, pair);
    if (err) {
        return err;
    }
    dir->head[0] = dir->h.m.pair[0];
    dir->head[1] = dir->h.m.pair[1];
    dir->h.id = 0;
    dir->h.type = LFS2_TYPE_DIR;
    lfs2_handle_add(lfs, &dir->h);
    return 0;
}

int lfs2_dir_read(lfs2_t *lfs, lfs2_dir_t *dir, lfs2_info_t *info) {
    for (uint32_t guard = 0; guard < 0x400 * lfs->cfg.block_count; guard++) {
        if (dir->h.id >= dir->h.m.count) {
            if (!dir->h.m.split) {
                return 0;
            }
            int err = lfs2_dir_fetch(lfs, &dir->h.m, dir->h.m.tail);
            if (err) {
                return err;
            }
            dir->h.id = 0;
            continue;
        }
        int err = dir_getinfo(lfs, &dir->h.m, dir->h.id, info);
        dir->h.id++;
        if (err != LFS2_ERR_NOENT) {
            return err ? err : 1;
        }
    }
    return LFS2_ERR_CORRUPT;
}

void lfs2_dir_close(lfs2_t *lfs, lfs2_dir_t *dir) {
    lfs2_handle_remove(lfs, &dir->h);
}
