# function arguments
def f(a, b, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw
print(f(1, 2, d=4))
print(f(1, 2, 33, 44, 55, d=4, e=6, z=7))
print(f(b=2, a=1, d=0))
print(f(*[1, 2, 3, 4], **{"d": 9, "q": 8}))
def defaults(x, y=[]):
    y.append(x)
    return y
print(defaults(1), defaults(2), defaults(3, []))
def kwonly(*, a, b=2):
    return a + b
print(kwonly(a=1), kwonly(b=10, a=1))
def star(*args):
    return args
print(star(), star(1), star(*"ab"), star(*range(3), *[9]))
def kws(**kw):
    return kw
print(kws(), kws(a=1, b=2), kws(**{"x": 1}, y=2))
def pos_only(a, b, /, c):
    return a, b, c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
def mixed(a, /, b, *, c):
    return a * 100 + b * 10 + c
print(mixed(1, 2, c=3), mixed(1, b=2, c=3))
def errs(fn, *a, **k):
    try:
        fn(*a, **k)
        print("no error")
    except TypeError:
        print("TypeError")
def two(a, b):
    return a + b
errs(two, 1)
errs(two, 1, 2, 3)
errs(two, 1, a=1)
errs(two, 1, c=2)
errs(kwonly, 1)
errs(kwonly)
errs(pos_only, a=1, b=2, c=3)
errs(f, 1, 2)
errs(star, x=1)
errs(two, *[1], **{"b": 2})
print(two(*(1,), **{"b": 2}))
def order(*args, **kwargs):
    return list(kwargs)
print(order(z=1, a=2, m=3))
def default_eval(x=len("abc")):
    return x
print(default_eval(), default_eval(0))
n = 1
def captured(v=n):
    return v
n = 2
print(captured())
def none_default(a=None):
    return "none" if a is None else a
print(none_default(), none_default(0))
def many(a, b, c, d, e, f, g, h, i, j):
    return a + b + c + d + e + f + g + h + i + j
print(many(*range(10)), many(1, 2, 3, 4, 5, *[6, 7], **{"h": 8, "i": 9, "j": 10}))
def unpack_dict(**kw):
    return sorted(kw.items())
d1 = {"a": 1}
d2 = {"b": 2}
print(unpack_dict(**d1, **d2))
try:
    unpack_dict(**d1, **{"a": 3})
except TypeError:
    print("TypeError duplicate kw")
print(f.__name__, (lambda *a, **k: (a, k))(1, x=2))
def recursive_kw(n, acc=0):
    return acc if n == 0 else recursive_kw(n - 1, acc=acc + n)
print(recursive_kw(100))
print(two(b="x", a="y"), two(*"pq"))
