# asyncio.ThreadSafeFlag (MicroPython): wait until set, set before wait,
# wait clears the flag, set from a scheduled callback (as an interrupt
# handler would) and without allocating.
import asyncio
import micropython


async def waiter(name, flag):
    print(name, "waiting")
    await flag.wait()
    print(name, "woken")


def irq_handler(flag):
    print("callback sets the flag")
    flag.set()


async def main():
    flag = asyncio.ThreadSafeFlag()
    t = asyncio.create_task(waiter("w1", flag))
    await asyncio.sleep_ms(10)
    print("setting")
    flag.set()
    await t

    # Set before the wait: wait returns at once, and clears the flag.
    flag.set()
    flag.set()
    await waiter("w2", flag)
    t = asyncio.create_task(waiter("w3", flag))
    await asyncio.sleep_ms(20)
    print("w3 still waiting", not t.done())
    flag.set()
    await t

    # clear() undoes a set().
    flag.set()
    flag.clear()
    t = asyncio.create_task(waiter("w4", flag))
    await asyncio.sleep_ms(20)
    print("w4 still waiting", not t.done())

    # set() allocates nothing: it works with the heap locked.
    micropython.heap_lock()
    flag.set()
    micropython.heap_unlock()
    await t

    # Set from a callback scheduled while the loop waits.
    t = asyncio.create_task(waiter("w5", flag))
    await asyncio.sleep_ms(10)
    micropython.schedule(irq_handler, flag)
    await t

    # Cancelling a task waiting on the flag.
    t = asyncio.create_task(waiter("w6", flag))
    await asyncio.sleep_ms(10)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("w6 cancelled")
    # Nothing is left waiting for the flag.
    print("I/O queue empty", not asyncio.core._io_queue.map)


asyncio.run(main())
print("end")
