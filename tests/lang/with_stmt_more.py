# with statement: __exit__ args, suppression, nesting order, errors in __enter__/__exit__
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb if typ is None else "")
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("b", True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
try:
    with CM("o2"), CM("i2", True), CM("i3"):
        raise TypeError("tt")
except TypeError:
    print("not reached")
print("inner suppressed")
def f():
    with CM("ret"):
        return "returned"
print(f())
for k in range(3):
    with CM("loop%d" % k):
        if k == 0:
            continue
        if k == 1:
            break
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with BadEnter():
        print("no body")
except RuntimeError as e:
    print("RuntimeError", e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise IndexError("from exit")
try:
    with BadExit():
        raise ValueError("original")
except IndexError as e:
    print("IndexError", e, type(e.__context__).__name__)
class NoExit:
    def __enter__(self):
        return 1
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print("error type ok")
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "yes"
with Truthy():
    1 / 0
print("suppressed by truthy")
with CM("tuple") as (a, b, *c):
    print(a, b, c)
class Target:
    pass
tg = Target()
lst = [0]
with CM("attr") as tg.value, CM("item") as lst[0]:
    pass
print(tg.value, lst)
def gen():
    with CM("gen"):
        yield 1
        yield 2
for v in gen():
    print("gen value", v)
g = gen()
next(g)
g.close()
print("closed")
