# with statement
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc if exc_type else "")
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("b") as b, CM("c") as c:
    print("body", b, c)
with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("boom")
print("after suppress")
try:
    with CM("nosup"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
def ret_from_with():
    with CM("ret"):
        return "returned"
print(ret_from_with())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)
with CM("noas"):
    pass
class Tracker:
    def __init__(self):
        self.log = []
    def __enter__(self):
        self.log.append("enter")
        return self
    def __exit__(self, *args):
        self.log.append("exit %s" % (args[0] is None))
t = Tracker()
with t as same:
    print(same is t)
print(t.log)
with CM("multi1") as m1, CM("multi2", suppress=True) as m2:
    raise IndexError("in multi")
print("multi suppressed")
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("should not run")
try:
    with BadEnter():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("original")
except TypeError as e:
    print("TypeError", e, type(e.__context__).__name__)
class PairCM:
    def __enter__(self):
        return (1, [2, 3])
    def __exit__(self, *a):
        return False
with PairCM() as (p, [q, r]):
    print(p, q, r)
class Store:
    pass
s = Store()
with CM("attr") as s.val:
    pass
print(s.val)
d = {}
with CM("item") as d["k"]:
    pass
print(d)
try:
    with 42:
        pass
except (TypeError, AttributeError):
    print("not a context manager")
