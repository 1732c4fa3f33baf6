// SPDX-License-Identifier: MIT
// hal.h's radio on the host: a simulated ESP8266 WiFi in the environment of
// wifi_env.c (the --wifi file, or one open and one WPA2 network).
//
// The station connects as the chip's does, in the background: its status
// is CONNECTING for a moment, then GOT_IP (CONNECT_MS: association and
// DHCP), WRONG_PASSWORD (WRONG_KEY_MS: the handshake fails) or NO_AP_FOUND
// (NO_AP_MS: a scan of every channel found no such network). The status is
// worked out from the clock when asked, so no thread is needed. An open
// network takes any key; the others want theirs exactly. The station's
// address comes from the network's "DHCP server": 192.168.N.x, N the
// network's place in the environment, x from the MAC; the access point is
// 192.168.4.1/24 and gives the stations of the environment 192.168.4.2 on.
//
// What the SDK keeps in flash (which interfaces are on, the station's
// credentials, the access point's configuration) is kept in the simulated
// flash's first SDK parameter sector (flash size - 0x3000, where the SDK
// keeps its own), in a record of ours: it survives soft resets (this file's
// statics) and new runs on the same flash image. A blank record means a
// chip fresh from an erase: the access point on, open, named ESP_XXXXXX
// after its MAC, the station off. At start-up a station that is on connects
// with the saved credentials, as the SDK's auto-connect does.
#include <stddef.h>
#include <string.h>

#include "board_host.h"
#include "exc.h"
#include "hal.h"
#include "wifi_env.h"

#define CONNECT_MS 300
#define WRONG_KEY_MS 800
#define NO_AP_MS 1200
#define SCAN_MS 150
#define SAVED_FROM_END 0x3000            // the SDK's system parameters
#define SAVED_MAGIC 0x69466957u          // "WiFi"
#define SAVED_VERSION 1
#define RSSI_NONE 31

typedef struct saved {
    uint32_t magic, version;
    uint32_t active;                     // bit 0 STA, bit 1 AP
    hal_wifi_sta_config_t sta;
    hal_wifi_ap_config_t ap;
    uint32_t check;
} saved_t;

static struct {
    bool ready;
    saved_t saved;                       // what the flash holds (or would)
    // the station's link
    int status;
    int target;                          // the environment's AP it joins, -1 none
    uint32_t started;                    // when the attempt started (ms)
    int outcome;                         // its end
    bool dhcp;                           // the DHCP client runs (else fixed settings)
    hal_wifi_ip_t sta_fixed;
    // the rest of the radio
    hal_wifi_ip_t ap_ip;
    uint8_t dns[4];
    uint8_t mac[2][6];
    uint8_t channel;                     // the radio's, when no interface decides it
    int phy_mode, txpower, pm, reconnects;
    char hostname[HAL_WIFI_SSID_MAX + 1];
} wifi;

// ---- the flash record ------------------------------------------------------------------------

static uint32_t checksum(const saved_t *s) {
    const uint8_t *p = (const uint8_t *)s;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < offsetof(saved_t, check); i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    return h;
}

static uint32_t saved_offset(void) {
    return hal_flash_size() - SAVED_FROM_END;
}

static bool load_saved(saved_t *s) {
    if (hal_flash_size() < 2 * SAVED_FROM_END || hal_flash_read(saved_offset(), s, sizeof *s) != 0) {
        return false;
    }
    return s->magic == SAVED_MAGIC && s->version == SAVED_VERSION && s->check == checksum(s);
}

// Writes the record when it has changed, as the SDK writes its sectors.
static void store_saved(void) {
    saved_t *s = &wifi.saved;
    s->magic = SAVED_MAGIC;
    s->version = SAVED_VERSION;
    s->check = checksum(s);
    saved_t old;
    if (hal_flash_size() < 2 * SAVED_FROM_END
        || (hal_flash_read(saved_offset(), &old, sizeof old) == 0 && memcmp(&old, s, sizeof old) == 0)) {
        return;
    }
    _Static_assert(sizeof(saved_t) % 4 == 0, "flash writes are whole words");
    if (hal_flash_erase(saved_offset() / HAL_FLASH_SECTOR_SIZE) == 0) {
        hal_flash_write(saved_offset(), s, sizeof *s);
    }
}

// ---- the station -----------------------------------------------------------------------------

