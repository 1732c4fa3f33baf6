# SPDX-License-Identifier: MIT
# The flash block device of the ESP8266 port: the filesystem's blocks are
# the flash sectors after the firmware, up to the SDK's 20 KiB at the end
# (spec: filesystems.md, 1.2-1.4). `bdev` is None on a flash under 1 MiB.
import esp


class FlashBdev:
    SEC_SIZE = 4096

    def __init__(self, start_sec, blocks):
        self.start_sec = start_sec
        self.blocks = blocks

    def readblocks(self, n, buf, off=0):
        esp.flash_read((n + self.start_sec) * self.SEC_SIZE + off, buf)

    def writeblocks(self, n, buf, off=None):
        if off is None:
            # FAT's whole-sector writes: erase every sector written.
            for s in range((len(buf) + self.SEC_SIZE - 1) // self.SEC_SIZE):
                esp.flash_erase(n + self.start_sec + s)
            off = 0
        esp.flash_write((n + self.start_sec) * self.SEC_SIZE + off, buf)

    def ioctl(self, op, arg):
        if op == 4:  # block count
            return self.blocks
        if op == 5:  # block size
            return self.SEC_SIZE
        if op == 6:  # erase a block
            esp.flash_erase(arg + self.start_sec)
            return 0


size = esp.flash_size()
if size < 1024 * 1024:
    bdev = None
else:
    start_sec = esp.flash_user_start() // FlashBdev.SEC_SIZE
    if start_sec < 256:
        start_sec += 1  # a sector kept for native code, as the port does
    # The last 20 KiB hold the SDK's parameters.
    bdev = FlashBdev(start_sec, (size - 20480) // FlashBdev.SEC_SIZE - start_sec)
