# min/max/sum/zip/map/filter/enumerate/reversed/sorted/any/all/iter with sentinel
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(min(3, 1, 2), max("b", "a"), min([4, 2, 8]), max((1,)), min("zyx"), max(range(5)))
print(min([], default=None), max([], default="empty"), min([5], default=0), max(iter([]), default=-1))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len), max([1, -5, 3], key=abs))
print(min(1, 2, key=lambda x: -x), max([(1, "b"), (1, "a")]), min([(2, 1), (1, 2)], key=lambda p: p[1]))
print(max([1, 3, 3.0, 2]), max([3.0, 3, 2]), min([0, -0.0, False]), max("a", "b", key=str.upper))
t(lambda: min([]))
t(lambda: max([]))
t(lambda: min(1))
t(lambda: max(1, 2, default=0))
t(lambda: min([1, "a"]))
t(lambda: max(key=len))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum(range(101)), sum([0.5, 0.25], 1), sum((), 7))
print(sum([True, True, False]), sum(x * x for x in range(5)), sum([2 ** 64, 2 ** 64]), sum([1, 2], start=3))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(10, 13), "xyz")), list(zip([], [1])))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
print(list(map(pow, [2, 3], [5, 2], [3, 7])), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b2")))
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "done"))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(5))))
print(list(reversed(range(10, 0, -3))), list(reversed(range(0))), "".join(reversed("héllo")), list(reversed(b"ab")))
class Rev:
    def __reversed__(self):
        return iter("custom")
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Rev())), list(reversed(Seq())), list(Seq()), 20 in Seq(), sorted(Seq(), reverse=True))
t(lambda: reversed(5))
t(lambda: reversed({1: 2}) and "dict reversed ok")
t(lambda: reversed({1, 2}))
t(lambda: reversed(iter([1])))
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(x > 3 for x in range(5)), all(iter([1, 0])))
it = iter([1, 2, 3, 4])
print(any(x == 2 for x in it), list(it))
calls = [3, 2, 1, 0, 5]
src = iter(calls)
print(list(iter(lambda: next(src), 0)))
print(list(iter(Seq())), next(iter("q")), next(iter([]), "dflt"))
t(lambda: iter(lambda: 1, 2, 3))
t(lambda: next(iter([])))
print(sorted([3, 1, 2], key=None), sorted(["b", "A", "c"], key=str.lower, reverse=True), sorted([]))
print(list(range(0, 10, 3)), list(range(5, 0, -2)), range(3) == range(0, 3), range(0) == range(5, 5), len(range(-5, 5, 3)))
r = range(10, 0, -2)
print(r[1], r[-1], r[1:3], r[::-1], 4 in r, 5 in r, r.index(6), r.count(8), list(r[::2]))
t(lambda: range(0, 10, 0))
t(lambda: range(3)[5])
t(lambda: range(1.0))
t(lambda: r.index(7))
print(abs(-5), abs(2.5), abs(-0.0), abs(True), abs(-2 ** 70), divmod(-7, 2), divmod(7, -2), divmod(2 ** 70, -3))
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(2.0, 3), round(pow(9, 0.5), 3))
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(-0.0), bool(range(0)), bool(range(1)))
print(isinstance(True, int), isinstance(1, (str, (float, int))), isinstance([], (tuple, dict)), issubclass(bool, (str, int)))
t(lambda: isinstance(1, (int, 5)))
t(lambda: isinstance(1, [int]))
