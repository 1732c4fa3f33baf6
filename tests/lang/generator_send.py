# generator send / throw / close
def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            if v == "stop":
                return received
    finally:
        print("echo finally")
g = echo()
print(next(g))
print(g.send("a"), g.send("b"), g.send(None))
try:
    g.send("stop")
except StopIteration as e:
    print("StopIteration", e.value)
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
a = acc()
a.send(None)
for i in range(1, 5):
    print(a.send(i), end=" ")
print()
try:
    next(a)
except StopIteration as e:
    print("done", e.value, e.args)
b = acc()
try:
    b.send(5)
except TypeError:
    print("TypeError non-None first send")
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", e)
            yield "recovered"
c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
print(next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
print(list(c))
def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("closer finally")
d = closer()
print(next(d))
d.close()
d.close()
print(list(d))
e = closer()
e.close()
print("closed before start")
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
f = bad_close()
next(f)
try:
    f.close()
except RuntimeError:
    print("RuntimeError yield in close")
def gen_ret():
    yield 1
    return "ret"
h = gen_ret()
print(next(h))
try:
    next(h)
except StopIteration as s:
    print("value", s.value)
try:
    next(h)
except StopIteration as s:
    print("again", s.value)
def running():
    yield me.send(None) if False else 1
me = running()
print(list(me))
def fib():
    a, b = 0, 1
    while True:
        reset = yield a
        if reset:
            a, b = 0, 1
        else:
            a, b = b, a + b
fg = fib()
print([next(fg) for _ in range(8)], fg.send(True), next(fg), next(fg))
