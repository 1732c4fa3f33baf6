#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""espy's WebREPL page in a real browser: headless Chromium (Debian's
`chromium`), driven through the DevTools protocol over a WebSocket written
here with the standard library, loads http://127.0.0.1:PORT/ from the
simulated board (webrepl started as in test_webrepl.py), connects, types
the password and a command into the page's terminal and reads the output,
sends a file with the page's file input and finds it on the board's
filesystem, gets a file back as a download, and asks for the version.

    test_webrepl_browser.py ESPY [-v]

Prints one line per failing test (every test with -v) and ends with
`N passed, N failed`; without chromium it says so and passes nothing."""
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "board"))
import test_board as t  # noqa: E402
import test_webrepl as w  # noqa: E402

check = t.check
TIMEOUT = 20


class DevTools:
    """A DevTools client: JSON commands over a WebSocket (masked frames,
    as a client must send)."""

    def __init__(self, url):
        assert url.startswith("ws://")
        hostport, _, path = url[5:].partition("/")
        host, _, port = hostport.partition(":")
        self.s = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16))
        self.s.sendall(b"GET /" + path.encode() + b" HTTP/1.1\r\nHost: " + hostport.encode()
                       + b"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                       + b"\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.buf = b""
        head = self._until(b"\r\n\r\n")
        check(head.startswith(b"HTTP/1.1 101"), "DevTools handshake %r" % head)
        self.next_id = 0

    def _more(self):
        data = self.s.recv(65536)
        if not data:
            raise t.Failure("DevTools closed the connection")
        self.buf += data

    def _until(self, what):
        while what not in self.buf:
            self._more()
        i = self.buf.index(what) + len(what)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def _exact(self, n):
        while len(self.buf) < n:
            self._more()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def _send(self, text):
        data = text.encode()
        n = len(data)
        head = b"\x81" + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
                          if n < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", n))
        mask = os.urandom(4)
        self.s.sendall(head + mask + bytes(c ^ mask[i & 3] for i, c in enumerate(data)))

    def _message(self):
        data = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            data += self._exact(n)
            if b0 & 0x80:
                return json.loads(data)

    def call(self, method, **params):
        self.next_id += 1
        self._send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            m = self._message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise t.Failure("%s: %s" % (method, m["error"]))
                return m.get("result", {})

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        if "exceptionDetails" in r:
            raise t.Failure("page script %r: %s" % (expr, r["exceptionDetails"]))
        return r["result"].get("value")

    def wait(self, expr, what, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while time.time() < deadline:
            v = self.js(expr)
            if v:
                return v
            time.sleep(0.05)
        raise t.Failure("waited for %s; terminal: %r, status: %r"
                        % (what, self.js("L.join('\\n')"), self.js("$('s').textContent")))

    def key(self, key, code=None):
        vk = {"Enter": 13}.get(key, 0)
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code or key, windowsVirtualKeyCode=vk)

    def type(self, text):
        self.call("Input.insertText", text=text)


class Chromium:
    def __init__(self, tmp):
        self.profile = os.path.join(tmp, "profile")
        self.p = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                                   "--no-first-run", "--remote-debugging-port=0",
                                   "--user-data-dir=" + self.profile, "about:blank"],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + TIMEOUT
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if time.time() > deadline or self.p.poll() is not None:
                raise t.Failure("chromium did not start")
            time.sleep(0.05)
        port = int(open(port_file).read().split()[0])
        pages = []
        while not pages and time.time() < deadline:
            targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=TIMEOUT))
            pages = [x for x in targets if x["type"] == "page"]
            time.sleep(0.05)
        check(pages, "no page in chromium")
        self.tools = DevTools(pages[0]["webSocketDebuggerUrl"])

    def close(self):
        self.p.terminate()
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


def browser_session():
    tmp = tempfile.mkdtemp(prefix="espy-chromium-")
    board = w.WebreplBoard()
    chrome = None
    try:
        chrome = Chromium(tmp)
        d = chrome.tools
        d.call("Page.enable")
        d.call("Emulation.setFocusEmulationEnabled", enabled=True)
        d.call("Browser.setDownloadBehavior", behavior="allow", downloadPath=tmp)
        d.call("Page.navigate", url="http://127.0.0.1:%d/" % board.port)
        d.wait("document.readyState == 'complete' && typeof $ == 'function' && $('u').value", "the page")
        check(d.js("$('u').value") == "ws://127.0.0.1:%d/" % board.port, "the page's WebSocket URL")
        # Connect, log in with what is typed in the terminal, run a command.
        d.js("$('b').click()")
        d.wait("L.join('\\n').endsWith('Password: ')", "the password prompt")
        d.js("$('k').focus()")
        d.type("secret")
        d.key("Enter")
        d.wait("L.join('\\n').includes('WebREPL connected\\n>>> ')", "the login")
        d.type("print(6 * 7)")
        d.key("Enter")
        d.wait("L.join('\\n').includes('>>> print(6 * 7)\\n42\\n>>> ')", "the command's output")
        # Line editing through the page's keys: left arrow, backspace.
        d.type("1+2")
        d.key("ArrowLeft")
        d.key("Backspace")
        d.key("Enter")
        d.wait("L.join('\\n').includes('>>> 12\\n12\\n>>> ')", "the edited line")
        # Send a file with the file input; it is on the board's filesystem.
        content = b"sent by the browser\n" * 150
        path = os.path.join(tmp, "from_browser.txt")
        with open(path, "wb") as f:
            f.write(content)
        root = d.call("DOM.getDocument")["root"]["nodeId"]
        node = d.call("DOM.querySelector", nodeId=root, selector="#f")["nodeId"]
        d.call("DOM.setFileInputFiles", files=[path], nodeId=node)
        d.wait("$('n').value == 'from_browser.txt'", "the file's name")
        d.js("$('p').click()")
        d.wait("$('s').textContent == 'sent from_browser.txt, %d bytes'" % len(content), "the upload")
        board.b.enter_raw(soft_reset=False)
        out = t.raw_eval(board.b, "print(open('from_browser.txt', 'rb').read() == %r)" % content)
        check(out == b"True\r\n", "the file on the board: %r" % out)
        # Get a file: the page saves it as a download.
        t.raw_eval(board.b, "with open('to_browser.bin', 'wb') as f:\n    f.write(bytes(range(256)) * 3)")
        d.js("$('g').value = 'to_browser.bin'; $('q').click()")
        d.wait("$('s').textContent == 'got to_browser.bin'", "the download")
        got = os.path.join(tmp, "to_browser.bin")
        deadline = time.time() + TIMEOUT
        while not (os.path.exists(got) and os.path.getsize(got) == 768) and time.time() < deadline:
            time.sleep(0.05)
        check(os.path.exists(got) and open(got, "rb").read() == bytes(range(256)) * 3, "the downloaded file")
        d.js("$('v').click()")
        d.wait("$('s').textContent == 'version 1.24.0'", "the version")
        d.js("$('b').click()")
        d.wait("$('s').textContent == 'Disconnected'", "the disconnection")
        board.b.read_until("dupterm: EOF received, deactivating\r\n")
    finally:
        if chrome:
            chrome.close()
        board.close()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    for a in sys.argv[1:]:
        if a == "-v":
            t.VERBOSE = True
        elif t.ESPY is None:
            t.ESPY = os.path.abspath(a)
    if t.ESPY is None or not os.access(t.ESPY, os.X_OK):
        print("usage: test_webrepl_browser.py ESPY [-v]", file=sys.stderr)
        sys.exit(2)
    if shutil.which("chromium") is None:
        print("no chromium: not run")
        print("0 passed, 0 failed")
        return
    started = time.time()
    try:
        browser_session()
        if t.VERBOSE:
            print("ok   browser_session (%.1f s)" % (time.time() - started))
        print("1 passed, 0 failed")
    except (t.Failure, OSError) as e:
        print("FAIL browser_session: %s" % e)
        print("0 passed, 1 failed")
        sys.exit(1)


if __name__ == "__main__":
    main()
