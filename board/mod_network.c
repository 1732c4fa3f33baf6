// SPDX-License-Identifier: MIT
// network (spec: esp8266-port-behaviour.md section 10): the two WiFi
// interfaces as WLAN(STA_IF) and WLAN(AP_IF), singletons, over hal.h's
// radio (the SDK on the chip, platform/host/hal_wifi.c's simulation on the
// host). The methods, their arguments and their errors are the port's
// (network_wlan.c): OSError("STA required") and friends, "unknown config
// param", configuration read and written in one call as the SDK's
// structures, the AP's fields written together at the end of config().
//
// The hostname and country live here, in RAM, as the port keeps them: they
// survive a soft reset and not a power cycle. The rest (which interfaces are
// on, the saved credentials, the AP's settings) is the radio's, kept in
// flash by the SDK.
#include <string.h>

#include "machine.h"
#include "gc.h"

#define SCAN_MAX 32
#define HOSTNAME_MAX 32

typedef struct wlan_obj {
    obj_t base;
    uint8_t ifc;                 // HAL_WIFI_STA or HAL_WIFI_AP
} wlan_obj_t;

extern const type_t network_wlan_type;
static const wlan_obj_t wlan_objs[2] = {{{&network_wlan_type}, HAL_WIFI_STA}, {{&network_wlan_type}, HAL_WIFI_AP}};

static char hostname[HOSTNAME_MAX + 1] = "mpy-esp8266";
static char country[3] = "XX";

// ---- helpers ------------------------------------------------------------------------------------

static unsigned wlan_ifc(value_t self) {
    return ((const wlan_obj_t *)obj_native(self, &network_wlan_type))->ifc;
}

static void require_if(value_t self, unsigned ifc) {
    if (wlan_ifc(self) != ifc) {
        raise_msg(&type_OSError, ifc == HAL_WIFI_STA ? "STA required" : "AP required");
    }
}

// A hal result: ENODEV (no radio) as OSError(ENODEV), other failures as
// the port's OSError(msg).
static void wifi_check(int r, const char *msg) {
    if (r == -ESPY_ENODEV) {
        raise_os_error(ESPY_ENODEV);
    }
    if (r < 0) {
        raise_msg(&type_OSError, msg);
    }
}

// A str or bytes argument (mp_obj_str_get_data).
static const uint8_t *str_or_bytes(value_t v, size_t *len) {
    const char *s = str_data(v, len);
    if (s != NULL) {
        return (const uint8_t *)s;
    }
    buffer_info_t b;
    if (value_is_bytes(v) && obj_get_buffer(v, &b, BUFFER_READ)) {
        *len = b.len;
        return b.buf;
    }
    raise_fmt(&type_TypeError, "can't convert '%T' object to str implicitly", v);
}

// The name a str argument holds, as an interned name (Q_NULL when no
// builtin name has that text: then it is no parameter either).
static qstr_t param_name(value_t v) {
    size_t len;
    const char *s = str_data(v, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "can't convert '%T' object to str implicitly", v);
    }
    return VAL_IS_QSTR(v) ? QSTR_INDEX(v) : qstr_find_strn(s, len);
}

static value_t ip_str(const uint8_t ip[4]) {
    char text[16], *p = text;
    for (int i = 0; i < 4; i++) {
        unsigned b = ip[i];
        if (b >= 100) {
            *p++ = (char)('0' + b / 100);
        }
        if (b >= 10) {
            *p++ = (char)('0' + b / 10 % 10);
        }
        *p++ = (char)('0' + b % 10);
        *p++ = '.';
    }
    return str_new(text, (size_t)(p - text - 1));
}

