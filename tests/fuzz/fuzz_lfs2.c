// SPDX-License-Identifier: MIT
// libFuzzer target: littlefs (lib/lfs2*.c) mounting and walking corrupted
// images. Every input becomes the image of a small RAM block device (32
// blocks of 256 bytes); then the filesystem is mounted, every directory
// walked, every entry stat'ed and every file read, some changes are made
// (create, write, rename, mkdir, remove), and it is walked and mounted
// again. An error code anywhere is a normal outcome; a crash, a hang, a
// sanitizer report or an access outside the device is not.
//
// An input is a header byte and a body:
//
//     bit 0    recompute the commit CRCs of the blocks the body touched, so
//              that the damage reaches the parser instead of being dropped
//              as a torn commit
//     bits 1-3 the base image: 0 erased flash, 1-7 images made here by a
//              fixed script (files inline and in CTZ lists, directories
//              split over several pairs, pairs moved by wear levelling, an
//              expanded superblock, a rename and a removal cut by a power
//              loss: pending move and orphans)
//     bit 4    the body is raw image bytes laid from offset 0; otherwise a
//              list of patches: block (1 byte), offset (1), length (1,
//              at most 32), bytes
//     bit 5    the changes lose power after as many programs and erases
//              as the input's last byte says; after the remount, changes
//              again (the repairs: a move completed, orphans fixed)
//     bit 6    block_cycles 2 instead of 100: pairs move all the time
//
// With FUZZ_LFS2_SEEDS=dir set, the first run writes seed inputs there.
//
//     clang -fsanitize=fuzzer,address,undefined -Ilib -o build/fuzz/fuzz_lfs2 \
//         tests/fuzz/fuzz_lfs2.c lib/lfs2_meta.c lib/lfs2_fs.c lib/lfs2_file.c
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lfs2_impl.h"

#define BLOCK 256
#define BLOCKS 32
#define IMAGE (BLOCK * BLOCKS)
#define BASES 8

static uint8_t image[IMAGE];
static uint8_t bases[BASES][IMAGE];
static long cut_left = -1;      // programs and erases before the power goes (-1: never)

static void bounds(uint32_t block, uint32_t off, uint32_t size) {
    if (block >= BLOCKS || off > BLOCK || size > BLOCK - off) {
        fprintf(stderr, "littlefs accessed block %u offset %u size %u\n", (unsigned)block, (unsigned)off,
                (unsigned)size);
        abort();
    }
}

static int dev_read(void *c, uint32_t block, uint32_t off, void *buf, uint32_t size) {
    bounds(block, off, size);
    memcpy(buf, image + block * BLOCK + off, size);
    return 0;
}

static int dev_prog(void *c, uint32_t block, uint32_t off, const void *buf, uint32_t size) {
    bounds(block, off, size);
    if (cut_left == 0) {
        return LFS2_ERR_IO;
    }
    cut_left -= cut_left > 0;
    const uint8_t *b = buf;
    for (uint32_t i = 0; i < size; i++) {
        image[block * BLOCK + off + i] &= b[i];
    }
    return 0;
}

static int dev_erase(void *c, uint32_t block) {
    bounds(block, 0, BLOCK);
    if (cut_left == 0) {
        return LFS2_ERR_IO;
    }
    cut_left -= cut_left > 0;
    memset(image + block * BLOCK, 0xff, BLOCK);
    return 0;
}

static int dev_sync(void *c) {
    return 0;
}

static uint8_t rbuf[128], pbuf[128], lbuf[4], fbuf[2][128];

static void setup(lfs2_t *lfs, int32_t cycles) {
    memset(lfs, 0, sizeof(*lfs));
    lfs->cfg = (lfs2_config_t){NULL, dev_read, dev_prog, dev_erase, dev_sync, 32, 32, BLOCK, BLOCKS, 128, 4, cycles};
    lfs->rcache.buffer = rbuf;
    lfs->pcache.buffer = pbuf;
    lfs->lookahead.buffer = lbuf;
}

