// SPDX-License-Identifier: MIT
// FAT files and the operations of the filesystem (fat.h), with FatFs's
// errors as MicroPython's VfsFat reports them (EACCES for a full
// directory or a directory that is not empty, ENOSPC when a write finds
// no free cluster) and FatFs's order of writes:
//
// - data sectors are written first; the FAT changes stay in the window
//   until it moves; the directory entry (first cluster, size, time) is
//   written at sync and close;
// - "w" clears the entry before it frees the old chain, and the new data
//   reuses the clusters freed;
// - remove marks the entries deleted, then frees the chain;
// - rename writes the new entry, then deletes the old one (a cut between
//   the two leaves both, sharing one chain: spec section 5).
//
// Differences from FatFs: writing after a seek past the end fills the gap
// with zeros (FatFs extends the chain at the seek and leaves what the
// sectors held); a negative position is EINVAL; a directory cannot be
// moved into itself (EINVAL).
#include <string.h>

#include "fat.h"
#include "vfs.h"

#define RO_OR_DIR (FAT_ATTR_READONLY | FAT_ATTR_DIR)

static int find(fat_t *fs, const char *path, fat_path_t *p, uint32_t avoid) {
    p->avoid = avoid;
    return fat_path_find(fs, path, p);
}

// ---- files ---------------------------------------------------------------------------------------

// A file's chain must hold its size and end: a chain that runs into a
// free, bad or outside cluster, ends early, or never ends (a loop: longer
// than the volume) is EIO, as fsck.fat would find it. A longer chain
// than the size needs is allowed, as FatFs allows it.
static int check_chain(fat_t *fs, uint32_t clust, uint32_t size) {
    uint64_t bcs = (uint64_t)fs->csize * fs->ss, need = (size + bcs - 1) / bcs, n = 0;
    while (clust != 0) {
        int err = ++n > fs->n_fatent - 2 ? -ESPY_EIO : fat_next(fs, clust, &clust);
        if (err) {
            return err;
        }
    }
    return n < need ? -ESPY_EIO : 0;
}

int fat_open(fat_t *fs, fat_file_t *f, const char *path, unsigned flags) {
    fat_path_t p;
    bool write = flags & VFS_O_WRITE, create = flags & VFS_O_CREATE;
    if (write && fs->readonly) {
        return -ESPY_EROFS;
    }
    int err = find(fs, path, &p, 0);
    if (err == FAT_END) {
        if (!create) {
            return -ESPY_ENOENT;
        }
        err = fat_path_register(fs, &p);
        memset(p.entry, 0, 32);
        flags |= VFS_O_TRUNCATE;        // a new file is set up as a truncated one
    } else if (!err && p.is_root) {
        return -ESPY_EINVAL;
    } else if (!err && create) {
        err = p.entry[FAT_DIR_ATTR] & RO_OR_DIR ? -ESPY_EACCES : flags & VFS_O_EXCLUSIVE ? -ESPY_EEXIST : 0;
    } else if (!err) {
        err = p.entry[FAT_DIR_ATTR] & FAT_ATTR_DIR                      ? -ESPY_ENOENT
              : write && (p.entry[FAT_DIR_ATTR] & FAT_ATTR_READONLY) ? -ESPY_EACCES
                                                                     : 0;
    }
    if (err) {
        return err;
    }
    memset(f, 0, sizeof(*f));
    f->dir_sect = p.dir.sect;
    f->dir_offset = (uint16_t)(p.dir.index % (fs->ss / 32u) * 32);
    f->writable = write;
    if (!(flags & VFS_O_TRUNCATE)) {
        f->sclust = fat_entry_clust(fs, p.entry);
        f->size = fat_get32(p.entry + FAT_DIR_SIZE);
        f->pos = flags & VFS_O_APPEND ? f->size : 0;
        return check_chain(fs, f->sclust, f->size);
    }
    // The entry is reset (creation time now), then the old chain freed.
    uint8_t *e;
    err = fat_dir_entry(fs, &p.dir, &e);
    if (err) {
        return err;
    }
    uint32_t old = fat_entry_clust(fs, e);
    fat_put32(e + FAT_DIR_CTIME, fat_time_now());
    e[FAT_DIR_ATTR] = FAT_ATTR_ARCHIVE;
    fat_put16(e + FAT_DIR_CLUST, 0);
    fat_put32(e + FAT_DIR_SIZE, 0);
    fs->win_dirty = true;
    f->modified = true;
    if (old != 0) {
        err = fat_free_chain(fs, old);
        err = err ? err : fat_win_load(fs, p.dir.sect);
        fs->last_clust = old - 1;
    }
    return err;
}

