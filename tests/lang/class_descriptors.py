# descriptors, properties with setter/deleter, classmethods on subclasses, class attributes
class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor on " + objtype.__name__
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("deleting", self.name)
        del obj.__dict__[self.name]
class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"
class Rec:
    age = Typed("age", int)
    label = NonData()
    def __init__(self, age):
        self.age = age
r = Rec(5)
print(r.age, Rec.age, r.label)
r.age = 7
print(r.age, r.__dict__)
try:
    r.age = "old"
except TypeError as e:
    print("TypeError", e)
del r.age
print(r.age)
r.label = "instance wins"
print(r.label, Rec.label)
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        "celsius"
        return self._c
    @c.setter
    def c(self, v):
        print("set c", v)
        self._c = v
    @c.deleter
    def c(self):
        print("del c")
        self._c = None
    f = property(lambda self: self._c * 9 / 5 + 32)
t = Temp()
t.c = 100
print(t.c, t.f)
del t.c
print(t.c)
try:
    t.f = 5
except AttributeError as e:
    print("AttributeError")
try:
    del t.f
except AttributeError as e:
    print("AttributeError del")
print(type(Temp.c).__name__, Temp.c.fget(t), Temp.c.__doc__ if hasattr(Temp.c, "__doc__") else "")
class Base:
    count = 0
    registry = []
    @classmethod
    def make(cls, *a):
        cls.count += 1
        obj = cls(*a)
        Base.registry.append(cls.__name__)
        return obj
    @staticmethod
    def helper(x):
        return x * 2
    def __init__(self, v=0):
        self.v = v
    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.v)
class Child(Base):
    pass
class Grand(Child):
    @classmethod
    def make(cls, *a):
        o = super().make(*a)
        o.v += 100
        return o
print(Base.make(1), Child.make(2), Grand.make(3), Child().make(4))
print(Base.count, Child.count, Grand.count, Base.registry)
print(Child.helper(4), Grand().helper(5), Base.helper.__name__ if hasattr(Base.helper, "__name__") else "helper")
class Counter:
    n = 0
    def __init__(self):
        Counter.n += 1
        self.n = Counter.n * 10
a, b = Counter(), Counter()
print(a.n, b.n, Counter.n)
del a.n
print(a.n)
class WithClassAttrList:
    shared = []
    def add(self, x):
        self.shared.append(x)
w1, w2 = WithClassAttrList(), WithClassAttrList()
w1.add(1)
w2.add(2)
print(WithClassAttrList.shared, w1.shared is w2.shared)
class Meth:
    def m(self):
        return self
o = Meth()
bm = o.m
print(bm() is o, Meth.m(o) is o, bm.__self__ is o, bm.__func__ is Meth.m, getattr(o, "m")() is o)
try:
    Meth.m()
except TypeError as e:
    print("TypeError", e)
