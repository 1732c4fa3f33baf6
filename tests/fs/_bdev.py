# Block devices for the filesystem tests: espy's simulated NOR flash
# (espysim.Flash) where there is one, else a RAM block device written in
# Python with the same behaviour (MicroPython's tests use such a class), so
# that the tests print the same under MicroPython.


class RAMFlash:
    def __init__(self, blocks, block_size=4096):
        self.block_size = block_size
        self.blocks = blocks
        self.data = bytearray(b'\xff' * (blocks * block_size))

    def readblocks(self, block, buf, off=0):
        addr = block * self.block_size + off
        buf[:] = self.data[addr:addr + len(buf)]

    def writeblocks(self, block, buf, off=None):
        if off is None:
            for b in range(block, block + (len(buf) + self.block_size - 1) // self.block_size):
                self.ioctl(6, b)
            off = 0
        addr = block * self.block_size + off
        for i in range(len(buf)):
            self.data[addr + i] &= buf[i]

    def ioctl(self, op, arg):
        if op == 4:
            return self.blocks
        if op == 5:
            return self.block_size
        if op == 6:
            a = arg * self.block_size
            self.data[a:a + self.block_size] = b'\xff' * self.block_size
            return 0
        return None


def device(blocks, block_size=4096):
    try:
        import espysim
        return espysim.Flash(blocks, block_size)
    except ImportError:
        return RAMFlash(blocks, block_size)
