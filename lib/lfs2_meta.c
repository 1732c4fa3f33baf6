// SPDX-License-Identifier: MIT
// littlefs: the block cache, the checksum and the metadata pairs (spec
// 2.1-2.6 and 2.11): fetching the current block of a pair, looking up the
// latest value of a tag, and committing, which appends to the pair's log
// when the space after it is proven erased and otherwise compacts the
// surviving tags into the other block, splitting the pair in two when
// they would fill more than half of it, moving it to a fresh block when
// it is worn (block_cycles) or the block is bad, and expanding the
// superblock pair when that is worn (what follows from a pair moving is
// done in lfs2_fs.c: lfs2_dir_commit).
//
// A lookup walks the log backwards from its end, as the reference does: the
// XOR-chained tags can be decoded in either direction, and going backwards
// the first matching tag is the latest, with ids shifted across the
// creations and deletions passed on the way. Compaction walks forwards and
// keeps a tag when nothing after it (in the log, then in the commit being
// made) replaces or deletes it; this costs time (quadratic in the tags of a
// pair) but no RAM.
#include "lfs2_impl.h"

// ---- checksum -------------------------------------------------------------------------------

uint32_t lfs2_crc(uint32_t crc, const void *buffer, size_t size) {
    static const uint32_t table[16] = {
        0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
        0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c, 0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
    };
    const uint8_t *data = buffer;
    for (size_t i = 0; i < size; i++) {
        crc = (crc >> 4) ^ table[(crc ^ data[i]) & 0xf];
        crc = (crc >> 4) ^ table[(crc ^ (data[i] >> 4)) & 0xf];
    }
    return crc;
}

// ---- the block device and its caches ---------------------------------------------------------

void lfs2_cache_drop(lfs2_cache_t *cache) {
    cache->block = LFS2_BLOCK_NULL;
}

void lfs2_cache_zero(lfs2_t *lfs, lfs2_cache_t *cache) {
    memset(cache->buffer, 0xff, lfs->cfg.cache_size);
    cache->block = LFS2_BLOCK_NULL;
}

int lfs2_bd_read(lfs2_t *lfs, const lfs2_cache_t *pcache, lfs2_cache_t *rcache, uint32_t block, uint32_t off,
                 void *buffer, uint32_t size) {
    uint8_t *data = buffer;
    if (block >= lfs->cfg.block_count || off > lfs->cfg.block_size || size > lfs->cfg.block_size - off) {
        return LFS2_ERR_CORRUPT;
    }
    while (size > 0) {
        uint32_t diff = size;
        if (pcache != NULL && block == pcache->block && off < pcache->off + pcache->size) {
            if (off >= pcache->off) {
                diff = lfs2_min(diff, pcache->size - (off - pcache->off));
                memcpy(data, &pcache->buffer[off - pcache->off], diff);
                data += diff, off += diff, size -= diff;
                continue;
            }
            diff = lfs2_min(diff, pcache->off - off);
        }
        if (block == rcache->block && off < rcache->off + rcache->size) {
            if (off >= rcache->off) {
                diff = lfs2_min(diff, rcache->size - (off - rcache->off));
                memcpy(data, &rcache->buffer[off - rcache->off], diff);
                data += diff, off += diff, size -= diff;
                continue;
            }
            diff = lfs2_min(diff, rcache->off - off);
        }
        if (diff >= lfs->cfg.cache_size && off % lfs->cfg.read_size == 0) {
            // a long read bypasses the cache
            diff = lfs2_align_down(diff, lfs->cfg.read_size);
            int err = lfs->cfg.read(lfs->cfg.context, block, off, data, diff);
            if (err) {
                return err;
            }
            data += diff, off += diff, size -= diff;
            continue;
        }
        rcache->block = block;
        rcache->off = lfs2_align_down(off, lfs->cfg.read_size);
        rcache->size = lfs2_min(lfs->cfg.block_size - rcache->off, lfs->cfg.cache_size);
        int err = lfs->cfg.read(lfs->cfg.context, block, rcache->off, rcache->buffer, rcache->size);
        if (err) {
            lfs2_cache_drop(rcache);
            return err;
        }
    }
    return 0;
}

// Compares size bytes on disk with buffer: 0 equal, 1 different.
static int bd_cmp(lfs2_t *lfs, uint32_t block, uint32_t off, const void *buffer, uint32_t size) {
    uint8_t tmp[32];
    for (uint32_t i = 0; i < size; i += sizeof(tmp)) {
        uint32_t n = lfs2_min(size - i, sizeof(tmp));
        int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, block, off + i, tmp, n);
        if (err) {
            return err;
        }
        if (memcmp(tmp, (const uint8_t *)buffer + i, n) != 0) {
            return 1;
        }
    }
    return 0;
}

static int bd_crc(lfs2_t *lfs, uint32_t block, uint32_t off, uint32_t size, uint32_t *crc) {
    uint8_t tmp[32];
    for (uint32_t i = 0; i < size; i += sizeof(tmp)) {
        uint32_t n = lfs2_min(size - i, sizeof(tmp));
        int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, block, off + i, tmp, n);
        if (err) {
            return err;
        }
        *crc = lfs2_crc(*crc, tmp, n);
    }
    return 0;
}

// Programs what pcache holds (rounded up to whole program units: the
// cache's unused bytes are 0xff), and reads it back when asked.
int lfs2_bd_flush(lfs2_t *lfs, lfs2_cache_t *pcache, bool validate) {
    if (pcache->block == LFS2_BLOCK_NULL || pcache->block == LFS2_BLOCK_INLINE) {
        return 0;
    }
    if (pcache->block >= lfs->cfg.block_count) {
        return LFS2_ERR_CORRUPT;
    }
    uint32_t diff = lfs2_align_up(pcache->size, lfs->cfg.prog_size);
    if (lfs->rcache.block == pcache->block) {
        lfs2_cache_drop(&lfs->rcache);
    }
    int err = lfs->cfg.prog(lfs->cfg.context, pcache->block, pcache->off, pcache->buffer, diff);
    if (err) {
        return err;
    }
    if (validate) {
        int res = bd_cmp(lfs, pcache->block, pcache->off, pcache->buffer, diff);
        if (res != 0) {
            return res < 0 ? res : LFS2_ERR_CORRUPT;
        }
    }
    lfs2_cache_zero(lfs, pcache);
    return 0;
}

