// SPDX-License-Identifier: MIT
// The simulated board's radio environment (`espy --wifi FILE`): which
// access points are in range and which stations join the board's own
// access point. The file is text, one thing per line:
//
//     # a comment line; blank lines are skipped
//     ap ssid=espy-open channel=1 rssi=-48
//     ap ssid="Home network" key=secret123 channel=6 rssi=-67 security=wpa2
//     ap ssid=hidden-one key=12345678 hidden=1 bssid=02:00:00:00:10:01
//     station mac=a4:cf:12:00:00:01
//
// `ap` settings: ssid (1..32 bytes, required), key (none for an open
// network; 8..64 bytes for WPA, 5, 10, 13 or 26 for WEP), security (open,
// wep, wpa, wpa2, wpa/wpa2 or 0..4; default wpa2 with a key, open without),
// channel (1..14, default 1), rssi (dBm, -100..-1, default -60), bssid (six
// hex bytes; default 02:00:00:00:00:NN, NN the line's AP number) and hidden
// (0 or 1). `station` takes mac (default 02:00:00:00:01:NN). A value is a
// word, or a double-quoted string where \" \\ and \xNN stand for a byte.
// At most WIFI_ENV_MAX_APS access points, WIFI_ENV_MAX_STATIONS stations and
// 512 bytes a line; anything else is an error naming the file and line.
//
// Without --wifi, two access points: "espy-open" (open, channel 1, -48 dBm)
// and "espy-wpa2" (WPA2, key "espy-secret", channel 6, -63 dBm).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wifi_env.h"

#define LINE_MAX_LEN 512

static wifi_env_t env = {
    .aps = {
        {.net = {.ssid = "espy-open", .ssid_len = 9, .bssid = {0x02, 0, 0, 0, 0, 1}, .channel = 1, .authmode = 0,
                 .rssi = -48}},
        {.net = {.ssid = "espy-wpa2", .ssid_len = 9, .bssid = {0x02, 0, 0, 0, 0, 2}, .channel = 6, .authmode = 3,
                 .rssi = -63},
         .key = "espy-secret", .key_len = 11},
    },
    .n_aps = 2,
};

const wifi_env_t *wifi_env(void) {
    return &env;
}

// ---- reading a line ------------------------------------------------------------------

typedef struct {
    const char *path;
    unsigned line;
} where_t;

static int fail(const where_t *w, const char *fmt, const char *arg) {
    fprintf(stderr, "espy: --wifi %s, line %u: ", w->path, w->line);
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    return -1;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

static bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// The next token of *p: a word, or a `name=value` pair whose value may be
// quoted. Copies the name to name (a word's text) and the value's bytes to
// value; returns the value's length, -1 for a word without '=', or -2
// (after fail) for a malformed value.
static int next_token(const where_t *w, const char **p, char *name, size_t name_size, uint8_t *value,
                      size_t value_size) {
    const char *s = *p;
    size_t n = 0;
    while (*s != '\0' && !is_space(*s) && *s != '=') {
        if (n + 1 < name_size) {
            name[n++] = *s;
        }
        s++;
    }
    name[n] = '\0';
    if (*s != '=') {
        *p = s;
        return -1;
    }
    s++;
    size_t len = 0;
    if (*s == '"') {
        for (s++; *s != '"'; s++) {
            if (*s == '\0') {
                return fail(w, "the value of %s has no closing quote", name), -2;
            }
            unsigned byte = (unsigned char)*s;
            if (*s == '\\') {
                s++;
                if (*s == 'x' && is_hex(s[1]) && is_hex(s[2])) {
                    char hex[3] = {s[1], s[2], '\0'};
                    byte = (unsigned)strtoul(hex, NULL, 16);
                    s += 2;
                } else if (*s == '"' || *s == '\\') {
                    byte = (unsigned char)*s;
                } else {
                    return fail(w, "bad escape in the value of %s (use \\\", \\\\ or \\xNN)", name), -2;
                }
            }
            if (len == value_size) {
                return fail(w, "the value of %s is too long", name), -2;
            }
            value[len++] = (uint8_t)byte;
        }
        s++;
        if (*s != '\0' && !is_space(*s)) {
            return fail(w, "a space must follow the quoted value of %s", name), -2;
        }
    } else {
        for (; *s != '\0' && !is_space(*s); s++) {
            if (*s == '"') {
                return fail(w, "a quote inside the value of %s (quote the whole value)", name), -2;
            }
            if (len == value_size) {
                return fail(w, "the value of %s is too long", name), -2;
            }
            value[len++] = (uint8_t)*s;
        }
    }
    *p = s;
    return (int)len;
}

// ---- values ----------------------------------------------------------------------------

// value as a NUL-terminated string (the caller's buffer holds len + 1).
static const char *text(uint8_t *value, int len) {
    value[len] = '\0';
    return (const char *)value;
}

static bool parse_int(const char *s, long min, long max, long *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
        return false;
    }
    *out = v;
    return true;
}

