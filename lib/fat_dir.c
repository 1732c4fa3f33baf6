// SPDX-License-Identifier: MIT
// FAT directories (fat.h): walking entries, long (VFAT) and short (8.3)
// names, looking up paths, and making and removing entries, as FatFs
// R0.13c does it with code page 437 (spec 4.5, 4.6).
//
// Names are bytes: each byte is one code page 437 character, so a long
// name holds the Unicode of each byte (ASCII as itself, bytes 0x80-0xff
// through the table below); a long name with a character outside code
// page 437 is shown by its short name, as FatFs does. Lookups ignore the
// case of ASCII letters only.
#include <string.h>

#include "fat.h"

#define DELETED 0xe5
#define LFN_LAST 0x40
#define MAX_ENTRIES 65536       // FatFs's limit for a directory (2 MiB of entries)
#define NO_INDEX 0xffffffffu

// Flags in sfn[11], FatFs's NS_* bits.
#define NS_LOSS 0x01            // the short name lost characters: it gets a ~N tail
#define NS_LFN 0x02             // long-name entries are needed
#define NS_BODY 0x08            // the base is all lower case (the NT case flag)
#define NS_EXT 0x10             // the extension is all lower case
#define NS_DOT FAT_NS_DOT
#define NS_SFN_ONLY 0x40        // a lookup that compares short names only

// The Unicode of code page 437's bytes 0x80-0xff.
static const uint16_t cp437[128] = {
    0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7, 0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee,
    0x00ec, 0x00c4, 0x00c5, 0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9, 0x00ff, 0x00d6,
    0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192, 0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa,
    0x00ba, 0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb, 0x2591, 0x2592, 0x2593, 0x2502,
    0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510, 0x2514,
    0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f, 0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550,
    0x256c, 0x2567, 0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b, 0x256a, 0x2518, 0x250c,
    0x2588, 0x2584, 0x258c, 0x2590, 0x2580, 0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4,
    0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6, 0x03b5, 0x2229, 0x2261, 0x00b1, 0x2265, 0x2264, 0x2320,
    0x2321, 0x00f7, 0x2248, 0x00b0, 0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0,
};

