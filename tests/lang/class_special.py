# special (dunder) methods, part 1: repr/str, comparison, hashing, arithmetic, reflected and in-place ops (part 2: class_special_proto.py)
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<%s,%s>" % (self.x, self.y)
    def __eq__(self, o):
        return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __le__(self, o):
        return (self.x, self.y) <= (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y) if isinstance(o, V) else V(self.x + o, self.y + o)
    def __radd__(self, o):
        return V(o + self.x, o + self.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(k * self.x, k * self.y)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return V(abs(self.x), abs(self.y))
    def __invert__(self):
        return V(~self.x, ~self.y)
    def __and__(self, o):
        return "and"
    def __or__(self, o):
        return "or"
    def __xor__(self, o):
        return "xor"
    def __lshift__(self, n):
        return "lshift %d" % n
    def __rshift__(self, n):
        return "rshift %d" % n
    def __rsub__(self, o):
        return "rsub"
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __bool__(self):
        return bool(self.x or self.y)
a, b = V(1, 2), V(3, -4)
print(a, repr(a), str(a), [a], "%s %r" % (a, a), f"{a} {a!r}")
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, b / 2, b // 2, b % 3, a ** 2)
print(-a, +a, abs(b), ~a, a & b, a | b, a ^ b, a << 2, a >> 1, 5 - a, a @ b)
print(a == V(1, 2), a != V(1, 2), a == 5, a < b, a <= b, b > a, b >= a, sorted([b, a]))
print(len({a, V(1, 2), b}), bool(a), bool(V(0, 0)), not V(0, 0), max(a, b))
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        self.v *= o
        return self
    def __add__(self, o):
        return Acc(self.v + o + 1000)
c = Acc(1)
orig = c
c += 5
c -= 2
c *= 10
print(c.v, c is orig)
class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoIadd(self.v + o)
n = NoIadd(1)
n0 = n
n += 1
print(n.v, n is n0)