// A dotted quad as netutils parses it: '' is 0.0.0.0; anything else but
// four numbers of 0..255 is ValueError("invalid arguments").
static void ip_parse(value_t v, uint8_t ip[4]) {
    size_t len;
    const uint8_t *s = str_or_bytes(v, &len);
    memset(ip, 0, 4);
    size_t i = 0;
    for (int k = 0; k < 4 && len > 0; k++) {
        unsigned n = 0, digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            n = n * 10 + (unsigned)(s[i++] - '0');
            digits++;
        }
        if (digits == 0 || n > 255 || (k < 3 && (i >= len || s[i++] != '.'))) {
            raise_msg(&type_ValueError, "invalid arguments");
        }
        ip[k] = (uint8_t)n;
    }
    if (i != len) {
        raise_msg(&type_ValueError, "invalid arguments");
    }
}

// A netmask: a dotted quad, or an int prefix length.
static void mask_parse(value_t v, uint8_t mask[4]) {
    if (!value_is_int(v)) {
        ip_parse(v, mask);
        return;
    }
    smallint_t bits = value_get_int(v);
    if (bits < 0 || bits > 32) {
        raise_msg(&type_ValueError, "invalid arguments");
    }
    uint32_t m = bits == 0 ? 0 : 0xFFFFFFFFu << (32 - bits);
    for (int i = 0; i < 4; i++) {
        mask[i] = (uint8_t)(m >> (24 - 8 * i));
    }
}

static void get_ip(unsigned ifc, hal_wifi_ip_t *ip) {
    wifi_check(hal_wifi_ip(ifc, ip), "can't get IP config");
}

static void set_ip(unsigned ifc, const hal_wifi_ip_t *ip) {
    wifi_check(hal_wifi_set_ip(ifc, ip), "wifi_set_ip_info() failed");
}

static int wifi_get(unsigned setting) {
    int value = 0;
    wifi_check(hal_wifi_get(setting, &value), "can't read the radio's setting");
    return value;
}

// ---- active, connect, disconnect, status, isconnected, scan ---------------------------------

static value_t wlan_active_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned ifc = wlan_ifc(args[0]);
    if (n_args == 1) {
        return hal_wifi_active(ifc) ? VAL_TRUE : VAL_FALSE;
    }
    wifi_check(hal_wifi_set_active(ifc, obj_is_true(args[1])), "can't update i/f status");
    return VAL_NONE;
}
static BUILTIN_FN(wlan_active_obj, Q_active, 1, 2, false, wlan_active_fn);

// connect(ssid=None, key=None, *, bssid=None): what is given replaces the
// whole saved configuration (as the port's zeroed station_config), then the
// station connects in the background.
static value_t wlan_connect_fn(size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {{Q_ssid, 0}, {Q_key, 0}, {Q_bssid, ARG_KW_ONLY}};
    value_t a[3];
    machine_parse_args(n_args - 1, n_kw, args + 1, spec, 3, a);
    require_if(args[0], HAL_WIFI_STA);
    hal_wifi_sta_config_t config;
    memset(&config, 0, sizeof config);
    bool set_config = false;
    size_t len;
    if (a[0] != VAL_NULL && a[0] != VAL_NONE) {
        const uint8_t *s = str_or_bytes(a[0], &len);
        config.ssid_len = (uint8_t)(len < HAL_WIFI_SSID_MAX ? len : HAL_WIFI_SSID_MAX);
        memcpy(config.ssid, s, config.ssid_len);
        set_config = true;
    }
    if (a[1] != VAL_NULL && a[1] != VAL_NONE) {
        const uint8_t *s = str_or_bytes(a[1], &len);
        config.key_len = (uint8_t)(len < HAL_WIFI_KEY_MAX ? len : HAL_WIFI_KEY_MAX);
        memcpy(config.key, s, config.key_len);
        set_config = true;
    }
    if (a[2] != VAL_NULL && a[2] != VAL_NONE) {
        buffer_info_t b;
        obj_get_buffer_raise(a[2], &b, BUFFER_READ);
        if (b.len != 6) {
            raise_fmt(&type_ValueError, "bssid must be 6 bytes, not %d", (int)b.len);
        }
        memcpy(config.bssid, b.buf, 6);
        config.bssid_set = true;
        set_config = true;
    }
    wifi_check(hal_wifi_connect(set_config ? &config : NULL),
               set_config ? "can't set STA config" : "can't connect to AP");
    return VAL_NONE;
}
static BUILTIN_FN(wlan_connect_obj, Q_connect, 1, 3, true, wlan_connect_fn);

