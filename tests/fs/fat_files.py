# The shared files test (_fscommon.py) on FAT: many files, long names in
# a growing directory, deep directories, appends, seeks, truncation by
# "w", rename over an existing file, and what a remount keeps.
import os
import _fscommon

_fscommon.files(os.VfsFat)
