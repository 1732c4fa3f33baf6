// SPDX-License-Identifier: MIT
// The SPI flash through the boot ROM's SPIRead, SPIWrite and SPIEraseSector.
//
// The flash and the cache that maps it at 0x40200000 share the SPI0 bus, so
// each ROM call runs with the cache off (Cache_Read_Disable ... 
// Cache_Read_Enable(0, 0, 1), as the vendor SDK wraps its flash calls) and
// with interrupts masked (their handlers may be in flash). That code,
// flash_call, is in IRAM and touches only IRAM, DRAM and the ROM. While the
// cache is off nothing in flash can be read, so buffers given to the ROM
// must be in data RAM and word-aligned: other buffers (unaligned ones, or
// constants in flash) go through a small bounce buffer on the stack.
// Interrupts stay masked for one call: reads go in pieces of 1 KiB, writes
// by page (256 bytes); an erase takes tens of milliseconds, during which
// UART input beyond the 128-byte FIFO is lost.
//
// The flash size is what the image header says (byte 3, high nibble), which
// esptool writes when flashing (--flash_size detect reads the chip's ID).
// The ROM's own idea of the size (its flashchip descriptor, whose layout is
// not verified) is left as the ROM set it.
#include <stdint.h>

#include "chip.h"
#include "regs.h"
#include "rom.h"

#define READ_PIECE 1024u
#define PAGE_SIZE 256u
#define BOUNCE_SIZE 64u
#define DATA_RAM_START 0x3FFE8000u          // the user data RAM and the ROM's, up to 0x40000000
#define DATA_RAM_END 0x40000000u
#define PHY_DATA_FROM_END 0x4000u
#define PHY_DATA_SIZE 128u
#define ROM_FLASH_LIMIT 0x400000u           // the ROM routines reach 4 MiB

enum { OP_READ, OP_WRITE, OP_ERASE, OP_ID };

// SPI0's registers (spec: chip, section 12) for the RDID command, which the
// ROM has no routine for. UNVERIFIED on hardware: that RDID leaves the
// three JEDEC bytes in W0, low byte first (the SDK's spi_flash_get_id
// returns them so).
#define SPI0_CMD REG32(0x60000200u)
#define SPI0_W0 REG32(0x60000240u)
#define SPI0_CMD_RDID (1u << 28)

volatile bool chip_flash_cache_off;
static bool unlocked;

IRAM_CODE static int flash_call(int op, uint32_t addr, uint32_t *buf, uint32_t len) {
    uint32_t ps = irq_disable();
    chip_flash_cache_off = true;
    Cache_Read_Disable();
    uint32_t r;
    if (op == OP_READ) {
        r = SPIRead(addr, buf, len);
    } else if (op == OP_ID) {
        while (SPI0_CMD != 0) {             // an earlier command still running
        }
        SPI0_W0 = 0;
        SPI0_CMD = SPI0_CMD_RDID;
        while (SPI0_CMD != 0) {
        }
        *buf = SPI0_W0 & 0xFFFFFFu;
        r = 0;
    } else {
        if (!unlocked) {
            SPIUnlock();                    // clears write protection, as the SDK does
            unlocked = true;
        }
        r = op == OP_WRITE ? SPIWrite(addr, buf, len) : SPIEraseSector(addr);
    }
    Cache_Read_Enable(0, 0, 1);
    chip_flash_cache_off = false;
    irq_restore(ps);
    return (int)r;
}

// Whether the ROM may be given p directly.
static bool direct(const void *p) {
    uintptr_t a = (uintptr_t)p;
    return (a & 3u) == 0 && a >= DATA_RAM_START && a < DATA_RAM_END;
}

uint32_t chip_flash_size(void) {
    // In 64 KiB units by header code (0: unknown): 512K 256K 1M 2M 4M 2M 4M - 8M 16M.
    static const uint16_t size_64k[16] = {8, 4, 16, 32, 64, 32, 64, 0, 128, 256, 0, 0, 0, 0, 0, 0};
    uint32_t header = *(const volatile uint32_t *)FLASH_WINDOW_START;
    return (uint32_t)size_64k[header >> 28] * 0x10000u;
}

static bool valid_range(uint32_t offset, uint32_t len) {
    uint32_t size = chip_flash_size();
    if (size > ROM_FLASH_LIMIT) {
        size = ROM_FLASH_LIMIT;
    }
    return ((offset | len) & 3u) == 0 && offset <= size && len <= size - offset;
}

