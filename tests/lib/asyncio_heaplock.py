# asyncio's scheduler allocates nothing once running: sleeping and
# switching between tasks work with the heap locked (MicroPython).
import asyncio
import micropython

log = []


async def other(n):
    for i in range(n):
        log[i] += 1  # an int in a list made beforehand: no allocation
        await asyncio.sleep_ms(1)
    while True:
        await asyncio.sleep_ms(1)


async def main():
    global log
    log = [0] * 10
    t = asyncio.create_task(other(10))
    await asyncio.sleep_ms(0)
    failed = 0
    for i in range(20):
        micropython.heap_lock()
        try:
            await asyncio.sleep_ms(1)
            await asyncio.sleep_ms(0)
        except MemoryError:
            failed += 1
        micropython.heap_unlock()
    print("MemoryError count", failed)
    print(log)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("other cancelled")


asyncio.run(main())
