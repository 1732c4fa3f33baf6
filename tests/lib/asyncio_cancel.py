# asyncio: Task.cancel, CancelledError inside the task, finally blocks.
import asyncio


async def sleeper(name, d):
    try:
        print(name, "sleeping")
        await asyncio.sleep(d)
        print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


async def catcher():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("catcher caught the cancel")
    return "catcher went on"


async def never_started():
    print("never printed")


async def waits_on(t):
    try:
        return await t
    finally:
        print("waits_on finally")


async def main():
    t = asyncio.create_task(sleeper("s1", 10))
    await asyncio.sleep(0.01)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError")
    print("done", t.done(), "cancel again", t.cancel())

    # A task cancelled before it starts never runs.
    t = asyncio.create_task(never_started())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled before start")

    # A task may catch the cancel and return normally.
    t = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)

    # Cancelling a task that awaits another task cancels the one awaited.
    inner = asyncio.create_task(sleeper("inner", 10))
    outer = asyncio.create_task(waits_on(inner))
    await asyncio.sleep(0.01)
    outer.cancel()
    for x in (outer, inner):
        try:
            await x
        except asyncio.CancelledError:
            print("CancelledError from", "outer" if x is outer else "inner")

    # CancelledError is not an Exception.
    C = asyncio.CancelledError
    print(issubclass(C, Exception), issubclass(C, BaseException))
    # A finished task cannot be cancelled.
    t = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    t.cancel()
    await t
    print("cancel finished", t.cancel())


asyncio.run(main())
