# The filesystem functions of os: directories made, listed, renamed and
# removed in a scratch directory; stat and statvfs; the current directory
# and paths relative to it with '.' and '..'; the errno of every failure.
import errno
import os
import time

D = 'os_ops.tmp'

# os.ilistdir is MicroPython's: made from scandir when python3 runs this.
ilistdir = getattr(os, 'ilistdir', None) or (
    lambda path='.': ((e.name, 0x4000 if e.is_dir() else 0x8000, e.inode()) for e in os.scandir(path)))


def fails(fn, *args):
    try:
        fn(*args)
        print('no error')
    except OSError as e:
        print('OSError', errno.errorcode[e.errno])


def write(path, text):
    with open(path, 'w') as f:
        f.write(text)


def clean(path):
    for name in os.listdir(path):
        full = path + '/' + name
        if os.stat(full)[0] & 0x4000:
            clean(full)
        else:
            os.remove(full)
    os.rmdir(path)


try:
    clean(D)
except OSError:
    pass
start = os.getcwd()
print(os.sep, D in os.listdir(), D in os.listdir('.'))

os.mkdir(D)
print(D in os.listdir(), os.listdir(D))
os.mkdir(D + '/sub')
os.mkdir(D + '/sub/deeper')
write(D + '/f.txt', 'twelve bytes')
write(D + '/sub/g.txt', '')
print(sorted(os.listdir(D)), os.listdir(D + '/sub/deeper'))
print(sorted(os.listdir(D.encode())))

# ilistdir: (name, type, inode), the inode being stat's.
for entry in sorted(ilistdir(D)):
    print(entry[:2], entry[2] == os.stat(D + '/' + entry[0])[1])

# stat: the kind in st_mode, the size, a modification time from now.
st = os.stat(D + '/f.txt')
print(len(st), st[0] & 0xF000 == 0x8000, st[6], abs(st[8] - time.time()) < 1000)
print(os.stat(D)[0] & 0xF000 == 0x4000, os.stat(D + '/sub/')[0] & 0xF000 == 0x4000)
vfs = os.statvfs(D)
print(len(vfs), vfs[0] > 0, vfs[2] >= vfs[3] >= 0, vfs[9] > 0)

# The current directory, and paths resolved against it.
os.chdir(D)
print(os.getcwd().endswith('/' + D), sorted(os.listdir()), sorted(os.listdir('sub/deeper/..')))
print(open('f.txt').read(), open('./sub/../f.txt').read(), open('sub//../f.txt').read())
os.chdir('sub/deeper')
print(os.getcwd().endswith(D + '/sub/deeper'), sorted(os.listdir('../..')))
os.chdir('../..')
print(os.getcwd().endswith('/' + D))
os.chdir('..')
print(os.getcwd() == start)

# rename: files and directories, over an existing file.
os.rename(D + '/f.txt', D + '/h.txt')
os.rename(D + '/sub', D + '/moved')
print(sorted(os.listdir(D)), sorted(os.listdir(D + '/moved')))
write(D + '/other.txt', 'other')
os.rename(D + '/other.txt', D + '/h.txt')
print(open(D + '/h.txt').read(), sorted(os.listdir(D)))

# What fails, and why.
fails(os.mkdir, D)
fails(os.mkdir, D + '/no/such')
fails(os.rmdir, D + '/moved')
fails(os.rmdir, D + '/none')
fails(os.rmdir, D + '/h.txt')
fails(os.remove, D + '/moved')
fails(os.remove, D + '/none')
fails(os.unlink, D + '/none')
fails(os.rename, D + '/none', D + '/x')
fails(os.rename, D + '/h.txt', D + '/none/x')
fails(os.listdir, D + '/h.txt')
fails(os.listdir, D + '/none')
fails(os.listdir, '')
fails(os.stat, D + '/none')
fails(os.stat, D + '/h.txt/x')
fails(os.chdir, D + '/none')
fails(os.chdir, D + '/h.txt')
print(os.getcwd() == start)

# unlink is remove; rmdir of an emptied directory.
os.unlink(D + '/h.txt')
os.remove(D + '/moved/g.txt')
os.rmdir(D + '/moved/deeper')
os.rmdir(D + '/moved')
print(os.listdir(D))
os.rmdir(D)
print(D in os.listdir())
