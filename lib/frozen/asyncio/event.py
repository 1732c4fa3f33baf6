# SPDX-License-Identifier: MIT
# asyncio.Event and MicroPython's ThreadSafeFlag.
from . import core


# An event tasks can wait for; set() wakes them all and leaves it set
# until clear().
class Event:
    def __init__(self):
        self.state = False
        self.waiting = core.TaskQueue()  # the tasks in wait()

    def is_set(self):
        return self.state

    # Only from the task running the loop: not from an interrupt handler
    # (use ThreadSafeFlag there).
    def set(self):
        while self.waiting.peek():
            core._task_queue.push(self.waiting.pop())
        self.state = True

    def clear(self):
        self.state = False

    # async wait(): True once the event is set. A generator, which espy's
    # await takes as MicroPython's does.
    def wait(self):
        if not self.state:
            self.waiting.push(core.cur_task)
            core.cur_task.data = self.waiting  # for cancel()
            yield
        return True


# A flag that may be set from outside the loop (an interrupt handler, a
# micropython.schedule callback): set() only stores an int, allocating
# nothing. The loop sees it as a stream that is readable while the flag is
# set: select.poll takes any object with an ioctl method (MicroPython's
# derives from io.IOBase for that; here it would only cost RAM). Unlike
# Event, wait() clears it.
class ThreadSafeFlag:
    def __init__(self):
        self.state = 0

    def ioctl(self, req, flags):
        if req == 3:  # STREAM_POLL
            return self.state * flags
        return -1

    def set(self):
        self.state = 1

    def clear(self):
        self.state = 0

    async def wait(self):
        if not self.state:
            yield core._io_queue.queue_read(self)
        self.state = 0
