# Writing files: every open mode, writes in text and binary, seek and tell
# while writing, truncation, appending, exclusive creation, and files of a
# scratch directory made and removed here.
import errno
import os

D = 'file_ops.tmp'


def p(name):
    return D + '/' + name


def read(name, mode='r'):
    with open(p(name), mode) as f:
        return f.read()


def clean():
    try:
        for name in os.listdir(D):
            os.remove(p(name))
        os.rmdir(D)
    except OSError:
        pass


clean()
os.mkdir(D)

# 'w' creates; write returns what it wrote (characters in text mode).
with open(p('a.txt'), 'w') as f:
    print(f.write('line one\n'), f.write('línea dos\n'), f.write(''), f.tell())
    print(f.flush())
print(repr(read('a.txt')), os.stat(p('a.txt'))[6])

# 'a' appends; 'w' truncates.
with open(p('a.txt'), 'a') as f:
    print(f.write('three\n'), f.tell())
print(repr(read('a.txt')))
with open(p('a.txt'), 'wt') as f:
    f.write('new')
print(repr(read('a.txt')))

# 'x' creates only a new file.
with open(p('x.txt'), 'x') as f:
    f.write('exclusive')
print(read('x.txt'))
try:
    open(p('x.txt'), 'x')
except OSError as e:
    print('OSError', errno.errorcode[e.errno])

# '+': r+ writes in place, w+ reads back what it wrote, a+ reads from
# where it is put and always writes at the end.
with open(p('a.txt'), 'r+') as f:
    print(f.read(1), f.tell(), f.seek(1), f.write('E'), f.tell(), f.seek(0), f.read())
with open(p('w.txt'), 'w+') as f:
    f.write('hello world')
    print(f.seek(6), f.read(), f.tell())
with open(p('w.txt'), 'a+') as f:
    print(f.seek(0), f.read(5), f.write('!'), f.seek(0), f.read())
try:
    open(p('missing.txt'), 'r+')
except OSError as e:
    print('OSError', errno.errorcode[e.errno])

# Binary: bytes-like values, counts, a seek past the end leaves zeros.
with open(p('b.bin'), 'wb') as f:
    print(f.write(b'abc'), f.write(bytearray(b'def')), f.write(memoryview(b'xyz')[1:]), f.tell())
    print(f.seek(10), f.write(b'Z'), f.tell())
print(read('b.bin', 'rb'))
with open(p('b.bin'), 'ab') as f:
    print(f.write(bytes(range(250, 256))))
print(read('b.bin', 'rb'))
with open(p('b.bin'), 'r+b') as f:
    print(f.seek(-2, 2), f.read(), f.seek(1), f.write(b'B'), f.seek(-2, 1), f.read(4))
with open(p('b.bin'), 'rb+') as f:
    print(f.read(3))

# Wrong kinds of data.
with open(p('t.txt'), 'w') as f:
    for bad in (b'bytes', 5):
        try:
            f.write(bad)
        except TypeError as e:
            print('TypeError', e)
with open(p('t.bin'), 'wb') as f:
    for bad in ('str', 5):
        try:
            f.write(bad)
        except TypeError as e:
            print('TypeError', e)

# Lines: write many, read them back by iteration, readline and readlines.
with open(p('lines.txt'), 'w') as f:
    for i in range(200):
        f.write('line %d\n' % i)
    f.write('no newline at the end')
with open(p('lines.txt')) as f:
    n = 0
    for line in f:
        n += 1
    print(n, repr(line), repr(f.readline()), repr(f.read()))
with open(p('lines.txt')) as f:
    print(f.readlines()[198:])
print(os.stat(p('lines.txt'))[6] == len(read('lines.txt')))

# A big file in pieces.
with open(p('big.bin'), 'wb') as f:
    for i in range(64):
        f.write(bytes([i]) * 1000)
with open(p('big.bin'), 'rb') as f:
    data = f.read()
    print(len(data), data[0], data[63999], data[32000:32003])

# Closing: twice is fine; `with` closes; the closed file refuses.
f = open(p('a.txt'))
f.close()
f.close()
with open(p('a.txt')) as f:
    pass
for op in (f.read, f.readline, f.tell, lambda: f.write('x'), lambda: f.seek(0)):
    try:
        op()
    except ValueError:
        print('ValueError')

print(sorted(os.listdir(D)))
clean()
print(D in os.listdir('.'))
