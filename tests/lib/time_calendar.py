# time.localtime, gmtime and mktime over the board's clock: seconds since
# 2000-01-01 in a 32-bit word (negative values read as unsigned, beyond a
# word OverflowError), mktime the inverse of localtime, normalising fields
# out of range, and time/time_ns.
import time

for t in (0, 1, 59, 3600, 86399, 86400, 5097599, 5097600, 5184000, 31622399, 31622400,
          126230400, 788918400, 820454400, 2**30, 2**31 - 1, -2**31, -1, -86400):
    print(t, time.localtime(t))
print(time.gmtime(12345678) == time.localtime(12345678))

# mktime gives back what localtime took, as an unsigned 32-bit count.
for t in (0, 1, 86399, 5097600, 31622400, 425520000, 788918399, 2**31 - 1, 2**31, 2**32 - 1):
    tm = time.localtime(t - 2**32 if t >= 2**31 else t)
    print(tm[:6], time.mktime(tm) == t, time.mktime(tm + (0,)) == t, time.mktime(list(tm)) == t)
print(time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)), time.mktime((2024, 2, 29, 12, 30, 45, 3, 60, -1)))

# Fields out of their range carry into the next ones, both ways.
for fields in ((2020, 13, 1, 0, 0, 0), (2020, 0, 1, 0, 0, 0), (2020, -11, 1, 0, 0, 0), (2020, 25, 1, 0, 0, 0),
               (2021, 3, 0, 0, 0, 0), (2020, 3, 0, 0, 0, 0), (2020, 1, 400, 0, 0, 0), (2020, 1, -40, 0, 0, 0),
               (2020, 1, 1, 0, 0, -1), (2020, 1, 1, 0, 60, 0), (2020, 1, 1, 72, 0, 0), (2020, 1, 1, -1, -1, -1),
               (2020, 2, 29, 24, 0, 0), (2000, 1, 1, 0, 0, 1000000000), (1999, 12, 31, 23, 59, 59),
               (1990, 6, 15, 0, 0, 0), (2136, 2, 7, 6, 28, 15), (2136, 2, 7, 6, 28, 16)):
    t = time.mktime(fields + (0, 0))
    print(fields, t, time.localtime(t if t < 2**31 else t - 2**32))


def show(fn, *args):
    try:
        print('ok', fn(*args))
    except Exception as e:
        print(type(e).__name__, e)


show(time.localtime, 2**31)
show(time.localtime, -2**31 - 1)
show(time.localtime, 1.5)
show(time.localtime, 'x')
show(time.gmtime, 2**64)
show(time.mktime, (2000, 1, 1, 0, 0, 0, 0))
show(time.mktime, (2000, 1, 1, 0, 0, 0, 0, 0, 0, 0))
show(time.mktime, 5)
show(time.mktime, (2000, '1', 1, 0, 0, 0, 0, 0))
show(time.mktime, (2**40, 1, 1, 0, 0, 0, 0, 0))
show(time.mktime, (2000, 1, 1.5, 0, 0, 0, 0, 0))

# The clock itself.
now = time.time()
ns = time.time_ns()
print(type(now).__name__, type(ns).__name__, 0 <= ns // 10**9 - now <= 1)
print(len(time.localtime()), time.localtime()[0] >= 2000, time.localtime(None)[0] >= 2000)