// The cluster number `index` of f's chain (from the one it knows, or from
// the start), its missing ones allocated when extend: a chain shorter
// than the size says is EIO. The walk is as long as the file, so a loop
// cannot hold it.
static int file_clust(fat_t *fs, fat_file_t *f, uint32_t index, bool extend, uint32_t *out) {
    uint32_t c = f->clust, i = f->clust_index;
    int err = 0;
    if (c == 0 || i > index) {
        c = f->sclust;
        i = 0;
        if (c == 0 && extend) {
            err = fat_alloc(fs, 0, &c);
            f->sclust = err ? 0 : c;
            f->modified = true;
        } else if (c < 2 || c >= fs->n_fatent) {
            err = -ESPY_EIO;
        }
    }
    while (!err && i < index) {
        uint32_t next;
        err = fat_next(fs, c, &next);
        if (!err && next == 0) {
            err = extend ? fat_alloc(fs, c, &next) : -ESPY_EIO;
        }
        if (!err) {
            c = next;
            i++;
        }
    }
    if (err) {
        return err;
    }
    f->clust = *out = c;
    f->clust_index = i;
    return 0;
}

intptr_t fat_read(fat_t *fs, fat_file_t *f, uint8_t *buf, size_t size) {
    uint32_t bcs = (uint32_t)fs->csize * fs->ss, done = 0;
    uint32_t n = f->pos >= f->size ? 0 : size < f->size - f->pos ? (uint32_t)size : f->size - f->pos;
    while (done < n) {
        uint32_t c = 2, k = 0, off = f->pos % bcs, in = off % fs->ss;
        int err = file_clust(fs, f, f->pos / bcs, false, &c);
        uint32_t sect = fat_clust_sect(fs, c) + off / fs->ss;
        if (!err && in == 0 && n - done >= fs->ss) {     // whole sectors straight into buf
            k = (n - done) / fs->ss;
            k = k < fs->csize - off / fs->ss ? k : fs->csize - off / fs->ss;
            err = fat_read_sectors(fs, sect, buf + done, k);
            k *= fs->ss;
        } else if (!err) {
            k = fs->ss - in < n - done ? fs->ss - in : n - done;
            err = fat_win_load(fs, sect);
            memcpy(buf + done, fs->win + in, k);
        }
        if (err) {
            return err;
        }
        done += k;
        f->pos += k;
    }
    return (intptr_t)done;
}

// Writes size bytes of buf (zeros when buf is NULL) at f->pos.
static intptr_t write_data(fat_t *fs, fat_file_t *f, const uint8_t *buf, uint32_t size) {
    uint32_t bcs = (uint32_t)fs->csize * fs->ss, done = 0;
    while (done < size) {
        uint32_t c = 2, k = 0, off = f->pos % bcs, in = off % fs->ss;
        int err = file_clust(fs, f, f->pos / bcs, true, &c);
        uint32_t sect = fat_clust_sect(fs, c) + off / fs->ss;
        if (!err && in == 0 && buf != NULL && size - done >= fs->ss) {
            k = (size - done) / fs->ss;
            k = k < fs->csize - off / fs->ss ? k : fs->csize - off / fs->ss;
            err = fat_write_sectors(fs, sect, buf + done, k);
            k *= fs->ss;
        } else if (!err) {
            k = fs->ss - in < size - done ? fs->ss - in : size - done;
            if (in == 0 && f->pos >= f->size) {
                // A sector past the end: nothing in it to read (FatFs's
                // "growing edge"), and zeros rather than what was there.
                fs->win_dirty = fs->win_dirty && fs->win_sect != sect;
                err = fat_win_flush(fs);
                if (!err) {
                    memset(fs->win, 0, fs->ss);
                    fs->win_sect = sect;
                }
            } else {
                err = fat_win_load(fs, sect);
            }
            if (!err) {
                if (buf != NULL) {
                    memcpy(fs->win + in, buf + done, k);
                } else {
                    memset(fs->win + in, 0, k);
                }
                fs->win_dirty = true;
            }
        }
        if (err) {
            return err;
        }
        done += k;
        f->pos += k;
        f->size = f->pos > f->size ? f->pos : f->size;
        f->modified = true;
    }
    return (intptr_t)done;
}