int lfs2_bd_sync(lfs2_t *lfs, lfs2_cache_t *pcache, bool validate) {
    lfs2_cache_drop(&lfs->rcache);
    int err = lfs2_bd_flush(lfs, pcache, validate);
    return err ? err : lfs->cfg.sync(lfs->cfg.context);
}

// Writes go through pcache, which is programmed whenever it fills: writes
// must be sequential within one block until the cache is flushed.
int lfs2_bd_prog(lfs2_t *lfs, lfs2_cache_t *pcache, bool validate, uint32_t block, uint32_t off, const void *buffer,
                 uint32_t size) {
    const uint8_t *data = buffer;
    if ((block != LFS2_BLOCK_INLINE && block >= lfs->cfg.block_count) || size > lfs->cfg.block_size - off) {
        return LFS2_ERR_CORRUPT;
    }
    while (size > 0) {
        if (block == pcache->block && off >= pcache->off && off < pcache->off + lfs->cfg.cache_size) {
            uint32_t diff = lfs2_min(size, lfs->cfg.cache_size - (off - pcache->off));
            memcpy(&pcache->buffer[off - pcache->off], data, diff);
            data += diff, off += diff, size -= diff;
            pcache->size = lfs2_max(pcache->size, off - pcache->off);
            if (pcache->size == lfs->cfg.cache_size) {
                int err = lfs2_bd_flush(lfs, pcache, validate);
                if (err) {
                    return err;
                }
            }
            continue;
        }
        if (pcache->block != LFS2_BLOCK_NULL) {
            return LFS2_ERR_IO;       // a write elsewhere before a flush: a bug, refused
        }
        pcache->block = block;
        pcache->off = lfs2_align_down(off, lfs->cfg.prog_size);
        pcache->size = 0;
    }
    return 0;
}

int lfs2_bd_erase(lfs2_t *lfs, uint32_t block) {
    if (block >= lfs->cfg.block_count) {
        return LFS2_ERR_CORRUPT;
    }
    if (lfs->rcache.block == block) {
        lfs2_cache_drop(&lfs->rcache);
    }
    return lfs->cfg.erase(lfs->cfg.context, block);
}

// ---- reading a pair ---------------------------------------------------------------------------

static int read_tag(lfs2_t *lfs, uint32_t block, uint32_t off, uint32_t *raw) {
    uint8_t b[4] = {0, 0, 0, 0};
    int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, block, off, b, 4);
    *raw = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return err;
}

// The chaining value after a valid tag: itself, with the valid-state bit
// of a commit CRC folded in.
static uint32_t next_ptag(uint32_t tag) {
    return TAG_TYPE2(tag) == TYPE_CRC ? tag ^ ((uint32_t)(TAG_CHUNK(tag) & 1) << 31) : tag;
}

enum { CMP_EQ, CMP_LT, CMP_GT };

// Compares a name on disk with name: CMP_GT when the one on disk sorts
// after it (bytes first; of a name and its prefix the longer sorts first).
static int name_cmp(lfs2_t *lfs, uint32_t block, uint32_t off, uint32_t disk_size, const char *name,
                    uint32_t namelen) {
    uint8_t tmp[32];
    uint32_t n = lfs2_min(disk_size, namelen);
    for (uint32_t i = 0; i < n; i += sizeof(tmp)) {
        uint32_t k = lfs2_min(n - i, sizeof(tmp));
        int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, block, off + i, tmp, k);
        if (err) {
            return err;
        }
        int c = memcmp(tmp, name + i, k);
        if (c != 0) {
            return c < 0 ? CMP_LT : CMP_GT;
        }
    }
    return namelen == disk_size ? CMP_EQ : namelen < disk_size ? CMP_LT : CMP_GT;
}

typedef struct {
    uint32_t fmask, ftag;       // which NAME tags to compare with name
    const char *name;
    uint32_t namelen;
} match_t;

