# asyncio: run, sleep ordering, create_task, awaiting tasks and results.
import asyncio


async def worker(name, n, delay):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(delay)
    return name * 2


async def returns_at_once(x):
    return x + 1


async def main():
    # Two tasks interleaving by their sleep times (a at 0, 10 and 20 ms, b at
    # 0 and 100 ms: far enough apart for a loaded machine or an emulator).
    t = asyncio.create_task(worker("a", 3, 0.01))
    r = await worker("b", 2, 0.1)
    print("b returned", r)
    print("a returned", await t, t.done())
    # A task already finished is awaited again, and a new task is not done
    # before it runs.
    print("again", await t)
    t2 = asyncio.create_task(returns_at_once(1))
    print("done before run", t2.done())
    await asyncio.sleep(0)
    print("done after run", t2.done(), await t2)
    # Awaiting a coroutine directly runs it in the awaiting task.
    print("direct", await returns_at_once(10))
    # sleep(0) lets the tasks made before run, in the order made.
    for c in "xyz":
        asyncio.create_task(worker(c, 1, 0))
    print("before sleep(0)")
    await asyncio.sleep(0)
    print("after sleep(0)")
    # Sleeps of different lengths end in order of length.
    order = []

    async def sleeper(d):
        await asyncio.sleep(d)
        order.append(d)

    ts = [asyncio.create_task(sleeper(d)) for d in (0.15, 0.01, 0.08, 0)]
    for t in ts:
        await t
    print(order)
    assert order == [0, 0.01, 0.08, 0.15]
    return "main result"


print(asyncio.run(main()))
print(asyncio.run(returns_at_once(41)))

# A task run by run_until_complete is done afterwards, and awaiting it in
# another task gives its result.
loop = asyncio.new_event_loop()
t = loop.create_task(returns_at_once(1))
print(loop.run_until_complete(t), t.done())


async def awaits(t):
    return await t


print(loop.run_until_complete(awaits(t)))
loop.close()
