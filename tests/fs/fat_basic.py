# The shared basic test of the flash filesystems (_fscommon.py) on FAT:
# files, listings, stat, statvfs, rename, remove, remount, and the
# filesystem's own methods.
import os
import _fscommon

_fscommon.basic(os.VfsFat)
