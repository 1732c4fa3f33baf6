// SPDX-License-Identifier: MIT
// The simulated board's SPI flash: an image file (`--flash PATH`, default
// ./flash.img, 512 KiB to 16 MiB with `--flash-size`) that behaves as NOR
// flash: an erase sets a 4 KiB sector to 0xFF, a write can only clear bits
// (what is stored is old & new), so that bugs that only show on real flash
// show here. The image is laid out as the chip's: the firmware's area first
// (a stand-in firmware that esp.check_fw() finds whole), the filesystem where the port puts it for that size, the
// SDK's 20 KiB at the end. Erases are counted per sector.
//
// A new image is all 0xFF, as a freshly erased chip. An existing image keeps
// its contents; one of another size is refused with a clear message rather
// than cut or grown.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exc.h"
#include "flash_host.h"
#include "hal.h"
#include "hash_digest.h"
#include "repl.h"

static struct {
    int fd;                      // -1: no flash (script mode)
    uint32_t size;
    uint32_t *erase_counts;
} flash = {-1, 0, NULL};

bool flash_host_parse_size(const char *s, uint32_t *size) {
    static const struct {
        const char *name;
        uint32_t size;
    } sizes[] = {{"512K", 512u << 10}, {"1M", 1u << 20}, {"2M", 2u << 20}, {"4M", 4u << 20},
                 {"8M", 8u << 20}, {"16M", 16u << 20}};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        if (strcmp(s, sizes[i].name) == 0) {
            *size = sizes[i].size;
            return true;
        }
    }
    return false;
}

// The firmware a new image starts with: no code runs from it on the host,
// but it is laid out as MicroPython's firmware.bin (spec: firmware image
// sections 1 and 3), so that esp.check_fw() has something true to check:
// a ROM image of one segment, its length T at 0x8FFC, an irom0 part that
// says what it is, and the MD5 of bytes 4..T-1 at T.
static int write_firmware(int fd, uint32_t size) {
    static uint8_t image[0x9000 + 256 + 16];
    memset(image, 0xFF, sizeof(image));
    static const uint8_t header[8] = {0xE9, 1, 2, 0x40, 0x04, 0x00, 0x10, 0x40};
    memcpy(image, header, 8);
    uint8_t code_size = size >= (16u << 20) ? 0x9 : size >= (8u << 20) ? 0x8 : size >= (4u << 20) ? 0x4
                      : size >= (2u << 20) ? 0x3 : size >= (1u << 20) ? 0x2 : 0x0;
    image[3] = (uint8_t)(code_size << 4);
    static const uint8_t segment[16] = {0x06, 0xF0, 0x00, 0x00};     // "j ." at the entry: a loop
    const uint32_t load = 0x40100000u, len = sizeof(segment);
    memcpy(image + 8, &load, 4);
    memcpy(image + 12, &len, 4);
    memcpy(image + 16, segment, len);
    uint8_t sum = 0xEF;
    for (uint32_t i = 0; i < len; i++) {
        sum ^= segment[i];
    }
    uint32_t end = 16 + len;
    while (end % 16 != 15) {
        image[end++] = 0;
    }
    image[end] = sum;
    char irom[256];
    memset(irom, 0, sizeof(irom));
    snprintf(irom, sizeof(irom), "%s\nThe simulated board's firmware area: espy itself runs on the host.\n",
             repl_version_line());
    uint32_t t = 0x9000 + (uint32_t)sizeof(irom);
    memcpy(image + 0x8FFC, &t, 4);
    memcpy(image + 0x9000, irom, sizeof(irom));
    hash_ctx_t h;
    uint8_t digest[HASH_MAX_DIGEST];
    hash_init(&h, HASH_MD5);
    hash_update(&h, image + 4, t - 4);
    hash_final(&h, digest);
    memcpy(image + t, digest, 16);
    return pwrite(fd, image, t + 16, 0) == (ssize_t)(t + 16) ? 0 : -1;
}