static bool sta_on(void) {
    return wifi.saved.active & 1;
}

static bool ap_on(void) {
    return wifi.saved.active & 2;
}

// How long an attempt with that outcome takes.
static uint32_t attempt_ms(int outcome) {
    return outcome == HAL_WIFI_GOT_IP ? CONNECT_MS : outcome == HAL_WIFI_WRONG_PASSWORD ? WRONG_KEY_MS : NO_AP_MS;
}

// The status now: an attempt whose time has come has ended.
static void update(void) {
    if (wifi.status == HAL_WIFI_CONNECTING && hal_ticks_ms() - wifi.started >= attempt_ms(wifi.outcome)) {
        wifi.status = wifi.outcome;
        if (wifi.status != HAL_WIFI_GOT_IP) {
            wifi.target = -1;
        } else if (wifi.dhcp) {
            memcpy(wifi.dns, (uint8_t[]){192, 168, (uint8_t)wifi.target, 1}, 4);   // the router's
        }
    }
}

// The AP the credentials lead to (-1 none): the strongest with the ssid
// (and the bssid, when one is set).
static int find_ap(const hal_wifi_sta_config_t *c) {
    const wifi_env_t *e = wifi_env();
    int best = -1;
    for (size_t i = 0; i < e->n_aps; i++) {
        const hal_wifi_net_t *n = &e->aps[i].net;
        if (c->ssid_len > 0 && n->ssid_len == c->ssid_len && memcmp(n->ssid, c->ssid, c->ssid_len) == 0
            && (!c->bssid_set || memcmp(n->bssid, c->bssid, 6) == 0)
            && (best < 0 || n->rssi > e->aps[best].net.rssi)) {
            best = (int)i;
        }
    }
    return best;
}

static void start_connect(void) {
    const hal_wifi_sta_config_t *c = &wifi.saved.sta;
    wifi.target = find_ap(c);
    wifi.started = hal_ticks_ms();
    wifi.status = HAL_WIFI_CONNECTING;
    if (wifi.target < 0) {
        wifi.outcome = HAL_WIFI_NO_AP_FOUND;
        return;
    }
    const wifi_env_ap_t *ap = &wifi_env()->aps[wifi.target];
    bool key_ok = ap->net.authmode == 0 || (c->key_len == ap->key_len && memcmp(c->key, ap->key, c->key_len) == 0);
    wifi.outcome = key_ok ? HAL_WIFI_GOT_IP : HAL_WIFI_WRONG_PASSWORD;
}

static void drop_link(void) {
    wifi.status = HAL_WIFI_IDLE;
    wifi.target = -1;
}

// ---- start-up -------------------------------------------------------------------------------

static void ap_defaults(hal_wifi_ap_config_t *ap) {
    memset(ap, 0, sizeof *ap);
    static const char hex[] = "0123456789ABCDEF";
    memcpy(ap->ssid, "ESP_", 4);
    for (int i = 0; i < 3; i++) {
        ap->ssid[4 + 2 * i] = (uint8_t)hex[wifi.mac[HAL_WIFI_AP][3 + i] >> 4];
        ap->ssid[5 + 2 * i] = (uint8_t)hex[wifi.mac[HAL_WIFI_AP][3 + i] & 15];
    }
    ap->ssid_len = 10;
    ap->channel = 1;
}

// The first call of any hal_wifi function: the MACs (the station's as the
// chip derives it from its id, with Espressif's OUI; the AP's the same
// with the locally administered bit), the saved settings, auto-connect.
static void ready(void) {
    if (wifi.ready) {
        return;
    }
    wifi.ready = true;
    uint32_t id = hal_chip_id();
    uint8_t sta_mac[6] = {0x18, 0xFE, 0x34, (uint8_t)(id >> 16), (uint8_t)(id >> 8), (uint8_t)id};
    memcpy(wifi.mac[HAL_WIFI_STA], sta_mac, 6);
    memcpy(wifi.mac[HAL_WIFI_AP], sta_mac, 6);
    wifi.mac[HAL_WIFI_AP][0] |= 0x02;
    wifi.target = -1;
    wifi.dhcp = true;
    memcpy(wifi.ap_ip.ip, (uint8_t[]){192, 168, 4, 1}, 4);
    memcpy(wifi.ap_ip.mask, (uint8_t[]){255, 255, 255, 0}, 4);
    memcpy(wifi.ap_ip.gw, (uint8_t[]){192, 168, 4, 1}, 4);
    memcpy(wifi.dns, (uint8_t[]){208, 67, 222, 222}, 4);   // lwIP's default on the port
    wifi.channel = 1;
    wifi.phy_mode = 3;
    wifi.txpower = 82;
    wifi.pm = 2;
    wifi.reconnects = -1;
    strcpy(wifi.hostname, "mpy-esp8266");
    if (!load_saved(&wifi.saved)) {
        memset(&wifi.saved, 0, sizeof wifi.saved);
        wifi.saved.active = 2;
        ap_defaults(&wifi.saved.ap);
    }
    if (sta_on() && wifi.saved.sta.ssid_len > 0) {
        start_connect();
    }
}