// The upper case of bytes 0x80-0xff in a short name (FatFs's table for
// code page 437, which drops accents that have no capital in the page).
static const uint8_t cp437_upper[128] = {
    0x80, 0x9a, 0x45, 0x41, 0x8e, 0x41, 0x8f, 0x80, 0x45, 0x45, 0x45, 0x49, 0x49, 0x49, 0x8e, 0x8f,
    0x90, 0x92, 0x92, 0x4f, 0x99, 0x4f, 0x55, 0x55, 0x59, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
    0x41, 0x49, 0x4f, 0x55, 0xa5, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0x21, 0xae, 0xaf,
    0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
    0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
    0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

// Where the 13 characters of a long-name entry are.
static const uint8_t lfn_offsets[13] = {1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30};

static uint16_t unit_of(uint8_t c) {
    return c < 0x80 ? c : cp437[c - 0x80];
}

static uint16_t upper(uint16_t u) {
    return u >= 'a' && u <= 'z' ? (uint16_t)(u - 32) : u;
}

// The byte of a long name's character, or -1 outside code page 437.
static int byte_of(uint16_t u) {
    if (u < 0x80) {
        return u;
    }
    for (int i = 0; i < 128; i++) {
        if (cp437[i] == u) {
            return 0x80 + i;
        }
    }
    return -1;
}

uint32_t fat_entry_clust(const fat_t *fs, const uint8_t *entry) {
    return fat_get16(entry + FAT_DIR_CLUST);
}

// ---- walking a directory ----------------------------------------------------------------------------

int fat_dir_start(fat_t *fs, fat_dir_t *d, uint32_t sclust) {
    d->sclust = d->clust = sclust;
    d->index = 0;
    if (sclust == 0) {
        d->sect = fs->root_base;
        return 0;
    }
    d->sect = fat_clust_sect(fs, sclust);
    return sclust < 2 || sclust >= fs->n_fatent ? -ESPY_EIO : 0;
}

// The root ends after its fixed entries, a chain at its last cluster
// (a new, zeroed one is linked when stretching). A chain longer than the
// volume has clusters loops: EIO.
int fat_dir_next(fat_t *fs, fat_dir_t *d, bool stretch) {
    uint32_t i = d->index + 1, per_sect = fs->ss / 32u;
    if (i >= MAX_ENTRIES || (d->sclust == 0 && i >= fs->root_entries)) {
        return FAT_END;
    }
    if (i % per_sect == 0 && d->sclust != 0 && (i / per_sect) % fs->csize == 0) {
        if (i / per_sect / fs->csize >= fs->n_fatent - 2) {
            return -ESPY_EIO;
        }
        uint32_t next;
        int err = fat_next(fs, d->clust, &next);
        if (!err && next == 0) {
            if (!stretch) {
                return FAT_END;
            }
            err = fat_alloc(fs, d->clust, &next);
            err = err == -ESPY_ENOSPC ? -ESPY_EACCES : err ? err : fat_clear_cluster(fs, next);
        }
        if (err) {
            return err;
        }
        d->clust = next;
        d->sect = fat_clust_sect(fs, next);
    } else if (i % per_sect == 0) {
        d->sect++;
    }
    d->index = i;
    return 0;
}

int fat_dir_entry(fat_t *fs, fat_dir_t *d, uint8_t **entry) {
    int err = fat_win_load(fs, d->sect);
    *entry = fs->win + (d->index % (fs->ss / 32u)) * 32;
    return err;
}

// Back to entry `index` (one seen before) of d's directory.
static int dir_seek(fat_t *fs, fat_dir_t *d, uint32_t index) {
    uint32_t per_sect = fs->ss / 32u, per_clust = per_sect * fs->csize;
    int err = fat_dir_start(fs, d, d->sclust);
    if (d->sclust == 0) {
        d->sect += index / per_sect;
    } else {
        for (uint32_t n = index / per_clust; n > 0 && !err; n--) {
            err = fat_next(fs, d->clust, &d->clust);
            err = err ? err : d->clust == 0 ? -ESPY_EIO : 0;
        }
        d->sect = fat_clust_sect(fs, d->clust) + index % per_clust / per_sect;
    }
    d->index = index;
    return err;
}

// ---- names ------------------------------------------------------------------------------------------

static uint8_t sfn_sum(const uint8_t *name) {
    uint8_t sum = 0;
    for (int i = 0; i < 11; i++) {
        sum = (uint8_t)(((sum >> 1) | (sum << 7)) + name[i]);
    }
    return sum;
}

// The short name FatFs's create_name makes of a name, with the NS_*
// flags in sfn[11]; *len loses trailing dots and spaces. EINVAL for a
// name FAT cannot hold.
static int make_sfn(const char *name, size_t *len_io, uint8_t *sfn) {
    size_t len = *len_io;
    if (len > FAT_NAME_MAX) {
        return -ESPY_EINVAL;
    }
    for (size_t k = 0; k < len; k++) {
        uint8_t c = (uint8_t)name[k];
        if (c < ' ' || c == 0x7f || strchr("\"*:<>?|\\", c) != NULL) {
            return -ESPY_EINVAL;
        }
    }
    memset(sfn, ' ', 11);
    if ((len == 1 || len == 2) && name[0] == '.' && name[len - 1] == '.') {
        memset(sfn, '.', len);
        sfn[11] = NS_DOT;
        return 0;
    }
    while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '.')) {
        len--;
    }
    if (len == 0) {
        return -ESPY_EINVAL;
    }
    *len_io = len;
    uint8_t flags = 0, cases = 0;       // cases: 2 = upper, 1 = lower; the base's shifted to bits 2-3
    size_t si = 0, dot = len, i = 0, end = 8;
    while (name[si] == ' ' || name[si] == '.') {
        si++;
    }
    if (si > 0) {
        flags |= NS_LOSS | NS_LFN;
    }
    while (dot > 0 && name[dot - 1] != '.') {
        dot--;                          // just after the last dot; 0 without one
    }
    while (si < len) {
        uint8_t c = (uint8_t)name[si++];
        if (c == ' ' || (c == '.' && si != dot)) {
            flags |= NS_LOSS | NS_LFN;
            continue;
        }
        if (i >= end || si == dot) {    // the end of the base or the extension
            if (end == 11) {
                flags |= NS_LOSS | NS_LFN;
                break;
            }
            if (si != dot) {
                flags |= NS_LOSS | NS_LFN;
            }
            if (si > dot) {
                break;
            }
            si = dot;
            i = 8;
            end = 11;
            cases <<= 2;
            continue;
        }
        if (c >= 0x80) {
            flags |= NS_LFN;
            c = cp437_upper[c - 0x80];
        } else if (strchr("+,;=[]", c) != NULL) {
            c = '_';
            flags |= NS_LOSS | NS_LFN;
        } else if (c >= 'A' && c <= 'Z') {
            cases |= 2;
        } else if (c >= 'a' && c <= 'z') {
            cases |= 1;
            c -= 0x20;
        }
        sfn[i++] = c;
    }
    if (sfn[0] == DELETED) {
        sfn[0] = 0x05;
    }
    if (end == 8) {
        cases <<= 2;
    }
    if ((cases & 0x0c) == 0x0c || (cases & 0x03) == 0x03) {
        flags |= NS_LFN;                // mixed case in a part
    }
    if (!(flags & NS_LFN)) {
        flags |= (cases & 1 ? NS_EXT : 0) | (cases & 4 ? NS_BODY : 0);
    }
    sfn[11] = flags;
    return 0;
}

