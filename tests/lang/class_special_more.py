# special methods: __str__/__repr__ fallback, __bool__/__len__, hash rules, __getattr__, __missing__
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "OnlyStr-str"
o = OnlyRepr()
print(str(o), repr(o), "%s" % o, "{}".format(o), f"{o}", [o], str([OnlyStr()])[:9])
print(str(OnlyStr()), format(OnlyStr()), "%s" % OnlyStr())
class LenOnly:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class BoolWins:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(LenOnly(0)), bool(LenOnly(3)), bool(BoolWins()), len(BoolWins()), not LenOnly(0))
t(lambda: len(LenOnly(-1)))
t(lambda: bool(LenOnly(-1)))
t(lambda: len(LenOnly("x")))
class BadBool:
    def __bool__(self):
        return 1
t(lambda: bool(BadBool()))
t(lambda: "yes" if BadBool() else "no")
class EqNoHash:
    def __eq__(self, o):
        return True
class EqHash(EqNoHash):
    def __hash__(self):
        return 7
class NoHash:
    __hash__ = None
t(lambda: hash(EqNoHash()))
t(lambda: hash(EqHash()))
t(lambda: hash(NoHash()))
t(lambda: {NoHash()})
print(EqNoHash.__hash__ is None, isinstance(hash(object()), int))
class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dyn_" + name
        raise AttributeError("no " + name)
d = Dyn()
print(d.real, d.xyz, getattr(d, "x1"), hasattr(d, "nope"), getattr(d, "nope", "dflt"))
t(lambda: d.nope)
class Setter:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)
s = Setter()
s.a = 1
s.b = 2
del s.a
print(s.log, s.b, hasattr(s, "a"))
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
dd = DefaultDict(a=1)
print(dd["a"], dd["abc"], dd, "zz" in dd, dd.get("zz"))
class Sliceable:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        if isinstance(k, tuple):
            return ("tuple", k)
        return ("item", k)
    def __setitem__(self, k, v):
        print("set", k if not isinstance(k, slice) else (k.start, k.stop, k.step), v)
    def __delitem__(self, k):
        print("del", k if not isinstance(k, slice) else (k.start, k.stop, k.step))
sl = Sliceable()
print(sl[1], sl[1:2], sl[::3], sl[:], sl[1, 2], sl[1:2, 3], sl[...], sl["k"])
sl[0] = "a"
sl[1:5] = "b"
del sl[::2]
del sl[7]
class It:
    def __iter__(self):
        return 5
t(lambda: iter(It()))
t(lambda: list(It()))
class NotIt:
    pass
t(lambda: iter(NotIt()))
t(lambda: 1 in NotIt())
t(lambda: len(NotIt()))
t(lambda: NotIt()[0])
t(lambda: NotIt()())
def setitem(o, k, v):
    o[k] = v
t(lambda: setitem(NotIt(), 0, 1))
class ContainsViaIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in ContainsViaIter(), 5 in ContainsViaIter(), list(ContainsViaIter()), sorted(ContainsViaIter(), reverse=True))
class Neg:
    def __neg__(self):
        return "neg"
    def __pos__(self):
        return "pos"
    def __invert__(self):
        return "inv"
    def __abs__(self):
        return "abs"
print(-Neg(), +Neg(), ~Neg(), abs(Neg()))
t(lambda: -NotIt())
t(lambda: ~1.5)
t(lambda: -"s")
