# File tests shared by the flash filesystems: a test names the filesystem
# class (os.VfsLfs2 or os.VfsFat) and calls these, so that both run the
# same operations. Where the two differ (some errno values, what fits on
# a device, the order of a listing) the output says so in each test's own
# .exp; listings are printed sorted.
import os
import _bdev


def show(fn, *args):
    try:
        r = fn(*args)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e.args[0] if isinstance(e, OSError) else e)


def fresh(cls, blocks, point='/fs'):
    bdev = _bdev.device(blocks)
    cls.mkfs(bdev)
    vfs = cls(bdev)
    os.mount(vfs, point)
    return bdev, vfs


def text(i):
    return ('file %d\n' % i) * (i % 7 + 1)


# Creating, reading, listing, stat, statvfs, rename, remove, the
# filesystem's own methods, and what a remount keeps.
def basic(cls):
    bdev, vfs = fresh(cls, 64)
    print(os.listdir('/fs'))
    with open('/fs/a.txt', 'w') as f:
        print(f.write('hello\n'))
        print(f.write('world\n'))
    with open('/fs/a.txt') as f:
        print(repr(f.read()))
    with open('/fs/a.txt') as f:
        print(f.readlines())
    with open('/fs/b.bin', 'wb') as f:
        for i in range(20):
            f.write(bytes(range(256)))
    with open('/fs/b.bin', 'rb') as f:
        d = f.read()
        print(len(d), d == bytes(range(256)) * 20)
    os.mkdir('/fs/dir')
    print(sorted(os.listdir('/fs')))
    print(sorted(os.ilistdir('/fs')))
    print(os.stat('/fs/a.txt')[0], os.stat('/fs/a.txt')[6])
    print(os.stat('/fs/dir')[0], os.stat('/fs')[0])
    st = os.statvfs('/fs')
    print(0 < st[3] < st[2], st[3] == st[4], st[9])
    os.rename('/fs/a.txt', '/fs/dir/c.txt')
    print(sorted(os.listdir('/fs')), os.listdir('/fs/dir'))
    os.chdir('/fs/dir')
    print(os.getcwd(), open('c.txt').read().split())
    os.chdir('..')
    print(os.getcwd(), sorted(os.listdir()))
    os.chdir('/')
    os.remove('/fs/dir/c.txt')
    os.rmdir('/fs/dir')
    print(sorted(os.listdir('/fs')))
    os.umount('/fs')
    vfs = cls(bdev)
    os.mount(vfs, '/fs')
    print(os.listdir('/fs'), os.stat('/fs/b.bin')[6])
    # The filesystem's methods, without the VFS.
    print(list(vfs.ilistdir('/')))
    with vfs.open('/x', 'w') as f:
        f.write('direct')
    vfs.mkdir('/y')
    print(vfs.stat('/x')[6], sorted(os.listdir('/fs')))
    vfs.rename('/x', '/y/x')
    print(list(vfs.ilistdir('/y')))
    vfs.remove('/y/x')
    vfs.rmdir('/y')
    print(sorted(os.listdir('/fs')))
    os.umount('/fs')


