# The errno module: MicroPython's names and numbers (Linux's), errorcode
# from number to name (read-only, as MicroPython's), and the errno of the
# OSError that file operations raise. uerrno is the same module.
import errno
import uerrno

names = sorted(name for name in dir(errno) if name.startswith('E'))
print(len(names))
for name in names:
    value = getattr(errno, name)
    print(name, value, errno.errorcode[value])
print(len(errno.errorcode), sorted(errno.errorcode) == sorted(getattr(errno, n) for n in names))
print(errno.errorcode.get(2), errno.errorcode.get(9999), 2 in errno.errorcode, 3 in errno.errorcode)
print(uerrno is errno, errno.__name__)

try:
    errno.errorcode[1] = 'X'
except TypeError as e:
    print('TypeError', e)
try:
    errno.errorcode[9999]
except KeyError as e:
    print('KeyError', e)

try:
    open('no such file')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], e.args)
e = OSError(errno.EAGAIN)
print(e.errno, e)