// Scans one block of a pair (spec 2.5): fills dir up to the last valid
// commit and sets *best to the matched tag as the reference's fetchmatch
// does (-1 nothing found); LFS2_ERR_CORRUPT when no commit is valid.
static int scan_block(lfs2_t *lfs, lfs2_mdir_t *dir, const match_t *match, int32_t *best) {
    int32_t besttag = -1, tempbesttag = -1;
    uint32_t off = 0, ptag = 0xffffffff, dsize = 4;
    uint32_t count = 0, tail[2] = {LFS2_BLOCK_NULL, LFS2_BLOCK_NULL};
    bool split = false, maybe_erased = false, has_fcrc = false, temp_has_fcrc = false;
    uint32_t fcrc_len = 0, fcrc = 0, temp_fcrc_len = 0, temp_fcrc = 0;
    uint8_t rev[4];
    lfs2_put_le32(rev, dir->rev);
    uint32_t crc = lfs2_crc(0xffffffff, rev, 4);
    dir->off = 0;
    while (true) {
        off += dsize;
        uint32_t raw, tag;
        if (read_tag(lfs, dir->pair[0], off, &raw)) {
            break;
        }
        uint8_t rawb[4] = {(uint8_t)(raw >> 24), (uint8_t)(raw >> 16), (uint8_t)(raw >> 8), (uint8_t)raw};
        crc = lfs2_crc(crc, rawb, 4);
        tag = raw ^ ptag;
        if (!TAG_IS_VALID(tag)) {
            maybe_erased = TAG_TYPE2(ptag) == TYPE_CRC;
            break;
        }
        dsize = TAG_DSIZE(tag);
        if (off + dsize > lfs->cfg.block_size) {
            break;
        }
        ptag = tag;
        if (TAG_TYPE2(tag) == TYPE_CRC) {
            uint8_t stored[4];
            if (lfs2_bd_read(lfs, NULL, &lfs->rcache, dir->pair[0], off + 4, stored, 4) || crc != lfs2_le32(stored)) {
                break;
            }
            ptag = next_ptag(tag);
            lfs->seed = lfs2_crc(lfs->seed, &crc, sizeof(crc));
            besttag = tempbesttag;
            dir->off = off + dsize;
            dir->etag = ptag;
            dir->count = (uint16_t)count;
            dir->tail[0] = tail[0];
            dir->tail[1] = tail[1];
            dir->split = split;
            has_fcrc = temp_has_fcrc, fcrc_len = temp_fcrc_len, fcrc = temp_fcrc;
            temp_has_fcrc = false;
            crc = 0xffffffff;
            continue;
        }
        if (bd_crc(lfs, dir->pair[0], off + 4, dsize - 4, &crc)) {
            break;
        }
        uint32_t type1 = TAG_TYPE1(tag);
        if (type1 == TYPE_NAME) {
            if (TAG_ID(tag) >= 0x3ff) {
                break;
            }
            count = lfs2_max(count, TAG_ID(tag) + 1u);
        } else if (type1 == TYPE_SPLICE) {
            count += TAG_SPLICE(tag);
            if (count > 0x3fe) {
                break;                // more deletions than entries: not a log we can trust
            }
            if (tag == (TAG(TYPE_DELETE, 0, 0) | (TAG(0, 0x3ff, 0) & (uint32_t)tempbesttag))) {
                tempbesttag |= (int32_t)0x80000000;
            } else if (tempbesttag != -1 && TAG_ID(tag) <= TAG_ID((uint32_t)tempbesttag)) {
                tempbesttag += TAG_SPLICE(tag) * (int32_t)TAG(0, 1, 0);
            }
        } else if (type1 == TYPE_TAIL) {
            uint8_t t[8];
            if (TAG_SIZE(tag) < 8 || lfs2_bd_read(lfs, NULL, &lfs->rcache, dir->pair[0], off + 4, t, 8)) {
                break;
            }
            split = TAG_CHUNK(tag) & 1;
            tail[0] = lfs2_le32(t);
            tail[1] = lfs2_le32(t + 4);
        } else if (TAG_TYPE3(tag) == TYPE_FCRC) {
            uint8_t f[8];
            if (TAG_SIZE(tag) < 8 || lfs2_bd_read(lfs, NULL, &lfs->rcache, dir->pair[0], off + 4, f, 8)) {
                break;
            }
            temp_has_fcrc = true, temp_fcrc_len = lfs2_le32(f), temp_fcrc = lfs2_le32(f + 4);
        }
        if (match != NULL && (match->fmask & tag) == (match->fmask & match->ftag)) {
            int res = name_cmp(lfs, dir->pair[0], off + 4, TAG_SIZE(tag), match->name, match->namelen);
            if (res < 0) {
                break;
            }
            if (res == CMP_EQ) {
                tempbesttag = (int32_t)tag;
            } else if ((TAG(0x7ff, 0x3ff, 0) & tag) == (TAG(0x7ff, 0x3ff, 0) & (uint32_t)tempbesttag)) {
                tempbesttag = -1;     // the entry we had found was renamed
            } else if (res == CMP_GT && TAG_ID(tag) <= TAG_ID((uint32_t)tempbesttag)) {
                tempbesttag = (int32_t)(tag | 0x80000000u);
            }
        }
    }
    if (dir->off == 0) {
        return LFS2_ERR_CORRUPT;
    }
    // Appending is safe only right after a commit whose FCRC still matches
    // the erased space that follows it.
    dir->erased = false;
    if (maybe_erased && has_fcrc && dir->off % lfs->cfg.prog_size == 0 && fcrc_len <= lfs->cfg.block_size
        && dir->off + fcrc_len <= lfs->cfg.block_size) {
        uint32_t c = 0xffffffff;
        int err = bd_crc(lfs, dir->pair[0], dir->off, fcrc_len, &c);
        dir->erased = err == 0 && c == fcrc;
    }
    *best = besttag;
    return 0;
}

static int32_t scan_signed_cmp(uint32_t a, uint32_t b) {
    return (int32_t)(a - b);
}

// Fetches a pair (spec 2.2): the newer block first, else the other.
static int32_t dir_fetchmatch(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2], const match_t *match,
                              uint16_t *id) {
    if (pair[0] >= lfs->cfg.block_count || pair[1] >= lfs->cfg.block_count) {
        return LFS2_ERR_CORRUPT;
    }
    uint32_t revs[2] = {0, 0};
    int r = 0;
    for (int i = 0; i < 2; i++) {
        uint8_t b[4] = {0, 0, 0, 0};
        int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, pair[i], 0, b, 4);
        revs[i] = lfs2_le32(b);
        if (err && err != LFS2_ERR_CORRUPT) {
            return err;
        }
        if (err != LFS2_ERR_CORRUPT && scan_signed_cmp(revs[i], revs[(i + 1) % 2]) > 0) {
            r = i;
        }
    }
    for (int i = 0; i < 2; i++) {
        dir->pair[0] = pair[(r + i) % 2];
        dir->pair[1] = pair[(r + i + 1) % 2];
        dir->rev = revs[(r + i) % 2];
        int32_t besttag;
        if (scan_block(lfs, dir, match, &besttag)) {
            continue;
        }
        // A pending move hides its source entry (spec 2.6). Ids stay those
        // of the log (the others do not shift): lookups, listings and
        // commits all use them, and nothing is written before the move is
        // completed.
        if (lfs2_gstate_has_move_here(&lfs->gdisk, dir->pair) && TAG_ID(lfs->gdisk.tag) == TAG_ID((uint32_t)besttag)) {
            besttag |= (int32_t)0x80000000;
        }
        if (id != NULL) {
            *id = (uint16_t)lfs2_min(TAG_ID((uint32_t)besttag), dir->count);
        }
        if (TAG_IS_VALID((uint32_t)besttag)) {
            return besttag;
        }
        return TAG_ID((uint32_t)besttag) < dir->count ? LFS2_ERR_NOENT : 0;
    }
    return LFS2_ERR_CORRUPT;
}

int lfs2_dir_fetch(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2]) {
    uint32_t p[2] = {pair[0], pair[1]};       // pair may point into dir
    int32_t res = dir_fetchmatch(lfs, dir, p, NULL, NULL);
    return res < 0 && res != LFS2_ERR_NOENT ? (int)res : 0;
}

int32_t lfs2_dir_find_in(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2], const char *name, uint32_t namelen,
                         uint16_t *id) {
    uint32_t p[2] = {pair[0], pair[1]};
    match_t m = {TAG(0x780, 0, 0), TAG(TYPE_NAME, 0, 0), name, namelen};
    return dir_fetchmatch(lfs, dir, p, &m, id);
}

