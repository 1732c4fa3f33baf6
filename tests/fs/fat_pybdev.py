# FAT on block devices written in Python, as MicroPython's tests make
# them: 512-byte sectors and only the two-argument readblocks and
# writeblocks, which FAT uses for whole sectors; what a method raises
# comes out unchanged. Then files and listings dropped without close():
# the collector closes them (on espy's simulated flash: closing from the
# collector cannot call a device written in Python).
import gc
import os
import espysim


class RAMBlockDev:
    def __init__(self, blocks, size=512):
        self.size = size
        self.data = bytearray(blocks * size)
        self.calls = {}
        self.fail = None

    def count(self, what):
        self.calls[what] = self.calls.get(what, 0) + 1
        if self.fail == what:
            raise ValueError('device failed in ' + what)

    def readblocks(self, n, buf):
        self.count('read')
        buf[:] = self.data[n * self.size:(n + 1) * self.size]

    def writeblocks(self, n, buf):
        self.count('write')
        self.data[n * self.size:n * self.size + len(buf)] = buf

    def ioctl(self, op, arg):
        self.count('ioctl%d' % op)
        if op == 4:
            return len(self.data) // self.size
        if op == 5:
            return self.size


dev = RAMBlockDev(200)
try:
    os.VfsFat(dev)
    os.mount(os.VfsFat(dev), '/py')
except OSError as e:
    print('OSError', e.errno)
os.VfsFat.mkfs(dev)
print(sorted(dev.calls), dev.data[54:62], dev.data[510:512])
vfs = os.VfsFat(dev)
os.mount(vfs, '/py')
with open('/py/t.txt', 'w') as f:
    f.write('python block device\n' * 100)
os.mkdir('/py/some directory')
for i in range(20):
    with open('/py/some directory/file %d' % i, 'w') as f:
        f.write(str(i) * i)
print(open('/py/t.txt').read(20), os.stat('/py/t.txt')[6], len(os.listdir('/py/some directory')))
print(os.statvfs('/py')[0:4])
dev.fail = 'read'
try:
    os.VfsFat(dev)
except ValueError as e:
    print('ValueError', e)
# The write raises the device's error; close (as the collector's close,
# it raises nothing of the device's) then says EIO.
dev.fail = 'write'
f = open('/py/u.txt', 'w')
try:
    f.write('x' * 1000)
except ValueError as e:
    print('ValueError', e)
try:
    f.close()
except OSError as e:
    print('OSError', e.errno)
dev.fail = None
os.umount('/py')
vfs = os.VfsFat(dev)
print(sorted(vfs.ilistdir('/'))[:2], vfs.open('/some directory/file 7').read())
try:
    os.VfsFat(object())
except Exception as e:
    print(type(e).__name__)

# mount(mkfs=True) formats a device with no volume.
dev = RAMBlockDev(64)
vfs = os.VfsFat(dev)
os.mount(vfs, '/py', mkfs=True)
print(os.listdir('/py'), os.statvfs('/py')[2])
os.umount('/py')

bdev = espysim.Flash(32)
os.VfsFat.mkfs(bdev)
os.mount(os.VfsFat(bdev), '/f')


def writer():
    f = open('/f/dropped.txt', 'w')
    f.write('written but never closed')
    it = os.ilistdir('/f')
    next(it)


writer()
for i in range(3):
    gc.collect()
os.umount('/f')
vfs = os.VfsFat(bdev)
print(list(vfs.ilistdir('/')), vfs.open('/dropped.txt').read())
