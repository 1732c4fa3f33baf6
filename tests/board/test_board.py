#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The simulated board's REPL, byte for byte as shared/spec/repl-protocols.md
gives it: `espy --board` with pipes as its UART, driven as serial tools drive
a board (the raw REPL and raw-paste mode as pyboard.py and mpremote use
them), plus the friendly REPL's echo, prompts, auto-indent, completion,
history and paste mode.

    test_board.py ESPY [-v] [NAME...]

Prints one line per test and ends with `N passed, N failed`."""
import os
import select
import subprocess
import sys
import tempfile
import time

ESPY = None
VERBOSE = False
TIMEOUT = 10
TESTS = []

BANNER_END = b'Type "help()" for more information.\r\n'
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n"


class Failure(Exception):
    pass


def test(fn):
    TESTS.append(fn)
    return fn


def check(cond, msg):
    if not cond:
        raise Failure(msg)


FLASH_DIR = tempfile.TemporaryDirectory()
FLASH = os.path.join(FLASH_DIR.name, "flash.img")


class Board:
    """espy --board on pipes; read_until() collects its UART output. The
    flash image is the one all tests share, unless `flash` names another."""

    def __init__(self, flash=None, size="4M", command=None):
        command = command or [ESPY, "--board", "--flash", flash or FLASH, "--flash-size", size]
        self.p = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  cwd=FLASH_DIR.name)
        self.buf = b""

    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def _read_some(self, timeout):
        r, _, _ = select.select([self.p.stdout], [], [], timeout)
        if not r:
            return False
        data = os.read(self.p.stdout.fileno(), 4096)
        if not data:
            raise Failure("the board's output ended; so far %r" % self.buf)
        self.buf += data
        return True

    def read_until(self, what, timeout=TIMEOUT):
        """Everything up to and including `what` (which must come)."""
        if isinstance(what, str):
            what = what.encode()
        deadline = time.time() + timeout
        while what not in self.buf:
            left = deadline - time.time()
            if left <= 0 or not self._read_some(left):
                raise Failure("did not see %r; output: %r" % (what, self.buf))
        i = self.buf.index(what) + len(what)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def read_exactly(self, n, timeout=TIMEOUT):
        deadline = time.time() + timeout
        while len(self.buf) < n:
            left = deadline - time.time()
            if left <= 0 or not self._read_some(left):
                raise Failure("wanted %d bytes; have %r" % (n, self.buf))
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def waiting(self):
        return bool(self.buf) or self._read_some(0)

    def expect(self, data, timeout=TIMEOUT):
        """The next bytes are exactly `data`."""
        if isinstance(data, str):
            data = data.encode()
        got = self.read_exactly(len(data), timeout)
        check(got == data, "expected %r, got %r (then %r)" % (data, got, self.buf))

    def close(self):
        try:
            self.p.stdin.close()
        except OSError:
            pass
        try:
            self.p.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        return self.p.returncode

    # ---- the host side of the raw REPL, as pyboard.py / mpremote ----

    def enter_raw(self, soft_reset=True):
        self.send(b"\r\x03")
        time.sleep(0.05)
        self.read_until(b">>> ")
        self.buf = b""
        self.send(b"\r\x01")
        self.read_until(b"raw REPL; CTRL-B to exit\r\n>")
        if soft_reset:
            self.send(b"\x04")
            self.read_until(b"soft reboot\r\n")
            self.read_until(b"raw REPL; CTRL-B to exit\r\n")
            self.read_until(b">")

    def exec_raw_paste(self, code):
        """Runs code in raw-paste mode; returns (output, error)."""
        if isinstance(code, str):
            code = code.encode()
        self.send(b"\x05A\x01")
        check(self.read_exactly(2) == b"R\x01", "raw-paste refused")
        size = self.read_exactly(2)
        window = size[0] | size[1] << 8
        remaining = window
        i = 0
        stopped = False
        while i < len(code) and not stopped:
            while remaining == 0 or self.waiting():
                b = self.read_exactly(1)
                if b == b"\x01":
                    remaining += window
                elif b == b"\x04":          # the device stops early: acknowledge, done
                    self.send(b"\x04")
                    stopped = True
                    break
                else:
                    raise Failure("unexpected %r in raw-paste" % b)
            if not stopped:
                n = min(remaining, len(code) - i)
                self.send(code[i:i + n])
                remaining -= n
                i += n
        if not stopped:
            self.send(b"\x04")
            # Window grants may still arrive before the acknowledgement.
            while True:
                b = self.read_exactly(1)
                if b == b"\x04":
                    break
                check(b == b"\x01", "unexpected %r before the end of raw-paste" % b)
        out = self.read_until(b"\x04")[:-1]
        err = self.read_until(b"\x04")[:-1]
        self.expect(b">")
        return out, err

    def exec_raw(self, code):
        """Runs code in plain raw mode (pyboard.py's fallback)."""
        if isinstance(code, str):
            code = code.encode()
        for i in range(0, len(code), 256):
            self.send(code[i:i + 256])
            time.sleep(0.01)
        self.send(b"\x04")
        self.expect(b"OK")
        out = self.read_until(b"\x04")[:-1]
        err = self.read_until(b"\x04")[:-1]
        self.expect(b">")
        return out, err


def board_test(fn):
    def wrapper():
        b = Board()
        try:
            b.read_until(BANNER_END)
            b.expect(">>> ")
            fn(b)
        finally:
            b.close()
    wrapper.__name__ = fn.__name__
    return test(wrapper)


# ---- friendly REPL ---------------------------------------------------------------


@test
def banner_and_prompt():
    b = Board()
    try:
        banner = b.read_until(BANNER_END)
        if banner.startswith(b"Performing initial setup\r\n"):
            banner = banner[len(b"Performing initial setup\r\n"):]    # the first test to boot
        check(banner.startswith(b"MicroPython-compatible espy ") and b"; ESP module" in banner
              and banner.endswith(b" with ESP8266\r\n" + BANNER_END), "banner %r" % banner)
        b.expect(">>> ")
    finally:
        check(b.close() == 0, "exit status at the end of input")


@board_test
def echo_and_result(b):
    b.send("1+1\r")
    b.expect("1+1\r\n2\r\n>>> ")
    b.send("None\r")
    b.expect("None\r\n>>> ")           # None is not printed
    b.send("_\r")
    b.expect("_\r\n2\r\n>>> ")          # the last result is in _
    b.send("print('a\\nb')\r")
    b.expect("print('a\\nb')\r\na\r\nb\r\n>>> ")


@board_test
def empty_line_and_ctrl_c(b):
    b.send("\r")
    b.expect("\r\n>>> ")
    b.send("1+\x03")
    b.expect("1+\r\n>>> ")
    b.send("\x03")
    b.expect("\r\n>>> ")


@board_test
def traceback_on_error(b):
    b.send("1/0\r")
    b.expect("1/0\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
             "ZeroDivisionError: division by zero\r\n>>> ")
    # An exception without a message ends "Type: ", as the port prints it.
    b.send("raise KeyboardInterrupt\r")
    b.expect("raise KeyboardInterrupt\r\nTraceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
             "KeyboardInterrupt: \r\n>>> ")


@board_test
def lone_string_is_shown(b):
    b.send("'x'\r")
    b.expect("'x'\r\n'x'\r\n>>> ")
    b.send("def f():\r'doc'\r\r")
    b.read_until(">>> ")
    b.send("f.__doc__, f()\r")
    b.expect("f.__doc__, f()\r\n('doc', None)\r\n>>> ")


@board_test
def continuation_and_auto_indent(b):
    b.send("for i in range(2):\r")
    b.expect("for i in range(2):\r\n...     ")
    b.send("print(i)\r")
    b.expect("print(i)\r\n...     ")
    b.send("\r")
    b.expect("\r\n0\r\n1\r\n>>> ")
    # A backspace in the indentation removes 4 spaces.
    b.send("if 1:\r")
    b.expect("if 1:\r\n...     ")
    b.send("\x7f")
    b.expect("\b\b\b\b\x1b[K")
    b.send("\x03")
    b.expect("\r\n>>> ")
    # Brackets continue without indentation.
    b.send("(1,\r")
    b.expect("(1,\r\n... ")
    b.send("2)\r")
    b.expect("2)\r\n(1, 2)\r\n>>> ")


@board_test
def ctrl_b_and_ctrl_d(b):
    b.send("\x02")
    b.expect("\r\n")
    b.read_until(BANNER_END)
    b.expect(">>> ")
    b.send("x = 1\r")
    b.expect("x = 1\r\n>>> ")
    b.send("\x04")
    b.expect("\r\nMPY: soft reboot\r\n")
    b.read_until(BANNER_END)
    b.expect(">>> ")
    b.send("x\r")
    out = b.read_until(">>> ")
    check(b"NameError" in out, "state survived the soft reset: %r" % out)


@board_test
def completion(b):
    b.send("abcdef = 5\r")
    b.expect("abcdef = 5\r\n>>> ")
    b.send("abc\t")
    b.expect("abcdef")
    b.send("\r")
    b.expect("\r\n5\r\n>>> ")
    b.send("import sys\r")
    b.expect("import sys\r\n>>> ")
    b.send("sys.pa\t")
    b.expect("sys.path")
    b.send("\x03")
    b.expect("\r\n>>> ")
    b.send("ab = abd = 1\r")
    b.read_until(">>> ")
    b.send("ab\t")                      # several: listed, then the line again
    out = b.read_until(">>> ab")
    for name in (b"ab", b"abd", b"abcdef"):
        check(name in out, "%r not listed in %r" % (name, out))
    b.send("\x03")
    b.expect("\r\n>>> ")


@board_test
def history(b):
    b.send("print(41)\r")
    b.read_until(">>> ")
    b.send("print(42)\r")
    b.read_until(">>> ")
    b.send("\x1b[A\x1b[A\r")
    out = b.read_until(">>> ")
    check(out.endswith(b"41\r\n>>> "), "history: %r" % out)


@board_test
def line_editing(b):
    b.send("print('ac')\x1b[D\x1b[D\x1b[Db\x1b[F\r")
    out = b.read_until(">>> ")
    check(out.endswith(b"abc\r\n>>> "), "editing: %r" % out)
    b.send("print(77)\x01\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~\x1b[3~42\r")
    out = b.read_until(">>> ")
    check(out.endswith(b"42\r\n>>> "), "home and delete: %r" % out)


@board_test
def paste_mode(b):
    b.send("\x05")
    b.expect("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
    b.send("def f():\r")
    b.expect("def f():\r\n=== ")
    b.send("  return 7\r\r")            # as typed: no auto-indent; blank lines are fine
    b.expect("  return 7\r\n=== \r\n=== ")
    b.send("print(f())\x04")
    b.expect("print(f())\r\n7\r\n>>> ")
    b.send("\x05")
    b.read_until("=== ")
    b.send("print('no')\x03")
    b.expect("print('no')\r\n>>> ")


@board_test
def input_builtin(b):
    b.send("s = input('name? ')\r")
    b.expect("s = input('name? ')\r\nname? ")
    b.send("esp\r")
    b.expect("esp\r\n>>> ")
    b.send("s\r")
    b.expect("s\r\n'esp'\r\n>>> ")


# ---- raw REPL ----------------------------------------------------------------------


@board_test
def raw_repl_bytes(b):
    b.send("\x01")
    b.expect("\r\nraw REPL; CTRL-B to exit\r\n>")
    b.send("print(1+1)\x04")
    b.expect("OK2\r\n\x04\x04>")
    b.send("x\x04")
    b.expect("OK\x04Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
             "NameError: name 'x' is not defined\r\n\x04>")
    b.send("junk\x03print(3)\x04")       # Ctrl-C clears the buffer
    b.expect("OK3\r\n\x04\x04>")
    b.send("garbage\x01")                 # Ctrl-A: the banner again, buffer gone
    b.expect(RAW_BANNER + b">")
    b.send("\x04")                        # empty: soft reset, still raw
    b.expect("OK\r\nMPY: soft reboot\r\n" + RAW_BANNER.decode() + ">")
    b.send("\x02")
    b.expect("\r\n")
    b.read_until(BANNER_END)
    b.expect(">>> ")


@board_test
def raw_paste_bytes(b):
    b.send("\x01")
    b.read_until(RAW_BANNER + b">")
    b.send("\x05A\x01")
    b.expect(b"R\x01\x80\x00\x01")
    b.send("print(123)\x04")
    b.expect("\x04123\r\n\x04\x04>")
    b.send("\x05B\x01")                   # an unknown sub-command
    b.expect("R\x00>")


@board_test
def raw_paste_flow_control(b):
    b.enter_raw()
    # Long in bytes (many windows), light in memory: the chip's heap.
    lines = ["t = 0"] + ["t += %d  # line %d of a long program sent in windows" % (i * i, i) for i in range(300)]
    code = "\n".join(lines) + "\nprint(t)\n"
    check(len(code) > 40 * 128, "the program should need many windows")
    out, err = b.exec_raw_paste(code)
    check(err == b"", "error %r" % err)
    check(out == b"%d\r\n" % sum(i * i for i in range(300)), "output %r" % out)


@board_test
def raw_paste_syntax_error(b):
    b.enter_raw(soft_reset=False)
    out, err = b.exec_raw_paste("print(1)\nx = (\n" + "y = 1\n" * 200)
    check(out == b"", "output %r" % out)
    check(b"SyntaxError" in err, "error %r" % err)
    out, err = b.exec_raw_paste("print('after')")
    check(out == b"after\r\n" and err == b"", "next command: %r %r" % (out, err))


@board_test
def raw_ctrl_c_interrupts(b):
    b.enter_raw(soft_reset=False)
    b.send("print('go')\nwhile True:\n    pass\n\x04")
    b.expect("OKgo\r\n")
    time.sleep(0.2)
    b.send("\x03")
    b.expect("\x04")
    err = b.read_until("\x04")
    check(b"KeyboardInterrupt" in err, "error part %r" % err)
    b.expect(">")


@board_test
def tool_session(b):
    # What mpremote does for `fs ls`, `eval` and `exec`.
    b.enter_raw()
    out, err = b.exec_raw_paste("import os\nprint(repr(sorted(os.listdir('.'))[:0]))")
    check(out == b"[]\r\n" and err == b"", "%r %r" % (out, err))
    out, err = b.exec_raw("print(repr({'a': (1, 2.5, b'x\\x00', 'é')}))")
    check(err == b"", "error %r" % err)
    check(out == "{'a': (1, 2.5, b'x\\x00', 'é')}\r\n".encode(), "repr %r" % out)
    b.send("raise SystemExit\x04")      # a soft reset: no error, no prompt
    b.expect("OK\x04\x04MPY: soft reboot\r\n")
    b.read_until(RAW_BANNER + b">")
    b.send("\x02")
    b.read_until(BANNER_END)


# ---- boot, flash and filesystem ---------------------------------------------------


def fresh_flash(name):
    path = os.path.join(FLASH_DIR.name, name)
    if os.path.exists(path):
        os.remove(path)
    return path


def raw_eval(b, code):
    out, err = b.exec_raw_paste(code)
    check(err == b"", "error %r running %r" % (err, code))
    return out


@test
def first_boot_makes_filesystem():
    path = fresh_flash("first.img")
    b = Board(path)
    try:
        b.expect("Performing initial setup\r\n")
        b.read_until(BANNER_END)
        b.expect(">>> ")
        b.enter_raw(soft_reset=False)
        out = raw_eval(b, "import os\nprint(os.listdir('/'), os.statvfs('/')[:3])\nprint(repr(open('boot.py').read()))")
        lines = out.split(b"\r\n")
        check(lines[0] == b"['boot.py'] (4096, 4096, 763)", "listing, statvfs: %r" % lines[0])
        want = ("# This file is executed on every boot (including wake-boot from deepsleep)\n#import esp\n"
                "#esp.osdebug(None)\nimport os, machine\n#os.dupterm(None, 1) # disable REPL on UART(0)\n"
                "import gc\n#import webrepl\n#webrepl.start()\ngc.collect()\n")
        check(lines[1] == repr(want).encode(), "boot.py %r" % lines[1])
        check(len(want) == 228, "boot.py is 228 bytes")
    finally:
        b.close()
    # The second boot mounts what the first one made.
    b = Board(path)
    try:
        first = b.read_until(BANNER_END)
        check(first.startswith(b"MicroPython-compatible"), "second boot: %r" % first)
    finally:
        b.close()


@test
def boot_and_main_scripts():
    path = fresh_flash("scripts.img")
    b = Board(path)
    try:
        b.read_until(BANNER_END)
        b.enter_raw(soft_reset=False)
        raw_eval(b, "open('boot.py', 'w').write('print(\\'boot\\')\\nx = 1\\n')\n"
                    "open('main.py', 'w').write('print(\\'main\\', x)\\n')")
        b.send("\x02")
        b.read_until(">>> ")
        b.send("\x04")                       # friendly soft reset: boot.py, then main.py
        b.expect("\r\nMPY: soft reboot\r\nboot\r\nmain 1\r\n")
        b.read_until(BANNER_END)
        b.expect(">>> ")
        b.send("x\r")                         # boot.py ran in __main__
        b.expect("x\r\n1\r\n>>> ")
        b.send("\x01")
        b.read_until(RAW_BANNER + b">")
        b.send("\x04")                       # raw soft reset: no main.py
        b.expect("OK\r\nMPY: soft reboot\r\nboot\r\n" + RAW_BANNER.decode() + ">")
        # A boot.py that raises: its traceback, no main.py, the REPL.
        raw_eval(b, "open('boot.py', 'w').write('print(\\'boot\\')\\n1/0\\n')")
        b.send("\x02")
        b.read_until(">>> ")
        b.send("\x04")
        out = b.read_until(BANNER_END)
        check(b"boot\r\nTraceback (most recent call last):\r\n  File \"boot.py\", line 2" in out, "boot.py error: %r" % out)
        check(b"ZeroDivisionError" in out and b"main" not in out, "main.py ran after a failed boot.py: %r" % out)
    finally:
        b.close()


@test
def main_py_loop_interrupted():
    path = fresh_flash("loop.img")
    b = Board(path)
    try:
        b.read_until(BANNER_END)
        b.enter_raw(soft_reset=False)
        raw_eval(b, "with open('main.py', 'w') as f:\n    f.write('print(\\'looping\\')\\nwhile True:\\n    pass\\n')")
        b.send("\x02")
        b.read_until(">>> ")
        b.send("\x04")
        b.read_until("looping\r\n")
        time.sleep(0.2)
        b.send("\x03")                       # Ctrl-C ends main.py; the REPL starts
        out = b.read_until(BANNER_END)
        check(b"KeyboardInterrupt" in out and b'File "main.py", line ' in out, "interrupt: %r" % out)
        b.expect(">>> ")
        b.send("1+1\r")
        b.expect("1+1\r\n2\r\n>>> ")
    finally:
        b.close()


@board_test
def callbacks_run_at_the_prompt(b):
    # A Timer's callback fires while the REPL waits for input, as on the chip.
    b.send("from machine import Timer\r")
    b.read_until(">>> ")
    b.send("t = Timer(-1); t.init(period=50, mode=Timer.ONE_SHOT, callback=lambda t: print('fired'))\r")
    b.read_until(">>> ")
    b.expect("fired\r\n", timeout=5)


@test
def fat_filesystem_boots():
    # A flash formatted FAT (as older firmware did) is detected and mounted.
    path = fresh_flash("fat.img")
    b = Board(path)
    try:
        b.read_until(BANNER_END)
        b.enter_raw(soft_reset=False)
        raw_eval(b, "import vfs, flashbdev\nvfs.umount('/')\nvfs.VfsFat.mkfs(flashbdev.bdev)\n"
                    "vfs.mount(flashbdev.bdev, '/')\nwith open('boot.py', 'w') as f:\n    f.write('print(\\'fat boot\\')\\n')")
        b.send("\x04")
        b.expect("OK\r\nMPY: soft reboot\r\nfat boot\r\n" + RAW_BANNER.decode() + ">")
        out = raw_eval(b, "import vfs\nprint(type(vfs.mount()[0][0]).__name__)")
        check(out == b"VfsFat\r\n", "mounted %r" % out)
    finally:
        b.close()


@test
def corrupt_filesystem_message():
    path = fresh_flash("corrupt.img")
    with open(path, "wb") as f:
        f.write(b"\xff" * (4 << 20))
        f.seek(0x100000)
        f.write(b"not a filesystem")
    b = Board(path)
    try:
        out = b.read_until(b"looks corrupt.")
        check(b"The filesystem starting at sector 256 with size 763 sectors looks corrupt." in out, "%r" % out)
        b.read_until(b"reprogram MicroPython.\r\n")
        b.send("\x03")                       # Ctrl-C ends the loop; the REPL starts
        out = b.read_until(BANNER_END)
        check(b"KeyboardInterrupt" in out, "no KeyboardInterrupt: %r" % out)
        b.expect(">>> ")
    finally:
        b.close()
    with open(path, "rb") as f:
        f.seek(0x100000)
        check(f.read(16) == b"not a filesystem", "the corrupt filesystem was overwritten")


@test
def esp_flash_functions():
    b = Board()
    try:
        b.read_until(BANNER_END)
        b.enter_raw(soft_reset=False)
        out = raw_eval(b, "import esp\nprint(esp.flash_size(), hex(esp.flash_id()), hex(esp.flash_user_start()))\n"
                          "s = 0x3fa\nesp.flash_erase(s)\nprint(esp.flash_read(s * 4096, 8))\n"
                          "esp.flash_write(s * 4096, b'\\x0f\\xf0\\x55\\xaa')\nesp.flash_write(s * 4096, b'\\xff\\x0f\\xff\\x0f')\n"
                          "b = bytearray(4)\nesp.flash_read(s * 4096, b)\nprint(b.hex())\n"
                          "for bad in ((4 << 20) - 4, 8), (-1, 4):\n"
                          "    try:\n        esp.flash_read(*bad)\n    except ValueError as e:\n        print('ValueError', e)\n"
                          "try:\n    esp.flash_write(0, b'abc')\nexcept ValueError as e:\n    print(e)\n"
                          "try:\n    esp.flash_erase(1024)\nexcept ValueError as e:\n    print('ValueError')\n")
        lines = out.decode().split("\r\n")
        check(lines[0] == "4194304 0x1640ef 0x100000", "size/id/start %r" % lines[0])
        check(lines[1] == repr(b"\xff" * 8), "erased %r" % lines[1])
        check(lines[2] == "0f00550a", "NOR writes only clear bits: %r" % lines[2])
        check(lines[3].startswith("ValueError flash range") and lines[4].startswith("ValueError"), "%r" % lines[3:5])
        check(lines[5] == "len must be multiple of 4" and lines[6] == "ValueError", "%r" % lines[5:7])
    finally:
        b.close()


@test
def check_fw_and_info():
    import hashlib
    path = fresh_flash("fw.img")
    b = Board(path)
    try:
        b.read_until(BANNER_END)
        b.enter_raw(soft_reset=False)
        with open(path, "rb") as f:
            image = f.read(0x10000)
        t = int.from_bytes(image[0x8FFC:0x9000], "little")
        md5 = hashlib.md5(image[4:t]).hexdigest()
        check(image[0] == 0xE9 and hashlib.md5(image[4:t]).digest() == image[t:t + 16], "the image's firmware")
        out = raw_eval(b, "import esp\nprint(esp.check_fw())")
        check(out == ("size: %d\r\nmd5: %s\r\nTrue\r\n" % (t, md5)).encode(), "check_fw: %r" % out)
        out = raw_eval(b, "esp.info()")
        check(b"firmware: %d bytes, md5 %s (good)" % (t, md5.encode()) in out and b"flash: id 0x1640ef, 4194304 bytes" in out
              and b"heap: " in out, "esp.info(): %r" % out)
        # A bit cleared in the firmware: the digest no longer matches.
        out = raw_eval(b, "esp.flash_write(0x9000, b'\\0\\0\\0\\0')\nprint(esp.check_fw())")
        check(out.startswith(b"size: %d\r\nmd5: " % t) and out.endswith(b"\r\nFalse\r\n")
              and md5.encode() not in out, "a damaged firmware: %r" % out)
        # No length: an erased sector reads 0xFFFFFFFF.
        out = raw_eval(b, "esp.flash_erase(8)\nprint(esp.check_fw())")
        check(out == b"size: 4294967295\r\nInvalid size\r\nFalse\r\n", "an erased firmware: %r" % out)
    finally:
        b.close()


@test
def small_flash_has_no_filesystem():
    b = Board(fresh_flash("small.img"), size="512K")
    try:
        banner = b.read_until(BANNER_END)
        check(banner.startswith(b"MicroPython-compatible"), "boot on 512K: %r" % banner)
        b.enter_raw(soft_reset=False)
        out = raw_eval(b, "import flashbdev, vfs\nprint(flashbdev.bdev, vfs.mount())")
        check(out == b"None []\r\n", "512K: %r" % out)
    finally:
        b.close()


@test
def flash_image_size_mismatch():
    path = fresh_flash("mismatch.img")
    with open(path, "wb") as f:
        f.write(b"\xff" * 1000)
    p = subprocess.run([ESPY, "--board", "--flash", path], capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    check(p.returncode != 0 and b"has 1000 bytes" in p.stderr, "mismatch: %r %r" % (p.returncode, p.stderr))


@test
def pty_uart():
    # --pty: the board's UART on a pseudo-terminal, as a serial tool opens it.
    p = subprocess.Popen([ESPY, "--pty", "--flash", FLASH], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, cwd=FLASH_DIR.name)
    try:
        line = p.stdout.readline().decode()
        check(line.startswith("espy: the board's UART is on /dev/pts/"), "first line %r" % line)
        path = line.split(" is on ")[1].split()[0]
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        try:
            data = b""
            deadline = time.time() + TIMEOUT
            os.write(fd, b"\r\x01")
            while not data.endswith(b"raw REPL; CTRL-B to exit\r\n>") and time.time() < deadline:
                if select.select([fd], [], [], 0.5)[0]:
                    data += os.read(fd, 1024)
            check(data.endswith(b"raw REPL; CTRL-B to exit\r\n>"), "no raw REPL on the pty: %r" % data)
            os.write(fd, b"print(6*7)\x04")
            data = b""
            while not data.endswith(b"\x04>") and time.time() < deadline:
                if select.select([fd], [], [], 0.5)[0]:
                    data += os.read(fd, 1024)
            check(data == b"OK42\r\n\x04\x04>", "raw exec on the pty: %r" % data)
        finally:
            os.close(fd)
    finally:
        p.kill()
        p.wait()


# ---- resets, deep sleep and the RTC ---------------------------------------------------------


def friendly(b, line):
    """Types a line at the friendly REPL; returns what it printed before the next prompt."""
    b.send(line + "\r")
    b.read_until(line.encode() + b"\r\n")
    return b.read_until(b">>> ")[:-4]


@test
def hard_reset_keeps_rtc_and_files():
    b = Board(fresh_flash("reset.img"))
    try:
        b.read_until(BANNER_END)
        b.expect(">>> ")
        check(friendly(b, "import machine; print(machine.reset_cause())") == b"0\r\n", "power-on cause")
        friendly(b, "machine.RTC().memory(b'kept'); machine.RTC().datetime((2030, 1, 2, 0, 3, 4, 5, 0))")
        friendly(b, "f = open('data.txt', 'w'); f.write('not closed')")
        friendly(b, "x = 42; machine.disable_irq()")
        b.send("machine.reset()\r")
        out = b.read_until(BANNER_END)
        check(b"soft reboot" not in out, "a hard reset is not a soft reboot: %r" % out)
        b.expect(">>> ")
        out = friendly(b, "import machine, time; print(machine.reset_cause(), machine.RTC().memory(), "
                          "time.localtime()[:3], open('data.txt').read())")
        check(out == b"4 b'kept' (2030, 1, 2) not closed\r\n", "after machine.reset(): %r" % out)
        out = friendly(b, "print('x' in globals(), machine.SOFT_RESET, machine.DEEPSLEEP_RESET, machine.WDT_RESET)")
        check(out == b"False 4 5 1\r\n", "state after the reset: %r" % out)
        # The pins are the chip's: back to inputs, their interrupts off.
        out = friendly(b, "p = machine.Pin(4, machine.Pin.OUT); p(1); import simboard; print(simboard.state(4))")
        check(out == b"(1, False, 1, None)\r\n", "pin 4 driven: %r" % out)
        b.send("machine.reset()\r")
        b.read_until(BANNER_END)
        b.expect(">>> ")
        out = friendly(b, "import simboard; print(simboard.state(4))")
        check(out == b"(None, False, None, None)\r\n", "pin 4 after a reset: %r" % out)
    finally:
        b.close()


@test
def deep_sleep_wakes_with_its_cause():
    path = fresh_flash("sleep.img")
    b = Board(path, command=[ESPY, "--board", "--flash", path, "--clock-speed", "1000"])
    try:
        b.read_until(BANNER_END)
        b.expect(">>> ")
        friendly(b, "import machine, time; machine.RTC().memory(b'zz'); t = time.time()")
        friendly(b, "open('t', 'w').write(str(t))")
        # An hour of the board's time: 3.6 s here.
        b.send("machine.deepsleep(3600 * 1000)\r")
        start = time.time()
        b.read_until(BANNER_END, timeout=30)
        slept = time.time() - start
        b.expect(">>> ")
        check(2.5 < slept < 20, "an hour at 1000x took %.1f s" % slept)
        out = friendly(b, "import machine, time; print(machine.reset_cause(), machine.RTC().memory(), "
                          "time.time() - int(open('t').read()))")
        cause, memory, gone = out.split()
        check(cause == b"5" and memory == b"b'zz'", "after deep sleep: %r" % out)
        check(3590 <= int(gone) <= 3600 + 20 * 1000, "the RTC across the sleep: %r" % out)
        # esp.deepsleep in microseconds, and RTC.ALARM0 as the wake-up.
        b.send("import esp; esp.deepsleep(2000000)\r")
        b.read_until(BANNER_END, timeout=30)
        b.expect(">>> ")
        check(friendly(b, "import machine; print(machine.reset_cause())") == b"5\r\n", "esp.deepsleep's cause")
        friendly(b, "r = machine.RTC(); r.irq(trigger=r.ALARM0, wake=machine.DEEPSLEEP); r.alarm(r.ALARM0, 5000)")
        b.send("machine.deepsleep()\r")
        b.read_until(BANNER_END, timeout=30)
    finally:
        b.close()


@test
def endless_deep_sleep_ends_with_the_input():
    # Nobody can press reset once the console's input is gone: the board ends.
    p = subprocess.run([ESPY, "--board", "--flash", fresh_flash("endless.img")], cwd=FLASH_DIR.name,
                       input=b"import machine\rmachine.deepsleep()\r", capture_output=True, timeout=TIMEOUT)
    check(p.returncode == 0 and p.stdout.count(BANNER_END) == 2, "an endless deep sleep: %r" % p.stdout[-200:])


@test
def watchdog_resets_the_board():
    b = Board(fresh_flash("wdt.img"))
    try:
        b.read_until(BANNER_END)
        b.expect(">>> ")
        friendly(b, "import machine, time; w = machine.WDT(); w.feed()")
        b.send("while True: time.sleep_ms(10)\r\r")
        start = time.time()
        out = b.read_until(BANNER_END, timeout=20)
        check(4 < time.time() - start < 15, "the watchdog's 5 s took %.1f s" % (time.time() - start))
        check(b"Traceback" not in out and b"soft reboot" not in out, "a watchdog reset: %r" % out)
        b.expect(">>> ")
        check(friendly(b, "import machine; print(machine.reset_cause())") == b"1\r\n", "WDT_RESET cause")
    finally:
        b.close()


@test
def rtc_overflows_as_the_seed_says():
    """The RTC's counter overflows every 7 h 45 min (27,901 s); at 20,000x
    that is 1.4 s. Read often, the time stays right across three overflows;
    left unread for more than a period, it loses one."""
    path = fresh_flash("rtc.img")
    b = Board(path, command=[ESPY, "--board", "--flash", path, "--clock-speed", "20000"])
    try:
        b.read_until(BANNER_END)
        b.enter_raw(soft_reset=False)
        out = raw_eval(b, "import time, machine\n"
                          "machine.RTC().datetime((2024, 2, 29, 0, 23, 0, 0, 0))\n"
                          "t0 = time.time(); s0 = time.ticks_ms()\n"
                          "while time.ticks_diff(time.ticks_ms(), s0) < 4500:\n"
                          "    time.sleep_ms(50); time.time()\n"
                          "real = time.ticks_diff(time.ticks_ms(), s0) * 20\n"
                          "print(time.time() - t0 - real, real > 3 * 27901)\n"
                          "print(machine.RTC().datetime()[:3] >= (2024, 3, 1))\n")
        drift, crossed, date = out.split()
        check(abs(int(drift)) < 400 and crossed == b"True" and date == b"True", "read often: %r" % out)
        out = raw_eval(b, "t0 = time.time(); s0 = time.ticks_ms()\n"
                          "time.sleep_ms(2200)\n"
                          "real = time.ticks_diff(time.ticks_ms(), s0) * 20\n"
                          "print(real - (time.time() - t0))\n")
        lost = int(out)
        check(27901 - 400 < lost < 27901 + 400, "unread for 44,000 s the clock should lose one period: %r" % out)
    finally:
        b.close()


def main(tests=None, failures=(), skip=()):
    """Runs `tests` (this file's by default), or those named on the command
    line: `PROGRAM ESPY [-v] [NAME...]`. A test fails by raising Failure or
    one of `failures`, and is skipped by raising one of `skip`."""
    global ESPY, VERBOSE
    names = []
    for a in sys.argv[1:]:
        if a == "-v":
            VERBOSE = True
        elif ESPY is None:
            ESPY = os.path.abspath(a)
        else:
            names.append(a)
    if ESPY is None or not os.access(ESPY, os.X_OK):
        print("usage: %s ESPY [-v] [NAME...]" % os.path.basename(sys.argv[0]), file=sys.stderr)
        sys.exit(2)
    passed = failed = skipped = 0
    for fn in TESTS if tests is None else tests:
        if names and fn.__name__ not in names:
            continue
        start = time.time()
        try:
            fn()
        except skip as e:
            skipped += 1
            print("skip %s: %s" % (fn.__name__, e), flush=True)
        except (Failure,) + tuple(failures) as e:
            failed += 1
            print("FAIL %s: %s" % (fn.__name__, e or type(e).__name__), flush=True)
        else:
            passed += 1
            if VERBOSE:
                print("ok   %s (%.1f s)" % (fn.__name__, time.time() - start), flush=True)
    print("%d passed, %d failed%s" % (passed, failed, ", %d skipped" % skipped if skipped else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
