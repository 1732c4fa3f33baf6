#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""WebREPL on the simulated board, byte for byte as
shared/spec/webrepl-protocol.md: `espy --board` (tests/board/test_board.py's
Board, on its UART) starts webrepl on a free loopback port, and a WebSocket
client written here with the standard library speaks to it as the official
webrepl_cli.py does (unmasked binary frames, the WA/WB records) or as a
browser does (masked text frames): the handshake, login and a refused
password, the terminal shared with UART0, Ctrl-C, put/get/version, a second
client refused, malformed requests and frames closing only their
connection (and a thousand random ones), espy's own page for a plain
GET, webrepl_setup's dialogue editing boot.py, and the heap a session holds.

    test_webrepl.py ESPY [-v] [NAME...]

Prints one line per failing test (every test with -v) and ends with
`N passed, N failed`."""
import os
import re
import random
import socket
import struct
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "board"))
import test_board as t  # noqa: E402

TIMEOUT = 10
TESTS = []
PASSWORD = b"secret"
check = t.check


def test(fn):
    TESTS.append(fn)
    return fn


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Closed(Exception):
    pass


class Client:
    """A WebSocket client as webrepl_cli.py is (unmasked frames, binary by
    default), or as a browser is with mask=True (masked frames, the RFC's
    handshake)."""

    def __init__(self, port, mask=False, request=None):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
        self.buf = b""
        self.text = b""
        self.mask = mask
        if request is None:
            key = b"dGhlIHNhbXBsZSBub25jZQ==" if mask else b"foo"
            request = (b"GET / HTTP/1.1\r\nHost: echo.websocket.org\r\nConnection: Upgrade\r\n"
                       b"Upgrade: websocket\r\nSec-WebSocket-Key: " + key + b"\r\n\r\n")
        self.s.sendall(request)

    def close(self):
        self.s.close()

    def _recv(self, timeout=TIMEOUT):
        self.s.settimeout(timeout)
        try:
            data = self.s.recv(65536)
        except socket.timeout:
            raise t.Failure("nothing from the board in %ss; have %r" % (timeout, self.buf))
        except ConnectionResetError:
            data = b""
        if not data:
            raise Closed()
        self.buf += data

    def read_exact(self, n):
        while len(self.buf) < n:
            self._recv()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_until(self, what):
        while what not in self.buf:
            self._recv()
        i = self.buf.index(what) + len(what)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def handshake(self):
        return self.read_until(b"\r\n\r\n")

    def frame(self):
        b0, b1 = self.read_exact(2)
        check(b1 & 0x80 == 0, "the board masked a frame")
        check(b0 in (0x81, 0x82, 0x88), "frame byte 0 %#x" % b0)
        n = b1 & 0x7F
        check(n != 127, "a 64-bit length from the board")
        if n == 126:
            n = struct.unpack(">H", self.read_exact(2))[0]
        return b0 & 0x0F, self.read_exact(n)

    def send(self, data, opcode=2, fin=True, mask=None):
        if isinstance(data, str):
            data = data.encode()
        mask = self.mask if mask is None else mask
        head = bytes([(0x80 if fin else 0) | opcode])
        n = len(data)
        m = 0x80 if mask else 0
        head += bytes([m | n]) if n < 126 else bytes([m | 126]) + struct.pack(">H", n)
        if mask:
            key = os.urandom(4)
            data = bytes(c ^ key[i & 3] for i, c in enumerate(data))
            head += key
        self.s.sendall(head + data)

    def send_text(self, data):
        self.send(data, opcode=1)

    def text_until(self, what):
        """Text frames up to `what` (binary ones are a failure here)."""
        if isinstance(what, str):
            what = what.encode()
        while what not in self.text:
            op, data = self.frame()
            check(op == 1, "binary frame %r while reading text %r" % (data, self.text))
            self.text += data
        i = self.text.index(what) + len(what)
        out, self.text = self.text[:i], self.text[i:]
        return out

    def binary(self):
        """The next binary frame; text frames before it are kept in .text."""
        while True:
            op, data = self.frame()
            if op == 2:
                return data
            self.text += data

    def login(self, password=PASSWORD):
        self.handshake()
        got = self.text_until(": ")
        check(got == b"Password: ", "prompt %r" % got)
        self.send(password + b"\r")
        got = self.text_until(">>> ")
        check(got == b"\r\nWebREPL connected\r\n>>> ", "login answer %r" % got)
        return self

    def closed(self, timeout=TIMEOUT):
        """True when the board closes the connection within timeout."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                self._recv(max(0.01, deadline - time.time()))
            except Closed:
                return True
            except t.Failure:
                return False
        return False

    def record(self, kind, name=b"", size=0):
        return struct.pack("<2sBBQLH64s", b"WA", kind, 0, 0, size, len(name), name)

    def expect_ok(self, what):
        got = self.binary()
        check(got == b"WB\x00\x00", "%s: answer %r" % (what, got))

    def put(self, name, data):
        rec = self.record(1, name, len(data))
        self.send(rec[:10])                      # as webrepl_cli.py: 10 + 72 bytes
        self.send(rec[10:])
        self.expect_ok("put")
        for i in range(0, len(data), 1024):
            self.send(data[i:i + 1024])
        self.expect_ok("put end")

    def get(self, name):
        self.send(self.record(2, name))
        self.expect_ok("get")
        out = b""
        while True:
            self.send(b"\x00")
            d = self.binary()
            n = struct.unpack("<H", d[:2])[0]
            check(len(d) == 2 + n and n <= 256, "get chunk of %d bytes, length field %d" % (len(d), n))
            if n == 0:
                break
            out += d[2:]
        self.expect_ok("get end")
        return out

    def version(self):
        self.send(self.record(3))
        return self.binary()


