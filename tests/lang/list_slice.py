# list slicing: read, assign, delete
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-7], a[-5:-2])
print(a[::2], a[1::3], a[::-1], a[::-3], a[8:2:-2], a[2:8:-1])
print(a[100:], a[-100:2], a[5:2], a[3:3], a[-1:-5:-1])
b = a[:]
b[2:5] = ["x"]
print(b)
b[0:0] = [-2, -1]
print(b)
b[len(b):] = [98, 99]
print(b)
b[1:3] = []
print(b)
b[:] = "abc"
print(b)
c = list(range(10))
c[::2] = [0] * 5
print(c)
c[1::2] = range(100, 105)
print(c)
c[::-1] = c[:]
print(c)
try:
    c[::2] = [1, 2]
except ValueError:
    print("ValueError")
d = list(range(10))
del d[::3]
print(d)
del d[1:3]
print(d)
del d[-1]
print(d)
del d[:]
print(d)
e = list(range(6))
e[2:4] = e
print(e)
f = [1, 2, 3]
f[5:] = [9]
print(f)
f[-10:1] = ["start"]
print(f)
g = list(range(20))
print(g[3:17:4], g[-1:0:-5], g[::-7], g[19:-21:-6])
h = [0, 1, 2, 3]
h[1:1] = [5, 6]
print(h)
s = "abcdefgh"
t = (0, 1, 2, 3, 4, 5)
print(s[1:6:2], s[::-2], t[1:4], t[::-1], t[-2:], type(t[1:3]).__name__)
print(a[slice(1, 4)], a[slice(None, None, -4)])
