// SPDX-License-Identifier: MIT
// littlefs (lib/lfs2*.c) on its own: the bytes of spec section 2.13 (mkfs,
// creating boot.py, closing it as a CTZ file with its mtime, the CTZ
// pointers of a 20000-byte file), then random operations checked against
// a model of the files, with remounts, on a simulated NOR flash (erase
// sets 0xff, program only clears bits, a program over unerased bytes is
// counted as an error), also with bad blocks; wear levelling (the erases
// of a file rewritten 10000 times spread over the flash); power cuts
// after every program and erase of hundreds of operations on a flash
// where metadata pairs move every few compactions; damaged images.
//
//     make -f tests/unit/lfs2.mk test-lfs2
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lfs2_impl.h"

#define BLOCK 4096
#define BLOCKS 251

// The simulated flash: BLOCKS blocks of BLOCK bytes at most; the tests of
// wear and power cuts use other geometries (fl_block, fl_blocks).
static uint8_t flash[BLOCKS * BLOCK];
static uint32_t fl_block = BLOCK, fl_blocks = BLOCKS;
static unsigned reprogrammed, progs, erases, bad_progs;
static uint32_t erase_count[BLOCKS];
static int failures;
// A power cut: after cut_left more programs or erases, the next one is
// torn (half done) and every later one fails with EIO. -1: no cut.
static long cut_left = -1;
static bool cut_happened;
// Bad blocks: a program there leaves the flash as it was (the read-back
// shows it); a block also goes bad after wear_limit erases (0: never;
// never {0, 1}, which littlefs cannot move: then it can write no more).
static bool bad[BLOCKS];
static uint32_t wear_limit;

static int fl_read(void *c, uint32_t block, uint32_t off, void *buf, uint32_t size) {
    memcpy(buf, flash + block * fl_block + off, size);
    return 0;
}

// What happens to the next program or erase: 1 done, 0 torn, -1 lost.
static unsigned long flash_ops;      // programs and erases asked for
static int power(void) {
    flash_ops++;
    if (cut_left < 0) {
        return 1;
    }
    if (cut_left > 0) {
        cut_left--;
        return 1;
    }
    if (!cut_happened) {
        cut_happened = true;
        return 0;
    }
    return -1;
}

static int fl_prog(void *c, uint32_t block, uint32_t off, const void *buf, uint32_t size) {
    const uint8_t *b = buf;
    uint8_t *f = flash + block * fl_block + off;
    if (off % 32 != 0 || size % 32 != 0) {
        printf("unaligned program %u+%u\n", (unsigned)off, (unsigned)size);
        failures++;
    }
    int p = power();
    if (p < 0) {
        return LFS2_ERR_IO;
    }
    uint32_t n = p == 0 ? size / 2 : bad[block] ? 0 : size;
    bad_progs += bad[block];
    for (uint32_t i = 0; i < n; i++) {
        if (f[i] != 0xff && b[i] != 0xff && f[i] != b[i]) {
            reprogrammed++;
        }
        f[i] &= b[i];
    }
    progs++;
    return 0;
}

static int fl_erase(void *c, uint32_t block) {
    int p = power();
    if (p < 0) {
        return LFS2_ERR_IO;
    }
    memset(flash + block * fl_block, 0xff, p == 0 ? fl_block / 2 : fl_block);
    erases++;
    erase_count[block]++;
    if (wear_limit != 0 && erase_count[block] >= wear_limit && block >= 2) {
        bad[block] = true;
    }
    return 0;
}

static int fl_sync(void *c) {
    return 0;
}

// A fresh flash (all 0xff) of the given geometry, counters cleared.
static void fl_reset(uint32_t block_size, uint32_t blocks) {
    fl_block = block_size;
    fl_blocks = blocks;
    memset(flash, 0xff, sizeof(flash));
    memset(erase_count, 0, sizeof(erase_count));
    memset(bad, 0, sizeof(bad));
    wear_limit = 0;
    cut_left = -1;
    cut_happened = false;
}

static uint8_t rbuf[128], pbuf[128], lbuf[32], fbuf[128];

static void setup_cycles(lfs2_t *lfs, int32_t block_cycles) {
    memset(lfs, 0, sizeof(*lfs));
    lfs->cfg = (lfs2_config_t){NULL, fl_read, fl_prog, fl_erase, fl_sync, 32, 32, fl_block, fl_blocks, 128,
                               (fl_blocks + 7) / 8 < 32 ? (fl_blocks + 7) / 8 : 32, block_cycles};
    lfs->rcache.buffer = rbuf;
    lfs->pcache.buffer = pbuf;
    lfs->lookahead.buffer = lbuf;
}

static void setup(lfs2_t *lfs) {
    setup_cycles(lfs, 100);
}

