# SPDX-License-Identifier: MIT
# Run at every boot and soft reset before boot.py (spec: port behaviour, 2.1):
# mounts the filesystem in flash at '/', or sets one up on first boot.
import gc

gc.threshold((gc.mem_free() + gc.mem_alloc()) // 4)
import vfs
from flashbdev import bdev

if bdev:
    try:
        vfs.mount(bdev, "/")
    except:
        import inisetup

        inisetup.setup()

gc.collect()