int32_t lfs2_dir_fetch_superblock(lfs2_t *lfs, lfs2_mdir_t *dir, const uint32_t pair[2]) {
    uint32_t p[2] = {pair[0], pair[1]};
    match_t m = {TAG(0x7ff, 0x3ff, 0), TAG(TYPE_SUPERBLOCK, 0, 8), "littlefs", 8};
    int32_t res = dir_fetchmatch(lfs, dir, p, &m, NULL);
    return res == LFS2_ERR_NOENT ? 0 : res;
}

int32_t lfs2_dir_getslice(lfs2_t *lfs, const lfs2_mdir_t *dir, uint32_t gmask, uint32_t gtag, uint32_t goff,
                          void *gbuffer, uint32_t gsize) {
    uint32_t off = dir->off, ntag = dir->etag;
    uint32_t gdiff = 0;
    if (lfs2_gstate_has_move_here(&lfs->gdisk, dir->pair) && TAG_ID(gmask) != 0
        && TAG_ID(lfs->gdisk.tag) == TAG_ID(gtag)) {
        return LFS2_ERR_NOENT;        // the source of a pending move
    }
    while (off >= 4 + TAG_DSIZE(ntag)) {
        off -= TAG_DSIZE(ntag);
        uint32_t tag = ntag, raw;
        int err = read_tag(lfs, dir->pair[0], off, &raw);
        if (err) {
            return err;
        }
        ntag = (raw ^ tag) & 0x7fffffff;
        if (TAG_ID(gmask) != 0 && TAG_TYPE1(tag) == TYPE_SPLICE && TAG_ID(tag) <= TAG_ID(gtag - gdiff)) {
            if (tag == (TAG(TYPE_CREATE, 0, 0) | (TAG(0, 0x3ff, 0) & (gtag - gdiff)))) {
                return LFS2_ERR_NOENT;        // where the entry was created
            }
            gdiff += (uint32_t)((int32_t)TAG_SPLICE(tag) * (int32_t)TAG(0, 1, 0));
        }
        if ((gmask & tag) == (gmask & (gtag - gdiff))) {
            if (TAG_IS_DELETE(tag)) {
                return LFS2_ERR_NOENT;
            }
            uint32_t diff = goff < TAG_SIZE(tag) ? lfs2_min(TAG_SIZE(tag) - goff, gsize) : 0;
            err = lfs2_bd_read(lfs, NULL, &lfs->rcache, dir->pair[0], off + 4 + goff, gbuffer, diff);
            if (err) {
                return err;
            }
            memset((uint8_t *)gbuffer + diff, 0, gsize - diff);
            return (int32_t)(tag + gdiff);
        }
    }
    return LFS2_ERR_NOENT;
}

int lfs2_dir_getread(lfs2_t *lfs, const lfs2_mdir_t *dir, lfs2_cache_t *rcache, uint32_t gmask, uint32_t gtag,
                     uint32_t off, void *buffer, uint32_t size) {
    uint8_t *data = buffer;
    while (size > 0) {
        if (rcache->block == LFS2_BLOCK_INLINE && off >= rcache->off && off < rcache->off + rcache->size) {
            uint32_t diff = lfs2_min(size, rcache->size - (off - rcache->off));
            memcpy(data, &rcache->buffer[off - rcache->off], diff);
            data += diff, off += diff, size -= diff;
            continue;
        }
        rcache->block = LFS2_BLOCK_INLINE;
        rcache->off = lfs2_align_down(off, lfs->cfg.read_size);
        rcache->size = lfs->cfg.cache_size;
        int32_t tag = lfs2_dir_getslice(lfs, dir, gmask, gtag, rcache->off, rcache->buffer, rcache->size);
        if (tag < 0) {
            lfs2_cache_drop(rcache);
            return tag;
        }
    }
    return 0;
}

int lfs2_dir_getgstate(lfs2_t *lfs, const lfs2_mdir_t *dir, lfs2_gstate_t *g) {
    uint8_t b[12];
    int32_t res = lfs2_dir_get(lfs, dir, TAG(0x7ff, 0, 0), TAG(TYPE_MOVESTATE, 0, 12), b);
    if (res < 0) {
        return res == LFS2_ERR_NOENT ? 0 : (int)res;
    }
    g->tag ^= lfs2_le32(b);
    g->pair[0] ^= lfs2_le32(b + 4);
    g->pair[1] ^= lfs2_le32(b + 8);
    return 0;
}

// ---- which tags survive -----------------------------------------------------------------------

// Applies one later tag to a tag of entry *id: true when it replaces or
// deletes it; else shifts *id across a creation or deletion.
static bool superseded_by(uint32_t later, uint32_t tag, uint16_t *id) {
    if (TAG_TYPE1(later) == TYPE_SPLICE) {
        if (TAG_TYPE3(later) == TYPE_DELETE && TAG_ID(later) == *id) {
            return true;
        }
        if (TAG_ID(later) <= *id) {
            *id = (uint16_t)(*id + TAG_SPLICE(later));
        }
        return false;
    }
    // User attributes are replaced per number; names and structs per group.
    uint32_t mask = (tag & TAG(0x100, 0, 0)) ? TAG(0x7ff, 0, 0) : TAG(0x700, 0, 0);
    return TAG_ID(later) == *id && (later & mask) == (tag & mask);
}

static bool is_entry_tag(uint32_t tag) {
    uint32_t type1 = TAG_TYPE1(tag);
    return (type1 == TYPE_NAME || type1 == TYPE_STRUCT || type1 == TYPE_USERATTR) && !TAG_IS_DELETE(tag);
}

// 1 when tag (of entry *id, ending at log offset off with chain value
// ptag) survives the rest of dir's log (dir may be NULL) and attrs[from..n);
// *id becomes its final id.
static int tag_survives(lfs2_t *lfs, const lfs2_mdir_t *dir, uint32_t off, uint32_t ptag, const lfs2_attr_t *attrs,
                        int from, int n, uint32_t tag, uint16_t *id) {
    while (dir != NULL && off < dir->off) {
        uint32_t raw;
        int err = read_tag(lfs, dir->pair[0], off, &raw);
        if (err) {
            return err;
        }
        uint32_t later = raw ^ ptag;
        if (superseded_by(later, tag, id)) {
            return 0;
        }
        ptag = next_ptag(later);
        off += TAG_DSIZE(later);
    }
    for (int i = from; i < n; i++) {
        if (superseded_by(attrs[i].tag, tag, id)) {
            return 0;
        }
    }
    return 1;
}

