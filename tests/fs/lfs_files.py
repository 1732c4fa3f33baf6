# littlefs under load: many files in one directory (its metadata pair
# splits), deep directories, long names, appends across the inline limit
# and block boundaries, seeks and writes in the middle or past the end,
# truncation by reopening with "w", and rename over an existing file.
import os
import _bdev

bdev = _bdev.device(128)
os.VfsLfs2.mkfs(bdev)
os.mount(os.VfsLfs2(bdev), '/flash')
os.chdir('/flash')


def text(i):
    return ('file %d\n' % i) * (i % 7 + 1)


# Many files.
for i in range(150):
    with open('f%03d' % i, 'w') as f:
        f.write(text(i))
names = os.listdir()
print(len(names), names == sorted(names), names[0], names[-1])
print(all(open('f%03d' % i).read() == text(i) for i in range(150)))
for i in range(0, 150, 2):
    os.remove('f%03d' % i)
names = os.listdir()
print(len(names), names[0], names[-1])
print(all(open('f%03d' % i).read() == text(i) for i in range(1, 150, 2)))
for i in range(1, 150, 2):
    os.remove('f%03d' % i)
print(os.listdir())

# Deep directories.
path = ''
for i in range(20):
    path += '/d%d' % i
    os.mkdir(path[1:])
with open(path[1:] + '/deep.txt', 'w') as f:
    f.write('at the bottom')
print(open('/flash' + path + '/deep.txt').read())
print(os.listdir('d0'), os.listdir(path[1:]))
os.chdir(path[1:])
print(os.getcwd().count('/'), os.listdir())
os.chdir('/flash')
os.remove(path[1:] + '/deep.txt')
while path:
    os.rmdir(path[1:])
    path = path[:path.rfind('/')]
print(os.listdir())

# Long names: 255 bytes is the most.
long = 'n' * 255
with open(long, 'w') as f:
    f.write('long')
print(os.listdir() == [long], open(long).read())
try:
    open('m' * 256, 'w')
except OSError as e:
    print('OSError', e.errno)
try:
    os.mkdir('m' * 256)
except OSError as e:
    print('OSError', e.errno)
os.rename(long, 'short')
print(os.listdir())
os.remove('short')

# Appends: inline, then a block, then several.
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
free = os.statvfs('/flash')[3]
with open('big', 'w') as f:
    f.write('short')
print(open('big').read(), os.stat('big')[6], os.statvfs('/flash')[3] > free)
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
os.rename('sub', 'empty')
print(sorted(os.listdir()), os.listdir('empty'))

os.chdir('/')
os.umount('/flash')
vfs = os.VfsLfs2(bdev)
print(sorted(vfs.ilistdir('/')))