static value_t wlan_disconnect_fn(size_t n_args, size_t n_kw, const value_t *args) {
    require_if(args[0], HAL_WIFI_STA);
    wifi_check(hal_wifi_disconnect(), "can't disconnect from AP");
    return VAL_NONE;
}
static BUILTIN_FN(wlan_disconnect_obj, Q_disconnect, 1, 1, false, wlan_disconnect_fn);

// The stations connected to the AP: a list of (mac, ip).
static value_t ap_stations(void) {
    hal_wifi_client_t clients[8];
    int n = hal_wifi_clients(clients, 8);
    wifi_check(n, "can't list the stations");
    value_t list = list_new(0, NULL);
    for (int i = 0; i < n && i < 8; i++) {
        value_t item[2] = {bytes_new(clients[i].mac, 6), VAL_NONE};
        item[1] = ip_str(clients[i].ip);
        list_append(list, tuple_new(2, item));
    }
    return list;
}

// status(): the station's STAT_*, -1 for the AP; status('rssi') (STA),
// status('stations') (AP).
static value_t wlan_status_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned ifc = wlan_ifc(args[0]);
    if (n_args == 1) {
        if (ifc != HAL_WIFI_STA) {
            return SMALL(-1);
        }
        int status = hal_wifi_status();
        wifi_check(status, "can't read the status");
        return SMALL(status);
    }
    qstr_t param = param_name(args[1]);
    if (param == Q_rssi && ifc == HAL_WIFI_STA) {
        return SMALL(wifi_get(HAL_WIFI_RSSI));
    }
    if (param == Q_stations && ifc == HAL_WIFI_AP) {
        return ap_stations();
    }
    raise_msg(&type_ValueError, "unknown status param");
}
static BUILTIN_FN(wlan_status_obj, Q_status, 1, 2, false, wlan_status_fn);

static value_t wlan_isconnected_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (wlan_ifc(args[0]) == HAL_WIFI_STA) {
        return hal_wifi_status() == HAL_WIFI_GOT_IP ? VAL_TRUE : VAL_FALSE;
    }
    hal_wifi_client_t client;
    return hal_wifi_clients(&client, 1) > 0 ? VAL_TRUE : VAL_FALSE;
}
static BUILTIN_FN(wlan_isconnected_obj, Q_isconnected, 1, 1, false, wlan_isconnected_fn);

// scan(): blocks; (ssid, bssid, channel, RSSI, security, hidden) per network.
static value_t wlan_scan_fn(size_t n_args, size_t n_kw, const value_t *args) {
    require_if(args[0], HAL_WIFI_STA);
    if (!hal_wifi_active(HAL_WIFI_STA)) {
        raise_msg(&type_OSError, "STA must be active");
    }
    hal_wifi_net_t *nets = gc_alloc(SCAN_MAX * sizeof(hal_wifi_net_t), GC_LEAF);
    int n = hal_wifi_scan(nets, SCAN_MAX);
    if (n < 0) {
        gc_free(nets);
        wifi_check(n, "scan failed");
    }
    value_t list = list_new(0, NULL);
    for (int i = 0; i < n && i < SCAN_MAX; i++) {
        const hal_wifi_net_t *w = &nets[i];
        value_t item[6] = {bytes_new(w->ssid, w->ssid_len), VAL_NONE, SMALL(w->channel), SMALL(w->rssi),
                           SMALL(w->authmode), SMALL(w->hidden)};
        item[1] = bytes_new(w->bssid, 6);
        list_append(list, tuple_new(6, item));
    }
    gc_free(nets);
    return list;
}
static BUILTIN_FN(wlan_scan_obj, Q_scan, 1, 1, false, wlan_scan_fn);

