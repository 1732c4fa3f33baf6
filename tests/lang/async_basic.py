# async def / await / async for / async with, driven by hand (no asyncio)
class Yield:
    """Awaitable that suspends once, handing a value to the driver."""
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield self.v
        return got
def run(coro, sends=None):
    """Drive a coroutine to completion; return (yielded values, result)."""
    yielded = []
    value = None
    while True:
        try:
            y = coro.send(value)
        except StopIteration as e:
            return yielded, e.value
        yielded.append(y)
        value = None if sends is None else sends.pop(0)
async def simple():
    return 42
print(run(simple()))
async def add(a, b):
    await Yield("adding")
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
print(run(main()))
async def echo():
    a = await Yield("first")
    b = await Yield("second")
    return a + b
print(run(echo(), ["A", "B"]))
c = simple()
print(type(c).__name__)
c.close()
class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Yield("tick %d" % self.i)
        self.i += 1
        return self.i * 10
async def use_afor():
    out = []
    async for v in ARange(3):
        out.append(v)
    else:
        out.append("else")
    return out
print(run(use_afor()))
class ACtx:
    def __init__(self, log):
        self.log = log
    async def __aenter__(self):
        self.log.append("aenter")
        await Yield("entering")
        return "ctx-value"
    async def __aexit__(self, t, v, tb):
        self.log.append("aexit " + (t.__name__ if t else "None"))
        await Yield("exiting")
        return True
async def use_awith():
    log = []
    async with ACtx(log) as v:
        log.append(v)
    async with ACtx(log):
        raise ValueError("suppressed")
    return log
print(run(use_awith()))
async def raiser():
    await Yield("before raise")
    raise KeyError("async error")
async def catcher():
    try:
        await raiser()
    except KeyError as e:
        return "caught " + repr(e)
print(run(catcher()))
async def thrown_into():
    try:
        await Yield("waiting")
    except RuntimeError as e:
        return "handled " + str(e)
co = thrown_into()
print(co.send(None))
try:
    co.throw(RuntimeError("injected"))
except StopIteration as e:
    print(e.value)
async def nested(n):
    if n == 0:
        return 0
    return n + await nested(n - 1)
print(run(nested(20)))
async def gather(*coros):
    results = []
    for c in coros:
        results.append(await c)
    return results
print(run(gather(add(1, 1), simple(), echo()), [None, "x", "y"]))
def scheduler(tasks):
    """Round-robin: each send advances one task to its next await."""
    order = []
    queue = [(name, t) for name, t in tasks]
    while queue:
        name, t = queue.pop(0)
        try:
            step = t.send(None)
            order.append("%s:%s" % (name, step))
            queue.append((name, t))
        except StopIteration as e:
            order.append("%s=%s" % (name, e.value))
    return order
async def worker(n):
    for i in range(n):
        await Yield(i)
    return n * 100
print(scheduler([("a", worker(2)), ("b", worker(3)), ("c", worker(0))]))
