# Images that hold no usable FAT volume are refused with OSError(ENODEV)
# when mounted, never a crash: an erased device, random bytes, a littlefs
# image, boot sectors with impossible fields, a volume bigger than the
# device. Then damage to a volume with files: cluster numbers out of
# range, chains that loop or end early, random bytes in the FAT and the
# directories. Mounting and walking it may fail with OSError, never
# crash or hang.
import os
import random
import _bdev


def mount(bdev):
    try:
        vfs = os.VfsFat(bdev)
        vfs.mount(False, False)
        vfs.statvfs('/')
        print('mounted')
        return vfs
    except OSError as e:
        print('OSError', e.errno)


class Smaller:
    # The same image, said to be smaller.
    def __init__(self, bdev, blocks):
        self.bdev = bdev
        self.blocks = blocks

    def readblocks(self, block, buf, off=0):
        self.bdev.readblocks(block, buf, off)

    def writeblocks(self, block, buf, off=None):
        self.bdev.writeblocks(block, buf, off)

    def ioctl(self, op, arg):
        return self.blocks if op == 4 else self.bdev.ioctl(op, arg)


random.seed(5)
bdev = _bdev.device(32)
mount(bdev)
bdev.writeblocks(0, bytes(random.getrandbits(8) for i in range(4096)))
mount(bdev)
os.VfsLfs2.mkfs(bdev)
mount(bdev)
os.VfsFat.mkfs(bdev)
good = bytearray(4096)
bdev.readblocks(0, good)
mount(bdev)
mount(Smaller(bdev, 16))
for offset, value in ((510, 0), (0, 0x00), (54, ord('X')), (11, 1), (12, 0x20), (13, 0), (13, 3), (14, 0),
                      (16, 0), (16, 3), (17, 0x10), (17, 1), (18, 0), (22, 0), (19, 5), (19, 0xff)):
    boot = bytearray(good)
    boot[offset] = value
    if offset == 18:
        boot[17] = 0
    if offset == 22:
        boot[23] = 0
    bdev.writeblocks(0, boot)
    print(offset, value, end=': ')
    mount(bdev)
bdev.writeblocks(0, good)
mount(bdev)


def walk(vfs, path, depth=0):
    n = 0
    for entry in vfs.ilistdir(path):
        full = path.rstrip('/') + '/' + entry[0]
        if entry[1] == 0x4000:
            if depth < 8:
                n += walk(vfs, full, depth + 1)
        else:
            with vfs.open(full, 'rb') as f:
                n += len(f.read())
    return n


def image():
    bdev = _bdev.device(32)
    os.VfsFat.mkfs(bdev)
    vfs = os.VfsFat(bdev)
    vfs.mkdir('/d')
    for i in range(6):
        with vfs.open('/d/f%d' % i if i % 2 else '/f%d' % i, 'w') as f:
            f.write('%d' % i * (i * 3000 + 1))
    return bdev


def fat_entry(bdev, n, value):
    fat = bytearray(4096)
    bdev.readblocks(1, fat)
    o = n + n // 2
    if n % 2:
        fat[o] = (fat[o] & 0x0f) | (value << 4 & 0xf0)
        fat[o + 1] = value >> 4
    else:
        fat[o] = value & 0xff
        fat[o + 1] = (fat[o + 1] & 0xf0) | (value >> 8)
    bdev.writeblocks(1, fat)


def attempt(bdev, what):
    try:
        vfs = os.VfsFat(bdev)
        n = walk(vfs, '/')
        with vfs.open('/new', 'w') as f:
            f.write('x' * 5000)
        vfs.rename('/new', '/d/new')
        vfs.remove('/d/new')
        print(what, 'walked', n)
    except OSError as e:
        print(what, 'OSError', e.errno)


# Chains: d is cluster 2, f0 3, d/f1 4, f2 5-6, d/f3 7-9 (cluster 8 is
# the middle of d/f3): a loop (8 -> 7), a link off the volume, a free,
# reserved or bad cluster inside, a chain that ends early. Opening d/f3
# is EIO in each case.
bdev = image()
print(walk(os.VfsFat(bdev), '/'))
for n, value, what in ((8, 7, 'loop'), (8, 0xff0, 'out of range'), (8, 0, 'free inside'), (8, 1, 'reserved'),
                       (8, 0xff7, 'bad cluster'), (8, 0xfff, 'short chain')):
    bdev = image()
    fat_entry(bdev, n, value)
    attempt(bdev, what)
# A directory whose chain loops to itself, and one that names its parent.
bdev = image()
root = bytearray(4096)
bdev.readblocks(2, root)
d = root.find(b'D          \x10')
clust = root[d + 26]
fat_entry(bdev, clust, clust)
attempt(bdev, 'directory loop')
bdev = image()
sub = bytearray(4096)
bdev.readblocks(6 + clust - 2, sub)
sub[64 + 11] = 0x10
sub[64 + 26] = clust
bdev.writeblocks(6 + clust - 2, sub)
attempt(bdev, 'directory in itself')
# A file whose first cluster is out of range, and one bigger than its chain.
for offset, value, what in ((26, 0xff, 'first cluster'), (31, 0x10, 'size')):
    bdev = image()
    bdev.readblocks(2, root)
    root[32 * 1 + offset] = value
    bdev.writeblocks(2, root)
    attempt(bdev, what)

# Random damage to the FAT and the directories.
random.seed(7)
failed = 0
for trial in range(60):
    bdev = image()
    for k in range(1 + trial % 8):
        block = random.choice((1, 2, 2, 6, 7, 8, 9))
        buf = bytearray(4096)
        bdev.readblocks(block, buf)
        buf[random.getrandbits(12)] = random.getrandbits(8)
        bdev.writeblocks(block, buf)
    try:
        vfs = os.VfsFat(bdev)
        walk(vfs, '/')
        with vfs.open('/new', 'w') as f:
            f.write('x' * 300)
        vfs.mkdir('/e')
        vfs.rename('/new', '/e/new')
        walk(vfs, '/')
    except OSError as e:
        failed += 1
print('damaged images survived', failed > 0)