#define CHECK(cond)                                                      \
    do {                                                                 \
        if (!(cond)) {                                                   \
            printf("%s:%d: failed: %s\n", __FILE__, __LINE__, #cond);    \
            failures++;                                                  \
        }                                                                \
    } while (0)

static void check_bytes(const char *what, uint32_t addr, const uint8_t *want, size_t n) {
    if (memcmp(flash + addr, want, n) != 0) {
        printf("%s: bytes differ at 0x%x\n  got: ", what, (unsigned)addr);
        for (size_t i = 0; i < n; i++) {
            printf("%02x ", flash[addr + i]);
        }
        printf("\n want: ");
        for (size_t i = 0; i < n; i++) {
            printf("%02x ", want[i]);
        }
        printf("\n");
        failures++;
    }
}

static void spec_examples(void) {
    lfs2_t lfs;
    fl_reset(BLOCK, BLOCKS);
    setup(&lfs);
    CHECK(lfs2_format(&lfs) == 0);
    static const uint8_t block1[64] = {
        0x02, 0x00, 0x00, 0x00, 0xf0, 0x0f, 0xff, 0xf7, 0x6c, 0x69, 0x74, 0x74, 0x6c, 0x65, 0x66, 0x73,
        0x2f, 0xe0, 0x00, 0x10, 0x01, 0x00, 0x02, 0x00, 0x00, 0x10, 0x00, 0x00, 0xfb, 0x00, 0x00, 0x00,
        0xff, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0x7f, 0xfe, 0x03, 0x00, 0x00, 0x7f, 0xef, 0xfc, 0x10,
        0x20, 0x00, 0x00, 0x00, 0xf4, 0x54, 0x93, 0x00, 0x0f, 0xf0, 0x00, 0x0c, 0x9a, 0xff, 0x99, 0xef,
    };
    uint8_t block0[64];
    memcpy(block0, block1, 64);
    block0[0] = 1;
    memcpy(block0 + 60, "\x4a\x6a\x9c\x6b", 4);
    check_bytes("mkfs block 1", BLOCK, block1, 64);
    check_bytes("mkfs block 0", 0, block0, 64);
    for (uint32_t i = 64; i < 2 * BLOCK; i++) {
        if (flash[i % BLOCK + (i / BLOCK) * BLOCK] != 0xff && i % BLOCK >= 64) {
            printf("mkfs wrote past its commit at %u\n", (unsigned)i);
            failures++;
            break;
        }
    }
    for (uint32_t i = 2 * BLOCK; i < sizeof(flash); i++) {
        if (flash[i] != 0xff) {
            printf("mkfs touched block %u\n", (unsigned)(i / BLOCK));
            failures++;
            break;
        }
    }
    CHECK(lfs2_crc(0xffffffff, "123456789", 9) == 0x340BC6D9);

    // boot.py: created, then 228 bytes and mtime 2000-01-01 00:00:05.
    CHECK(lfs2_mount(&lfs) == 0);
    uint8_t mtime[8];
    uint64_t ns = 946684805000000000ull;
    for (int i = 0; i < 8; i++) {
        mtime[i] = (uint8_t)(ns >> (8 * i));
    }
    lfs2_file_t f;
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    f.mtime = mtime;
    CHECK(lfs2_file_open(&lfs, &f, "/boot.py", LFS2_O_WRONLY | LFS2_O_CREAT | LFS2_O_TRUNC) == 0);
    static const uint8_t create[] = {
        0x10, 0x1f, 0xf8, 0x04, 0x40, 0x00, 0x00, 0x07, 0x62, 0x6f, 0x6f, 0x74, 0x2e, 0x70, 0x79, 0x20,
        0x00, 0x00, 0x07, 0x7f, 0xef, 0xf8, 0x08, 0x20, 0x00, 0x00, 0x00, 0xf4, 0x54, 0x93, 0x00, 0x0f,
        0xf0, 0x00, 0x15, 0x01, 0x4c, 0x9c, 0xba,
    };
    check_bytes("create boot.py", BLOCK + 0x40, create, sizeof(create));
    uint8_t text[228];
    for (int i = 0; i < 228; i++) {
        text[i] = (uint8_t)('a' + i % 26);
    }
    CHECK(lfs2_file_write(&lfs, &f, text, 228) == 228);
    CHECK(lfs2_file_close(&lfs, &f) == 0);
    static const uint8_t close[] = {
        0x70, 0x2f, 0xf8, 0x15, 0x5c, 0x00, 0x00, 0x00, 0xe4, 0x00, 0x00, 0x00, 0x10, 0x30, 0x00, 0x00,
        0x00, 0xf2, 0x48, 0x7c, 0xd0, 0x4c, 0x23, 0x0d, 0x6f, 0xef, 0xf8, 0x00, 0x20, 0x00, 0x00, 0x00,
        0xf4, 0x54, 0x93, 0x00, 0x0f, 0xf0, 0x00, 0x10, 0xff, 0xd8, 0xdc, 0x36,
    };
    check_bytes("close boot.py", BLOCK + 0x80, close, sizeof(close));
    check_bytes("boot.py data in block 92", 92 * BLOCK, text, 228);

    // A 20000-byte file written in blocks 92..96 (after boot.py is gone).
    CHECK(lfs2_remove(&lfs, "/boot.py") == 0);
    lfs2_unmount(&lfs);
    CHECK(lfs2_mount(&lfs) == 0);
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    CHECK(lfs2_file_open(&lfs, &f, "big", LFS2_O_WRONLY | LFS2_O_CREAT) == 0);
    static uint8_t big[20000];
    for (int i = 0; i < 20000; i++) {
        big[i] = (uint8_t)(i * 7);
    }
    CHECK(lfs2_file_write(&lfs, &f, big, 20000) == 20000);
    CHECK(lfs2_file_close(&lfs, &f) == 0);
    lfs2_info_t info;
    CHECK(lfs2_stat(&lfs, "big", &info) == 0 && info.size == 20000 && info.type == LFS2_TYPE_REG);
    uint32_t b0 = 0;
    for (uint32_t b = 2; b < BLOCKS; b++) {
        if (memcmp(flash + b * BLOCK, big, 64) == 0) {
            b0 = b;
        }
    }
    CHECK(b0 != 0);
    static const uint32_t ptrs[5][3] = {{0}, {0}, {1, 0}, {2}, {3, 2, 0}};
    static const int nptrs[5] = {0, 1, 2, 1, 3};
    for (int n = 1; n < 5; n++) {
        for (int j = 0; j < nptrs[n]; j++) {
            uint32_t v;
            memcpy(&v, flash + (b0 + n) * BLOCK + 4 * j, 4);
            CHECK(v == b0 + ptrs[n][j] || (printf("block %d pointer %d = %u\n", n, j, (unsigned)v), 0));
        }
    }
    CHECK(memcmp(flash + (b0 + 1) * BLOCK + 4, big + 4096, 16) == 0);
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    CHECK(lfs2_file_open(&lfs, &f, "big", LFS2_O_RDONLY) == 0);
    static uint8_t back[20000];
    CHECK(lfs2_file_read(&lfs, &f, back, 20000) == 20000 && memcmp(back, big, 20000) == 0);
    CHECK(lfs2_file_seek(&lfs, &f, 12345, 0) == 12345);
    CHECK(lfs2_file_read(&lfs, &f, back, 100) == 100 && memcmp(back, big + 12345, 100) == 0);
    CHECK(lfs2_file_close(&lfs, &f) == 0);
    lfs2_unmount(&lfs);
}

// ---- random operations against a model ------------------------------------------------------

#define NFILES 24
#define MAXSIZE 9000

static struct {
    char name[48];
    uint8_t data[MAXSIZE];
    uint32_t size;
    bool exists;
} model[NFILES];

static uint32_t rnd_state = 12345;
static uint32_t rnd(void) {
    rnd_state = rnd_state * 1103515245u + 12345u;
    return rnd_state >> 8;
}

static void check_model(lfs2_t *lfs) {
    for (int i = 0; i < NFILES; i++) {
        lfs2_info_t info;
        int r = lfs2_stat(lfs, model[i].name, &info);
        if (!model[i].exists) {
            CHECK(r == LFS2_ERR_NOENT || (printf("  %s exists\n", model[i].name), 0));
            continue;
        }
        CHECK(r == 0 || (printf("  stat %s: %d\n", model[i].name, r), 0));
        if (r != 0) {
            continue;
        }
        CHECK(info.size == model[i].size
              || (printf("  %s: size %u, want %u\n", model[i].name, (unsigned)info.size, (unsigned)model[i].size), 0));
        lfs2_file_t f;
        memset(&f, 0, sizeof(f));
        f.cache.buffer = fbuf;
        static uint8_t buf[MAXSIZE];
        CHECK(lfs2_file_open(lfs, &f, model[i].name, LFS2_O_RDONLY) == 0);
        int32_t n = lfs2_file_read(lfs, &f, buf, MAXSIZE);
        CHECK((n == (int32_t)model[i].size && memcmp(buf, model[i].data, model[i].size) == 0)
              || (printf("  %s: content differs (%d bytes)\n", model[i].name, (int)n), 0));
        lfs2_file_close(lfs, &f);
    }
    // The listing of each directory names exactly the files there.
    const char *dirs[] = {"/", "/d1", "/d1/d2", "/d3"};
    for (int d = 0; d < 4; d++) {
        lfs2_dir_t dir;
        memset(&dir, 0, sizeof(dir));
        CHECK(lfs2_dir_open(lfs, &dir, dirs[d]) == 0);
        lfs2_info_t info;
        int count = 0;
        while (lfs2_dir_read(lfs, &dir, &info) == 1) {
            if (info.type == LFS2_TYPE_REG) {
                count++;
            }
        }
        lfs2_dir_close(lfs, &dir);
        int want = 0;
        for (int i = 0; i < NFILES; i++) {
            const char *slash = strrchr(model[i].name, '/');
            size_t len = (size_t)(slash - model[i].name);
            if (model[i].exists && ((d == 0 && len == 0) || (d > 0 && strlen(dirs[d]) == len
                                                               && memcmp(dirs[d], model[i].name, len) == 0))) {
                want++;
            }
        }
        CHECK(count == want || (printf("  %s lists %d files, want %d\n", dirs[d], count, want), 0));
    }
}

// With nbad blocks bad from the start and wear_out set, blocks also going
// bad as they wear (a program there no longer takes): every operation must
// still succeed, the writer moving what it was writing to other blocks.
static void random_ops(const char *title, int32_t cycles, uint32_t nbad, uint32_t wear_out) {
    lfs2_t lfs;
    fl_reset(BLOCK, BLOCKS);
    setup_cycles(&lfs, cycles);
    memset(model, 0, sizeof(model));
    progs = erases = reprogrammed = bad_progs = 0;
    CHECK(lfs2_format(&lfs) == 0);
    for (uint32_t i = 0; i < nbad; i++) {
        bad[2 + rnd() % (BLOCKS - 2)] = true;
    }
    wear_limit = wear_out;
    CHECK(lfs2_mount(&lfs) == 0);
    CHECK(lfs2_mkdir(&lfs, "/d1") == 0);
    CHECK(lfs2_mkdir(&lfs, "/d1/d2") == 0);
    CHECK(lfs2_mkdir(&lfs, "/d3") == 0);
    CHECK(lfs2_mkdir(&lfs, "/d3") == LFS2_ERR_EXIST);
    const char *dirs[] = {"", "/d1", "/d1/d2", "/d3"};
    for (int i = 0; i < NFILES; i++) {
        snprintf(model[i].name, sizeof(model[i].name), "%s/file%s%02d", dirs[i % 4], i % 3 ? "_long_name_" : "", i);
    }
    for (int step = 0; step < 3000 && failures == 0; step++) {
        int i = (int)(rnd() % NFILES), op = (int)(rnd() % 10);
        lfs2_file_t f;
        memset(&f, 0, sizeof(f));
        f.cache.buffer = fbuf;
        static uint8_t mt[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        f.mtime = mt;
        if (op < 4) {            // rewrite
            uint32_t size = rnd() % 4 == 0 ? rnd() % 100 : rnd() % MAXSIZE;
            CHECK(lfs2_file_open(&lfs, &f, model[i].name, LFS2_O_WRONLY | LFS2_O_CREAT | LFS2_O_TRUNC) == 0);
            for (uint32_t k = 0; k < size; k++) {
                model[i].data[k] = (uint8_t)rnd();
            }
            uint32_t done = 0;
            while (done < size) {
                uint32_t n = lfs2_min(size - done, 1 + rnd() % 3000);
                CHECK(lfs2_file_write(&lfs, &f, model[i].data + done, n) == (int32_t)n);
                done += n;
            }
            CHECK(lfs2_file_close(&lfs, &f) == 0);
            model[i].size = size;
            model[i].exists = true;
        } else if (op < 6 && model[i].exists) {     // append, or write in the middle
            uint32_t n = rnd() % 1500;
            if (model[i].size + n > MAXSIZE) {
                continue;
            }
            uint32_t at = op == 4 ? model[i].size : rnd() % (model[i].size + 1);
            CHECK(lfs2_file_open(&lfs, &f, model[i].name, op == 4 ? LFS2_O_WRONLY | LFS2_O_APPEND : LFS2_O_RDWR) == 0);
            CHECK(lfs2_file_seek(&lfs, &f, (int32_t)at, 0) == (int32_t)at);
            for (uint32_t k = 0; k < n; k++) {
                model[i].data[at + k] = (uint8_t)rnd();
            }
            CHECK(lfs2_file_write(&lfs, &f, model[i].data + at, n) == (int32_t)n);
            CHECK(lfs2_file_close(&lfs, &f) == 0);
            model[i].size = lfs2_max(model[i].size, at + n);
        } else if (op == 6 && model[i].exists) {
            CHECK(lfs2_remove(&lfs, model[i].name) == 0);
            model[i].exists = false;
        } else if (op == 7) {    // rename over another (or to a free name)
            int j = (int)(rnd() % NFILES);
            if (!model[i].exists || i == j) {
                continue;
            }
            int r = lfs2_rename(&lfs, model[i].name, model[j].name);
            CHECK(r == 0 || (printf("rename %s %s: %d\n", model[i].name, model[j].name, r), 0));
            memcpy(model[j].data, model[i].data, model[i].size);
            model[j].size = model[i].size;
            model[j].exists = true;
            model[i].exists = false;
        } else if (op == 8) {
            lfs2_unmount(&lfs);
            CHECK(lfs2_mount(&lfs) == 0);
        } else {
            check_model(&lfs);
        }
        if (failures) {
            printf("at step %d (op %d, file %d)\n", step, op, i);
        }
    }
    check_model(&lfs);
    int32_t used = lfs2_fs_size(&lfs);
    CHECK(used > 0 && used < BLOCKS);
    unsigned nowbad = 0;
    for (uint32_t b = 0; b < BLOCKS; b++) {
        nowbad += bad[b];
    }
    printf("%s: %u programs, %u erases, %d blocks in use, %u bad blocks (%u programs failed), %u reprogrammed bytes\n",
           title, progs, erases, (int)used, nowbad, bad_progs, reprogrammed);
    CHECK(reprogrammed == 0);
    wear_limit = 0;
}

// Hundreds of files in one directory: the pair splits; removing them all
// drops the emptied pairs again. Then the device is filled up.
static void many_files(void) {
    lfs2_t lfs;
    fl_reset(BLOCK, BLOCKS);
    setup(&lfs);
    CHECK(lfs2_format(&lfs) == 0);
    CHECK(lfs2_mount(&lfs) == 0);
    CHECK(lfs2_mkdir(&lfs, "many") == 0);
    char name[80];
    lfs2_file_t f;
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof(name), "many/a_rather_long_file_name_number_%03d.txt", (i * 7) % 300);
        memset(&f, 0, sizeof(f));
        f.cache.buffer = fbuf;
        CHECK(lfs2_file_open(&lfs, &f, name, LFS2_O_WRONLY | LFS2_O_CREAT) == 0);
        CHECK(lfs2_file_write(&lfs, &f, name, 20) == 20);
        CHECK(lfs2_file_close(&lfs, &f) == 0);
    }
    CHECK(lfs2_mkdir(&lfs, "many/zz_sub") == 0);
    lfs2_unmount(&lfs);
    CHECK(lfs2_mount(&lfs) == 0);
    lfs2_dir_t dir;
    lfs2_info_t info;
    memset(&dir, 0, sizeof(dir));
    CHECK(lfs2_dir_open(&lfs, &dir, "many") == 0);
    int count = 0;
    char last[LFS2_NAME_MAX + 1] = "";
    while (lfs2_dir_read(&lfs, &dir, &info) == 1) {
        CHECK(strcmp(last, info.name) < 0 || (printf("  %s after %s\n", info.name, last), 0));
        strcpy(last, info.name);
        count++;
    }
    lfs2_dir_close(&lfs, &dir);
    CHECK(count == 301 || (printf("  %d entries\n", count), 0));
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof(name), "many/a_rather_long_file_name_number_%03d.txt", i);
        memset(&f, 0, sizeof(f));
        f.cache.buffer = fbuf;
        uint8_t buf[32];
        CHECK(lfs2_file_open(&lfs, &f, name, LFS2_O_RDONLY) == 0);
        CHECK(lfs2_file_read(&lfs, &f, buf, 32) == 20 && memcmp(buf, name, 20) == 0);
        lfs2_file_close(&lfs, &f);
    }
    CHECK(lfs2_remove(&lfs, "many") == LFS2_ERR_NOTEMPTY);
    for (int i = 0; i < 300; i++) {
        snprintf(name, sizeof(name), "many/a_rather_long_file_name_number_%03d.txt", i);
        CHECK(lfs2_remove(&lfs, name) == 0);
    }
    CHECK(lfs2_remove(&lfs, "many/zz_sub") == 0);
    CHECK(lfs2_remove(&lfs, "many") == 0);
    CHECK(lfs2_stat(&lfs, "many", &info) == LFS2_ERR_NOENT);
    int32_t used = lfs2_fs_size(&lfs);
    CHECK(used == 2 || (printf("  %d blocks in use after removing everything\n", (int)used), 0));
    // Fill the device: ENOSPC, and what was written before is intact.
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    CHECK(lfs2_file_open(&lfs, &f, "keep", LFS2_O_WRONLY | LFS2_O_CREAT) == 0);
    CHECK(lfs2_file_write(&lfs, &f, "precious", 8) == 8);
    CHECK(lfs2_file_close(&lfs, &f) == 0);
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    CHECK(lfs2_file_open(&lfs, &f, "fill", LFS2_O_WRONLY | LFS2_O_CREAT) == 0);
    static uint8_t chunk[1000];
    int32_t r;
    uint32_t total = 0;
    while ((r = lfs2_file_write(&lfs, &f, chunk, sizeof(chunk))) > 0) {
        total += (uint32_t)r;
    }
    CHECK(r == LFS2_ERR_NOSPC);
    lfs2_file_close(&lfs, &f);
    CHECK(total > (BLOCKS - 10) * (BLOCK - 16));
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    uint8_t buf[16];
    CHECK(lfs2_file_open(&lfs, &f, "keep", LFS2_O_RDONLY) == 0);
    CHECK(lfs2_file_read(&lfs, &f, buf, 16) == 8 && memcmp(buf, "precious", 8) == 0);
    lfs2_file_close(&lfs, &f);
    CHECK(lfs2_remove(&lfs, "fill") == 0);
    lfs2_unmount(&lfs);
    CHECK(lfs2_mount(&lfs) == 0);
    CHECK(lfs2_stat(&lfs, "keep", &info) == 0 && info.size == 8);
    printf("many files: %d blocks in use at the end\n", (int)lfs2_fs_size(&lfs));
}

