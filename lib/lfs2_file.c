// SPDX-License-Identifier: MIT
// littlefs: files (spec 2.9). A small file is inline: its bytes are the
// data of its INLINESTRUCT tag, kept whole in the file's cache while it is
// open and committed at sync. A file that grows past inline_max (128 bytes
// here) moves to a CTZ skip-list: data blocks where block n begins with
// ctz(n)+1 pointers back to blocks n-1, n-2, n-4..., the file's tag
// naming the last block and the size.
//
// Writing is copy-on-write: a file's blocks are never changed once a
// commit refers to them. Appending to a partly filled last block copies it
// into a new block first; writing in the middle rewrites the rest of the
// file (at flush) into new blocks. The new version becomes the file's only
// at sync or close, in one metadata commit; until then the old one stands.
// A block that does not read back what was programmed (a bad block) is
// replaced by a new one, what was written of it copied there.
#include "lfs2_impl.h"

static uint32_t popcount(uint32_t a) {
    uint32_t n = 0;
    for (; a != 0; a &= a - 1) {
        n++;
    }
    return n;
}

static uint32_t ctz32(uint32_t a) {
    uint32_t n = 0;
    while (!(a & 1)) {
        a >>= 1, n++;
    }
    return n;
}

// The index of the block holding byte *off of a CTZ file; *off becomes
// the offset inside that block (pointers included).
static uint32_t ctz_index(lfs2_t *lfs, uint32_t *off) {
    uint32_t size = *off, b = lfs->cfg.block_size - 8;
    uint32_t i = size / b;
    if (i == 0) {
        return 0;
    }
    i = (size - 4 * (popcount(i - 1) + 2)) / b;
    *off = size - b * i - 4 * popcount(i);
    return i;
}

static int read_pointer(lfs2_t *lfs, const lfs2_cache_t *pcache, lfs2_cache_t *rcache, uint32_t block, uint32_t n,
                        uint32_t *out) {
    uint8_t b[4] = {0, 0, 0, 0};
    int err = lfs2_bd_read(lfs, pcache, rcache, block, 4 * n, b, 4);
    *out = lfs2_le32(b);
    return err;
}

// The block holding byte pos, walking the skip-list from the head.
static int ctz_find(lfs2_t *lfs, const lfs2_cache_t *pcache, lfs2_cache_t *rcache, uint32_t head, uint32_t size,
                    uint32_t pos, uint32_t *block, uint32_t *off) {
    if (size == 0) {
        *block = LFS2_BLOCK_NULL;
        *off = 0;
        return 0;
    }
    uint32_t last = size - 1;
    uint32_t current = ctz_index(lfs, &last);
    uint32_t target = ctz_index(lfs, &pos);
    while (current > target) {
        uint32_t d = current - target, skip = 0;
        while ((2u << skip) <= d) {
            skip++;
        }
        skip = lfs2_min(skip, ctz32(current));
        int err = read_pointer(lfs, pcache, rcache, head, skip, &head);
        if (err) {
            return err;
        }
        current -= 1u << skip;
    }
    *block = head;
    *off = pos;
    return 0;
}

int lfs2_ctz_traverse(lfs2_t *lfs, const lfs2_cache_t *pcache, lfs2_cache_t *rcache, uint32_t head, uint32_t size,
                      int (*cb)(lfs2_t *lfs, void *data, uint32_t block), void *data) {
    if (size == 0) {
        return 0;
    }
    if (size / lfs->cfg.block_size > lfs->cfg.block_count) {
        return LFS2_ERR_CORRUPT;
    }
    uint32_t last = size - 1;
    uint32_t index = ctz_index(lfs, &last);
    while (true) {
        int err = cb(lfs, data, head);
        if (err) {
            return err;
        }
        if (index == 0) {
            return 0;
        }
        // Odd blocks have one pointer; even ones give two blocks at once.
        uint32_t heads[2];
        int count = 2 - (int)(index & 1);
        for (int i = 0; i < count && !err; i++) {
            err = read_pointer(lfs, pcache, rcache, head, (uint32_t)i, &heads[i]);
        }
        if (!err && count == 2) {
            err = cb(lfs, data, heads[0]);
        }
        if (err) {
            return err;
        }
        head = heads[count - 1];
        index -= (uint32_t)count;
    }
}

