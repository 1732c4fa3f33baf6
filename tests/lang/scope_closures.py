# closures in loops, late binding, global/nonlocal edge cases, comprehension scoping
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
fs = []
for j in range(3):
    fs.append(lambda: j)
j = 99
print([f() for f in fs])
def make():
    acc = []
    for k in range(3):
        def g(k=k):
            return k * 10
        acc.append(g)
    return acc
print([g() for g in make()])
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get(), inc(), get())
def outer():
    x = "outer"
    def mid():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    r = mid()
    return r, x
print(outer())
g_val = "global"
def read_global():
    return g_val
def shadow():
    g_val = "local"
    return g_val, read_global()
print(shadow(), g_val)
def set_global():
    global g_val, new_global
    g_val = "set"
    new_global = "created"
set_global()
print(g_val, new_global)
def unbound():
    try:
        print(ub)
    except NameError as e:
        print(type(e).__name__)
    ub = 1
unbound()
def unbound_closure():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__)
    later = 5
    return inner()
print(unbound_closure())
x = "module x"
class K:
    x = "class x"
    y = [x for _ in range(1)]
    z = (lambda: x)()
    def m(self):
        return x
print(K.y, K.z, K().m())
print([v for v in range(3)], "v" in dir())
total = 0
data = [[1, 2], [3], []]
print([a for sub in data for a in sub], [[b * 2 for b in sub] for sub in data])
print({c: [c] * c for c in range(3)}, {n % 2 for n in range(5)} == {0, 1})
print([y for y in range(10) if y % 2 if y > 3], [(p, q) for p in range(3) for q in range(p)])
n = 10
print([n for n in range(3)], n)
print([(lambda: w)() for w in range(3)])
funcs = [(lambda: m) for m in range(3)]
print([f() for f in funcs])
def gen_scope():
    a = 1
    g = (a + b for b in range(3))
    a = 100
    return list(g)
print(gen_scope())
def default_time():
    vals = []
    for q in range(3):
        vals.append((lambda q=q, r=q * 2: (q, r))())
    return vals
print(default_time())
def deep(n):
    if n == 0:
        return lambda: "bottom"
    f = deep(n - 1)
    return lambda: "%d>%s" % (n, f())
print(deep(5)())
def nonlocal_loop():
    fns = []
    count = 0
    for _ in range(3):
        def bump():
            nonlocal count
            count += 1
            return count
        fns.append(bump)
    return [f() for f in fns], count
print(nonlocal_loop())
def param_closure(p):
    def r():
        return p
    p = p * 2
    return r
print(param_closure(4)())
print((lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 3, 5, d=6, f=7))
print((lambda *, k=1: k)(), (lambda: (yield))().__class__.__name__)