// ---- hal.h ------------------------------------------------------------------------------------

bool hal_wifi_active(unsigned ifc) {
    ready();
    return ifc == HAL_WIFI_STA ? sta_on() : ap_on();
}

int hal_wifi_set_active(unsigned ifc, bool on) {
    ready();
    uint32_t bit = ifc == HAL_WIFI_STA ? 1 : 2;
    if (on == ((wifi.saved.active & bit) != 0)) {
        return 0;
    }
    wifi.saved.active ^= bit;
    store_saved();
    if (ifc == HAL_WIFI_STA) {
        drop_link();
        if (on && wifi.saved.sta.ssid_len > 0) {
            start_connect();
        }
    }
    return 0;
}

int hal_wifi_scan(hal_wifi_net_t *nets, size_t max) {
    ready();
    if (!sta_on()) {
        return -ESPY_EPERM;
    }
    for (uint32_t start = hal_ticks_ms(); hal_ticks_ms() - start < SCAN_MS;) {
        hal_delay_ms(SCAN_MS - (hal_ticks_ms() - start));
    }
    const wifi_env_t *e = wifi_env();
    for (size_t i = 0; i < e->n_aps && i < max; i++) {
        nets[i] = e->aps[i].net;
        if (nets[i].hidden) {
            memset(nets[i].ssid, 0, sizeof nets[i].ssid);
            nets[i].ssid_len = 0;
        }
    }
    return (int)e->n_aps;
}

int hal_wifi_sta_config(hal_wifi_sta_config_t *config) {
    ready();
    *config = wifi.saved.sta;
    return 0;
}

int hal_wifi_connect(const hal_wifi_sta_config_t *config) {
    ready();
    if (!sta_on()) {
        return -ESPY_EPERM;
    }
    if (config != NULL) {
        wifi.saved.sta = *config;
        store_saved();
    }
    drop_link();
    start_connect();
    return 0;
}

int hal_wifi_disconnect(void) {
    ready();
    if (!sta_on()) {
        return -ESPY_EPERM;
    }
    drop_link();
    return 0;
}

int hal_wifi_status(void) {
    ready();
    update();
    return wifi.status;
}

int hal_wifi_ap_config(hal_wifi_ap_config_t *config) {
    ready();
    *config = wifi.saved.ap;
    return 0;
}

int hal_wifi_set_ap_config(const hal_wifi_ap_config_t *c) {
    ready();
    if (c->ssid_len == 0 || c->ssid_len > HAL_WIFI_SSID_MAX || c->authmode > 4 || c->authmode == 1
        || c->channel < 1 || c->channel > 13 || (c->authmode != 0 && (c->key_len < 8 || c->key_len > 63))) {
        return -ESPY_EINVAL;
    }
    wifi.saved.ap = *c;
    store_saved();
    return 0;
}

int hal_wifi_ip(unsigned ifc, hal_wifi_ip_t *ip) {
    ready();
    update();
    memset(ip, 0, sizeof *ip);
    if (ifc == HAL_WIFI_AP) {
        *ip = wifi.ap_ip;
    } else if (!wifi.dhcp) {
        *ip = wifi.sta_fixed;
    } else if (wifi.status == HAL_WIFI_GOT_IP) {
        uint8_t net = (uint8_t)wifi.target;
        memcpy(ip->ip, (uint8_t[]){192, 168, net, (uint8_t)(100 + wifi.mac[HAL_WIFI_STA][5] % 100)}, 4);
        memcpy(ip->mask, (uint8_t[]){255, 255, 255, 0}, 4);
        memcpy(ip->gw, (uint8_t[]){192, 168, net, 1}, 4);
    }
    memcpy(ip->dns, wifi.dns, 4);
    return 0;
}

