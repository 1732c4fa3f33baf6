# SPDX-License-Identifier: MIT
# asyncio.Lock: a mutex for tasks.
from . import core


class Lock:
    def __init__(self):
        # 0 unlocked, 1 locked, or the Task that release() chose to take it
        # next (unlocked until that task runs).
        self.state = 0
        self.waiting = core.TaskQueue()  # the tasks in acquire()

    def locked(self):
        return self.state == 1

    def release(self):
        if self.state != 1:
            raise RuntimeError("Lock not acquired")
        if self.waiting.peek():
            # Hand the lock to the first waiting task.
            self.state = self.waiting.pop()
            core._task_queue.push(self.state)
        else:
            self.state = 0

    # async acquire(): True once the lock is the task's.
    def acquire(self):
        if self.state != 0:
            self.waiting.push(core.cur_task)
            core.cur_task.data = self.waiting  # for cancel()
            try:
                yield
            except core.CancelledError as er:
                if self.state == core.cur_task:
                    # Chosen but cancelled before running: pass the lock on.
                    self.state = 1
                    self.release()
                raise er
        self.state = 1
        return True

    async def __aenter__(self):
        return await self.acquire()

    async def __aexit__(self, exc_type, exc, tb):
        return self.release()