// Programs through pcache, validated; *bad tells a failed read-back (a
// bad block, LFS2_ERR_CORRUPT) from errors of reading elsewhere.
static int prog_checked(lfs2_t *lfs, lfs2_cache_t *pcache, uint32_t block, uint32_t off, const void *buffer,
                        uint32_t size, bool *bad) {
    int err = lfs2_bd_prog(lfs, pcache, true, block, off, buffer, size);
    *bad = err == LFS2_ERR_CORRUPT;
    return err;
}

// Fills nblock (erased) as the continuation of the list whose last block
// is head and whose size is size: a copy of that block when it is partly
// filled, else its pointers. *off is where the data goes on.
static int ctz_fill(lfs2_t *lfs, lfs2_cache_t *pcache, uint32_t head, uint32_t size, uint32_t nblock, uint32_t *off,
                    bool *bad) {
    if (size == 0) {
        *off = 0;
        return 0;
    }
    uint32_t noff = size - 1;
    uint32_t index = ctz_index(lfs, &noff);
    noff++;
    if (noff != lfs->cfg.block_size) {
        uint8_t tmp[32];
        for (uint32_t i = 0; i < noff; i += sizeof(tmp)) {
            uint32_t k = lfs2_min(noff - i, sizeof(tmp));
            int err = lfs2_bd_read(lfs, NULL, &lfs->rcache, head, i, tmp, k);
            if (!err) {
                err = prog_checked(lfs, pcache, nblock, i, tmp, k, bad);
            }
            if (err) {
                return err;
            }
        }
        *off = noff;
        return 0;
    }
    index++;
    uint32_t skips = ctz32(index) + 1, nhead = head;
    for (uint32_t i = 0; i < skips; i++) {
        uint8_t b[4];
        lfs2_put_le32(b, nhead);
        int err = prog_checked(lfs, pcache, nblock, 4 * i, b, 4, bad);
        if (!err && i != skips - 1) {
            err = read_pointer(lfs, NULL, &lfs->rcache, nhead, i, &nhead);
        }
        if (err) {
            return err;
        }
    }
    *off = 4 * skips;
    return 0;
}

// A new block continuing the list (ctz_fill), in place of any that fails
// to erase or program (a bad block).
static int ctz_extend(lfs2_t *lfs, lfs2_cache_t *pcache, uint32_t head, uint32_t size, uint32_t *block,
                      uint32_t *off) {
    while (true) {
        uint32_t nblock;
        int err = lfs2_alloc(lfs, &nblock);
        if (err) {
            return err;
        }
        bool bad = false;
        err = lfs2_bd_erase(lfs, nblock);
        bad = err == LFS2_ERR_CORRUPT;
        if (!err) {
            err = ctz_fill(lfs, pcache, head, size, nblock, off, &bad);
        }
        if (!bad) {
            *block = nblock;
            return err;
        }
        lfs2_cache_zero(lfs, pcache);
    }
}

// ---- open and close ---------------------------------------------------------------------------