// Random damage to an image with files: mount, walk and write may fail,
// with an error code, but never read or write out of bounds (the
// sanitizers watch) nor loop forever.
static int walk(lfs2_t *lfs, const char *path, int depth) {
    lfs2_dir_t dir;
    lfs2_info_t info;
    memset(&dir, 0, sizeof(dir));
    int err = lfs2_dir_open(lfs, &dir, path);
    int n = 0;
    while (!err && depth < 8 && n < 1000 && (err = lfs2_dir_read(lfs, &dir, &info)) == 1) {
        char sub[600];
        snprintf(sub, sizeof(sub), "%s/%s", path, info.name);
        if (info.type == LFS2_TYPE_DIR) {
            walk(lfs, sub, depth + 1);
        } else {
            lfs2_file_t f;
            memset(&f, 0, sizeof(f));
            f.cache.buffer = fbuf;
            if (lfs2_file_open(lfs, &f, sub, LFS2_O_RDONLY) == 0) {
                static uint8_t buf[20000];
                lfs2_file_read(lfs, &f, buf, sizeof(buf));
                lfs2_file_close(lfs, &f);
            }
        }
        n++;
        err = 0;
    }
    if (dir.h.type == LFS2_TYPE_DIR) {
        lfs2_dir_close(lfs, &dir);
    }
    return n;
}

