# order of evaluation: assignments, calls, subscripts, attribute stores
log = []
def t(label, value=None):
    log.append(label)
    return value if value is not None else label
def show(title):
    print(title, log)
    log.clear()
class Tracer:
    def __init__(self, name):
        object.__setattr__(self, "name", name)
    def __setitem__(self, k, v):
        log.append("%s[%s]=%s" % (self.name, k, v))
    def __getitem__(self, k):
        log.append("%s[%s]" % (self.name, k))
        return 1
    def __setattr__(self, n, v):
        log.append("%s.%s=%s" % (self.name, n, v))
    def __getattr__(self, n):
        log.append("%s.%s" % (self.name, n))
        return 10
    def __iadd__(self, o):
        log.append("%s+=%s" % (self.name, o))
        return self
A = Tracer("A")
B = Tracer("B")
t("obj", A)[t("key")] = t("value")
show("subscript store:")
t("obj", A).attr = t("value")
show("attribute store:")
t("a", A)[t("k1")], t("b", B)[t("k2")] = t("v1"), t("v2")
show("tuple store:")
t("a", A).x = t("b", B).y = t("rhs")
show("chained store:")
t("obj", A)[t("key")] += t("inc", 5)
show("aug subscript:")
t("obj", A).fld += t("inc", 5)
show("aug attribute:")
def f(*args, **kwargs):
    log.append("call")
    return args, kwargs
t("func", f)(t("p1"), t("p2"), *[t("star")], k=t("kv"), **{"z": t("dstar")})
show("call args:")
{t("k1"): t("v1"), t("k2"): t("v2")}
show("dict display:")
[t("e1"), t("e2"), *[t("e3")]]
show("list display:")
t("left", 1) + t("right", 2) * t("third", 3)
show("binary ops:")
t("a", 1) < t("b", 2) < t("c", 3)
show("chained compare:")
t("x", 0) or t("y", 0) or t("z", 1)
show("boolean or:")
t("cond", 1) and t("then") if t("test", 1) else t("else")
show("conditional:")
t("container", [10, 20])[t("index", 1)]
show("subscript load:")
t("s", "abcdef")[t("lo", 1):t("hi", 4):t("step", 2)]
show("slice load:")
def deco(name):
    log.append("deco " + name)
    def d(fn):
        log.append("apply " + name)
        return fn
    return d
@deco("first")
@deco("second")
def decorated(a=t("default")):
    pass
show("decorators:")
class Base1:
    pass
class Derived(t("base", Base1)):
    t("class body")
show("class def:")
x = [t("comp %d" % i) for i in range(2)]
show("comprehension:")
obj = Tracer("O")
obj[t("a")], obj[t("b")] = obj[t("c")], obj[t("d")]
show("swap-like:")
g = t("outer", {"inner": {"deep": 7}})[t("k1", "inner")][t("k2", "deep")]
show("nested subscripts:")
def kwonly(*, a, b):
    return a, b
kwonly(b=t("b-arg"), a=t("a-arg"))
show("keyword order:")
print(kwonly(b=1, a=2))
i = 0
arr = [0, 0, 0]
i, arr[i] = 1, 5
print(i, arr)
class Counter:
    n = 0
    def next(self):
        Counter.n += 1
        return Counter.n
c = Counter()
print([c.next(), c.next(), c.next()], c.next() - c.next(), (c.next(), c.next()))
s = "%d-%d" % (c.next(), c.next())
print(s, f"{c.next()}{c.next()}")