int lfs2_file_open(lfs2_t *lfs, lfs2_file_t *file, const char *path, int flags) {
    int err = 0;
    if ((flags & LFS2_O_WRONLY) == LFS2_O_WRONLY) {
        err = lfs2_fs_force_consistency(lfs);
        if (err) {
            return err;
        }
    }
    file->flags = (uint32_t)flags;
    file->pos = 0;
    file->off = 0;
    file->h.type = LFS2_TYPE_REG;
    int32_t tag = lfs2_dir_find(lfs, &file->h.m, &path, &file->h.id);
    if (tag < 0 && !(tag == LFS2_ERR_NOENT && lfs2_path_is_last(path))) {
        return tag;
    }
    lfs2_handle_add(lfs, &file->h);
    if (tag == LFS2_ERR_NOENT) {
        uint32_t nlen = lfs2_path_namelen(path);
        if (!(flags & LFS2_O_CREAT)) {
            err = LFS2_ERR_NOENT;
        } else if (path[nlen] != '\0') {
            err = LFS2_ERR_NOTDIR;        // "name/" names a directory
        } else if (nlen > lfs->name_max) {
            err = LFS2_ERR_NAMETOOLONG;
        } else {
            lfs2_alloc_ckpoint(lfs);
            lfs2_attr_t attrs[3] = {
                {TAG(TYPE_CREATE, file->h.id, 0), NULL},
                {TAG(TYPE_REG, file->h.id, nlen), path},
                {TAG(TYPE_INLINESTRUCT, file->h.id, 0), NULL},
            };
            err = lfs2_dir_commit(lfs, &file->h.m, attrs, 3);
            tag = (int32_t)TAG(TYPE_INLINESTRUCT, 0, 0);
        }
    } else if (flags & LFS2_O_EXCL) {
        err = LFS2_ERR_EXIST;
    } else if (TAG_TYPE3(tag) != TYPE_REG) {
        err = LFS2_ERR_ISDIR;
    } else if (flags & LFS2_O_TRUNC) {
        tag = (int32_t)TAG(TYPE_INLINESTRUCT, 0, 0);
        file->flags |= LFS2_F_DIRTY;
    } else {
        uint8_t s[8];
        tag = lfs2_dir_get(lfs, &file->h.m, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, file->h.id, 8), s);
        if (tag < 0) {
            err = tag;
        } else if (TAG_TYPE3(tag) == TYPE_CTZSTRUCT) {
            file->head = lfs2_le32(s);
            file->size = lfs2_le32(s + 4);
            if (file->size > lfs->file_max || file->head >= lfs->cfg.block_count) {
                err = LFS2_ERR_CORRUPT;
            }
        } else if (TAG_TYPE3(tag) != TYPE_INLINESTRUCT) {
            err = LFS2_ERR_CORRUPT;
        }
    }
    if (!err && (flags & LFS2_O_WRONLY) && file->mtime != NULL) {
        file->flags |= LFS2_F_DIRTY;          // the time is committed at close
    }
    lfs2_cache_zero(lfs, &file->cache);
    if (!err && TAG_TYPE3(tag) == TYPE_INLINESTRUCT) {
        file->head = LFS2_BLOCK_INLINE;
        file->size = TAG_SIZE(tag);
        file->flags |= LFS2_F_INLINE;
        file->cache.block = LFS2_BLOCK_INLINE;
        file->cache.off = 0;
        file->cache.size = lfs->cfg.cache_size;
        if (file->size > 0) {
            int32_t res = lfs2_dir_getslice(lfs, &file->h.m, TAG(0x700, 0x3ff, 0), TAG(TYPE_STRUCT, file->h.id, 0), 0,
                                            file->cache.buffer, lfs->cfg.cache_size);
            err = res < 0 ? res : 0;
        }
    }
    if (err) {
        lfs2_handle_remove(lfs, &file->h);
    }
    return err;
}

// Writes the file's data and, in one commit, its new struct and mtime.
static int file_flush(lfs2_t *lfs, lfs2_file_t *file);

int lfs2_file_sync(lfs2_t *lfs, lfs2_file_t *file) {
    if (file->flags & LFS2_F_ERRED) {
        return 0;
    }
    int err = file_flush(lfs, file);
    if (err) {
        file->flags |= LFS2_F_ERRED;
        return err;
    }
    if (!(file->flags & LFS2_F_DIRTY) || lfs2_pair_is_null(file->h.m.pair)) {
        return 0;
    }
    // The data must be on the device before the commit that names it.
    if (!(file->flags & LFS2_F_INLINE)) {
        err = lfs2_bd_sync(lfs, &lfs->pcache, false);
        if (err) {
            return err;
        }
    }
    uint8_t ctz[8];
    lfs2_attr_t attrs[2];
    if (file->flags & LFS2_F_INLINE) {
        attrs[0] = (lfs2_attr_t){TAG(TYPE_INLINESTRUCT, file->h.id, file->size), file->cache.buffer};
    } else {
        lfs2_put_le32(ctz, file->head);
        lfs2_put_le32(ctz + 4, file->size);
        attrs[0] = (lfs2_attr_t){TAG(TYPE_CTZSTRUCT, file->h.id, 8), ctz};
    }
    attrs[1] = (lfs2_attr_t){TAG(TYPE_USERATTR + 1, file->h.id, 8), file->mtime};
    lfs2_alloc_ckpoint(lfs);
    err = lfs2_dir_commit(lfs, &file->h.m, attrs, file->mtime != NULL ? 2 : 1);
    if (err) {
        file->flags |= LFS2_F_ERRED;
        return err;
    }
    file->flags &= ~LFS2_F_DIRTY;
    return 0;
}