// ---- ifconfig, ipconfig ---------------------------------------------------------------------

// ifconfig(): (ip, netmask, gateway, dns); ifconfig((ip, mask, gw, dns))
// sets them (no more DHCP on the station); ifconfig('dhcp') restarts the
// station's DHCP client.
static value_t wlan_ifconfig_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned ifc = wlan_ifc(args[0]);
    hal_wifi_ip_t ip;
    get_ip(ifc, &ip);
    if (n_args == 1) {
        value_t items[4] = {ip_str(ip.ip), VAL_NONE, VAL_NONE, VAL_NONE};
        items[1] = ip_str(ip.mask);
        items[2] = ip_str(ip.gw);
        items[3] = ip_str(ip.dns);
        return tuple_new(4, items);
    }
    size_t len;
    const char *s = str_data(args[1], &len);
    if (s != NULL && len == 4 && memcmp(s, "dhcp", 4) == 0) {
        require_if(args[0], HAL_WIFI_STA);
        wifi_check(hal_wifi_set(HAL_WIFI_DHCP, 1), "can't start DHCP");
        return VAL_NONE;
    }
    size_t n;
    value_t *items = machine_items(args[1], &n);
    if (n != 4) {
        raise_fmt(&type_ValueError, "requested length 4 but object has length %d", (int)n);
    }
    ip_parse(items[0], ip.ip);
    mask_parse(items[1], ip.mask);
    ip_parse(items[2], ip.gw);
    ip_parse(items[3], ip.dns);
    set_ip(ifc, &ip);
    return VAL_NONE;
}
static BUILTIN_FN(wlan_ifconfig_obj, Q_ifconfig, 1, 2, false, wlan_ifconfig_fn);

static value_t addr4_value(const hal_wifi_ip_t *ip) {
    value_t items[2] = {ip_str(ip->ip), VAL_NONE};
    items[1] = ip_str(ip->mask);
    return tuple_new(2, items);
}

// 'a.b.c.d/n' or (ip, mask).
static void addr4_parse(value_t v, hal_wifi_ip_t *ip) {
    size_t len;
    const char *s = str_data(v, &len);
    if (s == NULL) {
        size_t n;
        value_t *items = machine_items(v, &n);
        if (n != 2) {
            raise_fmt(&type_ValueError, "requested length 2 but object has length %d", (int)n);
        }
        ip_parse(items[0], ip->ip);
        mask_parse(items[1], ip->mask);
        return;
    }
    const char *slash = memchr(s, '/', len);
    if (slash == NULL) {
        ip_parse(v, ip->ip);
        return;
    }
    ip_parse(str_new(s, (size_t)(slash - s)), ip->ip);
    smallint_t bits = 0;
    size_t digits = 0;
    for (const char *p = slash + 1; p < s + len; p++, digits++) {
        if (*p < '0' || *p > '9' || digits == 2) {
            raise_msg(&type_ValueError, "invalid arguments");
        }
        bits = bits * 10 + (*p - '0');
    }
    if (digits == 0) {
        raise_msg(&type_ValueError, "invalid arguments");
    }
    mask_parse(SMALL(bits), ip->mask);
}

