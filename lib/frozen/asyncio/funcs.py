# SPDX-License-Identifier: MIT
# asyncio's functions over several awaitables: wait_for, wait_for_ms and
# gather.
from . import core


# Runs aw for wait_for and wakes the waiter (by cancelling its sleep) with
# the outcome in the CancelledError's args: (True, result) or
# (exception, None).
async def _run(waiter, aw):
    try:
        result = await aw
        status = True
    except BaseException as er:
        result = None
        status = er
    if waiter.data is None:
        # The waiter still sleeps.
        if waiter.cancel():
            waiter.data = core.CancelledError(status, result)


# wait_for(aw, timeout): aw's result, or TimeoutError (and aw cancelled)
# when it takes longer than timeout seconds.
async def wait_for(aw, timeout, sleep=core.sleep):
    aw = core._promote_to_task(aw)
    if timeout is None:
        return await aw

    runner_task = core.create_task(_run(core.cur_task, aw))

    try:
        await sleep(timeout)
    except core.CancelledError as er:
        status = er.args[0] if er.args else None
        if status is None:
            # Cancelled from outside: cancel aw too.
            runner_task.cancel()
            raise er
        elif status is True:
            return er.args[1]
        else:
            raise status

    # The time is up before aw ended.
    runner_task.cancel()
    await runner_task
    raise core.TimeoutError


# wait_for_ms(aw, timeout): the same with the timeout in milliseconds.
def wait_for_ms(aw, timeout):
    return wait_for(aw, timeout, core.sleep_ms)


# A gather task's data while it waits: cancel() finds something to call
# remove on, so it puts the task back on the run queue.
class _Remove:
    @staticmethod
    def remove(t):
        pass


# async gather(*aws, return_exceptions=False): the list of their results.
# Each awaitable runs as a task whose state is the callback `done`.
def gather(*aws, return_exceptions=False):
    if not aws:
        return []

    def done(t, er):
        # Sub-task t ended, raising er.
        nonlocal state
        if gather_task.data is not _Remove:
            # The gather task is already woken (by another sub-task's
            # exception, or cancelled).
            return
        elif not return_exceptions and not isinstance(er, StopIteration):
            state = er
        else:
            state -= 1
            if state:
                return
        core._task_queue.push(gather_task)

    ts = [core._promote_to_task(aw) for aw in aws]
    for i in range(len(ts)):
        if ts[i].state is not True:
            # Already ended or awaited.
            raise RuntimeError("can't gather")
        ts[i].state = done

    gather_task = core.cur_task
    state = len(ts)
    cancel_all = False

    gather_task.data = _Remove
    try:
        yield
    except core.CancelledError as er:
        cancel_all = True
        state = er

    for i in range(len(ts)):
        if ts[i].state is done:
            # Still running: detach, and cancel if gather was cancelled.
            ts[i].state = True
            if cancel_all:
                ts[i].cancel()
        elif isinstance(ts[i].data, StopIteration):
            ts[i] = ts[i].data.value
        else:
            # An exception, with return_exceptions.
            ts[i] = ts[i].data

    if state:
        raise state
    return ts
