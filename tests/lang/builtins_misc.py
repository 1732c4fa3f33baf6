# assorted builtin functions
print(abs(-3), abs(2.5), abs(-0.0), abs(-2 ** 70), abs(True))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, "", None]), any([0, "x"]))
print(bin(10), bin(-10), bin(0), oct(64), oct(-8), hex(255), hex(-255), hex(0))
print(chr(65), chr(0x263A), ord("A"), ord("€"), ord(b"a"), chr(ord("z") - 25))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(list(enumerate("abc")), list(enumerate([10, 20], start=5)), list(enumerate([], 1)))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, range(4))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [-1, -2])))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), dict(zip("ab", "xy")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))))
words = ["pear", "Fig", "apple", "kiwi", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("cba"), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([-3, 2, -1], key=abs))
print(min(3, 1, 2), max([4, 9, 1]), min("hello"), max("a", "B"), min([1, 2], [1, 1]))
print(min([], default="empty"), max([], default=None), min([5, -7, 3], key=abs), max(words, key=len))
print(max([1, 3, 3], key=lambda v: v), max((2, "x"), (2, "y")), min(1, 2.5), max(1, True))
print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.5]), sum([[1], [2]], []), sum(range(101)))
print(round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1234, -2), round(1250, -2))
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("s", str))
print(issubclass(bool, int), issubclass(int, (str, object)), isinstance(None, type(None)))
class O:
    pass
o = O()
setattr(o, "x", 5)
print(getattr(o, "x"), getattr(o, "y", "dflt"), hasattr(o, "x"), hasattr(o, "y"))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "y")
except AttributeError:
    print("AttributeError")
print(callable(len), callable(O), callable(o), callable(lambda: 0), callable("s"))
print(hash(1) == hash(1.0) == hash(True), hash("ab") == hash("a" + "b"), hash((1, "a")) == hash((1, "a")))
print(hash(0), hash(1), hash(-5), hash(None) == hash(None))
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(iter(""), None))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")
def cb():
    cb.n += 1
    return cb.n
cb.n = 0
print(list(iter(cb, 4)))
print(repr("s"), repr(1.5), repr([None, True]), repr({"k": (1,)}), repr(b"b"), repr(O)[:15])
print(len("abc"), len([1]), len({}), len(range(10)), len({1, 2}), len(b"xy"))
try:
    len(5)
except TypeError:
    print("TypeError len")
print(type(5) is int, type("s"), type(None).__name__, type(len).__name__ in ("builtin_function_or_method", "function"))
print(int("12") + float("1.5"), str(12) + "3", bool("False"), bool(""), list("ab"), tuple([1]))
print(pow(2, 8), dir(o) is not None, "x" in dir(O()) , format(255, "08b"), ascii("ü"))
print(list(range(3)) == [*range(3)], id(o) == id(o), o is o)
print(sorted(set("banana")), sorted(frozenset([3, 1])), dict(a=1), list({1: 2}.items()))
print(any(x > 2 for x in range(5)), all(x < 5 for x in range(5)))
print(max(range(10), key=lambda v: (v % 3, v)), min("bca", key=ord))
print(vars(o) == {}, isinstance(vars(o), dict), globals()["O"] is O, locals() is globals())
print(divmod(2 ** 65, 3), round(-2.5), round(0.125, 2), round(5), int(round(7.6)))
print(getattr([], "append").__name__, getattr("abc", "upper")())
print(eval("1 + 2"), str(object) in ("<class 'object'>",), object() != object())
