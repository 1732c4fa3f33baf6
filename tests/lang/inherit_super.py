# inheritance: super() in diamonds, cooperative __init__, overriding, subclassing builtins
class A:
    def __init__(self):
        print("A.__init__")
        self.trail = ["A"]
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()
        self.trail.append("B")
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def __init__(self):
        print("C.__init__")
        super().__init__()
        self.trail.append("C")
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def __init__(self):
        print("D.__init__")
        super().__init__()
        self.trail.append("D")
    def chain(self):
        return ["D"] + super().chain()
d = D()
print(d.trail, d.who(), d.chain(), [k.__name__ for k in D.__mro__] if hasattr(D, "__mro__") else "")
print(isinstance(d, A), issubclass(D, C), issubclass(D, (int, B)), D.__bases__ == (B, C), B.__base__ is A if hasattr(B, "__base__") else True)
class E(D):
    def who(self):
        return "E>" + super().who()
print(E().who())
class Explicit(B):
    def chain(self):
        return ["X"] + super(B, self).chain()
print(Explicit().chain())
class MyList(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = "x"
    def append(self, v):
        super().append(v * 2)
    def total(self):
        return sum(self)
ml = MyList([1, 2])
ml.append(5)
ml.extend([7])
print(ml, len(ml), ml.total(), ml.extra, ml[1:], type(ml[1:]).__name__, isinstance(ml, list), ml == [1, 2, 10, 7])
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
md = MyDict()
md["KEY"] = 1
print(md["key"], md["Key"], dict(md), "key" in md, len(md))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
ms = MyStr("hi")
print(ms.shout(), ms + "x", type(ms + "x").__name__, len(ms), ms == "hi", repr(ms), hash(ms) == hash("hi"))
class MyInt(int):
    def __repr__(self):
        return "MyInt(%s)" % int.__repr__(self)
    def double(self):
        return MyInt(self * 2)
mi = MyInt(21)
print(mi, repr(mi), mi.double(), mi + 1, type(mi + 1).__name__, isinstance(mi, int), mi == 21, str(mi))
class MyTuple(tuple):
    pass
mt = MyTuple((1, 2))
print(mt, len(mt), mt[0], type(mt).__name__, mt == (1, 2), mt + (3,))
class MyExc(KeyError):
    pass
try:
    raise MyExc("mk")
except KeyError as e:
    print(type(e).__name__, repr(e), str(e), e.args)
class Base:
    def template(self):
        return "base:" + self.hook()
    def hook(self):
        return "base hook"
class Derived(Base):
    def hook(self):
        return "derived hook"
print(Derived().template(), Base().template())
class WithNew:
    def __new__(cls, *a):
        print("__new__", cls.__name__, a)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        print("__init__", v)
        self.v = v
class SubNew(WithNew):
    pass
w = SubNew(3)
print(w.created, w.v, type(w).__name__)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
class NotInst:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
print(NotInst())
class Attr:
    x = 1
class Attr2(Attr):
    pass
Attr.x = 2
print(Attr2.x, Attr2().x)
Attr2.x = 3
print(Attr.x, Attr2.x)
