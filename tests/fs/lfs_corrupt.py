# Images that hold no (valid) littlefs are refused with OSError when
# mounted, never a crash: an erased device, random bytes, a FAT boot
# sector, damaged superblock commits, an image of another size. Then
# random damage to a filesystem with files: mounting and walking it may
# fail with OSError but must not crash.
import os
import random
import _bdev


def mount(bdev):
    try:
        vfs = os.VfsLfs2(bdev)
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
bdev.writeblocks(1, bytes(random.getrandbits(8) for i in range(4096)))
mount(bdev)
bdev.writeblocks(0, bytes(4096))
bdev.writeblocks(1, bytes(4096))
mount(bdev)
boot = bytearray(4096)
boot[0:11] = b'\xeb\xfe\x90MSDOS5.0'
boot[11:24] = b'\x00\x10\x01\x01\x00\x01\x00\x02\x20\x00\xf8\x01\x00'
boot[54:62] = b'FAT     '
boot[510:512] = b'\x55\xaa'
bdev.writeblocks(0, boot)
bdev.ioctl(6, 1)
mount(bdev)

os.VfsLfs2.mkfs(bdev)
vfs = mount(bdev)
print(list(vfs.ilistdir('/')))
mount(Smaller(bdev, 16))
# A bad CRC in the superblock commit of both blocks.
for b in (0, 1):
    buf = bytearray(64)
    bdev.readblocks(b, buf)
    buf[9] ^= 0x20
    bdev.writeblocks(b, buf)
mount(bdev)


def walk(vfs, path):
    n = 0
    for entry in vfs.ilistdir(path):
        full = path.rstrip('/') + '/' + entry[0]
        if entry[1] == 0x4000:
            n += walk(vfs, full)
        else:
            with vfs.open(full, 'rb') as f:
                n += len(f.read())
    return n


# Random damage to a filesystem with files in it.
random.seed(7)
for trial in range(60):
    bdev = _bdev.device(32)
    os.VfsLfs2.mkfs(bdev)
    vfs = os.VfsLfs2(bdev)
    vfs.mkdir('/d')
    for i in range(6):
        with vfs.open('/d/f%d' % i if i % 2 else '/f%d' % i, 'w') as f:
            f.write('%d' % i * (i * 700 + 1))
    for k in range(1 + trial % 8):
        block = random.getrandbits(5) if trial % 2 else random.getrandbits(1)
        off = random.getrandbits(12)
        bdev.ioctl(6, block) if trial % 5 == 0 else bdev.writeblocks(block, bytes([random.getrandbits(8)]), off)
    try:
        vfs = os.VfsLfs2(bdev)
        walk(vfs, '/')
        with vfs.open('/new', 'w') as f:
            f.write('x' * 300)
        vfs.mkdir('/e')
        vfs.rename('/new', '/e/new')
        walk(vfs, '/')
    except OSError as e:
        pass
print('damaged images survived')
