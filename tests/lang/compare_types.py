# comparisons across types, TypeError messages, hash of equal numbers, bool arithmetic
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

pairs = [(1, "1"), ("a", 1), (1, None), (None, None), ([], ()), ((), []), ({}, {}), ({1}, [1]),
         (1.5, "x"), (b"a", "a"), ("a", b"a"), (True, "t"), (object(), 1), (1, []), ([1], [None]), ((1, 2), (1, "a"))]
for a, b in pairs:
    for op in ["<", "<=", ">", ">="]:
        try:
            r = eval("a %s b" % op)
            print(type(a).__name__, op, type(b).__name__, r)
        except TypeError as e:
            print(type(a).__name__, op, type(b).__name__, "TypeError", e)
    print(type(a).__name__, "==", type(b).__name__, a == b, a != b)
print(1 == 1.0 == True, 0 == False == 0.0, 2 == 2.0, 10 ** 20 == 1e20, 2 ** 60 == 2.0 ** 60, 3 != 3.0000001)
print(1 < 1.5 < 2, -1 < False, True > 0.5, 2 ** 100 > 1.0e30, -(2 ** 100) < -1e30, 1e400 > 10 ** 300 if False else True)
print(float("nan") == float("nan"), float("nan") < 1, float("nan") >= 1, [float("nan")] == [float("nan")])
nan = float("nan")
print([nan] == [nan], (nan,) == (nan,), nan in [nan], {nan: 1}.get(nan))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0), hash(2 ** 61 - 1) == hash(float(2 ** 61 - 1)) or True)
print(hash(1.5) == hash(1.5), hash((1, 2)) == hash((1.0, 2.0)), hash("") == hash(""), hash(()) == hash(()))
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len({1, 1.0, True, 2, 2.0}), {0.0: 0}[0], {False: "f"}.get(0))
t(lambda: hash([]))
t(lambda: hash({}))
t(lambda: hash((1, [2])))
t(lambda: {(1, [2]): 3})
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, ~True, True << 3, True & False, True | False, True ^ True)
print(type(True + True).__name__, type(True & True).__name__, type(True | 0).__name__, type(~False).__name__, type(-False).__name__)
print(str(True), repr(False), int(True), float(False), True == 1, bool(2) is True)
print(sum([True] * 5), max(True, 2), [10, 20][True], "ab"[False], True ** 2, divmod(True, True), abs(False))
print(isinstance(True, int), issubclass(bool, int), bool.__name__, bool(), bool(None), bool(NotImplemented) if False else True)
t(lambda: sorted([3, "a", 1]))
t(lambda: sorted([1, None]))
t(lambda: sorted([(1, "a"), (1, 2)]))
t(lambda: max(1, "a"))
t(lambda: min([[], ()]))
t(lambda: [1, 2].sort(key=lambda x: None if x == 1 else 0))
print(sorted([1, 2.5, True, -1, 0.0]), sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2], [1, 5], [1]]))
print("abc" < "abd" < "b", (1, 2) < (1, 2, 0), [1] < [1, 0], "" < "a", b"" < b"\x00", (2,) > (1, 99))
print(None is None, None == None, None != 0, not None, () == (), "" == "")
class Eq:
    def __eq__(self, other):
        return True
print(Eq() == 1, 1 == Eq(), Eq() != 1, None == Eq(), [Eq()] == [5], Eq() in [1], 1 in [Eq()])
t(lambda: Eq() < Eq())
t(lambda: hash(Eq()))
class Ord:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "Ord(%d)" % self.v
print(sorted([Ord(3), Ord(1), Ord(2)]), max([Ord(3), Ord(5)]), min(Ord(2), Ord(1)), Ord(1) > Ord(0))
t(lambda: Ord(1) <= Ord(2))
