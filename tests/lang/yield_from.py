# yield from delegation
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "outer-done"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))
def tree(n):
    if n == 0:
        yield "leaf"
        return
    yield "node%d" % n
    yield from tree(n - 1)
    yield from tree(n - 1)
print(list(tree(2)))
def thrower():
    try:
        yield "t1"
        yield "t2"
    except ValueError as e:
        yield "inner caught " + str(e)
    finally:
        print("thrower finally")
def deleg():
    v = yield from thrower()
    yield "after " + repr(v)
d = deleg()
print(next(d))
print(d.throw(ValueError("x")))
print(next(d))
print(list(d))
def closing():
    try:
        yield from thrower()
    finally:
        print("deleg finally")
c = closing()
next(c)
c.close()
print("closed")
def ret_only():
    return 42
    yield
def use_ret():
    v = yield from ret_only()
    yield v
print(list(use_ret()))
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
def from_iter():
    yield from It()
print(list(from_iter()))
def depth(n):
    if n:
        r = yield from depth(n - 1)
        return r + 1
    yield "bottom"
    return 0
dg = depth(50)
print(next(dg))
try:
    next(dg)
except StopIteration as e:
    print("depth", e.value)
def sender():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
def wrap():
    res = yield from sender()
    yield "total=%d" % res
w = wrap()
next(w)
for i in range(5):
    w.send(i)
print(w.send(None))