// FatFs's gen_numname: the short name with a ~N tail (attempt n), or for
// n > 5 a tail from a CRC of the long name.
static void numbered_sfn(uint8_t *dst, const uint8_t *src, const char *name, size_t len, uint32_t n) {
    memcpy(dst, src, 11);
    if (n > 5) {
        uint32_t sreg = n;
        for (size_t k = 0; k < len; k++) {
            uint16_t wc = unit_of((uint8_t)name[k]);
            for (int b = 0; b < 16; b++) {
                sreg = (sreg << 1) + (wc & 1);
                wc >>= 1;
                if (sreg & 0x10000) {
                    sreg ^= 0x11021;
                }
            }
        }
        n = sreg;
    }
    uint8_t tail[8];
    int i = 7;
    do {
        uint8_t c = (uint8_t)(n % 16 + '0');
        tail[i--] = c > '9' ? (uint8_t)(c + 7) : c;
        n /= 16;
    } while (n != 0);
    tail[i] = '~';
    int j = 0;
    while (j < i && dst[j] != ' ') {
        j++;
    }
    do {
        dst[j++] = i < 8 ? tail[i++] : ' ';
    } while (j < 8);
}

// Whether a long-name entry holds its part of name (FatFs's cmp_lfn).
static bool lfn_matches(const uint8_t *e, const char *name, size_t len) {
    size_t i = (size_t)((e[0] & 0x3f) - 1) * 13;
    uint16_t wc = 1;
    if (fat_get16(e + FAT_DIR_CLUST) != 0) {
        return false;
    }
    for (int s = 0; s < 13; s++) {
        uint16_t u = fat_get16(e + lfn_offsets[s]);
        if (wc != 0) {
            if (i > FAT_NAME_MAX || upper(u) != upper(i < len ? unit_of((uint8_t)name[i]) : 0)) {
                return false;
            }
            i++;
            wc = u;
        } else if (u != 0xffff) {
            return false;
        }
    }
    return !((e[0] & LFN_LAST) && wc != 0 && i < len);
}

// Copies a long-name entry's part into buf (FatFs's pick_lfn); false for
// a damaged entry or a character outside code page 437.
static bool lfn_pick(const uint8_t *e, char *buf) {
    size_t i = (size_t)((e[0] & 0x3f) - 1) * 13;
    uint16_t wc = 1;
    if (fat_get16(e + FAT_DIR_CLUST) != 0) {
        return false;
    }
    for (int s = 0; s < 13; s++) {
        uint16_t u = fat_get16(e + lfn_offsets[s]);
        if (wc != 0) {
            int c = byte_of(u);
            if (i > FAT_NAME_MAX || c < 0) {
                return false;
            }
            buf[i++] = (char)c;
            wc = u;
        } else if (u != 0xffff) {
            return false;
        }
    }
    if ((e[0] & LFN_LAST) && i <= FAT_NAME_MAX) {
        buf[i] = 0;                     // (else the part ended with its terminator)
    }
    return !(e[0] & LFN_LAST) || i <= FAT_NAME_MAX || buf[FAT_NAME_MAX] == 0;
}

static void put_lfn(uint8_t *e, const char *name, size_t len, uint32_t ord, uint8_t sum) {
    size_t i = (ord - 1) * 13;
    uint16_t wc = 0;
    e[FAT_DIR_ATTR] = FAT_ATTR_LFN;
    e[12] = 0;
    e[13] = sum;
    fat_put16(e + FAT_DIR_CLUST, 0);
    for (int s = 0; s < 13; s++) {
        if (wc != 0xffff) {
            wc = i < len ? unit_of((uint8_t)name[i]) : 0;
            i++;
        }
        fat_put16(e + lfn_offsets[s], wc);
        if (wc == 0) {
            wc = 0xffff;
        }
    }
    e[0] = (uint8_t)(ord | (wc == 0xffff || i >= len ? LFN_LAST : 0));
}

