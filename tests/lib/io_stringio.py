# io.StringIO: a text stream in memory. Reading by characters, lines and
# iteration; writing over and past the end; seek and tell; the context
# manager; the errors CPython and MicroPython share.
import io

s = io.StringIO('first line\nsecond line\nthird')
print(repr(s.read(5)), repr(s.readline()), repr(s.readline(3)), repr(s.readline()))
print(repr(s.readline()), repr(s.read()), repr(s.read(4)), s.tell())
print(s.seek(0), s.readlines())
print(s.seek(0), [line for line in s])
print(s.seek(0), s.readline(0) == '', s.read(0) == '', s.read(-1)[:5])
print(repr(s.getvalue()))

# Writes overwrite from the position; the value grows past the end.
s = io.StringIO('abcdef')
print(s.write('XY'), repr(s.getvalue()), s.tell(), repr(s.read()))
print(s.seek(4), s.write('0123'), repr(s.getvalue()), s.tell())
print(s.seek(0, 2), s.write('!'), repr(s.getvalue()))
print(s.seek(20), s.write('far'), repr(s.getvalue()), len(s.getvalue()))
print(s.seek(3), s.seek(0, 1), repr(s.read(2)), s.tell())

# Empty, None, keyword.
for t in (io.StringIO(), io.StringIO(None), io.StringIO(initial_value='kw')):
    print(repr(t.read()), repr(t.getvalue()), t.tell())
t = io.StringIO()
for i in range(100):
    t.write('%d,' % i)
print(len(t.getvalue()), t.getvalue()[-8:], t.tell())

# Non-ASCII text: whole characters.
u = io.StringIO('naïve café — ok\nλ')
print(repr(u.read(5)), repr(u.readline()), repr(u.read()))
w = io.StringIO()
print(w.write('日本'), w.write('語'), repr(w.getvalue()))

# The context manager closes it.
with io.StringIO('in with') as c:
    print(c.read())
for op in (c.read, c.getvalue, c.tell, c.readline, lambda: c.write('x'), lambda: c.seek(0)):
    try:
        op()
    except ValueError as e:
        print('ValueError', e)
c.close()

# Errors.
for bad in (lambda: io.StringIO(b'bytes'), lambda: io.StringIO(foo=1), lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().read('x'), lambda: io.StringIO().readline(1.5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(isinstance(io.StringIO(), io.StringIO), type(io.StringIO()).__name__)
