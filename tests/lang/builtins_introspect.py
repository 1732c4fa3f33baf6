# getattr/hasattr/setattr/delattr/dir/callable/type/vars/globals/locals
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class A:
    cls_attr = 1
    def method(self):
        return "m"
    @property
    def prop(self):
        raise AttributeError("from property")
    @property
    def prop2(self):
        raise ValueError("prop2")
a = A()
a.inst = 2
print(getattr(a, "inst"), getattr(a, "cls_attr"), getattr(a, "nope", "dflt"), getattr(A, "method")(a))
print(hasattr(a, "inst"), hasattr(a, "nope"), hasattr(a, "method"), hasattr(A, "inst"), hasattr(a, "prop"))
t(lambda: hasattr(a, "prop2"))
t(lambda: getattr(a, "nope"))
t(lambda: getattr(A, "nope"))
t(lambda: getattr(a, "prop", "dflt via AttributeError"))
t(lambda: getattr(a, "prop2", "dflt"))
setattr(a, "dyn", 3)
print(a.dyn, "dyn" in dir(a), "method" in dir(a), "cls_attr" in dir(A), "inst" in dir(A))
delattr(a, "dyn")
t(lambda: delattr(a, "dyn"))
t(lambda: a.dyn)
t(lambda: delattr(a, "cls_attr"))
del A.cls_attr
t(lambda: a.cls_attr)
t(lambda: setattr(5, "x", 1))
t(lambda: setattr("s", "upper", 1))
t(lambda: getattr(a, "in" + "st"))
print(sorted(a.__dict__), sorted(k for k in vars(a)), type(a) is A, type(A) is type, type(type) is type)
print(type(1), type("s"), type(None), type(A.method), type(len), type(lambda: 0), type(x for x in []))
print(type(a).__name__, A.__name__, int.__name__, type(None).__name__, type(print).__name__)
print(callable(len), callable(A), callable(a), callable(a.method), callable(None), callable("s"), callable(type))
print(type(5)(7), type("x")(5), type([])("ab"), type(a)().method())
T = type("T", (A,), {"z": 5, "f": lambda self: self.z * 2})
tt = T()
print(T.__name__, tt.z, tt.f(), isinstance(tt, A), T.__bases__ == (A,))
def fn():
    loc = 1
    other = "x"
    return sorted(locals().items())
print(fn(), "fn" in globals(), globals()["__name__"], "t" in globals())
gvar = 5
globals()["gvar2"] = 6
print(gvar2, globals()["gvar"])
print("__name__" in dir(), sorted(dir(a))[-4:], all(isinstance(x, str) for x in dir(1)))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")])
print(id(a) == id(a), id(a) != id(A()), hash(a) == hash(a), isinstance(hash("x"), int))
print(repr(A)[:16], repr(a.method)[:21], str(type(a))[:17])
print(A.__dict__["method"](a), "prop" in A.__dict__, a.__class__ is A, a.__class__.__name__, A.__module__)
print(int.__mro__ if False else "", bool.__bases__ if hasattr(bool, "__bases__") else (int,))