int hal_wifi_set_ip(unsigned ifc, const hal_wifi_ip_t *ip) {
    ready();
    if (ifc == HAL_WIFI_AP) {
        wifi.ap_ip = *ip;
    } else {
        wifi.dhcp = false;
        wifi.sta_fixed = *ip;
    }
    memcpy(wifi.dns, ip->dns, 4);
    return 0;
}

int hal_wifi_mac(unsigned ifc, uint8_t mac[6]) {
    ready();
    memcpy(mac, wifi.mac[ifc == HAL_WIFI_AP], 6);
    return 0;
}

int hal_wifi_set_mac(unsigned ifc, const uint8_t mac[6]) {
    ready();
    if (mac[0] & 1) {
        return -ESPY_EINVAL;             // a multicast address
    }
    memcpy(wifi.mac[ifc == HAL_WIFI_AP], mac, 6);
    return 0;
}

int hal_wifi_set_hostname(const char *name) {
    ready();
    size_t n = strlen(name);
    if (n > HAL_WIFI_SSID_MAX) {
        return -ESPY_EINVAL;
    }
    memcpy(wifi.hostname, name, n + 1);
    return 0;
}

int hal_wifi_get(unsigned setting, int *value) {
    ready();
    update();
    switch (setting) {
        case HAL_WIFI_PHY_MODE: *value = wifi.phy_mode; return 0;
        case HAL_WIFI_PM: *value = wifi.pm; return 0;
        case HAL_WIFI_RECONNECTS: *value = wifi.reconnects; return 0;
        case HAL_WIFI_DHCP: *value = wifi.dhcp; return 0;
        case HAL_WIFI_RSSI:
            *value = wifi.status == HAL_WIFI_GOT_IP ? wifi_env()->aps[wifi.target].net.rssi : RSSI_NONE;
            return 0;
        case HAL_WIFI_CHANNEL:
            // The station follows its AP, and the access point with it (one radio).
            *value = wifi.target >= 0 && wifi.status == HAL_WIFI_GOT_IP ? wifi_env()->aps[wifi.target].net.channel
                     : ap_on()                                         ? wifi.saved.ap.channel
                                                                       : wifi.channel;
            return 0;
        default: return -ESPY_EINVAL;
    }
}

int hal_wifi_set(unsigned setting, int value) {
    ready();
    switch (setting) {
        case HAL_WIFI_PHY_MODE:
            if (value < 1 || value > 3) {
                return -ESPY_EINVAL;
            }
            wifi.phy_mode = value;
            return 0;
        case HAL_WIFI_TXPOWER:
            wifi.txpower = value < 0 ? 0 : value > 82 ? 82 : value;
            return 0;
        case HAL_WIFI_PM:
            if (value < 0 || value > 2) {
                return -ESPY_EINVAL;
            }
            wifi.pm = value;
            return 0;
        case HAL_WIFI_RECONNECTS:
            wifi.reconnects = value < -1 ? -1 : value;
            return 0;
        case HAL_WIFI_DHCP:
            if (!value) {
                return -ESPY_EINVAL;
            }
            update();
            wifi.dhcp = true;                // a connected station gets its lease at once
            if (wifi.status == HAL_WIFI_GOT_IP) {
                memcpy(wifi.dns, (uint8_t[]){192, 168, (uint8_t)wifi.target, 1}, 4);
            }
            return 0;
        default: return -ESPY_EINVAL;
    }
}

int hal_wifi_clients(hal_wifi_client_t *clients, size_t max) {
    ready();
    if (!ap_on()) {
        return 0;
    }
    const wifi_env_t *e = wifi_env();
    for (size_t i = 0; i < e->n_stations && i < max; i++) {
        memcpy(clients[i].mac, e->stations[i], 6);
        memcpy(clients[i].ip, wifi.ap_ip.ip, 3);
        clients[i].ip[3] = (uint8_t)(2 + i);
    }
    return (int)e->n_stations;
}

bool hal_wifi_net_up(void) {
    if (!board_host_active()) {
        return true;                     // script mode: the host's network is simply there
    }
    ready();
    update();
    return ap_on() || wifi.status == HAL_WIFI_GOT_IP;
}
