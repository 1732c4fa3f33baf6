# argument binding errors: exact messages
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def tn(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)

def f0():
    pass
def f1(a):
    pass
def f2(a, b=1):
    pass
def fk(*, k):
    pass
def fk2(a, *, k, j=2):
    pass
def fv(a, *args):
    pass
def fpo(a, /, b):
    pass
def fkw(**kw):
    return kw
t(lambda: f0(1))
t(lambda: f0(1, 2))
t(lambda: f0(x=1))
t(lambda: f1())
t(lambda: f1(1, 2))
t(lambda: f1(b=1))
t(lambda: f1(1, a=2))
t(lambda: f2())
t(lambda: f2(1, 2, 3))
t(lambda: f2(1, c=3))
t(lambda: fk())
t(lambda: fk(1))
t(lambda: fk2(1))
t(lambda: fk2(1, 2))
t(lambda: fk2())
t(lambda: fv())
t(lambda: fv(k=1))
t(lambda: fpo(a=1, b=2))
t(lambda: fpo(1))
t(lambda: fkw(1))
t(lambda: fkw(**{1: 2}))
tn(lambda: fkw(**[1]))
tn(lambda: f1(*5))
tn(lambda: f1(*None))
tn(lambda: fkw(a=1, **{"a": 2}))
tn(lambda: fkw(**{"a": 1}, **{"a": 2}))
print(fkw(**{"a": 1}, b=2), fkw(**{}), fpo(1, b=2))
t(lambda: fkw(a=1, **{"b": 2}))
t(lambda: fkw(a=1, b=2, **{"c": 3}, d=4))
t(lambda: dict(a=1, **{"b": 2}))
print(fkw(**{"a-b": 1}), fkw(**{"": 1}))
class C:
    def m(self, x):
        return x
    @staticmethod
    def s(x):
        return x
    @classmethod
    def c(cls, x):
        return x
t(lambda: C().m())
t(lambda: C().m(1, 2))
t(lambda: C.s())
t(lambda: C.c())
t(lambda: C(1))
t(lambda: object(1))
class D:
    def __init__(self, a):
        self.a = a
t(lambda: D())
t(lambda: D(1, 2))
t(lambda: D(b=1))
t(lambda: len())
t(lambda: len(1, 2))
t(lambda: len(1))
t(lambda: abs())
t(lambda: abs("x"))
t(lambda: isinstance(1))
t(lambda: isinstance(1, 1))
t(lambda: issubclass(1, int))
t(lambda: getattr(1))
t(lambda: getattr(1, 2))
t(lambda: setattr(1, "x", 2))
t(lambda: divmod(1))
t(lambda: chr("a"))
t(lambda: ord("ab"))
t(lambda: ord(""))
t(lambda: ord(1))
t(lambda: iter(5))
t(lambda: next(5))
t(lambda: next([]))
t(lambda: min())
t(lambda: max(1))
t(lambda: sum(["a"]))
t(lambda: sum([1], "s"))
tn(lambda: (lambda a, b: 0)(1))
tn(lambda: (lambda: 0)(1))
t(lambda: print(sep=1))
t(lambda: "x".join())
t(lambda: [].append())
t(lambda: [].append(1, 2))
t(lambda: {}.get())
for obj in [None, 5, "s", [1], (), {}]:
    t(lambda: obj())