// Receives each surviving tag: its data is in buffer, or on disk at
// (block, off) when block is not LFS2_BLOCK_NULL.
typedef int (*live_fn)(lfs2_t *lfs, void *data, uint32_t tag, const void *buffer, uint32_t block, uint32_t off);

static uint32_t retag(uint32_t tag, uint16_t id) {
    return (tag & ~TAG(0, 0x3ff, 0)) | TAG(0, id, 0);
}

// The surviving STRUCT and USERATTR tags of entry fromid of `from`, for a
// rename: given to fn with id toid, or, when attrs is given, with the id
// the later attrs shift it to (dropped when outside [begin, end)).
static int move_tags(lfs2_t *lfs, const lfs2_mdir_t *from, uint16_t fromid, uint16_t toid, const lfs2_attr_t *attrs,
                     int later, int n, uint16_t begin, uint16_t end, live_fn fn, void *data) {
    uint32_t off = 4, ptag = 0xffffffff;
    while (off < from->off) {
        uint32_t raw;
        int err = read_tag(lfs, from->pair[0], off, &raw);
        if (err) {
            return err;
        }
        uint32_t tag = raw ^ ptag, nptag = next_ptag(tag), noff = off + TAG_DSIZE(tag);
        if ((TAG_TYPE1(tag) == TYPE_STRUCT || TAG_TYPE1(tag) == TYPE_USERATTR) && !TAG_IS_DELETE(tag)) {
            uint16_t id = TAG_ID(tag);
            int r = tag_survives(lfs, from, noff, nptag, NULL, 0, 0, tag, &id);
            if (r < 0) {
                return r;
            }
            if (r && id == fromid) {
                id = toid;
                r = tag_survives(lfs, NULL, 0, 0, attrs, later, n, tag, &id);
                if (r && id >= begin && id < end) {
                    err = fn(lfs, data, retag(tag, (uint16_t)(id - begin)), NULL, from->pair[0], off + 4);
                    if (err) {
                        return err;
                    }
                }
            }
        }
        off = noff, ptag = nptag;
    }
    return 0;
}

// Every NAME, STRUCT and USERATTR tag of source's log and of attrs that is
// still current after both, for the entries whose final id is in [begin,
// end), in log order, renumbered from 0 (spec 2.11, compaction step 2).
static int traverse_live(lfs2_t *lfs, const lfs2_mdir_t *source, const lfs2_attr_t *attrs, int n, uint16_t begin,
                         uint16_t end, live_fn fn, void *data) {
    uint32_t off = 4, ptag = 0xffffffff;
    while (source != NULL && off < source->off) {
        uint32_t raw;
        int err = read_tag(lfs, source->pair[0], off, &raw);
        if (err) {
            return err;
        }
        uint32_t tag = raw ^ ptag, nptag = next_ptag(tag), noff = off + TAG_DSIZE(tag);
        if (is_entry_tag(tag)) {
            uint16_t id = TAG_ID(tag);
            int r = tag_survives(lfs, source, noff, nptag, attrs, 0, n, tag, &id);
            if (r < 0) {
                return r;
            }
            if (r && id >= begin && id < end) {
                err = fn(lfs, data, retag(tag, (uint16_t)(id - begin)), NULL, source->pair[0], off + 4);
                if (err) {
                    return err;
                }
            }
        }
        off = noff, ptag = nptag;
    }
    for (int i = 0; i < n; i++) {
        uint32_t tag = attrs[i].tag;
        int err = 0;
        if (TAG_TYPE3(tag) == TYPE_FROM_MOVE) {
            err = move_tags(lfs, attrs[i].buffer, (uint16_t)TAG_SIZE(tag), TAG_ID(tag), attrs, i + 1, n, begin, end,
                            fn, data);
        } else if (is_entry_tag(tag)) {
            uint16_t id = TAG_ID(tag);
            if (tag_survives(lfs, NULL, 0, 0, attrs, i + 1, n, tag, &id) && id >= begin && id < end) {
                err = fn(lfs, data, retag(tag, (uint16_t)(id - begin)), attrs[i].buffer, LFS2_BLOCK_NULL, 0);
            }
        }
        if (err) {
            return err;
        }
    }
    return 0;
}

static int size_fn(lfs2_t *lfs, void *data, uint32_t tag, const void *buffer, uint32_t block, uint32_t off) {
    *(uint32_t *)data += TAG_DSIZE(tag);
    return 0;
}

// ---- writing commits ------------------------------------------------------------------------------

typedef struct commit {
    uint32_t block, off, ptag, crc, begin, end;
} commit_t;

static int commit_prog(lfs2_t *lfs, commit_t *commit, const void *buffer, uint32_t size) {
    int err = lfs2_bd_prog(lfs, &lfs->pcache, false, commit->block, commit->off, buffer, size);
    if (err) {
        return err;
    }
    commit->crc = lfs2_crc(commit->crc, buffer, size);
    commit->off += size;
    return 0;
}

// Writes one tag and its data, taken from buffer or copied from disk.
static int commit_attr(lfs2_t *lfs, void *data, uint32_t tag, const void *buffer, uint32_t block, uint32_t off) {
    commit_t *commit = data;
    uint32_t dsize = TAG_DSIZE(tag);
    if (commit->off + dsize > commit->end) {
        return LFS2_ERR_NOSPC;
    }
    uint32_t ntag = (tag & 0x7fffffff) ^ commit->ptag;
    uint8_t be[4] = {(uint8_t)(ntag >> 24), (uint8_t)(ntag >> 16), (uint8_t)(ntag >> 8), (uint8_t)ntag};
    int err = commit_prog(lfs, commit, be, 4);
    if (err) {
        return err;
    }
    if (block == LFS2_BLOCK_NULL) {
        err = dsize > 4 ? commit_prog(lfs, commit, buffer, dsize - 4) : 0;
    } else {
        uint8_t tmp[32];
        for (uint32_t i = 0; i < dsize - 4 && !err; i += sizeof(tmp)) {
            uint32_t k = lfs2_min(dsize - 4 - i, sizeof(tmp));
            err = lfs2_bd_read(lfs, NULL, &lfs->rcache, block, off + i, tmp, k);
            if (!err) {
                err = commit_prog(lfs, commit, tmp, k);
            }
        }
    }
    commit->ptag = tag & 0x7fffffff;
    return err;
}

