# Every error case of littlefs files, with MicroPython's errno values.
import os
import _bdev

bdev = _bdev.device(32)
os.VfsLfs2.mkfs(bdev)
vfs = os.VfsLfs2(bdev)
os.mount(vfs, '/flash')
os.mkdir('/flash/dir')
os.mkdir('/flash/dir/sub')
with open('/flash/file', 'w') as f:
    f.write('data')


def show(fn, *args):
    try:
        r = fn(*args)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e.args[0] if isinstance(e, OSError) else e)


show(open, '/flash/missing')
show(open, '/flash/missing', 'r+')
show(open, '/flash/missing/x', 'w')
show(open, '/flash/dir')
show(open, '/flash/dir', 'w')
show(open, '/flash/file/x')
show(open, '/flash/file/x', 'w')
show(open, '/flash/file', 'x')
show(os.mkdir, '/flash/dir')
show(os.mkdir, '/flash/file')
show(os.mkdir, '/flash/missing/sub')
show(os.rmdir, '/flash/dir')
show(os.rmdir, '/flash/missing')
show(os.remove, '/flash/missing')
show(os.remove, '/flash/dir')
show(os.rename, '/flash/missing', '/flash/y')
show(os.rename, '/flash/file', '/flash/dir')
show(os.rename, '/flash/dir', '/flash/file')
show(os.rename, '/flash/file', '/flash/missing/y')
show(os.stat, '/flash/missing')
show(os.stat, '/flash/file/x')
show(os.listdir, '/flash/missing')
show(os.listdir, '/flash/file')
show(os.chdir, '/flash/missing')
show(os.chdir, '/flash/file')

# Wrong mode, closed file.
f = open('/flash/file')
show(f.write, 'x')
f.close()
show(f.read)
f = open('/flash/file', 'a')
show(f.read)
f.close()
f = open('/flash/file', 'rb')
show(f.seek, -1)
print(f.read())
f.close()

# Read-only mount.
os.umount('/flash')
os.mount(os.VfsLfs2(bdev), '/flash', readonly=True)
print(open('/flash/file').read())
show(open, '/flash/new', 'w')
show(os.mkdir, '/flash/d2')
show(os.remove, '/flash/file')
show(os.rename, '/flash/file', '/flash/f2')
print(sorted(os.listdir('/flash')))
os.umount('/flash')