// Writes into block a commit of random tags, chained and checksummed as a
// writer would: what the parser meets there is all plausible.
static void forge(uint32_t block, uint32_t rev, bool superblock) {
    static const uint16_t types[] = {0x001, 0x002, 0x0ff, 0x200, 0x201, 0x202, 0x301, 0x401, 0x4ff, 0x600, 0x601,
                                     0x7ff, 0x5ff, 0x123};
    uint8_t *b = flash + block * BLOCK;
    memset(b, 0xff, BLOCK);
    memcpy(b, &rev, 4);
    uint32_t off = 4, ptag = 0xffffffff;
    if (superblock) {
        // the superblock entry as format wrote it in the other block
        memcpy(b + 4, flash + (block ^ 1) * BLOCK + 4, 0x28);
        off = 0x2c;
        ptag = TAG(0x201, 0, 24);
    }
    uint32_t crc = lfs2_crc(0xffffffff, b, off);
    int n = 1 + (int)(rnd() % 12);
    for (int i = 0; i < n; i++) {
        uint32_t type = types[rnd() % (sizeof(types) / sizeof(types[0]))];
        uint32_t id = type >= 0x500 ? 0x3ff : rnd() % 6, size = rnd() % 4 == 0 ? 0x3ff : rnd() % 13;
        if (type == 0x600 || type == 0x601 || type == 0x200 || type == 0x202) {
            size = 8;
        }
        uint32_t tag = TAG(type, id, size), raw = tag ^ ptag;
        uint8_t be[4] = {(uint8_t)(raw >> 24), (uint8_t)(raw >> 16), (uint8_t)(raw >> 8), (uint8_t)raw};
        memcpy(b + off, be, 4);
        uint32_t dsize = TAG_DSIZE(tag);
        for (uint32_t k = 4; k < dsize; k++) {
            b[off + k] = (uint8_t)(rnd() % 4 == 0 ? rnd() : rnd() % BLOCKS);
        }
        crc = lfs2_crc(crc, b + off, dsize);
        off += dsize;
        ptag = tag & 0x7fffffff;
    }
    uint32_t end = (off + 8 + 31) / 32 * 32, tag = TAG(0x500, 0x3ff, end - off - 4), raw = tag ^ ptag;
    uint8_t be[4] = {(uint8_t)(raw >> 24), (uint8_t)(raw >> 16), (uint8_t)(raw >> 8), (uint8_t)raw};
    memcpy(b + off, be, 4);
    crc = lfs2_crc(crc, be, 4);
    memcpy(b + off + 4, &crc, 4);
}

