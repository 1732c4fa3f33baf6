# iterator protocol with classes, exhaustion, re-iteration, iter(callable, sentinel), StopIteration in generators
class CountDown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
c = CountDown(3)
print(list(c), list(c), next(c, "exhausted"))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable([1, 2, 3])
print(list(r), list(r), sum(r), max(r), sorted(r, reverse=True), [x * y for x in r for y in r][:4])
class GenIter:
    def __iter__(self):
        yield "a"
        yield "b"
print(list(GenIter()), "".join(GenIter()), dict(enumerate(GenIter())), set(GenIter()) == {"a", "b"})
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return chr(97 + i)
print(list(OldStyle()), "b" in OldStyle(), "z" in OldStyle(), [*OldStyle()], tuple(OldStyle()))
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, None))
it = iter(range(5))
for v in it:
    if v == 1:
        break
print(list(it))
it = iter("abcdef")
pairs = list(zip(it, it))
print(pairs)
def stop_inside():
    yield 1
    next(iter([]))
    yield 2
try:
    print(list(stop_inside()))
except RuntimeError as e:
    print("RuntimeError", e)
class NextRaisesStop:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(99)
print(list(NextRaisesStop()), [x for x in NextRaisesStop()])
def delegate():
    r = yield from NextRaisesStop()
    yield r
print(list(delegate()))
m = map(lambda x: x * 2, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(None, [0, 1, 2])
print(iter(f) is f, list(f))
z = zip("ab", "cd")
print(iter(z) is z, list(z))
e = enumerate("xy")
print(iter(e) is e, list(e))
rv = reversed([1, 2, 3])
print(iter(rv) is rv, next(rv), list(rv))
ri = iter(range(3))
print(iter(ri) is ri, list(ri))
data = [1, 2, 3, 4]
out = []
for x in data:
    out.append(x)
    if x == 2:
        data.append(5)
print(out)
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
class Infinite:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        return self.i
inf = Infinite()
res = []
for v in inf:
    if v > 5:
        break
    res.append(v)
print(res, next(inf))
print(list(zip(Infinite(), "abc")), any(v > 100 for v in Infinite()))
def chain(*its):
    for i in its:
        yield from i
print(list(chain([1], (2, 3), "ab", range(2), {"k": 1}, CountDown(2))))
class IterNoNext:
    def __iter__(self):
        return self
try:
    for _ in IterNoNext():
        pass
except TypeError as e:
    print("TypeError", e)
