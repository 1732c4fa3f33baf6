# The shared full-filesystem test (_fscommon.py) on FAT: ENOSPC, and
# nothing written before is lost.
import os
import _fscommon

_fscommon.full(os.VfsFat)
