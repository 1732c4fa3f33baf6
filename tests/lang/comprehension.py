# list / dict / set comprehensions and scoping
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[y for y in range(x)] for x in range(4)])
print([c.upper() for c in "abc"], [s for s in ["a", "", "b"] if s])
print({x: x ** 2 for x in range(5)}, {k: v for k, v in zip("ab", [1, 2])})
print(sorted({x % 5 for x in range(50)}), sorted({c for c in "hello"}))
print([x if x % 2 else -x for x in range(6)])
print([i + j for i, j in [(1, 2), (3, 4)]], [a for a, *rest in [(1, 2, 3), (4,)]])
x = "outer"
r = [x for x in range(3)]
print(x, r)
def f():
    k = 10
    return [k + i for i in range(3)]
print(f())
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
funcs = [lambda: i for i in range(3)]
print([g() for g in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([g() for g in funcs2])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v != 4])
print(len([0 for _ in range(1000)]), [] == [z for z in []])
print({i: [j for j in range(i)] for i in range(3)})
print([(yield_ if True else 0) for yield_ in range(2)])
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
print({s: len(s) for s in ["aa", "b", "ccc"] if len(s) > 1})
data = {"a": 1, "b": 2}
print({v: k for k, v in data.items()}, [k * v for k, v in data.items()])
print([[0] * 2 for _ in range(2)], [w for w in "a b c".split()])
print(sum(x for x in range(10)), [(lambda q: q + 1)(t) for t in range(3)])
print([y := 5, y ** 2] if True else 0, [last := n for n in range(4)], last)
try:
    [1 / (i - 2) for i in range(5)]
except ZeroDivisionError:
    print("ZeroDivisionError")