static void damage(void) {
    lfs2_t lfs;
    unsigned mounted = 0;
    for (int trial = 0; trial < 2000; trial++) {
        fl_reset(BLOCK, BLOCKS);
        setup(&lfs);
        lfs2_format(&lfs);
        lfs2_mount(&lfs);
        lfs2_mkdir(&lfs, "d");
        lfs2_mkdir(&lfs, "d/e");
        for (int i = 0; i < 12; i++) {
            char name[32];
            snprintf(name, sizeof(name), i % 3 == 0 ? "f%d" : i % 3 == 1 ? "d/g%d" : "d/e/h%d", i);
            lfs2_file_t f;
            memset(&f, 0, sizeof(f));
            f.cache.buffer = fbuf;
            lfs2_file_open(&lfs, &f, name, LFS2_O_WRONLY | LFS2_O_CREAT);
            static uint8_t data[9000];
            lfs2_file_write(&lfs, &f, data, (uint32_t)(i * 700 % 9000));
            lfs2_file_close(&lfs, &f);
        }
        // Metadata blocks get most of the damage: random bytes, or bytes
        // with a CRC made to match over a random prefix.
        for (int k = 0; k < 1 + trial % 10; k++) {
            uint32_t block = rnd() % (trial % 4 == 0 ? BLOCKS : 16), off = rnd() % BLOCK;
            flash[block * BLOCK + off] = (uint8_t)rnd();
            if (trial % 3 == 0 && off >= 8) {
                uint32_t crc = lfs2_crc(0xffffffff, flash + block * BLOCK, off - 4);
                memcpy(flash + block * BLOCK + off - 4, &crc, 4);
            }
        }
        if (trial % 5 == 1) {
            // a forged root, or a forged pair somewhere in the list
            uint32_t block = trial % 2 ? 1 : 2 + rnd() % 14, rev;
            memcpy(&rev, flash + (block ^ 1) * BLOCK, 4);
            forge(block, rev + 1, block == 1);
        }
        setup(&lfs);
        if (lfs2_mount(&lfs) == 0) {
            mounted++;
            walk(&lfs, "/", 0);
            lfs2_file_t f;
            memset(&f, 0, sizeof(f));
            f.cache.buffer = fbuf;
            if (lfs2_file_open(&lfs, &f, "d/new", LFS2_O_WRONLY | LFS2_O_CREAT) == 0) {
                lfs2_file_write(&lfs, &f, fbuf, 100);
                lfs2_file_close(&lfs, &f);
            }
            lfs2_rename(&lfs, "f0", "d/e/f0");
            lfs2_remove(&lfs, "d/g1");
            lfs2_fs_size(&lfs);
            walk(&lfs, "/", 0);
        }
    }
    printf("damage: %u of 2000 damaged images mounted, none crashed\n", mounted);
}

// ---- wear levelling and power cuts across relocations ---------------------------------------

