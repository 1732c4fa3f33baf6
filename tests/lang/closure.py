# closures
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(1))
def counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()
print(outer()())
def late():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late())
def early():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]
print(early())
def make_fs():
    def bind(i):
        return lambda: i * 10
    return [bind(i) for i in range(3)]
print([f() for f in make_fs()])
def shared():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
g, s = shared()
print(g())
s(42)
print(g())
def deep(a):
    def l1(b):
        def l2(c):
            def l3(d):
                return a + b + c + d
            return l3
        return l2
    return l1
print(deep(1)(10)(100)(1000))
def param_closure(x, *args, key="k", **kw):
    return lambda: (x, args, key, kw)
print(param_closure(1, 2, 3, key="z", extra=4)())
def rec_closure():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact
print(rec_closure()(10))
def gen_closure(n):
    def gen():
        for i in range(n):
            yield i * n
    return gen
print(list(gen_closure(3)()))
x = "global"
def shadow():
    x = "local"
    return (lambda: x)()
print(shadow(), x)
def cell_after_del():
    v = 1
    def f():
        return v
    del v
    try:
        f()
    except NameError:
        return "NameError"
print(cell_after_del())
class Holder:
    def method(self):
        val = self
        return lambda: val is self
print(Holder().method()())
def unbound():
    def f():
        return y
    try:
        f()
    except NameError:
        print("NameError free var")
    y = 1
unbound()
print(add5.__name__, make_adder.__name__, (lambda: 0).__name__)
