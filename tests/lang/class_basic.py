# class basics
class Point:
    count = 0
    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
q = Point(1)
print(p.x, p.y, q.y, p.norm2(), Point.count, p.count)
print(p.move(1, 1).norm2(), p.x, p.y)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(Point.__name__, Point.norm2(p), p.norm2 == p.norm2)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
p.z = 10
print(p.z, hasattr(p, "z"), hasattr(q, "z"), getattr(q, "z", "none"))
q.count = 99
print(q.count, Point.count, p.count)
del q.count
print(q.count)
class Empty:
    pass
e = Empty()
e.a = 1
print(e.a, Empty.__name__, isinstance(e, object))
try:
    e.missing
except AttributeError:
    print("AttributeError")
try:
    del e.missing
except AttributeError:
    print("AttributeError del")
class WithDoc:
    "docstring here"
    x = [1, 2]
    def f(self):
        "method doc"
        return self.x
print(WithDoc.__doc__, WithDoc.f.__doc__)
a, b = WithDoc(), WithDoc()
a.x.append(3)
print(b.x, a.x is b.x)
a.x = [0]
print(a.x, b.x)
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
c = Counter()
c()
c()
print(c.n, callable(c), callable(Counter), callable(5))
def external(self):
    return "external " + str(self.n)
Counter.ext = external
print(c.ext())
c.inst_fn = lambda: "instance fn"
print(c.inst_fn())
class Chain:
    def __init__(self):
        self.ops = []
    def add(self, v):
        self.ops.append(v)
        return self
print(Chain().add(1).add(2).add(3).ops)
class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
head = None
for i in range(5):
    head = Node(i, head)
vals = []
while head:
    vals.append(head.val)
    head = head.next
print(vals)
print(Point(1, 2).__dict__, sorted(vars(Point(5)).items()))
try:
    Point()
except TypeError:
    print("TypeError init args")
class NoInit:
    pass
try:
    NoInit(1)
except TypeError:
    print("TypeError no init")
class InitReturns:
    def __init__(self):
        return None
print(type(InitReturns()).__name__)
print(type(Point) is type, type(type).__name__, isinstance(Point, type))
