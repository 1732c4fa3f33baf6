# What MicroPython's os has that CPython's has not, or has otherwise:
# uname as the board's, urandom, dupterm, ilistdir, os.VfsPosix used
# directly and mounted (read-only too), and OSError with errno names.
import io
import os
import uos

D = 'os_specifics.tmp'


def show(fn, *args, **kw):
    try:
        print('ok', fn(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)


print(uos is os, os.sep)
start = os.getcwd()

u = os.uname()
print(u.sysname, u.nodename, u.machine, len(u), u[0], u[-1], list(u)[2] == u.release)
print(u.version.startswith(u.release + ' on 20'), len(u.version) == len(u.release) + 14)
print(str(u).startswith("(sysname='esp8266', nodename='esp8266', release='"))
show(getattr, u, 'nothing')

for n in (0, 1, 16, 300):
    r = os.urandom(n)
    print(type(r).__name__, len(r))
print(len(set(os.urandom(64))) > 16)
show(os.urandom, -1)
show(os.urandom, 'x')

# dupterm keeps a stream per index and gives back the previous one.
s1, s2 = io.BytesIO(), io.StringIO()
print(os.dupterm(s1), os.dupterm(s2, 1), os.dupterm(None) is s1, os.dupterm(None, 1) is s2, os.dupterm(None))


class PyStream(io.IOBase):
    def readinto(self, buf):
        return 0

    def write(self, buf):
        return len(buf)


p = PyStream()
print(os.dupterm(p), os.dupterm(None) is p)
show(os.dupterm, s1, 2)
show(os.dupterm, s1, -1)
show(os.dupterm, 42)
show(os.dupterm, object())


def clean():
    for name in ('f.txt', 'g.txt'):
        try:
            os.remove(D + '/' + name)
        except OSError:
            pass
    try:
        os.rmdir(D + '/sub')
    except OSError:
        pass
    try:
        os.rmdir(D)
    except OSError:
        pass


clean()
os.mkdir(D)
os.mkdir(D + '/sub')
with open(D + '/f.txt', 'w') as f:
    f.write('data')
print(sorted(e[:2] for e in os.ilistdir(D)), sorted(len(e) for e in os.ilistdir(D)))
print(sorted(e[0] for e in os.ilistdir(D.encode())))
show(os.listdir, D + '/f.txt')
show(os.mkdir, D)
show(os.rmdir, D)
show(os.stat, D + '/none')
print(os.stat('/')[0])

# A VfsPosix over the scratch directory: its methods directly, then mounted.
fs = os.VfsPosix(D)
print(sorted(e[0] for e in fs.ilistdir('/')), fs.stat('/f.txt')[6], fs.open('f.txt', 'r').read())
fs.mkdir('/made')
fs.rename('/made', '/renamed')
print(sorted(e[0] for e in fs.ilistdir('')), fs.statvfs('/')[0] > 0)
fs.rmdir('renamed')
show(fs.open, '/none', 'r')
show(fs.open, '/f.txt', 'rw')
show(fs.mount, False, True)
os.mount(fs, '/scratch')
print(os.listdir('/scratch/sub/..') == os.listdir(D), open('/scratch/f.txt').read())
with open('/scratch/g.txt', 'w') as f:
    f.write('through the mount')
print(open(D + '/g.txt').read())
os.chdir('/scratch/sub')
print(os.getcwd(), os.listdir('..') == os.listdir('/scratch'))
os.chdir(start)
os.umount('/scratch')

# Read-only: every change refused with EROFS, reading allowed.
os.mount(os.VfsPosix(D), '/ro', readonly=True)
print(open('/ro/f.txt').read())
show(open, '/ro/f.txt', 'w')
show(open, '/ro/new', 'a')
show(open, '/ro/f.txt', 'r+')
show(os.mkdir, '/ro/x')
show(os.remove, '/ro/f.txt')
show(os.rename, '/ro/f.txt', '/ro/h.txt')
show(os.rmdir, '/ro/sub')
os.umount('/ro')
show(os.VfsPosix, 5)
show(os.VfsPosix, D, D)
clean()
print(D in os.listdir())
