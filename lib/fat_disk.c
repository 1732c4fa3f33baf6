// SPDX-License-Identifier: MIT
// FAT volumes (fat.h): the one-sector window, FAT entries and cluster
// chains, mount with its checks, mkfs as VfsFat.mkfs formats on the
// ESP8266 (spec 4.2-4.4), and the packed FAT timestamps (spec 4.7).
#include <string.h>

#include "fat.h"

#define MAX_FAT12 4085          // FatFs's limits (spec 4.4): at most 4085 clusters is FAT12
#define MAX_FAT16 65525

uint16_t fat_get16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}

uint32_t fat_get32(const uint8_t *p) {
    return fat_get16(p) | (uint32_t)fat_get16(p + 2) << 16;
}

void fat_put16(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void fat_put32(uint8_t *p, uint32_t v) {
    fat_put16(p, v);
    fat_put16(p + 2, v >> 16);
}

// ---- the window ---------------------------------------------------------------------------------

// Writes the window back if it changed; a FAT sector goes to both copies.
int fat_win_flush(fat_t *fs) {
    if (!fs->win_dirty) {
        return 0;
    }
    int err = blockdev_write_block(&fs->bdev, fs->win_sect, fs->win);
    if (!err && fs->n_fats == 2 && fs->win_sect - fs->fat_base < fs->fat_size) {
        err = blockdev_write_block(&fs->bdev, fs->win_sect + fs->fat_size, fs->win);
    }
    fs->win_dirty = err != 0;
    return err;
}

int fat_win_load(fat_t *fs, uint32_t sect) {
    if (sect == fs->win_sect) {
        return 0;
    }
    int err = fat_win_flush(fs);        // (a dirty window that failed stays as it is)
    if (!err) {
        err = blockdev_read_block(&fs->bdev, sect, fs->win);
        fs->win_sect = err ? FAT_NO_SECTOR : sect;
    }
    return err;
}

int fat_sync(fat_t *fs) {
    int err = fat_win_flush(fs);
    return err ? err : blockdev_sync(&fs->bdev);
}

// Whole sectors of file data, around the window (whose copy of a sector,
// if it holds one, is the newer).
int fat_read_sectors(fat_t *fs, uint32_t sect, uint8_t *buf, uint32_t n) {
    for (uint32_t i = 0; i < n; i++, buf += fs->ss) {
        int err = blockdev_read_block(&fs->bdev, sect + i, buf);
        if (err) {
            return err;
        }
        if (fs->win_dirty && sect + i == fs->win_sect) {
            memcpy(buf, fs->win, fs->ss);
        }
    }
    return 0;
}

int fat_write_sectors(fat_t *fs, uint32_t sect, const uint8_t *buf, uint32_t n) {
    for (uint32_t i = 0; i < n; i++, buf += fs->ss) {
        int err = blockdev_write_block(&fs->bdev, sect + i, buf);
        if (err) {
            return err;
        }
        if (sect + i == fs->win_sect) {
            memcpy(fs->win, buf, fs->ss);
            fs->win_dirty = false;
        }
    }
    return 0;
}

// ---- FAT entries and chains -----------------------------------------------------------------------

uint32_t fat_clust_sect(const fat_t *fs, uint32_t clust) {
    return fs->data_base + (clust - 2) * fs->csize;
}

static uint32_t end_of_chain(const fat_t *fs) {
    return fs->fat_type == 16 ? 0xfff8 : 0xff8;
}

// Byte `offset` of the FAT, in the window. FAT12 entries may straddle two
// sectors, so they are taken byte by byte.
static int fat_byte(fat_t *fs, uint32_t offset, uint8_t **p) {
    int err = fat_win_load(fs, fs->fat_base + offset / fs->ss);
    *p = fs->win + offset % fs->ss;
    return err;
}

// Entry clust (2 <= clust < n_fatent: the FAT was checked to hold them).
static int get_entry(fat_t *fs, uint32_t clust, uint32_t *value) {
    uint8_t *p;
    bool fat16 = fs->fat_type == 16;
    uint32_t off = fat16 ? clust * 2 : clust + clust / 2;
    int err = fat_byte(fs, off, &p);
    if (err) {
        return err;
    }
    uint32_t v = *p;
    err = fat_byte(fs, off + 1, &p);
    v |= (uint32_t)*p << 8;
    *value = fat16 ? v : clust & 1 ? v >> 4 : v & 0xfff;
    return err;
}

static int put_entry(fat_t *fs, uint32_t clust, uint32_t value) {
    uint8_t *p;
    bool fat16 = fs->fat_type == 16, odd = !fat16 && (clust & 1);
    uint32_t off = fat16 ? clust * 2 : clust + clust / 2;
    int err = fat_byte(fs, off, &p);
    if (err) {
        return err;
    }
    *p = odd ? (uint8_t)((*p & 0x0f) | (value << 4 & 0xf0)) : (uint8_t)value;
    fs->win_dirty = true;
    err = fat_byte(fs, off + 1, &p);
    if (err) {
        return err;
    }
    *p = fat16 || odd ? (uint8_t)(value >> (fat16 ? 8 : 4)) : (uint8_t)((*p & 0xf0) | (value >> 8 & 0x0f));
    fs->win_dirty = true;
    return 0;
}

int fat_next(fat_t *fs, uint32_t clust, uint32_t *next) {
    uint32_t v = 0;
    int err = clust >= 2 && clust < fs->n_fatent ? get_entry(fs, clust, &v) : -ESPY_EIO;
    if (err) {
        return err;
    }
    if (v >= end_of_chain(fs)) {
        *next = 0;
        return 0;
    }
    *next = v;
    // A free, reserved or bad cluster inside a chain, or one off the volume.
    return v < 2 || v >= fs->n_fatent ? -ESPY_EIO : 0;
}

// As FatFs's create_chain: a chain grows into the cluster right after its
// end when that is free, else the search starts after the cluster
// allocated last.
int fat_alloc(fat_t *fs, uint32_t prev, uint32_t *clust) {
    uint32_t n = prev, v = 1;
    int err = 0;
    if (prev != 0) {
        n = prev + 1 < fs->n_fatent ? prev + 1 : 2;
        err = get_entry(fs, n, &v);
    }
    if (v != 0 && !err) {
        n = fs->last_clust >= 2 && fs->last_clust < fs->n_fatent ? fs->last_clust : 1;
        for (uint32_t tried = 2;; tried++) {
            if (tried >= fs->n_fatent) {
                return -ESPY_ENOSPC;
            }
            n = n + 1 < fs->n_fatent ? n + 1 : 2;
            err = get_entry(fs, n, &v);
            if (err || v == 0) {
                break;
            }
        }
    }
    if (!err) {
        err = put_entry(fs, n, fs->fat_type == 16 ? 0xffff : 0xfff);
    }
    if (!err && prev != 0) {
        err = put_entry(fs, prev, n);
    }
    if (!err) {
        fs->last_clust = n;
        *clust = n;
    }
    return err;
}

// Frees as it goes, so a chain that loops stops at the first cluster
// already freed, as FatFs's remove_chain does; a damaged link ends it.
int fat_free_chain(fat_t *fs, uint32_t clust) {
    while (clust >= 2 && clust < fs->n_fatent) {
        uint32_t next;
        int err = get_entry(fs, clust, &next);
        if (!err && next != 0) {
            err = put_entry(fs, clust, 0);
        }
        if (err || next == 0) {
            return err;
        }
        clust = next;
    }
    return 0;
}

int fat_count_free(fat_t *fs, uint32_t *n) {
    *n = 0;
    for (uint32_t c = 2; c < fs->n_fatent; c++) {
        uint32_t v;
        int err = get_entry(fs, c, &v);
        if (err) {
            return err;
        }
        *n += v == 0;
    }
    return 0;
}

int fat_clear_cluster(fat_t *fs, uint32_t clust) {
    int err = fat_win_flush(fs);
    if (err) {
        return err;
    }
    uint32_t sect = fat_clust_sect(fs, clust);
    memset(fs->win, 0, fs->ss);
    for (uint32_t i = 1; i < fs->csize && !err; i++) {
        err = blockdev_write_block(&fs->bdev, sect + i, fs->win);
    }
    fs->win_sect = sect;
    fs->win_dirty = true;
    return err;
}

// ---- mount and mkfs ---------------------------------------------------------------------------------

static int check_sector_size(fat_t *fs) {
    uint32_t ss = fs->bdev.block_size;
    fs->fat_type = 0;
    fs->n_fats = 0;
    fs->win_sect = FAT_NO_SECTOR;
    fs->win_dirty = false;
    fs->ss = (uint16_t)ss;
    // FatFs's limits (FF_MIN_SS, FF_MAX_SS): a disk error for any other.
    return ss < 512 || ss > 4096 || (ss & (ss - 1)) ? -ESPY_EIO : 0;
}

// Spec 4.8: what FatFs checks, plus that the volume fits the device.
// ENODEV for anything that is not a FAT12/16 volume it can use.
int fat_mount(fat_t *fs) {
    int err = check_sector_size(fs);
    if (!err) {
        err = fat_win_load(fs, 0);
    }
    if (err) {
        return err;
    }
    const uint8_t *b = fs->win;
    uint32_t ss = fs->ss;
    if (fat_get16(b + 510) != 0xaa55 || (b[0] != 0xeb && b[0] != 0xe9 && b[0] != 0xe8)
        || (memcmp(b + 54, "FAT", 3) != 0 && memcmp(b + 82, "FAT32", 5) != 0)) {
        return -ESPY_ENODEV;
    }
    uint32_t fat_size = fat_get16(b + 22) ? fat_get16(b + 22) : fat_get32(b + 36);
    uint32_t total = fat_get16(b + 19) ? fat_get16(b + 19) : fat_get32(b + 32);
    uint32_t n_fats = b[16], csize = b[13], root = fat_get16(b + 17), reserved = fat_get16(b + 14);
    if (fat_get16(b + 11) != ss || (n_fats != 1 && n_fats != 2) || csize == 0 || (csize & (csize - 1))
        || root == 0 || root % (ss / 32) != 0 || reserved == 0 || fat_size == 0 || total > fs->bdev.block_count) {
        return -ESPY_ENODEV;
    }
    uint64_t data = (uint64_t)reserved + (uint64_t)fat_size * n_fats + root / (ss / 32);
    if (total <= data) {
        return -ESPY_ENODEV;
    }
    uint32_t clusters = (uint32_t)((total - data) / csize);
    // FAT32 (more than 65525 clusters) is not made or read here.
    uint32_t fat_bytes = clusters <= MAX_FAT12 ? (clusters + 2) * 3 / 2 + ((clusters + 2) & 1) : (clusters + 2) * 2;
    if (clusters == 0 || clusters > MAX_FAT16 || fat_size < (fat_bytes + ss - 1) / ss) {
        return -ESPY_ENODEV;
    }
    fs->n_sects = total;
    fs->n_fatent = clusters + 2;
    fs->fat_base = reserved;
    fs->fat_size = fat_size;
    fs->root_base = reserved + fat_size * n_fats;
    fs->data_base = (uint32_t)data;
    fs->root_entries = (uint16_t)root;
    fs->csize = (uint8_t)csize;
    fs->n_fats = (uint8_t)n_fats;
    fs->last_clust = 0;
    fs->fat_type = clusters <= MAX_FAT12 ? 12 : 16;
    return 0;
}

// FatFs's f_mkfs(FM_FAT | FM_SFD, cluster size 0) with its constants: one
// FAT, 512 root entries, 1 reserved sector, no MBR (spec 4.2). Too small
// a volume (under 16 clusters) is EIO, as FatFs's FR_MKFS_ABORTED.
int fat_mkfs(fat_t *fs) {
    static const uint16_t table[] = {1, 4, 16, 64, 256, 512};
    int err = check_sector_size(fs);
    if (err) {
        return err;
    }
    uint32_t ss = fs->ss, size = fs->bdev.block_count, n = size / 4096, pau = 1;
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]) && table[i] <= n; i++) {
        pau <<= 1;
    }
    uint32_t dir_sects = 512 * 32 / ss, fat_sects, clusters;
    bool fat16, retried = false;
    for (;;) {
        clusters = size / pau;
        fat16 = clusters > MAX_FAT12;
        fat_sects = ((fat16 ? clusters * 2 + 4 : (clusters * 3 + 1) / 2 + 3) + ss - 1) / ss;
        uint32_t data = 1 + fat_sects + dir_sects;
        if (size < data + pau * 16) {
            return -ESPY_EIO;
        }
        clusters = (size - data) / pau;
        bool bad = fat16 ? clusters > MAX_FAT16 || clusters <= MAX_FAT12 : clusters > MAX_FAT12;
        if (!bad) {
            break;
        }
        if (retried || !fat16 || pau * 2 > 128) {
            return -ESPY_EIO;
        }
        pau *= 2;
        retried = true;
    }
    // The boot sector (spec 4.3).
    uint8_t *b = fs->win;
    memset(b, 0, ss);
    memcpy(b, "\xeb\xfe\x90MSDOS5.0", 11);
    fat_put16(b + 11, ss);
    b[13] = (uint8_t)pau;
    fat_put16(b + 14, 1);
    b[16] = 1;
    fat_put16(b + 17, 512);
    if (size < 0x10000) {
        fat_put16(b + 19, size);
    } else {
        fat_put32(b + 32, size);
    }
    b[21] = 0xf8;
    fat_put16(b + 22, fat_sects);
    fat_put16(b + 24, 63);
    fat_put16(b + 26, 255);
    b[36] = 0x80;
    b[38] = 0x29;
    fat_put32(b + 39, fat_time_now());
    memcpy(b + 43, "NO NAME    FAT     ", 19);
    fat_put16(b + 510, 0xaa55);
    err = blockdev_write_block(&fs->bdev, 0, b);
    // The FAT: entries 0 and 1, the rest free; then the empty root.
    memset(b, 0, ss);
    memcpy(b, "\xf8\xff\xff\xff", fat16 ? 4 : 3);
    for (uint32_t s = 1; s <= fat_sects + dir_sects && !err; s++) {
        err = blockdev_write_block(&fs->bdev, s, b);
        memset(b, 0, 4);
    }
    return err ? err : blockdev_sync(&fs->bdev);
}