// A full disk is ENOSPC even when part of the data was written, as
// MicroPython's VfsFat says when FatFs writes less than it was given.
intptr_t fat_write(fat_t *fs, fat_file_t *f, const uint8_t *buf, size_t size) {
    uint32_t n = size < 0xffffffffu - f->pos ? (uint32_t)size : 0xffffffffu - f->pos;
    if (f->pos > f->size) {
        uint32_t pos = f->pos;
        f->pos = f->size;
        intptr_t r = write_data(fs, f, NULL, pos - f->size);
        if (r < 0) {
            return r;
        }
    }
    return write_data(fs, f, buf, n);
}

int fat_seek(fat_t *fs, fat_file_t *f, int64_t *offset, int whence) {
    int64_t pos = *offset + (whence == 1 ? f->pos : whence == 2 ? f->size : 0);
    if (pos < 0 || pos > 0xffffffff || whence < 0 || whence > 2) {
        return -ESPY_EINVAL;
    }
    if (!f->writable && pos > f->size) {
        pos = f->size;                  // as FatFs: a file open for reading ends there
    }
    f->pos = (uint32_t)pos;
    *offset = pos;
    return 0;
}

int fat_file_sync(fat_t *fs, fat_file_t *f) {
    if (!f->modified) {
        return 0;
    }
    int err = fat_win_load(fs, f->dir_sect);
    if (err) {
        return err;
    }
    uint8_t *e = fs->win + f->dir_offset;
    e[FAT_DIR_ATTR] |= FAT_ATTR_ARCHIVE;
    fat_put16(e + FAT_DIR_CLUST, f->sclust);
    fat_put32(e + FAT_DIR_SIZE, f->size);
    fat_put32(e + FAT_DIR_MTIME, fat_time_now());
    fat_put16(e + FAT_DIR_ADATE, 0);
    fs->win_dirty = true;
    err = fat_sync(fs);
    f->modified = err != 0;
    return err;
}

// ---- directories and names -------------------------------------------------------------------------

int fat_mkdir(fat_t *fs, const char *path) {
    fat_path_t p;
    if (fs->readonly) {
        return -ESPY_EROFS;
    }
    int err = find(fs, path, &p, 0);
    if (err != FAT_END) {
        return err ? err : -ESPY_EEXIST;
    }
    uint32_t clust, now = fat_time_now();
    err = fat_alloc(fs, 0, &clust);
    if (err) {
        return err == -ESPY_ENOSPC ? -ESPY_EACCES : err;
    }
    err = fat_clear_cluster(fs, clust);
    if (!err) {                         // "." and "..", in the window
        uint8_t *e = fs->win;
        memset(e, ' ', 11);
        e[0] = '.';
        e[FAT_DIR_ATTR] = FAT_ATTR_DIR;
        fat_put32(e + FAT_DIR_MTIME, now);
        fat_put16(e + FAT_DIR_CLUST, clust);
        memcpy(e + 32, e, 32);
        e[33] = '.';
        fat_put16(e + 32 + FAT_DIR_CLUST, p.dir.sclust);
        err = fat_path_register(fs, &p);
    }
    uint8_t *e;
    if (!err) {
        err = fat_dir_entry(fs, &p.dir, &e);
    }
    if (err) {
        fat_free_chain(fs, clust);
        return err;
    }
    fat_put32(e + FAT_DIR_MTIME, now);
    fat_put16(e + FAT_DIR_CLUST, clust);
    e[FAT_DIR_ATTR] = FAT_ATTR_DIR;
    fs->win_dirty = true;
    return fat_sync(fs);
}

// EACCES unless only deleted, dot, label and long-name entries are there.
static int dir_is_empty(fat_t *fs, uint32_t clust) {
    fat_dir_t d;
    uint8_t *e;
    int err = fat_dir_start(fs, &d, clust);
    for (; !err; err = fat_dir_next(fs, &d, false)) {
        err = fat_dir_entry(fs, &d, &e);
        if (err || e[0] == 0) {
            return err;
        }
        uint8_t a = e[FAT_DIR_ATTR] & 0x3f;
        if (e[0] != 0xe5 && e[0] != '.' && a != FAT_ATTR_LFN && (a & ~FAT_ATTR_ARCHIVE) != FAT_ATTR_VOLUME) {
            return -ESPY_EACCES;
        }
    }
    return err == FAT_END ? 0 : err;
}

// FatFs's f_unlink of an entry found: entries deleted, then the chain
// freed. A directory must be empty (one with a damaged cluster number is
// removed without looking).
static int unlink_found(fat_t *fs, fat_path_t *p) {
    uint32_t clust = fat_entry_clust(fs, p->entry);
    bool valid = clust >= 2 && clust < fs->n_fatent;
    int err = p->entry[FAT_DIR_ATTR] & FAT_ATTR_READONLY ? -ESPY_EACCES : 0;
    if (!err && valid && (p->entry[FAT_DIR_ATTR] & FAT_ATTR_DIR)) {
        err = dir_is_empty(fs, clust);
    }
    err = err ? err : fat_path_remove(fs, p);
    if (!err && valid) {
        err = fat_free_chain(fs, clust);
    }
    return err ? err : fat_sync(fs);
}

