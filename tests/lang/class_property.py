# property
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError:
    print("AttributeError read-only")
del t.celsius
print(t.celsius)
print(type(Temp.celsius).__name__, isinstance(Temp.__dict__["fahrenheit"], property))
class Old:
    def _get(self):
        return self._v * 2
    def _set(self, v):
        self._v = v
    value = property(_get, _set)
o = Old()
o.value = 21
print(o.value, o._v)
class Lazy:
    computed = 0
    def __init__(self):
        self._cache = None
    @property
    def data(self):
        if self._cache is None:
            Lazy.computed += 1
            self._cache = [1, 2, 3]
        return self._cache
z = Lazy()
print(z.data, z.data, Lazy.computed)
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @property
    def name(self):
        return "child of " + super().name
print(Child().name)
class Shadow:
    @property
    def p(self):
        return "property wins"
s = Shadow()
try:
    s.p = 1
except AttributeError:
    print("AttributeError no setter")
s.__dict__["p"] = "instance dict"
print(s.p)
class Err:
    @property
    def bad(self):
        raise KeyError("inside")
try:
    Err().bad
except KeyError as e:
    print("KeyError", e)
class WithGetattr:
    @property
    def p(self):
        raise AttributeError("p")
    def __getattr__(self, n):
        return "fallback " + n
print(WithGetattr().p)
class Doc:
    @property
    def d(self):
        "the doc"
        return 1
print(Doc.d.__doc__, Doc().d)
