# asyncio.Lock: contention between tasks (first come first served),
# async with, locked(), release of an unlocked lock, cancel while waiting.
import asyncio


async def worker(name, lock, log):
    async with lock:
        log.append(name + " in")
        print(name, "has the lock", lock.locked())
        await asyncio.sleep(0.01)
        log.append(name + " out")


async def holder(lock, d):
    await lock.acquire()
    try:
        print("holder acquired")
        await asyncio.sleep(d)
    finally:
        lock.release()
        print("holder released")


async def main():
    lock = asyncio.Lock()
    print("locked", lock.locked())
    log = []
    ts = [asyncio.create_task(worker(n, lock, log)) for n in ("t1", "t2", "t3")]
    for t in ts:
        await t
    print(log)
    # No two workers inside at once.
    assert log == ["t1 in", "t1 out", "t2 in", "t2 out", "t3 in", "t3 out"]
    print("locked", lock.locked())

    try:
        lock.release()
    except RuntimeError:
        print("RuntimeError on release")

    # acquire() returns True.
    print("acquire", await lock.acquire())
    lock.release()

    # A task waiting for the lock is cancelled; the next one gets it.
    h = asyncio.create_task(holder(lock, 0.03))
    await asyncio.sleep(0)
    w1 = asyncio.create_task(worker("w1", lock, log))
    w2 = asyncio.create_task(worker("w2", lock, log))
    await asyncio.sleep(0.01)
    w1.cancel()
    await h
    await w2
    try:
        await w1
    except asyncio.CancelledError:
        print("w1 cancelled")
    print("locked", lock.locked())

    # An exception inside async with releases the lock.
    try:
        async with lock:
            raise ValueError("inside")
    except ValueError as e:
        print("ValueError", e, "locked", lock.locked())


asyncio.run(main())