// Ends a commit (spec 2.5): FCRC over the erased space that follows when
// there is room for another commit, CCRC with the valid-state bit, padding
// to the program unit; then reads it back.
static int commit_crc(lfs2_t *lfs, commit_t *commit) {
    uint32_t bs = lfs->cfg.block_size, ps = lfs->cfg.prog_size;
    uint32_t end = lfs2_align_up(lfs2_min(commit->off + 20, bs), ps);
    uint32_t off1 = 0;
    while (commit->off < end) {
        uint32_t noff = lfs2_min(end - (commit->off + 4), 0x3fe) + commit->off + 4;
        if (noff < end) {
            noff = lfs2_min(noff, end - 20);
        }
        uint8_t eperturb = 0xff;
        if (noff >= end && noff <= bs - ps) {
            int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, commit->block, noff, &eperturb, 1);
            if (err && err != LFS2_ERR_CORRUPT) {
                return err;
            }
            uint32_t crc = 0xffffffff;
            err = bd_crc(lfs, commit->block, noff, ps, &crc);
            if (err && err != LFS2_ERR_CORRUPT) {
                return err;
            }
            uint8_t f[8];
            lfs2_put_le32(f, ps);
            lfs2_put_le32(f + 4, crc);
            err = commit_attr(lfs, commit, TAG(TYPE_FCRC, 0x3ff, 8), f, LFS2_BLOCK_NULL, 0);
            if (err) {
                return err;
            }
        }
        uint32_t ntag = TAG(TYPE_CRC + (((uint8_t)~eperturb) >> 7), 0x3ff, noff - (commit->off + 4));
        uint32_t raw = ntag ^ commit->ptag;
        uint8_t ccrc[8] = {(uint8_t)(raw >> 24), (uint8_t)(raw >> 16), (uint8_t)(raw >> 8), (uint8_t)raw};
        commit->crc = lfs2_crc(commit->crc, ccrc, 4);
        lfs2_put_le32(ccrc + 4, commit->crc);
        int err = lfs2_bd_prog(lfs, &lfs->pcache, false, commit->block, commit->off, ccrc, 8);
        if (err) {
            return err;
        }
        if (off1 == 0) {
            off1 = commit->off + 4;
        }
        commit->off = noff;
        commit->ptag = ntag ^ ((uint32_t)(0x80u & (uint8_t)~eperturb) << 24);
        commit->crc = 0xffffffff;
        if (noff >= end || noff >= lfs->pcache.off + lfs->cfg.cache_size) {
            err = lfs2_bd_sync(lfs, &lfs->pcache, false);
            if (err) {
                return err;
            }
        }
    }
    // The data and its stored CRC checksum to 0 when written right.
    uint32_t crc = 0xffffffff;
    int err = bd_crc(lfs, commit->block, commit->begin, off1 + 4 - commit->begin, &crc);
    if (err) {
        return err;
    }
    return crc == 0 ? 0 : LFS2_ERR_CORRUPT;
}

// The gstate change a commit carries, folded into the pair's own delta
// (spec 2.10): what is wanted XOR what is on disk (left out when the pair
// is moving: the new blocks are not reachable until a later commit, which
// carries the change then), XOR what removed pairs gave up. *write: a
// MOVESTATE tag is due (always when appending a change; in a compaction
// only a delta that is not zero).
static int gstate_delta(lfs2_t *lfs, const lfs2_mdir_t *dir, bool compacting, bool relocated, lfs2_gstate_t *delta,
                        bool *write) {
    *delta = lfs->gdelta;
    if (!relocated) {
        delta->tag ^= lfs->gdisk.tag ^ lfs->gstate.tag;
        delta->pair[0] ^= lfs->gdisk.pair[0] ^ lfs->gstate.pair[0];
        delta->pair[1] ^= lfs->gdisk.pair[1] ^ lfs->gstate.pair[1];
    }
    delta->tag &= ~TAG(0, 0, 0x3ff);
    bool changed = delta->tag != 0 || delta->pair[0] != 0 || delta->pair[1] != 0;
    *write = false;
    if (!changed && !compacting) {
        return 0;
    }
    int err = lfs2_dir_getgstate(lfs, dir, delta);
    *write = compacting ? delta->tag != 0 || delta->pair[0] != 0 || delta->pair[1] != 0 : true;
    return err;
}

static int commit_gstate(lfs2_t *lfs, commit_t *commit, const lfs2_gstate_t *delta) {
    uint8_t b[12];
    lfs2_put_le32(b, delta->tag);
    lfs2_put_le32(b + 4, delta->pair[0]);
    lfs2_put_le32(b + 8, delta->pair[1]);
    return commit_attr(lfs, commit, TAG(TYPE_MOVESTATE, 0x3ff, 12), b, LFS2_BLOCK_NULL, 0);
}

static const uint32_t superblock_pair[2] = {0, 1};

// The pair has been compacted block_cycles times since it moved last
// (spec 2.11). The modulus is (block_cycles + 1) | 1: odd, so that the two
// blocks of the pair take turns at being the one that moves.
static bool dir_tired(lfs2_t *lfs, const lfs2_mdir_t *dir) {
    return lfs->cfg.block_cycles > 0 && (dir->rev + 1) % (((uint32_t)lfs->cfg.block_cycles + 1) | 1) == 0;
}

