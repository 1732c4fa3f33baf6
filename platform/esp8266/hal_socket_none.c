// SPDX-License-Identifier: MIT
// hal.h's sockets on the chip: none yet. The WiFi stack is absent: lwIP (its
// raw TCP/UDP API, as MicroPython's modlwip uses it) plugs in here, each
// hal_socket_* over a pcb, when platform/esp8266 gets the radio, and
// replaces this file. Until then every call fails with ENODEV, as on QEMU.
#include "../qemu/hal_socket_none.c"
