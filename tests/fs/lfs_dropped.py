# Files and listings dropped without close() on littlefs: the collector
# closes them (a file's data is committed then), and they leave nothing
# behind in the filesystem's list of open handles. Uses espy's simulated
# flash: closing from the collector cannot call a block device written
# in Python.
import gc
import os
import espysim

bdev = espysim.Flash(32)
os.VfsLfs2.mkfs(bdev)
os.mount(os.VfsLfs2(bdev), '/f')


def writer():
    f = open('/f/dropped.txt', 'w')
    f.write('written but never closed')
    it = os.ilistdir('/f')
    next(it)


writer()
for i in range(3):
    gc.collect()
os.umount('/f')
vfs = os.VfsLfs2(bdev)
print(list(vfs.ilistdir('/')), vfs.open('/dropped.txt').read())
for i in range(200):
    it = vfs.ilistdir('/')
    next(it)
    f = vfs.open('/x%d' % (i % 5), 'w')
    f.write('x' * i)
    if i % 10 == 9:
        gc.collect()
f.close()
gc.collect()
# (the version of each file that was last closed: one of the last ten)
print(sorted(e[0] for e in vfs.ilistdir('/')), all(190 <= vfs.stat('/x%d' % i)[6] < 200 for i in range(5)))
