#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""FAT interoperability of espy's os.VfsFat with Debian's dosfstools and mtools.

Usage: python3 tests/host/test_fat_interop.py [ESPY] [-v]

espy writes files and directories (long names, many files, appends,
renames, removals) into an image file (espysim.Flash(..., file=PATH)), then
`fsck.fat -n` must find nothing wrong and `mdir`/`mcopy` must read back
what espy wrote; the other way, `mkfs.fat` and `mcopy` make images (the
ESP8266's geometry, the PC's default of 512-byte sectors and two FATs, and
FAT16) that espy reads, writes to, and leaves clean for fsck.fat. Without
the tools each test is skipped with the reason. Prints one line per
failure or skip (every test with -v) and `N passed, N failed, N skipped`
last; the exit status is 0 when nothing failed.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ESPY = os.path.abspath(next((a for a in sys.argv[1:] if not a.startswith('-')),
                            os.path.join(ROOT, 'build', 'host', 'espy')))
VERBOSE = '-v' in sys.argv
ENV = dict(os.environ, MTOOLS_SKIP_CHECK='1', LC_ALL='C')
TOOLS = ('fsck.fat', 'mkfs.fat', 'mdir', 'mcopy', 'mmd')
TESTS = []


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def test(fn):
    TESTS.append(fn)
    return fn


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def tool(name):
    path = shutil.which(name) or shutil.which(name, path='/usr/sbin:/sbin')
    if path is None:
        raise Skip('%s not installed (apt-get install dosfstools mtools)' % name)
    return path


