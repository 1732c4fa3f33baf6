# lambda expressions
sq = lambda x: x * x
print(sq(7), (lambda: "noargs")(), (lambda a, b=2: a * b)(3), (lambda *a: sum(a))(1, 2, 3))
print((lambda **k: sorted(k))(b=1, a=2), (lambda a, *, b: a - b)(10, b=3))
print(sorted([3, -1, 2], key=lambda v: -v), list(map(lambda x: x + 1, [1, 2])))
print(list(filter(lambda s: len(s) > 1, ["a", "bb", "ccc"])))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(12))
adders = [(lambda n: (lambda x: x + n))(i) for i in range(3)]
print([a(10) for a in adders])
print((lambda x: (lambda y: x + y))(1)(2), (lambda: (yield))().__class__.__name__)
t = (lambda: 1, lambda: 2)
print(t[1](), type(sq).__name__, sq.__name__)
d = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}
print(d["add"](3, 4), d["sub"](3, 4))
print((lambda x, y: (x, y))(y=1, x=2), (lambda: [i for i in range(3)])())
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(5), cond(0), cond(-5))
print((lambda s: s[::-1])("lambda"), (lambda: None)() is None)
