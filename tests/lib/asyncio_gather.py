# asyncio.gather: results in order, exceptions, return_exceptions, tasks
# and coroutines mixed, cancelling a gather.
import asyncio


async def value_after(v, d):
    await asyncio.sleep(d)
    print("value", v)
    return v


async def fail_after(msg, d):
    await asyncio.sleep(d)
    print("raising", msg)
    raise ValueError(msg)


async def sleep_forever(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    # Results come in the order given, not the order of finishing.
    print(await asyncio.gather(value_after(1, 0.03), value_after(2, 0.01), value_after(3, 0.02)))
    print(await asyncio.gather())
    # Tasks and coroutines can be mixed.
    t = asyncio.create_task(value_after("t", 0.01))
    print(await asyncio.gather(t, value_after("c", 0)))

    # The first exception is raised; the others keep running.
    slow = asyncio.create_task(value_after("slow", 0.05))
    try:
        await asyncio.gather(fail_after("bad", 0.01), slow)
    except ValueError as e:
        print("gather raised", repr(e))
    print("slow done?", slow.done())
    print("slow result", await slow)

    # With return_exceptions the exceptions are results.
    r = await asyncio.gather(
        value_after(1, 0.01), fail_after("one", 0.02), fail_after("two", 0), return_exceptions=True
    )
    print([repr(x) for x in r])
    assert isinstance(r[1], ValueError) and r[1].args == ("one",)

    # Cancelling the task in gather cancels what it gathers.
    async def gatherer():
        await asyncio.gather(sleep_forever("g1"), sleep_forever("g2"))

    g = asyncio.create_task(gatherer())
    await asyncio.sleep(0.01)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")


asyncio.run(main())