class WebreplBoard:
    """A board with webrepl started on a free port, its REPL friendly."""

    def __init__(self, password="secret", flash=None):
        self.port = free_port()
        self.b = t.Board(flash=flash)
        self.b.read_until(t.BANNER_END)
        self.b.expect(">>> ")
        self.b.enter_raw(soft_reset=False)
        t.raw_eval(self.b, "import gc, os\ngc.collect()\nm0 = gc.mem_free()")
        out = t.raw_eval(self.b, "import webrepl\nwebrepl.start(port=%d, password=%r)" % (self.port, password))
        # The address of each active interface, as the port prints it (the
        # simulated board's access point is up after its first boot).
        check(re.fullmatch(rb"WebREPL server started on http://192\.168\.4\.1:%d/\r\nStarted webrepl in manual override mode\r\n"
                           % self.port, out), "start: %r" % out)
        t.raw_eval(self.b, "gc.collect()\nm1 = gc.mem_free()")
        self.b.send("\x02")
        self.b.read_until(t.BANNER_END)
        self.b.expect(">>> ")

    def client(self, **kw):
        return Client(self.port, **kw)

    def close(self):
        self.b.close()


def board_test(fn):
    def wrapper():
        w = WebreplBoard()
        try:
            fn(w)
        finally:
            w.close()
    wrapper.__name__ = fn.__name__
    return test(wrapper)


# ---- login and terminal ---------------------------------------------------------------