// A short name shown as FatFs shows one without a long name: the case
// flags applied, a dot before a non-empty extension.
static void sfn_show(const uint8_t *e, char *out) {
    size_t n = 0;
    for (int i = 0; i < 11; i++) {
        uint8_t c = e[i] == 0x05 && i == 0 ? DELETED : e[i];
        if (c == ' ') {
            continue;
        }
        if (i == 8) {
            out[n++] = '.';
        }
        if (c >= 'A' && c <= 'Z' && (e[FAT_DIR_NTRES] & (i < 8 ? NS_BODY : NS_EXT))) {
            c += 32;
        }
        out[n++] = (char)c;
    }
    if (n == 0) {
        out[n++] = '?';
    }
    out[n] = 0;
}

// ---- listing -----------------------------------------------------------------------------------------

int fat_dir_read(fat_t *fs, fat_dir_t *d, char *name, uint8_t *entry) {
    uint8_t ord = 0xff, sum = 0;
    for (;;) {
        uint8_t *e;
        int err = fat_dir_entry(fs, d, &e);
        if (err) {
            return err;
        }
        uint8_t c = e[0], a = e[FAT_DIR_ATTR] & 0x3f;
        if (c == 0) {
            return FAT_END;
        }
        if (c == DELETED || c == '.' || (a & ~FAT_ATTR_ARCHIVE) == FAT_ATTR_VOLUME) {
            ord = 0xff;
        } else if (a == FAT_ATTR_LFN) {
            if (c & LFN_LAST) {
                sum = e[13];
                c &= (uint8_t)~LFN_LAST;
                ord = c;
            }
            ord = c == ord && sum == e[13] && lfn_pick(e, name) ? (uint8_t)(ord - 1) : 0xff;
        } else {
            memcpy(entry, e, 32);
            if (ord != 0 || sum != sfn_sum(e)) {
                sfn_show(e, name);
            }
            return 0;
        }
        err = fat_dir_next(fs, d, false);
        if (err) {
            return err;
        }
    }
}

// ---- lookup --------------------------------------------------------------------------------------------

// Finds p's name in p->dir's directory (FatFs's dir_find): by its long
// name, or by its short name when that is exact.
static int dir_find(fat_t *fs, fat_path_t *p) {
    uint8_t ord = 0xff, sum = 0, flags = p->sfn[11], *e;
    int err = fat_dir_start(fs, &p->dir, p->dir.sclust);
    p->lfn_index = NO_INDEX;
    for (; !err; err = fat_dir_next(fs, &p->dir, false)) {
        err = fat_dir_entry(fs, &p->dir, &e);
        if (err || e[0] == 0) {
            return err ? err : FAT_END;
        }
        uint8_t c = e[0], a = e[FAT_DIR_ATTR] & 0x3f;
        if (c == DELETED || ((a & FAT_ATTR_VOLUME) && a != FAT_ATTR_LFN)) {
            ord = 0xff;
            p->lfn_index = NO_INDEX;
        } else if (a == FAT_ATTR_LFN) {
            if (!(flags & (NS_SFN_ONLY | NS_DOT))) {
                if (c & LFN_LAST) {
                    sum = e[13];
                    c &= (uint8_t)~LFN_LAST;
                    ord = c;
                    p->lfn_index = p->dir.index;
                }
                ord = c == ord && sum == e[13] && lfn_matches(e, p->name, p->len) ? (uint8_t)(ord - 1) : 0xff;
            }
        } else if ((ord == 0 && sum == sfn_sum(e)) || (!(flags & NS_LOSS) && memcmp(e, p->sfn, 11) == 0)) {
            memcpy(p->entry, e, 32);
            if (p->lfn_index == NO_INDEX) {
                p->lfn_index = p->dir.index;
            }
            return 0;
        } else {
            ord = 0xff;
            p->lfn_index = NO_INDEX;
        }
    }
    return err;
}

static bool is_separator(char c) {
    return c == '/' || c == '\\';
}

