# What mkfs writes is byte for byte what MicroPython's littlefs writes on
# a 2 MiB ESP8266 (spec section 2.13): blocks 0 and 1 each hold the
# superblock in one 64-byte commit, revisions 1 and 2, nothing else.
import os
import _bdev

bdev = _bdev.device(251)
os.VfsLfs2.mkfs(bdev)
for b in (0, 1):
    buf = bytearray(4096)
    bdev.readblocks(b, buf)
    for i in range(0, 64, 16):
        print('%d %04x: %s' % (b, i, ' '.join('%02x' % x for x in buf[i:i + 16])))
    print(buf[64:] == b'\xff' * (4096 - 64))
rest = bytearray(4096)
erased = True
for b in range(2, 251):
    bdev.readblocks(b, rest)
    erased = erased and rest == b'\xff' * 4096
print(erased)
vfs = os.VfsLfs2(bdev)
print(vfs.statvfs('/'))
