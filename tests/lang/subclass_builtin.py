# subclassing builtin types
class MyList(list):
    def sum(self):
        return sum(self)
    def __repr__(self):
        return "MyList(" + list.__repr__(self) + ")"
m = MyList([3, 1, 2])
m.append(10)
m.sort()
print(m, m.sum(), len(m), m[0], m[-1], isinstance(m, list), type(m).__name__)
print(m + [5], type(m + [5]).__name__, m[1:3], type(m[1:3]).__name__, list(m))
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s.peek(), s.pop(), s, bool(s), bool(Stack()))
class DefaultDict(dict):
    def __init__(self, factory, *a, **kw):
        super().__init__(*a, **kw)
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = DefaultDict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, len(dd), "c" in dd, dd.get("c"), sorted(dd.keys()))
class CIDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
ci = CIDict()
ci["Key"] = 1
print(ci["KEY"], ci, isinstance(ci, dict))
class MyError(Exception):
    pass
class DetailError(MyError):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise DetailError(404, "not found")
except MyError as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr("ignored")
except Exception as e:
    print(e, repr(e.args))
print(repr(MyError("x")), str(MyError()), repr(MyError()), MyError(1, 2).args)
class MyInt(int):
    def double(self):
        return self * 2
i = MyInt(21)
print(i, i.double(), i + 1, type(i + 1).__name__, isinstance(i, int), i == 21, hash(i) == hash(21))
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
ms = MyStr("hey")
print(ms, ms.shout(), len(ms), ms + "x", type(ms + "x").__name__, ms == "hey", {ms: 1}["hey"])
class MyTuple(tuple):
    def first(self):
        return self[0]
mt = MyTuple((4, 5))
print(mt, mt.first(), len(mt), isinstance(mt, tuple))
class Attrs(list):
    pass
at = Attrs()
at.extra = "ok"
print(at.extra, at)
class MySet(set):
    pass
print(sorted(MySet([3, 1])), isinstance(MySet(), set))
class KeyErr(KeyError):
    pass
try:
    raise KeyErr("k")
except LookupError as e:
    print("LookupError caught", type(e).__name__)
class MyDict(dict):
    pass
md = MyDict(a=1)
md["b"] = 2
print(md, type(md).__name__, md == {"a": 1, "b": 2})