// MicroPython's remove (dir false) and rmdir (dir true): the other kind
// is EISDIR or ENOTDIR.
int fat_remove(fat_t *fs, const char *path, bool dir) {
    fat_path_t p;
    int err = find(fs, path, &p, 0);
    if (err) {
        return err == FAT_END ? -ESPY_ENOENT : err;
    }
    if (p.is_root || (p.sfn[11] & FAT_NS_DOT)) {
        return -ESPY_EINVAL;
    }
    if (!(p.entry[FAT_DIR_ATTR] & FAT_ATTR_DIR) != !dir) {
        return dir ? -ESPY_ENOTDIR : -ESPY_EISDIR;
    }
    return fs->readonly ? -ESPY_EROFS : unlink_found(fs, &p);
}

// FatFs's f_rename, and MicroPython's VfsFat.rename over it: a file in
// the way is removed first (a directory in the way is EISDIR).
int fat_rename(fat_t *fs, const char *from, const char *to) {
    fat_path_t old, p;
    if (fs->readonly) {
        return -ESPY_EROFS;
    }
    int err = find(fs, from, &old, 0);
    if (err) {
        return err == FAT_END ? -ESPY_ENOENT : err;
    }
    if (old.is_root || (old.sfn[11] & FAT_NS_DOT)) {
        return -ESPY_EINVAL;
    }
    bool is_dir = old.entry[FAT_DIR_ATTR] & FAT_ATTR_DIR;
    uint32_t clust = fat_entry_clust(fs, old.entry);
    err = find(fs, to, &p, is_dir ? clust : 0);
    if (!err && (p.dir.sclust != old.dir.sclust || p.dir.index != old.dir.index)) {
        if (p.is_root || (p.sfn[11] & FAT_NS_DOT)) {
            return -ESPY_EINVAL;
        }
        if (p.entry[FAT_DIR_ATTR] & FAT_ATTR_DIR) {
            return -ESPY_EISDIR;
        }
        err = unlink_found(fs, &p);
        err = err ? err : find(fs, to, &p, is_dir ? clust : 0);
    } else if (!err) {
        err = FAT_END;                  // the same entry: a new name for it (its case)
    }
    if (err != FAT_END) {
        return err;
    }
    uint8_t *e;
    err = fat_path_register(fs, &p);
    err = err ? err : fat_dir_entry(fs, &p.dir, &e);
    if (err) {
        return err;
    }
    memcpy(e + 13, old.entry + 13, 32 - 13);
    e[FAT_DIR_ATTR] = old.entry[FAT_DIR_ATTR] | (is_dir ? 0 : FAT_ATTR_ARCHIVE);
    fs->win_dirty = true;
    if (is_dir && p.dir.sclust != old.dir.sclust && clust >= 2 && clust < fs->n_fatent) {
        err = fat_win_load(fs, fat_clust_sect(fs, clust));      // its ".." now names the new parent
        if (!err && fs->win[32 + 1] == '.') {
            fat_put16(fs->win + 32 + FAT_DIR_CLUST, p.dir.sclust);
            fs->win_dirty = true;
        }
    }
    err = err ? err : fat_path_remove(fs, &old);
    return err ? err : fat_sync(fs);
}

int fat_stat(fat_t *fs, const char *path, uint8_t *entry) {
    fat_path_t p;
    int err = find(fs, path, &p, 0);
    if (err) {
        return err == FAT_END ? -ESPY_ENOENT : err;
    }
    memcpy(entry, p.entry, 32);
    if (p.is_root) {                    // as MicroPython's: a directory of 2000-01-01
        memset(entry, 0, 32);
        entry[FAT_DIR_ATTR] = FAT_ATTR_DIR;
        fat_put16(entry + FAT_DIR_MTIME + 2, 0x2821);
    }
    return 0;
}

int fat_opendir(fat_t *fs, const char *path, uint32_t *sclust) {
    fat_path_t p;
    int err = find(fs, path, &p, 0);
    *sclust = err || p.is_root ? 0 : fat_entry_clust(fs, p.entry);
    if (!err && !p.is_root && !(p.entry[FAT_DIR_ATTR] & FAT_ATTR_DIR)) {
        err = -ESPY_ENOENT;
    }
    return err == FAT_END ? -ESPY_ENOENT : err;
}
