# asyncio.wait_for: result in time, TimeoutError, the awaitable cancelled
# on timeout (its finally runs), exceptions passed through, no timeout.
import asyncio


async def slow(name, d, result):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
        return result
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


async def fails():
    await asyncio.sleep(0.01)
    raise KeyError("k")


async def waits_long():
    return await asyncio.wait_for(slow("long", 10, 0), 5)


async def main():
    print("result", await asyncio.wait_for(slow("quick", 0.01, 42), 1))
    try:
        await asyncio.wait_for(slow("late", 1, 0), 0.02)
    except asyncio.TimeoutError:
        print("TimeoutError")
    try:
        await asyncio.wait_for(fails(), 1)
    except KeyError as e:
        print("KeyError", e)
    print("no timeout", await asyncio.wait_for(slow("none", 0, 7), None))
    # A task can be given; it is cancelled on timeout.
    t = asyncio.create_task(slow("task", 1, 0))
    try:
        await asyncio.wait_for(t, 0.01)
    except asyncio.TimeoutError:
        print("task timed out, done:", t.done())
    # Cancelling a wait_for from outside cancels what it waits for.
    w = asyncio.create_task(waits_long())
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("outer wait_for cancelled")
    # TimeoutError is an Exception.
    print(issubclass(asyncio.TimeoutError, Exception))


asyncio.run(main())
