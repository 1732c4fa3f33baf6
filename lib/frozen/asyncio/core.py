# SPDX-License-Identifier: MIT
# asyncio's scheduler, as MicroPython's: Task, the run queue, the I/O queue
# and the loop that runs them.
#
# A task is a coroutine and its place in one queue. The run queue holds the
# tasks that can run and those that sleep, ordered by the time they are due
# (ticks_ms, compared with ticks_diff so that the clock may wrap). A task
# waiting for an event, a lock or another task sits in that object's queue
# instead (a TaskQueue too), and a task waiting for a stream is in the I/O
# queue, which asks select.poll which streams are ready. The loop runs the
# first task whose time has come and otherwise sleeps in poll until the
# next one is due or a stream becomes ready.
#
# A coroutine gives control back by yielding None to the loop, from deep
# inside the awaitables it waits on (sleep_ms, Event.wait, ...), after it
# has put its task in the queue that will wake it. `Task.data` says where
# a waiting task is, so that cancel() can take it out: a queue (any object
# with a remove method), the Task it awaits, or None when it is on the run
# queue; a task on the run queue whose data is an exception has it thrown
# in when it runs (CancelledError after cancel()).
#
# Task.state says how it is doing: True while it runs and nothing awaits
# it, a TaskQueue of the tasks awaiting it, a callable to call when it ends
# (gather), None when it has ended and nothing has taken its result yet,
# and False when something has.
#
# RAM: a Task is an instance with five attributes; the queues are linked
# lists through Task.ph_next, so queueing allocates nothing.

from time import ticks_ms as ticks, ticks_diff, ticks_add
import sys, select


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


# Made once rather than at every use.
_excs_stop = (CancelledError, StopIteration)

# Given to Loop.call_exception_handler; one dict, reused.
_exc_context = {"message": "Task exception wasn't retrieved", "exception": None, "future": None}


# ---- queues of tasks ------------------------------------------------------------------


# Tasks in the order of their ph_key (a ticks_ms time), first in first out
# among equal keys. A sorted linked list: on a microcontroller there are
# few tasks, and the usual push (a key not before the last one) is at the
# tail, in constant time.
class TaskQueue:
    def __init__(self):
        self.heap = None  # the first task (MicroPython's name)
        self.tail = None

    def peek(self):
        return self.heap

    def push(self, v, key=None):
        v.data = None
        v.ph_key = key = ticks() if key is None else key
        tail = self.tail
        if tail is None:
            v.ph_next = None
            self.heap = self.tail = v
        elif ticks_diff(key, tail.ph_key) >= 0:
            v.ph_next = None
            tail.ph_next = v
            self.tail = v
        else:
            prev = None
            t = self.heap
            while ticks_diff(key, t.ph_key) >= 0:
                prev = t
                t = t.ph_next
            v.ph_next = t
            if prev is None:
                self.heap = v
            else:
                prev.ph_next = v

    def pop(self):
        v = self.heap
        self.heap = v.ph_next
        if self.heap is None:
            self.tail = None
        v.ph_next = None
        return v

    def remove(self, v):
        prev = None
        t = self.heap
        while t is not None:
            if t is v:
                if prev is None:
                    self.heap = t.ph_next
                else:
                    prev.ph_next = t.ph_next
                if self.tail is t:
                    self.tail = prev
                t.ph_next = None
                return
            prev = t
            t = t.ph_next


