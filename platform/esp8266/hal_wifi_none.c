// SPDX-License-Identifier: MIT
// hal.h's radio on the chip: not bound yet. The radio is driven only by
// Espressif's closed libraries (shared/spec/esp8266-chip.md section 18);
// binding them (wifi_set_opmode, wifi_station_set_config and _connect,
// wifi_station_scan, wifi_get_ip_info, wifi_softap_set_config...) is future
// work, and replaces this file. Until then every call fails with ENODEV, as
// on QEMU.
#include "../qemu/hal_wifi_none.c"
