# A block device written in Python: littlefs calls its readblocks,
# writeblocks (with an offset: program only) and ioctl (erase by ioctl 6,
# block count and size), and what one of them raises comes out unchanged.
import os


class Device:
    def __init__(self, blocks):
        self.data = bytearray(b'\xff' * (blocks * 512))
        self.blocks = blocks
        self.calls = {}
        self.fail = None

    def count(self, what):
        self.calls[what] = self.calls.get(what, 0) + 1
        if self.fail == what:
            raise ValueError('device failed in ' + what)

    def readblocks(self, block, buf, off=0):
        self.count('read')
        addr = block * 512 + off
        buf[:] = self.data[addr:addr + len(buf)]

    def writeblocks(self, block, buf, off=None):
        self.count('write')
        addr = block * 512 + (off or 0)
        for i in range(len(buf)):
            self.data[addr + i] &= buf[i]

    def ioctl(self, op, arg):
        self.count('ioctl%d' % op)
        if op == 4:
            return self.blocks
        if op == 5:
            return 512
        if op == 6:
            self.data[arg * 512:arg * 512 + 512] = b'\xff' * 512
            return 0


dev = Device(64)
os.VfsLfs2.mkfs(dev, readsize=16, progsize=16, lookahead=16)
print([k for k in sorted(dev.calls) if k in ('read', 'write', 'ioctl4', 'ioctl5', 'ioctl6')])
print(dev.data[8:16], dev.data[512 + 8:512 + 16])
vfs = os.VfsLfs2(dev, readsize=16, progsize=16, lookahead=16, mtime=False)
os.mount(vfs, '/py')
with open('/py/t.txt', 'w') as f:
    f.write('python block device\n' * 100)
print(open('/py/t.txt').read(20), os.stat('/py/t.txt')[6], os.stat('/py/t.txt')[8])
print(os.statvfs('/py')[0:3])
dev.fail = 'read'
try:
    os.VfsLfs2(dev)
except ValueError as e:
    print('ValueError', e)
dev.fail = 'write'
try:
    with open('/py/u.txt', 'w') as f:
        f.write('x')
except ValueError as e:
    print('ValueError', e)
dev.fail = None
print(sorted(os.listdir('/py')), open('/py/t.txt').read(6))
os.umount('/py')
try:
    os.VfsLfs2(object())
except Exception as e:
    print(type(e).__name__)
