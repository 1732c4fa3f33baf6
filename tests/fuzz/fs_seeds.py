# SPDX-License-Identifier: MIT
# Writes the seed corpus of tests/fuzz/fuzz_fs.c (run by espy: make fuzz-fs):
# valid littlefs and FAT images with files and directories, each prefixed
# by the byte that picks its filesystem.
import espysim
import os
import sys
import vfs

out = sys.argv[1]


def image(kind, bs, n):
    f = espysim.Flash(n, bs)
    cls = vfs.VfsLfs2 if kind == 0 else vfs.VfsFat
    cls.mkfs(f)
    vfs.mount(cls(f), "/s")
    os.mkdir("/s/dir")
    with open("/s/boot.py", "w") as h:
        h.write("import gc\ngc.collect()\n")
    with open("/s/dir/a long file name.txt", "w") as h:
        h.write("x" * 5000)
    vfs.umount("/s")
    data = bytearray([kind])
    buf = bytearray(bs)
    for b in range(n):
        f.readblocks(b, buf)
        data += buf
    while data[-1] == 0xFF:     # the fuzzer pads with 0xFF
        data.pop()
    return data


for name, kind, bs, n in (("lfs", 0, 4096, 16), ("fat", 1, 512, 128)):
    with open(out + "/" + name + ".img", "wb") as h:
        h.write(image(kind, bs, n))
