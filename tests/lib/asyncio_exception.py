# asyncio: a task's exception is raised in the task awaiting it, and in
# run(); exceptions caught inside tasks; exceptions across nested awaits.
import asyncio


async def fail(msg, d=0):
    await asyncio.sleep(d)
    raise ValueError(msg)


async def nested(depth):
    if depth == 0:
        await fail("deep")
    return await nested(depth - 1)


async def catches():
    try:
        await fail("caught inside")
    except ValueError as e:
        print("task caught", e)
        return "recovered"


async def main():
    t = asyncio.create_task(fail("in task", 0.01))
    try:
        await t
    except ValueError as e:
        print("awaiter got", repr(e))
    # Awaited again, the same exception.
    try:
        await t
    except ValueError as e:
        print("again", repr(e))
    print(t.done())
    try:
        await nested(5)
    except ValueError as e:
        print("nested", e)
    print(await asyncio.create_task(catches()))
    # A task ended before it is awaited still gives its exception.
    t = asyncio.create_task(fail("early"))
    await asyncio.sleep(0.01)
    print("done", t.done())
    try:
        await t
    except ValueError as e:
        print("late awaiter got", e)
    raise KeyError("from main")


try:
    asyncio.run(main())
except KeyError as e:
    print("run raised", repr(e))


async def zero():
    return 1 / 0


try:
    asyncio.run(zero())
except ZeroDivisionError:
    print("ZeroDivisionError")
