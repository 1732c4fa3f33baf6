# asyncio's exception handler (MicroPython's Loop): an exception ending a
# task that nothing awaits goes to the handler; one that is awaited, or a
# cancelled task, does not.
import asyncio

loop = asyncio.get_event_loop()
print("default", loop.get_exception_handler())


def handler(loop_arg, context):
    e = context["exception"]
    print("handler:", context["message"])
    print("  exception", type(e).__name__, e.args)
    print("  future is a Task", isinstance(context["future"], asyncio.Task), loop_arg is loop)


async def fails(msg, ms=0):
    await asyncio.sleep_ms(ms)
    raise ValueError(msg)


async def sleeps():
    await asyncio.sleep_ms(1000)


async def main():
    # Not awaited: the handler is called.
    asyncio.create_task(fails("not awaited"))
    await asyncio.sleep_ms(100)     # far longer than a slow emulator takes to run the task
    print("main goes on")
    # Awaited: no handler.
    t = asyncio.create_task(fails("awaited", 5))
    try:
        await t
    except ValueError as e:
        print("caught", e)
    # Cancelled and not awaited: no handler.
    t = asyncio.create_task(sleeps())
    await asyncio.sleep_ms(1)
    t.cancel()
    await asyncio.sleep_ms(50)
    print("cancelled", t.done())
    # In a gather: the exception goes to the gather, not the handler.
    try:
        await asyncio.gather(fails("gathered"), sleeps())
    except ValueError as e:
        print("gather raised", e)
    # Two unawaited failures: the handler is called for each.
    asyncio.create_task(fails("first"))
    asyncio.create_task(fails("second"))
    await asyncio.sleep_ms(100)


loop.set_exception_handler(handler)
print("set", loop.get_exception_handler() is handler)
asyncio.run(main())

# call_exception_handler calls the handler with the given context.
loop.call_exception_handler({"message": "custom", "exception": KeyError("k"), "future": None})

# Back to the default handler, which prints to stderr.
loop.set_exception_handler(None)


async def main2():
    asyncio.create_task(fails("to stderr"))
    await asyncio.sleep_ms(10)
    print("main2 done")


asyncio.run(main2())
