// SPDX-License-Identifier: MIT
// hal.h's radio on a target without one: QEMU's sim machine, the fuzzing
// build (tests/fuzz/hal_fuzz.c) and, until the SDK's WiFi is bound, the chip
// (platform/esp8266/hal_wifi_none.c); those last two include this file.
// Every call fails with ENODEV, which network raises as OSError(ENODEV);
// what cannot fail answers "off". Sockets are not held back: the target's
// own network stack (none here) would answer for itself.
#include <string.h>

#include "exc.h"
#include "hal.h"

bool hal_wifi_active(unsigned ifc) {
    return false;
}

int hal_wifi_set_active(unsigned ifc, bool on) {
    return -ESPY_ENODEV;
}

int hal_wifi_scan(hal_wifi_net_t *nets, size_t max) {
    return -ESPY_ENODEV;
}

int hal_wifi_sta_config(hal_wifi_sta_config_t *config) {
    memset(config, 0, sizeof *config);
    return -ESPY_ENODEV;
}

int hal_wifi_connect(const hal_wifi_sta_config_t *config) {
    return -ESPY_ENODEV;
}

int hal_wifi_disconnect(void) {
    return -ESPY_ENODEV;
}

int hal_wifi_status(void) {
    return -ESPY_ENODEV;
}

int hal_wifi_ap_config(hal_wifi_ap_config_t *config) {
    memset(config, 0, sizeof *config);
    return -ESPY_ENODEV;
}

int hal_wifi_set_ap_config(const hal_wifi_ap_config_t *config) {
    return -ESPY_ENODEV;
}

int hal_wifi_ip(unsigned ifc, hal_wifi_ip_t *ip) {
    memset(ip, 0, sizeof *ip);
    return -ESPY_ENODEV;
}

int hal_wifi_set_ip(unsigned ifc, const hal_wifi_ip_t *ip) {
    return -ESPY_ENODEV;
}

int hal_wifi_mac(unsigned ifc, uint8_t mac[6]) {
    memset(mac, 0, 6);
    return -ESPY_ENODEV;
}

int hal_wifi_set_mac(unsigned ifc, const uint8_t mac[6]) {
    return -ESPY_ENODEV;
}

int hal_wifi_set_hostname(const char *name) {
    return -ESPY_ENODEV;
}

int hal_wifi_get(unsigned setting, int *value) {
    *value = 0;
    return -ESPY_ENODEV;
}

int hal_wifi_set(unsigned setting, int value) {
    return -ESPY_ENODEV;
}

int hal_wifi_clients(hal_wifi_client_t *clients, size_t max) {
    return -ESPY_ENODEV;
}

bool hal_wifi_net_up(void) {
    return true;
}
