#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""network on the simulated board (`espy --board --flash IMAGE --wifi FILE`),
driven through the raw REPL as serial tools drive a board (tests/board/
test_board.py's Board): the default radio environment, connecting (open,
WPA2, wrong key, missing network), ifconfig, config with every key and its
errors, hostname and phy_mode, the access point, sockets held back while
no interface is up, --wifi files good and bad, and what survives a soft
reset and a new run. Traffic stays on 127.0.0.1.

    test_network.py ESPY [-v] [NAME...]

Prints one line per test and ends with `N passed, N failed`."""
import os
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "board"))
import test_board as t  # noqa: E402

check = t.check
TESTS = []


def test(fn):
    TESTS.append(fn)
    return fn


def wifi_file(name, text):
    path = os.path.join(t.FLASH_DIR.name, name)
    with open(path, "w") as f:
        f.write(text)
    return path


class Net:
    """A board on a flash image of its own (new unless keep), in the raw REPL."""

    def __init__(self, image, wifi=None, keep=False):
        path = os.path.join(t.FLASH_DIR.name, image)
        if not keep and os.path.exists(path):
            os.remove(path)
        self.path, self.wifi = path, wifi
        command = [t.ESPY, "--board", "--flash", path, "--flash-size", "1M"] + (["--wifi", wifi] if wifi else [])
        self.b = t.Board(command=command)
        self.boot = self.b.read_until(t.BANNER_END)
        self.b.enter_raw(soft_reset=False)

    def run(self, code):
        """The output of code, lines joined by \\n; a traceback is a failure."""
        out, err = self.b.exec_raw_paste(code)
        check(err == b"", "error %r running %r" % (err, code))
        return out.decode().replace("\r\n", "\n")

    def lines(self, code):
        return self.run(code).rstrip("\n").split("\n")

    def soft_reset(self):
        self.b.send("\x04")
        self.b.expect("OK\r\nMPY: soft reboot\r\n" + t.RAW_BANNER.decode() + ">")

    def close(self):
        self.b.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


PRELUDE = "import network, time\nsta = network.WLAN(network.STA_IF)\nap = network.WLAN(network.AP_IF)\n"

# Prints "<status> <ms>" once the status is no longer CONNECTING (at most 3 s).
WAIT = ("def wait():\n    t0 = time.ticks_ms()\n    while sta.status() == network.STAT_CONNECTING"
        " and time.ticks_diff(time.ticks_ms(), t0) < 3000:\n        time.sleep_ms(10)\n"
        "    print(sta.status(), time.ticks_diff(time.ticks_ms(), t0))\n")


def error_of(code):
    """Python that prints the exception code raises as `Type: message`."""
    return "try:\n    %s\n    print('no error')\nexcept Exception as e:\n    print(type(e).__name__ + ':', e)\n" % code


# ---- defaults ---------------------------------------------------------------------------


@test
def defaults_after_first_boot():
    with Net("defaults.img") as n:
        check(b"Performing initial setup" in n.boot, "no first boot: %r" % n.boot)
        out = n.lines(PRELUDE + "print(sta.active(), ap.active(), sta.status(), ap.status(), sta.isconnected())\n"
                      "print(ap.config('ssid'), ap.config('security'), ap.config('hidden'), ap.config('channel'))\n"
                      "print(ap.config('mac').hex(), sta.config('mac').hex())\n"
                      "print(ap.ifconfig())\nprint(sta.ifconfig())\n"
                      "print(network.hostname(), network.phy_mode(), network.country(), sta.config('ssid') == '')\n"
                      "print(network.STA_IF, network.AP_IF, network.WLAN.IF_STA, network.WLAN.IF_AP, sta is network.WLAN())\n"
                      "print(network.STAT_IDLE, network.STAT_CONNECTING, network.STAT_WRONG_PASSWORD,"
                      " network.STAT_NO_AP_FOUND, network.STAT_CONNECT_FAIL, network.STAT_GOT_IP)\n"
                      "print(network.AUTH_OPEN, network.AUTH_WEP, network.AUTH_WPA_PSK, network.AUTH_WPA2_PSK,"
                      " network.AUTH_WPA_WPA2_PSK, network.WLAN.SEC_WPA_WPA2, network.MODE_11B, network.MODE_11N)\n"
                      "print(network.WLAN.PM_NONE, network.WLAN.PM_PERFORMANCE, network.WLAN.PM_POWERSAVE)\n"
                      + error_of("network.WLAN(2)"))
        check(out[0] == "False True 0 -1 False", "interfaces: %r" % out[0])
        check(out[1] == "MicroPython-e5b0a2 4 False 1", "inisetup's AP: %r" % out[1])
        check(out[2] == "1afe34e5b0a2 18fe34e5b0a2", "MACs from the chip id: %r" % out[2])
        check(out[3] == "('192.168.4.1', '255.255.255.0', '192.168.4.1', '208.67.222.222')", "AP: %r" % out[3])
        check(out[4] == "('0.0.0.0', '0.0.0.0', '0.0.0.0', '208.67.222.222')", "STA: %r" % out[4])
        check(out[5] == "mpy-esp8266 3 XX True", "hostname, phy mode: %r" % out[5])
        check(out[6] == "0 1 0 1 True", "interface ids: %r" % out[6])
        check(out[7] == "0 1 2 3 4 5", "STAT_*: %r" % out[7])
        check(out[8] == "0 1 2 3 4 4 1 3", "AUTH_*, MODE_*: %r" % out[8])
        check(out[9] == "0 2 1", "PM_*: %r" % out[9])
        check(out[10].startswith("ValueError:"), "WLAN(2): %r" % out[10])


@test
def default_scan():
    with Net("scan.img") as n:
        out = n.lines(PRELUDE + error_of("sta.scan()") + error_of("ap.scan()") +
                      "sta.active(True)\nt0 = time.ticks_ms()\nfor net in sta.scan():\n    print(net)\n"
                      "print(time.ticks_diff(time.ticks_ms(), t0) >= 100)\n")
        check(out[0] == "OSError: STA must be active", "scan while off: %r" % out[0])
        check(out[1] == "OSError: STA required", "scan on the AP: %r" % out[1])
        check(out[2] == r"(b'espy-open', b'\x02\x00\x00\x00\x00\x01', 1, -48, 0, 0)", "open net: %r" % out[2])
        check(out[3] == r"(b'espy-wpa2', b'\x02\x00\x00\x00\x00\x02', 6, -63, 3, 0)", "WPA2 net: %r" % out[3])
        check(out[4] == "True" and len(out) == 5, "scan blocks a moment: %r" % out[4:])


# ---- connecting -------------------------------------------------------------------------


@test
def connect_open_network():
    with Net("open.img") as n:
        out = n.lines(PRELUDE + WAIT + "sta.active(True)\nsta.connect('espy-open')\n"
                      "print(sta.status(), sta.isconnected())\nwait()\n"
                      "print(sta.isconnected(), sta.ifconfig())\n"
                      "print(sta.status('rssi'), sta.config('ssid'), sta.config('channel'))\n")
        check(out[0] == "1 False", "at once: %r" % out[0])
        status, ms = out[1].split()
        check(status == "5" and 250 <= int(ms) <= 1000, "connected after %r" % out[1])
        check(out[2] == "True ('192.168.0.162', '255.255.255.0', '192.168.0.1', '192.168.0.1')", "DHCP: %r" % out[2])
        check(out[3] == "-48 espy-open 1", "rssi, ssid, channel: %r" % out[3])


@test
def connect_wpa2_network():
    with Net("wpa2.img") as n:
        # The polling loop programs use, as on the chip.
        out = n.lines(PRELUDE + "sta.active(True)\nsta.connect('espy-wpa2', 'espy-secret')\nn = 0\n"
                      "while not sta.isconnected():\n    n += 1\n    time.sleep_ms(20)\n"
                      "print(n > 5, sta.status(), sta.ifconfig()[0], sta.status('rssi'))\n"
                      "print(sta.config('channel'), ap.config('channel'))\n"
                      "sta.disconnect()\nprint(sta.status(), sta.isconnected(), sta.ifconfig()[0], sta.status('rssi'))\n"
                      "sta.connect()\nprint(sta.status())\nwhile not sta.isconnected():\n    time.sleep_ms(20)\n"
                      "print('again', sta.ifconfig()[0])\n")
        check(out[0] == "True 5 192.168.1.162 -63", "WPA2: %r" % out[0])
        check(out[1] == "6 6", "the radio follows the AP's channel: %r" % out[1])
        check(out[2] == "0 False 0.0.0.0 31", "after disconnect: %r" % out[2])
        check(out[3] == "1" and out[4] == "again 192.168.1.162", "connect() with the saved credentials: %r" % out[3:])


@test
def wrong_key_and_missing_network():
    with Net("fail.img") as n:
        out = n.lines(PRELUDE + WAIT + "sta.active(True)\n"
                      "sta.connect('espy-wpa2', 'not-the-key')\nwait()\n"
                      "print(sta.isconnected(), sta.ifconfig()[0])\n"
                      "sta.connect('espy-wpa2')\nwait()\n"
                      "sta.connect('no-such-net', 'whatever')\nwait()\n"
                      "sta.connect('espy-open', bssid=b'\\x02\\x00\\x00\\x00\\x00\\x09')\nwait()\n"
                      "sta.connect('espy-open', 'any key', bssid=bytes([2, 0, 0, 0, 0, 1]))\nwait()\n"
                      + error_of("sta.connect('espy-open', bssid=b'12345')") + error_of("ap.connect('espy-open')")
                      + "sta.active(False)\n" + error_of("sta.connect('espy-open')") + error_of("sta.connect()"))
        status, ms = out[0].split()
        check(status == "2" and int(ms) >= 500, "wrong key: %r" % out[0])
        check(out[1] == "False 0.0.0.0", "no address: %r" % out[1])
        check(out[2].split()[0] == "2", "WPA2 without a key: %r" % out[2])
        status, ms = out[3].split()
        check(status == "3" and int(ms) >= 800, "missing SSID: %r" % out[3])
        check(out[4].split()[0] == "3", "wrong bssid: %r" % out[4])
        check(out[5].split()[0] == "5", "open network, its bssid, any key: %r" % out[5])
        check(out[6].startswith("ValueError:"), "a 5-byte bssid: %r" % out[6])
        check(out[7] == "OSError: STA required", "connect on the AP: %r" % out[7])
        check(out[8] == "OSError: can't set STA config", "connect while off: %r" % out[8])
        check(out[9] == "OSError: can't connect to AP", "connect() while off: %r" % out[9])


# ---- addresses --------------------------------------------------------------------------


@test
def ifconfig_get_and_set():
    with Net("ifconfig.img") as n:
        out = n.lines(PRELUDE + WAIT + "sta.active(True)\n"
                      "sta.ifconfig(('10.0.0.5', '255.255.255.0', '10.0.0.1', '8.8.8.8'))\n"
                      "print(sta.ifconfig(), sta.ipconfig('dhcp4'))\n"
                      "sta.connect('espy-open')\nwait()\nprint(sta.ifconfig()[0], sta.ipconfig('addr4'))\n"
                      "sta.ifconfig('dhcp')\nprint(sta.ifconfig(), sta.ipconfig('dhcp4'))\n"
                      "ap.ifconfig(('192.168.7.1', 16, '192.168.7.1', '1.1.1.1'))\nprint(ap.ifconfig())\n"
                      "sta.ipconfig(addr4='172.16.1.9/12', gw4='172.16.0.1')\n"
                      "print(sta.ipconfig('addr4'), sta.ipconfig('gw4'), network.ipconfig('dns'))\n"
                      "network.ipconfig(dns='9.9.9.9')\nprint(sta.ifconfig()[3], ap.ifconfig()[3])\n"
                      + error_of("sta.ifconfig(('10.0.0.300', '255.255.255.0', '10.0.0.1', '8.8.8.8'))")
                      + error_of("sta.ifconfig(('10.0.0.5', '255.255.255.0', '10.0.0.1'))")
                      + error_of("sta.ifconfig(('10.0.0', '255.255.255.0', '10.0.0.1', '8.8.8.8'))")
                      + error_of("ap.ifconfig('dhcp')") + error_of("sta.ipconfig('foo')"))
        check(out[0] == "('10.0.0.5', '255.255.255.0', '10.0.0.1', '8.8.8.8') False", "static: %r" % out[0])
        check(out[1].startswith("5 ") and out[2] == "10.0.0.5 ('10.0.0.5', '255.255.255.0')",
              "static while connected: %r" % out[1:3])
        check(out[3] == "('192.168.0.162', '255.255.255.0', '192.168.0.1', '192.168.0.1') True", "dhcp: %r" % out[3])
        check(out[4] == "('192.168.7.1', '255.255.0.0', '192.168.7.1', '1.1.1.1')", "AP, prefix mask: %r" % out[4])
        check(out[5] == "('172.16.1.9', '255.240.0.0') 172.16.0.1 1.1.1.1", "ipconfig: %r" % out[5])
        check(out[6] == "9.9.9.9 9.9.9.9", "one DNS server: %r" % out[6])
        check(out[7] == "ValueError: invalid arguments", "bad address: %r" % out[7])
        check(out[8] == "ValueError: requested length 4 but object has length 3", "3 items: %r" % out[8])
        check(out[9] == "ValueError: invalid arguments", "3 numbers: %r" % out[9])
        check(out[10] == "OSError: STA required", "AP dhcp: %r" % out[10])
        check(out[11] == "ValueError: unexpected key", "ipconfig('foo'): %r" % out[11])


# ---- config --------------------------------------------------------------------------------


@test
def config_every_key():
    with Net("config.img") as n:
        out = n.lines(PRELUDE +
                      "ap.config(ssid='my-ap', key='12345678', security=network.AUTH_WPA2_PSK, channel=11, hidden=True)\n"
                      "print(ap.config('ssid'), ap.config('essid'), ap.config('security'), ap.config('authmode'),"
                      " ap.config('channel'), ap.config('hidden'))\n"
                      "ap.config(essid=b'bytes-ap', password='abcdefghij', authmode=4, hidden=0)\n"
                      "print(ap.config('ssid'), ap.config('authmode'), ap.config('hidden'))\n"
                      "ap.config(ssid='x' * 40)\nprint(len(ap.config('ssid')))\n"
                      "sta.config(mac=b'\\x5c\\xcf\\x7f\\x01\\x02\\x03')\nprint(sta.config('mac').hex(), ap.config('mac').hex())\n"
                      "sta.config(hostname='board-1')\nprint(sta.config('hostname'), sta.config('dhcp_hostname'), network.hostname())\n"
                      "sta.config(dhcp_hostname='board-2')\nprint(network.hostname())\n"
                      "sta.config(protocol=network.MODE_11G)\nprint(sta.config('protocol'), network.phy_mode())\n"
                      "sta.config(txpower=15.5)\nsta.config(pm=sta.PM_NONE)\nprint(sta.config('pm'))\n"
                      "print(sta.config('reconnects'))\nsta.config(reconnects=3)\nprint(sta.config('reconnects'))\n"
                      "sta.active(True)\nsta.connect('espy-open')\nprint(sta.config('ssid'), sta.config('essid'))\n"
                      + error_of("sta.config('key')") + error_of("ap.config('password')")
                      + error_of("sta.config('txpower')") + error_of("sta.config('nothing')")
                      + error_of("sta.config(nothing=1)") + error_of("sta.config()")
                      + error_of("sta.config('mac', channel=1)") + error_of("sta.config(ssid='x')")
                      + error_of("sta.config('hidden')") + error_of("ap.config('reconnects')")
                      + error_of("ap.config('hostname')") + error_of("ap.config(security=3, key='short')")
                      + error_of("ap.config(security=network.AUTH_WEP, key='12345')")
                      + error_of("ap.config(channel=14)") + error_of("sta.config(mac=b'12345')")
                      + "print(ap.config('ssid'), ap.config('channel'))\n")
        want = [
            "my-ap my-ap 3 3 11 True",
            "bytes-ap 4 False",
            "32",
            "5ccf7f010203 1afe34e5b0a2",
            "board-1 board-1 board-1",
            "board-2",
            "2 2",
            "0",
            "-1",
            "3",
            "espy-open espy-open",
            "ValueError: unknown config param",
            "ValueError: unknown config param",
            "ValueError: unknown config param",
            "ValueError: unknown config param",
            "ValueError: unknown config param",
            "TypeError: must query one param",
            "TypeError: either pos or kw args are allowed",
            "OSError: AP required",
            "OSError: AP required",
            "OSError: STA required",
            "OSError: STA required",
            "OSError: can't set AP config",
            "OSError: can't set AP config",
            "OSError: can't set AP config",
            "ValueError: invalid buffer length",
            "x" * 32 + " 11",
        ]
        for i, (got, w) in enumerate(zip(out, want)):
            check(got == w, "line %d: %r, wanted %r" % (i, got, w))
        check(len(out) == len(want), "%d lines: %r" % (len(out), out))


@test
def hostname_and_phy_mode():
    with Net("hostname.img") as n:
        out = n.lines(PRELUDE + "network.hostname('h' * 32)\nprint(network.hostname() == 'h' * 32)\n"
                      + error_of("network.hostname('h' * 33)") + "print(len(network.hostname()))\n"
                      + "network.phy_mode(network.MODE_11B)\nprint(network.phy_mode())\n"
                      + error_of("network.phy_mode(4)") + "print(network.phy_mode())\n"
                      + "network.country('DE')\nprint(network.country())\n" + error_of("network.country('DEU')"))
        check(out[0] == "True", "32 characters: %r" % out[0])
        check(out[1] == "ValueError: hostname too long" and out[2] == "32", "33 characters: %r" % out[1:3])
        check(out[3] == "1" and out[4].startswith("ValueError:") and out[5] == "1", "phy_mode: %r" % out[3:6])
        check(out[6] == "DE" and out[7].startswith("ValueError:"), "country: %r" % out[6:])


# ---- the access point ------------------------------------------------------------------------


@test
def access_point():
    wifi = wifi_file("stations.txt", "# two phones on our AP\nap ssid=espy-open\n"
                     "station mac=a4:cf:12:00:00:01\nstation mac=a4:cf:12:00:00:02\n")
    with Net("ap.img", wifi=wifi) as n:
        out = n.lines(PRELUDE + "print(ap.status(), ap.isconnected())\nprint(ap.status('stations'))\n"
                      + error_of("ap.status('rssi')") + error_of("sta.status('stations')")
                      + error_of("sta.disconnect()".replace("sta", "ap"))
                      + "ap.active(False)\nprint(ap.active(), ap.isconnected(), ap.status('stations'))\n"
                      + "ap.active(True)\nprint(ap.active(), len(ap.status('stations')))\n")
        check(out[0] == "-1 True", "AP status: %r" % out[0])
        check(out[1] == r"[(b'\xa4\xcf\x12\x00\x00\x01', '192.168.4.2'), (b'\xa4\xcf\x12\x00\x00\x02', '192.168.4.3')]",
              "stations: %r" % out[1])
        check(out[2] == "ValueError: unknown status param", "AP rssi: %r" % out[2])
        check(out[3] == "ValueError: unknown status param", "STA stations: %r" % out[3])
        check(out[4] == "OSError: STA required", "AP disconnect: %r" % out[4])
        check(out[5] == "False False []", "AP off: %r" % out[5])
        check(out[6] == "True 2", "AP on again: %r" % out[6])


# ---- sockets ------------------------------------------------------------------------------------


class Servers:
    """A TCP server that records what each client sends, and a UDP echo."""

    def __init__(self):
        self.tcp = socket.socket()
        self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(4)
        self.tcp.settimeout(0.2)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0.2)
        self.received = []
        self.stop = False
        self.threads = [threading.Thread(target=self._tcp), threading.Thread(target=self._udp)]
        for th in self.threads:
            th.start()

    def _tcp(self):
        while not self.stop:
            try:
                c, _ = self.tcp.accept()
            except OSError:
                continue
            c.settimeout(2)
            data = b""
            try:
                while True:
                    d = c.recv(100)
                    if not d:
                        break
                    data += d
            except OSError:
                pass
            self.received.append(data)
            c.close()

    def _udp(self):
        while not self.stop:
            try:
                d, a = self.udp.recvfrom(100)
            except OSError:
                continue
            self.udp.sendto(b"echo:" + d, a)

    def close(self):
        self.stop = True
        for th in self.threads:
            th.join()
        self.tcp.close()
        self.udp.close()


@test
def sockets_need_a_network():
    servers = Servers()
    tcp, udp = servers.tcp.getsockname()[1], servers.udp.getsockname()[1]
    try:
        with Net("sockets.img") as n:
            send = ("def send(text):\n    s = socket.socket()\n    try:\n        s.connect(('127.0.0.1', %d))\n"
                    "        s.send(text)\n        print('sent', text)\n    except OSError as e:\n"
                    "        print('OSError', e.args[0])\n    s.close()\n"
                    "def echo(text):\n    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n    u.settimeout(2)\n"
                    "    try:\n        u.sendto(text, ('127.0.0.1', %d))\n        print(u.recv(50))\n"
                    "    except OSError as e:\n        print('OSError', e.args[0])\n    u.close()\n") % (tcp, udp)
            out = n.lines(PRELUDE + "import socket\n" + send + "send(b'ap-up')\necho(b'one')\n"
                          "ap.active(False)\nsend(b'no-network')\necho(b'two')\n"
                          "b = socket.socket()\nb.bind(('0.0.0.0', 0))\nb.listen(1)\nprint('bind and listen')\nb.close()\n"
                          "sta.active(True)\nsta.connect('espy-wpa2', 'bad key')\n"
                          "while sta.status() == network.STAT_CONNECTING:\n    time.sleep_ms(20)\n"
                          "send(b'wrong-key')\nsta.connect('espy-wpa2', 'espy-secret')\nsend(b'connecting')\n"
                          "while not sta.isconnected():\n    time.sleep_ms(20)\nsend(b'got-ip')\necho(b'three')\n")
            want = ["sent b'ap-up'", "b'echo:one'", "OSError 113", "OSError 113", "bind and listen", "OSError 113",
                    "OSError 113", "sent b'got-ip'", "b'echo:three'"]
            check(out == want, "sockets: %r" % out)
        deadline = time.time() + 3
        while len(servers.received) < 2 and time.time() < deadline:
            time.sleep(0.05)
        check(sorted(servers.received) == [b"ap-up", b"got-ip"], "the server got %r" % servers.received)
    finally:
        servers.close()


@test
def script_mode_has_the_host_network():
    # `espy prog.py`: no board, the host's network is there even with no interface up.
    servers = Servers()
    try:
        code = ("import network, socket\nnetwork.WLAN(1).active(False)\nu = socket.socket(2, 2)\nu.settimeout(2)\n"
                "u.sendto(b'x', ('127.0.0.1', %d))\nprint(u.recv(20), network.WLAN(0).active())\n"
                % servers.udp.getsockname()[1])
        p = subprocess.run([t.ESPY, "-c", code], capture_output=True, timeout=t.TIMEOUT, stdin=subprocess.DEVNULL)
        check(p.returncode == 0 and p.stdout == b"b'echo:x' False\n", "script mode: %r %r" % (p.stdout, p.stderr))
    finally:
        servers.close()


# ---- the --wifi file ------------------------------------------------------------------------------


@test
def custom_wifi_file():
    wifi = wifi_file("custom.txt", """# an office
