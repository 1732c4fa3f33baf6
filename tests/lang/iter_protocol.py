# iteration protocol
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c), sorted(c), 2 in c, sum(c))
class OnePass:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
o = OnePass()
print(list(o), list(o))
a, b, c = OnePass()
print(a, b, c)
print(dict(zip("abc", OnePass())), list(enumerate(OnePass())), tuple(OnePass()))
class GetItem:
    def __getitem__(self, i):
        if i < 4:
            return "v%d" % i
        raise IndexError(i)
print(list(GetItem()), "v2" in GetItem(), [x for x in GetItem()])
print(list(iter("ab")), list(iter((1,))), list(iter({"k": 1})), sorted(iter({3, 1})))
d = {"x": 1, "y": 2}
di = iter(d.items())
print(next(di), next(di), next(di, None))
r = reversed([1, 2, 3])
print(next(r), list(r))
m = map(lambda v: v * 2, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(None, [0, 1, 2])
print(next(f), list(f))
z = zip([1, 2], [3, 4])
print(next(z), list(z))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"))
try:
    iter(5)
except TypeError:
    print("TypeError not iterable")
try:
    next([1, 2])
except TypeError:
    print("TypeError not an iterator")
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError:
    print("TypeError bad __iter__")
def gen():
    yield from [1, 2]
g = gen()
for v in g:
    print("loop", v)
print(list(g))
x = [1, 2, 3]
total = 0
for v in x:
    total += v
    if v == 1:
        x.pop()
print(total, x)
s = iter("hello")
print("".join(s), "".join(s) == "")
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), list(map(max, [1, 5], [4, 2])))
