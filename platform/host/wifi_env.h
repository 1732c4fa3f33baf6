// SPDX-License-Identifier: MIT
// The radio environment of the host's simulated board (wifi_env.c): the
// access points around it and the stations that join its own access point,
// from the `--wifi FILE` of the command line or a default of one open and
// one WPA2 network. hal_wifi.c plays the radio in it.
#ifndef ESPY_HOST_WIFI_ENV_H
#define ESPY_HOST_WIFI_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hal.h"

#define WIFI_ENV_MAX_APS 32
#define WIFI_ENV_MAX_STATIONS 8

// An access point: what a scan shows of it (its ssid even when hidden;
// a scan blanks it), and its key.
typedef struct wifi_env_ap {
    hal_wifi_net_t net;
    uint8_t key[HAL_WIFI_KEY_MAX];
    uint8_t key_len;
} wifi_env_ap_t;

typedef struct wifi_env {
    wifi_env_ap_t aps[WIFI_ENV_MAX_APS];
    size_t n_aps;
    uint8_t stations[WIFI_ENV_MAX_STATIONS][6];   // the MACs of those that join our AP
    size_t n_stations;
} wifi_env_t;

// The environment: the default until wifi_env_load replaces it.
const wifi_env_t *wifi_env(void);

// Reads a --wifi file; 0, or -1 after printing what is wrong and where.
int wifi_env_load(const char *path);

#endif
