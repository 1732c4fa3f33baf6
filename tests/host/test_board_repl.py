#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The simulated board's REPL, byte for byte as shared/spec/repl-protocols.md
gives it: `espy --board` with pipes as its UART, driven as serial tools drive
a board (the raw REPL and raw-paste mode as pyboard.py and mpremote use
them), plus the friendly REPL's echo, prompts, auto-indent, completion,
history and paste mode.

    test_board_repl.py ESPY [-v] [NAME...]

Prints one line per test and ends with `N passed, N failed`."""
import os
import select
import subprocess
import sys
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


class Board:
    """espy --board on pipes; read_until() collects its UART output."""

    def __init__(self):
        self.p = subprocess.Popen([ESPY, "--board"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, cwd=os.path.dirname(ESPY))
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
        while i < len(code):
            while remaining == 0 or self.waiting():
                b = self.read_exactly(1)
                if b == b"\x01":
                    remaining += window
                elif b == b"\x04":
                    self.send(b"\x04")
                    i = len(code)
                    break
                else:
                    raise Failure("unexpected %r in raw-paste" % b)
            if i >= len(code):
                break
            n = min(remaining, len(code) - i)
            self.send(code[i:i + n])
            remaining -= n
            i += n
        else:
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
    lines = ["x%d = %d" % (i, i * i) for i in range(300)]
    code = "\n".join(lines) + "\nprint(sum(x%d for x%d in [%s]))\n" % (0, 0, ", ".join("x%d" % i for i in range(300)))
    check(len(code) > 4 * 128, "the program should need several windows")
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


def main():
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
        print("usage: test_board_repl.py ESPY [-v] [NAME...]", file=sys.stderr)
        sys.exit(2)
    passed = failed = 0
    for fn in TESTS:
        if names and fn.__name__ not in names:
            continue
        try:
            fn()
            passed += 1
            if VERBOSE:
                print("ok   %s" % fn.__name__)
        except Failure as e:
            failed += 1
            print("FAIL %s: %s" % (fn.__name__, e))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()
