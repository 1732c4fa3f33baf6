# evaluation order: arguments, displays, subscripts, augmented assignment, chained comparisons
log = []
def v(x, tag=None):
    log.append(tag if tag is not None else x)
    return x
def show(label):
    print(label, log)
    log.clear()
def f(*a, **k):
    return a, k
f(v(1), v(2), *[v(3)], k=v(4), **{"z": v(5)})
show("call")
try:
    exec("f(v(1), v(2), k=v(3), *[v(4)], **{'z': v(5)})")
except SyntaxError:
    print("SyntaxError")
show("call kw before star")
[v(1), v(2), *[v(3)]]
show("list")
{v("k1"): v("v1"), v("k2"): v("v2")}
show("dict")
{v(1), v(2)}
show("set")
d = {}
d[v("key")] = v("value")
show("assign subscript")
class O:
    pass
o = O()
v(o, "obj").attr = v(5, "val")
show("assign attr")
lst = [0, 0]
lst[v(0, "idx")] += v(1, "rhs")
show("aug subscript")
def get_list():
    log.append("get_list")
    return lst
get_list()[v(1, "i")] += 10
show("aug once")
print(lst)
v(1) < v(2) < v(3)
show("chain")
v(3) < v(2) < v(1)
show("chain short")
v(0) and v(1)
v(1) or v(2)
v(0) or v(None, "none") or v(3)
show("bool ops")
x = v(1) if v(True, "cond") else v(2)
show("ternary")
a, b = v(1), v(2)
show("tuple assign")
v(2) ** v(3) ** v(2, "two")
show("pow right assoc")
print(2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 2 ** -1, -(2 ** -1))
v(1) + v(2) * v(3)
show("precedence")
lst2 = [v(i) for i in range(3) if v(i % 2, "cond%d" % i)]
show("comprehension")
{v("k"): v("v") for _ in range(1)}
show("dictcomp")
def dflt(a=v("default")):
    return a
show("def time")
dflt()
show("call time")
s = v("s")[v(0, "i"):v(1, "j")]
show("slice")
class Cls(v(object, "base")):
    log.append("body")
show("class")
lam = lambda: v("lam body")
show("lambda not run")
i = 0
items = [10, 20, 30]
i, items[i] = 1, 99
print(i, items)
x = [1, 2, 3]
x[x.index(2)], x[0] = x[0], x[1] if False else 7
print(x)
y = z = []
y.append(1)
print(z, y is z)
n = 5
n += n * 2
print(n)
m = [1]
m += m
print(m)
t = (1,)
t += (2,)
print(t)
ss = "a"
ss *= 3
print(ss)
(p := 10, q := p + 1)
print(p, q)
print([w := k * 2 for k in range(3)], w)
print((lambda: [u := 5, u + 1])())
print(f(v("a"), *(v("b"), v("c")), v("d")))
show("star middle")