int chip_flash_read(uint32_t offset, void *buf, uint32_t len) {
    if (!valid_range(offset, len)) {
        return CHIP_FLASH_BAD_ARG;
    }
    uint8_t *dst = buf;
    while (len > 0) {
        uint32_t n;
        int r;
        if (direct(dst)) {
            n = len < READ_PIECE ? len : READ_PIECE;
            r = flash_call(OP_READ, offset, (uint32_t *)dst, n);
        } else {
            uint32_t bounce[BOUNCE_SIZE / 4];
            n = len < BOUNCE_SIZE ? len : BOUNCE_SIZE;
            r = flash_call(OP_READ, offset, bounce, n);
            const uint8_t *src = (const uint8_t *)bounce;
            for (uint32_t i = 0; i < n; i++) {
                dst[i] = src[i];
            }
        }
        if (r != CHIP_FLASH_OK) {
            return r;
        }
        offset += n;
        dst += n;
        len -= n;
    }
    return CHIP_FLASH_OK;
}

int chip_flash_write(uint32_t offset, const void *buf, uint32_t len) {
    if (!valid_range(offset, len)) {
        return CHIP_FLASH_BAD_ARG;
    }
    const uint8_t *src = buf;
    while (len > 0) {
        uint32_t n = PAGE_SIZE - (offset & (PAGE_SIZE - 1u));   // never across a page
        if (n > len) {
            n = len;
        }
        int r;
        if (direct(src)) {
            r = flash_call(OP_WRITE, offset, (uint32_t *)src, n);
        } else {
            uint32_t bounce[BOUNCE_SIZE / 4];
            if (n > BOUNCE_SIZE) {
                n = BOUNCE_SIZE;
            }
            uint8_t *b = (uint8_t *)bounce;
            for (uint32_t i = 0; i < n; i++) {
                b[i] = src[i];              // -mforce-l32: constants in flash read fine
            }
            r = flash_call(OP_WRITE, offset, bounce, n);
        }
        if (r != CHIP_FLASH_OK) {
            return r;
        }
        offset += n;
        src += n;
        len -= n;
    }
    return CHIP_FLASH_OK;
}

uint32_t chip_flash_id(void) {
    uint32_t id = 0;
    flash_call(OP_ID, 0, &id, 0);
    return id;
}

int chip_flash_erase_sector(uint32_t sector) {
    if (!valid_range(sector * CHIP_FLASH_SECTOR_SIZE, CHIP_FLASH_SECTOR_SIZE) ||
        sector >= ROM_FLASH_LIMIT / CHIP_FLASH_SECTOR_SIZE) {
        return CHIP_FLASH_BAD_ARG;
    }
    return flash_call(OP_ERASE, sector, NULL, 0);
}

// esp_init_data_default v05 (spec: firmware image, section 5); byte 48 = 1
// says a 26 MHz crystal.
static const uint8_t phy_init_data[PHY_DATA_SIZE] = {
    0x05, 0x00, 0x04, 0x02, 0x05, 0x05, 0x05, 0x02, 0x05, 0x00, 0x04, 0x05, 0x05, 0x04, 0x05, 0x05,
    0x04, 0xFE, 0xFD, 0xFF, 0xF0, 0xF0, 0xF0, 0xE0, 0xE0, 0xE0, 0xE1, 0x0A, 0xFF, 0xFF, 0xF8, 0x00,
    0xF8, 0xF8, 0x52, 0x4E, 0x4A, 0x44, 0x40, 0x38, 0x00, 0x00, 0x01, 0x01, 0x02, 0x03, 0x04, 0x05,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0xE1, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x93, 0x43, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

void chip_flash_check_phy_data(void) {
    uint32_t size = chip_flash_size();
    if (size == 0 || size > ROM_FLASH_LIMIT) {
        return;                             // 8 and 16 MiB: users write it by hand (spec)
    }
    uint32_t current[PHY_DATA_SIZE / 4];
    uint32_t at = size - PHY_DATA_FROM_END;
    if (chip_flash_read(at, current, sizeof current) != CHIP_FLASH_OK) {
        return;
    }
    for (unsigned i = 0; i < PHY_DATA_SIZE / 4; i++) {
        if (current[i] != 0xFFFFFFFFu) {
            return;
        }
    }
    static const char msg[] = "Writing init data\n";
    uart_write(msg, sizeof msg - 1, true);
    chip_flash_write(at, phy_init_data, sizeof phy_init_data);
}
