# select and uselect: poll objects and select.select(), over objects written
# in Python with an ioctl(request, arg) method (request 3 is MP_STREAM_POLL,
# arg the events wanted; the answer is the events ready, or -errno).
import select
import uselect
import micropython

POLL = 3


class Pollable:
    """Ready for the events in `ready` from its `after`+1-th poll on."""

    def __init__(self, name, ready, after=0):
        self.name = name
        self.ready = ready
        self.after = after
        self.calls = 0
        self.asked = []

    def ioctl(self, request, arg):
        self.calls += 1
        self.asked.append((request, arg))
        if self.calls <= self.after:
            return 0
        return self.ready & arg

    def __repr__(self):
        return self.name


print(select is uselect)
print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)

# ---- poll(): timeouts ----
a = Pollable("a", select.POLLIN, after=3)
p = select.poll()
p.register(a, select.POLLIN)
print(p.poll(0), a.calls, a.asked)
print(p.poll(0), a.calls)
print(p.poll(1000), a.calls)      # ready at the 4th poll, well before 1000 ms
a.calls = 0
print(p.poll(None), a.calls)      # no timeout: waits until ready
a.calls = 0
print(p.poll(-1), a.calls)        # negative: no timeout either
a.calls = 0
print(p.poll(), a.calls)

never = Pollable("never", select.POLLIN, after=10**9)
q = select.poll()
q.register(never)
print(q.poll(5), never.calls >= 2)   # rounds 1 ms apart until 5 ms have passed
print(never.asked[0])                # registered without a mask: POLLIN | POLLOUT

# ---- several objects, register again, modify, unregister ----
b = Pollable("b", select.POLLOUT)
c = Pollable("c", select.POLLIN | select.POLLOUT)
p = select.poll()
p.register(b)
p.register(c, select.POLLIN)
print(p.poll(0))
p.register(c, select.POLLOUT)     # registering again replaces the mask
print(p.poll(0))
p.modify(c, select.POLLIN | select.POLLOUT)
print(p.poll(0))
p.modify(b, 0)
print(p.poll(0))
p.unregister(c)
print(p.poll(0))
p.unregister(c)                   # not registered: nothing happens
print(p.unregister(Pollable("x", 0)))
try:
    p.modify(c, select.POLLIN)
except OSError as e:
    print("OSError", e.errno)

# ---- ipoll: an iterator of one reused tuple; the one-shot flag ----
d = Pollable("d", select.POLLIN)
e = Pollable("e", select.POLLOUT)
p = select.poll()
p.register(d)
p.register(e)
it = p.ipoll(0)
print(it is p)
results = []
for t in it:
    results.append(t)
    print(t)
print(results[0] is results[1])
print(list(p.ipoll(0)))
print([(t[0], t[1]) for t in p.ipoll(0, 1)])   # one-shot: reported, then polled for nothing
print(p.poll(0), d.asked[-1], e.asked[-1])
p.modify(d, select.POLLIN)
print(p.poll(0, 1))
print(p.poll(0))
print(list(p.ipoll(0)))                    # empty
p.register(e, select.POLLOUT)
print(p.poll(0))

# ---- ioctl answers ----
class Failing:
    def __init__(self, answer):
        self.answer = answer

    def ioctl(self, request, arg):
        return self.answer


p = select.poll()
p.register(Failing(-5))
try:
    p.poll(0)
except OSError as e:
    print("OSError", e.errno)
p = select.poll()
p.register(Failing(None))
try:
    p.poll(0)
except TypeError:
    print("TypeError")
p = select.poll()
p.register(Failing(select.POLLHUP))
print(p.poll(0)[0][1])                     # HUP and ERR come whatever was asked


class Leaving:
    """Unregisters itself while being polled."""

    def __init__(self, poller):
        self.poller = poller

    def ioctl(self, request, arg):
        self.poller.unregister(self)
        return select.POLLIN


p = select.poll()
leaving = Leaving(p)
p.register(leaving)
p.register(b)
print(p.poll(0))
print(p.poll(0))

# ---- callbacks scheduled with micropython.schedule run while poll waits ----
class Scheduling:
    def __init__(self):
        self.calls = 0
        self.ready = False

    def ioctl(self, request, arg):
        self.calls += 1
        if self.calls == 2:
            micropython.schedule(self.set_ready, 7)
        return select.POLLIN if self.ready else 0

    def set_ready(self, arg):
        print("scheduled", arg)
        self.ready = True

    def __repr__(self):
        return "sched"


p = select.poll()
p.register(Scheduling())
print(p.poll(-1))

# ---- errors ----
p = select.poll()
for bad in (1, "s", None, object()):
    try:
        p.register(bad)
    except TypeError as e:
        print("TypeError", e)
print(p.poll(0))
try:
    p.poll("x")
except TypeError:
    print("TypeError timeout")
try:
    p.register()
except TypeError:
    print("TypeError register()")
try:
    select.poll(1)
except TypeError:
    print("TypeError poll(1)")

# ---- select.select ----
r = Pollable("r", select.POLLIN)
w = Pollable("w", select.POLLOUT)
rw = Pollable("rw", select.POLLIN | select.POLLOUT)
print(select.select([r, w, rw], [r, w, rw], [], 0))
print(select.select((r,), (), (w,), 0))
print(rw.asked[-1])
print(select.select([rw], [rw], [rw], 0), rw.asked[-1])    # one poll of all three masks
slow = Pollable("slow", select.POLLIN, after=2)
print(select.select([slow], [], [], 1), slow.calls)
slow.calls = 0
print(select.select([slow], [], [], None), slow.calls)
never.calls = 0
print(select.select([never], [], [], 0.005), never.calls >= 2)
print(select.select([], [], [], 0))
hup = Failing(select.POLLHUP)
print(select.select([hup], [], [], 0)[2] == [hup])
try:
    select.select({r}, [], [])
except TypeError as e:
    print("TypeError", e)
try:
    select.select([1], [], [])
except TypeError as e:
    print("TypeError", e)
try:
    select.select([], [], [], "1")
except TypeError:
    print("TypeError timeout")
