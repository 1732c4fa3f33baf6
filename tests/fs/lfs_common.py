# The file tests shared with FAT (_fscommon.py), on littlefs.
import os
import _fscommon

for test in (_fscommon.basic, _fscommon.files, _fscommon.errors, _fscommon.full):
    print('--', test.__name__)
    test(os.VfsLfs2)
