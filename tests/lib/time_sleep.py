# Sleeping: each kind lasts at least what was asked and not much more
# (measured with the tick counters), negative ms and us do not sleep, and
# the errors.
import time

SLACK_MS = 150                  # a loaded machine or QEMU may be late


def lasted_ms(fn, arg):
    start = time.ticks_ms()
    fn(arg)
    return time.ticks_diff(time.ticks_ms(), start)


for fn, arg, want in ((time.sleep, 0.05, 50), (time.sleep, 0, 0), (time.sleep, 0.2, 200), (time.sleep, 1, 1000),
                      (time.sleep, True, 1000), (time.sleep_ms, 30, 30), (time.sleep_ms, 0, 0),
                      (time.sleep_ms, -5, 0), (time.sleep_us, 20000, 20), (time.sleep_us, -1, 0)):
    took = lasted_ms(fn, arg)
    print(arg, want <= took < want + SLACK_MS)

start = time.ticks_us()
time.sleep_us(700)
print(700 <= time.ticks_diff(time.ticks_us(), start) < 700 + SLACK_MS * 1000)


def show(fn, *args):
    try:
        print('ok', fn(*args))
    except Exception as e:
        print(type(e).__name__, e)


show(time.sleep, -1)
show(time.sleep, -0.5)
show(time.sleep, 'x')
show(time.sleep, None)
show(time.sleep_ms, 1.5)
show(time.sleep_us, 'x')
show(time.sleep_ms, 2**31)
show(time.sleep)
