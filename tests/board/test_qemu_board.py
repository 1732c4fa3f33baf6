#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The board on QEMU's lx106 (tools/espy-qemu --flash IMAGE): the chip's
instruction set and its 38 KiB heap boot from a flash image over
semihosting: first boot formats littlefs and writes boot.py, files written
survive a soft reset and a new run, and a workload of files fits the heap.
The raw REPL is driven as serial tools drive it (test_board.py's Board).

    test_qemu_board.py [-v]

Ends with `N passed, N failed`."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_board as t  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QEMU = [os.path.join(REPO, "tools", "espy-qemu")]


def board(image):
    return t.Board(command=QEMU + ["--flash", image])


def blank_image(name, size=2 << 20):
    path = os.path.join(t.FLASH_DIR.name, name)
    with open(path, "wb") as f:
        f.write(b"\xff" * size)
    return path


@t.test
def qemu_first_boot_and_files():
    image = blank_image("q.img")
    b = board(image)
    try:
        b.expect("Performing initial setup\r\n")
        b.read_until(t.BANNER_END)
        b.expect(">>> ")
        b.enter_raw(soft_reset=False)
        out = t.raw_eval(b, "import os\nprint(os.listdir(), os.statvfs('/')[2])")
        t.check(out == b"['boot.py'] 251\r\n", "first boot on 2M: %r" % out)
        # Many files and a bigger one, in the chip's heap.
        out = t.raw_eval(b, "import os, gc\nos.mkdir('d')\nfor i in range(20):\n"
                            "    with open('d/f%d.txt' % i, 'w') as f:\n        f.write('x' * (i * 50))\n"
                            "with open('big.bin', 'wb') as f:\n    for i in range(24):\n        f.write(bytes(range(256)) * 2)\n"
                            "print(len(os.listdir('d')), os.stat('big.bin')[6], os.stat('d/f19.txt')[6])\n"
                            "gc.collect()\nprint(gc.mem_free() > 20000)")
        t.check(out == b"20 12288 950\r\nTrue\r\n", "workload: %r" % out)
        b.send("\x04")                       # soft reset keeps the files
        b.expect("OK\r\nMPY: soft reboot\r\n" + t.RAW_BANNER.decode() + ">")
        out = t.raw_eval(b, "import os\nwith open('big.bin', 'rb') as f:\n    d = f.read()\n"
                            "print(len(d), d[:3] == bytes(range(3)), d[-1], sorted(os.listdir())[:2])")
        t.check(out == b"12288 True 255 ['big.bin', 'boot.py']\r\n", "after soft reset: %r" % out)
    finally:
        b.close()
    # A new run mounts the same image without setting up again.
    b = board(image)
    try:
        first = b.read_until(t.BANNER_END)
        t.check(first.startswith(b"MicroPython-compatible"), "second boot: %r" % first)
        b.enter_raw(soft_reset=False)
        out = t.raw_eval(b, "print(open('d/f3.txt').read())")
        t.check(out == b"x" * 150 + b"\r\n", "file after a new run: %r" % out)
    finally:
        b.close()


if __name__ == "__main__":
    t.ESPY = QEMU[0]
    t.TESTS[:] = [fn for fn in t.TESTS if fn.__name__.startswith("qemu_")]
    t.main()
