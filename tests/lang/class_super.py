# super()
class A:
    def __init__(self, v):
        self.v = v
        self.trail = ["A"]
    def f(self):
        return "A.f"
    @classmethod
    def make(cls):
        return cls.__name__ + " via A.make"
    @staticmethod
    def st():
        return "A.st"
class B(A):
    def __init__(self, v):
        super().__init__(v * 2)
        self.trail.append("B")
    def f(self):
        return "B.f+" + super().f()
    @classmethod
    def make(cls):
        return "B:" + super().make()
class C(B):
    def __init__(self):
        super(C, self).__init__(5)
        self.trail.append("C")
    def f(self):
        return "C.f+" + super().f()
    def skip(self):
        return super(B, self).f()
c = C()
print(c.v, c.trail, c.f(), c.skip(), C.make(), super(C, c).st())
class D(A):
    def f(self):
        fn = lambda: super(D, self).f()
        return "D:" + fn()
    def g(self):
        def inner():
            return "inner"
        return inner() + "/" + super().f()
    def gen(self):
        yield super().f()
print(D(1).f(), D(1).g(), list(D(1).gen()))
class Cnt:
    def __init__(self):
        self.calls = []
class M1(Cnt):
    def __init__(self):
        super().__init__()
        self.calls.append("M1")
class M2(Cnt):
    def __init__(self):
        super().__init__()
        self.calls.append("M2")
class M3(M1, M2):
    def __init__(self):
        super().__init__()
        self.calls.append("M3")
print(M3().calls)
class LBase(list):
    def append(self, x):
        super().append(x * 10)
lb = LBase()
lb.append(1)
lb.append(2)
print(lb, len(lb))
class WithAttr(A):
    def __init__(self):
        super().__init__(0)
    def __getattr__(self, name):
        return "dyn " + name
w = WithAttr()
print(w.v, w.nothing)
class Prop(A):
    @property
    def pv(self):
        return super().f() + " prop"
print(Prop(0).pv)
class S(A):
    def __init__(self, v):
        super().__init__(v)
s = S(7)
print(s.v, s.trail)
try:
    super(int, s)
except TypeError:
    print("TypeError")
