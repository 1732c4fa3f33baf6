# Files on littlefs (os.VfsLfs2) on a block device: creating, reading,
# listing, stat, statvfs, rename, remove, the filesystem's own methods,
# and what a remount keeps.
import os
import _bdev

bdev = _bdev.device(64)
os.VfsLfs2.mkfs(bdev)
os.mount(os.VfsLfs2(bdev), '/flash')
print(os.listdir('/flash'))

with open('/flash/a.txt', 'w') as f:
    print(f.write('hello\n'))
    print(f.write('world\n'))
with open('/flash/a.txt') as f:
    print(repr(f.read()))
with open('/flash/a.txt') as f:
    print(f.readlines())
with open('/flash/b.bin', 'wb') as f:
    for i in range(20):
        f.write(bytes(range(256)))
with open('/flash/b.bin', 'rb') as f:
    d = f.read()
    print(len(d), d == bytes(range(256)) * 20)
os.mkdir('/flash/dir')
print(sorted(os.listdir('/flash')))
print(sorted(os.ilistdir('/flash')))
print(os.stat('/flash/a.txt')[0], os.stat('/flash/a.txt')[6])
print(os.stat('/flash/dir')[0], os.stat('/flash/dir')[6])
print(os.stat('/flash')[0])
st = os.statvfs('/flash')
print(st[0], st[1], st[2], 0 < st[3] < st[2], st[3] == st[4], st[9])

os.rename('/flash/a.txt', '/flash/dir/c.txt')
print(sorted(os.listdir('/flash')), os.listdir('/flash/dir'))
os.chdir('/flash/dir')
print(os.getcwd(), open('c.txt').read().split())
os.chdir('..')
print(os.getcwd(), sorted(os.listdir()))
os.chdir('/')
os.remove('/flash/dir/c.txt')
os.rmdir('/flash/dir')
print(sorted(os.listdir('/flash')))

# Remounted, the files are still there.
os.umount('/flash')
vfs = os.VfsLfs2(bdev)
os.mount(vfs, '/flash')
print(os.listdir('/flash'), os.stat('/flash/b.bin')[6])

# The filesystem's methods, without the VFS.
print(list(vfs.ilistdir('/')))
with vfs.open('/x', 'w') as f:
    f.write('direct')
vfs.mkdir('/y')
print(vfs.stat('/x')[6], sorted(os.listdir('/flash')))
vfs.rename('/x', '/y/x')
print(list(vfs.ilistdir('/y')))
vfs.remove('/y/x')
vfs.rmdir('/y')
print(sorted(os.listdir('/flash')))
os.umount('/flash')
