# operator overloading: reflected, in-place fallbacks, NotImplemented, error messages
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V%r" % (self.c,)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, int):
            return V(*[a + o for a in self.c])
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __mul__(self, k):
        if not isinstance(k, int):
            return NotImplemented
        return V(*[a * k for a in self.c])
    __rmul__ = __mul__
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __pos__(self):
        return self
    def __abs__(self):
        return sum(a * a for a in self.c)
    def __invert__(self):
        return V(*reversed(self.c))
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return abs(self) < abs(o)
    def __len__(self):
        return len(self.c)
    def __bool__(self):
        return any(self.c)
    def __hash__(self):
        return hash(self.c)
v = V(1, 2)
print(v + V(3, 4), v + 1, 1 + v, v * 3, 3 * v, -v, +v, abs(v), ~v, len(v), bool(V(0, 0)))
print(v == V(1, 2), v != V(1, 2), v == 5, v != 5, V(1) < V(2), V(3) > V(2), sum([V(1), V(2)], V(0)))
for expr in ["v + 'x'", "'x' + v", "v * 1.5", "v < 1", "1 > v", "v <= v", "v - v", "v / 2", "2 ** v", "v @ v"]:
    try:
        print(expr, eval(expr))
    except TypeError as e:
        print(expr, "TypeError", e)
class Acc:
    def __init__(self, n):
        self.n = n
    def __add__(self, o):
        print("__add__")
        return Acc(self.n + o)
    def __iadd__(self, o):
        print("__iadd__")
        self.n += o * 10
        return self
    def __isub__(self, o):
        return NotImplemented
    def __sub__(self, o):
        print("__sub__")
        return Acc(self.n - o)
    def __repr__(self):
        return "Acc(%d)" % self.n
a = Acc(1)
b = a
a += 2
print(a, a is b)
a -= 1
print(a, a is b)
class OnlyAdd:
    def __add__(self, o):
        return "added"
x = OnlyAdd()
x += 1
print(x)
class R:
    def __rsub__(self, o):
        return "rsub %r" % (o,)
    def __rpow__(self, o):
        return "rpow %r" % (o,)
    def __rtruediv__(self, o):
        return "rtruediv %r" % (o,)
    def __rfloordiv__(self, o):
        return "rfloordiv"
    def __rmod__(self, o):
        return "rmod"
    def __rlshift__(self, o):
        return "rlshift"
    def __rand__(self, o):
        return "rand"
    def __ror__(self, o):
        return "ror"
    def __rxor__(self, o):
        return "rxor"
r = R()
print(5 - r, 2 ** r, 1.5 / r, 7 // r, "s" % r if False else 7 % r, 1 << r, 1 & r, 1 | r, 1 ^ r, [1] - r)
class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(V(1) + Sub(2))
class Cmp:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq called")
        return NotImplemented
print(Cmp(1) == Cmp(1), Cmp(1) != 2)
class Ge:
    def __ge__(self, o):
        return "ge reflected"
print(1 <= Ge())
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abcd"[Idx():], bin(Idx()), range(10)[Idx()], [1, 2, 3][:Idx()])
for e in ["[1, 2] * Idx()", "Idx() * (3,)", "'ab' * Idx()", "b'x' * Idx()"]:
    try:
        print(e, eval(e))
    except TypeError as ex:
        print(e, "TypeError", ex)
class Cont:
    def __contains__(self, x):
        return x == 3
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * i
print(3 in Cont(), 4 in Cont(), list(Cont()), 16 in iter(Cont()))
class Callable:
    def __call__(self, *a, **k):
        return a, k
print(Callable()(1, x=2), callable(Callable()), callable(Callable), callable(5))
