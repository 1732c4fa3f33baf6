# generators: return value, close/throw, send errors, state, gi_ helpers avoided
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def g1():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return "done %s" % y
g = g1()
print(next(g), g.send(5))
try:
    g.send("Y")
except StopIteration as e:
    print("StopIteration", e.value, e.args)
t(lambda: next(g))
t(lambda: g.send(1))
g = g1()
t(lambda: g.send(1))
print(g.send(None))
def g2():
    try:
        yield 1
        yield 2
    finally:
        print("g2 cleanup")
g = g2()
print(next(g))
print(g.close(), g.close())
t(lambda: next(g))
g = g2()
print(g.close())
def g3():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        yield "bad"
g = g3()
next(g)
t(lambda: g.close())
def g4():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield "recovered"
    yield "after"
g = g4()
next(g)
print(g.throw(ValueError("boom")), next(g))
t(lambda: g.throw(KeyError("k")))
t(lambda: next(g))
g = g4()
t(lambda: g.throw(TypeError("unstarted")))
t(lambda: next(g))
def g5():
    return 42
    yield
g = g5()
try:
    next(g)
except StopIteration as e:
    print("immediate", e.value)
def g6():
    yield 1
    raise StopIteration("inside")
t(lambda: list(g6()))
def sub():
    v = yield "s1"
    print("sub got", v)
    return "sub result"
def outer():
    r = yield from sub()
    print("outer r", r)
    r2 = yield from [10, 20]
    print("r2", r2)
    return "outer done"
g = outer()
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def running():
    yield gen_self.send(None) if False else 1
    try:
        next(gen_self)
    except ValueError as e:
        yield "ValueError " + str(e)
gen_self = running()
print(list(gen_self))
def counter(n):
    i = 0
    while i < n:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
c = counter(5)
print(next(c), next(c), c.send("reset"), next(c), list(c))
ge = (x * x for x in range(4))
print(next(ge), list(ge), list(ge))
ge = (x for x in range(3))
ge.close()
t(lambda: next(ge))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
print(type(g1()).__name__, iter(f) is f, hasattr(f, "send"), hasattr(f, "__next__"))
def gen_with_return_in_finally():
    try:
        yield 1
    finally:
        return "fin"
g = gen_with_return_in_finally()
next(g)
t(lambda: g.close())
def lazy():
    print("started")
    yield 1
lz = lazy()
print("created")
print(next(lz))
