# The shared errors test (_fscommon.py) on FAT: every error case with
# MicroPython's VfsFat errno, wrong modes, a read-only mount.
import os
import _fscommon

_fscommon.errors(os.VfsFat)
