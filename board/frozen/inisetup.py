# SPDX-License-Identifier: MIT
# First-boot set-up (spec: port behaviour, 2.2): on a blank filesystem area,
# format littlefs, mount it and write the default boot.py; on one that is
# not blank but does not mount, say so every 3 s until Ctrl-C.
import vfs
from flashbdev import bdev


def check_bootsec():
    buf = bytearray(bdev.ioctl(5, 0))
    bdev.readblocks(0, buf)
    for b in buf:
        if b != 0xFF:
            fs_corrupted()
    return True


def fs_corrupted():
    import time
    import micropython

    micropython.kbd_intr(3)  # this loop can be stopped with Ctrl-C
    while 1:
        print(
            """\
The filesystem starting at sector %d with size %d sectors looks corrupt.
You may want to make a flash snapshot and try to recover it. Otherwise,
format it with vfs.VfsLfs2.mkfs(bdev), or completely erase the flash and
reprogram MicroPython.
"""
            % (bdev.start_sec, bdev.blocks)
        )
        time.sleep(3)


def wifi():
    try:
        import network
    except ImportError:
        return  # no radio in this build
    import binascii

    ap_if = network.WLAN(network.AP_IF)
    try:
        mac = ap_if.config("mac")
    except OSError:
        return  # a radio not there (QEMU) or not bound yet (the chip): ENODEV
    ssid = b"MicroPython-%s" % binascii.hexlify(mac[-3:])
    ap_if.config(ssid=ssid, security=network.AUTH_WPA_WPA2_PSK, key=b"micropythoN")


def setup():
    check_bootsec()
    print("Performing initial setup")
    wifi()
    vfs.VfsLfs2.mkfs(bdev)
    fs = vfs.VfsLfs2(bdev)
    vfs.mount(fs, "/")
    with open("boot.py", "w") as f:
        f.write(
            """\
# This file is executed on every boot (including wake-boot from deepsleep)
#import esp
#esp.osdebug(None)
import os, machine
#os.dupterm(None, 1) # disable REPL on UART(0)
import gc
#import webrepl
#webrepl.start()
gc.collect()
"""
        )
    return fs