int lfs2_file_close(lfs2_t *lfs, lfs2_file_t *file) {
    int err = lfs2_file_sync(lfs, file);
    lfs2_handle_remove(lfs, &file->h);
    return err;
}

// ---- reading ------------------------------------------------------------------------------------

static int32_t file_flushed_read(lfs2_t *lfs, lfs2_file_t *file, uint8_t *data, uint32_t size) {
    if (file->pos >= file->size) {
        return 0;
    }
    size = lfs2_min(size, file->size - file->pos);
    for (uint32_t left = size; left > 0;) {
        if (!(file->flags & LFS2_F_READING) || file->off == lfs->cfg.block_size) {
            if (file->flags & LFS2_F_INLINE) {
                file->block = LFS2_BLOCK_INLINE;
                file->off = file->pos;
            } else {
                int err = ctz_find(lfs, NULL, &file->cache, file->head, file->size, file->pos, &file->block,
                                   &file->off);
                if (err) {
                    return err;
                }
            }
            file->flags |= LFS2_F_READING;
        }
        uint32_t diff = lfs2_min(left, lfs->cfg.block_size - file->off);
        int err = (file->flags & LFS2_F_INLINE)
                      ? lfs2_dir_getread(lfs, &file->h.m, &file->cache, TAG(0x7ff, 0x3ff, 0),
                                         TAG(TYPE_INLINESTRUCT, file->h.id, 0), file->off, data, diff)
                      : lfs2_bd_read(lfs, NULL, &file->cache, file->block, file->off, data, diff);
        if (err) {
            return err;
        }
        file->pos += diff, file->off += diff, data += diff, left -= diff;
    }
    return (int32_t)size;
}

int32_t lfs2_file_read(lfs2_t *lfs, lfs2_file_t *file, void *buffer, uint32_t size) {
    if (file->flags & LFS2_F_WRITING) {
        int err = file_flush(lfs, file);
        if (err) {
            return err;
        }
    }
    return file_flushed_read(lfs, file, buffer, size);
}

// ---- writing -------------------------------------------------------------------------------------

// Moves the block being written to a new one: its first file->off bytes,
// from the disk or from the file's cache (an inline file: its data). The
// old block failed to program (a bad block: then another new one is
// tried), or the file was inline. The new block is built in lfs->pcache,
// which then becomes the file's cache (LFS2_F_MOVED says its buffer was
// used).
static int file_relocate(lfs2_t *lfs, lfs2_file_t *file) {
    while (true) {
        uint32_t nblock;
        int err = lfs2_alloc(lfs, &nblock);
        if (err) {
            return err;
        }
        file->flags |= LFS2_F_MOVED;
        err = lfs2_bd_erase(lfs, nblock);
        bool bad = err == LFS2_ERR_CORRUPT;
        for (uint32_t i = 0; i < file->off && !err; i++) {
            uint8_t b;
            if (file->flags & LFS2_F_INLINE) {
                err = lfs2_dir_getread(lfs, &file->h.m, &file->cache, TAG(0x7ff, 0x3ff, 0),
                                       TAG(TYPE_INLINESTRUCT, file->h.id, 0), i, &b, 1);
            } else {
                err = lfs2_bd_read(lfs, &file->cache, &lfs->rcache, file->block, i, &b, 1);
            }
            if (!err) {
                err = prog_checked(lfs, &lfs->pcache, nblock, i, &b, 1, &bad);
            }
        }
        if (err) {
            lfs2_cache_zero(lfs, &lfs->pcache);
            if (bad) {
                continue;
            }
            return err;
        }
        memcpy(file->cache.buffer, lfs->pcache.buffer, lfs->cfg.cache_size);
        file->cache.block = lfs->pcache.block;
        file->cache.off = lfs->pcache.off;
        file->cache.size = lfs->pcache.size;
        lfs2_cache_zero(lfs, &lfs->pcache);
        file->block = nblock;
        file->flags |= LFS2_F_WRITING;
        return 0;
    }
}

