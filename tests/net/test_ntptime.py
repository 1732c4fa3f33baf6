#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""ntptime (board/frozen/ntptime.py) against NTP servers on 127.0.0.1: Debian's
chronyd serving its own clock (`local stratum 8`, no system clock control,
on a port of its own; a responder of this script stands in where chronyd
is missing or cannot run), this script's responder for chosen times (the
2000 epoch, the 2036 wrap, the RTC's calendar), and a server that never
answers (OSError(ETIMEDOUT) after ntptime.timeout). On the simulated
board (test_network.py's Net) ntptime.settime() sets the RTC, and with no
interface up the request cannot leave (EHOSTUNREACH).

    test_ntptime.py ESPY [-v] [NAME...]

Prints one line per test and ends with `N passed, N failed` (`, N skipped`)."""
import calendar
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_network as net  # noqa: E402

t = net.t
check = t.check
TESTS = []
NTP_UNIX = 2208988800          # seconds from 1900 to 1970
UNIX_2000 = 946684800          # from 1970 to 2000


class Skip(Exception):
    pass


def test(fn):
    TESTS.append(fn)
    return fn


def espy(code):
    """Runs code in script mode; its stdout, lines joined by \\n."""
    p = subprocess.run([t.ESPY, "-c", code], capture_output=True, timeout=t.TIMEOUT, stdin=subprocess.DEVNULL)
    check(p.returncode == 0, "exit %d: %r %r" % (p.returncode, p.stdout, p.stderr))
    return p.stdout.decode().rstrip("\n").split("\n")


def ntp_query(port, timeout=0.5):
    """The transmit seconds of one client request to 127.0.0.1:port, or None."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(timeout)
    try:
        s.sendto(b"\x23" + bytes(47), ("127.0.0.1", port))
        reply = s.recv(100)
        return struct.unpack("!I", reply[40:44])[0] if len(reply) >= 48 else None
    except OSError:
        return None
    finally:
        s.close()


class Responder:
    """An NTP server on 127.0.0.1 that answers every request with the
    transmit seconds `seconds` gives (a number or a function of nothing),
    or never answers (silent). It keeps the requests it got."""

    def __init__(self, seconds=None, silent=False, port=0):
        self.seconds, self.silent = seconds, silent
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", port))
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.requests = []
        self.stop = False
        self.thread = threading.Thread(target=self._serve)
        self.thread.start()

    def _serve(self):
        while not self.stop:
            try:
                data, addr = self.sock.recvfrom(200)
            except OSError:
                continue
            self.requests.append(data)
            if self.silent:
                continue
            secs = self.seconds() if callable(self.seconds) else self.seconds
            reply = bytearray(48)
            reply[0] = 0x24                      # leap 0, version 4, mode 4 (server)
            reply[1] = 2
            reply[24:32] = data[40:48]           # the originate time: the client's transmit time
            reply[32:40] = reply[40:48] = struct.pack("!II", secs & 0xFFFFFFFF, 0x80000000)
            self.sock.sendto(bytes(reply), addr)

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


class Chrony:
    """chronyd serving its own clock on 127.0.0.1:port, in the foreground
    and without touching the system clock; `ok` is False when chronyd is
    missing or does not answer."""

    def __init__(self, port=None):
        self.proc = None
        self.ok = False
        self.why = ""
        binary = shutil.which("chronyd") or ("/usr/sbin/chronyd" if os.path.exists("/usr/sbin/chronyd") else None)
        if binary is None:
            self.why = "chronyd is not installed"
            return
        if port is None:
            probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
            probe.close()
        self.port = port
        self.dir = tempfile.TemporaryDirectory()
        conf = os.path.join(self.dir.name, "chrony.conf")
        with open(conf, "w") as f:
            f.write("port %d\nbindaddress 127.0.0.1\nallow 127.0.0.1\nlocal stratum 8\ncmdport 0\n"
                    "pidfile %s\n" % (port, os.path.join(self.dir.name, "chronyd.pid")))
        command = [binary, "-d", "-x", "-f", conf] + (["-u", "root"] if os.geteuid() == 0 else [])
        self.log = open(os.path.join(self.dir.name, "log"), "w+")
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 5
        while time.time() < deadline and self.proc.poll() is None:
            if ntp_query(port) is not None:
                self.ok = True
                return
        self.log.seek(0)
        self.why = "chronyd did not answer: %r" % self.log.read()[-300:]
        self.close()

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None


def ntp_seconds(year, month, day, h=0, m=0, s=0):
    return calendar.timegm((year, month, day, h, m, s, 0, 0, 0)) + NTP_UNIX


# ---- the module --------------------------------------------------------------------------


@test
def module_defaults_and_request():
    r = Responder(seconds=ntp_seconds(2030, 6, 15, 12, 34, 56))
    try:
        out = espy("import ntptime\nprint(ntptime.host, ntptime.timeout, ntptime.port)\n"
                   "ntptime.host = '127.0.0.1'\nntptime.port = %d\nprint(ntptime.time())\n" % r.port)
    finally:
        r.close()
    check(out[0] == "pool.ntp.org 1 123", "defaults: %r" % out[0])
    check(len(r.requests) == 1 and r.requests[0] == b"\x23" + bytes(47), "the request: %r" % r.requests)
    want = calendar.timegm((2030, 6, 15, 12, 34, 56, 0, 0, 0)) - UNIX_2000
    check(out[1] == str(want), "seconds since 2000: %r, wanted %d" % (out[1], want))


@test
def real_server_chrony():
    c = Chrony()
    r = None
    try:
        if c.ok:
            port, source = c.port, "chronyd"
        else:
            # Where chronyd cannot serve, the responder gives the host's time.
            r = Responder(seconds=lambda: int(time.time()) + NTP_UNIX)
            port, source = r.port, "responder (%s)" % c.why
        out = espy("import ntptime, machine, time\nntptime.host = '127.0.0.1'\nntptime.port = %d\n"
                   "machine.RTC().datetime((2001, 2, 3, 0, 4, 5, 6, 0))\nprint(time.time())\n"
                   "print(ntptime.time())\nntptime.settime()\nprint(time.time())\nprint(machine.RTC().datetime()[0])\n"
                   % port)
        now = int(time.time()) - UNIX_2000
        check(abs(int(out[0]) - (calendar.timegm((2001, 2, 3, 4, 5, 6, 0, 0, 0)) - UNIX_2000)) <= 1,
              "the RTC was set back first: %r" % out[0])
        check(abs(int(out[1]) - now) <= 3, "%s's time %r, the host's %d" % (source, out[1], now))
        check(abs(int(out[2]) - now) <= 3, "time.time() after settime: %r, the host's %d" % (out[2], now))
        check(out[3] == str(time.gmtime().tm_year), "the RTC's year: %r" % out[3])
        if not c.ok:
            print("     (%s)" % source)
    finally:
        c.close()
        if r:
            r.close()


@test
def the_2036_wrap():
    # An NTP time below 2024-01-01 has wrapped: 2040-01-01 is 2^32 seconds
    # later than what the 32-bit field holds.
    r = Responder(seconds=ntp_seconds(2040, 1, 1, 0, 0, 30) - (1 << 32))
    try:
        out = espy("import ntptime, time\nntptime.host = '127.0.0.1'\nntptime.port = %d\n"
                   "print(time.gmtime(ntptime.time()))\n" % r.port)
    finally:
        r.close()
    check(out[0] == "(2040, 1, 1, 0, 0, 30, 6, 1)", "after the wrap: %r" % out[0])


@test
def server_that_never_answers():
    r = Responder(silent=True)
    try:
        out = espy("import ntptime, time, machine\nntptime.host = '127.0.0.1'\nntptime.port = %d\n"
                   "machine.RTC().datetime((2005, 5, 5, 0, 5, 5, 5, 0))\n"
                   "for timeout in (1, 0.3):\n    ntptime.timeout = timeout\n    t0 = time.ticks_ms()\n"
                   "    try:\n        ntptime.settime()\n        print('no error')\n"
                   "    except OSError as e:\n        print(repr(e), time.ticks_diff(time.ticks_ms(), t0))\n"
                   "print(machine.RTC().datetime()[:3])\n" % r.port)
    finally:
        r.close()
    e1, ms1 = out[0].rsplit(" ", 1)
    e2, ms2 = out[1].rsplit(" ", 1)
    check(e1 == "OSError(110,)" or e1 == "OSError(110)", "the error: %r" % e1)
    check(e2 == e1, "the second error: %r" % e2)
    check(950 <= int(ms1) <= 2000, "timeout 1 s took %s ms" % ms1)
    check(280 <= int(ms2) <= 1000, "timeout 0.3 s took %s ms" % ms2)
    check(len(r.requests) == 2, "requests: %d" % len(r.requests))
    check(out[2] == "(2005, 5, 5)", "the RTC is left alone: %r" % out[2])


# ---- on the board ----------------------------------------------------------------------------


@test
def settime_on_the_board():
    r = Responder(seconds=ntp_seconds(2031, 12, 31, 23, 59, 50))
    try:
        with net.Net("ntp.img") as n:
            out = n.lines("import ntptime, machine, time, network\nntptime.host = '127.0.0.1'\nntptime.port = %d\n"
                          "ntptime.settime()\nprint(machine.RTC().datetime()[:7])\nprint(time.localtime()[:6])\n"
                          "network.WLAN(network.AP_IF).active(False)\n"
                          "try:\n    ntptime.settime()\nexcept OSError as e:\n    print('OSError', e.args[0])\n"
                          "sta = network.WLAN(network.STA_IF)\nsta.active(True)\nsta.connect('espy-open')\n"
                          "while not sta.isconnected():\n    time.sleep_ms(20)\nprint(ntptime.time())\n"
                          % r.port)
            n.soft_reset()
            after = n.lines("import time\nprint(time.localtime()[:3])\n")
    finally:
        r.close()
    # 2031-12-31 was a Wednesday: weekday 2 (Monday is 0).
    check(out[0] == "(2031, 12, 31, 2, 23, 59, 50)", "RTC.datetime(): %r" % out[0])
    check(out[1] in ("(2031, 12, 31, 23, 59, 50)", "(2031, 12, 31, 23, 59, 51)"), "localtime: %r" % out[1])
    check(out[2] == "OSError 113", "no interface up: %r" % out[2])
    check(out[3] == str(ntp_seconds(2031, 12, 31, 23, 59, 50) - NTP_UNIX - UNIX_2000), "connected: %r" % out[3])
    check(len(r.requests) == 2, "requests that left the board: %d" % len(r.requests))
    check(after[0] in ("(2031, 12, 31)", "(2032, 1, 1)"), "the RTC after a soft reset: %r" % after[0])


@test
def port_123_as_the_port():
    # The port's module asks port 123; with the rights to serve it, chronyd
    # does, and ntptime is used as is (only the host changed).
    if os.geteuid() != 0:
        raise Skip("serving port 123 needs root")
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.bind(("127.0.0.1", 123))
    except OSError as e:
        raise Skip("127.0.0.1:123 is taken (%s)" % e)
    finally:
        probe.close()
    c = Chrony(port=123)
    r = None
    try:
        if not c.ok:
            try:
                r = Responder(seconds=lambda: int(time.time()) + NTP_UNIX, port=123)
            except OSError as e:
                raise Skip("127.0.0.1:123 was taken meanwhile (%s)" % e)
        out = espy("import ntptime\nntptime.host = '127.0.0.1'\nprint(ntptime.time())\n")
        now = int(time.time()) - UNIX_2000
        check(abs(int(out[0]) - now) <= 3, "port 123: %r, the host's %d" % (out[0], now))
    finally:
        c.close()
        if r:
            r.close()


if __name__ == "__main__":
    t.main(TESTS, (OSError, subprocess.TimeoutExpired), Skip)
