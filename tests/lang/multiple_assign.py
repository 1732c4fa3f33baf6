# chained assignment, swaps, nested targets
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, [t, u]] = ["s", ("t", "u")]
print(s, t, u)
i, j = j, i = 1, 2
print(i, j)
lst = [0, 1, 2]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
k = 0
k, lst[k] = 1, "one"
print(k, lst)
d = {}
d["a"] = d["b"] = 0
print(d)
class O:
    pass
o = O()
o.x = o.y = "same"
print(o.x, o.y)
v = w = 1
v += 1
print(v, w)
m = n = (1, 2)
print(m is n)
first, second = "ab"
print(first, second)
one, = [1]
(two,) = (2,)
[three] = {3}
print(one, two, three)
aa, (bb, *cc), dd = 1, (2, 3, 4), 5
print(aa, bb, cc, dd)
a = [1, 2, 3]
a[0], a[1:] = "x", ["y"]
print(a)
x1 = x2 = x3 = x4 = "chain"
print(x1 + x2 + x3 + x4)
g = h = iter(range(3))
print(next(g), next(h))
fib = [0, 1]
for _ in range(8):
    fib[0], fib[1] = fib[1], fib[0] + fib[1]
print(fib)
tmp = [1, 2]
tmp[0], tmp[1] = tmp[1], tmp[0]
print(tmp)