// ipconfig('dhcp4' | 'addr4' | 'gw4') or ipconfig(dhcp4=, addr4=, gw4=).
static value_t wlan_ipconfig_fn(size_t n_args, size_t n_kw, const value_t *args) {
    unsigned ifc = wlan_ifc(args[0]);
    if (n_args > 1 && n_kw > 0) {
        raise_msg(&type_TypeError, "either pos or kw args are allowed");
    }
    hal_wifi_ip_t ip;
    get_ip(ifc, &ip);
    if (n_kw == 0) {
        if (n_args != 2) {
            raise_msg(&type_TypeError, "can query only one param");
        }
        switch (param_name(args[1])) {
            case Q_dhcp4: return ifc == HAL_WIFI_AP || wifi_get(HAL_WIFI_DHCP) ? VAL_TRUE : VAL_FALSE;
            case Q_addr4: return addr4_value(&ip);
            case Q_gw4: return ip_str(ip.gw);
            default: raise_msg(&type_ValueError, "unexpected key");
        }
    }
    bool changed = false;
    for (size_t i = 0; i < n_kw; i++) {
        value_t v = args[n_args + 2 * i + 1];
        switch (param_name(args[n_args + 2 * i])) {
            case Q_dhcp4:
                if (ifc == HAL_WIFI_STA && obj_is_true(v)) {
                    wifi_check(hal_wifi_set(HAL_WIFI_DHCP, 1), "can't start DHCP");
                    get_ip(ifc, &ip);
                }
                break;
            case Q_addr4: addr4_parse(v, &ip); changed = true; break;
            case Q_gw4: ip_parse(v, ip.gw); changed = true; break;
            default: raise_msg(&type_ValueError, "unexpected key");
        }
    }
    if (changed) {
        set_ip(ifc, &ip);
    }
    return VAL_NONE;
}
static BUILTIN_FN(wlan_ipconfig_obj, Q_ipconfig, 1, 2, true, wlan_ipconfig_fn);

// ---- config ---------------------------------------------------------------------------------

static value_t hostname_set(value_t name);

static value_t config_get(value_t self, qstr_t param) {
    unsigned ifc = wlan_ifc(self);
    int need = -1;                       // the interface the parameter needs
    value_t value;
    hal_wifi_ap_config_t ap;
    wifi_check(hal_wifi_ap_config(&ap), "can't get AP config");
    switch (param) {
        case Q_mac: {
            uint8_t mac[6];
            wifi_check(hal_wifi_mac(ifc, mac), "can't get the MAC address");
            return bytes_new(mac, 6);
        }
        case Q_ssid:
        case Q_essid:
            if (ifc == HAL_WIFI_STA) {
                hal_wifi_sta_config_t sta;
                wifi_check(hal_wifi_sta_config(&sta), "can't get STA config");
                return str_new((const char *)sta.ssid, sta.ssid_len);
            }
            return str_new((const char *)ap.ssid, ap.ssid_len);
        case Q_hidden: need = HAL_WIFI_AP; value = ap.hidden ? VAL_TRUE : VAL_FALSE; break;
        case Q_security:
        case Q_authmode: need = HAL_WIFI_AP; value = SMALL(ap.authmode); break;
        case Q_channel: value = SMALL(wifi_get(HAL_WIFI_CHANNEL)); break;
        case Q_hostname:
        case Q_dhcp_hostname: need = HAL_WIFI_STA; value = str_new_cstr(hostname); break;
        case Q_protocol: value = SMALL(wifi_get(HAL_WIFI_PHY_MODE)); break;
        case Q_pm: value = SMALL(wifi_get(HAL_WIFI_PM)); break;
        case Q_reconnects: need = HAL_WIFI_STA; value = SMALL(wifi_get(HAL_WIFI_RECONNECTS)); break;
        default: raise_msg(&type_ValueError, "unknown config param");
    }
    if (need >= 0) {
        require_if(self, (unsigned)need);
    }
    return value;
}