# Under load: many files, deep directories, long names, appends, seeks
# and writes in the middle or past the end, truncation by "w", and
# rename over an existing file.
def files(cls):
    bdev, vfs = fresh(cls, 160)
    os.chdir('/fs')
    for i in range(120):
        with open('f%03d' % i, 'w') as f:
            f.write(text(i))
    names = sorted(os.listdir())
    print(len(names), names[0], names[-1])
    print(all(open('f%03d' % i).read() == text(i) for i in range(120)))
    for i in range(0, 120, 2):
        os.remove('f%03d' % i)
    names = sorted(os.listdir())
    print(len(names), names[0], names[-1])
    print(all(open('f%03d' % i).read() == text(i) for i in range(1, 120, 2)))
    for i in range(1, 120, 2):
        os.remove('f%03d' % i)
    print(os.listdir())

    # Many empty files with long names in one directory.
    os.mkdir('many')
    for i in range(150):
        open('many/a long file name %d.txt' % i, 'w').close()
    names = sorted(os.listdir('many'))
    print(len(names), names[0], names[-1], os.stat('many/a long file name 77.txt')[6])
    for i in range(150):
        os.remove('many/a long file name %d.txt' % i)
    os.rmdir('many')

    # Deep directories.
    path = ''
    for i in range(20):
        path += '/d%d' % i
        os.mkdir(path[1:])
    with open(path[1:] + '/deep.txt', 'w') as f:
        f.write('at the bottom')
    print(open('/fs' + path + '/deep.txt').read())
    print(os.listdir('d0'), os.listdir(path[1:]))
    os.chdir(path[1:])
    print(os.getcwd().count('/'), os.listdir())
    os.chdir('/fs')
    os.remove(path[1:] + '/deep.txt')
    while path:
        os.rmdir(path[1:])
        path = path[:path.rfind('/')]
    print(os.listdir())

    # Long names: 255 characters is the most.
    long = 'n' * 255
    with open(long, 'w') as f:
        f.write('long')
    print(os.listdir() == [long], open(long).read())
    show(open, 'm' * 256, 'w')
    show(os.mkdir, 'm' * 256)
    os.rename(long, 'short')
    print(os.listdir())
    os.remove('short')

    # Appends, across sector and cluster boundaries.
    for n in (10, 100, 200, 4000, 5000):
        with open('log', 'a') as f:
            f.write('x' * n)
        print(os.stat('log')[6], end=' ')
    print()
    data = open('log').read()
    print(len(data), data == 'x' * 9310)
    with open('log', 'ab') as f:
        f.write(b'end')
    with open('log', 'rb') as f:
        f.seek(-5, 2)
        print(f.read(), f.tell())

    # Seeks and writes in the middle and past the end.
    with open('seek.bin', 'wb') as f:
        for i in range(40):
            f.write(bytes([i]) * 250)
    with open('seek.bin', 'r+b') as f:
        print(f.seek(5000), f.read(3), f.tell())
        f.seek(5000)
        f.write(b'XYZ')
        print(f.tell(), f.seek(0, 2), f.seek(-10, 1))
        print(f.read())
        f.seek(10100)
        f.write(b'tail')
    with open('seek.bin', 'rb') as f:
        d = f.read()
    print(len(d), d[4999:5004], d[9998:10002], d[10096:], d.count(b'\x00'))
    with open('seek.bin', 'rb') as f:
        f.seek(8000)
        print(f.read(2), f.seek(100), f.read(2), f.seek(0, 1))

    # Truncation by "w", and the space coming back.
    with open('big', 'wb') as f:
        f.write(b'B' * 30000)
    free = os.statvfs('/fs')[3]
    with open('big', 'w') as f:
        f.write('short')
    print(open('big').read(), os.stat('big')[6], os.statvfs('/fs')[3] > free)
    with open('big', 'w') as f:
        pass
    print(os.stat('big')[6], repr(open('big').read()))

    # Rename over an existing file, in the same directory and across.
    with open('src', 'w') as f:
        f.write('new')
    with open('dst', 'w') as f:
        f.write('old' * 100)
    os.rename('src', 'dst')
    print(sorted(os.listdir()), open('dst').read())
    os.mkdir('sub')
    with open('sub/other', 'w') as f:
        f.write('other' * 1000)
    os.rename('sub/other', 'dst')
    print(sorted(os.listdir()), os.listdir('sub'), len(open('dst').read()))
    os.rename('dst', 'sub/back')
    print(os.listdir('sub'), open('sub/back').read(5))
    os.mkdir('empty')
    show(os.rename, 'sub', 'empty')
    print(sorted(os.listdir()), sorted(os.listdir('empty')))

    os.chdir('/')
    os.umount('/fs')
    vfs = cls(bdev)
    print(sorted(vfs.ilistdir('/')))