static int write_file(lfs2_t *lfs, const char *name, const uint8_t *data, uint32_t size, int flags) {
    lfs2_file_t f;
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    static uint8_t mt[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    f.mtime = mt;
    int err = lfs2_file_open(lfs, &f, name, LFS2_O_WRONLY | LFS2_O_CREAT | flags);
    if (err) {
        return err;
    }
    for (uint32_t done = 0; done < size && !err;) {
        uint32_t n = lfs2_min(size - done, 700);
        int32_t r = lfs2_file_write(lfs, &f, data + done, n);
        err = r < 0 ? r : 0;
        done += n;
    }
    int cerr = lfs2_file_close(lfs, &f);
    return err ? err : cerr;
}

// The file's size and contents, or a negative error.
static int32_t read_file(lfs2_t *lfs, const char *name, uint8_t *buf, uint32_t max) {
    lfs2_file_t f;
    memset(&f, 0, sizeof(f));
    f.cache.buffer = fbuf;
    int err = lfs2_file_open(lfs, &f, name, LFS2_O_RDONLY);
    if (err) {
        return err;
    }
    int32_t n = lfs2_file_read(lfs, &f, buf, max);
    lfs2_file_close(lfs, &f);
    return n;
}

// The metadata pairs of the list, from {0, 1}: their number, or -1.
#define MAXPAIRS 64
static int list_pairs(lfs2_t *lfs, uint32_t pairs[MAXPAIRS][2]) {
    lfs2_mdir_t dir = {.tail = {0, 1}};
    int n = 0;
    while (!lfs2_pair_is_null(dir.tail) && n < MAXPAIRS) {
        pairs[n][0] = dir.tail[0];
        pairs[n][1] = dir.tail[1];
        n++;
        if (lfs2_dir_fetch(lfs, &dir, dir.tail)) {
            return -1;
        }
    }
    return n;
}

// Pairs of after that share one block with a pair of before: moved.
static int count_moved(uint32_t before[MAXPAIRS][2], int nb, uint32_t after[MAXPAIRS][2], int na) {
    int moved = 0;
    for (int i = 0; i < na; i++) {
        for (int j = 0; j < nb; j++) {
            if (lfs2_pair_same(after[i], before[j]) && !lfs2_pair_sync(after[i], before[j])) {
                moved++;
            }
        }
    }
    return moved;
}

// The pairs from {0, 1} that hold a superblock entry (1 until expanded).
static int count_superblocks(lfs2_t *lfs) {
    lfs2_mdir_t dir = {.tail = {0, 1}};
    int n = 0;
    for (int guard = 0; !lfs2_pair_is_null(dir.tail) && guard < MAXPAIRS; guard++) {
        int32_t tag = lfs2_dir_fetch_superblock(lfs, &dir, dir.tail);
        if (tag < 0) {
            return -1;
        }
        n += tag > 0;
    }
    return n;
}

// One small file rewritten `writes` times: the most worn block's erases
// against the mean, and the file still there after a remount.
static void wear_run(uint32_t blocks, uint32_t size, int32_t cycles, int writes, uint32_t *max, double *mean,
                     int *supers) {
    lfs2_t lfs;
    fl_reset(BLOCK, blocks);
    setup_cycles(&lfs, cycles);
    CHECK(lfs2_format(&lfs) == 0);
    CHECK(lfs2_mount(&lfs) == 0);
    CHECK(lfs2_mkdir(&lfs, "etc") == 0);
    static uint8_t data[2000], back[2000];
    uint64_t total = 0;
    for (int i = 0; i < writes && failures == 0; i++) {
        for (uint32_t k = 0; k < size; k++) {
            data[k] = (uint8_t)(i + k * 13);
        }
        CHECK(write_file(&lfs, i % 4 ? "etc/config.json" : "log.txt", data, size, LFS2_O_TRUNC) == 0);
        if (i % 1000 == 999) {
            lfs2_unmount(&lfs);
            CHECK(lfs2_mount(&lfs) == 0);
        }
    }
    lfs2_unmount(&lfs);
    CHECK(lfs2_mount(&lfs) == 0);
    int last = writes - 1;
    while (last % 4 == 0) {
        last--;
    }
    for (uint32_t k = 0; k < size; k++) {
        data[k] = (uint8_t)(last + k * 13);
    }
    CHECK(read_file(&lfs, "etc/config.json", back, sizeof(back)) == (int32_t)size && memcmp(back, data, size) == 0);
    *max = 0;
    for (uint32_t b = 0; b < blocks; b++) {
        *max = lfs2_max(*max, erase_count[b]);
        total += erase_count[b];
    }
    *mean = (double)total / blocks;
    *supers = count_superblocks(&lfs);
}

// Metadata wear levelling (spec 2.11): a pair moves to new blocks every
// block_cycles compactions, and {0, 1}, which cannot move, hands the root
// over to a new pair (superblock expansion). So a block takes at most
// about block_cycles erases before it moves, and rewriting a small file
// 10000 times spreads the erases once there are enough of them: a
// 200-byte file (in a data block of its own each time) on 251 blocks;
// an inline file on 32 blocks (on 251 blocks its 10000 rewrites make
// only about 1.3 erases per block: the most worn block, near
// block_cycles, is far above that whatever the filesystem does).
static void wear(void) {
    static const struct {
        uint32_t blocks, size;
        int32_t cycles;
        double limit;             // max / mean must stay below (0: not checked)
    } runs[] = {
        {251, 200, 100, 2.0}, {251, 64, 100, 0}, {32, 64, 10, 5.0}, {32, 64, -1, 0},
    };
    for (size_t r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
        uint32_t max;
        double mean;
        int supers;
        wear_run(runs[r].blocks, runs[r].size, runs[r].cycles, 10000, &max, &mean, &supers);
        printf("wear: %u blocks, %u-byte file x 10000, block_cycles %d: most worn block %u erases, mean %.2f, "
               "ratio %.1f, %d superblock pairs\n",
               (unsigned)runs[r].blocks, (unsigned)runs[r].size, (int)runs[r].cycles, (unsigned)max, mean, max / mean,
               supers);
        if (runs[r].limit > 0) {
            CHECK(max / mean < runs[r].limit);
        }
        if (runs[r].blocks == 32 && runs[r].cycles > 0) {
            CHECK(supers >= 2);       // the root has left {0, 1}
        }
    }
}

// Bad metadata blocks: both blocks of a directory's pair stop taking
// programs; its next commits move it to good blocks, its parent and
// predecessor following, and nothing is lost. {0, 1} going bad cannot be
// helped (it never moves): changes there fail with ENOSPC, and what is
// on the flash can still be read.
static void bad_metadata(void) {
    lfs2_t lfs;
    fl_reset(BLOCK, BLOCKS);
    setup(&lfs);
    CHECK(lfs2_format(&lfs) == 0 && lfs2_mount(&lfs) == 0);
    CHECK(lfs2_mkdir(&lfs, "d") == 0 && lfs2_mkdir(&lfs, "e") == 0);
    CHECK(write_file(&lfs, "e/keep", (const uint8_t *)"kept", 4, 0) == 0);
    lfs2_dir_t dir;
    memset(&dir, 0, sizeof(dir));
    CHECK(lfs2_dir_open(&lfs, &dir, "d") == 0);
    uint32_t old[2] = {dir.h.m.pair[0], dir.h.m.pair[1]};
    lfs2_dir_close(&lfs, &dir);
    bad[old[0]] = bad[old[1]] = true;
    char name[48] = "";
    uint8_t buf[64];
    for (int i = 0; i < 80; i++) {
        snprintf(name, sizeof(name), "d/file%02d", i);
        CHECK(write_file(&lfs, name, (const uint8_t *)name, 40, 0) == 0);
    }
    lfs2_unmount(&lfs);
    setup(&lfs);
    CHECK(lfs2_mount(&lfs) == 0);
    for (int i = 0; i < 80; i++) {
        snprintf(name, sizeof(name), "d/file%02d", i);
        CHECK(read_file(&lfs, name, buf, sizeof(buf)) == 40 && memcmp(buf, name, 40) == 0);
    }
    CHECK(read_file(&lfs, "e/keep", buf, sizeof(buf)) == 4 && memcmp(buf, "kept", 4) == 0);
    memset(&dir, 0, sizeof(dir));
    CHECK(lfs2_dir_open(&lfs, &dir, "d") == 0);
    CHECK(!lfs2_pair_same(dir.h.m.pair, old));
    lfs2_dir_close(&lfs, &dir);
    // The superblock pair goes bad.
    bad[0] = bad[1] = true;
    int err = 0;
    for (int i = 0; i < 200 && err == 0; i++) {
        snprintf(name, sizeof(name), "root%03d", i);
        err = write_file(&lfs, name, (const uint8_t *)name, 7, 0);
    }
    CHECK(err == LFS2_ERR_NOSPC);
    bad[0] = bad[1] = false;
    setup(&lfs);
    CHECK(lfs2_mount(&lfs) == 0);
    CHECK(read_file(&lfs, "d/file79", buf, sizeof(buf)) == 40 && read_file(&lfs, "e/keep", buf, sizeof(buf)) == 4);
    printf("bad metadata blocks: directory moved from {%u, %u} to {%u, %u}\n", (unsigned)old[0], (unsigned)old[1],
           (unsigned)dir.h.m.pair[0], (unsigned)dir.h.m.pair[1]);
}

// Power cuts (spec 2.12) on a small flash whose pairs move every few
// compactions (block_cycles 4, 512-byte blocks): a sequence of operations
// (rewrites, appends, removes, renames across directories, mkdir, rmdir,
// directory renames) is run, and each operation is run again from the
// image before it, cut after each of its programs and erases in turn.
// After the cut the filesystem must mount and hold exactly the state
// before the operation or after it (or, for a new file, the file empty):
// a closed file is never lost. Then a write is cut at some point during
// the repairs the next change makes (a pending move completed, orphans
// relinked or dropped), and neither that nor the write completed
// afterwards may change any file.
#define PC_BLOCK 256
#define PC_BLOCKS 192
#define PC_CYCLES 2
#define PC_OPS 600
#define PC_FILES 7
#define PC_DIRS 3
#define PC_MAX 1500

typedef struct {
    bool exists[PC_FILES], dir[PC_DIRS];
    uint32_t size[PC_FILES];
    uint8_t data[PC_FILES][PC_MAX];
} pc_state_t;

static const char *const pc_files[PC_FILES] = {"a", "bb", "s/c", "s/d", "s/t/e", "s/t/f", "g"};
static const char *const pc_dirs[PC_DIRS] = {"x", "s/y", "s/t/z"};

// Operation k on lfs, the model m following; *mid: the other state a cut
// may leave (a new file, empty). Errors are counted only when `strict`.
static void pc_op(lfs2_t *lfs, int k, pc_state_t *m, pc_state_t *mid, bool *has_mid, bool strict) {
    static const uint32_t sizes[] = {0, 5, 64, 65, 300, 700, 1500};
    rnd_state = (uint32_t)k * 2654435761u + 7;
    int i = (int)(rnd() % PC_FILES), j = (int)(rnd() % PC_FILES), d = (int)(rnd() % PC_DIRS),
        e = (int)(rnd() % PC_DIRS), kind = (int)(rnd() % 8);
    *has_mid = false;
    int err = 0;
    if (kind == 3 && m->exists[i] && m->size[i] + 400 <= PC_MAX) {
        uint32_t n = (uint32_t[]){1, 50, 400}[rnd() % 3];
        for (uint32_t x = 0; x < n; x++) {
            m->data[i][m->size[i] + x] = (uint8_t)rnd();
        }
        err = write_file(lfs, pc_files[i], m->data[i] + m->size[i], n, LFS2_O_APPEND);
        m->size[i] += n;
    } else if (kind == 4 && m->exists[i]) {
        err = lfs2_remove(lfs, pc_files[i]);
        m->exists[i] = false;
    } else if (kind == 5 && m->exists[i] && i != j) {
        err = lfs2_rename(lfs, pc_files[i], pc_files[j]);
        memcpy(m->data[j], m->data[i], m->size[i]);
        m->size[j] = m->size[i];
        m->exists[j] = true;
        m->exists[i] = false;
    } else if (kind == 6) {
        err = m->dir[d] ? lfs2_remove(lfs, pc_dirs[d]) : lfs2_mkdir(lfs, pc_dirs[d]);
        m->dir[d] = !m->dir[d];
    } else if (kind == 7 && m->dir[d] && d != e) {
        err = lfs2_rename(lfs, pc_dirs[d], pc_dirs[e]);
        m->dir[d] = false;
        m->dir[e] = true;
    } else {
        uint32_t size = sizes[rnd() % 7];
        if (!m->exists[i]) {
            *mid = *m;
            mid->exists[i] = true;
            mid->size[i] = 0;
            *has_mid = true;
        }
        for (uint32_t x = 0; x < size; x++) {
            m->data[i][x] = (uint8_t)rnd();
        }
        err = write_file(lfs, pc_files[i], m->data[i], size, LFS2_O_TRUNC);
        m->exists[i] = true;
        m->size[i] = size;
    }
    if (strict) {
        CHECK(err == 0 || (printf("  operation %d (kind %d): %d\n", k, kind, err), 0));
    }
}

static int pc_count(lfs2_t *lfs, const char *path) {
    lfs2_dir_t dir;
    lfs2_info_t info;
    memset(&dir, 0, sizeof(dir));
    if (lfs2_dir_open(lfs, &dir, path)) {
        return -1;
    }
    int n = 0, r;
    while ((r = lfs2_dir_read(lfs, &dir, &info)) == 1) {
        n += strcmp(info.name, "scratch") != 0;
    }
    lfs2_dir_close(lfs, &dir);
    return r == 0 ? n : -1;
}

// Reads the state off the filesystem; false when a listing disagrees
// with it (an entry twice, or one that should not be there).
static bool pc_read(lfs2_t *lfs, pc_state_t *st) {
    memset(st, 0, sizeof(*st));
    int want[3] = {1, 1, 0};        // entries of "/" ("s"), "s" ("t"), "s/t"; pc_dirs[d] is in the d-th
    for (int i = 0; i < PC_FILES; i++) {
        int32_t n = read_file(lfs, pc_files[i], st->data[i], PC_MAX);
        st->exists[i] = n >= 0;
        st->size[i] = n >= 0 ? (uint32_t)n : 0;
        if (n < 0 && n != LFS2_ERR_NOENT) {
            return false;
        }
        want[st->exists[i] ? (strncmp(pc_files[i], "s/t/", 4) == 0 ? 2 : pc_files[i][1] == '/' ? 1 : 0) : 0] +=
            st->exists[i];
    }
    for (int d = 0; d < PC_DIRS; d++) {
        lfs2_info_t info;
        int r = lfs2_stat(lfs, pc_dirs[d], &info);
        st->dir[d] = r == 0;
        if ((r != 0 && r != LFS2_ERR_NOENT) || (r == 0 && info.type != LFS2_TYPE_DIR)) {
            return false;
        }
        want[d] += st->dir[d];
    }
    static const char *const paths[3] = {"/", "s", "s/t"};
    for (int p = 0; p < 3; p++) {
        if (pc_count(lfs, paths[p]) != want[p]) {
            return false;
        }
    }
    for (int d = 0; d < PC_DIRS; d++) {
        if (st->dir[d] && pc_count(lfs, pc_dirs[d]) != 0) {
            return false;
        }
    }
    return true;
}

static bool pc_same(const pc_state_t *a, const pc_state_t *b) {
    for (int i = 0; i < PC_FILES; i++) {
        if (a->exists[i] != b->exists[i] || (a->exists[i] && (a->size[i] != b->size[i]
                                                              || memcmp(a->data[i], b->data[i], a->size[i]) != 0))) {
            return false;
        }
    }
    return memcmp(a->dir, b->dir, sizeof(a->dir)) == 0;
}

static void power_cuts(void) {
    static pc_state_t before, after, mid, got, again, scratch_mid;
    static uint8_t img_before[PC_BLOCK * PC_BLOCKS], img_after[PC_BLOCK * PC_BLOCKS];
    static uint8_t scratch[300];
    lfs2_t lfs;
    fl_reset(PC_BLOCK, PC_BLOCKS);
    setup_cycles(&lfs, PC_CYCLES);
    CHECK(lfs2_format(&lfs) == 0 && lfs2_mount(&lfs) == 0);
    CHECK(lfs2_mkdir(&lfs, "s") == 0 && lfs2_mkdir(&lfs, "s/t") == 0);
    memset(&before, 0, sizeof(before));
    unsigned cuts = 0, cuts_moving = 0, moves = 0, bad_states = 0;
    for (int k = 0; k < PC_OPS && failures == 0; k++) {
        memcpy(img_before, flash, sizeof(img_before));
        uint32_t pairs_before[MAXPAIRS][2], pairs_after[MAXPAIRS][2];
        setup_cycles(&lfs, PC_CYCLES);
        CHECK(lfs2_mount(&lfs) == 0);
        int nb = list_pairs(&lfs, pairs_before);
        after = before;
        bool has_mid;
        unsigned long start = flash_ops;
        pc_op(&lfs, k, &after, &mid, &has_mid, true);
        unsigned long nops = flash_ops - start;
        setup_cycles(&lfs, PC_CYCLES);
        CHECK(lfs2_mount(&lfs) == 0);
        CHECK(pc_read(&lfs, &got) && pc_same(&got, &after));
        int na = list_pairs(&lfs, pairs_after);
        int moved = nb > 0 && na > 0 ? count_moved(pairs_before, nb, pairs_after, na) : 0;
        moves += (unsigned)moved;
        memcpy(img_after, flash, sizeof(img_after));
        for (unsigned long c = 0; c < nops && failures == 0; c++) {
            memcpy(flash, img_before, sizeof(img_before));
            setup_cycles(&lfs, PC_CYCLES);
            CHECK(lfs2_mount(&lfs) == 0);
            pc_state_t *m = &scratch_mid;
            *m = before;
            cut_left = (long)c;
            cut_happened = false;
            pc_op(&lfs, k, m, &mid, &has_mid, false);
            cut_left = -1;
            setup_cycles(&lfs, PC_CYCLES);
            int err = lfs2_mount(&lfs);
            CHECK(err == 0 || (printf("  op %d cut at %lu of %lu: mount %d\n", k, c, nops, err), 0));
            bool ok = pc_read(&lfs, &got);
            if (!ok || !(pc_same(&got, &before) || pc_same(&got, &after) || (has_mid && pc_same(&got, &mid)))) {
                printf("  op %d cut at %lu of %lu: the files are neither as before nor as after\n", k, c, nops);
                bad_states++;
                failures++;
                break;
            }
            // A second cut, during the repairs and a write that follow.
            cut_left = (long)((c * 7) % 17);
            cut_happened = false;
            write_file(&lfs, "scratch", scratch, (uint32_t)(c * 37 % sizeof(scratch)), LFS2_O_TRUNC);
            cut_left = -1;
            setup_cycles(&lfs, PC_CYCLES);
            CHECK(lfs2_mount(&lfs) == 0);
            CHECK((pc_read(&lfs, &again) && pc_same(&again, &got))
                  || (printf("  op %d cut at %lu, then the repair cut: files changed\n", k, c), 0));
            CHECK(write_file(&lfs, "scratch", scratch, sizeof(scratch), LFS2_O_TRUNC) == 0);
            CHECK(pc_read(&lfs, &again) && pc_same(&again, &got));
            CHECK(lfs2_fs_size(&lfs) > 0);
            cuts++;
            cuts_moving += moved > 0;
        }
        memcpy(flash, img_after, sizeof(img_after));
        before = after;
    }
    setup_cycles(&lfs, PC_CYCLES);
    CHECK(lfs2_mount(&lfs) == 0);
    int supers = count_superblocks(&lfs);
    printf("power cuts: %u cuts in %d operations, %u of them in operations that moved a pair (%u moves), "
           "%d superblock pairs at the end\n",
           cuts, PC_OPS, cuts_moving, moves, supers);
    CHECK(cuts_moving > 100 && supers >= 2);
}

// An image of disk version 2.0 (MicroPython up to v1.21) mounts, and the
// first change rewrites its superblock as 2.1.
static void old_version(void) {
    lfs2_t lfs;
    fl_reset(BLOCK, BLOCKS);
    setup(&lfs);
    CHECK(lfs2_format(&lfs) == 0);
    for (uint32_t b = 0; b < 2; b++) {
        uint8_t *blk = flash + b * BLOCK;
        blk[0x14] = 0x00;         // version 0x00020000
        uint32_t crc = lfs2_crc(0xffffffff, blk, 0x3c);
        memcpy(blk + 0x3c, &crc, 4);
    }
    CHECK(lfs2_mount(&lfs) == 0 && lfs.needs_superblock);
    lfs2_info_t info;
    CHECK(lfs2_stat(&lfs, "/", &info) == 0);
    CHECK(flash[BLOCK + 0x14] == 0x00);    // reading changes nothing
    CHECK(lfs2_mkdir(&lfs, "d") == 0);
    lfs2_unmount(&lfs);
    CHECK(lfs2_mount(&lfs) == 0 && !lfs.needs_superblock);
    CHECK(lfs2_stat(&lfs, "d", &info) == 0 && info.type == LFS2_TYPE_DIR);
    // A newer minor version is refused.
    setup(&lfs);
    memset(flash, 0xff, 2 * BLOCK);
    CHECK(lfs2_format(&lfs) == 0);
    for (uint32_t b = 0; b < 2; b++) {
        uint8_t *blk = flash + b * BLOCK;
        blk[0x14] = 0x02;
        uint32_t crc = lfs2_crc(0xffffffff, blk, 0x3c);
        memcpy(blk + 0x3c, &crc, 4);
    }
    CHECK(lfs2_mount(&lfs) == LFS2_ERR_INVAL);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    spec_examples();
    old_version();
    random_ops("random ops", 100, 0, 0);
    random_ops("bad blocks", 5, 12, 14);
    many_files();
    wear();
    bad_metadata();
    power_cuts();
    damage();
    printf(failures ? "lfs2: %d failures\n" : "lfs2: all passed\n", failures);
    return failures != 0;
}