// Writes the entries [begin, end) of source (and attrs), renumbered from
// 0, with dir's tail and gstate delta, into dir->pair[1] with revision
// dir->rev. LFS2_ERR_CORRUPT when the block did not take the writes.
static int compact_into(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n, const lfs2_mdir_t *source,
                        uint16_t begin, uint16_t end, bool relocated, commit_t *commit) {
    lfs2_gstate_t delta;
    bool write_delta;
    int err = gstate_delta(lfs, dir, true, relocated, &delta, &write_delta);
    if (err) {
        return err;
    }
    *commit = (commit_t){dir->pair[1], 0, 0xffffffff, 0xffffffff, 0, lfs->cfg.block_size - 8};
    err = lfs2_bd_erase(lfs, dir->pair[1]);
    if (err) {
        return err;
    }
    uint8_t rev[4];
    lfs2_put_le32(rev, dir->rev);
    err = commit_prog(lfs, commit, rev, 4);
    if (!err) {
        err = traverse_live(lfs, source, attrs, n, begin, end, commit_attr, commit);
    }
    if (!err && !lfs2_pair_is_null(dir->tail)) {
        uint8_t t[8];
        lfs2_put_le32(t, dir->tail[0]);
        lfs2_put_le32(t + 4, dir->tail[1]);
        err = commit_attr(lfs, commit, TAG(TYPE_TAIL + dir->split, 0x3ff, 8), t, LFS2_BLOCK_NULL, 0);
    }
    if (!err && write_delta) {
        err = commit_gstate(lfs, commit, &delta);
    }
    return err ? err : commit_crc(lfs, commit);
}

// Rewrites the entries [begin, end) of source (and attrs) into dir's
// other block with the next revision, then makes it the current one.
// That block is first replaced by a freshly allocated one when the pair
// is tired (wear levelling) or when writing it fails (a bad block); then
// the pair has new blocks, and LFS2_OK_RELOCATED says the pointers to it
// must follow. Pair {0, 1} never moves (spec 2.12 rule 7).
static int dir_compact(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n, const lfs2_mdir_t *source,
                       uint16_t begin, uint16_t end) {
    bool superblock = lfs2_pair_same(dir->pair, superblock_pair);
    bool tired = dir_tired(lfs, dir), relocated = false, relocate = tired && !superblock;
    dir->rev += 1;
    while (true) {
        if (relocate) {
            lfs2_cache_zero(lfs, &lfs->pcache);
            if (superblock) {
                return LFS2_ERR_NOSPC;      // {0, 1} has gone bad: nothing can be written any more
            }
            uint32_t block;
            int err = lfs2_alloc(lfs, &block);
            if (err && (err != LFS2_ERR_NOSPC || !tired)) {
                return err;
            }
            if (!err) {
                dir->pair[1] = block;     // when full, a tired pair stays where it is
                relocated = true;
            }
            tired = false;
        }
        commit_t commit;
        int err = compact_into(lfs, dir, attrs, n, source, begin, end, relocated, &commit);
        if (err == LFS2_ERR_CORRUPT) {
            relocate = true;
            continue;
        }
        if (err) {
            lfs2_cache_zero(lfs, &lfs->pcache);
            return err;
        }
        uint32_t old = dir->pair[0];
        dir->pair[0] = dir->pair[1];
        dir->pair[1] = old;
        dir->count = (uint16_t)(end - begin);
        dir->off = commit.off;
        dir->etag = commit.ptag;
        dir->erased = true;
        lfs->gdelta = (lfs2_gstate_t){0, {0, 0}};
        if (!relocated) {
            lfs->gdisk = lfs->gstate;
        }
        return relocated ? LFS2_OK_RELOCATED : 0;
    }
}

// Moves the entries [split, end) into a new pair that takes over dir's
// tail; dir then continues there (a hard tail). Split off at 0 from the
// root, the new pair becomes the root (superblock expansion).
static int dir_split(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n, const lfs2_mdir_t *source,
                     uint16_t split, uint16_t end) {
    lfs2_mdir_t tail;
    int err = lfs2_dir_alloc(lfs, &tail);
    if (err) {
        return err;
    }
    tail.split = dir->split;
    tail.tail[0] = dir->tail[0];
    tail.tail[1] = dir->tail[1];
    err = dir_compact(lfs, &tail, attrs, n, source, split, end);
    if (err < 0) {
        return err;                   // (a new pair that moved has nothing pointing at it yet)
    }
    dir->tail[0] = tail.pair[0];
    dir->tail[1] = tail.pair[1];
    dir->split = true;
    if (split == 0 && lfs2_pair_same(dir->pair, lfs->root)) {
        lfs->root[0] = tail.pair[0];
        lfs->root[1] = tail.pair[1];
    }
    return 0;
}

static int dir_splitting_compact(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n,
                                 const lfs2_mdir_t *source, uint16_t begin, uint16_t end) {
    uint32_t limit = lfs2_min(lfs->cfg.block_size - 40, lfs2_align_up(lfs->cfg.block_size / 2, lfs->cfg.prog_size));
    while (true) {
        uint16_t split = begin;
        while (end - split > 1) {
            uint32_t size = 0;
            int err = traverse_live(lfs, source, attrs, n, split, end, size_fn, &size);
            if (err) {
                return err;
            }
            if (end - split < 0xff && size <= limit) {
                break;
            }
            split = (uint16_t)(split + (end - split) / 2);
        }
        if (split == begin) {
            break;
        }
        int err = dir_split(lfs, dir, attrs, n, source, split, end);
        if (err == LFS2_ERR_NOSPC) {
            break;                    // no block for it: try to fit in one
        }
        if (err) {
            return err;
        }
        end = split;
    }
    // Superblock expansion (spec 2.11): {0, 1} cannot move, so when it is
    // tired its entries go to a new pair, the root from then on, and {0, 1}
    // keeps only the superblock entry and a hard tail to it. Expanded
    // pairs are never given back: only while a fair share is free.
    if (dir_tired(lfs, dir) && lfs2_pair_same(dir->pair, superblock_pair)) {
        int32_t used = lfs2_fs_size(lfs);
        if (used < 0) {
            return used;
        }
        if (lfs->cfg.block_count - (uint32_t)used > lfs->cfg.block_count / 8) {
            int err = dir_split(lfs, dir, attrs, n, source, begin, end);
            if (err && err != LFS2_ERR_NOSPC) {
                return err;
            }
            if (!err) {
                end = (uint16_t)(begin + 1);
            }
        }
    }
    return dir_compact(lfs, dir, attrs, n, source, begin, end);
}