// ---- timestamps ---------------------------------------------------------------------------------------

static bool is_leap(uint32_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static uint32_t month_days(uint32_t y, uint32_t m) {     // m 0..11
    static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[m] + (m == 1 && is_leap(y));
}

// The clock (seconds since 2000, local time, as the board keeps it) as
// FatFs's get_fattime packs it; 2107-12-31 is the last date FAT can hold.
uint32_t fat_time_now(void) {
    int64_t secs = hal_clock_us() / 1000000;
    uint32_t s = secs < 0 ? 0 : (uint32_t)secs, days = s / 86400, rest = s % 86400, y = 2000, m = 0;
    while (days >= 365u + is_leap(y)) {
        days -= 365u + is_leap(y);
        y++;
    }
    while (days >= month_days(y, m)) {
        days -= month_days(y, m);
        m++;
    }
    if (y > 2107) {
        return 127u << 25 | 12u << 21 | 31u << 16 | 23u << 11 | 59u << 5 | 29u;
    }
    return (y - 1980) << 25 | (m + 1) << 21 | (days + 1) << 16 | (rest / 3600) << 11 | (rest / 60 % 60) << 5
           | (rest % 60) / 2;
}

// Seconds since 2000 of a FAT date and time (out-of-range fields clamped).
int64_t fat_time_seconds(uint16_t date, uint16_t time) {
    uint32_t y = 1980 + (date >> 9), m = (date >> 5) & 15, d = date & 31;
    m = m < 1 ? 1 : m > 12 ? 12 : m;
    int64_t days = (d < 1 ? 1 : d) - 1;
    for (uint32_t i = 0; i + 1 < m; i++) {
        days += month_days(y, i);
    }
    for (uint32_t i = y; i < 2000; i++) {
        days -= 365 + is_leap(i);
    }
    for (uint32_t i = 2000; i < y; i++) {
        days += 365 + is_leap(i);
    }
    return days * 86400 + (time >> 11) * 3600 + ((time >> 5) & 63) * 60 + (time & 31) * 2;
}