static bool parse_mac(const char *s, uint8_t mac[6]) {
    for (int i = 0; i < 6; i++) {
        if (!is_hex(s[0]) || !is_hex(s[1]) || s[2] != (i < 5 ? ':' : '\0')) {
            return false;
        }
        char hex[3] = {s[0], s[1], '\0'};
        mac[i] = (uint8_t)strtoul(hex, NULL, 16);
        s += 3;
    }
    return true;
}

static int parse_security(const char *s) {
    static const char *const names[] = {"open", "wep", "wpa", "wpa2", "wpa/wpa2"};
    for (int i = 0; i < 5; i++) {
        if (strcmp(s, names[i]) == 0) {
            return i;
        }
    }
    long v;
    return parse_int(s, 0, 4, &v) ? (int)v : -1;
}

// ---- lines -------------------------------------------------------------------------------

#define HAS(bit) (seen & (1u << (bit)))

// The settings of an `ap` line after its first word.
static int ap_line(const where_t *w, const char *p, wifi_env_t *e) {
    static const char *const names[] = {"ssid", "key", "security", "channel", "rssi", "bssid", "hidden"};
    if (e->n_aps == WIFI_ENV_MAX_APS) {
        return fail(w, "more than %s access points", "32");
    }
    wifi_env_ap_t *ap = &e->aps[e->n_aps];
    memset(ap, 0, sizeof *ap);
    ap->net.channel = 1;
    ap->net.rssi = -60;
    uint8_t bssid[6] = {0x02, 0, 0, 0, 0, (uint8_t)(e->n_aps + 1)};
    memcpy(ap->net.bssid, bssid, 6);
    int security = -1;
    unsigned seen = 0;
    for (;;) {
        while (is_space(*p)) {
            p++;
        }
        if (*p == '\0') {
            break;
        }
        char name[16];
        uint8_t value[HAL_WIFI_KEY_MAX + 1];
        int len = next_token(w, &p, name, sizeof name, value, sizeof value - 1);
        if (len == -2) {
            return -1;
        }
        if (len == -1) {
            return fail(w, "expected name=value, not '%s'", name);
        }
        int which = -1;
        for (int i = 0; i < 7; i++) {
            which = strcmp(name, names[i]) == 0 ? i : which;
        }
        if (which < 0) {
            return fail(w, "unknown setting '%s' (an ap has ssid, key, security, channel, rssi, bssid, hidden)",
                        name);
        }
        if (HAS(which)) {
            return fail(w, "%s is given twice", name);
        }
        seen |= 1u << which;
        long v;
        const char *t = which >= 2 ? text(value, len) : NULL;
        switch (which) {
            case 0:
                if (len < 1 || len > HAL_WIFI_SSID_MAX) {
                    return fail(w, "an ssid has 1 to 32 bytes%s", "");
                }
                memcpy(ap->net.ssid, value, (size_t)len);
                ap->net.ssid_len = (uint8_t)len;
                break;
            case 1:
                memcpy(ap->key, value, (size_t)len);
                ap->key_len = (uint8_t)len;
                break;
            case 2:
                if ((security = parse_security(t)) < 0) {
                    return fail(w, "security is open, wep, wpa, wpa2, wpa/wpa2 or 0..4, not '%s'", t);
                }
                break;
            case 3:
                if (!parse_int(t, 1, 14, &v)) {
                    return fail(w, "channel must be 1..14, not '%s'", t);
                }
                ap->net.channel = (uint8_t)v;
                break;
            case 4:
                if (!parse_int(t, -100, -1, &v)) {
                    return fail(w, "rssi must be -100..-1 (dBm), not '%s'", t);
                }
                ap->net.rssi = (int8_t)v;
                break;
            case 5:
                if (!parse_mac(t, ap->net.bssid)) {
                    return fail(w, "bssid must be six hex bytes such as 02:00:00:00:00:01, not '%s'", t);
                }
                break;
            default:
                if (!parse_int(t, 0, 1, &v)) {
                    return fail(w, "hidden must be 0 or 1, not '%s'", t);
                }
                ap->net.hidden = v != 0;
                break;
        }
    }
    if (!HAS(0)) {
        return fail(w, "an ap needs an ssid%s", "");
    }
    if (security < 0) {
        security = ap->key_len > 0 ? 3 : 0;
    }
    ap->net.authmode = (uint8_t)security;
    unsigned k = ap->key_len;
    if (security == 0 && k > 0) {
        return fail(w, "an open network has no key%s", "");
    }
    if (security == 1 && k != 5 && k != 10 && k != 13 && k != 26) {
        return fail(w, "a WEP key has 5, 10, 13 or 26 characters%s", "");
    }
    if (security >= 2 && (k < 8 || k > 64)) {
        return fail(w, "a WPA key has 8 to 64 characters%s", "");
    }
    e->n_aps++;
    return 0;
}

