# Power cuts on FAT (espy's simulated flash, espysim.Flash): FAT on NOR
# flash loses data when the power goes at the wrong moment (spec section
# 5: a FAT or directory sector is erased before it is rewritten, data and
# metadata are written in separate steps), so this test measures rather
# than requires. Each trial formats a volume, writes a few files, then
# writes, appends, renames and removes files and makes and removes
# directories until the flash loses power after a random number of
# program and erase operations (the last one torn). After the cut the
# volume is mounted again and compared with what was closed before:
#
#   unmountable   the volume no longer mounts
#   lost          a file the cut operation did not touch is gone, changed
#                 or unreadable (the damage spec section 5 describes)
#   torn          the file the cut operation touched is in neither its
#                 state before nor after (FAT promises nothing here)
#   extra         a name that should not be there (a rename's two entries)
#
# The counts go to stderr (`espy fat_powercut.py [TRIALS]`); the output
# checked only says that every cut was survived without a crash, and
# that most cuts lose nothing.
import os
import sys
import random
import espysim

random.seed(2024)
TRIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
# (`espy fat_powercut.py N lfs` runs the same on littlefs, as a control)
FS = os.VfsLfs2 if sys.argv[2:] == ['lfs'] else os.VfsFat
NAMES = ['a', 'bb', 'long name c.txt', 'sub/d', 'sub/long name e.dat', 'g']
DIRS = ['t1/', 'sub/t2/']
gen = 0


def content(name):
    global gen
    gen += 1
    size = random.choice((0, 10, 100, 1000, 5000, 9000))
    return ('%s%d;' % (name, gen) * (size // 4 + 1))[:size]


def read(vfs, name):
    with vfs.open('/' + name, 'rb') as f:
        data = f.read()
    try:
        return data.decode()
    except UnicodeError:
        return 'garbled'


def listing(vfs):
    out = set()
    for d in ('', 'sub/'):
        for e in vfs.ilistdir('/' + d):
            if e[1] == 0x8000:
                out.add(d + e[0])
            elif e[0] != 'sub':
                out.add(d + e[0] + '/')
    return out


def write(vfs, name, data):
    with vfs.open('/' + name, 'w') as f:
        for i in range(0, len(data), 700):
            f.write(data[i:i + 700])


# One operation: `change` first says which names it touches and the
# states each may be left in (before, after; None: absent).
def operation(vfs, files):
    global change
    name = random.choice(NAMES)
    kind = random.randrange(7)
    if kind >= 5:
        d = random.choice(DIRS)
        if d not in files:
            change = {d: (None, True)}
            vfs.mkdir('/' + d[:-1])
        else:
            change = {d: (True, None)}
            vfs.rmdir('/' + d[:-1])
    elif kind <= 1 or name not in files:
        data = content(name)
        change = {name: (files.get(name), data, '')}
        write(vfs, name, data)
    elif kind == 2:
        more = content(name)[:random.choice((5, 50, 500, 3000))]
        change = {name: (files[name], files[name] + more)}
        with vfs.open('/' + name, 'a') as f:
            f.write(more)
    elif kind == 3:
        other = random.choice(NAMES)
        if other != name:
            change = {name: (files[name], None), other: (files.get(other), files[name])}
            vfs.rename('/' + name, '/' + other)
    else:
        change = {name: (files[name], None)}
        vfs.remove('/' + name)
    return change


counts = {'unmountable': 0, 'lost': 0, 'torn': 0, 'extra': 0}
for trial in range(TRIALS):
    bdev = espysim.Flash(40)
    FS.mkfs(bdev)
    vfs = FS(bdev)
    vfs.mkdir('/sub')
    files = {}
    for name in NAMES[:4]:
        files[name] = content(name)
        write(vfs, name, files[name])
    change = {}
    bdev.cut_after(random.randrange(0, 80))
    try:
        while not bdev.was_cut():
            change = {}
            operation(vfs, files)
            if not bdev.was_cut():
                for name, states in change.items():
                    if states[1] is None:
                        files.pop(name, None)
                    else:
                        files[name] = states[1]
    except OSError:
        if not bdev.was_cut():
            raise
    bdev.cut_after(None)
    # The power is back.
    try:
        vfs = FS(bdev)
        vfs.statvfs('/')
    except OSError:
        counts['unmountable'] += 1
        continue
    try:
        present = listing(vfs)
    except OSError:
        counts['lost'] += 1             # a directory gone or unreadable
        continue
    lost = torn = False
    for name in set(files) | set(change):
        try:
            now = None if name not in present else True if name[-1] == '/' else read(vfs, name)
        except OSError:
            now = 'unreadable'
        if name in change:
            torn = torn or now not in change[name]
        elif now != files[name]:
            lost = True
    counts['lost'] += lost
    counts['torn'] += torn
    counts['extra'] += len(present - set(files) - set(change)) > 0

print(TRIALS, 'power cuts survived')
print('most lose nothing:', counts['lost'] + counts['unmountable'] < TRIALS // 2)
sys.stderr.write('%s power cuts: %d trials, %s; data lost by %.1f%% of the cuts\n' % (
    FS.__name__, TRIALS, ', '.join('%s %d' % kv for kv in sorted(counts.items())),
    100 * (counts['lost'] + counts['unmountable']) / TRIALS))