static void file_init(lfs2_file_t *f, int which) {
    static uint8_t mtime[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    memset(f, 0, sizeof(*f));
    f->cache.buffer = fbuf[which];
    f->mtime = mtime;
}

static int put(lfs2_t *lfs, const char *path, uint32_t size, uint8_t seed) {
    lfs2_file_t f;
    file_init(&f, 0);
    int err = lfs2_file_open(lfs, &f, path, LFS2_O_WRONLY | LFS2_O_CREAT | LFS2_O_TRUNC);
    if (err) {
        return err;
    }
    uint8_t chunk[61];
    for (uint32_t done = 0; done < size && !err; done += sizeof(chunk)) {
        for (uint32_t i = 0; i < sizeof(chunk); i++) {
            chunk[i] = (uint8_t)(seed + done + i);
        }
        int32_t n = lfs2_file_write(lfs, &f, chunk, lfs2_min(size - done, sizeof(chunk)));
        err = n < 0 ? n : 0;
    }
    int cerr = lfs2_file_close(lfs, &f);
    return err ? err : cerr;
}

// ---- the base images ------------------------------------------------------------------------------

static void make_base(int which) {
    lfs2_t lfs;
    memset(image, 0xff, IMAGE);
    if (which == 0) {
        memcpy(bases[0], image, IMAGE);
        return;
    }
    setup(&lfs, which >= 4 ? 2 : 100);
    lfs2_format(&lfs);
    lfs2_mount(&lfs);
    char name[32];
    switch (which) {
    case 1:                     // a few files and directories
        lfs2_mkdir(&lfs, "d");
        lfs2_mkdir(&lfs, "d/e");
        put(&lfs, "small", 40, 1);
        put(&lfs, "d/big", 900, 2);
        put(&lfs, "d/e/mid", 300, 3);
        break;
    case 2:                     // many entries: directories split over several pairs
        lfs2_mkdir(&lfs, "many");
        for (int i = 0; i < 14; i++) {
            snprintf(name, sizeof(name), "many/f%02d", (i * 5) % 14);
            put(&lfs, name, (uint32_t)(i * 37 % 90), (uint8_t)i);
        }
        lfs2_mkdir(&lfs, "many/sub");
        put(&lfs, "many/sub/x", 500, 9);
        break;
    case 3:                     // a CTZ list of many blocks
        put(&lfs, "long", 3000, 4);
        lfs2_mkdir(&lfs, "a");
        put(&lfs, "a/b", 10, 5);
        break;
    case 4:                     // block_cycles 2: pairs moved, the superblock expanded
    case 5:
        lfs2_mkdir(&lfs, "d");
        for (int i = 0; i < (which == 4 ? 60 : 25); i++) {
            snprintf(name, sizeof(name), i % 3 ? "d/f%d" : "r%d", i % 4);
            put(&lfs, name, (uint32_t)(i * 11 % 120), (uint8_t)i);
        }
        if (which == 5) {
            lfs2_mkdir(&lfs, "d/g");
            put(&lfs, "d/g/h", 400, 7);
        }
        break;
    case 6:                     // a rename across pairs cut between its commits: a pending move
        lfs2_mkdir(&lfs, "d");
        put(&lfs, "d/moving", 20, 6);
        put(&lfs, "stay", 20, 7);
        lfs2_unmount(&lfs);
        memcpy(bases[which], image, IMAGE);
        for (long cut = 1; cut < 20; cut++) {
            memcpy(image, bases[which], IMAGE);
            setup(&lfs, 100);
            lfs2_mount(&lfs);
            cut_left = cut;
            lfs2_rename(&lfs, "d/moving", "moved");
            cut_left = -1;
            setup(&lfs, 100);
            if (lfs2_mount(&lfs) == 0 && lfs2_gstate_has_move(&lfs.gstate)) {
                break;
            }
        }
        break;
    case 7:                     // a directory removal cut: an orphan
        lfs2_mkdir(&lfs, "keep");
        lfs2_mkdir(&lfs, "gone");
        put(&lfs, "keep/f", 200, 8);
        cut_left = 1;
        lfs2_remove(&lfs, "gone");
        cut_left = -1;
        break;
    }
    lfs2_unmount(&lfs);
    memcpy(bases[which], image, IMAGE);
}

// ---- the input ------------------------------------------------------------------------------------

// Recomputes the CRC of every commit in block b (spec 2.5), as a writer
// would have written them around whatever tags are there.
static void fix_crcs(uint32_t b) {
    uint8_t *blk = image + b * BLOCK;
    uint32_t crc = lfs2_crc(0xffffffff, blk, 4), off = 4, ptag = 0xffffffff;
    while (off + 4 <= BLOCK) {
        uint32_t raw =
            (uint32_t)blk[off] << 24 | (uint32_t)blk[off + 1] << 16 | (uint32_t)blk[off + 2] << 8 | blk[off + 3];
        uint32_t tag = raw ^ ptag;
        if (!TAG_IS_VALID(tag) || off + TAG_DSIZE(tag) > BLOCK) {
            return;
        }
        crc = lfs2_crc(crc, blk + off, 4);
        ptag = tag;
        if (TAG_TYPE2(tag) == TYPE_CRC) {
            if (TAG_SIZE(tag) < 4) {
                return;
            }
            lfs2_put_le32(blk + off + 4, crc);
            ptag ^= (uint32_t)(TAG_CHUNK(tag) & 1) << 31;
            crc = 0xffffffff;
        } else {
            crc = lfs2_crc(crc, blk + off + 4, TAG_DSIZE(tag) - 4);
        }
        off += TAG_DSIZE(tag);
    }
}

static void load(const uint8_t *data, size_t size) {
    uint8_t flags = size > 0 ? data[0] : 0;
    memcpy(image, bases[(flags >> 1) & 7], IMAGE);
    data++, size -= size > 0;
    bool touched[BLOCKS] = {false};
    if (flags & 0x10) {
        size = size < IMAGE ? size : IMAGE;
        memcpy(image, data, size);
        for (size_t b = 0; b * BLOCK < size; b++) {
            touched[b] = true;
        }
    } else {
        while (size >= 3) {
            uint32_t block = data[0] % BLOCKS, off = data[1], len = data[2] % 33;
            data += 3, size -= 3;
            len = lfs2_min(lfs2_min(len, (uint32_t)size), BLOCK - off);
            memcpy(image + block * BLOCK + off, data, len);
            touched[block] = true;
            data += len, size -= len;
        }
    }
    if (flags & 1) {
        for (uint32_t b = 0; b < BLOCKS; b++) {
            if (touched[b]) {
                fix_crcs(b);
            }
        }
    }
}

// ---- what is done with it -------------------------------------------------------------------------

static void walk(lfs2_t *lfs, const char *path, int depth) {
    lfs2_dir_t dir;
    lfs2_info_t info;
    memset(&dir, 0, sizeof(dir));
    if (lfs2_dir_open(lfs, &dir, path) != 0) {
        return;
    }
    for (int n = 0; n < 200 && lfs2_dir_read(lfs, &dir, &info) == 1; n++) {
        char sub[300];
        snprintf(sub, sizeof(sub), "%s/%s", path, info.name);
        lfs2_info_t again;
        lfs2_stat(lfs, sub, &again);
        uint8_t mtime[8];
        lfs2_getattr(lfs, sub, 1, mtime, sizeof(mtime));
        if (info.type == LFS2_TYPE_DIR && depth < 6) {
            walk(lfs, sub, depth + 1);
        } else if (info.type == LFS2_TYPE_REG) {
            lfs2_file_t f;
            file_init(&f, 1);
            if (lfs2_file_open(lfs, &f, sub, LFS2_O_RDONLY) == 0) {
                static uint8_t buf[4096];
                lfs2_file_read(lfs, &f, buf, sizeof(buf));
                lfs2_file_seek(lfs, &f, (int32_t)(info.size / 2), 0);
                lfs2_file_read(lfs, &f, buf, 100);
                lfs2_file_close(lfs, &f);
            }
        }
    }
    lfs2_dir_close(lfs, &dir);
}

static void changes(lfs2_t *lfs) {
    put(lfs, "new", 300, 1);
    put(lfs, "tiny", 10, 2);
    lfs2_mkdir(lfs, "nd");
    lfs2_rename(lfs, "new", "nd/new");
    lfs2_file_t f;
    file_init(&f, 0);
    if (lfs2_file_open(lfs, &f, "nd/new", LFS2_O_RDWR | LFS2_O_APPEND) == 0) {
        lfs2_file_write(lfs, &f, "appended", 8);
        lfs2_file_seek(lfs, &f, 5, 0);
        lfs2_file_write(lfs, &f, "middle", 6);
        lfs2_file_close(lfs, &f);
    }
    lfs2_remove(lfs, "tiny");
    lfs2_remove(lfs, "d");
    lfs2_rename(lfs, "small", "d/e/small");
    lfs2_fs_size(lfs);
}

static void write_seeds(const char *dir) {
    static uint8_t seed[1 + IMAGE];
    char path[512];
    int n = 0;
    for (int base = 0; base < BASES; base++) {
        for (int fix = 0; fix < 2; fix++) {
            // a few patches over the base image: one byte in block 0, one near a commit
            uint8_t patch[] = {(uint8_t)(base << 1 | fix | (base & 1) << 6 | (base & 2) << 4), 0, 0x40, 1, 0x5a, 1,
                               0x10, 2, 0x00, (uint8_t)(base * 5 + fix)};
            snprintf(path, sizeof(path), "%s/base%d-%d", dir, base, fix);
            FILE *f = fopen(path, "wb");
            if (f != NULL) {
                fwrite(patch, 1, sizeof(patch), f);
                fclose(f);
                n++;
            }
        }
        // the whole image, raw
        seed[0] = (uint8_t)(0x10 | base << 1);
        memcpy(seed + 1, bases[base], IMAGE);
        snprintf(path, sizeof(path), "%s/raw%d", dir, base);
        FILE *f = fopen(path, "wb");
        if (f != NULL) {
            fwrite(seed, 1, sizeof(seed), f);
            fclose(f);
            n++;
        }
    }
    fprintf(stderr, "fuzz_lfs2: %d seeds written to %s\n", n, dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    for (int i = 0; i < BASES; i++) {
        make_base(i);
    }
    const char *dir = getenv("FUZZ_LFS2_SEEDS");
    if (dir != NULL) {
        write_seeds(dir);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    load(data, size);
    uint8_t flags = size > 0 ? data[0] : 0;
    int32_t cycles = (flags & 0x40) ? 2 : 100;
    lfs2_t lfs;
    setup(&lfs, cycles);
    if (lfs2_mount(&lfs) == 0) {
        walk(&lfs, "/", 0);
        cut_left = (flags & 0x20) ? data[size - 1] : -1;
        changes(&lfs);
        cut_left = -1;
        walk(&lfs, "/", 0);
        lfs2_unmount(&lfs);
        setup(&lfs, cycles);
        if (lfs2_mount(&lfs) == 0) {
            walk(&lfs, "", 0);
            if (flags & 0x20) {
                changes(&lfs);
                walk(&lfs, "/", 0);
            }
            lfs2_unmount(&lfs);
        }
    }
    return 0;
}
