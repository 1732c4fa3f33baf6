# machine.RTC: the calendar on the wall clock, the user memory, ALARM0.
# Needs no simulated pins (it runs on QEMU too).
import machine
import time
from machine import RTC

r = RTC()
print(RTC() is r, RTC.ALARM0)
r.datetime((2000, 1, 1, 0, 0, 0, 0, 0))
print(r.datetime()[:7])
r.datetime((2024, 2, 29, 6, 23, 59, 58, 250))   # the weekday given is ignored
d = r.datetime()
print(d[:6], d[6] in (58, 59))
print(time.localtime()[:3])
for date in ((2023, 12, 31), (2024, 3, 1), (2099, 12, 31), (2037, 6, 15), (2001, 1, 1)):
    r.datetime(date + (0, 12, 0, 0, 0))
    print(r.datetime()[:5])
r.datetime((2030, 5, 6, 0, 7, 8, 9, 999))
print(r.datetime()[:7])
for bad in ((2020, 1, 1), [2020] * 9, None):
    try:
        r.datetime(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)

# The memory keeps up to 492 bytes.
print(r.memory() in (b"", b"abc"))
r.memory(b"abc")
print(r.memory())
r.memory(bytearray(range(200)) + bytes(292))
m = r.memory()
print(len(m), m[:4], m[-1])
r.memory(b"")
print(r.memory())
try:
    r.memory(bytes(493))
except ValueError as e:
    print("ValueError:", e)

# ALARM0: relative, in ms; alarm_left counts down to 0.
r.alarm(RTC.ALARM0, 100000)
left = r.alarm_left()
print(99000 <= left <= 100000, 99000 <= r.alarm_left(0) <= 100000)
r.alarm(0, 0)
print(r.alarm_left())
r.irq(trigger=RTC.ALARM0, wake=machine.DEEPSLEEP)
for f in (lambda: r.alarm(1, 5), lambda: r.irq(trigger=1, wake=4), lambda: r.irq(wake=4),
          lambda: r.irq(trigger=0), lambda: RTC(1), lambda: r.alarm_left(2)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
