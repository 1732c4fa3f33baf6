# staticmethod and classmethod
class C:
    count = 0
    def __init__(self):
        C.count += 1
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def create(cls, n):
        return [cls() for _ in range(n)]
    @classmethod
    def name(cls):
        return cls.__name__
    def regular(self):
        return self.add(1, 1), self.name()
print(C.add(2, 3), C().add(4, 5), len(C.create(3)), C.count, C.name(), C().name())
print(C().regular())
class D(C):
    pass
print(D.name(), type(D.create(1)[0]).__name__, D.add(1, 2))
class Factory:
    def __init__(self, v):
        self.v = v
    @classmethod
    def from_str(cls, s):
        return cls(int(s))
    def __repr__(self):
        return "%s(%d)" % (type(self).__name__, self.v)
class Sub(Factory):
    pass
print(Factory.from_str("5"), Sub.from_str("7"))
print(type(C.__dict__["add"]).__name__, type(C.__dict__["create"]).__name__)
def plain(x):
    return x * 2
class E:
    twice = staticmethod(plain)
    cm = classmethod(lambda cls: cls.__name__)
print(E.twice(4), E().twice(5), E.cm(), E().cm())
class Counter:
    instances = 0
    @classmethod
    def incr(cls):
        cls.instances += 1
        return cls.instances
class Counter2(Counter):
    pass
print(Counter.incr(), Counter.incr(), Counter2.incr(), Counter.instances, Counter2.instances)
sm = C.add
print(sm(10, 20), C.create.__self__ is C)
class Util:
    @staticmethod
    def helper():
        return "helper"
    @staticmethod
    def uses_helper():
        return Util.helper() + "!"
print(Util.uses_helper(), Util().uses_helper())
