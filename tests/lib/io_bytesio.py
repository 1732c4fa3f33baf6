# io.BytesIO: a binary stream in memory. Reads of bytes and lines,
# readinto, writes of any bytes-like value over and past the end, seeks
# from the start, the position and the end, the context manager, errors.
import io

b = io.BytesIO(b'line 1\nline 2\n\x00\xff end')
print(b.read(4), b.readline(), b.readline(2), b.readline(), b.tell())
print(b.read(), b.read(3), b.read(), b.tell())
print(b.seek(0), b.readlines())
print(b.seek(0), list(b))
buf = bytearray(5)
print(b.seek(2), b.readinto(buf), buf, b.readinto(memoryview(buf)[1:3]), buf)
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.tell(), b.seek(4, 1), b.read(2))
print(b.seek(100), b.read(), b.readinto(buf), b.tell())
print(b.getvalue())

# Writes: overwriting, growing, a hole of zeros past the end.
w = io.BytesIO(b'abcdef')
print(w.write(b'XY'), w.getvalue(), w.tell(), w.read())
print(w.seek(4), w.write(bytearray(b'0123')), w.getvalue())
print(w.seek(10), w.write(memoryview(b'<far>')[1:4]), w.getvalue(), len(w.getvalue()))
print(w.write(b''), w.tell(), w.seek(0, 2), w.seek(20), w.write(b''), w.getvalue(), w.tell())

for t in (io.BytesIO(), io.BytesIO(None), io.BytesIO(initial_bytes=b'kw'), io.BytesIO(bytearray(b'ba'))):
    print(t.read(), t.getvalue(), t.tell())

big = io.BytesIO()
for i in range(100):
    big.write(bytes([i]) * 40)
v = big.getvalue()
print(len(v), v[0], v[40], v[-1], big.tell())
big.seek(3000)
print(big.read(3), len(big.read()))

with io.BytesIO(b'with') as c:
    print(c.read())
for op in (c.read, c.getvalue, c.tell, lambda: c.write(b'x'), lambda: c.seek(0)):
    try:
        op()
    except ValueError:
        print('ValueError')

for bad in (lambda: io.BytesIO('str'), lambda: io.BytesIO(foo=1), lambda: io.BytesIO().seek(-1),
            lambda: io.BytesIO().write('str'), lambda: io.BytesIO().write(5),
            lambda: io.BytesIO().read('x'), lambda: io.BytesIO().readinto(b'immutable')):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(io.BytesIO()).__name__)
