# What MicroPython's files do where CPython's differ: errors are OSError
# with MicroPython's errno names, writing a file opened for reading (and
# reading one opened for writing) is OSError(EBADF), a closed file says
# "I/O operation on closed file", and the reprs show the descriptor.
import io
import os

D = 'file_errors.tmp'
SELF = 'file_errors.py'


def show(fn, *args):
    try:
        r = fn(*args)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)


def number_hidden(f):
    r = repr(f)
    return r if r.endswith(' -1>') else r.split(' ')[0] + ' N>'


show(open, 'no_such_file')
show(open, '.')
show(open, 'no_such_dir/x', 'w')
show(open, SELF, 'r', -1, 'latin-1')
show(open, SELF, 'r', -1, 'no-such-codec')

X = D + '/x'
for clean in (os.remove, os.rmdir):   # what a failed run left
    try:
        clean(X if clean is os.remove else D)
    except OSError:
        pass
os.mkdir(D)

f = open(X, 'w')
print(number_hidden(f), type(f).__name__, isinstance(f, io.TextIOWrapper))
show(f.read)
show(f.readline)
show(f.write, 'abc')
f.close()
print(number_hidden(f))
show(open, X, 'x')

f = open(X, 'rb')
print(number_hidden(f), type(f).__name__, isinstance(f, io.FileIO))
show(f.write, b'x')
show(f.read)
f.close()
print(number_hidden(f))
for op in (f.read, f.readline, f.readlines, f.tell, f.flush):
    show(op)
show(f.write, b'x')
show(f.seek, 0)
show(f.readinto, bytearray(2))
show(next, f)
show(f.close)

f = open(X, 'a')
show(f.read, 1)
show(f.seek, 0)
show(f.write, 'def')
f.close()
print(open(X).read())

os.remove(X)
os.rmdir(D)
