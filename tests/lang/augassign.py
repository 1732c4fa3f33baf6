# augmented assignment
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
x **= 3
print(x)
y = 7.5
y /= 2
y -= 0.75
print(y)
b = 0b1100
b &= 0b1010
b |= 0b0001
b ^= 0b1111
b <<= 3
b >>= 1
print(b)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l2 = l
l += [2, 3]
print(l, l2, l is l2)
l *= 2
print(l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
d = {"k": 1}
d["k"] += 10
d["n"] = d.get("n", 0) + 1
print(d)
class C:
    v = 1
c = C()
c.v += 1
print(c.v, C.v)
C.v *= 10
print(C.v)
m = [[1, 2], [3, 4]]
m[1][0] += 100
m[-1][-1] -= 4
print(m)
calls = []
def idx():
    calls.append("idx")
    return 0
def cont():
    calls.append("cont")
    return m
cont()[idx()][0] += 1
print(calls, m)
big = 2 ** 60
big += big
big *= big
print(big)
ba = bytearray(b"x")
ba += b"yz"
print(ba)
st = {1}
st |= {2}
st -= {1}
print(st)
n = 5
n += n * 2
print(n)
z = 1
for _ in range(10):
    z <<= 2
print(z)
f = 1
f /= 4
print(f, type(f).__name__)
s2 = [3]
s2 += "ab"
print(s2)
try:
    undefined_var += 1
except NameError:
    print("NameError")
def local_aug():
    try:
        q += 1
    except UnboundLocalError:
        return "UnboundLocalError"
print(local_aug())
