# A filesystem and a file on it dropped together, the file still open:
# the collector frees both without touching the freed filesystem.
import gc, vfs


class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)

    def readblocks(self, block_num, buf, offset=0):
        addr = block_num * self.block_size + offset
        buf[:] = self.data[addr:addr + len(buf)]

    def writeblocks(self, block_num, buf, offset=None):
        if offset is None:
            self.ioctl(6, block_num)
            offset = 0
        addr = block_num * self.block_size + offset
        self.data[addr:addr + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.block_size
        if op == 5:
            return self.block_size
        if op == 6:
            addr = arg * self.block_size
            self.data[addr:addr + self.block_size] = b"\xff" * self.block_size
            return 0


def make():
    bdev = RAMBlockDev(512, 64)
    vfs.VfsLfs2.mkfs(bdev)
    fs = vfs.VfsLfs2(bdev)
    f = fs.open("a.txt", "w")
    f.write("data" * 100)
    return bdev


for i in range(20):
    make()
    gc.collect()
print("ok")
