# coroutines driven by hand: await chains, async with/for, return values, exceptions
class Yielder:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        r = yield self.v
        return r * 2 if r is not None else "none"
async def leaf(v):
    r = await Yielder(v)
    return ("leaf", r)
async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]
def run(coro, sends):
    out = []
    try:
        v = coro.send(None)
        out.append(v)
        for s in sends:
            v = coro.send(s)
            out.append(v)
    except StopIteration as e:
        out.append(("return", e.value))
    return out
print(run(middle(), [10, 20]))
print(run(middle(), [None, None]))
class ACM:
    def __init__(self, log):
        self.log = log
    async def __aenter__(self):
        self.log.append("aenter")
        await Yielder("in-aenter")
        return "resource"
    async def __aexit__(self, et, ev, tb):
        self.log.append(("aexit", et.__name__ if et else None))
        return et is KeyError
async def use_acm(log, exc):
    async with ACM(log) as r:
        log.append(r)
        if exc:
            raise exc("x")
    return "finished"
for exc in [None, KeyError, ValueError]:
    log = []
    try:
        print(run(use_acm(log, exc), [1, 2, 3]), log)
    except ValueError as e:
        print("ValueError escaped", log)
class AIter:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Yielder("tick%d" % self.i)
        return self.i * 10
async def consume():
    total = []
    async for v in AIter(3):
        total.append(v)
    else:
        total.append("else")
    return total
print(run(consume(), [0, 0, 0, 0]))
async def raiser():
    await Yielder("before")
    raise RuntimeError("inside coroutine")
c = raiser()
print(c.send(None))
try:
    c.send(1)
except RuntimeError as e:
    print("RuntimeError", e)
async def catches():
    try:
        await Yielder("waiting")
    except ValueError as e:
        return "caught " + str(e)
c = catches()
print(c.send(None))
try:
    c.throw(ValueError("thrown"))
except StopIteration as e:
    print(e.value)
async def plain():
    return 42
c = plain()
print(type(c).__name__ in ("coroutine", "generator"))
try:
    c.send(None)
except StopIteration as e:
    print("plain returned", e.value)
c = plain()
c.close()
async def awaits_non_awaitable():
    await 5
try:
    awaits_non_awaitable().send(None)
except TypeError as e:
    print("TypeError")
async def nested_calls(n):
    if n == 0:
        return 0
    return 1 + await nested_calls(n - 1)
print(run(nested_calls(50), []))