// Moves an inline file to a block of its own (its first pos bytes).
static int file_outline(lfs2_t *lfs, lfs2_file_t *file) {
    file->off = file->pos;
    lfs2_alloc_ckpoint(lfs);
    int err = file_relocate(lfs, file);
    if (!err) {
        file->flags &= ~LFS2_F_INLINE;
    }
    return err;
}

// Programs data at file->off, moving the block when it proves bad.
static int file_prog(lfs2_t *lfs, lfs2_file_t *file, const uint8_t *data, uint32_t size) {
    while (true) {
        int err = lfs2_bd_prog(lfs, &file->cache, true, file->block, file->off, data, size);
        if (err != LFS2_ERR_CORRUPT || (file->flags & LFS2_F_INLINE)) {
            return err;
        }
        err = file_relocate(lfs, file);
        if (err) {
            return err;
        }
    }
}

static int32_t file_flushed_write(lfs2_t *lfs, lfs2_file_t *file, const uint8_t *data, uint32_t size) {
    if ((file->flags & LFS2_F_INLINE) && lfs2_max(file->pos + size, file->size) > lfs->inline_max) {
        int err = file_outline(lfs, file);
        if (err) {
            file->flags |= LFS2_F_ERRED;
            return err;
        }
    }
    for (uint32_t left = size; left > 0;) {
        if (!(file->flags & LFS2_F_WRITING) || file->off == lfs->cfg.block_size) {
            if (file->flags & LFS2_F_INLINE) {
                file->block = LFS2_BLOCK_INLINE;
                file->off = file->pos;
            } else {
                if (!(file->flags & LFS2_F_WRITING) && file->pos > 0) {
                    // the block the write goes on from
                    uint32_t off;
                    int err = ctz_find(lfs, NULL, &file->cache, file->head, file->size, file->pos - 1, &file->block,
                                       &off);
                    if (err) {
                        file->flags |= LFS2_F_ERRED;
                        return err;
                    }
                    lfs2_cache_zero(lfs, &file->cache);
                }
                lfs2_alloc_ckpoint(lfs);
                int err = ctz_extend(lfs, &file->cache, file->block, file->pos, &file->block, &file->off);
                if (err) {
                    lfs2_cache_zero(lfs, &file->cache);
                    file->flags |= LFS2_F_ERRED;
                    return err;
                }
            }
            file->flags |= LFS2_F_WRITING;
        }
        uint32_t diff = lfs2_min(left, lfs->cfg.block_size - file->off);
        int err = file_prog(lfs, file, data, diff);
        if (err) {
            file->flags |= LFS2_F_ERRED;
            return err;
        }
        file->pos += diff, file->off += diff, data += diff, left -= diff;
        lfs2_alloc_ckpoint(lfs);
    }
    return (int32_t)size;
}