int fat_path_find(fat_t *fs, const char *path, fat_path_t *p) {
    p->is_root = true;
    p->len = 0;
    memset(p->sfn, ' ', 11);
    p->sfn[11] = 0;
    int err = fat_dir_start(fs, &p->dir, 0);
    while (!err) {
        bool separated = is_separator(*path);
        while (is_separator(*path)) {
            path++;
        }
        if (*path == 0) {
            // "file/" is no file.
            return separated && !p->is_root && !(p->entry[FAT_DIR_ATTR] & FAT_ATTR_DIR) ? -ESPY_ENOENT : 0;
        }
        if (!p->is_root) {              // into the directory found last
            uint32_t clust = fat_entry_clust(fs, p->entry);
            if (!(p->entry[FAT_DIR_ATTR] & FAT_ATTR_DIR)) {
                return -ESPY_ENOENT;
            }
            if (clust != 0 && clust == p->avoid) {
                return -ESPY_EINVAL;    // a directory moved into itself
            }
            err = fat_dir_start(fs, &p->dir, clust);      // ".." of a top directory is 0: the root
            if (err) {
                return err;
            }
        }
        p->name = path;
        while (*path != 0 && !is_separator(*path)) {
            path++;
        }
        p->len = (size_t)(path - p->name);
        err = make_sfn(p->name, &p->len, p->sfn);
        if (!err) {
            err = dir_find(fs, p);
        }
        if (err == FAT_END && (p->sfn[11] & NS_DOT) && p->dir.sclust == 0) {
            p->is_root = true;          // the root has no dot entries: they name it
            err = fat_dir_start(fs, &p->dir, 0);
            continue;
        }
        if (err == FAT_END) {
            while (is_separator(*path)) {
                path++;
            }
            return *path != 0 ? -ESPY_ENOENT : FAT_END;
        }
        p->is_root = false;
    }
    return err;
}

// ---- making and removing entries ----------------------------------------------------------------------

int fat_path_register(fat_t *fs, fat_path_t *p) {
    uint8_t *sfn = p->sfn, *e;
    int err = 0;
    if (sfn[11] & NS_DOT) {
        return -ESPY_EINVAL;
    }
    if (sfn[11] & NS_LOSS) {            // a short name no other entry has
        fat_path_t q = *p;
        uint32_t n = 1;
        for (; n < 100; n++) {
            numbered_sfn(q.sfn, sfn, p->name, p->len, n);
            q.sfn[11] = NS_SFN_ONLY;
            err = dir_find(fs, &q);
            if (err) {
                break;
            }
        }
        if (err != FAT_END) {
            return n == 100 ? -ESPY_EACCES : err;
        }
        memcpy(sfn, q.sfn, 11);
    }
    // A run of free entries for the long name's parts and the short name.
    uint32_t need = (sfn[11] & NS_LFN) ? (uint32_t)(p->len + 12) / 13 + 1 : 1, found = 0;
    fat_dir_t first = p->dir;
    err = fat_dir_start(fs, &p->dir, p->dir.sclust);
    while (!err) {
        err = fat_dir_entry(fs, &p->dir, &e);
        if (err) {
            break;
        }
        if (e[0] != DELETED && e[0] != 0) {
            found = 0;
        } else if (found++ == 0) {
            first = p->dir;
        }
        if (found == need) {
            break;
        }
        err = fat_dir_next(fs, &p->dir, true);
    }
    if (err) {
        return err == FAT_END ? -ESPY_EACCES : err;
    }
    p->dir = first;
    p->lfn_index = first.index;
    uint8_t sum = sfn_sum(sfn);
    for (uint32_t k = need - 1; k > 0 && !err; k--) {
        err = fat_dir_entry(fs, &p->dir, &e);
        if (!err) {
            put_lfn(e, p->name, p->len, k, sum);
            fs->win_dirty = true;
            err = fat_dir_next(fs, &p->dir, false);
        }
    }
    if (!err) {
        err = fat_dir_entry(fs, &p->dir, &e);
    }
    if (!err) {
        memset(e, 0, 32);
        memcpy(e, sfn, 11);
        e[FAT_DIR_NTRES] = sfn[11] & (NS_BODY | NS_EXT);
        fs->win_dirty = true;
    }
    return err == FAT_END ? -ESPY_EIO : err;
}

int fat_path_remove(fat_t *fs, fat_path_t *p) {
    fat_dir_t d = p->dir;
    int err = dir_seek(fs, &d, p->lfn_index);
    while (!err) {
        uint8_t *e;
        err = fat_dir_entry(fs, &d, &e);
        if (err) {
            break;
        }
        e[0] = DELETED;
        fs->win_dirty = true;
        if (d.index >= p->dir.index) {
            break;
        }
        err = fat_dir_next(fs, &d, false);
    }
    return err == FAT_END ? -ESPY_EIO : err;
}