# Every error case of files, with the errno each filesystem gives.
def errors(cls):
    bdev, vfs = fresh(cls, 32)
    os.mkdir('/fs/dir')
    os.mkdir('/fs/dir/sub')
    os.mkdir('/fs/dir2')
    # (file1 and file2 are victims: littlefs's rmdir removes a file, and
    # renaming a directory over a file replaces the file on FAT)
    for name in ('/fs/file', '/fs/file1', '/fs/file2'):
        with open(name, 'w') as f:
            f.write('data')
    for args in (
        (open, '/fs/missing'),
        (open, '/fs/missing', 'r+'),
        (open, '/fs/missing/x', 'w'),
        (open, '/fs/dir'),
        (open, '/fs/dir', 'w'),
        (open, '/fs/file/x'),
        (open, '/fs/file/x', 'w'),
        (open, '/fs/file', 'x'),
        (os.mkdir, '/fs/dir'),
        (os.mkdir, '/fs/file'),
        (os.mkdir, '/fs/missing/sub'),
        (os.rmdir, '/fs/dir'),
        (os.rmdir, '/fs/missing'),
        (os.rmdir, '/fs/file1'),
        (os.remove, '/fs/missing'),
        (os.remove, '/fs/dir'),
        (os.rename, '/fs/missing', '/fs/y'),
        (os.rename, '/fs/file', '/fs/dir'),
        (os.rename, '/fs/dir2', '/fs/file2'),
        (os.rename, '/fs/file', '/fs/missing/y'),
        (os.rename, '/fs/dir', '/fs/dir/sub/inside'),
        (os.stat, '/fs/missing'),
        (os.stat, '/fs/file/x'),
        (os.listdir, '/fs/missing'),
        (os.listdir, '/fs/file'),
        (os.chdir, '/fs/missing'),
        (os.chdir, '/fs/file'),
    ):
        print(args[0].__name__, args[1:], end=': ')
        show(*args)
    print(sorted(os.listdir('/fs')), os.listdir('/fs/dir'))

    # Wrong mode, closed file.
    f = open('/fs/file')
    show(f.write, 'x')
    f.close()
    show(f.read)
    f = open('/fs/file', 'a')
    show(f.read)
    f.close()
    f = open('/fs/file', 'rb')
    show(f.seek, -1)
    print(f.read())
    f.close()

    # Read-only mount.
    os.umount('/fs')
    os.mount(cls(bdev), '/fs', readonly=True)
    print(open('/fs/file').read())
    show(open, '/fs/new', 'w')
    show(open, '/fs/file', 'a')
    show(os.mkdir, '/fs/d2')
    show(os.remove, '/fs/file')
    show(os.rename, '/fs/file', '/fs/f2')
    print(sorted(os.listdir('/fs')))
    os.umount('/fs')


# A full filesystem: writing fails with OSError(ENOSPC) and nothing that
# was written before is lost; once space is freed, writing works again.
def full(cls):
    bdev, vfs = fresh(cls, 24)
    with open('/fs/keep.txt', 'w') as f:
        f.write('small and precious')
    with open('/fs/keep.bin', 'wb') as f:
        f.write(bytes(range(256)) * 30)
    os.mkdir('/fs/dir')
    f = open('/fs/fill', 'wb')
    written = 0
    try:
        while True:
            f.write(b'x' * 1000)
            written += 1000
    except OSError as e:
        print('OSError', e.errno)
    f.close()
    print(written > 40000)
    print(open('/fs/keep.txt').read())
    print(open('/fs/keep.bin', 'rb').read() == bytes(range(256)) * 30)
    print(sorted(os.listdir('/fs')))
    os.remove('/fs/fill')
    # Many small files until no more fit.
    n = 0
    try:
        while True:
            with open('/fs/dir/s%d' % n, 'w') as f:
                f.write('s' * 300)
            n += 1
    except OSError as e:
        print('OSError', e.errno)
    print(n > 0, all(open('/fs/dir/s%d' % i).read() == 's' * 300 for i in range(n)))
    # The file whose write failed is empty, if its creation was committed.
    last = 's%d' % n
    print(os.stat('/fs/dir/' + last)[6] if last in os.listdir('/fs/dir') else 0)
    show(os.mkdir, '/fs/nospace')
    for name in os.listdir('/fs/dir'):
        os.remove('/fs/dir/' + name)
    with open('/fs/after', 'wb') as f:
        f.write(b'y' * 40000)
    print(os.stat('/fs/after')[6], open('/fs/keep.txt').read())
    os.umount('/fs')
    os.mount(cls(bdev), '/fs')
    print(sorted(os.listdir('/fs')), os.listdir('/fs/dir'))
    os.umount('/fs')
