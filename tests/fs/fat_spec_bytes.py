# What VfsFat.mkfs writes for the ESP8266's sizes (spec 4.2-4.4): the boot
# sector (but its serial, the time of formatting), the FAT layout of every
# size in the spec's table, the first FAT and root sectors, and that
# nothing else is written. Then the bytes of a file with a long name and
# of the FAT after the spec's example. A sparse device written in Python
# (MicroPython's two-argument readblocks/writeblocks) keeps the big ones
# small.
import os


class Sparse:
    def __init__(self, blocks, size=4096):
        self.blocks = blocks
        self.size = size
        self.data = {}

    def readblocks(self, n, buf):
        buf[:] = self.data.get(n, b'\xff' * self.size)

    def writeblocks(self, n, buf):
        self.data[n] = bytes(buf)

    def ioctl(self, op, arg):
        if op == 4:
            return self.blocks
        if op == 5:
            return self.size


def u16(b, o):
    return b[o] | b[o + 1] << 8


for blocks in (98, 251, 354, 763, 866, 1787, 3835, 20000):
    dev = Sparse(blocks)
    os.VfsFat.mkfs(dev)
    b = dev.data[0]
    fat = u16(b, 22)
    root = 1 + fat
    data = root + 4
    print(blocks, 'fat sectors', fat, 'root', root, 'data', data, 'clusters', (blocks - data) // b[13],
          'per cluster', b[13], 'written', sorted(dev.data) == list(range(data)),
          'FAT16' if (blocks - data) // b[13] > 4085 else 'FAT12', dev.data[1][:5])
    st = os.VfsFat(dev).statvfs('/')
    print('   statvfs', st[0], st[2], st[3])

dev = Sparse(251)
os.VfsFat.mkfs(dev)
b = dev.data[0]
print(b[:39].hex(), b[43:64].hex())
print(b[510:512].hex(), b[64:510] == bytes(446), b[512:] == bytes(4096 - 512))
print(all(dev.data[s] == bytes(4096) for s in (2, 3, 4, 5)))

# The spec's FAT example: a 1-cluster file, a 3-cluster file, a directory
# and a 1-cluster file in it; the long name entries of the 3-cluster one.
vfs = os.VfsFat(dev)
with vfs.open('/boot.py', 'w') as f:
    f.write('x' * 7)
with vfs.open('/A Long File Name.txt', 'w') as f:
    f.write('y' * 9000)
vfs.mkdir('/d')
with vfs.open('/d/f', 'w') as f:
    f.write('z')
print(dev.data[1][:12].hex())
root = dev.data[2]
print(root[0:14].hex(), root[26:32].hex())
for i in (32, 64):
    print(root[i:i + 32].hex())
print(root[96:110].hex(), root[122:128].hex())
print(root[128:140])

# A sector size other than 512..4096 is refused (EIO), and a device too
# small for 16 clusters cannot be formatted (EIO).
for blocks, size in ((64, 256), (64, 8192), (20, 4096)):
    try:
        os.VfsFat.mkfs(Sparse(blocks, size))
        print('formatted')
    except OSError as e:
        print('OSError', e.errno)
# 512-byte sectors: a root of 32 sectors, FatFs's smallest volume is 50.
dev = Sparse(50, 512)
os.VfsFat.mkfs(dev)
print(os.VfsFat(dev).statvfs('/'))