@board_test
def handshake_and_login(w):
    c = w.client(mask=True)
    resp = c.handshake()
    check(resp == b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n", "101 answer %r" % resp)
    op, data = c.frame()
    check((op, data) == (1, b"Password: "), "prompt %r %r" % (op, data))
    c.send_text("sec")                          # in pieces, as typed in a browser
    c.send_text("ret\r")
    got = c.text_until(">>> ")
    check(got == b"\r\nWebREPL connected\r\n>>> ", "connected %r" % got)
    w.b.read_until("\r\nWebREPL connection from: ('127.0.0.1', ")
    c.send_text("print(6 * 7)\r")
    got = c.text_until("42\r\n>>> ")
    check(got == b"print(6 * 7)\r\n42\r\n>>> ", "command output %r" % got)
    w.b.read_until("print(6 * 7)\r\n42\r\n>>> ")  # the same session on UART0
    # What is typed on UART0 shows on the WebREPL too.
    w.b.send("'from ' + 'uart'\r")
    got = c.text_until(">>> ")
    check(got == b"'from ' + 'uart'\r\n'from uart'\r\n>>> ", "UART0's command on the WebREPL: %r" % got)
    check(c.version() == b"\x01\x18\x00", "version")
    # Ping and pong are skipped; a close frame is answered 0x88 0x00.
    c.send(b"hi", opcode=9)
    c.send(b"", opcode=10)
    c.send_text("")                             # an empty data frame: nothing
    c.send_text("1+1\r")
    check(c.text_until(">>> ") == b"1+1\r\n2\r\n>>> ", "after ping, pong, empty frame")
    c.send(b"", opcode=8)
    check(c.read_exact(2) == b"\x88\x00", "close answer")
    check(c.closed(), "closed after the close frame")
    w.b.read_until("dupterm: EOF received, deactivating\r\n")


@board_test
def wrong_password(w):
    c = w.client()
    c.handshake()
    c.text_until("Password: ")
    w.b.read_until("WebREPL connection from:")
    w.b.send("1+1\r")                          # output before the login is not sent
    w.b.read_until("2\r\n>>> ")
    started = time.time()
    c.send(b"print('x')\r")                   # typed input does not reach the REPL either
    got = c.text_until("denied\r\n")
    check(got == b"\r\nAccess denied\r\n", "refusal %r" % got)
    check(c.closed(), "closed after a refusal")
    waited = time.time() - started
    check(1.5 <= waited <= 5, "closed %.2f s after the refusal" % waited)
    got = w.b.read_until("dupterm: EOF received, deactivating\r\n")
    check(b"x" not in got.replace(b"deactivating", b""), "the password reached the REPL: %r" % got)
    check(c.text == b"", "sent before the login: %r" % c.text)
    # Ten characters or more never match; then the right one works.
    c = w.client()
    c.handshake()
    c.text_until("Password: ")
    c.send(b"secretsecret\n")
    check(c.text_until("\r\n") + c.text_until("\r\n") == b"\r\nAccess denied\r\n", "long password")
    c.close()
    w.b.read_until("dupterm: EOF received, deactivating\r\n")
    w.client().login().close()


@board_test
def ctrl_c_and_long_output(w):
    c = w.client().login()
    c.send_text("while True:\r")
    c.send_text("pass\r")
    c.send_text("\r")
    c.text_until("...     \r\n")
    time.sleep(0.3)
    c.send_text("\x03")
    got = c.text_until(">>> ")
    check(got.startswith(b"Traceback (most recent call last):\r\n") and b"KeyboardInterrupt" in got,
          "Ctrl-C over WebREPL: %r" % got)
    # A long output, in frames of any size; UTF-8 is never cut between frames.
    c.send_text("print('\\u00e9' * 3000)\r")
    c.text_until("\r\n")
    got = c.text_until("\r\n>>> ")
    check(got.decode() == "\u00e9" * 3000 + "\r\n>>> ", "long output: %d bytes" % len(got))


# ---- files -------------------------------------------------------------------------------


@board_test
def put_get_version(w):
    c = w.client().login()
    check(c.version() == b"\x01\x18\x00", "version first, as webrepl_cli.py")
    data = bytes(random.Random(1).randrange(256) for _ in range(3000))
    c.put(b"up.bin", data)
    c.put(b"empty.txt", b"")
    c.put(b"sub/../x.py", b"print('x')\n")
    t.check(c.get(b"up.bin") == data, "get gives back what put sent")
    t.check(c.get(b"empty.txt") == b"", "empty file")
    # The board's filesystem has them (read on UART0, through the raw REPL).
    w.b.enter_raw(soft_reset=False)
    out = t.raw_eval(w.b, "import hashlib, binascii, os\nd = open('up.bin', 'rb').read()\n"
                          "print(len(d), binascii.hexlify(hashlib.sha256(d).digest()).decode())\n"
                          "print(os.stat('empty.txt')[6], open('x.py').read())")
    import hashlib
    want = "%d %s\r\n0 print('x')\r\n\r\n" % (len(data), hashlib.sha256(data).hexdigest())
    check(out == want.encode(), "on the board: %r" % out)
    # A file made on the board comes back by get; text frames in between are skipped.
    t.raw_eval(w.b, "with open('made.txt', 'w') as f:\n    f.write('made on the board ' * 40)")
    check(c.get(b"made.txt") == b"made on the board " * 40, "get of a board file")
    # The raw-paste answers on UART0 reached the client too, made UTF-8 (0x80 is not).
    check(b"R\x01\xef\xbf\xbd\x00\x01" in c.text, "raw-paste answer on the WebREPL: %r" % c.text[-200:])
    # A file that cannot be opened ends the session, with the port's message.
    c.send(c.record(2, b"nothere.txt"))
    check(c.closed(), "closed after a get of a missing file")
    got = w.b.read_until("ENOENT\r\n")
    check(got.endswith(b"dupterm: Exception in read() method, deactivating: OSError: [Errno 2] ENOENT\r\n"),
          "missing file: %r" % got)


# ---- one client; malformed input ------------------------------------------------------------


@board_test
def second_client_refused(w):
    c1 = w.client().login()
    w.b.read_until("WebREPL connection from: ")
    c2 = w.client()
    check(c2.handshake().startswith(b"HTTP/1.1 101 Switching Protocols\r\n"), "the second gets the handshake")
    check(c2.closed(), "then is closed")
    check(c2.buf == b"", "without a message: %r" % c2.buf)
    got = w.b.read_until(" rejected\r\n")
    check(b"\r\nConcurrent WebREPL connection from ('127.0.0.1', " in got, "console message %r" % got)
    got = c1.text_until(" rejected\r\n")     # on every console
    check(got.startswith(b"\r\nConcurrent WebREPL connection from "), "on the first client: %r" % got)
    c1.send_text("2 * 21\r")
    check(c1.text_until(">>> ") == b"2 * 21\r\n42\r\n>>> ", "the first goes on")
    c1.close()
    w.b.read_until("dupterm: EOF received, deactivating\r\n")
    w.client().login().close()


BAD_REQUESTS = [
    b"x" * 3000,                                             # no line end
    b"GET / HTTP/1.1\r\n" + b"X-Y: z\r\n" * 100 + b"\r\n",  # too many headers
    b"GET / HTTP/1.1\r\nno colon here\r\n\r\n",
    b"GET / HTTP/1.1\r\nCookie: " + b"c" * 9000 + b"\r\n\r\n",  # too big
]

BAD_FRAMES = [
    b"\x82\x7f" + b"\x00" * 8,       # the 64-bit length
    b"\xc2\x01x",                     # a reserved bit
    b"\x83\x01x",                     # a reserved opcode
    b"\x89\x7e\x00\xc8" + b"p" * 200,  # a control frame longer than 125
    b"\x80\x01x",                     # a continuation of nothing (before any data frame)
    b"\x09\x00",                      # a fragmented control frame
]


def board_answers(w, c=None):
    w.b.send("'ali' + 've'\r")
    w.b.read_until("'ali' + 've'\r\n'alive'\r\n>>> ")


@board_test
def malformed_input_closes_only_that_connection(w):
    c1 = None
    for req in BAD_REQUESTS:
        c = w.client(request=req)
        check(c.closed(), "a bad request %r... was not closed" % req[:40])
        check(c.buf == b"", "answer to a bad request: %r" % c.buf[:100])
    board_answers(w)
    # A client that sends half a request and waits is dropped after 3 s.
    c = w.client(request=b"GET / HTTP/1.1\r\nUpgr")
    started = time.time()
    check(c.closed(), "a slow request was not closed")
    check(time.time() - started < 4.5, "slow request closed after %.1f s" % (time.time() - started))
    board_answers(w)
    # Frames that break the protocol, before and after the login.
    for i, frame in enumerate(BAD_FRAMES):
        c = w.client()
        if i % 2:
            c.login()
        else:
            c.handshake()
            c.text_until("Password: ")
        c.s.sendall(frame)
        check(c.closed(), "bad frame %r was not closed" % frame[:8])
        w.b.read_until("dupterm: EOF received, deactivating\r\n")
    c1 = w.client().login()
    c1.send(b"WA\x07" + b"\x00" * 79)         # an unknown request ends the session
    check(c1.closed(), "unknown request")
    w.b.read_until("ValueError: WebREPL: unknown request 7\r\n")
    c1 = w.client().login()
    c1.send(b"WA\x01" + b"\x00" * 15 + b"n" * 64)  # a name without its NUL
    check(c1.closed(), "name without NUL")
    w.b.read_until("ENAMETOOLONG\r\n")
    board_answers(w)
    w.client().login().close()


def random_frames(rnd):
    """Frames of random shapes, none of them text: random bytes typed into
    the REPL could run anything (a Ctrl-D would reset the board)."""
    out = b""
    for _ in range(rnd.randrange(1, 6)):
        opcode = rnd.choice([0, 2, 2, 2, 3, 8, 9, 10, 11])
        n = rnd.choice([0, 1, 5, 82, 125, 126, 300, rnd.randrange(70000)])
        payload = bytes(rnd.randrange(256) for _ in range(min(n, 400)))
        head = bytes([rnd.choice([0x80, 0x80, 0x80, 0x00, 0xC0]) | opcode])
        m = rnd.choice([0, 0x80])
        if n < 126:
            head += bytes([m | n])
        elif n < 65536:
            head += bytes([m | 126]) + struct.pack(">H", n)
        else:
            head += bytes([m | 127]) + struct.pack(">Q", n)
        if m:
            head += os.urandom(4)
        out += head + payload
        if rnd.random() < 0.3:
            out = out[:rnd.randrange(len(out) + 1)]
    return out


@board_test
def random_input(w):
    """A thousand random requests and, after the password, random
    frames; the board must still answer on UART0 and let a client log in
    afterwards."""
    rnd = random.Random(2024)
    good = (b"GET / HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: k\r\n\r\n")

    def drain(s):
        s.settimeout(TIMEOUT)
        try:
            while s.recv(65536):
                pass
        except (ConnectionResetError, socket.timeout):
            pass
        s.close()

    for i in range(1000):
        if i % 2 == 0:                         # a mutated request
            req = bytearray(good)
            for _ in range(rnd.randrange(1, 6)):
                req[rnd.randrange(len(req))] = rnd.randrange(256)
            data = bytes(req)
        else:                                  # random frames after the password
            data = good + b"\x82\x07secret\r" + random_frames(rnd)
        # One at a time: the board takes them so (a backlog of 1).
        s = socket.create_connection(("127.0.0.1", w.port), timeout=TIMEOUT)
        try:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)        # the end of input: the board must close too
        except OSError:
            pass                               # closed already
        drain(s)
    board_answers(w)
    w.client().login().close()


