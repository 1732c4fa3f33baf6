# uasyncio, MicroPython's old name for asyncio, is the same module.
import uasyncio
import asyncio

print(uasyncio is asyncio)
print(uasyncio.Event is asyncio.Event, uasyncio.sleep_ms is asyncio.sleep_ms)


async def main():
    ev = uasyncio.Event()

    async def setter():
        await uasyncio.sleep_ms(10)
        ev.set()

    uasyncio.create_task(setter())
    await ev.wait()
    return "done"


print(uasyncio.run(main()))
from uasyncio import gather, Lock

print(gather is asyncio.gather, Lock is asyncio.Lock)
try:
    asyncio.no_such_name
except AttributeError:
    print("AttributeError")
