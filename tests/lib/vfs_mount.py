# Filesystems written in Python, mounted beside the root: the VFS hands
# each the part of the path inside it (absolute, '.' and '..' folded),
# keeps the current directory across mounts, lists mount points in '/',
# and refuses what MicroPython refuses (EPERM, EINVAL, ENODEV).
import errno
import io
import os
import vfs


class Filesystem:
    def __init__(self, id):
        self.id = id

    def mount(self, readonly, mkfs):
        print(self.id, 'mount', readonly, mkfs)

    def umount(self):
        print(self.id, 'umount')

    def ilistdir(self, path):
        print(self.id, 'ilistdir', repr(path))
        return iter([('a%d' % self.id, 0x8000, 0, 5), ('dir', 0x4000, 0, 0)])

    def chdir(self, path):
        print(self.id, 'chdir', path)

    def getcwd(self):
        raise AssertionError('the VFS keeps the current directory')

    def mkdir(self, path):
        print(self.id, 'mkdir', path)

    def rmdir(self, path):
        print(self.id, 'rmdir', path)

    def remove(self, path):
        print(self.id, 'remove', path)
        if path == '/locked':
            raise OSError(errno.EACCES)

    def rename(self, old, new):
        print(self.id, 'rename', old, new)

    def stat(self, path):
        print(self.id, 'stat', path)
        return (0x8000, 0, 0, 0, 0, 0, 5, 0, 0, 0)

    def statvfs(self, path):
        print(self.id, 'statvfs', path)
        return (512, 512, 100, 50, 50, 0, 0, 0, 0, 255)

    def open(self, path, mode):
        print(self.id, 'open', path, mode)
        return io.StringIO('contents of %s' % path)


def fails(fn, *args):
    try:
        fn(*args)
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)


def mounts():
    return [(fs.id, point) for fs, point in os.mount() if point != '/']


start = os.getcwd()
print(vfs.mount is os.mount, vfs.umount is os.umount, vfs.VfsPosix is os.VfsPosix)

fs1 = Filesystem(1)
os.mount(fs1, '/mnt')
print(mounts())
print(os.listdir('/mnt'), os.listdir('/mnt/dir/'), os.listdir(b'/mnt/x/../dir'))
print(list(os.ilistdir('/mnt')))
print(next(os.ilistdir('/')))            # mount points first

# Files: the path inside the filesystem and the mode as given.
with open('/mnt/x.txt') as f:
    print(f.read())
print(open('/mnt/sub/../y.bin', 'wb').read())
print(open(b'/mnt//z', mode='r+').read())
print(os.stat('/mnt/x'), os.statvfs('/mnt/'))
os.mkdir('/mnt/d')
os.rmdir('/mnt/d/./')
os.remove('/mnt/a')
os.rename('/mnt/a', '/mnt/b/c')
fails(os.remove, '/mnt/locked')

# The current directory inside the mount.
os.chdir('/mnt')
print(os.getcwd(), os.listdir(), open('rel.txt').read())
os.chdir('dir')
print(os.getcwd())
os.mkdir('../e')
os.chdir('..')
print(os.getcwd())

# Mounting again where something is: EPERM (after asking the filesystem).
fails(os.mount, Filesystem(2), '/mnt')
fails(os.mount, Filesystem(3), '/mnt/inner')
fs4 = Filesystem(4)
os.mount(fs4, '/mnt2/', readonly=True)
os.mount(Filesystem(5), '../mnt3')         # relative to the current directory
print(mounts())
listing = os.ilistdir('/')
print([next(listing) for i in range(3)])
fails(os.rename, '/mnt/a', '/mnt2/a')
fails(os.rename, '/mnt/a', '/elsewhere')
fails(os.mount, 42, '/m')
fails(os.mount, Filesystem(6))

# Unmounting: by mount point or by object; a current directory inside
# goes back to '/'.
os.umount('/mnt')
print(os.getcwd(), mounts())
os.umount(fs4)
os.umount('/mnt3')
fails(os.umount, '/mnt')
fails(os.umount, fs4)
fails(open, '/mnt/x.txt')
print(mounts())

# Nothing at '/': a virtual root listing the mount points.
root = [fs for fs, point in os.mount() if point == '/'][0]
os.umount('/')
os.mount(Filesystem(7), '/flash')
print(os.listdir('/'), os.listdir(b'/'), os.stat('/'), os.statvfs('/'))
fails(open, '/x')
fails(os.mkdir, '/x')
fails(os.mkdir, '/')
fails(os.remove, '/')
fails(os.listdir, '/nothing')
os.chdir('/flash')
print(os.getcwd(), os.listdir('..'))
os.chdir('/')
print(os.getcwd())
os.umount('/flash')
print(os.listdir('/'))
os.mount(root, '/')
os.chdir(start)
print(os.getcwd() == start, mounts())