# ---- espy's page ---------------------------------------------------------------------------


@board_test
def plain_get_serves_the_page(w):
    c = w.client(request=b"GET / HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n")
    try:
        while True:
            c._recv()
    except Closed:
        pass
    head, _, body = c.buf.partition(b"\r\n\r\n")
    check(head.startswith(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: "), "head %r" % head)
    check(int(head.split(b": ")[-1]) == len(body), "Content-Length %r for %d bytes" % (head, len(body)))
    check(body.startswith(b"<!DOCTYPE html>") and body.endswith(b"</html>\n"), "body %r" % body[:40])
    check(len(body) < 6000, "the page is %d bytes" % len(body))
    if t.VERBOSE:
        print("     page: %d bytes" % len(body))
    w.client().login().close()


# ---- configuration -------------------------------------------------------------------------


def dialogue(b, steps):
    """Answers input() prompts: (expected output up to the prompt, answer)."""
    for want, answer in steps:
        got = b.read_until(want)
        if answer is not None:
            b.send(answer + "\r")
    return got


@test
def webrepl_setup_dialogue():
    flash = os.path.join(t.FLASH_DIR.name, "setup.img")
    if os.path.exists(flash):
        os.remove(flash)
    b = t.Board(flash=flash)
    try:
        b.read_until(t.BANNER_END)
        b.expect(">>> ")
        b.send("import webrepl\r")
        b.read_until(">>> ")
        b.send("webrepl.start()\r")
        got = b.read_until(">>> ")
        check(got == b"webrepl.start()\r\nWebREPL is not configured, run 'import webrepl_setup'\r\n>>> ",
              "not configured: %r" % got)
        b.send("import webrepl_setup\r")
        dialogue(b, [
            ("WebREPL daemon auto-start status: disabled\r\n\r\nWould you like to (E)nable or (D)isable it "
             "running on boot?\r\n(Empty line to quit)\r\n> ", "e"),
            ("To enable WebREPL, you must set password for it\r\nNew password (4-9 chars): ", "abc"),
            ("Invalid password length\r\nNew password (4-9 chars): ", "abcdefghij"),
            ("Invalid password length\r\nNew password (4-9 chars): ", "pass1"),
            ("Confirm password: ", "pass2"),
            ("Passwords do not match\r\nNew password (4-9 chars): ", "pass1"),
            ("Confirm password: ", "pass1"),
            ("Changes will be activated after reboot\r\nWould you like to reboot now? (y/n) ", "n"),
            (">>> ", None),
        ])
        b.enter_raw(soft_reset=False)
        out = t.raw_eval(b, "import os\nprint(repr(open('boot.py').read()))\nprint(repr(open('webrepl_cfg.py').read()))\n"
                            "print(sorted(os.listdir()))")
        boot = ("# This file is executed on every boot (including wake-boot from deepsleep)\\n#import esp\\n"
                "#esp.osdebug(None)\\nimport os, machine\\n#os.dupterm(None, 1) # disable REPL on UART(0)\\n"
                "import gc\\nimport webrepl\\nwebrepl.start()\\ngc.collect()\\n")
        check(out == ("'%s'\r\n\"PASS = 'pass1'\\n\"\r\n['boot.py', 'webrepl_cfg.py']\r\n" % boot).encode(),
              "files after enabling: %r" % out)
        # A soft reset runs boot.py: WebREPL starts from the configuration
        # (on port 8266: only checked when that port is free here).
        probe = socket.socket()
        try:
            probe.bind(("0.0.0.0", 8266))
            free = True
        except OSError:
            free = False
        probe.close()
        b.send("\x04")
        got = b.read_until(t.RAW_BANNER + b">")
        if free:
            check(b"WebREPL server started on http://192.168.4.1:8266/\r\nStarted webrepl in normal mode\r\n" in got,
                  "boot with WebREPL: %r" % got)
        b.send("\x02")
        b.read_until(t.BANNER_END)
        b.expect(">>> ")
        # Disable it again, rebooting from the dialogue.
        b.send("import webrepl_setup\r")
        dialogue(b, [
            ("WebREPL daemon auto-start status: enabled\r\n\r\nWould you like to (E)nable or (D)isable it "
             "running on boot?\r\n(Empty line to quit)\r\n> ", "D"),
            ("Changes will be activated after reboot\r\nWould you like to reboot now? (y/n) ", "y"),
        ])
        b.read_until(t.BANNER_END)              # machine.reset() on the simulated board
        b.expect(">>> ")
        b.send("import webrepl_setup\r")
        dialogue(b, [
            ("WebREPL daemon auto-start status: disabled\r\n", None),
            ("(Empty line to quit)\r\n> ", ""),
            ("No further action required\r\n", None),
        ])
        b.read_until(t.BANNER_END)              # sys.exit(): a soft reset
        b.expect(">>> ")
        b.enter_raw(soft_reset=False)
        out = t.raw_eval(b, "print(repr(open('boot.py').read()))")
        check(out == ("'%s'\r\n" % boot.replace("import webrepl", "#import webrepl")
                      .replace("webrepl.start", "#webrepl.start")).encode(), "boot.py after disabling: %r" % out)
    finally:
        b.close()


@test
def normal_and_foreground_modes():
    port = free_port()
    b = t.Board()
    try:
        b.read_until(t.BANNER_END)
        b.expect(">>> ")
        b.enter_raw(soft_reset=False)
        t.raw_eval(b, "with open('webrepl_cfg.py', 'w') as f:\n"
                      "    f.write(\"PASS = 'cfgpass'\\nBASE = 'http://example.invalid/webrepl/'\\n\")")
        out = t.raw_eval(b, "import webrepl\nwebrepl.start(port=%d)" % port)
        check(out == b"WebREPL server started on http://192.168.4.1:%d/\r\nStarted webrepl in normal mode\r\n" % port,
              "normal mode: %r" % out)
        # BASE: a plain request gets the port's page pointing at the hosted client.
        c = Client(port, request=b"GET / HTTP/1.0\r\n\r\n")
        try:
            while True:
                c._recv()
        except Closed:
            pass
        check(c.buf == b'HTTP/1.0 200 OK\r\n\r\n<base href="http://example.invalid/webrepl/"></base>\r\n'
                       b'<script src="webrepl_content.js"></script>\r\n', "BASE page %r" % c.buf)
        c = Client(port).login(b"cfgpass")
        c.send_text("\x02")                    # leave the raw REPL from the WebREPL
        c.text_until(">>> ")
        c.close()
        b.read_until("dupterm: EOF received, deactivating\r\n")
        # Foreground: start_foreground returns once a WebSocket client came
        # (a plain request before it is served and waited past).
        b.send("webrepl.start_foreground(port=%d, password='fg12')\r" % port)
        b.read_until("Starting webrepl in foreground mode\r\n")
        c = Client(port, request=b"GET / HTTP/1.0\r\n\r\n")
        check(c.closed(), "the page in foreground mode")
        c = Client(port).login(b"fg12")
        got = b.read_until(">>> ")
        check(b"WebREPL connection from: ('127.0.0.1', " in got, "foreground connection: %r" % got)
        c.send_text("6 * 7\r")
        check(c.text_until(">>> ").endswith(b"42\r\n>>> "), "foreground session")
        b.send("webrepl.stop()\r")
        b.read_until(">>> ")
        check(c.closed(), "stop() closes the client")
        try:
            Client(port)
            check(False, "still listening after stop()")
        except ConnectionRefusedError:
            pass
    finally:
        b.close()


# ---- memory ----------------------------------------------------------------------------------


@board_test
def heap_of_a_session(w):
    c = w.client().login()
    w.b.enter_raw(soft_reset=False)
    t.raw_eval(w.b, "gc.collect()\nm2 = gc.mem_free()")
    out = t.raw_eval(w.b, "print(m0 - m1, m1 - m2)")
    started, session = (int(x) for x in out.split())
    if t.VERBOSE:
        print("     heap: webrepl imported and started %d bytes, a connected session %d bytes more"
              % (started, session))
    check(0 < session < 2048, "a session holds %d bytes" % session)
    c.close()


if __name__ == "__main__":
    t.main(TESTS, (Closed, OSError))
