# asyncio.Event: wait before and after set, several waiters woken in
# order, clear, is_set, cancelling a waiter.
import asyncio


async def waiter(name, ev):
    print(name, "waiting")
    r = await ev.wait()
    print(name, "woken", r)


async def main():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    ts = [asyncio.create_task(waiter(n, ev)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    print("is_set", ev.is_set())
    for t in ts:
        await t
    # Once set, wait() returns at once.
    await waiter("w4", ev)
    ev.clear()
    print("is_set after clear", ev.is_set())

    # A waiter can be cancelled; the others still wake.
    a = asyncio.create_task(waiter("a", ev))
    b = asyncio.create_task(waiter("b", ev))
    await asyncio.sleep(0.01)
    a.cancel()
    await asyncio.sleep(0.01)
    ev.set()
    await b
    try:
        await a
    except asyncio.CancelledError:
        print("a cancelled")

    # A task can set the event another awaits.
    ev.clear()

    async def setter():
        await asyncio.sleep(0.02)
        print("setter sets")
        ev.set()

    asyncio.create_task(setter())
    await ev.wait()
    print("main woken")


asyncio.run(main())
