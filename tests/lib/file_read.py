# Reading files: text and binary modes, every read method, seek and tell,
# iteration, `with`, and the errors of open() that need no file written.
# (This file reads itself: these first lines are part of the test.)
import errno
import gc

SELF = 'file_read.py'

with open(SELF) as f:
    print(f.readline(), end='')
    print(repr(f.readline(5)), repr(f.readline()))
    print(repr(f.read(10)))
    text = f.read()
print(len(text) > 1000, text.endswith("print('done')\n"))

f = open(SELF, 'r')
lines = f.readlines()
f.close()
print(len(lines), lines[0] == '# Reading files: text and binary modes, every read method, seek and tell,\n')
with open(SELF) as f:
    print([line for line in f][:3] == lines[:3])
with open(SELF, 'rt', encoding='utf-8') as f:
    print(sum(1 for _ in f) == len(lines))

# Binary: bytes, readinto, seeks from the start, the position and the end.
with open(SELF, 'rb') as f:
    head = f.read(8)
    print(head, type(head).__name__, f.tell())
    buf = bytearray(6)
    print(f.readinto(buf), buf)
    print(f.seek(2), f.read(4))
    print(f.seek(3, 1), f.read(2))
    size = f.seek(0, 2)
    print(size == len(open(SELF, 'rb').read()), f.read(), f.read(3))
    print(f.seek(-7, 2) == size - 7, f.read())
    f.seek(0)
    print(f.readline())
    print(len(f.readlines()) == len(lines) - 1)
    print(f.readinto(bytearray(4)), f.readline())

# Text read(n) counts characters; tell after seek.
with open(SELF, encoding='utf8') as f:
    print(repr(f.read(0)), repr(f.read(3)), f.seek(9), repr(f.read(5)))
    print(f.seek(0, 2) == size, repr(f.read()))

# Paths as bytes, relative forms.
with open(SELF.encode()) as f:
    print(f.read(9))
with open('./' + SELF) as f:
    print(f.read(9))

# Errors that CPython and MicroPython share.
def fails(*args, **kw):
    try:
        open(*args, **kw)
    except OSError as e:
        print('OSError', errno.errorcode[e.errno])
    except Exception as e:
        print(type(e).__name__, e)

fails('no_such_file.txt')
fails('no_such_dir/x')
fails('')
fails('.')
fails(SELF + '/x')
fails('a\0b')
fails(1.5)
fails(None)
fails(SELF, 1)
fails(SELF, 'rw')
fails(SELF, 'rr')
fails(SELF, 'rq')
fails(SELF, '')
fails(SELF, 'b')
fails(SELF, '+')
fails(SELF, 'rbt')
fails(SELF, 'wa')
fails(SELF, 'r++')
fails(SELF, 'rb', encoding='utf-8')
fails(SELF, 'r', 0)
fails(SELF, 'r', 'x')
fails(SELF, 'r', encoding=5)
fails(SELF, foo=1)
fails(SELF, 'r', mode='r')
fails()

# Files dropped without close are closed by the collector: far more
# openings than a process may hold files.
for i in range(1500):
    f = open(SELF, 'rb')
    f.read(1)
    if i % 50 == 0:
        gc.collect()
print('done')
