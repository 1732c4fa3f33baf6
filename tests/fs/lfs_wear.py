# Metadata wear levelling on littlefs (espy's simulated flash): a pair of
# metadata blocks moves to fresh blocks every block_cycles (100)
# compactions, and the superblock pair {0, 1}, which cannot move, hands the
# root directory over to a new pair (superblock expansion). A small file
# rewritten 20000 times would erase the two blocks of its directory about
# 150 times each without it; with it no block takes much more than 100,
# blocks 0 and 1 stop at about 50, and a new mount reads the moved pairs
# and the expanded superblock.
import os
import espysim

bdev = espysim.Flash(64)
os.VfsLfs2.mkfs(bdev)
vfs = os.VfsLfs2(bdev)
vfs.mkdir('/etc')
with vfs.open('/etc/keep.txt', 'w') as f:
    f.write('kept while the pairs move')
for i in range(20000):
    name = '/settings.json' if i % 50 else '/etc/state'
    with vfs.open(name, 'w') as f:
        f.write('{"n": %d}' % i)
counts = bdev.erase_counts()
print('most worn block at most 110 erases:', max(counts) <= 110)
print('blocks 0 and 1 at most 60 erases:', counts[0] <= 60 and counts[1] <= 60)
# (without moves only 0, 1 and the two pairs' blocks would be erased)
print('pairs moved to fresh blocks:', sum(1 for c in counts if c) > 6)

vfs = os.VfsLfs2(bdev)
print(sorted(e[0] for e in vfs.ilistdir('/')), sorted(e[0] for e in vfs.ilistdir('/etc')))
print(vfs.open('/settings.json').read(), vfs.open('/etc/state').read(), vfs.open('/etc/keep.txt').read())
print(vfs.stat('/etc/keep.txt')[6], vfs.statvfs('/')[2:4])
# The superblock is still at offset 8 of blocks 0 and 1 ("littlefs"), and
# the root is elsewhere: the current block of {0, 1} (the higher
# revision) no longer names the root's entries.
b0, b1 = bytearray(4096), bytearray(4096)
bdev.readblocks(0, b0)
bdev.readblocks(1, b1)
rev0, rev1 = int.from_bytes(b0[:4], 'little'), int.from_bytes(b1[:4], 'little')
current = b0 if (rev0 - rev1) & 0x80000000 == 0 else b1
print(b0[8:16], b1[8:16], b'settings.json' in current)
vfs.mkdir('/new')
vfs.rename('/etc/keep.txt', '/new/keep.txt')
vfs = os.VfsLfs2(bdev)
print([e[0] for e in vfs.ilistdir('/new')], vfs.open('/new/keep.txt').read())