int flash_host_open(const char *path, uint32_t size) {
    int fd = open(path, O_RDWR | O_CREAT, 0644);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fprintf(stderr, "espy: can't open the flash image %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (st.st_size == 0) {
        // A new chip: every byte erased, but for the firmware flashed first.
        uint8_t blank[HAL_FLASH_SECTOR_SIZE];
        memset(blank, 0xFF, sizeof(blank));
        for (uint32_t at = 0; at < size; at += sizeof(blank)) {
            if (pwrite(fd, blank, sizeof(blank), at) != (ssize_t)sizeof(blank)) {
                fprintf(stderr, "espy: can't write the flash image %s: %s\n", path, strerror(errno));
                close(fd);
                return -1;
            }
        }
        if (write_firmware(fd, size) != 0) {
            fprintf(stderr, "espy: can't write the flash image %s: %s\n", path, strerror(errno));
            close(fd);
            return -1;
        }
    } else if ((uint64_t)st.st_size != size) {
        fprintf(stderr,
                "espy: the flash image %s has %lld bytes, not the %u of --flash-size; "
                "give its size, or another file\n",
                path, (long long)st.st_size, (unsigned)size);
        close(fd);
        return -1;
    }
    flash.fd = fd;
    flash.size = size;
    free(flash.erase_counts);
    flash.erase_counts = calloc(size / HAL_FLASH_SECTOR_SIZE, sizeof(uint32_t));
    return 0;
}

uint32_t flash_host_erase_count(uint32_t sector) {
    return flash.erase_counts != NULL && sector < flash.size / HAL_FLASH_SECTOR_SIZE ? flash.erase_counts[sector] : 0;
}

uint32_t hal_flash_size(void) {
    return flash.fd >= 0 ? flash.size : 0;
}

// A Winbond 25Q-series id: manufacturer 0xEF, type 0x40, then log2 of the size.
uint32_t hal_flash_id(void) {
    if (flash.fd < 0) {
        return 0;
    }
    uint32_t log2 = 0;
    while ((1u << log2) < flash.size) {
        log2++;
    }
    return 0xEFu | 0x40u << 8 | log2 << 16;
}

// Where MicroPython's firmware for this size ends (spec: firmware image, section 4).
uint32_t hal_flash_user_start(void) {
    return flash.size >= (2u << 20) ? 0x100000u : flash.size >= (1u << 20) ? 0x98000u : 0x7B000u;
}

static int check_range(uint32_t offset, size_t len) {
    if (flash.fd < 0) {
        return -ESPY_ENODEV;
    }
    if (offset > flash.size || len > flash.size - offset) {
        return -ESPY_EINVAL;
    }
    return 0;
}

int hal_flash_read(uint32_t offset, void *buf, size_t len) {
    int r = check_range(offset, len);
    if (r != 0) {
        return r;
    }
    return pread(flash.fd, buf, len, offset) == (ssize_t)len ? 0 : -ESPY_EIO;
}

int hal_flash_write(uint32_t offset, const void *buf, size_t len) {
    int r = check_range(offset, len);
    if (r != 0) {
        return r;
    }
    if ((offset | len) & 3u) {
        return -ESPY_EINVAL;                 // as the chip's ROM routine
    }
    const uint8_t *in = buf;
    uint8_t old[256];
    while (len > 0) {
        size_t n = len < sizeof(old) ? len : sizeof(old);
        if (pread(flash.fd, old, n, offset) != (ssize_t)n) {
            return -ESPY_EIO;
        }
        for (size_t i = 0; i < n; i++) {
            old[i] &= in[i];                 // NOR: bits only go from 1 to 0
        }
        if (pwrite(flash.fd, old, n, offset) != (ssize_t)n) {
            return -ESPY_EIO;
        }
        in += n;
        offset += (uint32_t)n;
        len -= n;
    }
    return 0;
}

int hal_flash_erase(uint32_t sector) {
    if (flash.fd < 0) {
        return -ESPY_ENODEV;
    }
    if (sector >= flash.size / HAL_FLASH_SECTOR_SIZE) {
        return -ESPY_EINVAL;
    }
    uint8_t blank[HAL_FLASH_SECTOR_SIZE];
    memset(blank, 0xFF, sizeof(blank));
    if (pwrite(flash.fd, blank, sizeof(blank), (off_t)sector * HAL_FLASH_SECTOR_SIZE) != (ssize_t)sizeof(blank)) {
        return -ESPY_EIO;
    }
    flash.erase_counts[sector]++;
    return 0;
}
