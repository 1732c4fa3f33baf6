# Power cuts (espy's simulated flash, espysim.Flash): a writer creates,
# rewrites, appends to, renames and removes files, in the root and in a
# subdirectory (renames across directories use littlefs's global move
# state), and the flash loses power after a random number of program and
# erase operations (the last one torn: half written). After every cut the
# filesystem must mount, and every file must hold what it held when it
# was last closed: only the operation that was cut may have happened or
# not. Empty directories are made, removed and renamed over each other
# too. The next writer then starts on the repaired filesystem, so cuts
# during the repairs (a pending move, an orphan) are tested as well.
import os
import random
import espysim

random.seed(2024)
bdev = espysim.Flash(40)
os.VfsLfs2.mkfs(bdev)
vfs = os.VfsLfs2(bdev)
vfs.mkdir('/sub')
vfs.mkdir('/sub/deeper')

NAMES = ['a', 'bb', 'c', 'sub/d', 'sub/e', 'sub/deeper/f', 'g']
DIRS = ['t1/', 'sub/t2/', 'sub/deeper/t3/']
files = {}          # what each closed file holds; True for an empty directory
gen = 0


def content(name):
    global gen
    gen += 1
    size = random.choice((0, 10, 100, 200, 1000, 5000, 9000))
    return ('%s%d;' % (name, gen) * (size // 4 + 1))[:size]


def read(vfs, name):
    with vfs.open('/' + name) as f:
        return f.read()


def listing(vfs):
    out = set()
    for d in ('', 'sub/', 'sub/deeper/'):
        for e in vfs.ilistdir('/' + d):
            if e[1] == 0x8000:
                out.add(d + e[0])
            elif e[0] not in ('sub', 'deeper'):
                out.add(d + e[0] + '/')
    return out


# One operation. Before it starts, `change` says which names it touches
# and the states each may be left in if it is cut: before, after (None:
# absent), and for a new file, empty.
change = {}


def operation(vfs):
    global change
    name = random.choice(NAMES)
    kind = random.randrange(7)
    if kind >= 5:
        # Directories: made, removed, renamed over an empty one (orphans).
        d = random.choice(DIRS)
        other = random.choice(DIRS)
        if d not in files:
            change = {d: (None, True)}
            vfs.mkdir('/' + d[:-1])
        elif kind == 5 or other == d:
            change = {d: (True, None)}
            vfs.rmdir('/' + d[:-1])
        else:
            change = {d: (True, None), other: (files.get(other), True)}
            vfs.rename('/' + d[:-1], '/' + other[:-1])
    elif kind <= 1 or name not in files:
        data = content(name)
        # A new file is created (empty) at open, its data committed at close.
        change = {name: (files.get(name), data) + (('',) if name not in files else ())}
        with vfs.open('/' + name, 'w') as f:
            for i in range(0, len(data), 700):
                f.write(data[i:i + 700])
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


def apply(which):
    for name, states in change.items():
        if states[which] is None:
            files.pop(name, None)
        else:
            files[name] = states[which]


trials = cut_ops = 0
for trial in range(300):
    bdev.cut_after(random.randrange(0, 120) if trial % 3 else random.randrange(0, 12))
    change = {}
    try:
        vfs = os.VfsLfs2(bdev)
        while not bdev.was_cut():
            operation(vfs)
            if not bdev.was_cut():
                apply(1)
                change = {}
    except OSError:
        if not bdev.was_cut():
            raise
    bdev.cut_after(None)
    trials += 1
    # The power is back: mount, and compare with what was closed.
    vfs = os.VfsLfs2(bdev)
    present = listing(vfs)
    for name, states in change.items():
        now = None if name not in present else True if name[-1] == '/' else read(vfs, name)
        if now not in states:
            print('trial', trial, name, 'is neither before nor after the cut operation')
        cut_ops += 1
        files.pop(name, None)
        if now is not None:
            files[name] = now
    if present != set(files):
        print('trial', trial, 'lists', sorted(present), 'expected', sorted(files))
    for name in files:
        if files[name] is not True and read(vfs, name) != files[name]:
            print('trial', trial, name, 'changed')
    vfs.statvfs('/')

print(trials, 'power cuts, every closed file intact')
counts = bdev.erase_counts()
print('erases:', sum(counts) > 0)