class Task:
    def __init__(self, coro, globals=None):
        self.coro = coro  # the coroutine this task runs
        self.data = None  # the queue it waits in, or what it raised or returned
        self.state = True  # see the top of the file
        self.ph_key = 0  # when it is due, while on the run queue
        self.ph_next = None  # the next task in its queue

    # `await task`: yields once while the task runs, then raises its
    # StopIteration (the result) or exception in the awaiting coroutine.
    def __await__(self):
        if not self.state:
            # Finished: its result is taken.
            self.state = False
        elif self.state is True:
            # The first task to await this one makes its queue of waiters.
            self.state = TaskQueue()
        elif type(self.state) is not TaskQueue:
            # A gather() holds it.
            raise RuntimeError("can't wait")
        return self

    __iter__ = __await__

    def __next__(self):
        if not self.state:
            raise self.data
        # Wait in this task's queue, linked both ways for cancel().
        self.state.push(cur_task)
        cur_task.data = self

    def done(self):
        return not self.state

    def cancel(self):
        if not self.state:
            return False
        if self is cur_task:
            raise RuntimeError("can't cancel self")
        # A task awaiting another is cancelled where it actually waits.
        while isinstance(self.data, Task):
            self = self.data
        if hasattr(self.data, "remove"):
            # Waiting in another queue: back on the run queue, to run now.
            self.data.remove(self)
            _task_queue.push(self)
        elif ticks_diff(self.ph_key, ticks()) > 0:
            # Sleeping on the run queue: bring it forward to now.
            _task_queue.remove(self)
            _task_queue.push(self)
        self.data = CancelledError
        return True


# ---- sleeping -------------------------------------------------------------------------


# What sleep_ms returns: one object for every sleep, so that sleeping
# allocates nothing. Awaited, it yields once (after putting the task on the
# run queue at its wake-up time), then ends.
class SingletonGenerator:
    def __init__(self):
        self.state = None
        self.exc = StopIteration()

    def __await__(self):
        return self

    __iter__ = __await__

    def __next__(self):
        if self.state is not None:
            _task_queue.push(cur_task, self.state)
            self.state = None
            return None
        self.exc.__traceback__ = None
        raise self.exc


# sleep_ms(t): pause the task for t milliseconds (MicroPython's extension).
def sleep_ms(t, sgen=SingletonGenerator()):
    assert sgen.state is None
    sgen.state = ticks_add(ticks(), t if t > 0 else 0)  # (max() would allocate)
    return sgen


# sleep(t): pause the task for t seconds.
def sleep(t):
    return sleep_ms(int(t * 1000))


# ---- waiting for streams --------------------------------------------------------------


# The streams tasks wait on, and the poll object that watches them. map
# takes id(stream) to [task waiting to read, task waiting to write, stream].
class IOQueue:
    def __init__(self):
        self.poller = select.poll()
        self.map = {}

    def _enqueue(self, s, idx):
        if id(s) not in self.map:
            entry = [None, None, s]
            entry[idx] = cur_task
            self.map[id(s)] = entry
            self.poller.register(s, select.POLLIN if idx == 0 else select.POLLOUT)
        else:
            sm = self.map[id(s)]
            assert sm[idx] is None
            assert sm[1 - idx] is not None
            sm[idx] = cur_task
            self.poller.modify(s, select.POLLIN | select.POLLOUT)
        # The task's queue is this one, for cancel().
        cur_task.data = self

    def _dequeue(self, s):
        del self.map[id(s)]
        self.poller.unregister(s)

    def queue_read(self, s):
        self._enqueue(s, 0)

    def queue_write(self, s):
        self._enqueue(s, 1)

    def remove(self, task):
        while True:
            del_s = None
            for k in self.map:
                q0, q1, s = self.map[k]
                if q0 is task or q1 is task:
                    del_s = s
                    break
            if del_s is None:
                break
            self._dequeue(del_s)

    # Waits up to dt ms (-1: no limit) for a stream to be ready, and puts
    # the tasks waiting on the ready streams on the run queue.
    def wait_io_event(self, dt):
        for s, ev in self.poller.ipoll(dt):
            sm = self.map[id(s)]
            if ev & ~select.POLLOUT and sm[0] is not None:
                # Readable, or an error: wake the reader.
                _task_queue.push(sm[0])
                sm[0] = None
            if ev & ~select.POLLIN and sm[1] is not None:
                # Writable, or an error: wake the writer.
                _task_queue.push(sm[1])
                sm[1] = None
            if sm[0] is None and sm[1] is None:
                self._dequeue(s)
            elif sm[0] is None:
                self.poller.modify(s, select.POLLOUT)
            else:
                self.poller.modify(s, select.POLLIN)


# ---- the loop -------------------------------------------------------------------------