// One config(name=value): AP fields go into *ap (written once, at the end).
static int config_set_one(value_t self, qstr_t param, value_t v, hal_wifi_ap_config_t *ap, bool *ap_changed) {
    size_t len;
    const uint8_t *s;
    switch (param) {
        case Q_mac: {
            buffer_info_t b;
            obj_get_buffer_raise(v, &b, BUFFER_READ);
            if (b.len != 6) {
                raise_msg(&type_ValueError, "invalid buffer length");
            }
            wifi_check(hal_wifi_set_mac(wlan_ifc(self), b.buf), "can't set the MAC address");
            return -1;
        }
        case Q_ssid:
        case Q_essid:
            s = str_or_bytes(v, &len);
            ap->ssid_len = (uint8_t)(len < HAL_WIFI_SSID_MAX ? len : HAL_WIFI_SSID_MAX);
            memset(ap->ssid, 0, sizeof ap->ssid);
            memcpy(ap->ssid, s, ap->ssid_len);
            break;
        case Q_hidden: ap->hidden = obj_is_true(v); break;
        case Q_security:
        case Q_authmode: ap->authmode = (uint8_t)value_get_int(v); break;
        case Q_key:
        case Q_password:
            s = str_or_bytes(v, &len);
            ap->key_len = (uint8_t)(len < HAL_WIFI_KEY_MAX - 1 ? len : HAL_WIFI_KEY_MAX - 1);
            memset(ap->key, 0, sizeof ap->key);
            memcpy(ap->key, s, ap->key_len);
            break;
        case Q_channel: ap->channel = (uint8_t)value_get_int(v); break;
        case Q_hostname:
        case Q_dhcp_hostname: hostname_set(v); return -1;
        case Q_protocol:
            wifi_check(hal_wifi_set(HAL_WIFI_PHY_MODE, (int)value_get_int(v)), "can't set the PHY mode");
            return -1;
        case Q_txpower: {
            double dbm = value_get_float(v);
            wifi_check(hal_wifi_set(HAL_WIFI_TXPOWER, dbm <= 0 ? 0 : dbm >= 20.5 ? 82 : (int)(dbm * 4)),
                       "can't set the TX power");
            return -1;
        }
        case Q_pm:
            wifi_check(hal_wifi_set(HAL_WIFI_PM, (int)value_get_int(v)), "invalid power management mode");
            return -1;
        case Q_reconnects: {
            smallint_t n = value_get_int(v);
            wifi_check(hal_wifi_set(HAL_WIFI_RECONNECTS, n < -1 ? -1 : n > 255 ? 255 : (int)n),
                       "can't set reconnects");
            return HAL_WIFI_STA;
        }
        default: raise_msg(&type_ValueError, "unknown config param");
    }
    *ap_changed = true;
    return HAL_WIFI_AP;
}

// config('param') reads one parameter; config(param=value, ...) sets them.
static value_t wlan_config_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args != 1 && n_kw != 0) {
        raise_msg(&type_TypeError, "either pos or kw args are allowed");
    }
    if (n_kw == 0) {
        if (n_args != 2) {
            raise_msg(&type_TypeError, "must query one param");
        }
        return config_get(args[0], param_name(args[1]));
    }
    hal_wifi_ap_config_t ap;
    wifi_check(hal_wifi_ap_config(&ap), "can't get AP config");
    bool ap_changed = false;
    int need = -1;
    for (size_t i = 0; i < n_kw; i++) {
        int n = config_set_one(args[0], param_name(args[n_args + 2 * i]), args[n_args + 2 * i + 1], &ap, &ap_changed);
        need = n >= 0 ? n : need;
    }
    // The port checks the interface after the loop, to save code.
    if (need >= 0) {
        require_if(args[0], (unsigned)need);
    }
    if (ap_changed) {
        wifi_check(hal_wifi_set_ap_config(&ap), "can't set AP config");
    }
    return VAL_NONE;
}
static BUILTIN_FN(wlan_config_obj, Q_config, 1, 2, true, wlan_config_fn);

// ---- the WLAN type --------------------------------------------------------------------------

// WLAN(interface_id=0): one of the two interfaces.
static value_t wlan_make_new(const type_t *type, size_t n_args, size_t n_kw, const value_t *args) {
    static const machine_arg_t spec[] = {{Q_interface_id, 0}};
    value_t a[1];
    machine_parse_args(n_args, n_kw, args, spec, 1, a);
    smallint_t id = machine_int_or(a[0], HAL_WIFI_STA);
    if (id != HAL_WIFI_STA && id != HAL_WIFI_AP) {
        raise_fmt(&type_ValueError, "invalid WLAN interface identifier: %d", (int)id);
    }
    return PTR_VAL(&wlan_objs[id]);
}

