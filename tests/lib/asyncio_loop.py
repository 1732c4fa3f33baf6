# asyncio's Loop (MicroPython): get_event_loop, new_event_loop,
# run_until_complete, create_task, run_forever and stop, close.
import asyncio

loop = asyncio.get_event_loop()
print("one loop", loop is asyncio.new_event_loop(), loop is asyncio.get_event_loop())


async def task(n):
    print("task", n)
    await asyncio.sleep_ms(10)
    return n * 2


async def background(name, n, ms):
    for i in range(n):
        print(name, i)
        await asyncio.sleep_ms(ms)


async def stopper(ms):
    await asyncio.sleep_ms(ms)
    print("stopping")
    loop.stop()
    loop.stop()  # a second stop does nothing


async def fails():
    await asyncio.sleep_ms(1)
    raise ValueError("from task")


print("result", loop.run_until_complete(task(1)))
t = loop.create_task(task(2))
print("result", loop.run_until_complete(t))

# run_forever runs the tasks until stop().
loop.create_task(background("bg", 3, 10))
loop.create_task(stopper(45))
loop.run_forever()
print("run_forever returned")

# A task still running when the loop stops goes on in the next run.
loop.create_task(background("left", 2, 30))
loop.create_task(stopper(15))
loop.run_forever()
print("run_forever returned")


async def wait(ms):
    await asyncio.sleep_ms(ms)
    return "waited"


print(loop.run_until_complete(wait(50)))

# run_until_complete raises what the task raises.
try:
    loop.run_until_complete(fails())
except ValueError as e:
    print("ValueError", e)

# run_forever also returns when no task is left.
loop.create_task(task(3))
loop.run_forever()
print("no task left")
loop.close()