ap ssid="Office WiFi" key=office-key-1 channel=11 rssi=-70 bssid=60:01:94:aa:bb:01 security=wpa/wpa2
ap ssid="Office WiFi" key=office-key-1 channel=3 rssi=-41 bssid=60:01:94:aa:bb:02

ap ssid=secret-lab key=labkey123 hidden=1 channel=9 rssi=-80
ap ssid="caf\\xc3\\xa9 \\"free\\"" channel=13
ap ssid=old-router key=abcde security=wep rssi=-90
""")
    with Net("custom.img", wifi=wifi) as n:
        out = n.lines(PRELUDE + WAIT + "sta.active(True)\nfor net in sta.scan():\n    print(net)\n"
                      "sta.connect('Office WiFi', 'office-key-1')\nwait()\nprint(sta.config('channel'), sta.status('rssi'))\n"
                      "sta.connect('Office WiFi', 'office-key-1', bssid=b'\\x60\\x01\\x94\\xaa\\xbb\\x01')\nwait()\n"
                      "print(sta.config('channel'), sta.status('rssi'), sta.ifconfig()[0])\n"
                      "sta.connect('secret-lab', 'labkey123')\nwait()\nprint(sta.config('channel'))\n"
                      "sta.connect(b'caf\\xc3\\xa9 \"free\"')\nwait()\nsta.connect('old-router', 'abcde')\nwait()\n")
        want = [
            r"(b'Office WiFi', b'`\x01\x94\xaa\xbb\x01', 11, -70, 4, 0)",
            r"(b'Office WiFi', b'`\x01\x94\xaa\xbb\x02', 3, -41, 3, 0)",
            r"(b'', b'\x02\x00\x00\x00\x00\x03', 9, -80, 3, 1)",
            r"""(b'caf\xc3\xa9 "free"', b'\x02\x00\x00\x00\x00\x04', 13, -60, 0, 0)""",
            r"(b'old-router', b'\x02\x00\x00\x00\x00\x05', 1, -90, 1, 0)",
        ]
        check(out[:5] == want, "scan: %r" % out[:5])
        check(out[5].split()[0] == "5" and out[6] == "3 -41", "the strongest of two: %r" % out[5:7])
        check(out[7].split()[0] == "5" and out[8] == "11 -70 192.168.0.162", "the bssid's: %r" % out[7:9])
        check(out[9].split()[0] == "5" and out[10] == "9", "a hidden network: %r" % out[9:11])
        check(out[11].split()[0] == "5" and out[12].split()[0] == "5", "quoted ssid, WEP: %r" % out[11:13])


MALFORMED = [
    ("ap ssid=a channel=15\n", "line 1: channel must be 1..14, not '15'"),
    ("# c\n\nap ssid=a colour=red\n", "line 3: unknown setting 'colour'"),
    ("ap key=12345678\n", "line 1: an ap needs an ssid"),
    ("ap ssid=a key=12345678 security=open\n", "line 1: an open network has no key"),
    ("ap ssid=a key=short\n", "line 1: a WPA key has 8 to 64 characters"),
    ("router ssid=a\n", "line 1: a line starts with 'ap' or 'station', not 'router'"),
    ('ap ssid="unclosed\n', "line 1: the value of ssid has no closing quote"),
    ("ap ssid=%s\n" % ("x" * 33), "line 1: an ssid has 1 to 32 bytes"),
    ("ap ssid=a bssid=01:02:03\n", "line 1: bssid must be six hex bytes"),
    ("ap ssid=a ssid=b\n", "line 1: ssid is given twice"),
    ("ap ssid=a rssi=-120\n", "line 1: rssi must be -100..-1"),
    ("ap ssid=a\n" * 33, "line 33: more than 32 access points"),
    ("ap ssid=%s\n" % ("y" * 600), "line 1: the line is longer than 512 bytes"),
    ("station mac=01:00:00:00:00:01\n", "line 1: mac must be six hex bytes of a unicast address"),
]


@test
def malformed_wifi_file():
    for i, (text, message) in enumerate(MALFORMED):
        path = wifi_file("bad%d.txt" % i, text)
        p = subprocess.run([t.ESPY, "--board", "--flash", os.path.join(t.FLASH_DIR.name, "unused.img"),
                            "--wifi", path], capture_output=True, timeout=t.TIMEOUT, stdin=subprocess.DEVNULL)
        err = p.stderr.decode()
        check(p.returncode == 2 and err.startswith("espy: --wifi %s, %s" % (path, message)),
              "%r: exit %d, %r" % (text[:40], p.returncode, err))
    p = subprocess.run([t.ESPY, "--wifi", "/nonexistent/wifi.txt", "-c", "pass"], capture_output=True,
                       timeout=t.TIMEOUT, stdin=subprocess.DEVNULL)
    check(p.returncode == 2 and b"can't open the --wifi file /nonexistent/wifi.txt" in p.stderr,
          "missing file: %r" % p.stderr)
    check(not os.path.exists(os.path.join(t.FLASH_DIR.name, "unused.img")), "a bad --wifi file still made a flash")


# ---- what survives ------------------------------------------------------------------------------


@test
def state_across_soft_reset_and_runs():
    with Net("kept.img") as n:
        n.run(PRELUDE + "sta.active(True)\nsta.connect('espy-open')\n"
              "while not sta.isconnected():\n    time.sleep_ms(20)\n"
              "network.hostname('kept-name')\nnetwork.phy_mode(network.MODE_11G)\n"
              "ap.config(ssid='kept-ap', key='kept-key-1', security=3)\nap.active(False)\n")
        n.soft_reset()
        out = n.lines(PRELUDE + "print(sta.active(), sta.isconnected(), sta.ifconfig()[0], ap.active())\n"
                      "print(network.hostname(), network.phy_mode(), ap.config('ssid'), sta.config('ssid'))\n")
        check(out[0] == "True True 192.168.0.162 False", "after soft reset: %r" % out[0])
        check(out[1] == "kept-name 2 kept-ap espy-open", "settings after soft reset: %r" % out[1])
    # A new run: the SDK's flash settings are back and the station reconnects
    # by itself; what lives in RAM (the hostname) is not.
    with Net("kept.img", keep=True) as n:
        check(b"Performing initial setup" not in n.boot, "set up again: %r" % n.boot)
        out = n.lines(PRELUDE + "print(sta.active(), ap.active(), sta.status() in (1, 5), network.hostname())\n"
                      "while not sta.isconnected():\n    time.sleep_ms(20)\n"
                      "print(sta.ifconfig()[0], ap.config('ssid'), ap.config('security'), sta.config('ssid'))\n"
                      "sta.active(False)\n")
        check(out[0] == "True False True mpy-esp8266", "after a new run: %r" % out[0])
        check(out[1] == "192.168.0.162 kept-ap 3 espy-open", "auto-connect: %r" % out[1])
    with Net("kept.img", keep=True) as n:
        out = n.lines(PRELUDE + "print(sta.active(), sta.status())\n")
        check(out[0] == "False 0", "the station stays off: %r" % out[0])


if __name__ == "__main__":
    t.main(TESTS, (OSError, subprocess.TimeoutExpired))