static void wlan_print(const print_t *p, value_t self, print_kind_t kind) {
    print_fmt(p, "<WLAN %s>", wlan_ifc(self) == HAL_WIFI_STA ? "STA_IF" : "AP_IF");
}

static const map_entry_t wlan_locals_table[] = {
    {QSTR(Q_IF_AP), SMALL(HAL_WIFI_AP)},
    {QSTR(Q_IF_STA), SMALL(HAL_WIFI_STA)},
    {QSTR(Q_PM_NONE), SMALL(0)},
    {QSTR(Q_PM_PERFORMANCE), SMALL(2)},
    {QSTR(Q_PM_POWERSAVE), SMALL(1)},
    {QSTR(Q_SEC_OPEN), SMALL(0)},
    {QSTR(Q_SEC_WEP), SMALL(1)},
    {QSTR(Q_SEC_WPA), SMALL(2)},
    {QSTR(Q_SEC_WPA2), SMALL(3)},
    {QSTR(Q_SEC_WPA_WPA2), SMALL(4)},
    {QSTR(Q_active), PTR_VAL(&wlan_active_obj)},
    {QSTR(Q_config), PTR_VAL(&wlan_config_obj)},
    {QSTR(Q_connect), PTR_VAL(&wlan_connect_obj)},
    {QSTR(Q_disconnect), PTR_VAL(&wlan_disconnect_obj)},
    {QSTR(Q_ifconfig), PTR_VAL(&wlan_ifconfig_obj)},
    {QSTR(Q_ipconfig), PTR_VAL(&wlan_ipconfig_obj)},
    {QSTR(Q_isconnected), PTR_VAL(&wlan_isconnected_obj)},
    {QSTR(Q_scan), PTR_VAL(&wlan_scan_obj)},
    {QSTR(Q_status), PTR_VAL(&wlan_status_obj)},
};
static const map_t wlan_locals = MAP_ROM(wlan_locals_table);

const type_t network_wlan_type = {
    {&type_type},
    .name = Q_WLAN,
    .print = wlan_print,
    .make_new = wlan_make_new,
    .locals = &wlan_locals,
};

// ---- the module's functions -----------------------------------------------------------------

static value_t hostname_set(value_t name) {
    size_t len;
    const char *s = str_data(name, &len);
    if (s == NULL) {
        raise_fmt(&type_TypeError, "can't convert '%T' object to str implicitly", name);
    }
    if (len > HOSTNAME_MAX) {
        raise_msg(&type_ValueError, "hostname too long");
    }
    char buf[HOSTNAME_MAX + 1];
    memcpy(buf, s, len);
    buf[len] = '\0';
    wifi_check(hal_wifi_set_hostname(buf), "can't set the hostname");
    memcpy(hostname, buf, len + 1);
    return VAL_NONE;
}

// hostname([name]): the name the station gives DHCP, at most 32 characters.
static value_t network_hostname_fn(size_t n_args, size_t n_kw, const value_t *args) {
    return n_args == 0 ? str_new_cstr(hostname) : hostname_set(args[0]);
}
static BUILTIN_FN(network_hostname_obj, Q_hostname, 0, 1, false, network_hostname_fn);

// phy_mode([mode]): MODE_11B, MODE_11G or MODE_11N.
static value_t network_phy_mode_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return SMALL(wifi_get(HAL_WIFI_PHY_MODE));
    }
    smallint_t mode = value_get_int(args[0]);
    if (mode < 1 || mode > 3) {
        raise_fmt(&type_ValueError, "invalid PHY mode: %d", (int)mode);
    }
    wifi_check(hal_wifi_set(HAL_WIFI_PHY_MODE, (int)mode), "can't set the PHY mode");
    return VAL_NONE;
}
static BUILTIN_FN(network_phy_mode_obj, Q_phy_mode, 0, 1, false, network_phy_mode_fn);

