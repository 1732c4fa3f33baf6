#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""os.dupterm on the simulated board (spec: port behaviour sections 4 and
14): UART(0) in slot 1 at every reset, a stream written in Python sharing
the REPL (its input executed, the REPL's output written to it), detaching
and re-attaching UART0, reading UART0 once the REPL let go of it, streams
that fail or end detached with MicroPython's messages, Ctrl-C from a
stream while code runs, and the argument errors.

    test_dupterm.py ESPY [-v] [NAME...]

Prints one line per failing test (every test with -v) and ends with
`N passed, N failed`."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_board as t  # noqa: E402

# A stream written in Python: what it is given to read, what it was written.
STREAM = """
import io, os, machine, time
class S(io.IOBase):
    def __init__(self, data=b'', after=0):
        self.inp = bytearray(data)
        self.out = bytearray()
        self.after = time.ticks_add(time.ticks_ms(), after)
    def readinto(self, buf):
        if not self.inp or time.ticks_diff(time.ticks_ms(), self.after) < 0:
            return None
        n = min(len(buf), len(self.inp))
        buf[:n] = self.inp[:n]
        self.inp = self.inp[n:]
        return n
    def write(self, b):
        self.out += b
        return len(b)
"""


def raw_board():
    b = t.Board()
    b.read_until(t.BANNER_END)
    b.expect(">>> ")
    b.enter_raw(soft_reset=False)
    return b


def dupterm_test(fn):
    def wrapper():
        b = raw_board()
        try:
            fn(b)
        finally:
            b.close()
    wrapper.__name__ = fn.__name__
    return t.test(wrapper)


@dupterm_test
def uart0_in_slot_1(b):
    out = t.raw_eval(b, "import os, machine\nprev = os.dupterm(None, 1)\nos.dupterm(prev, 1)\n"
                        "print(prev is machine.UART(0), os.dupterm(None), machine.UART(0).read())")
    t.check(out == b"True None None\r\n", "slot 1 at boot: %r" % out)


@dupterm_test
def python_stream_shares_the_repl(b):
    t.raw_eval(b, STREAM + "s = S()\nos.dupterm(s)")
    b.send("\x02")                         # the friendly REPL reads the stream too
    b.read_until(t.BANNER_END)
    b.read_until(">>> ")
    b.send("s.inp += b'print(6 * 7)\\r'\r")
    got = b.read_until("42\r\n>>> ")
    t.check(got == b"s.inp += b'print(6 * 7)\\r'\r\n>>> print(6 * 7)\r\n42\r\n>>> ",
            "the stream's command on UART0: %r" % got)
    b.send("b'>>> print(6 * 7)\\r\\n42\\r\\n>>> ' in s.out, s.out.startswith(b'\\x04\\x04>\\r\\nMicroPython')\r")
    got = b.read_until("\r\n>>> ")
    t.check(got.endswith(b"\r\n(True, True)\r\n>>> "), "what the stream was written: %r" % got)
    # input() reads it too, and UART0 still works alongside.
    b.send("s.inp += b'typed\\r'; input('? ')\r")
    got = b.read_until(">>> ")
    t.check(got.endswith(b"? typed\r\n'typed'\r\n>>> "), "input() from the stream: %r" % got)


@dupterm_test
def detach_and_reattach_uart0(b):
    out, err = b.exec_raw_paste("import os, machine\nprint('before')\nprev = os.dupterm(None, 1)\n"
                                "print('hidden')\nos.dupterm(machine.UART(0, 115200), 1)\n"
                                "print('shown', prev)")
    t.check(err == b"", "error %r" % err)
    t.check(out == b"before\r\nshown UART(0, baudrate=115200, bits=8, parity=None, stop=1, rxbuf=15, "
                   b"timeout=0, timeout_char=1)\r\n", "output %r" % out)
    # While detached, UART0's bytes are UART(0)'s to read.
    b.send(b"\x05A\x01")
    t.check(b.read_exactly(5) == b"R\x01\x80\x00\x01", "raw-paste")
    b.send("import time\nu = machine.UART(0)\nos.dupterm(None, 1)\ntime.sleep(0.5)\nd = u.read()\nos.dupterm(u, 1)\nprint(d, u.read())\x04")
    b.read_until("\x04")
    time.sleep(0.15)
    b.send("abc")
    out = b.read_until("\x04")[:-1]
    err = b.read_until("\x04")[:-1]
    b.expect(">")
    t.check(out == b"b'abc' None\r\n" and err == b"", "UART(0).read() while detached: %r %r" % (out, err))


@dupterm_test
def streams_that_fail_are_detached(b):
    t.raw_eval(b, STREAM + "class W(S):\n    def write(self, b):\n        raise ValueError('boom')\n"
                           "class R(S):\n    def readinto(self, buf):\n        raise OSError(5)\n"
                           "class E(S):\n    def readinto(self, buf):\n        return 0\n")
    # The REPL's next write (the raw REPL's \x04) fails: the message comes
    # first on UART0, then that \x04.
    out, err = b.exec_raw_paste("os.dupterm(W())")
    t.check(out.startswith(b"dupterm: Exception in write() method, deactivating: Traceback (most recent "
                           b"call last):\r\n  File \"<stdin>\", line ")
            and out.endswith(b", in write\r\nValueError: boom\r\n") and err == b"", "write() raised: %r %r" % (out, err))
    out = t.raw_eval(b, "print(os.dupterm(None))")
    t.check(out == b"None\r\n", "slot 0 after the failed write: %r" % out)
    # Reading happens while the REPL waits, after the prompt.
    out = t.raw_eval(b, "os.dupterm(R())")
    got = b.read_until("OSError: [Errno 5] EIO\r\n")
    t.check(got.startswith(b"dupterm: Exception in read() method, deactivating: Traceback (most recent call "
                           b"last):\r\n") and b", in readinto\r\n" in got, "read() raised: %r" % got)
    out = t.raw_eval(b, "os.dupterm(E(), 0)")
    got = b.read_until("deactivating\r\n")
    t.check(got == b"dupterm: EOF received, deactivating\r\n", "EOF: %r" % got)
    out = t.raw_eval(b, "print(os.dupterm(None), 'still here')")
    t.check(out == b"None still here\r\n", "after: %r" % out)


@dupterm_test
def ctrl_c_from_a_stream(b):
    # The stream is only read when something polls: here a timer calls
    # os.dupterm_notify, as webrepl.py does.
    out, err = b.exec_raw_paste(STREAM + "s = S(b'\\x03', after=300)\nos.dupterm(s)\n"
                                "tm = machine.Timer(-1)\ntm.init(period=20, callback=os.dupterm_notify)\n"
                                "try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n"
                                "    print('interrupted')\ntm.deinit()\nos.dupterm(None)")
    t.check(out.endswith(b"interrupted\r\n") and err == b"", "Ctrl-C from the stream: %r %r" % (out, err))


@dupterm_test
def dupterm_errors(b):
    out = t.raw_eval(b, "import os, io\n"
                        "def show(*a):\n    try:\n        os.dupterm(*a)\n    except Exception as e:\n"
                        "        print(type(e).__name__, e)\n"
                        "show(io.BytesIO(), 2)\nshow(io.BytesIO(), -1)\nshow(42)\nshow(object(), 1)\n")
    t.check(out == (b"ValueError invalid dupterm index\r\nValueError invalid dupterm index\r\n"
                           b"TypeError 'int' object is not a stream\r\nTypeError 'object' object is not a stream\r\n"),
            "errors: %r" % out)


@t.test
def uart0_back_after_soft_reset():
    b = raw_board()
    try:
        b.send(b"import os\nos.dupterm(None, 1)\n\x04")
        b.expect("OK")
        time.sleep(0.3)
        t.check(not b.waiting(), "output after detaching: %r" % b.buf)
        # Nothing reads UART0 now; a soft reset needs another console: a
        # second run with a stream that asks for it.
    finally:
        b.p.kill()
        b.p.wait()
    b = raw_board()
    try:
        t.raw_eval(b, STREAM + "s = S(b'\\x04', after=200)")
        # The stream's Ctrl-D in the raw REPL: a soft reset, and UART0 is back.
        b.send("os.dupterm(None, 1)\nos.dupterm(s)\n\x04")
        b.expect("OK")
        got = b.read_until(t.RAW_BANNER + b">")
        t.check(got == b"MPY: soft reboot\r\n" + t.RAW_BANNER + b">", "soft reset by the stream: %r" % got)
        out = t.raw_eval(b, "import os\nprint(os.dupterm(None))")
        t.check(out == b"None\r\n", "slot 0 after the soft reset: %r" % out)
    finally:
        b.close()


if __name__ == "__main__":
    t.TESTS[:] = [fn for fn in t.TESTS if fn.__module__ == __name__]
    t.main()
