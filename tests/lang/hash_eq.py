# user-defined __hash__/__eq__ in dicts and sets
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k.lower() == other.k.lower()
    def __hash__(self):
        return hash(self.k.lower())
    def __repr__(self):
        return "Key(%r)" % self.k
d = {Key("A"): 1}
d[Key("a")] = 2
print(len(d), d[Key("A")], d, Key("A") in d, Key("b") in d)
s = {Key("x"), Key("X"), Key("y")}
print(len(s), Key("Y") in s)
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, o):
        return self.v == o.v
items = {Collide(i): i for i in range(50)}
print(len(items), items[Collide(33)], Collide(99) in items)
for i in range(0, 50, 2):
    del items[Collide(i)]
print(len(items), sorted(items.values())[:5])
class NoHash:
    __hash__ = None
try:
    {NoHash()}
except TypeError:
    print("TypeError unhashable")
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError:
    print("TypeError __eq__ without __hash__")
class Ident:
    pass
a, b = Ident(), Ident()
print(len({a, b, a}), a == a, a == b, hash(a) == hash(a))
print({1: "int", 1.0: "float"}, {0: "a", False: "b", 0.0: "c"}, len({1, 1.0, True}))
print(hash(2 ** 70) == hash(2 ** 70), {2 ** 70: 1}[2 ** 70], {(1, (2, 3)): "t"}[(1, (2, 3))])
print({frozenset({1, 2}): "fs"}[frozenset({2, 1})], {"é": 1}["é"], {b"x": 1}[b"x"])
class Counted:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        Counted.calls += 1
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
cset = set()
for i in range(10):
    cset.add(Counted(i % 5))
print(len(cset), Counted.calls >= 10)
