// SPDX-License-Identifier: MIT
// The simulated board's flash image (flash_host.c; the hal_flash_* of hal.h).
#ifndef ESPY_HOST_FLASH_HOST_H
#define ESPY_HOST_FLASH_HOST_H

#include <stdbool.h>
#include <stdint.h>

// "512K", "1M", "2M", "4M", "8M" or "16M" in bytes; false for anything else.
bool flash_host_parse_size(const char *s, uint32_t *size);
// Opens (or creates, erased) the image; prints the reason and returns -1 on failure.
int flash_host_open(const char *path, uint32_t size);
uint32_t flash_host_erase_count(uint32_t sector);

#endif
