# The tick counters: ticks_ms/us/cpu in [0, 2**30), and ticks_add and
# ticks_diff computing modulo 2**30 with the spec's wrap-around formula
# (fixed values: no clock readings in the output).
import time
import utime

PERIOD = 2**30
HALF = 2**29
print(utime is time)

for read in (time.ticks_ms, time.ticks_us, time.ticks_cpu):
    t = read()
    print(type(t).__name__, 0 <= t < PERIOD)

print(time.ticks_add(0, 1), time.ticks_add(PERIOD - 1, 1), time.ticks_add(0, -1), time.ticks_add(5, -5))
print(time.ticks_add(100, HALF - 1), time.ticks_add(100, -HALF + 1), time.ticks_add(PERIOD + 5, 0))
print(time.ticks_add(-1, 0), time.ticks_add(123456789, 987654))

print(time.ticks_diff(5, 3), time.ticks_diff(3, 5), time.ticks_diff(0, PERIOD - 1), time.ticks_diff(PERIOD - 1, 0))
print(time.ticks_diff(HALF, 0), time.ticks_diff(0, HALF), time.ticks_diff(HALF - 1, 0), time.ticks_diff(0, HALF - 1))
print(time.ticks_diff(HALF + 1, 0), time.ticks_diff(7, 7), time.ticks_diff(PERIOD + 7, 3))

# ticks_diff undoes ticks_add for every delta ticks_add accepts.
ok = True
for t in (0, 1, 1000, HALF - 1, HALF, PERIOD - 2, PERIOD - 1):
    for d in (0, 1, -1, 999, -999, HALF - 1, -HALF + 1, 12345678, -12345678):
        u = time.ticks_add(t, d)
        ok = ok and 0 <= u < PERIOD and time.ticks_diff(u, t) == d and time.ticks_diff(t, u) == -d
print(ok)

# Readings go forward.
a = time.ticks_us()
b = time.ticks_us()
print(time.ticks_diff(b, a) >= 0)


def show(fn, *args):
    try:
        print('ok', fn(*args))
    except Exception as e:
        print(type(e).__name__, e)


show(time.ticks_add, 0, HALF)
show(time.ticks_add, 0, -HALF)
show(time.ticks_add, 0, 2**40)
show(time.ticks_add, 0, -2**70)
show(time.ticks_add, 0, 1.5)
show(time.ticks_add, 'a', 1)
show(time.ticks_diff, 1, None)
show(time.ticks_ms, 1)
