# A full littlefs: writing fails with OSError(ENOSPC), and nothing that
# was written before is lost; once space is freed, writing works again.
import os
import _bdev

bdev = _bdev.device(24)
os.VfsLfs2.mkfs(bdev)
os.mount(os.VfsLfs2(bdev), '/flash')
with open('/flash/keep.txt', 'w') as f:
    f.write('small and precious')
with open('/flash/keep.bin', 'wb') as f:
    f.write(bytes(range(256)) * 30)
os.mkdir('/flash/dir')

f = open('/flash/fill', 'wb')
written = 0
try:
    while True:
        f.write(b'x' * 1000)
        written += 1000
except OSError as e:
    print('OSError', e.errno)
f.close()
print(written > 50000)
print(open('/flash/keep.txt').read())
print(open('/flash/keep.bin', 'rb').read() == bytes(range(256)) * 30)
print(sorted(os.listdir('/flash')))

# Many small files until no more fit.
n = 0
try:
    while True:
        with open('/flash/dir/s%d' % n, 'w') as f:
            f.write('s' * 300)
        n += 1
except OSError as e:
    print('OSError', e.errno)
print(n > 0, all(open('/flash/dir/s%d' % i).read() == 's' * 300 for i in range(n)))

os.remove('/flash/fill')
# The file whose write failed is empty, if its creation was committed.
last = 's%d' % n
print(os.stat('/flash/dir/' + last)[6] if last in os.listdir('/flash/dir') else 0)
for name in os.listdir('/flash/dir'):
    os.remove('/flash/dir/' + name)
with open('/flash/after', 'wb') as f:
    f.write(b'y' * 40000)
print(os.stat('/flash/after')[6], open('/flash/keep.txt').read())
os.umount('/flash')
os.mount(os.VfsLfs2(bdev), '/flash')
print(sorted(os.listdir('/flash')), os.listdir('/flash/dir'))
os.umount('/flash')
