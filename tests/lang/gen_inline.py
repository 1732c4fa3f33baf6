# generators resumed by the loop itself: yield from / for / await chains
import sys

def leaf(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("leaf got", x)
    return "leaf-done"

def chain(depth, n):
    if depth == 0:
        r = yield from leaf(n)
    else:
        r = yield from chain(depth - 1, n)
    return r

# deep yield from: no C recursion
g = chain(100, 3)
print(list(g))
g = chain(60, 3)
print(next(g), g.send("a"), g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("StopIteration", e.value)

# deep recursive for-loops over generators
def tree(d):
    if d == 0:
        yield d
        return
    for v in tree(d - 1):
        yield v + 1
print(list(tree(100)))

# exceptions through a chain, caught at different levels
def raiser():
    yield 1
    raise ValueError("deep")

def middle():
    try:
        yield from raiser()
    except ValueError as e:
        print("middle caught", e)
        yield "recovered"
    yield "after"

print(list(middle()))

def outer_catch():
    yield from raiser()

try:
    for v in outer_catch():
        print("got", v)
except ValueError as e:
    print("outer caught", e)

# StopIteration inside a generator becomes RuntimeError (PEP 479)
def bad():
    yield 1
    raise StopIteration("x")

def wrap():
    yield from bad()

try:
    print(list(wrap()))
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
try:
    for v in bad():
        pass
except RuntimeError as e:
    print("RuntimeError in for", e)

# a generator that iterates itself
def selfish():
    yield 1
    for v in me:
        yield v
me = selfish()
try:
    print(list(me))
except ValueError as e:
    print("ValueError", e)

# send and throw through chains
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("echo closed with", received)
        raise
    finally:
        print("echo finally")

def relay():
    r = yield from echo()
    return r

g = relay()
print(next(g), g.send("p"), g.send("q"))
g.close()
print("closed")

def thrower():
    try:
        yield 1
    except KeyError as e:
        print("thrower caught", repr(e))
        yield 2
    yield 3

def relay2():
    yield from thrower()

g = relay2()
print(next(g), g.throw(KeyError("k")), next(g))

# exception state is kept across inline resumption
def catcher():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

try:
    raise IndexError("outer")
except IndexError:
    for v in catcher():
        print("seen", v, sys.exc_info()[0].__name__)
    try:
        raise
    except IndexError as e:
        print("re-raised", e)

# break out of a for over a generator, then finish it by hand
def counted():
    try:
        for i in range(5):
            yield i
    finally:
        print("counted finally")

g = counted()
for v in g:
    if v == 2:
        break
print("after break", next(g), list(g))

# return value of yield from a finished generator is None
def done():
    return 5
    yield

def use_done():
    d = done()
    first = yield from d
    second = yield from d
    return first, second

g = use_done()
try:
    next(g)
except StopIteration as e:
    print("values", e.value)

# generators calling functions that raise, handled inside the generator
def calls():
    for i in range(3):
        try:
            yield int("x" if i == 1 else str(i))
        except ValueError:
            yield "bad"

def nest():
    yield from calls()

print(list(nest()), [v for v in nest()])

# generator expressions over generators, nested deep
g = (x for x in range(5))
for _ in range(100):
    g = (x * 1 for x in g)
print(sum(g))
