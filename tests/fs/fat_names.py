# FAT names as FatFs makes them (spec 4.5, 4.6): which names get long-name
# entries, the short names made for the others (~N tails, then tails
# hashed from the long name), the checksums tying them together, the case
# flags of 8.3 names, lookups that ignore case, names FAT refuses, the "."
# and ".." entries of a directory, and the timestamps.
import os
import time
import _bdev

bdev = _bdev.device(32)
os.VfsFat.mkfs(bdev)
os.mount(os.VfsFat(bdev), '/fat')
os.chdir('/fat')


def entries(sector=2):
    # The used entries of a directory sector: short names with their
    # attribute and case flags, long-name parts with order and checksum.
    buf = bytearray(4096)
    bdev.readblocks(sector, buf)
    out = []
    for i in range(0, 4096, 32):
        e = buf[i:i + 32]
        if e[0] == 0:
            break
        if e[0] == 0xe5:
            continue
        if e[11] == 0x0f:
            out.append('  lfn %02x sum %02x' % (e[0], e[13]))
        else:
            out.append('%s attr %02x case %02x clust %d size %d' % (
                bytes(e[:11]), e[11], e[12], e[26] | e[27] << 8, int.from_bytes(e[28:32], 'little')))
    return out


def make(name, data=''):
    try:
        with open(name, 'w') as f:
            f.write(data)
    except OSError as e:
        print(repr(name), 'OSError', e.errno)


for name in ('boot.py', 'README.TXT', 'UPPER.txt', 'lower.TXT', 'Mixed.txt', 'A Long File Name.txt',
             'a long file name 2.txt', 'archive.tar.gz', '.hidden', 'a+b.c', 'trail. . ', 'x' * 255):
    make(name, name[:20])
for i in range(8):
    make('longfilename%d.txt' % i)
for line in entries():
    print(line)
print(sorted(os.listdir()) == sorted(os.listdir('/fat')), len(os.listdir()))
print([n for n in os.listdir() if len(n) < 40])

# Lookups ignore case; "w" through another case rewrites the same file,
# whose name keeps its case.
print(open('BOOT.PY').read(), open('mixed.TXT').read(), open('a LONG file NAME.TXT').read())
make('Boot.Py', 'rewritten')
print(sorted(n for n in os.listdir() if n.lower() == 'boot.py'), open('boot.py').read())
os.rename('boot.py', 'Boot.py')
print(sorted(n for n in os.listdir() if n.lower() == 'boot.py'))
print(entries()[0:2])

# Names FAT refuses, and the longest.
for name in ('a:b', 'a*b', 'a?b', 'a|b', 'a<b', 'a>b', '"q"', 'tab\tname', '...', ' ', 'x' * 256):
    make(name)
print(open('x' * 255).read(), open('trail').read())

# Bytes outside ASCII are code page 437 characters (MicroPython's FatFs):
# the name comes back as it went in.
make('café.txt', 'accent')
print([n for n in os.listdir() if n.startswith('caf')], open('café.txt').read())
print([line for line in entries() if 'CAF' in line])

# A directory begins with "." and ".." (".." is cluster 0 under the
# root); listings leave them out.
os.mkdir('dir')
os.mkdir('dir/sub')
print(os.listdir('dir'), os.listdir('dir/sub'))
d = [line for line in entries() if line.startswith("b'DIR")][0]
c = int(d.split('clust ')[1].split()[0])
print(d)
print(entries(6 + c - 2))
print(entries(6 + c - 1)[:2])
os.rename('dir/sub', 'moved')
s = [line for line in entries() if line.startswith("b'MOVED")][0]
print(entries(6 + int(s.split('clust ')[1].split()[0]) - 2))

# Times: the clock at creation, in 2-second steps.
make('timed', 'x')
st = os.stat('timed')
print(st[7] == st[8] == st[9], abs(st[8] - time.time()) <= 3, os.stat('/fat')[8])
os.chdir('/')
os.umount('/fat')
