# asyncio's MicroPython extensions: sleep_ms, wait_for_ms, current_task,
# Task.data, generators as awaitables, errors.
import asyncio


async def ticker(name, n, ms):
    for i in range(n):
        print(name, i)
        await asyncio.sleep_ms(ms)
    return name


async def slow():
    try:
        await asyncio.sleep_ms(1000)
    finally:
        print("slow finally")


# A generator can be awaited, as MicroPython's coroutines are generators.
def gen_awaitable(x):
    yield from asyncio.sleep_ms(0)
    return x * 3


async def main():
    t = asyncio.create_task(ticker("a", 3, 20))
    r = await ticker("b", 2, 30)
    print("results", r, await t)

    print("wait_for_ms", await asyncio.wait_for_ms(ticker("c", 1, 5), 200))
    try:
        await asyncio.wait_for_ms(slow(), 20)
    except asyncio.TimeoutError:
        print("TimeoutError")

    # current_task is the Task running; Task has a data attribute.
    me = asyncio.current_task()
    print(type(me) is asyncio.Task, hasattr(me, "data"))

    async def who():
        return asyncio.current_task()

    t = asyncio.create_task(who())
    print("current in task", (await t) is t, t is not me)
    print("await generator", await gen_awaitable(5))

    # sleep_ms with a negative time is no sleep.
    await asyncio.sleep_ms(-5)
    print("negative sleep ok")

    # sleep and sleep_ms interleave by their times.
    async def s(name, sec):
        await asyncio.sleep(sec)
        print(name)

    ts = [asyncio.create_task(s("0.08", 0.08)), asyncio.create_task(s("0.01", 0.01))]
    await asyncio.sleep_ms(40)
    print("40 ms")
    for x in ts:
        await x

    try:
        asyncio.create_task(5)
    except TypeError as e:
        print("TypeError", e)
    try:
        me.cancel()
    except RuntimeError as e:
        print("RuntimeError", e)
    return "main"


print(asyncio.run(main()))
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError", e)
print(asyncio.get_event_loop(10, 10) is asyncio.get_event_loop())