// country([code]): two letters, kept (the radio does not use it).
static value_t network_country_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args == 0) {
        return str_new(country, 2);
    }
    size_t len;
    const char *s = str_data(args[0], &len);
    if (s == NULL || len != 2) {
        raise_msg(&type_ValueError, "the country code has two letters");
    }
    memcpy(country, s, 2);
    return VAL_NONE;
}
static BUILTIN_FN(network_country_obj, Q_country, 0, 1, false, network_country_fn);

// ipconfig('dns') / ipconfig(dns='a.b.c.d'): the one DNS server.
static value_t network_ipconfig_fn(size_t n_args, size_t n_kw, const value_t *args) {
    if (n_args > 0 && n_kw > 0) {
        raise_msg(&type_TypeError, "either pos or kw args are allowed");
    }
    hal_wifi_ip_t ip;
    get_ip(HAL_WIFI_AP, &ip);
    if (n_kw == 0) {
        if (n_args != 1) {
            raise_msg(&type_TypeError, "can query only one param");
        }
        if (param_name(args[0]) != Q_dns) {
            raise_msg(&type_ValueError, "unexpected key");
        }
        return ip_str(ip.dns);
    }
    for (size_t i = 0; i < n_kw; i++) {
        if (param_name(args[2 * i]) != Q_dns) {
            raise_msg(&type_ValueError, "unexpected key");
        }
        ip_parse(args[2 * i + 1], ip.dns);
    }
    // The AP's settings as they are, with the new server: the station keeps
    // its DHCP client, as dns_setserver alone would.
    set_ip(HAL_WIFI_AP, &ip);
    return VAL_NONE;
}
static BUILTIN_FN(network_ipconfig_obj, Q_ipconfig, 0, 1, true, network_ipconfig_fn);

static const map_entry_t network_table[] = {
    {QSTR(Q___name__), QSTR(Q_network)},
    {QSTR(Q_AP_IF), SMALL(HAL_WIFI_AP)},
    {QSTR(Q_AUTH_OPEN), SMALL(0)},
    {QSTR(Q_AUTH_WEP), SMALL(1)},
    {QSTR(Q_AUTH_WPA_PSK), SMALL(2)},
    {QSTR(Q_AUTH_WPA2_PSK), SMALL(3)},
    {QSTR(Q_AUTH_WPA_WPA2_PSK), SMALL(4)},
    {QSTR(Q_MODE_11B), SMALL(1)},
    {QSTR(Q_MODE_11G), SMALL(2)},
    {QSTR(Q_MODE_11N), SMALL(3)},
    {QSTR(Q_STAT_CONNECTING), SMALL(HAL_WIFI_CONNECTING)},
    {QSTR(Q_STAT_CONNECT_FAIL), SMALL(HAL_WIFI_CONNECT_FAIL)},
    {QSTR(Q_STAT_GOT_IP), SMALL(HAL_WIFI_GOT_IP)},
    {QSTR(Q_STAT_IDLE), SMALL(HAL_WIFI_IDLE)},
    {QSTR(Q_STAT_NO_AP_FOUND), SMALL(HAL_WIFI_NO_AP_FOUND)},
    {QSTR(Q_STAT_WRONG_PASSWORD), SMALL(HAL_WIFI_WRONG_PASSWORD)},
    {QSTR(Q_STA_IF), SMALL(HAL_WIFI_STA)},
    {QSTR(Q_WLAN), PTR_VAL(&network_wlan_type)},
    {QSTR(Q_country), PTR_VAL(&network_country_obj)},
    {QSTR(Q_hostname), PTR_VAL(&network_hostname_obj)},
    {QSTR(Q_ipconfig), PTR_VAL(&network_ipconfig_obj)},
    {QSTR(Q_phy_mode), PTR_VAL(&network_phy_mode_obj)},
};
MODULE_ROM(network_module, Q_network, network_table);

ESPY_MODULE(network, network_module);