// Ends a run of reads or writes: the rest of the old file is copied after
// what was written, the cache programmed, and the new list becomes the
// file's (to be committed at sync).
static int file_flush(lfs2_t *lfs, lfs2_file_t *file) {
    if (file->flags & LFS2_F_READING) {
        if (!(file->flags & LFS2_F_INLINE)) {
            lfs2_cache_drop(&file->cache);
        }
        file->flags &= ~LFS2_F_READING;
    }
    if (!(file->flags & LFS2_F_WRITING)) {
        return 0;
    }
    uint32_t pos = file->pos;
    if (!(file->flags & LFS2_F_INLINE)) {
        // A reader of the old version (inline when a big inline file was
        // just moved out), through lfs->pcache's buffer, which no commit
        // uses meanwhile.
        lfs2_file_t orig = {.head = file->head, .size = file->size, .pos = file->pos};
        orig.flags = LFS2_O_RDONLY | (file->head == LFS2_BLOCK_INLINE ? LFS2_F_INLINE : 0);
        orig.h.m = file->h.m;
        orig.h.id = file->h.id;
        orig.cache.buffer = lfs->pcache.buffer;
        lfs2_cache_drop(&orig.cache);
        while (file->pos < file->size) {
            uint8_t b[16];
            int32_t n = file_flushed_read(lfs, &orig, b, lfs2_min(sizeof(b), file->size - file->pos));
            file->flags &= ~LFS2_F_MOVED;
            if (n > 0) {
                n = file_flushed_write(lfs, file, b, (uint32_t)n);
            }
            if (file->flags & LFS2_F_MOVED) {
                lfs2_cache_drop(&orig.cache);     // its buffer was used to move a bad block
            }
            if (n <= 0) {
                lfs2_cache_zero(lfs, &lfs->pcache);
                return n < 0 ? n : LFS2_ERR_CORRUPT;
            }
        }
        lfs2_cache_zero(lfs, &lfs->pcache);
        int err;
        while ((err = lfs2_bd_flush(lfs, &file->cache, true)) == LFS2_ERR_CORRUPT) {
            err = file_relocate(lfs, file);       // a bad block
            if (err) {
                break;
            }
        }
        if (err) {
            return err;
        }
    } else {
        file->pos = lfs2_max(file->pos, file->size);
    }
    file->head = file->block;
    file->size = file->pos;
    file->flags = (file->flags & ~LFS2_F_WRITING) | LFS2_F_DIRTY;
    file->pos = pos;
    return 0;
}

int32_t lfs2_file_write(lfs2_t *lfs, lfs2_file_t *file, const void *buffer, uint32_t size) {
    if (file->flags & LFS2_F_READING) {
        int err = file_flush(lfs, file);
        if (err) {
            return err;
        }
    }
    if ((file->flags & LFS2_O_APPEND) && file->pos < file->size) {
        file->pos = file->size;
    }
    if (file->pos + size > lfs->file_max || file->pos + size < file->pos) {
        return LFS2_ERR_FBIG;
    }
    if (!(file->flags & LFS2_F_WRITING) && file->pos > file->size) {
        // a gap after the end reads as zeros
        uint32_t pos = file->pos;
        file->pos = file->size;
        static const uint8_t zeros[16];
        while (file->pos < pos) {
            int32_t res = file_flushed_write(lfs, file, zeros, lfs2_min(sizeof(zeros), pos - file->pos));
            if (res < 0) {
                return res;
            }
        }
    }
    int32_t n = file_flushed_write(lfs, file, buffer, size);
    if (n >= 0) {
        file->flags &= ~LFS2_F_ERRED;
    }
    return n;
}

int32_t lfs2_file_size(lfs2_t *lfs, lfs2_file_t *file) {
    return (int32_t)((file->flags & LFS2_F_WRITING) ? lfs2_max(file->pos, file->size) : file->size);
}

int32_t lfs2_file_seek(lfs2_t *lfs, lfs2_file_t *file, int32_t off, int whence) {
    int64_t npos = whence == 0 ? 0 : whence == 1 ? (int64_t)file->pos : (int64_t)lfs2_file_size(lfs, file);
    npos += off;
    if (npos < 0 || npos > (int64_t)lfs->file_max) {
        return LFS2_ERR_INVAL;
    }
    if (file->pos == (uint32_t)npos) {
        return (int32_t)npos;
    }
    // Reading within the cached part needs no flush.
    if ((file->flags & LFS2_F_READING) && file->off != lfs->cfg.block_size && !(file->flags & LFS2_F_INLINE)) {
        uint32_t opos = file->pos, noff = (uint32_t)npos;
        uint32_t oindex = ctz_index(lfs, &opos), nindex = ctz_index(lfs, &noff);
        if (oindex == nindex && file->cache.block == file->block && noff >= file->cache.off
            && noff < file->cache.off + file->cache.size) {
            file->pos = (uint32_t)npos;
            file->off = noff;
            return (int32_t)npos;
        }
    }
    int err = file_flush(lfs, file);
    if (err) {
        return err;
    }
    file->pos = (uint32_t)npos;
    return (int32_t)npos;
}
