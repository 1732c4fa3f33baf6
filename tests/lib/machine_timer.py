# machine.Timer (one-shot and periodic, callbacks run between bytecodes and
# during sleeps) and machine.WDT.
import machine
import time
from machine import Timer, WDT

print(Timer.ONE_SHOT, Timer.PERIODIC)

ticks = []
t = Timer(-1)
print(repr(t).startswith("Timer("))
t.init(period=20, mode=Timer.PERIODIC, callback=lambda tim: ticks.append(tim))
once = []
t1 = Timer(1)
t1.init(mode=Timer.ONE_SHOT, period=50, callback=lambda tim: once.append(time.ticks_ms()))
start = time.ticks_ms()
time.sleep_ms(205)
t.deinit()
print(4 <= len(ticks) <= 14, all(x is t for x in ticks))
print(len(once), 45 <= time.ticks_diff(once[0], start) <= 205)
n = len(ticks)
time.sleep_ms(60)
print(len(ticks) == n, len(once))

# A busy loop sees the callbacks too (they run at backward jumps).
hits = []
t.init(period=10, callback=lambda tim: hits.append(1))
end = time.ticks_add(time.ticks_ms(), 100)
while time.ticks_diff(end, time.ticks_ms()) > 0:
    pass
t.deinit()
print(len(hits) >= 3)

# freq= overrides period; tick_hz gives the period's unit; init again restarts.
hits = []
t.init(freq=100, callback=lambda tim: hits.append(1))
time.sleep_ms(105)
t.init(period=30000, tick_hz=1000000, mode=Timer.ONE_SHOT, callback=lambda tim: hits.append(2))
time.sleep_ms(100)
t.deinit()
print(3 <= hits.count(1) <= 12, hits.count(2))

# A timer without a callback does nothing; deinit twice is fine.
t.init(period=5)
time.sleep_ms(20)
t.deinit()
t.deinit()

# machine.lightsleep runs callbacks as time.sleep does.
hits = []
t.init(period=10, callback=lambda tim: hits.append(1))
machine.lightsleep(60)
t.deinit()
print(len(hits) >= 2)

# An exception in a callback comes out of the code that was running.
t.init(period=5, mode=Timer.ONE_SHOT, callback=lambda tim: 1 / 0)
try:
    time.sleep_ms(50)
except ZeroDivisionError:
    print("ZeroDivisionError from the callback")

for f in (lambda: Timer(), lambda: Timer(-1, period=5), lambda: Timer(1, 2),
          lambda: t.init(mode=5), lambda: t.init(period=-1), lambda: t.init(freq=0),
          lambda: t.init(periods=5)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

# The watchdog: one, with the fixed timeout; fed, it stays quiet.
for f in (lambda: WDT(1), lambda: WDT(timeout=2000)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
w = WDT()
print(WDT(0, 5000) is w)
for i in range(3):
    time.sleep_ms(10)
    w.feed()
print("fed")
