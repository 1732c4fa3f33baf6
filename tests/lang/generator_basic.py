# generator basics
def gen(n):
    for i in range(n):
        yield i
g = gen(3)
print(type(g).__name__, next(g), next(g), next(g), next(g, "exhausted"))
print(list(gen(5)), sum(gen(101)), list(gen(0)))
def stateful():
    print("started")
    x = yield "first"
    print("resumed")
    yield "second"
    print("ending")
s = stateful()
print("created")
print(next(s))
print(next(s))
print(next(s, "stop"))
def inf():
    n = 0
    while True:
        yield n
        n += 1
print([v for v, _ in zip(inf(), range(5))])
def early_return(flag):
    yield 1
    if flag:
        return
    yield 2
print(list(early_return(True)), list(early_return(False)))
def gen_with_try():
    try:
        yield 1
        raise ValueError("inside gen")
    except ValueError as e:
        yield "handled " + str(e)
    yield 3
print(list(gen_with_try()))
def raises():
    yield 1
    raise KeyError("k")
r = raises()
print(next(r))
try:
    next(r)
except KeyError as e:
    print("KeyError", e)
print(next(r, "dead"))
def stop_iteration_inside():
    yield 1
    raise StopIteration
try:
    print(list(stop_iteration_inside()))
except RuntimeError:
    print("RuntimeError from StopIteration")
it = gen(3)
print(iter(it) is it, list(it), list(it))
def pipeline():
    nums = (x for x in range(20))
    evens = (x for x in nums if x % 2 == 0)
    squares = (x * x for x in evens)
    return list(squares)
print(pipeline())
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def gen_locals(a, *args, k=1):
    total = a + k
    for v in args:
        total += v
        yield total
print(list(gen_locals(1, 2, 3, k=10)))
class Tree:
    def __init__(self, v, kids=()):
        self.v = v
        self.kids = kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), 3 in t, max(t))
def running():
    yield g2.__name__ if False else "ok"
g2 = running()
print(next(g2), running.__name__)
z = zip(gen(3), "abc")
print(list(z))