def _promote_to_task(aw):
    return aw if isinstance(aw, Task) else create_task(aw)


# create_task(coro): a Task that runs coro, scheduled to start now.
def create_task(coro):
    if not hasattr(coro, "send"):
        raise TypeError("coroutine expected")
    t = Task(coro)
    _task_queue.push(t)
    return t


# A task has ended, raising er (StopIteration when it returned): wakes
# what waits on it; one that ended with an exception nothing waits on goes
# back on the run queue, where the exception handler will be told of it
# unless something awaits the task first. The main task of
# run_until_complete counts as awaited (its caller gets the result).
def _task_done(t, er, main=False):
    waiting = main
    if t.state is True:
        t.state = False if main else None
    elif callable(t.state):
        t.state(t, er)
        t.state = False
        waiting = True
    else:
        while t.state.peek():
            _task_queue.push(t.state.pop())
            waiting = True
        t.state = False
    if not waiting and not isinstance(er, _excs_stop):
        _task_queue.push(t)
    t.data = er


# Runs tasks until main_task ends (giving its result or raising its
# exception), or, without one, until no task is left.
def run_until_complete(main_task=None):
    global cur_task
    excs_all = (CancelledError, Exception)  # made once, not per task switch
    while True:
        # Wait for the first task to be due, or for a stream.
        dt = 1
        while dt > 0:
            dt = -1
            t = _task_queue.peek()
            if t:
                dt = ticks_diff(t.ph_key, ticks())
                if dt < 0:
                    dt = 0
            elif not _io_queue.map:
                cur_task = None
                return
            _io_queue.wait_io_event(dt)

        t = _task_queue.pop()
        cur_task = t
        if not t.state:
            # An ended task, back for its unretrieved exception.
            if t.state is None:
                _exc_context["exception"] = t.data
                _exc_context["future"] = t
                Loop.call_exception_handler(_exc_context)
                _exc_context["exception"] = _exc_context["future"] = None
            continue
        try:
            # The coroutine runs until it waits again (it has put its task
            # in a queue by then) or ends.
            exc = t.data
            if not exc:
                t.coro.send(None)
            else:
                t.data = None
                t.coro.throw(exc)
        except excs_all as er:
            if t is main_task:
                # (MicroPython leaves the main task not done.)
                _task_done(t, er, True)
                cur_task = None
                if isinstance(er, StopIteration):
                    return er.value
                raise er
            _task_done(t, er)


# run(coro): runs coro as the main task until it ends; its result.
def run(coro):
    return run_until_complete(create_task(coro))


# ---- the event loop object ------------------------------------------------------------


async def _stopper():
    pass


cur_task = None
_stop_task = None


# There is one loop: the class itself, whose methods are plain functions.
class Loop:
    _exc_handler = None

    def create_task(coro):
        return create_task(coro)

    def run_forever():
        global _stop_task
        _stop_task = Task(_stopper())
        run_until_complete(_stop_task)

    def run_until_complete(aw):
        return run_until_complete(_promote_to_task(aw))

    def stop():
        global _stop_task
        if _stop_task is not None:
            _task_queue.push(_stop_task)
            _stop_task = None

    def close():
        pass

    def set_exception_handler(handler):
        Loop._exc_handler = handler

    def get_exception_handler():
        return Loop._exc_handler

    def default_exception_handler(loop, context):
        print(context["message"], file=sys.stderr)
        print("future:", context["future"], "coro=", context["future"].coro, file=sys.stderr)
        sys.print_exception(context["exception"], sys.stderr)

    def call_exception_handler(context):
        (Loop._exc_handler or Loop.default_exception_handler)(Loop, context)


# The arguments are for old uasyncio programs.
def get_event_loop(runq_len=0, waitq_len=0):
    return Loop


def current_task():
    if cur_task is None:
        raise RuntimeError("no running event loop")
    return cur_task


# new_event_loop(): empties the queues; the loop is still Loop.
def new_event_loop():
    global _task_queue, _io_queue
    _task_queue = TaskQueue()
    _io_queue = IOQueue()
    return Loop


new_event_loop()
