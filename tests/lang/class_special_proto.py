# special methods, part 2: container, iterator, call, context, attribute, conversion protocols
class Seq:
    def __init__(self):
        self.d = {}
    def __len__(self):
        return len(self.d)
    def __getitem__(self, k):
        if isinstance(k, slice):
            return "slice(%r,%r,%r)" % (k.start, k.stop, k.step)
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __contains__(self, k):
        return k in self.d
s = Seq()
s["a"] = 1
s[2] = "two"
print(len(s), s["a"], s[2], "a" in s, "z" in s, s[1:2], s[::3], s[:])
del s["a"]
print(len(s), bool(s), "a" not in s)
try:
    s["missing"]
except KeyError as e:
    print("KeyError", e)
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), [x for x in Squares()])
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)), sum(Countdown(5)), 2 in Countdown(5))
class Call:
    def __call__(self, *a, **k):
        return ("called", a, k)
print(Call()(1, x=2))
class Ctx:
    def __enter__(self):
        print("enter")
        return "resource"
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with Ctx() as r:
    print("using", r)
    raise ValueError("swallowed")
print("after with")
class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, getattr(d, "xa", None), getattr(d, "nope", "default"), hasattr(d, "q"))
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), hex(Idx()), list(range(Idx())))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
print(int(Num()), float(Num()))
class Lenny:
    def __len__(self):
        return 0
print(bool(Lenny()), "truthy" if Lenny() else "falsy")
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return NotImplemented
    def __gt__(self, o):
        return self.v > o
print(Cmp(1) == Cmp(1), Cmp(5) > 3, 3 < Cmp(5))
class HashEq:
    def __eq__(self, o):
        return True
try:
    hash(HashEq())
except TypeError:
    print("TypeError unhashable")
