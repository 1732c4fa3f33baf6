// SPDX-License-Identifier: MIT
// The boot-ROM routines the firmware calls. Their addresses are bound in
// esp8266.ld; addresses and tags come from shared/spec/esp8266-chip.md,
// section 5.1 (V: a vendor header declares the signature, C: community
// code only). The ROM uses the CALL0 ABI as our code does.
#ifndef ESPY_ESP8266_ROM_H
#define ESPY_ESP8266_ROM_H

#include <stdint.h>

// Flash window and SPI flash (cache routines: C; SPI routines: V, except
// SPIUnlock: C). The SPI routines return 0 ok, 1 error, 2 timeout; buffers
// 4-byte aligned, lengths multiples of 4. They must run with the cache off.
void Cache_Read_Enable(uint8_t odd_even, uint8_t mb_region, uint8_t cache_size);
void Cache_Read_Disable(void);
uint32_t SPIRead(uint32_t flash_addr, void *dst, uint32_t len);
uint32_t SPIWrite(uint32_t flash_addr, const void *src, uint32_t len);
uint32_t SPIEraseSector(uint32_t sector);
uint32_t SPIUnlock(void);

// CPU clock as the ROM's busy wait knows it (V).
void ets_update_cpu_frequency(uint32_t mhz);
uint32_t ets_get_cpu_frequency(void);

// Watchdog and reset (C).
void ets_wdt_disable(void);
void software_reset(void);
// The ROM's reset cause: 1 power-on, 2 the reset pin, 4 the hardware
// watchdog (spec sections 5.1 and 17, C).
uint32_t rtc_get_reset_reason(void);

#endif