int lfs2_dir_alloc(lfs2_t *lfs, lfs2_mdir_t *dir) {
    // Written second: pair[0]; first, by the first compaction: pair[1].
    for (int i = 0; i < 2; i++) {
        int err = lfs2_alloc(lfs, &dir->pair[(i + 1) % 2]);
        if (err) {
            return err;
        }
    }
    // The revision must beat whatever stale one the other block holds.
    uint8_t b[4] = {0, 0, 0, 0};
    int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, dir->pair[0], 0, b, 4);
    if (err && err != LFS2_ERR_CORRUPT) {
        return err;
    }
    dir->rev = lfs2_le32(b);
    if (lfs->cfg.block_cycles > 0) {
        dir->rev = lfs2_align_up(dir->rev, ((uint32_t)lfs->cfg.block_cycles + 1) | 1);
    }
    dir->off = 4;
    dir->etag = 0xffffffff;
    dir->count = 0;
    dir->tail[0] = dir->tail[1] = LFS2_BLOCK_NULL;
    dir->erased = false;
    dir->split = false;
    return 0;
}

// Appends attrs to the pair's log, or compacts it with them: 0, or
// LFS2_OK_RELOCATED when the compaction moved the pair.
static int dir_commit_raw(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_attr_t *attrs, int n) {
    if (dir->erased && dir->count < 0xff) {
        lfs2_gstate_t delta;
        bool write_delta;
        commit_t commit = {dir->pair[0], dir->off, dir->etag, 0xffffffff, dir->off, lfs->cfg.block_size - 8};
        int err = gstate_delta(lfs, dir, false, false, &delta, &write_delta);
        for (int i = 0; i < n && !err; i++) {
            if (TAG_TYPE3(attrs[i].tag) == TYPE_FROM_MOVE) {
                err = move_tags(lfs, attrs[i].buffer, (uint16_t)TAG_SIZE(attrs[i].tag), TAG_ID(attrs[i].tag), NULL, 0,
                                0, 0, 0x3ff, commit_attr, &commit);
            } else {
                err = commit_attr(lfs, &commit, attrs[i].tag, attrs[i].buffer, LFS2_BLOCK_NULL, 0);
            }
        }
        if (!err && write_delta) {
            err = commit_gstate(lfs, &commit, &delta);
        }
        if (!err) {
            err = commit_crc(lfs, &commit);
        }
        if (!err) {
            dir->off = commit.off;
            dir->etag = commit.ptag;
            lfs->gdisk = lfs->gstate;
            lfs->gdelta = (lfs2_gstate_t){0, {0, 0}};
            return 0;
        }
        if (err != LFS2_ERR_NOSPC && err != LFS2_ERR_CORRUPT) {
            return err;
        }
        lfs2_cache_zero(lfs, &lfs->pcache);    // what it held is a torn commit now
    }
    lfs2_mdir_t source = *dir;
    return dir_splitting_compact(lfs, dir, attrs, n, &source, 0, dir->count);
}

// After a commit to the pair lpair: open handles there take its new
// state, their ids follow the creations and deletions (except owner's,
// the handle that made the commit), and those that ended up past a split
// move on to the new pair (with the same ids when that is the root split
// off {0, 1}: it holds a copy of entry 0).
static void fix_handles(lfs2_t *lfs, const lfs2_mdir_t *owner, const uint32_t lpair[2], const lfs2_mdir_t *ldir,
                        const lfs2_attr_t *attrs, int n) {
    for (lfs2_handle_t *h = lfs2_handle_first(lfs); h != NULL; h = lfs2_handle_next(h)) {
        if (!lfs2_pair_same(h->m.pair, lpair)) {
            continue;
        }
        h->m = *ldir;
        for (int i = 0; i < n && &h->m != owner; i++) {
            uint32_t type = TAG_TYPE3(attrs[i].tag);
            uint16_t id = TAG_ID(attrs[i].tag);
            if (type == TYPE_DELETE && h->id == id && h->type != LFS2_TYPE_DIR) {
                h->m.pair[0] = h->m.pair[1] = LFS2_BLOCK_NULL;
            } else if (type == TYPE_DELETE && h->id > id) {
                h->id--;
            } else if (type == TYPE_CREATE && h->id >= id) {
                h->id++;
            }
        }
    }
    for (lfs2_handle_t *h = lfs2_handle_first(lfs); h != NULL; h = lfs2_handle_next(h)) {
        if (!lfs2_pair_same(h->m.pair, ldir->pair)) {
            continue;
        }
        for (int guard = 0; h->id >= h->m.count && h->m.split && guard < 256; guard++) {
            if (!lfs2_pair_same(h->m.tail, lfs->root)) {
                h->id = (uint16_t)(h->id - h->m.count);
            }
            if (lfs2_dir_fetch(lfs, &h->m, h->m.tail)) {
                break;
            }
        }
    }
}

int lfs2_dir_relocatingcommit(lfs2_t *lfs, lfs2_mdir_t *dir, const lfs2_mdir_t *owner, const lfs2_attr_t *attrs,
                              int n, lfs2_mdir_t *pdir) {
    uint32_t lpair[2] = {dir->pair[0], dir->pair[1]};
    bool has_delete = false;
    for (int i = 0; i < n; i++) {
        uint32_t type = TAG_TYPE3(attrs[i].tag);
        if (type == TYPE_CREATE) {
            dir->count++;
        } else if (type == TYPE_DELETE) {
            dir->count--;
            has_delete = true;
        } else if (TAG_TYPE1(attrs[i].tag) == TYPE_TAIL) {
            dir->tail[0] = lfs2_le32(attrs[i].buffer);
            dir->tail[1] = lfs2_le32((const uint8_t *)attrs[i].buffer + 4);
            dir->split = TAG_CHUNK(attrs[i].tag) & 1;
        }
    }
    // A pair of a directory that is not its first and that loses its last
    // entry is dropped instead: the caller has its predecessor (*pdir) take
    // its tail and delta.
    int state = 0;
    if (pdir != NULL && has_delete && dir->count == 0 && !lfs2_pair_same(dir->pair, superblock_pair)) {
        int err = lfs2_fs_pred(lfs, dir->pair, pdir);
        if (err && err != LFS2_ERR_NOENT) {
            return err;
        }
        if (!err && pdir->split) {
            state = LFS2_OK_DROPPED;
        }
    }
    if (state == 0) {
        state = dir_commit_raw(lfs, dir, attrs, n);
        if (state < 0) {
            return state;
        }
    }
    fix_handles(lfs, owner, lpair, dir, attrs, n);
    return state;
}
