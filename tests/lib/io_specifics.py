# What MicroPython's io does where CPython's differs: StringIO positions
# count bytes, relative seeks work on StringIO, an int argument reserves
# room, closed streams say "I/O operation on closed file", uio is io; and
# io.IOBase as the base of a stream written in Python.
import io
import uio


def show(fn, *args):
    try:
        print('ok', fn(*args))
    except Exception as e:
        print(type(e).__name__, e)


print(uio is io, io.open is open)
s = io.StringIO(100)
print(repr(s.getvalue()), s.tell(), s.write('room'), s.getvalue())
b = io.BytesIO(8)
print(b.getvalue(), b.write(b'0123456789'), b.getvalue())

u = io.StringIO('é€x')
print(u.read(1), u.tell(), u.read(1), u.tell(), u.seek(-3, 1), u.read(), u.seek(-1, 2), u.read())
print(repr(io.StringIO())[:13], repr(io.BytesIO())[:12])

show(io.StringIO, 'a', 'b')
show(io.BytesIO, b'a', b'b')
c = io.BytesIO(b'x')
c.close()
show(c.read)
show(c.getvalue)
show(io.BytesIO().seek, 0, 3)


# Subclasses keep the stream underneath.
class Upper(io.StringIO):
    def shout(self):
        return self.getvalue().upper()


t = Upper('quiet\nwords\n')
print(t.readline(), list(t), t.shout(), isinstance(t, io.StringIO))


# A stream in Python: write is what print and the stream helpers call.
class Collect(io.IOBase):
    def __init__(self, prefix):
        self.prefix = prefix
        self.parts = []

    def write(self, data):
        self.parts.append(self.prefix + data)
        return len(data)


w = Collect('>')
print('to the stream', 42, file=w)
print(w.parts, isinstance(w, io.IOBase), isinstance(io.StringIO(), io.IOBase))
print(type(io.IOBase()).__name__)
show(io.IOBase, 1)