def run(argv, cwd, ok=(0,)):
    r = subprocess.run(argv, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    out = r.stdout.decode('utf-8', 'replace')
    if r.returncode not in ok:
        raise Failure('%s exited with %d:\n%s' % (' '.join(argv), r.returncode, out[-2000:]))
    return out


def espy(cwd, program):
    with open(os.path.join(cwd, 'prog.py'), 'w') as f:
        f.write(program)
    return run([ESPY, 'prog.py'], cwd)


def fsck(cwd, image):
    # Exit status 0 is "no problem found"; the words are a second guard.
    out = run([tool('fsck.fat'), '-n', '-v', image], cwd, ok=(0, 1, 2, 4, 8))
    status = subprocess.run([tool('fsck.fat'), '-n', image], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
    bad = ['exit status %d' % status] if status else []
    bad += [line for line in out.splitlines() if any(w in line.lower() for w in (
        'lost', 'reclaim', 'free cluster summary', 'wrong', 'bad', 'invalid', 'differ', 'orphan', 'shared', 'truncat',
        'dirty', 'mark', 'not a', 'error', 'duplicate', 'corrupt'))]
    check(not bad and 'files,' in out, 'fsck.fat -n reports:\n' + out[-3000:])


def content(name, i):
    # The same bytes on both sides: espy computes it with this expression.
    return (('%s:%d;' % (name, i)) * (i * 37 % 90 + i)).encode()


CONTENT_PY = '''
def content(name, i):
    return (('%s:%d;' % (name, i)) * (i * 37 % 90 + i)).encode()
'''

# What espy writes: (path, i) pairs; the content is content(path, i).
ESPY_FILES = [('boot.py', 1), ('README.TXT', 2), ('Mixed Case Name.txt', 3), ('a long file name number one.dat', 4),
              ('dir/inner file.bin', 5), ('dir/Sub Directory/deep file name.txt', 6), ('archive.tar.gz', 7)] + [
    ('many/entry number %d with a long name.txt' % k, 10 + k) for k in range(40)]


@test
def espy_writes_fsck_and_mtools_read():
    with tempfile.TemporaryDirectory() as tmp:
        for t in TOOLS:
            tool(t)
        out = espy(tmp, CONTENT_PY + '''
import os, espysim
bdev = espysim.Flash(251, 4096, 'fat.img')
os.VfsFat.mkfs(bdev)
os.mount(os.VfsFat(bdev), '/fat')
os.chdir('/fat')
os.mkdir('dir')
os.mkdir('dir/Sub Directory')
os.mkdir('many')
os.mkdir('gone')
files = %r
for name, i in files:
    with open(name, 'wb') as f:
        f.write(content(name, i))
with open('appended', 'wb') as f:
    f.write(b'start')
for k in range(5):
    with open('appended', 'ab') as f:
        f.write(b'x' * 3000)
with open('renamed before', 'wb') as f:
    f.write(b'moved')
os.rename('renamed before', 'dir/renamed after')
with open('overwritten', 'wb') as f:
    f.write(b'old' * 5000)
with open('overwritten', 'wb') as f:
    f.write(b'new')
with open('removed', 'wb') as f:
    f.write(b'r' * 9000)
os.remove('removed')
os.rmdir('gone')
os.chdir('/')
os.umount('/fat')
print('done')
''' % (ESPY_FILES,))
        check('done' in out, out)
        fsck(tmp, 'fat.img')
        listing = run([tool('mdir'), '-i', 'fat.img', '-/', '-a', '::/'], tmp)
        for name in ('Mixed Case Name.txt', 'a long file name number one.dat', 'deep file name.txt',
                     'entry number 39 with a long name.txt', 'renamed after', 'archive.tar.gz'):
            check(name in listing, 'mdir does not list %r:\n%s' % (name, listing))
        check('removed' not in listing and 'gone' not in listing, 'mdir lists removed names')
        expected = dict((n, content(n, i)) for n, i in ESPY_FILES)
        expected.update({'appended': b'start' + b'x' * 15000, 'dir/renamed after': b'moved', 'overwritten': b'new'})
        for name, data in expected.items():
            dest = os.path.join(tmp, 'copy')
            run([tool('mcopy'), '-n', '-o', '-i', 'fat.img', '::/' + name, dest], tmp)
            with open(dest, 'rb') as f:
                check(f.read() == data, 'mcopy reads other bytes for %r' % name)
            os.remove(dest)


def mtools_image(tmp, image, files):
    # Copies files (path -> bytes) in with mmd and mcopy.
    made = set()
    for path, data in files.items():
        parts = path.split('/')
        for k in range(1, len(parts)):
            d = '/'.join(parts[:k])
            if d not in made:
                run([tool('mmd'), '-i', image, '::/' + d], tmp)
                made.add(d)
        src = os.path.join(tmp, 'src')
        with open(src, 'wb') as f:
            f.write(data)
        run([tool('mcopy'), '-i', image, src, '::/' + path], tmp)


READ_BACK = '''
import os, espysim, hashlib
bdev = espysim.Flash(%d, %d, '%s')
vfs = os.VfsFat(bdev)
os.mount(vfs, '/fat')
def walk(path):
    for e in os.ilistdir(path):
        full = path + '/' + e[0]
        if e[1] == 0x4000:
            walk(full)
        else:
            with open(full, 'rb') as f:
                print('FILE', full[5:], hashlib.sha256(f.read()).digest().hex())
walk('/fat')
with open('/fat/written by espy.txt', 'w') as f:
    f.write('espy was here\\n' * 500)
os.mkdir('/fat/espy dir')
with open('/fat/espy dir/x', 'w') as f:
    f.write('x')
os.rename('/fat/%s', '/fat/espy dir/moved')
print('STATVFS', os.statvfs('/fat'))
os.umount('/fat')
'''


def read_back(tmp, image, blocks, size, files, rename):
    out = espy(tmp, READ_BACK % (blocks, size, image, rename))
    seen = dict(line[5:].rsplit(' ', 1) for line in out.splitlines() if line.startswith('FILE '))
    want = dict((p, hashlib.sha256(d).hexdigest()) for p, d in files.items())
    check(seen == want, 'espy reads %r\nexpected %r' % (seen, want))
    fsck(tmp, image)
    listing = run([tool('mdir'), '-i', image, '-/', '::/'], tmp)
    check('written by espy.txt' in listing and 'moved' in listing, 'mdir after espy wrote:\n' + listing)
    copy = os.path.join(tmp, 'copy')
    run([tool('mcopy'), '-n', '-o', '-i', image, '::/written by espy.txt', copy], tmp)
    with open(copy, 'rb') as f:
        check(f.read() == b'espy was here\n' * 500, 'mcopy reads other bytes for what espy wrote')


def pc_files():
    files = {'Readme.md': b'# made by mtools\n' * 40, 'a much longer file name than 8.3.bin': bytes(range(256)) * 70,
             'docs/Chapter One/notes.txt': b'notes\n' * 1000, 'empty': b''}
    for k in range(30):
        files['docs/file %02d of many.txt' % k] = (b'%d,' % k) * (k * 151)
    return files


@test
def mkfs_fat_esp8266_geometry():
    # As the spec's 4.2 makes it: 4096-byte sectors, one FAT, 512 entries.
    with tempfile.TemporaryDirectory() as tmp:
        run([tool('mkfs.fat'), '-S', '4096', '-s', '1', '-f', '1', '-r', '512', '-R', '1', '-F', '12', '-C',
             'pc.img', str(251 * 4)], tmp)
        files = pc_files()
        mtools_image(tmp, 'pc.img', files)
        read_back(tmp, 'pc.img', 251, 4096, files, 'empty')


@test
def mkfs_fat_pc_default():
    # The PC's default: 512-byte sectors, two FATs (kept identical), a
    # cluster of several sectors.
    with tempfile.TemporaryDirectory() as tmp:
        run([tool('mkfs.fat'), '-C', 'pc.img', '2048'], tmp)
        files = pc_files()
        mtools_image(tmp, 'pc.img', files)
        read_back(tmp, 'pc.img', 4096, 512, files, 'Readme.md')


@test
def mkfs_fat_fat16():
    with tempfile.TemporaryDirectory() as tmp:
        run([tool('mkfs.fat'), '-F', '16', '-S', '512', '-s', '2', '-C', 'pc.img', '8192'], tmp)
        files = pc_files()
        mtools_image(tmp, 'pc.img', files)
        out = run([tool('fsck.fat'), '-n', '-v', 'pc.img'], tmp)
        check('16 bit entries' in out, 'not a FAT16 image:\n' + out)
        read_back(tmp, 'pc.img', 16384, 512, files, 'a much longer file name than 8.3.bin')


@test
def espy_mkfs_all_sizes_fsck_clean():
    # Every size of the spec's table 4.2 (16 MiB too), checked by fsck.fat.
    with tempfile.TemporaryDirectory() as tmp:
        tool('fsck.fat')
        for blocks in (98, 251, 763, 1787, 3835):
            espy(tmp, 'import os, espysim\nb = espysim.Flash(%d, 4096, "s.img")\nos.VfsFat.mkfs(b)\n'
                 'v = os.VfsFat(b)\nv.mkdir("/d")\nwith v.open("/d/a long name.txt", "w") as f:\n'
                 '    f.write("x" * 5000)\n' % blocks)
            out = run([tool('fsck.fat'), '-n', '-v', 's.img'], tmp)
            check('%d data clusters' % {98: 92, 251: 245, 763: 757, 1787: 1781, 3835: 3828}[blocks] in out,
                  'fsck.fat sees another layout for %d blocks:\n%s' % (blocks, out))
            fsck(tmp, 's.img')
            os.remove(os.path.join(tmp, 's.img'))


def main():
    if not os.path.exists(ESPY):
        print('espy not found at %s' % ESPY)
        print('0 passed, 1 failed')
        return 1
    passed = failed = skipped = 0
    for fn in TESTS:
        try:
            fn()
            passed += 1
            if VERBOSE:
                print('ok', fn.__name__)
        except Skip as e:
            skipped += 1
            print('skipped %s: %s' % (fn.__name__, e))
        except Failure as e:
            failed += 1
            print('FAIL %s: %s' % (fn.__name__, e))
    print('%d passed, %d failed, %d skipped' % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