static int station_line(const where_t *w, const char *p, wifi_env_t *e) {
    if (e->n_stations == WIFI_ENV_MAX_STATIONS) {
        return fail(w, "more than %s stations", "8");
    }
    uint8_t *mac = e->stations[e->n_stations];
    uint8_t dflt[6] = {0x02, 0, 0, 0, 1, (uint8_t)(e->n_stations + 1)};
    memcpy(mac, dflt, 6);
    bool seen = false;
    for (;;) {
        while (is_space(*p)) {
            p++;
        }
        if (*p == '\0') {
            break;
        }
        char name[16];
        uint8_t value[32];
        int len = next_token(w, &p, name, sizeof name, value, sizeof value - 1);
        if (len == -2) {
            return -1;
        }
        if (len == -1 || strcmp(name, "mac") != 0) {
            return fail(w, "a station has only mac=..., not '%s'", name);
        }
        if (seen) {
            return fail(w, "%s is given twice", name);
        }
        seen = true;
        if (!parse_mac(text(value, len), mac) || (mac[0] & 1)) {
            return fail(w, "mac must be six hex bytes of a unicast address, not '%s'", (const char *)value);
        }
    }
    e->n_stations++;
    return 0;
}

int wifi_env_load(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "espy: can't open the --wifi file %s: %s\n", path, strerror(errno));
        return -1;
    }
    static wifi_env_t loaded;
    memset(&loaded, 0, sizeof loaded);
    where_t w = {path, 0};
    char line[LINE_MAX_LEN + 2];
    int result = 0;
    while (result == 0 && fgets(line, sizeof line, f) != NULL) {
        w.line++;
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n') {
            line[--n] = '\0';
        } else if (!feof(f)) {
            result = fail(&w, "the line is longer than %s bytes", "512");
            break;
        }
        if (strlen(line) != n) {
            result = fail(&w, "the line holds a NUL byte%s", "");
            break;
        }
        const char *p = line;
        while (is_space(*p)) {
            p++;
        }
        if (*p == '\0' || *p == '#') {
            continue;
        }
        char kind[16];
        size_t k = 0;
        for (; *p != '\0' && !is_space(*p); p++) {
            if (k + 1 < sizeof kind) {
                kind[k++] = *p;
            }
        }
        kind[k] = '\0';
        if (strcmp(kind, "ap") == 0) {
            result = ap_line(&w, p, &loaded);
        } else if (strcmp(kind, "station") == 0) {
            result = station_line(&w, p, &loaded);
        } else {
            result = fail(&w, "a line starts with 'ap' or 'station', not '%s'", kind);
        }
    }
    if (result == 0 && ferror(f)) {
        fprintf(stderr, "espy: can't read the --wifi file %s: %s\n", path, strerror(errno));
        result = -1;
    }
    fclose(f);
    if (result == 0) {
        env = loaded;
    }
    return result;
}
